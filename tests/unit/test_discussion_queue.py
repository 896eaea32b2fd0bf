"""The typed discussion queue keeps TCQ's order whatever is added, called or removed."""

import pytest
from hypothesis import given, settings, strategies as st

from facilitator.core.business.discussion_queue import DiscussionQueue, Entry
from facilitator.core.errors import ValidationError

RANK = {"order": 0, "question": 1, "reply": 2, "point": 3}


def kinds(queue: DiscussionQueue) -> list[str]:
    return [f"{e.type}{e.id}" + (f">{e.answers}" if e.answers else "") for e in queue.waiting]


def test_each_type_joins_where_tcq_puts_it():
    queue = (DiscussionQueue().add("point", "Ana").add("point", "Bo").call_next()  # Ana speaks
             .add("point", "Cy").add("reply", "Di").add("question", "Ed")
             .add("reply", "Fay", answers=2).add("order", "Gus").add("question", "Hal")
             .add("reply", "Ivy", answers=2).add("order", "Jo"))
    assert queue.current.label == "Ana"
    assert kinds(queue) == ["order7", "order10", "question5", "question8", "reply4",
                            "point2", "reply6>2", "reply9>2", "point3"]
    assert [e.shown for e in queue.waiting[:2]] == ["point of order: Gus", "point of order: Jo"]
    called = queue.call_next().call_next().call_next().call_next().call_next().call_next()
    assert called.current.label == "Bo"
    assert kinds(called) == ["reply6", "reply9", "point3"]  # now answering the one speaking


def test_removing_a_point_moves_its_replies_to_answer_the_one_speaking():
    queue = (DiscussionQueue().add("point").call_next().add("point").add("point")
             .add("reply", answers=3).add("reply"))
    assert kinds(queue) == ["reply5", "point2", "point3", "reply4>3"]
    assert kinds(queue.remove(3)) == ["reply5", "reply4", "point2"]


@pytest.mark.parametrize("build, message", [
    (lambda q: q.add("reply"), "reply: nobody is speaking"),
    (lambda q: q.add("point").add("reply", answers=7), "reply: entry 7 is not a new point"),
    (lambda q: q.add("point").call_next().add("reply").add("reply", answers=2),
     "reply: entry 2 is not a new point"),
    (lambda q: q.add("rebuttal"), "type: must be one of"),
    (lambda q: q.add("point", answers=1), "answers: only a reply"),
    (lambda q: q.add("point", "Al\x1b]0;x\x07"), "label: cannot contain control"),
    (lambda q: q.call_next(), "queue: nobody is waiting"),
    (lambda q: q.remove(1), "entry: 1 is not waiting"),
])
def test_impossible_entries_refused(build, message):
    with pytest.raises(ValidationError, match=message):
        build(DiscussionQueue())


operations = st.lists(st.one_of(
    st.tuples(st.just("add"), st.sampled_from(["order", "question", "reply", "point"]),
              st.integers(0, 12)),
    st.tuples(st.just("call"), st.none(), st.none()),
    st.tuples(st.just("remove"), st.none(), st.integers(0, 12)),
), max_size=40)


def run(ops) -> DiscussionQueue:
    queue = DiscussionQueue()
    for op, kind, pick in ops:
        if op == "add":
            points = [e.id for e in queue.waiting if e.type == "point"]
            answers = None
            if kind == "reply" and points and pick % 2:
                answers = points[pick % len(points)]
            if kind == "reply" and answers is None and queue.current is None:
                continue
            queue = queue.add(kind, answers=answers)
        elif op == "call" and queue.waiting:
            queue = queue.call_next()
        elif op == "remove" and queue.waiting:
            queue = queue.remove(queue.waiting[pick % len(queue.waiting)].id)
    return queue


@settings(max_examples=150, deadline=None)
@given(operations)
def test_order_holds_under_any_operations(ops):
    """Points of order first, then questions, replies to the one speaking, then each new
    point followed by its own replies; first come first served within each."""
    queue = run(ops)
    waiting = queue.waiting
    ranks = [RANK[e.type] if e.answers is None else 3 for e in waiting]
    assert ranks == sorted(ranks)
    front = [e for e in waiting if ranks[waiting.index(e)] < 3]
    for kind in ("order", "question", "reply"):
        ids = [e.id for e in front if e.type == kind]
        assert ids == sorted(ids)
    points = [e.id for e in waiting if e.type == "point"]
    assert points == sorted(points)
    owner = None
    for entry in waiting[len(front):]:
        if entry.type == "point":
            owner, replies = entry.id, []
        else:
            assert entry.type == "reply" and entry.answers == owner
            replies.append(entry.id)
            assert replies == sorted(replies)
    assert len({e.id for e in waiting}) == len(waiting)
    assert DiscussionQueue.from_dict(queue.to_dict()) == queue


def test_stored_queue_refuses_a_reply_to_nothing():
    stored = {"waiting": [Entry(4, "reply", "", 9).to_dict()], "current": None, "next_id": 5}
    with pytest.raises(ValidationError, match="reply: entry 9 is not a new point"):
        DiscussionQueue.from_dict(stored)
