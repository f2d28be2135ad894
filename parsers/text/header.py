"""The boxes above Table I: reporting person, issuer, dates, relationship, plan checkboxes.

A box's label and its value are stacked vertically on the printed form. Renderings keep that
stacking in different ways -- one cell with ``<br>`` breaks, the same cell index in consecutive
pipe rows, the same character column in layout text -- so the header is re-read column by column
("streams"), and each field is looked for right after its label within its own column.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from parsers.known_names import SHORT_FORMS, STATE_TAG, KnownNames, words_at
from parsers.text.cells import (
    BLANK,
    CHECKED,
    CLEANED_LINES,
    EMPTY,
    MARK,
    PIPE,
    PLAIN,
    SEP,
    SPACE,
    TABLED,
    UNCHECKED,
    Row,
    clean,
)
from parsers.text.debris import HAS_WORD
from parsers.text.ocr import fix_confusables
from parsers.text.patterns import caseless
from parsers.text.printed import stands_whole
from parsers.text.tokens import parse_date
from parsers.text.word_breaks import CUT, Words, join_bold, mend_boxes

_YEAR_CUT = re.compile(r"(?P<date>\d{1,2}/\d{1,2}/(?:19|20))[ \t|]+(?P<rest>\d{2})(?![\d/.,])")
"""A date printed with four digits for its year (every box's date is), cut after the
century by a cell border: the rest of the year follows in the next cell (``03/08/20 23``)."""
_OCR_DATE = re.compile(r"(?<![\w/])([\dOolI]{1,2}/[\dOolI]{1,2}/[\dOolI]{2,4})(?![\w/])")
_DATE_IN_TEXT = re.compile(
    r"(?<![\d/])(\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2},? \d{4})(?![\d/])"
)
# the label's superscript ``*`` comes back from OCR as a quote mark, a degree or a trade mark
_OWNER_LABEL = caseless(
    r"Name\s+and\s+Address\s+of\s+Reporting\s+Person"
    r"(?:\s*[*\u201c\u201d\u2019\u00b0\u2122\"'])*"
)
_TRAILING_CRUMB = re.compile(r"\s+[^\w\s]+$")
_RULE_DEBRIS = re.compile(r"^(?:[^\W\dA-Z_]|[^\w\s]+)(?:\s+(?:[^\W\dA-Z_]|[^\w\s]+))*$")
"""An OCR'd line of box rules: lone lower-case letters and punctuation, no word of a name."""
_TEN_PCT_PIECE = re.compile(r"(?:[xX\u2612\u2610]\s*)?10\s*%\s*O(?:w(?:n(?:er?)?)?)?")
"""Box 5's ``10% Owner`` torn (``10% O``) on a line of its own under box 1's name."""
_NAME_STOP = caseless(
    r"\((?:Last|First|Middle|Street)\)",
    r"\b2\.\s*Issuer",
    r"\b3\.\s*Date",
    r"\bC/O\b",
    r"\b2\.\s*Date\s+of\s+Event",  # Form 3's boxes 2 and 3
    r"\b3\.\s*Issuer",
    # box 3's label a scan read at the margin, its number lost, between the name and its
    # captions (``. Date of Earliest Transaction (Month/Day``): the crumbs before it are left
    r"Date\s+of\s+Earliest\s+Transaction",
)
# Box 5's first and second rows of check boxes, which a plain-text converter puts on the line
# of box 1's name or on a line of their own between the name and its "(Last)" caption.
_BOX5_ROW = re.compile(
    r"(?:(?:[xX\u2612\u2610]\s*)?Director\s+(?:[xX\u2612\u2610]\s*)?10\s*%\s*Owner"
    r"|(?:[xX\u2612\u2610]\s*)?Officer\s*\(give\s+title\s+below\)\s*"
    r"(?:[xX\u2612\u2610]\s*)?Other\s*\(specify\s+below\))\s*$",
    re.M,
)
# Form 3's box 2 (a date) between box 1's name and box 3's issuer on one run-together line
_NAME_DATE_ISSUER = re.compile(
    r"^(?P<owner>.*?\S)\s+(?P<date>\d{1,2}/\d{1,2}/\d{4})\s+(?P<issuer>\S.*)$"
)
_CUT_OWNER_LABEL = re.compile(r"^1\.\s*Name\b[^\n]*$", re.M | re.I)
_ISSUER_LABEL = caseless(r"Issuer\s+Name")
# box 5's caption beside a further owner's box 1 (layout text of a joint filing): no name
_OTHER_CAPTIONS = caseless(
    r"\b5\.\s*Relationship\s+of\s+Reporting\s+Person\(s\)\s+to\s+Issuer",
    r"Relationship\s+of\s+Reporting\s+Person\(s\)\s+to\s+Issuer",
    r"\(\s*Check\s+all\s+applicable\s*\)",
)
_BAD_TICKER = re.compile("[\\n\\[" + MARK + "]")
_ISSUER_PREFIX = re.compile(r"^.*?Trading\s+Symbol\s*", re.I | re.S)
_PERIOD_LABEL = caseless(
    r"Date\s+of\s+Earliest\s+Transaction",
    r"Date\s+of\s+Event\s+Requiring\s+Statement",
    r"Statement\s+for\s+Issuer.?s\s+Fiscal\s+Year\s+Ended",
)
_CITY_CAPTIONS = caseless(r"\(City\)", r"\(State\)", r"\(Zip\)")
"""Box 1's last captions: below them the header holds boxes 4 and 6, never box 3's date."""
_LABEL_KEYS = {  # cheap substring tests before the label's regex
    "period_of_report": ("arliest", "ARLIEST", "equiring", "EQUIRING", "iscal", "ISCAL"),
    "date_of_original_submission": ("riginal", "RIGINAL"),
}
_AMEND_LABEL = caseless(r"Date\s+(?:of\s+)?Original\s+Filed")
_AMEND_FIRST_WORDS = ("If Amendment", "IF AMENDMENT")
_NEXT_BOX = caseless(
    *(rf"\b{n}\.\s+[A-Z]" for n in "1234567"), r"ividual\s+or\s+Joint", r"Relationship\s+of"
)
_REL_LABEL = caseless(
    r"Relationship\s+of\s+Reporting\s+Person",
    r"Relationship\s+of\s+Rep",
    r"\b5\.\s*Relationship(?!\s+of\s+Rep)",
    r"\b4\.\s*Relationship(?!\s+of\s+Rep)",
)
"""Box 5's caption (a Form 3's box 4), or what a cell border left of it (``5. Relationship of
Reporting P``, ``5. Relationship``)."""
_REL_END = caseless(
    r"ividual\s+or\s+Joint",
    r"\b6\.\s+\w",
    *(rf"\b{n}\.\s+[A-Z][a-z]" for n in "1234"),
    r"Form\s+filed\s+by",
)
_CHECK_BEFORE = re.compile(r"(?:☒|\(\s*[xX]\s*\)|(?<![A-Za-z0-9])[xX])\s*$")
_TICK_BEFORE = re.compile(r"(?:☒|\([ \t]*[xX][ \t]*\)|(?<![A-Za-z0-9])[xX]_?)[ \t]*\Z")
"""The tick before a label on its own line (searched up to the label: ``\\Z`` is its start)."""
_DIRECTOR = caseless(r"\bDirect(?:or)?(?![^\W_])")
_TEN_PCT = caseless(r"\b10\s*%\s*O(?:w(?:n(?:er?)?)?)?(?![^\W_])")
"""Both may be torn at the line's end in a scan (``X Direct``, ``X 10% O``)."""
_OFFICER = caseless(r"Officer(?=\s*\(\s*give)", r"Officer(?=\s*\()")
"""The label, or its word before a parenthesis a scan garbled; never a written title's
``Chief Financial Officer``."""
_OTHER = caseless(r"Other(?=\s*\(\s*specify)", r"\bOther(?=\s*\()")
_REL_BOXES = (
    ("is_director", _DIRECTOR),
    ("is_ten_percent_owner", _TEN_PCT),
    ("is_officer", _OFFICER),
    ("is_other", _OTHER),
)
_BOX1_CAPTION_TEXT = r"\(\s*(?:Street|City|State|Zip|Last|First|Middle)\s*\)"
"""Box 1's captions under its name and address lines (``(Last)``, ``(Street)``, ...)."""
_BOX1_CAPTION = re.compile(_BOX1_CAPTION_TEXT + r"|^\s*Street\s*$", re.I | re.M)
_TITLE_STOP = caseless(
    _BOX1_CAPTION_TEXT,
    r"Explanation\s+of\s+Responses",
    r"Relationship\s+of\s+Reporting",
)
_TITLE_STOP_LINE = re.compile(r"\n[ \t]*(?:[Ss][Tt][Rr][Ee][Ee][Tt][ \t]*(?=\n|\Z)|#)")
"""Where the written title's lines end: box 1's captions (a scan's ``Street`` without its
brackets on a line of its own), the explanation below the boxes, a further owner's box 5, a
markdown heading. Two patterns, each opening on literal text, so that the scan skips to those
characters (one case-blind pattern with line anchors tried every position: 17 us a box)."""


def _lone_paragraphs(rows: list[Row]) -> frozenset[str]:
    """The plain lines with a blank line right above and below: :attr:`Header.blocks`."""
    return frozenset(
        " ".join(r.text.split())
        for above, r, below in zip(rows, rows[1:], rows[2:], strict=False)
        if r.shape == PLAIN and above.shape == BLANK and below.shape == BLANK and r.text.strip()
    )


_FORM_FURNITURE = frozenset(
    {"estimated", "burden", "hours", "response", "approval", "omb", "expires", "washington"}
    | {"commission", "instruction", "pursuant", "filed", "check", "applicable", "amendment"}
)
"""Words of the form's own printed text around the boxes, which no officer's title holds."""
_ONE_WORD_TITLE = re.compile(
    r"[A-Z]{2,4}|(?i:President|Chairman|Chairwoman|Chairperson|Chair|Treasurer|Secretary"
    r"|Controller|Comptroller|Founder|Co-Founder)"
)
"""A title of one word: an officer's initials (``CEO``, ``CFO``) or an office's name."""


def _block_of_its_own(head: Header, rest: str, stop: int) -> bool:
    """The title's words one paragraph of their own, between blank lines, and box 1's caption
    that ends them a paragraph of its own too (markitdown prints each text block of the page
    so, in the order drawn: ``Other (specify below)`` / ``General Counsel & Secretary`` /
    ``(Middle)``). A block holds one box's words, so that paragraph is box 5's title whole,
    though box 1's captions follow it; lines side by side (``HARBOR STREET Chief People
    Officer`` / ``(Street)``) have no blank line between them and stay unsure."""
    lines = [ln.strip() for ln in rest[:stop].split("\n") if ln.strip()]
    if len(lines) != 1 or " ".join(lines[0].split()) not in head.blocks:
        return False
    title = " ".join(lines[0].split())
    if not _whole_title(title) or not _title_fits(title) or _NOT_A_TITLE.search(title):
        return False  # box 5's own label, drawn after the one read last (``Director``), ...
    if re.search(r"\d|\(", title) or _CAPTION_ALONE.fullmatch(title):
        return False  # (an address's number, a caption: another box's words)
    words = _SIG_WORD.findall(title)
    issuer = {w.casefold() for w in _SIG_WORD.findall(head.issuer_name or "") if len(w) > 3}
    if "c/o" in title.casefold() or issuer & {w.casefold() for w in words}:
        return False  # (``C/O ALDERWOOD SYSTEMS, INC.``: box 1's address, box 2's name)
    if len(words) == 1 and not _ONE_WORD_TITLE.fullmatch(words[0]):
        return False  # (``Marie``, ``AVENUE``: a name's or a street's word drawn apart)
    owner = {w.casefold() for w in _SIG_WORD.findall(head.owner_name or "")}
    folded = {w.casefold() for w in words}
    if folded <= owner or folded & _FORM_FURNITURE:
        return False  # (box 1's name, the form's own words: ``Estimated average burden``)
    end = rest.find("\n", stop)
    caption = " ".join(rest[stop : end if end >= 0 else len(rest)].split())
    return caption in head.blocks and _CAPTION_ALONE.fullmatch(caption) is not None


def _title_stop(rest: str) -> tuple[int, bool] | None:
    """Where the title's lines end in ``rest``, and whether box 1's caption ends them."""
    words = _TITLE_STOP.search(rest)
    line = _TITLE_STOP_LINE.search("\n" + rest)
    stops = []
    if words:
        stops.append((words.start(), words.group()[:1] == "("))
    if line:
        at = line.start()  # (in ``rest``: the newline put before it shifts by one)
        stops.append((at, line.group().strip()[:1] != "#"))
    return min(stops) if stops else None


_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
_BOX5_WORDS = re.compile(
    r"^\s*\(s\)\s*to\s+Issuer|\bOfficer\s*\(\s*give(?:\s+title)?(?:\s+below)?\s*\)?|\(\s*Check\s+all\s+applicable\s*\)|\bDirect(?:or)?\b|\b10\s*%\s*O(?:w(?:n(?:er?)?)?)?\b",
    re.I,
)
_SPECIFY = re.compile(r"\(\s*specify\s+below", re.I)
"""Other's label's words after its name: where they stand and the name does not, a cell border
tore the label."""
_OTHER_PIECE = re.compile(r"^[ \t]*(?:X[ \t]+)?Othe?[ \t]*$", re.M)
"""``Othe`` alone on a line: Other's label cut by a cell border (``r (specify below)`` in the
next cell)."""
_LABEL_DEBRIS = re.compile(
    r"(?:\s|[☐☒]|\(?\s*specify\b|\(?\s*give\s+title\b|\btitle\b|\bbelow\s*\)?|\)|:)*", re.I
)
_FORM_LINE = re.compile(r"^\W*FORM\s+([345])(\s*/\s*A)?\b", re.I)
_TITLE_5 = caseless(r"ANNUAL\s+STATEMENT\s+OF\s+(?:CHANGES\s+IN\s+)?BENEFICIAL")
_TITLE_3 = caseless(r"INITIAL\s+STATEMENT\s+OF\s+BENEFICIAL")
_TITLE_4 = caseless(r"STATEMENT\s+OF\s+CHANGES\s+IN\s+BENEFICIAL")
_PLAN_BOX = caseless(
    r"10b5-1", r"affirmative\s+defense", r"to\s+indicate\s+that\s+a\s+transaction\s+was\s+made"
)
_SECTION16_BOX = caseless(r"no\s+longer\s+subject\s+to\s+Section\s+16")
_BOX_CHECKED = re.compile(
    r"(?:☒|\[\s*[xX]\s*\]|x(?<![A-Za-z]x)(?![A-Za-z])|X(?<![A-Za-z]X)(?![A-Za-z]))"
    r"\s*Check\s+this\s+box"
)
"""A tick before "Check this box": ``☒``, ``[X]`` or an X standing alone. Every branch opens on
a literal character (the lone X's lookbehind after it: the same matches as ``(?<![A-Za-z])[xX]``),
so the scan skips to those characters instead of trying every position (6x faster)."""
_JOINT = caseless(r"Form\s+filed\s+by\s+More\s+than\s+One")
_SIGNATURE_LABEL = caseless(r"Signature\s+of\s+(?:the\s+)?Reporting\s+Person")
_NUMBERED_LABEL = re.compile(r"^[1-7]\.\s")
_TICKER_CELL = re.compile(r"\[\s?[A-Z][A-Z0-9.\-]{0,9}\s?\]\s*$")
"""A cell ending on a ticker in brackets: box 2's issuer line (``Wave Life Sciences Ltd. [ VCNX
]``)."""
_ODD_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
"""The only characters a case-blind pattern matches to an ASCII letter, besides its two cases
(dotted and dotless I, long S, Kelvin sign)."""


def _may_match(text: str, words: tuple[str, ...]) -> bool:
    """Whether a case-blind pattern each match of which holds one of ``words`` (lower-case
    ASCII) can match ``text``: a substring test that spares the pattern's scan of most lines."""
    if not text.isascii() and _ODD_FOLDS.search(text):
        return True
    low = text.lower()
    for word in words:  # noqa: SIM110 -- a loop, not any(): called for most header lines
        if word in low:
            return True
    return False


@dataclass(slots=True)
class Header:
    owner_name: str | None = None
    issuer_name: str | None = None
    ticker: str | None = None
    period: dt.date | None = None
    original_filed: dt.date | None = None
    is_director: bool | None = None
    is_officer: bool | None = None
    is_ten_percent_owner: bool | None = None
    is_other: bool | None = None
    officer_title: str | None = None
    other_text: str | None = None
    role_text: str | None = None
    """What box 5 says under "Officer"/"Other", before the ticks say whose it is."""
    aff10b5_one: bool | None = None
    not_subject_to_section16: bool | None = None
    form_type: str | None = None
    run_together: str | None = None
    """Box 1's name and box 2's issuer read as one run of words (see :func:`split_by_signature`)."""
    joint: bool = False
    """Box 6 ticks "Form filed by More than One Reporting Person"."""
    columned: bool = False
    """The header's lines keep their columns apart by spaces (a layout text, a scan): words
    of one line that stand apart are the cells of boxes side by side, read apart already."""
    blocks: frozenset[str] = frozenset()
    """Lines that stand as paragraphs of their own, a blank line above and below (markitdown
    prints each text block of the page so): one box's words whole (:func:`_block_of_its_own`)."""
    amended: bool = False
    """The title box prints ``FORM 4/A`` (asked only where box 4's date was not read)."""
    repaired: bool = False
    notes: list[tuple[str | None, str, str]] = field(default_factory=list)
    """(text to find the source line by, field, message) for header values read with doubt."""


def form_type_of(rows: list[Row]) -> str | None:
    """``4``, ``3`` or ``5`` from the printed title; an explicit ``FORM n`` line as fallback."""
    explicit: str | None = None
    for row in rows[:80]:
        text = row.text
        if not text:
            continue
        if _may_match(text, ("statement",)):  # a word of each title
            if _TITLE_5.search(text):
                return "5"
            if _TITLE_3.search(text):
                return "3"
            if _TITLE_4.search(text):
                return explicit or "4"
        m = _FORM_LINE.match(clean(text))
        if m and explicit is None:
            explicit = m.group(1)
    return explicit


_AMENDED_FORM = re.compile(r"[Ff](?<![^\W_][Ff])(?i:ORM\s+[345]\s*/\s*A(?![^\W_]))")
r"""``FORM 4/A`` as a word of its own, any case: ``(?<![^\W_])FORM...`` with ``re.I``, the
same matches, but opening on a literal letter lets the scan skip to each ``F`` (a lookbehind
first made it try every position of each line above Table I, 4x slower)."""


def printed_amendment(rows: list[Row]) -> bool:
    """The title box prints ``FORM 4/A`` on an amendment: the text says so whatever box 4
    (the original's filing date) gives, which a converter may lose or cut among Table I's
    title (pymupdf4llm-layout's ``4. If Amendmen<br>**11/09/2015**<br>**ble I - Non-D**``)."""
    return any(
        "/" in row.text and _AMENDED_FORM.search(clean(row.text)) for row in rows[:80] if row.text
    )


def read_header(rows: list[Row], text: str = "", words: Words | None = None) -> Header:
    """Boxes 1-6 from the rows above Table I; ``text`` (the whole rendering) settles a value a
    converter's cell border cut (:func:`parsers.text.word_breaks.mend_boxes`); ``words``, the
    words found in it, where the caller counts them for other readers too."""
    head = Header()
    words = words or Words(text)
    words.guessed.clear()
    rows = _all_mended(rows, words)
    streams = _streams(rows)
    shapes = {r.shape for r in rows}
    head.columned = shapes.isdisjoint(TABLED) and SPACE in shapes
    head.blocks = _lone_paragraphs(rows)
    _read_owner(head, streams)
    _drop_specks(head)
    if head.owner_name is not None and _CAPTION_IN_NAME.search(head.owner_name):
        _owner_from_bold(head, rows)
    if head.owner_name is None:
        _owner_from_cells(head, rows)
    _owner_across_cells(head, rows, text)
    _read_issuer(head, streams)
    beside = head.period  # Form 3: box 2's date, read between boxes 1 and 3 run together
    head.period = _date_after(_PERIOD_LABEL, streams, None, head, "period_of_report")
    if head.period is None:
        flat = "\n".join(clean(r.text) for r in rows if r.text)
        head.period = _date_after(_PERIOD_LABEL, [], flat, head, "period_of_report")
    if head.period is None:
        head.period = beside
    head.original_filed = _date_after(
        _AMEND_LABEL, streams, None, head, "date_of_original_submission"
    )
    if head.original_filed is None:
        head.amended = printed_amendment(rows)
        if head.amended:
            head.original_filed = _original_in_rows_below(head, rows)
    _read_relationship(head, streams)
    head.joint = any(_checked(_JOINT, s) for s in streams if "More" in s or "MORE" in s)
    _relationship_by_lines(head, rows)
    _place_roles(head)
    _title_in_cells(head, rows)
    _title_in_bold(head, rows)
    _title_in_box5s_column(head, rows)
    for row in rows:
        text = row.text
        if not text:
            continue
        if "Check" not in text and "check" not in text:
            continue
        if (
            head.aff10b5_one is None
            and _may_match(text, ("10b5-1", "affirmative", "indicate"))
            and _PLAN_BOX.search(text)
        ):
            head.aff10b5_one = bool(_BOX_CHECKED.search(clean(text)))
        if (
            head.not_subject_to_section16 is None
            and _may_match(text, ("longer",))
            and _SECTION16_BOX.search(text)
        ):
            head.not_subject_to_section16 = bool(_BOX_CHECKED.search(clean(text)))
    _uncut(head)
    _doubt_guessed(head, words.guessed)
    return head


_SPECK = re.compile(r"[^\w\s]+|[a-z][^\w\s]+", re.ASCII)
"""What a scan reads of specks: marks with no letter (``.``), or a small letter with a mark
(``s.``); a name's initial is a capital (``A.``)."""


def _drop_specks(head: Header) -> None:
    """``Stecyk Chrystyna Bedrij s.   .``: a scan's specks on the line under box 1's name,
    joined to it; the words of specks after the name go, with a repair note. So does one
    character after a company's legal form (``TANG CAPITAL PARTNERS LP 2``): the form ends the
    name."""
    name = head.owner_name
    if not name:
        return
    words = name.split()
    keep = len(words)
    while keep > 2 and (
        _SPECK.fullmatch(words[keep - 1])
        or (len(words[keep - 1]) == 1 and _is_ending_form(words[keep - 2]))
    ):
        keep -= 1
    if keep == len(words):
        return
    head.owner_name = " ".join(words[:keep])
    head.repaired = True
    head.notes.append(
        (
            name,
            "reporting_owners[0].name",
            f"dropped {' '.join(words[keep:])!r} after {head.owner_name!r}: specks a scan"
            " read, no word of a name",
        )
    )


def _all_mended(rows: list[Row], words: Words) -> list[Row]:
    """Each pipe row with a value in bold :func:`_mended`, under the pipe row of cells above
    it (a markdown table's rule between them passed over)."""
    out: list[Row] = []
    above: Row | None = None
    for r in rows:
        if r.shape is PIPE:
            out.append(_mended(r, words, above) if "**" in r.text else r)
            above = r
        else:
            out.append(r)
            if r.shape is not SEP:
                above = None
    return out


def _mended(row: Row, words: Words, above: Row | None = None) -> Row:
    """A pipe row whose boxes a converter cut into cells, put back together; any other row as
    it is. ``above``: the row of cells right above, whose box labels say where boxes begin."""
    if row.shape is not PIPE or "**" not in row.text:
        return row
    cells = mend_boxes(row.cells, words, above.cells if above is not None else ())
    if cells is None:
        return row
    return row.with_cells(cells)


_CUT_FIELDS = {
    "owner_name": "reporting_owners[0].name",
    "issuer_name": "issuer",
    "officer_title": "reporting_owners[0].officer_title",
    "other_text": "reporting_owners[0].other_text",
    "run_together": "reporting_owners[0].name",
}


def _uncut(head: Header) -> None:
    """A value whose pieces a cell border parted where the text does not say if a space was
    there is left empty with a doubt."""
    for attr, name in _CUT_FIELDS.items():
        value = getattr(head, attr)
        if value is not None and CUT in value:
            setattr(head, attr, None)
            shown = value.replace(CUT, "|")
            head.notes.append(
                (None, name, f"{shown!r}: a cell border cut a word, and the text does not say "
                 "whether a space stood there; left empty")
            )  # fmt: skip


def _doubt_guessed(head: Header, guessed: list[str]) -> None:
    """A value holding pieces a cell border cut, joined or kept apart as the rest of the text
    reads them (``TRUST|CO`` kept apart where ``trust`` and ``co`` are words the text has and
    ``trustco`` is not: TRUSTCO BANK CORP's name read ``TRUST CO BANK CORP``): likely, not
    sure, so a doubt on the field, as a table cell's cut gets (``word_breaks.settle``)."""
    for attr, name in _CUT_FIELDS.items():
        value = getattr(head, attr)
        if value is None:
            continue
        if attr == "issuer_name":
            name = "issuer.name"  # the name only: the ticker, read apart, keys the issuer
        for piece in guessed:
            if piece in value:
                head.notes.append(
                    (None, name, f"{piece!r} in {value!r}: read across a cell border as the "
                     "rest of the text writes it; a border may cut a word, unsure")
                )  # fmt: skip
                break


_BOX_GAP = 8
"""Spaces between two cells of a layout line that put them in different boxes of the header:
a name's words stand closer (a scan spaces them by two or three at most)."""


def read_more_owners(
    rows: list[Row], text: str = "", words: Words | None = None, left_out: list[str] | None = None
) -> list[Header]:
    """Joint filers after the first: renderings repeat box 1 (and the relationship box) for
    each further reporting person below the tables. Each block runs to the next box 1, or to
    the signature. A pipe row whose boxes a converter cut into cells side by side is put back
    together first (:func:`parsers.text.word_breaks.mend_boxes`); box 1 is then its first
    cell, and box 1's label may start a pipe row cut short (``|1. Name an|d Address of Repo|``).
    ``words``: as for :func:`read_header`. A name the borders cut where the text does not say
    how is not read, and the person is left out: its pieces go into ``left_out``, for a doubt.
    """
    words = words or Words(text)
    words.guessed.clear()
    mended = _all_mended(rows, words)
    starts = [
        i
        for i, r in enumerate(mended)
        if ("ddress" in r.text and _OWNER_LABEL.search(r.text))
        or (
            r.shape is PIPE
            and r.cells
            and r.cells[0][:2] == "1."  # (the label's first characters: a cheap test first)
            and _CUT_OWNER_LABEL.match(r.cells[0])
        )
    ]
    owners: list[Header] = []
    for k, i in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(rows)
        lines: list[str] = []
        left: list[str] = []  # box 1's column alone, where layout text shows it
        cut = not _OWNER_LABEL.search(mended[i].text)
        for r, was in zip(mended[i:stop], rows[i:stop], strict=True):
            text = clean(_without_empty_last_lines(r), keep_lines=True)
            if "/s/" in text or _SIGNATURE_LABEL.search(text):
                break
            lines.append(text)
            if r is not was and r.cells[0]:
                text = clean(r.cells[0], keep_lines=True)  # box 1's own cell, put back
            elif cut and r.shape is PIPE:
                # box 1 cut into cells: its pieces run to the first empty cell (box 5 beyond)
                end = r.cells.index("") if "" in r.cells else len(r.cells)
                text = clean(_side_by_side(r.cells[:end], words), keep_lines=True)
            elif r.shape is PIPE and (box_end := _next_box_cell(r.cells)) is not None:
                # box 1 is the row's first box: a cell opening another box's label ends it
                text = clean(" ".join(r.cells[:box_end]), keep_lines=True)
            if r.shape == SPACE and len(r.cells) > 1 and r.xs[0] < 4:
                # layout text: box 1 is the leftmost box; the cells a box away are box 5's (its
                # check boxes, or its label as a scan garbled it: 'SVF II Beaver (DE) LLC
                # ore ole Wi)'). A scan may space a name's words by two or three
                # ('Helgason  David'): cells that near are box 1's too.
                end = 1
                while (
                    end < len(r.cells)
                    and r.xs[end] - r.xs[end - 1] - len(r.cells[end - 1]) < _BOX_GAP
                ):
                    end += 1
                text = clean(" ".join(r.cells[:end]), keep_lines=True)
            left.append(text)
        block = ["\n".join(lines)]
        head = Header()
        _read_owner(head, ["\n".join(left)])
        said = head.owner_name
        if said is not None and _CAPTION_IN_NAME.search(said):
            _owner_from_bold(head, mended[i:stop])
            if head.owner_name is None and left_out is not None:
                left_out.append(said)
                continue
        if head.owner_name is None or CUT in head.owner_name:
            if head.owner_name is not None and left_out is not None:
                left_out.append(head.owner_name.replace(CUT, "|"))
            continue  # (a name cut where the text does not say if a space stood there)
        _read_relationship(head, block)
        _place_roles(head)
        _doubt_guessed(head, words.guessed)  # (its notes name the owner as the first: re-indexed)
        owners.append(head)
    return owners


_BR = re.compile(r"<br\s*/?>", re.I)
_EMPTY_LAST_LINES = re.compile(r"(?:\s*<br\s*/?>)+\s*$", re.I)


def _without_empty_last_lines(row: Row) -> str:
    """A pipe row's text with each cell's empty last lines dropped: ``**X**  <br>`` | ``10%
    Owner<br>Other (specify below)`` is the tick beside its label, on the label's line (the
    cell's empty second line had put the label on a line of its own, the tick read as the
    line above's: another box's)."""
    if row.shape is not PIPE or "<br" not in row.text:
        return row.text
    return " ".join(c for c in (_EMPTY_LAST_LINES.sub("", c) for c in row.cells) if c)


def _side_by_side(cells: tuple[str, ...] | list[str], words: Words) -> str:
    """Cells a border cut from one box, joined line by line: their ``<br>`` lines are the same
    lines of the box (``1. Name an<br>**Musk Elon**`` | ``d Address of Repo<br>`` | ``rting
    Person``), so the label's pieces join the label and the name stays alone on its line (joined
    cell after cell, the label's rest had run into the name). A cell with a line opening
    another box's label (``5. R`` beside ``**Clements Carol Ann**``, ``5.<br>(C``: the cells cut
    across both boxes) ends box 1 there on every line: the boxes lie side by side, so that
    cell and those after it are the other box's (``(C`` / ``heck all appli`` below ``5.`` had
    run into the name). Bold runs side by side on a line are one value's pieces, joined as
    :func:`parsers.text.word_breaks.join_bold` says (``**Silver Bric**`` | ``**k Managemen**``
    had read ``Silver Bric k Managemen``)."""
    parts = [_BR.split(c) for c in cells]
    if not parts:
        return ""  # (a row whose first cell is empty: box 1 holds nothing there)
    depth = max(len(p) for p in parts)
    # the first cell where a line opens another box's label: that box's cells, on every line
    # (``5.<br>(C`` | ``Relationship<br>heck all appli``: its second line is no name's rest)
    width = next(
        (k for k, p in enumerate(parts) if k and any(_BOX_OPENING.match(clean(x)) for x in p)),
        len(parts),
    )
    lines = []
    for j in range(depth):
        line = ""
        for p in parts[:width]:
            if j >= len(p) or not p[j].strip():
                continue
            joined = join_bold(line, p[j], words) if line else None
            line = joined if joined is not None else f"{line} {p[j]}" if line else p[j]
        lines.append(line)
    return "<br>".join(lines)


_BOX_OPENING = re.compile(r"^\s*[1-7]\.(?:\s|$)")
"""A box's numbered label as a cell starts with it: its number alone on the cell's first line
where a converter cut the label's words into the cells beside it (``5.<br>(C``)."""


def _next_box_cell(cells: tuple[str, ...]) -> int | None:
    """The first cell after a pipe row's first that opens another box's label, or None. A
    converter that cut box 5's label beside a further owner's box 1 into cells by where its
    words lay (``|...<br>**SB Global Advisers Ltd**||5.<br>(C|Relationship of Reporting<br>heck
    all applicable)|...``) leaves the label's torn words, which no caption pattern knows, on
    the name's line: only the cell borders tell that they are box 5's."""
    for k in range(1, len(cells)):
        if _BOX_OPENING.match(clean(cells[k], keep_lines=True)):
            return k
    return None


def _streams(rows: list[Row]) -> list[str]:
    """Header text re-read column by column; each column's cells top to bottom."""
    shapes = {r.shape for r in rows}
    layout = shapes.isdisjoint(TABLED) and SPACE in shapes
    anchors: list[int] = []
    if layout:
        xs = sorted(
            x
            for r in rows
            for c, x in zip(r.cells, r.xs, strict=True)
            if c[:1] in "1234567" and _NUMBERED_LABEL.match(c)
        )
        for x in xs:
            if not anchors or x - anchors[-1] > 3:
                anchors.append(x)
        box2 = next(
            (
                bisect_right(anchors, x + 2) - 1
                for r in rows
                for c, x in zip(r.cells, r.xs, strict=True)
                if c[:2] == "2." and _ISSUER_LABEL.search(c)
            ),
            None,
        )
    # a scan read back by OCR spaces each line on its own (no line starts indented): a cell
    # there belongs to the nearest label, not to the last one at or left of it
    flush = layout and not any(r.shape == SPACE and r.xs and r.xs[0] >= 4 for r in rows)
    columns: dict[tuple[int, int], list[str]] = {}
    memo = CLEANED_LINES
    for r in rows:
        cells = r.cells
        if not cells or r.shape in EMPTY:
            continue
        if layout:
            per_line: dict[tuple[int, int], list[str]] = {}
            for c, x in zip(cells, r.xs, strict=True):
                text = (memo.get(c) or clean(c, keep_lines=True)) if c else ""
                if text:  # the column of the last label at or left of the cell
                    at = max(bisect_right(anchors, x + 2) - 1, 0)
                    if flush and at + 1 < len(anchors) and anchors[at + 1] - x < x - anchors[at]:
                        at += 1
                    if (
                        box2 is not None
                        and at < box2
                        and x > anchors[at] + 3
                        and _TICKER_CELL.search(text)
                    ):
                        # ``Wave Life Sciences Ltd. [ VCNX ]`` left of box 2's label (a scan
                        # spaces each line on its own): a ticker in brackets is box 2's alone
                        at = box2
                    key = (0, at)
                    per_line.setdefault(key, []).append(text)
            for key, parts in per_line.items():  # a tab keeps apart what the layout kept apart:
                columns.setdefault(key, []).append("\t".join(parts))  # title | other
        elif r.shape in TABLED:  # one cell a column
            block = r.block
            for c, x in zip(cells, r.xs, strict=True):
                text = (memo.get(c) or clean(c, keep_lines=True)) if c else ""
                if text:
                    columns.setdefault((block, x), []).append(text)
        else:  # paragraphs read in order as one stream, blank lines or not
            parts = [t for t in (memo.get(c) or clean(c, keep_lines=True) for c in cells if c) if t]
            if parts:
                columns.setdefault((0, -1), []).append("\t".join(parts))
    return ["\n".join(columns[k]) for k in sorted(columns)]


def _read_owner(head: Header, streams: list[str]) -> None:
    labelled = [(s, m) for s in streams if "ddress" in s or "DDRESS" in s
                if (m := _OWNER_LABEL.search(s))]  # fmt: skip
    if not labelled:
        # box 1's label cut short by a cell border (``1. Name and Ad``), its name below it in
        # the same cell: the box's number and first word still say which box it is
        labelled = [(s, m) for s in streams if (m := _CUT_OWNER_LABEL.search(s))]
    for s, m in labelled:
        rest = s[m.end() :]
        if _may_match(rest, ("relationship", "applicable")):
            rest = _OTHER_CAPTIONS.sub(" ", rest)
        stop = _NAME_STOP.search(rest)
        part = rest[: stop.start()] if stop else rest
        if stop and stop.group().lower().startswith("(first") and "\n" in part:
            # "(Last)  (First)  (Middle)" is one line of captions: what stands before "(First)"
            # on it is "(Last)" as a scan tore it ("Cast)", "ast)"), not the name's
            part = part[: part.rindex("\n")]
        if "wner" in part or "below" in part:
            part = _BOX5_ROW.sub("", part)
        if stop and (
            stop.group().lower().startswith(("(last", "(first", "(middle"))
            or "arliest" in stop.group()
        ):
            lines = [ln.strip() for ln in part.split("\n")]
            lines = [
                ln
                for ln in lines
                if ln and not _RULE_DEBRIS.match(ln) and not _TEN_PCT_PIECE.fullmatch(ln)
            ]
            if any(_worded(w) for ln in lines for w in ln.split()):
                # a line of lone characters ("F    i", '"    2', "i    %O": one letter or digit
                # a word) beside a line of words is the box's rules and the next boxes' crumbs
                # as a scan read them, no name's
                lines = [ln for ln in lines if any(_worded(w) for w in ln.split())]
            if lines and "arliest" in stop.group():
                lines[-1] = _TRAILING_CRUMB.sub("", lines[-1])  # (box 3's torn number: ``. ``)
            name = " ".join(ln for ln in lines if ln)
        else:
            # (the first line with a letter or digit: a scan's speck of the label's ``*`` is
            # no name)
            name = next((ln.strip() for ln in part.split("\n") if HAS_WORD.search(ln)), "")
        name = " ".join(name.split()).strip(' *:,\u201c\u201d\u00b0"')
        name = _before_unopened(name)
        if name:
            head.owner_name = name
            return
    head.notes.append((None, "reporting_owners[0].name", "reporting person's name not found"))


_BOX1_CAPTIONS = ("last", "first", "middle", "street", "city", "state", "zip")


def _before_unopened(name: str) -> str:
    """``Ante Joachim Christoph irst)``: a word closing a bracket the name never opened, and
    itself the end of one of box 1's captions, is that caption's torn piece (``(F`` / ``irst)``:
    ``(First)`` cut by a cell border), no part of the name: the name ends before it. (A name
    opens its own brackets, ``SVF II Beaver (DE) LLC``; any other stray ``)`` is left.)"""
    if ")" not in name:
        return name
    depth = 0
    words = name.split(" ")
    for i, w in enumerate(words):
        if w.startswith("(") and i > 0:
            # ``Bezos Jeffrey P (F irst)``: the caption whole, a border's space inside it
            shut = next((k for k in range(i, len(words)) if ")" in words[k]), None)
            if shut is not None and "".join(words[i : shut + 1]).strip("()").casefold() in (
                _BOX1_CAPTIONS
            ):
                return " ".join(words[:i])
        piece = w[:-1].casefold() if w.endswith(")") and "(" not in w else ""
        if depth == 0 and piece and any(c.endswith(piece) for c in _BOX1_CAPTIONS):
            return " ".join(words[:i])
        depth = max(depth + w.count("(") - w.count(")"), 0)
    return name


def _worded(word: str) -> bool:
    """A word of a name: two letters or digits or more, or an initial (``F.``); a scan's
    crumb holds one character, or one beside a symbol (``i``, ``%O``, ``*.``)."""
    return len(word) > 1 and (
        sum(ch.isalnum() for ch in word) > 1 or (word[-1] == "." and word[:-1].isalpha())
    )


_CAPTION_IN_NAME = re.compile(r"elationship|pplicable|\bReporting\b|\(\s*Ch\b")
"""Box 5's caption, torn by cell borders, read into box 1's name (``5. R elationship of
Reporting P erson(s) to Issuer Kress Colette (Ch eck all app licable)``)."""
_BOLD_TEXT = re.compile(r"\*\*(.+?)\*\*")


def _owner_from_bold(head: Header, rows: list[Row]) -> None:
    """Box 1's name read with box 5's torn caption in it: a layout converter that cut the boxes'
    captions into cells (pymupdf4llm: ``|1. Name and Address of<br>**Kress Colette**|Reporting
    Person|5. R<br>(Ch|elationship<br>...``) prints the filled-in values in bold, so the bold
    text in box 1's cell is the name. Without one, the name is left empty with a doubt."""
    said = head.owner_name
    for r in rows:
        if r.shape not in TABLED:
            continue
        for cell in r.cells:
            if "Name and" in cell and (bold := _BOLD_TEXT.search(cell)):
                name = " ".join(bold[1].split())
                if name and not _CAPTION_IN_NAME.search(name):
                    head.owner_name = name
                    head.notes.append(
                        (
                            name,
                            "reporting_owners[0].name",
                            f"read from the bold text of box 1's cell: the box's text read"
                            f" {said!r}, box 5's caption cut into it",
                        )
                    )
                    return
    head.owner_name = None
    head.notes.append(
        (
            None,
            "reporting_owners[0].name",
            f"{said!r} holds box 5's caption, cut into box 1: the name is unsure, left empty",
        )
    )


_CUT_NAME_LABEL = re.compile(r"1\.\s*Name\b(?!.*Person)", re.S)


def _owner_across_cells(head: Header, rows: list[Row], text: str) -> None:
    """Box 1's label cut into cells (pymupdf4llm-layout: ``|1. Name an|d Address of Re|porting
    Person*|2. Issuer N|``) and the name under two of those cells (``|**de la Cruz**|**Maria**||``):
    the name read from the first cell alone is cut short (remix seeds 1107, 1151: ``de la
    Cruz`` for ``de la Cruz Maria``, wrong). Whether a space stood at the border, the cells do
    not say (``Silver Lak|e Partners``): the name is read whole where the rest of the text
    writes it so, else left empty, said."""
    name = head.owner_name
    if name is None:
        return
    for i, r in enumerate(rows):
        if r.shape not in TABLED or "1." not in r.text or "Name" not in r.text:
            continue
        at = next(
            (k for k, c in enumerate(r.cells) if "1." in c and _CUT_NAME_LABEL.match(clean(c))),
            None,
        )
        if at is None:
            continue
        end = next((k for k in range(at + 1, len(r.cells)) if clean(r.cells[k])[:2] == "2."), None)
        nxt = next((u for u in rows[i + 1 :] if u.shape not in EMPTY), None)
        if end is None or nxt is None or nxt.shape not in TABLED or len(nxt.cells) < end:
            return
        parts = [" ".join(clean(c).split()) for c in nxt.cells[at:end]]
        parts = [p for p in parts if p]
        if len(parts) < 2 or parts[0] != name or any(_NAME_STOP.search(p) for p in parts):
            return
        flat = " ".join(clean(text).split()).casefold()
        for whole in (" ".join(parts), "".join(parts)):
            if re.search(rf"(?<![^\W_]){re.escape(whole.casefold())}(?![^\W_])", flat):
                head.owner_name = whole
                head.notes.append(
                    (name, "reporting_owners[0].name", f"box 1's name cut by cell borders"
                     f" ({' | '.join(parts)}): read as the rest of the text writes it, {whole!r}")
                )  # fmt: skip
                return
        head.owner_name = None
        head.notes.append(
            (name, "reporting_owners[0].name", f"box 1's name is cut by cell borders"
             f" ({' | '.join(parts)}) where the text does not say if a space stood there; left"
             " empty")
        )  # fmt: skip
        return


def _owner_from_cells(head: Header, rows: list[Row]) -> None:
    """Box 1's label on a plain line that also holds box 2's, and the names under them in a
    row of cells (markitdown): box 1 is the form's leftmost box, so its name is the row's
    first cell, unless that cell holds the issuer's bracketed ticker or a caption."""
    for i, r in enumerate(rows):
        if r.shape in TABLED or "ddress" not in r.text or not _OWNER_LABEL.search(r.text):
            continue
        nxt = next((u for u in rows[i + 1 :] if u.shape not in EMPTY), None)
        if nxt is None or nxt.shape not in TABLED or not nxt.cells:
            return
        name = " ".join(clean(nxt.cells[0]).split()).strip(' *:,"')
        if not name or "[" in name or _NAME_STOP.search(name) or _NUMBERED_LABEL.match(name):
            return
        head.owner_name = name
        head.notes = [n for n in head.notes if n[1] != "reporting_owners[0].name"]
        return


def _read_issuer(head: Header, streams: list[str]) -> None:
    """``QUALYS, INC. [ QLYS ]``: the bracketed ticker, and the name before it on its line
    (or on the line above, when a converter broke the line at the bracket)."""
    labelled = [s for s in streams if ("ssuer" in s or "SSUER" in s) and _ISSUER_LABEL.search(s)]
    for s in labelled + [s for s in streams if s not in labelled]:
        at = s.find("[")
        while at >= 0:
            close = s.find("]", at)
            if close < 0:
                break
            ticker = s[at + 1 : close].strip()
            ruled = _RULE_LED_TICKER.fullmatch(ticker) or _RULED_TICKER.fullmatch(ticker)
            if ruled:
                # ``[| WDAY ]`` or ``[ SNOW |]``: no ticker holds a space, so the mark the
                # space parts from the ticker is a box rule a scan read
                led = ruled.re is _RULE_LED_TICKER
                symbol, rule = (ruled[2], ruled[1]) if led else (ruled[1], ruled[2])
                _take_issuer(head, s, at, symbol)
                head.notes.append(
                    (
                        None,
                        "issuer.ticker",
                        f"read {symbol!r} from {s[at : close + 1]!r}: the {rule!r}"
                        f" {'before' if led else 'after'} a space inside the bracket taken"
                        " for a box rule a scan read; unsure",
                    )
                )
                return
            if 0 < len(ticker) <= 14 and not ticker.isdigit() and not _BAD_TICKER.search(ticker):
                _take_issuer(head, s, at, ticker)
                return
            at = s.find("[", at + 1)
    for s in labelled:
        m = _TORN_TICKER.search(s)
        if m:
            # ``AAR CORP [ AIR J``: a scan read the closing bracket as a letter
            _take_issuer(head, s, m.start(), m[1])
            head.notes.append(
                (
                    None,
                    "issuer.ticker",
                    f"read {m[1]!r} from {m[0].strip()!r}: its last character taken for the"
                    " closing bracket, misread by a scan; unsure",
                )
            )
            return
    head.notes.append((None, "issuer", "issuer name and ticker not found"))


_RULED_TICKER = re.compile(r"([A-Z][A-Z0-9.\-]{0,9})\s+([|}\])])")
"""Box 2's ticker with a rule the scan read before the closing bracket (``[ SNOW |]``)."""
_RULE_LED_TICKER = re.compile(r"([|{(\[])\s+([A-Z][A-Z0-9.\-]{0,9})")
"""Box 2's ticker with a rule the scan read right after the opening bracket (``[| WDAY ]``)."""
_TORN_TICKER = re.compile(r"\[ ([A-Z][A-Z0-9.\-]{0,9}) [J|Il1)}](?=\s{2,}|\s*$)", re.M)
"""Box 2's ``[ AIR ]`` with its closing bracket read as a letter or a rule (``[ AIR J``): the
form prints a space inside each bracket, and no ticker holds a space."""


_RULE_BEFORE_TICKER = re.compile(r"(?:\s*[|\[]+)+$")
"""A scan's box rule read as ``|`` between the issuer's name and its ticker's ``[``
(``AAR CORP |[ GOOG ]``, ``TELOS CORP|[ TLS ]``), or the ticker's bracket read twice
(``ICAHN ENTERPRISES L.P. [ [HT ]``): no name ends in either."""


def _take_issuer(head: Header, s: str, at: int, ticker: str) -> None:
    """The issuer's name before the ``[`` at ``at`` (or on the line above), and the ticker."""
    start = s.rfind("\n", 0, at) + 1
    name = _ISSUER_PREFIX.sub("", s[start:at]).strip()
    if not name and start > 0:
        above = s.rfind("\n", 0, start - 1) + 1
        name = _ISSUER_PREFIX.sub("", s[above : start - 1]).strip()
    owner_first = _owner_on_issuer_line(s, start)
    parts = _WIDE_GAP.split(name)
    if len(parts) > 1 and parts[-1] and not owner_first:
        # ``BERKSHIRE HATHAWAY INC          Alphabet Inc. [GOOGL ]`` (remix seed 1251's scan,
        # box 1's label line lost): a gap of columns parts another box's words from the name
        # written up to the ticker's bracket; read together they were the issuer's (wrong)
        left = " ".join(" ".join(parts[:-1]).split())
        name = parts[-1]
        head.notes.append(
            (
                name,
                "issuer.name",
                f"{left!r}, set apart from it by a gap of columns, taken for another box's"
                " words, not the issuer's name",
            )
        )
    name = " ".join(name.split())
    if name and owner_first:
        name = _without_owner(head, name)
    rule = _RULE_BEFORE_TICKER.search(name)
    if rule and rule.start():
        head.notes.append(
            (
                name,
                "issuer.name",
                f"dropped OCR fragment {rule.group().strip()!r} after the issuer's name: a"
                " box rule or a second bracket before its ticker's, no character of a name",
            )
        )
        name = name[: rule.start()]
    if name and not any(c.isalpha() for c in name):
        # ``01/11/2022.``: box 3's date, and the name's last stop cut off with the ticker into
        # the next cell (pymupdf4llm-layout); no issuer's name is written without a letter
        head.notes.append(
            (
                name,
                "issuer.name",
                f"{name!r} read where box 2 names the issuer: no name; left empty",
            )
        )
        name = ""
    head.issuer_name = name or None
    head.ticker = None if ticker.upper() in ("NONE", "N/A", "NA") else ticker


_WIDE_GAP = re.compile(r"\t|\s{4,}")
"""A tab (two cells of a line, :func:`_streams`) or four spaces or more inside a line's words:
a gap between two boxes' columns."""


def _owner_on_issuer_line(stream: str, start: int) -> bool:
    """Box 1's label and box 2's on one line, names below them: a plain-text converter ran the
    two boxes together, and the line under them starts with the reporting person's name."""
    above = stream.rfind("\n", 0, max(0, start - 1)) + 1
    labels = stream[above:start]
    owner, issuer = _OWNER_LABEL.search(labels), _ISSUER_LABEL.search(labels)
    return bool(owner and issuer and owner.start() < issuer.start())


def _without_owner(head: Header, name: str) -> str:
    """The issuer's name once the owner's name in front of it is taken off; empty with a doubt
    when the owner's name was not read apart, so where one name ends is unknown."""
    owner = head.owner_name
    if owner and name.startswith(owner + " "):
        return name[len(owner) + 1 :]
    m = _NAME_DATE_ISSUER.match(name) if owner is None else None
    if m and parse_date(m.group("date")) is not None and not _DATE_IN_TEXT.search(m["owner"]):
        # Form 3: box 2's date stands between the two names, so each is whole, and it is the
        # date of the event requiring the statement (the period of report)
        head.owner_name = m.group("owner")
        head.period = parse_date(m.group("date"))
        head.notes = [n for n in head.notes if n[1] != "reporting_owners[0].name"]
        return m.group("issuer")
    head.run_together = name
    head.notes.append(
        (
            name,
            "issuer.name",
            f"box 1 and box 2 run together ('{name}'): issuer name left empty",
        )
    )
    return ""


def _date_after(
    label: re.Pattern[str], streams: list[str], flat: str | None, head: Header, name: str
) -> dt.date | None:
    """First date after ``label`` within its box; OCR letters in it are mended with a note."""
    keys = _LABEL_KEYS[name]
    amendment = name == "date_of_original_submission"
    for s in [*streams, *([flat] if flat else [])]:
        end = None
        for k in keys:  # a loop, not any(): cheap tests before the label's regex
            if k in s:
                m = label.search(s)
                end = m.end() if m else None
                break
        if end is None and amendment:
            end = _cut_amend_caption(s)
        elif end is None and ("2. Date of" in s or "3. Date of" in s or "3. Statement" in s):
            end = _cut_period_caption(s)
        if end is None:
            continue
        window = s[end : end + 160]
        nxt = _NEXT_BOX.search(window)
        if nxt:
            window = _word_start(window, nxt.start())
        d = _DATE_IN_TEXT.search(window)
        if d and not amendment and _CITY_CAPTIONS.search(window, 0, d.start()):
            # ``... (Month/Day/Year)`` / ``(Street)`` / ``ASHBURN CA`` / ``(City) (State)`` /
            # ``01/27/2023``: the stream ran down past box 1's last captions, into the boxes
            # below box 3 (box 4's date of the original); box 3's own date stood elsewhere
            d = None
        if d and (cut := _YEAR_CUT.match(window, d.start())) is not None:
            # ``3. Date o<br>**03/08/20**|f Earliest<br>**23**``: a cell border cut the year
            head.notes.append(
                (
                    cut.group(),
                    name,
                    f"{cut.group()!r}: a date whose year a cell border cut; read as "
                    f"{cut['date']}{cut['rest']!r}, unsure",
                )
            )
            return parse_date(cut["date"] + cut["rest"])
        if d:
            return parse_date(d.group(1))
        if nxt and amendment:
            below = _date_on_line_below(s, end + nxt.start())
            if below is not None:
                found, raw = below
                head.notes.append(
                    (
                        raw,
                        name,
                        f"box 4's date {raw!r} read from the line below its caption, before any"
                        " other box's label (a box beside it ends the caption's line); unsure",
                    )
                )
                return found
        d = _OCR_DATE.search(window)
        if d:
            repaired = fix_confusables(d.group(1))
            date = parse_date(repaired[0]) if repaired else None
            if date is not None and repaired is not None:
                head.notes.append((d.group(1), name, repaired[1]))
                head.repaired = True
                return date
    return None


def _original_in_rows_below(head: Header, rows: list[Row]) -> dt.date | None:
    """Box 4's date in a row of cells a line or two below its caption (markitdown: ``4. If
    Amendment, Date of Original Filed ... 6. Individual ...`` / ``SANTA CLARA CA 95051`` / ``|
    | | | 01/27/2023 | ... | X Form filed by One Reporting Person |``): the caption's line is
    plain and the date's a row of cells, so no stream holds both. The boxes below the caption
    (box 1's city, box 4, box 6) hold no other date: where those rows, up to another box's
    label, hold exactly one date, it is box 4's (a doubt: it rests on
    where the rows stand). Only on a form printed as an amendment (``FORM 4/A``)."""
    at = next((k for k, r in enumerate(rows) if _AMEND_LABEL.search(clean(r.text))), None)
    if at is None:
        return None
    found: list[str] = []
    for r in rows[at + 1 : at + 4]:
        text = clean(r.text)
        nxt = _NEXT_BOX.search(text)
        if nxt:
            text = _word_start(text, nxt.start())  # (a date after another box's label: not 4's)
        found.extend(m.group(1) for m in _DATE_IN_TEXT.finditer(text))
        if nxt:
            break
    if len(set(found)) != 1:
        return None
    date = parse_date(found[0])
    if date is not None and date == head.period:
        return None  # (box 3's date, if a converter put it below: the original's is later)
    if date is not None:
        head.notes.append(
            (
                found[0],
                "date_of_original_submission",
                f"box 4's date {found[0]!r} read from a row below its caption, the only date"
                " between it and Table I; unsure",
            )
        )
    return date


_PERIOD_CUT = re.compile(
    r"(?:^|\n)[23]\.\s+(?:Date\s+of\s+(?:Earliest|Event)|Statement\s+for)\b[^\n]{0,40}\n"
)
"""Box 3's caption (Form 3's box 2) that a converter's cell border cut after its first words
(pymupdf4llm-layout: ``3. Statement for Issu<br>**01/31/2022**``, ``2. Date of Event Requiring
State<br>**09/18/2020**``), the rest of the caption in the cells beside: its line ends there."""


def _cut_period_caption(stream: str) -> int | None:
    """Where the period's caption ends when a cell border cut it (:data:`_PERIOD_CUT`): its
    value is on the cell's next line."""
    m = _PERIOD_CUT.search(stream)
    return m.end() if m else None


def _cut_amend_caption(stream: str) -> int | None:
    """Where box 4's caption ends when a converter's cell border cut it after its number and
    first words (pymupdf4llm-layout: ``4. If Amendment, D<br>**01/27/2023**``, the rest of the
    caption in the cells beside): its value follows them in the cell. Found by plain string
    search (a pattern opening on ``4`` would be tried at every digit of the header)."""
    for words in _AMEND_FIRST_WORDS:
        at = stream.find(words)
        if at >= 0 and stream[max(0, at - 4) : at].rstrip().endswith("4."):
            end = at + len(words)
            end += stream[end : end + 1] == ","
            after = stream[end : end + 4].lstrip()  # the caption's ``D`` of ``Date`` cut off
            if after[:1] == "D" and not after[1:2].isalnum():
                end = stream.index("D", end) + 1
            return end
    return None


def _date_on_line_below(stream: str, at: int) -> tuple[dt.date, str] | None:
    """A date opening the line below a caption whose own line another box's label ends
    (plain text runs boxes side by side into one line: ``4. If Amendment, Date of Original
    Filed (Month/Day/Year) 6. Individual or Joint...`` / ``(City) (State) (Zip) 01/27/2023 X
    Form filed by One Reporting Person``): the box's value lies below its caption, so the first
    date of that line, before any numbered label, is the box's (the boxes beside it, box 1's
    address captions and box 6's ticks, hold no date)."""
    start = stream.find("\n", at)
    if start < 0:
        return None
    end = stream.find("\n", start + 1)
    line = stream[start + 1 : end if end >= 0 else len(stream)]
    nxt = _NEXT_BOX.search(line)
    if nxt:
        line = _word_start(line, nxt.start())
    d = _DATE_IN_TEXT.search(line)
    found = parse_date(d.group(1)) if d else None
    return (found, d.group(1)) if d and found is not None else None


def _word_start(text: str, at: int) -> str:
    """``text`` cut before the word holding position ``at`` (OCR glues letters onto labels)."""
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return text[:at]


def _read_relationship(head: Header, streams: list[str]) -> None:
    """Box 5: each check box's tick from the mark right before its label, and what the filer
    wrote under "Officer"/"Other". The labels are box 5's own words, so they are found wherever
    they stand after the caption: a plain-text converter runs boxes side by side into one line
    (``3. Date of Earliest Transaction (Month/Day/Year) X Officer (give title below)``), and the
    box ends only at the first other box's label after its last label. A label the text does not
    show leaves its tick unknown (None), not "unticked"."""
    for s in streams:
        if "elationship" not in s and "ELATIONSHIP" not in s:
            continue
        m = _REL_LABEL.search(s)
        if not m:
            continue
        seg = _lines_after(s, m.end(), _BOX5_LINES).replace(UNCHECKED, " ")
        torn = "erson" not in m.group() and "ERSON" not in m.group()
        found = [(attr, label.search(seg)) for attr, label in _REL_BOXES]
        last = max((f.end() for _, f in found if f), default=0)
        end = _REL_END.search(seg, last)
        if end:
            seg = _word_start(seg, end.start())
        for attr, f in found:
            setattr(head, attr, None if f is None or f.end() > len(seg) else _ticked(seg, f))
        within = [f if f is not None and f.end() <= len(seg) else None for _, f in found]
        if within[3] is None and (_SPECIFY.search(seg) or _OTHER_PIECE.search(seg)):
            torn = True  # ``Othe`` / ``r (specify below)``: a border tore the label, whose
            # pieces stand among the title's lines (it had read ``Othe SVP, GC and Secretary``)
        head.role_text = _role_text(head, seg, within, torn)
        return


_DATE_CAPTION_WORDS = re.compile(r"Day\s*/\s*Year|onth\s*/\s*Day", re.I)


def _place_roles(head: Header) -> None:
    """What was written under the labels goes to Officer's title or Other's text by the ticks
    (read last: a tick a column missed is read from the lines)."""
    title = head.role_text
    if title and not (head.is_officer or head.is_other):
        # a title is written only below a ticked "Officer" or "Other"; words there with
        # neither ticked (or neither tick read) are no title the text vouches for
        said = " ".join(title.split())
        head.notes.append(
            (None, "reporting_owners[0].officer_title",
             f"{said!r} stands under box 5's labels, but neither Officer nor Other is seen "
             "ticked: not read as a title; left empty")
        )  # fmt: skip
        return
    if title and _DATE_CAPTION_WORDS.search(title):
        # ``onth/Day/Year``: a date caption's format (box 4's, as a scan cut it) where the
        # title would be; no title is written so
        said = " ".join(title.split())
        head.notes.append(
            (None, "reporting_owners[0].officer_title",
             f"{said!r} under box 5's labels is a date caption's words, not a title: left empty")
        )  # fmt: skip
        return
    if title and head.is_officer and head.is_other:
        head.officer_title, head.other_text = _split_roles(title)
    elif title:
        title = " ".join(title.split())
        if head.is_officer or not head.is_other:
            head.officer_title = title
        else:
            head.other_text = title


_BOX5_LINES = 20
"""Lines after box 5's caption that its labels and title take, side by side with other boxes
(plain text) or a scan's specks among them: the rest of the header is not searched."""


def _lines_after(text: str, start: int, count: int) -> str:
    end = start
    for _ in range(count):
        end = text.find("\n", end + 1)
        if end < 0:
            return text[start:]
    return text[start:end]


def _relationship_by_lines(head: Header, rows: list[Row]) -> None:
    """Box 5 read again from the rows as lines. Nothing ticked in any column: the tick may sit
    in a cell of its own left of its label (``<td>X</td><td>Officer (give title below)</td>``),
    so the lines' reading stands whole. A label no column showed (a scan spaces each line on its
    own, so box 5's labels fall into several columns): its tick is the mark before it on its
    line."""
    ticks = [attr for attr, _ in _REL_BOXES]
    if all(getattr(head, a) is not None for a in ticks) and any(getattr(head, a) for a in ticks):
        return
    start = next(
        (i for i, r in enumerate(rows) if "elationship" in r.text or "ELATIONSHIP" in r.text),
        None,
    )
    if start is None:
        return
    near = rows[start : start + _BOX5_LINES]
    flat = "\n".join(clean(r.text, keep_lines=True) for r in near if r.text)
    again = Header(columned=head.columned)
    _read_relationship(again, [flat])
    if not any(getattr(head, a) for a in ticks):
        if any(getattr(again, a) for a in ticks):
            for a in ticks:
                setattr(head, a, getattr(again, a))
            head.role_text = again.role_text
            head.notes += again.notes
        return
    agree = all(
        None in (getattr(head, a), getattr(again, a)) or getattr(head, a) == getattr(again, a)
        for a in ticks
    )
    for a in ticks:
        if getattr(head, a) is None:
            setattr(head, a, getattr(again, a))
    if head.role_text is None and again.role_text is not None and agree:
        # the column's stream held the labels but not the title's line (a scan's columns
        # split box 5 from the line below its labels): the lines' reading of the whole box
        head.role_text = again.role_text
        _drop_title_doubts(head)
        head.notes += again.notes


_SEE = re.compile(r"\s(?=(?:see|refer\s+to)\b)", re.I)


def _split_roles(text: str) -> tuple[str | None, str | None]:
    """Officer and Other both ticked: the officer's title is written under "Officer", the
    other relationship under "Other". Apart in the layout (a tab here), or ``... See
    remarks`` -- the usual way to specify Other -- ending the line."""
    if "\t" in text:
        officer, other = text.split("\t", 1)
    else:
        m = _SEE.search(text)
        if not m:
            return " ".join(text.split()), None
        officer, other = text[: m.start()], text[m.end() :]
    return " ".join(officer.split()) or None, " ".join(other.split()) or None


def _checked(label: re.Pattern[str], seg: str) -> bool:
    m = label.search(seg)
    return bool(m and _CHECK_BEFORE.search(seg[max(0, m.start() - 8) : m.start()]))


def _ticked(seg: str, label: re.Match[str]) -> bool:
    """A mark right before the label on its line (a scan's ``X_`` too); a mark on the line
    above is another box's, whose label the scan garbled."""
    return _TICK_BEFORE.search(seg, max(0, label.start() - 8), label.start()) is not None


def _role_text(
    head: Header,
    seg: str,
    labels: list[re.Match[str] | None],
    torn: bool = False,
) -> str | None:
    """What the filer wrote under "Officer (give title below)" / "Other (specify below)": the
    lines after the labels, up to box 1's captions or the explanation. Lines of specks (no two
    letters together: a scan's ``x``, ``S``, a rule's ``:``) are no words of a title. Where box
    1's captions come among those lines, the box's lines are shared with box 1's address (plain
    text runs the boxes side by side), or where a cell border tore box 5's caption (``torn``:
    the title's words may be cut across cells too), where the title ends is not said: left
    empty, with a doubt when words stood there. Box 5's labels each on a line of its own, in
    any order, are read first (:func:`_title_among_labels`), but not under a torn caption (its
    pieces, ``cable)``, may stand among them)."""
    officer, other = labels[2], labels[3]
    among = None if torn else _title_among_labels(seg, labels)
    if among is not None:
        return among
    start = officer.end() if officer else 0
    if other is not None and other.start() < start:
        other = _OTHER.search(seg, start)  # (an "Other" before Officer's label is no label)
    anchor = other.end() if other else start
    if not anchor:
        return None
    rest = seg[anchor:]
    rest = rest[_LABEL_DEBRIS.match(rest).end() :]  # type: ignore[union-attr]  # matches ""
    stop = _title_stop(rest)
    beyond = stop is not None and _words_after_the_caption(rest, stop[0])
    # a caption a cell border tore: the box's words are cut across cells, the title's too
    shared = torn or bool(stop and stop[1] and not _block_of_its_own(head, rest, stop[0]))
    for label in (officer, other):  # a label's line opens on another box's words: box 5
        if label and not shared:  # shares its lines with that box
            line_start = seg.rfind("\n", 0, label.start()) + 1
            before = seg[line_start : label.start()]
            shared = bool(
                _TWO_LETTERS.search(before) and _TWO_LETTERS.search(_BOX5_WORDS.sub(" ", before))
            )
    if shared:
        beside = _title_beside_box3(seg, officer or other, seg[anchor:])
        if beside is not None:
            return beside
    if stop:
        rest = rest[: stop[0]]
    kept: list[str] = []
    for line in rest.split("\n"):
        parts = (" ".join(p.replace(CHECKED, " ").split()) for p in line.split("\t"))
        line = "\t".join(p for p in parts if _TWO_LETTERS.search(p)).strip(" :")
        if line:
            kept.append(line)
    text = "\n".join(kept)
    if (
        text
        and shared
        and not head.columned
        and not beyond
        and (after := _title_after_street_rest(text)) is not None
    ):
        title, street = after
        head.notes.append(
            (None, "reporting_owners[0].officer_title",
             f"box 5's written title shares its line with box 1's street"
             f" ({' '.join(text.split())!r}): {street!r}, a street's last word, is the address"
             f" wrapped; read {title!r}; unsure")
        )  # fmt: skip
        return title
    if text and shared:
        said = " ".join(text.split()).replace(CUT, "|")
        head.notes.append(
            (None, "reporting_owners[0].officer_title",
             f"{_SHARED_TITLE} ({said!r}): where it "
             "begins and ends is not said; left empty")
        )  # fmt: skip
        return None
    if text or shared:
        return text.replace("\n", " ") or None
    return _title_under_lone_officer(head, seg, officer)


_STREET_ENDS = frozenset(
    {"avenue", "ave", "street", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane", "ln"}
    | {"parkway", "pkwy", "place", "plaza", "court", "ct", "way", "circle", "highway", "hwy"}
)
"""A street's last word: no officer's title opens on one (``AVENUE General Counsel``)."""
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "n", "s", "e", "w", "ne", "nw", "se", "sw"}
    | {"northeast", "northwest", "southeast", "southwest"}
)
"""Words a street's name may end on after its kind (``QUEENS PLAZA NORTH``)."""
_STREET_REST = re.compile(r"(?P<street>[A-Za-z]+\.?)[ \t]+(?P<title>[A-Z][^\n]*)")


