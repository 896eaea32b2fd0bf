"""Counts said in words take the right form, through the one helper."""

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from facilitator.core.plurals import plural

PACKAGE = Path(__file__).resolve().parents[2] / "facilitator"


@pytest.mark.parametrize(("count", "expected"), [
    (0, "0 records"), (1, "1 record"), (2, "2 records"), (21, "21 records"),
    (1000, "1,000 records"), (-1, "-1 records"),
])
def test_the_form_follows_the_count(count, expected):
    assert plural(count, "record", "records") == expected


def test_irregular_forms_are_given_whole():
    assert [plural(n, "entry", "entries") for n in (1, 3)] == ["1 entry", "3 entries"]


@given(st.integers(min_value=2, max_value=10**9))
@settings(max_examples=50)
def test_only_one_is_singular(count):
    assert plural(count, "meeting", "meetings").endswith(" meetings")


def literal_texts() -> list[tuple[str, str]]:
    """Every string literal (f-string parts too) in the package, with its file."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.append((str(path.relative_to(PACKAGE)), node.value))
    return found


def test_no_text_hedges_with_an_s_in_brackets():
    """ "(s)" after a count is what the helper replaces; "weekday(s)" in a label that asks
    for one or more, and "http(s)", are not counts."""
    allowed = ("eekday(s)", "http(s)")
    hedged = [(path, text) for path, text in literal_texts()
              if text.replace(allowed[0], "").replace(allowed[1], "").count("(s)")]
    assert hedged == []
