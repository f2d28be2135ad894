"""Tokens placed into a row's fields, and what is said of the ones that could not be placed.

A token that fits no field is not dropped in silence: where it may have been a value, the
field it might have filled is left empty with a note naming it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise

from parsers.text import ocr
from parsers.text.cells import MARK, MARKS, Row, clean
from parsers.text.columns import CODES, TEXT_FIELDS
from parsers.text.drafts import Draft, mark_ids
from parsers.text.tokens import (
    DATE,
    FRAG,
    IMMED,
    LETTER,
    MARKER,
    NA,
    NUM,
    TEXT,
    Token,
    parse_date,
    parse_number,
)
from parsers.text.word_breaks import FORM_WORDS, Cut, may_be_cut
from parsers.text.wraps import GOES_ON, unfinished

FOOTNOTE_FIELD = {"shares_a": "shares", "shares_d": "shares"}


def lines_side_by_side(draft: Draft, f: str, row: Row, toks: list[Token]) -> None:
    """A text cell a converter's borders cut into cells side by side, two or more of them
    holding lines (``|Common St<br>value $0.00|ock, par<br>1|``): the lines run across the
    cells (``Common St|ock, par`` above ``value $0.00|1``), so the cells' words read one cell
    after the other are out of order ('Common St value $0.00 ock, par 1'). Left empty with a
    doubt. A cell whose words of the field stand on one line beside another's is read as
    before (``|Class A<br>Common Stoc|k<br>03/14/2025|``: its lines need not run across),
    unless the cell of lines ends on a footnote marker or a digit and the next cell opens on a
    small letter (``|By Limited L<br>Company(2)|iability|``, ``|By immediat<br>member 2|e
    family|``): a marker ends its cell's text and no word runs on from a number into small
    letters, so the piece goes on a line above, and read cell after cell the words are out of
    order (``By Limited L Company iability``)."""
    lined = 0  # cells with the field's words on two lines or more
    ended = False  # a cell of lines whose last line cannot run on into the next cell
    whole = False  # a cell of lines whose last line ends on a whole word
    for c in sorted({t.cell for t in toks if t.kind == TEXT}):
        if c >= len(row.cells):
            continue
        if ended and row.cells[c].lstrip()[:1].islower():
            lined = 2  # ``By Limited L<br>Company(2)|iability``: the piece goes on a line above
            break
        if whole and _TORN_PIECE.fullmatch(clean(row.cells[c].split("<br>")[0]).strip()):
            # ``|Class A<br>Ordinar<br>Shares|y<br>18,509,696,000|``: a letter or two in
            # small letters, no word, after a cell of lines ending on a whole word: torn
            # from a word on a line above (``Ordinar|y``); read last, it garbled the title
            lined = 2
            break
        ended = whole = False
        if "<br>" not in row.cells[c]:
            continue
        words = {w for t in toks if t.cell == c for w in t.text.split()}
        parts = [clean(part, markers=True) for part in row.cells[c].split("<br>")]
        lines = [set(MARKS.sub("", part).split()) for part in parts]
        if sum(bool(words & line) for line in lines) > 1:
            lined += 1
            ended = parts[-1][-1:] == MARK or parts[-1][-1:].isdigit()
            whole = (parts[-1].split() or [""])[-1].casefold() in FORM_WORDS
    if lined >= 2:
        why = "that each hold lines: a border cut the cell's lines"
    elif f in _TITLES and _word_beside_a_whole_title(row, toks):
        why = "the first of lines ending on a security's noun, the next on none beside it"
    else:
        return
    draft.cuts[:] = [c for c in draft.cuts if c.field != f]
    draft.leave_empty(
        f,
        f"{draft.values.get(f)!r} is read from cells side by side, {why}: its words run"
        " across the cells, not one cell after the other; left empty",
    )


_TITLES = ("security_title", "underlying_title")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def _word_beside_a_whole_title(row: Row, toks: list[Token]) -> bool:
    """``|Subordinate<br>Shares|Voting|``: a cell of lines ending on a security's noun, the
    next cell's words on one line and ending on none (``Voting``, no word a title goes on
    with after its noun): read one cell after the other, the title ends on them
    ('Subordinate Shares Voting'), but a title ends on its noun, so the words stand on a line
    above, which the text does not say."""
    cells = sorted({t.cell for t in toks if t.kind == TEXT})
    for a, b in pairwise(cells):
        if b != a + 1 or b >= len(row.cells) or "<br>" not in row.cells[a]:
            continue
        own = " ".join(t.text for t in toks if t.cell == a and t.kind == TEXT)
        beside = " ".join(t.text for t in toks if t.cell == b and t.kind == TEXT).split()
        parts = [p for p in row.cells[b].split("<br>") if _HAS_LETTER.search(p)]
        if (
            len(parts) == 1
            and beside
            and beside[0][:1].isupper()
            and not unfinished(own)
            and unfinished(beside[-1])
            and beside[0].casefold() not in GOES_ON
        ):
            return True
    return False


_TORN_PIECE = re.compile(r"(?!(?:a|of|to|by|or|in|on|an|as|at)$)[a-z]{1,2}")
"""A cell's first line that is a piece of a word, no word: one or two small letters."""


