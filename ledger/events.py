"""The ledger's events: small frozen models, one per kind of thing a Form 4 row can say.

Every event carries enough to stand alone in a replay (who, which issuer, which security and
ownership, signed quantity, the balance the filing reported after it, dates, the footnotes that
explain it) and where it came from (file hash, table, row, line). ``schema_version`` lets a later
release read events written by an earlier one: a stored payload is never rewritten; it is upcast
when read (``read_event``), one version step at a time.

Versions: 1, the first release. 2 adds ``relationship`` (Box 5 as the filing states it), so
that a report reads it from the log instead of re-parsing source files; a version 1 event has
none. 3 adds ``notes``: the parser's repairs and doubts on the event's row and on its filing,
so that replay, audit, snapshot and report can show what a value rests on; a version 1 or 2
event has none (its notes were counted in the ``filings`` table, then dropped). 4 adds
``filing.accepted_at`` (EDGAR's acceptance time, as provenance); earlier events have none. 5
adds ``shares`` (the row's amount as filed, unsigned) and stops signing a change by its code's
usual direction: a row whose side the filing does not give has ``quantity`` None and keeps its
amount in ``shares``; an earlier event's ``shares`` is its quantity's size, and a quantity an
earlier release signed by the code stays as it was stored (a payload is never rewritten).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ledger.identity import decimal_key
from ledger.order import ReplayKey, replay_key, row_order

SCHEMA_VERSION = 5


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Security(_Frozen):
    """An option grant is its own position: title, price and expiration tell grants apart."""

    title: str
    key: str
    derivative: bool
    exercise_price: Decimal | None = None
    expiration_date: dt.date | None = None
    underlying_title: str | None = None

    @property
    def label(self) -> str:
        if not self.derivative:
            return self.title
        parts = [self.title]
        if self.exercise_price is not None:
            parts.append(f"${self.exercise_price}")
        if self.expiration_date is not None:
            parts.append(f"exp. {self.expiration_date.isoformat()}")
        return " ".join(parts)


class Ownership(_Frozen):
    form: Literal["D", "I"]
    nature: str | None = None
    nature_key: str = ""

    @property
    def label(self) -> str:
        if self.form == "D":
            return "direct"
        return f"indirect ({self.nature})" if self.nature else "indirect"


class FilingRef(_Frozen):
    sha256: str
    form_type: str
    period_of_report: dt.date | None = None
    filed_date: dt.date | None = None
    """When the filing reached the public: EDGAR's date where known, else the signature date."""
    date_of_original_submission: dt.date | None = None
    is_amendment: bool = False
    accession_number: str | None = None
    accepted_at: str | None = None
    """EDGAR's acceptance time as EDGAR wrote it (see ``parsers.model.Filing.accepted_at``)."""


class Footnote(_Frozen):
    id: str
    field: str
    text: str | None = None


class ParseNote(_Frozen):
    """A repair or doubt of the parser, kept with the event it bears on (``parsers.Note``).

    ``scope`` is ``row`` for a note on the event's own row (``field`` is then the row's field,
    ``shares``, or None for the whole row) and ``filing`` for a note on the filing as a whole
    (``field`` as the parser named it: ``issuer``, ``reporting_owners[0].cik``), which every
    event of the filing carries. ``on_balance`` is decided by the parser's model when the
    event is made, so a reader needs no parser to know which doubts a balance rests on."""

    kind: Literal["repair", "doubt"]
    scope: Literal["row", "filing"]
    field: str | None = None
    message: str
    line: int | None = None
    on_balance: bool = False

    @property
    def text(self) -> str:
        """One line for a reader: ``doubt shares (line 31): '7518.2O8' is not a number; left
        empty``."""
        where = self.field or ("row" if self.scope == "row" else "filing")
        at = f" (line {self.line})" if self.line else ""
        return f"{self.kind} {where}{at}: {self.message}"


class Provenance(_Frozen):
    source_path: str
    source_sha256: str
    source_format: str
    table: Literal["non_derivative", "derivative"]
    row_index: int
    line: int | None = None
    owner_index: int = 0


