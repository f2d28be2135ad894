"""A row's tokens mended where a scan or a converter broke them before they are placed: a code
read as a digit, a date cut in two, a class letter apart from its word, a decimal's tail torn
off.

Each mend restores what the form's column grammar makes certain; anything less certain is left
for the placing step to leave empty with a note.
"""

from __future__ import annotations

import datetime as dt
import re

from parsers.text import ocr
from parsers.text.cells import Row
from parsers.text.columns import CODES
from parsers.text.debris import GROUPED_NUMBER
from parsers.text.tokens import (
    DATE,
    FRAG,
    LETTER,
    MARKER,
    NA,
    NUM,
    TEXT,
    Token,
    parse_date,
    parse_number,
)
from parsers.text.wraps import YEAR

_SMALL_LIKE_CAPITAL = frozenset("CSUWXZ")
"""Code letters whose small form a scan cannot tell from the capital (``x``, ``Ss``)."""


def ruled_marker_letter(tokens: list[Token]) -> None:
    """``05/12/2023 |G)  Common``: in a scan's Table II row, a capital with a closing bracket
    right after a box rule that closes a date, with no amount anywhere before the underlying
    title, is the window's marker cell torn (``(3)``, its digit read as a letter), not a
    transaction code: a transaction reports the number of securities it moved, and a code's
    cell never opens on the rule after a date. Read as debris, with a note."""
    for i in range(1, len(tokens)):
        t, before = tokens[i], tokens[i - 1]
        if t.kind != LETTER or before.kind != DATE or not _RULED_LETTER.fullmatch(t.text):
            continue
        if not any("ignored OCR debris '|" in n for n in t.notes):
            continue  # (the rule was read: the bracket after the letter alone says nothing)
        if i + 1 >= len(tokens) or tokens[i + 1].kind != TEXT:
            continue  # the underlying title right after it: no amount between
        if any(u.kind == NUM and not u.dollar for u in tokens[:i]):
            continue  # an amount before it: the row may report a transaction
        if any(u.kind == LETTER for u in tokens[:i]):
            continue
        t.notes.append(
            f"{t.text!r} after a box rule closing a date, in a row with no amount: read as a"
            " torn footnote marker cell, not a transaction code"
        )
        t.kind, t.value = FRAG, None
        return


_RULED_LETTER = re.compile(r"[A-Z]\)")


def code_five(tokens: list[Token]) -> None:
    """A scan's ``5`` between a transaction date and an amount, in a row with no code letter,
    is the code ``S``: on the form only the code (and V) column lies between them, and no
    number can stand there (``04/13/2022   5   100   $2,556.73``: sold 100, not 5). So is a
    word of one letter, up to three times and in small print (``x``, ``xX``, ``XxX``), whose
    small form looks like its capital: the code ``X``, ``S``. Another lone digit there is a code
    garbled past reading, never the amount (it is left out, its column unsure). Only a letter
    before the amount is a code read: the ownership form after it (``D``, ``I``) is a code's
    letter too, but stands in its own column."""
    amount = next(
        (j for j, u in enumerate(tokens) if u.kind == NUM and (u.dollar or len(u.text) > 1)),
        len(tokens),
    )
    if any(u.kind == LETTER and u.text in CODES for u in tokens[:amount]):
        return
    for i in range(1, len(tokens) - 1):
        t, before, after = tokens[i], tokens[i - 1], tokens[i + 1]
        if before.kind != DATE or after.kind != NUM or after.dollar:
            continue
        if t.kind == NUM and t.text == "5":
            t.kind, t.value, t.text = LETTER, "S", "S"
            # likely, not certain (a scan may also drop the code and the price's $): a doubt
            t.notes.append("'5' between the date and the amount taken for code S (OCR); unsure")
            return
        if t.kind == NUM and len(t.text) == 1 and not t.marks:
            # another lone digit there (``04/13/2022   3   804   $2,586.40``): the code's
            # letter garbled, which letter unsure: no amount (read as one, the row's amount
            # fitted no column); left out like any garbled code
            t.kind, t.value = TEXT, None
            return
        letter = code_in_small_print(t.text, 3) if t.kind == TEXT else None
        if letter is not None:
            said = t.text
            t.kind, t.value, t.text = LETTER, letter, letter
            t.notes.append(
                f"{said!r} between the date and the amount taken for code {letter} (OCR); unsure"
            )
            return


