"""What a fold needs of an event, read straight from indexed columns.

Rebuilding positions over a million events must not pay for decoding a million JSON payloads,
so a fold works on ``Entry``: the few columns that move a balance. The full event is fetched
only where a person wants to read it (replay, report) or an audit wants its footnotes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Any

from sqlalchemy import select

from holdings.ledger.store import EVENTS, FILINGS, EventStore


@dataclass(slots=True, frozen=True)
class Entry:
    position: int
    stream_id: str
    person_key: str
    person_name: str | None
    issuer_key: str
    event_type: str
    position_key: str
    quantity: Decimal | None
    reported: Decimal | None
    transaction_date: dt.date | None
    effective_date: dt.date
    filed_date: dt.date | None
    filing_sha256: str
    row_order: int
    form_type: str
    period_of_report: dt.date | None
    is_amendment: bool

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.effective_date,
            self.filed_date or self.effective_date,
            self.filing_sha256,
            self.row_order,
        )


_COLUMNS = (
    EVENTS.c.position,
    EVENTS.c.stream_id,
    EVENTS.c.person_key,
    EVENTS.c.person_name,
    EVENTS.c.issuer_key,
    EVENTS.c.event_type,
    EVENTS.c.position_key,
    EVENTS.c.quantity,
    EVENTS.c.shares_owned_following,
    EVENTS.c.transaction_date,
    EVENTS.c.effective_date,
    EVENTS.c.filed_date,
    EVENTS.c.filing_sha256,
    EVENTS.c.row_order,
    FILINGS.c.form_type,
    FILINGS.c.period_of_report,
    FILINGS.c.is_amendment,
)


def _entry(row: Any) -> Entry:
    q = row[7]
    r = row[8]
    return Entry(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        None if q is None else Decimal(q),
        None if r is None else Decimal(r),
        row[9],
        row[10],
        row[11],
        row[12],
        row[13],
        row[14],
        row[15],
        bool(row[16]),
    )


def read_entries(
    store: EventStore,
    *,
    person_keys: Iterable[str] | None = None,
    issuer_key: str | None = None,
    stream_ids: Iterable[str] | None = None,
    after_position: int = 0,
    chunk: int = 10_000,
) -> Iterator[Entry]:
    """Entries ordered by stream, then replay order, streamed in chunks."""
    q = (
        select(*_COLUMNS)
        .join(FILINGS, FILINGS.c.sha256 == EVENTS.c.filing_sha256)
        .where(EVENTS.c.position > after_position)
    )
    if person_keys is not None:
        q = q.where(EVENTS.c.person_key.in_(list(person_keys)))
    if issuer_key is not None:
        q = q.where(EVENTS.c.issuer_key == issuer_key)
    if stream_ids is not None:
        q = q.where(EVENTS.c.stream_id.in_(list(stream_ids)))
    q = q.order_by(
        EVENTS.c.stream_id,
        EVENTS.c.effective_date,
        EVENTS.c.filed_date,
        EVENTS.c.sort_filing,
        EVENTS.c.row_order,
    )
    with store.engine.connect().execution_options(stream_results=True, yield_per=chunk) as conn:
        for row in conn.execute(q):
            yield _entry(row)


def by_stream(entries: Iterable[Entry]) -> Iterator[tuple[str, list[Entry]]]:
    """One stream at a time: a stream is small, the log is not."""
    for sid, group in groupby(entries, key=lambda e: e.stream_id):
        yield sid, list(group)
