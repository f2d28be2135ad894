"""The page itself: one self-contained HTML file (inline CSS, inline SVG, one inline script
for zooming, nothing fetched), so that it can be mailed, archived or opened from a USB stick
years later. Filings with an accession number link to their index on EDGAR: a link, never a
fetch.

Plain string building: the page is small and fixed, and every piece of filing text goes
through ``esc`` on its way in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote

from holdings.report.build import (
    EXACT,
    FilingView,
    IssuerPage,
    IssuerSection,
    PersonPage,
    PositionView,
    Step,
    Trades,
)
from holdings.report.fmt import day, esc, humanise, money, num, signed
from holdings.report.svg import (
    BREAK,
    EXPLAINED,
    LEFT,
    REPORTED,
    RIGHT,
    RUNNING,
    WIDTH,
    break_text,
    step_chart,
)
from holdings.report.timeaxis import Domain, day_number
from holdings.report.zoom import SCRIPT, script_hash, zoom_bar
from ledger.events import ParseNote
from projections.audit import Discrepancy, LateFiling

CSS = """
:root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--soft:#f8fafc;--blue:#1d4ed8;
--red:#dc2626;--red-soft:#fef2f2;--amber:#d97706;--amber-soft:#fffbeb;--green:#15803d}
*{box-sizing:border-box}
body{margin:0;background:#f1f5f9;color:var(--ink);
font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",
"Liberation Sans",sans-serif;font-variant-numeric:tabular-nums}
main{max-width:1360px;margin:0 auto;padding:28px 32px 48px}
a{color:var(--blue);text-decoration:none}a:hover{text-decoration:underline}
h1{font-size:26px;margin:0 0 4px;letter-spacing:-.01em}
h2{font-size:19px;margin:0}
h3{font-size:15px;margin:0}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:11px;color:var(--muted);
font-weight:600}
.panel{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 22px;
margin:0 0 18px;box-shadow:0 1px 2px rgba(15,23,42,.04)}
.head{display:flex;flex-wrap:wrap;gap:8px 40px;align-items:flex-start;justify-content:space-between}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;margin:12px 0 0}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
.stats{display:flex;gap:10px;flex-wrap:wrap}
.stat{min-width:118px;border:1px solid var(--line);border-radius:8px;padding:8px 12px;
background:var(--soft)}
.stat b{display:block;font-size:22px;line-height:1.2}
.stat span{font-size:12px;color:var(--muted)}
.stat.bad{background:var(--red-soft);border-color:#fecaca}.stat.bad b{color:var(--red)}
.stat.warn{background:var(--amber-soft);border-color:#fde68a}.stat.warn b{color:var(--amber)}
.stat.good b{color:var(--green)}
.section-head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:14px;
align-items:flex-start;margin-bottom:10px}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:12.5px;color:#334155;
margin:8px 0 14px}
.legend span{display:inline-flex;align-items:center;gap:6px}
.columns{display:grid;grid-template-columns:1fr 1fr;gap:18px;align-items:start}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:18px}
.column>h3{margin:0 0 8px;color:var(--muted);font-size:12px;text-transform:uppercase;
letter-spacing:.07em}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 14px 10px;margin-bottom:16px;
background:#fff}
.card.has-break{border-color:#fca5a5;box-shadow:inset 3px 0 0 var(--red)}
.card-head{display:flex;justify-content:space-between;gap:10px;align-items:baseline}
.card-head h4{margin:0;font-size:14px}
.badge{display:inline-block;border-radius:999px;padding:1px 8px;font-size:11.5px;
background:#eef2ff;color:#3730a3;white-space:nowrap}
.badge.amend{background:#fef3c7;color:#92400e}.badge.gone{background:#f1f5f9;color:var(--muted)}
.badge.bad{background:var(--red-soft);color:var(--red)}
.sub{color:var(--muted);font-size:12.5px;margin:2px 0 6px}
svg.chart{width:100%;height:auto;display:block}
ul.breaks{margin:6px 0 0;padding-left:18px;font-size:12.5px}
ul.breaks li.failing::marker{color:var(--red)}ul.breaks li.explained::marker{color:var(--amber)}
table{border-collapse:collapse;width:100%;font-size:13px}
th{text-align:left;font-weight:600;color:#334155;background:var(--soft);
border-bottom:1px solid var(--line);padding:6px 8px;white-space:nowrap}
td{border-bottom:1px solid #f1f5f9;padding:5px 8px;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}
td.nowrap{white-space:nowrap}
tr.break td{background:var(--red-soft)}tr.break.explained td{background:var(--amber-soft)}
tr.break td.reported{color:var(--red);font-weight:700}
tr.break.explained td.reported{color:var(--amber)}
.exp{display:block;font-size:11.5px;font-weight:400;color:var(--muted)}
.neg{color:#b91c1c}.pos{color:var(--green)}
.fn{display:inline-block;min-width:18px;text-align:center;border-radius:4px;background:#eef2ff;
color:#3730a3;font-size:11px;margin:0 2px 2px 0;cursor:help}
.code{color:var(--muted);font-size:12px}
.pn{display:block;font-size:11.5px;margin:2px 0;padding:1px 5px;border-radius:4px}
.pn.doubt{background:var(--red-soft);color:var(--red)}.pn.repair{color:var(--muted)}
ol.notes{margin:8px 0 0;padding-left:22px;font-size:12px;color:#334155}
ol.notes li{margin:2px 0}
.events h3{margin:22px 0 8px}
details summary{cursor:pointer;font-weight:600;margin:4px 0}
.muted{color:var(--muted)}
footer{color:var(--muted);font-size:12px;margin-top:24px}
form.zoom{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;padding:10px 22px;
position:sticky;top:0;z-index:2}
form.zoom[hidden]{display:none}
.zoom-label{font-weight:600}
form.zoom input{font:inherit;padding:2px 4px;border:1px solid var(--line);border-radius:6px}
form.zoom button{font:inherit;font-size:12.5px;border:1px solid var(--line);background:var(--soft);
border-radius:6px;padding:3px 9px;cursor:pointer}
form.zoom button[type=submit]{background:var(--blue);color:#fff;border-color:var(--blue)}
.presets{display:inline-flex;gap:6px}
.zoom-status,.zoom-help{font-size:12.5px}
svg.chart{cursor:crosshair}
tr.out{display:none}
.trades{display:flex;flex-wrap:wrap;gap:10px;margin:4px 0 12px}
.trade{border:1px solid var(--line);border-radius:8px;padding:8px 12px;background:var(--soft);
min-width:220px}
.trade b{display:block;font-size:18px}
.trade.buy b{color:var(--green)}.trade.sell b{color:#b91c1c}
.trade span{font-size:12px;color:var(--muted)}
table.insiders td,table.insiders th{white-space:nowrap}
a.edgar{font-size:12px;white-space:nowrap}
@media (max-width:1000px){.columns{grid-template-columns:1fr}
.cards{grid-template-columns:1fr}}
@media print{body{background:#fff}.panel{box-shadow:none;break-inside:avoid}}
"""


def _doc(title: str, body: str, script: bool = False) -> str:
    """The page around ``body``. With ``script`` the zoom script is inlined and the policy
    lets that script, and only it, run (by its hash); nothing may be fetched either way."""
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    tail = ""
    if script:
        policy += f"; script-src {script_hash()}"
        tail = f"<script>{SCRIPT}</script>"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head>"
        f"<body><main>{body}</main>{tail}</body></html>\n"
    )


def page_domain(sections: list[IssuerSection]) -> Domain | None:
    """One calendar for every chart of a page: its first event to its last, padded."""
    firsts = [d for s in sections if (d := s.first_date) is not None]
    lasts = [d for s in sections if (d := s.last_date) is not None]
    if not firsts or not lasts:
        return None
    return Domain.around(min(firsts), max(lasts), LEFT, WIDTH - RIGHT)


def _zoom(domain: Domain | None) -> str:
    return zoom_bar(domain.start.isoformat(), domain.end.isoformat()) if domain else ""


def _footer(generated: dt.datetime) -> str:
    return (
        f"<footer>Generated by holdings-ledger on {esc(generated.strftime('%Y-%m-%d %H:%M UTC'))}"
        " from the event ledger: running balances are the ledger's replay, reported figures"
        " are each filing's &ldquo;amount owned following the reported transaction&rdquo;;"
        " dollar values are shares times the price the filing reports."
        "</footer>"
    )


def render_person(page: PersonPage, generated: dt.datetime, index_href: str | None = None) -> str:
    back = f'<a href="{esc(index_href)}">&larr; Everyone</a> · ' if index_href else ""
    single = len(page.sections) == 1
    if single:
        only = page.sections[0]
        subtitle = f"{only.relationship} at {only.title}" if only.relationship else only.title
    else:
        subtitle = ", ".join(s.title for s in page.sections)
    meta = [f"<dt>Person key</dt><dd>{esc(', '.join(page.person_keys))}</dd>"]
    if single:
        meta += _meta(page.sections[0])
    domain = page_domain(page.sections)
    body = [
        '<header class="panel">',
        f'<div class="kicker">{back}Insider holdings report</div>',
        '<div class="head">',
        f'<div><h1>{esc(page.name)}</h1><div class="muted">{esc(subtitle)}</div>'
        f'<dl class="meta">{"".join(meta)}</dl></div>',
        _stats(
            checks=sum(s.audit.checks for s in page.sections),
            failing=page.discrepancies,
            explained=page.explained,
            late=page.late,
            events=page.events,
        ),
        "</div>",
        "</header>",
        _zoom(domain),
    ]
    body += [_section(s, domain, detailed=not single) for s in page.sections]
    body.append(_footer(generated))
    return _doc(f"{page.name}: insider holdings", "".join(body), script=domain is not None)


def render_issuer(page: IssuerPage, generated: dt.datetime) -> str:
    """One page for an issuer: who its insiders are, what each holds and did, what the audit
    found, and how much was bought and sold; then each insider's section in full."""
    sections = page.sections
    domain = page_domain(sections)
    first, last = page.first_date, page.last_date
    period = f"{day(first)} to {day(last)}" if first and last and first != last else day(first)
    filings = {f.sha256 for s in sections for f in s.filings}
    cik = page.issuer_cik
    meta = [
        f"<dt>Issuer key</dt><dd>{esc(page.issuer_key)}</dd>",
        f"<dt>CIK</dt><dd>{esc(cik)}</dd>" if cik else "",
        f"<dt>Insiders</dt><dd>{len(sections):,}</dd>",
        f"<dt>Period</dt><dd>{esc(period)}</dd>",
        f"<dt>Filings</dt><dd>{len(filings):,}</dd>",
    ]
    failing = sum(len(s.audit.failing) for s in sections)
    body = [
        '<header class="panel">',
        '<div class="kicker">Insider holdings report · issuer</div>',
        '<div class="head">',
        f'<div><h1>{esc(page.title)}</h1><div class="muted">'
        f"{len(sections):,} reporting {'person' if len(sections) == 1 else 'persons'}</div>"
        f'<dl class="meta">{"".join(meta)}</dl></div>',
        _stats(
            checks=sum(s.audit.checks for s in sections),
            failing=failing,
            explained=sum(len(s.audit.discrepancies) for s in sections) - failing,
            late=sum(len(s.audit.late_filings) for s in sections),
            events=page.events,
        ),
        "</div>",
        _trades(page.bought, page.sold, period),
        "</header>",
        _insiders(sections),
        _zoom(domain),
    ]
    body += [_section(s, domain, detailed=True, about_person=True) for s in sections]
    body.append(_footer(generated))
    return _doc(f"{page.title}: insider holdings", "".join(body), script=domain is not None)


def _insiders(sections: list[IssuerSection]) -> str:
    rows = []
    for s in sections:
        stock = [p for p in s.positions if not p.derivative and p.balance is not None]
        held = sum((p.balance for p in stock if p.balance is not None), Decimal(0))
        failing = len(s.audit.failing)
        rows.append(
            "<tr>"
            f'<td><a href="#{esc(s.anchor)}">{esc(s.person_name or ", ".join(s.person_keys))}'
            f"</a></td><td>{esc(s.relationship or '')}</td>"
            f'<td class="n">{esc(num(held)) if stock else ""}</td>'
            f'<td class="n">{len(s.positions):,}</td><td class="n">{s.events:,}</td>'
            f'<td class="n">{esc(dollars(s.bought.value)) if s.bought.count else ""}</td>'
            f'<td class="n">{esc(dollars(s.sold.value)) if s.sold.count else ""}</td>'
            f'<td class="n{" neg" if failing else ""}">{failing:,}</td>'
            f'<td class="n{" neg" if s.audit.late_filings else ""}">'
            f"{len(s.audit.late_filings):,}</td></tr>"
        )
    return (
        '<section class="panel"><h2>Insiders</h2>'
        '<table class="insiders"><thead><tr><th>Insider</th><th>Relationship</th>'
        '<th class="n">Shares held (stock, latest)</th><th class="n">Positions</th>'
        '<th class="n">Events</th><th class="n">Bought (P)</th><th class="n">Sold (S)</th>'
        '<th class="n">Discrepancies</th><th class="n">Late filings</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _trades(bought: Trades, sold: Trades, period: str, *, note: bool = True) -> str:
    """How much was bought and sold: open-market and private purchases (P) and sales (S)."""
    if not note and not bought.count and not sold.count:
        return '<p class="muted">No open-market or private purchases or sales (codes P, S).</p>'

    def tile(t: Trades, verb: str, klass: str) -> str:
        what = f"{t.count:,} trade{'s' if t.count != 1 else ''}, {num(t.shares)} shares"
        if t.unpriced:
            what += f"; {t.unpriced:,} without a price, not valued"
        return (
            f'<div class="trade {klass}"><span>{esc(verb)}</span>'
            f"<b>{esc(dollars(t.value))}</b><span>{esc(what)}</span></div>"
        )

    explain = (
        '<div class="muted" style="font-size:12px;max-width:420px">Open-market and private '
        "purchases and sales of Table I securities, at the prices the filings report. "
        "Exercises, grants, tax withholding and gifts move shares but are not trades in the "
        "market: the event tables value them row by row.</div>"
    )
    return (
        '<div class="trades">'
        + tile(bought, f"Bought (code P), {period}", "buy")
        + tile(sold, f"Sold (code S), {period}", "sell")
        + (explain if note else "")
        + "</div>"
    )


def dollars(value: Decimal | None) -> str:
    """Money as a reader expects it: cents where the exact value has no more, else every
    digit the figures give (never rounded)."""
    if value is None:
        return ""
    cents = EXACT.quantize(value, Decimal("0.01"))
    return money(cents if cents == value else EXACT.normalize(value))


def _meta(s: IssuerSection, issuer: bool = True) -> list[str]:
    first, last = s.first_date, s.last_date
    period = f"{day(first)} to {day(last)}" if first and last and first != last else day(first)
    current = sum(1 for f in s.filings if not f.superseded)
    filings = f"{current} in force" + (
        f", {len(s.filings) - current} superseded by amendment" if current < len(s.filings) else ""
    )
    return [
        f"<dt>Issuer</dt><dd>{esc(s.title)}</dd>" if issuer else "",
        f"<dt>Relationship</dt><dd>{esc(s.relationship)}</dd>" if s.relationship else "",
        f"<dt>Period</dt><dd>{esc(period)}</dd>",
        f"<dt>Filings</dt><dd>{esc(filings)}</dd>",
    ]


def _stats(*, checks: int, failing: int, explained: int, late: int, events: int) -> str:
    def tile(value: int, label: str, tone: str) -> str:
        return f'<div class="stat {tone}"><b>{value:,}</b><span>{esc(label)}</span></div>'

    return (
        '<div class="stats">'
        + tile(events, "events", "")
        + tile(checks, "balances checked", "good" if not failing else "")
        + tile(failing, "discrepancies", "bad" if failing else "good")
        + tile(explained, "explained breaks", "warn" if explained else "")
        + tile(late, "late filings", "bad" if late else "good")
        + "</div>"
    )


def _section(
    s: IssuerSection, domain: Domain | None, *, detailed: bool, about_person: bool = False
) -> str:
    """With one issuer the page header already carries its details; with several, each
    section carries its own. On an issuer's page a section is about one insider."""
    stock = [p for p in s.positions if not p.derivative]
    deriv = [p for p in s.positions if p.derivative]
    if stock and deriv:
        charts = (
            '<div class="columns">'
            f'<div class="column"><h3>Common stock</h3>{"".join(_card(p, domain) for p in stock)}'
            '</div><div class="column"><h3>Options and other derivatives</h3>'
            f"{''.join(_card(p, domain) for p in deriv)}</div></div>"
        )
    else:
        charts = f'<div class="cards">{"".join(_card(p, domain) for p in s.positions)}</div>'
    late = {x.filing_sha256: x for x in s.audit.late_filings}
    urls = {f.sha256: f.url for f in s.filings if f.url}
    if about_person:
        who = s.person_name or ", ".join(s.person_keys)
        head = ['<div class="kicker">Insider</div>', f"<h2>{esc(who)}</h2>"]
    else:
        head = ['<div class="kicker">Issuer</div>', f"<h2>{esc(s.title)}</h2>"]
    stats = ""
    first, last = s.first_date, s.last_date
    period = f"{day(first)} to {day(last)}" if first and last and first != last else day(first)
    if detailed:
        head.append(f'<dl class="meta">{"".join(_meta(s, issuer=not about_person))}</dl>')
        stats = _stats(
            checks=s.audit.checks,
            failing=len(s.audit.failing),
            explained=len(s.audit.discrepancies) - len(s.audit.failing),
            late=len(s.audit.late_filings),
            events=s.events,
        )
    return "".join(
        [
            f'<section class="panel issuer" id="{esc(s.anchor)}" '
            f'data-issuer="{esc(s.issuer_key)}">',
            f'<div class="section-head"><div>{"".join(head)}</div>{stats}</div>',
            _trades(s.bought, s.sold, period, note=not about_person),
            _audit(s.audit.discrepancies, s.audit.late_filings, urls),
            _filings(s.filings),
            LEGEND,
            charts,
            '<div class="events">',
            "".join(_table(p, late, urls) for p in s.positions),
            "</div></section>",
        ]
    )


def _swatch(svg: str) -> str:
    return f'<svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">{svg}</svg>'


_RUN_SWATCH = f'<path d="M1 10 H9 V4 H21" fill="none" stroke="{RUNNING}" stroke-width="2"/>'
_DOT_SWATCH = f'<circle cx="11" cy="7" r="3.5" fill="{REPORTED}"/>'
_RING_SWATCH = f'<circle cx="11" cy="7" r="4.5" fill="#fff" stroke="{BREAK}" stroke-width="2"/>'
_DIAMOND = '<path d="M11 1 L17 7 L11 13 L5 7 Z" fill="{}"/>'

LEGEND = (
    '<div class="legend">'
    f"<span>{_swatch(_RUN_SWATCH)}Running balance (ledger replay)</span>"
    f"<span>{_swatch(_DOT_SWATCH)}Reported &ldquo;owned following&rdquo; (agrees)</span>"
    f"<span>{_swatch(_RING_SWATCH)}Expected (ledger)</span>"
    f"<span>{_swatch(_DIAMOND.format(BREAK))}Reported (filing): discrepancy</span>"
    f"<span>{_swatch(_DIAMOND.format(EXPLAINED))}Discrepancy with a known legitimate cause</span>"
    "</div>"
)


def _audit(discrepancies: list[Discrepancy], late: list[LateFiling], urls: dict[str, str]) -> str:
    if not discrepancies and not late:
        return (
            '<p class="muted">Audit: every reported balance agrees with the running one and '
            "every Form 4 was filed within two business days.</p>"
        )
    out = []
    if discrepancies:
        rows = "".join(
            f'<tr class="break{" explained" if d.legitimate else ""}">'
            f'<td class="nowrap">{esc(day(d.date))}</td><td>{esc(d.label)}</td>'
            f'<td class="n">{esc(num(d.expected))}</td>'
            f'<td class="n reported">{esc(num(d.reported))}</td>'
            f'<td class="n">{esc(signed(d.difference))}</td>'
            f"<td>{esc(d.cause)}{' (explained)' if d.legitimate else ''}"
            f'<span class="exp">{esc(d.detail)}</span></td>'
            f'<td class="nowrap" title="{esc(d.filing_path)}">{esc(_short_path(d.filing_path))}'
            f"{esc(':' + str(d.line)) if d.line else ''}{_edgar(urls.get(d.filing_sha256))}"
            "</td></tr>"
            for d in discrepancies
        )
        out.append(
            "<h3>Balance discrepancies</h3><table><thead><tr><th>Date</th><th>Position</th>"
            '<th class="n">Expected (ledger)</th><th class="n">Reported (filing)</th>'
            '<th class="n">Difference</th><th>Cause</th><th>Source</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    if late:
        rows = "".join(
            f'<tr><td class="nowrap">{esc(x.form_type)}</td>'
            f'<td class="nowrap">{esc(day(x.transaction_date))}</td>'
            f'<td class="nowrap">{esc(day(x.deadline))}</td>'
            f'<td class="nowrap">{esc(day(x.filed_date))}</td>'
            f'<td class="n">{x.business_days_late:,}</td>'
            f'<td title="{esc(x.filing_path)}">{esc(_short_path(x.filing_path))}'
            f"{_edgar(urls.get(x.filing_sha256))}</td></tr>"
            for x in late
        )
        out.append(
            '<h3 style="margin-top:14px">Late filings</h3><table><thead><tr><th>Form</th>'
            "<th>Transaction</th><th>Deadline</th><th>Filed</th>"
            '<th class="n">Business days late</th><th>Source</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    return f'<div class="audit" style="margin:6px 0 14px">{"".join(out)}</div>'


_AMEND = ' <span class="badge amend">amendment</span>'
_GONE = ' <span class="badge gone">superseded</span>'


def _filings(filings: list[FilingView]) -> str:
    rows = "".join(
        "<tr>"
        f'<td class="nowrap">{esc(f.form_type)}{_AMEND if f.is_amendment else ""}'
        f"{_GONE if f.superseded else ''}</td>"
        f'<td class="nowrap">{esc(day(f.period_of_report))}</td>'
        f'<td class="nowrap">{esc(day(f.filed_date))}</td>'
        f'<td class="n">{f.events:,}</td>'
        f'<td title="{esc(f.path)}">{esc(_short_path(f.path))}</td>'
        f"<td>{_accession(f)}</td>"
        f'<td class="code">{esc(f.sha256[:12])}</td></tr>'
        for f in filings
    )
    opened = " open" if len(filings) <= 6 else ""
    return (
        f"<details{opened}><summary>Filings covered ({len(filings):,})</summary>"
        "<table><thead><tr><th>Form</th><th>Period</th><th>Filed</th>"
        '<th class="n">Events</th><th>Source</th><th>On EDGAR</th><th>SHA-256</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )


def _accession(f: FilingView) -> str:
    if f.url:
        return (
            f'<a class="edgar" href="{esc(f.url)}" rel="noopener noreferrer" '
            f'title="The filing index on EDGAR">{esc(f.accession_number)} &#8599;</a>'
        )
    if f.accession_number:
        return esc(f.accession_number)
    return '<span class="muted">no accession number</span>'


def _edgar(url: str | None) -> str:
    if not url:
        return ""
    return f' <a class="edgar" href="{esc(url)}" rel="noopener noreferrer">EDGAR &#8599;</a>'


def _card(p: PositionView, domain: Domain | None = None) -> str:
    breaks = p.breaks
    klass = "card has-break" if any(not _explained(s) for s in breaks) else "card"
    dates = [s.date for s in p.steps]
    sub = [f"balance {num(p.balance)}" if p.balance is not None else "no balance"]
    sub.append(f"{len(p.steps):,} event{'s' if len(p.steps) != 1 else ''}")
    if dates:
        sub.append(
            day(min(dates))
            if min(dates) == max(dates)
            else f"{day(min(dates))} to {day(max(dates))}"
        )
    plural = "discrepancies" if len(breaks) != 1 else "discrepancy"
    flag = f' <span class="badge bad">{len(breaks)} {plural}</span>' if breaks else ""
    items = "".join(
        f'<li class="{"explained" if _explained(s) else "failing"}">{esc(break_text(s))}</li>'
        for s in breaks
    )
    return (
        f'<div class="{klass}" data-position="{esc(p.key)}">'
        f'<div class="card-head"><h4><a href="#{esc(p.anchor)}">{esc(p.security)}</a></h4>'
        f'<span class="badge">{esc(p.ownership)}</span></div>'
        f'<div class="sub">{esc(" · ".join(sub))}{flag}</div>'
        f"{step_chart(p, domain)}"
        + (f'<ul class="breaks">{items}</ul>' if items else "")
        + "</div>"
    )


def _explained(s: Step) -> bool:
    return s.discrepancy is not None and s.discrepancy.legitimate


_LEDGER_COLS = (
    "<colgroup>"
    + "".join(
        f'<col style="width:{w}">'
        for w in ("9%", "12%", "14%", "9%", "8%", "11%", "10%", "11%", "16%")
    )
    + "</colgroup>"
)


def _table(p: PositionView, late: dict[str, LateFiling], urls: dict[str, str]) -> str:
    rows = "".join(
        _row(p, s, late.get(s.event.filing.sha256), urls.get(s.event.filing.sha256))
        for s in p.steps
    )
    notes = "".join(f"<li>{esc(text)}</li>" for text in p.notes)
    return (
        f'<h3 id="{esc(p.anchor)}">{esc(p.security)} <span class="badge">{esc(p.ownership)}</span>'
        "</h3>"
        f'<table class="ledger" data-position="{esc(p.key)}">{_LEDGER_COLS}<thead><tr>'
        "<th>Date</th><th>Filed</th><th>Event</th>"
        '<th class="n">Quantity</th><th class="n">Price</th><th class="n">Value</th>'
        '<th class="n">Running</th>'
        '<th class="n">Reported</th><th>Notes</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>" + (f'<ol class="notes">{notes}</ol>' if notes else "")
    )


def _row(p: PositionView, s: Step, late: LateFiling | None, url: str | None) -> str:
    e = s.event
    src = e.provenance.source_path + (f":{e.provenance.line}" if e.provenance.line else "")
    klass = ""
    if not s.ok:
        klass = ' class="break explained"' if _explained(s) else ' class="break"'
    q = e.quantity
    qclass = "n" + (" neg" if q is not None and q < 0 else " pos" if q else "")
    code = (e.code or "") + ("V" if e.voluntary else "")
    amended = ' <span class="badge amend">4/A</span>' if e.filing.is_amendment else ""
    code_html = f' <span class="code">{esc(code)}</span>' if code else ""
    if late is not None:
        why = f"due {day(late.deadline)}, filed {late.business_days_late} business days late"
        amended += f' <span class="badge bad" title="{esc(why)}">late</span>'
    running_title = ""
    if s.opened and s.before is not None and q is not None:
        running_title = f' title="{esc(f"opening balance inferred: {num(s.before)}")}"'
    reported = esc(num(s.reported))
    if not s.ok:
        reported += f'<span class="exp">expected {esc(num(s.running))}</span>'
    marks = "".join(f'<span class="fn" title="{esc(p.notes[n - 1])}">{n}</span>' for n in s.notes)
    marks += "".join(_parse_note(n) for n in e.notes)
    filed = esc(day(e.filing.filed_date))
    if url:
        filed = (
            f'<a href="{esc(url)}" rel="noopener noreferrer" title="The filing on EDGAR">'
            f"{filed}</a>"
        )
    return (
        f'<tr{klass} data-t="{day_number(e.effective_date)}">'
        f'<td class="nowrap" title="{esc(src)}">{esc(day(e.effective_date))}</td>'
        f'<td class="nowrap">{filed}{amended}</td>'
        f"<td>{esc(humanise(e.event_type))}{code_html}</td>"
        f'<td class="{qclass}">{esc(signed(q))}</td>'
        f'<td class="n">{esc(money(e.price))}</td>'
        f'<td class="n">{esc(dollars(s.value))}</td>'
        f'<td class="n"{running_title}>{esc(num(s.running))}</td>'
        f'<td class="n reported">{reported}</td>'
        f"<td>{marks}</td></tr>"
    )


def _parse_note(note: ParseNote) -> str:
    """What the parser doubted or repaired on this row, said in the row itself: a doubt on a
    balance field is why a figure may not be what was filed."""
    where = f" (line {note.line})" if note.line else ""
    text = f"{note.kind} {note.field or note.scope}{where}: {note.message}"
    klass = "pn doubt" if note.kind == "doubt" else "pn repair"
    return f'<span class="{klass}">{esc(text)}</span>'


def _short_path(path: str) -> str:
    return path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class IndexEntry:
    name: str
    key: str
    href: str
    issuers: str
    events: int
    positions: int
    discrepancies: int
    explained: int
    late: int


def render_index(entries: list[IndexEntry], generated: dt.datetime) -> str:
    rows = "".join(
        "<tr>"
        f'<td><a href="{esc(quote(e.href))}">{esc(e.name)}</a></td>'
        f'<td class="code">{esc(e.key)}</td><td>{esc(e.issuers)}</td>'
        f'<td class="n">{e.events:,}</td><td class="n">{e.positions:,}</td>'
        f'<td class="n{" neg" if e.discrepancies else ""}">{e.discrepancies:,}</td>'
        f'<td class="n">{e.explained:,}</td>'
        f'<td class="n{" neg" if e.late else ""}">{e.late:,}</td></tr>'
        for e in entries
    )
    body = (
        '<header class="panel"><div class="kicker">Insider holdings reports</div>'
        f'<h1>Everyone in the ledger</h1><p class="muted">{len(entries):,} reporting '
        f"{'person' if len(entries) == 1 else 'persons'}; one page each.</p></header>"
        '<section class="panel"><table class="index"><thead><tr><th>Person</th><th>Key</th>'
        '<th>Issuers</th><th class="n">Events</th><th class="n">Positions</th>'
        '<th class="n">Discrepancies</th><th class="n">Explained</th>'
        '<th class="n">Late filings</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
        f"<footer>Generated by holdings-ledger on {esc(generated.strftime('%Y-%m-%d %H:%M UTC'))}."
        "</footer>"
    )
    return _doc("Insider holdings reports", body)
