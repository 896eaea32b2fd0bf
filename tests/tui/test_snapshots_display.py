"""Snapshots of the room display at two terminal sizes, on a fixed clock."""

import pytest

from facilitator.core.meeting import actions as a
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.store.live_meeting import LiveMeeting
from facilitator.tui.display_app import DisplayApp

SIZES = [(80, 24), (160, 48)]
AGENDA = [{"title": "Readings", "minutes": 5},
          {"title": "Shares", "minutes": 45, "kind": "shares"},
          {"title": "Closing", "minutes": 5}]


async def settle(pilot) -> None:
    await pilot.pause(0.2)


def meeting_in_progress(journal_file, clock, *, names: bool) -> LiveMeeting:
    """Three waiting, Ann sharing in the shares section; names on the display if `names`."""
    live = LiveMeeting.begin(journal_file, Meeting(name="Tuesday Night", share_minutes=4,
                                                   duration_minutes=60, agenda=AGENDA),
                             GroupSettings(), clock)
    for name in ("Ann", "Bo", "Cy", "Di"):
        live.do(a.SignIn(name=name))
        live.do(a.QueueAttendee(id=live.session.next_attendee_id - 1))
    clock.advance(300)
    live.do(a.SectionNext())
    live.do(a.DisplayNames(on=names))
    live.do(a.ShareStart())
    return live


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
def test_warning_with_names_on(snap_compare, journal_file, clock, size):
    meeting_in_progress(journal_file, clock, names=True)
    clock.advance(205)  # 0:35 left
    assert snap_compare(DisplayApp(journal_file, clock), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
def test_over_time_counts_only(snap_compare, journal_file, clock, size):
    meeting_in_progress(journal_file, clock, names=False)
    clock.advance(263)  # +0:23
    assert snap_compare(DisplayApp(journal_file, clock), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
def test_no_meeting_in_progress(snap_compare, journal_file, clock, size):
    assert snap_compare(DisplayApp(journal_file, clock), terminal_size=size, run_before=settle)
