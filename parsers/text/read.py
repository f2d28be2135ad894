"""Form 3/4/5 text renderings (markdown, tab or space aligned text, OCR) into a :class:`Filing`.

The parser reads the *form*, not a particular converter's output: it finds Table I and Table II
by their titles (or column captions), reads the header boxes by their labels, and lines table
values up against the form's fixed column order by type. The pieces:

- ``text_cells``: rows of cells from pipes, tabs, HTML ``<table>`` or space-aligned text;
  markup stripped, every footnote-marker spelling made one sentinel.
- ``text_tokens`` and ``ocr``: cell words read as typed values; scan and converter damage
  mended, each repair recorded.
- ``text_columns`` and ``text_tables``: tokens aligned to the form's columns; wrapped lines and
  caption blocks handled; doubts become notes.
- ``text_header`` and ``text_footer``: the boxes above the tables; footnotes, remarks and
  signatures below them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import TypeAdapter

from parsers.errors import ParseError
from parsers.known_names import KnownNames
from parsers.limits import Limits
from parsers.model import (
    DerivativeRow,
    Filing,
    NonDerivativeRow,
)
from parsers.text import word_breaks
from parsers.text.cells import EMPTY, HTML, PIPE, SPACE, Row, split_rows
from parsers.text.columns import (
    T1_FORM3,
    T1_FORM4,
    T1_FORM5,
    T2_FORM3,
    T2_FORM4,
    T2_FORM5,
)
from parsers.text.debris import nature_before_its_date
from parsers.text.drafts import Draft, to_model_values
from parsers.text.footer import (
    read_footnotes,
    read_remarks,
    read_signatures,
    tail_lines,
)
from parsers.text.header import (
    Header,
    form_type_of,
    read_header,
    read_more_owners,
    split_by_care_of,
    split_by_issuer_name,
    split_by_known_issuer,
    split_by_signature,
)
from parsers.text.ocr import (
    marker_number_price,
    price_beside_a_broken_balance,
    torn_marker_price,
)
from parsers.text.scan_names import check_names, garbled_title_word
from parsers.text.stray_rows import is_caption_text, title_rest_after_the_form
from parsers.text.tables import (
    cut_in_a_scan,
    par_value_wanting,
    read_table,
    scanned,
    settle_wraps,
)
from parsers.text.tokens import parse_date
from parsers.text.transposed import untranspose

_SQUASH = re.compile(r"[\s|*_#`\\]+")
"""What a title's or caption's letters are squashed apart from: spaces, cell borders and
markdown marks (a cell's line breaks go first: :data:`_BR_TAG`)."""
_BR_TAG = re.compile(r"<br\s*/?>")
"""A cell's line break (``1. Title of<br>Derivative<br>Security``), squashed out of the letters
too: taken out apart, where a line has one, as one class repeated is the faster scan."""
_BOLD = re.compile(r"\*\*(.{1,200}?)\*\*")


def _squashed(text: str) -> str:
    """``text``'s letters squashed together: its line breaks (:data:`_BR_TAG`) and then its
    spaces, borders and marks taken out. The bold pieces of a picture-text block are squashed
    so too: a piece may hold a break (``**Table I - Non-<br>D**``)."""
    return _SQUASH.sub("", _BR_TAG.sub("", text) if "<br" in text else text)


_LETTER = re.compile(r"[a-z]")
_T1 = re.compile(r"table(?:i|1|l)[-–—:.,]*non-?deriv")
_T2 = re.compile(r"table(?:ii|11|ll|il|li|2)[-–—:.,]*der")
_T1_CAPTION = re.compile(r"titleofsecurity")
_T2_CAPTION = re.compile(r"titleofderivativesecurity")
_END = re.compile(
    r"^explanationofresponses|^remarks|/s/|signatureof(?:the)?reportingperson|^reminder"
    # a further reporting person's boxes, repeated below the tables of a joint filing (a
    # scan may read the box's ``1.`` as ``1,`` or ``l.``)
    r"|^(?:[\dli][.,])?nameandaddressofreportingperson",
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])


