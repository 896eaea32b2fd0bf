"""The speaker queue: modes, the priority rule, moves, passes and snapshots."""

import json

import pytest

from facilitator.core.errors import ValidationError
from facilitator.core.meeting.speaker_queue import Speaker, SpeakerQueue

ANN = Speaker.attendee(1, "Ann")
BO = Speaker.attendee(2, "Bo")
CY = Speaker.attendee(3, "Cy")
DEE = Speaker.attendee(4, "Dee")
NEW = Speaker("n:nell", "Nell", newcomer=True)  # a first name queued without a sign-in
ROOM = (ANN, BO, CY, DEE)


def run(queue: SpeakerQueue, *steps) -> tuple[SpeakerQueue, list[str]]:
    """Apply steps like ("add", ANN), ("share",) or ("share", "a2"); return who shared."""
    shared = []
    for name, *args in steps:
        if name == "share":  # call, then finish the share
            queue = queue.call_next(*args)
            shared.append(queue.sharing.label)
            queue = queue.finish()
        else:
            queue = getattr(queue, name)(*args)
    return queue, shared


def labels(queue: SpeakerQueue) -> list[str]:
    return [person.label for person in queue.waiting]


@pytest.mark.parametrize(
    ("start", "steps", "shared", "waiting"),
    [
        # Raised hands: first come, first served.
        (SpeakerQueue(), [("add", ANN), ("add", BO), ("add", CY), ("share",), ("share",)],
         ["Ann", "Bo"], ["Cy"]),
        (SpeakerQueue(), [("add_hand",), ("add", ANN), ("add_hand",)], [], ["Hand 1", "Ann", "Hand 2"]),
        # Round-robin: the room in sign-in order, each once.
        (SpeakerQueue(mode="round"), [("fill_round", ROOM), ("share",), ("share",), ("share",), ("share",)],
         ["Ann", "Bo", "Cy", "Dee"], []),
        (SpeakerQueue(mode="round"), [("add", CY), ("fill_round", ROOM)], [], ["Cy", "Ann", "Bo", "Dee"]),
        (SpeakerQueue(mode="round"), [("fill_round", ROOM), ("call_next",), ("fill_round", ROOM)],
         [], ["Bo", "Cy", "Dee"]),
        # A second round: those who shared go after those who have not (priority on) ...
        (SpeakerQueue(mode="round"), [("add", BO), ("share",), ("fill_round", ROOM)],
         ["Bo"], ["Ann", "Cy", "Dee", "Bo"]),
        # ... or strictly in sign-in order (priority off).
        (SpeakerQueue(mode="round", priority=False), [("add", BO), ("share",), ("fill_round", ROOM)],
         ["Bo"], ["Ann", "Bo", "Cy", "Dee"]),
        # Popcorn: the person who just shared picks.
        (SpeakerQueue(mode="popcorn"), [("fill_round", ROOM), ("share", "a3"), ("share", "a1")],
         ["Cy", "Ann"], ["Bo", "Dee"]),
        # Switching mode live keeps the order of those waiting.
        (SpeakerQueue(mode="popcorn"), [("add", CY), ("add", ANN), ("set_mode", "hands"), ("share",)],
         ["Cy"], ["Ann"]),
    ],
)
def test_modes(start, steps, shared, waiting):
    """Each mode calls people in its own order."""
    queue, who = run(start, *steps)
    assert who == shared
    assert labels(queue) == waiting


