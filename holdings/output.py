"""Results as a rich table for people, or JSON / CSV for machines: one function each way.

CSV is opened in spreadsheets, which run a cell that starts like a formula: every CSV cell goes
through ``csv_cell``, which neutralises those as OWASP recommends (a leading apostrophe) while
numbers such as ``-1100`` stay numbers.

Tables are for reading: numbers get thousands separators (``1,414,849``) and long cells fold
rather than being cut. JSON and CSV are for machines: numbers exactly as stored, no separators.
Messages about the result itself (nothing found, nothing to do) go to stderr (``say``), so
that stdout stays the result."""

from __future__ import annotations

import csv
import itertools
import json
import re
import sys
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def stdout_console() -> Console:
    return Console(soft_wrap=False, width=None if sys.stdout.isatty() else 200)


def stderr_console() -> Console:
    """Messages are never wrapped: one error is one line, terminal or not (a log, a pipe)."""
    return Console(stderr=True, soft_wrap=True)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def csv_cell(value: Any) -> Any:
    """A value safe to put in a CSV cell: text that a spreadsheet would read as a formula
    (``=HYPERLINK(...)``, ``+1+cmd``, ``@SUM``, a leading tab or CR) gets a leading ``'``;
    a number, written as one (``-1100``, ``+2.5``), is left as it is."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def say(message: str) -> None:
    """A line about the result (an empty one, say) on stderr."""
    stderr_console().print(message, highlight=False, markup=False, soft_wrap=True)


NUMERIC = frozenset(
    {
        "balance",
        "reported_balance",
        "quantity",
        "price",
        "running",
        "reported",
        "expected",
        "difference",
        "events",
        "filings",
        "shares",
        "shares_owned_following",
        "exercise_price",
        "appended_filings",
        "events_appended",
        "already_present",
        "quarantined",
        "conflicts",
        "size",
        "positions",
        "business_days_late",
    }
)
"""Columns that hold amounts or counts: right-aligned and grouped in a table."""


_PLAIN = frozenset({"line", "id", "row", "row_index", "seq"})
"""Numbers that name a place, not an amount: never grouped."""


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def group(value: object) -> str:
    """A number with thousands separators, as exact as it came (``-28000`` -> ``-28,000``,
    ``+57.1621`` -> ``+57.1621``, ``458716.2944`` -> ``458,716.2944``); anything else as is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    text = str(value)
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    grouped = f"{number:,}"
    return f"+{grouped}" if text.startswith("+") else grouped


def emit_stream(
    rows: Iterable[dict[str, Any]],
    fmt: Format,
    *,
    title: str | None = None,
    columns: Sequence[str] | None = None,
    highlight: str | None = None,
    console: Console | None = None,
) -> None:
    """``emit``, row by row where the format allows: JSON and CSV are written as the rows come
    (the same bytes ``emit`` writes), so printing a million rows holds one; a table must
    measure its columns, so it holds them all."""
    if fmt is Format.json:
        write_json_list(rows, level=0, default=str)
        sys.stdout.write("\n")
        return
    if fmt is Format.csv:
        it = iter(rows)
        first = next(it, None)
        names = list(columns or (first.keys() if first else []))
        if first:
            names += [k for k in first if k not in names]
        writer = csv.DictWriter(
            sys.stdout, fieldnames=names, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        if first is not None:
            for r in itertools.chain([first], it):
                writer.writerow({k: csv_cell(r.get(k)) for k in names})
        return
    emit(list(rows), fmt, title=title, columns=columns, highlight=highlight, console=console)


def write_json_list(items: Iterable[Any], level: int, default: Any = None, out: Any = None) -> None:
    """``json.dumps(list(items), indent=2)`` as it would appear ``level`` levels deep in a
    document, written item by item (no newline after the closing bracket)."""
    out = out or sys.stdout
    pad = "  " * level
    first = True
    for item in items:
        out.write("[\n" if first else ",\n")
        first = False
        text = json.dumps(item, indent=2, default=default)
        out.write("\n".join(pad + "  " + line for line in text.split("\n")))
    out.write("[]" if first else "\n" + pad + "]")


def emit(
    rows: Sequence[dict[str, Any]],
    fmt: Format,
    *,
    title: str | None = None,
    columns: Sequence[str] | None = None,
    highlight: str | None = None,
    console: Console | None = None,
) -> None:
    """Print ``rows``. In a table, ``columns`` picks and orders the columns shown and a row whose
    ``highlight`` field is false is drawn in red (a discrepancy)."""
    if fmt is not Format.table:  # JSON and CSV: one writer, emit_stream's
        emit_stream(rows, fmt, columns=columns)
        return
    if not rows:
        return  # an empty table says nothing: the caller says so on stderr
    console = console or stdout_console()
    names = list(columns or rows[0].keys())
    table = Table(title=title, show_lines=False, header_style="bold")
    numeric = {
        n
        for n in names
        if n in NUMERIC or (n not in _PLAIN and rows and _is_number(rows[0].get(n)))
    }
    for n in names:
        table.add_column(
            n.replace("_", " "), justify="right" if n in numeric else "left", overflow="fold"
        )
    for r in rows:
        style = "bold red" if highlight and r.get(highlight) is False else None
        table.add_row(
            *(
                "" if r.get(n) is None else escape(group(r[n]) if n in numeric else str(r[n]))
                for n in names
            ),
            style=style,
        )
    console.print(table)
