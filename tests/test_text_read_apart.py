"""Boxes 1 and 2 run together and read apart by a rule (parsers/text/header.py _read_apart):
one cut makes both names, so each carries the doubt."""

from __future__ import annotations

from pathlib import Path

from parsers import parse_bytes

APPLE = (
    Path(__file__).parent
    / "fixtures"
    / "renderings"
    / "real"
    / "0000320193-22-000061.txt"
    / "pdfplumber-text.txt"
)


def _variant() -> bytes:
    """The fixture with box 2's issuer longer than the name the footnotes print and no
    signature naming the owner: the footnotes' 'Hospitality REIT Inc.' cuts a word too late."""
    lines = APPLE.read_text().splitlines()
    assert lines[8].startswith("Adams Katherine L. Apple Inc. [ AAPL ]")
    lines[8] = "Adams Katherine Apple Hospitality REIT Inc. [ APLE ] (Check all applicable)"
    lines[51] = lines[51].replace(
        "security holder of Apple.", "security holder of Hospitality REIT Inc. upon request."
    )
    assert lines[65].startswith("/s/ Sam Whittington")
    lines[65] = "/s/ Sam Whittington, Attorney-in-Fact 05/06/2022"
    return ("\n".join(lines) + "\n").encode()


def test_a_cut_read_from_the_text_below_doubts_the_owners_name_too() -> None:
    f = parse_bytes(_variant(), "variant.txt")
    # the cut this text gives is a word late: the owner's name is wrong, and must not look sure
    assert f.reporting_owners[0].name == "Adams Katherine Apple"
    doubted = {n.field for n in f.notes if n.kind == "doubt" and "read apart" in n.message}
    assert doubted == {"issuer.name", "reporting_owners[0].name"}
    assert any(n.on_balance for n in f.notes if n.field == "reporting_owners[0].name")


def test_a_cut_read_from_the_signature_doubts_both_names() -> None:
    f = parse_bytes(APPLE.read_bytes(), "apple.txt")
    assert f.reporting_owners[0].name == "Adams Katherine L."
    doubted = {n.field for n in f.notes if n.kind == "doubt" and "read apart" in n.message}
    assert doubted == {"issuer.name", "reporting_owners[0].name"}
