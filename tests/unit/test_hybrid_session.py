"""Hybrid meetings in the session: in the room and online counted apart, the 7th tradition
given in the room and online kept as one record with both amounts."""

import json
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.errors import ValidationError
from facilitator.core.meeting import actions as a
from facilitator.core.meeting.action_json import Action
from facilitator.core.meeting.actions import parse_action
from facilitator.core.meeting.handlers import apply
from facilitator.core.meeting.session import start, start_action
from facilitator.core.schedule.meeting import Meeting

STARTED = datetime(2024, 3, 5, 19, 0)


def fresh():
    return start(start_action(Meeting(name="Tue"), STARTED.date(), STARTED, "USD"))


def run(*steps: Action):
    session = fresh()
    for t, step in enumerate(steps):
        session = apply(session, step, float(t))
    return session


@pytest.mark.parametrize(("online_flags", "in_room", "online"), [
    ((), 0, 0),
    ((False,), 1, 0),
    ((True,), 0, 1),
    ((False, True, False, True, True), 2, 3),
])
def test_in_the_room_and_online_are_counted_apart(online_flags, in_room, online):
    session = run(*(a.SignIn(online=flag) for flag in online_flags))
    assert (session.in_room, session.online, session.attendance) == (
        in_room, online, len(online_flags))


@settings(max_examples=40)
@given(st.lists(st.fixed_dictionaries({"newcomer": st.booleans(), "visitor": st.booleans(),
                                       "online": st.booleans()}), max_size=12))
def test_in_room_plus_online_is_always_the_total(people):
    session = run(*(a.SignIn(**flags) for flags in people))
    assert session.in_room + session.online == session.attendance == len(people)
    record = session.to_record(STARTED, 60.0)
    assert (record.attendance, record.online) == (len(people), session.online)


def test_the_collection_keeps_the_room_and_online_amounts_in_one_record():
    session = run(a.SignIn(), a.SignIn(online=True), a.Collection(cents=3525, online=1200))
    assert (session.collection, session.collection_online, session.collection_in_room) == (
        4725, 1200, 3525)
    record = session.to_record(STARTED, 60.0)
    assert (record.collection, record.collection_online, record.collection_in_room) == (
        4725, 1200, 3525)


def test_each_entry_replaces_both_amounts():
    session = run(a.Collection(cents=1000, online=500), a.Collection(cents=2000))
    assert (session.collection, session.collection_online) == (2000, 0)


@pytest.mark.parametrize(("cents", "online", "field"), [
    (-1, 0, "collection"),
    (0, -5, "online collection"),
    (0, True, "online collection"),
    (10**9, 1, "collection"),
])
def test_the_online_amount_is_checked_like_the_room_amount(cents, online, field):
    with pytest.raises(ValidationError) as caught:
        apply(fresh(), a.Collection(cents=cents, online=online), 0.0)
    assert caught.value.field == field


def test_a_journal_line_from_before_the_online_amount_still_reads():
    """Old journals wrote only the cents: everything was given in the room."""
    old = parse_action({"type": "collection", "cents": 3150})
    assert old == a.Collection(cents=3150, online=0)
    assert a.Collection(cents=3150).to_json() == {"type": "collection", "cents": 3150}
    both = a.Collection(cents=3150, online=700)
    assert parse_action(json.loads(json.dumps(both.to_json()))) == both
