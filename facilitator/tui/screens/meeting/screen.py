"""The meeting screen: kept open by the facilitator for the whole meeting."""

from datetime import datetime
from functools import partial

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive, var
from textual.screen import Screen
from textual.widgets import Input, Static, TabbedContent, TabPane

from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _, counted, pgettext, translated
from facilitator.core.money import parse_amount
from facilitator.core.names import clean_name
from facilitator.core.meeting import actions
from facilitator.core.meeting.hybrid import collected_text
from facilitator.core.meeting.session import MeetingSession
from facilitator.store.live_meeting import LiveMeeting
from facilitator.tui.breakpoints import keep_styles_at_first_resume, take_breakpoint_classes
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.keys import FooterOrder
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.meeting.agenda import AGENDA_BINDINGS, AgendaActions
from facilitator.tui.screens.meeting.business import (BUSINESS_BINDINGS, BusinessActions,
                                                      has_business)
from facilitator.tui.screens.meeting.chips import CHIPS_BINDINGS, ChipActions
from facilitator.tui.screens.meeting.discard import ask_to_discard
from facilitator.tui.widgets.agenda_line import AgendaLine
from facilitator.tui.widgets.agenda_panel import AgendaPanel, Reading
from facilitator.tui.widgets.attendee_table import AttendeeTable
from facilitator.tui.widgets.business_panel import BusinessPanel
from facilitator.tui.widgets.counts_bar import CountsBar
from facilitator.tui.widgets.meeting_header import MeetingHeader
from facilitator.tui.widgets.queue_list import QueueList
from facilitator.tui.widgets.shares_panel import SharesPanel
from facilitator.tui.widgets.steady_footer import SteadyFooter

# The queue list's move keys name the action they send.
QUEUE_MOVES = {"queue_remove": actions.QueueRemove, "queue_up": actions.QueueUp,
               "queue_down": actions.QueueDown, "queue_top": actions.QueueTop}

# The screen's one clock tick: often enough that the share clock turns over with the second.
TICK_SECONDS = 0.2


