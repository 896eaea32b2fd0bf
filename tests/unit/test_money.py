"""Money is whole cents: typed amounts are parsed exactly, never through a float."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.errors import ValidationError
from facilitator.core.money import MAX_CENTS, format_cents, parse_amount

ACCEPTED = [
    ("12.50", 1250),
    ("12,50", 1250),
    ("12,5", 1250),
    ("12.5", 1250),
    ("12", 1200),
    ("0", 0),
    ("0.05", 5),
    ("0.1", 10),
    ("$12", 1200),
    ("€3,20", 320),
    ("£ 4", 400),
    ("  7  ", 700),
    ("0.29", 29),  # 0.29 * 100 is 28.999… as a float
    ("10000000", MAX_CENTS),
    ("0" * 5000 + "1", 100),  # 5,001 digits, but the amount is 1
]

REFUSED = [
    ("", "is not an amount"),
    ("abc", "'abc' is not an amount; type it like 12.50"),
    ("-5", "is not an amount"),
    (".5", "is not an amount"),
    ("12.", "is not an amount"),
    ("12.345", "two decimals at most"),
    ("12.5.0", "is not an amount"),
    ("1,000.00", "is not an amount"),  # a thousands separator could be a decimal comma
    ("1 000", "is not an amount"),
    ("1e3", "is not an amount"),
    ("12 USD", "is not an amount"),
    ("10000000.01", "amount is too large"),
    ("999999999", "amount is too large"),
    ("99999999999", "amount is too large"),
    ("9" * 40, "amount is too large; the limit is 10,000,000.00"),
    ("x" * 40, "'" + "x" * 23 + "…"),
    # hostile classes: each refused with the field named, never parsed some other way
    ("++5", "'++5' is not an amount"),
    ("+5", "'+5' is not an amount"),
    ("²", "'²' is not an amount"),
    ("５", "'５' is not an amount"),  # full-width digit
    ("٣.50", "'٣.50' is not an amount"),  # Arabic-Indic digit
    ("9" * 5000, "amount is too large; the limit is 10,000,000.00"),
    ("1e308", "'1e308' is not an amount"),
    ("NaN", "'NaN' is not an amount"),
    ("inf", "'inf' is not an amount"),
    ("-0.01", "'-0.01' is not an amount"),
    ("$$5", "'$$5' is not an amount"),
    ("1_000", "'1_000' is not an amount"),
    ("\x1b[31m5", "'\\x1b[31m5' is not an amount"),
]


@pytest.mark.parametrize("typed, cents", ACCEPTED, ids=[typed[:20] for typed, _ in ACCEPTED])
def test_accepted_amounts(typed, cents):
    """Each accepted form gives exactly these cents."""
    assert parse_amount(typed) == cents


@pytest.mark.parametrize("typed, reason", REFUSED, ids=[typed[:20] for typed, _ in REFUSED])
def test_refused_amounts_name_the_field(typed, reason):
    """A refused amount names the field and says how to type it."""
    with pytest.raises(ValidationError) as caught:
        parse_amount(typed, field="collection")
    assert caught.value.field == "collection"
    assert str(caught.value).startswith("collection: ")
    assert reason in caught.value.reason


@pytest.mark.parametrize("cents, currency, shown", [
    (0, "", "0.00"),
    (5, "", "0.05"),
    (1250, "", "12.50"),
    (123456789, "", "1,234,567.89"),
    (1250, "EUR", "12.50 EUR"),
    (-5, "", "-0.05"),
    (-123456, "USD", "-1,234.56 USD"),
])
def test_format_cents(cents, currency, shown):
    """Cents are shown with two decimals, grouped thousands and the currency after."""
    assert format_cents(cents, currency) == shown


@given(st.integers(min_value=0, max_value=MAX_CENTS))
def test_every_amount_round_trips_through_its_text(cents):
    """Formatting then parsing (without the grouping commas) gives back the same cents."""
    assert parse_amount(format_cents(cents).replace(",", "")) == cents
    assert parse_amount(format_cents(cents).replace(",", "").replace(".", ",")) == cents
