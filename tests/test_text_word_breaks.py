"""Word breaks a converter moved (parsers.text.word_breaks): a pipe table's cell border through
a word (pymupdf4llm's layout mode: ``|Common Stoc|k 07/07/2015|``, ``|See Foot|note|``) and a
space it lost (``ByTrust``). A cut is read by the rest of the text, with a doubt; where the text
does not say, the cell is left empty with a doubt."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from parsers import Filing
from parsers.limits import Limits
from parsers.text.read import parse_text
from parsers.text.word_breaks import Cut, found_words, may_be_cut, reading, unglue_by

HEAD = (
    "|1. Name and Address of Reporting Person<sup>*</sup><br>**Lindqvist Umar N**|"
    "2. Issuer Name and Ticker or Trading Symbol<br>**CORVEX ENERGY CORP [ CRVX ]**|\n"
    "|---|---|\n"
    "||3. Date of Earliest Transaction (Month/Day/Year)<br>**05/26/2016**|\n\n"
    "# **Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned**\n\n"
    "|1. Title of<br>Security (Instr. 3)|2. Transaction Date<br>(Month/Day/Year)|"
    "2A. Deemed Execution Date, if<br>any (Month/Day/Year)|3. Transaction<br>Code (Instr. 8)|"
    "4. Securities Acquired (A) or Disposed Of (D)|5. Amount of Securities Beneficially Owned|"
    "6. Ownership Form|7. Nature of Indirect<br>Beneficial Ownership (Instr.<br>|\n"
    "|---|---|---|---|---|---|---|---|---|---|\n"
    "||||Code<br>V|Amount|(A) or<br>(D)|Price|4)||4)|\n"
)
TAIL = (
    "\n\n## **Explanation of Responses:**\n\n"
    "1. The shares are held by the Lindqvist Family Trust.\n\n"
    "/s/ Umar N. Lindqvist 05/30/2016\n"
)


def _parse(*rows: str, notes: str = "") -> Filing:
    text = HEAD + "".join(r + "\n" for r in rows) + TAIL.replace("Trust.", f"Trust. {notes}")
    return parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())


def _doubts(f: Filing, field: str) -> list[str]:
    return [n.message for n in f.notes if n.field == field and n.kind == "doubt"]


def test_a_word_cut_by_a_cell_border_is_joined_where_the_text_has_it_whole() -> None:
    row = "|Common Stoc|k 05/26/2016|||M<sup>(1)</sup>|3,600|A|$119.69|13,683|D||"
    f = _parse(row, notes="2. Common Stock issued under the plan.")
    r = f.non_derivative[0]
    assert r.security_title == "Common Stock"
    assert (r.shares, r.acquired_disposed, r.shares_owned_following) == (3600, "A", 13683)
    assert any("'Stock'" in m for m in _doubts(f, "non_derivative[0].security_title"))


def test_a_cut_the_text_does_not_settle_leaves_the_cell_empty_with_a_doubt() -> None:
    # neither 'Schedule' nor 'Sched' is found elsewhere: one word or two is not shown
    row = "|Common Stock 05/26/2016||S|1,373|D|$123.46|12,310|I|See Sched|ule<sup>(1)</sup>|"
    f = _parse(row)
    r = f.non_derivative[0]
    assert r.nature_of_ownership is None
    assert r.shares == 1373 and r.ownership == "I"
    assert any("left empty" in m for m in _doubts(f, "non_derivative[0].nature_of_ownership"))
    # the text has both words elsewhere, and not one word: two words, with a doubt
    f = _parse(row, notes="2. A Sched of the plan; see ule.")
    assert f.non_derivative[0].nature_of_ownership == "See Sched ule"
    assert any("two words" in m for m in _doubts(f, "non_derivative[0].nature_of_ownership"))
    # the form's own words count as found: 'See Foot|note' is the nature's 'See Footnote'
    f = _parse(row.replace("Sched|ule", "Foot|note"))
    assert f.non_derivative[0].nature_of_ownership == "See Footnote"
    assert _doubts(f, "non_derivative[0].nature_of_ownership")


def test_a_lost_space_after_by_is_put_back_with_a_doubt() -> None:
    f = _parse(
        "|Common Stock|||||||8,100|I|ByTrust<sup>(1)</sup>|",
        "|Common Stock|||||||400|I|byLP|",
        "|Common Stock|||||||500|I|Bystander Trust|",
    )
    got = [r.nature_of_ownership for r in f.non_derivative]
    assert got == ["By Trust", "by LP", "Bystander Trust"]
    # lost and cut at once: 'ByTrus|t' is the glued 'Trus' cut, then 'By' glued
    f = _parse("|Common Stock|||||||8,100|I|ByTrus|t<sup>(1)</sup>|")
    assert f.non_derivative[0].nature_of_ownership == "By Trust"
    assert _doubts(f, "non_derivative[0].nature_of_ownership")
    assert not _doubts(f, "non_derivative[2].nature_of_ownership")


def test_which_borders_may_cut_a_word() -> None:
    assert may_be_cut("Stoc", "k", False)
    assert may_be_cut("Foot", "note", False)
    assert not may_be_cut("Class", "A", False)  # a capital after a small letter starts a word
    assert not may_be_cut("Stock", "Option", True)  # a footnote marker ends the left word
    assert not may_be_cut("Stock", "(right", False)
    words = found_words("|Common Stoc|k 07/07/2015|\n|Common<br>Stock|5,250|\nnote: the end")
    assert words["stock"] == 1 and words["stoc"] == 0 and words["k"] == 0
    assert words["common"] == 2 and words["note"] == 1
    assert reading(Cut("t", "Stoc", "k"), words) == "join"
    assert reading(Cut("t", "the", "end"), words) == "apart"
    assert reading(Cut("t", "Sched", "ule"), Counter()) is None
    assert reading(Cut("t", "SYSTEMS, I", "NC."), Counter()) == "join"  # a legal form
    assert reading(Cut("t", "PLP Fund", "s Master"), Counter(s=1)) is None  # no word "s"
    assert reading(Cut("t", "KEVIN C", "TANG"), Counter(c=1, tang=1)) == "apart"  # an initial
    # two lone capitals are a two-letter word's halves, not two initials
    assert reading(Cut("t", "Master Fund L", "P"), Counter(l=1, p=1, lp=1)) == "join"
    values: dict[str, object] = {"nature_of_ownership": "See Footnote"}
    assert unglue_by(values) == [] and values["nature_of_ownership"] == "See Footnote"


BOXES = (
    "|1. Name and A<br>**ICAHN CA**<br>(Last)|ddress of Reporting Person<br>**RL C**<br>(First)|"
    "<sup>*</sup><br>Middle)<br>2. Issuer Name and<br>**ICAHN ENTERP**|"
    "Ticker or Tradin<br>**RISES L.P. [ I**|g Symbol<br>**EP ]**|||5. Relationship of<br>"
    "(Check all applica<br>**X** Director|\n"
    "|---|---|---|---|---|---|---|---|\n"
    "|**C/O ICAHN ENTERPRISES**|3. Date of Earliest T<br>**06/29/2026**|ransaction (M|onth/Day|||"
    "**X** Officer (give<br>**CEO**|title below)|\n\n"
)
TABLE = HEAD[HEAD.index("# **Table I") :]
ROW = "|Common Stock|06/29/2026||P|1,000|A|$10.00|2,000|D||\n"


def _boxes(signature: str) -> Filing:
    text = BOXES + TABLE + ROW + TAIL.replace("/s/ Umar N. Lindqvist", signature)
    return parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())


def test_header_boxes_cut_into_cells_side_by_side_are_put_back_together() -> None:
    f = _boxes("/s/ Carl C. Icahn, for Icahn Enterprises")
    assert f.reporting_owners[0].name == "ICAHN CARL C"
    assert (f.issuer.name, f.issuer.ticker) == ("ICAHN ENTERPRISES L.P.", "IEP")
    assert f.period_of_report is not None and f.period_of_report.isoformat() == "2026-06-29"
    assert f.non_derivative[0].shares == 1000


def test_a_cut_header_value_the_text_does_not_settle_is_left_empty_with_a_doubt() -> None:
    # no 'Carl' nor 'Enterprises' elsewhere: the ticker is still sure (no space in a ticker)
    f = _boxes("/s/ C. Icahn")
    assert f.reporting_owners[0].name is None
    assert (f.issuer.name, f.issuer.ticker) == (None, "IEP")
    doubts = [n.message for n in f.notes if n.kind == "doubt"]
    assert any("'ICAHN CA|RL C'" in m for m in doubts)
    assert any("'ICAHN ENTERP|RISES L.P.'" in m for m in doubts)


def test_a_tick_or_a_second_caption_line_is_no_piece_of_the_box_before() -> None:
    from parsers.text.word_breaks import Words, mend_boxes

    words = Words("2. Issuer Name and Ticker or Trading Symbol")
    officer = ("3. Date of Earliest Transaction<br>**05/26/2016**", "**X** Officer<br>**CEO**")
    assert mend_boxes(officer, words) is None
    two_lines = ("2. Issuer Name<br>**ACME**", "and Ticker<br>(Street)<br>**HOUSTON TX**")
    assert mend_boxes(two_lines, words) is None
    whole = ("2. Issuer Name<br>**ACME CORP [**", "and Ticker or Trading Symbol<br>**AC ]**")
    assert mend_boxes(whole, words) == (
        "2. Issuer Name and Ticker or Trading Symbol<br>**ACME CORP [ AC ]**",
        "",
    )


def test_a_further_owners_box_cut_into_cells_below_the_tables_is_read() -> None:
    further = (
        "\n|1. Name an|d Address of Repo|rting Person<sup>*</sup>|||5<br>(|. Relationship o|\n"
        "|---|---|---|---|---|---|---|\n"
        "|**TANG CA**|**PITAL MANAG**|**EMENT LLC**|||(|Check all applic<br>|\n"
        "|(Last)||(First)|(Middle)|||Director|\n"
        "\n1. Shares held by Tang Capital Management, LLC.\n\n"
    )
    text = HEAD + ROW + further + TAIL
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    assert [o.name for o in f.reporting_owners] == [
        "Lindqvist Umar N",
        "TANG CAPITAL MANAGEMENT LLC",
    ]
    # with no 'Capital' nor 'Management' elsewhere, the cut name is not read at all
    text = text.replace("Tang Capital Management, LLC", "the manager")
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    assert [o.name for o in f.reporting_owners] == ["Lindqvist Umar N"]


def test_table_1s_last_row_on_the_line_of_table_2s_title_is_read() -> None:
    merged = (
        "|Common Stock|03/17/2025||**Tab**|S<sup>(1)</sup><br>**le II - Deriv**<br>**(e.g.,**|"
        "52,777<br>**ative Securitie**<br>**puts, calls**|D<br>$39<br>**s Acquired, Disposed o**|"
        "653,843<br>**f, or Beneficially Own**|**ed**|D||\n"
    )
    text = HEAD + ROW + merged + TAIL
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    assert len(f.non_derivative) == 2
    last = f.non_derivative[1]
    assert (last.code, last.shares, last.acquired_disposed) == ("S", 52777, "D")
    assert (last.price, last.shares_owned_following, last.ownership) == (39, 653843, "D")
    assert not f.derivative
    # the subtitle printed plain under a bold title is the title's, not the row's nature
    plain_subtitle = merged.replace("**(e.g.,**", "(e.g.,").replace(
        "**puts, calls**", "puts, calls"
    )
    plain_subtitle = plain_subtitle.replace("**ed**|D||", "**ed**<br>convertible securities)|D||")
    f = parse_text(
        HEAD + ROW + plain_subtitle + TAIL, path="x.md", sha256="0" * 64, limits=Limits()
    )
    last = f.non_derivative[1]
    assert (last.code, last.shares, last.ownership) == ("S", 52777, "D")
    assert last.nature_of_ownership is None
    assert not any("convertible" in n.message or "puts" in n.message for n in f.notes)
    # a holding whose balance a border cut as well (``51,|500``)
    holding = (
        "|Common Stock|||**Ta**|**ble II - Der**<br>**(e.g.**|**ivative Securities**|"
        "**Acquired, Disposed of,**|51,<br>**or Benefic**|500<br>**ially Owned**||D||\n"
    )
    f = parse_text(HEAD + holding + TAIL, path="x.md", sha256="0" * 64, limits=Limits())
    assert [(r.security_title, r.shares_owned_following) for r in f.non_derivative] == [
        ("Common Stock", 51500)
    ]


def test_a_date_a_cell_border_cut_in_its_year_is_joined() -> None:
    three = "|Common Stock|12/09/202|4||P|1,000|A|$10.00|2,000|D||"
    f = _parse(three)
    r = f.non_derivative[0]
    assert (r.security_title, r.transaction_date) == ("Common Stock", dt.date(2024, 12, 9))
    assert (r.code, r.shares) == ("P", 1000)
    notes = [n for n in f.notes if "joined date" in n.message]
    assert notes and notes[0].kind == "repair"  # a three-digit year is no year: sure
    two = "|Common Stock|09/30/20|21||P|1,000|A|$10.00|2,000|D||"
    f = _parse(two)
    assert f.non_derivative[0].transaction_date == dt.date(2021, 9, 30)
    assert any("joined date" in n.message and n.kind == "doubt" for n in f.notes)


def test_table_1s_title_cut_among_header_cells_with_a_date_between_is_found() -> None:
    # box 4's bold date stands between the title's first piece and the rest: the file was
    # refused ("no 'Table I - Non-Derivative Securities' found")
    cut_title = (
        "|(treet)<br>**SAN JOSE**<br>(City)|**CA 95110**<br>(State)<br>(Zi|p)<br> <br><br>**Ta**|"
        "4. If Amendmen<br>**11/09/2015**<br>**ble I - Non-D**|t, Date of Original<br>"
        "**erivative Securi**|Filed (Month/Day/Year)<br>**ties Acquired, Disposed**|"
        "**of, or Bene**|<br>**ficially O**|6. Individual or J<br>**wned**|\n"
    )
    top = HEAD[: HEAD.index("# **Table I")]
    captions = HEAD[HEAD.index("|1. Title of") :]
    text = top + cut_title + captions + ROW + TAIL
    f = parse_text(text, path="x.md", sha256="0" * 64, limits=Limits())
    assert [(r.security_title, r.shares) for r in f.non_derivative] == [("Common Stock", 1000)]
    assert f.reporting_owners[0].name == "Lindqvist Umar N"


def test_a_date_a_cell_border_cut_in_its_month_is_joined_unsure() -> None:
    """'|1|2/09/2016|': the lone 1 fits no column, and 2/09/2016 is a date of its own too."""
    f = _parse("|Common Stock|1|2/09/2016||P|1,000|A|$10.00|2,000|D||")
    r = f.non_derivative[0]
    assert (r.transaction_date, r.code, r.shares) == (dt.date(2016, 12, 9), "P", 1000)
    notes = [n for n in f.notes if "joined date" in n.message]
    assert (
        notes
        and notes[0].kind == "doubt"
        and notes[0].field == "non_derivative[0].transaction_date"
    )
    # cut twice, in its month and in its year: both joins, one after the other
    f = _parse("|Common Stock|1|2/09/20|16||P|1,000|A|$10.00|2,000|D||")
    assert f.non_derivative[0].transaction_date == dt.date(2016, 12, 9)