def code_in_small_print(text: str, most: int) -> str | None:
    """The code letter a scan's word of one letter stands for, read up to ``most`` times with
    a small form among them (``x``, ``xX``, ``XxX``, ``Ss``), where the small form looks like
    the capital (:data:`_SMALL_LIKE_CAPITAL`); None for any other word."""
    letter = text[:1].upper()
    if (
        0 < len(text) <= most
        and letter in _SMALL_LIKE_CAPITAL
        and text.upper() == letter * len(text)
        and not text.isupper()
    ):
        return letter
    return None


UNGROUPED = re.compile(r"\d{4,}")


def year_words(tokens: list[Token]) -> None:
    """In a scan's line of words, an integer of four digits or more printed without thousands
    separators is a word of a wrapped name (``SMB Pacific`` / ``2021 Charitable``), not an
    amount: the form prints amounts grouped (``2,021``), and a scan's lines keep no column
    grid to tell the nature's words by where they stand."""
    values = [t for t in tokens if t.kind in (NUM, DATE)]
    if (
        values
        and any(t.kind == TEXT for t in tokens)
        and all(t.kind == NUM and not t.dollar and UNGROUPED.fullmatch(t.text) for t in values)
    ):
        for t in values:
            t.kind, t.value = TEXT, None


def year_opening_a_scan_line(tokens: list[Token]) -> None:
    """A scan's line opening at the margin on a year with no ``$`` and no word after it
    (``2023      01/11/2022 ...`` over ``Performance-`` / ``Based RSUs``): the title's first
    word, its others wrapped below; the margin is the title's column, and the form prints
    a price with its ``$`` (remix seed 1225's scan: read as an exercise price of 2,023, the
    title's lines below went to the underlying title, ``American Performance-Depositary
    Based RSUs Shares``)."""
    if (
        len(tokens) > 1
        and tokens[0].kind == NUM
        and not tokens[0].dollar
        and tokens[0].x < 4
        and YEAR.fullmatch(tokens[0].text)
        and tokens[1].kind != TEXT
    ):
        tokens[0].kind, tokens[0].value = TEXT, None


def year_among_a_cells_words(tokens: list[Token], row: Row) -> None:
    """In a row of cells, a year printed after a word on one line of its cell (``BJane Doe
    2019 I``, pymupdf4llm-layout, remix seed 1117, a border through ``Irrevocable``) is a word
    of that cell's text, a trust's name: the form prints amounts grouped (``2,019``), and read
    as an amount it had made a row holding 2,019 shares that no filer wrote. So is a year alone
    on the first line of the title's cell, the first of the row."""
    for t in tokens:
        if (
            t.kind != NUM
            or t.dollar
            or not YEAR.fullmatch(t.text)
            or not 0 <= t.cell < len(row.cells)
        ):
            continue
        lines = row.cells[t.cell].split("<br>")
        if t.cell == 0 and t is tokens[0] and lines[0].strip() == t.text:
            # ``|2021<br><br>(1)|...|`` over ``|Performance|`` / ``|Share Units|``
            # (pymupdf4llm-layout, remix seed 1189): a year alone atop the title's cell is the
            # title's first word (read as an amount, the title lost it: 'Performance Share
            # Units ...', wrong)
            t.kind, t.value = TEXT, None
            continue
        after_word = re.compile(r"[^\W\d_][\w.,'-]+[ \t]+" + t.text + r"(?![\d,.])")
        if any(after_word.search(line) for line in lines):
            t.kind, t.value = TEXT, None


def year_after_due(tokens: list[Token]) -> None:
    """A year right after ``due`` in its cell is a debt's maturity, a word of its title
    (``Convertible<br>Senior Notes<br>due 2028<br>$6.67``, pymupdf4llm-layout, remix seed
    1103: read as an amount, the title had been cut to ``... Notes due``)."""
    for a, b in zip(tokens, tokens[1:], strict=False):
        if (
            b.kind == NUM
            and not b.dollar
            and a.kind == TEXT
            and a.cell == b.cell
            and a.text.rsplit(None, 1)[-1].lower() == "due"
            and YEAR.fullmatch(b.text)
        ):
            b.kind, b.value = TEXT, None


