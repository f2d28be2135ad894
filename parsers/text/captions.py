"""The column captions of a table: telling them from data, and where they place a row's cells.

A caption block wraps over many lines and carries numbers (``Instr. 3``), so it must be known
for what it is before any line is read as a row; where a rendering keeps the captions' places
(layout text, a scan), they say which column a lone value stands under.
"""

from __future__ import annotations

import re
from itertools import pairwise

from parsers.text.cells import PIPE, SEP, SPACE, TAB, TABLED, Row
from parsers.text.tokens import DATE, LETTER, TEXT, Token

_HEADER_WORDS = (
    "instr.",
    "(instr",
    "month/day",
    "title of",
    "transaction code",
    "ownership form",
    "date exer",
    "expiration date",
    "(a) or (d)",
    "(a) (d)",
    "beneficially owned",
    "number of shares",
    "amount or number",
    "nature of indirect",
    "nature of beneficial",
    "conversion or exercise",
    "deemed execution",
    "code v",
    "amount (a) or",
)


_HEADER_STARTS = ("code", "sec 1474", "page ")


_HEADER_PIECES = ("instr", "(a) ", " o", "date", "code")
"""Pieces of text caption keywords share: each test of a keyword scans the whole line, and most
table lines hold none of these, so a keyword is looked for only where its piece is found."""


def _header_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``_HEADER_WORDS`` under the first of ``_HEADER_PIECES`` each holds (or alone)."""
    groups: dict[str, list[str]] = {}
    for word in _HEADER_WORDS:
        piece = next((p for p in _HEADER_PIECES if p in word), word)
        groups.setdefault(piece, []).append(word)
    return tuple((piece, tuple(words)) for piece, words in groups.items())


_HEADER_GROUPS = _header_groups()


def is_header_row(text: str) -> bool:
    """Column captions and page furniture, never data: they carry numbers like ``Instr. 3``."""
    low = text.lower()
    if low.startswith(_HEADER_STARTS):
        return True
    for piece, words in _HEADER_GROUPS:  # a loop, not any(): runs on every table line
        if piece in low:
            for word in words:
                if word in low:
                    return True
    if "expiration" in low and "code" in low:
        # a scan's torn line of Table II's sub-captions (``Satrelyy   Code   iV, |((A) 2 |
        # (D)   Date   Expiration | Title   Amount or``): caption words the keywords above
        # miss, spaced apart, and no date, amount or price of a row
        found = set(_WORDS.findall(low))
        return len(found & _CAPTION_LINE_WORDS) >= 4 and not _ROW_VALUE.search(low)
    return False


_WORDS = re.compile(r"[a-z]+")


_CAPTION_LINE_WORDS = frozenset(
    ("code", "date", "expiration", "title", "amount", "exercisable", "number", "shares")
)


_INSTR_REST = re.compile(r"(?<![\w(])[345],? and [45]\)")
"""What a torn ``(Instr. 3 and 4)`` or ``(Instr. 3, 4 and 5)`` caption leaves on a line."""
_TWO_LETTERS = re.compile(r"[a-z]{2}")
_ROW_VALUE = re.compile(r"\d/\d|\d,\d{3}|\$\s*\d")
"""A date, a grouped amount or a price: what a row's line holds and a caption line does not."""


def torn_instruction(text: str) -> bool:
    """``C   3 and 4)   4)`` among a table's captions: the rest of ``(Instr. 3 and 4)`` a scan
    tore from its first words (with ``Code``'s first letter), and no date, amount, price or
    word of a row. Asked before the table's first row only: below a row, ``3 and 4)`` may be
    a nature's wrapped rest (``By Trust (see footnotes`` / ``3 and 4)``)."""
    low = text.lower()
    return (
        " and " in low
        and _INSTR_REST.search(low) is not None
        and not _ROW_VALUE.search(low)
        and not _TWO_LETTERS.search(_INSTR_REST.sub(" ", low))
    )


