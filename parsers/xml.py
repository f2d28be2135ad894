"""EDGAR ownership XML (Forms 3, 4, 5 and their amendments) into a :class:`Filing`.

The XML is the one input that states every value outright, so this parser repairs nothing: a
value that is not what the schema promises becomes ``None`` with a :class:`Note`, never a guess.

It reads a bare ``<ownershipDocument>`` file and the EDGAR SGML submissions (``.txt`` full
submissions and ``.nc`` files) that wrap it in ``<XML>...</XML>``; from the SGML header it also
takes the accession number and the date EDGAR filed it.

Safety: the document goes through ``defusedxml`` with DTDs refused, so entity expansion
("billion laughs") and external entities never start; nothing is fetched. Speed: where
libxml2 (lxml) and expat are sure to agree -- ASCII, no encoding declared, no DTD, and a parse
libxml2 finishes without one error or warning -- libxml2 builds the tree, in a third of the
time expat's C ``TreeBuilder`` takes, configured to resolve no entity, load no DTD and fetch
nothing; every other document, and every refusal's message, is expat's (the reading of
record: tests compare the two on the real filings and thousands of mutants). Reading the
tree walks only the elements the schema puts there, each once, into plain dicts of values
its own readers checked, built into one ``Filing`` at the end (``parsers.built``: pydantic
checking them again cost a tenth of the parse). (Streaming instead: expat calling
Python handlers that do nothing already costs as much as the whole C tree.) The walk takes an
element's children as a list (``element[:]``), not by iterating the element: lxml's child
iterator sets up a tag filter and looks one child ahead, and costs a third more than the
slice on the real filings' rows (an ElementTree element gives the same children either way).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from xml.etree.ElementTree import Element, TreeBuilder
from xml.etree.ElementTree import ParseError as _XMLSyntaxError
from xml.etree.ElementTree import XMLParser as _CXMLParser
from xml.parsers import expat

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

try:
    from lxml import etree as lxml_etree
except ImportError:  # a checkout whose environment predates the dependency: same reading, slower
    lxml_etree = None

from parsers.built import built
from parsers.errors import ParseError
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
from parsers.numbers import amount_problem

__all__ = ["parse_xml", "xml_document"]

_ROOT = "ownershipDocument"
_ROW_TAGS = frozenset(
    {
        "nonDerivativeTransaction",
        "nonDerivativeHolding",
        "derivativeTransaction",
        "derivativeHolding",
    }
)
_INVALID_TOKEN = expat.errors.codes[expat.errors.XML_ERROR_INVALID_TOKEN]

# --------------------------------------------------------------------------- value readers
# Each reader gets the stripped, non-empty text of one element and returns the typed value or
# raises ValueError with a message fit for a Note. Empty text never reaches a reader: an empty
# element means "not filled in", which is None without a note.

_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_PLAIN_AMOUNT_RE = re.compile(r"\d{1,15}(?:\.\d{0,10})?", re.ASCII)
"""Digits that are an amount as they stand: unsigned, at most 15 integer and 10 decimal digits
(``parsers.numbers``' bounds), so the general checks below could not refuse them."""
_GROUPED_RE = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?", re.ASCII)
_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?", re.ASCII)
_BOOLEANS = {"1": True, "true": True, "0": False, "false": False}


def _number(text: str) -> Decimal:
    """Keep the filed digits (``25.5600`` stays ``25.5600``) so balance checks stay exact.

    Thousands separators are dropped only where they sit every three digits: ``1,5`` could be a
    decimal comma, and reading it as 15 would be a guess. Only ASCII digits count: a digit of
    another script (full-width, Arabic-Indic) is not what the schema allows. Negative amounts,
    exponents, NaN and numbers longer than a filing can hold are refused (``parsers.numbers``).
    """
    if (len(text) <= 15 and text.isdigit() and text.isascii()) or _PLAIN_AMOUNT_RE.fullmatch(text):
        # What nearly every cell holds; within the bounds amount_problem checks, by its shape
        # (ASCII isdigit is exactly 0-9; whole numbers, the most of them, skip the pattern).
        return Decimal(text)
    if len(text) > 64:
        raise ValueError(f"{text[:20]!r}... ({len(text)} characters) is not an amount")
    if _NUMBER_RE.fullmatch(text):
        value = Decimal(text)
    else:
        bare = text[1:].lstrip() if text.startswith("$") else text
        if _NUMBER_RE.fullmatch(bare):
            value = Decimal(bare)
        elif _GROUPED_RE.fullmatch(bare):
            value = Decimal(bare.replace(",", ""))
        else:
            raise ValueError(f"{text!r} is not a number")
    problem = amount_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _date(text: str) -> dt.date:
    """Some filer software writes the XML Schema zone suffix (``2021-03-04-05:00``); the date
    part is still the date the filer meant, so the zone is dropped rather than applied."""
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        # fromisoformat reads exactly ASCII YYYY-MM-DD at this length and shape; anything it
        # refuses goes the long way, for the same message.
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    match = _DATE_RE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a YYYY-MM-DD date")
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError(f"{text!r} is not a calendar date") from None


def _boolean(text: str) -> bool:
    value = _BOOLEANS.get(text.lower())
    if value is None:
        raise ValueError(f"{text!r} is not a boolean (1, 0, true, false)")
    return value


def _text(text: str) -> str:
    """Blanks of every kind, runs of them included, as one space; none at the ends.

    Filers wrap long titles and footnotes over several lines; the line breaks carry no
    meaning. Most texts are ASCII with single spaces between words: then stripping the ends is
    all there is to do (the only ASCII blanks XML lets through are space, tab, LF and CR), at a
    fraction of the cost of splitting the text into words.
    """
    if (
        text.isascii()
        and "\n" not in text
        and "  " not in text
        and "\t" not in text
        and "\r" not in text
    ):
        return text.strip()
    return " ".join(text.split())


def _code(text: str) -> str:
    return text.upper()


def _acquired_disposed(text: str) -> str:
    value = text.upper()
    if value not in ("A", "D"):
        raise ValueError(f"{text!r} is neither A (acquired) nor D (disposed)")
    return value


def _ownership_form(text: str) -> str:
    value = text.upper()
    if value not in ("D", "I"):
        raise ValueError(f"{text!r} is neither D (direct) nor I (indirect)")
    return value


Reader = Callable[[str], Any]
_UNREAD: Any = object()
"""A cell whose value could not be read (as opposed to None: a cell left empty)."""

# --------------------------------------------------------------------------- row layout
# Element name -> (contract field, reader). These elements hold <value> and <footnoteId>
# children; a footnote in one of them is recorded under the contract field it stands in.
_COMMON_FIELDS: dict[str, tuple[str, Reader]] = {
    "securityTitle": ("security_title", _text),
    "transactionDate": ("transaction_date", _date),
    "deemedExecutionDate": ("deemed_execution_date", _date),
    "transactionTimeliness": ("transaction_timeliness", _code),
    "transactionShares": ("shares", _number),
    "transactionPricePerShare": ("price", _number),
    "transactionTotalValue": ("total_value", _number),
    "transactionAcquiredDisposedCode": ("acquired_disposed", _acquired_disposed),
    "sharesOwnedFollowingTransaction": ("shares_owned_following", _number),
    "valueOwnedFollowingTransaction": ("value_owned_following", _number),
    "directOrIndirectOwnership": ("ownership", _ownership_form),
    "natureOfOwnership": ("nature_of_ownership", _text),
}
_DERIVATIVE_FIELDS: dict[str, tuple[str, Reader]] = {
    **_COMMON_FIELDS,
    "conversionOrExercisePrice": ("exercise_price", _number),
    "exerciseDate": ("date_exercisable", _date),
    "expirationDate": ("expiration_date", _date),
    "underlyingSecurityTitle": ("underlying_title", _text),
    "underlyingSecurityShares": ("underlying_shares", _number),
    "underlyingSecurityValue": ("underlying_value", _number),
}
_NON_DERIVATIVE = (
    "non_derivative",
    "nonDerivativeTransaction",
    "nonDerivativeHolding",
    _COMMON_FIELDS,
)
_DERIVATIVE = ("derivative", "derivativeTransaction", "derivativeHolding", _DERIVATIVE_FIELDS)
# Grouping elements. A footnoteId placed directly in one of them has no single field; it is kept
# under a name for the group so that no reference is lost.
_GROUPS = {
    "transactionAmounts": "transaction_amounts",
    "postTransactionAmounts": "post_transaction_amounts",
    "ownershipNature": "ownership_nature",
    "underlyingSecurity": "underlying_security",
}
# --------------------------------------------------------------------------- entry point


def parse_xml(data: bytes, *, path: str, sha256: str, limits: Limits) -> Filing:
    """Read one ownership document, bare or inside an EDGAR SGML submission."""
    return _parse_xml(data, path, sha256, limits)


def _parse_xml(
    data: bytes, path: str, sha256: str, limits: Limits, *, shortcut: bool = True
) -> Filing:
    """``shortcut=False`` reads the tree expat builds even where libxml2's would do: the
    tests compare the two readings, which must never differ."""
    xml, line_offset, header = _locate_xml(data)
    root = _fast_tree(xml) if shortcut else None
    if root is not None:
        try:
            try:
                return _read(
                    root,
                    xml,
                    line_offset,
                    header,
                    [],
                    path,
                    sha256,
                    limits,
                    blanks=False,
                    tree_lines=True,
                )
            except _LinesDisagree:
                return _read(root, xml, line_offset, header, [], path, sha256, limits, blanks=False)
        except _NeedsBlanks:
            pass  # a text the shortcut's tree lacks the blanks of: read expat's tree instead
    notes: list[Note] = []
    try:
        root = _build_tree(xml, path, line_offset)
    except _NotUtf8:
        # EDGAR validates submissions, but copies saved by other tools are sometimes re-encoded
        # as Windows-1252 without saying so. Reading them as such beats refusing the filing.
        try:
            xml = xml.decode("cp1252").encode("utf-8")
        except UnicodeDecodeError:
            raise ParseError("XML is not valid UTF-8 and declares no encoding", path) from None
        root = _build_tree(xml, path, line_offset, retry=False)
        notes.append(
            Note(message="XML is not valid UTF-8 and declares no encoding; read as Windows-1252")
        )
    return _read(root, xml, line_offset, header, notes, path, sha256, limits, blanks=True)


def _read(
    root: Element,
    xml: bytes,
    line_offset: int,
    header: bytes | None,
    notes: list[Note],
    path: str,
    sha256: str,
    limits: Limits,
    *,
    blanks: bool,
    tree_lines: bool = False,
) -> Filing:
    """Read a parsed document. ``blanks=False`` for the shortcut's tree (no blank text);
    ``tree_lines`` lets rows take the line libxml2 recorded where it equals the text's."""
    if root.tag.rpartition("}")[2] != _ROOT:
        raise ParseError(f"root element is <{root.tag}>, not <{_ROOT}>", path, line_offset + 1)
    if "}" in root.tag:
        # A namespaced copy of the document: the names are what matter, not the namespace.
        for element in root.iter():
            element.tag = element.tag.rpartition("}")[2]
    row_lines: dict[Element, int | None] | None = None
    expected = recount = -1
    if (
        tree_lines
        and b"\r" not in xml
        and (len(xml) < _LIBXML2_LAST_LINE or xml.count(b"\n") < _LIBXML2_LAST_LINE)
    ):
        # libxml2 numbers an element by the line its start tag ends on, and counts no lone CR:
        # its lines are the text's where every row's start tag is "<name>", on one line.
        expected = _plain_row_tags(xml)
        if 0 <= expected <= limits.max_rows:
            recount = limits.max_rows  # a guess the walk confirms (_Reader.filing)
        else:
            expected = _one_line_row_tags(xml, limits.max_rows)
    if expected < 0:
        row_lines = _row_lines(xml, root, line_offset)
        if len(row_lines) > limits.max_rows:
            raise ParseError(
                f"{len(row_lines):,} table rows, over the limit of {limits.max_rows:,}", path
            )
    reader = _Reader(path, sha256, row_lines, line_offset, notes, xml, blanks, expected, recount)
    return reader.filing(root, header)


def _one_line_row_tags(xml: bytes, max_rows: int) -> int:
    """The row start tags in the text when every one is "<name>" (so on one line) and there
    are at most ``max_rows``; else -1."""
    ends = _ROW_TAG_END_RE.findall(xml)
    if len(ends) <= max_rows and ends.count(b">") == len(ends):
        return len(ends)
    return -1


def _plain_row_tags(xml: bytes) -> int:
    """What :func:`_one_line_row_tags` finds, in the case nearly every document is: each row
    name is in the text only as a "<name>" start tag and its "</name>" end tag. Then half
    the names are start tags -- if the tables hold that many rows, which the walk checks:
    every row of the tree is then one such pair, and nothing else in the text names a row.
    -1 where a name is followed by anything but ">".

    One scan a name, each occurrence's next byte looked at where it is found: two scans
    cost a third less time than four counts (with and without the ">"), and the pattern's
    one scan stops at every "<"."""
    find = xml.find
    names = 0
    for name, size in _ROW_NAME_ENDS:
        at = find(name)
        while at >= 0:
            at += size
            if xml[at : at + 1] != b">":
                return -1
            names += 1
            at = find(name, at)
    return names // 2 if names % 2 == 0 else -1


_ROW_NAME_ENDS = ((b"erivativeTransaction", 20), (b"erivativeHolding", 16))
"""The row names as :func:`_plain_row_tags` looks for them (with and without "nonD"), and
their lengths."""


def xml_document(data: bytes) -> bytes:
    """The ``<ownershipDocument>`` XML a file holds, cut out of its SGML wrapper if it has one
    (what a bare XML parser would be given: the benchmark's baseline parses this)."""
    return _locate_xml(data)[0]


# --------------------------------------------------------------------------- bytes -> tree

_ACCESSION_RE = re.compile(rb"ACCESSION[ -]NUMBER(?::|>)[ \t]*(\d{10}-\d{2}-\d{6})")
_FILED_RE = re.compile(rb"(?:FILED AS OF DATE:|<FILING-DATE>)[ \t]*(\d{8})")
_ACCEPTED_RE = re.compile(rb"<ACCEPTANCE-DATETIME>[ \t]*(\d{14})")


def _locate_xml(data: bytes) -> tuple[bytes, int, bytes | None]:
    """Cut the XML document out of its SGML wrapper, if any.

    Returns the XML bytes, the number of source lines before them (so that line numbers point
    into the file the user has) and the SGML text before the document (None for bare XML).
    """
    start = data.find(b"<" + _ROOT.encode())
    header: bytes | None = None
    begin, end = 0, len(data)
    if start > 0:
        wrapper = data.rfind(b"<XML>", 0, start)
        if wrapper >= 0:
            begin = wrapper + len(b"<XML>")
            end = data.find(b"</XML>", start)
            if end < 0:
                end = len(data)  # truncated submission: the XML parser will say where it stops
            header = data[:wrapper]
        elif _SGML_MARK_RE.search(data, 0, start) is not None:
            # Some submissions put the document in <TEXT> without the <XML> tag.
            text = data.rfind(b"<TEXT>", 0, start)
            declaration = data.rfind(b"<?xml", max(text, 0), start)
            begin = declaration if declaration >= 0 else start
            close = data.find(b"</" + _ROOT.encode() + b">", start)
            if close >= 0:
                end = close + len(_ROOT) + 3
            header = data[:begin]
    # The XML declaration must be the very first thing the parser sees.
    while begin < end and data[begin] in b" \t\r\n":
        begin += 1
    return data[begin:end], _count_line_breaks(data, 0, begin), header


_SGML_MARK_RE = re.compile(rb"<(?:SEC-DOCUMENT|SEC-HEADER|SUBMISSION|DOCUMENT)>")


def _count_line_breaks(data: bytes, start: int, end: int) -> int:
    """Line breaks in ``data[start:end]`` as expat counts them: LF, CRLF and a lone CR (the
    ``.nc`` files EDGAR serves end their lines with a bare CR)."""
    if data.find(b"\r", start, end) < 0:
        return data.count(b"\n", start, end)  # (one CR is found at memchr's speed)
    crlf = data.count(b"\r\n", start, end)
    return data.count(b"\n", start, end) + data.count(b"\r", start, end) - crlf


class _NotUtf8(Exception):
    pass


def _build_tree(xml: bytes, path: str, line_offset: int, *, retry: bool = True) -> Element:
    """Parse with defusedxml's protections but with the C tree builder on expat's callbacks.

    ``DefusedXMLParser`` installs the expat handlers that refuse DTDs, entity declarations and
    external references. Its pure-Python element callbacks are then swapped for the C
    ``TreeBuilder`` methods: with no Python code run per element the parse costs about half.
    This is the reader of record: :func:`_fast_tree` is only ever a shortcut to the same tree.
    """
    if b"<!" not in xml or (b"<!DOCTYPE" not in xml and b"<!ENTITY" not in xml):
        # No DTD means no entity can be declared, so nothing can expand and nothing external
        # can be referenced: the C parser is then as safe as defusedxml's and runs entirely in
        # C. Anything it rejects is parsed again below, for the same diagnosis either way. (One
        # scan for "<!" settles it for files without comments or CDATA, nearly all of them.)
        fast = _CXMLParser()
        try:
            fast.feed(xml)
            return fast.close()
        except _XMLSyntaxError:
            pass
    builder = TreeBuilder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    expat_parser = parser.parser
    expat_parser.ordered_attributes = False
    expat_parser.StartElementHandler = builder.start
    expat_parser.EndElementHandler = builder.end
    try:
        parser.feed(xml)
        root: Element = parser.close()
        return root
    except _XMLSyntaxError as exc:
        line, column = exc.position
        if retry and exc.code == _INVALID_TOKEN and not _declares_encoding(xml):
            try:
                xml.decode("utf-8")
            except UnicodeDecodeError:
                raise _NotUtf8 from None
        what = expat.ErrorString(exc.code) or "not well-formed"
        raise ParseError(
            f"malformed XML: {what} (column {column + 1})", path, line + line_offset
        ) from None
    except DTDForbidden:
        raise ParseError(
            "XML has a document type declaration (DTD); refused because it can expand "
            "entities or fetch external files",
            path,
            expat_parser.CurrentLineNumber + line_offset,
        ) from None
    except (EntitiesForbidden, ExternalReferenceForbidden) as exc:
        raise ParseError(
            f"XML declares or references an entity ({type(exc).__name__}); refused",
            path,
            expat_parser.CurrentLineNumber + line_offset,
        ) from None


class _LinesDisagree(Exception):
    """The tables' rows are not the row start tags found in the text (one sits in a comment,
    or outside its table): the rows' lines come from the text after all (_row_lines)."""


class _NeedsBlanks(Exception):
    """The shortcut's tree was read where its dropped blanks could matter (text around the
    elements inside a footnote): the document is read again from expat's tree."""


_LIBXML2 = threading.local()
_validate_filing = Filing.__pydantic_validator__.validate_python
"""``Filing.model_validate`` without its Python wrapper (the same compiled validator)."""
_BUILT = True
"""Build the models from the walk's values (:func:`_built_filing`) rather than validate them;
tests turn it off to compare the two."""


def _built_filing(fields: dict[str, Any]) -> Filing:
    """The Filing pydantic's validation makes of ``fields``, built without checking again
    what the walk has checked (``parsers.built``): every value comes from a reader of this
    module (``_number``, ``_date``, ``_boolean``, the A/D and D/I codes, text) or is None, a
    row's kind and the document's names are literals of this module, the references are
    strings, the lines ints, the notes ``Note`` instances; the caller's path and hash were
    found to be strings. The Filing's own check, a doubt on each unsided amount, is run as
    validation runs it, after the fields."""
    fields["source"] = built(Source, fields["source"])
    fields["issuer"] = built(Issuer, fields["issuer"])
    fields["reporting_owners"] = [built(ReportingOwner, o) for o in fields["reporting_owners"]]
    fields["signatures"] = [built(Signature, s) for s in fields["signatures"]]
    fields["non_derivative"] = [built(NonDerivativeRow, r) for r in fields["non_derivative"]]
    fields["derivative"] = [built(DerivativeRow, r) for r in fields["derivative"]]
    filing = built(Filing, fields)
    filing.doubt_unsided_amounts()
    return filing


def _libxml2_parser() -> Any:
    """libxml2 configured to refuse what defusedxml refuses and to keep nothing the expat tree
    lacks: no DTD loaded, no entity resolved, no network, default size and depth limits; no
    comments or processing instructions (expat's tree has none); blank text between elements
    dropped (it carries nothing the reader uses, and skipping it is most of the saving).
    One per thread: a parser holds the state of the parse it is in."""
    parser = getattr(_LIBXML2, "parser", None)
    if parser is None:
        parser = _LIBXML2.parser = lxml_etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            remove_blank_text=True,
            collect_ids=False,
        )
    return parser


