"""A table a converter printed column by column, one cell a paragraph (markitdown): rebuilt row
by row where every column lines up, else left out with a doubt -- never read line by line, where
each cell would become a phantom row or a title word a row's title."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from parsers import Filing, parse_bytes, parse_file
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


PIPE_CAPTIONS = (
    "|     |     |     | Code | V Amount (A) or | Price |     |     |     |     |\n"
    "| --- | --- | --- | ---- | --------------- | ----- | --- | --- | --- | --- |"
)


def test_a_cell_holding_two_columns_shifts_the_rest_so_positions_say_nothing() -> None:
    # markitdown merged the amount and its (D) into one cell and printed the price below the
    # row: by the Form 5 layout's positions (ten cells) the balance would sit in the price's
    f = _parse(
        PIPE_CAPTIONS + "\n"
        "| Class A | 10/02/2015 |     | S   | 532 D |     | 16,138 |     | D   |     |\n"
        "| ------- | ---------- | --- | --- | ----- | --- | ------ | --- | --- | --- |\n"
        "$634.4608(2)"
    )
    (row,) = f.non_derivative
    assert (row.code, str(row.shares), row.acquired_disposed) == ("S", "532", "D")
    assert row.price is None or str(row.price) == "634.4608"
    assert str(row.shares_owned_following) == "16138"


def test_a_plain_count_in_the_price_cell_with_no_balance_is_no_price() -> None:
    # twelve cells, the last filled one the tenth: the Form 5 layout's positions put the
    # balance in the price's cell (the price was pushed onto a row of its own below)
    f = _parse(
        PIPE_CAPTIONS + "\n"
        "| Common Stock | 09/15/2021 |  | S | 68,754 | D | 28,338,196 |  |  | I |  |  |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "|  |  |  |  |  | $131.2422(7) |  |  |  |  | See Footnote(2) |  |"
    )
    row = f.non_derivative[0]
    assert row.price is None or str(row.price) == "131.2422"
    assert str(row.shares_owned_following) == "28338196"


def test_the_v_caption_after_a_paragraph_headed_by_code_is_no_cell() -> None:
    f = _parse(
        "Common Stock 05/04/2022", "Common Stock 05/04/2022", "Code\nM(1)\nF(2)", "V", "Amount",
        "(A) or (D) Price", "1,500", "540", "A", "D", "$0", "$29.4836", "62,268", "61,728",
        "D", "D",
    )  # fmt: skip
    rows = [
        (r.code, str(r.shares), r.acquired_disposed, str(r.price), str(r.shares_owned_following))
        for r in f.non_derivative
    ]
    assert rows == [("M", "1500", "A", "0", "62268"), ("F", "540", "D", "29.4836", "61728")]


def test_rows_printed_a_paragraph_each_are_rows_not_a_dump() -> None:
    # a paragraph holding a title and a row's worth of values (a date, a code, amounts) is a
    # row: read as one cell of a dump, its values went into the nature of ownership
    f = _parse(
        "Common Stock 05/04/2022 S 1,000 D $10.00 9,000 D",
        "Common Stock 05/04/2022 S 2,000 D $11.00 7,000 D",
    )
    rows = [(r.code, str(r.shares), r.nature_of_ownership) for r in f.non_derivative]
    assert rows == [("S", "1000", None), ("S", "2000", None)]


def test_a_dump_of_transactions_and_holdings_is_rebuilt_by_the_dates_beside_the_titles() -> None:
    # two transactions (their titles carry their date) and a holding; Table I's own numbered
    # captions 5 to 7 printed among the values; one nature, for the one row owned indirectly
    f = _parse(
        "Common Stock 12/17/2015", "Common Stock 12/17/2015", "Common Stock", "Code\nM(1)\nF(2)",
        "V", "Amount", "(A) or (D) Price", "1,250", "400", "A", "D", "$0", "$148.849",
        "5. Amount of Securities Beneficially Owned\nFollowing Reported Transaction(s)",
        "6. Ownership Form: Direct\n(D) or Indirect (I) (Instr. 4)",
        "7. Nature of Indirect\nBeneficial Ownership (Instr.\n4)",
        "39,476", "39,076", "2,600", "D", "D", "I", "By Trust(5)",
    )  # fmt: skip
    rows = [
        (r.code, r.shares, r.acquired_disposed, r.price, r.shares_owned_following, r.ownership,
         r.nature_of_ownership)
        for r in f.non_derivative
    ]  # fmt: skip
    assert [tuple(None if v is None else str(v) for v in r) for r in rows] == [
        ("M", "1250", "A", "0", "39476", "D", None),
        ("F", "400", "D", "148.849", "39076", "D", None),
        (None, None, None, None, "2600", "I", "By Trust"),
    ]
    assert any("owned indirectly" in m for m in _table_doubts(f))


def test_holdings_with_fewer_natures_than_indirect_rows_are_left_out() -> None:
    # two rows owned indirectly, one nature: whose is it?
    f = _parse("Common Stock", "Common Stock", "36,000", "5,100", "I", "I", "By Trust(1)")
    assert f.non_derivative == []
    assert any("column by column" in m for m in _table_doubts(f))


def test_transactions_and_holdings_whose_prices_do_not_line_up_are_left_out() -> None:
    # one transaction's price is empty: the price column has fewer cells than transactions
    f = _parse(
        "Common Stock 12/17/2015", "Common Stock 12/17/2015", "Common Stock", "Code\nM\nF",
        "1,250", "400", "A", "D", "$148.849", "39,476", "39,076", "2,600", "D", "D", "D",
    )  # fmt: skip
    assert f.non_derivative == []
    assert any("column by column" in m for m in _table_doubts(f))


def _parse_table2(text: str) -> Filing:
    tail = TAIL.split("\n\n", 1)[1]  # the footnotes and signature after the Table II landmark
    t2 = "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n"
    full = HEAD + t2 + text + "\n\n" + tail
    return parse_text(full, path="pipe.md", sha256="0" * 64, limits=Limits())


def test_a_marker_beside_the_one_window_date_in_a_merged_cell_says_which_date_it_is() -> None:
    # markitdown merged the date exercisable (only a footnote marker) and the expiration date
    # into one cell: the marker set apart before the date is the date exercisable
    caption = (
        "|  |  |  |  | Code V | (A) (D) | Date Expiration | Title | Amount or |  |  |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
    )
    f = _parse_table2(
        caption + "| Stock Option | $139.08 |  |  |  | (5) 10/14/2025 | Common Stock | 7,000 "
        "| 7,000 | D |  |"
    )
    (row,) = f.derivative
    assert row.date_exercisable is None
    assert str(row.expiration_date) == "2025-10-14"
    after = _parse_table2(
        caption + "| Stock Option | $139.08 |  |  |  | 10/14/2025 (5) | Common Stock | 7,000 "
        "| 7,000 | D |  |"
    )
    assert str(after.derivative[0].date_exercisable) == "2025-10-14"
    assert after.derivative[0].expiration_date is None


def test_a_code_letter_under_the_code_caption_is_a_value_though_s_is_a_caption_word() -> None:
    # "S" is one of the captions' words ("Transaction(s)"), "V" the V column's caption
    f = _parse(
        "Common Stock 11/03/2015", "Common Stock 11/03/2015", "Code\nS(1)\nS", "V", "Amount",
        "(A) or (D) Price", "1,258", "3,142", "D", "D", "$85.0021(2)", "$85.9839(3)", "37,590",
        "34,448", "D", "D",
    )  # fmt: skip
    assert [(r.code, str(r.shares)) for r in f.non_derivative] == [("S", "1258"), ("S", "3142")]


def test_words_below_a_markdown_row_owned_indirectly_with_no_nature_may_be_its_nature() -> None:
    # the holding's nature cell is empty on its line and 'By Trust(5)' stands below the row:
    # it may continue the title or be the nature; the title the filing prints elsewhere
    # ('Common Stock') settles the cut, with a doubt
    f = _parse(
        "|  |  |  | Code V | Amount (A) or (D) | Price |  |  |  |  |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "| Common Stock | 01/18/2017 |  | M(1) | 1,350 A | $0 | 51,753 |  | D |  |\n"
        "| Common Stock |  |  |  |  |  | 2,800 |  | I |  |\n"
        "By Trust(5)"
    )
    held = f.non_derivative[-1]
    assert (held.security_title, held.nature_of_ownership) in (
        ("Common Stock", "By Trust"),
        (None, None),
    )
    assert held.security_title != "Common Stock By Trust"


def test_a_code_and_price_pushed_onto_a_row_of_cells_of_their_own_are_the_rows_above() -> None:
    # markdown put a row's code and price (their footnote markers raised them) on a row of
    # cells of their own, right under the row that lacks exactly them
    f = _parse(
        "|  |  |  | Code | V Amount | (A) or (D) | Price |  |  |  |  |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "| Common Stock | 09/02/2015 |  | S(1) | 616 | D | $95.4499(3) | 21,549 |  | D |  |\n"
        "| Common Stock | 09/02/2015 |  |  | 1,387 | D |  | 20,162 |  | D |  |\n"
        "|  |  |  | S(1) |  |  | $96.6953(4) |  |  |  |  |\n"
        "| Common Stock | 09/02/2015 |  | S(1) | 462 | D | $97.3879(5) | 19,700 |  | D |  |"
    )
    rows = [(r.code, str(r.shares), str(r.price)) for r in f.non_derivative]
    assert rows == [("S", "616", "95.4499"), ("S", "1387", "96.6953"), ("S", "462", "97.3879")]
    assert not any("without a transaction code" in n.message for n in f.notes)


def test_a_par_value_in_a_wrapped_underlying_title_is_words_not_a_row() -> None:
    # 'Common Stock, par value $0.001' wrapped under a plain row beside a wrapped title: the
    # lone '$0.001' line under '... value' is the title's rest, not a row of its own
    f = _parse_table2(
        "Restricted $3.14 12/08/2025 A 100,000 (3) 01/01/2032 Common 100,000 $0 75,000 D\n"
        "Stock Units Stock, par\n(RSU) value\n$0.001"
    )
    (row,) = f.derivative
    assert row.underlying_title in (None, "Common Stock, par value $0.001")
    assert row.security_title in (None, "Restricted Stock Units (RSU)")

    # under a row of cells, past markdown's rule (markitdown's own rows): '$0.001' alone under
    # a cell ending in 'value', or 'value $0.001' in one cell
    def cells(title: str, underlying: str) -> str:
        return f"| {title} |  |  |  |  | {underlying} |  |  |  |\n"

    for rest in (
        cells("Preferred", "value") + cells("Stock", "$0.001"),
        cells("Preferred", "value $0.001") + cells("Stock", ""),
    ):
        f = _parse_table2(
            "Series B $0.00 04/13/2022 C 13,888 (28) (29) Common 13,888 $0.00 18,509,696 D\n"
            + cells("Convertible", "Stock, par")
            + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
            + rest
        )
        (row,) = f.derivative
        assert row.underlying_title in (None, "Common Stock, par value $0.001")
        assert row.security_title in (None, "Series B Convertible Preferred Stock")


def test_words_near_titles_left_empty_are_dropped_with_them_not_given_to_the_nature() -> None:
    # the titles wrap over pipe rows and plain lines the reader cannot cut for sure, so both
    # are left empty; 'Stock Option' and 'Shares' under them are no nature of ownership
    e = "|  |  |  |  |"
    f = _parse_table2(
        f"| Incentive | $3.95 |  |  |  | 05/14/2021 | Ordinary 25,087 |  | 25,087 | D {e[:-3]}\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "(1)\n"
        f"| Stock Option |  |  |  |  |  | Shares |  |  {e}\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "(Right to Buy\nCommon\nStock)"
    )
    (row,) = f.derivative
    assert row.nature_of_ownership is None
    assert row.security_title in (None, "Incentive Stock Option (Right to Buy Common Stock)")


def test_a_lone_par_value_line_under_a_row_of_cells_ending_in_value_is_words() -> None:
    e = "|  |  |  |"
    f = _parse_table2(
        "| Performance |  | 12/09/2024 |  | C |  |  | Common | $0 | 137,545 | I "
        f"| By SVF II {e[:-3]}\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        f"| Restricted |  |  |  |  |  |  | Stock, par |  |  |  | Beaver (DE) {e[:-3]}\n"
        f"| Stock Units |  |  |  |  |  |  | value |  |  |  | LLC(3) {e[:-3]}\n"
        "$0.001"
    )
    (row,) = f.derivative  # no row 'Restricted Stock Units' of its own
    assert row.security_title in (None, "Performance Restricted Stock Units")
    assert row.underlying_title in (None, "Common Stock, par value $0.001")


def test_a_one_row_table2_dump_with_its_underlying_title_after_the_numbers_is_left_out() -> None:
    # the only other text cell is the underlying title (a Table II row always names one),
    # printed after the balance and the ownership: read in that order it would be the nature
    f = _parse_table2(
        "(4)\n\nNon-Qualified Stock Option (right to buy)\n\n08/24/2019\n\nM\n\n560,000\n\n"
        "(11)\n\n(11)\n\n560,000.0\n\n(4)\n\n1,820,000\n\nD\n\nClass A\nCommon\nStock"
    )
    assert all(r.nature_of_ownership != "Class A Common Stock" for r in f.derivative)
    assert f.derivative == [] or f.derivative[0].nature_of_ownership is None


def test_a_caption_word_under_a_titles_words_in_a_dump_leaves_the_dump_out() -> None:
    # 'Shares' is a caption's word ('Amount or Number of Shares') and the underlying title's
    # last word: dropped as a caption, the title would read 'Ordinary'
    f = _parse_table2(
        "Performance Restricted Stock Units\n\n(1)\n\n10/15/2020\n\nA\n\n196.356\n\n(1)\n\n(1)"
        "\n\nOrdinary\nShares\n\n196.356\n\n$222.81\n\n12,629.042\n\nD"
    )
    assert all(r.underlying_title != "Ordinary" for r in f.derivative)


def test_natures_one_under_the_other_in_one_paragraph_are_each_rows() -> None:
    # markitdown printed the two natures as one paragraph; each closes on its marker and opens
    # on 'By', so each is a row's nature (the rows owned indirectly), with a doubt
    f = _parse(
        "Common Stock", "Common Stock", "05/04/2022", "05/04/2022", "Code", "S", "S",
        "1,000", "2,000", "D", "D", "$10.00", "$11.00", "9,000", "7,000", "I", "I",
        "By Trust(1)\nBy Spouse(2)",
    )  # fmt: skip
    rows = [(r.shares_owned_following, r.nature_of_ownership) for r in f.non_derivative]
    assert [(str(b), n) for b, n in rows] == [("9000", "By Trust"), ("7000", "By Spouse")]
    assert any("opens on the word" in m for m in _table_doubts(f))


def test_a_nature_after_one_closed_by_its_marker_is_the_next_rows_even_where_it_wraps() -> None:
    """markitdown of remix seed 479 (scored before it was opened): ``See Footnote(1)`` over
    ``SMB Pacific 2021`` / ``Charitable Remainder`` / ``Unitrust II(1)``, two natures in one
    paragraph, had been read as one cell, so the dump's rows were left out (8 fields missed).
    A cell the form closed with its marker is whole: the line after it opens the next."""
    f = _parse(
        "Common Stock", "Common Shares,\nno par value", "03/08/2023", "03/08/2023", "M", "M",
        "36,750", "36,750", "A", "A", "$43.93", "2,877,397,782", "$7.2956", "2,877,434,532",
        "I", "I", "See Footnote(1)\nSMB Pacific 2021\nCharitable Remainder\nUnitrust II(1)",
    )  # fmt: skip
    rows = [(r.security_title, str(r.shares_owned_following), r.nature_of_ownership)
            for r in f.non_derivative]  # fmt: skip
    assert rows == [
        ("Common Stock", "2877397782", "See Footnote"),
        (
            "Common Shares, no par value",
            "2877434532",
            "SMB Pacific 2021 Charitable Remainder Unitrust II",
        ),
    ]
    assert any("closes on none" in m for m in _table_doubts(f))


def test_a_nature_wrapped_after_its_marker_is_one_cell() -> None:
    # the second line opens on another word: the first cell's wrapped words, not a second
    # nature, so the one nature for two indirect rows is no rebuild
    f = _parse(
        "Common Stock", "Common Stock", "05/04/2022", "05/04/2022", "Code", "S", "S",
        "1,000", "2,000", "D", "D", "$10.00", "$11.00", "9,000", "7,000", "I", "I",
        "By Trust(1)\nfor children(2)",
    )  # fmt: skip
    assert f.non_derivative == []
    assert any("column by column" in m for m in _table_doubts(f))


_SCRAMBLED = (
    "Common Stock 05/04/2022", "Common Stock 05/04/2022", "Common Stock 05/05/2022",
    "Code", "M", "S", "S", "10,000(2) A", "D", "2,000", "3,000", "D", "(1)", "12,000",
    "$10.00", "10,000", "$11.00",
)  # fmt: skip


def test_a_dump_out_of_row_order_is_rebuilt_where_the_balances_chain() -> None:
    # markitdown printed row 2's (A)/(D) before its amount and the balances among the prices:
    # no column lines up, but each balance is the previous one less the row's amount, and no
    # other reading of the numbers and letters does that
    f = _parse(*_SCRAMBLED, "7,000", "D", "D", "D")
    rows = [
        (r.transaction_date.isoformat() if r.transaction_date else None, r.code, str(r.shares),
         r.acquired_disposed, str(r.price), str(r.shares_owned_following), r.ownership)
        for r in f.non_derivative
    ]  # fmt: skip
    assert rows == [
        ("2022-05-04", "M", "10000", "A", "None", "12000", "D"),
        ("2022-05-04", "S", "2000", "D", "10.00", "10000", "D"),
        ("2022-05-05", "S", "3000", "D", "11.00", "7000", "D"),
    ]
    assert f.non_derivative[0].footnotes == {"shares": ["F2"], "price": ["F1"]}
    assert any("previous + acquired - disposed" in m for m in _table_doubts(f))


def test_a_dump_out_of_row_order_whose_balances_do_not_chain_is_left_out() -> None:
    f = _parse(*_SCRAMBLED, "7,500", "D", "D", "D")
    assert f.non_derivative == []
    assert any("do not line up" in m for m in _table_doubts(f))


def test_a_dump_out_of_row_order_of_two_securities_is_left_out() -> None:
    # balances of two securities do not follow each other: nothing checks the reading
    titles = ("Common Stock 05/04/2022", "Common Stock 05/04/2022", "Preferred Stock 05/05/2022")
    f = _parse(*titles, *_SCRAMBLED[3:], "7,000", "D", "D", "D")
    assert f.non_derivative == []


def test_words_after_the_last_plain_row_past_a_blank_line_leave_its_open_texts_empty() -> None:
    # markitdown: the row as a run of words, a blank line, then its wrapped title's rest; the
    # words were dropped and the row read 'Stock' and 'Common', both cut
    row = "Stock $0.41 05/11/2023 A 143,848 05/11/2024 (4) Common 143,848 $0 143,848 D"
    f = _parse_table2(row + "\n\nOption Stock\n(Right to\nBuy)")
    (r,) = f.derivative
    assert (r.security_title, r.underlying_title) == (None, None)
    assert str(r.shares) == "143848"
    doubts = [n.message for n in f.notes if n.kind == "doubt" and n.table == "derivative"]
    assert sum("past a blank line" in m for m in doubts) == 2
    whole = _parse_table2(row.replace("Stock $0.41", "Stock Option $0.41").replace(
        "Common 143", "Common Stock 143"))  # fmt: skip
    assert whole.derivative[0].security_title == "Stock Option"


def test_table1_captions_and_cells_above_its_title_are_read_as_the_table() -> None:
    # markitdown printed Table I's captions and its one row before the table's title line
    head, captions = HEAD.split("Table I - Non-Derivative Securities Acquired, Disposed of, or "
                                "Beneficially Owned\n\n")  # fmt: skip
    title = "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n"
    captions = captions.replace("1. Title of Security", "1. Title of\nSecurity")  # as printed
    text = head + captions + "Common Stock\n\n7,400\n\nD\n\n" + title + TAIL
    f = parse_text(text, path="above.md", sha256="0" * 64, limits=Limits())
    (row,) = f.non_derivative
    assert (row.security_title, str(row.shares_owned_following), row.ownership) == (
        "Common Stock", "7400", "D",
    )  # fmt: skip
    assert any("printed above its title" in m for m in _table_doubts(f))
    # with rows below its title, nothing above it is read as the table
    below = head + captions + "Common Stock\n\n7,400\n\nD\n\n" + title + "Common Stock 1,000 D\n\n"
    g = parse_text(below + TAIL, path="below.md", sha256="0" * 64, limits=Limits())
    assert [str(r.shares_owned_following) for r in g.non_derivative] == ["1000"]


def test_a_one_row_dump_whose_cells_leave_the_forms_order_is_left_out() -> None:
    # the side's 'D' printed before the code, or the price before the amount: read in the
    # order printed, a letter or a price would land in another column; the form's order of
    # columns by kind of value says the dump did not keep it
    base = ["Common Stock 05/04/2022", "S", "1,000", "D", "$10.00", "9,000", "D"]
    f = _parse(*base)
    assert [str(r.shares) for r in f.non_derivative] == ["1000"]
    for i, j in ((1, 3), (2, 4)):
        cells = list(base)
        cells[i], cells[j] = cells[j], cells[i]
        g = _parse(*cells)
        assert g.non_derivative == [], cells
        assert any("column by column" in m for m in _table_doubts(g))


def test_a_nature_pushed_under_markdowns_rule_with_a_price_is_the_rows_above() -> None:
    # markitdown (springloading): the row's price and nature, raised by their footnote
    # markers, on a row of cells under the one-row table's rule: both are the row's (the
    # price, which the line alone cannot hold with no date or code, once merged)
    f = _parse(
        "| Common Stock | 09/15/2021 |  | S | 68,754 | D | 28,338,196 |  |  | I |  |  |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "|  |  |  |  |  | $131.2422(7) |  |  |  |  | See Footnote(2) |  |\n\n"
        "Common Stock 09/15/2021 S 23,696 D $132.0413(8) 28,314,500 I See Footnote(2)"
    )
    rows = [(str(r.shares), r.nature_of_ownership) for r in f.non_derivative]
    assert rows == [("68754", "See Footnote"), ("23696", "See Footnote")]
    first = [n.message for n in f.notes if n.table == "non_derivative" and n.row == 0]
    assert any("pushed under the row" in m for m in first)
    assert str(f.non_derivative[0].price) == "131.2422"
    assert any("read nature_of_ownership, price from line" in m for m in first)
    assert not any("left empty" in m for m in first)
    # under a holding (no date, no code) the price stays out, with its doubt
    g = _parse(
        "| Common Stock |  |  |  | | | 28,338,196 |  |  | I |  |  |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "|  |  |  |  |  | $131.2422(7) |  |  |  |  | See Footnote(2) |  |"
    )
    assert g.non_derivative[0].price is None
    assert any("131.2422" in n.message for n in g.notes)


def test_a_dump_out_of_row_order_of_indirect_rows_with_no_nature_is_left_out() -> None:
    # the rows are held indirectly, so each printed a nature; none is read as words: a nature
    # printed as its footnote marker alone ('(3)') was dealt to the prices, which then moved
    # up a row (row 1's '$10.00' read as row 0's, whose price cell was empty)
    cells = (
        "Common Stock 05/04/2022", "Common Stock 05/04/2022", "Common Stock 05/05/2022",
        "Code", "M", "S", "S", "10,000(2) A", "D", "2,000", "3,000", "D", "12,000",
        "$10.00", "10,000", "$11.00", "7,000", "I", "I", "I", "(3)",
    )  # fmt: skip
    f = _parse(*cells)
    assert f.non_derivative == []
    assert any("do not line up" in m for m in _table_doubts(f))


_PLAIN_T2_ROW = "Stock $0.41 05/11/2023 A 143,848 (4) Common 143,848 $0 143,848 D"


def test_a_lone_window_date_with_words_under_a_plain_row_is_no_row_of_its_own() -> None:
    # markitdown may print a row's last date and its wrapped title on lines of their own: the
    # words with the date are no row (no transaction, no holding), but may be the rest of the
    # row's open text cells, which are then left empty instead of read cut ('Stock', 'Common')
    f = _parse_table2(_PLAIN_T2_ROW + "\n05/11/2033\nOption Stock\n(Right to\nBuy)")
    (row,) = f.derivative
    assert (row.security_title, row.underlying_title) == (None, None)
    assert str(row.shares) == "143848"
    doubts = [n.message for n in f.notes if n.table == "derivative" and n.kind == "doubt"]
    assert any("not read as a row" in m for m in doubts)
    # past a blank line, after the date alone (no row of its own either), the same
    g = _parse_table2(_PLAIN_T2_ROW + "\n\n05/11/2033\n\nOption Stock\n(Right to\nBuy)")
    assert [(r.security_title, r.underlying_title) for r in g.derivative] == [(None, None)]


def test_a_dump_out_of_row_order_with_a_lone_marker_after_every_price_is_left_out() -> None:
    # a direct row's nature printed as its footnote marker alone ('(3)'), and a price cell
    # empty: counted among the prices the marker would move the prices up a row
    cells = (
        "Common Stock 05/04/2022", "Common Stock 05/04/2022", "Common Stock 05/05/2022",
        "Code", "M", "S", "S", "10,000(2) A", "D", "2,000", "3,000", "D", "12,000",
        "$10.00", "10,000", "$11.00", "7,000", "D", "D", "D", "(3)",
    )  # fmt: skip
    f = _parse(*cells)
    assert f.non_derivative == []
    assert any("do not line up" in m for m in _table_doubts(f))


def test_a_lone_date_with_words_under_a_plain_table1_row_is_no_row_of_its_own() -> None:
    # a Table I row as a run of words, a date pushed onto its own line, then the row's wrapped
    # words: read as a row they made a phantom ('Stock Trust', 05/06/2022) and cut the title
    f = _parse("Class A Common 05/04/2022 S 1,000 D $10.00 9,000 I By\n05/06/2022\nStock Trust(1)")
    (row,) = f.non_derivative
    assert (row.security_title, row.nature_of_ownership) == (None, None)
    assert (str(row.shares), str(row.shares_owned_following)) == ("1000", "9000")


REMIX = Path(__file__).parent / "fixtures" / "text" / "remix"


def test_a_dump_printed_by_blocks_of_rows_is_read_row_by_row() -> None:
    """pdfminer grouped the last row apart: rows 1-2's titles, their dates, then row 3's title
    and date; prices and balances by the same blocks. Each column's cells stay in row order,
    and every column has a cell in every row, so the reading is sure."""
    f = _parse(
        "Common Stock", "Class A Common Stock, $0.01 par value", "05/04/2022", "05/04/2022",
        "Ordinary Shares", "05/05/2022", "Code", "S", "S", "P", "1,000", "2,000", "500",
        "D", "D", "A", "$10.00", "$11.00", "9,000", "7,000", "$12.00", "7,500", "D", "D", "D",
    )  # fmt: skip
    rows = [
        (r.security_title, str(r.transaction_date), r.code, str(r.shares), r.acquired_disposed,
         str(r.price), str(r.shares_owned_following))
        for r in f.non_derivative
    ]  # fmt: skip
    assert rows == [
        ("Common Stock", "2022-05-04", "S", "1000", "D", "10.00", "9000"),
        ("Class A Common Stock, $0.01 par value", "2022-05-04", "S", "2000", "D", "11.00", "7000"),
        ("Ordinary Shares", "2022-05-05", "P", "500", "A", "12.00", "7500"),
    ]
    assert not _table_doubts(f)


def test_a_dump_by_blocks_short_of_a_cell_is_left_out() -> None:
    # the same blocks, with row 3's price empty (it prints nothing): no reading is sure
    f = _parse(
        "Common Stock", "Common Stock", "05/04/2022", "05/04/2022", "Ordinary Shares",
        "05/05/2022", "Code", "S", "S", "P", "1,000", "2,000", "500", "D", "D", "A",
        "$10.00", "$11.00", "9,000", "7,000", "7,500", "D", "D", "D",
    )  # fmt: skip
    assert f.non_derivative == []
    assert any("column by column" in m for m in _table_doubts(f))
    # blocks whose titles and dates do not pair up (two titles, one date) say no rows either
    g = _parse(
        "Common Stock", "Common Stock", "05/04/2022", "Ordinary Shares", "05/04/2022",
        "05/05/2022", "Code", "S", "S", "P", "1,000", "2,000", "500", "D", "D", "A",
        "$10.00", "$11.00", "9,000", "7,000", "$12.00", "7,500", "D", "D", "D",
    )  # fmt: skip
    assert g.non_derivative == []


def test_remixed_dumps_by_blocks_of_rows_are_read_row_by_row() -> None:
    """markitdown of remixed filings (seeds 101 and 103): ``Common Share`` / ``Common`` /
    ``INNSUITES HOSPITALITY REIT`` / three dates / ``Ordinary Shares`` / its date, then
    ``$0 $27.61 $27.61``, three balances, ``$0``, one balance; and a title printed with its
    date beside it among titles printed apart from theirs. Both had been left out whole."""
    f = parse_file(REMIX / "markitdown_dump_by_blocks_of_rows.md")
    assert [
        (r.security_title, r.code, r.shares, r.price, r.shares_owned_following)
        for r in f.non_derivative
    ] == [
        ("Common Share", "A", Decimal(10000), Decimal(0), Decimal(69064)),
        ("Common", "F", Decimal(2954), Decimal("27.61"), Decimal(66110)),
        ("INNSUITES HOSPITALITY REIT", "F", Decimal(1897), Decimal("27.61"), Decimal(64213)),
        ("Ordinary Shares", "A", Decimal(10000), Decimal(0), Decimal(74213)),
    ]
    g = parse_file(REMIX / "markitdown_dump_by_blocks_a_title_with_its_date.md")
    assert [r.security_title for r in g.non_derivative] == [
        "Class C Capital Stock",
        "Common Shares, no par value",
        "Class A Common Stock",
        "Common",
        "INNSUITES HOSPITALITY REIT",
    ]
    assert {r.transaction_date for r in g.non_derivative} == {dt.date(2025, 3, 15)}


def test_a_row_of_values_split_off_under_its_row_is_the_row_s() -> None:
    """markitdown of a remixed filing (seed 163) printed one Table II row as four rows of cells
    with no rule between: ``| Non-Qualifed | | 03/15/2025 | | M | 20,444 | | Class B 20,444 |
    | 306,656 | D | |``, then ``| | $0(3) | ... | (8) (5) | | $0(3) | ...|`` (the cells its
    raised markers pushed down), then the titles' rest (``Stock Option`` / ``Common``, ``(right
    to buy)`` / ``Stock``). The values row had opened a row of its own, titled by the lines
    below it (a phantom), and the row above kept its titles cut ('Non-Qualifed', 'Class B').
    Values with no title, date or code, in columns the row above left empty, are that row's:
    merged with a note, and the titles' rest is the row's."""
    path = (
        Path(__file__).parent
        / "fixtures/text/remix/md_values_row_split_between_a_row_and_its_wrapped_titles.md"
    )
    f = parse_bytes(path.read_bytes(), path.name)
    assert len(f.derivative) == 4
    row = f.derivative[3]
    assert row.security_title == "Non-Qualifed Stock Option (right to buy)"
    assert row.underlying_title == "Class B Common Stock"
    assert (row.exercise_price, row.price, row.underlying_shares) == (
        Decimal(0),
        Decimal(0),
        Decimal(20444),
    )
    assert any("pushed under the row" in n.message for n in f.notes if n.table == "derivative")


def test_a_row_s_wrapped_titles_and_pushed_values_on_one_line_are_the_row_s_rest() -> None:
    """The rendering above with the values row and the titles' next line on one row of cells,
    as markdown prints them where they share a line (``| Stock Option | $0(3) | ... | (8) (5) |
    Common | $0(3) | ...``; the seed-163 fixture so edited). That row states no transaction or
    holding (no date, code, amount, balance or ownership form): it had read as a row of its own
    titled 'Stock Option (right to buy)' (a phantom) and cut the row above's titles. It is the
    row's rest: words to its open text cells, values to its empty cells, with a doubt."""
    path = (
        Path(__file__).parent / "fixtures/text/remix/md_row_rest_and_pushed_values_on_one_line.md"
    )
    f = parse_bytes(path.read_bytes(), path.name)
    assert len(f.derivative) == 4
    row = f.derivative[3]
    assert row.security_title == "Non-Qualifed Stock Option (right to buy)"
    assert row.underlying_title == "Class B Common Stock"
    assert (row.exercise_price, row.price) == (Decimal(0), Decimal(0))
    for name in ("security_title", "underlying_title"):
        assert any(
            "read as the rest of this cell" in n.message
            for n in f.notes
            if n.field == f"derivative[3].{name}"
        )


