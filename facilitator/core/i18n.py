"""The words a person reads, in the language chosen: gettext's calls over the catalog in use.

Every string a person reads goes through one of these, whole sentences with named
placeholders, so a translator can reorder them:

    _("Signed in {name}").format(name=name)
    counted("{n} record", "{n} records", total)        # "1 record", "1,234 records"

Text written where the module loads (bindings, tables of labels) is only marked with `N_`
and translated where it is shown, `_(label)`, so a change of language shows at once.

The catalogs are files, read by `facilitator.store.language`, which hands the one chosen to
`use_language`; until then (and in a language without a catalog) the words are English.
Numbers, money and dates follow the same locale through Babel (`number`, `locale`).
"""

import gettext
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Babel loads when a locale is first needed: English words need none
    from babel import Locale

ENGLISH = "en"
# The languages with a catalog, each named in its own words (the settings screen lists them).
LANGUAGES = {"en": "English", "es": "Español"}

_catalog: gettext.NullTranslations = gettext.NullTranslations()
_code = ENGLISH  # the locale's code: "en", "en_GB", "es_MX"
_locale: "Locale | None" = None  # made from _code when first needed


def use_language(catalog: gettext.NullTranslations, locale: "Locale | str") -> None:
    """From now on every word and number is read from `catalog` and written for `locale`:
    a Babel locale, or the code of one ("en_GB"), made when a number or a date first needs
    it (`parse_locale`)."""
    global _catalog, _code, _locale
    _catalog = catalog
    _code, _locale = (locale, None) if isinstance(locale, str) else (str(locale), locale)


def locale() -> "Locale":
    """The locale words, numbers, money and dates are written for."""
    global _locale
    if _locale is None:
        _locale = parse_locale(_code)
    return _locale


def language() -> str:
    """The language in use, as its code: "en", "es"."""
    return _locale.language if _locale is not None else _code.split("_")[0].lower()


def parse_locale(code: str) -> "Locale":
    """`code` ("es", "es_MX", "es-MX") as a Babel locale; English when Babel has no such one."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale(ENGLISH)


def _(message: str) -> str:
    """`message` in the language in use (itself in English or without a translation)."""
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a sentence for `count`, by the language's plural rules."""
    return _catalog.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` where the same English word means two things ("Close": a verb, a section)."""
    return _catalog.pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` to be translated where it is shown (the catalog's tools find it)."""
    return message


class _InContext(str):
    """A message marked with the context it is translated in (see `NC_`)."""

    context: str


def NC_(context: str, message: str) -> str:
    """`N_` for a word that means two things ("Table": a motion laid aside, or a list of
    rows): `translated` looks it up in `context`."""
    marked = _InContext(message)
    marked.context = context
    return marked


def translated(message: str) -> str:
    """A message marked with `N_` or `NC_` (a binding's words, a column's heading), in the
    language in use; "" stays "" (gettext would give the catalog's header)."""
    if not message:
        return ""
    context = getattr(message, "context", None)
    return pgettext(context, message) if context else _catalog.gettext(message)


def number(value: int | float | Decimal) -> str:
    """A number as the locale writes it: 1,234 in English, 1.234 in Spanish."""
    # Babel's numbers and dates load where first used: no screen's first paint needs them,
    # and loading them is a part of start-up a person waits through.
    from babel.numbers import format_decimal

    return format_decimal(value, locale=locale())


def decimal_mark(text: str) -> str:
    """A number Python formatted ("3.5", "+1.2") with the locale's decimal mark ("3,5")."""
    from babel.numbers import get_decimal_symbol

    return text.replace(".", get_decimal_symbol(locale()))


def counted(singular: str, plural: str, count: int) -> str:
    """A count in words, its `{n}` written as the locale writes numbers: "1,234 records"."""
    return ngettext(singular, plural, count).format(n=number(count))
