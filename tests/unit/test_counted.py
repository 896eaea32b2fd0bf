"""Counts said in words take the language's form for the count, and the words go to the
catalog whole: no English plural made by code, no sentence built inside `_()`."""

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from facilitator.core.i18n import counted
from facilitator.store.language import apply_language

PACKAGE = Path(__file__).resolve().parents[2] / "facilitator"
CATALOG_CALLS = {"_", "ngettext", "pgettext", "counted", "N_", "NC_"}


@pytest.mark.parametrize(("count", "expected"), [
    (0, "0 records"), (1, "1 record"), (2, "2 records"), (21, "21 records"),
    (1000, "1,000 records"), (-1, "-1 records"),
])
def test_the_form_follows_the_count(count, expected):
    assert counted("{n} record", "{n} records", count) == expected


@pytest.mark.parametrize(("count", "expected"), [
    (0, "0 registros"), (1, "1 registro"), (2, "2 registros"), (1234, "1.234 registros"),
])
def test_spanish_takes_its_own_form_and_writes_the_number_its_way(count, expected):
    apply_language("es")
    assert counted("{n} record", "{n} records", count) == expected


@given(st.integers(min_value=2, max_value=10**9))
@settings(max_examples=50)
def test_only_one_is_singular(count):
    assert counted("{n} meeting", "{n} meetings", count).endswith(" meetings")


def modules() -> list[tuple[str, ast.AST]]:
    return [(str(path.relative_to(PACKAGE)), ast.parse(path.read_text(encoding="utf-8")))
            for path in PACKAGE.rglob("*.py")]


def literal_texts() -> list[tuple[str, str]]:
    """Every string literal (f-string parts too) in the package, with its file."""
    return [(path, node.value) for path, tree in modules() for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_no_text_hedges_with_an_s_in_brackets():
    """ "(s)" after a count is what `counted` replaces; "weekday(s)" in a label that asks
    for one or more, and "http(s)", are not counts."""
    allowed = ("eekday(s)", "http(s)")
    hedged = [(path, text) for path, text in literal_texts()
              if text.replace(allowed[0], "").replace(allowed[1], "").count("(s)")]
    assert hedged == []


def test_the_catalog_is_given_whole_sentences():
    """An f-string or a `+` inside `_()` would look up a sentence the catalog cannot hold
    (the extraction skips it): placeholders are filled after translation."""
    built = [(path, node.lineno) for path, tree in modules() for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
             and node.func.id in CATALOG_CALLS
             and any(map(built_text, node.args))]
    assert built == []


def built_text(node: ast.AST) -> bool:
    """An f-string, or text joined with `+` or `%`."""
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.BinOp) and any(
        isinstance(side, ast.JoinedStr) or (isinstance(side, ast.Constant)
                                             and isinstance(side.value, str)) or built_text(side)
        for side in (node.left, node.right))