def parse_text(
    text: str, *, path: str, sha256: str, limits: Limits, known: KnownNames | None = None
) -> Filing:
    """One filing from one text rendering; ``ParseError`` names the file and line when the text
    is not a Form 3/4/5 or stops before its tables end. ``known``: issuer names by ticker, for
    boxes 1 and 2 run together (:func:`parsers.text.header.split_by_known_issuer`)."""
    _require_text(text, path)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows = split_rows(text)
    t1, t2, end = _landmarks(rows, path)
    if t2 is not None and rows[t2].shape is PIPE:
        parted = _part_caption_row(rows[t2])
        if parted is not None:  # Table I's last row, then Table II's title
            rows = [*rows[:t2], *parted, *rows[t2 + 1 :]]
            t2, end = t2 + 1, end + 1
        elif t2 > t1 + 1 and rows[t2 - 1].shape is PIPE:
            # Table II found by its captions, the row above them holding Table I's last row
            # over the title's bold pieces: parted the same way (the title then opens Table II)
            parted = _part_caption_row(rows[t2 - 1])
            if parted is not None:
                rows = [*rows[: t2 - 1], *parted, *rows[t2:]]
                end += 1
    form = form_type_of(rows[:t1]) or "4"
    words = word_breaks.Words(text)  # the text's words, counted once if a reader asks
    head_rows = rows[:t1]
    if rows[t1].shape is PIPE and "Amendmen" in rows[t1].text:
        # Table I's title cut into the cells of the header's last row (pymupdf4llm-layout: box
        # 4's '4. If Amendmen<br>**11/09/2015**<br>**ble I - Non-D**'): the row is the header's
        # too, or box 4's date, the original's, is lost
        head_rows = rows[: t1 + 1]
    header = read_header(head_rows, text, words)
    layouts = {
        "3": ((T1_FORM3, T2_FORM3), ((), ())),
        "5": ((T1_FORM5, T2_FORM5), ((T1_FORM4,), (T2_FORM4,))),
    }
    (t1_fields, t2_fields), (t1_alt, t2_alt) = layouts.get(
        form, ((T1_FORM4, T2_FORM4), ((T1_FORM5,), (T2_FORM5,)))
    )
    orphans: dict[str, list[str]] = {"non_derivative": [], "derivative": []}
    t1_rows = rows[t1 + 1 : t2 if t2 is not None else end]
    if all(r.shape in EMPTY for r in t1_rows):
        above = _table1_above(rows, t1)
        if above is not None:
            t1_rows = rows[above:t1]
            orphans["non_derivative"].append(ABOVE_NOTE)
    t1_rows = untranspose(t1_rows, is_caption_text, len(t1_fields), orphans["non_derivative"])
    t2_rows = rows[t2 + 1 : end] if t2 is not None else []
    t2_rows = untranspose(t2_rows, is_caption_text, len(t2_fields), orphans["derivative"])
    nd = read_table(t1_rows, t1_fields, header.period, t1_alt, orphans["non_derivative"])
    dv = read_table(t2_rows, t2_fields, header.period, t2_alt, orphans["derivative"])
    tail = tail_lines(rows[end:])
    if any(d.undecided is not None for d in (*nd, *dv)):
        settle_wraps((nd, t1_fields), (dv, t2_fields), printed="\n".join(t for _, t in tail))
    if any(d.cuts for d in nd) or any(d.cuts for d in dv):
        found = words.get()
        for d in (*nd, *dv):
            if d.cuts:
                d.notes.extend(word_breaks.settle(d.values, d.cuts, found))
    for d in nd:
        d.notes.extend(word_breaks.unglue_by(d.values))
    for d in dv:
        d.notes.extend(word_breaks.unglue_by(d.values))
    for d in (*nd, *dv):
        title_rest_after_the_form(d)
        par_value_wanting(d)
    for table_rows, drafts in ((t1_rows, nd), (t2_rows, dv)):
        if drafts and any(r.shape == SPACE for r in table_rows) and scanned(table_rows):
            for d in drafts:
                cut_in_a_scan(d)
    if len(nd) + len(dv) > limits.max_rows:
        raise ParseError(
            f"{len(nd) + len(dv):,} table rows, over the limit of {limits.max_rows:,}", path
        )
    read_sigs = read_signatures(tail)
    signed = frozenset(ln for s in read_sigs for ln in s.lines)
    if header.run_together is not None:
        split_by_signature(
            header,
            [t for ln, t in tail if ln in signed or "/s/" in t],
            "\n".join(t for _, t in tail),
        )
        split_by_care_of(header, [r.text for r in rows[:t1]])
        unsigned = "\n".join(t for ln, t in tail if ln not in signed)
        split_by_known_issuer(header, known, unsigned)
        split_by_issuer_name(header, unsigned)
    notes: list[_Values] = [
        dict(line=_line_of(needle, rows[:t1]), field=f, message=msg, kind=note_kind(msg))
        for needle, f, msg in header.notes
    ]
    notes += [dict(field="tables", message=f"{t}: {m}") for t, ms in orphans.items() for m in ms]
    footnotes = read_footnotes(tail, signed)
    numbers = {int(k[1:]) for k in footnotes if k[1:].isdigit()}
    lines = {r.line: r.text for r in rows[t1:end]}
    spaced = {r.line: r.cells for r in rows[t1:end] if r.shape is SPACE}
    texts = lines if numbers else {}
    for d in (*nd, *dv):
        torn_marker_price(d.values, d.notes, numbers)
        if texts:
            marker_number_price(d.values, d.notes, numbers, texts.get(d.line, ""))
        price_beside_a_broken_balance(
            d.values, d.notes, lines.get(d.line, ""), spaced.get(d.line, ())
        )
        nature_before_its_date(d)
    non_derivative = _ND_ROWS.validate_python(
        [_row_values(NonDerivativeRow, "non_derivative", i, d, notes) for i, d in enumerate(nd)]
    )
    derivative = _DV_ROWS.validate_python(
        [_row_values(DerivativeRow, "derivative", i, d, notes) for i, d in enumerate(dv)]
    )
    _check_footnote_refs(
        {"non_derivative": non_derivative, "derivative": derivative}, footnotes, notes
    )
    period = header.period
    if period is None and form.startswith("4"):
        # a Form 4's box 3 is the date of its earliest transaction: the rows' earliest date
        # stands in, with a doubt (a Form 5's box 3 is the issuer's fiscal year end, which no
        # row gives: left empty there)
        dates = [r.transaction_date for r in [*non_derivative, *derivative] if r.transaction_date]
        shown = _header_dates(rows[:t1]) - {header.original_filed}
        if dates and (not shown or min(dates) in shown):
            # box 3's caption not found: the earliest row's date stands in where the header
            # shows it, or shows no date at all (a scan garbled it); where the header shows
            # another date, box 3 may say that one: left empty
            period = min(dates)
            notes.append(
                dict(field="period_of_report", message="box 3 date not found; earliest row date")
            )
    if period is None:
        notes.append(dict(field="period_of_report", message="box 3's date not found: left empty"))
    if (header.original_filed is not None or header.amended) and not form.endswith("/A"):
        form = f"{form}/A"
    if form.endswith("/A") and header.original_filed is None:
        notes.append(
            dict(
                field="date_of_original_submission",
                message="an amendment whose box 4 date of the original filing was not read; "
                "left empty",
                kind="doubt",
            )
        )
    signatures = [dict(name=s.name, date=s.date) for s in read_sigs]
    left_out: list[str] = []
    boxes = [header, *read_more_owners(rows[end:], text, words, left_out)]
    notes += [
        dict(
            field="reporting_owners",
            message=f"a further reporting person's name {name!r} is cut by cell borders where "
            "the text does not say if a space stood there; the person is left out",
        )
        for name in left_out
    ]
    owners = [_owner(h) for h in boxes]
    for i, box in enumerate(boxes[1:], 1):  # a further owner's doubts (a name read across a cut)
        notes += [
            dict(field=f.replace("[0]", f"[{i}]", 1), message=msg, kind=note_kind(msg))
            for _, f, msg in box.notes
        ]
    fmt = _format(rows, t1, end, nd + dv, header.repaired)
    table_rows = rows[t1:end]
    if fmt == "ocr" or (any(r.shape is SPACE for r in table_rows) and scanned(table_rows)):
        # a scan's box 1 may have misread a letter of the name: asked of every scan, whether
        # or not a value of it was mended (``ocr`` says only that one was)
        names = [h.owner_name for h in boxes]
        boxed = [i > 0 for i in range(len(boxes))]  # joint filers' boxes are below the tables
        for i, doubt in enumerate(check_names(names, boxed, [t for _, t in tail])):
            if doubt is not None:
                owners[i]["name"] = None
                notes.append(dict(field=f"reporting_owners[{i}].name", message=doubt))
        for i, owner in enumerate(owners):  # nor does any text check its written title
            for f in ("officer_title", "other_text"):
                title = owner.get(f)
                if isinstance(title, str) and (word := garbled_title_word(title)) is not None:
                    owner[f] = None
                    notes.append(
                        dict(
                            field=f"reporting_owners[{i}].{f}",
                            message=f"box 5's title {title!r} holds {word!r}, a word no title is"
                            " typed with (a letter the scan misread?); left empty",
                        )
                    )
    if header.joint and len(owners) == 1:
        notes.append(
            dict(
                field="reporting_owners",
                message="box 6 says more than one reporting person; only one is named in the text",
            )
        )
    if not signatures:
        notes.append(dict(field="signatures", message="no signature found"))
    # the parts as plain values, validated once as the Filing: the same models as building each
    # part on its own would make, without a validator call per note and per box
    return Filing(
        form_type=form,
        source=dict(path=path, sha256=sha256, format=fmt),
        issuer=dict(name=header.issuer_name, ticker=header.ticker),
        reporting_owners=owners,
        period_of_report=period,
        date_of_original_submission=header.original_filed,
        aff10b5_one=header.aff10b5_one,
        not_subject_to_section16=header.not_subject_to_section16,
        signatures=signatures,
        non_derivative=non_derivative,
        derivative=derivative,
        footnotes=footnotes,
        remarks=read_remarks(tail, signed),
        notes=notes,
    )


