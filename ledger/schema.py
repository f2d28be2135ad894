"""Engines for the two supported databases, with the append-only guard installed on both.

SQLite is the default (a file, ``./holdings.db``); a ``postgresql://`` URL selects PostgreSQL
through psycopg 3. The UPDATE/DELETE refusal lives in the database itself (triggers), so that
no code path, ours or a user's SQL shell, can rewrite history without dropping it first.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlmodel import SQLModel

from ledger import tables  # noqa: F401  (registers the tables on SQLModel.metadata)

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


def prepare_schema(engine: Engine) -> list[str]:
    """Create what is missing. Returns the guards an existing ledger had lost (dropped by hand):
    they are back now, and ``holdings verify`` says so."""
    before = existing_guards(engine)
    install_schema(engine)
    return sorted(guard_names(engine.dialect.name) - before) if before is not None else []


def _sqlite_tune(engine: Engine) -> None:
    """WAL for readers beside a writer; BEGIN IMMEDIATE for writers (``write=True`` execution
    option) so that two writers queue on the lock instead of failing halfway through a filing
    when a read lock cannot be upgraded."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # Only writers take the write lock up front; readers must not queue behind them.
        write = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def install_schema(engine: Engine) -> None:
    """Idempotent and cheap when nothing is missing: writers open the store while others
    append, and DDL on a busy table (CREATE TRIGGER takes an exclusive lock) would deadlock
    with them, so only what is absent is created, under an advisory lock on PostgreSQL."""
    present = existing_guards(engine) or set()
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            # Several processes may open a fresh database at once: serialise the DDL.
            conn.execute(text("SELECT pg_advisory_xact_lock(774411)"))
            SQLModel.metadata.create_all(conn)
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
    else:
        if present >= guard_names("sqlite"):
            SQLModel.metadata.create_all(engine)  # new projection tables on an older ledger
            return
        with engine.begin() as conn:
            SQLModel.metadata.create_all(conn)
            for ddl in _SQLITE_TRIGGERS:
                conn.exec_driver_sql(ddl)
