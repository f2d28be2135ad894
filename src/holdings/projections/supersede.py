"""Which filings a projection reads when amendments restate earlier ones.

A 4/A restates the filing it amends. Within one stream (person and issuer), filings that report
the same period form a group; when the group holds an amendment, the latest amendment (by filing
date, then by its place in the log) is the version read and every earlier filing of the group is
superseded. Superseded events stay in the log: only the projection looks past them. Two original
Form 4s for the same period with no amendment both stand: people do file twice for one period.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from holdings.projections.entries import Entry


def superseded_filings(entries: list[Entry]) -> set[str]:
    groups: dict[dt.date | None, dict[str, Entry]] = defaultdict(dict)
    for e in entries:
        groups[e.period_of_report].setdefault(e.filing_sha256, e)
    out: set[str] = set()
    for period, filings in groups.items():
        if period is None or len(filings) < 2:
            continue
        amendments = [e for e in filings.values() if e.is_amendment]
        if not amendments:
            continue
        winner = max(amendments, key=lambda e: (e.filed_date or dt.date.min, e.position))
        out.update(sha for sha in filings if sha != winner.filing_sha256)
    return out


def current_entries(entries: list[Entry]) -> list[Entry]:
    gone = superseded_filings(entries)
    return [e for e in entries if e.filing_sha256 not in gone] if gone else entries