def _words_after_the_caption(rest: str, stop: int) -> bool:
    """Words on box 1's caption's line after it (``(Street) Chief People Officer``), or a
    line in small letters under it: the title's lines run on past the caption, so the line
    above holds only part of it."""
    end = rest.find("\n", stop)
    line = rest[stop : end if end >= 0 else len(rest)]
    nxt = rest[end + 1 :].lstrip(" \t")[:1] if end >= 0 else ""
    # (or on the line after it, in small letters: ``(Street)`` / ``and Controller``)
    runs_on = bool(_TWO_LETTERS.search(_CAPTION_WORDS.sub(" ", line)))
    return runs_on or nxt.islower() or nxt == "&"


_CAPTION_WORDS = re.compile(_BOX1_CAPTION_TEXT, re.I)


def _title_after_street_rest(text: str) -> tuple[str, str] | None:
    """Box 5's title on one line after box 1's street wrapped beside it (markitdown:
    ``C/O ALDERWOOD SYSTEMS, INC. 400 CEDAR 3. Date of ...  X Officer (give title below)`` /
    ``AVENUE General Counsel & Secretary``): the line opens on a street's last word, the rest
    is the title. None where the words are on more lines than one (where the title ends is
    not said) or open on no street's word. Not asked of a text that keeps columns apart (a
    scan: ``AVENUE      Eee      Chief Executive Officer``, specks among the cells)."""
    if "\n" in text.strip() or "\t" in text:
        return None
    m = _STREET_REST.fullmatch(text.strip())
    if m is not None and m["street"].rstrip(".").casefold() not in _STREET_ENDS:
        m = _street_words_then_title(text.strip())
    if m is None:
        return None
    if m["title"].split()[0].rstrip(".,").casefold() in _DIRECTIONS:
        return None  # ``PLAZA NORTH Co-Founder``: the street's or the title's? (remix seed 889)
    if not _title_fits(m["title"]) or _NOT_A_TITLE.search(m["title"]):
        return None
    if not _whole_title(m["title"]):
        return None  # (``HARBOR STREET Executive Vice President,``: its rest below)
    return m["title"], m["street"]


