"""A scan's junk glued to intact values and words (issue #12): read what the form's structure
makes sure, note how sure, and leave empty what only a column's place could tell.

The fixture text is laid out as tesseract prints a scanned Form 4 (``--psm 6``): every line
starts at the margin, words are spaced by estimate, the table's rules come out as ``|``, ``{``
or ``[`` glued to the values beside them, and a raised footnote marker as a bracket or letters
after its word."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import derivative_row_and_notes, row_and_notes

from parsers import Filing, parse_bytes
from parsers.text.debris import clean_words
from parsers.text.read import note_kind
from parsers.text.table_row import _letter_marker
from parsers.text.tokens import NUM, tokenize


def _one(word: str) -> tuple[object, list[str]]:
    toks = tokenize([word], [0])
    assert len(toks) == 1, toks
    return toks[0].value if toks[0].kind == NUM else toks[0].kind, toks[0].notes


@pytest.mark.parametrize(
    ("word", "value", "kind"),
    [
        # a rule before a group of three digits cannot be a 1 (``1560,000.0`` is no number)
        ("|560,000.0", Decimal("560000.0"), "repair"),
        ("|697,674", Decimal(697674), "repair"),
        # nor before a price's dollar sign
        ("]$2.15", Decimal("2.15"), "repair"),
        # before a shorter group it may be a 1 the scan read as a bar (160,000): unsure
        ("{60,000", Decimal(60000), "doubt"),
        ("[3,902", Decimal(3902), "doubt"),
        ("{550", Decimal(550), "doubt"),  # a small number after a brace: 1550?
        # a cell's closing rule and the next one's opening: sure before a group of three,
        # unsure before a shorter one (']|6,500' may be 116,500)
        ("]|697,674", Decimal(697674), "repair"),
        ("]|6,500", Decimal(6500), "doubt"),
        # after an amount: a rule, or a marker's bracket whose digits were lost (or a digit
        # glued after a point read as a comma): unsure
        ("628,553)", Decimal(628553), "doubt"),
        ("294,840]", Decimal(294840), "doubt"),
        # a price of one digit: a marker's digit glued to it would leave the $ no digit
        ("$0)", Decimal(0), "doubt"),
        ("|$0)", Decimal(0), "doubt"),
    ],
)
def test_a_rule_glued_to_a_value_is_read_and_said(word: str, value: Decimal, kind: str) -> None:
    got, notes = _one(word)
    assert got == value
    assert len(notes) == 1 and word in notes[0]
    assert note_kind(notes[0]) == kind


@pytest.mark.parametrize("word", ["23lo,111", "6,2l0,7l"])
def test_digits_grouped_by_a_comma_that_no_letter_mending_makes_a_number_are_no_word(
    word: str,
) -> None:
    """``23lo,111`` of ``2,315,111``: a balance whose digits the scan read as letters in a way
    that groups as no number. An unreadable value (empty, with a doubt), not a word: as one, it
    was read as the nature of ownership beside the balance it is."""
    (tok,) = tokenize([word], [0], chars=True)
    assert tok.kind == NUM and tok.value is None and tok.malformed


@pytest.mark.parametrize(
    ("word", "value"),
    [("$651.3112(!4)", Decimal("651.3112")), ("$2,589.9125%)", Decimal("2589.9125"))],
)
def test_a_price_before_a_marker_garbled_inside_its_brackets_is_read_unsure(
    word: str, value: Decimal
) -> None:
    """``$651.3112(!4)``: the marker's bracket ends the price, its digit read as a symbol;
    ``%)``: a percent sign the scan made of the raised bracket, before the closing one. It had
    been read as a word, glued to the text cell beside it."""
    got, notes = _one(word)
    assert got == value
    assert len(notes) == 1 and note_kind(notes[0]) == "doubt"
    assert _one("100%")[0] is None  # a percent sign with no bracket: no marker to part from


@pytest.mark.parametrize(
    ("word", "value"), [("$7.6956“)", Decimal("7.6956")), ("$0®)", Decimal(0))]
)
def test_a_one_digit_price_before_a_torn_marker_is_read_unsure(word: str, value: Decimal) -> None:
    """The symbol a scan made of the marker's raised bracket ends the price, as it does for
    longer ones (``$160.82°)``); the marker's digits come after it."""
    got, notes = _one(word)
    assert got == value
    assert len(notes) == 1 and note_kind(notes[0]) == "doubt"


@pytest.mark.parametrize(
    "word", ["$163.94)", "$43,932)", "{$2.15)", "{60,00", "|12", "[500", "{0", "$02)", "5°"]
)
def test_a_price_with_a_bracket_after_it_or_a_broken_number_is_not_read(word: str) -> None:
    """``$43,932)`` is ``$43.93(2)`` with the point read as a comma: nothing after a price
    says which digits are its own; a number that is not well formed stays unread."""
    got, _ = _one(word)
    assert not isinstance(got, Decimal)


@pytest.mark.parametrize(
    ("cell", "clean"),
    [
        ("Depositary Units\\VO)", "Depositary Units"),  # a torn ``(1)`` read as ``\VO)``
        ("UnitsV)", "Units"),  # ... and as ``V)``
        ("Common’", "Common"),  # no word but a plural's ends in an apostrophe
        ("Members’ Units", "Members’ Units"),
        ("Stock Option (Right to Buy)", "Stock Option (Right to Buy)"),
        ("SVF II Beaver (DE) LLC", "SVF II Beaver (DE) LLC"),
        ("McDonald Trust", "McDonald Trust"),
    ],
)
def test_a_torn_marker_read_as_letters_leaves_the_words(cell: str, clean: str) -> None:
    assert clean_words(cell) == clean


def test_a_torn_marker_after_an_open_bracket_may_close_it() -> None:
    """On a later line of a cell whose ``(`` is still open, ``)`` may be the bracket's own."""
    assert clean_words("AB)", opened=True) == "AB)"


def _line(*cells: tuple[int, str]) -> str:
    out = ""
    for x, text in cells:
        out += " " * max(x - len(out), 1 if out else 0) + text
    return out


_HEAD = [
    _line((0, "FORM 4"), (82, "UNITED STATES SECURITIES AND EXCHANGE COMMISSION")),
    _line((0, "Section 16. Form 4 or Form 5 obligations"), (82, "STATEMENT OF CHANGES IN")),
    _line(
        (0, "1. Name and Address of Reporting Person”"),
        (72, "2. Issuer Name and Ticker or Trading Symbol"),
    ),
    _line((0, "Moran Kyle"), (81, "Wave Life Sciences Ltd. [ WVE ]")),
    _line((0, "C/O WAVE LIFE SCIENCES LTD. | 3. Date of Earliest Transaction (Month/Day/Year)")),
    _line((90, "12/08/2025")),
    "X Form filed by One Reporting Person",
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    _line(
        (0, "1. Title of"),
        (23, "2. Transaction Date"),
        (53, "2A. Deemed Execution Date, if | 3. Transaction"),
        (110, "4. Securities Acquired (A) or Disposed Of | 5. Amount of Securities"),
        (190, "6. Ownership Form: Direct"),
        (220, "7. Nature of Indirect"),
    ),
]
_TABLE_I_ROW = [
    _line(
        (0, "Depositary"),
        (20, "09/24/2025)"),
        (88, "J"),
        (111, "24,149,325"),
        (128, "A"),
        (140, "$8.1738"),
        (154, "518,932,944"),
        (200, "I"),
        (243, "Please see footnotes?)"),  # a marker ends the nature's cell: no more of it
    ),
    "Units\\VO)",
]
_TABLE_II = [
    "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    _line(
        (0, "1. Title of"),
        (18, "2. Conversion or | 3. Transaction Date | 3A. Deemed"),
        (84, "4."),
        (103, "5. Number of"),
        (129, "6. Date Exercisable and"),
        (163, "7. Title and Amount of"),
        (194, "8. Price of"),
        (212, "9. Number of derivative |10. Ownership"),
    ),
    "Code      Vv (A      (D)                Date             Expiration       Title",
]


def _row(tail: str) -> list[str]:
    return [
        _line(
            (0, "Share"),
            (16, "$3.14"),
            (36, "12/08/2025"),
            (87, "A"),
            (114, "100,000"),
            (130, "(3)"),
            (149, f"01/01/2032 |Ordinary {tail}"),
        ),
        "",
        _line((0, "Option"), (170, "Shares")),
    ]


def _parse(lines: list[str]) -> Filing:
    text = "\n".join([*lines, "Explanation of Responses:", ""])
    return parse_bytes(text.encode(), "scan.txt")


def test_a_scan_title_keeps_its_words_not_the_torn_marker() -> None:
    f = _parse([*_HEAD, *_TABLE_I_ROW, *_TABLE_II])
    (row,) = f.non_derivative
    assert row.security_title == "Depositary Units"
    assert row.shares == Decimal(24149325) and row.price == Decimal("8.1738")


def test_a_lone_amount_right_after_the_underlying_title_of_a_scan_is_its_amount() -> None:
    """``|Ordinary {100,000`` and nothing after it: right after the title stands only the
    underlying amount's cell (the balance after is two columns on)."""
    f = _parse([*_HEAD, *_TABLE_II, *_row("{100,000")])
    (row,) = f.derivative
    assert row.underlying_shares == Decimal(100000) and row.shares_owned_following is None
    said = [n for n in f.notes if n.field and n.field.endswith("underlying_shares")]
    assert any("right after the underlying title" in n.message for n in said)
    assert any("'{100,000'" in n.message for n in said)  # the rule's note moves with it


def test_a_lone_amount_further_after_the_underlying_title_of_a_scan_is_left_empty() -> None:
    """``|Ordinary          100,000`` and nothing after it: the underlying amount, or the
    balance after whose own ``0`` the scan dropped? A scan's spacing cannot say: both empty,
    with a doubt."""
    f = _parse([*_HEAD, *_TABLE_II, *_row("                   100,000")])
    (row,) = f.derivative
    assert row.underlying_shares is None and row.shares_owned_following is None
    said = [n for n in f.notes if "alone after the underlying title" in n.message]
    assert {n.field.rsplit(".", 1)[-1] for n in said if n.field} == {
        "underlying_shares",
        "shares_owned_following",
    }
    assert all(n.kind == "doubt" for n in said)


def test_two_amounts_after_the_underlying_title_of_a_scan_are_read_in_order() -> None:
    """``|Ordinary | 100,000   75,000``: the underlying amount, then the balance after (the
    price's ``$0`` lost); the rule before the first is no digit (a group of three follows)."""
    f = _parse([*_HEAD, *_TABLE_II, *_row("| 100,000                           75,000")])
    (row,) = f.derivative
    assert row.underlying_shares == Decimal(100000)
    assert row.shares_owned_following == Decimal(75000)
    f = _parse([*_HEAD, *_TABLE_II, *_row("|100,000                           75,000")])
    assert f.derivative[0].underlying_shares == Decimal(100000)


def test_a_scan_title_in_doubt_leaves_the_nature_beside_it_open_to_its_wrap() -> None:
    """Debris above the row's values left its title empty with a doubt; the margin line below
    (``HOSPITALITY REIT``) may continue the title or the nature: neither gets it."""
    rows = [
        _line((1, "or) mao"), (56, "oe")),
        _line(
            (0, "INNSUITES"),
            (25, "09/25/2025"),
            (86, "S"),
            (108, "12,500"),
            (128, "D"),
            (134, "$22.62"),
            (148, "6,226,796"),
            (197, "I"),
            (230, "By Spouse"),
        ),
        "HOSPITALITY REIT",
    ]
    f = _parse([*_HEAD, *rows, *_TABLE_II])
    (row,) = f.non_derivative
    assert row.security_title is None and row.nature_of_ownership is None
    assert row.shares == Decimal(12500) and row.shares_owned_following == Decimal(6226796)
    assert any(
        n.field and n.field.endswith("nature_of_ownership") and "HOSPITALITY REIT" in n.message
        for n in f.notes
    )


def test_a_scan_line_under_a_nature_its_marker_ended_is_no_wrap() -> None:
    """``Trust©2)`` ends its cell (a marker follows a cell's last word), so a line of cells
    with words under it (``Class A ... Day hats: ... Trust?)``: a row whose balance the scan
    garbled) continues neither the title nor the nature of the row above."""
    rows = [
        _line((0, "Class A"), (216, "9,686"), (286, "I"), (332, "Trust©2)")),
        "Common Stock",
        _line((0, "Class A"), (216, "Day hats:"), (336, "Trust?)")),
        "Common Stock",
        _line((0, "Class A"), (216, "2,755"), (286, "I"), (332, "Trust")),
        "Common Stock",
    ]
    f = _parse([*_HEAD, *rows, *_TABLE_II])
    first, *rest = f.non_derivative
    assert first.security_title == "Class A Common Stock"
    assert first.nature_of_ownership == "Trust"
    assert first.shares_owned_following == Decimal(9686)
    assert any("footnote marker ended" in n.message for n in f.notes)
    assert [r.shares_owned_following for r in rest] == [Decimal(2755)]


@pytest.mark.parametrize("torn", ["| (@)", "|)", "| 2)"])
def test_a_scan_date_before_a_torn_marker_cell_is_the_date_exercisable(torn: str) -> None:
    """``05/11/2024 | (@)``: the expiration date's cell held only its marker, torn by the
    scan (``|)``: its opening bracket lost, or read as the box rule); the one date is the date
    exercisable (said with a note)."""
    row = [
        _line(
            (0, "Stock"),
            (16, "$0.41"),
            (36, "05/11/2023"),
            (87, "A"),
            (104, "143,848"),
            (130, f"05/11/2024 {torn}"),
            (160, "Common _ | 143,848"),
            (186, "$0"),
            (204, "143,848"),
        ),
        _line((0, "Option"), (178, "Stock")),
    ]
    f = _parse([*_HEAD, *_TABLE_II, *row])
    (got,) = f.derivative
    assert got.date_exercisable is not None and got.date_exercisable.isoformat() == "2024-05-11"
    assert got.expiration_date is None
    assert any("torn footnote marker" in n.message for n in f.notes)


def _holding(window: str) -> str:
    """A Table II holding row of a scan: its one window date at the given place."""
    return _line(
        (0, "Stock"), (16, "$3.95"), (130, window), (160, "Common _ | 25,087"), (204, "25,087")
    )


def test_a_scans_lone_window_date_takes_the_column_of_the_tables_other_rows() -> None:
    """A holding's one window date with no marker beside it: its row does not say which date
    it is (the scan's captions start at the margin, not above their columns). It takes the
    column where the table's other rows place theirs for sure (a torn marker cell after
    them), with a note; alone in its table, it is left empty."""
    sure = _holding("05/11/2022 | 2)")
    lone = _holding("05/14/2021 |")
    f = _parse([*_HEAD, *_TABLE_II, lone, _line((0, "Option"), (178, "Stock")), sure])
    first, second = f.derivative
    assert second.date_exercisable is not None and second.date_exercisable.year == 2022
    assert first.date_exercisable is not None and first.date_exercisable.year == 2021
    assert first.expiration_date is None
    assert any("other rows place" in n.message for n in f.notes)

    f = _parse([*_HEAD, *_TABLE_II, lone, _line((0, "Option"), (178, "Stock"))])
    (alone,) = f.derivative
    assert alone.date_exercisable is None and alone.expiration_date is None
    assert any("left empty" in n.message and "one date" in n.message for n in f.notes)

    # another row's sure date far from it says nothing about this one's column
    far = _line((0, "Stock"), (16, "$3.95"), (100, "05/11/2022 | 2)"), (160, "Common _ | 9"))
    f = _parse([*_HEAD, *_TABLE_II, lone, far])
    assert f.derivative[0].date_exercisable is None
    assert f.derivative[0].expiration_date is None


def test_a_letter_torn_from_a_marker_after_a_ruled_window_date_is_no_code() -> None:
    """``05/12/2023 |G)  Common``: a holding row (no amount) whose window date's neighbour
    marker cell ``(3)`` the scan read as ``G)`` after the box rule. Read as a code, it made a
    gift dated 05/12/2023 that the filing never reported; it is debris, and the date takes the
    column of the table's other window dates."""
    sure = _holding("05/11/2022 | 2)")
    torn = _holding("05/12/2023 |G)")
    f = _parse([*_HEAD, *_TABLE_II, sure, torn])
    _, got = f.derivative
    assert got.code is None and got.transaction_date is None
    assert got.date_exercisable is not None and got.date_exercisable.isoformat() == "2023-05-12"
    assert any("not a transaction code" in n.message for n in f.notes)

    # with an amount before it, the row reports a transaction: the letter stays its code
    row = _line(
        (0, "Stock"),
        (16, "$0.41"),
        (36, "05/11/2023"),
        (87, "G"),
        (104, "143,848"),
        (130, "05/11/2024 |G)"),
        (160, "Common _ | 143,848"),
        (204, "143,848"),
    )
    f = _parse([*_HEAD, *_TABLE_II, row])
    assert f.derivative[0].code == "G"
    assert not any("not a transaction code" in n.message for n in f.notes)


@pytest.mark.parametrize("above", ["Aor)", " Wor) 2"])
def test_a_line_above_a_scans_first_row_closing_an_unopened_bracket_is_no_title(
    above: str,
) -> None:
    """`` Aor)`` between the captions and the first row (the ``(A) or (D)`` caption garbled):
    a scan prints a row's title from its value line, and no title opens on a closing bracket,
    so the line is not the title's start cut off above its values: the title stands."""
    rows = [above, _line((0, "Class A"), (20, "12/23/2021"), (88, "G"), (111, "61,386"), (128, "D"),
                         (140, "$0"), (154, "54,666"), (200, "D")), "Common Stock"]  # fmt: skip
    f = _parse([*_HEAD, *rows, *_TABLE_II])
    (row,) = f.non_derivative
    assert row.security_title == "Class A Common Stock"
    assert any("no title's start" in n.message for n in f.notes)
    # a line above that may open a title still leaves it empty
    f = _parse([*_HEAD, "Poe Ce", *rows[1:], *_TABLE_II])
    assert f.non_derivative[0].security_title is None


def test_a_scan_nature_ending_in_a_marker_torn_inside_its_brackets_is_closed() -> None:
    """``See Footnotes()@)``: the nature's marker, its digit lost between the brackets, ends the
    cell, so the margin lines below continue the title (``Stock, $0.01 par`` / ``value``)."""
    row = _line(
        (0, "Class A Common"),
        (20, "04/24/2025"),
        (88, "P"),
        (111, "16,847"),
        (128, "A"),
        (140, "$5.4231"),
        (154, "8,552,914"),
        (200, "I"),
        (243, "See Footnotes()@)"),
    )
    f = _parse([*_HEAD, row, "Stock, $0.01 par", "value", *_TABLE_II])
    (got,) = f.non_derivative
    assert got.security_title == "Class A Common Stock, $0.01 par value"
    assert got.nature_of_ownership == "See Footnotes"


def _priced(price: str, footnotes: int) -> Filing:
    """A scan's Table I sale at ``price``, above ``footnotes`` footnotes."""
    row = _line(
        (0, "Common Stock"),
        (20, "05/04/2022"),
        (88, "S"),
        (111, "1,550"),
        (128, "D"),
        (140, price),
        (154, "456,426"),
        (200, "D"),
    )
    notes = [f"{n}. Footnote {n}." for n in range(1, footnotes + 1)]
    text = "\n".join([*_HEAD, row, *_TABLE_II, "Explanation of Responses:", *notes, ""])
    return parse_bytes(text.encode(), "scan.txt")


