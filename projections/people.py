"""The people projection: who is in the ledger, under which keys and names, kept in its own
table so that finding a person never scans the log.

One row per person key: the display name (the latest Box 1 spelling, by filing date), every
spelling seen, the CIK where the key is one, and the issuers. The table is brought up to date
from a checkpoint (the last event ``seq`` it has read), so an ingest pays for its own events
only, and a lookup that finds the table behind catches it up first: however events were
appended (the CLI, the library, a bulk load), every lookup answers from the whole log.

Identity links (``ledger.links``) join a name-keyed person (a text rendering carries no CIK) to
the CIK-keyed person they are: the pair is one ``Person`` here, shown under the CIK key with the
latest spelling of either, and a lookup by any of its names or keys finds both keys.
"""

from __future__ import annotations

import contextlib
import difflib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select
from sqlmodel import Field, SQLModel

from ledger.identity import normalise_cik, normalise_name
from ledger.links import LINKED, IdentityLink
from ledger.store import EventStore
from ledger.tables import EVENTS
from projections.entries import raw_rows
from projections.kept import KeptTable, log_head
from projections.links import Links
from projections.materialize import CHECKPOINTS


class PersonRow(SQLModel, table=True):
    """One person key as the log has seen it. A projection: rewritten as events arrive."""

    __tablename__ = "people"

    key: str = Field(primary_key=True)
    display_name: str | None = None
    display_date: str = ""
    """ISO date of the filing the display name comes from (the latest filed)."""
    display_seq: int = 0
    names: str = "[]"
    """Every Box 1 spelling seen under this key, as a JSON list."""
    search: str = ""
    """The spellings normalised and joined by ``|``: what a name lookup matches words in."""
    cik: str | None = Field(default=None, index=True)
    issuers: str = ""
    """Issuer keys, space-separated."""


PEOPLE = SQLModel.metadata.tables["people"]
NAME = "people"
"""This projection's row in ``projection_checkpoints`` (shared with the positions table)."""
REFRESH_LOCK = 774414
"""PostgreSQL advisory lock held while the people table is written."""


@dataclass(frozen=True)
class Person:
    """A person as a user names them: one key, or a CIK key and the name keys linked to it."""

    key: str
    name: str | None
    issuers: tuple[str, ...]
    keys: tuple[str, ...] = ()
    """Every key of this person, ``key`` first."""
    names: tuple[str, ...] = ()
    """Every Box 1 spelling seen."""
    cik: str | None = None
    links: tuple[IdentityLink, ...] = ()
    """The identity links in force that join ``keys``."""

    def as_dict(self) -> dict[str, object]:
        return {
            "person": self.name,
            "key": self.key,
            "cik": self.cik,
            "issuers": " ".join(self.issuers),
            "linked_keys": " ".join(k for k in self.keys if k != self.key),
            "names_seen": " | ".join(self.names),
        }


@dataclass
class _Acc:
    names: dict[str, tuple[str, int]] = field(default_factory=dict)
    """spelling -> (latest filing date, seq) it was seen at."""
    issuers: set[str] = field(default_factory=set)


# --- keeping the table ------------------------------------------------------------------


_KEPT = KeptTable(PEOPLE, NAME, REFRESH_LOCK)


def ensure_tables(store: EventStore) -> bool:
    """Create the table where missing or of another shape (never on a read-only store); True
    when it was (re)made: it is empty then, its checkpoint gone, and a full refresh is due."""
    return _KEPT.ensure(store)


def behind(store: EventStore) -> bool:
    """Has the log grown past what the people table has read? Two index probes."""
    with store.engine.connect() as conn:
        if not _KEPT.shape_ok(conn):
            return True
        return log_head(conn) > _KEPT.checkpoint(conn)


_COLUMNS = (
    EVENTS.c.seq,
    EVENTS.c.person_key,
    EVENTS.c.person_name,
    EVENTS.c.issuer_key,
    func.coalesce(EVENTS.c.filed_date, EVENTS.c.effective_date),
)


