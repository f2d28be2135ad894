"""Between frozen events and table rows, in one place and both ways, with the hashes that let
``holdings verify`` tell a row the store wrote from one edited behind its back.

Hash formulas are versioned per row (``hash_version``), so that rows written by an older
release keep verifying under the formula they were written with:

- events, version 1 (layout 1 and 2): the content columns and the stream version;
- events, version 2: the same, ``person_name`` and ``recorded_at``;
- filings, version 2: every column of the row, its place in the append order and the hashes of
  its events, chained to the filing appended before it (version 1 rows carry no hash).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from ledger.classify import idempotency_key, stream_id
from ledger.events import Event


def partial_row(event: Event) -> dict[str, Any]:
    """Everything a stored row holds that the event alone decides, with a hash of it.

    This part runs where the event is made (in the parse workers during an ingest); only the
    stream version, the hashes that include it and the time are added by the appender."""
    row = {
        "stream_id": stream_id(event),
        "event_type": event.event_type,
        "schema_version": event.schema_version,
        "idempotency_key": idempotency_key(event),
        "person_key": event.person_key,
        "person_name": event.person_name,
        "issuer_key": event.issuer_key,
        "position_key": event.position_key,
        "filing_sha256": event.filing.sha256,
        "quantity": None if event.quantity is None else str(event.quantity),
        "shares_owned_following": None
        if event.shares_owned_following is None
        else str(event.shares_owned_following),
        "transaction_date": event.transaction_date,
        "effective_date": event.effective_date,
        "filed_date": event.filing.filed_date,
        "form_type": event.filing.form_type,
        "period_of_report": event.filing.period_of_report,
        "is_amendment": event.filing.is_amendment,
        "original_filed_date": event.filing.date_of_original_submission,
        "row_order": event.row_order,
        "payload": event.model_dump_json(),
    }
    row["content_hash"] = content_hash(row)
    return row


EVENT_HASH_VERSION = 2
FILING_HASH_VERSION = 2


def finish_row(
    partial: Mapping[str, Any], version: int, recorded_at: dt.datetime, previous_chain: str = ""
) -> dict[str, Any]:
    """``recorded_at`` is the store's clock reading (UTC), hashed in ``stamp``'s form."""
    row = dict(partial)
    content = row.pop("content_hash")
    row["stream_version"] = version
    row["recorded_at"] = recorded_at
    row["hash_version"] = EVENT_HASH_VERSION
    row["event_hash"] = _event_hash(content, version, EVENT_HASH_VERSION, row)
    row["chain_hash"] = chain_hash(previous_chain, row["event_hash"])
    return row


def event_to_row(
    event: Event, version: int, recorded_at: dt.datetime, previous_chain: str = ""
) -> dict[str, Any]:
    return finish_row(partial_row(event), version, recorded_at, previous_chain)


HASHED_COLUMNS = (
    "stream_id",
    "event_type",
    "schema_version",
    "idempotency_key",
    "person_key",
    "issuer_key",
    "position_key",
    "filing_sha256",
    "quantity",
    "shares_owned_following",
    "transaction_date",
    "effective_date",
    "filed_date",
    "row_order",
    "form_type",
    "period_of_report",
    "is_amendment",
    "original_filed_date",
    "payload",
)
"""The content a row's hash covers, besides its stream version."""


def content_hash(row: Mapping[Any, Any]) -> str:
    parts = []
    for name in HASHED_COLUMNS:
        value = row[name]
        if value is None:
            value = ""
        elif not isinstance(value, str):
            value = value.isoformat() if hasattr(value, "isoformat") else str(value)
        parts.append(f"{name}={value}")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def event_hash(row: Mapping[Any, Any]) -> str:
    """What ``event_hash`` must be for a stored row: recomputed from its columns by verify,
    under the formula the row names."""
    hv = row.get("hash_version") or 1
    return _event_hash(content_hash(row), row["stream_version"], hv, row)


def _event_hash(content: str, version: int, hash_version: int, row: Mapping[Any, Any]) -> str:
    if hash_version == 1:
        return hashlib.sha256(f"{content}:{version}".encode()).hexdigest()
    if hash_version == 2:
        name = row["person_name"] or ""
        text = f"v2:{content}:{version}:{stamp(row['recorded_at'])}:{name}"
        return hashlib.sha256(text.encode()).hexdigest()
    raise ValueError(f"unknown event hash version {hash_version}")


def stamp(value: Any) -> str:
    """One text form of a stored time on both engines (UTC, microseconds, no offset): SQLite
    keeps text without an offset, PostgreSQL a ``timestamptz``; an aware value is converted to
    UTC first, a naive one is UTC already."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return str(value.strftime("%Y-%m-%d %H:%M:%S.%f"))


FILING_HASHED_COLUMNS = (
    "sha256",
    "path",
    "format",
    "form_type",
    "accession_number",
    "issuer_key",
    "period_of_report",
    "filed_date",
    "accepted_at",
    "date_of_original_submission",
    "is_amendment",
    "event_count",
    "notes",
    "recorded_at",
    "filing_seq",
    "hash_version",
)


def filing_hash(row: Mapping[Any, Any], event_hashes: list[str], previous_chain: str) -> str:
    """The chain link of a filings row (version 2): its columns, the hashes of its events (in
    any order: they are sorted) and the link of the filing appended before it. A row put in by
    hand, a column edited, an event of it removed or a filing deleted breaks a link."""
    parts = []
    for name in FILING_HASHED_COLUMNS:
        value = row[name]
        if name == "recorded_at":
            value = stamp(value)
        elif isinstance(value, bool):
            value = "1" if value else "0"
        elif value is None:
            value = ""
        elif not isinstance(value, str):
            value = value.isoformat() if hasattr(value, "isoformat") else str(value)
        parts.append(f"{name}={value}")
    parts.append("events=" + ",".join(sorted(event_hashes)))
    content = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return chain_hash(previous_chain, content)


def chain_hash(previous: str, current: str) -> str:
    return hashlib.sha256(f"{previous}:{current}".encode()).hexdigest()
