"""Lines read as rows that are no rows: caption debris, hollow rows, lone words or numbers.

A phantom row would become a false event in the ledger; each stray is dropped or merged into
the row it belongs to, and where the row above may have lost words to it, that row's text is
left empty with a note.
"""

from __future__ import annotations

import re
from decimal import Decimal

from parsers.text import wraps
from parsers.text.captions import is_header_row
from parsers.text.cells import Row, clean
from parsers.text.columns import CODES, TEXT_FIELDS
from parsers.text.debris import (
    HAS_WORD,
    NATURE_OPENS,
    OWNER_WORDS_ALONE,
    SECURITY_NOUNS,
    are_speckles,
    specks_for_a_title,
)
from parsers.text.direction import SET_ASIDE
from parsers.text.drafts import Draft, add_refs, mark_ids
from parsers.text.placing import PAR_AMOUNT
from parsers.text.table_row import PAR_WANTED, THREE_LETTERS
from parsers.text.tokens import DATE, NUM, TEXT, Token, cell_templates
from parsers.text.wraps import ends_on_dated


def _said(d: Draft, but: str = "") -> str:
    """The values read on line ``d`` (``shares_owned_following=2017, security_title=...``), as
    the notes about a line not read as a row say them."""
    return ", ".join(f"{k}={v}" for k, v in d.values.items() if v is not None and k != but)


def _title_unfinished(title: object) -> bool:
    """A title that ends where no security's title does: on a comma or a word that only opens
    a name, or on no security's noun where one would follow (``Class A``, ``Common``)."""
    if not isinstance(title, str) or not title.split():
        return False
    return wraps.opens_only(title) or (
        not wraps.runs_past_its_end(f"{title} Stock")
        and title.split()[-1].casefold().strip(",") not in SECURITY_NOUNS
    )


def _words_below_an_unfinished_title(host: Draft, d: Draft, orphans: list[str] | None) -> None:
    """A line of words with no value read (``Common ... member 16978.``, its number
    unreadable) right below a row whose title is unfinished (``Class A``): the rest of that
    row's cells, with a scan's debris, not a row of its own (a phantom row, titled ``Common
    member Stock``). Which words are whose, the line does not say: the row's title and open
    nature are left empty with a doubt."""
    said = _said(d)
    _note_left_out(host, f"line {d.line} ({said}): the rest of the cells above, no row", orphans)
    for f in ("security_title", "underlying_title", "nature_of_ownership"):
        if f in host.closed or not host.values.get(f):
            continue
        host.leave_empty(f, f"line {d.line} below ({said}) may hold its rest: left empty")


def _unfinished_above_a_lost_line(host: Draft, lost: Draft) -> None:
    """A row's title or nature that ends mid-phrase (``Common Stock,``, ``Eschenbach Family
    Trust dtd 4/15/2014,``, ``Eschenbach Family Trust dtd``; a title on a word that only opens
    a name or a par value, or on
    no security's noun where one would follow: ``Class B`` over a line ``(2) 628,553,000(1)
    ... Trust(3)`` and ``| Common | ... | Shares |``, remix seed 743) above a
    line that holds words and was not read as a row (``$0.001(1)(2) TTEE(6)...``: the par
    value's amount read as a price, with ``par value Carl Eschenbach Jr ...`` above it as its
    wrapped words): those words may be the cells' rest. The text read is cut short; left empty
    with a doubt. So is a cell whose column holds words on that line, however whole the cell
    reads above it, but for a cell a footnote marker closed (``SMB Pacific 2021`` over ``par
    value Charitable Remainder`` read as a nature: remix seed 839)."""
    if not any(isinstance(lost.values.get(f), str) for f in TEXT_FIELDS) and not any(
        lost.values.get(f) is not None for f in _LONE_DATES
    ):
        # (a date may be a trust's: ``By Revocable Trust dated`` / ``(3) 3/1/2010(7)``)
        nature = host.values.get("nature_of_ownership")
        if (
            isinstance(nature, str)
            and nature
            and _nature_goes_on(nature)
            and HAS_WORD.search(lost.text)
        ):
            # ``By Revocable Trust dated`` over ``3/1/2010)`` (remix seed 1241's scan: the
            # date's marker torn, so the line was read as no date and no words): the nature
            # wants its rest, which the line may hold, unread; it had been read cut (wrong)
            host.leave_empty(
                "nature_of_ownership",
                f"{nature!r} ends mid-phrase, and line {lost.line} below"
                f" ({lost.text.strip()!r}), not read, may hold its rest; left empty",
            )
        return
    for f in ("security_title", "underlying_title", "nature_of_ownership"):
        text = host.values.get(f)
        if not isinstance(text, str) or not text:
            continue
        below = lost.values.get(f)
        if (
            text.rstrip()[-1] in ",;"
            or (f != "nature_of_ownership" and _title_unfinished(text))
            or (f == "nature_of_ownership" and _nature_goes_on(text))
        ):
            host.leave_empty(
                f,
                f"{text!r} ends mid-phrase, and line {lost.line} below, not read as a row, may"
                " hold its rest; left empty",
            )
        elif isinstance(below, str) and below and f not in host.closed:
            host.leave_empty(
                f,
                f"line {lost.line} below, not read as a row, holds words read in this column"
                f" ({below!r}) that may be the rest of {text!r}; left empty",
            )


_NATURE_GOES_ON = frozenset(
    {"dtd", "dated", "and", "of", "for", "the", "fbo", "f/b/o", "u/a", "&"}
    | {"family", "revocable", "irrevocable", "living", "charitable", "remainder"}
)
"""Words no nature of ownership ends on: a trust's date, a conjunction, a preposition."""


def _nature_goes_on(text: str) -> bool:
    """``Eschenbach Family Trust dtd`` (its date and trustees on the lines below), ``By The
    Smith Family`` (its ``Trust`` below, remix seed 1275's scan): a nature ending on a word that
    wants more (a trust's or a company's opening word)."""
    return text.split()[-1].casefold() in _NATURE_GOES_ON


def _caption_debris(values: dict[str, object], written: str = "") -> bool:
    """A line under the captions holding no date, code, amount or ownership form, only a digit
    (``aor [ome |*  9``: OCR of ``(A) or (D)  Price`` and an ``(Instr. 4)`` superscript).
    A row states a transaction (date, code) or a holding (its balance and ownership form); an
    amount counts as one only beside a title (`` I) 9     9``: the ``(I)`` and ``4)`` of the
    captions, torn, read as a code, an amount and a balance)."""
    if any(values.get(f) is not None for f in ("transaction_date", "ownership")):
        return False
    if values.get("shares") is not None and values.get("security_title"):
        return False
    if values.get("code") is not None:
        # ``S   3   4)`` / `` or)``: a letter where the code stands, but no date, no amount and
        # no title a row opens with (a capital): the captions' ``Security`` and ``(Instr. 3``,
        # ``4)`` torn
        title = values.get("security_title")
        if isinstance(title, str) and title[:1].isupper():
            return False
    numbers = [v for v in values.values() if isinstance(v, Decimal)]
    if not numbers and written:
        # ``2   5   4)   4)`` / `` (or)``: the numbers set aside or left empty as a row's (no
        # date or code) are the line's all the same (the work list's softbank scan: a phantom
        # row titled ``(or)``)
        numbers = [Decimal(n) for n in _WRITTEN_NUMBER.findall(written)]
    title = values.get("security_title")
    # ``jor [pace _|*   3S``: ``(A) or (D)  Price`` and a superscript ``3`` torn, its words
    # small-lettered (a title opens with a capital) and a number of two digits at most
    lowered = isinstance(title, str) and title[:1].islower()
    small = 100 if lowered or _price_torn(written) else 10
    return bool(numbers) and all(v == v.to_integral_value() and 0 <= v < small for v in numbers)


