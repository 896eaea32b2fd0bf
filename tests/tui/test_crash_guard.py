"""The last line of defence: a bug in the middle of a meeting never shows the chair a traceback.

An action or a handler that fails: one notice, the meeting goes on. A failure Textual can't
survive (drawing, a timer): one line on the terminal, the meeting resumes from its journal.
The details go to the crash log beside the database: code locations, no names, no input.
"""

import stat

import pytest
from textual.widgets import Input

from facilitator.core.schedule.meeting import Meeting
from facilitator.store import journal
from facilitator.store.crash_log import crash_log_path
from facilitator.tui.crash_guard import NOTICE
from facilitator.tui.display_app import DisplayApp
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.meeting.resume import ResumeScreen
from facilitator.tui.widgets.meeting_header import MeetingHeader

MEETING = Meeting(name="Tuesday Night")
SECRET = "Zoe said 12[/b] \x1b[31m"  # a name and typed text, as a failing bug might quote them


class Injected(RuntimeError):
    """The deliberate failure."""


def fail(*args, **kwargs):
    person = "Zoe"  # a local holding a name: never written either
    raise Injected(f"{SECRET} {person}")


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def meeting_with_zoe(pilot) -> MeetingScreen:
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*"Zoe", "f2")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen) and screen.live.session.attendance == 1
    return screen


def check_crash_log(db_path, outcome: str) -> str:
    """The log exists beside the database, mode 0600, and holds no name and no input."""
    log = crash_log_path(db_path)
    assert log.parent == db_path.parent
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    data = log.read_bytes()
    for private in (b"Zoe", b"12[/b]", b"\x1b", b"said"):
        assert private not in data, private
    text = data.decode()
    assert f" {outcome}" in text and "Injected" in text
    frames = [line.strip() for line in text.splitlines() if line.startswith("  ")]
    assert frames and "tests/tui/test_crash_guard.py" in frames[-1]
    assert not any(frame.startswith("/") for frame in frames)  # no home folder's name
    return text


async def test_a_failing_action_leaves_a_notice_and_the_meeting_goes_on(
        make_app, db_path, journal_file, monkeypatch):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await meeting_with_zoe(pilot)
        monkeypatch.setattr(MeetingScreen, "action_undo", fail)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert messages(app)[-1] == NOTICE
        assert app.recovered == ["Injected"]
        text = check_crash_log(db_path, "recovered")
        assert "in action undo" in text and "action_undo" not in text.splitlines()[0]
        await pilot.press(*"Al", "f2")  # the meeting goes on
        await pilot.pause()
        assert screen.live.session.attendance == 2
    assert [e["a"]["type"] for e in journal.read(journal_file).entries] == [
        "start", "sign_in", "sign_in"]


async def test_a_failing_handler_leaves_a_notice_and_nothing_journaled(
        make_app, db_path, journal_file, monkeypatch):
    """F8, an amount, Enter: the handler of the submitted amount fails."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await meeting_with_zoe(pilot)
        before = journal_file.read_bytes()
        monkeypatch.setattr("facilitator.tui.screens.meeting.screen.parse_amount", fail)
        await pilot.press("f8", *"12", "enter")
        await pilot.pause()
        assert app.is_running and messages(app)[-1] == NOTICE
        assert journal_file.read_bytes() == before
        assert screen.query_one("#collection-input", Input).value == "12"  # left to retry
        check_crash_log(db_path, "recovered")
        monkeypatch.undo()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.live.session.collection == 1200


async def test_a_failing_palette_command_is_recovered_too(make_app, monkeypatch):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await meeting_with_zoe(pilot)
        monkeypatch.setattr(screen, "action_discard_meeting", fail)
        commands = {c.title: c for c in app.get_system_commands(screen)}
        await commands["Discard meeting"].callback()
        await pilot.pause()
        assert app.recovered == ["Injected"] and app.is_running and app.screen is screen


async def test_a_failure_textual_cannot_survive_stops_with_one_line(
        make_app, db_path, journal_file, monkeypatch, capsys):
    """Drawing the meeting's header fails: a clean stop, one line, the meeting resumable."""
    app = make_app(meetings=[MEETING])
    with pytest.raises(Injected):  # a test run re-raises it; the real app returns 1
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await meeting_with_zoe(pilot)
            session = screen.live.session
            monkeypatch.setattr(MeetingHeader, "render", fail)
            screen.query_one(MeetingHeader).refresh()
            await pilot.pause()
    assert app.return_code == 1
    shown = capsys.readouterr().err.strip()
    assert "Traceback" not in shown and "Zoe" not in shown and len(shown.splitlines()) == 1
    assert "The meeting is safe in its journal" in shown and "press r to resume" in shown
    assert str(crash_log_path(db_path)) in shown and f"--db {db_path}" in shown
    check_crash_log(db_path, "stopped")

    monkeypatch.undo()
    app.database.close()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResumeScreen)
        await pilot.press("r")
        await pilot.pause()
        assert again.screen.live.session.attendees == session.attendees


