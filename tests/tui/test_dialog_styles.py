"""Where the dialogs' and the meeting screen's styles live: with their screens, parsed when
they first open, not before the start screen's first paint."""

import importlib
import pkgutil

from textual.screen import ModalScreen
from textual.widget import Widget

import facilitator.tui
from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.screens.dialog import Dialog


def modal_screens() -> list[type]:
    for module in pkgutil.walk_packages(facilitator.tui.__path__, "facilitator.tui."):
        importlib.import_module(module.name)
    found, stack = [], [ModalScreen]
    while stack:
        for subclass in stack.pop().__subclasses__():
            stack.append(subclass)
            if subclass.__module__.startswith("facilitator."):
                found.append(subclass)
    return found


def test_every_modal_screen_is_a_dialog_and_so_takes_the_dialog_styles():
    screens = modal_screens()
    assert len(screens) >= 13
    assert [screen.__name__ for screen in screens if not issubclass(screen, Dialog)] == []


def default_css_sources(app) -> set[str]:
    return {name for _, name in app.stylesheet.source if name.endswith(".DEFAULT_CSS")}


async def test_the_start_screen_is_shown_before_the_dialog_and_meeting_styles_are_read(
        make_app):
    app = make_app(meetings=[Meeting(name="Tuesday Night")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sources = default_css_sources(app)
        assert "Dialog.DEFAULT_CSS" not in sources
        assert "MeetingScreen.DEFAULT_CSS" not in sources
        await pilot.press("f9")
        await pilot.pause()
        assert "Dialog.DEFAULT_CSS" in default_css_sources(app)
        box = app.screen.query_one("#settings-form", Widget)
        assert box.styles.width.value == 70 and box.styles.border_top[0] == "thick"
        assert (app.screen.styles.align_horizontal, app.screen.styles.align_vertical) == (
            "center", "middle")
