"""Read the words of a table row as typed values: dates, numbers, single letters, text, markers.

Column positions in a rendering are unreliable (converters drop empty cells, split one cell in
two, merge two into one); the *type* of a value is not. A date is a date in any cell, ``$25.56``
is a price, a lone ``D`` is a flag. So each row becomes a sequence of typed tokens that
:mod:`parsers.text.columns` lines up against the form's fixed column order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from parsers.numbers import amount_problem
from parsers.text import ocr
from parsers.text.cells import MARK, MARKS, clean

TEXT = "text"
DATE = "date"
NUM = "num"
LETTER = "letter"
MARKER = "mark"  # a cell holding nothing but a footnote marker, e.g. ``(4)`` for "see footnote"
NA = "na"  # ``N/A``, ``None``, ``-``: the filer says there is no value
IMMED = "immed"  # "Immediately" (exercisable)
FRAG = "frag"  # OCR debris such as ``)20``


@dataclass(slots=True)
class Token:
    kind: str
    text: str
    cell: int
    x: int
    value: Any = None
    dollar: bool = False
    marks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Repairs made to read this token; they become Notes once the token's field is known."""
    malformed: bool = False
    """Looks numeric but is not a well-formed number (``5,20``): maybe half of a split cell."""


_NUM = re.compile(r"\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\$?\.\d+", re.ASCII)
_NUM_LOOSE = re.compile(r"\$?[\d,]*\d[\d,]*(?:\.\d*)?", re.ASCII)
_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})", re.ASCII)
TEXT_DATE = re.compile(
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? (\d{1,2}),? (\d{4})", re.I
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_LETTER = re.compile(r"\(?([A-Z])\)?")
_FUSED = re.compile(r"(\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([ADI])", re.ASCII)
_FUSED_BRACKET = re.compile(r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\))([ADI])", re.ASCII)
_FUSED_STRAY = re.compile(r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([^\w \t\u00a0$.,/()])([ADI])")
"""A balance, a stray character and its form (``6,125,376‰I``); a control character a converter
never prints between cells is one too (``400``, a vertical tab, ``I``: a damaged tab; Python
counts it as white space, but only a space or tab separates the words of a cell)."""
_FRAG = re.compile(r"[)(\][|!:;'\"]+\d{1,4}[)(\][|!:;'\"]*|\d{1,4}[)(\][|!:;'\"]+", re.ASCII)
_LETTERED_MARK = re.compile(r"\((?:[A-Za-z]\d{1,2}|\d{1,2}[A-Za-z])\)|[GCIl{]\d{1,2}\)", re.ASCII)
"""A footnote marker with a letter the scan added or made of a digit (``(G3)``: ``(3)``, or
``(63)``?), or made of its opening bracket (``G3)``): debris, its number unsure; no title
writes a letter and a digit alone in brackets."""
_NA_WORDS = frozenset({"n/a", "na", "n.a.", "none", "-", "--", "—", "–", "nil"})
_IMMED = re.compile(r"(?:immed|currently|now)\w*\.?(?: exercisable)?", re.IGNORECASE)


def parse_date(text: str) -> dt.date | None:
    """``mm/dd/yyyy`` (or ``-``/``.``, two-digit years pivot at 70), ISO and ``June 21, 2022``
    dates; else None."""
    m = _DATE.fullmatch(text)
    try:
        if m:
            month, day, year = int(m.group(1)), int(m.group(2)), m.group(3)
            y = int(year)
            if len(year) == 2:
                y += 2000 if y < 70 else 1900
            return dt.date(y, month, day)
        m = _ISO.fullmatch(text)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = TEXT_DATE.fullmatch(text)
        if m:
            month = _MONTHS[m.group(1)[:3].lower()]
            return dt.date(int(m.group(3)), month, int(m.group(2)))
    except ValueError:
        return None
    return None


def parse_number(text: str) -> Decimal | None:
    """The number exactly as filed (``1,000`` -> ``1000``, ``$4.10`` -> ``4.10``) or None."""
    if not _NUM.fullmatch(text):
        return None
    try:
        value = Decimal(text.replace("$", "").replace(",", ""))
    except InvalidOperation:
        return None
    return None if amount_problem(value) else value


_Template = tuple[str, str, object, bool, tuple[str, ...], tuple[str, ...], bool, int]


_LEAD_GROUP = re.compile(r"\$?[1-9]\d{0,2}", re.ASCII)  # no group of thousands leads with 0
_NEXT_GROUP = re.compile(r"\d{3}(?:\.\d+)?", re.ASCII)


def _join_spaced_groups(text: str, toks: list[Token]) -> None:
    """``64 327`` in one cell is one number whose thousands separator is a space (a converter's
    or a European rendering): read as 64327, saying so. Only within a cell and only where each
    group after the first has exactly three digits, as a separator demands; anything else stays
    apart and is doubted where it lands."""
    i = 0
    while i + 1 < len(toks):
        a, b = toks[i], toks[i + 1]
        if (
            a.kind == NUM
            and b.kind == NUM
            and not a.marks
            and "." not in a.text
            and (_LEAD_GROUP.fullmatch(a.text) or _NUM.fullmatch(a.text) and "," in a.text)
            and _NEXT_GROUP.fullmatch(b.text)
            and f"{a.text} {b.text}".replace(",", " ") in text
        ):
            grouped = f"{a.text},{b.text}"
            value = parse_number(grouped)
            spaced = f"{a.text} {b.text}".replace(",", " ")
            notes = [n for n in a.notes if not n.startswith("read ")]
            b.notes[:0] = [*notes, f"read {spaced!r} as {value}"]
            b.text = grouped
            b.value = value
            b.dollar = a.dollar
            del toks[i]
            continue
        if (
            a.kind == NUM
            and b.kind == NUM
            and not a.marks
            and not b.dollar
            and f"{a.text} {b.text}" in text
            and (
                b.text[0] in ".,"  # ``$2 .15``
                or a.text.isdigit()
                and len(a.text) <= 3
                and (
                    b.text.isdigit()
                    and len(b.text) < 3  # ``40 0``: no thousands group
                    or "," in b.text
                    and _NUM.fullmatch(a.text + b.text) is not None
                )
            )
        ):
            # ``1 1,570``, ``40 0``, ``$2 .15``: a number with a stray space inside (no group
            # of three follows it), or two values run together; one cell holds one value, so
            # neither is read. A dollar sign before it says it was a price: it keeps that, so
            # it keeps the price's column
            b.text, b.value, b.malformed = f"{a.text} {b.text}", None, True
            b.dollar = a.dollar
            b.notes[:0] = a.notes
            b.x = a.x
            del toks[i]
            continue
        if (
            a.kind == NUM
            and b.kind == NUM
            and not a.marks
            and not b.dollar
            and _decimal_goes_on(a, b)
            and (pair := text.find(f"{a.text} {b.text}")) >= 0
        ):
            # ``$3.9 5``: the decimal's last digits after a stray space, or two values run
            # together, or a value and the piece of one a cell border cut (``$92.7923 4|2,450``
            # of 42,450): the decimal is unread; the digits stay a token of their own, for
            # the cut number's and the row's checks to doubt where they land (not malformed:
            # no piece to join them by, which would read ``$92.79234``)
            a.value = None
            a.notes.append(
                f"{a.text!r} and {b.text!r} one space apart in one cell: the decimal's last"
                " digits, or another value's; unsure"
            )
            after = pair + len(a.text) + 1 + len(b.text)
            if "|" not in text[after : after + 2]:
                # (no border right after: not the piece of a cut number) the digits are no
                # value of their own either (``$2,560.435 2  21,714``: a torn marker, read as the
                # balance, had slid the row's balance out of its column)
                b.value = None
                b.notes.append(
                    f"{b.text!r} one space after {a.text!r} in one cell: its last digits, or"
                    " another value's; unread"
                )
        i += 1


def _decimal_goes_on(a: Token, b: Token) -> bool:
    """``$3.9 5`` (``$3.95`` with a space among its decimals): one or two digits after a
    decimal in one cell may be its own (no group of three follows a point); read as ``$3.9``,
    the price lost its last digit silently."""
    return "." in a.text and a.value is not None and b.text.isdigit() and len(b.text) < 3


def tokenize(cells: Sequence[str], xs: Sequence[int], chars: bool = False) -> list[Token]:
    """Typed tokens of a row in reading order, each remembering its cell and position.

    ``chars``: ``xs`` are character columns (layout text), and each token's position is its
    own word's column, not its cell's -- an OCR engine may run two columns into one cell."""
    out: list[Token] = []
    memo = _TEMPLATES
    for i, raw in enumerate(cells):
        if not raw:
            continue
        templates = memo.get(raw)  # a blank cell is never remembered: it has no tokens
        if templates is None:
            if raw.isspace():
                continue
            templates = _cell_templates(raw)
        x = xs[i]
        for kind, text, value, dollar, marks, notes, bad, at in templates:
            # the token's slots set one by one: the dataclass's ``__init__`` is a Python call
            # per token, most of what a remembered cell costs here
            tok = _new_token(Token)
            tok.kind = kind
            tok.text = text
            tok.cell = i
            tok.x = x + at if chars else x
            tok.value = value
            tok.dollar = dollar
            tok.marks = [*marks]
            tok.notes = [*notes]
            tok.malformed = bad
            out.append(tok)
    return out


_new_token = Token.__new__


def cell_templates(raw: str) -> tuple[_Template, ...]:
    """What ``tokenize((raw,), (0,))`` makes its tokens from, one ``(kind, text, value, dollar,
    marks, notes, malformed, at)`` a token, for a caller that only looks at them: no tokens are
    made."""
    if not raw:
        return ()
    got = _TEMPLATES.get(raw)
    if got is None:
        if raw.isspace():
            return ()
        got = _cell_templates(raw)
    return got


def token_of(template: _Template) -> Token:
    """The token ``tokenize((raw,), (0,))`` makes of one of ``cell_templates(raw)``."""
    kind, text, value, dollar, marks, notes, bad, _ = template
    return Token(kind, text, 0, 0, value, dollar, [*marks], [*notes], bad)


_TEMPLATES: dict[str, tuple[_Template, ...]] = {}
"""Cells' tokens by the cell's text: titles, codes, flags and dates recur constantly (emptied
when full)."""
_TEMPLATES_MAX = 32768


def _cell_templates(raw: str) -> tuple[_Template, ...]:
    """A cell's tokens, remembered by its text. Tokens are mutable (repairs edit them), so
    callers get fresh copies of these templates."""
    got = _TEMPLATES.get(raw)
    if got is None:
        if len(_TEMPLATES) >= _TEMPLATES_MAX:
            _TEMPLATES.clear()
        got = _TEMPLATES[raw] = _fresh_templates(raw)
    return got


def tokenize_plain(text: str, x: int) -> list[Token]:
    """Typed tokens of a plain run of words (one line, no columns). A converter writes a
    value's own footnote marker against it (``$66.903(1)``, ``M(1)``), so a marker standing
    apart between spaces is a cell of its own, one that holds only the marker (a
    footnote-only expiration date, price or exercise price): a MARKER token, not the
    neighbouring value's marker. Markers before the first word stay the first word's."""
    templates = _PLAIN_TEMPLATES.get(text)
    if templates is None:
        if len(_PLAIN_TEMPLATES) >= _TEMPLATES_MAX:
            _PLAIN_TEMPLATES.clear()
        templates = _PLAIN_TEMPLATES[text] = _fresh_templates(text, apart=True)
    out: list[Token] = []
    for kind, t, value, dollar, marks, notes, bad, _ in templates:
        tok = _new_token(Token)  # as in tokenize: no ``__init__`` call per token
        tok.kind = kind
        tok.text = t
        tok.cell = 0
        tok.x = x
        tok.value = value
        tok.dollar = dollar
        tok.marks = [*marks]
        tok.notes = [*notes]
        tok.malformed = bad
        out.append(tok)
    return out


_PLAIN_TEMPLATES: dict[str, tuple[_Template, ...]] = {}
_SIDE_THEN_MARKER = re.compile(r"[AD]\s+(?:<sup>\s*)?\(\d{1,3}\)(?:\s*</sup>)?")
"""A cell of an (A) or (D) and, a space apart, a footnote marker alone: two cells run into one."""


def _fresh_templates(raw: str, apart: bool = False) -> tuple[_Template, ...]:
    if not apart and raw[:1] in "AD" and _SIDE_THEN_MARKER.fullmatch(raw):
        # ``| A (1) |`` under a caption ``(A) or (D) Price``: markitdown ran the two cells into
        # one, the price a footnote's alone; the side's own marker stands against it (``A(1)``)
        apart = True
    toks: list[Token] = []
    text = clean(raw, markers=True)
    _tokenize_cell(text, 0, 0, toks, apart)
    if not apart:  # a plain line parts all its cells by single spaces: no sign of a grouping
        _join_spaced_groups(text, toks)
        if len(toks) > 1 and toks[0].kind == TEXT and toks[0].text.casefold() == "by":
            # ``| By 401 | (k) Plan |``: a cell opening on a nature's ``By`` holds its words
            # (a cell holds one value, and no value's cell opens on a word); a plan's number
            # of three digits there is theirs, not the balance (remix seed 943,
            # pymupdf4llm-layout: a phantom row of 401)
            t = toks[1]  # (right after ``By``: ``By spouse 500`` keeps its amount)
            if t.kind == NUM and len(t.text) == 3 and t.text.isdigit():
                t.kind, t.value, t.dollar = TEXT, None, False
    return tuple(
        (t.kind, t.text, t.value, t.dollar, tuple(t.marks), tuple(t.notes), t.malformed, t.x)
        for t in toks
    )


def _tokenize_cell(text: str, cell: int, x: int, out: list[Token], apart: bool = False) -> None:
    if not text:
        return
    start = len(out)
    pending: list[str] = []
    if text[0].isalpha() and (text[-1].isdigit() or text[-1] == MARK):
        bare = MARKS.sub("", text).strip() if MARK in text else text
        date = parse_date(bare) if TEXT_DATE.fullmatch(bare) else None
        if date is not None:
            out.append(Token(DATE, bare, cell, x, date, marks=MARKS.findall(text)))
            return
    if text[0] in "ICNicn":
        bare = MARKS.sub("", text).strip() if MARK in text else text
        if bare and _IMMED.fullmatch(bare):
            out.append(Token(IMMED, bare, cell, x, marks=MARKS.findall(text)))
            return
    dollar = False
    leading: list[str] = []
    at = x - 1
    for word in text.split(" "):
        at += 1
        wx, at = at, at + len(word)
        marks: list[str] = []
        split = False
        if MARK in word:
            # ``6²7,104``: a marker follows a cell's last word, never splits a number
            split = _INNER_MARK.search(word) is not None
            marks = [] if split else MARKS.findall(word)
            word = MARKS.sub(lambda m: f"({m[1]})", word) if split else MARKS.sub("", word)
        if not word:
            if apart and len(out) > start and marks:
                out.append(Token(MARKER, "", cell, wx, marks=marks))
            elif len(out) > start:
                out[-1].marks.extend(marks)
            else:
                pending.extend(marks)
            continue
        if word == "$":
            dollar = True
            continue
        debris_note = None
        if _RULE_CHARS.search(word):
            bare = _RULE_TAIL.sub("", word.strip(_RULES))  # (``B_-``: a rule and a dash)
            if not bare:
                continue  # a box rule the scan read as a character: no word, no value
            if bare != word and bare[0].isalpha() and not _RULE_CHARS.search(bare):
                debris_note = f"ignored OCR debris {word!r}: read {bare!r}"
                word = bare
        if split:
            new = [Token(NUM, word, cell, wx, None, malformed=True)]
        else:
            new = _classify(word, cell, wx)
        if debris_note:
            new[0].notes.append(debris_note)
        if dollar and new[0].kind == NUM:
            new[0].dollar = True
            new[0].text = "$" + new[0].text
        dollar = False
        if pending:  # markers before a cell's first word: given to it once the cell is read,
            leading, pending = pending, []  # so that they end no run of words (see _push)
        new[-1].marks.extend(marks)
        for tok in new:
            _push(out, tok, start)
    if leading and len(out) > start:
        out[start].marks[:0] = leading
    if pending:
        out.append(Token(MARKER, "", cell, x, marks=pending))
    if not apart and len(out) - start >= 3:
        _fold_inner_years(out, start)
    if len(out) - start >= 2:
        _fold_cell_ends(out, start)


_RULES = "|_{}\u00a6"
_RULE_CHARS = re.compile(r"[|_{}\u00a6]")
"""Box rules an OCR engine reads as characters; no title, name or value holds them."""
_RULE_TAIL = re.compile(r"(?<=[^\W_])[|_{}\u00a6][-\u2013.|_{}\u00a6]*$")
"""A box rule the scan read after a word's last letter, with a dash or a stop after it
(``Tranche B_-``): no word goes on past a rule's character."""

_NAME_NUMBER = re.compile(r"\d{1,2}|(?:19|20)\d\d")
YEAR = re.compile(r"(?:19|20)\d\d")
"""A year written whole (``2021`` of a trust's name, a date's year): never an amount the form
prints, which it groups by thousands."""


def _fold_inner_years(out: list[Token], start: int) -> None:
    """A year between two runs of words in one cell is a word of them (``SMB Pacific 2021
    C<br>Remainder Unitrust I``, ``By FDS New R<br>2017 Irrevocabl``: a trust's name, its cell
    cut by a border, a letter beside the year either side): a cell of a
    value column holds no words on either side of its number. (A plain run of words is one
    cell of many columns: there ``Stock 2021 ...`` may be a title and an amount.)"""
    k = start + 1
    while k < len(out) - 1:
        a, b = out[k - 1], out[k]
        # the words before it: a run of words, or a run and a letter (``By FDS New R<br>2017
        # Irrevocabl``: a word's first letter a border cut off, then the year)
        first = k - 1
        if a.kind == LETTER and first > start and out[first - 1].kind == TEXT:
            first -= 1
            a = out[first]
        # the words after it: a run of words, or a letter and a run (``2021 C Remainder``)
        end = k + 2
        if out[k + 1].kind == LETTER and end < len(out) and out[end].kind == TEXT:
            end += 1
        if (
            a.kind == TEXT
            and out[end - 1].kind == TEXT
            and b.kind == NUM
            and not b.dollar
            and not b.marks
            and not any(t.marks for t in out[first:k])
            and YEAR.fullmatch(b.text)
        ):
            a.text = " ".join([a.text, *(t.text for t in out[first + 1 : end])])
            a.marks.extend(m for t in out[first + 1 : end] for m in t.marks)
            del out[first + 1 : end]
            k = first + 1
        else:
            k += 1


def _fold_cell_ends(out: list[Token], start: int) -> None:
    """Words at the edge of a text cell are part of the text: ``Class A``, ``Unitrust I``,
    ``family member 2``, ``2017 Irrevocable Trust``.

    A cell is one column, and no value column follows a title, an underlying title or a nature
    of ownership inside the same cell -- so a capital letter or a short number (or a year) that
    ends a run of words names something (two trusts ``1`` and ``2`` are two positions). A
    leading number is folded only when it is a year: ``500 Trust`` may be a merged amount.
    """
    last, prev = out[-1], out[-2]
    if prev.kind == TEXT and (
        (last.kind == LETTER and last.text.isalpha())
        or (last.kind == NUM and not last.dollar and _NAME_NUMBER.fullmatch(last.text))
    ):
        prev.text = f"{prev.text} {last.text}"
        prev.marks.extend(last.marks)
        out.pop()
    if len(out) - start >= 2:
        first, second = out[start], out[start + 1]
        if (
            first.kind == NUM
            and second.kind == TEXT
            and not first.marks
            and YEAR.fullmatch(first.text)
            and second.text[:1].isalpha()
        ):
            second.text = f"{first.text} {second.text}"
            second.x = first.x
            del out[start]


_DATED = frozenset({"dated", "dtd", "dated:", "u/a", "u/a/d"})
"""Words a trust's name puts its date after (``By Revocable Trust dated 3/1/2010``): no column
of the form follows them, so the date after them is the text's own."""


def _dated_before(text: str) -> bool:
    """``text`` ends on a word of :data:`_DATED` (or ``dated as of``)."""
    at = text.rfind(" ")
    word = text[at + 1 :].casefold()
    return word in _DATED or (word == "of" and text[:at].casefold().endswith("dated as"))


def _push(out: list[Token], tok: Token, start: int) -> None:
    """Append ``tok``, folding text runs together: ``Class A Common Stock`` stays one title and
    a value between two words of one cell (``Series 2 Preferred``) belongs to the text, and so
    does a date after ``dated`` (a trust's, in a nature of ownership: remix seed 877 read
    ``Shares dated 3/1/2010(11)`` below ``American Depositary ... I By Revocable Trust`` as a
    row of that date)."""
    if (
        tok.kind == DATE
        and len(out) > start
        and out[-1].kind == TEXT
        and not out[-1].marks
        and _dated_before(out[-1].text)
    ):
        last = out[-1]
        last.text = f"{last.text} {tok.text}"
        last.marks.extend(tok.marks)
        last.notes.extend(tok.notes)
        return
    if tok.kind == TEXT and len(out) > start:
        last = out[-1]
        if last.kind == TEXT:
            last.text = f"{last.text} {tok.text}"
            last.marks.extend(tok.marks)
            last.notes.extend(tok.notes)
            return
        if (
            len(out) - start >= 2
            and out[-2].kind == TEXT
            and last.kind in (LETTER, NUM, DATE, NA)
            and not last.marks
            and not out[-2].marks  # a marker ends its cell: the value after it is not inside
        ):
            prev = out[-2]
            prev.text = f"{prev.text} {last.text} {tok.text}"
            prev.marks.extend(tok.marks)
            out.pop()
            return
    out.append(tok)


def _classify(word: str, cell: int, x: int) -> list[Token]:
    if "$" not in word and _ANY_DIGIT.search(word) is None:
        return _classify_word(word, cell, x)
    return _classify_value(word, cell, x)


_SCAN_PRICE = re.compile(r"S[\d,]{0,6}[A-Za-z][\d,]{0,6}\.\d{1,6}", re.ASCII)
"""A price whose ``$`` a scan read as ``S`` with one digit read as a letter no confusable
mends (``Sg.60``): the shape of a price (digits, a point, decimals), no word's."""
_LETTERED_PRICE = re.compile(r"[A-Za-z]\$\d[\d,]{0,9}(?:\.\d{1,6})?", re.ASCII)
"""A dollar amount with one letter before its sign (``L$2.15``): no word of a title or a name."""
_DAMAGED_MARK = re.compile(r"⁽[^\s⁽⁾\w]⁾|⁽[^\s\d⁽⁾\x00-\x7f]|[^\s\d⁽⁾\x00-\x7f]⁾")
"""A superscript marker with a character no footnote's number has inside its raised brackets
(``⁽⁔⁾``), or with one of its brackets made a character of another script (``⁽ꁾ``, the digit
between read apart as a marker): no ASCII, no digit."""
_ANY_DIGIT = re.compile(r"\d")
r"""A decimal digit of any script (what ``str.isdecimal`` says, and ``\d`` in every pattern)."""


def _classify_word(word: str, cell: int, x: int) -> list[Token]:
    """:func:`_classify_value` of a word with no digit and no dollar sign (most words of a
    title or a name): every reading of a value needs one or the other, so only a flag letter,
    a none-word, a letter with junk glued to it, or text is left to tell apart, and the value
    patterns are not tried (a dozen of them, most of a cell's first reading)."""
    if len(word) <= 3:
        m = _LETTER.fullmatch(word)
        if m:
            return [Token(LETTER, word, cell, x, m.group(1))]
    if word.lower() in _NA_WORDS:
        return [Token(NA, word, cell, x)]
    if len(word) == 2 and _JUNK_LETTER.fullmatch(word):
        return [Token(LETTER, word, cell, x, None, malformed=True)]
    if 1 < len(word) <= 3 and ("⁽" in word or "⁾" in word) and _DAMAGED_MARK.fullmatch(word):
        # ``⁽⁔⁾``, ``⁽⁴ꁾ``: a superscript marker a damaged byte made another character of, its
        # digit (``⁴`` to ``⁔``) or a bracket (``⁾`` to a Yi syllable; the digit, read as a
        # marker of its own, is not in ``word``): raised brackets hold nothing but a
        # footnote's number, so it is a marker still. As a word it glued itself to the text
        # beside it, and the cell it stood in (a footnote-only date) was lost, the row's dates
        # sliding one over
        tok = Token(MARKER, "", cell, x)
        tok.notes.append(f"footnote marker damaged ({word!r}): read as a marker, unsure")
        return [tok]
    return [Token(TEXT, word, cell, x)]


def _classify_value(word: str, cell: int, x: int) -> list[Token]:
    if _NUM.fullmatch(word):
        if _LEADING_ZERO.match(word):
            # ``03``: no filing writes a number so; the rest of one cut across two cells
            return [Token(NUM, word, cell, x, None, dollar=word[0] == "$", malformed=True)]
        if word[0] == "$" and len(word) > 4 and word[1:].isdigit():
            # ``$335549``: the form prints a dollar amount of $1,000 or more grouped, so one
            # with neither a comma nor a point lost one (``$33.5549``, a converter's dropped
            # point; ``$2515`` of ``$2.15`` in a scan): which, the text does not say
            tok = Token(NUM, word, cell, x, None, dollar=True, malformed=True)
            tok.notes.append(
                f"{word!r}: a dollar amount over $999 with neither thousands separators nor a"
                " decimal point, which the form prints: one was lost, unsure"
            )
            return [tok]
        return [Token(NUM, word, cell, x, parse_number(word), dollar=word[0] == "$")]
    date = parse_date(word)
    if date is not None:
        return [Token(DATE, word, cell, x, date)]
    if len(word) <= 3:
        m = _LETTER.fullmatch(word)
        if m:
            return [Token(LETTER, word, cell, x, m.group(1))]
    if word.lower() in _NA_WORDS:
        return [Token(NA, word, cell, x)]
    if _DATE.fullmatch(word):
        return [Token(DATE, word, cell, x, None, malformed=True)]
    m = _FUSED_STRAY.fullmatch(word)
    if m and word[0] != "$":
        # ``6,125,376‰I``: a balance and its form with a stray character between (a damaged
        # tab, or a damaged last digit): both read, the number with a doubt
        num = m.group(1)
        tok = Token(NUM, num, cell, x, parse_number(num))
        tok.notes.append(f"a stray character in {word!r}: read {num} and {m.group(3)}, unsure")
        return [tok, Token(LETTER, m.group(3), cell, x, m.group(3))]
    m = _FUSED_BRACKET.fullmatch(word)
    if m:
        # ``400)I``: a balance and its form with a closing bracket between: a marker that lost
        # its opening bracket (``40(0)``?) or a damaged tab; where the number ends, the text
        # does not say: the value unread (said so), the form read
        return [
            Token(NUM, m[1], cell, x, None, malformed=True),
            Token(LETTER, m[2], cell, x, m[2]),
        ]
    m = _FUSED.fullmatch(word)
    if m and word[0] != "$":  # a price is never followed by a letter column: ``$1.1I`` is 1.11
        num = m.group(1)
        return [
            Token(NUM, num, cell, x, parse_number(num), dollar=num[0] == "$"),
            Token(LETTER, m.group(2), cell, x, m.group(2)),
        ]
    m = _RULED_VALUE.fullmatch(word)
    if m and (m[1] or m[3]) and not (m[2][0] == "$" and m[3] and len(m[2]) > 2):
        return [_ruled_value(m, word, cell, x)]
    if _NUM_LOOSE.fullmatch(word):
        return [Token(NUM, word, cell, x, None, dollar=word[0] == "$", malformed=True)]
    if _FRAG.fullmatch(word) or _LETTERED_MARK.fullmatch(word):
        return [Token(FRAG, word, cell, x)]
    repaired = ocr.fix_confusables(word)
    if repaired is not None:
        fixed, message = repaired
        if len(word) <= 2 and word[0] != "$":
            # ``1B`` where a code stands (or ``7B`` of a garbled amount): a digit and a
            # letter are too little of a number to mend; a value unread, not a word
            tok = Token(NUM, word, cell, x, None, malformed=True)
            tok.notes.append(f"{word!r}: a digit and a letter, too little to read as a number")
            return [tok]
        if _NUM.fullmatch(fixed):
            tok = Token(NUM, fixed, cell, x, parse_number(fixed), dollar=fixed[0] == "$")
            tok.notes.append(message)
            return [tok]
        date = parse_date(fixed)
        if date is not None:
            tok = Token(DATE, fixed, cell, x, date)
            tok.notes.append(message)
            return [tok]
        if "," in fixed and _NUM_LOOSE.fullmatch(fixed) and sum(c.isdigit() for c in word) > 1:
            # ``23lo,111`` of ``2,315,111``: digits grouped by a comma, some read as letters,
            # that group as no number: an unreadable value, not a word (read as one, it was
            # taken for the nature of ownership after the balance it is)
            return [Token(NUM, word, cell, x, None, dollar=word[0] == "$", malformed=True)]
    if _SCAN_PRICE.fullmatch(word):
        # ``Sg.60`` of ``$1.60``: a scan's price, its dollar sign read as ``S`` and a digit as
        # a letter no confusable mends: an unreadable value, not a word (read as one, it was
        # glued onto the title in the cell before it, silently)
        return [Token(NUM, "$" + word[1:], cell, x, None, dollar=True, malformed=True)]
    if _LETTERED_PRICE.fullmatch(word):
        # ``L$2.15``: a price with a stray letter before its dollar sign (a damaged byte, a
        # scan's speck): an unreadable value, not a word glued onto the title beside it
        return [Token(NUM, word, cell, x, None, dollar=True, malformed=True)]
    m = _DATE_DEBRIS.fullmatch(word)
    if m and (date := parse_date(m[1])) is not None:
        # ``09/24/2025)``, ``12/24/2025°)``: the scan's rest of a footnote marker after a whole
        # date (a date has a fixed shape, so nothing of it is lost; a number's could be)
        tok = Token(DATE, m[1], cell, x, date)
        tok.notes.append(f"ignored OCR debris {word!r}: read {m[1]!r}")
        return [tok]
    if m and _DATE.fullmatch(m[1]):
        # ``94/15/2026®)``: a date's shape, a month no calendar has (a digit the scan misread),
        # and a torn marker after it: a damaged date (unread, said so), no word of the title
        return [Token(DATE, word, cell, x, None, malformed=True)]
    m = _VALUE_DEBRIS.fullmatch(word)
    if m:
        before_debris = _value_before_debris(m, word, cell, x)
        if before_debris is not None:
            return [before_debris]
    if "(" in word and _UNCLOSED_MARK.fullmatch(word):
        # ``0(3i``, ``0(3(``: a value whose footnote marker lost its closing bracket; the
        # value's end is not sure (the bracket's place may have held a digit): unread, said so
        return [Token(NUM, word, cell, x, None, dollar=word[0] == "$", malformed=True)]
    if "/" in word and _SLASHED.fullmatch(word) and sum(c.isdigit() for c in word) >= 4:
        # ``11/O5/2O2G``, ``11/O5/2O"O``: a date's shape with a letter no confusable mends or a
        # stray mark is a damaged date (unread, said so), not words to join onto the next cell
        return [Token(DATE, word, cell, x, None, malformed=True)]
    if (
        word.count("/") == 1
        and sum(c.isdigit() for c in word) >= 4
        and _ONE_SLASH_LOST.fullmatch(ocr.as_digits(word))
    ):
        # ``11/O5+2O2O``: a scan's date (OCR letters for digits) one of whose slashes was
        # damaged: a date still, unread; as words it went into the underlying title beside it
        return [Token(DATE, word, cell, x, None, malformed=True)]
    if _DATE_GARBLED_WHOLE.fullmatch(word) and sum(c.isdigit() for c in word) >= 6:
        # ``oari372022`` of ``04/13/2022`` (remix seed 1273's scan): a date's ten characters,
        # its year whole, the rest letters and digits; no amount holds letters: a date, unread
        return [Token(DATE, word, cell, x, None, malformed=True)]
    if word[-4:-2] in ("19", "20") and _SLASHES_AS_DIGITS.fullmatch(word):
        # ``[0471372022`` of ``04/13/2022``: both slashes read as digits (``7``, ``1``), a box
        # rule before it: a date still, unread (as a number it was an amount of 10 digits
        # that pushed the row's values a column over and left it no date: a holding)
        return [Token(DATE, word, cell, x, None, malformed=True)]
    if (
        "/" in word
        and (m := _RULE_THEN_DATE.fullmatch(word))
        and sum(c.isdigit() for c in m["date"]) >= 5
    ):
        # ``Stock_[oa/r372022``: a title's last word, the table's rule the scan read as ``_[``,
        # and the row's date garbled with a slash lost: the word, and a date unread
        return [
            Token(TEXT, m["word"], cell, x),
            Token(DATE, m["date"], cell, x + m.start("date"), None, malformed=True),
        ]
    if "/" in word and _DATE_SLASH_LOST.fullmatch(word) and sum(c.isdigit() for c in word) >= 5:
        # ``a/i72022`` of ``04/13/2022``: a date the scan garbled past mending, a slash lost,
        # its year whole at the end: a date still, unread (as words it went into the title and
        # the row, with no date left, was read as a holding of an amount the scan misread)
        return [Token(DATE, word, cell, x, None, malformed=True)]
    if len(word) == 2 and _JUNK_LETTER.fullmatch(word):
        # ``$D``, ``D=``: a flag or code letter with a character no word has glued to it
        return [Token(LETTER, word, cell, x, None, malformed=True)]
    damaged = _damaged(word)
    if damaged is not None:
        w = word if word[0].isalnum() or word[0] == "$" else word[1:]
        dollar = w[:1] == "$" or w[:1] == "S" and w[1:2].isdecimal()
        return [Token(damaged, word, cell, x, None, dollar=dollar, malformed=True)]
    return [Token(TEXT, word, cell, x)]


_RULED_VALUE = re.compile(
    r"([|\[\]{}]{0,2})"  # a box rule (or two: a cell's ``]|``) the scan glued before the value
    # a price, a grouped number, or a small one after a brace (``[500`` and ``|20`` are a torn
    # marker's or a date's debris: see ``_FRAG``)
    r"(\$\d+(?:\.\d+)?|\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<=[{}])[1-9]\d{0,2}(?=$))"
    r"([|\]})]?)",  # a rule, or the closing bracket of a marker, glued after it
    re.ASCII,
)
"""A value with a box rule glued on (``{60,000``, ``|560,000.0``, ``]$2.15``, ``628,553)``,
``294,840]``, ``{550``, ``]|6,500``): OCR reads the table's rules as brackets and bars."""


def _ruled_value(m: re.Match[str], word: str, cell: int, x: int) -> Token:
    """The value of :data:`_RULED_VALUE`'s match, with a note that says how sure it is.

    A bracket or bar before the value is a rule where nothing else can be: before a ``$``, or
    before a group of three digits (``1560,000`` would be no number). Before a shorter group
    it may be a ``1`` the scan read as a bar (``{60,000`` for 160,000): read, unsure. After the
    value it is a rule or the rest of a footnote marker whose digits the scan lost; but a
    marker's digit glued to a price whose point was read as a comma (``$43.93(2)`` as
    ``$43,932)``) looks the same, so a price with something after it is never read (the
    caller's pattern) and an amount is read unsure. A price of one digit is (``$0)``, unsure):
    a marker's digit glued to it would leave the dollar sign no digit of its own."""
    head, num, tail = m[1], m[2], m[3]
    value = parse_number(num)
    tok = Token(NUM, num, cell, x + len(head), value, dollar=num[0] == "$")
    first_group = num.lstrip("$").split(",")[0].split(".")[0]
    sure_head = num[0] == "$" or ("," in num and len(first_group) == 3)  # ``{550``: 1550?
    if tail or (head and not sure_head):
        tok.notes.append(
            f"{word!r} read as {num}: {head + tail!r} taken for a table rule or a torn footnote"
            " marker; unsure"
        )
    else:
        tok.notes.append(f"ignored OCR debris {word!r}: read {num!r} (a table rule)")
    return tok


_VALUE_DEBRIS = re.compile(
    r"(\$\d(?:\.\d+)?|\$?(?:\d{1,3}(?:,\d{3})+|\d{2,})(?:\.\d+)?)"  # the value
    r"([°©®™”“\"'’‘?¢\\*^~§«»][^\w\s$.,]{0,2}\d{0,2}[^\w\s$.,]{0,2}"  # the torn marker
    r"|%\d{0,2}[^\w\s$.,]{0,2}\)"  # (a percent sign only with a bracket: ``100%`` is a share)
    r"|\((?=[^)]*[^\w\s()])[^\w\s$.,()]{0,2}\d{0,2}[^\w\s$.,()]{0,2}\))"  # or its digit garbled
)
"""A value and what a scan made of the footnote marker after it, beginning with a symbol a scan
makes of a raised bracket or digit: ``$160.82°)``, ``$637.6509©``, ``$2,597.4761°7)``; a price of
one digit too (``$7.6956“)``, ``$0®)``), but no bare digit (``5°`` may be a marker's rest); and a
value before a whole bracket holding a symbol the scan made of a digit (``$651.3112(!4)``)."""


def _value_before_debris(m: re.Match[str], word: str, cell: int, x: int) -> Token | None:
    """The value before a scan's torn footnote marker. The marker's digits come after the
    symbol its raised bracket became, so the value ends at that symbol, unless the scan dropped
    the bracket and read a digit of it full size (``$159.942``): read, with a doubt. A bare
    closing bracket after the digits (``$163.94)``, ``$43,932)`` for 43.93 and ``(2)``) may
    follow such a glued digit: no reading."""
    num = m.group(1)
    value = parse_number(num)
    if value is None:
        return None
    tok = Token(NUM, num, cell, x, value, dollar=num[0] == "$")
    tok.notes.append(
        f"{word!r} read as {num}: {m.group(2)!r} after it taken for a torn footnote marker; unsure"
    )
    return tok


_VALUE_MARKS = frozenset(",.$")
_LEADING_ZERO = re.compile(r"\$?0\d")
_UNCLOSED_MARK = re.compile(r"\$?\d[\d,]*(?:\.\d+)?\(\d{1,2}(?:[^\w\s)]|[A-Za-z])?")
_SLASHED = re.compile(r"[^\s/()\[\]]{1,3}/[^\s/()\[\]]{1,2}/[^\s/()\[\]]{2,4}")
"""A date's shape, slashes in place, whatever a scan or a damaged byte made of some of its digits
(a letter no confusable mends, a quote mark: ``11/O5/2O"O``, a control character or a digit too
many: ``1\\x11/O5/2O2O``, ``011/O5/2O2O``); brackets left to the markers."""
_ONE_SLASH_LOST = re.compile(r"\d{1,2}/\d{1,2}[^\d/]\d{4}|\d{1,2}[^\d/]\d{1,2}/\d{4}")
"""A date one of whose slashes was damaged (``01/01?2032``): a date still, unread."""
_ONE_SLASH_LEFT = r"[^\s/()\[\]$]{1,3}/[^\s/()\[\]]{1,3}(?:19|20)\d{2}"
_DATE_SLASH_LOST = re.compile(r"[|\[\]{}]?" + _ONE_SLASH_LEFT)
"""A date with one slash left, one to three characters on each side of it before a year of four
digits (``a/i72022``), a box rule before it maybe (``[oa/r372022``)."""
_SLASHES_AS_DIGITS = re.compile(
    r"[|\[\]{}(]?(?:0[1-9]|1[0-2])(?:[17]|/)(?:0[1-9]|[12]\d|3[01])[17](?:19|20)\d{2}"
    r"|[|\[\]{}(]?(?:0[1-9]|1[0-2])[17](?:0[1-9]|[12]\d|3[01])/(?:19|20)\d{2}"
)
"""A date whose slashes (one or both) a scan read as ``1`` or ``7`` (``0471372022``): ten
characters no amount has (an amount is grouped by commas), a month, a day and a year."""
_DATE_GARBLED_WHOLE = re.compile(r"(?=[a-z\d]*[a-z])[a-z\d]{6}(?:19|20)\d{2}")
"""Ten characters, small letters and digits, a year last (``oari372022``): a scan's date whose
slashes and first digits it read as letters."""
_RULE_THEN_DATE = re.compile(r"(?P<word>[^\W\d_]{2,})_?[|\[\]{}](?P<date>" + _ONE_SLASH_LEFT + ")")
"""A word, a box rule glued to it, and a date with one slash left (``Stock_[oa/r372022``)."""
_DATE_DEBRIS = re.compile(r"(\d{1,2}/\d{1,2}/\d{4})[^\w\s,.;:/]{1,3}")
_DIGITS = tuple("0123456789")
_DOLLAR_OR_DIGIT = ("$", *_DIGITS)
_INNER_MARK = re.compile(r"\d" + MARK + r"\d{1,3}" + MARK + r"[\d,.]")
_JUNK_LETTER = re.compile(r"[A-Z][$=^~`#*+<>@?\ufffd\x00-\x1f]|[$=^~`#*+<>@?\ufffd\x00-\x1f][A-Z]")


def _damaged(word: str) -> str | None:
    """A number or date made unreadable (``9y1,297``, ``$2.1x5``, ``٩١,٢٩٧``, ``05/1:/2025``):
    the kind it was, or None for a word. A value column needs it read as what it was, so that
    it keeps its column (left empty with a note) instead of being taken for words and letting
    the values after it slide one column over. It starts like a value (a digit, ``$`` or the
    ``S`` a scan makes of it, or one letter for a digit before a grouped number: ``g6,768``)
    and is digits of any script, separators and at most one other character; a date has its
    two slashes. Words that hold digits (``10b5-1``, ``2nd``, ``FY2021``) have more than that."""
    other = 0
    if not word[0].isalnum() and word[0] != "$" and word[1:2] in _DOLLAR_OR_DIGIT:
        word, other = word[1:], 1  # ``]$2.15``: one stray character before the value
    dollar = word[0] == "$" or word[0] == "S" and word[1:2].isdecimal()  # OCR's ``$`` is ``S``
    body = word[1:] if dollar else word
    if not body:
        return None
    if not (body[0].isdecimal() or dollar) and not (
        # a letter for the first digit: digits and a separator follow (``g6,768``), or only
        # digits after a lower-case letter (``g00``; ``B12`` or ``A1`` name a class)
        body[1:2].isdecimal()
        and ("," in body or "." in body or body[0].islower() and body[1:].isdecimal())
    ):
        return None
    digits = 0
    date = not dollar and (body.count("/") == 2 or _ONE_SLASH_LOST.fullmatch(body) is not None)
    for ch in body:
        if ch.isdecimal():
            digits += 1
        elif ch not in _VALUE_MARKS and not (ch == "/" and date):
            other += 1
            if other > 1:
                return None
    if not digits:
        return None
    if date:
        if digits < 4:
            return None
        # a whole date with a comma or stop after it is prose (``4/15/2014, Carl ...``)
        return None if parse_date(body[:-1]) else DATE
    if not (digits >= 2 or dollar or not other):
        return None
    return NUM
