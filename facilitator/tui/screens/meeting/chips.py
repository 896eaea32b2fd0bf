"""The meeting screen's chip ceremony: the Chips tab, one journaled action per chip given."""

from collections.abc import Callable

from textual.binding import Binding

from facilitator.core.chips import chip_stock
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _
from facilitator.core.meeting.actions import Chip
from facilitator.store.ladders import group_ladder
from facilitator.store.live_meeting import LiveMeeting
from facilitator.tui.screens.chips.calculator import CalculatorAction
from facilitator.tui.widgets.chips_panel import ChipsPanel

CHIPS_BINDINGS = [
    Binding("ctrl+g", "show_chips", N_("Chips"), id="meeting.chips", priority=True,
            tooltip=N_("The chips tab: one key per milestone gives a chip (key: ctrl+g)")),
    Binding("ctrl+t", "chip_calculator", N_("Chip calc."), id="meeting.chip_calculator",
            priority=True, tooltip=N_("Time sober and milestones for a date (key: ctrl+t)")),
]


class ChipActions(CalculatorAction):
    """Mixed into MeetingScreen: the Chips tab's panel and the chips given from it."""

    # Provided by MeetingScreen.
    live: LiveMeeting
    act: Callable[..., bool]
    show_tab: Callable[[str], None]

    def new_chips_panel(self) -> ChipsPanel:
        """The Chips tab's panel, with the group's ladder and the stock on hand read once."""
        try:
            ladder = group_ladder(self.app.settings, self.app.database.path)
            stock = chip_stock.from_rows(self.app.database.stock())
            return ChipsPanel(ladder, stock, id="chips-panel")
        except FacilitatorError as error:
            return ChipsPanel(None, {}, problem=_("No chips: {error}").format(error=error),
                              id="chips-panel")

    @property
    def chips_panel(self) -> ChipsPanel:
        return self.query_one(ChipsPanel)

    def action_show_chips(self) -> None:
        self.show_tab("tab-chips")
        if self.chips_panel.ladder is None:
            # Only the problem is shown, and nothing in the tab can take the focus: left in
            # the hidden name box, Textual would move it (and the tab) back to the sign-in.
            self.set_focus(self.query_one("#left-tabs Tabs"))
            return
        self.chips_panel.focus_list()

    def on_chips_panel_given(self, message: ChipsPanel.Given) -> None:
        self.give_chip(message.key)

    def give_chip(self, key: str) -> None:
        """Journal one chip; giving one the count says is out is allowed, and flagged."""
        panel = self.chips_panel
        stock_key = chip_stock.stock_key_of(panel.ladder)(key)
        before = panel.projected().get(stock_key)
        if not self.act(Chip(key)):
            return
        if before is None:
            return  # a chip the group doesn't count
        labels = dict(panel.ladder.stock_items([stock_key])) if panel.ladder else {}
        label = labels.get(stock_key, key)
        after = chip_stock.level(panel.projected(self.live.session), stock_key)
        warning = after.warning(label)
        if before.on_hand <= 0:
            # Translators: {warning} is the stock line of the chip just given.
            self.notify(_("Given although out of stock — {warning}").format(warning=warning),
                        severity="warning")
        elif warning:
            self.notify(warning, severity="warning")
