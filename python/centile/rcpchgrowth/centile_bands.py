"""rcpchgrowth's centile_bands: the advisory sentence for where an SDS lies against a format's centile lines
(the engine classifies; the words are rcpchgrowth's)."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional, Tuple

from centile._centile import band, ordinal
from .constants.reference_constants import BMI, COLE_TWO_THIRDS_SDS_NINE_CENTILES, HEAD_CIRCUMFERENCE, UK_WHO

_NOUNS = {BMI: "body mass index", HEAD_CIRCUMFERENCE: "head circumference"}


def return_suffix(centile: float) -> str:
    """A centile line as an ordinal: 2 -> "2nd", 91 -> "91st", 0.4 -> "0.4th"."""
    return str(ordinal(float(centile)))


def centile_band_for_centile(sds: float, measurement_method: str,
                             centile_format: str = COLE_TWO_THIRDS_SDS_NINE_CENTILES,
                             reference: str = UK_WHO) -> Optional[str]:
    """The sentence for where ``sds`` lies against the lines of ``centile_format``."""
    found = band(float(sds), centile_format)
    return None if found is None else _sentence(found, measurement_method)


@lru_cache(maxsize=1024)
def _sentence(found: Tuple[str, Optional[float], Optional[float]], measurement_method: str) -> Optional[str]:
    """The sentence of a band (few distinct ones: each is written once)."""
    what = f"This {_NOUNS.get(measurement_method, measurement_method)} measurement"
    kind, lower, upper = found
    if kind == "outside":
        return f"{what} is well outside the normal range. Please check its accuracy."
    if kind == "below":
        return f"{what} is below the normal range."
    if kind == "above":
        return f"{what} is above the normal range."
    if kind == "on" and lower is not None:
        return f"{what} is on or near the {return_suffix(lower)} centile."
    if lower is not None and upper is not None:
        return f"{what} is between the {return_suffix(lower)} and {return_suffix(upper)} centiles."
    return None
