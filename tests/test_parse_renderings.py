"""The text parser on real converters' renderings (tests/fixtures/renderings): each kind of
damage fixed by the form's structure reads exact, or empty with a doubt note, never wrong."""

from __future__ import annotations

from pathlib import Path

from parsers import Filing, parse_file

RENDERINGS = Path(__file__).parent / "fixtures" / "renderings"
TELOS = RENDERINGS / "real" / "000032012123000040_form4.xml"


def _doubts(f: Filing, field: str) -> list[str]:
    return [n.message for n in f.notes if n.field == field and n.kind == "doubt"]


def test_boxes_1_and_2_run_together_leave_the_issuer_empty_with_a_doubt() -> None:
    # pdfplumber-text: "Schaufeld Fredrick TELOS CORP [ TLS ]" under both labels on one line.
    f = parse_file(TELOS / "pdfplumber-text.txt")
    assert f.issuer.name is None
    assert f.issuer.ticker == "TLS"
    assert any("Schaufeld Fredrick TELOS CORP" in m for m in _doubts(f, "issuer.name"))
    # markitdown kept the two boxes in cells of their own: nothing to doubt
    g = parse_file(TELOS / "markitdown.md")
    assert g.issuer.name == "TELOS CORP"
    assert not _doubts(g, "issuer.name")


def test_ocr_superscript_after_the_owner_label_is_not_part_of_the_name() -> None:
    # OCR reads "Reporting Person*" as "Reporting Person”" and the box rules as "i  i".
    f = parse_file(TELOS / "ocr.txt")
    assert f.reporting_owners[0].name == "Schaufeld Fredrick"
