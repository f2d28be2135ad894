"""Finding a person in the log the way a user names them: a CIK, a key, or part of a name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ledger.identity import normalise_cik, normalise_name
from ledger.store import EventStore
from ledger.tables import EVENTS


@dataclass(frozen=True)
class Person:
    key: str
    name: str | None
    issuers: tuple[str, ...]


def people(store: EventStore) -> list[Person]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(EVENTS.c.person_key, EVENTS.c.person_name, EVENTS.c.issuer_key).distinct()
        ).all()
    merged: dict[str, tuple[str | None, set[str]]] = {}
    for key, name, issuer in rows:
        n, issuers = merged.setdefault(key, (name, set()))
        issuers.add(issuer)
    return [Person(k, n, tuple(sorted(i))) for k, (n, i) in sorted(merged.items())]


def find_people(store: EventStore, query: str) -> list[Person]:
    """Exact key or CIK first; else every person whose name holds all the query's words,
    in any order ("Bruce Posey" finds ``POSEY BRUCE K``)."""
    everyone = people(store)
    exact = [p for p in everyone if p.key == query]
    if exact:
        return exact
    cik = normalise_cik(query) if query.strip().isdigit() else None
    if cik:
        return [p for p in everyone if p.key == f"cik:{cik}"]
    words = set(normalise_name(query).split())
    if not words:
        return []
    return [
        p for p in everyone if words <= set(normalise_name(p.name or p.key.split(":")[-1]).split())
    ]
