"""Crashes and concurrent writers lose nothing and leave nothing stale: real processes, killed
with SIGKILL at random points and raced on one ledger.

The kill campaign is what the README's reliability section reports: each run ingests a
synthetic corpus (many people, amendments, text renderings) into a fresh ledger, is killed (at a
random moment of the run, or once a random number of filings is in), is verified as it was
left, re-ingested, and verified again; the ledger then equals an uninterrupted ingest's.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import _PgSchemas, pg_url
from sqlalchemy import text

from holdings.corpus import write_corpus
from holdings.ingest import ingest_paths
from holdings.verify import verify
from ledger.schema import SchemaError
from ledger.store import EventStore, StoreUnavailable
from projections.materialize import stored_positions

XML = Path(__file__).resolve().parent / "fixtures" / "xml"


def make_corpus(out: Path, copies: int) -> Path:
    """Distinct filings (distinct bytes) made from the real fixtures."""
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(p for p in XML.glob("*.xml"))
    for i in range(copies):
        for src in sources:
            data = src.read_bytes().replace(
                b"<ownershipDocument>", f"<!-- copy {i} --><ownershipDocument>".encode(), 1
            )
            (out / f"{i:04d}_{src.name}").write_bytes(data)
    return out


def synthetic_corpus(out: Path, filings: int = 400, people: int = 40) -> Path:
    """Many streams, amendments and text renderings: a crash can leave any of them behind."""
    write_corpus(out, people=people, filings=filings, seed=14, text_share=0.2)
    return out / "filings"


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "holdings.cli", *args]


def _ingest_cmd(db: str, *paths: Path, batch: int = 20) -> list[str]:
    return _cli(
        "ingest", "--db", db, "--format", "json", "--batch-size", str(batch), *map(str, paths)
    )


def _content(url: str) -> tuple[int, int, str, dict[tuple[str, str], tuple[object, ...]]]:
    """What an ingest of the corpus must leave, whatever the order and time it ran at and the
    folder it read from: filings, events, a hash of every event's key and payload (its source
    path left out), and every position's balance."""
    store = EventStore(url, read_only=True)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT idempotency_key, payload FROM events ORDER BY idempotency_key")
            ).all()
            orphans = conn.execute(
                text(
                    "SELECT count(*) FROM events e WHERE NOT EXISTS "
                    "(SELECT 1 FROM filings f WHERE f.sha256 = e.filing_sha256)"
                )
            ).scalar()
        assert orphans == 0, "events of a filing whose filing row is missing: a partial filing"
        digest = hashlib.sha256(
            "\n".join(f"{k}\t{_pathless(p)}" for k, p in rows).encode()
        ).hexdigest()
        positions = {
            key: (row["balance"], row["events"]) for key, row in stored_positions(store).items()
        }
        return store.count_filings(), len(rows), digest, positions
    finally:
        store.engine.dispose()


def _pathless(payload: str) -> str:
    data = json.loads(payload)
    data["provenance"].pop("source_path", None)
    return json.dumps(data, sort_keys=True)


@dataclass
class Campaign:
    """What the kill runs saw, for the assertion messages and the README's figures."""

    runs: int = 0
    killed: int = 0
    phases: dict[str, int] = field(default_factory=dict)
    verify_seconds: list[float] = field(default_factory=list)

    def saw(self, phase: str) -> None:
        self.phases[phase] = self.phases.get(phase, 0) + 1


def _phase(url: str, total_filings: int) -> str:
    """Where the kill landed, read from what it left."""
    try:
        store = EventStore(url, read_only=True)
    except (SchemaError, StoreUnavailable):
        return "before the ledger existed"
    try:
        filings = store.count_filings()
        with store.engine.connect() as conn:
            top = conn.execute(text("SELECT coalesce(max(seq), 0) FROM events")).scalar() or 0
            try:
                done = conn.execute(
                    text("SELECT seq FROM projection_checkpoints WHERE name = 'positions'")
                ).scalar()
            except Exception:
                done = None
    finally:
        store.engine.dispose()
    if filings == 0:
        return "before any append"
    if filings < total_filings:
        return "while appending"
    return "after the appends, positions caught up" if done == top else "before the catch-up"


def _wait_for_filings(url: str, proc: subprocess.Popen[bytes], target: int) -> None:
    """Until the ledger holds ``target`` filings (read beside the writer), or the run ends."""
    while proc.poll() is None:
        try:
            store = EventStore(url, read_only=True)
        except (SchemaError, StoreUnavailable):
            time.sleep(0.01)
            continue
        try:
            while proc.poll() is None and store.count_filings() < target:
                time.sleep(0.005)
            return
        except Exception:
            time.sleep(0.01)  # the ledger was still being made
        finally:
            store.engine.dispose()


