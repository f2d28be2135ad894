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
