"""A table region a converter wrote column by column, one cell a paragraph, back into rows.

markitdown (pdfminer's layout analysis) at times prints a table's cells as paragraphs between
blank lines, column after column: the four titles, then the four dates, the four codes, ... .
Read line by line, each cell is a row of its own. The form fixes the order of the columns, and
each paragraph holds one cell, so where every column has a cell in every row, row ``i`` is the
``i``-th cell of each column. Empty cells print nothing, so a column with fewer cells than the
table has rows cannot be attributed: then the region is left as it was (and read as it was).
Price and balance come back interleaved (``$5.3569``, ``8,536,067``, ``$5.4231``, ...) or one
column after the other; the dollar signs tell which.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from parsers.text.cells import BLANK, PLAIN, TAB, Row
from parsers.text.columns import CODES, T1_FORM3, T1_FORM4, T1_FORM5, T2_FORM3, T2_FORM4, T2_FORM5
from parsers.text.patterns import caseless, letter_words
from parsers.text.tokens import (
    DATE,
    IMMED,
    LETTER,
    MARKER,
    NA,
    NUM,
    TEXT,
    Token,
    cell_templates,
    token_of,
)

_FURNITURE = caseless(r"Form\s+filed\s+by", r"\(e\.g\.,?\s+puts")
"""Box 6's lines, which the converter may place under the Table I landmark, and Table II's
subtitle."""
_BOX_NUMBER = re.compile(r"\d{1,2}A?\.")
_LONE_LETTER = re.compile(r"[A-UW-Z](?:\(\d{1,3}\))*")
"""A code, (A)/(D) or ownership letter alone on its line (``S``, ``S(1)``, ``D``): a value
under its caption (``Code``), though its letter is one of the captions' words; ``V`` stays the
V column's caption, ``(D)`` in brackets a caption."""
_SUB_CAPTION = re.compile(r"\s*(?:Amount|Price|Code|\(A\)\s+or\s+\(D\))\s*$")


def untranspose(
    rows: list[Row],
    is_caption: Callable[[str], bool],
    width: int,
    notes: list[str] | None = None,
) -> list[Row]:
    """``rows`` rebuilt as one row of cells a table row when they are a column-by-column dump
    (:func:`_rebuilt`). A dump whose columns do not line up (an empty cell prints nothing, a
    wrapped title's pieces land apart, two columns' cells interleave) cannot be read row by
    row for sure: read line by line, each cell would be a row of its own (a phantom row, or a
    title word read as a row's title), so the region is left out, with a note in ``notes``.
    Otherwise ``rows``, less the column sub-captions that stand as paragraphs of their own
    among the values (``Amount``, ``Price``): read as rows, they would be titles."""
    if _all_plain(rows):  # a dump prints no cells: a region with any is read as it is
        is_caption = _remembered(is_caption)  # both readings below ask of the same lines
        twins: list[int] = []
        out = _rebuilt(rows, is_caption, width, notes, twins)
        if out is None and _marked_pair(rows):
            # cells closing on a marker one under the other in a paragraph, read as rows'
            # cells of their own, where read as one cell's words the columns lined up nowhere
            twins.clear()
            said: list[str] = []
            out = _rebuilt(rows, is_caption, width, said, twins, marked=True)
            if out is not None and notes is not None:
                notes.extend(said)
                notes.append(MARKED_NOTE.format(lines=", ".join(map(str, twins))))
                return out
        if out is not None:
            if twins and notes is not None:
                notes.append(TWIN_NOTE.format(lines=", ".join(map(str, twins))))
            return out
        if is_dump(rows, is_caption):
            chained = _by_chain(rows, is_caption, width)
            if chained is not None:
                if notes is not None:
                    notes.append(CHAIN_NOTE)
                return chained
            if notes is not None:
                notes.append(DUMP_NOTE)
            return []
    keep: list[Row] = []
    for i, r in enumerate(rows):
        if (
            r.shape == PLAIN
            and _SUB_CAPTION.match(r.text)
            and (i == 0 or rows[i - 1].shape == BLANK)
            and (i + 1 == len(rows) or rows[i + 1].shape == BLANK)
        ):
            continue  # a paragraph of its own
        keep.append(r)
    return keep


TWIN_NOTE = (
    "the table is printed column by column with cells of words one under the other in one "
    "paragraph (lines {lines}): a line under a cell that closed on a footnote marker is read as "
    "the next row's cell where it closes on none, or opens on the word the cell above opened on"
)


MARKED_NOTE = (
    "the table is printed column by column with cells of words one under the other in one "
    "paragraph (lines {lines}): a line closing on a footnote marker under a cell closing on "
    "one is read as the next row's cell, for read as the cell's words the columns lined up "
    "row by row nowhere, and so read every column holds a cell for every row"
)


def _marked_pair(rows: list[Row]) -> bool:
    """Two lines one under the other, each closing on a footnote marker, the lower opening
    on a capital: the only lines a second reading with ``marked`` reads otherwise (cheap
    tests first: most regions have none, and the second reading costs the first's time)."""
    above = ""
    for r in rows:
        text = r.text.rstrip() if r.shape == PLAIN else ""
        if (
            above
            and text.endswith((")", "]"))
            and text.lstrip()[:1].isupper()
            and _ends_in_marker(above)
            and _ends_in_marker(text)
        ):
            return True
        above = text if text.endswith((")", "]")) else ""
    return False


def _all_plain(rows: list[Row]) -> bool:
    """Every line a plain run of words or blank: what a column-by-column dump is made of."""
    for r in rows:  # noqa: SIM110 -- a loop, not all(): asked of every table region
        if r.shape != PLAIN and r.shape != BLANK:
            return False
    return True


