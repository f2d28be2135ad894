"""The Python API (``holdings.open``): the CLI's use cases as typed results that turn into exact
DataFrames, on both engines."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from conftest import FIXTURES, SEEDS
from typer.testing import CliRunner

import holdings
from holdings.arrow import DECIMAL, DecimalOverflow
from holdings.cli import app
from holdings.results import Audit, Events, People, Replay, Snapshot

KRESS = sorted((FIXTURES / "xml").glob("0001045810-23-*.xml"))


@pytest.fixture
def ledger(db_url: str) -> holdings.Ledger:
    opened = holdings.open(db_url)
    result = opened.ingest([SEEDS], workers=1)
    assert result.ok and result.events_appended == 17
    return opened


def test_thakar_holds_246313_common_shares_in_a_numeric_decimal_column(
    ledger: holdings.Ledger,
) -> None:
    df = ledger.snapshot(as_of="2025-02-15").to_pandas()
    thakar = df[(df["person"] == "Thakar Sumedh S") & (df["kind"] == "direct")]
    assert len(thakar) == 1
    balance = thakar["balance"].iloc[0]
    assert balance == Decimal("246313") and isinstance(balance, Decimal)
    assert df["balance"].dtype == pd.ArrowDtype(DECIMAL)
    assert pd.api.types.is_numeric_dtype(df["balance"])
    # Numeric for real: sums are exact decimals, never floats.
    assert df["balance"].sum() == Decimal("5879060")
    assert isinstance(df["last_date"].iloc[0], dt.date)
    assert df["as_of"].iloc[0] == dt.date(2025, 2, 15)


def test_results_are_typed_iterable_and_show_themselves(ledger: holdings.Ledger) -> None:
    snap = ledger.snapshot(as_of="2025-02-15", person="Sumedh Thakar")
    assert isinstance(snap, Snapshot) and len(snap) == 2
    assert [(h.kind, h.balance) for h in snap] == [
        ("direct", Decimal("246313")),
        ("option", Decimal("66000")),
    ]
    text = repr(snap)
    assert text.startswith("<Snapshot: 2 positions of 1 person as of 2025-02-15>")
    assert "246,313" in text and "66,000" in text
    html = snap._repr_html_()
    assert "<table>" in html and "246,313" in html

    replay = ledger.replay("Posey")
    assert isinstance(replay, Replay) and len(replay) == 4 and all(r.ok for r in replay)
    frame = replay.to_pandas()
    assert list(frame["quantity"]) == [
        Decimal("1000"),
        Decimal("-1100"),
        Decimal("-1400"),
        Decimal("-1000"),
    ]
    assert frame["price"].iloc[1] == Decimal("123.4739")

    audit = ledger.audit()
    assert isinstance(audit, Audit) and audit.clean and audit.checks == 17
    assert len(audit.to_pandas()) == 0 and len(audit.late_filings.to_pandas()) == 0

    people = ledger.people()
    assert isinstance(people, People) and len(people) == 5
    assert list(people.to_pandas()["issuers"].iloc[0]) == ["QLYS"]

    events = ledger.events()
    assert isinstance(events, Events) and len(events) == 17
    frame = events.to_pandas()
    assert len(frame) == 17 and frame["seq"].is_unique
    assert len(ledger.events(person="Posey").to_pandas()) == 4
    assert repr(events).startswith("<Events: 17 events>") and "... 7 more" in repr(events)


def test_the_api_says_what_the_cli_says(ledger: holdings.Ledger, db_url: str) -> None:
    """One use case, two faces: the CLI's JSON is the API's rows."""
    runner = CliRunner()

    def cli(*args: str) -> object:
        result = runner.invoke(app, [args[0], "--db", db_url, *args[1:], "-f", "json"])
        return json.loads(result.stdout)

    snap = cli("snapshot", "--as-of", "2025-02-15")
    assert snap == [h.as_dict() for h in ledger.snapshot(as_of=dt.date(2025, 2, 15))]
    rows = cli("replay", "Thakar")
    assert [{k: v for k, v in r.items() if k != "check"} for r in rows] == [  # type: ignore[union-attr]  # JSON list of objects
        r.as_dict() for r in ledger.replay("Thakar")
    ]
    audit = cli("audit")
    assert audit["checks"] == ledger.audit().checks  # type: ignore[index]  # JSON object


def test_a_ledger_that_does_not_exist_is_refused_by_reads_and_made_by_ingest(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new.db"
    ledger = holdings.open(path)
    assert "not created yet" in repr(ledger)
    with pytest.raises(holdings.LedgerNotFound):
        ledger.people()
    assert not path.exists()
    ledger.ingest([SEEDS / "003_f1e04564f50603cc.txt"], workers=1)
    assert path.exists() and [p.name for p in ledger.people()] == ["Thakar Sumedh S"]
    with pytest.raises(holdings.PersonNotFound, match="nobody|no person"):
        ledger.replay("Nobody At All")
    with pytest.raises(ValueError, match="as_of: '15/02/2025' is not a date"):
        ledger.snapshot(as_of="15/02/2025")
    with pytest.raises(FileNotFoundError):
        ledger.ingest([tmp_path / "missing"])
    ledger.close()


def test_a_figure_that_a_decimal_column_cannot_hold_is_refused_not_rounded(
    ledger: holdings.Ledger,
) -> None:
    from holdings.arrow import POSITIONS

    (held,) = ledger.snapshot(as_of="2025-02-15", person="Wilson")
    fine = held.__class__(**{**held.__dict__, "balance": Decimal("55500.000000000")})
    assert POSITIONS.table([(fine, dt.date(2025, 2, 15), None)]).num_rows == 1
    odd = held.__class__(**{**held.__dict__, "balance": Decimal("55500.0000001")})
    with pytest.raises(DecimalOverflow, match=r"55500.0000001 does not fit decimal\(18, 6\)"):
        POSITIONS.table([(odd, dt.date(2025, 2, 15), None)])
    huge = held.__class__(**{**held.__dict__, "balance": Decimal("1E+12")})
    with pytest.raises(DecimalOverflow, match="004_aa3ba1f970fdc38c.txt"):
        POSITIONS.table([(huge, dt.date(2025, 2, 15), None)])


def test_amendments_show_in_events_and_the_audit(db_url: str) -> None:
    ledger = holdings.open(db_url)
    ledger.ingest(KRESS[:1] + KRESS[2:], workers=1)
    audit = ledger.audit(person="Kress")
    (broken,) = audit.failing
    frame = audit.to_pandas()
    assert frame["expected"].iloc[0] == Decimal("536960")
    assert frame["difference"].iloc[0] == Decimal("-98502")
    assert frame["difference"].dtype == pd.ArrowDtype(DECIMAL)
    table = ledger.events().to_arrow()
    assert table.schema.field("quantity").type == pa.decimal128(18, 6)
    assert table.num_rows == len(ledger.events()) and broken.event_seq in table["seq"].to_pylist()
