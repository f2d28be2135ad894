"""A table region a converter wrote column by column, one cell a paragraph, back into rows.

markitdown (pdfminer's layout analysis) at times prints a table's cells as paragraphs between
blank lines, column after column: the four titles, then the four dates, the four codes, ... .
Read line by line, each cell is a row of its own. The form fixes the order of the columns, and
each paragraph holds one cell, so where every column has a cell in every row, row ``i`` is the
``i``-th cell of each column. Empty cells print nothing, so a column with fewer cells than the
table has rows cannot be attributed: then the region is left as it was (and read as it was).
Price and balance come back interleaved (``$5.3569``, ``8,536,067``, ``$5.4231``, ...) or one
column after the other; the dollar signs tell which.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from parsers.text.cells import BLANK, PLAIN, TAB, Row
from parsers.text.tokens import DATE, IMMED, LETTER, MARKER, NA, NUM, TEXT, Token, tokenize

_FURNITURE = re.compile(r"Form\s+filed\s+by|\(e\.g\.,?\s+puts", re.I)
"""Box 6's lines, which the converter may place under the Table I landmark, and Table II's
subtitle."""


def untranspose(rows: list[Row], is_caption: Callable[[str], bool], width: int) -> list[Row]:
    """``rows`` rebuilt as one row of cells a table row when they are a column-by-column dump;
    otherwise ``rows`` unchanged. ``is_caption(text)`` tells a line of column captions;
    ``width`` is the table's number of columns, which no rebuilt row may exceed."""
    if not rows or any(r.shape not in (PLAIN, BLANK) for r in rows):
        return rows
    cells: list[tuple[int, str, str, Token]] = []  # line, text, kind, first token
    started = False
    para: list[Row] = []
    for r in [*rows, Row(0, (), (), BLANK, "")]:
        if r.shape != BLANK:
            para.append(r)
            continue
        if not para:
            continue
        lines = para
        para = []
        if not started:
            lines = [x for x in lines if not is_caption(x.text) and not _FURNITURE.search(x.text)]
            if not lines:
                continue
            started = True
        else:  # ``Code`` / ``X(1)``: a caption printed on top of the first value (``A``, ``I``
            # and ``D`` read as captions too, but as values they are letters, not text)
            lines = [x for x in lines if not (_is_text(x.text) and is_caption(x.text))] or lines
        text = " ".join(x.text for x in lines)
        kind = _kind(text)
        if (kind is None or kind[0] == "text") and all(is_caption(x.text) for x in lines):
            break  # the next table's captions, printed before its landmark
        if kind is None:
            return rows
        cells.append((lines[0].line, text, kind[0], kind[1]))
    if len(cells) < 2 or cells[0][2] != "text":
        return rows
    runs: list[list[tuple[int, str, str, Token]]] = []
    for c in cells:
        if runs and runs[-1][0][2] == c[2]:
            runs[-1].append(c)
        else:
            runs.append([c])
    n = len(runs[0])
    if n == 1:  # one row: its cells in the form's order
        return _rebuild([cells]) if len(cells) <= width else rows
    table: list[list[tuple[int, str, str, Token]]] = [[] for _ in range(n)]
    for run in runs:
        if len(run) == n:
            for i in range(n):
                table[i].append(run[i])
        elif len(run) == 2 * n and run[0][2] == "number":
            dollars = [c[3].dollar for c in run]
            if dollars == [True, False] * n:  # price and balance, row after row
                for i in range(n):
                    table[i].extend(run[2 * i : 2 * i + 2])
            elif dollars == [True] * n + [False] * n:  # the price column, then the balance
                for i in range(n):
                    table[i].extend((run[i], run[n + i]))
            else:
                return rows
        else:
            return rows
    if any(len(cells) > width for cells in table):
        return rows
    return _rebuild(table)


def _is_text(text: str) -> bool:
    kind = _kind(text)
    return kind is None or kind[0] == "text"


def _kind(text: str) -> tuple[str, Token] | None:
    """What one paragraph holds: text (a title, a nature of ownership), or exactly one value.
    None when it holds several values: not one cell, so not a column-by-column dump."""
    tokens = tokenize((text,), (0,))
    if not tokens:
        return None
    first = tokens[0]
    if first.kind == TEXT:
        return "text", first
    if len(tokens) != 1:
        return None
    kinds = {DATE: "date", NUM: "number", LETTER: "letter", MARKER: "marker", NA: "marker"}
    kind = kinds.get(first.kind, "immed" if first.kind == IMMED else None)
    return (kind, first) if kind else None


def _rebuild(table: list[list[tuple[int, str, str, Token]]]) -> list[Row]:
    out: list[Row] = []
    for cells in table:
        texts = tuple(c[1] for c in cells)
        line = cells[0][0]
        out.append(Row(line, texts, tuple(range(len(texts))), TAB, " ".join(texts)))
        out.append(Row(line, (), (), BLANK, ""))
    return out