def _remembered(is_caption: Callable[[str], bool]) -> Callable[[str], bool]:
    """``is_caption``, answering each line's text once: :func:`_rebuilt` and, where it builds
    nothing, :func:`is_dump` ask it of the same lines (for one region only: nothing is kept
    from one filing to the next)."""
    seen: dict[str, bool] = {}

    def caption(text: str) -> bool:
        got = seen.get(text)
        if got is None:
            got = seen[text] = is_caption(text)
        return got

    return caption


DUMP_NOTE = (
    "the table is printed column by column and its columns do not line up row by row "
    "(an empty cell prints nothing): its rows are left out, not guessed"
)


CHAIN_NOTE = (
    "the table is printed column by column in an order that does not line up row by row: its "
    "rows are rebuilt by the kinds of their values (codes, amounts, (A)/(D), prices, balances, "
    "ownership forms), each column's cells kept in their order, and the one reading whose "
    "balances follow each other (previous + acquired - disposed = following) on every row "
    "after the first; the first row's amount and side are the ones left over"
)


def _by_chain(rows: list[Row], is_caption: Callable[[str], bool], width: int) -> list[Row] | None:
    """A Table I dump of transactions whose columns interleave out of row order (markitdown:
    ``560,000(1)(2)(3) A``, then row 2's ``D`` before its amount, balances between prices),
    rebuilt where the form's structure leaves one reading, else None. Every title carries its
    transaction date beside it, or the title column stands whole before as many dates (no
    holdings among the rows); the values are then sorted by kind: the
    prices (``$`` or a marker alone) one a row, the letters (code, (A)/(D), D/I) and the plain
    numbers (amount, balance) each a shuffle of their columns, each column in row order. Of
    every way to deal the letters and the numbers out, exactly one set of values must make
    each row's balance the previous row's plus or minus its amount by its side, for one
    security owned one way (so the chain can be checked at all), with two rows or more."""
    if width not in (10, 11):
        return None
    items = _dump_items(rows, is_caption)
    if items is None:
        return None
    n = 0
    while n + 1 < len(items) and items[n][0] == "text" and items[n + 1][0] == "date":
        n += 2
    n //= 2
    titles = [items[2 * i][1] for i in range(n)]
    lines = [items[2 * i][2] for i in range(n)]
    dates = [items[2 * i + 1][1] for i in range(n)]
    rest = items[2 * n :]
    if n == 0:
        # the titles, then as many dates (each column whole, the title cells one under
        # another closing on their markers: ``... Stock(1)`` / ``Depositary Units(1)``)
        t = next((i for i, it in enumerate(items) if it[0] != "text"), len(items))
        d = next((i for i, it in enumerate(items[t:]) if it[0] != "date"), len(items) - t)
        if t == d:
            n = t
            titles = [it[1] for it in items[:n]]
            lines = [it[2] for it in items[:n]]
            dates = [it[1] for it in items[n : 2 * n]]
            rest = items[2 * n :]
    if n < 2 or len(set(t.casefold() for t in titles)) != 1:
        return None
    natures = [t for k, t, _ in rest if k == "text"]
    values = [(k, t) for k, t, _ in rest if k != "text"]
    if natures and [t for k, t, _ in rest[-len(natures) :] if k == "text"] != natures:
        return None  # words among the values: not natures after the last column
    if any(k == "date" for k, _ in values):
        return None  # a deemed execution date column: not in this reading
    prices = [t for k, t in values if k in ("dollar", "marker")]
    letters = [t for k, t in values if k == "letter"]
    numbers = [t for k, t in values if k == "number"]
    kinds = [k for k, _ in values]
    last_dollar = max((i for i, k in enumerate(kinds) if k == "dollar"), default=-1)
    if any(k == "marker" and i > last_dollar for i, k in enumerate(kinds)):
        # a footnote marker alone after every price with its '$' may be another column's
        # cell (a nature printed as its marker) standing in for an empty price: unsure
        return None
    if len(prices) != n:
        return None
    dealt_letters = _deal(letters, (_is_code, _is_side, _is_form), n)
    amounts_ = _amounts(numbers)
    if not dealt_letters or amounts_ is None or len(numbers) != 2 * n:
        return None
    found: list[tuple[tuple[str, ...], ...]] = []
    for lt in dealt_letters:
        if len({_letter(f) for f in lt[2]}) != 1:
            continue
        chains = _chains(numbers, amounts_, [_letter(x) for x in lt[1]], n)
        if chains is None:
            return None
        found.extend((*lt, *nm) for nm in chains)
    if not found or len({tuple(tuple(map(_bare, c)) for c in f) for f in found}) != 1:
        return None  # no reading, or readings that differ in a value
    # readings that differ only in which of two like letters keeps its marker ('D' or 'D(5)'):
    # the value is sure, the marker's column is not, so those cells are read without it
    codes, amounts, sides, forms, balances = (
        tuple(
            cells[0] if len(set(cells)) == 1 else _bare(cells[0])
            for cells in zip(*(f[c] for f in found), strict=True)
        )
        for c in (0, 3, 1, 2, 4)
    )
    indirect = [i for i, f in enumerate(forms) if _letter(f) == "I"]
    if natures and len(natures) not in (n, len(indirect)):
        return None
    if indirect and not natures:
        # an indirect holding always prints its nature: its cells were read as something else
        # (a nature that is a footnote marker alone, ``(3)``, counts among the prices)
        return None
    table: list[list[tuple[int, str, str, Token]]] = []
    for i in range(n):
        nature = ""
        if len(natures) == n:
            nature = natures[i]
        elif natures and i in indirect:
            nature = natures[indirect.index(i)]
        cells = (titles[i], dates[i], codes[i], amounts[i], sides[i], prices[i],
                 balances[i], forms[i], nature)  # fmt: skip
        table.append([(lines[i], c, "", _NO_TOKEN) for c in cells if c])
    return _rebuild(table)


