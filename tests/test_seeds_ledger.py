"""The five seeds end to end: parse, ledger, projections, as the projections issue expects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from holdings.ingest import ingest_paths
from ledger.store import EventStore
from projections.audit import audit
from projections.entries import read_entries
from projections.people import find_people
from projections.replay import replay
from projections.snapshot import snapshot

SEEDS = Path(__file__).resolve().parent / "fixtures" / "text" / "seeds"
D = Decimal


@pytest.fixture
def seeded(store: EventStore) -> EventStore:
    summary = ingest_paths(store, [SEEDS], workers=1)
    assert summary.quarantined == 0, summary.errors
    assert summary.appended_filings == 5
    return store


def _keys(store: EventStore, who: str) -> list[str]:
    found = [p.key for p in find_people(store, who)]
    assert found, who
    return found


def _balances(store: EventStore, who: str, day: str, known: str | None = None) -> dict:
    held = snapshot(
        store,
        dt.date.fromisoformat(day),
        known_at=dt.date.fromisoformat(known) if known else None,
        person_keys=_keys(store, who),
    )
    return {(h.kind, h.security): h.balance for h in held}


def test_every_seed_chains_exactly_within_itself(seeded: EventStore) -> None:
    report = audit(seeded, read_entries(seeded))
    assert report.discrepancies == []
    assert report.late_filings == []
    assert report.clean


def test_thakar_snapshots(seeded: EventStore) -> None:
    option = ("option", "Stock Option (right to buy) $25.56 exp. 2026-04-28")
    assert _balances(seeded, "Thakar", "2025-02-14") == {
        ("direct", "Common Stock"): D("246144"),
        option: D("66000"),
    }
    assert _balances(seeded, "Thakar", "2025-02-15")[("direct", "Common Stock")] == D("246313")
    # Signed (filed) 2025-02-18: on the 17th none of it was public yet.
    assert _balances(seeded, "Thakar", "2025-02-15", known="2025-02-17") == {}
    assert _balances(seeded, "Thakar", "2025-02-15", known="2025-02-18")[
        ("direct", "Common Stock")
    ] == D("246313")


def test_thakar_espp_row_is_an_espp_purchase(seeded: EventStore) -> None:
    rows = replay(seeded, _keys(seeded, "Thakar"))
    espp = [r for r in rows if r.event.event_type == "espp_purchase"]  # type: ignore[attr-defined]
    assert len(espp) == 1
    assert espp[0].event.quantity == D("169")
    assert espp[0].running == D("246313")


def test_courtot_direct_and_custodian_indirect(seeded: EventStore) -> None:
    held = snapshot(seeded, dt.date(2020, 11, 1), person_keys=_keys(seeded, "Courtot"))
    by_kind = {h.kind: h for h in held}
    assert by_kind["direct"].balance == D("5208879")
    assert by_kind["indirect"].balance == D("100000")
    assert (
        "custodian"
        in " ".join(
            f.text or ""
            for r in replay(seeded, _keys(seeded, "Courtot"))
            for f in r.event.footnotes
            if r.event.ownership.form == "I"
        ).lower()
    )


def test_posey_opening_balance_is_inferred(seeded: EventStore) -> None:
    rows = [r for r in replay(seeded, _keys(seeded, "Posey")) if not r.event.security.derivative]
    assert rows[0].opened and rows[0].before == D("64427")
    assert [r.running for r in rows] == [D("65427"), D("64327"), D("62927")]
    held = _balances(seeded, "Posey", "2022-06-21")
    assert held[("direct", "Common Stock")] == D("62927")
    assert held[("option", "Stock Option (right to buy) $25.56 exp. 2026-04-28")] == D("35300")


def test_one_changed_balance_is_named_exactly(store: EventStore, tmp_path: Path) -> None:
    original = (SEEDS / "000_28e73f0d9ee92a54.txt").read_text(encoding="utf-8")
    assert original.count("64,327") == 1
    changed = tmp_path / "000_changed.txt"
    changed.write_text(original.replace("64,327", "64,372"), encoding="utf-8")
    ingest_paths(store, [changed], workers=1)
    report = audit(store, read_entries(store), late=False)
    (d,) = report.discrepancies
    assert (d.expected, d.reported, d.difference) == (D("64327"), D("64372"), D("45"))
    assert d.cause == "within filing"
    assert d.filing_path == str(changed) and d.row_index == 1
    lines = original.splitlines()
    assert "64,327" in lines[d.line - 1]  # type: ignore[operator]


def test_an_option_past_its_expiration_is_not_held(seeded: EventStore) -> None:
    keys = _keys(seeded, "John Wilson")
    before = snapshot(seeded, dt.date(2020, 11, 5), person_keys=keys)
    assert {h.kind for h in before} == {"direct", "option"}
    after = snapshot(seeded, dt.date(2020, 11, 6), person_keys=keys)
    assert {h.kind for h in after} == {"direct"}
    kept = snapshot(seeded, dt.date(2020, 11, 6), person_keys=keys, include_expired=True)
    (option,) = [h for h in kept if h.kind == "option"]
    assert option.expired and option.balance == D("140591")


def test_a_bare_see_footnote_nature_is_labelled_with_its_footnote(seeded: EventStore) -> None:
    held = snapshot(seeded, dt.date(2020, 11, 1), person_keys=_keys(seeded, "Courtot"))
    (indirect,) = [h for h in held if h.kind == "indirect"]
    assert "custodian" in indirect.ownership and "Uniform Gifts to Minors Act" in indirect.ownership