MARK_THEN_BREAK = re.compile(r"(?:\)|\]|</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹])\s*<br>")
"""A cell line that ends on a marker's last character, then another line (a cheap test)."""


def lines_past_a_marker(draft: Draft, f: str, row: Row, toks: list[Token]) -> None:
    """A text cell whose lines go on with words past a line that ends on a footnote marker
    (``|Common<sup>(1)</sup><br>Common|``): a marker follows its cell's last word, so the
    words below it are another row's, which the converter ran into this one (its amounts
    stand two to a cell: ``0<br>D<br>21,169,379,000<br>D``). Which words are this row's the
    text does not say for sure: left empty."""
    for c in sorted({t.cell for t in toks if t.kind == TEXT}):
        if c >= len(row.cells) or not MARK_THEN_BREAK.search(row.cells[c]):
            continue
        parts = [clean(part, markers=True).rstrip() for part in row.cells[c].split("<br>")]
        for k, part in enumerate(parts[:-1]):
            if (
                part.endswith(MARK)
                and any(ch.isalpha() for ch in part)  # (``(2)<br>Class A``: another cell's)
                and any(ch.isalpha() for p in parts[k + 1 :] for ch in p)
            ):
                draft.cuts[:] = [cut for cut in draft.cuts if cut.field != f]
                draft.leave_empty(
                    f,
                    f"{draft.values.get(f)!r} holds lines past a footnote marker, which ends"
                    " its cell's words: the lines below are another row's, run into this one;"
                    " left empty",
                )
                return


_WINDOW_MARKERS = ("exercise_price", "date_exercisable", "expiration_date")
_PRICE_LINE = re.compile(r"\$\d[\d,]*(?:\.\d+)?")
_MARK_LINE = re.compile(r"<br>\s*(?:<sup>)?\s*\(\d{1,3}\)\s*(?:</sup>)?\s*<br>")
"""A cell's line holding a footnote marker alone, between two lines (a cheap test)."""