_PRICE = re.compile(r"(?<![a-z])price(?![a-z])", re.IGNORECASE)


def _price_torn(written: str) -> bool:
    """A line holding the caption's ``Price`` among small-letter specks of three letters at
    most (remix seed 1241's scan, `` (yor) [Price |   26``: ``(A) or (D) | Price`` and
    ``(Instr. 3 and 4)`` torn, a phantom holding of 26): no row's words (a title opens with a
    capital, an ownership form is one; ``ADS ... 500 I By Price LLC`` holds more)."""
    rest = _PRICE.sub(" ", written, count=1)
    return rest != written and all(
        len(w) <= 3 and w.islower() for w in re.findall(r"[^\W\d_]+", rest)
    )


_WRITTEN_NUMBER = re.compile(r"(?<![\w.,$/])\d+(?![\w.,/])")
"""A whole number as a line writes it, alone (not part of a date, an amount or a word)."""


_LONE_DATES = frozenset(
    {"date_exercisable", "expiration_date", "transaction_date", "deemed_execution_date"}
)
"""Dates a line of words may hold and still report no transaction (no code) or holding."""


def hollow(d: Draft) -> bool:
    """A plain line of words whose only value read, if any, is a date (its values left empty
    with doubts, or a date alone: a deemed or window date pushed down): no code, no amount, no
    balance, no ownership form, no underlying amount. A row of the form reports a transaction or a
    holding; this reports neither, so it is pieces of a row above pushed onto lines of their
    own, under a plain row (markitdown: ``Stock $0.41
    05/11/2023 A 143,848 (4) Common ...`` / ``05/11/2033`` / ``Option Stock`` / ``(Right to``
    / ``Buy)``), not a row of its own."""
    return d.plain and _reports_nothing(d)


def _date_past_the_ownership(host: Draft, d: Draft) -> bool:
    """A date ``d`` holds that stands past the ownership form's column of the row above it, in
    the nature of ownership's (``Trust dated`` / ``3/1/2010(6)``): a trust's date wrapped, no
    date of a row. (A scan's row with its values garbled, ``Class C Capital ... 21°169;379``,
    reports nothing either, but is a row: its dates, if any, stand in date columns.)"""
    own = host.where.get("ownership")
    if own is None or d.line > host.line + 4:
        return False
    return any(d.values.get(f) is not None and d.where.get(f, -1) > own for f in _LONE_DATES)


def _open_cells_above(host: Draft, d: Draft) -> bool:
    """Plain lines of words (and at most a value set aside) right under a row of cells whose
    title or nature no marker closed (markitdown: ``| Class A Ordinary | ... | I | By The Smith
    Family |`` / ``Shares, par value`` / ``Trust(1)`` / ``$0.0001``): the row's wrapped rest,
    which markdown prints below its cells, not a row (read as one, a phantom row titled
    ``Shares, par value Trust``, and the row's title and nature cut short; remix seed 1039)."""
    return (
        not host.plain
        and d.plain
        and host.line < d.line <= host.line + 4
        and any(
            isinstance(host.values.get(f), str) and f not in host.closed
            for f in ("security_title", "nature_of_ownership", "underlying_title")
        )
    )


def _reports_nothing(d: Draft) -> bool:
    """Words and at most a date: no code, amount, balance, ownership form or underlying
    amount, so neither a transaction nor a holding."""
    filled = [f for f, x in d.values.items() if x is not None and f != "voluntary"]
    return all(f in _LONE_DATES or f in TEXT_FIELDS for f in filled)


def _a_par_amount_only(d: Draft) -> bool:
    """Words, at most a date, and a par amount read as the price (``$.01``): a plain line's
    values are a row's only where more than that stands."""
    filled = [f for f, x in d.values.items() if x is not None and f != "voluntary"]
    prices = [f for f in filled if f in ("price", "exercise_price")]
    return (
        len(prices) == 1
        and isinstance(price := d.values[prices[0]], Decimal)
        and price < 1
        and PAR_AMOUNT.search(d.text) is not None
        and all(f in _LONE_DATES or f in TEXT_FIELDS or f in prices for f in filled)
    )


def _hollow_below(host: Draft, d: Draft) -> None:
    """``d`` (:func:`hollow`) read as no row: its words may be the rest of the row above's
    text cells, so those still open (no marker closed them) are left empty with a doubt, and
    its date is said in a note, not given to the row."""
    _no_row_below(
        host,
        d,
        "holds words and at most a date, no transaction or holding: not read as a row",
        f"the words of line {d.line} below may be the rest of it",
    )


def _par_value_wrapped(host: Draft, d: Draft) -> bool:
    """A row's plain line (``Class A Ordinary ... I By Jane Doe 2019``) over its wrapped words
    (``Shares, par value Irrevocable Trust(2)``) and a line holding only a dollar amount under a
    dollar (``$0.0001``), which took those words for its title: no row, but the title's par
    value, run on after ``par value`` across a line; the words up to ``par value`` and the
    amount are the title's, the rest the nature's (pdfplumber: remix seeds 901-913). True
    where it read them so."""
    title, nature = host.values.get("security_title"), host.values.get("nature_of_ownership")
    words = str(d.values.get("security_title") or "").split()
    if (
        not (host.plain and d.plain)
        or d.line - d.above != host.line + 1
        or not isinstance(title, str)
        or "security_title" in host.closed
        or not PAR_AMOUNT.fullmatch(amount := _MARKERS.sub("", d.text.strip()))
        or "price" not in d.set_aside
    ):
        return False
    ends = [
        k
        for k in range(1, len(words))
        if [w.casefold() for w in words[k - 1 : k + 1]] == ["par", "value"]
    ]
    if len(ends) != 1:
        return False
    cut = ends[0] + 1
    rest = words[cut:]
    if rest and (not isinstance(nature, str) or "nature_of_ownership" in host.closed):
        return False
    host.values["security_title"] = " ".join([title, *words[:cut], amount])
    add_refs(host, "security_title", d.footnotes.get("price", []))
    if rest:
        host.values["nature_of_ownership"] = " ".join([str(nature), *rest])
    said = d.footnotes.get("security_title", [])
    add_refs(host, "nature_of_ownership" if isinstance(nature, str) else "security_title", said)
    host.notes.append(
        (
            "security_title",
            f"line {d.line} holds only {amount!r} below the wrapped words"
            f" {' '.join(words)!r}: the title's par value, read as"
            f" {host.values['security_title']!r}"
            + (f", the rest the nature's ({' '.join(rest)!r})" if rest else ""),
        )
    )
    host.undecided = None
    return True


def _no_row_below(host: Draft, d: Draft, why: str, rest: str) -> None:
    """Say why line ``d`` is no row, on the row above, and leave that row's open text cells
    empty: the line's words may be their rest, which of them the text does not say. The
    wrapped lines the row kept are no longer all of them: nothing of them is cut later."""
    said = _said(d, but="voluntary")
    host.notes.append((None, f"line {d.line} ({said}) {why}"))
    _open_cells_left_empty(host, f"{rest}: left empty")


def _open_cells_left_empty(host: Draft, message: str) -> None:
    """The row's text cells no footnote marker closed, read or waiting on its wrapped lines,
    left empty with ``message``: lines below it not read as a row may hold their rest. The
    wrapped lines the row kept are no longer all of them: nothing of them is cut later."""
    for f in TEXT_FIELDS:
        if f in host.closed or not (host.values.get(f) or f in host.blurred):
            continue
        host.leave_empty(f, message)
    host.undecided = None


_BOX_LABEL = re.compile(r"(?:Name and Address|Relationship) of Reporting Person", re.IGNORECASE)


_HEAD_CAPTION = re.compile(r"\((Last|First|Middle|Street|City|State|Zip|specify|giv)", re.I)


