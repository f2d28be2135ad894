"""Turn a Form 3/4/5 in any shape we know (EDGAR XML, SGML-wrapped XML, text renderings)
into one validated :class:`Filing`. ``parse_file`` and ``parse_bytes`` are the one way in."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from parsers.errors import ParseError, ParserBug
from parsers.known_names import KnownNames
from parsers.limits import Limits
from parsers.model import (
    DerivativeRow,
    Filing,
    Issuer,
    NonDerivativeRow,
    Note,
    ReportingOwner,
    Signature,
    Source,
)
from parsers.screen import screen

__all__ = [
    "DerivativeRow",
    "Filing",
    "Issuer",
    "KnownNames",
    "Limits",
    "NonDerivativeRow",
    "Note",
    "ParseError",
    "ParserBug",
    "ReportingOwner",
    "Signature",
    "Source",
    "looks_like_xml",
    "parse_bytes",
    "parse_file",
]


def parse_file(
    path: str | Path, limits: Limits | None = None, known: KnownNames | None = None
) -> Filing:
    """One filing from a file. ``known``: issuer names by ticker that the caller holds from
    filings stating them apart (a ledger's XML), which read apart a text rendering's boxes 1
    and 2 where its own words cannot (:class:`KnownNames`)."""
    limits = limits or Limits.from_env()
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}", str(path)) from None
    if size > limits.max_bytes:
        raise ParseError(
            f"file is {size:,} bytes, over the {limits.max_bytes:,}-byte limit "
            "(raise HOLDINGS_MAX_FILE_BYTES to read it)",
            str(path),
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}", str(path)) from None
    return parse_bytes(data, str(path), limits, known)


def parse_bytes(
    data: bytes,
    path: str = "<input>",
    limits: Limits | None = None,
    known: KnownNames | None = None,
) -> Filing:
    limits = limits or Limits.from_env()
    if len(data) > limits.max_bytes:
        raise ParseError(
            f"input is {len(data):,} bytes, over the {limits.max_bytes:,}-byte limit", path
        )
    if not data or data.isspace():  # ``not data.strip()``, without copying the input
        raise ParseError("file is empty", path)
    if data.find(b"\x00", 0, 4096) >= 0:
        raise ParseError("file is binary, not a filing (NUL bytes)", path)
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        if looks_like_xml(data):
            from parsers.xml import parse_xml

            filing = parse_xml(data, path=path, sha256=sha256, limits=limits)
        else:
            text = _decode(data, path)
            filing = _text_reader()(text, path=path, sha256=sha256, limits=limits, known=known)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("input is nested too deeply to read", path) from None
    except Exception as exc:  # a parser bug must still name the file, never crash the batch
        raise ParserBug(f"parser bug: {type(exc).__name__}: {exc}", path) from exc
    rows = len(filing.non_derivative) + len(filing.derivative)
    if rows > limits.max_rows:
        raise ParseError(f"{rows:,} table rows, over the limit of {limits.max_rows:,}", path)
    return screen(filing, limits, data)


_ROOT_TAG = re.compile(b"<" + b"".join(b"[%c%c]" % (c, c ^ 32) for c in b"ownershipdocument"))
"""``<ownershipdocument`` in any mix of ASCII cases, as ``bytes.lower`` folds them."""


_TEXT_READER: list[Callable[..., Filing]] = []


def _text_reader() -> Callable[..., Filing]:
    """``parsers.text.read.parse_text``, imported at the first text input (an XML-only caller
    never loads the text reader) and kept: an import statement a file costs a lookup of the
    module and of its spec."""
    if not _TEXT_READER:
        from parsers.text.read import parse_text

        _TEXT_READER.append(parse_text)
    return _TEXT_READER[0]


def looks_like_xml(data: bytes) -> bool:
    """The root tag in any case within the first 200 KB (without lower-casing a copy of them),
    or as the schema spells it anywhere."""
    if _ROOT_TAG.search(data, 0, 200_000) is not None:
        return True
    return len(data) > 200_000 and b"<ownershipDocument" in data


def _decode(data: bytes, path: str) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ParseError("file is not text (cannot decode as UTF-8 or Windows-1252)", path)