REPAIRS = (
    "rebuilt from OCR fragments",
    "dropped OCR fragment",
    "joined number split across cells",
    "joined date split across cells",  # a three-digit year and the next cell's digit
    "joined a point or comma",  # a border cut before it: ``By Max R`` | ``. Schaufeld``
    "OCR damage in",
    "OCR letter",
    "ignored OCR debris",
    "read '",  # a number whose thousands separator was read as a space: read '64 327' as 64327
)
"""How the repairs of this package begin: each undoes damage whose cause the text shows (a
thousands separator split across cells, an OCR ``O`` where only a digit can stand, a fragment
that repeats its neighbour, a torn year rebuilt from the header's date), so the value is
certain. Every other note of the text reader is a doubt: a reading the form's structure makes
likely but not certain (a value pushed under its row, a date placed by a marker beside it, boxes
1 and 2 split by the signature's name) is a doubt even where it begins "read". So is a (D) read
from a balance after below the row's amount ("read (D): ..."): a row reports the balance after
it, but real filers at times put the filing's final balance on every row (the audit's
``within filing`` breaks), so the arithmetic makes (D) likely, not certain."""


def note_kind(message: str) -> Literal["repair", "doubt"]:
    """A note that says it is unsure is a doubt whatever its first word ("read from the cell
    that also held 5; unsure" begins as a repair does)."""
    if "unsure" in message:
        return "doubt"
    return "repair" if message.startswith(REPAIRS) else "doubt"


