"""Values a person may type or paste, how to paste them, and how to read what is shown."""

from textual import events
from textual.widgets import Input

# The hostile values of "Trust at every boundary".
HOSTILE = {
    "year 0": "0000-01-01",
    "year 1": "0001-01-01",
    "two plus signs": "++5",
    "superscript two": "²",
    "5,000 digits": "9" * 5000,
    "escape sequence": "5\x1b[2J",
    "bidi override": "5\u202e",
}

# Text that Textual would read as markup, balanced or not.
MARKUP = {
    "bold": "[b]",
    "closing tag": "[/b]",
    "closing all": "[/]",
    "link": "[link=x]",
    "click action": "[@click=app.quit]",
    "escaped bracket": "\\[",
    "unbalanced": "[b]x[/i",
    "inside out": "]x[",
}


def screen_text(app) -> str:
    """Every character drawn on the screen, row by row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def paste(pilot, box: Input, value: str) -> None:
    """Empty the box, then paste `value` into it as a terminal would."""
    box.value = ""
    box.focus()
    box.post_message(events.Paste(value))
    await pilot.pause()
