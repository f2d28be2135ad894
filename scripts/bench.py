"""Ledger benchmarks: ingest, rebuild, snapshot and memory, on SQLite and PostgreSQL.

    python scripts/bench.py                       # full run: 1M events, both engines
    python scripts/bench.py --events 200000 --engines sqlite --runs 3
    python scripts/bench.py --rss-corpus DIR      # peak RSS of `holdings ingest DIR`
    python scripts/bench.py --only lookups --events 1000000 --engines sqlite

Figures are medians of several runs and printed, never asserted: speed is measured here, not
in timed tests. The events come from synthetic, internally consistent filings built in memory
(so parsing is not in the ingest figure; ``bench_parse.py`` measures that), and the bare
``executemany`` baseline inserts the very same rows into the same schema with no Python work
in between: the ratio says how close the store is to the engine's own limit.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import json
import os
import pickle
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, text

from ledger.classify import filing_events
from ledger.events import Event
from ledger.store import EventStore, prepare
from ledger.tables import EVENTS, FILINGS
from parsers.model import (
    DerivativeRow,
    Filing,
    Issuer,
    ReportingOwner,
    Signature,
    Source,
)
from projections.entries import read_entries
from projections.people import find_people, people, refresh_people
from projections.projector import rebuild, rebuild_parallel
from projections.replay import replay
from projections.snapshot import snapshot

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import tree_rss_kb  # noqa: E402
from memory_ledger import stock_row  # noqa: E402

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
OPTION = "Stock Option (right to buy)"


def synthetic_filings(people_count: int, per_person: int, seed: int) -> Iterator[Filing]:
    """Monthly option exercises with same-day sales; every balance chains exactly."""
    rng = random.Random(seed)
    for p in range(people_count):
        cik = f"{1_000_000 + p:010d}"
        ticker = f"SY{p % 97:02d}"
        stock = Decimal(rng.randint(10_000, 900_000))
        options = Decimal(per_person * 1_000 + rng.randint(0, 10_000))
        strike = Decimal(rng.randint(500, 9_000)) / 100
        expiry = dt.date(2035, 1, 1) + dt.timedelta(days=p % 300)
        day = dt.date(2012, 1, 3)
        for k in range(per_person):
            day += dt.timedelta(days=rng.randint(25, 35))
            q = Decimal(rng.randint(100, 1_000))
            s1 = q // 2
            s2 = q - s1
            rows = []
            stock += q
            rows.append(stock_row(day, "M", q, "A", strike, stock))
            stock -= s1
            rows.append(stock_row(day, "S", s1, "D", strike * 3, stock))
            stock -= s2
            rows.append(stock_row(day, "S", s2, "D", strike * 3, stock))
            options -= q
            yield Filing(
                form_type="4",
                source=Source(
                    path=f"synthetic/{cik}/{k:05d}.xml",
                    sha256=f"{seed:08x}{p:012x}{k:044x}",
                    format="xml",
                ),
                issuer=Issuer(name=f"Synthetic {ticker} Inc.", ticker=ticker, cik=f"{p % 97:010d}"),
                reporting_owners=[
                    ReportingOwner(name=f"PERSON {p:06d} A", cik=cik, is_officer=True)
                ],
                period_of_report=day,
                signatures=[Signature(name=f"/s/ Person {p}", date=day + dt.timedelta(days=1))],
                non_derivative=rows,
                derivative=[
                    DerivativeRow(
                        kind="transaction",
                        security_title=OPTION,
                        exercise_price=strike,
                        transaction_date=day,
                        code="M",
                        shares=q,
                        acquired_disposed="D",
                        expiration_date=expiry,
                        underlying_title="Common Stock",
                        underlying_shares=q,
                        price=Decimal(0),
                        shares_owned_following=options,
                        ownership="D",
                    )
                ],
            )


def batches(filings: Iterator[Filing], size: int) -> Iterator[list[tuple[Filing, list[Event]]]]:
    batch: list[tuple[Filing, list[Event]]] = []
    for f in filings:
        batch.append((f, filing_events(f)))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def fresh_store(engine: str, workdir: Path, name: str) -> tuple[EventStore, str]:
    if engine == "sqlite":
        path = workdir / f"{name}.db"
        drop_store(engine, workdir, name)
        url = f"sqlite:///{path}"
        return EventStore(url), url
    base = os.environ.get("HOLDINGS_BENCH_PG_URL", PG_DEFAULT)
    schema = f"bench_{name}"
    with _pg_admin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{base}?options=-csearch_path%3D{schema}"
    return EventStore(url), url


def drop_store(engine: str, workdir: Path, name: str) -> None:
    """A benchmark leaves no database behind (the PostgreSQL server is shared)."""
    if engine == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{workdir / name}.db{suffix}").unlink(missing_ok=True)
        return
    with _pg_admin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS bench_{name} CASCADE"))


@contextlib.contextmanager
def _pg_admin() -> Iterator[Connection]:
    base = os.environ.get("HOLDINGS_BENCH_PG_URL", PG_DEFAULT)
    eng = create_engine(
        "postgresql+psycopg://" + base.split("://", 1)[1], isolation_level="AUTOCOMMIT"
    )
    try:
        with eng.connect() as conn:
            yield conn
    finally:
        eng.dispose()


INGEST_BATCH = 500
"""Filings per append call in the ingest measure (one transaction each)."""


@dataclass
class IngestFigures:
    events: int
    ours: list[float]
    """The appending process of an ingest (prepared rows unpickled and appended), events/s,
    one figure per run."""
    bare: list[float]
    """The engine's bare bulk insert of the very same rows, events/s, same runs."""
    one_process: list[float] = field(default_factory=list)
    """``append_batch`` making the rows as well (the workers' part too), events/s, same runs."""
    cpu_ratios: list[float] = field(default_factory=list)
    """SQLite only (all of its work is in this process): bare CPU seconds / store CPU seconds,
    a check on the wall-clock ratio when other work shares the cores."""

    @property
    def ratios(self) -> list[float]:
        return [o / b for o, b in zip(self.ours, self.bare, strict=True)]

    @property
    def one_process_ratios(self) -> list[float]:
        return [o / b for o, b in zip(self.one_process, self.bare, strict=True)]


