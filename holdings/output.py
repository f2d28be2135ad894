"""Results as a rich table for people, or JSON / CSV for machines: one function each way.

CSV is opened in spreadsheets, which run a cell that starts like a formula: every CSV cell goes
through ``csv_cell``, which neutralises those as OWASP recommends (a leading apostrophe) while
numbers such as ``-1100`` stay numbers.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Sequence
from decimal import Decimal
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
    if fmt is Format.json:
        sys.stdout.write(json.dumps(list(rows), indent=2, default=str) + "\n")
        return
    if fmt is Format.csv:
        names = list(columns or (rows[0].keys() if rows else []))
        if rows:
            names += [k for k in rows[0] if k not in names]
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=names, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: csv_cell(r.get(k)) for k in names})
        sys.stdout.write(buf.getvalue())
        return
    console = console or stdout_console()
    names = list(columns or (rows[0].keys() if rows else []))
    table = Table(title=title, show_lines=False, header_style="bold")
    for n in names:
        numeric = (rows and isinstance(rows[0].get(n), int | Decimal)) or n in {
            "balance",
            "quantity",
            "price",
            "running",
            "reported",
            "expected",
            "difference",
            "events",
            "filings",
            "business_days_late",
        }
        table.add_column(n.replace("_", " "), justify="right" if numeric else "left")
    for r in rows:
        style = "bold red" if highlight and r.get(highlight) is False else None
        table.add_row(
            *("" if r.get(n) is None else escape(str(r.get(n))) for n in names), style=style
        )
    console.print(table)
