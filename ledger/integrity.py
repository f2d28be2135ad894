"""Is the log what the store wrote? The ledger's half of ``holdings verify``.

Each event row carries a hash of its content and a per-stream hash chain; the check recomputes
both, so a row altered or deleted behind the store's back (say, with the triggers dropped by
hand) shows, as do gaps in stream versions, columns that disagree with their payload, filings
whose events are missing, and missing guard triggers. The ledger head (a hash over every
stream's last link) can be written down elsewhere to anchor the whole log. Whether projections
still follow the log is checked a layer up, where projections are known.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import RowMapping, func, select

from ledger.events import read_event
from ledger.mapping import (
    HASHED_COLUMNS,
    chain_hash,
    event_hash,
    event_to_row,
)
from ledger.store import EventStore
from ledger.tables import EVENTS, FILINGS

_CHECKED_COLUMNS = tuple(
    c for c in HASHED_COLUMNS if c not in {"stream_version", "schema_version", "payload"}
)
"""The indexed columns, each of which must say what the payload says."""


@dataclass(frozen=True)
class Problem:
    kind: str
    where: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "where": self.where, "message": self.message}


@dataclass
class VerifyReport:
    events: int = 0
    streams: int = 0
    positions: int = 0
    head: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_log(
    store: EventStore,
    *,
    payloads: bool = True,
    progress: Callable[[int], None] | None = None,
) -> VerifyReport:
    report = VerifyReport()
    _check_triggers(store, report)
    heads: list[str] = []
    cols = [
        EVENTS.c[n]
        for n in (
            "seq",
            "stream_version",
            "schema_version",
            "payload",
            "event_hash",
            "chain_hash",
            *_CHECKED_COLUMNS,
        )
    ]
    q = select(*cols).order_by(EVENTS.c.stream_id, EVENTS.c.stream_version)
    current: str | None = None
    expected_version = 0
    chain = ""
    with store.engine.connect().execution_options(stream_results=True, yield_per=5000) as conn:
        for row in conn.execute(q):
            m = row._mapping
            report.events += 1
            if progress and report.events % 10_000 == 0:
                progress(report.events)
            if m["stream_id"] != current:
                if current is not None:
                    heads.append(chain)
                current = m["stream_id"]
                report.streams += 1
                expected_version, chain = 0, ""
            where = f"event #{m['seq']} ({m['stream_id']} v{m['stream_version']})"
            expected_version += 1
            if m["stream_version"] != expected_version:
                report.problems.append(
                    Problem(
                        "version gap",
                        where,
                        f"expected version {expected_version}, found {m['stream_version']}",
                    )
                )
                expected_version = m["stream_version"]
            if event_hash(m) != m["event_hash"]:
                report.problems.append(
                    Problem("altered row", where, "content no longer matches its stored hash")
                )
            chain = chain_hash(chain, m["event_hash"])
            if chain != m["chain_hash"]:
                report.problems.append(
                    Problem(
                        "broken chain",
                        where,
                        "hash chain broken (a row before it changed, went missing or moved)",
                    )
                )
                chain = m["chain_hash"]
            if payloads:
                _check_payload(m, where, report)
    if current is not None:
        heads.append(chain)
    report.head = hashlib.sha256("\n".join(sorted(heads)).encode()).hexdigest()
    _check_filings(store, report)
    return report


def _check_payload(m: RowMapping, where: str, report: VerifyReport) -> None:
    try:
        event = read_event(m["payload"])
    except Exception as exc:
        report.problems.append(Problem("unreadable payload", where, str(exc).splitlines()[0]))
        return
    derived = event_to_row(event, m["stream_version"], dt.datetime.min)
    for name in _CHECKED_COLUMNS:
        if derived[name] != m[name] and str(derived[name]) != str(m[name]):
            report.problems.append(
                Problem(
                    "column mismatch",
                    where,
                    f"{name} is {m[name]!r} but the payload says {derived[name]!r}",
                )
            )


def _check_triggers(store: EventStore, report: VerifyReport) -> None:
    """Opening the store reinstalls a dropped guard at once; what it found missing is reported."""
    for name in store.guards_reinstalled:
        report.problems.append(
            Problem(
                "guard missing",
                name,
                "append-only trigger had been dropped (reinstalled now); rows may have been "
                "changed while it was gone",
            )
        )


def _check_filings(store: EventStore, report: VerifyReport) -> None:
    counts = (
        select(EVENTS.c.filing_sha256, func.count().label("n"))
        .group_by(EVENTS.c.filing_sha256)
        .subquery()
    )
    q = select(FILINGS.c.sha256, FILINGS.c.path, FILINGS.c.event_count, counts.c.n).join(
        counts, counts.c.filing_sha256 == FILINGS.c.sha256, isouter=True
    )
    with store.engine.connect() as conn:
        for sha, path, expected, found in conn.execute(q):
            if (found or 0) != expected:
                report.problems.append(
                    Problem(
                        "missing events",
                        f"{path} ({sha[:12]})",
                        f"filing recorded {expected} events, the log holds {found or 0}",
                    )
                )
