"""Positions as of the end of a date, and, because a trade reaches the public days later,
as they were *known* on a date (only what had been filed by then)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ledger.events import Event, Security
from ledger.store import EventStore, events_at, iter_noted
from projections.entries import Entry, by_stream, read_entries
from projections.links import ReadView
from projections.people import NameLookup, name_lookup
from projections.projector import rebuild
from projections.spill import Spill

KINDS = ("direct", "indirect", "option", "award", "derivative")
"""What a position is, in the order a snapshot lists them: common stock held directly or
indirectly; ``option``: a right to buy or sell (options, warrants, calls and puts);
``award``: restricted stock units and other awards settled in shares; ``derivative``:
everything else in Table II (convertible classes such as Class B common, preferred, notes)."""

_OPTION = re.compile(
    r"\boptions?\b|right\s+to\s+(buy|sell|purchase)|\bwarrants?\b|\b(calls?|puts?)\b", re.I
)
_AWARD = re.compile(
    r"restricted\s+stock|\b(rsu|psu|dsu)s?\b|\b(stock|share|performance|deferred)\s+units?\b"
    r"|performance\s+(stock|shares?)\b|\bawards?\b|phantom",
    re.I,
)


@dataclass(frozen=True)
class Holding:
    person_key: str
    person_name: str | None
    issuer_key: str
    kind: str
    security: str
    ownership: str
    balance: Decimal | None
    """None where the ledger cannot know it: a change of unknown size or side with no balance
    reported after it (the position is listed, its doubts say why, rather than left out)."""
    opening_inferred: bool
    last_date: dt.date
    last_filing: str
    position_key: str
    expiration_date: dt.date | None = None
    expired: bool = False
    reported_balance: Decimal | None = None
    """Set only where, at the snapshot date, the filer's last reported balance disagrees with
    the ledger's (``balance``): a mistyped row within a filing leaves the ledger's figure
    standing, so both are shown and ``holdings audit`` says why. (After a gap between filings
    the position follows the filer, so the two agree.)"""
    doubts: tuple[str, ...] = ()
    """The parser's doubts the balance rests on: doubted values of this position's events
    since the last balance the filer reported on a row read without doubt."""

    def as_dict(self) -> dict[str, object]:
        return {
            "person": self.person_name or self.person_key,
            "person_key": self.person_key,
            "issuer": self.issuer_key,
            "kind": self.kind,
            "security": self.security,
            "ownership": self.ownership,
            "balance": None if self.balance is None else str(self.balance),
            "opening_inferred": self.opening_inferred,
            "last_date": self.last_date.isoformat(),
            "last_filing": self.last_filing,
            "position_key": self.position_key,
            "expiration_date": self.expiration_date.isoformat() if self.expiration_date else None,
            "expired": self.expired,
            "disputed": self.reported_balance is not None,
            "reported_balance": None
            if self.reported_balance is None
            else str(self.reported_balance),
            "doubted": bool(self.doubts),
            "doubts": " | ".join(self.doubts),
        }


def visible(entries: Iterable[Entry], as_of: dt.date, known_at: dt.date | None) -> list[Entry]:
    out = []
    for e in entries:
        if e.effective_date > as_of:
            continue
        if known_at is not None and (e.filed_date is None or e.filed_date > known_at):
            continue
        out.append(e)
    return out


def snapshot(
    store: EventStore,
    as_of: dt.date,
    *,
    known_at: dt.date | None = None,
    person_keys: list[str] | None = None,
    issuer_key: str | None = None,
    include_expired: bool = False,
    names: Mapping[str, str] | None = None,
) -> list[Holding]:
    """Positions at the end of ``as_of``. Derivatives past their expiration date are left out
    unless ``include_expired``: a lapsed grant is no longer held, whatever its last balance.
    Each person is named as the people projection names them (``names`` where given)."""
    with sorted_holdings(
        store,
        as_of,
        known_at=known_at,
        person_keys=person_keys,
        issuer_key=issuer_key,
        include_expired=include_expired,
        names=names,
    ) as held:
        return list(held)


def sorted_holdings(
    store: EventStore,
    as_of: dt.date,
    *,
    known_at: dt.date | None = None,
    person_keys: list[str] | None = None,
    issuer_key: str | None = None,
    include_expired: bool = False,
    names: Mapping[str, str] | None = None,
) -> Spill[Holding]:
    """``snapshot``'s rows in its order (person, issuer, kind, security), kept on disk past a
    fixed count: a snapshot of the whole ledger prints row by row and holds a chunk. Close it
    (or use it in a ``with``)."""
    order = {k: i for i, k in enumerate(KINDS)}
    out: Spill[Holding] = Spill(
        key=lambda h: (h.person_name or h.person_key, h.issuer_key, order[h.kind], h.security)
    )
    try:
        for h in iter_holdings(
            store,
            as_of,
            known_at=known_at,
            person_keys=person_keys,
            issuer_key=issuer_key,
            include_expired=include_expired,
            names=names,
        ):
            out.add(h)
    except BaseException:
        out.close()
        raise
    return out


ENTRIES = 1_000
"""Entries folded at a time (a batch ends at a stream's end, so a longer stream is one batch)."""


def iter_holdings(
    store: EventStore,
    as_of: dt.date,
    *,
    known_at: dt.date | None = None,
    person_keys: list[str] | None = None,
    issuer_key: str | None = None,
    include_expired: bool = False,
    streams: int = 1_000,
    names: Mapping[str, str] | None = None,
) -> Iterator[Holding]:
    """The same positions as ``snapshot``, in stream order and unsorted, folded a batch of
    streams at a time (``ENTRIES`` entries, or ``streams`` streams, whichever comes first): an
    export of the whole ledger holds one batch in memory, never the log."""
    batch: list[Entry] = []
    count = 0
    view = ReadView.load(store)
    with contextlib.ExitStack() as stack:
        lookup: list[NameLookup] = []

        def named(keys: set[str]) -> Mapping[str, str]:
            """``names``, or the people projection's, opened once, on first need."""
            if names is not None or not keys:
                return names or {}
            if not lookup:
                lookup.append(stack.enter_context(name_lookup(store, view.links)))
            return lookup[0](keys)

        entries = read_entries(store, person_keys=person_keys, issuer_key=issuer_key, view=view)
        for _sid, stream in by_stream(entries):
            batch += visible(stream, as_of, known_at)
            count += 1
            if count >= streams or len(batch) >= ENTRIES:
                yield from _holdings(store, batch, as_of, include_expired, named)
                batch, count = [], 0
        yield from _holdings(store, batch, as_of, include_expired, named)


def _holdings(
    store: EventStore,
    entries: list[Entry],
    as_of: dt.date,
    include_expired: bool,
    named: Callable[[set[str]], Mapping[str, str]],
) -> Iterator[Holding]:
    if not entries:
        return
    state = rebuild(entries)
    doubted = dict(iter_noted(store, doubts_only=True, seqs=[e.seq for e in entries]))
    doubts = resting_doubts(entries, doubted)
    live = [p for p in state.positions.values() if p.last is not None]
    full = events_at(store, [p.last.seq for p in live if p.last is not None])
    names = named({p.person_key for p in live})
    for p in live:
        assert p.last is not None
        event = full[p.last.seq]
        kind = kind_of(event)
        expiry = event.security.expiration_date
        expired = expiry is not None and expiry < as_of
        if expired and not include_expired:
            continue
        yield Holding(
            person_key=p.person_key,
            person_name=names.get(p.person_key, p.last.person_name),
            issuer_key=p.issuer_key,
            kind=kind,
            security=event.security.label,
            ownership=ownership_label(event),
            balance=p.balance,
            reported_balance=p.alternative if p.alternative != p.balance else None,
            opening_inferred=p.opening_inferred,
            last_date=p.last.effective_date,
            last_filing=event.provenance.source_path,
            position_key=p.position_key,
            expiration_date=expiry,
            expired=expired,
            doubts=doubts.get((p.stream_id, p.position_key), ()),
        )


def resting_doubts(
    entries: list[Entry], doubted: dict[int, Event]
) -> dict[tuple[str, str], tuple[str, ...]]:
    """Per position, the doubts its balance rests on: those of its events after the last one
    that reported a balance and was read without doubt (a balance the filer states anew no
    longer rests on an earlier doubted change). Superseded events are left to the fold: a
    doubt in a restated filing still shows, which errs on the side of saying it."""
    out: dict[tuple[str, str], list[str]] = {}
    for e in entries:  # in replay order within each stream
        pid = (e.stream_id, e.position_key)
        event = doubted.get(e.seq)
        if event is not None:
            where = event.provenance.source_path
            out.setdefault(pid, []).extend(
                f"{where}:{n.line or event.provenance.line or ''} {n.field or 'row'}: {n.message}"
                for n in event.doubts
            )
        elif e.reported is not None:
            out.pop(pid, None)
    return {pid: tuple(texts) for pid, texts in out.items() if texts}


def kind_of(event: Event) -> str:
    if not event.security.derivative:
        return "direct" if event.ownership.form == "D" else "indirect"
    return derivative_kind(event.security)


def derivative_kind(security: Security) -> str:
    """``option``, ``award`` or ``derivative`` for a Table II security, read from its title."""
    title = security.title
    if _AWARD.search(title):
        return "award"
    if _OPTION.search(title):
        return "option"
    return "derivative"


def ownership_label(event: Event) -> str:
    """ "indirect (See Footnote)" says nothing on its own: the footnote it points at does."""
    label = event.ownership.label
    texts = [f.text for f in event.footnotes if f.field == "nature_of_ownership" and f.text]
    if event.ownership.form == "I" and texts:
        label = f"{label}: {texts[0]}"
    return label
