"""Which filings a projection reads when amendments restate earlier ones.

A 4/A restates the filing it names in box 4 (``dateOfOriginalSubmission``: the date the original
was filed). Within one stream (person and issuer) it supersedes the filings filed on that date,
and any earlier amendment of the same original; the latest amendment of an original is read (by
filing date, then content hash, never by ingestion order). Where box 4 is
blank, or no filing in the stream was filed on that date (the original is not in the ledger, or
its filing date is only known from a signature), the amendment supersedes the original filings
of its own period filed before it. Superseded events stay in the log: only projections look past
them. Other filings of the same period stand.

A text rendering whose structured reading (XML, data set) is in the ledger is looked past the
same way (``Entry.replaced``, from ``replaced_renderings``), in whichever stream it sits.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from projections.entries import Entry


def superseded_filings(entries: list[Entry]) -> set[str]:
    """Filings a projection looks past: originals an amendment restates, and renderings whose
    structured reading is in the ledger (``Entry.replaced``)."""
    replaced = {e.filing_sha256 for e in entries if e.replaced}
    if replaced:
        entries = [e for e in entries if not e.replaced]
        return replaced | superseded_filings(entries)
    filings: dict[str, Entry] = {}
    for e in entries:
        filings.setdefault(e.filing_sha256, e)
    amendments = [e for e in filings.values() if e.is_amendment]
    if not amendments:
        return set()
    originals = [e for e in filings.values() if not e.is_amendment]
    targets: dict[tuple[object, ...], list[Entry]] = defaultdict(list)
    out: set[str] = set()
    for a in amendments:
        named = [
            o
            for o in originals
            if a.original_filed_date is not None and o.filed_date == a.original_filed_date
        ]
        if not named:
            named = [
                o
                for o in originals
                if o.period_of_report == a.period_of_report
                and (o.filed_date or dt.date.min) <= (a.filed_date or dt.date.max)
            ]
        out.update(o.filing_sha256 for o in named)
        key = (a.original_filed_date,) if a.original_filed_date else ("period", a.period_of_report)
        targets[key].append(a)
    for group in targets.values():
        latest = max(group, key=lambda e: (e.filed_date or dt.date.min, e.filing_sha256))
        out.update(e.filing_sha256 for e in group if e is not latest)
    return out


def current_entries(entries: list[Entry]) -> list[Entry]:
    gone = superseded_filings(entries)
    return [e for e in entries if e.filing_sha256 not in gone] if gone else entries
