"""Wrapped lines with no columns, split between a row's text cells by the form's structure.

In plain text (a converter that prints each line as one run of words) the second line of a
row holds the wrapped rest of every text cell that wrapped, run together in column order:
``Option (right Stock`` under ``Stock ... Common`` is the title's ``Option (right`` and the
underlying title's ``Stock``. The reader leaves such cells empty with a doubt
(:func:`parsers.text.wrapped_lines.attach`); this module tries each way of cutting the lines and
keeps a reading only where the page's own rules leave one:

- cells are top-aligned and wrap line by line, so each line is cut into one run per cell,
  in column order, and a cell that has no words on a line has none on the lines below; a
  scan's margin line (printed alone, flush left) is one cell's words, as two cells on one line
  stand their columns apart in the scan: it goes whole to one cell;
- a footnote marker follows its cell's last word, so nothing of that cell comes after it;
- a cell's brackets close within it (``(right`` / ``to buy)``);
- a cell wraps greedily: a line and the next line's first word did not fit its column, so no
  line of that cell holds all of their characters (``Option (right Stock`` holds those of
  ``Stock Option``, which did not fit);
- a title never ends on a word that only opens a security's name (``Restricted``, ``Tranche``,
  ``Series``: ``Restricted`` / ``Stock Unit`` is one title, whatever another cut reads), nor
  on a comma or a par value's opening (``Common Stock, par`` / ``value $0.001``), nor runs on
  past its par value but for ``per share`` (``... $0.001 Trust``), past an option's wording
  (``Option (right to buy) Common``) or past a noun (``Common Shares Stock``); and a par
  value's words (``par``, ``$0.001``) wrap in a title, never in the nature of ownership (each
  only where another cut is left);
- of the cuts left, the one under which the most title cells read as titles the filing prints
  elsewhere for sure (``Common Stock`` of a holding row, another row's ``Ordinary Shares``) is
  taken, only where no other cut reads as many. A cell the cut leaves as its first line read
  (it takes none of the wrapped words) counts only where that line is more than one word or
  the cell's own column prints it (a table repeats its securities): a one-word line that
  another column prints whole (Table I's ``Common``) is the first word of many titles
  (``Common Shares``), and says nothing of whether the cell ended there;
- where that leaves several, the one under which the form's wording of an option's kind
  (``(right to buy)``, ``(right to sell)``) stands whole in the derivative's title and in no
  other cell is taken, only where no other cut keeps it so: it names the derivative security,
  never the class of securities underlying it (``Stock`` / ``Option ... Stock`` / ``(right to``
  / ``buy)``); so does a warrant or an option named (``Purchase`` / ``Warrants``);
- where that leaves several, the one under which each cell's wrapped words are written in
  the case of its first line, where every cell's first line is written in one case and not all
  in the same (``INNSUITES`` beside ``By immediate family``, then ``HOSPITALITY REIT member
  2``), and no cell ends on a comma (``River Farm Investments,`` / ``LLC``), is taken, only
  where no other cut does so;
- where that leaves several, the one under which every title cell the lines may continue
  stands whole in the text below the tables, as written (case and all, two words or more), is
  taken, only where no other cut does: a footnote names a title as the filer typed it (``Each
  share of Series E Preferred Stock will convert into one share of Class B Common Stock``). A
  phrase stands whole where no capitalised word runs on before or after it: ``Class B Common``
  of ``Class B Common Stock will`` is a part of a longer name, not a title printed whole; and
  every title cell must, so one title a footnote names does not carry the other cell's words
  (``Restricted Stock`` printed, ``Common Units Stock`` not).

A cut taken is noted (a doubt: it rests on the layout, not on a character the text shows);
where none or several are left the cells stay empty with the reader's doubt.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from math import comb
from typing import TYPE_CHECKING

from parsers.text.glyph_widths import FIRST, WIDTHS
from parsers.text.printed import stands_whole
from parsers.text.tokens import tokenize_plain

if TYPE_CHECKING:
    from parsers.text.drafts import Draft

_TITLES = ("security_title", "underlying_title")
_MAX_WORDS = 48  # words of wrapped lines one row's cut may share out
_MAX_CUTS = 4096  # ways of cutting tried per row: real rows need a few dozen


@dataclass(slots=True)
class Undecided:
    """Text cells a row's wrapped plain lines may continue, as the reader left them."""

    cells: tuple[str, ...]
    first: tuple[str, ...]
    """Each cell's text on the row's value line (its first line)."""
    lines: list[str]
    """The wrapped lines as written."""
    said: str
    ended: tuple[bool, ...] = ()
    """Cells that had no words on the line right above these (they cannot go on)."""
    joined: bool = False
    """``first`` holds each cell's lines above, joined (a markdown row's continuation rows of
    cells): widths are judged by the wrapped lines alone."""
    margin: bool = False
    """The lines are a scan's margin lines (each printed alone, flush left): each is one
    cell's words, as two cells on one line stand their columns apart in the scan."""
    apart: bool = False
    """The value line is a row of cells, and a cell open below it is empty there: a converter
    may have pushed that cell out of the row onto the first line below (markdown does so to a
    cell with a footnote marker: ``| Class C Capital | ... | I |  |`` / ``See Footnotes(1)(2)``
    / ``Stock``), so the first line may stand beside the value line: there, the cells with
    words on the value line may have none and still go on below."""


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    marks: tuple[str, ...]


def _words(line: str) -> list[_Word] | None:
    """A line's words, each with the footnote markers right after it (read word by word: a
    run of words keeps no place for a marker inside it); None when a marker stands first (it
    would end a cell whose words are on the line above)."""
    out: list[_Word] = []
    for raw in line.split():
        toks = tokenize_plain(raw, 0)
        text = " ".join(t.text for t in toks if t.text)
        marks = tuple(m for t in toks for m in t.marks)
        if not text:
            if not marks:
                continue
            if not out:
                return None
            out[-1] = _Word(out[-1].text, out[-1].marks + marks)
            continue
        out.append(_Word(text, marks))
    return out


_MARKERS_ONLY = re.compile(r"(?:\(\d{1,3}\))+")
_ENDS_IN_MARKER = re.compile(r"\(\d{1,3}\)$")


def _marker_runs_joined(lines: Sequence[str]) -> list[str]:
    """``lines`` with a line of footnote markers alone put back at the end of the line above
    where that line ends in a marker (``member 1(6)(7)(8)(9)(10)`` / ``(11)``): a run of markers
    the converter wrapped, the rest of the same cell's markers."""
    out: list[str] = []
    for line in lines:
        bare = line.strip()
        if out and _MARKERS_ONLY.fullmatch(bare) and _ENDS_IN_MARKER.search(out[-1].rstrip()):
            out[-1] = out[-1].rstrip() + bare
        else:
            out.append(line)
    return out


def _cuts(n: int, k: int) -> Iterator[tuple[int, ...]]:
    """Every way to cut ``n`` words into ``k`` runs in order (runs may be empty): the runs'
    ends."""
    if k == 1:
        yield (n,)
        return
    for first in range(n + 1):
        for rest in _cuts(n - first, k - 1):
            yield (first, *(first + r for r in rest))


@lru_cache(maxsize=256)
def _few_cuts(n: int, k: int) -> tuple[tuple[int, ...], ...]:
    """:func:`_cuts` where they are few (at most ``_KEEP_CUTS``), listed once for each (n, k)
    the rows ask."""
    return tuple(_cuts(n, k))


_GLUED_MARKER_OPEN = re.compile(r"[^\W\d_]\(\d(?!\d{0,2}\))")
"""A ``(`` glued to a word's end and a digit after it that no ``)`` closes as a footnote marker
does (``Trust(7@@9AHaD``; ``Stock(1)`` is a marker whole)."""


def _balanced(text: str) -> bool:
    """A cell's brackets close within it. A ``(`` glued to a word's end with a digit after
    it (``Trust(7@@9AHaD``) opens a footnote marker the scan tore, no bracket of the cell's:
    no wrapped ``)`` is taken to close it."""
    if ")" not in text:  # most cells' lines: no bracket closes, so none may open
        return "(" not in text
    if _GLUED_MARKER_OPEN.search(text):
        return False
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _wordless(parts: tuple[str, ...]) -> bool:
    """A line after the first with no word (a loop, not any(): asked of every cut)."""
    for p in parts[1:]:  # noqa: SIM110
        if not p or p.isspace():
            return True
    return False


def _too_wide(lines: Sequence[str], joined: bool = False, holds: _Holds | None = None) -> bool:
    """Whether a cell's lines break greedy wrapping: a line holding every character of a line
    plus the next line's first word (which did not fit the column) cannot have fitted. With
    ``joined`` the first item is several lines run together: it is no line to judge.
    ``holds`` answers whether a line holds every character of a text (:class:`_Holds`)."""
    over = [f"{a} {b.split()[0]}" for a, b in zip(lines, lines[1:], strict=False) if b.split()]
    if joined:
        over = over[1:]
    if not over:
        return False
    if holds is None:
        holds = _Holds()
    for i, line in enumerate(lines):
        if joined and i == 0:
            continue
        for j, o in enumerate(over):
            if j + joined == i or len(o) > len(line):  # more characters than the line has
                continue
            if holds(o, line):
                return True
    return False


