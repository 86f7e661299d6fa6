"""rcpchgrowth's age_advice_strings: the lay and clinician comments on correction for gestation."""

from __future__ import annotations

from typing import Dict

from centile._centile import age_comments
from .constants.reference_constants import CDC, WHO


def comment_prematurity_correction(chronological_decimal_age: float, corrected_decimal_age: float,
                                   gestation_weeks: int, gestation_days: int, reference: str) -> Dict[str, str]:
    """The four comments: lay and clinician, on the corrected and the chronological age."""
    if chronological_decimal_age == corrected_decimal_age:
        case = "due_date"
        if gestation_weeks < 42 and reference in (CDC, WHO):
            if gestation_weeks < 37:
                case = "preterm"
            elif gestation_weeks == 40 and gestation_days == 0:
                case = "term"
            else:
                case = "term_range"
    elif corrected_decimal_age == corrected_decimal_age:  # not NaN
        case = "corrected"
    else:
        case = "unknown"
    born = f"{gestation_weeks}+{gestation_days}"
    lay, lay_chronological, clinician, clinician_chronological = age_comments(case, born)
    return {
        "lay_corrected_comment": lay,
        "lay_chronological_comment": lay_chronological,
        "clinician_corrected_comment": clinician,
        "clinician_chronological_comment": clinician_chronological,
    }
