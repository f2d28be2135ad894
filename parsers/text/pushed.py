"""A row printed over two lines: when a line's values belong to the row above.

Converters push a code, a price or an ownership form below a raised footnote marker, or break a
cell onto its own line; each test here names the one shape it accepts, so that a real next row
is never folded into the one above.
"""

from __future__ import annotations

import re

from parsers.text.captions import is_header_row
from parsers.text.cells import PLAIN, SEP, SPACE, TABLED, Row
from parsers.text.columns import CODES, TEXT_FIELDS
from parsers.text.debris import GROUPED_NUMBER, TORN_PAR
from parsers.text.direction import NO_AMOUNT, NO_SIDE, SET_ASIDE
from parsers.text.drafts import Draft, add_refs, mark_ids
from parsers.text.mending import CLASS_WORD, UNGROUPED, code_in_small_print
from parsers.text.table_row import THREE_LETTERS
from parsers.text.tokens import (
    DATE,
    FRAG,
    LETTER,
    MARKER,
    NUM,
    TEXT,
    YEAR,
    Token,
    tokenize,
    tokenize_plain,
)


def has_value(tokens: list[Token]) -> bool:
    """A number or a date among the tokens (a loop: asked of every table line)."""
    for t in tokens:  # noqa: SIM110 -- a loop, not any(): no generator to set up
        if t.kind == NUM or t.kind == DATE:
            return True
    return False


def pushed_code(prev: Draft, tokens: list[Token]) -> bool:
    """A row of cells holding nothing but a transaction code's letter (and footnote markers),
    in a cell right of the title's, under a row with a date and no code: the row's code,
    pushed onto a row of its own by its raised marker (markdown's ``|  |  |  | X(3) |  | (3) |``
    under ``| Class A Common | 07/25/2025 |  |  | 697,674 A | ...``), not a word of a wrapped
    cell. It is read as a row for :func:`lacks_code` and :func:`pushed_down` to merge."""
    if prev.values.get("transaction_date") is None or prev.values.get("code") is not None:
        return False
    letters = [t for t in tokens if t.kind != MARKER]
    return (
        len(letters) == 1
        and letters[0].kind == LETTER
        and letters[0].value in CODES
        and letters[0].cell > 0
    )


def code_cells_below(row: Row, rows: list[Row], k: int) -> tuple[Row, int] | None:
    """A row of cells (``row``, ``rows[k]`` as read so far) with a date left of an empty cell,
    and under it (past the converter's rule, or right under it) a row of as many cells holding
    nothing but a transaction code's letter in that empty cell and footnote markers
    (markitdown: ``| American Depositary | | 07/25/2025 | | | 2,093,022 | A | 9,038,355 | | D
    |`` / ``| --- |`` / ``| | | | | X(2) | | (2) | |``, remix seed 1177): one row of the form
    the code's raised marker split, its cells one under the other. Joined cell by cell, it is
    read as the row it is (read apart, the code's letter had gone into the title and the row's
    amounts lost their columns). Gives the joined row and the index of the last row it took.
    Not where the letter may as well be a neighbour's: a row of the same shape right under the
    letter's line, or a letter's line right above this row (a marker may raise a code above
    its row as well as push it below)."""
    at = _past_rule(rows, k + 1)
    if at is None:
        return None
    letter = _code_alone(row, rows[at])
    if letter is None or row.cells[letter]:
        return None
    if not any(t.kind == DATE and t.cell < letter for t in tokenize(row.cells, row.xs)):
        return None  # (a Table II holding's window dates stand right of the code's column)
    nxt = _past_rule(rows, at + 1)
    if nxt is not None and _wants_code(rows[nxt], row, letter):
        return None
    above = row_above(rows, k)
    if above is not None and _code_alone(row, above) == letter:
        return None
    pairs = zip(row.cells, rows[at].cells, strict=True)
    return row.with_cells(tuple(f"{a} {b}" if a and b else a or b for a, b in pairs)), at


def code_between(rows: list[Row], k: int) -> str | None:
    """``rows[k]`` holds a code's letter alone (and footnote markers) in a cell that both the
    row of cells above it and the one below it, each with a date, leave empty: either row's
    code, raised above its row or pushed below it by its marker. Which, the rows do not say,
    so the line is neither's, and no word of a title either (read so, ``Common Stock G``).
    Gives what to say of it, or None."""
    above = row_above(rows, k)
    below = _past_rule(rows, k + 1)
    if above is None or below is None:
        return None
    letter = _code_alone(above, rows[k])
    if (
        letter is None
        or not _wants_code(above, above, letter)
        or not _wants_code(rows[below], above, letter)
    ):
        return None
    return (
        f"{rows[k].cells[letter].strip()!r} alone on line {rows[k].line}, in the code's cell that"
        f" this row and the row of line {rows[below].line} both leave empty: either's code,"
        " which the lines do not say; read as neither's"
    )


def _past_rule(rows: list[Row], i: int) -> int | None:
    """Row ``i``, or the one after it where ``i`` is markdown's rule; None past the end."""
    if i < len(rows) and rows[i].shape == SEP:
        i += 1
    return i if i < len(rows) else None


def _code_alone(row: Row, other: Row) -> int | None:
    """The cell of ``other`` holding a code's letter alone (footnote markers beside it), where
    ``other`` is a row of as many cells as ``row`` with nothing else in it; else None."""
    if other.shape != row.shape or len(other.cells) != len(row.cells) or other.cells[0]:
        return None
    text = "".join(other.cells)
    if "<" in text:
        text = _TAG.sub("", text)
    if sum(1 for c in text if c.isalpha()) != 1:
        return None  # (asked of every row of cells: most hold words, answered so)
    letters = [t for t in tokenize(other.cells, other.xs) if t.kind != MARKER]
    if len(letters) != 1 or letters[0].kind != LETTER or letters[0].value not in CODES:
        return None
    return letters[0].cell


