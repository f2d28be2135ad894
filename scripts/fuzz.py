"""Fuzz the parsers with mutated real renderings: every input must parse or raise ParseError.

    python scripts/fuzz.py --n 10000 [--seed 1] [--save tests/fixtures/fuzz]

Mutations are the damage real converters and OCR do (dropped, duplicated and swapped cells,
truncated lines, fused markers, wrong dates, huge numbers) plus hostile input (random bytes,
deeply nested or entity-laden XML). Anything else than a Filing or a ParseError, or an input
that takes too long, is a crasher: it is printed, and saved with ``--save`` for a regression
test. The campaign prints its counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

from parsers import Filing, Note, ParseError, ParserBug, parse_bytes

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "tests" / "fixtures"
SLOW_SECONDS = 2.0


def corpus(renderings: bool = False) -> list[tuple[str, bytes]]:
    """Real renderings: the pinned seeds and XML in tests/, and shared/ where present; with
    ``renderings``, also the synthetic and converter renderings pinned in tests/fixtures/text."""
    folders = [
        FIXTURES / "text" / "seeds",
        *([FIXTURES / "text", FIXTURES / "text" / "real"] if renderings else []),
        FIXTURES / "xml",
        SHARED / "seeds",
        SHARED / "realdata" / "xml",
    ]
    seen: set[bytes] = set()
    out = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for p in sorted(folder.iterdir()):
            if p.is_file() and p.suffix.lower() in {".txt", ".xml", ".nc", ".md"}:
                data = p.read_bytes()
                if data not in seen:
                    seen.add(data)
                    out.append((p.name, data))
    return out


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _edit_cells(
    rng: random.Random, data: bytes, edit: Callable[[random.Random, list[bytes]], None]
) -> bytes:
    """Apply ``edit`` to the cells of one random table row (pipe- or tab-separated)."""
    lines = _lines(data)
    rows = [i for i, line in enumerate(lines) if line.count(b"|") > 3 or line.count(b"\t") > 3]
    if not rows:
        return data
    i = rng.choice(rows)
    sep = b"|" if b"|" in lines[i] else b"\t"
    cells = lines[i].split(sep)
    edit(rng, cells)
    lines[i] = sep.join(cells)
    return b"\n".join(lines)


def drop_cell(rng: random.Random, data: bytes) -> bytes:
    return _edit_cells(rng, data, lambda r, cells: cells.pop(r.randrange(len(cells))) and None)


def duplicate_cell(rng: random.Random, data: bytes) -> bytes:
    def dup(r: random.Random, cells: list[bytes]) -> None:
        k = r.randrange(len(cells))
        cells.insert(k, cells[k])

    return _edit_cells(rng, data, dup)


def swap_cells(rng: random.Random, data: bytes) -> bytes:
    def swap(r: random.Random, cells: list[bytes]) -> None:
        a, b = r.randrange(len(cells)), r.randrange(len(cells))
        cells[a], cells[b] = cells[b], cells[a]

    return _edit_cells(rng, data, swap)


def truncate_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
    return b"\n".join(lines)


def truncate_file(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def random_bytes(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def huge_number(rng: random.Random, data: bytes) -> bytes:
    numbers = list(re.finditer(rb"\d[\d,]*(?:\.\d+)?", data))
    if not numbers:
        return data
    m = rng.choice(numbers)
    big = b"9" * rng.choice([30, 400, 5000]) + (b".5" if rng.random() < 0.5 else b"")
    return data[: m.start()] + big + data[m.end() :]


def wrong_date(rng: random.Random, data: bytes) -> bytes:
    dates = list(re.finditer(rb"\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2}", data))
    if not dates:
        return data
    m = rng.choice(dates)
    bad = rng.choice([b"13/45/2020", b"02/30/2021", b"0000-00-00", b"2021-13-01", b"99/99/9999"])
    return data[: m.start()] + bad + data[m.end() :]


def odd_marker(rng: random.Random, data: bytes) -> bytes:
    marker = rng.choice(["⁽⁹⁾".encode(), b"(99)", b"<sup>(3)</sup>", b"F12", b"(", b"\xe2\x81\xbd"])
    k = rng.randrange(len(data) + 1)
    return data[:k] + marker + data[k:]


def nested_xml(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice([100, 5_000, 50_000])
    return (
        b"<?xml version='1.0'?><ownershipDocument>"
        + b"<a>" * depth
        + b"x"
        + b"</a>" * depth
        + b"</ownershipDocument>"
    )


def entity_xml(rng: random.Random, data: bytes) -> bytes:
    lol = b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
    for i in range(1, 10):
        lol += f'<!ENTITY a{i} "{("&a" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
    lol += b"]>"
    if b"<ownershipDocument" in data:
        return data.replace(b"<ownershipDocument", lol + b"<ownershipDocument", 1)
    return b"<?xml version='1.0'?>" + lol + b"<ownershipDocument>&a9;</ownershipDocument>"


MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    f.__name__: f
    for f in (
        drop_cell,
        duplicate_cell,
        swap_cells,
        truncate_line,
        truncate_file,
        random_bytes,
        huge_number,
        wrong_date,
        odd_marker,
        nested_xml,
        entity_xml,
    )
}


def mutate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    names = rng.sample(sorted(MUTATIONS), k=rng.choice([1, 1, 2, 3]))
    for name in names:
        data = MUTATIONS[name](rng, data)
    return "+".join(names), data


def check(data: bytes, name: str = "<fuzz>") -> str:
    """'parsed', 'parse_error', or raises what a parser must never raise."""
    try:
        parse_bytes(data, name)
        return "parsed"
    except ParserBug:
        raise
    except ParseError:
        return "parse_error"


# ----------------------------------------------------------------------------- the oracle
# An independent strict reading of an ownership XML on the standard library alone (it shares
# no code with parsers/): a value is read only where the schema leaves one reading; anything
# else is UNSURE. A mutant is judged by comparing the project's reading with it.

UNSURE = object()
_NUM = re.compile(r"\+?(?:\d+(?:\.\d*)?|\.\d+)|\+?\d{1,3}(?:,\d{3})+(?:\.\d*)?", re.ASCII)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?", re.ASCII)
_CELLS = {
    "securityTitle": ("security_title", "text"),
    "transactionDate": ("transaction_date", "date"),
    "deemedExecutionDate": ("deemed_execution_date", "date"),
    "transactionShares": ("shares", "number"),
    "transactionPricePerShare": ("price", "number"),
    "transactionTotalValue": ("total_value", "number"),
    "transactionAcquiredDisposedCode": ("acquired_disposed", "ad"),
    "sharesOwnedFollowingTransaction": ("shares_owned_following", "number"),
    "valueOwnedFollowingTransaction": ("value_owned_following", "number"),
    "directOrIndirectOwnership": ("ownership", "di"),
    "natureOfOwnership": ("nature_of_ownership", "text"),
    "conversionOrExercisePrice": ("exercise_price", "number"),
    "exerciseDate": ("date_exercisable", "date"),
    "expirationDate": ("expiration_date", "date"),
    "underlyingSecurityTitle": ("underlying_title", "text"),
    "underlyingSecurityShares": ("underlying_shares", "number"),
}
_GROUP_TAGS = {
    "transactionAmounts",
    "postTransactionAmounts",
    "ownershipNature",
    "underlyingSecurity",
}
_TABLE_ROWS = {
    "nonDerivativeTable": ("non_derivative", {"nonDerivativeTransaction", "nonDerivativeHolding"}),
    "derivativeTable": ("derivative", {"derivativeTransaction", "derivativeHolding"}),
}
_DERIV_ONLY = {
    "exercise_price",
    "date_exercisable",
    "expiration_date",
    "underlying_title",
    "underlying_shares",
}
View = dict[tuple[object, ...], object]


def _typed(kind: str, text: str) -> object:
    text = text.strip()
    if not text:
        return None
    if kind == "text":
        return " ".join(text.split())
    if kind == "number":
        bare = text[1:].lstrip() if text.startswith("$") else text
        if not _NUM.fullmatch(bare):
            return UNSURE
        value = Decimal(bare.replace(",", "").lstrip("+"))
        whole = bare.split(".")[0].replace(",", "").lstrip("+").lstrip("0")
        decimals = len(bare.split(".")[1]) if "." in bare else 0
        return UNSURE if len(whole) > 15 or decimals > 10 else value
    if kind == "date":
        m = _DAY.fullmatch(text)
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else UNSURE
        except ValueError:
            return UNSURE
    if kind == "ad":
        return text.upper() if text.upper() in ("A", "D") else UNSURE
    if kind == "di":
        return text.upper() if text.upper() in ("D", "I") else UNSURE
    if kind == "code":
        return text.upper()
    return text


def _only_text(el: ET.Element) -> object:
    """An element that holds text alone; None if empty."""
    if len(el):
        return UNSURE
    return (el.text or "").strip() or None


def _cell(el: ET.Element, kind: str) -> object:
    parts = list(el)
    if any(p.tag not in ("value", "footnoteId") for p in parts):
        return UNSURE
    if any((p.tail or "").strip() for p in parts):
        return UNSURE
    values = [p for p in parts if p.tag == "value"]
    own = (el.text or "").strip()
    if len(values) > 1 or (values and own) or (own and parts):
        return UNSURE
    if values:
        if len(values[0]):
            return UNSURE
        return _typed(kind, values[0].text or "")
    return _typed(kind, own)


def _row(row: ET.Element, table: str, index: int, view: View) -> None:
    found: dict[str, list[ET.Element]] = {}
    strange = False
    for child in row:
        if child.tag in _CELLS:
            found.setdefault(child.tag, []).append(child)
        elif child.tag in _GROUP_TAGS:
            for cell in child:
                if cell.tag in _CELLS:
                    found.setdefault(cell.tag, []).append(cell)
                elif cell.tag != "footnoteId":
                    strange = True
        elif child.tag == "transactionCoding":
            codes = [c for c in child if c.tag == "transactionCode"]
            if len(codes) > 1 or any(
                c.tag
                not in (
                    "transactionCode",
                    "transactionFormType",
                    "equitySwapInvolved",
                    "footnoteId",
                )
                for c in child
            ):
                strange = True
            elif codes:
                text = _only_text(codes[0])
                view[(table, index, "code")] = text if text in (None, UNSURE) else str(text).upper()
        elif child.tag not in ("footnoteId", "transactionTimeliness"):
            strange = True
    for tag, (name, kind) in _CELLS.items():
        if table == "non_derivative" and name in _DERIV_ONLY:
            continue
        cells = found.get(tag, [])
        if not cells:
            view[(table, index, name)] = None
        elif len(cells) > 1:
            view[(table, index, name)] = UNSURE
        else:
            view[(table, index, name)] = _cell(cells[0], kind)
    view.setdefault((table, index, "code"), None)
    if strange:
        for key in [k for k in view if k[:2] == (table, index)]:
            view[key] = UNSURE


def oracle(data: bytes) -> View | None:
    """The strict reading of ``data``, or None when the standard library cannot read it."""
    start = data.find(b"<ownershipDocument")
    end = data.rfind(b"</ownershipDocument>")
    if start < 0 or end < 0:
        return None
    body = data[start : end + len(b"</ownershipDocument>")]
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        try:
            root = ET.fromstring(body.decode("cp1252").encode())
        except (ET.ParseError, UnicodeDecodeError):
            return None
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.rpartition("}")[2]
    view: View = {}
    forms = [c for c in root if c.tag == "documentType"]
    view[("form",)] = _only_text(forms[0]) if len(forms) == 1 else UNSURE
    issuers = [c for c in root if c.tag == "issuer"]
    for name, tag in (("cik", "issuerCik"), ("ticker", "issuerTradingSymbol")):
        found = [c for c in issuers[0] if c.tag == tag] if len(issuers) == 1 else []
        strange = len(issuers) != 1 or any(
            c.tag
            not in ("issuerCik", "issuerName", "issuerTradingSymbol", "issuerForeignTradingSymbol")
            for c in issuers[0]
        )
        view[("issuer", name)] = UNSURE if strange or len(found) != 1 else _only_text(found[0])
    for i, owner in enumerate(c for c in root if c.tag == "reportingOwner"):
        ids = [c for c in owner if c.tag == "reportingOwnerId"]
        ciks = [c for c in ids[0] if c.tag == "rptOwnerCik"] if len(ids) == 1 else []
        strange = len(ids) != 1 or any(
            c.tag not in ("rptOwnerCik", "rptOwnerCcc", "rptOwnerName") for c in ids[0]
        )
        cik = UNSURE if strange or len(ciks) != 1 else _only_text(ciks[0])
        view[("owner", i, "cik")] = cik
    for tag, (table, row_tags) in _TABLE_ROWS.items():
        tables = [c for c in root if c.tag == tag]
        rows = [r for t in tables[:1] for r in t if r.tag in row_tags]
        strange = len(tables) > 1 or any(r.tag not in row_tags for t in tables for r in t)
        view[("rows", table)] = UNSURE if strange else len(rows)
        for index, row in enumerate(rows):
            _row(row, table, index, view)
    if any(
        c.tag not in _KNOWN_TOP
        and any(e.tag.lower() in _ROWISH for e in c.iter() if isinstance(e.tag, str))
        for c in root
    ) or any(c.tag.lower() in _TOP_LOWER and c.tag not in _KNOWN_TOP for c in root):
        for key in view:
            if key[0] == "rows":
                view[key] = UNSURE
    return view


_KNOWN_TOP = {
    "schemaVersion",
    "documentType",
    "periodOfReport",
    "dateOfOriginalSubmission",
    "notSubjectToSection16",
    "form3HoldingsReported",
    "form4TransactionsReported",
    "issuer",
    "reportingOwner",
    "aff10b5One",
    "nonDerivativeTable",
    "derivativeTable",
    "footnotes",
    "remarks",
    "ownerSignature",
    "noSecuritiesOwned",
}
_TOP_LOWER = {t.lower() for t in _KNOWN_TOP}
_ROWISH = {t.lower() for _t, (_n, rows) in _TABLE_ROWS.items() for t in rows} | {
    "value",
    "nonderivativetable",
    "derivativetable",
}


def reading(filing: Filing) -> View:
    """The project's reading, keyed as the oracle's."""
    view: View = {("form",): filing.form_type}
    view[("issuer", "cik")] = filing.issuer.cik
    view[("issuer", "ticker")] = filing.issuer.ticker
    for i, owner in enumerate(filing.reporting_owners):
        view[("owner", i, "cik")] = owner.cik
    for table, rows in (
        ("non_derivative", filing.non_derivative),
        ("derivative", filing.derivative),
    ):
        view[("rows", table)] = len(rows)
        for index, row in enumerate(rows):
            for _tag, (name, _kind) in _CELLS.items():
                if table == "non_derivative" and name in _DERIV_ONLY:
                    continue
                view[(table, index, name)] = getattr(row, name)
            view[(table, index, "code")] = row.code
    return view


def _covered(key: tuple[object, ...], notes: list[Note]) -> bool:
    """Whether a note of the project's stands on ``key``: the same row and field (or the whole
    row), or for the filing's parts a note on that part."""
    for n in notes:
        if key[0] in ("non_derivative", "derivative"):
            if n.table == key[0] and n.row == key[1] and n.row_field in (None, key[2]):
                return True
            if n.field == "tables":
                return True
        elif (
            key[0] == "issuer"
            and (n.field or "").startswith("issuer")
            or key[0] == "owner"
            and (n.field or "").startswith(f"reporting_owners[{key[1]}]")
            or key[0] == "rows"
            and (n.field == "tables" or n.table == key[1])
        ):
            return True
    return False


