"""Score text renderings of filings against their XML: exact, empty, or wrong, per converter.

    python scripts/score_renderings.py /work/renderings
    python scripts/score_renderings.py /work/renderings --held-out scripts/renderings_heldout.txt
    python scripts/score_renderings.py tests/fixtures/renderings --json > score.json
    python scripts/score_renderings.py /work/renderings --known-from ../shared/realdata/xml

Every folder holding a ``truth.xml`` is a filing; every other text file in it is one
converter's rendering (``<converter>.<ext>``). Besides exact / empty / wrong over every truth
field, each field is judged *shown* or not (``holdings.render_shown``: whether the rendering text
shows the value correctly, near its row); the shown columns give exactness and wrong values among
shown fields (issue #12's goal), and ``misread`` the wrong values the converter itself caused.
Box 5 (the relationship check boxes and the title written under them) is a second table, kept
apart so that the first stays comparable with earlier runs.
The comparison itself lives in ``holdings.render_score`` so that ``tests/test_renderings.py``
scores the same way.
Exit 1 when any value is wrong, box 5's included.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from holdings.render_score import (
    Report,
    box5_markdown_table,
    box5_table,
    empty_counts,
    empty_field,
    find_renderings,
    known_issuers,
    markdown_kinds,
    markdown_table,
    read_names,
    score_all,
    table,
    wrong_kinds,
)

HELD_OUT = Path(__file__).resolve().parent / "renderings_heldout.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("roots", nargs="+", type=Path, help="folders of renderings")
    parser.add_argument(
        "--held-out", type=Path, metavar="FILE", help="score only the filings named in FILE"
    )
    parser.add_argument(
        "--exclude",
        type=Path,
        metavar="FILE",
        action="append",
        help="skip the filings named in FILE",
    )
    parser.add_argument("--converter", action="append", help="score only this converter")
    parser.add_argument("--json", action="store_true", help="print JSON for machines")
    parser.add_argument(
        "--markdown", action="store_true", help="print the table and wrong kinds as markdown"
    )
    parser.add_argument(
        "--show-wrong", type=int, default=50, metavar="N", help="list at most N wrong values"
    )
    parser.add_argument(
        "--show-empty",
        type=int,
        default=0,
        metavar="N",
        help="list at most N fields the rendering shows and the parser left empty",
    )
    parser.add_argument("--kinds", type=int, default=30, help="most common wrong kinds to list")
    parser.add_argument(
        "--known-from",
        type=Path,
        metavar="DIR",
        help="read each rendering knowing the issuer names (by ticker) of the XML filings in "
        "DIR, as a ledger holding them would: never its own filing's, never a held-out one's",
    )
    args = parser.parse_args(argv)

    only = read_names(args.held_out) if args.held_out else None
    exclude: set[str] = set()
    for f in args.exclude or []:
        exclude |= read_names(f)
    renderings = list(
        find_renderings(
            args.roots,
            only=only,
            exclude=exclude,
            converters=set(args.converter) if args.converter else None,
        )
    )
    if not renderings:
        print("score_renderings: no renderings found (folders with truth.xml)", file=sys.stderr)
        return 2
    known = None
    if args.known_from:
        known = known_issuers(args.known_from, read_names(HELD_OUT))
    report = score_all(renderings, known)
    if args.held_out:
        return _numbers_only(report, args.json, args.markdown, args.kinds)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=1)
        print()
        return _status(report)

    if args.markdown:
        print(markdown_table(report))
        print()
        print(box5_markdown_table(report))
        print()
        print(markdown_kinds(report, args.kinds))
        return _status(report)

    print(table(report))
    print()
    print(box5_table(report))
    if report.errors:
        print(f"\nrefused ({len(report.errors)}):")
        for file, conv, err in report.errors:
            print(f"  {conv:<20} {file}: {err.rsplit(': ', 1)[-1][:160]}")
    if report.wrongs:
        print(f"\nwrong values ({len(report.wrongs)}; first {args.show_wrong}):")
        for w in report.wrongs[: args.show_wrong]:
            where = f":{w.line}" if w.line else ""
            tag = "" if w.shown else " [misread by converter]"
            print(
                f"  {w.converter:<20} {w.file}{where} {w.field}: truth {w.truth!r} "
                f"got {w.got!r}{tag}"
            )
            if w.source_line:
                print(f"      | {w.source_line[:150]}")
    if report.box5_wrongs:
        print(f"\nbox 5 wrong values ({len(report.box5_wrongs)}; first {args.show_wrong}):")
        for w in report.box5_wrongs[: args.show_wrong]:
            tag = "" if w.shown else " [misread by converter]"
            print(f"  {w.converter:<20} {w.file} {w.field}: truth {w.truth!r} got {w.got!r}{tag}")
    if report.wrongs:
        print(f"\nmost common kinds of wrong value among shown values (top {args.kinds}):")
        for kind, n, ex in wrong_kinds([w for w in report.wrongs if w.shown], args.kinds):
            print(f"  {n:>5}  {kind}  e.g. {ex.converter} {ex.file}: {ex.truth!r} -> {ex.got!r}")
    if args.show_empty and report.empties:
        _print_empties(report, args.show_empty)
    return _status(report)


def _print_empties(report: Report, top: int) -> None:
    """The shown values left empty: by field first, then each one with its source line."""
    print(f"\nshown values left empty ({len(report.empties)}), by field:")
    for name, n in empty_counts(report.empties):
        print(f"  {n:>5}  {name}")
    print(f"\nshown values left empty (first {top}):")
    for w in sorted(report.empties, key=lambda w: (w.converter, empty_field(w), w.file))[:top]:
        where = f":{w.line}" if w.line else ""
        print(f"  {w.converter:<20} {w.file}{where} {w.field}: truth {w.truth!r}")
        if w.source_line:
            print(f"      | {w.source_line[:150]}")


def _numbers_only(report: Report, as_json: bool, as_markdown: bool, kinds: int) -> int:
    """The held-out filings are only ever scored, never looked into: their report gives the
    counts and the kinds of wrong value, never a file, a value or a line of their text."""
    counted = [(kind, n) for kind, n, _ in wrong_kinds([w for w in report.wrongs if w.shown])]
    if as_json:
        numbers = {
            k: v
            for k, v in report.to_dict().items()
            if k in ("converters", "total", "box5", "box5_total")
        }
        numbers["wrong_kinds_among_shown"] = [{"kind": k, "count": n} for k, n in counted]
        numbers["empty_of_shown_by_field"] = [
            {"field": k, "count": n} for k, n in empty_counts(report.empties)
        ]
        json.dump(numbers, sys.stdout, indent=1)
        print()
    else:
        print(markdown_table(report) if as_markdown else table(report))
        print()
        print(box5_markdown_table(report) if as_markdown else box5_table(report))
        if report.errors:
            print(f"\nrefused: {len(report.errors)}")
        print(f"\nkinds of wrong value among shown values (top {kinds}):")
        for kind, n in counted[:kinds]:
            print(f"  {n:>5}  {kind}")
        box5_kinds = wrong_kinds([w for w in report.box5_wrongs if w.shown])
        if box5_kinds:
            print("\nbox 5: kinds of wrong value among shown values:")
            for kind, n, _ in box5_kinds:
                print(f"  {n:>5}  {kind}")
        print("\nshown values left empty, by field (every converter):")
        for name, n in empty_counts(report.empties):
            print(f"  {n:>5}  {name}")
    return _status(report)


def _status(report: Report) -> int:
    wrong = report.total.wrong or report.total.phantom_rows or report.box5_total.wrong
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