def bench_ingest(engine: str, workdir: Path, n_events: int, runs: int) -> IngestFigures:
    """The store's append against the engine's own bulk path for the very same rows.

    Timed for the store, as the appender of a ``holdings ingest`` does it: the parse workers
    classify each filing and make its rows (``ledger.store.prepare``: payload JSON and content
    hash, a pure function of each event, made in parallel in the workers, outside this
    measure) and send them pickled; the one appending process unpickles them and appends them
    with ``EventStore.append_prepared``, 500 filings a call: the checks for filings already
    present and for their other shape, the stream heads, numbering, event, chain and filing
    hashes, the inserts and the commit. That process's work is all that is timed here: the
    batches are pickled beforehand (as the workers send them) and unpickled inside the timer.
    Timed beside it, in the same run and not carrying the goal: ``EventStore.append_batch``
    doing the workers' part as well, in one process (``one_process``). Timed for the
    baseline: the rows the store wrote (read back after each batch, untimed, every column but
    the log sequence number the engine assigns) put into a second fresh ledger of the same
    schema (same indexes, constraints and triggers) by the bare driver, ``executemany`` on
    SQLite and ``COPY`` on PostgreSQL, filings and events, in the same transactions (one per
    batch of ``INGEST_BATCH`` filings). The two alternate batch by batch (the store's append,
    then the bare insert of what it just wrote), so that both see the machine in the same
    moments: on a shared machine, timing all of one and then all of the other let a slow spell
    fall on one side of the ratio only (runs of 0.68, 0.52 and 0.51 on a quiet machine, with
    the bare rate steady). Then, in each run, the one-process append on its own."""
    per_person = 40
    filings = max(1, n_events // 4)
    people_count = max(1, filings // per_person)
    prepared = list(batches(synthetic_filings(people_count, per_person, seed=7), INGEST_BATCH))
    shipped = [pickle.dumps([prepare(f, e) for f, e in b]) for b in prepared]
    total = sum(len(e) for b in prepared for _f, e in b)
    figures = IngestFigures(total, [], [])
    # The input stays in memory for the runs to share it; out of the collector's sight, so that
    # a full collection costs what the store allocates, as in an ingest whose filings stream in.
    gc.collect()
    gc.freeze()
    for _run in range(runs):
        # Batch by batch, the store's append then the bare insert of the rows it just wrote:
        # both see the machine in the same second, as bench_parse.py's alternating rounds do,
        # so a slow spell of a shared machine lands on both sides of the ratio, not on one.
        store, _url = fresh_store(engine, workdir, "ingest")
        bare, _bare_url = fresh_store(engine, workdir, "bare")
        raw = bare.engine.raw_connection()
        ours_s = bare_s = ours_cpu = bare_cpu = 0.0
        try:
            for blob in shipped:
                cpu, start = time.process_time(), time.perf_counter()
                rows = pickle.loads(blob)
                store.append_prepared(rows)
                ours_s += time.perf_counter() - start
                ours_cpu += time.process_time() - cpu
                written = _written(store, [r.sha256 for r in rows])
                cpu = time.process_time()
                bare_s += _bare_insert(bare.dialect, raw, written)
                bare_cpu += time.process_time() - cpu
        finally:
            raw.close()
        figures.ours.append(total / ours_s)
        figures.bare.append(total / bare_s)
        if engine == "sqlite":
            figures.cpu_ratios.append(bare_cpu / ours_cpu)
        for name, st in (("ingest", store), ("bare", bare)):
            st.engine.dispose()
            drop_store(engine, workdir, name)

        store, _url = fresh_store(engine, workdir, "one")
        start = time.perf_counter()
        for batch in prepared:
            store.append_batch(batch)
        figures.one_process.append(total / (time.perf_counter() - start))
        store.engine.dispose()
        drop_store(engine, workdir, "one")
    gc.unfreeze()
    return figures


_Written = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]
"""One batch's filings rows and events rows as the store wrote them, as the driver reads them."""

_FILING_COLUMNS = [c.name for c in FILINGS.columns]
_EVENT_COLUMNS = [c.name for c in EVENTS.columns if c.name != "seq"]


def _written(store: EventStore, shas: list[str]) -> _Written:
    """The rows the store wrote for these filings (every column but the engine's ``seq``)."""
    mark = "?" if store.dialect == "sqlite" else "%s"
    marks = ", ".join([mark] * len(shas))
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(
            f"SELECT {', '.join(_FILING_COLUMNS)} FROM filings WHERE sha256 IN ({marks})"
            " ORDER BY filing_seq",
            shas,
        )
        filings = [tuple(r) for r in cur.fetchall()]
        cur.execute(
            f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events WHERE filing_sha256 IN ({marks})"
            " ORDER BY seq",
            shas,
        )
        events = [tuple(r) for r in cur.fetchall()]
        raw.rollback()
    finally:
        raw.close()
    return filings, events


def _bare_insert(dialect: str, raw: Any, written: _Written) -> float:
    """Seconds the bare driver takes to store one batch's rows in one transaction."""
    frows, erows = written
    cur = raw.cursor()
    if dialect == "sqlite":
        filings = _insert_sql("filings", _FILING_COLUMNS)
        events = _insert_sql("events", _EVENT_COLUMNS)
        start = time.perf_counter()
        cur.execute("BEGIN IMMEDIATE")
        cur.executemany(filings, frows)
        cur.executemany(events, erows)
        cur.execute("COMMIT")
        return time.perf_counter() - start
    raw.commit()
    copy_filings = f"COPY filings ({', '.join(_FILING_COLUMNS)}) FROM STDIN"
    copy_events = f"COPY events ({', '.join(_EVENT_COLUMNS)}) FROM STDIN"
    start = time.perf_counter()
    for statement, rows in ((copy_filings, frows), (copy_events, erows)):
        with cur.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    raw.commit()
    return time.perf_counter() - start


def _insert_sql(table: str, columns: list[str]) -> str:
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


def build_large(engine: str, workdir: Path, n_events: int) -> EventStore:
    store, _url = fresh_store(engine, workdir, "large")
    per_person = 50
    filings = n_events // 4
    people_count = max(1, filings // per_person)
    done = 0
    start = time.perf_counter()
    for batch in batches(synthetic_filings(people_count, per_person, seed=11), 1000):
        store.append_batch(batch)
        done += sum(len(e) for _f, e in batch)
        if sys.stderr.isatty():
            print(f"\r  building {engine}: {done:,}/{n_events:,} events", end="", file=sys.stderr)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"  built {done:,} events in {time.perf_counter() - start:.1f}s", file=sys.stderr)
    return store


def bench_rebuild(store: EventStore, runs: int, parallel: bool) -> float:
    total = store.count_events()
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        state = rebuild_parallel(store) if parallel else rebuild(read_entries(store))
        rates.append(total / (time.perf_counter() - start))
        assert state.positions
    return statistics.median(rates)


def bench_snapshot(store: EventStore, samples: int) -> tuple[float, float]:
    keys = [p.key for p in people(store)]  # the people projection, caught up already
    rng = random.Random(3)
    lat = []
    for _ in range(samples):
        key = rng.choice(keys)
        start = time.perf_counter()
        held = snapshot(store, dt.date(2030, 1, 1), person_keys=[key])
        lat.append((time.perf_counter() - start) * 1000)
        assert held
    lat.sort()
    return statistics.median(lat), lat[min(len(lat) - 1, int(len(lat) * 0.99))]


def bench_lookups(store: EventStore, samples: int) -> dict[str, tuple[float, float]]:
    """What naming a person costs beside the work it selects: ``snapshot --person NAME`` and
    ``replay NAME`` are a lookup in the people table plus the snapshot or replay of the keys
    found. p50 / p99 in ms of each part and of the whole, on the same random people."""
    start = time.perf_counter()
    refresh_people(store)  # a bulk load appends past the projection: caught up once
    catch_up = (time.perf_counter() - start) * 1000
    everyone = people(store)
    rng = random.Random(5)
    timings: dict[str, list[float]] = {
        k: [] for k in ("lookup", "snapshot", "lookup+snapshot", "replay", "lookup+replay")
    }
    for _ in range(samples):
        person = rng.choice(everyone)
        words = (person.name or "").split()
        query = " ".join(reversed(words))  # any word order: "A 000123 PERSON"
        t0 = time.perf_counter()
        (found,) = find_people(store, query)
        t1 = time.perf_counter()
        snapshot(store, dt.date(2030, 1, 1), person_keys=list(found.keys))
        t2 = time.perf_counter()
        replay(store, list(found.keys))
        t3 = time.perf_counter()
        timings["lookup"].append((t1 - t0) * 1000)
        timings["snapshot"].append((t2 - t1) * 1000)
        timings["lookup+snapshot"].append((t2 - t0) * 1000)
        timings["replay"].append((t3 - t2) * 1000)
        timings["lookup+replay"].append((t3 - t2 + t1 - t0) * 1000)
    out = {k: _p50_p99(v) for k, v in timings.items()}
    out["people catch-up (once)"] = (catch_up, catch_up)
    return out


def _p50_p99(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return statistics.median(values), values[min(len(values) - 1, int(len(values) * 0.99))]


def bench_rss(corpus: Path, engine_url: str) -> tuple[float, int]:
    """Peak RSS (MB) of a real `holdings ingest` of a corpus folder: the ingesting process and
    its parse workers together, sampled from /proc every 50 ms."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "holdings.cli",
            "ingest",
            "--db",
            engine_url,
            "--format",
            "json",
            str(corpus),
        ],
        stdout=subprocess.DEVNULL,
    )
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"ingest failed with exit code {proc.returncode}")
    files = sum(1 for _ in corpus.rglob("*") if _.is_file())
    return peak / 1024, int(files / elapsed)


class Measures:
    """Figures as they are measured: under ``--json`` one JSON object a line on stdout (the
    contract every benchmark script keeps, read by ``--report``: see bench_report.py), else
    lines for a reader."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def say(self, line: str) -> None:
        print(line, file=sys.stderr if self.as_json else sys.stdout, flush=True)

    def emit(
        self,
        measure: str,
        label: str,
        value: float,
        unit: str,
        *,
        baseline: float | None = None,
        goal: str | None = None,
    ) -> None:
        if self.as_json:
            record = {
                "measure": measure,
                "label": label,
                "value": round(value, 4),
                "unit": unit,
                "baseline": None if baseline is None else round(baseline, 4),
                "goal": goal,
            }
            print(json.dumps(record), flush=True)


BASELINE = {"sqlite": ("executemany", ">= 0.60"), "postgresql": ("copy", ">= 0.50")}
"""Each engine's bulk path, the store's baseline, and the issue's goal for the ratio."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--engines", default="sqlite,postgresql")
    ap.add_argument("--events", type=int, default=1_000_000, help="size of the large ledger")
    ap.add_argument("--ingest-events", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--snapshots", type=int, default=200)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--rss-corpus", type=Path, default=None, help="folder of filings (100k)")
    ap.add_argument(
        "--only",
        choices=("all", "ingest", "lookups"),
        default="all",
        help="ingest: the ingest ratios only; lookups: build the large ledger and time person "
        "lookups, snapshot and replay only",
    )
    ap.add_argument("--json", action="store_true", help="one JSON object per measure on stdout")
    ap.add_argument(
        "--report",
        action="store_true",
        help="run every benchmark script 3 times (--runs 1 --json each) and write the "
        "README's benchmark table from the medians (see scripts/bench_report.py)",
    )
    ap.add_argument("--readme", type=Path, default=None, help="with --report: the file to write")
    ap.add_argument(
        "--parse-args", default="", help="with --report: more arguments for bench_parse.py"
    )
    ap.add_argument(
        "--memory-args", default="", help="with --report: more arguments for bench_memory.py"
    )
    args = ap.parse_args(argv)
    if args.report:
        from bench_report import report

        return report(
            engines=args.engines,
            events=args.events,
            ingest_events=args.ingest_events,
            snapshots=args.snapshots,
            readme=args.readme,
            extra={
                "bench_parse.py": shlex.split(args.parse_args),
                "bench_memory.py": shlex.split(args.memory_args),
            },
        )
    out = Measures(args.json)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="holdings-bench-"))
    out.say(f"holdings-ledger benchmarks ({os.cpu_count()} cores), median of {args.runs} runs")
    for engine in args.engines.split(","):
        out.say(f"\n[{engine}]")
        if args.only in ("all", "ingest"):
            ing = bench_ingest(engine, workdir, args.ingest_events, args.runs)
            bulk, goal = BASELINE[engine]
            ours = statistics.median(ing.ours)
            bare = statistics.median(ing.bare)
            ratio = statistics.median(ing.ratios)
            what = "executemany" if bulk == "executemany" else "COPY"
            out.say(
                f"  ingest    {ours:>10,.0f} events/s  (bare {what} {bare:,.0f} events/s; "
                f"ratio {ratio:.0%}; {ing.events:,} events in batches of {INGEST_BATCH} filings)"
            )
            out.say(f"  ingest ratio of each run: {' / '.join(f'{r:.2f}' for r in ing.ratios)}")
            one = statistics.median(ing.one_process)
            each = " / ".join(f"{r:.2f}" for r in ing.one_process_ratios)
            out.say(
                f"  one process (append_batch making the rows too) {one:,.0f} events/s; "
                f"ratio of each run: {each}"
            )
            if ing.cpu_ratios:
                cpu = " / ".join(f"{r:.2f}" for r in ing.cpu_ratios)
                out.say(f"  ingest CPU ratio of each run (bare CPU s / store CPU s): {cpu}")
            out.emit(
                f"ingest.{engine}.events_per_s",
                f"{engine}: the appending process of an ingest (rows prepared by the parse "
                f"workers, unpickled and appended), {ing.events:,} events, batches of "
                f"{INGEST_BATCH} filings",
                ours,
                "events/s",
            )
            out.emit(
                f"ingest.{engine}.bare_{bulk}_events_per_s",
                f"{engine}: bare {what} of the very same rows, same schema, same transactions",
                bare,
                "events/s",
            )
            out.emit(
                f"ingest.{engine}.ratio_vs_{bulk}",
                f"{engine}: store append rate / bare {what} rate (same rows, same run, "
                "alternating batch by batch)",
                ratio,
                "x",
                baseline=bare,
                goal=goal,
            )
            out.emit(
                f"ingest.{engine}.one_process_ratio_vs_{bulk}",
                f"{engine}: append_batch making the rows too (the workers' part in the same "
                f"process) / bare {what} rate (same rows, same run)",
                statistics.median(ing.one_process_ratios),
                "x",
                baseline=bare,
            )
            if ing.cpu_ratios:
                out.emit(
                    f"ingest.{engine}.cpu_ratio_vs_{bulk}",
                    f"{engine}: bare {what} CPU seconds / store CPU seconds (one process does "
                    "all the work: a check on the ratio above when other work shares the cores)",
                    statistics.median(ing.cpu_ratios),
                    "x",
                )
        if args.only == "ingest":
            continue
        store = build_large(engine, workdir, args.events)
        size = store.count_events()
        if args.only == "all":
            one = bench_rebuild(store, args.runs, parallel=False)
            both = bench_rebuild(store, args.runs, parallel=True)
            out.say(
                f"  rebuild   {both:>10,.0f} events/s  at {size:,} events "
                f"(2 processes; one process {one:,.0f} events/s)"
            )
            out.emit(
                f"rebuild.{engine}.events_per_s",
                f"{engine}: rebuild of {size:,} events, 2 processes",
                both,
                "events/s",
            )
            out.emit(
                f"rebuild.{engine}.one_process_events_per_s",
                f"{engine}: rebuild of {size:,} events, one process",
                one,
                "events/s",
            )
        looked = bench_lookups(store, max(20, args.snapshots // 4))
        for what, (p50, p99) in looked.items():
            out.say(f"  {what:<24} p50 {p50:8.2f} ms  p99 {p99:8.2f} ms")
        p50, p99 = looked["lookup"]
        for tag, value in (("p50", p50), ("p99", p99)):
            out.emit(
                f"lookup.{engine}.{tag}_ms",
                f"{engine}: naming a person (people table) at {size:,} events, {tag}",
                value,
                "ms",
            )
        p50, p99 = bench_snapshot(store, args.snapshots)
        out.say(
            f"  snapshot  p50 {p50:.2f} ms  p99 {p99:.2f} ms"
            f"  (one person, {args.snapshots} samples)"
        )
        for tag, value in (("p50", p50), ("p99", p99)):
            out.emit(
                f"snapshot.{engine}.{tag}_ms",
                f"{engine}: one-person snapshot at {size:,} events, {tag} of {args.snapshots}",
                value,
                "ms",
            )
        store.engine.dispose()
        drop_store(engine, workdir, "large")
        if args.rss_corpus:
            url = (
                f"sqlite:///{workdir / 'rss.db'}"
                if engine == "sqlite"
                else fresh_store(engine, workdir, "rss")[1]
            )
            mb, rate = bench_rss(args.rss_corpus, url)
            out.say(f"  ingest of {args.rss_corpus}: peak RSS {mb:,.0f} MB, {rate:,} filings/s")
            drop_store(engine, workdir, "rss")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
