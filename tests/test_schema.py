"""Ledgers outlive releases: a ledger written by an older release opens, migrates forward, reads
the same, and refuses loudly where it cannot.

``tests/fixtures/ledgers/v1-*.db`` were written by the first release (layout 1, event payloads
at version 1) from the seeds and the real XML, with relative paths, in the same run that wrote
``tests/golden/``; so every command on a migrated copy must print exactly the golden output.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS, XML_DIR, need_shared
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from holdings.cli import app
from ledger.events import SCHEMA_VERSION as EVENT_VERSION
from ledger.events import read_event, upcast
from ledger.schema import SCHEMA_VERSION, SchemaError
from ledger.store import EventStore

LEDGERS = FIXTURES / "ledgers"
GOLDEN = Path(__file__).resolve().parent / "golden"
runner = CliRunner()


def _v1_copy(tmp_path: Path, name: str = "v1-real.db") -> Path:
    path = tmp_path / "old.db"
    shutil.copy(LEDGERS / name, path)
    return path


def _meta_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(
            conn.execute("SELECT value FROM ledger_meta WHERE key='schema_version'").fetchone()[0]
        )


def test_a_v1_ledger_migrates_and_prints_what_its_release_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _v1_copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    first = runner.invoke(app, ["audit", "--db", str(db), "-f", "json"])
    assert "carried forward from layout 1" in first.stderr
    # Version 1 payloads kept no parse notes, so the OCR seed's two repairs and the four
    # ignored <script> elements, which a ledger written now lists, are not there to list;
    # everything else is as the release printed.
    now = json.loads((GOLDEN / "real-audit.json").read_text())
    causes = [n["cause"] for n in now.pop("input_notes")]
    assert sorted(causes) == ["doubted detail"] * 4 + ["repaired input"] * 2
    assert json.loads(first.stdout) == dict(now, input_notes=[])
    assert _meta_version(db) == SCHEMA_VERSION
    for golden, args in [
        ("real-snapshot.csv", ["snapshot", "--as-of", "2025-12-31", "-f", "csv"]),
        ("real-replay-Brin.json", ["replay", "Brin", "-f", "json"]),
        ("real-people.csv", ["people", "-f", "csv"]),
    ]:
        result = runner.invoke(app, [args[0], "--db", str(db), *args[1:]])
        assert "carried forward" not in result.stderr, "migrated twice"
        assert result.stdout == (GOLDEN / golden).read_text(), golden
    verified = runner.invoke(app, ["verify", "--db", str(db)])
    assert verified.exit_code == 0, verified.stdout + verified.stderr


def test_the_same_filings_again_are_already_present_after_the_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new release reads more (box 5) into each event; the stored version-1 events are still
    the same events, not idempotency conflicts."""
    need_shared()
    db = _v1_copy(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(XML_DIR, tmp_path / "xml")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["ingest", "--db", str(db), "-f", "json", "seeds", "xml"])
    (summary,) = json.loads(result.stdout)
    assert summary["appended_filings"] == 0 and summary["conflicts"] == 0, summary
    assert summary["already_present"] == summary["filings"] - summary["quarantined"]


def test_old_payloads_are_upcast_on_read_and_never_rewritten(tmp_path: Path) -> None:
    db = _v1_copy(tmp_path, "v1-seeds.db")
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT position, payload FROM events ORDER BY position").fetchall()
    store = EventStore(f"sqlite:///{db}")
    assert store.migrated_from == 1
    events = list(store.iter_events())
    store.engine.dispose()
    assert len(events) == len(before) == 17
    assert all(e.schema_version == EVENT_VERSION and e.relationship is None for _, e in events)
    with sqlite3.connect(db) as conn:
        after = conn.execute("SELECT seq, payload FROM events ORDER BY seq").fetchall()
    assert after == before, "a migration rewrote stored events"
    assert json.loads(after[0][1])["schema_version"] == 1


def test_upcast_walks_every_step_and_a_current_payload_reads_as_it_is(tmp_path: Path) -> None:
    db = _v1_copy(tmp_path, "v1-seeds.db")
    with sqlite3.connect(db) as conn:
        (payload,) = conn.execute("SELECT payload FROM events LIMIT 1").fetchone()
    old = json.loads(payload)
    assert old["schema_version"] == 1 and "relationship" not in old
    new = upcast(dict(old))
    assert new["schema_version"] == EVENT_VERSION and read_event(json.dumps(new)) == read_event(
        payload
    )
    current = read_event(payload).model_dump_json()
    assert read_event(current) == read_event(payload)


