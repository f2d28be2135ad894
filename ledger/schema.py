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

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    event,
    insert,
    inspect,
    make_url,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.schema import CreateIndex

from ledger.clock import utcnow
from ledger.tables import EVENTS, EVENTS_KEY, FILINGS, INCIDENTS, LEDGER_TABLES, LINKS, META

SCHEMA_VERSION = 6
"""The layout this release writes. 1: the first release (no ``ledger_meta``). 2: ``events.seq``
(was ``position``), replay index on ``coalesce(filed_date, effective_date)``, no
``sort_filing``. 3: ``filings.accepted_at`` (EDGAR's acceptance time, as provenance).
4: hash formulas versioned per row (``hash_version``; version 2 covers ``recorded_at``),
filings chained in append order (``filing_seq``, ``chain_hash``), quarantine entries resolved,
``ledger_incidents``, and PostgreSQL guards that fire ALWAYS. 5: the append-only
``identity_links`` and ``replaced_renderings`` records (a structured reading replacing an earlier
text rendering of the same filing), and the index that finds a filing's other shape.
6: every unique key of a table that a distributed PostgreSQL would shard holds its distribution
column (``ledger.distribution``, docs/SCALE.md): events unique on ``(idempotency_key,
stream_id)``, keyed on PostgreSQL by ``(seq, stream_id)``; ``filings.filing_seq`` indexed, no
longer unique."""

DEFAULT_URL = "sqlite:///holdings.db"
ENV_VAR = "HOLDINGS_DB"
BUSY_TIMEOUT_VAR = "HOLDINGS_BUSY_TIMEOUT"
"""Seconds a SQLite writer waits for the write lock before giving up (default 60)."""

_GUARDED = ("events", "filings", "ledger_incidents", "identity_links", "replaced_renderings")
_GUARDED_BEFORE_5 = ("events", "filings", "ledger_incidents")
_GUARDED_BEFORE_4 = ("events", "filings")

_SQLITE_GUARD = (
    "CREATE TRIGGER IF NOT EXISTS {name} BEFORE {op} ON {table}\n"
    "        BEGIN SELECT RAISE(ABORT, '{table} are append-only: {op} refused'); END"
)

_PG_FUNCTION_BODY = """
BEGIN
    RAISE EXCEPTION '% are append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END """
_PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION holdings_refuse_change() RETURNS trigger LANGUAGE plpgsql "
    f"AS $${_PG_FUNCTION_BODY}$$"
)
_PG_TGTYPE = {"change": 1 | 2 | 8 | 16, "truncate": 2 | 32}
"""``pg_trigger.tgtype`` bits: ROW 1, BEFORE 2, DELETE 8, UPDATE 16, TRUNCATE 32."""