def test_a_word_of_table_iis_captions_under_a_table_i_titles_words_is_the_titles() -> None:
    """markitdown of a remixed filing (seed 661): Table I printed column by column, its first
    title ``Ordinary`` / ``Shares`` in one paragraph. ``Shares`` is a caption's word (Table
    II's ``Amount or Number of Shares``), and was passed over as one: the title read
    ``Ordinary``. No caption of Table I holds it, so under a cell's words there it is the
    title's. In Table II the line may be either, and nothing is rebuilt."""
    f = _parse(
        "Ordinary\nShares", "Common\nStock", "05/04/2022", "05/04/2022", "Code", "S", "S",
        "1,000", "2,000", "D", "D", "$10.00", "$11.00", "9,000", "7,000", "D", "D",
    )  # fmt: skip
    assert [r.security_title for r in f.non_derivative] == ["Ordinary Shares", "Common Stock"]
    assert not _table_doubts(f)
    path = (
        Path(__file__).parent / "fixtures/text/remix/md_column_dump_title_word_read_as_caption.md"
    )
    g = parse_bytes(path.read_bytes(), path.name)
    assert [r.security_title for r in g.non_derivative] == ["Ordinary Shares", "Common Stock"]


FRESH = Path(__file__).parent / "fixtures" / "text" / "fresh"