def _head_captions(d: Draft) -> bool:
    """The line (or the words read into its cells) holds two or more of the captions under box
    1's name and address (``(Last)``, ``(First)``, ``(Street)``, ``(City)`` ...) or box 5's
    (``Officer (give title below)``, ``Other (specify below)``), which no row of a table
    prints."""
    if "(" not in d.text or _HEAD_CAPTION.search(d.text) is None:
        return False  # (most lines: one search)
    said = " ".join([d.text, *(v for v in d.values.values() if isinstance(v, str))])
    return len({m.group(1).lower() for m in _HEAD_CAPTION.finditer(said)}) >= 2


def _box_label(title: object) -> bool:
    """A title holding a label of the form's head (box 1 or box 4), which no security's title
    holds."""
    return isinstance(title, str) and _BOX_LABEL.search(title) is not None


_BRACKETED_PHRASE = re.compile(r"\([^()]*[^\W\d_][^()]*\)")


def _bracket_and_par_amount(host: Draft, d: Draft) -> bool:
    """A line right under a row that holds a bracketed phrase and a dollar amount as a par
    value is written, and nothing else (``(right to buy) $0.0001(2)(3)`` under ``Common Stock
    Warrants ... Ordinary Shares, nominal value ...``, pdfplumber-text, remix seed 1239): the
    rest of the row's two titles wrapped side by side, no row. Read as a row it was a phantom
    holding titled ``(right to buy)`` at an exercise price of $0.0001, and the title above
    was read cut (``Common Stock Warrants``, wrong)."""
    title = d.values.get("security_title")
    if (
        not isinstance(title, str)
        or _BRACKETED_PHRASE.fullmatch(title.strip()) is None
        or not host.line < d.line <= host.line + 2
    ):
        return False
    filled = {f for f, x in d.values.items() if x is not None and f != "voluntary"}
    if not filled <= {"security_title", "price", "exercise_price"} or len(filled) < 2:
        return False
    rest = _MARKERS.sub("", d.text.strip()).replace(title.strip(), " ", 1)
    return PAR_AMOUNT.fullmatch(rest.strip()) is not None


def _titles_rest_below(host: Draft, d: Draft) -> None:
    """:func:`_bracket_and_par_amount`'s line read as no row: its bracketed phrase may be the
    title's rest, and its amount an underlying title's par value (where that title wants one)
    or the row's exercise price (where the row has none): those cells are left empty, said;
    the nature and a whole underlying title are no cells it continues."""
    host.notes.append(
        (
            None,
            f"line {d.line} ({_said(d, but='voluntary')}) holds only a bracketed phrase and a"
            " dollar amount under $1, the wrapped rest of the row above: not read as a row",
        )
    )
    rest = f"line {d.line} below ({d.text.strip()!r}) may hold its rest"
    if "security_title" not in host.closed and host.values.get("security_title"):
        host.leave_empty("security_title", f"{rest}: left empty")
    underlying = host.values.get("underlying_title")
    if (
        isinstance(underlying, str)
        and "underlying_title" not in host.closed
        and wraps.ends_mid_phrase(underlying)
    ):
        host.leave_empty("underlying_title", f"{rest}: left empty")
    if "exercise_price" in host.values and host.values.get("exercise_price") is None:
        host.notes.append(
            (
                "exercise_price",
                f"line {d.line}'s dollar amount may be this row's exercise price, or a par"
                " value's: not read",
            )
        )


def _lone_number(d: Draft) -> bool:
    """A plain line that holds one number and nothing else (``2017``), the words around it
    read as its title: a row's cells are top-aligned, so a filed row's line holds its title's
    first words and its ownership form beside its numbers. This is a number inside the
    wrapped text of the row above (``By FDS New`` / ``River Farm`` / ``2017`` /
    ``Irrevocable`` / ``Trust``: remix seed 859, a phantom row titled ``Stock Units Stock River
    Farm Irrevocable Trust`` owning 2017)."""
    if not d.plain or (d.title_raw or "").strip():
        return False
    said = [
        x
        for f, x in d.values.items()
        if x is not None and f != "voluntary" and f not in TEXT_FIELDS
    ]
    return len(said) == 1 and isinstance(said[0], Decimal)


def _lone_number_below(host: Draft, d: Draft) -> None:
    """``d`` (:func:`_lone_number`) read as no row: its number and the words read with it are
    the row above's wrapped cells (:func:`_no_row_below`)."""
    _no_row_below(
        host,
        d,
        "holds a lone number and no title, ownership form, date or code on its line: words"
        " wrapped from the row above, not a row",
        f"line {d.line} below (a lone number among wrapped words) may hold its rest",
    )


_ROW_VALUES = frozenset(TEXT_FIELDS) | {"voluntary", "ownership", "nature_of_ownership"}


_ROW_OWN = ("transaction_date", "code", "shares", "shares_owned_following", "ownership")


def _rest_of_an_open_bracket(host: Draft, d: Draft) -> bool:
    """A row whose title's cell opens on a word's rest (``| sell) | | | $.01(2)(3) | ...``)
    right under a row whose title was left with a bracket open (``Call Option (obligation
    to ...``: markitdown, remix seed 1225, the plain row's wrapped rest put in a row of cells),
    with no date, code, amount, balance or form of its own: the rest of that row, whose
    ``$.01`` is its underlying title's par value, no price; read as a row it was a phantom."""
    return (
        not d.values.get("security_title")
        and host.line < d.line <= host.line + 2
        and all(d.values.get(f) is None for f in _ROW_OWN)
        and any(
            f == "security_title" and "rest of a word a cell border cut" in m for f, m in d.notes
        )
        and any(f == "security_title" and "leaves a bracket open" in m for f, m in host.notes)
    )


def _but_a_digit(values: dict[str, object]) -> dict[str, object]:
    """``values`` less a balance of one digit beside no ownership form and no nature but
    small-letter specks (``a =   0 se ol cecal and ED A``, remix seed 1251's scan: a row every
    value of which the scan garbled, read as a holding of 0, a phantom): a speck read as a
    digit is no row's value (a row of a title and a balance states its form beside it)."""
    balance, nature = values.get("shares_owned_following"), values.get("nature_of_ownership")
    if (
        not isinstance(balance, Decimal)
        or not 0 <= balance < 10
        or values.get("ownership")
        or (isinstance(nature, str) and nature[:1] and not nature[:1].islower())
    ):
        return values
    return {f: x for f, x in values.items() if f != "shares_owned_following"}


def _holds_a_value(values: dict[str, object]) -> bool:
    """A date, code, amount, price or balance read: what a row reports beyond its words."""
    return any(x is not None for f, x in values.items() if f not in _ROW_VALUES)


_AMOUNT_FIELDS = frozenset(
    ("shares", "shares_owned_following", "price", "underlying_shares", "exercise_price")
)


def _unread_said(d: Draft) -> list[str]:
    """What a row left out whole says of itself: its first two doubts, and every doubt on an
    amount it had read (``26,860 read as a holding's balance ... left empty``): a number the
    user looks for in the table is named where it went."""
    said = [m for _, m in d.notes[:2]]
    said += [m for f, m in d.notes[2:] if f in _AMOUNT_FIELDS and m not in said]
    return said


def _note_left_out(host: Draft | None, message: str, orphans: list[str] | None) -> None:
    """Say on ``host`` (the row nearest above) that a line was left out; with no row to carry
    it, the table's own note (``orphans``)."""
    if host is not None:
        host.notes.append((None, message))
    elif orphans is not None:
        orphans.append(message)


_DATE_MARKED = r"(?P<date>\d{1,2}/\d{1,2}/\d{4})(?P<dm>(?:\s*\(\d{1,2}\))*)"
"""A trust's date and its footnote markers."""
_WORDS_THEN_DATE = re.compile(
    r"(?P<words>[^\d()$]*[A-Za-z][^\d()$]*?)(?P<wm>(?:\s*\(\d{1,2}\))*)"
    r"(?:\s+(?P<par>\$\s?\d*\.\d+)(?P<pm>(?:\s*\(\d{1,2}\))*))?\s+" + _DATE_MARKED
)