def resolve_url(url: str | None = None) -> str:
    """A bare path is a SQLite file; ``postgresql://`` gets the psycopg 3 driver."""
    url = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{Path(url)}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL; None for PostgreSQL or an in-memory database."""
    if not url.startswith("sqlite"):
        return None
    path = make_url(url).database
    return path if path and path != ":memory:" else None


def guard_names(dialect: str, tables: Iterable[str] = _GUARDED) -> set[str]:
    if dialect == "sqlite":
        return {f"{t}_no_{op.lower()}" for t in tables for op in ("UPDATE", "DELETE")}
    return {f"{t}_no_{k}" for t in tables for k in ("change", "truncate")}


def _guard_table(name: str) -> str:
    return name.rsplit("_no_", 1)[0]


def _squash(sql: str) -> str:
    return " ".join(sql.replace("IF NOT EXISTS ", "").split())


def guard_problems(conn: Connection, version: int | None) -> dict[str, tuple[str, str]]:
    """Guards that are not as this release installs them: ``{name: (kind, detail)}`` with kind
    ``guard missing``, ``guard disabled`` or ``guard altered``. Ledgers older than layout 4
    had guards on events and filings only, firing in the ordinary (origin) mode."""
    if version is None:
        return {}
    tables = _GUARDED if version >= 5 else _GUARDED_BEFORE_5 if version >= 4 else _GUARDED_BEFORE_4
    wanted = guard_names(conn.dialect.name, tables)
    if conn.dialect.name == "sqlite":
        found: dict[str, str | None] = dict(
            conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type='trigger'").all()
        )
        out: dict[str, tuple[str, str]] = {}
        for name in sorted(wanted):
            table, op = _guard_table(name), name.rsplit("_no_", 1)[1].upper()
            if name not in found:
                out[name] = ("guard missing", f"append-only trigger on {table} was dropped")
            elif _squash(found[name] or "") != _squash(
                _SQLITE_GUARD.format(name=name, op=op, table=table)
            ):
                out[name] = ("guard altered", f"trigger on {table} no longer refuses {op}")
        return out
    rows = conn.execute(
        text(
            "SELECT t.tgname, t.tgenabled, t.tgtype, t.tgqual IS NULL AS unconditional, "
            "t.tgnargs, array_length(t.tgattr, 1) AS cols, p.prosrc "
            "FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal AND t.tgrelid IN "
            f"({', '.join(f'to_regclass(:t{i})' for i in range(len(tables)))})"
        ),
        {f"t{i}": t for i, t in enumerate(tables)},
    ).all()
    present = {r.tgname: r for r in rows}
    out = {}
    for name in sorted(wanted):
        table, kind = _guard_table(name), name.rsplit("_no_", 1)[1]
        r = present.get(name)
        if r is None:
            out[name] = ("guard missing", f"append-only trigger on {table} was dropped")
        elif (
            r.tgtype != _PG_TGTYPE[kind]
            or not r.unconditional
            or r.tgnargs
            or r.cols
            or _squash(r.prosrc) != _squash(_PG_FUNCTION_BODY)
        ):
            out[name] = ("guard altered", f"trigger on {table} no longer refuses every change")
        elif r.tgenabled == "D" or (version >= 4 and r.tgenabled != "A"):
            state = {"D": "disabled", "O": "enabled only for origin sessions", "R": "replica only"}
            out[name] = (
                "guard disabled",
                f"trigger on {table} was {state.get(r.tgenabled, r.tgenabled)} "
                "(it must fire ALWAYS, whatever session_replication_role says)",
            )
    return out


def busy_timeout() -> float:
    return float(os.environ.get(BUSY_TIMEOUT_VAR, "60"))


def make_engine(url: str | None = None, *, read_only: bool = False) -> Engine:
    """An engine on ``url``. ``read_only`` engines never write: SQLite opens the file with
    ``mode=ro`` (``immutable=1`` where its folder cannot be written, since a WAL reader needs
    to create the shared-memory file), PostgreSQL sessions are READ ONLY."""
    url = resolve_url(url)
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if read_only and path is not None:
            engine = create_engine(url, creator=_sqlite_reader(path))
            _sqlite_tune(engine, read_only=True)
            return engine
        engine = create_engine(
            url, connect_args={"timeout": busy_timeout(), "check_same_thread": False}
        )
        _sqlite_tune(engine)
        return engine
    # No server-side prepared statements: psycopg would cache a generic plan made while the
    # tables were empty (a sequential scan) and keep using it as they grow into millions.
    engine = create_engine(url, pool_pre_ping=True, connect_args={"prepare_threshold": None})

    @event.listens_for(engine, "connect")
    def _session(dbapi_conn: Any, _record: Any) -> None:
        # UTC sessions: a ledger of the first release keeps times in a column without a time
        # zone, which PostgreSQL fills and reads in the session's zone; hashes need one form.
        with dbapi_conn.cursor() as cur:
            cur.execute("SET TIME ZONE 'UTC'")
            if read_only:
                cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        dbapi_conn.commit()

    return engine


def _sqlite_reader(path: str) -> Callable[[], sqlite3.Connection]:
    """Connections for a read-only open: ``mode=ro`` first; ``immutable=1`` where that cannot
    open (a read-only folder: WAL needs its ``-shm`` file). Decided once, on first connect."""
    target = quote(str(Path(path).absolute()))
    chosen: list[str] = []

    def connect() -> sqlite3.Connection:
        modes = chosen or ["mode=ro", "immutable=1"]
        error: sqlite3.Error | None = None
        for mode in modes:
            conn = sqlite3.connect(
                f"file:{target}?{mode}", uri=True, timeout=busy_timeout(), check_same_thread=False
            )
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError as exc:
                conn.close()
                error = exc
                continue
            if not chosen:
                chosen.append(mode)
            return conn
        assert error is not None
        raise error

    return connect


class SchemaError(Exception):
    """The database cannot be opened as this release's ledger; the message says what to do."""


class NotALedger(SchemaError):
    """The database exists but is not a holdings ledger (another application's file, say)."""


class OutdatedLayout(SchemaError):
    """A read-only open met a ledger of an older layout: it must be carried forward first."""

    def __init__(self, message: str, version: int) -> None:
        super().__init__(message)
        self.version = version


@dataclass(frozen=True)
class SchemaState:
    guards_reinstalled: list[str]
    """Guards an existing ledger had lost, or had disabled or altered: put back now, and
    recorded in ``ledger_incidents`` so that verify keeps reporting it."""
    migrated_from: int | None
    """The layout version this open carried forward, or None when there was nothing to do."""