def _dump_items(
    rows: list[Row], is_caption: Callable[[str], bool]
) -> list[tuple[str, str, int]] | None:
    """A dump's cells in the order printed, each ``(kind, text, line)``: kind ``text`` (a line of
    words, joined with the words under it in its paragraph, a value after the words a cell of
    its own), ``date``, ``letter``, ``number``, ``dollar`` (a price) or ``marker`` (a marker
    alone: a cell holding only its footnote); caption lines left out. None for anything else."""
    out: list[tuple[str, str, int]] = []
    open_text = False
    for r in rows:
        if r.shape == BLANK:
            open_text = False
            continue
        if r.shape != PLAIN:
            return None
        tokens = cell_templates(r.text)
        if not tokens:
            continue
        if len(tokens) == 1 and tokens[0][0] == MARKER:
            out.append(("marker", r.text.strip(), r.line))
            open_text = False
            continue
        if _FURNITURE.search(r.text) or (
            is_caption(r.text) and not _LONE_LETTER.fullmatch(r.text.strip())
        ):
            open_text = False
            continue
        for i, t in enumerate(tokens):
            kind = t[0]
            text = t[1] + "".join(f"({m})" for m in t[4])
            if kind == TEXT:
                if i == 0 and open_text and not _closed_twin(out[-1][1], r.text):
                    out[-1] = ("text", f"{out[-1][1]} {text}", out[-1][2])
                elif i == 0:
                    out.append(("text", text, r.line))
                else:
                    return None  # words after a value on one line
            elif kind == DATE:
                out.append(("date", text, r.line))
            elif kind == LETTER:
                out.append(("letter", text, r.line))
            elif kind == NUM:
                out.append(("dollar" if t[3] else "number", text, r.line))
            else:
                return None
        open_text = len(tokens) == 1 and tokens[0][0] == TEXT
    return out


_NO_TOKEN = Token(TEXT, "", 0, 0)


def _bare(text: str) -> str:
    """A cell's value without its footnote markers."""
    return text.split("(", 1)[0]


def _letter(text: str) -> str:
    return text[:1]


def _is_code(text: str) -> bool:
    return text[:1] in CODES


def _is_side(text: str) -> bool:
    return text[:1] in ("A", "D")


def _is_form(text: str) -> bool:
    return text[:1] in ("D", "I")


_DEALS_MAX = 64
"""Distinct readings of one kind of values at most; more, and the dump is left out."""


def _deal(
    cells: Sequence[str], columns: Sequence[Callable[[str], bool]], n: int
) -> list[tuple[tuple[str, ...], ...]] | None:
    """Every distinct way to deal ``cells`` (in the order printed) out to ``columns`` of ``n``
    cells each, every column keeping the order of its cells and taking only cells it accepts;
    None where there are more than a few (nothing to choose among) or the count is not
    ``n`` a column."""
    k = len(columns)
    if len(cells) != k * n:
        return None
    memo: dict[tuple[int, tuple[int, ...]], set[tuple[tuple[str, ...], ...]]] = {}

    def rest(pos: int, counts: tuple[int, ...]) -> set[tuple[tuple[str, ...], ...]] | None:
        key = (pos, counts)
        if key in memo:
            return memo[key]
        if pos == len(cells):
            return {tuple(() for _ in columns)}
        got: set[tuple[tuple[str, ...], ...]] = set()
        for c in range(k):
            if counts[c] < n and columns[c](cells[pos]):
                after = rest(pos + 1, (*counts[:c], counts[c] + 1, *counts[c + 1 :]))
                if after is None:
                    return None
                for tail in after:
                    got.add((*tail[:c], (cells[pos], *tail[c]), *tail[c + 1 :]))
                if len(got) > _DEALS_MAX:
                    return None
        memo[key] = got
        return got

    got = rest(0, tuple(0 for _ in columns))
    return sorted(got) if got is not None else None


def _amounts(cells: Sequence[str]) -> list[Decimal] | None:
    try:
        return [Decimal(_DIGITS.sub("", x)) for x in cells]
    except ArithmeticError:
        return None


_CHAIN_STEPS = 20_000
"""Steps at most spent dealing numbers out to amounts and balances; more, no rebuild."""


def _chains(
    cells: Sequence[str], values: Sequence[Decimal], sides: Sequence[str], n: int
) -> list[tuple[tuple[str, ...], tuple[str, ...]]] | None:
    """Every way to deal the plain numbers (in the order printed) out to the amounts and the
    balances, each column in its order, such that each row's balance is the previous row's
    plus (A) or minus (D) its amount; None where the search runs too long."""
    amounts: list[int] = []
    balances: list[int] = []
    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    steps = 0

    def holds(i: int) -> bool:
        if i == 0:
            return True
        step = values[amounts[i]] if sides[i] == "A" else -values[amounts[i]]
        return values[balances[i]] == values[balances[i - 1]] + step

    def go(pos: int) -> bool:
        nonlocal steps
        steps += 1
        if steps > _CHAIN_STEPS:
            return False
        if pos == len(cells):
            out.append((tuple(cells[k] for k in amounts), tuple(cells[k] for k in balances)))
            return True
        # the number at ``pos`` is the next amount or the next balance; a row is checked once
        # it has both
        for column, other in ((amounts, balances), (balances, amounts)):
            if len(column) < n:
                column.append(pos)
                i = len(column) - 1
                if (len(other) <= i or holds(i)) and not go(pos + 1):
                    return False
                column.pop()
        return True

    return out if go(0) else None


_DIGITS = re.compile(r"\(\d+\)|[^\d.]")


