"""Issuer names by ticker as the ledger's structured filings (XML, the SEC's data set) state
them, every spelling seen: what reads apart a text rendering's boxes 1 and 2 run together
(``parsers.KnownNames``). A projection like the people table: rewritten as events arrive from
its checkpoint, one event read per filing, never the record itself.

Every spelling matters: a sample of them could miss the longer one a rendering prints (``The
Bancorp, Inc.`` beside ``Bancorp, Inc.``), and the shorter alone would cut its first word into
the owner's name."""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select
from sqlmodel import Field, SQLModel

from ledger.events import read_event
from ledger.store import EventStore
from ledger.tables import EVENTS, FILINGS
from projections.kept import KeptTable, log_head


class IssuerNameRow(SQLModel, table=True):
    """One (ticker, issuer name) a structured filing of the ledger states."""

    __tablename__ = "issuer_names"

    ticker: str = Field(primary_key=True)
    name: str = Field(primary_key=True)


ISSUER_NAMES = SQLModel.metadata.tables["issuer_names"]
NAME = "issuer_names"
"""This projection's row in ``projection_checkpoints``."""
REFRESH_LOCK = 774415
"""PostgreSQL advisory lock held while the table is written."""
STRUCTURED = ("xml", "sec_dataset")
"""Source formats whose names are stated apart, never read apart by a rule."""

_KEPT = KeptTable(ISSUER_NAMES, NAME, REFRESH_LOCK)


def _names_between(conn: Connection, after: int, upto: int) -> set[tuple[str, str]]:
    """(ticker, name) of the structured filings whose events lie in ``(after, upto]``: one
    event of each filing, found by the sequence index, its payload read."""
    first = (
        select(func.min(EVENTS.c.seq))
        .select_from(EVENTS.join(FILINGS, EVENTS.c.filing_sha256 == FILINGS.c.sha256))
        .where(
            EVENTS.c.seq > after,
            EVENTS.c.seq <= upto,
            FILINGS.c.format.in_(STRUCTURED),
            EVENTS.c.issuer_key.not_like("%:%"),  # (keyed by ticker: no CIK or name key)
        )
        .group_by(EVENTS.c.filing_sha256)
    )
    found: set[tuple[str, str]] = set()
    for (payload,) in conn.execute(select(EVENTS.c.payload).where(EVENTS.c.seq.in_(first))):
        e = read_event(payload)
        if e.issuer_ticker and e.issuer_name:
            found.add((e.issuer_ticker.strip().upper(), e.issuer_name))
    return found


def refresh_issuer_names(store: EventStore, *, full: bool = False) -> int:
    """Read the filings past the checkpoint into the table; returns the names added. Serialised
    like the other projections, the checkpoint read again under the lock; a read-only store is
    left as it is (:func:`issuer_names` reads past its checkpoint in memory)."""
    if store.read_only:
        return 0
    if _KEPT.ensure(store):
        full = True
    with store.writer.begin() as conn:
        span = _KEPT.span(conn, store.dialect, full)
        if span is None:
            return 0
        start, head = span
        if full:
            conn.execute(delete(ISSUER_NAMES))
            have: set[tuple[str, str]] = set()
        else:
            have = {(t, n) for t, n in conn.execute(select(ISSUER_NAMES))}
        new = sorted(_names_between(conn, start, head) - have)
        if new:
            conn.execute(insert(ISSUER_NAMES), [{"ticker": t, "name": n} for t, n in new])
        _KEPT.mark(conn, head)
    return len(new)


def issuer_names(store: EventStore) -> list[tuple[str, str]]:
    """Every (ticker, issuer name) the ledger's structured filings state, up to the log's end:
    the table brought up to date first where the store may be written, else read with the
    filings past its checkpoint (or all of them, where a read-only ledger has no table)."""
    refresh_issuer_names(store)
    with store.engine.connect() as conn:
        if _KEPT.shape_ok(conn):
            rows = {(t, n) for t, n in conn.execute(select(ISSUER_NAMES))}
            start = _KEPT.checkpoint(conn)
        else:
            rows, start = set(), 0
        head = log_head(conn)
        if head > start:
            rows |= _names_between(conn, start, head)
    return sorted(rows)
