"""One line of a table read as a row: tokens mended, aligned to the form's columns, placed.

This is the single way a data line becomes a :class:`~parsers.text.drafts.Draft`; what joins
lines into rows (:mod:`parsers.text.pushed`) and what wraps (:mod:`parsers.text.wrapped_lines`)
work on the drafts it returns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise

from parsers.text.captions import (
    EVEN_ROWS,
    AdPlaces,
    CaptionCells,
    NamedCells,
    against_captions,
    date_hints,
    holding_dates,
    off_caption,
)
from parsers.text.cells import PIPE, PLAIN, SPACE, TABLED, Row
from parsers.text.columns import CODES, SHARE_FIELDS, TEXT_FIELDS, align, fits_cells, pattern
from parsers.text.debris import GROUPED_NUMBER, are_speckles, short_specks
from parsers.text.direction import check_row, settle_direction
from parsers.text.drafts import Draft, add_refs, mark_ids, new_draft
from parsers.text.mending import (
    ends_in_marker,
    keep_title_cell,
    mend_tokens,
    number_tails,
    row_intact,
)
from parsers.text.placing import (
    FOOTNOTE_FIELD,
    MARK_THEN_BREAK,
    PAR_AMOUNT,
    fill_field,
    lines_past_a_marker,
    lines_side_by_side,
    note_dropped,
    number_cut_beside,
    readable_token,
    scan_number_runs_on,
    value_cut_off_text,
    window_markers_in_title,
    words_left_out,
)
from parsers.text.tokens import (
    DATE,
    FRAG,
    LETTER,
    MARKER,
    NUM,
    TEXT,
    Token,
    parse_date,
    parse_number,
)
from parsers.text.wraps import ends_on_dated

THREE_LETTERS = re.compile(r"[^\W\d_]{3}")


_FORM_SPECKS = frozenset("DITJil1|")
"""What a scan makes of an ownership form's ``I`` or ``D`` and a speck beside it (``TI``,
``Il``)."""


_LONE_I = frozenset({"1", "7", "l", "|"})
"""The form's ``I`` as a scan may read it alone: a digit, a small L, a rule."""
_STROKED_I = re.compile(r"[I|l1][ft!L]")
"""The form's ``I`` and a thin stroke beside it read as a small letter (``If``, ``It``) or as
an ``L`` (``IL   Limited Partnership``, its marker's stroke): no word a nature opens with
(``by``, ``See``, ``Trustees``)."""


