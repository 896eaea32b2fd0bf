"""Money as integer cents: the 7th tradition collection."""

import re

from facilitator.core.errors import ValidationError
from facilitator.core.text_out import echo

# ASCII digits only: `\d` would also take "５" or "٣", and float() "1e308", "nan" or "-5".
_AMOUNT = re.compile(r"(?P<units>[0-9]+)(?:[.,](?P<cents>[0-9]{1,2}))?")
_CURRENCY_SIGNS = "$€£"
MAX_CENTS = 10_000_000_00


def parse_amount(text: str, field: str = "collection") -> int:
    """Parse `12.50`, `12,5`, `$12` or `12` into cents; refuse anything else."""
    if not isinstance(text, str):
        raise ValidationError(field, f"must be an amount like 12.50, not {echo(text, 24)}")
    cleaned = text.strip()
    if cleaned[:1] and cleaned[0] in _CURRENCY_SIGNS:
        cleaned = cleaned[1:].lstrip()
    match = _AMOUNT.fullmatch(cleaned)
    if not match:
        raise ValidationError(field, f"{echo(text.strip(), 24)} is not an amount; type it like "
                                     "12.50 (two decimals at most)")
    units = match["units"].lstrip("0") or "0"
    if len(units) > len(str(MAX_CENTS // 100)):  # 5,000 digits are never made into a number
        cents = MAX_CENTS + 1
    else:
        cents = int(units) * 100 + int((match["cents"] or "0").ljust(2, "0"))
    if cents > MAX_CENTS:
        raise ValidationError(field, f"amount is too large; the limit is {format_cents(MAX_CENTS)}")
    return cents


def format_cents(cents: int, currency: str = "") -> str:
    """12345 -> '123.45', with the currency code after it when given."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    text = f"{sign}{whole:,}.{part:02d}"
    return f"{text} {currency}" if currency else text
