"""Joining one person's two keys, and undoing it: the use cases that write identity links.

The people projection proposes a link where a name-keyed person (from text renderings) and a
CIK-keyed person (from XML) file for the same issuer under the same normalised Box 1 name; this
module appends it to the ledger as an ``identity linked`` record with that evidence, and brings
the projections that fold the two streams together up to date. ``unlink`` appends the
``identity unlinked`` record that undoes one, which also keeps the pair from being proposed
again.
"""

from __future__ import annotations

from collections.abc import Iterable

from ledger.links import LINKED, UNLINKED, IdentityLink
from ledger.store import EventStore
from projections.links import load_links
from projections.materialize import refresh_positions
from projections.people import proposed_links, refresh_people


class NotLinked(LookupError):
    """The key named is not part of any link in force."""


def link_people(store: EventStore) -> list[IdentityLink]:
    """Append every link the log supports and does not hold yet; returns them. The positions
    of the streams joined are folded again (as one)."""
    refresh_people(store)
    made = proposed_links(store)
    for link in made:
        store.append_link(link)
    if made:
        refresh_positions(store, _streams(made))
    return made


def unlink(store: EventStore, key: str, reason: str = "unlinked by hand") -> list[IdentityLink]:
    """Undo the links in force that ``key`` (either side) is part of; returns the records
    appended. Raises ``NotLinked`` when there is none."""
    links = load_links(store)
    undone = [ln for ln in links.current.values() if key in (ln.name_key, ln.cik_key)]
    if not undone:
        raise NotLinked(f"{key} is not linked to anyone (see `holdings people`)")
    out = []
    for ln in undone:
        record = IdentityLink(
            kind=UNLINKED,
            name_key=ln.name_key,
            cik_key=ln.cik_key,
            issuer_key=ln.issuer_key,
            name=ln.name,
            spellings=ln.spellings,
            reason=reason,
        )
        store.append_link(record)
        out.append(record)
    refresh_positions(store, _streams(out))
    return out


def _streams(links: Iterable[IdentityLink]) -> set[str]:
    out: set[str] = set()
    for ln in links:
        out |= {ln.name_stream, ln.cik_stream}
    return out


__all__ = ["LINKED", "NotLinked", "link_people", "unlink"]
