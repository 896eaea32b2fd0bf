"""Text leaving the program: every terminal line and error, CSV cells, Markdown.

Stored and typed text is checked on the way in (`validate.text` refuses control characters),
but what goes out is escaped here all the same: a damaged file, a path or an argument a
person typed must never move the cursor, retitle the terminal, reverse the reading order
or start a formula in a spreadsheet.
"""

import re

# C0, DEL and C1 controls; lone surrogates (what Python makes of bytes that are not UTF-8);
# the bidi embeddings, overrides and isolates.
_OTHER_UNSAFE = "\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069"
_UNSAFE_CHAR = re.compile(f"[\x00-\x1f{_OTHER_UNSAFE}]")
_UNSAFE_IN_LINES = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHER_UNSAFE}]")  # keeps "\n", "\t"
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}

ECHO_LIMIT = 40  # characters of a value a person gave, quoted back in a message
LINE_LIMIT = 400  # characters of one message line


def _visible(match: re.Match) -> str:
    char = match[0]
    code = ord(char)
    return _SHORT.get(char) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")


def escape(text: str, limit: int | None = None, *, lines: bool = False) -> str:
    """`text` safe to print: each control character, lone surrogate and bidi control written
    as a visible escape (`\\x1b`, `\\u202e`); with `limit`, cut to that many characters with
    '…'. With `lines`, line breaks and tabs are kept (a table, a reading)."""
    pattern = _UNSAFE_IN_LINES if lines else _UNSAFE_CHAR
    if pattern.search(text) is not None:
        text = pattern.sub(_visible, text)
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
