"""The event store, run against SQLite always and PostgreSQL when its URL is set."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from freezegun import freeze_time
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from holdings.ingest import ingest_paths
from ledger.classify import filing_events, stream_id
from ledger.store import ConcurrencyError, EventStore, IdempotencyConflict
from parsers import parse_file

XML = Path(__file__).resolve().parent / "fixtures" / "xml"
KRESS_ORIGINAL = XML / "0001045810-23-000006_wf-form4_167486488448198.xml"
KRESS_AMEND_1 = XML / "0001045810-23-000050_wf-form4a_167882511093689.xml"
ICAHN = sorted(XML.glob("icahn-entity-*.xml"))


def _load(path: Path):  # type: ignore[no-untyped-def]
    filing = parse_file(path)
    return filing, filing_events(filing)


def test_append_then_append_again_changes_nothing(store: EventStore) -> None:
    first = ingest_paths(store, [XML], workers=1)
    events, filings = store.count_events(), store.count_filings()
    assert first.events_appended == events > 0
    again = ingest_paths(store, [XML], workers=1)
    assert again.events_appended == 0
    assert again.already_present == first.appended_filings
    assert (store.count_events(), store.count_filings()) == (events, filings)


def test_same_content_from_another_path_is_already_present(
    store: EventStore, tmp_path: Path
) -> None:
    copy = tmp_path / "renamed.xml"
    copy.write_bytes(ICAHN[0].read_bytes())
    filing, events = _load(ICAHN[0])
    assert not store.append_filing(filing, events).already_present
    filing2, events2 = _load(copy)
    assert store.append_filing(filing2, events2).already_present


def test_same_key_with_a_different_payload_is_refused_loudly(store: EventStore) -> None:
    filing, events = _load(ICAHN[0])
    store.append_filing(filing, events)
    tampered = [events[0].model_copy(update={"price": Decimal("999")}), *events[1:]]
    with pytest.raises(IdempotencyConflict, match="different payload"):
        store.append_filing(filing, tampered)
    assert store.count_events() == len(events)


def test_a_filing_with_no_events_is_kept_and_found_again(store: EventStore) -> None:
    """A filing whose tables are empty still goes in (its filings row), once."""
    filing, _events = _load(ICAHN[0])
    empty = filing.model_copy(update={"non_derivative": [], "derivative": []})
    assert not store.append_filing(empty, []).already_present
    assert (store.count_filings(), store.count_events()) == (1, 0)
    assert store.append_filing(empty, []).already_present
    assert store.count_filings() == 1


def test_a_crash_in_the_middle_of_a_filing_leaves_nothing_of_it(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ledger.store as store_module

    filing, events = _load(KRESS_ORIGINAL)
    assert len(events) >= 3
    real = store_module.finish_values
    calls = {"n": 0}

    def dying(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(store_module, "finish_values", dying)
    with pytest.raises(RuntimeError):
        store.append_filing(filing, events)
    assert store.count_events() == 0
    assert store.count_filings() == 0
    monkeypatch.setattr(store_module, "finish_values", real)
    assert store.append_filing(filing, events).appended == len(events)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE events SET event_type = 'sale'",
        "DELETE FROM events",
        "UPDATE filings SET path = 'x'",
        "DELETE FROM filings",
    ],
)
def test_update_and_delete_are_refused_by_the_database(store: EventStore, sql: str) -> None:
    filing, events = _load(ICAHN[0])
    store.append_filing(filing, events)
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text(sql))
    assert store.count_events() == len(events)


def test_stream_versions_count_up_per_stream(store: EventStore) -> None:
    for path in ICAHN:
        filing, events = _load(path)
        store.append_filing(filing, events)
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT stream_id, stream_version FROM events ORDER BY seq")).all()
    by_stream: dict[str, list[int]] = {}
    for sid, version in rows:
        by_stream.setdefault(sid, []).append(version)
    for versions in by_stream.values():
        assert versions == list(range(1, len(versions) + 1))


def test_a_writer_with_a_stale_stream_version_gets_a_concurrency_error_and_a_retry_succeeds(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    f1, e1 = _load(ICAHN[0])
    f2, e2 = _load(ICAHN[1])
    assert stream_id(e1[0]) == stream_id(e2[0])
    store.append_filing(f1, e1)
    # The second writer read the stream head before the first committed: it still sees 0.
    monkeypatch.setattr(EventStore, "_stream_heads", lambda self, conn, sids: {})
    with pytest.raises(ConcurrencyError, match="retry"):
        store.append_filing(f2, e2)
    assert store.count_events() == len(e1)
    monkeypatch.undo()
    assert store.append_filing(f2, e2).appended == len(e2)


def test_two_threads_racing_on_one_stream_both_land(db_url: str) -> None:
    """Real concurrency: two writers on one stream at once both land. Appends are serialised
    (SQLite's write lock, an advisory lock on PostgreSQL), so the second reads the head only
    after the first committed; were it not, it would lose the race and retry."""
    stores = [EventStore(db_url), EventStore(db_url)]
    loaded = [_load(p) for p in ICAHN[:2]]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []
    real_head = EventStore._stream_heads

    def head_then_wait(self, conn, sids):  # type: ignore[no-untyped-def]
        value = real_head(self, conn, sids)
        # Writers are serialised: the second waits on the lock, not the barrier.
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=2)
        return value

    def run(i: int) -> None:
        filing, events = loaded[i]
        for _ in range(10):
            try:
                stores[i].append_filing(filing, events)
                outcomes.append("ok")
                return
            except ConcurrencyError:
                outcomes.append("conflict")
        outcomes.append("gave up")

    mp = pytest.MonkeyPatch()
    mp.setattr(EventStore, "_stream_heads", head_then_wait)
    try:
        threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    finally:
        mp.undo()
    assert outcomes.count("ok") == 2
    assert stores[0].count_events() == sum(len(e) for _, e in loaded)
    for s in stores:
        s.engine.dispose()


def test_recorded_at_comes_from_the_frozen_clock(store: EventStore) -> None:
    filing, events = _load(ICAHN[0])
    with freeze_time("2030-01-02 03:04:05"):
        store.append_filing(filing, events)
    with store.engine.connect() as conn:
        stamps = {r[0] for r in conn.execute(text("SELECT recorded_at FROM events"))}
    assert len(stamps) == 1
    stamp = stamps.pop()
    if isinstance(stamp, str):
        stamp = dt.datetime.fromisoformat(stamp)
    assert stamp.replace(tzinfo=None) == dt.datetime(2030, 1, 2, 3, 4, 5)


def test_bad_files_are_quarantined_and_never_stop_the_batch(
    store: EventStore, tmp_path: Path
) -> None:
    (tmp_path / "a_empty.txt").write_text("")
    (tmp_path / "b_8k.txt").write_text("FORM 8-K\nCURRENT REPORT\nItem 5.02 Departure of Directors")
    (tmp_path / "c_good.xml").write_bytes(ICAHN[0].read_bytes())
    (tmp_path / "d_truncated.xml").write_bytes(ICAHN[1].read_bytes()[:1500])
    summary = ingest_paths(store, [tmp_path], workers=1)
    assert summary.appended_filings == 1
    assert summary.quarantined == 3
    kept = {Path(q.path).name: q for q in store.quarantined()}
    assert set(kept) == {"a_empty.txt", "b_8k.txt", "d_truncated.xml"}
    assert "empty" in kept["a_empty.txt"].reason
    assert kept["d_truncated.xml"].line is not None
    assert store.quarantined_content(kept["d_truncated.xml"].id) == ICAHN[1].read_bytes()[:1500]
    again = ingest_paths(store, [tmp_path], workers=1)
    assert again.already_present == 1
    assert len(store.quarantined()) == 3


def test_a_stale_batch_rolls_back_whole_and_raises_a_concurrency_error(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulk path (COPY on PostgreSQL, executemany on SQLite) reports a lost race the same
    way as a single append, and leaves nothing of the batch behind."""
    xml = sorted((Path(__file__).resolve().parent / "fixtures" / "xml").glob("*.xml"))
    loaded = [_load(p) for p in xml]
    store.append_batch(loaded)
    before = store.count_events()
    assert before >= 10
    copies = []
    for prefix in "0123":  # enough rows that PostgreSQL takes the COPY path
        for filing, _events in loaded:
            sha = prefix + filing.source.sha256[1:]
            twin = filing.model_copy(
                update={"source": filing.source.model_copy(update={"sha256": sha})}
            )
            copies.append((twin, filing_events(twin)))
    assert sum(len(e) for _, e in copies) >= 50
    monkeypatch.setattr(EventStore, "_stream_heads", lambda self, conn, sids: {})
    with pytest.raises(ConcurrencyError, match="uq_events_stream_version|UNIQUE"):
        store.append_batch(copies)
    assert store.count_events() == before


def test_one_submission_in_two_shapes_is_appended_once(store: EventStore) -> None:
    """The same accession number under another content hash (the SEC data set row and the
    submission's own file) is already present."""
    sgml = Path(__file__).resolve().parent / "fixtures" / "xml" / "0001127602-25-001055.txt"
    filing, events = _load(sgml)
    assert filing.accession_number == "0001127602-25-001055"
    store.append_filing(filing, events)
    twin = filing.model_copy(
        update={"source": filing.source.model_copy(update={"sha256": "d" * 64, "format": "text"})}
    )
    assert store.append_filing(twin, filing_events(twin)).already_present
    assert store.count_filings() == 1
