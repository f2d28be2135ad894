"""The parsed filing: one typed shape whatever the input looked like.

Field names are the JSON contract in ``shared/FILING_JSON.md``: add fields freely, rename none.
Numbers stay ``Decimal`` exactly as filed (``"1000"``, ``"123.4739"``) so that a balance check
is exact; absent values are ``None``, never ``0`` or ``""``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

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


NoteKind = Literal["repair", "doubt"]
TableName = Literal["non_derivative", "derivative"]
_ROW_FIELD = re.compile(r"(non_derivative|derivative)\[(\d+)\](?:\.(.+))?")

_IDENTITY_FIELD = re.compile(
    r"issuer(?:\.(?:cik|ticker))?|tables|reporting_owners\[\d+\](?:\.(?:cik|name))?"
)
BALANCE_FIELDS = frozenset(
    {
        "shares",
        "shares_owned_following",
        "code",
        "acquired_disposed",
        "transaction_date",
        "ownership",
        "nature_of_ownership",
        "security_title",
        "exercise_price",
        "expiration_date",
    }
)
"""Row fields a balance rests on: the change and its direction (shares, code, A/D), the balance
reported after it, when it happened, and which position it moves (security, ownership)."""


class Note(_Model):
    """A repair the parser made or a doubt it has, pointing at the source line where it can.

    ``kind`` says which: a ``repair`` is a value the text states for sure once the damage is
    undone (a thousands separator rejoined, an OCR ``O`` where only a digit can stand); a
    ``doubt`` is a value left empty, guessed, or chosen among readings. A note that does not
    say is a doubt: a parser must claim certainty, never the reader assume it. ``message``
    says what was done ("read '64 327' as 64327", "left empty").

    A note on a table row names it in ``field`` (``non_derivative[0].shares``) and, parsed from
    that, in ``table``, ``row`` and ``row_field``: the ledger stores the note with the events
    of that row. A note without a row is about the filing (issuer, owners, signatures).
    """

    line: int | None = None
    field: str | None = None
    message: str
    kind: NoteKind = "doubt"
    table: TableName | None = None
    row: int | None = None

    @model_validator(mode="after")
    def _row_from_field(self) -> Note:
        if self.table is None and self.field:
            match = _ROW_FIELD.fullmatch(self.field)
            if match:
                # object.__setattr__: validate_assignment would re-enter this validator
                object.__setattr__(self, "table", match[1])
                object.__setattr__(self, "row", int(match[2]))
        return self

    @property
    def row_field(self) -> str | None:
        """The field of the row the note is on (``shares``), None for the whole row or for a
        note on the filing."""
        if self.table is None or not self.field:
            return None
        match = _ROW_FIELD.fullmatch(self.field)
        return match[3] if match else None

    @property
    def on_balance(self) -> bool:
        """A doubt a balance rests on: a row field in ``BALANCE_FIELDS``, a whole row (cells
        lost or unknown), or who or which issuer the filing is about (a wrong key moves every
        balance of the filing to another stream), or tables the filing may have lost."""
        if self.kind != "doubt":
            return False
        if self.table is not None:
            f = self.row_field
            return f is None or f.split(".", 1)[0] in BALANCE_FIELDS
        return bool(self.field and _IDENTITY_FIELD.fullmatch(self.field))


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
    """Date EDGAR accepted the filing, where the input says (SGML header, bulk data set), or
    EDGAR's index said when the filing was fetched from it."""
    accepted_at: str | None = None
    """EDGAR's acceptance time as EDGAR wrote it (SGML ``ACCEPTANCE-DATETIME``, or the index's
    ``acceptanceDateTime``), kept as provenance and verbatim: the SGML header's clock is New
    York's, and the index's trailing ``Z`` is not always UTC, so no zone is assumed for it."""
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

    @model_validator(mode="after")
    def _unsided_amounts_are_doubted(self) -> Filing:
        self.doubt_unsided_amounts()
        return self

    def doubt_unsided_amounts(self) -> None:
        """A transaction's amount with no (A)/(D) side is a change nobody can sign: the ledger
        leaves it unsigned, and a note must say so, whichever parser left the side out (a
        structured filing that omits the code says nothing about it otherwise). Validation
        runs this after the fields; a parser building a Filing without validation
        (``parsers.built``) runs it itself."""
        doubted: set[tuple[str | None, int | None]] | None = None  # rows whose side has a doubt
        for table, rows in (
            ("non_derivative", self.non_derivative),
            ("derivative", self.derivative),
        ):
            for index, row in enumerate(rows):
                if row.kind != "transaction" or row.shares is None or row.acquired_disposed:
                    continue
                if doubted is None:  # read once: a note added below is on its own row only
                    # (a repair on the field says a value is sure: not that the side is unknown)
                    doubted = {
                        (n.table, n.row)
                        for n in self.notes
                        if n.kind == "doubt" and n.row_field == "acquired_disposed"
                    }
                if (table, index) in doubted:
                    continue
                self.notes.append(
                    Note(
                        line=row.line,
                        field=f"{table}[{index}].acquired_disposed",
                        message=(
                            f"no (A)/(D) side given for {row.shares} shares (code "
                            f"{row.code or 'none'}); the change is left unsigned"
                        ),
                    )
                )

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
