"""rcpchgrowth's bmi_functions."""

from __future__ import annotations

from centile import _centile


def bmi_from_height_weight(height: float, weight: float) -> float:
    """BMI (kg/m²) from height (cm) and weight (kg). ValueError for a height under 2 (metres, not cm)."""
    return float(_centile.bmi_from_height_weight(height, weight))


def weight_for_bmi_height(height: float, bmi: float) -> float:
    """The weight (kg) of a BMI at a height (cm)."""
    return bmi * (height / 100) ** 2
