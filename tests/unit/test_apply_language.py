"""The language a code chooses, and its locale: English's is made when a number or a date
first needs it (Babel loads there, not at every start); a language with a catalog at once."""

import pytest

from facilitator.core import i18n
from facilitator.core.i18n import _, language, locale, number
from facilitator.store.language import apply_language


@pytest.mark.parametrize("code, spoken, written_for", [
    ("en", "en", "en"),
    ("en_GB", "en", "en_GB"),  # English of a place keeps its own numbers and dates
    ("en-US", "en", "en_US"),
    ("EN_us", "en", "en_US"),
    ("en_ZZ", "en", "en_US"),  # a place Babel does not know: its likeliest English
    ("fr_FR", "en", "en"),  # no catalog: English words, numbers and dates
    ("xx", "en", "en"),
    ("", "en", "en"),
    ("es", "es", "es"),
    ("es-MX", "es", "es_MX"),
    ("ES", "es", "es"),
])
def test_a_code_speaks_a_language_written_for_its_locale(code, spoken, written_for):
    assert apply_language(code) == spoken
    assert language() == spoken
    assert str(locale()) == written_for


def test_english_makes_no_locale_until_a_number_needs_one():
    apply_language("en_GB")
    assert i18n._locale is None and _("Start meeting") == "Start meeting"
    assert number(1234567) == "1,234,567"
    assert str(i18n._locale) == "en_GB"
