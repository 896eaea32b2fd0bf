"""The treasury's figures above the ledger: balance, reserve, available, the split."""

from textual.widgets import Static

from facilitator.core.money import format_cents
from facilitator.core.treasury.position import Position
from facilitator.core.treasury.split import describe_plan
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.plain_text import plain_text

NARROW = 60  # columns: below this the figures stack one per line


def figure_lines(figures: Position, *, narrow: bool = False) -> list[str]:
    """Three lines (four when narrow), the most important first."""
    money = format_cents
    currency = figures.currency
    shares = figures.split()
    split = (" · ".join(f"{share.to} {money(share.amount)}" for share in shares) if shares
             else f"{describe_plan(figures.plan)} (set one: facilitator treasury plan)")
    if narrow:
        return [f"Balance   {money(figures.balance):>14} {currency}",
                f"Reserve   {money(figures.reserve_target):>14}",
                f"Available {money(figures.available):>14}",
                f"Split: {split}"]
    return [f"Balance {money(figures.balance)} {currency} · Reserve "
            f"{money(figures.reserve_target)} · Available to send {money(figures.available)}",
            f"Reserve = {figures.reserve_months} × {money(figures.average_monthly_expenses)} "
            f"a month, {figures.reserve_note()}",
            f"Split: {split}"]


class TreasuryFigures(GuardedHandlers, Static):
    """Shows a `Position`; the screen computes it and calls `show`."""

    figures: Position | None = None

    def show(self, figures: Position) -> None:
        self.figures = figures
        self.render_figures()

    def on_resize(self) -> None:
        self.render_figures()

    def render_figures(self) -> None:
        if self.figures is not None:
            lines = figure_lines(self.figures, narrow=self.size.width < NARROW)
            self.update(plain_text("\n".join(lines)))