@pytest.mark.parametrize(
    ("price", "footnotes", "read"),
    [
        ("$2.36)", 4, Decimal("2.36")),  # no footnote 6 or 36: the digits are the price's
        ("$2,572.03790)", 29, Decimal("2572.0379")),  # '0' of '(20)' or the price's: the same
        ("$653.1950)", 20, Decimal("653.195")),
        ("$163.94)", 8, None),  # footnote 4: '$163.9' and '(4)' may be what was printed
        ("$2,571.1220)", 29, None),  # '(20)' torn: 2571.12 or 2571.122
        ("$2,576.15)", 29, None),
    ],
)
def test_a_price_before_a_torn_marker_is_read_where_no_footnote_can_take_its_digits(
    price: str, footnotes: int, read: Decimal | None
) -> None:
    f = _priced(price, footnotes)
    (row,) = f.non_derivative
    assert row.price == read
    said = [n for n in f.notes if n.field == "non_derivative[0].price"]
    assert said and all(n.kind == "doubt" for n in said)


def test_a_lone_ownership_letter_under_a_row_without_one_leaves_its_text_cells_empty() -> None:
    """``Common Stock ... 2,407`` / ``D`` / ``eg se |  aun |``: a margin line holding only ``D``
    under a row that read no ownership form is the row's form the scan set a line lower, or a
    title's word; which, the text does not say. Glued on, it made 'Common Stock D eg se aun'."""
    rows = [
        _line((0, "Common Stock"), (154, "2,407"), (210, "(9)")),
        "",
        "D",
        "eg se |         aun |",
    ]
    f = _parse([*_HEAD, *rows, *_TABLE_II])
    (got,) = f.non_derivative
    assert got.security_title is None
    assert got.shares_owned_following == Decimal(2407)
    assert any("no ownership form may be its form" in n.message for n in f.notes)


def test_a_capital_before_a_bracket_is_a_marker_only_where_no_code_or_form_is_that_letter() -> None:
    assert _letter_marker("Q)") and _letter_marker("(S)")
    assert not _letter_marker("M)") and not _letter_marker("D)") and not _letter_marker("(A)")


@pytest.mark.parametrize("torn", ["(@", "()", "())", "qd)", "e))", "16)", "@", "(S)", "(yy", "Q)"])
def test_a_scan_date_after_a_marker_cell_torn_open_is_the_expiration_date(torn: str) -> None:
    """``5,500    (@    03/03/2026``: the date exercisable's cell held only its marker, its
    digit read as a symbol or lost; the one date is the expiration."""
    row = _line(
        (0, "Stock"),
        (16, "$29.81"),
        (36, "03/03/2016"),
        (87, "A"),
        (104, "5,500"),
        (128, torn),
        (146, "03/03/2026 }Common {5,500"),
        (186, "$0"),
        (204, "5,500"),
    )
    f = _parse([*_HEAD, *_TABLE_II, row, _line((0, "Option"), (178, "Stock"))])
    (got,) = f.derivative
    assert got.expiration_date is not None and got.expiration_date.isoformat() == "2026-03-03"
    assert got.date_exercisable is None
    assert any("torn footnote marker set apart before" in n.message for n in f.notes)


def test_a_scan_owner_name_the_text_below_writes_one_letter_apart_is_left_empty() -> None:
    """Box 1 reads ``ICAHN CARL GC``, the signature ``Carl C. Icahn``: one of the two readings
    of the name is the scan's misreading, and the text does not say which."""
    from parsers.text.scan_names import check_names

    said = check_names(["ICAHN CARL GC"], [False], ["/s/ Carl C. Icahn     09/26/2025"])
    assert said[0] is not None and "one letter apart" in said[0]
    assert check_names(["ICAHN CARL C"], [False], ["/s/ Carl C. Icahn"]) == [None]
    # a joint filer's box below the tables writes its own name once: a footnote confirms it,
    # or writes it a letter apart
    box = "SVE II Beaver (DE) LLC      (Check all applicable)"
    assert check_names(["X Y", "SVE II Beaver (DE) LLC"], [False, True], [box])[1] is None
    note = "held of record by SVF II Beaver (DE) LLC. As a result"
    assert check_names(["X Y", "SVE II Beaver (DE) LLC"], [False, True], [box, note])[1]
    # two joint filers whose names differ by a letter are two people
    below = ["SMITH JOHN B", "/s/ John B. Smith"]
    assert check_names(["SMITH JOHN A", "SMITH JOHN B"], [False, True], below) == [None, None]


def test_a_scan_owner_name_misread_reaches_the_filing_as_a_doubt() -> None:
    head = [h.replace("Moran Kyle", "Moran Kylo") for h in _HEAD]
    text = "\n".join(
        [*head, *_TABLE_II, *_row("| 100,000   75,000"), "Explanation of Responses:"]
        + ["/s/ Kyle Moran                 12/10/2025", "** Signature of Reporting Person", ""]
    )
    f = parse_bytes(text.encode(), "scan.txt")
    assert f.source.format == "ocr"
    assert f.reporting_owners[0].name is None
    assert any(n.field == "reporting_owners[0].name" and n.kind == "doubt" for n in f.notes)
    same = parse_bytes(text.replace("Kylo", "Kyle").encode(), "scan.txt")
    assert same.reporting_owners[0].name == "Moran Kyle"


def test_a_signature_without_the_middle_initial_is_no_misreading() -> None:
    """``/s/ Bruce Posey`` for ``POSEY BRUCE K``: the ``s`` of ``/s/`` is no initial, and two
    initials that differ are as likely two names as one misread."""
    from parsers.text.scan_names import check_names

    assert check_names(["POSEY BRUCE K"], [False], ["/s/ Bruce Posey  05/03/2024"]) == [None]
    assert check_names(["POSEY BRUCE K"], [False], ["Bruce J. Posey"]) == [None]


def test_a_marker_the_scan_gave_a_letter_is_debris_not_title_words() -> None:
    """``(G3)`` in the exercise price's cell is that cell's footnote marker, torn (``(3)``,
    or ``(63)``?): not a word of the title beside it."""
    from parsers.text.tokens import FRAG

    for word in ("(G3)", "(4G)", "G3)"):  # ``G3)``: its opening bracket read as a G
        assert tokenize([word], [0])[0].kind == FRAG
    assert tokenize(["(DE)"], [0])[0].kind != FRAG
    row = [
        _line(
            (0, "Restricted"),
            (17, "(G3)"),
            (41, "02/22/2016"),
            (92, "M"),
            (121, "800"),
            (133, "(4)"),
            (151, "(4)"),
            (169, "Common | 800"),
            (215, "2,000"),
        ),
        _line((0, "Stock Units"), (174, "Stock")),
    ]
    f = _parse([*_HEAD, *_TABLE_II, *row])
    assert f.derivative[0].security_title == "Restricted Stock Units"


def test_a_scan_margin_line_of_speckles_leaves_the_title_above_empty() -> None:
    """``Sa |  ei ee`` under a row (no three letters in a row in any word): the scan's
    debris, or the title's rest garbled; the title is left empty with a doubt, not given it."""
    rows = [
        _line((0, "Common Stock"), (154, "2,407"), (200, "D")),
        "Sa |         ei ee",
    ]
    f = _parse([*_HEAD, *rows, *_TABLE_II])
    (row,) = f.non_derivative
    assert row.security_title is None
    assert row.shares_owned_following == Decimal(2407)
    assert any("scan debris" in n.message for n in f.notes)
    rows[1] = "(restricted)"  # a title's rest: read as ever
    assert _parse([*_HEAD, *rows, *_TABLE_II]).non_derivative[0].security_title == (
        "Common Stock (restricted)"
    )
    # (a scan's title ending on a class's letter, ``Common Stock Class A``, is cut mid-phrase:
    # its noun was on a line the scan lost; left empty)
    rows[1] = "Class A"
    assert _parse([*_HEAD, *rows, *_TABLE_II]).non_derivative[0].security_title is None


@pytest.mark.parametrize(("at", "side"), [(114, "D"), (96, "A"), (101, None)])
def test_a_scan_table_ii_side_by_the_amounts_place_from_the_code(at: int, side: str | None) -> None:
    """A scan starts the captions' line ``Code  Vv (A  (D)`` at the margin, wherever ``Code``
    stood; the row's code sits under it. So the amount's distance from the code, against the
    (A) and (D) captions' from ``Code``, says its side (with a doubt); midway, it says none."""
    row = [
        _line(
            (0, "Share"),
            (16, "$3.14"),
            (36, "12/08/2025"),
            (87, "A"),
            (at, "100,000"),
            (130, "(3)"),
            (149, "01/01/2032 |Ordinary | 100,000"),
            (206, "175,000"),
        ),
    ]
    f = _parse([*_HEAD, *_TABLE_II, *row])
    (got,) = f.derivative
    assert got.shares == Decimal(100000)
    assert got.acquired_disposed == side
    said = [n for n in f.notes if n.field and n.field.endswith("acquired_disposed")]
    assert said and all(n.kind == "doubt" for n in said)


@pytest.mark.parametrize("caption", ["IA", "jA", "{(A)", "A)"])
def test_a_scan_reads_a_torn_a_caption_where_its_bracket_was(caption: str) -> None:
    """``(A)`` as the scan tore it (``IA``, ``{(A)``, ``A)``) still places the (A) column."""
    table = [*_TABLE_II[:-1], _TABLE_II[-1].replace("(A ", f"{caption:<3}", 1)]
    assert caption in table[-1]
    row = _line(
        (0, "Share"),
        (16, "$3.14"),
        (36, "12/08/2025"),
        (87, "A"),
        (96 if caption != "A)" else 95, "100,000"),
        (149, "01/01/2032 |Ordinary | 100,000"),
        (206, "175,000"),
    )
    f = _parse([*_HEAD, *table, row])
    assert f.derivative[0].acquired_disposed == "A"


def test_a_scan_code_garbled_still_places_the_row_for_its_side() -> None:
    """``mM`` for the code M is unread (left out, said), but it stands where the code does:
    the amount's side is still read from its distance to it."""
    row = _line(
        (0, "Share"),
        (16, "$3.14"),
        (36, "12/08/2025"),
        (87, "mM"),
        (114, "100,000"),
        (149, "01/01/2032 |Ordinary | 100,000"),
        (206, "175,000"),
    )
    f = _parse([*_HEAD, *_TABLE_II, row])
    (got,) = f.derivative
    assert got.code is None and got.acquired_disposed == "D"
    assert any("mM" in n.message for n in f.notes)


def test_a_scan_ticker_whose_closing_bracket_was_read_as_a_letter() -> None:
    """``AAR CORP [ AIR J``: no ticker holds a space, and the form prints one inside each
    bracket; the ``J`` is the closing bracket, misread (read with a doubt)."""
    head = [h.replace("Wave Life Sciences Ltd. [ WVE ]", "AAR CORP [ AIR J") for h in _HEAD]
    f = _parse([*head, *_TABLE_II, *_row("| 100,000   75,000")])
    assert (f.issuer.name, f.issuer.ticker) == ("AAR CORP", "AIR")
    assert any(n.field == "issuer.ticker" and n.kind == "doubt" for n in f.notes)


def test_a_scan_sub_caption_line_with_speckles_before_code_still_places_the_sides() -> None:
    """``SSeHainy   Code  Vv (A  (D)``: distances on the line hold wherever ``Code`` stands."""
    table = [*_TABLE_II[:-1], "SSeHainy" + " " * 30 + _TABLE_II[-1]]
    row = _line(
        (0, "Share"),
        (16, "$3.14"),
        (36, "12/08/2025"),
        (87, "A"),
        (114, "100,000"),
        (149, "01/01/2032 |Ordinary | 100,000"),
        (206, "175,000"),
    )
    assert _parse([*_HEAD, *table, row]).derivative[0].acquired_disposed == "D"


def test_a_bracketed_letter_is_no_code_but_a_scans_marker() -> None:
    """``(S)`` before a holding's date is the marker ``(5)`` of its date exercisable's cell:
    the form prints a code bare, so it is no code S, and the date is not taken for the date
    exercisable it stands beside."""
    row = [
        _line(
            (0, "Stock"),
            (17, "$139.08"),
            (136, "(S)"),
            (155, "10/14/2025 |Common_ {7,000"),
            (212, "7,000"),
        ),
        _line((0, "Option"), (176, "Stock")),
    ]
    f = _parse([*_HEAD, *_TABLE_II, *row])
    (got,) = f.derivative
    assert got.code is None
    assert got.date_exercisable is None


def test_a_scan_class_letter_set_apart_is_the_underlying_title_s() -> None:
    """``Class   A``: the scan spaced the underlying title's letter a cell apart. No letter
    column follows a text column, so it is the name's (with a doubt): it had been left out
    as a value fitting no column, leaving the underlying ``Class Common Stock``."""
    row = [
        _line(
            (0, "Stock"),
            (16, "$0.41"),
            (36, "05/11/2023"),
            (87, "A"),
            (104, "143,848"),
            (130, "05/11/2024 | (4)"),
            (160, "Class   A | 143,848"),
            (186, "$0"),
            (204, "143,848"),
        ),
        _line((0, "Option"), (178, "Common Stock")),
    ]
    f = _parse([*_HEAD, *_TABLE_II, *row])
    (got,) = f.derivative
    assert got.underlying_title == "Class A Common Stock"
    assert got.code == "A" and got.underlying_shares == Decimal(143848)
    said = [n for n in f.notes if n.field == "derivative[0].underlying_title"]
    assert any(n.kind == "doubt" and "set apart" in n.message for n in said)


def test_a_torn_marker_with_the_scan_s_debris_after_it_still_ends_its_cell() -> None:
    """``See Footnotes) @)``: the marker's rest follows the bracket; the nature is closed, so
    the margin lines below (``Stock, $0.01 par`` / ``value``) are the title's, which had both
    been left empty (the ``)`` it kept left no cut of the lines with brackets closed)."""
    from parsers.text.debris import torn_marker

    assert torn_marker("See Footnotes) @)") and torn_marker("See Footnotes)")
    assert not torn_marker("See Footnotes @)") and not torn_marker("@)")
    row = [
        _line(
            (0, "Class A Common"),
            (23, "04/28/2025"),
            (119, "35,000"),
            (135, "A"),
            (150, "$5.4173"),
            (165, "8,687,914"),
            (216, "I"),
            (250, "See Footnotes) @)"),
        ),
        "Stock, $0.01 par",
        "value",
    ]
    f = _parse([*_HEAD, *row, *_TABLE_II])
    (got,) = f.non_derivative
    assert got.security_title == "Class A Common Stock, $0.01 par value"
    assert got.nature_of_ownership == "See Footnotes"


REMIX = Path(__file__).parent / "fixtures" / "text" / "remix"


def _remix(name: str) -> Filing:
    """A remixed filing's rendering among the fixtures, read."""
    return parse_bytes((REMIX / name).read_bytes(), name)


def test_a_scan_row_with_no_values_reads_no_nature_from_its_speckles() -> None:
    """tesseract of a row whose values the scan lost (``Depositary Units") [10/02/2015     ee
    ee sas             Cee``, from a remixed work-list filing): the speckles where the values
    stood had been read as its nature of ownership, where the form has none. A nature is
    printed after the row's values; with none of them read, the words there may be those
    values garbled: left empty with a doubt."""
    f = parse_bytes((REMIX / "ocr_row_values_lost.txt").read_bytes(), "scan.txt")
    row = f.non_derivative[1]
    assert row.security_title == "Depositary Units"
    assert row.nature_of_ownership is None
    assert any(
        "ee ee sas Cee" in n.message and "left empty" in n.message
        for n in f.notes
        if n.field == "non_derivative[1].nature_of_ownership"
    )


def test_a_box_rule_between_the_issuer_s_name_and_its_ticker_is_no_part_of_the_name() -> None:
    """tesseract: ``AAR CORP |[ GOOG ]``: the box's rule before the ticker's bracket, read as
    ``|`` a space after the name, had been kept as the name's last character."""
    text = (REMIX / "ocr_row_values_lost.txt").read_text(encoding="utf-8")
    f = parse_bytes(text.replace("Wave Life Sciences Ltd. [GOOG ]", "AAR CORP |[ GOOG ]").encode())
    assert (f.issuer.name, f.issuer.ticker) == ("AAR CORP", "GOOG")
    (note,) = [n for n in f.notes if n.field == "issuer.name"]
    assert note.kind == "repair" and "'|'" in note.message


def test_a_scan_line_spread_over_columns_is_no_rest_of_the_title_above() -> None:
    """tesseract: ``Common Shares, no par | 04/13/2022 ... 13,888`` / ``value)`` / ``[Common
    ____oariav2022    ee ee ee          ea a``: the last is a row whose values the scan
    garbled, not the title's rest: a title wraps within its column, one cell a line at the
    margin. It had been glued to the title ('Common Shares, no par value Common oariav2022 ee
    ee ee ea a'); it is left out with a note, and the title reads as printed."""
    f = parse_bytes((REMIX / "ocr_garbled_row_under_a_title.txt").read_bytes(), "scan.txt")
    assert f.non_derivative[0].security_title == "Common Shares, no par value"
    assert f.non_derivative[1].security_title == "Common Stock, par value $0.001"
    assert any("oariav2022" in n.message and "left out" in n.message for n in f.notes)


@pytest.mark.parametrize(
    ("text", "clean"), [("Stock‘)", "Stock"), ("Common Stock‘)", "Common Stock")]
)
def test_a_marker_torn_to_an_opening_quote_and_a_bracket_is_debris(text: str, clean: str) -> None:
    """tesseract read a title's raised ``(1)`` as ``‘)`` (``Stock‘)``): a quote that opens ends
    no word, so it and the bracket after it are the marker's debris, taken off the title (which
    had read 'Common Stock‘)')."""
    assert clean_words(text) == clean


def test_words_above_a_scan_row_whose_title_was_lost_are_the_row_above_s() -> None:
    """tesseract: ``Depositary   04/13/2022   S   $2,601.6983   200`` / ``Units`` / ``
    04/13/2022   es or ee co   On ee``: a scan prints a row's cells from its value line down,
    so ``Units`` is no start of the lower row's title (its value line shows none: the scan lost
    it) but the rest of the row above's. It had made the lower row's title 'Units' and left
    the upper one 'Depositary'."""
    f = parse_bytes((REMIX / "ocr_title_lost_words_above.txt").read_bytes(), "scan.txt")
    rows = f.non_derivative
    assert rows[3].security_title == "Depositary Units"
    assert rows[4].security_title is None and rows[4].line == 29


@pytest.mark.parametrize(
    ("tail", "balance"),
    [("14,474          D®", Decimal(14474)), ("          Sheey/", None)],
)
def test_a_scan_row_s_garbled_form_or_balance_is_read_as_no_nature(
    tail: str, balance: Decimal | None
) -> None:
    """tesseract: a row's ownership form read ``D®`` (its marker torn) after the balance, or the
    balance and form garbled to ``Sheey/``: with no ownership form read, a one-word nature of
    two letters or fewer may be the form's letter, and words with neither a balance nor a form
    before them may be those values; both had been read as the nature of ownership. Left
    empty with a doubt."""
    text = (REMIX / "ocr_row_values_lost.txt").read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.endswith("14,474"))
    f = parse_bytes(text.replace(line, line.replace("14,474", tail)).encode(), "scan.txt")
    row = f.non_derivative[2]
    assert row.shares_owned_following == balance
    assert row.nature_of_ownership is None
    assert any(
        "or a nature? left empty" in n.message
        for n in f.notes
        if n.field == "non_derivative[2].nature_of_ownership"
    )


def test_a_scan_row_s_code_and_price_pushed_a_line_down_are_that_row_s() -> None:
    """tesseract: ``Ordinary Shares   12/13/2022   (2)   74,907   (4)   153,020`` / ``y,   S
    $151.814``: the row's raised markers, left in its code and price cells, pushed the code and
    the price a line down, with the scan's speckles at the margin. The row has a date and no
    code, the line gives it its code and fills only cells it left empty: one row (it had been
    a phantom row titled 'y,' and a transaction with no code)."""
    text = (REMIX / "ocr_code_and_price_pushed_down.txt").read_text(encoding="utf-8")
    f = parse_bytes(text.encode(), "scan.txt")
    assert [r.security_title for r in f.non_derivative] == [
        "Class A Common Stock, $0.01 par value",
        "Ordinary Shares",
        "Ordinary Shares",
    ]
    row = f.non_derivative[1]
    assert (row.code, row.price) == ("S", Decimal("151.814"))
    assert any("pushed under the row" in n.message for n in f.notes)
    # words of a title at the margin are no speckles: the line stays a row of its own
    g = parse_bytes(text.replace("\ny,", "\nStock,").encode(), "scan.txt")
    assert len(g.non_derivative) == 4


