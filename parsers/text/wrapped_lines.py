"""Lines with words and no values: the wrapped parts of a neighbouring row's title or nature.

Which row and which cell a wrapped line continues is decided from the columns' places, the
brackets and markers left open, and the way titles end; where more than one reading is left,
the choice is deferred to :mod:`parsers.text.wraps` or the cell is left empty with a note.
"""

from __future__ import annotations

import re

from parsers.text import wraps
from parsers.text.captions import is_header_row
from parsers.text.cells import LOOSE, PIPE, PLAIN, SPACE, TABLED, Row
from parsers.text.columns import TEXT_FIELDS
from parsers.text.debris import (
    DASH_BETWEEN_WORDS,
    GROUPED_NUMBER,
    HAS_WORD,
    TORN_MARKER,
    VOWELS,
    clean_words,
    order_of,
    text_fields,
    torn_marker,
)
from parsers.text.drafts import Draft, add_refs, mark_ids
from parsers.text.patterns import letter_words
from parsers.text.placing import FOOTNOTE_FIELD
from parsers.text.table_row import THREE_LETTERS
from parsers.text.tokens import LETTER, MARKER, NA, NUM, TEXT, YEAR, Token
from parsers.text.word_breaks import Cut, may_be_cut
from parsers.text.wraps import Undecided

# What a browser prints at the top and bottom of each page when a filing is printed to PDF: the
# page's address (with "1/3") and the date, time and tab title. It can fall between two rows.
PAGE_FURNITURE = re.compile(
    r"(?:https?://|www\.)\S+(?:\s+\d{1,3}\s*/\s*\d{1,3})?\s*$"
    r"|\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AaPp]\.?[Mm]\b"
)


def title_frag(row: Row, words: list[Token], draft: Draft) -> tuple[str, str] | None:
    """What a line has in the title column (where ``draft``'s title sits), if anything: the
    cell as written (its width counts) and its words (markers left out)."""
    at = draft.where.get("security_title", 0)
    for t in words:
        if t.kind == TEXT and (abs(t.x - at) <= 2 if row.shape == SPACE else t.x == at):
            return row.cells[t.cell], " ".join(
                w.text for w in words if w.cell == t.cell and w.kind == TEXT
            )
    return None


def title_width(rows: list[Row]) -> int | None:
    """How wide the title column wraps in layout text: the longest multi-word piece of data at
    the left margin (a wrapped line never exceeds the width; one long word may). Captions are
    left out: a converter may wrap them to another width."""
    if not any(r.shape == SPACE for r in rows):
        return None
    width = 0
    for r in rows:
        if r.shape in LOOSE and r.xs[0] <= 2 and " " in r.cells[0]:
            cell = r.cells[0]
            if not PAGE_FURNITURE.match(cell) and not is_header_row(r.text):
                width = max(width, len(cell))
    return width or None


_MARK_END = re.compile(r"(?:\(\d{1,3}\)|\[\d{1,3}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]|</sup>)\s*$")


def _continues(frag: str) -> bool:
    """A title fragment that cannot start a title: lower case, ``(Right to Buy)``, ``Buy)``."""
    return frag[0].islower() or frag[0] == "(" or frag.count(")") > frag.count("(")


