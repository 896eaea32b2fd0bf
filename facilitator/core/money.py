"""Money as integer cents: the 7th tradition collection."""

import re

from facilitator.core.errors import ValidationError

_AMOUNT = re.compile(r"(?P<units>\d{1,15})(?:[.,](?P<cents>\d{1,2}))?")
MAX_CENTS = 10_000_000_00


def parse_amount(text: str, field: str = "collection") -> int:
    """Parse `12.50`, `12,5`, `$12` or `12` into cents; refuse anything else."""
    cleaned = text.strip().lstrip("$€£").strip()
    match = _AMOUNT.fullmatch(cleaned)
    if not match:
        shown = text if len(text) <= 20 else text[:20] + "…"
        raise ValidationError(
            field, f"{shown!r} is not an amount; type it like 12.50 (two decimals at most)"
        )
    cents = int(match["units"]) * 100 + int((match["cents"] or "0").ljust(2, "0"))
    if cents > MAX_CENTS:
        raise ValidationError(field, "amount is too large")
    return cents


def format_cents(cents: int, currency: str = "") -> str:
    """12345 -> '123.45', with the currency code after it when given."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    text = f"{sign}{whole:,}.{part:02d}"
    return f"{text} {currency}" if currency else text
