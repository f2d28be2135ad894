"""The tables the library hands out, as Arrow schemas: one definition per table, read by the
Python API's ``to_pandas``/``to_arrow`` and written by ``holdings export`` to Parquet, so a
column means the same in a notebook and in a file.

Share counts, prices and balances are ``decimal128(18, 6)``: exact, and numeric to pandas and
every Parquet reader. Twelve digits before the point hold any share count a company has
outstanding and any price per share (the largest counts filed run to eleven digits); six after
it hold every decimal filings state (prices to four places as a rule, fractional shares to
three or four; the most in this project's real corpus is four). Eighteen is also the widest
precision at which two such columns still multiply in Arrow (``quantity * price`` is a
``decimal128(37, 12)``): a wider type would make a trade's value an error in a notebook. A
figure beyond either bound is refused with the event that holds it, never rounded
(``DecimalOverflow``). Dates are ``date32``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Context, Decimal
from typing import Any, Generic, TypeVar

import pyarrow as pa

from holdings.edgar_links import filing_index_url
from ledger.store import EventStore
from projections.audit import Discrepancy, InputNote, LateFiling
from projections.people import Person
from projections.replay import ReplayRow
from projections.snapshot import Holding

PRECISION, SCALE = 18, 6
DECIMAL = pa.decimal128(PRECISION, SCALE)

T = TypeVar("T")


class DecimalOverflow(ValueError):
    """A figure that a ``decimal128(18, 6)`` column cannot hold exactly."""


@dataclass(frozen=True)
class Column(Generic[T]):
    name: str
    type: pa.DataType
    get: Callable[[T], Any]
    doc: str


@dataclass(frozen=True)
class LoggedEvent:
    """An event as the log holds it: its global sequence number and when it was recorded."""

    seq: int
    recorded_at: dt.datetime | None
    event: Any
    """A ``ledger.events.Event``."""


class Table(Generic[T]):
    """A table's columns, and rows of ``T`` turned into Arrow record batches."""

    def __init__(self, name: str, doc: str, columns: Sequence[Column[T]]) -> None:
        self.name = name
        self.doc = doc
        self.columns = tuple(columns)

    @property
    def schema(self) -> pa.Schema:
        return pa.schema(
            [pa.field(c.name, c.type, metadata={"description": c.doc}) for c in self.columns],
            metadata={"table": self.name, "description": self.doc},
        )

    def batch(self, rows: Sequence[T]) -> pa.RecordBatch:
        arrays = []
        for c in self.columns:
            values = [c.get(r) for r in rows]
            try:
                arrays.append(pa.array(values, type=c.type))
            except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
                raise _overflow(self.name, c, rows, values) or exc from None
        return pa.RecordBatch.from_arrays(arrays, schema=self.schema)

    def table(self, rows: Sequence[T]) -> pa.Table:
        return pa.Table.from_batches([self.batch(rows)], schema=self.schema)

    def batches(self, rows: Iterable[T], size: int = 10_000) -> Iterable[pa.RecordBatch]:
        chunk: list[T] = []
        for r in rows:
            chunk.append(r)
            if len(chunk) >= size:
                yield self.batch(chunk)
                chunk = []
        if chunk:
            yield self.batch(chunk)


def _overflow(
    table: str, column: Column[Any], rows: Sequence[Any], values: list[Any]
) -> DecimalOverflow | None:
    if column.type != DECIMAL:
        return None
    for row, value in zip(rows, values, strict=True):
        if isinstance(value, Decimal) and not _fits(value):
            return DecimalOverflow(
                f"{table}.{column.name}: {value} does not fit decimal({PRECISION}, {SCALE}) "
                f"exactly ({_where(row)}); refusing to round it"
            )
    return None


def _fits(value: Decimal) -> bool:
    if not value.is_finite():
        return False
    t = value.as_tuple()
    integer_digits = max(0, len(t.digits) + int(t.exponent))
    exact = value.quantize(_QUANTUM, context=_WIDE) == value
    return exact and integer_digits <= PRECISION - SCALE