def _fast_tree(xml: bytes) -> Element | None:
    """The document's tree built by libxml2, in half expat's time, or None where that tree
    might not be the one expat builds: then the caller parses with :func:`_build_tree`, which
    also gives every refusal its message.

    Taken only where the two parsers agree: ASCII bytes (expat's and libxml2's rules for names
    differ outside ASCII), no encoding declared, no DTD or entity declaration (so nothing can
    expand or be fetched), and a parse libxml2 finished without a single error or warning (it
    recovers from some things expat refuses, and says so). A namespaced document goes the
    long way too, where its names are rewritten.
    """
    if lxml_etree is None or not xml.isascii() or _declares_encoding(xml):
        return None
    if b"!" in xml and (b"<!DOCTYPE" in xml or b"<!ENTITY" in xml):
        return None  # (one byte is found at memchr's speed; "<!" would cost a real search)
    parser = _libxml2_parser()
    try:
        root = lxml_etree.fromstring(xml, parser)
    except (lxml_etree.LxmlError, ValueError):
        return None
    if parser.error_log or root is None or "}" in root.tag:
        return None
    tree: Element = root
    return tree


_LIBXML2_LAST_LINE = 65534
"""libxml2 keeps an element's line in 16 bits: from line 65535 on it guesses the line from the
text nodes beside the element (the blank ones the shortcut drops among them), two or more
off. The tree's lines are taken only in a document with fewer lines than that."""
_ROW_TAG_END_RE = re.compile(rb"<(?:nonD|d)erivative(?:Transaction|Holding)([\s/>])")
_ROW_START_RE = re.compile(rb"<((?:nonD|d)erivative(?:Transaction|Holding))[\s/>]")
_ROW_NAMES = {tag.encode(): tag for tag in _ROW_TAGS}
_TABLES = frozenset({"nonDerivativeTable", "derivativeTable"})


