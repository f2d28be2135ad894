"""Between frozen events and table rows, in one place and both ways."""

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


def finish_row(
    partial: Mapping[str, Any], version: int, recorded_at: dt.datetime, previous_chain: str = ""
) -> dict[str, Any]:
    row = dict(partial)
    content = row.pop("content_hash")
    row["stream_version"] = version
    row["recorded_at"] = recorded_at
    row["event_hash"] = _versioned(content, version)
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
    """What ``event_hash`` must be for a stored row: recomputed from its columns by verify."""
    return _versioned(content_hash(row), row["stream_version"])


def _versioned(content: str, version: int) -> str:
    return hashlib.sha256(f"{content}:{version}".encode()).hexdigest()


def chain_hash(previous: str, current: str) -> str:
    return hashlib.sha256(f"{previous}:{current}".encode()).hexdigest()