_QUANTUM = Decimal(1).scaleb(-SCALE)
_WIDE = Context(prec=200)


def _where(row: Any) -> str:
    if isinstance(row, tuple):
        row = row[0]
    event = getattr(row, "event", None)
    if event is not None and hasattr(event, "provenance"):
        p = event.provenance
        return f"{p.source_path}" + (f":{p.line}" if p.line else "")
    path = getattr(row, "filing_path", None) or getattr(row, "last_filing", None)
    return str(path) if path else "row"


def _text(values: Iterable[str]) -> str:
    return " | ".join(values)


# --- the tables ---------------------------------------------------------------------------

S, D, B, I64 = pa.string(), pa.date32(), pa.bool_(), pa.int64()

POSITIONS: Table[tuple[Holding, dt.date, dt.date | None]] = Table(
    "positions",
    "Positions at the end of as_of (only what had been filed by known_at, when set); "
    "options past their expiration are left out unless asked for.",
    [
        Column("as_of", D, lambda r: r[1], "the date the positions are taken at the end of"),
        Column("known_at", D, lambda r: r[2], "only filings filed by this date, or null"),
        Column("person", S, lambda r: r[0].person_name or r[0].person_key, "Box 1 name"),
        Column("person_key", S, lambda r: r[0].person_key, "cik:NNNNNNNNNN, else name:ISSUER:name"),
        Column("issuer", S, lambda r: r[0].issuer_key, "the issuer's ticker, else cik:NNNN"),
        Column("kind", S, lambda r: r[0].kind, "direct, indirect or option (any derivative)"),
        Column("security", S, lambda r: r[0].security, "title; a grant adds price and expiry"),
        Column("ownership", S, lambda r: r[0].ownership, "direct, or indirect with its nature"),
        Column("balance", DECIMAL, lambda r: r[0].balance, "the ledger's running balance"),
        Column(
            "reported_balance",
            DECIMAL,
            lambda r: r[0].reported_balance,
            "the filer's last reported balance where it disagrees with the ledger's, else null",
        ),
        Column("disputed", B, lambda r: r[0].reported_balance is not None, "the two disagree"),
        Column("opening_inferred", B, lambda r: r[0].opening_inferred, "opening was inferred"),
        Column("last_date", D, lambda r: r[0].last_date, "date of the position's last event"),
        Column("expiration_date", D, lambda r: r[0].expiration_date, "a grant's expiry, or null"),
        Column("expired", B, lambda r: r[0].expired, "expired by as_of (only when included)"),
        Column("doubted", B, lambda r: bool(r[0].doubts), "the balance rests on a doubted value"),
        Column("doubts", S, lambda r: _text(r[0].doubts), "the parser's doubts it rests on"),
        Column("last_filing", S, lambda r: r[0].last_filing, "source file of the last event"),
        Column("position_key", S, lambda r: r[0].position_key, "the position's key in its stream"),
    ],
)