def window_markers_in_title(draft: Draft, row: Row, fields: tuple[str, ...]) -> None:
    """A Table II title's cell whose lines run on past lines of footnote markers alone into
    more words (pymupdf4llm-layout, remix seed 1209: ``|Performance<br>Share Units<br>(3)<br>
    (3)<br>(3)<br>Common<br>Stock|9,069,762|0<br>D|``): the converter merged the row's cells
    into the title's, so the markers are the footnote-only cells between the title and the
    underlying title (the exercise price, the date exercisable, the expiration date: three
    lines, three cells) and the words past them the underlying title, the next text column,
    where the cell after holds its amount. Read as one title, it had been 'Performance Share
    Units Common Stock' (wrong). The title is the words above the markers; the words below go
    to the underlying title where those columns say so, else are said and left out."""
    cell = row.cells[0] if row.cells else ""
    if _MARK_LINE.search(cell) is None:
        return
    parts = [clean(p, markers=True).strip() for p in cell.split("<br>")]
    marks = [k for k, p in enumerate(parts) if p and not MARKS.sub("", p).strip()]
    if not marks or marks != list(range(marks[0], marks[-1] + 1)):
        return
    head, tail = parts[: marks[0]], parts[marks[-1] + 1 :]
    while tail and parse_number(MARKS.sub("", tail[-1]).strip()) is not None:
        # ``...<br>(5)<br>Units<br>20,691,000|227,595,000<br>D|`` (remix seed 1269): the
        # underlying's amount merged in below its title, a value, no word of it
        tail = tail[:-1]
    price = None
    if head and _PRICE_LINE.fullmatch(MARKS.sub("", head[-1]).strip()):
        # ``Phantom Stock<br>Units<br>$8.17<sup>(3)</sup><br>(4)<br>(5)<br>Common ...``
        # (pymupdf4llm-layout, remix seed 1233): the exercise price's cell merged in too,
        # above the window's markers; read into the title, it was 'Phantom Stock Units $8.17'
        price, head = head[-1], head[:-1]
        marks = [marks[0] - 1, *marks]
    if not any(c.isalpha() for p in head for c in p) or not any(
        c.isalpha() for p in tail for c in p
    ):
        return
    title = " ".join(MARKS.sub(" ", " ".join(head)).split())
    rest = " ".join(MARKS.sub(" ", " ".join(tail)).split())
    own = mark_ids(m for p in head for m in MARKS.findall(p))
    window = mark_ids(m for k in marks for m in MARKS.findall(parts[k]))
    draft.values["security_title"] = title
    draft.footnotes.pop("security_title", None)
    if own:
        draft.footnotes["security_title"] = list(dict.fromkeys(own))
    if price is not None and draft.values.get("exercise_price") is None:
        draft.values["exercise_price"] = parse_number(MARKS.sub("", price).strip())
        draft.notes.append(
            ("exercise_price", f"read from {price!r}, a line of the title's cell past its words,"
             " above the window's markers: the price's cell merged into the title's; unsure")
        )  # fmt: skip
    marker_lines = len(marks) - (price is not None)
    said = (
        f"the title's cell runs on past {marker_lines} line(s) of footnote markers alone"
        f"{' and a price line above them' if price is not None else ''} into {rest!r}: the"
        " converter merged the row's cells into the title's"
    )
    if len(marks) == len(_WINDOW_MARKERS) and (
        price is not None
        or all(draft.values.get(f) is None and not draft.footnotes.get(f) for f in _WINDOW_MARKERS)
    ):
        for f, ref in zip(_WINDOW_MARKERS, window, strict=True):
            draft.footnotes[f] = [ref]
    next_cell = clean(row.cells[1]).split() if len(row.cells) > 1 else []
    if (
        "underlying_title" in fields
        and _own_or_none(draft.values.get("underlying_title"), rest)
        and next_cell
        and parse_number(next_cell[0]) is not None
        and all(c.isalpha() or c in " ,.$()'-" or c.isdigit() for c in rest)
    ):
        draft.values["underlying_title"] = rest
        draft.notes.append(
            (
                "underlying_title",
                f"{said}; the words past the markers read as the underlying title, the next text"
                " column, its amount in the cell after",
            )
        )
        draft.notes.append(("security_title", f"{said}; the words above the markers read as it"))
        return
    draft.notes.append(
        ("security_title", f"{said}; the words above the markers read as it, {rest!r} left out")
    )
    if _own_or_none(draft.values.get("underlying_title"), rest):
        draft.leave_empty("underlying_title", f"{said}; a piece of its words read here, left empty")


def _own_or_none(value: object, rest: str) -> bool:
    """The underlying title is empty, or a piece of the words past the markers (``$.01`` of
    ``Common Stock, par value $.01``: the tokenizer had taken it as a cell of its own)."""
    return value is None or (isinstance(value, str) and f" {value} " in f" {rest} ")


_PLAN_NUMBER = re.compile(r"(?<![\w.,])\d{3}$")
_PLAN_SECTION = re.compile(r"\([a-z]\)(?![\w(])")


