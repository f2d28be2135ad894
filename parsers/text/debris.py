"""Words in a title or nature cell that no filer typed: OCR specks, torn markers, other cells'
words.

A title or nature is compared as text, so debris in it is a wrong value, not a cosmetic one:
what can be told for debris is cut off with a note, and a cell that cannot be told clean is
left empty.
"""

from __future__ import annotations

import re
from itertools import dropwhile

from parsers.text.columns import TEXT_FIELDS
from parsers.text.drafts import Draft
from parsers.text.wraps import (
    ACRONYM,
    DATE_WORD,
    ENDING_NOUNS,
    TITLE_SMALL_WORDS,
    holds_a_titles_noun,
    runs_past_its_end,
    spells,
    unfinished,
)

# What a scan leaves around the words of a text cell: box rules, a torn footnote marker
# (``Stock™``, ``Footnotes)2)``, ``Trust?)``), quote marks for a superscript. No title or name
# on the form ends in them, nor holds a word without a letter or digit (``|)``, ``©)``).
_JUNK_TAIL = re.compile(
    r"(?<=[^\W\d_])(?:[)\]}|?!*™®©“”‘’'\"°@~^«»€¢§&_—\d]*[)\]}|?!*™®©“”‘\"°@~^«»€¢§]"
    r"|\((?!\d+\))[^A-Za-z\s]{0,5}\)"
    r"|[)\]}|?!*™®©“”‘’'\"°@~^«»€¢§&_—\d]*\)\.)$"
)
"""A scan's debris after a word's last letter: a torn footnote marker (``Trust®``, ``Stock‘)``:
its opening bracket read as a quote that opens, which no word ends on; ``Stock"``, ``Stock’)``
where no quote opened), a rule, a bracket, and the underscores and dashes a rule's shadow
leaves before it (``no_—_|``)."""


_SYMBOL_TAIL = re.compile(r"(?<=[^\W\d_])[™®©°¢§«»€][()\d%™®©°@¢§«»€~^*]*\)$")
"""Markers torn to a scan's symbol (not ASCII), brackets, digits and a percent sign after a
word's last letter (``Spouse®(@))2%)``)."""


_JUNK_ENDS = frozenset(')]}|?!*™®©“”‘"°@~^«»€¢§')
"""The characters a match of ``_JUNK_TAIL`` can end with (it ends the word)."""


_OPEN_MARKER = re.compile(r"(?=\S*\d)(?:\((?:\d{1,2}|[A-Z]{1,3}))+[a-z]?")
"""A cell's last word that opens a bracket on a footnote's number and never closes it
(``(8y``, ``(8``, ``(8(9``, ``(7(LOV`` with ``(10`` read as capitals): a marker the scan tore;
no title or nature ends so (``(DE``, a border's cut, holds no digit)."""
_MARKED_WORD = re.compile(r"[^\W\d_]\(\d+\)$")
"""A word with a footnote marker glued to it (``Spouse(6)``, ``Spouse(28920)``): the cell's
text ends there."""
_SMALL_SPECK = re.compile(r"[a-z]{1,2}")
_TORN_ENDS = ")]}|"
_ROMAN = re.compile(r"[IVX]+")


TORN_MARKER = re.compile(r"\((?!\d+\))[^A-Za-z\s]{1,5}\)")
"""A footnote marker the scan tore (``(©)``, ``(8€9)``); a whole ``(1)`` is a marker kept."""


_LETTERED_MARKER = re.compile(r"(?<=[a-z])(?:(?:\\[^\s)]{0,3}|[A-Z]{1,2})\)|[‘'][A-Z\d]{1,3}\)?)$")
"""A torn footnote marker the scan read as letters after a word (``Units\\VO)``, ``UnitsV)``,
``Stock‘VO``, ``Common'Y``): a backslash, or capitals right after a small letter, then a ``)``
no ``(`` opened; or a quote and capitals or digits (the marker's bracket read as a quote; an
apostrophe before a capital writes no word's possessive)."""


_SYMBOL_SPECK = re.compile(r"[¢@®©™°§«»€~^*‘’“”]+[a-z]{0,2}[^\w\s]*")
"""A word opening on a scan's symbol with at most two small letters (``¢g@)``): a footnote
marker misread; no word of a title or a nature opens on one."""


_QUOTED_MARKER = re.compile(
    r"(?<=[a-z])(?:(?:\([‘’']|[“”])[A-Za-z\d]{1,3}[^\w\s]*|\((?=\d?[A-Z])[A-Z\d]{1,3})$"
)
"""A marker glued to a word's end, its digit read as a letter after a quote (``Stock(‘V``,
``Trust“t)``: a double quote stands inside no word of a name), or its digits read as capitals
and its ``)`` lost (``Stock(VO`` for ``Stock(10)``: no word of a title opens a bracket on
capitals it does not close)."""


_LETTERED_DIGITS = re.compile(r"\(\d[\d()]*[LOIlo][\dLOIlo()]*\)")
"""Footnote markers whose digits a scan read partly as the letters they look like
(``(8(LO)`` for ``(8)(10)``): a bracket, a digit, then digits, brackets and ``L O I l o``."""


_MARKER_DEBRIS = re.compile(r"[\d¢@®©™°§«»€~^*]*[¢@®©™°§«»€~^*][\d¢@®©™°§«»€~^*]*\)")
"""A footnote marker torn to digits and symbols, its opening bracket read as a symbol
(``¢9@)``): no letter, no ``(``, a scan's symbol in it; no word of a title or a nature."""


JUNK_HEAD = re.compile(r"^[|\[\]{}_*“”]+(?=\w)")


_GLUED_TORN = re.compile(
    r"(?<=[^\W\d_])\((?=[^)\s]*[^\w\s)])[^()\s]{1,4}\)$"
    r"|(?<=[a-z])\((?=[A-Z\d]{0,2}[A-Z])[A-Z\d]{1,3}\)[^\w\s()]*\)?$"
    r"|(?<=[a-z])\([A-Z\d]{0,2}[@¢®©™°§«»€~^*]+$"
    r"|(?<=[a-z])\(\d{3,}\)$"
    r"|(?<=[a-z])\((?=(?:[A-Z]*\d){3})[A-Z\d]{4,8}\)$"
)
"""A bracket glued to a word's last letter holding a scan's symbol (``Stock(V@)``), or a
capital, alone or among digits, glued to a small letter (``Stock(D)``, ``Stock(D)@)``,
``Footnotes(V2)`` for ``(1)(2)``), or one left open, a symbol last (``Trust(V@``), or
holding three digits or more glued to a small letter (``Spouse(28920)``, ``Trust(78N910)``
with a digit read as a capital: markers run together, their inner brackets lost; no
footnote is numbered so): a footnote marker torn; a
title's bracketed words stand apart (``(right``, ``Class (A)``, ``Trust (2012)``)."""


_CENTS_AMOUNT = re.compile(r"(?<!\S)¢(?:\d[\d,.]*|[^\s\d]\S*)")
"""A dollar amount whose ``$`` a scan read as ``¢`` (``¢3,74``), its digits too at times
(``¢g.gg``, remix seed 1285: ``$9.99``)."""
_SCAN_SYMBOLS = frozenset("@¢®©™°§«»€~^*")


_LONE_TORN_WORD = re.compile(r"[A-Z]{2,5}\)")
"""A whole cell of one short word in capitals and a ``)`` nothing opened (``PIAA)``; not
``Trust)``, ``LLC)``: an owner's word and a torn marker)."""


_CAPS_TORN = re.compile(r"[A-Z]{3,5}\)")
"""A word of three to five capitals and a ``)`` (``MYO)``): shorter ones are a torn marker
(:data:`_CAPS_MARKER`)."""


_STOP_PUT_APART = re.compile(r"(?<=[^\W_]) ([.,])(?= [^\W_])")
"""``By Max R`` | ``. Schaufeld Irr Trust``: a cell border cut before the point (or comma) that
ends a word, and the cells joined by a space stood it alone between two words."""
_POINT_INSIDE = re.compile(
    rf"(?<![^\W_])(?:common|{'|'.join(sorted(ENDING_NOUNS))})\.(?= [^\W\d_])", re.I
)
"""``Class B Common. Stock``: a point after a whole word of a title with more of it after:
no title abbreviates ``Common`` or its noun, so in a scan the point is a speck."""


_CLASS_LETTER_AS_SYMBOL = re.compile(
    r"\b(?:Class|CLASS|Series|SERIES|Tranche|TRANCHE)\s+([^\w\s()$]{1,2})\s+[A-Za-z]"
)
"""``Class © Capital``: a symbol where a class's or series's letter stands."""


_QUOTE_AND_LETTER = re.compile(r"[‘’“”'\"][^\W\d_]{1,2}\)?")
"""A quote mark and a letter or two (``‘Y``, ``“t)``): a torn marker, no word of a title."""


SECURITY_NOUNS = frozenset(
    ("stock", "shares", "share", "units", "unit", "warrants", "options", "option", "rights")
)


_CAPS_AFTER_WORDING = re.compile(r"\)\s+([A-Z][A-Z\d]{0,2})$")
"""A title's last word of one to three capitals after a closing bracket (``(restricted)
VO``)."""
_CAPS_MARKER = re.compile(r"(?=[A-Z\d]?[A-Z])[A-Z\d]{1,2}(?:[@®©°¢§*]{0,2}|[@®©°¢§*]{1,2}\d)\)")
"""A cell's last word of one or two capitals (or a capital and a digit) and a ``)`` that no
``(`` of the cell opened: a footnote marker the scan tore (``(10)`` read ``MO)``, ``(1)(2)``
read ``V2)``, ``D@)``, a symbol before its bracket, ``M@@0)``, and a digit); no word of a
title ends so."""


