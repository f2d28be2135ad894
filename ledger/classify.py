"""The one place where a reported row becomes an event: code, direction and footnotes decide.

Form 4 General Instruction 8 defines the codes; an ``A`` is a grant unless a footnote on that row
says the shares came through an Employee Stock Purchase Plan.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ledger import events as ev
from ledger.identity import (
    issuer_key,
    nature_key,
    nature_text,
    normalise_cik,
    person_key,
    security_key,
)
from parsers.model import DerivativeRow, Filing, NonDerivativeRow, ReportingOwner

CODE_EVENTS: dict[str, type[ev.Event]] = {
    "P": ev.Purchase,
    "S": ev.Sale,
    "A": ev.Grant,
    "D": ev.DispositionToIssuer,
    "F": ev.TaxWithholding,
    "M": ev.Exercise,
    "X": ev.Exercise,
    "O": ev.Exercise,
    "C": ev.Conversion,
    "E": ev.Expiration,
    "H": ev.Expiration,
    "G": ev.Gift,
    "W": ev.Inheritance,
    "I": ev.Discretionary,
    "J": ev.Other,
    "K": ev.Swap,
    "L": ev.SmallAcquisition,
    "U": ev.Tender,
    "Z": ev.VotingTrust,
}

_ESPP = re.compile(r"employee\s+stock\s+purchase|\bESPP\b|section\s+423", re.IGNORECASE)


class ClassificationError(ValueError):
    """A parsed filing that cannot become events (no owner, no date to place it in time)."""


def event_class(code: str | None, footnote_texts: list[str], holding: bool) -> type[ev.Event]:
    if holding:
        return ev.HoldingReported
    key = (code or "").strip().upper()[:1]
    if key == "A" and any(_ESPP.search(t) for t in footnote_texts):
        return ev.EsppPurchase
    return CODE_EVENTS.get(key, ev.Other)


def signed_quantity(shares: Decimal | None, acquired_disposed: str | None) -> Decimal | None:
    """The change a row makes to its position, signed by the side the filing gives; None where
    either is missing. A code's usual direction is never taken for the side (an S can be filed
    as an acquisition, a G goes either way): the row's ``shares`` stay on the event unsigned,
    the fold follows the filer's reported balance, and the audit shows why."""
    if shares is None or acquired_disposed is None:
        return None
    return shares if acquired_disposed == "A" else -shares


def filing_events(filing: Filing) -> list[ev.Event]:
    """Every row of ``filing`` as events, one set per reporting owner, in row order."""
    if not filing.reporting_owners:
        raise ClassificationError("filing names no reporting owner")
    issuer = issuer_key(filing.issuer.ticker, filing.issuer.cik, filing.issuer.name)
    tx_dates = [r.transaction_date for r in (*filing.non_derivative, *filing.derivative)]
    known_tx = [d for d in tx_dates if d is not None]
    filed = filing.filed_date or filing.signature_date or filing.period_of_report
    holding_date = max(known_tx) if known_tx else (filing.period_of_report or filed)
    ref = ev.FilingRef(
        sha256=filing.source.sha256,
        form_type=filing.form_type,
        period_of_report=filing.period_of_report,
        filed_date=filed,
        date_of_original_submission=filing.date_of_original_submission,
        is_amendment=filing.is_amendment,
        accession_number=filing.accession_number,
        accepted_at=filing.accepted_at,
    )
    rows: list[tuple[str, int, NonDerivativeRow | DerivativeRow]] = [
        ("non_derivative", i, r) for i, r in enumerate(filing.non_derivative)
    ] + [("derivative", i, r) for i, r in enumerate(filing.derivative)]
    shared_natures = _shared_natures(rows)
    row_notes, filing_notes = _notes_by_row(filing)
    out: list[ev.Event] = []
    for owner_index, owner in enumerate(filing.reporting_owners):
        pkey = person_key(owner.cik, owner.name, issuer)
        for table, index, row in rows:
            effective = row.transaction_date or holding_date
            if effective is None:
                raise ClassificationError(
                    f"{table}[{index}] has no transaction date and the filing no period, "
                    "filing date or signature date to place it in time"
                )
            notes = tuple(
                ev.Footnote(id=fid, field=field, text=filing.footnotes.get(fid))
                for field, ids in row.footnotes.items()
                for fid in ids
            )
            cls = event_class(row.code, [n.text for n in notes if n.text], row.kind == "holding")
            out.append(
                cls(
                    person_key=pkey,
                    person_name=owner.name,
                    person_cik=normalise_cik(owner.cik),
                    issuer_key=issuer,
                    issuer_name=filing.issuer.name,
                    issuer_ticker=filing.issuer.ticker,
                    issuer_cik=normalise_cik(filing.issuer.cik),
                    relationship=relationship_text(owner),
                    security=_security(row),
                    ownership=ev.Ownership(
                        form=row.ownership or "D",
                        nature=row.nature_of_ownership,
                        nature_key=""
                        if (row.ownership or "D") == "D"
                        else nature_key(
                            row.nature_of_ownership,
                            row.footnotes.get("nature_of_ownership", []),
                            ambiguous=_nature_id(table, row) in shared_natures,
                        ),
                    ),
                    code=row.code,
                    voluntary=row.voluntary,
                    acquired_disposed=row.acquired_disposed,
                    quantity=None
                    if row.kind == "holding"
                    else signed_quantity(row.shares, row.acquired_disposed),
                    shares=None if row.kind == "holding" else row.shares,
                    price=row.price,
                    shares_owned_following=row.shares_owned_following,
                    transaction_date=row.transaction_date,
                    deemed_execution_date=row.deemed_execution_date,
                    effective_date=effective,
                    filing=ref,
                    footnotes=notes,
                    provenance=ev.Provenance(
                        source_path=filing.source.path,
                        source_sha256=filing.source.sha256,
                        source_format=filing.source.format,
                        table=table,
                        row_index=index,
                        line=row.line,
                        owner_index=owner_index,
                    ),
                    notes=row_notes.get((table, index), ()) + filing_notes,
                )
            )
    return out


