"""A pseudo-language for tests: every translated string comes back with each ASCII letter
swapped for an accented twin ("Sign in" -> "Šîĝñ îñ~~~") and 40% longer, so text that
never went through the catalog shows as plain ASCII words, and layouts meet longer words.

    with pseudo_language():
        ...                     # the app, a command: every `_()` speaks pseudo
    untranslated_words(text)    # the plain English words left in what was shown
"""

import gettext
import math
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from babel import Locale

from facilitator.core.calendar_words import joining_words
from facilitator.core.i18n import ENGLISH, use_language

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
TWINS = "àƀçďéƒĝĥîĵķľɱñöþǫŕšţüṽŵẋýžÀƁÇĎÉƑĜĤÎĴĶĽṀÑÖÞǪŔŠŢÜṼŴẊÝŽ"
_SWAP = str.maketrans(LETTERS, TWINS)
# Kept as they are: placeholders ({name}, {n:,}, %(prog)s, %s) and Textual markup ([b], [/]).
_KEEP = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sdr]|%[sdr]|\[[^\[\]]*\]")


def pseudo(message: str) -> str:
    """`message` with its letters swapped and 40% longer (placeholders and markup kept)."""
    if not message:
        return message
    pieces, last = [], 0
    for kept in _KEEP.finditer(message):
        pieces += [message[last:kept.start()].translate(_SWAP), kept.group()]
        last = kept.end()
    pieces.append(message[last:].translate(_SWAP))
    return "".join(pieces) + "~" * math.ceil(len(message) * 0.4)


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return pseudo(singular if n == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return pseudo(singular if n == 1 else plural)


@contextmanager
def pseudo_language() -> Iterator[None]:
    """Speak the pseudo-language (numbers, money and dates as Spanish writes them)."""
    use_language(PseudoTranslations(), Locale("es"))
    try:
        yield
    finally:
        use_language(gettext.NullTranslations(), ENGLISH)


_WORD = re.compile(r"[A-Za-z]{2,}")
CURRENCIES = ("USD", "EUR", "CAD", "GBP", "MXN")  # those the tests' groups use, and near ones


def locale_words() -> set[str]:
    """The words the locale's own data writes, not the catalog: month and weekday names in
    every form Babel gives them, the words its date patterns join them with ("de"), and
    currency signs ("US$")."""
    es = Locale("es")
    names = [*es.months["format"]["abbreviated"].values(), *es.months["format"]["wide"].values(),
             *es.days["format"]["abbreviated"].values(), *es.days["format"]["wide"].values(),
             *joining_words(es), *(es.currency_symbols.get(code, code) for code in CURRENCIES)]
    return {word for name in names for word in _WORD.findall(name)}


def untranslated_words(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The plain ASCII words of `text` (two letters or more) not in `allowed`, nor written by
    the locale's data (see `locale_words`)."""
    allowed = set(allowed) | locale_words()
    return [word for word in _WORD.findall(text) if word not in allowed]
