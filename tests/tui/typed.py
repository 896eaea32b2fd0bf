"""Typing into a box as a terminal sends it: the characters in one burst, then one wait."""

from textual import events
from textual.widgets import Input


async def type_text(pilot, box: Input, text: str) -> None:
    """Send the letters of `text` as key presses, one after the other without a pause (as a
    terminal sends fast typing; `pilot.press` waits for the app to go idle after every key),
    then wait until `box`, which has or is about to have the focus, holds them."""
    assert text.isalnum(), text  # letters are their own key names
    at = box.cursor_position
    expected = box.value[:at] + text + box.value[at:]
    app = pilot.app
    for letter in text:
        key = events.Key(letter, letter)
        key.set_sender(app)
        app._driver.send_message(key)  # the way pilot.press hands a key to the app
    for _ in range(100):
        await pilot.pause()
        if box.value == expected:
            return
    assert box.value == expected, (box.value, expected)
