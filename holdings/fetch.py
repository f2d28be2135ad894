"""The fetch use case: a person's or an issuer's Forms 3, 4 and 5 from EDGAR into the ledger.

Three steps, each one way: the listing (EDGAR's submissions file of each CIK, with its older
pages), the documents (through the polite client and its cache), then the ingest use case
(``holdings.ingest``), which appends and refreshes projections as for files on disk.

A second run asks EDGAR for the listing only: filings whose accession number the ledger holds
are skipped before any request, documents already cached are read from disk, and older listing
pages are re-read only when the listing says they changed. Everything is downloaded before
anything is appended, so a run killed while downloading has appended nothing and the next run
starts where it stopped (the cache keeps every body that arrived whole).

EDGAR's filing date and acceptance time for each filing come from its listing and travel with
the filing into the ledger (``Filing.filed_date``, ``Filing.accepted_at``): for plain XML it is
the only place they are written, and the late-filing audit measures from the filing date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from holdings.edgar import EdgarClient, Fetched, FetchError
from holdings.ingest import Document, IngestSummary, ingest_documents
from ledger.schema import resolve_url
from ledger.store import EventStore

OWNERSHIP_FORMS = ("3", "4", "5")
TICKERS_MAX_AGE = 24 * 3600.0
"""company_tickers.json changes rarely: read again at most once a day."""

_ACCESSION = re.compile(r"^\d{10}-\d{2}-\d{6}$")


class ListingError(Exception):
    """A CIK or ticker EDGAR does not know, or a listing that cannot be read."""


@dataclass(frozen=True)
class Listed:
    """One filing as a submissions listing names it."""

    cik: str
    """The CIK whose listing named it (unpadded): its documents are under this CIK."""
    accession: str
    form: str
    filing_date: dt.date | None
    report_date: dt.date | None
    accepted_at: str | None
    primary_document: str


@dataclass
class FetchCounts:
    listed: int = 0
    """Filings of the forms asked for, in the window asked for."""
    in_ledger: int = 0
    """Of those, already in the ledger (by accession number): nothing asked for."""
    cached: int = 0
    """Read from the cache on disk."""
    fetched: int = 0
    """Downloaded by this run."""
    failed: int = 0
    """Could not be downloaded (quarantined with their URL)."""


@dataclass
class FetchSummary:
    counts: FetchCounts = field(default_factory=FetchCounts)
    ingest: IngestSummary = field(default_factory=IngestSummary)
    requests: int = 0
    """What this run asked of the network, retries included."""
    failures: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        c = self.counts
        return {
            "listed": c.listed,
            "in_ledger": c.in_ledger,
            "cached": c.cached,
            "fetched": c.fetched,
            "failed": c.failed,
            "requests": self.requests,
            **self.ingest.as_dict(),
        }

    @property
    def ok(self) -> bool:
        return not (self.counts.failed or self.ingest.quarantined or self.ingest.conflicts)


Progress = Callable[[str, int, int, FetchCounts], None]
"""``progress(stage, done, total, counts)``; stage is "listing", "fetching" or "ingesting"."""


def forms_wanted(forms: Iterable[str] = OWNERSHIP_FORMS, amendments: bool = True) -> frozenset[str]:
    """The listing's form names to take: "3,4,5" means those and (unless ``amendments`` is
    False) their /A. Anything else is refused: this ledger reads ownership forms only."""
    out: set[str] = set()
    for raw in forms:
        for part in raw.split(","):
            name = part.strip().upper()
            if not name:
                continue
            base = name.removesuffix("/A")
            if base not in OWNERSHIP_FORMS:
                raise ValueError(f"form '{part.strip()}' is not 3, 4 or 5 (or their /A)")
            out.add(name)
            if amendments and name == base:
                out.add(f"{base}/A")
    if not out:
        raise ValueError("no form given")
    return frozenset(out)


def normalise_cik(value: str | int) -> str:
    text = str(value).strip().upper().removeprefix("CIK").lstrip("0")
    if not text.isdigit() or len(text) > 10:
        raise ValueError(f"'{value}' is not a CIK (up to ten digits)")
    return text


def resolve_tickers(client: EdgarClient, tickers: Iterable[str]) -> list[str]:
    """CIKs of the tickers, from EDGAR's company_tickers.json (cached for a day)."""
    wanted = [t.strip().upper() for t in tickers if t.strip()]
    if not wanted:
        return []
    url = f"{client.hosts.www}/files/company_tickers.json"
    table = client.get_json(url, max_age=TICKERS_MAX_AGE)
    rows = table.values() if isinstance(table, dict) else table
    known: dict[str, str] = {}
    for row in rows:
        if isinstance(row, dict) and row.get("ticker") is not None:
            known.setdefault(str(row["ticker"]).upper(), normalise_cik(row["cik_str"]))
    missing = [t for t in wanted if t not in known]
    if missing:
        raise ListingError(f"ticker {', '.join(missing)} is not in EDGAR's company_tickers.json")
    return [known[t] for t in wanted]


