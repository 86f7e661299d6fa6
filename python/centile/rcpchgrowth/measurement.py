"""rcpchgrowth's Measurement: one observation of a child, with its ``.measurement`` dict, from the engine."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Optional

from centile import _centile
from centile._centile import CentileError, ages_between
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

_AGES = ("chronological", "corrected")


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
    for age in _AGES:
        sds = values[f"{age}_sds"]
        band = None if sds is None else centile_band_for_centile(sds, method, fmt, reference)
        values[f"{age}_centile_band"] = band
        for kind in ("centile_data", "sds_data"):
            point = m["plottable_data"][kind][f"{age}_decimal_age_data"]
            point["centile_band"] = band
            point["lay_comment"] = comments[f"lay_{age}_decimal_age_comment"]
            point["clinician_comment"] = comments[f"clinician_{age}_decimal_age_comment"]
            if kind == "sds_data":
                point.pop("sds", None)
                point.pop("observation_error", None)
    return m


def _unplaced(reference: str, body: Dict[str, Any], birth_date: Any, observation_date: Any, error: str,
              weeks: int, days: int) -> Dict[str, Any]:
    """rcpchgrowth's dict for an observation the reference has no data for at either age: the ages and comments,
    every score None and the reason as each age's error (the engine answers a 422 there)."""
    chronological, corrected, edd, calendar, pma = ages_between(iso(birth_date), iso(observation_date), weeks, days)
    delivery = to_date(edd)
    corrected_calendar = (ages_between(edd, iso(observation_date), 40, 0)[3]
                          if delivery <= to_date(iso(observation_date)) else None)
    c = comment_prematurity_correction(chronological, corrected, weeks, days, reference)
    comments = {
        "clinician_corrected_decimal_age_comment": c["clinician_corrected_comment"],
        "lay_corrected_decimal_age_comment": c["lay_corrected_comment"],
        "clinician_chronological_decimal_age_comment": c["clinician_chronological_comment"],
        "lay_chronological_decimal_age_comment": c["lay_chronological_comment"],
    }
    value, bone = body["observation_value"], {k: body.get(k) for k in
                                             ("bone_age", "bone_age_type", "bone_age_sds", "bone_age_centile",
                                              "bone_age_text")}
    pma_text = "" if pma is None else f"{pma[0]} + {pma[1]} weeks"

    def point(age: str, x: float, y: Optional[float], centile_data: bool) -> Dict[str, Any]:
        p: Dict[str, Any] = {"x": x, "y": y, "b": bone["bone_age"], "centile": None}
        if centile_data:
            p["sds"] = None
        p.update({"events_text": body.get("events_text"), "bone_age_label": bone["bone_age_text"],
                  "bone_age_type": bone["bone_age_type"], "bone_age_sds": bone["bone_age_sds"],
                  "bone_age_centile": bone["bone_age_centile"]})
        if centile_data:
            p["observation_error"] = error
        p["age_type"] = f"{age}_age"
        if age == "corrected":
            p["corrected_gestational_age"] = pma_text
        p.update({"calendar_age": calendar if age == "chronological" else corrected_calendar,
                  "lay_comment": comments[f"lay_{age}_decimal_age_comment"],
                  "clinician_comment": comments[f"clinician_{age}_decimal_age_comment"],
                  "age_error": None, "centile_band": None, "observation_value_error": error})
        return p

    ages = {"chronological": chronological, "corrected": corrected}
    return {
        "provenance": _centile.provenance(reference),
        "birth_data": {"birth_date": birth_date, "gestation_weeks": weeks, "gestation_days": days,
                       "estimated_date_delivery": shifted(birth_date, edd),
                       "estimated_date_delivery_string": delivery.strftime("%a %d %B, %Y"), "sex": body["sex"]},
        "measurement_dates": {"observation_date": observation_date, "chronological_decimal_age": chronological,
                              "corrected_decimal_age": corrected, "chronological_calendar_age": calendar,
                              "corrected_calendar_age": corrected_calendar,
                              "corrected_gestational_age": {"corrected_gestation_weeks": pma[0] if pma else None,
                                                            "corrected_gestation_days": pma[1] if pma else None},
                              "comments": comments, "corrected_decimal_age_error": None,
                              "chronological_decimal_age_error": None},
        "child_observation_value": {"measurement_method": body["measurement_method"], "observation_value": value,
                                    "observation_value_error": error},
        "measurement_calculated_values": {
            "corrected_sds": None, "corrected_centile": None, "corrected_centile_band": None,
            "chronological_sds": None, "chronological_centile": None, "chronological_centile_band": None,
            "corrected_measurement_error": error, "chronological_measurement_error": error,
            "corrected_percentage_median_bmi": None, "chronological_percentage_median_bmi": None},
        "plottable_data": {
            "centile_data": {f"{a}_decimal_age_data": point(a, x, value, True) for a, x in ages.items()},
            "sds_data": {f"{a}_decimal_age_data": point(a, x, None, False) for a, x in ages.items()},
        },
        "bone_age": bone,
        "events_data": {"events_text": body.get("events_text")},
    }


def _no_data(reference: str, body: Dict[str, Any]) -> bool:
    """Whether the reference has no data for this measurement at either age (rcpchgrowth then gives a dict of
    None scores rather than an error)."""
    weeks, days = body.get("gestation_weeks", 40), body.get("gestation_days", 0)
    try:
        chronological, corrected = ages_between(body["birth_date"], body["observation_date"], weeks, days)[:2]
    except ValueError:
        return False
    for age in (chronological, corrected):
        try:
            _centile.sds_for_measurement({"reference": reference, "age": age, "sex": body["sex"],
                                          "measurement_method": body["measurement_method"],
                                          "observation_value": body["observation_value"]})
            return False
        except CentileError as e:
            if not all(d["loc"][-1] in ("age", "measurement_method") for d in e.detail):
                return False
    return True


class Measurement:
    """One observation of a child, calculated on construction: ``.measurement`` is rcpchgrowth's dict
    (birth_data, measurement_dates, child_observation_value, measurement_calculated_values, plottable_data,
    bone_age, events_data; provenance names centile).

    Dates may be ``date`` or ``datetime``; ``gestation_weeks=0`` means term, as in rcpchgrowth. Invalid input raises
    ``centile.CentileError`` (a ValueError) naming each field.
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
        body: Dict[str, Any] = {"birth_date": iso(birth_date), "observation_date": iso(observation_date),
                                "observation_value": observation_value, "sex": sex,
                                "measurement_method": measurement_method}
        if gestation_weeks:
            body["gestation_weeks"], body["gestation_days"] = gestation_weeks, gestation_days
        for key in ("events_text", "bone_age", "bone_age_type", "bone_age_sds", "bone_age_centile", "bone_age_text"):
            if getattr(self, key) is not None:
                body[key] = getattr(self, key)
        try:
            m = _as_rcpchgrowth(_centile.calculation(reference, body), birth_date, observation_date)
        except CentileError as e:
            if not _no_data(reference, body):
                raise
            weeks = gestation_weeks or 40
            m = _unplaced(reference, body, birth_date, observation_date, e.detail[0]["msg"], weeks,
                          gestation_days if gestation_weeks else 0)
        self.measurement: Dict[str, Any] = m