def refresh_people(store: EventStore, *, full: bool = False) -> int:
    """Read the events past the checkpoint into the table; returns the keys rewritten. A
    read-only store is left as it is (its readers catch up in memory, see ``_current``).

    Serialised like the positions refresh (SQLite's write lock, an advisory lock on
    PostgreSQL), with the checkpoint read again under the lock."""
    if store.read_only:
        return 0
    if ensure_tables(store):
        full = True
    if not full and not behind(store):
        return 0
    with store.writer.begin() as conn:
        span = _KEPT.span(conn, store.dialect, full)
        if span is None:
            return 0
        start, head = span
        acc = _read(store, start, head)
        keys = sorted(acc)
        existing: dict[str, dict[str, Any]] = {}
        if full:
            conn.execute(delete(PEOPLE))
        else:
            for i in range(0, len(keys), 500):
                part = keys[i : i + 500]
                for r in conn.execute(select(PEOPLE).where(PEOPLE.c.key.in_(part))):
                    existing[r.key] = dict(r._mapping)
                conn.execute(delete(PEOPLE).where(PEOPLE.c.key.in_(part)))
        rows = [_merged(key, acc[key], existing.get(key)) for key in keys]
        for i in range(0, len(rows), 5_000):
            conn.execute(insert(PEOPLE), rows[i : i + 5_000])
        _KEPT.mark(conn, head)
    return len(rows)


def _read(store: EventStore, after: int, upto: int) -> dict[str, _Acc]:
    """What the events after ``after`` (up to ``upto``) say about each person key."""
    acc: dict[str, _Acc] = {}
    q = select(*_COLUMNS).where(EVENTS.c.seq > after, EVENTS.c.seq <= upto)
    for seq, key, name, issuer, date in raw_rows(store, q):
        a = acc.setdefault(key, _Acc())
        a.issuers.add(issuer)
        if name:
            when = (str(date), int(seq))
            if name not in a.names or a.names[name] < when:
                a.names[name] = when
    return acc


def _merged(key: str, a: _Acc, old: dict[str, Any] | None) -> dict[str, Any]:
    names = dict.fromkeys(json.loads(old["names"])) if old else {}
    names.update(dict.fromkeys(sorted(a.names)))
    issuers = set(old["issuers"].split()) if old else set()
    issuers |= a.issuers
    display = old["display_name"] if old else None
    when = (old["display_date"], old["display_seq"]) if old else ("", 0)
    for name, seen in a.names.items():
        if seen > when:
            display, when = name, seen
    cik = key[4:] if key.startswith("cik:") else None
    return {
        "key": key,
        "display_name": display,
        "display_date": when[0],
        "display_seq": when[1],
        "names": json.dumps(list(names)),
        "search": "|".join(sorted({normalise_name(n) for n in names})),
        "cik": cik,
        "issuers": " ".join(sorted(issuers)),
    }


# --- reading it -------------------------------------------------------------------------


Where = tuple[Any, Callable[[dict[str, Any]], bool]]
"""A selection of people rows said twice: as SQL, and as the same test on a row in memory."""


class _Table:
    """The people table as a lookup reads it: the stored rows, or (on a read-only store the
    log has grown past) the stored rows with the newer events folded in, in memory."""

    def __init__(self, conn: Connection, memory: dict[str, dict[str, Any]] | None) -> None:
        self.conn = conn
        self.memory = memory

    def rows(self, where: Where | None = None) -> list[dict[str, Any]]:
        if self.memory is not None:
            test = where[1] if where is not None else None
            return [r for k, r in sorted(self.memory.items()) if test is None or test(r)]
        q = select(PEOPLE)
        if where is not None:
            q = q.where(where[0])
        return [dict(r._mapping) for r in self.conn.execute(q.order_by(PEOPLE.c.key))]


def _keyed(keys: Iterable[str]) -> Where:
    wanted = sorted(set(keys))
    return (PEOPLE.c.key.in_(wanted), lambda r: r["key"] in set(wanted))