@pytest.mark.parametrize(
    ("priority", "steps", "waiting"),
    [
        # Ann has shared; Bo has not, so Bo goes ahead of her second share.
        (True, [("add", ANN), ("share",), ("readd_last",), ("add", BO)], ["Bo", "Ann"]),
        (False, [("add", ANN), ("share",), ("readd_last",), ("add", BO)], ["Ann", "Bo"]),
        # First come, first served among those with priority.
        (True, [("add", ANN), ("share",), ("readd_last",), ("add", BO), ("add", CY)], ["Bo", "Cy", "Ann"]),
        # A newcomer has priority even after sharing once.
        (True, [("add", NEW), ("share",), ("add", ANN), ("share",), ("readd_last",), ("add", NEW)],
         ["Nell", "Ann"]),
        # Nobody waiting has priority: the first-timer goes to the top.
        (True, [("add", ANN), ("add", BO), ("share",), ("share",), ("add", ANN), ("add", BO), ("add", CY)],
         ["Cy", "Ann", "Bo"]),
        # A manual move to the top is kept; the next first-timer goes after the last one waiting.
        (True, [("add", ANN), ("share",), ("add", BO), ("add", ANN), ("move_to_top", "a1"), ("add", CY)],
         ["Ann", "Bo", "Cy"]),
        # Switching priority on is a stable partition: each group keeps its order.
        (False, [("add", ANN), ("add", BO), ("share",), ("share",), ("add", BO), ("add", CY), ("add", ANN),
                 ("add", DEE), ("set_priority", True)], ["Cy", "Dee", "Bo", "Ann"]),
        # Switching priority off moves nobody.
        (True, [("add", ANN), ("share",), ("readd_last",), ("add", BO), ("set_priority", False)],
         ["Bo", "Ann"]),
    ],
)
def test_priority_rule(priority, steps, waiting):
    """Those who have not shared yet, and newcomers, go ahead of a second share."""
    queue, _ = run(SpeakerQueue(priority=priority), *steps)
    assert labels(queue) == waiting


@pytest.mark.parametrize(
    ("operation", "speaker_id", "waiting"),
    [
        ("move_up", "a3", ["Ann", "Cy", "Bo", "Dee"]),
        ("move_up", "a1", ["Ann", "Bo", "Cy", "Dee"]),
        ("move_down", "a2", ["Ann", "Cy", "Bo", "Dee"]),
        ("move_down", "a4", ["Ann", "Bo", "Cy", "Dee"]),
        ("move_to_top", "a4", ["Dee", "Ann", "Bo", "Cy"]),
        ("remove", "a2", ["Ann", "Cy", "Dee"]),
    ],
)
def test_moves_change_only_the_person_moved(operation, speaker_id, waiting):
    """Moves at either end are harmless; the others keep their relative order."""
    queue = getattr(SpeakerQueue().fill_round(ROOM), operation)(speaker_id)
    assert labels(queue) == waiting


@pytest.mark.parametrize(
    ("queue", "operation", "args", "field"),
    [
        (SpeakerQueue().add(ANN), "add", (ANN,), "speaker"),
        (SpeakerQueue().add(ANN).call_next(), "add", (ANN,), "speaker"),
        (SpeakerQueue().add(ANN), "remove", ("a9",), "speaker"),
        (SpeakerQueue().add(ANN), "move_up", ("a9",), "speaker"),
        (SpeakerQueue(), "call_next", (), "queue"),
        (SpeakerQueue().add(ANN).add(BO).call_next(), "call_next", (), "queue"),
        (SpeakerQueue(mode="popcorn").add(ANN), "call_next", (), "next speaker"),
        (SpeakerQueue().add(ANN), "call_next", ("a2",), "speaker"),
        (SpeakerQueue(), "finish", (), "queue"),
        (SpeakerQueue(), "pass_turn", (), "queue"),
        (SpeakerQueue(), "readd_last", (), "queue"),
        (SpeakerQueue().add(ANN).call_next().finish().readd_last(), "readd_last", (), "speaker"),
        (SpeakerQueue(), "set_mode", ("fishbowl",), "queue mode"),
    ],
)
def test_refusals_name_the_field_and_never_a_name(queue, operation, args, field):
    """Impossible actions are refused with one line that names no person."""
    with pytest.raises(ValidationError) as error:
        getattr(queue, operation)(*args)
    assert error.value.field == field
    assert not any(name in str(error.value) for name in ("Ann", "Bo"))


def test_call_next_takes_the_head_and_next_up_shows_it():
    """Outside popcorn the head is next; in popcorn nobody is next until the sharer picks."""
    queue = SpeakerQueue().add(ANN).add(BO)
    assert queue.next_up == ANN and queue.waiting_count == 2
    called = queue.call_next()
    assert called.sharing == ANN and called.next_up == BO and called.waiting_count == 1
    assert queue.set_mode("popcorn").next_up is None
    assert SpeakerQueue().next_up is None


