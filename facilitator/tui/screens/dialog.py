"""The base of every dialog: a modal screen with its handlers guarded and its styles."""

from textual.screen import ModalScreen, ScreenResultType

from facilitator.tui.crash_guard import GuardedHandlers


class Dialog(GuardedHandlers, ModalScreen[ScreenResultType]):
    """A dialog box over the screen it was opened from; `ScreenResultType` is what it
    returns on dismiss."""

    # Parsed when a dialog first opens, not before the start screen's first paint; scoped to
    # dialogs. One dialog's own few rules are here too: each class's DEFAULT_CSS is one more
    # source in Textual's stylesheet, whose parse cache holds 64. The low terminal's button
    # rule stays in facilitator.tcss: as default CSS it would lose to Button's own borders.
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    .dialog {
        width: 70;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        overflow-y: auto;  /* a dialog taller than the terminal scrolls to its buttons */
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    .dialog-title { text-style: bold; margin-bottom: 1; }
    .help-group { text-style: bold; color: $accent; margin-top: 1; }
    .dialog-text { margin-bottom: 1; }
    .dialog-buttons { height: auto; margin-top: 1; }
    .dialog-buttons Button { margin-right: 1; }
    /* A small terminal: every button of a dialog in reach and readable, stacked full width. */
    Dialog.-cramped .dialog { padding: 0 1; }
    Dialog.-cramped .dialog-buttons { layout: vertical; }
    Dialog.-cramped .dialog-buttons Button { width: 100%; margin: 0; }
    Dialog.-low .dialog { padding: 0 1; border: round $primary; }
    Dialog.-low .dialog-title, Dialog.-low .dialog-text { margin-bottom: 0; }
    Dialog.-low .dialog-buttons { margin-top: 0; }
    .form Label { margin-top: 1; }
    .form-row { height: auto; }
    .form-row > Vertical { height: auto; }
    #meeting-form Label { margin-top: 0; }
    .switch-row { height: auto; margin-top: 1; }
    .switch-row Label { margin-top: 1; }
    #settings-form { height: 100%; }
    .warning-line { color: $warning; margin-top: 1; }
    .dim-line { color: $text-muted; margin-top: 1; }
    """
