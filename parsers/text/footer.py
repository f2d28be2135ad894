"""What follows the tables: footnotes ("Explanation of Responses"), remarks and signatures.

Footnotes carry facts the ledger needs (a 10b5-1 plan, an ESPP purchase, who holds indirect
shares), so they are kept whole, joined across wrapped lines, and numbered the way the filing
numbered them -- or in order, when a converter turned the numbers into plain bullets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parsers.text.cells import CLEANED_TEXT, MARK, MARKS, Row, clean
from parsers.text.tokens import parse_date

EXPLAIN = re.compile(r"Explanation\s+of\s+Responses\s*:?", re.I)
_REMARKS = re.compile(r"^\W*Remarks\s*:?\s*", re.I)
_OWNER_BLOCK = re.compile(r"Name\s+and\s+Address\s+of\s+Reporting\s+Person", re.I)
_SECTION_START = re.compile(
    r"\W*(?:Reminder\b|Note\s*:|Persons\s+who\s+respond|\*+\s*Intentional|\*+\s*If\s+the\s+form)",
    re.I,
)


def _is_section_end(text: str) -> bool:
    """Signature, a further reporting person's box, or the form's closing boilerplate:
    footnotes and remarks stop there."""
    if "/s/" in text or _SECTION_START.match(text):
        return True
    if "ddress" in text and _OWNER_BLOCK.search(text):
        return True
    return "ignature" in text and bool(_SIG_LABEL.search(text))


_BULLET = re.compile(r"^[-*•·]\s+")
_NUMBER = re.compile(
    r"^(?:\(\s*(\d{1,2})\s*\)|\[?F(\d{1,2})\]?[.:)]?(?=\s)|(\d{1,2})[.)]|"
    + MARK
    + r"(\d{1,3})"
    + MARK
    + r")\s*"
)
_INLINE_NUMBER = re.compile(
    r"[.;)\"'](\s+(?:(\d{1,2})[.)]|\((\d{1,2})\)|" + MARK + r"(\d{1,2})" + MARK + r")\s*(?=[A-Z]))"
)
"""A footnote number inside a line (group 1, from the space before it), after the end of a
sentence: the punctuation is matched rather than looked behind for, so ``re`` skips ahead to it.
No match ends where the next could start (one ends before a capital), so ``finditer`` finds the
numbers it found when the punctuation was looked behind for."""
_ANY_DATE = (
    r"(\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2},? \d{4})"
)
_SIG_DATE = re.compile(r"^(.*?)[\s,;]*(?<![\d/])" + _ANY_DATE + r"\s*\**\s*$")
_DATE_ONLY = re.compile(r"^\W*" + _ANY_DATE + r"(?![\d/])")


@lru_cache(maxsize=1024)
def _sig_date(text: str) -> re.Match[str] | None:
    """``_SIG_DATE.match``: the signature readers ask it of the same line several times."""
    return _SIG_DATE.match(text)


@lru_cache(maxsize=1024)
def _date_only(text: str) -> re.Match[str] | None:
    """A line holding nothing but a date (and stars), as the signature readers ask it."""
    return _DATE_ONLY.fullmatch(text.strip(" *"))


_BOILERPLATE = re.compile(r"\W*(?:Reminder\b|Persons\s+who\s+respond|Note:\s+File\s+three)", re.I)
_OPEN_END = re.compile(r"(?:[,;:&]|\b(?:by|and|of|for))\s*$", re.I)
"""A signature line ending like this goes on: ``... Ante,`` / ``Director, By: /s/ ...``."""
_SIG_LABEL = re.compile(r"Signature\s+of\s+(?:the\s+)?Reporting\s+Person", re.I)


@dataclass(slots=True)
class SignatureRead:
    name: str
    date: dt.date | None
    line: int
    lines: tuple[int, ...] = ()
    """Every source line the signature was read from (footnotes and remarks stop there)."""


def tail_lines(rows: list[Row]) -> list[tuple[int, str]]:
    """The rows after the tables as (line, markup-free text), read once for all three readers."""
    out: list[tuple[int, str]] = []
    signed = False
    memo = CLEANED_TEXT
    for r in rows:
        raw = r.text
        if not raw:
            continue
        if signed and _BOILERPLATE.match(raw):
            break
        text = memo.get(raw) or clean(raw)
        signed = signed or "/s/" in text
        out.append((r.line, text))
    return out


def read_footnotes(
    lines: list[tuple[int, str]], stop: frozenset[int] = frozenset()
) -> dict[str, str]:
    """``{"F1": text}`` from the lines after the Explanation of Responses label, up to the
    signature (``stop``: its lines, when it has no ``/s/`` to recognise it by)."""
    items: list[list[Any]] = []
    started = False
    for line, text in lines:
        if not text:
            continue
        if line in stop:
            break
        if not started:
            m = EXPLAIN.search(text)
            if not m:
                continue
            started = True
            text = text[m.end() :].strip()
            if not text:
                continue
        if _is_section_end(text) or _REMARKS.match(text):
            break
        bullet = _BULLET.match(text)
        if bullet:
            text = text[bullet.end() :]
        num = _NUMBER.match(text)
        if num:
            n = int(num[num.lastindex or 0])  # the one number group of the four that matched
            items.append([n, text[num.end() :]])
        elif bullet or not items:
            items.append([(items[-1][0] + 1) if items else 1, text])
        else:
            items[-1][1] = f"{items[-1][1]} {text}"
    out: dict[str, str] = {}
    for n, text in _split_run_together(items):
        body = MARKS.sub(lambda m: f"({m.group(1)})", text).strip()
        key = f"F{n}"
        out[key] = f"{out[key]} {body}" if key in out else body
    return out


def _split_run_together(items: list[list[Any]]) -> list[list[Any]]:
    """``1. The sale ... 2. The price ...`` on one line: a converter joined the footnotes. A
    number is a new footnote only if it is the next one in sequence and starts a sentence."""
    out: list[list[Any]] = []
    for n, text in items:
        want = n + 1
        start = 0
        for m in _INLINE_NUMBER.finditer(text):
            got = int(m.group(2) or m.group(3) or m.group(4))
            if got != want:
                continue
            out.append([want - 1, text[start : m.start(1)]])
            start = m.end()
            want += 1
        out.append([want - 1, text[start:]])
    return out


def read_remarks(lines: list[tuple[int, str]], stop: frozenset[int] = frozenset()) -> str | None:
    parts: list[str] = []
    started = False
    for line, text in lines:
        if not text:
            continue
        if line in stop:
            break
        if not started:
            m = _REMARKS.match(text)
            if not m:
                continue
            started = True
            text = text[m.end() :]
        elif _is_section_end(text):
            break
        if _is_section_end(text):
            break
        if text:
            parts.append(MARKS.sub(lambda m: f"({m.group(1)})", text))
    joined = " ".join(parts).strip()
    return joined or None


def read_signatures(texts: list[tuple[int, str]]) -> list[SignatureRead]:
    """The signatures above each "Signature of Reporting Person" label; without a label, every
    ``/s/`` line with its date from the same line or a following one."""
    labels = [
        i
        for i, (_, t) in enumerate(texts)
        if ("ignature" in t or "IGNATURE" in t) and _SIG_LABEL.search(t)
    ]
    sigs: list[SignatureRead] = []
    floor = 0
    for k in labels:
        sigs.extend(_signature_block(texts, floor, k))
        floor = k + 1
    if sigs:
        return sigs
    return _slash_s_lines(texts)


def _signature_block(texts: list[tuple[int, str]], floor: int, label: int) -> list[SignatureRead]:
    """Signatures written above one label, read upwards from it.

    The printed form leaves a line for the signature and the date above the label; a filer's
    signature may carry no ``/s/`` (``Elon Musk 03/10/2023``), may wrap (``... attorney-in-fact
    for`` / ``Sergey Brin``), may start before the ``/s/`` (``OTEE 2020 ApS, By: /s/ ...``), and
    several may share the label. Going up, lines are taken until a signature's first line (the
    one with ``/s/`` or with the date) has been passed and the next line up has no ``/s/``.
    """
    block: list[tuple[int, str]] = []
    started = False  # a signature's first line has been taken
    dated = False  # a line with nothing but the date has been taken (the name is above it)
    loose = 0  # lines taken before any first line: wrapped tails of a name
    i = label - 1
    while i >= floor:
        line, text = texts[i]
        if not text:
            i -= 1
            continue
        if _REMARKS.match(text) or EXPLAIN.match(text) or _BOILERPLATE.match(text):
            break
        if _date_only(text):
            block.append((line, text))
            dated = True
        elif "/s/" in text.lower() or (not started and (dated or _sig_date(text))):
            block.append((line, text))
            started = True
        elif started and len(text) <= 120 and _sig_date(text) and _sig_date(block[-1][1]):
            block.append((line, text))  # one signer per line, each with its date
        elif started and len(text) <= 120 and _date_only(block[-1][1]):
            block.append((line, text))  # name / date, name / date: one signer each
        elif not started and loose < 4 and len(text) <= 120:
            block.append((line, text))
            loose += 1
        elif started and _sig_date(text) and "/s/" in block[-1][1].lower():
            block.append((line, text))  # ``Trust By:  09/30/2025`` above ``/s/ Trustee``
            break
        else:
            break
        i -= 1
    if not started:
        return []
    block.reverse()
    return _split_signatures(block)


def _split_signatures(block: list[tuple[int, str]]) -> list[SignatureRead]:
    """The lines of one signature block, top down, as signatures. Where signers date their own
    line, a dated line starts a signature; otherwise a ``/s/`` line does (unless the line above
    ends open, ``..., By:``) and so does a name after a date line of its own."""
    inline = any(_sig_date(t) and not _date_only(t) for _, t in block)
    out: list[SignatureRead] = []
    closed = False  # the last signature had its date on a line of its own
    shared: dt.date | None = None
    for line, text in block:
        d = _date_only(text)
        if d:
            shared = parse_date(d.group(1))
            if out and out[-1].date is None:
                out[-1].date, closed = shared, True
            continue
        date = None
        m = _sig_date(text)
        if m and m.group(1).strip(" ,;*"):
            text, date = text[: m.start(2)], parse_date(m.group(2))
        text = text.strip(" *")  # a comma before the date may continue on the next line
        cur = out[-1] if out else None
        if inline:
            new = cur is None or date is not None
        else:
            new = (
                cur is None
                or closed
                or (
                    "/s/" in text.lower()
                    and "/s/" in cur.name.lower()
                    and not _OPEN_END.search(cur.name)
                )
            )
        closed = False
        if new or cur is None:
            out.append(SignatureRead(text, date, line, (line,)))
            continue
        cur.name = f"{cur.name} {text}"
        cur.date = cur.date or date
        cur.lines = (*cur.lines, line)
    for sig in out:
        sig.date = sig.date or shared
        sig.name = sig.name.strip(" ,;*")
    return out


def _slash_s_lines(texts: list[tuple[int, str]]) -> list[SignatureRead]:
    sigs: list[SignatureRead] = []
    for i, (line, text) in enumerate(texts):
        at = text.find("/s/")
        if at < 0:
            at = text.lower().find("/s/")
        if at < 0:
            continue
        body = text[at:]
        m = _SIG_DATE.match(body)
        if m and m.group(1).strip(" ,"):
            sigs.append(
                SignatureRead(m.group(1).strip(" ,;"), parse_date(m.group(2)), line, (line,))
            )
            continue
        date = None
        for _, later in texts[i + 1 : i + 6]:
            if "/s/" in later:
                break
            d = _DATE_ONLY.match(later)
            if d:
                date = parse_date(d.group(1))
                break
        sigs.append(SignatureRead(body.strip(" ,;*"), date, line, (line,)))
    return sigs