class _Holds:
    """Whether a line holds every character of a text (as many times), remembered by the pair:
    the cuts of a row's lines give a cell the same lines, and their pairs, again and again."""

    __slots__ = ("_counts", "_known")

    def __init__(self) -> None:
        self._counts: dict[str, dict[str, int]] = {}
        self._known: dict[tuple[str, str], bool] = {}

    def _count(self, text: str) -> dict[str, int]:
        got = self._counts.get(text)
        if got is None:
            got = self._counts[text] = dict(Counter(text))
        return got

    def __call__(self, text: str, line: str) -> bool:
        key = (text, line)
        got = self._known.get(key)
        if got is None:
            have = self._count(line)
            got = True
            for ch, n in self._count(text).items():
                if have.get(ch, 0) < n:
                    got = False
                    break
            self._known[key] = got
        return got


_Cut = tuple[tuple[list[_Word], ...], tuple[str, ...], int, int]
"""One way to cut a line: each cell's run of words and its text; a bit a cell, the cells that
get words, and those that end there (no words, or a footnote marker last)."""
_KEEP_CUTS = 5000  # a line's cuts kept for the walk's other visits up to this many


def _line_cuts(words: list[_Word], k: int) -> Iterator[_Cut]:
    """The cuts of a line (in :func:`_cuts`'s order) that put no footnote marker inside a run:
    a marker follows its cell's last word."""
    n = len(words)
    for ends in _few_cuts(n, k) if comb(n + k - 1, k - 1) <= _KEEP_CUTS else _cuts(n, k):
        start, runs = 0, []
        filled = stops = 0
        for c, end in enumerate(ends):
            run = words[start:end]
            start = end
            runs.append(run)
            if run:
                filled |= 1 << c
                if run[-1].marks:
                    stops |= 1 << c
            else:
                stops |= 1 << c
        if any(w.marks for run in runs for w in run[:-1]):
            continue
        yield tuple(runs), tuple(" ".join(w.text for w in run) for run in runs), filled, stops


_Path = tuple[tuple[list[_Word], ...], ...]
"""A cut of a row's wrapped lines: each line's runs of words, one a cell."""
Readings = list[tuple[_Path, tuple[str, ...]]]
"""Cuts of a row's wrapped lines: each line's runs (:func:`_cell_words` gives each cell's
words, for the one cut taken) and each cell's full text."""


def _cell_words(path: _Path, k: int) -> list[list[_Word]]:
    """Each of ``k`` cells' words, over the lines of a cut."""
    return [[w for runs in path for w in runs[c]] for c in range(k)]


def _readings(u: Undecided) -> Readings:
    """Every cut of the lines the page's rules allow: each cell's words and full text; none
    where there are more ways of cutting than ``_MAX_CUTS`` (a part of them decides nothing)."""
    if sum(len(line.split()) for line in u.lines) > _MAX_WORDS:
        return []  # no real wrapped cells hold this many words; keep hostile input cheap
    lines = [_words(line) for line in _marker_runs_joined(u.lines)]
    if any(w is None for w in lines):
        return []
    k = len(u.cells)
    out: Readings = []
    tried = 0
    fits: dict[tuple[str, ...], bool] = {}
    """Whether a cell's lines keep its brackets closed and its wrapping greedy, by the lines:
    many cuts give one cell the same lines."""
    wide: dict[tuple[str, ...], bool] = {}
    holds = _Holds()
    joined = u.joined
    margin = u.margin
    kept: dict[int, list[_Cut]] = {}
    """Each line's cuts, made once for every visit of the walk to the line (where few)."""

    def cuts_of(i: int) -> Iterable[_Cut]:
        got = kept.get(i)
        if got is not None:
            return got
        words = lines[i]
        assert words is not None
        if margin:  # a margin line is one cell's words: it goes whole to one cell
            got = kept[i] = [c for c in _line_cuts(words, k) if not c[2] & (c[2] - 1)]
            return got
        if comb(len(words) + k - 1, k - 1) > _KEEP_CUTS:
            return _line_cuts(words, k)
        got = kept[i] = list(_line_cuts(words, k))
        return got

    def fit(parts: tuple[str, ...]) -> bool:
        got = fits.get(parts)
        if got is None:
            got = fits[parts] = _balanced(" ".join(parts)) and not too_wide(parts)
        return got

    def too_wide(parts: tuple[str, ...]) -> bool:
        got = wide.get(parts)
        if got is None:
            got = wide[parts] = _wider(parts)
        return got

    def _wider(parts: tuple[str, ...]) -> bool:
        """:func:`_too_wide` of ``parts`` from that of its lines but the last (the walk asks
        it first): only the pairs with the last line are new, the last line's own and each
        earlier pair's against it."""
        n = len(parts)
        if n < 2 or _wordless(parts):
            return _too_wide(parts, joined, holds)  # (a line with no word shifts the pairs)
        if too_wide(parts[:-1]):
            return True
        last = parts[-1]
        p = n - 2
        if p >= joined:  # the pair ending on the last line, against every other line
            o = f"{parts[p]} {last.split(None, 1)[0]}"
            for i in range(joined, n):
                if i != p and len(o) <= len(parts[i]) and holds(o, parts[i]):
                    return True
        for p in range(joined, n - 2):  # the earlier pairs, against the last line
            o = f"{parts[p]} {parts[p + 1].split(None, 1)[0]}"
            if len(o) <= len(last) and holds(o, last):
                return True
        return False

    # Where the lines have at most _MAX_CUTS cuts in all, the cap is never reached, so the cuts
    # under which a cell already fails need not be walked to their end: a cell that ended
    # (no words on a line, or a marker) has its lines, and one too wide stays too wide with
    # more lines (its lines and their pairs are kept). Past the cap the walk counts every cut.
    leaves = 1
    for words in lines:
        leaves *= comb(len(words or ()) + k - 1, k - 1)
    prune = leaves <= _MAX_CUTS
    depth = len(lines)
    cells = range(k)
    path: list[tuple[list[_Word], ...]] = []
    """The runs of each line cut so far (a reading keeps them: its words are made only for the
    one cut taken)."""

    def _fails(said: list[tuple[str, ...]], closed: int, grown: int) -> bool:
        for c in cells:
            if closed >> c & 1:
                if not fit(said[c]):
                    return True
            elif grown >> c & 1 and too_wide(said[c]):
                return True
        return False

    def walk(i: int, said: list[tuple[str, ...]], ended: int) -> None:
        """``said``: each cell's lines so far, its words on the value line first."""
        nonlocal tried
        if tried > _MAX_CUTS:
            return
        if i == depth:
            tried += 1
            for parts in said:
                if not fit(parts):
                    return
            # a cut's words are made for the one cut taken (:func:`_cell_words`), not each
            out.append((tuple(path), tuple([" ".join(parts) for parts in said])))
            return
        for runs, run_texts, filled, stops in cuts_of(i):
            if ended & filled:
                continue  # a cell that ended on a line above has no words below
            now = ended | stops
            if i == 0 and pushed and not filled & ~pushed:
                # the line may be the cells pushed out of the value line, beside it: the
                # cells that had words there have none here and may still go on
                now = ended | (stops & (filled | pushed))
            lines_now = [p + (t,) if t else p for p, t in zip(said, run_texts, strict=True)]
            if prune:
                # a cell that closed on this line, or one that grew with words and is still
                # open, fails already (a cell that closed: its lines are all there)
                closed, grown = now & ~ended, filled & ~now
                if closed | grown and _fails(lines_now, closed, grown):
                    continue
            path.append(runs)
            walk(i + 1, lines_now, now)
            path.pop()

    pushed = sum(1 << c for c, f in enumerate(u.first) if not f) if u.apart else 0
    """The cells empty on the value line, which a converter may have pushed out of it."""
    start = sum(1 << c for c, e in enumerate(u.ended) if e) if u.ended else 0
    walk(0, [(f,) if f else () for f in u.first], start)
    if tried > _MAX_CUTS:
        return []  # the cuts not tried may read as well: the readings found prove nothing
    return out


# --------------------------------------------------------------------------- line widths

_MAX_WEIGHED = 64
"""Cuts of a row weighed by their widths at most: past it, the row's lines leave too many
ways to read them for the widths to leave one (and weighing them all costs more than the
rest of the reading)."""
_FONTS = tuple(WIDTHS.values())
_WIDEST = tuple(max(w) for w in _FONTS)
_SLACK = 0.95
"""A line must be this much narrower than a line the column printed, in every font, to have
fitted for sure (kerning, and a bold face beside a regular one, move a line's width a little)."""
_MARKER = re.compile(r"\(\d{1,3}\)")

Room = dict[str, tuple[float, ...]]
"""Per text cell, how wide its column is at least, font by font (:data:`WIDTHS`): the widest
line the table printed in it, with nothing counted for a character the fonts do not hold nor
for a footnote marker (a superscript, narrower)."""


_ASCII = tuple(tuple([0] * FIRST + list(w) + [0] * (128 - FIRST - len(w))) for w in _FONTS)
"""Each font's widths indexed by a character's code, for the ASCII text most lines are."""


def _width(text: str, font: int, unknown: int) -> int:
    if text.isascii():
        return sum(map(_ASCII[font].__getitem__, text.encode()))
    widths = _FONTS[font]
    total = 0
    for ch in text:
        at = ord(ch) - FIRST
        total += widths[at] if 0 <= at < len(widths) else unknown
    return total


