"""The history screen: filters and grouping against hand-worked figures; a record corrected,
moved or deleted, and what the database holds afterwards."""

from datetime import date

import orjson
import pytest
from textual.widgets import Input, Select, Static

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.store.database import Database
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.history.screen import HistoryScreen
from facilitator.tui.screens.history.record_editor import RecordEditorScreen
from facilitator.tui.widgets.paged_table import PagedTable

MEETINGS = [Meeting(name="Tuesday Night", days=(1,)), Meeting(name="Saturday Speaker", days=(5,))]
RECORDS = [
    Record("Tuesday Night", date(2023, 1, 3), 18, newcomers=1),
    Record("Tuesday Night", date(2024, 1, 2), 20, newcomers=2, collection=2000),
    Record("Saturday Speaker", date(2024, 1, 6), 12, visitors=1, collection=1000),
    Record("Tuesday Night", date(2024, 1, 9), 25, newcomers=1, online=3),
    Record("Saturday Speaker", date(2024, 1, 13), 15, newcomers=2),
    Record("Tuesday Night", date(2024, 2, 6), 30, newcomers=3, shares=8, chips={"30d": 1}),
]


@pytest.fixture
def app(make_app):
    built = make_app(meetings=MEETINGS)
    built.database.add_records(RECORDS)
    return built


