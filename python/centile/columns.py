"""SDS, centiles and measurements over columns (NumPy, pandas, Polars or pyarrow), and whole frames scored as
``centile calculate`` scores a CSV. Text columns are factorised by NumPy (the engine reads each distinct text
once), so no Python code runs per row; the engine computes in parallel without the GIL. Needs NumPy
(``pip install centile[arrays]``); :func:`score` also needs pandas or Polars, whichever frame it is given."""

from __future__ import annotations

import datetime
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, cast

from . import _centile
from ._centile import CentileError

#: The request fields :func:`score` reads, named as in the API (``reference`` is optional).
INPUT_FIELDS = (
    "birth_date",
    "observation_date",
    "observation_value",
    "sex",
    "measurement_method",
    "gestation_weeks",
    "gestation_days",
    "reference",
)
_REQUIRED = INPUT_FIELDS[:5]

#: The columns :func:`score` appends, in order: those of ``centile calculate``.
OUTPUT_COLUMNS = (
    "chronological_decimal_age",
    "corrected_decimal_age",
    "chronological_sds",
    "chronological_centile",
    "corrected_sds",
    "corrected_centile",
    "chronological_centile_band",
    "corrected_centile_band",
    "corrected_percentage_median_bmi",
    "error",
)


def _np() -> Any:
    import numpy

    return numpy


def _array(column: Any, rows: Optional[int] = None) -> Any:
    """A NumPy array of a column: NumPy, pandas, Polars, pyarrow (Array or ChunkedArray) or a sequence."""
    if type(column).__module__.startswith("pyarrow"):
        values = column.to_numpy(zero_copy_only=False)
    elif hasattr(column, "to_numpy"):
        values = column.to_numpy()
    else:
        values = _np().asarray(column)
    if rows is not None and len(values) != rows:
        raise ValueError("Every column must have the same length")
    return values


def _factor(column: Any, rows: int) -> Tuple[List[str], Optional[Any]]:
    """A text column as its distinct texts and each row's index into them (-1 where missing), or one name for
    every row. pandas' hash factorisation when it is installed, else NumPy's sort."""
    if isinstance(column, str):
        return [column], None
    np = _np()
    if type(column).__module__.startswith("pandas") and hasattr(column, "factorize"):
        if len(column) != rows:
            raise ValueError("Every column must have the same length")
        codes, names = column.factorize()  # on the column's own storage (Arrow strings stay Arrow)
        return [str(n) for n in names], np.asarray(codes, dtype=np.int64)
    values = _array(column, rows)
    try:
        import pandas  # type: ignore[import-untyped]
    except ImportError:
        names, codes = np.unique(values.astype(str), return_inverse=True)
        return names.tolist(), codes.astype(np.int64, copy=False).reshape(-1)
    codes, names = pandas.factorize(values)
    return [str(n) for n in names], codes.astype(np.int64, copy=False)


def _floats(column: Any, rows: int) -> Any:
    """A numeric column as float64; NaN where a cell is missing or not a number."""
    np = _np()
    values = _array(column, rows)
    try:
        return np.ascontiguousarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        return np.array([_number(v) for v in values], dtype=np.float64)  # only a column with non-numbers


def _number(cell: Any) -> float:
    try:
        return float(cell)
    except (TypeError, ValueError):
        return float("nan")


def _days(column: Any, rows: int) -> Any:
    """Dates as days since 1970-01-01 (int64; the minimum where missing or not an ISO date)."""
    np = _np()
    if str(getattr(column, "dtype", "")).startswith("datetime64") or (
            not type(column).__module__.startswith("pandas") and _array(column).dtype.kind == "M"):
        return _array(column, rows).astype("datetime64[D]").astype(np.int64)
    names, codes = _factor(column, rows)
    days = np.asarray(_centile.epoch_days(names) + [np.iinfo(np.int64).min], dtype=np.int64)
    return days[codes] if codes is not None else np.full(rows, days[0])


def _rejected(name: str, msg: str, kind: str) -> CentileError:
    """A 422 naming the argument or column ``name``, in the API's ``detail`` shape."""
    error = CentileError(f"{name}: {msg}")
    error.detail = [{"loc": [name], "msg": msg, "type": kind, "input": None}]
    return error


def _numbers(name: str, column: Any, rows: Optional[int] = None) -> Any:
    """A numeric argument as a contiguous 1-D float64 array, or a 422 naming it: dates and durations are no
    decimal ages or measurements, and neither are texts that do not read as numbers."""
    np = _np()
    try:
        values = _array(column)
        if values.ndim != 1:
            raise _rejected(name, "Input should be a one-dimensional column", "value_error")
        if values.dtype.kind in "mM":
            raise _rejected(name, "Input should be numbers, not dates or durations", "float_type")
        if rows is not None and len(values) != rows:
            raise _rejected(name, "Every column must have the same length", "value_error")
        return np.ascontiguousarray(values, dtype=np.float64)
    except CentileError:
        raise
    except Exception as e:  # whatever reading the caller's column raised
        raise _rejected(name, "Input should be a column of numbers", "float_type") from e


