"""The charts' calendar: a date range mapped onto the plot's width, and dated ticks on it.

Every chart of a page shares one range (the page's first to last event, padded), so charts sit
one above the other on the same calendar and a zoom moves them together. Ticks fall on round
dates (days, Mondays, first of a month or quarter, 1 January) at the finest step that keeps
their labels apart. The page's script (``zoom.py``) computes the same ticks after a zoom: the
two must agree, and ``STEPS`` and ``label`` are written to be read side by side with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

EPOCH = dt.date(1970, 1, 1)

STEPS: tuple[tuple[str, int], ...] = (
    ("day", 1),
    ("day", 2),
    ("week", 1),
    ("week", 2),
    ("month", 1),
    ("month", 2),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
    ("year", 20),
    ("year", 50),
    ("year", 100),
)
"""Tick steps from finest to coarsest; the first that fits is used."""

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
TICK_SPACING = 84
"""Pixels a tick label needs ("14 Feb 2025" at 11 px), so that none overlap."""


def day_number(d: dt.date) -> int:
    """Days since 1970-01-01: what the page's script counts in."""
    return (d - EPOCH).days


def event_times(dates: list[dt.date]) -> list[float]:
    """Each event's place on the calendar: its day, and within the day its rank among the
    events of that date (a filing often reports a dozen rows on one day). Zoomed out they
    share a pixel; zoomed to a few days they stand apart in replay order."""
    counts: dict[dt.date, int] = {}
    for d in dates:
        counts[d] = counts.get(d, 0) + 1
    seen: dict[dt.date, int] = {}
    out = []
    for d in dates:
        i = seen.get(d, 0)
        seen[d] = i + 1
        out.append(round(day_number(d) + (i + 0.5) / counts[d], 4))
    return out


@dataclass(frozen=True)
class Domain:
    """A date range laid over ``left``..``right`` pixels."""

    start: dt.date
    end: dt.date
    left: float
    right: float

    @classmethod
    def around(cls, first: dt.date, last: dt.date, left: float, right: float) -> Domain:
        """The events' range, padded a little each side so that the first and last steps do
        not sit on the frame (half a month for a range of one day)."""
        span = (last - first).days
        pad = max(3, span // 30) if span else 15
        return cls(first - dt.timedelta(days=pad), last + dt.timedelta(days=pad), left, right)

    def x(self, d: dt.date) -> float:
        return self.at(day_number(d))

    def at(self, t: float) -> float:
        """The x of day number ``t``; a fraction is a place within that day."""
        start = day_number(self.start)
        days = (self.end - self.start).days or 1
        return round(self.left + (t - start) / days * (self.right - self.left), 2)

    def ticks(self) -> list[tuple[dt.date, str]]:
        room = max(2, int((self.right - self.left) // TICK_SPACING))
        for unit, n in STEPS:
            found = list(_ticks(self.start, self.end, unit, n))
            if len(found) <= room:
                return [(d, label(d, unit)) for d in found]
        return []


def _ticks(start: dt.date, end: dt.date, unit: str, n: int) -> list[dt.date]:
    out: list[dt.date] = []
    if unit in ("day", "week"):
        size = n if unit == "day" else 7 * n
        # Weeks on Mondays (1970-01-05 was one); days and weeks counted from that Monday.
        origin = day_number(dt.date(1970, 1, 5))
        first = day_number(start)
        offset = (first - origin) % size
        d = start + dt.timedelta(days=(size - offset) % size)
        while d <= end:
            out.append(d)
            d += dt.timedelta(days=size)
            if len(out) > 400:
                break
        return out
    if unit == "month":
        y, m = start.year, start.month
        if start.day != 1:
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        while (m - 1) % n:
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        while (d := dt.date(y, m, 1)) <= end:
            out.append(d)
            m += n
            while m > 12:
                y, m = y + 1, m - 12
            if len(out) > 400:
                break
        return out
    y = start.year + (0 if (start.month, start.day) == (1, 1) else 1)
    y += (-y) % n
    while y <= end.year and y <= dt.date.max.year:
        out.append(dt.date(y, 1, 1))
        y += n
        if len(out) > 400:
            break
    return out


def label(d: dt.date, unit: str) -> str:
    """``14 Feb 2025`` for days and weeks, ``Feb 2025`` for months, ``2025`` for years."""
    if unit in ("day", "week"):
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if unit == "month":
        return f"{MONTHS[d.month - 1]} {d.year}"
    return str(d.year)
