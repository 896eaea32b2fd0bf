"""A screen's breakpoint classes, known before it is composed."""

from textual import events
from textual.screen import Screen


def reached(breakpoints: list[tuple[int, str]] | None, size: int) -> set[str]:
    """The class of the largest breakpoint `size` reaches, as Textual picks it."""
    names = [(start, name) for start, name in breakpoints or () if size >= start]
    return {max(names)[1]} if names else set()


def take_breakpoint_classes(screen: Screen) -> None:
    """Give a screen about to be composed the classes its first resize would give it
    (`Screen._on_resize`): its widgets are then styled once for the size they are shown at,
    not again when the screen is shown."""
    app = screen.app
    horizontal = (app.HORIZONTAL_BREAKPOINTS if screen.HORIZONTAL_BREAKPOINTS is None
                  else screen.HORIZONTAL_BREAKPOINTS)
    vertical = (app.VERTICAL_BREAKPOINTS if screen.VERTICAL_BREAKPOINTS is None
                else screen.VERTICAL_BREAKPOINTS)
    width, height = app.size
    classes = reached(horizontal, width) | reached(vertical, height)
    if classes:
        screen.add_class(*classes, update=False)


def keep_styles_at_first_resume(screen: Screen, event: events.ScreenResume) -> None:
    """Called from a screen's `on_screen_resume` (which runs before Screen's own handler): the
    first time a screen is shown its widgets were styled when they were mounted, with these
    classes and this stylesheet, so Textual's restyle of the whole screen is skipped."""
    if screen.stack_updates == 0 and screen.is_mounted:
        event.refresh_styles = False
