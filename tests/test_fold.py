"""The fold on its own: entries in, positions and checks out, no store involved."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from projections.entries import Entry
from projections.positions import FoldState, Position, fold, step

DAY = dt.date(2024, 3, 1)


def entry(
    seq: int,
    quantity: str | None,
    reported: str | None,
    kind: str = "sale",
    filing: str | None = None,
) -> Entry:
    """Row ``seq`` of its own filing (``f<seq>``), unless ``filing`` names a shared one."""
    return Entry(
        seq=seq,
        stream_id="p@X",
        person_key="p",
        person_name="P",
        issuer_key="X",
        event_type=kind,
        position_key="stock|common|||D|",
        quantity=None if quantity is None else Decimal(quantity),
        reported=None if reported is None else Decimal(reported),
        transaction_date=DAY,
        effective_date=DAY + dt.timedelta(days=seq),
        filed_date=DAY + dt.timedelta(days=seq + 1),
        filing_sha256=filing or f"f{seq}",
        row_order=0,
        form_type="4",
        period_of_report=DAY,
        is_amendment=False,
    )


def test_an_opening_inferred_below_zero_fails_the_check() -> None:
    """A first row acquiring more than the balance it reports after: no holding starts below
    zero, so the check fails (expected: the change from nothing) and the position follows the
    filer; before, the -500 opening was inferred and the audit stayed clean."""
    pos, check = step(None, entry(1, "1000", "500", kind="exercise"))
    assert not check.ok and (check.expected, check.reported) == (Decimal(1000), Decimal(500))
    assert check.difference == Decimal(-500) and pos.balance == Decimal(500)
    pos, check = step(None, entry(1, "-100", "900"))
    assert check.ok  # a sale's first row infers a positive opening, as always


def test_the_first_row_opens_the_position_with_an_inferred_opening() -> None:
    pos, check = step(None, entry(1, "-100", "900"))
    assert (pos.opening, pos.opening_inferred, pos.balance, pos.events) == (
        Decimal(1000),
        True,
        Decimal(900),
        1,
    )
    assert check.opened and check.ok and check.before == Decimal(1000)


def test_step_is_pure() -> None:
    first, _ = step(None, entry(1, "-100", "900"))
    frozen = dataclasses.replace(first)
    second, _ = step(first, entry(2, "-50", "850"))
    assert first == frozen and second.balance == Decimal(850) and second.events == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.balance = Decimal(0)  # type: ignore[misc]  # the point: it must refuse


def test_a_typo_within_a_filing_is_flagged_once_and_the_ledger_keeps_its_figure() -> None:
    state = FoldState.collecting()
    rows = (
        entry(1, "-100", "900", filing="A"),
        entry(2, "-50", "805", filing="A"),
        entry(3, "-50", "800", filing="A"),
    )
    for e in rows:
        fold(state, e)
    assert state.checks is not None
    assert [c.ok for c in state.checks] == [True, False, True]
    assert state.checks[1].difference == Decimal(-45) and not state.checks[1].gap
    (pos,) = state.positions.values()
    assert pos.balance == Decimal(800)


def test_the_ledger_follows_the_filer_when_the_next_row_continues_from_its_figure() -> None:
    state = FoldState.collecting()
    rows = (
        entry(1, "-100", "900", filing="A"),
        entry(2, "-50", "805", filing="A"),
        entry(3, "-5", "800", filing="A"),
    )
    for e in rows:
        fold(state, e)
    assert state.checks is not None
    assert [c.ok for c in state.checks] == [True, False, True]
    assert state.checks[2].running == Decimal(800)


def test_a_gap_between_filings_follows_the_filer_and_stays_a_finding() -> None:
    """The position's first row in a new filing disagrees: shares moved that no filing in the
    ledger shows. The position takes the filer's figure from there on; the check is a gap
    with the ledger's own figure kept as ``expected``."""
    state = FoldState.collecting()
    for e in (entry(1, "-7000", "101000"), entry(2, "-7000", "66000"), entry(3, "-1000", "65000")):
        fold(state, e)
    assert state.checks is not None
    ok, gap, after = state.checks
    assert ok.ok and after.ok
    assert (gap.ok, gap.gap, gap.expected, gap.running, gap.difference) == (
        False,
        True,
        Decimal(94000),
        Decimal(66000),
        Decimal(-28000),
    )
    (pos,) = state.positions.values()
    assert pos.balance == Decimal(65000) and pos.alternative is None


def test_a_mistyped_first_row_is_one_finding_when_the_next_filing_continues_from_the_ledger() -> (
    None
):
    state = FoldState.collecting()
    for e in (entry(1, "-100", "900"), entry(2, "-100", "850"), entry(3, "-100", "700")):
        fold(state, e)
    assert state.checks is not None
    assert [(c.ok, c.gap) for c in state.checks] == [(True, False), (False, True), (True, False)]
    (pos,) = state.positions.values()
    assert pos.balance == Decimal(700)


def test_an_unknown_change_follows_the_reported_balance() -> None:
    pos, _ = step(None, entry(1, "-100", "900"))
    pos, check = step(pos, entry(2, None, "700"))
    assert check.ok and pos.balance == Decimal(700)


def test_a_holding_asserts_the_balance() -> None:
    pos, _ = step(None, entry(1, "-100", "900"))
    _, check = step(pos, entry(2, None, "901", kind="holding_reported"))
    assert not check.ok and check.difference == Decimal(1)


def test_fold_replaces_only_the_entrys_position() -> None:
    other = Position("q@X", "q", "X", "stock|common|||D|", balance=Decimal(5))
    state = FoldState(positions={("q@X", other.position_key): other})
    fold(state, entry(1, "-100", "900"))
    assert state.positions[("q@X", other.position_key)] is other
    assert len(state.positions) == 2


def test_a_change_of_unknown_size_ends_the_ledgers_own_chain_after_a_gap() -> None:
    """After a gap the ledger keeps its own figure (800) to tell a mistyped row from a real
    break; a later change of unknown size or side (row 3) leaves that figure meaningless, so a
    sale of 100 reported at 700 from 700 (row 5) is a break, not 'back on the chain' (800 - 100)."""
    pos = None
    rows = [("-100", "900"), ("-100", "500"), (None, None), (None, "700"), ("-100", "700")]
    for i, (q, r) in enumerate(rows, 1):
        pos, check = step(pos, entry(i, q, r))
    assert not check.ok and check.gap and check.expected == Decimal(600)


def test_the_filers_figure_kept_aside_goes_once_the_position_follows_the_filer() -> None:
    """Row 2 contradicts row 1 of its filing: the ledger keeps its own 800, the filer's 750
    aside. Row 3 is a change of unknown side reported at 600: the position follows the filer,
    and the 750 is no longer the filer's figure (a snapshot would show it as disputed)."""
    pos, _ = step(None, entry(1, "-100", "900", filing="A"))
    pos, check = step(pos, entry(2, "-100", "750", filing="A"))
    assert not check.ok and pos.alternative == Decimal(750)
    pos, check = step(pos, entry(3, None, "600"))
    assert pos.balance == Decimal(600) and pos.alternative is None and pos.shadow is None