def test_titles_closing_on_markers_one_under_another_are_rows_where_only_so_columns_line_up() -> (
    None
):
    # markitdown (remix seed 981, scored before it was opened): seven titles in one paragraph,
    # each closing on '(1)'; 'Common(1)' over 'Depositary Units(1)' had been read as one
    # cell's words (six titles for seven dates, codes, ...: the table was left out), and
    # 'Common Stock, par value $0.001(1)' closed on no marker (its amount a par value)
    f = parse_file(FRESH / "remix981_dump_titles_closing_on_markers_markitdown.md")
    rows = [(r.security_title, str(r.shares), str(r.price)) for r in f.non_derivative]
    assert rows == [
        ("Class A Common Stock", "9136000", "2568.02"),
        ("Class C Capital Stock", "5316000", "45.03"),
        ("Common Stock, par value $0.001", "4006000", "2581.3733"),
        ("Common Stock, par value $0.001", "900000", "2599.5213"),
        ("Common", "1550000", "0.00"),
        ("Depositary Units", "1800000", "202.64"),
        ("Class A Common Stock, $0.01 par value", "2292000", "6.67"),
    ]
    assert any("lined up row by row nowhere" in m for m in _table_doubts(f))


def test_titles_closing_on_markers_stay_one_cell_where_the_columns_line_up_so() -> None:
    # two titles' worth of lines closing on markers, but one row in every other column: the
    # lines are one title's words (read as before: no split where nothing asks for it)
    f = _parse(
        "Common Stock(1)\nSeries A(2)", "05/04/2022", "Code", "S", "1,000", "D", "$10.00",
        "9,000", "D",
    )  # fmt: skip
    assert [r.security_title for r in f.non_derivative] == ["Common Stock Series A"]