def read_row(
    row: Row,
    tokens: list[Token],
    fields: tuple[str, ...],
    header_date: dt.date | None,
    ad_x: AdPlaces | None,
    alternates: tuple[tuple[str, ...], ...],
    date_x: dict[str, int] | None = None,
    captions: CaptionCells | None = None,
    flush: bool = False,
    title_end: int | None = None,
    window: Callable[[], NamedCells | None] | None = None,
) -> Draft:
    draft = new_draft(row.line, row.shape == PLAIN)
    draft.text = row.text
    # the table's caption row has another number of cells (or as many, with a word or date
    # under an amount's sub-caption): this row lost or gained one somewhere, so the form's
    # positions may not say its columns
    named = captions[2] if captions is not None and row.block == captions[0] else None
    in_captions = named is not None and row.shape in EVEN_ROWS
    uneven = in_captions and captions is not None and len(row.cells) != captions[1]
    layouts = [] if row.shape == SPACE else [f for f in (fields, *alternates) if row_intact(row, f)]
    if uneven:
        # a sibling layout as wide as a row that lost or gained a cell is no sign of it: the
        # table's own width (its captions' or header's) is not that layout's
        layouts = [f for f in layouts if f is fields]
    if layouts and not uneven:  # (a row that lost a cell may have lost the title's border)
        keep_title_cell(tokens, row.cells[0] if row.cells else "")
    mend_tokens(tokens, header_date, row.shape == PIPE, flush and row.shape == SPACE)
    if row.shape in TABLED:
        _letters_among_words(tokens)
    positional = False
    shape = pattern(tokens) if layouts else None
    for layout in layouts:
        if fits_cells(tokens, layout, shape):
            fields, positional = layout, True
            break
    if in_captions and not uneven and not positional:  # (placed by cells: types checked)
        uneven = named is not None and against_captions(tokens, named)
    hints = date_hints(tokens, fields, date_x) if date_x and row.shape == SPACE else None
    by_caption = bool(hints)  # (a holding's dates placed by their order are not)
    if not hints and "date_exercisable" in fields:
        hints = holding_dates(tokens, fields)
    cols, dropped = align(tokens, fields, positional, hints, shape)
    unsure: dict[str, str] = {}
    if uneven and positional:
        for f in _by_order_differs(tokens, fields, cols, hints):
            unsure[f] = (
                "read by the row's cells, which do not match the captions'; by the order of its"
                " values it differs: unsure"
            )
    if uneven:
        cells = row.cells
        twice = {i for i in range(len(cells) - 1) if cells[i] and cells[i] == cells[i + 1]}
        for ci, toks in enumerate(cols):
            at = toks[0].cell if toks else -1
            if (at in twice or at - 1 in twice) and fields[ci] not in TEXT_FIELDS:
                # a converter repeated the cell, and the row has a cell too many: which of
                # the two stands in its own column is not shown
                name = "acquired_disposed" if fields[ci] in ("shares_a", "shares_d") else fields[ci]
                unsure.setdefault(
                    name, f"{cells[at]!r} in two cells side by side, one too many: unsure"
                )
    emptied: list[str] = []
    if uneven and captions is not None:
        for f in off_caption(fields, cols, captions[2]):
            if f in ("transaction_date", "deemed_execution_date"):
                emptied.append(f)  # the cell's caption names the window: not this date
                unsure[f] = (
                    "read from a cell under an exercise date's caption, in a row whose cells"
                    " do not match the captions': left empty"
                )
                continue
            unsure.setdefault(
                f,
                "a date stands under another date's caption, in a row whose cells do not"
                " match the captions': which date it is, unsure",
            )
    if dropped:
        dropped = number_tails(tokens, dropped)
    if flush and row.shape == SPACE:
        _drop_debris_cells(draft, cols, fields)
    if title_end is not None and row.shape == SPACE and len(cols[0]) > 1:
        _marker_past_title(draft, fields, cols, title_end)
    title_toks = cols[0] if fields[0] == "security_title" else []
    if title_toks and title_toks[0].kind == TEXT:
        draft.title_raw = row.cells[title_toks[0].cell]
    piped, spaced = row.shape == PIPE, row.shape == SPACE
    marked_break: bool | None = None  # (worked out once a row, where a text cell asks)
    for f, toks in zip(fields, cols, strict=True):
        if not toks:
            continue
        fill_field(draft, f, toks, piped)
        if f in TEXT_FIELDS:
            if piped and draft.values.get(f) and (rest := _words_rest(row.cells[toks[0].cell])):
                # ``|By<br>(9)(1|401(<br>0)(11|k) Plan<sup>(6)(7)(8)</sup><br>)|``
                # (pymupdf4llm-layout, remix seed 1171): a cell opening on a bracket's close is
                # a word's rest, its start in a cell beside it; dropped as a fragment, the
                # nature had read ``Plan``
                draft.leave_empty(
                    f,
                    f"its cell opens on {rest!r}, the rest of a word a cell border cut (its start"
                    " in a cell beside it); left empty",
                )
                continue
            if ends_in_marker(row, toks[-1]):
                draft.closed.add(f)
            if piped and draft.values.get(f) and "<br>" in row.text:
                if len(toks) > 1:
                    lines_side_by_side(draft, f, row, toks)
                if marked_break is None:
                    marked_break = MARK_THEN_BREAK.search(row.text) is not None
                if marked_break:
                    lines_past_a_marker(draft, f, row, toks)
        elif spaced:
            draft.centres[f] = toks[0].x + len(toks[0].text) / 2
    if (
        piped
        and "underlying_title" in fields
        and draft.values.get("security_title")
        and "<br>" in (row.cells[0] if row.cells else "")
    ):
        window_markers_in_title(draft, row, fields)
    if spaced and not flush and date_x and "underlying_title" in fields:
        _underlying_past_the_window(draft, cols, fields, date_x)
    for f in emptied:
        draft.values[f] = None
    if dropped and dropped[-1].kind == DATE:
        dropped = _trust_date_after_dated(draft, dropped, row)
    for tok in dropped:
        note_dropped(draft, tok, fields, cols, positional)
    if dropped and row.shape != SPACE:
        words_left_out(draft, dropped, fields, cols, positional)
    if row.shape == PIPE:
        value_cut_off_text(draft, tokens, fields, cols)
        if dropped:
            number_cut_beside(draft, tokens, dropped, fields, cols)
    elif flush:
        scan_number_runs_on(draft, dropped, fields, cols)
    if date_x and row.shape == SPACE:
        for t in tokens:
            if t.kind == NUM and t.value is not None:
                f, x = min(date_x.items(), key=lambda fx: abs(fx[1] - t.x))
                if abs(x - t.x) <= 1 and f in fields:
                    # a number where the layout has a date column: the row's values may have
                    # slid over by it (a flipped byte made '0(2)' of a footnote-only date)
                    draft.notes.append(
                        (None, f"{t.text!r} stands under the {f} caption, where no number goes")
                    )
    if not positional:
        for ci, toks in enumerate(cols):
            if toks and toks[0].dollar and fields[ci] in SHARE_FIELDS:
                # types placed a price where a number of shares goes: the values after a lost
                # cell slid over, so the whole row is in doubt (its value is kept, said so)
                draft.notes.append(
                    (
                        None,
                        f"{toks[0].text!r} read as the {fields[ci]}, a number of shares: the"
                        " row's cells may be shifted",
                    )
                )
    if flush and row.shape == SPACE and "underlying_shares" in fields:
        _lone_tail_amount(draft, fields, cols)
    if row.shape == PLAIN and "date_exercisable" in fields:
        _lone_window_date(draft, row, cols, fields)
    elif row.shape in TABLED and "date_exercisable" in fields:
        _lone_window_date(draft, row, cols, fields, cell=True, captioned=window)
    elif flush and row.shape == SPACE and "date_exercisable" in fields:
        # (a marker the scan read as a letter, ``(S)`` of ``(5)``, ``Q)``, is no value)
        # (and a word no column took, ``Ordinary`` of an underlying title: cells slid too)
        shifted = any(
            (readable_token(t) and not _letter_marker(t.text))
            or (t.kind == TEXT and THREE_LETTERS.search(t.text) is not None)
            for t in dropped
        )
        _lone_window_date(
            draft, row, cols, fields, scan=True, shifted=shifted, by_caption=by_caption
        )
    settle_direction(draft, fields, cols, positional, ad_x, row, uneven, dropped)
    draft.notes.extend(unsure.items())
    _holding_balance(draft, fields, cols)
    if not flush:  # (after a holding's lone balance has left the price column)
        _price_without_dollar(draft, row, fields, cols)
    else:  # (a scan's line holding a rule read as ``|`` is no less a scan's)
        _digit_beside_a_left_out_amount(draft)
        _nature_without_values(draft, fields)
        _form_read_as_one(draft, fields, cols)  # (after: the balance read says the nature is one)
        if row.shape == SPACE:
            _scan_price_or_underlying(draft, fields, cols)
    if draft.values.get("deemed_execution_date") is not None and (
        draft.values.get("transaction_date") is None
    ):
        # one date, placed under the deemed execution date: the form asks for a deemed date
        # only beside the transaction's, so this one may be the transaction's, or the
        # transaction's was lost; which, the text does not say
        said = draft.values["deemed_execution_date"]
        draft.values["deemed_execution_date"] = None
        for f in ("transaction_date", "deemed_execution_date"):
            draft.notes.append(
                (f, f"one date ({said}), placed as the deemed execution date with no transaction"
                 " date: it may be the transaction's; left empty")
            )  # fmt: skip
    if row.shape == PIPE and "<br>" in row.text and (stacked := _stacked_values(row)):
        for f in TEXT_FIELDS:
            if f in fields and draft.values.get(f):
                draft.leave_empty(
                    f,
                    f"a cell holds {stacked!r} one under the other: two rows' values in one row"
                    " of cells, whose words the text does not part; left empty",
                )
        _stacked_cells(draft, row, fields)
    check_row(draft, fields, row.shape in TABLED)
    if flush:
        _markers_read_as_the_balance(draft)  # (after the row's amount was set aside)
        _amount_split_at_a_comma(draft, tokens)
    return draft


_GROUPS_ONLY = re.compile(r"\d{3}(?:,\d{3})*")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})*")


def _amount_split_at_a_comma(draft: Draft, tokens: list[Token]) -> None:
    """A scan's two amounts one space apart, the second of whole groups of three digits
    (``23,167 315,777``, remix seed 1265's scan, where 23,167,315,777 was filed): a comma the
    scan read as a space parts one number in two, and each is read as a value of its own (the
    balance, 315,777: wrong; the price, set aside, was not there to be weighed with it). No two
    of a row's amounts stand one space apart, so a value read from either is left empty, said;
    where both were read as shares (``12,500 250,000``: an underlying amount and a balance, the
    price cell between them empty), they stand for two cells and are kept."""
    if draft.values.get("price") is not None:
        return  # (a price read: :func:`parsers.text.ocr` weighs the pair with it)
    nums = [t for t in tokens if t.kind == NUM and not t.dollar and t.value is not None]
    for a, b in pairwise(nums):
        # (the fields read, again for each pair: one left empty above is no longer read)
        read = [f for f in SHARE_FIELDS if draft.values.get(f) is not None and f in draft.where]
        places = {draft.where[f] for f in read}
        if (
            b.x == a.x + len(a.text) + 1
            and _GROUPED.fullmatch(a.text)
            and _GROUPS_ONLY.fullmatch(b.text)
            and (a.x in places) != (b.x in places)  # (each read as a share field: two cells)
        ):
            for f in read:
                if draft.where[f] in (a.x, b.x):
                    draft.leave_empty(
                        f,
                        f"'{a.text} {b.text}': two amounts one space apart, maybe one number"
                        " the scan split at a comma; left empty",
                    )


