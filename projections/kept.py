"""A projection's own table beside its row in ``projection_checkpoints``: made where missing
or of another shape, and asked how far it has read the log. The people table and the issuer
names keep theirs so; one place makes them, under one lock."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from sqlalchemy import Connection, Table, delete, func, insert, inspect, select, text

from ledger.store import EventStore
from ledger.tables import EVENTS
from projections.materialize import CHECKPOINTS
from projections.materialize import REFRESH_LOCK as POSITIONS_LOCK


@dataclass(eq=False)
class KeptTable:
    table: Table
    name: str
    """The projection's row in ``projection_checkpoints``."""
    lock: int
    """The PostgreSQL advisory lock its refreshes take, so that two processes do not refresh
    it at once."""
    ready: weakref.WeakSet[EventStore] = field(default_factory=weakref.WeakSet)
    """Stores whose table was seen in this release's shape: not inspected again."""

    def shape_ok(self, conn: Connection) -> bool:
        insp = inspect(conn)
        name = self.table.name
        return (
            insp.has_table(name)
            and {c["name"] for c in insp.get_columns(name)} == set(self.table.c.keys())
            and insp.has_table("projection_checkpoints")
        )

    def ensure(self, store: EventStore) -> bool:
        """Create the table where missing or of another shape (never on a read-only store);
        True when it was (re)made: it is empty then, its checkpoint gone, and a full refresh
        is due."""
        if store in self.ready or store.read_only:
            return False
        with store.engine.connect() as conn:
            ok = self.shape_ok(conn)
        made = False
        if not ok:
            with store.writer.begin() as conn:
                # Several processes may open one ledger at once: decide under the lock the
                # positions projection makes its tables under, since each may create the shared
                # projection_checkpoints (two CREATE TABLE racing collide in PostgreSQL's
                # catalog).
                if store.dialect == "postgresql":
                    conn.execute(text(f"SELECT pg_advisory_xact_lock({POSITIONS_LOCK})"))
                if not self.shape_ok(conn):
                    insp = inspect(conn)
                    if not insp.has_table("projection_checkpoints"):
                        CHECKPOINTS.create(conn)
                    if insp.has_table(self.table.name):
                        self.table.drop(conn)
                    self.table.create(conn)
                    conn.execute(delete(CHECKPOINTS).where(CHECKPOINTS.c.name == self.name))
                    made = True
        self.ready.add(store)
        return made

    def checkpoint(self, conn: Connection) -> int:
        where = CHECKPOINTS.c.name == self.name
        return int(conn.execute(select(CHECKPOINTS.c.seq).where(where)).scalar() or 0)

    def span(self, conn: Connection, dialect: str, full: bool) -> tuple[int, int] | None:
        """The log's events this refresh reads, as (after seq, up to seq), decided under the
        projection's lock with the checkpoint read again there; None where none is new and no
        full refresh is asked."""
        if dialect == "postgresql":
            conn.execute(text(f"SELECT pg_advisory_xact_lock({self.lock})"))
        start = 0 if full else self.checkpoint(conn)
        head = log_head(conn)
        if head <= start and not full:
            return None
        return start, head

    def mark(self, conn: Connection, head: int) -> None:
        """Record that the table has read the log up to ``head``."""
        conn.execute(delete(CHECKPOINTS).where(CHECKPOINTS.c.name == self.name))
        conn.execute(insert(CHECKPOINTS).values(name=self.name, seq=head))


def log_head(conn: Connection) -> int:
    """The log's last sequence number (0 for an empty log)."""
    return int(conn.execute(select(func.max(EVENTS.c.seq))).scalar() or 0)