def _line_of(needle: str | None, rows: list[Row]) -> int | None:
    if needle:
        for row in rows:
            if needle in row.text:
                return row.line
    return None


ABOVE_NOTE = (
    "Table I's column captions and cells are printed above its title, nothing below it: the "
    "lines from its '1. Title of Security' caption to its title are read as the table"
)
_TITLE_OF = re.compile(r"1\.\s*Title\s+of\b")


def _table1_above(rows: list[Row], t1: int) -> int | None:
    """Where Table I's own captions begin above its title line, when a converter printed the
    table's captions and cells before its title (markitdown: ``1. Title of`` / ``Security
    (Instr. 3)`` ... ``Common Stock`` / ``7,400`` / ``D`` ... ``Table I - Non-Derivative``):
    the form's header holds no box titled so, and Table II's captions name the derivative."""
    for k in range(t1 - 1, -1, -1):
        text = rows[k].text
        if text[:1] == "1" and _TITLE_OF.match(text):
            caption = " ".join(r.text for r in rows[k : k + 3])
            if "Security" in caption and "erivative" not in caption:
                return k
            return None
    return None


def _require_text(text: str, path: str) -> None:
    if not text or text.isspace():  # ``not text.strip()``, without copying the text
        raise ParseError("file is empty", path, 1)
    head = text[:1024]  # binary formats show control bytes from their first bytes on
    # the count _CONTROL.findall gives, by bytes.translate: UTF-8 writes every other character
    # (a lone surrogate too, with surrogatepass) in bytes of 0x80 and over, never a control's
    raw = head.encode("ascii") if head.isascii() else head.encode("utf-8", "surrogatepass")
    bad = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    if bad > max(8, len(head) // 50) or text.find("\x00", 0, 4096) >= 0 or head.startswith("%PDF-"):
        line = head.count("\n", 0, _first_control(head)) + 1
        raise ParseError("file is binary, not a text rendering of a filing", path, line)


def _first_control(head: str) -> int:
    m = _CONTROL.search(head)
    return m.start() if m else 0


_KINDS: dict[str, int] = {}
""":func:`_landmark_kind` of texts seen: the form's titles and captions recur in every filing
(emptied when full)."""
_KINDS_MAX = 16384


def _landmark_kind(head: str) -> int:
    """Bit 1: Table I title or caption; bit 2: Table II's; bit 4: what follows the tables."""
    kind = _KINDS.get(head)
    if kind is None:
        if len(_KINDS) >= _KINDS_MAX:
            _KINDS.clear()
        kind = _KINDS[head] = _landmark_kind_fresh(head)
    return kind


def _landmark_kind_fresh(head: str) -> int:
    low = head.lower()
    if not (
        "tab" in low  # "table", or a piece of it a converter cut ("**Ta**|**ble I - Non-D**")
        or "ble" in low
        or "title" in low
        or "explanation" in low
        or "remarks" in low
        or "/s/" in low
        or "signature" in low
        or "reminder" in low
        or "address" in low
        or "(middle)" in low
    ):
        return 0
    sq = _squashed(low)
    if "**" in low:  # a picture-text block: the bold title's pieces among the boxes' words
        pieces = _BOLD.findall(low)
        sq += "\n" + _squashed("".join(pieces))
        # and without the boxes' bold values that hold no letter (box 4's date between the
        # title's "**Ta**" and "**ble I - Non-D**" in the cells of one row)
        sq += "\n" + _squashed("".join(p for p in pieces if _LETTER.search(p)))
    if "**<br>**" in low:
        # a two-line bold title cut into cells, each holding its piece of both lines:
        # "**Ta** **ble II - De**<br>**(e.g** **rivative Securities**<br>**., puts": after each
        # break, the first bold piece is a cell's second line and the last the next cell's first
        chunks = [_BOLD.findall(c) for c in low.split("<br>")]
        firsts = chunks[0] + [c[-1] for c in chunks[1:] if len(c) > 1]
        sq += "\n" + _squashed("".join(firsts))
    kind = 0
    if _T1.search(sq) or (_T1_CAPTION.search(sq) and "derivative" not in sq[:60]):
        kind |= 1
    if _T2.search(sq) or _T2_CAPTION.search(sq):
        kind |= 2
    if (
        _END.search(sq)
        or ("(last)" in low and "(middle)" in low)
        or ("**" in low and _END.search(_squashed(_BOLD.sub("", low))))
    ):
        # (or a further reporting person's box whose caption a converter cut into cells,
        # "1. Name an<br>**PLP Fund**<br>(Last) ... d Address of Repo": its sub-captions stay;
        # or its caption alone, the bold name read out of it: "1. Name an<br>**Rogers Er**|d
        # Address of Repo<br>**ica J.**|rting Person", the sub-captions on the row below)
        kind |= 4
    return kind


def _landmarks(rows: list[Row], path: str) -> tuple[int, int | None, int]:
    """Row indexes of the Table I title, the Table II title and the first row after the tables.

    A rendering that has Table I but neither Table II nor anything that follows the tables
    (footnotes, remarks, signature) was cut short: it is refused rather than read as complete.
    """
    t1 = t2 = end = None
    kinds = _KINDS
    for i, row in enumerate(rows):
        text = row.text
        if not text:
            continue
        head = text[:400]
        kind = kinds.get(head)
        if kind is None:
            kind = _landmark_kind(head)
        if (
            not kind
            and t1 is not None
            and row.shape is PIPE
            and ("(Last)" in head or "(First)" in head)
            and "<br>" in head
        ):
            # a further reporting person's box cut into cells, each cell holding its piece of
            # every line (``|1. Name an<br>**BERKSH**<br>(Last)|d Address of<br>...``): the
            # cells' first lines, in order, are its caption's line
            kind = _landmark_kind(" ".join(c.split("<br>", 1)[0] for c in row.cells)) & 4
        if not kind:
            continue
        if t1 is None:
            if kind & 1:
                t1 = i
            continue
        if t2 is None and kind & 2:
            t2 = i
            continue
        if kind & 4:
            end = i
            break
    if t1 is None:
        first = next((r for r in rows if r.text), None)
        line = first.line if first else 1
        shown = first.text[:60] if first else ""
        raise ParseError(
            f"not a Form 3, 4 or 5: no 'Table I - Non-Derivative Securities' found "
            f"(text starts {shown!r})",
            path,
            line,
        )
    if end is None:
        last = rows[-1].line if rows else 1
        where = "Table II" if t2 is not None else "Table I"
        raise ParseError(
            f"text ends inside {where} with no footnotes, remarks or signature after it: "
            "the filing looks truncated",
            path,
            last,
        )
    return t1, t2, end


_HEADER_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])")


