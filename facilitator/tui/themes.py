"""Themes offered besides Textual's own: one readable on a projector in a bright room."""

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFA500",
    error="#FF4040",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
    luminosity_spread=0.05,
    text_alpha=1.0,
    # Placeholders and muted text at WCAG AA (4.5:1) on the panel too, not Textual's 38%.
    variables={"text-muted": "#D0D0D0", "text-disabled": "#A8A8A8",
               "foreground-muted": "#D0D0D0", "block-cursor-blurred-background": "#333300"},
)

PROJECTOR_LIGHT = Theme(
    name="projector-light",
    primary="#0000C0",
    secondary="#005050",
    accent="#B00000",
    warning="#A05000",
    error="#C00000",
    success="#006000",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E8E8E8",
    dark=False,
    luminosity_spread=0.05,
    text_alpha=1.0,
)

EXTRA_THEMES = (HIGH_CONTRAST, PROJECTOR_LIGHT)
