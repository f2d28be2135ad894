"""Word breaks a converter moved: a word its cell border cut (``|Common Stoc|k 07/07/2015|``),
and a space it lost (``ByTrust``).

A markdown converter that finds a table's columns by where the text lies (pymupdf4llm's layout
mode, markitdown) draws a column border through a word as readily as through a space, and a
pipe row keeps no trace of which it was: ``|See Foot|note|`` is ``See Footnote``, and
``|Stock Option (right|to buy)|`` is ``right to buy``. Joining the two cells with a space (as
the reader does) is then a guess that is wrong for a cut word, silently. What decides is the
rest of the text: the form prints its titles and words more than once (Table II's underlying
``Common Stock``, the captions, the footnotes), so a cut word's whole form is usually found
elsewhere, as whole words, while its two pieces are not; and two real words side by side are
each found elsewhere. Where the text says one of those and not the other, that reading is kept
with a doubt (the text makes it likely, not certain); where it says neither, or both, the cell
is left empty with a doubt.

Words touching a border between two letters (``Stoc|k``) are not counted as found: they are
the pieces in question, not evidence; nor are a bold run's first and last words in a pipe row
(a header box's value, which a border may cut between lines: ``**Clements C**|...<br>**arol
Ann**``).

A converter that rebuilds spaces from the gaps between letters (pymupdf) loses a narrow one:
``ByTrust``, ``byTrust``, ``ByLP`` for the nature of ownership's ``By Trust``. The nature column
is written ``By <holder>`` and no word starts ``By`` with a capital third letter, so the space is
put back, with a doubt (the text does not hold it).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_MARKUP = re.compile(r"<sup\b[^>]*>.*?</sup\s*>|<br\s*/?>|</?[A-Za-z][^<>]{0,100}>", re.I)
_BOLD_RUN = re.compile(r"\*\*([^*|]*)\*\*")
_CUT_BORDER = re.compile(r"(?<=[A-Za-z])\|(?=[A-Za-z])")
_WORD = re.compile(r"(?<![A-Za-z\x00])[A-Za-z]+(?![A-Za-z\x00])")
_ROMAN_LETTERS = re.compile(r"[IVX]+")
"""A Roman number's capitals: a suffix's (``III``) or a fund's (``Fund IV``), whose pieces the
text's other words cannot tell apart from a number and an initial."""
_GLUED_TAIL = re.compile(r"(?<=[a-z])[A-Z][a-z]+$")
_LAST_LETTERS = re.compile(r"[A-Za-z]+$")
_FIRST_LETTERS = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Cut:
    """Two text pieces of one field from cells side by side, joined with a space: ``left`` the
    last word of the first cell, ``right`` the first word of the next."""

    field: str
    left: str
    right: str


def may_be_cut(left: str, right: str, left_marked: bool) -> bool:
    """Whether a border between two cells' words may run through a word: a letter on either
    side, and no footnote marker closing the left one (a marker follows a word's end). A capital
    after a small letter starts a word (``Class|A``, ``By SVF|Beaver``): no cut is read there."""
    if left_marked or not left or not right:
        return False
    a, b = left[-1], right[0]
    return a.isalpha() and b.isalpha() and not (a.islower() and b.isupper())


def found_words(text: str) -> Counter[str]:
    """The text's whole words, case folded, each as often as found; words touching a border
    between two letters are left out."""
    if "|" not in text:  # no line to mend: the words of all lines at once (none spans two)
        return Counter(map(str.casefold, _WORD.findall(text)))
    out: Counter[str] = Counter()
    plain: list[str] = []
    for line in text.splitlines():
        if "|" in line:
            if "**" in line:  # (each pattern needs its mark)
                line = _BOLD_RUN.sub("\x00\\1\x00", line).replace("**", "")
            if "<" in line:
                line = _MARKUP.sub(" ", line)
            line = _CUT_BORDER.sub("\x00", line)
            out.update(map(str.casefold, _WORD.findall(line)))
        else:
            plain.append(line)
    out.update(map(str.casefold, _WORD.findall("\n".join(plain))))
    return out


