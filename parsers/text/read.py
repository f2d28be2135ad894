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

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Literal

from parsers.errors import ParseError
from parsers.limits import Limits
from parsers.model import (
    DerivativeRow,
    Filing,
    Issuer,
    NonDerivativeRow,
    Note,
    ReportingOwner,
    Signature,
    Source,
)
from parsers.text.cells import EMPTY, HTML, PIPE, Row, split_rows
from parsers.text.columns import (
    T1_FORM3,
    T1_FORM4,
    T1_FORM5,
    T2_FORM3,
    T2_FORM4,
    T2_FORM5,
)
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
    split_by_signature,
)
from parsers.text.tables import Draft, is_caption_text, read_table, to_model_values
from parsers.text.transposed import untranspose

_SQUASH = re.compile(r"[\s|*_#`\\]+")
_BOLD = re.compile(r"\*\*(.{1,200}?)\*\*")
_T1 = re.compile(r"table(?:i|1|l)[-–—:.,]*non-?deriv")
_T2 = re.compile(r"table(?:ii|11|ll|il|li|2)[-–—:.,]*der")
_T1_CAPTION = re.compile(r"titleofsecurity")
_T2_CAPTION = re.compile(r"titleofderivativesecurity")
_END = re.compile(
    r"^explanationofresponses|^remarks|/s/|signatureof(?:the)?reportingperson|^reminder"
    # a further reporting person's boxes, repeated below the tables of a joint filing
    r"|^(?:\d\.)?nameandaddressofreportingperson",
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def parse_text(text: str, *, path: str, sha256: str, limits: Limits) -> Filing:
    """One filing from one text rendering; ``ParseError`` names the file and line when the text
    is not a Form 3/4/5 or stops before its tables end."""
    _require_text(text, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows = split_rows(text)
    t1, t2, end = _landmarks(rows, path)
    form = form_type_of(rows[:t1]) or "4"
    header = read_header(rows[:t1])
    layouts = {
        "3": ((T1_FORM3, T2_FORM3), ((), ())),
        "5": ((T1_FORM5, T2_FORM5), ((T1_FORM4,), (T2_FORM4,))),
    }
    (t1_fields, t2_fields), (t1_alt, t2_alt) = layouts.get(
        form, ((T1_FORM4, T2_FORM4), ((T1_FORM5,), (T2_FORM5,)))
    )
    t1_rows = rows[t1 + 1 : t2 if t2 is not None else end]
    t1_rows = untranspose(t1_rows, is_caption_text, len(t1_fields))
    t2_rows = rows[t2 + 1 : end] if t2 is not None else []
    t2_rows = untranspose(t2_rows, is_caption_text, len(t2_fields))
    orphans: dict[str, list[str]] = {"non_derivative": [], "derivative": []}
    nd = read_table(t1_rows, t1_fields, header.period, t1_alt, orphans["non_derivative"])
    dv = read_table(t2_rows, t2_fields, header.period, t2_alt, orphans["derivative"])
    if len(nd) + len(dv) > limits.max_rows:
        raise ParseError(
            f"{len(nd) + len(dv):,} table rows, over the limit of {limits.max_rows:,}", path
        )
    tail = tail_lines(rows[end:])
    read_sigs = read_signatures(tail)
    signed = frozenset(ln for s in read_sigs for ln in s.lines)
    if header.run_together is not None:
        split_by_signature(
            header,
            [t for ln, t in tail if ln in signed or "/s/" in t],
            "\n".join(t for _, t in tail),
        )
    notes = [
        Note(line=_line_of(needle, rows[:t1]), field=f, message=msg, kind=note_kind(msg))
        for needle, f, msg in header.notes
    ]
    notes += [Note(field="tables", message=f"{t}: {m}") for t, ms in orphans.items() for m in ms]
    footnotes = read_footnotes(tail, signed)
    non_derivative = [
        _model_row(NonDerivativeRow, "non_derivative", i, d, notes) for i, d in enumerate(nd)
    ]
    derivative = [_model_row(DerivativeRow, "derivative", i, d, notes) for i, d in enumerate(dv)]
    _check_footnote_refs(
        {"non_derivative": non_derivative, "derivative": derivative}, footnotes, notes
    )
    period = header.period
    if period is None:
        dates = [r.transaction_date for r in [*non_derivative, *derivative] if r.transaction_date]
        if dates:
            period = min(dates)
            notes.append(
                Note(field="period_of_report", message="box 3 date not found; earliest row date")
            )
    if header.original_filed is not None and not form.endswith("/A"):
        form = f"{form}/A"
    signatures = [Signature(name=s.name, date=s.date) for s in read_sigs]
    owners = [_owner(header), *(_owner(h) for h in read_more_owners(rows[end:]))]
    if header.joint and len(owners) == 1:
        notes.append(
            Note(
                field="reporting_owners",
                message="box 6 says more than one reporting person; only one is named in the text",
            )
        )
    if not signatures:
        notes.append(Note(field="signatures", message="no signature found"))
    return Filing(
        form_type=form,
        source=Source(
            path=path, sha256=sha256, format=_format(rows, t1, end, nd + dv, header.repaired)
        ),
        issuer=Issuer(name=header.issuer_name, ticker=header.ticker),
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
    "OCR damage in",
    "OCR letter",
    "ignored OCR debris",
    "read ",
)
"""How the repairs of this package begin: each undoes damage whose cause the text shows (a
thousands separator split across cells, an OCR ``O`` where only a digit can stand, a fragment
that repeats its neighbour, a torn year rebuilt from the header's date), so the value is
certain. Every other note of the text reader is a doubt."""


def note_kind(message: str) -> Literal["repair", "doubt"]:
    return "repair" if message.startswith(REPAIRS) else "doubt"


def _line_of(needle: str | None, rows: list[Row]) -> int | None:
    if needle:
        for row in rows:
            if needle in row.text:
                return row.line
    return None


def _require_text(text: str, path: str) -> None:
    if not text.strip():
        raise ParseError("file is empty", path, 1)
    head = text[:1024]  # binary formats show control bytes from their first bytes on
    bad = len(_CONTROL.findall(head)) if _CONTROL.search(head) else 0
    if bad > max(8, len(head) // 50) or "\x00" in text[:4096] or head.startswith("%PDF-"):
        line = head.count("\n", 0, _first_control(head)) + 1
        raise ParseError("file is binary, not a text rendering of a filing", path, line)


def _first_control(head: str) -> int:
    m = _CONTROL.search(head)
    return m.start() if m else 0


@lru_cache(maxsize=16384)
def _landmark_kind(head: str) -> int:
    """Bit 1: Table I title or caption; bit 2: Table II's; bit 4: what follows the tables.
    Cached on the text: the form's titles and captions recur in every filing."""
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
    ):
        return 0
    sq = _SQUASH.sub("", low)
    if "**" in low:  # a picture-text block: the bold title's pieces among the boxes' words
        sq += "\n" + _SQUASH.sub("", "".join(_BOLD.findall(low)))
    kind = 0
    if _T1.search(sq) or (_T1_CAPTION.search(sq) and "derivative" not in sq[:60]):
        kind |= 1
    if _T2.search(sq) or _T2_CAPTION.search(sq):
        kind |= 2
    if _END.search(sq):
        kind |= 4
    return kind


def _landmarks(rows: list[Row], path: str) -> tuple[int, int | None, int]:
    """Row indexes of the Table I title, the Table II title and the first row after the tables.

    A rendering that has Table I but neither Table II nor anything that follows the tables
    (footnotes, remarks, signature) was cut short: it is refused rather than read as complete.
    """
    t1 = t2 = end = None
    for i, row in enumerate(rows):
        text = row.text
        if not text:
            continue
        kind = _landmark_kind(text[:400])
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


def _model_row(
    cls: type[NonDerivativeRow] | type[DerivativeRow],
    table: str,
    index: int,
    draft: Draft,
    notes: list[Note],
) -> NonDerivativeRow | DerivativeRow:
    for f, message in draft.notes:
        where = f"{table}[{index}]" + (f".{f}" if f else "")
        notes.append(Note(line=draft.line, field=where, message=message, kind=note_kind(message)))
    values = to_model_values(draft)
    if cls is NonDerivativeRow:
        for key in ("exercise_price", "date_exercisable", "expiration_date"):
            values.pop(key, None)
        for key in ("underlying_title", "underlying_shares"):
            values.pop(key, None)
    return cls(**values)


def _check_footnote_refs(
    tables: Mapping[str, Sequence[NonDerivativeRow | DerivativeRow]],
    footnotes: dict[str, str],
    notes: list[Note],
) -> None:
    """A marker with no footnote behind it means a lost or misread footnote: say so."""
    for table, rows in tables.items():
        for i, row in enumerate(rows):
            for f, ids in row.footnotes.items():
                for fid in ids:
                    if fid not in footnotes:
                        notes.append(
                            Note(
                                line=row.line,
                                field=f"{table}[{i}].{f}",
                                message=f"marker {fid} has no footnote in the explanation",
                            )
                        )


def _owner(header: Header) -> ReportingOwner:
    return ReportingOwner(
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