_STREET_WORDS_REST = re.compile(
    r"(?P<street>(?:[A-Z][A-Z'.-]*[ \t]+){1,2}[A-Z]+\.?)[ \t]+(?P<title>[A-Z][^\n]*)"
)


def _street_words_then_title(text: str) -> re.Match[str] | None:
    """``HARBOR STREET Chief People Officer`` (markitdown, the work list's BWTX): the street's
    wrapped rest is more than its last word, written in capitals, the street's kind last, and
    the title after it opens on a word in other letters: the change of case parts them (a
    title whose own words hold a street's kind, ``Chief Court Officer``, changes no case)."""
    m = _STREET_WORDS_REST.fullmatch(text)
    if m is None:
        return None
    if m["street"].split()[-1].rstrip(".").casefold() not in _STREET_ENDS:
        return None
    if any(w.rstrip(".").casefold() in _STREET_ENDS for w in m["street"].split()[:-1]):
        return None
    first = m["title"].split()[0]
    return None if first.isupper() or not first[1:].islower() else m


_TITLE_GOES_ON = re.compile(r"(?:[,&/-]|\b(?:and|of|for|to|the|&amp;))\s*$", re.I)
"""A title's line that ends mid-phrase (``Executive Vice President,``, ``Chief Executive
Officer and``): its rest is on a line below."""


