"""Repairs for text that went through a scanner and OCR, or a converter that cut cells badly.

Each repair is recorded on the token it produced, in words a reviewer can check against the
scan; a repair that cannot be justified from the row itself (or the header) is not made.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holdings.parsers.text_tokens import Token

_CONFUSABLE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "S": "5", "B": "8"})
_NUMERICISH = re.compile(r"[$S]?[\dOoIlSB][\dOoIlSB,./\-]*")
_HAS_DIGIT = re.compile(r"\d")
_HAS_LETTER = re.compile(r"[OoIlSB]")
_GROUPED = re.compile(r"\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def fix_confusables(word: str) -> tuple[str, str] | None:
    """``1O,OOO`` -> ``10,000``: OCR reads 0/O, 1/l/I, 5/S and 8/B alike inside numbers.

    Only a word that already has a real digit (or a dollar sign: ``$O``) is touched, so a lone
    code letter ``S`` or a word such as ``SOIL`` is never turned into a number. A leading ``S``
    before digits is read as ``$`` -- on a scan the dollar sign is the usual victim.
    """
    if not _NUMERICISH.fullmatch(word) or not (word[0] == "$" or _HAS_DIGIT.search(word)):
        return None
    if not _HAS_LETTER.search(word):
        return None
    fixed = word
    if fixed[0] == "S" and len(fixed) > 1 and (fixed[1].isdigit() or fixed[1] in "OolI"):
        fixed = "$" + fixed[1:]
    fixed = fixed.translate(_CONFUSABLE)
    return fixed, f"OCR letters in {word!r} read as {fixed!r}"


def rebuild_dates(tokens: list[Token], header_date: dt.date | None) -> None:
    """``11/01/20 | | )20 | 20`` -> 2020-11-01: a two-digit-year date followed, before any code
    letter, by debris made only of the year's digits is one date the scan tore apart.

    The debris is consumed (it would otherwise be read as share amounts). Where the header's
    date of earliest transaction has the same month and day and a year ending in those two
    digits, its year is used; otherwise the usual two-digit pivot stands, and the note says so.
    """
    from holdings.parsers.text_tokens import DATE, FRAG, NUM

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind != DATE or tok.value is None or len(tok.text.rsplit("/", 1)[-1]) != 2:
            i += 1
            continue
        yy = tok.text[-2:]
        j = i + 1
        debris: list[Token] = []
        while j < len(tokens) and len(debris) < 4:
            nxt = tokens[j]
            digits = "".join(ch for ch in nxt.text if ch.isdigit())
            if (
                nxt.kind in (FRAG, NUM)
                and not nxt.dollar
                and "," not in nxt.text
                and "." not in nxt.text
                and 0 < len(digits) <= 4
                and (digits in f"19{yy}" or digits in f"20{yy}")
            ):
                debris.append(nxt)
                j += 1
                continue
            break
        if debris:
            date: dt.date = tok.value  # type: ignore[assignment]
            source = "the two-digit year"
            if (
                header_date is not None
                and (header_date.month, header_date.day) == (date.month, date.day)
                and header_date.year % 100 == int(yy)
            ):
                date = header_date
                source = "the header's date of earliest transaction"
            frags = ", ".join(repr(t.text) for t in [tok, *debris])
            tok.value = date
            tok.text = date.strftime("%m/%d/%Y")
            tok.notes.append(f"rebuilt from OCR fragments {frags}; year from {source}")
            for d in debris:
                tok.marks.extend(d.marks)
            del tokens[i + 1 : j]
        i += 1


def join_split_numbers(tokens: list[Token]) -> None:
    """Mend numbers a converter cut in two.

    ``5,20 | 5,208,879``: a malformed piece that is a textual prefix of the next number is an
    echo of it -- keep the whole number. ``1,4 | 14,849``: a malformed piece that, joined with
    the next number, makes a well-grouped number was one number -- join them.
    """
    from holdings.parsers.text_tokens import NUM, parse_number

    i = 0
    while i + 1 < len(tokens):
        tok, nxt = tokens[i], tokens[i + 1]
        if tok.kind != NUM or nxt.kind != NUM or not (tok.malformed or nxt.malformed):
            i += 1
            continue
        a, b = tok.text.lstrip("$"), nxt.text.lstrip("$")
        if tok.malformed and b.startswith(a):
            nxt.notes.append(f"dropped OCR fragment {tok.text!r} that repeats the start of {b!r}")
            nxt.marks[:0] = tok.marks
            nxt.dollar = nxt.dollar or tok.dollar
            del tokens[i]
            continue
        joined = (tok.text + nxt.text.lstrip("$")) if tok.text else nxt.text
        if nxt.cell - tok.cell <= 1 and _GROUPED.fullmatch(joined):
            nxt.notes.append(f"joined number split across cells {tok.text!r} + {nxt.text!r}")
            nxt.text = joined
            nxt.value = parse_number(joined)
            nxt.dollar = joined[0] == "$"
            nxt.malformed = False
            nxt.marks[:0] = tok.marks
            nxt.notes[:0] = tok.notes
            nxt.cell = tok.cell
            nxt.x = tok.x
            del tokens[i]
            continue
        i += 1
