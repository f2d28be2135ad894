"""Table I and Table II rows, from the lines of a table region to row values with notes.

The form fixes the order of the columns; a rendering does not fix where they land. Each data
row is read as typed tokens (:mod:`parsers.text.tokens`), mended where OCR or a
converter broke it (:mod:`parsers.text.ocr`), and aligned to the form's column order
(:mod:`parsers.text.columns`). Lines with words but no values are wrapped parts of a
neighbouring row; blocks of column captions are skipped however many lines they wrap over.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import dropwhile, pairwise
from typing import Any

from parsers.text import ocr, wraps
from parsers.text.cells import (
    EMPTY,
    LOOSE,
    MARK,
    MARKS,
    PIPE,
    PLAIN,
    SEP,
    SPACE,
    TAB,
    TABLED,
    Row,
    clean,
)
from parsers.text.columns import CODES, TEXT_FIELDS, align, fits_cells, pattern
from parsers.text.tokens import (
    DATE,
    FRAG,
    IMMED,
    LETTER,
    MARKER,
    NA,
    NUM,
    TEXT,
    Token,
    cell_templates,
    parse_date,
    parse_number,
    tokenize,
    tokenize_plain,
)
from parsers.text.word_breaks import Cut, may_be_cut
from parsers.text.wraps import DATE_WORD, Undecided

FOOTNOTE_FIELD = {"shares_a": "shares", "shares_d": "shares"}

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
# What a browser prints at the top and bottom of each page when a filing is printed to PDF: the
# page's address (with "1/3") and the date, time and tab title. It can fall between two rows.
_PAGE_FURNITURE = re.compile(
    r"(?:https?://|www\.)\S+(?:\s+\d{1,3}\s*/\s*\d{1,3})?\s*$"
    r"|\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AaPp]\.?[Mm]\b"
)

# What a code implies for the direction of a transaction, used only to fill an empty (A)/(D)
# and always with a note. Codes that go either way (G, J, K, W, Z) are left alone.
_ACQUIRES_T1 = frozenset("PAMXOCL")
_DISPOSES_T1 = frozenset("SFDU")
_ACQUIRES_T2 = frozenset("APL")
_DISPOSES_T2 = frozenset("MXOCFDSEHU")


@dataclass(slots=True)
class Draft:
    """A table row as read, before it becomes a model row."""

    line: int
    values: dict[str, object] = field(default_factory=dict)
    footnotes: dict[str, list[str]] = field(default_factory=dict)
    notes: list[tuple[str | None, str]] = field(default_factory=list)
    """(field or None, message); the table-and-index prefix is added by the caller."""
    repaired: bool = False
    above: int = 0
    """Wrapped text lines read as this row's, above its values."""
    title_raw: str | None = None
    """The title cell's text on the value line itself, as written (markers included)."""
    where: dict[str, int] = field(default_factory=dict)
    """Position (cell index, or character column in space-aligned text) of each field read,
    so that a wrapped line's words go to the text column they sit under."""
    plain: bool = False
    """The value line is a plain run of words: its tokens carry no column."""
    after_caption: bool = False
    """The line came right after the column captions, before any other row."""
    torn_caption: bool = False
    """A scan's line of torn captions read as values (``C   5   4)``, ``Aor) 2   c25``)."""
    set_aside: dict[str, object] = field(default_factory=dict)
    """An amount or price (and the amount's side) :func:`_check_row` left empty in a line with
    no date or code: the row's own, should the line prove the rest of the row above it."""
    closed: set[str] = field(default_factory=set)
    """Text cells whose text on the value line ends in a footnote marker: markers follow a
    cell's last word, so no wrapped line continues them."""
    blurred: set[str] = field(default_factory=set)
    """Text cells left empty because wrapped words could not be told apart between them."""
    undecided: Undecided | None = None
    """Wrapped plain lines that left ``blurred`` cells empty, kept for
    :func:`parsers.text.wraps.settle` to cut once every row is read."""
    centres: dict[str, float] = field(default_factory=dict)
    """In layout text, the character column each value field's token is centred on."""
    cuts: list[Cut] = field(default_factory=list)
    """Text cells' words from pipe cells side by side that a converter's border may have cut
    (``Stoc|k``): read once the whole text is known (:mod:`parsers.text.word_breaks`)."""
    window: dict[str, float] = field(default_factory=dict)
    """In a scan, the character column (centre) of each exercise-window date the row itself
    places for sure (a marker cell beside it, or both dates); ``"?"``: a lone date it does not
    place, left empty for :func:`_window_by_rows` to place by the other rows' columns."""
    lone_date: Any = None
    """That lone date's value."""
    code_unsure: bool = False
    """Two letters stood for the row's code and the text does not say which: a transaction
    with its code left empty."""

    def leave_empty(self, f: str, message: str) -> None:
        """Empty text or value cell ``f`` with a doubt: the text does not say its value for
        sure. Blurred, so words nearest it below go with it rather than to a neighbour."""
        self.values[f] = None
        self.blurred.add(f)
        self.notes.append((f, message))


_make = Draft.__new__


def _new_draft(line: int, plain: bool) -> Draft:
    """``Draft(line, plain=plain)`` with its slots set one by one: the dataclass's ``__init__``
    calls a factory for each of its ten containers, and a draft is made for every data row (a
    test pins that both make the same draft: a field added to the class is added here)."""
    d: Draft = _make(Draft)
    d.line = line
    d.values = {}
    d.footnotes = {}
    d.notes = []
    d.repaired = False
    d.above = 0
    d.title_raw = None
    d.where = {}
    d.plain = plain
    d.after_caption = False
    d.torn_caption = False
    d.set_aside = {}
    d.closed = set()
    d.blurred = set()
    d.undecided = None
    d.centres = {}
    d.cuts = []
    d.window = {}
    d.lone_date = None
    d.code_unsure = False
    return d


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
_ROW_VALUE = re.compile(r"\d/\d|\d,\d{3}|\$\s*\d")
"""A date, a grouped amount or a price: what a row's line holds and a caption line does not."""


def read_table(
    rows: list[Row],
    fields: tuple[str, ...],
    header_date: dt.date | None,
    alternates: tuple[tuple[str, ...], ...] = (),
    orphans: list[str] | None = None,
) -> list[Draft]:
    """Every data row of one table region, with wrapped lines folded into their row.

    A line with words but no values is part of a neighbouring row whose title (or nature of
    ownership, or underlying title) wrapped. Where values sit on their row's first line, it
    continues the row above unless the row below visibly starts mid-title (lower case or "("),
    or there is no row above to continue. Where a table shows values below their row's first
    line (a converter centred the cells vertically: a title line right after the captions
    gives it away), the lines between two value rows are split between them by
    :func:`_split_wrapped`. In layout text, numbers under the title or nature-of-ownership
    captions are words (``par value $0.001``, ``2017 Irrevocable Trust``), and a browser's
    print header or footer at a page break is skipped. Values with no title and no
    transaction are not a row (:func:`_real_rows`).
    ``alternates`` are sibling layouts (Form 4 and Form 5 differ only by the V column) whose
    cell count a converter's template may have kept; they only lend cell positions.
    """
    drafts: list[Draft] = []
    # Layout text places a wrapped line's words under their column; in plain text (one run of
    # words a line) or a converter's orphan line between pipe rows, only the order is left.
    shapes = {r.shape for r in rows}
    placed_cols = SPACE in shapes
    # a scan read back by OCR starts every line at the margin: a wrapped line's first words
    # then do not say which column they sit under (layout text indents them). A line with no
    # letter says nothing of it: a scan keeps the indent of a caption's lone ``4)`` (``(Instr.
    # 3 and 4)`` wrapped) and of nothing else
    flush = placed_cols and not any(
        r.shape == SPACE and r.xs[0] >= 4 and any(c.isalpha() for c in r.text) for r in rows
    )
    tabled = not shapes.isdisjoint(TABLED)
    ad_x = None
    if "shares_a" in fields:
        ad_x = _scan_ad_offsets(rows) if flush else _ad_positions(rows)
    captions = _caption_cells(rows) or _header_cells(rows)
    date_x = _date_anchors(rows) if "date_exercisable" in fields else None
    nature_x = _nature_column(rows)
    title_end = _title_column_end(rows)
    prev: Draft | None = None  # data row right above, with nothing but text lines between
    pending: list[tuple[Row, list[Token]]] = []  # text-only lines waiting for their row
    in_caption = False  # inside a block of column captions (a wrapped header spans many lines)
    middle = False  # values sit below the first line of their row (vertically centred cells)
    width: int | None = -1  # the title column's wrap width in layout text; -1: not measured
    shape: tuple[int, int] | None = None  # lines above and below the last row split so far
    form_xs: set[int] = set()  # where layout rows with values put their ownership form
    taken = -1  # lines up to this one were read into a row above, out of turn
    for k, row in enumerate(rows):
        if k <= taken:
            continue
        if (
            row.shape == SEP
            and prev is not None
            and (_plain_next(rows, k) or _values_next(rows, k) or _title_next(rows, k, prev))
        ):
            continue  # markdown's rule under a one-row table: the row's wrapped rest follows
        if row.shape in EMPTY and flush and prev is not None and not in_caption:
            continue  # a scan's blank line inside a row's wrapped cells ends nothing
        if row.shape == SEP and in_caption and prev is None and not pending:
            continue  # markdown's rule under a row of captions: more captions may follow it
        if row.shape in EMPTY:
            if pending and prev is not None:
                _attach(prev, pending, fields, before=False, columns=placed_cols, flush=flush)
                pending = []
            prev = None
            in_caption = False
            continue
        text = row.text
        if text[:1] in "hw0123456789" and _PAGE_FURNITURE.match(text):
            continue  # invisible: the rows on either side of a page break still pair up
        if (
            not text
            or is_header_row(text)
            # ``8. P     P`` above the captions: a numbered caption the scan tore (``8. Price
            # of``); before a table's first row, a box's number opens no row
            or (not drafts and text[:1].isdigit() and _TORN_CAPTION.match(text) is not None)
        ):
            prev = None
            pending = []
            in_caption = True
            continue
        if in_caption and not drafts and row.shape in TABLED and "<br>" in text:
            row = _captions_off(row)
        if row.shape == PLAIN:
            tokens = tokenize_plain(row.cells[0], row.xs[0])
        else:
            tokens = tokenize(row.cells, row.xs, chars=row.shape == SPACE)
        if not tokens:
            continue
        if (
            prev is not None
            and not pending
            and row.shape == PLAIN
            and _price_or_par_below(prev, rows, k, tokens, fields)
        ):
            taken = k + 1
            continue
        if (
            row.shape == SPACE
            and prev is not None
            and not pending
            and _year_of_a_nature(prev, tokens)
        ):
            tokens[-1].kind, tokens[-1].value = TEXT, None
        if nature_x is not None and row.shape in LOOSE and tokens[-1].x >= nature_x:
            for t in tokens:  # ``member`` / ``2``, ``SMB Pacific`` / ``2021``: words, not values
                if t.x >= nature_x and t.kind in (NUM, DATE, NA, IMMED):
                    t.kind, t.value = TEXT, None
        _par_value_words(tokens, row, _row_above(rows, k))
        if row.shape == PLAIN and prev is not None and not pending:
            year = _year_among_words(prev, tokens)
            if year is not None:
                year.kind, year.value = TEXT, None
        if flush and row.shape == SPACE:
            _year_words(tokens)
            _code_five(tokens)
            if "date_exercisable" in fields:
                _ruled_marker_letter(tokens)
        elif (
            prev is not None
            and row.shape in TABLED
            and (
                _wrapped_cells(
                    tokens,
                    prev.where.get("nature_of_ownership") if _nature_open(prev) else None,
                )
                or _nature_cells_below(prev, tokens)
            )
        ):
            for t in tokens:  # ``SMB Pacific`` / ``2021``: a word of the nature, not a balance
                if t.kind == NUM:
                    t.kind, t.value = TEXT, None
        if row.shape is PIPE and _BREAK_BEFORE_WORD_REST.search(row.text):
            _numbers_in_a_cut_cell(row, tokens)
        if title_end is not None and row.shape in LOOSE and tokens[0].x < title_end:
            _title_words(tokens, title_end, "exercise_price" in fields)
        elif tokens[-1].cell == 0 and row.shape in TABLED and len(tokens) > 1:
            _title_words(tokens, 1)  # a row of cells with only its first cell filled: a wrap
        if row.shape == PLAIN and prev is not None and _title_goes_on(prev, tokens):
            for t in tokens:  # ``Common Stock,`` / ``par value $0.001``: the title's rest
                t.kind, t.value = TEXT, None
        if flush and row.shape == SPACE and not _has_value(tokens):
            _garbled_values(tokens)
        if prev is not None and not pending and tabled and _orphan_code(prev, row, tokens):
            continue
        if (
            prev is not None
            and not pending
            and row.shape == PLAIN
            and k
            and rows[k - 1].shape == SEP
            and _form_pushed_below(prev, tokens)
        ):
            continue
        if (
            flush
            and len(tokens) > 1
            and tokens[-1].kind == FRAG
            and tokens[-2].kind == TEXT
            and not tokens[-2].marks
            and tokens[-2].text[-1:].isalnum()  # a word's end, not a torn marker's
            and tokens[-1].x - (tokens[-2].x + len(tokens[-2].text)) <= 2
            and _TORN_NUMBER_WORD.fullmatch(tokens[-1].text)
        ):
            # a scan's row ending ``By immediate family member 2)``: the nature's number and a
            # marker's bracket, or a marker that lost its ``(``; with the word before it (the
            # cell is then left empty, :func:`_clean_text`), not dropped as debris
            tokens[-1].kind = TEXT
        if (
            not _has_value(tokens)
            and not _states_ownership(row, tokens)
            and not (not flush and _form_under_column(row, tokens, form_xs, title_end))
            and not (prev is not None and row.shape in TABLED and _pushed_code(prev, tokens))
        ):
            for a, b in pairwise(tokens):
                if (
                    b.kind == FRAG
                    and a.kind == TEXT
                    and not a.marks
                    and b.x - (a.x + len(a.text)) <= 2
                    and _TORN_NUMBER_WORD.fullmatch(b.text)
                ):
                    # ``member 2)``: the word's number and a marker's bracket, or a marker
                    # ``(2)`` that lost its ``(``: it goes with the word before it (its cell
                    # is then left empty, :func:`_clean_text`), not dropped as debris
                    b.kind = TEXT
            words = [
                t
                for t in tokens
                if t.kind in (TEXT, MARKER, LETTER) or (t.kind == IMMED and t.text[0].islower())
            ]
            for t in words:  # ``Tranche`` / ``A``, ``By`` / ``immediate``: words of a name
                if t.kind in (LETTER, IMMED):
                    t.kind = TEXT
            if words and in_caption and not _is_caption_line(words):
                in_caption = False  # the first row's wrapped title, above its values
            if words and not in_caption:
                pending.append((row, words))
            continue
        after_caption, in_caption = in_caption, False
        if (
            prev is not None
            and not pending
            and tabled
            and _orphan_amount(prev, row, tokens, fields)
        ):
            continue
        draft = _read_row(
            row, tokens, fields, header_date, ad_x, alternates, date_x, captions, flush, title_end
        )
        if row.shape is PIPE and (k + 1 == len(rows) or rows[k + 1].shape is not PIPE):
            _cell_broken_off(draft, row)  # (a pipe row below may go on with the cell's lines)
        draft.torn_caption = (
            flush
            and after_caption
            and all(d.torn_caption for d in drafts)
            and not draft.values.get("transaction_date")
            and (
                # ``C   5   4)`` above a caption line: what the scan kept of torn captions
                (not draft.values.get("security_title") and _caption_next(rows, k))
                # ``Aor) 2   c25``: the ``(A) or (D)`` caption garbled; no title opens so
                or (tokens[0].kind == TEXT and _closes_unopened(tokens[0].text))
                # ``(Aor D) 2    9``: the same caption, its brackets kept
                or _A_OR_D.match(row.text) is not None
            )
        )
        if row.shape == SPACE:
            form_xs.update(_form_xs(draft, tokens))
        if (
            prev is not None
            and not pending
            and not flush
            and (
                (
                    row.shape == SPACE
                    and (
                        _pushed_down(prev, draft)
                        or (
                            _lacks_code(prev, draft) and _pushed_down(prev, draft, _ROW_OPENERS[:3])
                        )
                    )
                )
                or (
                    row.shape in TABLED
                    and k
                    and (rows[k - 1].shape == SEP or _lacks_code(prev, draft))
                    and _pushed_down(prev, draft, _ROW_OPENERS[:3])
                )
                or (
                    row.shape in TABLED
                    and k
                    and draft.values.get("transaction_date") is None  # (most rows: a date)
                    and (rows[k - 1].shape == SEP or rows[k - 1].shape in TABLED)
                    and _rest_below(prev, draft)
                )
                or (
                    # right under a row of cells, no rule between: values with no title,
                    # date or code of their own (``| Non-Qualifed | | 03/15/2025 | | M | ... |``
                    # / ``| | $0(3) | ... | (8) (5) | | $0(3) | ...|``: markdown split the
                    # row at its raised markers), in columns the row left empty
                    row.shape in TABLED
                    and k
                    and draft.values.get("transaction_date") is None
                    and rows[k - 1].shape in TABLED
                    and _pushed_down(prev, draft)
                )
                or (
                    row.shape in TABLED
                    and k
                    # (past the rule the converter put inside the row, or with none between:
                    # ``| | 10/02/2015 | | S | 913 D | | 8,022 |`` / ``| Common Share(1) | ... |
                    # $640.895(8) |``, the title and price pushed down by their markers)
                    and (rows[k - 1].shape == SEP or rows[k - 1].shape in TABLED)
                    and _title_below(prev, draft)
                )
            )
        ):
            continue
        if (
            prev is not None
            and not pending
            and flush
            and row.shape == SPACE
            and (
                (_lacks_code(prev, draft) and _scan_pushed_down(prev, draft))
                or _scan_code_below(prev, draft)
            )
        ):
            continue
        draft.after_caption = after_caption
        if pending:
            title = str(draft.values.get("security_title") or "")
            lines = pending
            if prev is None:
                lines = _drop_debris(draft, lines, first=all(d.torn_caption for d in drafts))
                if flush and lines:
                    lines = _drop_closing(draft, lines)
                if flush and lines and draft.values.get("security_title"):
                    # a scan keeps a row's values on its first line, so words above them are
                    # debris or a lost row's; which, the text does not say
                    said = " / ".join(" ".join(t.text for t in w if t.text) for _, w in lines)
                    draft.values["security_title"] = None
                    draft.blurred.add("security_title")
                    draft.notes.append(
                        (
                            "security_title",
                            f"'{said}' above the row's values may be part of its title: left empty",
                        )
                    )
                    lines = []
                _attach(draft, lines, fields, before=True, columns=placed_cols, flush=flush)
                draft.above = len(lines)
                # (a row whose title a raised marker left a line above its values is no sign
                # that the table centres its cells)
                middle = middle or (
                    not _title_left_above(draft) and any(_title_frag(r, w, draft) for r, w in lines)
                )
            elif middle:
                if width == -1:
                    width = _title_width(rows)
                s = _split_wrapped(prev, draft, pending, width, shape)
                shape = (prev.above, s)
                if s:
                    _attach(prev, lines[:s], fields, before=False, columns=placed_cols, flush=flush)
                if s < len(lines):
                    _attach(draft, lines[s:], fields, before=True, columns=placed_cols, flush=flush)
                    draft.above = len(lines) - s
            elif (
                (
                    not title
                    and not flush
                    # (the row's own title is in the row of cells under the next rule: the
                    # converter cut the row there, :func:`_title_below`)
                    and not (
                        k + 1 < len(rows)
                        and rows[k + 1].shape == SEP
                        and _title_next(rows, k + 1, draft)
                    )
                )
                or (title and not (_JUNK_HEAD.sub("", title) if flush else title)[:1].isupper())
            ):
                # (a scan keeps a row's first lines on its value line: words above a row whose
                # title the scan lost are no start of it, but the row above's rest; a rule or
                # bracket the scan read before a title's first letter (``[Common Stock``) is
                # no middle of a title)
                _attach(draft, lines, fields, before=True, columns=placed_cols, flush=flush)
                draft.above = len(lines)
                middle = middle or any(_title_frag(r, w, draft) for r, w in pending)
            else:
                _attach(prev, lines, fields, before=False, columns=placed_cols, flush=flush)
            pending = []
        drafts.append(draft)
        if tabled and row.shape == PLAIN and not any(t.kind in (TEXT, DATE) for t in tokens):
            continue  # a cell pushed out of the pipe row above: it opens no row of its own
        prev = draft
    if pending and prev is not None:
        _attach(prev, pending, fields, before=False, columns=placed_cols, flush=flush)
    elif pending and drafts:
        host = next(  # the last row of words (a line of values alone is no row)
            (d for d in reversed(drafts) if any(d.values.get(f) for f in TEXT_FIELDS)), None
        )
        if host is not None and host.plain:
            _words_left_below(host, pending, fields)
    for d in drafts:
        _clean_text(d, fields, scan=flush)
        if flush:
            _par_value_lost(d)
    if placed_cols and not flush:  # (an OCR engine's flush lines keep no columns)
        _off_column(drafts)
    if flush and "date_exercisable" in fields:
        _window_by_rows(drafts)
    if flush:
        drafts = _values_lost(drafts)
        _title_past_a_siblings(drafts)
    if PIPE in shapes and SEP in shapes:  # (a markdown table has its rule under the captions)
        _cells_lost(drafts, rows)
    return _real_rows(drafts, orphans)


def _title_past_a_siblings(drafts: list[Draft]) -> None:
    """A scan loses rows whole, their values and first lines, and keeps a wrapped line of
    theirs, which the row above then takes (``INNSUITES`` / ``HOSPITALITY REIT`` / ``Stock``,
    the ``Stock`` of a lost ``Class A Common`` row's title): where another row of the table
    reads, for sure, a title that this one's wrapped lines run past by whole words, and no row
    reads this one's, those words may be a lost row's: the title is left empty with a doubt."""
    titles = [
        d.values.get("security_title") if "security_title" not in d.blurred else None
        for d in drafts
    ]
    counts = Counter(t for t in titles if isinstance(t, str))
    for d, title in zip(drafts, titles, strict=True):
        if not isinstance(title, str) or counts[title] > 1 or d.title_raw is None:
            continue
        first = clean(d.title_raw)
        if title == first or not title.startswith(first):
            continue
        for other in counts:
            if len(first) <= len(other) < len(title) and title.startswith(other + " "):
                d.leave_empty(
                    "security_title",
                    f"{title!r} runs past {other!r}, another row's title, by words below the"
                    f" row ({title[len(other) :].strip()!r}): the rest of a row the scan lost,"
                    " or this title's; left empty",
                )
                break


def _cells_lost(drafts: list[Draft], rows: list[Row]) -> None:
    """A pipe row with fewer cells than the rows of its table: a converter writes every row
    of a markdown table with the same number of cells (none of 19,794 rows its renderings
    print breaks this), so a cell of the row was lost, and its values, placed by their kinds,
    may stand a column off (``| 9,6 | 86 |`` with ``9,6`` lost reads 86 shares): a doubt on
    the row."""
    lines = {d.line for d in drafts}
    counts: dict[tuple[int, int], int] = {}
    mine: list[Row] = []
    for r in rows:
        if r.shape is PIPE:
            key = (r.block, len(r.cells))
            counts[key] = counts.get(key, 0) + 1
            if r.line in lines:
                mine.append(r)
    by_line = {d.line: d for d in drafts} if mine else {}
    for row in mine:
        times, most = max((n, cells) for (block, cells), n in counts.items() if block == row.block)
        if len(row.cells) < most and times >= 3:
            by_line[row.line].notes.append(
                (
                    None,
                    f"the row has {len(row.cells)} cells where {times} rows of its table have"
                    f" {most}: a cell lost, so its values may stand a column off; unsure",
                )
            )


def _par_value_lost(draft: Draft) -> None:
    """A scan's title that ends on ``par value`` with no amount in it (``Common Stock, par
    value`` over ``$0,001)``, which the scan garbled and no rule read as the par value): the
    title wants its amount, so it was cut; left empty with a doubt. ``no par value`` and ``$0.01
    par value`` want none."""
    title = draft.values.get("security_title")
    if (
        isinstance(title, str)
        and _PAR_CELL_END.search(title)
        and "$" not in title
        and _NO_PAR.search(title) is None
    ):
        draft.leave_empty(
            "security_title",
            f"{title!r} ends on 'par value' with no amount: the amount was not read (the scan"
            " garbled or lost it); left empty",
        )


def _values_lost(drafts: list[Draft]) -> list[Draft]:
    """A scan's line with a title whose every value the scan garbled (``Class A Common Sock |
    04/1872022    ee    ee``): no date, code, amount, price, balance or ownership form read.
    Where the lines below it show rows the scan lost too (one printed twice: ``$0.01 par
    value`` / ``$0.01 par value``, :func:`_drop_lost_rows_lines`), they are as likely those rows'
    titles as its own (``value $0.001``, ``HOSPITALITY REIT``): with nothing to match it to a
    filed row, it is left out, with a note on the row above. Otherwise (``Class C Capital``
    / ``Stock`` over a balance the scan garbled) it stays, its values empty with doubts."""
    kept: list[Draft] = []
    for d in drafts:
        title = d.values.get("security_title")
        if (
            kept
            and title
            and any(f == "security_title" and _REPEATS in m for f, m in d.notes)
            and any(m.startswith("could not read") for f, m in d.notes if f not in TEXT_FIELDS)
            and all(
                x is None for f, x in d.values.items() if f not in TEXT_FIELDS and f != "voluntary"
            )
        ):
            said = "; ".join(m for f, m in d.notes if f not in TEXT_FIELDS)
            kept[-1].notes.append(
                (
                    None,
                    f"line {d.line} (title {d.values['security_title']!r}) shows no value the"
                    f" scan kept readable ({said}): a row whose values the scan lost; left out",
                )
            )
            continue
        kept.append(d)
    return kept