@lru_cache(maxsize=4096)
def _printed_width(text: str) -> tuple[float, ...]:
    """How wide a printed line is at least, font by font (remembered: a row's cuts measure
    its lines again and again)."""
    bare = _MARKER.sub("", text)
    return tuple(_width(bare, f, 0) for f in range(len(_FONTS)))


@lru_cache(maxsize=4096)
def _widest_width(text: str) -> tuple[int, ...]:
    """How wide a line is at most, font by font (a character the fonts do not hold counted
    as their widest)."""
    return tuple(_width(text, f, _WIDEST[f]) for f in range(len(_FONTS)))


def _would_fit(text: str, room: tuple[float, ...]) -> bool:
    """Whether a line this text makes fits the column for sure, in every font: its width at
    most is below what the column printed."""
    return all(w < have * _SLACK for w, have in zip(_widest_width(text), room, strict=True))


def column_room(drafts: Sequence[Draft]) -> Room:
    """How wide each text column of one table is at least: the widest of the lines its plain
    rows print on their value lines (the first line of each cell a row left undecided, which
    the values around it mark off). A cell's other lines are run together or cut unsure;
    a markdown cell may hold several lines run together, and a scan's characters are unsure:
    neither is a line to measure."""
    room: dict[str, list[float]] = {}

    def add(f: str, text: str) -> None:
        if not text:
            return
        w = _printed_width(text)
        have = room.get(f)
        if have is None:
            room[f] = list(w)
        else:
            for i, x in enumerate(w):
                if x > have[i]:
                    have[i] = x

    for d in drafts:
        if not d.plain:
            continue
        u = d.undecided
        if u is not None and not u.joined and not u.margin:
            for f, first in zip(u.cells, u.first, strict=True):
                add(f, first)
    return {f: tuple(w) for f, w in room.items()}


def _wraps_short(
    u: Undecided,
    path: _Path,
    room: Room,
    plain: bool,
    seen: dict[tuple[object, ...], bool],
    said: dict[int, tuple[str, str]],
) -> bool:
    """Whether a cut makes a cell wrap a word its column had room for: a cell's line and the
    first word of its next line (its footnote markers counted whole) would fit, for sure, in
    the widest line the column printed (of the table's other rows, or of the cut's own lines
    of that cell). Greedy wrapping puts a word on the line where it fits, so no such cut is
    the page's. ``plain``: the value line is a plain run of words, so each cell's text on it
    is one printed line (a converter's cell may hold several lines run together: no line to
    measure, though still a line's end to go on from). ``seen``: each cell's lines judged
    so far (the cuts of a row give a cell the same lines again and again); ``said``: each
    run of words's line and first word, by the run (the cuts share their runs)."""
    for c, f in enumerate(u.cells):
        cell = []
        for runs in path:
            words = runs[c]
            if words:
                got_said = said.get(id(words))
                if got_said is None:
                    head = words[0]
                    got_said = said[id(words)] = (
                        " ".join(w.text for w in words),
                        head.text + "".join(f"({m})" for m in head.marks),
                    )
                cell.append(got_said)
        if not cell or (len(cell) == 1 and not u.first[c]):
            continue
        key = (c, *cell)
        got = seen.get(key)
        if got is None:
            got = seen[key] = _cell_wraps_short(u.first[c], cell, room.get(f), plain)
        if got:
            return True
    return False


def _cell_wraps_short(
    first: str, cell: list[tuple[str, str]], have: tuple[float, ...] | None, plain: bool
) -> bool:
    """:func:`_wraps_short` for one cell: its text on the value line and, for each wrapped line
    below, its words there and the first of them (footnote markers and all)."""
    lines = [first] if first else []
    lines.extend(line for line, _ in cell)
    units = [unit for _, unit in (cell if first else cell[1:])]
    own = [_printed_width(line) for line in (lines if plain or not first else lines[1:])]
    widest = tuple(max(col) for col in zip(*own, have or own[0], strict=True))
    for line, unit in zip(lines, units, strict=False):
        joined = f"{line}{unit}" if line.endswith("-") else f"{line} {unit}"
        if _would_fit(joined, widest):
            return True
    return False


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def column_titles(drafts: Sequence[Draft]) -> dict[str, set[str]]:
    """Titles the reader read for sure in one table's drafts, by column (the title, the
    underlying title)."""
    seen: dict[str, set[str]] = {f: set() for f in _TITLES}
    for d in drafts:
        for f in _TITLES:
            v = d.values.get(f)
            if isinstance(v, str) and v and f not in d.blurred:
                seen[f].add(_key(v))
    return seen


def known_titles(drafts: Sequence[Draft]) -> set[str]:
    """Titles the reader read for sure (not left empty with a doubt), both tables."""
    seen: set[str] = set()
    for d in drafts:
        for f in _TITLES:
            v = d.values.get(f)
            if isinstance(v, str) and v and f not in d.blurred:
                seen.add(_key(v))
    return seen


_RIGHT_TO = re.compile(
    r"\(\s*(?:rights?|obligations?)\s+to\s+(?:buy|sell|purchase|acquire)\s*\)", re.IGNORECASE
)
"""The form's wording of an option's kind (``Stock Option (right to buy)``): it names the
derivative security, never the class of securities underlying it, nor an ownership's nature."""


_KIND_WORD = re.compile(r"\b(?:warrants?|options?)\b", re.IGNORECASE)
"""A derivative's kind named in its title (``Common Share Purchase Warrants``, ``Stock
Option``): the derivative security, never the class of securities underlying it (``Class A
Common Stock``)."""


def _derivative_wording(
    readings: Readings, scores: list[int], best: int, cells: tuple[str, ...]
) -> Readings:
    """The cuts (of those scoring ``best``) under which the wrapped lines' ``(right to buy)``
    (the form's wording of a derivative's kind) stands whole in Table II's title of the
    derivative and in no other cell: where only one is left, the lines split so. So with a
    warrant or an option named (``Tranche C`` / ``Common Common`` / ``Share Stock`` /
    ``Purchase`` / ``Warrants`` beside ``Class A``: remix seed 853), which no class of
    securities underlying a derivative is."""
    if "security_title" not in cells or "underlying_title" not in cells:
        return []
    at = cells.index("security_title")
    tied = [r for r, sc in zip(readings, scores, strict=True) if sc == best]
    # the form's own wording first; a warrant or an option named where it tells none apart
    # (``Share Option (right buy)`` names an option too, but leaves ``to`` to another cell)
    for names, other in ((_RIGHT_TO.search, _says_right), (_KIND_WORD.search, _names_a_kind)):
        left = [
            r
            for r in tied
            if names(r[1][at]) and not any(other(t) for i, t in enumerate(r[1]) if i != at)
        ]
        if left and len(left) < len(tied):
            return left
    return []  # the wording does not tell the cuts apart


def _says_right(text: str) -> bool:
    low = text.lower()
    return "right" in low or "obligation" in low


def _names_a_kind(text: str) -> bool:
    return _says_right(text) or _KIND_WORD.search(text) is not None


def _vouched(
    chosen: tuple[_Path, tuple[str, ...]], rivals: Readings, cells: tuple[str, ...]
) -> set[str]:
    """The cells :func:`_derivative_wording`'s cut reads for sure: the derivative's title, which
    the wording places, and each other cell the rival cuts read alike but for the wording (the
    bracket at the margin, ``Common Stock`` or ``Common Stock (right to buy)``). A cell the
    rivals give other words may take them, should the cut itself be wrong: the wording places
    itself, not the words around it."""
    sure = {"security_title"}
    for i, f in enumerate(cells):
        if f != "security_title" and all(
            " ".join(_RIGHT_TO.sub(" ", texts[i]).split()) == chosen[1][i] for _, texts in rivals
        ):
            sure.add(f)
    return sure


_OPENING_WORDS = frozenset(
    {
        "restricted",
        "tranche",
        "series",
        "performance",
        "deferred",
        "phantom",
        "incentive",
        "nonqualified",
        "non-qualified",
        "qualified",
        "employee",
        "convertible",
        "non-qualifed",
        "depositary",
        "ordinary",
        "american",
        "capital",
    }
)
"""Words that open a security's name and never end one (``Restricted Stock Units``, ``Series
E Preferred Stock``, ``Incentive Stock Option``, ``Depositary Units``, ``Ordinary Shares``,
``Capital Stock``; ``Non-Qualifed``, as filers spell it)."""
_MID_WORDS = frozenset({"due", "of", "appreciation", "beneficial"})
"""Words inside a security's name that another must follow (``Senior Notes due 2028``,
``Common Shares of Beneficial Interest``, ``Stock Appreciation Rights``): a title never ends
on one."""


def opens_only(text: str) -> bool:
    """A title ending on a word that only opens a name (``Restricted``), on one another word
    must follow (``Notes due``, ``Shares of``), on a par value (``Common Stock, par``,
    ``Common Shares, no``), on a comma (``Class A Common Stock,``) or a word's hyphen
    (``Performance-``): cut mid-name."""
    words = text.split()
    if not words:
        return False
    last = words[-1].casefold()
    if len(words) > 1 and words[-2].endswith("-"):
        last = words[-2].casefold() + last  # ``Non- Qualifed``: a word broken at its hyphen
    return (
        last in _OPENING_WORDS
        or last in _MID_WORDS
        or last[-1] == ","
        or (last[-1] == "-" and len(last) > 1)  # ``Performance-``: a word broken, its rest lost
        or (last in ("par", "no") and words[-2:-1] != [] and words[-2][-1] == ",")
        or (last == "par" and len(words) > 1)
    )