def number_before_the_exercise_price(tokens: list[Token]) -> None:
    """A Table II row opening on a number of four digits or fewer, printed ungrouped, right
    before a price or a footnote marker alone (a footnote-only exercise price): the title's
    first word (``2021 $0.41(3) (8) (5) Common ...``, ``2021 (4) 08/24/2019 M ...``: ``2021
    Performance Share Units``, remix seeds 1087, 1093), for no column but the title's stands
    before the exercise price. Read as a number it had been an amount, the row's title left to
    the lines above it, cut from the row above."""
    if (
        len(tokens) > 1
        and tokens[0].kind == NUM
        and not tokens[0].dollar
        and _SHORT_NUMBER.fullmatch(tokens[0].text)
        and (
            (tokens[1].kind == NUM and tokens[1].dollar)
            # (before a marker, a year only: ``10 (4)`` may be a price printed without its $)
            or (tokens[1].kind == MARKER and YEAR.fullmatch(tokens[0].text) is not None)
        )
        and tokens[1].cell - tokens[0].cell in (0, 1)
    ):
        tokens[0].kind, tokens[0].value = TEXT, None


_SHORT_NUMBER = re.compile(r"\d{1,4}")


_GARBLED_NUMBER = re.compile(r"\$?\d{1,3}(?:[^\w\s]\d{3})+(?:\.\d+)?[^\w\s]?", re.ASCII)
"""A scan's amount whose separators came out as other marks (``21°169;379``): digits in groups
of three, as the form prints amounts, but not readable as a number."""


def garbled_values(tokens: list[Token]) -> None:
    """A scanned line with words at the margin and, in a cell of its own, an amount whose
    separators the scan garbled (``Class C Capital    21°169;379``) is a row whose value could
    not be read, not a wrapped line of the row above: the token becomes an unreadable number
    (its field is left empty with a note) so the line opens a row of its own."""
    for t in tokens[1:]:
        if t.kind in (TEXT, FRAG) and t.cell > 0 and _GARBLED_NUMBER.fullmatch(t.text):
            t.kind, t.value, t.malformed = NUM, None, True


def digit_read_as_letter(tokens: list[Token]) -> None:
    """``Common |g 171,189``: a scan's letter that looks like a digit (``g`` for 8), one space
    before an amount whose first group holds three digits, may be the amount's first digit
    (8,171,189): the amount is unsure, and the letter no word of the text before it. The
    amount is left unread, with a note; the letter is dropped from the words."""
    for i in range(len(tokens) - 1):
        t, nxt = tokens[i], tokens[i + 1]
        if t.kind != TEXT or nxt.kind != NUM or nxt.dollar or not _THREE_FIRST.match(nxt.text):
            continue
        head, _, last = t.text.rpartition(" ")
        if last not in _DIGIT_LIKE or nxt.x - (t.x + len(t.text)) > 2:
            continue
        _leave_unread(
            nxt,
            f"'{last} {nxt.text}': {last!r} may be the amount's first digit, which the scan "
            "read as a letter; the amount is unsure",
        )
        if head:
            t.text = head
        else:
            t.kind, t.value = FRAG, None
        t.notes.append(f"{last!r} before {nxt.text!r} taken for a digit the scan misread")


def amount_after_digits(tokens: list[Token]) -> None:
    """``[0000 700``: a number one space after a piece of three digits or more that the scan
    tore from its neighbours (a box rule glued before it) may be the last group of the same
    amount, whose first groups the scan garbled (13,009,100): no footnote marker holds three
    digits, and a date's debris is not digits alone. The amount is left unread, with a note."""
    for t, nxt in zip(tokens, tokens[1:], strict=False):
        if (
            t.kind == FRAG
            and sum(c.isdigit() for c in t.text) >= 3
            and t.text[-1:].isdigit()
            and nxt.kind == NUM
            and not nxt.malformed
            and not nxt.dollar
            and nxt.text.isdigit()
            and len(nxt.text) <= 3
            and nxt.x - (t.x + len(t.text)) <= 2
        ):
            _leave_unread(
                nxt,
                f"'{t.text} {nxt.text}': a number right after digits the scan tore off, maybe"
                " the last group of one amount whose first groups it garbled; left unread",
            )


