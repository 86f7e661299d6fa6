"""rcpchgrowth's date_calculations: decimal and calendar ages, the estimated date of delivery, and the
post-menstrual age, computed by the engine."""

from __future__ import annotations

import datetime
from typing import Dict, Optional, Tuple

from centile._centile import ages_between
from ._dates import iso, observed, shifted, to_date


def _gestation(gestation_weeks: int, gestation_days: int) -> Tuple[int, int]:
    """rcpchgrowth reads 0 weeks as term (40+0)."""
    return (40, 0) if not gestation_weeks else (int(gestation_weeks), int(gestation_days))


def chronological_decimal_age(birth_date: datetime.date, observation_date: datetime.date) -> float:
    """Age in decimal years (days / 365.25)."""
    return ages_between(iso(birth_date), iso(observed(birth_date, observation_date)), 40, 0)[0]


def corrected_decimal_age(birth_date: datetime.date, observation_date: datetime.date, gestation_weeks: int,
                          gestation_days: int) -> float:
    """Decimal age from the estimated date of delivery (every gestation corrected, term included)."""
    if birth_date > observation_date:
        raise ValueError("Birth date cannot be after the date of observation.")
    return ages_between(iso(birth_date), iso(observed(birth_date, observation_date)),
                        *_gestation(gestation_weeks, gestation_days))[1]


def estimated_date_delivery(birth_date: datetime.date, gestation_weeks: int, gestation_days: int) -> datetime.date:
    """The estimated date of delivery."""
    edd = ages_between(iso(birth_date), iso(birth_date), *_gestation(gestation_weeks, gestation_days))[2]
    return shifted(birth_date, edd)  # type: ignore[no-any-return]


def chronological_calendar_age(birth_date: datetime.date, observation_date: datetime.date) -> Optional[str]:
    """Age in words, e.g. "2 years, 1 month and 3 days"."""
    return ages_between(iso(birth_date), iso(observed(birth_date, observation_date)), 40, 0)[3]


def corrected_gestational_age(birth_date: datetime.date, observation_date: datetime.date, gestation_weeks: int,
                              gestation_days: int) -> Dict[str, Optional[int]]:
    """Post-menstrual age while under 42+1 weeks and before 2 weeks past the due date; None after."""
    pma = ages_between(iso(birth_date), iso(observed(birth_date, observation_date)), int(gestation_weeks),
                       int(gestation_days))[4]
    weeks, days = pma if pma else (None, None)
    return {"corrected_gestation_weeks": weeks, "corrected_gestation_days": days}


def age_in_days(birth_date: datetime.date, observation_date: datetime.date) -> int:
    """Whole days from birth to the observation."""
    if birth_date > observation_date:
        raise ValueError("Birth date cannot be after the date of observation.")
    return (to_date(iso(observed(birth_date, observation_date))) - to_date(iso(birth_date))).days
