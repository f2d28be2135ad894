"""The form's column order for each table, and the alignment of typed tokens to it.

A token may only sit in a column that accepts its type; columns keep their order; an empty
column costs a little (more for columns a filing always fills); a token that fits nowhere is
dropped (and noted by the caller). When a row has exactly as many cells as the form has
columns, a token also earns a bonus for staying in its own cell's column -- that is what tells
the (A) from the (D) number in Table II and places a lone ``(4)`` marker, while a row whose
cells were split or merged still lines up by type alone.
"""

from __future__ import annotations

from parsers.text.tokens import DATE, IMMED, LETTER, MARKER, NA, NUM, TEXT, Token

T1_FORM4 = (
    "security_title",
    "transaction_date",
    "deemed_execution_date",
    "code",
    "voluntary",
    "shares",
    "acquired_disposed",
    "price",
    "shares_owned_following",
    "ownership",
    "nature_of_ownership",
)
T2_FORM4 = (
    "security_title",
    "exercise_price",
    "transaction_date",
    "deemed_execution_date",
    "code",
    "voluntary",
    "shares_a",
    "shares_d",
    "date_exercisable",
    "expiration_date",
    "underlying_title",
    "underlying_shares",
    "price",
    "shares_owned_following",
    "ownership",
    "nature_of_ownership",
)
T1_FORM5 = tuple(f for f in T1_FORM4 if f != "voluntary")
T2_FORM5 = tuple(f for f in T2_FORM4 if f != "voluntary")
T1_FORM3 = ("security_title", "shares_owned_following", "ownership", "nature_of_ownership")
T2_FORM3 = (
    "security_title",
    "date_exercisable",
    "expiration_date",
    "underlying_title",
    "underlying_shares",
    "exercise_price",
    "ownership",
    "nature_of_ownership",
)

CODES = frozenset("ACDEFGHIJKLMOPSUWXZ")
TEXT_FIELDS = {"security_title": 10.0, "underlying_title": 9.0, "nature_of_ownership": 8.0}
_DATE_GAIN = {
    "transaction_date": 10.0,
    "deemed_execution_date": 9.0,
    "date_exercisable": 9.5,
    "expiration_date": 10.0,
}
_PRICES = frozenset({"price", "exercise_price"})
SHARE_FIELDS = frozenset(
    {"shares", "shares_a", "shares_d", "shares_owned_following", "underlying_shares"}
)
"""The columns that hold an amount of shares."""
_SKIP = {
    "security_title": 3.0,
    "shares_owned_following": 3.0,
    "transaction_date": 1.0,
    "code": 1.0,
    "shares": 1.0,
    "price": 1.0,
    "ownership": 1.0,
    "expiration_date": 1.0,
    "underlying_title": 1.0,
    "underlying_shares": 1.0,
}
_DROP = 6.0
_HINT = 4.0
_NEG = -1e18


def fits_cells(
    tokens: list[Token],
    fields: tuple[str, ...],
    shape: tuple[tuple[_Key, int, bool], ...] | None = None,
) -> bool:
    """A row whose cell count matches the form can still be shifted (one cell split, another
    dropped); trust positions only when at most one token disagrees with its cell's column.
    ``shape`` is :func:`pattern` of the tokens, when the caller has it: the answer depends on
    nothing else, and is worked out once per pattern."""
    key = (fields, pattern(tokens) if shape is None else shape)
    fits = _FITS.get(key)
    if fits is None:
        if len(_FITS) >= _PLANS_MAX:
            _FITS.clear()
        misfits = 0
        n = len(fields)
        bad = [
            t.cell >= n
            or _gains(fields, t)[t.cell] is None
            or (t.dollar and fields[t.cell] in SHARE_FIELDS)  # a dollar amount is no share count
            for t in tokens
        ]
        for i, t in enumerate(tokens):
            if not bad[i]:
                continue
            misfits += 1
            # a value sharing its cell with one that fits there (``532 D`` under the amount):
            # the converter merged two columns into one cell, so every later cell sits a
            # column short of the form's and its positions say nothing
            if t.kind not in (MARKER, NA) and any(
                u.cell == t.cell and not bad[j] for j, u in enumerate(tokens) if j != i
            ):
                misfits += 1
        if "price" in fields and "underlying_shares" not in fields:
            # a Table I row reports the balance after it, and the only count after the amount
            # is that balance: a plain count in the price's cell with none in the balance's is
            # the balance a column early (a cell before it merged or lost). (In Table II it may
            # be the underlying amount a column late: the order of values cannot tell.)
            price, after = fields.index("price"), fields.index("shares_owned_following")
            cells = {t.cell for t in tokens if t.kind == NUM}
            if after not in cells and any(
                t.cell == price and t.kind == NUM and not t.dollar for t in tokens
            ):
                misfits += 1
        fits = _FITS[key] = misfits <= 1
    return fits