def amount_after_by(tokens: list[Token]) -> None:
    """``Common   BY 7.241``: an amount right after a lone ``By``, the word a nature of
    ownership opens on, stands where no amount does (the balance comes before the ownership
    form and the nature): a value the scan garbled (377,211 read ``7.241``, the ``I`` before
    ``By`` lost), left unread with a note rather than read as the balance."""
    for t, nxt in zip(tokens, tokens[1:], strict=False):
        if (
            t.kind == TEXT
            and t.text.casefold() == "by"
            and nxt.kind == NUM
            and not nxt.malformed
            and not nxt.dollar
            and _AMOUNT_LIKE.fullmatch(nxt.text)
        ):
            _leave_unread(
                nxt,
                f"'{t.text} {nxt.text}': an amount right after the word a nature of ownership"
                " opens on, where no amount stands (a value the scan garbled?); left unread",
            )


def _leave_unread(tok: Token, note: str) -> None:
    """An amount the text shows but does not say for sure: unread (its cell left empty), said."""
    tok.notes.append(note)
    tok.kind, tok.value, tok.malformed = NUM, None, True


_AMOUNT_LIKE = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:\.\d+)?")
_DIGIT_LIKE = frozenset("gqBSOolIZz")
"""Letters a scan reads for a digit (``g`` and ``B`` for 8, ``q`` for 9, ``S`` for 5, ``O``
for 0, ``l`` and ``I`` for 1, ``Z`` for 2)."""
_THREE_FIRST = re.compile(r"\d{3},\d{3}")


_KIND_LETTER = {TEXT: "T", DATE: "D", NUM: "N", LETTER: "L", FRAG: "F", MARKER: "M", NA: "A"}


def _spelled(tokens: list[Token]) -> str:
    """The row's kinds of token, one letter each (``TDLNN``): what the mending passes of
    :func:`mend_tokens` look for in neighbours, found with one substring test."""
    return "".join([_KIND_LETTER.get(t.kind, "I") for t in tokens])


def mend_tokens(
    tokens: list[Token], header_date: dt.date | None, piped: bool, scan: bool = False
) -> None:
    """The repairs of a row's tokens, in order: a torn date's year (:func:`ocr.rebuild_dates`:
    a date, then its debris, a fragment or a number), a number cut in two
    (:func:`ocr.join_split_numbers`: two numbers side by side), a class letter read as a code
    (:func:`_join_class_letter`: a word, then a letter; in a scan, ``scan``, a cell apart too)
    and, in markdown, a date a cell border cut (:func:`_join_cut_dates`: a word or date then a
    number, or a number then a date). Each
    acts only on such neighbours, which most rows lack: the kinds are spelled out once and
    each pass runs only where its neighbours are there. A pass that acts drops a token (it
    joins two, or takes debris off), so the kinds are spelled again only when the count fell."""
    n = len(tokens)
    kinds = _spelled(tokens)
    if "DN" in kinds or "DF" in kinds:
        ocr.rebuild_dates(tokens, header_date)
        if len(tokens) != n:
            n, kinds = len(tokens), _spelled(tokens)
    if "NN" in kinds:
        ocr.join_split_numbers(tokens)
        if len(tokens) != n:
            n, kinds = len(tokens), _spelled(tokens)
    if "TL" in kinds:
        _join_class_letter(tokens, scan)
        if len(tokens) != n:
            kinds = _spelled(tokens)
    if piped and ("TN" in kinds or "DN" in kinds or "ND" in kinds):
        _join_cut_dates(tokens)


CLASS_WORD = re.compile(r"(?:^|\s)(?:Class|Series|Tranche)$", re.I)


def _join_class_letter(tokens: list[Token], scan: bool = False) -> None:
    """``Class`` / ``A`` split into two tokens: the letter is the name's, not a code. In the
    form no letter column (code, (A)/(D), D/I) follows a text column: a title is followed by a
    date or a price, an underlying title by its amount, and the nature of ownership ends the
    row -- so a letter right after ``Class``, ``Series`` or ``Tranche`` is a word. In a scan
    (``scan``: OCR's layout text, each line spaced on its own) the letter may stand a cell
    apart (``Class   A``): joined too, with a doubt (a value between them the scan lost would
    leave the letter a code's); it had been left out, leaving ``Class Common Stock``."""
    i = 1
    while i < len(tokens):
        t, prev = tokens[i], tokens[i - 1]
        if (
            t.kind == LETTER
            and prev.kind == TEXT
            and not prev.marks
            and (prev.cell == t.cell or scan)
            and CLASS_WORD.search(prev.text)
        ):
            if prev.cell != t.cell:
                prev.notes.append(
                    f"'{prev.text.split()[-1]}' and '{t.text}' set apart in the scan taken for"
                    f" one name '{prev.text.split()[-1]} {t.text}': no letter column follows a"
                    " text column; unsure"
                )
            prev.text = f"{prev.text} {t.text}"
            prev.marks.extend(t.marks)
            del tokens[i]
            continue
        i += 1


