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
    r"(?<=[.;)\"'])\s+(?:(\d{1,2})[.)]|\((\d{1,2})\)|"
    + MARK
    + r"(\d{1,2})"
    + MARK
    + r")\s*(?=[A-Z])"
)
_MARKS = re.compile(MARK + r"(\d{1,3})" + MARK)
_ANY_DATE = (
    r"(\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2},? \d{4})"
)
_SIG_DATE = re.compile(r"^(.*?)[\s,;]*(?<![\d/])" + _ANY_DATE + r"\s*\**\s*$")
_DATE_ONLY = re.compile(r"^\W*" + _ANY_DATE + r"(?![\d/])")
_BOILERPLATE = re.compile(r"\W*(?:Reminder\b|Persons\s+who\s+respond|Note:\s+File\s+three)", re.I)
_SIG_LABEL = re.compile(r"Signature\s+of\s+(?:the\s+)?Reporting\s+Person", re.I)


@dataclass(slots=True)
class SignatureRead:
    name: str
    date: dt.date | None
    line: int


def tail_lines(rows: list[Row]) -> list[tuple[int, str]]:
    """The rows after the tables as (line, markup-free text), read once for all three readers."""
    out: list[tuple[int, str]] = []
    signed = False
    for r in rows:
        raw = r.text
        if not raw:
            continue
        if signed and _BOILERPLATE.match(raw):
            break
        text = clean(raw)
        signed = signed or "/s/" in text
        out.append((r.line, text))
    return out


def read_footnotes(lines: list[tuple[int, str]]) -> dict[str, str]:
    """``{"F1": text}`` from the lines after the Explanation of Responses label."""
    items: list[list] = []
    started = False
    for _, text in lines:
        if not text:
            continue
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
            n = int(next(g for g in num.groups() if g is not None))
            items.append([n, text[num.end() :]])
        elif bullet or not items:
            items.append([(items[-1][0] + 1) if items else 1, text])
        else:
            items[-1][1] = f"{items[-1][1]} {text}"
    out: dict[str, str] = {}
    for n, text in _split_run_together(items):
        body = _MARKS.sub(lambda m: f"({m.group(1)})", text).strip()
        key = f"F{n}"
        out[key] = f"{out[key]} {body}" if key in out else body
    return out


def _split_run_together(items: list[list]) -> list[list]:
    """``1. The sale ... 2. The price ...`` on one line: a converter joined the footnotes. A
    number is a new footnote only if it is the next one in sequence and starts a sentence."""
    out: list[list] = []
    for n, text in items:
        want = n + 1
        start = 0
        for m in _INLINE_NUMBER.finditer(text):
            got = int(m.group(1) or m.group(2) or m.group(3))
            if got != want:
                continue
            out.append([want - 1, text[start : m.start()]])
            start = m.end()
            want += 1
        out.append([want - 1, text[start:]])
    return out


def read_remarks(lines: list[tuple[int, str]]) -> str | None:
    parts: list[str] = []
    started = False
    for _, text in lines:
        if not text:
            continue
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
            parts.append(_MARKS.sub(lambda m: f"({m.group(1)})", text))
    joined = " ".join(parts).strip()
    return joined or None


def read_signatures(texts: list[tuple[int, str]]) -> list[SignatureRead]:
    """Every ``/s/`` line, with its date from the same line or a following one."""
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
        if m and m.group(1).strip() and not _is_section_end(prev):
            sigs.append(SignatureRead(m.group(1).strip(" ,;"), parse_date(m.group(2)), line))
        break
    return sigs