HAS_WORD = re.compile(r"[^\W_]")


def _few_letters(word: str) -> bool:
    """Three letters or digits at most: what a torn marker leaves among its symbols."""
    return sum(c.isalnum() for c in word) <= 3


_SPECK_AMID = re.compile(r"[(|\[]?[a-z]{0,2}[@¢®©°§]+[a-z]{0,2}[^\w\s]*")
"""A short word of a scan's symbol among small letters (``q@y``): specks, no word of a cell
(no title or nature writes ``@``)."""


_LETTER_DIGIT = re.compile(r"[A-Z]\d{1,2}")
_TRUST_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
_TRUST_DATE_THEN = re.compile(r"\d{1,2}/\d{1,2}/\d{4} (.+)$")


def _words_after_a_trust_date(text: str) -> str | None:
    """The words after a nature's trust date where none holds a small letter and one is
    capitals with a digit among them (``OY MABHO9A AY``): no nature goes on so after its
    date."""
    m = _TRUST_DATE_THEN.search(text)
    if m is None:
        return None
    words = m[1].split()
    if any(any(c.islower() for c in w) for w in words) or not any(
        _CAPS_AND_DIGITS.fullmatch(w) for w in words
    ):
        return None
    return m[1]


_CAPS_AND_DIGITS = re.compile(r"(?=\S*\d)(?=\S*[A-Z])[A-Z\d]{3,}")
"""A word of capitals with a digit among them (``MABHO9A``): a scan's torn markers, no word of
a nature after its date (``LP``, ``FBO JS``, ``(GRAT)``, ``II`` hold no digit)."""


_TORN_PAIR = re.compile(r"[A-Z](?:\d\)?|\))")
"""A capital and a digit or a bracket's close after a trust's date (``V2)``, ``V2``, ``V)``):
footnote markers torn; a nature's date ends it. Not a capital alone (``dated 3/1/2010 B``: a
filer's, or the scan's? it stays)."""


def _date_then_torn(before: str, word: str) -> bool:
    """``word`` a scan's torn markers after a trust's date ``before`` (:data:`_TORN_PAIR`)."""
    return _TRUST_DATE.fullmatch(before) is not None and _TORN_PAIR.fullmatch(word) is not None


_OWNER_ENDS = frozenset(
    {"Trust", "TRUST", "LLC", "LP", "L.P.", "Inc.", "INC", "Ltd", "LTD", "Partnership",
     "PARTNERSHIP", "Foundation", "FOUNDATION"}
)  # fmt: skip
"""Words an owner's name ends on, after which a capital and a digit are a torn marker."""


_CAPS_AFTER_OWNER_END = re.compile(
    r"(?=.*\b[A-Za-z][a-z]{2,}\b).*\s"
    r"(?P<end>Trust|Trustee|TTEE|TTEES|LLC|LP|L\.P\.|Inc\.|Ltd|Company|Partnership|Foundation"
    r"|child|children|Children|spouse|Spouse|IRA|Plan|Account"
    r"|\d{1,2}/\d{1,2}/\d{2,4})\s+"
    r"(?P<caps>[A-Z]{3,}(?:[a-z][A-Z]+|[a-z]{2,})?)[,.;]?$"
)
"""A nature with a word not in capitals whose last word is three capitals or more (one small
letter among them, ``OMOOGHaD``: remix seed 1225's scan; or small letters after them,
``OMOOanay``: seed 1247's) after the word an owner's name ends
on (``Irr Trust MAHAL``, ``Limited Liability Company OMOOAHAD``), or
on a trust's date (``Trust dated 3/1/2010 OMGOOAHAD``, remix seed 877):
torn markers, or a word, unsure."""


_BRACKET_CUT_OFF = re.compile(r"(?<!\S)\(\s+(?=[^\W\d_][^\s()]*\))")
"""A ``(`` standing alone before a word that closes it (``( DE)``): one word a border cut."""


_TORN_TO_LETTERS = re.compile(r"[A-Za-z\d]{2,8}\)")


_CLOSED_FIRST = re.compile(r"\)[A-Z\d()]{1,6}")
"""A cell's last word opening on a closing bracket, then capitals, digits and brackets
(``)E)A``): footnote markers the scan tore, no word of a title or a nature."""


_SYMBOLS_TORN = re.compile(r"[^A-Za-z\s]*[@¢®©™°§«»€~^*%][^A-Za-z\s]*")
"""A word of no letter with a scan's symbol in it (``@)2%``): footnote markers torn, where a
``)`` is in it too; no word of a title or a nature."""


def torn_marker(text: object) -> bool:
    """A text cell ending in a scan's torn footnote marker (``Footnotes)``, ``Trust®``): markers
    follow a cell's last word, so no wrapped line continues it. Debris with no letter or digit
    after it is the marker's rest too (``See Footnotes) @)``), as is an opened bracket with none
    in it (``Footnotes()@)``: the marker's digit lost)."""
    if not isinstance(text, str) or not text.strip():
        return False
    words = text.split()
    while len(words) > 1 and not HAS_WORD.search(words[-1]):
        words.pop()
    last = words[-1]
    tail = _JUNK_TAIL.search(last)
    # (a bracket opened before the debris holds no letter or digit either: ``Footnotes()@)``)
    return tail is not None and ("(" not in last or not HAS_WORD.search(last[last.index("(") :]))


def _speckle_word(word: str) -> bool:
    """A word of two to four vowels, small but the first (``ee``, ``Eee``, ``oe``): what a scan
    reads of its speckles (:func:`are_speckles` weighs a line of them); no word of a title or a
    nature (``IOU`` is written in capitals)."""
    return 2 <= len(word) <= 4 and word[1:].islower() and set(word.casefold()) <= VOWELS


DASH_BETWEEN_WORDS = re.compile(r"[^\W_][)\]]? [-\u2013\u2014] [(\[]?[^\W_]")
"""A dash with a space either side and a word on each (``(PSUs) - Relative``)."""


