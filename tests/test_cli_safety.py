"""The command line as an operator meets it when things are not fine: CSV that is safe to open
in a spreadsheet, exit codes that tell the input's problems (1) from the environment's (2),
read commands that never write, and error lines that stay one line."""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from holdings.cli import app
from holdings.output import csv_cell

XML = Path(__file__).resolve().parent / "fixtures" / "xml"
ICAHN = sorted(XML.glob("icahn-entity-*.xml"))
runner = CliRunner()

HOSTILE_NAME = '=HYPERLINK("http://evil.example","click") Doe'


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _hostile(folder: Path) -> list[Path]:
    """Filings whose text cells start like formulas: owner name, security title, nature of
    ownership, footnote, and a file name."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, src in enumerate(ICAHN[:2]):
        data = src.read_text()
        data = data.replace("<rptOwnerName>ICAHN CARL C", f"<rptOwnerName>{HOSTILE_NAME}", 1)
        data = data.replace("<value>Depositary Units</value>", "<value>+SUM(A1:A9)</value>")
        data = data.replace(
            "<value>Please see footnotes</value>", "<value>@cmd|' /C calc'!A0</value>"
        )
        path = folder / f"-{i}-hostile.xml"
        path.write_text(data)
        out.append(path)
    return out


def _cells(text: str) -> Iterator[str]:
    for row in csv.reader(io.StringIO(text)):
        yield from row


def _assert_safe(text: str, label: str) -> None:
    for cell in _cells(text):
        if cell[:1] in ("=", "+", "@", "\t", "\r"):
            pytest.fail(f"{label}: formula cell {cell!r}")
        if cell.startswith("-"):
            float(cell)  # a number such as -1100 stays a number; anything else fails here


def test_csv_cell_neutralises_formulas_and_keeps_numbers() -> None:
    assert csv_cell(HOSTILE_NAME) == "'" + HOSTILE_NAME
    for text in ("+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "=1"):
        assert csv_cell(text) == "'" + text
    for number in ("-1100", "-1100.50", "+2.5", "1e5", "0"):
        assert csv_cell(number) == number
    assert csv_cell(-1100) == -1100 and csv_cell(None) == ""


def test_every_command_csv_is_safe_to_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    files = _hostile(Path("in"))
    Path("=bad.txt").write_text("FORM 8-K\nnot a form 4")
    db = "csv.db"
    kress = XML / "0001045810-23-000006_wf-form4_167486488448198.xml"  # a sale: -10741
    code, out, _ = run("ingest", "--db", db, "-f", "csv", "in", "=bad.txt", str(kress))
    assert code == 1  # the 8-K is quarantined
    outputs = {"ingest": out}
    for name, args in {
        "parse": ["parse", "-f", "csv", str(files[0])],
        "people": ["people", "--db", db, "-f", "csv"],
        "quarantine": ["quarantine", "--db", db, "-f", "csv"],
        "replay": ["replay", "Doe", "--db", db, "-f", "csv"],
        "replay-kress": ["replay", "Kress", "--db", db, "-f", "csv"],
        "audit": ["audit", "--db", db, "-f", "csv"],
        "snapshot": ["snapshot", "--as-of", "2030-01-01", "--db", db, "-f", "csv"],
        "verify": ["verify", "--db", db, "-f", "csv"],
    }.items():
        code, out, err = run(*args)
        assert code in (0, 1), (name, err)
        outputs[name] = out
    for name, out in outputs.items():
        _assert_safe(out, name)
    assert "'" + HOSTILE_NAME in set(_cells(outputs["people"]))
    assert any(c.startswith("'+SUM(A1:A9)") for c in _cells(outputs["replay"]))
    assert "'+SUM(A1:A9)" in set(_cells(outputs["parse"]))
    assert "'" + HOSTILE_NAME in set(_cells(outputs["snapshot"]))
    assert "'=bad.txt" in set(_cells(outputs["quarantine"]))
    quantities = [r["quantity"] for r in csv.DictReader(io.StringIO(outputs["replay-kress"]))]
    assert "-10741" in quantities, quantities


# --- exit codes ----------------------------------------------------------------------------


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    db = tmp_path / "ledger.db"
    assert run("ingest", "--db", str(db), str(ICAHN[0]))[0] == 0
    return db


READS = [
    ["audit"],
    ["verify"],
    ["people"],
    ["snapshot", "--as-of", "2030-01-01"],
    ["replay", "Icahn"],
    ["quarantine"],
]


def test_exit_0_fine_and_1_findings(ledger: Path, tmp_path: Path) -> None:
    for args in READS:
        code, _out, err = run(*args, "--db", str(ledger))
        assert code == 0, (args, err)
    bad = tmp_path / "bad.txt"
    bad.write_text("FORM 8-K")
    assert run("ingest", "--db", str(ledger), str(bad))[0] == 1
    assert run("parse", str(bad))[0] == 1


def test_exit_2_for_a_usage_error(ledger: Path) -> None:
    assert run("snapshot", "--db", str(ledger), "--as-of", "soon")[0] == 2
    assert run("audit", "--db", str(ledger), "--bogus")[0] == 2
    assert run("ingest", "--db", str(ledger), "no/such/folder")[0] == 2


def test_a_sqlite_file_that_is_not_a_ledger_is_refused_by_name(tmp_path: Path) -> None:
    other = tmp_path / "other-app.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    text_file = tmp_path / "notes.db"
    text_file.write_text("these are my notes, not a database\n" * 100)
    for db in (other, empty, text_file):
        before = db.read_bytes()
        for args in READS:
            code, _out, err = run(*args, "--db", str(db))
            assert code == 2, (db.name, args, err)
            assert "not a holdings ledger" in err and str(db) in err
            assert err.count("\n") == 1
        assert db.read_bytes() == before, f"a read command changed {db.name}"
    code, _out, err = run("ingest", "--db", str(other), str(ICAHN[0]))
    assert code == 2 and "not a holdings ledger" in err and "customers" in err
    code, _out, err = run("ingest", "--db", str(text_file), str(ICAHN[0]))
    assert code == 2 and "not a holdings ledger" in err
    with sqlite3.connect(other) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert names == {"customers"}


def test_a_database_that_cannot_be_opened_exits_2() -> None:
    code, _out, err = run("audit", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 2 and "cannot open" in err and err.count("\n") == 1


def _as_nobody(cmd: list[str]) -> list[str]:
    """Root writes through file modes: a read-only folder is tested as an ordinary user."""
    if os.geteuid() != 0:
        return cmd
    nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run([*nobody, sys.executable, "-c", "import holdings.cli"], check=False)
    if probe.returncode != 0:
        pytest.skip("cannot run this checkout as an unprivileged user here")
    return [*nobody, *cmd]


def test_read_commands_work_on_a_ledger_in_a_read_only_folder() -> None:
    """Read commands open SQLite read-only (``immutable=1`` where the folder cannot be written,
    since a WAL reader needs its shared-memory file); a write there exits 2."""
    base = Path(tempfile.mkdtemp(prefix="holdings-ro-"))
    try:
        base.chmod(0o755)
        folder = base / "ro"
        folder.mkdir(mode=0o755)
        db = folder / "ledger.db"
        assert run("ingest", "--db", str(db), str(ICAHN[0]))[0] == 0
        db.chmod(0o644)
        script = base / "reads.py"
        script.write_text(READ_SCRIPT)
        folder.chmod(0o555)
        cmd = _as_nobody([sys.executable, str(script), str(db), str(ICAHN[1])])
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == ["0", "0", "0", "0", "2"], result.stderr
        assert "readonly database" in result.stderr.splitlines()[-1], result.stderr
    finally:
        (base / "ro").chmod(0o755)
        shutil.rmtree(base)


READ_SCRIPT = """
import sys
from typer.testing import CliRunner
from holdings.cli import app
runner, db, more = CliRunner(), sys.argv[1], sys.argv[2]
codes = []
for args in (["audit"], ["verify"], ["people"], ["snapshot", "--as-of", "2030-01-01"]):
    result = runner.invoke(app, [*args, "--db", db])
    codes.append(result.exit_code)
    print(args[0], result.exit_code, result.stderr.strip(), file=sys.stderr)
result = runner.invoke(app, ["ingest", "--db", db, more])
codes.append(result.exit_code)
print("ingest", result.exit_code, result.stderr.strip(), file=sys.stderr)
print(" ".join(map(str, codes)))
"""


def test_error_lines_stay_one_line_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    long_name = tmp_path / ("a-very-long-folder-name-" * 8) / "missing.db"
    result = subprocess.run(
        [sys.executable, "-m", "holdings.cli", "audit", "--db", str(long_name)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and str(long_name) in result.stderr
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"\x00" * 10 + b"binary " * 40)
    result = subprocess.run(
        [sys.executable, "-m", "holdings.cli", "parse", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
