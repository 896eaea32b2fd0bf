"""What each meeting action does: one table, action class -> the function that applies it.

A handler takes the session, the action and the meeting time `t` (seconds since the meeting
started) and returns the new session, or raises ValidationError for an action that can't
apply now. Undo, redo and the markers step through the history instead (`SessionHistory`).
"""

from collections.abc import Callable
from typing import Any

from facilitator.core.meeting import actions as a
from facilitator.core.meeting import session, session_business, session_chips, session_shares
from facilitator.core.meeting.action_json import Action
from facilitator.core.meeting.session import MeetingSession

Handler = Callable[[MeetingSession, Any, float], MeetingSession]

HANDLERS: dict[type[Action], Handler] = {
    a.SignIn: session.sign_in,
    a.Correct: session.correct,
    a.Remove: session.remove,
    a.Collection: session.collection,
    a.SectionNext: session.section_next,
    a.SectionPrevious: session.section_previous,
    a.DisplayNames: session.display_names,
    a.QueueAttendee: session_shares.queue_attendee,
    a.SignInAndQueue: session_shares.sign_in_and_queue,
    a.QueueName: session_shares.queue_name,
    a.QueueHand: session_shares.queue_hand,
    a.QueueRound: session_shares.queue_round,
    a.QueueRemove: session_shares.queue_remove,
    a.QueueUp: session_shares.queue_up,
    a.QueueDown: session_shares.queue_down,
    a.QueueTop: session_shares.queue_top,
    a.QueuePass: session_shares.queue_pass,
    a.QueueReadd: session_shares.queue_readd,
    a.QueueClear: session_shares.queue_clear,
    a.QueueMode: session_shares.queue_mode,
    a.QueuePriority: session_shares.queue_priority,
    a.ShareStart: session_shares.share_start,
    a.ShareEnd: session_shares.share_end,
    a.SharePass: session_shares.share_pass,
    a.SharePause: session_shares.share_pause,
    a.ShareAdjust: session_shares.share_adjust,
    a.ShareLength: session_shares.share_length,
    a.Bell: session_shares.bell,
    a.Chip: session_chips.chip,
    a.BusinessOpen: session_business.business_open,
    a.DiscussionNext: session_business.discussion_next,
    **{step: session_business.floor_step for step in session_business.FLOOR_STEPS},
}

# Steps through the history rather than changes to the session (see SessionHistory.do).
HISTORY_STEPS: frozenset[type[Action]] = frozenset({a.Undo, a.Redo, a.Resumed, a.Closing})


def apply(present: MeetingSession, action: Action, t: float) -> MeetingSession:
    """The session after one action; raises ValidationError for an action that can't apply."""
    return HANDLERS[type(action)](present, action, t)
