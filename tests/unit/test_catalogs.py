"""The catalogs hold every word the code marks, translated, and nothing the code lost; the
compiled catalogs shipped are those of the `.po` files (`python tools/catalogs.py`)."""

import re
from io import BytesIO

import pytest
from babel.messages.mofile import read_mo

from tools import catalogs

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sdr]|%[sdr]")


@pytest.fixture(scope="module")
def template():
    return catalogs.extract()


@pytest.fixture(scope="module", params=catalogs.languages())
def language(request):
    return request.param


def ids(catalog) -> set:
    return {(message.id if isinstance(message.id, str) else message.id[0], message.context)
            for message in catalog if message.id}


def test_spanish_is_one_of_the_languages():
    assert "es" in catalogs.languages()


def test_every_marked_string_is_in_the_catalog_and_none_is_unused(template, language):
    catalog = catalogs.read(catalogs.po_path(language))
    assert ids(template) - ids(catalog) == set(), "run python tools/catalogs.py"
    assert ids(catalog) - ids(template) == set(), "strings the code no longer has"


def test_every_string_has_its_translation(language):
    assert catalogs.untranslated(catalogs.read(catalogs.po_path(language))) == []


def test_each_translation_keeps_the_placeholders(language):
    """A `{name}` lost or misspelt would raise KeyError where the sentence is shown."""
    for message in catalogs.read(catalogs.po_path(language)):
        if not message.id:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set().union(*(PLACEHOLDER.findall(text) for text in english))
        translations = message.string if isinstance(message.string, tuple) else (message.string,)
        for translation in translations:
            assert set(PLACEHOLDER.findall(translation)) <= wanted, (message.id, translation)
        if not isinstance(message.id, tuple):
            assert set(PLACEHOLDER.findall(translations[0])) == wanted, (message.id, translations)


def test_the_shipped_compiled_catalog_is_the_po_compiled(language):
    path = catalogs.po_path(language)
    shipped = read_mo(BytesIO(path.with_suffix(".mo").read_bytes()))
    compiled = read_mo(BytesIO(catalogs.mo_bytes(catalogs.read(path))))
    assert entries(shipped) == entries(compiled)


def entries(catalog) -> dict:
    """Each message's id, context and translation (plural ones as tuples)."""
    def value(text):
        return tuple(text) if isinstance(text, (list, tuple)) else text
    return {(value(m.id), m.context): value(m.string) for m in catalog}


def test_the_template_is_current(template):
    pot = catalogs.LOCALES / f"{catalogs.DOMAIN}.pot"
    assert pot.read_bytes() == catalogs.po_bytes(template), "run python tools/catalogs.py"