def judge(
    before: View, after: View, truth: View | None, notes: list[Note]
) -> tuple[str, list[str]]:
    """``faithful``, ``flagged``, ``unchanged`` or ``silent`` (with the keys that were)."""
    silent: list[str] = []
    changed = flagged = False
    for key in sorted(set(before) | set(after) | set(truth or {}), key=repr):
        now = after.get(key)
        was = before.get(key)
        moved = now != was
        changed |= moved
        said = UNSURE if truth is None else truth.get(key, UNSURE if moved else now)
        if said is not UNSURE and said == now:
            continue
        if _covered(key, notes):
            flagged |= moved or said is not UNSURE
            continue
        if not moved and said is UNSURE:
            continue  # the file became unclear; the reading is still what it said before
        silent.append(
            f"{key}: read {now!r}, file says {'?' if said is UNSURE else repr(said)}, was {was!r}"
        )
    if silent:
        return "silent", silent
    if flagged:
        return "flagged", []
    return ("faithful" if changed else "unchanged"), []


# ----------------------------------------------------------------------------- XML mutations
# Each takes and returns bytes; every kind issue #11 names, aimed where a value is.

_VALUE_RE = re.compile(rb"<value>([^<]*)</value>")
_NUMBER_VALUE_RE = re.compile(rb"<value>\s*(\$?[\d,]*\d(?:\.\d+)?)\s*</value>")
_TAG_RE = re.compile(rb"<([A-Za-z][A-Za-z0-9]*)[\s/>]")
_SCRIPTS = {
    "full-width": 0xFF10,
    "arabic-indic": 0x0660,
    "devanagari": 0x0966,
    "mathematical": 0x1D7CE,
}
_SEPARATORS = [b",", b".", b"'", b"_", b" ", "\u00a0".encode()]


