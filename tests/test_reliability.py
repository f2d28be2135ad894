"""Crashes and concurrent writers lose nothing: real processes, killed and raced."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from holdings.ingest import ingest_paths
from holdings.verify import verify
from ledger.store import EventStore

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


def _ingest_cmd(db: str, *paths: Path, batch: int = 20) -> list[str]:
    return [
        sys.executable,
        "-m",
        "holdings.cli",
        "--debug",
        "ingest",
        "--db",
        db,
        "--format",
        "json",
        "--batch-size",
        str(batch),
        *map(str, paths),
    ]


def _ledger_fingerprint(url: str) -> tuple[int, str]:
    store = EventStore(url)
    report = verify(store, payloads=False)
    problems = [p for p in report.problems if p.kind != "stale projection"]
    assert problems == [], problems
    with store.engine.connect() as conn:
        orphans = conn.execute(
            text(
                "SELECT count(*) FROM events e WHERE NOT EXISTS "
                "(SELECT 1 FROM filings f WHERE f.sha256 = e.filing_sha256)"
            )
        ).scalar()
    assert orphans == 0, "events of a filing whose filing row is missing: a partial filing"
    store.engine.dispose()
    return report.events, report.head


@pytest.mark.slow
def test_sigkill_at_random_points_then_restart_gives_the_same_ledger(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", copies=300)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    subprocess.run(_ingest_cmd(reference, corpus), check=True, capture_output=True)
    expected = _ledger_fingerprint(reference)

    victim = f"sqlite:///{tmp_path / 'victim.db'}"
    rng = random.Random(20261124)
    kills = 0
    for _ in range(30):
        proc = subprocess.Popen(
            _ingest_cmd(victim, corpus),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(rng.uniform(0.25, 0.9))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        # After every kill: whatever is there is whole filings, and the chain holds.
        _ledger_fingerprint(victim)
    assert kills >= 20, f"only {kills} runs were killed mid-way; the corpus ingests too fast"
    subprocess.run(_ingest_cmd(victim, corpus), check=True, capture_output=True)
    assert _ledger_fingerprint(victim) == expected


@pytest.mark.slow
def test_four_processes_on_postgresql_lose_and_duplicate_nothing(
    tmp_path: Path, pg_schema_url: str
) -> None:
    corpus = make_corpus(tmp_path / "corpus", copies=12)
    files = sorted(corpus.iterdir())
    chunks = [files[i::4] for i in range(4)]
    folders = []
    for n in range(4):
        # Each writer gets three of the four chunks: every filing is raced by three processes.
        folder = tmp_path / f"writer{n}"
        folder.mkdir()
        for k, chunk in enumerate(chunks):
            if k == n:
                continue
            for f in chunk:
                shutil.copy(f, folder / f.name)
        folders.append(folder)
    EventStore(pg_schema_url).engine.dispose()  # schema created once, before the race
    procs = [
        subprocess.Popen(
            _ingest_cmd(pg_schema_url, folder, batch=1),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for folder in folders
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    for p, (_out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err.decode()[-6000:]

    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    ref_store = EventStore(reference)
    ingest_paths(ref_store, [corpus], workers=1)
    store = EventStore(pg_schema_url)
    assert store.count_filings() == ref_store.count_filings() == len(files)
    assert store.count_events() == ref_store.count_events()
    with store.engine.connect() as conn:
        dupes = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT idempotency_key FROM events "
                "GROUP BY idempotency_key HAVING count(*) > 1) d"
            )
        ).scalar()
    assert dupes == 0
    report = verify(store, payloads=False)
    assert [p for p in report.problems if p.kind != "stale projection"] == []