def _trust_date_after_dated(draft: Draft, dropped: list[Token], row: Row) -> list[Token]:
    """A date ending the row right after its nature's ``dated`` (pdfplumber-text, remix seed
    1219: ``Restricted Stock 43,587,572 I By Revocable Trust dated`` / ``3/1/2010``, the line
    taken into the row) is the trust's date, the nature's rest: no column took it, and left
    out the nature had read 'By Revocable Trust dated' (wrong). ``dropped`` less it."""
    nature = draft.values.get("nature_of_ownership")
    date = dropped[-1]
    if (
        not isinstance(nature, str)
        or not ends_on_dated(nature)
        or "nature_of_ownership" in draft.closed
        or not re.search(
            rf"(?<![^\W_])(?:dated|dtd)\s+{re.escape(date.text)}(?:\s*\(\d{{1,3}}\))*\s*$",
            row.text,
            re.IGNORECASE,
        )
    ):
        return dropped
    draft.values["nature_of_ownership"] = f"{nature} {date.text}"
    add_refs(draft, "nature_of_ownership", mark_ids(date.marks))
    draft.notes.append(
        (
            "nature_of_ownership",
            f"{date.text!r} after the nature's 'dated', ending the row, is the trust's date: read"
            " as the nature's rest",
        )
    )
    return dropped[:-1]


def _stacked_values(row: Row) -> str | None:
    """The first cell of a markdown row holding two prices, or two amounts grouped in
    thousands (not a price over an amount: two columns' values), on lines of their own
    (``$3.95<sup>(3)</sup><br>$2.15<sup>(3)</sup>``, ``62,073<br>18,750``): pymupdf4llm-layout
    put two of the form's rows into one row of cells (remix seed 1091), whose text cells then
    run the two rows' titles together (``Call Option (obligation to sell) Performance-Based
    Restricted Stock Units``)."""
    for cell in row.cells:
        if "<br>" not in cell or (cell.count("$") < 2 and cell.count(",") < 2):
            continue  # (two prices or two grouped amounts need two signs or two commas)
        lines = [_SUP.sub("", ln).strip() for ln in cell.split("<br>")]
        for kind in (_STACKED_PRICE, _STACKED_AMOUNT):
            found = [ln for ln in lines if kind.fullmatch(ln)]
            if len(found) > 1:
                return " / ".join(found)
    return None


def _words_rest(cell: str) -> str | None:
    """The cell's first word where it closes a bracket it does not open (``k)``), else None."""
    head = cell.lstrip(" *")
    while head.startswith(("<br>", "<sup>")):
        head = (head[4:] if head.startswith("<br>") else _SUP.sub(" ", head, count=1)).lstrip(" *")
    first = head.split(None, 1)[0] if head else ""
    first = first.split("<", 1)[0].replace("**", "")
    if first[:1].isalnum() and ")" in first and "(" not in first:
        return first
    return None


def _stacked_cells(draft: Draft, row: Row, fields: tuple[str, ...]) -> None:
    """In a row of cells holding two of the form's rows (:func:`_stacked_values`), a value cell
    prints each row's value on a line of its own, the first row's first, and the row read is
    the first's. Left empty, said:

    - a value whose cell holds one line, or a blank first line (``<br>$66.903``): which row's,
      the text does not say;
    - a second field read from a cell of one kind of value (``12/24/2025<br>12/24/2025``,
      ``12/24/2025<br>12/26/2025`` read as a deemed execution date, remix seed 1117): the
      second row's, or the same value again, no value of that column;
    - a value that is not its cell's first line (``$2,564.925<br>$66.903`` read as 66.903).

    A cell of two kinds (``682,785<br>D<br>37,500<br>D``) gives each field its first line."""
    by_cell: dict[int, list[str]] = {}
    for f in fields:
        at = draft.where.get(f)
        if at is not None and f not in TEXT_FIELDS and draft.values.get(f) is not None:
            by_cell.setdefault(at, []).append(f)
    for at, placed in by_cell.items():
        if not 0 <= at < len(row.cells):
            continue
        raw = [_SUP.sub("", x).strip() for x in row.cells[at].split("<br>")]
        lines = [ln for ln in raw if ln]
        said = " / ".join(lines)
        if len(lines) < 2 or not raw[0]:
            gone = placed
            why = "alone in a row of cells holding two rows: which row's, the text does not say"
        else:
            first = draft.values[placed[0]]
            gone = [f for f in placed[1:] if type(draft.values[f]) is type(first)]
            why = "one under the other: two rows' values in one row of cells"
            if not _reads_as(first, lines[0]) and not (len(set(lines)) == 1 and gone):
                gone = [placed[0], *gone]
        for f in gone:
            draft.leave_empty(f, f"its cell holds {said!r} {why}; left empty")


def _reads_as(value: object, line: str) -> bool:
    """``line`` (a cell's line, markers off) is ``value`` as the tokens read it."""
    if isinstance(value, Decimal):
        return parse_number(line) == value
    if isinstance(value, dt.date):
        return parse_date(line) == value
    return isinstance(value, str) and value == line


_SUP = re.compile(r"<sup>.*?</sup>")
_STACKED_PRICE = re.compile(r"\$\d[\d,]*(?:\.\d+)?")
_STACKED_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


_TRAILING_BREAK = re.compile(r"<br\s*/?>\s*$", re.I)


def cell_broken_off(draft: Draft, row: Row) -> None:
    """A text cell ending in a line break with nothing after it (pymupdf4llm: ``|By immediate
    family<br>|``): its last line went elsewhere, into a cell of a row below (the Table II
    caption's row, there: ``|...|member 2<sup>(1)(2)</sup>|``). The text read is cut short;
    left empty with a doubt. Only for the table's last row of cells: a row of cells below may
    hold the cell's next lines, which the reader joins to it (``|By Jacob<br>|A. Schaufeld<br>|``
    / ``|...|Irr Trust<sup>(</sup>|``). A title is left to the reader, which takes its rest
    from the first cell of the row below (``|Common Shares, no<br>|`` / ``|par value|``)."""
    at = draft.where.get("nature_of_ownership")
    text = draft.values.get("nature_of_ownership")
    if at is None or not isinstance(text, str) or not 0 <= at < len(row.cells):
        return
    if _TRAILING_BREAK.search(row.cells[at]):
        draft.leave_empty(
            "nature_of_ownership",
            f"{text!r}: its cell ends in a line break with nothing after it, so its last line"
            " stands elsewhere; left empty",
        )


_TORN_END = ")]}|°@©®*“”'’"
"""What a torn footnote marker leaves after a word (``poe)``)."""


_NATURE_SMALL_WORDS = frozenset({"by", "see", "for", "the", "and", "its", "his", "her", "ira"})
"""Short words a nature of ownership is written with (``by ira``, ``see fn``)."""
_NATURE_WORDS_SHORT = _NATURE_SMALL_WORDS | {
    "lp", "llc", "son", "sons", "dad", "mom", "co", "inc", "ltd", "gp", "llp", "fn", "fbo", "spouse"
}  # fmt: skip
"""Words of three letters at most a nature alone may be (``By LP``, ``Son``, ``FBO``)."""