def is_dump(rows: list[Row], is_caption: Callable[[str], bool]) -> bool:
    """Whether ``rows`` are a table printed column by column, one cell a line: lines of one
    lone value (``M``, ``5,250``, ``$3.74``, ``D``) outnumber the lines holding two values or
    more, and no line holds a row's worth (three values or more: a date, a code and an
    amount, say). A table printed a row a line has such lines, or at most a few values pushed
    onto lines of their own; a text row of a Form 3 (a title, an amount, D) holds two."""
    if not rows or not _all_plain(rows):
        return False
    lone = several = 0
    for r in rows:
        if r.shape == BLANK or _FURNITURE.search(r.text):
            continue
        tokens = cell_templates(r.text)
        if is_caption(r.text) and not (len(tokens) == 1 and tokens[0][0] != TEXT):
            continue  # a caption, not a lone value that reads as one ("D", "I")
        values = sum(1 for t in tokens if t[0] not in (TEXT, MARKER, NA))
        if values >= 3:
            return False
        if values >= 2:
            several += 1
        elif values == 1 and len(tokens) == sum(1 for t in tokens if t[0] != TEXT):
            lone += 1
    return lone >= 3 and lone > several


def _rebuilt(
    rows: list[Row],
    is_caption: Callable[[str], bool],
    width: int,
    notes: list[str] | None = None,
    twins: list[int] | None = None,
    marked: bool = False,
) -> list[Row] | None:
    """``rows`` rebuilt as one row of cells a table row when they are a column-by-column dump,
    else None. ``is_caption(text)`` tells a line of column captions; ``width`` is the table's
    number of columns, which no rebuilt row may exceed. Lines read as cells of their own by
    :func:`_closed_twin` (``marked``: every line closing on a marker under a cell closing on
    one) are added to ``twins``."""
    if not rows or not _all_plain(rows):
        return None
    found: list[frozenset[str]] = []

    def whole() -> frozenset[str]:  # (asked only where a caption's words follow a title's)
        if not found:
            found.append(_whole_captions(rows, is_caption))
        return found[0]

    cells: list[tuple[int, str, str, Token]] = []  # line, text, kind, first token
    started = after_code = False
    para: list[Row] = []
    for r in [*rows, Row(0, (), (), BLANK, "")]:
        if r.shape != BLANK:
            para.append(r)
            continue
        if not para:
            continue
        lines, para = para, []
        if (
            started
            and _BOX_NUMBER.match(lines[0].text)
            and all(is_caption(x.text) for x in lines)
            and (width > _TABLE_ONE_WIDEST or "deriv" in " ".join(x.text for x in lines).lower())
        ):
            # numbered captions after values: the next table's, printed before its landmark
            # (Table II's, which name the derivative, in Table I, whose own captions 5 to 7
            # may stand among its values and are passed over; Table II's own, after values
            # a converter moved up from Table I)
            break
        if not started:
            lines = [
                x
                for k, x in enumerate(lines)
                if not _FURNITURE.search(x.text)
                and not (
                    is_caption(x.text)
                    and not _titles_word(lines[k - 1] if k else None, x, width, is_caption)
                    # (a footnote marker alone is a cell, no caption: Table II's first row's
                    # exercise price, ``(1)``, drawn before its title)
                    and not (width > _TABLE_ONE_WIDEST and _is_marker_alone(x.text))
                )
            ]
            if not lines:
                continue
            started = True
        if after_code and lines[0].text.strip() == "V":
            lines = lines[1:]  # the V column's caption, under the code column's
        # the code column's caption ends its paragraph, or heads its paragraph of codes
        after_code = any(x.text.strip() == "Code" for x in lines) if lines else after_code
        # (only the titles, the leading cells of words: a nature may close on a marker the
        # filer typed inside it, ``By Trust(1)`` / ``for children(2)``)
        leading = all(c[2].startswith("text") for c in cells)
        got = _cells_of(lines, is_caption, twins, width, marked and leading, whole)
        if got is None:
            return None
        cells.extend(got)
    put = _title_put_first(cells, width)
    if put is not None:
        cells = put
    runs: list[list[tuple[int, str, str, Token]]] = []
    for c in cells:
        if runs and runs[-1][0][2] == c[2]:
            runs[-1].append(c)
        else:
            runs.append([c])
    if (
        width in (10, 11)
        and len(runs) > 2
        and runs[0][0][2] == "date"
        and runs[1][0][2] == "text"
        and len(runs[0]) < len(runs[1])
    ):
        # fewer dates than titles, drawn above them (a one-line date's top stands above a
        # two-line title's): the transactions' dates, the holdings having none
        runs = [runs[1], runs[0], *runs[2:]]
    if len(cells) < 2 or not runs[0][0][2].startswith("text"):
        return None
    runs, dated = _unblocked(runs)
    lead = 0
    while lead < len(runs) and runs[lead][0][2].startswith("text"):
        lead += 1
    if lead > 1:  # titles with their date and titles without: transactions and holdings
        return _with_holdings(runs, lead, width, notes)
    n = len(runs[0])
    if lead == 1 and not dated and len(runs) > 1 and runs[1][0][2] == "date" and len(runs[1]) < n:
        return _with_holdings(runs, lead, width, notes, first=len(runs[1]))
    if n == 1:  # one row: its cells in the form's order
        if len(cells) > width or (width >= 15 and _underlying_last(cells)):
            return None
        if not _in_form_order(cells, width):
            return None
        if put is not None and notes is not None:
            notes.append(TITLE_OUT_OF_ORDER_NOTE)
        return _rebuild([cells])
    table: list[list[tuple[int, str, str, Token]]] = [[] for _ in range(n)]
    owned: list[str] = []
    for run in runs:
        if len(run) == n:
            for i in range(n):
                # (a date printed beside its title stands in the title's cell)
                if not dated or run is not runs[1] or i not in dated:
                    table[i].append(run[i])
            if run[0][2] == "letter":
                owned = [c[1].strip()[:1] for c in run]
        elif run is runs[-1] and _natures(run, owned, table, notes):
            pass
        elif len(run) == 2 * n and run[0][2] == "number":
            # price and balance: row after row, one column then the other, or so by blocks
            # of rows (the blocks the titles came in, if they came in more than one)
            split = _price_balance_blocks([c[3].dollar for c in run])
            if split is None:
                return None
            prices, balances, _ = split
            for i in range(n):
                table[i].extend((run[prices[i]], run[balances[i]]))
        else:
            return None
    if any(len(cells) > width or not _in_form_order(cells, width) for cells in table):
        return None
    return _rebuild(table)


