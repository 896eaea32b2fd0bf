"""Help: every key of the screen it was opened from, grouped, read from that screen's own
bindings (so it never drifts from them)."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from facilitator.core.i18n import N_, _, translated
from facilitator.tui.keys import KeyRow, help_rows, screen_bindings
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.dialog import Dialog

KEYS_WIDTH = 18  # characters of the keys column
# The screens' names (their class names less "Screen"), marked to be translated where shown:
# the title of help, and the group of the keys a screen declares for itself.
SCREEN_TITLES = (
    N_("Start"), N_("Meeting"), N_("History"), N_("Settings"), N_("Treasury"),
    N_("Resume"), N_("Summary"), N_("MeetingForm"), N_("RecordEditor"), N_("FormatEditor"),
    N_("ChipCalculator"), N_("EntryForm"), N_("PlanForm"), N_("EditAttendee"), N_("Confirm"),
    N_("Display"),
)


class HelpScreen(Dialog[None]):
    """The keys of one screen; Esc, F1 or q closes it."""

    BINDINGS = [Binding("escape,f1,q", "close", N_("Close"), id="help.close")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.screen_name = screen_title(screen)
        bindings = screen_bindings(screen) + self.app_bindings()
        self.rows: list[KeyRow] = help_rows(bindings, screen_title(screen))

    def app_bindings(self) -> list[Binding]:
        app = self.app
        palette = Binding(app.COMMAND_PALETTE_BINDING, "app.command_palette",
                          N_("Every action by name"))
        return [b for b in type(app).BINDINGS if isinstance(b, Binding)] + [palette]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Static(plain_text(self.title_text), classes="dialog-title")
            group = None
            for row in self.rows:
                if row.group != group:
                    group = row.group
                    yield Static(plain_text(_(group)), classes="help-group")
                yield Static(plain_text(self.line(row)), classes="help-row")
            yield Static(_("Esc closes this help."), classes="dialog-text")

    @property
    def title_text(self) -> str:
        # Translators: the title of help; {screen} is the name of a screen ("Meeting").
        return _("Keys: {screen}").format(screen=_(self.screen_name))

    def line(self, row: KeyRow) -> str:
        keys = " ".join(self.app.get_key_display(Binding(key, "")) for key in row.keys)
        return f"{keys:<{KEYS_WIDTH}} {translated(row.description)}"

    def action_close(self) -> None:
        self.dismiss(None)


def screen_title(screen: Screen) -> str:
    """`MeetingScreen` -> `Meeting`."""
    name = type(screen).__name__.removesuffix("Screen")
    return name or "Screen"
