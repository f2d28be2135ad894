"""``holdings export``: Parquet files that pyarrow reads back exactly, one row per event, written
in record batches."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import FIXTURES, SEEDS
from typer.testing import CliRunner

import holdings
from holdings import export as export_module
from holdings.cli import app

XML = FIXTURES / "xml"
runner = CliRunner()


def test_export_on_the_seeds_reads_back_exactly(db_url: str, tmp_path: Path) -> None:
    ingest = runner.invoke(app, ["ingest", "--db", db_url, str(SEEDS)])
    assert ingest.exit_code == 0
    out = tmp_path / "export"
    result = runner.invoke(
        app, ["export", "--db", db_url, "--out", str(out), "--as-of", "2025-02-15", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert "events.parquet,17" in result.stdout
    names = {p.name for p in out.iterdir()}
    assert names == {
        "events.parquet",
        "positions.parquet",
        "discrepancies.parquet",
        "late_filings.parquet",
        "input_notes.parquet",
        "people.parquet",
    }

    events = pq.read_table(out / "events.parquet")
    assert events.num_rows == 17 == holdings.open(db_url).store.count_events()
    assert sorted(events["seq"].to_pylist()) == list(range(1, 18))  # one row per event
    for name in ("quantity", "price", "shares_owned_following", "exercise_price"):
        assert events.schema.field(name).type == pa.decimal128(18, 6)
    assert events.schema.field("effective_date").type == pa.date32()
    prices = set(events["price"].to_pylist())
    assert Decimal("123.4739") in prices and Decimal("141.3815") in prices
    assert events.schema.field("quantity").metadata[b"description"]
    assert events.schema.metadata[b"holdings.as_of"] == b"2025-02-15"

    positions = pq.read_table(out / "positions.parquet").to_pylist()
    thakar = [p for p in positions if p["person"] == "Thakar Sumedh S" and p["kind"] == "direct"]
    assert [p["balance"] for p in thakar] == [Decimal("246313")]
    assert {p["as_of"] for p in positions} == {dt.date(2025, 2, 15)}
    assert len(positions) == 8
    assert pq.read_table(out / "people.parquet").num_rows == 5
    assert pq.read_table(out / "discrepancies.parquet").num_rows == 0


def test_events_are_written_in_batches_and_links_go_to_edgar(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "BATCH", 4)
    ledger = holdings.open(db_url)
    # The first 4/A of Kress's filing left out: the second leaves a break within its filing.
    ledger.ingest([f for f in sorted(XML.iterdir()) if "23-000050" not in f.name], workers=1)
    total = len(ledger.events())
    result = ledger.export(tmp_path / "x", as_of="2026-12-31")
    assert result.files["events.parquet"] == total
    parquet = pq.ParquetFile(tmp_path / "x" / "events.parquet")
    assert parquet.metadata.num_rows == total
    assert parquet.num_row_groups == -(-total // 4)  # ceil: one row group per batch of 4
    table = parquet.read()
    urls = {
        (a, u)
        for a, u in zip(
            table["accession_number"].to_pylist(), table["filing_url"].to_pylist(), strict=True
        )
        if a
    }
    # AAR Corp (issuer CIK 1750): the index page of accession 0001127602-25-001055.
    edgar = "https://www.sec.gov/Archives/edgar/data/1750/000112760225001055/"
    assert urls == {("0001127602-25-001055", edgar)}
    # Without an accession number there is no address, never a guessed one.
    pairs = zip(table["accession_number"].to_pylist(), table["filing_url"].to_pylist(), strict=True)
    assert all(u is None for a, u in pairs if a is None)
    (disc,) = pq.read_table(tmp_path / "x" / "discrepancies.parquet").to_pylist()
    assert (disc["expected"], disc["reported"]) == (Decimal("536960"), Decimal("438458"))
    assert disc["difference"] == Decimal("-98502") and disc["cause"] == "within filing"
