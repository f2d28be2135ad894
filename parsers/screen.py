"""The last look at a parsed filing before it leaves the parsers: bytes that no database should
be asked to judge.

Stored text must mean the same on every engine: PostgreSQL refuses a NUL character where
SQLite keeps it, and an index entry has a size limit on one engine and not the other. So what
is decided here, for every input format alike, never reaches a database:

- control characters (NUL, and the other C0 controls but tab and line ends) left in a value by
  a converter are replaced by spaces, with a note naming the field (a repair in prose such as
  footnotes, a doubt in a name, title or figure);
- the values that become keys and indexed columns (names, ticker, CIK, security title, nature
  of ownership) have length limits (``Limits``): a value over one is the file's problem, and the
  file is refused with a ``ParseError`` saying which value and how long it was.

Files that are mostly control bytes never get here: the readers refuse them as binary.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from parsers.errors import ParseError
from parsers.limits import Limits
from parsers.model import Filing, Note

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters a value may not keep (tab, line feed and carriage return may)."""
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_OTHER_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
# How JSON writes a control character (0x7f it leaves as it is): a dump without any of these
# holds none in any value.
_JSON_CONTROL = ("\\u00", "\\b", "\\f", "\x7f")


def screen(filing: Filing, limits: Limits, raw: bytes | str | None = None) -> Filing:
    """``filing`` with control characters replaced (and noted) and its key values checked
    against the limits. ``raw`` is the input it was read from, when at hand: where it holds no
    control character (as almost every input), the values are not walked."""
    _check_lengths(filing, limits)
    if raw is not None:
        if isinstance(raw, str):
            if CONTROL.search(raw) is None:
                return filing
        elif not raw.translate(None, _OTHER_BYTES):  # what is left is the control bytes
            return filing
        # a form feed between pages (pdftotext) rarely reaches a value: walk only if one did
        dumped = filing.model_dump_json()
        if not any(c in dumped for c in _JSON_CONTROL):
            return filing
    notes: list[Note] = []
    _scrub(filing, "", None, notes)
    if notes:
        filing.notes = [*filing.notes, *notes]
    return filing


def _scrub(model: BaseModel, where: str, line: int | None, notes: list[Note]) -> None:
    line = getattr(model, "line", None) or line
    for name in type(model).model_fields:
        value = getattr(model, name)
        field = f"{where}{name}"
        cleaned = _clean(value, field, line, notes)
        if cleaned is not value:
            setattr(model, name, cleaned)


def _clean(value: Any, field: str, line: int | None, notes: list[Note]) -> Any:
    if isinstance(value, str):
        count = len(CONTROL.findall(value))
        if not count:
            return value
        names = sorted({_name(c) for c in CONTROL.findall(value)})
        notes.append(
            Note(
                line=line,
                field=field,
                message=f"{count} control character(s) ({', '.join(names)}) replaced by spaces",
                kind="repair" if field.startswith(_FREE_TEXT) else "doubt",
            )
        )
        return CONTROL.sub(" ", value)
    if isinstance(value, BaseModel):
        _scrub(value, f"{field}.", line, notes)
        return value
    if isinstance(value, list):
        items = [_clean(v, f"{field}[{i}]", line, notes) for i, v in enumerate(value)]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        pairs = {k: _clean(v, f"{field}.{k}", line, notes) for k, v in value.items()}
        return pairs if any(pairs[k] is not value[k] for k in value) else value
    return value


_FREE_TEXT = ("footnotes", "remarks", "signatures")
"""Prose, where a space for a control character changes no figure and no key: a repair. Anywhere
else (a name, a title, a figure) the character may have stood for something: a doubt."""


def _name(char: str) -> str:
    return "NUL" if char == "\x00" else f"0x{ord(char):02x}"


def _check_lengths(filing: Filing, limits: Limits) -> None:
    path = filing.source.path
    values: list[tuple[str, str | None, int, int | None]] = [
        ("issuer name", filing.issuer.name, limits.max_name_chars, None),
        ("issuer ticker", filing.issuer.ticker, limits.max_ticker_chars, None),
        ("issuer CIK", filing.issuer.cik, limits.max_cik_chars, None),
    ]
    for owner in filing.reporting_owners:
        values.append(("reporting owner name", owner.name, limits.max_name_chars, None))
        values.append(("reporting owner CIK", owner.cik, limits.max_cik_chars, None))
    for row in (*filing.non_derivative, *filing.derivative):
        values.append(("security title", row.security_title, limits.max_title_chars, row.line))
        values.append(
            ("nature of ownership", row.nature_of_ownership, limits.max_title_chars, row.line)
        )
    for what, value, limit, line in values:
        if value is not None and len(value) > limit:
            raise ParseError(
                f"{what} is {len(value):,} characters, over the limit of {limit:,} "
                f"(starts {value[:40]!r})",
                path,
                line,
            )
