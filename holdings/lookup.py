"""Turning what a user types into ledger keys: the one way in for every face (CLI, Python API,
report), so that the rules below hold everywhere.

A name is looked up in the people table (``projections.people``), never by scanning the log. A
name that matches several people is refused, listing them, unless the caller picks one by key
or takes every match; a name that matches nobody is refused with the closest names. Either way
an empty or merged answer never passes for the person the user meant.
"""

from __future__ import annotations

from ledger.store import EventStore
from projections.people import Person, find_people, suggest


class PersonNotFound(LookupError):
    """Nobody in the ledger matches what was typed (or no single person does)."""


class AmbiguousPerson(PersonNotFound):
    """Several people match a name: the message lists them (name, key, issuers), one a line,
    with the two ways to go on."""

    multiline = True

    def __init__(self, query: str, matches: list[Person]) -> None:
        self.query = query
        self.matches = matches
        width = max(len(p.name or "") for p in matches)
        lines = [
            f"'{query}' matches {len(matches)} people: pick one with --key KEY, or take them "
            "all with --all-matches"
        ]
        lines += [
            f"  {(p.name or '').ljust(width)}  {p.key}  {' '.join(p.issuers)}" for p in matches
        ]
        super().__init__("\n".join(lines))


def people_for(
    store: EventStore,
    query: str | None,
    *,
    key: str | None = None,
    all_matches: bool = False,
) -> list[Person] | None:
    """The people a name (any word order), CIK or key stands for; None when neither a name
    nor a key is given (everyone). ``key`` picks exactly one person (and must be one of the
    name's matches when both are given); ``all_matches`` takes every match of the name."""
    if query is None and key is None:
        return None
    if key is not None:
        found = [p for p in find_people(store, key) if key in p.keys]
        if not found:
            raise PersonNotFound(f"no person has the key '{key}' (see `holdings people`)")
        if query is not None and not any(key in p.keys for p in find_people(store, query)):
            raise PersonNotFound(f"'{query}' does not match the person with key {key}")
        return found[:1]
    assert query is not None
    found = find_people(store, query)
    if not found:
        close = suggest(store, query)
        hint = "; closest: " + ", ".join(f"{p.name} ({p.key})" for p in close) if close else ""
        raise PersonNotFound(
            f"no person in the ledger matches '{query}'{hint} (see `holdings people`)"
        )
    if len(found) > 1 and not all_matches:
        raise AmbiguousPerson(query, found)
    return found


def person_keys(
    store: EventStore,
    query: str | None,
    *,
    key: str | None = None,
    all_matches: bool = False,
) -> list[str]:
    """Every key of the people ``people_for`` finds (a linked person has several). Raises
    ``PersonNotFound`` (or ``AmbiguousPerson``) rather than answering for nobody: an empty
    filter would read as "no positions" when the name was mistyped."""
    found = people_for(store, query, key=key, all_matches=all_matches)
    if found is None:
        raise PersonNotFound("name a person, or give a key")
    return [k for p in found for k in p.keys]


def issuer_key(issuer: str | None) -> str | None:
    """A ticker as issuers are keyed (upper case), or a ``cik:`` key as given."""
    return issuer.strip().upper() if issuer and not issuer.startswith("cik:") else issuer


__all__ = [
    "AmbiguousPerson",
    "PersonNotFound",
    "issuer_key",
    "people_for",
    "person_keys",
]
