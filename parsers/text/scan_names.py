"""Reporting owners' names a scan may have misread, checked against the rest of the text.

An OCR engine reads a box's name letter by letter and can get one wrong (``ICAHN CARL GC`` for
``ICAHN CARL C``, ``SVE II Beaver (DE) LLC`` for ``SVF II``); a wrong name is a different
person to the ledger. The filing usually writes the name again, below the tables (a signature,
a footnote, a joint filer's box), and there the scan read it separately. Where the text below
writes the box's words again, the box is confirmed; where it writes them only with one word
different by a letter (a letter added, lost or changed; or an initial with a letter glued on),
the two readings of one name disagree and the text does not say which is right: the name is
left empty with a doubt naming both. A name the text writes nowhere else is kept as the box has
it (there is nothing to check it against).

Only for scans: a converter's text has the characters the filing printed, so a box and a
signature that differ by a letter name two people (``John A. Smith``, ``John B. Smith``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return list(map(str.casefold, _WORD.findall(text.replace("/s/", " "))))


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter added, lost or changed (``gc``/``c``, ``sve``/``svf``), or a one-letter
    initial with letters glued around it (``cgc``/``c``)."""
    if a == b or len(a) == len(b) == 1:  # two initials: two names as likely as one misread
        return False
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 1 and len(b) <= 3 and a in b:
        return True
    if len(b) - len(a) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def _matches(name: list[str], line: list[str]) -> tuple[bool, list[Counter[str]]]:
    """Whether a run of the line's words is the name's words in any order (exact), and the
    runs that are them but for one word one letter apart (near)."""
    k = len(name)
    n = len(line)
    if n < k:
        return False, []
    # a run that is the name, or the name but for one word, holds k - 1 of the name's words at
    # least: only such runs are counted (most lines hold none of them)
    names = set(name)
    if k > 1 and names.isdisjoint(line):
        return False, []  # (no run holds k - 1 of the name's words)
    hits = [w in names for w in line]
    held = sum(hits[:k])
    want = Counter(name)
    near: list[Counter[str]] = []
    for i in range(n - k + 1):
        if i:
            held += hits[i + k - 1] - hits[i - 1]
        if held < k - 1:
            continue
        run = Counter(line[i : i + k])
        if run == want:
            return True, []
        missing, extra = want - run, run - want
        if sum(missing.values()) == 1 and sum(extra.values()) == 1:
            (a,), (b,) = missing, extra
            if _one_letter_apart(a, b):
                near.append(run)
    return False, near


def check_names(
    names: Sequence[str | None], boxed: Sequence[bool], below: Sequence[str]
) -> list[str | None]:
    """For each owner's name, a doubt when the text ``below`` the tables writes it only one
    letter apart, else None. ``boxed[i]``: the owner's own box is itself below the tables (a
    joint filer's), so one line there writes the name as read. Another owner's name is no
    misreading of this one (``SMITH JOHN A`` and ``SMITH JOHN B`` file together)."""
    lines = [_words(t) for t in below]
    owners = [Counter(_words(n)) for n in names if n]
    out: list[str | None] = []
    for name, own in zip(names, boxed, strict=True):
        words = _words(name) if name else []
        if len(words) < 2:  # a one-word name says too little to match a run of words
            out.append(None)
            continue
        exact_on = 0
        near_on: list[int] = []
        for j, line in enumerate(lines):
            exact, near = _matches(words, line)
            if exact:
                exact_on += 1
            elif any(run not in owners for run in near):
                near_on.append(j)
        if near_on and exact_on <= own:
            out.append(
                f"the box reads {name!r}, but the text below writes the name only one letter"
                f" apart ({below[near_on[0]].strip()[:80]!r}): the scan misread one of them;"
                " left empty"
            )
        else:
            out.append(None)
    return out


_TITLE_WORD = re.compile(r"[A-Za-z0-9&.,/'()\-]+")
"""A word of a written title as filers type it: letters, digits and the punctuation of
``Senior VP, GC, CAO & Secretary`` or ``Co-Founder``."""


def garbled_title_word(title: str) -> str | None:
    """A word of box 5's written title holding a character no title is typed with (``Go
    Founde:``, the scan's ``:`` for an ``r``), or None. A title's words are checked nowhere else
    in the text, so a letter the scan misread would stand as the owner's title."""
    return next((w for w in title.split() if not _TITLE_WORD.fullmatch(w)), None)
