"""What the commands print, pinned byte for byte: a refactor must not change a single figure.

The files under ``tests/golden/`` were written by the release before the layout move. A change
that alters output on purpose regenerates them (``HOLDINGS_REGOLD=1 pytest tests/test_golden.py``)
and says why in its commit message.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEEDS, XML_DIR, need_shared
from typer.testing import CliRunner

from holdings.cli import app

GOLDEN = Path(__file__).resolve().parent / "golden"
REGOLD = os.environ.get("HOLDINGS_REGOLD") == "1"
FORMATS = ("table", "json", "csv")

SEED_COMMANDS: list[tuple[str, list[str]]] = [
    ("seeds-ingest.txt", ["ingest", "seeds"]),
    ("seeds-people.txt", ["people", "-f", "table"]),
    *[(f"seeds-audit.{f}", ["audit", "-f", f]) for f in FORMATS],
    *[(f"seeds-snapshot.{f}", ["snapshot", "--as-of", "2025-02-15", "-f", f]) for f in FORMATS],
    (
        "seeds-snapshot-known.json",
        ["snapshot", "--as-of", "2025-02-15", "--known-at", "2025-02-17", "-f", "json"],
    ),
    *[
        (f"seeds-replay-{p}.{f}", ["replay", p, "-f", f])
        for p in ("Thakar", "Posey", "Courtot", "Kim", "Wilson")
        for f in FORMATS
    ],
]
REAL_COMMANDS: list[tuple[str, list[str]]] = [
    ("real-ingest.txt", ["ingest", "seeds", "xml"]),
    ("real-people.csv", ["people", "-f", "csv"]),
    *[(f"real-audit.{f}", ["audit", "-f", f]) for f in FORMATS],
    *[(f"real-snapshot.{f}", ["snapshot", "--as-of", "2025-12-31", "-f", f]) for f in FORMATS],
    *[(f"real-replay-{p}.json", ["replay", p, "-f", "json"]) for p in ("Brin", "Kress", "Icahn")],
]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """File paths are stored as given, so the inputs sit at the same relative place as when the
    golden files were written."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    yield tmp_path


def _check(commands: list[tuple[str, list[str]]], db: str) -> None:
    runner = CliRunner()
    mismatched = []
    for name, args in commands:
        result = runner.invoke(app, [*args[:1], "--db", db, *args[1:]])
        out = result.stdout
        path = GOLDEN / name
        if REGOLD:
            path.write_text(out)
            continue
        if out != path.read_text():
            mismatched.append(name)
    assert not mismatched, f"output differs from tests/golden/ for {mismatched}"


def test_seed_outputs_are_unchanged(workdir: Path) -> None:
    _check(SEED_COMMANDS, "seeds.db")


def test_real_filing_outputs_are_unchanged(workdir: Path) -> None:
    need_shared()
    shutil.copytree(XML_DIR, workdir / "xml")
    _check(REAL_COMMANDS, "real.db")
