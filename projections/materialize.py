"""The positions projection kept in the database, with a checkpoint that says how far it has read.

The table records the last log sequence number it applied (``projection_checkpoints``), written
in the same transaction as its rows, so a crash anywhere leaves it whole at some checkpoint,
never half-refreshed. Whoever reads it first catches up: every stream that gained events past
the checkpoint is refolded whole (a late filing may sort before rows already folded, so folding
only the new tail is not enough) and the checkpoint moves to the last sequence number read.
Where the ledger is open for writing the catch-up is written; where it is open read-only it is
held in memory. Appends make sequence numbers visible in order (``ledger.store``), so nothing at
or below a checkpoint can turn up later.

A stream's fold is self-contained, so refolding only some streams gives the same table as a
full rebuild (tested). The tables are the projection's own, not the ledger's: where an older
release left them in another shape they are dropped, made anew and refilled from the log.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import BigInteger, Column, Connection, delete, func, insert, inspect, select, text
from sqlmodel import Field, SQLModel

from ledger.store import EventStore
from ledger.tables import EVENTS, REPLACED
from projections.entries import by_stream, read_entries
from projections.links import load_links
from projections.positions import FoldState, Position
from projections.projector import fold_stream

REFRESH_LOCK = 774412
"""PostgreSQL advisory lock held while the positions table is written."""

NAME = "positions"


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


class CheckpointRow(SQLModel, table=True):
    """How far each stored projection has read the log: every event at or below ``seq`` is
    in it."""

    __tablename__ = "projection_checkpoints"

    name: str = Field(primary_key=True)
    seq: int = Field(sa_column=Column(BigInteger, nullable=False))


POSITIONS = SQLModel.metadata.tables["positions"]
CHECKPOINTS = SQLModel.metadata.tables["projection_checkpoints"]

Key = tuple[str, str]
StoredRow = dict[str, object]


@dataclass(frozen=True)
class CatchUp:
    streams: int
    """Streams refolded."""
    checkpoint: int
    """The last log sequence number the table has applied now."""


def _shape_ok(conn: Connection) -> bool:
    insp = inspect(conn)
    return (
        insp.has_table("positions")
        and {c["name"] for c in insp.get_columns("positions")} == set(POSITIONS.c.keys())
        and insp.has_table("projection_checkpoints")
    )


def ensure_table(store: EventStore) -> bool:
    """Create the tables where missing or of another release's shape. True when the positions
    table was (re)made: it is empty then, its checkpoint gone, and a full refresh is due."""
    with store.engine.connect() as conn:
        if _shape_ok(conn):
            return False
    with store.writer.begin() as conn:
        # Several processes may open an older or new ledger at once: decide under the lock.
        if store.dialect == "postgresql":
            conn.execute(text(f"SELECT pg_advisory_xact_lock({REFRESH_LOCK})"))
        if _shape_ok(conn):
            return False
        insp = inspect(conn)
        if not insp.has_table("projection_checkpoints"):
            CHECKPOINTS.create(conn)
        if insp.has_table("positions"):
            if {c["name"] for c in insp.get_columns("positions")} == set(POSITIONS.c.keys()):
                return False
            POSITIONS.drop(conn)
        POSITIONS.create(conn)
        conn.execute(delete(CHECKPOINTS).where(CHECKPOINTS.c.name == NAME))
    return True


def position_row(p: Position) -> StoredRow:
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


def _with_partners(store: EventStore, stream_ids: list[str]) -> list[str]:
    return load_links(store).expand_streams(stream_ids)


def _fresh_rows(store: EventStore, stream_ids: list[str] | None) -> Iterator[StoredRow]:
    """Rows of ``stream_ids`` (every stream when None) folded from the log, 500 streams a read."""
    parts: list[list[str] | None] = (
        [None]
        if stream_ids is None
        else [stream_ids[i : i + 500] for i in range(0, len(stream_ids), 500)]
    )
    for part in parts:
        for _sid, state in _folded(store, part):
            for p in state.positions.values():
                yield position_row(p)


def _top(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(EVENTS.c.seq), 0))).scalar() or 0)


def _checkpoint(conn: Connection) -> int:
    value = conn.execute(select(CHECKPOINTS.c.seq).where(CHECKPOINTS.c.name == NAME)).scalar()
    return int(value or 0)


def _streams_after(conn: Connection, after: int, upto: int) -> list[str]:
    """Streams with events past ``after``, and the streams of renderings that a filing past
    it replaced (their events are older, but the projection now looks past them)."""
    q = (
        select(EVENTS.c.stream_id)
        .where(EVENTS.c.seq > after, EVENTS.c.seq <= upto)
        .distinct()
        .order_by(EVENTS.c.stream_id)
    )
    found = {r[0] for r in conn.execute(q)}
    replaced = list(conn.execute(select(REPLACED.c.rendering_sha256, REPLACED.c.by_sha256)))
    if replaced:
        new = select(EVENTS.c.filing_sha256).where(EVENTS.c.seq > after, EVENTS.c.seq <= upto)
        fresh = {r[0] for r in conn.execute(new.distinct())}
        olds = [old for old, by in replaced if by in fresh]
        if olds:
            q = select(EVENTS.c.stream_id).where(EVENTS.c.filing_sha256.in_(olds)).distinct()
            found.update(r[0] for r in conn.execute(q))
    return sorted(found)


def _write(
    conn: Connection, store: EventStore, stream_ids: list[str] | None, checkpoint: int | None
) -> None:
    if stream_ids is not None:
        # A linked stream is folded as part of its partner: both go, both rows are rewritten.
        stream_ids = _with_partners(store, stream_ids)
    if stream_ids is None:
        conn.execute(delete(POSITIONS))
    else:
        for start in range(0, len(stream_ids), 500):
            part = stream_ids[start : start + 500]
            conn.execute(delete(POSITIONS).where(POSITIONS.c.stream_id.in_(part)))
    batch: list[StoredRow] = []
    for row in _fresh_rows(store, stream_ids):
        batch.append(row)
        if len(batch) >= 5_000:
            conn.execute(insert(POSITIONS), batch)
            batch = []
    if batch:
        conn.execute(insert(POSITIONS), batch)
    if checkpoint is not None:
        conn.execute(delete(CHECKPOINTS).where(CHECKPOINTS.c.name == NAME))
        conn.execute(insert(CHECKPOINTS), [{"name": NAME, "seq": checkpoint}])


@contextmanager
def _locked_writer(store: EventStore) -> Iterator[Connection]:
    """A write transaction that holds the refresh lock; the checkpoint is read under it.
    Refreshes fold *after* taking the lock, so two writers finishing together cannot deadlock
    on the rows or write a fold that misses the other's events."""
    with store.writer.begin() as conn:
        if store.dialect == "postgresql":
            conn.execute(text(f"SELECT pg_advisory_xact_lock({REFRESH_LOCK})"))
        yield conn


