"""People as a projection of their own: the table every lookup reads, names shown as last
filed, one person under two keys once linked (and two again once unlinked), one filing in two
shapes, and names that match several people or nobody."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, SEEDS, XML_DIR, need_shared
from sqlalchemy import event, text
from typer.testing import CliRunner

from holdings.cli import app
from holdings.ingest import ingest_paths
from holdings.linking import unlink
from holdings.verify import verify
from ledger.store import EventStore
from projections.audit import audit
from projections.entries import read_entries
from projections.materialize import refresh_positions, stored_positions
from projections.people import find_people, people, refresh_people, suggest
from projections.replay import replay
from projections.snapshot import snapshot

COOK_XML = FIXTURES / "xml" / "wf-form4_156694501621463.xml"
COOK_TEXT = FIXTURES / "text" / "twins" / "cook_2019-08-24.md"
TANG = FIXTURES / "xml" / "000120919123029527_form4.xml"
DATASET = FIXTURES / "sec_dataset"
runner = CliRunner()


def _view(store: EventStore) -> list[tuple[str, str, str, str]]:
    held = snapshot(store, dt.date(2019, 12, 31))
    return sorted((h.person_key, h.kind, h.security, str(h.balance)) for h in held)


# --- the same filing as XML and as a rendering ------------------------------------------


def test_a_rendering_after_its_xml_is_already_present(new_store: Any) -> None:
    alone = new_store("alone")
    ingest_paths(alone, [COOK_XML], workers=1)
    store = new_store("both")
    ingest_paths(store, [COOK_XML], workers=1)
    summary = ingest_paths(store, [COOK_TEXT], workers=1)
    assert (summary.appended_filings, summary.already_present) == (0, 1)
    assert any("already in the ledger as XML" in n for n in summary.notes)
    assert store.count_filings() == 1
    assert [(p.key, p.name) for p in people(store)] == [("cik:0001214156", "COOK TIMOTHY D")]
    assert _view(store) == _view(alone)


def test_an_xml_after_its_rendering_supersedes_it(new_store: Any) -> None:
    """The rendering's events stay in the log, marked superseded; one person, linked by an
    ``identity linked`` record; the same positions as the XML alone."""
    alone = new_store("alone")
    ingest_paths(alone, [COOK_XML], workers=1)
    store = new_store("both")
    ingest_paths(store, [COOK_TEXT], workers=1)
    assert [p.key for p in people(store)] == ["name:AAPL:cook timothy d"]
    summary = ingest_paths(store, [COOK_XML], workers=1)
    assert summary.appended_filings == 1
    assert store.count_events() == 12 and store.count_filings() == 2
    (cook,) = people(store)
    assert cook.key == "cik:0001214156"
    assert set(cook.keys) == {"cik:0001214156", "name:AAPL:cook timothy d"}
    ((_, link),) = store.links()
    assert (link.kind, link.name_key, link.cik_key, link.name) == (
        "identity_linked",
        "name:AAPL:cook timothy d",
        "cik:0001214156",
        "cook timothy d",
    )
    assert _view(store) == _view(alone)
    rows = replay(store, list(cook.keys), include_superseded=True)
    gone = [r for r in rows if r.superseded]
    assert len(gone) == 6 and all(r.replaced_by for r in gone)
    assert all(r.event.provenance.source_format == "markdown" for r in gone)
    assert audit(store, read_entries(store), late=False).discrepancies == []
    assert verify(store).ok


def test_both_shapes_in_one_batch_make_one_filing_either_way(new_store: Any) -> None:
    a = new_store("a")
    ingest_paths(a, [COOK_TEXT, COOK_XML], workers=1, batch_size=10)
    b = new_store("b")
    ingest_paths(b, [COOK_XML, COOK_TEXT], workers=1, batch_size=10)
    assert _view(a) == _view(b)
    assert [p.key for p in people(a)] == [p.key for p in people(b)] == ["cik:0001214156"]


def test_a_rendering_that_differs_in_a_row_is_another_filing(
    store: EventStore, tmp_path: Path
) -> None:
    changed = tmp_path / "cook_changed.md"
    changed.write_text(COOK_TEXT.read_text().replace("3,492", "3,493"))
    ingest_paths(store, [COOK_XML], workers=1)
    summary = ingest_paths(store, [changed], workers=1)
    assert summary.appended_filings == 1 and store.count_filings() == 2


def test_a_rendering_with_an_unsided_amount_that_differs_is_another_filing(
    store: EventStore, tmp_path: Path
) -> None:
    """A rendering that lost a row's (A)/(D) keeps its amount unsigned (no quantity): that
    amount must still agree with the XML's for the two to be one filing (3,493 is not 3,492)."""
    changed = tmp_path / "cook_unsided.md"
    source = COOK_TEXT.read_text()
    changed.write_text(source.replace("| 3,492 ⁽⁷⁾ | D |", "| 3,493 ⁽⁷⁾ |  |"))
    assert changed.read_text() != source
    ingest_paths(store, [COOK_XML], workers=1)
    summary = ingest_paths(store, [changed], workers=1)
    assert summary.appended_filings == 1 and store.count_filings() == 2


