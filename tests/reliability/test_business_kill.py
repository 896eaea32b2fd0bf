"""The real app killed mid-vote in a business meeting: the journal replays the floor (the
motion, its vote, the discussion queue) and the meeting goes on to its minutes."""

import signal
import sys
import time

import pytest

from facilitator.core.meeting.agenda_templates import template
from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database
from facilitator.store.live_meeting import find_left_behind
from facilitator.store.paths import journal_path
from tests.reliability.test_app_kill import (CTRL_S, ENTER, F2, end_save_and_quit, entries,
                                             start_meeting, terminals, wait_entries,
                                             wait_until)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

__all__ = ["terminals"]  # the fixture, shared with the app-kill tests
CTRL_J = "\n"  # the Business tab
MEETING = Meeting(name="Group Conscience", agenda=tuple(template("business").to_list()))


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "data" / "facilitator.json"
    with Database.open(path) as database:
        database.add_meeting(MEETING)
    return path


def type_vote(terminal, for_: str, against: str) -> None:
    time.sleep(0.5)  # the dialog's box takes the focus once drawn
    terminal.send(f"{for_} {against}")
    terminal.wait_for_text(f"{for_} {against}")
    terminal.send(ENTER)


def test_sigkill_mid_vote_then_resume_keeps_the_floor(db, terminals):
    live_journal = journal_path(db)
    first = terminals(db)
    start_meeting(first, db)
    for count, name in enumerate(("Ann", "Bo", "Cy", "Dee"), start=2):
        first.send(name + F2)
        wait_entries(live_journal, count)
    first.send(CTRL_J)
    first.wait_for_text("m a motion")  # ctrl+j opened the floor
    first.send("m")
    first.wait_for_text("in the group's words")
    first.send("Buy 40 chips")
    first.wait_for_text("Buy 40 chips")
    first.send(CTRL_S)
    wait_entries(live_journal, 7)  # the floor opened (ctrl+j), the motion moved
    first.send("p")
    first.send("n")
    wait_entries(live_journal, 9)
    first.send("v")
    first.wait_for_text("Needs majority")
    type_vote(first, "2", "1")
    wait_entries(live_journal, 10)
    assert entries(live_journal)[-1]["a"] == {"type": "motion_vote", "for_": 2, "against": 1,
                                              "abstain": 0}
    first.process.send_signal(signal.SIGKILL)
    assert first.wait_exit() == -signal.SIGKILL

    floor = find_left_behind(live_journal).session.business.floor
    assert (floor.motion.text, floor.motion.stage) == ("Buy 40 chips", "result")
    assert floor.motion.deciding_vote.arithmetic.startswith("2 for, 1 against")

    second = terminals(db)
    second.wait_for_text("A meeting in progress was left behind.")
    second.send("r")
    wait_until(lambda: entries(live_journal)[-1]["a"]["type"] == "resumed", "the resume")
    second.wait_for_text("7th tradition")
    second.send(CTRL_J)
    second.wait_for_text("hear the minority")
    second.send("i")  # the minority is heard; then reconsidered, a second vote
    second.send("c")
    wait_entries(live_journal, 13)
    second.send("v")
    second.wait_for_text("Needs majority")
    type_vote(second, "4", "0")
    wait_entries(live_journal, 14)
    second.send("d")
    wait_entries(live_journal, 15)
    end_save_and_quit(second, live_journal)

    with Database.open(db, writer=False) as database:
        (minutes,) = database.minutes("Group Conscience")
    (motion,) = minutes.motions
    assert motion.outcome == "carried"
    assert [(v.for_, v.against, v.abstain) for v in motion.votes] == [(2, 1, 0), (4, 0, 0)]
    assert b"Ann" not in db.read_bytes()
