"""What follows the tables: footnotes ("Explanation of Responses"), remarks and signatures.

Footnotes carry facts the ledger needs (a 10b5-1 plan, an ESPP purchase, who holds indirect
shares), so they are kept whole, joined across wrapped lines, and numbered the way the filing
numbered them -- or in order, when a converter turned the numbers into plain bullets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from holdings.parsers.text_cells import MARK, Row, clean
from holdings.parsers.text_tokens import parse_date

EXPLAIN = re.compile(r"Explanation\s+of\s+Responses\s*:?", re.I)
_REMARKS = re.compile(r"^\W*Remarks\s*:?\s*", re.I)
_SECTION_END = re.compile(
    r"/s/|Signature\s+of\s+(?:the\s+)?Reporting\s+Person|^\W*Reminder\b|^\W*Note\s*:"
    r"|^\W*Persons\s+who\s+respond|^\W*\*+\s*Intentional|^\W*\*+\s*If\s+the\s+form",
    re.I,
)
_BULLET = re.compile(r"^[-*•·]\s+")
_NUMBER = re.compile(
    r"^(?:\(\s*(\d{1,2})\s*\)|\[?F(\d{1,2})\]?[.:)]|(\d{1,2})[.)]|"
    + MARK
    + r"(\d{1,3})"
    + MARK
    + r")\s*"
)
_MARKS = re.compile(MARK + r"(\d{1,3})" + MARK)
_SIG_DATE = re.compile(
    r"^(.*?)[\s,;]*(?<![\d/])(\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})\s*\**\s*$"
)
_DATE_ONLY = re.compile(r"^\W*(\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})\b")
_SIG_LABEL = re.compile(r"Signature\s+of\s+(?:the\s+)?Reporting\s+Person", re.I)


@dataclass(slots=True)
class SignatureRead:
    name: str
    date: dt.date | None
    line: int


def read_footnotes(rows: list[Row]) -> dict[str, str]:
    """``{"F1": text}`` from the rows after the Explanation of Responses label."""
    items: list[list] = []
    started = False
    for row in rows:
        raw = row.text
        if not raw:
            continue
        text = clean(raw)
        if not started:
            m = EXPLAIN.search(text)
            if not m:
                continue
            started = True
            text = text[m.end() :].strip()
            if not text:
                continue
        if _SECTION_END.search(text) or _REMARKS.match(text):
            break
        bullet = _BULLET.match(text)
        if bullet:
            text = text[bullet.end() :]
        num = _NUMBER.match(text)
        if num:
            n = int(next(g for g in num.groups() if g is not None))
            items.append([n, text[num.end() :]])
        elif bullet or not items:
            items.append([(items[-1][0] + 1) if items else 1, text])
        else:
            items[-1][1] = f"{items[-1][1]} {text}"
    out: dict[str, str] = {}
    for n, text in items:
        body = _MARKS.sub(lambda m: f"({m.group(1)})", text).strip()
        key = f"F{n}"
        out[key] = f"{out[key]} {body}" if key in out else body
    return out


def read_remarks(rows: list[Row]) -> str | None:
    parts: list[str] = []
    started = False
    for row in rows:
        raw = row.text
        if not raw:
            continue
        text = clean(raw)
        if not started:
            m = _REMARKS.match(text)
            if not m:
                continue
            started = True
            text = text[m.end() :]
        elif _SECTION_END.search(text):
            break
        if _SECTION_END.search(text):
            break
        if text:
            parts.append(_MARKS.sub(lambda m: f"({m.group(1)})", text))
    joined = " ".join(parts).strip()
    return joined or None


def read_signatures(rows: list[Row]) -> list[SignatureRead]:
    """Every ``/s/`` line, with its date from the same line or a following one."""
    texts = [(r.line, clean(r.text)) for r in rows if r.text]
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
            sigs.append(SignatureRead(m.group(1).strip(" ,;"), parse_date(m.group(2)), line))
            continue
        date = None
        for _, later in texts[i + 1 : i + 6]:
            if "/s/" in later:
                break
            d = _DATE_ONLY.match(later)
            if d:
                date = parse_date(d.group(1))
                break
        sigs.append(SignatureRead(body.strip(" ,;*"), date, line))
    if sigs:
        return sigs
    for i, (_, text) in enumerate(texts):
        if not _SIG_LABEL.search(text) or i == 0:
            continue
        line, prev = texts[i - 1]
        m = _SIG_DATE.match(prev)
        if m and m.group(1).strip() and not _SECTION_END.search(prev):
            sigs.append(SignatureRead(m.group(1).strip(" ,;"), parse_date(m.group(2)), line))
        break
    return sigs
