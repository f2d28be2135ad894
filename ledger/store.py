"""The append-only event store: one recorder interface over SQLite and PostgreSQL.

A filing is appended whole or not at all (one transaction, its ``filings`` row beside its
events). Appending it again is a no-op, unless the events it would produce differ from the ones
already stored under the same idempotency keys: that is a loud ``IdempotencyConflict``, never a
silent overwrite. Two writers that race for the same stream version get ``ConcurrencyError``;
the caller retries.

Failures are told apart by whose problem they are: a value the database refuses
(``DataRefused``) is the filing's, and the caller quarantines it; a database that is full,
locked past the timeout or gone (``StoreUnavailable``) is the run's, which stops.

Appends are serialised (SQLite's write lock; an advisory lock on PostgreSQL), so log sequence
numbers become visible in order: a projection that has read up to ``seq`` N has seen every event
at or below N, for good.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, desc, func, insert, make_url, select, text
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
)

from ledger.clock import utcnow
from ledger.events import Event, comparable, payload_version, read_event
from ledger.links import IdentityLink, link_row, read_link
from ledger.mapping import (
    EVENT_COLUMNS,
    FILING_COLUMNS,
    PartialRow,
    filing_values,
    finish_values,
    partial_rows,
    stamp,
)
from ledger.schema import (
    SCHEMA_VERSION,
    NotALedger,
    OutdatedLayout,
    check_ledger,
    make_engine,
    prepare_schema,
    resolve_url,
    sqlite_path,
)
from ledger.tables import EVENTS, FILINGS, LINKS, QUARANTINE, REPLACED
from ledger.twins import same_filing, shape
from parsers.model import Filing

APPEND_LOCK = 774413
"""PostgreSQL advisory lock held by every append transaction (see the module's docstring)."""


class StoreError(Exception):
    pass


class StoreUnavailable(StoreError):
    """The database cannot be used (cannot be opened, full, locked past the timeout, the
    connection lost): an environment problem, not the input's. Nothing half-written is left."""


class DataRefused(StoreError):
    """The database refused a value of the filing being appended (the input's problem)."""


class ConcurrencyError(StoreError):
    """Another writer took the stream version (or the filing) first; retrying is safe."""


class IdempotencyConflict(StoreError):
    """The same idempotency key arrived with a different payload."""


@dataclass(frozen=True)
class AppendResult:
    sha256: str
    appended: int
    already_present: bool
    supersedes: tuple[str, ...] = ()
    """Text renderings of this same filing, already in the ledger, that it replaces."""
    twin_of: str | None = None
    """For a rendering not appended: the structured filing already in the ledger it renders."""


@dataclass(frozen=True)
class QuarantineEntry:
    id: int
    path: str
    sha256: str
    reason: str
    line: int | None
    size: int
    recorded_at: Any
    resolved_at: Any = None


_PG_HEADS = text(
    "SELECT s.sid, e.stream_version, e.chain_hash "
    "FROM unnest(CAST(:sids AS text[])) AS s(sid) "
    "CROSS JOIN LATERAL (SELECT stream_version, chain_hash FROM events "
    "WHERE stream_id = s.sid ORDER BY stream_version DESC LIMIT 1) AS e"
)


_SQLITE_HEADS = (
    "SELECT e.stream_id, e.stream_version, e.chain_hash FROM events AS e JOIN "
    "(SELECT stream_id, max(stream_version) AS v FROM events WHERE stream_id {} "
    "GROUP BY stream_id) AS top ON top.stream_id = e.stream_id AND top.v = e.stream_version"
)


@dataclass(frozen=True, slots=True)
class PreparedFiling:
    """A filing's rows as plain data, ready to append: cheap to send between processes,
    where the pydantic models would cost more to pickle than to build."""

    sha256: str
    path: str
    filing_row: dict[str, Any]
    rows: list[PartialRow]
    shape: str | None
    """``structured`` or ``rendering`` (``ledger.twins.shape``), or None."""
    twin_key: tuple[str, Any] | None
    """(issuer, period): where the other shape of this filing would be found."""

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as its values, unpickled by its ``__init__``: a slotted dataclass's own
        state functions look its fields up again for every filing, in the appender's time."""
        return PreparedFiling, (
            self.sha256,
            self.path,
            self.filing_row,
            self.rows,
            self.shape,
            self.twin_key,
        )

    @property
    def accession(self) -> str | None:
        return self.filing_row.get("accession_number")

    @property
    def stream_ids(self) -> set[str]:
        return {r.stream_id for r in self.rows}

    def events(self) -> list[Event]:
        return [read_event(r.payload) for r in self.rows]


def prepare(filing: Filing, events: Sequence[Event]) -> PreparedFiling:
    row = _filing_row(filing, events)
    kind = shape(filing.source.format)
    return PreparedFiling(
        sha256=filing.source.sha256,
        path=filing.source.path,
        filing_row=row,
        rows=partial_rows(events),
        shape=kind,
        twin_key=None
        if kind is None or not events
        else (row["issuer_key"], row["period_of_report"]),
    )


class EventStore:
    """The ledger at ``url``. ``read_only`` opens never write (SQLite ``mode=ro``, PostgreSQL
    READ ONLY sessions), never create tables, and refuse a database that is not a ledger or
    whose layout is older (``OutdatedLayout``: an open that may write carries it forward)."""

    def __init__(
        self, url: str | None = None, engine: Engine | None = None, *, read_only: bool = False
    ) -> None:
        self.url = resolve_url(url) if engine is None else engine.url.render_as_string(False)
        self.read_only = read_only
        self.engine = engine or make_engine(self.url, read_only=read_only)
        what = sqlite_path(self.url) or make_url(self.url).render_as_string(hide_password=True)
        try:
            if read_only:
                with self.engine.connect() as conn:
                    version = check_ledger(conn, what)
                if version < SCHEMA_VERSION:
                    raise OutdatedLayout(
                        f"{what} has layout {version} and must be carried forward to "
                        f"{SCHEMA_VERSION} by an open that may write",
                        version,
                    )
                self.guards_reinstalled: list[str] = []
                self.migrated_from: int | None = None
            else:
                state = prepare_schema(self.engine, what)
                self.guards_reinstalled = state.guards_reinstalled
                self.migrated_from = state.migrated_from
                """The layout version this open carried the ledger forward from: projections
                built by the older release are to be rebuilt from the log."""
        except DBAPIError as exc:
            self.engine.dispose()
            if "not a database" in str(exc.orig):
                raise NotALedger(f"{what} is not a holdings ledger (not a database)") from exc
            if isinstance(exc, OperationalError | InterfaceError):
                raise StoreUnavailable(f"cannot open {what}: {_short(exc)}") from exc
            raise
        except Exception:
            self.engine.dispose()
            raise
        self.writer = self.engine.execution_options(write=True)
        """Connections that append: on SQLite they take the write lock when they begin."""

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # --- writing -------------------------------------------------------------------------

    def append_filing(self, filing: Filing, events: Sequence[Event]) -> AppendResult:
        (result,) = self.append_prepared([prepare(filing, events)], what=filing.source.path)
        if isinstance(result, Exception):
            raise result
        return result

    def append_batch(
        self, items: Sequence[tuple[Filing, Sequence[Event]]]
    ) -> list[AppendResult | Exception]:
        """Many filings in one transaction and a handful of statements: the bulk path."""
        return self.append_prepared([prepare(f, e) for f, e in items])

    def append_prepared(
        self, items: Sequence[PreparedFiling], what: str | None = None
    ) -> list[AppendResult | Exception]:
        """Append filings whose rows were prepared (by ``prepare``, perhaps in another process).

        Set-based: one query finds the filings already present, one the heads of every stream
        the batch touches, then two bulk inserts. If another writer got in first the whole batch
        rolls back and raises ``ConcurrencyError``; the caller then appends the filings one by
        one, each atomic on its own."""
        what = what or f"batch of {len(items)} filings"
        try:
            with self.writer.begin() as conn:
                if self.dialect == "postgresql":
                    conn.execute(text(f"SELECT pg_advisory_xact_lock({APPEND_LOCK})"))
                return self._append_many(conn, items)
        except IntegrityError as exc:
            raise ConcurrencyError(
                f"{what}: another writer appended to the same stream or filing first "
                f"({_short(exc)}); retry"
            ) from exc
        except DBAPIError as exc:
            raise classify_error(exc, what) from exc

    def _append_many(
        self, conn: Connection, items: Sequence[PreparedFiling]
    ) -> list[AppendResult | Exception]:
        now = utcnow()
        present, known = _already_in(conn, items)
        results: list[AppendResult | Exception] = []
        fresh: list[PreparedFiling] = []
        seen: set[str] = set()
        twins = _Twins(self, conn, [i for i in items if i.sha256 not in present])
        replacements: list[tuple[str, str]] = []
        for item in items:
            if item.sha256 not in present and item.accession and item.accession in known:
                # The same EDGAR submission in another shape (the data set row and its XML,
                # say): its content hash differs, its accession number does not.
                results.append(AppendResult(item.sha256, 0, True))
            elif item.sha256 in present:
                try:
                    self._check_same(conn, item)
                    results.append(AppendResult(item.sha256, 0, True))
                except IdempotencyConflict as exc:
                    results.append(exc)
            elif item.sha256 in seen:
                results.append(AppendResult(item.sha256, 0, True))
            elif (original := twins.structured_of(item)) is not None:
                # A rendering of a filing whose XML is in: the XML's reading stands.
                results.append(AppendResult(item.sha256, 0, True, twin_of=original))
            else:
                seen.add(item.sha256)
                if item.accession:
                    known.add(item.accession)
                replaced = twins.renderings_of(item)
                replacements += [(old, item.sha256) for old in replaced]
                twins.add(item)
                twins.replaced.update(replaced)
                fresh.append(item)
                results.append(
                    AppendResult(item.sha256, len(item.rows), False, supersedes=tuple(replaced))
                )
        went_in = [
            item.sha256
            for item, result in zip(items, results, strict=True)
            if isinstance(result, AppendResult)
        ]
        _resolve_quarantined(conn, went_in, now)
        if not fresh:
            return results
        heads = self._stream_heads(conn, {r.stream_id for item in fresh for r in item.rows})
        tip_seq, tip_chain = filing_tip(conn)
        sqlite = self.dialect == "sqlite"
        # One clock reading for the batch, in the engine's form and in the hashed form.
        recorded: Any = now.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else now
        stamped = stamp(now)
        filing_rows: list[tuple[Any, ...]] = []
        rows = _finished(fresh, heads, (tip_seq, tip_chain), recorded, stamped, filing_rows)
        count = sum(len(item.rows) for item in fresh)
        # Events first: their rows are made as the driver takes them (on PostgreSQL the server
        # indexes what it was sent while the next rows are hashed), the filings' after them.
        _bulk_insert(conn, "events", EVENT_COLUMNS, rows, count)
        _bulk_insert(conn, "filings", FILING_COLUMNS, filing_rows, len(filing_rows))
        if replacements:
            marks = [
                {"rendering_sha256": old, "by_sha256": new, "recorded_at": now}
                for old, new in replacements
            ]
            conn.execute(insert(REPLACED), marks)
        return results

    def accessions_present(self, accessions: Iterable[str]) -> set[str]:
        """Which of these EDGAR accession numbers the ledger holds a filing of (in any shape):
        a fetch skips them before asking EDGAR for anything."""
        with self.engine.connect() as conn:
            return self._accessions(conn, sorted(set(accessions)))

    def _accessions(self, conn: Connection, accessions: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(accessions), 500):
            part = accessions[start : start + 500]
            q = select(FILINGS.c.accession_number).where(FILINGS.c.accession_number.in_(part))
            found.update(r[0] for r in conn.execute(q))
        return found

    def _stream_heads(self, conn: Connection, sids: set[str]) -> dict[str, tuple[int, str]]:
        heads: dict[str, tuple[int, str]] = {}
        ordered = sorted(sids)
        if self.dialect == "postgresql":
            # One backward index probe per stream: reading every version of each stream (what
            # max() does without a vacuumed visibility map) grows with the stream.
            for start in range(0, len(ordered), 500):
                part = ordered[start : start + 500]
                rows = conn.execute(_PG_HEADS, {"sids": part})
                heads.update((sid, (int(v), chain)) for sid, v, chain in rows)
            return heads
        for start in range(0, len(ordered), 500):
            part = ordered[start : start + 500]
            among, values = _any_of(True, part)
            for sid, version, chain in conn.exec_driver_sql(_SQLITE_HEADS.format(among), values):
                heads[sid] = (int(version), chain)
        return heads

    def _check_same(self, conn: Connection, item: PreparedFiling) -> None:
        stored = dict(
            conn.execute(
                select(EVENTS.c.idempotency_key, EVENTS.c.payload).where(
                    EVENTS.c.filing_sha256 == item.sha256
                )
            ).all()
        )
        for row in item.rows:
            key = row.idempotency_key
            old = stored.get(key)
            if old is None or not same_event(old, row.payload):
                raise IdempotencyConflict(
                    f"idempotency key {key} is already stored with a different payload "
                    f"({item.path}); refusing to overwrite"
                )

    def quarantine(
        self,
        path: str,
        content: bytes | None,
        reason: str,
        line: int | None = None,
        sha256: str | None = None,
    ) -> bool:
        """Keep a file that failed, once per distinct content (``sha256`` of the file, given
        where its bytes are not kept, so that the entry is resolved when they go in). Returns
        False if already kept. Text that the databases would treat differently (control
        characters, NUL) is shown escaped: the kept bytes are the evidence, the reason only
        says what was wrong."""
        sha = (
            sha256 or hashlib.sha256(content if content is not None else path.encode()).hexdigest()
        )
        try:
            with self.writer.begin() as conn:
                exists = conn.execute(
                    select(QUARANTINE.c.id).where(QUARANTINE.c.sha256 == sha)
                ).first()
                if exists:
                    return False
                conn.execute(
                    insert(QUARANTINE),
                    [
                        {
                            "sha256": sha,
                            "path": printable(path),
                            "reason": printable(reason),
                            "line": line,
                            "size": len(content) if content is not None else 0,
                            "content": content,
                            "recorded_at": utcnow(),
                        }
                    ],
                )
        except DBAPIError as exc:
            raise StoreUnavailable(f"cannot quarantine {path}: {_short(exc)}") from exc
        return True

    def append_link(self, link: IdentityLink) -> int:
        """Append an ``identity linked`` / ``unlinked`` record, chained to the one before it;
        returns its ``seq``. Writers are serialised (SQLite's write lock, an advisory lock on
        PostgreSQL) so that two of them cannot chain onto the same predecessor."""
        with self.writer.begin() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(774413)"))
            previous = conn.execute(
                select(LINKS.c.chain_hash).order_by(desc(LINKS.c.seq)).limit(1)
            ).scalar()
            row = link_row(link, previous or "", utcnow())
            key = conn.execute(insert(LINKS).values(**row)).inserted_primary_key
            assert key is not None
            return int(key[0])

    # --- reading -------------------------------------------------------------------------

    def links(self, conn: Connection | None = None) -> list[tuple[int, IdentityLink]]:
        """Every identity link record, in the order it was appended (on ``conn`` if given)."""
        q = select(LINKS.c.seq, LINKS.c.payload).order_by(LINKS.c.seq)
        with _reading(self, conn) as c:
            return [(int(seq), read_link(payload)) for seq, payload in c.execute(q)]

    def replaced_filings(self, conn: Connection | None = None) -> dict[str, str]:
        """Renderings a structured reading of the same filing replaced: {rendering: filing}."""
        q = select(REPLACED.c.rendering_sha256, REPLACED.c.by_sha256)
        with _reading(self, conn) as c:
            return {old: sha for old, sha in c.execute(q)}

    def filing_paths(self, shas: Iterable[str]) -> dict[str, str]:
        """Where each filing was read from, as given when it was ingested."""
        wanted = sorted(set(shas))
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                q = select(FILINGS.c.sha256, FILINGS.c.path).where(FILINGS.c.sha256.in_(part))
                out.update((sha, path) for sha, path in conn.execute(q))
        return out

    def count_events(self, **filters: Any) -> int:
        """Events in the log, or those the filters of ``where_events`` keep."""
        q = where_events(select(func.count()).select_from(EVENTS), **filters)
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar() or 0)

    def count_filings(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(FILINGS)).scalar() or 0)

    def quarantined(self, include_resolved: bool = False) -> list[QuarantineEntry]:
        """Files kept because they failed; those whose bytes later went in (resolved) only
        when asked."""
        q = select(
            QUARANTINE.c.id,
            QUARANTINE.c.path,
            QUARANTINE.c.sha256,
            QUARANTINE.c.reason,
            QUARANTINE.c.line,
            QUARANTINE.c.size,
            QUARANTINE.c.recorded_at,
            QUARANTINE.c.resolved_at,
        ).order_by(QUARANTINE.c.id)
        if not include_resolved:
            q = q.where(QUARANTINE.c.resolved_at.is_(None))
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return [QuarantineEntry(*r) for r in rows]

    def quarantined_content(self, entry_id: int) -> bytes | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(QUARANTINE.c.content).where(QUARANTINE.c.id == entry_id)
            ).scalar()

    def iter_rows(
        self,
        *,
        columns: Sequence[str] | None = None,
        chunk: int = 5_000,
        **filters: Any,
    ) -> Iterator[Any]:
        """Stream stored rows in log order without loading the log into memory."""
        cols = [EVENTS.c[c] for c in columns] if columns else [EVENTS]
        q = where_events(select(*cols), **filters).order_by(EVENTS.c.seq)
        with self.engine.connect().execution_options(stream_results=True, yield_per=chunk) as conn:
            yield from conn.execute(q)

    def iter_events(self, **filters: Any) -> Iterator[tuple[int, Event]]:
        for row in self.iter_rows(columns=["seq", "payload"], **filters):
            yield row.seq, read_event(row.payload)