def test_a_scan_line_of_several_cells_all_going_to_the_title_is_no_rest_of_it() -> None:
    """tesseract: ``Class A Common   ...   181,498   ...   River Farm Investments, LLG`` /
    ``Stock`` / ``lennon seek |e oes aa sal ee NE elon          pears Sate eee``: the last line's
    two cells would both go to the title (the nature is far to the right), but a title wraps
    one cell a line: the line is a row the scan garbled, left out with a note. The title had
    read 'Class A Common Stock lennon seek e oes aa sal ee NE elon pears Sate eee'."""
    text = (REMIX / "ocr_debris_line_under_a_title_and_nature.txt").read_bytes()
    f = parse_bytes(text, "scan.txt")
    assert f.non_derivative[-1].security_title == "Class A Common Stock"
    assert any("lennon seek" in n.message and "left out" in n.message for n in f.notes)


def test_a_rule_s_shadow_of_underscores_and_dashes_after_a_word_is_debris() -> None:
    """tesseract: ``Common Shares, no_—_| 05/12/2023 ...``: the box rule after the title's
    cell, read ``|`` with underscores and a dash before it, is debris (the title had read
    'Common Shares, no_—_| par value')."""
    assert clean_words("Common Shares, no_—_| par value") == "Common Shares, no par value"
    assert clean_words("Class_A") == "Class_A"  # (no rule after it: left as written)


def test_a_scan_s_undollared_number_after_an_empty_underlying_amount_is_no_sure_price() -> None:
    """tesseract of a Table II row ``Tranche B  (4)  08/24/2019  M  560,000  (1)  (41)  Class B
    560,000.0  4)  1,820,000``: the price's cell held only its marker (dropped as debris), and
    the underlying amount was read as the price: a scan loses dollar signs, so the number may
    be either. The price is left empty with a doubt (it had read 560000.0, where the form has
    none)."""
    f = parse_bytes((REMIX / "ocr_table_ii_price_or_underlying.txt").read_bytes(), "scan.txt")
    row = f.derivative[0]
    assert row.price is None
    assert any("no dollar sign" in n.message for n in f.notes if n.field == "derivative[0].price")


@pytest.mark.parametrize("digit", ["3", "8"])
def test_a_lone_digit_where_a_scan_row_s_code_stands_is_no_amount(digit: str) -> None:
    """tesseract read a row's code ``S`` as ``3`` (``04/13/2022   3   804   $2,586.40750)``, on
    the work list): between the date and the amount only the code's column lies, and no number
    stands there, so the digit is the code garbled past reading (left out with a doubt, the
    code empty), not the amount (which had read 3, the true amount left out as fitting no
    column)."""
    text = (REMIX / "ocr_garbled_row_under_a_title.txt").read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("Common Stock, par"))
    garbled = line.replace(" S ", f" {digit} ", 1)
    f = parse_bytes(text.replace(line, garbled).encode(), "scan.txt")
    row = f.non_derivative[1]
    assert (row.code, row.shares) == (None, Decimal(300))
    assert any(f"could not read '{digit}'" in n.message for n in f.notes)


@pytest.mark.parametrize("form", ["D", "I"])
def test_a_lone_digit_where_the_code_stands_is_no_amount_beside_an_ownership_letter(
    form: str,
) -> None:
    """The work list's OCR of an INNSUITES purchase (``09/25/2025   09/26/2025   8   12,500
    $22,625   6,226,796   I   By Spouse``): the ownership form's letter at the row's end is a
    code letter too (D, I), and it had kept the garbled code's digit from being taken for the
    code: the amount read 8 and the true one, 12,500, fitted no column. Only a letter before
    the amount is a code read."""
    text = (REMIX / "ocr_garbled_row_under_a_title.txt").read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("Common Stock, par"))
    garbled = line.replace(" S ", " 8 ", 1) + f"          {form}"
    f = parse_bytes(text.replace(line, garbled).encode(), "scan.txt")
    row = f.non_derivative[1]
    assert (row.code, row.shares, row.ownership) == (None, Decimal(300), form)
    assert any("could not read '8'" in n.message for n in f.notes)


def test_a_marker_torn_to_digits_and_symbols_inside_a_title_is_debris() -> None:
    """tesseract: ``Share Option | ¢9@)   03/15/2025 ...`` / ``(right to buy)``: the marker
    ``(9)`` torn to ``¢9@)`` (no letter, no opening bracket, a scan's symbol in it) is debris,
    not a word of the title (which had read 'Share Option ¢9@) (right to buy)'). A bracketed
    par value or a kept marker stays."""
    assert clean_words("Share Option ¢9@) (right to buy)") == "Share Option (right to buy)"
    assert clean_words("Common Stock (par value $0.01)") == "Common Stock (par value $0.01)"
    assert clean_words("Trust (1)") == "Trust (1)"


def test_a_marker_torn_behind_a_small_letter_is_debris_whole() -> None:
    """tesseract: ``(4)   e5))   Class A   560,000.0`` / ``Common`` / ``Stock``: the window's
    marker cell ``(5)`` read ``e5))``, its bracket a small letter. Taking the torn tail off left
    the ``e`` as a word of the underlying title ('e Class A Common Stock'); a small letter
    alone before a torn marker is the marker's too."""
    assert clean_words("e5)) Class A Common Stock") == "Class A Common Stock"
    assert clean_words("By a Trust") == "By a Trust"


def test_torn_captions_above_a_scan_s_first_row_are_no_row_and_leave_its_title() -> None:
    """tesseract on the captions of an Icahn filing's Table I: ``Code`` / ``(Instr. 3, 4 and
    5)`` / ``(Instr. 4)`` read ``C   5   4)``, then ``ode Vv Amount (A) or Price`` and ``ie
    eee``, then the row. The torn line had become a phantom row (code C, a balance of 5), and
    small words alone above the first row (no capital: no title starts so) had blurred its
    title. The form prints no row above its captions."""
    path = REMIX / "ocr_torn_captions_above_the_first_row.txt"  # a newer Chromium's print
    f = parse_bytes(path.read_bytes(), path.name)
    assert [(r.security_title, r.code, r.shares) for r in f.non_derivative] == [
        ("Depositary Units", None, Decimal(32536774))
    ]
    assert any("'ie eee'" in n.message and "no title word" in n.message for n in f.notes)


def test_a_garbled_a_or_d_caption_above_a_scan_s_first_row_is_no_row() -> None:
    """tesseract read the ``(A) or (D)`` caption and two caption marks as `` Aor) 2   c25``
    under the captions (a remixed filing, seed 59): it closes a bracket it never opened (no
    title starts so) and holds no date, so it is torn captions, left out with a note; it had
    been a phantom row titled 'Aor 2'."""
    f = _remix("ocr_garbled_a_or_d_caption_above_the_first_row.txt")
    assert f.non_derivative[0].security_title == "Class B Common Stock"
    assert not any("Aor" in (r.security_title or "") for r in f.non_derivative)
    assert any("read as OCR debris of the column captions" in n.message for n in f.notes)


def test_a_scan_s_bracket_before_a_title_is_no_middle_of_one() -> None:
    """A scan's row whose title begins with a bracket it read off a rule (``[Common Stock``)
    starts a title all the same: the wrapped ``Stock`` above it is the rest of the row above
    (a scan keeps a row's first lines on its value line), and the table's cells are no
    centred ones, so ``HOSPITALITY REIT`` stays with ``INNSUITES`` above it (a remixed filing,
    seed 61). They had been read 'Class B Common' and 'INNSUITES', the next titles starting
    with the words taken from them."""
    f = _remix("ocr_debris_before_a_title_is_no_middle.txt")
    titles = [r.security_title for r in f.non_derivative]
    assert titles[0] == "Class B Common Stock"
    assert "INNSUITES HOSPITALITY REIT" in titles
    assert "Class A Common Stock, $0.01 par value" in titles
    assert not any((t or "").startswith(("Stock", "HOSPITALITY")) for t in titles)


def test_a_bracket_closed_then_another_closing_none_leaves_the_title_empty() -> None:
    """``Option (right | go)`` over ``to buy)``: the scan put the next column's torn
    ``$0(3)`` beside the title as ``go)`` (a remixed filing, seed 61). A cell's brackets close
    within it, so one of the two closings is no word of the title, and the text does not say
    which: the title is left empty with a doubt. It had been read 'Option (right go) to buy'.
    Debris with no letter (``(Right to |) Buy)``) is dropped as before."""
    f = _remix("ocr_next_column_s_torn_marker_beside_an_option_title.txt")
    assert [r.security_title for r in f.derivative[:2]] == [None, None]
    assert any("closing none" in n.message for n in f.notes)
    assert f.derivative[3].security_title == "Non-Qualifed Stock Option (right to buy)"


def test_a_scan_s_row_with_every_value_garbled_is_left_out_with_its_lines() -> None:
    """``Class A Common Sock | 04/1872022    ee    ee`` (OCR of a remixed filing, seed 67): no
    date, code, amount, balance or form read; the five lines below it (``$0.01 par value``
    twice, ``value $0.001``, ``HOSPITALITY REIT``) are as likely the titles of rows the scan lost
    as its own. It is no row (it had been a phantom row with all of them in its title); the row
    above carries a note that says so."""
    f = _remix("ocr_garbled_row_and_a_repeated_wrap.txt")
    assert [r.line for r in f.non_derivative] == [19, 27, 31, 33, 35]
    assert not any(r.security_title and "Sock" in r.security_title for r in f.non_derivative)
    lost = [
        n.message for n in f.notes if n.field == "non_derivative[0]" and "scan lost" in n.message
    ]
    assert lost and "line 21" in lost[0] and "'04/1872022'" in lost[0]


def test_a_scan_s_wrapped_line_printed_twice_is_read_once_with_a_doubt() -> None:
    """``Class A Common Stock,`` over ``$0.01 par value`` / ``$0.01 par value``: a cell wraps on
    to new words, so one of the two is a lost row's; they read the same, so the title keeps them
    once, with a note (it had been '... $0.01 par value $0.01 par value')."""
    f = _remix("ocr_garbled_row_and_a_repeated_wrap.txt")
    row = f.non_derivative[1]
    assert row.security_title == "Class A Common Stock, $0.01 par value"
    said = [n for n in f.notes if n.field == "non_derivative[1].security_title"]
    assert said and "repeats the line above word for word ('$0.01 par value')" in said[0].message
    assert said[0].kind == "doubt"


def test_a_torn_marker_read_as_a_closing_quote_is_no_part_of_a_title() -> None:
    """``Class B Common Stock"`` and ``Class A Common Stock’)`` (OCR of remixed filings, seed
    71): a quote no quote opened, after a title's last letter, is a torn footnote marker. It
    had been kept in the title. A quote the cell opened and closed stays."""
    f = parse_bytes((REMIX / "ocr_torn_marker_read_as_a_quote.txt").read_bytes(), "q.txt")
    assert "Class B Common Stock" in [r.security_title for r in f.non_derivative]
    g = parse_bytes((REMIX / "ocr_torn_par_value_and_caption.txt").read_bytes(), "p.txt")
    assert next(r for r in g.non_derivative if r.line == 24).security_title == (
        "Class A Common Stock"
    )
    assert clean_words('By "Family" Trust') == 'By "Family" Trust'
    assert clean_words("Holders’ Trust") == "Holders’ Trust"


def test_a_par_value_wrapped_below_with_a_torn_marker_is_the_title_s() -> None:
    """``Common Stock, par value | 10/02/2015 ... S 532 ...`` over ``$0.001)``: the lone amount
    is the title's par value, its ``)`` a torn marker. It had been read as a line of values
    with no title, left out, so the title lost its '$0.001' (a wrong value). The ``)`` dropped
    is a repair the row's notes say."""
    f = parse_bytes((REMIX / "ocr_torn_par_value_and_caption.txt").read_bytes(), "p.txt")
    row, said = row_and_notes(f, 22, "security_title")
    assert row.security_title == "Common Stock, par value $0.001"
    assert "dropped OCR fragments in 'Common Stock, par value $0.001)'" in said[0]


def test_a_torn_numbered_caption_above_table_ii_opens_no_row() -> None:
    """``8. P                               P`` between Table II's heading and its captions: the
    scan's rest of ``8. Price of``. It had been a phantom row with code P."""
    f = parse_bytes((REMIX / "ocr_torn_par_value_and_caption.txt").read_bytes(), "p.txt")
    assert not [r for r in f.derivative if r.line == 38]


def test_a_rule_inside_the_ticker_s_bracket_is_no_part_of_the_ticker() -> None:
    """``AAR CORP [ SNOW |]``: no ticker holds a space; the ``|`` is a box rule the scan read.
    It had been read as the ticker 'SNOW |'."""
    f = parse_bytes((REMIX / "ocr_rule_inside_the_ticker_bracket.txt").read_bytes(), "t.txt")
    assert f.issuer.ticker == "SNOW"
    assert any("'[ SNOW |]'" in n.message and "unsure" in n.message for n in f.notes)


def test_a_damaged_date_with_a_torn_marker_is_a_date_not_a_title_word() -> None:
    """``Common Stock, par | 94/15/2026®) ... Please see footnotes (8y``: a date's shape with a
    month no calendar has and a torn marker after it is a damaged date (unread, said so), and
    ``(8y`` a torn marker; they had gone into the title ('Common Stock, par 94/15/2026®) value
    $0.001') and the nature ('Please see footnotes (8y')."""
    f = parse_bytes((REMIX / "ocr_damaged_date_beside_a_title.txt").read_bytes(), "d.txt")
    row = next(r for r in f.non_derivative if r.line == 24)
    assert row.security_title == "Common Stock, par value $0.001"
    assert row.nature_of_ownership == "Please see footnotes"
    assert row.transaction_date is None
    k = f.non_derivative.index(row)
    assert any(
        "'94/15/2026®)'" in n.message
        for n in f.notes
        if n.field == f"non_derivative[{k}].transaction_date"
    )


def test_a_scan_s_bare_number_after_a_nature_is_no_sure_word_of_it() -> None:
    """``See Footnotes 2`` (a fresh scan of a work-list filing; the row above reads ``See
    Footnotes\\)2)``): the last number may be a footnote marker whose brackets the scan lost,
    or a word of the nature (``By immediate family member 2``); the text does not say which,
    so the nature is left empty with a doubt. It had been read 'See Footnotes 2'."""
    f = _remix("ocr_bare_marker_after_a_nature.txt")
    row, said = row_and_notes(f, 31, "nature_of_ownership")
    assert row.nature_of_ownership is None
    assert any("'See Footnotes 2': its last number may be a footnote marker" in m for m in said)


def test_a_line_of_small_words_over_several_cells_below_a_title_is_debris() -> None:
    """``INNSUITES`` / ``HOSPITALITY REIT`` / ``see | a ee ee`` (OCR, remix seed 73): small
    lower-case words over a rule, at most one of three letters, are a scan's speckles or a
    cell's rest; which, the text does not say, so the cells it may continue are left empty with
    a doubt. It had been read into the title ('INNSUITES HOSPITALITY REIT see a ee ee')."""
    f = _remix("ocr_debris_line_of_small_words_below_a_title.txt")
    row, said = row_and_notes(f, 31, "security_title")
    assert row.security_title is None and row.shares_owned_following == Decimal("9686")
    assert any("'see a ee ee' below may be scan debris" in m for m in said)


def test_torn_captions_with_a_code_letter_above_the_first_row_are_no_row() -> None:
    """``S   3   4)   4)`` / `` or)`` under Table I's captions (OCR, remix seed 73): a letter
    where the code stands, single digits, no date, amount or capitalised title: the captions'
    ``Security`` and ``(Instr. 3 ... 4)`` torn. It had been a phantom row ('or', code S)."""
    f = _remix("ocr_torn_captions_with_a_code_letter.txt")
    assert [r.line for r in f.non_derivative] == [23]
    assert any(
        "line 21" in n.message and "debris of the column captions" in n.message for n in f.notes
    )


def test_a_scan_s_wrapped_word_printed_again_below_is_read_once() -> None:
    """``Class A`` / ``Common Stock`` / ``Stock`` (OCR, remix seed 73): the last line repeats
    the end of the one above; a cell wraps on to new words, so it is a lost row's. It had been
    read 'Class A Common Stock Stock'."""
    f = _remix("ocr_wrapped_word_printed_twice.txt")
    row, said = row_and_notes(f, 24, "security_title")
    assert row.security_title == "Class A Common Stock"
    assert any("repeats the line above (its end) word for word ('Stock')" in m for m in said)


def test_more_torn_markers_after_a_title_or_a_nature() -> None:
    """``Class A Common Stock'”`` and ``Please see footnotes (8(9`` (OCR, remix seed 73): a
    quote pair no quote opened, and two markers opened and never closed, are torn markers."""
    f = _remix("ocr_torn_marker_quote_pair.txt")
    assert (
        next(r for r in f.non_derivative if r.line == 32).security_title == "Class A Common Stock"
    )
    g = _remix("ocr_two_torn_markers_after_a_nature.txt")
    assert next(r for r in g.non_derivative if r.line == 23).nature_of_ownership == (
        "Please see footnotes"
    )


def test_a_nature_the_scan_may_have_made_of_a_form_or_a_balance_is_left_empty() -> None:
    """Rows that read no ownership form (OCR, remix seed 79): ``TI See Footnotes“)`` opens on
    the form's ``I`` with a speck glued before it; ``2 oiloelil`` is a balance's digits
    garbled, one small-letter word where a nature (which opens with a capital) would stand.
    Either may be the form or values garbled as well as a nature: left empty with a doubt
    (they had been read 'TI See Footnotes' and 'oiloelil')."""
    f = parse_bytes((REMIX / "ocr_form_letter_glued_to_a_nature.txt").read_bytes(), "n.txt")
    row = next(r for r in f.non_derivative if r.line == 23)
    assert row.nature_of_ownership is None
    g = parse_bytes(
        (REMIX / "ocr_wrap_under_two_cells_and_a_garbled_nature.txt").read_bytes(), "g.txt"
    )
    row, said = row_and_notes(g, 21, "nature_of_ownership")
    assert row.nature_of_ownership is None
    assert any("'oiloelil': one small-letter word" in m for m in said)


def test_a_wrapped_word_under_a_line_of_two_cells_is_no_repeat() -> None:
    """``Class B (3) ... Common_ | 697,674`` / ``Common ... Stock`` / ``Stock`` (OCR, remix seed
    79): the middle line holds two cells' words (the title's ``Common``, the underlying's
    ``Stock``), so the last line's ``Stock`` repeats no line of the title: it is the title's
    rest ('Class B Common Stock'; it had been cut to 'Class B Common' when the repeat rule took
    the two cells for one line)."""
    f = _remix("ocr_wrap_under_two_cells_and_a_garbled_nature.txt")
    assert next(r for r in f.derivative if r.line == 41).security_title == "Class B Common Stock"


def test_a_marker_read_as_an_opening_quote_and_capitals_is_dropped() -> None:
    """``Class B Common Stock‘VO`` (OCR, remix seed 79): the marker's bracket read as a quote,
    its digits as capitals."""
    f = _remix("ocr_marker_read_as_a_quote_and_capitals.txt")
    assert next(r for r in f.non_derivative if r.line == 24).security_title == (
        "Class B Common Stock"
    )


def test_a_or_d_caption_read_with_its_brackets_opens_no_row() -> None:
    """``(Aor D) 2        9`` under the captions (OCR, remix seed 83): the ``(A) or (D)``
    caption garbled, its digits the ``(Instr.`` numbers. It had been a phantom row ('(Aor',
    D, 2 -> 9)."""
    f = _remix("ocr_a_or_d_caption_with_its_brackets.txt")
    assert [r.line for r in f.non_derivative] == [22]
    assert any("line 21" in n.message and "captions" in n.message for n in f.notes)


