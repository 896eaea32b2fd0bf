"""A business meeting's minutes as a value: attendance, the reports, each motion and its life.

Counts and the group's own text only: no mover, seconder or voter is ever named. The
minutes of one meeting and date are kept with its record (store/); `minutes_markdown` is
ready to read out at the next meeting and `minutes_document` is the JSON form that export,
import and merge carry.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from facilitator.core import validate
from facilitator.core.business.motion import Motion
from facilitator.core.business.votes import Vote
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _, pgettext

MEETING_LIMIT = 80  # as a record's meeting name
SECTION_LIMIT = 80  # an agenda section's title (40) or a heading typed from paper
REPORT_LIMIT = 2000
MAX_MOTIONS = 100
MAX_REPORTS = 20
MAX_ATTENDANCE = 100_000


@dataclass(frozen=True)
class Report:
    """One report given, in the group's words: 'Treasurer's report', '$120 in, $80 rent'."""

    section: str
    text: str = ""

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "section", validate.text(N_("report"), self.section, maximum=SECTION_LIMIT,
                                            required=True))
        set_(self, "text", validate.text(N_("report text"), self.text, maximum=REPORT_LIMIT))

    def to_dict(self) -> dict:
        return {"section": self.section, "text": self.text}

    @classmethod
    def from_dict(cls, data: object) -> "Report":
        if not isinstance(data, Mapping):
            raise ValidationError(N_("report"), _("is not an object"))
        return cls(data.get("section"), data.get("text", ""))


@dataclass(frozen=True)
class Minutes:
    """The minutes of one business meeting; `attendance` 0 when nobody signed in."""

    meeting: str
    date: date
    attendance: int = 0
    reports: tuple[Report, ...] = ()
    motions: tuple[Motion, ...] = ()

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "meeting", validate.text(N_("meeting"), self.meeting, maximum=MEETING_LIMIT,
                                            required=True))
        if not isinstance(self.date, date):
            raise ValidationError(N_("date"), _("must be a date"))
        set_(self, "attendance", validate.count(N_("attendance"), self.attendance,
                                                maximum=MAX_ATTENDANCE))
        set_(self, "reports", _items(self.reports, Report, N_("reports"), MAX_REPORTS))
        set_(self, "motions", _items(self.motions, Motion, N_("motions"), MAX_MOTIONS))

    @property
    def key(self) -> tuple[str, str]:
        """One set of minutes per meeting and date, like a record."""
        return (self.meeting.casefold(), self.date.isoformat())

    def with_motion(self, motion: Motion) -> "Minutes":
        """A motion added, or, when one with the same text is there, put in its place."""
        kept = [m for m in self.motions if m.text.casefold() != motion.text.casefold()]
        at = next((i for i, m in enumerate(self.motions)
                   if m.text.casefold() == motion.text.casefold()), len(kept))
        return replace(self, motions=(*kept[:at], motion, *kept[at:]))

    def find_motion(self, text: str) -> Motion | None:
        folded = text.strip().casefold()
        return next((m for m in self.motions if m.text.casefold() == folded), None)

    def with_report(self, report: Report) -> "Minutes":
        """A report added, or put in place of the one of the same section."""
        kept = tuple(r for r in self.reports if r.section.casefold() != report.section.casefold())
        return replace(self, reports=(*kept, report))

    def to_dict(self) -> dict:
        return {"meeting": self.meeting, "date": self.date.isoformat(),
                "attendance": self.attendance,
                "reports": [r.to_dict() for r in self.reports],
                "motions": [m.to_dict() for m in self.motions]}

    @classmethod
    def from_dict(cls, data: object) -> "Minutes":
        """Stored or exported minutes read back, every value checked."""
        if not isinstance(data, Mapping):
            raise ValidationError(pgettext("business meeting", "minutes"), _("is not an object"))
        day = data.get("date")
        try:
            day = date.fromisoformat(day) if isinstance(day, str) and len(day) == 10 else None
        except ValueError:
            day = None
        if day is None:
            raise ValidationError(N_("minutes, date"), _("is not a date written YYYY-MM-DD"))
        return cls(data.get("meeting"), day, data.get("attendance", 0),
                   tuple(map(Report.from_dict, _listed(data.get("reports", []), "reports"))),
                   tuple(map(Motion.from_dict, _listed(data.get("motions", []), "motions"))))


def _listed(value: object, field: str) -> Sequence:
    if not isinstance(value, list):
        raise ValidationError(f"minutes, {field}", _("must be a list"))
    return value


def _items(values: object, kind: type, field: str, limit: int) -> tuple:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ValidationError(field, _("must be a list"))
    values = tuple(values)
    if len(values) > limit:
        raise ValidationError(field, _("more than {limit}").format(limit=limit))
    if not all(isinstance(value, kind) for value in values):
        raise ValidationError(field, _("holds something of the wrong kind"))
    return values


def still_tabled(earlier: Iterable[Minutes]) -> list[Motion]:
    """Motions tabled and not taken up since, oldest meeting first: the old business of the
    next business meeting (a motion is known by its text, in any case)."""
    latest: dict[str, Motion] = {}
    for minutes in sorted(earlier, key=lambda m: m.date):
        for motion in minutes.motions:
            folded = motion.text.casefold()
            latest.pop(folded, None)  # re-inserted: the latest appearance's place
            latest[folded] = motion
    return [motion for motion in latest.values() if motion.stage == "tabled"]


def with_vote(minutes: Minutes, text: str, vote: Vote, *, revote: bool = False,
              threshold: str = "majority") -> tuple[Minutes, Motion]:
    """Paper minutes typed in: a motion moved, voted and decided; or, with `revote`, the
    same motion's minority heard, reconsidered and voted again (the last vote decides)."""
    motion = Motion.move(text, threshold)  # the text checked before anything else
    found = minutes.find_motion(motion.text)
    if not revote:
        if found is not None:
            raise ValidationError(N_("motion"), _(
                "already recorded for this meeting; add --revote to record a vote on its "
                "reconsideration"))
        motion = _voted(motion, vote).decide()
    else:
        if found is None or not found.votes:
            raise ValidationError(N_("motion"), _(
                "has no vote recorded for this meeting to reconsider; record its first vote "
                "without --revote"))
        motion = _reopened(found)
        if motion.stage == "result":
            motion = motion.hear_minority()
        motion = _voted(motion.reconsider(), vote).decide()
    return minutes.with_motion(motion), motion


def _voted(motion: Motion, vote: Vote) -> Motion:
    return motion.vote(vote.for_, vote.against, vote.abstain, vote.threshold)


def _reopened(motion: Motion) -> Motion:
    """A decided motion back at its result, so that a reconsideration can follow."""
    if motion.stage == "decided":
        return replace(motion, history=motion.history[:-1])
    return motion
