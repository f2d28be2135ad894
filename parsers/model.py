"""The parsed filing: one typed shape whatever the input looked like.

Field names are the JSON contract in ``shared/FILING_JSON.md``: add fields freely, rename none.
Numbers stay ``Decimal`` exactly as filed (``"1000"``, ``"123.4739"``) so that a balance check
is exact; absent values are ``None``, never ``0`` or ``""``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SourceFormat = Literal["xml", "markdown", "text", "ocr", "sec_dataset"]
RowKind = Literal["transaction", "holding"]
AcquiredDisposed = Literal["A", "D"]
OwnershipForm = Literal["D", "I"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Source(_Model):
    path: str
    sha256: str
    format: SourceFormat


class Issuer(_Model):
    name: str | None = None
    ticker: str | None = None
    cik: str | None = None


class ReportingOwner(_Model):
    name: str | None = None
    cik: str | None = None
    is_director: bool | None = None
    is_officer: bool | None = None
    is_ten_percent_owner: bool | None = None
    is_other: bool | None = None
    officer_title: str | None = None
    other_text: str | None = None


class Signature(_Model):
    name: str | None = None
    date: dt.date | None = None


class Note(_Model):
    """A repair the parser made or a doubt it has, pointing at the source line where it can."""

    line: int | None = None
    field: str | None = None
    message: str


class _Row(_Model):
    kind: RowKind
    security_title: str | None = None
    transaction_date: dt.date | None = None
    deemed_execution_date: dt.date | None = None
    code: str | None = None
    voluntary: bool | None = None
    shares: Decimal | None = None
    acquired_disposed: AcquiredDisposed | None = None
    price: Decimal | None = None
    shares_owned_following: Decimal | None = None
    value_owned_following: Decimal | None = None
    ownership: OwnershipForm | None = None
    nature_of_ownership: str | None = None
    equity_swap_involved: bool | None = None
    transaction_timeliness: str | None = None
    transaction_form_type: str | None = None
    """Form the transaction belongs on (XML ``transactionCoding/transactionFormType``)."""
    total_value: Decimal | None = None
    """Total value of the transaction where filed instead of shares (``transactionTotalValue``)."""
    footnotes: dict[str, list[str]] = Field(default_factory=dict)
    line: int | None = None
    """Source line of the row (1-based) where the input has lines worth naming."""


class NonDerivativeRow(_Row):
    pass


class DerivativeRow(_Row):
    exercise_price: Decimal | None = None
    date_exercisable: dt.date | None = None
    expiration_date: dt.date | None = None
    underlying_title: str | None = None
    underlying_shares: Decimal | None = None
    underlying_value: Decimal | None = None


class Filing(_Model):
    form_type: str
    source: Source
    issuer: Issuer
    reporting_owners: list[ReportingOwner]
    period_of_report: dt.date | None = None
    date_of_original_submission: dt.date | None = None
    aff10b5_one: bool | None = None
    signatures: list[Signature] = Field(default_factory=list)
    non_derivative: list[NonDerivativeRow] = Field(default_factory=list)
    derivative: list[DerivativeRow] = Field(default_factory=list)
    footnotes: dict[str, str] = Field(default_factory=dict)
    remarks: str | None = None
    notes: list[Note] = Field(default_factory=list)
    accession_number: str | None = None
    filed_date: dt.date | None = None
    """Date EDGAR accepted the filing, where the input says (SGML header, bulk data set)."""
    schema_version: str | None = None
    not_subject_to_section16: bool | None = None
    no_securities_owned: bool | None = None
    form3_holdings_reported: bool | None = None
    """Form 5 only: the filer also reports holdings that belonged on a Form 3."""
    form4_transactions_reported: bool | None = None
    """Form 5 only: the filer also reports transactions that belonged on a Form 4."""

    @property
    def is_amendment(self) -> bool:
        return self.form_type.upper().endswith("/A") or self.date_of_original_submission is not None

    @property
    def signature_date(self) -> dt.date | None:
        dates = [s.date for s in self.signatures if s.date is not None]
        return max(dates) if dates else None

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
