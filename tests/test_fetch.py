"""Fetching from EDGAR, against a stand-in EDGAR on 127.0.0.1 (``edgar_server``) that serves the
real filings of ``shared/realdata`` in EDGAR's shapes: never the internet.

What is checked: the declared User-Agent (and the refusal without one), the rate (at most ten
requests in any second, measured at the server), Retry-After on 429 and back-off on 503,
truncated bodies and bad documents quarantined with their URL while the run goes on, the cache
(a second run asks for the listing only), resumption after a kill, and that the ledger after a
fetch holds the same events as after ingesting the same files from disk, plus EDGAR's dates.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SHARED, StoreFactory, need_shared
from edgar_server import FILINGS, Answer, EdgarFixture, serve
from sqlalchemy import select
from typer.testing import CliRunner

from holdings.cli import app
from holdings.edgar import (
    DocumentCache,
    EdgarClient,
    Hosts,
    RateLimiter,
    UserAgentError,
    check_user_agent,
)
from holdings.fetch import (
    FetchCounts,
    FetchSummary,
    ListingError,
    fetch_filings,
    forms_wanted,
    list_filings,
)
from holdings.ingest import Document, ingest_paths, with_index_facts
from holdings.results import FetchResult
from holdings.verify import verify
from ledger.events import INDEX_FACTS, comparable
from ledger.store import EventStore
from ledger.tables import EVENTS
from ledger.tables import FILINGS as FILINGS_TABLE
from parsers import ParseError, parse_bytes
from projections.audit import audit
from projections.entries import read_entries
from projections.materialize import stored_positions

UA = "Holdings Test tests@example.com"
ALL_CIKS = ["320193", "1045810", "1640147", "1295032"]
runner = CliRunner()


@pytest.fixture
def edgar(monkeypatch: pytest.MonkeyPatch) -> Iterator[EdgarFixture]:
    need_shared()
    fixture = EdgarFixture()
    server = serve(fixture)
    monkeypatch.setenv("HOLDINGS_SEC_WWW", fixture.url)
    monkeypatch.setenv("HOLDINGS_SEC_DATA", fixture.url)
    monkeypatch.delenv("HOLDINGS_USER_AGENT", raising=False)
    monkeypatch.delenv("HOLDINGS_EDGAR_CACHE", raising=False)
    try:
        yield fixture
    finally:
        server.shutdown()
        server.server_close()


def client(
    fx: EdgarFixture, cache: Path, limiter: RateLimiter | None = None, **kw: float
) -> EdgarClient:
    return EdgarClient(
        UA,
        DocumentCache(cache),
        hosts=Hosts(fx.url, fx.url),
        limiter=limiter or RateLimiter(),
        backoff=kw.pop("backoff", 0.01),
        **kw,  # type: ignore[arg-type]
    )


def fetch_all(store: EventStore, c: EdgarClient, ciks: list[str] = ALL_CIKS) -> FetchSummary:
    return fetch_filings(store, c, ciks=ciks)


def payloads(store: EventStore) -> Counter[str]:
    """The events as a multiset of what decides sameness (no paths, no EDGAR index facts)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(EVENTS.c.payload)).scalars().all()
    return Counter(json.dumps(comparable(p), sort_keys=True) for p in rows)


def positions(store: EventStore) -> dict[tuple[str, str], tuple[object, ...]]:
    return {
        k: (v["balance"], v["opening"], v["opening_inferred"], v["events"])
        for k, v in stored_positions(store).items()
    }


def events_by_accession(store: EventStore) -> dict[str, dict[str, object]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(EVENTS.c.payload)).scalars().all()
    out: dict[str, dict[str, object]] = {}
    for p in rows:
        filing = json.loads(p)["filing"]
        out[filing["accession_number"]] = filing
    return out


# --- the done-when, through the command line --------------------------------------------


