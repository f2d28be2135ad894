"""SQLModel row classes: the ledger's storage shape. Events live in ``events.py``; ``mapping.py``
is the one place that turns one into the other (table models skip validation, so they never
leave the store). Projections keep their own tables (``projections.materialize``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Index,
    Integer,
    LargeBinary,
    Table,
    Text,
    UniqueConstraint,
    event,
    func,
)
from sqlmodel import Field, SQLModel

_ID = BigInteger().with_variant(Integer(), "sqlite")


class EventRow(SQLModel, table=True):
    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("stream_id", "stream_version", name="uq_events_stream_version"),
        Index("ux_events_idempotency", "idempotency_key", "stream_id", unique=True),
        Index("ix_events_person", "person_key", "effective_date"),
        Index("ix_events_issuer", "issuer_key"),
        Index("ix_events_filing", "filing_sha256"),
    )

    seq: int | None = Field(
        default=None, sa_column=Column(_ID, primary_key=True, autoincrement=True)
    )
    stream_id: str
    stream_version: int
    event_type: str
    schema_version: int
    idempotency_key: str
    """Unique with ``stream_id`` (a key a sharded store can enforce); why that still means once
    in the whole ledger: docs/SCALE.md."""
    person_key: str
    person_name: str | None = None
    issuer_key: str
    position_key: str
    filing_sha256: str
    quantity: str | None = None
    shares_owned_following: str | None = None
    transaction_date: dt.date | None = None
    effective_date: dt.date
    filed_date: dt.date | None = None
    row_order: int = 0
    form_type: str = ""
    period_of_report: dt.date | None = None
    is_amendment: bool = False
    original_filed_date: dt.date | None = None
    """Box 4 of a 4/A: when the filing it restates was filed."""
    payload: str = Field(sa_column=Column(Text, nullable=False))
    event_hash: str = ""
    """sha256 over the row's content: an edit behind the store's back no longer matches."""
    chain_hash: str = ""
    """sha256(previous chain hash of the stream + event_hash): a deleted or reordered row
    breaks every later link of its stream."""
    recorded_at: dt.datetime
    hash_version: int = Field(
        default=1, sa_column=Column(Integer, nullable=False, server_default="1")
    )
    """Which formula ``event_hash`` follows (``ledger.mapping``): 1 for rows written before
    layout 4, which did not cover ``recorded_at``; 2 covers it. Kept per row so that old rows
    still verify and the formula can grow again."""


class FilingRow(SQLModel, table=True):
    """One row per filing appended, written in the same transaction as its events: a filing is
    in the ledger whole or not at all, and its hash is the idempotency key for the file."""

    __tablename__ = "filings"

    sha256: str = Field(primary_key=True)
    path: str
    format: str
    form_type: str
    accession_number: str | None = Field(default=None, index=True)
    issuer_key: str
    period_of_report: dt.date | None = None
    filed_date: dt.date | None = None
    """EDGAR's filing date where the input or EDGAR's index gave one, else the signature date."""
    accepted_at: str | None = None
    """EDGAR's acceptance time as EDGAR wrote it, where known (provenance; no zone assumed)."""
    date_of_original_submission: dt.date | None = None
    is_amendment: bool = False
    event_count: int
    notes: int = 0
    recorded_at: dt.datetime
    filing_seq: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    """The filing's place in the order filings were appended (1, 2, ...); None for rows written
    before layout 4."""
    hash_version: int = Field(
        default=1, sa_column=Column(Integer, nullable=False, server_default="1")
    )
    """1: a row from before layout 4, with no hash of its own; 2: ``chain_hash`` covers every
    column and the hashes of the filing's events, chained to the filing appended before it."""
    chain_hash: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))


class QuarantineRow(SQLModel, table=True):
    """A file that could not become events, kept with the reason for a later look."""

    __tablename__ = "quarantine"

    id: int | None = Field(
        default=None, sa_column=Column(_ID, primary_key=True, autoincrement=True)
    )
    sha256: str = Field(unique=True)
    path: str
    reason: str = Field(sa_column=Column(Text, nullable=False))
    line: int | None = None
    size: int
    content: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    recorded_at: dt.datetime
    resolved_at: dt.datetime | None = None
    """When the same bytes later went into the ledger (a fixed parser, a disk that had filled)."""