_TAG = re.compile(r"<[^>]*>")


def _wants_code(other: Row, row: Row, letter: int) -> bool:
    """``other`` is a row of ``row``'s cells with a date and cell ``letter`` empty: a row
    whose code may be that letter too."""
    return (
        other.shape == row.shape
        and len(other.cells) == len(row.cells)
        and not other.cells[letter]
        and any(t.kind == DATE for t in tokenize(other.cells, other.xs))
    )


def title_goes_on(prev: Draft, tokens: list[Token]) -> bool:
    """The row above left its title unfinished (``Common Stock,``: a title ends in no comma),
    and this plain line has words and at most one number, no date, code or letter: the
    title's wrapped rest (``par value $0.001``), not a row of its own."""
    title = prev.values.get("security_title")
    if not isinstance(title, str) or not title.endswith(",") or "security_title" in prev.closed:
        return False
    if tokens[0].kind != TEXT or sum(1 for t in tokens if t.kind == NUM) > 1:
        return False
    return all(t.kind in (TEXT, NUM) and not t.marks for t in tokens)


def states_ownership(row: Row, tokens: list[Token]) -> bool:
    """A row of cells with a title in its first cell and ``D`` or ``I`` alone in one of its
    last two filled cells (the ownership form, before the nature of ownership) is a row whose
    amounts were lost, not a wrapped title: read as a row, its empty balance is a doubt."""
    if row.shape not in TABLED or tokens[0].kind != TEXT or tokens[0].cell != 0:
        return False
    last = max(t.cell for t in tokens)
    return any(
        t.kind == LETTER
        and t.value in ("D", "I")
        and t.cell >= max(last - 1, 1)
        and sum(1 for u in tokens if u.cell == t.cell) == 1
        for t in tokens
    )


def _take_pushed(prev: Draft, f: str, value: object, tok: Token, note: str) -> None:
    """A value a converter pushed out of row ``prev`` onto a line of its own, taken back: its
    markers with it, the row's automatic doubt on the field dropped, ``note`` said instead."""
    prev.values[f] = value
    add_refs(prev, f, mark_ids(tok.marks))
    prev.notes[:] = [(g, m) for g, m in prev.notes if not (g == f and m in _AUTO_DOUBTS)]
    prev.notes.append((f, note))


def form_pushed_below(prev: Draft, tokens: list[Token]) -> bool:
    """``D(10)`` alone on the line after markdown's rule, or after a block of cells' last row,
    under a row of cells with no ownership form (``| Common Shares, no | ... | 12,297 | | |
    |``): the form and its raised marker, pushed out of the row by the rule the converter put
    after it or by the block's end. The row's form, read with a note; a letter with a marker
    and nothing else is no word of a title (``Ordinary Shares D`` had been read)."""
    if len(tokens) != 1 or prev.values.get("ownership") is not None:
        return False
    t = tokens[0]
    if t.kind != LETTER or t.value not in ("D", "I") or not t.marks:
        return False
    if prev.values.get("shares_owned_following") is None:
        # a form reports a balance held, and the row read none: whose form, the line does not
        # say for sure; it is no word of the title either
        prev.notes.append(
            (
                "ownership",
                f"{t.text!r} with a marker alone on the line after the row: the row's form"
                " pushed out of it, its balance unread? left out",
            )
        )
        return True
    _take_pushed(
        prev,
        "ownership",
        t.value,
        t,
        f"read {t.value!r} from the line after the row, pushed out of it; unsure",
    )
    return True


def form_places(draft: Draft, tokens: list[Token]) -> set[int]:
    """Where a layout row read its ownership form: the last lone ``D`` or ``I`` it holds."""
    form = draft.values.get("ownership")
    if form not in ("D", "I"):
        return set()
    for t in reversed(tokens):
        if t.kind == LETTER and t.value == form:
            return {t.x}
    return set()


def form_under_column(
    row: Row, tokens: list[Token], form_xs: set[int], title_end: int | None
) -> bool:
    """A layout line with a title at the margin and ``D`` or ``I`` under the column where the
    rows above put their ownership form is a row whose balance was lost or damaged (``Z00``),
    not the wrapped rest of the row above (a title wraps under the title column, the nature of
    ownership under its own): read as a row, its empty balance is a doubt. Words between the
    title column and the form sit under the columns of dates and amounts: unreadable values,
    not the title's words."""
    if row.shape != SPACE or not form_xs or tokens[0].kind != TEXT or tokens[0].x >= 4:
        return False
    if title_end is not None and tokens[0].x >= title_end:
        return False
    at = next(
        (
            i
            for i, t in enumerate(tokens)
            if i
            and t.kind == LETTER
            and t.value in ("D", "I")
            and any(abs(t.x - x) <= 1 for x in form_xs)
        ),
        None,
    )
    if at is None:
        return False
    if title_end is not None:
        for t in tokens[1:at]:
            if t.kind in (TEXT, FRAG) and t.x >= title_end:
                t.kind, t.value, t.malformed = NUM, None, True
    return True


def caption_next(rows: list[Row], k: int) -> bool:
    """The next line with words after ``rows[k]`` is a line of column captions: a scan's line
    of values with no title and no date between two caption lines is torn captions
    (``Code`` / ``(Instr. 3, 4 and 5)`` / ``(Instr. 4)`` read ``C   5   4)``), never a row: the
    form prints no row above its captions."""
    nxt = next((r for r in rows[k + 1 :] if r.text.strip()), None)
    return nxt is not None and is_header_row(nxt.text)


