"""Dates as rcpchgrowth takes them (``date`` or ``datetime``) to the engine's ISO text and back."""

from __future__ import annotations

import datetime
from typing import Any


def iso(d: Any) -> str:
    """A ``date``, ``datetime`` or ISO text as ``YYYY-MM-DD``."""
    if type(d) is datetime.date:  # the common case first
        return d.isoformat()
    if isinstance(d, datetime.datetime):
        return d.date().isoformat()
    if isinstance(d, datetime.date):
        return d.isoformat()
    return str(d)


def to_date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def shifted(start: Any, iso_text: str) -> Any:
    """The date ``iso_text`` as ``start`` moved there (a ``datetime`` keeps its type and time of day, as
    rcpchgrowth's ``start + timedelta(...)`` does); a plain date when ``start`` is text."""
    if type(start) is datetime.date or not isinstance(start, datetime.date):
        return to_date(iso_text)
    return start + (to_date(iso_text) - to_date(iso(start)))


def observed(birth: Any, observation: Any) -> Any:
    """The day the engine counts the observation on. rcpchgrowth subtracts the two objects, so between two
    ``datetime`` it counts the whole days between the two instants (an observation earlier in the day than the
    birth's time counts one day fewer); otherwise the observation as given."""
    if isinstance(birth, datetime.datetime) and isinstance(observation, datetime.datetime):
        return birth.date() + datetime.timedelta(days=(observation - birth).days)
    return observation
