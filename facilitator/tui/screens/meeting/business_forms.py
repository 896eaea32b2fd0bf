"""The business floor's dialogs: a motion moved, the hands counted in a vote, a report's
words, and a tabled motion taken up."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from facilitator.core.business.minutes import Report
from facilitator.core.business.motion import Motion
from facilitator.core.business.votes import Vote, check_against_attendance
from facilitator.core.business.words import kind_label, threshold_label
from facilitator.core.errors import FacilitatorError, ValidationError
from facilitator.core.i18n import N_, _, ngettext
from facilitator.core.meeting.actions import BusinessReport, MotionMove, MotionVote
from facilitator.core.settings import MOTION_KINDS, GroupSettings
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.dialog import Dialog

DIALOG_BINDINGS = [
    Binding("ctrl+s", "save", N_("Save"), id="business_form.save", priority=True),
    Binding("escape", "cancel", N_("Cancel"), id="business_form.cancel"),
]


class BusinessForm(Dialog):
    """Enter in a box or ctrl+s saves; a refused value is said in the dialog, nothing sent."""

    BINDINGS = DIALOG_BINDINGS

    def buttons(self) -> ComposeResult:
        yield Static("", id="form-error", classes="error-line")
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("Save (ctrl+s)"), variant="primary", id="save", action="screen.save")
            yield Button(_("Cancel (esc)"), id="cancel", action="screen.cancel")

    def on_mount(self) -> None:
        self.query(Input).first().focus()  # each form's first box: what it asks for

    def on_input_submitted(self) -> None:
        self.save()

    def value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def refuse(self, error: FacilitatorError) -> None:
        self.query_one("#form-error", Static).update(plain_text(error))

    def action_save(self) -> None:
        # ctrl+s is a priority key, handled before the letters typed just ahead of it reach
        # the box: save once the focused box's own queue has caught up.
        (self.focused or self).call_later(self.app.guarded(self.save))

    def save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)


class MotionForm(BusinessForm):
    """The motion in the group's words, its kind (the group's threshold for it), and the
    "moved and seconded" tick: nobody is named."""

    def __init__(self, settings: GroupSettings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="motion-form"):
            yield Static(_("A motion"), classes="dialog-title")
            yield Label(_("The motion, in the group's words"))
            yield Input(placeholder=_("e.g. that the group buys 50 chips"), id="motion-text")
            yield Label(_("Kind (the group's threshold for it)"))
            yield Select([(f"{kind_label(kind)} — "
                           f"{threshold_label(self.settings.threshold_for(kind))}", kind)
                          for kind in MOTION_KINDS], value=MOTION_KINDS[0], allow_blank=False,
                         id="motion-kind")
            yield Checkbox(_("Moved and seconded"), True, id="motion-seconded")
            yield from self.buttons()

    def save(self) -> None:
        kind = self.query_one("#motion-kind", Select).value
        threshold = self.settings.threshold_for(str(kind))
        seconded = self.query_one("#motion-seconded", Checkbox).value
        try:  # the motion's own check, before anything is journalled
            motion = Motion.move(self.value("motion-text"), threshold, seconded)
        except FacilitatorError as error:
            self.refuse(error)
            return
        self.dismiss(MotionMove(motion.text, threshold, seconded))


def parse_counts(typed: str, threshold: str) -> Vote:
    """'14 6' or '14 6 1' (spaces, commas or slashes between): for, against, abstain, each
    through the strict count parser."""
    counts = [part for part in typed.replace(",", " ").replace("/", " ").split() if part]
    if len(counts) not in (2, 3):
        raise ValidationError(N_("votes"), _("type the hands for, against and abstaining, "
                                             "e.g. 14 6 1"))
    return Vote(*counts, *(["0"] if len(counts) == 2 else []), threshold=threshold)


class VoteForm(BusinessForm):
    """For, against, abstaining in one box, through the strict count parser. More hands
    than the attendance are refused; with nobody signed in, a warning asks for a second
    save."""

    def __init__(self, motion: Motion, attendance: int) -> None:
        super().__init__()
        self.motion = motion
        self.attendance = attendance
        self.warned = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="vote-form"):
            yield Static(plain_text(_("Vote: {motion}").format(motion=self.motion.text)),
                         classes="dialog-title")
            yield Static(plain_text(ngettext("Needs {threshold}; {n} signed in.",
                                             "Needs {threshold}; {n} signed in.",
                                             self.attendance).format(
                threshold=threshold_label(self.motion.threshold), n=self.attendance)),
                classes="dim-line")
            yield Label(_("For, against, abstain (abstain may be left out)"))
            yield Input(placeholder=_("e.g. 14 6 1"), id="vote-counts")
            yield from self.buttons()

    def save(self) -> None:
        try:
            vote = parse_counts(self.value("vote-counts"), self.motion.threshold)
            warning = check_against_attendance(vote, self.attendance)
        except FacilitatorError as error:
            self.refuse(error)
            return
        if warning and not self.warned:
            self.warned = True
            self.query_one("#form-error", Static).update(
                plain_text(_("Warning: {warning}. Save again to record it.").format(
                    warning=warning)))
            return
        self.dismiss(MotionVote(vote.for_, vote.against, vote.abstain))


class ReportForm(BusinessForm):
    """A report's words for the minutes (the secretary's, the treasurer's, the GSR's): the
    group's text, checked like a motion's (no control or bidi characters)."""

    def __init__(self, section: str, start: str = "") -> None:
        super().__init__()
        self.section = section
        self.start = start

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="report-form"):
            yield Static(plain_text(self.section), classes="dialog-title")
            yield Label(_("The report in the group's words (counts and amounts; no names)"))
            yield Input(self.start, placeholder=_("e.g. 14 meetings, 212 attending"),
                        id="report-text")
            yield from self.buttons()

    def save(self) -> None:
        try:  # the report's own check, before anything is journalled
            report = Report(self.section, self.value("report-text"))
        except FacilitatorError as error:
            self.refuse(error)
            return
        self.dismiss(BusinessReport(report.section, report.text))
