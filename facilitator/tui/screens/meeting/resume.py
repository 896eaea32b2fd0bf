"""A meeting was left behind (crash, power cut, closed terminal): resume or discard it."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _, ngettext, number
from facilitator.store import journal
from facilitator.store.live_meeting import LeftBehind, LiveMeeting
from facilitator.tui.plain_text import plain_text
from facilitator.core.calendar_words import short_date
from facilitator.tui.screens.dialog import Dialog


class ResumeScreen(Dialog):
    """Nothing else can start until this is answered."""

    BINDINGS = [
        Binding("r", "resume", N_("Resume"), id="resume.resume"),
        Binding("d", "discard", N_("Discard"), id="resume.discard"),
    ]

    def __init__(self, left: LeftBehind) -> None:
        super().__init__()
        self.left = left

    def compose(self) -> ComposeResult:
        session = self.left.session
        started = f"{short_date(session.started)} {session.started:%H:%M}"
        lines = [
            _("A meeting in progress was left behind."),
            "",
            _("{meeting}, started {started}").format(meeting=session.meeting, started=started),
            # Translators: {attendance} people signed in, {n} of them newcomers.
            ngettext("{attendance} signed in, {n} newcomer",
                     "{attendance} signed in, {n} newcomers", session.newcomers).format(
                attendance=number(session.attendance), n=number(session.newcomers)),
            _("last action at {time}").format(time=f"{self.left.last_wall:%H:%M:%S}"),
        ]
        if self.left.dropped_lines:
            lines.append(_("(the very last action was cut off when the app stopped; "
                           "it is dropped)"))
        if self.left.skipped_actions:
            lines.append(f"({self.left.skipped_note})")
        if self.left.closing:
            lines.append(_("The app stopped while saving this meeting: resume and end it again."))
        with Vertical(classes="dialog", id="resume-dialog"):
            yield Static(plain_text("\n".join(lines)), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Resume (r)"), variant="primary", id="resume",
                             action="screen.resume")
                yield Button(_("Discard (d)"), variant="error", id="discard",
                             action="screen.discard")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()


    def action_resume(self) -> None:
        try:
            live = LiveMeeting.resume(self.left, self.app.clock)
        except FacilitatorError as error:
            self.notify(str(error), severity="error")
            return
        self.dismiss(live)

    def action_discard(self) -> None:
        from facilitator.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool) -> None:
            if yes:
                journal.remove(self.left.path)
                self.notify(_("The meeting was discarded; nothing was saved."))
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(_("Discard this meeting? Its counts will not be saved."), _("Discard"),
                          _("Keep")),
            answered,
        )
