"""Text going out: the terminal escape, the CSV formula guard and the Markdown escape; bidi
controls refused on the way in."""

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from facilitator.core import validate
from facilitator.core.errors import ValidationError
from facilitator.core.names import clean_name
from facilitator.core.text_out import (BIDI_CONTROLS, csv_cell, csv_text, echo, escape,
                                       markdown_text)

BIDI = sorted(BIDI_CONTROLS)


def raw_controls(text: str) -> list[str]:
    """Characters a terminal would act on, or that reorder what follows them."""
    return [char for char in text
            if unicodedata.category(char) in ("Cc", "Cs") or char in BIDI_CONTROLS]


# (class, text, what escape() prints)
ESCAPED = [
    ("ESC, OSC title", "O,\x1b]0;X\x07", "O,\\x1b]0;X\\x07"),
    ("CSI colour", "\x1b[31mred", "\\x1b[31mred"),
    ("C1 CSI", "a\x9b31m", "a\\x9b31m"),
    ("C1 NEL", "a\x85b", "a\\x85b"),
    ("DEL", "a\x7fb", "a\\x7fb"),
    ("NUL", "a\x00b", "a\\x00b"),
    ("newline, tab, CR", "a\nb\tc\rd", "a\\nb\\tc\\rd"),
    ("RLO", "abc\u202edef", "abc\\u202edef"),
    ("isolates", "\u2066x\u2069", "\\u2066x\\u2069"),
    ("lone surrogate", "caf\udce9", "caf\\udce9"),
    ("plain", "Tuesday Night — café 漢字 😀", "Tuesday Night — café 漢字 😀"),
]


@pytest.mark.parametrize("kind, text, shown", ESCAPED, ids=[case[0] for case in ESCAPED])
def test_escape_shows_every_control_character(kind, text, shown):
    assert escape(text) == shown
    assert raw_controls(escape(text)) == []


def test_escape_shows_each_unsafe_character_alone_and_in_lines():
    """All 2,122 of them, one by one: C0, DEL, C1, every surrogate, every bidi control."""
    unsafe = [chr(code) for code in range(0x10000) if raw_controls(chr(code))]
    assert len(unsafe) == 32 + 1 + 32 + 2048 + 9
    for char in unsafe:
        assert raw_controls(escape(f"a{char}b")) == []
        assert raw_controls(escape(f"a{char}b", lines=True)) == ([char] if char in "\n\t" else [])


def test_escape_keeps_line_breaks_only_when_asked():
    assert escape("a\nb\tc\x1b", lines=True) == "a\nb\tc\\x1b"
    assert escape("a\nb") == "a\\nb"


def test_escape_cuts_to_the_limit():
    assert escape("x" * 100, 10) == "x" * 9 + "…"
    assert escape("short", 10) == "short"
    assert len(escape("\x1b" * 1000, 50)) == 50


def test_echo_quotes_and_cuts_a_value_a_person_gave():
    assert echo("abc") == "'abc'"
    assert echo("x" * 100, 10) == "'xxxxxxxxx…"
    assert echo("\x1b]0;X\x07") == "'\\x1b]0;X\\x07'"
    assert raw_controls(echo("a\u202eb\udcff")) == []


@given(st.text(st.characters(exclude_categories=[])), st.none() | st.integers(1, 200))
def test_nothing_escaped_can_act_on_a_terminal(text, limit):
    """Whatever goes in, the result holds no raw control, bidi control or surrogate."""
    shown = escape(text, limit)
    assert raw_controls(shown) == []
    shown.encode("utf-8")  # printable whatever stdout's encoding error handler is
    if limit is not None:
        assert len(shown) <= limit
    if not raw_controls(text) and (limit is None or len(text) <= limit):
        assert shown == text


# --- CSV: formulas neutralised, exactly undone on import ---

@pytest.mark.parametrize("text, cell", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("'=1", "''=1"),  # looks like a neutralised formula: one more quote
    ("''@x", "'''@x"),
    ("'quoted'", "'quoted'"),  # a quote before anything else stays as it is
    ("Tuesday", "Tuesday"),
    ("a=b", "a=b"),
    ("", ""),
])
def test_csv_cells_that_start_a_formula_get_a_quote(text, cell):
    assert csv_cell(text) == cell
    assert csv_text(cell) == text


