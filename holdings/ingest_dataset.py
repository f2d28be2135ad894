"""A quarter of the SEC's insider data set into the store, the way files are ingested: the same
classification, batched appends, and a quarantine for accessions that cannot be read.

An accession is the unit: it is appended whole or quarantined whole (with its rows, serialised
canonically, as the kept content), and one bad accession never stops the quarter. Loading the
same data set again appends nothing, because each accession's hash is that of its rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from holdings.ingest import BatchAppender, IngestSummary, quarantine_input
from ledger.classify import ClassificationError, filing_events
from ledger.store import EventStore, prepare
from parsers.errors import ParseError
from parsers.sec_dataset import TABLES, Dataset

__all__ = ["ingest_dataset"]

_WITHOUT = {
    "SUBMISSION": "filings have no form type, period or issuer",
    "REPORTINGOWNER": "owners are known only from signatures (no CIK)",
    "NONDERIV_TRANS": "no Table I transactions",
    "NONDERIV_HOLDING": "no Table I holdings",
    "DERIV_TRANS": "no Table II transactions",
    "DERIV_HOLDING": "no Table II holdings",
    "FOOTNOTES": "no footnote texts",
    "OWNER_SIGNATURE": "no signatures",
}
"""What a quarter loses without each table, said when one is missing."""


def ingest_dataset(
    store: EventStore,
    directory: str | Path,
    progress: Callable[[int, int, str], None] | None = None,
    *,
    batch_size: int = 200,
    label: str | None = None,
) -> IngestSummary:
    """Append every accession of the data set in ``directory`` (a folder of the eight ``.tsv``
    tables, prefixed or not, or the quarter's ``.zip``). ``progress(done, total, accession)``
    is called after each accession. ``label`` names the data set in paths and messages instead
    of ``directory`` (the URL a quarter was downloaded from)."""
    items = Dataset(directory, label)
    total = len(items)
    summary = IngestSummary()
    missing = [t for t in TABLES if t not in items.present]
    if missing:
        summary.notes.append(
            f"{directory}: the data set has no {', '.join(missing)} table"
            f"{'s' if len(missing) > 1 else ''}: "
            + "; ".join(_WITHOUT[t] for t in missing if t in _WITHOUT)
        )
    appender = BatchAppender(store, summary, batch_size)

    for done, item in enumerate(items, 1):
        summary.filings += 1
        where = f"{label or directory}/{item.accession}"
        result = item.result
        if isinstance(result, ParseError):
            quarantine_input(store, summary, where, result.message, None, item.content)
        else:
            try:
                events = filing_events(result)
            except ClassificationError as exc:
                quarantine_input(store, summary, where, str(exc), None, item.content)
            else:
                appender.add(prepare(result, events))
        if progress:
            progress(done, total, item.accession)
    appender.finish()
    return summary