REPLAY: Table[ReplayRow] = Table(
    "replay",
    "A person's events in replay order, each beside its position's running balance.",
    [
        Column("date", D, lambda r: r.event.effective_date, "when the event takes effect"),
        Column("transaction_date", D, lambda r: r.event.transaction_date, "as filed, or null"),
        Column("filed_date", D, lambda r: r.event.filing.filed_date, "when it was filed"),
        Column("person", S, lambda r: r.event.person_name or r.event.person_key, "Box 1 name"),
        Column("person_key", S, lambda r: r.event.person_key, "the person's key"),
        Column("issuer", S, lambda r: r.event.issuer_key, "the issuer's key"),
        Column("event_type", S, lambda r: r.event.event_type, "sale, purchase, exercise, ..."),
        Column("code", S, lambda r: r.event.code, "transaction code as filed"),
        Column("position", S, lambda r: r.label, "security [ownership]"),
        Column("quantity", DECIMAL, lambda r: r.event.quantity, "signed; null: holding, no side"),
        Column("shares", DECIMAL, lambda r: r.event.shares, "the row's amount as filed, unsigned"),
        Column("price", DECIMAL, lambda r: r.event.price, "price per share as filed"),
        Column("running", DECIMAL, lambda r: r.running, "the ledger's balance after the event"),
        Column("reported", DECIMAL, lambda r: r.reported, "the filing's owned-following figure"),
        Column(
            "opening_inferred",
            DECIMAL,
            lambda r: r.before if r.opened else None,
            "the inferred opening balance, on a position's first event",
        ),
        Column("ok", B, lambda r: r.ok, "running and reported agree (or nothing reported)"),
        Column("superseded", B, lambda r: r.superseded, "its filing was restated by a 4/A"),
        Column("footnotes", S, lambda r: _text(r.event.footnote_texts()), "footnote texts"),
        Column(
            "doubted",
            S,
            lambda r: ", ".join(n.field or "row" for n in r.event.doubts) or None,
            "fields whose doubted value a balance rests on",
        ),
        Column("notes", S, lambda r: _text(n.text for n in r.event.notes), "parser's notes"),
        Column("filing", S, lambda r: r.event.provenance.source_path, "source file"),
        Column("line", I64, lambda r: r.event.provenance.line, "line in the source file"),
        Column("position_key", S, lambda r: r.position_key, "the position's key in its stream"),
    ],
)

DISCREPANCIES: Table[Discrepancy] = Table(
    "discrepancies",
    "Every reported balance that disagrees with the running one, with its cause; legitimate "
    "ones (ESPP, RSU lots, a footnote that explains it) do not fail the audit.",
    [
        Column("person", S, lambda d: d.person_name or d.person_key, "Box 1 name"),
        Column("person_key", S, lambda d: d.person_key, "the person's key"),
        Column("issuer", S, lambda d: d.issuer_key, "the issuer's key"),
        Column("position", S, lambda d: d.label, "security [ownership]"),
        Column("date", D, lambda d: d.date, "the event's date"),
        Column("event_type", S, lambda d: d.event_type, "the event's kind"),
        Column("expected", DECIMAL, lambda d: d.expected, "the ledger's running balance"),
        Column("reported", DECIMAL, lambda d: d.reported, "the filing's owned-following figure"),
        Column("difference", DECIMAL, lambda d: d.difference, "reported minus expected"),
        Column("cause", S, lambda d: d.cause, "within filing, between filings, amended, ..."),
        Column("legitimate", B, lambda d: d.legitimate, "explained: does not fail the audit"),
        Column("detail", S, lambda d: d.detail, "what the cause rests on"),
        Column("filing", S, lambda d: d.filing_path, "source file"),
        Column("line", I64, lambda d: d.line, "line in the source file"),
        Column("filing_sha256", S, lambda d: d.filing_sha256, "the filing's content hash"),
        Column("table", S, lambda d: d.table, "non_derivative or derivative"),
        Column("row", I64, lambda d: d.row_index, "row within the table"),
        Column("event_seq", I64, lambda d: d.event_seq, "the event's log sequence number"),
        Column("position_key", S, lambda d: d.position_key, "the position's key"),
    ],
)

LATE_FILINGS: Table[LateFiling] = Table(
    "late_filings",
    "Form 4 filings made after their two-business-day deadline.",
    [
        Column("person", S, lambda x: x.person_name or x.person_key, "Box 1 name"),
        Column("person_key", S, lambda x: x.person_key, "the person's key"),
        Column("issuer", S, lambda x: x.issuer_key, "the issuer's key"),
        Column("form_type", S, lambda x: x.form_type, "4"),
        Column("transaction_date", D, lambda x: x.transaction_date, "the most overdue trade"),
        Column("deadline", D, lambda x: x.deadline, "two business days after it"),
        Column("filed_date", D, lambda x: x.filed_date, "when it was filed"),
        Column("business_days_late", I64, lambda x: x.business_days_late, "past the deadline"),
        Column("filing", S, lambda x: x.filing_path, "source file"),
        Column("filing_sha256", S, lambda x: x.filing_sha256, "the filing's content hash"),
    ],
)