_GOES_ON_WORDS = frozenset({"in", "and", "or", "to", "the", "for", "by", "with"})
"""Words a title goes on after (``(settled in``): as a scan's last word, its rest was lost
(not ``Common``: a filer may title a class so, the work list's Wells Fargo filings do)."""
_VALUE_WANTED = re.compile(r"(?<!\bno )(?<![\d.] )\b(?:par|nominal)\s+value$|\bnominal$", re.I)
"""A par value's phrase that wants its amount after it: not ``no par value``, not ``$0.01 par
value`` (the amount before it); ``nominal`` wants ``value`` too (``Ordinary Shares,
nominal``, remix seed 1227's scan, its line below lost)."""


def ends_mid_phrase(text: str) -> bool:
    """:func:`opens_only`, or a class's letter (``Class A``), or a bracket left open, or a last
    word a title goes on after, or a par value's phrase with no amount (``nominal value``; ``no
    par value`` wants none)."""
    words = text.split()
    if not words:
        return False
    return (
        opens_only(text)
        or (len(words) > 1 and words[-2].casefold() in ("class", "series") and len(words[-1]) < 3)
        or text.count("(") > text.count(")")
        or words[-1].casefold() in _GOES_ON_WORDS
        or _VALUE_WANTED.search(text) is not None
    )


_PAR_PHRASE = re.compile(
    r"\b(?:par|nominal)\s+value\s+\$\s?[\d.,]*\d|\$\s?[\d.,]*\d\s+par\s+value\b"
    r"|\bno\s+par\s+value\b",
    re.I,
)
_VALUED = frozenset({"par", "nominal"})
"""The words before ``value`` in a par value's phrase (``par value``, ``nominal value``: an
ordinary share's, as companies incorporated abroad write it)."""
_NATURES_ONLY = frozenset({"reporting", "person's", "person’s"})
"""Words of a nature of ownership that no security's title holds (``By the Reporting
Person's Trust``)."""
_AFTER_PAR = ("per", "share")


_WORDING_END = re.compile(
    r"\((?:right|obligation) to (?:buy|sell)\)\s*(?!(?:under|granted|pursuant|issued)\b|[-–])\S",
    re.I,
)
"""An option's kind and a word after it: the title ended on the kind, but for the plan or
grant a title may name after it (``Non-Qualified Stock Option (right to buy) under the 2019
Equity Incentive Plan``, remix seed 1097: its rest had been cut into the underlying's)."""


_NOUNS_BEFORE_STOCK = frozenset({"shares", "share", "units", "unit", "warrants", "warrant"})
_SHARES = frozenset({"shares", "share"})
_OPTION = frozenset({"option", "options"})
_BEFORE_STOCK_OR_SHARES = _NOUNS_BEFORE_STOCK | _OPTION | {"note", "notes"}
_NOUNS = _NOUNS_BEFORE_STOCK | {"stock"}
YEAR = re.compile(r"(?:19|20)\d\d")
"""A year of this century or the last, as a title writes one (``due 2028``, ``2021 ...``)."""
_AMOUNT_PER_SHARE = re.compile(r"\s\$\s?[\d.]+\s+per\s+share", re.I)
_WHAT_AN_AMOUNT_IS = re.compile(r"\b(?:par|value|preference|stated|price)\b", re.I)


def _amount_per_share_alone(text: str) -> bool:
    """A par value's amount and ``per share`` with nothing before them that says what the
    amount is (``Class A Common Stock $0.01 per share``): a lost row's par value run into a
    title that had ended (``par value of $0.001 per share``, ``liquidation preference $25.00 per
    share`` say it)."""
    m = _AMOUNT_PER_SHARE.search(text)
    return m is not None and _WHAT_AN_AMOUNT_IS.search(text, 0, m.start()) is None


_KIND_TORN = re.compile(r"\((?:right|obligation)\s+(?!to\b)\S", re.I)
"""An option's kind with its ``to`` cut away (``(right buy)``); one ending the text has not
lost its ``to``, which a title wrapped there puts on its next line (``Call Option
(obligation`` / ``to sell)``, remix seed 1207's scan: had read as run past its end, so its
margin line went to the underlying title)."""
TITLE_SMALL_WORDS = frozenset({"of", "to", "per", "par", "no", "and", "or", "in", "on", "a", "an"})
"""A title's small words (``Shares of``, ``par value``): no scan's speck, no nature's."""
_TITLE_SMALL = TITLE_SMALL_WORDS | frozenset(
    {"each", "value"}
    | {"representing", "limited", "partner", "partnership", "interests", "interest", "share"}
    | {"purchase", "underlying", "acquire", "buy", "sell", "receive", "into", "for", "with"}
    | {"issuable", "convertible", "exercisable", "including", "exchangeable", "settled"}
)
"""Small words a title holds before a capitalised noun (``Options to purchase Shares``,
``Common Stock underlying Warrants``)."""
_INITIAL = re.compile(r"[A-Z]\.")
_SHOUTED_THEN_CASED = re.compile(r"\b[A-Z]{3,}\s+[A-Z]{3,}\b.*?\b([A-Z][a-z]{2,})")
"""Two words in capitals, then a word capitalised in small letters: a title written in
capitals does not go on so (a nature's words beside it)."""
_HOLDERS_WORDS = frozenset(
    {"charitable", "remainder", "unitrust", "irrevocable", "revocable", "custodian", "trustee"}
    | {"trustees", "ttee", "spouse", "grat", "family"}
)
"""Words of a holder's name or of how it holds (``SMB Pacific 2021 Charitable Remainder
Unitrust``, ``Custodian for minor``): no security's title holds one."""
_CLASS_WORDS = frozenset({"common", "class", "series", "ordinary", "preferred"})
_BENEFICIAL = frozenset({"interest", "interests", "ownership"})
_PAR_GOES = frozenset({"par", "no", "without", "each", "per"})
"""Words a par value's phrase opens on after a title's noun (``, par value``, ``without par
value``)."""
_QUALIFIER_END = re.compile(r"\([a-z][a-z ]*\)\s+(?!(?:under|granted|pursuant|issued)\b)[A-Za-z]")
"""A title's qualifier in brackets and small letters, then a word (``Common Stock (restricted)
Irrevocable``): the qualifier ends the title; but for the plan or grant a title may name after
it (``Stock Option (right to buy) under the 2019 Equity Incentive Plan``, remix seed 1097)."""
_RIGHTS = frozenset({"rights", "right"})
_INTERESTS = frozenset({"interest", "interests"})
_UNITS_OR_SHARES = frozenset({"units", "unit", "shares"})
_APPRECIATED = _RIGHTS | {"units", "unit"}
_NO_SHARES_BEFORE = _APPRECIATED
"""Nouns no title writes right after ``Shares`` (``Ordinary Shares Units``): they follow
``Share`` or ``Stock`` (``Restricted Share Units``, ``Stock Appreciation Rights``)."""
_DOUBLED = _NOUNS | _OPTION
"""Nouns no title writes twice in a row (``Stock Stock``)."""
_NAMING = frozenset({"of", "in", "representing", "each"})
"""Words after a security's noun that name whose it is (``Units of ABC Trust``)."""
_OWNERS_WORDS = frozenset(
    {"trust", "llc", "lp", "llp", "inc", "ltd", "corp", "corporation", "company", "foundation"}
    | {"partnership", "partners"}
)
"""Words that end the name of an owner (``By Haley E. Schaufeld Irr`` / ``Trust``), and never a
security's title after its noun: no title of a real or synthetic filing ends so."""


