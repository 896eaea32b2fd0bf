"""The meeting screen's business floor (group conscience): the Business tab, shown in a
meeting whose format has business sections; every step is one journalled action."""

from collections.abc import Callable

from textual.binding import Binding

from facilitator.core.business.minutes import still_tabled
from facilitator.core.business.report_text import is_treasurer_section, report_start
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _, ngettext
from facilitator.core.meeting import actions
from facilitator.core.meeting.session import MeetingSession
from facilitator.core.treasury.position import Position
from facilitator.store.live_meeting import LiveMeeting
from facilitator.tui.screens.meeting.business_forms import MotionForm, ReportForm, VoteForm
from facilitator.tui.screens.meeting.tabled_picker import TabledPicker
from facilitator.tui.widgets.business_panel import BusinessPanel

BUSINESS_BINDINGS = [
    Binding("ctrl+j", "show_business", N_("Business"), id="meeting.business", priority=True,
            tooltip=N_("The business tab: motions, the typed queue and votes (key: ctrl+j)")),
]

# The motion's steps that need no value: one key each in the tab.
MOTION_STEPS = {"minority": actions.MotionMinority, "reconsider": actions.MotionReconsider,
                "decide": actions.MotionDecide, "table": actions.MotionTable,
                "withdraw": actions.MotionWithdraw}


# What the Business tab offers in each kind of section that brings it forward.
SECTION_HINTS = {"report": N_("g writes the report's words into the minutes"),
                 "business": N_("m moves a motion")}


def has_business(session: MeetingSession) -> bool:
    """A format with a business section (old or new business) gets the Business tab."""
    agenda = session.agenda
    return agenda is not None and any(section.kind == "business"
                                      for section in agenda.format.sections)


class BusinessActions:
    """Mixed into MeetingScreen: the Business tab's steps, each journalled."""

    # Provided by MeetingScreen.
    live: LiveMeeting
    act: Callable[..., bool]
    show_tab: Callable[[str], None]

    @property
    def business_panel(self) -> BusinessPanel:
        return self.query_one(BusinessPanel)

    def action_show_business(self) -> None:
        if not has_business(self.live.session):
            self.notify(_("This meeting's format has no business section."), severity="warning")
            return
        self.show_tab("tab-business")
        # At once, not with focus() (deferred): the keys typed right after belong here.
        self.set_focus(self.business_panel.queue_list)
        self.floor_open()  # old business lists the tabled motions from the start

    def business_section_began(self) -> bool:
        """At a report or business section the Business tab comes forward by itself, with a
        notice of the keys that section needs (and the section's note)."""
        agenda = self.live.session.agenda
        section = agenda.current if agenda else None
        if section is None or section.kind not in SECTION_HINTS:
            return False
        self.action_show_business()
        tabled = self.live.session.business.floor.tabled if self.live.session.business else ()
        hint = _(SECTION_HINTS[section.kind])
        if section.kind == "business" and tabled:
            hint = ngettext("m moves a motion; f takes one of {n} tabled from the table",
                            "m moves a motion; f takes one of {n} tabled from the table",
                            len(tabled)).format(n=len(tabled))
        self.notify(" ".join(part for part in (f"{section.title}: {hint}.", section.note)
                             if part), timeout=8)
        return True

    def floor_open(self) -> bool:
        """The floor is opened on its first use, with the motions earlier meetings tabled."""
        if self.live.session.business is not None:
            return True
        try:
            earlier = self.app.database.minutes(self.live.session.meeting)
        except FacilitatorError as error:
            self.notify(_("Earlier minutes unreadable: {error}").format(error=error),
                        severity="warning")
            earlier = []
        session = self.live.session
        tabled = tuple(m.to_dict() for m in still_tabled(e for e in earlier
                                                          if e.date < session.date))
        return self.act(actions.BusinessOpen(
            tabled, discussion_seconds=self.app.settings.discussion_minutes * 60))

    def action_motion_move(self) -> None:
        if self.floor_open():
            self.app.push_screen(MotionForm(self.app.settings), self.after_form)

    def action_motion_from_table(self) -> None:
        if not self.floor_open():
            return
        floor = self.live.session.business.floor
        if not floor.tabled:
            self.notify(_("No motion is tabled."))
        elif floor.motion is not None:
            self.notify(_("Decide, table or withdraw the motion on the floor first."),
                        severity="warning")
        elif len(floor.tabled) == 1:
            self.act(actions.MotionFromTable(1))
        else:
            self.app.push_screen(TabledPicker(floor.tabled), self.after_form)

    def action_motion_vote(self) -> None:
        business = self.live.session.business
        motion = business.floor.motion if business else None
        if motion is None:
            self.notify(_("There is no motion on the floor."), severity="warning")
            return
        self.app.push_screen(VoteForm(motion, self.live.session.attendance), self.after_form)

    def after_form(self, action: actions.Action | None) -> None:
        if action is not None and self.act(action):
            self.set_focus(self.business_panel.queue_list)
            motion = self.live.session.business.floor.motion
            if isinstance(action, actions.MotionVote) and motion is not None:
                self.notify(motion.deciding_vote.arithmetic)

    def action_motion_step(self, step: str) -> None:
        if self.floor_open():
            self.act(MOTION_STEPS[step]())

    def action_discussion_add(self, kind: str) -> None:
        if not self.floor_open():
            return
        answers = None
        if kind == "reply":
            entry = self.highlighted_point()
            answers = entry  # a highlighted new point, else the person speaking now
        self.act(actions.DiscussionAdd(kind, answers=answers))

    def highlighted_point(self) -> int | None:
        entry_id = self.business_panel.highlighted_entry
        queue = self.live.session.business.floor.queue
        points = {e.id for e in queue.waiting if e.type == "point"}
        return entry_id if entry_id in points else None

    def action_discussion_next(self) -> None:
        if self.floor_open():
            self.act(actions.DiscussionNext())

    def action_discussion_remove(self) -> None:
        entry_id = self.business_panel.highlighted_entry
        if entry_id is None:
            self.notify(_("Nobody is waiting."))
            return
        self.act(actions.DiscussionRemove(entry_id))

    def action_business_report(self) -> None:
        """The report of the current section (secretary, treasurer, GSR): its words, for the
        minutes, in a dialog."""
        agenda = self.live.session.agenda
        section = agenda.current if agenda else None
        if section is None or section.kind != "report":
            self.notify(_("Reports are given in the format's report sections."),
                        severity="warning")
            return
        if not self.floor_open():
            return
        start = report_start(self.live.session.business.floor.minutes, section.title,
                             self.treasury_for_report(section.title))
        self.app.push_screen(ReportForm(section.title, start), self.after_report)

    def treasury_for_report(self, section: str) -> Position | None:
        """The treasury on the meeting's date, for the treasurer's section, when the group
        keeps a ledger."""
        if not is_treasurer_section(section):
            return None
        try:
            if not self.app.database.ledger():
                return None
            return self.app.database.treasury(self.live.session.date)
        except FacilitatorError as error:
            self.notify(_("Treasury unreadable: {error}").format(error=error), severity="warning")
            return None

    def after_report(self, action: actions.BusinessReport | None) -> None:
        if action is not None and self.act(action):
            self.set_focus(self.business_panel.queue_list)
