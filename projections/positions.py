"""Positions as a fold: ``fold(state, entry) -> state``, the same code for a full rebuild and an
incremental update.

A Form 4 row reports the balance *after* it, so every reported amount is checked right after its
row is applied (hledger's per-posting assertion). The first time a position is seen, its opening
balance is inferred as reported minus the change, and marked inferred. On a mismatch the running
balance keeps the ledger's own figure, so a single mistyped amount is flagged once; if the next
reported figure continues from the *reported* one instead, the ledger follows it (the filer's
chain moved on; the break was already flagged) rather than flagging every later row.

``step`` is pure: a position and an entry in, the next position and the check out; positions are
frozen. ``fold`` is ``step`` applied to a ``FoldState``: it replaces the one position the entry
moves in ``state.positions`` and, when the state collects them, appends the entry's ``Check``;
nothing else changes. (A rebuild folds millions of entries, so the state is updated in place
rather than copied per entry.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from projections.entries import Entry

PositionId = tuple[str, str]
"""(stream id, position key)."""


@dataclass(frozen=True, slots=True)
class Position:
    stream_id: str
    person_key: str
    issuer_key: str
    position_key: str
    balance: Decimal | None = None
    opening: Decimal | None = None
    opening_inferred: bool = False
    last: Entry | None = None
    alternative: Decimal | None = None
    events: int = 0

    @property
    def derivative(self) -> bool:
        return self.position_key.startswith("deriv|")


@dataclass(frozen=True, slots=True)
class Check:
    """What one entry did to its position, and whether the reported balance agreed."""

    entry: Entry
    before: Decimal | None
    running: Decimal | None
    reported: Decimal | None
    opened: bool
    ok: bool
    previous: Entry | None

    @property
    def difference(self) -> Decimal | None:
        if self.running is None or self.reported is None:
            return None
        return self.reported - self.running


@dataclass
class FoldState:
    positions: dict[PositionId, Position] = field(default_factory=dict)
    checks: list[Check] | None = None
    """Collected only when asked for (audit, replay); a rebuild keeps positions alone."""

    @classmethod
    def collecting(cls) -> FoldState:
        return cls(checks=[])


def step(pos: Position | None, entry: Entry) -> tuple[Position, Check]:
    """The position after ``entry`` and what the entry did to it; ``pos`` is None the first
    time the position is seen."""
    q = entry.quantity
    r = entry.reported
    ok = True
    opened = pos is None
    alternative = None if pos is None else pos.alternative
    if pos is None:
        if r is not None:
            opening: Decimal | None = r - q if q is not None else r
            inferred = True
            running: Decimal | None = r
        else:
            opening = Decimal(0) if q is not None else None
            inferred = False
            running = q
        before = opening
        pos = Position(
            entry.stream_id,
            entry.person_key,
            entry.issuer_key,
            entry.position_key,
            opening=opening,
            opening_inferred=inferred,
        )
    else:
        before = pos.balance
        if before is None:
            running = r if r is not None else q
        elif q is None and entry.event_type != "holding_reported":
            running = r if r is not None else before  # change unknown: follow the filer
        else:
            running = before + (q or 0)
            if r is not None and r != running:
                if alternative is not None and alternative + (q or 0) == r:
                    running = r  # the filer's chain went on from its own figure
                else:
                    ok = False
                    alternative = r
            if ok:
                alternative = None
    check = Check(entry, before, running, r, opened, ok, pos.last)
    after = Position(
        pos.stream_id,
        pos.person_key,
        pos.issuer_key,
        pos.position_key,
        balance=running,
        opening=pos.opening,
        opening_inferred=pos.opening_inferred,
        last=entry,
        alternative=alternative,
        events=pos.events + 1,
    )
    return after, check


def fold(state: FoldState, entry: Entry) -> FoldState:
    """``step`` on the entry's position in ``state`` (see the module's note on what changes)."""
    pid = (entry.stream_id, entry.position_key)
    after, check = step(state.positions.get(pid), entry)
    state.positions[pid] = after
    if state.checks is not None:
        state.checks.append(check)
    return state
