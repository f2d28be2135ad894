"""Does a rendering *show* a truth value correctly? (issue #12's measure of what a parser can reach)

A converter or an OCR engine can lose or misread a value before the parser sees it (a `2,292`
read `F292.`, a `D` dropped, a word glued to the next). Such a value is out of the parser's
reach; every value the rendering shows correctly must be read exact or left empty with a note.
This module decides, for each truth field, whether the rendering shows it, by looking only at
the truth and the rendering text (never at what the parser made of it), the same way for every
converter:

1. **Lines.** The text is cut at line breaks; markup (``**``, ``<sup>``, a converter's ``<br>``
   inside a cell) and cell pipes count as spaces, so a markdown row is one line.
2. **Sections.** The header is everything above the Table I caption; Table I runs from its
   caption to Table II's, Table II from its caption to "Explanation of Responses". A caption the
   converter tore up is not looked for harder: the section then runs from the previous landmark
   found (or the text's start) to the next one found (or its end).
3. **Where a row is.** Each truth row is anchored on one line of its table's section: the line
   holding most of the row's printed numbers and dates (a number counts once the text holds it
   with nothing but non-digits around it, with or without thousands separators or ``$``; a date
   as the form prints it, ``MM/DD/YYYY``). Rows anchor in order, on strictly increasing lines,
   so that the sum of what they hold is largest (a row holding none of its numbers has no
   anchor, and then **none of its fields is shown**: the rendering does not say where it is).
   A row's **region** is its anchor line and up to eight lines either side, stopping short of
   the neighbouring rows' anchors (a wrapped title's words sit above or below the numbers).
4. **Numbers, dates and letters** (shares, prices, owned following, exercise price, underlying
   amount, the dates, the code, Table I's (A)/(D), the ownership D/I) must be on the anchor line
   or a line next to it in the region. A number's digits must stand alone (``$2.36)``,
   ``294,840]`` and ``g207.13`` show their value; ``$159.942`` does not show ``159.94``, and
   ``F292.`` does not show ``2,292``); a letter must be a token of its own, in its case (a
   footnote marker after it is allowed; a caption's ``(D)`` in parentheses is no value). When
   a row prints the same number or letter in more fields than the lines hold it (an (A)/(D)
   ``D`` and an ownership ``D``, of which OCR kept one), **none of those fields is shown**: the
   text does not say which one was lost. A letter that is a word of the row's own titles or
   nature (``Class A``) is not a code. Table II prints its (A)/(D) as the column of the
   amount, not as a letter: it is shown when the amount is, and, where the text keeps the
   ``(A)  (D)`` captions in columns (two spaces apart or more, no pipes), when the amount on
   the anchor line sits nearer its own side's caption than the other's; where a pipe table
   holds both captions in one cell (``|(A)<br>(D)|``: the converter merged the two columns),
   no amount's cell shows its side; nor does a row printed as a run of words (one space apart,
   no pipes, no column gaps: markitdown), whatever the captions above it look like.
5. **Text** (titles, nature of ownership, names) is shown when its words (runs of letters and
   digits, any case) occur as whole words, in order, in the row's region; words glued together
   (``ByLP``) or split (``Foot|note``) are not shown, nor is a value whose comma after a word the
   converter lost (``Common Stock $0.01 par value``), or a space beside a dash the value spaces
   on both sides (``(PSUs)- Relative TSR``). Where two text fields of a row hold the
   same words (title and underlying title), each needs its own occurrence.
6. **Header.** The issuer name, ticker (a token of its own), period of report and the first
   owner's name must be in the header section; a further owner's name anywhere in the text (a
   joint filing repeats further owners' boxes below the tables). The form type is shown by
   the title box ('FORM 4', 'FORM 4/A': a bare '4' says nothing of an amendment), box 4's date
   of the original as a date in the header.

7. **Box 5** (the relationship) is scored apart from the fields above, so that their measures
   stay comparable with earlier runs. The first owner's box is read in the header section, a
   further owner's in the block from the box 1 label that shows the owner's name to the next
   box 1 label. A check box is shown when its label is printed whole there, with a tick mark
   (``X``, ``☒``) right before it on its line exactly where the truth ticks it; the title
   written under "Officer" / "Other" as a name is (its words in order, line to line).

A value that the text holds only elsewhere (another row, the footnotes, the header) is not
shown. The rule errs on the side of "shown" within a row's own lines (a stray neighbouring
value next to the anchor can stand in for a lost one), so that misreads are never excused
lightly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from parsers import DerivativeRow, Filing, NonDerivativeRow

REACH = 8
"""Lines above and below a row's anchor that its wrapped text may take."""

