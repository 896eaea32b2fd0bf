"""The footers: each key's words in the language in use; the steady one rebuilt only when the
keys it shows change."""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from facilitator.core.i18n import language, translated


class TranslatedFooter(Footer):
    """Textual's Footer with each binding's words (marked `N_` where declared) translated as
    they are drawn: a change of language shows at the next rebuild."""

    # Compact, Textual gives every key a margin on its right, the palette's too: docked at
    # the right edge, it left the last column to a key that did not fit ("palettet"). The
    # space is the palette key's own now, where it was the margin.
    DEFAULT_CSS = """
    TranslatedFooter.-compact FooterKey.-command-palette { margin-right: 0; padding-right: 1; }
    """

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = translated(widget.description)
                if isinstance(widget.tooltip, str) and widget.tooltip:
                    widget.tooltip = translated(widget.tooltip)
            yield widget


class SteadyFooter(TranslatedFooter):
    """Textual's Footer rebuilds all its keys each time the screen's bindings may have changed
    (every focus change, each screen shown or hidden): opening the meeting screen rebuilt it
    seven times. This one waits for the changes of one refresh to pass, then rebuilds only if
    the keys it would show differ from those it shows."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._rebuild_pending = False
        self._shown: tuple | None = None

    def keys_shown(self) -> tuple:
        """Everything `Footer.compose` draws from: the keys, their words, state and tips."""
        if not self._bindings_ready:
            return ()
        app = self.app
        return (language(), self.compact, self.show_command_palette, app.ENABLE_COMMAND_PALETTE,
                app.COMMAND_PALETTE_BINDING,
                tuple((key, binding.key, app.get_key_display(binding), binding.description,
                       binding.action, binding.show, binding.group, binding.tooltip,
                       enabled, tooltip)
                      for key, (_, binding, enabled, tooltip)
                      in self.screen.active_bindings.items()))

    def compose(self) -> ComposeResult:
        self._shown = self.keys_shown()
        for widget in super().compose():
            # Each key's `compact` watcher gives it this class as it mounts, restyling it
            # alone: given now, the key is styled once, with it.
            if isinstance(widget, FooterKey) and (
                    self.compact or widget.has_class("-command-palette")):
                widget.add_class("-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_pending:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_pending = True
            self.call_after_refresh(self.rebuild_if_changed)

    async def rebuild_if_changed(self) -> None:
        self._rebuild_pending = False
        if self.is_attached and self.keys_shown() != self._shown:
            await self.recompose()
