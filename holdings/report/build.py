"""The data behind a person's page, computed from the projections and nothing else.

The page must say exactly what ``holdings replay`` and ``holdings audit`` say, so it is built
from ``replay`` (running vs reported per event) and ``audit`` (cause of each break, late
filings); it re-derives nothing about balances. Everything else, the reporting person's
relationship to the issuer (box 5) included, comes from the events in the log: source files are
never read again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Context, Decimal

from holdings.edgar_links import filing_index_url
from ledger.events import Event
from ledger.store import EventStore, events_at
from projections.audit import AuditReport, Discrepancy, LateFiling, audit
from projections.entries import Entry, by_stream, read_entries
from projections.people import people
from projections.replay import ReplayRow, replay
from projections.supersede import superseded_filings

DiscrepancyKey = tuple[str, str, int, str]
"""(filing sha256, table, row index, position key): where a replay row and a discrepancy meet."""


@dataclass(frozen=True)
class Step:
    """One event of one position, as the chart and the table show it."""

    event: Event
    before: Decimal | None
    running: Decimal | None
    reported: Decimal | None
    opened: bool
    ok: bool
    discrepancy: Discrepancy | None
    notes: tuple[int, ...]
    """1-based numbers into the position's ``notes``."""

    @property
    def date(self) -> dt.date:
        return self.event.effective_date

    @property
    def value(self) -> Decimal | None:
        """Dollar value of the row: shares times the price the filing reports (exact), or
        None where no price is reported."""
        return trade_value(self.event)


EXACT = Context(prec=200)
"""Arithmetic on filed figures that never rounds (the default context keeps 28 digits)."""


def amount(event: Event) -> Decimal | None:
    """The row's amount as filed, unsigned: also where the filing does not give its side
    (``quantity`` None), as a sale under code S still sold that many shares."""
    if event.shares is not None:
        return event.shares
    return None if event.quantity is None else abs(event.quantity)


def trade_value(event: Event) -> Decimal | None:
    q, price = amount(event), event.price
    if q is None or price is None or q == 0:
        return None
    return EXACT.multiply(q, price)


@dataclass(frozen=True)
class Trades:
    """Open-market and private purchases (code P) or sales (code S) of Table I securities in
    a period: how many, how many shares, and their dollar value where a price is reported."""

    count: int = 0
    shares: Decimal = Decimal(0)
    value: Decimal = Decimal(0)
    unpriced: int = 0
    """Trades without a reported price: counted, their value left out (never guessed)."""

    def plus(self, event: Event) -> Trades:
        q = amount(event) or Decimal(0)
        v = trade_value(event)
        return Trades(
            self.count + 1,
            EXACT.add(self.shares, q),
            EXACT.add(self.value, v or Decimal(0)),
            self.unpriced + (v is None),
        )

    def __add__(self, other: Trades) -> Trades:
        return Trades(
            self.count + other.count,
            EXACT.add(self.shares, other.shares),
            EXACT.add(self.value, other.value),
            self.unpriced + other.unpriced,
        )


BOUGHT_CODES = frozenset({"P"})
SOLD_CODES = frozenset({"S"})


def trades(events: Iterable[Event]) -> tuple[Trades, Trades]:
    """(bought, sold) over non-derivative P and S rows. Exercises, grants, tax withholding and
    gifts move shares but are not buying or selling in the market, so they are valued in the
    event table and left out here."""
    bought, sold = Trades(), Trades()
    for e in events:
        if e.security.derivative or amount(e) is None:
            continue  # (a row of unknown side counts: its code says what it was)
        if e.code in BOUGHT_CODES:
            bought = bought.plus(e)
        elif e.code in SOLD_CODES:
            sold = sold.plus(e)
    return bought, sold