def plain_next(rows: list[Row], k: int, nature_open: bool = False) -> bool:
    """The line after ``rows[k]`` is a plain run of text, or a row of cells holding only words
    (a wrapped title's next line), not another table row (``nature_open``: the row above's
    nature goes on, :func:`wrapped_cells`)."""
    if k + 1 >= len(rows):
        return False
    nxt = rows[k + 1]
    if nxt.shape == PLAIN:
        return True
    if nxt.shape not in TABLED:
        return False
    if not any(ch.isdigit() for ch in nxt.text):
        return True
    tokens = tokenize(nxt.cells, nxt.xs)
    par_value_words(tokens, nxt, row_above(rows, k + 1))
    return bool(tokens) and not has_value(tokens) or wrapped_cells(tokens, None, nature_open)


def values_next(rows: list[Row], k: int) -> bool:
    """The line after markdown's rule ``rows[k]`` is a row of cells holding values and markers
    only, none in the title's cell and no date: the rest of the row above, pushed under the
    rule by a raised footnote marker (``| | (2) | ... | 628,553(1) | (2) (2) | ...``, or the code
    and price of ``| | | | S(2) | | $152.655(5) |``)."""
    if k + 1 >= len(rows) or rows[k + 1].shape not in TABLED:
        return False
    tokens = tokenize(rows[k + 1].cells, rows[k + 1].xs)
    last = max((t.cell for t in tokens), default=0)
    return (
        bool(tokens)
        and has_value(tokens)
        and all(
            (t.cell != 0 or t.kind == MARKER)  # (a marker alone is no title: a value's)
            and (
                t.kind in (NUM, MARKER)
                or (t.kind == LETTER and t.text in CODES)
                # the nature of ownership, in the row's last cell, pushed down with the price
                # beside it (``| | ... | $131.2422(7) | ... | See Footnote(2) |``)
                or (t.kind == TEXT and t.cell == last and any(x.kind == NUM for x in tokens))
            )
            for t in tokens
        )
    )


def title_next(rows: list[Row], k: int, prev: Draft) -> bool:
    """The line after markdown's rule ``rows[k]`` is a row of cells with a title and, besides
    it, only numbers and markers (no date, no code), under a row with a date or code and no
    title: the two halves of one row the rule cut (:func:`title_below`)."""
    if prev.values.get("security_title") or (
        prev.values.get("transaction_date") is None and prev.values.get("code") is None
    ):
        return False
    if k + 1 >= len(rows) or rows[k + 1].shape not in TABLED:
        return False
    tokens = tokenize(rows[k + 1].cells, rows[k + 1].xs)
    return (
        bool(tokens)
        and tokens[0].cell == 0
        and tokens[0].kind == TEXT
        and all(t.kind in (NUM, MARKER) for t in tokens if t.cell != 0)
    )


_VALUE_END = re.compile(r"\bvalue[:,]?$", re.IGNORECASE)


_VALUE_LAST = frozenset("eE:,\n")
"""The characters a match of ``_VALUE_END`` can end with (it ends the text, or stands before
a last line break)."""


def _ends_in_value(text: str) -> bool:
    """``_VALUE_END.search(text)``, scanning only the last seven characters (``value:`` and a
    line end at most: the match ends the text; ``\\b`` still sees the character before): it
    runs on the cells of each row's row above. A text not ending as a match can (in ``e``, a
    colon, a comma or a line break) is answered without the pattern: most cells end otherwise."""
    if not text or text[-1] not in _VALUE_LAST:
        return False
    return _VALUE_END.search(text, max(0, len(text) - 7)) is not None


_PAR_START = re.compile(r"par\b", re.IGNORECASE)


# a title cut after ``par value`` on a row's first line, its amount printed a line below
_PAR_CUT = re.compile(r"\bpar\s+value(?!\s*\$)\b.*\$", re.IGNORECASE)


PAR_CELL_END = re.compile(r"\b(?:par|nominal)\s+value[\s|]*$", re.IGNORECASE)
"""A title's cell ending on ``par value`` (or ``nominal value``, remix seed 1239: an
ordinary share's), its amount not yet printed."""


_CUT_PAR = re.compile(r"^\$\d+$")
"""A par value's sign and units, its decimals cut off by a cell's border (``$0|.001``)."""


def row_above(rows: list[Row], k: int) -> Row | None:
    """The row above ``rows[k]``, past one markdown rule."""
    if k and rows[k - 1].shape == SEP:
        k -= 1
    return rows[k - 1] if k else None


_NO_PAR_END = re.compile(r"\bno\s+par\s+value\W*$", re.I)


_PAR_VALUE_OPEN = re.compile(r"\bpar value(?!\s*\$)", re.I)
_PAR_LIKE = re.compile(r"\$\s?0?\.\d{2,5}")


def _year_then_par(values: list[Token], above: Row | None) -> bool:
    """A year, then a par-like amount (under a layout cell ending in ``value``, where
    ``above`` is that layout line)."""
    year, par = values
    return (
        year.kind == NUM
        and not year.dollar
        and YEAR.fullmatch(year.text) is not None
        and par.kind == NUM
        and par.dollar
        and _PAR_LIKE.fullmatch(par.text) is not None
        and (above is None or year.x < par.x and _par_cell_over(above, par.x))
    )


_DUE = re.compile(r"\bdue\b", re.I)


def _par_cell_over(above: Row, x: int) -> bool:
    """Whether layout text's line ``above`` has a cell ending in ``value`` (or ``par``) right
    over character column ``x``: the par value's words, whose amount wraps under them
    (``value`` / ``$0.0001 per``, pdftotext-layout, remix seed 1087)."""
    at = max((i for i, cx in enumerate(above.xs) if cx <= x), default=None)
    if at is None or not _wants_par(above.cells[at].strip()):
        return False
    return x < above.xs[at] + len(above.cells[at]) + 2