def _row_lines(xml: bytes, root: Element, line_offset: int) -> dict[Element, int | None]:
    """Every table row, with the source line its start tag is on.

    Lines come from the bytes rather than from a per-element parser callback, which would cost
    more than the rest of this function. The start tags of rows in the text, in order, are the
    rows of the tables, unless a comment or CDATA section holds one too or a row sits outside
    its table; then the two lists disagree and the rows go without lines rather than with
    wrong ones. (Every row in a table has its start tag in the text, so the lists agree
    exactly when each kind of row is as many times in both.)
    """
    rows = [row for table in root if table.tag in _TABLES for row in table if row.tag in _ROW_TAGS]
    names: list[str] = []
    lines: list[int] = []
    with_cr = b"\r" in xml
    line, position = line_offset + 1, 0
    for match in _ROW_START_RE.finditer(xml):
        start = match.start()
        if with_cr:
            line += _count_line_breaks(xml, position, start)
        else:
            line += xml.count(b"\n", position, start)
        position = start
        names.append(_ROW_NAMES[match[1]])
        lines.append(line)
    if names != [row.tag for row in rows]:
        return dict.fromkeys(rows)
    return dict(zip(rows, lines, strict=True))


def _declares_encoding(xml: bytes) -> bool:
    return xml.startswith(b"<?xml") and b"encoding" in xml[: xml.find(b"?>")]


