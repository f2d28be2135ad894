"""Peak memory of the whole-ledger commands as the ledger grows (issue #16).

    python scripts/bench_memory.py                      # 4k and 16k filings, audit at 1M events
    python scripts/bench_memory.py --events 200000 --runs 1 --json

Peak RSS of the process tree (the command and any workers it starts, sampled from /proc every
50 ms) of a real ``holdings ingest`` of a synthetic corpus folder (``holdings.corpus``, as
``scripts/make_corpus.py`` writes it) of 4,000 and of 16,000 filings, and of ``holdings audit``
(late-filing check included) and a whole-ledger ``holdings snapshot`` on the two ledgers,
their output (JSON) written to /dev/null. The figure judged is the ratio 16k / 4k, measured in
the same run. Then ``holdings audit`` on a ledger of ``--events`` events, built fast by
appending synthetic filings straight to the store (``scripts/memory_ledger.py``: a fifth of
the filings late, a fifth late-looking, a fifth with a broken balance, a fifth with a parser's
note), so its output is large too.

Absolute figures depend on the machine and its load; the ratios are what the goals judge.
With ``--json``, one object per measure per line on stdout (docs: the bench contract), the
story on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from memory_ledger import EVENTS_PER_FILING, fill  # noqa: E402

from holdings.corpus import write_corpus  # noqa: E402
from ledger.store import EventStore  # noqa: E402

SIZES = (4_000, 16_000)
AS_OF = "2040-01-01"


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
            )
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration):
            continue
    return total


def peak_mb(args: list[str]) -> tuple[float, float, int]:
    """Run ``holdings ARGS`` (stdout to /dev/null); returns peak MB, seconds, exit code."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "holdings.cli", *args], stdout=subprocess.DEVNULL
    )
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.05)
    return peak / 1024, time.perf_counter() - started, proc.returncode


def corpus(workdir: Path, filings: int) -> Path:
    """A corpus folder of ``filings`` filings (40 per person), written once per workdir."""
    out = workdir / f"corpus{filings}"
    if not (out / "truth.json").exists():
        started = time.perf_counter()
        write_corpus(
            out,
            people=max(1, filings // 40),
            filings=filings,
            seed=16,
            discrepancies=filings // 100,
            overwrite=True,
        )
        log(f"  wrote {filings:,} filings to {out} in {time.perf_counter() - started:.0f}s")
    return out


def fresh_db(path: Path) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def measure_sizes(workdir: Path, sizes: tuple[int, int]) -> dict[str, dict[int, float]]:
    """Peak MB of ingest, audit and snapshot at each size."""
    out: dict[str, dict[int, float]] = {"ingest": {}, "audit": {}, "snapshot": {}}
    for filings in sizes:
        folder = corpus(workdir, filings)
        db = fresh_db(workdir / f"ledger{filings}.db")
        commands = {
            "ingest": ["ingest", "--db", db, "--format", "json", str(folder)],
            "audit": ["audit", "--db", db, "--format", "json"],
            "snapshot": ["snapshot", "--as-of", AS_OF, "--db", db, "--format", "json"],
        }
        for name, args in commands.items():
            mb, seconds, code = peak_mb(args)
            if code not in (0, 1):  # 1: the audit found something, as it should
                raise SystemExit(f"holdings {name} failed with exit code {code}")
            out[name][filings] = mb
            log(f"  {name:<8} {filings:>6,} filings: peak RSS {mb:7.1f} MB ({seconds:.0f}s)")
    return out


def measure_large(workdir: Path, events: int) -> float:
    """Peak MB of ``holdings audit`` on a ledger of ``events`` events (built once per size)."""
    path = workdir / f"large{events}.db"
    marker = Path(f"{path}.done")
    if not marker.exists():
        db = fresh_db(path)
        started = time.perf_counter()
        store = EventStore(db)
        done = fill(store, max(1, events // EVENTS_PER_FILING))
        store.engine.dispose()
        marker.write_text(str(done))
        log(f"  built {done:,} events in {time.perf_counter() - started:.0f}s")
    mb, seconds, code = peak_mb(["audit", "--db", f"sqlite:///{path}", "--format", "json"])
    if code not in (0, 1):
        raise SystemExit(f"holdings audit failed with exit code {code}")
    log(f"  audit at {events:,} events: peak RSS {mb:.1f} MB ({seconds:.0f}s)")
    return mb


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--runs", type=int, default=1, help="runs of each measure (median)")
    ap.add_argument("--events", type=int, default=1_000_000, help="events for the large audit")
    ap.add_argument("--json", action="store_true", help="one JSON object per measure")
    ap.add_argument("--workdir", type=Path, default=None, help="keeps corpora and ledgers")
    ap.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES)),
        help="the two corpus sizes in filings (a smoke run: 200,800); the measure ids keep "
        "their names, the labels give the sizes measured",
    )
    args = ap.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="holdings-bench-memory-"))
    workdir.mkdir(parents=True, exist_ok=True)
    log(f"memory benchmark in {workdir} ({os.cpu_count()} cores), {args.runs} run(s)")
    ratios: dict[str, list[float]] = {"ingest": [], "audit": [], "snapshot": []}
    smalls: dict[str, list[float]] = {k: [] for k in ratios}
    larges: list[float] = []
    small, big = (int(x) for x in args.sizes.split(","))
    for _ in range(args.runs):
        sizes = measure_sizes(workdir, (small, big))
        for name, peaks in sizes.items():
            ratios[name].append(peaks[big] / peaks[small])
            smalls[name].append(peaks[small])
        larges.append(measure_large(workdir, args.events))
    what = {"ingest": "holdings ingest", "audit": "holdings audit", "snapshot": "whole snapshot"}
    rows = [
        {
            "measure": f"memory.{name}.ratio_16k_4k",  # the id stays; the label says the sizes
            "label": f"peak RSS of `{what[name]}`, {big:,} filings / {small:,} filings (same run)",
            "value": round(statistics.median(ratios[name]), 3),
            "unit": "x",
            "baseline": round(statistics.median(smalls[name]), 1),
            "goal": "<= 1.25",
        }
        for name in ratios
    ]
    label = f"{args.events // 1000:,}k" if args.events < 1_000_000 else f"{args.events / 1e6:g}m"
    rows.append(
        {
            "measure": f"memory.audit.peak_mb_{label}_events",
            "label": f"peak RSS of `holdings audit --format json` at {args.events:,} events",
            "value": round(statistics.median(larges), 1),
            "unit": "MB",
            "baseline": None,
            "goal": "< 300" if args.events >= 1_000_000 else None,
        }
    )
    for row in rows:
        if args.json:
            print(json.dumps(row))
        else:
            print(f"{row['label']}: {row['value']} {row['unit']} (goal {row['goal']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