FORM_WORDS = frozenset(
    [
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "llc",
        "lp",
        "llp",
        "ltd",
        "limited",
        "plc",
        "holdings",
        "group",
        "partners",
        "trust",
        "fund",
        "foundation",
        "family",
        "spouse",
        "trustee",
        "footnote",
        "footnotes",
        "common",
        "preferred",
        "stock",
        "class",
        "shares",
        "ordinary",
        "units",
        "restricted",
        "option",
        "options",
        "warrant",
        "warrants",
        "series",
    ]
)
"""Words a form's names and titles are made of whether or not the text prints them again: the
legal forms that end a filer's or issuer's name (``SYSTEMS, I|NC.``), the words of security
titles, and the nature of ownership's ``See Footnote`` (``See Foot|note``)."""


def _found(word: str, words: Counter[str]) -> bool:
    return words[word] > 0 or word in FORM_WORDS


def reading(cut: Cut, words: Counter[str]) -> str | None:
    """``'join'`` where the text shows the cut word whole and not both its pieces, ``'apart'``
    where it shows both pieces as words and not the joined one; None where it says neither or
    both. The form's own words count as shown (:data:`FORM_WORDS`); a small letter alone is no
    piece that stands apart (``Fund|s``: the ``s`` of ``Person(s)`` is no word of a name), a
    capital is (an initial: ``KEVIN C|TANG``)."""
    last = _LAST_LETTERS.search(cut.left)
    first = _FIRST_LETTERS.match(cut.right)
    if last is None or first is None:
        return None
    glued = _GLUED_TAIL.search(last[0])  # ``ByTrus|t``: the word cut is the glued ``Trus``
    piece = glued[0] if glued else last[0]
    left, right = piece.casefold(), first[0].casefold()
    if _ROMAN_LETTERS.fullmatch(piece) and _ROMAN_LETTERS.fullmatch(first[0]):
        return None  # ``McDonald Ronald II|I``: ``III``, or ``II`` and an initial? (seed 1081)
    joined = _found(left + right, words)
    # a capital alone may be an initial (``KEVIN C|TANG``), not both pieces (``Fund L|P``)
    alone = all(len(p) > 1 or p.isupper() for p in (piece, first[0])) and (
        len(piece) + len(first[0]) > 2
    )
    apart = alone and _found(left, words) and _found(right, words)
    if joined and not apart:
        return "join"
    if apart and not joined:
        return "apart"
    return None


def settle(
    values: dict[str, object], cuts: list[Cut], words: Counter[str]
) -> list[tuple[str, str]]:
    """Read each cut of a row's text cells by the rest of the text; the notes it leaves, as
    (field, message). A field whose text no longer holds the pieces side by side is left as
    it is."""
    notes: list[tuple[str, str]] = []
    for cut in cuts:
        text = values.get(cut.field)
        pair = f"{cut.left} {cut.right}"
        if not isinstance(text, str) or text.count(pair) != 1:
            continue
        how = reading(cut, words)
        cells = f"{cut.left!r} and {cut.right!r} in cells side by side"
        if how == "join":
            values[cut.field] = text.replace(pair, cut.left + cut.right)
            notes.append(
                (
                    cut.field,
                    f"{cells} read as one word, {cut.left + cut.right!r}: a cell border may "
                    "cut a word, and the text has it whole elsewhere, not its pieces; unsure",
                )
            )
        elif how == "apart":
            notes.append(
                (
                    cut.field,
                    f"{cells} read as two words: a cell border may cut a word, and the text "
                    "has both elsewhere, not one word; unsure",
                )
            )
        else:
            values[cut.field] = None
            notes.append(
                (
                    cut.field,
                    f"{cells}: one word cut by a cell border, or two words? The text does not "
                    f"say; {text!r} left empty",
                )
            )
    return notes


_GLUED_BY = re.compile(r"([Bb]y)([A-Z])")


