"""``bench.py --report``: every benchmark script run 3 times, the README's table written from
the medians.

The contract every benchmark script keeps: with ``--json`` it prints on stdout one JSON object
a line per measure (human text goes to stderr)::

    {"measure": "parse.xml.ratio_vs_etree", "label": "...", "value": 1.42, "unit": "x",
     "baseline": 1234.5, "goal": "<= 1.5"}

``measure`` is a stable dotted id, ``baseline`` the same-run baseline's figure where there is
one, ``goal`` the issue's goal as text (``>= 0.60``) or null. Each of the 3 rounds runs every
script once (``--runs 1`` where the script takes it), one after the other, with the 1-minute
load average read before each; the table gives each measure's median, its 3 values and the
loads beside them. Goals are judged on ratios measured against a baseline in the same run:
absolute figures depend on the machine and on what else ran beside it, and say so.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
BEGIN = "<!-- bench-report:begin -->"
END = "<!-- bench-report:end -->"
ROUNDS = 3


@dataclass
class Measure:
    measure: str
    label: str
    unit: str
    goal: str | None
    values: list[float] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)
    baselines: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def met(self) -> str:
        if not self.goal:
            return ""
        return "yes" if goal_met(self.goal, self.median) else "**no**"


@dataclass
class Script:
    """One benchmark script as the report runs it."""

    name: str
    args: list[str]
    why_not: str | None = None
    """Why it is not measured (missing, no ``--json``, failed), once known."""
    seconds: list[float] = field(default_factory=list)


def goal_met(goal: str, value: float) -> bool:
    op, _, figure = goal.strip().partition(" ")
    target = float(figure)
    checks = {
        ">=": value >= target,
        "<=": value <= target,
        ">": value > target,
        "<": value < target,
    }
    if op not in checks:
        raise ValueError(f"goal {goal!r} is not '<op> <number>'")
    return checks[op]


def _help(path: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(path), "--help"], capture_output=True, text=True, timeout=120
    )
    return done.stdout + done.stderr


def plan(
    engines: str, events: int, ingest_events: int, snapshots: int, extra: dict[str, list[str]]
) -> list[Script]:
    """The scripts of a report, each with the arguments of one run; those that cannot be run
    carry the reason instead."""
    scripts = [
        Script(
            "bench.py",
            [
                "--engines",
                engines,
                "--events",
                str(events),
                "--ingest-events",
                str(ingest_events),
                "--snapshots",
                str(snapshots),
            ],
        ),
        Script("bench_parse.py", []),
        Script("bench_memory.py", []),
    ]
    for script in scripts:
        path = SCRIPTS / script.name
        if not path.exists():
            script.why_not = f"scripts/{script.name} does not exist yet"
            continue
        usage = _help(path)
        if "--json" not in usage:
            script.why_not = f"scripts/{script.name} has no --json yet"
            continue
        script.args += [*extra.get(script.name, []), "--json"]
        if "--runs" in usage:
            script.args += ["--runs", "1"]
    return scripts


def run_rounds(scripts: list[Script], rounds: int = ROUNDS) -> dict[str, Measure]:
    measures: dict[str, Measure] = {}
    for r in range(rounds):
        for script in scripts:
            if script.why_not:
                continue
            load = os.getloadavg()[0]
            command = [sys.executable, str(SCRIPTS / script.name), *script.args]
            print(
                f"round {r + 1}/{rounds}: {' '.join(command[1:])} (load {load:.2f})",
                file=sys.stderr,
                flush=True,
            )
            start = time.perf_counter()
            done = subprocess.run(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
            script.seconds.append(time.perf_counter() - start)
            if done.returncode:
                script.why_not = f"scripts/{script.name} exited {done.returncode} in round {r + 1}"
                continue
            for line in done.stdout.splitlines():
                if not line.startswith("{"):
                    continue
                record: dict[str, Any] = json.loads(line)
                m = measures.setdefault(
                    record["measure"],
                    Measure(record["measure"], record["label"], record["unit"], record["goal"]),
                )
                m.values.append(float(record["value"]))
                m.loads.append(load)
                if record.get("baseline") is not None:
                    m.baselines.append(float(record["baseline"]))
    return measures


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown RAM"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), {ram}"


def _commit() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + ("+changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def _figure(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}"


def table(
    scripts: list[Script], measures: dict[str, Measure], sizes: str, started: dt.datetime
) -> str:
    lines = [
        f"Generated by `scripts/bench.py --report` ({sizes}) at commit {_commit()}, "
        f"{started:%Y-%m-%d %H:%M} UTC, on {machine()}. Each script ran {ROUNDS} times, "
        "one after the other; *median* is the median of the 3 runs, *load* the 1-minute "
        "load average before each run. Ratios are against a baseline measured in the same "
        "run and carry the goals; absolute figures depend on the machine and on what else "
        "was running (the load), and are for orientation only.",
        "",
        "| measure | median | runs | unit | goal | met | load |",
        "|---|---|---|---|---|---|---|",
    ]
    for m in measures.values():
        runs = " / ".join(_figure(v, m.unit) for v in m.values)
        loads = " / ".join(f"{x:.1f}" for x in m.loads)
        goal = (m.goal or "").replace("<", "&lt;").replace(">", "&gt;")
        lines.append(
            f"| `{m.measure}`<br>{m.label} | **{_figure(m.median, m.unit)}** | {runs} | "
            f"{m.unit} | {goal} | {m.met} | {loads} |"
        )
        if len(m.values) != ROUNDS:
            lines[-1] = lines[-1][:-1] + f"(only {len(m.values)} of {ROUNDS} runs) |"
    for s in scripts:
        if s.why_not:
            lines.append(f"| `{s.name}` | not measured: {s.why_not} | | | | | |")
    took = ", ".join(f"{s.name} {statistics.median(s.seconds):.0f} s" for s in scripts if s.seconds)
    if took:
        lines += ["", f"Median wall time of one run: {took}."]
    return "\n".join(lines)


def write_readme(readme: Path, body: str) -> None:
    text = readme.read_text()
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{readme} has no {BEGIN} ... {END} block to write the table into")
    head, rest = text.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    readme.write_text(f"{head}{BEGIN}\n{body}\n{END}{tail}")


def report(
    *,
    engines: str,
    events: int,
    ingest_events: int,
    snapshots: int,
    readme: Path | None,
    extra: dict[str, list[str]],
) -> int:
    started = dt.datetime.now(dt.UTC)
    scripts = plan(engines, events, ingest_events, snapshots, extra)
    for s in scripts:
        if s.why_not:
            print(f"not measured: {s.why_not}", file=sys.stderr)
    measures = run_rounds(scripts)
    sizes = (
        f"ingest {ingest_events:,} events; large ledger {events:,} events; "
        f"{snapshots} snapshots; engines {engines}"
    )
    for name, args in extra.items():
        if args:
            sizes += f"; {name} {' '.join(args)}"
    body = table(scripts, measures, sizes, started)
    print(body)
    write_readme(readme or ROOT / "README.md", body)
    missed = [m.measure for m in measures.values() if m.goal and m.met != "yes"]
    if missed:
        print(f"goals not met: {', '.join(missed)}", file=sys.stderr)
    return 0