def clean_text(draft: Draft, fields: tuple[str, ...], scan: bool = False) -> None:
    """Scan debris taken off a row's text cells (a repair, noted): a word with no letter or
    digit goes, as do the symbols after a word's last letter (but a ``)`` closing an open
    ``(``) and rules or quote marks before its first. ``(Right to Buy)``, ``(DE)``, ``Inc.``
    and ``$0.01`` stay as they are."""
    for f in text_fields(fields):
        text = draft.values.get(f)
        if not isinstance(text, str):
            continue
        if scan and f != "nature_of_ownership" and (m := _CLASS_LETTER_GLUED.search(text)):
            # ``Class ACommon Shares`` (remix seed 1227's scan): the space after a class's
            # letter lost; no word opens on a capital glued to ``Common``
            glued = text
            draft.values[f] = text = _CLASS_LETTER_GLUED.sub(r"\1 \2", text)
            draft.notes.append((f, f"put back the space in {m[0]!r} of {glued!r}: read {text!r}"))
            draft.repaired = True
        if (
            not scan  # (a scan's: :func:`parsers.text.tables.cut_in_a_scan`, mid-phrase)
            and f != "nature_of_ownership"
            and text.count("(") > text.count(")")
            and text.rstrip()[-1:].isalpha()
        ):
            # ``Call Option (obligation to`` (markitdown, remix seed 1225: its ``sell)`` in a
            # row of cells below, read as a row of its own): a bracket left open on a word,
            # its rest not found
            draft.leave_empty(
                f, f"{text!r} leaves a bracket open: its rest was not read; left empty"
            )
            continue
        if f != "nature_of_ownership" and text.isdigit():
            # ``2028`` alone: a number is no title; the end of one whose lines above went to
            # the row above (``Convertible Senior Notes due`` / ``2028 $10.00 ...`` in a table
            # that centres its values), or the start of one whose lines were not found
            draft.leave_empty(
                f, f"{text!r} alone: a number is no title, and its other words were not found"
            )
            continue
        if scan and f == "nature_of_ownership" and _SMALL_TITLE_WORD_END.search(text):
            # ``By GRAT common`` beside ``Class A stock`` (remix seed 1235's scan: the
            # underlying title ``Class A common stock`` written in small letters, its word put
            # on the nature): the word is the underlying title's, whose place it left open
            said = f"{text!r} ends on a title's word written small, which the underlying title"
            draft.leave_empty(f, f"{said} may want; left empty")
            if isinstance(draft.values.get("underlying_title"), str):
                draft.leave_empty("underlying_title", f"{said} beside it may want; left empty")
            continue
        if scan and f == "nature_of_ownership" and _GARBLED_NUMBER.fullmatch(text.strip()):
            # ``VTTE238,``: a nature of one word, capitals run into digits and a comma, where
            # the ownership form and a grouped amount stood (remix seed 863): no nature is so
            draft.leave_empty(
                f,
                f"{text!r}: capitals run into a number, a grouped amount and letters the scan"
                " garbled, not a nature's words; left empty",
            )
            continue
        if scan and (why := _scan_tail_unsure(f, text)):
            draft.leave_empty(f, f"{text!r}: {why}; left empty")
            continue
        if f == "nature_of_ownership" and _POSSESSIVE_END.search(text):
            # ``Held by the Reporting Person's`` (its ``spouse`` on a line the row lost, remix
            # seed 943's scan): a possessive wants its noun; the nature is cut short
            draft.leave_empty(f, f"{text!r} ends on a possessive, its noun cut off; left empty")
            continue
        if scan and f != "nature_of_ownership" and (specks := _specks_after_noun(text)):
            # ``Class B Common Stock SG eee S fs fe nea``: a line of specks below the row run
            # into the title after its noun (remix seed 943); what they hide, the scan lost
            draft.leave_empty(
                f,
                f"{text!r}: {specks!r} after its noun is what a scan reads of specks (a word of"
                " the title, or a lost row's, garbled?); left empty",
            )
            continue
        if scan and f == "nature_of_ownership" and (m := _CAPS_WITH_DIGITS.search(text)):
            draft.leave_empty(
                f,
                f"{text!r}: its last word {m[0]!r}, capitals and digits closed by a bracket, may be"
                " footnote markers the scan read as letters, or a word of it; left empty",
            )
            continue
        if (
            scan
            and f == "nature_of_ownership"
            and (m := _WORD_TORN_AFTER_OWNER_END.search(text))
            and text.count(")") > text.count("(")
            and m["w"][:-1].upper() not in _LEGAL_FORMS
        ):
            # ``Trust Manat)``: after the word an owner's name ends on, a word closing a bracket
            # nothing opened: footnote markers the scan read as letters, or a word of it
            draft.leave_empty(
                f,
                f"{text!r}: its last word {m['w']!r}, after {m['end']!r}, closes a bracket"
                " nothing opened (footnote markers the scan read as letters, or a word?); left"
                " empty",
            )
            continue
        if (
            scan
            and f == "nature_of_ownership"
            and (m := _SHORT_WORD_TORN.search(text))
            and text.count(")") > text.count("(")
            and re.sub(r"[\W_]+$", "", m[0]).upper() not in _LEGAL_FORMS
        ):
            # ``... Charitable Remainder Unitrust`` / ``i)``, ``Family Trust OOH)``: a short
            # word closed by a bracket nothing opened: the nature's last word (``Unitrust I``)
            # with its marker torn, or a marker the scan read as letters; the text does not say
            draft.leave_empty(
                f,
                f"{text!r}: its last word {m[0]!r} may be a word of it or a footnote marker "
                "the scan tore; left empty",
            )
            continue
        if (
            not text[-1].isalnum()
            and text[text.rfind(" ") + 1 : text.rfind(" ") + 2].isdigit()
            and (m := _NUMBER_TORN.search(text))
        ) or (scan and text[-1].isdigit() and (m := _NUMBER_SYMBOL_TORN.search(text))):
            # ``By immediate family member 25(7)8)(9)40)``, ``member 2”)``: a number glued to
            # footnote markers the scan tore; whether its digits are all the cell's (``member
            # 2``) or partly a marker's, the text does not say
            draft.leave_empty(
                f,
                f"{text!r}: its last word {m[0]!r} is digits run into torn footnote markers; "
                "which digits are the cell's, the text does not say: left empty",
            )
            continue
        if (
            scan
            and f == "nature_of_ownership"
            and _LONE_TORN_WORD.fullmatch(text)
            and text[:-1].casefold() not in OWNER_WORDS_ALONE
        ):
            # ``222,639 PIAA)``: a nature of one short word closing a bracket nothing opened,
            # where the ownership form stands: the form and a marker the scan garbled
            draft.leave_empty(
                f,
                f"{text!r}: one short word closing a bracket nothing opened (an ownership form"
                " and a marker the scan garbled?); left empty",
            )
            continue
        head, _, last = text.rpartition(" ") if scan else ("", "", "")
        if (
            head
            and f != "nature_of_ownership"
            and _CAPS_TORN.fullmatch(last)
            and text.count(")") > text.count("(")
            and any(c.islower() for c in head)
        ):
            # ``Class B Common Stock MYO)``: a title not in capitals whose last word, in
            # capitals, closes a bracket nothing opened: a footnote marker the scan read as
            # letters (``(1)``), or a word (``INNSUITES HOSPITALITY REIT)``, all in capitals, is
            # a word and a torn marker)
            draft.leave_empty(
                f,
                f"{text!r}: its last word {last!r} closes a bracket nothing opened (a footnote"
                " marker the scan read as letters, or a word?); left empty",
            )
            continue
        if (
            last[:-1].casefold() in ENDING_NOUNS
            and last.endswith(".")
            and f != "nature_of_ownership"
        ):
            # ``Common Shares.``: a speck the scan read as a point after the noun a title ends
            # on (no title ends on a point after its noun); dropped, said
            draft.values[f] = text = text[:-1]
            draft.notes.append((f, f"dropped the point after {last[:-1]!r}: a scan's speck"))
            draft.repaired = True
        if scan and f != "nature_of_ownership" and (m := _POINT_INSIDE.search(text)):
            # ``Class B Common. | 01/11/2022`` over ``Stock``: the scan's speck (or the cell's
            # border) by a wrapped title's first line, read as a point
            draft.values[f] = text = text[: m.end() - 1] + text[m.end() :]
            draft.notes.append((f, f"dropped the point after {m[0][:-1]!r}: a scan's speck"))
            draft.repaired = True
        if head and f != "nature_of_ownership" and _speck_after_noun(last, head):
            # ``Class B Common Stock en``: specks after the noun a title ends on (a converter's
            # ``Stock al`` is a word's piece a cell border cut off: not a scan's)
            draft.values[f] = text = head
            draft.notes.append((f, f"dropped OCR fragments in '{head} {last}': read {head!r}"))
            draft.repaired = True
        if scan and f != "nature_of_ownership" and (why := _scan_title_unsure(text)):
            draft.leave_empty(f, f"{text!r}: {why}; left empty")
            continue
        if scan and f != "nature_of_ownership" and _SMALL_LETTERS_FIRST.match(text):
            # ``a Shares`` where ``Common`` / ``Shares`` was written: a code or a marker the
            # scan garbled to a small letter, read as the title's first word (no title opens on
            # a lone small letter); its real first word may have been left out with it
            draft.leave_empty(
                f,
                f"{text!r}: a title opening on a lone small letter or few (a code or a marker"
                " the scan garbled?); left empty",
            )
            continue
        if scan and f != "nature_of_ownership" and (m := _CLASS_LETTER_AS_SYMBOL.search(text)):
            # ``Class © Capital Stock``: the class's letter read as a symbol (C as ©); dropped
            # as a speck, the title had read ``Class Capital Stock``, a class nobody filed
            draft.leave_empty(
                f,
                f"{text!r}: {m[1]!r} stands where the class's letter does (a letter the scan"
                " read as a symbol); left empty",
            )
            continue
        if scan and f != "nature_of_ownership" and (m := _CAPS_AFTER_WORDING.search(text)):
            # ``Common Stock (restricted) VO``: capitals after the bracket that ends a title's
            # wording, which no word of a title follows: markers the scan tore, or a word
            # (remix seed 863); the text does not say
            draft.leave_empty(
                f,
                f"{text!r}: {m[1]!r} after its closing bracket may be footnote markers the scan"
                " read as letters, or a word of it; left empty",
            )
            continue
        if (
            scan
            and f == "nature_of_ownership"
            and (m := _CAPS_AFTER_OWNER_END.search(text))
            and not _bracket_letters(m["caps"], text.split()[:-1])  # (dropped below: markers)
        ):
            # ``By Jacob A. Schaufeld Irr Trust MAHAL``, ``... Eschenbach TTEE OMEGA,``: a word
            # in capitals after the word an owner's name ends on, in a nature not written in
            # capitals: footnote markers the scan read as letters (``(6)(7)...(11)``), or a word
            # of it (``Trust UTMA``); the text does not say
            draft.leave_empty(
                f,
                f"{text!r}: its last word {m['caps']!r}, in capitals after {m['end']!r}, may be "
                "footnote markers the scan read as letters, or a word of it; left empty",
            )
            continue
        if not scan and _STOP_PUT_APART.search(text):
            # (in a scan a point alone is as often a speck: dropped below, said)
            glued = _STOP_PUT_APART.sub(r"\1", text)
            draft.values[f] = glued
            said = f"joined a point or comma a cell border put apart in {text!r} to the word"
            draft.notes.append((f, f"{said} before it: read {glued!r}"))
            draft.repaired = True
            text = glued
        if _plain_words(text):
            head, _, last = text.rpartition(" ")
            caps = head and last.isupper() and _bracket_letters(last, head.split())
            lettered = _LETTER_DIGIT.fullmatch(last) and head.rpartition(" ")[2] in _OWNER_ENDS
            if not (caps or lettered):
                if scan and f != "nature_of_ownership":
                    _title_past_its_end(draft, f, text)
                elif scan and _SEE_WHAT.fullmatch(text):
                    # ``See Oe`` (remix seed 1243's scan, where the form had the ownership's
                    # ``D`` and no nature): a nature that opens on ``See`` points at a footnote
                    # or the remarks; ``See`` and a short word of no such pointer is no nature
                    draft.leave_empty(
                        f,
                        f"{text!r}: 'See' and a short word that points at no footnote, note or"
                        " remarks (a speck or another cell the scan read as letters?); left"
                        " empty",
                    )
                continue
        if scan and f != "nature_of_ownership" and DASH_BETWEEN_WORDS.search(text):
            # ``2021 Performance Share Units (PSUs) - Relative TSR`` (remix seed 1213's scan):
            # a dash alone between two words is the title's, or a speck the scan read so;
            # dropped as a speck it had read ``(PSUs) Relative TSR`` (wrong)
            draft.leave_empty(
                f,
                f"{text!r}: a dash alone between two words, the title's or a scan's speck;"
                " left empty",
            )
            continue
        clean = clean_words(text, dashes=not scan)
        if scan and clean.count(")") > clean.count("(") and (m := _MARKER_REST.search(clean)):
            # ``... Irrevocable Trust\ 90)``: digits closing a bracket nothing opened, a
            # footnote marker (``(9)``) the scan tore, dropped as its fragments are
            clean = clean[: m.start()]
        if scan and clean != text and (m := _NOUN_THEN_CAPITAL.search(clean)):
            # ``Class B Common StockY@)`` read ``... StockY`` (remix seed 1285's scan): a torn
            # marker's first sign read as a capital glued to the noun; no title so ends
            clean = clean[: m.end(1)]
        if scan and clean.count("(") > clean.count(")") and (m := _MARKER_OPENED.search(clean)):
            # ``By Children(9\\1@`` read ``By Children(9`` (remix seed 1285's scan): the markers
            # ``(9)(10)(11)`` torn after the first one's digit, whose bracket nothing closes
            clean = clean[: m.start()]
        if scan and clean.count(")") > clean.count("("):
            # ``By Trust(718)9X10)`` read ``By Trust(718)9X)`` (remix seed 1243's scan): the
            # markers ``(7)(8)(9)(10)`` torn past what the fragments' rules take off; a bracket
            # nothing opened is left, so what stays is no cell's words for sure
            draft.leave_empty(
                f,
                f"{text!r}: its torn markers dropped, {clean!r} still closes a bracket nothing"
                " opened; left empty",
            )
            continue
        if scan and (lost := _caps_word_dropped(text, clean)):
            # ``By Roth IRA®@))`` read ``By Roth`` (remix seed 1231's scan): a word in capitals
            # with a torn marker after it, dropped whole as the marker's letters; whether it is
            # the cell's word (``IRA``) or the marker's, the text does not say
            draft.leave_empty(
                f,
                f"{text!r}: {lost!r}, capitals before a torn marker, may be a word of it or the"
                " marker's letters; left empty",
            )
            continue
        if scan and _LETTERS_IN_BRACKETS.search(clean) and not _LETTERS_IN_BRACKETS.search(text):
            # ``... dated 3/1/2010(V2)`` read ``(V)`` (remix seed 1219's scan): a marker the scan
            # garbled, its digits dropped, or letters of the cell: the text does not say
            draft.leave_empty(
                f,
                f"{text!r}: its last bracket holds letters and digits (a footnote marker the"
                " scan garbled, or the cell's?); left empty",
            )
            continue
        if (
            scan
            and f != "nature_of_ownership"
            and clean != text
            and _NOUN_AND_COMMA_FIRST.match(clean)
            and not _NOUN_AND_COMMA_FIRST.match(text)
        ):
            # ``© Shares, no par value`` read ``Shares, no par value`` (remix seed 1285's scan:
            # ``Common`` went with a garbled price the row left out): a speck dropped before a
            # title opening on its noun and a comma, where its first words stood
            draft.leave_empty(
                f,
                f"{text!r}: a speck dropped before a title's noun and comma, where its first"
                " words stand (lost with a value the row left out?); left empty",
            )
            continue
        if scan and clean != text and (why := _scan_tail_unsure(f, clean.rstrip())):
            # ``By 401(k) Plan U2)``, ``spouse M@00)``: the marker's torn rest dropped, what
            # stays ends as no such cell does (remix seed 1207's scan, read with the speck)
            draft.leave_empty(f, f"{text!r}, its torn marker dropped: {why}; left empty")
            continue
        if _brackets_disagree(text):
            draft.values[f] = None
            draft.blurred.add(f)
            draft.notes.append(
                (f, f"{text!r}: a bracket closed and another closing none after it: left empty")
            )
            continue
        if scan and f != "nature_of_ownership" and _title_past_its_end(draft, f, clean):
            continue
        if clean != text:
            draft.values[f] = clean or None
            draft.notes.append((f, f"dropped OCR fragments in {text!r}: read {clean!r}"))
            draft.repaired = True
    if scan:
        for f in text_fields(fields):
            text = draft.values.get(f)
            if f == "nature_of_ownership" and isinstance(text, str) and "/" in text:
                after = _words_after_a_trust_date(text)
                if after:
                    # ``By Revocable Trust dated 3/1/2010 OY MABHO9A AY`` (remix seed 1291's
                    # scan): markers torn to capitals after the date that ends a nature
                    draft.leave_empty(
                        f,
                        f"{text!r}: {after!r} after its trust's date, capitals and specks (torn"
                        " footnote markers, or words of it?); left empty",
                    )
                    continue
            if isinstance(text, str) and (m := GROUPED_NUMBER.search(text)):
                # ``Ordinary {3,139,533 |@`` / ``Shares``: the scan ran the next cell's amount
                # into the title's words; no title's word is an amount grouped by thousands,
                # and what else of the cell is another's, the text does not say. (``par value
                # $0,001``: a par value's point read as a comma; which digits, unsure)
                why = (
                    "a par value whose point the scan read as a comma"
                    if text[: m.start()].rstrip().endswith("$")
                    else "an amount run in from a cell beside it by the scan"
                )
                draft.leave_empty(f, f"{text!r} holds an amount, {m[0]!r}: {why}; left empty")
                continue
            if isinstance(text, str) and (m := _CENTS_AMOUNT.search(text)):
                # ``Phantom Stock | ¢3,74(3)``: the exercise price beside the title, its ``$``
                # read as ``¢`` (remix seed 923's scan); no text cell holds such a word, and
                # what else of the cell is the price's cell's, the text does not say
                draft.leave_empty(
                    f,
                    f"{text!r} holds {m[0]!r}, an amount whose '$' the scan read as '¢', run in"
                    " from the cell beside it; left empty",
                )
                continue
            if (
                f in ("security_title", "underlying_title")
                and isinstance(text, str)
                and (
                    _DIGIT_RUN.search(text)
                    or DATE_WORD.search(text)
                    or _LETTERS_AND_DIGITS.search(text)
                    or _CASE_JUMBLE.search(text)
                    # ``Series A Common Stock [owriaa2`` (remix seed 1291): the date, garbled
                    or _SMALL_LETTERS_THEN_DIGIT.search(text)
                    # ``Employee Sit: Stock Option`` (remix seed 1255): the price misread
                    or _COLON_WORD.search(text)
                    # ``Common 5a2.912,/70 Shares``: the underlying amount, garbled (seed 937)
                    or _amount_in_words(text)
                )
            ):
                # ``Restricted Stock Unit 0471472028``: a date whose slashes the scan read as
                # digits, run into the title; ``Common Shares, 07/25/2025 !``: the row's date,
                # a speck after it, read as a word. A value of a cell beside it: left empty
                draft.leave_empty(
                    f,
                    f"{text!r} holds a date, a run of digits, a word of jumbled case or one ending"
                    " on a colon, as no title does (a value of a cell beside it, run in by the"
                    " scan): left empty",
                )
                v = draft.values
                dated = DATE_WORD.search(text) or _DATE_OF_DIGITS.search(text)
                if dated and v.get("transaction_date") is None:
                    if DATE_WORD.search(text):
                        draft.notes.append(
                            (
                                "transaction_date",
                                f"a date stands among the title's words ({text!r}): the row's"
                                " own, maybe; left empty",
                            )
                        )
                    balance = v.get("shares_owned_following")
                    if (
                        "underlying_shares" not in fields
                        and balance is not None
                        and v.get("code") is None
                        and v.get("shares") is None
                        and v.get("ownership") is None
                        and _DATE_OF_DIGITS.search(text)
                    ):
                        # ``Common Stock (estieted) | 041372022  (er ee ee  26,860`` (remix seed
                        # 1287's scan): no date or code read, so a holding, its one amount the
                        # balance; but the row's date stands garbled in the title, its code
                        # garbled after it: a transaction, whose amount that may be
                        draft.leave_empty(
                            "shares_owned_following",
                            f"{balance} read as a holding's balance (no date or code read), but a"
                            f" date stands among the title's words ({dated[0]!r}): a"
                            " transaction's amount, maybe; left empty",
                        )
                continue
            words = text.split() if isinstance(text, str) else []
            if (
                f == "nature_of_ownership"
                and len(words) > 2
                and len(words[0]) <= 2
                and words[0] not in ("I", "D")
                and words[1].casefold() in ("by", "see")
            ):
                # ``Ce By Spouse``: a speck before the word a nature opens with
                text = draft.values[f] = " ".join(words[1:])
                draft.notes.append(
                    (f, f"dropped {words[0]!r} before {text!r}: a scan's speck, no word of it")
                )
                draft.repaired = True
                words = words[1:]
            opens = _short_words_before_an_opener(words)
            if (
                f == "nature_of_ownership"
                and opens
                and draft.values.get("ownership") is None
                and (opens == 1 or not all(map(_speckle_word, words[:opens])))  # (``ee ee See``)
            ):
                # ``Cee Held by the Reporting Person's spouse`` (remix seed 1247's scan, where
                # no ownership form was read), ``Se ee By Spouse`` (seed 1259's): before a
                # word a nature opens with, the form's ``I`` garbled or specks; or the
                # nature's own words (the text does not say)
                before = " ".join(words[:opens])
                draft.leave_empty(
                    f,
                    f"{text!r}: {before!r} before the word a nature opens with, where no"
                    " ownership form was read (the form garbled, a speck, or a word of it?);"
                    " left empty",
                )
                continue
            if (
                f == "nature_of_ownership"
                and len(words) > 1
                and draft.values.get("ownership") is None
                and _FORM_GARBLED.fullmatch(words[0])
            ):
                # ``Ik   Trustees of ...`` where no ownership form was read: the form's ``I``
                # the scan garbled, or a word of the nature; the text does not say
                draft.leave_empty(
                    f,
                    f"{text!r}: its first word {words[0]!r} may be the ownership form (D or I)"
                    " the scan garbled; left empty",
                )
                continue
            if f == "nature_of_ownership" and len(words) > 1 and _SYMBOL_IN_WORD.match(words[-1]):
                # ``by Trust 2@OaHay``: a footnote marker the scan tore into a symbol and
                # letters, or a word of the nature garbled; the text does not say
                draft.leave_empty(
                    f,
                    f"{text!r}: its last word {words[-1]!r} holds a scan's symbol (a torn"
                    " footnote marker, or a word garbled); left empty",
                )
                continue
            if (
                f == "nature_of_ownership"
                and len(words) > 1
                and words[-2].casefold().startswith("footnote")
                and _BRACKETED_CAPS.fullmatch(words[-1])
            ):
                # ``Please see footnotes (EVV)``: markers torn to capitals after the word that
                # names them; no name follows ``footnotes``
                text = draft.values[f] = " ".join(words[:-1])
                draft.notes.append(
                    (f, f"dropped {words[-1]!r} after 'footnotes': footnote markers torn")
                )
                draft.repaired = True
                words = words[:-1]
            if words and _speckle_word(words[0]):
                rest = list(dropwhile(_speckle_word, words))
                if not rest:
                    # ``Eee`` where the form has no nature: vowels alone, a scan's speckles
                    draft.leave_empty(
                        f, f"{text!r}: vowels alone, no word of a {f} but a scan's speckles"
                    )
                    continue
                # ``ee ee See footnote``: speckles read as vowels before the cell's first word
                text = draft.values[f] = " ".join(rest)
                draft.notes.append(
                    (
                        f,
                        f"dropped {' '.join(words[: len(words) - len(rest)])!r} before {text!r}:"
                        " vowels alone, a scan's speckles",
                    )
                )
                draft.repaired = True
            if isinstance(text, str) and _BARE_MARKER.search(text):
                # ``See Footnotes 2`` (the row above: ``See Footnotes\)2)``): a footnote marker
                # whose brackets the scan lost, or the cell's word (``By family member 2``)
                draft.values[f] = None
                draft.blurred.add(f)
                draft.notes.append(
                    (
                        f,
                        f"{text!r}: its last number may be a footnote marker whose brackets the"
                        " scan lost, or a word of it: left empty",
                    )
                )
        _noun_beside_an_unfinished_title(draft)


