"""Identity links: the ledger's own record that two keys name one person, or no longer do.

A text rendering carries no CIK, so its owner is keyed by Box 1 name within the issuer
(``name:QLYS:posey bruce k``) while the same person's XML filings are keyed by CIK. When the two
agree on the normalised Box 1 name at the same issuer, the application appends an ``identity
linked`` record naming both keys and the evidence; ``identity unlinked`` undoes it. The records
are facts of the log like events: append-only (guarded by triggers), each hashed and chained to
the one before it in ``seq`` order, read back in that order, and never rewritten. What a link
*means* for positions and lookups is the projections' business, not the ledger's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

LINKED = "identity_linked"
UNLINKED = "identity_unlinked"

LinkKind = Literal["identity_linked", "identity_unlinked"]


class IdentityLink(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: LinkKind
    schema_version: int = 1
    name_key: str
    """The name-keyed person (``name:ISSUER:normalised box 1``)."""
    cik_key: str
    """The CIK-keyed person it is (or is no longer) the same as."""
    issuer_key: str
    name: str
    """The normalised Box 1 name both sides agree on."""
    spellings: tuple[str, ...] = ()
    """Box 1 as each side filed it: the evidence a reader can check."""
    reason: str

    @property
    def name_stream(self) -> str:
        return f"{self.name_key}@{self.issuer_key}"

    @property
    def cik_stream(self) -> str:
        return f"{self.cik_key}@{self.issuer_key}"

    @property
    def label(self) -> str:
        return "identity linked" if self.kind == LINKED else "identity unlinked"


HASHED = ("kind", "name_key", "cik_key", "issuer_key", "payload")


def content_hash(row: Mapping[Any, Any]) -> str:
    text = "\x1f".join(f"{n}={row[n]}" for n in HASHED)
    return hashlib.sha256(text.encode()).hexdigest()


def chain_hash(previous: str, current: str) -> str:
    return hashlib.sha256(f"{previous}:{current}".encode()).hexdigest()


def link_row(link: IdentityLink, previous_chain: str, recorded_at: dt.datetime) -> dict[str, Any]:
    """The stored row of ``link``, chained to the last row's ``chain_hash``."""
    row: dict[str, Any] = {
        "kind": link.kind,
        "name_key": link.name_key,
        "cik_key": link.cik_key,
        "issuer_key": link.issuer_key,
        "payload": link.model_dump_json(),
    }
    row["event_hash"] = content_hash(row)
    row["chain_hash"] = chain_hash(previous_chain, row["event_hash"])
    row["recorded_at"] = recorded_at
    return row


def read_link(payload: str) -> IdentityLink:
    return IdentityLink.model_validate_json(payload)
