"""The chips tab: the group's ladder, one key per milestone, chips given and stock left."""

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from facilitator.core.chips import chip_stock
from facilitator.core.chips.chip_stock import StockLevel
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _, counted
from facilitator.core.chips.milestones import Ladder, Milestone
from facilitator.core.meeting.session import MeetingSession
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.plain_text import plain_text

KEYS = "1234567890abcdefghijklmnopqrstuvwxyz"
YEARS_SHOWN = 50  # yearly chips listed up to here; past the keys, arrows and Enter give them
LABEL_WIDTH = 17
WARNINGS_SHOWN = 3
STATUS_STYLE = {"low": "$warning", "out": "$error"}


def shown_milestones(ladder: Ladder, given: Mapping[str, int]) -> list[Milestone]:
    """The ladder's milestones to list, then any other key given (a ladder changed since)."""
    listed = list(ladder.milestones_through(YEARS_SHOWN))
    keys = {milestone.key for milestone in listed}
    for key in given:
        if key not in keys:
            try:
                listed.append(ladder.milestone(key))
            except ValidationError:  # a key from another ladder
                listed.append(Milestone(key=key, label=key, amount=1, unit="days"))
    return listed


def row(index: int, milestone: Milestone, given: int, level: StockLevel | None) -> Content:
    """'2 30 days (orange)   ×2     1 LOW': key, chip, given here, projected stock, flag."""
    key = KEYS[index] if index < len(KEYS) else " "
    title = milestone.title
    title = title if len(title) <= LABEL_WIDTH else title[: LABEL_WIDTH - 1] + "…"
    given_text = f"×{given}" if given else "·"
    parts = [(f"{key} ", "bold $accent"), plain_text(f"{title:<{LABEL_WIDTH}} "),
             (f"{given_text:>5}", "bold" if given else "dim")]
    if level is not None:
        parts.append(f" {level.on_hand:>5}")
        if level.status in STATUS_STYLE:
            parts.append((f" {status_word(level.status)}", f"bold {STATUS_STYLE[level.status]}"))
    return Content.assemble(*parts)


def status_word(status: str) -> str:
    """'LOW' or 'OUT', at the end of a chip's row."""
    # Translators: a chip's stock flag at the end of its row, in capitals: keep it short.
    return {"low": _("LOW"), "out": _("OUT")}[status]


class ChipsPanel(GuardedHandlers, Vertical):
    """Reads the meeting state and the stock; the screen journals each chip given."""

    DEFAULT_CSS = """
    ChipsPanel { height: 1fr; }
    ChipsPanel #chips-heading { height: 1; color: $text-muted; }
    ChipsPanel #chips-list { height: 1fr; min-height: 3; border: none; padding: 0; }
    ChipsPanel #chips-list:focus { border: none; }
    ChipsPanel #chips-warnings {
        height: auto; max-height: 4; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ChipsPanel #chips-problem { padding: 0 1; color: $error; }
    """

    BINDINGS = [Binding(key, f"give_at({index})", show=False)
                for index, key in enumerate(KEYS)]

    session: reactive[MeetingSession | None] = reactive(None)

    class Given(Message):
        """A chip of the milestone `key` was given (a key pressed, or Enter on its row)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, ladder: Ladder | None, stock: Mapping[str, StockLevel],
                 problem: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.ladder = ladder
        self.stock = dict(stock)
        self.problem = problem
        self.keys: list[str] = []

    def compose(self) -> ComposeResult:
        if self.ladder is None:
            yield Static(plain_text(self.problem), id="chips-problem")
            return
        title = self.ladder.title[: LABEL_WIDTH + 2]
        # Translators: column headings over chips given and stock left: 5 letters at most.
        given, stock = _("given"), _("stock")
        columns = f"{given:>5}" + (f"{stock:>6}" if self.stock else "")
        yield Static(Content.assemble(plain_text(f"{title:<{LABEL_WIDTH + 3}}", "bold"), columns),
                     id="chips-heading")
        yield OptionList(id="chips-list")
        yield Static(id="chips-warnings")

    def projected(self, session: MeetingSession | None = None) -> dict[str, StockLevel]:
        """Stock on hand less the chips given in this meeting."""
        session = session or self.session
        chips = session.chips if session is not None else {}
        return chip_stock.stock_after(self.stock, chips, self.ladder)

    def watch_session(self, session: MeetingSession | None) -> None:
        if session is None or self.ladder is None or not self.is_mounted:
            return
        projected = self.projected(session)
        key_of = chip_stock.stock_key_of(self.ladder)
        milestones = shown_milestones(self.ladder, session.chips)
        rows = [row(index, milestone, session.chips.get(milestone.key, 0),
                    projected.get(key_of(milestone.key)))
                for index, milestone in enumerate(milestones)]
        options = self.query_one("#chips-list", OptionList)
        keys = [milestone.key for milestone in milestones]
        if keys != self.keys:
            highlighted = options.highlighted
            options.set_options(Option(prompt, id=key) for prompt, key in zip(rows, keys))
            options.highlighted = highlighted if highlighted is not None else 0
            self.keys = keys
        else:
            for index, prompt in enumerate(rows):
                options.replace_option_prompt_at_index(index, prompt)
        self.show_warnings(projected)

    def show_warnings(self, projected: Mapping[str, StockLevel]) -> None:
        """Low and out chips; those given in this meeting first, the chair is holding them."""
        given = chip_stock.by_stock_key(self.session.chips, chip_stock.stock_key_of(self.ladder))
        items = sorted(self.ladder.stock_items(projected), key=lambda item: item[0] not in given)
        # Out of stock in red, low in yellow: told by the count, whatever the language.
        warned = [(text, projected[key].on_hand <= 0) for key, label in items
                  if key in projected and (text := projected[key].warning(label))]
        lines = [plain_text(text, "$error" if out else "$warning")
                 for text, out in warned[:WARNINGS_SHOWN]]
        if len(warned) > WARNINGS_SHOWN:
            more = len(warned) - WARNINGS_SHOWN
            lines.append(Content.styled(counted("and {n} more to reorder",
                                                "and {n} more to reorder", more), "$warning"))
        self.query_one("#chips-warnings", Static).update(Content("\n").join(lines))

    def focus_list(self) -> None:
        if self.ladder is not None:
            self.query_one("#chips-list", OptionList).focus()

    def action_give_at(self, index: int) -> None:
        if index < len(self.keys):
            self.post_message(self.Given(self.keys[index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Given(event.option.id))
