"""``holdings verify`` finds what was changed behind the store's back, on both engines."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from holdings.ingest import ingest_paths
from holdings.verify import verify
from ledger.store import EventStore
from projections.materialize import refresh_positions

XML = Path(__file__).resolve().parent / "fixtures" / "xml"


def _loaded(url: str) -> EventStore:
    store = EventStore(url)
    summary = ingest_paths(store, [XML], workers=1)
    refresh_positions(store, summary.touched_streams)
    return store


def _drop_guards(store: EventStore) -> None:
    with store.engine.begin() as conn:
        if store.dialect == "sqlite":
            conn.execute(text("DROP TRIGGER events_no_update"))
            conn.execute(text("DROP TRIGGER events_no_delete"))
        else:
            conn.execute(text("DROP TRIGGER events_no_change ON events"))


def test_a_clean_ledger_verifies(db_url: str) -> None:
    store = _loaded(db_url)
    report = verify(store)
    assert report.ok, report.problems
    assert report.events == store.count_events() > 0
    assert len(report.head) == 64


def test_an_edit_with_the_guards_dropped_is_found(db_url: str) -> None:
    store = _loaded(db_url)
    head = verify(store).head
    _drop_guards(store)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE events SET payload = replace(payload, '\"S\"', '\"P\"')"))
        conn.execute(text("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)"))
    store.engine.dispose()
    reopened = EventStore(db_url)
    report = verify(reopened)
    kinds = {p.kind for p in report.problems}
    assert {"guard missing", "altered row", "missing events"} <= kinds
    assert report.head != head
    assert not report.ok


def test_a_version_gap_and_a_broken_chain_are_found(db_url: str) -> None:
    store = _loaded(db_url)
    _drop_guards(store)
    with store.engine.begin() as conn:
        sid = conn.execute(
            text("SELECT stream_id FROM events GROUP BY stream_id HAVING count(*) > 2 LIMIT 1")
        ).scalar()
        conn.execute(
            text("DELETE FROM events WHERE stream_id = :s AND stream_version = 2"), {"s": sid}
        )
    kinds = {p.kind for p in verify(EventStore(db_url)).problems}
    assert {"version gap", "broken chain", "stale projection"} <= kinds


def test_a_stale_projection_is_found_and_a_refresh_mends_it(db_url: str) -> None:
    store = _loaded(db_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE positions SET balance = '1'"))
    problems = verify(store).problems
    assert problems and {p.kind for p in problems} == {"stale projection"}
    refresh_positions(store)
    assert verify(store).ok


def test_the_command_exits_one_on_a_problem(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from holdings.cli import app

    url = f"sqlite:///{tmp_path / 'v.db'}"
    store = _loaded(url)
    runner = CliRunner()
    assert runner.invoke(app, ["verify", "--db", url]).exit_code == 0
    _drop_guards(store)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE events SET quantity = '1' WHERE seq = 1"))
    result = runner.invoke(app, ["verify", "--db", url, "--format", "json"])
    assert result.exit_code == 1
    assert '"altered row"' in result.stdout


def test_a_library_ingest_leaves_the_projection_current(tmp_path: Path) -> None:
    store = EventStore(f"sqlite:///{tmp_path / 'lib.db'}")
    ingest_paths(store, [XML], workers=1)
    report = verify(store)
    assert report.ok, report.problems
    assert report.positions > 0