_TITLE_OPENERS = frozenset(
    {"chief", "vice", "executive", "senior", "financial", "operating", "accounting", "legal"}
    | {"general", "managing", "assistant", "deputy", "principal", "corporate", "human"}
    | {"information", "medical", "scientific", "people", "administrative", "commercial"}
)
"""Words an officer's title goes on after (``Chief Financial`` / ``Officer``), never its last."""
_BOX5_LABELS = frozenset({"officer", "other"})
"""Box 5's labels alone, without the words after them that its label patterns ask for
(``Director`` and ``10% Owner`` alone those patterns match)."""


def _whole_title(title: str) -> bool:
    """Words that may be box 5's title whole: none of box 5's labels among them, nothing
    ending mid-phrase (``Executive Vice President,``, ``Chief Financial``)."""
    words = title.split()
    return (
        bool(words)
        and not _TITLE_GOES_ON.search(title)
        and words[-1].casefold() not in _TITLE_OPENERS
        and " ".join(words).casefold() not in _BOX5_LABELS
        and not any(label.search(title) for label in (_DIRECTOR, _TEN_PCT, _OFFICER, _OTHER))
    )


def _words_beside_label(text: str) -> bool:
    """Words of two letters beside a label on its line, past its own words (``(give title
    below)``). (The debris pattern matches the empty string: substituted as it is, it spaced
    every letter apart, so no line ever showed words beside its label.)"""
    return bool(_TWO_LETTERS.search(_LABEL_DEBRIS.sub(lambda m: " " if m.group() else "", text)))


