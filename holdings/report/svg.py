"""A position's running balance as an inline SVG step chart.

The x axis is the calendar (``timeaxis.py``), shared by every chart of a page and labelled with
round dates, so that a reader can tell when things happened and how far apart; the rows a
filing reports on one day share that day's width in replay order: zoomed out they make one
vertical run of steps, zoomed to a few days they stand apart. Balances change only at events,
hence a step path. The figures stay ``Decimal`` until they become pixel coordinates; every
label is the exact figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from holdings.report.build import PositionView, Step
from holdings.report.fmt import axis_label, day, esc, humanise, num, signed
from holdings.report.timeaxis import Domain, day_number, event_times

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


def step_chart(position: PositionView, domain: Domain | None = None) -> str:
    """The chart on a calendar axis: ``domain`` is the page's date range (the position's
    own, padded, when not given). Marks carry their day number (``data-t``) and the step path
    its points (``data-steps``), so that the page's script can redraw them for a zoom."""
    steps = position.steps
    values = [v for s in steps for v in (s.before, s.running, s.reported) if v is not None]
    label = f"{position.security} ({position.ownership})"
    if not values:
        return (
            f'<svg class="chart empty" viewBox="0 0 {WIDTH} 60" role="img" '
            f'aria-label="{esc(label)}: no balance reported"><text x="{WIDTH / 2}" y="34" '
            f'text-anchor="middle" fill="{AXIS}">No balance reported</text></svg>'
        )
    if domain is None:
        dates = [s.date for s in steps]
        domain = Domain.around(min(dates), max(dates), LEFT, WIDTH - RIGHT)
    height = SHORT if len(steps) <= 3 else HEIGHT
    scale = scale_for(values, height)
    clip = f"clip-{position.anchor or 'chart'}"
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{esc("Running balance of " + label)}" '
        f'data-position="{esc(position.key)}" data-t0="{day_number(domain.start)}" '
        f'data-t1="{day_number(domain.end)}" data-left="{domain.left}" '
        f'data-right="{domain.right}" data-bottom="{height - BOTTOM}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{esc('Running balance of ' + label)}</title>",
        f'<defs><clipPath id="{esc(clip)}"><rect x="{LEFT}" y="0" '
        f'width="{WIDTH - LEFT - RIGHT}" height="{height}"/></clipPath></defs>',
    ]
    parts += _y_axis(scale)
    parts.append(_x_axis(domain, height))
    times = event_times([s.date for s in steps])
    start_y, points = _points(steps, times, scale)
    path, x0 = _step_path(domain, start_y, points)
    bottom = scale.y(scale.low)
    data = " ".join(f"{t},{y}" for t, y in points)
    parts.append(f'<g class="plot" clip-path="url(#{esc(clip)})">')
    parts.append(
        f'<path class="area" d="{path} V {bottom} H {x0} Z" fill="{AREA}" '
        f'fill-opacity="0.55" stroke="none" data-base="{bottom}"/>'
    )
    parts.append(
        f'<path class="step" d="{path}" fill="none" stroke="{RUNNING}" stroke-width="2" '
        f'stroke-linejoin="round" data-start="{start_y}" data-steps="{data}"/>'
    )
    first = steps[0]
    if first.opened and first.before is not None and first.event.quantity is not None:
        why = "inferred: the first reported figure less its change"
        parts.append(
            f'<circle class="opening" cx="{x0}" cy="{scale.y(first.before)}" r="3.5" '
            f'fill="#fff" stroke="{RUNNING}" stroke-width="1.5" '
            f'data-t="{times[0]}"><title>'
            f"{esc(f'Opening balance {num(first.before)} ({why})')}</title></circle>"
        )
    radius = 3.5 if len(steps) <= 80 else 2.5
    for s, t in zip(steps, times, strict=True):
        if s.reported is None or not s.ok:
            continue
        parts.append(
            f'<circle class="reported" cx="{domain.at(t)}" cy="{scale.y(s.reported)}" '
            f'r="{radius}" fill="{REPORTED}" stroke="#fff" stroke-width="1" '
            f'data-t="{t}" data-value="{s.reported}">'
            f"<title>{esc(_point_title(s))}</title></circle>"
        )
    for s, t in zip(steps, times, strict=True):
        if not s.ok:
            parts.append(_break_marker(s, domain.at(t), t, scale))
    parts.append("</g></svg>")
    return "".join(parts)


