"""Case-blind patterns that Python's ``re`` scans quickly.

``re`` skips ahead to the characters a match can start with only where the pattern is
case-sensitive at its start: a pattern compiled with ``re.IGNORECASE`` is tried at every
position of the text, which made the header's label searches (whole columns of the header
boxes) a fifth of the text parser's time. :func:`caseless` compiles the same pattern with each
alternative's first character spelled out in the cases it matches and the rest case-blind, so
the scan jumps from one possible first character to the next. What matches is unchanged.
"""

from __future__ import annotations

import re

_FOLDS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
"""Characters besides its two cases that a case-blind ``re`` pattern matches to an ASCII letter
(dotted and dotless I, long S, Kelvin sign); ``tests/test_text_patterns.py`` checks the list
against every code point."""


def cases(char: str) -> str:
    """Every character the case-blind pattern ``char`` matches, ``char`` first."""
    if not (char.isascii() and char.isalpha()):
        return char
    low = char.lower()
    return "".join(dict.fromkeys(char + char.swapcase() + _FOLDS.get(low, "")))


def caseless(*branches: str) -> re.Pattern[str]:
    """``re.compile("|".join(branches), re.IGNORECASE)``, matching exactly the same, scanned
    quickly (see the module docstring).

    Each branch starts with one literal character (a letter, a digit, other text, or an
    escaped ``\\(``), optionally after ``\\b`` when that character is a word character; write an
    optional lead (``(?:\\b5\\.\\s*)?Relationship``) as two branches, the longer first, and a
    leading class (``\\b[1-4]``) as one branch a character, in the class's order. The branches
    keep their order, so where two could match at one place the same one wins."""
    alternatives: list[str] = []
    for branch in branches:
        boundary = branch.startswith(r"\b")
        body = branch[2:] if boundary else branch
        if body.startswith("\\"):
            first, rest = body[1], body[2:]
            if first.isalnum():
                raise ValueError(f"branch must start with a literal character: {branch!r}")
        else:
            first, rest = body[0], body[1:]
            if first in ".^$*+?{}[]|()":
                raise ValueError(f"branch must start with a literal character: {branch!r}")
        if boundary and not re.fullmatch(r"\w", first):
            raise ValueError(f"\\b only before a word character: {branch!r}")
        for char in cases(first):
            lead = re.escape(char)
            if boundary:  # \b before a word character: no word character before it
                lead += rf"(?<!\w{re.escape(char)})"
            alternatives.append(f"{lead}(?i:{rest})" if rest else lead)
    return re.compile("|".join(alternatives))


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def letter_words(text: str) -> set[str]:
    """The runs of letters in ``text``, casefolded: its words, asked whether any is one of a
    set (a derivative's, a title's noun)."""
    return {w.casefold() for w in _LETTER_RUN.findall(text)}