NUMBER_FIELDS = (
    "shares",
    "price",
    "shares_owned_following",
    "exercise_price",
    "underlying_shares",
)
DATE_FIELDS = ("transaction_date", "deemed_execution_date", "date_exercisable", "expiration_date")
LETTER_FIELDS = ("code", "acquired_disposed", "ownership")
TEXT_ROW_FIELDS = ("security_title", "underlying_title", "nature_of_ownership")

_MARKUP = re.compile(r"<br\s*/?>|</?(?:sup|sub|b|i|strong|em)>|\*\*|\|", re.IGNORECASE)
_DATE = re.compile(r"(?<!\d)(\d{2})/(\d{2})/(\d{4})(?!\d)")
_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[.,]\d)")
_LETTER = re.compile(r"[^A-Za-z0-9(]*([A-Za-z])[^A-Za-z0-9]*(?:\(\d+\)[^A-Za-z0-9]*)?")
_WORD = re.compile(r"[^\W_]+")
_TABLE1 = re.compile(r"Non-?\s?Derivative\s+Securities", re.IGNORECASE)
_TABLE2 = re.compile(
    r"Table\s+II\b|(?<!Non-)(?<!Non)\bDerivative\s+Securities\s+(?:Acquired,|Beneficially\s+Owned)",
    re.IGNORECASE,
)
_NOTES = re.compile(r"Explanation\s+of\s+Responses", re.IGNORECASE)


# --------------------------------------------------------------------------- the text


@dataclass
class _Line:
    dates: Counter[dt.date] = field(default_factory=Counter)
    numbers: Counter[Decimal] = field(default_factory=Counter)
    words: list[str] = field(default_factory=list)
    letters: dict[int, str] = field(default_factory=dict)
    """Word places that are a token of their own holding one letter (and maybe a marker)."""
    tokens: set[str] = field(default_factory=set)


def _read_line(text: str) -> _Line:
    line = _Line()
    spans: list[tuple[int, int]] = []
    for m in _DATE.finditer(text):
        try:
            line.dates[dt.date(int(m[3]), int(m[1]), int(m[2]))] += 1
        except ValueError:
            continue
        spans.append(m.span())
    for m in _NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        line.numbers[Decimal(m[0].replace(",", "")).normalize()] += 1
    for tok in text.split():
        words = _WORD.findall(tok)
        letter = _LETTER.fullmatch(tok)
        if letter:
            line.letters[len(line.words)] = letter[1]
        line.words.extend(w.casefold() for w in words)
        line.tokens.add(tok.strip("[](){}.,;:'\"*"))
    return line


def text_lines(text: str) -> list[str]:
    """The rendering's lines as this rule reads them (markup, ``<br>`` and pipes are space)."""
    return [_MARKUP.sub(" ", ln) for ln in text.splitlines()]


def _find(lines: Sequence[str], pattern: re.Pattern[str], start: int = 0) -> int | None:
    for i in range(start, len(lines)):
        if pattern.search(lines[i]):
            return i
    return None


# --------------------------------------------------------------------------- printed values


def _num(value: Any) -> Decimal | None:
    return value.normalize() if isinstance(value, Decimal) else None


def words_of(value: str | None) -> list[str]:
    return [w.casefold() for w in _WORD.findall(value or "")]


def _in_order(words: Sequence[str], stream: Sequence[tuple[int, str]], used: set[int]) -> list[int]:
    """Positions of ``words`` found in order in ``stream`` (skipping used places); [] if not all."""
    found: list[int] = []
    k = 0
    for pos, w in stream:
        if k == len(words):
            break
        if pos not in used and w == words[k]:
            found.append(pos)
            k += 1
    return found if k == len(words) and words else []