@lru_cache(maxsize=4096)
def runs_past_its_end(text: str) -> bool:
    """A title with words after its par value other than ``per share`` (``Common Stock, par
    value $0.001 Trust``, ``Common Shares, no par value Irr``), or after the wording of an
    option's kind (``Option (right to buy) Common``) or a qualifier in small letters
    (``(restricted) Irrevocable``), or ``Stock`` or ``Shares`` after another
    security's noun (``Common Shares Stock``, ``Ordinary Units Shares``, ``Common Shares Share
    Purchase Warrants``, ``Share Option Stock``: the stock is the underlying's, an option's
    noun opens no other; no real or synthetic filing's title has one), or a word or amount but
    ``value`` after ``par`` (``no par Irr``, ``par $0.0001``), or ``value`` after a word but
    ``par`` (``Stock value``), or ``Appreciation`` before a word but a right or unit, a right's
    or unit's noun after ``Shares``, an option's after ``Units`` or ``Shares`` or ``Stock``
    after a right's (``Common Shares Rights``, ``Stock Units Option``, ``Rights Stock``), or a
    word that ends an owner's name after ``Interest`` (``Interest Partnership``), or a word
    after a debt's year (``Notes due 2028 Stock``), after ``Beneficial Interest`` (or any but
    ``Interest`` after ``Beneficial``) or after the
    interests a unit represents (``representing limited partner interests Beneficial``): a
    par value, that wording or the noun ends a security's title, so the words are another
    cell's. So is a word that ends an owner's name after the noun (``Common Stock Trust``,
    ``Capital Stock LLC``, ``Ordinary Shares Schaufeld Rev. Trust``), but for one after ``of``
    (``Units of ABC Trust``): the rest of a nature of ownership. So is an option's kind cut
    from its ``to`` (``(right buy)``), and a par value's amount ``per share`` with no ``par
    value`` before it (``Stock $0.01 per share``)."""
    if (
        _WORDING_END.search(text)
        or _QUALIFIER_END.search(text)
        or _KIND_TORN.search(text)
        or _amount_per_share_alone(text)
    ):
        return True
    words = [w.strip(",.;:”“\"'") for w in text.casefold().split()]
    said = text.split()
    for k in range(2, len(words)):
        if (
            words[k - 2] == "due"
            and YEAR.fullmatch(words[k - 1])
            and not said[k - 1].endswith(",")  # (``due 2028, convertible into ...``)
            and words[k][:1].isalpha()
            and words[k] not in ("and", "or")  # (``Notes due 2028 and 2030``)
        ):
            return True  # ``Senior Notes due 2028 Stock``: a debt's title ends on its year
        if (
            words[k - 2] == "beneficial"
            and words[k - 1] in _INTERESTS
            and words[k][:1].isalpha()
            and words[k] not in _NAMING  # (``Units of Beneficial Interest of ABC Trust``)
            and words[k] not in _PAR_GOES  # (``... Beneficial Interest, par value $0.01``)
        ):
            return True  # ``Shares of Beneficial Interest Account``: the phrase ends the title
    if not _NATURES_ONLY.isdisjoint(words):
        return True  # ``Class C Reporting``: the reporting person's words are a nature's
    for before, word in pairwise(words):
        if before == "beneficial" and word not in _BENEFICIAL:
            return True  # ``Shares of Beneficial Irrevocable``: its ``Interest`` cut away
    if "representing" in words:
        at = words.index("representing")
        if any(
            w in _INTERESTS and n[:1].isalpha() and n not in _NAMING and n not in _PAR_GOES
            for w, n in pairwise(words[at:])
        ):
            return True  # ``... representing limited partner interests Beneficial Interest``
    for before, word in pairwise(words):
        if before == word and word in _DOUBLED:
            return True  # ``Stock Stock Option``: the underlying's noun beside the title's
        if (before in _BEFORE_STOCK_OR_SHARES and (word == "stock" or word in _SHARES)) or (
            before == "stock" and word in _SHARES
        ):
            return True  # (``Restricted Share Units`` is a title: ``Units`` after ``Share``)
        if (
            before == "par"
            and word.rstrip(")") != "value"  # (``($.01 par value)``)
            and (word[:1].isalnum() or word[:1] == "$")
        ):
            return True  # ``Common Shares, no par Irr``: ``par`` goes on only to ``value``
        if word == "value" and before.lstrip("(") not in _VALUED:
            return True  # ``Class B Common Stock value``: a lost row's ``par`` / ``value``
        if before == "appreciation" and word not in _APPRECIATED:
            return True  # ``Stock Appreciation Common``: only a right or unit appreciates
        if word == "appreciation" and before not in ("stock", "share"):
            return True  # ``Common Appreciation``: a stock's or share's appreciation
        if before == "shares" and word in _NO_SHARES_BEFORE:
            return True  # ``Ordinary Shares Units``, ``Common Shares Rights`` (a unit's or
            # right's noun follows ``Share`` or ``Stock``: ``Restricted Share Units``)
        if before in _RIGHTS and (word == "stock" or word in _SHARES):
            return True  # ``Stock Appreciation Rights Stock``: a right's noun opens no other
        if before in _UNITS_OR_SHARES and word in _OPTION:
            return True  # ``Stock Units Option``: an option's noun follows ``Stock`` or ``Share``
        if before in _INTERESTS and word in _OWNERS_WORDS:
            return True  # ``Shares of Beneficial Interest Partnership``: a nature's word
        if before in ENDING_NOUNS and word in _OPENS_A_CLASS:
            return True  # ``LTIP Units Common``: the underlying's first word (remix seed
            # 1223's scan; ``Common Units`` and ``Preferred Stock`` put it first)
    after_noun = False
    for word, written in zip(words, text.split(), strict=True):
        if word in _NOUNS:
            after_noun = True
        elif word in _NAMING:
            after_noun = False  # ``Units of ... Trust``: the words after it name the issuer
        elif after_noun and word.replace(".", "") in _OWNERS_WORDS:
            return True
        elif after_noun and _SHOUTED.fullmatch(written) and not text.isupper():
            # ``Class A Common Stock HOSPITALITY REIT``: a title written in small letters
            # goes on in capitals past its noun no more (a lost row's rest, in capitals)
            return True
    m = _PAR_PHRASE.search(text)
    if m is None:
        return False
    rest = [w.strip(",.;()").casefold() for w in text[m.end() :].split()]
    rest = [w for w in rest if any(c.isalnum() for c in w)]  # (a torn marker's ``)`` is none)
    return bool(rest) and rest != list(_AFTER_PAR[: len(rest)]) and rest != ["each"]


@lru_cache(maxsize=8192)
def _no_title(text: str) -> bool:
    """A cut's title text no title reads as (:func:`_rules`), asked once a text: the cuts of a
    row give each cell a few texts, each many times."""
    return bool(
        opens_only(text)
        or runs_past_its_end(text)
        or DATE_WORD.search(text)
        or _SEE.search(text)
        or _due_after_no_debt(text)
        or _NATURES_WORD.search(text)
        or _natures_words_in(text)
        or _LIMITED_CUT.search(text)
    )


@lru_cache(maxsize=8192)
def _titles_words_in(text: str) -> bool:
    """A cut's nature holding a title's words: an option's kind, a security's qualifier, a
    noun between small words, or a ``Reporting`` cut from its ``Person``."""
    return bool(
        _KIND_WORDING.search(text)
        or _QUALIFIED.search(text)
        or _REPORTING_CUT.search(text)
        or _NOUN_AMID_SMALL.search(text)
        or _DUE_YEAR.search(text)
    )


def _natures_words_in(text: str) -> bool:
    """A cut's title holding what only a nature's words give it, asked of the cuts
    :func:`settle` weighs (not of a title read whole): a small word before a capitalised noun
    (``Class A Common member Stock``), a name's initial (``Common D. Stock``, of ``Fredrick D.
    Schaufeld``), words capitalised in small letters after a title in capitals (``INNSUITES
    HOSPITALITY REIT Unitrust``), a holder's word (``Common Charitable``, remix seed 977), an
    owner's word ending a class's words with no noun (``Common Trust``, ``Common Surace/Rogers
    Family Trust``; a fund's own name may end so, as ``SPDR Gold Trust`` does, with no class's
    word first). Remix seeds 961-967."""
    for a, b in pairwise(text.split()):
        if (
            a.isalpha()
            and a.islower()
            and a not in _TITLE_SMALL
            and b[:1].isupper()
            and b.strip(",.;:").casefold() in _NOUNS
        ):
            return True
        if _INITIAL.fullmatch(a) and b[:1].isupper():
            return True
    m = _SHOUTED_THEN_CASED.search(text)
    if m and m[1].casefold() not in _NOUNS | _CLASS_WORDS | _OPTION:
        return True  # (``... REIT Stock``: a lost row's noun, or the title's own: not ruled)
    words = [w.strip(",.;:") for w in text.casefold().split()]
    if "representing partner" in text:
        return True  # (a unit represents a limited partner's interest: ``limited`` cut away)
    if any(w in _HOLDERS_WORDS for w in words):
        return True  # ``Common Charitable Unitrust``: a trust's or a holder's word
    return (
        len(words) > 1
        and words[0] in _CLASS_WORDS
        and words[-1].replace(".", "") in _OWNERS_WORDS
        and not any(w in _NAMING for w in words)
    )


_SHOUTED = re.compile(r"[A-Z]{4,}")
"""A word of four capitals or more: no acronym a title writes after its noun (``ADS``)."""
_PAR_WORD = re.compile(r"(?<![\w$.])(?:par|\$\d[\d,]*(?:\.\d+)?)(?![\w.])", re.I)
"""A par value's word or amount: ``par``, ``$0.001``; no nature of ownership holds one."""


def _par_elsewhere(texts: tuple[str, ...], title_at: list[int], wrapped: list[int]) -> bool:
    """A cut giving words of a title's par value (``value $0.001`` under ``Common Stock,
    par``) to a cell that is no title: the nature of ownership names an owner, never a par
    value. ``wrapped``: where each cell's first line ends in its text."""
    return any(
        i not in title_at and _PAR_WORD.search(t[wrapped[i] :]) is not None
        for i, t in enumerate(texts)
    )


@dataclass(slots=True)
class Cuts:
    """The cuts of a row's lines the page's rules leave (:func:`_cuts_left`), and those of
    them the line widths leave too (:func:`_wraps_short`), worked out when first asked: each
    once a row, since nothing they rest on changes."""

    readings: Readings
    rules: list[Callable[[tuple[str, ...]], object]]
    """What rules a cut out (:func:`_rules`): the one cut left is judged by them too."""
    greedy: Readings | None = None
    narrowed: bool = False
    """The widths ruled some cuts out."""