def _form_read_as_one(draft: Draft, fields: tuple[str, ...], cols: list[list[Token]]) -> None:
    """A scan's row with a nature of ownership and no ownership form whose balance is a lone
    ``1`` (``Class B ... 60,445   60,445   1   See Footnote``): the form's ``I`` as a scan
    reads it, standing where the form does, right before the nature, with the balance slid
    into the column before (a price's, left empty), as likely as a balance of one share. Left
    empty with a doubt; the form stays unread."""
    v = draft.values
    if v.get("ownership") is not None or not v.get("nature_of_ownership"):
        return
    if "shares_owned_following" not in fields:
        return
    toks = cols[fields.index("shares_owned_following")]
    if len(toks) != 1 or toks[0].text != "1" or toks[0].marks:
        return
    draft.leave_empty(
        "shares_owned_following",
        "'1' read as the amount owned following, right before the nature of ownership where"
        " the row shows no ownership form: the form's I as a scan reads it, or a balance of"
        " one share? left empty",
    )


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _digit_beside_a_left_out_amount(draft: Draft) -> None:
    """A scan's row whose amount is a digit or two while a number in thousands fits no column
    (``be   4,062,842   1D   $2,563.746709``: the (A)/(D) letter with a speck read as ``1D``;
    ``03/05/2025   18   144,092   $37.59``: the code and its marker read as ``18``; the amount
    left out as shifted): the digits may be a letter and a speck as well as the amount, and
    the number the amount as well as a shifted cell's: left empty, said."""
    shares = draft.values.get("shares")
    if not isinstance(shares, Decimal) or shares >= 100:
        return
    left = next(
        (t for t, (f, _) in draft.left_out if f is None and _THOUSANDS.fullmatch(t)), None
    )  # (one that fits no column: its note is the row's)
    if left is None:
        return
    draft.leave_empty(
        "shares",
        f"{shares} read as the amount, where {left} fits no column: a letter and a speck"
        " (the code's, the (A)/(D) side's) read as digits, or the amount? left empty",
    )


def _markers_read_as_the_balance(draft: Draft) -> None:
    """A scan's row with no date or code whose grouped amount was set aside and whose balance
    is a number of one to four digits (``Common Stock, no par   69,064,000? 84``, remix seed
    1219's scan: markers torn to ``? 84``; ``... nominal   74,213,000 2284``, seed 1253's, the
    ownership form and its markers garbled): the digits may be the amount's footnote markers
    or another cell read as a number as well as a balance; read as the balance they were 84
    and 2,284 (wrong). Left empty, said."""
    balance = draft.values.get("shares_owned_following")
    aside = draft.set_aside.get("shares")
    if (
        not isinstance(balance, Decimal)
        or not isinstance(aside, Decimal)
        or not 0 < balance < 10_000
        or balance != balance.to_integral_value()
        or aside < 1000
    ):
        return
    draft.leave_empty(
        "shares_owned_following",
        f"{balance} read as the balance after {aside} set aside: footnote markers the scan read"
        " as digits, or the balance? left empty",
    )


def _nature_without_values(draft: Draft, fields: tuple[str, ...]) -> None:
    """A scan's row that read a nature of ownership with neither a balance nor an ownership
    form before it (``Depositary Units [10/02/2015     ee ee sas      Cee``, ``... S   1,745
    $652.131709)   Sheey/``): the scan lost or garbled those values, and its speckles read as
    words where they stood. A nature is printed after the balance and the form, so such words
    may be them garbled as well as a nature: left empty with a doubt. So is a nature of one
    word of two letters or fewer where no form was read (``D®``, ``Dp)``, ``p®``): the form's
    letter with its marker torn, as likely as a nature. (A Form 3's Table II has no balance
    column: there only the form comes before the nature.)"""
    nature = draft.values.get("nature_of_ownership")
    if not isinstance(nature, str) or not nature or draft.values.get("ownership") is not None:
        return
    head, _, rest = nature.partition(" ")
    lone = head in _LONE_I and rest[:1].isupper() and rest.split()[0].isalpha()
    if rest and (lone or _STROKED_I.fullmatch(head)):
        # ``60,445   7   Trustees of The``: the form's ``I`` read alone as a digit or a rule;
        # ``If   by Trust?``: read with a stroke as a small letter; then the nature (no
        # nature opens on either). The form stays unread (a scan's ``I`` may be a rule), the
        # nature is the rest
        how = "as the scan read it" if lone else "and a stroke, as the scan read them"
        draft.values["nature_of_ownership"] = rest
        draft.notes.append(
            (
                "nature_of_ownership",
                f"dropped {head!r} before the nature, where the ownership form stands: the"
                f" form's I {how}; read {rest!r}",
            )
        )
        draft.repaired = True
        return
    balance = "shares_owned_following"
    if draft.values.get(balance) is not None or balance not in fields:
        # (a Form 3's Table II prints no balance: its form alone comes before the nature)
        word = nature.split()
        if len(word) == 1 and len(_A_LETTER.findall(word[0])) <= 2:
            why = "a word of two letters or fewer where the row shows no ownership form: its form"
        elif len(word) == 1 and (bare := word[0].rstrip(_TORN_END)).isalpha() and bare.islower():
            # ``oiloelil`` (a balance's digits garbled), ``poe)`` (the form and a torn marker):
            # a nature opens with a capital
            why = "one small-letter word where the row shows no ownership form: values"
        elif len(word) > 1 and 1 < len(word[0]) <= 2 and set(word[0]) <= _FORM_SPECKS:
            # ``TI See Footnotes``, ``iI By Trust``: the form's ``I`` with a speck beside it
            why = "it opens on a form's letter with a speck where the row shows no form: its form"
        elif len(word) > 1 and all(len(_A_LETTER.findall(w)) <= 2 for w in word):
            # ``Ce ee``: words of two letters at most, specks where the form stands
            why = "words of two letters at most where the row shows no ownership form: values"
        elif (
            len(word) > 1
            and all(len(_A_LETTER.findall(w)) <= 3 for w in word)
            and " ".join(word)[1:].islower()
            and not {w.casefold() for w in word} & _NATURE_SMALL_WORDS
        ):
            # ``Dee le``: small words of three letters at most, none a nature's, specks where
            # the form stands
            why = "small words of three letters at most where the row shows no ownership form:"
            why += " values"
        elif [w.casefold() for w in word] == ["see"]:
            # ``See``: a nature's first word alone (``See footnote``), the rest of it lost
            why = "a nature's first word alone where the row shows no ownership form: values"
        elif are_speckles(word) or short_specks(word):
            # ``eee Ee``, ``ee ee ee De``, ``a eso oe PE ee`` (remix seed 1277's scan): a
            # scan's speckles read as vowels; a nature's words are words (``By Trust``)
            why = "its words are mostly lone vowels, a scan's speckles, where the row shows no"
            why += " form: values"
        elif (
            len(word) <= 2
            and all(len(_A_LETTER.findall(w)) <= 3 for w in word)
            and not {w.casefold().strip(".,") for w in word} & _NATURE_WORDS_SHORT
        ):
            # ``Del``, ``Pee``, ``a LLU``: a word or two of three letters at most, none a
            # nature's own (``IRA``, ``By LP``, ``Son``), where the form stands
            why = "short words no nature is written with where the row shows no ownership form:"
            why += " values"
        else:
            return
    else:
        why = "it stands where the row shows neither a balance nor an ownership form: those"
    draft.values["nature_of_ownership"] = None
    draft.blurred.add("nature_of_ownership")  # its words below go with it
    draft.notes.append(
        (
            "nature_of_ownership",
            f"'{nature}': {why} garbled by the scan, or a nature? left empty",
        )
    )


