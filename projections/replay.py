"""A person's events in the order they happened, each beside its position's running balance."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ledger.events import Event
from ledger.store import EventStore, events_at
from projections.audit import position_label
from projections.entries import Entry, by_stream, read_entries
from projections.links import ReadView
from projections.people import name_lookup
from projections.positions import FoldState
from projections.projector import fold_stream
from projections.spill import Spill


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
    order: tuple[Any, ...] = field(default=(), compare=False, repr=False)
    """Where the row comes in a replay (``replay_rows`` sets it)."""

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
            "shares": _s(e.shares),
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
    with replay_rows(store, person_keys, issuer_key, include_superseded, names) as rows:
        return list(rows)


BATCH = 1_000
"""Entries whose events are read in one query."""


def replay_rows(
    store: EventStore,
    person_keys: list[str] | None,
    issuer_key: str | None = None,
    include_superseded: bool = False,
    names: Mapping[str, str] | None = None,
) -> Spill[ReplayRow]:
    """``replay``'s rows in its order, for any number of people (``person_keys`` None: the
    whole ledger): folded stream by stream, the events of ``BATCH`` entries read at a time,
    the rows sorted on disk past a fixed count (``projections.spill``). Use it in a ``with``.

    The order: folded rows by date (effective, filed), then stream, then fold order within the
    stream (it settles same-day ties by how balances chain); with ``include_superseded`` the
    superseded events join them and all are ordered by their full replay key."""
    view = ReadView.load(store)
    keys = (
        view.links.expand_keys(person_keys)
        if person_keys is not None and view.links
        else person_keys
    )
    out: Spill[ReplayRow] = Spill(key=lambda r: r.order)
    try:
        with contextlib.ExitStack() as stack:
            named: Callable[[set[str]], Mapping[str, str]] = (
                stack.enter_context(name_lookup(store, view.links))
                if names is None
                else (lambda _keys: names)
            )
            batch: list[tuple[str, FoldState, list[Entry]]] = []
            pending = 0
            seen = 0
            entries = read_entries(store, person_keys=keys, issuer_key=issuer_key, view=view)
            for sid, stream in by_stream(entries):
                batch.append((sid, fold_stream(stream, FoldState.collecting()), stream))
                pending += len(stream)
                if pending >= BATCH:
                    seen = _rows(store, batch, view, include_superseded, named, seen, out)
                    batch, pending = [], 0
            _rows(store, batch, view, include_superseded, named, seen, out)
    except BaseException:
        out.close()
        raise
    return out


def _rows(
    store: EventStore,
    batch: list[tuple[str, FoldState, list[Entry]]],
    view: ReadView,
    include_superseded: bool,
    named: Callable[[set[str]], Mapping[str, str]],
    seen: int,
    out: Spill[ReplayRow],
) -> int:
    """A batch of folded streams' rows, into ``out``; returns the entries seen so far (the
    order superseded rows keep among equals)."""
    if not batch:
        return seen
    events = events_at(store, [e.seq for _sid, _state, stream in batch for e in stream])
    names = named({e.person_key for _sid, _state, stream in batch for e in stream})
    for sid, state, stream in batch:
        checks = state.checks or []
        for i, c in enumerate(checks):
            event = events[c.entry.seq]
            by_date = (*c.entry.sort_key[:2], sid, i)
            out.add(
                ReplayRow(
                    event=event,
                    label=position_label(event),
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
                    order=(event.sort_key, False, *by_date) if include_superseded else by_date,
                )
            )
        if include_superseded:
            folded = {c.entry.seq for c in checks}
            for k, e in enumerate(stream):
                if e.seq in folded:
                    continue
                event = events[e.seq]
                out.add(
                    ReplayRow(
                        event=event,
                        label=position_label(event),
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
                        order=(event.sort_key, True, seen + k),
                    )
                )
        seen += len(stream)
    return seen


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _s(d: Decimal | None) -> str | None:
    return None if d is None else str(d)
