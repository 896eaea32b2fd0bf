"""One line under the header: the current section, its time against the plan, what is next."""

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from facilitator.core.i18n import _, counted
from facilitator.core.meeting.agenda import AgendaProgress
from facilitator.core.meeting.session import MeetingSession
from facilitator.tui.plain_text import plain_text
from facilitator.tui.widgets.meeting_header import clock_text


def agenda_line(agenda: AgendaProgress, now: float, end_t: float | None = None) -> Content:
    """'3/8 Readings 3:10 / 5:00 · next Announcements 3 min', plain text and styles only."""
    total = len(agenda.format)
    section = agenda.current
    if section is None:
        return Content.styled(counted("Agenda done: {n} section", "Agenda done: all {n} sections",
                                      total), "dim")
    used = agenda.used(now)
    over = agenda.over(now)
    parts = [
        Content.styled(f"{agenda.index + 1}/{total} ", "dim"),
        plain_text(section.title, "bold"),
        Content.styled(f" {clock_text(used)} / {clock_text(section.seconds)}",
                       "bold $warning" if over else ""),
    ]
    if over:
        over_by = _("over by {time}").format(time=clock_text(-agenda.remaining(now)))
        parts.append(Content.styled(f" {over_by}", "$warning"))
    if section.kind == "shares":
        left = agenda.shares_time_left(now, end_t)
        left_text = _("{time} left for shares").format(time=clock_text(left))
        parts.append(Content.styled(f" · {left_text}", "$accent"))
    upcoming = agenda.upcoming
    if upcoming is None:
        parts.append(Content.styled(" · " + _("last section"), "dim"))
    else:
        # Translators: before the next section's title and length, "next Readings 5 min".
        parts.append(Content.styled(" · " + _("next") + " ", "dim"))
        # Translators: a section's title, then its planned minutes.
        parts.append(plain_text(_("{section} {minutes} min").format(section=upcoming.title,
                                                                     minutes=upcoming.minutes)))
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