def _header_dates(rows: Sequence[Row]) -> set[dt.date]:
    """Every date written ``MM/DD/YYYY`` in the header's text."""
    dates = (parse_date(m) for row in rows for m in _HEADER_DATE.findall(row.text))
    return {d for d in dates if d is not None}


_BR = re.compile(r"<br\s*/?>", re.I)
_BOLD_LINE = re.compile(r"\s*\*\*.*\*\*\s*")
_VALUE = re.compile(r"\d/\d{1,2}/\d|\$\d|\d\d")
"""A date, a price, or a number of two digits or more (an amount a border cut, ``51,|500``);
not the one-digit ``Instr. 3`` of a caption."""


_SUBTITLE = "egputscallswarrantsoptionsconvertiblesecurities"
"""Table II's subtitle, '(e.g., puts, calls, warrants, options, convertible securities)', as
its letters run: the form's own words, printed under the title."""


def _subtitle_piece(line: str) -> bool:
    """A plain line that is a piece of Table II's subtitle (a converter prints it plain where
    it prints the title bold): three letters or more, no digit, all of them a run of the
    subtitle's letters ('puts, calls', 'arrants, op')."""
    if any(c.isdigit() for c in line):
        return False
    letters = "".join(c for c in line.casefold() if c.isalpha())
    return len(letters) >= 3 and letters in _SUBTITLE


