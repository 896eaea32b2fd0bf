"""Text from a person, a file or the database, made safe to show: never markup, never a control.

Every place in the app that shows such text (names, meeting names, notes, readings, error
messages that quote what was typed) turns it into content here. Markup is only ever the
app's own fixed strings.
"""

import re

from textual.content import Content

# C0 controls but newline and tab, DEL and C1 (ESC starts a terminal escape sequence),
# lone surrogates (they cannot be written to the terminal at all), and the bidi
# embeddings, overrides and isolates (they reorder what is drawn after them).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: object, limit: int | None = None) -> str:
    """`text` as a string that draws as it reads: an unsafe character shows as `\\x1b`.

    With a `limit`, a longer text is cut there and ends with '…' (an echoed paste of
    5,000 characters stays readable).
    """
    shown = _UNSAFE.sub(_visible, str(text))
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown


def plain_text(text: object, style: str = "", *, limit: int | None = None) -> Content:
    """Content that shows `text` literally (brackets and all), optionally in one style."""
    shown = printable(text, limit)
    return Content.styled(shown, style) if style else Content(shown)