_OTHER_ENDS = frozenset({"interest", "interests", "notes", "debentures"})
"""Nouns a title ends on besides a share's or unit's (``Shares of Beneficial Interest``)."""


def _class_after_its_noun(title: str) -> bool:
    """A title ending on a class's letter after its noun (``Common Stock, Class A``): whole,
    though a class's letter ends a title mid-phrase where no noun came before."""
    words = [w.casefold().strip(",") for w in title.split()]
    return (
        len(words) > 2
        and words[-2] in ("class", "series")
        and any(w in SECURITY_NOUNS for w in words[:-2])
    )


def title_rest_after_the_form(draft: Draft) -> None:
    """A plain line whose title ends mid-phrase and whose words after a direct ``D`` form
    open no nature (``Common Shares of 447,654 D Beneficial Interest``: pymupdf4llm's layout
    mode, a table's last row printed as words, the title cell's second line put after the
    row's last value; remix seed 1259, read as a holding titled ``Common Shares of`` held
    ``Beneficial Interest``). A direct holding names no nature, and the title wants more:
    the words are the title's rest where they end it on a security's noun (joined, with a
    note); otherwise whose they are is not said, and both cells are left empty."""
    title, nature = draft.values.get("security_title"), draft.values.get("nature_of_ownership")
    if (
        not draft.plain
        or draft.values.get("ownership") != "D"
        or not isinstance(title, str)
        or not isinstance(nature, str)
        or not nature.split()
        or {"security_title", "nature_of_ownership"} & draft.closed
        or not wraps.ends_mid_phrase(title)
        or nature.split()[0].casefold() in NATURE_OPENS
        or _class_after_its_noun(title)
    ):
        return
    whole = f"{title} {nature}"
    last = whole.split()[-1].casefold().strip(",.")
    if not wraps.ends_mid_phrase(whole) and last in SECURITY_NOUNS | _OTHER_ENDS:
        draft.values["security_title"] = whole
        draft.values["nature_of_ownership"] = None
        draft.notes.append(
            (
                "security_title",
                f"{nature!r}, after the direct form D where no nature stands, read as the rest"
                f" of {title!r}, which ends mid-phrase (a wrapped line put after the row's"
                " values)",
            )
        )
        draft.repaired = True
        return
    said = f"{title!r} ends mid-phrase and {nature!r} stands after the direct form D"
    draft.leave_empty("security_title", f"{said}: its rest, or a nature? left empty")
    draft.leave_empty("nature_of_ownership", f"{said}: a nature, or the title's rest? left empty")


def _title_and_trust_date(host: Draft, d: Draft) -> bool:
    """A plain line of words and then a date (``Beneficial Interest 3/1/2010(1)(2)``) under a
    plain row whose title and nature both end mid-phrase (``Common Shares of``, ``By Revocable
    Trust dated``): the date is the trust's, which must follow ``dated`` at once, so the words
    before it are not the nature's; the title wants its rest, and no other text cell is open
    beside it: they are the title's (remix seed 937, both cells had been left empty), where
    they end it on its noun (``Class B`` / ``Common 3/1/2010`` / ``Stock(1)(2)``: its rest goes
    on below, seed 951, read ``Class B Common``). True where the line is read so."""
    nature, title = host.values.get("nature_of_ownership"), host.values.get("security_title")
    m = _WORDS_THEN_DATE.fullmatch(d.text.strip())
    if (
        m is None
        or not (host.plain and d.plain)
        or not isinstance(nature, str)
        or not isinstance(title, str)
        or {"security_title", "nature_of_ownership"} & host.closed
        or not ends_on_dated(nature)
        or not _title_unfinished(title)
        or "underlying_title" in host.blurred
    ):
        return False
    under = host.values.get("underlying_title")
    if m["par"] is None and under is not None:
        return False
    if m["par"] is not None and (
        not isinstance(under, str)
        or "underlying_title" in host.closed
        or not PAR_WANTED.search(under)
    ):
        return False  # (a par amount only where the underlying ends on ``par value``)
    words, date = " ".join(m["words"].split()), m["date"]
    last = words.split()[-1].casefold().strip(",")
    if wraps.opens_only(f"{title} {words}") or last not in SECURITY_NOUNS | _OTHER_ENDS:
        return False  # (``Class B`` / ``Common 3/1/2010`` / ``Stock(1)``: more below, seed 951)
    host.values["security_title"] = f"{title} {words}"
    host.values["nature_of_ownership"] = f"{nature} {date}"
    add_refs(host, "security_title", mark_ids(re.findall(r"\d+", m["wm"])))
    add_refs(host, "nature_of_ownership", mark_ids(re.findall(r"\d+", m["dm"])))
    read = [("security_title", words), ("nature_of_ownership", date)]
    if m["par"] is not None:
        # ``Common Stock $.01(2)(3) 3/1/2010(4)`` under ``Warrants to purchase Class A ...
        # Common Stock, par value 402,054 ... By Revocable Trust dated`` (pdfplumber's plain
        # text, remix seed 1271): three cells' rests, the par amount the underlying's
        host.values["underlying_title"] = f"{under} {m['par']}"
        add_refs(host, "underlying_title", mark_ids(re.findall(r"\d+", m["pm"])))
        read.append(("underlying_title", m["par"]))
    for f, got in read:
        host.notes.append(
            (
                f,
                f"line {d.line} ({d.text.strip()!r}) holds the rest of {title!r} and of"
                f" {nature!r}: a trust's date follows 'dated' at once, so the words before it"
                f" are the title's; read {got!r} as this cell's",
            )
        )
    return True


_DATE_ALONE = re.compile(
    r"(?P<lead>(?:\(\d{1,2}\)\s*)*)" + _DATE_MARKED + r"(?P<torn>[\"'”’)\]}|]{0,3})"
)


def _trust_date_below(host: Draft, d: Draft) -> bool:
    """A line holding a date and its markers and nothing else (``3/1/2010(11)``) right under a
    row whose nature of ownership ends on ``dated`` (``Restricted Stock 35,815 I By Revocable
    Trust dated``, no marker closing it): the trust's date, wrapped, which follows ``dated``
    at once; read as a row, it was a phantom transaction of that date (remix seed 1031, a
    holding's nature in plain text, markitdown and layout text alike). True where so read."""
    nature = host.values.get("nature_of_ownership")
    m = _DATE_ALONE.fullmatch(d.text.strip())
    if (
        m is None
        or not isinstance(nature, str)
        or not ends_on_dated(nature)
        or "nature_of_ownership" in host.closed
        or not host.line < d.line <= host.line + 2
    ):
        return False
    host.values["nature_of_ownership"] = f"{nature} {m['date']}"
    add_refs(host, "nature_of_ownership", mark_ids(re.findall(r"\d+", m["dm"])))
    if m["torn"]:
        # ``3/1/2010")`` (remix seed 1273's scan): a marker torn to a quote and its close
        host.notes.append(
            (
                "nature_of_ownership",
                f"dropped OCR fragment {m['torn']!r} after the date: a torn marker",
            )
        )
        host.repaired = True
    host.notes.append(
        (
            "nature_of_ownership",
            f"line {d.line} ({d.text.strip()!r}) holds only a date under {nature!r}: a trust's"
            " date follows 'dated' at once; read as the nature's rest, no row",
        )
    )
    lead = re.findall(r"\d+", m["lead"])
    if lead:
        # ``(2) 3/1/2010(6)`` (remix seed 1117): markers left of the date are wrapped from a
        # cell left of the nature's (the title's, the underlying's, a price's), which, the line
        # does not say where its words keep no columns: said, not placed
        said = ", ".join(f"({n})" for n in lead)
        host.notes.append(
            (None, f"line {d.line}: marker(s) {said} left of the trust's date, wrapped from a"
             " cell left of the nature's; not placed")
        )  # fmt: skip
    return True