def _title_under_lone_officer(head: Header, seg: str, officer: re.Match[str] | None) -> str | None:
    """Box 5 as markitdown writes its blocks, the title's block right under ``Officer (give
    title below)`` alone on its line and Other's label after it (``X Director`` / ...  /
    ``Officer (give title below)`` / ``CHAIRMAN OF THE BOARD`` / ``X 10% Owner`` / ``X Other
    (specify below)``): nothing follows the last label, so the title is the block the label
    points down to. Read only where that block is words that no other box prints (no caption,
    no label, no ticker, not the owner's or issuer's name); which of Officer and Other it
    belongs to, their ticks say (:func:`_place_roles`). Over the work list's and the synthetic
    corpus's renderings, every line under a lone Officer label was its filing's title."""
    if officer is None:
        return None
    line_start = seg.rfind("\n", 0, officer.start()) + 1
    line_end = seg.find("\n", officer.end())
    if line_end < 0:
        return None
    alone = seg[line_start : officer.start()] + seg[officer.end() : line_end]
    if _words_beside_label(alone):
        return None  # the label shares its line with words
    block: list[str] = []
    for line in seg[line_end + 1 :].split("\n"):
        words = " ".join(line.replace(CHECKED, " ").split())
        if not words or any(label.search(words) for _, label in _REL_BOXES):
            break  # the block ends at a blank line or the next label's
        block.append(words)
    title = " ".join(block)
    known = {" ".join((n or "").split()).casefold() for n in (head.owner_name, head.issuer_name)}
    if (
        not block
        or title.casefold() in known
        or any(
            not _TWO_LETTERS.search(w) or _NOT_A_TITLE.search(w) or _CAPTION_ALONE.fullmatch(w)
            for w in block
        )
    ):
        return None
    return title


_SHARED_TITLE = "box 5's written title shares its lines with other boxes"
"""How the doubt on a title left empty for its shared lines opens: a reading from the cells
or the columns replaces it (:func:`_drop_title_doubts`)."""


def _title_among_labels(seg: str, labels: list[re.Match[str] | None]) -> str | None:
    """Box 5 as a converter that writes a page's text blocks one after another gives it
    (markitdown): each of the four labels alone on its line, in the order the blocks were
    drawn, not the form's (``10% Owner`` / ``Other (specify below)`` / ``General Counsel &
    Secretary`` / ``X Officer (give title below)`` / ``Director``). Where nothing but the
    labels and one block of words stands from the first label to the last, those words are box
    5's own: the written title; other boxes' captions drawn among the labels (``4. If
    Amendment, ...``) are passed over, but not the words right below one (its box's value).
    None (read as before) where nothing stands among the labels (a title below them is read as
    ever), a label shares its line, or anything else stands among them: another box's ticks, a
    number, a second block (``Officer (give title below)`` / ``6. Individual or Joint/Group
    Filing`` / ``Form filed by One Reporting Person`` / ``Other``: box 6's words are no
    title)."""
    if any(f is None for f in labels):
        return None
    # (cheap tests first: most texts print two labels on one line, which ends it here)
    heads = {seg.rfind("\n", 0, f.start()) + 1 for f in labels if f is not None}
    if len(heads) < len(labels):
        return None  # two labels share a line: not the blocks' shape
    lines = seg.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    label_lines: set[int] = set()
    for f in labels:
        assert f is not None
        i = next(k for k in range(len(lines)) if starts[k] <= f.start() < starts[k + 1])
        rest = seg[starts[i] : f.start()] + seg[f.end() : starts[i + 1] - 1]
        if _words_beside_label(rest):
            return None  # the label shares its line with words: not the blocks' shape
        label_lines.add(i)
    lo, hi = min(label_lines), max(label_lines)
    among = [
        i
        for i in range(lo + 1, hi)
        if i not in label_lines and lines[i].strip() and not _CAPTION_ALONE.fullmatch(lines[i])
    ]
    if not among:
        return None  # the title, if any, stands after the labels: read as before
    if among != list(range(among[0], among[-1] + 1)):
        return None  # two blocks: which one is the title is not said
    above = next(lines[i] for i in range(among[0] - 1, lo - 1, -1) if lines[i].strip())
    if _NUMBERED_CAPTION.match(above):
        return None  # the words below another box's caption may be that box's value
    words = [" ".join(lines[i].replace(CHECKED, " ").split()) for i in among]
    if not all(_TWO_LETTERS.search(w) and not _NOT_A_TITLE.search(w) for w in words):
        return None
    return " ".join(words)


_NUMBERED_CAPTION = re.compile(r"\s*\d[A-Z]?\.\s+[A-Z]")
_CAPTION_ALONE = re.compile(
    rf"\s*(?:\d[A-Z]?\.\s+[A-Z].*|(?:{_BOX1_CAPTION_TEXT}\s*)+"
    r"|\(\s*Check\s+all\s+applicable\s*\))\s*"
)
"""A line that is a caption whole, which box 5's labels may be drawn among: another box's
numbered caption (``4. If Amendment, Date of Original Filed ...``), box 1's address
captions."""
_NOT_A_TITLE = re.compile(
    _BOX1_CAPTION_TEXT + r"|\(\s*Check\s+all"
    r"|Form\s+filed\s+by|Reporting\s+Person|\[.*\]",
    re.I,
)
"""Words of other boxes that may be drawn among box 5's labels: box 6's ticks, an issuer with
its ticker, a caption run into words."""


_BOX3_END = re.compile(
    r"(?:Date\s+of\s+Earliest\s+Transaction|Fiscal\s+Year\s+Ended)\s*\(\s*Month/Day/Year\s*\)"
    r"\s*(?:[xX\u2612]\s*)?$",
    re.I,
)
_ONE_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])")
_STREET_THEN = re.compile(r"^\s*\(\s*Street\s*\)\s*(\S.*)$", re.I)
TITLE_FITS = 40
"""Characters of a written title that fit one line of box 5 as the form prints it: a longer
title may have wrapped, its rest on a line of box 1's address."""


def _title_beside_box3(seg: str, label: re.Match[str] | None, rest: str) -> str | None:
    """Plain text runs boxes 1, 3 and 5 side by side. Where box 3's caption ends right before
    box 5's "Officer" label, the line below holds box 1's words, box 3's date and then box 5's
    title (``EXPRESSWAY 01/26/2023 EVP & Chief Financial Officer``), or box 3's date with
    nothing after it and the title after box 1's ``(Street)`` caption on the next line. Box 3
    holds one date and nothing else, so what follows it on its line is box 5's. Read only where
    that is the shape, the title fits one line of the box and the line below the title holds
    no more of it; None otherwise (the caller leaves the title empty with a doubt)."""
    if label is None:
        return None
    line_start = seg.rfind("\n", 0, label.start()) + 1
    if not _BOX3_END.search(seg[line_start : label.start()]):
        return None
    lines = rest.split("\n")
    if len(lines) < 3 or not _LABEL_DEBRIS.fullmatch(lines[0]):
        return None
    dates = _ONE_DATE.findall(lines[1])
    if len(dates) != 1:
        return None
    after = lines[1][lines[1].index(dates[0]) + len(dates[0]) :].strip()
    if after:
        if not (_BOX1_CAPTION.fullmatch(lines[2].strip()) or _city_line_below(lines)):
            return None  # the line below may hold the title's rest
        title = after
    else:
        m = _STREET_THEN.match(lines[2])
        if not m:
            return None
        title = m.group(1).strip()
    if not _title_fits(title):
        return None
    return " ".join(title.split())


_ZIP_END = re.compile(r"\b\d{5}(?:-\d{4})?$")
_CITY_CAPTION_LINE = re.compile(r"\(\s*City\s*\)\s*\(\s*State\s*\)\s*\(\s*Zip\s*\)", re.I)


def _city_line_below(lines: list[str]) -> bool:
    """``(Street) 01/10/2025 Senior VP, GC, CAO & Secretary`` / ``WOOD DALE IL 60191`` / ``(City)
    (State) (Zip)`` (a scan: box 1's street on one line, so its caption shares the date's
    line): the line below the title is box 1's city line, whole, where it ends in a ZIP code
    right above box 1's city captions; the title's rest would follow the ZIP code."""
    return (
        len(lines) > 3
        and _STREET_THEN.match(lines[1]) is not None
        and _ZIP_END.search(lines[2].strip()) is not None
        and _CITY_CAPTION_LINE.match(lines[3].strip()) is not None
    )


_BOLD_BELOW_LABEL = re.compile(
    r"(?:Officer|Other)\s*\((?:(?!<br>|\|).)*<br>\s*(?:Othe?\s*<br>\s*)?"
    r"\*\*(?P<title>[^*<|]+)\*\*\s*"
    r"(?:<br>\s*(?!\*\*)|$)",
    re.I,
)
"""A box 5 label's cell whose next line is one bold run (pymupdf4llm prints what the filer
filled in bold), followed by the cell's end or by a line not in bold. Other's label a border
tore (``Othe`` / ``r (specify below)`` in the next cell) may stand between them."""
_BOLD = re.compile(r"\*\*([^*]+)\*\*")


def _title_in_bold(head: Header, rows: list[Row]) -> None:
    """pymupdf4llm's layout mode: ``**X** Officer (give<br>**CEO**`` | ``title below)``, box 5
    in cells a border cut, so its lines are shared with other boxes and the title was left
    empty. The converter prints the filer's values in bold: the one bold run on the line right
    below the label, in the label's own cell, is the title, where exactly one of Officer and
    Other is ticked and exactly one such cell is in the header. The title may go on past it,
    cut by a border or wrapped under the other label: read only where no later bold run of the
    row, in the cell or beyond it, holds words (a date's may follow: ``3. Date of Earliest
    Transaction`` / ``**12/13/2022**``); ``**EVP & Chief Financial**`` with ``**Officer**`` in
    the next cell is left empty."""
    if head.role_text is not None or bool(head.is_officer) == bool(head.is_other):
        return
    found: list[str] = []
    for r in rows:
        for i, cell in enumerate(r.cells):
            if "**" not in cell or not ("Officer" in cell or "Other" in cell):
                continue
            m = _BOLD_BELOW_LABEL.search(cell)
            if m is None:
                continue
            later = [cell[m.end() :], *r.cells[i + 1 :]]
            if any(_TWO_LETTERS.search(b) for c in later for b in _BOLD.findall(c)):
                return  # the title may go on in a later bold run: where it ends is not said
            found.append(m["title"])
    if len(found) == 1:
        _take_title(head, found[0])


def _title_in_cells(head: Header, rows: list[Row]) -> None:
    """markitdown prints box 5's labels on a plain line after box 3's caption, box 3's date
    alone on the line below, and then a row of cells holding box 1's next words in its first
    cell and box 5's title in one cell further right (``| AVENUE | | ... | Chief Technology
    Officer | |``). Where that is the shape (two cells with words in that row, nothing else),
    the title fits one line of the box and Officer or Other is ticked, the cell is the title:
    it replaces the doubt the shared lines left."""
    if head.role_text is not None or not (head.is_officer or head.is_other):
        return
    at = next(
        (
            i
            for i, r in enumerate(rows)
            if r.shape is not PIPE
            and (m := _OFFICER.search(r.text))
            and _BOX3_END.search(clean(r.text[: m.start()]))
        ),
        None,
    )
    if at is None:
        return
    below = [r for r in rows[at + 1 : at + 4] if r.shape not in EMPTY]
    if len(below) < 2 or below[0].shape is PIPE or not _ONE_DATE.fullmatch(below[0].text.strip()):
        return
    cells = [clean(c) for c in below[1].cells if c.strip()] if below[1].shape is PIPE else []
    if len(cells) != 2:
        return
    _take_title(head, cells[1])


_COLUMN_SLACK = 4
"""Characters a scan's line may start its cell left of the cell above it: tesseract spaces
each line on its own."""


def _title_in_box5s_column(head: Header, rows: list[Row]) -> None:
    """Layout text and a scan's lines keep box 5 in its column (``AVENUE   echlald da   General
    Counsel & Secretary``, box 3's date garbled between): the shared lines gave no cut, but
    the one cell of the line below the labels that starts under them, with the line below it
    holding no words there, is the title (``X Officer (give title below)`` at column 150, the
    title at 172; ``(Street)   09/25/2025   President & CEO``). It replaces the doubt the
    shared lines left; a second cell there (the title's rest on the next line, specks beside
    it) leaves it."""
    if head.role_text is not None or not (head.is_officer or head.is_other):
        return
    if not any(n[2].startswith(_SHARED_TITLE) for n in head.notes):
        return
    spaced = [r for r in rows if r.shape is SPACE]
    at = next((i for i, r in enumerate(spaced) if _OFFICER.search(r.text)), None)
    if at is None or at + 1 >= len(spaced):
        return
    label = spaced[at]
    left = (
        min(
            x
            for c, x in zip(label.cells, label.xs, strict=True)
            if _OFFICER.search(c) or _OTHER.search(c)
        )
        - _COLUMN_SLACK
    )
    row = spaced[at + 1]
    if row.line != label.line + 1:
        return
    under = [c for c, x in zip(row.cells, row.xs, strict=True) if x >= left]
    if len(under) != 1 or row.xs[-1] < left or _NOT_A_TITLE.search(under[0]):
        return
    nxt = spaced[at + 2] if at + 2 < len(spaced) else None
    if nxt is not None and nxt.line == row.line + 1:
        rest = [c for c, x in zip(nxt.cells, nxt.xs, strict=True) if x >= left]
        if any(_TWO_LETTERS.search(c) and not _CAPTION_ALONE.fullmatch(c) for c in rest):
            return  # words under the title: its rest, or another box's
    _take_title(head, under[0])