# --------------------------------------------------------------------------- tree -> Filing


def _first_children(element: Element) -> dict[str, Element]:
    """The first child of each name, what ``element.find(name)`` gives: one pass over the
    children instead of a search for each name (a search costs microseconds on libxml2's
    tree)."""
    first: dict[str, Element] = {}
    for child in element[:]:
        tag = child.tag
        if tag not in first:
            first[tag] = child
    return first


def _own_text(element: Element | None) -> str | None:
    """Text of a plain element, stripped; None when absent or empty."""
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


class _Reader:
    """Walks one parsed document; holds what every part of the walk needs to report notes."""

    __slots__ = (
        "path",
        "sha256",
        "row_lines",
        "line_offset",
        "notes",
        "xml",
        "blanks",
        "expected_rows",
        "recount",
        "table_rows",
    )

    def __init__(
        self,
        path: str,
        sha256: str,
        row_lines: dict[Element, int | None] | None,
        line_offset: int,
        notes: list[Note],
        xml: bytes = b"",
        blanks: bool = True,
        expected_rows: int = -1,
        recount: int = -1,
    ) -> None:
        self.xml = xml
        self.blanks = blanks
        """False for the shortcut's tree, which lacks blank text between elements."""
        self.expected_rows = expected_rows
        """With no ``row_lines``, the row start tags in the text, all on one line: the rows
        take libxml2's lines if the tables hold exactly these rows (else _LinesDisagree)."""
        self.recount = recount
        """The row limit where ``expected_rows`` was read from the names alone
        (_plain_row_tags): a table with another number of rows has the text searched for
        the start tags after all before the lines are given up; -1 otherwise."""
        self.table_rows = 0
        self.path = path
        self.sha256 = sha256
        self.row_lines = row_lines
        self.line_offset = line_offset
        self.notes = notes

    def read(self, reader: Reader, text: str | None, field: str, line: int | None = None) -> Any:
        if text is None:
            return None
        try:
            return reader(text)
        except ValueError as exc:
            self.notes.append(Note(line=line, field=field, message=f"{exc}; left empty"))
            return None

    def filing(self, root: Element, header: bytes | None) -> Filing:
        fields: dict[str, Any] = {}
        issuer: dict[str, Any] | None = None
        owners: list[dict[str, Any]] = []
        signatures: list[dict[str, Any]] = []
        non_derivative: list[dict[str, Any]] = []
        derivative: list[dict[str, Any]] = []
        footnotes: dict[str, str] = {}
        form_types: list[str | None] = []
        ignored: list[Element] = []
        seen: set[str] = set()

        for child in root[:]:
            tag = child.tag
            if tag in _SINGLE and tag in seen and tag != "documentType":
                # The schema allows one: a second one is never silently preferred.
                self.doubt(None, _SINGLE[tag], f"<{tag}> given twice; the first kept")
                if tag in _TABLES:
                    self.table_rows += sum(1 for row in child if row.tag in _ROW_TAGS)
                continue
            seen.add(tag)
            if tag == "documentType":
                form_types.append(self.plain(child, "form_type"))
            elif tag == "schemaVersion":
                fields["schema_version"] = _own_text(child)
            elif tag == "periodOfReport":
                fields["period_of_report"] = self.read(_date, _own_text(child), "period_of_report")
            elif tag == "dateOfOriginalSubmission":
                fields["date_of_original_submission"] = self.read(
                    _date, _own_text(child), "date_of_original_submission"
                )
            elif tag in _DOCUMENT_FLAGS:
                name = _DOCUMENT_FLAGS[tag]
                fields[name] = self.read(_boolean, _own_text(child), name)
            elif tag == "issuer":
                issuer = self.issuer(child)
            elif tag == "reportingOwner":
                owners.append(self.owner(child, len(owners)))
            elif tag == "nonDerivativeTable":
                self.table(child, _NON_DERIVATIVE, non_derivative)
            elif tag == "derivativeTable":
                self.table(child, _DERIVATIVE, derivative)
            elif tag == "footnotes":
                self.footnotes(child, footnotes)
            elif tag == "remarks":
                fields["remarks"] = self.read(_text, _own_text(child), "remarks")
            elif tag == "ownerSignature":
                parts = _first_children(child)
                signatures.append(
                    {
                        "name": self.read(
                            _text, _own_text(parts.get("signatureName")), "signatures.name"
                        ),
                        "date": self.read(
                            _date, _own_text(parts.get("signatureDate")), "signatures.date"
                        ),
                    }
                )
            else:
                ignored.append(child)

        if (
            self.expected_rows >= 0
            and self.table_rows != self.expected_rows
            and (self.recount < 0 or self.table_rows != _one_line_row_tags(self.xml, self.recount))
        ):
            raise _LinesDisagree
        form_type = self.form_type(form_types)
        for element in ignored:
            self.ignored(element)
        if issuer is None:
            raise ParseError(
                f"<{_ROOT}> has no <issuer>: the filing cannot be placed",
                self.path,
                self.line_offset + 1,
            )
        self.check_references(footnotes, non_derivative, derivative)
        if header is not None:
            self.sgml_header(header, fields)
        fields["form_type"] = form_type
        fields["source"] = {"path": self.path, "sha256": self.sha256, "format": "xml"}
        fields["issuer"] = issuer
        fields["reporting_owners"] = owners
        fields["signatures"] = signatures
        fields["non_derivative"] = non_derivative
        fields["derivative"] = derivative
        fields["footnotes"] = footnotes
        fields["notes"] = self.notes
        if _BUILT and type(self.path) is str and type(self.sha256) is str:
            return _built_filing(fields)
        # The caller's path or hash may be of another type: pydantic judges the whole filing.
        return _validate_filing(fields)  # type: ignore[no-any-return]

    def form_type(self, found: list[str | None]) -> str:
        """Forms 3, 4 and 5 and their amendments are read; anything else (a 13F-HR, a 144)
        is refused by name rather than read as if it were one of them."""
        where = self.line_offset + 1
        if not found or found[0] is None:
            raise ParseError(f"<{_ROOT}> has no documentType (form 3, 4 or 5)", self.path, where)
        if len(set(found)) > 1:
            shown = ", ".join(repr(f) for f in found)
            raise ParseError(f"documentType given {len(found)} times ({shown})", self.path, where)
        form = found[0]
        if form.upper() not in _FORMS:
            raise ParseError(
                f"documentType {form!r} is not a Form 3, 4 or 5 (or its amendment)",
                self.path,
                where,
            )
        return form

    def ignored(self, element: Element) -> None:
        """An element the document's schema does not have. One that looks like a part of
        the form in the wrong case (``<NonDerivativeTable>``), or that holds table rows or
        values, may have carried balances: a doubt on the tables. Anything else (a browser's
        ``<script>`` saved into the file) is noted and bears on nothing."""
        tag = element.tag
        part = _TOP_CASELESS.get(tag.lower())
        if part is None and any(
            e.tag.lower() in _ROW_LIKE for e in element.iter() if isinstance(e.tag, str)
        ):
            part = "tables"
        if part in ("reporting_owners", "issuer"):
            # Who or which issuer the filing is about cannot be read: it cannot be placed.
            raise ParseError(
                f"element <{tag}> is not <{_TOP_NAMES[part]}>: the filing cannot be placed",
                self.path,
                self.line_of(tag),
            )
        self.doubt(self.line_of(tag), part, f"unexpected element <{tag}> ignored")

    def issuer(self, element: Element) -> dict[str, Any]:
        """The issuer's CIK, name and ticker. The ticker (else the CIK) keys the issuer, so a
        missing one moves the filing to another stream: a doubt, never silent. A filing with
        neither cannot be placed."""
        values: dict[str, str | None] = {}
        for child in element[:]:
            name = _ISSUER.get(child.tag)
            if name is None:
                self.doubt(
                    self.line_of(child.tag), "issuer", f"unexpected <issuer/{child.tag}> ignored"
                )
            elif name in values:
                self.doubt(None, f"issuer.{name}", f"<{child.tag}> given twice; the first kept")
            else:
                # plain(), its field named only when it has a doubt to say
                values[name] = (
                    self.plain(child, f"issuer.{name}") if len(child) else _own_text(child)
                )
        cik = values.get("cik")
        if cik is not None and not _CIK_RE.fullmatch(cik):
            self.doubt(None, "issuer.cik", f"issuer CIK {cik!r} is not a CIK; left empty")
            cik = None
        if "ticker" not in values:
            self.doubt(
                self.line_of("issuer>"),
                "issuer.ticker",
                "no <issuerTradingSymbol>; the issuer is keyed by its CIK",
            )
        if "cik" not in values:
            self.doubt(self.line_of("issuer>"), "issuer.cik", "no <issuerCik>; left empty")
        ticker = values.get("ticker")
        if cik is None and ticker is None:
            raise ParseError(
                "<issuer> gives neither a CIK nor a trading symbol: the filing cannot be placed",
                self.path,
                self.line_offset + 1,
            )
        name = values.get("name")
        return {"cik": cik, "name": None if name is None else _text(name), "ticker": ticker}

    def owner(self, element: Element, index: int) -> dict[str, Any]:
        where = f"reporting_owners[{index}]"
        owner_id = relationship = None
        for child in element[:]:  # the first of each, as find() would (one pass is cheaper)
            tag = child.tag
            if tag == "reportingOwnerId":
                if owner_id is None:
                    owner_id = child
            elif tag == "reportingOwnerRelationship" and relationship is None:
                relationship = child
        values: dict[str, Any] = {}
        if owner_id is not None:
            for child in owner_id[:]:
                name = _OWNER_ID.get(child.tag)
                if name is None:
                    self.doubt(
                        self.line_of("reportingOwnerId", index),
                        where,
                        f"unexpected <reportingOwnerId/{child.tag}> ignored",
                    )
                elif name in values:
                    self.doubt(None, f"{where}.{name}", f"<{child.tag}> given twice; first kept")
                else:
                    values[name] = (
                        self.plain(child, f"{where}.{name}") if len(child) else _own_text(child)
                    )
            values.pop("ccc", None)
            if values.get("name") is not None:
                values["name"] = _text(values["name"])
            cik = values.get("cik")
            if cik is not None and not _CIK_RE.fullmatch(cik):
                self.doubt(None, f"{where}.cik", f"owner CIK {cik!r} is not a CIK; left empty")
                values["cik"] = None
        if not values.get("cik"):
            # The CIK keys the person: without it the owner is keyed by name, another stream.
            self.doubt(
                self.line_of("reportingOwner>", index),
                f"{where}.cik",
                "no <rptOwnerCik>; the owner is keyed by name",
            )
        if relationship is not None:
            # The relationship boxes are checkboxes: a box the filer left out is unchecked.
            boxes = _first_children(relationship)
            for tag, name in _RELATIONSHIP_FLAGS.items():
                text = _own_text(boxes.get(tag))
                if text is None:
                    values[name] = False
                elif (flag := _BOOLEANS.get(text.lower())) is not None:
                    values[name] = flag
                else:
                    values[name] = self.read(_boolean, text, f"{where}.{name}")
            for tag, name in (("officerTitle", "officer_title"), ("otherText", "other_text")):
                text = _own_text(boxes.get(tag))
                values[name] = None if text is None else _text(text)
        return values

    def table(
        self,
        element: Element,
        kind: tuple[str, str, str, dict[str, tuple[str, Reader]]],
        rows: list[dict[str, Any]],
    ) -> None:
        name, transaction, holding, layout = kind
        for row in element[:]:
            row_tag = row.tag
            if row_tag in (transaction, holding):
                self.table_rows += 1
                if self.row_lines is None:
                    line: int | None = self.line_offset + row.sourceline  # type: ignore[attr-defined]
                else:
                    line = self.row_lines.get(row)
                index = f"{name}[{len(rows)}]"
                rows.append(self.row(row, layout, index, line, row_tag == transaction))
            else:
                if row_tag in _ROW_TAGS:
                    self.table_rows += 1
                self.doubt(None, "tables", f"unexpected <{element.tag}/{row_tag}> ignored")

    def row(
        self,
        element: Element,
        layout: dict[str, tuple[str, Reader]],
        where: str,
        line: int | None,
        is_transaction: bool,
    ) -> dict[str, Any]:
        """The values of one table row, keyed by contract field, ready for the row model.

        Each cell is ``<x><value>…</value><footnoteId id=…/></x>``, directly in the row or one
        group down. A value given only as a footnote leaves the field None and the footnote
        recorded against it. This loop runs for every cell of every filing, hence one flat
        function rather than a helper per cell, and each element's name read once (on the
        shortcut's tree every access to an element builds a Python object for it).
        """
        values: dict[str, Any] = {
            "kind": "transaction" if is_transaction else "holding",
            "line": line,
        }
        # One pass over the row. Its notes and footnote references about cells are kept
        # apart and put after the others, the order a reading of the row's parts first and
        # its cells second gives (the cells' fields and the parts' names never coincide).
        refs_by_field: dict[str, list[str]] = {}
        cell_refs: dict[str, list[str]] = {}
        cell_notes: list[Note] = []
        done: dict[str, Any] = {}  # field -> value read (None: empty), or _UNREAD
        for child in element[:]:
            tag = child.tag
            if tag in _GROUPS:
                group: str | None = tag
                members: Any = child[:]
            else:
                group = None
                members = (child,)
            for cell in members:
                if group is not None:
                    tag = cell.tag
                spec = layout.get(tag)
                if spec is None:
                    if group is not None:
                        if tag == "footnoteId":
                            self.reference(cell, _GROUPS[group], refs_by_field)
                        else:
                            self.unexpected(f"{group}/{tag}", where, line)
                    elif tag == "transactionCoding":
                        self.coding(cell, values, refs_by_field, where, line)
                    elif tag == "footnoteId":
                        self.reference(cell, "row", refs_by_field)
                    else:
                        self.unexpected(tag, where, line)
                    continue
                name, reader = spec
                value = None
                # The shape nearly every cell has, <x><value>text</value></x> with only blanks
                # around the value, is read here; any other shape is judged by cell_text.
                # The shapes nearly every cell has, <x><value>text</value></x> and the same
                # with one <footnoteId/> after the value or a <footnoteId/> alone, with only
                # blanks around, are read here; any other shape is judged by cell_text.
                size = len(cell)
                problem = None
                if size == 0:
                    # A few filers leave out the <value> wrapper (or the cell is empty).
                    text = cell.text
                    if text is not None:
                        text = text.strip() or None
                elif size > 2 or ((own := cell.text) and not own.isspace()):
                    text, problem = self.cell_text(cell, name, cell_refs)
                elif (first := (part := cell[0]).tag) == "value" and not len(part):
                    if (tail := part.tail) and not tail.isspace():
                        text, problem = self.cell_text(cell, name, cell_refs)
                    elif size == 1:
                        text = part.text
                        if text is not None:
                            text = text.strip() or None
                    elif (note := cell[1]).tag == "footnoteId" and (
                        not (tail := note.tail) or tail.isspace()
                    ):
                        self.reference(note, name, cell_refs)
                        text = part.text
                        if text is not None:
                            text = text.strip() or None
                    else:
                        text, problem = self.cell_text(cell, name, cell_refs)
                elif (
                    size == 1
                    and first == "footnoteId"
                    and (not (tail := part.tail) or tail.isspace())
                ):
                    self.reference(part, name, cell_refs)  # the value only in a footnote
                    text = None
                else:
                    text, problem = self.cell_text(cell, name, cell_refs)
                if problem is not None:
                    value = _UNREAD
                    cell_notes.append(
                        Note(line=line, field=f"{where}.{name}", message=f"{problem}; left empty")
                    )
                elif text is not None:
                    try:
                        value = reader(text)
                    except ValueError as exc:
                        value = _UNREAD
                        cell_notes.append(
                            Note(line=line, field=f"{where}.{name}", message=f"{exc}; left empty")
                        )
                if name in done:
                    self.repeated(tag, name, value, done, values, cell_notes, where, line)
                    continue
                done[name] = value
                if value is not None and value is not _UNREAD:
                    values[name] = value
        if cell_notes:
            self.notes.extend(cell_notes)
        if cell_refs:
            refs_by_field.update(cell_refs)

        if is_transaction:
            # The paper form's "V" column: a transaction reported earlier than required. The
            # XML says so with transactionTimeliness "E" (early); "L" marks a late one.
            values["voluntary"] = values.get("transaction_timeliness") == "E"
        if refs_by_field:
            values["footnotes"] = refs_by_field
        return values

    @staticmethod
    def repeated(
        tag: str,
        name: str,
        value: Any,
        done: dict[str, Any],
        values: dict[str, Any],
        notes: list[Note],
        where: str,
        line: int | None,
    ) -> None:
        """A cell given a second time: the schema allows each once, and a second one is never
        silently preferred. The same value twice is read once (a repair); two values, or one
        that cannot be read, leave the field empty."""
        field = f"{where}.{name}"
        first = done[name]
        if value is not _UNREAD and first is not _UNREAD:
            if value == first:
                message = f"<{tag}> given twice with the same value; read once"
                notes.append(Note(line=line, field=field, kind="repair", message=message))
                return
            message = f"<{tag}> given twice ({first} and {value}); left empty"
            notes.append(Note(line=line, field=field, message=message))
        done[name] = _UNREAD
        values[name] = None

    def doubt(self, line: int | None, field: str | None, message: str) -> None:
        self.notes.append(Note(line=line, field=field, message=message))

    def line_of(self, tag: str, nth: int = 0) -> int | None:
        """The source line of the ``nth`` start tag ``tag`` (for a note outside the tables;
        searched only when there is a note to place, so it costs nothing otherwise)."""
        found = -1
        for _ in range(nth + 1):
            found = self.xml.find(b"<" + tag.encode(), found + 1)
            if found < 0:
                return None
        return self.line_offset + 1 + _count_line_breaks(self.xml, 0, found)

    def cell_text(
        self, cell: Element, name: str, refs_by_field: dict[str, list[str]]
    ) -> tuple[str | None, str | None]:
        """The text of a cell's one ``<value>`` (None when empty), or why it cannot be read.

        Strict, because every leniency here was a silent choice: a second ``<value>``, an
        element inside the value (``<value>55<b/>361</value>`` is not 55), text beside it, or
        a child the schema does not know (``<Value>``) leave the field empty with a doubt.
        """
        found: list[Element] = []
        for part in cell[:]:
            tag = part.tag
            if tag == "value":
                found.append(part)
            elif tag == "footnoteId":
                self.reference(part, name, refs_by_field)
            else:
                return None, f"unexpected <{tag}> inside <{cell.tag}>"
            if part.tail is not None and part.tail.strip():
                return None, f"text {part.tail.strip()[:20]!r} outside <value> in <{cell.tag}>"
        own = cell.text.strip() if cell.text is not None else ""
        if len(found) > 1:
            return None, f"<{cell.tag}> has {len(found)} <value> elements"
        if found:
            value = found[0]
            if len(value):
                return None, f"<value> of <{cell.tag}> holds an element <{value[0].tag}>"
            if own:
                return None, f"text {own[:20]!r} outside <value> in <{cell.tag}>"
            return (value.text.strip() if value.text else "") or None, None
        if own and len(cell):
            return None, f"text {own[:20]!r} beside footnotes but no <value> in <{cell.tag}>"
        return own or None, None  # a few filers leave out the <value> wrapper

    def plain(self, element: Element, field: str, line: int | None = None) -> str | None:
        """The text of an element that holds only text (a code, a CIK): an element inside it
        leaves it empty with a doubt rather than read in part."""
        if len(element):
            self.doubt(
                line, field, f"<{element.tag}> holds an element <{element[0].tag}>; left empty"
            )
            return None
        return _own_text(element)

    @staticmethod
    def reference(element: Element, name: str, refs_by_field: dict[str, list[str]]) -> None:
        ref = element.get("id")
        if ref and (ref := ref.strip()):
            refs = refs_by_field.get(name)
            if refs is None:
                refs_by_field[name] = [ref]
            else:
                refs.append(ref)

    def unexpected(self, tag: str, where: str, line: int | None) -> None:
        """An element the row's schema does not have: a doubt on the row (it may have held a
        value, as ``<TransactionShares>`` does), on the field when only the case differs."""
        name = _CASELESS.get(tag.rpartition("/")[2].lower())
        if name is not None:
            self.doubt(line, f"{where}.{name}", f"element <{tag}> in the wrong case; ignored")
        else:
            self.doubt(line, where, f"unexpected <{tag}> ignored")

    def coding(
        self,
        element: Element,
        values: dict[str, Any],
        refs_by_field: dict[str, list[str]],
        where: str,
        line: int | None,
    ) -> None:
        for child in element[:]:
            tag = child.tag
            name = _CODING.get(tag)
            if name is None:
                if tag == "footnoteId":
                    self.reference(child, "code", refs_by_field)
                else:
                    self.unexpected(f"transactionCoding/{tag}", where, line)
            elif name in values:
                self.doubt(line, f"{where}.{name}", f"<{tag}> given twice; left empty")
                values[name] = None
            elif len(child):
                self.plain(child, f"{where}.{name}", line)  # the doubt; the value stays empty
                values[name] = None
            else:
                text = child.text
                text = text.strip() or None if text is not None else None
                if text is None or name == "transaction_form_type":
                    values[name] = text
                elif name == "code":
                    values[name] = _code(text)
                else:
                    flag = _BOOLEANS.get(text.lower())
                    values[name] = (
                        flag
                        if flag is not None
                        else self.read(_boolean, text, f"{where}.{name}", line)
                    )

    def footnotes(self, element: Element, footnotes: dict[str, str]) -> None:
        for note in element[:]:
            if note.tag != "footnote":
                continue
            ref = (note.get("id") or "").strip()
            if len(note) == 0:
                raw = note.text or ""
            elif not self.blanks:
                raise _NeedsBlanks  # "a<b>x</b> <b>y</b>": the blank between is part of it
            else:
                raw = "".join(note.itertext())
            text = _text(raw)
            if not ref:
                self.notes.append(Note(field="footnotes", message="footnote without an id ignored"))
            elif not text:
                self.notes.append(Note(field="footnotes", message=f"footnote {ref} is empty"))
            else:
                if ref in footnotes:
                    self.notes.append(
                        Note(field="footnotes", message=f"footnote {ref} given twice; last kept")
                    )
                footnotes[ref] = text

    def check_references(
        self,
        footnotes: dict[str, str],
        non_derivative: list[dict[str, Any]],
        derivative: list[dict[str, Any]],
    ) -> None:
        """A reference to a footnote the filing does not contain is worth saying out loud: the
        fact it stood for (a 10b5-1 plan, a price range) is missing."""
        for table, rows in (("non_derivative", non_derivative), ("derivative", derivative)):
            for index, row in enumerate(rows):
                for name, refs in row.get("footnotes", {}).items():
                    for ref in refs:
                        if ref not in footnotes:
                            self.notes.append(
                                Note(
                                    line=row["line"],
                                    field=f"{table}[{index}].{name}",
                                    message=f"refers to footnote {ref}, which the filing lacks",
                                )
                            )

    def sgml_header(self, header: bytes, fields: dict[str, Any]) -> None:
        match = _ACCESSION_RE.search(header)
        if match:
            fields["accession_number"] = match[1].decode("ascii")
        match = _FILED_RE.search(header)
        if match:
            raw = match[1].decode("ascii")
            try:
                fields["filed_date"] = dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
            except ValueError:
                self.notes.append(
                    Note(field="filed_date", message=f"SGML header date {raw!r} is not a date")
                )
        match = _ACCEPTED_RE.search(header)
        if match:
            fields["accepted_at"] = match[1].decode("ascii")


