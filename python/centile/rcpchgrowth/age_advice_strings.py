"""rcpchgrowth's age_advice_strings: the lay and clinician comments on correction for gestation."""

from __future__ import annotations

from typing import Dict

from .constants.reference_constants import CDC, WHO


def comment_prematurity_correction(chronological_decimal_age: float, corrected_decimal_age: float,
                                   gestation_weeks: int, gestation_days: int, reference: str) -> Dict[str, str]:
    """The four comments: lay and clinician, on the corrected and the chronological age."""
    born = f"{gestation_weeks}+{gestation_days}"
    if chronological_decimal_age == corrected_decimal_age:
        lay = lay_chronological = "Your child was born on their due date."
        clinician = "Born at term. No correction has been made for gestation."
        clinician_chronological = "Born Term. No correction has been made for gestation."
        if gestation_weeks < 42 and reference in (CDC, WHO):
            if gestation_weeks < 37:
                lay = lay_chronological = (f"Your child was born at {born} weeks gestation. "
                                           "No correction is made for this beyond 2 years of age.")
                clinician = clinician_chronological = (f"Born preterm at {born} weeks gestation. "
                                                       "No correction is made for this beyond 2 years of age.")
            elif gestation_weeks == 40 and gestation_days == 0:
                lay = lay_chronological = "Your child was born at term. No correction for gestation has been made."
                clinician = clinician_chronological = "Born at term. No correction for gestation has been made."
            else:
                lay = lay_chronological = (f"Your child was born at {born} weeks gestation. This is considered "
                                           "term and no correction for gestation has been made.")
                clinician = clinician_chronological = (f"Born at term ({born} weeks gestation). "
                                                       "No correction for gestation has been made.")
    elif chronological_decimal_age != corrected_decimal_age and corrected_decimal_age == corrected_decimal_age:
        lay = (f"Because your child was born at {born} weeks gestation an adjustment has been made to take this "
               "into account.")
        clinician = "Correction for gestational age has been made."
        lay_chronological = "This is your child's age without taking into account their gestation at birth."
        clinician_chronological = "No correction has been made for gestational age."
    else:
        lay = clinician = lay_chronological = clinician_chronological = (
            "It has not been possible to calculate age this time.")
    return {
        "lay_corrected_comment": lay,
        "lay_chronological_comment": lay_chronological,
        "clinician_corrected_comment": clinician,
        "clinician_chronological_comment": clinician_chronological,
    }