def _take_title(head: Header, title: str) -> None:
    """A title read from the cells where the lines shared with other boxes left it empty: it
    replaces their doubt, where it fits one line of the box (:func:`_title_fits`)."""
    title = " ".join(title.split())
    if _title_fits(title):
        head.role_text = title
        _drop_title_doubts(head)
        _place_roles(head)


def _title_fits(title: str) -> bool:
    """Words that fit box 5's one line for a title, and no date (box 3's)."""
    return (
        len(title) <= TITLE_FITS
        and bool(_TWO_LETTERS.search(title))
        and not _ONE_DATE.search(title)
    )


def _drop_title_doubts(head: Header) -> None:
    head.notes = [n for n in head.notes if not n[2].startswith(_SHARED_TITLE)]


_SIG_WORD = re.compile(r"[^\W_]+(?:[-'&][^\W_]+)*")


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _all_caps(word: str) -> bool:
    return word.isupper() and len(word) > 1


def _name_words(text: str) -> list[str]:
    return [w.casefold() for w in _SIG_WORD.findall(text)]


def _names_phrase(text: str, phrase: str) -> bool:
    """``phrase`` stands in ``text`` as whole words (case and spacing aside)."""
    words = _name_words(phrase)
    if not words:
        return False
    pattern = r"(?<![^\W_])" + r"\W+".join(map(re.escape, words)) + r"(?![^\W_])"
    return re.search(pattern, text.casefold()) is not None


def split_by_signature(head: Header, signatures: list[str], elsewhere: str = "") -> None:
    """Boxes 1 and 2 run together (``Adams Katherine L. Apple Inc. [ AAPL ]``): where the
    owner's name ends is read from a signature that writes the same name on its own
    (``/s/ ..., Attorney-in-Fact for Katherine L. Adams``): the most first words of the run
    that are, in any order, exactly the words of a run of words of one signature line. Box
    1's name is the reporting person's name, which the signature line writes in its own
    order (or, failing that, writes box 1's middle name as its initial:
    :func:`_names_with_initials`); without such a line both names stay empty. A signature may
    leave out a middle name or initial that box 1 has: so the word after the cut must not be
    an initial
    (a letter; a digit is none) or a suffix, and after a two-word name it must be written in
    another case (``Kress Colette NVIDIA CORP``), not as a further name could be, unless the
    issuer's name so cut stands whole in the text below the tables (``elsewhere``: footnotes,
    remarks), or box 1 writes the two words in the signature's own order (``Sergey Brin
    Alphabet Inc.`` signed ``... for Sergey Brin``): a name in a signature's order, first name
    first, puts a middle name between its words, not after them; or the word after them is all
    of the issuer's name but its legal form (``Musk Elon Apple Inc.``: a middle name there
    would leave the issuer only ``Inc.``)."""
    text = head.run_together
    if text is None or head.owner_name is not None:
        return
    spans = [(m.start(), m.end()) for m in _SIG_WORD.finditer(text)]
    words = [_company_word(text[a:b]) for a, b in spans]
    runs: set[tuple[str, ...]] = set()
    in_order: set[tuple[str, ...]] = set()
    for sig in signatures:
        found = list(_SIG_WORD.finditer(sig))
        sw = [_company_word(m.group()) for m in found]
        opens = [_opens_a_company(sig, m.end()) for m in found]  # (a run ending at that word)
        for i in range(len(sw)):
            for j in range(i + 2, min(len(sw), i + len(words)) + 1):
                if opens[j - 1]:
                    continue
                runs.add(tuple(sorted(sw[i:j])))
                in_order.add(tuple(sw[i:j]))
    cuts = [k for k in range(2, len(words)) if tuple(sorted(words[:k])) in runs]
    if not cuts:
        # ``Ellison Lawrence Joseph Carvana Co.`` signed ``... for Lawrence J. Ellison``: a
        # signature writes a middle name as its initial where box 1 writes it whole
        cuts = [
            k
            for k in range(3, len(words))
            if any(len(r) == k and _names_with_initials(words[:k], r) for r in runs)
        ]
    if not cuts:
        return
    k = cuts[-1]  # the whole name: its first words may match a run as well (``OTEE 2020``)
    nxt = text[spans[k][0] : spans[k][1]]
    if (len(nxt) == 1 and not nxt.isdigit()) or nxt.casefold() in _NAME_SUFFIXES:
        return  # a middle initial or a suffix the signature left out, or the issuer's: unknown
    # (a digit is no initial: ``Fund 1 Investments, LLC 1 800 FLOWERS COM INC`` signed
    # ``/s/ Fund 1 Investments, LLC By: ...`` ends the owner's name before the ``1``)
    issuer = text[spans[k][0] :].strip()
    if (
        k == 2
        and not nxt.isdigit()  # (no middle name is a number: ``Kress Colette 1 800 FLOWERS``)
        and tuple(words[:2]) not in in_order
        and _all_caps(nxt) == all(_all_caps(text[a:b]) for a, b in spans[:2])
        and not _names_phrase(elsewhere, issuer)
        and not _one_name_word(issuer)
    ):
        return  # ``Moran Kyle Wave ...``: a middle name the signature left out reads the same
    _read_apart(head, text, spans[k][0], "the owner's name as a signature line writes it")


def _names_with_initials(box: list[str], signed: tuple[str, ...]) -> bool:
    """Box 1's words are, in any order, a signature's, one initial there (``J``) standing for
    a whole name here that opens on it (``Joseph``), and that name not box 1's first (a last
    name is signed whole)."""
    rest = list(box)
    initials = []
    for w in signed:
        if w in rest:
            rest.remove(w)
        elif len(w) == 1 and w.isalpha():
            initials.append(w)
        else:
            return False
    return (
        len(initials) == 1
        and len(rest) == 1
        and len(rest[0]) > 1
        and rest[0][0] == initials[0]
        and rest[0] != box[0]
    )


_NAME_GOES_ON = re.compile(r"((?:[ \t]+[A-Z][^\s,]*)+),?[ \t]+(?P<form>[^\s,]+)")


def _opens_a_company(sig: str, end: int) -> bool:
    """The signature's words before ``end`` go on with capitalised words to a legal form:
    they open a company's name, not name the owner whole (``Kevin Tang, Manager of Tang
    Capital Management, LLC`` does not write ``TANG CAPITAL`` of ``TANG CAPITAL PARTNERS LP
    ICAHN ENTERPRISES L.P.``; read so, the issuer's name had been ``PARTNERS LP ICAHN ...``)."""
    m = _NAME_GOES_ON.match(sig, end)
    return m is not None and _is_ending_form(m["form"].rstrip(".,;"))


def _one_name_word(issuer: str) -> bool:
    """``Alphabet Inc.``, ``Tesla, Inc.``, ``NVIDIA``: an issuer's name of one word and its legal
    form at most. Taken as a middle name the signature left out, that word would leave the
    issuer no name at all (``Inc.`` alone names no company), so it cannot be one."""
    core = _without_state_tag(issuer)
    forms = [_is_ending_form(m.group()) for m in _FORM_WORD.finditer(core)]
    return len(forms) >= 1 and not forms[0] and all(forms[1:])


_CARE_OF = re.compile(r"(?<![^\W_])c/o\s+(?P<rest>.+)", re.I)


def _without_state_tag(text: str) -> str:
    """``text`` less the state tag a conformed name may end in (``known_names.STATE_TAG``)."""
    tag = STATE_TAG.search(text)
    return text[: tag.start()] if tag else text


def _company_word(word: str) -> str:
    w = word.casefold()
    return SHORT_FORMS.get(w, w)


def split_by_known_issuer(head: Header, known: KnownNames | None, below: str = "") -> None:
    """Boxes 1 and 2 run together (``Clements Carol Ann Apple Inc.``), read apart where the run
    ends in the words of an issuer's name that filings stating it apart (the ledger's XML)
    give beside the ticker box 2 prints, since a three-word owner leaves the text itself no way
    to tell ``Ann Apple Inc.`` from ``Apple Inc.``. Tried after the signature and the c/o line,
    which read this filing's own names (a ticker may pass to another company), and before the
    rules that read the names' shapes (:func:`split_by_issuer_name`), which may cut wrongly.
    Where two such names end the run in different places (a name and a longer one for one
    ticker), those rules decide. The reading is said, as theirs are. A name the ledger knows
    may be a shorter form of the one printed (``Bancorp, Inc.`` for ``The Bancorp, Inc.``): no
    owner's name ends on a word that opens a company's (``The``, ``of``), and where the
    footnotes print the issuer's name from another word (``below``,
    :func:`_cut_printed_below`), they decide."""
    text = head.run_together
    if text is None or head.owner_name is not None or not known:
        return
    names = known.issuer_names(head.ticker)
    if not names:
        return
    found = words_at(text)
    words = tuple(w for _, w in found)
    cuts = [k for k in range(1, len(words)) if words[k:] in names]
    if len(cuts) != 1 or words[cuts[0] - 1] in _NOT_IN_A_NAME | _JOINING:
        return
    at = found[cuts[0]][0]
    printed = {_cut_printed_below(text, below), _cut_printed_as_a_company(text, below)}
    if printed - {None, at}:
        return  # (``... The Bancorp, Inc.`` printed below: a longer name than the one known)
    why = f"the issuer's name as filings stating it apart give it for its ticker ({head.ticker})"
    _read_apart(head, text, at, why)


def split_by_care_of(head: Header, lines: list[str]) -> None:
    """Boxes 1 and 2 run together (``Musk Elon Tesla, Inc. [ TSLA ]``) under a box 1 whose
    street line is in care of a company (``C/O TESLA, INC. 1 TESLA ROAD``): the company's name
    runs from ``C/O`` to the street number (or the next box's numbered label), so it is whole,
    and where the run ends in exactly its words (case and punctuation aside) those words are
    the issuer's and the words before them the owner's (a legal form written short on one
    side and whole on the other, ``CORP`` and ``CORPORATION``, is the same word; the run may end
    in the state tag of EDGAR's conformed name, ``INC / MA``, which no address writes). Only
    where one cut does: a company name that does not end before a number on its line is not
    known whole (an address wrapped to the next line), and a run that ends in the words of two
    such names stays empty."""
    text = head.run_together
    if text is None or head.owner_name is not None:
        return
    core = _without_state_tag(text)
    spans = [m.span() for m in _SIG_WORD.finditer(core)]
    words = [_company_word(core[a:b]) for a, b in spans]
    cuts: set[int] = set()
    for line in lines:
        for m in _CARE_OF.finditer(line):
            name: list[str] = []
            for w in _SIG_WORD.finditer(m["rest"]):
                if w.group()[0].isdigit():
                    break
                name.append(_company_word(w.group()))
            else:
                continue
            if 0 < len(name) < len(words) and words[-len(name) :] == name:
                cuts.add(len(words) - len(name))
    if len(cuts) != 1:
        return
    (k,) = cuts
    _read_apart(head, text, spans[k][0], "the issuer's name as box 1's c/o line writes it")


def split_by_issuer_name(head: Header, below: str) -> None:
    """Boxes 1 and 2 run together, read apart by what the names themselves show, the last rules
    the reader tries (after the signature and the c/o line): where the footnotes or remarks
    print the run's last words (:func:`_cut_printed_below`), where the ticker is spelt from
    them (:func:`_cut_spelt_by_ticker`) or is their initials (:func:`_cut_by_initials`); or,
    where the issuer's name so cut opens on its ticker's first letter or two of them cut in one
    place, where a legal form ends the owner's name (:func:`_cut_after_legal_form`), a middle
    initial does (:func:`_cut_after_initial`), or the words change case
    (:func:`_cut_at_case_change`). Each can cut in the wrong place (a
    footnote printing part of the name, a ticker spelt from a later word, a company whose name
    holds a legal form), so the reading stays a doubt, and where two cut in different places
    both names stay empty. Measured on every pairing of the work list's 45 owners with its 27
    issuers: with their own tickers, 1,046 of the 1,215 runs cut and none wrongly (765 and one
    wrong with the first two rules alone); with every other issuer's ticker, 8,319 of 31,590
    cut and 4 wrongly (70 before), each a ticker spelt within a word of the wrong issuer's
    name or of the owner's (``AIR`` in ``AIRWAYS``, in ``Advisers``). Each of the last three
    rules alone, with its ticker check, cut none wrongly either way. A ticker that is the
    initials of the run's last words (:func:`_cut_by_initials`) and a legal form ending an
    owner's name that opens on numbers, counted again over the same pairings: with their own
    tickers 1,046 -> 1,066 cut, none wrongly; with every other issuer's ticker 7,514 -> 7,857 of
    31,500, the same 4 wrongly (``scripts/pair_names.py`` counts them). A middle initial after
    a last and a first name ends the owner's name whatever the ticker
    (:func:`_middle_initial_at`), and so does a change of case after those two words
    (:func:`_two_names_at`); of two cuts, one leaving a legal form inside the issuer's name
    gives way to the other (:func:`_legal_form_inside`); a legal form written short ends the
    owner's name whatever the ticker (:func:`_short_form_before`). Session 26: own tickers
    1,030 -> 1,118 of 1,215 right, the wide pairing 22,408 -> 23,281 of 26,462, none wrongly
    (with the ticker's cut after a trust's name or a whole conformed name, and a number after a
    middle initial or after a last and a first name: :func:`_number_after_two_names`).
    Session 27: a ticker spelt from the issuer's first word and the initials after it
    (:func:`_cut_spelt_across_words`) and a trust's last word ending the holder's name
    (:func:`_cut_after_holder`; whatever the ticker where a name of one word and its legal
    form follows): own tickers 1,118 -> 1,130, other tickers 23,904 -> 24,368 (the same 1
    wrongly), the wide pairing 23,281 -> 23,516, none wrongly. Session 30: the ticker itself
    in the owner's case opens the issuer's name (``HCA Healthcare``), letters with points
    (``U.S.``) take neither name's case, and a state tag may be written with backslashes
    (``\\DE\\``): the wide pairing 23,788 -> 23,953 (24,318 with the ticker's inner letters).
    Session 34: a suffix after a last and a first name ends the owner's name at a change of
    case (``McDonald Ronald III COCA COLA CO``), and a holder's last word (``Trust``) spells
    no ticker: the wide pairing 24,481 -> 24,491 of 26,563, the work list's 1,136 of 1,215 as
    before, none wrongly."""
    text = head.run_together
    if text is None or head.owner_name is not None:
        return
    only = _only_cut(text)
    printed = _cut_printed_below(text, below)
    company = _cut_printed_as_a_company(text, below)
    spelt = _cut_spelt_by_ticker(text, head.ticker)
    initials = _cut_by_initials(text, head.ticker)
    across = _cut_spelt_across_words(text, head.ticker)
    numbered = _number_after_two_names(text)
    cues = {
        "the owner's name ended by its legal form": _cut_after_legal_form(text),
        "the owner's name ended by a middle initial": _cut_after_initial(text),
        "the holder's name ended by its last word": _cut_after_holder(text),
        "the names written in another case": _cut_at_case_change(text, head.ticker),
    }
    found = {
        "the only place the names can part is before": only,
        "the footnotes print it from": printed,
        "the footnotes print it with its legal form from": company,
        f"its ticker ({head.ticker}) spells it from": spelt,
        f"its ticker ({head.ticker}) is the initials of": initials,
        f"its ticker ({head.ticker}) spells it across its words from": across,
        "a number after a last and a first name opens it from": numbered,
        **{f"{how} before": at for how, at in cues.items()},
    }
    cuts = {at for at in found.values() if at is not None}
    whole = {at for at in cuts if not _legal_form_inside(text[at:])}
    if len(cuts) > 1 and len(whole) == 1:
        # ``SB Global Advisers Ltd AAR CORP`` (AIR): the ticker spelt from ``Advisers`` would
        # leave ``Ltd`` inside the issuer's name; the cut after it leaves a name whole
        # (the reasons below ask which rules cut at the one place left, not which cut at all)
        cuts = whole
    if len(cuts) > 1:
        said = ", ".join(f"{how} {text[at:].strip()!r}" for how, at in found.items() if at)
        message = f"box 1 and box 2 run together ('{text}'): {said}; names left empty"
        head.notes.append((text, "issuer.name", message))
        return
    if not cuts:
        return
    (at,) = cuts
    if printed == at:
        why = "the issuer's name as the footnotes print it"
    elif company == at:
        why = "the issuer's name as the footnotes print it, with its legal form"
    elif spelt == at:
        why = f"the issuer's name as its ticker ({head.ticker}) spells it"
    elif initials == at:
        why = f"the issuer's name whose initials its ticker ({head.ticker}) is"
    elif across == at:
        why = f"the issuer's name as its ticker ({head.ticker}) spells it across its words"
    elif numbered == at:
        why = "the issuer's name opening on a number after a last and a first name"
    elif _letters(text[at:])[:1] == _letters(head.ticker or "")[:1]:
        said = ", ".join(how for how, cut in cues.items() if cut == at)
        why = f"{said}, the issuer's name opening on its ticker's letter ({head.ticker})"
    elif sum(cut == at for cut in cues.values()) > 1:
        # two cues of different kinds in one place (``TANG KEVIN C Turtle Beach Corp``, HEAR:
        # the initial and the change of case): a ticker taken from no word of the name
        why = " and ".join(how for how, cut in cues.items() if cut == at)
    elif only == at:
        why = "the only place the names can part (two words of the owner's, a word of the issuer's)"
    elif cues["the owner's name ended by its legal form"] == at and _short_form_before(
        text, at, head.ticker
    ):
        why = "the owner's name ended by its legal form, written short"
    elif cues["the names written in another case"] == at and _two_names_at(text, at):
        why = "the names written in another case, the owner's a last and a first name"
    elif cues["the holder's name ended by its last word"] == at and _one_name_word(text[at:]):
        # ``... Irrevocable Family Trust Alphabet Inc.`` (GOOG): the trust's last word, then
        # one word of a name and its legal form: whatever the ticker, no holder's name goes on
        # so and the issuer's is whole
        why = "the holder's name ended by its last word, the issuer's a name and its legal form"
    elif cues["the owner's name ended by a middle initial"] == at and _middle_initial_at(text, at):
        why = "the owner's name ended by its middle initial (last name, first name, initial)"
    else:
        return  # (one cue leaving an issuer's name that opens on another letter: unsure)
    if _spelt_in_owner(text, at, head.ticker):
        return
    _read_apart(head, text, at, why)