def _pick(rng: random.Random, pattern: re.Pattern[bytes], data: bytes) -> re.Match[bytes] | None:
    found = list(pattern.finditer(data))
    return rng.choice(found) if found else None


def _replace(data: bytes, start: int, end: int, new: bytes) -> bytes:
    return data[:start] + new + data[end:]


def byte_flip(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    k = rng.randrange(len(buf))
    buf[k] ^= 1 << rng.randrange(8)
    return bytes(buf)


def random_byte(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def value_digits(rng: random.Random, data: bytes) -> bytes:
    m = _pick(rng, _NUMBER_VALUE_RE, data)
    if m is None:
        return data
    new = bytes(
        rng.choice(b"0123456789") if c in b"0123456789" and rng.random() < 0.5 else c for c in m[1]
    )
    return _replace(data, m.start(1), m.end(1), new)


def digit_to_letter(rng: random.Random, data: bytes) -> bytes:
    m = _pick(rng, _NUMBER_VALUE_RE, data)
    if m is None:
        return data
    digits = [i for i, c in enumerate(m[1]) if c in b"0123456789"]
    k = m.start(1) + rng.choice(digits)
    return _replace(data, k, k + 1, bytes([rng.choice(b"OolISBZg")]))


def letter_inserted(rng: random.Random, data: bytes) -> bytes:
    m = _pick(rng, _VALUE_RE, data)
    if m is None:
        return data
    k = rng.randint(m.start(1), m.end(1))
    return _replace(data, k, k, bytes([rng.choice(b"abcxyzOlIE")]))


def swap_values(rng: random.Random, data: bytes) -> bytes:
    found = list(_VALUE_RE.finditer(data))
    if len(found) < 2:
        return data
    a, b = sorted(rng.sample(found, 2), key=lambda m: m.start())
    return data[: a.start(1)] + b[1] + data[a.end(1) : b.start(1)] + a[1] + data[b.end(1) :]


def duplicate_value(rng: random.Random, data: bytes) -> bytes:
    m = _pick(rng, _VALUE_RE, data)
    if m is None:
        return data
    other = m[0] if rng.random() < 0.3 else b"<value>" + m[1][::-1] + b"1</value>"
    return _replace(data, m.end(), m.end(), other)


def cell_duplicated(rng: random.Random, data: bytes) -> bytes:
    tags = [t.encode() for t in _CELLS]
    found = [(m.start(), t) for t in tags for m in re.finditer(b"<" + t + b">", data)]
    if not found:
        return data
    start, tag = rng.choice(found)
    end = data.find(b"</" + tag + b">", start)
    if end < 0:
        return data
    end += len(tag) + 3
    cell = data[start:end]
    if rng.random() < 0.6:
        cell = _VALUE_RE.sub(lambda m: b"<value>" + (m[1][::-1] or b"7") + b"9</value>", cell, 1)
    return _replace(data, end, end, cell)


def child_in_value(rng: random.Random, data: bytes) -> bytes:
    m = _pick(rng, _VALUE_RE, data)
    if m is None:
        return data
    k = rng.randint(m.start(1), m.end(1))
    return _replace(data, k, k, rng.choice([b"<b/>", b"<i>x</i>", b"<value>1</value>"]))


def separator_in_number(rng: random.Random, data: bytes) -> bytes:
    m = _pick(rng, _NUMBER_VALUE_RE, data)
    if m is None:
        return data
    k = rng.randint(m.start(1), m.end(1))
    return _replace(data, k, k, rng.choice(_SEPARATORS))


def truncation(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def range_deleted(rng: random.Random, data: bytes) -> bytes:
    a = rng.randrange(len(data))
    return data[:a] + data[a + rng.randint(1, 400) :]


def range_duplicated(rng: random.Random, data: bytes) -> bytes:
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 600))
    return data[:b] + data[a:b] + data[b:]


def case_changed(rng: random.Random, data: bytes) -> bytes:
    m = _pick(rng, _TAG_RE, data)
    if m is None:
        return data
    name = m[1]
    end = data.find(b"</" + name + b">", m.end())
    new = name.swapcase() if rng.random() < 0.3 else name[:1].swapcase() + name[1:]
    if end >= 0:
        data = _replace(data, end + 2, end + 2 + len(name), new)
    return _replace(data, m.start(1), m.end(1), new)


def other_script_digits(rng: random.Random, data: bytes) -> bytes:
    m = _pick(rng, _NUMBER_VALUE_RE, data)
    if m is None:
        return data
    zero = rng.choice(list(_SCRIPTS.values()))
    text = m[1].decode("ascii")
    every = rng.random() < 0.5
    new = "".join(
        chr(zero + int(c)) if c.isdigit() and (every or rng.random() < 0.5) else c for c in text
    )
    return _replace(data, m.start(1), m.end(1), new.encode())


XML_MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    f.__name__: f
    for f in (
        byte_flip,
        random_byte,
        value_digits,
        digit_to_letter,
        letter_inserted,
        swap_values,
        duplicate_value,
        cell_duplicated,
        child_in_value,
        separator_in_number,
        truncation,
        range_deleted,
        range_duplicated,
        case_changed,
        other_script_digits,
    )
}


