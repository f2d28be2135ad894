"""Cut a text rendering into rows of cells, whatever table shape the converter produced.

Converters disagree on how a table looks: markdown pipes, tabs, HTML ``<table>`` left inside
markdown, or plain text where only runs of two or more spaces separate the columns. Everything
downstream works on one shape -- a source line and its cells -- so the shape is decided here once.
Markup is stripped here too, and every footnote-marker spelling becomes one sentinel so that later
code never has to know whether a converter wrote ``⁽²⁾``, ``<sup>(2)</sup>``, ``(2)`` or ``F2``.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum

MARK = "\ue000"
"""Footnote markers become ``MARK + digits + MARK``: a character no filing text contains."""
MARKS = re.compile(MARK + r"(\d{1,3})" + MARK)
"""A footnote marker as :func:`clean` marks it, its number the group."""

CHECKED = "☒"
UNCHECKED = "☐"

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER = str.maketrans(_SUPERSCRIPTS, "0123456789")

# One pass over a cell removes markup; alternatives are anchored on literal characters so the
# scan stays linear on hostile input. A bare superscript digit is a marker after a word, never
# glued to a digit (``04/1³/2022``, ``$253.6³``: a damaged digit of the value, not a footnote),
# before one either (``²94,910``: a marker follows what it notes; read as one, the value lost
# its first digit silently).
# Each alternative opens on a literal character (a run of superscript digits is ten
# alternatives, one a first digit, the digit before it looked behind for after it: the same
# matches as ``(?<![0-9])[⁰-⁹]{1,3}``; the <input> and <br> groups open after the "<"): ``re``
# then skips ahead to the characters a match can start with, where one alternative opening on
# a group, a class or a lookbehind made it try every position of the text (4x slower a scan).
# Group 1: a <sup> marker's digits; 2: ⁽²⁾'s; 3: an <input> tag's inside; 4 (empty): a <br>;
# 5: a markdown escape's character; no group: superscript digits, or markup dropped.
_MARKUP = re.compile(
    r"<sup\b[^>]{0,100}>\s*[(\[]?\s*F?([\dl][\dlO]{0,2})\s*[)\]]?\s*</sup\s*>"
    r"|⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})⁾"
    r"|"
    + "|".join(f"{d}(?<![0-9]{d})[⁰¹²³⁴⁵⁶⁷⁸⁹]{{0,2}}(?![0-9⁰¹²³⁴⁵⁶⁷⁸⁹])" for d in _SUPERSCRIPTS)
    + r"|<(input\b[^>]{0,300})>"
    r"|<br\s*/?>()"
    r"|</?[A-Za-z][A-Za-z0-9]{0,10}\b[^<>]{0,300}>"
    r"|\\([\\`*_{}\[\]()#+\-.!$|<>~&])"
    r"|\*\*|__",
    re.IGNORECASE,
)
# Plain-text marker spellings, only meaningful inside table cells: ``(2)``, ``[2]``, ``(F2)``,
# ``[F2]`` and a bare ``F2`` word. The bare word's branch opens on its ``F`` and looks behind
# it after (``F(?<![\w$.,/]F)``: the same matches as ``(?<![\w$.,/])F``), so the scan skips to
# each ``F`` (6x faster a scan than a lookbehind first).
_PLAIN_MARK = re.compile(
    r"\(\s*F?([\dl][\dlO]?)\s*\)|\[\s*F?([\dl][\dlO]?)\s*\]"
    r"|F(?<![\w$.,/]F)(\d{1,2})(?![\w.,/])"
)
# OCR reads the digit 1 of a marker as a lower-case L, and 0 as O: ``S(l)`` is code S with
# footnote 1, ``Trust(1O)`` footnote 10. No filing writes ``(l)`` or ``(1O)`` for anything else
# (``(I)`` for indirect is a capital and is left alone; a marker starts with a digit or l).
_MARK_DIGITS = str.maketrans("lO", "10")
# Most cells ("Common Stock", "06/21/2022", "1,000") need none of the work below.
_PLAIN_TEXT = re.compile(r"(?:[A-EG-Za-z0-9 ,./$%:;'-]|F(?!\d))*")
_NEEDS_MARKUP = re.compile(r"[<\\*_&\[]|[^\x00-\x7f]")
_NEEDS_MARKS = re.compile(r"[(\[]|F\d")
_SPACES = re.compile(r"[ \t\u00a0]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]+")
"""Format characters no reader sees (zero-width spaces and joiners, direction marks, word
joiners, the deprecated U+206A-F shaping controls, a soft hyphen, a byte-order mark): a
converter's or a damaged byte's, nothing the form prints. Kept, one is a word of its own that
glues the values beside it into text (``5,250 \u206e 04/08/2023 Common``: the date went into the
underlying title, the expiration date lost with no word)."""
_CHECK_ALIASES = re.compile(r"\[\s*[xX✓✔]\s*\]|[☑✔✓■]")


def _markup_sub(m: re.Match[str]) -> str:
    """What one match of ``_MARKUP`` becomes. Each of its alternatives holds one group at most,
    so the match's last group is the one that matched: one look instead of a ``group`` call per
    alternative (a long cell has hundreds of matches)."""
    which = m.lastindex
    if which is None:  # superscript digits, or a tag or emphasis (dropped)
        run = m[0]
        if run[0] in _SUPERSCRIPTS:
            return f"{MARK}{run.translate(_SUPER)}{MARK}"
        return ""
    if which <= 2:  # a footnote marker: <sup>(2)</sup> or ⁽²⁾
        return f"{MARK}{m[which].translate(_SUPER).translate(_MARK_DIGITS)}{MARK}"
    if which == 3:
        return f" {CHECKED} " if "checked" in m[3].lower() else f" {UNCHECKED} "
    if which == 4:  # <br>
        return "\n"
    return m[5]  # a markdown escape's character


def clean(text: str, *, markers: bool = False, keep_lines: bool = False) -> str:
    """Markup-free text; ``markers`` also turns plain ``(2)`` into the sentinel (cells only),
    ``keep_lines`` keeps ``<br>`` as a line break (header boxes stack their fields that way)."""
    if len(text) > 2000:
        return _clean(text, markers, keep_lines)
    memo = _CLEANED[markers][keep_lines]
    got = memo.get(text)
    if got is None:
        if len(memo) >= _CLEANED_MAX:
            memo.clear()
        got = memo[text] = _clean(text, markers, keep_lines)
    return got


def _clean(text: str, markers: bool, keep_lines: bool) -> str:
    if _PLAIN_TEXT.fullmatch(text):
        return text if "  " not in text else " ".join(text.split())
    if _NEEDS_MARKUP.search(text):
        if _INVISIBLE.search(text):
            text = _INVISIBLE.sub("", text)
        text = _MARKUP.sub(_markup_sub, text)
        if "&" in text:
            text = html.unescape(text)
        text = _CHECK_ALIASES.sub(CHECKED, text)
    if markers and _NEEDS_MARKS.search(text):
        text = _PLAIN_MARK.sub(
            lambda m: (
                f"{MARK}{(m.group(1) or m.group(2) or m.group(3)).translate(_MARK_DIGITS)}{MARK}"
            ),
            text,
        )
    if keep_lines:
        parts = (_SPACES.sub(" ", p).strip() for p in text.split("\n"))
        return "\n".join(p for p in parts if p)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


_CLEANED: tuple[tuple[dict[str, str], dict[str, str]], ...] = (({}, {}), ({}, {}))
CLEANED_TEXT, CLEANED_LINES = _CLEANED[False]
"""``clean(text)`` and ``clean(text, keep_lines=True)`` of texts cleaned before, for loops over
many cells to look up before calling :func:`clean` (which remembers what it cleans)."""
"""Cleaned texts by ``markers`` and ``keep_lines``: labels and boilerplate repeat across filings,
and cleaning them once is most of the saving. Plain dicts (emptied when full), looked up on the
text alone: cheaper than a least-recently-used cache keyed on all three arguments."""
_CLEANED_MAX = 16384


class Shape(StrEnum):
    """How a converter laid a row out; decided once here, read everywhere downstream."""

    PIPE = "pipe"
    TAB = "tab"
    HTML = "html"
    SPACE = "space"
    """Columns are runs of spaces (layout text): a cell's character column matters."""
    PLAIN = "plain"
    """One run of text on its own."""
    SEP = "sep"
    """A markdown table's ``|---|`` line."""
    BLANK = "blank"