def pattern(tokens: list[Token]) -> tuple[tuple[_Key, int, bool], ...]:
    """What of a row placed by cells the column readers look at: each token's kind
    (:func:`_kind_key`), cell and dollar sign."""
    keys = _kind_keys(tokens)
    return tuple([(key, t.cell, t.dollar) for key, t in zip(keys, tokens, strict=True)])


def gain(tok: Token, f: str) -> float | None:
    k = tok.kind
    if f in TEXT_FIELDS:
        if k == TEXT:
            return TEXT_FIELDS[f]
        if k == MARKER:
            return 3.0 if f == "security_title" else 5.0
        return None
    if f in _DATE_GAIN:
        if k == DATE:
            return _DATE_GAIN[f]
        if f in ("date_exercisable", "expiration_date"):
            if k == MARKER:
                return 8.0 if f == "date_exercisable" else 7.0
            if k == IMMED:
                return 10.0 if f == "date_exercisable" else 6.0
            if k == NA:
                return 6.0
        elif k == NA:
            return 4.0
        return None
    if k == LETTER:
        v = tok.value
        if f == "code":
            # the form prints a code bare (``S``, ``S(1)``); ``(S)`` is a scan's marker ``(5)``
            return 10.0 if v in CODES and tok.text[:1] != "(" else None
        if f == "voluntary":
            return 10.0 if v == "V" else None
        if f == "acquired_disposed":
            return 10.0 if v in ("A", "D") else None
        if f == "ownership":
            return 10.0 if v in ("D", "I") else None
        if f in SHARE_FIELDS and v == "O" and tok.text == "O":
            return 2.0  # a zero the scan read as a letter, where no code can stand
        return None
    if f in _PRICES:
        if k == NUM:
            return 10.0 + (3.0 if tok.dollar else 0.0) + (1.0 if "." in tok.text else 0.0)
        if k == MARKER:
            return 6.0
        if k == NA:
            return 5.0
        return None
    if f in SHARE_FIELDS:
        if k == NUM:
            return 10.0 + (-4.0 if tok.dollar else 1.0)
        if k == NA:
            return 3.0
    return None


_Key = str | tuple[str, object, bool] | tuple[str, object, bool, bool]
_GAINS: dict[tuple[tuple[str, ...], _Key], tuple[float | None, ...]] = {}
_SHAPES: dict[tuple[str, ...], tuple[list[float], list[bool]]] = {}


def _kind_key(tok: Token) -> _Key:
    """What of a token :func:`gain` looks at: its kind, and a letter's value (and whether it is
    a bare ``O``, or bracketed), or a number's dollar sign and decimal point."""
    return _kind_keys([tok])[0]


def _kind_keys(tokens: list[Token]) -> list[_Key]:
    """:func:`_kind_key` of each token, in one loop: a row's keys are asked of every row."""
    out: list[_Key] = []
    add = out.append
    for t in tokens:
        k = t.kind
        if k == LETTER:
            add((k, t.value, t.text == "O", t.text[:1] == "("))
        elif k == NUM:
            add((k, t.dollar, "." in t.text))
        else:
            add(k)
    return out


def _gains(fields: tuple[str, ...], tok: Token) -> tuple[float | None, ...]:
    """:func:`gain` of ``tok`` in each column. A handful of layouts and kinds of token (as
    :func:`_kind_key` tells them apart): each row of gains is worked out once per process."""
    key = (fields, _kind_key(tok))
    row = _GAINS.get(key)
    if row is None:
        row = _GAINS[key] = tuple(gain(tok, f) for f in fields)
    return row


def _shape(fields: tuple[str, ...]) -> tuple[list[float], list[bool]]:
    """Each column's cost when left empty, and whether it holds text (a run of words)."""
    got = _SHAPES.get(fields)
    if got is None:
        got = ([_SKIP.get(f, 0.0) for f in fields], [f in TEXT_FIELDS for f in fields])
        _SHAPES[fields] = got
    return got


def align(
    tokens: list[Token],
    fields: tuple[str, ...],
    positional: bool,
    hints: dict[int, int] | None = None,
    shape: tuple[tuple[_Key, int, bool], ...] | None = None,
) -> tuple[list[list[Token]], list[Token]]:
    """Best order-preserving assignment of tokens to columns (see module docstring).
    ``hints`` (token index -> column index) adds the position bonus where the layout, not the
    cell, says which column a token sits under (a date under "Date Exercisable"). ``shape``
    is :func:`pattern` of the tokens, when the caller has it.

    The answer depends only on the layout, the tokens' kinds (:func:`_kind_key`; their cells
    too when placed by cells) and the hints, and rows repeat a few such patterns (a title, a
    date, a code, amounts, a form): each pattern is solved once per process."""
    key = (
        fields,
        positional,
        tuple(hints.items()) if hints else None,
        (pattern(tokens) if shape is None else shape) if positional else tuple(_kind_keys(tokens)),
    )
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= _PLANS_MAX:
            _PLANS.clear()
        plan = _PLANS[key] = _solve(tokens, fields, positional, hints)
    spans, dropped = plan
    cols: list[list[Token]] = []
    add = cols.append
    for span in spans:  # most columns hold no token or one: no comprehension to set up
        if not span:
            add([])
        elif len(span) == 1:
            add([tokens[span[0]]])
        else:
            add([tokens[i] for i in span])
    return cols, [tokens[i] for i in dropped] if dropped else []


