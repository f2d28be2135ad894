"""Is the log what the store wrote? The ledger's half of ``holdings verify``.

Each event row carries a hash of its content (``recorded_at`` included since layout 4) and a
per-stream hash chain; each filings row since layout 4 a hash of all its columns and of its
events' hashes, chained in append order. The check recomputes them all, so a row altered,
deleted or put in behind the store's back shows, as do gaps in stream versions, columns that
disagree with their payload, filings whose events are missing, events whose filing is missing,
and guard triggers that are missing, disabled or altered now, or were found so by an earlier
open (``ledger_incidents``: an open that may write puts a guard back, and records that it did).

What a chain cannot show is its own newest links deleted. ``SavedHead`` is the answer: written
down elsewhere (``holdings verify --save-head``), it lets a later check say whether the log lost
or changed anything since (``--expect``). Whether projections still follow the log is checked
a layer up, where projections are known.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, RowMapping, func, select, text

from ledger import links
from ledger.events import read_event
from ledger.mapping import (
    HASHED_COLUMNS,
    chain_hash,
    event_hash,
    event_to_row,
    filing_hash,
)
from ledger.schema import LEGACY_FILINGS_KEY, guard_problems, legacy_filings_digest, stored_version
from ledger.store import EventStore
from ledger.tables import EVENTS, FILINGS, INCIDENTS, LINKS, META, REPLACED

_CHECKED_COLUMNS = (
    *(c for c in HASHED_COLUMNS if c not in {"stream_version", "schema_version", "payload"}),
    "person_name",
)
"""The indexed columns, each of which must say what the payload says."""


@dataclass(frozen=True)
class Problem:
    kind: str
    where: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "where": self.where, "message": self.message}


@dataclass(frozen=True)
class SavedHead:
    """The log as it stood at one moment, written down outside it: every stream's last
    version and chain link, and the filings chain's last place and link. A later log must
    still hold each of them, unchanged."""

    head: str
    events: int
    filings: int
    filing_seq: int
    filing_chain: str
    legacy_filings: str
    streams: dict[str, tuple[int, str]]

    FORMAT = "holdings-ledger head 1"

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": self.FORMAT,
            "head": self.head,
            "events": self.events,
            "filings": self.filings,
            "filing_seq": self.filing_seq,
            "filing_chain": self.filing_chain,
            "legacy_filings": self.legacy_filings,
            "streams": {sid: list(v) for sid, v in sorted(self.streams.items())},
        }
        return json.dumps(data, indent=1) + "\n"

    @classmethod
    def read(cls, path: Path) -> SavedHead:
        """Raises ValueError (saying why) for a file that is not a saved head."""
        try:
            data = json.loads(path.read_text())
            if data.get("format") != cls.FORMAT:
                raise ValueError("not a head file written by `holdings verify --save-head`")
            return cls(
                head=str(data["head"]),
                events=int(data["events"]),
                filings=int(data["filings"]),
                filing_seq=int(data["filing_seq"]),
                filing_chain=str(data["filing_chain"]),
                legacy_filings=str(data["legacy_filings"]),
                streams={k: (int(v[0]), str(v[1])) for k, v in data["streams"].items()},
            )
        except (KeyError, TypeError, IndexError, json.JSONDecodeError) as exc:
            raise ValueError(
                f"not a head file written by `holdings verify --save-head` ({exc})"
            ) from None


@dataclass
class VerifyReport:
    events: int = 0
    streams: int = 0
    filings: int = 0
    positions: int = 0
    head: str = ""
    problems: list[Problem] = field(default_factory=list)
    stream_heads: dict[str, tuple[int, str]] = field(default_factory=dict)
    filing_tip: tuple[int, str] = (0, "")
    legacy_filings: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def saved_head(self) -> SavedHead:
        return SavedHead(
            head=self.head,
            events=self.events,
            filings=self.filings,
            filing_seq=self.filing_tip[0],
            filing_chain=self.filing_tip[1],
            legacy_filings=self.legacy_filings,
            streams=dict(self.stream_heads),
        )


def check_log(
    store: EventStore,
    *,
    payloads: bool = True,
    progress: Callable[[int], None] | None = None,
    expect: SavedHead | None = None,
) -> VerifyReport:
    report = VerifyReport()
    _check_guards(store, report)
    wanted = expect.streams if expect else {}
    seen_at: dict[str, str] = {}
    cols = [
        EVENTS.c[n]
        for n in (
            "seq",
            "stream_version",
            "schema_version",
            "payload",
            "event_hash",
            "chain_hash",
            "hash_version",
            "recorded_at",
            *_CHECKED_COLUMNS,
        )
    ]
    q = select(*cols).order_by(EVENTS.c.stream_id, EVENTS.c.stream_version)
    current: str | None = None
    expected_version = 0
    chain = ""
    with store.engine.connect().execution_options(stream_results=True, yield_per=500) as conn:
        for row in conn.execute(q):
            m = row._mapping
            report.events += 1
            if progress and report.events % 10_000 == 0:
                progress(report.events)
            if m["stream_id"] != current:
                if current is not None:
                    report.stream_heads[current] = (expected_version, chain)
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
            saved = wanted.get(m["stream_id"])
            if saved is not None and saved[0] == m["stream_version"]:
                seen_at[m["stream_id"]] = chain
            if payloads:
                _check_payload(m, where, report)
        if current is not None:
            report.stream_heads[current] = (expected_version, chain)
        _check_hash_versions(conn, report)
        link_at = _check_filings(conn, report, expect.filing_seq if expect else 0)
        _check_orphans(conn, report)
        _check_unique_seq(conn, report)
        links_tip = _check_links(conn, report)
        _check_replaced(conn, report)
    heads = sorted(c for _v, c in report.stream_heads.values())
    if report.filing_tip[1]:
        heads.append("filings:" + report.filing_tip[1])
    if links_tip:
        heads.append("identity_links:" + links_tip)
    report.head = hashlib.sha256("\n".join(heads).encode()).hexdigest()
    if expect is not None:
        _compare(expect, seen_at, link_at, report)
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


def _check_guards(store: EventStore, report: VerifyReport) -> None:
    """Guards as they are now, and as earlier opens found them before putting them back."""
    with store.engine.connect() as conn:
        for name, (kind, detail) in guard_problems(conn, stored_version(conn)).items():
            report.problems.append(
                Problem(kind, name, f"{detail}; rows may be changed while it is so")
            )
        if store.dialect == "postgresql":
            role = conn.execute(text("SHOW session_replication_role")).scalar()
            if role != "origin":
                report.problems.append(
                    Problem(
                        "guard disabled",
                        "session_replication_role",
                        f"sessions start as '{role}' (set for this database or role): "
                        "triggers that are not ALWAYS do not fire",
                    )
                )
        for found_at, guard, kind, detail in conn.execute(
            select(
                INCIDENTS.c.found_at, INCIDENTS.c.guard, INCIDENTS.c.kind, INCIDENTS.c.detail
            ).order_by(INCIDENTS.c.id)
        ):
            report.problems.append(
                Problem(
                    kind,
                    guard,
                    f"{detail} (found and put back {found_at:%Y-%m-%d %H:%M} UTC); rows may "
                    "have been changed while it was so",
                )
            )


def _check_hash_versions(conn: Connection, report: VerifyReport) -> None:
    """Rows hashed by an older formula come before every row of a newer one: an old-formula
    row after them was rewritten to escape what the newer formula covers."""
    first_v2 = conn.execute(
        select(func.min(EVENTS.c.seq)).where(EVENTS.c.hash_version >= 2)
    ).scalar()
    if first_v2 is None:
        return
    late = conn.execute(
        select(EVENTS.c.seq, EVENTS.c.stream_id, EVENTS.c.stream_version)
        .where(EVENTS.c.hash_version < 2, EVENTS.c.seq > first_v2)
        .order_by(EVENTS.c.seq)
    ).all()
    for seq, sid, version in late:
        report.problems.append(
            Problem(
                "altered row",
                f"event #{seq} ({sid} v{version})",
                "hashed by the formula of an older release, after rows hashed by this one's",
            )
        )


def _check_filings(conn: Connection, report: VerifyReport, want_seq: int) -> str | None:
    """Every filings row against its events; chained rows (layout 4 on) against their chain;
    rows from before the chain against the record of them made when it began. Returns the
    recomputed link at place ``want_seq`` of the append order (None where there is none)."""
    agg = func.string_agg if conn.dialect.name == "postgresql" else func.group_concat
    events = (
        select(
            EVENTS.c.filing_sha256,
            func.count().label("n"),
            agg(EVENTS.c.event_hash, ",").label("hashes"),
        )
        .group_by(EVENTS.c.filing_sha256)
        .subquery()
    )
    q = (
        select(FILINGS, events.c.n, events.c.hashes)
        .join(events, events.c.filing_sha256 == FILINGS.c.sha256, isouter=True)
        .order_by(FILINGS.c.filing_seq.nulls_first(), FILINGS.c.sha256)
    )
    legacy: list[str] = []
    expected_seq, chain = 0, ""
    link_at: str | None = None
    for row in conn.execute(q):
        m = row._mapping
        report.filings += 1
        where = f"{m['path']} ({m['sha256'][:12]})"
        found = m["n"] or 0
        if found != m["event_count"]:
            report.problems.append(
                Problem(
                    "missing events",
                    where,
                    f"filing recorded {m['event_count']} events, the log holds {found}",
                )
            )
        if m["filing_seq"] is None:
            legacy.append(m["sha256"])
            continue
        expected_seq += 1
        if m["filing_seq"] != expected_seq:
            report.problems.append(
                Problem(
                    "missing filing",
                    where,
                    f"filings {expected_seq} to {m['filing_seq'] - 1} of the append order are gone",
                )
            )
            expected_seq = m["filing_seq"]
        hashes = m["hashes"].split(",") if m["hashes"] else []
        link = filing_hash(m, hashes, chain)
        if m["filing_seq"] == want_seq:
            link_at = link
        if m["hash_version"] != 2 or link != m["chain_hash"]:
            report.problems.append(
                Problem(
                    "altered filing",
                    where,
                    "filings row, or the events it holds, no longer match its chained hash "
                    "(edited, put in by hand, or a filing before it removed)",
                )
            )
        chain = m["chain_hash"]
    report.filing_tip = (expected_seq, chain)
    report.legacy_filings = legacy_filings_digest(legacy)
    recorded = conn.execute(select(META.c.value).where(META.c.key == LEGACY_FILINGS_KEY)).scalar()
    if recorded != report.legacy_filings:
        report.problems.append(
            Problem(
                "altered filing",
                "filings",
                f"{len(legacy)} filings rows are outside the chain, and they are not the rows "
                "the ledger held when the chain began (a row put in or removed by hand)",
            )
        )
    return link_at


def _check_orphans(conn: Connection, report: VerifyReport) -> None:
    q = (
        select(EVENTS.c.filing_sha256, func.count())
        .join(FILINGS, FILINGS.c.sha256 == EVENTS.c.filing_sha256, isouter=True)
        .where(FILINGS.c.sha256.is_(None))
        .group_by(EVENTS.c.filing_sha256)
    )
    for sha, n in conn.execute(q):
        report.problems.append(
            Problem("missing filing", sha[:12], f"{n} events of a filing with no filings row")
        )


def _check_unique_seq(conn: Connection, report: VerifyReport) -> None:
    """On PostgreSQL the key is ``(seq, stream_id)`` since layout 6 (a distributed table's keys
    must hold its distribution column), so nothing but the one sequence keeps a place in the log
    order unique; a row put in by hand at a taken place would reorder replays unnoticed."""
    q = (
        select(EVENTS.c.seq, func.count())
        .group_by(EVENTS.c.seq)
        .having(func.count() > 1)
        .order_by(EVENTS.c.seq)
    )
    for seq, n in conn.execute(q):
        report.problems.append(
            Problem(
                "duplicate place", f"event #{seq}", f"{n} events share one place in the log order"
            )
        )


def _compare(
    saved: SavedHead, seen_at: dict[str, str], link_at: str | None, report: VerifyReport
) -> None:
    """Has the log lost or changed anything since ``saved`` was written?"""
    for sid, (version, link) in sorted(saved.streams.items()):
        now = report.stream_heads.get(sid)
        if now is None:
            report.problems.append(
                Problem("lost since saved head", sid, f"stream had {version} events, now none")
            )
        elif now[0] < version:
            report.problems.append(
                Problem(
                    "lost since saved head",
                    sid,
                    f"stream had {version} events, now {now[0]}",
                )
            )
        elif seen_at.get(sid) != link:
            report.problems.append(
                Problem(
                    "changed since saved head",
                    sid,
                    f"the first {version} events of the stream are not the ones saved",
                )
            )
    if report.filing_tip[0] < saved.filing_seq:
        report.problems.append(
            Problem(
                "lost since saved head",
                "filings",
                f"the append order reached filing {saved.filing_seq}, now {report.filing_tip[0]}",
            )
        )
    elif saved.filing_seq and link_at != saved.filing_chain:
        report.problems.append(
            Problem(
                "changed since saved head",
                "filings",
                f"filing {saved.filing_seq} of the append order is not the one saved",
            )
        )
    if report.legacy_filings != saved.legacy_filings:
        report.problems.append(
            Problem(
                "changed since saved head",
                "filings",
                "the filings from before the chain are not the ones saved",
            )
        )
    if report.filings < saved.filings or report.events < saved.events:
        report.problems.append(
            Problem(
                "lost since saved head",
                "log",
                f"{saved.events} events in {saved.filings} filings then, "
                f"{report.events} in {report.filings} now",
            )
        )


def _check_links(conn: Connection, report: VerifyReport) -> str:
    """The identity link records: each row's hash and the one chain through them in ``seq``
    order. Returns the last link, which the ledger head covers too."""
    chain = ""
    cols = [LINKS.c[n] for n in ("seq", *links.HASHED, "event_hash", "chain_hash")]
    for row in conn.execute(select(*cols).order_by(LINKS.c.seq)):
        m = row._mapping
        where = f"identity link #{m['seq']}"
        if links.content_hash(m) != m["event_hash"]:
            report.problems.append(
                Problem("altered row", where, "content no longer matches its stored hash")
            )
        chain = links.chain_hash(chain, m["event_hash"])
        if chain != m["chain_hash"]:
            report.problems.append(
                Problem(
                    "broken chain",
                    where,
                    "hash chain broken (a link before it changed, went missing or moved)",
                )
            )
            chain = m["chain_hash"]
        try:
            link = links.read_link(m["payload"])
        except Exception as exc:
            report.problems.append(Problem("unreadable payload", where, str(exc).splitlines()[0]))
            continue
        if (link.kind, link.name_key, link.cik_key, link.issuer_key) != (
            m["kind"],
            m["name_key"],
            m["cik_key"],
            m["issuer_key"],
        ):
            report.problems.append(
                Problem("column mismatch", where, "columns disagree with the payload")
            )
    return chain


def _check_replaced(conn: Connection, report: VerifyReport) -> None:
    """Each replaced rendering, and the filing that replaced it, must be in the ledger."""
    named = select(REPLACED.c.rendering_sha256).union(select(REPLACED.c.by_sha256))
    known = set(conn.execute(select(FILINGS.c.sha256).where(FILINGS.c.sha256.in_(named))).scalars())
    for old, new in conn.execute(select(REPLACED.c.rendering_sha256, REPLACED.c.by_sha256)):
        missing = [sha for sha in (old, new) if sha not in known]
        if missing:
            report.problems.append(
                Problem(
                    "dangling replacement",
                    f"rendering {old[:12]} replaced by {new[:12]}",
                    f"names a filing the ledger does not hold ({', '.join(missing)})",
                )
            )