def _noun_beside_an_unfinished_title(draft: Draft) -> None:
    """A scan's nature of ownership holding a security's noun (``Trustees of The`` /
    ``Surace/Rogers Stock Family Trust``) beside a title of the row left unfinished (``Class A``
    / ``Common``): the noun is the title's, its line put under the nature by a scan turned a
    little (each line's words drift right), or the nature's own (a plan's ``Stock``); the
    columns do not say: both left empty. A nature holds a noun only in a plan's name (``By
    Employee Stock Ownership Plan``), which stays."""
    nature = draft.values.get("nature_of_ownership")
    if not isinstance(nature, str) or not holds_a_titles_noun(nature):
        return
    open_titles = [
        f
        for f in ("security_title", "underlying_title")
        if isinstance(t := draft.values.get(f), str) and unfinished(t)
    ]
    for f in ("nature_of_ownership", *open_titles) if open_titles else ():
        draft.leave_empty(
            f,
            f"a security's noun in the nature ({nature!r}) beside a title left unfinished"
            f" ({draft.values.get(open_titles[0]) or open_titles[0]!r}): whose it is, a scan's"
            " columns do not say; left empty",
        )


_BRACKETED_CAPS = re.compile(r"\([A-Z\d]{1,6}\)")
_GARBLED_NUMBER = re.compile(r"[A-Z]{2,}\d{2,}[,.]?(?:\d{1,3})?[,.]?")
"""One word of capitals run into digits (``VTTE238,``)."""
_CAPS_WITH_DIGITS = re.compile(
    r"(?<=\S )(?:\((?=[A-Z\d]*[A-Z])(?=[A-Z\d]*\d)[A-Z\d]{2,6}"
    r"|(?=[A-Z\d]*[A-Z])(?=[A-Z\d]*\d)[A-Z\d]{3,6})\)$"
)
"""A nature's last word of capitals and digits closed by a bracket (``By Spouse (EOA0)``, ``by
Trust) 78X10)``): footnote markers (``(6)(7)``, ``(7)(8)(10)``) the scan read as letters, or a
word's letters (``(UTMA)``) with a speck read as a digit; the text does not say."""