def test_a_ledger_from_a_newer_release_is_refused_in_one_line(tmp_path: Path) -> None:
    db = _v1_copy(tmp_path, "v1-seeds.db")
    EventStore(f"sqlite:///{db}").engine.dispose()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE ledger_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(SchemaError, match="newer release"):
        EventStore(f"sqlite:///{db}")
    result = runner.invoke(app, ["audit", "--db", str(db)])
    assert result.exit_code == 2
    assert "newer release" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_v1_ledger_on_postgresql_migrates(pg_schema_url: str) -> None:
    """The v1 layout rebuilt on PostgreSQL (as the first release created it) and filled with
    the v1 fixture's rows: the migration's DDL must work on this engine too."""
    engine = create_engine("postgresql+psycopg://" + pg_schema_url.split("://", 1)[1])
    src = sqlite3.connect(LEDGERS / "v1-seeds.db")
    with engine.begin() as conn:
        conn.execute(text(V1_POSTGRES_DDL))
        for table in ("events", "filings"):
            cur = src.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cur.description]
            rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
            for r in rows:
                for k in ("is_amendment",):
                    r[k] = bool(r[k])
            cols = ", ".join(names)
            marks = ", ".join(f":{n}" for n in names)
            conn.execute(text(f"INSERT INTO {table} ({cols}) VALUES ({marks})"), rows)
        conn.execute(text(V1_POSTGRES_GUARDS))
        for table in ("events", "filings"):
            conn.execute(
                text(
                    f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION holdings_refuse_change()"
                )
            )
            conn.execute(
                text(
                    f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION holdings_refuse_change()"
                )
            )
    engine.dispose()
    store = EventStore(pg_schema_url)
    try:
        assert store.migrated_from == 1
        assert len(list(store.iter_events())) == 17
        from holdings.verify import verify
        from projections.materialize import refresh_positions

        refresh_positions(store)
        report = verify(store)
        assert report.ok, report.problems
        assert EventStore(pg_schema_url).migrated_from is None
    finally:
        store.engine.dispose()


V1_POSTGRES_GUARDS = """
CREATE OR REPLACE FUNCTION holdings_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% are append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END $$"""

V1_POSTGRES_DDL = """
CREATE TABLE events (
    position BIGSERIAL PRIMARY KEY, stream_id VARCHAR NOT NULL, stream_version INTEGER NOT NULL,
    event_type VARCHAR NOT NULL, schema_version INTEGER NOT NULL,
    idempotency_key VARCHAR NOT NULL UNIQUE, person_key VARCHAR NOT NULL, person_name VARCHAR,
    issuer_key VARCHAR NOT NULL, position_key VARCHAR NOT NULL, filing_sha256 VARCHAR NOT NULL,
    quantity VARCHAR, shares_owned_following VARCHAR, transaction_date DATE,
    effective_date DATE NOT NULL, filed_date DATE, sort_filing VARCHAR NOT NULL,
    row_order INTEGER NOT NULL, form_type VARCHAR NOT NULL, period_of_report DATE,
    is_amendment BOOLEAN NOT NULL, original_filed_date DATE, payload TEXT NOT NULL,
    event_hash VARCHAR NOT NULL, chain_hash VARCHAR NOT NULL, recorded_at TIMESTAMP NOT NULL,
    CONSTRAINT uq_events_stream_version UNIQUE (stream_id, stream_version));
CREATE INDEX ix_events_replay_order
    ON events (stream_id, effective_date, filed_date, sort_filing, row_order);
CREATE INDEX ix_events_person ON events (person_key, effective_date);
CREATE INDEX ix_events_issuer ON events (issuer_key);
CREATE INDEX ix_events_filing ON events (filing_sha256);
CREATE TABLE filings (
    sha256 VARCHAR PRIMARY KEY, path VARCHAR NOT NULL, format VARCHAR NOT NULL,
    form_type VARCHAR NOT NULL, accession_number VARCHAR, issuer_key VARCHAR NOT NULL,
    period_of_report DATE, filed_date DATE, date_of_original_submission DATE,
    is_amendment BOOLEAN NOT NULL, event_count INTEGER NOT NULL, notes INTEGER NOT NULL,
    recorded_at TIMESTAMP NOT NULL);
CREATE TABLE quarantine (
    id BIGSERIAL PRIMARY KEY, sha256 VARCHAR NOT NULL UNIQUE, path VARCHAR NOT NULL,
    reason TEXT NOT NULL, line INTEGER, size INTEGER NOT NULL, content BYTEA,
    recorded_at TIMESTAMP NOT NULL);
CREATE TABLE positions (
    stream_id VARCHAR NOT NULL, position_key VARCHAR NOT NULL, person_key VARCHAR NOT NULL,
    issuer_key VARCHAR NOT NULL, balance VARCHAR, opening VARCHAR,
    opening_inferred BOOLEAN NOT NULL, events INTEGER NOT NULL, last_position INTEGER,
    PRIMARY KEY (stream_id, position_key));
"""
