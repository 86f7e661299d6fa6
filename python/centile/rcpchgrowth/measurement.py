"""rcpchgrowth's Measurement: one observation of a child, with its ``.measurement`` dict, from the engine."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Optional

from centile import _centile
from centile._centile import CentileError
from ._dates import observed


#: What rcpchgrowth takes as a date: a ``date`` (or ``datetime``), or ISO text.
_DATES = (datetime.date, str)


class MeasurementTypeError(CentileError, TypeError):
    """A field of the wrong type or missing (rcpchgrowth raises a TypeError there)."""


class Measurement:
    """One observation of a child, calculated on construction: ``.measurement`` is rcpchgrowth's dict
    (birth_data, measurement_dates, child_observation_value, measurement_calculated_values, plottable_data,
    bone_age, events_data; provenance names centile).

    Dates may be ``date`` or ``datetime`` (between two ``datetime``, ages count the whole days between the
    instants, as rcpchgrowth counts them); ``gestation_weeks=0`` means term, as in rcpchgrowth. A value the
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
        if not (isinstance(birth_date, _DATES) and isinstance(observation_date, _DATES)):
            name = "birth_date" if not isinstance(birth_date, _DATES) else "observation_date"
            error = MeasurementTypeError(f"{name}: Input should be a valid date")
            error.detail = [{"loc": ["body", name], "msg": "Input should be a valid date", "type": "date_type",
                             "input": None}]
            raise error
        try:
            measurement = _centile.measurement(reference, birth_date, observation_date,
                                               observed(birth_date, observation_date), measurement_method,
                                               observation_value, sex, gestation_weeks, gestation_days, events_text,
                                               bone_age, bone_age_type, bone_age_sds, bone_age_centile, bone_age_text)
        except CentileError as e:
            if any(d["type"] == "missing" or d["type"].endswith(("_type", "_parsing")) for d in e.detail):
                error = MeasurementTypeError(str(e))
                error.detail = e.detail
                raise error from None
            raise
        self.measurement: Dict[str, Any] = measurement