def test_call_next_with_a_pick_works_in_any_mode():
    """The facilitator may call someone out of order."""
    queue = SpeakerQueue().fill_round(ROOM).call_next("a3")
    assert queue.sharing == CY and labels(queue) == ["Ann", "Bo", "Dee"]


def test_finish_counts_the_share_for_that_person():
    """A finished share is counted per person and makes them the last sharer."""
    queue = SpeakerQueue().add(ANN).call_next().finish().add(ANN).call_next().finish()
    assert queue.shares_of("a1") == 2 and queue.shares_of("a2") == 0
    assert queue.last == ANN and queue.sharing is None and queue.passes == 0


def test_pass_is_counted_as_a_pass_not_a_share():
    """The person called declines: one pass, no share, and the last sharer is unchanged."""
    queue = SpeakerQueue().add(ANN).call_next().finish().add(BO).call_next().pass_turn()
    assert queue.passes == 1 and queue.shares_of("a2") == 0
    assert queue.last == ANN and queue.sharing is None
    assert queue.has_priority(BO) and not queue.has_priority(ANN)


def test_hand_numbers_are_never_reused():
    """Removing Hand 2 does not make the next raised hand Hand 2 again."""
    queue = SpeakerQueue().add_hand().add_hand().remove("h2").add_hand()
    assert [(p.id, p.label) for p in queue.waiting] == [("h1", "Hand 1"), ("h3", "Hand 3")]
    assert queue.hands == 3


def test_clear_keeps_the_share_in_progress_and_the_counts():
    """Clearing empties the waiting list only."""
    queue = SpeakerQueue().add(ANN).call_next().finish().add(BO).call_next().add(CY).add(DEE).clear()
    assert queue.waiting == () and queue.sharing == BO and queue.shares_of("a1") == 1


def test_fill_round_skips_the_person_sharing():
    """Nobody waits while they share."""
    queue = SpeakerQueue(mode="round").add(BO).call_next().fill_round(ROOM)
    assert labels(queue) == ["Ann", "Cy", "Dee"] and queue.sharing == BO


def test_operations_return_new_values():
    """The original queue is never changed."""
    queue = SpeakerQueue().add(ANN)
    queue.add(BO).call_next().finish()
    assert queue == SpeakerQueue().add(ANN)


def test_snapshot_round_trips_through_json():
    """A queue rebuilt from its JSON snapshot is equal to the original."""
    queue = (SpeakerQueue(mode="popcorn").fill_round(ROOM).add(NEW).add_hand()
             .call_next("a2").finish().call_next("n:nell"))
    data = json.loads(json.dumps(queue.to_dict()))
    assert SpeakerQueue.from_dict(data) == queue
    assert data["sharing"] == {"id": "n:nell", "label": "Nell", "newcomer": True}
    assert data["share_counts"] == {"a2": 1}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"waiting": [ANN.to_dict(), ANN.to_dict()]}, "queue"),
        ({"waiting": [ANN.to_dict()], "sharing": ANN.to_dict()}, "queue"),
        ({"mode": "lottery"}, "queue mode"),
        ({"passes": -1}, "passes"),
        ({"share_counts": {"a1": -2}}, "shares"),
        ({"waiting": [{"id": "a1", "label": ""}]}, "speaker"),
        ({"waiting": ["Ann"]}, "speaker"),
        ([], "queue"),
    ],
)
def test_broken_snapshots_are_refused(data, field):
    """A snapshot that breaks an invariant never becomes a queue."""
    with pytest.raises(ValidationError) as error:
        SpeakerQueue.from_dict(data)
    assert error.value.field == field


def test_speaker_ids_follow_the_convention():
    """a = signed-in attendee, h = raised hand, n = new first name."""
    assert (Speaker.attendee(3, "Ann").id, Speaker.hand(2).id) == ("a3", "h2")
    assert Speaker.hand(2).label == "Hand 2"
