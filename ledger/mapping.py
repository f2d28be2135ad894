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
from operator import itemgetter
from typing import Any

from ledger.classify import idempotency_key, stream_id
from ledger.events import Event


def partial_row(event: Event) -> dict[str, Any]:
    """Everything a stored row holds that the event alone decides, with a hash of it.

    This part runs where the event is made (in the parse workers during an ingest); only the
    stream version, the hashes that include it and the time are added by the appender."""
    filing = event.filing
    quantity = event.quantity
    following = event.shares_owned_following
    row = {
        "stream_id": stream_id(event),
        "event_type": event.event_type,
        "schema_version": event.schema_version,
        "idempotency_key": idempotency_key(event),
        "person_key": event.person_key,
        "person_name": event.person_name,
        "issuer_key": event.issuer_key,
        "position_key": event.position_key,
        "filing_sha256": filing.sha256,
        "quantity": None if quantity is None else str(quantity),
        "shares_owned_following": None if following is None else str(following),
        "row_order": event.row_order,
        "form_type": filing.form_type,
        "is_amendment": filing.is_amendment,
        "payload": event.model_dump_json(),
        "transaction_date": event.transaction_date,
        "effective_date": event.effective_date,
        "filed_date": filing.filed_date,
        "period_of_report": filing.period_of_report,
        "original_filed_date": filing.date_of_original_submission,
    }
    row["content_hash"] = _content_hash(row)
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


DATE_COLUMNS = (
    "transaction_date",
    "effective_date",
    "filed_date",
    "period_of_report",
    "original_filed_date",
)
"""The dates of an events row: SQLite stores them as ISO text, which its driver is given."""

EVENT_COLUMNS = (
    "stream_id",
    "event_type",
    "schema_version",
    "idempotency_key",
    "person_key",
    "person_name",
    "issuer_key",
    "position_key",
    "filing_sha256",
    "quantity",
    "shares_owned_following",
    "row_order",
    "form_type",
    "is_amendment",
    "payload",
    *DATE_COLUMNS,
    "stream_version",
    "recorded_at",
    "hash_version",
    "event_hash",
    "chain_hash",
)
"""Every column the store writes to ``events`` (all but ``seq``), in ``finish_values``'s order."""

_PLAIN = itemgetter(*EVENT_COLUMNS[:15])
_DATES = itemgetter(*DATE_COLUMNS)


def finish_values(
    partial: Mapping[str, Any],
    version: int,
    recorded_at: Any,
    stamped: str,
    previous_chain: str,
    text_dates: bool,
) -> tuple[Any, ...]:
    """The events row of ``partial`` at stream ``version``, as the values of ``EVENT_COLUMNS``:
    what ``finish_row`` makes, straight in the driver's shape for the append's bulk insert.
    ``stamped`` is ``stamp(recorded_at)``, the time once for a whole batch; ``recorded_at``
    and, with ``text_dates``, the dates are in the form the engine stores (SQLite: text)."""
    name = partial["person_name"] or ""
    text = f"v2:{partial['content_hash']}:{version}:{stamped}:{name}"
    event = hashlib.sha256(text.encode()).hexdigest()
    chain = hashlib.sha256(f"{previous_chain}:{event}".encode()).hexdigest()
    td, ed, fd, pr, od = _DATES(partial)
    if text_dates:
        return (
            *_PLAIN(partial),
            None if td is None else td.isoformat(),
            ed.isoformat(),
            None if fd is None else fd.isoformat(),
            None if pr is None else pr.isoformat(),
            None if od is None else od.isoformat(),
            version,
            recorded_at,
            EVENT_HASH_VERSION,
            event,
            chain,
        )
    return (
        *_PLAIN(partial),
        td,
        ed,
        fd,
        pr,
        od,
        version,
        recorded_at,
        EVENT_HASH_VERSION,
        event,
        chain,
    )


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


