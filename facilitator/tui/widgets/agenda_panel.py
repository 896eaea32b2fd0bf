"""The agenda tab: every section with its plan and time used, then the current reading."""

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive, var
from textual.widgets import Static

from facilitator.core.i18n import _
from facilitator.core.meeting.agenda import AgendaProgress
from facilitator.core.meeting.session import MeetingSession
from facilitator.tui.plain_text import plain_text
from facilitator.tui.widgets.meeting_header import clock_text

TITLE_WIDTH = 18


def section_lines(agenda: AgendaProgress, now: float) -> Content:
    """One line per section: number, title, planned minutes, time used; the current marked."""
    used = agenda.used_by_section(now)
    lines = []
    for index, (section, seconds) in enumerate(zip(agenda.format.sections, used)):
        current = index == agenda.index
        title = section.title if len(section.title) <= TITLE_WIDTH else (
            section.title[: TITLE_WIDTH - 1] + "…")
        spent = clock_text(seconds) if seconds or current else ""
        over = seconds > section.seconds
        line = Content.assemble(
            ("▶" if current else " "),
            plain_text(f"{index + 1:>2} {title:<{TITLE_WIDTH}} {section.minutes:>3}m "),
            Content.styled(f"{spent:>6}", "$warning" if over else ""),
        )
        if current:
            line = line.stylize("bold reverse")
        elif index < agenda.index:
            line = line.stylize("dim")
        lines.append(line)
    return Content("\n").join(lines)


@dataclass(frozen=True)
class Reading:
    """The reading file of the section at `index`, as the screen loaded it: its text, or the
    one line that says why it can't be shown (`problem`)."""

    index: int
    text: str
    problem: bool = False


def reading_text(agenda: AgendaProgress, reading: Reading | None) -> tuple[Content, bool]:
    """What to show under the list, and whether it is a problem (a reading that can't load)."""
    section = agenda.current
    if section is None:
        return Content(_("The agenda is done.")), False
    if section.reading:
        if reading is None or reading.index != agenda.index:
            return Content(""), False  # not loaded yet
        return plain_text(reading.text), reading.problem
    if section.note:
        return plain_text(section.note), False
    return Content.styled(_("(no reading or note for this section)"), "dim"), False


class AgendaPanel(Vertical):
    """Shows `session` at meeting time `now` and the current section's `reading`, which the
    screen loads; the screen moves the agenda (F12 / shift+F12)."""

    DEFAULT_CSS = """
    AgendaPanel { height: 1fr; }
    AgendaPanel #agenda-shares { height: auto; padding: 0 1; color: $accent; }
    AgendaPanel #agenda-sections { height: auto; max-height: 50%; scrollbar-size-vertical: 1; }
    AgendaPanel #agenda-list { width: 100%; }
    AgendaPanel #agenda-reading {
        height: 1fr; min-height: 4; border-top: solid $primary-darken-2; padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    AgendaPanel #agenda-reading:focus { border-top: solid $accent; }
    AgendaPanel #agenda-reading.-problem #agenda-text { color: $error; }
    """

    session: reactive[MeetingSession | None] = reactive(None)
    now: var[float] = var(0.0)  # its watcher updates the parts; nothing to repaint here
    reading: var[Reading | None] = var(None)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown_section: tuple[int, str | None, Reading | None] | None = None
        self.drawn: tuple[MeetingSession, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="agenda-shares")
        with VerticalScroll(id="agenda-sections", can_focus=False):
            yield Static(id="agenda-list")
        with VerticalScroll(id="agenda-reading"):
            yield Static(id="agenda-text")

    def watch_session(self) -> None:
        self.redraw()

    def watch_now(self) -> None:
        self.redraw()

    def watch_reading(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        session = self.session
        if session is None or session.agenda is None or not self.is_mounted:
            return
        agenda, now = session.agenda, self.now
        self.show_reading(agenda)
        if self.drawn == (session, int(now)):
            return  # `now` moves several times a second; the list shows whole seconds
        self.drawn = (session, int(now))
        self.query_one("#agenda-list", Static).update(section_lines(agenda, now))
        left = agenda.shares_time_left(now, session.end_t)
        self.query_one("#agenda-shares", Static).update(
            plain_text("" if left is None
                       else _("time left for shares: {time}").format(time=clock_text(left))))

    def show_reading(self, agenda: AgendaProgress) -> None:
        """Redrawn (and scrolled back to its top) only when the section or its text changes."""
        current = agenda.current
        key = (agenda.index, current.reading if current else None, self.reading)
        if key == self.shown_section:
            return
        self.shown_section = key
        text, problem = reading_text(agenda, self.reading)
        self.query_one("#agenda-text", Static).update(text)
        reading = self.query_one("#agenda-reading", VerticalScroll)
        reading.set_class(problem, "-problem")
        reading.scroll_home(animate=False)
        self.query_one("#agenda-sections", VerticalScroll).scroll_to(
            y=max(0, agenda.index - 1), animate=False)
