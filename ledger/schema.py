"""The ledger's schema on the two supported databases: tables, append-only guards, the schema
version, and the migrations that carry a ledger written by an older release forward.

SQLite is the default (a file, ``./holdings.db``); a ``postgresql://`` URL selects PostgreSQL
through psycopg 3. The UPDATE/DELETE refusal lives in the database itself (triggers), so that
no code path, ours or a user's SQL shell, can rewrite history without dropping it first.

Ledgers outlive releases. ``ledger_meta`` records the layout's version; opening an older ledger
runs each migration step in one transaction (new columns, tables and indexes; never a rewrite of
an event: payloads are upcast when read, see ``ledger.events``). A ledger from a newer release
is refused with one line. Projections are not the ledger's business: they keep their own
tables and rebuild themselves from the log.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.schema import CreateIndex

from ledger.tables import EVENTS, LEDGER_TABLES, META

SCHEMA_VERSION = 3
"""The layout this release writes. 1: the first release (no ``ledger_meta``). 2: ``events.seq``
(was ``position``), replay index on ``coalesce(filed_date, effective_date)``, no
``sort_filing``. 3: ``filings.accepted_at`` (EDGAR's acceptance time, as provenance)."""

DEFAULT_URL = "sqlite:///holdings.db"
ENV_VAR = "HOLDINGS_DB"

_GUARDED = ("events", "filings")

_SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table}
        BEGIN SELECT RAISE(ABORT, '{table} are append-only: {op} refused'); END"""
    for table in _GUARDED
    for op in ("UPDATE", "DELETE")
]

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION holdings_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% are append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END $$"""


def resolve_url(url: str | None = None) -> str:
    """A bare path is a SQLite file; ``postgresql://`` gets the psycopg 3 driver."""
    url = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{Path(url)}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def existing_guards(engine: Engine) -> set[str] | None:
    """Guard triggers present now, or None for a database without the events table yet."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            tables = {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "events" not in tables:
                return None
            return {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
            }
        has = conn.execute(text("SELECT to_regclass('events')")).scalar()
        if has is None:
            return None
        return {
            r[0]
            for r in conn.execute(
                text(
                    "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
                    "AND tgrelid IN ('events'::regclass, 'filings'::regclass)"
                )
            )
        }


def guard_names(dialect: str) -> set[str]:
    if dialect == "sqlite":
        return {f"{t}_no_{op.lower()}" for t in _GUARDED for op in ("UPDATE", "DELETE")}
    return {f"{t}_no_{k}" for t in _GUARDED for k in ("change", "truncate")}


def make_engine(url: str | None = None) -> Engine:
    url = resolve_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})
        _sqlite_tune(engine)
    else:
        # No server-side prepared statements: psycopg would cache a generic plan made while the
        # tables were empty (a sequential scan) and keep using it as they grow into millions.
        engine = create_engine(url, pool_pre_ping=True, connect_args={"prepare_threshold": None})
    return engine


class SchemaError(Exception):
    """The database cannot be opened as this release's ledger; the message says what to do."""


@dataclass(frozen=True)
class SchemaState:
    guards_reinstalled: list[str]
    """Guards an existing ledger had lost (dropped by hand): back now, and verify says so."""
    migrated_from: int | None
    """The layout version this open carried forward, or None when there was nothing to do."""


def prepare_schema(engine: Engine) -> SchemaState:
    """Create what is missing and migrate an older ledger forward."""
    before = existing_guards(engine)
    migrated = install_schema(engine)
    lost = sorted(guard_names(engine.dialect.name) - before) if before is not None else []
    return SchemaState(lost, migrated)


def _sqlite_tune(engine: Engine) -> None:
    """WAL for readers beside a writer; BEGIN IMMEDIATE for writers (``write=True`` execution
    option) so that two writers queue on the lock instead of failing halfway through a filing
    when a read lock cannot be upgraded."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Only writers take the write lock up front; readers must not queue behind them.
        write = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def stored_version(conn: Connection) -> int | None:
    """The layout version of the database behind ``conn``; None where there is no ledger yet."""
    names = set(inspect(conn).get_table_names())
    if "events" not in names:
        return None
    if "ledger_meta" not in names:
        return 1
    value = conn.execute(select(META.c.value).where(META.c.key == "schema_version")).scalar()
    return int(value) if value is not None else 1


def _v1_to_v2(conn: Connection) -> None:
    conn.exec_driver_sql("ALTER TABLE events RENAME COLUMN position TO seq")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_replay_order")
    conn.exec_driver_sql("ALTER TABLE events DROP COLUMN sort_filing")


def _v2_to_v3(conn: Connection) -> None:
    conn.exec_driver_sql("ALTER TABLE filings ADD COLUMN accepted_at VARCHAR")


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3}
"""``MIGRATIONS[v]`` carries a version ``v`` layout to ``v + 1``, inside the caller's
transaction; new tables and indexes are created after the last step."""


def install_schema(engine: Engine) -> int | None:
    """Create, migrate and guard, returning the version migrated from (None if none was).

    Idempotent and cheap when nothing is missing: writers open the store while others append,
    and DDL on a busy table (CREATE TRIGGER takes an exclusive lock) would deadlock with them,
    so the write lock (an advisory lock on PostgreSQL) is taken only when something is absent,
    and what is absent is read again under it."""
    dialect = engine.dialect.name
    with engine.connect() as conn:
        version = stored_version(conn)
        conn.rollback()
    if version == SCHEMA_VERSION and (existing_guards(engine) or set()) >= guard_names(dialect):
        return None
    with engine.execution_options(write=True).begin() as conn:
        if dialect == "postgresql":
            # Several processes may open a fresh database at once: serialise the DDL.
            conn.execute(text("SELECT pg_advisory_xact_lock(774411)"))
        version = stored_version(conn)
        if version is not None and version > SCHEMA_VERSION:
            raise SchemaError(
                f"this ledger was written by a newer release of holdings-ledger (layout "
                f"{version}; this release reads up to {SCHEMA_VERSION}): upgrade holdings-ledger"
            )
        migrated = version if version is not None and version < SCHEMA_VERSION else None
        for step in range(version or SCHEMA_VERSION, SCHEMA_VERSION):
            MIGRATIONS[step](conn)
        META.metadata.create_all(conn, tables=LEDGER_TABLES)
        for index in EVENTS.indexes:
            conn.execute(CreateIndex(index, if_not_exists=True))
        _record_version(conn)
        _install_guards(conn, dialect)
    return migrated


def _record_version(conn: Connection) -> None:
    row = {"key": "schema_version", "value": str(SCHEMA_VERSION)}
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(META).values(**row)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": row["value"]}))


def _install_guards(conn: Connection, dialect: str) -> None:
    if dialect == "sqlite":
        for ddl in _SQLITE_TRIGGERS:
            conn.exec_driver_sql(ddl)
        return
    present = {
        r[0]
        for r in conn.execute(
            text(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
                "AND tgrelid IN ('events'::regclass, 'filings'::regclass)"
            )
        )
    }
    if present >= guard_names("postgresql"):
        return
    conn.execute(text(_PG_FUNCTION))
    for table in _GUARDED:
        if f"{table}_no_change" not in present:
            conn.execute(
                text(
                    f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION holdings_refuse_change()"
                )
            )
        if f"{table}_no_truncate" not in present:
            conn.execute(
                text(
                    f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION holdings_refuse_change()"
                )
            )