@given(st.text(st.sampled_from("'=+-@\t\rab x"), max_size=8) | st.text())
def test_csv_text_undoes_csv_cell_exactly(text):
    """Every text survives the round trip, and no written cell starts a formula."""
    cell = csv_cell(text)
    assert csv_text(cell) == text
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


# --- Markdown: names and notes render as the same literal text ---

MARKDOWN = MarkdownIt("commonmark").enable("table").enable("strikethrough")
LINKIFY = MarkdownIt("gfm-like")  # autolinks, as GitHub shows a report

HOSTILE_MARKDOWN = [
    "![x](http://example.com/pixel.png)",
    "[click](javascript:alert(1))",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<http://example.com>",
    "*bold* and _em_ and **strong** and __strong__",
    "~~struck~~",
    "`code` and ``more``",
    "a | b | c",
    "# Heading",
    "## Step study",
    "> quote",
    "- item",
    "+ item",
    "1. first",
    "2) second",
    "===",
    "---",
    "Tom &amp; Jerry &lt;3",
    "back\\slash\\",
    "[ref]: http://example.com",
    "x\x1b]0;title\x07",
]


def cell_texts(html: str) -> list[str]:
    """The text of each rendered table cell, entities decoded."""
    from html.parser import HTMLParser

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.cells, self.inside, self.tags = [], False, []

        def handle_starttag(self, tag, attrs):
            if tag in ("td", "th"):
                self.inside = True
                self.cells.append("")
            elif self.inside:
                self.tags.append(tag)

        def handle_endtag(self, tag):
            if tag in ("td", "th"):
                self.inside = False

        def handle_data(self, data):
            if self.inside:
                self.cells[-1] += data

    parser = Cells()
    parser.feed(html)
    parser.close()
    assert parser.tags == [], f"markup inside a cell: {parser.tags}"
    return parser.cells


@pytest.mark.parametrize("name", HOSTILE_MARKDOWN)
def test_markdown_text_renders_as_the_same_text_in_a_table_cell(name):
    """Inside a table cell: one cell, no element inside it, the text exactly as given."""
    html = MARKDOWN.render(f"| Meeting | Count |\n|:---|---:|\n| {markdown_text(name)} | 3 |\n")
    assert cell_texts(html) == ["Meeting", "Count", escape(name), "3"]


@pytest.mark.parametrize("name", HOSTILE_MARKDOWN)
def test_markdown_text_renders_as_the_same_text_at_the_start_of_a_line(name):
    """On a line of its own: one paragraph holding the text, no heading, list or quote."""
    html = MARKDOWN.render(markdown_text(name) + "\n")
    assert html.startswith("<p>") and html.count("<p>") == 1, html
    for element in ("<img", "<script", "<a ", "<em", "<strong", "<code", "<s>", "<h",
                    "<ul", "<ol", "<blockquote", "<hr"):
        assert element not in html, html


@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=40)
       .map(str.strip).filter(bool))
@settings(max_examples=200)
def test_any_name_is_one_table_cell_with_its_own_text(name):
    html = MARKDOWN.render(f"| Meeting |\n|:---|\n| {markdown_text(name)} |\n")
    assert cell_texts(html) == ["Meeting", escape(name)]


def test_a_bare_link_stays_text_even_where_links_are_made_automatically():
    """GitHub turns bare addresses into links; an image or a hidden target never appears."""
    name = "![x](http://example.com/pixel.png)"
    html = LINKIFY.render(markdown_text(name) + "\n")
    assert "<img" not in html
    assert re.sub(r"<[^>]+>", "", html).strip() == name  # what a reader sees


# --- bidi controls are refused on the way in ---

@pytest.mark.parametrize("char", BIDI + ["\x1b", "\x9b", "\x7f", "\udcff"])
def test_text_fields_refuse_bidi_and_control_characters(char):
    with pytest.raises(ValidationError, match="^note: cannot contain control characters$"):
        validate.text("note", f"Hall B{char} upstairs", maximum=100)


@pytest.mark.parametrize("char", BIDI + ["\x1b", "\x9b", "\x7f", "\udcff"])
def test_first_names_drop_bidi_and_control_characters(char):
    assert clean_name(f"Ann{char}e") == "Anne"


def test_ordinary_scripts_are_accepted():
    for text in ("שלום", "مرحبا", "Zoë", "漢字", "😀 group", "a\u200db"):
        assert validate.text("name", text, maximum=20) == text