def list_filings(
    client: EdgarClient,
    cik: str,
    *,
    forms: frozenset[str],
    since: dt.date | None = None,
    failures: list[tuple[str, str]] | None = None,
) -> list[Listed]:
    """The filings of ``cik`` of the forms asked for, filed on or after ``since``: the recent
    ones from the submissions file (always asked for afresh), older ones from the pages it
    lists (read from the cache while the listing describes them the same way). A page that
    cannot be read is added to ``failures`` and the rest is listed."""
    cik = normalise_cik(cik)
    url = f"{client.hosts.data}/submissions/CIK{int(cik):010d}.json"
    try:
        main = client.get_json(url, use_cache=False)
    except FetchError as exc:
        if exc.status == 404:
            raise ListingError(f"EDGAR has no submissions for CIK {cik} ({url})") from None
        raise ListingError(str(exc)) from None
    filings = main.get("filings") if isinstance(main, dict) else None
    if not isinstance(filings, dict):
        raise ListingError(f"{url}: no 'filings' in the submissions file")
    out = _rows(cik, filings.get("recent") or {}, url, forms, since)
    for page in filings.get("files") or []:
        name = str(page.get("name", ""))
        if not re.fullmatch(r"CIK\d{10}-submissions-\d{3}\.json", name):
            if failures is not None:
                failures.append((url, f"listing page name {name!r} is not EDGAR's"))
            continue
        newest = _date(page.get("filingTo"))
        if since is not None and newest is not None and newest < since:
            continue
        page_url = f"{client.hosts.data}/submissions/{name}"
        tag = f"{page.get('filingCount')}:{page.get('filingFrom')}:{page.get('filingTo')}"
        try:
            columns = client.get_json(page_url, tag=tag)
            out.extend(_rows(cik, columns, page_url, forms, since))
        except (FetchError, ListingError) as exc:
            if failures is None:
                raise
            failures.append((page_url, str(exc)))
    return out


def _rows(
    cik: str, columns: Any, url: str, forms: frozenset[str], since: dt.date | None
) -> list[Listed]:
    """The listing's parallel arrays as rows; arrays of unequal length are refused (zipping
    them would silently drop the tail of the history)."""
    if not isinstance(columns, dict):
        raise ListingError(f"{url}: the filings are not a table of columns")
    needed = ("accessionNumber", "filingDate", "form", "primaryDocument")
    missing = [c for c in needed if c not in columns]
    if missing:
        if not columns:
            return []
        raise ListingError(f"{url}: the listing lacks {', '.join(missing)}")
    names = [*needed, "reportDate", "acceptanceDateTime"]
    arrays: dict[str, list[Any]] = {}
    for name in names:
        column = columns.get(name)
        if column is None:
            continue
        if not isinstance(column, list):
            raise ListingError(f"{url}: the listing's {name} is not a list")
        arrays[name] = column
    lengths = {n: len(a) for n, a in arrays.items()}
    if len(set(lengths.values())) > 1:
        raise ListingError(f"{url}: the listing's columns disagree in length ({lengths})")
    count = lengths["accessionNumber"]
    out: list[Listed] = []
    for i in range(count):

        def cell(name: str, i: int = i) -> str:
            column = arrays.get(name)
            return str(column[i] or "").strip() if column is not None else ""

        form = cell("form").upper()
        if form not in forms:
            continue
        filed = _date(cell("filingDate"))
        if since is not None and (filed is None or filed < since):
            continue
        accession = cell("accessionNumber")
        if not _ACCESSION.match(accession):
            raise ListingError(f"{url}: row {i} has no accession number ({accession!r})")
        out.append(
            Listed(
                cik=cik,
                accession=accession,
                form=form,
                filing_date=filed,
                report_date=_date(cell("reportDate")),
                accepted_at=cell("acceptanceDateTime") or None,
                primary_document=cell("primaryDocument"),
            )
        )
    return out


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def document_urls(client: EdgarClient, listed: Listed) -> list[str]:
    """Where the filing's ownership XML is, best first. ``primaryDocument`` of a Form 3/4/5 is
    usually EDGAR's rendered view (``xslF345X05/wf-form4_....xml``); the raw XML is the same
    name without the ``xsl.../`` folder. The complete submission (``<accession>.txt``, the
    SGML the parser reads too) is the fallback, and the only choice when the primary document
    is not XML (filings from before 2003)."""
    base = (
        f"{client.hosts.www}/Archives/edgar/data/{int(listed.cik)}/"
        f"{listed.accession.replace('-', '')}/"
    )
    urls: list[str] = []
    parts = [p for p in listed.primary_document.split("/") if p]
    if parts and parts[0].lower().startswith("xsl"):
        parts = parts[1:]
    name = "/".join(parts)
    if name.lower().endswith(".xml") and ".." not in parts:
        urls.append(base + name)
    urls.append(base + f"{listed.accession}.txt")
    return urls