# --- links: in the log, replayed, undone --------------------------------------------------


def test_a_link_is_undone_by_an_unlinked_record_and_not_made_again(store: EventStore) -> None:
    ingest_paths(store, [COOK_TEXT], workers=1)
    ingest_paths(store, [COOK_XML], workers=1)
    (undone,) = unlink(store, "name:AAPL:cook timothy d")
    assert undone.kind == "identity_unlinked"
    assert sorted(p.key for p in people(store)) == ["cik:0001214156", "name:AAPL:cook timothy d"]
    # The rendering stays superseded by its XML: its own stream holds no position.
    assert {sid for sid, _p in stored_positions(store)} == {"cik:0001214156@AAPL"}
    ingest_paths(store, [COOK_TEXT, COOK_XML], workers=1)  # nothing new: no link again
    assert [ln.kind for _s, ln in store.links()] == ["identity_linked", "identity_unlinked"]
    assert verify(store).ok


def test_links_are_append_only_chained_and_survive_a_rebuild(
    store: EventStore, tmp_path: Path
) -> None:
    ingest_paths(store, [COOK_TEXT], workers=1)
    ingest_paths(store, [COOK_XML], workers=1)
    before = _view(store)
    refresh_people(store, full=True)
    refresh_positions(store)
    assert _view(store) == before and len(people(store)) == 1
    with pytest.raises(Exception, match="append-only"), store.engine.begin() as conn:
        conn.execute(text("UPDATE identity_links SET cik_key = 'cik:0000000001'"))
    if store.dialect == "sqlite":
        path = store.engine.url.database
        assert path
        with sqlite3.connect(path) as raw:
            raw.execute("DROP TRIGGER identity_links_no_update")
            raw.execute("UPDATE identity_links SET cik_key = 'cik:0000000001'")
        problems = verify(EventStore(f"sqlite:///{path}")).problems
        assert any(p.kind in {"altered row", "column mismatch"} for p in problems), problems


def test_the_people_command_shows_and_undoes_a_link(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    for path in (COOK_TEXT, COOK_XML):
        assert runner.invoke(app, ["ingest", "--db", db, str(path)]).exit_code == 0
    shown = json.loads(runner.invoke(app, ["people", "--db", db, "-f", "json"]).stdout)
    assert [(p["key"], p["linked_keys"]) for p in shown] == [
        ("cik:0001214156", "name:AAPL:cook timothy d")
    ]
    done = runner.invoke(app, ["people", "--db", db, "--unlink", "name:AAPL:cook timothy d"])
    assert done.exit_code == 0 and "two people again" in done.stderr
    shown = json.loads(runner.invoke(app, ["people", "--db", db, "-f", "json"]).stdout)
    assert sorted(p["key"] for p in shown) == ["cik:0001214156", "name:AAPL:cook timothy d"]
    again = runner.invoke(app, ["people", "--db", db, "--unlink", "name:AAPL:cook timothy d"])
    assert again.exit_code == 2 and "not linked" in again.stderr


# --- the table every lookup reads --------------------------------------------------------


def test_lookups_read_the_people_table_not_the_log(store: EventStore) -> None:
    ingest_paths(store, [SEEDS], workers=1)
    refresh_people(store)
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()).lower())

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        (posey,) = find_people(store, "Bruce Posey")
        assert find_people(store, "0000000000") == []
        assert find_people(store, posey.key)[0].key == posey.key
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    on_events = [s for s in seen if " events" in s and "from events" in s]
    # The only statement on events: its head, beside the people table's checkpoint.
    assert on_events and all("select max(events.seq)" in s for s in on_events), seen
    assert all(
        "from events" not in s.replace("max(events.seq) as max_1 from events", "")
        for s in on_events
    )
    assert not any("distinct" in s for s in seen)


