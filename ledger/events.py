"""The ledger's events: small frozen models, one per kind of thing a Form 4 row can say.

Every event carries enough to stand alone in a replay (who, which issuer, which security and
ownership, signed quantity, the balance the filing reported after it, dates, the footnotes that
explain it) and where it came from (file hash, table, row, line). ``schema_version`` lets a later
release read events written by an earlier one.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ledger.identity import decimal_key

SCHEMA_VERSION = 1


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


class Footnote(_Frozen):
    id: str
    field: str
    text: str | None = None


class Provenance(_Frozen):
    source_path: str
    source_sha256: str
    source_format: str
    table: Literal["non_derivative", "derivative"]
    row_index: int
    line: int | None = None
    owner_index: int = 0


class _Event(_Frozen):
    schema_version: int = SCHEMA_VERSION
    person_key: str
    person_name: str | None = None
    person_cik: str | None = None
    issuer_key: str
    issuer_name: str | None = None
    issuer_ticker: str | None = None
    issuer_cik: str | None = None
    security: Security
    ownership: Ownership
    code: str | None = None
    voluntary: bool | None = None
    acquired_disposed: Literal["A", "D"] | None = None
    quantity: Decimal | None = None
    """Signed change to the position: positive acquired, negative disposed, None for a holding."""
    price: Decimal | None = None
    shares_owned_following: Decimal | None = None
    transaction_date: dt.date | None = None
    deemed_execution_date: dt.date | None = None
    effective_date: dt.date
    """When the event takes effect in a replay (a holding: its filing's last trade date)."""
    filing: FilingRef
    footnotes: tuple[Footnote, ...] = ()
    provenance: Provenance

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
    def sort_key(self) -> tuple:
        p = self.provenance
        return (
            self.effective_date,
            self.filing.filed_date or self.effective_date,
            self.filing.sha256,
            0 if p.table == "non_derivative" else 1,
            p.row_index,
        )

    def footnote_texts(self) -> list[str]:
        return [f.text for f in self.footnotes if f.text]


class Exercise(_Event):
    """M, X, O: an option leg disposed in Table II, the shares acquired in Table I."""

    event_type: Literal["exercise"] = "exercise"


class Conversion(_Event):
    event_type: Literal["conversion"] = "conversion"


class Sale(_Event):
    event_type: Literal["sale"] = "sale"


class Purchase(_Event):
    event_type: Literal["purchase"] = "purchase"


class TaxWithholding(_Event):
    event_type: Literal["tax_withholding"] = "tax_withholding"


class EsppPurchase(_Event):
    """An A-coded acquisition whose footnote says it was an Employee Stock Purchase Plan buy."""

    event_type: Literal["espp_purchase"] = "espp_purchase"


class Grant(_Event):
    event_type: Literal["grant"] = "grant"


class DispositionToIssuer(_Event):
    event_type: Literal["disposition_to_issuer"] = "disposition_to_issuer"


class Gift(_Event):
    event_type: Literal["gift"] = "gift"


class Expiration(_Event):
    event_type: Literal["expiration"] = "expiration"


class Inheritance(_Event):
    event_type: Literal["inheritance"] = "inheritance"


class Discretionary(_Event):
    event_type: Literal["discretionary"] = "discretionary"


class SmallAcquisition(_Event):
    event_type: Literal["small_acquisition"] = "small_acquisition"


class Tender(_Event):
    event_type: Literal["tender"] = "tender"


class VotingTrust(_Event):
    event_type: Literal["voting_trust"] = "voting_trust"


class Swap(_Event):
    event_type: Literal["swap"] = "swap"


class Other(_Event):
    """J (described in a footnote) and any code the form does not define."""

    event_type: Literal["other"] = "other"


class HoldingReported(_Event):
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

EVENT_TYPES: dict[str, type[_Event]] = {
    cls.model_fields["event_type"].default: cls
    for cls in (
        Exercise,
        Conversion,
        Sale,
        Purchase,
        TaxWithholding,
        EsppPurchase,
        Grant,
        DispositionToIssuer,
        Gift,
        Expiration,
        Inheritance,
        Discretionary,
        SmallAcquisition,
        Tender,
        VotingTrust,
        Swap,
        Other,
        HoldingReported,
    )
}
