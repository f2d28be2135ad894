"""``caseless`` patterns match exactly what the case-blind patterns they replace match."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.text.patterns import caseless, cases


def test_folds_are_every_character_a_case_blind_ascii_letter_matches() -> None:
    letters = re.compile("[a-z]", re.IGNORECASE)
    others = [
        c for c in map(chr, range(sys.maxunicode + 1)) if not c.isascii() and letters.fullmatch(c)
    ]
    for char in others:
        (letter,) = [x for x in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(x, char, re.I)]
        assert char in cases(letter) and char in cases(letter.upper())
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        assert set(cases(letter)) == {
            c for c in [letter.lower(), letter.upper(), *others] if re.fullmatch(letter, c, re.I)
        }


BRANCHES = [
    (
        r"\b5\.\s*Relationship\s+of\s+Person\(s\)",
        r"Relationship\s+of\s+Person\(s\)",
        r"\(\s*Check\s*\)",
    ),
    (r"Officer(?=\s*\(\s*give)", r"Officer"),
    (r"Other(?=\s*\(\s*specify)", r"\bOther\b"),
    (*(rf"\b{n}\.\s+[A-Z][a-z]" for n in "1234"), r"ividual\s+or\s+Joint", r"\bC/O\b"),
    (r"Issuer\s+Name", r"10\s*%\s*Owner", r"Sk"),
]
ALPHABET = st.sampled_from(
    list("ReElLaAtTiIoOnNsShHpPkK5.1234 \n\t()%/CcvV-")
    + [
        "\u0130",
        "\u0131",
        "\u017f",
        "\u212a",
        "Relationship",
        "Officer",
        "Other",
        " of ",
        "Person(s)",
        "(give",
        "(specify",
        "Issuer Name",
        "ividual or Joint",
        "Check",
        "C/O",
    ]
)


@pytest.mark.parametrize("branches", BRANCHES)
@settings(max_examples=400, deadline=None)
@given(parts=st.lists(ALPHABET, max_size=24))
def test_caseless_matches_as_the_case_blind_pattern(
    branches: tuple[str, ...], parts: list[str]
) -> None:
    text = "".join(parts)
    old, new = re.compile("|".join(branches), re.I), caseless(*branches)
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
    assert new.sub(" ", text) == old.sub(" ", text)
    for pos in range(len(text)):
        got, want = new.search(text, pos), old.search(text, pos)
        assert (got and got.span()) == (want and want.span())


def test_caseless_refuses_what_it_cannot_spell_out() -> None:
    for branch in (r"(?:\b5\.)?Relationship", r"[1-4]\.", r"\b\(x", r"\dx", ".x"):
        with pytest.raises(ValueError):
            caseless(branch)


# Patterns rewritten for speed (each branch opening on a literal, or a search started near the
# end): the same matches as the plain patterns they replace.
_SPEED_ALPHABET = st.sampled_from(
    list("FfOoRrMm345/Aa_xX1é[]☒ \n\t:,")
    + ["FORM", "form", " 4/A", "Check", " this", " box", "value", "VALUE", "par", "(", ")"]
)


@settings(max_examples=600, deadline=None)
@given(parts=st.lists(_SPEED_ALPHABET, max_size=20))
def test_speed_rewrites_match_as_the_plain_patterns(parts: list[str]) -> None:
    from parsers.text import header, pushed, wraps  # noqa: PLC0415

    text = "".join(parts)
    amended = re.compile(r"(?<![^\W_])FORM\s+[345]\s*/\s*A(?![^\W_])", re.I)
    checked = re.compile(r"(?:☒|\[\s*[xX]\s*\]|(?<![A-Za-z])[xX](?![A-Za-z]))\s*Check\s+this\s+box")
    for old, new in ((amended, header._AMENDED_FORM), (checked, header._BOX_CHECKED)):
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
    assert pushed._ends_in_value(text) == bool(re.search(r"\bvalue[:,]?$", text, re.I))
    depth, balanced = 0, True
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        balanced = balanced and depth >= 0
    # a ``(`` glued to a word's end with a digit after it that no ``)`` closes as a marker does
    # (``F(3F)``) opens a torn footnote marker, no bracket of the cell's (session 23's rule;
    # this model lacked it, and hypothesis found ``F(3F)`` in session 25)
    glued = re.search(r"[^\W\d_]\(\d(?!\d{0,2}\))", text) is not None
    assert wraps._balanced(text) == (balanced and depth == 0 and not glued)


def test_speed_rewrites_still_find_what_the_form_prints() -> None:
    from parsers.text import header, pushed  # noqa: PLC0415

    assert header._AMENDED_FORM.search("FORM 4/A  UNITED STATES")
    assert not header._AMENDED_FORM.search("PLATFORM 4/A")
    assert header._BOX_CHECKED.search("X Check this box if no longer subject")
    assert not header._BOX_CHECKED.search("Box Check this box")
    assert pushed._ends_in_value("Common Stock, par value")
    assert not pushed._ends_in_value("Common Stock, par values")
    assert not pushed._ends_in_value("Common Stock, parvalue")


# cells._MARKUP and cells._PLAIN_MARK rewritten so that every branch opens on a literal
# character: the plain patterns they replace, and what each match of the plain markup pattern
# became (its groups numbered 1-6: <sup> digits, ⁽²⁾ digits, superscript digits, <input>, <br>,
# an escaped character).
_PLAIN_MARKUP = re.compile(
    r"<sup\b[^>]{0,100}>\s*[(\[]?\s*F?([\dl][\dlO]{0,2})\s*[)\]]?\s*</sup\s*>"
    r"|⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})⁾"
    r"|(?<![0-9])([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![0-9⁰¹²³⁴⁵⁶⁷⁸⁹])"
    r"|(<input\b[^>]{0,300}>)"
    r"|(<br\s*/?>)"
    r"|</?[A-Za-z][A-Za-z0-9]{0,10}\b[^<>]{0,300}>"
    r"|\\([\\`*_{}\[\]()#+\-.!$|<>~&])"
    r"|\*\*|__",
    re.IGNORECASE,
)
_PLAIN_PLAIN_MARK = re.compile(
    r"\(\s*F?([\dl][\dlO]?)\s*\)|\[\s*F?([\dl][\dlO]?)\s*\]|(?<![\w$.,/])F(\d{1,2})(?![\w.,/])"
)


def _plain_markup_sub(m: re.Match[str]) -> str:
    from parsers.text import cells  # noqa: PLC0415

    digits = m.group(1) or m.group(2) or m.group(3)
    if digits is not None:
        number = digits.translate(cells._SUPER).translate(cells._MARK_DIGITS)
        return f"{cells.MARK}{number}{cells.MARK}"
    tag = m.group(4)
    if tag is not None:
        return f" {cells.CHECKED} " if "checked" in tag.lower() else f" {cells.UNCHECKED} "
    if m.group(5) is not None:
        return "\n"
    return m.group(6) if m.group(6) is not None else ""


_MARKUP_ALPHABET = st.sampled_from(
    list("<>/\\*_ supSUPbrBRinputINPUT()[]Ff12lO0⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾\t=\"'chekdxX.,$ab")
    + ["<sup>", "</sup>", "<br>", "<BR/>", "<input type=checkbox checked>", "<input>", "<b>"]
    + ["</b>", "**", "__", "\\*", "\\|", "(1)", "F2", "[F3]", " F12 ", "(l)", "(1O)"]
)


@settings(max_examples=1500, deadline=None)
@given(parts=st.lists(_MARKUP_ALPHABET, max_size=24))
def test_markup_rewrites_match_as_the_plain_patterns(parts: list[str]) -> None:
    from parsers.text import cells  # noqa: PLC0415

    text = "".join(parts)
    assert [m.span() for m in cells._MARKUP.finditer(text)] == [
        m.span() for m in _PLAIN_MARKUP.finditer(text)
    ]
    assert cells._MARKUP.sub(cells._markup_sub, text) == _PLAIN_MARKUP.sub(_plain_markup_sub, text)
    assert [(m.span(), m.groups()) for m in cells._PLAIN_MARK.finditer(text)] == [
        (m.span(), m.groups()) for m in _PLAIN_PLAIN_MARK.finditer(text)
    ]


def test_markup_rewrites_still_read_what_converters_write() -> None:
    from parsers.text.cells import CHECKED, MARK, UNCHECKED, clean  # noqa: PLC0415

    assert clean("Stock<sup>(2)</sup>", markers=True) == f"Stock{MARK}2{MARK}"
    assert clean("Stock⁽¹²⁾ and ³", markers=True) == f"Stock{MARK}12{MARK} and {MARK}3{MARK}"
    assert clean("$253.6³") == "$253.6³"  # glued to a digit: a damaged digit, no marker
    assert clean("²94,910") == "²94,910"  # glued before a digit: no marker either
    assert clean("a<br/>b", keep_lines=True) == "a\nb"
    assert clean('<input type="checkbox" checked> Director') == f"{CHECKED} Director"
    assert clean("<input type=checkbox> Officer") == f"{UNCHECKED} Officer"
    assert clean("\\*\\*X\\*\\* **bold**") == "**X** bold"
    assert clean("M F2 x", markers=True) == f"M {MARK}2{MARK} x"
    assert clean("$F2 x", markers=True) == "$F2 x"


_WORD_ALPHABET = st.sampled_from(
    list("abINAOSlBoDnN/.-—–()[]|_{}¦=^~`#*+<>@?\ufffd\x01°©®™”“\"'’‘¢\\«»§éß")
    + ["N/A", "none", "NONE", "n.a.", "nil", "--", "Common", "Stock", "٣", "1", "$"]
)


@settings(max_examples=3000, deadline=None)
@given(parts=st.lists(_WORD_ALPHABET, min_size=1, max_size=6))
def test_a_word_without_digits_reads_as_the_value_readers_read_it(parts: list[str]) -> None:
    """tokens._classify reads a word with no digit and no dollar sign without trying the
    value patterns: the tokens the full chain of readers makes of it."""
    from parsers.text import tokens  # noqa: PLC0415

    word = "".join(parts)
    assert tokens._classify(word, 1, 2) == tokens._classify_value(word, 1, 2)
