"""The append's hot path spells the hashes out column by column (``finish_values``,
``filing_values``, the content hash in ``partial_row``); verify recomputes them with the general
formulas (``content_hash``, ``finish_row``, ``filing_hash``). Both must give the very same text,
or every row the store writes would fail verification."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from ledger.classify import ClassificationError, filing_events
from ledger.mapping import (
    DATE_COLUMNS,
    EVENT_COLUMNS,
    FILING_COLUMNS,
    content_hash,
    filing_hash,
    filing_values,
    finish_row,
    finish_values,
    partial_row,
    stamp,
)
from ledger.store import prepare
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


def test_the_fixtures_cover_what_the_formulas_branch_on() -> None:
    rows = [partial_row(e) for f in FILINGS for e in filing_events(f)]
    assert len(rows) > 50
    for column in ("transaction_date", "original_filed_date", "quantity"):
        assert any(r[column] is None for r in rows), column
        assert any(r[column] is not None for r in rows), column
    assert any(r["is_amendment"] for r in rows) and not all(r["is_amendment"] for r in rows)


NULLABLE = (
    "person_name",
    "quantity",
    "shares_owned_following",
    "transaction_date",
    "filed_date",
    "period_of_report",
    "original_filed_date",
)


def test_every_empty_value_hashes_as_the_general_formula_says() -> None:
    """Columns the fixtures always fill, emptied one by one (the content hash is taken again
    the way ``partial_row`` takes it)."""
    from ledger.mapping import _content_hash

    (event, *_) = filing_events(FILINGS[0])
    for name in NULLABLE:
        partial = {**partial_row(event), name: None}
        partial["content_hash"] = _content_hash(partial)
        assert partial["content_hash"] == content_hash(partial), name
        general = finish_row(partial, 2, RECORDED, "")
        values = finish_values(partial, 2, RECORDED, stamp(RECORDED), "", False)
        assert dict(zip(EVENT_COLUMNS, values, strict=True)) == general, name
    own = prepare(FILINGS[0], [event]).filing_row
    filled = {"accession_number": "0001045810-23-000006", "accepted_at": "20230105161509"}
    for name, value in [(n, None) for n in ("period_of_report", "filed_date")] + [
        *filled.items(),
        *((n, None) for n in filled),
    ]:
        frow = {**own, name: value}
        want = filing_hash(
            {**frow, "recorded_at": RECORDED, "filing_seq": 1, "hash_version": 2}, [], ""
        )
        assert filing_values(frow, RECORDED, stamp(RECORDED), 1, [], "", False)[-1] == want


@pytest.mark.parametrize("filing", FILINGS, ids=lambda f: Path(f.source.path).name)
def test_the_hot_path_hashes_are_the_general_formulas(filing: Filing) -> None:
    prepared = prepare(filing, filing_events(filing))
    hashes = []
    chain = "0" * 64
    for version, partial in enumerate(prepared.rows, start=3):
        assert partial["content_hash"] == content_hash(partial)
        general = finish_row(partial, version, RECORDED, chain)
        for text_dates in (False, True):
            recorded: Any = RECORDED.strftime("%Y-%m-%d %H:%M:%S.%f") if text_dates else RECORDED
            values = finish_values(partial, version, recorded, stamp(RECORDED), chain, text_dates)
            row = dict(zip(EVENT_COLUMNS, values, strict=True))
            expected = {**general}
            if text_dates:
                expected["recorded_at"] = recorded
                for name in DATE_COLUMNS:
                    day = expected[name]
                    expected[name] = None if day is None else day.isoformat()
            assert row == expected
        hashes.append(general["event_hash"])
    frow = {**prepared.filing_row, "recorded_at": RECORDED, "filing_seq": 7, "hash_version": 2}
    want = filing_hash(frow, hashes, chain)
    for text_dates in (False, True):
        values = filing_values(
            prepared.filing_row, RECORDED, stamp(RECORDED), 7, hashes, chain, text_dates
        )
        row = dict(zip(FILING_COLUMNS, values, strict=True))
        assert row["chain_hash"] == want
        assert row["period_of_report"] == (
            filing.period_of_report.isoformat()
            if text_dates and filing.period_of_report
            else filing.period_of_report
        )
