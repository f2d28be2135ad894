"""One filing in two shapes: its EDGAR XML (or data set rows) and a text rendering of it.

A rendering made by a PDF converter or OCR has a different content hash from the XML it was
printed from, and no accession number, so neither idempotency key sees that they are the same
filing. They are recognised here by what they say: the same issuer, the same period, the same
reporting owners by normalised Box 1 name, and the same rows in the same order, where a field
the rendering left empty matches anything (a converter loses cells; it does not invent them).

Whichever arrives first, the structured reading stands: a rendering whose XML is already in the
ledger is not appended (already present), and an XML whose rendering is already there names it
in ``replaced_renderings``, the way an amendment restates an original; the rendering's events
stay in the log.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ledger.events import Event
from ledger.identity import normalise_name

STRUCTURED = frozenset({"xml", "sec_dataset"})
RENDERINGS = frozenset({"markdown", "text", "ocr"})


def shape(source_format: str) -> str | None:
    """``structured``, ``rendering``, or None for a format that takes no part in this."""
    if source_format in STRUCTURED:
        return "structured"
    if source_format in RENDERINGS:
        return "rendering"
    return None


def same_filing(structured: Sequence[Event], rendering: Sequence[Event]) -> bool:
    """Do the events of a structured filing and of a rendering come from one filing?"""
    if not structured or len(structured) != len(rendering):
        return False
    a, b = structured[0], rendering[0]
    if a.issuer_key != b.issuer_key or a.filing.period_of_report != b.filing.period_of_report:
        return False
    if _owners(structured) != _owners(rendering):
        return False
    by_place = {_place(e): e for e in structured}
    return all((s := by_place.get(_place(r))) is not None and _same_row(s, r) for r in rendering)


def _owners(events: Sequence[Event]) -> set[str]:
    return {normalise_name(e.person_name or "") for e in events}


def _place(e: Event) -> tuple[str, int, int]:
    p = e.provenance
    return (p.table, p.row_index, p.owner_index)


def _same_row(s: Event, r: Event) -> bool:
    pairs: list[tuple[object, object]] = [
        (s.security.key, r.security.key),
        (s.security.derivative, r.security.derivative),
        (s.transaction_date, r.transaction_date),
        (_code(s.code), _code(r.code)),
        (s.quantity, r.quantity),
        (s.shares, r.shares),  # an unsided amount has no quantity: its size still must agree
        (s.price, r.price),
        (s.shares_owned_following, r.shares_owned_following),
        (s.ownership.form, r.ownership.form),
        (s.security.exercise_price, r.security.exercise_price),
        (s.security.expiration_date, r.security.expiration_date),
    ]
    return all(_agree(x, y) for x, y in pairs)


def _agree(structured: object, rendering: object) -> bool:
    if rendering is None:
        return True  # the rendering lost the cell: it says nothing against the XML
    if isinstance(structured, Decimal) and isinstance(rendering, Decimal):
        return structured == rendering  # 560000 and 560000.0 are one number
    return structured == rendering


def _code(code: str | None) -> str | None:
    return code.strip().upper()[:1] if code and code.strip() else None