def _part_caption_row(row: Row) -> tuple[Row, Row] | None:
    """A markdown row holding Table I's last row and Table II's title, each cell the row's
    value over the title's bold pieces (pymupdf4llm's layout mode: ``|Class A<br>Common Stoc|
    ...|S<br>**le II - Deriv**|52,777<br>**ative Securitie**|``): parted into the row (its plain
    lines) and the title (its bold lines). Only where the plain lines hold a value (a date, an
    amount, a price) and the bold ones alone hold Table II's title; None otherwise."""
    if "**" not in row.text or "<br" not in row.text.lower():
        return None
    plain: list[str] = []
    bold: list[str] = []
    for cell in row.cells:
        lines = _BR.split(cell)
        titled = [bool(_BOLD_LINE.fullmatch(ln)) or _subtitle_piece(ln) for ln in lines]
        plain.append("<br>".join(ln for ln, t in zip(lines, titled, strict=True) if not t))
        bold.append("<br>".join(ln for ln, t in zip(lines, titled, strict=True) if t))
    values = " ".join(c for c in plain if c)
    title = " ".join(c for c in bold if c)
    if not _landmark_kind_fresh(title) & 2:
        return None
    if not _VALUE.search(values) and not (plain[0] and _LETTER.search(plain[0].lower())):
        # no value: the row above's wrapped words still part off where its title column
        # holds some (``|Common S|ock||**T**|**able II - Der**|``), or they are lost unsaid
        return None
    if _landmark_kind_fresh(values) & 2:
        return None  # the title is in the plain lines too: nothing to part
    first = Row(row.line, tuple(plain), row.xs, row.shape, values, row.block)
    second = Row(row.line, tuple(bold), row.xs, row.shape, title, row.block)
    return first, second