def unglue_by(values: dict[str, object]) -> list[tuple[str, str]]:
    """The nature of ownership's leading ``By`` glued to its holder (``ByTrust``), and a
    title's bracket of words glued to the word before it (``Unit(RSU)``, ``Stock(restricted)``:
    pymupdf4llm's layout mode loses such spaces), read apart; the notes they leave, as (field,
    message)."""
    notes = []
    text = values.get("nature_of_ownership")
    if isinstance(text, str) and _GLUED_BY.match(text):
        fixed = _GLUED_BY.sub(r"\1 \2", text, count=1)
        values["nature_of_ownership"] = fixed
        notes.append(
            (
                "nature_of_ownership",
                f"{text!r} read as {fixed!r}: the converter lost the space after its 'By'; unsure",
            )
        )
    for f in ("security_title", "underlying_title"):
        text = values.get(f)
        if isinstance(text, str) and "(" in text and _GLUED_BRACKET.search(text):
            fixed = _GLUED_BRACKET.sub(" (", text)
            values[f] = fixed
            notes.append(
                (
                    f,
                    f"{text!r} read as {fixed!r}: the converter lost the space before a"
                    " bracket of words; unsure",
                )
            )
    return notes


_GLUED_BRACKET = re.compile(r"(?<=[^\W\d_]{2})\((?=[^\W\d_]{2,}(?: [^\W\d_]+)*\))")
"""A bracket of words (``(RSU)``, ``(restricted)``, ``(right to buy)``) opened right after a
word's letters, no space between; not ``401(k)`` (a digit before), nor a one-letter ``(A)``
(a class's letter as some titles write it)."""


# --------------------------------------------------------------------------- header boxes

CUT = "\ue002"
"""Stands where a header value's two pieces meet and the text does not say whether a space was
there: the value read across it is left empty with a doubt."""

_BR = re.compile(r"<br\s*/?>", re.I)
_BOLD_LINE = re.compile(r"\s*\*\*(.*?)\*\*\s*")
_BOX_LABEL = re.compile(r"\s*(?:\*\*)?\s*[1-7][A-Z]?\.(?:\s|$|<br>)")


def _bold(line: str) -> str | None:
    if "**" not in line:  # most lines: a caption's words
        return None
    m = _BOLD_LINE.fullmatch(line)
    return m[1].strip() if m else None


def join_bold(left: str, right: str, words: Words) -> str | None:
    """Two lines of cells side by side that are each one bold run (a box's value a border cut:
    ``**Silver Bric**`` | ``**k Managemen**``), joined as one value's pieces are
    (:func:`_join_value`: by the rest of the text, or marked ``CUT``); None where either is
    no bold run."""
    a, b = _bold(left), _bold(right)
    if a is None or b is None:
        return None
    return f"**{_join_value(a, b, words)}**"


def _caption_piece(line: str) -> bool:
    """A piece of a box's label: plain words, no box number, no bracketed caption of its own
    (``(Street)``), no tick or value (``**X** Officer``)."""
    text = line.strip()
    return (
        bool(text)
        and "**" not in text
        and not text.startswith("(")
        and not (_BOX_LABEL.match(text))
    )


def _join_caption(left: str, right: str, words: Words) -> str:
    """Caption pieces of one box's label (``1. Name and A`` + ``ddress of Reporting Person``):
    only the label's words are looked for, so a cut between letters is one word unless the
    text has both pieces as words and not the joined one."""
    left, right = left.rstrip(), right.strip()
    if not (left and right and may_be_cut(left, right, False)):
        return f"{left} {right}".strip()
    apart = reading(Cut("", left.split()[-1], right.split()[0]), words.get()) == "apart"
    return f"{left} {right}" if apart else left + right


_TAG_START = re.compile(r"[/\\][A-Z]{2,5}(?=[/\\\s\[]|$)")
"""A conformed name's state tag from its opening slash (``/MN [ WFC``, ``/DE/``)."""
_TAG_OPEN = re.compile(r"(?<!\S)[/\\][A-Z]{2,5}$")
"""An EDGAR conformed name's state tag up to its closing slash (``CORP /DE``, ``INC \\NEW``):
the tag is written with no space inside (``/DE/``), so a border cut before that slash cut no
space."""