# ----------------------------------------------------------------------------- text renderings
# A rendering has no schema to read it strictly by, so the oracle is the unmutated parse with
# the mutation applied: each mutation changes one located value (or a cell, or a byte in a
# row) and says what the fields it touched must now read, or that only a note may change them.

_TEXT_FIELDS = ("shares", "shares_owned_following", "price", "exercise_price")
_COMPARED = (
    *_TEXT_FIELDS,
    "code",
    "acquired_disposed",
    "transaction_date",
    "ownership",
    "expiration_date",
)


@dataclass
class Target:
    table: str
    index: int
    field: str
    start: int
    end: int
    """The value's literal in the text, as byte offsets."""


def _literals(value: Decimal) -> list[str]:
    plain = format(value, "f")
    whole, _, frac = plain.partition(".")
    grouped = f"{int(whole):,}" + (f".{frac}" if frac else "")
    return sorted({plain, grouped}, key=len, reverse=True)


def _line_span(data: bytes, line: int) -> tuple[int, int]:
    start = 0
    for _ in range(line - 1):
        start = data.index(b"\n", start) + 1
    end = data.find(b"\n", start)
    return start, len(data) if end < 0 else end


def targets(filing: Filing, data: bytes) -> list[Target]:
    """Values whose literal stands exactly once in their row's line."""
    out = []
    for table, rows in (
        ("non_derivative", filing.non_derivative),
        ("derivative", filing.derivative),
    ):
        for index, row in enumerate(rows):
            if row.line is None:
                continue
            try:
                a, b = _line_span(data, row.line)
            except ValueError:
                continue
            line = data[a:b]
            for name in _TEXT_FIELDS:
                value = getattr(row, name, None)
                if value is None:
                    continue
                if any(getattr(row, o, None) == value for o in _TEXT_FIELDS if o != name):
                    # two fields read the same value: a literal of it cannot say whose it is
                    # (``84,6 | 03`` is the amount, the ``84,603`` left is the balance)
                    continue
                for lit in _literals(value):
                    hits = [
                        m.start()
                        for m in re.finditer(
                            rb"(?<![\d.,])" + re.escape(lit.encode()) + rb"(?![\d]|[.,]\d)", line
                        )
                    ]
                    if len(hits) == 1:
                        out.append(Target(table, index, name, a + hits[0], a + hits[0] + len(lit)))
                        break
    return out