class MeetingScreen(GuardedHandlers, ChipActions, AgendaActions, BusinessActions, FooterOrder,
                    Screen):
    """Sign-in, the 7th tradition, undo; every action is journaled before it shows."""

    # Function keys and ctrl combinations reach the screen even while an Input has focus.
    # Each F-key has a twin needing no Fn (the footer shows it in the "letters" key mode);
    # most used first: the footer shows them in this order.
    BINDINGS = [
        Binding("f2", "sign_in", N_("Sign in"), id="meeting.sign_in", priority=True),
        Binding("enter", "sign_in", N_("Sign in"), id="meeting.sign_in_enter", show=False),
        Binding("f3,ctrl+w", "sign_in('newcomer')", N_("Newcomer"), id="meeting.sign_in_newcomer",
                priority=True, show=False),
        Binding("f4,ctrl+f", "sign_in('visitor')", N_("Visitor"), id="meeting.sign_in_visitor",
                priority=True, show=False),
        Binding("f5,ctrl+o", "sign_in('online')", N_("Online"), id="meeting.sign_in_online",
                priority=True, show=False),
        Binding("f6,ctrl+k", "correct", N_("Correct"), id="meeting.correct", priority=True,
                show=False),
        Binding("f7,ctrl+u", "focus_queue", N_("Queue"), id="meeting.queue", priority=True),
        Binding("ctrl+r", "queue_add", N_("Raise hand"), id="meeting.raise_hand", priority=True,
                tooltip=N_("The name typed signs in and joins the queue; box empty: the person "
                           "just signed in, or an anonymous hand")),
        Binding("ctrl+n", "share_start", N_("Next share"), id="meeting.next_share", priority=True),
        Binding("ctrl+e", "share_end", N_("End share"), id="meeting.end_share", priority=True),
        Binding("ctrl+b", "share_pause", N_("Pause"), id="meeting.pause", priority=True),
        Binding("f8,ctrl+d", "collection", N_("7th trad."), id="meeting.collection", priority=True),
        Binding("f10,ctrl+x", "end_meeting", N_("End"), id="meeting.end", priority=True),
        Binding("ctrl+z", "undo", N_("Undo"), id="meeting.undo", priority=True, show=False),
        Binding("ctrl+y", "redo", N_("Redo"), id="meeting.redo", priority=True, show=False),
        Binding("f9", "settings", N_("Settings"), id="meeting.settings", priority=True, show=False),
        Binding("comma", "settings", N_("Settings"), id="meeting.settings_letter", show=False),
        Binding("escape", "back_to_sign_in", N_("Back to sign-in"), id="meeting.back", show=False),
        Binding("ctrl+l", "toggle_display_names", N_("Names on display"),
                id="meeting.display_names", priority=True, show=False,
                tooltip=N_("Show first names on the room display, for this meeting only")),
        *AGENDA_BINDINGS,
        *CHIPS_BINDINGS,
        *BUSINESS_BINDINGS,
    ]

    # Parsed when the meeting first opens, not before the start screen's first paint.
    DEFAULT_CSS = """
    #meeting-body { height: 1fr; }
    #signin-panel { width: 1fr; min-width: 30; border: round $primary; border-title-align: left; }
    #shares-panel { width: 1fr; border: round $secondary; }
    #left-tabs { height: 1fr; }
    #left-tabs TabPane { padding: 0; }
    #tab-signin { height: 1fr; }
    #attendees { height: 1fr; }
    #tradition-bar { height: 3; }
    #tradition-label { width: auto; padding: 1 1; text-style: bold; }
    #collection-input { width: 24; }
    #collection-online-input { width: 14; }
    #collection-total { width: 1fr; padding: 1 1; }

    /* Small terminals: drop the side-by-side layout, keep every action reachable. The share
       clock stays on top: during shares it is what the facilitator looks at. */
    MeetingScreen.-narrow #meeting-body { layout: vertical; }
    MeetingScreen.-narrow #shares-panel { dock: top; height: auto; max-height: 70%; }
    MeetingScreen.-narrow #signin-panel { width: 100%; min-width: 0; }
    MeetingScreen.-narrow #queue-list { height: auto; max-height: 5; }
    MeetingScreen.-narrow.-business-tab #shares-panel { display: none; }
    /* Both amount boxes stay on screen at 40 columns: the footer names the bar (7th trad.). */
    MeetingScreen.-narrow #tradition-label { display: none; }
    MeetingScreen.-narrow #collection-input, MeetingScreen.-narrow #collection-online-input {
        width: 1fr;
    }
    MeetingScreen.-narrow #collection-total { width: auto; max-width: 45%; }
    /* F7: the queue in sight */
    MeetingScreen.-narrow #shares-panel:focus-within { max-height: 100%; }
    MeetingScreen.-narrow #shares-suggestion, MeetingScreen.-medium #shares-suggestion {
        display: none;
    }
    MeetingScreen.-short #signin-panel, MeetingScreen.-short #shares-panel,
    MeetingScreen.-short #queue-list { border: none; }
    MeetingScreen.-short #counts, MeetingScreen.-short #shares-suggestion { display: none; }
    MeetingScreen.-short #tradition-bar { height: 1; }
    MeetingScreen.-short #name-input, MeetingScreen.-short #collection-input,
    MeetingScreen.-short #collection-online-input { border: none; height: 1; }
    MeetingScreen.-short #tradition-label, MeetingScreen.-short #collection-total {
        padding: 0 1;
    }
    """

    # Small terminals stack the panels (see DEFAULT_CSS).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-medium"), (80, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    # Shown with the name box focused at once: focusing the tabs first, then the box, styled
    # both twice more.
    AUTO_FOCUS = "#name-input"

    # The state the widgets show, passed down with data_bind: the session, the meeting time
    # `now` (seconds since it began), the time of day, the current section's reading.
    # `var`: the screen itself draws none of them, the widgets do.
    session: reactive[MeetingSession | None] = reactive(None, always_update=True)
    now: var[float] = var(0.0)
    wall: var[datetime | None] = var(None)
    reading: var[Reading | None] = var(None)

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live
        self.just_signed_in: int | None = None  # who ctrl+r queues with nothing typed
        take_breakpoint_classes(self)

    def compose(self) -> ComposeResult:
        yield MeetingHeader(demo=self.app.settings.demo, id="meeting-header").data_bind(
            MeetingScreen.session, MeetingScreen.now, MeetingScreen.wall)
        yield AgendaLine(id="agenda-line").data_bind(MeetingScreen.session, MeetingScreen.now)
        with Horizontal(id="meeting-body"):
            with Vertical(id="signin-panel"):
                yield CountsBar(id="counts").data_bind(MeetingScreen.session)
                with TabbedContent(id="left-tabs"):
                    # Translators: the tabs' titles share half of an 80-column screen.
                    with TabPane(_("Sign-in"), id="tab-signin"):
                        yield Input(placeholder=_("first name (optional) + Enter"),
                                    id="name-input")
                        yield AttendeeTable(id="attendees").data_bind(MeetingScreen.session)
                    if self.live.session.agenda is not None:
                        with TabPane(pgettext("tab", "Agenda"), id="tab-agenda"):
                            yield AgendaPanel(id="agenda-panel").data_bind(
                                MeetingScreen.session, MeetingScreen.now, MeetingScreen.reading)
                    with TabPane(_("Chips"), id="tab-chips"):
                        yield self.new_chips_panel().data_bind(MeetingScreen.session)
                    if has_business(self.live.session):
                        with TabPane(_("Business"), id="tab-business"):
                            yield BusinessPanel(id="business-panel").data_bind(
                                MeetingScreen.session, MeetingScreen.now)
            yield SharesPanel(self.app.settings.warning_seconds,
                              self.app.settings.closing_reserve_minutes * 60,
                              id="shares-panel").data_bind(MeetingScreen.session,
                                                           MeetingScreen.now)
        with Horizontal(id="tradition-bar"):
            yield Static(pgettext("label", "7th tradition"), id="tradition-label")
            yield Input(placeholder=_("amount, e.g. 31.50"), id="collection-input")
            yield Input(placeholder=_("online"), id="collection-online-input")
            yield Static("", id="collection-total")
        yield SteadyFooter(compact=True)  # compact: sign-in to End fit in 80 columns

    def on_mount(self) -> None:
        self.session = self.live.session
        self.set_interval(TICK_SECONDS, self.read_clock)
        self.query_one("#name-input", Input).focus()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        keep_styles_at_first_resume(self, event)

    def read_clock(self) -> None:
        """Pass the time down: the widgets compute what they show from it, never count ticks."""
        self.now = self.live.now()
        self.wall = self.live.clock.now()

    def watch_session(self, session: MeetingSession | None) -> None:
        if session is None:
            return
        # Before the widgets get the new state (they are bound after this watcher): the time
        # it took effect, and its section's reading.
        self.read_clock()
        self.reading = self.reading_of(session)
        self.follow_keys(session)
        self.query_one("#collection-total", Static).update(plain_text(collected_text(session)))

    def act(self, action: actions.Action, notice: str | None = None) -> bool:
        """Journal an action and say what it did (`notice`, else its own words); a refused
        action leaves a message only."""
        before = self.live.session
        try:
            self.session = self.live.do(action)
        except FacilitatorError as error:
            self.notify(str(error), severity="error")
            return False
        self.say_done(action, before, notice)
        return True

    def say_done(self, action: actions.Action, before: MeetingSession,
                 notice: str | None) -> None:
        """One short notice naming the person or amount; what may be regretted names its undo."""
        from facilitator.core.meeting import notices

        match action:
            case actions.Undo() | actions.Redo():
                return  # action_undo and action_redo name the step themselves
        self.just_signed_in = None  # any other action: ctrl+r no longer means that person
        text = notice or notices.describe(action, before, self.live.session)
        if isinstance(action, notices.UNDO_HINTED):
            # Translators: {notice} says what was just done; ctrl+z is the key that undoes it.
            text = _("{notice} (ctrl+z undoes)").format(notice=text)
        if text:
            self.notify(text, timeout=4)

    # -- sign-in -------------------------------------------------------------------------

    def show_tab(self, tab_id: str) -> None:
        self.query_one("#left-tabs", TabbedContent).active = tab_id

    @on(TabbedContent.TabActivated, "#left-tabs")
    def tab_shown(self, event: TabbedContent.TabActivated) -> None:
        # On a small terminal the Business tab takes the share clock's place (its panel
        # times each speaker to the motion itself), so a vote's arithmetic stays in sight.
        self.set_class(event.pane.id == "tab-business", "-business-tab")

    def action_sign_in(self, flag: str = "") -> None:
        # F2 is a priority key, handled before the letters typed just ahead of it reach the
        # Input: read the name once the Input's own queue has caught up.
        self.query_one("#name-input", Input).call_later(self.app.guarded(self.sign_in_typed), flag)

    def sign_in_typed(self, flag: str = "") -> None:
        self.show_tab("tab-signin")
        name_input = self.query_one("#name-input", Input)
        flags = {flag: True} if flag else {}
        name = clean_name(name_input.value)
        if self.act(actions.SignIn(name, **flags)):
            name_input.value = ""
            # ctrl+r with the box now empty queues the person just named.
            self.just_signed_in = self.live.session.attendees[-1].id if name else None

    @on(Input.Submitted, "#name-input")
    def name_submitted(self) -> None:
        self.action_sign_in()

    def on_key(self, event: events.Key) -> None:
        """A letter typed while the agenda is shown is a late arrival's name: take it there."""
        if not (event.character and event.is_printable and not event.character.isspace()):
            return
        name_input = self.query_one("#name-input", Input)
        # Letters reach the screen only when nothing took them: nothing focused, the reading
        # (it scrolls, it doesn't type), or the name box itself when several letters came at
        # once and the first one moved the focus while the rest were on their way.
        if self.focused not in (None, name_input) and self.focused.id != "agenda-reading":
            return
        event.stop()
        if self.focused is not name_input:
            self.show_tab("tab-signin")
            self.set_focus(name_input)  # at once, so the letters after this one follow it
        name_input.post_message(events.Key(event.key, event.character))

    def action_correct(self) -> None:
        table = self.query_one(AttendeeTable)
        attendee_id = table.selected_id
        if attendee_id is None:
            self.notify(_("Nobody is signed in yet."), severity="warning")
            return
        from facilitator.tui.screens.meeting.edit_attendee import EditAttendeeScreen

        person = self.live.session.attendee(attendee_id)
        self.app.push_screen(EditAttendeeScreen(person), self.after_correction)

    def after_correction(self, change: actions.Correct | actions.Remove | None) -> None:
        if change is not None:
            self.act(change)

    @on(AttendeeTable.RowSelected)
    def row_chosen(self) -> None:
        self.action_correct()

    # -- 7th tradition -------------------------------------------------------------------

    def action_collection(self) -> None:
        # At once, not with focus() (deferred): digits typed right after F8 belong here.
        self.set_focus(self.query_one("#collection-input", Input))

    @on(Input.Submitted, "#collection-input, #collection-online-input")
    def collection_submitted(self, event: Input.Submitted) -> None:
        """Either box sets its own amount; the other side stays as it was."""
        if not event.value.strip():
            return
        try:
            cents = parse_amount(event.value)
        except FacilitatorError as error:
            self.notify(str(error), severity="error")
            return
        session = self.live.session
        if event.input.id == "collection-online-input":
            action = actions.Collection(session.collection_in_room, online=cents)
        else:
            action = actions.Collection(cents, online=session.collection_online)
        if self.act(action):
            event.input.value = ""
            self.set_focus(self.query_one("#name-input", Input))

    # -- undo, settings, end -------------------------------------------------------------

    def action_undo(self) -> None:
        from facilitator.core.meeting.notices import undone

        step = self.live.history.last_step()
        if step is None:
            self.notify(_("Nothing to undo."))
            return
        if self.act(actions.Undo()):
            self.notify(undone(step), timeout=4)

    def action_redo(self) -> None:
        from facilitator.core.meeting.notices import redone

        step = self.live.history.next_step()
        if step is None:
            self.notify(_("Nothing to redo."))
            return
        if self.act(actions.Redo()):
            self.notify(redone(step), timeout=4)

    def action_settings(self) -> None:
        from facilitator.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_end_meeting(self) -> None:
        from facilitator.tui.screens.meeting.summary import SummaryScreen

        if self.live.session.timer is not None and not self.act(actions.ShareEnd()):
            return
        self.app.push_screen(SummaryScreen(self.live), self.after_summary)

    def action_discard_meeting(self) -> None:
        """Forget the meeting, after the same question the summary's Discard asks."""
        ask_to_discard(self, self.live, lambda: self.dismiss("discarded"))

    def after_summary(self, outcome: str | None) -> None:
        if outcome in {"saved", "discarded"}:
            self.dismiss(outcome)

    # -- speaker queue and shares --------------------------------------------------------

    @property
    def queue_list(self) -> QueueList:
        return self.query_one(QueueList)

    def action_focus_queue(self) -> None:
        if self.queue_list.has_focus:
            self.query_one("#name-input", Input).focus()
        else:
            self.queue_list.focus()

    def action_queue_add(self) -> None:
        """The typed name signs in and joins the queue; with the box empty, the person just
        signed in joins it, else an anonymous raised hand."""
        # As in sign-in: read the box once it has taken every key typed before.
        self.query_one("#name-input", Input).call_later(self.app.guarded(self.queue_typed))

    def queue_typed(self) -> None:
        name_input = self.query_one("#name-input", Input)
        name = clean_name(name_input.value)
        if name:
            if self.act(actions.SignInAndQueue(name)):
                name_input.value = ""
        elif self.just_signed_in is not None:
            self.act(actions.QueueAttendee(self.just_signed_in))
        else:
            self.action_queue_hand()

    def action_queue_hand(self) -> None:
        self.act(actions.QueueHand())

    def action_queue_attendee(self) -> None:
        attendee_id = self.query_one(AttendeeTable).selected_id
        if attendee_id is not None:
            self.act(actions.QueueAttendee(attendee_id))

    def action_queue_move(self, kind: str) -> None:
        speaker = self.queue_list.highlighted_speaker
        if speaker is None:
            self.notify(_("Nobody is waiting."))
            return
        self.act(QUEUE_MOVES[kind](speaker))

    def action_queue_readd(self) -> None:
        self.act(actions.QueueReadd())

    def action_queue_round(self) -> None:
        self.act(actions.QueueRound())

    def action_queue_clear(self) -> None:
        if not self.live.session.queue.waiting:
            return
        from facilitator.tui.screens.confirm import ConfirmScreen

        count = self.live.session.queue.waiting_count
        self.app.push_screen(
            ConfirmScreen(counted("Clear the queue? {n} waiting will be taken off.",
                                  "Clear the queue? {n} waiting will be taken off.", count),
                          _("Clear"), _("Keep")),
            lambda yes: yes and self.act(actions.QueueClear()))

    def action_queue_cycle_mode(self) -> None:
        from facilitator.core.schedule.meeting import QUEUE_MODES

        mode = self.live.session.queue.mode
        new = QUEUE_MODES[(QUEUE_MODES.index(mode) + 1) % len(QUEUE_MODES)]
        self.act(actions.QueueMode(new))

    def action_queue_toggle_priority(self) -> None:
        self.act(actions.QueuePriority(not self.live.session.queue.priority))

    def action_share_start(self) -> None:
        session = self.live.session
        if session.queue.mode == "popcorn" and session.queue.waiting:
            if not self.queue_list.has_focus:
                self.queue_list.focus()
                self.notify(_("Popcorn: highlight who was picked, then Enter."))
                return
            self.action_share_pick()
            return
        # Someone typing a late sign-in keeps the box: their next letters must not become
        # queue keys.
        if self.act(actions.ShareStart()) and not isinstance(self.focused, Input):
            self.queue_list.focus()

    def action_share_pick(self) -> None:
        speaker = self.queue_list.highlighted_speaker
        if self.act(actions.ShareStart(speaker)):
            self.queue_list.focus()

    def action_share_end(self) -> None:
        self.act(actions.ShareEnd())

    def action_share_pass(self) -> None:
        """p in the queue: the highlighted person passes their turn, nobody else; with nobody
        waiting, p can only mean the person sharing."""
        speaker = self.queue_list.highlighted_speaker
        if speaker is not None:
            self.act(actions.QueuePass(speaker))
        elif self.live.session.timer is not None:
            self.act(actions.SharePass())
        else:
            self.notify(_("Nobody to pass: nobody is waiting or sharing."), severity="warning")

    def action_sharer_passes(self) -> None:
        """The person called declines before sharing: their share ends as a pass."""
        self.act(actions.SharePass())

    def action_share_pause(self) -> None:
        self.act(actions.SharePause())

    def action_share_adjust(self, delta: int) -> None:
        self.act(actions.ShareAdjust(delta))

    def action_apply_suggestion(self) -> None:
        from facilitator.core.meeting.session_shares import suggestion, suggestion_explained

        session, now = self.live.session, self.live.now()
        reserve = self.app.settings.closing_reserve_minutes * 60
        seconds = suggestion(session, now, reserve)
        if seconds is None:
            self.notify(_("No suggestion: the meeting has no end time, or nobody is waiting."))
            return
        reasons = suggestion_explained(session, now, reserve)
        if session.timer is not None:
            # Translators: {reasons} says how the length was worked out.
            notice = _("Shares are now {minutes} min from the next share: {reasons}.")
        else:
            notice = _("Shares are now {minutes} min: {reasons}.")
        self.act(actions.ShareLength(seconds),
                 notice.format(minutes=seconds // 60, reasons=reasons))

    def action_toggle_bell(self) -> None:
        self.act(actions.Bell(not self.live.session.bell))

    # -- keys that apply now -------------------------------------------------------------

    SHARE_ONLY = {"share_end", "share_pause"}  # nothing to end or pause while nobody shares

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Keys that cannot apply now leave the footer and the palette."""
        if action in self.SHARE_ONLY and self.live.session.timer is None:
            return False
        return super().check_action(action, parameters)

    def follow_keys(self, session: MeetingSession) -> None:
        """The footer follows a share starting or ending."""
        sharing = session.timer is not None
        if sharing != getattr(self, "_sharing", None):
            self._sharing = sharing
            self.refresh_bindings()

    def action_back_to_sign_in(self) -> None:
        """Esc: from the queue, a tab or the amount box back to the name box."""
        self.show_tab("tab-signin")
        self.set_focus(self.query_one("#name-input", Input))

    def action_toggle_display_names(self) -> None:
        self.act(actions.DisplayNames(not self.live.session.names_on_display))

    def extra_commands(self):
        from textual.app import SystemCommand

        yield SystemCommand(_("Discard meeting"), _("Forget this meeting without saving anything"),
                            self.action_discard_meeting)
        yield SystemCommand(_("Share: the person sharing passes"),
                            _("End the share in progress as a pass (p passes the highlighted "
                              "person)"), self.action_sharer_passes)
        # The queue list's single keys act on the screen; offer them here too.
        for binding in QueueList.BINDINGS:
            action = binding.action.removeprefix("screen.")
            yield SystemCommand(_("Queue: {action}").format(action=translated(binding.description)),
                                _("key: {key} in the queue list (F7 or ctrl+u)").format(
                                    key=binding.key.split(',')[0]),
                                partial(self.run_action, action))