def par_value_words(tokens: list[Token], row: Row, above: Row | None) -> None:
    """A number that is part of a title's words: a security's par value (``Common Stock, par
    value $0.001``, ``Common Stock, $0.001 par value``), right after ``value`` or right before
    ``par`` in its cell (or in the next cell, a border having cut it from its ``$``), or alone
    in its cell under a cell of the row of cells above (past
    markdown's rule) that ends in ``value``. No column of the form prints a value beside those
    words, so read as a value it would make the title's wrapped rest a row of its own."""
    end = len(tokens) - 1
    for i, t in enumerate(tokens):
        if t.kind != NUM:
            continue
        before = tokens[i - 1] if i else None
        if (
            before is not None
            and before.kind == TEXT
            and _ends_in_value(before.text)
            and not _NO_PAR_END.search(before.text)  # (``no par value``: no amount follows)
            and not (not t.dollar and GROUPED_NUMBER.fullmatch(t.text))  # (a balance)
            and (
                before.cell == t.cell
                # ``|par value $|0.001|``: a cell's border cut the amount from its sign
                or (
                    row.shape in TABLED
                    and before.cell == t.cell - 1
                    and row.cells[before.cell].rstrip().endswith("$")
                    and not t.dollar
                )
            )
        ):
            if before.cell != t.cell:
                t.text = f"${t.text}"  # (its sign, which the tokens of the cell above dropped)
            t.kind, t.value = TEXT, None
            continue
        after = tokens[i + 1] if i < end else None  # (only looked at where ``before`` fails)
        if (
            after is not None
            and after.cell == t.cell
            and after.kind == TEXT
            and _PAR_START.match(after.text)
        ):
            t.kind, t.value = TEXT, None
            continue
        if (
            t.dollar
            and before is not None
            and before.kind == TEXT
            and before.cell == t.cell
            and before.text.endswith(",")
            and _PAR_LIKE.fullmatch(t.text)
            and (after is None or after.cell != t.cell)
            and all(u.kind == TEXT for u in tokens if u is not t)
        ):
            # ``Performance      Stock, $0.001`` / ``par value per`` (pdftotext-layout, remix
            # seed 1137): a par amount after a title's comma in its cell, on a line of words and
            # no other value, its ``par value`` wrapped below; read as a price, it had made the
            # line a row of its own, the underlying title above cut to ``Common``
            t.kind, t.value = TEXT, None
    if row.shape in TABLED:
        for i in range(len(tokens) - 1, 0, -1):
            a, b = tokens[i - 1], tokens[i]
            if (
                a.kind == TEXT
                and b.kind == NUM
                and b.cell == a.cell + 1
                and b.text[:1] == "."
                and _CUT_PAR.search(a.text)
                and "value" in row.cells[a.cell]
            ):
                # ``|par value $0|.001|``: a cell's border cut the par value after its units
                a.text += b.text
                del tokens[i]
    if above is None:
        return
    if (
        len(tokens) == 1
        and tokens[0].kind == NUM
        and tokens[0].dollar
        and (not tokens[0].malformed or TORN_PAR.fullmatch(tokens[0].text))
        and "par" in above.text
        and (
            _PAR_CUT.search(above.text)
            # ``Common Stock, par value | 10/02/2015 ...`` (no price) over ``$0.001`` at the
            # margin, the title's column: no price stands there
            or (
                row.xs[0] < 4
                and above.shape == SPACE
                and PAR_CELL_END.search(above.cells[0].split("|")[0])
            )
        )
    ):
        # ``Common Stock, par value 10/02/2015 S 300 D $647.56 7,064 D`` / ``$0.001(1)``: the
        # row above has its price; the lone amount is its title's par value, wrapped (a scan's
        # torn marker after it, ``$0.001)``, is no part of it)
        # (:func:`clean_words` drops it from the title, with a note)
        t = tokens[0]
        t.kind, t.value, t.malformed = TEXT, None, False
        return
    if row.shape == PLAIN:
        # ``Purchase value`` / ``Warrants $0.001``: a plain line of words whose last word is
        # the one number, under a plain line ending in ``value`` (the title on the right, the
        # underlying's, wraps there)
        last = tokens[-1]
        if (
            last.kind == NUM
            and last.dollar
            and all(t.kind == TEXT for t in tokens[:-1])
            and (
                (above.shape == PLAIN and _wants_par(above.text.strip()))
                # a lone ``$0.001`` line under a row of cells one of which ends in ``value``
                or (
                    len(tokens) == 1
                    and above.shape in TABLED
                    and any(_wants_par(c.strip()) for c in above.cells)
                )
            )
        ):
            last.kind, last.value = TEXT, None
        first = tokens[0]
        if (
            len(tokens) > 1
            and first.kind == NUM
            and first.dollar
            and all(t.kind == TEXT for t in tokens[1:])
            and (
                (above.shape in TABLED and any(_wants_par(c.strip()) for c in above.cells))
                or (above.shape == SPACE and _par_cell_over(above, row.xs[0]))
                or (above.shape == PLAIN and _wants_par(above.text.strip()))
            )
        ):
            # ``$0.0001 per`` / ``share`` under ``| Stock | ... | value |`` (markitdown, remix
            # seed 1087): the par value's amount and its words; read as a row's price, the
            # line had made a row, and the table's later rows took their neighbours' lines
            first.kind, first.value = TEXT, None
        if "$" not in row.text or above.shape != PLAIN:
            return
        values = [t for t in tokens if t.kind in (NUM, DATE)]
        if (
            len(values) == 2
            and values[0] is tokens[0]
            and _year_then_par(values, None)
            and _PAR_VALUE_OPEN.search(above.text)
            and _DUE.search(above.text)
        ):
            # ``2028 $0.0001 per share(2)(3)`` under ``Convertible Senior Notes due (5) ...
            # Class A Common Stock, par value 671,286 $3.95 I ...`` (pdfplumber-text, remix seed
            # 1143): the notes' year and the par value's amount, both left open above; read as
            # values they made a phantom row
            for t in values:
                t.kind, t.value = TEXT, None
            return
        if (
            len(values) == 1
            and values[0] is not tokens[0]  # (a line opening on it: the amount's own rules)
            and values[0].dollar
            and _PAR_LIKE.fullmatch(values[0].text)
            and _PAR_VALUE_OPEN.search(above.text)
        ):
            # ``Common Stock $0.01(2)(3) Person's spouse(6)`` under ``... Class A Common
            # Stock, par value 95,898,000 $3.74 I Held by the Reporting`` (pdfplumber-text,
            # remix seed 1099): the one amount, among wrapped words, is the par value the
            # line above left open; read as a price it made a phantom row
            values[0].kind, values[0].value = TEXT, None
        return
    if row.shape == SPACE and above.shape == SPACE:
        if "$" not in row.text:
            return
        values = [t for t in tokens if t.kind in (NUM, DATE)]
        if len(values) == 2 and _year_then_par(values, above):
            # ``2028      $0.0001 per share`` under ``... Notes due   ...   Stock, par value``
            # (pdftotext-layout, remix seed 1143): the title's year, then the par value's
            # amount under its words; the amount is words (the year: ``title_words``)
            values[1].kind, values[1].value = TEXT, None
            return
        if len(values) == 1 and all(t.kind == TEXT for t in tokens if t is not values[0]):
            t = values[0]
            if t.dollar and _PAR_LIKE.fullmatch(t.text) and _par_cell_over(above, t.x):
                # ``Equity Incentive   $0.0001 per`` under ``value`` in layout text (remix
                # seed 1091): beside a title's words, the par value's amount in its column
                t.kind, t.value = TEXT, None
        return
    if row.shape not in TABLED:
        return
    first = tokens[0]
    if (
        above.shape == PLAIN
        and first.cell == 0
        and first.kind == NUM
        and first.dollar
        and _PAR_LIKE.fullmatch(first.text)
        and len(tokens) > 1
        and tokens[1].kind == TEXT
        and tokens[1].cell == 0
        and "par value" in above.text
    ):
        # ``| $0.01 per share | ... | (3) |`` under ``Common Stock, par value 08/24/2019 M ...``
        # (markitdown, remix seed 1093): in the title's cell, the par value's amount and its
        # words, no price (it had been read as the row's price, 'per share' its nature)
        first.kind, first.value = TEXT, None
    cells = above.cells if above.shape == row.shape else ()
    for t in tokens:
        if (
            t.kind == NUM
            and t.cell < len(cells)
            and _wants_par(cells[t.cell].strip())
            and all(u is t or u.kind == TEXT for u in tokens if u.cell == t.cell)
            and (sum(1 for u in tokens if u.cell == t.cell) == 1 or _PAR_LIKE.fullmatch(t.text))
        ):
            # (``| $0.0001 per |`` under ``| value |``: the amount and the words after it, the
            # par value's rest, remix seed 1103; a phantom row had been read of it)
            t.kind, t.value = TEXT, None