_Cell = tuple[int, str, str, Token]  # line, text, kind, first token


def _unblocked(runs: list[list[_Cell]]) -> tuple[list[list[_Cell]], set[int]]:
    """The leading titles and their dates printed by blocks of rows, each block's titles then
    its dates (markitdown: ``Common Share`` / ``Common`` / ``INNSUITES`` / three dates /
    ``Ordinary Shares`` / its date: pdfminer grouped the last row apart), as one run of
    titles and one of dates; ``runs`` as they are when they do not open so. A title printed
    with its date beside it is a block of its own: its cell holds both, and stands in the
    dates' run too, at the row given with the set returned. Each column's cells stay in row
    order, blocks in page order."""
    k = blocks = 0
    titles: list[_Cell] = []
    dates: list[_Cell] = []
    dated: set[int] = set()
    while k < len(runs):
        kind = runs[k][0][2]
        if kind == "text,date":
            for c in runs[k]:
                dated.add(len(titles))
                titles.append(c)
                dates.append(c)
            blocks += len(runs[k])
            k += 1
        elif (
            kind == "text"
            and k + 1 < len(runs)
            and runs[k + 1][0][2] == "date"
            and len(runs[k]) == len(runs[k + 1])
        ):
            titles.extend(runs[k])
            dates.extend(runs[k + 1])
            blocks += 1
            k += 2
        else:
            break
    if blocks < 2 or len(dated) == len(titles):
        return runs, set()
    return [titles, dates, *runs[k:]], dated


def _price_balance_blocks(dollars: list[bool]) -> tuple[list[int], list[int], list[int]] | None:
    """Where each row's price and balance stand in a run of both (``dollars``: which cells
    carry a ``$``), printed by blocks of rows, each block's prices then as many balances:
    row after row (blocks of one), the price column then the balance column (one block), or
    in between. None if the run does not split so: no reading of it is sure."""
    prices: list[int] = []
    balances: list[int] = []
    sizes: list[int] = []
    i = 0
    while i < len(dollars):
        j = i
        while j < len(dollars) and dollars[j]:
            j += 1
        b = j - i
        if b == 0 or dollars[j : j + b] != [False] * b:
            return None
        prices.extend(range(i, j))
        balances.extend(range(j, j + b))
        sizes.append(b)
        i = j + b
    return prices, balances, sizes


NATURE_NOTE = (
    "the table is printed column by column with fewer natures of ownership than rows: each is "
    "read as the nature of a row owned indirectly (I), in order, as many as there are"
)


def _with_holdings(
    runs: list[list[_Cell]], lead: int, width: int, notes: list[str] | None, first: int = 0
) -> list[Row] | None:
    """A Table I dump of transactions and holdings, rebuilt, else None. Each transaction's
    title cell holds its date (``Common Stock 12/17/2015``), a holding's does not, so the
    titles tell which rows the transaction columns (code, amount, (A)/(D), price: one cell a
    transaction) fill; the columns after the price (balance, ownership) fill every row. The
    form's order of columns is kept: every transaction column comes before the first column
    of every row, which is the price column's cells followed by the balances (``$0``,
    ``$148.849``, ``39,476``, ``39,076``, ``2,600``). Natures of ownership as many as the
    rows are each row's; fewer, as many as the rows owned indirectly (I), are those rows',
    with a note (a direct row rarely names one); any other count is no rebuild. Titles with
    no date beside them and ``first`` dates in a column of their own after them: the form
    prints a table's transactions before its holdings, so the first ``first`` rows are the
    transactions (with a note). Rows owned indirectly whose natures stand nowhere in the
    table's text keep none, with a note."""
    titles = [c for run in runs[:lead] for c in run]
    if width not in (10, 11) or any(c[2] not in ("text", "text,date") for c in titles):
        return None
    moves = [i for i, c in enumerate(titles) if c[2] == "text,date"]
    if first:
        if moves:
            return None
        moves = list(range(first))
    n, k = len(titles), len(moves)
    if not 0 < k < n:
        return None
    table: list[list[_Cell]] = [[c] for c in titles]
    held = False  # past the price: columns every row fills
    owned: list[str] = []
    for run in runs[lead:]:
        m, kind = len(run), run[0][2]
        if not held and kind == "number" and m in (n, k + n):
            dollars = [c[3].dollar for c in run]
            if dollars != [True] * (m - n) + [False] * n:
                return None
            # (the prices, one a transaction, before the balances; none where the price
            # column printed nothing but markers: ``(2)`` / ``9,000`` / ``7,000``)
            for i, c in zip(moves, run[: m - n], strict=m > n):
                table[i].append(c)
            for i, c in enumerate(run[m - n :]):
                table[i].append(c)
            held = True
        elif not held and m == k and kind != "text":
            for i, c in zip(moves, run, strict=True):
                table[i].append(c)
        elif held and m == n:
            for i, c in enumerate(run):
                table[i].append(c)
            if kind == "letter":
                owned = [c[1].strip()[:1] for c in run]
        elif held and run is runs[-1] and _natures(run, owned, table, notes):
            pass
        else:
            return None
    if not held or any(len(cells) > width or not _in_form_order(cells, width) for cells in table):
        return None
    if notes is not None:
        if first:
            notes.append(FIRST_ROWS_NOTE.format(k=first, n=n))
        if "I" in owned and not any(len(cells) > 1 and cells[-1][2] == "text" for cells in table):
            notes.append(NO_NATURES_NOTE)
    return _rebuild(table)


