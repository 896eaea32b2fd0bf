"""The Business tab: the motion on the floor, its last vote's arithmetic, who speaks to it
(timed) and who waits, each with their entry's type; then the motions of this meeting."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from facilitator.core.business.motion import Motion
from facilitator.core.business.words import outcome_label, threshold_label
from facilitator.core.i18n import N_, _
from facilitator.core.meeting.session import MeetingSession
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.plain_text import plain_text

# Single keys while the panel has the focus; each names the screen action it runs.
BUSINESS_PANEL_BINDINGS = [
    Binding("m", "screen.motion_move", N_("Motion"), id="business.motion"),
    Binding("f", "screen.motion_from_table", N_("From table"), id="business.from_table",
            show=False),
    Binding("o", "screen.discussion_add('order')", N_("Order"), id="business.order"),
    Binding("q", "screen.discussion_add('question')", N_("Question"), id="business.question"),
    Binding("r", "screen.discussion_add('reply')", N_("Reply"), id="business.reply"),
    Binding("p", "screen.discussion_add('point')", N_("Point"), id="business.point"),
    Binding("n", "screen.discussion_next", N_("Next"), id="business.next"),
    Binding("x,delete", "screen.discussion_remove", N_("Remove"), id="business.remove"),
    Binding("v", "screen.motion_vote", N_("Vote"), id="business.vote"),
    Binding("i", "screen.motion_step('minority')", N_("Minority"), id="business.minority"),
    Binding("c", "screen.motion_step('reconsider')", N_("Reconsider"), id="business.reconsider"),
    Binding("d", "screen.motion_step('decide')", N_("Decide"), id="business.decide"),
    Binding("t", "screen.motion_step('table')", N_("Table"), id="business.table"),
    Binding("w", "screen.motion_step('withdraw')", N_("Withdraw"), id="business.withdraw"),
    Binding("g", "screen.business_report", N_("Report given"), id="business.report", show=False,
            tooltip=N_("In a report section: the report is listed in the minutes")),
]

# What each stage asks of the chair next.
# Translators: the letters are the keys; keep them as they are.
NEXT_STEP = {
    "discussion": N_("discussion: o q r p to speak, n next; v vote, t table, w withdraw"),
    "result": N_("d decide, or i hear the minority opinion"),
    "minority opinion": N_("minority opinion: speakers o q r p, n; c reconsider or d decide"),
    "reconsidering": N_("reconsidering: discuss, then v vote again"),
}


def motion_lines(motion: Motion) -> list[Content]:
    """The motion, its threshold and tick, its last vote's arithmetic, the next step."""
    threshold = threshold_label(motion.threshold)
    tick = (_("moved and seconded · needs {threshold}") if motion.seconded
            else _("moved · needs {threshold}")).format(threshold=threshold)
    lines = [plain_text(motion.text, "bold"), Content.styled(tick, "dim")]
    for number, vote in enumerate(motion.votes, 1):
        label = _("vote {number}: ").format(number=number) if len(motion.votes) > 1 else ""
        style = "$success" if vote.carried else "$error"
        lines.append(Content.styled(label + vote.arithmetic, f"bold {style}"))
    next_step = NEXT_STEP.get(motion.stage)
    lines.append(Content.styled(_(next_step) if next_step else outcome_label(motion.stage),
                                "$accent"))
    return lines


def floor_hint(in_report: bool, tabled: bool) -> str:
    """The keys that open the floor: a motion, the report's words in a report section, a
    motion taken from the table when one is tabled."""
    # Translators: the letters are the keys; keep them as they are.
    return {(False, False): _("m a motion"),
            (False, True): _("m a motion, f take one from the table"),
            (True, False): _("g the report's words, m a motion"),
            (True, True): _("g the report's words, m a motion, f take one from the table"),
            }[in_report, tabled]


def minutes_line(motion: Motion) -> Content:
    vote = motion.deciding_vote
    counts = f" ({vote.for_}–{vote.against}–{vote.abstain})" if vote else ""
    return Content.assemble(Content.styled(f"{outcome_label(motion.outcome):<9} ", "bold"),
                            plain_text(motion.text), counts)


class BusinessPanel(GuardedHandlers, Vertical):
    """Shows the floor the session holds; the screen journals each step."""

    DEFAULT_CSS = """
    BusinessPanel { height: 1fr; }
    BusinessPanel #business-motion { height: auto; max-height: 8; padding: 0 1; }
    BusinessPanel #business-speaking { height: auto; padding: 0 1; }
    BusinessPanel #business-queue { height: 1fr; min-height: 2; border: none; padding: 0; }
    BusinessPanel #business-queue:focus { border: none; }
    BusinessPanel #business-minutes { height: auto; max-height: 5; padding: 0 1; color: $text-muted; }
    """

    BINDINGS = BUSINESS_PANEL_BINDINGS

    session: reactive[MeetingSession | None] = reactive(None)
    now: reactive[float] = reactive(0.0)

    def compose(self) -> ComposeResult:
        yield Static(id="business-motion")
        yield Static(id="business-speaking")
        yield OptionList(id="business-queue")
        yield Static(id="business-minutes")

    @property
    def highlighted_entry(self) -> int | None:
        options = self.query_one("#business-queue", OptionList)
        if options.highlighted is None or not options.option_count:
            return None
        return int(options.get_option_at_index(options.highlighted).id)

    @property
    def queue_list(self) -> OptionList:
        return self.query_one("#business-queue", OptionList)

    def watch_now(self) -> None:
        self.show_speaking()

    def watch_session(self, session: MeetingSession | None) -> None:
        if session is None or not self.is_mounted:
            return
        business = session.business
        motion_box = self.query_one("#business-motion", Static)
        options = self.query_one("#business-queue", OptionList)
        if business is None:
            motion_box.update(_("The business floor opens with m (a motion)."))
            options.clear_options()
            return
        floor = business.floor
        if floor.motion is None:
            tabled = [plain_text(_("{number}. tabled: {motion}").format(number=n,
                                                                        motion=motion.text))
                      for n, motion in enumerate(floor.tabled, 1)]
            agenda = session.agenda
            in_report = agenda is not None and agenda.current is not None and \
                agenda.current.kind == "report"
            hint = Content.styled(floor_hint(in_report, bool(floor.tabled)), "$accent")
            motion_box.update(Content("\n").join([*tabled, hint]))
        else:
            motion_box.update(Content("\n").join(motion_lines(floor.motion)))
        highlighted = options.highlighted
        options.set_options(Option(plain_text(f"{entry.id:>2} {entry.shown}"), id=str(entry.id))
                            for entry in floor.queue.waiting)
        if floor.queue.waiting:
            options.highlighted = min(highlighted or 0, len(floor.queue.waiting) - 1)
        decided = [minutes_line(m) for m in floor.minutes.motions if m.is_final]
        self.query_one("#business-minutes", Static).update(Content("\n").join(decided))
        self.show_speaking()

    def show_speaking(self) -> None:
        session = self.session
        if session is None or session.business is None or not self.is_mounted:
            return
        speaking = self.query_one("#business-speaking", Static)
        current, timer = session.business.floor.queue.current, session.business.timer
        if current is None or timer is None:
            waiting = len(session.business.floor.queue.waiting)
            speaking.update(Content.styled(_("nobody speaking · {n} waiting").format(n=waiting),
                                           "dim"))
            return
        style = "bold $error" if timer.is_over(self.now) else "bold"
        speaking.update(Content.assemble(Content.styled(f"{timer.display(self.now)} ", style),
                                         plain_text(current.shown)))
