"""The positions table cannot fall behind for good: it keeps a checkpoint (the last log sequence
number applied, written with its rows), and every reader catches up past it, on both engines.

The crashes here are placed by hand where a random SIGKILL rarely lands (between the appends
and the catch-up, halfway through the catch-up's transaction); ``test_reliability`` kills real
processes at random."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

import projections.materialize as materialize
from holdings.cli import app
from holdings.ingest import ingest_paths
from holdings.verify import verify
from ledger.store import EventStore
from projections.materialize import (
    catch_up,
    current_positions,
    position_row,
    stored_positions,
)
from projections.projector import rebuild

XML = Path(__file__).resolve().parent / "fixtures" / "xml"
ICAHN = sorted(XML.glob("icahn-entity-*.xml"))
KRESS = sorted(XML.glob("0001045810-*.xml"))


class Crash(Exception):
    """Stands for SIGKILL: nothing after it runs, and the open transaction is lost."""


def _checkpoint(store: EventStore) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT seq FROM projection_checkpoints WHERE name = 'positions'")
            ).scalar()
            or 0
        )


def _top(store: EventStore) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT max(seq) FROM events")).scalar() or 0)


def _fresh(store: EventStore) -> dict[tuple[str, str], dict[str, object]]:
    from projections.entries import read_entries

    return {pid: position_row(p) for pid, p in rebuild(read_entries(store)).positions.items()}


def _reader_ok(url: str) -> None:
    reader = EventStore(url, read_only=True)
    try:
        report = verify(reader)
        assert report.ok, report.problems
        assert current_positions(reader) == _fresh(reader)
    finally:
        reader.engine.dispose()


def test_an_ingest_writes_the_checkpoint_with_the_rows(store: EventStore) -> None:
    ingest_paths(store, [XML], workers=1)
    assert _checkpoint(store) == _top(store) > 0
    assert stored_positions(store) == _fresh(store)


def test_a_crash_between_the_appends_and_the_catch_up_leaves_nothing_stale(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EventStore(db_url)
    ingest_paths(store, ICAHN[:2], workers=1)
    before = _checkpoint(store)

    def crash(_store: EventStore) -> None:
        raise Crash

    monkeypatch.setattr("holdings.ingest.catch_up", crash)
    with pytest.raises(Crash):
        ingest_paths(store, [*ICAHN[2:], *KRESS], workers=1)
    monkeypatch.undo()
    assert _checkpoint(store) == before < _top(store), "the table is behind, as after a kill"
    _reader_ok(db_url)  # a read-only reader catches up in memory and writes nothing
    assert _checkpoint(store) == before
    code = CliRunner().invoke(app, ["audit", "--db", db_url, "--no-late"]).exit_code
    assert code in (0, 1) and _checkpoint(store) == before
    # The next command that may write catches the table up, whatever it ingests.
    ingest_paths(store, ICAHN[:1], workers=1)
    assert _checkpoint(store) == _top(store)
    assert stored_positions(store) == _fresh(store)
    store.engine.dispose()


def test_a_crash_inside_the_catch_up_rolls_back_whole(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EventStore(db_url)
    ingest_paths(store, ICAHN[:2], workers=1)
    table, before = stored_positions(store), _checkpoint(store)
    real_write = materialize._write

    def write_then_crash(*args: object, **kwargs: object) -> None:
        real_write(*args, **kwargs)  # type: ignore[arg-type]
        raise Crash  # rows deleted and rewritten, checkpoint moved: none of it committed

    monkeypatch.setattr(materialize, "_write", write_then_crash)
    with pytest.raises(Crash):
        ingest_paths(store, [*ICAHN[2:], *KRESS], workers=1)
    monkeypatch.undo()
    assert stored_positions(store) == table and _checkpoint(store) == before
    _reader_ok(db_url)
    assert catch_up(store).checkpoint == _top(store)
    assert stored_positions(store) == _fresh(store)
    store.engine.dispose()


def test_a_late_filing_refolds_its_stream_whole(store: EventStore) -> None:
    """An amendment (or an older filing) arriving after later ones lands before rows already
    folded: its stream is refolded from the log, not appended to."""
    ingest_paths(store, [KRESS[0], KRESS[2]], workers=1)
    ingest_paths(store, [KRESS[1]], workers=1)
    assert stored_positions(store) == _fresh(store)
    assert verify(store).ok


def test_a_table_edited_by_hand_is_stale_and_rebuild_mends_it(db_url: str) -> None:
    store = EventStore(db_url)
    ingest_paths(store, [XML], workers=1)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE positions SET balance = '1'"))
    store.engine.dispose()
    runner = CliRunner()
    result = runner.invoke(app, ["verify", "--db", db_url, "-f", "json"])
    assert result.exit_code == 1 and '"stale projection"' in result.stdout
    result = runner.invoke(app, ["rebuild", "--db", db_url])
    assert result.exit_code == 0 and "rebuilt" in result.stdout
    assert runner.invoke(app, ["verify", "--db", db_url]).exit_code == 0


def test_a_table_without_a_checkpoint_is_refilled(store: EventStore) -> None:
    """Left by an older release: no checkpoint, so every stream is refolded."""
    ingest_paths(store, [XML], workers=1)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM projection_checkpoints"))
        conn.execute(text("DELETE FROM positions WHERE stream_id LIKE 'cik:%'"))
    assert current_positions(store) == _fresh(store)
    assert _checkpoint(store) == _top(store)
