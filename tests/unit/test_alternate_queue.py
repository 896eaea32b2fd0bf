"""The alternate queue mode of hybrid meetings: in-room and online speakers take turns."""

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.meeting import actions as a
from facilitator.core.meeting.handlers import apply
from facilitator.core.meeting.room_view import room_view
from facilitator.core.meeting.session import start, start_action
from facilitator.core.meeting.speaker_queue import Speaker, SpeakerQueue
from facilitator.core.schedule.meeting import Meeting


def people(sides: str) -> list[Speaker]:
    """'rro' -> R1 (room), R2 (room), O3 (online), in that order."""
    return [Speaker(f"a{n}", f"{side.upper()}{n}", online=side == "o")
            for n, side in enumerate(sides, 1)]


def called(queue: SpeakerQueue) -> list[str]:
    order = []
    while queue.waiting:
        queue = queue.call_next()
        order.append(queue.sharing.label)
        queue = queue.finish()
    return order


def queued(sides: str, mode: str = "alternate", called_online: bool | None = None):
    queue = SpeakerQueue(mode=mode, priority=False, called_online=called_online)
    for person in people(sides):
        queue = queue.add(person)
    return queue


@pytest.mark.parametrize(("sides", "called_online", "order"), [
    ("", None, []),
    ("rrr", None, ["R1", "R2", "R3"]),  # one side only: as they came
    ("ooo", None, ["O1", "O2", "O3"]),
    ("rroo", None, ["R1", "O3", "R2", "O4"]),
    ("oorr", None, ["O1", "R3", "O2", "R4"]),
    ("rrro", None, ["R1", "O4", "R2", "R3"]),  # once online is empty, the room in order
    ("rroo", False, ["O3", "R1", "O4", "R2"]),  # the room was called last: online next
    ("rroo", True, ["R1", "O3", "R2", "O4"]),
])
def test_who_is_called_in_turn(sides, called_online, order):
    queue = queued(sides, called_online=called_online)
    assert called(queue) == order
    assert [p.label for p in queue.in_turn()] == order


@pytest.mark.parametrize("mode", ["hands", "round"])
def test_other_modes_ignore_the_side(mode):
    assert called(queued("rroo", mode=mode)) == ["R1", "R2", "O3", "O4"]
    assert queued("rroo", mode=mode).side_due is None


@settings(max_examples=60)
@given(st.text(alphabet="ro", max_size=12), st.sampled_from([None, True, False]))
def test_sides_alternate_while_both_wait_and_each_side_keeps_its_order(sides, last):
    queue = queued(sides, called_online=last)
    order = called(queue)
    assert sorted(order) == sorted(p.label for p in people(sides))
    online = [label.startswith("O") for label in order]
    both = min(sides.count("r"), sides.count("o"))
    run = online[: 2 * both]
    assert all(x != y for x, y in zip(run, run[1:])), order
    if last is not None and both:
        assert online[0] is not last
    for side in "RO":  # within a side, first come first called
        mine = [label for label in order if label[0] == side]
        assert mine == sorted(mine, key=lambda label: int(label[1:]))
    assert [p.label for p in queue.in_turn()] == order


def test_the_side_called_last_survives_the_journal_snapshot():
    queue = queued("ro").call_next()
    assert SpeakerQueue.from_dict(queue.to_dict()) == queue
    assert "called_online" not in SpeakerQueue().to_dict()  # older snapshots stay as they were


def hybrid_meeting(*flags: bool, names: bool = False):
    meeting = Meeting(name="Tue", queue_mode="alternate")
    stamp = datetime(2024, 3, 5, 19, 0)
    session = start(start_action(meeting, stamp.date(), stamp, "USD", names_on_display=names))
    for t, online in enumerate(flags):
        session = apply(session, a.SignIn(name=f"P{t + 1}", online=online), float(t))
    return apply(session, a.QueueRound(), 10.0)


def test_the_room_display_shows_which_side_is_next_without_names():
    session = hybrid_meeting(False, False, True)
    assert room_view(session, 20.0).next_side == "in the room"
    session = apply(apply(session, a.ShareStart(), 20.0), a.ShareEnd(), 30.0)
    view = room_view(session, 40.0)
    assert (view.next_side, view.next_up, view.sharer) == ("online", (), None)


def test_the_room_display_names_those_next_in_the_order_they_are_called():
    session = hybrid_meeting(False, False, True, names=True)
    session = apply(apply(session, a.ShareStart(), 20.0), a.ShareEnd(), 30.0)
    assert room_view(session, 40.0).next_up == ("P3", "P2")


def test_no_side_is_shown_when_nobody_is_online_and_the_queue_does_not_alternate():
    meeting = Meeting(name="Tue")
    stamp = datetime(2024, 3, 5, 19, 0)
    session = start(start_action(meeting, stamp.date(), stamp, "USD"))
    session = apply(apply(session, a.SignIn(), 0.0), a.QueueRound(), 1.0)
    assert room_view(session, 2.0).next_side is None
    session = apply(apply(session, a.SignIn(online=True), 3.0), a.QueueRound(), 4.0)
    assert room_view(session, 5.0).next_side == "in the room"


def test_the_queue_tags_online_and_visitors_as_the_sign_in_list_does():
    meeting = Meeting(name="Tue")
    stamp = datetime(2024, 3, 5, 19, 0)
    session = start(start_action(meeting, stamp.date(), stamp, "USD"))
    for t, flags in enumerate([{}, {"visitor": True}, {"online": True, "newcomer": True}]):
        session = apply(session, a.SignIn(**flags), float(t))
    session = apply(session, a.QueueRound(), 5.0)
    assert [(p.label, p.newcomer, p.visitor, p.online) for p in session.queue.waiting] == [
        ("Guest 1", False, False, False), ("Guest 2", False, True, False),
        ("Guest 3", True, False, True)]
    session = apply(session, a.Correct(id=1, name="Ann", online=True), 6.0)
    assert [(p.label, p.online) for p in session.queue.waiting][0] == ("Ann", True)