def _scan_price_or_underlying(
    draft: Draft, fields: tuple[str, ...], cols: list[list[Token]]
) -> None:
    """A scan's Table II row whose price was read from a number with no dollar sign while its
    underlying amount, the column before the price, stayed empty (``Class B   560,000.0   4)
    1,820,000``: the price's cell held a marker only, dropped as debris): a scan loses dollar
    signs, so the number may be the price, or the underlying amount with the price's cell
    lost. Which, the row does not say: the price is left empty with a doubt. So is a Form 3's
    exercise price, the column after the underlying amount there (``Ordinary Shares@) — |
    402,054``, remix seed 1277's scan)."""
    if "underlying_shares" not in fields or draft.values.get("underlying_shares") is not None:
        return
    at = fields.index("underlying_shares") + 1
    if at >= len(fields) or fields[at] not in ("price", "exercise_price"):
        return
    f = fields[at]  # (a Form 3's Table II prints the exercise price there: remix seed 1277)
    toks = cols[at]
    if draft.values.get(f) is None or not toks or toks[0].kind != NUM or toks[0].dollar:
        return
    draft.values[f] = None
    what = "price" if f == "price" else "exercise price"
    draft.notes.append(
        (
            f,
            f"{toks[0].text!r} read as the {what} has no dollar sign, and the underlying amount"
            f" before it is empty: the {what}, or that amount with the {what}'s cell lost? left"
            " empty",
        )
    )


_A_LETTER = re.compile(r"[^\W\d_]")
"""A letter (counted: a nature of one word of two letters or fewer may be a form's letter)."""


def _underlying_past_the_window(
    draft: Draft,
    cols: list[list[Token]],
    fields: tuple[str, ...],
    date_x: dict[str, int],
) -> None:
    """Layout text of a Table II row printed on two lines, its title and window markers above
    (``Tranche C Common Share    (1)    (1)``), the rest below (``Common Stock(2)(3)
    134,018.0 ...``, under the underlying title's caption): the lower line's first words stand
    past the window dates' captions, in the underlying title's column, so they are no title;
    read by their type as the title, they had taken the title's words above them into it
    (``Tranche C Common Share Common Stock Purchase Warrants``). They are the underlying
    title, with a doubt, and the title is left to the lines above and below."""
    at = fields.index("security_title")
    toks = cols[at]
    past = max(date_x.values())
    under = draft.values.get("underlying_title")
    text = draft.values.get("security_title")
    if not toks or toks[0].x < past:
        return
    if under:
        # ``Common Stock, par value $.01(2) 402,054`` (pdftotext, remix seed 1265: the par
        # amount one space after its words, read as the underlying title alone, ``$.01``)
        if not (
            isinstance(under, str)
            and isinstance(text, str)
            and PAR_AMOUNT.fullmatch(under)
            and PAR_WANTED.search(text)
        ):
            return
        text = f"{text} {under}"
    draft.values.pop("security_title", None)
    draft.values["underlying_title"] = text
    draft.title_raw = None
    draft.where["underlying_title"] = draft.where.pop("security_title", toks[0].x)
    if "security_title" in draft.footnotes:
        ids = draft.footnotes.pop("security_title")
        draft.footnotes["underlying_title"] = ids + draft.footnotes.get("underlying_title", [])
    if "security_title" in draft.closed:
        draft.closed.discard("security_title")
        draft.closed.add("underlying_title")
    draft.notes.append(("underlying_title", f"{text!r} {_PAST_WINDOW}"))


PAR_WANTED = re.compile(r"\b(?:par|nominal)\s+value$", re.I)
"""A title's words ending on a par value's phrase, its amount in the next cell."""
_PAST_WINDOW = (
    "stands past the window dates' captions, in the underlying title's column: read as the"
    " underlying title, the row's title being on other lines; unsure"
)


def title_left_above(draft: Draft) -> bool:
    """The row's first words were moved from its title to its underlying title
    (:func:`_underlying_past_the_window`): its title is on the lines above and below."""
    return any(f == "underlying_title" and m.endswith(_PAST_WINDOW) for f, m in draft.notes)


def _letters_among_words(tokens: list[Token]) -> None:
    """A capital sharing its cell with words, in a row of cells (``|INNSUITE<br>HOSPITAL|S<br>
    ITY REIT|``: a cell's border cut ``INNSUITES`` and ``HOSPITALITY``), is a piece of a word,
    no transaction code: a code's cell holds the code alone. ``D`` and ``I`` are left as they
    are (a converter may merge the ownership form's cell with the nature's: ``I<br>Trust``)."""
    worded = {t.cell for t in tokens if t.kind == TEXT and THREE_LETTERS.search(t.text)}
    if not worded:
        return
    for i, t in enumerate(tokens):
        if t.kind == LETTER and t.cell in worded and t.text not in ("D", "I"):
            if (
                i
                and tokens[i - 1].kind == DATE
                and tokens[i - 1].cell == t.cell
                and t.text in CODES
                and (i + 1 == len(tokens) or tokens[i + 1].cell != t.cell)
            ):
                # ``|Common Stock<br>03/08/2023<br>M|5,250|``: the cell stacks the title, the
                # date and the code, as the header's cell stacks their captions; a date
                # stands between the words and the letter, which ends the cell: the code
                continue
            t.kind, t.value = TEXT, None


def _price_without_dollar(
    draft: Draft, row: Row, fields: tuple[str, ...], cols: list[list[Token]]
) -> None:
    """A price read from a number printed without a dollar sign: the form prints every price
    after one (``$0``, ``$ 5.96``), so the number is another column's value or debris that
    slid under the price (layout text ``110,474  (1)   294,910  0 D``: a flipped byte made a
    ``0``, and the marker-only price's cell went to the amount before it; a pipe row that lost
    its price cell, whose balance stands where the price would). The price is left empty, and
    the balance read after it is a doubt (the row's values may have slid over). A scan's
    layout text (which loses dollar signs) is not read so."""
    for f in ("exercise_price", "price"):
        if f not in fields or draft.values.get(f) is None:
            continue
        toks = cols[fields.index(f)]
        tok = toks[0] if toks else None
        if tok is None or tok.kind != NUM or tok.dollar:
            continue
        if tok.cell > 0 and row.cells[tok.cell - 1].endswith("$"):
            continue  # ``$      0(3)``: the sign stands apart in a cell of its own
        draft.values[f] = None
        draft.notes.append(
            (
                f,
                f"{tok.text!r} under the {f} has no dollar sign, which the form prints"
                " before a price: left empty",
            )
        )
        if f == "price" and draft.values.get("shares_owned_following") is not None:
            draft.notes.append(
                (
                    "shares_owned_following",
                    "read after a price without its dollar sign: the row's values may have"
                    " slid over, unsure",
                )
            )