def _wants_par(text: str) -> bool:
    """A title's cell ending in ``value`` that still wants its amount: ``par value``, not
    ``no par value`` (an amount under that is another cell's: a price pushed below)."""
    return _ends_in_value(text) and NO_PAR.search(text) is None


def wrapped_cells(
    tokens: list[Token], nature_at: int | None = None, nature_open: bool = False
) -> bool:
    """A row of cells that is the wrapped rest of the row above (``| Common | Common | 2021 |``
    under ``| Class B | ... | SMB Pacific |``): a word in the first cell, no letter standing
    for a code or an ownership form, and numbers only as the form never prints an amount: an
    integer of four digits or more without thousands separators, alone in its cell, or one of
    a digit or two alone in the cell of the nature the row above left open, or in a cell
    after it (``nature_at``: ``| Stock | ... | Stock | ... | 2 |`` under ``... | family member
    |``, ``| Common Stoc | k | ... | member | 1 |`` under ``... | By imme | diate family |``: the
    table's last column, where no value stands, cut by a border into cells). The first cell
    may be empty where the row above's nature is open (``nature_open``) and the numbers are
    years (``| | ... | Stock | ... | 2017 |`` under ``Option (right ... Class A ... I By FDS
    New``: the title's lines ended above, the underlying title's and the nature's go on)."""
    if not tokens or tokens[0].kind != TEXT:
        return False
    if tokens[0].cell != 0 and (
        not nature_open or not all(YEAR.fullmatch(t.text) for t in tokens if t.kind == NUM)
    ):
        return False
    seen = False
    for t in tokens:
        if t.kind == NUM:
            if nature_at is not None and t.cell >= nature_at and _nature_number(t):
                pass  # (``member`` / ``2``; a border may cut the nature into cells)
            elif t.dollar or not UNGROUPED.fullmatch(t.text):
                return False
            if sum(1 for u in tokens if u.cell == t.cell) > 1:
                return False
            seen = True
        elif t.kind not in (TEXT, MARKER):
            return False
    return seen


def _nature_number(t: Token) -> bool:
    return t.text.isdigit() and len(t.text) <= 2


_DOLLAR_FIELDS = ("price", "exercise_price")


ROW_OPENERS = ("security_title", "transaction_date", "deemed_execution_date", "code")


_AUTO_DOUBTS = (
    "no amount owned following",
    "no ownership form (D or I)",
    "transaction date without a transaction code",
)


_WINDOW = ("date_exercisable", "expiration_date")


