"""rcpchgrowth's dynamic_growth: velocity and acceleration over a child's measurement dicts (experimental,
not for clinical use, as in rcpchgrowth)."""

from __future__ import annotations

from typing import Any, List, Union

from centile import _centile
from centile._centile import CentileError


def _plain(measurements: List[Any]) -> List[Any]:
    """The measurement dicts with their dates as text (what the engine reads of them)."""
    out = []
    for m in measurements:
        if not m:
            continue
        out.append({"child_observation_value": m["child_observation_value"],
                    "measurement_dates": {"chronological_decimal_age":
                                          m["measurement_dates"]["chronological_decimal_age"]}})
    return out


def _dynamics(kind: str, parameter: str, measurements_array: List[Any], needed: int) -> Union[float, str]:
    if len(measurements_array) < needed:
        return "Not enough data"
    try:
        f = _centile.velocity if kind == "velocity" else _centile.acceleration
        return float(f(parameter, _plain(measurements_array)))
    except CentileError:
        return f"There are not enough {parameter} values to calculate a{'n' if kind[0] == 'a' else ''} {kind}."


def velocity(parameter: str, measurements_array: List[Any]) -> Union[float, str]:
    """Units per year between the last two measurements of ``parameter``, or a message why there is none."""
    return _dynamics("velocity", parameter, measurements_array, 2)


def acceleration(parameter: str, measurements_array: List[Any]) -> Union[float, str]:
    """Units per year per year over the last three measurements of ``parameter``, or a message."""
    return _dynamics("acceleration", parameter, measurements_array, 3)