# The members under plain module names, for code that tests shapes row after row: on Python
# 3.11 every ``Shape.X`` goes through the enum metaclass's ``__getattr__`` hook, several times
# the cost of reading a global.
PIPE, TAB, HTML, SPACE, PLAIN, SEP, BLANK = (
    Shape.PIPE,
    Shape.TAB,
    Shape.HTML,
    Shape.SPACE,
    Shape.PLAIN,
    Shape.SEP,
    Shape.BLANK,
)

TABLED = frozenset({PIPE, TAB, HTML})
"""Shapes whose cells the converter delimited itself."""
EMPTY = frozenset({BLANK, SEP})
LOOSE = frozenset({SPACE, PLAIN})


@dataclass(slots=True)
class Row:
    """One source row: its 1-based line, its cells, and where each cell sits.

    ``xs`` is the character column of each cell for space-aligned text (layout matters there)
    and the cell index otherwise. ``text`` is the cells joined by one space -- what a reader sees
    when table borders are ignored. ``block`` numbers runs of rows that belong to one table, so
    that cell 3 of one table is never read as the same column as cell 3 of another.
    """

    line: int
    cells: tuple[str, ...]
    xs: tuple[int, ...]
    shape: Shape
    text: str
    block: int = 0

    def with_cells(self, cells: tuple[str, ...]) -> Row:
        """The same row with other cells in the same places (lines taken off them, a cut value
        mended), its text joined from them again."""
        return Row(
            self.line, cells, self.xs, self.shape, " ".join(c for c in cells if c), self.block
        )


