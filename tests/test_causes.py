"""Every cause the audit can give, each from the smallest scenario that produces it, and the
order in which they are decided (``projections.audit.CAUSES``)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

import pytest

from ledger import events as ev
from ledger.classify import filing_events
from ledger.store import EventStore
from parsers.model import (
    AcquiredDisposed,
    DerivativeRow,
    Filing,
    Issuer,
    NonDerivativeRow,
    ReportingOwner,
    Signature,
    Source,
)
from projections import audit as au
from projections.entries import Entry, read_entries
from projections.positions import FoldState
from projections.projector import fold_stream

D = Decimal
DAY = dt.date(2024, 3, 1)
LATER = dt.date(2024, 9, 2)


def stock(
    shares: str | None,
    following: str,
    code: str = "S",
    ad: AcquiredDisposed = "D",
    day: dt.date = DAY,
    title: str = "Common Stock",
    notes: dict[str, list[str]] | None = None,
) -> NonDerivativeRow:
    return NonDerivativeRow(
        kind="transaction" if shares is not None else "holding",
        security_title=title,
        transaction_date=day if shares is not None else None,
        code=code if shares is not None else None,
        shares=None if shares is None else D(shares),
        acquired_disposed=ad if shares is not None else None,
        price=D("10"),
        shares_owned_following=D(following),
        ownership="D",
        footnotes=notes or {},
    )


def derivative(
    title: str,
    shares: str | None,
    following: str,
    ownership: Literal["D", "I"] = "D",
    nature: str | None = None,
    day: dt.date = DAY,
) -> DerivativeRow:
    return DerivativeRow(
        kind="transaction" if shares is not None else "holding",
        security_title=title,
        transaction_date=day if shares is not None else None,
        code="M" if shares is not None else None,
        shares=None if shares is None else D(shares),
        acquired_disposed="D" if shares is not None else None,
        shares_owned_following=D(following),
        ownership=ownership,
        nature_of_ownership=nature,
    )


def filing(
    name: str,
    rows: Sequence[NonDerivativeRow | DerivativeRow],
    filed: dt.date,
    *,
    form: str = "4",
    footnotes: dict[str, str] | None = None,
    original: dt.date | None = None,
) -> Filing:
    nd = [r for r in rows if isinstance(r, NonDerivativeRow)]
    d = [r for r in rows if isinstance(r, DerivativeRow)]
    dates = [r.transaction_date for r in rows if r.transaction_date]
    return Filing(
        form_type=form,
        source=Source(path=f"{name}.xml", sha256=hashlib.sha256(name.encode()).hexdigest(),
                      format="xml"),
        issuer=Issuer(name="Example Corp", ticker="EXMP", cik="0000000042"),
        reporting_owners=[ReportingOwner(name="DOE JANE Q", cik="0000000077", is_officer=True)],
        period_of_report=min(dates) if dates else filed,
        date_of_original_submission=original,
        signatures=[Signature(name="/s/ Jane Q. Doe", date=filed)],
        non_derivative=nd,
        derivative=d,
        footnotes=footnotes or {},
    )  # fmt: skip


def causes(store: EventStore, *filings: Filing) -> list[tuple[str, D, D]]:
    for f in filings:
        store.append_filing(f, filing_events(f))
    report = au.audit(store, read_entries(store), late=False)
    return [(d.cause, d.expected, d.reported) for d in report.discrepancies]


def test_amended(store: EventStore) -> None:
    """The break's row is in a 4/A (of a filing not in the ledger): the amendment is the
    likelier explanation than anything about the rows."""
    first = filing("a", [stock("100", "1000")], DAY)
    amendment = filing(
        "b", [stock("100", "850", day=LATER)], LATER, form="4/A", original=dt.date(2024, 8, 1)
    )
    assert causes(store, first, amendment) == [(au.AMENDED, D(900), D(850))]


def test_doubtful_input_comes_before_the_filers_own_figures(store: EventStore) -> None:
    """An event whose value the parser doubted (a ``doubt`` note, where the event model carries
    notes) is ``doubtful input`` even where the rows of its filing do not chain."""
    store.append_filing(f := filing("a", [stock("100", "900"), stock("50", "805")], DAY),
                        filing_events(f))  # fmt: skip
    state = fold_stream(list(read_entries(store)), FoldState.collecting())
    (check,) = [c for c in state.checks or [] if not c.ok]
    event = filing_events(f)[1]
    assert au.cause_of(check, event, None, {})[0] == au.WITHIN_FILING

    doubt = ev.ParseNote(
        kind="doubt",
        scope="row",
        field="shares_owned_following",
        message="balance read from a smudged scan",
        on_balance=True,
    )
    noted = event.model_copy(update={"notes": (doubt,)})
    cause, detail = au.cause_of(check, noted, None, {})
    assert cause == au.DOUBTFUL_INPUT and "smudged scan" in detail
    repair = ev.ParseNote(kind="repair", scope="row", field="shares", message="joined a cell")
    repaired = event.model_copy(update={"notes": (repair,)})
    assert au.cause_of(check, repaired, None, {})[0] == au.WITHIN_FILING


def test_a_footnote_saying_the_balance_includes_other_shares(store: EventStore) -> None:
    rows = [stock("100", "900"), stock("50", "895", notes={"shares_owned_following": ["F1"]})]
    f = filing("a", rows, DAY, footnotes={"F1": "Includes 45 shares held in the 401(k) plan."})
    (found,) = au.audit(store, _appended(store, f), late=False).discrepancies
    assert (found.cause, found.legitimate, found.status) == (
        au.FOOTNOTE_INCLUDES,
        True,
        "explained",
    )


def test_espp_or_dividend_reinvestment_folded_in(store: EventStore) -> None:
    rows = [stock("100", "900"), stock("50", "862", notes={"shares": ["F1"]})]
    f = filing("a", rows, DAY, footnotes={"F1": "Balance reflects dividend reinvestment."})
    assert causes(store, f) == [(au.ESPP_DRIP, D(850), D(862))]


def test_separate_rsu_lots(store: EventStore) -> None:
    rows = [
        derivative("Restricted Stock Units", "100", "900"),
        derivative("Restricted Stock Units", "100", "2000"),
    ]
    assert causes(store, filing("a", rows, DAY)) == [(au.RSU_LOTS, D(800), D(2000))]


def test_within_filing(store: EventStore) -> None:
    f = filing("a", [stock("100", "900"), stock("50", "805"), stock("50", "755")], DAY)
    assert causes(store, f) == [(au.WITHIN_FILING, D(850), D(805))]


def test_between_filings_names_both_filings_and_the_window(store: EventStore) -> None:
    first = filing("first", [stock("100", "900")], DAY)
    second = filing("second", [stock("100", "500", day=LATER)], dt.date(2024, 9, 4))
    (d,) = au.audit(store, _appended(store, first, second), late=False).discrepancies
    assert (d.cause, d.expected, d.reported, d.status) == (
        au.BETWEEN_FILINGS,
        D(800),
        D(500),
        "fails",
    )
    assert d.previous_filing == "first.xml" and d.window == (DAY, LATER)
    assert "first.xml" in d.detail and "second.xml" in d.detail
    assert "between 2024-03-01 and 2024-09-02" in d.detail


def test_coded_against_direction(store: EventStore) -> None:
    """A sale coded A, in a second filing of the same day: no window for a missing filing,
    and the figure is the change applied the other way."""
    first = filing("first", [stock("100", "1000")], DAY)
    second = filing("second", [stock("100", "900", ad="A")], DAY + dt.timedelta(days=1))
    assert causes(store, first, second) == [(au.AGAINST_DIRECTION, D(1100), D(900))]


def test_lot_ambiguity(store: EventStore) -> None:
    """Two grants share the title "Warrants" with no price or expiry to tell them apart."""
    first = filing(
        "first",
        [derivative("Warrants", None, "500"), derivative("Warrants", None, "300", "I", "By LLC")],
        DAY,
    )
    second = filing("second", [derivative("Warrants", "100", "250")], DAY + dt.timedelta(days=1))
    assert causes(store, first, second) == [(au.LOT_AMBIGUITY, D(400), D(250))]


def test_unknown(store: EventStore) -> None:
    first = filing("first", [stock("100", "1000")], DAY)
    second = filing("second", [stock("100", "777")], DAY + dt.timedelta(days=1))
    assert causes(store, first, second) == [(au.UNKNOWN, D(900), D(777))]


def test_a_gap_between_filings_outranks_lot_ambiguity(store: EventStore) -> None:
    """Brin's case: a derivative title several positions share, but six years between the
    filings: the gap is the finding, not the lots."""
    first = filing(
        "first",
        [derivative("Warrants", None, "500"), derivative("Warrants", None, "300", "I", "By LLC")],
        DAY,
    )
    second = filing("second", [derivative("Warrants", "100", "250", day=LATER)], LATER)
    assert causes(store, first, second) == [(au.BETWEEN_FILINGS, D(400), D(250))]


def test_every_cause_is_in_the_precedence_once() -> None:
    assert len(au.CAUSES) == len(set(au.CAUSES)) == 10
    assert au.CAUSES.index(au.BETWEEN_FILINGS) < au.CAUSES.index(au.LOT_AMBIGUITY)
    assert set(au.CAUSES) >= au.LEGITIMATE


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Stock Option (right to buy)", "option"),
        ("Warrants (right to buy)", "option"),
        ("Restricted Stock Units", "award"),
        ("Performance Stock Units", "award"),
        ("Class B Common Stock", "derivative"),
        ("Series A Convertible Preferred Stock", "derivative"),
    ],
)
def test_derivative_kinds(title: str, kind: str) -> None:
    from projections.snapshot import derivative_kind

    assert derivative_kind(ev.Security(title=title, key=title.lower(), derivative=True)) == kind


def _appended(store: EventStore, *filings: Filing) -> list[Entry]:
    for f in filings:
        store.append_filing(f, filing_events(f))
    return list(read_entries(store))