def _name_shown(words: Sequence[str], stream: Sequence[tuple[int, str]]) -> bool:
    """``words`` in order in ``stream``, each on the line of the one before or the next: a name
    the rendering prints (wrapped once or more in its box), not words of it scattered over the
    header (``VACCINEX, ING.`` and a street's ``ALPHABET INC.`` two lines below it)."""
    if not words:
        return False
    at: dict[str, list[int]] = {}
    for pos, w in stream:
        at.setdefault(w, []).append(pos)

    def goes_on(k: int, pos: int) -> bool:
        if k == len(words):
            return True
        line = pos // 10_000
        return any(
            goes_on(k + 1, nxt)
            for nxt in at.get(words[k], ())
            if nxt > pos and nxt // 10_000 <= line + 1
        )

    return any(goes_on(1, pos) for pos in at.get(words[0], ()))


def _numeric(row: NonDerivativeRow | DerivativeRow) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for f in NUMBER_FIELDS:
        v = _num(getattr(row, f, None))
        if v is not None:
            out.append((f, v))
    for f in DATE_FIELDS:
        d = getattr(row, f, None)
        if isinstance(d, dt.date):
            out.append((f, d))
    return out


def _hits(values: Sequence[tuple[str, Any]], line: _Line) -> int:
    return sum(
        1 for _, v in values if (line.dates[v] if isinstance(v, dt.date) else line.numbers[v]) > 0
    )