INPUT_NOTES: Table[InputNote] = Table(
    "input_notes",
    "What the parser doubted (a doubt a balance rests on fails the audit) or repaired "
    "(listed only), per note and row.",
    [
        Column("cause", S, lambda n: n.cause, "doubtful input, doubted detail or repaired input"),
        Column("person", S, lambda n: n.person_name or n.person_key, "Box 1 name"),
        Column("person_key", S, lambda n: n.person_key, "the person's key"),
        Column("issuer", S, lambda n: n.issuer_key, "the issuer's key"),
        Column("position", S, lambda n: n.label, "security [ownership]"),
        Column("date", D, lambda n: n.date, "the event's date"),
        Column("event_type", S, lambda n: n.event_type, "the event's kind"),
        Column("field", S, lambda n: n.field, "the field doubted or repaired, or null: row"),
        Column("message", S, lambda n: n.message, "what the parser did and why"),
        Column("filing", S, lambda n: n.filing_path, "source file"),
        Column("line", I64, lambda n: n.line, "line in the source file"),
        Column("filing_sha256", S, lambda n: n.filing_sha256, "the filing's content hash"),
        Column("table", S, lambda n: n.table, "non_derivative, derivative, or null: filing"),
        Column("row", I64, lambda n: n.row_index, "row within the table"),
        Column("event_seq", I64, lambda n: n.event_seq, "the event's log sequence number"),
    ],
)

PEOPLE: Table[Person] = Table(
    "people",
    "Everyone in the ledger: one row per person key.",
    [
        Column("person_key", S, lambda p: p.key, "cik:NNNNNNNNNN, else name:ISSUER:name"),
        Column("name", S, lambda p: p.name, "Box 1 name as filed"),
        Column("issuers", pa.list_(S), lambda p: list(p.issuers), "issuer keys they filed for"),
    ],
)


def _footnotes(e: Any) -> list[dict[str, str | None]]:
    return [{"id": f.id, "field": f.field, "text": f.text} for f in e.footnotes]


FOOTNOTE = pa.struct([("id", S), ("field", S), ("text", S)])
NOTE = pa.struct(
    [
        ("kind", S),
        ("scope", S),
        ("field", S),
        ("message", S),
        ("line", I64),
        ("on_balance", B),
    ]
)


def _notes(e: Any) -> list[dict[str, Any]]:
    return [
        {
            "kind": n.kind,
            "scope": n.scope,
            "field": n.field,
            "message": n.message,
            "line": n.line,
            "on_balance": n.on_balance,
        }
        for n in e.notes
    ]


