"""Every transaction code maps to its event type, in one place."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.classify import CODE_EVENTS, event_class, signed_quantity
from ledger.events import EVENT_ADAPTER, EVENT_TYPES

EXPECTED = {
    "P": "purchase",
    "S": "sale",
    "A": "grant",
    "D": "disposition_to_issuer",
    "F": "tax_withholding",
    "M": "exercise",
    "X": "exercise",
    "O": "exercise",
    "C": "conversion",
    "E": "expiration",
    "H": "expiration",
    "G": "gift",
    "W": "inheritance",
    "I": "discretionary",
    "J": "other",
    "K": "swap",
    "L": "small_acquisition",
    "U": "tender",
    "Z": "voting_trust",
}


@pytest.mark.parametrize(("code", "event_type"), sorted(EXPECTED.items()))
def test_code_maps_to_event_type(code: str, event_type: str) -> None:
    cls = event_class(code, [], holding=False)
    assert cls.model_fields["event_type"].default == event_type
    assert event_class(code.lower(), [], holding=False) is cls


def test_every_code_of_the_form_is_covered() -> None:
    assert set(CODE_EVENTS) == set(EXPECTED)


def test_an_a_with_an_espp_footnote_is_an_espp_purchase() -> None:
    note = "These shares were acquired through the Issuer's Employee Stock Purchase Plan."
    assert event_class("A", [note], holding=False).model_fields["event_type"].default == (
        "espp_purchase"
    )
    assert (
        event_class("A", ["Restricted stock units vest"], holding=False)
        .model_fields["event_type"]
        .default
        == "grant"
    )
    assert event_class("S", [note], holding=False).model_fields["event_type"].default == "sale"


def test_holding_rows_and_unknown_codes() -> None:
    assert event_class(None, [], holding=True).model_fields["event_type"].default == (
        "holding_reported"
    )
    assert event_class("Q", [], holding=False).model_fields["event_type"].default == "other"


def test_event_types_round_trip_through_the_union() -> None:
    assert len(EVENT_TYPES) == 18
    for name in EVENT_TYPES:
        assert EVENT_ADAPTER.core_schema is not None
        assert name == EVENT_TYPES[name].model_fields["event_type"].default


@pytest.mark.parametrize(
    ("shares", "ad", "expected"),
    [
        ("100", "A", "100"),
        ("100", "D", "-100"),
        # No side given: the code's usual direction is not taken for it (an S filed as an
        # acquisition, a G either way); the change stays unsigned.
        ("100", None, None),
        (None, "A", None),
    ],
)
def test_signed_quantity(shares: str | None, ad: str | None, expected: str | None) -> None:
    got = signed_quantity(Decimal(shares) if shares else None, ad)
    assert got == (Decimal(expected) if expected else None)
