"""Opening a ledger for a use case: the one place that checks it exists, opens it read-only for
commands that only read, carries an older release's ledger forward, and rebuilds the
projections that release left behind."""

from __future__ import annotations

import sys
from pathlib import Path

from ledger.schema import NotALedger, OutdatedLayout, SchemaError, resolve_url, sqlite_path
from ledger.store import EventStore, StoreUnavailable
from projections.materialize import refresh_positions
from projections.people import refresh_people


class LedgerNotFound(Exception):
    """A read was asked of a ledger that does not exist (a mistyped ``--db``, say)."""


def open_store(db: str | None, *, create: bool = False, write: bool = False) -> EventStore:
    """Open the ledger at ``db`` (a path or URL; ``HOLDINGS_DB`` or ``./holdings.db`` when
    None). Only what writes may create one: a mistyped ``--db`` for an audit must not pass as an
    empty, clean ledger. What only reads opens read-only (it never creates a table, and works
    on a ledger in a read-only folder); a ledger of an older layout is carried forward first,
    once, by an open that may write. ``write`` opens an existing ledger for writing. Raises
    ``LedgerNotFound``, ``SchemaError`` (``NotALedger`` for another application's file) or
    ``StoreUnavailable`` with a one-line reason."""
    url = resolve_url(db)
    path = sqlite_path(url)
    if not create and path and not Path(path).exists():
        raise LedgerNotFound(f"no ledger at {path} (run `holdings ingest` first, or check --db)")
    if create or write:
        return _carried_forward(EventStore(url))
    try:
        return EventStore(url, read_only=True)
    except OutdatedLayout as exc:
        try:
            writer = EventStore(url)
        except StoreUnavailable as unwritable:
            raise StoreUnavailable(f"{exc}, and it cannot be written: {unwritable}") from None
        _carried_forward(writer).engine.dispose()
        return EventStore(url, read_only=True)


def _carried_forward(store: EventStore) -> EventStore:
    if store.migrated_from is not None:
        refresh_people(store, full=True)
        rows = refresh_positions(store)
        print(
            f"ledger carried forward from layout {store.migrated_from}; "
            f"{rows} positions rebuilt from the log",
            file=sys.stderr,
        )
    return store


__all__ = ["LedgerNotFound", "NotALedger", "SchemaError", "StoreUnavailable", "open_store"]