_NUMBER_TORN = re.compile(r"(?<=[^\W\d_] )\d+[^\w\s]*(?:\d[^\w\s]*)*[()\]“”\"°®©@.?]$")
"""A text cell's last word of digits with brackets, a double quote or a scan's symbol after
them, after a word (``member 2”)``, ``member 25(7)8)``, ``member 1°)``, ``member 2.``,
``member 1?``: a raised marker read as a question mark): a number the cell ends on, glued to
a torn marker."""


_NUMBER_SYMBOL_TORN = re.compile(r"(?<=[^\W\d_] )\d+[°®©@¢§™]+\d+$")
"""A scan's last word of digits with a symbol inside, after a word (``member 1°14``: the
cell's number and torn markers whose brackets the scan read as a symbol)."""


_SHORT_WORD_TORN = re.compile(r"(?<= )(?:[a-z]|[A-Z]{1,3})\)$")
"""A nature's last word of one small letter or one to three capitals, closed by a ``)``:
``i)``, ``OOH)`` (with a scan's symbol before the bracket, ``D@)``, it is a marker's debris)."""


_WORD_TORN_AFTER_OWNER_END = re.compile(
    r"\b(?P<end>Trust|Trustee|TTEE|TTEES|LLC|LP|L\.P\.|Inc\.|Ltd)\s+"
    r"(?P<w>(?:[A-Z][a-z]{1,7}|[a-z]{2,8})\))$"
)
"""A nature's last word in a word's casing, closed by a ``)``, after the word an owner's name
ends on (``Trust Manat)``; ``Trust OCoay)``, in no word's casing, is torn markers, dropped)."""


NATURE_OPENS = frozenset({"by", "see", "held", "owned", "through", "via"})
"""Words a nature of ownership opens with (``By Spouse``, ``Held by ...``, ``Owned through``)."""


def _short_words_before_an_opener(words: list[str]) -> int:
    """How many words stand before the first word a nature opens with, where they are one
    word of three letters or fewer, or two or three such words one of which is small letters
    alone and none capitals alone (``Se ee By Spouse``: specks; not ``ABC LP See footnote``,
    ``Mr Doe By IRA``, ``Her IRA Held by ...``: names a nature may open with); 0 where the
    words are not so, or nothing follows the opening word."""
    for k, word in enumerate(words[:4]):
        if word.casefold() in NATURE_OPENS:
            if not 0 < k < len(words) - 1:
                return 0
            before = words[:k]
            if k > 1 and (
                not any(w.isalpha() and w.islower() for w in before)
                or any(len(w) > 1 and w.isupper() for w in before)
            ):
                return 0
            return k
        if len(word) > 3:
            return 0
    return 0


_FORM_GARBLED = re.compile(r"[ID][^\sA-Z]")
"""Two characters, an ownership form's ``I`` or ``D`` and a speck (``Ik``, ``I|``, ``D.``)."""


_SYMBOL_IN_WORD = re.compile(r"(?=\S*[@®©§¢])(?=\S*[^\W\d_]{2})\S+$")
"""A word with a scan's symbol in it and letters (``2@OaHay``): no word of a nature."""


_LEGAL_FORMS = frozenset({"LLC", "LP", "LLP", "INC", "LTD", "CO", "PLC", "NA", "SA", "AG"})
"""A nature's last word that is a legal form is a word of it whatever bracket follows."""


_SMALL_LETTERS_THEN_DIGIT = re.compile(r"(?<!\S)[a-z]{4,}\d{1,2}(?!\S)")
"""A word of small letters with a digit or two glued after (``owriaa2``): a date the scan
garbled, no word of a title."""
_LETTERS_AND_DIGITS = re.compile(r"(?<!\S)(?:[^\W\d_]{3,}\d{3,}|\d{3,}[^\W\d_]{3,})(?!\S)")
"""A word of three letters or more glued to three digits or more (``oartsra022``): a value the
scan garbled (a date's ``04/17/2022``), no word of a title."""


_COLON_WORD = re.compile(r"[^\W\d_]:(?!\S)")
"""A word ending on a colon (``Sit:``): no title's; a value beside it the scan misread."""
_CASE_JUMBLE = re.compile(r"(?<!\S)[a-z]{1,3}[A-Z][a-z]+[A-Z]?[a-z]*(?!\S)")
"""A word opening on small letters with a capital inside (``iSenlil``): a value the scan
garbled into letters (an underlying amount beside the title), no word of a title."""


_DATE_OF_DIGITS = re.compile(r"(?<!\d)(?:0[1-9]|1[0-2])\d{3,6}(?:19|20)\d\d(?!\d)")
"""A run of digits a month opens and a year ends (``041372022``): a date whose slashes a scan
read as digits or lost."""
_DIGIT_RUN = re.compile(r"\d{7}")
"""Seven digits in a row: no title's word (a year has four, a par value or a rate a few)."""