def _verify_exit(url: str) -> tuple[int, str, float]:
    started = time.perf_counter()
    result = subprocess.run(_cli("verify", "--db", url), capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr, time.perf_counter() - started


def kill_campaign(
    corpus: Path, new_url: Callable[[], str], kills: int, rng: random.Random
) -> Campaign:
    """Runs until ``kills`` of them were killed mid-way (a run may finish first)."""
    reference = new_url()
    started = time.perf_counter()
    subprocess.run(_ingest_cmd(reference, corpus), check=True, capture_output=True)
    duration = time.perf_counter() - started
    expected = _content(reference)
    total = expected[0]
    campaign = Campaign()
    run = -1
    while campaign.killed < kills:
        run += 1
        assert run < 2 * kills, f"too few runs killed mid-way: {campaign}"
        victim = new_url()
        proc = subprocess.Popen(
            _ingest_cmd(victim, corpus),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        if run % 2:
            # Half the runs die at a random moment of the run (start-up and parsing included),
            time.sleep(rng.uniform(0.3, 0.95) * duration)
        else:
            # half once a random share of the filings is in: mid-append, or in the catch-up.
            _wait_for_filings(victim, proc, rng.randint(1, total - 1))
            time.sleep(rng.uniform(0.0, 0.05))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            campaign.killed += 1
        proc.wait()
        campaign.runs += 1
        phase = _phase(victim, total)
        campaign.saw(phase)
        if phase != "before the ledger existed":
            code, out, seconds = _verify_exit(victim)  # the ledger as the crash left it
            campaign.verify_seconds.append(seconds)
            assert code == 0, f"run {run}: verify after the kill failed:\n{out[-3000:]}"
        again = subprocess.run(_ingest_cmd(victim, corpus), capture_output=True, text=True)
        assert again.returncode == 0, f"run {run}: re-ingest failed: {again.stderr[-2000:]}"
        code, out, seconds = _verify_exit(victim)
        campaign.verify_seconds.append(seconds)
        assert code == 0, f"run {run}: verify after the re-ingest failed:\n{out[-3000:]}"
        assert _content(victim) == expected, f"run {run}: the ledger differs from the reference"
    return campaign


@pytest.mark.slow
def test_sigkill_at_random_points_on_sqlite_then_verify_and_reingest(tmp_path: Path) -> None:
    corpus = synthetic_corpus(tmp_path / "corpus")
    names = iter(range(1000))

    def new_url() -> str:
        return f"sqlite:///{tmp_path / f'ledger{next(names)}.db'}"

    campaign = kill_campaign(corpus, new_url, kills=20, rng=random.Random(20261124))
    print(f"\nSQLite kill campaign: {campaign}")
    assert campaign.phases.get("while appending", 0) >= 5, campaign


@pytest.mark.slow
def test_sigkill_at_random_points_on_postgresql_then_verify_and_reingest(
    tmp_path: Path,
) -> None:
    url = pg_url()
    if not url:
        pytest.skip("PostgreSQL tests need HOLDINGS_TEST_PG_URL")
    corpus = synthetic_corpus(tmp_path / "corpus")
    schemas = _PgSchemas(url)
    try:
        campaign = kill_campaign(corpus, schemas.new, kills=5, rng=random.Random(5))
    finally:
        schemas.drop()
    print(f"\nPostgreSQL kill campaign: {campaign}")


def _racing_folders(tmp_path: Path, corpus: Path) -> list[Path]:
    """Four folders, each with three of four quarters of the corpus: every filing is raced by
    three processes."""
    files = sorted(corpus.iterdir())
    chunks = [files[i::4] for i in range(4)]
    folders = []
    for n in range(4):
        folder = tmp_path / f"writer{n}"
        folder.mkdir()
        for k, chunk in enumerate(chunks):
            if k == n:
                continue
            for f in chunk:
                shutil.copy(f, folder / f.name)
        folders.append(folder)
    return folders


@pytest.mark.slow
def test_four_processes_on_one_new_ledger_lose_and_duplicate_nothing(
    tmp_path: Path, db_url: str
) -> None:
    """SQLite: WAL, a busy timeout and a retried schema install; PostgreSQL: the schema
    install under an advisory lock. The ledger does not exist when the four start."""
    corpus = make_corpus(tmp_path / "corpus", copies=8)
    procs = [
        subprocess.Popen(
            _ingest_cmd(db_url, folder, batch=5), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for folder in _racing_folders(tmp_path, corpus)
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    for p, (_out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err.decode()[-6000:]
        assert b"error ignored" not in err, err.decode()[-2000:]

    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    ingest_paths(EventStore(reference), [corpus], workers=1)
    got, want = _content(db_url), _content(reference)
    assert got == want
    assert got[0] == len(list(corpus.iterdir()))
    store = EventStore(db_url, read_only=True)
    with store.engine.connect() as conn:
        dupes = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT idempotency_key FROM events "
                "GROUP BY idempotency_key HAVING count(*) > 1) d"
            )
        ).scalar()
    assert dupes == 0
    report = verify(store, payloads=False)
    assert report.ok, report.problems
    store.engine.dispose()
