"""rcpchgrowth's centile_bands: the advisory sentence for where an SDS lies against a format's centile lines
(the engine classifies; the words are rcpchgrowth's)."""

from __future__ import annotations

from typing import Optional

from centile._centile import centile_band_sentence, ordinal
from .constants.reference_constants import COLE_TWO_THIRDS_SDS_NINE_CENTILES, UK_WHO


def return_suffix(centile: float) -> str:
    """A centile line as an ordinal: 2 -> "2nd", 91 -> "91st", 0.4 -> "0.4th"."""
    return str(ordinal(float(centile)))


def centile_band_for_centile(sds: float, measurement_method: str,
                             centile_format: str = COLE_TWO_THIRDS_SDS_NINE_CENTILES,
                             reference: str = UK_WHO) -> Optional[str]:
    """The sentence for where ``sds`` lies against the lines of ``centile_format``."""
    return centile_band_sentence(float(sds), measurement_method, centile_format)
