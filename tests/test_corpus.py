"""The synthetic corpus: same seed, same bytes; every file parses; and the ledger, run end to end
on it, finds exactly what ``truth.json`` says was put there."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from holdings.corpus import write_corpus
from holdings.ingest import ingest_paths
from ledger.store import EventStore
from parsers import parse_file
from projections.audit import Discrepancy, audit
from projections.entries import read_entries
from projections.snapshot import snapshot

ROOT = Path(__file__).resolve().parents[1]
HAVE_TEXT_PARSER = importlib.util.find_spec("parsers.text.read") is not None
needs_text_parser = pytest.mark.skipif(
    not HAVE_TEXT_PARSER, reason="parsers.text.read (the text renderings' parser) not there yet"
)
FAR = dt.date(9999, 12, 31)


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def _truth(root: Path) -> dict[str, Any]:
    return json.loads((root / "truth.json").read_text("utf-8"))


def _found(discrepancies: list[Discrepancy], root: Path) -> list[tuple[str, str, int, str, str]]:
    return sorted(
        (
            Path(d.filing_path).relative_to(root).as_posix(),
            d.table,
            d.row_index,
            str(d.expected),
            str(d.reported),
        )
        for d in discrepancies
    )


def _injected(truth: dict[str, Any]) -> list[tuple[str, str, int, str, str]]:
    return sorted(
        (d["file"], d["table"], d["row"], d["expected"], d["reported"])
        for d in truth["discrepancies"]
    )


def _balances(store: EventStore) -> dict[tuple[str, str, str], str]:
    return {
        (h.person_key, h.issuer_key, h.position_key): str(h.balance)
        for h in snapshot(store, FAR, include_expired=True)
    }


def _expected_balances(truth: dict[str, Any]) -> dict[tuple[str, str, str], str]:
    return {
        (p["person_key"], p["issuer_key"], q["position_key"]): q["balance"]
        for p in truth["persons"]
        for q in p["positions"]
    }


# --------------------------------------------------------------------------- determinism


def test_same_seed_writes_byte_identical_files(tmp_path: Path) -> None:
    args = {"people": 6, "filings": 90, "seed": 42, "discrepancies": 4, "text_share": 0.5}
    write_corpus(tmp_path / "a", dataset=True, **args)
    write_corpus(tmp_path / "b", dataset=True, **args)
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []
    assert any(k.endswith(".txt") for k in a) and any(k.endswith(".xml") for k in a)
    assert any(k.startswith("dataset/") for k in a)

    write_corpus(tmp_path / "c", dataset=True, **{**args, "seed": 43})
    assert _files(tmp_path / "c") != a


def test_script_writes_what_the_library_writes(tmp_path: Path) -> None:
    cmd = [
        sys.executable, str(ROOT / "scripts" / "make_corpus.py"), "--people", "3",
        "--filings", "20", "--seed", "5", "--out", str(tmp_path / "cli"), "--discrepancies", "2",
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    write_corpus(tmp_path / "lib", people=3, filings=20, seed=5, discrepancies=2)
    assert _files(tmp_path / "cli") == _files(tmp_path / "lib")
    again = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert again.returncode == 2 and "--force" in again.stderr


def test_truth_counts_and_shapes(tmp_path: Path) -> None:
    summary = write_corpus(
        tmp_path, people=10, filings=300, seed=9, discrepancies=7, text_share=0.2
    )
    truth = _truth(tmp_path)
    files = _files(tmp_path / "filings")
    assert len(files) == 300 == summary.xml_files + summary.text_files
    assert summary.text_files == sum(p["files"] for p in truth["persons"] if p["shape"] == "text")
    assert sum(p["shape"] == "text" for p in truth["persons"]) == 2
    assert len(truth["discrepancies"]) == 7
    assert truth["amendments"] and summary.amendments == len(truth["amendments"])
    for d in truth["discrepancies"]:
        assert d["expected"] != d["reported"]


# --------------------------------------------------------------------------- parsing


def test_every_xml_file_parses_cleanly(tmp_path: Path) -> None:
    write_corpus(tmp_path, people=8, filings=160, seed=3, discrepancies=3, text_share=0)
    codes: set[str] = set()
    for path in sorted((tmp_path / "filings").rglob("*.xml")):
        filing = parse_file(path)
        assert filing.notes == [], (path, filing.notes)
        assert filing.reporting_owners and filing.reporting_owners[0].cik
        codes.update(r.code or "" for r in (*filing.non_derivative, *filing.derivative))
    assert {"A", "M", "S", "F", "G"} <= codes


def _cells(line: str) -> list[str]:
    if line.startswith("|"):
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return line.split("\t")


def test_text_renderings_keep_the_seed_layout(tmp_path: Path) -> None:
    """Row for row the cell counts of seeds 000 (pipes) and 003 (tabs): 11 cells in Table I,
    16 in Table II, whatever the row holds."""
    write_corpus(tmp_path, people=4, filings=80, seed=2, text_share=1.0)
    shapes = set()
    for path in sorted((tmp_path / "filings").rglob("*.txt")):
        text = path.read_text("utf-8")
        shapes.add("markdown" if "| OMB Number: | 3235-0287 |" in text else "tabs")
        rows = [
            _cells(line)
            for line in text.splitlines()
            if line.lstrip("| ").startswith(("Common Stock", "Stock Option", "Restricted Stock"))
        ]
        assert rows, path
        for cells in rows:
            want = 11 if cells[0] == "Common Stock" else 16
            assert len(cells) == want, (path, cells)
        assert "Explanation of Responses:" in text and "/s/ " in text
    assert shapes == {"markdown", "tabs"}


@needs_text_parser
def test_every_text_rendering_parses_to_its_xml_twin(tmp_path: Path) -> None:
    """A text person's filings, rendered as XML instead, must parse to the same rows."""
    write_corpus(tmp_path / "t", people=5, filings=60, seed=8, text_share=1.0)
    write_corpus(tmp_path / "x", people=5, filings=60, seed=8, text_share=0.0)
    texts = sorted((tmp_path / "t" / "filings").rglob("*.txt"))
    assert texts
    for path in texts:
        twin = tmp_path / "x" / path.relative_to(tmp_path / "t").with_suffix(".xml")
        got, want = parse_file(path), parse_file(twin)
        assert got.source.format in ("markdown", "text"), path
        for table in ("non_derivative", "derivative"):
            rows_got, rows_want = getattr(got, table), getattr(want, table)
            assert len(rows_got) == len(rows_want), (path, table)
            for a, b in zip(rows_got, rows_want, strict=True):
                for name in ("kind", "code", "shares", "price", "shares_owned_following"):
                    assert getattr(a, name) == getattr(b, name), (path, table, name)
                for name in ("ownership", "transaction_date", "acquired_disposed"):
                    assert getattr(a, name) == getattr(b, name), (path, table, name)
        assert got.is_amendment == want.is_amendment, path
        assert got.period_of_report == want.period_of_report, path


