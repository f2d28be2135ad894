"""Fuzz the parsers with mutated real renderings: every input must parse or raise ParseError.

    python scripts/fuzz.py --n 10000 [--seed 1] [--save tests/fixtures/fuzz]

Mutations are the damage real converters and OCR do (dropped, duplicated and swapped cells,
truncated lines, fused markers, wrong dates, huge numbers) plus hostile input (random bytes,
deeply nested or entity-laden XML). Anything else than a Filing or a ParseError, or an input
that takes too long, is a crasher: it is printed, and saved with ``--save`` for a regression
test. The campaign prints its counts.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from parsers import ParseError, ParserBug, parse_bytes

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "tests" / "fixtures"
SLOW_SECONDS = 2.0


def corpus() -> list[tuple[str, bytes]]:
    """Real renderings: the pinned seeds and XML in tests/, and shared/ where present."""
    folders = [
        FIXTURES / "text" / "seeds",
        FIXTURES / "xml",
        SHARED / "seeds",
        SHARED / "realdata" / "xml",
    ]
    seen: set[bytes] = set()
    out = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for p in sorted(folder.iterdir()):
            if p.is_file() and p.suffix.lower() in {".txt", ".xml", ".nc"}:
                data = p.read_bytes()
                if data not in seen:
                    seen.add(data)
                    out.append((p.name, data))
    return out


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _edit_cells(
    rng: random.Random, data: bytes, edit: Callable[[random.Random, list[bytes]], None]
) -> bytes:
    """Apply ``edit`` to the cells of one random table row (pipe- or tab-separated)."""
    lines = _lines(data)
    rows = [i for i, line in enumerate(lines) if line.count(b"|") > 3 or line.count(b"\t") > 3]
    if not rows:
        return data
    i = rng.choice(rows)
    sep = b"|" if b"|" in lines[i] else b"\t"
    cells = lines[i].split(sep)
    edit(rng, cells)
    lines[i] = sep.join(cells)
    return b"\n".join(lines)


def drop_cell(rng: random.Random, data: bytes) -> bytes:
    return _edit_cells(rng, data, lambda r, cells: cells.pop(r.randrange(len(cells))) and None)


def duplicate_cell(rng: random.Random, data: bytes) -> bytes:
    def dup(r: random.Random, cells: list[bytes]) -> None:
        k = r.randrange(len(cells))
        cells.insert(k, cells[k])

    return _edit_cells(rng, data, dup)


def swap_cells(rng: random.Random, data: bytes) -> bytes:
    def swap(r: random.Random, cells: list[bytes]) -> None:
        a, b = r.randrange(len(cells)), r.randrange(len(cells))
        cells[a], cells[b] = cells[b], cells[a]

    return _edit_cells(rng, data, swap)


def truncate_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
    return b"\n".join(lines)


def truncate_file(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def random_bytes(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def huge_number(rng: random.Random, data: bytes) -> bytes:
    numbers = list(re.finditer(rb"\d[\d,]*(?:\.\d+)?", data))
    if not numbers:
        return data
    m = rng.choice(numbers)
    big = b"9" * rng.choice([30, 400, 5000]) + (b".5" if rng.random() < 0.5 else b"")
    return data[: m.start()] + big + data[m.end() :]


def wrong_date(rng: random.Random, data: bytes) -> bytes:
    dates = list(re.finditer(rb"\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2}", data))
    if not dates:
        return data
    m = rng.choice(dates)
    bad = rng.choice([b"13/45/2020", b"02/30/2021", b"0000-00-00", b"2021-13-01", b"99/99/9999"])
    return data[: m.start()] + bad + data[m.end() :]


def odd_marker(rng: random.Random, data: bytes) -> bytes:
    marker = rng.choice(["⁽⁹⁾".encode(), b"(99)", b"<sup>(3)</sup>", b"F12", b"(", b"\xe2\x81\xbd"])
    k = rng.randrange(len(data) + 1)
    return data[:k] + marker + data[k:]


def nested_xml(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice([100, 5_000, 50_000])
    return (
        b"<?xml version='1.0'?><ownershipDocument>"
        + b"<a>" * depth
        + b"x"
        + b"</a>" * depth
        + b"</ownershipDocument>"
    )


def entity_xml(rng: random.Random, data: bytes) -> bytes:
    lol = b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
    for i in range(1, 10):
        lol += f'<!ENTITY a{i} "{("&a" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
    lol += b"]>"
    if b"<ownershipDocument" in data:
        return data.replace(b"<ownershipDocument", lol + b"<ownershipDocument", 1)
    return b"<?xml version='1.0'?>" + lol + b"<ownershipDocument>&a9;</ownershipDocument>"


MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    f.__name__: f
    for f in (
        drop_cell,
        duplicate_cell,
        swap_cells,
        truncate_line,
        truncate_file,
        random_bytes,
        huge_number,
        wrong_date,
        odd_marker,
        nested_xml,
        entity_xml,
    )
}


def mutate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    names = rng.sample(sorted(MUTATIONS), k=rng.choice([1, 1, 2, 3]))
    for name in names:
        data = MUTATIONS[name](rng, data)
    return "+".join(names), data


def check(data: bytes, name: str = "<fuzz>") -> str:
    """'parsed', 'parse_error', or raises what a parser must never raise."""
    try:
        parse_bytes(data, name)
        return "parsed"
    except ParserBug:
        raise
    except ParseError:
        return "parse_error"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save", type=Path, default=None, help="folder to keep crashers in")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    inputs = corpus()
    if not inputs:
        print("no corpus found", file=sys.stderr)
        return 2
    outcomes: Counter[str] = Counter()
    by_mutation: Counter[str] = Counter()
    crashers = 0
    slowest = 0.0
    start = time.perf_counter()
    for i in range(args.n):
        source, original = rng.choice(inputs)
        how, data = mutate(rng, original)
        t = time.perf_counter()
        try:
            outcomes[check(data, f"{source}~{how}")] += 1
        except Exception:
            crashers += 1
            outcomes["CRASH"] += 1
            print(f"CRASH #{i} {source} via {how}:\n{traceback.format_exc(limit=3)}")
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"crash_{args.seed}_{i}_{source}").write_bytes(data)
        took = time.perf_counter() - t
        slowest = max(slowest, took)
        if took > SLOW_SECONDS:
            outcomes["SLOW"] += 1
            print(f"SLOW #{i} {source} via {how}: {took:.1f}s")
        by_mutation[how.split("+")[0]] += 1
        if sys.stderr.isatty() and i % 500 == 0:
            print(f"\r{i:,}/{args.n:,}", end="", file=sys.stderr)
    elapsed = time.perf_counter() - start
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        f"{args.n:,} inputs in {elapsed:.1f}s ({args.n / elapsed:,.0f}/s): "
        + ", ".join(f"{k} {v:,}" for k, v in sorted(outcomes.items()))
        + f"; slowest {slowest * 1000:.0f} ms"
    )
    return 1 if crashers or outcomes["SLOW"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