def test_a_capitalised_word_below_a_title_ended_by_its_par_value_is_a_lost_row_s() -> None:
    """``Common Stock, par | 10/26/2021 ...`` / ``value $0.001`` / ``Stock`` (OCR, remix seed
    83): a title ends on its par value, so ``Stock`` at the margin below is a row the scan
    lost; left out with a note (it had been read 'Common Stock, par value $0.001 Stock')."""
    f = _remix("ocr_word_below_a_title_ended_by_its_par_value.txt")
    row, said = row_and_notes(f, 22, "security_title")
    assert row.security_title == "Common Stock, par value $0.001"
    assert any("follows a title ended by its par value" in m for m in said)


def test_more_scan_debris_kinds_from_remix_seed_89() -> None:
    """OCR of remixed filings (seed 89): ``(aor Dy Price 284”`` under the captions is the
    ``(A) or (D)`` caption, no row (it had been a phantom row); lines of speckles read as
    vowels (``ieee eee eee eee`` / ``oe ee ee eee ee``) below a title are no words of it (they
    had been read into it); ``Il Limited Partnership`` where no form was read opens on the
    form's ``I`` and a speck (left empty, as ``TI See Footnotes``); ``Stock2&)`` ends in a torn
    marker."""
    f = parse_bytes((REMIX / "ocr_a_or_d_caption_in_small_letters.txt").read_bytes(), "a.txt")
    assert 19 not in [r.line for r in f.non_derivative]
    g = parse_bytes((REMIX / "ocr_vowel_speckle_lines_below_a_title.txt").read_bytes(), "v.txt")
    assert not any("eee" in (r.security_title or "") for r in g.non_derivative)
    h = parse_bytes((REMIX / "ocr_form_letter_read_il_before_a_nature.txt").read_bytes(), "i.txt")
    row = next(r for r in h.derivative if r.line == 22)
    assert row.nature_of_ownership is None
    assert row.underlying_title == "Class B Common Stock"


def test_a_lone_amount_at_the_margin_under_a_title_ending_par_value_is_its_par_value() -> None:
    """``Common Stock, par value | 10/02/2015 ... C 16,670 A ... 16,670`` (no price) over
    ``$0.001`` at the margin (OCR, remix seed 97): the margin is the title's column, where no
    price stands, so the amount is the title's par value. It had been read as a line of values
    with no title and left out, the title cut to 'Common Stock, par value'. Empty brackets
    after a nature (``footnotes()``) are a torn marker."""
    f = _remix("ocr_par_value_at_the_margin_under_a_row_without_price.txt")
    row = next(r for r in f.non_derivative if r.line == 27)
    assert row.security_title == "Common Stock, par value $0.001"
    g = parse_bytes((REMIX / "ocr_empty_brackets_after_a_nature.txt").read_bytes(), "e.txt")
    assert next(r for r in g.non_derivative if r.line == 23).nature_of_ownership == (
        "Please see footnotes"
    )


def test_crumbs_under_an_owner_s_name_and_a_rule_after_an_issuer_s_are_dropped() -> None:
    """OCR (remix seed 103): ``WIRTH JAMES F    TELOS CORP|[ TLS ]`` over a line of crumbs
    ``i    %O`` above the ``(Last)`` captions. One character a word, or one beside a symbol,
    is no word of a name (the name had been 'WIRTH JAMES F i %O'); the ``|`` glued before the
    ticker's bracket is a box rule (the issuer had been 'TELOS CORP|'), dropped with a note.
    ``L.P. [ [HT ]``: the ticker's bracket read twice is no character of the name either."""
    f = parse_bytes(
        (REMIX / "ocr_crumbs_under_an_owner_and_a_rule_after_an_issuer.txt").read_bytes(), "w.txt"
    )
    assert [o.name for o in f.reporting_owners] == ["WIRTH JAMES F"]
    assert (f.issuer.name, f.issuer.ticker) == ("TELOS CORP", "TLS")
    assert any(n.field == "issuer.name" and "'|'" in n.message for n in f.notes)
    g = parse_bytes((REMIX / "ocr_ticker_bracket_read_twice.txt").read_bytes(), "i.txt")
    assert g.issuer.name == "ICAHN ENTERPRISES L.P."
    assert any(n.field == "issuer.name" and "'['" in n.message for n in g.notes)


def test_speckles_where_a_row_shows_no_form_are_no_nature() -> None:
    """OCR (remix seed 103): ``Ordinary Shares) | 05/04/2022   Ee ee er ae   2 eee Ee``: the
    scan garbled the row's values, and a nature whose words are mostly vowels alone is its
    speckles (it had been read 'eee Ee'); so on a line holding a rule read as ``|``
    (``Class A Common Stock" | 10/02/2015   ee ee ee   De |``, read 'ee ee ee De'), which is
    a scan's line all the same. ``iI By Trust``: the form's ``I`` with a speck beside it, as
    ``TI``; left empty with a doubt (it had been read as the nature 'iI By Trust')."""
    f = parse_bytes((REMIX / "ocr_speckles_read_as_a_nature.txt").read_bytes(), "s.txt")
    row, said = row_and_notes(f, 23, "nature_of_ownership")
    assert row.nature_of_ownership is None
    assert any("speckles" in m for m in said)
    g = parse_bytes((REMIX / "ocr_speckles_as_a_nature_on_a_ruled_line.txt").read_bytes(), "r.txt")
    row, said = row_and_notes(g, 46, "nature_of_ownership")
    assert (row.security_title, row.nature_of_ownership) == ("Class A Common Stock", None)
    assert said
    h = parse_bytes((REMIX / "ocr_form_letter_read_ii_before_a_nature.txt").read_bytes(), "i.txt")
    row, said = row_and_notes(h, 35, "nature_of_ownership")
    assert row.nature_of_ownership is None
    assert any("'iI By Trust'" in m for m in said)


def test_a_par_value_line_under_a_title_that_ends_in_no_comma_is_no_sure_rest_of_it() -> None:
    """OCR (remix seed 103): ``INNSUITES   04/13/2022 ... S   100   $2,573.14   9,460`` /
    ``HOSPITALITY REIT`` / ``$0.01 par value``: a par value follows a comma in a title
    (``Class A Common Stock, $0.01 par value``, ``Common Shares, no`` / ``par value``), so the
    last line is the rest of a row the scan lost as likely as this title's; left empty with a
    doubt (it had been read 'INNSUITES HOSPITALITY REIT $0.01 par value')."""
    f = _remix("ocr_par_value_line_under_a_title_without_comma.txt")
    row, said = row_and_notes(f, 27, "security_title")
    assert (row.security_title, row.shares) == (None, Decimal(100))
    assert any("a par value where the title before it ends in no comma" in m for m in said)
    assert next(r for r in f.non_derivative if r.line == 31).security_title == (
        "Common Stock, par value $0.001"
    )


def test_a_further_owner_s_box_numbered_1_comma_ends_table_ii() -> None:
    """OCR (remix seed 103): a joint filing's further owners' boxes below Table II, the first
    one's number read ``1,`` (``1, Name and Address of Reporting Person"``). The box ends the
    tables as ``1.`` does: it had been read into Table II (a phantom row, and the last row's
    wrapped title, underlying title and nature cut to 'Tranche A', 'Common', 'By SVF II'),
    and that owner was missing from the owners."""
    f = _remix("ocr_further_owner_box_numbered_with_a_comma.txt")
    assert [r.line for r in f.derivative] == [34]
    row = f.derivative[0]
    assert row.security_title in (None, "Tranche A Common Share Purchase Warrants")
    assert row.underlying_title in (None, "Common Shares")
    assert row.nature_of_ownership in (None, "By SVF II Beaver (DE) LLC")
    assert [o.name for o in f.reporting_owners][:2] == ["Kress Colette", "SB Global Advisers Ltd"]
    assert len(f.reporting_owners) == 8


def test_more_scan_kinds_from_remix_seeds_101_and_107() -> None:
    """OCR of remixed filings. ``See Footnotes\\V)2)``: no word holds a backslash; what
    follows it is a torn marker (it had been read 'See Footnotes\\V'). A torn line of Table
    II's sub-captions (``Satrelyy   Code   iV, |((A) 2 | (D)   Date   Expiration | Title
    Amount or``) is captions, no row (it had been a phantom row). ``Class A Common`` /
    ``Stock`` / ``HOSPITALITY REIT`` / ``Stock`` under a row: a wrapped line printed again with
    other words between is lost rows' rest, so which lines are the title's is unsure (it had
    been read 'Class A Common Stock HOSPITALITY REIT Stock'). ``[conmonshae |]`` under
    ``INNSUITES`` / ``HOSPITALITY REIT``: a line opening on ``[`` may open a row after its rule
    (it had been read into the title)."""
    f = parse_bytes((REMIX / "ocr_backslash_in_a_torn_marker.txt").read_bytes(), "b.txt")
    row, said = row_and_notes(f, 22, "nature_of_ownership")
    assert row.nature_of_ownership == "See Footnotes"
    assert any("dropped OCR fragments" in m for m in said)
    g = parse_bytes((REMIX / "ocr_torn_table2_sub_captions.txt").read_bytes(), "c.txt")
    assert [r.line for r in g.derivative] == [32]
    h = parse_bytes(
        (REMIX / "ocr_a_wrapped_line_printed_again_with_words_between.txt").read_bytes(), "r.txt"
    )
    row, said = row_and_notes(h, 28, "security_title")
    assert row.security_title is None
    assert any("repeats an earlier wrapped line ('Stock')" in m for m in said)
    k = parse_bytes((REMIX / "ocr_bracketed_line_below_a_title.txt").read_bytes(), "k.txt")
    row, said = row_and_notes(k, 24, "security_title")
    assert row.security_title is None
    assert any("opens on '['" in m for m in said)


def test_more_scan_kinds_from_remix_seed_109() -> None:
    """OCR of remixed filings (seed 109). ``Class B`` / ``Common`` / ``Stock MO)``: capitals and
    a ``)`` none opened, after the noun a title ends on, are a torn marker (it had been read
    'Class B Common Stock MO'); ``By LP)`` keeps its ``LP``. ``Class A Common`` / ``Stock)`` /
    ``value``: a marker ends its cell's last word, so the line after it is a lost row's (it
    had been read 'Class A Common Stock value'). ``Share)   (891011)`` under a row whose
    nature a marker closed: the far cell is that nature's markers run together, no word, so
    the line is the title's rest (it had been left out: 'Common'). ``Ordinary {3,139,533 |@``:
    an amount among a title's words is a value the scan ran in: left empty (it had been read
    'Ordinary 3,139,533 Shares')."""

    f = _remix("ocr_marker_torn_to_capitals_after_stock.txt")
    assert next(r for r in f.non_derivative if r.line == 23).security_title == (
        "Class B Common Stock"
    )
    g = _remix("ocr_nature_ending_in_capitals_and_a_torn_marker.txt")
    assert next(r for r in g.non_derivative if r.line == 22).nature_of_ownership == "By LP"
    h = _remix("ocr_line_after_a_torn_marker_is_a_lost_row.txt")
    row, said = row_and_notes(h, 21, "security_title")
    assert row.security_title == "Class A Common Stock"
    assert any("ended by a torn footnote marker" in m for m in said)
    k = _remix("ocr_run_together_markers_under_a_closed_nature.txt")
    row = next(r for r in k.non_derivative if r.line == 23)
    assert (row.security_title, row.nature_of_ownership) == ("Common Share", "Please see footnotes")
    m = _remix("ocr_amount_run_into_an_underlying_title.txt")
    k51 = next(k for k, r in enumerate(m.derivative) if r.line == 51)
    assert m.derivative[k51].underlying_title is None
    assert any(
        n.field == f"derivative[{k51}].underlying_title" and "holds an amount" in n.message
        for n in m.notes
    )


def test_a_further_owner_s_name_with_box_5_s_caption_cut_in_is_read_from_its_bold_text() -> None:
    """pymupdf4llm's layout mode (remix seed 113): a further owner's box below the tables,
    ``|1. Name and Address of<br>**Kress Colette**|Reporting Person<sup>*</sup>|5. R<br>(Ch|
    elationship<br>eck all app|...``: box 5's torn caption ran into the name ('5. R elationship
    of Reporting P erson(s) to Issuer Kress Colette (Ch eck all app licable)'); the bold text
    of box 1's cell was read as the name, with a note. Since remix seed 433 the cell opening
    box 5's label (``5. R``) ends box 1 on every line, so box 1's own cells give the name."""
    f = _remix("layout_md_further_owner_with_box5_caption_cut_in.md")
    names = [o.name for o in f.reporting_owners]
    assert "Kress Colette" in names
    assert not any(n and ("elationship" in n or "(Ch" in n) for n in names)


def test_more_scan_kinds_from_remix_seed_127() -> None:
    """OCR of remixed filings (seed 127), read with the fixes of seeds 101-113 in place before
    the set was opened. ``10% O`` on a line of its own under box 1's name is box 5's ``10%
    Owner`` torn (the name had been 'Clements Carol Ann 10% O'). A lone window date in a Table
    II row whose words no column took (``Ordinary`` left out: the row's cells slid) may be the
    transaction's: left empty (it had been read as the expiration date); since seed 181 the
    row's ``XxX`` reads as code X, so the date is the transaction's. ``2 1Do)``: a number
    one space before a token the scan garbled that opens on a digit may be one number's start
    (``21,600``): left empty. A row whose title and every value were left empty is no row: left
    out with its doubts in a note (such rows had counted as phantoms)."""

    f = _remix("ocr_ten_percent_owner_torn_under_the_name.txt")
    assert [o.name for o in f.reporting_owners] == ["Clements Carol Ann"]
    g = _remix("ocr_lone_date_in_a_row_whose_words_no_column_took.txt")
    k, row = next((k, r) for k, r in enumerate(g.derivative) if r.line == 53)
    assert (row.date_exercisable, row.expiration_date) == (None, None)
    # (seed 181: its ``XxX`` is the code X read three times, so the date is the transaction's)
    assert (row.code, row.transaction_date) == ("X", dt.date(2025, 7, 25))
    assert any(n.field == f"derivative[{k}].code" and "unsure" in n.message for n in g.notes)
    h = _remix("ocr_number_before_a_garbled_one.txt")
    assert 34 not in [r.line for r in h.non_derivative]
    assert any("'2' stands one space before '1Do)'" in n.message for n in h.notes)
    m = _remix("ocr_row_with_nothing_read.txt")
    assert [r.line for r in m.non_derivative] == [20, 22]
    assert any("line 24: title and values all unread" in n.message for n in m.notes)


def test_scan_words_about_as_near_two_text_columns_leave_both_empty() -> None:
    """OCR of a remixed filing (seed 131, read with the fixes of seeds 101-127 in place before it
    was opened): under ``Stock ... Class A   8,635   8,635   SMB Pacific``, the line ``Option
    Common   2021 Charitable`` puts ``2021 Charitable`` about as near the underlying title's
    place as the nature's (each scan line is spaced on its own): either may continue, so both
    are left empty with a doubt. They had been read 'Class A Common 2021 Charitable Stock' and
    'SMB Pacific Remainder Unitrust I'."""
    f = _remix("ocr_wrapped_words_between_two_text_columns.txt")
    k, row = next((k, r) for k, r in enumerate(f.derivative) if r.line == 76)
    assert (row.underlying_title, row.nature_of_ownership) == (None, None)
    assert row.underlying_shares == Decimal(8635)
    assert any(
        n.field == f"derivative[{k}].nature_of_ownership" and "about as near" in n.message
        for n in f.notes
    )


def test_a_lone_date_placed_as_the_deemed_date_is_left_empty() -> None:
    """OCR of a remixed filing (seed 137, scored first with every earlier fix in place):
    ``Common Share — | 05/12/2023   84,603   A   $2.36   84,603``: the dash and the rule put the
    row's one date under the deemed execution date. The form asks for a deemed date only beside
    the transaction's, so the date may be the transaction's (or the transaction's was lost):
    left empty with a doubt on both. It had been read as a deemed date the filing does not
    have."""
    f = _remix("ocr_lone_date_placed_as_the_deemed_date.txt")
    row, said = row_and_notes(f, 21, "deemed_execution_date")
    assert (row.transaction_date, row.deemed_execution_date) == (None, None)
    # with no date and no code the line states no transaction: its amount and price are set
    # aside with a doubt, its balance kept
    assert (row.shares, row.price, row.shares_owned_following) == (None, None, Decimal(84603))
    assert any("it may be the transaction's" in m for m in said)


def test_a_scan_title_ending_par_value_with_no_amount_read_is_left_empty() -> None:
    """OCR of a remixed filing (seed 139, scored first with every earlier fix in place):
    ``Common Stock, par value | 05/04/2022 ... $162.77) 457,976`` over ``$0,001)``: the scan
    read the par value's point as a comma, so no rule took the line as the title's amount. A
    title ending on ``par value`` with no amount wants one, so it was cut: left empty with a
    doubt (it had been read 'Common Stock, par value')."""
    f = _remix("ocr_par_value_amount_garbled_below_a_title.txt")
    row, said = row_and_notes(f, 27, "security_title")
    assert row.security_title is None
    assert any("ends on 'par value' with no amount" in m for m in said)
    # a title that holds its amount, or says 'no par value', is kept
    assert next(r for r in f.non_derivative if r.line == 29).security_title == (
        "Class A Common Stock, $0.01 par value"
    )


def test_a_scan_s_marker_torn_to_a_letter_and_a_symbol_is_no_part_of_the_title() -> None:
    """tesseract read the marker after a title's wrapped word as a letter and a symbol
    (``Class C Capital } 99/24/2025®) ...`` / ``Stock(V@)``; a remixed filing, seed 151): the
    symbol had been dropped and ``(V)`` kept, as if the title ended so. A bracket glued to a
    word's last letter holding a scan's symbol is a torn marker: dropped with it, noted."""
    f = _remix("ocr_marker_torn_to_a_letter_and_a_symbol.txt")
    row = f.non_derivative[0]
    assert row.security_title == "Class C Capital Stock"
    assert any("Stock(V@)" in n.message for n in f.notes if n.kind == "repair")


@pytest.mark.parametrize(
    ("word", "kept"),
    [("Stock(V@)", "Stock"), ("Trust(©)", "Trust"), ("Inc.(DE)", "Inc.(DE)"), ("(right", "(right")],
)
def test_a_glued_bracket_goes_only_with_a_symbol_in_it(word: str, kept: str) -> None:
    assert clean_words(word) == kept


def test_a_form_3_scan_row_with_a_date_run_into_its_title_is_read_without_a_crash() -> None:
    """tesseract of a Form 3's Table II (no price column) whose row ran the window date, its
    slashes read as 7s, into the title (``Restricted Stock Unit 0471472028 | ordinary
    Shares®® [95/6980  $3.74``; a remixed Form 3, seed 151): the price-or-underlying check asked
    for the price's column, which a Form 3's Table II has not, and the parser failed
    (``tuple.index``). Read now, and the title, which holds a run of digits no title has, is
    left empty with a doubt."""
    f = _remix("ocr_form3_table2_title_with_a_date_run_in.txt")
    assert f.form_type == "3"
    row = f.derivative[2]
    assert row.security_title is None
    assert any(
        n.field == "derivative[2].security_title" and "run of digits" in n.message for n in f.notes
    )


TEXT = Path(__file__).parent / "fixtures" / "text"


def test_a_scan_s_number_broken_at_a_space_before_letters_read_as_digits_is_left_empty() -> None:
    """tesseract of a work-list filing (render of session 14): ``Common Shares, } 07/25/2025
    xD   697,674   A   e))   2 3lo tlt``, the balance 2,315,111 broken at a space and its
    digits read as letters. ``3lo`` was read as 310 (its letters taken for digits) and the
    ``2`` before it as the price, which the row does not have: a price nobody filed. A number
    one space before a number read by mending its letters may be one number broken there:
    both left empty with a doubt."""
    f = parse_bytes(
        (TEXT / "ocr_balance_broken_at_a_space_its_letters_mended.txt").read_bytes(), "scan.txt"
    )
    row = f.non_derivative[0]
    assert (row.price, row.shares_owned_following) == (None, None)
    assert row.shares == Decimal(697674)
    said = [n.message for n in f.notes if n.field and n.field.startswith("non_derivative[0].")]
    assert any("one space before" in m for m in said)
    assert any("its letters read as digits" in m for m in said)