Expect = dict[tuple[object, ...], object]
SPLIT = ("split",)
"""Expect key: the source line a mutation split in two (the mutant's lines below it are one
further down)."""
MAYBE = object()
"""A field of a row the mutation touched without aiming at it: it may read as before; if it
changes, only a note makes that right."""


def text_reading(filing: Filing) -> View:
    view: View = {}
    for table, rows in (
        ("non_derivative", filing.non_derivative),
        ("derivative", filing.derivative),
    ):
        view[("rows", table)] = len(rows)
        for index, row in enumerate(rows):
            for name in _COMPARED:
                view[(table, index, name)] = getattr(row, name, None)
    return view


def by_line(base: Filing, filing: Filing, split: int | None = None) -> tuple[View, list[Note]]:
    """The mutant's reading with its rows lined up with the unmutated rows by source line (a
    mutation changes no line count), so that a row lost or gained shifts no other row's
    keys; notes on a row follow it. A row the mutant lost is covered by a note that names its
    line as not read as a row."""
    view: View = {}
    notes = list(filing.notes)
    for table in ("non_derivative", "derivative"):
        before, after = getattr(base, table), getattr(filing, table)
        view[("rows", table)] = len(after)
        where = {row.line: i for i, row in enumerate(before)}
        extra = len(before)
        moved: dict[int, int] = {}
        for j, row in enumerate(after):
            line = row.line
            if line is not None and split is not None and line > split:
                line -= 1  # the split row's second half answers for the row, as its first
            i = where.pop(line, None) if line is not None else None
            if i is None:
                i, extra = extra, extra + 1
            moved[j] = i
            for name in _COMPARED:
                view[(table, i, name)] = getattr(row, name, None)
        notes = [
            n.model_copy(update={"row": moved.get(n.row, n.row)})
            if n.table == table and n.row is not None
            else n
            for n in notes
        ]
        for line, i in where.items():  # rows the mutant did not read
            if any(f"line {line} (" in n.message for n in filing.notes):
                notes.append(Note(field=f"{table}[{i}]", message=f"line {line} not read"))
    return view, notes


def _strict_number(text: str) -> object:
    return _typed("number", text) if text and text[0] not in ",." else UNSURE