def _join_value(left: str, right: str, words: Words) -> str:
    """A box's value in two pieces (``ICAHN ENTERP`` + ``RISES L.P. [ I``): inside the ticker's
    brackets the pieces join (a ticker has no space); elsewhere a cut between letters or
    between digits (``OTEE 202`` + ``0 ApS``) is read by the rest of the text, or marked ``CUT``
    where it says nothing sure."""
    left, right = left.rstrip(), right.strip()
    if not left or not right:
        return left or right
    if left.rfind("[") > left.rfind("]"):
        return left + right if left[-1] != "[" else f"{left} {right}"
    if left[-1] == "(" or right[0] == ")":
        return left + right  # ``SVF II Holdings (`` + ``DE) LLC``: no space inside brackets
    if right[0] in "/\\" and (right[1:2] in ("", " ")) and _TAG_OPEN.search(left):
        return left + right  # ``BANK OF AMERICA CORP /DE`` + ``/ [ BAC ]``: a state tag's close
    if (left[-1] == "-" and left[-2:-1].isalnum()) or (right[0] == "-" and right[1:2].isalnum()):
        return left + right  # ``Fernandez-`` + ``Garcia Ana``: a hyphen joins two words
    if left[-1].isalnum() and _TAG_START.match(right):
        # ``WELLS FARGO & COMPANY`` + ``/MN [ WFC``: conformed names write the tag both with a
        # space before it and without (``CORP /DE/``, ``COMPANY/MN``); the text elsewhere says
        return _join_as_written(left, right, words)
    if left[-1] == "." and right[0].isalpha():
        return _join_as_written(left, right, words)
    if right[0] in ".,;:" and left[-1].isalnum():
        return _join_before_point(left, right, words)
    if left[-1].isdigit() and right[0].isdigit() and "/" not in left.split()[-1]:
        # (a date cut in its year, ``03/08/20`` + ``23``, is read by the box's date rule)
        return _join_as_written(left, right, words)
    if not may_be_cut(left, right, False):
        return f"{left} {right}"
    last, first = left.split()[-1], right.split()[0]
    how = reading(Cut("", last, first), words.get())
    if how == "join":
        words.guessed.append(last + first)
        return left + right
    if how == "apart":
        words.guessed.append(f"{last} {first}")
        return f"{left} {right}"
    return left + CUT + right


def _join_before_point(left: str, right: str, words: Words) -> str:
    """A border right before a point or comma (``Garascia Jessica A|.``): a filer types none
    with a space before it, so the pieces join, as a likely reading (a doubt); unless the text
    elsewhere writes the two apart and never together."""
    last, first = left.split()[-1], right.split()[0]
    joined, apart = last + first, f"{last} {first}"
    if _shown(apart, words.text) and not _shown(joined, words.text):
        words.guessed.append(apart)
        return f"{left} {right}"
    words.guessed.append(joined)
    return left + right


def _shown(form: str, text: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(form)}(?!\w)", text) is not None


def _join_as_written(left: str, right: str, words: Words) -> str:
    """A border right after a point (``ICAHN ENTERPRISES L.|P.``: a filer writes ``L.P.`` and
    ``U.S.`` without a space and initials, ``A. B. SMITH``, with one) or between two digits
    (``OTEE 202`` | ``0 ApS``: one number cut, or two side by side): the text elsewhere
    decides, as written there (``OTEE 2020 ApS`` in the signature), a likely reading (a
    doubt); where it shows neither form, or both, the value is cut."""
    last, first = left.split()[-1], right.split()[0]
    joined, apart = last + first, f"{last} {first}"

    def shown(form: str) -> bool:
        return _shown(form, words.text)

    if shown(joined) and not shown(apart):
        words.guessed.append(joined)
        return left + right
    if shown(apart) and not shown(joined):
        words.guessed.append(apart)
        return f"{left} {right}"
    return left + CUT + right


