"""The people waiting to share, in order; single keys act on the highlighted one."""

from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.core.i18n import N_, _
from facilitator.core.meeting.session import MeetingSession
from facilitator.core.meeting.speaker_queue import Speaker
from facilitator.tui.plain_text import plain_text
from facilitator.tui.widgets.attendee_table import flag_word

LABEL_WIDTH = 24


def speaker_label(person: Speaker, shares: int, called_next: bool = False) -> Content:
    """A queued person as plain text (never markup), cut to fit, tagged as the sign-in list
    tags them (newcomer, visitor, online)."""
    label = person.label
    shown = label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1] + "…"
    parts = [plain_text(shown)]
    parts.extend(Content.styled(f"  {flag_word(flag)}", "$accent")
                 for flag in ("newcomer", "visitor", "online") if getattr(person, flag))
    if called_next:
        # Translators: beside the person called next in the queue.
        parts.append(Content.styled("  " + _("next"), "bold"))
    if shares:
        # Translators: {n} is how many times this person has shared in this meeting.
        parts.append(Content.styled("  " + _("shared {n}×").format(n=shares), "dim"))
    return Content.assemble(*parts)


class QueueList(OptionList):
    """Focus it (F7) and the queue answers to single keys, shown in the footer."""

    BINDINGS = [
        Binding("n", "screen.share_start", N_("Next share"), id="queue.next"),
        Binding("enter", "screen.share_pick", N_("This one shares"), id="queue.pick", show=False),
        Binding("e", "screen.share_end", N_("End share"), id="queue.end"),
        Binding("space", "screen.share_pause", N_("Pause"), id="queue.pause"),
        Binding("p", "screen.share_pass", N_("Pass"), id="queue.pass"),
        Binding("plus,equals_sign", "screen.share_adjust(60)", N_("+1 min"), id="queue.plus"),
        Binding("minus", "screen.share_adjust(-60)", N_("-1 min"), id="queue.minus"),
        Binding("s", "screen.apply_suggestion", N_("Suggested"), id="queue.suggested"),
        Binding("h", "screen.queue_hand", N_("Hand"), id="queue.hand"),
        Binding("u", "screen.queue_move('queue_up')", N_("Up"), id="queue.up"),
        Binding("d", "screen.queue_move('queue_down')", N_("Down"), id="queue.down"),
        Binding("t", "screen.queue_move('queue_top')", N_("Top"), id="queue.top"),
        Binding("x,delete", "screen.queue_move('queue_remove')", N_("Remove"), id="queue.remove"),
        Binding("r", "screen.queue_readd", N_("Re-add last"), id="queue.readd"),
        Binding("a", "screen.queue_round", N_("Add room"), id="queue.round"),
        Binding("c", "screen.queue_clear", N_("Clear"), id="queue.clear"),
        Binding("m", "screen.queue_cycle_mode", N_("Mode"), id="queue.mode"),
        Binding("o", "screen.queue_toggle_priority", N_("Priority"), id="queue.priority"),
        Binding("b", "screen.toggle_bell", N_("Bell"), id="queue.bell"),
    ]

    session: reactive[MeetingSession | None] = reactive(None)

    def watch_session(self, session: MeetingSession | None) -> None:
        if session is None:
            return
        queue = session.queue
        chosen = self.highlighted_speaker
        self.clear_options()
        # In alternate mode the next called may not be first: that person is marked.
        marked = queue.next_up if queue.mode == "alternate" else None
        for person in queue.waiting:
            self.add_option(Option(
                speaker_label(person, queue.shares_of(person.id), person == marked),
                id=person.id))
        if queue.waiting:
            ids = [person.id for person in queue.waiting]
            self.highlighted = ids.index(chosen) if chosen in ids else 0

    @property
    def highlighted_speaker(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id
