"""Repairs for text that went through a scanner and OCR, or a converter that cut cells badly.

Each repair is recorded on the token it produced, in words a reviewer can check against the
scan; a repair that cannot be justified from the row itself (or the header) is not made.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import TYPE_CHECKING

# tokens imports this module: its names are read when a repair runs, not at import (an import
# statement inside each repair cost more than the repair on most rows)
from parsers.text import tokens as _tokens

if TYPE_CHECKING:
    from parsers.text.tokens import Token

_CONFUSABLE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "S": "5", "B": "8"})
_NUMERICISH = re.compile(r"[$S]?[\dOoIlSB][\dOoIlSB,./\-]*")
_HAS_DIGIT = re.compile(r"\d")
_HAS_LETTER = re.compile(r"[OoIlSB]")
GROUPED = re.compile(r"\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", re.ASCII)
"""A number as printed: grouped in thousands or a bare run of digits, decimals, a dollar."""


def as_digits(word: str) -> str:
    """``word`` with the letters OCR makes of digits read as those digits (no check that it
    is numeric: for shapes, such as a date's, that :func:`fix_confusables` does not read)."""
    return word.translate(_CONFUSABLE)


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
    """A date the scan tore apart, its year's digits left behind as debris before any code
    letter: ``05/04/20 | )22`` is 05/04/2022 (the ``20`` was the century), ``11/01/20 | )20 |
    20`` is 11/01/2020 (the debris repeats the year).

    The debris is consumed (it would otherwise be read as share amounts) and the year is the
    one the debris spells: a torn century (``20`` + ``22``) gives 2022, a repeat of the
    two-digit year keeps it, and the header's date of earliest transaction settles which
    century a repeat belongs to. A year the debris contradicts is never picked; the note
    names the fragments and where the year came from.
    """
    DATE, FRAG, NUM = _tokens.DATE, _tokens.FRAG, _tokens.NUM
    first = None  # most rows have no date with a two-digit year: nothing to do
    for k, tok in enumerate(tokens):
        # two characters after the last "/" (or in all, without one): ``rsplit("/")[-1]``
        if tok.kind == DATE and tok.value is not None and len(tok.text) - tok.text.rfind("/") == 3:
            first = k
            break
    if first is None:
        return

    i = first
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind != DATE or tok.value is None or len(tok.text.rsplit("/", 1)[-1]) != 2:
            i += 1
            continue
        yy = tok.text[-2:]
        j = i + 1
        debris: list[Token] = []
        torn: str | None = None  # the year's last two digits, when ``yy`` was its century
        while j < len(tokens) and len(debris) < 4:
            nxt = tokens[j]
            digits = "".join(ch for ch in nxt.text if ch.isdigit())
            if (
                nxt.kind not in (FRAG, NUM)
                or nxt.dollar
                or "," in nxt.text
                or "." in nxt.text
                or not 0 < len(digits) <= 4
            ):
                break
            if not debris and yy in ("19", "20") and len(digits) == 2 and nxt.kind == FRAG:
                torn = digits  # ``20`` + ``)22``: the date's year was 2022
            elif not (digits in (f"{yy}{torn}" if torn else f"19{yy}") or digits in f"20{yy}"):
                break
            debris.append(nxt)
            j += 1
        if debris:
            date: dt.date = tok.value  # a DATE token holds a date
            source = "the two-digit year"
            year = int(yy + torn) if torn is not None else None
            if (
                header_date is not None
                and (header_date.month, header_date.day) == (date.month, date.day)
                and (
                    header_date.year == year or (year is None and header_date.year % 100 == int(yy))
                )
            ):
                date = header_date
                source = "the header's date of earliest transaction"
            elif year is not None:
                date = _with_year(date, year)
                source = f"the century {yy!r} and the torn-off {torn!r}"
            frags = ", ".join(repr(t.text) for t in [tok, *debris])
            tok.value = date
            tok.text = date.strftime("%m/%d/%Y")
            tok.notes.append(f"rebuilt from OCR fragments {frags}; year from {source}")
            for d in debris:
                tok.marks.extend(d.marks)
            del tokens[i + 1 : j]
        i += 1


def _with_year(date: dt.date, year: int) -> dt.date:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return date


def _amounts_before_the_form(tokens: list[Token]) -> int:
    """The row's numbers before its last ``D`` or ``I`` letter, its ownership form (all of them
    where it shows none): a number in the nature's cells after the form is no amount of the
    row. pymupdf4llm-layout (remix seed 1281): ``|4|11,062,076,000|||I|By Revoca<br>dated
    3/1/2|ble Trust<br>010(1)|``, a balance and a trust's date each cut by a border; the date's
    ``010`` made three numbers, and the balance was read as 11,062,076,000 beside a stray
    ``4``. The last such letter, not the first: a class's ``I`` in the title's cells, or a
    transaction's (A)/(D) side before its price and balance, comes before the form."""
    form = len(tokens)
    for k in range(len(tokens) - 1, -1, -1):
        t = tokens[k]
        if t.kind == _tokens.LETTER and t.text.strip("()") in ("D", "I"):
            form = k
            break
    return sum(1 for t in tokens[:form] if t.kind == _tokens.NUM)


def join_split_numbers(tokens: list[Token]) -> None:
    """Mend numbers a converter cut in two.

    ``5,20 | 5,208,879``: a malformed piece that is a textual prefix of the next number is an
    echo of it -- keep the whole number. ``1,4 | 14,849``: a malformed piece that, joined with
    the next number, makes a well-grouped number was one number -- join them. In a holding row
    (no dates: one amount, the balance) an echo may itself be well formed: ``1,520 |
    1,520,000`` is the balance 1,520,000, not a transaction of 1,520 shares; and where that
    balance is the row's only other number, ``25 | 5,449`` is 255,449 cut in two.
    """
    DATE, NUM, parse_number = _tokens.DATE, _tokens.NUM, _tokens.parse_number

    i = 0
    holding: bool | None = None  # no date in the row; worked out only when an echo needs it
    while i + 1 < len(tokens):
        tok, nxt = tokens[i], tokens[i + 1]
        if tok.kind != NUM or nxt.kind != NUM:  # nothing below acts on such a pair
            i += 1
            continue
        # nor on these (most pairs: an amount and its price, a price and the balance after)
        if (nxt.dollar and not tok.dollar) or (
            not (tok.malformed or nxt.malformed) and nxt.cell != tok.cell + 1
        ):  # a dollar sign starts a value of its own; an echo or a cut is in the next cell
            i += 1
            continue
        echo = (
            tok.kind == NUM
            and nxt.kind == NUM
            and nxt.cell == tok.cell + 1
            and "," in tok.text
            and len(nxt.text) > len(tok.text)
            and nxt.text.lstrip("$").startswith(tok.text.lstrip("$"))
        )
        if echo:
            if holding is None:
                holding = not any(t.kind == DATE for t in tokens)
            echo = holding
        # ``25 | 5,449`` in a row whose only amount is its balance: one number cut in two
        cut = (
            not echo
            and tok.kind == NUM
            and nxt.kind == NUM
            and nxt.cell == tok.cell + 1
            and tok.text.isdigit()
            and not tok.marks
            and "," in nxt.text
            and nxt.text[0].isdigit()
            and _amounts_before_the_form(tokens) == 2
        )
        if cut:
            if holding is None:
                holding = not any(t.kind == DATE for t in tokens)
            cut = holding
        if (
            tok.kind != NUM
            or nxt.kind != NUM
            or not (tok.malformed or nxt.malformed or echo or cut)
            or nxt.dollar
            and not tok.dollar  # a dollar sign starts a value of its own
        ):
            i += 1
            continue
        a, b = tok.text.lstrip("$"), nxt.text.lstrip("$")
        if (tok.malformed or echo) and b.startswith(a):
            nxt.notes.append(f"dropped OCR fragment {tok.text!r} that repeats the start of {b!r}")
            nxt.marks[:0] = tok.marks
            nxt.dollar = nxt.dollar or tok.dollar
            del tokens[i]
            continue
        joined = (tok.text + nxt.text.lstrip("$")) if tok.text else nxt.text
        if nxt.cell - tok.cell <= 1 and GROUPED.fullmatch(joined):
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


_TORN_PRICE = re.compile(r"could not read '\$((?:\d{1,3}(?:,\d{3})+|\d+)\.(\d+))\)' as a number")


def torn_marker_price(
    values: dict[str, object], notes: list[tuple[str | None, str]], footnotes: set[int]
) -> None:
    """``$2.36)``: a price with its footnote marker torn to the closing bracket, its digits lost
    or glued to the price's. The price's last one or two digits may be the marker's only where
    a footnote's number ends in them (``6`` is no marker where the footnotes are 1 to 4; a ``0``
    may be the rest of ``(10)``): where every reading left gives the same amount (``.03790`` and
    ``.0379``), that amount is read, with a doubt naming the reading."""
    if values.get("price") is not None:
        return
    for k, (f, message) in enumerate(notes):
        m = _TORN_PRICE.fullmatch(message) if f == "price" else None
        if m is None:
            continue
        whole, decimals = m[1].replace(",", ""), m[2]
        ends = {str(n) for n in footnotes}
        amounts = {Decimal(whole)}
        for cut in (1, 2):
            # (a price keeps a digit after its point: ``$2.`` is no price the form prints)
            if cut >= len(decimals) or not any(e.endswith(decimals[-cut:]) for e in ends):
                continue
            amounts.add(Decimal(whole[:-cut]))
        if len(amounts) != 1:
            return  # the marker's digits may be the price's last ones: not shown which
        (amount,) = amounts
        values["price"] = amount
        notes[k] = (
            f,
            f"read '${m[1]})' as the price {amount}: the ')' is a footnote marker's, torn, and"
            " its digits may not be the price's last ones, or leave the same amount; unsure",
        )
        return


_DOLLAR_SMALL = re.compile(r"\$\s*(\d{1,2})(?![\d,])")
_BARE_SMALL = re.compile(r"(?<![\d.,$(])(\d{1,2})(?![\d.,)])")


def marker_number_price(
    values: dict[str, object], notes: list[tuple[str | None, str]], footnotes: set[int], text: str
) -> None:
    """A price of one or two digits with no ``$``, the number of a footnote whose marker the
    row prints too (``... (4)  (4)  Common | 31,417,306,731 | 4``): a marker the scan tore to
    its digit, or the price; the text does not say which: left empty with a doubt."""
    price = values.get("price")
    if not isinstance(price, Decimal) or price != price.to_integral_value() or price > 99:
        return
    n = int(price)
    if n not in footnotes or f"({n})" not in text.replace(" ", ""):
        return
    if str(n) in _DOLLAR_SMALL.findall(text) or str(n) not in _BARE_SMALL.findall(text):
        return
    values["price"] = None
    notes.append(
        (
            "price",
            f"a bare {n} where the price stands, and the row prints footnote marker ({n}): a "
            "marker the scan tore to its number, or the price; left empty",
        )
    )


_GROUPED = re.compile(r"(?:\$\s*)?(?<![\d,.])(\d{1,3}(?:,\d{3})*)(?![\d,.]?\d)")


def price_beside_a_broken_balance(
    values: dict[str, object],
    notes: list[tuple[str | None, str]],
    text: str,
    cells: tuple[str, ...] = (),
) -> None:
    """A whole price with no ``$`` where no balance was read after it (``()   23,167,310
    707,``: the scan broke the balance ``23,167,315,777`` at a space and lost the price's
    marker; or the balance itself, in the price's column): the number may be the balance, or
    its first digits, as well as a price; left empty with a doubt."""
    price = values.get("price")
    if not isinstance(price, Decimal) or price != price.to_integral_value():
        return  # (a price with cents is printed as a price)
    grouped = f"{int(price):,}"
    balance = values.get("shares_owned_following")
    if balance is not None:
        if not isinstance(balance, Decimal):
            return
        # (a price under 1,000 only where the text's columns stand apart and the two share
        # one (``cells``, space-aligned text): plain text prints every value one space apart)
        pair = f"{grouped} {int(balance):,}"
        if price >= 1000 or any(c == pair or c.endswith(f" {pair}") for c in cells):
            _split_balance(values, notes, text, grouped, balance)
        return
    found = [m for m in _GROUPED.finditer(text) if m[1] == grouped]
    if not found or any(m[0].startswith("$") for m in found):
        return
    values["price"] = None
    if any(f == "shares_owned_following" and m.startswith("could not read") for f, m in notes):
        why = "the balance after it could not be read: it may be the balance's first digits"
    else:
        # ``G  8,171,189)  A  2)  8,171,189)  1  By Foundation``, remix seed 863: the price's
        # cell held a marker only, torn to ``2)`` and dropped, and the form's I read ``1``
        why = "no balance was read after it: it may be the balance, the price's cell lost"
    notes.append(("price", f"{grouped} where the price stands has no '$', and {why}; left empty"))


_WELL_GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")


def _split_balance(
    values: dict[str, object],
    notes: list[tuple[str | None, str]],
    text: str,
    grouped: str,
    balance: Decimal,
) -> None:
    """A price with no ``$`` one space before the balance, itself grouped (``(1)   23,167
    315,777``, ``qd)   2 315,111``): a scan's columns stand two spaces apart or more, so the two
    are one number the scan broke at a space or whose comma it read as one (the balance
    ``23,167,315,777``, ``2,315,111``), or a price and a balance the scan squeezed together;
    the text does not say which. Both left empty, where the two joined are grouped right."""
    after = f"{int(balance):,}"
    if not _WELL_GROUPED.fullmatch(f"{grouped},{after}") and not _WELL_GROUPED.fullmatch(
        grouped + after
    ):
        return
    at = text.find(f"{grouped} {after}")
    if at < 0 or text[at + len(grouped) + 1 + len(after) :][:1].isdigit():
        return
    before = text[:at].rstrip()
    if before.endswith("$") or before[-1:].isdigit() or before.endswith(","):
        return
    values["price"] = None
    values["shares_owned_following"] = None
    said = f"'{grouped} {after}'"
    why = "one space apart, where a scan's columns stand two or more: one number broken, or two"
    notes.append(("price", f"{said}: no '$' before the price, {why}; left empty"))
    notes.append(("shares_owned_following", f"{said}: {why}; left empty"))