def mend_boxes(
    cells: tuple[str, ...], words: Words, above: tuple[str, ...] = ()
) -> tuple[str, ...] | None:
    """A markdown header row whose boxes a converter cut into cells side by side by where the
    text lay (pymupdf4llm's layout mode: ``|2. Issuer Name and<br>**ICAHN ENTERP**|Ticker or
    Tradin<br>**RISES L.P. [ I**|g Symbol<br>**EP ]**|``), its boxes put back together: a cell
    continues the one before when its first value (bold, as the converter marks what a filer
    typed) comes before any numbered box label in it, and the cell before ends in a value.
    The two values are one value's pieces on one line, and the caption pieces just above them
    one label's. A continued cell is left empty, so that the row keeps its columns. None where
    no cell continues another. A cell under a cell of the row above (``above``) that opens a
    numbered box's label opens that box: it continues none (``|**BUFFETT WARREN E**|**AT&T INC.
    [ T ]**|`` under ``|1. Name and Address ...|2. Issuer Name ...|``, remix seed 877: one
    name had been read of the two)."""
    out: list[list[str]] = []
    at: list[int] = []
    changed = False
    for k, cell in enumerate(cells):
        lines = _BR.split(cell) if "<" in cell else [cell]
        # a cell continues the one before only from a value of its own, which is bold
        opens = k < len(above) and _BOX_LABEL.match(above[k]) is not None
        if (
            out
            and "**" in cell
            and not opens
            and (joined := _continue(out[-1], lines, words)) is not None
        ):
            out[-1] = joined
            changed = True
        else:
            out.append(lines)
            at.append(k)
    if not changed:
        return None
    mended = [""] * len(cells)
    for k, lines in zip(at, out, strict=True):
        mended[k] = "<br>".join(lines)
    return tuple(mended)


class Words:
    """The text's found words, counted the first time a cut asks (most rows have none); and
    the pieces of a box's value a cut joined or kept apart by them (``guessed``: ``ENTERPRISES``,
    ``TRUST CO``), a likely reading, not a sure one, which the value's reader doubts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.counted: Counter[str] | None = None
        self.guessed: list[str] = []

    def get(self) -> Counter[str]:
        if self.counted is None:
            self.counted = found_words(self.text)
        return self.counted


def _continue(prev: list[str], cur: list[str], words: Words) -> list[str] | None:
    return _continue_at_top(prev, cur, words) or _continue_last(prev, cur, words)


def _continue_at_top(prev: list[str], cur: list[str], words: Words) -> list[str] | None:
    """Both cells open with a label piece over a value (``1. Name an<br>**PLP Fund**<br>(Last)
    <br>**100 CARR**`` | ``d Address of Repo<br>**s Master Fund L**<br>...``): the row's top two
    lines, so the values are one line's pieces; the cell before holds no further box."""
    if len(prev) < 2 or len(cur) < 2 or _bold(prev[0]) is not None or not _caption_piece(cur[0]):
        return None
    left, right = _bold(prev[1]), _bold(cur[1])
    if left is None or right is None or any(_BOX_LABEL.match(ln) for ln in prev[2:]):
        return None
    caption = _join_caption(prev[0], cur[0], words)
    return [caption, f"**{_join_value(left, right, words)}**", *prev[2:], *cur[2:]]


def _continue_last(prev: list[str], cur: list[str], words: Words) -> list[str] | None:
    """The cell before ends in a value (under it only bracketed captions, ``(Last)``), and this
    cell's first value comes under at most one line of label pieces."""
    first = next((i for i, ln in enumerate(cur) if _bold(ln) is not None), None)
    if first is None or first > 1 or (first == 1 and not _caption_piece(cur[0])):
        return None  # at most one line of caption pieces above the value's piece
    last = next((i for i in range(len(prev) - 1, -1, -1) if _bold(prev[i]) is not None), None)
    if last is None or not all(ln.lstrip().startswith("(") for ln in prev[last + 1 :]):
        return None  # below the value, only its captions in brackets: ``(Last)``
    if last + 1 < len(prev) and first == 0:
        return None  # the cell before goes on below its value: no piece of this line
    left, right = _bold(prev[last]) or "", _bold(cur[first]) or ""
    value = f"**{_join_value(left, right, words)}**"
    caption = prev[:last]
    if first > 0 and caption and _bold(caption[-1]) is None:
        caption = [*caption[:-1], _join_caption(caption[-1], " ".join(cur[:first]), words)]
    elif first > 0:
        caption = [*caption, *cur[:first]]
    return [*caption, value, *prev[last + 1 :], *cur[first + 1 :]]
