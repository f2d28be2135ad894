"""What the ledger's identity links and replaced renderings mean for the projections that read
the log.

A linked name-keyed stream is read as part of its CIK-keyed stream: one person's holdings in one
issuer fold as one stream whichever shape each filing came in, so a balance carried by an XML
filing continues in the text rendering that follows it. A rendering replaced by the structured
reading of the same filing (``replaced_renderings``) stays in the log and is looked past, the way
an amendment's original is. Both facts are small (a few rows), so each reader loads them once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ledger.links import LINKED, IdentityLink
from ledger.store import EventStore


@dataclass(frozen=True)
class Links:
    """The links in force after replaying every ``identity linked`` / ``unlinked`` record."""

    key_alias: dict[str, str] = field(default_factory=dict)
    """name key -> the CIK key it is linked to."""
    stream_alias: dict[str, str] = field(default_factory=dict)
    """name-keyed stream -> the CIK-keyed stream it is read as part of."""
    records: tuple[tuple[int, IdentityLink], ...] = ()
    current: dict[str, IdentityLink] = field(default_factory=dict)
    """name key -> the record that linked it."""

    @classmethod
    def replay(cls, records: Iterable[tuple[int, IdentityLink]]) -> Links:
        current: dict[str, IdentityLink] = {}
        kept = tuple(records)
        for _seq, link in kept:
            if link.kind == LINKED:
                current[link.name_key] = link
            elif (old := current.get(link.name_key)) is not None and old.cik_key == link.cik_key:
                del current[link.name_key]
        return cls(
            key_alias={k: v.cik_key for k, v in current.items()},
            stream_alias={v.name_stream: v.cik_stream for v in current.values()},
            records=kept,
            current=current,
        )

    def __bool__(self) -> bool:
        return bool(self.key_alias)

    def canonical(self, key: str) -> str:
        return self.key_alias.get(key, key)

    def canonical_stream(self, stream_id: str) -> str:
        return self.stream_alias.get(stream_id, stream_id)

    @property
    def grouped_streams(self) -> set[str]:
        return set(self.stream_alias) | set(self.stream_alias.values())

    def expand_keys(self, keys: Iterable[str]) -> list[str]:
        """The keys and every key linked to any of them."""
        wanted = {self.canonical(k) for k in keys}
        out = set(keys) | wanted
        out.update(k for k, v in self.key_alias.items() if v in wanted)
        return sorted(out)

    def expand_streams(self, stream_ids: Iterable[str]) -> list[str]:
        wanted = {self.canonical_stream(s) for s in stream_ids}
        out = set(stream_ids) | wanted
        out.update(s for s, c in self.stream_alias.items() if c in wanted)
        return sorted(out)

    def unlinked_pairs(self) -> set[tuple[str, str]]:
        """(name key, CIK key) pairs someone unlinked: never linked again automatically."""
        return {(ln.name_key, ln.cik_key) for _s, ln in self.records if ln.kind != LINKED}


def load_links(store: EventStore) -> Links:
    return Links.replay(store.links())


@dataclass(frozen=True)
class ReadView:
    """What a reader of the log applies to every entry: links and replaced renderings."""

    links: Links
    replaced: dict[str, str]
    """rendering sha256 -> the structured filing that replaced it."""

    @classmethod
    def load(cls, store: EventStore) -> ReadView:
        with store.engine.connect() as conn:  # one connection: a round trip saved per read
            return cls(Links.replay(store.links(conn)), store.replaced_filings(conn))

    def __bool__(self) -> bool:
        return bool(self.links) or bool(self.replaced)
