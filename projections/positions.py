"""Positions as a fold: ``fold(state, entry) -> state``, the same code for a full rebuild and an
incremental update.

A Form 4 row reports the balance *after* it, so every reported amount is checked right after its
row is applied (hledger's per-posting assertion). The first time a position is seen, its opening
balance is inferred as reported minus the change, and marked inferred.

The balance policy, when a reported figure disagrees with the running one:

- At the position's **first row in a filing**, the break sits between two filings: something
  happened that no filing in the ledger shows (a missing filing, most often). The position
  follows the filer's reported balance from there on (the filer's latest sworn figure is what a
  reader asks for), and the check stays a finding (``Check.gap``) that the audit names.
- At a **later row of the same filing**, the filing contradicts itself: a single mistyped amount
  is flagged once and the running balance keeps the ledger's own figure; if the next reported
  figure continues from the *reported* one instead, the ledger follows it (the filer's chain
  moved on; the break was already flagged) rather than flagging every later row.

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
    """The filer's figure where the ledger kept its own after a break within a filing."""
    events: int = 0
    shadow: Decimal | None = None
    """The ledger's own figure where the position followed the filer after a gap between
    filings: if the next filing continues from it instead, the gap was one mistyped row, and
    it is not flagged a second time."""

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
    expected: Decimal | None = None
    """The ledger's own figure after the row (before plus change); ``running`` differs from it
    only where the position followed the filer after a gap."""
    gap: bool = False
    """The break sits at the position's first row in this filing: the position now follows the
    filer's reported balance."""

    @property
    def difference(self) -> Decimal | None:
        if self.expected is None or self.reported is None:
            return None
        return self.reported - self.expected


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
    gap = False
    expected: Decimal | None = None
    opened = pos is None
    alternative = None if pos is None else pos.alternative
    shadow = None if pos is None else pos.shadow
    if pos is None:
        if r is not None:
            # a holding is its balance; a change of unknown size or side leaves what came
            # before it unknown
            opening: Decimal | None = None
            if not entry.change_unknown:
                opening = r if q is None else r - q  # r as it is: no rounding of a holding
            inferred = opening is not None
            running: Decimal | None = r
            if opening is not None and opening < 0:
                # no holding starts below zero: the row changes more than the balance after it
                # holds, so the filing contradicts itself; the ledger's own figure is the change
                # from nothing, and the position follows the filer from here
                ok, expected = False, q
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
        if before is None or entry.change_unknown:
            # an unknown balance plus a change, or a change unknown: follow the filer, or the
            # balance is unknown too. Either way neither chain goes on past this row: the
            # ledger's own figure (shadow) and the filer's kept aside (alternative) are gone,
            # or a later row would be checked against a figure from before an unknown change
            running = r
            alternative = shadow = None
        else:
            running = before + (q or 0)
            if r is not None and r != running:
                previous = pos.last
                if alternative is not None and alternative + (q or 0) == r:
                    running = r  # the filer's chain went on from its own figure
                elif shadow is not None and shadow + (q or 0) == r:
                    running = r  # back on the ledger's chain: the gap was one row
                elif previous is None or previous.filing_sha256 != entry.filing_sha256:
                    ok, gap = False, True
                    expected, running = running, r  # between filings: follow the filer
                else:
                    ok = False
                    alternative = r
            if ok or gap:
                alternative = None
            if gap:
                shadow = expected
            elif r is not None:
                shadow = None
            elif shadow is not None and q is not None:
                shadow += q
    check = Check(
        entry,
        before,
        running,
        r,
        opened,
        ok,
        pos.last,
        expected=running if expected is None else expected,
        gap=gap,
    )
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
        shadow=shadow,
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