_CUT_DATE = re.compile(r"\d{1,2}/\d{1,2}/(\d{2,3})")


_MONTH_CUT = re.compile(r"\d/\d{1,2}/\d{4}")


def _join_cut_dates(tokens: list[Token]) -> None:
    """A date a markdown cell border cut in two (:func:`_cut_date`) put back in one token. After
    a join the walk steps back one, so that a date joined in its year is tried for a cut month
    too (``|1|2/09/20|16|``)."""
    i = 0
    while i + 1 < len(tokens):
        a, b = tokens[i], tokens[i + 1]
        cut = _cut_date(a, b)
        if cut is None:
            i += 1
            continue
        text, date, kept, said = cut
        tokens[i] = Token(DATE, text, a.cell, a.x, date, marks=[*b.marks], notes=[*kept, said])
        del tokens[i + 1]
        i = max(i - 1, 0)


def _cut_date(a: Token, b: Token) -> tuple[str, object, list[str], str] | None:
    """The date two neighbouring cells make, its value, the notes kept and what was done; None
    where they make none.

    Cut in its year (``12/09/202|4``, ``09/30/20|21``): the cell's last piece and the next
    cell's lone digits make a four-digit year of this century or the last. A three-digit year
    is no year, so that join is sure (a repair); a two-digit one is a year a filer may write,
    and the next cell's two digits may be a value of their own: joined, unsure.

    Cut in its month (``|1|2/09/2016|``): a lone ``0`` or ``1`` in the cell right before a date
    of a one-digit month makes a two-digit one. The date alone is a date too (February 9th),
    so neither reading is sure: joined, as the lone digit fits no column, unsure."""
    if b.cell != a.cell + 1:
        return None
    m = _CUT_DATE.fullmatch(a.text) if a.kind in (TEXT, DATE) and not a.marks else None
    if m is not None:
        if (
            b.kind != NUM
            or b.dollar
            or not b.text.isdigit()
            or len(m[1]) + len(b.text) != 4
            or (m[1] + b.text)[:2] not in ("19", "20")
        ):
            return None
        text = a.text + b.text
        date = parse_date(text)
        if date is None:
            return None
        said = f"joined date split across cells: {a.text!r} and {b.text!r} read as {text!r}"
        if len(m[1]) == 2:
            said += " (or a two-digit year and a value of its own); unsure"
        return text, date, a.notes, said
    if not (
        a.kind == NUM
        and a.text in ("0", "1")
        and not a.marks
        and b.kind == DATE
        and _MONTH_CUT.fullmatch(b.text)
    ):
        return None
    text = a.text + b.text
    date = parse_date(text)
    if date is None:
        return None
    said = (
        f"joined date split across cells: {a.text!r} and {b.text!r} read as {text!r} "
        f"(or {b.text!r} with a stray {a.text!r}); unsure"
    )
    return text, date, b.notes, said


_GLUED_MARK = r"(?:\(\d{1,2}\)|\[\d{1,2}\]|[\u00b9\u00b2\u00b3\u2070-\u2079])"


_GLUED_MARK_AT = re.compile(_GLUED_MARK)


def ends_in_marker(row: Row, tok: Token) -> bool:
    """The cell's last word carries a footnote marker glued on (``Footnotes(1)(2)``); a marker
    after a space may be the next column's footnote-only cell."""
    if tok.kind != TEXT or not tok.marks or not tok.text or tok.cell >= len(row.cells):
        return False
    word = tok.text.rsplit(" ", 1)[-1]
    cell = row.cells[tok.cell]
    at = cell.find(word)
    while at >= 0:  # ``re.search(re.escape(word) + _GLUED_MARK, cell)``, with no pattern made
        if _GLUED_MARK_AT.match(cell, at + len(word)):
            return True
        at = cell.find(word, at + 1)
    return False


