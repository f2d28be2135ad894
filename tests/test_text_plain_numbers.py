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


def test_a_dollar_amount_over_999_with_no_separator_or_point_is_unread() -> None:
    # pymupdf4llm-layout dropped a price's point ('$335549' of $33.5549, fresh synthetic
    # renderings); OCR read '$2.15' as '$2515': the form prints '$1,000' grouped, so neither
    # is a price for sure
    for word in ("$335549", "$2515"):
        (tok,) = tokenize([word], [0])
        assert tok.kind == NUM and tok.dollar and tok.value is None
        assert any("neither thousands separators nor a decimal point" in n for n in tok.notes)
    # grouped, pointed, or short, a dollar amount reads as printed
    assert _numbers(tokenize(["$1,115,023 $33.5549 $999 1500"], [0])) == [
        Decimal(1115023),
        Decimal("33.5549"),
        Decimal(999),
        Decimal(1500),
    ]


def test_a_scans_price_with_its_point_read_as_a_digit_is_left_empty_with_a_doubt() -> None:
    from pathlib import Path

    from parsers import parse_file

    f = parse_file(
        Path(__file__).parent
        / "fixtures"
        / "renderings"
        / "real"
        / "000106299323011116_form4.xml"
        / "ocr.txt"
    )
    assert f.derivative[1].exercise_price is None
    assert any(
        n.field == "derivative[1].exercise_price" and "'$2515'" in n.message for n in f.notes
    )


def test_a_bare_superscript_digit_glued_to_a_digit_is_no_footnote_marker() -> None:
    # a damaged byte read as '³' inside a date or after a price's last digit: taken for a
    # marker, '04/1³/2022' read as 04/01/2022 and '$253.6³' as 253.6. A marker the form
    # prints bare follows a word; glued to a digit it may be the value's own digit: unread
    from parsers.text.cells import clean

    for word in ("$253.6³", "04/1³/2022"):
        (tok,) = tokenize([clean(word, markers=True)], [0])
        assert tok.value is None and tok.malformed and not tok.marks
    (tok,) = tokenize([clean("Trust²", markers=True)], [0])
    assert tok.text == "Trust" and tok.marks == ["2"]
    (tok,) = tokenize([clean("11,084⁽¹⁾", markers=True)], [0])
    assert tok.value == Decimal(11084) and tok.marks == ["1"]


def test_a_decimal_whose_last_digits_follow_a_space_is_unread() -> None:
    # '$3.95' with a space (a no-break space, a converter's stray one) among its decimals: one
    # or two digits after a decimal in one cell may be its own (no group of three follows a
    # point); read as '$3.9' the price lost its last digit silently (text fuzz). The decimal
    # is unread, with its doubt; the digits stay a value of their own (they may be the piece of
    # a number a cell border cut: '$92.7923 4|2,450'), doubted where they land
    for cell in ("$3.9 5", "$3.9\u00a05", "$0.0 0", "13.2 0", "$13.20 8 9,218"):
        first, *rest = tokenize([cell], [0])
        assert first.kind == NUM and first.value is None
        assert first.dollar == cell.startswith("$")
        assert any("unsure" in n for n in first.notes)
        assert rest and rest[0].kind == NUM
    # a price and a balance a converter merged into one cell stay two values
    assert _numbers(tokenize(["$13.20 89,218"], [0])) == [Decimal("13.20"), Decimal(89218)]
    assert _numbers(tokenize(["$1.60 152,654 D"], [0])) == [Decimal("1.60"), Decimal(152654)]
