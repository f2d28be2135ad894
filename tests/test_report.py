"""The person report: what the page says (charts, markers, tables, index) checked on the HTML,
and that a real browser renders it (headless Chromium, skipped where it is not installed)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from collections.abc import Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import holdings
from holdings.cli import app
from holdings.ingest import ingest_paths
from holdings.report import NoEvents, write_all_reports, write_issuer_report, write_person_report
from holdings.report.fmt import axis_label, money, num, signed
from holdings.report.html import dollars
from holdings.report.svg import scale_for
from holdings.report.timeaxis import Domain, event_times
from holdings.report.zoom import SCRIPT, script_hash
from ledger.store import EventStore
from projections.people import find_people, people

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
XML = Path(__file__).resolve().parent / "fixtures" / "xml"
KRESS = sorted(XML.glob("0001045810-23-*.xml"))
KRESS_ORIGINAL, KRESS_AMEND_1, KRESS_AMEND_2 = KRESS
ICAHN = sorted(XML.glob("icahn-entity-*.xml"))
KRESS_KEY = "cik:0001588670"


class Element:
    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parts: list[str | Element] = []

    @property
    def children(self) -> list[Element]:
        return [p for p in self.parts if isinstance(p, Element)]

    @property
    def text(self) -> str:
        return "".join(p for p in self.parts if isinstance(p, str))

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def all_text(self) -> str:
        return "".join(p if isinstance(p, str) else p.all_text() for p in self.parts)

    def iter(self) -> Iterator[Element]:
        yield self
        for c in self.children:
            yield from c.iter()

    def find(self, tag: str, cls: str | None = None) -> list[Element]:
        return [e for e in self.iter() if e.tag == tag and (cls is None or cls in e.classes)]


_VOID = {"meta", "br", "col", "img", "input", "link", "hr"}


class _Tree(HTMLParser):
    """Enough of a DOM to ask the page questions, from the standard library alone."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].parts.append(el)
        if tag not in _VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].parts.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].parts.append(data)


def dom(text: str) -> Element:
    tree = _Tree()
    tree.feed(text)
    tree.close()
    return tree.root


def kress_page(store: EventStore, tmp_path: Path, files: list[Path]) -> tuple[str, Element]:
    ingest_paths(store, files, workers=1)
    out = write_person_report(store, [KRESS_KEY], None, tmp_path / "kress.html")
    text = out.read_text(encoding="utf-8")
    return text, dom(text)


# --- the page's content ------------------------------------------------------------------


def test_one_step_path_per_position_and_the_break_marked_with_its_numbers(
    store: EventStore, tmp_path: Path
) -> None:
    text, root = kress_page(store, tmp_path, [KRESS_ORIGINAL, KRESS_AMEND_2])
    charts = root.find("svg", "chart")
    cards = [d for d in root.find("div", "card")]
    assert len(charts) == len(cards) == 4  # direct + LLC + two family members
    for chart in charts:
        assert len(chart.find("path", "step")) == 1
    assert {c.attrs["data-position"] for c in charts} == {c.attrs["data-position"] for c in cards}

    (marker,) = root.find("g", "discrepancy")
    assert "failing" in marker.classes
    assert (marker.attrs["data-expected"], marker.attrs["data-reported"]) == ("536960", "438458")
    title = marker.find("title")[0].text
    assert "expected 536,960, reported 438,458" in title
    assert "difference -98,502" in title and "within filing" in title
    assert marker.find("circle", "expected") and marker.find("path", "reported-break")

    direct = next(
        c
        for c in charts
        if c.attrs["data-position"].startswith("stock|")
        and c.attrs["data-position"].endswith("|D|")
    )
    reported = [Decimal(p.attrs["data-value"]) for p in direct.find("circle", "reported")]
    assert reported == [Decimal("547701"), Decimal("536960")]

    # The legend says which mark is expected and which reported.
    legend = root.find("div", "legend")[0].all_text()
    assert "Expected (ledger)" in legend and "Reported (filing)" in legend

    # The header: person, issuer, relationship and title read back from the source file.
    header = root.find("header")[0].all_text()
    assert "Kress Colette" in header and "NVIDIA CORP (NVDA)" in header
    assert "Officer (EVP & Chief Financial Officer)" in header
    assert "EVP &amp; Chief Financial Officer" in text  # escaped in the file itself
    stats = {
        s.find("span")[0].text: s.find("b")[0].text for s in root.iter() if "stat" in s.classes
    }
    assert stats["discrepancies"] == "1" and stats["late filings"] == "0"

    # The event table: thousands separators, the mismatch row flagged, expected under reported.
    table = next(
        t for t in root.find("table", "ledger") if t.attrs["data-position"].endswith("|D|")
    )
    rows = table.find("tr")[1:]
    cells = [[td.all_text().strip() for td in r.find("td")] for r in rows]
    assert cells[0][:8] == [
        "2022-12-14",
        "2023-03-14 4/A",
        "Tax withholding F",
        "-11,570",
        "$176.74",
        "$2,044,881.80",  # the row's dollar value: 11,570 x $176.74, exact
        "547,701",
        "547,701",
    ]
    broken = [r for r in rows if "break" in r.classes]
    assert len(broken) == 1
    assert broken[0].find("td", "reported")[0].all_text() == "438,458expected 536,960"
    # Footnotes: numbered markers with the full text on hover and listed under the table.
    marks = table.find("span", "fn")
    assert marks and all(m.attrs["title"] for m in marks)


