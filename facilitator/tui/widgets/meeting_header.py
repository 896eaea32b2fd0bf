"""The meeting's header line: name, date, wall clock, time since start and time left."""

from datetime import datetime

from textual.reactive import reactive
from textual.widget import Widget
from textual.content import Content

from facilitator.core.calendar_words import short_date
from facilitator.core.i18n import _, number
from facilitator.core.meeting.agenda import drift_text
from facilitator.core.meeting.session import MeetingSession
from facilitator.tui.plain_text import plain_text


def clock_text(seconds: float) -> str:
    """1:05:09 or 5:09."""
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class MeetingHeader(Widget):
    """Shows `session` at meeting time `now` (seconds since it began) and time of day `wall`."""

    DEFAULT_CSS = """
    MeetingHeader { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    session: reactive[MeetingSession | None] = reactive(None)
    now: reactive[float] = reactive(0.0)
    wall: reactive[datetime | None] = reactive(None)

    def __init__(self, demo: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.demo = demo  # made-up data (`facilitator demo`): never mistaken for the group's own

    def render(self) -> Content:
        session, wall, elapsed = self.session, self.wall, self.now
        if session is None or wall is None:
            return Content("")
        if self.size.width >= 60:
            # The date and the word "running" go first when the line is too long to fit (a
            # long meeting name, or a language with longer words).
            full = self.line(session, wall, elapsed, narrow=False)
            if full.cell_length <= self.content_size.width:
                return full
        return self.line(session, wall, elapsed, narrow=True)

    def line(self, session: MeetingSession, wall: datetime, elapsed: float,
             narrow: bool) -> Content:
        parts = [
            plain_text(session.meeting, "bold"),
            Content(f"  {wall:%H:%M}" if narrow
                    else f"  {short_date(session.date)}  {wall:%H:%M}"),
            # Translators: {time} is how long the meeting has been running, "1:05:09".
            Content("  " + (clock_text(elapsed) if narrow
                            else _("running {time}").format(time=clock_text(elapsed)))),
        ]
        if self.demo:
            parts.insert(0, Content.styled(_("DEMO") + "  ", "bold $warning"))
        if self.screen.has_class("-short"):
            # A short terminal hides the counts bar: the headcount stays in sight here, first.
            # Translators: the headcount of a short terminal's header, "12 in": keep it short.
            headcount = _("{n} in").format(n=number(session.attendance))
            parts.insert(0, Content.styled(f"{headcount}  ", "bold $accent"))
        if session.agenda is not None:  # against the format: "3 min behind"
            drift = session.agenda.drift(elapsed)
            parts.append(Content.styled(f"  {drift_text(drift)}",
                                        "bold $warning" if drift >= 60 else ""))
        if session.duration_minutes:
            left = session.duration_minutes * 60 - elapsed
            text = (_("left {time}").format(time=clock_text(left)) if left >= 0
                    else _("over by {time}").format(time=clock_text(-left)))
            parts.append(Content.styled(f"  {text}", "bold $warning" if left < 300 else ""))
        return Content.assemble(*parts)