def where_events(
    query: Any,
    *,
    person_keys: Iterable[str] | None = None,
    issuer_key: str | None = None,
    stream_ids: Iterable[str] | None = None,
    stream_range: tuple[str | None, str | None] | None = None,
    after_seq: int = 0,
) -> Any:
    """The filters every reader of the log offers, in one place. (No sequence filter unless
    asked: PostgreSQL would otherwise AND a scan of the whole primary key into every query.)"""
    if after_seq:
        query = query.where(EVENTS.c.seq > after_seq)
    if person_keys is not None:
        query = query.where(EVENTS.c.person_key.in_(list(person_keys)))
    if issuer_key is not None:
        query = query.where(EVENTS.c.issuer_key == issuer_key)
    if stream_ids is not None:
        query = query.where(EVENTS.c.stream_id.in_(list(stream_ids)))
    if stream_range is not None:
        low, high = stream_range
        if low is not None:
            query = query.where(EVENTS.c.stream_id >= low)
        if high is not None:
            query = query.where(EVENTS.c.stream_id < high)
    return query


def same_event(stored: str, incoming: str) -> bool:
    """The same content read from another path, or by a later release that learned more
    fields, is the same event; anything else under the same key is a conflict."""
    known = min(payload_version(stored), payload_version(incoming))
    return comparable(stored, known) == comparable(incoming, known)


