"""The treasury's figures above the ledger: balance, reserve, available, the split."""

from textual.widgets import Static

from facilitator.core.i18n import _
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
             else _("{plan} (set one: facilitator treasury plan)").format(
                 plan=describe_plan(figures.plan)))
    split_line = _("Split: {split}").format(split=split)
    if narrow:
        # Translators: short labels, one per line, the amounts lined up after them.
        labels = [_("Balance"), _("Reserve"), _("Available")]
        width = max(map(len, labels))
        balance, reserve, available = (f"{label:<{width}}" for label in labels)
        return [f"{balance} {money(figures.balance):>14} {currency}",
                f"{reserve} {money(figures.reserve_target):>14}",
                f"{available} {money(figures.available):>14}",
                split_line]
    return [_("Balance {balance} {currency} · Reserve {reserve} · Available to send "
              "{available}").format(balance=money(figures.balance), currency=currency,
                                    reserve=money(figures.reserve_target),
                                    available=money(figures.available)),
            # Translators: "Reserve = 3 × 120.00 a month, over the last 12 full months".
            _("Reserve = {months} × {average} a month, {note}").format(
                months=figures.reserve_months,
                average=money(figures.average_monthly_expenses), note=figures.reserve_note()),
            split_line]


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