def fill_field(draft: Draft, f: str, toks: list[Token], piped: bool = False) -> None:
    first = toks[0]
    fn_field = FOOTNOTE_FIELD.get(f, f)
    for t in toks:
        for mark in t.marks:
            ids = draft.footnotes.setdefault(fn_field, [])
            fid = f"F{int(mark)}"
            if fid not in ids:
                ids.append(fid)
        for message in t.notes:
            draft.notes.append((fn_field, message))
            draft.repaired = True
    draft.where[f] = first.x
    if f in TEXT_FIELDS:
        if len(toks) == 1:
            text = first.text if first.kind == TEXT else ""
        else:
            words = [t for t in toks if t.kind == TEXT]
            text = " ".join([t.text for t in words])
            if piped:
                for a, b in zip(words, words[1:], strict=False):
                    if a.cell != b.cell and may_be_cut(a.text, b.text, bool(a.marks)):
                        draft.cuts.append(Cut(f, a.text.split()[-1], b.text.split()[0]))
                    elif (
                        a.cell != b.cell
                        and _PLAN_NUMBER.search(a.text)
                        and _PLAN_SECTION.match(b.text)
                    ):
                        # ``| By 401 | (k) Plan |``: a border cut the plan's section, ``401(k)``
                        text = text.replace(f"{a.text} {b.text}", a.text + b.text, 1)
                        draft.notes.append(
                            (
                                f,
                                f"{a.text!r} and {b.text!r} in cells side by side read as"
                                f" {a.text + b.text!r}: a section's letter in brackets follows"
                                " its number with no space (401(k), 403(b))",
                            )
                        )
        # every match of the damage pattern has " l" or a digit: most titles have neither
        if (" l" in text or _HAS_DIGIT.search(text)) and _WORD_DAMAGE.search(text):
            mended = _mend_words(text)
            if mended != text:
                draft.notes.append((f, f"OCR damage in {text!r} read as {mended!r}"))
                draft.repaired = True
                text = mended
        draft.values[f] = text or None
        return
    k = first.kind
    if k in (MARKER, NA, IMMED):
        draft.values[f] = None
        return
    if f == "voluntary":
        draft.values[f] = True
        return
    if k == LETTER and "shares" in f:  # only the letter O gets into an amount: a zero misread
        draft.values[f] = Decimal(0)
        draft.notes.append((fn_field, f"OCR letter {first.text!r} read as 0"))
        draft.repaired = True
        return
    if first.value is None:
        what = "a date" if k == DATE else "a number"
        draft.notes.append((fn_field, f"could not read {first.text!r} as {what}"))
        if f == "transaction_date":
            draft.date_unread = True  # a transaction whose date the text lost, no holding
    elif k == NUM and "shares" in f and _TORN_DECIMALS.match(first.text):
        # ``|... value $0|n<br>ar<br>.01<br>8,635,000|``: decimals with no digit before
        # their point, the rest of an amount a border tore (the title's par value), no count
        # of shares the form prints so
        draft.leave_empty(
            f, f"{first.text!r} opens on its decimal point: torn from an amount beside it"
        )
        return
    elif k == DATE and _SHORT_YEAR.search(first.text, max(0, len(first.text) - 4)):
        # the century is the reader's guess (and a torn-off year's rest may be lost)
        draft.notes.append((fn_field, f"two-digit year: {first.text!r} read as {first.value}"))
        draft.short_years[f] = first.text
    draft.values[f] = first.value


_TORN_DECIMALS = re.compile(r"\s*\.\d")


_SHORT_YEAR = re.compile(r"[/.\-]\d{2}$")
"""Three characters at the end (or before a last line break): searched from four before it."""


_WORD_DAMAGE = re.compile(r" l(?: |$)|(?<!\S)(\d+) \1\d")


_HAS_DIGIT = re.compile(r"\d")


def _mend_words(text: str) -> str:
    """Scan damage inside a text column: a cut-off echo of the next word (``Pacific 20 2021``)
    goes, and a lone lower-case ``l`` among words is the digit (``family member l``)."""
    words = text.split(" ")
    out: list[str] = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w.isdigit() and nxt.isdigit() and len(nxt) > len(w) and nxt.startswith(w):
            continue
        out.append("1" if w == "l" and i > 0 else w)
    return " ".join(out)


def readable_token(tok: Token) -> bool:
    """A dropped token that was a value (not debris): the row's cells may have slid."""
    if tok.kind in (NUM, DATE):
        return tok.value is not None
    return tok.kind == LETTER and bool(tok.value)