def number_tails(tokens: list[Token], dropped: list[Token]) -> list[Token]:
    """Two integers' worth of digits in cells side by side, one of them left over for want of
    a column, the left with no sign or marker, the right a short bare integer: a border may
    have cut one amount in two.

    - ``12,629.04 | 2``: a fractional amount's last decimals cut into the next cell. The placed
      one of the two takes the joined number.
    - ``61,296,637 | 632`` (pymupdf4llm-layout, remix seed 1123: ``|Common Stock
      (restricted)<br>61,296,637|632|I|...``): one amount cut between its groups
      (61,296,637,632, as filed there), or two values, one out of place? The text does not
      say; read as the placed one alone it had been a holding of 632. The placed one is left
      empty, said."""
    for k in range(len(tokens) - 1):
        a, b = tokens[k], tokens[k + 1]
        if not (a in dropped) ^ (b in dropped):
            continue
        if not (
            a.kind == NUM
            and b.kind == NUM
            and b.cell == a.cell + 1
            and not a.dollar
            and not a.marks
            and not b.marks
            and b.text.isdigit()
        ):
            continue
        keep, gone = (b, a) if a in dropped else (a, b)
        if "." in a.text and len(b.text) <= 3:
            joined = a.text + b.text
            value = parse_number(joined)
            if value is None:
                continue
            keep.notes.append(f"joined number split across cells {a.text!r} + {b.text!r}")
            keep.text, keep.value, keep.malformed = joined, value, False
            keep.dollar = a.dollar
            keep.marks = [*a.marks, *b.marks]
        elif "," in a.text and len(b.text) == 3 and not b.dollar:
            keep.notes.append(
                f"{a.text!r} and {b.text!r} in cells side by side, one column for them: one"
                f" amount a border cut between its groups ({a.text},{b.text}), or two values?"
                " left empty"
            )
            keep.text, keep.value = f"{a.text} | {b.text}", None
        else:
            continue
        dropped = [t for t in dropped if t is not gone]
    return dropped


_AN_AMOUNT = re.compile(GROUPED_NUMBER.pattern + r"|[1-9]\d{4,}", re.ASCII)


_PRICE_LINE_AFTER_NOUN = re.compile(
    r"(?:Stock|Shares|Units|Warrants|Rights|Options?|Notes|\))(?:<sup>[^<]*</sup>)?"
    r"<br>\$\d[\d,]*(?:\.\d+)?(?:<sup>[^<]*</sup>)?\s*$"
)


def keep_title_cell(tokens: list[Token], cell: str = "") -> None:
    """In a row whose cells are intact, the first cell is the title whole: ``Common Stock, par
    value $0.001`` or ``Series 2019 Notes`` keep their numbers. A date still splits off (OCR
    glues the date onto the title), and a row with merged cells is left to typed reading."""
    if not tokens or tokens[0].kind != TEXT or tokens[0].cell != 0:
        return
    k = 1
    while k < len(tokens) and tokens[k].cell == 0 and tokens[k].kind in (TEXT, NUM, LETTER, NA):
        k += 1
    last = tokens[k - 1]
    if k > 1 and last.kind == NUM and _AN_AMOUNT.fullmatch(last.text):
        # ``Class A Common Stock<br>6,125,376``: an amount grouped in thousands ends no title;
        # the converter put the next cell's amount under the title in one cell. So does a
        # whole number of five digits or more written ungrouped (``Restricted Stock<br>
        # 6125376000``, remix seed 881): a title's numbers are a series, a year, a rate
        k -= 1
    elif k > 1 and last.kind == NUM and last.dollar and _PRICE_LINE_AFTER_NOUN.search(cell):
        # ``Series A<br>Convertible<br>Preferred<br>Stock<br>$0``: a price on a line of its
        # own after the line ending on a security's noun is the next cell's (the exercise
        # price the converter put under the title, pymupdf4llm-layout, remix seed 1081); an
        # amount a title names follows another word (``par value``, ``liquidation preference``,
        # ``principal amount``) or a comma (``Common Stock,<br>$0.0001``), and stays
        k -= 1
    if k == 1:
        return
    head = tokens[0]
    head.text = " ".join(t.text for t in tokens[:k])
    for t in tokens[1:k]:
        head.marks.extend(t.marks)
    del tokens[1:k]


def row_intact(row: Row, layout: tuple[str, ...]) -> bool:
    """The row has the layout's number of cells (trailing empty cells a converter added aside),
    so cell positions mean columns unless the values say otherwise."""
    cells = row.cells
    n = len(cells)
    if n > len(layout):
        last = n - 1  # the last cell with something in it
        while last >= 0 and not cells[last]:
            last -= 1
        n = max(len(layout), last + 1)
    return n == len(layout)
