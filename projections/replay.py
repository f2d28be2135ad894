"""A person's events in the order they happened, each beside its position's running balance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ledger.events import Event
from ledger.store import EventStore
from projections.audit import position_label
from projections.entries import read_entries
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
    """The event's filing was restated by a 4/A: kept in the log, left out of the balances."""

    def as_dict(self) -> dict[str, object]:
        e = self.event
        return {
            "date": e.effective_date.isoformat(),
            "transaction_date": _iso(e.transaction_date),
            "filed_date": _iso(e.filing.filed_date),
            "person": e.person_name or e.person_key,
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
) -> list[ReplayRow]:
    entries = list(read_entries(store, person_keys=person_keys, issuer_key=issuer_key))
    state = rebuild(entries, collect_checks=True)
    events = dict(store.iter_events(person_keys=person_keys, issuer_key=issuer_key))
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