def real_rows(drafts: list[Draft], orphans: list[str] | None = None) -> list[Draft]:
    """A filed row names its security and either reports a transaction or a balance. Values
    with no title and no transaction (a stray page number, an address line below the tables)
    are not a row: they are left out, and a neighbouring row carries a note that says so."""
    kept: list[Draft] = []
    lost: list[Draft] = []
    debris: list[Draft] = []
    for d in drafts:
        v = d.values
        if d.after_caption and (d.torn_caption or _caption_debris(v, d.text)):
            debris.append(d)
            continue
        titled = v.get("security_title") or "security_title" in d.blurred
        if _head_captions(d) and not v.get("transaction_date") and not v.get("ownership"):
            # a further reporting person's boxes laid out inside the table, their labels cut
            # into cells (pymupdf4llm-layout, remix seed 1169: ``|1. Name and Ad<br>**Huang
            # Jen Hs**<br>(Last)|...|(Middle|)|5.<br>(C|...|**X** 10|% Owner|``, a holding of
            # 10 as read; ``|(Street)<br>**ANAHEIM X**|...``): box 1's captions, no row
            message = (
                f"line {d.line}: the captions of a box of the form's head ({_said(d)}), not a row"
            )
            _note_left_out(kept[-1] if kept else None, message, orphans)
            continue
        if _box_label(v.get("security_title")) and not _holds_a_value(v):
            # the next reporting person's boxes, which a converter laid out inside the table
            # (pymupdf4llm-layout, a Form 3 of two owners, remix seed 911: a phantom row
            # titled ``D Eibl ate xercsae 1. Name and Address of Reporting Person ...``)
            message = f"line {d.line}: a box of the form's head ({_said(d)}), not a row"
            _note_left_out(kept[-1] if kept else None, message, orphans)
            continue
        if titled and kept and _a_par_amount_only(d) and _title_and_trust_date(kept[-1], d):
            continue  # (its par amount the underlying's: ``Common Stock $.01(2)(3) 3/1/2010``)
        if (
            titled
            and kept
            and _reports_nothing(d)
            and (
                kept[-1].plain
                or _date_past_the_ownership(kept[-1], d)
                or _open_cells_above(kept[-1], d)
            )
        ):
            # (a row of cells too: markdown puts a plain row's wrapped rest in cells, ``|
            # Stock | ... | dated 3/1/2010(2) |`` under ``Class C Capital 05/11/2023 P ... I By
            # Revocable Trust``, remix seed 863, a phantom row of 2010-03-01 as read; and
            # under a row of cells or columns, ``Voting Shares(1)(2)   3/1/2010(6)`` under
            # ``Subordinate ... I   By Revocable Trust dated``, seed 877)
            if not _par_value_wrapped(kept[-1], d) and not _title_and_trust_date(kept[-1], d):
                _hollow_below(kept[-1], d)
            continue
        if titled and kept and _rest_of_an_open_bracket(kept[-1], d):
            message = (
                f"line {d.line}: its title's cell opens on the rest of line {kept[-1].line}'s"
                " title, left with a bracket open: that row's rest, not a row; its values"
                f" ({_said(d)}) not placed"
            )
            _note_left_out(kept[-1], message, orphans)
            continue
        if titled and kept and _bracket_and_par_amount(kept[-1], d):
            _titles_rest_below(kept[-1], d)
            continue
        if titled and kept and _lone_number(d):
            _lone_number_below(kept[-1], d)
            continue
        # (after the hollow line's words are weighed against the plain row above)
        if titled and not v.get("security_title") and not _holds_a_value(_but_a_digit(v)):
            # a scan's row whose title and every value were left empty with doubts: nothing
            # of it can be read, so it is no row; its doubts go with the note
            said = "; ".join(_unread_said(d))
            message = f"line {d.line}: title and values all unread ({said}); not read as a row"
            _note_left_out(kept[-1] if kept else None, message, orphans)
            if kept and d.above and d.line - d.above == kept[-1].line + 1:
                # its lines start right under the row above, so they may be that row's rest
                # (``Call Option | ... By Revocable`` / ``(obligation to ... Common`` / ``sell)
                # Stock, par 3/1/2010``: a scan's, remix seed 911)
                _open_cells_left_empty(
                    kept[-1], f"the lines above line {d.line}, not read as a row, may hold its rest"
                )
            continue
        if _lone_noun_row(d):
            _lone_noun_below(kept[-1] if kept else None, d, orphans)
            continue
        if (
            titled
            and v.get("shares_owned_following") is None  # (most rows: a balance or a date)
            and v.get("transaction_date") is None
            and not v.get("ownership")
            and specks_for_a_title(v.get("security_title"))
            and not _holds_a_value(v)
        ):
            # ``Sli |S eT NTI ce eS] ee eee a00``: a scan's specks where the table has no row
            # (a garbled caption line), a title of no words and not a value read beside it
            title = v.get("security_title")
            message = f"line {d.line}: {title!r} and no value read; specks, not read as a row"
            _note_left_out(kept[-1] if kept else None, message, orphans)
            continue
        if (
            titled
            and kept
            and kept[-1].line < d.line <= kept[-1].line + 2
            and not _holds_a_value(v)
            and not v.get("ownership")
            and _title_unfinished(kept[-1].values.get("security_title"))
        ):
            _words_below_an_unfinished_title(kept[-1], d, orphans)
            continue
        if not titled and kept and _trust_date_below(kept[-1], d):
            continue
        if titled or v.get("transaction_date") or v.get("code"):
            kept.append(d)
        else:
            lost.append(d)
    for d in lost:
        host = next((k for k in reversed(kept) if k.line < d.line), kept[0] if kept else None)
        near = host is not None and host.line < d.line <= host.line + 3
        if (
            host is not None
            and near
            and (_year_below_a_title_due(host, d) or _par_value_below(host, d))
        ):
            continue
        shown = _said(d)
        message = f"line {d.line} ({shown}) has no security title; not read as a row"
        _note_left_out(host, message, orphans)
        if host is not None and near:
            _lone_number_below_a_nature(host, d)
            _unfinished_above_a_lost_line(host, d)
    for d in debris:
        if kept:
            shown = _said(d)
            kept[0].notes.append(
                (None, f"line {d.line} ({shown}) read as OCR debris of the column captions")
            )
    for d in kept:
        par_value_set_aside(d)
    return kept


_DOLLARS = re.compile(r"\$\s?(?:\d{1,3}(?:,\d{3})*)?\.?\d+(?=\s|$)")


def par_value_set_aside(d: Draft) -> None:
    """An amount in dollars no column of the row took (a holding's price set aside: a row
    with no date or code has none; or a value that fits no column where it stands) that stood
    right after the title's words, where the title's wrapped rest opens on ``par value``: the
    par value's amount, the title's own (``Common Stock, $.001`` / ``par value``, read
    ``Common Stock, par value`` with ``$.001`` left out: remix seeds 863, 877). Put back where
    it stood, as written."""
    title = d.values.get("security_title")
    price = d.set_aside.get("price")  # (the amount stood in the title's text: title_raw)
    if not isinstance(title, str) or not d.title_raw or (price is None and not d.left_out):
        return
    for m in _DOLLARS.finditer(d.title_raw):
        head = d.title_raw[: m.start()].split()
        words = title.split()
        rest = words[len(head) :]
        if words[: len(head)] != head or [w.casefold() for w in rest[:2]] != ["par", "value"]:
            continue
        written = m.group().replace(" ", "")
        note = next((n for w, n in d.left_out if w == written), None)
        if note is not None:
            d.left_out.remove((written, note))
            d.notes.remove(note)
        else:
            try:
                amount = Decimal(written.lstrip("$").replace(",", ""))
            except ArithmeticError:
                continue
            if amount != price:
                continue
            del d.set_aside["price"]
            d.notes[:] = [(f, t) for f, t in d.notes if not (f == "price" and SET_ASIDE in t)]
        d.values["security_title"] = " ".join([*head, written, *rest])
        d.notes.append(
            (
                "security_title",
                f"{m.group()} beside the title, over its rest 'par value', read as the par"
                " value's amount, the title's own",
            )
        )
        return