def _marker_past_title(
    draft: Draft, fields: tuple[str, ...], cols: list[list[Token]], title_end: int
) -> None:
    """In layout text, a lone footnote marker read as the title's that stands right of the
    title column, under the second column's caption (``Class B Common    (2)   0``): it is that
    column's cell, a marker alone (a price or date the filing footnotes instead of printing).
    A value read for the second column beside it then shares its cell with the marker: which
    of the two the form printed there, the text does not say, so it is left empty with a
    doubt and the marker goes to the second column."""
    stray = [t for t in cols[0][1:] if t.kind == MARKER and t.x >= title_end]
    nxt = cols[1] if fields[0] == "security_title" else []
    if not stray or not nxt or nxt[0].kind not in (NUM, DATE):
        return
    cols[0] = [t for t in cols[0] if t not in stray]
    said = nxt[0].text
    cols[1] = stray + nxt[1:]
    draft.notes.append(
        (
            FOOTNOTE_FIELD.get(fields[1], fields[1]),
            f"{said!r} beside a footnote marker alone under the {fields[1]} caption: which of"
            " the two the cell holds, unsure: left empty",
        )
    )


_NEXT_CELL = 6
"""Characters at most between a scan's underlying title and a value in the next cell (a box
rule and the spaces around it: ``Common _ | 697,674``); a column is wider than that."""


_TAIL_AMOUNTS = ("underlying_shares", "price", "shares_owned_following")


def _lone_tail_amount(draft: Draft, fields: tuple[str, ...], cols: list[list[Token]]) -> None:
    """One bare number after a Table II row's underlying title, in a scan: the underlying
    amount, or the amount owned following whose own number (often a lone ``0``, which a scan
    drops) was lost. An OCR engine starts each line at the margin and spaces words by
    estimate, so the number's column is not where its place says; but right after the title
    (``Common _ | 697,674``: a rule between at most) stands only the underlying amount's cell,
    the balance after being two columns on: read so, with a note. Further on, either: both
    are left empty with a doubt (a ``$`` price, or a second number, keeps the order)."""
    if "shares_owned_following" not in fields or not cols[fields.index("underlying_title")]:
        return
    at = [fields.index(f) for f in _TAIL_AMOUNTS]
    toks = [t for i in at for t in cols[i]]
    if len(toks) != 1 or toks[0].kind != NUM or toks[0].dollar:
        return
    tok = toks[0]
    title = cols[fields.index("underlying_title")][-1]
    if GROUPED_NUMBER.search(title.text) is None and (
        0 <= tok.x - (title.x + len(title.text)) <= _NEXT_CELL
    ):
        # (a title that holds an amount, ``Common} 133,563,429 $2.586.4075°)``, took cells of
        # the row's: the number after it is not the one next to the title)
        # right after the underlying title (a rule between at most): the amount's own cell;
        # the balance after stands two columns on, past the price's
        if tok.value is not None:
            placed = next(f for f in _TAIL_AMOUNTS if tok in cols[fields.index(f)])
            draft.notes[:] = [
                ("underlying_shares", m) if f == placed and m in tok.notes else (f, m)
                for f, m in draft.notes
            ]
            draft.values["underlying_shares"] = tok.value
            draft.values["shares_owned_following"] = None
            if cols[fields.index("price")]:  # a bare number is no price the form prints
                draft.values["price"] = None
            draft.notes.append(
                (
                    "underlying_shares",
                    f"{tok.text!r} read as the underlying amount: it stands right after the"
                    " underlying title, two columns before the amount owned following",
                )
            )
        return
    for f in ("underlying_shares", "shares_owned_following"):
        draft.values[f] = None
        draft.notes.append(
            (
                f,
                f"{tok.text!r} alone after the underlying title: the underlying amount or the"
                " amount owned following (a scan's spacing does not say which); left empty",
            )
        )
    if cols[fields.index("price")]:  # a bare number is no price the form prints: not one
        draft.values["price"] = None


def _holding_balance(draft: Draft, fields: tuple[str, ...], cols: list[list[Token]]) -> None:
    """A Table I row with no date and no code, but its ownership form, is a holding: of the
    row's number columns it fills only the amount owned following. A lone number there that a
    converter's lost cell slid into the amount or price column (no ``$``: not a price), with
    the balance empty, is that balance: read so, with a doubt (the cell it stood in is said)."""
    v = draft.values
    if "underlying_shares" in fields or "shares_owned_following" not in fields:
        return
    if (
        v.get("transaction_date") is not None
        or v.get("code") is not None
        or v.get("shares_owned_following") is not None
    ):
        return
    if v.get("ownership") is None:
        return
    got = [f for f in ("shares", "price") if v.get(f) is not None]
    if len(got) != 1:
        return
    (f,) = got
    toks = next((cols[i] for i, g in enumerate(fields) if g == f or g.startswith(f"{f}_")), [])
    if not toks or any(t.dollar for t in toks):
        return
    value = v.pop(f)
    v["shares_owned_following"] = value
    if f == "shares":
        v.pop("acquired_disposed", None)
    if f in draft.footnotes:
        draft.footnotes["shares_owned_following"] = draft.footnotes.pop(f)
    draft.notes.append(
        (
            "shares_owned_following",
            f"read {value} as the amount owned following: it stood in the {f} column of a row"
            " with no date or code (a holding), whose only number is its balance",
        )
    )


_MARKER_LINE = re.compile(r"(?:<sup>)?\((\d{1,3})\)(?:</sup>)?")


def _marker_line_before(cells: tuple[str, ...], at: int) -> str | None:
    """The number of a footnote marker standing alone on the last line of the cell before
    cell ``at`` (its ``<br>`` lines), or None."""
    if at < 1 or at > len(cells):
        return None
    last = re.split(r"<br\s*/?>", cells[at - 1])[-1].strip()
    m = _MARKER_LINE.fullmatch(last)
    return m.group(1) if m else None


_SPACED_MARK_AFTER = re.compile(r"\s+\((\d{1,3})\)(?=\s|$)")


_SPACED_MARK_BEFORE = re.compile(r"(?:^|\s)\((\d{1,3})\)\s+$")


# a scan's cells: a box rule may stand between a date and the marker-only cell beside it
_RULED_MARK_AFTER = re.compile(r"[\s|]*[\s|]\((\d{1,3})\)(?=\s|$)")


_RULED_MARK_BEFORE = re.compile(r"(?:^|[\s|])\((\d{1,3})\)[\s|]+$")


_LETTER_MARK = re.compile(r"\([SOIlB]\)")