def text_mutation(
    rng: random.Random, data: bytes, found: list[Target]
) -> tuple[str, bytes, Expect]:
    """A mutation of a text rendering and what it must read as afterwards."""
    kinds = [
        "value_digits",
        "digit_to_letter",
        "letter_inserted",
        "separator_in_number",
        "other_script_digits",
        "swap_values",
        "cell_dropped",
        "cell_duplicated",
        "byte_flip_in_row",
        "marker_dropped",
    ]
    kind = rng.choice(kinds)
    if not found:
        return kind, data, {}
    t = rng.choice(found)
    key = (t.table, t.index, t.field)
    lit = data[t.start : t.end].decode()
    if kind == "value_digits":
        new = "".join(
            rng.choice("123456789") if c.isdigit() and rng.random() < 0.5 else c for c in lit
        )
        return kind, _replace(data, t.start, t.end, new.encode()), {key: _strict_number(new)}
    if kind == "digit_to_letter":
        k = rng.choice([i for i, c in enumerate(lit) if c.isdigit()])
        new = lit[:k] + rng.choice("OolISBZg") + lit[k + 1 :]
        return kind, _replace(data, t.start, t.end, new.encode()), {key: UNSURE}
    if kind == "letter_inserted":
        k = rng.randint(1, len(lit))
        new = lit[:k] + rng.choice("abcxyz") + lit[k:]
        return kind, _replace(data, t.start, t.end, new.encode()), {key: UNSURE}
    if kind == "separator_in_number":
        k = rng.randint(1, len(lit) - 1) if len(lit) > 1 else 1
        sep = rng.choice(_SEPARATORS).decode()
        new = lit[:k] + sep + lit[k:]
        said = _strict_number(new) if sep in ",." else UNSURE
        if k == len(lit) and sep.isspace():
            said = _strict_number(lit)  # a one-digit value: the space falls after it, not inside
        return kind, _replace(data, t.start, t.end, new.encode()), {key: said}
    if kind == "other_script_digits":
        zero = rng.choice(list(_SCRIPTS.values()))
        new = "".join(chr(zero + int(c)) if c.isdigit() else c for c in lit)
        return kind, _replace(data, t.start, t.end, new.encode()), {key: UNSURE}
    if kind == "swap_values":
        others = [o for o in found if (o.table, o.index) == (t.table, t.index) and o is not t]
        if not others:
            return kind, data, {}
        o = rng.choice(others)
        a, b = sorted([t, o], key=lambda x: x.start)
        swapped = (
            data[: a.start]
            + data[b.start : b.end]
            + data[a.end : b.start]
            + data[a.start : a.end]
            + data[b.end :]
        )
        va = _strict_number(data[a.start : a.end].decode())
        vb = _strict_number(data[b.start : b.end].decode())
        return kind, swapped, {(a.table, a.index, a.field): vb, (b.table, b.index, b.field): va}
    row_start, row_end = _line_span(data, data.count(b"\n", 0, t.start) + 1)
    line = data[row_start:row_end]
    touched: Expect = {(t.table, t.index, name): MAYBE for name in _COMPARED}
    if kind in ("cell_dropped", "cell_duplicated"):
        sep = b"|" if line.count(b"|") > 3 else b"\t" if line.count(b"\t") > 3 else None
        if sep is None:
            return kind, data, {}
        cells = line.split(sep)
        k = rng.randrange(len(cells))
        if kind == "cell_dropped":
            at = row_start + sum(len(c) + 1 for c in cells[:k])
            gone = _cell_values(cells[k]) + [
                _strict_number(data[o.start : o.end].decode())
                for o in found
                if (o.table, o.index) == (t.table, t.index) and at <= o.start < at + len(cells[k])
            ]
            cells.pop(k)
            if gone:
                touched = dict.fromkeys(touched, Gone(gone))
        else:
            cells.insert(k, cells[k])
        return kind, _replace(data, row_start, row_end, sep.join(cells)), touched
    if kind == "marker_dropped":
        marks = list(re.finditer(rb"\(\d{1,2}\)|\[\d{1,2}\]|<sup>\(?\d{1,2}\)?</sup>", line))
        if not marks:
            return kind, data, {}
        m = rng.choice(marks)
        whole = line[: m.start()] + line[m.end() :]
        # A marker is no value: every value of the row must read as before, or be noted.
        return kind, _replace(data, row_start, row_end, whole), {}
    k = rng.randrange(row_start, max(row_start + 1, row_end))
    buf = bytearray(data)
    buf[k] ^= 1 << rng.randrange(8)
    flipped = bytes(buf)
    said = flip_said(data, flipped, k)
    if said is not None:
        touched = dict.fromkeys(touched, said)
    if flipped[k] == 0x0A or flipped[k] == 0x0D and flipped[k + 1 : k + 2] != b"\n":
        # a line break now splits the row: lines below it moved down by one
        touched[SPLIT] = data.count(b"\n", 0, k) + 1
    return kind, flipped, touched


def flip_said(data: bytes, flipped: bytes, k: int) -> Flip | Gone | None:
    """What a byte flip at ``k`` made the file say, where that is clear: one well-formed value
    turned into another (:class:`Flip`), or a value's word turned into no value at all (a
    lone ``0`` made a space: ``$      0(3)`` to ``$       (3)``), which is gone from the file
    as a dropped cell's is (:class:`Gone`, once: one word held one value). None where the
    flip left a damaged value or made a new one: a change then needs a note."""
    old, new = _word_values(data, k), _word_values(flipped, k)
    swap = Flip([(a, b) for a, b in zip(old, new, strict=False) if a is not None and b is not None])
    if old and new and swap.pairs:
        return swap
    if old and not new and _WORD_EDGE.match(flipped, k) and _no_value_left(data, flipped, k):
        return Gone([v for v in old if v is not None], once=True)
    return None