_SIDE_CAPTION = re.compile(r"\(?A\)?\s*or(?:\s*\(?D\)?)?")
"""The caption of the (A)/(D) column, ``(A) or (D)``, with brackets or spaces a scan lost."""


def _lone_noun_row(d: Draft) -> bool:
    """A line read as a row whose title is a security's noun alone (``Stock 22)  14``), opens
    on a small letter (``member 19890)``) or a par value (``$0.01 par value``), or is two
    letters not both capitals (``Pp``, a scan's specks beside a price pushed below its row),
    or is a word that ends an owner's name (``Unitrust 109``, whatever number beside it): no
    security is titled ``Stock`` or ``Shares`` alone, no title opens so, and a row with no date,
    code, amount or price reports nothing: the rest of a cell above, with a scan's debris."""
    title = d.values.get("security_title")
    if not isinstance(title, str):
        return False
    if title.casefold().rstrip(".") in OWNER_WORDS_ALONE and not any(
        d.values.get(f) for f in ("transaction_date", "code", "shares", "price", "ownership")
    ):
        # ``Unitrust 109`` under ``... I SMB Pacific 2021`` / ``Charitable Remainder``: a word
        # that ends an owner's name titles no security; the nature's rest, and its number
        # (``II``, a marker) garbled, not a holding of 109
        return True
    if _SIDE_CAPTION.fullmatch(title) and not any(
        d.values.get(f) for f in ("transaction_date", "code", "shares", "price")
    ):
        # ``>) Aor)  9`` under Table I's captions, a scan's blank line between (so no torn
        # caption by its place, :func:`parsers.text.tables.read_table`): the (A)/(D) column's
        # caption as a scan garbled it, a caption's ``4)`` read as a number beside it; no
        # security is so titled
        return True
    speck = len(title) <= 2 and title.isalpha() and not title.isupper()  # ``Pp``: no title
    return (
        title.casefold() in ("stock", "shares", "share")
        or title[:1].islower()
        or title[:1] == "$"  # ``$0.01 par value``: a title's par value, which opens none
        or speck
    ) and not any(
        d.values.get(f)
        for f in ("transaction_date", "code", "shares", "price", "shares_owned_following")
    )


def _lone_noun_below(host: Draft | None, d: Draft, orphans: list[str] | None) -> None:
    """:func:`_lone_noun_row` below ``host``: no row; the title cells of ``host`` it may end (not
    ending on a noun) and an open nature of ownership (its other words and numbers may be the
    nature's rest: ``member`` / ``22)``) are left empty with a doubt."""
    said = _said(d)
    _note_left_out(host, f"line {d.line} ({said}): the rest of a cell above, no row", orphans)
    if host is None:
        return
    u = host.undecided
    if (
        u is not None
        and "nature_of_ownership" in u.cells
        and "nature_of_ownership" not in host.closed
    ):
        # the nature's wrapped lines not yet cut: the line below may end it too, so no cut of
        # them is read (the cells stay empty with their doubt)
        host.undecided = None
        host.notes.append(
            (
                "nature_of_ownership",
                f"line {d.line} below ({said}) may end it, or be a row's the scan lost: left empty",
            )
        )
    for f in ("security_title", "underlying_title", "nature_of_ownership"):
        text = host.values.get(f)
        if not isinstance(text, str) or not text or f in host.closed:
            continue
        below = d.values.get(f)
        if (
            f == "nature_of_ownership"
            or _title_unfinished(text)  # (``Common Stock,`` too)
            # ``Convertible Senior Notes`` over ``due 2028``, in its column (remix seed
            # 1255's scan): words below in the cell's own column may be its rest
            or (isinstance(below, str) and below.strip())
        ):
            host.leave_empty(
                f,
                f"line {d.line} below ({said}) may end it, or be a row's the scan lost: left empty",
            )


def _year_below_a_title_due(host: Draft, d: Draft) -> bool:
    """A title ending on ``due`` (``Convertible Senior Notes due``) over a line holding a year
    alone (``2028``, read as an amount of no row): the year the notes fall due, the title's
    own. No title ends on ``due``, and no other cell of the row is open for a number, so the
    year goes back into the title (remix seed 911). True where it did."""
    title = host.values.get("security_title")
    said = [x for x in d.values.values() if x is not None]
    if (
        not isinstance(title, str)
        or title.split()[-1].casefold() != "due"
        or "security_title" in host.closed
        or len(said) != 1
        or not isinstance(said[0], Decimal)
        or not 1900 <= said[0] <= 2199
        or said[0] != said[0].to_integral_value()
        or _nature_goes_on(str(host.values.get("nature_of_ownership") or "-"))
    ):
        return False
    year = f"{int(said[0])}"
    _title_goes_on(
        host,
        d,
        year,
        f"{title!r} ends on 'due', and line {d.line} below holds the year {year} alone: read"
        " as the title's rest",
    )
    return True


def _title_goes_on(host: Draft, d: Draft, rest: str, message: str) -> None:
    """Line ``d``, read as no row, is the rest of ``host``'s title: joined to it, its markers
    the title's."""
    host.values["security_title"] = f"{host.values['security_title']} {rest}"
    for refs in d.footnotes.values():
        add_refs(host, "security_title", refs)
    host.notes.append(("security_title", message))


_PAR_VALUE_REST = re.compile(
    r"(?:par\s+value,?\s+)?\$\s?(?:\d{1,3}(?:,\d{3})*)?\.?\d+(?:\s+per\s+share)?"
    r"|par\s+value(?:\s+per\s+share)?",
    re.IGNORECASE,
)
"""What a par value's wrapped line holds: ``$0.01 per share``, ``par value $0.0001``, ``par
value``."""
_MARKERS = re.compile(r"(?:\s*\(\d{1,2}\))+$")


def _par_value_below(host: Draft, d: Draft) -> bool:
    """A title ending on ``par value`` or a comma (``Common Stock, par value``, ``Class A
    Ordinary Shares,``) over a line that holds the par value's rest and nothing else (``$0.01
    per share(1)``, ``par value $0.0001(1)``; its amount read as a price set aside, its words as
    a nature: a line of no row, the title left empty as unfinished). No other cell's words read
    so: the title's own, joined to it (remix seed 903, pdfplumber). True where it did."""
    title = host.values.get("security_title")
    if not isinstance(title, str) or "security_title" in host.closed:
        return False
    rest = _MARKERS.sub("", d.text.strip())
    if not _PAR_VALUE_REST.fullmatch(rest):
        return False
    ends_par_value = title.casefold().rstrip(",").endswith("par value")
    opens_par_value = rest.casefold().startswith("par")
    if not (ends_par_value and not opens_par_value) and not (
        title.endswith(",") and opens_par_value
    ):
        return False
    underlying = host.values.get("underlying_title")
    if isinstance(underlying, str) and _title_unfinished(underlying):
        return False  # (Table II: whose rest it is, the line does not say)
    more = _words_past_its_line(d)
    rest = " ".join(rest.split())
    said = (
        f"{title!r} ends mid-phrase, and line {d.line} below holds only its par value's rest"
        f" ({rest!r}): read as the title's"
    )
    if not more:
        _title_goes_on(host, d, rest, said)
        return True
    # ``... I By Limited`` / ``$0.01 per share`` / ``Partnership(2)`` (markitdown, remix seed
    # 1183): words wrapped past the par value's line, read as that line's, are no word of the
    # title, which its par value ends. They are the rest of a cell the row left open (the
    # nature: 'By Limited Partnership'), or the first line of the next row's title printed
    # above its values ('Series A' / 'Common Stock ...'): which, the lines do not say, so an
    # open cell is left empty (dropped with the par line, its words had read 'By Limited',
    # wrong) and only the par line's own markers go with the title
    host.values["security_title"] = f"{title} {rest}"
    add_refs(host, "security_title", mark_ids(_ANY_MARKER.findall(d.text)))
    host.notes.append(("security_title", said))
    open_cells = [
        f
        for f in ("nature_of_ownership", "underlying_title")
        if isinstance(host.values.get(f), str) and host.values[f] and f not in host.closed
    ]
    for f in open_cells:
        host.leave_empty(
            f,
            f"{more!r}, wrapped below the title's par value (line {d.line}), may be the rest of"
            f" this cell ({host.values[f]!r}) or a line of the row below; left empty",
        )
    if not open_cells:
        host.notes.append(
            (
                None,
                f"{more!r} below the title's par value (line {d.line}): no cell of this row is"
                " left open to take it, so it may be the row below's; not read",
            )
        )
    return True