def catch_up(store: EventStore) -> CatchUp:
    """Bring the stored table up to the log's last event (see the module's docstring)."""
    if ensure_table(store):
        return CatchUp(-1, rebuild_positions(store))
    with _locked_writer(store) as conn:
        done = _checkpoint(conn)
        # The top is read before any stream is: every event at or below it is visible now.
        top = _top(conn)
        if top <= done:
            return CatchUp(0, done)
        if done == 0:
            _write(conn, store, None, top)
            return CatchUp(-1, top)
        streams = _streams_after(conn, done, top)
        _write(conn, store, streams, top)
        return CatchUp(len(streams), top)


def rebuild_positions(store: EventStore) -> int:
    """Every row made anew from the log, and the checkpoint with them; returns the checkpoint."""
    ensure_table(store)
    with _locked_writer(store) as conn:
        top = _top(conn)
        _write(conn, store, None, top)
        return top


def refresh_positions(store: EventStore, stream_ids: Iterable[str] | None = None) -> int:
    """Refold ``stream_ids`` (every stream, and the checkpoint, when None); returns rows."""
    if stream_ids is None or ensure_table(store):
        rebuild_positions(store)
    else:
        ids = sorted(set(stream_ids))
        with _locked_writer(store) as conn:
            _write(conn, store, ids, None)
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(POSITIONS)).scalar() or 0)


def iter_current_positions(store: EventStore) -> Iterator[StoredRow]:
    """``current_positions`` row by row, in no particular order: where the store may write,
    the caught-up table is streamed (a whole-ledger verify holds a chunk of it); a read-only
    store's in-memory catch-up is ``current_positions`` itself."""
    if store.read_only:
        yield from current_positions(store).values()
        return
    catch_up(store)
    with store.engine.connect().execution_options(stream_results=True, yield_per=2_000) as conn:
        for r in conn.execute(select(POSITIONS)):
            yield dict(r._mapping)


def fresh_positions(store: EventStore) -> Iterator[StoredRow]:
    """Every position folded anew from the log, a stream at a time."""
    return _fresh_rows(store, None)


def current_positions(store: EventStore) -> dict[Key, StoredRow]:
    """The positions table caught up with the log: written where the store may write, and
    otherwise the stored rows with every stream past the checkpoint refolded in memory."""
    if not store.read_only:
        catch_up(store)
        return _stored(store)
    with store.engine.connect() as conn:
        if not _shape_ok(conn):
            stored: dict[Key, StoredRow] = {}
            done = 0
        else:
            done = _checkpoint(conn)
            stored = _rows(conn)
        top = _top(conn)
        streams = _streams_after(conn, done, top) if top > done else []
    if done == 0:
        stored = {}
        streams_or_all: list[str] | None = None
    else:
        streams = _with_partners(store, streams) if streams else streams
        wanted = set(streams)
        stored = {k: v for k, v in stored.items() if k[0] not in wanted}
        streams_or_all = streams
    if streams_or_all is None or streams_or_all:
        for row in _fresh_rows(store, streams_or_all):
            stored[(str(row["stream_id"]), str(row["position_key"]))] = row
    return stored


def _rows(conn: Connection) -> dict[Key, StoredRow]:
    return {
        (r.stream_id, r.position_key): dict(r._mapping) for r in conn.execute(select(POSITIONS))
    }


def _stored(store: EventStore) -> dict[Key, StoredRow]:
    with store.engine.connect() as conn:
        return _rows(conn)


def stored_positions(store: EventStore) -> dict[Key, StoredRow]:
    """The table as it is, without catching up (what verify compares is ``current_positions``)."""
    with store.engine.connect() as conn:
        return _rows(conn) if _shape_ok(conn) else {}