def test_a_scan_s_torn_captions_read_as_code_amount_and_balance_are_no_row() -> None:
    """tesseract of a synthetic filing (render of session 14): `` I) 9      9`` under Table I's
    captions, the ``(I)`` and ``4)`` of the captions torn. It had been read as a row with code
    I, amount 9 and balance 9, no title and no date: a phantom row. Lone digits under the
    captions with no title, date or ownership form are the captions' debris, amount or not."""
    f = parse_bytes((TEXT / "ocr_torn_captions_read_as_an_amount.txt").read_bytes(), "scan.txt")
    assert f.non_derivative == []
    assert [r.security_title for r in f.derivative] == ["Restricted Stock Units"]


def test_a_scan_s_crumbs_under_the_owner_s_name_are_no_part_of_it() -> None:
    """tesseract of a remixed filing (seed 163): box 1's name ``WIRTH JAMES F`` and, on the line
    below, ``2        *.`` (the box's rules and a crumb). ``*.`` had passed for an initial
    (a letter and a point) and the line was read as the name's rest: 'WIRTH JAMES F 2 *.'."""
    f = _remix("ocr_crumbs_under_the_owner_s_name.txt")
    assert [o.name for o in f.reporting_owners] == ["WIRTH JAMES F"]


def test_a_scan_s_speckles_above_the_first_row_and_a_marker_torn_to_a_quote_are_dropped() -> None:
    """tesseract of a remixed filing (seed 163): ``Foe eee ee`` above ``Common'Y@)  06/25/2026)
    ...``: a line of speckles (most words vowels alone) had been read as the title's first
    line, and the marker ``(7)`` torn to ``'Y@)`` as its last letters ('Foe eee ee
    Common'Y'). Speckles are left out with a note; a quote and a capital after a word's small
    letters are a torn marker, as a curly quote's were."""
    f = _remix("ocr_speckles_above_the_first_row.txt")
    assert f.non_derivative[0].security_title == "Common"
    assert any("Foe eee ee" in n.message for n in f.notes)
    assert clean_words("Common'Y@)") == "Common"
    assert clean_words("Common's") == "Common's"


def test_a_scan_s_torn_captions_in_small_words_with_a_mended_number_are_no_row() -> None:
    """tesseract of a remixed filing (seed 167): ``jor [pace _|*      3S`` under Table I's
    captions (``(A) or (D)  Price`` and a superscript, torn; ``3S`` read as 35). It had been
    read as a holding titled 'jor pace' with a balance of 35: a phantom. Under the captions, a
    line whose words open small (a title opens with a capital) and whose numbers have two
    digits at most, with no date, code or form, is the captions' debris."""
    f = _remix("ocr_torn_captions_small_words_and_a_mended_number.txt")
    assert "jor pace" not in [r.security_title for r in f.non_derivative]
    assert f.non_derivative[0].security_title == "Common Shares, no par value"


def test_a_scan_s_marker_torn_to_a_capital_in_brackets_is_no_part_of_the_title() -> None:
    """tesseract of a remixed filing (seed 167): ``Class B`` / ``Common`` / ``Stock(D)@)``, the
    marker ``(1)`` read as ``(D)`` glued to the title's last word: 'Class B Common Stock(D)'.
    One capital in brackets glued to a word's small letter is a torn marker; a title's own
    bracket stands apart (``Class (A)``)."""
    f = _remix("ocr_marker_torn_to_a_capital_in_brackets.txt")
    assert f.non_derivative[0].security_title == "Class B Common Stock"
    assert clean_words("Stock(D)") == "Stock"
    assert clean_words("Class (A)") == "Class (A)"


def test_the_form_s_i_read_with_a_stroke_before_the_nature_is_dropped_from_it() -> None:
    """tesseract of a remixed filing (seed 167): ``... 411,062,076    If    by Trust?``: the
    ownership form's ``I`` read with a stroke as ``If``, then the nature. The nature had read
    'If by Trust'. A form's I and a stroke read as a small letter opens no nature: dropped from
    it with a note; the form stays unread (a doubt), since a scan's I may be a rule."""
    f = _remix("ocr_form_s_i_read_with_a_stroke_before_the_nature.txt")
    row = f.non_derivative[1]
    assert (row.nature_of_ownership, row.ownership) == ("by Trust", None)
    assert any(
        "'If' before the nature" in n.message
        for n in f.notes
        if n.field == "non_derivative[1].nature_of_ownership"
    )


def test_the_form_s_i_read_as_il_before_the_nature_is_dropped_from_it() -> None:
    """tesseract of a real Form 3 (Snowflake, work list): Table II's first row ends ``IL
    Limited Partnership``, the ownership form's ``I`` (its marker a stroke read as ``L``) under
    box 5 and the nature under box 6. The nature had read 'IL Limited Partnership': a wrong
    value. ``IL`` opens no nature: dropped with a note, the form left unread; the titles of the
    row, which a wrapped ``Stock@)`` completes, still read."""
    f = _remix("ocr_form_s_i_read_as_il_before_the_nature.txt")
    row = f.derivative[0]
    assert (row.nature_of_ownership, row.ownership) == ("Limited Partnership", None)
    assert (row.security_title, row.underlying_title) == (
        "Series E Preferred Stock",
        "Class B Common Stock",
    )
    assert any(
        "'IL' before the nature" in n.message
        for n in f.notes
        if n.field == "derivative[0].nature_of_ownership"
    )


def test_markers_run_together_into_one_number_are_no_part_of_the_nature() -> None:
    """tesseract of a remixed filing (seed 523): ``By Spouse(28920)`` and, on the line below
    at the margin, ``ay``: the nature's six markers ``(6)...(11)`` read as one bracketed number
    glued to its last word, and their wrapped rest as two small letters. The nature had read
    'By Spouse(28920) ay': a wrong value. Three digits or more in a bracket glued to a word are
    no footnote's number, and small letters after such a marker are no word of the cell."""
    f = _remix("ocr_markers_run_together_after_the_nature.txt")
    row = f.non_derivative[0]
    assert row.nature_of_ownership == "By Spouse"
    assert any("By Spouse(28920) ay" in n.message for n in f.notes if n.kind == "repair")
    assert clean_words("By Spouse(28920)") == "By Spouse"
    assert clean_words("Family Trust (2012)") == "Family Trust (2012)"  # a bracket apart
    assert clean_words("By Trust(4) of") == "By Trust(4)"
    assert clean_words("Trust of") == "Trust of"


def test_a_scan_s_torn_marker_leaving_an_opening_bracket_is_no_part_of_the_nature() -> None:
    """tesseract of a remixed filing (seed 173): ``Please see footnotes(`` / ``(8)(9)(10)(11)``,
    the marker after the nature torn to its opening bracket, glued to the word. No word ends
    on an opening bracket: it goes, with a note."""
    f = _remix("ocr_nature_ending_on_a_torn_marker_s_bracket.txt")
    assert f.non_derivative[0].nature_of_ownership == "Please see footnotes"
    assert any("footnotes(" in n.message for n in f.notes if n.kind == "repair")
    assert clean_words("Stock (right") == "Stock (right"


def test_a_scan_s_code_and_price_pushed_below_merge_into_their_row() -> None:
    """tesseract of a remixed filing (seed 179): ``Common Stock   12/13/2022   (2)   41,986
    (5)   111,034`` / ``S   $152.655``, and ``Class ACommon Stock | 12/13/2022   (2) ...`` /
    ``Ss   $150.841``: the raised markers pushed each row's code and price a line down, and
    the scan kept them at the margin with nothing (or ``Ss``, a small s beside the capital)
    before them. Each line was a row of its own (a phantom row, ``Ss`` its title); now it is
    the row's code and price, with a note, ``Ss`` read as code S with a doubt."""
    f = _remix("ocr_code_and_price_pushed_below_at_the_margin.txt")
    rows = f.non_derivative
    assert len(rows) == 5
    assert (rows[1].code, rows[1].price) == ("S", Decimal("150.841"))
    assert (rows[3].code, rows[3].price, rows[3].shares) == ("S", Decimal("152.655"), 41986)
    assert (rows[4].code, rows[4].price) == ("S", Decimal("153.872"))
    assert any("'Ss'" in n.message and "unsure" in n.message for n in f.notes)
    # the pushed line's own want of an amount is no doubt on a row that has one
    assert not any(
        n.field == "non_derivative[3].acquired_disposed" and "no amount" in n.message
        for n in f.notes
    )


def test_a_scan_s_rule_before_the_ticker_is_no_part_of_it() -> None:
    """tesseract (seed 179): ``DraftKings Inc. [| WDAY ]``, the box rule read after the
    bracket. No ticker holds a space: the ticker is ``WDAY``, with a doubt (was ``| WDAY``)."""
    f = _remix("ocr_ticker_after_a_rule.txt")
    assert f.issuer.ticker == "WDAY"
    assert any(n.field == "issuer.ticker" and n.kind == "doubt" for n in f.notes)


def test_a_scan_s_issuer_left_of_its_label_is_box_2_s_by_its_ticker() -> None:
    """tesseract (seed 181): ``BERKSHIRE HATHAWAY INC          Wave Life Sciences Ltd. [ VCNX
    ]`` under ``1. Name and Address ...          2. Issuer Name ...``: the scan set the issuer's
    line left of box 2's label, so it fell in box 1's column, and both names read as one
    (owner 'BERKSHIRE HATHAWAY INC Wave Life Sciences Ltd. [ VCNX ]'). A ticker in brackets
    is box 2's alone: the cell goes to box 2."""
    f = _remix("ocr_issuer_left_of_its_label_beside_the_owner.txt")
    assert [o.name for o in f.reporting_owners] == ["BERKSHIRE HATHAWAY INC"]
    assert (f.issuer.name, f.issuer.ticker) == ("Wave Life Sciences Ltd.", "VCNX")


def test_a_scan_s_margin_lines_after_a_lost_row_s_line_are_not_the_title_s() -> None:
    """tesseract (seed 181): ``Class A Common Stock, } 12/13/2022 ...`` / ``$0.01 par value`` /
    ``value`` / ``a`` / ``HOSPITALITY REIT``: ``value`` repeats the end of the line above, a
    lost row's; a cell's lines run on unbroken, so the lines below it are no part of this
    title either (it had read '... $0.01 par value a HOSPITALITY REIT')."""
    f = _remix("ocr_margin_lines_after_a_lost_row_s_line.txt")
    row = f.non_derivative[0]
    assert row.security_title == "Class A Common Stock, $0.01 par value"
    assert any(
        "HOSPITALITY REIT" in n.message and "lost" in n.message
        for n in f.notes
        if n.field == "non_derivative[0].security_title"
    )


def test_a_scan_s_code_x_read_three_times_is_the_code() -> None:
    """tesseract (seed 181): ``Tranche C   (3)   07/25/2025   XxX   697,674 | (3)   (3)
    Ordinary | 697,674``: ``XxX`` (the code X, a small x between) stands where the code does;
    read as a word it had pushed the row's cells along (the date taken for the window's, the
    underlying title 'XxX Shares'). Now code X with a doubt, the row read in its columns."""
    f = _remix("ocr_code_x_read_three_times.txt")
    row = f.derivative[2]
    assert (row.code, row.transaction_date) == ("X", dt.date(2025, 7, 25))
    assert row.underlying_title == "Ordinary Shares"
    assert any("'XxX'" in n.message for n in f.notes if n.field == "derivative[2].code")


def test_a_scan_s_number_and_three_digits_one_space_apart_are_left_empty() -> None:
    """tesseract of a work-list filing (this session's render): ``...   A   @   2315 111``, the
    balance 2,315,111 with its first separator lost and its second read as a space. Read as a
    price of 2315 (the form prints none there) and a balance of 111; one number broken at a
    space or two values, the text does not say: both left empty with a doubt."""
    path = REMIX.parent / "ocr_balance_separators_lost.txt"
    f = parse_bytes(path.read_bytes(), path.name)
    row = f.non_derivative[0]
    assert (row.price, row.shares_owned_following) == (None, None)
    assert row.shares == 697674
    assert any(
        "'2315' and '111' stand one space apart" in n.message
        for n in f.notes
        if n.field == "non_derivative[0].shares_owned_following"
    )


def test_a_two_digit_marker_read_as_three_small_letters_is_no_part_of_the_title() -> None:
    """tesseract of a work-list filing (render of session 16): the exercise and expiration
    dates hold only the marker ``(11)``, read ``en}`` and ``cen))``; the two-letter one was
    taken for a marker, the three-letter one stayed as the underlying title's first word
    (``cen Common Stock``, a title nobody filed). Three small letters closed by a doubled
    bracket or a brace are no word of a title."""
    f = parse_bytes((TEXT / "ocr_two_digit_markers_read_as_letters.txt").read_bytes(), "scan.txt")
    (row,) = f.derivative
    assert row.underlying_title == "Common Stock"
    assert row.underlying_shares == Decimal("560000.0")
    said = [n.message for n in f.notes if n.field == "derivative[0].underlying_title"]
    assert any("taken for a scan's footnote marker" in m for m in said)


def test_a_scan_line_of_the_underlying_title_printed_from_the_margin_is_no_part_of_the_title() -> (
    None
):
    """tesseract of remix seed 193 (scored before it was opened): under ``Restricted ... Class
    B ... By SVF II`` / ``Stock Units ... Common ... Beaver (DE)``, the line ``Stock  LLC®)``
    holds the underlying title's ``Stock`` and the nature's ``LLC``, but tesseract prints
    every line from its first word, so it stood at the margin and the nearest columns gave
    ``Stock`` to the title and ``LLC`` to the underlying title (``Restricted Stock Units
    Stock``, ``Class B Common LLC``: two titles nobody filed). A security's noun ends its
    title, so the line's cells are those of the text cells after it, with a doubt."""
    f = _remix("ocr_underlying_line_printed_from_the_margin.txt")
    row = f.derivative[0]
    assert row.security_title == "Restricted Stock Units"
    assert row.underlying_title == "Class B Common Stock"
    assert row.nature_of_ownership == "By SVF II Beaver (DE) LLC"
    said = {
        n.field: n.message
        for n in f.notes
        if n.field and n.field.startswith("derivative[0].") and "at the margin" in n.message
    }
    assert set(said) == {"derivative[0].underlying_title", "derivative[0].nature_of_ownership"}
    assert all(n.kind == "doubt" for n in f.notes if "at the margin" in n.message)


def test_a_scan_line_from_the_margin_under_a_trust_s_name_leaves_the_cells_it_may_continue() -> (
    None
):
    """The same kind under a nature four lines long (``SMB Pacific`` / ``2021`` / ``Stock
    Charitable`` / ``Remainder`` / ``Unitrust I``): ``Stock`` had gone to the title, and the
    margin lines after it were cut into ``Deferred Stock Units Stock Remainder Unitrust I``
    and ``Class B Common Charitable``. Now ``Stock`` and ``Charitable`` go to the underlying
    title and the nature; the lines left below (``Remainder`` / ``Unitrust I``) were left
    empty in every open cell, and are now the nature's: both titles end on their noun on the
    lines above, and no title goes on from its noun to ``Remainder`` (remix seed 229)."""
    f = _remix("ocr_underlying_and_nature_line_from_the_margin.txt")
    row = f.derivative[1]
    assert row.shares_owned_following == Decimal(8635)
    assert (row.security_title, row.underlying_title, row.nature_of_ownership) == (
        "Deferred Stock Units",
        "Class B Common Stock",
        "SMB Pacific 2021 Charitable Remainder Unitrust I",
    )
    notes = [n.message for n in f.notes if n.field == "derivative[1].nature_of_ownership"]
    assert any("'Remainder / Unitrust I' split by" in m for m in notes)


def test_a_scan_that_kept_a_captions_indent_is_still_read_as_a_scan() -> None:
    """tesseract of remix seed 197 (scored before it was opened): the scan kept the indent of
    one caption line, the lone ``4)`` of ``(Instr. 3 and 4)``, and the page was taken for
    layout text, where a line above a row is its title's start; so the garbled ``(A) or``
    caption above the first row (``Aor)``) opened its title (``Aor Common Shares, no par
    value``, a title nobody filed). A line with no letter says nothing of indents: the page
    is read as a scan, and no title starts on a closing bracket."""
    f = _remix("ocr_caption_indent_kept_by_the_scan.txt")
    row = f.non_derivative[0]
    assert row.security_title == "Common Shares, no par value"
    assert row.shares == Decimal(5250) and row.price == Decimal("2.79")
    assert any("'Aor)'" in n.message and "no title's start" in n.message for n in f.notes)


def test_a_marker_torn_to_small_letters_after_a_titles_first_word_is_dropped() -> None:
    """tesseract of remix seed 193 (scored before it was opened): ``Non-Qualifed | go)`` /
    ``Stock Option`` / ``(right to buy)``, the exercise price's marker cell read ``go)``. The
    scan's ``)`` went, ``go`` stayed in the title. Small letters closing a bracket nothing
    opened are a torn marker; a bracket a line above opened keeps its word (``to buy)``)."""
    f = _remix("ocr_marker_torn_to_small_letters_in_a_title.txt")
    titles = [r.security_title for r in f.derivative]
    assert "Non-Qualifed Stock Option (right to buy)" in titles
    assert not any(t and " go" in t for t in titles)
    assert clean_words("Non-Qualifed go) Stock") == "Non-Qualifed Stock"
    assert clean_words("to buy)", opened=True) == "to buy)"
    assert clean_words("Option (right to buy)") == "Option (right to buy)"


def test_a_scan_s_speckles_read_as_vowels_are_no_words_of_a_nature() -> None:
    """tesseract of remix seed 193: ``6,125,376   ee ee See footnote”?`` read the nature as
    ``ee ee See footnote``, and ``153,020   Eee`` gave a row with no nature the nature
    ``Eee``. Words of vowels alone are speckles: dropped before the cell's first word (a
    repair), and a cell of nothing else is left empty with a doubt."""
    f = _remix("ocr_speckles_before_a_nature.txt")
    assert f.non_derivative[0].nature_of_ownership == "See footnote"
    assert any("'ee ee'" in n.message and "speckles" in n.message for n in f.notes)
    g = _remix("ocr_speckles_for_a_nature.txt")
    row = g.non_derivative[0]
    assert row.shares_owned_following == Decimal(153020) and row.nature_of_ownership is None
    (note,) = [n for n in g.notes if n.field == "non_derivative[0].nature_of_ownership"]
    assert note.kind == "doubt" and "'Eee'" in note.message


def test_a_scan_s_line_after_a_title_s_par_value_is_left_out() -> None:
    """tesseract of remix seed 199 (scored before it was opened): ``Common Stock, par`` /
    ``value $0.001`` / ``value``, the last a word read twice (or a lost row's), gave the title
    ``Common Stock, par value $0.001 value``. A par value ends a title (but for ``per share``),
    so a line that would run it on is left out, with a doubt; a torn marker after the amount
    (``value $0,001)``) runs nothing on."""
    f = _remix("ocr_word_after_a_par_value.txt")
    titles = [r.security_title for r in f.non_derivative]
    assert not any(t and t.endswith("$0.001 value") for t in titles)
    assert any("line 'value' below left out" in n.message for n in f.notes)
    g = _remix("ocr_par_value_with_a_torn_marker.txt")
    assert "Common Stock, par" not in [r.security_title for r in g.non_derivative]
    assert not any("'value $0,001)' below left out" in n.message for n in g.notes)