def _names(name: str, column: Any, rows: int) -> Tuple[List[str], Optional[Any]]:
    """A name argument (one name, or a column of names) as :func:`_factor` reads it, or a 422 naming it."""
    if not isinstance(column, str) and (not hasattr(column, "__len__") or len(column) != rows):
        raise _rejected(name, "Input should be one name or a column of names as long as the ages", "value_error")
    try:
        return _factor(column, rows)
    except Exception as e:  # whatever reading the caller's column raised
        raise _rejected(name, "Input should be one name or a column of names as long as the ages", "value_error") from e


def _column(kind: str, reference: Any, measurement_method: Any, sex: Any, ages: Any, values: Any) -> Any:
    ages = _numbers("ages", ages)
    rows = len(ages)
    values = _numbers("sds" if kind == "measurement" else "values", values, rows)
    r, rc = _names("reference", reference, rows)
    m, mc = _names("measurement_method", measurement_method, rows)
    s, sc = _names("sex", sex, rows)
    return _centile.column(kind, r, rc, m, mc, s, sc, ages, values)


def sds(reference: Any, measurement_method: Any, sex: Any, ages: Any, values: Any) -> Any:
    """The SDS of each measurement at its decimal age (years), as a float64 NumPy array; NaN where a row cannot
    be placed (an unknown name, no reference data at that age, a value that is not positive).

    ``reference``, ``measurement_method`` and ``sex`` are each one name for every row or a column of names;
    ``ages`` and ``values`` are numeric columns. Columns may be NumPy, pandas, Polars or pyarrow arrays.
    """
    return _column("sds", reference, measurement_method, sex, ages, values)


def centile(reference: Any, measurement_method: Any, sex: Any, ages: Any, values: Any) -> Any:
    """The centile (0-100, unrounded) of each measurement, taking its columns as :func:`sds` does."""
    return _column("centile", reference, measurement_method, sex, ages, values)


def measurement_from_sds(reference: Any, measurement_method: Any, sex: Any, ages: Any, sds: Any) -> Any:
    """The measurement at each SDS and decimal age, rounded to 4 places as the API rounds it; NaN where none."""
    return _column("measurement", reference, measurement_method, sex, ages, sds)


