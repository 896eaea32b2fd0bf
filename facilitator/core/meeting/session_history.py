"""Undo and redo over meeting states, and rebuilding a meeting from its journal."""

from dataclasses import dataclass, replace

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.meeting.action_json import Action
from facilitator.core.meeting.actions import Closing, Redo, Resumed, Start, Undo, parse_action
from facilitator.core.meeting.handlers import apply
from facilitator.core.meeting.session import MeetingSession, start

UNDO_DEPTH = 500


@dataclass(frozen=True)
class SessionHistory:
    """The present state with the states before it (undo) and after it (redo)."""

    present: MeetingSession
    past: tuple[MeetingSession, ...] = ()
    future: tuple[MeetingSession, ...] = ()
    # The action that led from each past state to the next (`done[-1]` made `present`), and
    # the one that leads to each future state: undo and redo name what they step over.
    done: tuple[Action, ...] = ()
    undone: tuple[Action, ...] = ()

    def do(self, action: Action, t: float) -> "SessionHistory":
        """Apply an action; undo, redo and every other kind alike."""
        match action:
            case Resumed() | Closing():
                return self  # journaled so the journal tells the whole story; nothing to undo
            case Undo():
                return self.undo()
            case Redo():
                return self.redo()
        changed = apply(self.present, action, t)
        return SessionHistory(changed, (self.past + (self.present,))[-UNDO_DEPTH:], (),
                              (self.done + (action,))[-UNDO_DEPTH:], ())

    @property
    def can_undo(self) -> bool:
        return bool(self.past)

    @property
    def can_redo(self) -> bool:
        return bool(self.future)

    def undo(self) -> "SessionHistory":
        if not self.past:
            return self
        return replace(self, present=self.past[-1], past=self.past[:-1],
                       future=(self.present,) + self.future, done=self.done[:-1],
                       undone=self.done[-1:] + self.undone)

    def redo(self) -> "SessionHistory":
        if not self.future:
            return self
        return replace(self, present=self.future[0], past=self.past + (self.present,),
                       future=self.future[1:], done=self.done + self.undone[:1],
                       undone=self.undone[1:])

    def last_step(self) -> tuple[MeetingSession, Action, MeetingSession] | None:
        """(state before, action, state after) of the step undo would take back, if any."""
        if not self.past or not self.done:
            return None
        return self.past[-1], self.done[-1], self.present

    def next_step(self) -> tuple[MeetingSession, Action, MeetingSession] | None:
        """(state before, action, state after) of the step redo would take again, if any."""
        if not self.future or not self.undone:
            return None
        return self.present, self.undone[0], self.future[0]


@dataclass(frozen=True)
class Replayed:
    """A journal replayed: the history, and the actions that could not be applied again."""

    history: SessionHistory
    skipped: int = 0
    first_reason: str = ""  # why the first skipped action was refused

    def skip(self, reason: str) -> "Replayed":
        return replace(self, skipped=self.skipped + 1, first_reason=self.first_reason or reason)


def start_entry(entry: dict) -> SessionHistory:
    """The history begun by a journal's first entry; ValidationError when it is no start."""
    return SessionHistory(start(Start.from_json(entry["a"])))


def entry_time(entry: dict) -> float:
    """The meeting time of a journal entry."""
    t = entry.get("t")
    if isinstance(t, bool) or not isinstance(t, (int, float)):
        raise ValidationError(N_("journal entry t"), _("must be a number of seconds"))
    return float(t)


def replay_entry(replayed: Replayed, entry: dict) -> Replayed:
    """One more journal entry applied; one that no longer applies (a journal written by
    another version, edited by hand) is counted and skipped rather than losing the meeting.
    Only a refused action is skipped: a bug in a handler is raised, never hidden."""
    try:
        history = replayed.history.do(parse_action(entry["a"]), entry_time(entry))
    except ValidationError as error:
        return replayed.skip(str(error))
    return replace(replayed, history=history)


def replay(entries: list[dict]) -> Replayed:
    """The history rebuilt from journal entries; the first entry is the start action."""
    replayed = Replayed(start_entry(entries[0]))
    for entry in entries[1:]:
        replayed = replay_entry(replayed, entry)
    return replayed
