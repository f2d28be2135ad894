"""Parser throughput: filings per second on one core, median of several runs.

    python scripts/bench_parse.py [--runs 5] [--seconds 2]

Reads the text seeds and the XML corpus into memory first, so the figures are the parser's,
not the disk's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from parsers import ParseError, parse_bytes

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load(folder: Path) -> list[tuple[str, bytes]]:
    return [
        (str(p), p.read_bytes())
        for p in sorted(folder.iterdir())
        if p.is_file()
        and p.suffix.lower() in {".txt", ".xml", ".nc", ".md"}
        and p.name != "SOURCES.tsv"
    ]


def rate(files: list[tuple[str, bytes]], seconds: float) -> float:
    """Filings per second over repeated passes lasting at least ``seconds``."""
    done = 0
    start = time.perf_counter()
    while True:
        for path, data in files:
            try:
                parse_bytes(data, path)
            except ParseError as exc:
                raise SystemExit(f"benchmark input does not parse: {exc}") from None
            done += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done / elapsed


def measure(
    files: list[tuple[str, bytes]], runs: int, seconds: float
) -> tuple[float, float, float]:
    rates = [rate(files, seconds) for _ in range(runs)]
    return statistics.median(rates), min(rates), max(rates)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=2.0)
    ap.add_argument("--text", type=Path, default=SHARED / "seeds")
    ap.add_argument("--xml", type=Path, default=SHARED / "realdata" / "xml")
    args = ap.parse_args(argv)
    print(f"parser throughput, one core, median of {args.runs} runs of >= {args.seconds}s")
    for label, folder in (("text", args.text), ("xml", args.xml)):
        if not folder.is_dir():
            print(f"{label:5} skipped: {folder} not found", file=sys.stderr)
            continue
        files = load(folder)
        med, lo, hi = measure(files, args.runs, args.seconds)
        print(
            f"{label:5} {len(files):3} files  {med:9,.0f} filings/s  (min {lo:,.0f}, max {hi:,.0f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
