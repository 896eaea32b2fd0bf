"""Text from a person, a file or the database, made safe to show: never markup, never a control.

Every place in the app that shows such text (names, meeting names, notes, readings, error
messages that quote what was typed) turns it into content here. Markup is only ever the
app's own fixed strings.
"""

from textual.content import Content

from facilitator.core.text_out import escape


def printable(text: object, limit: int | None = None) -> str:
    """`text` as a string that draws as it reads: an unsafe character shows as `\\x1b`.

    With a `limit`, a longer text is cut there and ends with '…' (an echoed paste of
    5,000 characters stays readable).
    """
    return escape(str(text), limit, lines=True)


def plain_text(text: object, style: str = "", *, limit: int | None = None) -> Content:
    """Content that shows `text` literally (brackets and all), optionally in one style."""
    shown = printable(text, limit)
    return Content.styled(shown, style) if style else Content(shown)
