"""Names typed or pasted by people can hold anything: shown as plain text, cut, never a crash."""

from textual import events
from textual.widgets import DataTable, Input

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.names import NAME_LIMIT
from facilitator.tui.screens.meeting.edit_attendee import EditAttendeeScreen
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.widgets.attendee_table import NAME_WIDTH

MEETING = Meeting(name="Tuesday Night")

# (what is pasted, the name kept for the meeting)
HOSTILE = {
    "emoji": ("🦊 Zoë", "🦊 Zoë"),
    "right-to-left": ("דניאל", "דניאל"),
    "bidi override": ("\u202eevil\u202c Eve", "evil Eve"),
    "escape sequences": ("\x1b[31mred\x1b]0;title\x07", "[31mred]0;title"),
    "rich markup": ("[bold red]x[/]", "[bold red]x[/]"),
    "link markup": ("[link=http://x]y[/link]", "[link=http://x]y[/link]"),
    "tabs and lines": ("Ann\tMarie\r\nSecond line", "Ann Marie"),
    "5,000 characters": ("x" * 5000, "x" * NAME_LIMIT),
    "control only": ("\x00\x07\x08", ""),
}


def expected_cell(kept: str, number: int) -> str:
    """What the table shows: the name, or "Guest N" as the queue says; cut with an ellipsis
    to the column."""
    if not kept:
        return f"Guest {number}"
    return kept if len(kept) <= NAME_WIDTH else kept[:NAME_WIDTH - 1] + "…"


def screen_text(app) -> str:
    """Every character drawn on the screen, row by row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def sign_in_pasted(pilot, text: str) -> MeetingScreen:
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    name_box = screen.query_one("#name-input", Input)
    name_box.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.press("f2")
    await pilot.pause()
    return screen


async def test_a_hostile_name_is_kept_clean_and_shown_as_plain_text(make_app):
    """Every name in HOSTILE pasted and signed in, in one meeting: each row checked."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await sign_in_pasted(pilot, "")
        name_box = screen.query_one("#name-input", Input)
        table = screen.query_one("#attendees", DataTable)
        for label, (pasted, kept) in HOSTILE.items():
            name_box.post_message(events.Paste(pasted))
            await pilot.pause()
            await pilot.press("f2")
            await pilot.pause()
            person = screen.live.session.attendees[-1]
            assert person.name == kept, label
            cell = table.get_cell(str(person.id), "name")
            assert cell.plain == expected_cell(kept, person.id), label
            assert cell.cell_len <= NAME_WIDTH and not cell.spans, label  # no markup as style
            drawn = screen_text(app)
            assert expected_cell(kept, person.id) in drawn, label
            assert "\x1b" not in drawn and "\x07" not in drawn, label
            assert name_box.value == "", label
        assert screen.live.session.attendance == len(HOSTILE) + 1


async def test_markup_in_a_name_is_not_read_as_markup_anywhere(make_app):
    """The table, the correction dialog and the notifications quote it literally."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await sign_in_pasted(pilot, "[b]Al[/b] [@click=app.quit]q[/]")
        assert screen.live.session.attendees[0].name == "[b]Al[/b] [@click=app.quit]q[/]"
        await pilot.press("f6")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditAttendeeScreen)
        assert dialog.query_one("#attendee-name", Input).value == "[b]Al[/b] [@click=app.quit]q[/]"
        await pilot.press("escape")
        await pilot.click("#attendees", offset=(10, 1))  # a click on the name runs no action
        await pilot.pause()
        assert app.is_running


async def test_a_name_with_an_escape_sequence_in_the_correction_dialog_is_cleaned(make_app):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await sign_in_pasted(pilot, "Ann")
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one("#attendee-name", Input).value = "Bo\x1b[2J\x1b]0;owned\x07"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.live.session.attendees[0].name == "Bo[2J]0;owned"


async def test_a_meeting_name_with_markup_is_shown_literally(make_app):
    app = make_app(meetings=[Meeting(name="[red]Night[/red] Owls")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "[red]Night[/red] Owls" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert str(app.screen.query_one("#meeting-header").render()).startswith(
            "[red]Night[/red] Owls")
        await pilot.press("f10")
        await pilot.pause()
        assert "End of [red]Night[/red] Owls" in screen_text(app)
