"""The positions projection kept in the database, refreshed per stream after each ingest.

A stream's fold is self-contained, so refreshing only the streams an ingest touched gives the
same table as a full rebuild, at the cost of reading just those streams. The table is the
projection's own, not the ledger's: where an older release left it in another shape it is
dropped, made anew and refilled from the log.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import delete, insert, inspect, select, text
from sqlmodel import Field, SQLModel

from ledger.store import EventStore
from projections.entries import by_stream, read_entries
from projections.positions import FoldState, Position
from projections.projector import fold_stream


class PositionRow(SQLModel, table=True):
    """The positions projection as last materialised: compared with a fresh fold by
    ``holdings verify``. A projection, so not append-only."""

    __tablename__ = "positions"

    stream_id: str = Field(primary_key=True)
    position_key: str = Field(primary_key=True)
    person_key: str = Field(index=True)
    issuer_key: str
    balance: str | None = None
    opening: str | None = None
    opening_inferred: bool = False
    events: int = 0
    last_seq: int | None = None


POSITIONS = SQLModel.metadata.tables["positions"]


def ensure_table(store: EventStore) -> bool:
    """Create the table where it is missing or of another release's shape. True when it was
    (re)made: it is empty then, and a full refresh is due."""
    with store.engine.connect() as conn:
        insp = inspect(conn)
        found = (
            {c["name"] for c in insp.get_columns("positions")}
            if insp.has_table("positions")
            else None
        )
    if found == set(POSITIONS.c.keys()):
        return False
    with store.writer.begin() as conn:
        # Several processes may open an older or new ledger at once: decide under the lock.
        if store.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(774412)"))
        insp = inspect(conn)
        if insp.has_table("positions"):
            if {c["name"] for c in insp.get_columns("positions")} == set(POSITIONS.c.keys()):
                return False
            POSITIONS.drop(conn)
        POSITIONS.create(conn)
    return True


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
        "last_seq": p.last.seq if p.last else None,
    }


def _folded(store: EventStore, stream_ids: list[str] | None) -> Iterator[tuple[str, FoldState]]:
    for sid, entries in by_stream(read_entries(store, stream_ids=stream_ids)):
        yield sid, fold_stream(entries)


def refresh_positions(store: EventStore, stream_ids: Iterable[str] | None = None) -> int:
    """Rewrite the projection rows of ``stream_ids`` (all streams when None); returns rows.

    Refreshes are serialised (SQLite's write lock; an advisory lock on PostgreSQL) and fold
    *after* taking the lock, so two ingests finishing together cannot deadlock on the rows or
    write a fold that misses the other's events."""
    if ensure_table(store):
        stream_ids = None
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
    ensure_table(store)
    with store.engine.connect() as conn:
        return {
            (r.stream_id, r.position_key): dict(r._mapping) for r in conn.execute(select(POSITIONS))
        }
