"""The Python API: the same use cases as the command line, for notebooks and programs.

    import holdings
    ledger = holdings.open("holdings.db")          # a path, or a SQLAlchemy URL
    ledger.ingest(["../shared/seeds"])
    ledger.snapshot(as_of="2025-02-15").to_pandas()

Every method returns a typed result (``holdings.results``): iterable over the projection's own
rows, with ``to_pandas()`` / ``to_arrow()`` and a readable ``repr``. The CLI is a thin face over
this class: a command parses its options, calls one method and prints the result. docs/API.md
shows it on the seed filings, and its examples run as tests.

Opening does not create: a SQLite path that does not exist yet opens as an empty, unopened
ledger, which ``ingest`` creates and every read refuses (``LedgerNotFound``), so that a
mistyped path never passes for a clean, empty ledger.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from holdings.linking import NotLinked
from holdings.lookup import AmbiguousPerson, PersonNotFound, issuer_key, people_for, person_keys
from holdings.opening import LedgerNotFound, NotALedger, SchemaError, open_store
from holdings.results import (
    Audit,
    Events,
    ExportResult,
    FetchResult,
    IngestResult,
    People,
    Replay,
    Snapshot,
)
from ledger.links import IdentityLink
from ledger.store import EventStore

if TYPE_CHECKING:
    from holdings.edgar import EdgarClient
    from holdings.fetch import Progress as FetchProgress
    from projections.audit import AuditStream
    from projections.replay import ReplayRow
    from projections.snapshot import Holding
    from projections.spill import Spill

Progress = Callable[[int, int, str], None]
"""``progress(done, total, what)``: called as an ingest goes (a progress bar, say)."""

DateLike = str | dt.date


class Ledger:
    """A ledger of insider holdings, opened by ``holdings.open``.

    Reads (``snapshot``, ``replay``, ``audit``, ``people``, ``events``, ``report``, ``export``)
    fold the log as it stands; ``ingest`` appends filings and brings the projections up to
    date. A person is named as on the command line: any spelling of the name ("Sumedh Thakar"
    finds ``Thakar Sumedh S``), a CIK, or a person key.
    """

    def __init__(self, db: str | os.PathLike[str] | None = None) -> None:
        self.db = None if db is None else os.fspath(db)
        self._store: EventStore | None = None
        try:
            self._store = open_store(self.db)  # read-only until something is written
        except (LedgerNotFound, NotALedger):
            self._store = None  # created by the first ingest (an empty file too); reads refuse

    # --- opening ----------------------------------------------------------------------

    @property
    def store(self) -> EventStore:
        """The event store, for what the API does not cover. Raises ``LedgerNotFound`` when
        the ledger does not exist yet."""
        if self._store is None:
            self._store = open_store(self.db)
        return self._store

    def _writable(self) -> EventStore:
        """The store opened for writing (reads open it read-only, and never create it)."""
        if self._store is None or self._store.read_only:
            if self._store is not None:
                self._store.engine.dispose()
            self._store = None
            self._store = open_store(self.db, create=True)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.engine.dispose()
            self._store = None

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        where = self.db or os.environ.get("HOLDINGS_DB") or "holdings.db"
        if self._store is None:
            return f"<Ledger {where}: not created yet>"
        return f"<Ledger {where}: {self._store.count_events():,} events>"

    # --- writing ----------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        workers: int | None = None,
        batch_size: int = 50,
        progress: Progress | None = None,
        strict: bool = False,
    ) -> IngestResult:
        """Parse, classify and append filings (files, or folders read recursively).
        Re-ingesting is a no-op; files that fail are quarantined with their reason and never
        stop the batch (``result.errors``, ``result.ok``). Filings read with doubts are
        counted and listed (``result.doubted``); with ``strict``, one whose doubt bears on a
        balance is quarantined instead."""
        from holdings.ingest import ingest_paths

        wanted = [Path(p) for p in paths]
        for p in wanted:
            if not p.exists():
                raise FileNotFoundError(f"{p}: no such file or folder")
        summary = ingest_paths(
            self._writable(),
            wanted,
            workers=workers,
            batch_size=batch_size,
            progress=progress,
            strict=strict,
        )
        return IngestResult.of(summary)

    def ingest_dataset(
        self,
        directory: str | os.PathLike[str],
        *,
        batch_size: int = 200,
        progress: Progress | None = None,
        user_agent: str | None = None,
        cache: str | os.PathLike[str] | None = None,
    ) -> IngestResult:
        """The SEC's quarterly Insider Transactions Data Set: a folder of .tsv, its .zip, or the
        .zip's URL (``.../2024q3_form345.zip``), downloaded once through the polite EDGAR client
        and its cache (see ``fetch`` for ``user_agent`` and ``cache``)."""
        from holdings.ingest_dataset import ingest_dataset

        label: str | None = None
        if isinstance(directory, str) and directory.startswith(("http://", "https://")):
            from holdings.fetch import fetch_dataset

            path = fetch_dataset(self._edgar(user_agent, cache), directory).path
            label = directory
        else:
            path = Path(directory)
            if not path.exists():
                raise FileNotFoundError(f"{path}: no such file or folder")
        summary = ingest_dataset(
            self._writable(), path, progress, batch_size=batch_size, label=label
        )
        return IngestResult.of(summary)

    def fetch(
        self,
        *,
        tickers: str | Iterable[str] = (),
        ciks: str | int | Iterable[str | int] = (),
        since: DateLike | None = None,
        forms: str | Iterable[str] = "3,4,5",
        amendments: bool = True,
        user_agent: str | None = None,
        cache: str | os.PathLike[str] | None = None,
        progress: FetchProgress | None = None,
    ) -> FetchResult:
        """Fetch an issuer's (``tickers``, ``ciks``) or a reporting person's (``ciks``) Forms
        3, 4 and 5 from EDGAR, and ingest them (``holdings.fetch``).

        ``user_agent`` (else ``HOLDINGS_USER_AGENT``) names you with a contact e-mail, as the
        SEC's fair access policy requires: without one nothing is asked (``UserAgentError``).
        Documents are kept in ``cache`` (default ``edgar-cache/`` beside the ledger), so a
        second fetch asks EDGAR for the listing only. A ticker or CIK EDGAR does not know
        raises ``ListingError``; a document that cannot be had is quarantined with its URL
        (``result.failures``) and the rest goes on."""
        from holdings.fetch import fetch_filings, forms_wanted, normalise_cik

        wanted = forms_wanted([forms] if isinstance(forms, str) else forms, amendments)
        cik_list = [ciks] if isinstance(ciks, str | int) else list(ciks)
        numbers = [normalise_cik(c) for c in cik_list]
        ticker_list = [tickers] if isinstance(tickers, str) else list(tickers)
        client = self._edgar(user_agent, cache)
        summary = fetch_filings(
            self._writable(),
            client,
            ciks=numbers,
            tickers=ticker_list,
            since=None if since is None else to_date(since, "since"),
            forms=wanted,
            progress=progress,
        )
        return FetchResult.of_fetch(summary)

    def _edgar(self, user_agent: str | None, cache: str | os.PathLike[str] | None) -> EdgarClient:
        from holdings.edgar import USER_AGENT_ENV, DocumentCache, EdgarClient
        from holdings.fetch import default_cache_dir

        agent = user_agent or os.environ.get(USER_AGENT_ENV)
        return EdgarClient(agent, DocumentCache(cache or default_cache_dir(self.db)))

    # --- reading ----------------------------------------------------------------------

    def person_keys(
        self, person: str | None, *, key: str | None = None, all_matches: bool = False
    ) -> list[str] | None:
        """The keys a name, CIK or key stands for (None for everyone). A name several people
        match raises ``AmbiguousPerson`` (listing them) unless ``key`` picks one or
        ``all_matches`` takes them all; nobody matching raises ``PersonNotFound`` with the
        closest names."""
        found = people_for(self.store, person, key=key, all_matches=all_matches)
        return None if found is None else [k for p in found for k in p.keys]

    def people(self) -> People:
        """Everyone in the ledger: display name (the latest Box 1 spelling), keys (a name key
        linked to a CIK key is one person), names seen, CIK and issuers."""
        from projections.people import people

        return People(people(self.store))

    def unlink(self, key: str) -> list[IdentityLink]:
        """Undo the identity link ``key`` is part of (an ``identity unlinked`` record in the
        log): the two keys are two people again. Raises ``NotLinked`` when there is none."""
        from holdings.linking import unlink

        return unlink(self._writable(), key)

    def snapshot(
        self,
        as_of: DateLike,
        *,
        known_at: DateLike | None = None,
        person: str | None = None,
        issuer: str | None = None,
        include_expired: bool = False,
        key: str | None = None,
        all_matches: bool = False,
    ) -> Snapshot:
        """Positions (direct, indirect, option, award, derivative) at the end of ``as_of``;
        with ``known_at``, only what had been filed by that date. Options past expiry are left
        out unless ``include_expired``."""
        from projections.snapshot import snapshot

        as_of_date = to_date(as_of, "as_of")
        known = None if known_at is None else to_date(known_at, "known_at")
        held = snapshot(
            self.store,
            as_of_date,
            known_at=known,
            person_keys=self.person_keys(person, key=key, all_matches=all_matches),
            issuer_key=issuer_key(issuer),
            include_expired=include_expired,
        )
        return Snapshot(held, as_of_date, known)

    def snapshot_stream(
        self,
        as_of: DateLike,
        *,
        known_at: DateLike | None = None,
        person: str | None = None,
        issuer: str | None = None,
        include_expired: bool = False,
        key: str | None = None,
        all_matches: bool = False,
    ) -> Spill[Holding]:
        """``snapshot``'s holdings in its order, for a snapshot of any size: iterated from disk
        past a fixed count (``projections.spill``). Use it in a ``with``."""
        from projections.snapshot import sorted_holdings

        return sorted_holdings(
            self.store,
            to_date(as_of, "as_of"),
            known_at=None if known_at is None else to_date(known_at, "known_at"),
            person_keys=self.person_keys(person, key=key, all_matches=all_matches),
            issuer_key=issuer_key(issuer),
            include_expired=include_expired,
        )

    def replay(
        self,
        person: str | None = None,
        *,
        issuer: str | None = None,
        superseded: bool = True,
        key: str | None = None,
        all_matches: bool = False,
    ) -> Replay:
        """A person's events in order, each beside its position's running balance; events
        of filings superseded by a 4/A or by their XML are listed, marked
        (``superseded=False`` leaves them out)."""
        from projections.replay import replay

        keys = person_keys(self.store, person, key=key, all_matches=all_matches)
        rows = replay(self.store, keys, issuer_key(issuer), superseded)
        return Replay(rows, person or key or "")

    def replay_stream(
        self,
        person: str | None = None,
        *,
        issuer: str | None = None,
        superseded: bool = True,
        key: str | None = None,
        all_matches: bool = False,
        everyone: bool = False,
    ) -> Spill[ReplayRow]:
        """``replay``'s rows in its order, for a replay of any size (``everyone``: the whole
        ledger): iterated from disk past a fixed count. Use it in a ``with``."""
        from projections.replay import replay_rows

        keys = (
            None if everyone else person_keys(self.store, person, key=key, all_matches=all_matches)
        )
        return replay_rows(self.store, keys, issuer_key(issuer), superseded)

    def audit(
        self,
        *,
        person: str | None = None,
        issuer: str | None = None,
        late: bool = True,
        key: str | None = None,
        all_matches: bool = False,
    ) -> Audit:
        """Every reported balance checked against the running one (each break with a cause,
        a status and why), every Form 4 against its deadline, and every value the parser
        doubted. ``clean`` is False when anything fails."""
        from projections.audit import audit
        from projections.entries import read_entries

        keys = self.person_keys(person, key=key, all_matches=all_matches)
        issuer_ = issuer_key(issuer)
        entries = read_entries(self.store, person_keys=keys, issuer_key=issuer_)
        return Audit(audit(self.store, entries, late=late, person_keys=keys, issuer_key=issuer_))

    def audit_stream(
        self,
        *,
        person: str | None = None,
        issuer: str | None = None,
        late: bool = True,
        key: str | None = None,
        all_matches: bool = False,
    ) -> AuditStream:
        """``audit`` for output of any size: the counts and ``clean`` at once, and each kind
        of finding (``discrepancies``, ``late_filings``, ``input_notes``) iterated one at a
        time from disk past a fixed count, in ``audit``'s order. Use it in a ``with`` (closing
        deletes what spilled)."""
        from projections.audit import audit_stream
        from projections.entries import read_entries

        keys = self.person_keys(person, key=key, all_matches=all_matches)
        issuer_ = issuer_key(issuer)
        entries = read_entries(self.store, person_keys=keys, issuer_key=issuer_)
        return audit_stream(self.store, entries, late=late, person_keys=keys, issuer_key=issuer_)

    def events(self, *, person: str | None = None, issuer: str | None = None) -> Events:
        """The log itself in log order, one row per event (superseded ones included): read
        lazily, so iterating a large ledger streams it."""
        filters: dict[str, Any] = {}
        keys = self.person_keys(person)
        if keys is not None:
            filters["person_keys"] = keys
        if issuer is not None:
            filters["issuer_key"] = issuer_key(issuer)
        return Events(self.store, filters)

    # --- files ------------------------------------------------------------------------

    def export(
        self, out_dir: str | os.PathLike[str], *, as_of: DateLike | None = None
    ) -> ExportResult:
        """Write events, positions (as of ``as_of``, default today), discrepancies, late
        filings and people as Parquet files in ``out_dir`` (docs/EXPORT.md has the schemas)."""
        from holdings.export import export_parquet

        date = today() if as_of is None else to_date(as_of, "as_of")
        files = export_parquet(self.store, Path(out_dir), date)
        return ExportResult(Path(out_dir), files, date)

    def report(
        self,
        person: str | None = None,
        *,
        issuer: str | None = None,
        out: str | os.PathLike[str] | None = None,
        key: str | None = None,
        all_matches: bool = False,
    ) -> Path:
        """Write a self-contained HTML page and return its path: a person's history (all
        their issuers, or one), or with ``issuer`` alone, every insider of that issuer. With
        ``all_matches`` and a name several people match, a page each and an index in ``out``
        (a folder); the index's path is returned."""
        from holdings.report import write_all_reports, write_issuer_report, write_person_report

        if person is None and key is None:
            if issuer is None:
                raise ValueError("name a person, an issuer, or both")
            target = Path(out) if out is not None else Path(f"{slug(issuer)}.html")
            return write_issuer_report(self.store, str(issuer_key(issuer)), target)
        chosen = people_for(self.store, person, key=key, all_matches=all_matches) or []
        name = slug(person or key or "report")
        if len(chosen) > 1:
            folder = Path(out) if out is not None else Path(name)
            return write_all_reports(self.store, folder, chosen)
        keys = [k for p in chosen for k in p.keys]
        target = Path(out) if out is not None else Path(f"{name}.html")
        return write_person_report(self.store, keys, issuer_key(issuer), target)

    def report_all(self, out_dir: str | os.PathLike[str]) -> Path:
        """A page per person and an ``index.html`` linking them; returns the index's path."""
        from holdings.report import write_all_reports

        return write_all_reports(self.store, Path(out_dir))