def _window_by_rows(drafts: list[Draft]) -> None:
    """A scan's lone exercise-window date that nothing in its row places (no caption above it,
    no marker cell beside it) takes the column where the table's other rows place theirs for
    sure: a date within a few characters of the dates read as one window date, and nowhere
    near any read as the other. With no such row, or rows of both near it, it stays empty."""
    sure: dict[str, list[float]] = {}
    for d in drafts:
        for f, x in d.window.items():
            if f[0] not in "?~":
                sure.setdefault(f, []).append(x)
    if not sure:
        return
    for d in drafts:
        for key, x in list(d.window.items()):
            if key[0] != "~":
                continue
            # a lone date its caption placed: where the other rows place the other window
            # date in its column and none of its own, the captions (squeezed by the scan) lied
            own = key[1:]
            other = "expiration_date" if own == "date_exercisable" else "date_exercisable"
            if any(abs(sx - x) <= _WINDOW_FAR for sx in sure.get(other, ())) and not any(
                abs(sx - x) <= _WINDOW_FAR for sx in sure.get(own, ())
            ):
                value = d.values.get(own)
                d.values[own] = None
                d.notes.append(
                    (
                        own,
                        f"{value} stands under the {own.replace('_', ' ')}'s caption, but where"
                        f" the table's other rows place their {other.replace('_', ' ')}:"
                        " which window date it is, unsure; left empty",
                    )
                )
            del d.window[key]
    for d in drafts:
        if "?" not in d.window:
            continue
        x = d.window["?"]
        near = {f for f, xs in sure.items() if any(abs(sx - x) <= _WINDOW_NEAR for sx in xs)}
        if len(near) != 1:
            continue
        own = near.pop()
        other = "expiration_date" if own == "date_exercisable" else "date_exercisable"
        if any(abs(sx - x) <= _WINDOW_FAR for sx in sure.get(other, ())):
            continue
        d.values[own], d.values[other] = d.lone_date, None
        d.notes = [
            (f, m) for f, m in d.notes if not (f in (own, other) and m.startswith("one date ("))
        ]
        name = own.replace("_", " ")
        d.notes.append(
            (
                own,
                f"read {d.lone_date} as the {name}: nothing beside it says which window date it"
                f" is, and the table's other rows place their {name} in its column",
            )
        )
        del d.window["?"]


_WINDOW_NEAR = 4
"""Characters a scan's skew and spacing move a column by, from one row to the next."""
_WINDOW_FAR = 12


def settle_wraps(*tables: tuple[list[Draft], tuple[str, ...]], printed: str = "") -> None:
    """Cut the wrapped plain lines the rows left undecided (:mod:`parsers.text.wraps`), once
    both tables are read: a title either prints for sure helps cut the other's lines, and a
    row cut adds its titles for the rows after it. ``printed``: the text below the tables,
    where a title may stand whole."""
    drafts = [d for ds, _ in tables for d in ds]
    if not any(d.undecided is not None for d in drafts):
        return
    below = ""  # the text below the tables is asked only once the tables' own titles cut no more
    cuts: dict[int, wraps.Cuts] = {}  # (each row's, asked again round after round)
    rooms = [wraps.column_room(ds) for ds, _ in tables]  # (the first lines do not change)
    for _ in range(5):
        known = wraps.known_titles(drafts)
        changed = False
        for (ds, fields), room in zip(tables, rooms, strict=True):
            column = wraps.column_titles(ds)
            for d in ds:
                u = d.undecided
                if u is not None and wraps.settle(d, known, below, cuts, column, room):
                    _clean_text(d, fields, scan=u.margin)  # (margin lines: a scan's)
                    changed = True
        if not changed:
            if below or not printed:
                return
            below = printed


_WORD_REST = re.compile(r"[a-z]{2,}")
_BREAK_BEFORE_WORD_REST = re.compile(r"<br>\s*[a-z]{2}")
"""A line opening on small letters: the rest of a word a cell border cut (``Rem`` | ``ainder``)."""


def _numbers_in_a_cut_cell(row: Row, tokens: list[Token]) -> None:
    """pymupdf4llm-layout: ``|SMB Pacific 20<br>Charitable Rem<br>Unitrust II|21<br>ainder|``:
    a border cut the nature's cell, and its right half holds a line of digits (``2021``'s
    ``21``) over a word's rest. Read as a value, the ``21`` was the balance and the row's
    values slid a column. A cell of lines after a cell of as many lines or more, whose later
    lines open on small letters, is the rest of that cell: its numbers are words."""
    cells = row.cells
    for c in range(1, len(cells)):
        lines = cells[c].split("<br>")
        later = [ln.strip() for ln in lines[1:] if ln.strip()]
        if not later or not all(_WORD_REST.match(ln) for ln in later):
            continue
        before = cells[c - 1].split("<br>")
        if len(before) < len(lines) or not any(ch.isalpha() for ch in cells[c - 1]):
            continue
        for t in tokens:
            if t.cell == c and t.kind == NUM:
                t.kind, t.value = TEXT, None


def _title_unfinished(title: object) -> bool:
    """A title that ends where no security's title does: on a comma or a word that only opens
    a name, or on no security's noun where one would follow (``Class A``, ``Common``)."""
    if not isinstance(title, str) or not title.split():
        return False
    return wraps.opens_only(title) or (
        not wraps.runs_past_its_end(f"{title} Stock")
        and title.split()[-1].casefold().strip(",") not in _SECURITY_NOUNS
    )


def _words_below_an_unfinished_title(host: Draft, d: Draft, orphans: list[str] | None) -> None:
    """A line of words with no value read (``Common ... member 16978.``, its number
    unreadable) right below a row whose title is unfinished (``Class A``): the rest of that
    row's cells, with a scan's debris, not a row of its own (a phantom row, titled ``Common
    member Stock``). Which words are whose, the line does not say: the row's title and open
    nature are left empty with a doubt."""
    said = ", ".join(f"{k}={v}" for k, v in d.values.items() if v is not None)
    _note_left_out(host, f"line {d.line} ({said}): the rest of the cells above, no row", orphans)
    for f in ("security_title", "underlying_title", "nature_of_ownership"):
        if f in host.closed or not host.values.get(f):
            continue
        host.leave_empty(f, f"line {d.line} below ({said}) may hold its rest: left empty")


def _unfinished_above_a_lost_line(host: Draft, lost: Draft) -> None:
    """A row's title or nature that ends mid-phrase (``Common Stock,``, ``Eschenbach Family
    Trust dtd 4/15/2014,``; a title on a word that only opens a name or a par value) above a
    line that holds words and was not read as a row (``$0.001(1)(2) TTEE(6)...``: the par
    value's amount read as a price, with ``par value Carl Eschenbach Jr ...`` above it as its
    wrapped words): those words may be the cells' rest. The text read is cut short; left empty
    with a doubt."""
    if not any(isinstance(lost.values.get(f), str) for f in TEXT_FIELDS):
        return
    for f in ("security_title", "underlying_title", "nature_of_ownership"):
        text = host.values.get(f)
        if not isinstance(text, str) or not text:
            continue
        if text.rstrip()[-1] in ",;" or (f != "nature_of_ownership" and wraps.opens_only(text)):
            host.leave_empty(
                f,
                f"{text!r} ends mid-phrase, and line {lost.line} below, not read as a row, may"
                " hold its rest; left empty",
            )


