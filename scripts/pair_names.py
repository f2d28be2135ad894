"""Count how boxes 1 and 2 run together are read apart, over every pairing of real owners
with real issuers (the rules of ``parsers.text.header.split_by_issuer_name``).

    python scripts/pair_names.py                       # the work list's real filings
    python scripts/pair_names.py --show-wrong 20 --show-uncut 20
    python scripts/pair_names.py --wide                # made-up owners, listed issuers

Each owner's name is run together with each issuer's name (``SZE JULIA INNSUITES HOSPITALITY
TRUST``) and read apart once with the issuer's own ticker and once with each other issuer's
ticker (a ticker that tells nothing of the name, or misleads). A cut is right where it gives
back both names exactly; wrong where it gives others; none where both stay empty. The
held-out filings (``scripts/renderings_heldout.txt``) are never read.

The work list holds few names, so ``--wide`` pairs instead the made-up owners of
``tests/fixtures/names/owners.txt`` (every shape box 1 prints) with the listed issuers of
``tests/fixtures/names/issuers.tsv``, each with its own ticker only: issuers whose tickers are
spelt from a later word than the first (``WALT DISNEY CO``, ``DIS``) or from none are what the
work list lacks.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from holdings.render_score import read_names
from parsers import ParseError, parse_file
from parsers.text.header import Header, split_by_issuer_name

ROOT = Path(__file__).resolve().parents[1]


def names(folder: Path, held_out: set[str]) -> tuple[list[str], list[tuple[str, str | None]]]:
    owners: set[str] = set()
    issuers: set[tuple[str, str | None]] = set()
    for p in sorted(folder.iterdir()):
        if p.name in held_out or p.suffix not in (".xml", ".txt", ".nc"):
            continue
        try:
            f = parse_file(p)
        except ParseError:
            continue
        owners.update(o.name for o in f.reporting_owners if o.name)
        if f.issuer.name:
            issuers.add((f.issuer.name, f.issuer.ticker))
    return sorted(owners), sorted(issuers, key=lambda x: (x[0], x[1] or ""))


def wide_names() -> tuple[list[str], list[tuple[str, str | None]]]:
    """The made-up owners and the listed issuers of ``tests/fixtures/names``."""
    folder = ROOT / "tests" / "fixtures" / "names"
    lines = (folder / "owners.txt").read_text().splitlines()
    owners = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    rows = (folder / "issuers.tsv").read_text().splitlines()
    pairs = [ln.split("\t") for ln in rows if ln.strip() and not ln.startswith("#")]
    return owners, [(name, ticker) for name, ticker in pairs]


def cut(owner: str, issuer: str, ticker: str | None) -> tuple[str | None, str | None]:
    head = Header(run_together=f"{owner} {issuer}", ticker=ticker)
    split_by_issuer_name(head, "")
    return head.owner_name, head.issuer_name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "realdata" / "xml")
    held = ROOT / "scripts" / "renderings_heldout.txt"
    parser.add_argument("--held-out", type=Path, default=held)
    parser.add_argument("--show-wrong", type=int, default=10, metavar="N")
    parser.add_argument("--show-uncut", type=int, default=0, metavar="N")
    parser.add_argument("--wide", action="store_true", help="made-up owners, listed issuers")
    args = parser.parse_args(argv)
    if args.wide:
        owners, issuers = wide_names()
    else:
        owners, issuers = names(args.real, read_names(args.held_out))
    tally: Counter[tuple[str, str]] = Counter()
    wrong: list[str] = []
    uncut: list[str] = []
    for owner in owners:
        for issuer, own_ticker in issuers:
            tickers = [(own_ticker, "own")]
            if not args.wide:
                tickers += [(t, "other") for _, t in issuers if t != own_ticker]
            for ticker, whose in tickers:
                got = cut(owner, issuer, ticker)
                if got == (None, None):
                    tally[whose, "none"] += 1
                    if whose == "own":
                        uncut.append(f"{owner} | {issuer} [ {ticker} ]")
                elif got == (owner, issuer):
                    tally[whose, "right"] += 1
                else:
                    tally[whose, "wrong"] += 1
                    wrong.append(f"{owner} | {issuer} [ {ticker} ] -> {got[0]!r} | {got[1]!r}")
    print(f"{len(owners)} owners x {len(issuers)} issuers")
    for whose in ("own",) if args.wide else ("own", "other"):
        n = sum(v for (w, _), v in tally.items() if w == whose)
        print(
            f"{whose:>5} ticker: {n:>6} runs, {tally[whose, 'right']:>6} cut right, "
            f"{tally[whose, 'wrong']:>3} wrongly, {tally[whose, 'none']:>6} left empty"
        )
    for line in wrong[: args.show_wrong]:
        print(f"  wrong: {line}")
    for line in uncut[: args.show_uncut]:
        print(f"  uncut: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