@contextlib.contextmanager
def _reading(store: EventStore, conn: Connection | None) -> Iterator[Connection]:
    """``conn`` itself, or a connection of the store's own for the length of one read."""
    if conn is not None:
        yield conn
        return
    with store.engine.connect() as own:
        yield own


_REPLACED_SQL = "SELECT rendering_sha256 FROM replaced_renderings"
_TWINS_SQLITE = (
    "SELECT f.sha256, f.format, f.issuer_key, f.period_of_report "
    "FROM (VALUES {values}) AS w CROSS JOIN filings AS f "
    "WHERE f.issuer_key = w.column1 AND f.period_of_report = w.column2"
)
_TWINS_PG = (
    "SELECT f.sha256, f.format, f.issuer_key, f.period_of_report "
    "FROM unnest(CAST(%s AS text[]), CAST(%s AS date[])) AS w(issuer, period) "
    "JOIN filings AS f ON f.issuer_key = w.issuer AND f.period_of_report = w.period"
)
"""Stored filings at the (issuer, period) pairs of a batch: one index probe per pair, in one
statement (SQLite's ``CROSS JOIN`` keeps the pairs as the outer loop)."""


class _Twins:
    """The other shape of each filing in a batch: structured filings already stored or earlier
    in the batch for a rendering, renderings already stored or earlier in the batch for a
    structured filing. One query finds the stored candidates (same issuer and period); their
    events are read only where the shapes differ."""

    def __init__(self, store: EventStore, conn: Connection, items: Sequence[PreparedFiling]):
        self.conn = conn
        self.stored: dict[tuple[str, Any], list[tuple[str, str]]] = {}
        self.replaced: set[str] = set()
        self.batch: dict[tuple[str, Any], list[PreparedFiling]] = {}
        self.events: dict[str, list[Event]] = {}
        periods: dict[str, set[Any]] = {}
        for i in items:
            if (k := i.twin_key) is not None and k[1] is not None:
                periods.setdefault(k[0], set()).add(k[1])
        if not periods:
            return
        self.replaced.update(r[0] for r in conn.exec_driver_sql(_REPLACED_SQL))
        pairs = sorted((issuer, day) for issuer, days in periods.items() for day in days)
        sqlite = conn.dialect.name == "sqlite"
        for start in range(0, len(pairs), 500):
            part = pairs[start : start + 500]
            if sqlite:
                values = ", ".join(["(?, ?)"] * len(part))
                rows = conn.exec_driver_sql(
                    _TWINS_SQLITE.format(values=values),
                    tuple(v for issuer, day in part for v in (issuer, day.isoformat())),
                )
            else:
                rows = conn.exec_driver_sql(
                    _TWINS_PG, ([issuer for issuer, _d in part], [day for _i, day in part])
                )
            for sha, fmt, issuer, period in rows:
                kind = shape(fmt)
                if kind is not None:
                    if isinstance(period, str):
                        period = dt.date.fromisoformat(period)
                    self.stored.setdefault((issuer, period), []).append((sha, kind))

    def add(self, item: PreparedFiling) -> None:
        key = item.twin_key
        if key is not None:
            self.batch.setdefault(key, []).append(item)

    def structured_of(self, item: PreparedFiling) -> str | None:
        if item.shape != "rendering":
            return None
        candidates = self._candidates(item, "structured")
        if not candidates:
            return None
        mine = item.events()
        for sha, evs in candidates:
            if same_filing(evs(), mine):
                return sha
        return None

    def renderings_of(self, item: PreparedFiling) -> list[str]:
        if item.shape != "structured":
            return []
        found = self._candidates(item, "rendering")
        candidates = [(sha, evs) for sha, evs in found if sha not in self.replaced]
        if not candidates:
            return []
        mine = item.events()
        return [sha for sha, evs in candidates if same_filing(mine, evs())]

    def _candidates(
        self, item: PreparedFiling, kind: str
    ) -> list[tuple[str, Callable[[], list[Event]]]]:
        """Filings of the other shape at the same issuer and period, their events read only
        when compared (most filings have no candidate at all, and decode nothing)."""
        key = item.twin_key
        if key is None or key[1] is None:
            return []
        out: list[tuple[str, Callable[[], list[Event]]]] = [
            (sha, functools.partial(self._stored_events, sha))
            for sha, k in self.stored.get(key, [])
            if k == kind
        ]
        out += [(o.sha256, o.events) for o in self.batch.get(key, []) if o.shape == kind]
        return out

    def _stored_events(self, sha: str) -> list[Event]:
        if sha not in self.events:
            q = select(EVENTS.c.payload).where(EVENTS.c.filing_sha256 == sha)
            self.events[sha] = [read_event(p) for (p,) in self.conn.execute(q)]
        return self.events[sha]