def test_a_dump_out_of_row_order_with_its_titles_then_its_dates_is_rebuilt_by_the_chain() -> None:
    # the same dump with the title column whole before the date column (each title closing
    # on a marker, one under another in one paragraph): the chain reads it the same way
    f = _parse(
        "Common Stock(3)\nCommon Stock(3)\nCommon Stock(3)", "05/04/2022", "05/04/2022",
        "05/05/2022", *_SCRAMBLED[3:], "7,000", "D", "D", "D",
    )  # fmt: skip
    rows = [
        (r.transaction_date.isoformat() if r.transaction_date else None, r.code, str(r.shares),
         r.acquired_disposed, str(r.price), str(r.shares_owned_following))
        for r in f.non_derivative
    ]  # fmt: skip
    assert rows == [
        ("2022-05-04", "M", "10000", "A", "None", "12000"),
        ("2022-05-04", "S", "2000", "D", "10.00", "10000"),
        ("2022-05-05", "S", "3000", "D", "11.00", "7000"),
    ]
    assert any("previous + acquired - disposed" in m for m in _table_doubts(f))


def test_fewer_dates_than_titles_make_the_first_rows_the_transactions() -> None:
    # markitdown (the work list's Form 5, form5.snow.xml): one date drawn above three titles,
    # then one code, amount, side and price, three balances and three ownership forms; the
    # natures printed past Table II's landmark. The form prints transactions before holdings:
    # row 1 is the gift, rows 2 and 3 holdings owned indirectly with no nature read (a note
    # says so); the table had been left out
    f = parse_file(FRESH / "worklist_form5_dump_one_date_three_titles_markitdown.md")
    rows = [
        (r.kind, r.transaction_date, r.code, r.shares, r.price, r.shares_owned_following,
         r.ownership, r.nature_of_ownership)
        for r in f.non_derivative
    ]  # fmt: skip
    assert rows == [
        ("transaction", dt.date(2021, 12, 23), "G", Decimal("61386"), Decimal("0"),
         Decimal("54666"), "D", None),
        ("holding", None, None, None, None, Decimal("151188"), "I", None),
        ("holding", None, None, None, None, Decimal("125737"), "I", None),
    ]  # fmt: skip
    doubts = _table_doubts(f)
    assert any("transactions before its holdings" in m for m in doubts)
    assert any("keep none" in m for m in doubts)


