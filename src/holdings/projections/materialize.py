"""The positions projection kept in the database, refreshed per stream after each ingest.

A stream's fold is self-contained, so refreshing only the streams an ingest touched gives the
same table as a full rebuild, at the cost of reading just those streams.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import delete, insert, select

from holdings.ledger.store import EventStore
from holdings.ledger.tables import PositionRow
from holdings.projections.entries import by_stream, read_entries
from holdings.projections.positions import FoldState, Position
from holdings.projections.projector import fold_stream

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
    Folds first and writes after, so no read runs inside the write transaction."""
    if stream_ids is None:
        rows = [position_row(p) for _sid, s in _folded(store, None) for p in s.positions.values()]
        with store.writer.begin() as conn:
            conn.execute(delete(POSITIONS))
            for start in range(0, len(rows), 5_000):
                conn.execute(insert(POSITIONS), rows[start : start + 5_000])
        return len(rows)
    written = 0
    ids = sorted(set(stream_ids))
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        rows = [position_row(p) for _sid, s in _folded(store, part) for p in s.positions.values()]
        with store.writer.begin() as conn:
            conn.execute(delete(POSITIONS).where(POSITIONS.c.stream_id.in_(part)))
            if rows:
                conn.execute(insert(POSITIONS), rows)
        written += len(rows)
    return written


def stored_positions(store: EventStore) -> dict[tuple[str, str], dict[str, object]]:
    with store.engine.connect() as conn:
        return {
            (r.stream_id, r.position_key): dict(r._mapping) for r in conn.execute(select(POSITIONS))
        }