def test_markers_whose_digits_a_scan_read_as_letters_end_a_nature() -> None:
    """tesseract of remix seed 199: ``Please see footnotes °\\”) (8(LO)``, the markers ``(8)(10)``
    with their 1 and 0 read as L and O, stayed in the nature."""
    f = _remix("ocr_markers_read_as_letters_after_a_nature.txt")
    assert f.non_derivative[0].nature_of_ownership == "Please see footnotes"
    assert clean_words("By Trust (2021)") == "By Trust (2021)"
    assert clean_words("Units (1O)") == "Units"


def test_a_scan_s_specks_under_box_1_are_no_part_of_the_owners_name() -> None:
    """tesseract of remix seed 199: ``s.     .`` on the line under ``Stecyk Chrystyna Bedrij``
    was joined to the name. Marks with no letter, or a small letter with a mark, are specks (an
    initial is a capital: ``Eschenbach Carl M.`` keeps its ``M.``)."""
    f = _remix("ocr_specks_under_the_owners_name.txt")
    names = [o.name for o in f.reporting_owners]
    assert names[0] == "Stecyk Chrystyna Bedrij"
    assert "Eschenbach Carl M." in names
    assert any("'s. .'" in n.message for n in f.notes if n.field == "reporting_owners[0].name")


def test_markers_a_scan_read_as_symbols_and_letters_are_no_words_of_a_title() -> None:
    """tesseract of remix seed 223 (scored before it was opened): ``Stock Option | ¢g@)`` /
    ``(Right to Buy)`` read ``Stock Option ¢g (Right to Buy)``, and ``Class C Capital`` /
    ``Stock(‘V@`` read ``Class C Capital Stock(‘V``: footnote markers misread, as a symbol
    and a small letter, or glued on as a bracket, a quote and a letter."""
    f = _remix("ocr_marker_read_as_a_symbol_and_a_letter.txt")
    assert "Stock Option (Right to Buy)" in [r.security_title for r in f.derivative]
    g = _remix("ocr_marker_glued_as_a_quote_and_a_letter.txt")
    assert g.non_derivative[0].security_title == "Class C Capital Stock"
    assert clean_words("By ©) Trust") == "By Trust"
    assert clean_words("Trust (‘A)") == "Trust (‘A)"


def test_a_marker_read_as_a_capital_and_a_digit_is_no_word_of_a_nature() -> None:
    """tesseract of remix seed 227 (scored before it was opened): the nature's markers ``(1)(2)``
    read as ``Footnotes(V2)``; the ``2)`` was cut off and ``See Footnotes(V)`` read, a wrong
    value. A bracket glued to a small letter, of capitals and digits with a capital among them,
    is a torn marker."""
    f = _remix("ocr_marker_read_as_a_capital_and_a_digit.txt")
    row = next(r for r in f.non_derivative if r.line == 22)
    assert row.nature_of_ownership == "See Footnotes"


def test_small_letters_standing_alone_under_a_row_are_specks() -> None:
    """tesseract of remix seed 227: ``FSS a a WC`` at the margin under ``Class A Common`` /
    ``Stock`` was read as the rest of the title (``Class A Common Stock FSS a a WC``). A line
    with two small letters standing alone is no title's or nature's: scan debris, or the cell's
    rest garbled, so the cells it may continue are left empty with a doubt."""
    f = _remix("ocr_lone_small_letters_under_a_row.txt")
    row, notes = row_and_notes(f, 37, "security_title")
    assert (row.security_title, row.shares_owned_following) == (None, Decimal("2755"))
    assert any("'FSS a a WC' below may be scan debris" in m for m in notes)


def test_margin_lines_after_an_underlying_that_ended_on_its_noun_go_to_the_title() -> None:
    """tesseract of remix seed 227: ``Tranche B ... Common`` / ``Common   Shares`` / ``Share`` /
    ``Purchase`` / ``Warrants``, the last three at the margin: the title's or the underlying
    title's? ``Common Shares Share`` runs a title on past its noun, so the title's."""
    f = _remix("ocr_warrants_below_underlying_shares.txt")
    row = next(r for r in f.derivative if r.line == 34)
    assert (row.security_title, row.underlying_title) == (
        "Tranche B Common Share Purchase Warrants",
        "Common Shares",
    )


def test_markers_torn_to_capitals_digits_and_brackets_are_no_words() -> None:
    """tesseract of remix sets 229 and 233 (each scored before it was opened): footnote markers
    after a title's noun or a nature read ``Stock V2)``, ``By Spouse @)2%``, ``By Trust
    OMOOCHAD`` (``(1)(4)(6)``: brackets and noughts read as O, C, D) and ``By Spouse
    )(7)E)(9)A0)``; each had been kept as words of the cell."""
    f = _remix("ocr_marker_v2_after_a_title_s_noun.txt")
    row = next(r for r in f.non_derivative if r.line == 22)
    assert (row.security_title, row.nature_of_ownership) == ("Class C Capital Stock", "By Spouse")
    f = _remix("ocr_markers_read_as_capitals_after_a_nature.txt")
    assert next(r for r in f.non_derivative if r.line == 22).nature_of_ownership == "By Trust"
    f = _remix("ocr_marker_opening_on_a_closing_bracket.txt")
    assert next(r for r in f.non_derivative if r.line == 24).nature_of_ownership == "By Spouse"
    # capitals of a name stay: a cell in capitals, or a word of other letters
    assert clean_words("BY TRUST OMOOCHAD") == "BY TRUST OMOOCHAD"
    assert clean_words("By Trust DOC") == "By Trust DOC"
    assert clean_words("By Smith Family LLC") == "By Smith Family LLC"


def test_an_owners_words_below_a_title_ended_on_its_noun_are_the_natures() -> None:
    """tesseract of remix seed 229: ``Common Stock | ... I By FDS New River Farm 2017`` /
    ``Irrevocable Trust`` at the margin: ``Trust`` ends an owner's name, and no title runs on
    past its noun to one (``Common Stock Irrevocable Trust``), but for one after ``of``
    (``Units of ABC Trust``)."""
    f = _remix("ocr_owner_words_after_a_title_s_noun.txt")
    got = {r.line: (r.security_title, r.nature_of_ownership) for r in f.non_derivative}
    assert got[25] == ("Common Stock", "By FDS New River Farm 2017 Irrevocable Trust")
    assert got[29] == ("Common Stock, par value $0.001", "By Fredrick D. Schaufeld Rev. Trust")
    from parsers.text.wraps import runs_past_its_end

    assert runs_past_its_end("Common Stock Irrevocable Trust")
    assert not runs_past_its_end("Units of Beneficial Interest of ABC Trust")


def test_a_lost_rows_rest_past_a_siblings_title_is_left_out() -> None:
    """tesseract of remix seed 233 (scored before it was opened) lost a row whole but its title's
    second line (``Stock`` of ``Class A Common`` / ``Stock``), which the row above took:
    ``INNSUITES HOSPITALITY REIT Stock``, where another row reads ``INNSUITES HOSPITALITY REIT``
    for sure. The words past a sibling's title may be a lost row's: left empty with a doubt."""
    f = _remix("ocr_lost_row_rest_past_a_siblings_title.txt")
    row, notes = row_and_notes(f, 23, "security_title")
    assert row.security_title is None and row.shares == Decimal(300000)
    # (since remix seed 401 the doubt says so before any sibling is compared: words in
    # capitals and then a word that is not are no title the scan gives for sure)
    assert any(
        "runs past 'INNSUITES HOSPITALITY REIT'" in m or "words in capitals and then" in m
        for m in notes
    )
    assert f.non_derivative[0].security_title == "INNSUITES HOSPITALITY REIT"


def test_a_line_of_a_lone_noun_or_small_letters_is_no_row() -> None:
    """tesseract of remix seed 239 (scored before it was opened): ``Stock 22)  14`` under
    ``Series E Preferred Stock ... Class A Common ... By immediate family member`` and
    ``member 19890)`` under a row the scan garbled were read as rows titled ``Stock`` and
    ``member`` (phantom rows). No security is titled by its noun alone and no title opens on a
    small letter: such a line with no date, code, amount or price is the rest of a cell above;
    the cells above it may end are left empty with a doubt (the underlying's ``Class A Common``,
    and the nature, which the ``22)`` may end: ``member 2``)."""
    f = _remix("ocr_lone_noun_line_below_a_row.txt")
    assert all(r.security_title not in ("Stock", "member") for r in f.derivative)
    row = next(r for r in f.derivative if r.line == 23)
    assert (row.underlying_title, row.nature_of_ownership) == (None, None)
    assert row.underlying_shares == Decimal(938126)
    f = _remix("ocr_small_letter_line_is_no_row.txt")
    assert not any(r.security_title == "member" for r in f.non_derivative)
    assert clean_words("q@y By immediate family member") == "By immediate family member"


def test_a_window_date_before_a_marker_torn_to_symbols_is_the_date_exercisable() -> None:
    """tesseract of remix seed 239: ``Share  $0.41  05/14/2021 |@®  Class A``: the expiration
    date's cell held only the marker ``(1)``, read as ``@®`` after the box rule; the date had
    been read as the expiration date (a wrong value, the filing's date exercisable)."""
    f = _remix("ocr_window_marker_torn_to_symbols.txt")
    row = f.derivative[0]
    assert (row.date_exercisable, row.expiration_date) == (dt.date(2021, 5, 14), None)


def test_a_forms_letter_and_marker_read_as_a_word_are_no_nature() -> None:
    """tesseract of remix seed 239: ``Common Shares, no  123,056,079  poe)``: the ownership form
    and its marker garbled into one small-letter word with a torn bracket, read as the nature
    ``poe`` of a row with no form (the filing gives it none). A nature opens with a capital."""
    f = _remix("ocr_form_and_marker_read_as_a_word.txt")
    row = next(r for r in f.non_derivative if r.line == 40)
    assert (row.shares_owned_following, row.nature_of_ownership) == (Decimal(123056079), None)


def test_remix_241_scan_specks_are_no_words_of_a_cell() -> None:
    """tesseract of remix seed 241 (scored before it was opened). ``cee | Og [Es |e [so`` under
    ``Ordinary ... By immediate family`` / ``Shares  member 2`` had run into the nature
    (``By immediate family member 2 cee Og Es e so``): short specks between a scan's rules are
    debris. ``Ce ee`` and ``See`` where a row shows no ownership form were read as natures
    (the filing gives none): specks, and a nature's first word alone. ``(@y`` before an
    underlying title is specks."""
    f = _remix("ocr_short_specks_between_rules.txt")
    row = next(r for r in f.non_derivative if r.line == 21)
    assert row.nature_of_ownership is None and row.shares_owned_following == Decimal(5200)
    f = _remix("ocr_specks_and_see_where_no_form.txt")
    natures = {r.line: r.nature_of_ownership for r in f.non_derivative}
    assert natures[33] is None and natures[45] is None
    assert clean_words("(@y Common Stock") == "Common Stock"


def test_a_margin_noun_with_a_torn_marker_is_no_proof_the_title_ended() -> None:
    """tesseract of remix seed 241: ``Common ... I  by Trust @Oava0`` / ``Stock ‘Y)`` at the
    margin. ``‘Y`` is a torn marker, no word a title goes on with or not: ``Common Stock`` stays
    a cut, beside ``by Trust ... Stock``; two cuts, so both cells are left empty (the title had
    been read ``Common``, the nature ``by Trust @Oava0 Stock ‘Y``). Since session 22 a cut
    giving the nature a security's noun is ruled out where another is left, and a quote and a
    letter after a title's noun are a torn marker: the title reads ``Common Stock``; the
    nature, ending on the scan's ``@Oava0``, stays empty."""
    f = _remix("ocr_torn_marker_after_a_margin_noun.txt")
    row = next(r for r in f.non_derivative if r.line == 25)
    assert (row.security_title, row.nature_of_ownership) == ("Common Stock", None)


def test_a_par_value_whose_point_the_scan_read_as_a_comma_is_left_empty() -> None:
    """tesseract of remix seed 229: ``Common Stock, par value $0,001``: the point read as a
    comma; the title is left empty with a doubt that says so."""
    f = _remix("ocr_par_value_point_read_as_comma.txt")
    row, notes = row_and_notes(f, 39, "security_title")
    assert row.security_title is None
    assert any("point the scan read as a comma" in m for m in notes)


def test_markers_torn_after_an_owners_last_word_are_no_words() -> None:
    """tesseract of remix seed 251 (scored before it was opened): ``Trust“t)`` (a marker torn to
    a double quote and a letter) and ``Irr Trust V2`` (``(1)(2)`` read as a capital and a digit)
    had been kept as words of the nature. A double quote stands inside no word of a name, and a
    capital and a digit after the word an owner's name ends on are a marker."""
    f = _remix("ocr_marker_after_a_double_quote.txt")
    assert next(r for r in f.non_derivative if r.line == 37).nature_of_ownership == "Trust"
    f = _remix("ocr_markers_read_v2_after_trust.txt")
    row = next(r for r in f.non_derivative if r.line == 26)
    assert row.nature_of_ownership == "By Jacob A. Schaufeld Irr Trust"
    assert clean_words("By John’s Trust") == "By John’s Trust"  # an apostrophe stays
    assert clean_words("By Fund V2") == "By Fund V2"  # after no owner's last word: a name's


def test_remix_257_a_number_run_into_torn_markers_leaves_the_nature_empty() -> None:
    """tesseract of remix seed 257 (scored before it was opened): ``Common ... By immediate
    family`` / ``Share)   member 25(7)8)(9)40)``. The nature's caption shares a scan's rule with
    the caption before it (``Direct | 7. Nature of Indirect``), so its column went unseen and
    the torn markers were taken for a balance: a phantom row ``Share member``. With the column
    seen, the line is the row's wrapped rest; ``25(7)8)...`` is ``2`` and markers torn together,
    so which digits are the nature's the text does not say: left empty. ``member 2”)`` (a marker
    torn to a quote and a bracket) is left empty the same way (it had been read as words)."""
    f = _remix("ocr_number_run_into_torn_markers.txt")
    assert [(r.line, r.security_title) for r in f.non_derivative] == [(23, "Common Share")]
    k = 0
    assert f.non_derivative[k].nature_of_ownership is None
    assert any(
        "digits run into torn footnote markers" in n.message
        for n in f.notes
        if n.field == f"non_derivative[{k}].nature_of_ownership"
    )
    f = _remix("ocr_number_then_quote_and_bracket.txt")
    row = next(r for r in f.non_derivative if r.line == 29)
    assert row.nature_of_ownership is None and row.shares_owned_following == Decimal(28447534000)


def test_a_marker_torn_open_to_a_capital_and_a_symbol_is_no_word() -> None:
    """tesseract of remix seed 257: ``... 59,870,398 Trust(V@``: ``(1)(2)`` torn to a bracket
    left open, a capital and a symbol, glued to the nature's last word. It had been read
    ``Trust(V`` (only the symbol taken off)."""
    f = _remix("ocr_marker_torn_open_to_a_symbol.txt")
    assert next(r for r in f.non_derivative if r.line == 27).nature_of_ownership == "Trust"
    assert clean_words("By Trust(V@") == "By Trust"
    assert clean_words("Option (right") == "Option (right"


def test_a_number_and_a_lone_bracket_on_a_wrapped_line_leave_the_nature_empty() -> None:
    """A scan's wrapped line ``par value $0.001   member 2)`` (the fixture above with its marker
    torn to a bare ``)``, as remix seed 239's scan printed another): ``2)`` is the nature's
    ``2`` and a marker's bracket, or a marker ``(2)`` that lost its ``(``. As a fragment with
    no value it had been dropped, the nature read ``By immediate family member``, a nature
    nobody filed. It goes with the word before it, so the nature is left empty with a doubt;
    the title's rest on the same line is still read."""
    text = (REMIX / "ocr_number_then_quote_and_bracket.txt").read_text()
    assert "member 2”)" in text
    f = parse_bytes(text.replace("member 2”)", "member 2)").encode(), "ocr.txt")
    row, notes = row_and_notes(f, 29, "nature_of_ownership")
    assert row.security_title == "Common Stock, par value $0.001"
    assert row.nature_of_ownership is None
    assert any("'2)' is digits run into torn footnote markers" in m for m in notes)


def test_a_par_value_line_after_a_title_ended_on_its_own_is_a_lost_rows() -> None:
    """tesseract of remix seed 257 (scored before it was opened): ``Class A Common Stock, | ...``
    / ``$0.01 par value`` / ``value $0.001``: the first margin line ends the title with its par
    value; the second is a row's the scan lost (no title goes on past its par value). The
    title had been left empty for both; it is read, and the lost row's line left out with a
    note. ``Common Stock, —_|`` / ``par value $0.001``: the rule's debris after the comma hid
    that the title goes on there (left empty before)."""
    f = _remix("ocr_par_value_then_a_lost_rows_par.txt")
    row = next(r for r in f.non_derivative if r.line == 24)
    assert row.security_title == "Class A Common Stock, $0.01 par value"
    assert any("'value $0.001' below" in n.message and n.line == 24 for n in f.notes)
    f = _remix("ocr_title_comma_then_rule_debris.txt")
    row = next(r for r in f.non_derivative if r.line == 22)
    assert row.security_title == "Common Stock, par value $0.001"


def test_a_line_of_specks_is_no_row_and_a_speck_splices_no_title() -> None:
    """tesseract of a synthetic filing (the work list, rendered afresh on a new machine): Table
    I has no row, and the scan garbled its sub-captions into ``Sli |S eT NTI ce eS] ee eee
    a00``: a phantom row titled with specks. A title of small-letter specks with no value read
    is no row. In Table II, ``|Common = | ... Stock`` / ``(right to`` / ``buy)``: the speck
    ``=`` made ``Common = Stock`` look like ``Common Stock`` with a word spliced in, so the cut
    giving it was dropped and the other one read (``Stock Option`` and ``Common Stock (right to
    buy)``, two wrong values). A speck is no word."""
    f = _remix("ocr_specks_line_and_a_speck_in_a_title.txt")
    assert f.non_derivative == []
    row = f.derivative[0]
    assert (row.security_title, row.underlying_title) == (
        "Stock Option (right to buy)",
        "Common Stock",
    )


def test_remix_263_markers_torn_after_an_owners_last_word() -> None:
    """tesseract of remix seed 263 (scored before it was opened): ``by Trust V2)`` (``(1)(2)``
    read as a capital, a digit and the bracket) had been read ``by Trust V``, and ``Rev. Trust
    OCoay)`` (markers torn to letters of no word's casing) ``... Rev. Trust OCoay``. After the
    word an owner's name ends on, both are markers torn."""
    f = _remix("ocr_marker_torn_to_capital_digit_bracket.txt")
    assert next(r for r in f.non_derivative if r.line == 31).nature_of_ownership == "by Trust"
    f = _remix("ocr_markers_torn_to_mixed_letters.txt")
    row = next(r for r in f.non_derivative if r.line == 24)
    assert row.nature_of_ownership == "By Fredrick D. Schaufeld Rev. Trust"
    assert clean_words("Unitrust II)") == "Unitrust II"  # a name's capitals stay
    assert clean_words("By LP)") == "By LP"


def test_remix_263_a_lost_rows_lines_and_a_garbled_date_are_no_title() -> None:
    """tesseract of remix seed 263: ``Class B Common Stock | ...`` / ``value`` / ``value`` (rows
    the scan lost left their par values' last words): ``value`` had been read into the title
    (``Class B Common Stock value``); after a title's noun only a title's word goes on. And
    ``Ordinary Shares [047172022`` / ``[common _____[oartsra022 ...``: a row whose values the
    scan garbled, read as a phantom row titled ``Ordinary Shares common oartsra022``; a word of
    letters glued to digits is a garbled value, not a title's, so nothing of the row is read
    and it is no row (a note says so)."""
    f = _remix("ocr_lost_rows_value_after_a_noun.txt")
    row = next(r for r in f.non_derivative if r.line == 30)
    assert row.security_title == "Class B Common Stock"
    f = _remix("ocr_date_garbled_into_a_title.txt")
    assert [r.line for r in f.non_derivative] == [21]
    assert any("line 24: title and values all unread" in n.message for n in f.notes)