def test_fewer_dates_than_titles_but_more_codes_are_no_rebuild() -> None:
    # one date for three titles, but two codes and two amounts: the transactions are not the
    # first rows one date says; the table is left out, not guessed
    f = _parse(
        "05/04/2022", "Common Stock", "Common Stock", "Common Stock", "Code", "S", "S",
        "1,000", "2,000", "D", "D", "$10.00", "$11.00", "9,000", "7,000", "4,000", "D", "D", "D",
    )  # fmt: skip
    assert f.non_derivative == []
    assert any("do not line up" in m for m in _table_doubts(f))


def _t2_row(name: str) -> tuple[object, ...]:
    f = parse_file(FRESH / name)
    (r,) = f.derivative
    return (
        r.security_title, r.transaction_date, r.code, r.shares, r.acquired_disposed,
        r.underlying_title, r.underlying_shares, r.shares_owned_following, r.ownership,
    )  # fmt: skip


def test_a_table_two_row_drawn_with_its_title_last_is_read_by_the_title_naming_a_derivative() -> (
    None
):
    # markitdown (remix seed 981, scored before it was opened): '(1)' / '03/10/2025' / 'A' /
    # ... / 'Common Stock' / ... / 'D' / 'Tranche C Common Share Purchase Warrants': the row's
    # title drawn after its ownership form; 'Warrants' names the derivative. The row had been
    # left out; its side stays empty (the dump does not say which column the amount is in)
    assert _t2_row("remix981_t2_dump_title_drawn_last_markitdown.md") == (
        "Tranche C Common Share Purchase Warrants", dt.date(2025, 3, 10), "A",
        Decimal("1436162"), None, "Common Stock", Decimal("1436162"), Decimal("3833830"), "D",
    )  # fmt: skip
    f = parse_file(FRESH / "remix981_t2_dump_title_drawn_last_markitdown.md")
    assert f.derivative[0].footnotes["exercise_price"] == ["F1"]  # the '(1)' before any words
    assert any("names a derivative" in m or "named as a derivative" in m for m in _table_doubts(f))