def date_anchors(rows: list[Row]) -> dict[str, int] | None:
    """Character columns of the date captions in space-aligned Table II text: a holding row's
    lone date is read under "Date Exercisable" or "Expiration Date", not as a transaction's,
    when that is where it sits. The lowest caption line wins (sub-captions come last)."""
    found: dict[str, int] = {}
    for row in rows:
        if row.shape != SPACE:
            continue
        low = row.text.lower()  # a caption below is in the line's text (its cells joined)
        if "exercisable" not in low and "expiration" not in low and "action date" not in low:
            continue
        for cell, x in zip(row.cells, row.xs, strict=True):
            low = cell.lower()
            if low.startswith(("exercisable", "date exercisable")) and not low.endswith("and"):
                found["date_exercisable"] = x
            elif low.startswith("expiration"):
                found["expiration_date"] = x
            elif low.startswith(("action date", "transaction date")):
                found["transaction_date"] = x
    return found if len(found) >= 2 else None


def caption_texts(rows: list[Row]) -> CaptionTexts | None:
    """A markdown table's caption rows above its first row of values, cell by cell (each
    index's texts joined, lower case), and how many cells they have: None where they differ
    in width (their cells then do not line up) or there are none."""
    texts: dict[int, str] = {}
    count: int | None = None
    for row in rows:
        if row.shape != PIPE:
            continue
        if _ROW_VALUE.search(row.text):
            break  # the table's first row of values: the captions are above it
        if not _CAPTION_CELL_WORDS.search(row.text) and not is_header_row(row.text):
            continue
        if count is None:
            count = len(row.cells)
        elif count != len(row.cells):
            return None
        for i, cell in enumerate(row.cells):
            texts[i] = f"{texts.get(i, '')} {cell.lower()}"
    return None if count is None else (count, texts)


_CAPTION_CELL_WORDS = re.compile(r"\b(?:Exercisable|Expiration|Title|Date)\b")


CaptionTexts = tuple[int, dict[int, str]]


def window_cells(found: CaptionTexts | None) -> NamedCells | None:
    """Which cell of a markdown Table II stands under "Date Exercisable" and which under
    "Expiration Date", as its caption rows show (``| (D) Date | Expiration Title |`` over
    ``| Exercisable | Date |``), and how many cells those rows have. markitdown writes each
    row of values as a table of its own, so a cell's caption is found across tables: only for
    a row exactly as wide as the captions, and only where each caption stands in one cell
    apart from the other (a cell holding both says nothing)."""
    if found is None:
        return None
    count, texts = found
    exercisable = [i for i, t in texts.items() if "exercisable" in t]
    expiration = [i for i, t in texts.items() if "expiration" in t]
    if len(exercisable) != 1 or len(expiration) != 1 or exercisable == expiration:
        return None
    return count, {exercisable[0]: "date_exercisable", expiration[0]: "expiration_date"}


def title_cells(found: CaptionTexts | None) -> NamedCells | None:
    """Which cells of a markdown Table II's rows hold its two titles: the first cell the
    derivative's, and the one cell the captions name ``Title`` past it (``| Expiration Title
    |``) the underlying's; by the captions' width. Words in those cells of a wrapped pipe row
    under a plain run of values (``Market $10.48 (6) (7) American ...`` over ``| Stock Units
    | ... | Depositary |``) go to those titles, where their order alone does not say which of
    the row's three text cells (title, underlying, nature) they continue."""
    if found is None:
        return None
    count, texts = found
    titled = [i for i, t in texts.items() if i and _TITLE_WORD.search(t)]
    if len(titled) != 1 or titled[0] == count - 1:
        return None
    return count, {0: "security_title", titled[0]: "underlying_title"}


_TITLE_WORD = re.compile(r"\btitle\b")


NamedCells = tuple[int, dict[int, str]]
"""How many cells the caption rows have, and the field each named cell stands under (the
window dates', :func:`window_cells`, or the titles', :func:`title_cells`)."""


def holding_dates(tokens: list[Token], fields: tuple[str, ...]) -> dict[int, int] | None:
    """A Table II row with one letter (its ownership form) has no transaction code, so it
    reports a holding: its dates are the exercise window, not a transaction's."""
    if sum(1 for t in tokens if t.kind == LETTER) > 1:
        return None
    dates = [i for i, t in enumerate(tokens) if t.kind == DATE]
    if not dates:
        return None
    hints = {dates[0]: fields.index("date_exercisable")}
    if len(dates) > 1:
        hints[dates[1]] = fields.index("expiration_date")
    return hints