def test_remix_269_a_digit_beside_a_holdings_amount_is_no_balance() -> None:
    """tesseract of remix seed 269 (scored before it was opened): ``INNSUITES   4,002,800   7
    See Footnotes`` (a holding): the amount was taken for the transaction's, set aside, and the
    ``7`` where the ownership form stands read as the balance (a wrong value). A digit beside a
    holding's one amount, where no form was read, is the balance or the form garbled: left
    empty (the row, with nothing else read, is then no row, and a note says so)."""
    f = _remix("ocr_holding_amount_then_a_digit.txt")
    assert all(r.shares_owned_following != Decimal(7) for r in f.non_derivative)
    assert any("7 after the amount 4002800" in n.message for n in f.notes)


def test_remix_269_box_3s_date_is_not_a_date_below_box_1s_captions() -> None:
    """tesseract of remix seed 269: box 3's caption torn (``| >: Date of Earliest Transaction``)
    and its date ``01/26/2023`` a column to its right; the caption's column ran down past box
    1's ``(City) (State)`` to box 4's ``01/27/2023`` (the original's date), read as the period
    of report. Below box 1's last captions no date is box 3's."""
    f = _remix("ocr_box3_date_beside_its_column.txt")
    assert f.period_of_report == dt.date(2023, 1, 26)


def test_remix_271_a_lone_window_date_its_squeezed_caption_placed_against_the_rows() -> None:
    """tesseract of remix seed 271 (scored before it was opened): ``Series E ... 143,848,000
    05/11/2024 |  Common``: the expiration's marker lost, the lone date kept the column its
    caption gave it, the expiration date's (the scan squeezed the captions), where the table's
    other rows place their date exercisable for sure (a wrong value). Against the rows, the
    caption's column is unsure: left empty with a doubt."""
    f = _remix("ocr_lone_window_date_under_a_squeezed_caption.txt")
    k, row = next((k, r) for k, r in enumerate(f.derivative) if r.line == 38)
    assert (row.date_exercisable, row.expiration_date) == (None, None)
    assert any(
        "where the table's other rows place their date exercisable" in n.message
        for n in f.notes
        if n.field == f"derivative[{k}].expiration_date"
    )


def test_remix_271_an_underlying_title_holding_amounts_places_no_number_after_it() -> None:
    """tesseract of remix seed 271: ``Common} 133,563,429 | $2.586.4075°) | 934,923,989``: the
    underlying title took the amount and the garbled price, and the balance after them was
    read as the underlying amount, as a lone number right after the title is (a wrong value).
    A title that holds an amount is not where the row's cells end: both are left empty."""
    f = _remix("ocr_underlying_title_holding_amounts.txt")
    row = next(r for r in f.derivative if r.line == 49)
    assert row.underlying_shares is None and row.shares_owned_following is None


def test_remix_271_markers_torn_to_symbols_after_a_word_or_a_number() -> None:
    """tesseract of remix seed 271: ``By Spouse®(@))2%)`` (markers torn to symbols, brackets, a
    digit and a percent sign, glued to the nature's last word) had been kept; and the margin
    line ``member 1°)`` had lost its ``1°)`` as debris (``By immediate family member``, a
    nature nobody filed): the number is the nature's or a marker's, so it is left empty."""
    f = _remix("ocr_marker_torn_to_symbols_and_percent.txt")
    assert next(r for r in f.non_derivative if r.line == 23).nature_of_ownership == "By Spouse"
    f = _remix("ocr_number_then_degree_and_bracket.txt")
    row = next(r for r in f.non_derivative if r.line == 22)
    assert row.security_title == "Common Stock, par value $0.001"
    assert row.nature_of_ownership is None


def test_remix_281_scan_debris_read_as_words_or_an_amount() -> None:
    """tesseract of remix seed 281 (scored before it was opened): ``Irr`` / ``Trust D@)`` (a
    marker torn to a capital and a symbol before its bracket) had been read ``... Irr Trust D``;
    ``Dee le`` where the row shows no ownership form, a nature of specks (the filing gives
    none); ``member 2.`` and ``Common Stock).`` (markers torn to a point) had kept their
    points; and ``1B`` where the code stands was mended to ``18`` and read as the amount (the
    real amount, 144,092, slid on): a word of two characters is too little to mend, so it is a
    value unread (and remix seed 283's ``Class A  7B s5ialt``, an amount garbled, is no word of
    the underlying title)."""
    f = _remix("ocr_marker_torn_to_capital_symbol_bracket.txt")
    row = next(r for r in f.non_derivative if r.line == 29)
    assert row.nature_of_ownership == "By Haley E. Schaufeld Irr Trust"
    f = _remix("ocr_short_specks_for_a_nature.txt")
    assert next(r for r in f.non_derivative if r.line == 36).nature_of_ownership is None
    f = _remix("ocr_number_then_a_point.txt")
    assert next(r for r in f.derivative if r.line == 38).nature_of_ownership is None
    f = _remix("ocr_title_then_bracket_and_point.txt")
    assert next(r for r in f.derivative if r.line == 32).underlying_title == "Common Stock"
    f = _remix("ocr_code_read_as_digit_and_letter.txt")
    row = next(r for r in f.non_derivative if r.line == 24)
    assert row.shares is None and row.price == Decimal("2585.3202")
    assert any("'1B': a digit and a letter" in n.message for n in f.notes)
    f = _remix("ocr_amount_garbled_after_an_underlying_title.txt")
    row = next(r for r in f.derivative if r.line == 45)
    assert (row.underlying_title, row.underlying_shares) == ("Class A Common Stock", None)


def test_remix_283_a_natures_torn_ends_and_a_speck_before_it() -> None:
    """tesseract of remix seed 283 (scored before it was opened): the margin line ``member 1°)``
    had lost its ``1°)`` as marker debris (``By immediate family member``, a nature nobody
    filed): after a word, the number is the cell's or a marker's, so the nature is left empty
    (the title beside it is still cut and read); ``Ce By Spouse®`` (a speck before a nature's
    ``By``) and ``Please see footnotes (EVV)`` (markers torn to capitals after the word that
    names them) are read without them."""
    f = _remix("ocr_number_then_symbol_bracket_on_a_margin_line.txt")
    row = next(r for r in f.non_derivative if r.line == 28)
    assert (row.security_title, row.nature_of_ownership) == ("Common Stock", None)
    f = _remix("ocr_speck_before_a_natures_by.txt")
    assert next(r for r in f.derivative if r.line == 29).nature_of_ownership == "By Spouse"
    f = _remix("ocr_markers_torn_to_bracketed_capitals.txt")
    row = next(r for r in f.non_derivative if r.line == 23)
    assert row.nature_of_ownership == "Please see footnotes"
    assert clean_words("By Spouse @)2%") == "By Spouse"


def test_remix_293_an_owners_last_word_and_a_number_are_no_row() -> None:
    """tesseract of remix seed 293 (scored before it was opened): ``Class C Capital Stock  8,265
    I  SMB Pacific 2021`` / ``Charitable Remainder`` / ``Unitrust 109`` (``Unitrust II`` and a
    marker garbled): the last line was read as a holding of 109 titled ``Unitrust`` (a phantom
    row) and the nature as ``SMB Pacific 2021 Charitable Remainder`` (a nature nobody filed). A
    word that ends an owner's name titles no security: the line is the nature's rest, which the
    text does not give for sure, so the nature is left empty and no row is read."""
    f = _remix("ocr_owner_word_and_number_below_a_nature.txt")
    assert all(r.security_title != "Unitrust" for r in f.non_derivative)
    row = next(r for r in f.non_derivative if r.line == 35)
    assert row.nature_of_ownership is None and row.shares_owned_following == Decimal(8265)


def test_a_marker_torn_to_empty_brackets_and_a_code_read_as_a_small_letter() -> None:
    """tesseract of two work-list filings, rendered afresh in session 23 (the scan's noise
    differs from one render to the next): ``@ ()y Common`` / ``Stock`` (the date exercisable's
    and the expiration date's ``(1)`` torn to a symbol and to empty brackets and a letter) had
    been read ``()y Common Stock``; ``Tranche C (3) 07/25/2025 a 697,674 ... Common`` (code X
    read as ``a``, the row's ``Common`` left out) had given the underlying title ``a Shares``,
    a title nobody filed. No title opens on empty brackets or on a lone small letter."""
    f = _remix("ocr_marker_torn_to_empty_brackets.txt")
    row = next(r for r in f.derivative if r.line == 30)
    assert (row.security_title, row.underlying_title) == ("Deferred Stock Units", "Common Stock")
    assert clean_words("()y Common") == "Common"
    f = _remix("ocr_code_read_as_a_small_letter_before_a_title.txt")
    i, row = next((i, r) for i, r in enumerate(f.derivative) if r.line == 47)
    assert row.underlying_title is None
    assert any(
        n.field == f"derivative[{i}].underlying_title" and "lone small letter" in n.message
        for n in f.notes
    )
    # the other tranches' underlying titles, their codes read, are read whole
    assert {r.underlying_title for r in f.derivative if r.line in (37, 42)} == {"Common Shares"}


def test_remix_401_scan_titles_the_text_does_not_give_for_sure() -> None:
    """tesseract of remix seed 401 (scored before it was opened): four titles nobody filed.
    ``Class B Common`` / ``Stock`` / ``en | | |`` read ``... Stock en`` (specks after the noun a
    title ends on: dropped); ``INNSUITES`` / ``HOSPITALITY REIT`` / ``Stock``, the last line a
    row's the scan lost (words in capitals, then a word that is not: left empty); ``Class B
    ilye}ayik``, the underlying amount garbled into the title's column (a brace inside a word:
    left empty); ``Tranche B- |`` / ``Common`` read ``Tranche B-Common`` (a class letter, a
    hyphen where it wrapped: left empty)."""
    f = _remix("ocr_specks_after_a_titles_noun.txt")
    assert next(r for r in f.non_derivative if r.line == 24).security_title == (
        "Class B Common Stock"
    )
    assert any("dropped OCR fragments in 'Class B Common Stock en'" in n.message for n in f.notes)
    f = _remix("ocr_lost_rows_line_below_a_title_in_capitals.txt")
    for line in (27, 30):
        row = next(r for r in f.non_derivative if r.line == line)
        assert row.security_title is None, line
    assert any("words in capitals and then" in n.message for n in f.notes)
    f = _remix("ocr_amount_garbled_with_a_brace.txt")
    row = next(r for r in f.derivative if r.line == 40)
    assert row.underlying_title is None
    assert any("brace inside it" in n.message for n in f.notes)
    f = _remix("ocr_class_letter_and_a_hyphen_where_it_wrapped.txt")
    row = next(r for r in f.derivative if r.line == 64)
    assert row.security_title is None
    assert any("a lone capital and a hyphen" in n.message for n in f.notes)


def test_remix_401_a_box_date_whose_year_a_cell_border_cut() -> None:
    """pymupdf4llm's layout mode, remix seed 401: ``3. Date o<br>**03/08/20**|f Earliest<br>
    **23**``: box 3's date with its year cut after the century had been read 2020-03-08 (a
    two-digit year). Every box's date is printed with four digits: the year's rest is in the
    next cell, read with a doubt."""
    f = _remix("layout_year_cut_by_a_cell_border.md")
    assert f.period_of_report == dt.date(2023, 3, 8)
    assert any(
        n.field == "period_of_report" and "year a cell border cut" in n.message for n in f.notes
    )


def test_remix_409_an_amounts_first_digit_read_as_a_letter() -> None:
    """tesseract of remix seed 409 (scored before it was opened): ``Common |g 171,189``, the
    underlying amount 8,171,189 with its 8 read as ``g`` after the table's rule, had given the
    underlying title ``Common g Shares`` and the amount 171,189, neither filed. A letter that
    looks like a digit one space before an amount whose first group holds three digits may be
    its first digit: the amount is left unread, with a note, and the letter is no word."""
    f = _remix("ocr_amounts_first_digit_read_as_a_letter.txt")
    i, row = next((i, r) for i, r in enumerate(f.derivative) if r.line == 38)
    assert (row.underlying_title, row.underlying_shares) == ("Common Shares", None)
    assert row.shares == Decimal(8171189)
    assert any(
        n.field == f"derivative[{i}].underlying_shares" and "first digit" in n.message
        for n in f.notes
    )


def test_remix_419_a_garbled_row_does_not_make_the_scans_table_centre_its_cells() -> None:
    """tesseract of remix seed 419 (scored before it was opened): a line garbled past reading
    (``[common | oaa7a022 ee [sa || cocoon ...``), read at first as a row whose title opens in
    small letters, had made the table one whose cells are centred (titles starting above their
    values): every later row's wrapped ``Stock`` went to the row below (``Stock Class B
    Common``, nine titles nobody filed). A scan keeps each row's first line on its value line."""
    f = _remix("ocr_garbled_row_among_rows_whose_titles_wrap_below.txt")
    titles = {r.line: r.security_title for r in f.non_derivative}
    assert titles[39] == "Class A Common Stock"
    assert titles[41] == "Class B Common Stock"
    assert titles[43] == "Common Shares, no par value"
    assert not any(str(t).startswith("Stock") for t in titles.values())


def test_remix_419_an_amount_after_a_natures_by_and_a_code_read_as_two_letters() -> None:
    """tesseract of remix seed 419: ``Common ... BY 7.241`` (the ownership form lost, 377,211
    garbled) had been read as a holding of 7.241 (a phantom row: no row holds that); an amount
    right after the word a nature opens on stands where no amount does, so it is left unread.
    ``TrancheA | () 07/25/2025 xe ... Common``: code X read ``xe`` had given the underlying
    title ``xe Shares``; a title opening on one or two small letters is left empty."""
    f = _remix("ocr_amount_after_a_natures_by.txt")
    assert all(r.shares_owned_following != Decimal("7.241") for r in f.non_derivative)
    assert any("'BY 7.241'" in n.message for n in f.notes)
    f = _remix("ocr_code_read_as_two_small_letters_before_a_title.txt")
    row = next(r for r in f.derivative if r.line == 38)
    assert row.underlying_title is None


def test_remix_421_a_date_garbled_with_a_slash_lost_is_a_date_unread() -> None:
    """tesseract of remix seed 421 (scored before it was opened): ``Depostary Units |a/i72022
    a a 94.416`` (04/13/2022 garbled, one slash lost) had put ``a/i72022 a a`` into the title
    and, with no date left, read the row as a holding. A date's shape with its year whole is a
    date unread: the row is a transaction whose date the text lost (said so), not a holding."""
    f = _remix("ocr_date_garbled_with_a_slash_lost.txt")
    i, row = next((i, r) for i, r in enumerate(f.non_derivative) if r.line == 22)
    assert row.kind == "transaction" and row.transaction_date is None
    assert row.security_title == "Depostary Units"  # (the scan's own misreading of a letter)
    assert any(
        n.field == f"non_derivative[{i}].transaction_date" and "'a/i72022'" in n.message
        for n in f.notes
    )


def test_remix_431_a_date_whose_slashes_the_scan_read_as_digits() -> None:
    """tesseract of remix seed 431 (scored before it was opened): ``Class A Common Stock
    [0471372022 ea So [0000 700 | NN ctsoatacr [ON a ee``, 04/13/2022 with both slashes read
    as ``7`` and the balance 13,009,100 garbled, had been read as a holding of 700 with the
    nature ``NN ctsoatacr ON a ee`` (neither filed). The date's shape is a date unread (the
    row is a transaction), and a number right after digits the scan tore off is unsure: left
    unread; the nature is then where the row shows no balance nor form: left empty."""
    f = _remix("ocr_date_whose_slashes_read_as_digits.txt")
    i, row = next((i, r) for i, r in enumerate(f.non_derivative) if r.line == 23)
    assert row.kind == "transaction" and row.transaction_date is None
    assert row.shares_owned_following is None and row.nature_of_ownership is None
    said = [n.message for n in f.notes if n.field.startswith(f"non_derivative[{i}]")]
    assert any("'[0471372022'" in m for m in said)
    assert any("'[0000 700'" in m and "left unread" in m for m in said)


def test_remix_431_a_par_value_line_the_scan_closed_with_a_bracket() -> None:
    """tesseract of remix seed 431: ``Common Stock, par`` / ``value $0,001)`` (a bracket the
    scan added) had given the title ``Common Stock, par``, cut mid-name: the one cut the
    brackets left ends the title on ``par``, so it is no sure reading and both cells the
    line may continue are left empty, with a note."""
    f = _remix("ocr_par_value_line_with_a_bracket_the_scan_added.txt")
    i, row = next((i, r) for i, r in enumerate(f.non_derivative) if r.line == 24)
    assert row.security_title is None
    assert row.shares == Decimal(473928390)
    assert any(
        n.field == f"non_derivative[{i}].security_title" and "may continue" in n.message
        for n in f.notes
    )


def test_remix_439_a_speck_after_a_companys_legal_form_is_no_word_of_its_name() -> None:
    """tesseract of remix seed 439: ``TANG CAPITAL PARTNERS LP`` with ``2   i.`` (specks) on
    the line below had read the name ``TANG CAPITAL PARTNERS LP 2``: a legal form ends a
    company's name, so one character after it is a speck, dropped with a note."""
    f = _remix("ocr_digit_speck_below_a_companys_name.txt")
    assert f.reporting_owners[0].name == "TANG CAPITAL PARTNERS LP"
    assert any("dropped '2 i.'" in n.message for n in f.notes)


def test_remix_443_capitals_closing_an_unopened_bracket_end_no_title() -> None:
    """tesseract of remix seed 443 (scored before it was opened): ``Class B`` / ``Common`` /
    ``Stock MYO)`` had read the title ``Class B Common Stock MYO)``: a word in capitals closing
    a bracket nothing opened, after a title not in capitals, is a footnote marker the scan read
    as letters or a word: left empty. A title all in capitals keeps it (``INNSUITES HOSPITALITY
    REIT)``: a word and a torn marker, read ``INNSUITES HOSPITALITY REIT``)."""
    f = _remix("ocr_capitals_closing_an_unopened_bracket_after_a_title.txt")
    i, row = next((i, r) for i, r in enumerate(f.non_derivative) if r.line == 24)
    assert row.security_title is None
    assert row.shares == Decimal(422978062)
    assert any(
        n.field == f"non_derivative[{i}].security_title" and "'MYO)'" in n.message for n in f.notes
    )


def test_remix_443_two_letter_specks_beside_a_price_pushed_below_are_no_row() -> None:
    """tesseract of remix seed 443: ``Pp   $2,579.3767`` under a row (its price pushed below,
    specks beside it) had been read as a row titled ``Pp`` (a phantom): two letters not both
    capitals title no security; the line is the rest of a cell above, no row."""
    f = _remix("ocr_two_letter_specks_beside_a_price_pushed_below.txt")
    assert all(r.security_title != "Pp" for r in f.non_derivative)
    assert not any(r.line == 39 for r in f.non_derivative)
    assert any("line 39 (security_title=Pp)" in n.message for n in f.notes)


def test_remix_449_a_noun_drifted_under_the_nature_beside_an_unfinished_title() -> None:
    """tesseract of remix seed 449 (scored before it was opened): the underlying title
    ``Class A`` / ``Common`` / ``Stock`` beside the nature ``Trustees of The`` /
    ``Surace/Rogers`` / ``Family Trust``, each line's words a little further right (the scan
    turned): ``Stock`` had gone to the nature (``... Surace/Rogers Stock Family Trust``) and the
    underlying title read ``Class A Common``. A security's noun in the nature beside a title
    left unfinished: whose it is, the columns do not say, so both were left empty. Since seed
    673 the line's cells say it: ``Stock``, ``Stock``, ``Family Trust``, three cells for the
    row's three text columns and none nearest the underlying title's, are each its column in
    order (a doubt on each)."""
    f = _remix("ocr_underlying_noun_drifted_under_the_nature.txt")
    row, said = derivative_row_and_notes(f, 33, "nature_of_ownership")
    assert (row.underlying_title, row.nature_of_ownership) == (
        "Class A Common Stock",
        "Trustees of The Surace/Rogers Family Trust",
    )
    assert row.underlying_shares == Decimal(8171189)
    assert any("last two cells" in m for m in said)


