"""Help and keys: F1 help built from the bindings, the footer at 80 columns in both key
modes, Esc back to sign-in, and a whole meeting run without one F-key."""

import pytest
from textual.widgets import Footer, Input

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.tui.keys import is_function_key
from facilitator.tui.screens.help import HelpScreen
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.meeting.summary import SummaryScreen
from facilitator.tui.widgets.queue_list import QueueList

TUESDAY = Meeting(name="Tuesday Night")


def footer_text(app) -> str:
    footer = app.screen.query_one(Footer)
    return " ".join(str(key.render()) for key in footer.children)


async def test_f1_lists_every_binding_of_the_meeting_screen(make_app, start_meeting):
    app = make_app(meetings=[TUESDAY])
    async with app.run_test(size=(80, 24)) as pilot:
        await start_meeting(pilot)
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = {(row.description, key) for row in help_screen.rows for key in row.keys}
        for binding in MeetingScreen.BINDINGS + QueueList.BINDINGS:
            for key in binding.key.split(","):
                assert (binding.description, key) in rows
        groups = [row.group for row in help_screen.rows]
        assert {"Sign-in", "Queue", "Share", "Meeting"} <= set(groups)
        assert groups == sorted(groups, key=groups.index)  # each group in one block
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_question_mark_opens_help_only_where_no_text_box_has_focus(make_app,
                                                                         start_meeting):
    app = make_app(meetings=[TUESDAY])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=("Ann",), queued=True)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")  # help closed, then back to sign-in
        await pilot.pause()
        name_box = screen.query_one("#name-input", Input)
        assert name_box.has_focus
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is screen and name_box.value == "?"


@pytest.mark.parametrize("mode, expected", [
    ("function keys", ["f2 Sign in", "f7 Queue", "f8 7th trad.", "f10 End"]),
    ("letters", ["⏎ Sign in", "^u Queue", "^d 7th trad.", "^x End"]),
])
async def test_footer_at_80_columns_shows_the_keys_that_apply_now(make_app, start_meeting,
                                                                  mode, expected):
    app = make_app(meetings=[TUESDAY], settings=GroupSettings(keys=mode))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.pause()
        footer = screen.query_one(Footer)
        palette = footer.query_one(".-command-palette")
        shown = [key for key in footer.children
                 if key is not palette and 0 < key.region.width
                 and key.region.right <= palette.region.x]
        text = " ".join(" ".join(str(key.render()).split()) for key in shown)
        for item in expected:
            assert item in text, text
        assert "End share" not in footer_text(app)  # nobody is sharing
        if mode == "letters":
            assert not any(f" f{n} " in f" {text} " for n in range(1, 13)), text


async def test_the_palettes_key_ends_the_compact_footer(make_app, start_meeting):
    """The keys that do not fit at 80 columns stay under the palette's key, none showing
    through in the last column."""
    app = make_app(meetings=[TUESDAY])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.pause()
        footer = screen.query_one(Footer)
        palette = footer.query_one(".-command-palette")
        assert footer.virtual_size.width > 80  # more keys than fit
        assert palette.region.right == 80
        assert screen.get_widget_at(79, 23)[0] is palette


async def test_end_share_shows_only_while_someone_shares(make_app, start_meeting):
    app = make_app(meetings=[TUESDAY])
    async with app.run_test(size=(120, 24)) as pilot:
        await start_meeting(pilot, names=("Ann",), queued=True)
        await pilot.press("n")
        await pilot.pause()
        assert "End share" in footer_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert "End share" not in footer_text(app)


async def test_escape_leaves_the_chips_tab_and_the_queue_back_to_sign_in(make_app,
                                                                        start_meeting):
    app = make_app(meetings=[TUESDAY])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=("Ann",), queued=True)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one("#name-input", Input).has_focus
        await pilot.press("ctrl+g", "escape")
        await pilot.pause()
        assert screen.query_one("#left-tabs").active == "tab-signin"
        assert screen.query_one("#name-input", Input).has_focus


async def test_a_whole_meeting_without_one_function_key(make_app, start_meeting, clock):
    """Sign-ins of each kind, the queue, a share, the collection, the end and the save."""
    app = make_app(meetings=[TUESDAY], settings=GroupSettings(keys="letters"))
    pressed = []

    async def press(*keys):
        pressed.extend(keys)
        await pilot.press(*keys)
        await pilot.pause()

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press("enter")                     # start the highlighted meeting
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await press(*"Ann", "enter")             # a member
        await press("enter")                     # anonymous
        await press(*"Bo", "ctrl+w")             # a newcomer
        await press("ctrl+f", "ctrl+o")          # a visitor, someone online
        await press("ctrl+u", "a")               # the queue: everyone in the room
        assert screen.live.session.queue.waiting_count == 5
        await press("n")                         # the first share
        clock.advance(240)
        await press("e")                         # ends it
        await press("ctrl+d", *"31.50", "enter")  # the 7th tradition
        clock.advance(75 * 60)
        await press("ctrl+x")                    # end the meeting
        assert isinstance(app.screen, SummaryScreen)
        await press("enter")                     # Save has the focus
        assert not isinstance(app.screen, (SummaryScreen, MeetingScreen))
    assert not any(is_function_key(key) for key in pressed)
    [record] = app.database.records()
    assert (record.attendance, record.newcomers, record.visitors, record.online,
            record.collection) == (5, 1, 1, 1, 3150)
    assert record.shares == 1