def _no_value_left(data: bytes, flipped: bytes, k: int) -> bool:
    """The word of ``data`` around ``k`` holds, after the flip, no digit outside a footnote
    marker and no value in any of its pieces."""
    start, end = k, k
    while start > 0 and not _WORD_EDGE.match(data, start - 1):
        start -= 1
    while end < len(data) and not _WORD_EDGE.match(data, end):
        end += 1
    for piece in _WORD_EDGE.split(flipped[start:end]):
        if not piece:
            continue
        try:
            bare = _MARKER_TAIL.sub("", piece.decode("utf-8"))
        except UnicodeDecodeError:
            return False
        if any(c.isdigit() for c in bare) or _word_values(piece, 0):
            return False
    return True


@dataclass
class Gone:
    """A dropped cell that held one value (``\\$25.56``, ``S ⁽¹⁾``, ``06/10/2023``): the file no
    longer says it, so a field of the row that read it and now reads nothing reads what the
    file says. Any other change of the row's fields needs a note, as for any touched row."""

    values: list[object]
    once: bool = False
    """One field at most lost the value (one erased word held one value, where a cell may
    have been read by two fields), and no piece of it is left anywhere."""
    used: bool = False

    def explains(self, key: tuple[object, ...], was: object, now: object, before: View) -> bool:
        """Whether the field's change is the cell's loss: the value it read is gone (or, in
        Table II, the amount its (A)/(D) side stood on), or it read a number that was cut
        across two cells and now reads the piece left (``12,629.04 | 2``)."""
        if self.once:
            if now is None and was in self.values and not self.used:
                self.used = True
                return True
            return False
        if now is None:
            if was in self.values:
                return True
            amount = before.get((key[0], key[1], "shares"))
            return (
                key[0] == "derivative"
                and key[2] == "acquired_disposed"
                and (amount is not None and amount in self.values)
            )
        if isinstance(was, Decimal) and isinstance(now, Decimal):
            whole, left = _digits(was), _digits(now)
            return any(
                isinstance(v, Decimal) and whole in (left + _digits(v), _digits(v) + left)
                for v in self.values
            )
        return False


def _digits(value: Decimal) -> str:
    return format(value, "f").replace(".", "")


_CONFUSED = str.maketrans("OolI", "0011")
"""Only to tell which field a dropped OCR cell held (``11/O5/2O2O``), never to read one."""


_CELL_MARKUP = re.compile(r"<sup>[^<]*</sup>|⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|\(\d{1,2}\)|\bF\d{1,2}\b|<[^>]*>|\\")


def _cell_values(cell: bytes) -> list[object]:
    """The value a cell holds as a number, a date and a letter (see :func:`_word_values`);
    empty when the cell holds no value or more than one word."""
    try:
        words = _CELL_MARKUP.sub(" ", cell.decode("utf-8")).split()
    except UnicodeDecodeError:
        return []
    if len(words) != 1:
        return []
    text = words[0]
    if any(c.isdigit() for c in text) or text[:1] == "$" and len(text) > 1:  # ``$O``: $0
        lead, text = ("$", text[1:]) if text[:1] in "S$" else ("", text)
        text = lead + text.translate(_CONFUSED)
    word = text.encode()
    return [v for v in _word_values(word, 0) if v is not None]


@dataclass
class Flip:
    """A byte flip that turned one well-formed value into another (``13,347`` -> ``13,357``,
    code ``M`` -> ``O``, ``09/25`` -> ``09/26``): the file now says the new value, so a field
    of the row that read the old one and now reads the new one reads what the file says.
    Any other change of the row's fields needs a note, as for any touched row."""

    pairs: list[tuple[object, object]]


_WORD_EDGE = re.compile(rb"[\s|<>]")
_MARKER_TAIL = re.compile(r"(?:\(\d{1,2}\)|\[\d{1,2}\]|⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")


def _word_values(data: bytes, k: int) -> list[object]:
    """What the word around byte ``k`` says as a number, a date and a letter (None where it
    is not that), for :class:`Flip`; empty when it is no clean value of any kind."""
    start = k
    while start > 0 and not _WORD_EDGE.match(data, start - 1):
        start -= 1
    end = k
    while end < len(data) and not _WORD_EDGE.match(data, end):
        end += 1
    try:
        word = data[start:end].decode("utf-8")
    except UnicodeDecodeError:
        return []
    word = _MARKER_TAIL.sub("", word.replace("\\$", "$"))
    if not word or not word.isascii():
        return []
    number = _strict_number(word[1:] if word[0] == "$" else word)
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", word)
    try:
        date = dt.date(int(m[3]), int(m[1]), int(m[2])) if m else None
    except ValueError:
        date = None
    letter = word if len(word) == 1 and word.isupper() else None
    values = [None if number is UNSURE else number, date, letter]
    return values if any(v is not None for v in values) else []


def judge_text(
    before: View, after: View, expect: Expect, notes: list[Note]
) -> tuple[str, list[str]]:
    silent: list[str] = []
    changed = flagged = False
    for key in sorted(set(before) | set(after), key=repr):
        now, was = after.get(key), before.get(key)
        moved = now != was
        changed |= moved
        said = expect.get(key, was)
        if isinstance(said, Flip):
            said = now if moved and (was, now) in said.pairs else MAYBE
        elif isinstance(said, Gone):
            said = now if moved and said.explains(key, was, now, before) else MAYBE
        if said is MAYBE:
            said = UNSURE if moved else now  # a touched row: unchanged is fine, a change not
        if said is not UNSURE and said == now:
            continue
        if _covered(key, notes):
            flagged = True
            continue
        silent.append(
            f"{key}: read {now!r}, expected {'?' if said is UNSURE else repr(said)}, was {was!r}"
        )
    if silent:
        return "silent", silent
    if flagged:
        return "flagged", []
    return ("faithful" if changed else "unchanged"), []