_Plan = tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]
_PLANS: dict[object, _Plan] = {}
_FITS: dict[object, bool] = {}
_PLANS_MAX = 8192


def _solve(
    tokens: list[Token],
    fields: tuple[str, ...],
    positional: bool,
    hints: dict[int, int] | None,
) -> _Plan:
    """The token indexes of each column and those dropped, for :func:`align`: a dynamic
    programme over (tokens placed, columns passed). On equal scores the first way found wins,
    so the order of the steps below is part of the result."""
    m, n = len(tokens), len(fields)
    if positional:
        direct = _in_place(tokens, fields)
        if direct is not None:
            return direct, ()
    gains = [list(_gains(fields, t)) for t in tokens]
    if hints:
        for i, j in hints.items():
            g = gains[i][j]
            if g is not None:
                gains[i][j] = g + _HINT
    if positional:
        for i, t in enumerate(tokens):
            g = gains[i][t.cell] if t.cell < n else None
            if g is not None:
                gains[i][t.cell] = g + _HINT
    skip, multi = _shape(fields)
    # What each further token adds when it joins a run that token i starts in one column: a
    # marker 0.5, a word 1.0 in a text column; the run stops at anything else (or, placed by
    # cells, at the cell's end).
    runs_text: list[list[float]] = []
    runs_other: list[list[float]] = []
    for i, first in enumerate(tokens):
        in_text: list[float] = []
        other: list[float] = []
        only_marks = True
        for t in tokens[i + 1 :]:
            if positional and t.cell != first.cell:
                break
            if t.kind == MARKER:
                in_text.append(0.5)
                if only_marks:
                    other.append(0.5)
            elif t.kind == TEXT:
                in_text.append(1.0)
                only_marks = False
            else:
                break
        runs_text.append(in_text)
        runs_other.append(other)
    neg = _NEG
    best = [[neg] * (n + 1) for _ in range(m + 1)]
    back: list[list[tuple[int, int, int] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for i in range(m):
        row_best, row_back = best[i], back[i]
        next_best, next_back = best[i + 1], back[i + 1]
        row_gains, run_text, run_other = gains[i], runs_text[i], runs_other[i]
        for j in range(n + 1):
            s = row_best[j]
            if s == neg:
                continue
            if j < n:
                g = row_gains[j]
                if g is not None:
                    total = s + g
                    if total > next_best[j + 1]:
                        next_best[j + 1] = total
                        next_back[j + 1] = (i, j, 2)
                    k = i + 1
                    for extra in run_text if multi[j] else run_other:
                        total += extra
                        k += 1
                        if total > best[k][j + 1]:
                            best[k][j + 1] = total
                            back[k][j + 1] = (i, j, 2)
                left = s - skip[j]
                if left > row_best[j + 1]:
                    row_best[j + 1] = left
                    row_back[j + 1] = (i, j, 0)
            dropped_score = s - _DROP
            if dropped_score > next_best[j]:
                next_best[j] = dropped_score
                next_back[j] = (i, j, 1)
    last_best, last_back = best[m], back[m]
    for j in range(n):
        s = last_best[j]
        if s == neg:
            continue
        left = s - skip[j]
        if left > last_best[j + 1]:
            last_best[j + 1] = left
            last_back[j + 1] = (m, j, 0)
    cols: list[tuple[int, ...]] = [()] * n
    dropped: list[int] = []
    i, j = m, n
    while (i, j) != (0, 0):
        step = back[i][j]
        assert step is not None
        pi, pj, how = step
        if how == 2:
            cols[pj] = tuple(range(pi, i))
        elif how == 1:
            dropped.append(pi)
        i, j = pi, pj
    dropped.reverse()
    return tuple(cols), tuple(dropped)


def _in_place(tokens: list[Token], fields: tuple[str, ...]) -> tuple[tuple[int, ...], ...] | None:
    """The common case without search: every token fits the column of its own cell, one value
    per cell. Any doubt returns None and the full alignment runs."""
    cols: list[list[int]] = [[] for _ in fields]
    n = len(fields)
    for i, t in enumerate(tokens):
        if (
            t.cell >= n
            or _gains(fields, t)[t.cell] is None
            or (t.dollar and fields[t.cell] in SHARE_FIELDS)  # a dollar amount is no share count
        ):
            return None
        col = cols[t.cell]
        if col and not (fields[t.cell] in TEXT_FIELDS and t.kind in (TEXT, MARKER)):
            return None
        col.append(i)
    return tuple(tuple(c) for c in cols)