def _cell(value: Any) -> Any:
    """A frame cell as a request field: None when missing, dates as ISO text, NumPy numbers as Python's."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        value = value.strip(" \t\r\n")
        return value or None
    if isinstance(value, (datetime.date, datetime.datetime)) or hasattr(value, "isoformat"):
        try:
            return value.date().isoformat() if hasattr(value, "date") else value.isoformat()
        except ValueError:  # NaT
            return None
    if hasattr(value, "item"):
        return _cell(value.item())
    try:
        import pandas

        if pandas.isna(value):
            return None
    except (ImportError, TypeError, ValueError):
        pass
    return value


def _general(columns: Dict[str, Any], row: int, reference: str) -> Dict[str, Any]:
    """The measurement object of a row read as the API reads its cells (empty cells are absent fields)."""
    body = {}
    for field in INPUT_FIELDS[:7]:
        if field in columns:
            cell = _cell(columns[field][row])
            if cell is not None:
                body[field] = cell
    name = _cell(columns["reference"][row]) if "reference" in columns else None
    return cast(Dict[str, Any], _centile.calculation(name or reference, body))


def _scores(columns: Dict[str, Any], rows: int, reference: str) -> Dict[str, Any]:
    """The output columns of :func:`score` as NumPy arrays, from the input columns by request field."""
    np = _np()
    missing = [f for f in _REQUIRED if f not in columns]
    if missing:
        absent = CentileError(f"The frame has no column {', '.join(missing)}: name the columns as the API's request fields")
        absent.detail = [{"loc": [f], "msg": "Field required", "type": "missing", "input": None} for f in missing]
        raise absent
    nan = np.full(rows, np.nan)
    r, rc = _factor(columns["reference"], rows) if "reference" in columns else ([reference], None)
    s, sc = _factor(columns["sex"], rows)
    m, mc = _factor(columns["measurement_method"], rows)
    out, general, rejected = _centile.score(
        r,
        rc,
        _days(columns["birth_date"], rows),
        _days(columns["observation_date"], rows),
        _floats(columns["observation_value"], rows),
        s,
        sc,
        m,
        mc,
        _floats(columns["gestation_weeks"], rows) if "gestation_weeks" in columns else nan,
        _floats(columns["gestation_days"], rows) if "gestation_days" in columns else nan,
    )
    codes = np.concatenate([out["chronological_centile_band"], out["corrected_centile_band"]])
    distinct, where = np.unique(codes, return_inverse=True)
    texts = _centile.band_texts(distinct.tolist())
    where = where.reshape(-1)
    out["chronological_centile_band"] = _Texts(texts, where[:rows])
    out["corrected_centile_band"] = _Texts(texts, where[rows:])
    error = out["error"] = _Texts([None], np.zeros(rows, dtype=np.int64))
    for row, message in rejected:
        error.set(row, message)
    if general:
        cells = {f: _array(c) for f, c in columns.items()}
        for row in general:
            try:
                _place(out, row, _general(cells, row, reference))
            except CentileError as e:
                error.set(row, str(e))
    return {name: out[name] for name in OUTPUT_COLUMNS}


class _Texts:
    """A text column as a table of texts (None for no text) and each row's index into it: what a frame makes
    its categorical or string column from without a Python object per row."""

    def __init__(self, texts: List[Optional[str]], index: Any) -> None:
        self.texts, self.index = texts, index

    def set(self, row: int, text: Optional[str]) -> None:
        self.index[row] = len(self.texts)
        self.texts.append(text)

    def categorical(self) -> Tuple[Any, List[str]]:
        """(codes, categories): distinct non-None texts, -1 for None."""
        np = _np()
        categories: Dict[str, int] = {}
        remap = np.array([-1 if t is None else categories.setdefault(t, len(categories)) for t in self.texts],
                         dtype=np.int64)
        return remap[self.index], list(categories)


def _place(out: Dict[str, Any], row: int, m: Dict[str, Any]) -> None:
    """Writes the scores of a measurement object into row ``row`` of the output columns, and why it is flagged,
    if it is, into ``error``."""
    dates, values = m["measurement_dates"], m["measurement_calculated_values"]
    flag = m["child_observation_value"].get("observation_value_error")
    if flag is not None:
        out["error"].set(row, flag)
    for name, value in (
        ("chronological_decimal_age", dates["chronological_decimal_age"]),
        ("corrected_decimal_age", dates["corrected_decimal_age"]),
        ("chronological_sds", values["chronological_sds"]),
        ("chronological_centile", values["chronological_centile"]),
        ("corrected_sds", values["corrected_sds"]),
        ("corrected_centile", values["corrected_centile"]),
        ("chronological_centile_band", values["chronological_centile_band"]),
        ("corrected_centile_band", values["corrected_centile_band"]),
        ("corrected_percentage_median_bmi", values.get("corrected_percentage_median_bmi")),
    ):
        if value is None:
            continue
        if isinstance(out[name], _Texts):
            out[name].set(row, value)
        else:
            out[name][row] = value


def score(frame: Any, reference: str = "uk-who") -> Any:
    """Scores every row of a pandas or Polars frame, returning the frame with the columns of
    ``centile calculate`` appended (:data:`OUTPUT_COLUMNS`): decimal ages, SDS and centiles at both ages, the
    centile band sentences, BMI as a percentage of the median, and ``error``.

    The frame's columns are named as the API's request fields (:data:`INPUT_FIELDS`): ``birth_date`` and
    ``observation_date`` (dates or ISO text), ``observation_value``, ``sex``, ``measurement_method``, and
    optionally ``gestation_weeks``, ``gestation_days`` (default 40+0) and ``reference`` (a row's own reference;
    otherwise ``reference``). A row the API would reject keeps empty scores and gets the API's 422 message in
    ``error``; the other rows still score.
    """
    module = type(frame).__module__
    if not hasattr(frame, "columns"):
        raise _rejected("frame", "Input should be a pandas or Polars frame", "model_attributes_type")
    if module.startswith("polars"):
        import polars

        columns = {f: frame.get_column(f) for f in INPUT_FIELDS if f in frame.columns}
        out = _scores(columns, frame.height, reference)
        series = []
        for name, values in out.items():
            if isinstance(values, _Texts):
                codes, categories = values.categorical()
                index = polars.Series(codes)
                missing = (codes < 0).nonzero()[0]
                if len(missing):
                    index = index.scatter(missing, None)
                series.append(polars.Series(name, categories, dtype=polars.String).gather(index))
            else:
                series.append(polars.Series(name, values, dtype=polars.Float64))
        return frame.with_columns(series).select(list(frame.columns) + [c for c in OUTPUT_COLUMNS if c not in frame.columns])
    import pandas

    columns = {f: frame[f] for f in INPUT_FIELDS if f in frame.columns}
    out = _scores(columns, len(frame), reference)
    for name, values in out.items():
        if isinstance(values, _Texts):
            codes, categories = values.categorical()
            out[name] = pandas.Categorical.from_codes(codes, categories=categories)
    return frame.assign(**out)


def score_batches(batches: Iterable[Any], reference: str = "uk-who") -> Iterator[Any]:
    """Scores pyarrow record batches (the shape of Spark's ``DataFrame.mapInArrow``): each batch is yielded with
    :data:`OUTPUT_COLUMNS` appended, as :func:`score` appends them. Needs pandas and pyarrow."""
    import pyarrow  # type: ignore[import-untyped]

    for batch in batches:
        yield pyarrow.RecordBatch.from_pandas(score(batch.to_pandas(), reference), schema=output_schema(batch.schema),
                                              preserve_index=False)


def output_schema(input_schema: Any) -> Any:
    """The pyarrow schema :func:`score_batches` yields for ``input_schema``: its fields, then the scores (float64),
    the band sentences and ``error`` (string)."""
    import pyarrow

    text = ("chronological_centile_band", "corrected_centile_band", "error")
    fields = list(input_schema) + [pyarrow.field(c, pyarrow.string() if c in text else pyarrow.float64())
                                   for c in OUTPUT_COLUMNS]
    return pyarrow.schema(fields)