FIRST_ROWS_NOTE = (
    "the table is printed column by column with transaction dates for {k} of its {n} rows, "
    "none beside its title: the form prints a table's transactions before its holdings, so "
    "the first {k} are read as the transactions"
)
NO_NATURES_NOTE = (
    "the table is printed column by column and no nature of ownership stands among its "
    "columns: the rows owned indirectly (I) keep none"
)


def _underlying_last(cells: list[_Cell]) -> bool:
    """A Table II row always names its underlying security, so of two text cells the second
    is the underlying title; printed after every number (``... 1,820,000``, ``D``, ``Class A
    Common Stock``), it is out of the form's order, where it would read as the nature of
    ownership: the dump does not keep the form's order, and no order can be trusted."""
    texts = [i for i, c in enumerate(cells) if c[2].startswith("text")]
    numbers = [i for i, c in enumerate(cells) if c[2] == "number"]
    return len(texts) == 2 and bool(numbers) and texts[1] > numbers[-1]


def _natures(
    run: list[_Cell], owned: list[str], table: list[list[_Cell]], notes: list[str] | None
) -> bool:
    """The last column's cells, fewer than the rows, placed as the natures of ownership of the
    rows owned indirectly (``owned``: each row's D or I) when there are as many, with a note;
    False (placed nowhere) otherwise."""
    if run[0][2] != "text" or len(run) != owned.count("I"):
        return False
    for i, c in zip([i for i, o in enumerate(owned) if o == "I"], run, strict=True):
        table[i].append(c)
    if notes is not None:
        notes.append(NATURE_NOTE)
    return True


def _cells_of(
    lines: list[Row],
    is_caption: Callable[[str], bool],
    twins: list[int] | None = None,
    width: int = 0,
    marked: bool = False,
    whole: Callable[[], frozenset[str]] = frozenset,
) -> list[tuple[int, str, str, Token]] | None:
    """The cells of one paragraph: lines of words are one cell wrapped over them (with any
    marker-only line after them) unless a line is the next cell's (:func:`_closed_twin`), each
    line holding a value is a cell of its own (a column's cells one under the other), and
    caption lines among them (``Code`` / ``V``) are left out. None when a line holds several
    values: not a column-by-column dump."""
    out: list[tuple[int, str, str, Token]] = []
    open_text = False  # the last cell is words, which a further line of words continues
    after_caption = False
    for k, x in enumerate(lines):
        kind = _kind(x.text)
        lone_letter = _LONE_LETTER.fullmatch(x.text.strip()) is not None
        if (
            is_caption(x.text)
            and not (open_text and _titles_word(lines[k - 1], x, width, is_caption))
            and (kind is None or kind[0].startswith("text") or after_caption)
            and not lone_letter
        ):
            if open_text and kind is not None and _printed_whole(x.text.strip(), whole()):
                # the caption's line stands in its own caption's paragraph already (``Amount
                # or`` / ``Number of`` / ``Shares``): under a title's words (``Ordinary`` /
                # ``Shares``, ``Common`` / ``Share`` / ``Purchase``), it is theirs
                if not _join_last(out, x.text):
                    return None
                continue
            if open_text and kind is not None and not _BOX_NUMBER.match(x.text):
                # a line of captions' words under a title's words (``Ordinary`` / ``Shares``):
                # the title's last word or a caption, the text does not say; no rebuild
                return None
            after_caption, open_text = True, False
            continue
        after_caption = False
        if kind is None:
            return None
        if open_text and (kind[0].startswith("text") or kind[0] == "marker"):
            text = out[-1][1]
            if kind[0] == "text" and _closed_twin(text, x.text, marked):
                out.append((x.line, x.text, kind[0], kind[1]))
                if twins is not None:
                    twins.append(x.line)
                continue
            if not _join_last(out, x.text):
                return None
            continue
        out.append((x.line, x.text, kind[0], kind[1]))
        open_text = kind[0].startswith("text")
    return out


def _join_last(out: list[_Cell], text: str) -> bool:
    """``text`` joined onto the last cell of ``out`` as its wrapped words; False where the
    lines together hold a row's worth of values (``Common Stock, par 8,554,473,943 D(5)`` /
    ``value $0.01 per share`` / ``Class A Ordinary 8,589,418,387 D(5)``): rows a line each,
    no cell of a dump."""
    line, cell, _, first = out[-1]
    joined = f"{cell} {text}"
    both = _kind(joined)
    if both is None:
        return False
    out[-1] = (line, joined, both[0], first)
    return True


TITLE_OUT_OF_ORDER_NOTE = (
    "the table is printed column by column, its one row's words drawn out of the form's order "
    "(none before its values, some after its ownership form D): of its two titles, the one "
    "named as a derivative (an option, a warrant, a right, a note, a preferred or convertible "
    "security) is read as the row's title and the other, a share class, as its underlying "
    "security's"
)
_DERIVATIVE_WORDS = frozenset(
    {"option", "options", "warrant", "warrants", "right", "rights", "rsu", "rsus", "psu"}
    | {"psus", "note", "notes", "debenture", "debentures", "convertible", "preferred", "swap"}
    | {"call", "put", "sar", "sars", "ltip", "phantom", "award", "awards"}
)
"""Words that name a derivative security, which an underlying share class (``Common Stock``,
``Class A Ordinary Shares``) does not hold. ``Units`` is none: an underlying may be units
(``Common Units``, ``Depositary Units``), and a title name none (``Exchangeable Shares``)."""
_SHARE_NOUNS = frozenset({"stock", "share", "shares", "ordinary"})


