"""Who and what an event is about: the rules that make two spellings one person or one security.

The rule for people: a reporting owner is keyed by SEC CIK when the filing gives one
(``cik:0001234567``). Text renderings carry no CIK, so there the key is the Box 1 name, normalised
(case, punctuation and suffixes such as Jr. folded away, word order kept as filed: Box 1 is always
*Last First Middle*), scoped to the issuer, because two insiders of different companies may share a
name (``name:QLYS:posey bruce k``). Signature lines ("Bruce K. Posey") are never used for identity:
they are often written by an attorney-in-fact. Keys come from the filing's content alone, never
from what else is in the log, so ingestion order cannot change them. One person reported once as
text (name key) and once as XML (CIK key) has two keys; an ``identity linked`` record
(``ledger.links``) joins them, and the projections read the two streams as one.

Issuers are keyed by ticker when known (text renderings have no CIK), else by CIK.
"""

from __future__ import annotations

import re
from decimal import Decimal

_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "md", "phd", "esq", "mr", "mrs", "ms", "dr"}
_PAR_VALUE = re.compile(r",?\s*(\$?\s*[\d.]+\s+)?par value.*$", re.IGNORECASE)
_GENERIC_NATURE = re.compile(r"^(please )?(see|refer to)?\s*(the )?(foot ?notes?|below|above)\b")
_MARKERS = re.compile(r"\(\s*\d{1,2}\s*\)|⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|\bF\d{1,2}\b")


def normalise_name(name: str) -> str:
    words = _SPACES.sub(" ", _PUNCT.sub(" ", name.lower())).split()
    return " ".join(w for w in words if w not in _NAME_SUFFIXES)


def normalise_cik(cik: str | None) -> str | None:
    if not cik:
        return None
    digits = re.sub(r"\D", "", cik)
    return digits.zfill(10) if digits else None


def issuer_key(ticker: str | None, cik: str | None, name: str | None) -> str:
    if ticker and ticker.strip():
        return ticker.strip().upper()
    if normalise_cik(cik):
        return f"cik:{normalise_cik(cik)}"
    return f"name:{normalise_name(name or 'unknown issuer')}"


def person_key(cik: str | None, name: str | None, issuer: str) -> str:
    if normalise_cik(cik):
        return f"cik:{normalise_cik(cik)}"
    return f"name:{issuer}:{normalise_name(name or 'unknown person')}"


def security_key(title: str | None) -> str:
    """``Common``, ``Common Stock`` and ``Common Stock, par value $0.001`` are one security;
    ``Class A Common Stock`` and ``Class B Common Stock`` are not."""
    text = _PAR_VALUE.sub("", _MARKERS.sub(" ", title or "unknown"))
    words = _SPACES.sub(" ", _PUNCT.sub(" ", text.lower())).split()
    while len(words) > 1 and words[-1] in {"stock", "shares", "share"}:
        words.pop()
    return " ".join(words) or "unknown"


def nature_key(nature: str | None, footnote_ids: list[str], ambiguous: bool = False) -> str:
    """An indirect holding is told apart by its nature ("By Trust", "By LLC"). A bare "See
    footnote", or a nature that several rows of one filing share ("Trust" (F8), "Trust" (F9)),
    says which holding only through its footnotes, so their ids complete the key; filers keep
    their numbering from filing to filing. A specific nature alone stays stable even when a
    later filing renumbers its footnotes."""
    text = nature_text(nature)
    if footnote_ids and (ambiguous or not text or _GENERIC_NATURE.match(text)):
        return f"{text or 'see footnote'} {'+'.join(footnote_ids)}".strip()
    return text


def nature_text(nature: str | None) -> str:
    return _SPACES.sub(" ", _PUNCT.sub(" ", _MARKERS.sub(" ", nature or "").lower())).strip()


def decimal_key(value: Decimal | None) -> str:
    if value is None:
        return ""
    normal = value.normalize()
    return format(normal, "f")