DATE_WORD = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}/\d{2,4}(?![\w/])")
"""A date written as a word (``07/25/2025``): among a cell's words a nature's (``Family Trust
dtd 4/15/2014``), never a title's."""


_SEE = re.compile(r"(?<!\S)See(?!\S)")
"""``See``, the word a nature of ownership opens on (``See Footnotes``), never a title's: the
filings' titles never hold it."""


def _cuts_left(u: Undecided) -> Cuts:
    """The cuts of the lines that the page allows (:func:`_readings`), less those that one of
    the rules on how titles and natures read rules out (:func:`_rules`), each where others are
    left."""
    readings = _readings(u)
    rules = _rules(u)
    for ruled_out in rules:
        readings = _narrowed(readings, ruled_out)
    return Cuts(readings, rules)


def _rules(u: Undecided) -> list[Callable[[tuple[str, ...]], object]]:
    """What rules a cut out, in the order they narrow the cuts: a title ending on a word that
    only opens a name, run on past its end, or given a date or a nature's ``See``; a par
    value's words read into the wrong cell; a title going on past its noun; a nature cutting
    a legal form apart, ending on a security's noun, or taking a title's noun while a title is
    left unfinished. Where the page leaves one cut and one of them rules it out, the page
    contradicts itself: no sure reading (:func:`settle`)."""
    title_at = [i for i, c in enumerate(u.cells) if c in _TITLES]
    rules: list[Callable[[tuple[str, ...]], object]] = [
        lambda texts: any(_no_title(texts[i]) for i in title_at)
    ]
    if any(_PAR_WORD.search(line) for line in u.lines):
        first = [len(f) for f in u.first]
        rules.append(lambda texts: _par_elsewhere(texts, title_at, first))
    rules.append(lambda texts: any(goes_on_past_noun(u.first[i], texts[i]) for i in title_at))
    if "underlying_title" in u.cells:
        under = u.cells.index("underlying_title")
        # an option's kind is its own title's (``Common Units Option (right to buy)``)
        rules.append(lambda texts: _KIND_WORDING.search(texts[under]) is not None)
    if "nature_of_ownership" in u.cells:
        at = u.cells.index("nature_of_ownership")
        rules.append(lambda texts: _splits_a_legal_form(texts[at]))
        rules.append(lambda texts: _ends_on_a_noun(u.first[at], texts[at]))
        rules.append(lambda texts: _holds_a_units_wording(u.first[at], texts[at]))
        rules.append(lambda texts: _titles_words_in(texts[at]))
        if title_at:
            rules.append(
                lambda texts: _nature_takes_a_titles_noun(
                    u.first[at], texts[at], [texts[i] for i in title_at]
                )
            )
    return rules


_DEBTS = frozenset(
    {"notes", "note", "debentures", "debenture", "bonds", "bond", "securities", "loan"}
)


def _due_after_no_debt(text: str) -> bool:
    """A title with ``due`` and no debt's noun before it (``Convertible Senior due 2028``,
    beside ``Common Notes Stock``): only a debt falls due (``Senior Notes due 2028``,
    ``Notes, Series A, due 2030``), so its noun was cut away to another cell."""
    words = [w.strip(",.;:").casefold() for w in text.split()]
    return any(w == "due" and not _DEBTS.intersection(words[:k]) for k, w in enumerate(words))


def _ends_on_a_noun(first: str, text: str) -> bool:
    """A nature of ownership given wrapped words that end on a security's noun (``... Ana
    Eschenbach TTEE`` / ``Stock``): a nature names an owner (``Trust``, ``Spouse``, ``LLC``,
    ``See Footnotes``) and ends on no such noun in any filing; the noun is a title's (or a
    lost row's)."""
    words = text.split()
    return len(text) > len(first) and bool(words) and words[-1].casefold() in ENDING_NOUNS


_UNITS_WORDING = frozenset({"representing", "interests", "interest"})


_NOUN_AMID_SMALL = re.compile(r"\b[a-z]+\s+(?:Stock|Shares?|Units?)\s+[a-z]")
"""A security's capitalised noun between words in small letters (``Custodian for Units minor
child``): a title's noun cut into a nature."""
_DUE_YEAR = re.compile(r"\bdue\s+(?:19|20)\d\d\b")
"""A debt's ``due 2028``: a title's words (``Convertible Senior Notes`` / ``due 2028``, remix
seed 1225's markitdown: put on the nature, ``By The Smith Family Trust due 2028``)."""
_QUALIFIED = re.compile(r"\(restricted\)", re.I)
"""A security's qualifier (``Common Stock (restricted)``), never a nature's words."""
_KIND_WORDING = re.compile(r"\((?:right|obligation)\s+to\b", re.I)
"""An option's kind (``(right to buy)``, ``(obligation to sell)``): a derivative's title's
words, never a nature of ownership's (``Held by the Reporting Person's (right to buy)
spouse``, remix seed 937)."""
_NATURES_WORD = re.compile(r"(?<![\w'’])(?:dated|dtd|person['’]s)(?![\w'’])", re.I)
"""Words of a nature of ownership no title holds: a trust's date (``By Revocable Trust dated``),
``Person's`` of ``Held by the Reporting Person's spouse`` (remix seeds 943, 947)."""
_LIMITED_CUT = re.compile(r"\blimited\s+(?!partner|partnership|liability)\S")
"""A title's ``limited`` in small letters, of ``representing limited partner interests``, before
another word (``limited child partner interests``: a nature's word cut in)."""
_REPORTING_CUT = re.compile(r"\breporting(?!\s+persons?\b|\s+person['’]s)(?=\s|$)", re.I)
"""A nature's ``Reporting`` not followed by its ``Person``: cut from it (``Held by the
Reporting spouse`` beside ``Class A Common Person's Stock``)."""


_LIMITED_WHAT = frozenset({"partner", "partners", "partnership", "liability"})
"""What a ``limited`` in small letters goes on to, in a nature as in a units title."""
_A_PARTNERS_KIND = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "as", "sole", "general", "special"}
)
"""Words before a nature's own ``limited partner`` (``of which he is a limited partner``)."""


@lru_cache(maxsize=8192)
def _holds_a_units_wording(first: str, text: str) -> bool:
    """A nature of ownership given wrapped words that say what a security's units are
    (``By ESOP`` / ``representing limited`` / ``partner interests``, remix seed 907): a nature
    names an owner; ``representing`` goes on after a security's noun (``Common Units
    representing limited partner interests``), and a nature ends on no ``interests``, nor on
    ``limited`` in small letters (a legal form's ``Limited`` is capitalised; this one is cut
    from its ``partner interests``), nor holds ``limited`` or ``partner`` in small letters
    before a capitalised word (``By The Smith Family`` / ``representing limited partner Trust``
    / ``interests``, remix seed 937, gives the nature ``By The Smith Family limited partner
    Trust``; ``By limited partnership``, ``its managing partner`` are natures), nor ``limited
    partner`` but after an article or a partner's kind (``Custodian for minor limited partner
    child``; ``of which he is a limited partner`` is a nature), nor ``limited`` before a word
    but a partner's or a liability (``By Revocable Trust limited dated``)."""
    if not text.startswith(first) or len(text) == len(first):
        return False
    written = text[len(first) :].split()
    added = [w.casefold() for w in written]
    return (
        "representing" in added
        or added[-1].strip(".,;") in _UNITS_WORDING
        or written[-1] == "limited"
        or any(w in ("limited", "partner") and n[:1].isupper() for w, n in pairwise(written))
        or any(w == "limited" and n not in _LIMITED_WHAT for w, n in pairwise(written))
        or any(
            (w, n) == ("limited", "partner") and b.casefold() not in _A_PARTNERS_KIND
            for b, w, n in zip([*first.split()[-1:], *written], written, written[1:], strict=False)
        )
    )


def _nature_takes_a_titles_noun(first: str, text: str, titles: list[str]) -> bool:
    """A cut giving the nature of ownership, among its wrapped words, a security's noun (``...
    4/15/2014,`` / ``Share Carl Eschenbach ...``; ``Trustees of The`` / ``Surace/Rogers Stock
    Family Trust``) while a title is left unfinished (``Common``, ``Class A Common``): the noun
    is the title's (``Common Share``), where another cut is left. A nature names an owner; it
    holds a noun only in a plan's name (``By Employee`` / ``Stock Ownership Plan``)."""
    if not text.startswith(first):
        return False
    return holds_a_titles_noun(text, len(first.split())) and any(map(unfinished, titles))


def holds_a_titles_noun(nature: str, start: int = 0) -> bool:
    """A nature of ownership holding a security's noun among its words from the ``start``-th
    on, other than a plan's (``By Employee Stock Ownership Plan``)."""
    words = [w.strip(",.;").casefold() for w in nature.split()]
    return any(
        w in ENDING_NOUNS and (k == 0 or words[k - 1] != "employee")
        for k, w in enumerate(words)
        if k >= start
    )


def unfinished(title: str) -> bool:
    """A title not ending on a security's noun (``Common``, ``Class A Common``)."""
    words = title.split()
    return bool(words) and words[-1].casefold().strip(",") not in ENDING_NOUNS


_LIABILITY_ENDS = ("company", "partnership", "co", "co.", "limited")