def _derivative_named(text: str) -> bool:
    return bool(letter_words(text) & _DERIVATIVE_WORDS)


def _share_class(text: str) -> bool:
    """A share class and nothing else: a share's noun, no derivative's word, no unit's or
    interest's (``Class A Limited Partnership Units`` is no underlying to be sure of)."""
    words = letter_words(text)
    return (
        bool(words & _SHARE_NOUNS)
        and not words & _DERIVATIVE_WORDS
        and not words & {"unit", "units", "interest", "interests", "exchangeable"}
    )


def _title_put_first(cells: list[_Cell], width: int) -> list[_Cell] | None:
    """One Table II row whose cells open on no words and close on words after its ownership
    form ``D`` (markitdown drew a text cell last: ``(1)`` / ``03/10/2025`` / ``A`` / ... /
    ``Common Stock`` / ``1,436,162`` / ... / ``D`` / ``Tranche C Common Share Purchase
    Warrants``), rebuilt in the form's order where the words say which text is which: one
    names a derivative (``Warrants``, ``Option``), the title, and the other is a share class
    and nothing else (``Common Stock``), the underlying security, put where the first text
    stood. Either may be drawn last (``Call Option (obligation to sell)`` stood first and
    ``Class A Common Stock`` last in another such dump), so where the words do not say so
    (``Exchangeable Shares`` over ``Class A Limited Partnership Units``, ``LTIP Units`` over
    ``Common Units``): None. A row owned indirectly (``I``) may close on its nature of
    ownership: None."""
    if width <= _TABLE_ONE_WIDEST or len(cells) < 4 or cells[0][2].startswith("text"):
        return None
    texts = [i for i, c in enumerate(cells) if c[2].startswith("text")]
    form = cells[-2]
    if (
        len(texts) != 2
        or texts[1] != len(cells) - 1
        or cells[-1][2] != "text"
        or form[2] != "letter"
        or _bare(form[1].strip()) != "D"
        or sum(c[2] == "date" for c in cells) > 3
    ):
        return None
    first, last = cells[texts[0]], cells[-1]
    if _derivative_named(first[1]) and _share_class(last[1]):
        title, underlying = first, last
    elif _derivative_named(last[1]) and _share_class(first[1]):
        title, underlying = last, first
    else:
        return None
    rest = [underlying if k == texts[0] else c for k, c in enumerate(cells[:-1])]
    return [title, *rest]


def _is_marker_alone(text: str) -> bool:
    kind = _kind(text)
    return kind is not None and kind[0] == "marker"


def _printed_whole(line: str, whole: frozenset[str]) -> bool:
    """``line`` is one of the captions' lines printed whole, or its noun in the singular
    (``Share`` of ``Shares``: no caption of the form is written so, a title's word is)."""
    return line in whole or f"{line}s" in whole


def _whole_captions(rows: list[Row], is_caption: Callable[[str], bool]) -> frozenset[str]:
    """The lines that stand once in the region among paragraphs of captions alone, each the
    line of a caption printed whole (``Amount or`` / ``Number of`` / ``Shares``): the same
    words again under a title's words in a paragraph of values are the title's own."""
    seen: dict[str, int] = {}
    para: list[str] = []
    for r in [*rows, Row(0, (), (), BLANK, "")]:
        if r.shape != BLANK:
            para.append(r.text.strip())
            continue
        if para and all(is_caption(t) for t in para):
            for t in para:
                seen[t] = seen.get(t, 0) + 1
        para = []
    return frozenset(t for t, k in seen.items() if k == 1)


_TABLE_ONE_WIDEST = max(len(T1_FORM3), len(T1_FORM4), len(T1_FORM5))
"""Columns of the widest Table I (Form 4's 11): a wider table is Table II."""


_TABLE_ONE_WORDS = frozenset(
    {"title", "of", "security", "instr", "transaction", "date", "month", "day", "year"}
    | {"deemed", "execution", "if", "any", "code", "v", "securities", "acquired", "a", "or"}
    | {"disposed", "d", "and", "amount", "price", "beneficially", "owned", "following"}
    | {"reported", "s", "ownership", "form", "direct", "indirect", "i", "nature", "beneficial"}
)
"""Every word Table I's captions are written with (Forms 3, 4 and 5, their numbers aside)."""


def _titles_word(
    above: Row | None, line: Row, width: int, is_caption: Callable[[str], bool]
) -> bool:
    """A caption's words under a cell's words in one paragraph of Table I (``Ordinary`` /
    ``Shares``), holding a word none of Table I's captions holds (``Shares``, of Table II's
    ``Amount or Number of Shares``): no caption of this table, so the cell's last words (the
    title had been read ``Ordinary``, its ``Shares`` passed over as a caption). In Table II
    such a line may be either: :func:`_cells_of` builds nothing."""
    if width > _TABLE_ONE_WIDEST or above is None or is_caption(above.text):
        return False
    if not _is_text(above.text):
        return False
    words = re.findall(r"[^\W\d_]+", line.text.casefold())
    return any(w not in _TABLE_ONE_WORDS for w in words)


def _closed_twin(cell: str, line: str, marked: bool = False) -> bool:
    """Whether ``line``, under a cell of words, is the next cell of the same column rather
    than the cell's wrapped words. The form prints a value's footnote markers after it, so a
    cell that closes on one is whole: a line under it that closes on none opens the next
    cell, its words wrapping on (``See Footnote(1)`` over ``SMB Pacific 2021`` /
    ``Charitable Remainder`` / ``Unitrust II(1)``). Where both close on a marker, the line may
    be the cell's own words after a marker the filer typed inside it (``By Trust(1)`` /
    ``for children(2)``), so only the same opening word says it is the next cell (``By
    Trust(5)`` over ``By Spouse(6)``: natures of ownership printed as one paragraph); a
    title's or a nature's wrapped words do not open on the word the cell opened on."""
    if _ends_in_marker(cell) and not _ends_in_marker(line):
        return bool(line.strip())
    if not (_ends_in_marker(cell) and _ends_in_marker(line)):
        return False
    if marked and line.lstrip()[:1].isupper():
        return True
    head, _, _ = cell.partition(" ")
    word, _, _ = line.lstrip().partition(" ")
    return bool(word) and word.casefold() == head.strip().casefold()


