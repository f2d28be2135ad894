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
    # a ticker spelt from no word of the run: the footnotes' cut alone, a word late
    f = parse_bytes(_variant().replace(b"[ APLE ]", b"[ XYZ ]"), "variant.txt")
    # the cut this text gives is a word late: the owner's name is wrong, and must not look sure
    assert f.reporting_owners[0].name == "Adams Katherine Apple"
    doubted = {n.field for n in f.notes if n.kind == "doubt" and "read apart" in n.message}
    assert doubted == {"issuer.name", "reporting_owners[0].name"}
    assert any(n.on_balance for n in f.notes if n.field == "reporting_owners[0].name")


def test_the_footnotes_and_the_ticker_cutting_apart_leave_both_names_empty() -> None:
    # 'Hospitality REIT Inc.' printed below, APLE spelt from 'Apple ...': one of them is wrong
    f = parse_bytes(_variant(), "variant.txt")
    assert f.reporting_owners[0].name is None and f.issuer.name is None
    (note,) = [n for n in f.notes if n.field == "issuer.name" and "spells it" in n.message]
    assert (
        "'Hospitality REIT Inc.'" in note.message and "(APLE) spells it from 'Apple" in note.message
    )
    assert note.kind == "doubt"


def test_a_cut_read_from_the_signature_doubts_both_names() -> None:
    f = parse_bytes(APPLE.read_bytes(), "apple.txt")
    assert f.reporting_owners[0].name == "Adams Katherine L."
    doubted = {n.field for n in f.notes if n.kind == "doubt" and "read apart" in n.message}
    assert doubted == {"issuer.name", "reporting_owners[0].name"}


ZIP = (
    Path(__file__).parent
    / "fixtures"
    / "renderings"
    / "real"
    / "RSU_with_disposal.xml"
    / "pdfplumber-text.txt"
)


def test_a_cut_read_from_the_ticker_doubts_both_names() -> None:
    # 'TRAVERS DAVID ZIPRECRUITER, INC. [ ZIP ]' and a signature by an attorney-in-fact only
    f = parse_bytes(ZIP.read_bytes(), "zip.txt")
    assert f.reporting_owners[0].name == "TRAVERS DAVID"
    assert (f.issuer.name, f.issuer.ticker) == ("ZIPRECRUITER, INC.", "ZIP")
    doubts = {
        n.field: n.message for n in f.notes if n.kind == "doubt" and "read apart" in n.message
    }
    assert set(doubts) == {"issuer.name", "reporting_owners[0].name"}
    assert "its ticker (ZIP) spells it" in doubts["issuer.name"]


def _with_names(names: str) -> bytes:
    text = ZIP.read_text()
    assert "TRAVERS DAVID ZIPRECRUITER, INC. [ ZIP ]" in text
    return text.replace("TRAVERS DAVID ZIPRECRUITER, INC. [ ZIP ]", names).encode()


def test_the_ticker_cuts_past_a_middle_initial_and_middle_names() -> None:
    for names, owner, issuer in (
        ("McCabe Michael I ZIPRECRUITER, INC. [ ZIP ]", "McCabe Michael I", "ZIPRECRUITER, INC."),
        # 'Christoph' starts with the C of CVAC but holds no V: the one word spelling it is the
        # issuer's
        (
            "Ante Joachim Christoph CureVac N.V. [ CVAC ]",
            "Ante Joachim Christoph",
            "CureVac N.V.",
        ),
    ):
        f = parse_bytes(_with_names(names), "names.txt")
        assert (f.reporting_owners[0].name, f.issuer.name) == (owner, issuer), names


def test_a_ticker_that_spells_no_one_word_cuts_nothing() -> None:
    for names in (
        "TANG KEVIN C TCR2 THERAPEUTICS INC. [ TCRR ]",  # spelt across two words only
        "SB Global Advisers Ltd Apple Inc. [ AAPL ]",  # across words, from 'Advisers' on
        "Garascia Jessica A. AAR CORP [ AIR ]",  # spelt from no word
        "Iger Robert The Walt Disney Company [ DIS ]",  # 'The' is no part of a person's name
        "Brin Sergey Alphabet Inc. [ GOOG ]",
        "Smith Carol Acme Corp [ CAR ]",  # spelt across two words only
        "Travers ZipRecruiter, Inc. [ ZIP ]",  # one word left for box 1's name
        # remix seed 211: a name may open on numbers, so numbers before the cut say the cut
        # may be late (it read 'FLOWERS COM INC')
        "Jeremy M. Sclar 2012 Irrevocable Family Trust 1 800 FLOWERS COM INC [ FLWS ]",
    ):
        f = parse_bytes(_with_names(names), "names.txt")
        assert f.reporting_owners[0].name is None, names
        assert f.issuer.name is None, names
        assert any(n.field == "issuer.name" and "run together" in n.message for n in f.notes)


def test_a_signature_writes_a_legal_form_whole_where_box_1_has_it_short() -> None:
    """pdfplumber's plain text of remix seed 211 (scored before it was opened): ``SB Global
    Advisers Ltd Better Home & Finance Holding Co [ BETR ]`` signed ``SB Global Advisers
    Limited, By: ...``; the signature's words matched up to ``Advisers`` only, and the cut
    gave box 2 ``Ltd Better Home ...``. A legal form is the same word short and whole, and no
    issuer's name opens on one."""
    path = (
        Path(__file__).parent
        / "fixtures"
        / "text"
        / "remix"
        / "plain_owner_signed_limited_boxed_ltd.txt"
    )
    f = parse_bytes(path.read_bytes(), "remix.txt")
    assert f.reporting_owners[0].name == "SB Global Advisers Ltd"
    assert f.issuer.name == "Better Home & Finance Holding Co"
