"""Old business on the meeting screen: the motions an earlier business meeting tabled are
listed and one is picked back to the floor; the Business tab comes forward by itself at the
report and business sections."""

from datetime import date

from textual.widgets import TabbedContent

from facilitator.core.business.minutes import Minutes
from facilitator.core.business.motion import Motion
from facilitator.core.meeting.agenda_templates import template
from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.screens.meeting.tabled_picker import TabledPicker
from facilitator.tui.widgets.business_panel import BusinessPanel

BUSINESS = Meeting(name="Group Conscience", agenda=tuple(template("business").to_list()))
TABLED = ("Move the meeting to Thursdays", "Buy a new coffee pot")


def with_tabled_minutes(app) -> None:
    motions = tuple(Motion.move(text, "two-thirds").table() for text in TABLED)
    app.database.save_minutes(Minutes(BUSINESS.name, date(2024, 2, 6), 9, motions=motions))


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def active_tab(screen) -> str:
    return screen.query_one("#left-tabs", TabbedContent).active


async def test_a_tabled_motion_is_listed_and_picked_back_to_the_floor(make_app, start_meeting):
    app = make_app(meetings=[BUSINESS])
    with_tabled_minutes(app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=("Ann", "Bo", "Cy"))
        await pilot.press(*["f12"] * 5)  # opening, three reports, 7th tradition: old business
        await pilot.pause()
        assert active_tab(screen) == "tab-business"
        assert screen.focused is screen.query_one(BusinessPanel).queue_list
        assert any(m.startswith("Old business: m moves a motion; f takes one of 2 tabled")
                   for m in messages(app)), messages(app)
        shown = str(screen.query_one("#business-motion").render())
        assert f"1. tabled: {TABLED[0]}" in shown and f"2. tabled: {TABLED[1]}" in shown
        await pilot.press("f")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, TabledPicker)
        await pilot.press("down", "enter")
        await pilot.pause()
        floor = screen.live.session.business.floor
        assert floor.motion.text == TABLED[1] and floor.motion.stage == "discussion"
        assert [m.text for m in floor.tabled] == [TABLED[0]]
        await pilot.press("f")  # a motion is on the floor: the other stays tabled
        await pilot.pause()
        assert not isinstance(app.screen, TabledPicker)
        assert [m.text for m in screen.live.session.business.floor.tabled] == [TABLED[0]]


async def test_escape_leaves_every_motion_on_the_table(make_app, start_meeting):
    app = make_app(meetings=[BUSINESS])
    with_tabled_minutes(app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press("ctrl+j", "f")
        await pilot.pause()
        assert isinstance(app.screen, TabledPicker)
        await pilot.press("escape")
        await pilot.pause()
        floor = screen.live.session.business.floor
        assert floor.motion is None and [m.text for m in floor.tabled] == list(TABLED)


async def test_the_business_tab_comes_forward_at_a_report(make_app, start_meeting):
    app = make_app(meetings=[BUSINESS])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        assert active_tab(screen) != "tab-business"
        await pilot.press("f12")
        await pilot.pause()
        assert active_tab(screen) == "tab-business"
        assert any(m.startswith("Secretary's report: g writes the report's words")
                   for m in messages(app)), messages(app)
        assert "g the report's words" in str(screen.query_one("#business-motion").render())
        await pilot.press("shift+f12")  # back to the opening: the tab it would show anyway
        await pilot.pause()
        assert active_tab(screen) != "tab-business"