def pushed_down(prev: Draft, draft: Draft, opens: tuple[str, ...] = ROW_OPENERS) -> bool:
    """Values on the line right under a row, in layout text, with no title, date or code of
    their own and only in columns the row above left empty: a raised footnote marker pushed
    the rest of that row down a line (``628,553(1)   I`` under ``Class A 12/09/2024 C ...``).
    They are the row's: merged with a note. Not in flush (OCR) text, where a lost title
    would make a holding row look the same. Under markdown's rule the code may be pushed too
    (``opens`` leaves it out): the rule ends the row's own line, so a code there opens none."""
    filled = [f for f, v in draft.values.items() if v is not None and f != "voluntary"]
    if not filled or any(draft.values.get(f) is not None for f in opens):
        return False
    if prev.values.get("security_title") is None or any(
        prev.values.get(f) is not None for f in filled
    ):
        return False
    # an amount or price the line alone could not hold (it has no date or code) is the row's,
    # when the row states a transaction and left that cell empty
    back = (
        [f for f in draft.set_aside if prev.values.get(f) is None]
        if prev.values.get("transaction_date") is not None or prev.values.get("code") is not None
        else []
    )
    for f in back:
        draft.values[f] = draft.set_aside[f]
    filled.extend(back)
    draft.notes[:] = [(f, m) for f, m in draft.notes if f not in back or SET_ASIDE not in m]
    stated = prev.values.get("transaction_date") is not None or prev.values.get("code") is not None
    for f in filled:
        prev.values[f] = draft.values[f]
        prev.where[f] = draft.where.get(f, 0)
    if not stated and ("code" in filled or "transaction_date" in filled):
        # the row's own amount and side, set aside while its line stated no transaction, are
        # the transaction's now that its code came (``| Ordinary Shares | | 12/08/2025 | | |
        # 50,000,000 | D | ...`` / ``S(1) $2,586.4075(4)``, remix seed 941)
        own = [f for f in prev.set_aside if prev.values.get(f) is None]
        for f in own:
            prev.values[f] = prev.set_aside.pop(f)
        prev.notes[:] = [(f, m) for f, m in prev.notes if f not in own or SET_ASIDE not in m]
    # and the raised marker that pushed the line (``(1)`` under the title) is its cell's
    marked = [f for f in draft.footnotes if f not in filled and prev.values.get(f) is not None]
    if prev.plain:
        # (under a plain line, which markitdown printed without its markers: a marker alone in
        # an exercise window's cell, ``| (8) | (5) |``, stands for its date, as on any row)
        marked += [f for f in _WINDOW if f in draft.footnotes and f not in prev.footnotes]
    for f in [*filled, *marked]:
        add_refs(prev, f, draft.footnotes.get(f, []))
    prev.notes[:] = [
        (f, m) for f, m in prev.notes if not (f in filled and m.startswith(_AUTO_OR_NO_AMOUNT))
    ]
    prev.notes.append(
        (None, f"read {', '.join(filled)} from line {draft.line}, pushed under the row")
    )
    # the pushed line's doubts on what it gave the row (a side read from the balance), and on
    # what it left empty, are the row's
    prev.notes.extend(
        (f, m)
        for f, m in draft.notes
        if f is not None and (f in filled or prev.values.get(f) is None)
        and not m.startswith(_AUTO_DOUBTS)
        # (the line's own lack of an amount says nothing of the row's, which has one)
        and not (m == NO_SIDE and prev.values.get("shares") is not None)
    )  # fmt: skip
    return True


_HOLDS_A_ROW = (
    "transaction_date",
    "deemed_execution_date",
    "code",
    "shares",
    "shares_owned_following",
    "ownership",
)
"""What a row of the form states beside its title: a transaction (its date, code or amount) or
a holding (its balance or ownership form)."""


def rest_below(prev: Draft, draft: Draft) -> bool:
    """Right under a row of cells, a row of cells whose first cell holds words and whose other
    cells hold only values the row above left empty, with no date, code, amount, balance or
    ownership form (markitdown: ``| Non-Qualifed | | 03/15/2025 | | M | 20,444 | | Class B
    20,444 | | 306,656 | D | |`` / ``| Stock Option | $0(3) | | ... | (8) (5) | Common | $0(3)
    | ...``: the row split at its raised markers, its titles wrapped). A row of the form states
    a transaction or a holding; this one states neither, so it is the rest of the row above:
    its words go on the row's open text cells and its values into the row's empty cells, read
    with a doubt (should the converter have lost a row's every other cell, it would be one)."""
    v = draft.values
    if any(v.get(f) is not None for f in _HOLDS_A_ROW) or "shares" in draft.set_aside:
        return False
    texts = [f for f in TEXT_FIELDS if isinstance(v.get(f), str) and v.get(f)]
    if "security_title" not in texts or draft.blurred:
        return False
    if prev.values.get("transaction_date") is None and prev.values.get("code") is None:
        return False
    for f in texts:
        if not isinstance(prev.values.get(f), str) or f in prev.closed or f in prev.blurred:
            return False  # a cell the row above left empty or ended: not its rest
    others = [f for f, x in v.items() if x is not None and f not in TEXT_FIELDS]
    others = [f for f in others if f != "voluntary"]
    back = [f for f in draft.set_aside if f != "acquired_disposed"]
    if any(prev.values.get(f) is not None for f in [*others, *back]):
        return False
    for f in texts:
        prev.values[f] = f"{prev.values[f]} {v[f]}"
        prev.notes.append(
            (
                f,
                f"{v[f]!r} on line {draft.line}, in a row of cells with no date, code, amount,"
                " balance or ownership form of its own, read as the rest of this cell; unsure",
            )
        )
    for f in others:
        prev.values[f] = v[f]
        prev.where[f] = draft.where.get(f, 0)
    for f in back:
        prev.values[f] = draft.set_aside[f]
    for f in [*texts, *others, *back]:
        add_refs(prev, f, draft.footnotes.get(f, []))
    if others or back:
        said = ", ".join([*others, *back])
        prev.notes.append((None, f"read {said} from line {draft.line}, pushed under the row"))
    prev.notes[:] = [
        (f, m) for f, m in prev.notes if not (f in others and m.startswith(_AUTO_OR_NO_AMOUNT))
    ]
    return True


