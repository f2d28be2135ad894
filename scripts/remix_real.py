"""Recombine the work list's real filings into new ones, for renderings the parser has not seen.

    python scripts/remix_real.py --out /work/remix/xml --seed 21 [--per 1] [--share 0.8]
    python scripts/render_corpus.py --synthetic-dir /work/remix/xml --out /work/remix/r21
    python scripts/score_renderings.py /work/remix/r21

The synthetic corpus draws every filing from one template, so its renderings share their
shapes; the real filings' shapes are what the held-out set is judged on, and there are few of
them. A remix keeps each real filing's structure (forms, tables, rows, footnotes, dates,
amounts) and swaps, with probability ``--share`` each, its issuer's name, its owners' names and
its titles for values other real filings of the work list hold. A title or a name of another
length wraps, or does not, at other places on the page, and meets other neighbours: the kinds
of rendering the held-out set holds and the work list lacks (issue #12: a Table II title that
a price printed one space after it, a further owner's box cut into Table II's cells).

The held-out filings (``scripts/renderings_heldout.txt``) are never read: not as bases, and not
for values. Each output file is an ``<ownershipDocument>``, its own truth.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from render_corpus import REAL_SUFFIXES, held_out_names  # noqa: E402

REAL = ROOT.parent / "shared" / "realdata" / "xml"
_DOCUMENT = re.compile(rb"<ownershipDocument>.*</ownershipDocument>", re.S)
SWAPPED = (
    "issuer/issuerName",
    "reportingOwner/reportingOwnerId/rptOwnerName",
    "nonDerivativeTable/*/securityTitle/value",
    "derivativeTable/*/securityTitle/value",
    "derivativeTable/*/underlyingSecurity/underlyingSecurityTitle/value",
)
"""Where the values swapped stand; each draws from the values the work list holds there."""
SHAPES = (
    "*/*/transactionAmounts/transactionPricePerShare/value",
    "*/*/ownershipNature/natureOfOwnership/value",
    "derivativeTable/*/conversionOrExercisePrice/value",
    "reportingOwner/reportingOwnerRelationship/officerTitle",
    "reportingOwner/reportingOwnerAddress/rptOwnerStreet1",
    "reportingOwner/reportingOwnerAddress/rptOwnerCity",
    "footnotes/footnote",
    "remarks",
)
"""Swapped too with ``--shapes``: prices of other widths, natures of ownership, officer titles,
addresses and footnotes of other lengths, which move where lines wrap and what stands beside
what (and the issuer's name is swapped with its own ticker, :func:`issuers`). Kept apart so
that a seed drawn without it gives the files it gave before."""
AMOUNTS = (
    "*/*/transactionAmounts/transactionShares/value",
    "*/*/postTransactionAmounts/sharesOwnedFollowingTransaction/value",
    "derivativeTable/*/underlyingSecurity/underlyingSecurityShares/value",
)
"""Scaled with ``--shapes``, all of a filing's by one factor drawn from :data:`FACTORS`: amounts
of other widths that still add up (a balance after an acquisition stays above its amount, and
the reader checks that: swapped amounts made it read (D) where the filing says (A))."""
FACTORS = (3, 7, 13, 1000, 10007)


def work_list(real: Path) -> list[tuple[str, ET.Element]]:
    """The real filings that are not held out, as ``(stem, ownershipDocument)``."""
    held = held_out_names()
    docs = []
    for p in sorted(real.iterdir()):
        if p.name in held or p.suffix.lower() not in REAL_SUFFIXES or not p.is_file():
            continue
        m = _DOCUMENT.search(p.read_bytes())
        if m is None:
            continue
        try:
            docs.append((p.stem, ET.fromstring(m.group(0))))
        except ET.ParseError:
            continue
    return docs


def pools(
    docs: list[tuple[str, ET.Element]], paths: tuple[str, ...] = SWAPPED
) -> dict[str, list[str]]:
    """Every value the work list holds at each swapped place, sorted (a seed then gives the same
    draws on every machine)."""
    found: dict[str, set[str]] = {path: set() for path in paths}
    for _, doc in docs:
        for path in paths:
            for e in doc.iterfind(path):
                if e.text and e.text.strip():
                    found[path].add(e.text.strip())
    return {path: sorted(values) for path, values in found.items() if values}


def issuers(docs: list[tuple[str, ET.Element]]) -> list[tuple[str, str]]:
    """Every issuer's name with its own ticker, sorted: ``--shapes`` swaps them together, as
    a real box 2 prints them (a ticker spelt from the name is a cue the reader uses)."""
    found = set()
    for _, doc in docs:
        name = (doc.findtext("issuer/issuerName") or "").strip()
        ticker = (doc.findtext("issuer/issuerTradingSymbol") or "").strip()
        if name and ticker:
            found.add((name, ticker))
    return sorted(found)


_KINDS = {
    "title": "nonDerivativeTable/*/securityTitle/value",
    "derivative": "derivativeTable/*/securityTitle/value",
    "underlying": "derivativeTable/*/underlyingSecurity/underlyingSecurityTitle/value",
    "nature": "*/*/ownershipNature/natureOfOwnership/value",
}
"""The other kinds a ``--names`` file may list, and where their values stand."""


def names_from(path: Path) -> tuple[list[str], list[tuple[str, str]], dict[str, list[str]]]:
    """Owner names, issuer ``(name, ticker)`` pairs, and titles and natures by where they stand,
    from a tab-separated list (``--names``): the work list holds a few dozen names and titles,
    the held-out filings other shapes of them."""
    owners: list[str] = []
    pairs: list[tuple[str, str]] = []
    others: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, *rest = line.split("\t")
        if kind == "owner" and rest:
            owners.append(rest[0].strip())
        elif kind == "issuer" and len(rest) >= 2:
            pairs.append((rest[0].strip(), rest[1].strip()))
        elif kind in _KINDS and rest:
            others.setdefault(_KINDS[kind], []).append(rest[0].strip())
    return sorted(owners), sorted(pairs), {k: sorted(v) for k, v in others.items()}


def remix(
    doc: ET.Element,
    values: dict[str, list[str]],
    rng: random.Random,
    share: float,
    pairs: list[tuple[str, str]] | None = None,
) -> bytes:
    """A copy of ``doc`` with each swapped value replaced, with probability ``share``; with
    ``pairs`` (``--shapes``), the issuer's name and ticker are swapped together for one of
    them, and the amounts scaled (:data:`AMOUNTS`)."""
    copy = ET.fromstring(ET.tostring(doc))
    if pairs:
        factor = Decimal(rng.choice(FACTORS))
        for path in AMOUNTS:
            for e in copy.iterfind(path):
                try:
                    e.text = format((Decimal(e.text or "") * factor).normalize(), "f")
                except InvalidOperation:
                    continue
    if pairs and rng.random() < share:
        name, ticker = rng.choice(pairs)
        for path, text in (("issuer/issuerName", name), ("issuer/issuerTradingSymbol", ticker)):
            for e in copy.iterfind(path):
                e.text = text
    for path, pool in values.items():
        if pairs and path == "issuer/issuerName":
            continue
        for e in copy.iterfind(path):
            if rng.random() < share:
                e.text = rng.choice(pool)
    return b'<?xml version="1.0"?>\n' + ET.tostring(copy)


_TRANSACTION_ONLY = (
    "transactionDate",
    "deemedExecutionDate",
    "transactionCoding",
    "transactionTimeliness",
    "transactionAmounts",
)
"""A transaction's elements that a holding of the same table lacks; the rest stand in the
holding's order already."""


def reshape(doc: ET.Element, rng: random.Random, share: float) -> None:
    """``--rows``: other structures from the same rows, which the work list holds few of (a
    Form 4 holding options in Table II, rows repeated): each table's transactions, with
    probability ``share / 2`` each, become holdings (their transaction's elements dropped,
    printed after the transactions, as the form orders them), and with the same probability a
    row is printed twice (its balance too: a column dump's reading by the chain of balances
    then leaves such a table out, as it should)."""
    for table, row in (("nonDerivativeTable", "nonDerivative"), ("derivativeTable", "derivative")):
        t = doc.find(table)
        if t is None:
            continue
        moves = [e for e in t if e.tag == f"{row}Transaction"]
        held = [e for e in t if e.tag == f"{row}Holding"]
        kept = []
        for e in moves:
            if rng.random() < share / 2:
                e.tag = f"{row}Holding"
                for tag in _TRANSACTION_ONLY:
                    for child in e.findall(tag):
                        e.remove(child)
                held.insert(0, e)
            else:
                kept.append(e)
        rows = []
        for e in kept:
            rows.append(e)
            if rng.random() < share / 2:
                rows.append(ET.fromstring(ET.tostring(e)))
        for e in list(t):
            t.remove(e)
        for e in rows + held:
            t.append(e)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="folder to write the XML to")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--per", type=int, default=1, help="remixes of each real filing")
    ap.add_argument("--share", type=float, default=0.8, help="chance each value is swapped")
    ap.add_argument("--real", type=Path, default=REAL, help="folder of real ownership XML")
    ap.add_argument(
        "--shapes", action="store_true", help="swap amounts, natures, addresses, footnotes too"
    )
    ap.add_argument(
        "--names",
        type=Path,
        metavar="FILE",
        help="draw owner names and issuers (each with its ticker, as --shapes swaps them) from"
        " FILE (scripts/remix_names.tsv) instead of the work list's",
    )
    ap.add_argument(
        "--titles",
        action="store_true",
        help="with --names, draw titles and natures from FILE's lists too",
    )
    ap.add_argument(
        "--rows",
        action="store_true",
        help="turn some transactions into holdings and print some rows twice (other structures)",
    )
    args = ap.parse_args(argv)
    docs = work_list(args.real)
    if not docs:
        print(f"remix_real: no real filings in {args.real}", file=sys.stderr)
        return 2
    values = pools(docs, SWAPPED + SHAPES if args.shapes else SWAPPED)
    pairs = issuers(docs) if args.shapes else None
    if args.names:
        owners, named, others = names_from(args.names)
        values["reportingOwner/reportingOwnerId/rptOwnerName"] = owners
        pairs = named
        if args.titles:
            values.update(others)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    n = 0
    for stem, doc in docs:
        for k in range(args.per):
            name = f"remix{args.seed}_{k}_{stem}.xml"
            if args.rows:
                doc = ET.fromstring(ET.tostring(doc))
                reshape(doc, rng, args.share)
            (args.out / name).write_bytes(remix(doc, values, rng, args.share, pairs))
            n += 1
    print(f"{n} remixed filings of {len(docs)} real ones in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
