"""Money as integer cents: the 7th tradition collection.

Amounts are read and written as the language in use writes them: "1,234.50" in English,
"1.234,50" in Spanish. The plain forms ("12.50", "12,5") are read in every language.
"""

import re
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _, language, locale
from facilitator.core.text_out import echo

if TYPE_CHECKING:  # Babel loads where a locale is first needed (core/i18n.py)
    from babel import Locale

# ASCII digits only: `\d` would also take "５" or "٣", and float() "1e308", "nan" or "-5".
_PLAIN = re.compile(r"(?P<units>[0-9]+)(?:[.,](?P<cents>[0-9]{1,2}))?")
_CURRENCY_SIGNS = "$€£"
MAX_CENTS = 10_000_000_00


@lru_cache(maxsize=8)
def _grouped(where: "Locale") -> re.Pattern[str]:
    """The locale's grouped form, exactly in threes: "1,234.50" (en), "1.234,50" (es)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol  # see i18n.number

    group, decimal = re.escape(get_group_symbol(where)), re.escape(get_decimal_symbol(where))
    return re.compile(rf"(?P<units>[1-9][0-9]{{0,2}}(?:{group}[0-9]{{3}})+)"
                      rf"(?:{decimal}(?P<cents>[0-9]{{1,2}}))?")


def _example() -> str:
    """An amount typed as the locale writes it, for the messages: 12.50, 12,50."""
    from babel.numbers import get_decimal_symbol

    return f"12{get_decimal_symbol(locale())}50"


def parse_amount(text: str, field: str = "collection") -> int:
    """Parse `12.50`, `12,5`, `$12`, `12` or the locale's `1,234.50` into cents; refuse the rest."""
    if not isinstance(text, str):
        raise ValidationError(field, _("must be an amount like {example}, not {value}").format(
            example=_example(), value=echo(text, 24)))
    cleaned = text.strip()
    if cleaned[:1] and cleaned[0] in _CURRENCY_SIGNS:
        cleaned = cleaned[1:].lstrip()
    match = _PLAIN.fullmatch(cleaned) or _grouped(locale()).fullmatch(cleaned)
    if not match:
        # Translators: {example} is 12.50 written with the locale's decimal mark (12,50).
        raise ValidationError(
            field, _("{text} is not an amount; type it like {example} (two decimals at most)")
            .format(text=echo(text.strip(), 24), example=_example()))
    units = re.sub("[^0-9]", "", match["units"]).lstrip("0") or "0"
    if len(units) > len(str(MAX_CENTS // 100)):  # 5,000 digits are never made into a number
        cents = MAX_CENTS + 1
    else:
        cents = int(units) * 100 + int((match["cents"] or "0").ljust(2, "0"))
    if cents > MAX_CENTS:
        raise ValidationError(field, _("amount is too large; the limit is {limit}").format(
            limit=format_cents(MAX_CENTS)))
    return cents


def format_cents(cents: int, currency: str = "") -> str:
    """12345 -> '123.45' ('123,45' in Spanish), with the currency as the locale places it."""
    if language() != "en":
        from babel.numbers import format_currency, format_decimal

        where = locale()
        amount = Decimal(cents).scaleb(-2)
        if currency:
            return format_currency(amount, currency, locale=where, currency_digits=False)
        return format_decimal(amount, format="#,##0.00", locale=where)
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    text = f"{sign}{whole:,}.{part:02d}"
    return f"{text} {currency}" if currency else text
