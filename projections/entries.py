"""What a fold needs of an event, read straight from indexed columns.

Rebuilding positions over a million events must not pay for decoding a million JSON payloads,
so a fold works on ``Entry``: the few columns that move a balance. The full event is fetched
only where a person wants to read it (replay, report) or an audit wants its footnotes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Any

from sqlalchemy import String, select, type_coerce

from ledger.order import REPLAY_ORDER, ReplayKey, replay_key
from ledger.store import EventStore, where_events
from ledger.tables import EVENTS
from projections.links import ReadView


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
    replaced: bool = False
    """A text rendering of a filing whose structured reading (XML) is in the ledger too: kept
    in the log, looked past by every projection (see ``projections.links``)."""

    @property
    def sort_key(self) -> ReplayKey:
        return replay_key(self.effective_date, self.filed_date, self.filing_sha256, self.row_order)

    @property
    def change_unknown(self) -> bool:
        """A transaction whose change the ledger does not know (its size or its side was not
        read): no balance goes on past it by arithmetic."""
        return self.quantity is None and self.event_type != "holding_reported"


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
    chunk: int = 1_000,
    view: ReadView | None = None,
) -> Iterator[Entry]:
    """Entries grouped by stream (each stream's entries together), streamed in chunks.

    A name-keyed stream linked to a CIK-keyed one comes out as part of it (stream id and person
    key of the CIK side), and the filters reach across the link: asking for either key or
    stream gets both. Entries of renderings a structured filing replaced are marked
    ``replaced``. Without links the order is stream, then replay order, straight from the
    index; linked streams come last, each merged in replay order."""
    view = view if view is not None else ReadView.load(store)
    links = view.links
    if not view:
        for row in _rows(
            store, person_keys, issuer_key, stream_ids, stream_range, after_seq, chunk
        ):
            yield _entry(row)
        return
    replaced = view.replaced
    if links:
        person_keys = None if person_keys is None else links.expand_keys(person_keys)
        stream_ids = None if stream_ids is None else links.expand_streams(stream_ids)
    grouped = links.grouped_streams
    held: dict[str, list[Entry]] = defaultdict(list)
    for row in _rows(store, person_keys, issuer_key, stream_ids, stream_range, after_seq, chunk):
        e = _entry(row)
        if e.filing_sha256 in replaced:
            e = dataclasses.replace(e, replaced=True)
        if e.stream_id not in grouped:
            yield e
            continue
        canon = links.canonical_stream(e.stream_id)
        if stream_range is None or _within(canon, stream_range):
            held[canon].append(_as_part_of(e, canon, links.canonical(e.person_key)))
    if stream_range is not None and stream_ids is None:
        # Linked streams whose own id lies outside the range but whose CIK side is inside it.
        outside = [
            s
            for s, c in links.stream_alias.items()
            if _within(c, stream_range) and not _within(s, stream_range)
        ]
        if outside:
            for row in _rows(store, person_keys, issuer_key, outside, None, after_seq, chunk):
                e = _entry(row)
                if e.filing_sha256 in replaced:
                    e = dataclasses.replace(e, replaced=True)
                canon = links.canonical_stream(e.stream_id)
                held[canon].append(_as_part_of(e, canon, links.canonical(e.person_key)))
    for canon in sorted(held):
        yield from sorted(held[canon], key=lambda e: (e.sort_key, e.seq))


def _as_part_of(e: Entry, stream_id: str, person_key: str) -> Entry:
    if e.stream_id == stream_id:
        return e
    return dataclasses.replace(e, stream_id=stream_id, person_key=person_key)


def _within(stream_id: str, bounds: tuple[str | None, str | None]) -> bool:
    low, high = bounds
    return (low is None or stream_id >= low) and (high is None or stream_id < high)


def _rows(
    store: EventStore,
    person_keys: Iterable[str] | None,
    issuer_key: str | None,
    stream_ids: Iterable[str] | None,
    stream_range: tuple[str | None, str | None] | None,
    after_seq: int,
    chunk: int,
) -> Iterator[tuple[Any, ...]]:
    q = where_events(
        select(*_COLUMNS),
        person_keys=person_keys,
        issuer_key=issuer_key,
        stream_ids=stream_ids,
        stream_range=stream_range,
        after_seq=after_seq,
    ).order_by(*REPLAY_ORDER)
    yield from raw_rows(store, q, chunk)


def raw_rows(store: EventStore, query: Any, chunk: int = 1_000) -> Iterator[tuple[Any, ...]]:
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
            # Let go of this chunk before the next is fetched: one chunk held, not two.
            del rows
        cursor.close()
    finally:
        raw.rollback()
        raw.close()


def by_stream(entries: Iterable[Entry]) -> Iterator[tuple[str, list[Entry]]]:
    """One stream at a time: a stream is small, the log is not."""
    for sid, group in groupby(entries, key=lambda e: e.stream_id):
        yield sid, list(group)
