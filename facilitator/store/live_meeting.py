"""The meeting in progress: each action goes to the journal first, then into the state."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from facilitator.core.business.minutes import Minutes
from facilitator.core.clock import Clock
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import _, ngettext, number
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.core.settings import GroupSettings
from facilitator.core.meeting.action_json import Action
from facilitator.core.meeting.actions import Closing, Resumed
from facilitator.core.meeting.session import MeetingSession, start, start_action
from facilitator.core.meeting.session_history import SessionHistory, replay
from facilitator.core.meeting.timeline import Timeline
from facilitator.store import journal as journal_file
from facilitator.store.database import Database
from facilitator.store.errors import StorageFailed
from facilitator.store.meeting_stock import stock_after_meeting


class JournalUnreadable(FacilitatorError):
    exit_status = 2


@dataclass(frozen=True)
class LeftBehind:
    """A meeting in progress found at start-up (the app died or was closed)."""

    path: Path
    history: SessionHistory
    last_t: float
    last_wall: datetime
    dropped_lines: int
    entries: int
    last_type: str
    good_bytes: int  # where the last whole entry ends: a torn tail is cut off on resume
    skipped_actions: int = 0  # actions that no longer apply (written by another version)
    skip_reason: str = ""  # why the first of them was refused

    @property
    def skipped_note(self) -> str:
        """One line on the actions that could not be replayed, or '' when there were none."""
        if not self.skipped_actions:
            return ""
        # Translators: {n} actions of a meeting's journal; {reason} says why the first was
        # refused.
        return ngettext("{n} action could not be replayed and were skipped; the first: {reason}",
                        "{n} actions could not be replayed and were skipped; the first: {reason}",
                        self.skipped_actions).format(n=number(self.skipped_actions),
                                                     reason=self.skip_reason)

    @property
    def closing(self) -> bool:
        """True when the app stopped while saving this meeting's record."""
        return self.last_type == "closing"

    @property
    def session(self) -> MeetingSession:
        return self.history.present


def find_left_behind(path: Path) -> LeftBehind | None:
    """Read a journal left behind, or None when there is none (or it holds no meeting)."""
    if not path.exists():
        return None
    try:
        contents = journal_file.read(path)
    except OSError as error:
        raise JournalUnreadable(_("the meeting in progress ({path}) cannot be read ({reason}); "
                                  "the file was left as it is").format(
            path=path, reason=error.strerror or error)) from None
    if not contents.entries:
        if contents.torn_first_line or not contents.dropped_lines:
            # The app died inside begin(): nothing was acknowledged, and the file would
            # block every new meeting.
            journal_file.remove(path)
            return None
        raise JournalUnreadable(_("the meeting in progress ({path}) cannot be read: its first "
                                  "line is damaged; the file was left as it is").format(path=path))
    try:
        replayed = replay(contents.entries)  # a handler's bug is raised, not reported here
    except FacilitatorError as error:
        raise JournalUnreadable(_("the meeting in progress ({path}) cannot be replayed: "
                                  "{reason}").format(path=path, reason=error)) from None
    last = contents.entries[-1]
    try:
        last_t, last_wall = float(last.get("t", 0.0)), datetime.fromisoformat(last["wall"])
    except (KeyError, TypeError, ValueError):
        raise JournalUnreadable(_("the meeting in progress ({path}) cannot be replayed: its "
                                  "last line has no valid time").format(path=path)) from None
    return LeftBehind(path, replayed.history, last_t, last_wall, contents.dropped_lines,
                      len(contents.entries), str(last["a"].get("type", "")),
                      contents.good_bytes, replayed.skipped, replayed.first_reason)


class LiveMeeting:
    """Owns the journal of the meeting in progress and its undoable state."""

    def __init__(self, journal: journal_file.Journal, history: SessionHistory,
                 timeline: Timeline, clock: Clock, entries: int = 1) -> None:
        self._entries = entries
        self.journal = journal
        self.history = history
        self.timeline = timeline
        self.clock = clock

    @classmethod
    def begin(cls, path: Path, meeting: Meeting, settings: GroupSettings,
              clock: Clock) -> "LiveMeeting":
        started = clock.now()
        first = start_action(meeting, started.date(), started, settings.currency, settings.bell,
                             settings.names_on_display)
        entry = {"n": 0, "t": 0.0, "wall": started.isoformat(), "a": first.to_json()}
        try:
            journal = journal_file.Journal.create(path, entry)
        except FileExistsError:
            raise  # a meeting was left behind: the caller offers to resume it
        except OSError as error:
            raise StorageFailed(path, error) from None
        history = SessionHistory(start(first))
        return cls(journal, history, Timeline(0.0, clock.monotonic()), clock)

    @classmethod
    def resume(cls, left: LeftBehind, clock: Clock) -> "LiveMeeting":
        timeline = Timeline.resumed(left.last_t, left.last_wall, clock.now(), clock.monotonic())
        try:
            journal = journal_file.Journal.reopen(left.path, left.good_bytes)
        except OSError as error:
            raise StorageFailed(left.path, error) from None
        live = cls(journal, left.history, timeline, clock, left.entries)
        live.do(Resumed())
        return live

    @property
    def session(self) -> MeetingSession:
        return self.history.present

    def now(self) -> float:
        """Seconds since the meeting started."""
        return self.timeline.at(self.clock.monotonic())

    def do(self, action: Action) -> MeetingSession:
        """Check the action, make it durable, then let it change the state."""
        t = round(self.now(), 3)
        changed = self.history.do(action, t)  # raises before anything is written
        entry = {"n": self._entries, "t": t, "wall": self.clock.now().isoformat(),
                 "a": action.to_json()}
        try:
            self.journal.append(entry)
        except OSError as error:
            raise StorageFailed(self.journal.path, error) from None
        self._entries += 1
        self.history = changed
        return self.session

    def record(self) -> Record:
        """The anonymous record this meeting would save now."""
        return self.session.to_record(self.clock.now(), self.now())

    def end(self, database: Database, *, replace: bool = False) -> Record:
        """Save the counts, the chips taken from stock and a business meeting's minutes in one
        write; delete the journal."""
        record = self.record()
        replaced = database.find_record(record.meeting, record.date) if replace else None
        stock = stock_after_meeting(database, record.chips, replaced.chips if replaced else None)
        self.do(Closing())
        database.add_record(record, replace=replace, stock=stock.rows, minutes=self.minutes())
        self.journal.delete()
        return record

    def minutes(self) -> Minutes | None:
        """A business meeting's minutes as they stand, with the attendance of its record."""
        business = self.session.business
        return business.floor.attendance(self.session.attendance).minutes if business else None

    def discard(self) -> None:
        """Forget the meeting: nothing is saved, the journal goes."""
        self.journal.delete()