class Event(_Frozen):
    """What every event carries; each kind below is an ``Event`` with its own ``event_type``."""

    event_type: str = ""
    """Each kind narrows this to its own literal: the union's discriminator."""
    schema_version: int = SCHEMA_VERSION
    person_key: str
    person_name: str | None = None
    person_cik: str | None = None
    issuer_key: str
    issuer_name: str | None = None
    issuer_ticker: str | None = None
    issuer_cik: str | None = None
    relationship: str | None = None
    """Box 5 as this filing states it ("Director, Officer (CEO)"); ``None`` before version 2."""
    security: Security
    ownership: Ownership
    code: str | None = None
    voluntary: bool | None = None
    acquired_disposed: Literal["A", "D"] | None = None
    quantity: Decimal | None = None
    """Signed change to the position: positive acquired, negative disposed; None for a holding
    and where the filing does not say the side (then ``shares`` holds the amount)."""
    shares: Decimal | None = None
    """The row's amount as filed, unsigned; None for a holding (since version 5)."""
    price: Decimal | None = None
    shares_owned_following: Decimal | None = None
    transaction_date: dt.date | None = None
    deemed_execution_date: dt.date | None = None
    effective_date: dt.date
    """When the event takes effect in a replay (a holding: its filing's last trade date)."""
    filing: FilingRef
    footnotes: tuple[Footnote, ...] = ()
    provenance: Provenance
    notes: tuple[ParseNote, ...] = ()
    """The parser's repairs and doubts on this row and on its filing; none before version 3."""

    @property
    def position_key(self) -> str:
        s = self.security
        parts = [
            "deriv" if s.derivative else "stock",
            s.key,
            decimal_key(s.exercise_price),
            s.expiration_date.isoformat() if s.expiration_date else "",
            self.ownership.form,
            self.ownership.nature_key,
        ]
        return "|".join(parts)

    @property
    def row_order(self) -> int:
        p = self.provenance
        return row_order(p.table, p.row_index, p.owner_index)

    @property
    def sort_key(self) -> ReplayKey:
        return replay_key(
            self.effective_date, self.filing.filed_date, self.filing.sha256, self.row_order
        )

    def footnote_texts(self) -> list[str]:
        return [f.text for f in self.footnotes if f.text]

    @property
    def doubts(self) -> tuple[ParseNote, ...]:
        """The doubts a balance of this event rests on (repairs and other doubts excluded)."""
        return tuple(n for n in self.notes if n.on_balance)


class Exercise(Event):
    """M, X, O: an option leg disposed in Table II, the shares acquired in Table I."""

    event_type: Literal["exercise"] = "exercise"


class Conversion(Event):
    event_type: Literal["conversion"] = "conversion"


class Sale(Event):
    event_type: Literal["sale"] = "sale"


class Purchase(Event):
    event_type: Literal["purchase"] = "purchase"


class TaxWithholding(Event):
    event_type: Literal["tax_withholding"] = "tax_withholding"


class EsppPurchase(Event):
    """An A-coded acquisition whose footnote says it was an Employee Stock Purchase Plan buy."""

    event_type: Literal["espp_purchase"] = "espp_purchase"


class Grant(Event):
    event_type: Literal["grant"] = "grant"


class DispositionToIssuer(Event):
    event_type: Literal["disposition_to_issuer"] = "disposition_to_issuer"


class Gift(Event):
    event_type: Literal["gift"] = "gift"


class Expiration(Event):
    event_type: Literal["expiration"] = "expiration"


class Inheritance(Event):
    event_type: Literal["inheritance"] = "inheritance"


class Discretionary(Event):
    event_type: Literal["discretionary"] = "discretionary"


class SmallAcquisition(Event):
    event_type: Literal["small_acquisition"] = "small_acquisition"


class Tender(Event):
    event_type: Literal["tender"] = "tender"


class VotingTrust(Event):
    event_type: Literal["voting_trust"] = "voting_trust"


class Swap(Event):
    event_type: Literal["swap"] = "swap"


class Other(Event):
    """J (described in a footnote) and any code the form does not define."""

    event_type: Literal["other"] = "other"


class HoldingReported(Event):
    """A balance reported with no transaction: a balance assertion and nothing else."""

    event_type: Literal["holding_reported"] = "holding_reported"


LedgerEvent = Annotated[
    Exercise
    | Conversion
    | Sale
    | Purchase
    | TaxWithholding
    | EsppPurchase
    | Grant
    | DispositionToIssuer
    | Gift
    | Expiration
    | Inheritance
    | Discretionary
    | SmallAcquisition
    | Tender
    | VotingTrust
    | Swap
    | Other
    | HoldingReported,
    Field(discriminator="event_type"),
]