def _off_column(drafts: list[Draft]) -> None:
    """Layout text places a value under its column, and the table's rows show where each
    column is: a value read into one field while it stands where the other rows have another
    field's values (``3,012,785      0D``: a flipped byte made a ``0`` beside the form ``D``,
    and the balance was read as the price by type) is a doubt. A column's place is the middle
    of its values in at least three rows, so one row out of place does not move it."""
    spots: dict[str, list[float]] = {}
    for d in drafts:
        for f, x in d.centres.items():
            spots.setdefault(f, []).append(x)
    middle = {f: sorted(xs)[len(xs) // 2] for f, xs in spots.items() if len(xs) >= 3}
    if len(middle) < 2:
        return
    for d in drafts:
        for f, x in d.centres.items():
            own = middle.get(f)
            name = "shares" if f in ("shares_a", "shares_d") else f
            if own is None or d.values.get(name) is None or abs(x - own) <= 4:
                continue
            g, at = min(
                ((g, m) for g, m in middle.items() if g != f), key=lambda gm: abs(x - gm[1])
            )
            if abs(x - at) + 3 < abs(x - own) and {f, g} != {"shares_a", "shares_d"}:
                shown = d.values[name]
                d.notes.append(
                    (
                        name,
                        f"{shown} stands where the table's other rows have the {g} column, "
                        f"not the {f}'s: unsure",
                    )
                )


# What a scan leaves around the words of a text cell: box rules, a torn footnote marker
# (``Stock™``, ``Footnotes)2)``, ``Trust?)``), quote marks for a superscript. No title or name
# on the form ends in them, nor holds a word without a letter or digit (``|)``, ``©)``).
_JUNK_TAIL = re.compile(
    r"(?<=[^\W\d_])(?:[)\]}|?!*™®©“”‘’'\"°@~^«»€¢§&_—\d]*[)\]}|?!*™®©“”‘\"°@~^«»€¢§]"
    r"|\((?!\d+\))[^A-Za-z\s]{0,5}\)"
    r"|[)\]}|?!*™®©“”‘’'\"°@~^«»€¢§&_—\d]*\)\.)$"
)
"""A scan's debris after a word's last letter: a torn footnote marker (``Trust®``, ``Stock‘)``:
its opening bracket read as a quote that opens, which no word ends on; ``Stock"``, ``Stock’)``
where no quote opened), a rule, a bracket, and the underscores and dashes a rule's shadow
leaves before it (``no_—_|``)."""
_SYMBOL_TAIL = re.compile(r"(?<=[^\W\d_])[™®©°¢§«»€][()\d%™®©°@¢§«»€~^*]*\)$")
"""Markers torn to a scan's symbol (not ASCII), brackets, digits and a percent sign after a
word's last letter (``Spouse®(@))2%)``)."""
_JUNK_ENDS = frozenset(')]}|?!*™®©“”‘"°@~^«»€¢§')
"""The characters a match of ``_JUNK_TAIL`` can end with (it ends the word)."""
_OPEN_MARKER = re.compile(r"(?:\(\d{1,2})+[a-z]?")
"""A cell's last word that opens a bracket on a footnote's number and never closes it
(``(8y``, ``(8``, ``(8(9``): a marker the scan tore; no title or nature ends so."""
_TORN_MARKER = re.compile(r"\((?!\d+\))[^A-Za-z\s]{1,5}\)")
"""A footnote marker the scan tore (``(©)``, ``(8€9)``); a whole ``(1)`` is a marker kept."""
_LETTERED_MARKER = re.compile(r"(?<=[a-z])(?:(?:\\[^\s)]{0,3}|[A-Z]{1,2})\)|[‘'][A-Z\d]{1,3}\)?)$")
"""A torn footnote marker the scan read as letters after a word (``Units\\VO)``, ``UnitsV)``,
``Stock‘VO``, ``Common'Y``): a backslash, or capitals right after a small letter, then a ``)``
no ``(`` opened; or a quote and capitals or digits (the marker's bracket read as a quote; an
apostrophe before a capital writes no word's possessive)."""
_SYMBOL_SPECK = re.compile(r"[¢@®©™°§«»€~^*‘’“”]+[a-z]{0,2}[^\w\s]*")
"""A word opening on a scan's symbol with at most two small letters (``¢g@)``): a footnote
marker misread; no word of a title or a nature opens on one."""
_QUOTED_MARKER = re.compile(r"(?<=[a-z])(?:\([‘’']|[“”])[A-Za-z\d]{1,3}[^\w\s]*$")
"""A marker glued to a word's end, its digit read as a letter after a quote (``Stock(‘V``,
``Trust“t)``: a double quote stands inside no word of a name)."""
_LETTERED_DIGITS = re.compile(r"\(\d[\d()]*[LOIlo][\dLOIlo()]*\)")
"""Footnote markers whose digits a scan read partly as the letters they look like
(``(8(LO)`` for ``(8)(10)``): a bracket, a digit, then digits, brackets and ``L O I l o``."""
_MARKER_DEBRIS = re.compile(r"[\d¢@®©™°§«»€~^*]*[¢@®©™°§«»€~^*][\d¢@®©™°§«»€~^*]*\)")
"""A footnote marker torn to digits and symbols, its opening bracket read as a symbol
(``¢9@)``): no letter, no ``(``, a scan's symbol in it; no word of a title or a nature."""
_JUNK_HEAD = re.compile(r"^[|\[\]{}_*“”]+(?=\w)")
_GLUED_TORN = re.compile(
    r"(?<=[^\W\d_])\((?=[^)\s]*[^\w\s)])[^()\s]{1,4}\)$"
    r"|(?<=[a-z])\((?=[A-Z\d]{0,2}[A-Z])[A-Z\d]{1,3}\)[^\w\s()]*\)?$"
    r"|(?<=[a-z])\([A-Z\d]{0,2}[@¢®©™°§«»€~^*]+$"
)
"""A bracket glued to a word's last letter holding a scan's symbol (``Stock(V@)``), or a
capital, alone or among digits, glued to a small letter (``Stock(D)``, ``Stock(D)@)``,
``Footnotes(V2)`` for ``(1)(2)``), or one left open, a symbol last (``Trust(V@``): a
footnote marker torn to letters; a title's bracketed words stand apart (``(right``, ``Class
(A)``)."""
_SCAN_SYMBOLS = frozenset("@¢®©™°§«»€~^*")
_LONE_TORN_WORD = re.compile(r"[A-Z]{2,5}\)")
"""A whole cell of one short word in capitals and a ``)`` nothing opened (``PIAA)``; not
``Trust)``, ``LLC)``: an owner's word and a torn marker)."""
_CLASS_LETTER_AS_SYMBOL = re.compile(
    r"\b(?:Class|CLASS|Series|SERIES|Tranche|TRANCHE)\s+([^\w\s()$]{1,2})\s+[A-Za-z]"
)
"""``Class © Capital``: a symbol where a class's or series's letter stands."""
_QUOTE_AND_LETTER = re.compile(r"[‘’“”'\"][^\W\d_]{1,2}\)?")
"""A quote mark and a letter or two (``‘Y``, ``“t)``): a torn marker, no word of a title."""
_SECURITY_NOUNS = frozenset(
    ("stock", "shares", "share", "units", "unit", "warrants", "options", "option", "rights")
)
_CAPS_MARKER = re.compile(r"(?=[A-Z\d]?[A-Z])[A-Z\d]{1,2}[@®©°¢§*]{0,2}\)")
"""A cell's last word of one or two capitals (or a capital and a digit) and a ``)`` that no
``(`` of the cell opened: a footnote marker the scan tore (``(10)`` read ``MO)``, ``(1)(2)``
read ``V2)``, ``D@)``, a symbol before its bracket); no word of a title ends so."""
_HAS_WORD = re.compile(r"[^\W_]")
_SPECK_AMID = re.compile(r"[(|\[]?[a-z]{0,2}[@¢®©°§]+[a-z]{0,2}[^\w\s]*")
"""A short word of a scan's symbol among small letters (``q@y``): specks, no word of a cell
(no title or nature writes ``@``)."""
_LETTER_DIGIT = re.compile(r"[A-Z]\d")
_OWNER_ENDS = frozenset({"Trust", "TRUST", "LLC", "LP", "L.P.", "Inc.", "INC", "Ltd", "LTD"})
_CAPS_AFTER_OWNER_END = re.compile(
    r"(?=.*\b[A-Za-z][a-z]{2,}\b).*\s(?P<end>Trust|Trustee|TTEE|TTEES|LLC|LP|L\.P\.|Inc\.|Ltd)\s+"
    r"(?P<caps>[A-Z]{3,})[,.;]?$"
)
"""A nature with a word not in capitals whose last word is four capitals or more after the
word an owner's name ends on (``Irr Trust MAHAL``): torn markers, or a word, unsure."""
"""Words an owner's name ends on, after which a capital and a digit are a torn marker."""
_BRACKET_CUT_OFF = re.compile(r"(?<!\S)\(\s+(?=[^\W\d_][^\s()]*\))")
"""A ``(`` standing alone before a word that closes it (``( DE)``): one word a border cut."""
_TORN_TO_LETTERS = re.compile(r"[A-Za-z\d]{2,8}\)")
_CLOSED_FIRST = re.compile(r"\)[A-Z\d()]{1,6}")
"""A cell's last word opening on a closing bracket, then capitals, digits and brackets
(``)E)A``): footnote markers the scan tore, no word of a title or a nature."""
_SYMBOLS_TORN = re.compile(r"[^A-Za-z\s]*[@¢®©™°§«»€~^*%][^A-Za-z\s]*")
"""A word of no letter with a scan's symbol in it (``@)2%``): footnote markers torn, where a
``)`` is in it too; no word of a title or a nature."""


def _torn_marker(text: object) -> bool:
    """A text cell ending in a scan's torn footnote marker (``Footnotes)``, ``Trust®``): markers
    follow a cell's last word, so no wrapped line continues it. Debris with no letter or digit
    after it is the marker's rest too (``See Footnotes) @)``), as is an opened bracket with none
    in it (``Footnotes()@)``: the marker's digit lost)."""
    if not isinstance(text, str) or not text.strip():
        return False
    words = text.split()
    while len(words) > 1 and not _HAS_WORD.search(words[-1]):
        words.pop()
    last = words[-1]
    tail = _JUNK_TAIL.search(last)
    # (a bracket opened before the debris holds no letter or digit either: ``Footnotes()@)``)
    return tail is not None and ("(" not in last or not _HAS_WORD.search(last[last.index("(") :]))


def _speckle_word(word: str) -> bool:
    """A word of two to four vowels, small but the first (``ee``, ``Eee``, ``oe``): what a scan
    reads of its speckles (:func:`_speckles` weighs a line of them); no word of a title or a
    nature (``IOU`` is written in capitals)."""
    return 2 <= len(word) <= 4 and word[1:].islower() and set(word.casefold()) <= _VOWELS


def _clean_text(draft: Draft, fields: tuple[str, ...], scan: bool = False) -> None:
    """Scan debris taken off a row's text cells (a repair, noted): a word with no letter or
    digit goes, as do the symbols after a word's last letter (but a ``)`` closing an open
    ``(``) and rules or quote marks before its first. ``(Right to Buy)``, ``(DE)``, ``Inc.``
    and ``$0.01`` stay as they are."""
    for f in _text_fields(fields):
        text = draft.values.get(f)
        if not isinstance(text, str):
            continue
        if (
            scan
            and f == "nature_of_ownership"
            and (m := _SHORT_WORD_TORN.search(text))
            and text.count(")") > text.count("(")
            and re.sub(r"[\W_]+$", "", m[0]).upper() not in _LEGAL_FORMS
        ):
            # ``... Charitable Remainder Unitrust`` / ``i)``, ``Family Trust OOH)``: a short
            # word closed by a bracket nothing opened: the nature's last word (``Unitrust I``)
            # with its marker torn, or a marker the scan read as letters; the text does not say
            draft.leave_empty(
                f,
                f"{text!r}: its last word {m[0]!r} may be a word of it or a footnote marker "
                "the scan tore; left empty",
            )
            continue
        if (
            not text[-1].isalnum()
            and text[text.rfind(" ") + 1 : text.rfind(" ") + 2].isdigit()
            and (m := _NUMBER_TORN.search(text))
        ) or (scan and text[-1].isdigit() and (m := _NUMBER_SYMBOL_TORN.search(text))):
            # ``By immediate family member 25(7)8)(9)40)``, ``member 2”)``: a number glued to
            # footnote markers the scan tore; whether its digits are all the cell's (``member
            # 2``) or partly a marker's, the text does not say
            draft.leave_empty(
                f,
                f"{text!r}: its last word {m[0]!r} is digits run into torn footnote markers; "
                "which digits are the cell's, the text does not say: left empty",
            )
            continue
        if (
            scan
            and f == "nature_of_ownership"
            and _LONE_TORN_WORD.fullmatch(text)
            and text[:-1].casefold() not in _OWNER_WORDS_ALONE
        ):
            # ``222,639 PIAA)``: a nature of one short word closing a bracket nothing opened,
            # where the ownership form stands: the form and a marker the scan garbled
            draft.leave_empty(
                f,
                f"{text!r}: one short word closing a bracket nothing opened (an ownership form"
                " and a marker the scan garbled?); left empty",
            )
            continue
        if scan and f != "nature_of_ownership" and (m := _CLASS_LETTER_AS_SYMBOL.search(text)):
            # ``Class © Capital Stock``: the class's letter read as a symbol (C as ©); dropped
            # as a speck, the title had read ``Class Capital Stock``, a class nobody filed
            draft.leave_empty(
                f,
                f"{text!r}: {m[1]!r} stands where the class's letter does (a letter the scan"
                " read as a symbol); left empty",
            )
            continue
        if (
            scan
            and f == "nature_of_ownership"
            and (m := _CAPS_AFTER_OWNER_END.search(text))
            and not _bracket_letters(m["caps"], text.split()[:-1])  # (dropped below: markers)
        ):
            # ``By Jacob A. Schaufeld Irr Trust MAHAL``, ``... Eschenbach TTEE OMEGA,``: a word
            # in capitals after the word an owner's name ends on, in a nature not written in
            # capitals: footnote markers the scan read as letters (``(6)(7)...(11)``), or a word
            # of it (``Trust UTMA``); the text does not say
            draft.leave_empty(
                f,
                f"{text!r}: its last word {m['caps']!r}, in capitals after {m['end']!r}, may be "
                "footnote markers the scan read as letters, or a word of it; left empty",
            )
            continue
        if _plain_words(text):
            head, _, last = text.rpartition(" ")
            caps = head and last.isupper() and _bracket_letters(last, head.split())
            lettered = _LETTER_DIGIT.fullmatch(last) and head.rpartition(" ")[2] in _OWNER_ENDS
            if not (caps or lettered):
                continue
        clean = _clean_words(text)
        if _brackets_disagree(text):
            draft.values[f] = None
            draft.blurred.add(f)
            draft.notes.append(
                (f, f"{text!r}: a bracket closed and another closing none after it: left empty")
            )
            continue
        if clean != text:
            draft.values[f] = clean or None
            draft.notes.append((f, f"dropped OCR fragments in {text!r}: read {clean!r}"))
            draft.repaired = True
    if scan:
        for f in _text_fields(fields):
            text = draft.values.get(f)
            if isinstance(text, str) and (m := _GROUPED_NUMBER.search(text)):
                # ``Ordinary {3,139,533 |@`` / ``Shares``: the scan ran the next cell's amount
                # into the title's words; no title's word is an amount grouped by thousands,
                # and what else of the cell is another's, the text does not say. (``par value
                # $0,001``: a par value's point read as a comma; which digits, unsure)
                why = (
                    "a par value whose point the scan read as a comma"
                    if text[: m.start()].rstrip().endswith("$")
                    else "an amount run in from a cell beside it by the scan"
                )
                draft.leave_empty(f, f"{text!r} holds an amount, {m[0]!r}: {why}; left empty")
                continue
            if (
                f in ("security_title", "underlying_title")
                and isinstance(text, str)
                and (
                    _DIGIT_RUN.search(text)
                    or DATE_WORD.search(text)
                    or _LETTERS_AND_DIGITS.search(text)
                    or _CASE_JUMBLE.search(text)
                )
            ):
                # ``Restricted Stock Unit 0471472028``: a date whose slashes the scan read as
                # digits, run into the title; ``Common Shares, 07/25/2025 !``: the row's date,
                # a speck after it, read as a word. A value of a cell beside it: left empty
                draft.leave_empty(
                    f,
                    f"{text!r} holds a date, a run of digits or a word of jumbled case no title"
                    " has (a value of a cell beside it, run in by the scan): left empty",
                )
                if DATE_WORD.search(text) and draft.values.get("transaction_date") is None:
                    draft.notes.append(
                        (
                            "transaction_date",
                            f"a date stands among the title's words ({text!r}): the row's own,"
                            " maybe; left empty",
                        )
                    )
                continue
            words = text.split() if isinstance(text, str) else []
            if (
                f == "nature_of_ownership"
                and len(words) > 2
                and len(words[0]) <= 2
                and words[0] not in ("I", "D")
                and words[1].casefold() in ("by", "see")
            ):
                # ``Ce By Spouse``: a speck before the word a nature opens with
                text = draft.values[f] = " ".join(words[1:])
                draft.notes.append(
                    (f, f"dropped {words[0]!r} before {text!r}: a scan's speck, no word of it")
                )
                draft.repaired = True
                words = words[1:]
            if (
                f == "nature_of_ownership"
                and len(words) > 1
                and draft.values.get("ownership") is None
                and _FORM_GARBLED.fullmatch(words[0])
            ):
                # ``Ik   Trustees of ...`` where no ownership form was read: the form's ``I``
                # the scan garbled, or a word of the nature; the text does not say
                draft.leave_empty(
                    f,
                    f"{text!r}: its first word {words[0]!r} may be the ownership form (D or I)"
                    " the scan garbled; left empty",
                )
                continue
            if f == "nature_of_ownership" and len(words) > 1 and _SYMBOL_IN_WORD.match(words[-1]):
                # ``by Trust 2@OaHay``: a footnote marker the scan tore into a symbol and
                # letters, or a word of the nature garbled; the text does not say
                draft.leave_empty(
                    f,
                    f"{text!r}: its last word {words[-1]!r} holds a scan's symbol (a torn"
                    " footnote marker, or a word garbled); left empty",
                )
                continue
            if (
                f == "nature_of_ownership"
                and len(words) > 1
                and words[-2].casefold().startswith("footnote")
                and _BRACKETED_CAPS.fullmatch(words[-1])
            ):
                # ``Please see footnotes (EVV)``: markers torn to capitals after the word that
                # names them; no name follows ``footnotes``
                text = draft.values[f] = " ".join(words[:-1])
                draft.notes.append(
                    (f, f"dropped {words[-1]!r} after 'footnotes': footnote markers torn")
                )
                draft.repaired = True
                words = words[:-1]
            if words and _speckle_word(words[0]):
                rest = list(dropwhile(_speckle_word, words))
                if not rest:
                    # ``Eee`` where the form has no nature: vowels alone, a scan's speckles
                    draft.leave_empty(
                        f, f"{text!r}: vowels alone, no word of a {f} but a scan's speckles"
                    )
                    continue
                # ``ee ee See footnote``: speckles read as vowels before the cell's first word
                text = draft.values[f] = " ".join(rest)
                draft.notes.append(
                    (
                        f,
                        f"dropped {' '.join(words[: len(words) - len(rest)])!r} before {text!r}:"
                        " vowels alone, a scan's speckles",
                    )
                )
                draft.repaired = True
            if isinstance(text, str) and _BARE_MARKER.search(text):
                # ``See Footnotes 2`` (the row above: ``See Footnotes\)2)``): a footnote marker
                # whose brackets the scan lost, or the cell's word (``By family member 2``)
                draft.values[f] = None
                draft.blurred.add(f)
                draft.notes.append(
                    (
                        f,
                        f"{text!r}: its last number may be a footnote marker whose brackets the"
                        " scan lost, or a word of it: left empty",
                    )
                )


_BRACKETED_CAPS = re.compile(r"\([A-Z\d]{1,6}\)")
_NUMBER_TORN = re.compile(r"(?<=[^\W\d_] )\d+[^\w\s]*(?:\d[^\w\s]*)*[()\]“”\"°®©@.]$")
"""A text cell's last word of digits with brackets, a double quote or a scan's symbol after
them, after a word (``member 2”)``, ``member 25(7)8)``, ``member 1°)``, ``member 2.``): a number
the cell ends on, glued to a torn marker."""
_NUMBER_SYMBOL_TORN = re.compile(r"(?<=[^\W\d_] )\d+[°®©@¢§™]+\d+$")
"""A scan's last word of digits with a symbol inside, after a word (``member 1°14``: the
cell's number and torn markers whose brackets the scan read as a symbol)."""
_SHORT_WORD_TORN = re.compile(r"(?<= )(?:[a-z]|[A-Z]{1,3})\)$")
"""A nature's last word of one small letter or one to three capitals, closed by a ``)``:
``i)``, ``OOH)`` (with a scan's symbol before the bracket, ``D@)``, it is a marker's debris)."""
_FORM_GARBLED = re.compile(r"[ID][^\sA-Z]")
"""Two characters, an ownership form's ``I`` or ``D`` and a speck (``Ik``, ``I|``, ``D.``)."""
_SYMBOL_IN_WORD = re.compile(r"(?=\S*[@®©§¢])(?=\S*[^\W\d_]{2})\S+$")
"""A word with a scan's symbol in it and letters (``2@OaHay``): no word of a nature."""
_LEGAL_FORMS = frozenset({"LLC", "LP", "LLP", "INC", "LTD", "CO", "PLC", "NA", "SA", "AG"})
"""A nature's last word that is a legal form is a word of it whatever bracket follows."""
_TORN_NUMBER_WORD = re.compile(r"\d{1,2}[^\w\s]{0,3}\)")
"""A small number and a ``)`` no ``(`` opened, a word of its own (``member 2)``, ``1°)``)."""
_LETTERS_AND_DIGITS = re.compile(r"(?<!\S)(?:[^\W\d_]{3,}\d{3,}|\d{3,}[^\W\d_]{3,})(?!\S)")
"""A word of three letters or more glued to three digits or more (``oartsra022``): a value the
scan garbled (a date's ``04/17/2022``), no word of a title."""
_CASE_JUMBLE = re.compile(r"(?<!\S)[a-z]{1,3}[A-Z][a-z]+[A-Z]?[a-z]*(?!\S)")
"""A word opening on small letters with a capital inside (``iSenlil``): a value the scan
garbled into letters (an underlying amount beside the title), no word of a title."""
_DIGIT_RUN = re.compile(r"\d{7}")
"""Seven digits in a row: no title's word (a year has four, a par value or a rate a few)."""
_BARE_MARKER = re.compile(r"[^\W\d_]{2} \d{1,2}$")
"""A text cell's last word a number of one or two digits after a word (``See Footnotes 2``)."""
_CLOSED_THEN_STRAY = re.compile(r"\([^()]*\)[^()]*\b[^\W\d_]+\)")


def _brackets_disagree(text: str) -> bool:
    """A cell whose bracket closes and whose later word closes another none opened
    (``Option (right go) to buy)``: a scan put the next column's torn ``$0(3)`` as ``go)``
    beside the title): the cell's brackets close within it, so one of the two closings is no
    word of it; which, the text does not say. Words with no letter or digit (``|)``, ``©)``)
    are the scan's debris, dropped anyway, and are not counted."""
    worded = " ".join(w for w in text.split() if _HAS_WORD.search(w))  # debris (``|)``) aside
    return worded.count(")") > worded.count("(") and _CLOSED_THEN_STRAY.search(worded) is not None


_TEXT_OF: dict[tuple[str, ...], tuple[str, ...]] = {}


def _text_fields(fields: tuple[str, ...]) -> tuple[str, ...]:
    """The text columns of a layout, in its order (worked out once per layout: a handful)."""
    got = _TEXT_OF.get(fields)
    if got is None:
        got = _TEXT_OF[fields] = tuple(f for f in fields if f in TEXT_FIELDS)
    return got


_ORDER_OF: dict[tuple[str, ...], dict[str, int]] = {}


def _order_of(fields: tuple[str, ...]) -> dict[str, int]:
    """Each column's index in a layout (worked out once per layout; not to be changed)."""
    got = _ORDER_OF.get(fields)
    if got is None:
        got = _ORDER_OF[fields] = {f: i for i, f in enumerate(fields)}
    return got


def _plain_words(text: str) -> bool:
    """Letters and digits only, one space between words and none around them (most titles:
    ``Common Stock``): :func:`_clean_words` gives it back unchanged, so it need not run."""
    return (
        text.replace(" ", "").isalnum() and text[0] != " " and text[-1] != " " and "  " not in text
    )


_SMALL_LIKE_CAPITAL = frozenset("CSUWXZ")
"""Code letters whose small form a scan cannot tell from the capital (``x``, ``Ss``)."""


def _bracket_letters(word: str, before: list[str]) -> bool:
    """A cell's last word in capitals, four letters or more, most of them letters a scan makes
    of brackets and noughts (``O``, ``C``, ``D``, ``Q``: ``OMOOCHAD`` of ``(1)(4)(6)``), after
    words not in capitals: torn footnote markers, no word of a title or a nature."""
    if len(word) < 4 or not word.isalpha() or not word.isupper():
        return False
    if not any(w.isalpha() and not w.isupper() for w in before):
        return False  # (a cell in capitals: a name's word may be any)
    return 5 * sum(c in "OCDQ" for c in word) >= 3 * len(word)


def _clean_words(text: str, opened: bool = False) -> str:
    """``text`` with the scan debris :func:`_clean_text` takes off a text cell; ``opened``: a
    cell's later line, whose ``)`` may close a bracket opened on a line above."""
    depth = 0
    words = []
    if "( " in text:
        # ``Beaver (`` | ``DE) LLC``: a border cut the cell after a bracket that opens a word
        text = _BRACKET_CUT_OFF.sub("(", text)
    split = text.split()
    if len(split) > 1 and _OPEN_MARKER.fullmatch(split[-1]):
        split.pop()  # ``footnotes (8y``: a torn marker, its ``)`` read as a letter
    last = len(split) - 1
    for n, w in enumerate(split):
        if w.isalnum():  # letters and digits only: no debris, no bracket (most words)
            if n == last and n > 1 and not opened and _bracket_letters(w, split[:n]):
                continue  # ``By Trust OMOOCHAD``: markers ``(1)(4)(6)`` read as capitals
            if n == last and n and _LETTER_DIGIT.fullmatch(w) and split[n - 1] in _OWNER_ENDS:
                continue  # ``Irr Trust V2``: markers ``(1)(2)`` read as a capital and a digit
            words.append(w)
            continue
        if (
            n == last
            and n
            and depth == 0
            and not opened
            and _CAPS_MARKER.fullmatch(w)
            and (split[n - 1].lower() in _SECURITY_NOUNS or split[n - 1] in _OWNER_ENDS)
        ):
            # ``Class B Common Stock MO)``: a marker torn to capitals after the noun a title
            # ends on (``By LP)`` keeps its ``LP``: a name's capitals, the marker's ``)``)
            continue
        if not _HAS_WORD.search(w) or _TORN_MARKER.fullmatch(w):
            continue
        number_torn = bool(n == last and n and w[0].isdigit() and split[n - 1].isalpha())
        if _MARKER_DEBRIS.fullmatch(w):
            if not number_torn:
                continue
            # ``member 1°)``: the cell's number and a torn marker, or a marker torn whole; kept
            # for :func:`_clean_text` to leave the cell empty, unsure (its ``)`` off: no
            # bracket of the cell's, and a wrapped line's cut keeps brackets closed)
            w = w.rstrip(")")
        if (
            n == last
            and n
            and depth == 0
            and not opened
            and split[n - 1] in _OWNER_ENDS
            and _TORN_TO_LETTERS.fullmatch(w)
            and w[:-1] not in (w[:-1].capitalize(), w[:-1].upper(), w[:-1].lower())
        ):
            continue  # ``Rev. Trust OCoay)``: markers torn to letters of no word's casing
        if n and ")" in w and _SYMBOLS_TORN.fullmatch(w) and not number_torn:
            continue  # ``By Spouse @)2%``: markers torn to symbols and a digit
        if n == last and depth == 0 and _CLOSED_FIRST.fullmatch(w):
            continue  # ``By Spouse )E)A``: no word opens on a closing bracket; markers torn
        if n and depth == 0 and not opened and _LETTERED_DIGITS.fullmatch(w):
            continue  # ``footnotes (8(LO)``: markers ``(8)(10)``, their 1 and 0 read as letters
        if n and _SYMBOL_SPECK.fullmatch(w):
            continue  # ``Stock Option | ¢g@)``: a marker read as a symbol and a small letter
        if (
            n == last
            and _QUOTE_AND_LETTER.fullmatch(w)
            and split[n - 1].lower().strip(",") in _SECURITY_NOUNS
        ):
            continue  # ``Common Stock ‘Y``: a marker torn to a quote and a letter after a noun
        if len(w) <= 4 and _SPECK_AMID.fullmatch(w):
            continue  # ``q@y By immediate family``: specks read as a symbol amid small letters
        if not w.isascii() and w[-1] == ")" and (symbols := _SYMBOL_TAIL.search(w)):
            w = w[: symbols.start()]  # ``By Spouse®(@))2%)``: markers torn to symbols
        if depth == 0 and not opened:
            w = _QUOTED_MARKER.sub("", w)  # ``Stock(‘V``: a marker torn to a quote and a letter
        par = _TORN_PAR.fullmatch(w) if depth == 0 and not opened else None
        if par:  # ``$0.001)``: a par value, a torn marker after it
            words.append(par[1])
            continue
        if depth == 0 and not opened and (w[-1] == ")" or w[-1] in _SCAN_SYMBOLS):
            w = _GLUED_TORN.sub("", w)
        if "\\" in w[2:]:
            w = w[: w.index("\\")]  # ``Footnotes\V)2)``: no word holds a ``\``; a torn marker
        if depth == 0 and not opened and "(" not in w:
            w = _LETTERED_MARKER.sub("", w)
        if len(w) > 2 and w[-1] == "(" and w[-2].isalpha():
            w = w[:-1]  # ``footnotes(``: a torn marker's bracket; no word ends on an opening one
        if len(w) > 2 and w[-1] in "’'" and w[-2].isalpha() and w[-2] not in "sS":
            w = w[:-1]  # ``Common’``: an apostrophe ends a word only after the s of a plural
        tail = _JUNK_TAIL.search(w) if w[-1] in _JUNK_ENDS or w.endswith(").") else None
        if tail and '"' in tail[0] and text.count('"') % 2 == 0:
            tail = None  # a quote the cell opened, closed: words of it (``"Unitrust"``)
        depth += (w[: tail.start()] if tail else w).count("(")
        if tail:
            if tail.start() == 1 and w[0].islower():
                continue  # ``e5))``: a torn marker whose bracket was read as a small letter
            if (
                n
                and tail.start() <= 2
                and depth == 0
                and not opened
                and tail[0].startswith(")")
                and w[: tail.start()].isalpha()
                and w[: tail.start()].islower()
            ):
                # ``Non-Qualifed go) Stock Option``: small letters closing a bracket nothing
                # opened, after a cell's first word: a marker torn to letters (``(3)``)
                continue
            closes = (depth > 0 or opened) and ")" in tail[0] and not tail[0].startswith("(")
            w = w[: tail.start()] + (")" if closes else "")
            if not closes and depth == 0 and not opened and "(" not in w:
                w = _LETTERED_MARKER.sub("", w)  # ``Common'Y@)``: the marker's rest before it
        depth = max(depth - w.count(")"), 0)
        words.append(_JUNK_HEAD.sub("", w))
    return " ".join(words)


def _ruled_marker_letter(tokens: list[Token]) -> None:
    """``05/12/2023 |G)  Common``: in a scan's Table II row, a capital with a closing bracket
    right after a box rule that closes a date, with no amount anywhere before the underlying
    title, is the window's marker cell torn (``(3)``, its digit read as a letter), not a
    transaction code: a transaction reports the number of securities it moved, and a code's
    cell never opens on the rule after a date. Read as debris, with a note."""
    for i in range(1, len(tokens)):
        t, before = tokens[i], tokens[i - 1]
        if t.kind != LETTER or before.kind != DATE or not _RULED_LETTER.fullmatch(t.text):
            continue
        if not any("ignored OCR debris '|" in n for n in t.notes):
            continue  # (the rule was read: the bracket after the letter alone says nothing)
        if i + 1 >= len(tokens) or tokens[i + 1].kind != TEXT:
            continue  # the underlying title right after it: no amount between
        if any(u.kind == NUM and not u.dollar for u in tokens[:i]):
            continue  # an amount before it: the row may report a transaction
        if any(u.kind == LETTER for u in tokens[:i]):
            continue
        t.notes.append(
            f"{t.text!r} after a box rule closing a date, in a row with no amount: read as a"
            " torn footnote marker cell, not a transaction code"
        )
        t.kind, t.value = FRAG, None
        return


_RULED_LETTER = re.compile(r"[A-Z]\)")


def _code_five(tokens: list[Token]) -> None:
    """A scan's ``5`` between a transaction date and an amount, in a row with no code letter,
    is the code ``S``: on the form only the code (and V) column lies between them, and no
    number can stand there (``04/13/2022   5   100   $2,556.73``: sold 100, not 5). So is a
    word of one letter, up to three times and in small print (``x``, ``xX``, ``XxX``), whose
    small form looks like its capital: the code ``X``, ``S``. Another lone digit there is a code
    garbled past reading, never the amount (it is left out, its column unsure). Only a letter
    before the amount is a code read: the ownership form after it (``D``, ``I``) is a code's
    letter too, but stands in its own column."""
    amount = next(
        (j for j, u in enumerate(tokens) if u.kind == NUM and (u.dollar or len(u.text) > 1)),
        len(tokens),
    )
    if any(u.kind == LETTER and u.text in CODES for u in tokens[:amount]):
        return
    for i in range(1, len(tokens) - 1):
        t, before, after = tokens[i], tokens[i - 1], tokens[i + 1]
        if before.kind != DATE or after.kind != NUM or after.dollar:
            continue
        if t.kind == NUM and t.text == "5":
            t.kind, t.value, t.text = LETTER, "S", "S"
            # likely, not certain (a scan may also drop the code and the price's $): a doubt
            t.notes.append("'5' between the date and the amount taken for code S (OCR); unsure")
            return
        if t.kind == NUM and len(t.text) == 1 and not t.marks:
            # another lone digit there (``04/13/2022   3   804   $2,586.40``): the code's
            # letter garbled, which letter unsure: no amount (read as one, the row's amount
            # fitted no column); left out like any garbled code
            t.kind, t.value = TEXT, None
            return
        letter = _code_in_small_print(t.text, 3) if t.kind == TEXT else None
        if letter is not None:
            said = t.text
            t.kind, t.value, t.text = LETTER, letter, letter
            t.notes.append(
                f"{said!r} between the date and the amount taken for code {letter} (OCR); unsure"
            )
            return


def _code_in_small_print(text: str, most: int) -> str | None:
    """The code letter a scan's word of one letter stands for, read up to ``most`` times with
    a small form among them (``x``, ``xX``, ``XxX``, ``Ss``), where the small form looks like
    the capital (:data:`_SMALL_LIKE_CAPITAL`); None for any other word."""
    letter = text[:1].upper()
    if (
        0 < len(text) <= most
        and letter in _SMALL_LIKE_CAPITAL
        and text.upper() == letter * len(text)
        and not text.isupper()
    ):
        return letter
    return None


_UNGROUPED = re.compile(r"\d{4,}")


def _year_words(tokens: list[Token]) -> None:
    """In a scan's line of words, an integer of four digits or more printed without thousands
    separators is a word of a wrapped name (``SMB Pacific`` / ``2021 Charitable``), not an
    amount: the form prints amounts grouped (``2,021``), and a scan's lines keep no column
    grid to tell the nature's words by where they stand."""
    values = [t for t in tokens if t.kind in (NUM, DATE)]
    if (
        values
        and any(t.kind == TEXT for t in tokens)
        and all(t.kind == NUM and not t.dollar and _UNGROUPED.fullmatch(t.text) for t in values)
    ):
        for t in values:
            t.kind, t.value = TEXT, None


_GARBLED_NUMBER = re.compile(r"\$?\d{1,3}(?:[^\w\s]\d{3})+(?:\.\d+)?[^\w\s]?", re.ASCII)
"""A scan's amount whose separators came out as other marks (``21°169;379``): digits in groups
of three, as the form prints amounts, but not readable as a number."""


def _garbled_values(tokens: list[Token]) -> None:
    """A scanned line with words at the margin and, in a cell of its own, an amount whose
    separators the scan garbled (``Class C Capital    21°169;379``) is a row whose value could
    not be read, not a wrapped line of the row above: the token becomes an unreadable number
    (its field is left empty with a note) so the line opens a row of its own."""
    for t in tokens[1:]:
        if t.kind in (TEXT, FRAG) and t.cell > 0 and _GARBLED_NUMBER.fullmatch(t.text):
            t.kind, t.value, t.malformed = NUM, None, True


def _has_value(tokens: list[Token]) -> bool:
    """A number or a date among the tokens (a loop: asked of every table line)."""
    for t in tokens:  # noqa: SIM110 -- a loop, not any(): no generator to set up
        if t.kind == NUM or t.kind == DATE:
            return True
    return False


def _pushed_code(prev: Draft, tokens: list[Token]) -> bool:
    """A row of cells holding nothing but a transaction code's letter (and footnote markers),
    in a cell right of the title's, under a row with a date and no code: the row's code,
    pushed onto a row of its own by its raised marker (markdown's ``|  |  |  | X(3) |  | (3) |``
    under ``| Class A Common | 07/25/2025 |  |  | 697,674 A | ...``), not a word of a wrapped
    cell. It is read as a row for :func:`_lacks_code` and :func:`_pushed_down` to merge."""
    if prev.values.get("transaction_date") is None or prev.values.get("code") is not None:
        return False
    letters = [t for t in tokens if t.kind != MARKER]
    return (
        len(letters) == 1
        and letters[0].kind == LETTER
        and letters[0].value in CODES
        and letters[0].cell > 0
    )


def _title_goes_on(prev: Draft, tokens: list[Token]) -> bool:
    """The row above left its title unfinished (``Common Stock,``: a title ends in no comma),
    and this plain line has words and at most one number, no date, code or letter: the
    title's wrapped rest (``par value $0.001``), not a row of its own."""
    title = prev.values.get("security_title")
    if not isinstance(title, str) or not title.endswith(",") or "security_title" in prev.closed:
        return False
    if tokens[0].kind != TEXT or sum(1 for t in tokens if t.kind == NUM) > 1:
        return False
    return all(t.kind in (TEXT, NUM) and not t.marks for t in tokens)


def _states_ownership(row: Row, tokens: list[Token]) -> bool:
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


def _add_refs(draft: Draft, f: str, refs: Iterable[str]) -> None:
    """Footnote ids added to field ``f``'s, each once, in order (no entry where none)."""
    for ref in refs:
        ids = draft.footnotes.setdefault(f, [])
        if ref not in ids:
            ids.append(ref)


def _mark_ids(marks: Iterable[str]) -> list[str]:
    """Footnote markers as the ids a filing's notes carry (``1`` -> ``F1``)."""
    return [f"F{int(mark)}" for mark in marks]


def _take_pushed(prev: Draft, f: str, value: object, tok: Token, note: str) -> None:
    """A value a converter pushed out of row ``prev`` onto a line of its own, taken back: its
    markers with it, the row's automatic doubt on the field dropped, ``note`` said instead."""
    prev.values[f] = value
    _add_refs(prev, f, _mark_ids(tok.marks))
    prev.notes[:] = [(g, m) for g, m in prev.notes if not (g == f and m in _AUTO_DOUBTS)]
    prev.notes.append((f, note))


def _form_pushed_below(prev: Draft, tokens: list[Token]) -> bool:
    """``D(10)`` alone on the line after markdown's rule, under a row of cells with no
    ownership form (``| Common Shares, no | ... | 12,297 | | | |``): the form and its raised
    marker, pushed out of the row by the rule the converter put after it. The row's form, read
    with a note; a letter with a marker and nothing else is no word of a title."""
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
                f"{t.text!r} with a marker alone on the line after the rule: the row's form"
                " pushed out of it, its balance unread? left out",
            )
        )
        return True
    _take_pushed(
        prev,
        "ownership",
        t.value,
        t,
        f"read {t.value!r} from the line after the rule, pushed out of the row; unsure",
    )
    return True


def _form_xs(draft: Draft, tokens: list[Token]) -> set[int]:
    """Where a layout row read its ownership form: the last lone ``D`` or ``I`` it holds."""
    form = draft.values.get("ownership")
    if form not in ("D", "I"):
        return set()
    for t in reversed(tokens):
        if t.kind == LETTER and t.value == form:
            return {t.x}
    return set()


def _form_under_column(
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


def _caption_next(rows: list[Row], k: int) -> bool:
    """The next line with words after ``rows[k]`` is a line of column captions: a scan's line
    of values with no title and no date between two caption lines is torn captions
    (``Code`` / ``(Instr. 3, 4 and 5)`` / ``(Instr. 4)`` read ``C   5   4)``), never a row: the
    form prints no row above its captions."""
    nxt = next((r for r in rows[k + 1 :] if r.text.strip()), None)
    return nxt is not None and is_header_row(nxt.text)


def _plain_next(rows: list[Row], k: int) -> bool:
    """The line after ``rows[k]`` is a plain run of text, or a row of cells holding only words
    (a wrapped title's next line), not another table row."""
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
    _par_value_words(tokens, nxt, _row_above(rows, k + 1))
    return bool(tokens) and not _has_value(tokens) or _wrapped_cells(tokens)


def _values_next(rows: list[Row], k: int) -> bool:
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
        and _has_value(tokens)
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


def _title_next(rows: list[Row], k: int, prev: Draft) -> bool:
    """The line after markdown's rule ``rows[k]`` is a row of cells with a title and, besides
    it, only numbers and markers (no date, no code), under a row with a date or code and no
    title: the two halves of one row the rule cut (:func:`_title_below`)."""
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
_PAR_CELL_END = re.compile(r"\bpar\s+value[\s|]*$", re.IGNORECASE)
"""A title's cell ending on ``par value``, its amount not yet printed."""
_CUT_PAR = re.compile(r"^\$\d+$")
"""A par value's sign and units, its decimals cut off by a cell's border (``$0|.001``)."""
_TORN_PAR = re.compile(r"(\$\d*\.\d+)[)\]}|°®©™’\"]{1,3}")
"""A par value with a scan's torn footnote marker after it (``$0.001)``)."""


def _row_above(rows: list[Row], k: int) -> Row | None:
    """The row above ``rows[k]``, past one markdown rule."""
    if k and rows[k - 1].shape == SEP:
        k -= 1
    return rows[k - 1] if k else None


_NO_PAR_END = re.compile(r"\bno\s+par\s+value\W*$", re.I)


def _par_value_words(tokens: list[Token], row: Row, above: Row | None) -> None:
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
            and not (not t.dollar and _GROUPED_NUMBER.fullmatch(t.text))  # (a balance)
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
        and (not tokens[0].malformed or _TORN_PAR.fullmatch(tokens[0].text))
        and "par" in above.text
        and (
            _PAR_CUT.search(above.text)
            # ``Common Stock, par value | 10/02/2015 ...`` (no price) over ``$0.001`` at the
            # margin, the title's column: no price stands there
            or (
                row.xs[0] < 4
                and above.shape == SPACE
                and _PAR_CELL_END.search(above.cells[0].split("|")[0])
            )
        )
    ):
        # ``Common Stock, par value 10/02/2015 S 300 D $647.56 7,064 D`` / ``$0.001(1)``: the
        # row above has its price; the lone amount is its title's par value, wrapped (a scan's
        # torn marker after it, ``$0.001)``, is no part of it)
        # (:func:`_clean_words` drops it from the title, with a note)
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
        return
    if row.shape not in TABLED:
        return
    cells = above.cells if above.shape == row.shape else ()
    for t in tokens:
        if (
            t.kind == NUM
            and t.cell < len(cells)
            and _wants_par(cells[t.cell].strip())
            and sum(1 for u in tokens if u.cell == t.cell) == 1
        ):
            t.kind, t.value = TEXT, None


def _wants_par(text: str) -> bool:
    """A title's cell ending in ``value`` that still wants its amount: ``par value``, not
    ``no par value`` (an amount under that is another cell's: a price pushed below)."""
    return _ends_in_value(text) and _NO_PAR.search(text) is None


def _wrapped_cells(tokens: list[Token], nature_at: int | None = None) -> bool:
    """A row of cells that is the wrapped rest of the row above (``| Common | Common | 2021 |``
    under ``| Class B | ... | SMB Pacific |``): a word in the first cell, no letter standing
    for a code or an ownership form, and numbers only as the form never prints an amount: an
    integer of four digits or more without thousands separators, alone in its cell, or one of
    a digit or two alone in the cell of the nature the row above left open (``nature_at``:
    ``| Stock | ... | Stock | ... | 2 |`` under ``... | family member |``, the table's last
    column, where no value stands)."""
    if not tokens or tokens[0].kind != TEXT or tokens[0].cell != 0:
        return False
    seen = False
    for t in tokens:
        if t.kind == NUM:
            if t.cell == nature_at and t.text.isdigit() and len(t.text) <= 2:
                pass  # (``member`` / ``2``)
            elif t.dollar or not _UNGROUPED.fullmatch(t.text):
                return False
            if sum(1 for u in tokens if u.cell == t.cell) > 1:
                return False
            seen = True
        elif t.kind not in (TEXT, MARKER):
            return False
    return seen


_DOLLAR_FIELDS = ("price", "exercise_price")


_ROW_OPENERS = ("security_title", "transaction_date", "deemed_execution_date", "code")
_AUTO_DOUBTS = (
    "no amount owned following",
    "no ownership form (D or I)",
    "transaction date without a transaction code",
)


def _pushed_down(prev: Draft, draft: Draft, opens: tuple[str, ...] = _ROW_OPENERS) -> bool:
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
    draft.notes[:] = [(f, m) for f, m in draft.notes if f not in back or _SET_ASIDE not in m]
    for f in filled:
        prev.values[f] = draft.values[f]
        prev.where[f] = draft.where.get(f, 0)
    # and the raised marker that pushed the line (``(1)`` under the title) is its cell's
    marked = [f for f in draft.footnotes if f not in filled and prev.values.get(f) is not None]
    for f in [*filled, *marked]:
        _add_refs(prev, f, draft.footnotes.get(f, []))
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
        and not (m == _NO_SIDE and prev.values.get("shares") is not None)
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