def date_hints(
    tokens: list[Token], fields: tuple[str, ...], date_x: dict[str, int]
) -> dict[int, int]:
    """Each date token's nearest date caption, within a few characters."""
    hints: dict[int, int] = {}
    for i, t in enumerate(tokens):
        if t.kind != DATE:
            continue
        f, x = min(date_x.items(), key=lambda fx: abs(fx[1] - t.x))
        if abs(x - t.x) <= 4 and f in fields:
            hints[i] = fields.index(f)
    return hints


_AD_CAPTION = re.compile(r"(?:^|(?<=\s\s))\((A|D)\)(?=\s\s|$)")


def caption_cells(rows: list[Row]) -> CaptionCells | None:
    """How many cells the table's rows have, as its row of sub-captions (``Code``, ``V``,
    ``(A)``...) shows, and the field each of those captions names, by cell: a markdown or
    tab-separated table gives every row as many cells (an HTML caption row does not: the
    captions above it span two rows), within one table (block) of the rendering."""
    for row in rows:
        if (
            row.shape in EVEN_ROWS and "Code" in row.text  # the row's text holds its cells
        ):
            for cell in row.cells:  # a cell of "Code" alone (most rows with the word have none)
                if "Code" in cell and cell.strip(" *_") == "Code":
                    break
            else:
                continue
            bare = [cell.strip(" *_") for cell in row.cells]
            named: dict[int, str] = {}
            for i, cell in enumerate(bare):
                f = _SUB_CAPTIONS.get(cell.lower())
                if f is not None:
                    named[i] = f
            return row.block, len(row.cells), named
    return None


CaptionCells = tuple[int, int, dict[int, str]]


def header_cells(rows: list[Row]) -> CaptionCells | None:
    """Where no row of sub-captions has ``Code`` in a cell of its own, how many cells a
    markdown table's rows have, as its header row (the row right above its rule) shows: a
    converter writes every row of a markdown table as wide as its header, so a row narrower
    or wider lost or gained a cell (a row one cell short is then no Form 5 row without the V
    column: its header would be as short). No caption is named by cell."""
    for prev, row in pairwise(rows):
        if row.shape == SEP and prev.shape == PIPE and prev.block == row.block:
            return prev.block, len(prev.cells), {}
    return None


_COUNTED = frozenset({"shares", "shares_a", "shares_d", "underlying_shares", "price"})


def against_captions(tokens: list[Token], named: dict[int, str]) -> bool:
    """A row with as many cells as its captions whose cells still do not stand under them: a
    word or a date in a cell the sub-captions name for an amount or a price (``Common Stock``
    under ``Amount or Number of Shares``). It lost one cell and gained another (a converter
    merged ``28,586 D`` and repeated a date), so its cell count says nothing: it is read as a
    row whose cells do not match the captions'."""
    return bool(named) and any(
        t.kind in (TEXT, DATE) and named.get(t.cell) in _COUNTED for t in tokens
    )


EVEN_ROWS = frozenset({PIPE, TAB})


_SUB_CAPTIONS = {
    "code": "code",
    "(a)": "shares_a",
    "(d)": "shares_d",
    "date exercisable": "date_exercisable",
    "expiration date": "expiration_date",
    "amount or number of shares": "underlying_shares",
    "amount": "shares",
    "(a) or (d)": "acquired_disposed",
    "price": "price",
}


def off_caption(
    fields: tuple[str, ...], cols: list[list[Token]], named: dict[int, str]
) -> list[str]:
    """In a row whose cells do not match its captions', the dates read from a cell under the
    other date's sub-caption (a lost ``(4)`` cell leaves a date under ``Date Exercisable``
    that the form's positions call the expiration date): the two dates of the exercise
    window are alike, only the cell tells them apart, so they are doubts."""
    window = ("date_exercisable", "expiration_date")
    for ci, toks in enumerate(cols):
        f = fields[ci]
        if f in _DATE_FIELDS and toks and toks[0].kind == DATE:
            other = named.get(toks[0].cell)
            if other in window and other != f:
                # (a transaction's date read from a cell under ``Date Exercisable``, where a
                # repeated marker pushed the window's cells over, is no transaction's)
                return list(window) if f in window else [f, other]
    return []


_DATE_FIELDS = frozenset(
    {"transaction_date", "deemed_execution_date", "date_exercisable", "expiration_date"}
)


_SCAN_A = re.compile(r"(?<![\w(])[(\[{|Ijl1]A\b\)?|\(A\b|(?<![\w(])A\)")