def _short(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc)).strip().splitlines()
    return text[0] if text else type(exc).__name__


_RETRY_STATES = ("40001", "40P01", "55P03")
"""PostgreSQL: serialisation failure, deadlock, lock not available: try again."""
_DATA_STATES = ("22", "54")
"""PostgreSQL: data exception (a NUL byte, a value out of range), program limit exceeded (an
index row too large): the value's problem."""


def classify_error(exc: DBAPIError, what: str) -> StoreError:
    """Whose problem a database error is: the filing's (``DataRefused``), a passing race
    (``ConcurrencyError``), or the environment's (``StoreUnavailable``)."""
    state = str(getattr(exc.orig, "sqlstate", "") or "")
    message = f"{_short(exc)} (appending {what})"
    if isinstance(exc, DataError) or state.startswith(_DATA_STATES):
        return DataRefused(f"the database refused a value ({_short(exc)})")
    if state in _RETRY_STATES:
        return ConcurrencyError(f"{message}; retry")
    return StoreUnavailable(message)


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def printable(text: str) -> str:
    """``text`` with control characters (NUL first of all, which PostgreSQL refuses in text)
    written as escapes, so that a message about bad bytes can be stored and printed."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def filing_tip(conn: Connection) -> tuple[int, str]:
    """The last filing in the append order: its place and its chain link (0, "" if none)."""
    row = conn.exec_driver_sql(_FILING_TIP).first()
    return (int(row[0]), str(row[1])) if row else (0, "")


_FILING_TIP = (
    "SELECT filing_seq, chain_hash FROM filings WHERE filing_seq IS NOT NULL "
    "ORDER BY filing_seq DESC LIMIT 1"
)


def _any_of(sqlite: bool, values: Sequence[str]) -> tuple[str, tuple[Any, ...]]:
    """``IN`` a list of text values, written as each driver takes it best (SQLite one mark a
    value, PostgreSQL one array), with its parameters. The append's statements go straight to
    the driver: SQLAlchemy would build and compile each afresh for every batch's values."""
    if sqlite:
        return f"IN ({', '.join('?' * len(values))})", tuple(values)
    return "= ANY(CAST(%s AS text[]))", (list(values),)