def _ends_in_marker(text: str) -> bool:
    """Words closing on a footnote marker, a title's par value among them (``Common Stock,
    par value $0.001(1)``: the amount is the title's last word, not a value beside it)."""
    tokens = cell_templates(text)
    return (
        bool(tokens)
        and (tokens[-1][0] == TEXT or len(tokens) - 1 in _par_values(tokens))
        and bool(tokens[-1][4])
        and text.rstrip().endswith((")", "]"))
    )


def _is_text(text: str) -> bool:
    kind = _kind(text)
    return kind is None or kind[0].startswith("text")


def _kind(text: str) -> tuple[str, Token] | None:
    """What one paragraph holds: text (a title, a nature of ownership), or exactly one value.
    None when it holds several values: not one cell, so not a column-by-column dump."""
    tokens = cell_templates(text)  # what tokenize((text,), (0,)) would make tokens of
    if not tokens:
        return None
    first = tokens[0][0]
    par = _par_values(tokens)
    if first == TEXT or 0 in par:  # a title (``$0.01 par value``: its wrapped rest), or a
        # title and the values printed beside it
        beside = [
            t[0] for i, t in enumerate(tokens) if t[0] not in (TEXT, MARKER, NA) and i not in par
        ]
        if len(beside) >= 3:  # a row's worth (a date, a code, an amount): a row, not a cell
            return None
        values = ",".join([t[0] for i, t in enumerate(tokens) if t[0] != TEXT and i not in par])
        return ("text," + values if values else "text"), token_of(tokens[0])
    if len(tokens) != 1:
        return None
    kinds = {DATE: "date", NUM: "number", LETTER: "letter", MARKER: "marker", NA: "marker"}
    kind = kinds.get(first, "immed" if first == IMMED else None)
    return (kind, token_of(tokens[0])) if kind else None


def _par_values(tokens: Sequence[tuple[Any, ...]]) -> set[int]:
    """The numbers among a cell's words that are a title's par value (``Common Stock, $0.01
    par value``, ``par value $0.001``): words of the title, no value beside it."""
    out = set()
    for i, t in enumerate(tokens):
        if t[0] != NUM or not t[3]:
            continue
        after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        before = tokens[i - 1][1] if i else ""
        if after.lower().startswith("par") or before.lower().endswith("value"):
            out.add(i)
    return out


_LAYOUTS = {len(f): f for f in (T1_FORM4, T1_FORM5, T2_FORM4, T2_FORM5, T1_FORM3, T2_FORM3)}
_TEXTS = frozenset({"security_title", "underlying_title", "nature_of_ownership"})
_DATES = frozenset(
    {"transaction_date", "deemed_execution_date", "date_exercisable", "expiration_date"}
)
_PRICES = frozenset({"price", "exercise_price"})


def _fits(field: str, kind: str, first: Token, text: str) -> bool:
    """Whether a dump's cell of ``kind`` can stand in the form's column ``field``: words in a
    text column, a date (or ``Immediately``) in a date column, a code letter under the code,
    A or D under (A)/(D), D or I under the ownership form, a price with or without its ``$``
    under a price, an amount without a ``$`` under an amount; a cell holding only a footnote
    marker in any column of values."""
    if kind == "text,date":  # words with a date beside them: a title and its date
        return field == "security_title"
    if field in _TEXTS:
        return kind.startswith("text")
    if kind == "marker":
        return True
    if field in _DATES:
        return kind in ("date", "immed")
    letter = text.strip()[:1]
    if field == "code":
        return kind == "letter" and letter in CODES
    if field == "voluntary":
        return kind == "letter" and letter == "V"
    if field == "acquired_disposed":
        return kind == "letter" and letter in ("A", "D")
    if field == "ownership":
        return kind == "letter" and letter in ("D", "I")
    if field in _PRICES:
        return kind == "number"
    return kind == "number" and not first.dollar  # an amount of shares


def _in_form_order(cells: list[_Cell], width: int) -> bool:
    """Whether a rebuilt row's cells, in the order printed, can each stand in a column of the
    form after the previous cell's (a title with its date beside it takes both columns): a
    dump that printed a row's ``D`` before its amount, or its price before the amount, put
    its cells out of the form's order, and a reading of them in that order would put values
    in the wrong columns. Rows of a table of unknown width pass."""
    fields = _LAYOUTS.get(width)
    if fields is None:
        return True
    at = 0
    for _, text, kind, first in cells:
        if kind == "letter" and text.lstrip()[:1] == "(":
            continue  # '(D)': a caption in brackets among the values, read as no value
        while at < len(fields) and not _fits(fields[at], kind, first, text):
            at += 1
        if at == len(fields):
            return False
        dated = kind == "text,date" and "transaction_date" in fields
        at = fields.index("transaction_date") + 1 if dated else at + 1
    return True


def _rebuild(table: list[list[tuple[int, str, str, Token]]]) -> list[Row]:
    out: list[Row] = []
    for cells in table:
        texts = tuple(c[1] for c in cells)
        line = cells[0][0]
        out.append(Row(line, texts, tuple(range(len(texts))), TAB, " ".join(texts)))
        out.append(Row(line, (), (), BLANK, ""))
    return out