def _content_hash(row: Mapping[str, Any]) -> str:
    """``content_hash`` of a row ``partial_row`` made, spelt out column by column: the types
    are known there (text, whole numbers, a bool, dates or None), so no value is inspected.
    The same text as ``content_hash`` builds (a test holds them together); this is the ingest's
    hot path, that one the reader of any stored row."""
    td = row["transaction_date"]
    fd = row["filed_date"]
    pr = row["period_of_report"]
    od = row["original_filed_date"]
    text = (
        f"stream_id={row['stream_id']}\x1fevent_type={row['event_type']}"
        f"\x1fschema_version={row['schema_version']}"
        f"\x1fidempotency_key={row['idempotency_key']}\x1fperson_key={row['person_key']}"
        f"\x1fissuer_key={row['issuer_key']}\x1fposition_key={row['position_key']}"
        f"\x1ffiling_sha256={row['filing_sha256']}\x1fquantity={row['quantity'] or ''}"
        f"\x1fshares_owned_following={row['shares_owned_following'] or ''}"
        f"\x1ftransaction_date={'' if td is None else td.isoformat()}"
        f"\x1feffective_date={row['effective_date'].isoformat()}"
        f"\x1ffiled_date={'' if fd is None else fd.isoformat()}"
        f"\x1frow_order={row['row_order']}\x1fform_type={row['form_type']}"
        f"\x1fperiod_of_report={'' if pr is None else pr.isoformat()}"
        f"\x1fis_amendment={row['is_amendment']}"
        f"\x1foriginal_filed_date={'' if od is None else od.isoformat()}"
        f"\x1fpayload={row['payload']}"
    )
    return hashlib.sha256(text.encode()).hexdigest()


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


FILING_COLUMNS = (*FILING_HASHED_COLUMNS, "chain_hash")
"""Every column of ``filings``, in ``filing_values``'s order."""

_FILING_OWN = itemgetter(*FILING_HASHED_COLUMNS[:13])
_FILING_DATES = [
    FILING_HASHED_COLUMNS.index(n)
    for n in ("period_of_report", "filed_date", "date_of_original_submission")
]


def filing_values(
    row: Mapping[str, Any],
    recorded_at: Any,
    stamped: str,
    filing_seq: int,
    event_hashes: list[str],
    previous_chain: str,
    text_dates: bool,
) -> tuple[Any, ...]:
    """The filings row of ``row`` (a filing's own columns, ``FILING_HASHED_COLUMNS`` up to
    ``notes``) at place ``filing_seq`` of the append order, as the values of ``FILING_COLUMNS``
    with its chain link last: ``filing_hash``'s text, spelt out for the append's hot path
    (``recorded_at``, ``stamped`` and ``text_dates`` as for ``finish_values``)."""
    pr = row["period_of_report"]
    fd = row["filed_date"]
    od = row["date_of_original_submission"]
    text = (
        f"sha256={row['sha256']}\x1fpath={row['path']}\x1fformat={row['format']}"
        f"\x1fform_type={row['form_type']}\x1faccession_number={row['accession_number'] or ''}"
        f"\x1fissuer_key={row['issuer_key']}"
        f"\x1fperiod_of_report={'' if pr is None else pr.isoformat()}"
        f"\x1ffiled_date={'' if fd is None else fd.isoformat()}"
        f"\x1faccepted_at={row['accepted_at'] or ''}"
        f"\x1fdate_of_original_submission={'' if od is None else od.isoformat()}"
        f"\x1fis_amendment={'1' if row['is_amendment'] else '0'}"
        f"\x1fevent_count={row['event_count']}\x1fnotes={row['notes']}"
        f"\x1frecorded_at={stamped}\x1ffiling_seq={filing_seq}"
        f"\x1fhash_version={FILING_HASH_VERSION}\x1fevents={','.join(sorted(event_hashes))}"
    )
    chain = chain_hash(previous_chain, hashlib.sha256(text.encode()).hexdigest())
    values = _FILING_OWN(row)
    if text_dates:
        values = list(values)
        for i in _FILING_DATES:
            if values[i] is not None:
                values[i] = values[i].isoformat()
    return (*values, recorded_at, filing_seq, FILING_HASH_VERSION, chain)


def chain_hash(previous: str, current: str) -> str:
    return hashlib.sha256(f"{previous}:{current}".encode()).hexdigest()