def _notes_by_row(
    filing: Filing,
) -> tuple[dict[tuple[str, int], tuple[ev.ParseNote, ...]], tuple[ev.ParseNote, ...]]:
    """The parser's notes as the events keep them: each row's own, and the filing's (which
    every event of the filing carries, so that none is lost with a filing-level store)."""
    by_row: dict[tuple[str, int], list[ev.ParseNote]] = {}
    on_filing: list[ev.ParseNote] = []
    for note in filing.notes:
        if note.table is not None and note.row is not None:
            by_row.setdefault((note.table, note.row), []).append(
                ev.ParseNote(
                    kind=note.kind,
                    scope="row",
                    field=note.row_field,
                    message=note.message,
                    line=note.line,
                    on_balance=note.on_balance,
                )
            )
        else:
            on_filing.append(
                ev.ParseNote(
                    kind=note.kind,
                    scope="filing",
                    field=note.field,
                    message=note.message,
                    line=note.line,
                    on_balance=note.on_balance,
                )
            )
    return {k: tuple(v) for k, v in by_row.items()}, tuple(on_filing)


def relationship_text(owner: ReportingOwner) -> str | None:
    """Box 5 in words, as the filing ticks it: "Director, Officer (CEO), 10% Owner"."""
    parts = []
    if owner.is_director:
        parts.append("Director")
    if owner.is_officer:
        parts.append(f"Officer ({owner.officer_title})" if owner.officer_title else "Officer")
    if owner.is_ten_percent_owner:
        parts.append("10% Owner")
    if owner.is_other:
        parts.append(f"Other ({owner.other_text})" if owner.other_text else "Other")
    return ", ".join(parts) or None


def _nature_id(table: str, row: NonDerivativeRow | DerivativeRow) -> tuple[str, ...]:
    extra: tuple[str, ...] = ()
    if isinstance(row, DerivativeRow):
        extra = (str(row.exercise_price), str(row.expiration_date))
    return (table, security_key(row.security_title), *extra, nature_text(row.nature_of_ownership))


def _shared_natures(
    rows: list[tuple[str, int, NonDerivativeRow | DerivativeRow]],
) -> set[tuple[str, ...]]:
    """Indirect natures that several rows of one filing share with different footnotes."""
    seen: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for table, _i, row in rows:
        if row.ownership == "I":
            ids = tuple(row.footnotes.get("nature_of_ownership", []))
            seen.setdefault(_nature_id(table, row), set()).add(ids)
    return {key for key, variants in seen.items() if len(variants) > 1}


def _security(row: NonDerivativeRow | DerivativeRow) -> ev.Security:
    title = (row.security_title or "Unknown security").strip()
    if isinstance(row, DerivativeRow):
        return ev.Security(
            title=title,
            key=security_key(title),
            derivative=True,
            exercise_price=row.exercise_price,
            expiration_date=row.expiration_date,
            underlying_title=row.underlying_title,
        )
    return ev.Security(title=title, key=security_key(title), derivative=False)


def stream_id(event: ev.Event) -> str:
    """A stream is one person's holdings in one issuer: the unit a writer appends to."""
    return f"{event.person_key}@{event.issuer_key}"


def idempotency_key(event: ev.Event) -> str:
    p = event.provenance
    return f"{p.source_sha256}:{p.table}:{p.row_index}:{p.owner_index}"