def test_chain_over_four_filings_steps_once_per_event(store: EventStore, tmp_path: Path) -> None:
    ingest_paths(store, ICAHN, workers=1)
    keys = [p.key for p in find_people(store, "Icahn")]
    out = write_person_report(store, keys, None, tmp_path / "icahn.html")
    root = dom(out.read_text(encoding="utf-8"))
    (chart,) = root.find("svg", "chart")
    (path,) = chart.find("path", "step")
    assert path.attrs["d"].count(" V ") == 4
    values = [p.attrs["data-value"] for p in chart.find("circle", "reported")]
    assert values == ["518932944", "549400539", "581937313", "618393343"]
    assert not root.find("g", "discrepancy")
    # A calendar axis: dated ticks on round dates, in order, inside the page's range, and
    # each step where its date falls (later events further right).
    ticks = [t.attrs["data-date"] for t in chart.find("text", "date")]
    assert len(ticks) >= 3 and ticks == sorted(ticks)
    assert all(t.endswith("-01") for t in ticks)  # first of a month (or of a year)
    labels = [t.text for t in chart.find("text", "date")]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    for tick, text in zip(ticks, labels, strict=True):  # "Jan 2026" under 2026-01-01
        year, month = int(tick[:4]), int(tick[5:7])
        assert text in (f"{months[month - 1]} {year}", str(year))
    xs = [float(c.attrs["cx"]) for c in chart.find("circle", "reported")]
    assert xs == sorted(xs) and len(set(xs)) == 4
    # data-t: the day (days since 1970), and half of it: each is its date's only event.
    assert [c.attrs["data-t"] for c in chart.find("circle", "reported")] == [
        f"{(dt.date.fromisoformat(d) - dt.date(1970, 1, 1)).days}.5"
        for d in ("2025-09-24", "2025-12-24", "2026-04-15", "2026-06-25")
    ]
    assert "618,393,343" in root.find("table", "ledger")[0].all_text()


def test_amendment_supersedes_and_the_page_says_so(store: EventStore, tmp_path: Path) -> None:
    text, root = kress_page(store, tmp_path, KRESS)
    assert not root.find("g", "discrepancy")
    filings = root.find("details")[0]
    forms = [r.find("td")[0].all_text() for r in filings.find("tr")[1:]]
    assert forms == ["4 superseded", "4/A amendment", "4/A amendment"]
    assert "2 in force, 1 superseded by amendment" in root.find("header")[0].all_text()


def test_explained_break_is_amber_and_labelled(store: EventStore, tmp_path: Path) -> None:
    rsu = ROOT.parent / "shared" / "realdata" / "xml" / "RSU_with_disposal.xml"
    if not rsu.is_file():
        pytest.skip(f"shared data not found at {rsu} (CI has it beside the clone)")
    ingest_paths(store, [rsu], workers=1)
    keys = [p.key for p in find_people(store, "Travers")]
    out = write_person_report(store, keys, None, tmp_path / "t.html")
    root = dom(out.read_text(encoding="utf-8"))
    markers = root.find("g", "discrepancy")
    assert len(markers) == 4 and all("explained" in m.classes for m in markers)
    stock = next(m for m in markers if m.attrs["data-expected"] == "1135941")
    assert stock.attrs["data-reported"] == "1138960"
    assert "footnote says balance includes other shares" in stock.find("title")[0].text
    columns = root.find("div", "column")
    assert [c.find("h3")[0].text for c in columns] == [
        "Common stock",
        "Options and other derivatives",
    ]
    assert "Restricted Stock Units" in columns[1].all_text()