_BARE_MARKER = re.compile(r"[^\W\d_]{2} \d{1,2}$")
"""A text cell's last word a number of one or two digits after a word (``See Footnotes 2``)."""


_CLOSED_THEN_STRAY = re.compile(r"\([^()]*\)[^()]*\b[^\W\d_]+\)")


_CLEAN_AMOUNT = re.compile(
    r"\$?\d{1,3}(?:,\d{3})*(?:\.\d+)?|\$?\d*\.\d+|\d+(?:[-/]\d+)*(?:st|nd|rd|th)?"
)


def _amount_in_words(text: str) -> str | None:
    """A word of five digits or more with letters or marks among them (``5a2.912,/70``): a
    grouped amount garbled by a scan; no title's word is so (a year, a series ``2019-1``, a date,
    a rate, a par value ``$.00001`` or a share's part ``1/1000th`` are written cleanly)."""
    for w in text.split():
        if sum(c.isdigit() for c in w) >= 5 and not _CLEAN_AMOUNT.fullmatch(w.strip(",.;:()")):
            return w
    return None


_SHORTENED = frozenset({"corp", "assn", "bros", "intl", "dept", "natl", "mgmt"})
"""Words of four letters or more written short with a point (``Corp.``): the point is theirs."""
_SEE_WHAT = re.compile(r"[Ss]ee (?!(?i:fns?|ftn|nos?|notes?|the|our|all|any)\b)[A-Za-z]{1,3}")
"""A nature of ``See`` and one short word of no pointer (``See Oe``): a speck read as letters
where a pointer's word (``See Footnotes``, ``See Explanatory Note``, ``See Attachment``)
stands; matched whole."""


_MARKER_REST = re.compile(r"\s+\d{1,2}\)$")
"""A last word of digits that closes a bracket: a footnote marker's rest (``90)``)."""
_NOUN_THEN_CAPITAL = re.compile(r"\b(Stock|Shares|Units|Interests|Warrants|Options|Rights)[A-Z]$")
"""A security's noun with a capital glued after it, last in the cell (``StockY``)."""
_MARKER_OPENED = re.compile(r"(?<=[a-z])\(\d{1,2}$")
"""A bracket glued to a word's last letter, one or two digits after it and nothing closing it:
a footnote marker's start (``Children(9``)."""


def _brackets_disagree(text: str) -> bool:
    """A cell whose bracket closes and whose later word closes another none opened
    (``Option (right go) to buy)``: a scan put the next column's torn ``$0(3)`` as ``go)``
    beside the title): the cell's brackets close within it, so one of the two closings is no
    word of it; which, the text does not say. Words with no letter or digit (``|)``, ``©)``)
    are the scan's debris, dropped anyway, and are not counted."""
    worded = " ".join(w for w in text.split() if HAS_WORD.search(w))  # debris (``|)``) aside
    return worded.count(")") > worded.count("(") and _CLOSED_THEN_STRAY.search(worded) is not None


_TEXT_OF: dict[tuple[str, ...], tuple[str, ...]] = {}


def text_fields(fields: tuple[str, ...]) -> tuple[str, ...]:
    """The text columns of a layout, in its order (worked out once per layout: a handful)."""
    got = _TEXT_OF.get(fields)
    if got is None:
        got = _TEXT_OF[fields] = tuple(f for f in fields if f in TEXT_FIELDS)
    return got


_ORDER_OF: dict[tuple[str, ...], dict[str, int]] = {}


def order_of(fields: tuple[str, ...]) -> dict[str, int]:
    """Each column's index in a layout (worked out once per layout; not to be changed)."""
    got = _ORDER_OF.get(fields)
    if got is None:
        got = _ORDER_OF[fields] = {f: i for i, f in enumerate(fields)}
    return got


def _plain_words(text: str) -> bool:
    """Letters and digits only, one space between words and none around them (most titles:
    ``Common Stock``): :func:`clean_words` gives it back unchanged, so it need not run."""
    return (
        text.replace(" ", "").isalnum() and text[0] != " " and text[-1] != " " and "  " not in text
    )


def _bracket_letters(word: str, before: list[str]) -> bool:
    """A cell's last word in capitals, four letters or more, most of them letters a scan makes
    of brackets and noughts (``O``, ``C``, ``D``, ``Q``: ``OMOOCHAD`` of ``(1)(4)(6)``), after
    words not in capitals: torn footnote markers, no word of a title or a nature."""
    if len(word) < 4 or not word.isalpha() or not word.isupper():
        return False
    if not any(w.isalpha() and not w.isupper() for w in before):
        return False  # (a cell in capitals: a name's word may be any)
    return 5 * sum(c in "OCDQ" for c in word) >= 3 * len(word)


def _spelt_glued(bracket: str, before: list[str]) -> bool:
    """``(RSU)`` run into ``Restricted Stock Unit``: an acronym the words before it spell,
    its space lost (pymupdf4llm), no marker a scan tore to capitals."""
    m = ACRONYM.fullmatch(bracket)
    return m is not None and spells(m[1], before)


DASHES = frozenset({"-", "–", "—"})