@dataclass
class PositionView:
    key: str
    person_key: str
    security: str
    ownership: str
    derivative: bool
    steps: list[Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    anchor: str = ""

    @property
    def balance(self) -> Decimal | None:
        for s in reversed(self.steps):
            if s.running is not None:
                return s.running
        return None

    @property
    def breaks(self) -> list[Step]:
        return [s for s in self.steps if not s.ok]


@dataclass(frozen=True)
class FilingView:
    sha256: str
    path: str
    form_type: str
    period_of_report: dt.date | None
    filed_date: dt.date | None
    is_amendment: bool
    superseded: bool
    events: int
    accession_number: str | None = None
    url: str | None = None
    """The filing's index page on EDGAR, where its accession number is known."""


@dataclass
class IssuerSection:
    issuer_key: str
    issuer_name: str | None
    ticker: str | None
    relationship: str | None
    positions: list[PositionView]
    filings: list[FilingView]
    audit: AuditReport
    person_name: str | None = None
    person_keys: tuple[str, ...] = ()
    bought: Trades = field(default_factory=Trades)
    sold: Trades = field(default_factory=Trades)
    anchor: str = ""

    @property
    def title(self) -> str:
        name = self.issuer_name or self.issuer_key
        tick = self.ticker or (self.issuer_key if self.issuer_name else None)
        return f"{name} ({tick})" if tick and tick != name else name

    @property
    def events(self) -> int:
        return sum(len(p.steps) for p in self.positions)

    @property
    def late_filings(self) -> list[LateFiling]:
        return self.audit.late_filings

    @property
    def first_date(self) -> dt.date | None:
        dates = [s.date for p in self.positions for s in p.steps]
        return min(dates) if dates else None

    @property
    def last_date(self) -> dt.date | None:
        dates = [s.date for p in self.positions for s in p.steps]
        return max(dates) if dates else None


@dataclass
class PersonPage:
    name: str
    person_keys: list[str]
    sections: list[IssuerSection]

    @property
    def events(self) -> int:
        return sum(s.events for s in self.sections)

    @property
    def discrepancies(self) -> int:
        return sum(len(s.audit.failing) for s in self.sections)

    @property
    def explained(self) -> int:
        return sum(len(s.audit.discrepancies) - len(s.audit.failing) for s in self.sections)

    @property
    def late(self) -> int:
        return sum(len(s.audit.late_filings) for s in self.sections)


@dataclass
class IssuerPage:
    """Every insider of one issuer: a section per person, as on their own pages."""

    issuer_key: str
    sections: list[IssuerSection]

    @property
    def title(self) -> str:
        return self.sections[0].title if self.sections else self.issuer_key

    @property
    def issuer_cik(self) -> str | None:
        for s in self.sections:
            for p in s.positions:
                for step in p.steps:
                    if step.event.issuer_cik:
                        return step.event.issuer_cik
        return None

    @property
    def events(self) -> int:
        return sum(s.events for s in self.sections)

    @property
    def first_date(self) -> dt.date | None:
        dates = [d for s in self.sections if (d := s.first_date) is not None]
        return min(dates) if dates else None

    @property
    def last_date(self) -> dt.date | None:
        dates = [d for s in self.sections if (d := s.last_date) is not None]
        return max(dates) if dates else None

    @property
    def bought(self) -> Trades:
        return sum((s.bought for s in self.sections), Trades())

    @property
    def sold(self) -> Trades:
        return sum((s.sold for s in self.sections), Trades())


class NoEvents(LookupError):
    """The person (and issuer) named have no events in the store: there is no page to draw."""


def build_person_page(
    store: EventStore, person_keys: list[str], issuer_key: str | None = None
) -> PersonPage:
    rows = replay(store, person_keys, issuer_key)
    if not rows:
        who = ", ".join(person_keys) or "(nobody)"
        raise NoEvents(f"no events for {who}" + (f" at issuer {issuer_key}" if issuer_key else ""))
    issuers = sorted({r.event.issuer_key for r in rows})
    entries = list(read_entries(store, person_keys=person_keys, issuer_key=issuer_key))
    sections = [
        _section(
            store,
            issuer,
            [r for r in rows if r.event.issuer_key == issuer],
            [e for e in entries if e.issuer_key == issuer],
        )
        for issuer in issuers
    ]
    names = [r.person_name for r in rows if r.person_name]
    name = names[0] if names else person_keys[0]
    for i, section in enumerate(sections, 1):
        section.person_name = name
        section.person_keys = tuple(person_keys)
        section.anchor = f"issuer-{i}"
    return PersonPage(name=name, person_keys=list(person_keys), sections=sections)


def build_issuer_page(store: EventStore, issuer_key: str) -> IssuerPage:
    """Every person who filed for the issuer, each with the section their own page has
    for it (positions, charts, audit, filings), in name order."""
    insiders = [p for p in people(store) if issuer_key in p.issuers]
    if not insiders:
        raise NoEvents(f"no events at issuer {issuer_key}")
    sections: list[IssuerSection] = []
    for person in insiders:
        page = build_person_page(store, list(person.keys or (person.key,)), issuer_key)
        sections += page.sections
    sections.sort(key=lambda s: ((s.person_name or "").casefold(), s.person_keys))
    for i, section in enumerate(sections, 1):
        section.anchor = f"insider-{i}"
        for view in section.positions:
            view.anchor = f"{section.anchor}-{view.anchor}"
    return IssuerPage(issuer_key=issuer_key, sections=sections)


def _section(
    store: EventStore, issuer: str, rows: list[ReplayRow], entries: list[Entry]
) -> IssuerSection:
    report = audit(store, entries, late=True)
    breaks: dict[DiscrepancyKey, Discrepancy] = {
        (d.filing_sha256, d.table, d.row_index, d.position_key): d for d in report.discrepancies
    }
    positions = _positions(rows, breaks)
    filings = _filings(store, rows, entries)
    last = max(rows, key=lambda r: r.event.filing.filed_date or r.event.effective_date)
    bought, sold = trades(r.event for r in rows)
    return IssuerSection(
        bought=bought,
        sold=sold,
        issuer_key=issuer,
        issuer_name=last.event.issuer_name,
        ticker=last.event.issuer_ticker,
        relationship=relationship(rows),
        positions=positions,
        filings=filings,
        audit=report,
    )


def _positions(
    rows: list[ReplayRow], breaks: dict[DiscrepancyKey, Discrepancy]
) -> list[PositionView]:
    views: dict[tuple[str, str], PositionView] = {}
    note_index: dict[tuple[str, str], dict[str, int]] = {}
    for r in rows:
        e = r.event
        pid = (r.person_key or e.person_key, r.position_key)
        view = views.get(pid)
        if view is None:
            view = views[pid] = PositionView(
                key=r.position_key,
                person_key=r.person_key or e.person_key,
                security=e.security.label,
                ownership=e.ownership.label,
                derivative=e.security.derivative,
            )
            note_index[pid] = {}
        numbers = []
        for text in dict.fromkeys(e.footnote_texts()):
            index = note_index[pid]
            if text not in index:
                view.notes.append(text)
                index[text] = len(view.notes)
            numbers.append(index[text])
        p = e.provenance
        view.steps.append(
            Step(
                event=e,
                before=r.before,
                running=r.running,
                reported=r.reported,
                opened=r.opened,
                ok=r.ok,
                discrepancy=breaks.get((e.filing.sha256, p.table, p.row_index, r.position_key)),
                notes=tuple(numbers),
            )
        )
    ordered = sorted(views.values(), key=_position_order)
    for i, view in enumerate(ordered, 1):
        view.anchor = f"position-{i}"
    return ordered


def _position_order(view: PositionView) -> tuple[object, ...]:
    """Common stock first, direct before indirect; then each grant by title, price, expiry, so
    the options of one plan sit together."""
    first = view.steps[0].event if view.steps else None
    sec = first.security if first else None
    return (
        view.derivative,
        view.ownership != "direct",
        view.security if not view.derivative else (sec.title if sec else ""),
        (sec.expiration_date or dt.date.max) if sec else dt.date.max,
        (sec.exercise_price or Decimal(0)) if sec else Decimal(0),
        view.ownership,
        view.person_key,
    )


def _filings(store: EventStore, rows: list[ReplayRow], entries: list[Entry]) -> list[FilingView]:
    """Every filing behind the section, including the ones an amendment superseded (their
    events are still in the log, only the projection looks past them)."""
    gone: set[str] = set()
    for _sid, stream in by_stream(sorted(entries, key=lambda e: e.stream_id)):
        gone |= superseded_filings(stream)
    known: dict[str, Event] = {r.event.filing.sha256: r.event for r in rows}
    first_of: dict[str, int] = {}
    counts: dict[str, int] = {}
    for e in entries:
        first_of.setdefault(e.filing_sha256, e.seq)
        counts[e.filing_sha256] = counts.get(e.filing_sha256, 0) + 1
    missing = [pos for sha, pos in first_of.items() if sha not in known]
    for fetched in events_at(store, missing).values():
        known[fetched.filing.sha256] = fetched
    out: dict[str, FilingView] = {}
    for e in entries:
        if e.filing_sha256 in out:
            continue
        event = known.get(e.filing_sha256)
        out[e.filing_sha256] = FilingView(
            accession_number=event.filing.accession_number if event else None,
            url=filing_url(event) if event else None,
            sha256=e.filing_sha256,
            path=event.provenance.source_path if event else "",
            form_type=e.form_type,
            period_of_report=e.period_of_report,
            filed_date=e.filed_date,
            is_amendment=e.is_amendment,
            superseded=e.filing_sha256 in gone,
            events=counts[e.filing_sha256],
        )
    return sorted(
        out.values(),
        key=lambda f: (f.filed_date or dt.date.min, f.period_of_report or dt.date.min, f.path),
    )


def relationship(rows: Iterable[ReplayRow]) -> str | None:
    """Box 5 as the latest filing that states it says it, read from the log (events written by
    a release before the ledger kept it carry none)."""
    newest = sorted(
        rows, key=lambda r: r.event.filing.filed_date or r.event.effective_date, reverse=True
    )
    return next((r.event.relationship for r in newest if r.event.relationship), None)


def filing_url(event: Event) -> str | None:
    """The EDGAR filing index of the filing an event came from (issuer's CIK, else the
    reporting owner's), or None where the filing has no accession number."""
    return filing_index_url(event.filing.accession_number, event.issuer_cik, event.person_cik)
