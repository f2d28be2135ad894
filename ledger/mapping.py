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
from collections.abc import Iterable, Mapping
from operator import itemgetter
from typing import Any, NamedTuple

from ledger.classify import idempotency_key, stream_id
from ledger.events import Event, FilingRef

_new_row: Any = tuple.__new__
"""A ``PartialRow`` from its values without the Python-level ``__new__`` a NamedTuple calls
(its arguments bound one by one): ``_new_row(PartialRow, values)`` is ``PartialRow(*values)``."""


class PartialRow(NamedTuple):
    """An events row as far as the event alone decides it: the values of the first columns of
    ``EVENT_COLUMNS`` in order (dates as ISO text, the form both engines take them in), then
    their ``content_hash``. A tuple, so that the append's bulk insert takes it as it is."""

    stream_id: str
    event_type: str
    schema_version: int
    idempotency_key: str
    person_key: str
    person_name: str | None
    issuer_key: str
    position_key: str
    filing_sha256: str
    quantity: str | None
    shares_owned_following: str | None
    row_order: int
    form_type: str
    is_amendment: bool
    payload: str
    transaction_date: str | None
    effective_date: str
    filed_date: str | None
    period_of_report: str | None
    original_filed_date: str | None
    content_hash: str

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as the class and its values, unpickled by ``tuple.__new__`` alone: rows
        cross from the parse workers to the appender, whose time is the ingest's."""
        return _new_row, (PartialRow, tuple(self))


def partial_row(event: Event) -> PartialRow:
    """Everything a stored row holds that the event alone decides, with a hash of it."""
    return partial_rows([event])[0]


def partial_rows(events: Iterable[Event]) -> list[PartialRow]:
    """``partial_row`` of each event, made in one pass.

    This part runs where the events are made (in the parse workers during an ingest); only the
    stream version, the hashes that include it and the time are added by the appender. The
    content hash is ``content_hash``'s text spelt out column by column (the types are known
    here; a test holds the two together), its payload hashed as pydantic's bytes (the text
    encoded once). What the filing decides (a filing's events share one ``FilingRef``) is
    written once per filing."""
    out: list[PartialRow] = []
    ref: FilingRef | None = None
    for event in events:
        filing = event.filing
        if filing is not ref:
            ref = filing
            sha = filing.sha256
            form_type = filing.form_type
            is_amendment = filing.is_amendment
            day = filing.filed_date
            filed_date = None if day is None else day.isoformat()
            day = filing.period_of_report
            period_of_report = None if day is None else day.isoformat()
            day = filing.date_of_original_submission
            original_filed_date = None if day is None else day.isoformat()
            filed_text = f"\x1ffiled_date={filed_date or ''}\x1frow_order="
            filing_text = (
                f"\x1fform_type={form_type}\x1fperiod_of_report={period_of_report or ''}"
                f"\x1fis_amendment={is_amendment}"
                f"\x1foriginal_filed_date={original_filed_date or ''}\x1fpayload="
            )
        quantity = None if event.quantity is None else str(event.quantity)
        following = (
            None if event.shares_owned_following is None else str(event.shares_owned_following)
        )
        day = event.transaction_date
        transaction_date = None if day is None else day.isoformat()
        effective_date = event.effective_date.isoformat()
        person_key = event.person_key
        issuer_key = event.issuer_key
        sid = stream_id(event)
        event_type = event.event_type
        schema_version = event.schema_version
        key = idempotency_key(event)
        position_key = event.position_key
        row_order = event.row_order
        payload = type(event).__pydantic_serializer__.to_json(event)
        text = (
            f"stream_id={sid}\x1fevent_type={event_type}\x1fschema_version={schema_version}"
            f"\x1fidempotency_key={key}\x1fperson_key={person_key}\x1fissuer_key={issuer_key}"
            f"\x1fposition_key={position_key}\x1ffiling_sha256={sha}"
            f"\x1fquantity={quantity or ''}\x1fshares_owned_following={following or ''}"
            f"\x1ftransaction_date={transaction_date or ''}\x1feffective_date={effective_date}"
            f"{filed_text}{row_order}{filing_text}"
        )
        digest = hashlib.sha256(text.encode())
        digest.update(payload)
        out.append(
            _new_row(
                PartialRow,
                (
                    sid,
                    event_type,
                    schema_version,
                    key,
                    person_key,
                    event.person_name,
                    issuer_key,
                    position_key,
                    sha,
                    quantity,
                    following,
                    row_order,
                    form_type,
                    is_amendment,
                    payload.decode(),
                    transaction_date,
                    effective_date,
                    filed_date,
                    period_of_report,
                    original_filed_date,
                    digest.hexdigest(),
                ),
            )
        )
    return out


EVENT_HASH_VERSION = 2
FILING_HASH_VERSION = 2


def finish_row(
    partial: PartialRow, version: int, recorded_at: dt.datetime, previous_chain: str = ""
) -> dict[str, Any]:
    """``recorded_at`` is the store's clock reading (UTC), hashed in ``stamp``'s form."""
    row = partial._asdict()
    content = row.pop("content_hash")
    row["stream_version"] = version
    row["recorded_at"] = recorded_at
    row["hash_version"] = EVENT_HASH_VERSION
    row["event_hash"] = _event_hash(content, version, EVENT_HASH_VERSION, row)
    row["chain_hash"] = chain_hash(previous_chain, row["event_hash"])
    return row


EVENT_COLUMNS = (
    *PartialRow._fields[:-1],
    "stream_version",
    "recorded_at",
    "hash_version",
    "event_hash",
    "chain_hash",
)
"""Every column the store writes to ``events`` (all but ``seq``), in ``finish_values``'s order."""


def finish_values(
    partial: PartialRow, version: int, recorded_at: Any, stamped: str, previous_chain: str
) -> tuple[Any, ...]:
    """The events row of ``partial`` at stream ``version``, as the values of ``EVENT_COLUMNS``:
    what ``finish_row`` makes, straight in the driver's shape for the append's bulk insert.
    ``stamped`` is ``stamp(recorded_at)``, the time once for a whole batch; ``recorded_at`` is
    in the form the engine stores (SQLite: text)."""
    event = _event_hash_v2(partial.content_hash, version, stamped, partial.person_name)
    chain = chain_hash(previous_chain, event)
    return (*partial[:-1], version, recorded_at, EVENT_HASH_VERSION, event, chain)


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
        return _event_hash_v2(content, version, stamp(row["recorded_at"]), row["person_name"])
    raise ValueError(f"unknown event hash version {hash_version}")


def _event_hash_v2(content: str, version: int, stamped: str, person_name: str | None) -> str:
    """Hash version 2's text, in one place for verify and for the append's hot path."""
    text = f"v2:{content}:{version}:{stamped}:{person_name or ''}"
    return hashlib.sha256(text.encode()).hexdigest()


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
) -> tuple[Any, ...]:
    """The filings row of ``row`` (a filing's own columns, ``FILING_HASHED_COLUMNS`` up to
    ``notes``) at place ``filing_seq`` of the append order, as the values of ``FILING_COLUMNS``
    with its chain link last: ``filing_hash``'s text, spelt out for the append's hot path
    (``recorded_at`` and ``stamped`` as for ``finish_values``; dates as ISO text)."""
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
    values = list(_FILING_OWN(row))
    for i in _FILING_DATES:
        if values[i] is not None:
            values[i] = values[i].isoformat()
    return (*values, recorded_at, filing_seq, FILING_HASH_VERSION, chain)


def chain_hash(previous: str, current: str) -> str:
    return hashlib.sha256(f"{previous}:{current}".encode()).hexdigest()
