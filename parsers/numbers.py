"""What an amount on a Form 3, 4 or 5 can be: one rule for every parser.

Share counts, prices and balances are never negative on the form (the direction is the (A)/(D)
column), and no filing holds a number with more than 15 integer digits (the largest share
counts in EDGAR have 13). A value outside that is refused field by field, so that nothing
downstream (the fold, a report, CSV, JSON) ever meets a number it cannot handle.
"""

from __future__ import annotations

from decimal import Decimal

MAX_INTEGER_DIGITS = 15
MAX_FRACTION_DIGITS = 10


def amount_problem(value: Decimal, max_fraction: int | None = MAX_FRACTION_DIGITS) -> str | None:
    """Why ``value`` cannot be an amount on the form, or None when it can. (The SEC's data set
    writes floats, ``0.3333333333333333``: its reader passes ``max_fraction=None``.)"""
    if not value.is_finite():
        return f"{value} is not a finite number"
    if value.is_signed() and value != 0:
        return f"{value} is negative (a direction belongs in the (A)/(D) column)"
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite
    integer_digits = len(digits) + exponent
    if integer_digits > MAX_INTEGER_DIGITS:
        return f"{value} has more than {MAX_INTEGER_DIGITS} integer digits"
    if max_fraction is not None and -exponent > max_fraction:
        return f"{value} has more than {max_fraction} decimal places"
    return None
