"""Text leaving the program: every terminal line and error, CSV cells, Markdown.

Stored and typed text is checked on the way in (`validate.text` refuses control characters),
but what goes out is escaped here all the same: a damaged file, a path or an argument a
person typed must never move the cursor, retitle the terminal, reverse the reading order
or start a formula in a spreadsheet.
"""

import re

# What a terminal must never receive raw: C0, DEL and C1 controls; lone surrogates (what
# Python makes of bytes that are not UTF-8); the bidi embeddings, overrides and isolates.
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CONTROLS = (*range(0x00, 0x20), *range(0x7F, 0xA0))
BIDI_CONTROLS = frozenset(map(chr, _BIDI))
_SHORT = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}

ECHO_LIMIT = 40  # characters of a value a person gave, quoted back in a message
LINE_LIMIT = 400  # characters of one message line


def _visible(code: int) -> str:
    return _SHORT.get(code) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")


# Each control's visible escape, for str.translate. (A regular expression holding the
# surrogates' range costs its compiler millions of steps at every start.)
_ESCAPES = {code: _visible(code) for code in (*_CONTROLS, *_BIDI)}
_ESCAPES_IN_LINES = {code: shown for code, shown in _ESCAPES.items()
                     if code not in (0x09, 0x0A)}  # keeps "\t", "\n"


def escape(text: str, limit: int | None = None, *, lines: bool = False) -> str:
    """`text` safe to print: each control character, lone surrogate and bidi control written
    as a visible escape (`\\x1b`, `\\udce9`, `\\u202e`); with `limit`, cut to that many
    characters with '…'. With `lines`, line breaks and tabs are kept (a table, a reading)."""
    if not text.isprintable():  # every unsafe character is unprintable: most text skips this
        text = text.translate(_ESCAPES_IN_LINES if lines else _ESCAPES)
        # Lone surrogates are all that UTF-8 cannot encode: written as Python writes them.
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if limit is not None and len(text) > limit:
        text = text[:limit - 1] + "…"
    return text


def echo(value: object, limit: int = ECHO_LIMIT) -> str:
    """A value a person gave, quoted for a message and cut to `limit`: 'Tuesday…'."""
    shown = repr(value)
    return escape(shown if len(shown) <= limit else shown[:limit] + "…")


# CSV: a cell that a spreadsheet would read as a formula gets a leading "'" (OWASP, CSV
# injection). Texts that merely look like an already neutralised one (quotes, then a
# formula character) get one more, so that `csv_text` undoes exactly what `csv_cell` did.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FIRST_CHARACTERS = frozenset(_FORMULA_START + ("'",))


def _looks_like_formula(text: str) -> bool:
    return text.lstrip("'").startswith(_FORMULA_START)


def csv_cell(text: str) -> str:
    """A text as written into a CSV cell: '=1+2' -> "'=1+2"."""
    if text and text[0] in _FIRST_CHARACTERS and _looks_like_formula(text):
        return "'" + text
    return text


def csv_text(cell: str) -> str:
    """The text a CSV cell holds: the exact inverse of `csv_cell`."""
    return cell[1:] if cell.startswith("'") and _looks_like_formula(cell) else cell


# Markdown: CommonMark lets any ASCII punctuation be escaped with a backslash. Inside a line
# these can start emphasis, code, strikethrough, a link or image, raw HTML, an entity or a
# new table cell; at the start of a line these can make a heading, quote, list or rule.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<|~&])")
_MARKDOWN_LINE_START = re.compile(r"^([#>+=-]|\d{1,9}(?=[.)](?:\s|$)))")


def markdown_text(text: str) -> str:
    """A name or note as literal text in a Markdown line or table cell, wherever it lands."""
    text = _MARKDOWN_INLINE.sub(r"\\\1", escape(text))
    return _MARKDOWN_LINE_START.sub(_escape_line_start, text, count=1)


def _escape_line_start(match: re.Match) -> str:
    marker = match[1]
    # '1. ' starts an ordered list: the '.' after the number is what is escaped.
    return f"{marker}\\" if marker.isdigit() else f"\\{marker}"
