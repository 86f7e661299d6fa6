"""Array functions and score(frame) against the dict API and the CLI's `calculate`."""

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import centile
from centile import _centile
from frames import FIELDS, assert_same, cli_scores, rows
from conftest import vectors

SDS = vectors("sds_for_measurement.json")["cases"]


def test_array_sds_and_centile_equal_the_scalar_api():
    ref, method, sex, age, value, expect = (list(c) for c in zip(*SDS))
    sds = centile.sds(np.array(ref), pd.Series(method), pl.Series(sex), pa.array(age), np.array(value))
    cent = centile.centile(ref, method, sex, np.array(age), np.array(value))
    for i, e in enumerate(expect):
        if isinstance(e, float):
            assert sds[i] == _centile.sds_for_measurement({"reference": ref[i], "measurement_method": method[i],
                                                           "sex": sex[i], "age": age[i], "observation_value": value[i]})
            assert cent[i] == _centile.centile_for_sds(sds[i])
        else:
            assert np.isnan(sds[i]) and np.isnan(cent[i])


def test_array_measurement_from_sds_equals_the_scalar_api():
    cases = vectors("measurement_from_sds.json")["cases"]
    ref, method, sex, age, z, _ = (list(c) for c in zip(*cases))
    got = centile.measurement_from_sds(np.array(ref), np.array(method), np.array(sex), np.array(age), np.array(z))
    for i in range(len(cases)):
        args = {"reference": ref[i], "measurement_method": method[i], "sex": sex[i], "age": age[i], "sds": z[i]}
        try:
            want = _centile.measurement_from_sds(args)
        except centile.CentileError:
            want = None
        assert (np.isnan(got[i]) and want is None) or got[i] == want, args


def test_one_name_for_every_row_and_unknown_names():
    ages, values = np.array([1.0, 2.0, 3.0]), np.array([9.0, 12.0, 14.0])
    assert np.array_equal(centile.sds("uk-who", "weight", "male", ages, values),
                          centile.sds(["uk-who"] * 3, ["weight"] * 3, ["male"] * 3, ages, values))
    assert np.isnan(centile.sds("uk-who", "weight", ["male", "boy", "male"], ages, values)[1])
    with pytest.raises(ValueError):
        centile.sds("uk-who", "weight", ["male", "male"], ages, values)


@pytest.mark.parametrize("kind", ["pandas", "polars", "pandas-dates"])
def test_score_equals_the_cli(cli, kind):
    table = rows()
    columns, expected = cli_scores(cli, table)
    assert tuple(columns) == centile.columns.OUTPUT_COLUMNS
    frame = pd.DataFrame(table, columns=FIELDS)  # text cells, as the CLI reads them
    if kind == "pandas-dates":
        for d in ("birth_date", "observation_date"):
            frame[d] = pd.to_datetime(frame[d], format="%Y-%m-%d", errors="coerce")
    if kind == "polars":
        scored = centile.score(pl.from_pandas(frame)).to_pandas()
    else:
        scored = centile.score(frame)
    assert list(scored.columns) == FIELDS + list(columns)
    if kind == "pandas-dates":  # an impossible date is NaT before it reaches centile: the API's "Field required"
        bad = scored["birth_date"].isna() | scored["observation_date"].isna()
        assert scored.loc[bad, "error"].str.contains("Field required").all()
        expected = [r for r, b in zip(expected, bad) if not b]
        scored = scored[~bad.to_numpy()]
    assert_same(columns, expected, {c: scored[c].tolist() for c in columns})
    assert scored["error"].notna().sum() >= 8 and scored["corrected_sds"].notna().sum() > 3000