_ALREADY_IN = (
    "SELECT sha256, accession_number FROM filings WHERE sha256 {shas} "
    "UNION ALL SELECT sha256, accession_number FROM filings WHERE accession_number {accessions}"
)
"""Two index searches in one statement (an OR of the two can turn into a scan of the table)."""


def _already_in(conn: Connection, items: Sequence[PreparedFiling]) -> tuple[set[str], set[str]]:
    """Which filings of a batch the ledger holds already: by content hash, and by accession
    number (the same EDGAR submission in another shape). One statement per 500 filings."""
    shas = [i.sha256 for i in items]
    accessions = [a for i in items if (a := i.accession)]
    present: set[str] = set()
    known: set[str] = set()
    sqlite = conn.dialect.name == "sqlite"
    for start in range(0, max(len(shas), len(accessions)), 500):
        by_sha = shas[start : start + 500]
        by_acc = accessions[start : start + 500]
        among_shas, sha_values = _any_of(sqlite, by_sha)
        among_accessions, accession_values = _any_of(sqlite, by_acc)
        sql = _ALREADY_IN.format(shas=among_shas, accessions=among_accessions)
        rows = conn.exec_driver_sql(sql, (*sha_values, *accession_values))
        for sha, accession in rows:
            present.add(sha)
            if accession is not None:
                known.add(accession)
    wanted = set(shas)
    return present & wanted, known & set(accessions)