def title_below(prev: Draft, draft: Draft) -> bool:
    """A row of cells with a date or code but no title, and under the rule of a table the
    converter broke off there, a row with a title and nothing the row above holds (markitdown:
    ``| | 10/02/2015 | | S | 913 D | | 8,022 | | D |`` / ``| --- |`` / ``| Common Stock(1) |
    | | | | $640.895(8) | |``): one row of the form, cut in two by the break; the cells
    complement each other, so the title (and the price the lower line could not hold alone)
    is the row's, read with a note. A row reports a title; a title alone reports nothing."""
    if prev.values.get("security_title") or "security_title" in prev.blurred:
        return False
    if prev.values.get("transaction_date") is None and prev.values.get("code") is None:
        return False
    title = draft.values.get("security_title")
    filled = [f for f, v in draft.values.items() if v is not None and f != "voluntary"]
    if not isinstance(title, str) or filled != ["security_title"]:
        return False
    back = [f for f in draft.set_aside if prev.values.get(f) is None]
    if len(back) != len(draft.set_aside):
        return False  # a value the row above holds too: two rows, not one
    prev.values["security_title"] = title
    prev.title_raw = draft.title_raw
    for f in back:
        prev.values[f] = draft.set_aside[f]
    for f in ["security_title", *back]:
        add_refs(prev, f, draft.footnotes.get(f, []))
    prev.notes.append(
        (
            "security_title",
            f"read {', '.join(['security_title', *back])} from line {draft.line}, below a rule"
            " the converter put inside the row (the row above has no title, that line nothing"
            " else the row holds); unsure",
        )
    )
    return True


_AUTO_OR_NO_AMOUNT = (*_AUTO_DOUBTS, NO_AMOUNT, NO_SIDE)


def scan_pushed_down(prev: Draft, draft: Draft) -> bool:
    """A scan's line under a row with a date and no code, holding that code and cells beside it
    the row left empty (its price), and at the margin only the scan's speckles (``y,``, no
    three letters in a row), no date: ``Ordinary Shares   12/13/2022   (2)   74,907   (4)
    153,020`` / ``y,   S   $151.814``: the row's raised markers (``(2)``, ``(4)``, left in the
    cells) pushed its code and price a line down. Merged as in layout text
    (:func:`pushed_down`, with its note), the speckles said; else the line is read as before.
    A scan's lost title alone is not enough (a holding row looks the same): the line must give
    the row its missing code."""
    title = draft.values.get("security_title")
    if title is None and "security_title" not in draft.blurred:
        # ``S   $152.655`` alone: the scan kept no speckle at the margin
        return pushed_down(prev, draft, ROW_OPENERS[:3])
    if (
        not isinstance(title, str)
        or THREE_LETTERS.search(title)
        or "security_title" in draft.blurred
    ):
        return False
    draft.values["security_title"] = None
    if pushed_down(prev, draft, ROW_OPENERS[:3]):
        prev.notes.append((None, f"{title!r} before them on line {draft.line}: scan debris"))
        return True
    draft.values["security_title"] = title
    return False


def scan_code_below(prev: Draft, draft: Draft) -> bool:
    """``Ss   $150.841`` under a scan's row with a date and no code: a word of one letter,
    once or twice in small print, whose small form looks like its capital, at the margin of a
    line with no date: the row's code and price pushed down by their raised markers, as
    :func:`scan_pushed_down`, the code read as between a date and an amount
    (:func:`code_five`): likely, not certain, so with a doubt."""
    said = draft.values.get("security_title")
    if (
        not isinstance(said, str)
        or "security_title" in draft.blurred
        or draft.values.get("code") is not None
        or prev.values.get("transaction_date") is None
        or prev.values.get("code") is not None
    ):
        return False
    letter = code_in_small_print(said, 2)
    if letter is None:
        return False
    draft.values["security_title"], draft.values["code"] = None, letter
    if pushed_down(prev, draft, ROW_OPENERS[:3]):
        prev.notes.append(
            ("code", f"{said!r} at the margin of line {draft.line} taken for code {letter} (OCR);"
             " unsure")
        )  # fmt: skip
        return True
    draft.values["security_title"], draft.values["code"] = said, None
    return False


def lacks_code(prev: Draft, draft: Draft) -> bool:
    """A row with a date but no code, and under it a line with a code but no title or date: a
    transaction's code and the cells beside it pushed onto a line of their own, as a raised
    footnote marker does (markdown's ``|  |  |  | S(1) |  |  | $96.6953(4) |``; layout text's
    ``Class C Capital Stock 05/04/2022`` / ``(1)   S   1,800   D ...``). Neither line is a row:
    one with a date and no code states no transaction, one with a code and no title or date
    opens none. (:func:`pushed_down` still asks that they fill only cells the row above left
    empty.)"""
    return (
        prev.values.get("transaction_date") is not None
        and prev.values.get("code") is None
        and draft.values.get("code") is not None
    )


def orphan_amount(prev: Draft, row: Row, tokens: list[Token], fields: tuple[str, ...]) -> bool:
    """A dollar amount alone on a plain line right under a pipe row (markdown pushes a cell
    with a footnote marker out of its one-row table) is that row's price when the row has
    exactly one dollar column left empty; read so with a note. Otherwise not handled here."""
    if row.shape != PLAIN or len(tokens) != 1:
        return False
    tok = tokens[0]
    if tok.kind != NUM or not tok.dollar or tok.value is None:
        return False
    empty = [f for f in _DOLLAR_FIELDS if f in fields and prev.values.get(f) is None]
    if len(empty) != 1:
        return False
    (f,) = empty
    prev.values[f] = tok.value
    add_refs(prev, f, mark_ids(tok.marks))
    prev.notes.append(
        (f, f"{f} taken from {tok.text!r} alone on line {row.line}, under the row's empty cell")
    )
    return True


def _lone_dollar(tokens: list[Token]) -> bool:
    return (
        len(tokens) == 1
        and tokens[0].kind == NUM
        and tokens[0].dollar
        and (tokens[0].value is not None or TORN_PAR.fullmatch(tokens[0].text) is not None)
    )


