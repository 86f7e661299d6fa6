"""rcpchgrowth's mid_parental_height functions."""

from __future__ import annotations

from typing import Tuple

from centile import _centile
from centile._centile import CentileError
from .constants.reference_constants import FEMALE, MALE, REFERENCES, SEXES, UK_WHO


def _z(maternal_height: float, paternal_height: float, reference: str) -> float:
    """The engine's mid-parental SDS; its 422 (a parent's height missing, not positive or beyond ±8 SDS) as a
    ValueError."""
    try:
        answer = _centile.mid_parental_height({"height_maternal": maternal_height, "height_paternal": paternal_height,
                                               "sex": MALE, "reference": reference})
    except CentileError as e:
        raise ValueError(str(e)) from None
    return float(answer["mid_parental_height_sds"])


def mid_parental_height(maternal_height: float, paternal_height: float, sex: str) -> float:
    """Mid-parental height (cm): the parents' mean height, plus 6.5 cm for a boy or minus 6.5 cm for a girl."""
    if sex not in SEXES:
        raise ValueError(f"Sex must be '{MALE}' or '{FEMALE}', got '{sex}'")
    _z(maternal_height, paternal_height, UK_WHO)
    return (maternal_height + paternal_height + (13 if sex == MALE else -13)) / 2


def mid_parental_height_z(maternal_height: float, paternal_height: float, reference: str = UK_WHO) -> float:
    """The mid-parental height SDS: the mean of the parents' adult height SDS, times 0.5."""
    if reference not in REFERENCES:
        raise ValueError(f"Reference must be one of {REFERENCES}, got '{reference}'")
    return _z(maternal_height, paternal_height, reference)


def expected_height_z_from_mid_parental_height_z(mid_parental_height_z: float) -> float:
    """The child's expected height SDS from the mid-parental SDS (regression to the mean, 0.5)."""
    return mid_parental_height_z * 0.5


def lower_and_upper_limits_of_expected_height_z(mid_parental_height_z: float) -> Tuple[float, float]:
    """The range within 1.4 SDS of the mid-parental SDS, where 90% of children's height SDS lie."""
    return mid_parental_height_z - 1.4, mid_parental_height_z + 1.4