_RESOLVE = "UPDATE quarantine SET resolved_at = {mark} WHERE sha256 {shas} AND resolved_at IS NULL"


def _resolve_quarantined(conn: Connection, shas: list[str], now: dt.datetime) -> None:
    """Quarantine entries of files that have now gone in are marked resolved (the time as
    SQLAlchemy's ``DateTime`` writes it: text on SQLite, the value itself on PostgreSQL)."""
    sqlite = conn.dialect.name == "sqlite"
    when: Any = now.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else now
    mark = "?" if sqlite else "%s"
    for start in range(0, len(shas), 500):
        among, values = _any_of(sqlite, shas[start : start + 500])
        conn.exec_driver_sql(_RESOLVE.format(mark=mark, shas=among), (when, *values))


def events_at(store: EventStore, seqs: Iterable[int]) -> dict[int, Event]:
    """Full events at a few log sequence numbers (an audit reading the footnotes behind a break)."""
    wanted = sorted(set(seqs))
    out: dict[int, Event] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            for pos, payload in conn.execute(
                select(EVENTS.c.seq, EVENTS.c.payload).where(EVENTS.c.seq.in_(part))
            ):
                out[pos] = read_event(payload)
    return out


_NOTED = '%"scope":"%'
_ON_BALANCE = '%"on_balance":true%'
"""How a parse note, and a doubt a balance rests on, look in a stored payload
(``ParseNote``). A string value cannot match them: JSON escapes the quotes inside strings."""


