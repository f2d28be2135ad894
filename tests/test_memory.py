"""Memory bounded by a chunk, not by the log: each whole-ledger command, run on a ledger and on
one four times its size, peaks (Python allocations, tracemalloc) within 1.25x.

The commands are the CLI's own, run in this process with their output written to /dev/null
(so that JSON and CSV must stream to stay flat). The ledgers (``scripts/memory_ledger.py``)
grow in streams and in findings alike: a fifth of the filings late, a fifth only looking late,
a fifth with a broken balance, a fifth with a parser's note, so that every part of the audit
has four times the work. Each command is run once before it is measured (imports, compiled
queries and caches are paid then).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from ledger.store import EventStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from memory_ledger import fill  # noqa: E402

SMALL = 400
"""Filings (1,600 events): past the fixed chunks the commands read the log in."""
GROWTH = 1.25

COMMANDS = {
    "audit": ["audit", "--format", "json"],
    "snapshot": ["snapshot", "--as-of", "2040-01-01", "--format", "json"],
    "replay": ["replay", "--all", "--format", "json"],
    "verify": ["verify", "--format", "json"],
    "export": ["export", "--as-of", "2040-01-01", "--format", "json", "--out"],
}


def _run(args: list[str], url: str, tmp: Path) -> int:
    """The command's exit code, its output (stdout and stderr) thrown away."""
    from holdings.cli import app

    argv = [*args, str(tmp / "export")] if args[-1] == "--out" else list(args)
    with (
        open(os.devnull, "w") as null,
        contextlib.redirect_stdout(null),
        contextlib.redirect_stderr(null),
    ):
        try:
            app([*argv, "--db", url], standalone_mode=False)
        except SystemExit as exc:
            return int(exc.code or 0)
        except Exception as exc:  # typer.Exit under standalone_mode=False
            code = getattr(exc, "exit_code", None)
            if code is None:
                raise
            return int(code)
    return 0


def _ingest(filings: int, tmp: Path) -> int:
    """What ``holdings ingest`` does past parsing (bounded on its own: ``parse_all`` keeps a
    fixed number of chunks ahead), for synthetic filings: append in batches of 50, then bring
    the people table, the links and the positions up to the log's end."""
    from memory_ledger import memory_filings

    from holdings.ingest import BatchAppender, IngestSummary
    from ledger.classify import filing_events
    from ledger.store import prepare

    db = tmp / f"ingest{filings}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = EventStore(f"sqlite:///{db}")
    summary = IngestSummary()
    appender = BatchAppender(store, summary, 50)
    gc.collect()
    tracemalloc.start()
    try:
        for f in memory_filings(filings):
            appender.add(prepare(f, filing_events(f)))
        appender.finish()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        store.engine.dispose()
    assert summary.events_appended == 4 * filings
    return peak


def test_ingest_of_four_times_the_filings_needs_at_most_a_quarter_more_memory(
    tmp_path: Path,
) -> None:
    _ingest(SMALL // 4, tmp_path)  # warm
    low = _ingest(SMALL, tmp_path)
    high = _ingest(4 * SMALL, tmp_path)
    assert high <= GROWTH * low, f"ingest: {low / 1e6:.2f} MB -> {high / 1e6:.2f} MB"


def _peak(args: list[str], url: str, tmp: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        code = _run(args, url, tmp)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code in (0, 1), f"holdings {' '.join(args)} exited {code}"  # 1: findings
    return peak


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    from projections.materialize import catch_up
    from projections.people import refresh_people

    root = tmp_path_factory.mktemp("memory")
    urls = []
    for name, filings in (("small", SMALL), ("large", 4 * SMALL)):
        url = f"sqlite:///{root / name}.db"
        store = EventStore(url)
        fill(store, filings)
        refresh_people(store)  # caught up here, not in the first measured command
        catch_up(store)
        store.engine.dispose()
        urls.append(url)
    yield urls[0], urls[1]


def test_the_larger_ledger_has_four_times_the_findings(
    ledgers: tuple[str, str], tmp_path: Path
) -> None:
    import holdings

    small, large = (holdings.open(u) for u in ledgers)
    a, b = small.audit(), large.audit()
    for kind in ("discrepancies", "late_filings", "input_notes"):
        assert len(getattr(b, kind)) == 4 * len(getattr(a, kind)) > 30, kind
    assert a.checks * 4 == b.checks


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_ledger_four_times_larger_needs_at_most_a_quarter_more_memory(
    name: str, ledgers: tuple[str, str], tmp_path: Path
) -> None:
    small, large = ledgers
    args = COMMANDS[name]
    _run(args, small, tmp_path)  # warm: imports, compiled statements
    low = _peak(args, small, tmp_path)
    high = _peak(args, large, tmp_path)
    assert high <= GROWTH * low, f"{name}: {low / 1e6:.2f} MB -> {high / 1e6:.2f} MB"
