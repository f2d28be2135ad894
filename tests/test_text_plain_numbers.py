"""Numbers side by side in a plain line stay apart: a plain line parts all its cells by single
spaces, so ``$0 600`` (a price and a balance) is no number whose thousands separator is a space."""

from __future__ import annotations

from decimal import Decimal

from parsers.text.tokens import NUM, tokenize, tokenize_plain


def _numbers(tokens: list) -> list[Decimal]:
    return [t.value for t in tokens if t.kind == NUM]


def test_a_plain_lines_price_and_balance_are_not_one_number() -> None:
    # pdfplumber-text: "Stock $29.81 04/04/2016 M(1) 3,500 (4) 03/03/2026 Common 3,500 $0 600 D"
    toks = tokenize_plain("Common 3,500 $0 600 D", 0)
    assert _numbers(toks) == [Decimal(3500), Decimal(0), Decimal(600)]
    assert _numbers(tokenize_plain("Common 1,000 500 D", 0)) == [Decimal(1000), Decimal(500)]


def test_a_spaced_group_in_one_cell_is_still_read_but_never_after_a_zero() -> None:
    assert _numbers(tokenize(["64 327"], [0])) == [Decimal(64327)]
    assert _numbers(tokenize(["$0 600"], [0])) == [Decimal(0), Decimal(600)]
