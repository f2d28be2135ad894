"""The rule that tells whether a rendering shows a truth value (holdings.render_shown, #12).

Each test builds a small truth and the text a converter might have made of it, and checks
which fields count as shown: a value the text holds only elsewhere, glued to a digit, or that
the row needs more often than its lines hold it, is not shown.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from holdings.render_score import compare
from holdings.render_shown import shown_fields
from parsers import DerivativeRow, Filing, Issuer, NonDerivativeRow, ReportingOwner, Source

ALL = {
    "security_title",
    "transaction_date",
    "code",
    "shares",
    "acquired_disposed",
    "price",
    "shares_owned_following",
    "ownership",
}


def _row(
    title: str = "Common Stock",
    shares: str = "9136",
    price: str = "159.94",
    following: str = "468198",
    ownership: str = "D",
    nature: str | None = None,
    code: str = "S",
) -> NonDerivativeRow:
    return NonDerivativeRow(
        kind="transaction",
        security_title=title,
        transaction_date=dt.date(2022, 5, 4),
        code=code,
        shares=Decimal(shares),
        acquired_disposed="D",
        price=Decimal(price),
        shares_owned_following=Decimal(following),
        ownership=ownership,
        nature_of_ownership=nature,
    )


def _filing(*rows: NonDerivativeRow) -> Filing:
    return Filing(
        form_type="4",
        source=Source(path="x", sha256="0" * 64, format="text"),
        issuer=Issuer(name="Apple Inc.", ticker="AAPL"),
        reporting_owners=[ReportingOwner(name="Adams Katherine L.")],
        period_of_report=dt.date(2022, 5, 4),
        non_derivative=list(rows),
    )


HEAD = (
    "FORM 4\n"
    "1. Name and Address of Reporting Person*\n"
    "Adams Katherine L.      Apple Inc. [ AAPL ]\n"
    "3. Date of Earliest Transaction (Month/Day/Year) 05/04/2022\n"
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
    "1. Title of Security   2. Transaction Date   3. Code   4. Amount (A) or (D) Price\n"
)
NOTES = "Explanation of Responses:\n1. A weighted average price.\n"


def _text(*rows: str) -> str:
    return HEAD + "".join(r + "\n" for r in rows) + NOTES


def test_a_clean_layout_row_shows_every_field_and_the_header() -> None:
    s = shown_fields(
        _filing(_row()),
        _text("Common      05/04/2022   S(1)   9,136   D   $159.94(2)   468,198   D", "Stock"),
    )
    assert s.table1 == [ALL]
    assert s.header == {"form_type", "issuer.name", "issuer.ticker", "period_of_report"}
    assert s.owners == [True]


def test_junk_beside_a_value_shows_it_but_a_glued_digit_does_not() -> None:
    junk = _text("Common Stock 05/04/2022 S 9,136] D g159.94) 468198 D")
    assert shown_fields(_filing(_row()), junk).table1 == [ALL]
    glued = _text("Common Stock 05/04/2022 S F136. D $159.942 468,198 D")
    assert shown_fields(_filing(_row()), glued).table1[0] == ALL - {"shares", "price"}


def test_one_letter_where_the_row_prints_it_twice_shows_neither() -> None:
    # OCR kept one of the row's two D's: the text does not say which was lost
    s = shown_fields(_filing(_row()), _text("Common Stock 05/04/2022 S 9,136 $159.94 468,198 D"))
    assert s.table1[0] == ALL - {"acquired_disposed", "ownership"}


def test_a_value_held_only_by_another_row_or_the_footnotes_is_not_shown() -> None:
    a = _row(shares="900", following="457976")
    b = _row(shares="1550", price="163.94", following="456426")
    text = _text(
        "Common Stock 05/04/2022 S 900 D $159.94 457,976 D",
        "Common Stock 05/04/2022 S 155O D $163.94 456,426 D",
    ).replace("1. A weighted", "1. 1,550 shares at a weighted")
    s = shown_fields(_filing(a, b), text)
    assert s.table1[0] == ALL
    assert s.table1[1] == ALL - {"shares"}


def test_a_row_whose_numbers_the_text_lost_is_not_placed_and_shows_nothing() -> None:
    a, b = _row(), _row(shares="5316", price="160.82", following="462882")
    text = _text("Common Stock 05/04/2022 S 9,136 D $159.94 468,198 D", "Comnon Stok 0S/04/2O22 S")
    s = shown_fields(_filing(a, b), text)
    assert s.table1 == [ALL, set()]


def test_glued_or_split_words_are_not_shown_and_a_title_letter_is_no_code() -> None:
    row = _row(title="Class A Common Stock", ownership="I", nature="By LP", code="A")
    glued = _text("Class A Common Stock 05/04/2022 9,136 D $159.94 468,198 I ByLP")
    s = shown_fields(_filing(row), glued)
    assert "nature_of_ownership" not in s.table1[0]
    assert "code" not in s.table1[0]  # the only A is the title's
    assert "security_title" in s.table1[0]
    clean = _text("Class A Common Stock 05/04/2022 A 9,136 D $159.94 468,198 I By LP")
    assert shown_fields(_filing(row), clean).table1[0] == ALL | {"nature_of_ownership"}


def test_words_of_a_row_wrapped_over_lines_are_read_in_order() -> None:
    row = _row(title="Stock Option (Right to Buy)")
    first = "Stock      05/04/2022   S   9,136   D   $159.94   468,198   D"
    text = _text(first, "Option", "(Right to", "Buy)")
    assert "security_title" in shown_fields(_filing(row), text).table1[0]
    shuffled = _text("Option     05/04/2022   S   9,136   D   $159.94   468,198   D", "Stock Buy")
    assert "security_title" not in shown_fields(_filing(row), shuffled).table1[0]


def test_compare_tells_wrong_among_shown_from_a_converter_misread() -> None:
    truth = _filing(_row(), _row(shares="5316", price="160.82", following="462882"))
    text = _text(
        "Common Stock 05/04/2022 S 9,136 D $159.94 468,198 D",
        "Common Stock 05/04/2022 S 5,316 D $160.822 462,882 D",
    )
    got = _filing(
        _row(following="468199"),  # the text shows 468,198: wrong among shown
        _row(shares="5316", price="160.822", following="462882"),  # OCR glued a marker digit
    )
    t = compare(truth, got, "f", "ocr", text).tally
    assert (t.wrong, t.shown_wrong, t.misread) == (2, 1, 1)
    assert t.shown == t.fields - 1
    assert t.shown_exact == t.shown - 1


def test_the_first_owner_is_shown_only_by_the_header() -> None:
    # OCR read box 1's "SVF" as "SVE"; the same name written right in a footnote is no
    # showing of box 1
    text = (
        _text("Common Stock 05/04/2022 S 9,136 D $159.94 468,198 D").replace(
            "Adams Katherine L.", "Adarns Katherine L."
        )
        + "1. Shares held by Adams Katherine L. directly.\n"
    )
    assert shown_fields(_filing(_row()), text).owners == [False]


def test_a_table_2_amount_under_the_other_sides_caption_does_not_show_its_side() -> None:
    from parsers import DerivativeRow

    row = DerivativeRow(
        kind="transaction",
        security_title="Share Option",
        transaction_date=dt.date(2025, 12, 8),
        code="A",
        shares=Decimal(60000),
        acquired_disposed="D",
        exercise_price=Decimal("2.83"),
        shares_owned_following=Decimal(0),
        ownership="D",
    )
    truth = _filing()
    truth = truth.model_copy(update={"derivative": [row]})
    head = HEAD.replace("Table I - Non-Derivative", "Table II - Derivative")
    caps = "                             Code  V   (A)      (D)       Date\n"
    under_a = "Share   $2.83   12/08/2025    A        60,000             0    D\n"
    under_d = "Share   $2.83   12/08/2025    A                 60,000    0    D\n"
    assert "acquired_disposed" not in shown_fields(truth, head + caps + under_a + NOTES).table2[0]
    assert "acquired_disposed" in shown_fields(truth, head + caps + under_d + NOTES).table2[0]


def test_a_table_2_whose_a_and_d_captions_share_one_cell_shows_no_side() -> None:
    from parsers import DerivativeRow

    row = DerivativeRow(
        kind="transaction",
        security_title="Stock Option",
        transaction_date=dt.date(2016, 5, 26),
        code="M",
        shares=Decimal(3600),
        acquired_disposed="D",
        exercise_price=Decimal("119.69"),
        shares_owned_following=Decimal(11400),
        ownership="D",
    )
    truth = _filing().model_copy(update={"derivative": [row]})
    head = HEAD.replace("Table I - Non-Derivative", "Table II - Derivative")
    data = "|Stock<br>Option|$119.69|05/26/2016||M|3,600|(5)|Common<br>Stock|3,600|$0|11,400|D||\n"
    merged = "|||||Code<br>V|(A)<br>(D)|Date<br>Exercisable|Title|Amount|||||\n"
    apart = "|||||Code|V|(A)|(D)|Date<br>Exercisable|Title|Amount|||||\n"
    assert "acquired_disposed" not in shown_fields(truth, head + merged + data + NOTES).table2[0]
    assert "acquired_disposed" in shown_fields(truth, head + apart + data + NOTES).table2[0]
    assert "shares" in shown_fields(truth, head + merged + data + NOTES).table2[0]


def test_an_amendment_read_as_an_original_is_wrong_among_shown_and_a_refusal_reads_none() -> None:
    """The title box prints 'FORM 4/A' and box 4 the original's date: both are judged. A '4'
    elsewhere in the text shows no form type; a refused rendering read none (empty, not the
    truth's own type)."""
    truth = _filing(_row()).model_copy(
        update={"form_type": "4/A", "date_of_original_submission": dt.date(2022, 5, 1)}
    )
    text = "FORM 4/A\n4. If Amendment, Date of Original Filed 05/01/2022\n" + _text(
        "Common Stock 05/04/2022 S 9,136 D $159.94 468,198 D"
    )
    assert {"form_type", "date_of_original_submission"} <= shown_fields(truth, text).header
    as_original = _filing(_row())  # form 4, no original's date
    t = compare(truth, as_original, "f", "pdfplumber-text", text).tally
    assert (t.wrong, t.shown_wrong, t.empty) == (1, 1, 1)
    plain = _text("Common Stock 05/04/2022 S 9,136 D $159.94 468,198 D")
    assert "form_type" in shown_fields(_filing(_row()), plain).header
    assert "form_type" not in shown_fields(truth, plain).header  # 'FORM 4' is not 'FORM 4/A'
    assert "form_type" not in shown_fields(_filing(_row()), plain.replace("FORM 4", "")).header
    refused = compare(truth, None, "f", "ocr", text).tally
    assert refused.exact == 0 and refused.empty == refused.fields


def test_plain_text_whose_a_and_d_captions_run_together_shows_no_table_2_side() -> None:
    """pdfplumber's plain text prints '(A) (D)' one space apart and a row as a run of words:
    an amount stands under neither caption. Spaced captions keep their columns."""
    truth = _filing().model_copy(
        update={
            "derivative": [
                DerivativeRow(
                    kind="transaction",
                    security_title="Stock Option",
                    transaction_date=dt.date(2022, 5, 4),
                    code="M",
                    shares=Decimal(5000),
                    acquired_disposed="D",
                    shares_owned_following=Decimal(20000),
                    ownership="D",
                )
            ]
        }
    )
    head = _text().replace(NOTES, "")
    caption = "Table II - Derivative Securities Acquired, Disposed of\n"
    row = "Stock Option 05/04/2022 M 5,000 20,000 D\n"
    run = head + caption + "Code V (A) (D) Date Expiration\n" + row + NOTES
    assert "acquired_disposed" not in shown_fields(truth, run).table2[0]
    spaced = (
        head
        + caption
        + "Code V   (A)    (D)   Date\n"
        + "Stock Option 05/04/2022 M        5,000   20,000 D\n"
        + NOTES
    )
    assert "acquired_disposed" in shown_fields(truth, spaced).table2[0]


def test_a_table_2_row_printed_as_a_run_of_words_shows_no_side_under_any_captions() -> None:
    """markitdown prints the captions in a pipe table ('| Code V (A) | (D) Date |') and the row
    below as a run of words: the amount stands under neither caption, so its side is not
    shown. The same row with column gaps under the same captions shows it."""
    truth = _filing().model_copy(
        update={
            "derivative": [
                DerivativeRow(
                    kind="transaction",
                    security_title="Stock Option",
                    transaction_date=dt.date(2016, 3, 14),
                    code="M",
                    shares=Decimal(1400),
                    acquired_disposed="D",
                    shares_owned_following=Decimal(4100),
                    ownership="D",
                )
            ]
        }
    )
    head = _text().replace(NOTES, "")
    caption = "Table II - Derivative Securities Acquired, Disposed of\n"
    captions = "| | Code V (A) | (D) Date | Expiration |\n| --- | --- | --- | --- |\n"
    run = "Stock Option 03/14/2016 M(1) 1,400 (6) 03/03/2026 Common 1,400 $0 4,100 D\n"
    assert (
        "acquired_disposed"
        not in shown_fields(truth, head + caption + captions + run + NOTES).table2[0]
    )
    assert "shares" in shown_fields(truth, head + caption + captions + run + NOTES).table2[0]
    gaps = "Stock Option  03/14/2016  M(1)        1,400  (6)  03/03/2026  4,100  D\n"
    assert (
        "acquired_disposed"
        in shown_fields(truth, head + caption + captions + gaps + NOTES).table2[0]
    )


def test_a_name_is_shown_only_where_its_words_stand_together() -> None:
    # OCR read the issuer's ``INC.`` as ``ING.``; an ``INC.`` two lines below (the owner's
    # street, ``C/O ALPHABET INC.``) does not show the name
    text = _text("Common Stock 05/04/2022 S 9,136 D $159.94 468,198 D")
    truth = _filing(_row())
    name = truth.issuer.name
    assert name and "issuer.name" in shown_fields(truth, text).header
    words = name.split()
    lines = text.splitlines()
    at = next(i for i, ln in enumerate(lines) if name in ln)
    lines[at] = lines[at].replace(name, " ".join(words[:-1]) + " XXX")
    lines.insert(at + 2, "C/O SOMEWHERE " + words[-1])
    assert "issuer.name" not in shown_fields(truth, "\n".join(lines)).header
    lines[at + 2] = ""
    lines.insert(at + 1, words[-1])  # wrapped onto the next line: shown
    assert "issuer.name" in shown_fields(truth, "\n".join(lines)).header


def test_a_title_whose_comma_the_converter_lost_is_not_shown() -> None:
    row = _row(title="Class A Common Stock, $0.01 par value")
    kept = _text("Class A Common Stock, $0.01 par value 05/04/2022 S 9,136 D $159.94 468,198 D")
    assert "security_title" in shown_fields(_filing(row), kept).table1[0]
    lost = _text("Class A Common Stock $0.01 par value 05/04/2022 S 9,136 D $159.94 468,198 D")
    assert shown_fields(_filing(row), lost).table1[0] == ALL - {"security_title"}


def test_a_title_whose_space_beside_a_dash_the_converter_lost_is_not_shown() -> None:
    # pymupdf4llm-layout printed '(PSUs)- Relative TSR' (remix seeds 1137, 1171, 1183)
    row = _row(title="Share Units (PSUs) - Relative TSR")
    rest = " 05/04/2022 S 9,136 D $159.94 468,198 D"
    kept = _text("Share Units (PSUs) - Relative TSR" + rest)
    assert "security_title" in shown_fields(_filing(row), kept).table1[0]
    for lost in ("Share Units (PSUs)- Relative TSR", "Share Units (PSUs) -Relative TSR"):
        assert shown_fields(_filing(row), _text(lost + rest)).table1[0] == ALL - {"security_title"}
    # a hyphen elsewhere in the row's lines says nothing of the value's dash
    other = _text("Share Units (PSUs) - Relative TSR" + rest + " Non-Relative")
    assert "security_title" in shown_fields(_filing(row), other).table1[0]
    # a line break, a cell's border or bold markup where the value has its space: shown
    wrapped = _text("Share Units (PSUs)" + rest, "- Relative TSR")
    assert "security_title" in shown_fields(_filing(row), wrapped).table1[0]


def test_box_5_is_shown_where_its_labels_and_ticks_are_printed_in_the_owners_box() -> None:
    owner = ReportingOwner(
        name="Adams Katherine L.",
        is_director=False,
        is_officer=True,
        is_ten_percent_owner=False,
        is_other=False,
        officer_title="SVP, GC and Secretary",
    )
    f = _filing(_row()).model_copy(update={"reporting_owners": [owner]})
    box = (
        "5. Relationship of Reporting Person(s) to Issuer\nDirector 10% Owner\n"
        "X Officer (give title below) Other (specify below)\nSVP, GC and Secretary\n"
    )
    row = "Common Stock 05/04/2022 S 9,136 D $159.94 468,198 D"
    s = shown_fields(f, HEAD.replace("FORM 4\n", "FORM 4\n" + box) + row + "\n" + NOTES)
    assert s.relationships == [
        {"is_director", "is_ten_percent_owner", "is_officer", "is_other", "officer_title"}
    ]
    # the tick lost: the officer's box is not shown ticked; a speck before "Director" read as
    # a tick shows Director as not unticked
    lost = box.replace("X Officer", "Officer").replace("Director 10%", "x Director 10%")
    s = shown_fields(f, HEAD.replace("FORM 4\n", "FORM 4\n" + lost) + row + "\n" + NOTES)
    assert s.relationships == [{"is_ten_percent_owner", "is_other", "officer_title"}]
