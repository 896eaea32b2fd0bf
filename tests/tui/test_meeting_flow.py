"""A meeting run through the UI: first-run form to saved record, every key, corrections."""

from textual.widgets import DataTable, Input

from facilitator.core.schedule.meeting import Meeting
from facilitator.store import journal
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.meeting.edit_attendee import EditAttendeeScreen
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.settings import SettingsScreen
from facilitator.tui.screens.meeting.summary import SummaryScreen

MEETING = Meeting(name="Tuesday Night", share_minutes=4, duration_minutes=60)


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def journal_types(path) -> list[str]:
    return [entry["a"]["type"] for entry in journal.read(path).entries]


async def test_first_run_to_saved_record(make_app, start_meeting, clock, journal_file):
    """No meeting yet: the form, then the meeting, then the summary; the record is stored."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(50):  # the first-run form is pushed once the start screen is up
            await pilot.pause()
            if app.screen.query("#name"):
                break
        assert app.screen.query_one("#name", Input).has_focus  # never an empty screen
        await pilot.press(*"Tuesday Night", "tab", "backspace", "4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [m.name for m in app.database.meetings()] == ["Tuesday Night"]
        assert app.database.meetings()[0].share_minutes == 4
        screen = await start_meeting(pilot)
        assert journal_file.exists()
        await pilot.press(*"Ann", "f2")          # a named sign-in
        await pilot.press("f2", "f2")            # two anonymous ones
        await pilot.press(*"Bo", "f3")           # a newcomer
        await pilot.press("f4", "f5")            # a visitor, someone online
        await pilot.press(*"Cy", "enter")        # Enter signs in too
        await pilot.press("f8", *"31.50", "enter")
        await pilot.pause()
        session = screen.live.session
        assert (session.attendance, session.newcomers, session.visitors, session.online,
                session.collection) == (7, 1, 1, 1, 3150)
        assert [p.name for p in session.attendees] == ["Ann", "", "", "Bo", "", "", "Cy"]
        clock.advance(75 * 60)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        figures = str(app.screen.query_one("#summary-figures").render())
        for line in ("Attendance      7", "Newcomers       1", "Visitors        1",
                     "Online          1", "Collection      31.50 USD", "Duration        1:15:00"):
            assert line in figures
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, (SummaryScreen, MeetingScreen))
    records = app.database.records()
    assert len(records) == 1
    record = records[0]
    assert (record.meeting, record.date.isoformat(), record.attendance, record.newcomers,
            record.visitors, record.online, record.collection, record.currency) == (
        "Tuesday Night", "2024-03-05", 7, 1, 1, 1, 3150, "USD")
    assert (record.start.isoformat(), record.end.isoformat()) == ("19:00:00", "20:15:00")
    assert not journal_file.exists()


async def test_saving_twice_the_same_day_replaces_with_a_warning(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        for attendance in (2, 3):
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            if attendance == 3:  # saved today already: the start screen asks first
                assert isinstance(app.screen, ConfirmScreen)
                await pilot.press("y")
                await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            await pilot.press(*["f2"] * attendance, "f10")
            await pilot.pause()
            warned = [str(w.render()) for w in app.screen.query(".warning-line")]
            assert bool(warned) == (attendance == 3)
            await pilot.press("ctrl+s")
            await pilot.pause()
    assert [r.attendance for r in app.database.records()] == [3]


async def test_back_from_the_summary_keeps_the_meeting_running(make_app, start_meeting,
                                                               journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press("f2", "f10", "escape", "f2")
        await pilot.pause()
        assert app.screen is screen and screen.live.session.attendance == 2
    assert app.database.records() == [] and journal_file.exists()


# (key, the flag it sets or None): each signs in the name being typed.
SIGN_IN_KEYS = [("f2", None), ("f3", "newcomer"), ("f4", "visitor"), ("f5", "online")]


async def test_sign_in_keys_work_while_the_name_box_has_focus(make_app, start_meeting,
                                                              journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        name_box = screen.query_one("#name-input", Input)
        for key, flag in SIGN_IN_KEYS:
            await pilot.press(*f"Zed{key}")
            assert name_box.has_focus and name_box.value == f"Zed{key}", key
            await pilot.press(key)
            await pilot.pause()
            person = screen.live.session.attendees[-1]
            assert person.name == f"Zed{key}", key
            assert [f for f in ("newcomer", "visitor", "online") if getattr(person, f)] == (
                [flag] if flag else []), key
            assert name_box.value == "" and name_box.has_focus, key
        session = screen.live.session
        assert (session.attendance, session.newcomers, session.visitors, session.online) == (
            4, 1, 1, 1)
    assert journal_types(journal_file)[1:] == ["sign_in"] * 4


# (key, the dialog it opens): escape closes each, and nothing changed.
DIALOG_KEYS = [("f6", EditAttendeeScreen), ("f9", SettingsScreen), ("f10", SummaryScreen)]


async def test_dialog_keys_work_while_the_name_box_has_focus(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press("f2", *"half typed")
        for key, opens in DIALOG_KEYS:
            assert screen.query_one("#name-input", Input).has_focus, key
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, opens), key
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen, key
            assert screen.live.session.attendance == 1, key  # the dialog changed nothing


async def test_f8_moves_to_the_collection_and_back(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press(*"Ann", "f8")
        assert screen.query_one("#collection-input", Input).has_focus
        await pilot.press(*"12", "enter")
        await pilot.pause()
        assert screen.live.session.collection == 1200
        name_box = screen.query_one("#name-input", Input)
        assert name_box.has_focus and name_box.value == "Ann"  # the typed name is kept


async def test_undo_and_redo_keys_work_while_the_name_box_has_focus(make_app, start_meeting,
                                                                    journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press(*"Ann", "f3", *"Bo", "f2", *"typing")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [p.name for p in screen.live.session.attendees] == ["Ann"]
        await pilot.press("ctrl+z", "ctrl+z")  # the second has nothing left to undo
        await pilot.pause()
        assert screen.live.session.attendance == 0
        assert "Nothing to undo." in messages(app)
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        assert [(p.name, p.newcomer) for p in screen.live.session.attendees] == [
            ("Ann", True), ("Bo", False)]
        assert screen.query_one("#name-input", Input).value == "typing"
        table = screen.query_one("#attendees", DataTable)
        assert table.row_count == 2
    assert journal_types(journal_file)[-4:] == ["undo", "undo", "redo", "redo"]


async def test_correct_a_signed_in_person(make_app, start_meeting, journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press(*"Ann", "f2", *"Bo", "f2")
        await pilot.press("f6")  # the newest row is highlighted
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditAttendeeScreen) and dialog.person.name == "Bo"
        name = dialog.query_one("#attendee-name", Input)
        name.value = "Bob"
        dialog.query_one("#flag-visitor").value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        session = screen.live.session
        assert [(p.id, p.name, p.visitor) for p in session.attendees] == [
            (1, "Ann", False), (2, "Bob", True)]
        assert (session.attendance, session.visitors) == (2, 1)
        table = screen.query_one("#attendees", DataTable)
        assert str(table.get_cell("2", "name")) == "Bob"
    last = journal.read(journal_file).entries[-1]["a"]
    assert last == {"type": "correct", "id": 2, "name": "Bob", "newcomer": False,
                    "visitor": True, "online": False}


async def test_remove_a_signed_in_person_chosen_with_the_cursor(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press(*"Ann", "f3", *"Bo", "f2", *"Cy", "f2")
        table = screen.query_one("#attendees", DataTable)
        table.move_cursor(row=0)
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.person.name == "Ann"
        await pilot.press("ctrl+r")
        await pilot.pause()
        session = screen.live.session
        assert [p.name for p in session.attendees] == ["Bo", "Cy"]
        assert (session.attendance, session.newcomers) == (2, 0)
        assert table.row_count == 2


async def test_correct_with_nobody_signed_in_says_so(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen is screen
        assert "Nobody is signed in yet." in messages(app)


INVALID_AMOUNTS = ["abc", "-5", "1.234", "99999999999", "12.5.0", "1e3"]


async def test_invalid_collection_amounts_change_nothing(make_app, start_meeting, journal_file):
    """Each refused amount: one message naming the field; the amount and journal unchanged."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press("f8", *"20", "enter")
        collection_box = screen.query_one("#collection-input", Input)
        for typed in INVALID_AMOUNTS:
            app.clear_notifications()
            await pilot.press("f8")
            collection_box.value = typed  # as typed: the keys themselves are tested above
            await pilot.press("enter")
            await pilot.pause()
            assert screen.live.session.collection == 2000, typed
            errors = [m for m in messages(app) if m.startswith("collection: ")]
            assert len(errors) == 1, (typed, messages(app))
            assert typed in errors[0] or "too large" in errors[0], typed
            assert collection_box.value == typed and collection_box.has_focus, typed  # fix it
    assert journal_types(journal_file).count("collection") == 1


