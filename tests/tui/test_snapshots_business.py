"""Snapshots: the meeting screen's Business tab after a vote (the result and its arithmetic,
the minority waiting to speak, each entry's type), at 80x24 and 40x12."""

import pytest

from facilitator.core.meeting import actions
from facilitator.core.meeting.agenda_templates import template
from facilitator.core.schedule.meeting import Meeting

MEETING = Meeting(name="Group Conscience", agenda=tuple(template("business").to_list()))


async def after_a_vote(pilot) -> None:
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    for name in ("Ann", "Bo", "Cy", "Dee", "Eve", "Flo", "Gus", "Hal", "Ida", "Jo"):
        assert screen.act(actions.SignIn(name=name))
    await pilot.press("ctrl+j")
    await pilot.pause()
    for action in (actions.MotionMove("Buy 50 chips", "two-thirds"),  # ctrl+o opened the floor
                   actions.MotionVote(6, 3, 1), actions.MotionMinority(),
                   actions.DiscussionAdd("point", "Cy"), actions.DiscussionAdd("question"),
                   actions.DiscussionNext()):
        assert screen.act(action), action
    await pilot.pause()
    pilot.app.clear_notifications()  # the notices would cover the vote at 40x12
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
def test_business_tab_after_a_vote(snap_compare, make_app, size):
    app = make_app(meetings=[MEETING])
    assert snap_compare(app, run_before=after_a_vote, terminal_size=size)
