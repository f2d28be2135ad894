"""Ready for a distributed PostgreSQL (docs/SCALE.md): every table of a built ledger has a
placement (``ledger.distribution``), every key of a distributed table, as the database holds
it, includes the distribution column, and ledgers of layout 5 (and 1) migrate to that shape
keeping their events, their hash chains and their idempotency.

``tests/fixtures/ledgers/v5-mixed.db`` was written by the release of layout 5 (SQLite) from the
seeds, a rendering and then its XML (one identity link, one replaced rendering), the XML
fixtures and one file that went to quarantine; ``v5-postgres.sql`` is that release's DDL on
PostgreSQL, filled here from the same rows.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, SEEDS
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from holdings.cli import app
from holdings.ingest import ingest_paths
from holdings.verify import verify
from ledger.classify import filing_events
from ledger.distribution import (
    PLACEMENTS,
    citus_statements,
    key_breaks,
    placement_table,
    unique_keys,
)
from ledger.events import Event
from ledger.schema import SCHEMA_VERSION
from ledger.store import EventStore, prepare
from ledger.tables import EVENTS_KEY
from parsers import parse_file
from parsers.model import Filing

LEDGERS = FIXTURES / "ledgers"
SCALE_MD = Path(__file__).resolve().parents[1] / "docs" / "SCALE.md"
COOK_TEXT = FIXTURES / "text" / "twins" / "cook_2019-08-24.md"
XML = FIXTURES / "xml"
NEW_FILING = FIXTURES / "text" / "tabs_form3_snow.txt"
"""Not in the v5 fixture: appended after the migration."""
V5_INPUTS = [SEEDS, COOK_TEXT, XML]
runner = CliRunner()

_EVENT_COLUMNS = "seq, stream_id, stream_version, idempotency_key, payload, event_hash, chain_hash"


def _rows(store: EventStore) -> list[tuple[Any, ...]]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(f"SELECT {_EVENT_COLUMNS} FROM events")]


def _breaks(store: EventStore) -> list[str]:
    with store.engine.connect() as conn:
        return key_breaks(conn)


def _keys(store: EventStore, table: str) -> dict[str, list[str]]:
    with store.engine.connect() as conn:
        return {what: [c or "" for c in cols] for what, cols in unique_keys(conn, table)}


# --- the rule, on a ledger made now ------------------------------------------------------


def test_every_table_of_a_built_ledger_has_a_placement(store: EventStore) -> None:
    ingest_paths(store, [COOK_TEXT, XML], workers=1)  # projections built too
    names = set(inspect(store.engine).get_table_names())
    assert names == set(PLACEMENTS), "a table without a placement, or a placement without one"


def test_every_key_of_a_distributed_table_holds_its_column(store: EventStore) -> None:
    ingest_paths(store, [XML], workers=1)
    assert _breaks(store) == []
    events = _keys(store, "events")
    assert events["unique index ux_events_idempotency"] == ["idempotency_key", "stream_id"]
    expected_pk = ["seq"] if store.dialect == "sqlite" else list(EVENTS_KEY)
    assert events["primary key"] == expected_pk
    assert _keys(store, "filings") == {"primary key": ["sha256"]}
    assert _keys(store, "positions") == {"primary key": ["stream_id", "position_key"]}


def test_the_check_finds_a_key_a_shard_could_not_enforce(store: EventStore) -> None:
    with store.writer.begin() as conn:
        conn.exec_driver_sql("CREATE UNIQUE INDEX probe_hash ON events (event_hash)")
        conn.exec_driver_sql("CREATE UNIQUE INDEX probe_path ON filings (lower(path), filing_seq)")
    breaks = _breaks(store)
    assert breaks == [
        "events: unique index probe_hash (event_hash) lacks stream_id",
        "filings: unique index probe_path ((expression), filing_seq) lacks sha256",
    ]


def test_scale_md_shows_the_placements_and_calls_of_the_code() -> None:
    """The table and the calls in docs/SCALE.md are generated from ``ledger.distribution``
    (HOLDINGS_REGOLD=1 writes them)."""
    wanted = {
        "placements": placement_table(),
        "citus": "```sql\n" + "\n".join(citus_statements()) + "\n```",
    }
    doc = SCALE_MD.read_text()
    for name, block in wanted.items():
        pattern = re.compile(
            rf"(<!-- {name}: generated from ledger/distribution.py -->\n)(.*?)(\n<!-- /{name} -->)",
            re.S,
        )
        found = pattern.search(doc)
        assert found, f"docs/SCALE.md has no {name} block"
        if os.environ.get("HOLDINGS_REGOLD"):
            doc = doc[: found.start(2)] + block + doc[found.end(2) :]
            SCALE_MD.write_text(doc)
            continue
        assert found.group(2) == block, f"docs/SCALE.md's {name} differ from the code's"
    tables = re.findall(r"^\| `(\w+)` \|", placement_table(), re.M)
    assert tables == list(PLACEMENTS)


# --- global deduplication under a key that holds the stream ------------------------------


def _one_filing() -> tuple[Filing, list[Event]]:
    filing = parse_file(XML / "wf-form4_156694501621463.xml")
    return filing, filing_events(filing)


def test_a_filing_rederived_into_other_streams_is_not_stored_twice(store: EventStore) -> None:
    """The stream id is derived from the same content as the idempotency key; were a later
    release to put a row of the same filing in another stream, the filing's own key (its
    content hash, unique and sharded by itself) still finds it: no second copy."""
    filing, events = _one_filing()
    first = store.append_filing(filing, events)
    before = _rows(store)
    moved = prepare(filing, events)
    moved.rows[:] = [r._replace(stream_id="cik:0000000001@ELSEWHERE") for r in moved.rows]
    (again,) = store.append_prepared([moved])
    assert first.appended == len(events) > 0
    assert not isinstance(again, Exception) and again.already_present
    assert _rows(store) == before


def test_a_copy_under_the_same_key_in_another_stream_is_caught_by_verify(
    store: EventStore,
) -> None:
    """What the database no longer refuses (the key is unique per stream), verify finds: each
    filing's events are counted against the number its row recorded."""
    filing, events = _one_filing()
    store.append_filing(filing, events)
    with store.writer.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO events (stream_id, stream_version, event_type, schema_version, "
            "idempotency_key, person_key, person_name, issuer_key, position_key, filing_sha256, "
            "quantity, shares_owned_following, transaction_date, effective_date, filed_date, "
            "row_order, form_type, period_of_report, is_amendment, original_filed_date, payload, "
            "event_hash, chain_hash, recorded_at, hash_version) "
            "SELECT 'x@ELSEWHERE', 1, event_type, schema_version, idempotency_key, person_key, "
            "person_name, issuer_key, position_key, filing_sha256, quantity, "
            "shares_owned_following, transaction_date, effective_date, filed_date, row_order, "
            "form_type, period_of_report, is_amendment, original_filed_date, payload, "
            "event_hash, event_hash, recorded_at, hash_version FROM events "
            "WHERE stream_version = 1 ORDER BY seq LIMIT 1"
        )
    report = verify(store)
    assert "missing events" in {p.kind for p in report.problems}, report.problems


