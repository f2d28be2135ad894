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
the pieces in question, not evidence.

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
_CUT_BORDER = re.compile(r"(?<=[A-Za-z])\|(?=[A-Za-z])")
_WORD = re.compile(r"(?<![A-Za-z\x00])[A-Za-z]+(?![A-Za-z\x00])")
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
    out: Counter[str] = Counter()
    for line in text.splitlines():
        if "|" in line:
            line = _CUT_BORDER.sub("\x00", _MARKUP.sub(" ", line.replace("**", "")))
        out.update(w.casefold() for w in _WORD.findall(line))
    return out


def reading(cut: Cut, words: Counter[str]) -> str | None:
    """``'join'`` where the text shows the cut word whole and not both its pieces, ``'apart'``
    where it shows both pieces as words and not the joined one; None where it says neither or
    both."""
    last = _LAST_LETTERS.search(cut.left)
    first = _FIRST_LETTERS.match(cut.right)
    if last is None or first is None:
        return None
    left, right = last[0].casefold(), first[0].casefold()
    joined = words[left + right] > 0
    apart = words[left] > 0 and words[right] > 0
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
    """The nature of ownership's leading ``By`` glued to its holder (``ByTrust``) read apart;
    the note it leaves, as (field, message)."""
    text = values.get("nature_of_ownership")
    if not isinstance(text, str) or not _GLUED_BY.match(text):
        return []
    fixed = _GLUED_BY.sub(r"\1 \2", text, count=1)
    values["nature_of_ownership"] = fixed
    return [
        (
            "nature_of_ownership",
            f"{text!r} read as {fixed!r}: the converter lost the space after its 'By'; unsure",
        )
    ]
