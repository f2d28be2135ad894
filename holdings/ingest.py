"""The ingest use case: parse files, append their events, bring projections up to date. The one
place where parsers, the ledger and projections meet; each filing atomic on its own.

A file that cannot be parsed or classified, or holds a value the database refuses, is the
input's problem: it is quarantined with its reason and the batch goes on; what was appended
before it stays appended. A database that is full, locked past the timeout or gone is the
environment's problem: the run stops (``StoreUnavailable``) with every filing either whole in
the ledger or not in it, and quarantines nothing. Parsing runs in a process pool when asked (it
is the CPU-bound part); appends stay in this process, in order, so that the store sees one
writer per ingest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from holdings.linking import link_people
from ledger.classify import ClassificationError, filing_events
from ledger.store import (
    AppendResult,
    ConcurrencyError,
    DataRefused,
    EventStore,
    IdempotencyConflict,
    PreparedFiling,
    StoreUnavailable,
    prepare,
)
from parsers import (
    Filing,
    KnownNames,
    Limits,
    Note,
    ParseError,
    looks_like_xml,
    parse_bytes,
    parse_file,
)
from projections.issuer_names import issuer_names, refresh_issuer_names
from projections.materialize import catch_up
from projections.people import refresh_people

SKIP_NAMES = {"SOURCES.tsv", "README.md"}
SKIP_SUFFIXES = {".tsv", ".md", ".json", ".py", ".csv", ".html", ".png"}
DATABASE_SUFFIXES = (".db", ".db-wal", ".db-shm", ".db-journal", ".sqlite", ".sqlite3")


COUNTS = (
    "filings",
    "appended_filings",
    "events_appended",
    "already_present",
    "quarantined",
    "conflicts",
    "with_doubts",
)
"""What an ingest counts, in the order every face prints it."""


@dataclass
class IngestSummary:
    filings: int = 0
    appended_filings: int = 0
    events_appended: int = 0
    already_present: int = 0
    quarantined: int = 0
    conflicts: int = 0
    with_doubts: int = 0
    """Filings read with a doubt (appended, or quarantined under ``strict``)."""
    doubted: list[str] = field(default_factory=list)
    """One line per filing read with doubts: path, how many, and the first on a balance."""
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the ingest decided that a reader should know (printed on stderr): renderings of a
    filing already in as XML, renderings an XML replaced, people linked, tables missing."""
    touched_streams: set[str] = field(default_factory=set)
    """Streams that gained events: the ones whose projections need refreshing."""

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in COUNTS}