def iter_noted(
    store: EventStore,
    *,
    person_keys: Iterable[str] | None = None,
    issuer_key: str | None = None,
    doubts_only: bool = False,
    seqs: Iterable[int] | None = None,
) -> Iterator[tuple[int, Event]]:
    """Events that carry parse notes (with ``doubts_only``, a doubt a balance rests on), in log
    order: found by a scan of the payloads (few events have notes, and no column is needed for
    a rare fact), streamed, then decoded and checked one by one. ``seqs`` narrows the scan to
    those log sequence numbers (read 500 at a time)."""
    pattern = _ON_BALANCE if doubts_only else _NOTED
    query = where_events(
        select(EVENTS.c.seq, EVENTS.c.payload).where(EVENTS.c.payload.like(pattern)),
        person_keys=person_keys,
        issuer_key=issuer_key,
    ).order_by(EVENTS.c.seq)
    wanted = None if seqs is None else sorted(set(seqs))
    parts = (
        [query]
        if wanted is None
        else [
            query.where(EVENTS.c.seq.in_(wanted[i : i + 500])) for i in range(0, len(wanted), 500)
        ]
    )
    with store.engine.connect().execution_options(stream_results=True, yield_per=1_000) as conn:
        for part in parts:
            for seq, payload in conn.execute(part):
                event = read_event(payload)
                if event.doubts if doubts_only else event.notes:
                    yield seq, event