def _legal_form_inside(issuer: str) -> bool:
    """A legal form with a word of a name after it (``Advisers Ltd AAR CORP``): a company's
    legal form ends its name, so no issuer's name so cut is whole."""
    words = _FORM_WORD.findall(issuer)
    return any(
        _is_ending_form(w) and any(not _is_ending_form(v) for v in words[k + 1 :])
        for k, w in enumerate(words[:-1])
    )


def _spelt_in_owner(text: str, at: int, ticker: str | None) -> bool:
    """A word of the owner's part, past the two a name needs, that spells the ticker from its
    first letter (:func:`_cut_spelt_by_ticker`'s test) may be where the issuer's name starts:
    ``JOHNSON ROBERT HCA Healthcare, Inc.`` changes case before ``Healthcare``, which opens on
    HCA's letter, but ``HCA`` is the name's first word. A cut so placed is a guess between two
    places; both names stay empty (13 of the 26,462 wide pairings had been cut wrongly so)."""
    letters = _ticker_letters(ticker)
    if not letters or not letters[0].isalpha():
        return False
    found = list(_SIG_WORD.finditer(text[:at]))[2:]
    # (not where the issuer's name would hold the owner's legal form: ``Advisers Ltd AAR``)
    return any(
        _spells_ticker(letters, _letters(m.group()))
        and not _legal_form_inside(text[m.start() :])
        and m.group().casefold() not in _HOLDER_ENDS  # (no company's name opens on ``Trust``)
        for m in found
    )


def _spells_ticker(letters: str, word: str) -> bool:
    """``word`` (casefolded) opens on the ticker's first letter and holds all its ``letters``
    in order: a word the issuer's name may start at (``JETBLUE`` for ``JBLU``)."""
    return word.startswith(letters[0]) and _spells(letters, _letters(word))


def _only_cut(text: str) -> int | None:
    """``Musk Elon Alphabet Inc.``, ``Kress Colette NVIDIA CORP``: the owner's name holds two words
    of letters or more (a person's last and first name; a company's name and its legal form:
    ``OTEE 2020`` is neither), and the issuer's name opens on a word that is no suffix (it may
    be a legal form written out: ``Limited Brands Inc``) and holds one that is no legal form.
    The run must end in a legal form: ``Smith Hospitality Trust`` may be a one-word owner and a
    trust (``Trust`` is no such form). Where that leaves one place to cut
    (two words, then one word of the issuer's name and its legal form at most), the names part
    there whatever their case: one word more for the owner would leave the issuer a bare
    ``Inc.``, one word less would leave the owner a single word. Over every pairing of the work
    list's 45 owners with its 27 issuers it cut 24 more of the 1,215 runs right with their own
    tickers and none wrongly (``scripts/pair_names.py``)."""
    core = _without_state_tag(text)
    spans = [m.span() for m in _FORM_WORD.finditer(core)]
    words = [core[a:b] for a, b in spans]
    named = [k for k, w in enumerate(words) if not _is_ending_form(w)]
    if len(words) < 3 or not named or not _is_ending_form(words[-1]):
        return None
    lettered = [k for k, w in enumerate(words) if any(c.isalpha() for c in w)]
    if len(lettered) < 2:
        return None
    # (``de la Cruz Maria 3M CO``, ``St. John Robert Apple Inc.``: a last name's particles
    # count with the word after them, :func:`_name_units`)
    two = next((k + 1 for k in range(len(words)) if _name_units(_folded(words[: k + 1])) == 2), 2)
    cuts = [
        k
        for k in range(max(2, lettered[1] + 1, two), named[-1] + 1)
        if words[k].casefold() not in _NAME_SUFFIXES
    ]
    return spans[cuts[0]][0] if len(cuts) == 1 else None


def _folded(words: list[str]) -> list[str]:
    return [w.casefold() for w in words]


def _cut_printed_below(text: str, below: str) -> int | None:
    """``Garascia Jessica A. AAR CORP`` where the footnotes or remarks name the issuer as the
    run ends (``... undertakes to provide AAR CORP. any security holder ...``): the longest
    tail of the run, two words or more, that stands whole there as written (case and all, no
    capitalised word running on before or after it: :func:`parsers.text.printed.stands_whole`)
    is the issuer's name, and the words before it, two or more, the owner's. A footnote that
    prints only a shorter part of it in the same case cuts too late."""
    if not below:
        return None
    spans = [m.span() for m in _SIG_WORD.finditer(text)]
    for k in range(2, len(spans) - 1):
        if stands_whole(text[spans[k][0] :].strip(), below):
            return spans[k][0]
    return None


def _cut_printed_as_a_company(text: str, below: str) -> int | None:
    """``SZE JULIA Turtle Beach Corp`` where the footnotes write the issuer's name with its legal
    form whole and in their own case (``... undertakes to provide Turtle Beach Corporation, any
    security holder of Turtle Beach Corporation ...``, the weighted-average price's usual
    words): the run ends in a legal form, and its words before that form, one or more, stand
    in the footnotes capitalised, right before a legal form (``Corp``, ``Corporation``: the
    same or another), with no capitalised word before or after it (``Beach Corporation`` in
    ``Turtle Beach Corporation`` is a part, as is ``AAR CORP`` in ``AAR CORP Holdings``). The
    longest such tail, leaving the owner two words or more, is the issuer's name; none where
    the run ends in no legal form."""
    if not below:
        return None
    core = _without_state_tag(text)
    spans = [m.span() for m in _FORM_WORD.finditer(core)]
    words = [core[a:b] for a, b in spans]
    end = len(words)
    while end > 0 and _is_ending_form(words[end - 1]):
        end -= 1
    if end == len(words) or end < 3:
        return None
    for k in range(2, end):
        name = r"[\s,]+".join(re.escape(w) for w in words[k:end])
        for m in re.finditer(rf"(?<![^\W_]){name}[\s,]+(?P<form>[^\W_][\w.]*)", below, re.I):
            printed = m.group().split()
            if not all(w[0].isupper() or w[0].isdigit() for w in printed):
                continue
            if not _is_ending_form(m["form"].rstrip(".,")):
                continue
            if re.match(r" [A-Z0-9]", below[m.end() :]):
                continue  # a capitalised word runs on after it (``AAR CORP Holdings LLC``)
            before = below[: m.start()].split()
            last = before[-1] if before else ""
            if last and (last[0].isupper() or last[0].isdigit()) and last[-1] not in ".,;:)":
                continue  # a capitalised word runs on before it: a part of a name
            return spans[k][0]
    return None


def _cut_spelt_by_ticker(text: str, ticker: str | None) -> int | None:
    """``TRAVERS DAVID ZIPRECRUITER, INC. [ ZIP ]``: box 2 prints the ticker beside the
    issuer's name, and a ticker is mostly spelt from that name's first word (``ZIP``, ``JBLU``
    from ``JETBLUE``, ``QLYS`` from ``QUALYS``). So the issuer's name starts at a word that
    begins with the ticker's first letter and holds all its letters in order; the owner's name
    before it is two words or more (last and first name), and the cut word is no initial or
    suffix. Only where exactly one word does so, and no word before it is one no person's name
    holds (``The Walt Disney``, ``DIS``). A ticker spelt across words is not taken: pairing
    each of the work list's 39 owners with each of its 24 issuers and their tickers, such
    spellings cut 5 of the 936 runs wrongly (``SB Global Advisers Ltd Apple Inc.`` for
    ``AAPL``, at ``Advisers``), and 175 of 21,528 with another issuer's ticker; spelt in one
    word, none of either (663 of the 936 cut right, the rest left empty). What it cannot
    tell: a middle name that alone spells the ticker where the issuer's first word does not
    (``Smith Carol Carla Acme Corp`` for ``CAR``) cuts a word early; hence the doubt. Nor,
    where the owner's part would end in a whole word (no initial, suffix or legal form),
    whether that word is a middle name or the issuer's first word, which spells no ticker
    more often than one would think (``JOHNSON ROBERT WALT DISNEY CO`` for ``DIS``, ``Lee Kevin
    Charles Schwab Corp`` for ``SCHW``, ``ELI LILLY & Co``): so the cut is taken only after a
    name of two words or one so ended (``Ante Joachim Christoph CureVac N.V.`` stays empty).
    Pairing 101 owners of every shape with 262 listed issuers and their own tickers
    (``scripts/pair_names.py --wide``), this cut 70 of the 26,462 runs wrongly before and none
    after; of the work list's own pairings, 60 of the 1,090 it cut right were three-word names
    and are left empty now. A trust's last word ends the owner's part too, and so does a
    middle name after an initial for a first name (``Dodge R Stanton``): 20 more of the work
    list's pairings and 98 of the wide ones cut right, none wrongly. Session 29: letters with
    points between them are one word (``e.l.f.``), and a last name's particles count with the
    word after them (``de la Cruz Maria`` holds two names, :func:`_name_units`): the wide
    pairing, with ``e.l.f. Beauty, Inc.`` added, 23,542 -> 23,776 of 26,563 cut right, none
    wrongly; the work list's the same."""
    letters = _ticker_letters(ticker)
    if not letters or not letters[0].isalpha():
        return None
    # (letters with points between them are one word: ``e.l.f. Beauty, Inc.`` spells ELF)
    spans = [m.span() for m in _FORM_WORD.finditer(text)]
    words = [text[a:b].casefold() for a, b in spans]
    cuts = [
        k
        for k in range(2, len(spans))
        if len(words[k]) > 1
        and words[k] not in _NAME_SUFFIXES
        and words[k] not in _HOLDER_ENDS  # (``... Foundation Trust AT&T INC.``, T)
        and _spells_ticker(letters, words[k])
    ]
    if len(cuts) > 1 and _letters(words[cuts[0]]) == letters:
        # ``JOHNSON ROBERT HCA Healthcare, Inc.``: the ticker itself, and a later word of the
        # issuer's name that spells it too (``HealthCAre``): the name opens on the ticker
        cuts = cuts[:1]
    if len(cuts) != 1 or any(w in _NOT_IN_A_NAME for w in words[: cuts[0]]):
        return None
    if words[cuts[0] - 1].isdigit():
        return None  # ``... Family Trust 1 800 FLOWERS COM INC``: a name may open on numbers
    before = words[cuts[0] - 1].replace(".", "")
    # ``Dodge R Stanton StepStone Group Inc.``: a last name, an initial for the first name and
    # the middle name after it are EDGAR's conformed name whole
    conformed = cuts[0] == 3 and _is_initial(words[1].rstrip("."))
    named = _name_units(words[: cuts[0]])
    if named > 2 and len(before) > 1 and not _ends_a_name(before) and not conformed:
        return None  # ``JOHNSON ROBERT WALT DISNEY CO``: whose is ``WALT``? (see above)
    return spans[cuts[0]][0]


_PARTICLES = frozenset(
    {"de", "la", "del", "della", "van", "von", "der", "den", "da", "di", "du", "st"}
)
"""Words a last name opens with (``de la Cruz``, ``Van Der Berg``, ``St. John``): each goes with
the word after it, so ``de la Cruz Maria`` is a last and a first name, two names."""


def _name_units(words: list[str]) -> int:
    """How many names ``words`` (casefolded) hold, the particles a last name opens on counted
    with the word after them (:data:`_PARTICLES`); a particle after a name is a name itself
    (``SMITH DEL``, ``LIU DA``: a first name)."""
    lead = next((k for k, w in enumerate(words) if w not in _PARTICLES), len(words))
    return max(len(words) - lead, 1 if words else 0)


def _cut_spelt_across_words(text: str, ticker: str | None) -> int | None:
    """``Moran Kyle ProMIS Neurosciences Inc. [ PMN ]``: a ticker spelt from the issuer's
    first word and the initials of the words after it (``P`` and ``M`` in ``ProMIS``, ``N``
    for ``Neurosciences``), the name ending there or in its legal form, where no one word
    spells it (:func:`_cut_spelt_by_ticker` takes those). Only where exactly one word opens
    such a spelling, with the owner's two words before it (the first no initial: ``Dodge R
    Stanton`` may go on with a middle name) or a name ended by a suffix, a legal form or a
    trust's last word. Each later word gives its initial and maybe more of the ticker's
    letters (``Lockheed MarTin``, LMT; ``Intuitive SuRGical``, ISRG; ``T-Mobile US``), but a
    spelling from inside the later words is not taken where the word after the first opens on
    the ticker's first letter too: a middle name may open it then (``Clements Carol Ann Apple
    Inc.``: ``A`` in ``Ann``, ``APL`` in ``Apple``); by initials alone it is (``JOHNSON &
    JOHNSON``, JNJ). The spelling ends where the name does, or before its legal form: a ticker
    spelt from one word and the initials of a name that goes on past them (``DE LA CRUZ MARIA
    SALESFORCE, INC.``, ``CRM``) cuts nothing. Session 30: with the later words' inner letters,
    the wide pairing 23,953 -> 24,318 of 26,563 cut right and the work list's own 1,130 ->
    1,133 of 1,215, none wrongly, and no run cut right before left empty."""
    letters = _ticker_letters(ticker)
    if len(letters) < 2 or not letters[0].isalpha():
        return None
    core = _without_state_tag(text)
    spans = [m.span() for m in _FORM_WORD.finditer(core)]
    words = [core[a:b].casefold() for a, b in spans]

    def spelt_from(k: int, inner: bool, at: int = 0) -> bool:
        # each word from ``k`` on gives the ticker's next letters, the first its initial (and,
        # after the first word, only that unless ``inner``), till the ticker ends and only
        # legal forms are left
        if at == len(letters):
            return at > 0 and all(_is_ending_form(w) for w in words[k:])
        word = _letters(words[k]) if k < len(words) else ""
        if not word.startswith(letters[at]):
            return False
        last = len(letters) if inner or at == 0 else at + 1
        return any(
            _spells(letters[at + 1 : end], word[1:]) and spelt_from(k + 1, inner, end)
            for end in range(at + 1, last + 1)
        )

    def opens_late(k: int) -> bool:
        # (``Clements Carol Ann Apple Inc.``, AAPL: where the next word opens on the ticker's
        # first letter too, a spelling from inside the later words may as well open a word
        # late, on a middle name's; ``JOHNSON & JOHNSON``, JNJ, spelt by initials, stands)
        return k + 1 < len(words) and _letters(words[k + 1]).startswith(letters[0])

    cuts = [
        k
        for k in range(2, len(spans))
        if len(words[k]) > 1
        and words[k] not in _NAME_SUFFIXES
        and not _is_ending_form(words[k])
        and (spelt_from(k, False) or (spelt_from(k, True) and not opens_late(k)))
    ]
    if len(cuts) != 1 or any(w in _NOT_IN_A_NAME for w in words[: cuts[0]]):
        return None
    (k,) = cuts
    if _spells_ticker(letters, words[k]) or words[k - 1].isdigit():
        return None
    before = words[k - 1].replace(".", "")
    if k > 2 and not _ends_a_name(before):
        return None
    if k == 2 and _is_initial(before):
        return None
    return spans[k][0]


_HOLDER_ENDS = frozenset({"trust", "foundation"})
"""Words that end a holder's name (``Jeremy M. Sclar 2012 Irrevocable Family Trust``), and no
listed company's opens on."""


def _ends_a_name(word: str) -> bool:
    """A suffix, a legal form or a trust's last word: no company's name opens on it."""
    return word in _NAME_SUFFIXES or word in _HOLDER_ENDS or _is_ending_form(word)


_JOINING = frozenset({"of", "and", "&"})
"""Words inside a company's name that its ticker's initials pass over (``Bank of America``)."""


