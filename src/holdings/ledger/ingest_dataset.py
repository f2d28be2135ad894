"""A quarter of the SEC's insider data set into the store, the way files are ingested: the same
classification, batched appends, and a quarantine for accessions that cannot be read.

An accession is the unit: it is appended whole or quarantined whole (with its rows, serialised
canonically, as the kept content), and one bad accession never stops the quarter. Loading the
same data set again appends nothing, because each accession's hash is that of its rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from holdings.ledger.classify import ClassificationError, filing_events
from holdings.ledger.events import _Event
from holdings.ledger.ingest import IngestSummary, _append_with_retry, _record
from holdings.ledger.store import ConcurrencyError, EventStore
from holdings.parsers.errors import ParseError
from holdings.parsers.model import Filing
from holdings.parsers.sec_dataset import Dataset

__all__ = ["ingest_dataset"]


def ingest_dataset(
    store: EventStore,
    directory: str | Path,
    progress: Callable[[int, int, str], None] | None = None,
    *,
    batch_size: int = 200,
) -> IngestSummary:
    """Append every accession of the data set in ``directory`` (a folder of the eight ``.tsv``
    tables, prefixed or not, or the quarter's ``.zip``). ``progress(done, total, accession)``
    is called after each accession."""
    items = Dataset(directory)
    total = len(items)
    summary = IngestSummary()
    pending: list[tuple[Filing, list[_Event]]] = []

    def flush() -> None:
        if not pending:
            return
        try:
            results: list[object] = list(store.append_batch(pending))
        except ConcurrencyError as exc:
            results = [exc] * len(pending)  # the batch rolled back whole: go one by one
        for (filing, events), result in zip(pending, results, strict=True):
            if isinstance(result, ConcurrencyError):
                result = _append_with_retry(store, filing, events)
            _record(summary, store, filing, result, events)
        pending.clear()

    for done, item in enumerate(items, 1):
        summary.filings += 1
        where = f"{directory}/{item.accession}"
        result = item.result
        if isinstance(result, ParseError):
            _quarantine(store, summary, where, item.content, result.message)
        else:
            try:
                pending.append((result, filing_events(result)))
            except ClassificationError as exc:
                _quarantine(store, summary, where, item.content, str(exc))
            if len(pending) >= batch_size:
                flush()
        if progress:
            progress(done, total, item.accession)
    flush()
    return summary


def _quarantine(
    store: EventStore, summary: IngestSummary, where: str, content: bytes, reason: str
) -> None:
    summary.quarantined += 1
    summary.errors.append(f"{where}: {reason}")
    store.quarantine(where, content, reason)
