"""Issuer names the reader already holds, by ticker, from filings that state them apart.

A text rendering may run box 1's name into box 2's (``Clements Carol Ann Apple Inc.``), and
with a three-word owner nothing in that text says where one ends: ``Ann Apple Inc.`` is as
good a company's name as ``Apple Inc.``. An XML filing, or any filing whose names were read
apart for sure, gives the issuer's name beside its ticker; a ledger that holds one names the
issuer of every later rendering with that ticker. These names settle a cut; they are never
written into a filing that does not print them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from parsers.model import Filing

_WORD = re.compile(r"[^\W_]+(?:[-'&.][^\W_]+)*\.?")
STATE_TAG = re.compile(r"\s*[/\\]\s*[A-Z]{2,5}\s*[/\\]?\s*$")
"""The tag of a state or of a new registrant that EDGAR's conformed names end in (``APPLE INC
/CA/``, ``... CORP /DE/``, ``... INC /NEW/``, ``U.S. Bancorp \\DE\\``): no company writes it
after its name in an address."""
SHORT_FORMS = {
    "corporation": "corp",
    "incorporated": "inc",
    "company": "co",
    "limited": "ltd",
}
"""A company's legal form as it is written short: ``TELOS CORPORATION`` is ``TELOS CORP``
(EDGAR's conformed names write it short, a filer often whole)."""


def name_words(name: str) -> tuple[str, ...]:
    """A name's words, case, punctuation between them and a legal form's short spelling aside
    (``APPLE INC`` and ``Apple Inc.`` are one name: EDGAR's conformed names drop the point a
    filer's own keeps; ``Telos Corporation`` is ``TELOS CORP``)."""
    return tuple(w for _, w in words_at(name))


def words_at(name: str) -> list[tuple[int, str]]:
    """:func:`name_words` with where each starts in ``name``."""
    tag = STATE_TAG.search(name)  # ``APPLE INC /CA/``: the conformed name's state tag
    end = tag.start() if tag is not None else len(name)
    found = []
    for m in _WORD.finditer(name, 0, end):
        w = m.group().casefold().rstrip(".").replace(".", "")
        found.append((m.start(), SHORT_FORMS.get(w, w)))
    return found


@dataclass(frozen=True)
class KnownNames:
    """Issuer names by ticker (upper case), each as :func:`name_words` writes it."""

    issuers: Mapping[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str | None, str | None]]) -> KnownNames:
        """From (ticker, issuer name) pairs; a pair missing either is skipped."""
        found: dict[str, set[tuple[str, ...]]] = {}
        for ticker, name in pairs:
            if not ticker or not name or not ticker.strip():
                continue
            words = name_words(name)
            if words:
                found.setdefault(ticker.strip().upper(), set()).add(words)
        return cls({t: frozenset(ns) for t, ns in found.items()})

    @classmethod
    def of_filings(cls, filings: Iterable[Filing]) -> KnownNames:
        """From the issuers of filings that state their names apart (XML): a text rendering's
        names may themselves have been read apart by a rule, so they teach nothing."""
        return cls.of((f.issuer.ticker, f.issuer.name) for f in filings if f.source.format == "xml")

    def issuer_names(self, ticker: str | None) -> frozenset[tuple[str, ...]]:
        if not ticker:
            return frozenset()
        return self.issuers.get(ticker.strip().upper(), frozenset())

    def __bool__(self) -> bool:
        return bool(self.issuers)

    def __len__(self) -> int:
        return len(self.issuers)