def test_text_is_escaped_and_the_page_fetches_nothing(store: EventStore, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.xml"
    src = ICAHN[0].read_text(encoding="utf-8")
    name = src.split("<rptOwnerName>", 1)[1].split("</rptOwnerName>", 1)[0]
    hostile.write_text(
        src.replace(name, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"),
        encoding="utf-8",
    )
    ingest_paths(store, [hostile], workers=1)
    (person,) = people(store)
    out = write_person_report(store, [person.key], None, tmp_path / "h.html")
    text = out.read_text(encoding="utf-8")
    # The one script is the page's own zoom script, allowed by its hash and nothing else.
    assert text.count("<script") == 1 and f"<script>{SCRIPT}</script>" in text
    assert f"script-src {script_hash()}" in text and "unsafe-inline'; img" not in text.replace(
        "style-src 'unsafe-inline'; img", ""
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;" in text
    # Self-contained: no external stylesheet, script, image or font; url() only within the
    # page (the charts' clip paths), and no address but links to EDGAR.
    for needle in ("<link", "src=", "@import", "fetch(", "XMLHttpRequest"):
        assert needle not in text
    assert not re.search(r"url\((?!#)", text)
    assert text.count("http://") == text.count('xmlns="http://www.w3.org/2000/svg"')
    assert all(
        u.startswith("https://www.sec.gov/Archives/edgar/data/")
        for u in re.findall(r"https://[^\"' ]+", text)
    )


def test_relationship_comes_from_the_ledger_not_the_source_file(
    store: EventStore, tmp_path: Path
) -> None:
    copy = tmp_path / KRESS_ORIGINAL.name
    shutil.copy(KRESS_ORIGINAL, copy)
    ingest_paths(store, [copy], workers=1)
    copy.unlink()
    out = write_person_report(store, [KRESS_KEY], "NVDA", tmp_path / "k.html")
    header = dom(out.read_text(encoding="utf-8")).find("header")[0].all_text()
    assert "Kress Colette" in header
    assert "Relationship" in header and "Officer (EVP & Chief Financial Officer)" in header


def test_nobody_has_no_page(store: EventStore, tmp_path: Path) -> None:
    ingest_paths(store, ICAHN, workers=1)
    with pytest.raises(NoEvents):
        write_person_report(store, ["cik:9999999999"], None, tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


def test_index_links_every_person(store: EventStore, tmp_path: Path) -> None:
    ingest_paths(store, [*KRESS, *ICAHN], workers=1)
    index = write_all_reports(store, tmp_path / "site")
    assert index == tmp_path / "site" / "index.html"
    root = dom(index.read_text(encoding="utf-8"))
    links = {a.all_text(): a.attrs["href"] for a in root.find("table", "index")[0].find("a")}
    everyone = people(store)
    assert len(links) == len(everyone) == 2
    for p in everyone:
        href = links[p.name or p.key]
        page = index.parent / href
        assert page.is_file()
        sub = dom(page.read_text(encoding="utf-8"))
        assert sub.find("h1")[0].text == (p.name or p.key)
        assert sub.find("a")[0].attrs["href"] == "index.html"


def test_decimal_text() -> None:
    assert num(Decimal("1138960")) == "1,138,960"
    assert num(Decimal("1E+3")) == "1,000"
    assert num(Decimal("36.000")) == "36.000"  # as filed: not 36,000
    assert signed(Decimal("3019")) == "+3,019" and signed(Decimal("-98502")) == "-98,502"
    assert money(Decimal("634.4608")) == "$634.4608"
    # Money is never rounded: cents where the exact value has none beyond, else every digit,
    # and a stored 40-digit figure stays 40 digits (abs() and * would round to 28).
    assert dollars(Decimal("135821.2900")) == "$135,821.29"
    assert dollars(Decimal("337901.7850")) == "$337,901.785"
    assert money(Decimal("-" + "1" * 40)) == "-$" + f"{int('1' * 40):,}"
    assert dollars(Decimal("1" * 40)) == "$" + f"{int('1' * 40):,}" + ".00"
    assert axis_label(Decimal("520000000"), Decimal("20000000")) == "520M"
    assert axis_label(Decimal("1135000"), Decimal("5000")) == "1,135,000"
    assert axis_label(Decimal("30000"), Decimal("10000")) == "30k"


@pytest.mark.parametrize(
    "values",
    [
        [Decimal("21109310"), Decimal("21095422"), Decimal("18509696")],
        [Decimal("-41982"), Decimal("306656"), Decimal("12500")],
        [Decimal("0")],
        [Decimal("400")],
        [Decimal("0.5"), Decimal("0.75")],
    ],
)
def test_scale_covers_the_data_with_round_ticks(values: list[Decimal]) -> None:
    s = scale_for(values)
    assert s.low <= min(values) and s.high >= max(values)
    ticks = s.ticks()
    assert 2 <= len(ticks) <= 7
    assert all((t / s.step) == (t / s.step).to_integral_value() for t in ticks)


# --- a real browser ------------------------------------------------------------------------

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


def _chromium() -> str:
    exe = shutil.which("chromium")
    if exe is None:
        pytest.skip(
            "headless Chromium not installed (Debian: apt-get install -y chromium "
            "chromium-driver; .ci/run installs it when absent)"
        )
    return exe


def _run_chromium(exe: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    profile = tempfile.mkdtemp(prefix="report-chromium-")
    try:
        return subprocess.run(
            [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            timeout=120,
            check=True,
            env={**os.environ, "HOME": profile},
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Rows of raw RGB(A) bytes from an 8-bit non-interlaced PNG, which is what Chromium writes;
    enough to count coloured pixels without an imaging library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, channels, rows


def _count(rows: list[bytes], channels: int, rgb: tuple[int, int, int], tol: int = 12) -> int:
    n = 0
    for row in rows:
        for i in range(0, len(row), channels):
            if all(abs(row[i + k] - rgb[k]) <= tol for k in range(3)):
                n += 1
    return n


@pytest.mark.browser
def test_chromium_renders_chart_table_and_marker(store: EventStore, tmp_path: Path) -> None:
    exe = _chromium()
    ingest_paths(store, [KRESS_ORIGINAL, KRESS_AMEND_2], workers=1)
    ARTIFACTS.mkdir(exist_ok=True)
    page = write_person_report(store, [KRESS_KEY], None, ARTIFACTS / "report.html")
    url = page.resolve().as_uri()

    dumped = _run_chromium(exe, "--dump-dom", url).stdout.decode("utf-8")
    root = dom(dumped)
    charts = root.find("svg", "chart")
    assert len(charts) == 4 and all(len(c.find("path", "step")) == 1 for c in charts)
    (marker,) = root.find("g", "discrepancy")
    assert marker.attrs["data-reported"] == "438458"
    assert "expected 536,960, reported 438,458" in marker.find("title")[0].text
    ledger = " ".join(t.all_text() for t in root.find("table", "ledger"))
    for figure in ("547,701", "536,960", "438,458", "-11,570", "$176.74", "76,768"):
        assert figure in ledger

    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    _run_chromium(exe, f"--screenshot={shot}", "--window-size=1400,2000", url)
    width, channels, rows = _png_pixels(shot.read_bytes())
    assert width == 1400 and len(rows) == 2000
    # The running-balance line (blue) and the discrepancy diamond (red) were painted.
    assert _count(rows, channels, (0x1D, 0x4E, 0xD8)) > 500
    assert _count(rows, channels, (0xDC, 0x26, 0x26)) > 60


# --- links to EDGAR, the issuer page, dollar values --------------------------------------

AAR = XML / "0001127602-25-001055.txt"
AAR_INDEX = "https://www.sec.gov/Archives/edgar/data/1750/000112760225001055/"
SEEDS = Path(__file__).resolve().parent / "fixtures" / "text" / "seeds"
QUALYS_INSIDERS = [
    "COURTOT PHILIPPE F",
    "Kim Joo Mi",
    "POSEY BRUCE K",
    "Thakar Sumedh S",
    "Wilson John N",
]


def test_a_filing_with_an_accession_number_links_to_its_edgar_index(
    store: EventStore, tmp_path: Path
) -> None:
    ingest_paths(store, [AAR], workers=1)
    (person,) = people(store)
    out = write_person_report(store, [person.key], None, tmp_path / "aar.html")
    root = dom(out.read_text(encoding="utf-8"))
    links = [a for a in root.find("a") if a.attrs.get("href", "").startswith("https://")]
    assert links and {a.attrs["href"] for a in links} == {AAR_INDEX}
    filings = root.find("details")[0]
    assert "0001127602-25-001055" in filings.all_text()
    # Every event row's filing date links to the filing too.
    rows = [r for t in root.find("table", "ledger") for r in t.find("tr")[1:]]
    assert rows and all(r.find("td")[1].find("a")[0].attrs["href"] == AAR_INDEX for r in rows)


def test_a_filing_without_one_gets_no_link(store: EventStore, tmp_path: Path) -> None:
    ingest_paths(store, [SEEDS], workers=1)
    out = write_issuer_report(store, "QLYS", tmp_path / "q.html")
    text = out.read_text(encoding="utf-8")
    assert "https://" not in text and text.count("no accession number") == 5


def test_the_issuer_page_names_every_insider_with_trades_valued(
    store: EventStore, tmp_path: Path
) -> None:
    ingest_paths(store, [SEEDS], workers=1)
    out = write_issuer_report(store, "QLYS", tmp_path / "qlys.html")
    root = dom(out.read_text(encoding="utf-8"))
    assert root.find("h1")[0].text == "QUALYS, INC. (QLYS)"
    table = root.find("table", "insiders")[0]
    names = [r.find("a")[0].all_text() for r in table.find("tr")[1:]]
    assert names == QUALYS_INSIDERS
    sections = root.find("section", "issuer")
    assert [s.find("h2")[0].text for s in sections] == QUALYS_INSIDERS
    # Every insider's positions are charted, on one calendar for the whole page.
    charts = root.find("svg", "chart")
    # (nine: the snapshot's eight and Wilson's option of 2013, long expired)
    assert len(charts) == 9 and len({(c.attrs["data-t0"], c.attrs["data-t1"]) for c in charts}) == 1
    # Sales (S) across the issuer: Posey 1,100 @ 123.4739 + 1,400 @ 124.1357, Kim 1,598 @
    # 180.4183, Thakar's four, Wilson's: exact sums of shares x price.
    header = root.find("header")[0]
    sold = next(t for t in header.find("div", "sell"))
    assert sold.find("b")[0].text == "$1,776,734.1134"
    assert "8 trades, 21,098 shares" in sold.all_text()
    bought = header.find("div", "buy")[0]
    assert bought.find("b")[0].text == "$0.00" and "0 trades" in bought.all_text()
    posey = sections[2]
    values = [
        r.find("td")[5].all_text() for t in posey.find("table", "ledger") for r in t.find("tr")[1:]
    ]
    assert "$135,821.29" in values and "$173,789.98" in values  # 1,100 x 123.4739; 1,400 x 124.1357
    with pytest.raises(NoEvents):
        write_issuer_report(store, "NOPE", tmp_path / "nope.html")


def test_a_sale_whose_side_a_rendering_lost_still_counts_as_sold(
    store: EventStore, tmp_path: Path
) -> None:
    """The tiles count code S rows; a rendering that lost the row's (D) keeps its amount
    unsigned (no quantity), and the sale of 3,492 shares @ $207.13 is still one of them."""
    source = (XML.parent / "text" / "twins" / "cook_2019-08-24.md").read_text()
    unsided = tmp_path / "cook.md"
    unsided.write_text(source.replace("| 3,492 ⁽⁷⁾ | D |", "| 3,492 ⁽⁷⁾ |  |"))
    assert unsided.read_text() != source
    ingest_paths(store, [unsided], workers=1)
    out = write_issuer_report(store, "AAPL", tmp_path / "aapl.html")
    sold = next(t for t in dom(out.read_text(encoding="utf-8")).find("div", "sell"))
    assert "3 trades, 265,160 shares" in sold.all_text()
    assert sold.find("b")[0].text == "$54,667,179.36"


def test_events_of_one_day_share_it_in_replay_order() -> None:
    day = dt.date(2015, 10, 2)
    n = (day - dt.date(1970, 1, 1)).days
    times = event_times([day, day, day, day + dt.timedelta(days=1)])
    assert times == [
        round(n + 1 / 6, 4),
        n + 0.5,
        round(n + 5 / 6, 4),
        n + 1.5,
    ]


def test_time_ticks_fall_on_round_dates_that_fit() -> None:
    one_year = Domain(dt.date(2024, 1, 1), dt.date(2024, 12, 31), 0, 560)
    ticks = one_year.ticks()
    assert [t.isoformat() for t, _ in ticks] == [
        "2024-01-01",
        "2024-03-01",
        "2024-05-01",
        "2024-07-01",
        "2024-09-01",
        "2024-11-01",
    ]
    assert ticks[0][1] == "Jan 2024"
    days = Domain(dt.date(2025, 2, 11), dt.date(2025, 2, 18), 0, 560).ticks()
    assert [label for _, label in days][:2] == ["11 Feb 2025", "13 Feb 2025"]
    decades = Domain(dt.date(1999, 6, 1), dt.date(2025, 2, 1), 0, 560).ticks()
    assert [label for _, label in decades] == ["2000", "2005", "2010", "2015", "2020", "2025"]


@pytest.mark.browser
def test_chromium_shows_the_issuer_page_links_to_edgar_and_zooms(
    db_url: str, tmp_path: Path
) -> None:
    exe = _chromium()
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "--db", db_url, str(SEEDS), str(AAR)]).exit_code == 0
    ARTIFACTS.mkdir(exist_ok=True)
    qlys = ARTIFACTS / "qlys.html"
    result = runner.invoke(app, ["report", "--db", db_url, "--issuer", "QLYS", "--out", str(qlys)])
    assert result.exit_code == 0, result.output

    root = dom(_run_chromium(exe, "--dump-dom", qlys.resolve().as_uri()).stdout.decode())
    table = root.find("table", "insiders")[0]
    assert [r.find("a")[0].all_text() for r in table.find("tr")[1:]] == QUALYS_INSIDERS
    assert [s.find("h2")[0].text for s in root.find("section", "issuer")] == QUALYS_INSIDERS
    # The script ran (its hash is what the page's policy allows): the zoom bar is shown.
    (bar,) = root.find("form", "zoom")
    assert "hidden" not in bar.attrs
    assert "whole period" in bar.find("span", "zoom-status")[0].all_text()

    # Zoomed through the address: every chart's ticks now fall inside the range, and the
    # table rows outside it are hidden.
    zoomed = qlys.resolve().as_uri() + "#from=2025-02-13&to=2025-02-16"
    root = dom(_run_chromium(exe, "--dump-dom", zoomed).stdout.decode())
    (body,) = root.find("body")
    assert body.attrs["data-zoom"] == "2025-02-13/2025-02-16"
    ticks = [
        t.attrs["data-date"]
        for c in root.find("svg", "chart")
        for t in c.find("text")
        if "date" in t.classes
    ]
    assert ticks and all("2025-02-13" <= t <= "2025-02-16" for t in ticks)
    rows = [r for t in root.find("table", "ledger") for r in t.find("tr")[1:]]
    shown = [r for r in rows if "out" not in r.classes]
    assert len(rows) == 17 and len(shown) == 7  # Thakar's rows of 2025-02-14 and -15
    assert all(r.find("td")[0].all_text() in ("2025-02-14", "2025-02-15") for r in shown)

    aar = ARTIFACTS / "aar.html"
    key = next(p.key for p in holdings.open(db_url).people() if p.key.startswith("cik:"))
    assert runner.invoke(app, ["report", key, "--db", db_url, "--out", str(aar)]).exit_code == 0
    root = dom(_run_chromium(exe, "--dump-dom", aar.resolve().as_uri()).stdout.decode())
    hrefs = {a.attrs["href"] for a in root.find("a", "edgar")}
    assert hrefs == {AAR_INDEX}

    shot = ARTIFACTS / "qlys.png"
    shot.unlink(missing_ok=True)
    _run_chromium(exe, f"--screenshot={shot}", "--window-size=1400,1400", qlys.resolve().as_uri())
    width, channels, pixels = _png_pixels(shot.read_bytes())
    assert width == 1400 and _count(pixels, channels, (0x1D, 0x4E, 0xD8)) > 500