def clean_words(text: str, opened: bool = False, dashes: bool = False) -> str:
    """``text`` with the scan debris :func:`clean_text` takes off a text cell; ``opened``: a
    cell's later line, whose ``)`` may close a bracket opened on a line above. ``dashes``: a
    dash standing alone between two words stays (a converter's text: ``Share Units (PSUs) -
    Relative TSR``, remix seed 1087; in a scan it may be a speck), and so does what follows a
    trust's date (a converter tears no marker)."""
    depth = 0
    words: list[str] = []
    if "( " in text:
        # ``Beaver (`` | ``DE) LLC``: a border cut the cell after a bracket that opens a word
        text = _BRACKET_CUT_OFF.sub("(", text)
    split = text.split()
    if len(split) > 1 and _OPEN_MARKER.fullmatch(split[-1]):
        split.pop()  # ``footnotes (8y``: a torn marker, its ``)`` read as a letter
    if (
        len(split) > 2
        and not opened
        and _SMALL_SPECK.fullmatch(split[-1])
        and _MARKED_WORD.search(split[-2])
    ):
        split.pop()  # ``By Spouse(28920) ay``: after the markers, their wrapped rest as letters
    last = len(split) - 1
    for n, w in enumerate(split):
        if w.isalnum():  # letters and digits only: no debris, no bracket (most words)
            if n == last and n > 1 and not opened and _bracket_letters(w, split[:n]):
                continue  # ``By Trust OMOOCHAD``: markers ``(1)(4)(6)`` read as capitals
            if n == last and n and _LETTER_DIGIT.fullmatch(w) and split[n - 1] in _OWNER_ENDS:
                continue  # ``Irr Trust V2``, ``Trust X28``: markers read as a capital and digits
            if n == last and n and not dashes and _date_then_torn(split[n - 1], w):
                continue  # ``dated 3/1/2010 V2`` in a scan: markers torn, a date ends
            words.append(w)
            continue
        if n == last and n and not dashes and _date_then_torn(split[n - 1], w):
            continue  # ``dated 3/1/2010 V2)`` (remix seed 1267's scan): markers torn
        if (
            n == last
            and n
            and depth == 0
            and not opened
            and _CAPS_MARKER.fullmatch(w)
            and (split[n - 1].lower() in SECURITY_NOUNS or split[n - 1] in _OWNER_ENDS)
        ):
            # ``Class B Common Stock MO)``: a marker torn to capitals after the noun a title
            # ends on (``By LP)`` keeps its ``LP``: a name's capitals, the marker's ``)``)
            continue
        if (
            w == ")"
            and depth > 0
            and words
            and not any(")" in x and HAS_WORD.search(x) for x in split[n + 1 :])
        ):
            # ``By 401(k`` | ``) Plan``: a cell border put the bracket's close apart from the
            # word it closes (remix seed 883, read ``By 401(k Plan``); no ``)`` follows a space.
            # Not where a later word closes the bracket (``Stock Option (Right to | )`` /
            # ``Buy)``: a scan's torn marker, which had read ``(Right to) Buy``)
            words[-1] += w
            depth -= 1
            continue
        if dashes and w in DASHES and 0 < n < last and words:
            words.append(w)
            continue
        if not HAS_WORD.search(w) or TORN_MARKER.fullmatch(w) or _EMPTY_BRACKETS.fullmatch(w):
            continue  # (``()y Common``: a marker ``(1)`` torn to its brackets and a letter)
        number_torn = bool(n == last and n and w[0].isdigit() and split[n - 1].isalpha())
        if _MARKER_DEBRIS.fullmatch(w):
            if not number_torn:
                continue
            # ``member 1°)``: the cell's number and a torn marker, or a marker torn whole; kept
            # for :func:`clean_text` to leave the cell empty, unsure (its ``)`` off: no
            # bracket of the cell's, and a wrapped line's cut keeps brackets closed)
            w = w.rstrip(")")
        if (
            n == last
            and n
            and depth == 0
            and not opened
            and split[n - 1] in _OWNER_ENDS
            and _TORN_TO_LETTERS.fullmatch(w)
            and w[:-1] not in (w[:-1].capitalize(), w[:-1].upper(), w[:-1].lower())
        ):
            continue  # ``Rev. Trust OCoay)``: markers torn to letters of no word's casing
        if n and ")" in w and _SYMBOLS_TORN.fullmatch(w) and not number_torn:
            continue  # ``By Spouse @)2%``: markers torn to symbols and a digit
        if n == last and depth == 0 and _CLOSED_FIRST.fullmatch(w):
            continue  # ``By Spouse )E)A``: no word opens on a closing bracket; markers torn
        if n and depth == 0 and not opened and _LETTERED_DIGITS.fullmatch(w):
            continue  # ``footnotes (8(LO)``: markers ``(8)(10)``, their 1 and 0 read as letters
        if n and _SYMBOL_SPECK.fullmatch(w):
            continue  # ``Stock Option | ¢g@)``: a marker read as a symbol and a small letter
        if (
            n
            and depth == 0
            and not opened
            and "@" in w
            and not any(c.islower() for c in w)
            and sum(not c.isalnum() and c not in "()" for c in w) >= 2
            and not _ROMAN.fullmatch("".join(filter(str.isalpha, w)))
            and all(_SMALL_SPECK.fullmatch(x.strip(_TORN_ENDS)) for x in split[n + 1 :])
        ):
            # ``By Limited Partnership OM@&OG0) en}`` (remix seed 1263's scan): markers torn to
            # capitals and two symbols or more (no name holds an ``@``), their wrapped rest
            # small letters; not ``Unitrust I@)``, ``spouse M@00)`` (a capital of the name's, or
            # unsure: the rules below weigh them)
            break
        if (
            n == last
            and _QUOTE_AND_LETTER.fullmatch(w)
            and split[n - 1].lower().strip(",") in SECURITY_NOUNS
        ):
            continue  # ``Common Stock ‘Y``: a marker torn to a quote and a letter after a noun
        if len(w) <= 4 and _SPECK_AMID.fullmatch(w):
            continue  # ``q@y By immediate family``: specks read as a symbol amid small letters
        if n == last and n and sum(c in _SCAN_SYMBOLS for c in w) >= 2 and _few_letters(w):
            continue  # ``Custodian for minor child ©M@@a``: markers torn to symbols (seed 877)
        if not w.isascii() and w[-1] == ")" and (symbols := _SYMBOL_TAIL.search(w)):
            w = w[: symbols.start()]  # ``By Spouse®(@))2%)``: markers torn to symbols
        if depth == 0 and not opened:
            w = _QUOTED_MARKER.sub("", w)  # ``Stock(‘V``: a marker torn to a quote and a letter
        par = TORN_PAR.fullmatch(w) if depth == 0 and not opened else None
        if par:  # ``$0.001)``: a par value, a torn marker after it
            words.append(par[1])
            continue
        if (
            depth == 0
            and not opened
            and (w[-1] == ")" or w[-1] in _SCAN_SYMBOLS)
            and (glued := _GLUED_TORN.search(w))
            and not _spelt_glued(glued[0], [*words, w[: glued.start()]])
        ):
            w = w[: glued.start()]
        if "\\" in w[2:]:
            w = w[: w.index("\\")]  # ``Footnotes\V)2)``: no word holds a ``\``; a torn marker
        if depth == 0 and not opened and "(" not in w:
            w = _LETTERED_MARKER.sub("", w)
        if len(w) > 2 and w.endswith("()"):
            w = w[:-2]  # ``(restricted)()``: a marker torn to its brackets (remix seed 1261)
        if len(w) > 2 and w[-1] == "(" and w[-2].isalpha():
            w = w[:-1]  # ``footnotes(``: a torn marker's bracket; no word ends on an opening one
        if len(w) > 2 and w[-1] in "’'" and w[-2].isalpha() and w[-2] not in "sS":
            w = w[:-1]  # ``Common’``: an apostrophe ends a word only after the s of a plural
        if (
            depth == 0
            and not opened
            and w.endswith(".)")
            and len(w) > 5
            and w[:-2].isalpha()
            and w[:-2].casefold() not in _SHORTENED
        ):
            w = w[:-2]  # ``By Trust.)``: a marker torn to a point and its close, nothing opened
        tail = _JUNK_TAIL.search(w) if w[-1] in _JUNK_ENDS or w.endswith(").") else None
        if tail and '"' in tail[0] and text.count('"') % 2 == 0:
            tail = None  # a quote the cell opened, closed: words of it (``"Unitrust"``)
        depth += (w[: tail.start()] if tail else w).count("(")
        if tail:
            if tail.start() == 1 and w[0].islower():
                continue  # ``e5))``: a torn marker whose bracket was read as a small letter
            if (
                n
                and tail.start() <= 2
                and depth == 0
                and not opened
                and tail[0].startswith(")")
                and w[: tail.start()].isalpha()
                and w[: tail.start()].islower()
            ):
                # ``Non-Qualifed go) Stock Option``: small letters closing a bracket nothing
                # opened, after a cell's first word: a marker torn to letters (``(3)``)
                continue
            closes = (depth > 0 or opened) and ")" in tail[0] and not tail[0].startswith("(")
            w = w[: tail.start()] + (")" if closes else "")
            if not closes and depth == 0 and not opened and "(" not in w:
                w = _LETTERED_MARKER.sub("", w)  # ``Common'Y@)``: the marker's rest before it
        depth = max(depth - w.count(")"), 0)
        words.append(JUNK_HEAD.sub("", w))
    return " ".join(words)


def _scan_title_unsure(text: str) -> str | None:
    """What makes a scan's title unsure where no word of it is debris to drop: a brace inside
    a word (``Class B ilye}ayik Common Stock``: an amount the scan garbled into letters, in
    the title's column); a lone capital with a hyphen where the line wrapped (``Tranche B-`` /
    ``Common``: a class letter and a rule read as a hyphen, or a word cut after its first
    letter); words in capitals followed by words that are not (``INNSUITES HOSPITALITY REIT``
    / ``Stock``: the last line may be a lost row's, the scan having dropped the row's first
    line). None where none of these holds."""
    if _BRACE_AMID.search(text):
        return "a word with a brace inside it (an amount or a marker the scan garbled?)"
    if _LETTER_HYPHEN_WRAP.search(text):
        return "a lone capital and a hyphen where its line wrapped (a rule read as a hyphen?)"
    words = text.split()
    k = 0
    while k < len(words) and words[k].isupper() and sum(c.isalpha() for c in words[k]) >= 2:
        k += 1
    if k >= 2 and k < len(words) and not words[k].isupper():
        return "words in capitals and then words that are not (a lost row's line?)"
    return None


def _speck_after_noun(word: str, before: str) -> bool:
    """One or two small letters that are no word, or a capital with a scan's symbols after it
    (a torn footnote marker: ``V@``), after the noun a title ends on (``Stock en``, ``Stock
    V@``; ``before``: the words before it)."""
    speck = (len(word) <= 2 and word.islower() and word not in _SMALL_WORDS) or (
        len(word) > 1 and word[0].isupper() and all(c in _SCAN_SYMBOLS for c in word[1:])
    )
    return speck and before.rpartition(" ")[2].lower() in SECURITY_NOUNS


_BRACE_AMID = re.compile(r"[^\W\d_][{}][^\W\d_]")
_NOUN_AND_COMMA_FIRST = re.compile(r"(?:Shares|Stock),")
"""A title opening on its noun and a comma (``Shares, no par value``): its first words lost."""
_LETTER_HYPHEN_WRAP = re.compile(r"(?<![^\s(])[A-Z]- (?=[A-Z][a-z])")
_SMALL_WORDS = frozenset(("a", "an", "as", "at", "by", "in", "of", "on", "or", "to"))
"""Words of one or two small letters a title or a nature may hold."""
_EMPTY_BRACKETS = re.compile(r"\(\)[a-z]{0,2}[^\w\s]*")
"""A word opening on an empty pair of brackets, at most two small letters after it (``()y``): a
footnote marker the scan tore; no word of a title or a nature is so written."""
_SMALL_LETTERS_FIRST = re.compile(r"[a-z]{1,2}\s|[a-z]{1,4}[)\]}]\s")
"""A text opening on one or two small letters alone (``a Shares``, ``xe Shares``: a code read
as letters), or on a few closing a bracket nothing opened (``end) Class B``, remix seed 1225's
scan: a window's footnote marker read as letters): no security's title does."""


TORN_PAR = re.compile(r"(\$\d*\.\d+)[)\]}|°®©™’\"]{1,3}")
"""A par value with a scan's torn footnote marker after it (``$0.001)``)."""


OWNER_WORDS_ALONE = frozenset(
    {"trust", "unitrust", "llc", "lp", "l.p", "inc", "ltd", "partnership", "company", "foundation"}
)


def specks_for_a_title(title: object) -> bool:
    """A title half or more of whose words are small letters no title writes (``eT``, ``ce``,
    ``eee``): two or three letters, not a capitalised word, an acronym or a title's small word
    (``of``, ``par``, ``no``): what a scan reads of specks."""
    if not isinstance(title, str):
        return False
    words = [w for w in title.split() if w.isalpha()]
    specks = [
        w
        for w in words
        if len(w) <= 3
        and not w.isupper()
        and not (w[0].isupper() and w[1:].islower() and len(w) == 3)
        and w.lower() not in TITLE_SMALL_WORDS
    ]
    return len(words) >= 3 and 2 * len(specks) >= len(words)


