"""One line under the header: the current section, its time against the plan, what is next."""

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from facilitator.core.meeting.agenda import AgendaProgress
from facilitator.core.meeting.session import MeetingSession
from facilitator.tui.plain_text import plain_text
from facilitator.tui.widgets.meeting_header import clock_text


def agenda_line(agenda: AgendaProgress, now: float, end_t: float | None = None) -> Content:
    """'3/8 Readings 3:10 / 5:00 · next Announcements 3 min', plain text and styles only."""
    total = len(agenda.format)
    section = agenda.current
    if section is None:
        return Content.styled(f"Agenda done: all {total} sections", "dim")
    used = agenda.used(now)
    over = agenda.over(now)
    parts = [
        Content.styled(f"{agenda.index + 1}/{total} ", "dim"),
        plain_text(section.title, "bold"),
        Content.styled(f" {clock_text(used)} / {clock_text(section.seconds)}",
                       "bold $warning" if over else ""),
    ]
    if over:
        parts.append(Content.styled(f" over by {clock_text(-agenda.remaining(now))}", "$warning"))
    if section.kind == "shares":
        left = agenda.shares_time_left(now, end_t)
        parts.append(Content.styled(f" · {clock_text(left)} left for shares", "$accent"))
    upcoming = agenda.upcoming
    if upcoming is None:
        parts.append(Content.styled(" · last section", "dim"))
    else:
        parts.append(Content.styled(" · next ", "dim"))
        parts.append(plain_text(f"{upcoming.title} {upcoming.minutes} min"))
    return Content.assemble(*parts)


class AgendaLine(Widget):
    """Always in sight when the meeting has a format; shows `session` at meeting time `now`."""

    DEFAULT_CSS = """
    AgendaLine { height: 1; padding: 0 1; background: $boost; }
    AgendaLine.-none { display: none; }
    """

    session: reactive[MeetingSession | None] = reactive(None)
    now: reactive[float] = reactive(0.0)

    def watch_session(self, session: MeetingSession | None) -> None:
        self.set_class(session is None or session.agenda is None, "-none")

    def render(self) -> Content:
        session = self.session
        if session is None or session.agenda is None:
            return Content("")
        return agenda_line(session.agenda, self.now, session.end_t)
