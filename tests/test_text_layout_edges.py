"""Edges of pymupdf4llm's layout mode and pdfplumber's plain text that could read a value
wrong on a filing not seen yet: a caption row whose columns differ from the form's, words cut
by cell borders, run-together boxes. Each case is read exactly, or left empty with a doubt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from parsers import Filing, parse_bytes
from parsers.limits import Limits
from parsers.text.read import parse_text
from parsers.text.stray_rows import is_caption_text

HEAD = (
    "|1. Name and Address of Reporting Person<sup>*</sup><br>**Zielinski Ximena P**|"
    "2. Issuer Name and Ticker or Trading Symbol<br>**ALDERWOOD SYSTEMS, INC. [ ALDW ]**|\n"
    "|---|---|\n"
    "||3. Date of Earliest Transaction (Month/Day/Year)<br>**03/03/2016**|\n\n"
    "# **Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned**\n\n"
    "|1. Title of<br>Security (Instr. 3)|2. Transaction Date|3. Transaction<br>Code|"
    "4. Securities Acquired (A) or Disposed Of (D)|5. Amount of Securities|6. Ownership|"
    "7. Nature|\n"
    "|---|---|---|---|---|---|---|\n\n"
)
T2_CAPTIONS = (
    "# **Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned**\n\n"
    "|1. Title of<br>Derivative<br>Security (Instr.<br>3)|2. Conversion or<br>Exercise Price"
    "|3. Transaction Date<br>(Month/Day/Year)|3A. Deemed<br>Execution Date, if any|4.<br>"
    "Transaction<br>Code (Instr.<br>8)|5. Num<br>Deriva|b<br>tiv|er of<br>e Securities|"
    "6. Date Exerci<br>Expiration Dat|sable and<br>e|7. Title and<br>Securities U|Amount of<br>"
    "nderlying|8. Price of<br>Derivative|9. Number of derivative<br>Securities|10. Ownership"
    "<br>Form|11. Nature of<br>Indirect|\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
)
TAIL = "\n\n## **Explanation of Responses:**\n\n1. Vests in full.\n\n/s/ X. Zielinski 03/05/2016\n"


def _parse(text: str) -> Filing:
    return parse_text(HEAD + text + TAIL, path="x.md", sha256="0" * 64, limits=Limits())


def _doubts(f: Filing, field: str) -> list[str]:
    return [n.message for n in f.notes if n.field == field and n.kind == "doubt"]


def test_a_table_ii_amount_is_sided_by_the_tables_own_caption_row() -> None:
    # the converter put ``Code`` and ``V`` in one cell and added an empty one between (A) and
    # (D): the row has the form's 16 cells, but the amount stands in the form's V cell; the
    # table's own caption row says it is under (A)
    captions = (
        "|||||Code<br>V|(A)||(D)|Date<br>Exercisable|Expiration<br>Date|Title|"
        "Amount or<br>Number of<br>Shares|||||\n"
    )
    row = (
        "|Stock<br>Option (right<br>to buy)|$29.81|03/03/2016||A|5,500|||(1)|03/03/2026|"
        "Common<br>Stock|5,500|$0|5,500|D||\n"
    )
    f = _parse(T2_CAPTIONS + captions + row)
    r = f.derivative[0]
    assert (r.shares, r.acquired_disposed, r.code) == (5500, "A", "A")
    assert not _doubts(f, "derivative[0].acquired_disposed")
    # under the (D) caption: a disposal
    f = _parse(T2_CAPTIONS + captions + row.replace("|A|5,500|||", "|D|||5,500|"))
    assert f.derivative[0].acquired_disposed == "D"
    # in the blank cell between the captions (the form's (A) cell): neither side is shown
    f = _parse(T2_CAPTIONS + captions + row.replace("|A|5,500|||", "|A||5,500||"))
    assert (f.derivative[0].shares, f.derivative[0].acquired_disposed) == (5500, None)
    assert _doubts(f, "derivative[0].acquired_disposed")
    # the code out of the Code caption's cell: a cell was lost or split before the amount,
    # so its cell says no side
    f = _parse(T2_CAPTIONS + captions + row.replace("||A|5,500|||", "|A||5,500||"))
    assert f.derivative[0].acquired_disposed is None
    assert _doubts(f, "derivative[0].acquired_disposed")


T1_CAPTIONS = (
    "|1. Title of<br>Security (Inst|r. 3)<br>2. Transacti<br>(Month/Day|on Date<br>/Year)|"
    "Deemed Execution Date|3. Transaction<br>Code|Acquired (A) or D<br>(A) or (D)|"
    "isposed<br>Price|curities Beneficiall|y Owned|6. Ownership Form|7. Nature o|"
    "f Indirect|\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
)
T2_ROW = (
    "|1. Title of<br>Derivative<br>Security|2. Conversion|3. Transaction Date|3A. Deemed|"
    "4.<br>Code|5. Number|6. Date Exerc|7. Title and A|8. Price|9. Number|10. Ownership|"
    "11. Nature|\n"
    "|Class B<br>Common<br>Stock|(2)|12/09/2024||C<br>628,553|(2)|(2)<br>Class A<br>Common<br>"
    "Stock|628,553|$0|137,545<br>I||By Fund<br>LLC|\n"
)


def _table_i(*lines: str) -> str:
    return "\n".join(lines) + "\n" + T2_ROW


def test_words_left_out_beside_a_nature_leave_it_empty() -> None:
    # a cell too many: 'By SVF I' fits no column, and the nature read from the next cell
    # ('Beaver (DE)') would be its part
    text = (
        "# **Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned**"
        "\n\n" + T1_CAPTIONS + "|Class A Common Stock|12/09/2024||C|628,553|A|(2)|628,553||I|"
        "By SVF I<sup>(3)</sup>|I Beaver (DE)|\n\n"
        "# **Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned**\n\n"
    )
    f = _parse(text + T2_ROW)
    r = f.non_derivative[0]
    assert (r.shares, r.ownership, r.nature_of_ownership) == (628553, "I", None)
    assert any("'By SVF I'" in m for m in _doubts(f, "non_derivative[0].nature_of_ownership"))


def test_a_title_whose_cell_lost_a_piece_is_left_empty() -> None:
    # '01' of '$0.001', in the date's cell, fits no column: the title read is a part
    text = (
        "# **Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned**"
        "\n\n" + T1_CAPTIONS + "|Common Stoc<br>par value $0.0|k,<br>01<br>09/30/20|21||"
        "A<sup>(1)</sup>|1,381|A|$0|35,248||D||\n\n"
        "# **Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned**\n\n"
    )
    f = _parse(text + T2_ROW)
    r = f.non_derivative[0]
    assert r.security_title is None
    assert (r.shares, r.shares_owned_following, r.code) == (1381, 35248, "A")
    assert _doubts(f, "non_derivative[0].security_title")


def test_table_i_words_on_table_ii_title_line_go_to_the_row_above() -> None:
    # the last row's wrapped title on the line of Table II's title, cut by a border with a
    # letter lost ('Common S|ock'): neither 'Class A' alone nor a joined guess is read
    text = (
        "# **Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned**"
        "\n\n" + T1_CAPTIONS + "|Class A<br>|12/09/2024|||C<br>628,553|A|(2)<br>628,553|||I|"
        "By Fund<br>(3)||\n"
        "|Common S|ock||**T**|**able II - Derivative Securitie**<br>**(e.g., puts, calls, war**|"
        "**s Acquired, D**<br>**rants, option**|**isposed of, or Benefic**|**ially Owned**|||"
        "LLC||\n"
    )
    f = _parse(text + T2_ROW)
    r = f.non_derivative[0]
    assert r.security_title is None
    assert (r.shares, r.shares_owned_following) == (628553, 628553)
    assert _doubts(f, "non_derivative[0].security_title")
    assert f.derivative[0].security_title == "Class B Common Stock"
    # where the text has the whole word elsewhere, the cut is read as one word, with a doubt
    f = _parse(text.replace("Common S|ock", "Common Sto|ck") + T2_ROW)
    assert f.non_derivative[0].security_title == "Class A Common Stock"
    assert _doubts(f, "non_derivative[0].security_title")


T1_HEAD = (
    "# **Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned**\n\n"
    + T1_CAPTIONS
)
T2_HEAD = (
    "\n# **Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned**\n\n"
)


def test_a_word_piece_a_border_cut_off_into_an_empty_cell_leaves_the_title_empty() -> None:
    # '|Common Stoc|k|' in a holding row of the form's cells: the 'k' fits no column (the date's
    # cell holds no date) and was left out, so the title read was 'Common Stoc'
    for cut in ("Common Stoc|k", "Common St|ock", "Class A Common St|ock,"):
        row = f"|{cut}||||||8,100|I|By Trust<sup>(6)</sup>|"
        assert row.count("|") == 11
        f = _parse(T1_HEAD + row + "\n" + T2_HEAD + T2_ROW)
        r = f.non_derivative[0]
        assert r.security_title is None, cut
        assert (r.shares_owned_following, r.ownership) == (8100, "I")
        assert _doubts(f, "non_derivative[0].security_title")
    # a footnote marker closes the title's last word: the letter beside it is no piece of it
    row = "|Common Stock<sup>(1)</sup>|k||||||8,100|I|By Trust|"
    f = _parse(T1_HEAD + row + "\n" + T2_HEAD + T2_ROW)
    assert f.non_derivative[0].security_title == "Common Stock"


def test_a_value_a_border_cut_into_the_title_cell_leaves_the_title_empty() -> None:
    # the title's last word is a value's start that the next cell's first token completes
    cases = {
        "|Common Stock 05/|04/2022||S|9,136|D|$159.94|1,000|D||": None,  # the date lost too
        "|Common Stock 1|1/26/2016||S|1,542|D|$12.5|1,000|D||": None,  # 1/26 or 11/26?
        "|Common Stock 0|5/26/2016||S|1,542|D|$12.5|1,000|D||": dt.date(2016, 5, 26),
    }
    for row, date in cases.items():
        f = _parse(T1_HEAD + row + "\n" + T2_HEAD + T2_ROW)
        r = f.non_derivative[0]
        assert r.security_title is None, row
        assert r.transaction_date == date, row
        assert _doubts(f, "non_derivative[0].security_title")
    # a title's own number, which joins the next cell's into no value, stays
    row = "|Common Stock, par value $0.001|09/30/2021||S|1,542|D|$12.5|1,000|D||"
    f = _parse(T1_HEAD + row + "\n" + T2_HEAD + T2_ROW)
    r = f.non_derivative[0]
    assert r.security_title == "Common Stock, par value $0.001"
    assert r.transaction_date == dt.date(2021, 9, 30)


def test_a_number_a_border_cut_leaves_the_value_read_from_its_rest_empty() -> None:
    # a piece left out at a cell's edge that the value across the border continues
    cases = {
        "|Common Stock|07/07/2015|||F|450|D|$92.7923 4|2,450|||D|||": "shares_owned_following",
        "|Common Stock|05/04/2022||S 71|8|D|$650.02|6,346|D||": "shares",
        "|Common Stock|05/04/2022||S|1,550|D $16|3.94<sup>(6)</sup>|456,426|D||": "price",
    }
    for row, name in cases.items():
        f = _parse(T1_HEAD + row + "\n" + T2_HEAD + T2_ROW)
        assert getattr(f.non_derivative[0], name) is None, row
        assert _doubts(f, f"non_derivative[0].{name}"), row
    # whole, the same row reads as printed
    f = _parse(T1_HEAD + "|Common Stock|07/07/2015|||F|450|D|$92.7923|42,450|||D|||\n" + T2_HEAD)
    assert f.non_derivative[0].shares_owned_following == 42450


def test_a_table_ii_amount_cut_across_the_a_and_d_cells_says_no_side() -> None:
    # a cell border drawn through the amount ('|50|,000|'): its first piece in the (A) cell,
    # its second in the (D) cell beside it. The joined number kept only its first piece's
    # cell and was read (A) without a doubt (text fuzz seed 7: a blank cell dropped before
    # the amount of a row whose split amount stood in the (D) cell and the next)
    captions = (
        "|||||Code|V||(A)|(D)|Date Exercisable|Expiration Date|Title|"
        "Amount or Number of Shares|||||\n"
    )
    row = (
        "|Share Option (right to buy)|$4.75|12/08/2025||A|||50|,000|(1)|02/17/2033|"
        "Ordinary Shares|50,000|$0|222,700|D||\n"
    )
    f = _parse(T2_CAPTIONS + captions + row)
    r = f.derivative[0]
    assert (r.shares, r.acquired_disposed) == (50000, None)
    assert any(
        "cut across the (A) and (D)" in m for m in _doubts(f, "derivative[0].acquired_disposed")
    )
    # a balance below the amount still proves a disposal (with its doubt)
    f = _parse(T2_CAPTIONS + captions + row.replace("222,700", "2,700"))
    assert f.derivative[0].acquired_disposed == "D"
    assert _doubts(f, "derivative[0].acquired_disposed")
    # whole in the (A) cell, or cut across the (D) cell and the next: the side its cell says
    f = _parse(T2_CAPTIONS + captions + row.replace("|50|,000|(1)|", "|50,000||(1)|"))
    assert f.derivative[0].acquired_disposed == "A"
    f = _parse(T2_CAPTIONS + captions + row.replace("|||50|,000|(1)|", "||||50|,000|"))
    assert f.derivative[0].acquired_disposed == "D"


def test_a_row_of_the_captions_width_with_a_value_cut_across_cells_lost_a_cell() -> None:
    # the balance cut across two cells ('|222|,700|') gave the row a cell and a blank cell
    # before the amount was lost: as many cells as the caption row, but the amount stands one
    # cell left, under (A), its code saying neither way. Read (A) without a doubt; the cut
    # says a cell was lost, so the side read from the amount's cell is unsure
    captions = (
        "|||||Code|V||(A)|(D)|Date Exercisable|Expiration Date|Title|"
        "Amount or Number of Shares|||||\n"
    )
    row = (
        "|Share Option (right to buy)|$4.75|12/08/2025||J||||50,000|(1)|02/17/2033|"
        "Ordinary Shares|50,000|$0|222,700|D||\n"
    )
    f = _parse(T2_CAPTIONS + captions + row)
    assert f.derivative[0].acquired_disposed == "D"
    assert not _doubts(f, "derivative[0].acquired_disposed")
    shifted = row.replace("||||50,000|", "|||50,000|").replace("|222,700|", "|222|,700|")
    f = _parse(T2_CAPTIONS + captions + shifted)
    assert f.derivative[0].shares_owned_following == 222700
    assert any("unsure" in m for m in _doubts(f, "derivative[0].acquired_disposed"))


def test_a_pipe_row_a_cell_short_of_its_markdown_header_is_no_form_5_row() -> None:
    # no row of sub-captions with 'Code' alone: the header row above the table's rule shows
    # 16 columns. A row that lost the blank after its amount has 15 cells, the Form 5 layout's
    # width (no V column): read by it, the amount in the form's (A) cell stood in the (D) one,
    # read (D) without a doubt. A row narrower than its header lost a cell, whatever layout is
    # as wide
    t2 = (
        "# **Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned**\n\n"
        "|Security|Exercise Price|Transaction Date|Deemed Date|Transaction Code (Instr. 8)|V|"
        "Acquired|Disposed|Date Exercisable|Expiration Date|Underlying|Amount|Price|"
        "Owned After|Ownership Form|Nature|\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    row = (
        "|Stock Option|$4.75|12/08/2025||J||50,000||(1)|02/17/2033|"
        "Ordinary Shares|50,000|$0|222,700|D||\n"
    )
    f = _parse(t2 + row)
    assert f.derivative[0].acquired_disposed == "A"
    f = _parse(t2 + row.replace("|50,000||(1)|", "|50,000|(1)|"))
    r = f.derivative[0]
    assert (r.shares, r.acquired_disposed, r.shares_owned_following) == (50000, None, 222700)
    assert _doubts(f, "derivative[0].acquired_disposed")


def test_a_scan_price_with_a_letter_for_a_digit_is_unreadable_not_title_words() -> None:
    # an OCR pipe table: '$1.60' read 'S1.60' is mended; 'Sg.60' (a digit read as a letter no
    # confusable mends) was a word, glued onto the title in the cell before it ('Option (right
    # to buy) Sg.60'), the price left empty with no note (text fuzz seed 7 #2168)
    captions = (
        "|||||Code|V||(A)|(D)|Date Exercisable|Expiration Date|Title|"
        "Amount or Number of Shares|||||\n"
    )
    row = (
        "|Option (right to buy)|S1.60|01/11/2022||M|||||10,000|09/04/2016|08/04/2026|"
        "Common Stock|10,000|$0|152,654|D||\n"
    )
    f = _parse(T2_CAPTIONS + captions + row)
    assert (f.derivative[0].security_title, str(f.derivative[0].exercise_price)) == (
        "Option (right to buy)",
        "1.60",
    )
    f = _parse(T2_CAPTIONS + captions + row.replace("|S1.60|", "|Sg.60|"))
    r = f.derivative[0]
    assert (r.security_title, r.exercise_price, r.shares) == ("Option (right to buy)", None, 10000)
    assert _doubts(f, "derivative[0].exercise_price")
    # a stray letter before the dollar sign ('L$2.15', text fuzz seed 8 #692): the same
    f = _parse(T2_CAPTIONS + captions + row.replace("|S1.60|", "|L$1.60|"))
    r = f.derivative[0]
    assert (r.security_title, r.exercise_price, r.shares) == ("Option (right to buy)", None, 10000)
    assert _doubts(f, "derivative[0].exercise_price")


def _placed(*cells: tuple[int, str]) -> str:
    """One layout line (pdftotext -layout): each text starting at its column."""
    line = ""
    for x, text in cells:
        line = line.ljust(x) + text
    return line


LAYOUT_HEAD = [
    _placed((0, "1. Name and Address of Reporting Person*"), (76, "2. Issuer Name and Ticker")),
    _placed((0, "Schaufeld Fredrick"), (76, "TELOS CORP [ TLS ]")),
    _placed((76, "3. Date of Earliest Transaction (Month/Day/Year)")),
    _placed((0, "C/O TELOS CORPORATION 19886 ASHBURN ROAD"), (76, "05/12/2023")),
    _placed((73, "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially")),
    _placed(
        (0, "1. Title of"), (20, "2. Transaction Date"), (48, "2A. Deemed Execution Date, if"),
        (81, "3. Transaction"), (106, "4. Securities Acquired (A) or Disposed"),
        (148, "5. Amount of Securities Beneficially Owned"), (199, "6. Ownership Form: Direct"),
        (235, "7. Nature of Indirect Beneficial"),
    ),
    _placed(
        (0, "Security (Instr. 3) (Month/Day/Year)"), (48, "any (Month/Day/Year)"),
        (81, "Code (Instr. 8)"), (106, "Of (D) (Instr. 3, 4 and 5)"),
        (148, "Following Reported Transaction(s) (Instr. 3 and"),
        (199, "(D) or Indirect (I) (Instr. 4)"), (235, "Ownership (Instr. 4)"),
    ),
    _placed((148, "4)")),
    _placed((81, "Code"), (96, "V"), (106, "Amount"), (120, "(A) or (D)"), (133, "Price")),
]  # fmt: skip


@pytest.mark.parametrize("balance", ["ZSO,OOO", ""])
def test_a_layout_holding_whose_balance_is_damaged_stays_a_row(balance: str) -> None:
    """A holding row of layout text whose balance is unreadable or gone still shows its
    ownership form under the form's column: it is a row with an empty balance and a doubt,
    not the wrapped rest of the row above (whose title read ``Common Stock Common Stock``)."""
    rows = [
        _placed((0, "Common Stock"), (148, "255,449"), (199, "I"), (235, "By Fredrick D. Trust")),
        _placed((0, "Common Stock"), (148, balance), (199, "I"), (235, "By FDS New River Farm")),
        _placed((235, "2017 Irrevocable Trust")),
        _placed((0, "Common Stock"), (148, "91,297"), (199, "D")),
    ]
    tail = ["", "Explanation of Responses:", _placed((158, "/s/ Helen M. Oh"), (241, "05/15/2023"))]
    text = "\n".join([*LAYOUT_HEAD, *rows, *tail]) + "\n"
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    titles = [r.security_title for r in f.non_derivative]
    assert titles == ["Common Stock"] * 3
    assert [r.shares_owned_following for r in f.non_derivative] == [
        Decimal("255449"),
        None,
        Decimal("91297"),
    ]
    assert f.non_derivative[1].nature_of_ownership == "By FDS New River Farm 2017 Irrevocable Trust"
    assert _doubts(f, "non_derivative[1].shares_owned_following")


WIDE_TITLE = Path(__file__).parent / "fixtures" / "text" / "layout_price_beside_a_wide_title.txt"


def test_a_price_one_space_after_a_wide_table_ii_title_is_the_exercise_price() -> None:
    # pdftotext -layout of a Table II whose title cell printed wide: "Stock Option $2.15" /
    # "(Right to" / "Buy)": the dollar amount in the title's column is the price beside it,
    # read with a doubt; it had made the title "Stock Option $2.15 (Right to Buy)"
    text = WIDE_TITLE.read_text(encoding="utf-8")
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    row = f.derivative[1]
    assert row.security_title == "Stock Option (Right to Buy)"
    assert row.exercise_price == Decimal("2.15")
    assert any("exercise price" in m for m in _doubts(f, "derivative[1].exercise_price"))
    # the form's wording of a par value keeps the amount in the title
    par = text.replace("Stock Option $2.15", "Stock, par value $2.15")
    g = parse_text(par, path="x.txt", sha256="0" * 64, limits=Limits())
    assert g.derivative[1].security_title == "Stock, par value $2.15 (Right to Buy)"
    assert g.derivative[1].exercise_price is None


def test_a_stray_tab_in_a_layout_row_leaves_its_cells_in_their_columns() -> None:
    """A tab in a line of layout text (a damaged character after a torn marker, ``P(1``) does
    not make the line a tab-separated row: read as one, the cell before the tab put the date
    and the code into the title, both left empty without a word."""
    row = _placed(
        (0, "Common Stock"), (20, "05/12/2023"), (81, "P(1)"), (106, "84,603"), (120, "A"),
        (133, "$2.36"), (148, "84,603"), (199, "I"), (235, "By Trust"),
    )  # fmt: skip
    row = row.replace("P(1)", "P(1\t")
    tail = ["", "Explanation of Responses:", _placed((158, "/s/ Helen M. Oh"), (241, "05/15/2023"))]
    text = "\n".join([*LAYOUT_HEAD, row, *tail]) + "\n"
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    (r,) = f.non_derivative
    assert r.security_title == "Common Stock"
    assert r.transaction_date == dt.date(2023, 5, 12)
    assert r.code in ("P", None)
    if r.code is None:
        assert _doubts(f, "non_derivative[0].code") or _doubts(f, "non_derivative[0]")
    assert (r.shares, r.price, r.shares_owned_following) == (
        Decimal(84603),
        Decimal("2.36"),
        Decimal(84603),
    )


MORE_OWNERS = Path(__file__).parent / "fixtures" / "text" / "layout_more_owners_caption_cut.md"


def test_a_further_owner_box_with_its_caption_cut_into_cells_ends_table_ii() -> None:
    # pymupdf4llm layout: a joint filing's further reporting persons printed in Table II's
    # markdown table, the caption cut into cells around the bold name ("1. Name an<br>**Rogers
    # Er**|d Address of Repo<br>**ica J.**|rting Person") and the sub-captions on the row below
    # ("(Last)||(First)|(Middle)|||Director||**X**|10% Owner"): the tables end there. They had
    # been read as derivative rows ("(Last) (First) (Middle) Director ... X", "(Street) SAN
    # DIEG ...": five phantom rows on the remixed set)
    f = parse_text(
        MORE_OWNERS.read_text(encoding="utf-8"), path="x.md", sha256="0" * 64, limits=Limits()
    )
    assert f.derivative == []
    assert len(f.non_derivative) == 2
    assert any("Rogers Er|ica J." in n.message for n in f.notes)


@pytest.mark.parametrize("damaged", ["$2 .15", "$２.１５"])
def test_a_damaged_price_after_a_wide_table_ii_title_is_left_empty_not_title_words(
    damaged: str,
) -> None:
    text = WIDE_TITLE.read_text(encoding="utf-8").replace(
        "Stock Option $2.15", f"Stock Option {damaged}"
    )
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    row = f.derivative[1]
    assert row.security_title == "Stock Option (Right to Buy)"
    assert row.exercise_price is None
    assert any("unreadable" in m for m in _doubts(f, "derivative[1].exercise_price"))


PLAIN_TABLE_II = """\
1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol
Musk Elon Tesla, Inc. [ TSLA ]
C/O TESLA, INC. 1 TESLA ROAD 3. Date of Earliest Transaction (Month/Day/Year)
03/08/2023
Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
Code V Amount (A) or (D) Price
Common Stock 03/08/2023 M 5,250 A $2.79 411,056,826 I by Trust
Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
Code V (A) (D) Date Expiration Title Amount or
Exercisable Date Number of
Shares
Non- $2.79 03/08/2023 M 5,250 {marker} 04/08/2023 Common 5,250 $0.00 0 D
Qualifed Stock
Stock Option
(right to
buy)
Explanation of Responses:
1. Effective April 8, 2013.
Remarks:
Elon Musk 03/10/2023
** Signature of Reporting Person Date
"""


@pytest.mark.parametrize("invisible", ["\u206e", "\u200b", "\ufeff"])
def test_an_invisible_character_for_a_marker_does_not_move_a_date_into_a_title(
    invisible: str,
) -> None:
    """pdfplumber's plain text of a Table II row whose date exercisable cell holds only a
    footnote marker, the marker come out as an invisible format character (U+206E and kin):
    kept as a word, it glued the expiration date into the underlying title
    (``04/08/2023 Common Stock``), the expiration date lost with no doubt. No reader sees such
    a character: the date is read as a date (a lone one, so left empty with its doubt)."""
    text = PLAIN_TABLE_II.replace("{marker}", invisible)
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    (row,) = f.derivative
    assert row.underlying_title == "Common Stock"
    assert row.date_exercisable is None
    for field, value in (("date_exercisable", None), ("expiration_date", row.expiration_date)):
        if value is None:
            assert _doubts(f, f"derivative[0].{field}")
    assert row.expiration_date in (None, dt.date(2023, 4, 8))


def test_a_layout_row_whose_code_and_values_a_marker_pushed_down_is_one_row() -> None:
    """pdftotext -layout: ``Class C Capital Stock 05/04/2022`` / ``(1)  S  1,800  D  $165.06
    454,626  D``: the title's raised marker pushed the code and the values a line below the
    title and date. A row with a date and no code states no transaction, and a line with a
    code but no title or date opens none: they are one row (it had been a phantom row of a
    title and date, and a row of values with no title)."""
    tail = ["", "Explanation of Responses:", _placed((158, "/s/ Helen M. Oh"), (241, "05/15/2023"))]
    rows = [
        _placed(
            (0, "Common Stock(1)"), (20, "05/12/2023"), (81, "S"), (106, "900"), (120, "D"),
            (133, "$162.77"), (148, "457,976"), (199, "D"),
        ),
        _placed((0, "Class C Capital Stock 05/12/2023")),
        _placed(
            (25, "(1)"), (81, "S"), (106, "1,800"), (120, "D"), (133, "$165.06"),
            (148, "456,176"), (199, "D"),
        ),
    ]  # fmt: skip
    text = "\n".join([*LAYOUT_HEAD, *rows, *tail]) + "\n"
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    assert len(f.non_derivative) == 2
    r = f.non_derivative[1]
    assert r.security_title == "Class C Capital Stock"
    assert r.transaction_date == dt.date(2023, 5, 12)
    assert (r.code, r.shares, r.acquired_disposed) == ("S", Decimal(1800), "D")
    assert (r.price, r.shares_owned_following, r.ownership) == (
        Decimal("165.06"),
        Decimal(456176),
        "D",
    )
    assert r.footnotes.get("security_title") == ["F1"]
    assert any("pushed under the row" in n.message for n in f.notes)


def test_a_code_pushed_onto_a_row_of_cells_of_its_own_is_the_row_s_code() -> None:
    """markitdown: ``| Class A Common | 07/25/2025 |  | 697,674 A | 3,710,459 | D |  |`` then
    ``|  |  | X(3) |  |  |  |  |``: the code's raised marker pushed it onto a row of cells of its
    own, in the code's cell. It is the row's code, not a word of the wrapped title (which had
    read 'Class A Common X Stock')."""
    rows = (
        "|Common Stock|07/25/2025|X(1)|697,674 A|2,315,111|D||\n"
        "|Class A Common|07/25/2025||697,674 A|3,710,459|D||\n"
        "|||X(3)|||||\n"
        "Stock\n"
    )
    f = _parse(rows)
    assert len(f.non_derivative) == 2
    r = f.non_derivative[1]
    assert r.security_title == "Class A Common Stock"
    assert (r.code, r.shares, r.acquired_disposed) == ("X", Decimal(697674), "A")
    assert r.footnotes.get("code") == ["F3"]
    assert any("pushed under the row" in n.message for n in f.notes)


def test_a_code_pushed_out_of_its_row_of_cells_onto_a_plain_line_is_the_row_s_code() -> None:
    """markitdown: ``| Class A Common | 03/17/2025 |  | 52,777 D | 653,843 | D |  |`` then
    ``S(1)`` and ``Stock`` on plain lines: markdown pushed the code cell with its footnote
    marker out of its table. It is the row's code (with a doubt), not a word of the title,
    which a marker would end before ``Stock`` (it had read 'Class A Common S Stock')."""
    rows = (
        "|Class B Common Stock|03/14/2025|S(1)|3,525 D|706,620|D||\n"
        "|Class A Common|03/17/2025||52,777 D|653,843|D||\n"
        "|---|---|---|---|---|---|---|\n"
        "S(1)\n"
        "Stock\n"
    )
    f = _parse(rows)
    assert len(f.non_derivative) == 2
    r = f.non_derivative[1]
    assert r.security_title == "Class A Common Stock"
    assert (r.code, r.shares, r.acquired_disposed) == ("S", Decimal(52777), "D")
    assert r.footnotes.get("code") == ["F1"]
    assert any("alone on line" in m for m in _doubts(f, "non_derivative[1].code"))
    # a letter with no marker beside it is no pushed cell: the title's word, as before
    g = _parse(rows.replace("S(1)\nStock", "S\nStock"))
    assert g.non_derivative[1].code is None


def test_a_cell_pushed_out_of_a_row_of_cells_may_stand_beside_its_value_line() -> None:
    """markitdown: ``| Class C Capital | 04/25/2025 | P | 100,000 A | $5.4598 8,652,914 | I |
    |`` then ``See Footnotes(1)(2)`` and ``Stock`` on plain lines: markdown pushed the nature
    cell, footnote markers and all, out of the row; its line stands beside the value line, not
    under it, so the title may go on below it without words there. Two cuts are left
    ('Class C Capital Stock' / 'See Footnotes', or 'Class C Capital See Stock' /
    'Footnotes'); the second was read once, wrong, and then both cells were left empty. A
    nature's ``See`` is no word of a title (remix seed 433): the first is read, with its
    doubt."""
    rows = (
        "|Common Stock|04/24/2025|P|16,847 A|8,552,914|I|See Footnotes(1)(2)|\n"
        "|Class C Capital|04/25/2025|P|100,000 A|8,652,914|I||\n"
        "|---|---|---|---|---|---|---|\n"
        "See Footnotes(1)(2)\n"
        "Stock\n"
    )
    f = _parse(rows)
    r = f.non_derivative[1]
    assert (r.security_title, r.nature_of_ownership) == ("Class C Capital Stock", "See Footnotes")
    assert (r.shares, r.ownership) == (Decimal(100000), "I")
    for name in ("security_title", "nature_of_ownership"):
        assert any("split by the only cut" in m for m in _doubts(f, f"non_derivative[1].{name}"))


REMIX = Path(__file__).parent / "fixtures" / "text" / "remix"


def test_a_price_a_column_gap_after_a_table_ii_title_is_the_exercise_price() -> None:
    """pdftotext -layout: ``Non-           $2.79      03/08/2023   M ...``: the price's cell
    printed left of where its caption starts (its caption is in a smaller type), a column gap
    after the title's words. It is the exercise price (with a doubt), no word of the title
    (which had read 'Non- $2.79 Qualifed Stock Option (right to buy)')."""
    text = (REMIX / "layout_price_a_gap_after_the_title.txt").read_text(encoding="utf-8")
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    row = f.derivative[0]
    assert row.security_title == "Non-Qualifed Stock Option (right to buy)"
    assert row.exercise_price == Decimal("2.79")
    assert any("column gap" in m for m in _doubts(f, "derivative[0].exercise_price"))


def test_a_form_3_row_whose_underlying_and_values_sit_a_line_below_its_title() -> None:
    """pdftotext -layout of a Form 3 Table II: ``Tranche C Common Share    (1)    (1)`` /
    ``Common Stock(2)(3)   134,018.0   (1)   I   Limited Partnership`` / ``Purchase
    Warrants``: the raised markers left the title and the window's marker cells a line above
    the rest. ``Common Stock`` stands past the window dates' captions: the underlying title,
    not the title (which had read 'Tranche C Common Share Common Stock Purchase Warrants', the
    underlying title empty); the rows below are read as before (no centred cells)."""
    text = (REMIX / "layout_form3_row_on_two_lines.txt").read_text(encoding="utf-8")
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    first = f.derivative[0]
    assert first.security_title == "Tranche C Common Share Purchase Warrants"
    assert first.underlying_title == "Common Stock"
    assert first.underlying_shares == Decimal("134018.0")
    assert [r.underlying_title for r in f.derivative[1:]] == [
        "Class A Common Stock",
        "Class A Common Stock",
        "Class A Common Stock",
        "Ordinary Shares",
        "Ordinary Shares",
    ]
    assert [r.security_title for r in f.derivative[1:]] == [
        "Stock Option (Right to Buy)",
        "Deferred Stock Units",
        "Tranche C Common Share Purchase Warrants",
        "Stock Option (Right to Buy)",
        "Tranche B Common Share Purchase Warrants",
    ]


def test_a_title_s_last_word_with_its_footnote_markers_is_no_caption() -> None:
    """markitdown printing Table I's one row as a paragraph a cell: ``Common`` / ``Share(1)(2)``
    / ``04/15/2026(3)`` / ``J(5)`` ...: ``Share`` is a word of the captions (``per Share``), but
    no caption carries a footnote marker, so the line is the title's last word (the title had
    read 'Common', its last line taken for a caption)."""
    assert not is_caption_text("Share(1)(2)")
    assert is_caption_text("Shares") and is_caption_text("(Instr. 4)")
    text = (REMIX / "markitdown_paragraphs_title_share_marked.md").read_text(encoding="utf-8")
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    (row,) = f.non_derivative
    assert row.security_title == "Common Share"
    assert row.footnotes.get("security_title") == ["F1", "F2"]


def test_a_par_value_cut_from_its_dollar_sign_by_a_cell_border_is_the_title_s() -> None:
    """pymupdf4llm's layout mode: Table I's last row's wrapped title on the row of Table II's
    title, cut into cells (``|par value $|0.001||**Tab**|**le II - Deriv**...``): the border
    cut ``$0.001`` from its sign. The amount is the title's par value, not a balance: it had
    made a phantom row ('par value', owning 0.001) and left the title 'Common Stock,'."""
    text = (REMIX / "layout_md_par_value_cut_from_its_sign.md").read_text(encoding="utf-8")
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    assert len(f.non_derivative) == 2
    assert f.non_derivative[1].security_title == "Common Stock, par value $0.001"


def test_a_capital_sharing_its_cell_with_words_is_no_code() -> None:
    """pymupdf4llm's layout mode cut a holding's title at a cell border, line by line
    (``|INNSUITE<br>HOSPITAL|S<br>ITY REIT|...|2,407|D|``): the ``S`` is the rest of
    ``INNSUITES``, a piece of a word, not a transaction code (a code's cell holds the code
    alone); read as one it made the holding a transaction coded S."""
    f = _parse("|Common Stock|03/14/2025|S(1)|3,525 D|706,620|D||\n"
               "|INNSUITE<br>HOSPITAL|S<br>ITY REIT|||2,407|D||\n")  # fmt: skip
    row = f.non_derivative[1]
    assert row.code is None and row.kind == "holding"
    assert row.shares_owned_following == Decimal(2407) and row.ownership == "D"


def test_a_raised_marker_a_cell_border_cut_in_two_is_one_marker() -> None:
    """pymupdf4llm's layout mode cut a Table II row's nature marker in two at a cell border
    (``|I|Limited Partnership<sup>(</sup>|<sup>4)</sup>|``; a remixed Form 3, seed 59): the
    halves are one marker, footnote 4 of the nature; the nature had read 'Limited
    Partnership(' and the footnote was lost."""
    path = Path(__file__).parent / "fixtures/text/remix/layout_md_marker_cut_by_a_cell_border.md"
    row = parse_bytes(path.read_bytes(), path.name).derivative[0]
    assert (row.nature_of_ownership, row.footnotes.get("nature_of_ownership")) == (
        "Limited Partnership",
        ["F4"],
    )


@pytest.mark.parametrize(("opened", "closed"), [("(", "1)"), ("[F", "1]")], ids=["(|1)", "[F|1]"])
def test_a_raised_marker_a_cell_border_cut_is_the_marker_of_the_cell_before(
    opened: str, closed: str
) -> None:
    """pymupdf4llm's layout mode cut a raised footnote marker at a cell border
    (``|I|by Trust<sup>(</sup>|<sup>1)</sup>|``; a remixed filing, seed 61): the opening
    bracket alone had been read as a character of the nature ('by Trust('), its footnote lost.
    A marker follows what it notes: it is the nature's, whole."""
    f = _parse(
        f"|Common Stock|03/08/2023||M|5,250|A|$2.79|411,056,826||I|by Trust<sup>{opened}</sup>"
        f"|<sup>{closed}</sup>|\n"
    )
    row = f.non_derivative[0]
    assert row.nature_of_ownership == "by Trust"
    assert row.shares_owned_following == Decimal(411056826) and row.ownership == "I"
    assert row.footnotes == {"nature_of_ownership": ["F1"]}


def _remix_md(name: str) -> Filing:
    path = Path(__file__).parent / "fixtures/text/remix" / name
    return parse_bytes(path.read_bytes(), path.name)


def test_a_title_s_letter_cut_off_before_the_code_leaves_the_code_empty() -> None:
    """pymupdf4llm's layout mode cut the title ``INNSUITES`` at a cell border and printed its
    last letter above the transaction date's pieces (``|INNSUITE|S<br>05/1|2/2023|||P<br>
    6,183|A<br>$1.95|...``; a remixed filing, seed 151): the ``S`` had been read as the code
    (a sale, for a purchase) and the row's own ``P`` left out as fitting no column. Two code
    letters, the text not saying which is the code: the code is left empty with a doubt,
    and the row stays a transaction with its amount, side and price."""
    f = _remix_md("layout_md_title_letter_cut_off_before_the_code.md")
    row = f.non_derivative[1]
    assert (row.kind, row.code) == ("transaction", None)
    assert (row.shares, row.acquired_disposed, row.price) == (Decimal(6183), "A", Decimal("1.95"))
    assert row.shares_owned_following == Decimal(4344800)
    assert any(
        n.field == "non_derivative[1].code" and "'S' read as the code" in n.message for n in f.notes
    )


def test_a_letter_left_out_before_the_code_leaves_the_code_read() -> None:
    """The same cut title with the code in its own cell after it (``|INNSUITE|S|04/28/2025||
    P<br>35,000|A|...``; seed 157): the ``S`` left out stands before the code, where the title
    and the dates are; the code ``P`` stands where the table's codes stand, and stays."""
    f = _remix_md("layout_md_title_letter_cut_off_left_of_the_code.md")
    assert [r.code for r in f.non_derivative] == ["P", "P", "P", "P"]


def test_a_title_whose_lines_a_border_cut_across_two_cells_is_left_empty() -> None:
    """pymupdf4llm's layout mode cut a two-line title down the middle (``|Common St<br>value
    $0.00|ock, par<br>1|``; seed 157): the lines run across the cells, so the cells read one
    after the other gave 'Common St value $0.00 ock, par 1' with no note. Left empty with a
    doubt; a cut cell of one line beside another's (``|INNSUITE|S|``) is read as before."""
    f = _remix_md("layout_md_title_letter_cut_off_left_of_the_code.md")
    row = f.non_derivative[0]
    assert row.security_title is None
    assert (row.code, row.shares) == ("P", Decimal(16000))
    assert any(
        n.field == "non_derivative[0].security_title" and "each hold lines" in n.message
        for n in f.notes
    )
    assert f.non_derivative[2].security_title == "Ordinary Shares"


def test_a_row_of_cells_holding_only_a_nature_s_rest_is_no_row() -> None:
    """pymupdf4llm's layout mode (seed 179): ``|Common Sha|re|...|400||I|By imme|diate
    family|`` / ``|||||||||||member|1|``: the second row holds words only in the cells where
    the row above put its nature of ownership, the table's last column: the nature's wrapped
    rest (``member 1``), not a row titled 'member' holding 1 share."""
    text = (REMIX / "layout_md_nature_rest_in_a_row_of_its_own.md").read_text(encoding="utf-8")
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    assert len(f.non_derivative) == 4
    assert [r.shares_owned_following for r in f.non_derivative] == [536960, 76768, 400, 400]
    # the nature was cut by a border: left empty, its note naming the rest
    assert f.non_derivative[3].nature_of_ownership is None
    assert any("member 1" in m for m in _doubts(f, "non_derivative[3].nature_of_ownership"))


def test_a_code_stacked_under_its_date_in_the_title_s_cell_is_the_code() -> None:
    """pymupdf4llm's layout mode (seed 181): ``|Common Shares,<br>nopar value<br>03/08/2023<br>
    M|5,250|A|$2.79|...``, the title, date and code stacked in one cell as the header's cell
    stacks their captions. A capital among a cell's words is a cut word's piece, but this one
    ends the cell with the date between it and the words: the code. Before, 'M' was left out
    and the title left empty with it."""
    text = (REMIX / "layout_md_title_date_and_code_stacked_in_one_cell.md").read_text(
        encoding="utf-8"
    )
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    got = [(r.security_title, r.code, r.shares) for r in f.non_derivative]
    assert got == [("Common Shares, nopar value", "M", 5250), ("Common Stock", "M", 5250)]


def test_sub_captions_merged_into_the_first_row_are_taken_off_its_cells() -> None:
    """pymupdf4llm's layout mode (seed 181): ``|Class A<br>Common<br>Stock(1)(2)|12/24/2025(3)||
    Code<br>V<br>J(5)|Amount<br>30,467,595|(A) or<br>(D)<br>A|Price<br>$7.6956(4)|4)<br>
    549,400,539|I|4)<br>Please see footnotes...|``: the converter merged the row of
    sub-captions into the table's first row. The caption lines above the values are taken off
    (the side ``A`` under ``(D)`` kept); before, the words made every value fit no column and
    only the balance was read. A marker line (``(2)``) is no caption and stays."""
    text = (REMIX / "layout_md_sub_captions_merged_into_the_first_row.md").read_text(
        encoding="utf-8"
    )
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    row = f.non_derivative[0]
    assert (row.security_title, row.transaction_date, row.code) == (
        "Class A Common Stock",
        dt.date(2025, 12, 24),
        "J",
    )
    assert (row.shares, row.acquired_disposed, row.price) == (30467595, "A", Decimal("7.6956"))
    assert (row.shares_owned_following, row.nature_of_ownership) == (
        549400539,
        "Please see footnotes",
    )


def test_a_cell_of_lines_ended_by_a_marker_or_a_number_is_not_run_on_by_the_next() -> None:
    """pymupdf4llm's layout mode of remix seed 227 (scored before it was opened): the nature cut
    down the middle across its lines, ``|By Limited L<br>Company(2)|iability|`` and ``|By
    immediat<br>member 2|e family|``. Read cell after cell they gave 'By Limited L Company
    iability' and 'By immediat member 2 e family' with no note (wrong values the scorer counts as
    the converter's, its words being cut). A marker ends its cell's text, and no word runs on
    from a number into small letters: the piece goes on a line above, so the lines run across
    the cells, and the nature is left empty with a doubt."""
    f = _remix_md("pml_nature_cut_across_lines_and_cells.md")
    natures = {r.line: r.nature_of_ownership for r in f.non_derivative}
    assert natures[9] is None and natures[10] is None and natures[11] is None
    assert len(_doubts(f, "non_derivative[1].nature_of_ownership")) >= 1
    assert any("each hold lines" in m for m in _doubts(f, "non_derivative[2].nature_of_ownership"))
    assert [r.shares_owned_following for r in f.non_derivative] == [536960, 76768, 400, 400]


def test_an_amount_below_a_no_par_value_title_in_its_cell_is_the_balance() -> None:
    """pymupdf4llm's layout mode of remix seed 239 (scored before it was opened), a Form 3:
    ``|Common Shares, no par value<br>42,877,632|I|See footnote(1)|``: the balance's cell merged
    under the title. The amount after ``value`` had been taken for the title's par value
    (``Common Shares, no par value 42,877,632``, a title nobody filed); ``no par value`` is
    followed by no amount, and no par value is grouped by thousands."""
    f = _remix_md("pml_amount_below_a_no_par_value_title.md")
    (row,) = f.non_derivative
    assert (row.security_title, row.shares_owned_following) == (
        "Common Shares, no par value",
        Decimal(42877632),
    )


def test_an_issuer_name_without_a_letter_is_no_name() -> None:
    """pymupdf4llm's layout mode of remix seed 251 (scored before it was opened): box 2's cell
    ``2. Issuer Name and<br>**VACCINEX, INC**<br>3. Date of Earliest T<br>**01/11/2022**`` beside
    ``Ticker or Tra<br>**. [ VCNX ]**``: the name's stop went with the ticker into the next cell,
    and the name read was box 3's date, ``01/11/2022.``. No issuer's name is written without a
    letter: left empty with a doubt; the ticker stays."""
    f = _remix_md("pml_box_3_date_read_as_the_issuer.md")
    assert (f.issuer.name, f.issuer.ticker) == (None, "VCNX")
    assert any(n.field == "issuer.name" and "no name" in n.message for n in f.notes)


def test_a_side_and_a_price_marker_in_one_markdown_cell_are_two_cells() -> None:
    """markitdown of remix seed 257: ``| X(1) | 2,093,022 | A (1) | 6,945,333 | | D |`` under a
    caption ``(A) or (D) Price`` run into one cell: ``A`` and, a space apart, the price's
    marker (a price the filing gives by footnote alone). Read as the side's marker, the balance
    had taken the price's place (left empty there, no dollar sign) and the balance was lost."""
    f = _remix_md("md_side_and_price_marker_in_one_cell.md")
    rows = [
        (r.line, r.acquired_disposed, r.price, r.shares_owned_following) for r in f.non_derivative
    ]
    assert rows == [
        (31, "A", None, Decimal(6945333)),
        (33, "A", None, Decimal(9038355)),
        (36, "A", None, Decimal(11131377)),
    ]
    assert f.non_derivative[0].footnotes.get("price") == ["F1"]


def test_a_further_owners_box_cut_into_cells_ends_table_2() -> None:
    """pymupdf4llm's layout mode of remix seed 263: below Table II, a further reporting
    person's box cut into cells, each holding its piece of every line (``|1. Name an<br>
    **BERKSH**<br>(Last)|d Address of<br>**IRE HATHA**|Reporting Person...|``): its ``X 1|0%
    Owner`` had been read as a Table II row with a balance of 1 (a phantom row). The cells'
    first lines are the box's caption, which ends the tables."""
    f = _remix_md("pml_layout_more_owners_box_cut_into_cells.md")
    assert [r.line for r in f.derivative] == [30]


def test_a_bracket_a_border_cut_off_its_word_is_put_back() -> None:
    """pymupdf4llm's layout mode of remix seed 269: ``|I<br>By SVF II Beaver (|DE) LLC(6)|``: a
    border cut ``(DE)`` after its bracket. The lone ``(`` had been dropped as debris and the
    ``)`` with it: ``By SVF II Beaver DE LLC``, a name nobody filed."""
    f = _remix_md("pml_layout_bracket_cut_by_a_border.md")
    assert next(r for r in f.derivative if r.line == 13).nature_of_ownership == (
        "By SVF II Beaver (DE) LLC"
    )


def test_a_year_inside_a_text_cell_is_a_word_of_it() -> None:
    """pymupdf4llm's layout mode of remix seed 277 (scored before it was opened):
    ``|96,927,802|I||SMB Pacific 2021 C<br>Remainder Unitrust I|haritable...|``: the nature's
    ``2021`` between its words was read as a number, and the balance after the row's cells
    slid: 2021 (a wrong value). A year between words of one cell is a word."""
    f = _remix_md("pml_layout_year_inside_a_nature_cell.md")
    row = next(r for r in f.non_derivative if r.line == 25)
    assert (row.shares_owned_following, row.ownership) == (Decimal(96927802), "I")


def test_a_year_after_a_letter_a_border_cut_off_is_a_word_of_the_cell() -> None:
    """pymupdf4llm's layout mode of remix seed 613 (scored before it was opened):
    ``|Depositary<br>Units||||2,800||I||By FDS New R<br>2017 Irrevocabl|iver Farm<br>e Trust|``:
    the border cut ``River`` after its ``R``, so a lone letter stood before the year, and the
    year was read as the balance (2017, a wrong value; 2,800 left empty). A letter after a run
    of words, then a year, then words, in one cell: the year is a word too. The nature, cut
    across the two cells line by line, stays empty with its doubt."""
    f = _remix_md("layout_md_year_after_a_letter_a_border_cut_off.md")
    row = next(r for r in f.non_derivative if r.line == 11)
    assert (row.shares_owned_following, row.ownership) == (Decimal(2800), "I")
    assert row.nature_of_ownership is None


def test_a_form_5s_period_is_not_guessed_from_its_rows() -> None:
    """pymupdf4llm's layout mode of remix seed 277: a Form 5 whose box 3 (``Statement for
    Issuer's Fiscal Year Ended``) was cut into cells: the period was taken from the rows'
    earliest date, 2021-12-23, as a Form 4's may be (its box 3 is that date); a Form 5's is
    the fiscal year's end, which no row gives. Left empty with a doubt; a period left empty
    for any form now says so. Since session 22 box 3's own date is read under its cut caption
    (``3. Statement for Issu<br>**01/31/2022**``): the fiscal year's end the box prints."""
    f = _remix_md("pml_layout_form5_fiscal_year_box_cut.md")
    assert f.form_type == "5" and f.period_of_report == dt.date(2022, 1, 31)
    text = (REMIX / "pml_layout_form5_fiscal_year_box_cut.md").read_text()
    assert "3. Statement for Issu<br>**01/31/2022**" in text
    g = parse_bytes(text.replace("<br>**01/31/2022**", "").encode(), "form5.md")
    assert g.form_type == "5" and g.period_of_report is None  # never the rows' 2021-12-23
    assert any(n.field == "period_of_report" and "left empty" in n.message for n in g.notes)


def test_remix_281_markitdown_continuation_rows_and_a_code_below() -> None:
    """markitdown of remix seed 281 (scored before it was opened): a Table II row whose cells
    wrapped into two continuation rows under a rule (``| Common | ... | Common | ... | family
    member |`` / ``| Stock | ... | Stock | ... | 2 |``): the nature's ``2`` in the last one was
    read as a balance, a phantom row, and the titles lost their ``Stock``. A digit alone in the
    cell of the nature the row above left open is a word of it. And ``Ordinary Shares
    12/09/2025 36,000,000 A ...`` / ``M(1)``: the code's cell, pushed below a plain row, had
    been read into the title (``Ordinary Shares M``)."""
    f = _remix_md("md_nature_number_in_a_continuation_row.md")
    row = next(r for r in f.derivative if r.line == 59)
    assert (row.security_title, row.underlying_title, row.nature_of_ownership) == (
        "Class B Common Stock",
        "Class A Common Stock",
        "By immediate family member 2",
    )
    assert [r.line for r in f.derivative] == [54, 59, 63]
    f = _remix_md("md_code_below_a_plain_row.md")
    row = next(r for r in f.non_derivative if r.line == 44)
    assert (row.security_title, row.code) == ("Ordinary Shares", "M")


def test_remix_431_a_nature_number_in_a_cell_past_the_natures_first() -> None:
    """pymupdf4llm's layout mode, remix seed 431 (scored before it was opened): ``|Class A<br>|
    ... |I|By imme<br>|diate family<br>|`` and below it ``|Common Stoc|k| ... |member|1|``, the
    title's and the nature's rest (``By immediate family member 1``), had been read as a
    further row holding 1 share (a phantom). A digit or two in the nature's column, in any of
    the cells a border cut it into, is a word of the nature, not a balance."""
    f = _remix_md("layout_md_title_and_nature_rest_in_cells_a_border_cut.md")
    assert [r.line for r in f.non_derivative] == [9, 10, 11, 12, 13]
    assert f.non_derivative[4].security_title == "Class A Common Stock"
    assert all(r.shares_owned_following != 1 for r in f.non_derivative)


def test_remix_431_box_5s_other_label_torn_above_a_bold_title() -> None:
    """pymupdf4llm's layout mode, remix seed 431: ``**X** Officer (give title below)<br>Othe
    <br>**SVP, GC and Secretary**`` | ``r (specify below)``: Other's label torn by a border
    had been read into the title (``Othe SVP, GC and Secretary``). Its piece is no word of a
    title; the bold run below the label is."""
    f = _remix_md("layout_md_other_label_torn_above_a_bold_title.md")
    assert f.reporting_owners[0].officer_title == "SVP, GC and Secretary"


def test_remix_433_further_owners_names_beside_box_5s_torn_label() -> None:
    """pymupdf4llm's layout mode, remix seed 433: a further owner's box 1 cut into cells beside
    box 5's label (``**OTEE 2020 ApS**`` ... ``5.<br>(C`` | ``Relationship<br>heck all appli``
    | ``... to<br>cable)``) had read ``OTEE 2020 ApS (C heck all appli cable)``: the cell
    opening box 5's label ends box 1 on every line. And ``**SVF II Holdings (**`` | ``**DE)
    LLC**`` had read ``SVF II Holdings ( DE) LLC``: no space stands inside a name's
    brackets."""
    f = _remix_md("layout_md_further_owner_beside_a_torn_box5_label.md")
    assert "OTEE 2020 ApS" in [o.name for o in f.reporting_owners]
    f = _remix_md("layout_md_further_owner_name_cut_after_a_bracket.md")
    assert [o.name for o in f.reporting_owners] == [
        "Fund 1 Investments, LLC",
        "SVF II Holdings (DE) LLC",
        "SB Management Ltd",
    ]


def test_remix_439_a_further_owners_tick_in_a_cell_with_an_empty_last_line() -> None:
    """pymupdf4llm's layout mode, remix seed 439 (scored before it was opened): a further
    owner's box 5 as ``|**X**  <br>|10% Owner<br>Other (specify below)|``: the tick's cell
    ends in an empty line, which had put the label on a line of its own and the tick on the
    line above (another box's): 10% Owner read unticked. A cell's empty last lines hold
    nothing: the tick stands beside its label."""
    f = _remix_md("layout_md_further_owners_tick_in_a_cell_with_an_empty_line.md")
    assert len(f.reporting_owners) == 8
    assert all(o.is_ten_percent_owner for o in f.reporting_owners)


def test_remix_457_a_further_owners_name_in_bold_pieces_side_by_side() -> None:
    """pymupdf4llm's layout mode, remix seed 457: a further owner's name cut by two borders
    (``|<br>**Silver Bric**|<br>**k Managemen**|<br>**t PTE. LTD.**|``) had read ``Silver Bric
    k Managemen t PTE. LTD.``: bold runs side by side are one value's pieces, joined as the rest
    of the text writes the words (``Brick``, ``Management``), with a doubt."""
    f = _remix_md("layout_md_further_owner_name_in_bold_pieces_side_by_side.md")
    names = [o.name for o in f.reporting_owners]
    assert names.count("Silver Brick Management PTE. LTD.") == 2
    assert any(n.field == "reporting_owners[2].name" and "'Brick'" in n.message for n in f.notes)


def test_remix_467_a_further_owners_name_cut_between_two_digits() -> None:
    """pymupdf4llm's layout mode, remix seed 467 (scored at the session's end, before it was
    opened): ``|1. Name an<br>**OTEE 202**|d Address of<br>**0 ApS**|`` had read ``OTEE 202 0
    ApS``, with no doubt: a border between two digits may cut one number, so it is read as the
    rest of the text writes it (``OTEE 2020 ApS`` in the signature), with a doubt; where the text
    says neither, the name is left out, as a cut between letters is."""
    f = _remix_md("layout_md_further_owner_name_cut_between_digits.md")
    assert "OTEE 2020 ApS" in [o.name for o in f.reporting_owners]
    assert any(n.field.endswith(".name") and "'2020'" in n.message for n in f.notes)


def test_remix_487_a_further_owners_block_under_a_row_opening_on_an_empty_cell() -> None:
    """pymupdf4llm's layout mode of remix seed 487 (scored before it was opened): a row whose
    first cell is empty (``|||||Code<br>V|...``) above further owners' boxes cut into cells
    had crashed the reader (box 1's cells joined from none: the filing refused as a parser
    bug). Box 1 holds nothing on such a row; the filing is read, and the further owners whose
    names a border cut where the text does not say if a space stood are left out, said."""
    f = _remix_md("pml_layout_further_owners_row_opening_on_an_empty_cell.md")
    assert [o.name for o in f.reporting_owners] == ["SOFTBANK GROUP CORP."]
    assert (f.issuer.name, f.issuer.ticker) == ("Workday, Inc.", "WDAY")
    assert any("'COOK TI|MOTHY D'" in n.message for n in f.notes)


def test_the_only_row_under_captions_merged_into_it_is_read_not_dropped() -> None:
    """pymupdf4llm-layout of a remixed filing (seed 547): Table I's one row with the
    sub-captions' lines on top of its values (``|3)<br>Common<br>Stock(1)(2)|...|Code<br>V<br>
    J(5)|Amount<br>30,467,595,000|...|(Instr. 4)<br>I|...``). The row read as a row of captions
    (it holds ``(Instr. 4)``) and was dropped with no note: Table I came out empty. The
    captions' lines are taken off first; the form ``I`` under ``(Instr. 4)`` is kept."""
    f = _remix_md("layout_captions_on_top_of_the_only_row.md")
    (row,) = f.non_derivative
    assert (row.security_title, row.code, row.shares, row.acquired_disposed) == (
        "Common Stock",
        "J",
        Decimal("30467595000"),
        "A",
    )
    assert (row.shares_owned_following, row.ownership) == (Decimal("549400539000"), "I")
    assert row.nature_of_ownership == "SMB Pacific 2021 Charitable Remainder Unitrust I"


def test_a_first_row_whose_cells_open_on_caption_words_keeps_them() -> None:
    """pymupdf4llm of remix seed 683 (scored before it was opened): Table II's first row is
    ``|Share<br>Option<br>(right to<br>buy)|(2)|12/09/2024||C|...|See<br>Footnote(3)|``. Both
    ``Share`` and ``See`` are words of the form's captions (``per share``, ``See Instruction``),
    so two cells opening on a caption line read as sub-captions merged into the row, and were
    taken off: 'Option (right to buy)' and 'Footnote' (two wrong values). A word alone that
    opens a title or a nature is no sub-caption; the merged sub-captions are kept apart still
    (test above)."""
    text = (REMIX / "md_first_row_value_lines_read_as_sub_captions.md").read_text(encoding="utf-8")
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    row = f.derivative[0]
    assert row.security_title == "Share Option (right to buy)"
    assert row.nature_of_ownership == "See Footnote"
    assert (row.code, row.shares, row.price) == ("C", 6289929871, Decimal("132.7698"))


def test_an_owner_name_a_border_cut_after_its_hyphen_joins_without_a_space() -> None:
    """pymupdf4llm's layout mode of remix seed 683 (scored before it was opened): box 1's bold
    name cut by a cell border right after its hyphen, ``**Fernandez-**`` | ``**Garcia Ana**``,
    was joined with a space ('Fernandez- Garcia Ana', a wrong value). No one types a space
    after a hyphen inside a name: the pieces join as written."""
    text = (REMIX / "layout_md_owner_name_cut_after_its_hyphen.md").read_text(encoding="utf-8")
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    assert f.reporting_owners[0].name == "Fernandez-Garcia Ana"
    assert f.reporting_owners[0].is_director is True


def test_table_two_caption_printed_across_table_one_last_row_is_taken_off() -> None:
    """pymupdf4llm's layout mode of remix seed 683 (scored before it was opened): Table I's
    last row, a holding, with Table II's bold caption cut across its cells
    (``|INNSUITES<br>HOSPITALI<br>|TY REIT<br>|||**Table II - D**<br>**(e**<br>|...|21,16<br>
    **, or Benef**<br>...|9,379,000<br>**icially Owned**<br>...||D<br>|``). Read with the
    caption, its ``D`` was the row's code and the balance 9,379,000 (a row of no title the
    scorer could not pair: a phantom). The caption's bold lines go; the balance cut by a border
    is joined (21,169,379,000, with a repair note) and the row is a holding."""
    text = (REMIX / "layout_md_table_two_caption_across_the_last_row.md").read_text(
        encoding="utf-8"
    )
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    row = f.non_derivative[-1]
    assert (row.kind, row.code, row.ownership) == ("holding", None, "D")
    assert row.shares_owned_following == Decimal("21169379000")
    assert len(f.non_derivative) == 19 and len(f.derivative) == 1
    assert any(
        n.field == "non_derivative[18].shares_owned_following" and n.kind == "repair"
        for n in f.notes
    )


def test_a_one_row_table_printed_inside_its_captions_cells_is_read() -> None:
    """pymupdf4llm's layout mode of remix seed 691 (scored before it was opened): Table I of one
    row printed with its captions in the same cells (``|1. Title of Security (Instr.<br>3)<br>
    Class A Common<br>Stock, $0.01 par<br>value(1)(2)|2. Transaction Date<br>(Month/Day/Year)
    <br>04/15/2026(3)|...|ired (A) or Disposed Of (D)<br>(A) or<br>(D)<br>Price<br>A<br>
    $2,604.73(4)|...``): read as a row of captions, the row was missed (9 fields). The caption
    lines come off each cell's top (the bracket the next line closes, a caption a border cut in
    a word too), and the lines under them are the row."""
    text = (REMIX / "layout_md_one_row_table_inside_its_captions.md").read_text(encoding="utf-8")
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    (row,) = f.non_derivative
    assert (row.security_title, row.transaction_date, row.code) == (
        "Class A Common Stock, $0.01 par value",
        dt.date(2026, 4, 15),
        "J",
    )
    assert (row.shares, row.acquired_disposed, row.price) == (
        422978062,
        "A",
        Decimal("2604.73"),
    )
    assert (row.shares_owned_following, row.ownership, row.nature_of_ownership) == (
        7565185069,
        "I",
        "See footnote",
    )


def test_captions_torn_across_cells_with_no_values_under_them_are_no_row() -> None:
    """The other side (a synthetic filing, pymupdf4llm's layout mode): a row of captions a
    border tore (``2A. Deemed Exec<br>any (Month/Day/`` | ``ution Date, if<br>Year)``) holds
    words under its captions but no date or amount: no row (read as one, its pieces had gone
    into the next row's title: 'ear 2A. Dee any (Month/Day/Year) Common Stock')."""
    text = (REMIX / "layout_md_captions_torn_across_cells_no_values.md").read_text(encoding="utf-8")
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    assert f.non_derivative[0].security_title == "Common Stock"
