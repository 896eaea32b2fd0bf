"""The report sections of a business meeting: `g` opens a box for the report's words, which
go into the minutes; the treasurer's opens with the treasury's figures when there is a
ledger; hostile text is refused in the dialog and nothing is journalled."""

from datetime import date

from textual.widgets import Input

from facilitator.core.meeting.agenda_templates import template
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.treasury.entry import Entry
from facilitator.tui.screens.meeting.business_forms import ReportForm

BUSINESS = Meeting(name="Group Conscience", agenda=tuple(template("business").to_list()))


async def to_section(pilot, start_meeting, sections: int):
    screen = await start_meeting(pilot, names=("Ann", "Bo"))
    await pilot.press(*["f12"] * sections)
    await pilot.pause()
    return screen


async def open_report(pilot) -> ReportForm:
    await pilot.press("ctrl+j", "g")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, ReportForm)
    return form


def reports(screen) -> list[tuple[str, str]]:
    return [(r.section, r.text) for r in screen.live.session.business.floor.minutes.reports]


async def test_the_secretarys_words_go_into_the_minutes_and_open_again(make_app,
                                                                        start_meeting):
    app = make_app(meetings=[BUSINESS])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_section(pilot, start_meeting, 1)
        form = await open_report(pilot)
        assert form.query_one("#report-text", Input).value == ""
        await pilot.press(*"4 meetings, 61 attending", "enter")
        await pilot.pause()
        assert reports(screen) == [("Secretary's report", "4 meetings, 61 attending")]
        form = await open_report(pilot)  # given again: it opens with the words kept
        assert form.query_one("#report-text", Input).value == "4 meetings, 61 attending"
        await pilot.press("escape")
        await pilot.pause()
        assert reports(screen) == [("Secretary's report", "4 meetings, 61 attending")]


async def test_the_treasurers_report_opens_with_the_treasury_figures(make_app, start_meeting):
    app = make_app(meetings=[BUSINESS])
    app.database.add_ledger_entries([Entry("opening", date(2024, 1, 1), 41250)])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_section(pilot, start_meeting, 2)
        form = await open_report(pilot)
        assert form.query_one("#report-text", Input).value == (
            "Balance 412.50 USD; prudent reserve 0.00 USD (3 months); "
            "available to send on 412.50 USD.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert reports(screen)[0][0] == "Treasurer's report"
        assert reports(screen)[0][1].startswith("Balance 412.50 USD")


async def test_without_a_ledger_the_treasurers_box_is_empty(make_app, start_meeting):
    app = make_app(meetings=[BUSINESS])
    async with app.run_test(size=(80, 24)) as pilot:
        await to_section(pilot, start_meeting, 2)
        form = await open_report(pilot)
        assert form.query_one("#report-text", Input).value == ""


async def test_control_and_bidi_characters_are_refused_and_nothing_is_journalled(
        make_app, start_meeting):
    app = make_app(meetings=[BUSINESS])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_section(pilot, start_meeting, 3)
        journal = app.journal_path.read_bytes() if app.journal_path.exists() else b""
        for hostile in ("paid \u202eevil", "rent\x1b[31m", "x" * 2001):
            form = await open_report(pilot)
            form.query_one("#report-text", Input).value = hostile
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form, hostile
            error = str(form.query_one("#form-error").render())
            assert error.startswith("report text: "), error
            await pilot.press("escape")
            await pilot.pause()
        assert reports(screen) == []
        after = app.journal_path.read_bytes()
        assert b"business_report" not in after[len(journal):]
