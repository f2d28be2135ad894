"""The SEC insider data set: the real 2024 Q3 Qualys extract loads and chains; loading again is
a no-op; bad accessions are quarantined, not fatal; a corpus's data set twin gives the same
balances as its XML."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import StoreFactory

from holdings.corpus import write_corpus
from holdings.ingest import ingest_paths
from holdings.ingest_dataset import ingest_dataset
from ledger.store import EventStore
from parsers import Filing, ParseError
from parsers.sec_dataset import (
    box1_order,
    iter_dataset_filings,
    owner_from_signature,
    parse_dataset_date,
    parse_dataset_number,
)
from projections.audit import audit
from projections.entries import read_entries
from projections.positions import Check
from projections.projector import rebuild
from projections.snapshot import snapshot

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "sec_dataset"
FAR = dt.date(9999, 12, 31)
THAKAR = "name:QLYS:thakar sumedh s"
POSEY = "name:QLYS:posey bruce k"


def _filings(directory: Path) -> list[Filing]:
    out = []
    for item in iter_dataset_filings(directory):
        assert not isinstance(item, ParseError), item
        out.append(item)
    return out


# --------------------------------------------------------------------------- reading


def test_values_are_read_as_filed() -> None:
    assert str(parse_dataset_number("1000.0")) == "1000"
    assert str(parse_dataset_number("25.56")) == "25.56"
    assert str(parse_dataset_number("0.0")) == "0"
    assert str(parse_dataset_number("1.5E7")) == "15000000"
    assert parse_dataset_date("22-JUL-2024") == dt.date(2024, 7, 22)
    assert parse_dataset_date("01-feb-2023") == dt.date(2023, 2, 1)
    with pytest.raises(ValueError):
        parse_dataset_date("31-FEB-2024")


@pytest.mark.parametrize(
    ("signature", "owner"),
    [
        ("/s/ Bruce Posey by power of attorney for Sumedh S. Thakar", "Sumedh S. Thakar"),
        ("/s/ Bruce K. Posey", "Bruce K. Posey"),
        ("/s/ Bruce Posey, by power of attorney for Joo Mi Kim", "Joo Mi Kim"),
        ("/s/ Rebecca Peters, Attorney-in-Fact for Colette Kress", "Colette Kress"),
        ("/S/ Jane Roe, as attorney-in-fact for John Q. Public", "John Q. Public"),
    ],
)
def test_owner_from_signature(signature: str, owner: str) -> None:
    assert owner_from_signature(signature) == owner


def test_the_real_extract_reads_fifteen_filings() -> None:
    filings = _filings(FIXTURE)
    assert len(filings) == 15
    assert {f.source.format for f in filings} == {"sec_dataset"}
    assert len({f.source.sha256 for f in filings}) == 15
    owners = sorted({f.reporting_owners[0].name for f in filings if f.reporting_owners})
    # Signatures put in Box 1 order, so they key like the same people's other filings.
    assert owners == ["Kim Joo Mi", "Posey Bruce", "Posey Bruce K.", "Thakar Sumedh S."]
    first = next(f for f in filings if f.accession_number == "0001415889-24-019652")
    assert first.filed_date == dt.date(2024, 7, 17)
    assert first.period_of_report == dt.date(2024, 7, 15)
    assert first.issuer.ticker == "QLYS" and first.issuer.cik == "0001107843"
    assert first.form_type == "4"
    (row,) = first.derivative
    assert (row.code, row.shares, row.shares_owned_following) == ("M", Decimal(7000), 115000)
    assert str(row.shares) == "7000" and str(row.exercise_price) == "25.56"
    assert row.expiration_date == dt.date(2026, 4, 28) and row.date_exercisable is None
    assert row.footnotes == {"code": ["F1"], "date_exercisable": ["F4"]}
    messages = " ".join(n.message for n in first.notes)
    assert "read from the signature" in messages and "no FOOTNOTES table" in messages


def test_a_zip_and_a_plain_folder_read_alike(tmp_path: Path) -> None:
    archive = tmp_path / "2024q3_form345.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for p in FIXTURE.glob("*.tsv"):
            z.write(p, p.name.removeprefix("QLYS_"))
    zipped = {f.accession_number: f.source.sha256 for f in _filings(archive)}
    plain = {f.accession_number: f.source.sha256 for f in _filings(FIXTURE)}
    assert zipped == plain


# --------------------------------------------------------------------------- ingest


def _checks(store: EventStore, person: str) -> list[Check]:
    state = rebuild(read_entries(store, person_keys=[person]), collect_checks=True)
    return [c for c in state.checks or [] if c.entry.position_key.startswith("deriv|")]


def test_real_extract_ingests_and_chains(store: EventStore) -> None:
    """On SQLite, and on PostgreSQL where the tests have one."""
    summary = ingest_dataset(store, FIXTURE)
    assert summary.filings == 15 and summary.appended_filings == 15
    assert summary.quarantined == 0 and summary.events_appended == 6
    report = audit(store, read_entries(store), late=False)
    assert report.discrepancies == []
    for person, chain in ((THAKAR, [115000, 108000, 101000]), (POSEY, [3000, 2000, 1000])):
        checks = _checks(store, person)
        assert [c.reported for c in checks] == chain
        assert [c.running for c in checks] == chain
        assert all(c.ok for c in checks)
        assert [c.opened for c in checks] == [True, False, False]
    held = {
        (h.person_key, h.security): h.balance
        for h in snapshot(store, FAR, include_expired=True)
        if h.kind == "option"
    }
    option = "Stock Option (right to buy) $25.56 exp. 2026-04-28"
    assert held == {(THAKAR, option): 101000, (POSEY, option): 1000}


def test_loading_again_is_a_no_op(store: EventStore, tmp_path: Path) -> None:
    ingest_dataset(store, FIXTURE)
    events, filings = store.count_events(), store.count_filings()
    again = ingest_dataset(store, FIXTURE)
    assert (again.appended_filings, again.already_present, again.conflicts) == (0, 15, 0)
    # The same rows under other file names, in another folder, are the same filings.
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    for p in FIXTURE.glob("*.tsv"):
        shutil.copy(p, moved / p.name.removeprefix("QLYS_"))
    third = ingest_dataset(store, moved)
    assert (third.appended_filings, third.already_present) == (0, 15)
    assert (store.count_events(), store.count_filings()) == (events, filings)


def test_bad_accessions_are_quarantined_and_the_rest_load(
    store: EventStore, tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(FIXTURE, bad)
    trans = bad / "QLYS_DERIV_TRANS.tsv"
    lines = trans.read_text("utf-8").splitlines()
    broken = lines[1].split("\t")
    lines[1] = "\t".join(broken[:10])  # a row cut short in the middle
    orphan = ["0009999999-24-000001", "1", "Stock Option (right to buy)"]
    lines.append("\t".join(orphan + [""] * (len(broken) - 3)))  # rows, but no SUBMISSION
    trans.write_text("\n".join(lines) + "\n", "utf-8")
    summary = ingest_dataset(store, bad)
    assert summary.quarantined == 2, summary.errors
    assert summary.appended_filings == 14
    reasons = {q.path.rsplit("/", 1)[1]: q.reason for q in store.quarantined()}
    assert set(reasons) == {broken[0], "0009999999-24-000001"}
    assert "cells for" in reasons[broken[0]]
    assert "no SUBMISSION row" in reasons["0009999999-24-000001"]
    kept = store.quarantined()[0]
    assert kept.size > 0 and store.quarantined_content(kept.id)


def test_progress_is_reported(store: EventStore) -> None:
    seen: list[tuple[int, int, str]] = []
    ingest_dataset(store, FIXTURE, progress=lambda d, t, a: seen.append((d, t, a)))
    assert [d for d, _, _ in seen] == list(range(1, 16)) and {t for _, t, _ in seen} == {15}


def test_corpus_data_set_twin_gives_the_xml_balances(
    tmp_path: Path, new_store: StoreFactory
) -> None:
    root = tmp_path / "corpus"
    write_corpus(root, people=6, filings=90, seed=12, discrepancies=4, text_share=0, dataset=True)
    balances = []
    found = []
    for name, load in (
        ("xml", lambda s: ingest_paths(s, [root / "filings"], workers=1, batch_size=50)),
        ("dataset", lambda s: ingest_dataset(s, root / "dataset", batch_size=50)),
    ):
        store = new_store(name)
        try:
            summary = load(store)
            assert summary.quarantined == 0 and summary.appended_filings == 90, summary.errors
            balances.append(
                {
                    (h.person_key, h.issuer_key, h.position_key): h.balance
                    for h in snapshot(store, FAR, include_expired=True)
                }
            )
            report = audit(store, read_entries(store), late=False)
            found.append(
                sorted(
                    (Path(d.filing_path).stem, d.table, d.row_index, d.expected, d.reported)
                    for d in report.discrepancies
                )
            )
        finally:
            store.engine.dispose()
    assert balances[0] == balances[1]
    assert found[0] == found[1] and len(found[0]) == 4


@pytest.mark.parametrize(
    ("signed", "box1"),
    [
        ("Sumedh S. Thakar", "Thakar Sumedh S."),
        ("Joo Mi Kim", "Kim Joo Mi"),
        ("John Q. Public Jr.", "Public John Q. Jr."),
        ("Madonna", "Madonna"),
    ],
)
def test_signature_names_are_put_in_box_1_order(signed: str, box1: str) -> None:
    assert box1_order(signed) == box1


def test_data_set_and_text_filings_of_one_person_share_a_stream(store: EventStore) -> None:
    """Thakar's options: 101,000 after the 2024-09-16 data set filing, then the 2025 seed
    opens at 73,000 with no filing between: one stream, and the gap is a discrepancy. The
    position follows the filer's sworn 66,000 (the balance policy); the -28,000 stays a
    finding that names both filings and the window a filing is missing from."""
    from holdings.ingest import ingest_paths

    ingest_dataset(store, FIXTURE)
    seeds = Path(__file__).resolve().parent / "fixtures" / "text" / "seeds"
    ingest_paths(store, [seeds / "003_f1e04564f50603cc.txt"], workers=1)
    gaps = [
        d
        for d in audit(store, read_entries(store, person_keys=[THAKAR]), late=False).discrepancies
        if d.position_key.startswith("deriv|")
    ]
    (gap,) = gaps
    assert (gap.expected, gap.reported, gap.difference, gap.cause, gap.status) == (
        Decimal(94000),
        Decimal(66000),
        Decimal(-28000),
        "between filings",
        "fails",
    )
    assert gap.window == (dt.date(2024, 9, 16), dt.date(2025, 2, 14))
    assert gap.previous_filing is not None and gap.previous_filing.endswith("0001415889-24-023516")
    assert "003_f1e04564f50603cc.txt" in gap.detail and "0001415889-24-023516" in gap.detail
    held = snapshot(store, dt.date(2025, 2, 15), person_keys=[THAKAR])
    (option,) = [h for h in held if h.kind == "option"]
    assert (option.balance, option.reported_balance) == (Decimal(66000), None)