_DOCUMENT_FLAGS = {
    "aff10b5One": "aff10b5_one",
    "notSubjectToSection16": "not_subject_to_section16",
    "noSecuritiesOwned": "no_securities_owned",
    "form3HoldingsReported": "form3_holdings_reported",
    "form4TransactionsReported": "form4_transactions_reported",
}
_RELATIONSHIP_FLAGS = {
    "isDirector": "is_director",
    "isOfficer": "is_officer",
    "isTenPercentOwner": "is_ten_percent_owner",
    "isOther": "is_other",
}
_FORMS = frozenset({"3", "4", "5", "3/A", "4/A", "5/A"})
_CIK_RE = re.compile(r"\d{1,10}", re.ASCII)
_ISSUER = {
    "issuerCik": "cik",
    "issuerName": "name",
    "issuerTradingSymbol": "ticker",
    "issuerForeignTradingSymbol": "foreign_ticker",  # schema X0609 on; not part of the key
}
_OWNER_ID = {"rptOwnerCik": "cik", "rptOwnerCcc": "ccc", "rptOwnerName": "name"}
_CODING = {
    "transactionCode": "code",
    "equitySwapInvolved": "equity_swap_involved",
    "transactionFormType": "transaction_form_type",
}
_SINGLE = {
    "documentType": "form_type",
    "schemaVersion": "schema_version",
    "periodOfReport": "period_of_report",
    "dateOfOriginalSubmission": "date_of_original_submission",
    "issuer": "issuer",
    "nonDerivativeTable": "tables",
    "derivativeTable": "tables",
    "footnotes": "footnotes",
    "remarks": "remarks",
    **{tag: name for tag, name in _DOCUMENT_FLAGS.items()},
}
"""Top-level elements the schema allows once, with the field a repeat is noted on."""
_TOP_CASELESS = {
    "issuer": "issuer",
    "reportingowner": "reporting_owners",
    "nonderivativetable": "tables",
    "derivativetable": "tables",
}
_TOP_NAMES = {"reporting_owners": "reportingOwner", "issuer": "issuer"}
_ROW_LIKE = frozenset(tag.lower() for tag in (*_ROW_TAGS, *_TABLES, "value"))

_CASELESS = {tag.lower(): name for tag, (name, _reader) in _DERIVATIVE_FIELDS.items()} | {
    "transactioncode": "code",
    "equityswapinvolved": "equity_swap_involved",
}
"""Cell names without case: an element in the wrong case names the field it would have set."""
