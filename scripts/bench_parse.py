"""Parser throughput, and the text parser's speed against a baseline commit in the same run.

    python scripts/bench_parse.py [--rounds 9] [--runs 3] [--seconds 0.3] [--text-baseline REF]
                                  [--json] [--check-same REF [--check-xml [--mutants N]]]

Every corpus is read into memory first, so the figures are the parser's, not the disk's.

Text: the seeds (``../shared/seeds``) and the rendering regression set
(``tests/fixtures/renderings``: real converters' and OCR's messy text, files that do not parse
included -- refusing them is part of the work). The baseline commit's ``parsers/`` package is
exported with ``git archive`` into a temporary folder; this checkout's and the baseline's code
each run in a subprocess of their own, and the rounds alternate between them on the same bytes
(order flipped every round), so both see the same machine load, and each times itself in CPU
seconds of its own process (``time.process_time``: on a machine shared with other work, wall
time mostly measures the others). The speedup is the median of
the ``--rounds`` rounds' baseline-time / current-time ratios (one invocation is one run of
the comparison, so ``--runs 1`` as ``bench.py --report`` passes still gets a median of
rounds); filings per CPU-second are medians too, and absolute (they depend on the machine and
its load; the ratio is the figure the goals are judged on).

XML: filings/s of this checkout, median of ``--runs`` runs; and the XML parser against a bare
``xml.etree.ElementTree.fromstring`` of the same documents (the ``<ownershipDocument>`` each file
holds: an SGML submission's wrapper is not XML) in the same process: ``--rounds`` rounds, each
passes of ``fromstring`` and of the parser in turns until ``fromstring`` has taken about
``--seconds``, timed in CPU seconds; the ratio is the median of the rounds' parser-time /
``fromstring``-time, for ``parsers.xml.parse_xml`` (the goal's figure) and for ``parse_bytes``
(which adds the content hash and the last screen).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RENDERINGS = ROOT / "tests" / "fixtures" / "renderings"

# main before the 1.5x text-speed work of issue #16 (and the "no slower" check of #12) began:
# the goals are stated against the parser as it was at this commit.
DEFAULT_TEXT_BASELINE = "0156788"

TEXT_SUFFIXES = {".txt", ".md"}
SPEEDUP_GOAL = ">= 1.5"


def load(folder: Path, suffixes: set[str]) -> list[tuple[str, bytes]]:
    """Files with these suffixes under ``folder`` (recursively), in a stable order; a
    rendering's ``truth.xml`` and the corpus's index are not inputs."""
    return [
        (str(p), p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix.lower() in suffixes and p.name != "SOURCES.tsv"
    ]


# --- worker: one code version, in a process of its own -------------------------------------


def worker(root: Path, installed: bool = False) -> int:
    """Import ``parsers`` from ``root`` (``installed``: from the installed distribution, the
    wheel ``pip install .`` built and mypyc compiled) and time passes over the corpora the
    parent names.

    Protocol (one JSON object a line): first ``{"sets": {name: [path, ...]}}``; then
    ``{"set": name, "passes": k}`` answered by ``{"seconds": s, "parsed": n, "refused": m}``
    (with ``"part": [j, n]`` only every n-th file from the j-th on),
    or ``{"dump": name}`` answered by ``{"outputs": {path: filing JSON or the refusal}}``.
    """
    if not installed:
        sys.path.insert(0, str(root))
    import parsers  # noqa: PLC0415 -- imported from ``root``, after the path is set
    import parsers.text.tables  # noqa: PLC0415

    where = Path(parsers.__file__).resolve()
    from_source = where.is_relative_to(root.resolve()) and "site-packages" not in where.parts
    if from_source == installed:
        said = "an installed build" if installed else str(root)
        print(json.dumps({"error": f"parsers imported from {where}, not {said}"}), flush=True)
        return 1
    compiled = not parsers.text.tables.__file__.endswith(".py")
    parse_bytes = parsers.parse_bytes
    parse_error = parsers.ParseError
    hello = json.loads(sys.stdin.readline())
    sets = {
        name: [(path, Path(path).read_bytes()) for path in paths]
        for name, paths in hello["sets"].items()
    }
    print(json.dumps({"ready": str(where.parent), "compiled": compiled}), flush=True)
    for line in sys.stdin:
        ask = json.loads(line)
        if "dump" in ask:
            outputs = {}
            for path, data in sets[ask["dump"]]:
                try:
                    outputs[path] = parse_bytes(data, path).model_dump_json()
                except parse_error as exc:
                    outputs[path] = f"refused: {exc}"
            print(json.dumps({"outputs": outputs}), flush=True)
            continue
        files = sets[ask["set"]]
        if "part" in ask:
            j, n = ask["part"]
            files = files[j::n]
        parsed = refused = 0
        start = time.process_time()
        for _ in range(ask["passes"]):
            for path, data in files:
                try:
                    parse_bytes(data, path)
                    parsed += 1
                except parse_error:
                    refused += 1
        seconds = time.process_time() - start
        print(json.dumps({"seconds": seconds, "parsed": parsed, "refused": refused}), flush=True)
    return 0


class Worker:
    def __init__(self, root: Path, sets: dict[str, list[Path]], installed: bool = False) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", str(root), *(["--installed"] * installed)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=str(root),
        )
        self._send({"sets": {k: [str(p) for p in v] for k, v in sets.items()}})
        ready = self._read()
        self.where: str = ready["ready"]
        self.compiled: bool = ready["compiled"]

    def _send(self, obj: dict[str, Any]) -> None:
        stdin: IO[str] | None = self.proc.stdin
        assert stdin is not None
        stdin.write(json.dumps(obj) + "\n")
        stdin.flush()

    def _read(self) -> dict[str, Any]:
        stdout: IO[str] | None = self.proc.stdout
        assert stdout is not None
        line = stdout.readline()
        if not line:
            raise SystemExit(f"benchmark worker died (exit {self.proc.wait()})")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise SystemExit(f"benchmark worker: {answer['error']}")
        return answer

    def run(self, name: str, passes: int, part: tuple[int, int] | None = None) -> dict[str, Any]:
        if part is None or part[1] == 1:
            return self._ask({"set": name, "passes": passes})
        return self._ask({"set": name, "passes": passes, "part": list(part)})

    def _ask(self, obj: dict[str, Any]) -> dict[str, Any]:
        self._send(obj)
        return self._read()

    def dump(self, name: str) -> dict[str, str]:
        outputs: dict[str, str] = self._ask({"dump": name})["outputs"]
        return outputs

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


@contextmanager
def exported(ref: str) -> Iterator[Path]:
    """``parsers/`` as it was at ``ref``, in a temporary folder."""
    try:
        tar = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", ref, "parsers"],
            check=True,
            capture_output=True,
        ).stdout
    except subprocess.CalledProcessError as exc:
        raise SystemExit(
            f"cannot export parsers/ at {ref!r}: {exc.stderr.decode(errors='replace').strip()}"
        ) from None
    with tempfile.TemporaryDirectory(prefix="bench-parse-") as tmp:
        with tarfile.open(fileobj=BytesIO(tar)) as t:
            t.extractall(tmp, filter="data")
        yield Path(tmp)


def _round(
    current: Worker, baseline: Worker, name: str, turns: int, passes: int, parts: int, first: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """One round: ``turns`` turns each, the two versions taking turns (``first`` says which
    starts), so that a change of the machine's load within the round falls on both. A turn is
    ``passes`` passes over the files, or, where the files are split in ``parts`` (a pass longer
    than a turn), one pass over the next part. Each version's seconds and counts summed over
    its turns."""
    totals = {id(w): {"seconds": 0.0, "parsed": 0, "refused": 0} for w in (current, baseline)}
    for j in range(turns):
        order = (current, baseline) if (first + j) % 2 == 0 else (baseline, current)
        for w in order:
            got = w.run(name, passes, (j % parts, parts))
            total = totals[id(w)]
            for key in total:
                total[key] += got[key]
    return totals[id(current)], totals[id(baseline)]


def compare(
    sets: dict[str, list[Path]],
    ref: str,
    rounds: int,
    seconds: float,
    slices: int = 1,
    installed: bool = False,
) -> dict[str, dict[str, Any]]:
    """Per set: median speedup of this checkout (``installed``: of the installed build) over
    ``ref``'s source, and both filings/s."""
    results: dict[str, dict[str, Any]] = {}
    with exported(ref) as base_root:
        current = Worker(ROOT, sets, installed)
        baseline = Worker(base_root, sets)
        try:
            for name, files in sets.items():
                # warm both (imports, compiled patterns, what the parsers remember), and size
                # a round to ~``seconds`` of this checkout's time, in ``slices`` turns
                for _ in range(2):
                    baseline.run(name, 1)
                    first = current.run(name, 1)
                pass_seconds = max(first["seconds"], 1e-6)
                if pass_seconds * slices <= seconds:  # ``slices`` turns of whole passes
                    parts, turns = 1, slices
                    turn = math.ceil(seconds / slices / pass_seconds)
                    passes = turn * slices
                else:  # a round is one pass, a part of the files a turn
                    parts = turns = max(1, min(slices, len(files)))
                    turn = passes = 1
                ratios, cur_rates, base_rates = [], [], []
                outcome: tuple[int, ...] = ()
                for i in range(rounds):
                    c, b = _round(current, baseline, name, turns, turn, parts, i % 2)
                    ratios.append(b["seconds"] / c["seconds"])
                    done = c["parsed"] + c["refused"]
                    cur_rates.append(done / c["seconds"])
                    base_rates.append(done / b["seconds"])
                    outcome = (c["parsed"] // passes, c["refused"] // passes)
                    if (b["parsed"], b["refused"]) != (c["parsed"], c["refused"]):
                        outcome = outcome + (b["parsed"] // passes, b["refused"] // passes)
                results[name] = {
                    "files": len(files),
                    "passes": passes,
                    "speedup": statistics.median(ratios),
                    "speedups": ratios,
                    # the least disturbed round of each: a check on the median under load
                    "best_speedup": max(cur_rates) / max(base_rates),
                    "current": statistics.median(cur_rates),
                    "baseline": statistics.median(base_rates),
                    "outcome": outcome,
                    "built": ", mypyc-compiled" if current.compiled else ", pure Python",
                }
        finally:
            current.close()
            baseline.close()
    return results


# XML syntax the two parsers behind parsers.xml (libxml2 for the shortcut, expat for the
# reading of record) could judge differently: each mutant gets one to three of these at
# random places, half of them at a tag's edge.
SYNTAX = [
    *(b"<!--c-->", b"<!-- -- -->", b"<!--->", b"<!---->", b"<?pi x?>", b"<?xml version='1.0'?>"),
    *(b"<?XML x?>", b"<?xml-x?>", b"<![CDATA[x]]>", b"<![CDATA[]]>", b"]]>", b"&amp;", b"&lt;"),
    *(b"&foo;", b"&#65;", b"&#x41;", b"&#0;", b"&#xD;", b"&#32;", b"&#10;", b"&", b"<", b">"),
    *(b'"', b"'", b"<x:a/>", b'<a xmlns:x="u"><x:b/></a>', b'<a xmlns="u"/>', b' id="F9"'),
    *(b' x:y="1"', b' xmlns:q=""', b' a="1" a="2"', b"<b/>", b"</b>", b'<footnoteId id="F1"/>'),
    *(b"<value>1</value>", b"\n", b"\r", b"\r\n", b"\t", b" ", b"  \n  ", b"\x7f", b"\x0b"),
    *(b"\x01", b"<!DOCTYPE a>", b"<!ELEMENT a ANY>", b'<?xml version="1.1"?>', b" standalone='1'"),
    *(b' encoding="latin1"', b'<b xml:space="preserve"> </b>', b"<:a/>", b"<a:b:c/>", b"<1a/>"),
    *(b"<-a/>", b"<a.b/>", b"<_a/>", b"<a\n/>", b"</a >", b"< a>", b"<a\n>", b"\xc3\xa9", b"\xe9"),
]


def xml_mutants(folder: Path, n: int, seed: int, out: Path) -> list[Path]:
    """``n`` mutants of the XML filings under ``folder``, written to ``out``: a third by the
    fuzz campaign's mutations (scripts/fuzz.py), a third by its robustness mutations, a
    third with XML syntax (SYNTAX) put in."""
    import random  # noqa: PLC0415 -- only the check needs these

    sys.path.insert(0, str(ROOT / "scripts"))
    import fuzz  # noqa: PLC0415

    files = load(folder, {".xml", ".nc", ".txt"})
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, data = files[i % len(files)]
        kind = i % 3
        if kind == 0:
            how = rng.choice(sorted(fuzz.XML_MUTATIONS))
            data = fuzz.XML_MUTATIONS[how](rng, data)
        elif kind == 1:
            how, data = fuzz.mutate(rng, data)
        else:
            how = "syntax"
            for _ in range(rng.choice((1, 1, 2, 3))):
                at = rng.randrange(len(data) + 1)
                if rng.random() < 0.5:
                    edge = data.find(rng.choice((b"<", b">")), at)
                    at = at if edge < 0 else edge + (data[edge : edge + 1] == b">")
                data = data[:at] + rng.choice(SYNTAX) + data[at:]
        path = out / f"{i:05d}~{how.replace('+', '_')}~{Path(name).name}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def check_same(sets: dict[str, list[Path]], ref: str, installed: bool = False) -> int:
    """Files whose Filing JSON (notes included) or refusal differs between ``ref`` and this
    checkout (``installed``: the installed build, compiled or not): a speed change, or the
    compiled build against the source it was built from, must show none."""
    differ = 0
    with exported(ref) as base_root:
        current, baseline = Worker(ROOT, sets, installed), Worker(base_root, sets)
        if installed:
            print(f"installed build at {current.where} (compiled: {current.compiled})")
        try:
            for name in sets:
                mine, theirs = current.dump(name), baseline.dump(name)
                bad = sorted(p for p in mine if mine[p] != theirs[p])
                differ += len(bad)
                print(f"{name}: {len(mine)} files, {len(bad)} differ from {ref}")
                for p in bad:
                    print(f"  {p}")
        finally:
            current.close()
            baseline.close()
    return 1 if differ else 0


# --- XML: this checkout only ----------------------------------------------------------------


def xml_rate(folder: Path, runs: int, seconds: float) -> tuple[int, float]:
    from parsers import ParseError, parse_bytes  # noqa: PLC0415 -- only the XML half needs it

    files = load(folder, {".xml", ".nc", ".txt"})
    rates = []
    for _ in range(runs):
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
                rates.append(done / elapsed)
                break
    return len(files), statistics.median(rates)


def xml_versus_etree(folder: Path, rounds: int, seconds: float = 0.0) -> dict[str, float]:
    """Median over ``rounds`` of (parser passes / ``fromstring`` passes), in CPU seconds.

    A pass over the real filings takes a few milliseconds: one pass a side made a round's
    ratio swing with whatever else ran in that moment. A round is enough passes of each side
    for ``fromstring`` to take about ``seconds``, taken in turns (which side goes first
    flips every round), so both sides share the same stretch of machine load."""
    from xml.etree import ElementTree  # noqa: PLC0415 -- only the XML half needs these

    from parsers import Limits, parse_bytes  # noqa: PLC0415
    from parsers.xml import parse_xml, xml_document  # noqa: PLC0415

    files = load(folder, {".xml", ".nc", ".txt"})
    documents = [xml_document(data) for _path, data in files]
    limits = Limits()

    def etree() -> None:
        for document in documents:
            ElementTree.fromstring(document)

    def parser() -> None:
        for path, data in files:
            parse_xml(data, path=path, sha256="", limits=limits)

    def whole() -> None:
        for path, data in files:
            parse_bytes(data, path, limits)

    def cpu(step: Callable[[], None]) -> float:
        start = time.process_time()
        step()
        return time.process_time() - start

    parser(), whole()  # warm: imports, compiled patterns, pydantic's validators
    passes = max(1, math.ceil(seconds / max(cpu(etree), 1e-6)))
    ratios: dict[str, list[float]] = {"parser": [], "whole": []}
    for i in range(rounds):
        for name, step in (("parser", parser), ("whole", whole)):
            spent = {etree: 0.0, step: 0.0}
            for _ in range(passes):
                for side in (etree, step) if i % 2 == 0 else (step, etree):
                    spent[side] += cpu(side)
            ratios[name].append(spent[step] / spent[etree])
    return {
        "passes": passes,
        "files": len(files),
        "ratio": statistics.median(ratios["parser"]),
        "ratio_whole": statistics.median(ratios["whole"]),
    }


def emit(
    as_json: bool,
    measure: str,
    label: str,
    value: float,
    unit: str,
    baseline: float | None,
    goal: str | None,
    text: str,
) -> None:
    if as_json:
        print(
            json.dumps(
                {
                    "measure": measure,
                    "label": label,
                    "value": round(value, 3),
                    "unit": unit,
                    "baseline": None if baseline is None else round(baseline, 3),
                    "goal": goal,
                }
            )
        )
    else:
        print(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--rounds",
        type=int,
        default=9,
        help="text: interleaved rounds per corpus; xml: rounds of the ElementTree comparison",
    )
    ap.add_argument("--runs", type=int, default=3, help="xml: runs (median taken)")
    ap.add_argument("--seconds", type=float, default=0.3, help="length of a round or run")
    ap.add_argument(
        "--slices",
        type=int,
        default=6,
        help="text: turns each version takes in a round, alternating (finer interleaving: "
        "a change of load within a round falls on both versions)",
    )
    ap.add_argument("--text", type=Path, default=SHARED / "seeds")
    ap.add_argument("--renderings", type=Path, default=RENDERINGS)
    ap.add_argument("--xml", type=Path, default=SHARED / "realdata" / "xml")
    ap.add_argument(
        "--text-baseline",
        default=DEFAULT_TEXT_BASELINE,
        metavar="REF",
        help=f"git ref whose parsers/ the text parser is compared with (default "
        f"{DEFAULT_TEXT_BASELINE}: main before the speed work of #16)",
    )
    ap.add_argument("--json", action="store_true", help="one JSON object a measure (stdout)")
    ap.add_argument(
        "--check-same",
        metavar="REF",
        help="time nothing: list the text files (with --check-xml also the XML filings and "
        "--mutants mutants of them) whose reading (Filing JSON with its notes, or the refusal) "
        "differs between REF and this checkout; exit 1 if any does",
    )
    ap.add_argument(
        "--check-xml",
        action="store_true",
        help="with --check-same: compare the XML filings under --xml and their mutants too",
    )
    ap.add_argument(
        "--mutants",
        type=int,
        default=3000,
        help="with --check-xml: mutants of the XML filings compared (0: none)",
    )
    ap.add_argument("--seed", type=int, default=1, help="with --check-xml: the mutants' seed")
    ap.add_argument(
        "--installed",
        action="store_true",
        help="time (or --check-same) the installed build of parsers (``pip install .``: the "
        "text parser mypyc-compiled, see setup.py) instead of this checkout's source; the "
        "baseline is REF's source either way",
    )
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args.worker, args.installed)

    def say(msg: str) -> None:
        print(msg, file=sys.stderr if args.json else sys.stdout)

    sets: dict[str, list[Path]] = {}
    for name, folder in (("seeds", args.text), ("renderings", args.renderings)):
        if not folder.is_dir():
            say(f"text {name} skipped: {folder} not found")
            continue
        sets[name] = [Path(p) for p, _ in load(folder, TEXT_SUFFIXES)]
    if args.check_same:
        if not args.check_xml or not args.xml.is_dir():
            return check_same(sets, args.check_same, args.installed)
        sets["xml"] = [Path(p) for p, _ in load(args.xml, {".xml", ".nc", ".txt"})]
        if args.mutants:
            with tempfile.TemporaryDirectory(prefix="bench-parse-mutants-") as tmp:
                sets["xml-mutants"] = xml_mutants(args.xml, args.mutants, args.seed, Path(tmp))
                return check_same(sets, args.check_same, args.installed)
        return check_same(sets, args.check_same, args.installed)
    this = "this code (installed build)" if args.installed else "this code"
    load_before = os.getloadavg()
    say(
        f"text parser vs {args.text_baseline}: {args.rounds} rounds of ~{args.seconds}s CPU "
        f"each per version, in {max(1, args.slices)} alternating turns; load average "
        f"{load_before[0]:.2f}"
    )
    results = (
        compare(
            sets,
            args.text_baseline,
            args.rounds,
            args.seconds,
            max(1, args.slices),
            args.installed,
        )
        if sets
        else {}
    )
    for name, r in results.items():
        spread = ", ".join(f"{x:.2f}" for x in sorted(r["speedups"]))
        ok, refused = r["outcome"][:2]
        differs = "" if len(r["outcome"]) == 2 else f"  BASELINE DIFFERS: {r['outcome'][2:]}"
        emit(
            args.json,
            f"parse.text.{name}.speedup_vs_baseline",
            f"text parser speed on the {name} ({r['files']} files), {this}{r['built']} / "
            f"{args.text_baseline} (same bytes, same run, interleaved)",
            r["speedup"],
            "x",
            1.0,
            SPEEDUP_GOAL,
            f"text {name:10} {r['files']:3} files ({ok} read, {refused} refused)  speedup "
            f"{r['speedup']:.2f}x  [{spread}] (best rounds {r['best_speedup']:.2f}x)  "
            f"{r['current']:,.0f} vs {r['baseline']:,.0f} filings per CPU-s{differs}",
        )
        if args.json:
            emit(
                True,
                f"parse.text.{name}.filings_per_s",
                f"text parser filings per CPU-second on the {name}, one core (absolute: "
                "machine- and load-dependent)",
                r["current"],
                "filings/s",
                r["baseline"],
                None,
                "",
            )
    if results:
        worst = min(r["speedup"] for r in results.values())
        emit(
            args.json,
            "parse.text.speedup_vs_baseline",
            f"text parser speed, {this} / {args.text_baseline}: the lower of the seeds' and "
            "the renderings' median speedups",
            worst,
            "x",
            1.0,
            SPEEDUP_GOAL,
            f"text speedup vs {args.text_baseline} (lower of the two): {worst:.2f}x "
            f"(goal {SPEEDUP_GOAL}); load average now {os.getloadavg()[0]:.2f}",
        )
    if args.xml.is_dir():
        n, rate = xml_rate(args.xml, args.runs, args.seconds)
        emit(
            args.json,
            "parse.xml.filings_per_s",
            "XML parser filings/s, one core (absolute: machine- and load-dependent)",
            rate,
            "filings/s",
            None,
            None,
            f"xml {n:3} files  {rate:9,.0f} filings/s",
        )
        versus = xml_versus_etree(args.xml, args.rounds, args.seconds)
        emit(
            args.json,
            "parse.xml.ratio_vs_etree",
            "XML parse time (parsers.xml.parse_xml) / ElementTree.fromstring time of the same "
            "documents (same run, CPU time, median of rounds)",
            versus["ratio"],
            "x",
            None,
            "<= 1.5",
            f"xml parse_xml / ElementTree.fromstring: {versus['ratio']:.2f}x (goal <= 1.5), "
            f"parse_bytes / fromstring {versus['ratio_whole']:.2f}x; median of {args.rounds} "
            f"rounds of {versus['passes']:.0f} passes a side over {versus['files']:.0f} files; "
            f"load average now "
            f"{os.getloadavg()[0]:.2f}",
        )
        if args.json:
            emit(
                True,
                "parse.xml.ratio_vs_etree_parse_bytes",
                "parse_bytes time on the XML (adds the hash and the screen) / "
                "ElementTree.fromstring time (same run, CPU time, median of rounds)",
                versus["ratio_whole"],
                "x",
                None,
                None,
                "",
            )
    else:
        say(f"xml skipped: {args.xml} not found")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