def fetch_document(client: EdgarClient, listed: Listed) -> Fetched:
    """The filing's document, trying ``document_urls`` in turn while EDGAR answers 404 (any of
    them already in the cache first, so that a fallback taken once costs no request again)."""
    urls = document_urls(client, listed)
    for url in urls:
        hit = client.cache.lookup(url)
        if hit is not None:
            return hit
    for i, url in enumerate(urls):
        try:
            return client.get(url)
        except FetchError as exc:
            if exc.status != 404 or i == len(urls) - 1:
                raise
    raise AssertionError("unreachable")


def fetch_filings(
    store: EventStore,
    client: EdgarClient,
    *,
    ciks: Iterable[str] = (),
    tickers: Iterable[str] = (),
    since: dt.date | None = None,
    forms: frozenset[str] | None = None,
    progress: Progress | None = None,
    batch_size: int = 50,
) -> FetchSummary:
    """List, download and ingest the filings of ``ciks`` and ``tickers`` (a person's CIK lists
    their filings across issuers; an issuer's, its insiders'). Raises ``ListingError`` for a
    ticker or CIK EDGAR does not know; download failures are quarantined with their URL and
    the run goes on."""
    forms = forms or forms_wanted()
    summary = FetchSummary()
    asked_before = client.requests
    counts = summary.counts
    wanted = [normalise_cik(c) for c in ciks] + resolve_tickers(client, tickers)

    listed: dict[str, Listed] = {}
    page_failures: list[tuple[str, str]] = []
    for done, cik in enumerate(dict.fromkeys(wanted), 1):
        for item in list_filings(client, cik, forms=forms, since=since, failures=page_failures):
            listed.setdefault(item.accession, item)
        if progress:
            progress("listing", done, len(wanted), counts)
    for url, reason in page_failures:
        _fail(store, summary, url, reason)
    counts.listed = len(listed)

    present = store.accessions_present(listed)
    counts.in_ledger = len(present)
    todo = sorted(
        (item for acc, item in listed.items() if acc not in present),
        key=lambda i: (i.filing_date or dt.date.min, i.accession),
    )
    got: list[tuple[Listed, Fetched]] = []
    for done, item in enumerate(todo, 1):
        try:
            fetched = fetch_document(client, item)
        except FetchError as exc:
            _fail(store, summary, exc.url, exc.reason)
        else:
            got.append((item, fetched))
            if fetched.from_cache:
                counts.cached += 1
            else:
                counts.fetched += 1
        summary.requests = client.requests - asked_before
        if progress:
            progress("fetching", done, len(todo), counts)

    def ingest_progress(done: int, total: int, _what: str) -> None:
        if progress:
            progress("ingesting", done, total, counts)

    summary.ingest = ingest_documents(
        store, _documents(got), batch_size=batch_size, progress=ingest_progress, total=len(got)
    )
    summary.requests = client.requests - asked_before
    return summary


def _documents(got: list[tuple[Listed, Fetched]]) -> Iterator[Document]:
    for item, fetched in got:
        yield Document(
            path=fetched.url,
            data=fetched.read_bytes(),
            accession_number=item.accession,
            filed_date=item.filing_date,
            accepted_at=item.accepted_at,
        )


def _fail(store: EventStore, summary: FetchSummary, url: str, reason: str) -> None:
    summary.counts.failed += 1
    summary.failures.append(f"{url}: {reason}")
    store.quarantine(url, None, f"fetch failed: {reason}")


def fetch_dataset(client: EdgarClient, url: str) -> Fetched:
    """A quarter's Insider Transactions Data Set (``.../2024q3_form345.zip``) through the same
    polite client and cache: a past quarter's file does not change, so it is downloaded once."""
    return client.get(url)


def default_cache_dir(db: str | None) -> Path:
    """Beside the ledger: ``edgar-cache/`` in the SQLite file's folder; in the working folder
    for a ledger on a server."""
    url = resolve_url(db)
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[-1]
        if path and path != ":memory:":
            return Path(path).resolve().parent / "edgar-cache"
    return Path("edgar-cache").resolve()


__all__ = [
    "OWNERSHIP_FORMS",
    "FetchCounts",
    "FetchSummary",
    "Listed",
    "ListingError",
    "default_cache_dir",
    "document_urls",
    "fetch_dataset",
    "fetch_document",
    "fetch_filings",
    "forms_wanted",
    "list_filings",
    "normalise_cik",
    "resolve_tickers",
]
