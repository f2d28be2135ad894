"""Business days as Section 16(a) counts them: weekends and US federal holidays skipped."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
import pendulum

# Days the federal government (and so EDGAR) closed by executive order, which no holiday
# calendar lists: national days of mourning for former presidents.
_CLOSURES = frozenset({dt.date(2018, 12, 5), dt.date(2025, 1, 9)})


@lru_cache(maxsize=64)
def _federal(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("US", years=year).keys()) | {
        d for d in _CLOSURES if d.year == year
    }


def is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _federal(day.year)


def add_business_days(start: dt.date, days: int) -> dt.date:
    current = pendulum.Date(start.year, start.month, start.day)
    added = 0
    while added < days:
        current = current.add(days=1)
        if is_business_day(current):
            added += 1
    return dt.date(current.year, current.month, current.day)


def business_days_between(start: dt.date, end: dt.date) -> int:
    """Business days after ``start`` up to and including ``end`` (0 when end <= start)."""
    count = 0
    current = pendulum.Date(start.year, start.month, start.day)
    while current < end:
        current = current.add(days=1)
        if is_business_day(current):
            count += 1
    return count
