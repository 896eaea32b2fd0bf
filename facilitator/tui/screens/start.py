"""The first screen: pick the meeting to run (the one scheduled nearest to now first)."""

from datetime import date, datetime

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.core.calendar_words import short_date
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _
from facilitator.core.records.record import Record
from facilitator.core.records.saved_today import run_again_question, saved_line
from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.screens.chips.calculator_key import CALCULATOR_BINDING, CalculatorAction
from facilitator.core.schedule.schedule import describe_next, nearest_first
from facilitator.store.local_time import local_zone
from facilitator.tui.breakpoints import keep_styles_at_first_resume, take_breakpoint_classes
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.keys import FooterOrder
from facilitator.tui.plain_text import plain_text
from facilitator.tui.widgets.steady_footer import SteadyFooter


# After the first paint (start-up stays lean), before a person has read the list.
PRELOAD_SECONDS = 0.5


class StartScreen(GuardedHandlers, CalculatorAction, FooterOrder, Screen):
    """Choose a meeting and start it; resume one left behind first."""

    BINDINGS = [
        Binding("enter", "start_meeting", N_("Start meeting"), id="start.begin"),
        Binding("f2", "new_meeting", N_("New meeting"), id="start.new", priority=True),
        Binding("f4", "history", N_("History"), id="start.history", priority=True,
                tooltip=N_("Past records: filters, totals, trend; correct or delete one")),
        Binding("f9", "settings", N_("Settings"), id="start.settings", priority=True),
        # The same without F-keys: no text box on this screen takes single letters.
        Binding("n", "new_meeting", N_("New meeting"), id="start.new_letter", show=False),
        Binding("h", "history", N_("History"), id="start.history_letter", show=False),
        Binding("comma", "settings", N_("Settings"), id="start.settings_letter", show=False),
        CALCULATOR_BINDING,
        Binding("ctrl+o", "treasury", N_("Treasury"), id="start.treasury", priority=True,
                tooltip=N_("The 7th tradition ledger: balance, reserve, split (key: ctrl+o)")),
        Binding("ctrl+q", "app.quit", N_("Quit"), id="start.quit", priority=True),
        Binding("q", "app.quit", N_("Quit"), id="start.quit_letter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        take_breakpoint_classes(self)  # styled once, at the size it opens at

    def compose(self) -> ComposeResult:
        yield Header()  # its clock would read the system time, not the app's clock
        with Vertical(id="start-body"):
            yield Static(_("Which meeting are we running?"), id="start-title")
            yield OptionList(id="meeting-list")
            # Translators: a one-line hint at 80 columns; the key names stay as they are.
            yield Static(_("Enter starts the meeting · F2 or n adds one · F9 or , settings"),
                         id="start-hint")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.call_after_refresh(self.app.when_database_held, self.database_held)
        self.refresh_meetings()
        self.set_timer(PRELOAD_SECONDS, self.preload_meeting_code)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        keep_styles_at_first_resume(self, event)

    def language_changed(self) -> None:
        """Rebuilt in another language: the list is filled again, in its words."""
        self.refresh_meetings()

    def preload_meeting_code(self) -> None:
        """Load the meeting screen's code while the person reads the list, not after Enter:
        the first opening spent about half its time importing it."""
        import facilitator.tui.screens.meeting.screen  # noqa: F401

    def refresh_meetings(self) -> None:
        options = self.query_one("#meeting-list", OptionList)
        options.clear_options()
        now = self.local_now()
        # The day and month named as the locale names them ("Wed 02 Dec" / "mié 02 dic").
        self.sub_title = f"{short_date(now)}  {now:%H:%M}"
        choices = []
        for meeting in nearest_first(self.app.database.meetings(), now):
            label = plain_text(meeting.name)
            schedule = " · ".join(part for part in (meeting.describe_schedule(),
                                                    describe_next(meeting, now)) if part)
            if schedule:
                label = Content.assemble(label, plain_text("  " + schedule, "dim"))
            saved = self.saved_today(meeting, now.date())
            if saved is not None:
                label = Content.assemble(label, plain_text("  " + saved_line(saved), "bold"))
            choices.append(Option(label, id=meeting.key))
        options.add_options(choices)  # at once: one layout, not one per meeting
        if options.option_count:
            options.highlighted = 0
        options.focus()

    def local_now(self) -> datetime:
        """The app clock's wall time in the laptop's zone, so schedules follow DST."""
        return self.app.clock.now().replace(tzinfo=local_zone())

    def database_held(self, read_again: bool) -> None:
        """The app is the database's writer now: the list again if another window changed
        the file meanwhile, then any meeting left behind."""
        if read_again:
            self.refresh_meetings()
        self.check_left_behind()

    def check_left_behind(self) -> None:
        if self.app.screen is not self:
            # Enter came before this deferred check: the journal found now is the new meeting's.
            return
        left = None
        if self.app.journal_path.exists():  # the meeting code loads only when needed
            from facilitator.store.live_meeting import find_left_behind

            try:
                left = find_left_behind(self.app.journal_path)
            except FacilitatorError as error:
                self.offer_discard(str(error))
                return
        if left is not None:
            from facilitator.tui.screens.meeting.resume import ResumeScreen

            self.app.push_screen(ResumeScreen(left), self.after_resume_choice)
        elif not self.app.database.meetings():
            self.action_new_meeting()

    def offer_discard(self, problem: str) -> None:
        """A journal that can't be read blocks every meeting: say why, offer to remove it."""
        from facilitator.store import journal
        from facilitator.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool) -> None:
            if yes:
                journal.remove(self.app.journal_path)
                self.notify(_("The damaged meeting in progress was discarded."))

        # Translators: {problem} says why the journal can't be read (one sentence, no period).
        question = _("{problem}.\n\nDiscard it to start afresh?").format(problem=problem)
        self.app.push_screen(ConfirmScreen(question, _("Discard"), _("Not now")), answered)

    def after_resume_choice(self, live) -> None:
        if live is not None:
            self.open_meeting(live)

    def action_new_meeting(self) -> None:
        from facilitator.tui.screens.meeting.form import MeetingFormScreen

        first = not self.app.database.meetings()
        self.app.push_screen(MeetingFormScreen(first_run=first), self.after_new_meeting)

    def after_new_meeting(self, meeting: Meeting | None) -> None:
        self.refresh_meetings()
        if meeting is not None:
            options = self.query_one("#meeting-list", OptionList)
            options.highlighted = options.get_option_index(meeting.key)

    @on(OptionList.OptionSelected, "#meeting-list")
    def selected(self) -> None:
        self.action_start_meeting()

    def highlighted_meeting(self) -> Meeting | None:
        """The meeting under the cursor; None (and a hint) when there is none yet."""
        options = self.query_one("#meeting-list", OptionList)
        if options.highlighted is None:
            self.notify(_("Add a meeting first (F2 or n)."), severity="warning")
            return None
        return self.app.database.find_meeting(options.get_option_at_index(options.highlighted).id)

    def saved_today(self, meeting: Meeting, today: date) -> Record | None:
        """The record this meeting already has for today, if any (none known when the
        records cannot be read: the meeting still runs, and saving it says what is wrong)."""
        try:
            return self.app.database.find_record(meeting.name, today)
        except FacilitatorError:
            return None

    def action_start_meeting(self) -> None:
        meeting = self.highlighted_meeting()
        if meeting is None:
            return
        saved = self.saved_today(meeting, self.local_now().date())
        if saved is None:
            self.begin(meeting)
            return
        from facilitator.tui.screens.confirm import ConfirmScreen

        def answered(again: bool) -> None:
            if again:
                self.begin(meeting)

        self.app.push_screen(ConfirmScreen(run_again_question(saved), _("Run again, replace it"),
                                           _("Cancel")), answered)

    def begin(self, meeting: Meeting) -> None:
        """Start `meeting` afresh: its journal is written before the screen opens."""
        from facilitator.store.live_meeting import LiveMeeting

        try:
            live = LiveMeeting.begin(self.app.journal_path, meeting, self.app.settings,
                                     self.app.clock)
        except FileExistsError:
            self.check_left_behind()
            return
        except FacilitatorError as error:
            self.notify(str(error), severity="error")
            return
        self.open_meeting(live)

    def open_meeting(self, live) -> None:
        from facilitator.tui.screens.meeting.screen import MeetingScreen

        self.app.push_screen(MeetingScreen(live), lambda _: self.refresh_meetings())

    def extra_commands(self):
        from textual.app import SystemCommand

        yield SystemCommand(_("Edit format…"), _("The agenda of the highlighted meeting"),
                            self.action_edit_format)

    def action_edit_format(self) -> None:
        meeting = self.highlighted_meeting()
        if meeting is None:
            return
        from facilitator.tui.screens.format_editor import FormatEditorScreen

        self.app.push_screen(FormatEditorScreen(meeting),
                             lambda _: self.after_new_meeting(meeting))

    def action_history(self) -> None:
        from facilitator.tui.screens.history.screen import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_treasury(self) -> None:
        from facilitator.tui.screens.treasury.screen import TreasuryScreen

        self.app.push_screen(TreasuryScreen())

    def action_settings(self) -> None:
        from facilitator.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen(), lambda _: self.refresh_meetings())
