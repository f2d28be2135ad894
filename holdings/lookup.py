"""Turning what a user types into ledger keys: the one way in for every face (CLI, Python API,
report), so that a stricter lookup (refusing an ambiguous name, say) changes one function."""

from __future__ import annotations

from ledger.store import EventStore
from projections.people import find_people


class PersonNotFound(LookupError):
    """Nobody in the ledger matches what was typed."""


def person_keys(store: EventStore, query: str) -> list[str]:
    """The person keys a name (any word order), CIK or key stands for. Raises
    ``PersonNotFound`` rather than answering for nobody: an empty filter would read as
    "no positions" when the name was mistyped."""
    found = find_people(store, query)
    if not found:
        raise PersonNotFound(f"no person in the ledger matches '{query}' (try `holdings people`)")
    return [p.key for p in found]


def issuer_key(issuer: str | None) -> str | None:
    """A ticker as issuers are keyed (upper case), or a ``cik:`` key as given."""
    return issuer.strip().upper() if issuer and not issuer.startswith("cik:") else issuer


__all__ = ["PersonNotFound", "issuer_key", "person_keys"]
