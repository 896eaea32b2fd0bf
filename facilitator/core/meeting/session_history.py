"""Undo and redo over meeting states, and rebuilding a meeting from its journal."""

from dataclasses import dataclass, replace

from facilitator.core.errors import ValidationError
from facilitator.core.meeting.session import MeetingSession, apply, start

UNDO_DEPTH = 500
# Journaled so the journal tells the whole story, but nothing to undo.
MARKERS = frozenset({"resumed", "closing"})


@dataclass(frozen=True)
class SessionHistory:
    """The present state with the states before it (undo) and after it (redo)."""

    present: MeetingSession
    past: tuple[MeetingSession, ...] = ()
    future: tuple[MeetingSession, ...] = ()

    def do(self, data: dict, t: float) -> "SessionHistory":
        """Apply an action; undo, redo and every other kind alike."""
        if data["type"] in MARKERS:
            return self
        if data["type"] == "undo":
            return self.undo()
        if data["type"] == "redo":
            return self.redo()
        changed = apply(self.present, data, t)
        return SessionHistory(changed, (self.past + (self.present,))[-UNDO_DEPTH:], ())

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
                       future=(self.present,) + self.future)

    def redo(self) -> "SessionHistory":
        if not self.future:
            return self
        return replace(self, present=self.future[0], past=self.past + (self.present,),
                       future=self.future[1:])


def replay(entries: list[dict]) -> SessionHistory:
    """The history rebuilt from journal entries; the first entry is the start action."""
    return replay_counting(entries)[0]


def replay_counting(entries: list[dict]) -> tuple[SessionHistory, int]:
    """The history and how many actions could not be applied again.

    Every journaled action applied once; one that no longer applies (a journal written by
    another version) is skipped rather than losing the whole meeting.
    """
    history = SessionHistory(start(entries[0]["a"]))
    skipped = 0
    for entry in entries[1:]:
        try:
            history = history.do(entry["a"], entry["t"])
        except (ValidationError, KeyError, TypeError, ValueError):
            skipped += 1
    return history, skipped