def check_ledger(conn: Connection, what: str) -> int:
    """The layout version of an existing ledger, refusing what is not one, by name."""
    names = set(inspect(conn).get_table_names())
    version = stored_version(conn)
    if version is None:
        if names:
            shown = ", ".join(sorted(names)[:5]) + (", ..." if len(names) > 5 else "")
            raise NotALedger(f"{what} is not a holdings ledger (it holds other tables: {shown})")
        raise NotALedger(f"{what} is not a holdings ledger (it holds no ledger tables)")
    if version > SCHEMA_VERSION:
        raise _newer(version)
    return version


def _newer(version: int) -> SchemaError:
    return SchemaError(
        f"this ledger was written by a newer release of holdings-ledger (layout "
        f"{version}; this release reads up to {SCHEMA_VERSION}): upgrade holdings-ledger"
    )


def prepare_schema(engine: Engine, what: str = "the database") -> SchemaState:
    """Create what is missing, migrate an older ledger forward, and put back (recording it)
    any guard found missing, disabled or altered. A SQLite file of another application is
    refused, never filled with ledger tables. Retried while another process holds the lock
    (several ingests creating one new file at once)."""
    for attempt in range(8):
        try:
            return _prepare(engine, what)
        except OperationalError as exc:
            if attempt == 7 or not _locked(exc):
                raise
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")


def _locked(exc: OperationalError) -> bool:
    text_ = str(exc.orig).lower()
    return "locked" in text_ or "busy" in text_


def _prepare(engine: Engine, what: str) -> SchemaState:
    with engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        if engine.dialect.name == "sqlite" and names and "events" not in names:
            check_ledger(conn, what)  # raises NotALedger naming the tables it found
        version = stored_version(conn)
        problems = guard_problems(conn, version)
        conn.rollback()
    if version == SCHEMA_VERSION and not problems:
        return SchemaState([], None)
    with engine.execution_options(write=True).begin() as conn:
        if engine.dialect.name == "postgresql":
            # Several processes may open a fresh database at once: serialise the DDL.
            conn.execute(text("SELECT pg_advisory_xact_lock(774411)"))
        version = stored_version(conn)
        if version is not None and version > SCHEMA_VERSION:
            raise _newer(version)
        problems = guard_problems(conn, version)
        migrated = version if version is not None and version < SCHEMA_VERSION else None
        for step in range(version or SCHEMA_VERSION, SCHEMA_VERSION):
            MIGRATIONS[step](conn)
        META.metadata.create_all(conn, tables=LEDGER_TABLES)
        for index in (*EVENTS.indexes, *FILINGS.indexes, *LINKS.indexes):
            conn.execute(CreateIndex(index, if_not_exists=True))
        _record_version(conn)
        if version is None or version < 4:
            # The filings chain begins here: the rows before it are recorded as they are.
            _record_legacy_filings(conn)
        _install_guards(conn, set(problems))
        if problems:
            now = utcnow()
            conn.execute(
                insert(INCIDENTS),
                [
                    {"found_at": now, "guard": name, "kind": kind, "detail": detail}
                    for name, (kind, detail) in sorted(problems.items())
                ],
            )
    return SchemaState(sorted(problems), migrated)


