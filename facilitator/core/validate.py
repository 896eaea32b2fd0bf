"""Small checks shared by the models; each raises ValidationError naming the field."""

import unicodedata

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _, number
from facilitator.core.text_out import BIDI_CONTROLS, echo, escape

# Control characters and lone surrogates (what Python makes of bytes that are not UTF-8).
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs"})


def count(field: str, value: object, *, maximum: int) -> int:
    """A count of people or things: a whole number from 0 to `maximum`, the field's own limit
    (every message names it)."""
    if isinstance(value, bool) or not isinstance(value, int):
        digits = value.strip() if isinstance(value, str) else None
        # ASCII digits only: int() would also take "+5", "٣" or "1_000"; str.isdigit() "²".
        if not digits or not digits.isascii() or not digits.isdigit():
            raise ValidationError(field, _("must be a whole number, not {value}").format(
                value=_short(value)))
        if len(digits.lstrip("0")) > len(str(maximum)):
            # the digits as typed, cut: 5,000 of them are never made into a number
            raise ValidationError(field, _("{value} is more than {maximum}").format(
                value=escape(digits, 24), maximum=number(maximum)))
        value = int(digits.lstrip("0") or "0")  # 5,000 leading zeros are still a count
    if value < 0:
        raise ValidationError(field, _("cannot be negative ({value})").format(value=value))
    if value > maximum:
        raise ValidationError(field, _("{value} is more than {maximum}").format(
            value=value, maximum=number(maximum)))
    return value


def text(field: str, value: object, *, maximum: int, required: bool = False) -> str:
    """Printable text of at most `maximum` characters (no control characters)."""
    if not isinstance(value, str):
        raise ValidationError(field, _("must be text, not {value}").format(value=_short(value)))
    value = value.strip()
    if required and not value:
        raise ValidationError(field, _("cannot be empty"))
    if len(value) > maximum:
        # Translators: a text typed is too long; {length} and {limit} count characters.
        raise ValidationError(field, _("is {length} characters long; the limit is {limit}").format(
            length=len(value), limit=maximum))
    if not value.isprintable():  # the fast answer for almost every text
        for char in value:
            if char in BIDI_CONTROLS or unicodedata.category(char) in _REFUSED_CATEGORIES:
                raise ValidationError(field, _("cannot contain control characters"))
    return value


def _short(value: object) -> str:
    return echo(value, 24)
