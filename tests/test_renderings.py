"""What real converters and OCR make of a printed Form 4, read back by the text parser (#12).

``fixtures/renderings`` holds text renderings made by ``scripts/render_corpus.py`` (the filing's
XML laid out as the form's HTML page, printed by headless Chromium, read back by each converter
or by a degraded scan through tesseract), each beside the ``truth.xml`` it was made from. They
are scored by ``holdings.render_score``, as ``scripts/score_renderings.py`` does. None of them
is a held-out filing (``scripts/renderings_heldout.txt``): those are only scored, outside the
tests.

The goal (issue #12): converter text >= 99.5% of fields exact, OCR >= 97% of the fields whose
characters it got right, and no wrong value among values the rendering shows correctly (a value
different from the filing's: empty with a note is fine, wrong is not). What a rendering shows is
judged by ``holdings.render_shown`` from the truth and the text alone; a value the converter or
OCR engine itself misread is counted apart (``misread``). ``BASELINE`` is the floor measured when
the set was made (docs/RENDERING_BASELINE.md); raise it as the parser improves.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from holdings.render_score import (
    Report,
    align,
    compare,
    find_renderings,
    read_names,
    score_all,
    wrong_kinds,
)
from parsers import Filing, Issuer, NonDerivativeRow, ReportingOwner, Source

FIXTURES = Path(__file__).parent / "fixtures" / "renderings"
HELD_OUT = Path(__file__).resolve().parents[1] / "scripts" / "renderings_heldout.txt"

GOAL_EXACT_PCT = {"ocr": 97.0}
GOAL_EXACT_PCT_DEFAULT = 99.5
GOAL_OF_SHOWN = {"ocr"}
"""Converters judged by exactness among the fields they show (OCR), not among all fields."""

# converter: (exact % at least, wrong values at most, phantom rows at most). The current floor,
# measured on this fixture set; lower the wrong and phantom counts and raise exactness as the
# parser gets better, never the other way.
# Measured 2026-12-01 (docs/RENDERING_BASELINE.md, "Regression set"); raised to the numbers
# measured at e958c6d (same doc, "After the first parser fixes"). Lowered once on purpose in
# exactness only: a Table II side the text does not show, and a Table I (A)/(D) letter the text
# lost, were taken from the code's usual direction (a guess, with a doubt); they are now left
# empty with the doubt, which took wrong values among shown fields from 48 to 37 (pdfplumber-text
# and pymupdf4llm-layout to 0) and cost the exactness of the guesses that happened to be right.
# OCR raised by branch render-ocr (window dates by the marker cell beside them, marker debris
# cells, small code letters), and pymupdf4llm-layout (a bold Table II title or a further owner
# box cut into cells).
# Raised for plain wrapped lines cut between text cells (parsers/text/wraps.py), and for boxes
# 1 and 2 run together read apart by box 1's c/o line (parsers/text/header.py); markitdown for
# continuation rows of cells holding a name's ungrouped year, a rule under captions, and plain
# lines after continuation rows of cells cut once those rows are placed, and values pushed under
# markdown's rule merged into their row; plain lines after a row of cells under a plain row; a
# holding's lone number in a shifted cell read as its balance; a Form 3's box 2 date between
# run-together names read as the period.
# markitdown lowered once on purpose in exactness: a table printed column by column whose
# columns do not line up is left out with a doubt (parsers/text/transposed.py), no longer read
# line by line, where its cells made phantom rows (7 -> 0) and wrong titles (wrong 5 -> 3, the
# 3 left misread by the converter); the right values that reading happened to hit are lost.
# pdfplumber-text raised for boxes 1 and 2 run together read apart where box 1's c/o line writes
# the issuer's legal form whole (CORPORATION for CORP) or the run ends in a conformed name's
# state tag (INC / MA), and where a digit follows the owner's name as a signature writes it;
# and for wrapped plain lines cut where every title cell reads as the footnotes print it whole
# (form3.snow's phantom row gone), and run-together boxes cut where they print the issuer whole.
# pymupdf4llm-layout raised for a word its cell border cut (``Common Stoc|k``) read by the rest
# of the text, or left empty with a doubt (``See Foot|note``), and a space lost after the
# nature's ``By`` (``ByTrust``) put back with a doubt (parsers/text/word_breaks.py).
# Raised again for dumps whose V caption stands under a paragraph headed by Code, and for a
# row of cells read by a layout's positions only where no cell holds two columns' values
# (``532 D``) and no plain count sits in the price's cell with none in the balance's.
# OCR raised by branch ocr: a scan's table rule glued to a value read (``{60,000``,
# ``628,553)``, unsure where it may be a digit), a torn marker read as letters taken off a title
# (``Units\VO)``), and a lone amount after a scan's underlying title left empty (underlying
# amount or balance after: its place does not say); a one-digit price before a torn marker's
# symbol read unsure (``$7.6956“)``); a scan's owner name the text below writes a letter apart
# left empty with a doubt (parsers/text/scan_names.py); a marker the scan gave a letter (``(G3)``)
# taken for debris, and a margin line of speckles (``Sa |  ei ee``) leaving the title empty.
# A scan's Table II side read from the amount's distance to the row's code against the (A) and
# (D) captions' distance to ``Code`` (a scan's lines start at the margin), with a doubt.
# A lone amount right after a scan's underlying title read as the underlying amount.
# pymupdf4llm-layout raised for header boxes cut into pipe cells side by side put back together
# (``**ICAHN ENTERP**|...**RISES L.P. [ I**|...**EP ]**``), and box 1's label cut short; again
# for further owners' boxes cut the same way below the tables.
# pymupdf4llm-layout raised for Table I's last row on the line of Table II's bold title, each
# cell the row's value over the title's pieces (parted by parsers/text/read.py).
# pymupdf4llm-layout raised for a cut word read by the form's own words (legal forms, title words,
# ``See Foot|note``) where the text does not print it again.
# pymupdf4llm-layout raised (and its wrong lowered) for a date a border cut in its year
# (``12/09/202|4``, ``09/30/20|21``) joined.
# Re-measured when the scorer began to compare the form type (FORM 4 or 4/A) and box 4's date
# of the original (49 more fields a converter: 47 form types, 2 dates): every form type is read
# right, the two dates markitdown and pdfplumber-text leave empty move their percentages by a
# few hundredths. Floors are the measured figures cut to two decimals.
# markitdown raised for natures printed one under the other in one paragraph of a dump, each
# closing on its marker and opening on the same word: each a row's cell (tesla-form4); and for a
# Table I dump out of row order rebuilt by its values' kinds where one reading alone makes the
# balances chain (wf-form4_156694501621463); and for Table I's captions and cells printed above
# its title, with nothing below it, read as the table; and for a nature pushed under markdown's
# rule with the row's price (springloading__xml_2), and an amount or price such a pushed line
# cannot hold alone (no date or code) read as the row's once merged into a transaction.
# pymupdf4llm-layout raised (its wrong, all misread by the converter, 6 -> 3) for a Table II
# amount sided by the table's own caption row, a text field beside words that fit no column left
# empty, and Table I's wrapped words on Table II's title line; pdfplumber-text and
# pymupdf4llm-layout raised for box 4's date read below its caption or under its cut caption.
# OCR raised by branch ocrwraps: a one-digit price before a torn marker's bracket ('$0)') read.
# OCR, markitdown and pdfplumber-text raised by branch ocrshown: wrapped lines that may end the
# derivative's title or the underlying title cut where one cut alone keeps the form's wording of
# an option's kind ('(Right to Buy)') in the derivative's title (parsers/text/wraps.py); OCR
# again for a price before a marker torn to its bracket ('$2.36)') read where no footnote's
# number can end in the price's last digits (parsers/text/ocr.py), and for a line above a
# table's first row that closes a bracket it never opened ('Aor)') left out of its title.
# OCR, markitdown and pdfplumber-text lowered by branch wording: that cut vouches for the
# derivative's title alone; another cell is read only where every rival cut reads it alike but
# for the wording (the held-out set had one wrong underlying title under the whole cut).
# Raised (2026-12-04, session 14) when a cut the wrapped lines' widths leave alone, and the one
# cut giving the title the wording places, are read whole (Table II underlying titles).
# pdfplumber-text raised (session 15) when a title's end rules cuts out: no title runs on past a
# noun (``Common Shares Stock``), its par value or an option's wording.
# markitdown and pdfplumber-text raised (session 16) when boxes 1 and 2 run together are read
# apart where the ticker is spelt from one word of the run (``TRAVERS DAVID ZIPRECRUITER, INC.
# [ ZIP ]``).
# markitdown, OCR and pdfplumber-text raised (session 17) when the way titles end cuts more
# wrapped lines (no title goes on from its noun to an owner's word, a date or a word no title
# holds there) and boxes 1 and 2 are read apart by a legal form, a middle initial or a change
# of case (parsers/text/header.py). OCR raised (session 18) when a nature's legal form became
# one phrase (``By Limited Liability`` / ``Company``: its margin lines now cut).
# markitdown raised in session 22: box 4's date of the original in a row of cells below its
# plain caption (two amendments of the set).
BASELINE: dict[str, tuple[float, int, int]] = {
    "markitdown": (92.42, 0, 0),
    "ocr": (60.99, 13, 0),
    "pdfplumber-tables": (100.00, 0, 0),
    "pdfplumber-text": (98.92, 0, 0),
    "pdftotext-layout": (99.95, 1, 0),
    "pymupdf4llm": (99.90, 0, 0),
    "pymupdf4llm-layout": (98.69, 3, 0),
}
# converter: (exact % of shown fields at least, wrong values among shown fields at most),
# measured with the shown rule's first version (docs/RENDERING_BASELINE.md, "Shown values").
# markitdown and pymupdf4llm-layout raised when the rule stopped counting a Table II side as
# shown under (A) and (D) captions a converter merged into one cell (the amount's cell says no
# side there).
# pdfplumber-text and markitdown re-measured when a Table II side under '(A) (D)' captions
# printed one space apart in plain text (no columns, no cells) stopped counting as shown.
# markitdown re-measured when a Table II side in a row printed as a run of words (no pipes, no
# column gaps) stopped counting as shown, whatever its captions.
# OCR raised by branch ocrwraps ('$0)' read, as above); OCR, markitdown and pdfplumber-text by
# branch ocrshown ('(Right to Buy)' kept in the derivative's title, '$2.36)', 'Aor)', as above);
# lowered by branch wording (the cut vouches for the derivative's title alone, as above).
# Raised with BASELINE in session 14 (the same readings), pdfplumber-text in session 15, and
# markitdown and pdfplumber-text in session 16, markitdown, OCR and pdfplumber-text in session
# 17 (the same readings), OCR in session 18 (a nature's legal form is one phrase: ``By Limited
# Liability`` / ``Company`` margin lines now cut; the same readings).
BASELINE_SHOWN: dict[str, tuple[float, int]] = {
    "markitdown": (99.09, 0),
    "ocr": (97.61, 0),
    "pdfplumber-tables": (100.00, 0),
    "pdfplumber-text": (99.90, 0),
    "pdftotext-layout": (100.00, 0),
    "pymupdf4llm": (99.90, 0),
    "pymupdf4llm-layout": (100.00, 0),
}


@pytest.fixture(scope="module")
def report() -> Report:
    return score_all(find_renderings([FIXTURES]))


def test_fixtures_hold_no_held_out_filing() -> None:
    held = read_names(HELD_OUT)
    assert len(held) >= 15
    present = {p.parent.name for p in FIXTURES.rglob("truth.xml")}
    assert present, "no rendering fixtures"
    assert not present & held


def test_every_converter_is_scored(report: Report) -> None:
    assert set(report.by_converter) == set(BASELINE)
    for name, tally in report.by_converter.items():
        assert tally.files >= 30, name
        assert tally.bugs == 0, f"{name}: the parser crashed on a rendering"


def test_no_worse_than_the_baseline(report: Report) -> None:
    worse = []
    for name, (exact_floor, wrong_max, phantom_max) in BASELINE.items():
        t = report.by_converter[name]
        if t.exact_pct < exact_floor or t.wrong > wrong_max or t.phantom_rows > phantom_max:
            worse.append(
                f"{name}: exact {t.exact_pct:.2f}% (floor {exact_floor}), wrong {t.wrong} "
                f"(at most {wrong_max}), phantom rows {t.phantom_rows} (at most {phantom_max})"
            )
    assert not worse, "\n".join(worse)


def test_no_worse_than_the_baseline_among_shown_values(report: Report) -> None:
    worse = []
    for name, (exact_floor, wrong_max) in BASELINE_SHOWN.items():
        t = report.by_converter[name]
        if t.shown_exact_pct < exact_floor or t.shown_wrong > wrong_max:
            worse.append(
                f"{name}: {t.shown_exact_pct:.2f}% of shown exact (floor {exact_floor}), "
                f"{t.shown_wrong} wrong among shown (at most {wrong_max})"
            )
    assert not worse, "\n".join(worse)


def test_wrong_values_are_either_shown_or_misread(report: Report) -> None:
    for name, t in report.by_converter.items():
        assert t.shown_wrong + t.misread == t.wrong, name
        assert t.shown_exact + t.shown_empty + t.shown_wrong - t.invented == t.shown, name
        assert t.shown <= t.fields, name


@pytest.mark.xfail(
    strict=True,
    reason="issue #12: no wrong value among shown ones and no phantom row in these 329 "
    "renderings now, but exactness is short of the goal: OCR 97.62% of shown fields, "
    "markitdown 92.43%, pdfplumber-text 98.93% (Table II sides its plain text does not show) "
    "and pymupdf4llm-layout 98.69% of all fields (docs/RENDERING_BASELINE.md); when this "
    "passes, drop the mark",
)
def test_goal_exact_or_empty_never_wrong(report: Report) -> None:
    problems = []
    for name, t in sorted(report.by_converter.items()):
        goal = GOAL_EXACT_PCT.get(name, GOAL_EXACT_PCT_DEFAULT)
        exact = t.shown_exact_pct if name in GOAL_OF_SHOWN else t.exact_pct
        if t.shown_wrong or t.phantom_rows or exact < goal:
            problems.append(
                f"{name}: {exact:.2f}% exact (goal {goal}%), {t.shown_wrong} wrong among shown "
                f"values, {t.phantom_rows} phantom rows"
            )
    shown_wrongs = [w for w in report.wrongs if w.shown]
    for kind, n, ex in wrong_kinds(shown_wrongs, 10):
        problems.append(f"  {n} x {kind}: {ex.file} {ex.field} {ex.truth!r} -> {ex.got!r}")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- the scorer itself


def _row(title: str, shares: str, following: str, code: str = "S") -> NonDerivativeRow:
    return NonDerivativeRow(
        kind="transaction",
        security_title=title,
        transaction_date=dt.date(2024, 5, 1),
        code=code,
        shares=Decimal(shares),
        acquired_disposed="D",
        shares_owned_following=Decimal(following),
        ownership="D",
    )


def _filing(rows: list[NonDerivativeRow], owner: str = "POSEY BRUCE K") -> Filing:
    return Filing(
        form_type="4",
        source=Source(path="x", sha256="0" * 64, format="text"),
        issuer=Issuer(name="QUALYS, INC.", ticker="QLYS"),
        reporting_owners=[ReportingOwner(name=owner)],
        period_of_report=dt.date(2024, 5, 1),
        non_derivative=rows,
    )


def test_a_missing_row_costs_that_row_only() -> None:
    a, b, c = (
        _row("Common Stock", "10", "90"),
        _row("Common Stock", "20", "70"),
        _row("Common Stock", "30", "40"),
    )
    assert align([a, b, c], [a, c]) == [(0, 0), (1, None), (2, 1)]
    score = compare(_filing([a, b, c]), _filing([a, c]), "f", "conv", "")
    t = score.tally
    assert (t.wrong, t.missed_rows, t.phantom_rows) == (0, 1, 0)
    assert t.empty == 7  # b's seven filled fields
    assert t.exact == t.fields - 7


def test_a_holding_read_without_its_titles_pairs_by_what_it_read() -> None:
    """A Form 3's Table II holding whose titles the reader left empty with a doubt reads no
    date, code or amount: it pairs with its filed row by its underlying amount and nature (it
    had been counted a phantom row, and its filed row missed)."""
    from parsers import DerivativeRow

    filed = DerivativeRow(
        kind="holding",
        security_title="Warrant to Purchase Common Shares",
        underlying_title="Class A Common Stock",
        underlying_shares=Decimal("134018.0"),
        ownership="I",
        nature_of_ownership="Limited Partnership",
    )
    other = filed.model_copy(
        update={"security_title": "Stock Option", "underlying_shares": Decimal("95898")}
    )
    read = filed.model_copy(update={"security_title": None, "underlying_title": None})
    assert align([other, filed], [read]) == [(0, None), (1, 0)]


def test_a_phantom_row_and_a_wrong_value_are_counted() -> None:
    a, b = _row("Common Stock", "10", "90"), _row("Common Stock", "20", "70")
    junk = _row("Remarks", "5", "5", code="J")
    b_bad = _row("Common  stock", "20", "700")  # same title but for space and case
    score = compare(_filing([a, b]), _filing([a, junk, b_bad], "posey bruce k"), "f", "c", "")
    t = score.tally
    assert t.phantom_rows == 1
    assert [(w.field, w.truth, w.got) for w in score.wrongs if "phantom" not in w.field] == [
        ("table1.shares_owned_following", "70", "700")
    ]
    assert t.wrong == 1  # phantom rows are counted apart from wrong values


def test_decimal_values_compare_by_value() -> None:
    a = _row("Common Stock", "1000", "90")
    b = _row("Common Stock", "1000.00", "90.0")
    assert compare(_filing([a]), _filing([b]), "f", "c", "").tally.wrong == 0


def test_a_lost_owner_costs_that_owner_only() -> None:
    from holdings.render_score import pair_names

    truth = ["SOFTBANK GROUP CORP.", "SB Global Advisers Ltd", "SVF II Holdings (DE) LLC", "X Y"]
    got = ["SOFTBANK GROUP CORP.", "SVF II Holdings (DE) LLC", "X Z", "Extra Name"]
    assert pair_names(truth, got) == [(0, 0), (1, None), (2, 1), (3, 2), (None, 3)]
    f = _filing([_row("Common Stock", "10", "90")])
    many = f.model_copy(update={"reporting_owners": [ReportingOwner(name=n) for n in truth]})
    fewer = f.model_copy(update={"reporting_owners": [ReportingOwner(name=n) for n in got[:2]]})
    t = compare(many, fewer, "f", "c", "").tally
    assert t.wrong == 0  # two names lost (empty), none shifted onto another's place


def test_a_held_out_score_gives_numbers_never_a_file_value_or_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Held-out filings are only ever scored: no output mode may show what their text holds."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import score_renderings

    held = tmp_path / "held.txt"
    held.write_text("draftking_multi_disposal.xml\nform4.snow.xml\n")
    for mode in ([], ["--markdown"], ["--json"]):
        code = score_renderings.main([str(FIXTURES), "--held-out", str(held), *mode])
        out = capsys.readouterr().out
        assert code == 1  # these two hold wrong values, which OCR misread
        assert "ocr" in out and "draftking" not in out and "snow" not in out
        assert "truth" not in out and "source_line" not in out and "| Common" not in out
        assert ("empty_of_shown_by_field" if mode == ["--json"] else "left empty, by field") in out


# Box 5 (the relationship ticks and the title written under them), scored in a table of its
# own (holdings.render_shown rule 7). Measured in session 21 when box 5 was first scored:
# main read 168 of its shown fields wrong (a box 3 caption on the labels' line hid "X
# Officer", a label not shown read "unticked", box 1's address and a scan's specks read as the
# title); now none. Plain text's title read where box 3's one date says where box 1's words
# end (pdfplumber-text 244 -> 276, markitdown 246 -> 267); box 5 read under a caption a border
# tore to "5. Relationship" (pymupdf4llm-layout 211 -> 237). Session 23: the title among the
# labels markitdown draws block by block, and a scan's title read from its lines (markitdown
# 267 -> 272, OCR 228 -> 233), pymupdf4llm-layout's bold run below a label (237 -> 243).
# Floors: the measured exact counts.
BOX5_EXACT_FLOOR: dict[str, int] = {
    "markitdown": 272,
    "ocr": 233,
    "pdfplumber-tables": 276,
    "pdfplumber-text": 276,
    "pdftotext-layout": 276,
    "pymupdf4llm": 268,
    "pymupdf4llm-layout": 243,
}


def test_box_5_exact_or_empty_never_wrong_among_shown(report: Report) -> None:
    shown_wrong = [w for w in report.box5_wrongs if w.shown]
    assert not shown_wrong, [(w.converter, w.file, w.field, w.truth, w.got) for w in shown_wrong]
    assert set(report.box5_by_converter) == set(BOX5_EXACT_FLOOR)
    for conv, floor in BOX5_EXACT_FLOOR.items():
        t = report.box5_by_converter[conv]
        assert t.exact >= floor, (conv, t.exact, floor)
        assert t.fields == report.box5_by_converter["pdftotext-layout"].fields  # same truth


def test_box_5_scoring_counts_a_wrong_tick_and_an_unknown_one() -> None:
    owner = ReportingOwner(
        name="Musk Elon",
        is_director=True,
        is_officer=True,
        is_ten_percent_owner=False,
        is_other=False,
        officer_title="CEO",
    )
    text = (
        "1. Name and Address of Reporting Person*\nMusk Elon\n5. Relationship of Reporting "
        "Person(s) to Issuer\nX Director 10% Owner\nX Officer (give title below) Other (specify"
        " below)\nCEO\nTable I - Non-Derivative Securities Acquired, Disposed of, or "
        "Beneficially Owned\n"
    )
    f = _filing([_row("Common Stock", "10", "90")])
    truth = f.model_copy(update={"reporting_owners": [owner]})
    got = f.model_copy(update={"reporting_owners": [owner.model_copy(update={
        "is_director": False, "is_other": None, "officer_title": None})]})  # fmt: skip
    s = compare(truth, got, "f", "c", text)
    assert (s.box5.fields, s.box5.exact, s.box5.empty, s.box5.wrong) == (5, 2, 2, 1)
    assert s.box5.shown == 5 and s.box5.shown_wrong == 1
    assert [w.field for w in s.box5_wrongs] == ["owner[0].is_director"]
    assert s.tally.wrong == 0  # the first table is untouched by box 5
    # a tick the text does not show (no X before Director) is the converter's misread
    s = compare(truth, got, "f", "c", text.replace("X Director", "Director"))
    assert s.box5.shown_wrong == 0 and s.box5.misread == 1


def test_shown_values_left_empty_are_listed_by_field() -> None:
    """The scorer lists the values a rendering shows and the parser left empty (what stands
    between it and exactness), a missed row's by the row, and counts them by field without the
    owner's index, as the held-out report prints them."""
    from holdings.render_score import empty_counts

    owner = ReportingOwner(name="Musk Elon", is_officer=True, officer_title="CEO")
    text = (
        "1. Name and Address of Reporting Person*\nMusk Elon\n5. Relationship of Reporting "
        "Person(s) to Issuer\nDirector 10% Owner\nX Officer (give title below) Other (specify"
        " below)\nCEO\n| Common Stock | 10 | 90 |\n| Common Stock | 20 | 70 |\n"
    )
    a, b = _row("Common Stock", "10", "90"), _row("Common Stock", "20", "70")
    truth = _filing([a, b]).model_copy(update={"reporting_owners": [owner]})
    lost = owner.model_copy(update={"officer_title": None})
    got = _filing([a]).model_copy(update={"reporting_owners": [lost]})
    s = compare(truth, got, "f", "c", text)
    fields = [w.field for w in s.empties]
    assert "owner[0].officer_title" in fields
    assert "table1[missed row].shares_owned_following" in fields
    assert all(w.got == "" for w in s.empties)
    assert s.tally.shown_empty + s.box5.shown_empty == len(s.empties)
    counts = dict(empty_counts(s.empties))
    assert counts["owner officer_title"] == 1
    assert counts["table1 (missed row) shares_owned_following"] == 1
    exact = compare(truth, truth, "f", "c", text)
    assert exact.empties == []