_ANY_MARKER = re.compile(r"\((\d{1,3})\)")


def _words_past_its_line(d: Draft) -> str:
    """The words ``d``'s text cells hold past those of its own line: lines wrapped below it
    that were read as its cells' rest."""
    own = _ANY_MARKER.sub(" ", d.text).split()
    words = [
        w for f in TEXT_FIELDS for w in _ANY_MARKER.sub(" ", str(d.values.get(f) or "")).split()
    ]
    for w in own:
        if w in words:
            words.remove(w)
    return " ".join(words)


def _lone_number_below_a_nature(host: Draft, d: Draft) -> None:
    """A line below a row holding one small whole number and nothing else (``2(9)`` under ``...
    I By immediate family member``): no row, but the rest of the row's nature of ownership, if
    that nature is open (no footnote marker closed it on its line), as well as a stray value:
    which, the text does not say, so the nature is left empty with a doubt (it had been read
    without its number, ``By immediate family member``, a nature nobody filed)."""
    values = [v for v in d.values.values() if v is not None]
    nature = host.values.get("nature_of_ownership")
    if (
        len(values) != 1
        or not isinstance(values[0], Decimal)
        or values[0] != values[0].to_integral_value()
        or not 0 <= values[0] < 1000
        or not nature
        or "nature_of_ownership" in host.closed
    ):
        return
    host.leave_empty(
        "nature_of_ownership",
        f"line {d.line} below holds a number alone ({values[0]}): the rest of the nature"
        f" {nature!r}, or a value of no row; left empty",
    )


# Every word of the form's column captions (Forms 3, 4 and 5), to tell a caption line that
# wrapped past the caption keywords from the first row's title sitting above its values.
_CAPTION_TEXT = """
    title of security instr transaction date month day year deemed execution if any code v
    securities acquired a or disposed d amount price beneficially owned following reported
    transactions ownership form direct indirect i nature beneficial derivative conversion
    exercise number exercisable expiration and underlying shares trans action conver sion
    owner ship at end issuer issuers s fiscal in the see instruction per share for"""


_CAPTION_WORDS = frozenset(_CAPTION_TEXT.split())

_OPENERS = frozenset({"share", "see"})
"""Caption words (``per share``, ``See Instruction``) that alone on a line open a value instead
(``Share Option``, ``See Footnote``): no sub-caption is either word alone."""


_WORD_PARTS = re.compile(r"[a-z]+")


def drop_debris(
    draft: Draft, lines: list[tuple[Row, list[Token]]], first: bool
) -> list[tuple[Row, list[Token]]]:
    """Text lines above a row's values that are no part of its title, left out with a note:
    scan crumbs (no word of three letters, opening with a lower-case or one-letter word: ``ee``,
    ``G i 4)``; a title opens with a capital word; above a table's first row, small words alone,
    ``ie eee``) and, above a table's first row, a line of
    column captions the scan garbled (``ode AY Amount | (A) or Price``: most of its words are
    caption words). Taken for the title, they glue words onto it and make the table look as
    if its cells were centred, which sends the next rows' wrapped words the wrong way."""
    kept = []
    for pair in lines:
        texts = [t.text for t in pair[1] if t.text]
        parts = [p for t in texts for p in _WORD_PARTS.findall(t.lower())]
        garbled = (
            first and len(parts) >= 4 and 2 * sum(p in _CAPTION_WORDS for p in parts) > len(parts)
        )
        lead = texts[0].strip("()[]{}|_") if texts else ""
        crumbs = (
            bool(texts)
            and (
                (
                    not any(THREE_LETTERS.search(t) for t in texts)
                    and (len(lead) <= 1 or lead[0].islower())
                )
                # above a table's first row nothing but captions stands: small words alone there
                # (``ie eee``) open no title, which starts with a capital
                or (
                    first
                    and lead[:1].islower()
                    and not any(w[:1].isupper() for t in texts for w in t.split())
                )
                # ``Foe eee ee``: mostly words of vowels alone, a scan's speckles; a title's words
                # are words
                or are_speckles([w for t in texts for w in t.split()])
            )
        )
        if garbled:
            said = " ".join(texts)
            draft.notes.append((None, f"ignored OCR debris {said!r} of the column captions"))
            draft.repaired = True
        elif crumbs:  # maybe values of a column the converter dumped apart: a doubt
            said = " ".join(texts)
            draft.notes.append((None, f"left out {said!r} above the row's values: no title word"))
        else:
            kept.append(pair)
    return kept


def drop_closing(
    draft: Draft, lines: list[tuple[Row, list[Token]]]
) -> list[tuple[Row, list[Token]]]:
    """A scan's lines above a row's values that close a bracket they never opened (``Aor)``,
    ``Wor) 2``: the ``(A) or (D)`` caption garbled), left out with a note: a scan prints a row's
    title from its value line, and a line above it that is no title's start (no title opens on a
    closing bracket) is not the row's title cut apart from it, so the title on the value line
    stands."""
    kept = []
    for pair in lines:
        said = " ".join(t.text for t in pair[1] if t.text)
        if closes_unopened(said):
            draft.notes.append(
                (None, f"left out {said!r} above the row's values: no title's start")
            )
        else:
            kept.append(pair)
    return kept


def closes_unopened(text: str) -> bool:
    """``text`` closes a bracket it never opened (``Aor)``): no title starts so."""
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return True
    return False


def is_caption_line(words: list[Token]) -> bool:
    return all(
        part in _CAPTION_WORDS for t in words for part in _WORD_PARTS.findall(t.text.lower())
    )


_NUMBERED_CAPTION = re.compile(
    r"\d{1,2}A?\.(?:\s+[A-Z][a-z]|\s*$)"  # ``4. Transaction``, a box number alone
    r"|(?:\d,\s*)*\d\s+and\s+\d\)\s*$"  # the end of ``(Instr. 3, 4 and 5)``
)


def is_caption_text(text: str) -> bool:
    """A line of column captions: a caption keyword, or only the captions' words (``V (A)``,
    ``(D)``, ``Date Exercisable``), with no value."""
    if is_header_row(text) or _NUMBERED_CAPTION.match(text):
        return True
    tokens = cell_templates(text)  # the tokens' kinds and texts, without making the tokens
    if not tokens:
        return False
    for t in tokens:  # loops, not any() and all(): asked of every line of a plain region
        if t[0] == NUM or t[0] == DATE or (t[0] == TEXT and t[4]):
            return False  # (a value, or a word with a footnote marker: no caption has one)
    for t in tokens:
        for part in _WORD_PARTS.findall(t[1].lower()):
            if part not in _CAPTION_WORDS:
                return False
    return True