_SPACE_CELL = re.compile(r"\S+(?:[ \u00a0]\S+)*")
"""A cell of layout text: words one space apart (a no-break space is one space too: ``1\u00a0570``
is one cell, as ``64 327`` is); columns are two or more apart."""
_CONTROL_IN_WORD = re.compile(r"(?<=\S)[\x0b\x0c\x1c-\x1f\x85](?=\S)")
"""A control character Python counts as white space, between two characters of a word: no
converter separates cells with one (only spaces and tabs), so it is damage inside the word."""
_TABLE_TAG = re.compile(r"<(/?)table\b[^>]{0,300}>", re.IGNORECASE)
_TR = re.compile(r"<tr\b[^>]{0,300}>", re.IGNORECASE)
_TD = re.compile(r"<t[dh]\b([^<>]{0,300})>", re.IGNORECASE)
_CELL_END = re.compile(r"</t[dh]\s*>|</tr\s*>", re.IGNORECASE)
_ROW_END = re.compile(r"</tr\s*>", re.IGNORECASE)
_ROW_TAGS = re.compile(r"<(tr|/tr|t[dh])\b(?:[^>]{0,300}>|\s*>)", re.IGNORECASE)
_TAGS = re.compile(r"<[^<>]{0,300}>")
_COLSPAN = re.compile(r"colspan\s*=\s*[\"']?(\d{1,2})", re.IGNORECASE)
_PIPE_ESC = "\x1e"


def split_rows(text: str) -> list[Row]:
    """All rows of the document in source order, HTML tables expanded into their ``<tr>`` rows."""
    spans = _table_spans(text) if "<table" in text or "<TABLE" in text else []
    if not spans:
        return _numbered_line_rows(text)
    rows = _with_html(text, spans)
    block = 0
    prev_shape: Shape | None = None
    for row in rows:  # shapes are the enum's members: ``is`` tells them apart
        shape = row.shape
        if shape is BLANK or shape is not prev_shape and shape is not SEP:
            block += 1
        row.block = block
        if shape is not SEP:
            prev_shape = shape
    return rows


def _numbered_line_rows(text: str) -> list[Row]:
    """:func:`split_rows` of a text without HTML tables: each line's row made and its block
    numbered in one pass (the same numbering as :func:`split_rows`'s loop)."""
    memo = _SPLIT
    split = _split_line
    new = _new_row
    rows: list[Row] = []
    append = rows.append
    block = 0
    prev_shape: Shape | None = None
    for line, raw in enumerate(text.split("\n"), 1):
        cells, xs, shape, joined = memo.get(raw) or split(raw)  # (a split is never empty)
        if shape is not prev_shape:
            if shape is not SEP:  # a new shape opens a block; a separator keeps its table's
                block += 1
                prev_shape = shape
        elif shape is BLANK:  # each blank line is a block of its own
            block += 1
        # the row's slots set one by one: the dataclass's ``__init__`` is a Python call per
        # line, and this loop makes a row of every line of the text (a sixth of its time)
        row = new(Row)
        row.line = line
        row.cells = cells
        row.xs = xs
        row.shape = shape
        row.text = joined
        row.block = block
        append(row)
    return rows


_new_row = Row.__new__