def open_ledger(db: str | os.PathLike[str] | None = None) -> Ledger:
    """Open the ledger at ``db``: a SQLite path (``holdings.db``), or a SQLAlchemy URL
    (``sqlite:///...``, ``postgresql://user@host:5432/db``). None reads ``HOLDINGS_DB``, else
    ``./holdings.db``. A ledger written by an older release is carried forward on opening."""
    return Ledger(db)


open = open_ledger
"""``holdings.open(db)``: named like the built-in it mirrors (open, then read)."""


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def to_date(value: DateLike, name: str = "date") -> dt.date:
    """A date, or an ISO ``YYYY-MM-DD`` string; anything else is a ``ValueError`` naming the
    argument. Only that one form: ``03/04/2025`` is the 4th of March to some readers and the
    3rd of April to others, so it is refused with a hint rather than guessed."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if _ISO.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{name}: '{value}' is not a date in the calendar") from None
    raise ValueError(
        f"{name}: '{value}' is not a date in ISO form: write YYYY-MM-DD, e.g. 2025-02-15 "
        "(a date such as 03/04/2025 reads two ways, so it is not guessed)"
    )


def today() -> dt.date:
    from ledger.clock import utcnow

    return utcnow().date()


def slug(text: str) -> str:
    """A file name from what the user typed ("Sumedh Thakar" -> sumedh-thakar)."""
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split()) or "report"


__all__ = [
    "AmbiguousPerson",
    "Ledger",
    "LedgerNotFound",
    "NotLinked",
    "PersonNotFound",
    "SchemaError",
    "open",
    "open_ledger",
    "to_date",
]