_LETTER_CELL_BEFORE = re.compile(r"(?:^|\s)\([SOIlB]\)\s+$")
"""A marker cell the scan read as a bracketed letter (``(S)`` for ``(5)``) right before a
date: no code or letter of the form is bracketed."""


_TORN_CELL_AFTER = re.compile(
    r"\s*\|\s*(?:(?:\((?!\d{1,3}\))[^\w\s|()]{1,3}|\d{1,2}[^\w\s|()]{0,2}|[^\w\s|()]{0,3})\)"
    r"|[@©®°“”]{1,3})(?=\s|$)"
)
"""A marker cell the scan tore, after a box rule right after a date (``05/11/2024 | (@)``,
``|)``, ``| 2)``: a bracket lost or read as a rule, as :data:`_TORN_CELL_BEFORE` takes them;
``|@®``: both brackets lost, the digit read as symbols)."""


_TORN_CELL_BEFORE = re.compile(r"\|\s*(?:[^\w\s|]{0,4}|\(?\d{1,2}[^\w\s|]{0,2})\)[\s|]*$")
"""A box rule and then a cell holding only a marker the scan tore (``| ©)``, ``|)``, ``| 6)``): no
value on the form is written so, so the cell held a footnote marker alone."""


_TORN_CELL = re.compile(
    r"\(?(?:\d{1,2}|[^\w\s|()]{1,3}|[a-z]{1,2})?\)+|\((?:[^\w\s|(]{0,3}|[a-z]{1,2})|[@©®°*“”?]{1,2}"
)
"""A cell of its own holding what a scan makes of a marker alone, its brackets torn or its
digits read as symbols or small letters (``qd)``, ``e))``, ``16)``, ``()``, ``(@``, ``(yy``), or the
marker read as a symbol alone (``@``, ``©``): no value on the form is written so, and a value's
own marker is printed against it, not a cell apart."""


_DEBRIS_CELL = re.compile(r"[(\[{]?[A-Za-z]{0,2}[^\w\s]*", re.ASCII)
"""What a scan makes of a superscript marker standing in a cell of its own: at most two
letters with a bracket or a symbol (``ie)``, ``en)``, ``(yy``, ``@``), or two bare small letters
(``ay``)."""


_DEBRIS_OF_TWO_DIGITS = re.compile(r"(?!buy)[a-z]{3}(?:\){2,}|[}\]][^\w\s]*)", re.ASCII)
"""A two-digit marker the scan read as three small letters, its closing bracket doubled or
read as a brace (``cen))`` for ``(11)``): no word of a title ends so (but ``(right to buy)``,
its bracket read twice)."""


def _is_debris_cell(toks: list[Token]) -> bool:
    text = "".join(t.text for t in toks)
    if not text or any(t.kind not in (TEXT, FRAG) for t in toks):
        return False
    if _DEBRIS_OF_TWO_DIGITS.fullmatch(text):
        return True
    if not _DEBRIS_CELL.fullmatch(text):
        return False
    letters = [c for c in text if c.isalpha()]
    # a capital on its own (``A``, ``B``) may be a class letter; small letters are no word
    return not letters or (text != "".join(letters)) or text.islower()


def _drop_debris_cells(draft: Draft, cols: list[list[Token]], fields: tuple[str, ...]) -> None:
    """In a scan's value line a text cell's words stand one space apart, so a text field that
    took words from several cells took another column's too; a cell holding no word, only
    what a scan makes of a footnote marker (``Deferred   ie)``: the exercise price's ``(1)``),
    is debris, dropped with a repair note. The field's other cells are kept as read. Two small
    letters with no bracket or symbol (``ay``) may be a word as well (``to``, ``of``, ``by``):
    dropped, but with a doubt."""
    for ci, toks in enumerate(cols):
        if fields[ci] not in TEXT_FIELDS or len({t.cell for t in toks}) < 2:
            continue
        by_cell: dict[int, list[Token]] = {}
        for t in toks:
            by_cell.setdefault(t.cell, []).append(t)
        junk = [c for c, group in by_cell.items() if _is_debris_cell(group)]
        if not junk or len(junk) == len(by_cell):
            continue
        said = " ".join(t.text for t in toks)
        bare = [w for c in junk if (w := "".join(t.text for t in by_cell[c])).isalpha()]
        cols[ci] = [t for t in toks if t.cell not in junk]
        kept = " ".join(t.text for t in cols[ci])
        if bare:
            # small letters alone may be a word of the field ('to' of 'Option (right to'),
            # not a marker: dropping them is a reading, not a repair
            draft.notes.append(
                (
                    fields[ci],
                    f"{' '.join(bare)!r} taken for a scan's footnote marker in {said!r}: "
                    f"read {kept!r}; unsure (small letters alone may be a word)",
                )
            )
        else:
            draft.notes.append((fields[ci], f"dropped OCR fragments in {said!r}: read {kept!r}"))
        draft.repaired = True


def _window_by_captions(draft: Draft, row: Row, date: Token, window: NamedCells | None) -> None:
    """A markdown row's one window date, alone in its cell, read as the date its cell stands
    under in the captions' table above (``| 05/14/2021 |`` under ``| (D) Date | Expiration |``
    over ``| Exercisable | Date |``: the date exercisable). markitdown merges the window's
    cells and pushes a marker-only cell's ``(1)`` onto a line below, so the date's order in
    the row does not say which it is (the work list's 000106299323011116 and remix seed
    1041's show the two ways round); the cell under its caption does. Only where the row is
    exactly as wide as the captions' rows: a row that lost or gained a cell does not line up."""
    if window is None or len(row.cells) != window[0]:
        return
    own = window[1].get(date.cell)
    if own is None:
        return
    other = "expiration_date" if own == "date_exercisable" else "date_exercisable"
    v = draft.values
    value = v.get("date_exercisable") or v.get("expiration_date")
    v[own], v[other] = value, None
    draft.window_by_caption = True


