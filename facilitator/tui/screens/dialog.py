"""The base of every dialog: a modal screen with its handlers guarded and its styles."""

from textual.screen import ModalScreen, ScreenResultType

from facilitator.tui.crash_guard import GuardedHandlers


class Dialog(GuardedHandlers, ModalScreen[ScreenResultType]):
    """A dialog box over the screen it was opened from; `ScreenResultType` is what it
    returns on dismiss."""

    # Parsed the first time a dialog opens, not before the start screen's first paint.
    # Scoped to dialogs. The button rule of small terminals stays in facilitator.tcss: app
    # CSS is needed to outrank Button's own hover and pressed borders.
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
    .warning-line { color: $warning; margin-top: 1; }
    .dim-line { color: $text-muted; margin-top: 1; }
    """
