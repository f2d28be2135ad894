"""Write a synthetic corpus of insider filings with known balances and injected discrepancies.

    python scripts/make_corpus.py --people 50 --filings 2000 --seed 7 --out /tmp/corpus \
        --discrepancies 10 --text-share 0.2 --dataset

The same arguments always give byte-identical files (no clock, one seeded random stream per
person). See ``holdings.corpus`` for what is drawn and ``truth.json`` for what the ledger must
find in it.
"""

from __future__ import annotations

import argparse
import sys
import time

from holdings.corpus import write_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, required=True, help="number of insiders")
    parser.add_argument("--filings", type=int, required=True, help="number of filings in all")
    parser.add_argument("--seed", type=int, required=True, help="random seed")
    parser.add_argument("--out", required=True, help="folder to write into")
    parser.add_argument(
        "--discrepancies", type=int, default=0, help="reported balances to falsify (default 0)"
    )
    parser.add_argument(
        "--text-share",
        type=float,
        default=0.2,
        help="share of people whose filings are text renderings (default 0.2)",
    )
    parser.add_argument(
        "--dataset", action="store_true", help="also write the SEC data set layout to OUT/dataset"
    )
    parser.add_argument("--force", action="store_true", help="replace a corpus already in OUT")
    args = parser.parse_args(argv)
    started = time.perf_counter()  # for the report on stderr only; the files never see it
    try:
        summary = write_corpus(
            args.out,
            people=args.people,
            filings=args.filings,
            seed=args.seed,
            discrepancies=args.discrepancies,
            text_share=args.text_share,
            dataset=args.dataset,
            overwrite=args.force,
        )
    except (ValueError, FileExistsError) as exc:
        print(f"make_corpus: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(
        f"{summary.filings} filings for {summary.people} people "
        f"({summary.xml_files} XML, {summary.text_files} text, {summary.amendments} amendments, "
        f"{summary.discrepancies} discrepancies{', data set' if summary.dataset else ''}) "
        f"in {args.out} ({elapsed:.1f}s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