UNSURE_FRAG = "unsure: "
"""A token note that makes a value left out as debris a doubt, not a repair (the value may
have been the row's)."""


def note_dropped(
    draft: Draft,
    tok: Token,
    fields: tuple[str, ...],
    cols: list[list[Token]],
    positional: bool,
) -> None:
    """Name the column a stray token most likely belonged to, so the note points somewhere."""
    if tok.kind == FRAG:
        unsure = [n[len(UNSURE_FRAG) :] for n in tok.notes if n.startswith(UNSURE_FRAG)]
        if unsure:
            draft.notes.append((None, f"{tok.text!r}: {'; '.join(unsure)}"))
            return
        why = [n for n in tok.notes if not n.startswith("ignored OCR debris")]
        said = f": {'; '.join(why)}" if why else ""  # (a word taken for debris says why)
        draft.notes.append((None, f"ignored OCR debris {tok.text!r}{said}"))
        draft.repaired = True
        return
    beside = [
        fields[ci]
        for ci, toks in enumerate(cols)
        if any(t.cell == tok.cell and t.kind in (NUM, DATE) for t in toks)
    ]
    if tok.kind in (NUM, DATE) and len(beside) == 1:
        # a piece of figure in the cell of a figure read: that value may be incomplete
        near = FOOTNOTE_FIELD.get(beside[0], beside[0])
        note = (near, f"could not read {tok.text!r} beside the {near} read; unsure")
        draft.notes.append(note)
        draft.left_out.append((tok.text, note))
        return
    gaps: list[str]
    if positional and tok.cell < len(fields) and not cols[tok.cell]:
        gaps = [fields[tok.cell]]
    else:
        before = after = -1
        for ci, toks in enumerate(cols):
            if not toks:
                continue
            if any(t.cell < tok.cell or (t.cell == tok.cell and t.x <= tok.x) for t in toks):
                before = ci
            elif after < 0:
                after = ci
        hi = after if after >= 0 else len(fields)
        gaps = [fields[c] for c in range(before + 1, hi) if not cols[c]]
    sided = bool(gaps) and all(g in ("shares_a", "shares_d") for g in gaps)
    gaps = list(dict.fromkeys(FOOTNOTE_FIELD.get(g, g) for g in gaps))
    shown = tok.text or "marker"
    if readable_token(tok):
        # a value no column takes where it stands: the row's cells may be shifted, so the
        # doubt is on the whole row, not on one column
        target: str | None = None
        message = f"{shown!r} fits no column where it stands; left out (the row may be shifted)"
        draft.left_out.append((tok.text, (None, message)))
        code = draft.values.get("code")
        if (
            tok.kind == LETTER
            and tok.text in CODES
            and code is not None
            and code != tok.text
            and tok.cell > draft.where.get("code", tok.cell)
            and any(draft.where.get(f) == tok.cell for f in ("shares", "shares_a", "shares_d"))
        ):
            # two code letters, the one left out further right, in the cell of the amount read
            # (``P<br>6,183``: a converter stacks the code's cell and the amount's): a letter
            # of a cut word (``INNSUITE|S<br>05/1``) may have been read as the code, and the
            # code left out. (A letter left out before the code may be such a letter itself.)
            draft.code_unsure = True
            draft.leave_empty(
                "code",
                f"{code!r} read as the code, and {shown!r} left out: which"
                " is the row's code, the text does not say; left empty",
            )
    elif len(gaps) == 1 and gaps[0] in _LETTER_FIELDS and any(c.isdigit() for c in shown):
        # ``9,6!`` where only the V column is empty: digits are no letter's, so a piece of an
        # amount beside it (``9,6 | 86`` read as 9,686 where whole), which may be short of it
        target = None
        message = (
            f"could not read {shown!r}; left out: digits, so a piece of an amount beside it"
            f" (which may be short of it) or {gaps[0]}'s value, unsure"
        )
    elif len(gaps) == 1:
        (target,) = gaps
        message = f"could not read {shown!r}; value left empty"
        if sided:  # Table II's amount stands under (A) or (D): its side goes unsaid with it
            draft.notes.append(("acquired_disposed", f"the amount {shown!r} unread: side unsaid"))
    else:
        # no column, or several, could have held it: say which are empty, claim none
        target = None
        which = f"; {' or '.join(gaps)} may be its column" if gaps else ""
        message = f"could not read {shown!r}; left out{which}"
    draft.notes.append((target, message))
    for mark in tok.marks:
        draft.notes.append((target, f"footnote marker F{int(mark)} was on an unreadable value"))


