"""The positions projection kept in the database, refreshed per stream after each ingest.

A stream's fold is self-contained, so refreshing only the streams an ingest touched gives the
same table as a full rebuild, at the cost of reading just those streams.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import delete, insert, select, text

from ledger.store import EventStore
from ledger.tables import PositionRow
from projections.entries import by_stream, read_entries
from projections.positions import FoldState, Position
from projections.projector import fold_stream

POSITIONS = PositionRow.__table__  # type: ignore[attr-defined]


def position_row(p: Position) -> dict[str, object]:
    return {
        "stream_id": p.stream_id,
        "position_key": p.position_key,
        "person_key": p.person_key,
        "issuer_key": p.issuer_key,
        "balance": None if p.balance is None else str(p.balance),
        "opening": None if p.opening is None else str(p.opening),
        "opening_inferred": p.opening_inferred,
        "events": p.events,
        "last_position": p.last.position if p.last else None,
    }


def _folded(store: EventStore, stream_ids: list[str] | None) -> Iterator[tuple[str, FoldState]]:
    for sid, entries in by_stream(read_entries(store, stream_ids=stream_ids)):
        yield sid, fold_stream(entries)


def refresh_positions(store: EventStore, stream_ids: Iterable[str] | None = None) -> int:
    """Rewrite the projection rows of ``stream_ids`` (all streams when None); returns rows.

    Refreshes are serialised (SQLite's write lock; an advisory lock on PostgreSQL) and fold
    *after* taking the lock, so two ingests finishing together cannot deadlock on the rows or
    write a fold that misses the other's events."""
    ids = None if stream_ids is None else sorted(set(stream_ids))
    parts: list[list[str] | None] = (
        [None] if ids is None else [ids[i : i + 500] for i in range(0, len(ids), 500)]
    )
    written = 0
    for part in parts:
        with store.writer.begin() as conn:
            if store.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(774412)"))
            rows = [
                position_row(p) for _sid, s in _folded(store, part) for p in s.positions.values()
            ]
            if part is None:
                conn.execute(delete(POSITIONS))
            else:
                conn.execute(delete(POSITIONS).where(POSITIONS.c.stream_id.in_(part)))
            for start in range(0, len(rows), 5_000):
                conn.execute(insert(POSITIONS), rows[start : start + 5_000])
        written += len(rows)
    return written


def stored_positions(store: EventStore) -> dict[tuple[str, str], dict[str, object]]:
    with store.engine.connect() as conn:
        return {
            (r.stream_id, r.position_key): dict(r._mapping) for r in conn.execute(select(POSITIONS))
        }
