"""Queue, timer and share statistics driven together by hypothesis, with undo."""

import json

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from facilitator.core.errors import ValidationError
from facilitator.core.schedule.meeting import QUEUE_MODES
from facilitator.core.meeting.share_timer import ShareStats, ShareTimer, whole_seconds
from facilitator.core.meeting.speaker_queue import Speaker, SpeakerQueue

ROOM = (
    Speaker.attendee(1, "Ann"),
    Speaker.attendee(2, "Bo", newcomer=True),
    Speaker.attendee(3, "Cy"),
    Speaker.attendee(4, "Dee"),
    Speaker("n:eli", "Eli"),  # first names queued without a sign-in
    Speaker("n:fay", "Fay", newcomer=True),
)
# Clock steps are multiples of 1/4 s, so sums of them are exact.
STEPS = st.integers(min_value=0, max_value=4 * 400).map(lambda quarters: quarters / 4)


def others(queue: SpeakerQueue, speaker_id: str) -> list[str]:
    return [person.id for person in queue.waiting if person.id != speaker_id]


class QueueTimerMeeting(RuleBasedStateMachine):
    """The shares part of a meeting as the session will drive it."""

    def __init__(self) -> None:
        super().__init__()
        self.now = 1000.0
        self.queue = SpeakerQueue()
        self.timer: ShareTimer | None = None  # the share in progress
        self.stats = ShareStats()
        self.finished: list[int] = []  # whole seconds of each finished share, kept by the test
        self.undo_stack: list[tuple] = []

    def state(self) -> tuple:
        return (self.queue, self.timer, self.stats, tuple(self.finished))

    def snapshot(self) -> tuple:
        return (self.queue.to_dict(), self.timer.to_dict() if self.timer else None, self.stats.to_dict())

    def commit(self, queue=None, timer=..., stats=None) -> None:
        """Record the state for undo, then take the new values."""
        self.undo_stack.append((self.state(), self.snapshot()))
        self.queue = queue if queue is not None else self.queue
        self.timer = self.timer if timer is ... else timer
        self.stats = stats if stats is not None else self.stats

    # The clock

    @rule(seconds=STEPS)
    def time_passes(self, seconds):
        self.now += seconds

    # The queue, one person at a time

    @rule(speaker=st.sampled_from(ROOM))
    def add(self, speaker):
        already = self.queue.is_waiting(speaker.id) or self.queue.sharing == speaker
        try:
            queue = self.queue.add(speaker)
        except ValidationError:
            assert already
            return
        assert not already
        assert others(queue, speaker.id) == others(self.queue, speaker.id)
        self.commit(queue)

    @rule()
    def add_hand(self):
        queue = self.queue.add_hand()
        assert queue.waiting_count == self.queue.waiting_count + 1
        assert others(queue, f"h{queue.hands}") == others(self.queue, f"h{queue.hands}")
        self.commit(queue)

    @precondition(lambda self: self.queue.waiting)
    @rule(position=st.integers(min_value=0), operation=st.sampled_from(
        ["remove", "move_up", "move_down", "move_to_top"]))
    def one_person(self, position, operation):
        speaker_id = self.queue.waiting[position % self.queue.waiting_count].id
        queue = getattr(self.queue, operation)(speaker_id)
        assert others(queue, speaker_id) == others(self.queue, speaker_id)
        assert queue.is_waiting(speaker_id) == (operation != "remove")
        self.commit(queue)

    @rule()
    def readd_last(self):
        last = self.queue.last
        try:
            queue = self.queue.readd_last()
        except ValidationError:
            assert last is None or self.queue.is_waiting(last.id) or self.queue.sharing == last
            return
        assert others(queue, last.id) == others(self.queue, last.id)
        self.commit(queue)

    # The queue as a whole

    @rule(count=st.integers(min_value=0, max_value=len(ROOM)))
    def fill_round(self, count):
        queue = self.queue.fill_round(ROOM[:count])
        assert [p.id for p in queue.waiting if self.queue.is_waiting(p.id)] == others(self.queue, "")
        self.commit(queue)

    @rule(mode=st.sampled_from(QUEUE_MODES))
    def set_mode(self, mode):
        queue = self.queue.set_mode(mode)
        assert queue.waiting == self.queue.waiting
        self.commit(queue)

    @rule(on=st.booleans())
    def set_priority(self, on):
        queue = self.queue.set_priority(on)
        assert sorted(p.id for p in queue.waiting) == sorted(p.id for p in self.queue.waiting)
        if not on or self.queue.priority:
            assert queue.waiting == self.queue.waiting
        self.commit(queue)

    @rule()
    def clear(self):
        self.commit(self.queue.clear())

    # Shares

    @precondition(lambda self: self.queue.waiting and self.queue.sharing is None)
    @rule(position=st.integers(min_value=0), by_pick=st.booleans(), minutes=st.integers(1, 30))
    def call_next(self, position, by_pick, minutes):
        pick = None
        if by_pick or self.queue.mode == "popcorn":
            pick = self.queue.waiting[position % self.queue.waiting_count].id
        queue = self.queue.call_next(pick)
        called = queue.sharing.id
        assert pick in (None, called) and others(queue, called) == others(self.queue, called)
        self.commit(queue, ShareTimer(planned_seconds=minutes * 60).start(self.now))

    @precondition(lambda self: self.timer is not None)
    @rule()
    def pause_or_resume(self):
        self.commit(timer=self.timer.pause(self.now) if self.timer.running else self.timer.resume(self.now))

    @precondition(lambda self: self.timer is not None)
    @rule(delta=st.sampled_from([-60, 60]))
    def adjust(self, delta):
        self.commit(timer=self.timer.adjust(delta))

    @precondition(lambda self: self.timer is not None)
    @rule()
    def finish(self):
        seconds = self.timer.elapsed(self.now)
        stats = self.stats.add_share(seconds, self.timer.is_over(self.now))
        self.commit(self.queue.finish(), None, stats)
        self.finished.append(whole_seconds(seconds))

    @precondition(lambda self: self.timer is not None)
    @rule()
    def pass_turn(self):
        self.commit(self.queue.pass_turn(), None, self.stats.add_pass())

    # Undo

    @precondition(lambda self: self.undo_stack)
    @rule()
    def undo(self):
        (queue, timer, stats, finished), snapshot = self.undo_stack.pop()
        self.queue, self.timer, self.stats, self.finished = queue, timer, stats, list(finished)
        assert self.state() == (queue, timer, stats, finished)
        # The value kept for undo was never changed by the operations that followed.
        assert self.snapshot() == snapshot

    # Invariants

    @invariant()
    def nobody_waits_twice(self):
        ids = [person.id for person in self.queue.waiting]
        assert len(ids) == len(set(ids))
        assert self.queue.sharing is None or self.queue.sharing.id not in ids

    @invariant()
    def a_share_in_progress_has_a_timer(self):
        assert (self.timer is None) == (self.queue.sharing is None)

    @invariant()
    def share_seconds_add_up(self):
        assert self.stats.share_seconds == sum(self.finished)
        assert self.stats.shares == len(self.finished) == sum(n for _, n in self.queue.share_counts)
        assert self.stats.passes == self.queue.passes

    @invariant()
    def no_negative_time(self):
        assert min(self.finished, default=0) >= 0 and self.stats.share_seconds >= 0
        if self.timer is not None:
            assert self.timer.elapsed(self.now) >= 0 and self.timer.banked >= 0
            assert self.timer.planned_seconds >= 60

    @invariant()
    def snapshots_rebuild_the_same_values(self):
        queue, timer, stats = (json.loads(json.dumps(part)) for part in self.snapshot())
        assert SpeakerQueue.from_dict(queue) == self.queue
        assert ShareStats.from_dict(stats) == self.stats
        assert (timer and ShareTimer.from_dict(timer)) == self.timer


QueueTimerMeeting.TestCase.settings = settings(max_examples=300, stateful_step_count=50, deadline=None)
TestQueueTimerMeeting = QueueTimerMeeting.TestCase
