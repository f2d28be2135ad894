"""Replay order, defined once for every reader and writer of the log.

Events fold by transaction date (a holding: its filing's last trade date), then by the date the
filing reached the public, then by the filing's content hash (a stable tie-break that never
depends on when something was ingested), then by the row's place in its filing: Table I before
Table II, rows in printed order, reporting owners in Box 1 order. Filings that tie on both dates
are reordered by how their balances chain, in the fold itself (``projections.projector``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func

from ledger.tables import EVENTS

ReplayKey = tuple[dt.date, dt.date, str, int]

_TABLE_OFFSET = {"non_derivative": 0, "derivative": 1_000_000}
_OWNERS_PER_ROW = 100


def row_order(table: str, row_index: int, owner_index: int = 0) -> int:
    """A row's place within its filing as one integer (stored in ``events.row_order``)."""
    return _TABLE_OFFSET[table] + row_index * _OWNERS_PER_ROW + owner_index


def replay_key(
    effective_date: dt.date, filed_date: dt.date | None, filing_sha256: str, row_order: int
) -> ReplayKey:
    """The sort key of one event in a replay; a filing date that is not known sorts as the
    event's own date, on both engines and in Python alike."""
    return (effective_date, filed_date or effective_date, filing_sha256, row_order)


_E = EVENTS.c

REPLAY_ORDER: tuple[Any, ...] = (
    _E.stream_id,
    _E.effective_date,
    func.coalesce(_E.filed_date, _E.effective_date),
    _E.filing_sha256,
    _E.row_order,
)
"""``replay_key`` in SQL, after the stream: what the ``ix_events_replay`` index serves."""