class IncidentRow(SQLModel, table=True):
    """Evidence that a guard trigger was found missing, disabled or altered. An open that may
    write puts the guard back at once, so without this record the tampering would leave no
    trace; ``holdings verify`` reports every row here. Append-only, like the log."""

    __tablename__ = "ledger_incidents"

    id: int | None = Field(
        default=None, sa_column=Column(_ID, primary_key=True, autoincrement=True)
    )
    found_at: dt.datetime
    guard: str
    kind: str
    detail: str = Field(sa_column=Column(Text, nullable=False))


class ReplacedRenderingRow(SQLModel, table=True):
    """A text rendering that a structured reading (XML, data set) of the same filing replaced,
    written in the XML's own transaction: the rendering's events stay in the log and the
    projections read the XML's instead (``ledger.twins``). A few rows, read whole by every
    projection query, so a table of their own rather than a column of ``filings``."""

    __tablename__ = "replaced_renderings"

    rendering_sha256: str = Field(primary_key=True)
    by_sha256: str
    recorded_at: dt.datetime


class IdentityLinkRow(SQLModel, table=True):
    """``identity linked`` / ``identity unlinked``: that a name-keyed stream (a text rendering
    carries no CIK) is the same person as a CIK-keyed stream of the same issuer, or no longer
    is. Append-only like events, hashed and chained in ``seq`` order (``ledger.links``)."""

    __tablename__ = "identity_links"

    seq: int | None = Field(
        default=None, sa_column=Column(_ID, primary_key=True, autoincrement=True)
    )
    kind: str
    name_key: str = Field(index=True)
    cik_key: str
    issuer_key: str
    payload: str = Field(sa_column=Column(Text, nullable=False))
    event_hash: str
    chain_hash: str
    recorded_at: dt.datetime


class MetaRow(SQLModel, table=True):
    """Facts about the ledger itself; ``schema_version`` says which release's layout it has."""

    __tablename__ = "ledger_meta"

    key: str = Field(primary_key=True)
    value: str


EVENTS = SQLModel.metadata.tables["events"]
FILINGS = SQLModel.metadata.tables["filings"]
QUARANTINE = SQLModel.metadata.tables["quarantine"]
META = SQLModel.metadata.tables["ledger_meta"]
INCIDENTS = SQLModel.metadata.tables["ledger_incidents"]
LINKS = SQLModel.metadata.tables["identity_links"]
REPLACED = SQLModel.metadata.tables["replaced_renderings"]
LEDGER_TABLES = [EVENTS, FILINGS, QUARANTINE, META, INCIDENTS, LINKS, REPLACED]
"""The ledger's own tables, as SQLAlchemy ``Table`` objects (typed, unlike ``__table__``)."""

_c = EVENTS.c
Index(
    "ix_events_replay",
    _c.stream_id,
    _c.effective_date,
    func.coalesce(_c.filed_date, _c.effective_date),
    _c.filing_sha256,
    _c.row_order,
)
"""Serves ``ledger.order.REPLAY_ORDER``: a stream read in replay order without a sort."""

Index("ix_filings_seq", FILINGS.c.filing_seq)
"""The tip of the append order is read through it. Not unique (since layout 6): a sharded
``filings`` can only enforce keys that hold ``sha256``. One filing per place is kept by the
serialised append and checked by ``holdings verify`` (docs/SCALE.md)."""

EVENTS_KEY = ("seq", "stream_id")
"""The events primary key on PostgreSQL: ``seq`` still comes from one global sequence, and the
stream makes it a key a table sharded by stream can enforce. SQLite keeps ``seq`` alone, its
INTEGER PRIMARY KEY (the rowid, which is what numbers a new row there)."""


@event.listens_for(EVENTS, "after_create")
def _events_key(_table: Table, conn: Connection, **_kw: Any) -> None:
    """Made with ``seq`` alone as its key (the model's, SQLite's), events on PostgreSQL get
    ``EVENTS_KEY`` at once; ``ledger.schema`` does the same for a ledger of an older layout."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "ALTER TABLE events DROP CONSTRAINT events_pkey, "
            f"ADD CONSTRAINT events_pkey PRIMARY KEY ({', '.join(EVENTS_KEY)})"
        )


Index("ix_filings_twin", FILINGS.c.issuer_key, FILINGS.c.period_of_report)
"""Finds the other shape of a filing (its XML, or a text rendering of it) at append time."""
