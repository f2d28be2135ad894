"""Text for numbers and dates as a reader of a filing expects to see them.

Quantities stay ``Decimal`` up to the moment they become text, so what the page shows is the
exact figure the filer wrote (``36.000`` stays visibly different from ``36,000``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, localcontext
from html import escape


def esc(value: object) -> str:
    """Every piece of filing text is untrusted: names, titles and footnotes are escaped."""
    return escape("" if value is None else str(value), quote=True)


def num(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format(value, ",f")


def signed(value: Decimal | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + num(value)


def money(value: Decimal | None) -> str:
    if value is None:
        return ""
    return ("-$" if value < 0 else "$") + num(value.copy_abs())  # abs() would round to 28 digits


def day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


_UNITS = (
    (Decimal(10) ** 8, Decimal(10) ** 9, "B"),
    (Decimal(10) ** 5, Decimal(10) ** 6, "M"),
    (Decimal(10) ** 4, Decimal(10) ** 3, "k"),
)


def axis_label(value: Decimal, step: Decimal) -> str:
    """Tick labels must fit a narrow margin; the unit follows the tick step so neighbouring
    labels stay distinct (``1,135k`` beside ``1,140k``)."""
    if value == 0:
        return "0"
    for threshold, size, unit in _UNITS:
        if abs(step) >= threshold:
            return _plain(value / size) + unit
    return _plain(value)


def _plain(value: Decimal) -> str:
    """``1.50E+2`` and ``150.0`` both read as ``150``: ticks are round numbers."""
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, value.adjusted() + 10)  # a long stored value
        value = value.normalize()  # must print, not raise InvalidOperation
        if value == value.to_integral():
            value = value.quantize(Decimal(1))
    return num(value)


def humanise(event_type: str) -> str:
    return event_type.replace("_", " ").capitalize()