def _rest_below(prev: Draft, draft: Draft) -> bool:
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
        _add_refs(prev, f, draft.footnotes.get(f, []))
    if others or back:
        said = ", ".join([*others, *back])
        prev.notes.append((None, f"read {said} from line {draft.line}, pushed under the row"))
    prev.notes[:] = [
        (f, m) for f, m in prev.notes if not (f in others and m.startswith(_AUTO_OR_NO_AMOUNT))
    ]
    return True


def _title_below(prev: Draft, draft: Draft) -> bool:
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
        _add_refs(prev, f, draft.footnotes.get(f, []))
    prev.notes.append(
        (
            "security_title",
            f"read {', '.join(['security_title', *back])} from line {draft.line}, below a rule"
            " the converter put inside the row (the row above has no title, that line nothing"
            " else the row holds); unsure",
        )
    )
    return True


_SET_ASIDE = "of a row with no date or code; left empty"
_NO_AMOUNT = "transaction without an amount"
_NO_SIDE = "no amount, so no (A) or (D) read"
_AUTO_OR_NO_AMOUNT = (*_AUTO_DOUBTS, _NO_AMOUNT, _NO_SIDE)


def _scan_pushed_down(prev: Draft, draft: Draft) -> bool:
    """A scan's line under a row with a date and no code, holding that code and cells beside it
    the row left empty (its price), and at the margin only the scan's speckles (``y,``, no
    three letters in a row), no date: ``Ordinary Shares   12/13/2022   (2)   74,907   (4)
    153,020`` / ``y,   S   $151.814``: the row's raised markers (``(2)``, ``(4)``, left in the
    cells) pushed its code and price a line down. Merged as in layout text
    (:func:`_pushed_down`, with its note), the speckles said; else the line is read as before.
    A scan's lost title alone is not enough (a holding row looks the same): the line must give
    the row its missing code."""
    title = draft.values.get("security_title")
    if title is None and "security_title" not in draft.blurred:
        # ``S   $152.655`` alone: the scan kept no speckle at the margin
        return _pushed_down(prev, draft, _ROW_OPENERS[:3])
    if (
        not isinstance(title, str)
        or _THREE_LETTERS.search(title)
        or "security_title" in draft.blurred
    ):
        return False
    draft.values["security_title"] = None
    if _pushed_down(prev, draft, _ROW_OPENERS[:3]):
        prev.notes.append((None, f"{title!r} before them on line {draft.line}: scan debris"))
        return True
    draft.values["security_title"] = title
    return False


def _scan_code_below(prev: Draft, draft: Draft) -> bool:
    """``Ss   $150.841`` under a scan's row with a date and no code: a word of one letter,
    once or twice in small print, whose small form looks like its capital, at the margin of a
    line with no date: the row's code and price pushed down by their raised markers, as
    :func:`_scan_pushed_down`, the code read as between a date and an amount
    (:func:`_code_five`): likely, not certain, so with a doubt."""
    said = draft.values.get("security_title")
    if (
        not isinstance(said, str)
        or "security_title" in draft.blurred
        or draft.values.get("code") is not None
        or prev.values.get("transaction_date") is None
        or prev.values.get("code") is not None
    ):
        return False
    letter = _code_in_small_print(said, 2)
    if letter is None:
        return False
    draft.values["security_title"], draft.values["code"] = None, letter
    if _pushed_down(prev, draft, _ROW_OPENERS[:3]):
        prev.notes.append(
            ("code", f"{said!r} at the margin of line {draft.line} taken for code {letter} (OCR);"
             " unsure")
        )  # fmt: skip
        return True
    draft.values["security_title"], draft.values["code"] = said, None
    return False


def _lacks_code(prev: Draft, draft: Draft) -> bool:
    """A row with a date but no code, and under it a line with a code but no title or date: a
    transaction's code and the cells beside it pushed onto a line of their own, as a raised
    footnote marker does (markdown's ``|  |  |  | S(1) |  |  | $96.6953(4) |``; layout text's
    ``Class C Capital Stock 05/04/2022`` / ``(1)   S   1,800   D ...``). Neither line is a row:
    one with a date and no code states no transaction, one with a code and no title or date
    opens none. (:func:`_pushed_down` still asks that they fill only cells the row above left
    empty.)"""
    return (
        prev.values.get("transaction_date") is not None
        and prev.values.get("code") is None
        and draft.values.get("code") is not None
    )


def _orphan_amount(prev: Draft, row: Row, tokens: list[Token], fields: tuple[str, ...]) -> bool:
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
    _add_refs(prev, f, _mark_ids(tok.marks))
    prev.notes.append(
        (f, f"{f} taken from {tok.text!r} alone on line {row.line}, under the row's empty cell")
    )
    return True


def _lone_dollar(tokens: list[Token]) -> bool:
    return (
        len(tokens) == 1
        and tokens[0].kind == NUM
        and tokens[0].dollar
        and (tokens[0].value is not None or _TORN_PAR.fullmatch(tokens[0].text) is not None)
    )