@contextlib.contextmanager
def _current(store: EventStore, links: Links | None = None) -> Iterator[tuple[_Table, Links]]:
    """The people table caught up with the log, read on one connection, and the links in
    force: a lookup is a handful of statements (each connection taken from the pool costs a
    round trip of its own on PostgreSQL). A store open for writing writes the catch-up; a
    read-only one folds the newer events in memory and leaves the table alone."""
    ensure_tables(store)
    with store.engine.connect() as conn:
        ok = store in _KEPT.ready or _KEPT.shape_ok(conn)
        head, seen = (
            conn.execute(
                select(
                    select(func.max(EVENTS.c.seq)).scalar_subquery(),
                    select(CHECKPOINTS.c.seq).where(CHECKPOINTS.c.name == NAME).scalar_subquery(),
                )
            ).one()
            if ok
            else (log_head(conn), 0)
        )
        memory: dict[str, dict[str, Any]] | None = None
        if (head or 0) > (seen or 0):
            if store.read_only:
                base = {r["key"]: r for r in _Table(conn, None).rows()} if ok else {}
                acc = _read(store, seen or 0, head or 0)
                memory = {**base, **{k: _merged(k, a, base.get(k)) for k, a in acc.items()}}
            else:
                conn.rollback()  # end the read snapshot: the refresh commits on another
                refresh_people(store)
        yield _Table(conn, memory), links if links is not None else Links.replay(store.links(conn))