def _splits_a_legal_form(text: str) -> bool:
    """A nature of ownership with a word between ``Liability`` and the ``Company`` (or
    ``Partnership``) it goes on with (``By Limited Liability Stock Company``), or ending on
    ``Liability``: the legal form is one phrase, so the word is another cell's (the title's
    ``Stock``), and no nature stops inside it."""
    words = text.casefold().split()
    return any(
        w == "liability" and nxt.strip(",.;") not in _LIABILITY_ENDS
        for w, nxt in pairwise([*words, ""])
    )


def _narrowed(readings: Readings, ruled_out: Callable[[tuple[str, ...]], object]) -> Readings:
    """``readings`` less those whose texts a rule rules out, where that leaves some and takes
    some (each rule narrows the cuts, and never leaves none)."""
    if len(readings) < 2:
        return readings
    kept = [r for r in readings if not ruled_out(r[1])]
    return kept if kept and len(kept) < len(readings) else readings


ENDING_NOUNS = frozenset({"stock", "share", "shares", "unit", "units"})
_OPENS_A_CLASS = frozenset({"common", "ordinary", "preferred", "american"})
"""Words that open a class's title and follow no security's noun in one."""
GOES_ON = frozenset(
    {"units", "unit", "option", "options", "purchase", "appreciation", "right", "rights"}
    | {"award", "awards", "equivalent", "equivalents", "warrant", "warrants", "par", "no"}
    | {"nominal", "obligation", "obligations"}
    | {"of", "each", "representing", "held", "issuable", "underlying", "subject", "class"}
    | {"series", "settled", "grant", "grants", "bonus", "dividend", "dividends", "-", "–"}
)
"""Words a title goes on with after its noun (``Stock Units``, ``Share Purchase Warrants``,
``Shares, no par value``, ``Shares, nominal value``, ``Units of ...``, ``Stock (right to buy)``)."""


@lru_cache(maxsize=4096)
def goes_on_past_noun(first: str, text: str) -> bool:
    """A cut that gives a title a wrapped word right after its noun that no title goes on
    with after one (``Common Share Carl``, ``Class B Common Stock Eschenbach``: a nature's
    ``Carl Eschenbach Jr and``): the title ended there, and the word is another cell's. A
    bracket or a par value's ``$`` may follow (``(ADS)``, ``$0.01``). Only words the cut adds
    to the value line's text (``first``) are judged: that line is the title's as printed."""
    if len(text) <= len(first) or not text.startswith(first):
        return False
    words = [w.casefold() for w in text.split()]
    for k in range(max(len(first.split()) - 1, 0), len(words) - 1):
        if words[k].strip(",") in ENDING_NOUNS:
            nxt = words[k + 1].strip(",.;")
            if nxt[:1].isalnum() and nxt not in GOES_ON:
                return True  # (a bracket, a ``$``, a torn marker's ``‘Y``: no word)
    return False


def _greedy(cuts: Cuts, u: Undecided, room: Room, plain: bool) -> Readings:
    """The cuts that wrap no word a column had room for (none where every cut breaks the
    widths: the lines are not what they seem)."""
    if cuts.greedy is None:
        seen: dict[tuple[object, ...], bool] = {}
        said: dict[int, tuple[str, str]] = {}
        cuts.greedy = [
            r for r in cuts.readings if not _wraps_short(u, r[0], room, plain, seen, said)
        ]
        cuts.narrowed = len(cuts.greedy) < len(cuts.readings)
    return cuts.greedy


def _title_scores(
    readings: Readings, u: Undecided, known: set[str], column: dict[str, set[str]] | None
) -> list[int]:
    """Cut by cut, how many title cells read as titles the filing prints elsewhere for sure
    (a cell left as its first line: see the module's docstring)."""
    # the readings give each cell a few texts, each many times: each is judged once
    is_known: dict[str, bool] = {}

    def knows(t: str) -> bool:
        got = is_known.get(t)
        if got is None:
            got = is_known[t] = _key(t) in known
        return got

    titled_at = [i for i, c in enumerate(u.cells) if c in _TITLES]
    # the titles each cell's own column prints for sure (with no columns told, any)
    own = [known if column is None else column.get(c, set()) for c in u.cells]
    # a title printed elsewhere is no proof where another cut gives it a qualifier in brackets
    # after it (``Common Stock`` beside ``Common Stock (restricted)``: :func:`_bracket_after`;
    # an option's kind is no qualifier: the rules weigh ``(right to buy)``)
    texts_at = {i: {texts[i] for _, texts in readings} for i in titled_at}
    qualified = {
        i: [t for t in ts if "(" in t and not _KIND_WORDING.search(t)] for i, ts in texts_at.items()
    }
    bracketed = {i: {t for t in texts_at[i] if _bracket_after(t, qualified[i])} for i in titled_at}
    nature_at = u.cells.index("nature_of_ownership") if "nature_of_ownership" in u.cells else None
    rests: dict[tuple[int, str], list[str]] = {}
    scores = []
    nature_first = len(u.first[nature_at].split()) if nature_at is not None else 0
    for _, texts in readings:  # (loops, not sum() over a generator: 150 cuts a row at times)
        score = 0
        if nature_at is not None and holds_a_titles_noun(texts[nature_at], nature_first):
            # ``Custodian Shares for minor child`` beside ``Restricted Stock`` and ``Common
            # Units`` (remix seed 1177, markitdown and pdfplumber-text: read so, three wrong):
            # a cut giving the nature a security's noun from the wrapped words has no proof in
            # titles printed elsewhere; the noun is a title's, of this cut or another
            scores.append(0)
            continue
        for i in titled_at:
            t = texts[i]
            if t in bracketed[i]:
                continue
            if not (knows(t) and (t != u.first[i] or " " in t.strip() or _key(t) in own[i])):
                continue
            if nature_at is not None:
                given = rests.get((i, t))
                if given is None:
                    given = rests[i, t] = _nouns_after(t, texts_at[i])
                if given and any(f" {r} " in f" {texts[nature_at]} " for r in given):
                    continue
            score += 1
        scores.append(score)
    return scores


_SPECK_WORD = re.compile(r"[^\w\s]+")
"""A word of no letter or digit (``=``, ``|``): a scan's speck between words."""


def _spliced(text: str, known: set[str]) -> bool:
    """A title that another row prints for sure with words spliced into it (``Class A Common
    Limited Stock, $0.01 par value`` beside ``Class A Common Stock, $0.01 par value``): its
    first and last words that title's, the rest of it too, in order, and more between. A
    converter that printed a row's lines out of order (markitdown: the nature's ``Limited
    Partnership`` above the title's ``Stock, ...``) leaves no cut that reads it, and the cut
    left splices another cell's words in; no cut is sure."""
    key = _key(text)
    if key in known:
        return False
    words = key.split()
    for k in known:
        have = k.split()
        if 1 < len(have) < len(words) and have[0] == words[0] and have[-1] == words[-1]:
            rest = iter(words[1:-1])
            if all(w in rest for w in have[1:-1]):
                # (``Common = Stock``: a scan's speck, no word, between its words splices none)
                return " ".join(w for w in words if not _SPECK_WORD.fullmatch(w)) not in known
    return False


_RIGHTS_NOUNS = _OPTION | _RIGHTS | {"awards", "notes"}


def _nouns_after(title: str, others: set[str]) -> list[str]:
    """The words other cuts give the cell after ``title``, ending on a security's noun
    (``Restricted Stock`` beside ``Restricted Stock Units``: ``Units``). A cut that gives such
    words to the nature instead (``By Jane Doe Units 2019 Irrevocable Trust``) has no proof in
    the filing printing ``title`` elsewhere (Table I's ``Restricted Stock``): no nature names a
    security (remix seed 1079, pdfplumber-text: read so, both wrong)."""
    head = f"{title} "
    out = []
    for o in others:
        if o.startswith(head):
            rest = o[len(head) :]
            last = _SPECK_WORD.sub("", rest.rsplit(None, 1)[-1]).lower()
            if last in _NOUNS or last in _RIGHTS_NOUNS:
                out.append(rest)
    return out


def _bracket_after(title: str, others: list[str]) -> bool:
    """Whether another cut gives the cell ``title`` and a bracketed phrase after it (``Common
    Stock`` beside ``Common Stock (restricted)``): the footnotes printing ``shares of Common
    Stock`` do not say the bracket is not the title's own qualifier (remix seed 907: read
    ``Common Stock`` with ``(restricted)`` given to the nature, ``By GRAT (restricted)``)."""
    head = f"{title} ("
    return any(
        o.startswith(head) and o.endswith(")") and o.count("(") == 1 + title.count("(")
        for o in others
    )


ACRONYM = re.compile(r"\(([A-Z]{2,5})s?\)")
"""A bracketed acronym of capitals, a plural's ``s`` after them (``(RSU)``, ``(PSUs)``)."""


def _acronyms_spelt(text: str) -> bool:
    """Whether each bracketed acronym in ``text`` follows the words whose initials it spells
    (``Restricted Stock Unit (RSU)``): a cut that leaves ``(RSU)`` after ``By Limited Stock
    Partnership`` puts it in a cell not its own (remix seed 901, pdfplumber)."""
    return all(spells(m.group(1), text[: m.start()].split()) for m in ACRONYM.finditer(text))