def test_a_table_two_row_drawn_with_its_underlying_last_is_read_so_too() -> None:
    # remix seed 987: the same shape with the title where the underlying stands and the
    # underlying ('Class A Common Stock') drawn last: taking the last words for the title
    # gave 'Class A Common Stock' (wrong); the words name which is the derivative
    assert _t2_row("remix987_t2_dump_underlying_drawn_last_markitdown.md") == (
        "Call Option (obligation to sell)", dt.date(2019, 8, 24), "M", Decimal("560000000"),
        None, "Class A Common Stock", Decimal("560000000"), Decimal("1820000000"), "D",
    )  # fmt: skip


def test_a_table_two_row_drawn_out_of_order_whose_words_name_no_derivative_is_left_out() -> None:
    text = (FRESH / "remix987_t2_dump_underlying_drawn_last_markitdown.md").read_text()
    text = text.replace("Call Option\n(obligation\nto sell)", "Class B\nCommon\nStock")
    f = parse_bytes(text.encode(), path="dump.md")
    assert f.derivative == []
    assert any("do not line up" in m for m in _table_doubts(f))


def test_a_title_ending_on_a_captions_word_printed_whole_elsewhere_keeps_it() -> None:
    # remix seed 987: 'Ordinary' / 'Shares' under the title's words, Table II's caption
    # 'Amount or' / 'Number of' / 'Shares' printed whole as a paragraph of its own: the
    # 'Shares' under 'Ordinary' is the title's (the table had been left out, unsure)
    assert _t2_row("remix987_t2_dump_title_ending_on_a_captions_word_markitdown.md") == (
        "Restricted Stock Unit (RSU)", dt.date(2025, 3, 10), "A", Decimal("1436162"), None,
        "Ordinary Shares", Decimal("1436162"), Decimal("3833830"), "D",
    )  # fmt: skip