def split_wrapped(
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
    frags = [title_frag(r, w, ref) for r, w in lines]
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


def words_left_below(
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


def attach(
    draft: Draft,
    pairs: list[tuple[Row, list[Token]]],
    fields: tuple[str, ...],
    before: bool,
    columns: bool = True,
    flush: bool = False,
    went_on: frozenset[str] | None = None,
    kept: dict[int, dict[int, str]] | None = None,
) -> None:
    """Fold wrapped text lines into ``draft``, each word run into the nearest text column.

    A line with no columns of its own (``columns`` false and a plain run of words) says where
    its words go only when the row has one text cell they can continue; with two or more
    (``Stock`` ... ``Common`` / ``Option Stock``: the title's words or the underlying's?)
    those cells are left empty with a doubt rather than given words that may not be theirs.
    In ``flush`` layout text (OCR: every line starts at the margin) a line of one cell is as
    placeless as a plain one. Plain lines after a markdown row's continuation rows of cells
    (``Remainder`` / ``Unitrust I`` under ``| Stock | Stock | Charitable |``) are cut after
    those rows are placed, knowing which cells went on to the last of them (``went_on``).
    ``kept``: which text cell each pipe column of those rows went to, by the rows' number of
    cells (see below)."""
    targets = list(text_fields(fields))
    if not columns and not before and not flush and went_on is None:
        plain = [r.shape == PLAIN for r, _ in pairs]
        n = plain.index(True) if True in plain else 0
        if n and all(plain[n:]):
            kept = {} if kept is None else kept
            if n > 1:
                attach(draft, pairs[: n - 1], fields, before, columns, flush, frozenset(), kept)
            had = {f: draft.values.get(f) for f in targets}
            attach(draft, pairs[n - 1 : n], fields, before, columns, flush, frozenset(), kept)
            now = frozenset(f for f in targets if draft.values.get(f) != had[f])
            attach(draft, pairs[n:], fields, before, columns, flush, now, kept)
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
            for f in targets:
                if (
                    f != "security_title"
                    and f not in draft.closed
                    and isinstance(draft.values.get(f), str)
                    and any(_word_past_a_par_value(t.text) for _, w in pairs[stray:] for t in w)
                ):
                    # (the lines hold more than the par value: ``value $0.010°)   spouse”)``
                    # under ``... Held by the Reporting Person's``, remix seed 911's scan)
                    draft.leave_empty(
                        f, f"margin line(s) '{said}' below, left out, may hold its rest"
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
            if to == targets[0] and "nature_of_ownership" in targets and not before:
                past = _past_the_titles_noun(draft, placeless, targets[0])
                if past:
                    gone = {id(w) for w in past}
                    lines = [w for w in lines if id(w) not in gone]
                    placeless = [w for w in placeless if id(w) not in gone]
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
            kept = {} if kept is None else kept
            for r, w in pairs:
                groups = _cell_groups(w) if r.shape in TABLED else []
                cols = kept.setdefault(len(r.cells), {})
                by_cols = _by_columns(groups, cols, open_cells, targets) if groups else None
                if by_cols is not None:
                    # ``| Stock Units | ... | Depositary |`` under ``Market $10.48 (6) (7)
                    # American ... I By ESOP``: each cell under the column the captions (or a
                    # line above) say, the rest in order, where the words' order alone names
                    # no cell for sure
                    for f, toks in by_cols:
                        _append_words(draft, f, toks, before)
                        cols[toks[0].cell] = f
                    lines = [x for x in lines if x is not w]
                elif groups and any(g[0].cell in cols for g in groups):
                    pass  # (cells under columns that do not fit the open cells: nothing sure)
                elif groups and len(groups) == len(open_cells) > 1:
                    for f, toks in zip(open_cells, groups, strict=True):
                        _append_words(draft, f, toks, before)
                        cols[toks[0].cell] = f
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
    order = order_of(fields)
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
            or (f == "nature_of_ownership" and torn_marker(draft.values.get(f)))
        }
        if flush and not before
        else set()
    )
    # under a scan's row, the title wraps within its column, one cell a line (at the margin),
    # so a line of words spread over several cells that all go to the title is no rest of it
    # but a row whose values the scan garbled (``[Common ____oariav2022   ee ee ee``)
    scan_below = flush and not before
    tied: list[tuple[str, str, str]] = []  # words about as near two text columns, in a scan
    title_ended = False  # a scan's line was left out as past the title's end
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
            if scan_below and to is None and t.x >= 4 and THREE_LETTERS.search(t.text):
                other = min(((abs(x - pos), g) for _, x, g in spots if g != f), default=None)
                if other is not None and other[0] - near < _SCAN_TIE:
                    tied.append((f, other[1], t.text))
            goes.append(to if to is not None else f)
        if scan_below and to is None:
            moved = _scan_line_moved(draft, extra, toks, goes, spots)
            if moved is None:
                moved = _two_cells_in_one_column(toks, goes, spots)
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
                f in shut and HAS_WORD.search(t.text) and not _marks_only(t.text)
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
            for f in dict.fromkeys(
                f for t, f in zip(toks, goes, strict=True) if HAS_WORD.search(t.text)
            ):
                if n == 0 and f not in shut and isinstance(draft.values.get(f), str):
                    # (or, right under the row, its wrapped words after all: ``Class A`` /
                    # ``Ordinary`` beside ``Phantom Stock ¢3,74(3)`` / ``Units``, remix seed
                    # 923's scan; a cell that wrapped a line already is read as it stands)
                    draft.leave_empty(
                        f, f"line(s) '{said}' below, left out, put words in this cell: its rest?"
                    )
            break
        worded = [(t, f) for t, f in zip(toks, goes, strict=True) if HAS_WORD.search(t.text)]
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
            title = draft.values.get("security_title")
            if n == 0 and isinstance(title, str) and wraps.opens_only(title):
                # ``Performance-`` over ``Based Shares`` (remix seed 1247's scan, read as the
                # title, wrong): a title cut mid-name whose rest may be those lines' words
                draft.leave_empty(
                    "security_title",
                    f"{title!r} ends mid-name, and line(s) '{said}' below, left out, may hold"
                    " its rest; left empty",
                )
            break
        if title_ended and any(f == "security_title" for _, f in worded):
            # ``Common Shares of`` / ``Beneficial Interest`` / ``Shares`` (left out) / ``Common
            # Shares of`` ...: past a line left out as past the title's end, no later line is
            # its rest (joined, they had skipped it: the title read twice, remix seed 1211's
            # scan); the lines are left out
            said = " / ".join(" ".join(t.text for t in w if t.text) for w in lines[n:])
            draft.notes.append(
                (
                    "security_title",
                    f"line(s) '{said}' below left out: they follow a line left out as past the"
                    " title's end; unsure",
                )
            )
            break
        if id(toks) in piped:
            _wrapped_cuts(draft, toks, goes)
        if (
            scan_below
            and {f for _, f in worded} == {"security_title"}  # (a speck beside it: ``:``)
            and "security_title" not in draft.blurred
        ):
            title = _title_so_far(draft, extra)
            said = " ".join(t.text for t, f in worded)
            if _runs_title_on(title, said):
                title_ended = True
                # ``Common Stock, par`` / ``value $0.001`` / ``value``: a par value ends a
                # title, so a scan's line after it is none of it (a word read twice, or a lost
                # row's); left out
                if said.startswith("(") and not _runs_title_on(title, said.split()[0]):
                    # ``Common Stock`` / ``(restricted) YU)``: a qualifier that goes on the
                    # title, then what a scan read of torn markers (remix seed 1217's scan):
                    # the title's rest, or a lost row's line; kept cut, it had read wrong
                    draft.leave_empty(
                        "security_title",
                        f"line '{said}' below opens as a title's wording after {title!r} but runs"
                        " on past where a title ends: its rest and debris, or a lost row's; left"
                        " empty",
                    )
                    continue
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
                add_refs(draft, FOOTNOTE_FIELD.get(f, f), mark_ids(t.marks))
    if placed_first and draft.undecided is not None:
        u = draft.undecided
        first = tuple(
            " ".join([u.first[c], *extra.get(f, [])]).strip() for c, f in enumerate(u.cells)
        )
        # the scan's debris off the margin lines; a ")" stays only where a cell left a "(" open
        bracket = any(text.count("(") > text.count(")") for text in first)
        wrapped = []
        for margin in u.lines:
            # (a dash alone between two words stays, so that the words it joins say it:
            # ``(PSUs) - Relative`` / ``TSR``, remix seed 1229's scan, had lost it)
            line = clean_words(
                margin, bracket, dashes=DASH_BETWEEN_WORDS.search(margin) is not None
            )
            if _EDGE_DASH.search(margin) and line and not line.endswith("-"):
                # ``(PSUs) -`` / ``Relative TSR`` (remix seed 1217's scan): a dash ending a
                # wrapped line is line, so that the words it joins say it (a dash or a speck:
                # the cell is left empty, :func:`parsers.text.debris.clean_text`); dropped,
                # the title had read ``(PSUs) Relative TSR`` (wrong)
                line += " -"
            wrapped.append(line)
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
    cells = _cell_groups([t for t in toks if HAS_WORD.search(t.text)])
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
    _debris_with_the_word_before(toks, moved)
    why = (
        f"its first word at the margin, as a scan prints every line, would run the title on"
        f" past its end ({clean_words(f'{title} {first}')!r}): its cells read as those of"
        f" {', '.join(after)}"
    )
    return moved, why


def _debris_with_the_word_before(toks: list[Token], goes: list[str]) -> None:
    """A marker or debris of a moved line goes with the word before it."""
    for i in range(1, len(toks)):
        if not HAS_WORD.search(toks[i].text):
            goes[i] = goes[i - 1]


def _two_cells_in_one_column(
    toks: list[Token],
    goes: list[str],
    spots: list[tuple[int, float, str]],
) -> tuple[list[str], str] | None:
    """A scan's line whose last two cells are both nearest the underlying title's column
    (``Option      Common      D. Schaufeld`` under ``Stock ... Class A ... I   By
    Fredrick``): each line is spaced on its own scale, but a line's cells are columns, in
    order, so the last is the text column after the underlying title, the nature (the
    underlying title had read ``Class A Common D. Schaufeld Stock``). Only where the nature is
    one of the row's columns. And the other way round: both nearest the nature's column
    (``(right to      Common      Beaver`` under ``... Class A ... I   By SVF II``, remix seed
    673: the nature had read ``By SVF II Common Beaver (DE) LLC``, the underlying title
    ``Class A Stock``), the one before the last is the underlying title's, where the line has
    as many cells as the row has text columns and none went to the underlying title: each
    cell its column, in order. The new places and the reason returned, for a doubt on the
    cells they fill."""
    at = {id(t): i for i, t in enumerate(toks)}
    cells = _cell_groups([t for t in toks if HAS_WORD.search(t.text)])
    to = [{goes[at[id(t)]] for t in c} for c in cells]
    if len(cells) < 2 or to[-1] != to[-2]:
        return None
    columns = {g for _, _, g in spots}
    if to[-1] == {"underlying_title"} and "nature_of_ownership" in columns:
        cell, f, which = cells[-1], "nature_of_ownership", "the last"
    elif (
        to[-1] == {"nature_of_ownership"}
        and "underlying_title" in columns
        and len(cells) == len(columns)
        and not any("underlying_title" in t for t in to)
    ):
        cell, f, which = cells[-2], "underlying_title", "the one before the last"
    else:
        return None
    moved = list(goes)
    for t in cell:
        moved[at[id(t)]] = f
    _debris_with_the_word_before(toks, moved)
    said = " ".join(t.text for t in cell)
    why = (
        f"its last two cells both nearest the {next(iter(to[-1])).replace('_', ' ')}'s column, as a"
        f" scan spaces each line on its own: {which} ({said!r}) read as the"
        f" {f.replace('_', ' ')}'s, the column {'after' if which == 'the last' else 'before'} it"
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
    words = clean_words(said)
    if not HAS_WORD.search(words):
        return
    last = under.split()[-1].strip(",.;").casefold() if under.split() else ""
    if last in wraps.ENDING_NOUNS or wraps.runs_past_its_end(f"{under} {words}"):
        return
    draft.leave_empty(
        "underlying_title",
        f"line '{said}' below, left out of the title, may be the rest of the underlying title"
        f" ({under!r}): a scan's margin line keeps no column; left empty",
    )


_EDGE_DASH = re.compile(r"[^\W_][)\]]? [-\u2013\u2014]\s*$")
"""A line ending on a dash alone after a word (``(PSUs) -``)."""


def _runs_title_on(title: str, words: str) -> bool:
    """``words`` after ``title`` would run it on past its end where it had not yet reached it
    (a par value, an option's wording or a security's noun ends a title:
    :func:`parsers.text.wraps.runs_past_its_end`), scan debris aside on both sides (``Stock
    Option (Right to Buy) |)``, a rule and a torn marker after it, has reached its end: it had
    read as run past it, so ``Stock)`` below went on it)."""
    return not wraps.runs_past_its_end(clean_words(title)) and wraps.runs_past_its_end(
        clean_words(f"{title} {words}")
    )


_PAR_WORDS = frozenset({"par", "value", "per", "share", "no"})


def _word_past_a_par_value(text: str) -> bool:
    """A word a par value's line holds besides the par value's own (``spouse”)`` beside
    ``value $0.010°)``): another cell's."""
    letters = "".join(c for c in text if c.isalpha()).casefold()
    return len(letters) > 1 and letters not in _PAR_WORDS


def _par_line_elsewhere(draft: Draft, pairs: list[tuple[Row, list[Token]]]) -> int | None:
    """The first of a scan's lines below a row that opens on a par value (``$0.01 par value``,
    ``par value $0.001``; ``value $0.001`` after ``par`` or ``nominal``) where the title read
    so far does not end as a title does before one (``Stock,``; ``Shares, no``; ``Stock,
    par``; ``Shares, nominal``, remix seeds 1243-1249's scans, left empty before): under
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
            ("par", "nominal")  # (``Ordinary Shares, nominal`` / ``value $0.0001 per share``)
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
    """Footnote markers a scan ran together or tore (``(891011)``, ``(8€9)``; ``10)`` under a
    cell that closed on its marker's opening, ``footnotes”)`` / ``10)``): no words. Asked only of
    what stands under a cell its marker ended."""
    return (
        _LOST_MARKS.fullmatch(text) is not None
        or TORN_MARKER.fullmatch(text) is not None
        or _DIGITS_CLOSED.fullmatch(text) is not None
    )


_DIGITS_CLOSED = re.compile(r"\d{1,3}\)")


_RULED_START = re.compile(r"\s*\[[^\W\d_]")
"""A scan's line opening on ``[`` before a letter: the rule over a row, read as a bracket."""


REPEATS = "repeats the line above"


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
            and torn_marker(above)
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
            and THREE_LETTERS.search(said)
        ):
            for f in targets:
                if draft.values.get(f) and f not in draft.closed:
                    draft.notes.append(
                        (
                            f,
                            f"line {r.line} below {REPEATS}{'' if said == above else ' (its end)'}"
                            f" word for word ('{said}'): read once, the other taken for the rest"
                            " of a row the scan lost; unsure",
                        )
                    )
            continue
        earlier = [" ".join(t.text for t in x if t.text) for _, x in kept[:-1]]
        if (
            len({t.cell for t in w}) == 1
            and said in earlier
            # (a line of several cells between is a lost row's own, left out by attach)
            and all(len({t.cell for t in x}) == 1 for _, x in kept[earlier.index(said) :])
            and THREE_LETTERS.search(said)
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


def _scan_debris(words: list[Token], text: str = "") -> bool:
    """A scan's margin line of two words or more with no three letters in a row in any
    (``Sa | ei ee``): no title or nature wraps so, but a scan's speckles read as letters do.
    So is a line of small lower-case words spread over several cells, at most one of three
    letters (``see | a ee ee``): a cell's wrapped words stand one space apart, in one cell."""
    texts = [t.text for t in words if t.text]
    split = " ".join(texts).split()
    if len(split) < 2:
        return False
    if not any(THREE_LETTERS.search(x) for x in texts):
        return True
    if (
        len(split) >= 3
        and all(w.isalpha() and w.islower() for w in split)
        and 3 * sum(set(w) <= VOWELS for w in split) >= 2 * len(split)
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
    if (
        len(split) >= 3
        and all(w.isalpha() and w.islower() and len(w) <= 3 for w in split)
        and any(not set(w) & (VOWELS | {"y"}) for w in split)
    ):
        return True  # ``ees eg nrc | |``: small specks (by a scan's box rules), one with no
        # vowel: a wrapped line of words this short is a nature's (``by his son``), all voiced
    return (
        len(split) >= 3
        and (len({t.cell for t in words if t.text}) > 1 or "|" in text)  # (a rule between)
        and all(w.isalpha() and w.islower() for w in split)
        and sum(len(w) >= 3 for w in split) <= 1
    )


_NATURES_OWN = frozenset(
    {"see", "footnote", "footnotes", "by", "trust", "unitrust", "trustee", "trustees", "ttee"}
    | {"spouse", "family", "charitable", "remainder", "irrevocable", "revocable", "ira", "gst"}
    | {"foundation", "member", "son", "daughter", "children", "wife", "husband", "llc"}
)
"""Words a nature of ownership is written with and no security's title (``See footnote``,
``Charitable Remainder Unitrust``, ``By Spouse``)."""


def _past_the_titles_noun(
    draft: Draft, placeless: list[list[Token]], title: str
) -> list[list[Token]]:
    """The margin lines, from the first that would take the title on past its noun with a word
    no title goes on with (:func:`parsers.text.wraps.goes_on_past_noun`) and holding a word
    only a nature is written with (:data:`_NATURES_OWN`), that are no part of the title:
    ``Common Share ... SMB Pacific 2021`` / ``Charitable Remainder`` / ``Unitrust I`` (the
    nature left empty: no form on the row), ``Class A ... 798,018`` / ``Common Stock`` / ``Kou
    cole ee ee See footnote``. They are the nature's rest, or the scan's debris; the nature is
    left empty with them (a doubt), and the lines before them stay the title's. (Without a
    nature's word the lines may be the rest of a title that goes on past its noun.)"""
    so_far = str(draft.values.get(title) or "")
    for k, w in enumerate(placeless):
        words = " ".join(t.text for t in w if t.text)
        if (
            so_far
            and wraps.goes_on_past_noun(so_far, f"{so_far} {words}")
            and not _NATURES_OWN.isdisjoint(
                letter_words(" ".join(t.text for x in placeless[k:] for t in x))
            )
        ):
            past = placeless[k:]
            said = " / ".join(" ".join(t.text for t in x if t.text) for x in past)
            message = (
                f"margin line(s) '{said}' below: no title goes on past its noun so; the rest of"
                " the nature or the scan's debris: left empty"
            )
            if "nature_of_ownership" in draft.blurred:
                draft.notes.append(("nature_of_ownership", message))
            else:
                draft.leave_empty("nature_of_ownership", message)
            return past
        so_far = f"{so_far} {words}" if so_far else words
    return []


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
        return f != "nature_of_ownership" or not torn_marker(value)

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


def _by_columns(
    groups: list[list[Token]],
    cols: dict[int, str],
    open_cells: list[str],
    targets: list[str],
) -> list[tuple[str, list[Token]]] | None:
    """Which open text cell each cell's words of a wrapped pipe line go to, where some of its
    cells stand under columns known (``cols``: by the captions, or a line above): those go
    there, the others to the open cells left, one each in order, and the whole left to right
    in the text cells' order. None where no cell is known, a known one is not open, or the
    rest do not pair up."""
    known = [(cols[g[0].cell], g) for g in groups if g[0].cell in cols]
    if not known or any(f not in open_cells for f, _ in known):
        return None
    taken = {f for f, _ in known}
    rest = [g for g in groups if g[0].cell not in cols]
    free = [f for f in open_cells if f not in taken]
    if rest and len(rest) != len(free):
        return None
    paired = dict(zip((id(g) for g in rest), free, strict=True)) if rest else {}
    placed = [(cols.get(g[0].cell) or paired[id(g)], g) for g in groups]
    order = [targets.index(f) for f, _ in placed]
    if order != sorted(order) or len(set(order)) != len(order):
        return None
    return placed


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
            add_refs(draft, f, mark_ids(t.marks))
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


def title_column_end(rows: list[Row]) -> int | None:
    """Where the title column ends in space-aligned text: the second column's caption."""
    for row in rows:
        if row.shape != SPACE or "2." not in row.text:
            continue
        for cell, x in zip(row.cells[1:], row.xs[1:], strict=True):
            if _SECOND_CAPTION.match(cell):
                return x - 1
    return None


def title_words(tokens: list[Token], title_end: int, priced: bool = False) -> None:
    """``Common Stock, par value $0.001``: in layout text a number in the title's own cell, or
    a line with nothing right of the title column (the title's wrapped last line), is words.
    Rows of cells pass ``title_end`` 1 and only ever have their first cell filled.

    ``priced`` (Table II, whose second column is the exercise price): a dollar amount that
    ends the title's words on a value line, one space after them (``Stock Option $2.15``, the
    title's cell printed wide), is left a number, with a doubt: the price beside a title that
    filled its column, unless the form's wording of a par value leads to it (``par value
    $0.001``). A title that names an amount otherwise is rare; a price read as the title's
    word makes a title no filer wrote and loses the price."""
    values = [t for t in tokens if t.kind != TEXT]
    if (
        len(values) == 1
        and values[0].kind == NUM
        and not values[0].dollar
        and values[0].x + len(values[0].text) <= title_end
        and YEAR.fullmatch(values[0].text)
        and any(t.x >= title_end for t in tokens)
    ):
        # ``Convertible / Senior Notes due / 2028      Shares`` (pdftotext-layout, remix seed
        # 1117): a year alone in the title's column, no other value on the line but words
        # right of it, is the title's wrapped word; read as an amount beside those words it
        # made a row no filer wrote, and the title above lost its end (a year alone on its
        # line is read as no row's, and goes back to a title ending on ``due``:
        # ``stray_rows._year_below_a_title_due``)
        values[0].kind, values[0].value = TEXT, None
        return
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


def nature_open(prev: Draft) -> bool:
    """The row above has begun its nature of ownership and no later line has closed it, so a
    line of words below may be that nature's wrapped rest."""
    nature = prev.values.get("nature_of_ownership")
    return isinstance(nature, str) and bool(nature) and "nature_of_ownership" not in prev.closed


def year_of_a_nature(prev: Draft, tokens: list[Token]) -> bool:
    """``Common   ...   Common   ...   2021`` under a row whose nature of ownership is still open
    (``SMB Pacific``), the year its last word: a wrapped trust's name (``2021 Charitable
    Remainder Unitrust II``), not a balance, when no form letter stands on the line and no other
    value (on a page whose columns sit elsewhere, past a page break, the nature's column from
    the captions does not tell)."""
    last = tokens[-1]
    if last.kind != NUM or not YEAR.fullmatch(last.text):
        return False
    if not nature_open(prev):
        return False
    return all(t.kind == TEXT for t in tokens[:-1]) and len(tokens) > 1


def year_among_words(prev: Draft, tokens: list[Token]) -> Token | None:
    """``value $0.001 2017 Irrevocable Trust`` in plain text, under a row whose nature of
    ownership is still open (``By FDS New River Farm``): the line's one number a year among
    words, with no form letter, date or other value beside it, is a wrapped trust's name
    (``2017 Irrevocable Trust``), not a balance: a row of Table I or II prints its ownership
    form, and this line would be a row holding 2,017 with none."""
    if len(tokens) < 2 or not nature_open(prev):
        return None
    years = [t for t in tokens if t.kind == NUM]
    if len(years) != 1 or years[0].dollar or not YEAR.fullmatch(years[0].text):
        return None
    if any(t.kind not in (TEXT, NUM, MARKER) for t in tokens):
        return None
    return years[0]


def nature_cells_below(prev: Draft, tokens: list[Token]) -> bool:
    """A row of cells filled only from the cell where the row above put its nature of
    ownership on, that nature still open (``| | ... | member | 1 |`` under ``| Common Sha | ...
    | I | By imme | diate family |``): the nature's wrapped rest. The nature is the table's
    last column, so no value of a row stands there; its numbers are words (``member 1``)."""
    if not nature_open(prev):
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


def nature_column(rows: list[Row]) -> int | None:
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
                    for g in GROUPED_NUMBER.finditer(c)
                ):
                    return at
    return None