def _filing_row(filing: Filing, events: Sequence[Event]) -> dict[str, Any]:
    return {
        "sha256": filing.source.sha256,
        "path": filing.source.path,
        "format": filing.source.format,
        "form_type": filing.form_type,
        "accession_number": filing.accession_number,
        "issuer_key": events[0].issuer_key if events else "",
        "period_of_report": filing.period_of_report,
        "filed_date": filing.filed_date or filing.signature_date,
        "accepted_at": filing.accepted_at,
        "date_of_original_submission": filing.date_of_original_submission,
        "is_amendment": filing.is_amendment,
        "event_count": len(events),
        "notes": len(filing.notes),
    }


def _finished(
    fresh: Sequence[PreparedFiling],
    heads: dict[str, tuple[int, str]],
    tip: tuple[int, str],
    recorded: Any,
    stamped: str,
    filing_rows: list[tuple[Any, ...]],
) -> Iterator[tuple[Any, ...]]:
    """The events rows of ``fresh``, numbered from each stream's head and chained, made one
    at a time as the insert asks for them; each filing's row (its chain link covers its events'
    hashes) is put on ``filing_rows`` once its events are made."""
    tip_seq, tip_chain = tip
    for item in fresh:
        hashes = []
        for partial in item.rows:
            sid = partial.stream_id
            version, chain = heads.get(sid, (0, ""))
            version += 1
            row = finish_values(partial, version, recorded, stamped, chain)
            heads[sid] = (version, row[-1])
            hashes.append(row[-2])
            yield row
        tip_seq += 1
        frow = filing_values(item.filing_row, recorded, stamped, tip_seq, hashes, tip_chain)
        tip_chain = frow[-1]
        filing_rows.append(frow)


def _bulk_insert(
    conn: Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[tuple[Any, ...]],
    count: int,
) -> None:
    """The hot inserts, straight to the driver: the ``count`` rows (taken to the last even
    when there are none: making them makes the filings' rows) are built and hashed by
    ``finish_values`` and ``filing_values``, in forms both engines take, and SQLAlchemy's
    per-row processing would cost as much as the engine's own work. SQLite gets
    ``executemany``; PostgreSQL ``COPY`` (in the same transaction, so as atomic as the rest)
    where the rows are many enough to pay for it. Driver errors come out as SQLAlchemy's
    classes, as from any other statement."""
    driver: Any = conn.connection.driver_connection
    names = ", ".join(columns)
    if conn.dialect.name == "sqlite":
        statement = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
        with _driver_errors(conn, statement):
            driver.executemany(statement, rows)
        return
    if count < 50:
        statement = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
        with _driver_errors(conn, statement), driver.cursor() as cur:
            cur.executemany(statement, list(rows))
        return
    statement = f"COPY {table} ({names}) FROM STDIN"
    with _driver_errors(conn, statement), driver.cursor() as cur, cur.copy(statement) as copy:
        write = copy.write_row
        for row in rows:
            write(row)


@contextlib.contextmanager
def _driver_errors(conn: Connection, statement: str) -> Iterator[None]:
    """An error of the driver's, raised as SQLAlchemy's class for it (IntegrityError for a
    key taken, DataError for a refused value, OperationalError for a lost database)."""
    dbapi: Any = conn.dialect.loaded_dbapi
    try:
        yield
    except dbapi.Error as exc:
        raise DBAPIError.instance(statement, None, exc, dbapi.Error, dialect=conn.dialect) from exc
