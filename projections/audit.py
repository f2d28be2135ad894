"""The audit: every reported balance checked against the running one, with a cause where one can
be read, and every Form 4 filed after its two-business-day deadline.

A discrepancy is data (beancount's balance assertion): it names the person, position, filing, row
and line, and says expected vs reported. Its cause is the first of these that applies, in this
order (``CAUSES``): what the documents themselves say first, then where the break sits, then
guesses from arithmetic:

1. ``amended``: one side of the break is a 4/A;
2. ``doubtful input``: the parser left a doubt note on the row (or on the row before it): the
   value itself is in question, so nothing is blamed on the filer;
3. causes a footnote backs, which are ``legitimate`` and do not fail the audit: a footnote
   saying the balance includes other shares (the amount matches), ESPP or dividend
   reinvestment folded in, separate RSU lots;
4. ``within filing``: the row before it in the same filing reported a balance, and this row's
   change does not lead from it to this row's figure: the filing contradicts itself;
5. ``between filings``: the position's first row in this filing does not continue from the
   previous filing, and time passed between them: a filing is missing in that window (the
   position follows the filer from here, see ``projections.positions``);
6. ``coded A/D against direction``: the reported figure is what the change gives applied the
   other way;
7. ``lot ambiguity``: several grants share the title and the row has no price or expiry to
   tell them apart;
8. ``unknown``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath
from typing import TypeVar

from ledger.events import Event, ParseNote
from ledger.store import EventStore, events_at, iter_noted
from projections.calendar import add_business_days, business_days_between
from projections.entries import Entry, by_stream
from projections.links import ReadView
from projections.people import NameLookup, name_lookup
from projections.positions import Check, FoldState
from projections.projector import fold_stream
from projections.spill import Spill

T = TypeVar("T")

WITHIN_FILING = "within filing"
BETWEEN_FILINGS = "between filings"
AMENDED = "amended"
DOUBTFUL_INPUT = "doubtful input"
AGAINST_DIRECTION = "coded A/D against direction"
LOT_AMBIGUITY = "lot ambiguity"
ESPP_DRIP = "ESPP/dividend reinvestment folded in"
RSU_LOTS = "different RSU lots"
FOOTNOTE_INCLUDES = "footnote says balance includes other shares"
UNKNOWN = "unknown"

CAUSES = (
    AMENDED,
    DOUBTFUL_INPUT,
    FOOTNOTE_INCLUDES,
    ESPP_DRIP,
    RSU_LOTS,
    WITHIN_FILING,
    BETWEEN_FILINGS,
    AGAINST_DIRECTION,
    LOT_AMBIGUITY,
    UNKNOWN,
)
"""Every cause, in the order they are decided (the module's note says why)."""

LEGITIMATE = {ESPP_DRIP, RSU_LOTS, FOOTNOTE_INCLUDES}

_ESPP_DRIP = re.compile(
    r"employee\s+stock\s+purchase|\bESPP\b|dividend\s+reinvest|\bDRIP\b|section\s+423",
    re.IGNORECASE,
)
_INCLUDES = re.compile(r"\binclud(?:es|ing)\s+([\d,]+(?:\.\d+)?)\s+(?:shares|units)", re.IGNORECASE)
_RSU = re.compile(r"restricted\s+stock\s+unit|\bRSUs?\b|performance\s+(?:stock\s+)?unit", re.I)


@dataclass(frozen=True)
class Discrepancy:
    person_key: str
    person_name: str | None
    issuer_key: str
    position_key: str
    label: str
    """The position as a reader names it: security and ownership."""
    filing_sha256: str
    filing_path: str
    table: str
    row_index: int
    line: int | None
    date: dt.date
    event_type: str
    expected: Decimal
    reported: Decimal
    difference: Decimal
    cause: str
    legitimate: bool
    detail: str
    event_seq: int
    previous_filing: str | None = None
    """The filing of the position's row before the break (where the balance came from)."""
    previous_filing_sha256: str | None = None
    window: tuple[dt.date, dt.date] | None = None
    """For a gap between filings: from the previous filing's last trade to this row's, the
    days a missing filing would fall in."""

    @property
    def status(self) -> str:
        return "explained" if self.legitimate else "fails"

    def as_dict(self) -> dict[str, object]:
        return {
            "person": self.person_name or self.person_key,
            "person_key": self.person_key,
            "issuer": self.issuer_key,
            "position": self.label,
            "position_key": self.position_key,
            "filing": self.filing_path,
            "filing_sha256": self.filing_sha256,
            "table": self.table,
            "row": self.row_index,
            "line": self.line,
            "date": self.date.isoformat(),
            "event_type": self.event_type,
            "expected": str(self.expected),
            "reported": str(self.reported),
            "difference": _signed(self.difference),
            "cause": self.cause,
            "status": self.status,
            "legitimate": self.legitimate,
            "detail": self.detail,
            "previous_filing": self.previous_filing,
            "previous_filing_sha256": self.previous_filing_sha256,
            "window_from": self.window[0].isoformat() if self.window else None,
            "window_to": self.window[1].isoformat() if self.window else None,
        }

    def message(self) -> str:
        where = self.filing_path + (f":{self.line}" if self.line else "")
        return (
            f"{where}: {self.label} of {self.person_name or self.person_key} on "
            f"{self.date.isoformat()}: expected {self.expected} != reported {self.reported} "
            f"(difference {_signed(self.difference)}; {self.cause})"
        )


@dataclass(frozen=True)
class LateFiling:
    person_key: str
    person_name: str | None
    issuer_key: str
    filing_sha256: str
    filing_path: str
    form_type: str
    transaction_date: dt.date
    deadline: dt.date
    filed_date: dt.date
    business_days_late: int

    def as_dict(self) -> dict[str, object]:
        return {
            "person": self.person_name or self.person_key,
            "person_key": self.person_key,
            "issuer": self.issuer_key,
            "filing": self.filing_path,
            "filing_sha256": self.filing_sha256,
            "form_type": self.form_type,
            "transaction_date": self.transaction_date.isoformat(),
            "deadline": self.deadline.isoformat(),
            "filed_date": self.filed_date.isoformat(),
            "business_days_late": self.business_days_late,
        }


REPAIRED_INPUT = "repaired input"
DOUBTED_DETAIL = "doubted detail"
"""A doubt on a value no balance rests on (a title, a price, a date exercisable): listed so the
note reaches the reader with the event, but it never fails the audit, since no balance is in
question."""


@dataclass(frozen=True)
class InputNote:
    """A finding about the input itself, not about balances: the parser doubted a value a
    balance rests on (``doubtful input``, which fails the audit: the ledger cannot say whether
    the balance is right), doubted one no balance rests on (``doubted detail``, listed only: a
    title or a price left empty is a gap the reader must see, not a broken balance) or repaired
    one it was sure of (``repaired input``, listed only).
    One per note and row, whichever owners the row was filed for; a note on the filing as a
    whole (its issuer, an owner) is one finding per filing."""

    cause: str
    person_key: str
    person_name: str | None
    issuer_key: str
    label: str
    filing_sha256: str
    filing_path: str
    table: str | None
    row_index: int | None
    line: int | None
    date: dt.date
    event_type: str
    field: str | None
    message: str
    event_seq: int

    @property
    def failing(self) -> bool:
        return self.cause == DOUBTFUL_INPUT

    def as_dict(self) -> dict[str, object]:
        return {
            "person": self.person_name or self.person_key,
            "person_key": self.person_key,
            "issuer": self.issuer_key,
            "position": self.label,
            "filing": self.filing_path,
            "filing_sha256": self.filing_sha256,
            "table": self.table,
            "row": self.row_index,
            "line": self.line,
            "date": self.date.isoformat(),
            "event_type": self.event_type,
            "field": self.field,
            "message": self.message,
            "cause": self.cause,
        }

    def text(self) -> str:
        where = self.filing_path + (f":{self.line}" if self.line else "")
        return f"{where}: {self.cause}: {self.field or 'row'}: {self.message}"


def input_notes(
    store: EventStore,
    *,
    person_keys: Iterable[str] | None = None,
    issuer_key: str | None = None,
) -> list[InputNote]:
    """The doubts and the repairs of the events the filters select (see ``InputNote``).
    Self-contained: it reads the notes the events carry, not the fold."""
    with Spill(key=_note_order) as out:
        for note in _input_notes(store, person_keys, issuer_key):
            out.add(note)
        return list(out)


def _note_order(n: InputNote) -> tuple[str, str, int, int]:
    return (n.filing_path, n.table or "", n.row_index or 0, n.line or 0)


def _input_notes(
    store: EventStore, person_keys: Iterable[str] | None, issuer_key: str | None
) -> Iterator[InputNote]:
    """In log order; a filing's events are contiguous in the log, so the repeats (a note on the
    filing, or a row filed for several owners) are told apart within one filing at a time."""
    seen: set[tuple[object, ...]] = set()
    sha = None
    for seq, event in iter_noted(store, person_keys=person_keys, issuer_key=issuer_key):
        p = event.provenance
        if p.source_sha256 != sha:
            seen, sha = set(), p.source_sha256
        for note in event.notes:
            row = note.scope == "row"
            key = (p.source_sha256, p.table if row else None, p.row_index if row else None)
            if (*key, note.field, note.message) in seen:
                continue
            seen.add((*key, note.field, note.message))
            yield InputNote(
                cause=_note_cause(note),
                person_key=event.person_key,
                person_name=event.person_name,
                issuer_key=event.issuer_key,
                label=position_label(event),
                filing_sha256=p.source_sha256,
                filing_path=p.source_path,
                table=p.table if row else None,
                row_index=p.row_index if row else None,
                line=note.line or (p.line if row else None),
                date=event.effective_date,
                event_type=event.event_type,
                field=note.field,
                message=note.message,
                event_seq=seq,
            )


def _note_cause(note: ParseNote) -> str:
    if note.kind != "doubt":
        return REPAIRED_INPUT
    return DOUBTFUL_INPUT if note.on_balance else DOUBTED_DETAIL


@dataclass
class AuditReport:
    discrepancies: list[Discrepancy]
    late_filings: list[LateFiling]
    checks: int
    inferred_openings: int
    input_notes: list[InputNote] = field(default_factory=list)

    @property
    def failing(self) -> list[Discrepancy]:
        return [d for d in self.discrepancies if not d.legitimate]

    @property
    def doubtful(self) -> list[InputNote]:
        return [n for n in self.input_notes if n.failing]

    @property
    def details(self) -> list[InputNote]:
        return [n for n in self.input_notes if n.cause == DOUBTED_DETAIL]

    @property
    def clean(self) -> bool:
        return not self.failing and not self.late_filings and not self.doubtful


BATCH = 200
"""Findings (failed checks and late-looking rows) whose events are read in one query: the
audit holds this many full events at a time, whatever the size of the log."""


@dataclass
class AuditStream:
    """An audit's findings, on disk past a fixed count (``projections.spill``): the counts
    (and so ``clean``) are known before the first finding is written out, and each kind comes
    back in the audit's order, one at a time. Close it (or use it in a ``with``) to delete
    what spilled."""

    discrepancies: Spill[Discrepancy]
    late_filings: Spill[LateFiling]
    input_notes: Spill[InputNote]
    checks: int = 0
    inferred_openings: int = 0
    failing: int = 0
    doubtful: int = 0
    details: int = 0

    @property
    def clean(self) -> bool:
        return not self.failing and not len(self.late_filings) and not self.doubtful

    def report(self) -> AuditReport:
        """Everything in memory, as ``audit`` returns it."""
        return AuditReport(
            discrepancies=list(self.discrepancies),
            late_filings=list(self.late_filings),
            checks=self.checks,
            inferred_openings=self.inferred_openings,
            input_notes=list(self.input_notes),
        )

    def close(self) -> None:
        for spill in (self.discrepancies, self.late_filings, self.input_notes):
            spill.close()

    def __enter__(self) -> AuditStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def audit(
    store: EventStore,
    entries: Iterable[Entry],
    *,
    late: bool = True,
    person_keys: Iterable[str] | None = None,
    issuer_key: str | None = None,
) -> AuditReport:
    """The audit's findings, all in memory (``audit_stream`` gives them one at a time).
    ``person_keys`` and ``issuer_key`` select the input notes (pass the filters ``entries``
    was read with)."""
    with audit_stream(
        store, entries, late=late, person_keys=person_keys, issuer_key=issuer_key
    ) as found:
        return found.report()


def audit_stream(
    store: EventStore,
    entries: Iterable[Entry],
    *,
    late: bool = True,
    person_keys: Iterable[str] | None = None,
    issuer_key: str | None = None,
) -> AuditStream:
    """One pass, stream by stream: a stream's failed checks and late-looking rows are kept
    until ``BATCH`` of them are pending, then their events are read in one query, the findings
    made, named and spilled. Memory holds a batch of findings, never the log or all its
    findings. Discrepancies come out in stream order, late filings by filing and person, input
    notes by file and line, as ``audit`` has always listed them."""
    person_keys = None if person_keys is None else list(person_keys)
    out = AuditStream(Spill(), Spill(key=_late_order), Spill(key=_note_order))
    stack = contextlib.ExitStack()
    try:
        links = ReadView.load(store).links
        names = stack.enter_context(name_lookup(store, links))
        failed: list[tuple[Check, dict[tuple[str, str], int]]] = []
        candidates: dict[tuple[str, str], list[Entry]] = {}
        pending = 0
        for _sid, stream in by_stream(entries):
            state = fold_stream(stream, FoldState.collecting())
            siblings = _lot_titles(state)
            for c in state.checks or []:
                if c.reported is not None:
                    out.checks += 1
                    out.inferred_openings += c.opened
                if not c.ok:
                    failed.append((c, siblings))
                    pending += 2
                if late and _may_be_late(c.entry):
                    key = (c.entry.filing_sha256, c.entry.person_key)
                    candidates.setdefault(key, []).append(c.entry)
                    pending += 1
            if pending >= BATCH:
                _flush(store, names, failed, candidates, out)
                failed, candidates, pending = [], {}, 0
        _flush(store, names, failed, candidates, out)
        notes = _input_notes(store, person_keys, issuer_key)
        for chunk in _chunks(notes, BATCH):
            named = names({n.person_key for n in chunk})
            for n in chunk:
                out.doubtful += n.failing
                out.details += n.cause == DOUBTED_DETAIL
                out.input_notes.add(
                    dataclasses.replace(n, person_name=named.get(n.person_key, n.person_name))
                )
    except BaseException:
        out.close()
        raise
    finally:
        stack.close()
    return out


def _flush(
    store: EventStore,
    names: NameLookup,
    failed: list[tuple[Check, dict[tuple[str, str], int]]],
    candidates: dict[tuple[str, str], list[Entry]],
    out: AuditStream,
) -> None:
    """A batch of streams' findings made from their events, named, and handed to ``out``."""
    if not failed and not candidates:
        return
    full = events_at(
        store,
        [c.entry.seq for c, _ in failed]
        + [c.previous.seq for c, _ in failed if c.previous]
        + [e.seq for rows in candidates.values() for e in rows],
    )
    found = [
        _discrepancy(c, full[c.entry.seq], full.get(c.previous.seq) if c.previous else None, sib)
        for c, sib in failed
    ]
    lates = _late_filings(full, candidates)
    named = names({d.person_key for d in found} | {x.person_key for x in lates})
    for d in found:
        out.failing += not d.legitimate
        out.discrepancies.add(
            dataclasses.replace(d, person_name=named.get(d.person_key, d.person_name))
        )
    for x in lates:
        out.late_filings.add(
            dataclasses.replace(x, person_name=named.get(x.person_key, x.person_name))
        )


def _late_order(x: LateFiling) -> tuple[str, str]:
    return (x.filing_sha256, x.person_key)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _may_be_late(e: Entry) -> bool:
    """A cheap first cut: a Form 4 transaction filed more than two calendar days after the
    trade. Two business days are never fewer than two calendar days."""
    if e.transaction_date is None or e.filed_date is None or e.is_amendment:
        return False
    if e.form_type.strip().upper() != "4" or e.event_type == "holding_reported":
        return False
    return (e.filed_date - e.transaction_date).days > 2


def _lot_titles(state: FoldState) -> dict[tuple[str, str], int]:
    """How many derivative positions of a stream share one title: more than one, with no price
    or expiry in the key, means the filer's rows cannot be told apart."""
    counts: dict[tuple[str, str], int] = {}
    for sid, pkey in state.positions:
        if pkey.startswith("deriv|"):
            title = pkey.split("|")[1]
            counts[(sid, title)] = counts.get((sid, title), 0) + 1
    return counts


def _discrepancy(
    check: Check,
    event: Event,
    previous: Event | None,
    siblings: dict[tuple[str, str], int],
) -> Discrepancy:
    e = check.entry
    assert check.expected is not None and check.reported is not None
    diff = check.reported - check.expected
    cause, detail = cause_of(check, event, previous, siblings)
    p = event.provenance
    prev = check.previous
    window = gap_window(check) if cause == BETWEEN_FILINGS else None
    return Discrepancy(
        person_key=e.person_key,
        person_name=e.person_name,
        issuer_key=e.issuer_key,
        position_key=e.position_key,
        label=position_label(event),
        filing_sha256=e.filing_sha256,
        filing_path=p.source_path,
        table=p.table,
        row_index=p.row_index,
        line=p.line,
        date=e.effective_date,
        event_type=e.event_type,
        expected=check.expected,
        reported=check.reported,
        difference=diff,
        cause=cause,
        legitimate=cause in LEGITIMATE,
        detail=detail,
        event_seq=e.seq,
        previous_filing=previous.provenance.source_path if previous else None,
        previous_filing_sha256=prev.filing_sha256 if prev else None,
        window=window,
    )


def doubt_notes(event: Event | None) -> list[str]:
    """The parser's doubts this event's balance rests on (``Event.doubts``): a value read
    with a doubt makes the break the input's, not the filer's."""
    return [] if event is None else [n.text for n in event.doubts]


def gap_window(check: Check) -> tuple[dt.date, dt.date] | None:
    """The days between the previous filing's row and this one, if there are any."""
    prev = check.previous
    e = check.entry
    if prev is None or prev.filing_sha256 == e.filing_sha256:
        return None
    if prev.effective_date >= e.effective_date:
        return None
    return (prev.effective_date, e.effective_date)


def cause_of(
    check: Check,
    event: Event,
    previous: Event | None,
    siblings: dict[tuple[str, str], int],
) -> tuple[str, str]:
    """The cause of a failed check and a sentence saying why, by the precedence in ``CAUSES``."""
    e = check.entry
    prev = check.previous
    q = e.quantity
    assert check.expected is not None and check.reported is not None
    diff = check.reported - check.expected
    texts = event.footnote_texts()
    sec = event.security
    if e.is_amendment or (prev is not None and prev.is_amendment):
        return AMENDED, "one side of the break is an amended filing (4/A)"
    same_filing = prev is not None and prev.filing_sha256 == e.filing_sha256
    doubts = doubt_notes(event) + (doubt_notes(previous) if same_filing else [])
    if doubts:
        return DOUBTFUL_INPUT, "the value is in doubt: " + "; ".join(doubts)
    for text in texts:
        m = _INCLUDES.search(text)
        if m and Decimal(m.group(1).replace(",", "")) == abs(diff):
            return FOOTNOTE_INCLUDES, text[:160]
    if diff > 0 and any(_ESPP_DRIP.search(t) for t in texts):
        return ESPP_DRIP, "a footnote names an ESPP or dividend reinvestment"
    if (sec.derivative and _RSU.search(sec.title)) or any(_RSU.search(t) for t in texts):
        return RSU_LOTS, "RSU rows are often reported per vesting lot"
    if prev is not None and same_filing and prev.reported is not None:
        if q is None:
            return WITHIN_FILING, (
                f"the rows of this filing do not chain: the row before reported "
                f"{prev.reported}, and this row reports {check.reported} with no change between"
            )
        return WITHIN_FILING, (
            f"the rows of this filing do not chain: the row before reported {prev.reported}, "
            f"and a change of {_signed(q)} gives {check.expected}, not {check.reported}"
        )
    window = gap_window(check)
    if prev is not None and window is not None:
        verb = "appeared" if diff > 0 else "vanished"
        return BETWEEN_FILINGS, (
            f"{abs(diff)} {verb} between {_name(previous, prev.filing_sha256)} "
            f"(filed {prev.filed_date}) and {_name(event, e.filing_sha256)} "
            f"(filed {e.filed_date}) with no filing to explain them: a filing is missing "
            f"between {window[0]} and {window[1]}; the position follows the filer from here"
        )
    if q is not None and check.before is not None and check.before - q == check.reported:
        return AGAINST_DIRECTION, (
            f"the reported balance matches the change applied the other way "
            f"({event.acquired_disposed} coded on a {event.event_type})"
        )
    ambiguous = sec.exercise_price is None or sec.expiration_date is None
    if sec.derivative and ambiguous and siblings.get((e.stream_id, sec.key), 0) > 1:
        return LOT_AMBIGUITY, "several grants share this title and no price or expiry"
    if prev is None and check.before is not None and check.before < 0:
        if q is None:  # a holding row: its balance is the opening
            return UNKNOWN, f"the row reports {check.reported} held, below zero"
        return UNKNOWN, (
            f"the row's change of {_signed(q)} is more than the {check.reported} it reports "
            f"after it: the holding would have started at {check.before}, below zero"
        )
    if prev is None:
        return UNKNOWN, "no earlier event in this position"
    return UNKNOWN, "no rule explains the break"


def _name(event: Event | None, sha: str) -> str:
    if event is None:
        return f"filing {sha[:12]}"
    return PurePath(event.provenance.source_path).name or f"filing {sha[:12]}"


def position_label(event: Event) -> str:
    return f"{event.security.label} [{event.ownership.label}]"


def late_filings(
    store: EventStore, candidates: dict[tuple[str, str], list[Entry]]
) -> list[LateFiling]:
    """Form 4 is due within two business days of each trade (of its deemed execution date where
    one is given). Every row counts on its own, and a filing is as late as its latest row is
    overdue. Voluntary rows, holdings, amendments and Forms 3 and 5 have no such deadline.
    ``candidates`` holds, per (filing, person), the rows that may have been late."""
    if not candidates:
        return []
    full = events_at(store, [e.seq for rows in candidates.values() for e in rows])
    return sorted(_late_filings(full, candidates), key=_late_order)


def _late_filings(
    full: dict[int, Event], candidates: dict[tuple[str, str], list[Entry]]
) -> list[LateFiling]:
    out: list[LateFiling] = []
    for (sha, _pk), rows in candidates.items():
        worst: tuple[int, Entry, dt.date] | None = None
        for e in rows:
            event = full[e.seq]
            if event.voluntary:
                continue
            assert e.transaction_date is not None and e.filed_date is not None
            deadline = add_business_days(event.deemed_execution_date or e.transaction_date, 2)
            if e.filed_date > deadline:
                days = business_days_between(deadline, e.filed_date)
                if worst is None or days > worst[0]:
                    worst = (days, e, deadline)
        if worst is None:
            continue
        days, e, deadline = worst
        assert e.transaction_date is not None and e.filed_date is not None
        out.append(
            LateFiling(
                person_key=e.person_key,
                person_name=e.person_name,
                issuer_key=e.issuer_key,
                filing_sha256=sha,
                filing_path=full[e.seq].provenance.source_path,
                form_type=e.form_type,
                transaction_date=e.transaction_date,
                deadline=deadline,
                filed_date=e.filed_date,
                business_days_late=days,
            )
        )
    return out


def _signed(d: Decimal) -> str:
    return f"+{d}" if d > 0 else str(d)