def test_a_second_event_at_one_place_of_the_log_order_is_caught_by_verify(
    store: EventStore, engine_name: str
) -> None:
    """On PostgreSQL ``seq`` alone is no longer a key (it is ``(seq, stream_id)``): a row put in
    by hand at a taken place in another stream is named by verify, whatever else it breaks."""
    if engine_name == "sqlite":
        pytest.skip("SQLite keeps seq as its INTEGER PRIMARY KEY: a duplicate cannot be stored")
    filing, events = _one_filing()
    store.append_filing(filing, events)
    with store.writer.begin() as conn:
        seq = conn.exec_driver_sql("SELECT min(seq) FROM events").scalar_one()
        conn.exec_driver_sql(
            "INSERT INTO events (seq, stream_id, stream_version, event_type, schema_version, "
            "idempotency_key, person_key, person_name, issuer_key, position_key, filing_sha256, "
            "quantity, shares_owned_following, transaction_date, effective_date, filed_date, "
            "row_order, form_type, period_of_report, is_amendment, original_filed_date, payload, "
            "event_hash, chain_hash, recorded_at, hash_version) "
            "SELECT seq, 'x@ELSEWHERE', 1, event_type, schema_version, idempotency_key, "
            "person_key, person_name, issuer_key, position_key, filing_sha256, quantity, "
            "shares_owned_following, transaction_date, effective_date, filed_date, row_order, "
            "form_type, period_of_report, is_amendment, original_filed_date, payload, "
            "event_hash, event_hash, recorded_at, hash_version FROM events WHERE seq = %(s)s",
            {"s": seq},
        )
    report = verify(store)
    dupes = [p for p in report.problems if p.kind == "duplicate place"]
    assert [(p.where, p.message) for p in dupes] == [
        (f"event #{seq}", "2 events share one place in the log order")
    ], report.problems