def test_rows_a_line_each_with_a_par_amount_alone_are_no_dump() -> None:
    # pdfplumber-text (remix seed 1027, --rows: a Form 4's Table I of holdings only): lines of
    # a title and values ('Class A Ordinary 8,589,418,387 D(5)'), wrapped words, and a par
    # value's amount alone ('$0.0001'): read as a dump's one row, the lines made one cell of
    # words and the table one transaction (code D, price 0.0001: four wrong values). Lines
    # that together hold a row's worth of values are rows, no cell
    f = parse_file(FRESH / "remix1027_holdings_with_a_par_amount_alone_pdfplumber_text.txt")
    rows = [(r.kind, r.security_title, r.shares_owned_following) for r in f.non_derivative]
    assert rows == [
        ("holding", "Common Stock, par value $0.01 per share", Decimal("8554473943")),
        ("holding", "Class A Ordinary Shares, par value $0.0001", Decimal("8589418387")),
        ("holding", "Class C Capital Stock", Decimal("9911473178")),
        ("holding", "Series A Common Stock", Decimal("11207930063")),
        ("holding", "Common Shares of Beneficial Interest", Decimal("14158393943")),
    ]


def test_a_table_two_row_whose_texts_are_no_derivative_and_share_class_is_left_out() -> None:
    # (review) an exchangeable share over partnership units, or partnership interests over
    # common units: neither text is a share class with the other naming a derivative, so
    # which is the title the words do not say ('Class A Limited Partnership Units' had been
    # read as the title, wrong)
    text = (FRESH / "remix987_t2_dump_underlying_drawn_last_markitdown.md").read_text()
    for title, underlying in (
        ("Exchangeable\nShares", "Class A Limited\nPartnership Units"),
        ("Partnership\nInterests", "Common\nUnits"),
    ):
        swapped = text.replace("Call Option\n(obligation\nto sell)", title)
        swapped = swapped.replace("Class A\nCommon\nStock", underlying)
        f = parse_bytes(swapped.encode(), path="dump.md")
        assert f.derivative == [], title


def test_fewer_dates_than_titles_with_no_price_column_is_no_crash() -> None:
    # (review) one date for two titles, and the price column printing only a marker: the
    # balances' run holds no price; zipping the transactions against none raised (a
    # ParserBug, the filing lost)
    f = _parse(
        "Common Stock", "Common Stock", "05/04/2022", "Code", "J(1)", "1,000", "A", "(2)",
        "9,000", "7,000", "D", "I", "By Trust",
    )  # fmt: skip
    rows = [(r.kind, r.code, r.shares, r.price, r.shares_owned_following, r.ownership,
             r.nature_of_ownership) for r in f.non_derivative]  # fmt: skip
    assert rows == [
        ("transaction", "J", Decimal("1000"), None, Decimal("9000"), "D", None),
        ("holding", None, None, None, Decimal("7000"), "I", "By Trust"),
    ]
    assert f.non_derivative[0].footnotes["price"] == ["F2"]