def test_the_display_name_is_the_latest_box_1_spelling(store: EventStore) -> None:
    """Ingested newest first, so the spelling of the older filing is appended last."""
    from holdings.ingest_dataset import ingest_dataset

    ingest_dataset(store, DATASET)
    ingest_paths(store, [SEEDS / "000_28e73f0d9ee92a54.txt"], workers=1)
    (posey,) = find_people(store, "Posey")
    assert set(posey.names) == {"POSEY BRUCE K", "Posey Bruce K."}
    assert posey.name == "Posey Bruce K."  # the 2024 data set filing is the later one
    names = {h.person_name for h in snapshot(store, dt.date(2025, 1, 1), person_keys=[posey.key])}
    assert names == {"Posey Bruce K."}


def test_a_name_that_matches_nobody_suggests_the_closest(store: EventStore) -> None:
    ingest_paths(store, [COOK_XML, SEEDS], workers=1)
    assert find_people(store, "Tim Cook") == []
    assert [p.key for p in suggest(store, "Tim Cook")] == ["cik:0001214156"]
    result = runner.invoke(
        app, ["snapshot", "--db", store.engine.url.render_as_string(False), "--as-of",
              "2025-01-01", "-p", "Tim Cook"],
    )  # fmt: skip
    assert result.exit_code == 2 and "COOK TIMOTHY D" in result.stderr


def test_replay_tang_is_refused_listing_the_three(tmp_path: Path) -> None:
    db = str(tmp_path / "tang.db")
    assert runner.invoke(app, ["ingest", "--db", db, str(TANG)]).exit_code == 0
    result = runner.invoke(app, ["replay", "--db", db, "Tang"])
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert "matches 3 people" in lines[0] and "--key" in lines[0] and "--all-matches" in lines[0]
    listed = sorted(line.split()[-2] for line in lines[1:])
    assert listed == ["cik:0001178579", "cik:0001191935", "cik:0001232621"]
    assert all(line.split()[-1] == "TCRR" for line in lines[1:])
    assert "TANG KEVIN C" in result.stderr

    one = runner.invoke(app, ["replay", "--db", db, "Tang", "--key", "cik:0001178579", "-f", "csv"])
    assert one.exit_code == 0 and len(one.stdout.strip().splitlines()) == 3  # header + 2 rows
    page = runner.invoke(app, ["report", "--db", db, "Tang", "--out", str(tmp_path / "t.html")])
    assert page.exit_code == 2 and not (tmp_path / "t.html").exists()
    pages = runner.invoke(
        app, ["report", "--db", db, "Tang", "--all-matches", "--out", str(tmp_path / "tang")]
    )
    assert pages.exit_code == 0 and len(list((tmp_path / "tang").glob("cik-*.html"))) == 3
    every = runner.invoke(app, ["replay", "--db", db, "Tang", "--all-matches", "-f", "table"])
    assert every.exit_code == 0 and "person" in every.stdout.splitlines()[2]
    assert every.stdout.count("TANG CAPITAL PARTNERS LP") == 2


# --- the findings on the shared data --------------------------------------------