async def test_the_mouse_works_too(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press("f2", "f10")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is not screen
    assert [r.attendance for r in app.database.records()] == [1]


async def test_discard_from_the_summary_saves_nothing(make_app, start_meeting, journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await start_meeting(pilot)
        await pilot.press(*"Ann", "f2", "f10", "ctrl+d", "y")
        await pilot.pause()
        assert not isinstance(app.screen, (SummaryScreen, MeetingScreen))
    assert app.database.records() == [] and not journal_file.exists()


async def test_discard_from_the_palette_asks_first_then_saves_nothing(make_app, start_meeting,
                                                                      journal_file):
    """The palette's 'Discard meeting' asks the summary's question; 'n' keeps the meeting."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press(*"Ann", "f2")
        commands = {command.title: command for command in app.get_system_commands(screen)}
        await commands["Discard meeting"].callback()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Discard this meeting? Nothing will be saved." in str(
            app.screen.query_one(".dialog-text").render())
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and journal_file.exists()
        assert screen.live.session.attendance == 1
        await commands["Discard meeting"].callback()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, (ConfirmScreen, SummaryScreen, MeetingScreen))
        assert "The meeting was discarded; nothing was saved." in messages(app)
    assert app.database.records() == [] and not journal_file.exists()


MEETING_COMMANDS = ["Sign in", "Newcomer", "Visitor", "Online", "Correct", "7th trad.", "Undo",
                    "Redo", "Settings", "End", "Discard meeting"]


async def test_small_terminal_keeps_every_action_reachable(make_app, start_meeting):
    """40x12: no crash; keys still work and the palette lists every meeting action."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press(*"Ann", "f3", "f4", "f5", "f8", *"5", "enter", "ctrl+z", "ctrl+y")
        await pilot.pause()
        session = screen.live.session
        assert (session.attendance, session.newcomers, session.visitors, session.online,
                session.collection) == (3, 1, 1, 1, 500)
        # The counts bar is hidden at this height: the headcount leads the header line.
        assert str(screen.query_one("#meeting-header").render()).startswith("3 in  Tuesday Night")
        titles = [command.title for command in app.get_system_commands(screen)]
        for title in MEETING_COMMANDS:
            assert title in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Newcomer")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.live.session.newcomers == 2
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [r.attendance for r in app.database.records()] == [4]


async def test_start_screen_palette_offers_its_actions(make_app):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Start meeting", "New meeting", "Settings", "Quit"} <= set(titles)


async def test_a_name_typed_fast_then_f2_signs_in_that_name(make_app, start_meeting):
    """F2 is a priority key: it must not overtake the letters still queued for the box."""
    from textual import events

    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        keys = [(c, c) for c in "Ann"] + [("f3", None)] + [("f8", None), ("1", "1"), ("2", "2")]
        for key, character in keys:  # all queued at once, as from a burst of typing
            app.post_message(events.Key(key, character))
        await pilot.pause(0.2)
        assert [(p.name, p.newcomer) for p in screen.live.session.attendees] == [("Ann", True)]
        assert screen.query_one("#name-input", Input).value == ""
        assert screen.query_one("#collection-input", Input).value == "12"
