"""Edges of pymupdf4llm's layout mode and pdfplumber's plain text that could read a value
wrong on a filing not seen yet: a caption row whose columns differ from the form's, words cut
by cell borders, run-together boxes. Each case is read exactly, or left empty with a doubt."""

from __future__ import annotations

from parsers import Filing
from parsers.limits import Limits
from parsers.text.read import parse_text

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