_SCAN_D = re.compile(r"\(D\)")


_SCAN_TITLE = re.compile(r"(?<![\w])Title\b")
"""Table II's ``Title`` sub-caption (of column 7) on the line of the (A) and (D) ones."""


AdPlaces = tuple[int, int, int, int]
"""Where the (A) and (D) captions sit (:func:`ad_positions`, :func:`scan_ad_offsets`), the
third item saying how they are measured, and in a scan the ``Title`` sub-caption's offset from
``Code`` (-1 where unknown or not a scan)."""


def scan_ad_offsets(rows: list[Row]) -> AdPlaces | None:
    """In a scan, the (A) and (D) sub-captions' places as offsets from the ``Code`` caption on
    their line (``Code      V (A)      (D)      Date``; the scan may tear a bracket or read it
    as a letter or a rule: ``(A``, ``A)``, ``IA``, ``jA``, ``{(A)``), third item ``BY_CODE``:
    the line starts at the margin wherever it stood. ``Code`` is the sub-caption alone in its
    cell (or before ``V``), not the numbered caption's ``Code (Instr. 8)``; speckles the scan
    read before it on its line (``SSeHainy   Code  V |(A)``) leave the distances as they are."""
    for row in rows:
        if row.shape != SPACE or "Code" not in row.text:
            continue
        at = next((k for k, c in enumerate(row.cells) if _SUB_CODE.match(c)), None)
        if at is None:
            continue
        line = ""
        for cell, x in zip(row.cells, row.xs, strict=True):
            line += " " * max(x - len(line), 1 if line else 0) + cell
        code = row.xs[at]
        ma = _SCAN_A.search(line, code)
        md = _SCAN_D.search(line, ma.end()) if ma else None
        if ma is None or md is None:
            continue
        xa = ma.start() - (line[ma.start()] == "A")  # ``A)``: its bracket was lost
        if md.start() > xa + 2:
            mt = _SCAN_TITLE.search(line, md.end())
            title = mt.start() - code if mt else -1
            return xa - code, md.start() - code, BY_CODE, title
    return None


_SUB_CODE = re.compile(r"Code(?:$|\s+[VvW]\b)")


def ad_positions(rows: list[Row]) -> AdPlaces | None:
    """Where the ``(A)`` and ``(D)`` captions sit, to place a lone number: the character
    column in space-aligned text (third item -1), or the cell index in a caption row of cells,
    with the index of its ``Code`` caption: a data row whose code sits in that cell has no
    split or dropped cell before its amount, so the amount's cell says which side it is on."""
    for row in rows:
        if "(A)" not in row.text or "(D)" not in row.text:
            continue  # both captions are in the row's text (its cells joined) where found
        if row.shape in TABLED:
            ia = id_ = ic = None
            for i, cell in enumerate(row.cells):
                if "(A)" not in cell and "(D)" not in cell and "Code" not in cell:
                    continue  # (no caption below)
                bare = cell.strip(" *_")
                if bare == "(A)" and ia is None:
                    ia = i
                elif bare == "(D)" and id_ is None:
                    id_ = i
                elif ic is None and (
                    bare == "Code" or bare.replace("<br>", " ").split() == ["Code", "V"]
                ):
                    ic = i  # (``Code<br>V``: the converter put the V caption in Code's cell)
            if ia is not None and id_ is not None and ic is not None and ic < ia < id_:
                return ia, id_, ic, -1
            continue
        if row.shape != SPACE:
            continue
        xa = xd = None
        for cell, x in zip(row.cells, row.xs, strict=True):
            if "(A)" not in cell and "(D)" not in cell:
                continue  # no caption can match: spares the pattern's scan
            # the captions of their own (``Code  V  (A)  (D)``), not "Acquired (A) or" of the
            # column's title nor "(D) or Indirect" of the ownership column on the same line
            for m in _AD_CAPTION.finditer(cell):
                if m.group(1) == "A" and xa is None:
                    xa = x + m.start()
                elif m.group(1) == "D" and xd is None:
                    xd = x + m.start()
        if xa is not None and xd is not None and xd > xa + 2:
            return xa, xd, -1, -1
    return None


BY_CODE = -2
"""``ad_positions``' third item for a scan: the (A) and (D) captions' places are offsets from
the ``Code`` caption's, to be added to the row's code letter's place."""