def _sqlite_tune(engine: Engine, read_only: bool = False) -> None:
    """WAL for readers beside a writer; BEGIN IMMEDIATE for writers (``write=True`` execution
    option) so that two writers queue on the lock instead of failing halfway through a filing
    when a read lock cannot be upgraded. A read-only engine changes nothing in the file."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if read_only:
            cur.execute("PRAGMA query_only=1")
        else:
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


def _v3_to_v4(conn: Connection) -> None:
    for ddl in (
        "ALTER TABLE events ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE filings ADD COLUMN filing_seq BIGINT",
        "ALTER TABLE filings ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE filings ADD COLUMN chain_hash TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE quarantine ADD COLUMN resolved_at TIMESTAMP",
    ):
        conn.exec_driver_sql(ddl)


def _v4_to_v5(conn: Connection) -> None:
    """Only new tables (``identity_links``, ``replaced_renderings``) and a new index on
    ``filings``: made after the last step, like every table and index that is missing."""


def _v5_to_v6(conn: Connection) -> None:
    """Unique keys a sharded table can enforce. The new ones are made after the last step (the
    ``ux_events_idempotency`` index; on PostgreSQL the wider primary key here). SQLite cannot
    drop the column's inline UNIQUE, so there the events table is made anew and its rows copied
    as they are (same ``seq``, same bytes: no event is rewritten; its guards, dropped with the
    old table, are put back with the others)."""
    conn.exec_driver_sql("DROP INDEX IF EXISTS ux_filings_seq")
    if conn.dialect.name == "sqlite":
        _sqlite_remake_events(conn)
        return
    for (name,) in conn.execute(text(_PG_IDEMPOTENCY_UNIQUE)):
        conn.exec_driver_sql(f'ALTER TABLE events DROP CONSTRAINT "{name}"')
    pkey = conn.execute(
        text("SELECT conname FROM pg_constraint WHERE conrelid='events'::regclass AND contype='p'")
    ).scalar_one()
    conn.exec_driver_sql(
        f'ALTER TABLE events DROP CONSTRAINT "{pkey}", '
        f"ADD CONSTRAINT events_pkey PRIMARY KEY ({', '.join(EVENTS_KEY)})"
    )


_PG_IDEMPOTENCY_UNIQUE = """
SELECT c.conname FROM pg_constraint c
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
WHERE c.conrelid = 'events'::regclass AND c.contype = 'u'
GROUP BY c.conname HAVING array_agg(a.attname::text) = ARRAY['idempotency_key']"""
"""The unique constraint of layouts 1 to 5 on ``idempotency_key`` alone, by whatever name."""


def _sqlite_remake_events(conn: Connection) -> None:
    conn.exec_driver_sql("ALTER TABLE events RENAME TO events_v5")
    for (index,) in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events_v5' "
        "AND sql IS NOT NULL"
    ).all():
        conn.exec_driver_sql(f'DROP INDEX "{index}"')
    EVENTS.create(conn)
    names = ", ".join(EVENTS.c.keys())
    conn.exec_driver_sql(f"INSERT INTO events ({names}) SELECT {names} FROM events_v5 ORDER BY seq")
    conn.exec_driver_sql("DROP TABLE events_v5")


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
}
"""``MIGRATIONS[v]`` carries a version ``v`` layout to ``v + 1``, inside the caller's
transaction; new tables and indexes are created after the last step."""


def _record_version(conn: Connection) -> None:
    row = {"key": "schema_version", "value": str(SCHEMA_VERSION)}
    insert_ = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = insert_(META).values(**row)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": row["value"]}))


LEGACY_FILINGS_KEY = "legacy_filings"
"""``ledger_meta`` key: how many filings rows predate the filings chain (layout 4), and a hash
of their content hashes. A row outside the chain that is not one of them was put in by hand."""


def legacy_filings_digest(shas: Iterable[str]) -> str:
    ordered = sorted(shas)
    return f"{len(ordered)}:{hashlib.sha256(chr(10).join(ordered).encode()).hexdigest()}"


def _record_legacy_filings(conn: Connection) -> None:
    shas = [r[0] for r in conn.execute(select(FILINGS.c.sha256))]
    row = {"key": LEGACY_FILINGS_KEY, "value": legacy_filings_digest(shas)}
    insert_ = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    conn.execute(insert_(META).values(**row).on_conflict_do_nothing(index_elements=["key"]))


def _install_guards(conn: Connection, broken: set[str]) -> None:
    """Create every guard; ``broken`` ones (altered) are dropped first. On PostgreSQL each
    fires ALWAYS, so a session in ``session_replication_role = replica`` is refused too."""
    if conn.dialect.name == "sqlite":
        for name in sorted(guard_names("sqlite")):
            table, op = _guard_table(name), name.rsplit("_no_", 1)[1].upper()
            if name in broken:
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            conn.exec_driver_sql(_SQLITE_GUARD.format(name=name, op=op, table=table))
        return
    conn.execute(text(_PG_FUNCTION))
    present = {
        r[0]
        for r in conn.execute(
            text(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN "
                f"({', '.join(f'{t!r}::regclass' for t in _GUARDED)})"
            )
        )
    }
    for name in sorted(guard_names("postgresql")):
        table, kind = _guard_table(name), name.rsplit("_no_", 1)[1]
        if name in broken and name in present:
            conn.execute(text(f"DROP TRIGGER {name} ON {table}"))
            present.discard(name)
        if name not in present:
            when = (
                "BEFORE UPDATE OR DELETE ON {t} FOR EACH ROW"
                if kind == "change"
                else "BEFORE TRUNCATE ON {t} FOR EACH STATEMENT"
            ).format(t=table)
            conn.execute(
                text(f"CREATE TRIGGER {name} {when} EXECUTE FUNCTION holdings_refuse_change()")
            )
        conn.execute(text(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {name}"))