def price_or_par_below(
    prev: Draft, rows: list[Row], k: int, tokens: list[Token], fields: tuple[str, ...]
) -> bool:
    """Two dollar amounts alone on the plain lines under a row of cells whose title ends in
    ``par value`` and whose one dollar cell is empty (markdown: ``| Common Stock, par value |
    10/02/2015 | | S | 258 D | | 7,764 | | D |`` / ``$643.0848(9)`` / ``$0.001(1)``): one is the
    price, pushed out of the row by its raised marker, the other the par value the title
    wraps to. Which is which, the text does not say (a par value can be $5, a price
    $0.001), so both cells are left empty with a doubt and both lines are taken; read one
    at a time, the first went into the title and the second opened a phantom row. One
    amount alone there stays the title's par value (:func:`par_value_words`)."""
    if prev.plain or not _lone_dollar(tokens) or k + 1 >= len(rows):
        return False
    title = prev.values.get("security_title")
    if (
        not isinstance(title, str)
        or PAR_CELL_END.search(title) is None
        or NO_PAR.search(title) is not None
        or "security_title" in prev.closed
    ):
        return False
    empty = [f for f in _DOLLAR_FIELDS if f in fields and prev.values.get(f) is None]
    if len(empty) != 1 or prev.values.get("code") is None:
        return False
    nxt = rows[k + 1]
    if nxt.shape != PLAIN:
        return False
    below = tokenize_plain(nxt.cells[0], nxt.xs[0])
    if not _lone_dollar(below):
        return False
    said = f"'{tokens[0].text}' and '{below[0].text}' alone on lines {rows[k].line} and {nxt.line}"
    said += " below the row: one its price, pushed out of its cell, the other its title's"
    said += " par value; which is which, the text does not say: left empty"
    for f in ("security_title", empty[0]):
        prev.leave_empty(f, said)
    return True


NO_PAR = re.compile(r"\bno\s+par\s+value[\s|]*$", re.IGNORECASE)


def wants_its_par_amount(title: object) -> bool:
    """A title ending on ``par value`` with no amount in it (``no par value`` and ``$0.01 par
    value`` want none)."""
    return (
        isinstance(title, str)
        and PAR_CELL_END.search(title) is not None
        and "$" not in title
        and NO_PAR.search(title) is None
    )


def orphan_code(prev: Draft, row: Row, tokens: list[Token]) -> bool:
    """A transaction code's letter with its footnote marker alone on a plain line right under
    a row (of cells, or a plain run of words) that has a date and no code (markdown pushes a
    cell with a footnote marker out of its table: ``| Class A Common | 03/17/2025 |  |  |
    52,777 D | ...`` / ``S(1)`` / ``Stock``) is that row's code, read so with a note; it is no
    word of the title, which a marker would end (the ``Stock`` below it is the title's). True
    if it was read so."""
    if row.shape != PLAIN or len(tokens) != 1:
        return False
    tok = tokens[0]
    if not _code_pushed_from(prev, tok):
        return False
    _take_pushed(
        prev,
        "code",
        tok.value,
        tok,
        f"code taken from {tok.text!r} alone on line {row.line}, under the row's empty cell",
    )
    return True


def _code_pushed_from(prev: Draft, tok: Token) -> bool:
    """``tok`` is a code's letter with its footnote marker, and ``prev`` a row with a date and
    no code that it may have been pushed out of."""
    if tok.kind != LETTER or tok.value not in CODES or not tok.marks:
        return False
    title = prev.values.get("security_title")
    if prev.plain and (not isinstance(title, str) or CLASS_WORD.search(title)):
        # under a plain run of words too (markdown printed the row's cells as words, the
        # code's cell with its marker apart: ``Ordinary Shares 12/09/2025 36,000,000 A ...``
        # / ``M(1)``), but for a title that may go on with a class's letter (``Series`` /
        # ``A(1)``)
        return False
    return prev.values.get("transaction_date") is not None and prev.values.get("code") is None


def orphan_code_and_date(prev: Draft, row: Row, tokens: list[Token]) -> bool:
    """A code and a date, each with its footnote marker, alone on a plain line right under a
    Table II row whose date came without a code and whose one window date said not which it
    was (markdown pushes the marked cells out of the row: ``Share $1.60 01/11/2022 30,000
    08/04/2026 Class B 30,000 ...`` / ``M(1) 09/04/2016(4)``): the row's code and its other
    window date, raised by their markers. Read as two rows, the line became a row of its own
    and took the wrapped titles below it. Of the two dates, the earlier is the date
    exercisable: an option expires after it can be exercised (equal dates say nothing of
    which cell is whose: not taken). True if it was read so."""
    if row.shape != PLAIN or len(tokens) != 2:
        return False
    code, date = tokens
    lone = prev.lone_date
    if (
        date.kind != DATE
        or lone is None
        or date.value is None
        or lone == date.value
        or "date_exercisable" not in prev.values
        or prev.values.get("date_exercisable") is not None
        or prev.values.get("expiration_date") is not None
        or not _code_pushed_from(prev, code)
    ):
        return False
    _take_pushed(
        prev,
        "code",
        code.value,
        code,
        f"code taken from {code.text!r} on line {row.line}, under the row's empty cell",
    )
    first, last = sorted((lone, date.value))
    prev.values["date_exercisable"], prev.values["expiration_date"] = first, last
    pushed = "date_exercisable" if date.value == first else "expiration_date"
    add_refs(prev, pushed, mark_ids(date.marks))
    prev.notes[:] = [(f, m) for f, m in prev.notes if not m.startswith("one date (")]
    prev.notes.append(
        (
            pushed,
            f"{date.text!r} on line {row.line}, pushed under the row beside its code, read as"
            f" the {pushed.replace('_', ' ')}: the earlier of the row's two window dates is"
            " the date exercisable",
        )
    )
    prev.lone_date = None
    return True
