"""Synthetic ledgers whose findings grow with their size, for the memory benchmark and test.

Every person files ``per_person`` Forms 4 at one issuer (so streams, not stream length, grow
with the ledger), and the content exercises every part of the audit in proportion, a fifth of
the filings each: late (signed a week after the trade); only looking late (filed two business
days after a trade late in the week, which the cheap calendar-day cut keeps and the
business-day check clears); a row whose balance does not chain (a discrepancy); a parser's
doubt or repair on a row (an input note). Nothing reads the clock: the same arguments give the
same ledger.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from decimal import Decimal

from ledger.classify import filing_events
from ledger.events import Event
from ledger.store import AppendResult, EventStore
from parsers.model import (
    DerivativeRow,
    Filing,
    Issuer,
    NonDerivativeRow,
    Note,
    ReportingOwner,
    Signature,
    Source,
)
from projections.calendar import add_business_days

OPTION = "Stock Option (right to buy)"
EVENTS_PER_FILING = 4


def memory_filings(filings: int, per_person: int = 20, seed: int = 5) -> Iterator[Filing]:
    """``filings`` Forms 4 (four events each), ``per_person`` per person."""
    people = max(1, filings // per_person)
    for p in range(people):
        rng = random.Random(seed * 1_000_003 + p)
        cik = f"{2_000_000 + p:010d}"
        ticker = f"MM{p % 89:02d}"
        stock = Decimal(rng.randint(10_000, 900_000))
        options = Decimal(per_person * 1_000 + rng.randint(0, 10_000))
        strike = Decimal(rng.randint(500, 9_000)) / 100
        day = dt.date(2014, 1, 6) + dt.timedelta(days=p % 7)
        for k in range(per_person):
            day += dt.timedelta(days=rng.randint(25, 35))
            q = Decimal(rng.randint(100, 1_000))
            s1 = q // 2
            kind = (p * per_person + k) % 10
            signed = day + dt.timedelta(days=1)
            if kind in (3, 6):
                signed = day + dt.timedelta(days=8)  # late
            elif kind in (4, 5):
                signed = add_business_days(day, 2)  # on time, late-looking over a weekend
            stock += q
            rows = [stock_row(day, "M", q, "A", strike, stock)]
            stock -= s1
            rows.append(stock_row(day, "S", s1, "D", strike * 3, stock))
            stock -= q - s1
            reported = stock + 7 if kind in (2, 7) else stock  # a typo: a discrepancy
            rows.append(stock_row(day, "S", q - s1, "D", strike * 3, reported))
            options -= q
            notes = []
            if kind in (8, 9):
                notes.append(
                    Note(
                        field="non_derivative[1].shares_owned_following",
                        message="read '1O0' as 100",
                        kind="doubt" if k % 2 else "repair",
                        line=12,
                    )
                )
            yield Filing(
                form_type="4",
                source=Source(
                    path=f"memory/{cik}/{k:05d}.xml",
                    sha256=f"{seed:08x}{p:012x}{k:044x}",
                    format="xml",
                ),
                issuer=Issuer(name=f"Memory {ticker} Inc.", ticker=ticker, cik=f"{p % 89:010d}"),
                reporting_owners=[ReportingOwner(name=f"MEMBER {p:06d} B", cik=cik)],
                period_of_report=day,
                signatures=[Signature(name=f"/s/ Member {p}", date=signed)],
                non_derivative=rows,
                derivative=[
                    DerivativeRow(
                        kind="transaction",
                        security_title=OPTION,
                        exercise_price=strike,
                        transaction_date=day,
                        code="M",
                        shares=q,
                        acquired_disposed="D",
                        expiration_date=dt.date(2036, 1, 1),
                        underlying_title="Common Stock",
                        underlying_shares=q,
                        price=Decimal(0),
                        shares_owned_following=options,
                        ownership="D",
                    )
                ],
                notes=notes,
            )


def stock_row(
    day: dt.date, code: str, q: Decimal, ad: str, price: Decimal, after: Decimal
) -> NonDerivativeRow:
    """A Table I transaction in common stock, held directly (also bench.py's)."""
    return NonDerivativeRow(
        kind="transaction",
        security_title="Common Stock",
        transaction_date=day,
        code=code,
        shares=q,
        acquired_disposed=ad,  # type: ignore[arg-type]
        price=price,
        shares_owned_following=after,
        ownership="D",
    )


def fill(store: EventStore, filings: int, batch: int = 500, per_person: int = 20) -> int:
    """Append the synthetic filings straight to the store (no files, no parsing); returns
    the events appended."""
    done = 0
    started = time.perf_counter()
    pending: list[tuple[Filing, list[Event]]] = []
    for f in memory_filings(filings, per_person):
        pending.append((f, filing_events(f)))
        if len(pending) == batch:
            done += _appended(store.append_batch(pending))
            pending = []
            if sys.stderr.isatty():
                print(f"\r  {done:,} events", end="", file=sys.stderr)
    if pending:
        done += _appended(store.append_batch(pending))
    if sys.stderr.isatty():
        print(f"\r  {done:,} events in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return done


def _appended(results: list[AppendResult | Exception]) -> int:
    for r in results:
        if isinstance(r, Exception):
            raise r
    return sum(r.appended for r in results if isinstance(r, AppendResult))