async def settled(pilot) -> None:
    """Wait for the screen's workers (reading, adding up), then for it to be painted."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_history(pilot) -> HistoryScreen:
    await pilot.pause()  # the start screen looks for a meeting left behind first
    await pilot.press("f4")
    await settled(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen


def table_rows(screen) -> list[list[str]]:
    table = screen.query_one(PagedTable)
    return [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]


def first_columns(screen, count: int = 3) -> list[tuple[str, ...]]:
    return [tuple(row[:count]) for row in table_rows(screen)]


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def type_into(pilot, selector: str, text: str, *, key_by_key: bool = False) -> None:
    """Put `text` in a date field and press Enter (typing each key is slower)."""
    field = pilot.app.screen.query_one(selector, Input)
    field.value = "" if key_by_key else text
    field.focus()
    await pilot.press(*(text if key_by_key else ""), "enter")
    await settled(pilot)


async def test_every_record_newest_first_with_the_totals(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        assert table_rows(screen) == [
            ["Tue 2024-02-06", "Tuesday Night", "30", "3", "0", "0", "8", "1", "0.00"],
            ["Sat 2024-01-13", "Saturday Speaker", "15", "2", "0", "0", "0", "0", "0.00"],
            ["Tue 2024-01-09", "Tuesday Night", "25", "1", "0", "3", "0", "0", "0.00"],
            ["Sat 2024-01-06", "Saturday Speaker", "12", "0", "1", "0", "0", "0", "10.00"],
            ["Tue 2024-01-02", "Tuesday Night", "20", "2", "0", "0", "0", "0", "20.00"],
            ["Tue 2023-01-03", "Tuesday Night", "18", "1", "0", "0", "0", "0", "0.00"],
        ]
        summary = text_of(screen, "#summary-text")
        assert "6 meetings held · 120 attending · 9 newcomers" in summary
        assert "Average 20.0 · median 19.0 · lowest 12 · highest 30" in summary
        assert "Collection 30.00 USD · per attendee 0.25 USD" in summary
        assert "Average by weekday: Tue 23.2 · Sat 13.5" in summary
        assert text_of(screen, "#history-status").startswith("Record 1 of 6, newest first")


async def test_a_meeting_chosen(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        screen.query_one("#history-meeting", Select).value = "Tuesday Night"
        await settled(pilot)
        assert first_columns(screen) == [
            ("Tue 2024-02-06", "Tuesday Night", "30"), ("Tue 2024-01-09", "Tuesday Night", "25"),
            ("Tue 2024-01-02", "Tuesday Night", "20"), ("Tue 2023-01-03", "Tuesday Night", "18")]
        assert "4 meetings held · 93 attending · 7 newcomers" in text_of(screen, "#summary-text")


async def test_a_date_range_with_the_year_before(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        await type_into(pilot, "#history-from", "2024-01-01", key_by_key=True)
        await type_into(pilot, "#history-to", "31 Jan 2024", key_by_key=True)
        assert [row[0] for row in first_columns(screen)] == [
            "Sat 2024-01-13", "Tue 2024-01-09", "Sat 2024-01-06", "Tue 2024-01-02"]
        summary = text_of(screen, "#summary-text")
        assert "4 meetings held · 72 attending · 5 newcomers" in summary
        assert ("A year before (2023-01-01 to 2023-01-31): 1 meeting, average 18.0; change "
                "+0.0 (+0.0%), newcomers +4") in summary
        assert screen.query_one("#history-summary").border_title == \
            "Summary · 2024-01-01 to 2024-01-31"


BAD_DATES = [
    ("#history-from", "2024-02-30", "from: 2024-02-30 does not exist: February 2024 has 29 days"),
    ("#history-from", "03/01/2024", "from: '03/01/2024' could be 3 Jan or Mar 1"),
    ("#history-from", "2024-12-01", "from: 2024-12-01 is in the future"),
    ("#history-to", "Jan 2024", "to: 'Jan 2024' is not a whole date"),
    ("#history-to", "2023-12-31", "to: 2023-12-31 is before from 2024-01-01"),
]


async def test_a_bad_date_is_refused_and_nothing_changes(app):
    """Each bad date in turn (one app run keeps the suite quick)."""
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        await type_into(pilot, "#history-from", "2024-01-01")
        before = (table_rows(screen), text_of(screen, "#summary-text"), screen.choice)
        for field, typed, message in BAD_DATES:
            kept = screen.query_one(field, Input).value
            await type_into(pilot, field, typed)
            assert text_of(screen, "#history-error").startswith(message), typed
            assert (table_rows(screen), text_of(screen, "#summary-text"), screen.choice) == \
                before, typed
            await type_into(pilot, field, kept)


async def test_a_good_date_clears_the_message(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        await type_into(pilot, "#history-from", "2024-13-01")
        assert text_of(screen, "#history-error").startswith("from: there is no month 13")
        await type_into(pilot, "#history-from", "2024-02-01")
        assert text_of(screen, "#history-error") == ""
        assert first_columns(screen, 1) == [("Tue 2024-02-06",)]


async def test_f5_groups_per_week_month_year_then_each_meeting(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        expected = [
            [("2024-W06", "1", "30", "30.0"), ("2024-W02", "2", "40", "20.0"),
             ("2024-W01", "2", "32", "16.0"), ("2023-W01", "1", "18", "18.0")],
            [("2024-02", "1", "30", "30.0"), ("2024-01", "4", "72", "18.0"),
             ("2023-01", "1", "18", "18.0")],
            [("2024", "5", "102", "20.4"), ("2023", "1", "18", "18.0")],
        ]
        for periods in expected:
            await pilot.press("f5")
            await settled(pilot)
            assert first_columns(screen, 4) == periods
        await pilot.press("f5")
        await settled(pilot)
        assert len(table_rows(screen)) == 6 and screen.choice.by is None


async def test_grouping_keeps_the_filters_and_enter_lists_a_period(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        screen.query_one("#history-meeting", Select).value = "Saturday Speaker"
        screen.query_one("#history-by", Select).value = "month"
        await settled(pilot)
        assert first_columns(screen, 4) == [("2024-01", "2", "27", "13.5")]
        screen.query_one(PagedTable).focus()
        await pilot.press("enter")
        await settled(pilot)
        assert screen.choice.by is None
        assert screen.query_one("#history-from", Input).value == "2024-01-01"
        assert screen.query_one("#history-to", Input).value == "2024-01-31"
        assert first_columns(screen, 2) == [("Sat 2024-01-13", "Saturday Speaker"),
                                            ("Sat 2024-01-06", "Saturday Speaker")]


async def test_enter_on_a_period_keeps_within_the_dates_chosen(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        await type_into(pilot, "#history-from", "2024-01-08")
        screen.query_one("#history-by", Select).value = "month"
        await settled(pilot)
        assert first_columns(screen, 4) == [("2024-02", "1", "30", "30.0"),
                                            ("2024-01", "2", "40", "20.0")]
        screen.query_one(PagedTable).focus()
        await pilot.press("down", "enter")
        await settled(pilot)
        assert screen.query_one("#history-from", Input).value == "2024-01-08"
        assert [row[0] for row in first_columns(screen, 1)] == ["Sat 2024-01-13",
                                                                "Tue 2024-01-09"]


async def open_record(pilot, screen, row: int) -> RecordEditorScreen:
    screen.query_one(PagedTable).focus()
    for _ in range(row):
        await pilot.press("down")
    await pilot.press("enter")
    await settled(pilot)
    assert isinstance(pilot.app.screen, RecordEditorScreen)
    return pilot.app.screen


def fill(editor, **values) -> None:
    for name, value in values.items():
        editor.query_one(f"#record-{name}", Input).value = value


async def test_a_record_corrected_is_stored_and_shown(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        editor = await open_record(pilot, screen, 2)  # Tuesday Night, 2024-01-09
        assert editor.record == RECORDS[3]
        fill(editor, attendance="26", newcomers="2", collection="12.50", note="Snowed in")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert pilot.app.screen is screen
        assert app.database.find_record("Tuesday Night", date(2024, 1, 9)) == RECORDS[3].edit(
            attendance=26, newcomers=2, collection=1250, note="Snowed in")
        assert table_rows(screen)[2] == ["Tue 2024-01-09", "Tuesday Night", "26", "2", "0", "3",
                                         "0", "0", "12.50"]
        assert screen.query_one(PagedTable).position == 2  # the cursor stays on the record
        assert "121 attending · 10 newcomers" in text_of(screen, "#summary-text")


async def test_a_record_moved_to_another_day_leaves_the_old_one(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        editor = await open_record(pilot, screen, 0)  # Tuesday Night, 2024-02-06
        fill(editor, date="2024-02-07")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.database.find_record("Tuesday Night", date(2024, 2, 6)) is None
        assert app.database.find_record("Tuesday Night", date(2024, 2, 7)) == RECORDS[5].edit(
            date=date(2024, 2, 7))
        assert len(app.database.records()) == 6
        assert first_columns(screen, 1)[0] == ("Wed 2024-02-07",)


REFUSED = [
    ({"attendance": "ten"}, "attendance: must be a whole number, not 'ten'"),
    ({"attendance": "-1"}, "attendance: must be a whole number, not '-1'"),
    ({"newcomers": "31"}, "newcomers: 31 is more than the attendance (30)"),
    ({"online": "31"}, "online: 31 is more than the attendance (30)"),
    ({"visitors": "999999"}, "visitors: 999999 is more than 100,000"),
    ({"shares": ""}, "shares: must be a whole number, not ''"),
    ({"collection": "12.345"}, "collection: '12.345' is not an amount"),
    ({"date": "2024-02-30"}, "date: 2024-02-30 does not exist"),
    ({"date": "2024-03-06"}, "date: 2024-03-06 is in the future"),
    ({"date": "2024-01-09"}, "date: 'Tuesday Night' already has a record for 2024-01-09"),
    ({"note": "x" * 1001}, "note: is 1001 characters long; the limit is 1000"),
]


async def test_a_refused_correction_names_the_field_and_stores_nothing(app, db_path):
    """Each bad value in turn, in one dialog, then put back."""
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        editor = await open_record(pilot, screen, 0)
        before = db_path.read_bytes()
        for values, message in REFUSED:
            kept = {name: editor.query_one(f"#record-{name}", Input).value for name in values}
            fill(editor, **values)
            await pilot.press("ctrl+s")
            await settled(pilot)
            assert pilot.app.screen is editor, message
            assert str(editor.query_one("#record-error", Static).content).startswith(message)
            assert db_path.read_bytes() == before, message
            fill(editor, **kept)


async def test_moving_a_record_to_another_meeting(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        editor = await open_record(pilot, screen, 0)
        editor.query_one("#record-meeting", Select).value = "Saturday Speaker"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.database.find_record("Tuesday Night", date(2024, 2, 6)) is None
        moved = app.database.find_record("Saturday Speaker", date(2024, 2, 6))
        assert (moved.attendance, moved.chips) == (30, {"30d": 1})


async def test_delete_asks_first_and_no_keeps_the_record(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        editor = await open_record(pilot, screen, 1)  # Saturday Speaker, 2024-01-13
        await pilot.press("ctrl+d")
        await settled(pilot)
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        await settled(pilot)
        assert pilot.app.screen is editor
        assert app.database.find_record("Saturday Speaker", date(2024, 1, 13)) == RECORDS[4]
        await pilot.press("ctrl+d")
        await settled(pilot)
        await pilot.press("y")
        await settled(pilot)
        assert pilot.app.screen is screen
        assert app.database.find_record("Saturday Speaker", date(2024, 1, 13)) is None
        assert len(app.database.records()) == 5
        assert "Sat 2024-01-13" not in [row[0] for row in table_rows(screen)]
        assert "5 meetings held · 105 attending" in text_of(screen, "#summary-text")


async def test_escape_in_the_dialog_changes_nothing(app, db_path):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        before = db_path.read_bytes()
        editor = await open_record(pilot, screen, 0)
        fill(editor, attendance="99")
        await pilot.press("escape")
        await settled(pilot)
        assert pilot.app.screen is screen and db_path.read_bytes() == before


async def test_no_records_yet_says_how_to_add_them(make_app):
    app = make_app(meetings=MEETINGS)
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        assert table_rows(screen) == []
        assert text_of(screen, "#summary-text").startswith("No records yet.")
        await pilot.press("enter")  # nothing to open
        await settled(pilot)
        assert pilot.app.screen is screen


async def test_escape_goes_back_to_the_start_screen(app):
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("escape")
        await settled(pilot)
        assert pilot.app.screen is not screen
        assert type(pilot.app.screen).__name__ == "StartScreen"


def damaged_database(db_path) -> bytes:
    """The sample meetings and records, record 2 stored with a month 13; the file's bytes."""
    with Database.open(db_path) as database:
        for meeting in MEETINGS:
            database.add_meeting(meeting)
        database.add_records(RECORDS)
    content = orjson.loads(db_path.read_bytes())
    content["tables"]["records"]["2"]["date"] = "2024-13-02"
    db_path.write_bytes(orjson.dumps(content))
    return db_path.read_bytes()


