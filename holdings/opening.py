"""Opening a ledger for a use case: the one place that checks it exists, carries an older
release's ledger forward, and rebuilds the projections that release left behind."""

from __future__ import annotations

import sys
from pathlib import Path

from ledger.schema import SchemaError, resolve_url
from ledger.store import EventStore
from projections.materialize import refresh_positions


class LedgerNotFound(Exception):
    """A read was asked of a ledger that does not exist (a mistyped ``--db``, say)."""


def open_store(db: str | None, *, create: bool = False) -> EventStore:
    """Open the ledger at ``db`` (a path or URL; ``HOLDINGS_DB`` or ``./holdings.db`` when
    None). Only what writes may create one: a mistyped ``--db`` for an audit must not pass as an
    empty, clean ledger. Raises ``LedgerNotFound`` or ``SchemaError`` with a one-line reason."""
    url = resolve_url(db)
    if not create and url.startswith("sqlite"):
        path = url.split(":///", 1)[-1]
        if path and path != ":memory:" and not Path(path).exists():
            raise LedgerNotFound(
                f"no ledger at {path} (run `holdings ingest` first, or check --db)"
            )
    store = EventStore(url)
    if store.migrated_from is not None:
        rows = refresh_positions(store)
        print(
            f"ledger carried forward from layout {store.migrated_from}; "
            f"{rows} positions rebuilt from the log",
            file=sys.stderr,
        )
    return store


__all__ = ["LedgerNotFound", "SchemaError", "open_store"]
