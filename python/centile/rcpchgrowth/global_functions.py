"""rcpchgrowth's global_functions: SDS, centiles and measurements from the engine."""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional

from centile import _centile
from centile._centile import CentileError


class ReferenceDataError(CentileError, LookupError):
    """No reference data at that age (rcpchgrowth raises a LookupError there)."""


def _engine(f: Callable[[Dict[str, Any]], Any], args: Dict[str, Any]) -> Any:
    """Calls the engine; a missing-data answer becomes a LookupError as in rcpchgrowth."""
    try:
        return f(args)
    except CentileError as e:
        if any(d["loc"][-1:] in (["age"], ["measurement_method"]) for d in e.detail):
            error = ReferenceDataError(str(e))
            error.detail = e.detail
            raise error from None
        raise


def sds_for_measurement(reference: str, age: float, measurement_method: str, observation_value: float,
                        sex: str) -> float:
    """The SDS of a measurement at a decimal age. LookupError where the reference has no data."""
    return float(_engine(_centile.sds_for_measurement, {"reference": reference, "age": age, "sex": sex,
                                                        "measurement_method": measurement_method,
                                                        "observation_value": observation_value}))


def measurement_from_sds(reference: str, requested_sds: float, measurement_method: str, sex: str, age: float,
                         default_youngest_reference: bool = False) -> Optional[float]:
    """The measurement at an SDS and decimal age, rounded to 4 places; None where none corresponds."""
    value = _engine(_centile.measurement_from_sds, {"reference": reference, "sds": requested_sds, "sex": sex,
                                                    "measurement_method": measurement_method, "age": age})
    return None if value is None else float(value)


def percentage_median_bmi(reference: str, age: float, actual_bmi: float, sex: str) -> Optional[float]:
    """BMI as a percentage of the median BMI for age and sex."""
    return float(_engine(_centile.percentage_median_bmi, {"reference": reference, "age": age, "bmi": actual_bmi,
                                                          "sex": sex}))


def centile(z_score: float) -> float:
    """The centile (0-100) of an SDS."""
    return float(_centile.centile_for_sds(z_score))


def sds_for_centile(centile: float) -> float:
    """The SDS of a centile (0-100)."""
    return float(_centile.sds_for_centile(centile))


def rounded_sds_for_centile(centile: float) -> float:
    """The SDS of a centile, rounded to the nearest 2/3 SDS (the Cole nine-centile spacing)."""
    sds = sds_for_centile(centile)
    return sds if sds == 0 else round(sds / (2 / 3)) * (2 / 3)