def _group(rows: Sequence[dict[str, Any]], links: Links) -> list[Person]:
    """Rows joined into people by the links in force."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(links.canonical(r["key"]), []).append(r)
    out = []
    for canon, members in sorted(groups.items()):
        members.sort(key=lambda r: (r["key"] != canon, r["key"]))
        latest = max(members, key=lambda r: (r["display_date"], r["display_seq"]))
        names: dict[str, None] = {}
        for r in members:
            names.update(dict.fromkeys(json.loads(r["names"])))
        issuers = sorted({i for r in members for i in r["issuers"].split()})
        keys = tuple(r["key"] for r in members)
        out.append(
            Person(
                key=canon,
                name=latest["display_name"],
                issuers=tuple(issuers),
                keys=keys,
                names=tuple(names),
                cik=canon[4:] if canon.startswith("cik:") else None,
                links=tuple(links.current[k] for k in keys if k in links.current),
            )
        )
    return out


def _with_partners(table: _Table, rows: list[dict[str, Any]], links: Links) -> list[Person]:
    """``rows`` as people, completed with the rows of keys linked to them."""
    if links:
        have = {r["key"] for r in rows}
        missing = set(links.expand_keys(have)) - have
        if missing:
            rows = rows + table.rows(_keyed(missing))
    return _group(rows, links)


def people(store: EventStore) -> list[Person]:
    """Everyone in the ledger, linked keys joined, ordered by key."""
    with _current(store) as (table, links):
        return _group(table.rows(), links)


def find_people(store: EventStore, query: str) -> list[Person]:
    """Exact key or CIK first; else every person one of whose Box 1 spellings holds all the
    query's words, in any order ("Bruce Posey" finds ``POSEY BRUCE K``). Answered from the
    people table on one connection: two index probes to see it is current, the links, then
    the lookup itself."""
    query = query.strip()
    with _current(store) as (table, links):
        # Keys hold a colon (cik:..., name:ISSUER:...); a name never does: one query saved.
        exact = table.rows(_keyed([query])) if ":" in query else []
        if exact:
            return _with_partners(table, exact, links)
        cik = normalise_cik(query) if query.isdigit() else None
        if cik:
            by_cik = table.rows((PEOPLE.c.cik == cik, lambda r: r["cik"] == cik))
            return _with_partners(table, by_cik, links)
        words = normalise_name(query).split()
        if not words:
            return []
        where = None
        for w in words:
            cond = PEOPLE.c.search.contains(w, autoescape=True)
            where = cond if where is None else where & cond
        hits = [
            r
            for r in table.rows((where, lambda r: all(w in r["search"] for w in words)))
            if any(set(words) <= set(n.split()) for n in r["search"].split("|"))
        ]
        return _with_partners(table, hits, links)


def suggest(store: EventStore, query: str, limit: int = 3) -> list[Person]:
    """The people whose names come closest to a query that matched nobody ("Tim Cook" ->
    ``COOK TIMOTHY D``): each query word scored against its best word of a spelling."""
    words = normalise_name(query).split()
    if not words:
        return []
    scored: list[tuple[float, str, Person]] = []
    for person in people(store):
        best = 0.0
        for spelling in person.names or (person.name or "",):
            parts = normalise_name(spelling).split()
            if not parts:
                continue
            score = sum(max(_likeness(w, p) for p in parts) for w in words) / len(words)
            best = max(best, score)
        if best >= 0.75:
            scored.append((-best, person.key, person))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [p for _s, _k, p in scored[:limit]]


def _likeness(word: str, other: str) -> float:
    """1 for the same word, 0.9 where one starts the other ("tim", "timothy"), else how much of
    the two they share."""
    if word == other:
        return 1.0
    if min(len(word), len(other)) >= 3 and (word.startswith(other) or other.startswith(word)):
        return 0.9
    return difflib.SequenceMatcher(None, word, other).ratio()


def display_names(
    store: EventStore, keys: Iterable[str], links: Links | None = None
) -> dict[str, str]:
    """The name to show for each key (linked keys share their person's): the latest Box 1
    spelling by filing date, never whichever row a query happened to meet first."""
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    with name_lookup(store, links) as names:
        return names(wanted)


NameLookup = Callable[[Iterable[str]], dict[str, str]]


@contextlib.contextmanager
def name_lookup(store: EventStore, links: Links | None = None) -> Iterator[NameLookup]:
    """``display_names`` for many small sets of keys (a whole-ledger command names each batch
    of its rows): the people table is caught up once (read-only, folded in memory once), not
    at every call."""
    with _current(store, links) as (table, current):

        def names(keys: Iterable[str]) -> dict[str, str]:
            wanted = sorted(set(keys))
            out: dict[str, str] = {}
            rows: list[dict[str, Any]] = []
            for i in range(0, len(wanted), 500):
                rows += table.rows(_keyed(wanted[i : i + 500]))
            for person in _with_partners(table, rows, current):
                for k in person.keys:
                    if person.name:
                        out[k] = person.name
            return out

        yield names


def proposed_links(store: EventStore) -> list[IdentityLink]:
    """Links the log supports and does not hold yet: a name-keyed person whose normalised Box 1
    name is that of exactly one CIK-keyed person filing for the same issuer. A pair someone
    unlinked is never proposed again; an already linked name key is left alone."""
    with _current(store) as (table, links):
        rows = table.rows()
    by_name: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        if r["cik"]:
            for issuer in r["issuers"].split():
                for n in r["search"].split("|"):
                    by_name.setdefault((issuer, n), []).append(r)
    refused = links.unlinked_pairs()
    out = []
    for r in rows:
        key = r["key"]
        if not key.startswith("name:") or key in links.key_alias:
            continue
        scoped = [i for i in r["issuers"].split() if key.startswith(f"name:{i}:")]
        if len(scoped) != 1:
            continue
        issuer = scoped[0]
        name = key[len(f"name:{issuer}:") :]
        matches = {m["key"]: m for m in by_name.get((issuer, name), [])}
        if len(matches) != 1:
            continue
        (other,) = matches.values()
        if (key, other["key"]) in refused:
            continue
        spellings = sorted(set(json.loads(r["names"])) | set(json.loads(other["names"])))
        out.append(
            IdentityLink(
                kind=LINKED,
                name_key=key,
                cik_key=other["key"],
                issuer_key=issuer,
                name=name,
                spellings=tuple(spellings),
                reason=(
                    f"Box 1 names agree at {issuer} once normalised ('{name}'): "
                    f"{' / '.join(spellings)}"
                ),
            )
        )
    return out


__all__ = [
    "Person",
    "display_names",
    "find_people",
    "people",
    "proposed_links",
    "refresh_people",
    "suggest",
]