_LETTER_FIELDS = frozenset({"voluntary", "code", "acquired_disposed", "ownership"})
"""Columns that hold a letter, never a digit."""


_PIECE_CHARS = frozenset("0123456789/.,")
"""The characters of a date's or a number's piece a cell border cut off."""


def _value_piece(text: str) -> str | None:
    """A text's last word made of a value's characters (``05/``, ``0``, ``$0.0``), or None."""
    word = text.rsplit(" ", 1)[-1]
    body = word[1:] if word[:1] in ("$", "(") else word
    if body and _PIECE_CHARS.issuperset(body) and any(c.isdigit() for c in body):
        return word
    return None


_VALUE_START = re.compile(r"[\d.,/]")


def value_cut_off_text(
    draft: Draft, tokens: list[Token], fields: tuple[str, ...], cols: list[list[Token]]
) -> None:
    """A text cell ending in a value's piece that the next cell's first token completes
    (``|Common Stock 05/|04/2022|``, ``|Common Stock 0|5/26/2016|``, ``|... Stock 6|,250|``):
    a border cut a date or a number, and the text's last word is its start, or the text's own
    (``par value $0.001|09/30/2021`` joins into no value: untouched). The text is left empty
    with a doubt; so is the value read from the rest where the joined one says another."""
    for ci, toks in enumerate(cols):
        if not toks or toks[-1].kind != TEXT or toks[-1].text[-1:] not in _PIECE_CHARS:
            continue  # (most text cells end in a letter: no value's piece)
        f = fields[ci]
        if f not in TEXT_FIELDS or draft.values.get(f) is None:
            continue
        last = toks[-1]
        end = _value_piece(last.text)
        if end is None:
            continue
        nxt = next((t for t in tokens if t.cell == last.cell + 1), None)
        if nxt is None or not _VALUE_START.match(nxt.text):
            continue
        joined = end + nxt.text
        value: object = parse_date(joined) if "/" in joined else None
        if value is None and ("," in joined or "." in joined) and ocr.GROUPED.fullmatch(joined):
            value = parse_number(joined)
        if value is None:
            continue
        draft.notes.append(
            (
                f,
                f"{end[0]!r} and {nxt.text!r} in cells side by side read as one value, "
                f"{joined!r}: a cell border may have cut it, so {draft.values[f]!r} may end in "
                "its piece: left empty",
            )
        )
        draft.values[f] = None
        draft.blurred.add(f)
        for cj, other in enumerate(cols):
            g = fields[cj]
            if nxt in other and g not in TEXT_FIELDS and draft.values.get(g) not in (None, value):
                draft.notes.append(
                    (
                        FOOTNOTE_FIELD.get(g, g),
                        f"{nxt.text!r} may be the rest of {joined!r}, cut by a cell border: "
                        f"{draft.values[g]} left empty",
                    )
                )
                draft.values[g] = None


def number_cut_beside(
    draft: Draft,
    tokens: list[Token],
    dropped: list[Token],
    fields: tuple[str, ...],
    cols: list[list[Token]],
) -> None:
    """A number left out at a cell's edge that the value across the border continues into one
    number (``|$92.7923 4|2,450|``: the ``4`` of ``42,450``; ``|$16|3.94 ...|``; ``|S 71|8|``):
    a border may have cut the value, so the value read is a part: left empty with a doubt."""
    for t in dropped:
        if t.kind != NUM or not t.text:
            continue
        mine = [u for u in tokens if u.cell == t.cell]
        pairs: list[tuple[Token | None, str]] = []
        if mine and mine[-1] is t:
            after = next((u for u in tokens if u.cell == t.cell + 1), None)
            pairs.append((after, t.text + after.text.lstrip("$") if after else ""))
        if mine and mine[0] is t:
            before = next((u for u in reversed(tokens) if u.cell == t.cell - 1), None)
            pairs.append((before, before.text + t.text if before else ""))
        for across, joined in pairs:
            if across is not None and across.kind == NUM and ocr.GROUPED.fullmatch(joined):
                _doubt_cut_value(draft, t, across, joined, fields, cols)