def discover(paths: Iterable[str | Path], skipped: list[Path] | None = None) -> list[Path]:
    """Files named, and every filing-looking file below folders named, in a stable order.
    ``skipped`` gets the files below the folders that were passed over by their kind (a
    folder's ``.md`` may be its notes or a converter's rendering of a filing: only a file
    named is read as one), so that the ingest can say so."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                if not sub.is_file():
                    continue
                if _wanted(sub):
                    found.append(sub)
                elif (
                    skipped is not None
                    and not sub.name.startswith(".")
                    and (sub.name not in SKIP_NAMES)
                ):
                    skipped.append(sub)
        else:
            found.append(p)
    return found


def _skipped_note(skipped: list[Path]) -> str:
    kinds = Counter(p.suffix.lower() or p.name for p in skipped)
    said = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    return (
        f"passed over {len(skipped)} file(s) in the folders by their kind ({said}), e.g."
        f" {skipped[0]}: not read as filings; name a file to read it (a converter's .md"
        " rendering, say)"
    )


def _wanted(p: Path) -> bool:
    if p.name in SKIP_NAMES or p.name.startswith("."):
        return False
    name = p.name.lower()
    return p.suffix.lower() not in SKIP_SUFFIXES and not name.endswith(DATABASE_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Doubts:
    """What the parser doubted in one filing, as plain data (it crosses process bounds)."""

    count: int
    on_balance: tuple[str, ...]
    """``line field: message`` of each doubt a balance rests on."""
    first_line: int | None


ParsedItem = tuple[str, PreparedFiling | None, str | None, int | None, Doubts | None]
"""(path, the filing's rows ready to append or None, why not, at which line, its doubts)."""


def _doubts(filing: Filing) -> Doubts | None:
    doubts = [n for n in filing.notes if n.kind == "doubt"]
    if not doubts:
        return None
    balance = [n for n in doubts if n.on_balance]
    return Doubts(
        count=len(doubts),
        on_balance=tuple(f"{n.line or '-'} {n.field or 'filing'}: {n.message}" for n in balance),
        first_line=next((n.line for n in balance if n.line), None),
    )


def _states_names(path: str) -> bool:
    """An XML filing, or an EDGAR submission wrapping one: by its name, or by the parser's own
    test on its first 200 KB (``parsers.looks_like_xml``)."""
    if path.lower().endswith(".xml"):
        return True
    try:
        with open(path, "rb") as fh:
            return looks_like_xml(fh.read(200_000))
    except OSError:
        return False  # (read, and quarantined, with the rest)


def _parse_one(path: str, known: KnownNames | None = None) -> ParsedItem:
    try:
        filing = parse_file(path, known=known)
        return path, prepare(filing, filing_events(filing)), None, None, _doubts(filing)
    except ParseError as exc:
        return path, None, exc.message, exc.line, None
    except ClassificationError as exc:
        return path, None, str(exc), None, None


def _parse_chunk(paths: list[str], known: KnownNames | None = None) -> list[ParsedItem]:
    return [_parse_one(p, known) for p in paths]


def parse_all(
    paths: list[str],
    workers: int = 1,
    chunk: int = 32,
    ahead: int = 8,
    known: KnownNames | None = None,
) -> Iterator[ParsedItem]:
    """Parsed files in the order given. With workers, parsing runs in a process pool that stays
    at most ``ahead`` chunks in front of the consumer: memory stays flat however many files
    there are, even when appending is slower than parsing."""
    if workers <= 1 or len(paths) < 2 * chunk:
        for p in paths:
            yield _parse_one(p, known)
        return
    chunks = [paths[i : i + chunk] for i in range(0, len(paths), chunk)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[list[ParsedItem]]] = deque()
        for part in chunks:
            pending.append(pool.submit(_parse_chunk, part, known))
            if len(pending) > ahead * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def ingest_paths(
    store: EventStore,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    batch_size: int = 1,
    progress: Callable[[int, int, str], None] | None = None,
    strict: bool = False,
) -> IngestSummary:
    """Parse, append and refresh. ``strict`` quarantines a filing read with a doubt that a
    balance rests on instead of appending it (its doubts are the reason)."""
    skipped: list[Path] = []
    files = [str(p) for p in discover(paths, skipped)]
    if workers is None:
        workers = min(2, os.cpu_count() or 1)
    summary = IngestSummary()
    if skipped:
        summary.notes.append(_skipped_note(skipped))
    appender = BatchAppender(store, summary, batch_size)
    # XML first: the issuer names they state apart read apart, in the text renderings after
    # them, boxes 1 and 2 run together (``parsers.KnownNames``), with the ledger's own
    # (``projections.issuer_names``)
    states = {p: _states_names(p) for p in files}
    structured = [p for p in files if states[p]]
    rest = [p for p in files if not states[p]]
    done = 0
    for batch in (structured, rest):
        if not batch:
            continue
        known = None
        if batch is rest:
            appender.flush()
            known = KnownNames.of(issuer_names(store))
        for path, prepared, reason, line, doubts in parse_all(batch, workers, known=known):
            done += 1
            summary.filings += 1
            if doubts is not None:
                summary.with_doubts += 1
                summary.doubted.append(_doubt_line(path, doubts))
            if prepared is None:
                quarantine_input(store, summary, path, reason or "unreadable", line)
            elif strict and doubts is not None and doubts.on_balance:
                reason = "--strict: doubt on a balance field: " + "; ".join(doubts.on_balance)
                quarantine_input(store, summary, path, reason, doubts.first_line)
            else:
                appender.add(prepared)
            if progress:
                progress(done, len(files), path)
    appender.finish()
    return summary


def _doubt_line(path: str, doubts: Doubts) -> str:
    balance = len(doubts.on_balance)
    first = f"; {doubts.on_balance[0]}" if balance else ""
    return f"{path}: {doubts.count} doubts, {balance} on balances{first}"


@dataclass(frozen=True)
class Document:
    """A filing's bytes that did not come from a file on disk (a download, say): ``path`` names
    where they came from (a URL), and the other fields are what the source's index says about
    the filing, which its bytes may not (plain XML carries no accession number or filing
    date)."""

    path: str
    data: bytes
    accession_number: str | None = None
    filed_date: dt.date | None = None
    accepted_at: str | None = None


def ingest_documents(
    store: EventStore,
    documents: Iterable[Document],
    *,
    batch_size: int = 50,
    progress: Callable[[int, int, str], None] | None = None,
    total: int = 0,
    strict: bool = False,
) -> IngestSummary:
    """``ingest_paths`` for bytes in hand: the same parse, classification, doubts (and
    ``strict``), batched append, quarantine and projection refresh."""
    summary = IngestSummary()
    appender = BatchAppender(store, summary, batch_size)
    for done, doc in enumerate(documents, 1):
        summary.filings += 1
        try:
            filing = with_index_facts(parse_bytes(doc.data, doc.path), doc)
            prepared = prepare(filing, filing_events(filing))
            doubts = _doubts(filing)
            if doubts is not None:
                summary.with_doubts += 1
                summary.doubted.append(_doubt_line(doc.path, doubts))
            if strict and doubts is not None and doubts.on_balance:
                reason = "--strict: doubt on a balance field: " + "; ".join(doubts.on_balance)
                quarantine_input(store, summary, doc.path, reason, doubts.first_line, doc.data)
            else:
                appender.add(prepared)
        except ParseError as exc:
            quarantine_input(store, summary, doc.path, exc.message, exc.line, doc.data)
        except ClassificationError as exc:
            quarantine_input(store, summary, doc.path, str(exc), None, doc.data)
        if progress:
            progress(done, max(total, done), doc.path)
    appender.finish()
    return summary


def with_index_facts(filing: Filing, doc: Document) -> Filing:
    """The filing with what the index says filled in where the document is silent. Where both
    speak and disagree, the document's own statement is kept with a note; a document whose
    accession number is not the one it was fetched as is not that filing, and is refused."""
    if doc.accession_number and filing.accession_number not in (None, doc.accession_number):
        raise ParseError(
            f"the document is accession {filing.accession_number}, but was listed as "
            f"{doc.accession_number}",
            doc.path,
        )
    update: dict[str, object] = {}
    notes = list(filing.notes)
    if doc.accession_number and filing.accession_number is None:
        update["accession_number"] = doc.accession_number
    if doc.filed_date is not None:
        if filing.filed_date is None:
            update["filed_date"] = doc.filed_date
        elif filing.filed_date != doc.filed_date:
            notes.append(
                Note(
                    field="filed_date",
                    message=f"EDGAR's index says filed {doc.filed_date}; the document's header "
                    f"says {filing.filed_date}, which is kept",
                )
            )
            update["notes"] = notes
    if doc.accepted_at and filing.accepted_at is None:
        update["accepted_at"] = doc.accepted_at
    return filing.model_copy(update=update) if update else filing


class BatchAppender:
    """Filings collected and appended ``batch_size`` at a time through the store's bulk path.
    A batch that loses a race rolls back whole; its filings are then appended one by one with
    retries, so each still lands atomically on its own, and each outcome is counted."""

    def __init__(self, store: EventStore, summary: IngestSummary, batch_size: int) -> None:
        self.store = store
        self.summary = summary
        self.batch_size = max(1, batch_size)
        self.pending: list[PreparedFiling] = []

    def add(self, prepared: PreparedFiling) -> None:
        self.pending.append(prepared)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def finish(self) -> None:
        """Flush, then bring the projections up to the log's end: the people table, the
        identity links the new events support (appended to the ledger), and the positions
        (every stream past its checkpoint, this run's and any a crashed run left behind, with
        the streams joined by a link or that lost a rendering to its XML), so that whoever
        ingests through the library sees the same projections as the CLI."""
        self.flush()
        if self.summary.touched_streams:
            refresh_people(self.store)
            refresh_issuer_names(self.store)
            for link in link_people(self.store):
                self.summary.notes.append(
                    f"{link.label}: {link.name_key} is {link.cik_key} ({link.reason})"
                )
        catch_up(self.store)

    def flush(self) -> None:
        """Append what is pending. A batch that loses a race or holds a refused value rolls
        back whole, and its filings go one by one, so that only the guilty one is quarantined.
        ``StoreUnavailable`` goes up: the run stops."""
        if not self.pending:
            return
        results: list[object]
        if len(self.pending) == 1:
            results = [ConcurrencyError("single filing")]
        else:
            try:
                results = list(self.store.append_prepared(self.pending))
            except (ConcurrencyError, DataRefused) as exc:
                results = [ConcurrencyError(str(exc))] * len(self.pending)
        for prepared, result in zip(self.pending, results, strict=True):
            if isinstance(result, ConcurrencyError):
                result = _append_with_retry(self.store, prepared)
            _record(self.summary, self.store, prepared, result)
        self.pending.clear()


def _append_with_retry(store: EventStore, prepared: PreparedFiling, attempts: int = 8) -> object:
    """One filing, retried while it loses races. A value the database refuses comes back as
    the reason to quarantine it; a race lost ``attempts`` times is the environment's."""
    for attempt in range(attempts):
        try:
            (result,) = store.append_prepared([prepared], what=prepared.path)
            return result
        except DataRefused as exc:
            return exc
        except ConcurrencyError as exc:
            if attempt == attempts - 1:
                raise StoreUnavailable(f"{exc} (gave up after {attempts} tries)") from exc
            time.sleep(0.01 * (2**attempt))
    raise AssertionError("unreachable")


def _record(
    summary: IngestSummary, store: EventStore, prepared: PreparedFiling, result: object
) -> None:
    if isinstance(result, AppendResult):
        if result.twin_of:
            summary.notes.append(
                f"{prepared.path}: a rendering of a filing already in the ledger as XML "
                f"({result.twin_of[:12]}); the XML's reading stands"
            )
        if result.supersedes:
            summary.notes.append(
                f"{prepared.path}: the XML of a filing already in the ledger as a rendering "
                f"({', '.join(s[:12] for s in result.supersedes)}); it supersedes the rendering"
            )
        if result.already_present:
            summary.already_present += 1
        else:
            summary.appended_filings += 1
            summary.events_appended += result.appended
            summary.touched_streams.update(prepared.stream_ids)
    elif isinstance(result, IdempotencyConflict):
        summary.conflicts += 1
        summary.errors.append(str(result))
    else:
        summary.errors.append(f"{prepared.path}: {result}")
        quarantine_input(store, summary, prepared.path, str(result), None)


def quarantine_input(
    store: EventStore,
    summary: IngestSummary,
    path: str,
    reason: str,
    line: int | None,
    content: bytes | None = None,
) -> None:
    """Count, report and keep what failed; the bytes are read from ``path`` unless given (a data
    set accession has no file of its own), and never past the size limit."""
    summary.quarantined += 1
    where = f"{path}:{line}" if line else path
    summary.errors.append(f"{where}: {reason}")
    sha = None
    if content is None:
        try:
            if os.path.getsize(path) <= Limits.from_env().max_bytes:
                content = Path(path).read_bytes()
            else:
                sha = _file_sha256(path)
        except OSError:
            content = None
    store.quarantine(path, content, reason, line, sha256=sha)


def _file_sha256(path: str) -> str:
    """The hash a file's filing would have, read in pieces (the file is over the size limit)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