_Values = dict[str, object]
_ND_ROWS = TypeAdapter(list[NonDerivativeRow])
_DV_ROWS = TypeAdapter(list[DerivativeRow])
"""A table's rows validated in one call (as ``cls(**values)`` each would be): cheaper per row."""


def _row_values(
    cls: type[NonDerivativeRow] | type[DerivativeRow],
    table: str,
    index: int,
    draft: Draft,
    notes: list[_Values],
) -> dict[str, object]:
    """The row's model values (its notes appended to ``notes``)."""
    for f, message in draft.notes:
        where = f"{table}[{index}]" + (f".{f}" if f else "")
        notes.append(dict(line=draft.line, field=where, message=message, kind=note_kind(message)))
    values = to_model_values(draft)
    if cls is NonDerivativeRow:
        for key in ("exercise_price", "date_exercisable", "expiration_date"):
            values.pop(key, None)
        for key in ("underlying_title", "underlying_shares"):
            values.pop(key, None)
    return values


def _check_footnote_refs(
    tables: Mapping[str, Sequence[NonDerivativeRow | DerivativeRow]],
    footnotes: dict[str, str],
    notes: list[_Values],
) -> None:
    """A marker with no footnote behind it means a lost or misread footnote: say so."""
    for table, rows in tables.items():
        for i, row in enumerate(rows):
            for f, ids in row.footnotes.items():
                for fid in ids:
                    if fid not in footnotes:
                        notes.append(
                            dict(
                                line=row.line,
                                field=f"{table}[{i}].{f}",
                                message=f"marker {fid} has no footnote in the explanation",
                            )
                        )


def _owner(header: Header) -> _Values:
    return dict(
        name=header.owner_name,
        is_director=header.is_director,
        is_officer=header.is_officer,
        is_ten_percent_owner=header.is_ten_percent_owner,
        is_other=header.is_other,
        officer_title=header.officer_title,
        other_text=header.other_text,
    )


def _format(rows: list[Row], t1: int, end: int, drafts: list[Draft], repaired: bool) -> str:
    """``ocr`` whenever a value had to be mended; otherwise the shape the tables came in."""
    if repaired or any(d.repaired for d in drafts):
        return "ocr"
    shapes = [r.shape for r in rows[t1:end] if r.shape not in EMPTY]
    if not shapes:
        shapes = [r.shape for r in rows]
    if any(s in (PIPE, HTML) for s in shapes):
        return "markdown"
    return "text"