def _cut_by_initials(text: str, ticker: str | None) -> int | None:
    """``SZE JULIA INNSUITES HOSPITALITY TRUST [ IHT ]``: a ticker of two letters or more may
    be the initials of the issuer's name, each letter the first of one word in order, the name
    ending there or in its legal form (``International Business Machines Corp``, ``IBM``), or
    in the form's own initial (``BANK OF AMERICA CORP``, ``BAC``: ``of`` and ``and`` give none). So
    where exactly one run of words, the owner's two or more before it, has the ticker for its
    initials and only legal forms after it, the issuer's name starts there. Not where the word
    before it opens or joins a company's name (``The Home Depot``, ``HD``: the issuer's name
    would lose its ``The``), nor where the run's first word is a legal form or a suffix."""
    letters = _ticker_letters(ticker)
    if len(letters) < 2 or not letters.isalpha():
        return None
    core = _without_state_tag(text)
    spans = [m.span() for m in _FORM_WORD.finditer(core)]
    words = [core[a:b].casefold() for a, b in spans]
    cuts = []
    for k in range(2, len(words)):
        named = [w for j, w in enumerate(words[k:]) if not j or w not in _JOINING]
        forms = len(named)
        while forms and _is_ending_form(named[forms - 1]):
            forms -= 1
        initials = "".join(w[0] for w in named)
        if letters not in (initials[:forms], initials[: forms + 1]):
            continue  # (a legal form's initial may end it: ``BANK OF AMERICA CORP``, BAC)
        if _company_word(words[k].replace(".", "")) in _ENDING_FORMS | _NAME_SUFFIXES:
            continue
        cuts.append(k)
    if len(cuts) != 1 or words[cuts[0] - 1] in _NOT_IN_A_NAME:
        return None
    return spans[cuts[0]][0]


def _cut_after_legal_form(text: str) -> int | None:
    """``PLP Funds Master Fund LP ICAHN ENTERPRISES L.P. [ IEP ]``: a company's name ends in
    its legal form, so where the run ends in one (box 2 is a company) and exactly one word
    inside it is one too (``LP``, ``L.P.``, ``Ltd``; a few side by side, ``& Co. LLC``, are
    one), the owner's name ends there. The issuer's name so left must open on its ticker's
    first letter (the caller's check): that turns away a company whose own name holds a
    legal form (``Limited Brands Inc`` for ``LTD``: the cut leaves ``Brands Inc``). Measured
    on every pairing of the work list's 45 owners with its 27 issuers: with their own
    tickers 345 of 1,215 runs cut and none wrongly, with every other issuer's ticker 810 of
    31,590 and none wrongly; with the ticker rule, 854 of the 1,215 cut and none wrongly (765
    and one wrong before: ``AIR`` spelt in ``SB Global Advisers Ltd AAR CORP``, which this
    cut now contradicts, so both names stay empty)."""
    core = _without_state_tag(text)
    spans = [m.span() for m in _FORM_WORD.finditer(core)]
    forms = [_is_ending_form(core[a:b]) for a, b in spans]
    if len(spans) < 4 or not forms[-1]:
        return None
    cuts = [k + 1 for k in range(1, len(spans) - 2) if forms[k] and not forms[k + 1]]
    return spans[cuts[0]][0] if len(cuts) == 1 else None


def _cut_after_initial(text: str) -> int | None:
    """``Garascia Jessica A. AAR CORP``: box 1 prints EDGAR's conformed name, last name, first
    name, middle initial, so a single letter three words or more into the run (with any
    further initials and a suffix after it, ``Jr``) ends a person's name. An issuer whose
    name opens on initials (``A. O. Smith Corp``) cuts too late; the caller's check that the
    issuer's name opens on its ticker's letter turns it away."""
    spans = [m.span() for m in _FORM_WORD.finditer(text)]
    words = [text[a:b].rstrip(".") for a, b in spans]
    k = next((k for k in range(2, len(words) - 1) if _is_initial(words[k])), None)
    if k is None:
        return None
    k += 1
    while k < len(words) and (_is_initial(words[k]) or words[k].casefold() in _NAME_SUFFIXES):
        k += 1
    return spans[k][0] if k < len(words) else None


def _cut_after_holder(text: str) -> int | None:
    """``Jeremy M. Sclar 2012 Irrevocable Family Trust Apple Inc.``: a trust's or a
    foundation's last word (:data:`_HOLDER_ENDS`) ends the holder's name, so where exactly one
    such word stands inside the run (or a run of them: ``Bill & Melinda Gates Foundation
    Trust``), two words or more into it and not before a legal form
    (``... Trust Company``, ``Trust Inc.``: a company's name goes on), the owner's name ends
    there. An issuer whose name holds the word (``Northern Trust Corp``) makes it two, or puts
    it last (``INNSUITES HOSPITALITY TRUST``): no cut; the caller's check that the issuer's
    name opens on its ticker's letter turns away a holder's name that goes on past the word."""
    spans = [m.span() for m in _FORM_WORD.finditer(text)]
    words = [text[a:b].casefold() for a, b in spans]
    ends = [k for k, w in enumerate(words) if w in _HOLDER_ENDS]
    ends = [k for k in ends if k + 1 not in ends]  # (``Gates Foundation Trust``: one name's)
    if len(ends) != 1 or not 2 <= ends[0] < len(words) - 1:
        return None
    nxt = _company_word(words[ends[0] + 1].replace(".", ""))
    if _is_ending_form(nxt) or nxt in _NAME_SUFFIXES or nxt in _NOT_IN_A_NAME:
        return None
    return spans[ends[0] + 1][0]


_ABBREVIATED_FORMS = frozenset({"llc", "lp", "l.p.", "llp", "ltd", "ltd.", "l.l.c."})
"""Legal forms written short that no company's name opens on (``Limited Brands Inc`` opens on
one written out)."""


def _short_form_before(text: str, at: int, ticker: str | None = None) -> bool:
    """``Pleasant Lake Partners LLC Alphabet Inc.``: the owner's part ends in a legal form
    written short, no company's first word, and the issuer's part is two words or more, the
    last its legal form: the form ends the owner's name even where the issuer's name opens on
    no letter of its ticker (GOOG)."""
    owner = _FORM_WORD.findall(text[:at])
    issuer = _FORM_WORD.findall(text[at:])
    short = owner[-1].casefold().replace(".", "").rstrip(",") if owner else ""
    if len(owner) >= 2 and short in _ENDING_FORMS and _one_name_word(text[at:]):
        # ``Vanguard Group Inc Salesforce, Inc.`` (CRM): any legal form written short (not
        # ``Limited Brands Inc``, a name's word), where the issuer's part is one word and its
        # form (``INC Research Holdings, Inc.`` is more)
        return len(issuer) == 2
    letters = _ticker_letters(ticker)
    if (
        len(owner) >= 2
        and short in _ENDING_FORMS
        and letters[:1].isalpha()
        and any(_spells_ticker(letters, w.casefold()) for w in issuer[1:])
    ):
        # ``BERKSHIRE HATHAWAY INC ELI LILLY & Co`` (LLY): or where a later word of the
        # issuer's part spells its ticker (its first word opening on another letter)
        return not _legal_form_inside(text[at:])
    return (
        len(owner) >= 2
        and owner[-1].casefold().rstrip(",") in _ABBREVIATED_FORMS
        and len(issuer) >= 2
        and _is_ending_form(issuer[-1])
        and not _legal_form_inside(text[at:])
    )


_FIRM_WORDS = frozenset(
    {"capital", "partners", "fund", "funds", "management", "holdings", "group", "investments",
     "advisors", "advisers", "ventures", "trust", "associates", "equity", "global"}
)  # fmt: skip
"""Words a company's name holds and a person's does not (``Sequoia Capital 2021``)."""


def _number_after_two_names(text: str) -> int | None:
    """``Musk Elon 1 800 FLOWERS COM INC``: two words of letters, a last and a first name, then
    a number: no person's name holds one, so the issuer's name opens on it, where it ends in its
    legal form and the run holds no other (an owner's own legal form would end the owner's name
    elsewhere: ``Fund 1 Investments, LLC``), neither word is one of a firm's (``Sequoia
    Capital 2021``), and no word is a family holder's (``Sclar Jeremy 2012 Irrevocable Family
    Trust``)."""
    words = _FORM_WORD.findall(text)
    spans = [m.start() for m in _FORM_WORD.finditer(text)]
    if len(words) < 4 or not words[2].isdigit() or not _is_ending_form(words[-1]):
        return None
    if any(_is_ending_form(w) for w in words[:-1]):
        return None
    owner = words[:2]
    if not all(len(w) > 1 and w.isalpha() and w.casefold() not in _FIRM_WORDS for w in owner):
        return None
    if any(w.casefold() in _FAMILY_HOLDER for w in words):
        return None  # ``Sclar Jeremy 2012 Irrevocable Family Trust``: a trust's name holds one
    return spans[2]


_FAMILY_HOLDER = _HOLDER_ENDS | {"family", "irrevocable", "revocable", "estate"}
"""Words of a holder named for a person, whose name may hold a year after the person's."""


def _two_names_at(text: str, at: int) -> bool:
    """``TRAVERS DAVID Turtle Beach Corp``: the owner's part is two words of letters, a last and
    a first name (a last name's particles counted with it, ``Van Der Berg Johannes``; parts
    joined by a hyphen, ``Fernandez-Garcia Ana``), and the issuer's two words or more: a third
    word of the owner's would be written in the owner's case, so the change of case is where
    the names part even where the issuer's name opens on no letter of its ticker (HEAR)."""
    owner = _FORM_WORD.findall(text[:at])
    issuer = _FORM_WORD.findall(text[at:])
    if len(owner) > 2 and owner[-1].casefold().rstrip(".") in _NAME_SUFFIXES:
        owner = owner[:-1]  # ``McDonald Ronald III COCA COLA CO``: a suffix ends the name
    return (
        # (particles open a last name, ``Van Der Berg Johannes``; one after a name is a first
        # name: ``LIU DA AMC Networks`` holds three names)
        _name_units([w.casefold() for w in owner]) == 2
        and all(len(w) > 1 and _NAME_WORD.fullmatch(w) and not _is_ending_form(w) for w in owner)
        and len(issuer) >= 2
    )


_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
"""A word of a person's name: letters, parts joined by a hyphen or an apostrophe
(``Fernandez-Garcia``, ``O'Brien``)."""


def _middle_initial_at(text: str, at: int) -> bool:
    """``Rogers Erica J. Alphabet Inc.``: the owner's part is EDGAR's conformed name whole, a
    last and a first name of two letters or more and one initial, and the issuer's opens on a
    word of two letters or more (no further initial, suffix or legal form) and goes on to a
    second word. A first name that is an initial (``Dodge R Stanton``) or a second initial
    (``A. O. Smith Corp``) is not this shape. A suffix may follow the initial (``SMITH JOHN A
    JR AT&T INC.``)."""
    owner = [w.rstrip(".") for w in _FORM_WORD.findall(text[:at])]
    issuer = [w.rstrip(".") for w in _FORM_WORD.findall(text[at:])]
    if len(owner) == 4 and owner[3].casefold() in _NAME_SUFFIXES:
        owner = owner[:3]
    return (
        len(owner) == 3
        and all(len(w) > 1 and w.isalpha() for w in owner[:2])
        and _is_initial(owner[2])
        and len(issuer) >= 2
        and (len(issuer[0]) > 1 or issuer[0].isdigit())  # (``1 800 FLOWERS``: no initial)
        and issuer[0].casefold() not in _NAME_SUFFIXES
        and not _is_ending_form(issuer[0])
    )


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isalpha()


def _cut_at_case_change(text: str, ticker: str | None = None) -> int | None:
    """``Kress Colette NVIDIA CORP``, ``BUFFETT WARREN E Apple Inc.``: the names written in two
    cases (the owner's in two cased words or more, or ended by its legal form: ``OTEE 2020 ApS
    Turtle Beach Corp``), the change being the only one in the run. Words that belong to either
    (initials, suffixes, legal forms, ``II``) take no side and stay with the owner's name;
    numbers between the two may open the issuer's (``Fund 1 ... 1 800 FLOWERS``): no cut, but
    for numbers before a legal form there, which end the owner's name (``OTEE 2020 ApS``).
    Letters with points (``U.S.``) take no side either, and between the two cases say nothing;
    the ``ticker`` itself written in the owner's case just before the change opens the issuer's
    name (``JOHNSON ROBERT HCA Healthcare``)."""
    core = _without_state_tag(text)
    spans = [m.span() for m in _FORM_WORD.finditer(core)]
    # ``U.S.``, ``e.l.f.``: in a name of either case (``L.P.``, ``N.A.``: forms, the owner's)
    dotted = [
        _DOTTED.fullmatch(w := core[a:b]) is not None
        and not _is_ending_form(w)
        and w.replace(".", "").casefold() not in _NEUTRAL_CAPITALS
        for a, b in spans
    ]
    cased = [
        (i, c)
        for i, (a, b) in enumerate(spans)
        if not dotted[i] and (c := _case_of(core[a:b])) is not None
    ]
    changes = [j for j in range(1, len(cased)) if cased[j][1] != cased[j - 1][1]]
    if len(changes) != 1:
        return None
    last, first = cased[changes[0] - 1][0], cased[changes[0]][0]
    if any(dotted[last + 1 : first]):
        return None  # ``JOHNSON ROBERT U.S. Bancorp``: whose is ``U.S.``? the case won't say
    if changes[0] >= 3 and _letters(core[slice(*spans[last])]) == _ticker_letters(ticker):
        # ``JOHNSON ROBERT HCA Healthcare``: the word before the change, the ticker itself in
        # the owner's case, opens the issuer's name after the owner's two names or more
        last, first = cased[changes[0] - 2][0], last
    between = spans[last + 1 : first]
    ends = [i for i, (a, b) in enumerate(between) if _is_ending_form(core[a:b])]
    after_form = between[ends[-1] + 1 :] if ends else between
    if any(core[a].isdigit() for a, _ in after_form):
        return None
    if changes[0] < 2 and not (ends and first >= 3):
        return None
    return spans[first][0]


def _is_ending_form(word: str) -> bool:
    return _company_word(word.replace(".", "")) in _ENDING_FORMS


def _case_of(word: str) -> str | None:
    """``upper`` or ``title`` for a word of two letters or more that is neither a legal form
    nor a suffix; None for the rest."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or letters[0].islower():
        return None
    bare = _company_word(word.replace(".", ""))
    if bare in _ENDING_FORMS or bare in _NEUTRAL_CAPITALS or bare in _NAME_SUFFIXES:
        return None
    if _ROMAN.fullmatch(bare):
        return None  # a fund's number (``Sequoia Capital XV, L.P.``), capitals in either case
    return "upper" if all(c.isupper() for c in letters) else "title"


_DOTTED = re.compile(r"(?:[^\W_]\.){2,}")
"""Letters with points between them (``U.S.``, ``N.A.``): one word, in no case of its own."""
_NEUTRAL_CAPITALS = frozenset({"pte", "sa", "nv", "ag", "bv", "se", "de", "na"})
"""Legal forms and places that a name in either case writes in capitals (``PTE. LTD.``; a
national bank's ``N.A.``)."""
_ROMAN = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")
"""A Roman number up to 39, as funds are numbered."""


_FORM_WORD = re.compile(r"(?:[^\W_]\.){2,}|[^\W_]+(?:[-'&][^\W_]+)*")
"""A word of a company's name, a legal form written with stops (``L.P.``, ``N.V.``) being one."""
_LEGAL_FORMS = frozenset({"ltd", "llc", "lp", "inc", "corp", "co", "plc"})
"""A company's legal form (short, as :func:`_company_word` writes it): the end of a name, so
no issuer's name starts with one, and a cut before one is a word early."""
_ENDING_FORMS = _LEGAL_FORMS | {"llp", "lllp", "gmbh", "aps"}
"""Legal forms that end an owner's name (``Trust`` does not: ``Northern Trust Corp``)."""
_NOT_IN_A_NAME = frozenset({"the", "of", "and", "for"})
"""Words that open or join a company's name and no person's (``The Walt Disney Company``)."""


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


_CLASS_SUFFIX = re.compile(r"[.\-/][A-Z]$")
"""A ticker's share class (``BRK.B``, ``BF-B``): no letter of the issuer's name."""


def _ticker_letters(ticker: str | None) -> str:
    """The letters a ticker may be spelt from the issuer's name with, its class aside."""
    return _letters(_CLASS_SUFFIX.sub("", ticker or ""))


def _spells(short: str, long: str) -> bool:
    """Every character of ``short`` stands in ``long`` in the same order."""
    rest = iter(long)
    return all(c in rest for c in short)


def _read_apart(head: Header, text: str, at: int, why: str) -> None:
    """Boxes 1 and 2 of ``text`` cut at ``at``: the owner's name before, the issuer's after,
    with a doubt on each name saying which rule cut them (the readings they replace are
    dropped); nothing where either side is empty. One cut makes both names, so a cut a word
    off makes both wrong: the owner's name keys the owner's balances where the text gives no
    CIK, and a doubt on the issuer's name alone would leave it looking sure."""
    owner = text[:at].strip().rstrip(",")
    issuer = text[at:].strip()
    if not owner or not issuer:
        return
    first = _SIG_WORD.search(issuer)
    if first is not None and _company_word(first.group()) in _LEGAL_FORMS:
        return  # ``SB Global Advisers`` / ``Ltd Better Home ...``: a legal form ends a name
    head.owner_name, head.issuer_name, head.run_together = owner, issuer, None
    head.notes = [n for n in head.notes if n[1] not in ("issuer.name", "reporting_owners[0].name")]
    message = f"read apart: box 1 and box 2 run together ('{text}'), {why}"
    head.notes.append((text, "issuer.name", message))
    head.notes.append((text, "reporting_owners[0].name", message))