def scan_number_runs_on(
    draft: Draft, dropped: list[Token], fields: tuple[str, ...], cols: list[list[Token]]
) -> None:
    """A scan's number one space before a token it garbled that opens on a digit (``2 1Do)``),
    or before a number read only by taking its letters for digits (``2 3lo``): the scan may
    have broken one number (``21,600``, ``2,315,111``) at a space, so the number read is a
    part of it, or all of it; which, the text does not say: left empty with a doubt (and the
    mended number after it, a part of the same number, maybe). So are a number and three
    digits one space after it (``2315 111``: ``2,315,111``, its separators lost), both."""
    mended = (
        {id(t): ci for ci, toks in enumerate(cols) for t in toks if _letters_mended(t)}
        if draft.repaired
        else {}
    )
    for ci, toks in enumerate(cols):
        for t in toks:
            if t.kind != NUM or draft.values.get(fields[ci]) is None:
                continue
            end = t.x + len(t.text)
            bad = next((d for d in dropped if d.text[:1].isdigit() and d.x == end + 1), None)
            group = (
                None
                if bad is not None or t.dollar
                else next(
                    (
                        (cj, u)
                        for cj, toks2 in enumerate(cols)
                        for u in toks2
                        if u.x == end + 1 and u.kind == NUM and not u.dollar
                        and id(u) not in mended and _THREE_DIGITS.fullmatch(u.text)
                    ),
                    None,
                )
            )  # fmt: skip
            if group is not None:
                # ``2315 111``: a balance's group separators lost or read as a space (2,315,111),
                # or two values one space apart; which, the text does not say
                cj, u = group
                for f in (fields[ci], fields[cj]):
                    draft.values[f] = None
                    draft.notes.append(
                        (
                            f,
                            f"{t.text!r} and {u.text!r} stand one space apart: one number whose"
                            " separator the scan lost there, or two values; left empty",
                        )
                    )
                continue
            if bad is None:
                bad = next(
                    (u for toks2 in cols for u in toks2 if id(u) in mended and u.x == end + 1),
                    None,
                )
                if bad is None:
                    continue
                after = fields[mended[id(bad)]]
                if draft.values.get(after) is not None:
                    draft.values[after] = None
                    draft.notes.append(
                        (
                            after,
                            f"{bad.text!r}, its letters read as digits, stands one space after"
                            f" {t.text!r}: it may be the rest of one number broken there; left"
                            " empty",
                        )
                    )
            draft.values[fields[ci]] = None
            draft.notes.append(
                (
                    fields[ci],
                    f"{t.text!r} stands one space before {bad.text!r}, which the scan garbled:"
                    " it may be the start of one number broken there; left empty",
                )
            )


_THREE_DIGITS = re.compile(r"\d{3}")


def _letters_mended(t: Token) -> bool:
    """A number read by taking a scan's letters for digits (``3lo`` as 310)."""
    return t.kind == NUM and any(n.startswith("OCR letters in") for n in t.notes)


def _doubt_cut_value(
    draft: Draft,
    t: Token,
    across: Token,
    joined: str,
    fields: tuple[str, ...],
    cols: list[list[Token]],
) -> None:
    """The value read from ``across`` left empty: ``t`` beside it may be its cut piece."""
    for ci, toks in enumerate(cols):
        g = FOOTNOTE_FIELD.get(fields[ci], fields[ci])
        if across in toks and draft.values.get(fields[ci]) is not None:
            draft.notes.append(
                (
                    g,
                    f"{t.text!r}, left out beside it, and {across.text!r} across a cell "
                    f"border read as one number, {joined!r}: the border may have cut it; "
                    f"{draft.values[fields[ci]]} left empty",
                )
            )
            draft.values[fields[ci]] = None


