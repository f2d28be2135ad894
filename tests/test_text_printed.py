"""Boxes 1 and 2 run together in plain text, cut where the footnotes or remarks print the
issuer's name whole (parsers.text.header.split_by_issuer_name, parsers.text.printed): read where
a tail of the run stands there as written, empty otherwise."""

from __future__ import annotations

from pathlib import Path

from parsers import parse_file
from parsers.text.header import Header, split_by_issuer_name

AAR = Path(__file__).parent / "fixtures" / "renderings" / "real" / "0001127602-25-001055.txt"
BELOW = (
    "1. The price reported in Column 4 is a weighted average price. The reporting person "
    "undertakes to provide AAR CORP. any\nsecurity holder of AAR CORP. or the staff of the "
    "Securities Exchange Commission upon request."
)


def _run(text: str) -> Header:
    h = Header()
    h.run_together = text
    return h


def test_the_longest_tail_the_footnotes_print_whole_is_the_issuers_name() -> None:
    h = _run("Garascia Jessica A. AAR CORP")
    split_by_issuer_name(h, BELOW)
    assert (h.owner_name, h.issuer_name, h.run_together) == (
        "Garascia Jessica A.",
        "AAR CORP",
        None,
    )
    assert any("footnotes print" in n[2] for n in h.notes)


def test_a_tail_printed_otherwise_or_as_a_part_cuts_nothing() -> None:
    for below in (
        "",
        BELOW.lower(),  # as written: the case is the filer's
        "1. Shares held by AAR CORP Holdings LLC.",  # 'Holdings' runs on: a part of a name
        "1. Shares held by Western AAR CORP.",  # 'Western' runs on before it
        "1. Sold on the market CORP.",  # one word names nothing
    ):
        # (in capitals, with a middle name and no initial: two places to cut and no cue but the
        # text below, which is what is tried)
        h = _run("GARASCIA JESSICA LYNN AAR CORP")
        split_by_issuer_name(h, below)
        assert h.owner_name is None and h.issuer_name is None and h.run_together is not None


def test_the_owners_name_keeps_two_words_at_least() -> None:
    # 'Jessica A. AAR CORP' printed whole would leave one word for box 1's name: not cut there
    h = _run("Garascia Jessica A. AAR CORP")
    split_by_issuer_name(h, "1. Sold to Jessica A. AAR CORP. in May.")
    assert h.issuer_name == "AAR CORP"
    h = _run("Garascia AAR CORP")
    split_by_issuer_name(h, BELOW)
    assert h.owner_name is None and h.issuer_name is None


def test_plain_text_header_read_apart_by_the_footnotes() -> None:
    f = parse_file(AAR / "pdfplumber-text.txt")
    assert f.issuer.name == "AAR CORP" and f.issuer.ticker == "AIR"
    assert f.reporting_owners[0].name == "Garascia Jessica A."
    doubts = [n.message for n in f.notes if n.field == "issuer.name" and n.kind == "doubt"]
    assert any("footnotes print" in m for m in doubts)


def test_the_footnotes_may_write_the_issuers_legal_form_otherwise() -> None:
    """The weighted-average price's footnote names the issuer with its legal form whole and in
    its own case (``undertakes to provide Turtle Beach Corporation, any security holder of
    Turtle Beach Corporation``) where box 2 has ``Turtle Beach Corp``: the run's words before
    its legal form, printed capitalised before a legal form and after no capitalised word, are
    the issuer's name (a middle name may stand before them: two places to cut, no other cue)."""
    below = (
        "1. The price reported is a weighted average price. The reporting person undertakes to"
        " provide Turtle Beach Corporation, any security holder of Turtle Beach\nCorporation, or"
        " the staff of the Securities and Exchange Commission full information."
    )
    for run, owner in (
        ("Scarpelli Michael Turtle Beach Corp", "Scarpelli Michael"),
        ("SZE JULIA ANN TURTLE BEACH CORP", "SZE JULIA ANN"),
    ):
        h = _run(run)
        split_by_issuer_name(h, below)
        assert h.owner_name == owner, run
        assert any("with its legal form" in n[2] for n in h.notes)
    for run in (
        "Smith John Ann Beach Corp",  # 'Beach Corporation' is a part of 'Turtle Beach ...'
        "Smith John Ann Turtle Beach Holdings",  # the run ends in no legal form
    ):
        h = _run(run)
        split_by_issuer_name(h, below)
        assert h.owner_name is None and h.issuer_name is None, run
    h = _run("Scarpelli Michael Ann Turtle Beach Corp")
    split_by_issuer_name(h, below.lower())  # not capitalised: no name printed
    assert h.owner_name is None