def test_a_second_filing_at_one_place_of_the_append_order_is_caught_by_verify(
    store: EventStore,
) -> None:
    """``filing_seq`` is no longer a unique key (a sharded ``filings`` could not hold it); a
    row put in at a place already taken breaks the filings chain."""
    ingest_paths(store, [XML], workers=1)
    with store.writer.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO filings (sha256, path, format, form_type, accession_number, issuer_key, "
            "period_of_report, filed_date, accepted_at, date_of_original_submission, "
            "is_amendment, event_count, notes, recorded_at, filing_seq, hash_version, chain_hash) "
            "SELECT 'f' || substr(sha256, 2), path, format, form_type, NULL, issuer_key, "
            "period_of_report, filed_date, accepted_at, date_of_original_submission, "
            "is_amendment, 0, notes, recorded_at, filing_seq, hash_version, chain_hash "
            "FROM filings WHERE filing_seq = 2"
        )
    kinds = {p.kind for p in verify(store).problems}
    assert {"missing filing", "altered filing"} & kinds, kinds


# --- ledgers of older layouts -------------------------------------------------------------


def _check_migrated(store: EventStore, before: list[tuple[Any, ...]], version: int) -> None:
    assert store.migrated_from == version
    assert sorted(_rows(store)) == sorted(before), "the migration changed stored events"
    assert _breaks(store) == []
    report = verify(store)
    assert report.ok, report.problems
    again = ingest_paths(store, V5_INPUTS, workers=1)
    assert (again.appended_filings, again.conflicts) == (0, 0)
    assert sorted(_rows(store)) == sorted(before), "re-appending the same filings changed the log"
    with pytest.raises(DBAPIError), store.writer.begin() as conn:
        conn.exec_driver_sql("UPDATE events SET payload = '{}'")
    grown = ingest_paths(store, [NEW_FILING], workers=1)
    assert grown.appended_filings == 1
    top = max(r[0] for r in before)
    assert min(r[0] for r in _rows(store) if r[0] not in {b[0] for b in before}) == top + 1
    report = verify(store)
    assert report.ok, report.problems