def anchors(
    rows: Sequence[NonDerivativeRow | DerivativeRow], lines: Sequence[_Line], lo: int, hi: int
) -> list[int | None]:
    """Each row's anchor line in [lo, hi): strictly increasing, most numbers held in all."""
    n, span = len(rows), hi - lo
    if span <= 0:
        return [None] * n
    values = [_numeric(r) for r in rows]
    hit = [[_hits(values[i], lines[lo + j]) for j in range(span)] for i in range(n)]
    # best[i][j]: most hits rows i.. can take on lines j..
    best = [[0] * (span + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(span - 1, -1, -1):
            take = hit[i][j] + best[i + 1][j + 1] if hit[i][j] else -1
            best[i][j] = max(best[i][j + 1], best[i + 1][j], take)
    out: list[int | None] = []
    i = j = 0
    while i < n:
        if j >= span:
            out.append(None)
            i += 1
        elif hit[i][j] and best[i][j] == hit[i][j] + best[i + 1][j + 1]:
            out.append(lo + j)
            i += 1
            j += 1
        elif best[i][j] == best[i][j + 1]:
            j += 1
        else:
            out.append(None)
            i += 1
    return out


# --------------------------------------------------------------------------- rows


_BEFORE_COMMA = re.compile(r"([^\W_]+),")


def _commas_kept(value: str, region: Sequence[str]) -> bool:
    """Each word the value ends with a comma is printed with it in the row's lines: a comma the
    converter lost (``Class A Common Stock $0.01 par value``) leaves the value not shown (its
    words alone are). Lines not given (a caller without the source): no check."""
    if not region:
        return True
    text = "\n".join(region)
    return all(
        re.search(rf"(?<![^\W_]){re.escape(w)}\s*,", text) for w in _BEFORE_COMMA.findall(value)
    )


_SPACED_DASH = re.compile(r"([^\W_]+\W*?) ([-\u2013\u2014]) (\W*?[^\W_]+)")
"""A dash with a space either side, and the words beside it (``(PSUs) - Relative``)."""


def _dashes_spaced(value: str, region: Sequence[str]) -> bool:
    """No dash the value spaces on both sides is printed glued to a word beside it, between
    the same two words: a space the converter lost (``(PSUs)- Relative TSR``) leaves the value
    not shown, as a word glued to the next one is not (its words alone are). A hyphen elsewhere
    in the row's lines (``Non-TSR``) says nothing of it. Lines not given: no check."""
    if not region or not _SPACED_DASH.search(value):
        return True
    text = "\n".join(region)
    gap = r"(?:\s|\||<br\s*/?>)"
    return not any(
        re.search(
            rf"(?<![^\W_]){re.escape(a)}(?:{re.escape(d)}{gap}*|{gap}+{re.escape(d)})"
            rf"{re.escape(b)}(?![^\W_])",
            text,
        )
        for a, d, b in _SPACED_DASH.findall(value)
    )


def _row_shown(
    row: NonDerivativeRow | DerivativeRow,
    anchor: int | None,
    before: int,
    after: int,
    lines: Sequence[_Line],
    table2: bool,
    raw: Sequence[str] = (),
    captions: tuple[float, float] | None = None,
    merged: bool = False,
) -> set[str]:
    if anchor is None:
        return set()
    region = list(range(max(before + 1, anchor - REACH), min(after - 1, anchor + REACH) + 1))
    near = [k for k in region if abs(k - anchor) <= 1]
    shown: set[str] = set()

    # text: whole words in order, each field its own occurrence
    stream = [(k * 10_000 + p, w) for k in region for p, w in enumerate(lines[k].words)]
    used: set[int] = set()
    own_words: Counter[str] = Counter()
    for f in TEXT_ROW_FIELDS:
        value = getattr(row, f, None)
        ws = words_of(value)
        if not ws:
            continue
        found = _in_order(ws, stream, used)
        lines_of = [raw[k] for k in region if k < len(raw)]
        if found and _commas_kept(value or "", lines_of) and _dashes_spaced(value or "", lines_of):
            used.update(found)
            shown.add(f)
        else:
            own_words.update(w for w in _WORD.findall(value or "") if len(w) == 1)

    # numbers and dates: as many occurrences near the anchor as fields print them
    need: Counter[Any] = Counter(v for _, v in _numeric(row))
    for f, v in _numeric(row):
        have = sum(
            (lines[k].dates[v] if isinstance(v, dt.date) else lines[k].numbers[v]) for k in near
        )
        if have >= need[v]:
            shown.add(f)

    # letters: tokens of their own, not words of the row's text found above, and not as many
    # as the row's unfound text has one-letter words ('Class A' is no code)
    letters = {f: getattr(row, f) for f in LETTER_FIELDS if getattr(row, f, None)}
    if table2:
        ad = letters.pop("acquired_disposed", None)
        line = raw[anchor] if anchor < len(raw) else ""
        if (
            ad is not None
            and not merged
            and "shares" in shown
            and not run_of_words(line)
            and _side_shown(row, ad, line, captions)
        ):
            shown.add("acquired_disposed")
    need_l = Counter(letters.values())
    for f, v in letters.items():
        have = sum(
            1
            for k in near
            for p, letter in lines[k].letters.items()
            if letter == v and k * 10_000 + p not in used
        )
        if have - own_words[v] >= need_l[v]:
            shown.add(f)
    return shown


_AD_CAPTIONS = re.compile(r"(?<![^\s])\(A\) {2,}\(D\)(?![^\s])")
_AD_ONE_CELL = re.compile(r"\(A\)(?:<br\s*/?>|\*\*)* ?(?:<br\s*/?>|\*\*)*\(D\)", re.IGNORECASE)


def ad_in_one_cell(raw: Sequence[str], lo: int, hi: int) -> bool:
    """Whether a pipe table's caption row holds Table II's ``(A)`` and ``(D)`` captions in one
    cell (``|(A)<br>(D)|``, ``| (A) (D) Date |``): the converter merged the two columns, so an
    amount's cell below them says no side. Captions two spaces apart or more keep their
    columns (a scan's ``|`` is a box rule, not a cell)."""
    for k in range(max(lo, 0), min(hi, len(raw))):
        if "|" in raw[k] and any(_AD_ONE_CELL.search(cell) for cell in raw[k].split("|")):
            return True
    return False


_AD_RUN = re.compile(r"(?<![^\s])\(A\) \(D\)(?![^\s])")


def ad_run_together(raw: Sequence[str], lo: int, hi: int) -> bool:
    """Whether plain text prints Table II's ``(A)`` and ``(D)`` captions one space apart with no
    cells (pdfplumber's ``extract_text``: ``Code V (A) (D) Date``): it prints a row's cells as a
    run of words too, so an amount stands under neither caption and its side is not shown."""
    return any(
        "|" not in raw[k] and _AD_RUN.search(raw[k]) and not _AD_CAPTIONS.search(raw[k])
        for k in range(max(lo, 0), min(hi, len(raw)))
    )


_GAP = re.compile(r"\S(?: {2,}|\t)\S")


def run_of_words(line: str) -> bool:
    """Whether a row's line prints its cells as a run of words, one space apart, with no cell
    pipes and no column gaps (markitdown: ``Stock $29.81 03/14/2016 M(1) 1,400 (6) 03/03/2026
    Common 1,400 $0 4,100 D``): a Table II amount there stands under neither the (A) nor the
    (D) caption, so its side is not shown, whatever the captions above look like."""
    return "|" not in line and _GAP.search(line) is None and len(line.split()) > 1


def ad_captions(raw: Sequence[str], lo: int, hi: int) -> tuple[float, float] | None:
    """Centres of Table II's ``(A)`` and ``(D)`` captions, where the text keeps them in columns
    (space-aligned, no cell pipes): the amount's side is shown by the caption it sits under."""
    for k in range(max(lo, 0), min(hi, len(raw))):
        line = raw[k]
        m = _AD_CAPTIONS.search(line)
        if m and "|" not in line:
            a = m.start() + 1.5
            return a, line.index("(D)", m.start() + 3) + 1.5
    return None


def _side_shown(row: Any, side: str, line: str, captions: tuple[float, float] | None) -> bool:
    """Whether the anchor line puts the row's amount under its own side's caption (always, where
    the text keeps no caption columns)."""
    amount = _num(getattr(row, "shares", None))
    if captions is None or amount is None or not line:
        return True
    for m in _NUMBER.finditer(line):
        if Decimal(m[0].replace(",", "")).normalize() == amount:
            centre = (m.start() + m.end()) / 2
            under = "A" if abs(centre - captions[0]) < abs(centre - captions[1]) else "D"
            return under == side
    return True


def _bounds(lines: Sequence[str]) -> tuple[int | None, int | None, int | None]:
    t1 = _find(lines, _TABLE1)
    t2 = _find(lines, _TABLE2, (t1 + 1) if t1 is not None else 0)
    notes = _find(lines, _NOTES, max(x for x in (t1, t2, 0) if x is not None))
    return t1, t2, notes


@dataclass
class Shown:
    """What a rendering shows of its truth: header field names, and per table a set of
    field names for each truth row (in the truth's order); per owner, box 5's fields shown."""

    header: set[str]
    owners: list[bool]
    table1: list[set[str]]
    table2: list[set[str]]
    relationships: list[set[str]] = field(default_factory=list)


BOX5_LABELS = {
    "is_director": re.compile(r"\bDirector\b", re.I),
    "is_ten_percent_owner": re.compile(r"\b10\s*%\s*Owner\b", re.I),
    "is_officer": re.compile(r"\bOfficer\s*\(\s*give\s+title\s+below\s*\)", re.I),
    "is_other": re.compile(r"\bOther\s*\(\s*specify\s+below\s*\)", re.I),
}
_BOX1 = re.compile(r"Name\s+and\s+Address\s+of\s+Reporting\s+Person", re.I)
_TICK = re.compile(r"(?:☒|(?<![A-Za-z0-9])[xX])[\s_]{0,3}$")


def relationship_shown(
    owner: Any, lines: Sequence[str], stream: Sequence[tuple[int, str]]
) -> set[str]:
    """Box 5 as the text shows it (rule 7 of the module's list): a check box is shown when
    its label is printed whole in the owner's section, ticked (an ``X`` or ``☒`` right before
    it on its line) where the truth ticks it and not ticked where it does not; the first label
    printed is the one read (a further owner's box repeats below the tables). The title
    written under "Officer"/"Other" is shown as a name is (its words in order, line to line)."""
    shown: set[str] = set()
    for name, label in BOX5_LABELS.items():
        for line in lines:
            m = label.search(line)
            if m:
                ticked = bool(_TICK.search(line[max(0, m.start() - 8) : m.start()]))
                if ticked == bool(getattr(owner, name)):
                    shown.add(name)
                break
    for name in ("officer_title", "other_text"):
        value = getattr(owner, name)
        if value and _name_shown(words_of(value), stream):
            shown.add(name)
    return shown


def _prints_form(form_type: str, head: Sequence[str]) -> bool:
    """The form's title box prints its type ('FORM 4', 'FORM 4/A'); a '4' printed alone says
    nothing of an amendment, so only the title counts."""
    title = re.compile(r"\bFORM\s*" + re.escape(form_type) + r"(?![/\w])", re.IGNORECASE)
    return any(title.search(line) for line in head)


def shown_fields(truth: Filing, text: str) -> Shown:
    raw = text_lines(text)
    source = text.splitlines()  # as written: captions' and amounts' columns, cell pipes
    lines = [_read_line(ln) for ln in raw]
    end = len(lines)
    t1, t2, notes = _bounds(raw)
    stop = notes if notes is not None else end
    head_end = next((x for x in (t1, t2, notes) if x is not None), end)
    s1, e1 = (t1 if t1 is not None else 0), (t2 + 1 if t2 is not None else stop)
    s2 = t2 if t2 is not None else (t1 if t1 is not None else 0)

    header: set[str] = set()
    head_stream = [(i * 10_000 + p, w) for i in range(head_end) for p, w in
                   enumerate(lines[i].words)]  # fmt: skip
    if truth.issuer.name and _name_shown(words_of(truth.issuer.name), head_stream):
        header.add("issuer.name")
    if truth.issuer.ticker and any(truth.issuer.ticker in lines[i].tokens for i in range(head_end)):
        header.add("issuer.ticker")
    if truth.period_of_report and any(
        lines[i].dates[truth.period_of_report] for i in range(head_end)
    ):
        header.add("period_of_report")
    if truth.date_of_original_submission and any(
        lines[i].dates[truth.date_of_original_submission] for i in range(head_end)
    ):
        header.add("date_of_original_submission")
    if _prints_form(truth.form_type, raw[:head_end]):
        header.add("form_type")
    all_stream = [(i * 10_000 + p, w) for i in range(end) for p, w in enumerate(lines[i].words)]
    owners = [
        _name_shown(words_of(o.name), head_stream if i == 0 else all_stream)
        for i, o in enumerate(truth.reporting_owners)
    ]

    def table(
        rows: Sequence[NonDerivativeRow | DerivativeRow], lo: int, hi: int, two: bool
    ) -> list[set[str]]:
        found = anchors(rows, lines, lo, hi)
        captions = ad_captions(source, lo, hi) if two else None
        merged = two and (ad_in_one_cell(source, lo, hi) or ad_run_together(source, lo, hi))
        placed = [a for a in found if a is not None]
        out: list[set[str]] = []
        for a in found:
            if a is None:
                out.append(set())
                continue
            k = placed.index(a)
            before = placed[k - 1] if k else lo - 1
            after = placed[k + 1] if k + 1 < len(placed) else hi
            out.append(
                _row_shown(rows[len(out)], a, before, after, lines, two, source, captions, merged)
            )
        return out

    relationships = [relationship_shown(truth.reporting_owners[0], raw[:head_end], head_stream)]
    boxes = [i for i in range(head_end, end) if _BOX1.search(raw[i])] + [end]
    for o in truth.reporting_owners[1:]:
        shown: set[str] = set()
        for lo, hi in zip(boxes, boxes[1:], strict=False):
            stream = [(i * 10_000 + p, w) for i in range(lo, hi) for p, w in
                      enumerate(lines[i].words)]  # fmt: skip
            if _name_shown(words_of(o.name), stream):
                shown = relationship_shown(o, raw[lo:hi], stream)
                break
        relationships.append(shown)
    return Shown(
        header,
        owners,
        table(truth.non_derivative, s1, e1, False),
        table(truth.derivative, s2, stop, True),
        relationships,
    )


def count_shown(truth: Filing, text: str) -> int:
    """How many truth fields the rendering shows (tests and quick looks)."""
    s = shown_fields(truth, text)
    return len(s.header) + sum(s.owners) + sum(len(x) for x in (*s.table1, *s.table2))
