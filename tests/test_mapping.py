"""The append's hot path spells the hashes out column by column (``finish_values``,
``filing_values``, the content hash in ``partial_row``); verify recomputes them with the general
formulas (``content_hash``, ``finish_row``, ``filing_hash``). Both must give the very same text,
or every row the store writes would fail verification."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import pytest

from ledger.classify import ClassificationError, filing_events, idempotency_key, stream_id
from ledger.events import Event
from ledger.mapping import (
    EVENT_COLUMNS,
    FILING_COLUMNS,
    PartialRow,
    content_hash,
    event_hash,
    filing_hash,
    filing_values,
    finish_row,
    finish_values,
    partial_row,
    partial_rows,
    stamp,
)
from ledger.store import PreparedFiling, prepare
from parsers import ParseError, parse_file
from parsers.model import Filing

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _filings() -> list[Filing]:
    paths = sorted((FIXTURES / "xml").glob("*.xml")) + sorted((FIXTURES / "text").glob("*"))
    if SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*"))
    out = []
    for path in paths:
        try:
            filing = parse_file(path)
            if filing_events(filing):
                out.append(filing)
        except (ParseError, ClassificationError):
            continue
    return out


FILINGS = _filings()
RECORDED = dt.datetime(2026, 12, 2, 6, 30, 1, 123456, tzinfo=dt.UTC)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _reference(event: Event) -> dict[str, Any]:
    """What a stored row holds that the event alone decides, written the plain way."""
    filing = event.filing
    return {
        "stream_id": stream_id(event),
        "event_type": event.event_type,
        "schema_version": event.schema_version,
        "idempotency_key": idempotency_key(event),
        "person_key": event.person_key,
        "person_name": event.person_name,
        "issuer_key": event.issuer_key,
        "position_key": event.position_key,
        "filing_sha256": filing.sha256,
        "quantity": None if event.quantity is None else str(event.quantity),
        "shares_owned_following": None
        if event.shares_owned_following is None
        else str(event.shares_owned_following),
        "transaction_date": _iso(event.transaction_date),
        "effective_date": _iso(event.effective_date),
        "filed_date": _iso(filing.filed_date),
        "form_type": filing.form_type,
        "period_of_report": _iso(filing.period_of_report),
        "is_amendment": filing.is_amendment,
        "original_filed_date": _iso(filing.date_of_original_submission),
        "row_order": event.row_order,
        "payload": event.model_dump_json(),
    }


def _emptied(event: Event) -> list[Event]:
    """``event`` with each value the fixtures always fill emptied in turn."""
    filing = event.filing
    return [
        event.model_copy(update={"person_name": None}),
        event.model_copy(update={"quantity": None, "shares_owned_following": None}),
        event.model_copy(update={"transaction_date": None}),
        event.model_copy(update={"filing": filing.model_copy(update={"filed_date": None})}),
        event.model_copy(update={"filing": filing.model_copy(update={"period_of_report": None})}),
    ]


def test_the_fixtures_cover_what_the_formulas_branch_on() -> None:
    rows = [partial_row(e) for f in FILINGS for e in filing_events(f)]
    assert len(rows) > 50
    for column in ("transaction_date", "original_filed_date", "quantity"):
        assert any(getattr(r, column) is None for r in rows), column
        assert any(getattr(r, column) is not None for r in rows), column
    assert any(r.is_amendment for r in rows) and not all(r.is_amendment for r in rows)


def test_a_partial_row_holds_what_the_event_says_and_its_general_content_hash() -> None:
    events = [e for f in FILINGS for e in filing_events(f)]
    for event in [*events, *_emptied(events[0])]:
        partial = partial_row(event)
        assert partial._asdict() == {**_reference(event), "content_hash": partial.content_hash}
        assert partial.content_hash == content_hash(partial._asdict())


def test_rows_made_in_one_pass_across_filings_are_each_events_own() -> None:
    """``partial_rows`` writes what a filing decides once per filing: a list that crosses from
    one filing to the next (and back) must still give each event its own filing's values."""
    events = [e for f in FILINGS for e in filing_events(f)]
    events += events[:3]
    rows = partial_rows(events)
    assert len({r.filing_sha256 for r in rows}) > 5
    for event, row in zip(events, rows, strict=True):
        assert type(row) is PartialRow
        assert row._asdict() == {**_reference(event), "content_hash": row.content_hash}
        assert row.content_hash == content_hash(row._asdict())


def test_prepared_filings_cross_processes_unchanged() -> None:
    """The parse workers send ``prepare``'s rows pickled (their own ``__reduce__``)."""
    for filing in FILINGS:
        prepared = prepare(filing, filing_events(filing))
        back = pickle.loads(pickle.dumps(prepared))
        assert type(back) is PreparedFiling
        assert back == prepared
        assert [type(r) for r in back.rows] == [PartialRow] * len(prepared.rows)


def test_every_empty_value_of_a_filing_hashes_as_the_general_formula_says() -> None:
    own = prepare(FILINGS[0], filing_events(FILINGS[0])).filing_row
    filled = {"accession_number": "0001045810-23-000006", "accepted_at": "20230105161509"}
    for name, value in [(n, None) for n in ("period_of_report", "filed_date")] + [
        *filled.items(),
        *((n, None) for n in filled),
    ]:
        frow = {**own, name: value}
        want = filing_hash(
            {**frow, "recorded_at": RECORDED, "filing_seq": 1, "hash_version": 2}, ["b", "a"], ""
        )
        assert filing_values(frow, RECORDED, stamp(RECORDED), 1, ["a", "b"], "")[-1] == want


@pytest.mark.parametrize("filing", FILINGS, ids=lambda f: Path(f.source.path).name)
def test_the_hot_path_hashes_are_the_general_formulas(filing: Filing) -> None:
    prepared = prepare(filing, filing_events(filing))
    hashes = []
    chain = "0" * 64
    for version, partial in enumerate(prepared.rows, start=3):
        general = finish_row(partial, version, RECORDED, chain)
        assert general["event_hash"] == event_hash(general)
        recorded = RECORDED.strftime("%Y-%m-%d %H:%M:%S.%f")
        values = finish_values(partial, version, recorded, stamp(RECORDED), chain)
        assert dict(zip(EVENT_COLUMNS, values, strict=True)) == {
            **general,
            "recorded_at": recorded,
        }
        chain = general["chain_hash"]
        hashes.append(general["event_hash"])
    frow = {**prepared.filing_row, "recorded_at": RECORDED, "filing_seq": 7, "hash_version": 2}
    want = filing_hash(frow, hashes, chain)
    values = filing_values(prepared.filing_row, RECORDED, stamp(RECORDED), 7, hashes, chain)
    row = dict(zip(FILING_COLUMNS, values, strict=True))
    dates = ("period_of_report", "filed_date", "date_of_original_submission")
    assert row == {**frow, "chain_hash": want, **{n: _iso(frow[n]) for n in dates}}
