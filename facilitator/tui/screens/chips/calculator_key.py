"""The chip calculator's key: light to import, the calculator itself loads when opened."""

from textual.binding import Binding

from facilitator.core.i18n import N_

# Translators: a footer label: keep it short.
CALCULATOR_BINDING = Binding("ctrl+t", "chip_calculator", N_("Chip calc."),
                             id="start.chip_calculator", priority=True,
                             tooltip=N_("Time sober and milestones for a date (key: ctrl+t)"))


class CalculatorAction:
    """Mixed into the screens whose key (ctrl+t) opens the calculator."""

    def action_chip_calculator(self) -> None:
        from facilitator.tui.screens.chips.calculator import ChipCalculatorScreen

        self.app.push_screen(ChipCalculatorScreen())
