"""What the terminal sends is what the screens bind: for each key of the start, meeting and
history screens that needs no F-key, the bytes every common terminal sends for it (Windows
Terminal, macOS Terminal, xterm-likes: these keys are plain control bytes or characters)
go through Textual's own input parser and come out as the key bound. Every action with an
F-key has such a twin, and no key relies on a byte terminals or shells take for themselves."""

import string

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from facilitator.tui.keys import is_function_key, own_bindings
from facilitator.tui.screens.history.screen import HistoryScreen
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.start import StartScreen
from facilitator.tui.widgets.queue_list import QueueList

SCREENS = [StartScreen, MeetingScreen, HistoryScreen, QueueList]
# Flow control (ctrl+s / ctrl+q freeze and thaw a terminal that has it on), paste in
# Windows Terminal (ctrl+v), and bytes that are other keys (backspace, tab, enter).
TRAPS = {"ctrl+s", "ctrl+q", "ctrl+v", "ctrl+h", "ctrl+i", "ctrl+m", "ctrl+c"}
NAMED = {"enter": "\r", "tab": "\t", "space": " ", "comma": ",", "question_mark": "?",
         "left_square_bracket": "[", "right_square_bracket": "]", "plus": "+",
         "minus": "-", "equals_sign": "=", "full_stop": ".", "delete": "\x1b[3~"}


def sent_by_terminal(key: str) -> str:
    """The bytes a terminal sends for a key that needs no F-key."""
    if key.startswith("ctrl+") and len(key) == 6 and key[-1] in string.ascii_lowercase:
        return chr(ord(key[-1]) - ord("a") + 1)
    if key in NAMED:
        return NAMED[key]
    if len(key) == 1 and key.isprintable():
        return key
    raise AssertionError(f"no known bytes for {key!r}: add them here")


def received(data: str) -> list[str]:
    return [event.key for event in XTermParser().feed(data) if isinstance(event, events.Key)]


def keys_of(node_class: type) -> list[tuple[str, str]]:
    """(key, action) for each key the class binds; escape is left out (a lone ESC byte is
    told from the start of a sequence by waiting, which the parser test cannot show)."""
    return [(key.strip(), binding.action) for binding in own_bindings(node_class)
            for key in binding.key.split(",") if key.strip() != "escape"]


def needs_nothing_special(key: str) -> bool:
    return not is_function_key(key) and key not in TRAPS


CASES = [(cls.__name__, key) for cls in SCREENS for key, _ in keys_of(cls)
         if needs_nothing_special(key) and not key.startswith(("shift+", "up", "down", "home",
                                                                "end", "page"))]


@pytest.mark.parametrize("screen, key", CASES)
def test_textual_receives_the_key_the_terminal_sends(screen, key):
    assert received(sent_by_terminal(key)) == [key]


@pytest.mark.parametrize("screen", [StartScreen, MeetingScreen, HistoryScreen])
def test_every_action_has_a_key_that_needs_no_f_key_and_is_no_trap(screen):
    """An F-key or a trap (ctrl+q quits, as in every Textual app) may stay as one key of an
    action, beside a twin that is neither."""
    keys = keys_of(screen)
    actions = {action for _, action in keys}
    plain = {action for key, action in keys if needs_nothing_special(key)}
    assert actions - plain == set()


def test_a_ctrl_letter_is_one_byte_distinct_from_the_keys_it_looks_like():
    assert received("\n") == ["ctrl+j"] and received("\r") == ["enter"]
    assert received("\x08") == ["backspace"] and received("\t") == ["tab"]