EVENTS: Table[LoggedEvent] = Table(
    "events",
    "The log: one row per event, in log order, as appended (superseded events included).",
    [
        Column("seq", I64, lambda r: r.seq, "global log sequence number"),
        Column(
            "recorded_at",
            pa.timestamp("us", tz="UTC"),
            lambda r: r.recorded_at,
            "when it was appended",
        ),
        Column("event_type", S, lambda r: r.event.event_type, "the event's kind"),
        Column("schema_version", I64, lambda r: r.event.schema_version, "payload version"),
        Column("person_key", S, lambda r: r.event.person_key, "the person's key"),
        Column("person_name", S, lambda r: r.event.person_name, "Box 1 name"),
        Column("person_cik", S, lambda r: r.event.person_cik, "reporting owner's CIK"),
        Column("issuer_key", S, lambda r: r.event.issuer_key, "ticker, else cik:NNNN"),
        Column("issuer_name", S, lambda r: r.event.issuer_name, "Box 2 name"),
        Column("issuer_ticker", S, lambda r: r.event.issuer_ticker, "Box 2 ticker"),
        Column("issuer_cik", S, lambda r: r.event.issuer_cik, "issuer's CIK"),
        Column("relationship", S, lambda r: r.event.relationship, "Box 5 as filed"),
        Column("security_title", S, lambda r: r.event.security.title, "title as filed"),
        Column("security_key", S, lambda r: r.event.security.key, "normalised title"),
        Column("derivative", B, lambda r: r.event.security.derivative, "Table II"),
        Column("exercise_price", DECIMAL, lambda r: r.event.security.exercise_price, "of a grant"),
        Column("expiration_date", D, lambda r: r.event.security.expiration_date, "of a grant"),
        Column("underlying_title", S, lambda r: r.event.security.underlying_title, "Table II"),
        Column("ownership", S, lambda r: r.event.ownership.form, "D direct or I indirect"),
        Column("ownership_nature", S, lambda r: r.event.ownership.nature, "nature of indirect"),
        Column("code", S, lambda r: r.event.code, "transaction code as filed"),
        Column("voluntary", B, lambda r: r.event.voluntary, "V beside the code"),
        Column("acquired_disposed", S, lambda r: r.event.acquired_disposed, "A or D"),
        Column("quantity", DECIMAL, lambda r: r.event.quantity, "signed; null: holding, no side"),
        Column("shares", DECIMAL, lambda r: r.event.shares, "the row's amount as filed, unsigned"),
        Column("price", DECIMAL, lambda r: r.event.price, "price per share as filed"),
        Column(
            "shares_owned_following",
            DECIMAL,
            lambda r: r.event.shares_owned_following,
            "the balance the filing reported after the row",
        ),
        Column("transaction_date", D, lambda r: r.event.transaction_date, "as filed"),
        Column("deemed_execution_date", D, lambda r: r.event.deemed_execution_date, "as filed"),
        Column("effective_date", D, lambda r: r.event.effective_date, "when it takes effect"),
        Column("filed_date", D, lambda r: r.event.filing.filed_date, "when the filing was filed"),
        Column("form_type", S, lambda r: r.event.filing.form_type, "3, 4, 5, 4/A, ..."),
        Column("period_of_report", D, lambda r: r.event.filing.period_of_report, "as filed"),
        Column("is_amendment", B, lambda r: r.event.filing.is_amendment, "a 4/A"),
        Column(
            "date_of_original_submission",
            D,
            lambda r: r.event.filing.date_of_original_submission,
            "Box 4 of an amendment",
        ),
        Column("accession_number", S, lambda r: r.event.filing.accession_number, "EDGAR's"),
        Column("filing_url", S, lambda r: event_url(r.event), "EDGAR filing index, or null"),
        Column("filing_sha256", S, lambda r: r.event.filing.sha256, "the filing's content hash"),
        Column("footnotes", pa.list_(FOOTNOTE), lambda r: _footnotes(r.event), "id, field, text"),
        Column(
            "notes",
            pa.list_(NOTE),
            lambda r: _notes(r.event),
            "the parser's repairs and doubts: kind, scope, field, message, line, on_balance",
        ),
        Column("source_path", S, lambda r: r.event.provenance.source_path, "file as ingested"),
        Column("source_format", S, lambda r: r.event.provenance.source_format, "xml, text, ..."),
        Column("table", S, lambda r: r.event.provenance.table, "non_derivative or derivative"),
        Column("row", I64, lambda r: r.event.provenance.row_index, "row within the table"),
        Column("line", I64, lambda r: r.event.provenance.line, "line in the source file"),
        Column("position_key", S, lambda r: r.event.position_key, "the position's key"),
    ],
)


def event_url(e: Any) -> str | None:
    return filing_index_url(e.filing.accession_number, e.issuer_cik, e.person_cik)


def iter_logged(store: EventStore, **filters: Any) -> Iterable[LoggedEvent]:
    """The log in order, streamed (a server-side cursor on PostgreSQL)."""
    from ledger.events import read_event

    rows = store.iter_rows(columns=["seq", "recorded_at", "payload"], chunk=1_000, **filters)
    for row in rows:
        yield LoggedEvent(row.seq, _utc(row.recorded_at), read_event(row.payload))


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


ALL_TABLES: tuple[Table[Any], ...] = (
    EVENTS,
    POSITIONS,
    DISCREPANCIES,
    LATE_FILINGS,
    INPUT_NOTES,
    PEOPLE,
)