def _lone_window_date(
    draft: Draft,
    row: Row,
    cols: list[list[Token]],
    fields: tuple[str, ...],
    scan: bool = False,
    shifted: bool = False,
    cell: bool = False,
    by_caption: bool = False,
    captioned: Callable[[], NamedCells | None] | None = None,
) -> None:
    """One date where Table II has two (date exercisable, expiration date), in a plain run of
    words: the other cell was empty or held only a footnote marker. A converter writes a
    value's own marker against it (``$66.903(1)``, ``M(1)``), so a marker standing apart
    beside the date is the other cell: ``05/11/2024 (4)`` is a date exercisable and a
    footnote-only expiration, ``(3) 10/14/2025`` the other way round. With no such marker,
    or one on each side, which date was left out is not shown: both are left empty.

    In a scan (``scan``: OCR's layout text) a date under its own caption (``by_caption``) keeps
    that column, so a date with nothing beside it stays there; one the captions do not place
    (the scan's lines start at the margin) was placed by its order alone, and with nothing
    beside it which of the two it is is not shown: both are left empty (for
    :func:`_window_by_rows` to place by the table's other rows). A marker cell beside it, set
    apart by spaces or a box rule (``05/11/2024 | (4)``), or a torn one after a rule right
    before it (``| ©) 04/14/2028``: a marker-only date exercisable on a Form 3), says which date
    it is against a column the scan's skew may have shifted. Where a value of the row fits no column
    (``shifted``: its cells may have slid), a marker beside the date may be another cell's, and
    the date may be the transaction's: both are left empty.

    In a row of cells (``cell``) a date alone in its cell keeps the column its cell says; a
    marker set apart beside it in the same cell (``| (5) 10/14/2025 |``: the converter merged
    the two window cells into one) says which date it is, as in a plain run."""
    v = draft.values
    de, ex = v.get("date_exercisable"), v.get("expiration_date")
    if (de is None) == (ex is None):
        if scan and de is not None:  # both dates: each in its own column
            for f in ("date_exercisable", "expiration_date"):
                if f in draft.centres:
                    draft.window[f] = draft.centres[f]
        return
    window = (fields.index("date_exercisable"), fields.index("expiration_date"))
    date = next((t for ci in window for t in cols[ci] if t.kind == DATE), None)
    if cell:
        cells = row.cells
        text = cells[date.cell] if date is not None and 0 <= date.cell < len(cells) else ""
        text = text.replace("<br>", " ")  # (``05/11/2024<br>(4)``: two cells' lines in one)
    else:
        text = row.text if scan else (row.cells[0] if row.cells else "")
    at = text.find(date.text) if date is not None else -1
    if date is None or at < 0 or text.find(date.text, at + 1) >= 0:
        return
    value = de if de is not None else ex
    if scan:
        after = _RULED_MARK_AFTER.match(text, at + len(date.text))
        before = _RULED_MARK_BEFORE.search(text[:at])
        torn = before is None and (
            _TORN_CELL_BEFORE.search(text[:at]) is not None
            or _LETTER_CELL_BEFORE.search(text[:at]) is not None
            or _torn_cell_before(row, date)
        )
        torn_after = after is None and _TORN_CELL_AFTER.match(text, at + len(date.text))
        centre = date.x + len(date.text) / 2
        if torn_after and before is None and not torn and not shifted:
            # ``05/11/2024 | (@)``: the expiration's marker cell, torn, after the date
            v["date_exercisable"], v["expiration_date"] = value, None
            draft.window["date_exercisable"] = centre
            draft.notes.append(
                (
                    "date_exercisable",
                    f"read {value} as the date exercisable: a torn footnote marker set apart"
                    " by a box rule after it is the expiration date's cell",
                )
            )
            return
        if after is None and before is None and not torn:
            if by_caption:
                # kept in the caption's column, unless the table's other rows place the other
                # window date there (:func:`_window_by_rows`: the scan squeezed its captions)
                placed = "date_exercisable" if de is not None else "expiration_date"
                draft.window[f"~{placed}"] = centre
                return
            draft.window["?"], draft.lone_date = centre, value
        if shifted:
            after = before = None
            torn = False
        elif (after is None) != (before is None and not torn):
            draft.window["date_exercisable" if after else "expiration_date"] = centre
    else:
        after = _SPACED_MARK_AFTER.match(text, at + len(date.text))
        before = _SPACED_MARK_BEFORE.search(text[:at])
        torn = False
        if cell and after is None and before is None:
            short = len(cells) == len(fields) - 1  # (a row a cell short of the form)
            merged = _marker_line_before(cells, date.cell) if short else None
            if merged is None:
                # the date alone in its cell: the cell's column holds, where the captions'
                # cells say which it is
                _window_by_captions(draft, row, date, captioned() if captioned else None)
                return
            # a row a cell short of the form, the cell before the date closing on a line of a
            # marker alone (``Stock Option (Right to Buy)<br>(5)`` | ``04/14/2028``): the
            # converter merged the marker-only window cell into the cell before it, so the
            # marker stands before the date, as in a plain run
            before = _SPACED_MARK_BEFORE.search(f" ({merged}) ")
    if (after is None) == (before is None and not torn):
        v["date_exercisable"] = v["expiration_date"] = None
        draft.lone_date = value  # (a line below may push the row's other window date)
        for f in ("date_exercisable", "expiration_date"):
            draft.notes.append(
                (f, f"one date ({value}) for the date exercisable and expiration date: left empty")
            )
        return
    own, other = (
        ("date_exercisable", "expiration_date")
        if after
        else ("expiration_date", "date_exercisable")
    )
    v[own], v[other] = value, None
    if torn:
        draft.notes.append(
            (
                own,
                f"read {value} as the {own.replace('_', ' ')}: a torn footnote marker set apart"
                f" before it is the {other.replace('_', ' ')}'s cell",
            )
        )
        return
    mark = f"F{int((after or before).group(1))}"  # type: ignore[union-attr]  # one is set
    for ids in draft.footnotes.values():  # the marker was folded into a neighbour's cell
        if mark in ids:
            ids.remove(mark)
    draft.footnotes = {f: ids for f, ids in draft.footnotes.items() if ids}
    draft.footnotes.setdefault(other, []).append(mark)
    draft.notes.append(
        (
            own,
            f"read {value} as the {own.replace('_', ' ')}: the marker ({mark[1:]}) set apart "
            f"beside it is the {other.replace('_', ' ')}'s cell",
        )
    )


def _torn_cell_before(row: Row, date: Token) -> bool:
    """Whether the scan's cell right before the date's own is a torn marker (:data:`_TORN_CELL`,
    :func:`_letter_marker`)."""
    ci = next((k for k, x in enumerate(row.xs) if x == date.x), None)
    if ci is None or ci == 0:
        return False
    cell = row.cells[ci - 1]
    return _letter_marker(cell) or _TORN_CELL.fullmatch(cell) is not None


def _letter_marker(text: str) -> bool:
    """A marker the scan read as a letter: bracketed, one a digit looks like (``(S)`` of
    ``(5)``), or a capital no code or form is before its bracket (``Q)``)."""
    if _LETTER_MARK.fullmatch(text):
        return True
    return len(text) == 2 and text[1] == ")" and text[0].isupper() and text[0] not in CODES


def _by_order_differs(
    tokens: list[Token],
    fields: tuple[str, ...],
    cols: list[list[Token]],
    hints: dict[int, int] | None,
) -> list[str]:
    """The fields a row placed by its cells reads otherwise when its values are placed by
    their order and types alone: where a row has lost or gained a cell against its table's
    captions, either may be right (a lost ``(4)`` cell moves a date from the exercisable
    column to the expiration's; a lost balance cell leaves the underlying amount where the
    balance would be), so the fields they disagree on are doubts."""
    typed, _ = align(tokens, fields, False, hints)

    def said(column: list[Token]) -> object:
        first = column[0] if column else None
        return first.value if first is not None and first.kind in (NUM, DATE, LETTER) else None

    out: list[str] = []
    for ci, f in enumerate(fields):
        if f in TEXT_FIELDS or said(cols[ci]) == said(typed[ci]):
            continue
        name = "acquired_disposed" if f in ("shares_a", "shares_d") else f
        if name not in out:
            out.append(name)
    return out