def spells(letters: str, words: list[str]) -> bool:
    """Whether capitals ``letters`` are the initials of the last of ``words`` (``RSU`` of
    ``... Restricted Stock Unit``)."""
    worded = [w for w in words if w[:1].isalpha()]
    if len(worded) < len(letters):
        return False
    return "".join(w[0] for w in worded[-len(letters) :]).casefold() == letters.casefold()


_NEUTRAL_CASE = frozenset(
    {"llc", "lp", "llp", "inc", "corp", "co", "ltd", "plc", "na", "ii", "iii"}
)
"""Words either case writes the same: legal forms, Roman numbers (``River Farm Investments,``
/ ``LLC``)."""


def _case_of_word(word: str) -> str | None:
    """``upper`` for a word of two capitals or more, ``lower`` for one with a small letter;
    None for the rest (a number, an initial, a legal form)."""
    letters = "".join(c for c in word if c.isalpha())
    if len(letters) < 2 or letters.casefold() in _NEUTRAL_CASE:
        return None
    return "upper" if letters.isupper() else "lower"


def _case_of_cell(text: str) -> str | None:
    cases = {c for w in text.split() if (c := _case_of_word(w))}
    return cases.pop() if len(cases) == 1 else None


def _written_in_case(
    readings: list[tuple[_Path, tuple[str, ...]]],
    scores: list[int],
    best: int,
    first: tuple[str, ...],
) -> list[tuple[_Path, tuple[str, ...]]]:
    """``INNSUITES ... By immediate family`` / ``HOSPITALITY REIT member 2``: where every cell's
    first line is written in one case, and not all in the same (a title in capitals, a nature
    not), each cell's wrapped words are in its own case, and a cell whose first line ends on a
    comma goes on (``River Farm Investments,`` / ``LLC``). The cuts of the best title score
    that so read; none where the cells' first lines do not say (a title in capitals may hold
    a word in small letters no more than a nature may hold an acronym, so a cell of mixed
    case says nothing)."""
    cases = [_case_of_cell(t) for t in first]
    if None in cases or len(set(cases)) < 2:
        return []
    kept = []
    for r, sc in zip(readings, scores, strict=True):
        texts = r[1]
        if sc != best or any(t.rstrip().endswith(",") for t in texts):
            continue
        added = [t[len(f) :] if t.startswith(f) else t for t, f in zip(texts, first, strict=True)]
        if all(
            _case_of_word(w) in (None, case)
            for a, case in zip(added, cases, strict=True)
            for w in a.split()
        ):
            kept.append(r)
    return kept


def settle(
    draft: Draft,
    known: set[str],
    printed: str = "",
    cache: dict[int, Cuts] | None = None,
    column: dict[str, set[str]] | None = None,
    room: Room | None = None,
) -> bool:
    """Fill the cells of ``draft.undecided`` where one cut of its wrapped lines is left (see
    the module's docstring); True if it did. ``printed``: the text below the tables
    (footnotes, remarks), where a title may stand whole. ``cache``: the cuts of each draft's
    lines (by ``id``) kept across the rounds of one filing (they do not change). ``column``:
    the titles read for sure in the draft's own table, by column (:func:`column_titles`);
    without it, every known title counts as the cell's own column's. ``room``: how wide the
    table's text columns are at least (:func:`column_room`)."""
    u = draft.undecided
    only: set[str] | None = None
    if u is None or not set(u.cells) <= draft.blurred:
        return False
    if cache is None:
        cuts = _cuts_left(u)
    else:
        got = cache.get(id(draft))
        if got is None:
            got = cache[id(draft)] = _cuts_left(u)
        cuts = got
    readings = cuts.readings
    if known and len(readings) <= _MAX_WEIGHED:
        titled = [i for i, c in enumerate(u.cells) if c in _TITLES]
        spliced = {t for _, texts in readings for i in titled if _spliced(t := texts[i], known)}
        if spliced:
            readings = [r for r in readings if not any(r[1][i] in spliced for i in titled)]
            if not readings:
                return False  # every cut splices words into a title the filing prints
    acronyms = False  # (whether a bracketed acronym ruled cuts out)
    if 1 < len(readings) <= _MAX_WEIGHED:
        spelt = [r for r in readings if all(_acronyms_spelt(t) for t in r[1])]
        if spelt and len(spelt) < len(readings):
            readings = spelt  # (``Restricted Stock Unit (RSU)``, not ``By Limited ... (RSU)``)
            acronyms = True
    narrowed = False
    scores: list[int] | None = None
    if (
        1 < len(readings) <= _MAX_WEIGHED
        and room is not None
        and not (u.joined or u.margin or u.apart)
    ):
        # the widths rule cuts out, never in: where the titles alone leave one cut that the
        # widths allow, it is the cut either way (and the widths are weighed for it alone)
        scores = _title_scores(readings, u, known, column)
        best = max(scores)
        alone = best > 0 and scores.count(best) == 1
        if not alone or _wraps_short(u, readings[scores.index(best)][0], room, draft.plain, {}, {}):
            readings = _greedy(cuts, u, room, draft.plain)
            narrowed, scores = cuts.narrowed, None
    if not readings:
        return False  # every cut breaks the widths: the lines are not what they seem
    if len(readings) > 1:
        if scores is None:
            scores = _title_scores(readings, u, known, column)
        best = max(scores)
        if best > 0 and scores.count(best) == 1:
            readings = [readings[scores.index(best)]]
            why = "the only cut under which the titles read as titles the filing prints elsewhere"
        elif len(worded := _derivative_wording(readings, scores, best, u.cells)) == 1:
            only = _vouched(
                worded[0],
                [r for r, sc in zip(readings, scores, strict=True) if sc == best],
                u.cells,
            )
            why = (
                "the only cut under which the derivative's kind (a right to buy or sell, a"
                " warrant, an option) stays in its title"
            )
            at = u.cells.index("security_title")
            if sum(texts[at] == worded[0][1][at] for _, texts in readings) == 1:
                # no other cut the page allows gives that title: the other cells' words are
                # the words it leaves
                only = None
                why += ", and the only cut giving that title"
            readings = worded
        elif not u.margin and len(cased := _written_in_case(readings, scores, best, u.first)) == 1:
            readings = cased
            why = (
                "the only cut under which each cell's wrapped words are written in its first"
                " line's case and none ends on a comma"
            )
        else:
            titled = [c in _TITLES for c in u.cells]
            if not printed or not any(titled):
                return False
            whole: dict[str, bool] = {}

            def printed_whole(t: str) -> bool:
                got = whole.get(t)
                if got is None:
                    got = whole[t] = stands_whole(t, printed)
                return got

            tied = [r for r, sc in zip(readings, scores, strict=True) if sc == best]
            by_cell = [[o[1][i] for o in tied] for i in range(len(titled))]  # (each cell's texts)
            left = [
                r
                for r in tied
                if all(
                    printed_whole(t) and not _bracket_after(t, by_cell[i])
                    for i, (t, ti) in enumerate(zip(r[1], titled, strict=True))
                    if ti
                )
            ]
            if len(left) != 1:
                return False
            readings = left
            why = "the only cut under which the titles read as the footnotes or remarks print them"
    elif narrowed:
        why = (
            "the only cut under which no cell wraps a word its column had room for (the"
            " widest line the column prints, in every usual font)"
        )
    elif acronyms:
        why = "the only cut under which each bracketed acronym follows the words it spells"
    else:
        why = (
            "the only cut the column order, brackets, markers, line widths and the way titles"
            " end allow"
        )
    path, texts = readings[0]
    if any(ruled_out(texts) for ruled_out in cuts.rules):
        # the one cut left is one the rules rule out: ``Common Stock, par`` (the scan's
        # ``$0,001)`` unbalanced the brackets of the cut that would not end a title on
        # ``par``), ``Class A Common See Stock, ...``, a nature ``By Jacob A. Schaufeld Stock
        # Irr Trust`` beside the title ``Common``: no sure reading
        return False
    words = _cell_words(path, len(u.cells))
    names = " or ".join(u.cells)
    stale = f"wrapped line(s) '{u.said}' may continue {names}: left empty"

    def is_stale(n: tuple[str | None, str]) -> bool:
        # (a scan's margin lines were said as printed, ``Trust?)``, before their debris went)
        return n[1] == stale or (
            n[0] in u.cells
            and n[1].startswith("wrapped line(s) '")
            and n[1].endswith(f"' may continue {names}: left empty")
        )

    draft.notes[:] = [
        n for n in draft.notes if not is_stale(n) or (only is not None and n[0] not in only)
    ]
    for c, f in enumerate(u.cells):
        if only is not None and f not in only:
            continue  # left empty, its doubt kept
        draft.blurred.discard(f)
        draft.values[f] = texts[c] or None
        for w in words[c]:
            for mark in w.marks:
                ids = draft.footnotes.setdefault(f, [])
                if f"F{int(mark)}" not in ids:
                    ids.append(f"F{int(mark)}")
        draft.notes.append((f, f"wrapped line(s) '{u.said}' split by {why}: read {texts[c]!r}"))
    draft.undecided = None
    return True


def ends_on_dated(nature: str) -> bool:
    """A nature whose last word wants a trust's date after it (``By Revocable Trust dated``)."""
    words = nature.split()
    return bool(words) and words[-1].casefold() in ("dated", "dtd")
