"""Money is whole cents: typed amounts are parsed exactly, never through a float."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.errors import ValidationError
from facilitator.core.money import MAX_CENTS, format_cents, parse_amount
from facilitator.store.language import apply_language

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
    ("1,000.00", 100000),  # English groups with commas: both marks say which is which
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
    ("1,000.0000", "is not an amount"),  # grouped, then too many decimals
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


# (language, typed, cents): the locale's own form, and the dot form, in each language
LOCALE_ACCEPTED = [
    ("es", "47,25", 4725),
    ("es", "1.234,50", 123450),
    ("es", "1.234", 123400),  # a dot then exactly three digits groups thousands in Spanish
    ("es", "47.25", 4725),  # the dot form is read in every language
    ("es", "47.5", 4750),
    ("es", "1.234.567,89", 123456789),
    ("es", "€ 1.234,5", 123450),
    ("es", "10.000.000", MAX_CENTS),
    ("en", "1,234.50", 123450),
    ("en", "1,234", 123400),
    ("en", "12,5", 1250),  # what English accepted before grouping still is
    ("en", "1,234,567.89", 123456789),
    ("es_MX", "1,234.50", 123450),  # Mexico writes money as English does
]

# (language, typed): grouping must be exact, and each language groups with its own mark
LOCALE_REFUSED = [
    ("es", "1,234.50"), ("es", "1.23,50"), ("es", "1.2345"), ("es", "12.34.56"),
    ("es", "0.123"), ("es", ".123"), ("es", "1..234"), ("es", "1.234,567"), ("es", "1 234,50"),
    ("en", "1.234,50"), ("en", "1,23.50"), ("en", "1,2345"), ("en", "0,123"), ("en", ",123"),
    ("en", "1,234,56"), ("en", "1,,234"), ("en", "12.345"), ("en", "1,234.567"),
]


@pytest.mark.parametrize("language, typed, cents", LOCALE_ACCEPTED)
def test_each_language_reads_its_own_grouping(language, typed, cents):
    apply_language(language)
    assert parse_amount(typed) == cents


@pytest.mark.parametrize("language, typed", LOCALE_REFUSED)
def test_grouping_that_is_not_exact_is_refused_with_the_one_reason(language, typed):
    apply_language(language)
    with pytest.raises(ValidationError) as caught:
        parse_amount(typed, field="amount")
    if language == "en":
        assert str(caught.value) == (f"amount: {typed!r} is not an amount; type it like 12.50 "
                                     "(two decimals at most)")
    else:  # the words are the catalog's; the example is written with the locale's comma
        assert caught.value.field == "amount"
        assert caught.value.reason.startswith(repr(typed)) and " 12,50 " in caught.value.reason


@pytest.mark.parametrize("cents, currency, shown", [
    (4725, "USD", "47,25\xa0US$"),
    (4725, "EUR", "47,25\xa0€"),
    (123456789, "", "1.234.567,89"),
    (0, "", "0,00"),
    (-5, "", "-0,05"),
    (-123456, "USD", "-1.234,56\xa0US$"),
])
def test_spanish_writes_money_as_spain_and_latin_america_read_it(cents, currency, shown):
    apply_language("es")
    assert format_cents(cents, currency) == shown


def test_the_limit_is_written_in_the_language_in_use():
    apply_language("es")
    with pytest.raises(ValidationError, match="10.000.000,00$"):
        parse_amount("10.000.000,01")


@settings(max_examples=60)
@given(st.sampled_from(["en", "es", "es_MX"]), st.integers(min_value=0, max_value=MAX_CENTS))
def test_every_amount_round_trips_as_its_language_writes_it(language, cents):
    """What the app writes (grouped, the locale's marks) is read back as the same cents."""
    apply_language(language)
    assert parse_amount(format_cents(cents)) == cents
