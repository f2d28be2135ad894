"""Bad bytes are the input's problem, never the batch's; a failing database is the run's.

NUL and other control characters, and over-long key values, are decided in the parser, the same
for every engine. A value a database refuses all the same quarantines that one filing. A
database that is full or locked past the timeout stops the run (exit 2), leaves no half-written
filing and quarantines nothing. A quarantined file that later goes in is marked resolved.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, XML_DIR, need_shared
from sqlalchemy import event, text
from typer.testing import CliRunner

from holdings.cli import app
from holdings.ingest import BatchAppender, IngestSummary, _parse_one, discover, ingest_paths
from holdings.verify import verify
from ledger.store import EventStore, StoreUnavailable
from parsers import ParseError, parse_bytes

XML = Path(__file__).resolve().parent / "fixtures" / "xml"
ICAHN = sorted(XML.glob("icahn-entity-*.xml"))
SEED = sorted(SEEDS.glob("*.txt"))[0]


def _with_nul(data: bytes, after: bytes | int, count: int = 1) -> bytes:
    """``data`` with NUL bytes (and a 0x01) put after ``after``: a text, or a position."""
    i = after if isinstance(after, int) else data.index(after) + len(after)
    return data[:i] + b"\x00" * count + b"\x01" + data[i:]


def _late(data: bytes) -> int:
    """A place in the last lines of a rendering, past the first 4,096 bytes."""
    place = data.rindex(b"\n", 0, len(data) - 80) + 1
    assert place > 4096
    return place


def test_control_characters_late_in_a_rendering_are_replaced_with_a_note() -> None:
    data = _with_nul(SEED.read_bytes(), b"fully vested")
    filing = parse_bytes(data, "nul.txt")
    (note,) = [n for n in filing.notes if "control character" in n.message]
    assert note.field and note.field.startswith("footnotes.") and "NUL" in note.message
    assert all("\x00" not in text and "\x01" not in text for text in filing.footnotes.values())


def test_nul_bytes_among_the_first_lines_make_a_binary_file() -> None:
    data = _with_nul(SEED.read_bytes(), b"Name and Address", 3)
    with pytest.raises(ParseError, match="binary"):
        parse_bytes(data, "early.txt")


def _long_value(tag: bytes, value: bytes) -> bytes:
    data = ICAHN[0].read_bytes()
    start = data.index(tag) + len(tag)
    end = data.index(b"<", start)
    return data[:start] + value + data[end:]


@pytest.mark.parametrize(
    ("tag", "what"),
    [(b"<issuerTradingSymbol>", "issuer ticker"), (b"<rptOwnerName>", "reporting owner name")],
)
def test_an_8000_character_key_value_is_refused_by_the_parser(tag: bytes, what: str) -> None:
    with pytest.raises(ParseError, match=f"{what} is 8,000 characters, over the limit"):
        parse_bytes(_long_value(tag, b"A" * 8000), "long.xml")


def _bad_folder(tmp_path: Path) -> tuple[Path, int, int]:
    """Real filings and renderings, good ones and ones with NUL bytes or an 8,000-character
    ticker; returns the folder and how many files should go in and be quarantined."""
    need_shared()
    folder = tmp_path / "in"
    shutil.copytree(XML_DIR, folder / "xml")
    shutil.copytree(SEEDS, folder / "seeds")
    bad = folder / "bad"
    bad.mkdir()
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        data = seed.read_bytes()
        (bad / f"late_nul_{i}.txt").write_bytes(_with_nul(data, _late(data), 2))
        (bad / f"early_nul_{i}.txt").write_bytes(_with_nul(data, 300, 3))
    (bad / "nul_in.xml").write_bytes(_long_value(b"<rptOwnerName>", b"Doe\x00John"))
    (bad / "long_ticker.xml").write_bytes(_long_value(b"<issuerTradingSymbol>", b"T" * 8000))
    (bad / "long_name.xml").write_bytes(_long_value(b"<rptOwnerName>", b"N" * 8000))
    good = quarantined = 0
    for path in discover([folder]):
        if _parse_one(str(path))[1] is None:
            quarantined += 1
        else:
            good += 1
    return folder, good, quarantined


def test_a_folder_with_bad_bytes_goes_in_with_every_good_filing(
    db_url: str, tmp_path: Path
) -> None:
    folder, good, bad = _bad_folder(tmp_path)
    assert bad >= 8 and good >= 60
    store = EventStore(db_url)
    summary = ingest_paths(store, [folder], workers=1, batch_size=25)
    assert summary.quarantined == bad, summary.errors
    assert summary.appended_filings + summary.already_present == good
    assert store.count_filings() == summary.appended_filings
    reasons = " ".join(q.reason for q in store.quarantined())
    assert "binary" in reasons and "over the limit" in reasons
    assert "\x00" not in reasons
    late = [p for p in (folder / "bad").glob("late_nul_*")]
    assert all(_parse_one(str(p))[1] is not None for p in late)
    report = verify(store)
    assert report.ok, report.problems
    store.engine.dispose()


def test_a_value_the_database_refuses_quarantines_that_filing_and_the_batch_goes_on(
    pg_schema_url: str,
) -> None:
    """A NUL that slipped past every parser (PostgreSQL refuses it in text): only its filing
    is kept aside; the others of its batch go in."""
    store = EventStore(pg_schema_url)
    prepared = [_parse_one(str(p))[1] for p in ICAHN]
    assert all(p is not None for p in prepared)
    bad = prepared[1]
    assert bad is not None
    bad.rows[0] = bad.rows[0]._replace(person_name="Icahn\x00Carl")
    summary = IngestSummary()
    appender = BatchAppender(store, summary, batch_size=10)
    for item in prepared:
        assert item is not None
        appender.add(item)
    appender.finish()
    assert summary.quarantined == 1 and summary.appended_filings == len(ICAHN) - 1
    (entry,) = store.quarantined()
    assert entry.path == bad.path and "refused a value" in entry.reason
    assert verify(store).ok
    store.engine.dispose()


def _capped(store: EventStore, extra_pages: int) -> None:
    """The SQLite file may grow by ``extra_pages`` pages more: a disk about to be full."""
    with store.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + extra_pages}")

    store.engine.dispose()


def test_a_full_disk_stops_the_run_quarantines_nothing_and_leaves_whole_filings(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'full.db'}"
    store = EventStore(url)
    ingest_paths(store, [ICAHN[0]], workers=1)
    _capped(store, 6)
    with pytest.raises(StoreUnavailable, match="full"):
        ingest_paths(store, [XML, SEEDS], workers=1, batch_size=3)
    store.engine.dispose()
    whole = EventStore(url)
    assert whole.quarantined() == []
    with whole.engine.connect() as conn:
        partial = conn.execute(
            text(
                "SELECT count(*) FROM filings f WHERE f.event_count <> "
                "(SELECT count(*) FROM events e WHERE e.filing_sha256 = f.sha256)"
            )
        ).scalar()
    assert partial == 0
    again = ingest_paths(whole, [XML, SEEDS], workers=1)
    assert again.quarantined == 0 and again.appended_filings > 0
    assert verify(whole).ok


def test_a_database_locked_past_the_timeout_exits_2_and_quarantines_nothing(
    tmp_path: Path,
) -> None:
    db = tmp_path / "locked.db"
    EventStore(f"sqlite:///{db}").engine.dispose()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "holdings.cli", "ingest", "--db", str(db), str(XML)],
            capture_output=True,
            text=True,
            timeout=120,
            env={**_env(), "HOLDINGS_BUSY_TIMEOUT": "0.3"},
        )
    finally:
        holder.rollback()
        holder.close()
    assert result.returncode == 2, result.stderr
    assert "locked" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    store = EventStore(f"sqlite:///{db}")
    assert store.quarantined() == [] and store.count_filings() == 0


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def test_a_quarantined_file_that_later_goes_in_is_resolved(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EventStore(db_url)
    monkeypatch.setenv("HOLDINGS_MAX_FILE_BYTES", "1000")
    first = ingest_paths(store, ICAHN[:2], workers=1)
    assert first.quarantined == 2
    monkeypatch.delenv("HOLDINGS_MAX_FILE_BYTES")
    ingest_paths(store, ICAHN[:1], workers=1)
    (still,) = store.quarantined()
    assert Path(still.path) == ICAHN[1]
    everything = store.quarantined(include_resolved=True)
    resolved = [q for q in everything if q.resolved_at is not None]
    assert [Path(q.path) for q in resolved] == [ICAHN[0]]
    runner = CliRunner()
    listed = runner.invoke(app, ["quarantine", "--db", db_url, "-f", "json"])
    assert listed.exit_code == 0 and ICAHN[0].name not in listed.stdout
    assert ICAHN[1].name in listed.stdout
    listed = runner.invoke(app, ["quarantine", "--db", db_url, "-f", "json", "--all"])
    assert ICAHN[0].name in listed.stdout and '"resolved_at": null' in listed.stdout
    store.engine.dispose()
