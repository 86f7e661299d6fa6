"""rcpchgrowth's fictional_child.generate_fictional_child_data: a series of measurement dicts, as Measurement
gives them."""

from __future__ import annotations

from typing import Any, Dict, List

from centile import _centile

_YEARS = {"d": 1 / 365.25, "day": 1 / 365.25, "days": 1 / 365.25, "w": 7 / 365.25, "week": 7 / 365.25,
          "weeks": 7 / 365.25, "m": 1 / 12, "month": 1 / 12, "months": 1 / 12, "y": 1.0, "year": 1.0, "years": 1.0}


def generate_fictional_child_data(measurement_method: str, sex: str, start_chronological_age: float = 0.0,
                                  end_age: float = 20.0, gestation_weeks: int = 40, gestation_days: int = 0,
                                  measurement_interval_type: str = "days", measurement_interval_number: int = 20,
                                  start_sds: float = 0, drift: bool = False, drift_range: float = -0.05,
                                  noise: bool = False, noise_range: float = 0.01, reference: str = "uk-who",
                                  start_chronological_age_interval_type: str = "years",
                                  end_age_interval_type: str = "years") -> List[Dict[str, Any]]:
    """Measurement dicts of a child measured every interval from the start to the end age, on an SDS line (with
    optional drift and noise)."""
    for unit in (start_chronological_age_interval_type, end_age_interval_type):
        if unit not in _YEARS:
            raise ValueError(f"Interval type must be one of {sorted(_YEARS)}")
    body = {"measurement_method": measurement_method, "sex": sex,
            "start_chronological_age": start_chronological_age * _YEARS[start_chronological_age_interval_type],
            "end_age": end_age * _YEARS[end_age_interval_type], "gestation_weeks": gestation_weeks,
            "gestation_days": gestation_days, "measurement_interval_type": measurement_interval_type,
            "measurement_interval_number": measurement_interval_number, "start_sds": start_sds, "drift": drift,
            "drift_range": drift_range, "noise": noise, "noise_range": noise_range}
    return _centile.fictional_child(reference, body)