EVENT_ADAPTER: TypeAdapter[LedgerEvent] = TypeAdapter(LedgerEvent)

EVENT_TYPES: dict[str, type[Event]] = {
    cls.model_fields["event_type"].default: cls for cls in get_args(get_args(LedgerEvent)[0])
}
"""Every kind of event by its ``event_type``: derived from the union, the one list of them."""

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]


def _with_shares(data: dict[str, Any]) -> dict[str, Any]:
    """Version 5's ``shares`` of an earlier event: the size of its quantity (what it filed)."""
    quantity = data.get("quantity")
    if quantity is not None:
        data["shares"] = str(abs(Decimal(str(quantity))))
    return data


UPCASTERS: dict[int, Upcaster] = {
    1: lambda data: data,  # version 2 only added ``relationship``, which version 1 never knew
    2: lambda data: data,  # version 3 only added ``notes``, which version 2 never kept
    3: lambda data: data,  # version 4 only added ``filing.accepted_at``
    4: _with_shares,  # version 5 added ``shares``: the size of an earlier quantity
}
"""``UPCASTERS[v]`` turns a version ``v`` payload into version ``v + 1``."""

FIELDS_SINCE: dict[int, frozenset[str]] = {
    2: frozenset({"relationship"}),
    3: frozenset({"notes"}),
    4: frozenset({"filing.accepted_at"}),
    5: frozenset({"shares"}),
}
"""Fields each version added (``a.b`` for a field inside ``a``): an event stored before a field
existed cannot say it, so comparing an old payload with a new reading of the same row ignores
them."""

INDEX_FACTS = ("filing.accession_number", "filing.filed_date", "filing.accepted_at")
"""What EDGAR's index says about a filing beside its bytes. The same bytes read from a file on
disk (which carries none of them) and fetched from EDGAR (which does) are one filing, so these
do not decide whether two readings are the same event; whichever reading came first stays."""


def upcast(data: dict[str, Any]) -> dict[str, Any]:
    """A decoded payload of any earlier version, brought to ``SCHEMA_VERSION``."""
    version = int(data.get("schema_version", 1))
    while version < SCHEMA_VERSION:
        data = UPCASTERS[version](data)
        version += 1
    data["schema_version"] = version
    return data


_CURRENT = f'"schema_version":{SCHEMA_VERSION},'


def read_event(payload: str | bytes) -> LedgerEvent:
    """A stored payload as an event of the current version (the only way payloads are read).
    A current payload goes straight to pydantic's JSON validator; an older one is decoded,
    upcast, then validated."""
    text = payload if isinstance(payload, str) else payload.decode()
    if _CURRENT in text[:80]:
        return EVENT_ADAPTER.validate_json(text)
    return EVENT_ADAPTER.validate_python(upcast(json.loads(text)))


def comparable(payload: str, fields_known_at: int | None = None) -> dict[str, Any]:
    """A payload reduced to what decides whether two readings are the same event: not where the
    file lay, not the version, not what EDGAR's index added (``INDEX_FACTS``), and not fields
    added after ``fields_known_at`` (the older of the two versions compared)."""
    data: dict[str, Any] = json.loads(payload)
    data.get("provenance", {}).pop("source_path", None)
    data.pop("schema_version", None)
    for name in INDEX_FACTS:
        _drop(data, name)
    if fields_known_at is not None:
        for version, names in FIELDS_SINCE.items():
            if version > fields_known_at:
                for name in names:
                    _drop(data, name)
    return data


def _drop(data: dict[str, Any], dotted: str) -> None:
    *parents, leaf = dotted.split(".")
    for part in parents:
        inner = data.get(part)
        if not isinstance(inner, dict):
            return
        data = inner
    data.pop(leaf, None)


def payload_version(payload: str) -> int:
    """The version a stored payload was written at (peeked, not decoded, where it can be)."""
    head = payload[:80]
    mark = head.find('"schema_version":')
    if mark >= 0:
        digits = head[mark + 17 :].split(",", 1)[0].strip()
        if digits.isdigit():
            return int(digits)
    return int(json.loads(payload).get("schema_version", 1))