# --------------------------------------------------------------------------- end to end


@pytest.mark.parametrize("k", [0, 6])
def test_audit_finds_exactly_the_injected_discrepancies(
    tmp_path: Path, store: EventStore, k: int
) -> None:
    root = tmp_path / "corpus"
    write_corpus(root, people=5, filings=60, seed=17, discrepancies=k, text_share=0)
    summary = ingest_paths(store, [root], workers=1, batch_size=25)
    assert summary.quarantined == 0, summary.errors
    assert summary.appended_filings == 60
    truth = _truth(root)
    report = audit(store, read_entries(store), late=False)
    assert _found(report.discrepancies, root) == _injected(truth)
    assert len(report.discrepancies) == k
    assert all(not d.legitimate for d in report.discrepancies)
    assert _balances(store) == _expected_balances(truth)


def test_audit_on_a_larger_corpus_with_amendments(tmp_path: Path, store: EventStore) -> None:
    """Superseded originals carry a wrong balance that only their 4/A corrects: the audit must
    read the amendment and stay quiet about them."""
    root = tmp_path / "corpus"
    write_corpus(root, people=12, filings=480, seed=4, discrepancies=12, text_share=0)
    truth = _truth(root)
    assert truth["amendments"]
    ingest_paths(store, [root], workers=1, batch_size=100)
    report = audit(store, read_entries(store), late=True)
    assert _found(report.discrepancies, root) == _injected(truth)
    assert report.late_filings == []
    assert _balances(store) == _expected_balances(truth)


@needs_text_parser
def test_audit_with_text_renderings(tmp_path: Path, store: EventStore) -> None:
    root = tmp_path / "corpus"
    write_corpus(root, people=5, filings=60, seed=21, discrepancies=5, text_share=0.4)
    summary = ingest_paths(store, [root], workers=1)
    assert summary.quarantined == 0, summary.errors
    truth = _truth(root)
    report = audit(store, read_entries(store), late=False)
    assert _found(report.discrepancies, root) == _injected(truth)
    assert _balances(store) == _expected_balances(truth)


def test_refuses_to_write_over_a_corpus(tmp_path: Path) -> None:
    write_corpus(tmp_path, people=2, filings=4, seed=1)
    (tmp_path / "keep.txt").write_text("not ours")
    with pytest.raises(FileExistsError):
        write_corpus(tmp_path, people=2, filings=4, seed=1)
    write_corpus(tmp_path, people=2, filings=6, seed=1, overwrite=True)
    assert (tmp_path / "keep.txt").read_text() == "not ours"
    assert len(list((tmp_path / "filings").rglob("*.xml"))) == 6


def test_rejects_impossible_requests(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_corpus(tmp_path / "a", people=5, filings=3, seed=1)
    with pytest.raises(ValueError, match="room for only"):
        write_corpus(tmp_path / "b", people=1, filings=3, seed=1, discrepancies=50)
