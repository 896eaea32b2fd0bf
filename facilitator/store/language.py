"""Choosing the language and reading its catalog from the package.

The language is, first that is given: `--lang` for one run, the group's setting, the
computer's (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`), else English. A language with no
catalog falls back to English without a word, numbers, money and dates too (words in one
language and figures in another would read as a mistake).
"""

import gettext
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.core.i18n import ENGLISH, LANGUAGES, parse_locale, use_language

if TYPE_CHECKING:
    from babel import Locale

CATALOGS = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "facilitator"
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def environment_language(environ: Mapping[str, str] = os.environ) -> str:
    """The computer's language as a locale code ("es_MX"), or "" when it names none."""
    for name in ENVIRONMENT:
        value = environ.get(name, "")
        first = value.split(":")[0].split(".")[0].split("@")[0]
        if first and first not in ("C", "POSIX"):
            return first
    return ""


def choose_language(flag: str | None = None, group: str | None = None,
                    environ: Mapping[str, str] = os.environ) -> str:
    """The language to speak: `--lang`, else the group's setting, else the computer's."""
    return flag or group or environment_language(environ) or "en"


def load_catalog(locale: "Locale") -> gettext.NullTranslations:
    """The compiled catalog for `locale` (es_MX falls back to es), else English's none."""
    return gettext.translation(DOMAIN, CATALOGS, languages=[str(locale), locale.language],
                               fallback=True)


def speak_chosen(flag: str | None = None, group: str | None = None,
                 environ: Mapping[str, str] = os.environ) -> str:
    """Speak the language `choose_language` picks from --lang, the group's and the computer's."""
    return apply_language(choose_language(flag, group, environ))


def apply_language(code: str) -> str:
    """Speak `code` from now on (English where it has no catalog); the language spoken.

    English has no catalog, and its locale ("en", "en_GB") is made when a number or a date
    first needs it: Babel loads where it is used, not at every start."""
    code = code.replace("-", "_")
    primary = code.split("_")[0].lower()
    if primary == ENGLISH or primary not in LANGUAGES:
        use_language(gettext.NullTranslations(), code if primary == ENGLISH else ENGLISH)
        return ENGLISH
    locale = parse_locale(code)
    if locale.language not in LANGUAGES:
        locale = parse_locale(ENGLISH)
    use_language(load_catalog(locale), locale)
    return locale.language