async def test_a_failing_timer_stops_cleanly_without_a_meeting(make_app, db_path, capsys):
    """No meeting open: the line says nothing was lost."""
    app = make_app(meetings=[MEETING])
    with pytest.raises(Injected):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.set_timer(0.01, fail)
            await pilot.pause(0.1)
    shown = capsys.readouterr().err.strip()
    assert shown.startswith("facilitator stopped after an unexpected error; nothing was lost.")
    assert len(shown.splitlines()) == 1 and "Traceback" not in shown
    check_crash_log(db_path, "stopped")


async def test_the_room_display_stops_with_one_line_and_writes_nothing(
        journal_file, clock, data_dir, monkeypatch, capsys):
    app = DisplayApp(journal_file, clock)
    with pytest.raises(Injected):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            monkeypatch.setattr(clock, "now", fail)  # read on every poll of the journal
            await pilot.pause(0.3)
    shown = capsys.readouterr().err.strip()
    assert shown.startswith("The room display stopped after an unexpected error")
    assert len(shown.splitlines()) == 1
    assert list(data_dir.iterdir()) == []


def test_every_screen_and_every_widget_with_handlers_is_guarded():
    """A new screen or widget that handles messages can't forget the guard."""
    import importlib
    import pkgutil

    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.screen import Screen

    import facilitator.tui
    from facilitator.tui.crash_guard import CrashGuard, GuardedHandlers

    for module in pkgutil.walk_packages(facilitator.tui.__path__, "facilitator.tui."):
        importlib.import_module(module.name)

    def handles_messages(cls) -> bool:
        own = vars(cls)
        return bool(own.get("_decorated_handlers")) or any(
            name.startswith(("on_", "_on_")) and name not in {"on_mount", "_on_mount"}
            for name in own)

    def ours(base):
        for cls in base.__subclasses__():
            yield cls
            yield from ours(cls)

    checked = {cls for cls in ours(MessagePump) if cls.__module__.startswith("facilitator.tui")}
    screens = {cls for cls in checked if issubclass(cls, Screen)}
    assert len(screens) >= 12
    for cls in checked:
        if issubclass(cls, App):
            assert issubclass(cls, CrashGuard), cls
        elif cls in screens or handles_messages(cls):
            assert issubclass(cls, GuardedHandlers), cls


async def test_what_was_queued_for_a_closed_dialog_is_dropped(make_app):
    """Enter then Escape, quickly, in the new meeting form: Escape closes it, and the Enter
    that reaches the closed form neither saves the meeting nor closes the start screen."""
    from tests.tui.random_keys import key_event

    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = app.screen
        await pilot.press("f2", *"Owls")
        for key in ("enter", "escape"):
            app.post_message(key_event(key))
        await pilot.pause()
        assert app.screen is start and app.recovered == []
        assert [meeting.name for meeting in app.database.meetings()] == ["Tuesday Night"]


async def test_keys_typed_after_the_quit_key_are_ignored(make_app, db_path):
    """ctrl+q then F2 at once: a clean quit, not a form opened as the app closes."""
    import asyncio

    from tests.tui.random_keys import key_event

    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("ctrl+q", "f2", "f9"):
            app.post_message(key_event(key))
        await asyncio.wait_for(asyncio.shield(app._task), 10)  # it stops by itself
    assert app.return_code == 0 and app.stopped_line is None
    assert not crash_log_path(db_path).exists()