def _with_html(text: str, spans: list[tuple[int, int]]) -> list[Row]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    rows: list[Row] = []
    pos = 0
    for start, end in spans:
        first = bisect_right(starts, pos)
        rows.extend(_line_rows(text[pos:start].split("\n"), first))
        rows.extend(_html_rows(text[start:end], start, starts))
        pos = end
    rows.extend(_line_rows(text[pos:].split("\n"), bisect_right(starts, pos)))
    return rows


def _table_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for m in _TABLE_TAG.finditer(text):
        if m.group(1):
            if depth == 1:
                spans.append((start, m.end()))
            depth = max(depth - 1, 0)
        else:
            if depth == 0:
                start = m.start()
            depth += 1
    if depth:
        spans.append((start, len(text)))
    return spans


def _row_starts(chunk: str) -> list[tuple[int, int]]:
    """Where each row starts and its cells begin: at each ``<tr>``, and at a cell that follows
    a ``</tr>`` with no ``<tr>`` between (a row whose opening tag was damaged: ``<pr>``,
    ``|tr>``). A browser opens a row there too; the cell is never the row above's."""
    if "</tr" not in chunk and "</TR" not in chunk:
        return [(m.start(), m.end()) for m in _TR.finditer(chunk)]
    starts: list[tuple[int, int]] = []
    ended = False
    for m in _ROW_TAGS.finditer(chunk):
        tag = m.group(1).lower()
        if tag == "tr":
            starts.append((m.start(), m.end()))
            ended = False
        elif tag == "/tr":
            ended = True
        elif ended:
            starts.append((m.start(), m.start()))
            ended = False
    return starts


def _html_rows(chunk: str, offset: int, starts: list[int]) -> list[Row]:
    rows: list[Row] = []
    trs = _row_starts(chunk)
    for k, (tr_start, tr_end) in enumerate(trs):
        body = chunk[tr_end : trs[k + 1][0] if k + 1 < len(trs) else len(chunk)]
        closed = _ROW_END.search(body)
        if closed is not None:
            body = body[: closed.start()]  # what follows a row's end is no cell of it
        cells: list[str] = []
        tds = list(_TD.finditer(body))
        for n, td in enumerate(tds):
            stop = tds[n + 1].start() if n + 1 < len(tds) else len(body)
            content = body[td.end() : stop]
            end = _CELL_END.search(content)
            rest = ""
            if end:
                content, rest = content[: end.start()], content[end.end() :]
            cells.append(content.replace("\n", " ").strip())
            span = _COLSPAN.search(td.group(1))
            if span:
                cells.extend([""] * (min(int(span.group(1)), 40) - 1))
            if rest and _TAGS.sub("", rest).strip():
                # text after a cell's end and before the next cell: a cell whose opening tag
                # was damaged (``<tf>$25.56</td>``), not text to drop
                cells.append(rest.replace("\n", " ").strip())
        line = bisect_right(starts, offset + tr_start)
        text = " ".join(c for c in cells if c)
        rows.append(
            Row(
                line,
                tuple(cells),
                tuple(range(len(cells))),
                HTML if text else BLANK,
                text,
            )
        )
    return rows


def _line_rows(lines: list[str], first: int) -> list[Row]:
    split = _split_line
    return [Row(line, *split(raw)) for line, raw in enumerate(lines, first)]


def _without_placeholders(cells: tuple[str, ...]) -> tuple[str, ...]:
    """A markdown table's header row must name every column, so a converter that takes a data
    row for the header names its empty cells by position: ``Col3`` in the third cell, ``Col11``
    in the eleventh. Such a cell is empty; the same word elsewhere is text."""
    return tuple("" if c == f"Col{i}" else c for i, c in enumerate(cells, 1))


_MARKER_OPENED = re.compile(
    r"<sup\b[^>]{0,100}>\s*((?:\(\d{1,3}\)){0,4}[(\[]\s*F?\d{0,3})\s*</sup\s*>$", re.I
)
_MARKER_CLOSED = re.compile(
    r"^<sup\b[^>]{0,100}>\s*(F?\d{0,3}\s*[)\]](?:\(\d{1,3}\)){0,4})\s*</sup\s*>", re.I
)