def _points(
    steps: list[Step], times: list[float], scale: Scale
) -> tuple[float | None, list[tuple[float, float]]]:
    """Where the line starts (the opening balance) and (time, y) after each event."""
    start = steps[0].before if steps[0].before is not None else steps[0].running
    points = [
        (t, scale.y(s.running)) for s, t in zip(steps, times, strict=True) if s.running is not None
    ]
    return (None if start is None else scale.y(start)), points


def _step_path(
    domain: Domain, start_y: float | None, points: list[tuple[float, float]]
) -> tuple[str, float]:
    """The step path, and the x it starts at: the first event's date (nothing is known of
    the position before it; its opening balance is drawn there)."""
    if not points:
        return "", domain.left
    x0 = domain.at(points[0][0])
    cmds = [f"M {x0} {start_y if start_y is not None else points[0][1]}"]
    for t, y in points:
        cmds.append(f"H {domain.at(t)} V {y}")
    cmds.append(f"H {domain.right}")
    return " ".join(cmds), x0


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


def _x_axis(domain: Domain, height: int) -> str:
    """The calendar under the plot: a rule, and a dated tick with a faint grid line at each
    round date."""
    base = height - BOTTOM
    out = [
        f'<g class="xaxis"><line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}" '
        f'stroke="{AXIS}" stroke-width="1"/>'
    ]
    for d, text in domain.ticks():
        x = domain.x(d)
        out.append(
            f'<line class="grid" x1="{x}" x2="{x}" y1="{TOP}" y2="{base}" stroke="{GRID}" '
            'stroke-dasharray="3 3"/>'
            f'<line x1="{x}" x2="{x}" y1="{base}" y2="{base + 5}" stroke="{AXIS}"/>'
            f'<text class="date" x="{x}" y="{base + 18}" text-anchor="middle" font-size="11" '
            f'fill="{AXIS}" data-date="{d.isoformat()}">{esc(text)}</text>'
        )
    out.append("</g>")
    return "".join(out)


def _point_title(s: Step) -> str:
    e = s.event
    change = f", {signed(e.quantity)}" if e.quantity is not None else ""
    return (
        f"{day(s.date)}: {humanise(e.event_type)}{change}; "
        f"reported owned following {num(s.reported)} (ledger agrees)"
    )


def _break_marker(s: Step, x: float, t: float, scale: Scale) -> str:
    """Expected (the ledger's running figure) as a hollow ring, reported (the filer's) as a
    solid diamond, joined by a dashed line: the gap is the discrepancy. Drawn about x = 0 and
    moved into place, so that a zoom moves it whole."""
    d = s.discrepancy
    colour = EXPLAINED if d is not None and d.legitimate else BREAK
    kind = "explained" if d is not None and d.legitimate else "failing"
    expected = s.running
    reported = s.reported
    parts = [
        f'<g class="discrepancy {kind}" data-expected="{expected}" data-reported="{reported}" '
        f'data-t="{t}" transform="translate({x} 0)">',
        f"<title>{esc(break_text(s))}</title>",
    ]
    if expected is not None and reported is not None:
        parts.append(
            f'<line x1="0" x2="0" y1="{scale.y(expected)}" y2="{scale.y(reported)}" '
            f'stroke="{colour}" stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
    if expected is not None:
        parts.append(
            f'<circle class="expected" cx="0" cy="{scale.y(expected)}" r="5" fill="#fff" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
    if reported is not None:
        y = scale.y(reported)
        parts.append(
            f'<path class="reported-break" d="M 0 {round(y - 6.5, 2)} L 6.5 {y} '
            f'L 0 {round(y + 6.5, 2)} L -6.5 {y} Z" fill="{colour}" '
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