_MARKS_ALONE = re.compile(r"(?:\s*(?:<sup>)?\(\d{1,3}\)(?:</sup>)?)+\s*")


_BOLD_LINE = re.compile(r"\s*\*\*[^*]+\*\*\s*")
_TABLE_TWO_BOLD = re.compile(r"\s*\*\*Table\s+II\b")


def caption_across_row_off(row: Row) -> Row:
    """Table I's last row with Table II's caption printed across its cells (pymupdf4llm's
    layout mode, remix seed 683: ``|INNSUITES<br>HOSPITALI<br>|...|**Table II - D**<br>**(e**
    <br>|...|21,16<br>**, or Benef**<br>...|9,379,000<br>**icially Owned**<br>...|``): the
    caption's lines are bold, a row's values never are, so every bold line goes; read with
    them, the caption's ``D`` had been the row's code."""
    lines = [c.split("<br>") for c in row.cells]
    if not any(_TABLE_TWO_BOLD.match(x) for cell in lines for x in cell):
        return row
    return row.with_cells(
        tuple("<br>".join(x for x in cell if not _BOLD_LINE.fullmatch(x)) for cell in lines)
    )


_ROW_VALUE = re.compile(r"\d/\d{1,2}/\d{2}|\d,\d{3}|\$\s?\d")
_TITLE_CAPTION = re.compile(r"\s*1\.\s*Title\s+of\b", re.I)
_CLOSES_CAPTION = re.compile(r"\s*(?:(?:\d,\s*)*\d\s+and\s+)?\d\)\s*")
_TORN_WORD = re.compile(r"\s*([a-z]+)\s+(\S.*)")


def values_under_captions(row: Row) -> Row | None:
    """A table of one row printed with its captions in the same cells (pymupdf4llm's layout
    mode, remix seed 691: ``|1. Title of Security (Instr.<br>3)<br>Class A Common<br>Stock,
    $0.01 par<br>value(1)(2)|2. Transaction Date<br>(Month/Day/Year)<br>04/15/2026(3)|...``):
    each cell's caption lines come off its top (a caption, the bracket it closes on the next
    line, a caption a border cut in a word: ``ired (A) or Disposed Of (D)``), and the lines
    under them are the row's; a cell of captions alone is empty. The row so read, where its
    first cell opens on Table I's or II's first caption and three cells or more hold values
    under their captions; None otherwise (a row of captions alone is read as ever)."""
    if _ROW_VALUE.search(row.text) is None:
        return None  # (no date, grouped amount or price: the captions alone, as most are)
    lines = [c.split("<br>") for c in row.cells]
    first = next((c for c in lines if c and c[0].strip()), None)
    if first is None or not _TITLE_CAPTION.match(clean(first[0])):
        return None
    cells: list[str] = []
    held = 0
    before = ""  # the cell before's first line: the word a border cut, ``4. Securitie``
    for cell in lines:
        k, opened = 0, False
        while k < len(cell):
            line = clean(cell[k]).strip()
            if line in ("A", "D", "I"):
                break  # a side or a form: a value (the captions write ``(A)``, ``(D)``)
            caption = (
                not line
                or is_caption_text(line)
                or (opened and _CLOSES_CAPTION.fullmatch(line) is not None)
                or _torn_caption(line, before if k == 0 else "")
            )
            if not caption:
                break
            opened = line.count("(") > line.count(")")
            k += 1
        before = clean(cell[0]).strip() if cell else ""
        rest = "<br>".join(cell[k:]).strip()
        if rest and k > 0 and any(t[0] in (NUM, DATE) for t in cell_templates(clean(rest))):
            held += 1  # (a date or an amount under the captions, not a caption's torn rest)
        cells.append(rest)
    whole = row.with_cells(tuple(cells))
    if held < 3 or is_header_row(whole.text):
        return None
    return whole


def _torn_caption(line: str, before: str = "") -> bool:
    """``ired (A) or Disposed Of (D)``: a caption whose first word a cell border cut, its
    rest a caption's words (``Acquired``); or cut at both ends, its last word a caption word's
    first letters (``4. Securitie|s Acquire|d (A) or Disposed Of``, remix seed 1235's
    pymupdf4llm-layout: kept as the row's, its ``(Instr. 3`` / ``and 4)`` below had made the
    balance 4). One small letter opens it only where it ends the word the cell before cut
    (``before``, that cell's first line: ``Securitie`` and ``s``)."""
    m = _TORN_WORD.fullmatch(line)
    if m is None or not any(w.endswith(m[1]) and w != m[1] for w in _CAPTION_WORDS):
        return False
    cut = before.split()[-1].lower() if before.split() else ""
    if len(m[1]) == 1 and (not cut or cut + m[1] not in _CAPTION_WORDS):
        return False
    if is_caption_text(m[2]):
        return True
    *words, last = m[2].split()
    last = last.lower()
    return (
        last.isalpha()
        and any(w.startswith(last) and w != last for w in _CAPTION_WORDS)
        and (not words or is_caption_text(" ".join(words)))
    )


def captions_off(row: Row) -> Row:
    """The table's first row of cells with the sub-captions' lines on top of its values
    (``|Code<br>V<br>J(5)|Amount<br>30,467,595|(A) or<br>(D)<br>A|Price<br>$7.6956(4)|4)<br>
    549,400,539|``): a converter merged the row of sub-captions into it. Lines of caption
    words above a cell's values are taken off, where two cells or more have them (one alone
    may be a value that reads as a caption word); a cell of captions alone stays as it was,
    and the side under ``(D)`` (``A``, ``D``, itself a caption word) is kept."""
    cells = list(row.cells)
    changed = 0
    alone: list[int] = []  # (cells of captions alone)
    for i, cell in enumerate(cells):
        if "<br>" not in cell:
            if is_caption_text(clean(cell)) and _CAPTION_ALONE.fullmatch(clean(cell).strip()):
                alone.append(i)
            continue
        lines = cell.split("<br>")
        if clean(lines[0]).strip().casefold() in _OPENERS:
            continue  # ``Share<br>Option ...``, ``See<br>Footnote``: a value's first word
        k = 0
        while (
            k < len(lines) - 1
            and lines[k].strip()
            and not _MARKS_ALONE.fullmatch(lines[k])  # (``(2)``: a marker, no caption)
            and clean(lines[k]).strip() not in ("A", "D", "I")  # (a side or form: a value)
            and (
                is_caption_text(clean(lines[k]))
                # ``and 4)<br>129,171``: the rest of the balance's caption, its bracket's close
                or (k == 0 and _CLOSES_CAPTION.fullmatch(_AND_REST.sub("", clean(lines[k]))))
            )
        ):
            k += 1
        if not k:
            continue
        last = clean(lines[-1]).strip()
        if (
            k == len(lines) - 1
            and is_caption_text(last)
            and (last not in ("A", "D") or clean(lines[k - 1]).strip() != "(D)")
            and (last not in ("D", "I") or clean(lines[k - 1]).strip() != "(Instr. 4)")
            and (last not in CODES or clean(lines[k - 1]).strip() != "V")
        ):
            continue  # captions alone (a side stands under ``(D)`` only, a form under the
            # ownership caption's ``(Instr. 4)``, a code under ``V``: ``Code<br>V<br>S``)
        cells[i] = "<br>".join(lines[k:])
        changed += 1
    if changed < 2:
        return row
    for i in alone:
        # ``(Instr. 4)`` alone in the nature's cell of a row whose values stand under their
        # captions: the caption's, no value (remix seed 941: the row had read as captions)
        cells[i] = ""
    return row.with_cells(tuple(cells))


_AND_REST = re.compile(r"^\s*and\s+")
_CAPTION_ALONE = re.compile(r"\(Instr\.\s*\d\)")
"""A cell holding only an instruction's reference, the last line of a column's caption."""