def test_a_v5_sqlite_ledger_migrates(tmp_path: Path) -> None:
    db = tmp_path / "v5.db"
    shutil.copy(LEDGERS / "v5-mixed.db", db)
    with sqlite3.connect(db) as conn:
        before = [tuple(r) for r in conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events")]
        (links,) = conn.execute("SELECT count(*) FROM identity_links").fetchone()
        (replaced,) = conn.execute("SELECT count(*) FROM replaced_renderings").fetchone()
    assert len(before) == 53 and links == replaced == 1
    store = EventStore(f"sqlite:///{db}")
    try:
        _check_migrated(store, before, 5)
    finally:
        store.engine.dispose()
    verified = runner.invoke(app, ["verify", "--db", str(db)])
    assert verified.exit_code == 0, verified.stdout + verified.stderr
    with sqlite3.connect(db) as conn:
        version = conn.execute("SELECT value FROM ledger_meta WHERE key = 'schema_version'")
        assert int(version.fetchone()[0]) == SCHEMA_VERSION


def test_a_v1_sqlite_ledger_gets_the_same_keys(tmp_path: Path) -> None:
    db = tmp_path / "v1.db"
    shutil.copy(LEDGERS / "v1-seeds.db", db)
    store = EventStore(f"sqlite:///{db}")
    try:
        assert store.migrated_from == 1
        assert _breaks(store) == []
        assert _keys(store, "events")["unique index ux_events_idempotency"] == [
            "idempotency_key",
            "stream_id",
        ]
    finally:
        store.engine.dispose()


_V5_TABLES = (
    "events",
    "filings",
    "quarantine",
    "ledger_meta",
    "identity_links",
    "replaced_renderings",
)
_V5_GUARDED = ("events", "filings", "ledger_incidents", "identity_links", "replaced_renderings")
_SERIALS = {
    "events": "seq",
    "quarantine": "id",
    "ledger_incidents": "id",
    "identity_links": "seq",
}


def _v5_postgres(url: str) -> list[tuple[Any, ...]]:
    """A layout-5 ledger on PostgreSQL, as that release left it: its DDL, the v5 fixture's
    rows, its sequences where the rows left them, and its guards firing ALWAYS."""
    engine = create_engine("postgresql+psycopg://" + url.split("://", 1)[1])
    src = sqlite3.connect(LEDGERS / "v5-mixed.db")
    try:
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL TIME ZONE 'UTC'"))
            conn.execute(text((LEDGERS / "v5-postgres.sql").read_text()))
            for table in _V5_TABLES:
                cur = src.execute(f"SELECT * FROM {table}")
                names = [d[0] for d in cur.description]
                rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
                for r in rows:
                    if "is_amendment" in r:
                        r["is_amendment"] = bool(r["is_amendment"])
                marks = ", ".join(f":{n}" for n in names)
                if rows:
                    conn.execute(
                        text(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})"), rows
                    )
            for table, column in _SERIALS.items():
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                        f"coalesce((SELECT max({column}) FROM {table}), 0) + 1, false)"
                    )
                )
            conn.execute(text(_V5_FUNCTION))
            for table in _V5_GUARDED:
                for name, when in (
                    ("change", "BEFORE UPDATE OR DELETE ON {t} FOR EACH ROW"),
                    ("truncate", "BEFORE TRUNCATE ON {t} FOR EACH STATEMENT"),
                ):
                    conn.execute(
                        text(
                            f"CREATE TRIGGER {table}_no_{name} {when.format(t=table)} "
                            "EXECUTE FUNCTION holdings_refuse_change()"
                        )
                    )
                    conn.execute(
                        text(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_no_{name}")
                    )
            return [tuple(r) for r in conn.exec_driver_sql(f"SELECT {_EVENT_COLUMNS} FROM events")]
    finally:
        src.close()
        engine.dispose()


_V5_FUNCTION = """
CREATE OR REPLACE FUNCTION holdings_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% are append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END $$"""


def test_a_v5_postgresql_ledger_migrates(pg_schema_url: str) -> None:
    before = _v5_postgres(pg_schema_url)
    assert len(before) == 53
    store = EventStore(pg_schema_url)
    try:
        assert store.guards_reinstalled == []
        _check_migrated(store, before, 5)
        assert EventStore(pg_schema_url).migrated_from is None
    finally:
        store.engine.dispose()
