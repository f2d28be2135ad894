"""Tampering as a hostile operator would try it, on both engines: every edit is caught by verify,
and a guard put back by a later open does not hide that it was gone."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from holdings.cli import app
from holdings.ingest import ingest_paths
from holdings.verify import verify
from ledger.schema import guard_names
from ledger.store import EventStore

XML = Path(__file__).resolve().parent / "fixtures" / "xml"
ICAHN = sorted(XML.glob("icahn-entity-*.xml"))


def _loaded(url: str, paths: list[Path] | None = None) -> EventStore:
    store = EventStore(url)
    ingest_paths(store, paths or [XML], workers=1)
    return store


def _kinds(url: str) -> set[str]:
    """What a read-only verify (what the command does) reports."""
    reader = EventStore(url, read_only=True)
    try:
        return {p.kind for p in verify(reader, payloads=False).problems}
    finally:
        reader.engine.dispose()


def _drop_guards(store: EventStore) -> None:
    with store.engine.begin() as conn:
        for name in sorted(guard_names(store.dialect)):
            table = name.rsplit("_no_", 1)[0]
            on = f" ON {table}" if store.dialect == "postgresql" else ""
            conn.execute(text(f"DROP TRIGGER {name}{on}"))


def _sql(store: EventStore, *statements: str) -> None:
    with store.engine.begin() as conn:
        for s in statements:
            conn.execute(text(s))


def test_a_clean_ledger_has_no_problem(db_url: str) -> None:
    _loaded(db_url).engine.dispose()
    assert _kinds(db_url) == set()


def test_a_dropped_guard_stays_reported_after_an_open_puts_it_back(db_url: str) -> None:
    store = _loaded(db_url)
    _drop_guards(store)
    _sql(store, "UPDATE events SET person_name = 'Someone Else' WHERE seq = 1")
    assert {"guard missing", "altered row"} <= _kinds(db_url)
    store.engine.dispose()
    writer = EventStore(db_url)  # an open that may write: the guards go back
    assert set(writer.guards_reinstalled) == guard_names(writer.dialect)
    with pytest.raises(DBAPIError, match="append-only"):
        _sql(writer, "UPDATE events SET person_name = 'x' WHERE seq = 2")
    writer.engine.dispose()
    assert {"guard missing", "altered row"} <= _kinds(db_url)
    assert {"guard missing"} <= _kinds(db_url), "the evidence must outlive later opens"


def test_a_guard_altered_to_do_nothing_is_caught(db_url: str) -> None:
    store = _loaded(db_url)
    if store.dialect == "sqlite":
        _sql(
            store,
            "DROP TRIGGER events_no_update",
            "CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT 1; END",
        )
    else:
        _sql(
            store,
            "CREATE OR REPLACE FUNCTION holdings_refuse_change() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
        )
    _sql(store, "UPDATE events SET quantity = '1' WHERE seq = 1")
    store.engine.dispose()
    assert {"guard altered", "altered row"} <= _kinds(db_url)
    EventStore(db_url).engine.dispose()  # put back, and recorded
    assert "guard altered" in _kinds(db_url)


def test_postgresql_a_disabled_trigger_is_reported_and_replica_mode_is_refused(
    pg_schema_url: str,
) -> None:
    store = _loaded(pg_schema_url)
    # Guards fire ALWAYS: replica mode (which silences ordinary triggers) changes nothing.
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text("UPDATE events SET recorded_at = recorded_at - interval '1 day'"))
    # Back to ordinary (origin) triggers, then replica: the edit of recorded_at goes through.
    _sql(store, "ALTER TABLE events ENABLE TRIGGER events_no_change")
    with store.engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(
            text("UPDATE events SET recorded_at = recorded_at - interval '1 day' WHERE seq = 1")
        )
    _sql(store, "ALTER TABLE filings DISABLE TRIGGER filings_no_change")
    _sql(store, "UPDATE filings SET path = 'elsewhere.xml' WHERE filing_seq = 1")
    store.engine.dispose()
    assert {"guard disabled", "altered row", "altered filing"} <= _kinds(pg_schema_url)
    writer = EventStore(pg_schema_url)
    assert {"events_no_change", "filings_no_change"} <= set(writer.guards_reinstalled)
    with writer.engine.connect() as conn:
        states = dict(
            conn.execute(
                text(
                    "SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid IN "
                    "('events'::regclass, 'filings'::regclass, 'ledger_incidents'::regclass)"
                )
            ).all()
        )
    assert set(states.values()) == {"A"}
    writer.engine.dispose()
    assert "guard disabled" in _kinds(pg_schema_url), "the evidence must outlive later opens"


def test_recorded_at_and_filings_columns_are_covered_by_the_hashes(db_url: str) -> None:
    store = _loaded(db_url)
    _drop_guards(store)
    _sql(
        store,
        "UPDATE events SET recorded_at = '2001-01-01 00:00:00' WHERE seq = 3",
        "UPDATE filings SET accession_number = '0000000000-00-000000' WHERE filing_seq = 2",
    )
    store.engine.dispose()
    reader = EventStore(db_url, read_only=True)
    problems = verify(reader, payloads=False).problems
    reader.engine.dispose()
    altered = [p for p in problems if p.kind == "altered row"]
    assert len(altered) == 1 and "#3 " in altered[0].where
    assert [p.kind for p in problems if p.kind == "altered filing"] == ["altered filing"]


def test_a_filings_row_put_in_by_hand_is_caught(db_url: str) -> None:
    """A real accession number, no events: without the check the real filing is then refused
    as already present."""
    store = _loaded(db_url, ICAHN[:2])
    cols = (
        "sha256, path, format, form_type, accession_number, issuer_key, is_amendment, "
        "event_count, notes, recorded_at"
    )
    _sql(
        store,
        f"INSERT INTO filings ({cols}) VALUES ('{'f' * 64}', 'real.xml', 'xml', '4', "
        "'0001045810-23-000006', 'NVDA', false, 0, 0, '2024-01-01 00:00:00')",
    )
    store.engine.dispose()
    assert "altered filing" in _kinds(db_url)


def test_a_chained_looking_row_put_in_by_hand_is_caught(db_url: str) -> None:
    store = _loaded(db_url, ICAHN[:2])
    cols = (
        "sha256, path, format, form_type, accession_number, issuer_key, is_amendment, "
        "event_count, notes, recorded_at, filing_seq, hash_version, chain_hash"
    )
    _sql(
        store,
        f"INSERT INTO filings ({cols}) VALUES ('{'e' * 64}', 'real.xml', 'xml', '4', "
        "'0001045810-23-000006', 'NVDA', false, 0, 0, '2024-01-01 00:00:00', 3, 2, "
        f"'{'0' * 64}')",
    )
    store.engine.dispose()
    assert "altered filing" in _kinds(db_url)


def test_a_deleted_filing_inside_the_log_is_caught(db_url: str) -> None:
    store = _loaded(db_url, ICAHN)
    _drop_guards(store)
    sha = "(SELECT sha256 FROM filings WHERE filing_seq = 2)"
    _sql(
        store,
        f"DELETE FROM events WHERE filing_sha256 = {sha}",
        f"DELETE FROM filings WHERE sha256 = {sha}",
    )
    store.engine.dispose()
    assert "missing filing" in _kinds(db_url)


def test_the_newest_filing_deleted_is_caught_against_a_saved_head(
    db_url: str, tmp_path: Path
) -> None:
    """A chain cannot show its own newest links gone: a head saved elsewhere can."""
    runner = CliRunner()
    store = _loaded(db_url, ICAHN[:3])
    head = tmp_path / "head.json"
    saved = runner.invoke(app, ["verify", "--db", db_url, "--save-head", str(head)])
    assert saved.exit_code == 0, saved.stdout + saved.stderr
    ingest_paths(store, [ICAHN[3]], workers=1)  # the log grows: that is no loss
    grown = runner.invoke(app, ["verify", "--db", db_url, "--expect", str(head)])
    assert grown.exit_code == 0, grown.stdout
    runner.invoke(app, ["verify", "--db", db_url, "--save-head", str(head)])
    _drop_guards(store)
    newest = "(SELECT sha256 FROM filings WHERE filing_seq = (SELECT max(filing_seq) FROM filings))"
    _sql(
        store,
        f"DELETE FROM events WHERE filing_sha256 = {newest}",
        f"DELETE FROM filings WHERE sha256 = {newest}",
    )
    EventStore(db_url).engine.dispose()  # guards back (recorded)
    store.engine.dispose()
    result = runner.invoke(app, ["verify", "--db", db_url, "--expect", str(head), "-f", "json"])
    assert result.exit_code == 1
    assert '"lost since saved head"' in result.stdout


def test_expect_refuses_a_file_that_is_not_a_saved_head(db_url: str, tmp_path: Path) -> None:
    _loaded(db_url, ICAHN[:1]).engine.dispose()
    bogus = tmp_path / "head.json"
    bogus.write_text("{}")
    result = CliRunner().invoke(app, ["verify", "--db", db_url, "--expect", str(bogus)])
    assert result.exit_code == 2 and "not a head file" in result.stderr
