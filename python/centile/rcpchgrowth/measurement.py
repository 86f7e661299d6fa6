"""rcpchgrowth's Measurement: one observation of a child, with its ``.measurement`` dict, from the engine."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Optional, Tuple

from centile import _centile
from centile._centile import CentileError
from .age_advice_strings import comment_prematurity_correction
from .centile_bands import centile_band_for_centile
from .constants.reference_constants import (
    BMI,
    CDC,
    COLE_TWO_THIRDS_SDS_NINE_CENTILES,
    EIGHTY_FIVE_PERCENT_CENTILES,
    THREE_PERCENT_CENTILES,
)
from ._dates import iso, shifted, to_date

#: Per age, the keys _as_rcpchgrowth rewrites: its SDS, its band, its plotted points' key, and its two comments.
_AGES = tuple((f"{age}_sds", f"{age}_centile_band", f"{age}_decimal_age_data", f"lay_{age}_decimal_age_comment",
               f"clinician_{age}_decimal_age_comment") for age in ("chronological", "corrected"))


def _band_format(reference: str, method: str) -> str:
    if reference == CDC:
        return EIGHTY_FIVE_PERCENT_CENTILES if method == BMI else THREE_PERCENT_CENTILES
    return COLE_TWO_THIRDS_SDS_NINE_CENTILES


def _as_rcpchgrowth(m: Dict[str, Any], birth_date: Any, observation_date: Any) -> Dict[str, Any]:
    """The engine's measurement object in rcpchgrowth's form: dates as the date objects given (the estimated date
    of delivery as a date), and rcpchgrowth's own wording for the age comments and centile bands."""
    birth, dates = m["birth_data"], m["measurement_dates"]
    values, method = m["measurement_calculated_values"], m["child_observation_value"]["measurement_method"]
    reference = m["provenance"]["growth_reference"]
    birth["birth_date"] = birth_date if birth_date is not None else to_date(birth["birth_date"])
    birth["estimated_date_delivery"] = shifted(birth["birth_date"], birth["estimated_date_delivery"])
    seen = dates["observation_date"]
    dates["observation_date"] = observation_date if observation_date is not None else to_date(seen)
    c = comment_prematurity_correction(dates["chronological_decimal_age"], dates["corrected_decimal_age"],
                                       birth["gestation_weeks"], birth["gestation_days"], reference)
    comments = {
        "clinician_corrected_decimal_age_comment": c["clinician_corrected_comment"],
        "lay_corrected_decimal_age_comment": c["lay_corrected_comment"],
        "clinician_chronological_decimal_age_comment": c["clinician_chronological_comment"],
        "lay_chronological_decimal_age_comment": c["lay_chronological_comment"],
    }
    dates["comments"] = comments
    fmt = _band_format(reference, method)
    plotted = m["plottable_data"]
    centile_points, sds_points = plotted["centile_data"], plotted["sds_data"]
    for sds_key, band_key, points_key, lay_key, clinician_key in _AGES:
        sds = values[sds_key]
        band = None if sds is None else centile_band_for_centile(sds, method, fmt, reference)
        values[band_key] = band
        lay, clinician = comments[lay_key], comments[clinician_key]
        point = centile_points[points_key]
        point["centile_band"], point["lay_comment"], point["clinician_comment"] = band, lay, clinician
        point = sds_points[points_key]
        point["centile_band"], point["lay_comment"], point["clinician_comment"] = band, lay, clinician
        point.pop("sds", None)
        point.pop("observation_error", None)
    return m


class MeasurementTypeError(CentileError, TypeError):
    """A field of the wrong type or missing (rcpchgrowth raises a TypeError there)."""


class Measurement:
    """One observation of a child, calculated on construction: ``.measurement`` is rcpchgrowth's dict
    (birth_data, measurement_dates, child_observation_value, measurement_calculated_values, plottable_data,
    bone_age, events_data; provenance names centile).

    Dates may be ``date`` or ``datetime``; ``gestation_weeks=0`` means term, as in rcpchgrowth. A value the
    reference cannot place, or an implausible one, is answered with its ``observation_value_error`` as in
    rcpchgrowth; invalid input raises ``centile.CentileError`` (a ValueError) naming each field.
    """

    def __init__(self, birth_date: datetime.date, measurement_method: str, observation_date: datetime.date,
                 observation_value: float, reference: str, sex: str, gestation_days: int = 0,
                 gestation_weeks: int = 0, events_text: Optional[List[str]] = None, bone_age: Optional[float] = None,
                 bone_age_type: Optional[str] = None, bone_age_sds: Optional[float] = None,
                 bone_age_centile: Optional[float] = None, bone_age_text: Optional[str] = None) -> None:
        self.birth_date = birth_date
        self.gestation_days = gestation_days
        self.gestation_weeks = gestation_weeks
        self.measurement_method = measurement_method
        self.observation_date = observation_date
        self.observation_value = observation_value
        self.reference = reference
        self.sex = sex
        self.bone_age = bone_age
        self.bone_age_type = bone_age_type
        self.bone_age_sds = bone_age_sds
        self.bone_age_centile = bone_age_centile
        self.bone_age_text = bone_age_text
        self.events_text = events_text
        for name, given in (("birth_date", birth_date), ("observation_date", observation_date)):
            if not isinstance(given, (datetime.date, str)):
                error = MeasurementTypeError(f"{name}: Input should be a valid date")
                error.detail = [{"loc": ["body", name], "msg": "Input should be a valid date", "type": "date_type",
                                 "input": None}]
                raise error
        body: Dict[str, Any] = {"birth_date": iso(birth_date), "observation_date": iso(observation_date),
                                "observation_value": observation_value, "sex": sex,
                                "measurement_method": measurement_method}
        if gestation_weeks:
            body["gestation_weeks"], body["gestation_days"] = gestation_weeks, gestation_days
        optional: Tuple[Tuple[str, Any], ...] = (("events_text", events_text), ("bone_age", bone_age),
                                                 ("bone_age_type", bone_age_type),
                                                 ("bone_age_sds", bone_age_sds), ("bone_age_centile", bone_age_centile),
                                                 ("bone_age_text", bone_age_text))
        for key, extra in optional:
            if extra is not None:
                body[key] = extra
        try:
            answer = _centile.calculation(reference, body)
        except CentileError as e:
            if any(d["type"] == "missing" or d["type"].endswith(("_type", "_parsing")) for d in e.detail):
                error = MeasurementTypeError(str(e))
                error.detail = e.detail
                raise error from None
            raise
        self.measurement: Dict[str, Any] = _as_rcpchgrowth(answer, birth_date, observation_date)
