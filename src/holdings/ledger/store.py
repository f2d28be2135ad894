"""The append-only event store: one recorder interface over SQLite and PostgreSQL.

A filing is appended whole or not at all (one transaction, its ``filings`` row beside its
events). Appending it again is a no-op, unless the events it would produce differ from the ones
already stored under the same idempotency keys: that is a loud ``IdempotencyConflict``, never a
silent overwrite. Two writers that race for the same stream version get ``ConcurrencyError``;
the caller retries.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError

from holdings.clock import utcnow
from holdings.ledger.classify import idempotency_key, stream_id
from holdings.ledger.database import make_engine, prepare
from holdings.ledger.events import _Event
from holdings.ledger.mapping import event_to_row
from holdings.ledger.tables import EventRow, FilingRow, QuarantineRow
from holdings.parsers.model import Filing

EVENTS = EventRow.__table__  # type: ignore[attr-defined]
FILINGS = FilingRow.__table__  # type: ignore[attr-defined]
QUARANTINE = QuarantineRow.__table__  # type: ignore[attr-defined]


class StoreError(Exception):
    pass


class ConcurrencyError(StoreError):
    """Another writer took the stream version (or the filing) first; retrying is safe."""


class IdempotencyConflict(StoreError):
    """The same idempotency key arrived with a different payload."""


@dataclass(frozen=True)
class AppendResult:
    sha256: str
    appended: int
    already_present: bool


@dataclass(frozen=True)
class QuarantineEntry:
    id: int
    path: str
    sha256: str
    reason: str
    line: int | None
    size: int
    recorded_at: Any


class EventStore:
    def __init__(self, url: str | None = None, engine: Engine | None = None) -> None:
        self.engine = engine or make_engine(url)
        self.guards_reinstalled = prepare(self.engine)
        self.writer = self.engine.execution_options(write=True)
        """Connections that append: on SQLite they take the write lock when they begin."""

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # --- writing -------------------------------------------------------------------------

    def append_filing(self, filing: Filing, events: Sequence[_Event]) -> AppendResult:
        try:
            with self.writer.begin() as conn:
                return self._append(conn, filing, events)
        except IntegrityError as exc:
            raise ConcurrencyError(
                f"{filing.source.path}: another writer appended to the same stream or filing "
                f"first ({_short(exc)}); retry"
            ) from exc
        except OperationalError as exc:
            if "locked" in str(exc) or "could not serialize" in str(exc):
                raise ConcurrencyError(f"{filing.source.path}: {_short(exc)}; retry") from exc
            raise

    def append_batch(
        self, items: Sequence[tuple[Filing, Sequence[_Event]]]
    ) -> list[AppendResult | Exception]:
        """Many filings in one transaction, each in a savepoint: one bad filing rolls back
        alone while the batch pays for a single commit."""
        results: list[AppendResult | Exception] = []
        try:
            with self.writer.begin() as conn:
                for filing, events in items:
                    try:
                        with conn.begin_nested():
                            results.append(self._append(conn, filing, events))
                    except (IntegrityError, IdempotencyConflict) as exc:
                        results.append(
                            exc
                            if isinstance(exc, IdempotencyConflict)
                            else ConcurrencyError(f"{filing.source.path}: {_short(exc)}")
                        )
        except OperationalError as exc:
            # A deadlock or lock timeout aborts the whole transaction: nothing of it landed.
            raise ConcurrencyError(f"batch of {len(items)} filings: {_short(exc)}") from exc
        return results

    def _append(self, conn: Connection, filing: Filing, events: Sequence[_Event]) -> AppendResult:
        sha = filing.source.sha256
        now = utcnow()
        present = conn.execute(select(FILINGS.c.event_count).where(FILINGS.c.sha256 == sha)).first()
        if present is not None:
            self._check_same(conn, sha, events)
            return AppendResult(sha, 0, True)
        by_stream: dict[str, list[_Event]] = defaultdict(list)
        for e in events:
            by_stream[stream_id(e)].append(e)
        rows: list[dict[str, Any]] = []
        for sid, stream_events in by_stream.items():
            version, chain = self._stream_head(conn, sid)
            for e in stream_events:
                version += 1
                row = event_to_row(e, version, now, chain)
                chain = row["chain_hash"]
                rows.append(row)
        conn.execute(
            insert(FILINGS),
            [
                {
                    "sha256": sha,
                    "path": filing.source.path,
                    "format": filing.source.format,
                    "form_type": filing.form_type,
                    "accession_number": filing.accession_number,
                    "issuer_key": events[0].issuer_key if events else "",
                    "period_of_report": filing.period_of_report,
                    "filed_date": filing.filed_date or filing.signature_date,
                    "date_of_original_submission": filing.date_of_original_submission,
                    "is_amendment": filing.is_amendment,
                    "event_count": len(rows),
                    "notes": len(filing.notes),
                    "recorded_at": now,
                }
            ],
        )
        if rows:
            conn.execute(insert(EVENTS), rows)
        return AppendResult(sha, len(rows), False)

    def _stream_head(self, conn: Connection, sid: str) -> tuple[int, str]:
        head = conn.execute(
            select(EVENTS.c.stream_version, EVENTS.c.chain_hash)
            .where(EVENTS.c.stream_id == sid)
            .order_by(EVENTS.c.stream_version.desc())
            .limit(1)
        ).first()
        return (int(head[0]), head[1]) if head else (0, "")

    def _check_same(self, conn: Connection, sha: str, events: Sequence[_Event]) -> None:
        stored = dict(
            conn.execute(
                select(EVENTS.c.idempotency_key, EVENTS.c.payload).where(
                    EVENTS.c.filing_sha256 == sha
                )
            ).all()
        )
        for e in events:
            key = idempotency_key(e)
            old = stored.get(key)
            if old is None or _comparable(old) != _comparable(e.model_dump_json()):
                raise IdempotencyConflict(
                    f"idempotency key {key} is already stored with a different payload "
                    f"({e.provenance.source_path}, {e.provenance.table} row "
                    f"{e.provenance.row_index}); refusing to overwrite"
                )

    def quarantine(
        self, path: str, content: bytes | None, reason: str, line: int | None = None
    ) -> bool:
        """Keep a file that failed, once per distinct content. Returns False if already kept."""
        sha = hashlib.sha256(content if content is not None else path.encode()).hexdigest()
        with self.writer.begin() as conn:
            exists = conn.execute(select(QUARANTINE.c.id).where(QUARANTINE.c.sha256 == sha)).first()
            if exists:
                return False
            conn.execute(
                insert(QUARANTINE),
                [
                    {
                        "sha256": sha,
                        "path": path,
                        "reason": reason,
                        "line": line,
                        "size": len(content) if content is not None else 0,
                        "content": content,
                        "recorded_at": utcnow(),
                    }
                ],
            )
        return True

    # --- reading -------------------------------------------------------------------------

    def has_filing(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.execute(select(FILINGS.c.sha256).where(FILINGS.c.sha256 == sha256)).first()
                is not None
            )

    def count_events(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(EVENTS)).scalar() or 0)

    def count_filings(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(FILINGS)).scalar() or 0)

    def quarantined(self) -> list[QuarantineEntry]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    QUARANTINE.c.id,
                    QUARANTINE.c.path,
                    QUARANTINE.c.sha256,
                    QUARANTINE.c.reason,
                    QUARANTINE.c.line,
                    QUARANTINE.c.size,
                    QUARANTINE.c.recorded_at,
                ).order_by(QUARANTINE.c.id)
            ).all()
        return [QuarantineEntry(*r) for r in rows]

    def quarantined_content(self, entry_id: int) -> bytes | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(QUARANTINE.c.content).where(QUARANTINE.c.id == entry_id)
            ).scalar()

    def filings(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(FILINGS)).all()]

    def iter_rows(
        self,
        *,
        person_keys: Iterable[str] | None = None,
        issuer_key: str | None = None,
        stream_ids: Iterable[str] | None = None,
        after_position: int = 0,
        columns: Sequence[str] | None = None,
        order: str = "position",
        chunk: int = 5_000,
    ) -> Iterator[Any]:
        """Stream stored rows without loading the log into memory."""
        cols = [EVENTS.c[c] for c in columns] if columns else [EVENTS]
        q = select(*cols).where(EVENTS.c.position > after_position)
        if person_keys is not None:
            q = q.where(EVENTS.c.person_key.in_(list(person_keys)))
        if issuer_key is not None:
            q = q.where(EVENTS.c.issuer_key == issuer_key)
        if stream_ids is not None:
            q = q.where(EVENTS.c.stream_id.in_(list(stream_ids)))
        if order == "replay":
            q = q.order_by(
                EVENTS.c.stream_id,
                EVENTS.c.effective_date,
                EVENTS.c.filed_date,
                EVENTS.c.sort_filing,
                EVENTS.c.row_order,
            )
        else:
            q = q.order_by(EVENTS.c.position)
        with self.engine.connect().execution_options(stream_results=True, yield_per=chunk) as conn:
            yield from conn.execute(q)

    def iter_events(self, **filters: Any) -> Iterator[tuple[int, _Event]]:
        from holdings.ledger.mapping import payload_to_event

        for row in self.iter_rows(columns=["position", "payload"], **filters):
            yield row.position, payload_to_event(row.payload)  # type: ignore[misc]


def _comparable(payload: str) -> dict[str, Any]:
    """The same content read from another path is the same event."""
    data = json.loads(payload)
    data.get("provenance", {}).pop("source_path", None)
    return data


def _short(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc)).strip().splitlines()
    return text[0] if text else type(exc).__name__


def events_at(store: EventStore, positions: Iterable[int]) -> dict[int, _Event]:
    """Full events for a few global positions (an audit reading the footnotes behind a break)."""
    from holdings.ledger.mapping import payload_to_event

    wanted = sorted(set(positions))
    out: dict[int, _Event] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            for pos, payload in conn.execute(
                select(EVENTS.c.position, EVENTS.c.payload).where(EVENTS.c.position.in_(part))
            ):
                out[pos] = payload_to_event(payload)  # type: ignore[assignment]
    return out
