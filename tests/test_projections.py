"""Positions, the balance audit, replay and snapshots, on real filings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from conftest import StoreFactory

from holdings.ingest import ingest_paths
from ledger.store import EventStore
from projections.audit import audit
from projections.entries import read_entries
from projections.people import find_people
from projections.projector import Projector, positions_equal, rebuild
from projections.replay import replay
from projections.snapshot import snapshot

XML = Path(__file__).resolve().parent / "fixtures" / "xml"
KRESS = sorted(XML.glob("0001045810-23-*.xml"))
KRESS_ORIGINAL, KRESS_AMEND_1, KRESS_AMEND_2 = KRESS
ICAHN = sorted(XML.glob("icahn-entity-*.xml"))


def _keys(store: EventStore, who: str) -> list[str]:
    return [p.key for p in find_people(store, who)]


def test_icahn_chains_exactly_across_four_filings(store: EventStore) -> None:
    ingest_paths(store, ICAHN, workers=1)
    report = audit(store, read_entries(store), late=False)
    assert report.discrepancies == []
    assert report.checks == 4
    assert report.inferred_openings == 1
    held = snapshot(store, dt.date(2026, 12, 31), person_keys=_keys(store, "Icahn"))
    assert [(h.kind, h.balance) for h in held] == [("indirect", Decimal("618393343"))]
    earlier = snapshot(store, dt.date(2026, 1, 1), person_keys=_keys(store, "Icahn"))
    assert [h.balance for h in earlier] == [Decimal("549400539")]


def test_kress_is_clean_only_when_the_amendment_supersedes(store: EventStore) -> None:
    ingest_paths(store, [KRESS_ORIGINAL, KRESS_AMEND_2], workers=1)
    before = audit(store, read_entries(store), late=False)
    assert len(before.failing) == 1
    (d,) = before.failing
    assert (d.expected, d.reported, d.difference) == (
        Decimal("536960"),
        Decimal("438458"),
        Decimal("-98502"),
    )
    assert d.cause == "within filing"
    assert d.filing_path.endswith(KRESS_ORIGINAL.name) and d.line is not None
    ingest_paths(store, [KRESS_AMEND_1], workers=1)
    after = audit(store, read_entries(store), late=False)
    assert after.discrepancies == []
    # The superseded events are still in the log: only the projection looks past them.
    assert store.count_filings() == 3
    direct = [h for h in snapshot(store, dt.date(2023, 2, 1)) if h.kind == "direct"]
    assert [h.balance for h in direct] == [Decimal("536960")]


def test_ingest_order_does_not_change_the_projection(
    new_store: StoreFactory,
) -> None:
    a = new_store("a")
    b = new_store("b")
    files = [*KRESS, *ICAHN]
    ingest_paths(a, files, workers=1)
    ingest_paths(b, list(reversed(files)), workers=1)
    sa = snapshot(a, dt.date(2027, 1, 1))
    sb = snapshot(b, dt.date(2027, 1, 1))
    assert [(h.position_key, h.balance) for h in sa] == [(h.position_key, h.balance) for h in sb]


def test_incremental_update_equals_full_rebuild(store: EventStore) -> None:
    projector = Projector(store)
    # Newest Icahn filing first, then older ones, then an amendment pair: refolds are needed.
    for path in [ICAHN[0], ICAHN[2], ICAHN[1], ICAHN[3], KRESS_AMEND_2, KRESS_ORIGINAL]:
        ingest_paths(store, [path], workers=1)
        projector.update()
        full = rebuild(read_entries(store))
        assert positions_equal(projector.state, full)
    ingest_paths(store, [KRESS_AMEND_1], workers=1)
    projector.update()
    assert positions_equal(projector.state, rebuild(read_entries(store)))
    assert projector.refolded_streams >= 2


def test_replay_orders_by_date_and_marks_disagreement(store: EventStore) -> None:
    ingest_paths(store, [KRESS_ORIGINAL, KRESS_AMEND_2], workers=1)
    rows = replay(store, _keys(store, "Colette Kress"))
    dates = [r.event.effective_date for r in rows]
    assert dates == sorted(dates)
    bad = [r for r in rows if not r.ok]
    assert len(bad) == 1 and bad[0].reported == Decimal("438458")
    assert bad[0].running == Decimal("536960")


def test_snapshot_known_at_hides_what_was_not_yet_filed(store: EventStore) -> None:
    ingest_paths(store, ICAHN, workers=1)
    keys = _keys(store, "ICAHN CARL")
    # icahn-entity-1: trade 2026-06-25, filed (signed) 2026-06-29
    as_of = dt.date(2026, 6, 26)
    assert [h.balance for h in snapshot(store, as_of, person_keys=keys)] == [Decimal("618393343")]
    known = snapshot(store, as_of, known_at=dt.date(2026, 6, 26), person_keys=keys)
    assert [h.balance for h in known] == [Decimal("581937313")]
