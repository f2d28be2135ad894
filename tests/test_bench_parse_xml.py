"""The XML benchmark's output is what ``scripts/bench.py --report`` reads: one JSON object per
measure, in the shape of the benchmark contract. (No figure is judged here: speed is printed by
the benchmark, never asserted by a test.)"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import XML_DIR, need_shared

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import bench_parse  # noqa: E402

from parsers.xml import xml_document  # noqa: E402

KEYS = {"measure", "label", "value", "unit", "baseline", "goal"}


def test_json_lines_follow_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    need_shared()
    for name in ("0000320193-22-000061.txt", "0000789019-26-000158_form4.xml"):
        (tmp_path / name).write_bytes((XML_DIR / name).read_bytes())
    nowhere = str(tmp_path / "no-text")  # the text half (a git baseline) is not wanted here
    argv = ["--json", "--rounds", "1", "--runs", "1", "--seconds", "0.01"]
    argv += ["--text", nowhere, "--renderings", nowhere, "--xml", str(tmp_path)]
    assert bench_parse.main(argv) == 0
    records = {}
    for line in capsys.readouterr().out.splitlines():
        record = json.loads(line)
        assert set(record) == KEYS
        assert isinstance(record["value"], float) and record["value"] > 0
        records[record["measure"]] = record
    assert set(records) == {
        "parse.xml.filings_per_s",
        "parse.xml.ratio_vs_etree",
        "parse.xml.ratio_vs_etree_parse_bytes",
    }
    ratio = records["parse.xml.ratio_vs_etree"]
    assert (ratio["unit"], ratio["goal"]) == ("x", "<= 1.5")
    assert records["parse.xml.filings_per_s"]["unit"] == "filings/s"


def test_the_baseline_parses_the_document_inside_an_sgml_submission() -> None:
    """The ElementTree baseline is given the <ownershipDocument> a file holds: an SGML wrapper
    is not XML, and a bare XML file is given whole (less blanks before its declaration)."""
    need_shared()
    sgml = (XML_DIR / "0000320193-22-000061.txt").read_bytes()
    document = xml_document(sgml)
    assert b"<SEC-HEADER>" in sgml and b"<SEC-HEADER>" not in document
    assert document.lstrip().startswith((b"<?xml", b"<ownershipDocument"))
    assert document.rstrip().endswith(b"</ownershipDocument>")
    bare = (XML_DIR / "0000789019-26-000158_form4.xml").read_bytes()
    assert xml_document(bare) == bare.lstrip()


def test_xml_mutants_are_the_same_for_a_seed_and_changed(tmp_path: Path) -> None:
    """--check-same REF --check-xml compares REF and this checkout on these mutants: they must
    be reproducible from the seed, and each differ from the filing it was made from."""
    need_shared()
    first = bench_parse.xml_mutants(XML_DIR, 30, 5, tmp_path / "a")
    again = bench_parse.xml_mutants(XML_DIR, 30, 5, tmp_path / "b")
    other = bench_parse.xml_mutants(XML_DIR, 30, 6, tmp_path / "c")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]
    sources = {p.name: p.read_bytes() for p in XML_DIR.iterdir()}
    changed = [p for p in first if p.read_bytes() != sources[p.name.split("~")[-1]]]
    assert len(changed) >= 25  # a mutation can leave a file as it was, rarely
    assert sum("~syntax~" in p.name for p in first) == 10