def test_fetch_a_persons_filings_then_a_second_run_asks_only_for_the_listing(
    edgar: EdgarFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["fetch", "--cik", "1214156", "--user-agent", "x x@example.com", "-f", "json"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.stdout + first.stderr
    (summary,) = json.loads(first.stdout)
    assert summary["listed"] == 1 and summary["fetched"] == 1 and summary["appended_filings"] == 1
    assert {r.user_agent for r in edgar.requests()} == {"x x@example.com"}
    cook = next(f for f in FILINGS if f.file == "wf-form4_156694501621463.xml")
    assert [r.path for r in edgar.documents()] == [edgar.document_path(cook, "1214156")]

    before = len(edgar.requests())
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.stdout + second.stderr
    (again,) = json.loads(second.stdout)
    assert again["in_ledger"] == 1 and again["appended_filings"] == 0 and again["requests"] == 1
    new = edgar.requests()[before:]
    assert [r.path for r in new] == ["/submissions/CIK0001214156.json"], "a document was asked for"

    store = EventStore(f"sqlite:///{tmp_path / 'holdings.db'}")
    disk = EventStore(f"sqlite:///{tmp_path / 'disk.db'}")
    ingest_paths(disk, [cook.path], workers=1)
    assert payloads(store) == payloads(disk) and sum(payloads(store).values()) == 6
    (filing,) = events_by_accession(store).values()
    assert filing["accession_number"] == cook.accession
    assert filing["filed_date"] == cook.filing_date and filing["accepted_at"] == cook.accepted
    assert (tmp_path / "edgar-cache" / "objects").is_dir(), "the cache sits beside the ledger"


@pytest.mark.parametrize(
    ("agent", "why"),
    [(None, "no User-Agent declared"), ("my-script/1.0", "no contact e-mail")],
)
def test_no_declared_user_agent_no_request(
    edgar: EdgarFixture, tmp_path: Path, agent: str | None, why: str
) -> None:
    db = tmp_path / "l.db"
    args = ["fetch", "--cik", "1214156", "--db", str(db)]
    result = runner.invoke(app, [*args, *(["--user-agent", agent] if agent else [])])
    assert result.exit_code == 2
    assert why in result.stderr and "fair access" in result.stderr
    assert edgar.requests() == [] and not db.exists()
    with pytest.raises(UserAgentError):
        check_user_agent("bad\nheader a@b.com")


def test_the_user_agent_may_come_from_the_environment(
    edgar: EdgarFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOLDINGS_USER_AGENT", "Env Person env@example.com")
    cache = tmp_path / "elsewhere"
    result = runner.invoke(
        app,
        ["fetch", "--ticker", "snow", "--forms", "4", "--db", str(tmp_path / "l.db"),
         "--cache", str(cache), "-f", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (summary,) = json.loads(result.stdout)
    assert summary["listed"] == 1 and summary["appended_filings"] == 1  # form 4 only, no 3 or 5
    assert {r.user_agent for r in edgar.requests()} == {"Env Person env@example.com"}
    assert edgar.requests()[0].path == "/files/company_tickers.json"
    assert (cache / "objects").is_dir()


def test_usage_errors_exit_2(edgar: EdgarFixture, tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    for args, message in [
        ([], "--ticker T or --cik N"),
        (["--cik", "12x"], "is not a CIK"),
        (["--cik", "1", "--forms", "10-K"], "is not 3, 4 or 5"),
        (["--ticker", "NOPE"], "NOPE is not in EDGAR's company_tickers.json"),
        (["--cik", "99"], "EDGAR has no submissions for CIK 99"),
    ]:
        result = runner.invoke(app, ["fetch", "--db", db, "--user-agent", UA, *args])
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)


# --- the listing ------------------------------------------------------------------------


def test_a_persons_listing_spans_issuers_recent_and_paged(
    edgar: EdgarFixture, tmp_path: Path
) -> None:
    c = client(edgar, tmp_path / "cache")
    brin = list_filings(c, "1295032", forms=forms_wanted())
    assert sorted(x.accession for x in brin) == [
        "0001127602-15-028697",  # Google Inc., 2015: on page 001
        "0001209191-22-024550",  # Alphabet, 2022: recent
        "0001209191-22-024552",
    ]
    assert [r.path for r in edgar.requests()] == [
        "/submissions/CIK0001295032.json",
        "/submissions/CIK0001295032-submissions-001.json",
    ]
    since = list_filings(c, "1295032", forms=forms_wanted(), since=dt.date(2020, 1, 1))
    assert len(since) == 2
    assert len(edgar.requests("/submissions/CIK0001295032-submissions")) == 1, (
        "a page older than --since was read"
    )


def test_forms_and_their_amendments(edgar: EdgarFixture, tmp_path: Path) -> None:
    c = client(edgar, tmp_path / "cache")
    every = list_filings(c, "1045810", forms=forms_wanted())
    assert Counter(x.form for x in every) == {"4": 3, "4/A": 2}  # the 8-K is left alone
    plain = list_filings(c, "1045810", forms=forms_wanted(["4"], amendments=False))
    assert {x.form for x in plain} == {"4"}
    assert forms_wanted(["4/a"]) == {"4/A"}
    snow = list_filings(c, "1640147", forms=forms_wanted(["3,5"]))
    assert Counter(x.form for x in snow) == {"3": 2, "5": 1}


# --- the ledger: same events as from disk, plus EDGAR's dates ----------------------------


def test_the_ledger_after_fetch_holds_what_ingesting_the_files_gives(
    edgar: EdgarFixture, tmp_path: Path, new_store: StoreFactory
) -> None:
    fetched, disk = new_store("fetched"), new_store("disk")
    summary = fetch_all(fetched, client(edgar, tmp_path / "cache"))
    assert summary.ok and summary.counts.listed == len(FILINGS) == summary.counts.fetched
    assert summary.ingest.appended_filings == len(FILINGS)
    ingest_paths(disk, [f.path for f in FILINGS], workers=1)
    assert payloads(fetched) == payloads(disk)
    assert positions(fetched) == positions(disk)
    assert verify(fetched).ok

    with fetched.engine.connect() as conn:
        rows = conn.execute(select(FILINGS_TABLE)).all()
    table = {r.accession_number: r for r in rows}
    in_events = events_by_accession(fetched)
    assert len(rows) == len(FILINGS) and len(in_events) == len(FILINGS) - 1  # one has no rows
    for f in FILINGS:
        # The SGML header's own acceptance time stands over the listing's (its clock is known).
        accepted = "20220506183057" if f.raw_name is None else f.accepted
        row = table[f.accession]
        assert (str(row.filed_date), row.accepted_at) == (f.filing_date, accepted)
        assert row.path.startswith(f"{edgar.url}/Archives/edgar/data/")
        if f.accession in in_events:
            filing = in_events[f.accession]
            assert (filing["filed_date"], filing["accepted_at"]) == (f.filing_date, accepted)
    sgml_path = table["0000320193-22-000061"].path
    assert "/000032019322000061/" in sgml_path, "the complete submission was the fallback"
    assert INDEX_FACTS  # what sameness ignores is named in one place


def test_the_same_file_from_disk_and_from_edgar_is_one_filing_in_either_order(
    edgar: EdgarFixture, tmp_path: Path, new_store: StoreFactory
) -> None:
    files = [f.path for f in FILINGS if f.issuer_cik == "1045810"]
    first_disk = new_store("disk-first")
    ingest_paths(first_disk, files, workers=1)
    summary = fetch_all(first_disk, client(edgar, tmp_path / "c1"), ["1045810"])
    assert summary.ingest.already_present == 5 and summary.ingest.conflicts == 0
    assert summary.ingest.appended_filings == 0

    first_edgar = new_store("edgar-first")
    fetch_all(first_edgar, client(edgar, tmp_path / "c2"), ["1045810"])
    again = ingest_paths(first_edgar, files, workers=1)
    assert again.already_present == 5 and again.conflicts == 0 and again.appended_filings == 0
    assert payloads(first_disk) == payloads(first_edgar)


def test_the_late_filing_audit_measures_from_edgars_filing_date(
    edgar: EdgarFixture, tmp_path: Path, new_store: StoreFactory
) -> None:
    """Cook's 2019-08-24 trades were signed on the 27th (on time); here EDGAR's index says the
    filing was received on 2019-09-03, after the 2019-08-27 deadline and Labor Day."""
    cook = next(f for f in FILINGS if f.file == "wf-form4_156694501621463.xml")
    edgar.set_listing("1214156", [cook], filing_dates={cook.accession: "2019-09-03"})
    disk, fetched = new_store("disk"), new_store("fetched")
    ingest_paths(disk, [cook.path], workers=1)
    assert audit(disk, read_entries(disk)).late_filings == []
    fetch_all(fetched, client(edgar, tmp_path / "cache"), ["1214156"])
    (late,) = audit(fetched, read_entries(fetched)).late_filings
    assert str(late.filed_date) == "2019-09-03" and str(late.deadline) == "2019-08-27"
    assert late.business_days_late == 4


# --- politeness -------------------------------------------------------------------------


def test_at_most_ten_requests_in_any_second(edgar: EdgarFixture, tmp_path: Path) -> None:
    store = EventStore(f"sqlite:///{tmp_path / 'l.db'}")
    summary = fetch_all(store, client(edgar, tmp_path / "cache"))
    times = sorted(r.at for r in edgar.requests())
    assert summary.requests == len(times) > 20
    busiest = max(sum(1 for t in times if start <= t < start + 1.0) for start in times)
    assert busiest <= 10
    rate = (len(times) - 1) / (times[-1] - times[0])
    assert rate <= 10.0, rate


def test_one_limiter_holds_for_every_thread_of_the_process(
    edgar: EdgarFixture, tmp_path: Path
) -> None:
    shared = RateLimiter()
    clients = [client(edgar, tmp_path / f"c{i}", shared) for i in range(3)]
    url = f"{edgar.url}/files/company_tickers.json"

    def hammer(c: EdgarClient) -> None:
        for _ in range(8):
            c.get(url, use_cache=False)

    threads = [threading.Thread(target=hammer, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times = sorted(r.at for r in edgar.requests())
    assert len(times) == 24
    assert max(sum(1 for t in times if s <= t < s + 1.0) for s in times) <= 10


def test_the_limiter_spaces_requests_and_honours_a_pause() -> None:
    now = [0.0]

    def sleep(s: float) -> None:
        now[0] += s

    limiter = RateLimiter(10, 1.0, margin=0.0, clock=lambda: now[0], sleep=sleep)
    stamps = []
    for _ in range(25):
        limiter.acquire()
        stamps.append(now[0])
    assert stamps == pytest.approx([i / 10 for i in range(25)])
    limiter.pause(5)
    limiter.acquire()
    assert now[0] == pytest.approx(2.4 + 5)


def test_429_with_retry_after_and_503_are_waited_out(edgar: EdgarFixture, tmp_path: Path) -> None:
    nvda = [f for f in FILINGS if f.issuer_cik == "1045810"]
    throttled, busy = edgar.document_path(nvda[0]), edgar.document_path(nvda[1])
    edgar.queue(throttled, Answer(429, b"slow down", {"Retry-After": "1"}))
    edgar.queue(busy, Answer(503), Answer(503))
    store = EventStore(f"sqlite:///{tmp_path / 'l.db'}")
    summary = fetch_all(store, client(edgar, tmp_path / "cache"), ["1045810"])
    assert summary.ok and summary.ingest.appended_filings == 5
    log = edgar.requests()
    assert [r.status for r in log if r.path == throttled] == [429, 200]
    assert [r.status for r in log if r.path == busy] == [503, 503, 200]
    refused = next(i for i, r in enumerate(log) if r.status == 429)
    assert log[refused + 1].at - log[refused].at >= 0.95, "Retry-After was not honoured"


def test_throttling_past_the_limit_fails_that_filing_and_the_run_goes_on(
    edgar: EdgarFixture, tmp_path: Path
) -> None:
    nvda = [f for f in FILINGS if f.issuer_cik == "1045810"]
    path = edgar.document_path(nvda[2])
    edgar.queue(path, *[Answer(503) for _ in range(10)])
    store = EventStore(f"sqlite:///{tmp_path / 'l.db'}")
    summary = fetch_all(store, client(edgar, tmp_path / "cache", retries=2), ["1045810"])
    assert summary.counts.failed == 1 and not summary.ok
    assert summary.ingest.appended_filings == 4
    assert [r.status for r in edgar.requests() if r.path == path] == [503, 503, 503]
    (entry,) = store.quarantined()
    assert entry.path == f"{edgar.url}{path}" and "HTTP 503" in entry.reason


def test_a_truncated_body_is_quarantined_with_its_url_never_cached(
    edgar: EdgarFixture, tmp_path: Path
) -> None:
    nvda = [f for f in FILINGS if f.issuer_cik == "1045810"]
    path = edgar.document_path(nvda[3])
    edgar.truncated.add(path)
    store = EventStore(f"sqlite:///{tmp_path / 'l.db'}")
    c = client(edgar, tmp_path / "cache")
    summary = fetch_all(store, c, ["1045810"])
    assert summary.counts.failed == 1 and summary.ingest.appended_filings == 4
    (entry,) = store.quarantined()
    assert entry.path == f"{edgar.url}{path}" and "truncated" in entry.reason
    assert c.cache.lookup(f"{edgar.url}{path}") is None
    assert list((tmp_path / "cache" / "tmp").iterdir()) == [], "a partial body was left behind"

    edgar.truncated.clear()  # EDGAR answers whole again: the next run takes the missing one
    again = fetch_all(store, c, ["1045810"])
    assert again.counts.in_ledger == 4 and again.counts.fetched == 1 and again.ok
    assert [r.path for r in edgar.documents()].count(path) == 1 + 1 + 2


def test_a_bad_document_is_quarantined_with_its_url(edgar: EdgarFixture, tmp_path: Path) -> None:
    nvda = [f for f in FILINGS if f.issuer_cik == "1045810"]
    path = edgar.document_path(nvda[4])
    page = b"<html><body>Your Request Originates from an Undeclared Automated Tool</body></html>"
    edgar.routes[path] = Answer(200, page, {"Content-Type": "text/html"})
    store = EventStore(f"sqlite:///{tmp_path / 'l.db'}")
    summary = fetch_all(store, client(edgar, tmp_path / "cache"), ["1045810"])
    assert summary.ingest.quarantined == 1 and summary.ingest.appended_filings == 4
    (entry,) = store.quarantined()
    assert entry.path == f"{edgar.url}{path}"
    assert store.quarantined_content(entry.id) == page


# --- the cache and resumption -----------------------------------------------------------


def test_the_cache_serves_a_new_ledger_and_a_damaged_entry_is_fetched_again(
    edgar: EdgarFixture, tmp_path: Path
) -> None:
    c = client(edgar, tmp_path / "cache")
    fetch_all(EventStore(f"sqlite:///{tmp_path / 'a.db'}"), c)
    documents = len(edgar.documents())
    pages = len(edgar.requests("/submissions/")) - len(ALL_CIKS)
    assert documents >= len(FILINGS) and pages > 0

    victim = c.cache.lookup(f"{edgar.url}{edgar.document_path(FILINGS[0])}")
    assert victim is not None
    os.chmod(victim.path, 0o644)
    victim.path.write_bytes(b"<ownershipDocument>damaged")
    fresh = EventStore(f"sqlite:///{tmp_path / 'b.db'}")
    summary = fetch_all(fresh, c)
    assert summary.counts.cached == len(FILINGS) - 1 and summary.counts.fetched == 1
    assert summary.requests == len(ALL_CIKS) + 1, "requests counts this run's only"
    assert len(edgar.documents()) == documents + 1
    assert len(edgar.requests("/submissions/")) == 2 * len(ALL_CIKS) + pages, (
        "an unchanged listing page was read again"
    )
    assert summary.ingest.appended_filings == len(FILINGS)


def test_a_fetch_killed_midway_resumes_where_it_stopped(
    edgar: EdgarFixture, tmp_path: Path
) -> None:
    edgar.delay = 0.25
    db = tmp_path / "killed.db"
    env = dict(os.environ, HOLDINGS_USER_AGENT=UA)
    command = [sys.executable, "-m", "holdings.cli", "fetch", "--db", str(db)]
    for cik in ALL_CIKS:
        command += ["--cik", cik]
    proc = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 60
    while len(edgar.documents()) < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    served = [r.path for r in edgar.documents() if r.status == 200]
    assert 5 <= len(served) < len(FILINGS)

    edgar.delay = 0
    before = len(edgar.log)
    resumed = EventStore(f"sqlite:///{db}")
    summary = fetch_all(resumed, client(edgar, tmp_path / "edgar-cache"))
    assert summary.ok
    asked_again = [r.path for r in edgar.log[before:] if r.path in set(served)]
    assert len(asked_again) <= 1, f"documents fetched twice: {asked_again}"  # one in flight
    assert summary.counts.cached >= len(served) - 1

    whole = EventStore(f"sqlite:///{tmp_path / 'whole.db'}")
    fetch_all(whole, client(edgar, tmp_path / "cache2"))
    assert payloads(resumed) == payloads(whole)
    assert positions(resumed) == positions(whole)
    assert verify(resumed).ok


# --- the quarterly data set by URL -------------------------------------------------------


def test_ingest_dataset_takes_a_url_through_the_same_client_and_cache(
    edgar: EdgarFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = SHARED / "realdata" / "sec_dataset_2024q3_partial"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for table in sorted(folder.glob("*.tsv")):
            archive.write(table, table.name)
    path = "/files/structureddata/data/insider-transactions-data-sets/2024q3_form345.zip"
    edgar.routes[path] = Answer(200, buffer.getvalue(), {"Content-Type": "application/zip"})
    url = f"{edgar.url}{path}"
    monkeypatch.chdir(tmp_path)

    refused = runner.invoke(app, ["ingest-dataset", url, "--db", "u.db"])
    assert refused.exit_code == 2 and "User-Agent" in refused.stderr and not edgar.requests()

    args = ["ingest-dataset", url, "--db", "u.db", "--user-agent", UA, "-f", "json"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.stderr
    (summary,) = json.loads(first.stdout)
    assert summary["appended_filings"] == summary["filings"] > 0
    second = runner.invoke(app, args)
    (again,) = json.loads(second.stdout)
    assert again["appended_filings"] == 0 and again["already_present"] == summary["filings"]
    assert [r.path for r in edgar.requests()] == [path], "the zip was downloaded twice"

    local = runner.invoke(app, ["ingest-dataset", str(folder), "--db", "f.db", "-f", "json"])
    assert local.exit_code == 0
    by_url, by_folder = EventStore("sqlite:///u.db"), EventStore("sqlite:///f.db")
    assert payloads(by_url) == payloads(by_folder)
    with by_url.engine.connect() as conn:
        paths = conn.execute(select(FILINGS_TABLE.c.path)).scalars().all()
    assert all(p.startswith(f"{url}/") for p in paths)


def test_progress_counts_listed_cached_fetched_failed_and_tickers_are_read_once_a_day(
    edgar: EdgarFixture, tmp_path: Path
) -> None:
    nvda = [f for f in FILINGS if f.issuer_cik == "1045810"]
    edgar.queue(edgar.document_path(nvda[0]), Answer(404))  # then the complete submission
    edgar.queue(f"/Archives/edgar/data/1045810/{nvda[0].accession.replace('-', '')}/"
                f"{nvda[0].accession}.txt", Answer(410))  # fmt: skip
    seen: list[tuple[str, int, int, tuple[int, ...]]] = []

    def progress(stage: str, done: int, total: int, c: FetchCounts) -> None:
        seen.append((stage, done, total, (c.listed, c.in_ledger, c.cached, c.fetched, c.failed)))

    c = client(edgar, tmp_path / "cache")
    store = EventStore(f"sqlite:///{tmp_path / 'l.db'}")
    fetch_filings(store, c, tickers=["NVDA"], progress=progress)
    assert [s for s in seen if s[0] == "fetching"][-1] == ("fetching", 5, 5, (5, 0, 0, 4, 1))
    assert seen[-1][:3] == ("ingesting", 4, 4)
    (entry,) = store.quarantined()
    assert entry.path.endswith(f"{nvda[0].accession}.txt") and "HTTP 410" in entry.reason

    seen.clear()
    before = len(edgar.log)
    fetch_filings(store, c, tickers=["nvda"], progress=progress)
    assert [s for s in seen if s[0] == "fetching"][-1][3] == (5, 4, 0, 1, 0)
    assert [r.path for r in edgar.log[before:]] == [
        "/submissions/CIK0001045810.json",
        edgar.document_path(nvda[0]),
    ], "the tickers file or a listing page was read again"


def test_the_documents_own_header_stands_over_the_index_and_another_accession_is_refused(
    edgar: EdgarFixture,
) -> None:
    sgml = next(f for f in FILINGS if f.raw_name is None)
    parsed = parse_bytes(sgml.data, "s.txt")
    kept = with_index_facts(
        parsed, Document("s.txt", sgml.data, sgml.accession, dt.date(2022, 5, 9), "x")
    )
    assert kept.filed_date == dt.date(2022, 5, 6) and kept.accepted_at == "20220506183057"
    assert any("EDGAR's index says filed 2022-05-09" in n.message for n in kept.notes)
    with pytest.raises(ParseError, match="but was listed as 0000320193-22-000099"):
        with_index_facts(parsed, Document("s.txt", sgml.data, "0000320193-22-000099"))
    raw = next(f for f in FILINGS if f.raw_name)
    filled = with_index_facts(
        parse_bytes(raw.data, "r.xml"),
        Document("r.xml", raw.data, raw.accession, dt.date(2019, 5, 7), "2019-05-07T16:05:01Z"),
    )
    assert (filled.accession_number, filled.filed_date, filled.accepted_at) == (
        raw.accession,
        dt.date(2019, 5, 7),
        "2019-05-07T16:05:01Z",
    )
    assert filled.notes == parse_bytes(raw.data, "r.xml").notes


# --- the Python API ---------------------------------------------------------------------


def test_ledger_fetch_in_the_python_api(edgar: EdgarFixture, tmp_path: Path) -> None:
    import holdings

    db = tmp_path / "api.db"
    ledger = holdings.open(db)
    with pytest.raises(UserAgentError):
        ledger.fetch(ciks=1214156)
    assert not db.exists() and edgar.requests() == []

    first = ledger.fetch(ciks=1214156, user_agent=UA)
    assert isinstance(first, FetchResult) and first.ok
    assert (first.listed, first.fetched, first.appended_filings) == (1, 1, 1)
    assert first.to_pandas()["events_appended"].tolist() == [6]
    again = ledger.fetch(ciks="1214156", user_agent=UA, since="2019-01-01")
    assert (again.in_ledger, again.requests, again.appended_filings) == (1, 1, 0)
    assert (db.parent / "edgar-cache" / "objects").is_dir()
    snapshot = ledger.snapshot(as_of="2019-12-31", person="1214156")
    assert len(list(snapshot)) > 0
    with pytest.raises(ListingError):
        ledger.fetch(tickers="NOPE", user_agent=UA)
    ledger.close()