def _price_or_par_below(
    prev: Draft, rows: list[Row], k: int, tokens: list[Token], fields: tuple[str, ...]
) -> bool:
    """Two dollar amounts alone on the plain lines under a row of cells whose title ends in
    ``par value`` and whose one dollar cell is empty (markdown: ``| Common Stock, par value |
    10/02/2015 | | S | 258 D | | 7,764 | | D |`` / ``$643.0848(9)`` / ``$0.001(1)``): one is the
    price, pushed out of the row by its raised marker, the other the par value the title
    wraps to. Which is which, the text does not say (a par value can be $5, a price
    $0.001), so both cells are left empty with a doubt and both lines are taken; read one
    at a time, the first went into the title and the second opened a phantom row. One
    amount alone there stays the title's par value (:func:`_par_value_words`)."""
    if prev.plain or not _lone_dollar(tokens) or k + 1 >= len(rows):
        return False
    title = prev.values.get("security_title")
    if (
        not isinstance(title, str)
        or _PAR_CELL_END.search(title) is None
        or _NO_PAR.search(title) is not None
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


_NO_PAR = re.compile(r"\bno\s+par\s+value[\s|]*$", re.IGNORECASE)


def _orphan_code(prev: Draft, row: Row, tokens: list[Token]) -> bool:
    """A transaction code's letter with its footnote marker alone on a plain line right under
    a row (of cells, or a plain run of words) that has a date and no code (markdown pushes a
    cell with a footnote marker out of its table: ``| Class A Common | 03/17/2025 |  |  |
    52,777 D | ...`` / ``S(1)`` / ``Stock``) is that row's code, read so with a note; it is no
    word of the title, which a marker would end (the ``Stock`` below it is the title's). True
    if it was read so."""
    if row.shape != PLAIN or len(tokens) != 1:
        return False
    tok = tokens[0]
    if tok.kind != LETTER or tok.value not in CODES or not tok.marks:
        return False
    title = prev.values.get("security_title")
    if prev.plain and (not isinstance(title, str) or _CLASS_WORD.search(title)):
        # under a plain run of words too (markdown printed the row's cells as words, the
        # code's cell with its marker apart: ``Ordinary Shares 12/09/2025 36,000,000 A ...``
        # / ``M(1)``), but for a title that may go on with a class's letter (``Series`` /
        # ``A(1)``)
        return False
    if prev.values.get("transaction_date") is None or prev.values.get("code") is not None:
        return False
    _take_pushed(
        prev,
        "code",
        tok.value,
        tok,
        f"code taken from {tok.text!r} alone on line {row.line}, under the row's empty cell",
    )
    return True


def _caption_debris(values: dict[str, object]) -> bool:
    """A line under the captions holding no date, code, amount or ownership form, only a digit
    (``aor [ome |*  9``: OCR of ``(A) or (D)  Price`` and an ``(Instr. 4)`` superscript).
    A row states a transaction (date, code) or a holding (its balance and ownership form); an
    amount counts as one only beside a title (`` I) 9     9``: the ``(I)`` and ``4)`` of the
    captions, torn, read as a code, an amount and a balance)."""
    if any(values.get(f) is not None for f in ("transaction_date", "ownership")):
        return False
    if values.get("shares") is not None and values.get("security_title"):
        return False
    if values.get("code") is not None:
        # ``S   3   4)`` / `` or)``: a letter where the code stands, but no date, no amount and
        # no title a row opens with (a capital): the captions' ``Security`` and ``(Instr. 3``,
        # ``4)`` torn
        title = values.get("security_title")
        if isinstance(title, str) and title[:1].isupper():
            return False
    numbers = [v for v in values.values() if isinstance(v, Decimal)]
    title = values.get("security_title")
    # ``jor [pace _|*   3S``: ``(A) or (D)  Price`` and a superscript ``3`` torn, its words
    # small-lettered (a title opens with a capital) and a number of two digits at most
    small = 100 if isinstance(title, str) and title[:1].islower() else 10
    return bool(numbers) and all(v == v.to_integral_value() and 0 <= v < small for v in numbers)


_LONE_DATES = frozenset(
    {"date_exercisable", "expiration_date", "transaction_date", "deemed_execution_date"}
)
"""Dates a line of words may hold and still report no transaction (no code) or holding."""


def _hollow(d: Draft) -> bool:
    """A plain line of words whose only value read, if any, is a date (its values left empty
    with doubts, or a date alone: a deemed or window date pushed down): no code, no amount, no
    balance, no ownership form, no underlying amount. A row of the form reports a transaction or a
    holding; this reports neither, so it is pieces of a row above pushed onto lines of their
    own, under a plain row (markitdown: ``Stock $0.41
    05/11/2023 A 143,848 (4) Common ...`` / ``05/11/2033`` / ``Option Stock`` / ``(Right to``
    / ``Buy)``), not a row of its own."""
    filled = [f for f, x in d.values.items() if x is not None and f != "voluntary"]
    return d.plain and all(f in _LONE_DATES or f in TEXT_FIELDS for f in filled)


def _hollow_below(host: Draft, d: Draft) -> None:
    """``d`` (:func:`_hollow`) read as no row: its words may be the rest of the row above's
    text cells, so those still open (no marker closed them) are left empty with a doubt, and
    its date is said in a note, not given to the row."""
    said = ", ".join(f"{k}={x}" for k, x in d.values.items() if x is not None and k != "voluntary")
    host.notes.append(
        (None, f"line {d.line} ({said}) holds words and at most a date, no"
               " transaction or holding: not read as a row")
    )  # fmt: skip
    if not host.plain:
        return
    for f in TEXT_FIELDS:
        if host.values.get(f) and f not in host.closed:
            host.values[f] = None
            host.blurred.add(f)
            host.notes.append(
                (f, f"the words of line {d.line} below may be the rest of it: left empty")
            )


_ROW_VALUES = frozenset(TEXT_FIELDS) | {"voluntary", "ownership", "nature_of_ownership"}


def _holds_a_value(values: dict[str, object]) -> bool:
    """A date, code, amount, price or balance read: what a row reports beyond its words."""
    return any(x is not None for f, x in values.items() if f not in _ROW_VALUES)


def _note_left_out(host: Draft | None, message: str, orphans: list[str] | None) -> None:
    """Say on ``host`` (the row nearest above) that a line was left out; with no row to carry
    it, the table's own note (``orphans``)."""
    if host is not None:
        host.notes.append((None, message))
    elif orphans is not None:
        orphans.append(message)


def _real_rows(drafts: list[Draft], orphans: list[str] | None = None) -> list[Draft]:
    """A filed row names its security and either reports a transaction or a balance. Values
    with no title and no transaction (a stray page number, an address line below the tables)
    are not a row: they are left out, and a neighbouring row carries a note that says so."""
    kept: list[Draft] = []
    lost: list[Draft] = []
    debris: list[Draft] = []
    for d in drafts:
        v = d.values
        if d.after_caption and (d.torn_caption or _caption_debris(v)):
            debris.append(d)
            continue
        titled = v.get("security_title") or "security_title" in d.blurred
        if titled and kept and kept[-1].plain and _hollow(d):
            _hollow_below(kept[-1], d)
            continue
        # (after the hollow line's words are weighed against the plain row above)
        if titled and not v.get("security_title") and not _holds_a_value(v):
            # a scan's row whose title and every value were left empty with doubts: nothing
            # of it can be read, so it is no row; its doubts go with the note
            said = "; ".join(m for _, m in d.notes[:2])
            message = f"line {d.line}: title and values all unread ({said}); not read as a row"
            _note_left_out(kept[-1] if kept else None, message, orphans)
            continue
        if _lone_noun_row(d):
            _lone_noun_below(kept[-1] if kept else None, d, orphans)
            continue
        if (
            titled
            and v.get("shares_owned_following") is None  # (most rows: a balance or a date)
            and v.get("transaction_date") is None
            and not v.get("ownership")
            and _specks_for_a_title(v.get("security_title"))
            and not _holds_a_value(v)
        ):
            # ``Sli |S eT NTI ce eS] ee eee a00``: a scan's specks where the table has no row
            # (a garbled caption line), a title of no words and not a value read beside it
            title = v.get("security_title")
            message = f"line {d.line}: {title!r} and no value read; specks, not read as a row"
            _note_left_out(kept[-1] if kept else None, message, orphans)
            continue
        if (
            titled
            and kept
            and kept[-1].line < d.line <= kept[-1].line + 2
            and not _holds_a_value(v)
            and not v.get("ownership")
            and _title_unfinished(kept[-1].values.get("security_title"))
        ):
            _words_below_an_unfinished_title(kept[-1], d, orphans)
            continue
        if titled or v.get("transaction_date") or v.get("code"):
            kept.append(d)
        else:
            lost.append(d)
    for d in lost:
        host = next((k for k in reversed(kept) if k.line < d.line), kept[0] if kept else None)
        shown = ", ".join(f"{k}={v}" for k, v in d.values.items() if v is not None)
        message = f"line {d.line} ({shown}) has no security title; not read as a row"
        _note_left_out(host, message, orphans)
        if host is not None and host.line < d.line <= host.line + 3:
            _lone_number_below_a_nature(host, d)
            _unfinished_above_a_lost_line(host, d)
    for d in debris:
        if kept:
            shown = ", ".join(f"{k}={v}" for k, v in d.values.items() if v is not None)
            kept[0].notes.append(
                (None, f"line {d.line} ({shown}) read as OCR debris of the column captions")
            )
    return kept


_TITLE_SMALL_WORDS = frozenset({"of", "to", "per", "par", "no", "and", "or", "in", "on", "a", "an"})


def _specks_for_a_title(title: object) -> bool:
    """A title half or more of whose words are small letters no title writes (``eT``, ``ce``,
    ``eee``): two or three letters, not a capitalised word, an acronym or a title's small word
    (``of``, ``par``, ``no``): what a scan reads of specks."""
    if not isinstance(title, str):
        return False
    words = [w for w in title.split() if w.isalpha()]
    specks = [
        w
        for w in words
        if len(w) <= 3
        and not w.isupper()
        and not (w[0].isupper() and w[1:].islower() and len(w) == 3)
        and w.lower() not in _TITLE_SMALL_WORDS
    ]
    return len(words) >= 3 and 2 * len(specks) >= len(words)


_OWNER_WORDS_ALONE = frozenset(
    {"trust", "unitrust", "llc", "lp", "l.p", "inc", "ltd", "partnership", "company", "foundation"}
)


def _lone_noun_row(d: Draft) -> bool:
    """A line read as a row whose title is a security's noun alone (``Stock 22)  14``) or opens
    on a small letter (``member 19890)``), or is a word that ends an owner's name (``Unitrust
    109``, whatever number beside it): no security is titled ``Stock`` or ``Shares`` alone,
    no title opens so, and a row with no date, code, amount or price reports nothing: the rest
    of a cell above, with a scan's debris."""
    title = d.values.get("security_title")
    if not isinstance(title, str):
        return False
    if title.casefold().rstrip(".") in _OWNER_WORDS_ALONE and not any(
        d.values.get(f) for f in ("transaction_date", "code", "shares", "price", "ownership")
    ):
        # ``Unitrust 109`` under ``... I SMB Pacific 2021`` / ``Charitable Remainder``: a word
        # that ends an owner's name titles no security; the nature's rest, and its number
        # (``II``, a marker) garbled, not a holding of 109
        return True
    return (title.casefold() in ("stock", "shares", "share") or title[:1].islower()) and not any(
        d.values.get(f)
        for f in ("transaction_date", "code", "shares", "price", "shares_owned_following")
    )


def _lone_noun_below(host: Draft | None, d: Draft, orphans: list[str] | None) -> None:
    """:func:`_lone_noun_row` below ``host``: no row; the title cells of ``host`` it may end (not
    ending on a noun) and an open nature of ownership (its other words and numbers may be the
    nature's rest: ``member`` / ``22)``) are left empty with a doubt."""
    said = ", ".join(f"{k}={v}" for k, v in d.values.items() if v is not None)
    _note_left_out(host, f"line {d.line} ({said}): the rest of a cell above, no row", orphans)
    if host is None:
        return
    u = host.undecided
    if (
        u is not None
        and "nature_of_ownership" in u.cells
        and "nature_of_ownership" not in host.closed
    ):
        # the nature's wrapped lines not yet cut: the line below may end it too, so no cut of
        # them is read (the cells stay empty with their doubt)
        host.undecided = None
        host.notes.append(
            (
                "nature_of_ownership",
                f"line {d.line} below ({said}) may end it, or be a row's the scan lost: left empty",
            )
        )
    for f in ("security_title", "underlying_title", "nature_of_ownership"):
        text = host.values.get(f)
        if not isinstance(text, str) or not text or f in host.closed:
            continue
        if f == "nature_of_ownership" or _title_unfinished(text):  # (``Common Stock,`` too)
            host.leave_empty(
                f,
                f"line {d.line} below ({said}) may end it, or be a row's the scan lost: left empty",
            )


def _lone_number_below_a_nature(host: Draft, d: Draft) -> None:
    """A line below a row holding one small whole number and nothing else (``2(9)`` under ``...
    I By immediate family member``): no row, but the rest of the row's nature of ownership, if
    that nature is open (no footnote marker closed it on its line), as well as a stray value:
    which, the text does not say, so the nature is left empty with a doubt (it had been read
    without its number, ``By immediate family member``, a nature nobody filed)."""
    values = [v for v in d.values.values() if v is not None]
    nature = host.values.get("nature_of_ownership")
    if (
        len(values) != 1
        or not isinstance(values[0], Decimal)
        or values[0] != values[0].to_integral_value()
        or not 0 <= values[0] < 1000
        or not nature
        or "nature_of_ownership" in host.closed
    ):
        return
    host.leave_empty(
        "nature_of_ownership",
        f"line {d.line} below holds a number alone ({values[0]}): the rest of the nature"
        f" {nature!r}, or a value of no row; left empty",
    )


# Every word of the form's column captions (Forms 3, 4 and 5), to tell a caption line that
# wrapped past the caption keywords from the first row's title sitting above its values.
_CAPTION_TEXT = """
    title of security instr transaction date month day year deemed execution if any code v
    securities acquired a or disposed d amount price beneficially owned following reported
    transactions ownership form direct indirect i nature beneficial derivative conversion
    exercise number exercisable expiration and underlying shares trans action conver sion
    owner ship at end issuer issuers s fiscal in the see instruction per share for"""
_CAPTION_WORDS = frozenset(_CAPTION_TEXT.split())
_WORD_PARTS = re.compile(r"[a-z]+")


_THREE_LETTERS = re.compile(r"[^\W\d_]{3}")


def _speckles(words: list[str]) -> bool:
    """Words most of which are vowels alone (``Foe eee ee``, ``ee ee ee De``): what a scan
    reads of its speckles; no title or nature is so written."""
    return len(words) > 1 and 3 * sum(set(w.lower()) <= _VOWELS for w in words) >= 2 * len(words)


def _drop_debris(
    draft: Draft, lines: list[tuple[Row, list[Token]]], first: bool
) -> list[tuple[Row, list[Token]]]:
    """Text lines above a row's values that are no part of its title, left out with a note:
    scan crumbs (no word of three letters, opening with a lower-case or one-letter word: ``ee``,
    ``G i 4)``; a title opens with a capital word; above a table's first row, small words alone,
    ``ie eee``) and, above a table's first row, a line of
    column captions the scan garbled (``ode AY Amount | (A) or Price``: most of its words are
    caption words). Taken for the title, they glue words onto it and make the table look as
    if its cells were centred, which sends the next rows' wrapped words the wrong way."""
    kept = []
    for pair in lines:
        texts = [t.text for t in pair[1] if t.text]
        parts = [p for t in texts for p in _WORD_PARTS.findall(t.lower())]
        garbled = (
            first and len(parts) >= 4 and 2 * sum(p in _CAPTION_WORDS for p in parts) > len(parts)
        )
        lead = texts[0].strip("()[]{}|_") if texts else ""
        crumbs = (
            bool(texts)
            and (
                (
                    not any(_THREE_LETTERS.search(t) for t in texts)
                    and (len(lead) <= 1 or lead[0].islower())
                )
                # above a table's first row nothing but captions stands: small words alone there
                # (``ie eee``) open no title, which starts with a capital
                or (
                    first
                    and lead[:1].islower()
                    and not any(w[:1].isupper() for t in texts for w in t.split())
                )
                # ``Foe eee ee``: mostly words of vowels alone, a scan's speckles; a title's words
                # are words
                or _speckles([w for t in texts for w in t.split()])
            )
        )
        if garbled:
            said = " ".join(texts)
            draft.notes.append((None, f"ignored OCR debris {said!r} of the column captions"))
            draft.repaired = True
        elif crumbs:  # maybe values of a column the converter dumped apart: a doubt
            said = " ".join(texts)
            draft.notes.append((None, f"left out {said!r} above the row's values: no title word"))
        else:
            kept.append(pair)
    return kept


def _drop_closing(
    draft: Draft, lines: list[tuple[Row, list[Token]]]
) -> list[tuple[Row, list[Token]]]:
    """A scan's lines above a row's values that close a bracket they never opened (``Aor)``,
    ``Wor) 2``: the ``(A) or (D)`` caption garbled), left out with a note: a scan prints a row's
    title from its value line, and a line above it that is no title's start (no title opens on a
    closing bracket) is not the row's title cut apart from it, so the title on the value line
    stands."""
    kept = []
    for pair in lines:
        said = " ".join(t.text for t in pair[1] if t.text)
        if _closes_unopened(said):
            draft.notes.append(
                (None, f"left out {said!r} above the row's values: no title's start")
            )
        else:
            kept.append(pair)
    return kept


def _closes_unopened(text: str) -> bool:
    """``text`` closes a bracket it never opened (``Aor)``): no title starts so."""
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return True
    return False


def _is_caption_line(words: list[Token]) -> bool:
    return all(
        part in _CAPTION_WORDS for t in words for part in _WORD_PARTS.findall(t.text.lower())
    )


_A_OR_D = re.compile(r"\s*\(A\)?\s?or\b", re.IGNORECASE)
"""The ``(A) or (D)`` caption as a scan reads it (``(Aor D)``, ``(A) or``): no title opens so."""
_TORN_CAPTION = re.compile(r"\d{1,2}A?\.\s+[A-Z](?:\s|$)")
"""A box's number and a capital with nothing after it: a numbered caption torn by a scan."""
_NUMBERED_CAPTION = re.compile(
    r"\d{1,2}A?\.(?:\s+[A-Z][a-z]|\s*$)"  # ``4. Transaction``, a box number alone
    r"|(?:\d,\s*)*\d\s+and\s+\d\)\s*$"  # the end of ``(Instr. 3, 4 and 5)``
)


def is_caption_text(text: str) -> bool:
    """A line of column captions: a caption keyword, or only the captions' words (``V (A)``,
    ``(D)``, ``Date Exercisable``), with no value."""
    if is_header_row(text) or _NUMBERED_CAPTION.match(text):
        return True
    tokens = cell_templates(text)  # the tokens' kinds and texts, without making the tokens
    if not tokens:
        return False
    for t in tokens:  # loops, not any() and all(): asked of every line of a plain region
        if t[0] == NUM or t[0] == DATE or (t[0] == TEXT and t[4]):
            return False  # (a value, or a word with a footnote marker: no caption has one)
    for t in tokens:
        for part in _WORD_PARTS.findall(t[1].lower()):
            if part not in _CAPTION_WORDS:
                return False
    return True


_MARKS_ALONE = re.compile(r"(?:\s*(?:<sup>)?\(\d{1,3}\)(?:</sup>)?)+\s*")


def _captions_off(row: Row) -> Row:
    """The table's first row of cells with the sub-captions' lines on top of its values
    (``|Code<br>V<br>J(5)|Amount<br>30,467,595|(A) or<br>(D)<br>A|Price<br>$7.6956(4)|4)<br>
    549,400,539|``): a converter merged the row of sub-captions into it. Lines of caption
    words above a cell's values are taken off, where two cells or more have them (one alone
    may be a value that reads as a caption word); a cell of captions alone stays as it was,
    and the side under ``(D)`` (``A``, ``D``, itself a caption word) is kept."""
    cells = list(row.cells)
    changed = 0
    for i, cell in enumerate(cells):
        if "<br>" not in cell:
            continue
        lines = cell.split("<br>")
        k = 0
        while (
            k < len(lines) - 1
            and lines[k].strip()
            and not _MARKS_ALONE.fullmatch(lines[k])  # (``(2)``: a marker, no caption)
            and is_caption_text(clean(lines[k]))
        ):
            k += 1
        if not k:
            continue
        last = clean(lines[-1]).strip()
        if (
            k == len(lines) - 1
            and is_caption_text(last)
            and (last not in ("A", "D") or clean(lines[k - 1]).strip() != "(D)")
        ):
            continue  # captions alone (a side stands under ``(D)`` only)
        cells[i] = "<br>".join(lines[k:])
        changed += 1
    if changed < 2:
        return row
    text = " ".join(c for c in cells if c)
    return Row(row.line, tuple(cells), row.xs, row.shape, text, row.block)


def _title_frag(row: Row, words: list[Token], draft: Draft) -> tuple[str, str] | None:
    """What a line has in the title column (where ``draft``'s title sits), if anything: the
    cell as written (its width counts) and its words (markers left out)."""
    at = draft.where.get("security_title", 0)
    for t in words:
        if t.kind == TEXT and (abs(t.x - at) <= 2 if row.shape == SPACE else t.x == at):
            return row.cells[t.cell], " ".join(
                w.text for w in words if w.cell == t.cell and w.kind == TEXT
            )
    return None


def _title_width(rows: list[Row]) -> int | None:
    """How wide the title column wraps in layout text: the longest multi-word piece of data at
    the left margin (a wrapped line never exceeds the width; one long word may). Captions are
    left out: a converter may wrap them to another width."""
    if not any(r.shape == SPACE for r in rows):
        return None
    width = 0
    for r in rows:
        if r.shape in LOOSE and r.xs[0] <= 2 and " " in r.cells[0]:
            cell = r.cells[0]
            if not _PAGE_FURNITURE.match(cell) and not is_header_row(r.text):
                width = max(width, len(cell))
    return width or None


_MARK_END = re.compile(r"(?:\(\d{1,3}\)|\[\d{1,3}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]|</sup>)\s*$")


def _continues(frag: str) -> bool:
    """A title fragment that cannot start a title: lower case, ``(Right to Buy)``, ``Buy)``."""
    return frag[0].islower() or frag[0] == "(" or frag.count(")") > frag.count("(")


def _split_wrapped(
    prev: Draft,
    nxt: Draft,
    lines: list[tuple[Row, list[Token]]],
    width: int | None,
    shape: tuple[int, int] | None = None,
) -> int:
    """How many text lines between two value rows continue the upper row; the rest open the
    lower one. Used where values sit below their row's first line (vertically centred cells).

    A centred row has as many lines above its values as below, or one more; a line that reads
    as the middle of a title (lower case, an unopened ``)``) cannot open a row; a row needs a
    title; a footnote marker ends its cell; two lines of one wrapped cell could not have
    fitted on one line (greedy wrapping), which tells ``Class A Common`` / ``Stock(1) values``
    rows apart; and a table repeats its securities, so a split under which the lower row's
    title starts the way the upper row's reads is preferred, as is the split the last row of
    the same height above its values had (``shape``). On a tie the lines go down: a fragment
    directly above a value row belongs with the fragment on it.
    """
    n = len(lines)
    if n > 24:  # no real title wraps this far; keep hostile input linear
        return min(prev.above, n)
    ref = nxt if "security_title" in nxt.where else prev
    frags = [_title_frag(r, w, ref) for r, w in lines]
    raw = [f[0] if f else None for f in frags]
    allowed = (max(prev.above - 1, 0), prev.above)
    upper = str(prev.values.get("security_title") or "")
    lower = str(nxt.values.get("security_title") or "")
    best, best_cost = n, 1e9
    for s in range(n + 1):
        cost = 2.0 * min(abs(s - a) for a in allowed)
        if shape is not None and shape[0] == prev.above and s != shape[1]:
            cost += 0.75
        if s == n:
            if nxt.title_raw is None or _continues(nxt.title_raw):
                cost += 3.0
        elif (text := raw[s]) is not None and _continues(text):
            cost += 3.0
        elif raw[s] is None and (nxt.title_raw or any(raw[s:])):
            cost += 1.5  # a row's first line holds its title's first line (cells top-aligned)
        if width:
            for seq in ([prev.title_raw, *raw[:s]], [*raw[s:], nxt.title_raw]):
                for x, y in zip(seq, seq[1:], strict=False):
                    if x and y and len(x) + 1 + len(y.split(" ", 1)[0]) <= width:
                        cost += 2.0
        for seq in ([prev.title_raw, *raw[:s]], [*raw[s:], nxt.title_raw]):
            for x, y in zip(seq, seq[1:], strict=False):
                if x and y and _MARK_END.search(x):  # markers follow a cell's last word
                    cost += 2.0
        whole = " ".join([upper, *(f[1] for f in frags[:s] if f)]).split()
        start = " ".join([*(f[1] for f in frags[s:] if f), lower]).split()
        if start and whole[: len(start)] == start:
            cost -= 1.5
        elif start and whole and start[0] == whole[0]:
            cost -= 0.75  # Class A / Class B, Tranche A / Tranche B
        if cost < best_cost:
            best, best_cost = s, cost
    return best


def _words_left_below(
    draft: Draft, pending: list[tuple[Row, list[Token]]], fields: tuple[str, ...]
) -> None:
    """Lines of words after the last row of a table, past a blank line, with no row below to
    take them (markitdown: ``Stock $0.41 05/11/2023 A ... Common 143,848 ... D``, a blank
    line, ``Option Stock`` / ``(Right to`` / ``Buy)``): a table region holds only rows,
    captions and wrapped cells, so they are the rest of some text cell, most likely the last
    row's. A plain row's text cells end where the values begin, so any of them still open
    (no footnote marker closed it) may go on there: each is left empty with a doubt, rather
    than read cut (``Stock``, ``Common``)."""
    said = " / ".join(" ".join(t.text for t in w if t.text) for _, w in pending)
    for f in fields:
        if f in TEXT_FIELDS and draft.values.get(f) and f not in draft.closed:
            draft.values[f] = None
            draft.blurred.add(f)
            draft.notes.append(
                (f, f"words '{said}' below the table's last row, past a blank line, may be"
                    " the rest of it: left empty")
            )  # fmt: skip


def _blur_margin(draft: Draft, targets: list[str], lines: list[list[Token]], why: str) -> None:
    """Leave empty the cells that margin ``lines`` below ``draft`` may continue: the first
    target, and any other that read a value and is still open. What the lines are (a form set
    a line lower, scan debris, a cell's rest) the text does not say, so no cell takes them."""
    said = " / ".join(" ".join(t.text for t in w if t.text) for w in lines)
    for f in targets:
        may = f == targets[0] or (draft.values.get(f) and f not in draft.closed)
        if may and f not in draft.blurred:
            draft.leave_empty(f, f"margin line(s) '{said}' {why}: left empty")


def _attach(
    draft: Draft,
    pairs: list[tuple[Row, list[Token]]],
    fields: tuple[str, ...],
    before: bool,
    columns: bool = True,
    flush: bool = False,
    went_on: frozenset[str] | None = None,
) -> None:
    """Fold wrapped text lines into ``draft``, each word run into the nearest text column.

    A line with no columns of its own (``columns`` false and a plain run of words) says where
    its words go only when the row has one text cell they can continue; with two or more
    (``Stock`` ... ``Common`` / ``Option Stock``: the title's words or the underlying's?)
    those cells are left empty with a doubt rather than given words that may not be theirs.
    In ``flush`` layout text (OCR: every line starts at the margin) a line of one cell is as
    placeless as a plain one. Plain lines after a markdown row's continuation rows of cells
    (``Remainder`` / ``Unitrust I`` under ``| Stock | Stock | Charitable |``) are cut after
    those rows are placed, knowing which cells went on to the last of them (``went_on``)."""
    targets = list(_text_fields(fields))
    if not columns and not before and not flush and went_on is None:
        plain = [r.shape == PLAIN for r, _ in pairs]
        n = plain.index(True) if True in plain else 0
        if n and all(plain[n:]):
            if n > 1:
                _attach(draft, pairs[: n - 1], fields, before, columns, flush, frozenset())
            had = {f: draft.values.get(f) for f in targets}
            _attach(draft, pairs[n - 1 : n], fields, before, columns, flush, frozenset())
            now = frozenset(f for f in targets if draft.values.get(f) != had[f])
            _attach(draft, pairs[n:], fields, before, columns, flush, now)
            return
    if flush and not before and len(pairs) > 1:
        pairs = _drop_lost_rows_lines(draft, pairs, targets)
    lines = [w for _, w in pairs]
    forced: dict[int, str] = {}
    placed_first = False  # cells left undecided here: the placed lines' words join their first text
    if flush and columns and not before and "security_title" in targets:
        stray = _par_line_elsewhere(draft, pairs)
        if stray is not None:
            said = " / ".join(r.text.strip() for r, _ in pairs[stray:])
            whole = " ".join(
                [str(draft.values.get("security_title") or "")]
                + [r.text.strip() for r, _ in pairs[:stray]]
            )
            if stray and _PAR_END.search(whole):
                # ``Class A Common Stock,`` / ``$0.01 par value`` / ``value $0.001``: the lines
                # above end the title with its par value, after which no title goes on
                draft.notes.append(
                    (
                        None,
                        f"margin line(s) '{said}' below: a par value after this row's title"
                        " ended with its own, so the rest of a row the scan lost: left out",
                    )
                )
            else:
                draft.leave_empty(
                    "security_title",
                    f"margin line(s) '{said}' below: a par value where the title before it ends"
                    " in no comma (``Stock, $0.01 par value``), so the rest of this title or of"
                    " a row the scan lost: left empty",
                )
            pairs = pairs[:stray]
            lines = [w for _, w in pairs]
    if flush and columns:
        placeless = [
            w for r, w in pairs if len(r.cells) == 1 and r.xs[0] < 4 and any(t.text for t in w)
        ]
        junk = [w for r, w in pairs if _scan_debris(w, r.text)] if not before else []
        form = (
            []
            if before or "ownership" not in fields or draft.values.get("ownership")
            else [w for _, w in pairs if _lone_form(w)]
        )
        if form:
            # ``D`` alone under a row that read no ownership form: the row's form set a line
            # lower by the scan, or a title's word; which, the text does not say
            _blur_margin(
                draft,
                targets,
                form,
                "below a row with no ownership form may be its form or the rest of this cell",
            )
            gone = {id(w) for w in form}
            lines = [w for w in lines if id(w) not in gone]
            placeless = [w for w in placeless if id(w) not in gone]
        ruled = (
            [w for r, w in pairs if _RULED_START.match(r.text) and len({t.cell for t in w}) == 1]
            if not before
            else []
        )  # (a line of several cells under a row is a row's garbled values: left out below)
        if ruled:
            # ``[conmonshae |]`` under ``INNSUITES`` / ``HOSPITALITY REIT``: a scan reads the
            # rule over a row as ``[`` before its title, so the line may open a row whose
            # values it lost, or be this cell's rest after a bracket misread
            _blur_margin(
                draft, targets, ruled, "opens on '[', as a row does after a rule a scan read"
            )
            gone = {id(w) for w in ruled}
            lines = [w for w in lines if id(w) not in gone]
        if junk:
            # ``Sa |  ei ee`` under a row: the scan's debris, or a text cell's rest garbled;
            # which, the text does not say: the cells the line may continue are left empty
            _blur_margin(draft, targets, junk, "below may be scan debris or the rest of it")
            gone = {id(w) for w in junk}
            lines = [w for w in lines if id(w) not in gone]
            placeless = [w for w in placeless if id(w) not in gone]
        if placeless:
            said_first = {f: str(draft.values.get(f) or "") for f in targets}
            fresh = not draft.blurred
            to = _placeless_target(draft, placeless, targets)
            forced = {id(w): to for w in placeless if to is not None}
            if to is None:
                gone = {id(w) for w in placeless}
                lines = [w for w in lines if id(w) not in gone]
                cells = tuple(f for f in targets if f in draft.blurred)
                draft.undecided = None
                at = [any(w is x for x in placeless) for _, w in pairs]
                if fresh and not before and len(cells) > 1 and at == sorted(at):
                    # the margin lines, below the lines that keep their columns: their words
                    # go where the columns say (added to each cell's first text below), and
                    # the margin lines are cut by the page's rules once both tables are read
                    wrapped = [r.text for (r, _), m in zip(pairs, at, strict=True) if m]
                    first = tuple(said_first[f] for f in cells)
                    draft.undecided = Undecided(
                        cells, first, wrapped, " / ".join(wrapped), margin=True
                    )
                    placed_first = True
    if not columns:
        open_cells = [
            f
            for f in targets
            if f in draft.blurred
            or (draft.values.get(f) and f not in draft.closed)
            # a row owned indirectly names how: its nature, empty on the row's line, may be
            # the words below it (``By Trust(5)`` under a markdown row), as well as the title
            or (
                f == "nature_of_ownership"
                and not draft.values.get(f)
                and draft.values.get("ownership") == "I"
            )
        ]
        if draft.plain:  # cells of a pipe line under a plain row: only their order is known
            for r, w in pairs:
                groups = _cell_groups(w) if r.shape in TABLED else []
                if groups and len(groups) == len(open_cells) > 1:
                    for f, toks in zip(open_cells, groups, strict=True):
                        _append_words(draft, f, toks, before)
                    lines = [x for x in lines if x is not w]
        loose = [
            w
            for r, w in pairs
            if (r.shape == PLAIN or draft.plain)
            and any(t.text for t in w)
            and any(x is w for x in lines)
        ]
        if before and loose and len(open_cells) == 1:
            # words above a row whose first text cell is empty on its line (``Series E`` /
            # ``Preferred`` / ``Stock`` over ``$8.88 12/13/2022 M ... Class A``): the rest of
            # the one cell the row opened, or that empty cell printed above its row? both read
            # the same in text with no columns
            at_first = targets.index(open_cells[0])
            open_cells = [
                f for f in targets[:at_first] if not draft.values.get(f) and f not in draft.blurred
            ] + open_cells
        if loose and len(open_cells) == 1:
            (only,) = open_cells
            gone = {id(w) for w in loose}
            lines = [w for w in lines if id(w) not in gone]
            _append_words(draft, only, [t for w in loose for t in w], before)
        elif loose and len(open_cells) > 1:
            said = " / ".join(" ".join(t.text for t in w if t.text) for w in loose)
            names = " or ".join(open_cells)
            fresh = not draft.blurred.intersection(open_cells)
            draft.undecided = None  # a second run of wrapped lines: no cut is sure
            if fresh and not before and all(r.shape == PLAIN for r, _ in pairs):
                first = tuple(str(draft.values.get(f) or "") for f in open_cells)
                wrapped = [r.text for r, _ in pairs]
                on = went_on or frozenset(open_cells)  # nothing known: every cell may go on
                ended = tuple(f not in on for f in open_cells)
                draft.undecided = Undecided(
                    tuple(open_cells),
                    first,
                    wrapped,
                    said,
                    ended,
                    went_on is not None,
                    # a row of cells a converter pushed a cell out of: an open cell empty on it
                    apart=not draft.plain and went_on is None and "" in first,
                )
            for f in open_cells:
                if f not in draft.blurred:
                    draft.blurred.add(f)
                    draft.values[f] = None
                    draft.notes.append(
                        (f, f"wrapped line(s) '{said}' may continue {names}: left empty")
                    )
            gone = {id(w) for w in loose}
            lines = [w for w in lines if id(w) not in gone]
    if flush and not before:
        # a scan's lines keep no common column grid (each line is spaced on its own): a word
        # goes only to a text cell the row's first line opened, never to one left empty there;
        # a cell left empty with a doubt still takes (and so drops) the words nearest it
        opened = [f for f in targets if draft.values.get(f) or f in draft.blurred]
        if not opened:
            targets = [f for f in targets if f not in draft.blurred][:1]
        elif any(f not in draft.blurred for f in opened) or placed_first:
            targets = opened
        else:
            return
    else:
        # a cell left empty with a doubt keeps its place: the words nearest it are dropped
        # with it, not given to the next text column (the title's ``Stock Option`` and the
        # underlying's ``Shares`` under a row whose titles were left empty are no nature)
        if all(f in draft.blurred for f in targets):
            return
    if not targets:
        return
    where = {f: draft.where.get(f, -1 if f == "security_title" else None) for f in targets}
    placed: dict[str, float] = {f: x for f, x in where.items() if x is not None}
    order = _order_of(fields)
    for f in targets:  # a text column the row left empty still has its place in the order:
        if f not in placed:  # between the values on either side of it
            i = order[f]
            left = [x for g, x in draft.where.items() if order.get(g, i) < i]
            right = [x for g, x in draft.where.items() if order.get(g, i) > i]
            if left and right:
                placed[f] = (max(left) + min(right)) / 2
            elif left:
                placed[f] = max(left) + 1
    extra: dict[str, list[str]] = {}
    piped = {id(w) for r, w in pairs if r.shape == PIPE and len(w) > 1}
    spots = sorted((order[g], x, g) for g, x in placed.items())
    shut: set[str] = (
        {
            f
            for f in targets
            if f in draft.closed
            or (f == "nature_of_ownership" and _torn_marker(draft.values.get(f)))
        }
        if flush and not before
        else set()
    )
    # under a scan's row, the title wraps within its column, one cell a line (at the margin),
    # so a line of words spread over several cells that all go to the title is no rest of it
    # but a row whose values the scan garbled (``[Common ____oariav2022   ee ee ee``)
    scan_below = flush and not before
    tied: list[tuple[str, str, str]] = []  # words about as near two text columns, in a scan
    for n, toks in enumerate(lines):
        to = forced.get(id(toks))
        goes = []
        moved = None
        for t in toks:
            pos = t.x if t.x >= 0 else t.cell
            if not spots:
                min(placed)  # nowhere to put the word: fails as it always has
            f = spots[0][2]  # the nearest column; of two as near, the one first in the form
            near = abs(spots[0][1] - pos)
            for _, x, g in spots[1:]:
                if abs(x - pos) < near:
                    f, near = g, abs(x - pos)
            if scan_below and to is None and t.x >= 4 and _THREE_LETTERS.search(t.text):
                other = min(((abs(x - pos), g) for _, x, g in spots if g != f), default=None)
                if other is not None and other[0] - near < _SCAN_TIE:
                    tied.append((f, other[1], t.text))
            goes.append(to if to is not None else f)
        if scan_below and to is None:
            moved = _scan_line_moved(draft, extra, toks, goes, spots)
        if moved is not None:
            goes, why = moved
            said = " ".join(t.text for t in toks if t.text)
            for f in dict.fromkeys(goes):
                draft.notes.append((f, f"wrapped line '{said}': {why}"))
        if (
            shut
            and to is None
            and len({t.cell for t in toks}) > 1
            and any(
                f in shut and _HAS_WORD.search(t.text) and not _marks_only(t.text)
                for t, f in zip(toks, goes, strict=True)
            )
        ):
            # a scan's line of cells with words under a cell whose footnote marker ended it
            # on a line above: no continuation of this row, but a row whose values the scan
            # lost (``Class A ... Day hats: ... Trust``); it and the lines after it are left out
            said = " / ".join(" ".join(t.text for t in w if t.text) for w in lines[n:])
            draft.notes.append(
                (
                    None,
                    f"line(s) '{said}' below the row put words in a cell its footnote marker"
                    " ended: a row whose values the scan lost? left out",
                )
            )
            break
        worded = [(t, f) for t, f in zip(toks, goes, strict=True) if _HAS_WORD.search(t.text)]
        if (
            scan_below
            and to is None
            and len({t.cell for t, _ in worded}) > 1
            and {f for _, f in worded} == {"security_title"}
        ):
            said = " / ".join(" ".join(t.text for t in w if t.text) for w in lines[n:])
            draft.notes.append(
                (
                    None,
                    f"line(s) '{said}' below the row put words of several cells in its title,"
                    " which wraps one cell a line: a row whose values the scan lost? left out",
                )
            )
            break
        if id(toks) in piped:
            _wrapped_cuts(draft, toks, goes)
        if scan_below and set(goes) == {"security_title"} and "security_title" not in draft.blurred:
            title = _title_so_far(draft, extra)
            said = " ".join(t.text for t in toks if t.text)
            if _runs_title_on(title, said):
                # ``Common Stock, par`` / ``value $0.001`` / ``value``: a par value ends a
                # title, so a scan's line after it is none of it (a word read twice, or a lost
                # row's); left out
                draft.notes.append(
                    (
                        "security_title",
                        f"line '{said}' below left out: the title ends at its par value or"
                        f" noun ({title!r}); unsure",
                    )
                )
                _underlying_may_go_on(draft, said)
                continue
        for t, f in zip(toks, goes, strict=True):
            if f in shut and _marks_only(t.text):
                continue  # ``(891011)`` under a cell a marker ended: its markers, brackets lost
            if t.text:
                extra.setdefault(f, []).append(t.text)
            if t.marks:
                _add_refs(draft, FOOTNOTE_FIELD.get(f, f), _mark_ids(t.marks))
    if placed_first and draft.undecided is not None:
        u = draft.undecided
        first = tuple(
            " ".join([u.first[c], *extra.get(f, [])]).strip() for c, f in enumerate(u.cells)
        )
        # the scan's debris off the margin lines; a ")" stays only where a cell left a "(" open
        bracket = any(text.count("(") > text.count(")") for text in first)
        wrapped = []
        for margin in u.lines:
            wrapped.append(_clean_words(margin, bracket))
            bracket = bracket or "(" in margin
        draft.undecided = Undecided(u.cells, first, wrapped, " / ".join(wrapped), margin=True)
    for f, g, word in tied:
        # a scan spaces each line on its own, so a run of words about as near two columns'
        # places (``2021 Charitable`` between the underlying title's and the nature's) says
        # which it continues no better than a plain line does
        for h in (f, g):
            if h not in draft.blurred:
                draft.leave_empty(
                    h, f"wrapped words '{word}' stand about as near the {f} as the {g}: left empty"
                )
    for f, words in extra.items():
        if f in draft.blurred:
            continue
        have = draft.values.get(f)
        add = " ".join(words)
        if before:
            draft.values[f] = f"{add} {have}" if have else add
        else:
            draft.values[f] = f"{have} {add}" if have else add


def _scan_line_moved(
    draft: Draft,
    extra: dict[str, list[str]],
    toks: list[Token],
    goes: list[str],
    spots: list[tuple[int, float, str]],
) -> tuple[list[str], str] | None:
    """A scan's line of words in two cells or more below a row, its first word at the margin:
    tesseract prints every line from its first word, so a line whose first cell was the
    underlying title's (``Stock      Charitable`` under ``Common      2021``) starts at the
    margin too, and the nearest columns put its first cell in the security's title. Each line
    is spaced on its own scale, so the gaps do not tell; the title does where it would run on
    past its end (``Deferred Stock Units Stock``: a security's noun ends its title, see
    :func:`parsers.text.wraps.runs_past_its_end`). Then the line's cells are the text cells
    after the title, in order, where there are as many of them as cells (the new places and
    the reason returned, for a doubt on the cells they fill); None otherwise. ``extra``: the
    words the lines above gave each cell."""
    at = {id(t): i for i, t in enumerate(toks)}
    cells = _cell_groups([t for t in toks if _HAS_WORD.search(t.text)])
    if len(cells) < 2 or cells[0][0].x >= 4 or goes[at[id(cells[0][0])]] != "security_title":
        return None
    title = _title_so_far(draft, extra)
    first = " ".join(t.text for t in cells[0])
    if not _runs_title_on(title, first):
        return None
    after = [g for _, _, g in sorted(spots) if g != "security_title"]
    if len(after) != len(cells):
        return None
    moved = list(goes)
    for group, f in zip(cells, after, strict=True):
        for t in group:
            moved[at[id(t)]] = f
    for i in range(1, len(toks)):  # a marker or debris goes with the word before it
        if not _HAS_WORD.search(toks[i].text):
            moved[i] = moved[i - 1]
    why = (
        f"its first word at the margin, as a scan prints every line, would run the title on"
        f" past its end ({_clean_words(f'{title} {first}')!r}): its cells read as those of"
        f" {', '.join(after)}"
    )
    return moved, why


def _title_so_far(draft: Draft, extra: dict[str, list[str]]) -> str:
    """The row's title with the words the wrapped lines placed so far gave it."""
    return " ".join(
        [str(draft.values.get("security_title") or ""), *extra.get("security_title", [])]
    )


def _underlying_may_go_on(draft: Draft, said: str) -> None:
    """A scan's margin line left out of a Table II row's title (it would run the title on) may
    be the underlying title's rest: the scan printed it flush left, so its column is lost.
    Where the underlying title read so far ends on no security's noun and the line's words go
    on it as a title does (``Class B Common`` / ``Stock)``), it is left empty with a doubt, not
    read cut short."""
    under = draft.values.get("underlying_title")
    if not isinstance(under, str) or "underlying_title" in draft.blurred:
        return
    words = _clean_words(said)
    if not _HAS_WORD.search(words):
        return
    last = under.split()[-1].strip(",.;").casefold() if under.split() else ""
    if last in wraps.ENDING_NOUNS or wraps.runs_past_its_end(f"{under} {words}"):
        return
    draft.leave_empty(
        "underlying_title",
        f"line '{said}' below, left out of the title, may be the rest of the underlying title"
        f" ({under!r}): a scan's margin line keeps no column; left empty",
    )


def _runs_title_on(title: str, words: str) -> bool:
    """``words`` after ``title`` would run it on past its end where it had not yet reached it
    (a par value, an option's wording or a security's noun ends a title:
    :func:`parsers.text.wraps.runs_past_its_end`), scan debris aside."""
    return not wraps.runs_past_its_end(title) and wraps.runs_past_its_end(
        _clean_words(f"{title} {words}")
    )


def _par_line_elsewhere(draft: Draft, pairs: list[tuple[Row, list[Token]]]) -> int | None:
    """The first of a scan's lines below a row that opens on a par value (``$0.01 par value``,
    ``par value $0.001``; ``value $0.001`` after ``par``) where the title read so far does not
    end as a title does before one (``Stock,``; ``Shares, no``; ``Stock, par``): under
    ``INNSUITES`` / ``HOSPITALITY REIT``, a row whose values the scan lost (``Class A Common
    Stock,``) left its wrapped rest there. None if every line may continue the title."""
    prior = str(draft.values.get("security_title") or "")
    if not prior or all(
        x is None for f, x in draft.values.items() if f not in TEXT_FIELDS and f != "voluntary"
    ):
        return None  # (a title whose values the scan lost: :func:`_values_lost` weighs it)
    for n, (r, _) in enumerate(pairs):
        text = r.text.strip()
        need = (
            ("par",)
            if _VALUE_OPENS.match(text)
            else (",", " no")  # (``Common Shares, no`` / ``par value``)
            if _PAR_OPENS.match(text)
            else None
        )
        if need is not None and not prior.rstrip(_RULE_DEBRIS).lower().endswith(need):
            return n
        prior = f"{prior} {text}"
    return None


_RULE_DEBRIS = " |_—–-{}¦"
"""What a scan makes of a rule and its shadow after a cell's last word (``Common Stock, —_|``)."""
_PAR_OPENS = re.compile(r"(?:\$[\d.,]*\d\s+)?par\s+value\b", re.IGNORECASE)
_VALUE_OPENS = re.compile(r"value\s+\$[\d.,]*\d", re.IGNORECASE)


_SCAN_TIE = 6
"""Characters by which a scan's wrapped words must stand nearer one text column's place than
another's to be that column's (each scan line is spaced on its own)."""
_LOST_MARKS = re.compile(r"\(\d{1,8}\)")
"""Footnote markers run together, their inner brackets lost (``(891011)`` for ``(8)(9)(10)(11)``):
no word of a cell."""


def _marks_only(text: str) -> bool:
    """Footnote markers a scan ran together or tore (``(891011)``, ``(8€9)``): no words."""
    return _LOST_MARKS.fullmatch(text) is not None or _TORN_MARKER.fullmatch(text) is not None


_RULED_START = re.compile(r"\s*\[[^\W\d_]")
"""A scan's line opening on ``[`` before a letter: the rule over a row, read as a bracket."""

_REPEATS = "repeats the line above"


def _drop_lost_rows_lines(
    draft: Draft, pairs: list[tuple[Row, list[Token]]], targets: list[str]
) -> list[tuple[Row, list[Token]]]:
    """A scan's lines under a row that are the rest of rows the scan lost below it, left out
    with a note. A line printed again, word for word, on the next line (``$0.01 par value`` /
    ``$0.01 par value`` under ``Class A Common Stock,``), or the end of it (``Common Stock`` /
    ``Stock``): a cell wraps on to new words, so the second is a same-titled lost row's; which
    of the two is this row's, the text does not say, but they read the same, so the cells it
    continues keep the words once. And a capitalised line at the margin after the title has
    ended on its par value (``value $0.001`` / ``Stock``): no word of a title follows it."""
    title = str(draft.values.get("security_title") or "")
    kept = pairs[:1]
    if title and "security_title" not in draft.closed and len({t.cell for t in pairs[0][1]}) == 1:
        title = f"{title} {' '.join(t.text for t in pairs[0][1] if t.text)}"
    lost: int | None = None  # the first line left out as a lost row's
    for r, w in pairs[1:]:
        said = " ".join(t.text for t in w if t.text)
        above = " ".join(t.text for t in kept[-1][1] if t.text)
        if lost is not None and len({t.cell for t in w}) == 1 and r.xs[0] < 4:
            # a cell's lines run on unbroken: a margin line below a lost row's line is no
            # line of this row's title (``value`` / ``a`` / ``HOSPITALITY REIT``)
            draft.notes.append(
                (
                    "security_title",
                    f"line {r.line} below ('{said}') comes after line {lost}, a row the scan"
                    " lost: that row's or another's, left out; unsure",
                )
            )
            continue
        lost = r.line
        if (
            len({t.cell for t in w}) == 1
            and r.xs[0] < 4
            and len({t.cell for t in kept[-1][1]}) == 1
            and kept[-1][0].xs[0] < 4
            and _torn_marker(above)
            and "(" not in above
        ):
            # ``Class A Common`` / ``Stock)`` / ``value``: a footnote marker (torn, ``)``) ends
            # its cell's last word, so the margin line after it is a row the scan lost
            draft.notes.append(
                (
                    "security_title",
                    f"line {r.line} below ('{said}') follows '{above}', ended by a torn footnote"
                    " marker: a row the scan lost, left out; unsure",
                )
            )
            continue
        if (
            _PAR_END.search(title)
            and said[:1].isupper()
            and len({t.cell for t in w}) == 1
            and r.xs[0] < 4
        ):
            # ``Common Stock, par`` / ``value $0.001`` / ``Stock``: a title ends on its par
            # value; a capitalised word at the margin below is a lost row's
            draft.notes.append(
                (
                    "security_title",
                    f"line {r.line} below ('{said}') follows a title ended by its par value: a"
                    " row the scan lost, left out; unsure",
                )
            )
            continue
        one_cell = len({t.cell for t in w}) == 1 and len({t.cell for t in kept[-1][1]}) == 1
        if (
            one_cell  # (``Common ... Stock``: two cells' words, the title's and another's)
            and (said == above or above.endswith(f" {said}"))
            and _THREE_LETTERS.search(said)
        ):
            for f in targets:
                if draft.values.get(f) and f not in draft.closed:
                    draft.notes.append(
                        (
                            f,
                            f"line {r.line} below {_REPEATS}{'' if said == above else ' (its end)'}"
                            f" word for word ('{said}'): read once, the other taken for the rest"
                            " of a row the scan lost; unsure",
                        )
                    )
            continue
        earlier = [" ".join(t.text for t in x if t.text) for _, x in kept[:-1]]
        if (
            len({t.cell for t in w}) == 1
            and said in earlier
            # (a line of several cells between is a lost row's own, left out by _attach)
            and all(len({t.cell for t in x}) == 1 for _, x in kept[earlier.index(said) :])
            and _THREE_LETTERS.search(said)
            and "security_title" in targets
            and draft.values.get("security_title")
        ):
            # ``Class A Common`` / ``Stock`` / ``HOSPITALITY REIT`` / ``Stock``: a line printed
            # again with other words between is no one title wrapping on: rows the scan lost
            # below this one left their titles' rest here, and which lines are this title's,
            # the text does not say
            draft.leave_empty(
                "security_title",
                f"line {r.line} below repeats an earlier wrapped line ('{said}') with other"
                " words between: the rest of rows the scan lost; which lines are this title's,"
                " unsure: left empty",
            )
            return pairs
        lost = None
        kept.append((r, w))
        if title and len({t.cell for t in w}) == 1:
            title = f"{title} {said}"
    return kept


_PAR_END = re.compile(r"(?:\bpar value(?: \$[\d.,]+)?|\$[\d.,]+ par value)\)?$", re.IGNORECASE)
"""A title ending on its par value (``Common Stock, par value $0.001``, ``... $0.01 par
value``): no word of the title follows it."""


def _wrapped_cuts(draft: Draft, toks: list[Token], goes: list[str]) -> None:
    """A wrapped pipe line's words going to one text cell from cells side by side
    (``|Common S|ock|`` under a row): a border may have cut a word there, as on the row's own
    line, and the cut is read the same way once the whole text is known."""
    for i in range(len(toks) - 1):
        a, b, f, g = toks[i], toks[i + 1], goes[i], goes[i + 1]
        if (
            f == g
            and a.cell != b.cell
            and a.kind == TEXT
            and b.kind == TEXT
            and a.text
            and b.text
            and may_be_cut(a.text, b.text, bool(a.marks))
        ):
            draft.cuts.append(Cut(f, a.text.split()[-1], b.text.split()[0]))


def _lone_form(words: list[Token]) -> bool:
    """A margin line holding nothing but an ownership form's letter (``D``, ``I``)."""
    texts = [t.text for t in words if t.text]
    return len(texts) == 1 and texts[0] in ("D", "I")


_VOWELS = frozenset("aeiou")


def _scan_debris(words: list[Token], text: str = "") -> bool:
    """A scan's margin line of two words or more with no three letters in a row in any
    (``Sa | ei ee``): no title or nature wraps so, but a scan's speckles read as letters do.
    So is a line of small lower-case words spread over several cells, at most one of three
    letters (``see | a ee ee``): a cell's wrapped words stand one space apart, in one cell."""
    texts = [t.text for t in words if t.text]
    split = " ".join(texts).split()
    if len(split) < 2:
        return False
    if not any(_THREE_LETTERS.search(x) for x in texts):
        return True
    if (
        len(split) >= 3
        and all(w.isalpha() and w.islower() for w in split)
        and 3 * sum(set(w) <= _VOWELS for w in split) >= 2 * len(split)
    ):
        return True  # ``ieee eee eee oe ee``: speckles read as vowels, no word of a title
    if sum(len(w) == 1 and w.islower() for w in split) >= 2:
        return True  # ``FSS a a WC``: small letters standing alone, specks (a nature's ``a``
        # stands once: ``By a trust``)
    if (
        len(split) >= 4
        and ("|" in text or "[" in text)
        and all(len(w.strip("|[]")) <= 3 for w in split)
    ):
        return True  # ``cee | Og [Es |e [so``: short specks between a scan's box rules
    return (
        len(split) >= 3
        and (len({t.cell for t in words if t.text}) > 1 or "|" in text)  # (a rule between)
        and all(w.isalpha() and w.islower() for w in split)
        and sum(len(w) >= 3 for w in split) <= 1
    )


def _placeless_target(draft: Draft, loose: list[list[Token]], targets: list[str]) -> str | None:
    """Where the words of lines that do not say their column go (in ``flush`` text, a line of
    one cell at the margin): the title, unless the row's nature of ownership is open as well --
    a scan's line may continue either, so both are left empty with a doubt (None). A nature
    ending in a torn footnote marker (``Footnotes)``) is closed. So are the title and the
    underlying title when both are open: a scan's margin line may continue either (``Stock``
    under ``Stock Units ... Common``). Cells left empty here are kept undecided for
    :mod:`parsers.text.wraps` to cut by the page's rules once both tables are read."""

    def is_open(f: str) -> bool:
        value = draft.values.get(f)
        if f in draft.blurred or not value or f in draft.closed:
            return False
        return f != "nature_of_ownership" or not _torn_marker(value)

    first = targets[0]
    if first in draft.blurred:
        # the title was left empty with a doubt: its wrapped words go with it, and a cell
        # still open beside it (a nature) may be what they continue just as well
        cells = [f for f in targets[1:] if is_open(f)]
        if cells:
            said = " / ".join(" ".join(t.text for t in w if t.text) for w in loose)
            for f in cells:
                draft.blurred.add(f)
                draft.values[f] = None
                draft.notes.append(
                    (f, f"wrapped line(s) '{said}' may continue {first} or {f}: left empty")
                )
        return None
    cells = [f for f in targets if is_open(f)]
    if len(cells) < 2:
        return cells[0] if cells == ["nature_of_ownership"] else first
    said = " / ".join(" ".join(t.text for t in w if t.text) for w in loose)
    names = " or ".join(cells)
    for f in cells:
        draft.blurred.add(f)
        draft.values[f] = None
        draft.notes.append((f, f"wrapped line(s) '{said}' may continue {names}: left empty"))
    return None


def _cell_groups(words: list[Token]) -> list[list[Token]]:
    """The words of a line, cell by cell, left to right."""
    groups: dict[int, list[Token]] = {}
    for t in words:
        groups.setdefault(t.cell, []).append(t)
    return [groups[c] for c in sorted(groups)]


def _append_words(draft: Draft, f: str, toks: list[Token], before: bool) -> None:
    """Words of a wrapped line (and their footnote markers) added to text cell ``f``."""
    for t in toks:
        if t.marks:
            _add_refs(draft, f, _mark_ids(t.marks))
    if f in draft.blurred:
        return
    add = " ".join(t.text for t in toks if t.text)
    if add:
        have = draft.values.get(f)
        if before:
            draft.values[f] = f"{add} {have}" if have else add
        else:
            draft.values[f] = f"{have} {add}" if have else add


_PAR_WORDS = frozenset({"value", "par", "at", "of", "price", "$"})
"""Words after which a dollar amount belongs to the title (``par value $0.001``, ``... at
$11.50``)."""


_NATURE_CAPTION = re.compile(r"\d{1,2}\.\s*Nature\b", re.I)


_SECOND_CAPTION = re.compile(r"2\.\s*(?:Trans|Conver|Amount|Date)", re.I)


def _title_column_end(rows: list[Row]) -> int | None:
    """Where the title column ends in space-aligned text: the second column's caption."""
    for row in rows:
        if row.shape != SPACE or "2." not in row.text:
            continue
        for cell, x in zip(row.cells[1:], row.xs[1:], strict=True):
            if _SECOND_CAPTION.match(cell):
                return x - 1
    return None


def _title_words(tokens: list[Token], title_end: int, priced: bool = False) -> None:
    """``Common Stock, par value $0.001``: in layout text a number in the title's own cell, or
    a line with nothing right of the title column (the title's wrapped last line), is words.
    Rows of cells pass ``title_end`` 1 and only ever have their first cell filled.

    ``priced`` (Table II, whose second column is the exercise price): a dollar amount that
    ends the title's words on a value line, one space after them (``Stock Option $2.15``, the
    title's cell printed wide), is left a number, with a doubt: the price beside a title that
    filled its column, unless the form's wording of a par value leads to it (``par value
    $0.001``). A title that names an amount otherwise is rare; a price read as the title's
    word makes a title no filer wrote and loses the price."""
    whole = all(t.x < title_end for t in tokens)
    if whole and not any(t.kind == TEXT for t in tokens):
        return
    text_cells = {t.cell for t in tokens if t.kind == TEXT and t.x < title_end}
    first = min(text_cells, default=-1)
    for i, t in enumerate(tokens):
        if t.x >= title_end or t.kind not in (NUM, NA, LETTER):
            continue
        if (
            priced
            and not whole
            and t.kind == NUM
            and t.dollar
            and i > 0
            and tokens[i - 1].kind == TEXT
            and tokens[i - 1].cell == t.cell
            and tokens[i - 1].text.lower() not in _PAR_WORDS
        ):
            rest = [u for u in tokens[i + 1 :] if u.cell == t.cell]
            if not rest and t.value is not None:
                t.notes.append(
                    f"{t.text!r} printed one space after the title's words, in the title's"
                    " column: read as the exercise price beside a title that filled its column,"
                    " unsure"
                )
                continue
            if all(u.kind == NUM for u in rest):
                # ``Stock Option $2 .15``, ``$٢.١٥``: the price beside the title, damaged;
                # empty with a doubt, never words of the title
                said = " ".join(u.text for u in (t, *rest))
                t.text, t.value, t.malformed = said, None, True
                t.notes.append(
                    f"{said!r} after the title's words, in the title's column: the exercise"
                    " price beside it, unreadable; left empty"
                )
                for u in rest:
                    tokens.remove(u)  # (later tokens: the loop does not reach them)
                continue
        if (
            priced
            and not whole
            and t.kind == NUM
            and t.dollar
            and t.value is not None
            and first >= 0
            and t.cell > max(text_cells)
            and t.x + len(t.text) < title_end  # (else it is a number anyway, below)
            and all(u.kind != TEXT for u in tokens[i + 1 :] if u.x < title_end)
        ):
            # ``Non-           $2.79      03/08/2023 ...``: a dollar amount a column gap after
            # the title's words, the first value of a row whose values go on past the title's
            # column: the exercise price, its cell printed left of its caption's start
            t.notes.append(
                f"{t.text!r} a column gap after the title's words, left of the price's caption:"
                " read as the exercise price, unsure"
            )
            continue
        if (
            whole
            or t.cell in text_cells
            or first >= 0
            and t.cell > first
            and (
                t.x + len(t.text) < title_end  # wholly under the title, after its words
            )
        ):
            t.kind, t.value = TEXT, None


def _nature_open(prev: Draft) -> bool:
    """The row above has begun its nature of ownership and no later line has closed it, so a
    line of words below may be that nature's wrapped rest."""
    nature = prev.values.get("nature_of_ownership")
    return isinstance(nature, str) and bool(nature) and "nature_of_ownership" not in prev.closed


def _year_of_a_nature(prev: Draft, tokens: list[Token]) -> bool:
    """``Common   ...   Common   ...   2021`` under a row whose nature of ownership is still open
    (``SMB Pacific``), the year its last word: a wrapped trust's name (``2021 Charitable
    Remainder Unitrust II``), not a balance, when no form letter stands on the line and no other
    value (on a page whose columns sit elsewhere, past a page break, the nature's column from
    the captions does not tell)."""
    last = tokens[-1]
    if last.kind != NUM or not _YEAR.fullmatch(last.text):
        return False
    if not _nature_open(prev):
        return False
    return all(t.kind == TEXT for t in tokens[:-1]) and len(tokens) > 1


def _year_among_words(prev: Draft, tokens: list[Token]) -> Token | None:
    """``value $0.001 2017 Irrevocable Trust`` in plain text, under a row whose nature of
    ownership is still open (``By FDS New River Farm``): the line's one number a year among
    words, with no form letter, date or other value beside it, is a wrapped trust's name
    (``2017 Irrevocable Trust``), not a balance: a row of Table I or II prints its ownership
    form, and this line would be a row holding 2,017 with none."""
    if len(tokens) < 2 or not _nature_open(prev):
        return None
    years = [t for t in tokens if t.kind == NUM]
    if len(years) != 1 or years[0].dollar or not _YEAR.fullmatch(years[0].text):
        return None
    if any(t.kind not in (TEXT, NUM, MARKER) for t in tokens):
        return None
    return years[0]


def _nature_cells_below(prev: Draft, tokens: list[Token]) -> bool:
    """A row of cells filled only from the cell where the row above put its nature of
    ownership on, that nature still open (``| | ... | member | 1 |`` under ``| Common Sha | ...
    | I | By imme | diate family |``): the nature's wrapped rest. The nature is the table's
    last column, so no value of a row stands there; its numbers are words (``member 1``)."""
    if not _nature_open(prev):
        return False
    at = prev.where.get("nature_of_ownership")
    if at is None or any(x >= at for f, x in prev.where.items() if f != "nature_of_ownership"):
        return False
    if tokens[0].kind != TEXT or any(t.cell < at for t in tokens):
        return False
    return all(
        t.kind in (TEXT, MARKER) or (t.kind == NUM and not t.dollar and t.text.isdigit())
        for t in tokens
    )


_FORM_SPECKS = frozenset("DITJil1|")
"""What a scan makes of an ownership form's ``I`` or ``D`` and a speck beside it (``TI``,
``Il``)."""
_STROKED_I = re.compile(r"[I|l1][ft!]")
"""The form's ``I`` and a thin stroke beside it read as a small letter (``If``, ``It``): no
word a nature opens with (``by``, ``See``, ``Trustees``)."""
_YEAR = re.compile(r"(?:19|20)\d\d")


def _nature_column(rows: list[Row]) -> int | None:
    """Where the last column, the nature of indirect ownership, starts in space-aligned text
    (its caption's character column, less one): nothing numeric is written there, so a number
    on that side (``2021`` of a wrapped trust name) is one of the nature's words."""
    for row in rows:
        if row.shape != SPACE or "ature" not in row.text:
            continue
        for cell, x in zip(row.cells, row.xs, strict=True):
            if _NATURE_CAPTION.match(cell):
                return x - 1
            m = _NATURE_CAPTION.search(cell)
            if m and cell[: m.start()].rstrip().endswith("|"):
                # a scan's rule joined it to the caption before (``Direct | 7. Nature``); a
                # scan may squeeze its captions too, so the column is taken only where no
                # amount of a row stands in it
                at = x + m.start() - 1
                if not any(
                    cx + g.start() >= at
                    for r in rows
                    if r.shape == SPACE
                    for c, cx in zip(r.cells, r.xs, strict=True)
                    if "," in c and cx + len(c) > at
                    for g in _GROUPED_NUMBER.finditer(c)
                ):
                    return at
    return None


def _date_anchors(rows: list[Row]) -> dict[str, int] | None:
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


def _holding_dates(tokens: list[Token], fields: tuple[str, ...]) -> dict[int, int] | None:
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


def _date_hints(
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


def _caption_cells(rows: list[Row]) -> _Captions | None:
    """How many cells the table's rows have, as its row of sub-captions (``Code``, ``V``,
    ``(A)``...) shows, and the field each of those captions names, by cell: a markdown or
    tab-separated table gives every row as many cells (an HTML caption row does not: the
    captions above it span two rows), within one table (block) of the rendering."""
    for row in rows:
        if (
            row.shape in _EVEN_ROWS and "Code" in row.text  # the row's text holds its cells
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


_Captions = tuple[int, int, dict[int, str]]


def _header_cells(rows: list[Row]) -> _Captions | None:
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


def _against_captions(tokens: list[Token], named: dict[int, str]) -> bool:
    """A row with as many cells as its captions whose cells still do not stand under them: a
    word or a date in a cell the sub-captions name for an amount or a price (``Common Stock``
    under ``Amount or Number of Shares``). It lost one cell and gained another (a converter
    merged ``28,586 D`` and repeated a date), so its cell count says nothing: it is read as a
    row whose cells do not match the captions'."""
    return bool(named) and any(
        t.kind in (TEXT, DATE) and named.get(t.cell) in _COUNTED for t in tokens
    )


_EVEN_ROWS = frozenset({PIPE, TAB})
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


def _off_caption(
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
"""Where the (A) and (D) captions sit (:func:`_ad_positions`, :func:`_scan_ad_offsets`), the
third item saying how they are measured, and in a scan the ``Title`` sub-caption's offset from
``Code`` (-1 where unknown or not a scan)."""


def _scan_ad_offsets(rows: list[Row]) -> AdPlaces | None:
    """In a scan, the (A) and (D) sub-captions' places as offsets from the ``Code`` caption on
    their line (``Code      V (A)      (D)      Date``; the scan may tear a bracket or read it
    as a letter or a rule: ``(A``, ``A)``, ``IA``, ``jA``, ``{(A)``), third item ``_BY_CODE``:
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
            return xa - code, md.start() - code, _BY_CODE, title
    return None


_SUB_CODE = re.compile(r"Code(?:$|\s+[VvW]\b)")
_CODE_V = ["Code", "V"]
"""``Code<br>V``'s words: the converter put the V caption in Code's cell."""


def _ad_positions(rows: list[Row]) -> AdPlaces | None:
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


def _read_row(
    row: Row,
    tokens: list[Token],
    fields: tuple[str, ...],
    header_date: dt.date | None,
    ad_x: AdPlaces | None,
    alternates: tuple[tuple[str, ...], ...],
    date_x: dict[str, int] | None = None,
    captions: _Captions | None = None,
    flush: bool = False,
    title_end: int | None = None,
) -> Draft:
    draft = _new_draft(row.line, row.shape == PLAIN)
    # the table's caption row has another number of cells (or as many, with a word or date
    # under an amount's sub-caption): this row lost or gained one somewhere, so the form's
    # positions may not say its columns
    named = captions[2] if captions is not None and row.block == captions[0] else None
    in_captions = named is not None and row.shape in _EVEN_ROWS
    uneven = in_captions and captions is not None and len(row.cells) != captions[1]
    layouts = [] if row.shape == SPACE else [f for f in (fields, *alternates) if _intact(row, f)]
    if uneven:
        # a sibling layout as wide as a row that lost or gained a cell is no sign of it: the
        # table's own width (its captions' or header's) is not that layout's
        layouts = [f for f in layouts if f is fields]
    if layouts and not uneven:  # (a row that lost a cell may have lost the title's border)
        _keep_title_cell(tokens)
    _mend_tokens(tokens, header_date, row.shape == PIPE, flush and row.shape == SPACE)
    if row.shape in TABLED:
        _letters_among_words(tokens)
    positional = False
    shape = pattern(tokens) if layouts else None
    for layout in layouts:
        if fits_cells(tokens, layout, shape):
            fields, positional = layout, True
            break
    if in_captions and not uneven and not positional:  # (placed by cells: types checked)
        uneven = named is not None and _against_captions(tokens, named)
    hints = _date_hints(tokens, fields, date_x) if date_x and row.shape == SPACE else None
    by_caption = bool(hints)  # (a holding's dates placed by their order are not)
    if not hints and "date_exercisable" in fields:
        hints = _holding_dates(tokens, fields)
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
        for f in _off_caption(fields, cols, captions[2]):
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
        dropped = _join_decimal_tails(tokens, dropped)
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
        _fill(draft, f, toks, piped)
        if f in TEXT_FIELDS:
            if _ends_in_marker(row, toks[-1]):
                draft.closed.add(f)
            if piped and draft.values.get(f) and "<br>" in row.text:
                if len(toks) > 1:
                    _lines_side_by_side(draft, f, row, toks)
                if marked_break is None:
                    marked_break = _MARK_THEN_BREAK.search(row.text) is not None
                if marked_break:
                    _lines_past_a_marker(draft, f, row, toks)
        elif spaced:
            draft.centres[f] = toks[0].x + len(toks[0].text) / 2
    if spaced and not flush and date_x and "underlying_title" in fields:
        _underlying_past_the_window(draft, cols, fields, date_x)
    for f in emptied:
        draft.values[f] = None
    for tok in dropped:
        _note_dropped(draft, tok, fields, cols, positional)
    if dropped and row.shape != SPACE:
        _words_left_out(draft, dropped, fields, cols, positional)
    if row.shape == PIPE:
        _value_cut_off_text(draft, tokens, fields, cols)
        if dropped:
            _number_cut_beside(draft, tokens, dropped, fields, cols)
    elif flush:
        _scan_number_runs_on(draft, dropped, fields, cols)
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
            if toks and toks[0].dollar and fields[ci] in _SHARE_FIELDS:
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
        _lone_window_date(draft, row, cols, fields, cell=True)
    elif flush and row.shape == SPACE and "date_exercisable" in fields:
        # (a marker the scan read as a letter, ``(S)`` of ``(5)``, ``Q)``, is no value)
        # (and a word no column took, ``Ordinary`` of an underlying title: cells slid too)
        shifted = any(
            (_readable(t) and not _letter_marker(t.text))
            or (t.kind == TEXT and _THREE_LETTERS.search(t.text) is not None)
            for t in dropped
        )
        _lone_window_date(
            draft, row, cols, fields, scan=True, shifted=shifted, by_caption=by_caption
        )
    _settle_direction(draft, fields, cols, positional, ad_x, row, uneven, dropped)
    draft.notes.extend(unsure.items())
    _holding_balance(draft, fields, cols)
    if not flush:  # (after a holding's lone balance has left the price column)
        _price_without_dollar(draft, row, fields, cols)
    else:  # (a scan's line holding a rule read as ``|`` is no less a scan's)
        _nature_without_values(draft, fields)
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
    _check_row(draft, fields, row.shape in TABLED)
    return draft


_TRAILING_BREAK = re.compile(r"<br\s*/?>\s*$", re.I)


def _cell_broken_off(draft: Draft, row: Row) -> None:
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
    if rest and _STROKED_I.fullmatch(head):
        # ``If   by Trust?``: the form's ``I`` read with a stroke as a small letter, then the
        # nature; the form stays unread (a scan's ``I`` may be a rule), the nature is the rest
        draft.values["nature_of_ownership"] = rest
        draft.notes.append(
            (
                "nature_of_ownership",
                f"dropped {head!r} before the nature, where the ownership form stands: the"
                f" form's I and a stroke, as the scan read them; read {rest!r}",
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
        elif _speckles(word):
            # ``eee Ee``, ``ee ee ee De``: a scan's speckles read as vowels; a nature's words
            # are words (``By Trust``, ``See Footnote``)
            why = "its words are mostly lone vowels, a scan's speckles, where the row shows no"
            why += " form: values"
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
    lost. Which, the row does not say: the price is left empty with a doubt."""
    if "underlying_shares" not in fields or draft.values.get("underlying_shares") is not None:
        return
    price = draft.values.get("price")
    if price is None or "price" not in fields:  # (a Form 3's Table II has no price column)
        return
    toks = cols[fields.index("price")]
    if not toks or toks[0].kind != NUM or toks[0].dollar:
        return
    draft.values["price"] = None
    draft.notes.append(
        (
            "price",
            f"{toks[0].text!r} read as the price has no dollar sign, and the underlying amount"
            " before it is empty: the price, or that amount with the price's cell lost? left"
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
    if not toks or toks[0].x < past or draft.values.get("underlying_title"):
        return
    text = draft.values.pop("security_title", None)
    draft.values["underlying_title"] = text
    draft.title_raw = None
    draft.where["underlying_title"] = draft.where.pop("security_title", toks[0].x)
    if "security_title" in draft.footnotes:
        draft.footnotes["underlying_title"] = draft.footnotes.pop("security_title")
    if "security_title" in draft.closed:
        draft.closed.discard("security_title")
        draft.closed.add("underlying_title")
    draft.notes.append(("underlying_title", f"{text!r} {_PAST_WINDOW}"))


_PAST_WINDOW = (
    "stands past the window dates' captions, in the underlying title's column: read as the"
    " underlying title, the row's title being on other lines; unsure"
)


def _title_left_above(draft: Draft) -> bool:
    """The row's first words were moved from its title to its underlying title
    (:func:`_underlying_past_the_window`): its title is on the lines above and below."""
    return any(f == "underlying_title" and m.endswith(_PAST_WINDOW) for f, m in draft.notes)


def _letters_among_words(tokens: list[Token]) -> None:
    """A capital sharing its cell with words, in a row of cells (``|INNSUITE<br>HOSPITAL|S<br>
    ITY REIT|``: a cell's border cut ``INNSUITES`` and ``HOSPITALITY``), is a piece of a word,
    no transaction code: a code's cell holds the code alone. ``D`` and ``I`` are left as they
    are (a converter may merge the ownership form's cell with the nature's: ``I<br>Trust``)."""
    worded = {t.cell for t in tokens if t.kind == TEXT and _THREE_LETTERS.search(t.text)}
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
    if _GROUPED_NUMBER.search(title.text) is None and (
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


def _lone_window_date(
    draft: Draft,
    row: Row,
    cols: list[list[Token]],
    fields: tuple[str, ...],
    scan: bool = False,
    shifted: bool = False,
    cell: bool = False,
    by_caption: bool = False,
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
                return  # the date alone in its cell: the cell's column holds
            # a row a cell short of the form, the cell before the date closing on a line of a
            # marker alone (``Stock Option (Right to Buy)<br>(5)`` | ``04/14/2028``): the
            # converter merged the marker-only window cell into the cell before it, so the
            # marker stands before the date, as in a plain run
            before = _SPACED_MARK_BEFORE.search(f" ({merged}) ")
    if (after is None) == (before is None and not torn):
        v["date_exercisable"] = v["expiration_date"] = None
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


_SHARE_FIELDS = frozenset(
    {"shares", "shares_a", "shares_d", "shares_owned_following", "underlying_shares"}
)

_KIND_LETTER = {TEXT: "T", DATE: "D", NUM: "N", LETTER: "L", FRAG: "F", MARKER: "M", NA: "A"}


def _spelled(tokens: list[Token]) -> str:
    """The row's kinds of token, one letter each (``TDLNN``): what the mending passes of
    :func:`_mend_tokens` look for in neighbours, found with one substring test."""
    return "".join([_KIND_LETTER.get(t.kind, "I") for t in tokens])


def _mend_tokens(
    tokens: list[Token], header_date: dt.date | None, piped: bool, scan: bool = False
) -> None:
    """The repairs of a row's tokens, in order: a torn date's year (:func:`ocr.rebuild_dates`:
    a date, then its debris, a fragment or a number), a number cut in two
    (:func:`ocr.join_split_numbers`: two numbers side by side), a class letter read as a code
    (:func:`_join_class_letter`: a word, then a letter; in a scan, ``scan``, a cell apart too)
    and, in markdown, a date a cell border cut (:func:`_join_cut_dates`: a word or date then a
    number, or a number then a date). Each
    acts only on such neighbours, which most rows lack: the kinds are spelled out once and
    each pass runs only where its neighbours are there. A pass that acts drops a token (it
    joins two, or takes debris off), so the kinds are spelled again only when the count fell."""
    n = len(tokens)
    kinds = _spelled(tokens)
    if "DN" in kinds or "DF" in kinds:
        ocr.rebuild_dates(tokens, header_date)
        if len(tokens) != n:
            n, kinds = len(tokens), _spelled(tokens)
    if "NN" in kinds:
        ocr.join_split_numbers(tokens)
        if len(tokens) != n:
            n, kinds = len(tokens), _spelled(tokens)
    if "TL" in kinds:
        _join_class_letter(tokens, scan)
        if len(tokens) != n:
            kinds = _spelled(tokens)
    if piped and ("TN" in kinds or "DN" in kinds or "ND" in kinds):
        _join_cut_dates(tokens)


_CLASS_WORD = re.compile(r"(?:^|\s)(?:Class|Series|Tranche)$", re.I)


def _join_class_letter(tokens: list[Token], scan: bool = False) -> None:
    """``Class`` / ``A`` split into two tokens: the letter is the name's, not a code. In the
    form no letter column (code, (A)/(D), D/I) follows a text column: a title is followed by a
    date or a price, an underlying title by its amount, and the nature of ownership ends the
    row -- so a letter right after ``Class``, ``Series`` or ``Tranche`` is a word. In a scan
    (``scan``: OCR's layout text, each line spaced on its own) the letter may stand a cell
    apart (``Class   A``): joined too, with a doubt (a value between them the scan lost would
    leave the letter a code's); it had been left out, leaving ``Class Common Stock``."""
    i = 1
    while i < len(tokens):
        t, prev = tokens[i], tokens[i - 1]
        if (
            t.kind == LETTER
            and prev.kind == TEXT
            and not prev.marks
            and (prev.cell == t.cell or scan)
            and _CLASS_WORD.search(prev.text)
        ):
            if prev.cell != t.cell:
                prev.notes.append(
                    f"'{prev.text.split()[-1]}' and '{t.text}' set apart in the scan taken for"
                    f" one name '{prev.text.split()[-1]} {t.text}': no letter column follows a"
                    " text column; unsure"
                )
            prev.text = f"{prev.text} {t.text}"
            prev.marks.extend(t.marks)
            del tokens[i]
            continue
        i += 1


_CUT_DATE = re.compile(r"\d{1,2}/\d{1,2}/(\d{2,3})")


_MONTH_CUT = re.compile(r"\d/\d{1,2}/\d{4}")


def _join_cut_dates(tokens: list[Token]) -> None:
    """A date a markdown cell border cut in two (:func:`_cut_date`) put back in one token. After
    a join the walk steps back one, so that a date joined in its year is tried for a cut month
    too (``|1|2/09/20|16|``)."""
    i = 0
    while i + 1 < len(tokens):
        a, b = tokens[i], tokens[i + 1]
        cut = _cut_date(a, b)
        if cut is None:
            i += 1
            continue
        text, date, kept, said = cut
        tokens[i] = Token(DATE, text, a.cell, a.x, date, marks=[*b.marks], notes=[*kept, said])
        del tokens[i + 1]
        i = max(i - 1, 0)


def _cut_date(a: Token, b: Token) -> tuple[str, object, list[str], str] | None:
    """The date two neighbouring cells make, its value, the notes kept and what was done; None
    where they make none.

    Cut in its year (``12/09/202|4``, ``09/30/20|21``): the cell's last piece and the next
    cell's lone digits make a four-digit year of this century or the last. A three-digit year
    is no year, so that join is sure (a repair); a two-digit one is a year a filer may write,
    and the next cell's two digits may be a value of their own: joined, unsure.

    Cut in its month (``|1|2/09/2016|``): a lone ``0`` or ``1`` in the cell right before a date
    of a one-digit month makes a two-digit one. The date alone is a date too (February 9th),
    so neither reading is sure: joined, as the lone digit fits no column, unsure."""
    if b.cell != a.cell + 1:
        return None
    m = _CUT_DATE.fullmatch(a.text) if a.kind in (TEXT, DATE) and not a.marks else None
    if m is not None:
        if (
            b.kind != NUM
            or b.dollar
            or not b.text.isdigit()
            or len(m[1]) + len(b.text) != 4
            or (m[1] + b.text)[:2] not in ("19", "20")
        ):
            return None
        text = a.text + b.text
        date = parse_date(text)
        if date is None:
            return None
        said = f"joined date split across cells: {a.text!r} and {b.text!r} read as {text!r}"
        if len(m[1]) == 2:
            said += " (or a two-digit year and a value of its own); unsure"
        return text, date, a.notes, said
    if not (
        a.kind == NUM
        and a.text in ("0", "1")
        and not a.marks
        and b.kind == DATE
        and _MONTH_CUT.fullmatch(b.text)
    ):
        return None
    text = a.text + b.text
    date = parse_date(text)
    if date is None:
        return None
    said = (
        f"joined date split across cells: {a.text!r} and {b.text!r} read as {text!r} "
        f"(or {b.text!r} with a stray {a.text!r}); unsure"
    )
    return text, date, b.notes, said


_GLUED_MARK = r"(?:\(\d{1,2}\)|\[\d{1,2}\]|[\u00b9\u00b2\u00b3\u2070-\u2079])"
_GLUED_MARK_AT = re.compile(_GLUED_MARK)


def _ends_in_marker(row: Row, tok: Token) -> bool:
    """The cell's last word carries a footnote marker glued on (``Footnotes(1)(2)``); a marker
    after a space may be the next column's footnote-only cell."""
    if tok.kind != TEXT or not tok.marks or not tok.text or tok.cell >= len(row.cells):
        return False
    word = tok.text.rsplit(" ", 1)[-1]
    cell = row.cells[tok.cell]
    at = cell.find(word)
    while at >= 0:  # ``re.search(re.escape(word) + _GLUED_MARK, cell)``, with no pattern made
        if _GLUED_MARK_AT.match(cell, at + len(word)):
            return True
        at = cell.find(word, at + 1)
    return False


def _join_decimal_tails(tokens: list[Token], dropped: list[Token]) -> list[Token]:
    """``12,629.04 | 2`` with no column left for both: a converter cut the last decimals of a
    fractional amount into the next cell. The placed one of the two takes the joined number;
    only a lone short integer right after a decimal number, one of them left over, is joined."""
    for k in range(len(tokens) - 1):
        a, b = tokens[k], tokens[k + 1]
        if not (a in dropped) ^ (b in dropped):
            continue
        if (
            a.kind == NUM
            and b.kind == NUM
            and b.cell == a.cell + 1
            and not a.dollar
            and not a.marks
            and "." in a.text
            and b.text.isdigit()
            and len(b.text) <= 3
            and not b.marks
        ):
            keep, gone = (b, a) if a in dropped else (a, b)
            joined = a.text + b.text
            value = parse_number(joined)
            if value is None:
                continue
            keep.notes.append(f"joined number split across cells {a.text!r} + {b.text!r}")
            keep.text, keep.value, keep.malformed = joined, value, False
            keep.dollar = a.dollar
            keep.marks = [*a.marks, *b.marks]
            dropped = [t for t in dropped if t is not gone]
    return dropped


_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", re.ASCII)
"""A number grouped by thousands (``6,125,376``): an amount of shares, never a par value or a
title's word. (A stricter pattern of the same name, defined earlier in this module, was shadowed
by this one and used by nobody: removed.)"""


def _keep_title_cell(tokens: list[Token]) -> None:
    """In a row whose cells are intact, the first cell is the title whole: ``Common Stock, par
    value $0.001`` or ``Series 2019 Notes`` keep their numbers. A date still splits off (OCR
    glues the date onto the title), and a row with merged cells is left to typed reading."""
    if not tokens or tokens[0].kind != TEXT or tokens[0].cell != 0:
        return
    k = 1
    while k < len(tokens) and tokens[k].cell == 0 and tokens[k].kind in (TEXT, NUM, LETTER, NA):
        k += 1
    last = tokens[k - 1]
    if k > 1 and last.kind == NUM and _GROUPED_NUMBER.fullmatch(last.text):
        # ``Class A Common Stock<br>6,125,376``: an amount grouped in thousands ends no title;
        # the converter put the next cell's amount under the title in one cell
        k -= 1
    if k == 1:
        return
    head = tokens[0]
    head.text = " ".join(t.text for t in tokens[:k])
    for t in tokens[1:k]:
        head.marks.extend(t.marks)
    del tokens[1:k]


def _intact(row: Row, layout: tuple[str, ...]) -> bool:
    """The row has the layout's number of cells (trailing empty cells a converter added aside),
    so cell positions mean columns unless the values say otherwise."""
    cells = row.cells
    n = len(cells)
    if n > len(layout):
        last = n - 1  # the last cell with something in it
        while last >= 0 and not cells[last]:
            last -= 1
        n = max(len(layout), last + 1)
    return n == len(layout)


def _lines_side_by_side(draft: Draft, f: str, row: Row, toks: list[Token]) -> None:
    """A text cell a converter's borders cut into cells side by side, two or more of them
    holding lines (``|Common St<br>value $0.00|ock, par<br>1|``): the lines run across the
    cells (``Common St|ock, par`` above ``value $0.00|1``), so the cells' words read one cell
    after the other are out of order ('Common St value $0.00 ock, par 1'). Left empty with a
    doubt. A cell whose words of the field stand on one line beside another's is read as
    before (``|Class A<br>Common Stoc|k<br>03/14/2025|``: its lines need not run across),
    unless the cell of lines ends on a footnote marker or a digit and the next cell opens on a
    small letter (``|By Limited L<br>Company(2)|iability|``, ``|By immediat<br>member 2|e
    family|``): a marker ends its cell's text and no word runs on from a number into small
    letters, so the piece goes on a line above, and read cell after cell the words are out of
    order (``By Limited L Company iability``)."""
    lined = 0  # cells with the field's words on two lines or more
    ended = False  # a cell of lines whose last line cannot run on into the next cell
    for c in sorted({t.cell for t in toks if t.kind == TEXT}):
        if c >= len(row.cells):
            continue
        if ended and row.cells[c].lstrip()[:1].islower():
            lined = 2  # ``By Limited L<br>Company(2)|iability``: the piece goes on a line above
            break
        ended = False
        if "<br>" not in row.cells[c]:
            continue
        words = {w for t in toks if t.cell == c for w in t.text.split()}
        parts = [clean(part, markers=True) for part in row.cells[c].split("<br>")]
        lines = [set(MARKS.sub("", part).split()) for part in parts]
        if sum(bool(words & line) for line in lines) > 1:
            lined += 1
            ended = parts[-1][-1:] == MARK or parts[-1][-1:].isdigit()
    if lined < 2:
        return
    draft.cuts[:] = [c for c in draft.cuts if c.field != f]
    draft.leave_empty(
        f,
        f"{draft.values.get(f)!r} is read from cells side by side that each hold lines: a"
        " border cut the cell's lines, whose words run across the cells, not one cell after"
        " the other; left empty",
    )


_MARK_THEN_BREAK = re.compile(r"(?:\)|\]|</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹])\s*<br>")
"""A cell line that ends on a marker's last character, then another line (a cheap test)."""


def _lines_past_a_marker(draft: Draft, f: str, row: Row, toks: list[Token]) -> None:
    """A text cell whose lines go on with words past a line that ends on a footnote marker
    (``|Common<sup>(1)</sup><br>Common|``): a marker follows its cell's last word, so the
    words below it are another row's, which the converter ran into this one (its amounts
    stand two to a cell: ``0<br>D<br>21,169,379,000<br>D``). Which words are this row's the
    text does not say for sure: left empty."""
    for c in sorted({t.cell for t in toks if t.kind == TEXT}):
        if c >= len(row.cells) or not _MARK_THEN_BREAK.search(row.cells[c]):
            continue
        parts = [clean(part, markers=True).rstrip() for part in row.cells[c].split("<br>")]
        for k, part in enumerate(parts[:-1]):
            if (
                part.endswith(MARK)
                and any(ch.isalpha() for ch in part)  # (``(2)<br>Class A``: another cell's)
                and any(ch.isalpha() for p in parts[k + 1 :] for ch in p)
            ):
                draft.cuts[:] = [cut for cut in draft.cuts if cut.field != f]
                draft.leave_empty(
                    f,
                    f"{draft.values.get(f)!r} holds lines past a footnote marker, which ends"
                    " its cell's words: the lines below are another row's, run into this one;"
                    " left empty",
                )
                return


def _fill(draft: Draft, f: str, toks: list[Token], piped: bool = False) -> None:
    first = toks[0]
    fn_field = FOOTNOTE_FIELD.get(f, f)
    for t in toks:
        for mark in t.marks:
            ids = draft.footnotes.setdefault(fn_field, [])
            fid = f"F{int(mark)}"
            if fid not in ids:
                ids.append(fid)
        for message in t.notes:
            draft.notes.append((fn_field, message))
            draft.repaired = True
    draft.where[f] = first.x
    if f in TEXT_FIELDS:
        if len(toks) == 1:
            text = first.text if first.kind == TEXT else ""
        else:
            words = [t for t in toks if t.kind == TEXT]
            text = " ".join([t.text for t in words])
            if piped:
                for a, b in zip(words, words[1:], strict=False):
                    if a.cell != b.cell and may_be_cut(a.text, b.text, bool(a.marks)):
                        draft.cuts.append(Cut(f, a.text.split()[-1], b.text.split()[0]))
        # every match of the damage pattern has " l" or a digit: most titles have neither
        if (" l" in text or _HAS_DIGIT.search(text)) and _WORD_DAMAGE.search(text):
            mended = _mend_words(text)
            if mended != text:
                draft.notes.append((f, f"OCR damage in {text!r} read as {mended!r}"))
                draft.repaired = True
                text = mended
        draft.values[f] = text or None
        return
    k = first.kind
    if k in (MARKER, NA, IMMED):
        draft.values[f] = None
        return
    if f == "voluntary":
        draft.values[f] = True
        return
    if k == LETTER and "shares" in f:  # only the letter O gets into an amount: a zero misread
        draft.values[f] = Decimal(0)
        draft.notes.append((fn_field, f"OCR letter {first.text!r} read as 0"))
        draft.repaired = True
        return
    if first.value is None:
        what = "a date" if k == DATE else "a number"
        draft.notes.append((fn_field, f"could not read {first.text!r} as {what}"))
    elif k == DATE and _SHORT_YEAR.search(first.text, max(0, len(first.text) - 4)):
        # the century is the reader's guess (and a torn-off year's rest may be lost)
        draft.notes.append((fn_field, f"two-digit year: {first.text!r} read as {first.value}"))
    draft.values[f] = first.value


_SHORT_YEAR = re.compile(r"[/.\-]\d{2}$")
"""Three characters at the end (or before a last line break): searched from four before it."""
_WORD_DAMAGE = re.compile(r" l(?: |$)|(?<!\S)(\d+) \1\d")
_HAS_DIGIT = re.compile(r"\d")


def _mend_words(text: str) -> str:
    """Scan damage inside a text column: a cut-off echo of the next word (``Pacific 20 2021``)
    goes, and a lone lower-case ``l`` among words is the digit (``family member l``)."""
    words = text.split(" ")
    out: list[str] = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w.isdigit() and nxt.isdigit() and len(nxt) > len(w) and nxt.startswith(w):
            continue
        out.append("1" if w == "l" and i > 0 else w)
    return " ".join(out)


def _readable(tok: Token) -> bool:
    """A dropped token that was a value (not debris): the row's cells may have slid."""
    if tok.kind in (NUM, DATE):
        return tok.value is not None
    return tok.kind == LETTER and bool(tok.value)


def _note_dropped(
    draft: Draft,
    tok: Token,
    fields: tuple[str, ...],
    cols: list[list[Token]],
    positional: bool,
) -> None:
    """Name the column a stray token most likely belonged to, so the note points somewhere."""
    if tok.kind == FRAG:
        why = [n for n in tok.notes if not n.startswith("ignored OCR debris")]
        said = f": {'; '.join(why)}" if why else ""  # (a word taken for debris says why)
        draft.notes.append((None, f"ignored OCR debris {tok.text!r}{said}"))
        draft.repaired = True
        return
    beside = [
        fields[ci]
        for ci, toks in enumerate(cols)
        if any(t.cell == tok.cell and t.kind in (NUM, DATE) for t in toks)
    ]
    if tok.kind in (NUM, DATE) and len(beside) == 1:
        # a piece of figure in the cell of a figure read: that value may be incomplete
        near = FOOTNOTE_FIELD.get(beside[0], beside[0])
        draft.notes.append((near, f"could not read {tok.text!r} beside the {near} read; unsure"))
        return
    gaps: list[str]
    if positional and tok.cell < len(fields) and not cols[tok.cell]:
        gaps = [fields[tok.cell]]
    else:
        before = after = -1
        for ci, toks in enumerate(cols):
            if not toks:
                continue
            if any(t.cell < tok.cell or (t.cell == tok.cell and t.x <= tok.x) for t in toks):
                before = ci
            elif after < 0:
                after = ci
        hi = after if after >= 0 else len(fields)
        gaps = [fields[c] for c in range(before + 1, hi) if not cols[c]]
    sided = bool(gaps) and all(g in ("shares_a", "shares_d") for g in gaps)
    gaps = list(dict.fromkeys(FOOTNOTE_FIELD.get(g, g) for g in gaps))
    shown = tok.text or "marker"
    if _readable(tok):
        # a value no column takes where it stands: the row's cells may be shifted, so the
        # doubt is on the whole row, not on one column
        target: str | None = None
        message = f"{shown!r} fits no column where it stands; left out (the row may be shifted)"
        code = draft.values.get("code")
        if (
            tok.kind == LETTER
            and tok.text in CODES
            and code is not None
            and code != tok.text
            and tok.cell > draft.where.get("code", tok.cell)
            and any(draft.where.get(f) == tok.cell for f in ("shares", "shares_a", "shares_d"))
        ):
            # two code letters, the one left out further right, in the cell of the amount read
            # (``P<br>6,183``: a converter stacks the code's cell and the amount's): a letter
            # of a cut word (``INNSUITE|S<br>05/1``) may have been read as the code, and the
            # code left out. (A letter left out before the code may be such a letter itself.)
            draft.code_unsure = True
            draft.leave_empty(
                "code",
                f"{code!r} read as the code, and {shown!r} left out: which"
                " is the row's code, the text does not say; left empty",
            )
    elif len(gaps) == 1 and gaps[0] in _LETTER_FIELDS and any(c.isdigit() for c in shown):
        # ``9,6!`` where only the V column is empty: digits are no letter's, so a piece of an
        # amount beside it (``9,6 | 86`` read as 9,686 where whole), which may be short of it
        target = None
        message = (
            f"could not read {shown!r}; left out: digits, so a piece of an amount beside it"
            f" (which may be short of it) or {gaps[0]}'s value, unsure"
        )
    elif len(gaps) == 1:
        (target,) = gaps
        message = f"could not read {shown!r}; value left empty"
        if sided:  # Table II's amount stands under (A) or (D): its side goes unsaid with it
            draft.notes.append(("acquired_disposed", f"the amount {shown!r} unread: side unsaid"))
    else:
        # no column, or several, could have held it: say which are empty, claim none
        target = None
        which = f"; {' or '.join(gaps)} may be its column" if gaps else ""
        message = f"could not read {shown!r}; left out{which}"
    draft.notes.append((target, message))
    for mark in tok.marks:
        draft.notes.append((target, f"footnote marker F{int(mark)} was on an unreadable value"))


_LETTER_FIELDS = frozenset({"voluntary", "code", "acquired_disposed", "ownership"})
"""Columns that hold a letter, never a digit."""
_PIECE_CHARS = frozenset("0123456789/.,")
"""The characters of a date's or a number's piece a cell border cut off."""


def _value_piece(text: str) -> str | None:
    """A text's last word made of a value's characters (``05/``, ``0``, ``$0.0``), or None."""
    word = text.rsplit(" ", 1)[-1]
    body = word[1:] if word[:1] in ("$", "(") else word
    if body and _PIECE_CHARS.issuperset(body) and any(c.isdigit() for c in body):
        return word
    return None


_VALUE_START = re.compile(r"[\d.,/]")


def _value_cut_off_text(
    draft: Draft, tokens: list[Token], fields: tuple[str, ...], cols: list[list[Token]]
) -> None:
    """A text cell ending in a value's piece that the next cell's first token completes
    (``|Common Stock 05/|04/2022|``, ``|Common Stock 0|5/26/2016|``, ``|... Stock 6|,250|``):
    a border cut a date or a number, and the text's last word is its start, or the text's own
    (``par value $0.001|09/30/2021`` joins into no value: untouched). The text is left empty
    with a doubt; so is the value read from the rest where the joined one says another."""
    for ci, toks in enumerate(cols):
        if not toks or toks[-1].kind != TEXT or toks[-1].text[-1:] not in _PIECE_CHARS:
            continue  # (most text cells end in a letter: no value's piece)
        f = fields[ci]
        if f not in TEXT_FIELDS or draft.values.get(f) is None:
            continue
        last = toks[-1]
        end = _value_piece(last.text)
        if end is None:
            continue
        nxt = next((t for t in tokens if t.cell == last.cell + 1), None)
        if nxt is None or not _VALUE_START.match(nxt.text):
            continue
        joined = end + nxt.text
        value: object = parse_date(joined) if "/" in joined else None
        if value is None and ("," in joined or "." in joined) and ocr.GROUPED.fullmatch(joined):
            value = parse_number(joined)
        if value is None:
            continue
        draft.notes.append(
            (
                f,
                f"{end[0]!r} and {nxt.text!r} in cells side by side read as one value, "
                f"{joined!r}: a cell border may have cut it, so {draft.values[f]!r} may end in "
                "its piece: left empty",
            )
        )
        draft.values[f] = None
        draft.blurred.add(f)
        for cj, other in enumerate(cols):
            g = fields[cj]
            if nxt in other and g not in TEXT_FIELDS and draft.values.get(g) not in (None, value):
                draft.notes.append(
                    (
                        FOOTNOTE_FIELD.get(g, g),
                        f"{nxt.text!r} may be the rest of {joined!r}, cut by a cell border: "
                        f"{draft.values[g]} left empty",
                    )
                )
                draft.values[g] = None


def _number_cut_beside(
    draft: Draft,
    tokens: list[Token],
    dropped: list[Token],
    fields: tuple[str, ...],
    cols: list[list[Token]],
) -> None:
    """A number left out at a cell's edge that the value across the border continues into one
    number (``|$92.7923 4|2,450|``: the ``4`` of ``42,450``; ``|$16|3.94 ...|``; ``|S 71|8|``):
    a border may have cut the value, so the value read is a part: left empty with a doubt."""
    for t in dropped:
        if t.kind != NUM or not t.text:
            continue
        mine = [u for u in tokens if u.cell == t.cell]
        pairs: list[tuple[Token | None, str]] = []
        if mine and mine[-1] is t:
            after = next((u for u in tokens if u.cell == t.cell + 1), None)
            pairs.append((after, t.text + after.text.lstrip("$") if after else ""))
        if mine and mine[0] is t:
            before = next((u for u in reversed(tokens) if u.cell == t.cell - 1), None)
            pairs.append((before, before.text + t.text if before else ""))
        for across, joined in pairs:
            if across is not None and across.kind == NUM and ocr.GROUPED.fullmatch(joined):
                _doubt_cut_value(draft, t, across, joined, fields, cols)


def _scan_number_runs_on(
    draft: Draft, dropped: list[Token], fields: tuple[str, ...], cols: list[list[Token]]
) -> None:
    """A scan's number one space before a token it garbled that opens on a digit (``2 1Do)``),
    or before a number read only by taking its letters for digits (``2 3lo``): the scan may
    have broken one number (``21,600``, ``2,315,111``) at a space, so the number read is a
    part of it, or all of it; which, the text does not say: left empty with a doubt (and the
    mended number after it, a part of the same number, maybe). So are a number and three
    digits one space after it (``2315 111``: ``2,315,111``, its separators lost), both."""
    mended = (
        {id(t): ci for ci, toks in enumerate(cols) for t in toks if _letters_mended(t)}
        if draft.repaired
        else {}
    )
    for ci, toks in enumerate(cols):
        for t in toks:
            if t.kind != NUM or draft.values.get(fields[ci]) is None:
                continue
            end = t.x + len(t.text)
            bad = next((d for d in dropped if d.text[:1].isdigit() and d.x == end + 1), None)
            group = (
                None
                if bad is not None or t.dollar
                else next(
                    (
                        (cj, u)
                        for cj, toks2 in enumerate(cols)
                        for u in toks2
                        if u.x == end + 1 and u.kind == NUM and not u.dollar
                        and id(u) not in mended and _THREE_DIGITS.fullmatch(u.text)
                    ),
                    None,
                )
            )  # fmt: skip
            if group is not None:
                # ``2315 111``: a balance's group separators lost or read as a space (2,315,111),
                # or two values one space apart; which, the text does not say
                cj, u = group
                for f in (fields[ci], fields[cj]):
                    draft.values[f] = None
                    draft.notes.append(
                        (
                            f,
                            f"{t.text!r} and {u.text!r} stand one space apart: one number whose"
                            " separator the scan lost there, or two values; left empty",
                        )
                    )
                continue
            if bad is None:
                bad = next(
                    (u for toks2 in cols for u in toks2 if id(u) in mended and u.x == end + 1),
                    None,
                )
                if bad is None:
                    continue
                after = fields[mended[id(bad)]]
                if draft.values.get(after) is not None:
                    draft.values[after] = None
                    draft.notes.append(
                        (
                            after,
                            f"{bad.text!r}, its letters read as digits, stands one space after"
                            f" {t.text!r}: it may be the rest of one number broken there; left"
                            " empty",
                        )
                    )
            draft.values[fields[ci]] = None
            draft.notes.append(
                (
                    fields[ci],
                    f"{t.text!r} stands one space before {bad.text!r}, which the scan garbled:"
                    " it may be the start of one number broken there; left empty",
                )
            )


_THREE_DIGITS = re.compile(r"\d{3}")


def _letters_mended(t: Token) -> bool:
    """A number read by taking a scan's letters for digits (``3lo`` as 310)."""
    return t.kind == NUM and any(n.startswith("OCR letters in") for n in t.notes)


def _doubt_cut_value(
    draft: Draft,
    t: Token,
    across: Token,
    joined: str,
    fields: tuple[str, ...],
    cols: list[list[Token]],
) -> None:
    """The value read from ``across`` left empty: ``t`` beside it may be its cut piece."""
    for ci, toks in enumerate(cols):
        g = FOOTNOTE_FIELD.get(fields[ci], fields[ci])
        if across in toks and draft.values.get(fields[ci]) is not None:
            draft.notes.append(
                (
                    g,
                    f"{t.text!r}, left out beside it, and {across.text!r} across a cell "
                    f"border read as one number, {joined!r}: the border may have cut it; "
                    f"{draft.values[fields[ci]]} left empty",
                )
            )
            draft.values[fields[ci]] = None


def _word_piece(text: str) -> bool:
    """Letters alone (a comma or the like after them), as a border cuts off a word's piece."""
    core = text[:-1] if text[-1:] in (",", ".", ";", ":", ")") else text
    return 0 < len(core) <= 12 and core.isascii() and core.isalpha()


def _cut_piece(t: Token, first: Token, last: Token, lo: int, hi: int) -> bool:
    """A word's piece a cell border cut off a text field's first or last word, left out in the
    cell beside it (``|Common Stoc|k|``, ``|Common St|ock|``): letters alone (a comma after
    them), in the cell right after the field's last word or right before its first one, where
    a border may run through a word. In a row of the form's cells too: the piece stands in
    another column's cell only because the border was drawn through the word."""
    if t.kind not in (TEXT, LETTER) or not _word_piece(t.text):
        return False
    if t.cell == hi:
        return may_be_cut(last.text, t.text, bool(last.marks))
    return t.cell == lo and may_be_cut(t.text, first.text, bool(t.marks))


def _words_left_out(
    draft: Draft,
    dropped: list[Token],
    fields: tuple[str, ...],
    cols: list[list[Token]],
    positional: bool,
) -> None:
    """A text field read from a cell beside a cell whose words fit no column (``|By SVF I<br>
    (3)|I Beaver (DE)|``, a cell too many: ``By SVF I`` was left out), or from a cell a piece
    of which was left out (``|Common Stoc<br>par value $0.0|k,<br>01<br>09/30/20|``: the
    ``01`` of ``$0.001``), may have lost those words: what it holds is then a part, so it is
    left empty with a doubt. In a row of the form's cells, a cell beside is another column's,
    and its junk (``n.m. x`` under the underlying amount) no part of the text."""
    for ci, toks in enumerate(cols):
        f = fields[ci]
        if not toks or f not in TEXT_FIELDS or draft.values.get(f) is None:
            continue
        lo, hi = toks[0].cell - 1, toks[-1].cell + 1
        cells = {t.cell for t in toks}
        words = [t for t in toks if t.kind == TEXT and t.text]
        lost = [
            t.text
            for t in dropped
            if (t.kind == TEXT and lo <= t.cell <= hi and not (positional and t.cell not in cells))
            or (t.cell in cells and t.kind not in (MARKER, FRAG) and t.text)
            or (words and _cut_piece(t, words[0], words[-1], lo, hi))
        ]
        if lost:
            said = " / ".join(lost)
            draft.notes.append(
                (
                    f,
                    f"{said!r}, in a cell beside it, fits no column and may be part of it: "
                    f"{draft.values[f]!r} left empty",
                )
            )
            draft.values[f] = None
            draft.blurred.add(f)


def _settle_direction(
    draft: Draft,
    fields: tuple[str, ...],
    cols: list[list[Token]],
    positional: bool,
    ad_x: AdPlaces | None,
    row: Row,
    uneven: bool = False,
    dropped: list[Token] | None = None,
) -> None:
    v = draft.values
    code = v.get("code")
    if "shares_a" in fields:
        a, d = v.pop("shares_a", None), v.pop("shares_d", None)
        ia, id_ = fields.index("shares_a"), fields.index("shares_d")
        if cols[ia] and cols[id_] and (a is None) != (d is None):
            # a number beside an unreadable one: either may be the amount
            said = "a number and an unreadable value in the (A) and (D) columns; left empty"
            for f in ("shares", "acquired_disposed"):
                draft.notes.append((f, said))
            v["shares"], v["acquired_disposed"] = None, None
            return
        if a is not None and d is not None and a != d:
            # two amounts where the form has room for one: a cell slid over, and which one is
            # the amount is a guess (a shifted price reads as shares), so neither is kept
            said = f"numbers in both (A) and (D) columns ({a} and {d}); left empty"
            for f in ("shares", "acquired_disposed"):
                draft.notes.append((f, said))
            v["shares"], v["acquired_disposed"] = None, None
            return
        if a is not None and d is not None:
            # the same amount twice (a converter repeating a spanned cell): the amount is sure,
            # its side is not
            for f in ("shares", "acquired_disposed"):
                draft.notes.append((f, "the same number in both (A) and (D) columns; kept (D)"))
            v["shares"], v["acquired_disposed"] = d, "D"
            return
        if a is None and d is None:
            v["shares"] = None
            if cols[ia] or cols[id_]:  # an amount stood there, unread: so is its side
                draft.notes.append(("acquired_disposed", "amount unreadable; (A)/(D) left empty"))
            return
        tok = (cols[ia] or cols[id_])[0]
        side = "A" if a is not None else "D"
        ic = fields.index("code")
        if row.shape != SPACE and _straddles(tok, row, ia, id_, positional, ad_x):
            # its pieces stand in the (A) cell and the (D) cell beside it: the amount is
            # under both captions, so neither cell says its side
            v["shares"] = amount = a if a is not None else d
            draft.notes.append(
                (
                    "acquired_disposed",
                    f"{tok.text!r} was cut across the (A) and (D) cells: which side it stands"
                    " under, unsure",
                )
            )
            v["acquired_disposed"] = _side_from_balance(draft, amount, side)
            return
        if positional and row.shape != SPACE and cols[ic] and cols[ic][0].cell != ic:
            # the code stands a cell off its column: the cells before the amount are shifted,
            # so the amount's cell says no sure side (only a balance below it proves one)
            v["shares"] = amount = a if a is not None else d
            v["acquired_disposed"] = _side_from_balance(draft, amount, side)
            return
        under = _under_ad_caption(tok, cols[ic], ad_x) if row.shape != SPACE else None
        if positional and under is not None and ad_x is not None and ad_x[:2] != (ia, id_):
            # the table's own caption row puts (A) and (D) in other cells than the form's
            # positions (``|Code<br>V|(A)||(D)|``: the converter drew its columns otherwise,
            # the same for both rows), with the row's code under its Code caption: the caption
            # row says the side, or that the amount stands under neither
            if not under:
                v["shares"], v["acquired_disposed"] = (a if a is not None else d), None
                draft.notes.append(
                    (
                        "acquired_disposed",
                        f"{tok.text!r} stands in cell {tok.cell + 1}, under neither the (A) nor"
                        " the (D) caption of the table's caption row: left empty",
                    )
                )
                return
            positional = False
        if positional and row.shape != SPACE and tok.cell not in (ia, id_):
            # as many cells as the form has columns, but the amount is not in the (A) or (D)
            # one: a cell was lost and another added in the row, so its cell says no side.
            # Only a balance below the amount proves one (a disposal).
            v["shares"] = amount = a if a is not None else d
            if _disposal_proven(amount, v.get("shares_owned_following")):
                v["acquired_disposed"] = _side_from_balance(draft, amount, "D")
                return
            v["acquired_disposed"] = None
            draft.notes.append(
                (
                    "acquired_disposed",
                    f"{tok.text!r} stands in cell {tok.cell + 1}, neither the (A) nor the (D) "
                    "one of a row of the form's width: left empty",
                )
            )
            return
        if not positional:
            code_toks = cols[fields.index("code")]
            code_at = code_toks[0].cell if code_toks else -1
            if row.shape == SPACE and ad_x is not None and ad_x[2] == _BY_CODE:
                # a scan: the captions' line starts at the margin, so the (A) and (D) captions
                # are placed from the code's caption, and the row's line by its code
                if not code_toks and dropped:
                    code_toks = _garbled_code(cols[fields.index("transaction_date")], tok, dropped)
                title_toks = (
                    cols[fields.index("underlying_title")] if "underlying_title" in fields else []
                )
                by_code = _side_by_code(draft, tok, code_toks, ad_x, title_toks)
                if by_code is None:
                    v["shares"] = amount = a if a is not None else d
                    v["acquired_disposed"] = _side_from_balance(draft, amount, side)
                    return
                side = by_code
            elif row.shape == SPACE and ad_x is not None and ad_x[2] < 0:
                centre = tok.x + len(tok.text) / 2
                to_a, to_d = abs(centre - ad_x[0] - 1.5), abs(centre - ad_x[1] - 1.5)
                if abs(to_a - to_d) < 2:
                    v["shares"], v["acquired_disposed"] = (a if a is not None else d), None
                    draft.notes.append(
                        (
                            "acquired_disposed",
                            f"{tok.text!r} sits between the (A) and (D) columns; left empty",
                        )
                    )
                    return
                side = "A" if to_a < to_d else "D"
            elif (
                ad_x is not None
                and row.shape != SPACE
                and code_at == ad_x[2]
                and tok.cell in ad_x[:2]
            ):
                side = "A" if tok.cell == ad_x[0] else "D"
                against = code in (_DISPOSES_T2 if side == "A" else _ACQUIRES_T2)
                if (uneven or _joined_across(cols, row)) and not against:
                    # (against its code, the doubt is said below) a cell lost or split between
                    # the code and the amount moves it to the other side, and the row's count
                    # of cells says one was: or, as many cells as the captions', a value cut
                    # across two cells says one was gained, so another was lost
                    draft.notes.append(
                        (
                            "acquired_disposed",
                            f"({side}) from the amount's cell, in a row whose cells do not match"
                            " the captions'; unsure",
                        )
                    )
            else:
                v["shares"] = amount = a if a is not None else d
                v["acquired_disposed"] = _side_from_balance(draft, amount, side)
                return
        v["shares"], v["acquired_disposed"] = amount, side = (a if a is not None else d), side
        if side == "A" and _disposal_proven(amount, v.get("shares_owned_following")):
            if row.shape != SPACE:
                # a cell says (A) and the balance after says no row acquires that much: either
                # a cell was lost before the amount and another gained (the text moved it from
                # (D)), or the filing's balance does not follow. Neither is sure, so the side
                # is left empty, never turned into a (D) the filer may not have written
                v["acquired_disposed"] = None
                draft.notes.append(
                    (
                        "acquired_disposed",
                        f"{amount} stands in the (A) cell, but {v.get('shares_owned_following')}"
                        " owned after is less: a cell moved or the balance does not follow;"
                        " left empty",
                    )
                )
                return
            # the amount's place said (A), but no row acquires more than it holds after: in
            # text laid out by spaces the place was wrong (an amount wider than its column
            # reaches under the other caption)
            v["acquired_disposed"] = _side_from_balance(draft, amount, "A")
            return
        if code is None and not any(f == "acquired_disposed" for f, _ in draft.notes):
            # only the amount's cell says the side, and a cell lost before it (the code's,
            # here) moves the amount from (D) to (A)
            draft.notes.append(
                ("acquired_disposed", f"({side}) from the amount's cell in a row with no code")
            )
        _check_direction(draft, _ACQUIRES_T2, _DISPOSES_T2)
        return
    if "acquired_disposed" not in fields:
        return
    _check_direction(draft, _ACQUIRES_T1, _DISPOSES_T1)
    known = code in _ACQUIRES_T1 or code in _DISPOSES_T1
    if v.get("shares") is not None and v.get("acquired_disposed") is None and known:
        # the text lost the letter: the code's usual way is a guess, not what was filed
        usual = "A" if code in _ACQUIRES_T1 else "D"
        if not any(f == "acquired_disposed" for f, _ in draft.notes):
            draft.notes.append(
                (
                    "acquired_disposed",
                    f"(A) or (D) missing; left empty (code {code} usually goes {usual})",
                )
            )


_JOINED = "joined number split across cells"
"""The start of the note :func:`ocr.join_split_numbers` leaves on a number it joined."""


def _straddles(
    tok: Token,
    row: Row,
    ia: int,
    id_: int,
    positional: bool,
    ad_x: AdPlaces | None,
) -> bool:
    """Whether a Table II amount joined from two cells' pieces (``|50|,000|``) has its first
    piece in the (A) cell and its second in the (D) cell right after it, by the form's
    positions (a row of the form's cells) or by the table's own caption row: a cell border was
    drawn through the number, which stands under both captions, so its cell says no side (the
    joined token keeps only its first piece's cell, which would read (A))."""
    pairs = [(ia, id_)] if positional else []
    if ad_x is not None and ad_x[2] >= 0:
        pairs.append((ad_x[0], ad_x[1]))
    if (tok.cell, tok.cell + 1) not in pairs or tok.cell + 1 >= len(row.cells):
        return False
    joined = any(n.startswith(_JOINED) for n in tok.notes)
    return joined and tok.text.lstrip("$") not in row.cells[tok.cell]


def _joined_across(cols: list[list[Token]], row: Row) -> bool:
    """Whether a value of the row was joined from pieces in two cells (``|222|,700|``): the
    cut gave the row a cell, so a row with as many cells as its captions lost one somewhere,
    and the cells after the loss stand one column off."""
    return any(
        any(n.startswith(_JOINED) for n in t.notes)
        and t.cell + 1 < len(row.cells)
        and t.text.lstrip("$") not in row.cells[t.cell]
        for toks in cols
        for t in toks
    )


def _under_ad_caption(tok: Token, code_toks: list[Token], ad_x: AdPlaces | None) -> str | None:
    """The side a row of cells' amount stands under by the table's caption row (``ad_x``
    from :func:`_ad_positions`): only where the row's code stands in the ``Code`` caption's
    cell, so that no cell was lost or split before the amount; ``""`` where the amount stands
    under neither caption, None where the caption row does not say."""
    if ad_x is None or ad_x[2] < 0 or not code_toks or code_toks[0].cell != ad_x[2]:
        return None
    if tok.cell == ad_x[0]:
        return "A"
    return "D" if tok.cell == ad_x[1] else ""


_BY_CODE = -2
"""``_ad_positions``' third item for a scan: the (A) and (D) captions' places are offsets from
the ``Code`` caption's, to be added to the row's code letter's place."""


def _garbled_code(dates: list[Token], amount: Token, dropped: list[Token]) -> list[Token]:
    """The token a scan made of the row's code letter (``mM``, ``Cc``), unread and left out:
    the one short word left out between the transaction date and the amount, where only the
    code's and V's columns lie. It stands where the code does, whatever it says."""
    if not dates:
        return []
    lo, hi = dates[0].x + len(dates[0].text), amount.x
    between = [t for t in dropped if lo < t.x < hi]
    if len(between) != 1 or len(between[0].text) > 3 or not between[0].text[:1].isalpha():
        return []
    return between


def _side_by_code(
    draft: Draft,
    tok: Token,
    code_toks: list[Token],
    ad_x: AdPlaces,
    title_toks: list[Token],
) -> str | None:
    """(A) or (D) of a scan's Table II amount by where it stands from the row's code letter,
    against where the (A) and (D) captions stand from the ``Code`` caption (the code sits under
    its caption; every line of a scan starts at the margin, so only such distances hold). The
    engine spaces words by estimate: a side is read only where the amount is clearly nearer
    one caption (three characters or more), and said with a doubt; None otherwise."""
    if not code_toks:
        return None
    code_x = code_toks[0].x
    centre = tok.x + len(tok.text) / 2
    scale = 1.0
    if ad_x[3] > ad_x[1] and title_toks and title_toks[0].x > tok.x:
        # the engine spaces each line by its own estimate: where the row's underlying title
        # stands from its code says how much wider the row's line is spaced than the captions'
        scale = (title_toks[0].x - code_x) / ad_x[3]
        if abs(scale - 1) < 0.15:
            scale = 1.0
    to_a = abs(centre - code_x - (ad_x[0] + 1.5) * scale)
    to_d = abs(centre - code_x - (ad_x[1] + 1.5) * scale)
    if abs(to_a - to_d) < 3:
        return None
    side = "A" if to_a < to_d else "D"
    draft.notes.append(
        (
            "acquired_disposed",
            f"({side}) from where {tok.text!r} stands from the code, as the ({side}) caption"
            " from the Code caption in the scan; unsure",
        )
    )
    return side


def _disposal_proven(amount: object, following: object) -> bool:
    """A row cannot have acquired more than it holds after, so a balance below the amount
    makes a disposal likely whatever the text lost; likely, not certain (some filers put the
    filing's final balance on every row), so the side read from it carries a doubt."""
    return isinstance(amount, Decimal) and isinstance(following, Decimal) and following < amount


def _side_from_balance(draft: Draft, amount: object, placed: str) -> str | None:
    """(A) or (D) of a Table II amount whose column the text does not show (plain text, a
    converter's run of cells). Near certain: a row cannot have acquired more than it holds
    after, so a balance below the amount is read as a disposal, with a doubt. Otherwise the
    code says which way it usually goes (an option exercised under M is at times reported
    acquired, a grant under A at times disposed), and the cell the amount was aligned to says
    nothing sure either: the side is left empty with a doubt naming the usual way (the ledger
    leaves the change unsigned and follows the filer's balance; the audit shows the doubt)."""
    following = draft.values.get("shares_owned_following")
    if _disposal_proven(amount, following):
        draft.notes.append(
            (
                "acquired_disposed",
                f"read (D): (A)/(D) column unclear, and {following} owned after is less "
                f"than the {amount} of the row",
            )
        )
        return "D"
    code = draft.values.get("code")
    if code in _ACQUIRES_T2 or code in _DISPOSES_T2:
        usual = "A" if code in _ACQUIRES_T2 else "D"
        draft.notes.append(
            (
                "acquired_disposed",
                f"(A)/(D) column unclear; left empty (code {code} usually goes {usual})",
            )
        )
        return None
    draft.notes.append(
        ("acquired_disposed", f"(A)/(D) column unclear; left empty (aligned nearer {placed})")
    )
    return None


def _check_direction(draft: Draft, acquires: frozenset[str], disposes: frozenset[str]) -> None:
    """A code that usually goes one way (a grant or purchase acquires, a sale or an exercised
    option disposes) against the (A)/(D) read: a cell lost or added before the amount moves it
    to the other side (an option grant read as a disposal). Filers do write the other side at
    times, so the side read is kept, with a doubt."""
    v = draft.values
    code, side = v.get("code"), v.get("acquired_disposed")
    if side is None or not isinstance(code, str):
        return
    if (side == "A" and code in disposes) or (side == "D" and code in acquires):
        draft.notes.append(
            ("acquired_disposed", f"({side}) read, but code {code} usually goes the other way")
        )


_TXN_SIGNS = ("transaction_date", "deemed_execution_date", "shares", "price")
"""What shows a row is a transaction beside its code."""


def _check_row(draft: Draft, fields: tuple[str, ...], cells: bool = False) -> None:
    """Doubts worth a reviewer's eye: a transaction without date, code, amount or resulting
    balance. ``cells``: the row's cells are the converter's own (positions are cell indexes)."""
    v = draft.values
    code = v.get("code")
    if (
        code is not None
        and v.get("security_title") is not None
        and (v.get("shares_owned_following") is not None or v.get("ownership") is not None)
        and not any(v.get(f) is not None or any(g == f for g, _ in draft.notes) for f in _TXN_SIGNS)
    ):
        # a code is the only sign of a transaction in a row that shows a holding (its title,
        # and its balance or form), with no date, amount or price, read or unreadable
        # (``Common  I  400  I  By ...``: a tab damaged to ``I`` in a holding's row). Whether
        # the letter is a code or a stray character, the text does not say. (A line of a code
        # alone is a code pushed out of the row above: :func:`_pushed_down` takes it.)
        v["code"] = None
        draft.notes.append(
            (
                "code",
                f"{code!r} read as a code in a row with no date, amount or price: a transaction"
                " the rest of the row does not show, or a stray letter; unsure, left empty",
            )
        )
    is_txn = v.get("transaction_date") is not None or v.get("code") is not None or draft.code_unsure
    if is_txn:
        v.setdefault("voluntary", False)
        if v.get("shares") is None and not any(f == "shares" for f, _ in draft.notes):
            draft.notes.append(("shares", _NO_AMOUNT))
            if v.get("acquired_disposed") is None and (
                "acquired_disposed" in fields or "shares_a" in fields
            ):
                # the (A) or (D) beside the amount went with it (``2,390 D`` in a lost cell)
                draft.notes.append(("acquired_disposed", _NO_SIDE))
        if v.get("transaction_date") is None and not any(
            f == "transaction_date" for f, _ in draft.notes
        ):
            draft.notes.append(("transaction_date", "transaction code without a date"))
        if v.get("code") is None and not any(f == "code" for f, _ in draft.notes):
            draft.notes.append(("code", "transaction date without a transaction code"))
    else:
        # an amount or a price of a transaction in a row with none: a shifted or repeated cell
        for f, what in (("shares", "amount"), ("price", "price")):
            shown = v.get(f)
            if shown is None:
                continue
            v[f] = None
            draft.set_aside[f] = shown
            if f == "shares" and v.get("acquired_disposed") is not None:
                draft.set_aside["acquired_disposed"] = v["acquired_disposed"]
                draft.notes.append(
                    ("acquired_disposed", f"its side ({v['acquired_disposed']}) {_SET_ASIDE}")
                )
            if f == "shares":
                v.pop("acquired_disposed", None)
            draft.notes.append((f, f"{shown} in the {what} column {_SET_ASIDE}"))
            at = next((draft.where[c] for c in (f, f"{f}_a", f"{f}_d") if c in draft.where), None)
            if cells and at is not None:
                # one cell held it and a value read elsewhere (``$3.9 5``): two values a
                # converter merged, or one with a stray space inside; the other is unsure too
                for g, x in draft.where.items():
                    if x == at and g not in (f, f"{f}_a", f"{f}_d") and v.get(g) is not None:
                        draft.notes.append(
                            (g, f"read from the cell that also held {shown}; unsure")
                        )
        balance = v.get("shares_owned_following")
        if (
            "shares" in draft.set_aside
            and v.get("ownership") is None
            and isinstance(balance, Decimal)
            and 0 <= balance < 10
        ):
            # ``INNSUITES   4,002,800   7   See Footnotes``: a holding's one amount, and a digit
            # where the ownership form stands (its ``I`` garbled, or a marker's rest): which is
            # the balance, the text does not say
            v["shares_owned_following"] = None
            draft.notes.append(
                (
                    "shares_owned_following",
                    f"{balance} after the amount {draft.set_aside['shares']} in a row with no"
                    " date, code or ownership form: the balance, or the form garbled beside"
                    " it? left empty",
                )
            )
    if (
        "ownership" in fields
        and v.get("ownership") is None
        and not any(f == "ownership" for f, _ in draft.notes)
    ):
        draft.notes.append(("ownership", "no ownership form (D or I)"))
    if v.get("shares_owned_following") is None and not any(
        f == "shares_owned_following" for f, _ in draft.notes
    ):
        draft.notes.append(("shares_owned_following", "no amount owned following"))


_MODEL_TYPES = (Decimal, dt.date, str, bool)  # a tuple: isinstance of a union is slower


# A word broken after its hyphen where a cell wrapped (``Non-`` / ``Qualified``) comes back
# with the line break as a space; a hyphen written with a space after it has one before too.
_WRAPPED_HYPHEN = re.compile(r"(?<=[A-Za-z])- (?=[A-Za-z])")


def to_model_values(draft: Draft) -> dict[str, object]:
    """Model-ready keyword arguments for a row."""
    v = dict(draft.values)
    v["kind"] = (
        "holding"
        if v.get("transaction_date") is None and v.get("code") is None and not draft.code_unsure
        else "transaction"
    )
    for k, val in list(v.items()):
        if isinstance(val, str) and "- " in val and k in TEXT_FIELDS:
            v[k] = _WRAPPED_HYPHEN.sub("-", val)
        if val is None or isinstance(val, _MODEL_TYPES):
            continue
        v[k] = None
    v["footnotes"] = draft.footnotes
    v["line"] = draft.line
    return v
