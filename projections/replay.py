"""A person's events in the order they happened, each beside its position's running balance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ledger.events import Event
from ledger.store import EventStore
from projections.audit import position_label
from projections.entries import read_entries
from projections.links import ReadView
from projections.people import display_names
from projections.projector import rebuild


@dataclass(frozen=True)
class ReplayRow:
    event: Event
    label: str
    position_key: str
    before: Decimal | None
    running: Decimal | None
    reported: Decimal | None
    opened: bool
    ok: bool
    superseded: bool = False
    """The event's filing was restated by a 4/A, or is a rendering of a filing whose XML is in
    the ledger: kept in the log, left out of the balances."""
    expected: Decimal | None = None
    """The ledger's own figure after the row, where it differs from ``running`` (a gap
    between filings, after which the position follows the filer)."""
    gap: bool = False
    replaced_by: str | None = None
    """For a rendering replaced by its structured reading: that filing's sha256."""
    person_name: str | None = None
    """The person as the people projection names them."""
    person_key: str = ""
    """The person's key as the fold knows it: a linked name key reads as its CIK key."""

    @property
    def check(self) -> str:
        """What a reader needs to know about the row, in a few words."""
        if self.superseded:
            return "superseded by XML" if self.replaced_by else "superseded by 4/A"
        if self.gap:
            return f"GAP: expected {self.expected}"
        if not self.ok:
            return "MISMATCH"
        if self.opened and self.before is not None and self.reported is not None:
            return f"opening {self.before} inferred"
        return ""

    def as_dict(self) -> dict[str, object]:
        e = self.event
        return {
            "date": e.effective_date.isoformat(),
            "transaction_date": _iso(e.transaction_date),
            "filed_date": _iso(e.filing.filed_date),
            "person": self.person_name or e.person_name or e.person_key,
            "person_key": self.person_key or e.person_key,
            "issuer": e.issuer_key,
            "event_type": e.event_type,
            "code": e.code,
            "position": self.label,
            "quantity": _s(e.quantity),
            "price": _s(e.price),
            "running": _s(self.running),
            "reported": _s(self.reported),
            "opening_inferred": _s(self.before) if self.opened else None,
            "ok": self.ok,
            "gap": self.gap,
            "expected": _s(self.expected) if self.gap else None,
            "superseded": self.superseded,
            "footnotes": " | ".join(e.footnote_texts()),
            "filing": e.provenance.source_path,
            "line": e.provenance.line,
            "doubted": ", ".join(n.field or "row" for n in e.doubts),
            "notes": " | ".join(n.text for n in e.notes),
        }


def replay(
    store: EventStore,
    person_keys: list[str],
    issuer_key: str | None = None,
    include_superseded: bool = False,
    names: Mapping[str, str] | None = None,
) -> list[ReplayRow]:
    view = ReadView.load(store)
    keys = view.links.expand_keys(person_keys) if view.links else person_keys
    entries = list(read_entries(store, person_keys=keys, issuer_key=issuer_key, view=view))
    state = rebuild(entries, collect_checks=True)
    events = dict(store.iter_events(person_keys=keys, issuer_key=issuer_key))
    if names is None:
        names = display_names(store, keys, view.links)
    # Fold order within a stream (it settles same-day ties by how balances chain), dates across.
    indexed = list(enumerate(state.checks or []))
    indexed.sort(key=lambda ic: (ic[1].entry.sort_key[:2], ic[1].entry.stream_id, ic[0]))
    checks = [c for _i, c in indexed]
    rows = [
        ReplayRow(
            event=events[c.entry.seq],
            label=position_label(events[c.entry.seq]),
            position_key=c.entry.position_key,
            before=c.before,
            running=c.running,
            reported=c.reported,
            opened=c.opened,
            ok=c.ok,
            expected=c.expected if c.gap else None,
            gap=c.gap,
            person_name=names.get(c.entry.person_key),
            person_key=c.entry.person_key,
        )
        for c in checks
    ]
    if include_superseded:
        folded = {c.entry.seq for c in checks}
        gone = [e for e in entries if e.seq not in folded]
        rows += [
            ReplayRow(
                event=events[e.seq],
                label=position_label(events[e.seq]),
                position_key=e.position_key,
                before=None,
                running=None,
                reported=e.reported,
                opened=False,
                ok=True,
                superseded=True,
                replaced_by=view.replaced.get(e.filing_sha256),
                person_name=names.get(e.person_key),
                person_key=e.person_key,
            )
            for e in gone
        ]
        order = {id(r): r.event.sort_key for r in rows}
        rows.sort(key=lambda r: (order[id(r)], r.superseded))
    return rows


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _s(d: Decimal | None) -> str | None:
    return None if d is None else str(d)
