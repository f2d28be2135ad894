"""A position's running balance as an inline SVG step chart.

The x axis is the replay order, one slot per event, labelled with dates: a Form 4 often
reports a dozen rows on one day and then nothing for months, and on a calendar axis those rows
would collapse into one vertical line. Balances change only at events, hence a step path. The
figures stay ``Decimal`` until they become pixel coordinates; every label is the exact figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from holdings.report.build import PositionView, Step
from holdings.report.fmt import axis_label, day, esc, humanise, num, signed

WIDTH = 640
HEIGHT = 250
SHORT = 170
"""Height for a position with a few events: a grant and its exercise need no tall chart."""
LEFT = 64
RIGHT = 16
TOP = 14
BOTTOM = 34

RUNNING = "#1d4ed8"
AREA = "#dbeafe"
REPORTED = "#0f172a"
BREAK = "#dc2626"
EXPLAINED = "#d97706"
GRID = "#e2e8f0"
AXIS = "#64748b"


@dataclass(frozen=True)
class Scale:
    low: Decimal
    high: Decimal
    step: Decimal
    height: int = HEIGHT

    def y(self, value: Decimal) -> float:
        span = self.high - self.low
        frac = float((value - self.low) / span) if span else 0.5
        return round(TOP + (1 - frac) * (self.height - TOP - BOTTOM), 2)

    def ticks(self) -> list[Decimal]:
        out = []
        t = self.low
        while t <= self.high:
            out.append(t)
            t += self.step
        return out


def scale_for(values: list[Decimal], height: int = HEIGHT) -> Scale:
    """Round ticks around the data. Zero is kept in view unless the balance moves in a narrow
    band far from it (21 million shares changing by 16,670 would be a flat line otherwise)."""
    low, high = min(values), max(values)
    if low > 0 and (high - low) * 5 > high * 2:
        low = Decimal(0)
    if high < 0 and (high - low) * 5 > -low * 2:
        high = Decimal(0)
    if low == high == 0:
        high = Decimal(1)
    elif low == high:
        pad = abs(low) / 10
        low, high = low - pad, high + pad
    step = _nice_step((high - low) / (4 if height >= HEIGHT else 3))
    low = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    high = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    if (high - low) / step > 6:
        step = _nice_step(step * 2)
        low = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
        high = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    return Scale(low, high, step, height)


def _nice_step(raw: Decimal) -> Decimal:
    exponent = raw.adjusted()
    unit = Decimal(1).scaleb(exponent)
    for m in (1, 2, Decimal("2.5"), 5, 10):
        if unit * m >= raw:
            return (unit * m).normalize()
    return (unit * 10).normalize()


def step_chart(position: PositionView) -> str:
    steps = position.steps
    values = [v for s in steps for v in (s.before, s.running, s.reported) if v is not None]
    label = f"{position.security} ({position.ownership})"
    if not values:
        return (
            f'<svg class="chart empty" viewBox="0 0 {WIDTH} 60" role="img" '
            f'aria-label="{esc(label)}: no balance reported"><text x="{WIDTH / 2}" y="34" '
            f'text-anchor="middle" fill="{AXIS}">No balance reported</text></svg>'
        )
    height = SHORT if len(steps) <= 3 else HEIGHT
    scale = scale_for(values, height)
    slot = (WIDTH - LEFT - RIGHT) / len(steps)

    def x(i: int) -> float:
        return round(LEFT + (i + 0.5) * slot, 2)

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{esc("Running balance of " + label)}" '
        f'data-position="{esc(position.key)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{esc('Running balance of ' + label)}</title>",
    ]
    parts += _y_axis(scale)
    parts += _x_axis(steps, x, slot, height)
    path = _step_path(steps, scale, x)
    bottom = scale.y(scale.low)
    parts.append(
        f'<path class="area" d="{path} V {bottom} H {LEFT} Z" fill="{AREA}" '
        'fill-opacity="0.55" stroke="none"/>'
    )
    parts.append(
        f'<path class="step" d="{path}" fill="none" stroke="{RUNNING}" stroke-width="2" '
        'stroke-linejoin="round"/>'
    )
    first = steps[0]
    if first.opened and first.before is not None and first.event.quantity is not None:
        why = "inferred: the first reported figure less its change"
        parts.append(
            f'<circle class="opening" cx="{LEFT}" cy="{scale.y(first.before)}" r="3.5" '
            f'fill="#fff" stroke="{RUNNING}" stroke-width="1.5"><title>'
            f"{esc(f'Opening balance {num(first.before)} ({why})')}</title></circle>"
        )
    radius = 3.5 if len(steps) <= 80 else 2.5
    for i, s in enumerate(steps):
        if s.reported is None or not s.ok:
            continue
        parts.append(
            f'<circle class="reported" cx="{x(i)}" cy="{scale.y(s.reported)}" r="{radius}" '
            f'fill="{REPORTED}" stroke="#fff" stroke-width="1" data-value="{s.reported}">'
            f"<title>{esc(_point_title(s))}</title></circle>"
        )
    for i, s in enumerate(steps):
        if not s.ok:
            parts.append(_break_marker(s, x(i), scale))
    parts.append("</svg>")
    return "".join(parts)


def _step_path(steps: list[Step], scale: Scale, x: Callable[[int], float]) -> str:
    start = steps[0].before if steps[0].before is not None else steps[0].running
    cmds: list[str] = []
    current: Decimal | None = start
    if current is not None:
        cmds.append(f"M {LEFT} {scale.y(current)}")
    for i, s in enumerate(steps):
        if s.running is None:
            continue
        xi = x(i)
        if not cmds:
            cmds.append(f"M {xi} {scale.y(s.running)}")
        else:
            cmds.append(f"H {xi} V {scale.y(s.running)}")
        current = s.running
    cmds.append(f"H {WIDTH - RIGHT}")
    return " ".join(cmds)


def _y_axis(scale: Scale) -> list[str]:
    out = []
    for t in scale.ticks():
        y = scale.y(t)
        colour = AXIS if t == 0 else GRID
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" stroke="{colour}" '
            f'stroke-width="{1 if t else 1.2}"/>'
        )
        out.append(
            f'<text class="tick" x="{LEFT - 8}" y="{y + 4}" text-anchor="end" font-size="12" '
            f'fill="{AXIS}">{esc(axis_label(t, scale.step))}</text>'
        )
    return out


def _x_axis(steps: list[Step], x: Callable[[int], float], slot: float, height: int) -> list[str]:
    """A label under the first event of each date, thinned so that none overlap, and a faint
    rule where the date changes."""
    out = [
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{height - BOTTOM}" y2="{height - BOTTOM}" '
        f'stroke="{AXIS}" stroke-width="1"/>'
    ]
    groups: list[tuple[int, int]] = []
    for i, s in enumerate(steps):
        if groups and steps[groups[-1][0]].date == s.date:
            groups[-1] = (groups[-1][0], i)
        else:
            groups.append((i, i))
    last_end = float("-inf")
    for n, (a, b) in enumerate(groups):
        edge = round(x(a) - slot / 2, 2)
        if n:
            out.append(
                f'<line x1="{edge}" x2="{edge}" y1="{TOP}" y2="{height - BOTTOM + 4}" '
                f'stroke="{GRID}" stroke-dasharray="3 3"/>'
            )
        centre = (x(a) + x(b)) / 2
        half = 36
        lo = max(centre - half, LEFT - 20)
        hi = min(centre + half, WIDTH)
        if lo < last_end + 6:
            continue
        last_end = hi
        out.append(
            f'<text class="date" x="{round((lo + hi) / 2, 2)}" y="{height - BOTTOM + 18}" '
            f'text-anchor="middle" font-size="12" fill="{AXIS}">{esc(day(steps[a].date))}</text>'
        )
    return out


def _point_title(s: Step) -> str:
    e = s.event
    change = f", {signed(e.quantity)}" if e.quantity is not None else ""
    return (
        f"{day(s.date)}: {humanise(e.event_type)}{change}; "
        f"reported owned following {num(s.reported)} (ledger agrees)"
    )


def _break_marker(s: Step, x: float, scale: Scale) -> str:
    """Expected (the ledger's running figure) as a hollow ring, reported (the filer's) as a
    solid diamond, joined by a dashed line: the gap is the discrepancy."""
    d = s.discrepancy
    colour = EXPLAINED if d is not None and d.legitimate else BREAK
    kind = "explained" if d is not None and d.legitimate else "failing"
    expected = s.running
    reported = s.reported
    parts = [
        f'<g class="discrepancy {kind}" data-expected="{expected}" data-reported="{reported}">',
        f"<title>{esc(break_text(s))}</title>",
    ]
    if expected is not None and reported is not None:
        parts.append(
            f'<line x1="{x}" x2="{x}" y1="{scale.y(expected)}" y2="{scale.y(reported)}" '
            f'stroke="{colour}" stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
    if expected is not None:
        parts.append(
            f'<circle class="expected" cx="{x}" cy="{scale.y(expected)}" r="5" fill="#fff" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
    if reported is not None:
        y = scale.y(reported)
        parts.append(
            f'<path class="reported-break" d="M {x} {round(y - 6.5, 2)} L {round(x + 6.5, 2)} {y} '
            f'L {x} {round(y + 6.5, 2)} L {round(x - 6.5, 2)} {y} Z" fill="{colour}" '
            'stroke="#fff" stroke-width="1"/>'
        )
    parts.append("</g>")
    return "".join(parts)


def break_text(s: Step) -> str:
    e = s.event
    d = s.discrepancy
    head = (
        f"Discrepancy on {day(s.date)} ({humanise(e.event_type)}): "
        f"expected {num(s.running)}, reported {num(s.reported)}"
    )
    if s.running is not None and s.reported is not None:
        head += f" (difference {signed(s.reported - s.running)})"
    if d is not None:
        head += f"; {d.cause}" + (" (explained)" if d.legitimate else "")
        if d.detail:
            head += f": {d.detail}"
    return head
