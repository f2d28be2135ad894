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

from sqlalchemy import String, select, type_coerce

from ledger.order import REPLAY_ORDER, ReplayKey, replay_key
from ledger.store import EventStore, where_events
from ledger.tables import EVENTS


@dataclass(slots=True, frozen=True)
class Entry:
    seq: int
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
    original_filed_date: dt.date | None = None

    @property
    def sort_key(self) -> ReplayKey:
        return replay_key(self.effective_date, self.filed_date, self.filing_sha256, self.row_order)


_DATES = (
    "transaction_date",
    "effective_date",
    "filed_date",
    "period_of_report",
    "original_filed_date",
)
_COLUMNS = tuple(
    type_coerce(EVENTS.c[name], String) if name in _DATES else EVENTS.c[name]
    for name in (
        "seq",
        "stream_id",
        "person_key",
        "person_name",
        "issuer_key",
        "event_type",
        "position_key",
        "quantity",
        "shares_owned_following",
        "transaction_date",
        "effective_date",
        "filed_date",
        "filing_sha256",
        "row_order",
        "form_type",
        "period_of_report",
        "is_amendment",
        "original_filed_date",
    )
)
"""Dates are read raw (ISO text on SQLite) and converted here: the driver-level date parsing
costs more than the rest of the row."""


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


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
        _date(row[9]),
        _date(row[10]),  # type: ignore[arg-type]  # effective_date is NOT NULL
        _date(row[11]),
        row[12],
        row[13],
        row[14],
        _date(row[15]),
        bool(row[16]),
        _date(row[17]),
    )


def read_entries(
    store: EventStore,
    *,
    person_keys: Iterable[str] | None = None,
    issuer_key: str | None = None,
    stream_ids: Iterable[str] | None = None,
    stream_range: tuple[str | None, str | None] | None = None,
    after_seq: int = 0,
    chunk: int = 10_000,
) -> Iterator[Entry]:
    """Entries ordered by stream, then replay order, streamed in chunks."""
    q = where_events(
        select(*_COLUMNS),
        person_keys=person_keys,
        issuer_key=issuer_key,
        stream_ids=stream_ids,
        stream_range=stream_range,
        after_seq=after_seq,
    ).order_by(*REPLAY_ORDER)
    for row in raw_rows(store, q, chunk):
        yield _entry(row)


def raw_rows(store: EventStore, query: Any, chunk: int = 10_000) -> Iterator[tuple[Any, ...]]:
    """Plain DBAPI tuples, streamed (a server-side cursor on PostgreSQL): a rebuild reads
    millions of rows and the result-object layer would cost more than the fold itself."""
    dialect = store.engine.dialect
    compiled = query.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    params: Any = compiled.params
    if dialect.paramstyle in ("qmark", "numeric"):
        params = [compiled.params[k] for k in compiled.positiontup or ()]
    raw = store.engine.raw_connection()
    try:
        if dialect.name == "postgresql":
            cursor = raw.driver_connection.cursor(name="holdings_entries")  # type: ignore[union-attr]  # psycopg 3
            cursor.itersize = chunk
        else:
            cursor = raw.cursor()
        cursor.execute(str(compiled), params)
        while rows := cursor.fetchmany(chunk):
            yield from rows
        cursor.close()
    finally:
        raw.rollback()
        raw.close()


def by_stream(entries: Iterable[Entry]) -> Iterator[tuple[str, list[Entry]]]:
    """One stream at a time: a stream is small, the log is not."""
    for sid, group in groupby(entries, key=lambda e: e.stream_id):
        yield sid, list(group)