def test_seeds_and_the_data_set_show_thakars_sworn_66000_and_keep_the_gap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    db = "ledger.db"
    assert runner.invoke(app, ["ingest", "--db", db, "seeds"]).exit_code == 0
    loaded = runner.invoke(app, ["ingest-dataset", "--db", db, str(DATASET)])
    assert loaded.exit_code == 0 and "no REPORTINGOWNER, NONDERIV_TRANS" in loaded.stderr
    snap = runner.invoke(
        app, ["snapshot", "--db", db, "--as-of", "2025-02-15", "-p", "Thakar", "-f", "json"]
    )
    (option,) = [h for h in json.loads(snap.stdout) if h["kind"] == "option"]
    assert (option["balance"], option["disputed"]) == ("66000", False)
    found = json.loads(
        runner.invoke(app, ["audit", "--db", db, "-p", "Thakar", "-f", "json"]).stdout
    )
    (gap,) = found["discrepancies"]
    assert (gap["difference"], gap["cause"], gap["status"]) == (
        "-28000",
        "between filings",
        "fails",
    )
    assert gap["filing"] == "seeds/003_f1e04564f50603cc.txt"


def test_brins_2015_to_2022_gap_is_between_filings(store: EventStore) -> None:
    need_shared()
    files = [XML_DIR / "000112760215028697__form4.xml", XML_DIR / "000120919122024550__doc4.xml"]
    ingest_paths(store, files, workers=1)
    (brin,) = find_people(store, "Brin")
    report = audit(store, read_entries(store, person_keys=list(brin.keys)), late=False)
    (gap,) = report.discrepancies
    assert (gap.cause, gap.difference) == ("between filings", -2585726)
    assert gap.window == (dt.date(2015, 10, 2), dt.date(2022, 4, 13))
    held = snapshot(store, dt.date(2022, 12, 31), person_keys=[brin.key])
    class_b = [h for h in held if h.security.startswith("Class B") and h.ownership == "direct"]
    assert [(h.kind, h.balance) for h in class_b] == [("derivative", 18509696)]


def test_a_linked_stream_is_read_with_its_partner_in_every_stream_range(store: EventStore) -> None:
    """A parallel rebuild splits the log by stream id; the name-keyed stream (``name:…``)
    sorts far from its CIK-keyed partner (``cik:…``) and must fold in the partner's range."""
    from projections.projector import positions_equal, rebuild, rebuild_parallel

    ingest_paths(store, [COOK_TEXT, SEEDS], workers=1)
    ingest_paths(store, [COOK_XML], workers=1)
    low = list(read_entries(store, stream_range=(None, "d")))
    high = list(read_entries(store, stream_range=("d", None)))
    assert {e.stream_id for e in low} == {"cik:0001214156@AAPL"}
    assert len(low) == 12 and sum(e.replaced for e in low) == 6
    assert not any(e.person_key.endswith("cook timothy d") for e in high)
    both = rebuild(read_entries(store))
    assert positions_equal(rebuild_parallel(store, workers=2), both)


def test_a_read_only_lookup_folds_what_the_table_has_not_read_in_memory(
    new_url: Any,
) -> None:
    """Events appended past the people table (a bulk load through the store) are found by a
    read-only open all the same, and the table is left as it was."""
    from ledger.classify import filing_events
    from parsers import parse_file

    url = new_url("ro")
    writer = EventStore(url)
    try:
        ingest_paths(writer, [SEEDS], workers=1)
        cook = parse_file(COOK_XML)
        writer.append_filing(cook, filing_events(cook))  # no projection refresh
        with writer.engine.connect() as conn:
            before = conn.execute(text("SELECT count(*) FROM people")).scalar()
    finally:
        writer.engine.dispose()
    reader = EventStore(url, read_only=True)
    try:
        (found,) = find_people(reader, "Timothy Cook")
        assert (found.key, found.name) == ("cik:0001214156", "COOK TIMOTHY D")
        assert len(people(reader)) == 6
        with reader.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM people")).scalar() == before
    finally:
        reader.engine.dispose()
