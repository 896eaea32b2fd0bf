"""Pictures of the shares panel at 80x24 with a fixed clock: normal, warning, over time."""

from facilitator.core.meeting import actions as a
from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.screens.meeting.screen import MeetingScreen

MEETING = Meeting(name="Tuesday Night", share_minutes=4, duration_minutes=60)
ROOM = [("Ann", False), ("Bo", False), ("", False), ("Nia", True), ("Dee", False)]


def share_running_for(clock, seconds: float, toasts: bool = True):
    """A run_before: the room signed in and queued, a hand raised, Ann sharing for `seconds`."""

    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MeetingScreen)
        for name, newcomer in ROOM:
            screen.act(a.SignIn(name=name, newcomer=newcomer))
        clock.advance(12 * 60)  # readings and announcements before the shares
        await pilot.press("f7", "a", "h", "n")
        clock.advance(seconds)
        screen.read_clock()  # now, not on the next tick of real time
        await pilot.pause()
        if not toasts:
            pilot.app.clear_notifications()  # once the notices posted above have arrived
            await pilot.pause()

    return run_before


def test_share_in_progress(snap_compare, make_app, clock):
    app = make_app(meetings=[MEETING])
    assert snap_compare(app, terminal_size=(80, 24), run_before=share_running_for(clock, 90))


def test_share_in_its_last_minute(snap_compare, make_app, clock):
    app = make_app(meetings=[MEETING])
    assert snap_compare(app, terminal_size=(80, 24), run_before=share_running_for(clock, 198))


def test_share_over_time(snap_compare, make_app, clock):
    app = make_app(meetings=[MEETING])
    assert snap_compare(app, terminal_size=(80, 24), run_before=share_running_for(clock, 264))


def test_share_over_time_on_a_small_terminal(snap_compare, make_app, clock):
    """40x12: the clock on top; with the queue focused (F7) the queue takes the sign-in's place."""
    app = make_app(meetings=[MEETING])
    assert snap_compare(app, terminal_size=(40, 12),
                        run_before=share_running_for(clock, 264, toasts=False))
