"""One function makes text from a person, a file or the database safe to show in the app."""

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import facilitator.tui
from facilitator.tui.plain_text import plain_text, printable

UNSAFE = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
                           *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xD800, 0xDFFF]]

CASES = [
    # (text, what is shown)
    ("Tuesday Night", "Tuesday Night"),
    ("[b]Al[/b] [@click=app.quit]q[/]", "[b]Al[/b] [@click=app.quit]q[/]"),
    ("\\[not escaped", "\\[not escaped"),
    ("\x1b[31mred\x1b]0;title\x07", "\\x1b[31mred\\x1b]0;title\\x07"),
    ("evil\u202eEve\u2066", "evil\\u202eEve\\u2066"),
    ("two\nlines\tand a tab", "two\nlines\tand a tab"),
    ("carriage\rreturn", "carriage\\rreturn"),
    ("del\x7f c1\x9b", "del\\x7f c1\\x9b"),
    ("lone \udcff surrogate", "lone \\udcff surrogate"),
    ("🦊 Zoë דניאל", "🦊 Zoë דניאל"),
    ("\u200d joiner in emoji 👩\u200d👩", "\u200d joiner in emoji 👩\u200d👩"),
]


@pytest.mark.parametrize(("text", "shown"), CASES)
def test_text_is_shown_as_it_reads(text, shown):
    assert printable(text) == shown
    content = plain_text(text, "bold")
    assert content.plain == shown
    assert [span.style for span in content.spans] == ["bold"]  # one style, none from markup


def test_a_long_text_is_cut_with_an_ellipsis():
    assert printable("5" * 5000, limit=40) == "5" * 39 + "…"
    assert printable("short", limit=40) == "short"


@given(st.text())
def test_nothing_unsafe_is_ever_drawn(text):
    shown = plain_text(text).plain
    assert not any(char in shown for char in UNSAFE)
    if not any(char in text for char in UNSAFE):
        assert shown == text


# -- every place in the app's code that shows text ------------------------------------------

TUI = Path(facilitator.tui.__file__).parent
# Calls whose text argument Textual reads as markup when it is a str.
MARKUP_SINKS = {"Static", "Label", "Button", "Option", "update", "add_row", "add_option"}
MARKUP_ATTRIBUTES = {"border_title", "border_subtitle"}


def built_text(node: ast.AST) -> bool:
    """A str put together at run time (which may hold anything) rather than a fixed one."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return True
    if isinstance(node, ast.IfExp):
        return built_text(node.body) or built_text(node.orelse)
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"format", "join"} and isinstance(node.func.value, ast.Constant))


def call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            name = call_name(node)
            if name in {"from_markup", "render_str"}:
                found.append(f"{where} parses markup")
            for keyword in node.keywords:
                if keyword.arg == "markup" and not (
                        isinstance(keyword.value, ast.Constant) and keyword.value.value is False):
                    found.append(f"{where} asks for markup")
            if name in MARKUP_SINKS and node.args and built_text(node.args[0]):
                found.append(f"{where} {name}() of a built str: use plain_text()")
        if isinstance(node, ast.Assign) and built_text(node.value) and any(
                isinstance(target, ast.Attribute) and target.attr in MARKUP_ATTRIBUTES
                for target in node.targets):
            found.append(f"{where} a built str as a border title: use plain_text()")
    return found


def test_the_app_never_reads_built_text_as_markup():
    """Text put together at run time reaches the screen through plain_text, never as markup."""
    files = sorted(TUI.rglob("*.py"))
    assert len(files) > 30
    assert [problem for path in files for problem in problems_in(path)] == []


def test_the_check_above_can_fail(tmp_path):
    sample = tmp_path / "sample.py"
    bad = ('Static(f"{name}")\nlabel.update("x" + name)\nw.border_title = f"{name}"\n'
           'Content.from_markup(name)\nw.notify(name, markup=True)\nLabel(", ".join(names))\n'
           'Static(plain_text(f"{name}"))\nStatic("fixed [b]text[/b]")\n')
    sample.write_text(bad, encoding="utf-8")
    assert len(problems_in(sample)) == 6