_POSSESSIVE_END = re.compile(r"\w['’]s$")
_LONE_CAPITAL_END = re.compile(r"[a-z)][.,]? [A-HJ-Z]$")
"""A nature's words, then a capital letter alone (``By 401(k) Plan U``, ``... spouse M``)."""
_SMALL_TITLE_WORD_END = re.compile(r"\b(?:common|stock|shares)$")
_SMALL_THEN_BY = re.compile(r"[a-z]{4,}(?: [a-z]\S*)* By ")
"""A nature opening on a small-letter word (four letters or more: no speck) and going on to a
capital ``By``."""
_MARKER_AS_DIGIT_AND_CAPITAL = re.compile(r"[a-z] \d{1,2}[A-Z]$")
_MARKER_AS_CAPITAL_AND_DIGIT = re.compile(r"(\S*[a-z]\S*) [A-Z]\d{1,2}$")
"""``By Children M0``: a capital and a digit after a word (after an owner's last word, ``Irr
Trust V2``, a marker for sure: :func:`clean_words` drops it)."""
_SPECK_AFTER_WORDS = re.compile(r"[A-Za-z)]{3} ([a-z]{1,2})$")
_SMALL_ENDS = frozenset({"al"})  # (``et al``)
_SYLLABLE_AFTER_SMALL = re.compile(r"\b[a-z]{3,} ([A-Z]e)$")
"""A capital and an ``e`` after a word in small letters, ending a nature (``spouse Se``, ``Ce``,
``Oe``: what a scan reads of a speck; not a name such as ``Jo``, ``Bo``, ``Li``)."""
_BY_AGAIN = re.compile(r"\bBy\b.*(?<=\S)(?<!\band)(?<!&)(?<![,;])(?<!\bor) By\b")
"""A second nature's ``By`` after a word but ``and``/``or``/``&`` or a comma (``By Spouse and
By Trust`` is one nature, a filer's)."""
_PAR_WORD_END = re.compile(r"\b(?:value|par)$", re.I)


def _caps_word_dropped(text: str, clean: str) -> str | None:
    """The last word of ``text``, two to four capitals before symbols (``IRA®@))``), where the
    cleaning dropped it whole."""
    last = text.rsplit(" ", 1)[-1]
    m = re.match(r"[A-Z]{2,4}(?=[^\w\s]{2,}$)", last)
    if m is None or clean.rsplit(" ", 1)[-1].startswith(m[0]) or set(m[0]) <= _MARKER_CAPS:
        return None  # (``OM®)``: the letters a scan reads of ``(1)(2)``, a marker's)
    return last


_MARKER_CAPS = frozenset("OMDQCG")
_MARKER_CAPS_END = re.compile(r"[a-z]\S* ([A-Z]{2,3})$")
"""Two or three capitals ending a nature after a word with a small letter (``Foundation OM``)."""


_LETTERS_IN_BRACKETS = re.compile(r"\([A-Z]{1,3}\)$")
"""A cell ending on a few capitals in brackets (``(V)``)."""
_CLASS_LETTER_GLUED = re.compile(
    r"(?:(?<=\bClass )|(?<=\bSeries ))"
    r"([A-Z])(Common|Capital|Ordinary|Preferred|Subordinate|Limited|Voting)\b"
)
"""A class's or a series' letter run into the word after it by a scan (``Class ACommon``,
``Series ACommon``: remix seeds 1227, 1283)."""


def nature_before_its_date(draft: Draft) -> None:
    """A nature that, all its lines read, ends where a trust's date follows (``By Revocable
    Trust dated``, remix seed 1287's scan: the date on the line below was read into a row of
    its own) is cut short: left empty with a doubt. Asked last, once every wrapped line and
    row below has been placed."""
    text = draft.values.get("nature_of_ownership")
    if isinstance(text, str) and text.endswith(_DATED_ENDS):
        draft.leave_empty(
            "nature_of_ownership",
            f"{text!r} ends before its date, on a line not read as its; left empty",
        )


_DATED_ENDS = (" dated", " dtd", " dtd.", " Dated", " DATED", " DTD")


def _title_past_its_end(draft: Draft, f: str, text: str) -> bool:
    """A scan's title that runs on past where a title ends
    (:func:`parsers.text.wraps.runs_past_its_end`: ``Common Stock, par SW value $0.01 per
    share``, remix seed 1223's scan, the row's garbled balance ``SW 7A`` beside the title's
    first line, a phantom row): a word of a cell beside it run in, which the text does not
    single out. Left empty, said; True where so."""
    if not runs_past_its_end(text):
        return False
    draft.leave_empty(
        f, f"{text!r} runs on past where a title ends (a word of a cell beside it run in?); left"
        " empty"
    )  # fmt: skip
    return True


def _scan_tail_unsure(f: str, text: str) -> str | None:
    """What a scan's text cell ends on that no such cell does, said (remix seeds 1207 and 1217's
    scans, each read wrong): a nature ending on a capital letter alone after its words (a speck
    read as a letter, or a letter of it: ``By GRAT A``), or on a par value's word (``Custodian
    for minor child value``: the title's ``par`` / ``value`` put beside it); a title that is one
    phrase twice (``American Depositary Shares American Depositary Shares``: a lost row's title
    run into the row above's), or a whole title after its noun (:data:`_TITLE_AFTER_TITLE`)."""
    if f == "nature_of_ownership":
        if _LONE_CAPITAL_END.search(text):
            return (
                "a capital letter alone after its words (a speck the scan read as a letter, or"
                " a letter of it?)"
            )
        if _PAR_WORD_END.search(text):
            return "it ends on a par value's word, no nature's (a title's word put beside it?)"
        if (m := _MARKER_CAPS_END.search(text)) and set(m[1]) <= _MARKER_CAPS:
            # ``By Foundation OM&°)`` read ``By Foundation OM`` (remix seed 1253's scan): the
            # letters a scan reads of markers (``(1)(0)``) left by its torn rest, or a word's
            return f"its last word {m[1]!r}, letters a scan reads of markers (or a word of it?)"
        if _MARKER_AS_DIGIT_AND_CAPITAL.search(text) or (
            (m := _MARKER_AS_CAPITAL_AND_DIGIT.search(text)) and m[1] not in _OWNER_ENDS
        ):
            # ``By Trust 9A`` (remix seed 1235's scan), ``By Children © M0`` (seed 1251's): a
            # torn marker read as a digit and a capital, or the name's own (the text does not
            # say)
            return "its last word a digit or two and a capital (a torn marker, or a word of it?)"
        if (m := _SPECK_AFTER_WORDS.search(text)) and m[1] not in _SMALL_ENDS:
            # ``By Children ay`` (remix seed 1231's scan): a speck read as small letters
            return f"{m[1]!r} alone after its words (a speck the scan read as letters?)"
        if m := _SYLLABLE_AFTER_SMALL.search(text):
            # ``Held by the Reporting Person's spouse`` / ``Se`` (remix seed 1271's scan): a
            # speck read as a capital and a small letter on a line of its own below
            return f"{m[1]!r} alone after a word in small letters (a speck, or a name?)"
        if _SMALL_THEN_BY.match(text):
            # ``spouse By Foundation`` (remix seed 1255's scan): the row above's wrapped
            # ``spouse`` read before this row's nature; a nature opens on its ``By``
            return "small-letter words before its 'By' (a wrapped line's above run into it?)"
        if _BY_AGAIN.search(text):
            # ``By Revocable Trust dated 3/1/2010 SSS nee NE By TRA`` (remix seed 1229's scan:
            # a garbled row's line below run into the nature)
            return "two natures' 'By' in one (a lost row's run into this one?)"
        return None
    words = text.split()
    half = len(words) // 2
    if half >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return "one phrase twice (a lost row's title run into this one?)"
    if m := _TITLE_AFTER_TITLE.search(text):
        return (
            f"{m['second']!r}, a title of its own, after the noun {m['noun']!r} (a lost row's"
            " title run into this one?)"
        )
    return None


_TITLE_AFTER_TITLE = re.compile(
    r"\b(?P<noun>Stock|Shares|Units?) (?P<second>(?:Class|Series) [A-Z0-9]{1,2},? "
    r"(?:[A-Z][a-z]+ )*(?:Stock|Shares|Units?))$"
)
"""A title closing on its noun, then a whole class's title again (``Restricted Stock Class A
Common Stock``: remix seed 1207's scan, the row of ``Class A Common Stock`` lost but its title,
run into the row above's); ``Common Stock Class A`` and ``Common Stock Units`` are not so, nor
is a filer's ``Depositary Shares, Series A Preferred Stock`` (a comma between). One opening on
``Common`` is :data:`parsers.text.wraps.runs_past_its_end`'s."""


def _specks_after_noun(title: str) -> str | None:
    """The words after a title's last security noun, where they read as specks
    (:func:`specks_for_a_title`): what a scan ran into the title from a line of speckles."""
    words = title.split()
    at = max(
        (k for k, w in enumerate(words) if w.casefold().strip(",") in SECURITY_NOUNS), default=-1
    )
    rest = " ".join(words[at + 1 :]) if at >= 0 else ""
    return rest if rest and specks_for_a_title(rest) else None


def are_speckles(words: list[str]) -> bool:
    """Words most of which are vowels alone (``Foe eee ee``, ``ee ee ee De``): what a scan
    reads of its speckles; no title or nature is so written."""
    return len(words) > 1 and 3 * sum(set(w.lower()) <= VOWELS for w in words) >= 2 * len(words)


VOWELS = frozenset("aeiou")


def short_specks(words: list[str]) -> bool:
    """Four words or more, none over three letters, half of them vowels alone: a scan's
    speckles (a title's words are longer, or fewer)."""
    return (
        len(words) >= 4
        and all(len(w) <= 3 for w in words)
        and 2 * sum(set(w.lower()) <= VOWELS for w in words) >= len(words)
    )


GROUPED_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", re.ASCII)
"""A number grouped by thousands (``6,125,376``): an amount of shares, never a par value or a
title's word. (A stricter pattern of the same name, defined earlier in this module, was shadowed
by this one and used by nobody: removed.)"""