def _markers_across_borders(cells: tuple[str, ...]) -> tuple[str, ...]:
    """A raised footnote marker a cell border cut in two (pymupdf4llm's layout mode:
    ``|by Trust<sup>(</sup>|<sup>1)</sup>|``), put back whole in the cell it follows: a
    marker follows what it notes. Its opening bracket alone is no marker, and had been read
    as a character of the value (``by Trust(``), the footnote lost beside it. The next cell
    keeps what else it holds (empty, most often), so the row keeps its columns."""
    out = list(cells)
    for k in range(len(out) - 1):
        opened = _MARKER_OPENED.search(out[k])
        closed = opened and _MARKER_CLOSED.match(out[k + 1])
        if not opened or not closed or not any(c.isdigit() for c in opened[1] + closed[1]):
            continue
        out[k] = f"{out[k][: opened.start()]}<sup>{opened[1]}{closed[1]}</sup>"
        out[k + 1] = out[k + 1][closed.end() :].strip()
    return tuple(out)


_Split = tuple[tuple[str, ...], tuple[int, ...], Shape, str]
_SPLIT: dict[str, _Split] = {}
"""Lines split before: the form's boilerplate lines recur in every filing (emptied when full)."""
_SPLIT_MAX = 16384


def _split_line(line: str) -> _Split:
    """Cells, positions, shape and text of a line, remembered by its text."""
    got = _SPLIT.get(line)
    if got is None:
        if len(_SPLIT) >= _SPLIT_MAX:
            _SPLIT.clear()
        got = _SPLIT[line] = _split_fresh(line)
    return got


def _tab_in_layout(line: str) -> bool:
    """A tab in a line of layout text (a damaged character, a converter's stray one), not a
    tab-separated row: a cell between its tabs holds a run of spaces as wide as layout text
    puts between columns (a tab-separated cell's words are one space apart). Read as
    tab-separated, the cell before the tab took a date and a code into the title."""
    return any("   " in c.strip() for c in line.split("\t"))


# A raised footnote marker a cell border cut in two (``Limited Partnership<sup>(</sup>|<sup>4)
# </sup>``, pymupdf4llm's layout mode): its halves, each raised, on either side of the border,
# whole markers before the first half or after the second (``Trust<sup>(1)(2</sup>|<sup>)</sup>``,
# ``Trust<sup>(</sup>|<sup>1)(2)</sup>``).
_MARKER_HALVES = re.compile(
    r"<sup>((?:\(\d{1,3}\)){0,4}[(\[]\d{0,2})</sup>\|<sup>(\d{0,2}[)\]](?:\(\d{1,3}\)){0,4})</sup>"
)


def _marker_mended(m: re.Match[str]) -> str:
    """The cut marker whole, in the cell it follows (what it notes is there); the cell after
    the border keeps its place, empty of it. Halves that make no marker (``(`` + ``)``) stay."""
    whole = m[1] + m[2]
    if not any(ch.isdigit() for ch in whole):
        return m[0]
    return f"<sup>{whole}</sup>|"


def _split_fresh(line: str) -> _Split:
    stripped = line.strip()
    if not stripped:
        return (), (), BLANK, ""
    if stripped[0] == "|" or (stripped[-1] == "|" and stripped.count("|") >= 2):
        if "-" in stripped and not stripped.strip("|-: "):
            return (), (), SEP, ""
        inner = stripped.replace("\\|", _PIPE_ESC)
        inner = inner[1:] if inner.startswith("|") else inner
        inner = inner[:-1] if inner.endswith("|") else inner
        if "</sup>|<sup>" in inner:
            inner = _MARKER_HALVES.sub(_marker_mended, inner)
        cells = tuple(c.replace(_PIPE_ESC, "|").strip() for c in inner.split("|"))
        if "Col" in stripped:
            cells = _without_placeholders(cells)
        if "</sup>|<sup" in stripped:
            cells = _markers_across_borders(cells)
        return cells, tuple(range(len(cells))), PIPE, " ".join(c for c in cells if c)
    if "\t" in line and not _tab_in_layout(line):
        cells = tuple(c.strip() for c in line.split("\t"))
        return cells, tuple(range(len(cells))), TAB, " ".join(c for c in cells if c)
    if "\t" in line:
        line = line.replace("\t", " ")  # one character where it stood: the columns keep their x
        stripped = line.strip()
    if "  " not in stripped:
        return (stripped,), (len(line) - len(line.lstrip()),), PLAIN, stripped
    if not line.isprintable():
        # ``1\x0c820,000``: a control character inside a word (a byte the damage turned into
        # a form feed) parts no cells: it stands as a character no value holds
        line = _CONTROL_IN_WORD.sub("\ufffd", line)
    found = [(m.start(), m.group()) for m in _SPACE_CELL.finditer(line)]
    cells = tuple(t for _, t in found)
    shape = PLAIN if len(found) == 1 else SPACE
    return cells, tuple(x for x, _ in found), shape, " ".join(cells)