def test_remix_449_a_point_after_a_titles_noun_and_a_date_behind_a_rule() -> None:
    """tesseract of remix seed 449: ``Common Shares. [671.266`` had read the underlying title
    ``Common Shares.`` (no title ends on a point after its noun: a speck, dropped with a note);
    ``Class A Common Stock_[oa/r372022 ... 94.416``, a rule and a garbled date glued to the
    title's last word, had been read as a holding: the date is a date unread, the row a
    transaction."""
    f = _remix("ocr_point_speck_after_a_titles_noun.txt")
    row = next(r for r in f.derivative if r.line == 32)
    assert row.underlying_title == "Common Shares"
    f = _remix("ocr_date_with_a_rule_glued_to_the_title.txt")
    ndrow, said = row_and_notes(f, 30, "transaction_date")
    assert ndrow.kind == "transaction" and ndrow.transaction_date is None
    assert any("'oa/r372022'" in m for m in said)


def test_remix_457_a_capital_and_a_symbol_after_a_titles_noun_is_a_torn_marker() -> None:
    """tesseract of remix seed 457 (scored before it was opened): ``Class A`` / ``Common`` /
    ``Stock V@`` had read the title ``Class A Common Stock V``: a capital with a scan's symbol
    after the noun a title ends on is a torn footnote marker, dropped with a note."""
    f = _remix("ocr_capital_and_symbol_after_a_titles_noun.txt")
    row = next(r for r in f.non_derivative if r.line == 25)
    assert row.security_title == "Class A Common Stock"
    assert any("'Class A Common Stock V@'" in n.message for n in f.notes)


def test_remix_457_a_par_value_line_below_a_pushed_price_is_no_row() -> None:
    """tesseract of remix seed 457: ``$2,559.0283`` (a price pushed below its row) and then
    ``$0.01 par value`` had been read as a row titled ``$0.01 par value`` (a phantom): no
    title opens on a par value; the line is the rest of a cell above."""
    f = _remix("ocr_par_value_line_below_a_pushed_price.txt")
    assert not any(r.line == 22 for r in f.non_derivative)
    assert any("line 22 (security_title=$0.01 par value)" in n.message for n in f.notes)


def test_remix_461_a_word_closing_an_unopened_bracket_after_trust() -> None:
    """tesseract of remix seed 461 (scored before it was opened): the nature ``Trust`` with its
    footnote markers read ``Manat)`` had read ``Trust Manat``: after the word an owner's name
    ends on, a word closing a bracket nothing opened may be torn markers or a word of it, so
    the nature is left empty (a legal form there, ``Trust LLC)``, stays a word of it)."""
    f = _remix("ocr_word_closing_an_unopened_bracket_after_trust.txt")
    row, said = row_and_notes(f, 24, "nature_of_ownership")
    assert row.nature_of_ownership is None
    assert any("'Manat)'" in m for m in said)


def test_remix_479_a_point_inside_a_wrapped_title_is_a_speck() -> None:
    """tesseract of remix seed 479 (scored before it was opened): ``Class B Common. |
    01/11/2022`` over ``Stock`` had read the title ``Class B Common. Stock``: no title
    abbreviates ``Common`` or its noun, so in a scan the point between the title's words is a
    speck, dropped with a note."""
    f = _remix("ocr_point_inside_a_wrapped_title.txt")
    row, said = row_and_notes(f, 24, "security_title")
    assert row.security_title == "Class B Common Stock"
    assert any("after 'Common'" in m for m in said)


def test_remix_487_the_side_columns_caption_garbled_is_no_row() -> None:
    """tesseract of remix seed 487 (scored before it was opened): a Table I with no rows, whose
    captions' last line the scan read ``>) Aor)  9`` (``3)``, ``(A) or``, a caption's ``4)``),
    had been read as a holding titled ``Aor`` of 9 shares (a phantom row): no security is
    titled by the (A)/(D) column's caption; the line is no row, said."""
    f = _remix("ocr_side_caption_garbled_below_table1s_captions.txt")
    assert f.non_derivative == []
    assert any(n.field == "tables" and "security_title=Aor" in n.message for n in f.notes)


def test_remix_491_a_number_and_a_torn_marker_alone_below_a_nature() -> None:
    """tesseract of remix seed 491 (scored before it was opened): ``By immediate family
    member`` over a margin line ``Stock 2)  ...  29)`` (the nature's ``2`` and its marker
    ``(9)``, torn) had read the nature ``By immediate family member`` (cut short): the
    ``29)`` standing alone was dropped as a speck. It is a word of its cell: digits run into a
    torn marker, whose digits are the nature's the text does not say, so it is left empty."""
    f = _remix("ocr_number_and_torn_marker_alone_below_a_nature.txt")
    row, said = derivative_row_and_notes(f, 42, "nature_of_ownership")
    assert row.nature_of_ownership is None
    assert any("'29)'" in m for m in said)


def test_remix_499_a_lone_one_before_the_nature_where_no_form_is_read() -> None:
    """tesseract of remix seed 499 (scored before it was opened): ``Class B ... 60,445
    60,445   1   See Footnote``, the form's ``I`` read as ``1``, had read a balance of 1 share
    (the balance slid into the price's column): a lone ``1`` right before the nature where no
    form was read is the form as likely as a balance; left empty, said. The nature stays."""
    f = _remix("ocr_form_read_as_one_before_the_nature.txt")
    row, said = derivative_row_and_notes(f, 51, "shares_owned_following")
    assert row.shares_owned_following is None
    assert row.nature_of_ownership == "See Footnote"
    assert any("form's I" in m for m in said)


def test_remix_509_a_marker_read_as_an_open_bracket_and_capitals_is_dropped() -> None:
    """tesseract of remix seed 509 (scored before it was opened): ``Common`` / ``Stock(VO``,
    the marker ``(10)`` with its digits read as capitals and its ``)`` lost, had read the title
    ``Common Stock(VO``: no word of a title opens a bracket on capitals it does not close; the
    marker's rest is dropped, said."""
    f = _remix("ocr_marker_open_bracket_and_capitals_after_a_noun.txt")
    row = next(r for r in f.non_derivative if r.line == 24)
    assert row.security_title == "Common Stock"
    assert any("'Common Stock(VO'" in n.message for n in f.notes)


def test_remix_503_a_margin_line_after_a_title_ended_but_for_debris() -> None:
    """tesseract of remix seed 503 (scored before it was opened): ``Stock Option (Right to
    Buy) |)  ...  Class B Common`` over a margin line ``Stock)  ...  Irrevocable Trust®)``: the
    title has reached its end but for the scan's ``|)``, so the margin line is no more of it
    (it had been read into the title, left empty for its brackets, and the underlying title
    read cut short, ``Class B Common``); its cells are the underlying title's rest and the
    nature's, read with a doubt."""
    f = _remix("ocr_margin_noun_after_a_title_with_debris.txt")
    row, said = derivative_row_and_notes(f, 31, "underlying_title")
    assert row.security_title == "Stock Option (Right to Buy)"
    assert row.underlying_title == "Class B Common Stock"
    assert row.nature_of_ownership == "By FDS New River Farm 2017 Irrevocable Trust"
    assert any("its first word at the margin" in m for m in said)


def test_a_scan_garbling_every_code_side_and_form_leaves_gaps_not_values() -> None:
    """tesseract of a remixed filing (seed 541) whose scan garbled every row's code, (A)/(D)
    and ownership form (``eee 2,001,400  Ee $2,595.5784) | 126,968,816  Del``) and lost the
    value lines of two rows titled ``INNSUITES HOSPITALITY REIT`` (their ``HOSPITALITY REIT``
    stand alone below, a speck ``:`` far right). Six values had been read wrong: each is
    left empty or left out now, with a note."""
    f = _remix("ocr_garbled_codes_forms_and_lost_rows.txt")
    rows = {r.line: r for r in f.non_derivative}
    # a title written in small letters goes on in capitals past its noun no more: the lost
    # rows' 'HOSPITALITY REIT' is left out (a speck beside it on the line did not hide it)
    assert rows[26].security_title == "Class A Common Stock"
    assert rows[33].security_title == "Class A Common Stock"
    said = [n.message for n in f.notes if n.field == "non_derivative[3].security_title"]
    assert any("'HOSPITALITY REIT' below left out" in m for m in said)
    # the form's garbled letters are no nature ('Del', 'Pee' and a margin 'i', 'a LLU')
    assert [rows[n].nature_of_ownership for n in (26, 30, 37)] == [None, None, None]
    assert any("'Del': short words" in n.message for n in f.notes)
    # '1D': the (D) and a speck, the amount 4,062,842 left out as shifted: not 1 share
    assert rows[33].shares is None
    assert any("1 read as the amount, where 4,062,842" in n.message for n in f.notes)


def test_short_words_a_nature_is_written_with_stay_where_no_form_was_read() -> None:
    text = (REMIX / "ocr_garbled_codes_forms_and_lost_rows.txt").read_text()
    for nature in ("IRA", "Son", "FBO"):
        changed = text.replace("126,968,816                       Del", "126,968,816   " + nature)
        assert changed != text
        f = parse_bytes(changed.encode(), "nature.txt")
        assert next(r for r in f.non_derivative if r.line == 26).nature_of_ownership == nature


def test_a_code_read_as_two_digits_beside_a_left_out_amount_is_no_amount() -> None:
    """tesseract of a remixed filing (seed 547): ``Class A   03/05/2025   18   144,092
    $37.59   8,152,352)``: the code and its marker read as ``18`` under the code's caption, the
    amount 144,092 then fitting no column (left out as shifted). The amount had read 18. A
    digit or two beside a left-out number in thousands is no sure amount: left empty, said."""
    f = _remix("ocr_code_and_marker_read_as_an_amount.txt")
    row = f.non_derivative[0]
    assert row.shares is None
    assert row.shares_owned_following == Decimal("8152352")
    assert any("18 read as the amount, where 144,092" in n.message for n in f.notes)


def test_remix_607_capitals_after_a_companys_last_word_may_be_torn_markers() -> None:
    """tesseract of a remixed filing (seed 607): ``By Limited Liability`` / ``Company
    OMOOAHAD``, the nature's markers read as capitals after the word a company's name ends
    on. The nature had read 'By Limited Liability Company OMOOAHAD': a wrong value. As after
    ``Trust`` (``Irr Trust MAHAL``), the text does not say whether it is a word: left empty."""
    f = _remix("ocr_capitals_after_a_companys_nature.txt")
    row = f.non_derivative[0]
    assert row.nature_of_ownership is None
    assert row.shares_owned_following == Decimal("518932944000")
    assert any(
        "OMOOAHAD" in n.message and "left empty" in n.message
        for n in f.notes
        if n.field == "non_derivative[0].nature_of_ownership"
    )


def test_remix_607_a_marker_read_as_a_question_mark_after_a_natures_number() -> None:
    """tesseract of a remixed filing (seed 607): ``By immediate family`` / ``member 1?``, the
    raised marker after the nature's number read as a question mark (the next row's reads
    ``member 1°)``). The nature had read 'By immediate family member 1?': a wrong value.
    Whether the ``1`` is the cell's or the marker's, the text does not say: left empty."""
    f = _remix("ocr_marker_read_as_a_question_mark_after_a_number.txt")
    row = next(r for r in f.non_derivative if r.line == 26)
    assert row.nature_of_ownership is None
    assert row.shares_owned_following == Decimal("85393500")
    assert any("'1?'" in n.message for n in f.notes if n.field and "nature" in n.field)


def test_remix_613_margin_lines_past_a_titles_noun_are_no_part_of_the_title() -> None:
    """tesseract of a remixed filing (seed 613): ``Common Share   10/26/2021   S ...   SMB
    Pacific 2021`` / ``Charitable Remainder`` / ``Unitrust I`` (the nature left empty: the row
    shows no form), and ``Class A   12/23/2021   GX   798,018 ...`` / ``Common Stock`` / ``Kou
    cole ee ee See footnote”``: the margin lines had all gone to the title ('Common Share
    Charitable Remainder Unitrust I', 'Class A Common Stock Kou cole ee ee See footnote'), two
    wrong values. No title goes on past its noun with such words: from that line on they are
    the nature's rest or debris, and the nature is left empty with them; the lines before
    stay the title's."""
    f = _remix("ocr_nature_lines_below_a_title_ended_on_its_noun.txt")
    row, said = row_and_notes(f, 28, "nature_of_ownership")
    assert (row.security_title, row.nature_of_ownership) == ("Common Share", None)
    assert any("Charitable Remainder / Unitrust I" in m for m in said)
    g = _remix("ocr_debris_line_after_a_titles_wrapped_noun.txt")
    row, said = row_and_notes(g, 20, "nature_of_ownership")
    assert (row.security_title, row.nature_of_ownership) == ("Class A Common Stock", None)
    assert any("Kou cole" in m for m in said)


def test_remix_613_small_specks_one_without_a_vowel_are_no_wrapped_words() -> None:
    """tesseract of a remixed filing (seed 613): ``Class B Common ... 537,376   I   By Lp®)`` /
    ``Stock`` / ``ees eg nrc | |``: the last line's specks had gone onto the title ('Class B
    Common Stock ees eg nrc'). Three words of three small letters at most, one with no vowel,
    are no title's or nature's wrapped words (``by his son``): debris, or a cell's rest the
    scan garbled; the cells it may continue are left empty."""
    f = _remix("ocr_specks_without_a_vowel_below_a_row.txt")
    row, said = row_and_notes(f, 22, "security_title")
    assert row.security_title is None
    assert row.shares_owned_following == Decimal("537376")
    assert any("ees eg nrc" in m for m in said)


def test_remix_613_the_forms_i_read_as_a_seven_before_the_nature() -> None:
    """tesseract of a remixed filing (seed 613): ``Series E   $3.74 ...   60,445   7
    Trustees of The`` / ``Surace/Rogers`` / ``Trust``: the form's ``I`` read as ``7`` had opened
    the nature ('7 Trustees of The Surace/Rogers Family Trust'). A lone digit or rule where the
    form stands, before a capitalised word, is the form as the scan read it: dropped, said; the
    form stays unread."""
    f = _remix("ocr_form_read_as_seven_before_the_nature.txt")
    row, said = derivative_row_and_notes(f, 44, "nature_of_ownership")
    assert row.nature_of_ownership == "Trustees of The Surace/Rogers Family Trust"
    assert row.ownership is None
    assert any("dropped '7'" in m for m in said)


def test_remix_617_markers_run_together_with_a_digit_read_as_a_capital() -> None:
    """tesseract of a remixed filing (seed 617): ``By Max R. Schaufeld Irr`` /
    ``Trust(78N910)(11)``, the markers ``(7)...(11)`` run together, a ``9``'s stroke read as
    ``N``. The nature had read 'By Max R. Schaufeld Irr Trust(78N)': a wrong value. A bracket
    glued to a word holding three digits or more and capitals is markers, as ``(28920)`` is."""
    f = _remix("ocr_markers_run_together_with_a_capital_after_trust.txt")
    row = next(r for r in f.non_derivative if r.line == 24)
    assert row.nature_of_ownership == "By Max R. Schaufeld Irr Trust"
    assert clean_words("Irr Trust(78N910)") == "Irr Trust"
    assert clean_words("Family Trust (2012)") == "Family Trust (2012)"


def test_remix_617_a_capital_symbols_and_a_digit_after_trust_are_a_torn_marker() -> None:
    """tesseract of a remixed filing (seed 617): ``By FDS New River Farm 2017`` /
    ``Irrevocable Trust M@@0)``: the nature had read '... Irrevocable Trust M' (the symbols and
    the digit dropped, the capital kept): a wrong value. A capital, a scan's symbols and a
    digit closing a bracket after the word an owner's name ends on are a marker, as ``D@)``."""
    f = _remix("ocr_capital_symbols_and_a_digit_after_trust.txt")
    row = next(r for r in f.non_derivative if r.line == 23)
    assert row.nature_of_ownership == "By FDS New River Farm 2017 Irrevocable Trust"
    assert clean_words("Remainder Unitrust I@)") == "Remainder Unitrust I"


def test_remix_631_a_scan_lines_last_two_cells_are_two_columns() -> None:
    """tesseract of a remixed filing (seed 631, scored before it was opened): ``Stock   $8.17
    ... Class A   112,255 ...   I   By Fredrick`` / ``Option   Common   D. Schaufeld`` /
    ``(Right to   Stock   Rev. Trust``: the second line, spaced on its own scale, put both
    ``Common`` and ``D. Schaufeld`` nearest the underlying title's column: 'Class A Common D.
    Schaufeld Stock' and 'By Fredrick Rev. Trust', two wrong values. A line's cells are
    columns in order: the last is the nature's, said."""
    f = _remix("ocr_last_two_cells_nearest_the_underlying_title.txt")
    row, said = derivative_row_and_notes(f, 64, "nature_of_ownership")
    assert row.underlying_title == "Class A Common Stock"
    assert row.nature_of_ownership == "By Fredrick D. Schaufeld Rev. Trust"
    assert any("last two cells" in m for m in said)


def test_remix_631_open_markers_one_read_as_capitals_are_no_part_of_the_nature() -> None:
    """tesseract of a remixed filing (seed 631): ``Please see footnotes`` / ``(7(8)(9)(LOV(11)``
    (``(10)`` read as ``(LOV``): the whole markers came off, ``(7(LOV`` stayed ('Please see
    footnotes (7(LOV'), a wrong value. Brackets opened on a marker's digits or capitals, one
    of them a digit, are a torn marker; ``(DE`` (a border's cut, no digit) stays."""
    f = _remix("ocr_open_markers_with_one_read_as_capitals.txt")
    row = next(r for r in f.non_derivative if r.line == 32)
    assert row.nature_of_ownership == "Please see footnotes"
    assert clean_words("Please see footnotes (7(LOV") == "Please see footnotes"
    assert clean_words("By SVF II Beaver (DE") == "By SVF II Beaver (DE"


def test_remix_673_digits_closing_a_bracket_after_a_nature_are_a_marker_rest() -> None:
    """tesseract of a remixed filing (seed 673, scored before it was opened): ``By FDS New
    River Farm 2017`` / ``Irrevocable Trust\\ 90)``: the markers ``(6)(7)(8)(9)`` torn to
    ``\\ 90)``; the backslash went as a fragment and the nature read '... Irrevocable Trust
    90)', a wrong value. Digits closing a bracket nothing opened are a marker's rest."""
    f = _remix("ocr_marker_rest_of_digits_after_a_nature.txt")
    row, said = row_and_notes(f, 24, "nature_of_ownership")
    assert row.nature_of_ownership == "By FDS New River Farm 2017 Irrevocable Trust"
    assert any("dropped OCR fragments" in m for m in said)


def test_remix_673_two_cells_nearest_the_nature_are_the_underlying_and_the_nature() -> None:
    """tesseract of a remixed filing (seed 673, scored before it was opened): ``Option ...
    Class A ... I   By SVF II`` / ``(right to      Common      Beaver`` / ``buy)   Stock
    (DE)``: the second line, spaced on its own scale, put both ``Common`` and ``Beaver``
    nearest the nature's column: 'By SVF II Common Beaver (DE) LLC' and 'Class A Stock', two
    wrong values. Three cells for the row's three text columns, none the underlying title's:
    each its column, in order (the mirror of seed 631's case above)."""
    f = _remix("ocr_underlying_and_nature_words_both_nearest_the_nature.txt")
    row, said = derivative_row_and_notes(f, 34, "nature_of_ownership")
    assert row.underlying_title == "Class A Common Stock"
    assert row.nature_of_ownership == "By SVF II Beaver (DE) LLC"
    assert row.security_title == "Option (right to buy)"
    assert any("last two cells" in m for m in said)
