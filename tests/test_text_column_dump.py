"""A table a converter printed column by column, one cell a paragraph (markitdown): rebuilt row
by row where every column lines up, else left out with a doubt -- never read line by line, where
each cell would become a phantom row or a title word a row's title."""

from __future__ import annotations

from parsers import Filing
from parsers.limits import Limits
from parsers.text.read import parse_text

HEAD = (
    "1. Name and Address of Reporting Person*\n\n"
    "Adams Katherine L.\n\n"
    "2. Issuer Name and Ticker or Trading Symbol\n\n"
    "Apple Inc. [ AAPL ]\n\n"
    "3. Date of Earliest Transaction (Month/Day/Year)\n\n"
    "05/04/2022\n\n"
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n"
    "1. Title of Security (Instr. 3)\n\n"
    "2. Transaction Date (Month/Day/Year)\n\n"
    "3. Transaction Code (Instr. 8)\n\n"
    "4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)\n\n"
    "5. Amount of Securities Beneficially Owned Following Reported Transaction(s)\n\n"
    "6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)\n\n"
    "7. Nature of Indirect Beneficial Ownership (Instr. 4)\n\n"
)
TAIL = (
    "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n"
    "Explanation of Responses:\n\n"
    "1. A weighted average price.\n\n"
    "/s/ Katherine L. Adams\n\n05/06/2022\n"
)


def _parse(*paragraphs: str) -> Filing:
    text = HEAD + "".join(p + "\n\n" for p in paragraphs) + TAIL
    return parse_text(text, path="dump.md", sha256="0" * 64, limits=Limits())


def _table_doubts(f: Filing) -> list[str]:
    return [n.message for n in f.notes if n.field == "tables" and n.kind == "doubt"]


def test_a_dump_whose_columns_line_up_is_read_row_by_row() -> None:
    f = _parse(
        "Common Stock", "Common Stock", "05/04/2022", "05/04/2022", "Code", "S", "S",
        "1,000", "2,000", "D", "D", "$10.00", "$11.00", "9,000", "7,000", "D", "D",
    )  # fmt: skip
    rows = [(r.code, r.shares, r.price, r.shares_owned_following) for r in f.non_derivative]
    assert [(c, str(s), str(p), str(b)) for c, s, p, b in rows] == [
        ("S", "1000", "10.00", "9000"),
        ("S", "2000", "11.00", "7000"),
    ]
    assert not _table_doubts(f)


def test_a_dump_with_a_column_short_of_cells_is_left_out_with_a_doubt() -> None:
    # the second row's price cell is empty, so it printed nothing: which row lacks it?
    f = _parse(
        "Common Stock", "Common Stock", "05/04/2022", "05/04/2022", "Code", "S", "S",
        "1,000", "2,000", "D", "D", "$10.00", "9,000", "7,000", "D", "D",
    )  # fmt: skip
    assert f.non_derivative == []
    assert any("column by column" in m for m in _table_doubts(f))


def test_a_row_a_line_is_no_dump() -> None:
    f = _parse(
        "Common Stock 05/04/2022 S 1,000 D $10.00 9,000 D\n"
        "Common Stock 05/04/2022 S 2,000 D $11.00 7,000 D"
    )
    assert [str(r.shares) for r in f.non_derivative] == ["1000", "2000"]
    assert not _table_doubts(f)