def _kind_of(data: bytes) -> str:
    return "xml" if b"<ownershipDocument" in data[:200_000] else "text"


def _keep(folder: Path | None, name: str, data: bytes) -> None:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / re.sub(r"[^\w.~+-]", "_", name)).write_bytes(data)


def classify(
    source: bytes, mutant: bytes, how: str, expect: Expect | None = None
) -> tuple[str, list[str]]:
    """One mutant's class: ``error`` (a ParseError), ``crash`` (anything else raised),
    ``unchanged``, ``faithful``, ``flagged`` or ``silent``. ``expect`` is given for a text
    rendering (what the mutation must read as); an XML mutant is judged by the oracle."""
    base = parse_bytes(source, "<source>")
    try:
        filing = parse_bytes(mutant, f"<mutant {how}>")
    except ParserBug as exc:
        return "crash", [str(exc)]
    except ParseError:
        return "error", []
    except Exception as exc:  # noqa: BLE001  # a crash is what this hunts for
        return "crash", [f"{type(exc).__name__}: {exc}"]
    if expect is None:
        return judge(reading(base), reading(filing), oracle(mutant), filing.notes)
    split = expect.get(SPLIT)
    after, notes = by_line(base, filing, split if isinstance(split, int) else None)
    return judge_text(text_reading(base), after, expect, notes)


def campaign(
    inputs: list[tuple[str, bytes]], n: int, seed: int, save: Path | None, verbose: bool = True
) -> Counter[str]:
    """``n`` mutants of ``inputs``, each classified; silent and crashing ones are printed and
    kept under ``save``."""
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    readings = {name: parse_bytes(data, name) for name, data in inputs}
    spots = {
        name: targets(readings[name], data) for name, data in inputs if _kind_of(data) == "text"
    }
    for i in range(n):
        source, original = inputs[i % len(inputs)] if n >= len(inputs) else rng.choice(inputs)
        expect: Expect | None = None
        if _kind_of(original) == "xml":
            how = rng.choice(sorted(XML_MUTATIONS))
            mutant = XML_MUTATIONS[how](rng, original)
        else:
            how, mutant, expect = text_mutation(rng, original, spots[source])
        if mutant == original:
            outcomes["unchanged"] += 1
            continue
        verdict, why = classify(original, mutant, how, expect)
        outcomes[verdict] += 1
        if verdict in ("silent", "crash"):
            if verbose:
                print(f"{verdict.upper()} #{i} {source} via {how}: " + "; ".join(why[:3]))
            _keep(save, f"{verdict}_{source}~{how}~{seed}-{i}{Path(source).suffix}", mutant)
    return outcomes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="mutants per corpus")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", choices=["xml", "text", "all"], default="all")
    ap.add_argument(
        "--save", type=Path, default=None, help="folder to keep silent and crashing mutants in"
    )
    ap.add_argument(
        "--robustness", action="store_true", help="the older campaign: parse or ParseError only"
    )
    args = ap.parse_args(argv)
    if args.robustness:
        return robustness(args)
    inputs = corpus(renderings=True)
    status = 0
    for kind in ("xml", "text") if args.corpus == "all" else (args.corpus,):
        chosen = [(name, data) for name, data in inputs if _kind_of(data) == kind]
        start = time.perf_counter()
        outcomes = campaign(chosen, args.n, args.seed, args.save)
        took = time.perf_counter() - start
        print(
            f"{kind}: {args.n:,} mutants of {len(chosen)} files in {took:.1f}s: "
            + ", ".join(f"{k} {outcomes[k]:,}" for k in VERDICTS)
        )
        status |= bool(outcomes["silent"] or outcomes["crash"])
    return status


VERDICTS = ("error", "unchanged", "faithful", "flagged", "silent", "crash")


def robustness(args: argparse.Namespace) -> int:
    """Any damage (MUTATIONS), judged only on whether the parser stays within ParseError."""
    rng = random.Random(args.seed)
    inputs = corpus()
    if not inputs:
        print("no corpus found", file=sys.stderr)
        return 2
    outcomes: Counter[str] = Counter()
    by_mutation: Counter[str] = Counter()
    crashers = 0
    slowest = 0.0
    start = time.perf_counter()
    for i in range(args.n):
        source, original = rng.choice(inputs)
        how, data = mutate(rng, original)
        t = time.perf_counter()
        try:
            outcomes[check(data, f"{source}~{how}")] += 1
        except Exception:
            crashers += 1
            outcomes["CRASH"] += 1
            print(f"CRASH #{i} {source} via {how}:\n{traceback.format_exc(limit=3)}")
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"crash_{args.seed}_{i}_{source}").write_bytes(data)
        took = time.perf_counter() - t
        slowest = max(slowest, took)
        if took > SLOW_SECONDS:
            outcomes["SLOW"] += 1
            print(f"SLOW #{i} {source} via {how}: {took:.1f}s")
        by_mutation[how.split("+")[0]] += 1
        if sys.stderr.isatty() and i % 500 == 0:
            print(f"\r{i:,}/{args.n:,}", end="", file=sys.stderr)
    elapsed = time.perf_counter() - start
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        f"{args.n:,} inputs in {elapsed:.1f}s ({args.n / elapsed:,.0f}/s): "
        + ", ".join(f"{k} {v:,}" for k, v in sorted(outcomes.items()))
        + f"; slowest {slowest * 1000:.0f} ms"
    )
    return 1 if crashers or outcomes["SLOW"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