async def test_a_damaged_record_is_one_line_and_the_app_keeps_running(make_app, db_path):
    """The screen names the record and the field, lists nothing, and closes as usual."""
    stored = damaged_database(db_path)
    app = make_app()
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await open_history(pilot)
        error = text_of(screen, "#history-error")
        assert "record 2 is damaged: date: '2024-13-02' is not YYYY-MM-DD" in error
        assert "\n" not in error and error in text_of(screen, "#summary-text")
        assert table_rows(screen) == []
        await pilot.press("f5", "escape")
        await settled(pilot)
        assert not isinstance(app.screen, HistoryScreen)
    assert db_path.read_bytes() == stored


async def test_a_meeting_ended_on_a_damaged_database_stays_in_its_journal(make_app, db_path,
                                                                          journal_file):
    """The summary says why it cannot save; the meeting is kept to be saved once repaired."""
    stored = damaged_database(db_path)
    app = make_app()
    async with app.run_test(size=(120, 34)) as pilot:
        await settled(pilot)
        await pilot.press("enter")  # start the highlighted meeting
        await settled(pilot)
        await pilot.press("f2", "f2", "f10")
        await settled(pilot)
        assert "record 2 is damaged: date" in text_of(app.screen, "#summary-error")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert any("record 2 is damaged" in n.message for n in app._notifications)
        assert journal_file.exists()
    assert db_path.read_bytes() == stored