def _word_piece(text: str) -> bool:
    """Letters alone (a comma or the like after them), as a border cuts off a word's piece."""
    core = text[:-1] if text[-1:] in (",", ".", ";", ":", ")") else text
    return 0 < len(core) <= 12 and core.isascii() and core.isalpha()


def _cut_piece(t: Token, first: Token, last: Token, lo: int, hi: int) -> bool:
    """A word's piece a cell border cut off a text field's first or last word, left out in the
    cell beside it (``|Common Stoc|k|``, ``|Common St|ock|``): letters alone (a comma after
    them), in the cell right after the field's last word or right before its first one, where
    a border may run through a word. In a row of the form's cells too: the piece stands in
    another column's cell only because the border was drawn through the word."""
    if t.kind not in (TEXT, LETTER) or not _word_piece(t.text):
        return False
    if t.cell == hi:
        return may_be_cut(last.text, t.text, bool(last.marks))
    return t.cell == lo and may_be_cut(t.text, first.text, bool(t.marks))


PAR_AMOUNT = re.compile(r"\$\s?0?\.\d+")
"""A dollar amount under a dollar, as a par value is written (``$.001``, ``$0.0001``)."""


def _par_value_after(draft: Draft, lost: list[str]) -> bool:
    """A title ending on a comma (``Common Stock,``) and, left out beside it, a dollar amount
    under a dollar (``$.001``) that fitted no column: the par value's amount, the title's own
    (``Common Stock, $.001`` / ``par value``, pdfplumber: remix seed 903, the title had been
    left empty as a part). Put back, said; True where it was."""
    title = draft.values.get("security_title")
    if len(lost) != 1 or not isinstance(title, str) or not title.endswith(","):
        return False
    if not PAR_AMOUNT.fullmatch(lost[0]):
        return False
    entry = next((e for e in draft.left_out if e[0] == lost[0] and e[1][0] is None), None)
    if entry is None:
        return False
    draft.left_out.remove(entry)
    draft.notes.remove(entry[1])
    draft.values["security_title"] = f"{title} {lost[0]}"
    draft.notes.append(
        (
            "security_title",
            f"{lost[0]} beside the title ending on a comma, fitting no column, read as the par"
            " value's amount, the title's own",
        )
    )
    return True


def words_left_out(
    draft: Draft,
    dropped: list[Token],
    fields: tuple[str, ...],
    cols: list[list[Token]],
    positional: bool,
) -> None:
    """A text field read from a cell beside a cell whose words fit no column (``|By SVF I<br>
    (3)|I Beaver (DE)|``, a cell too many: ``By SVF I`` was left out), or from a cell a piece
    of which was left out (``|Common Stoc<br>par value $0.0|k,<br>01<br>09/30/20|``: the
    ``01`` of ``$0.001``), may have lost those words: what it holds is then a part, so it is
    left empty with a doubt. In a row of the form's cells, a cell beside is another column's,
    and its junk (``n.m. x`` under the underlying amount) no part of the text."""
    taken: list[str] = []  # (a par value's amount the title took: no other cell's part)
    for ci, toks in enumerate(cols):
        f = fields[ci]
        if not toks or f not in TEXT_FIELDS or draft.values.get(f) is None:
            continue
        lo, hi = toks[0].cell - 1, toks[-1].cell + 1
        cells = {t.cell for t in toks}
        words = [t for t in toks if t.kind == TEXT and t.text]
        lost = [
            t.text
            for t in dropped
            if (t.kind == TEXT and lo <= t.cell <= hi and not (positional and t.cell not in cells))
            or (t.cell in cells and t.kind not in (MARKER, FRAG) and t.text)
            or (words and _cut_piece(t, words[0], words[-1], lo, hi))
        ]
        if f == "security_title" and _par_value_after(draft, lost):
            taken.extend(lost)
            continue
        lost = [x for x in lost if x not in taken]  # (``... $.001 ... I By ESOP``, plain)
        if lost:
            said = " / ".join(lost)
            draft.notes.append(
                (
                    f,
                    f"{said!r}, in a cell beside it, fits no column and may be part of it: "
                    f"{draft.values[f]!r} left empty",
                )
            )
            draft.values[f] = None
            draft.blurred.add(f)
