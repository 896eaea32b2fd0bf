"""The contribution split: whole cents that always add up to the amount split.

Each service body first gets the whole cents of its share; the cents left over go one each
to the largest remainders, ties to the first listed (the largest remainder method).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.settings import checked_plan
from facilitator.core.text_out import echo

Plan = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Share:
    """One service body's part of a split."""

    to: str
    percent: int
    amount: int  # cents

    def to_dict(self) -> dict:
        return {"to": self.to, "percent": self.percent, "amount": self.amount}


def split(amount: int, plan: Plan) -> list[Share]:
    """`amount` cents shared by `plan` (checked: percents total 100)."""
    plan = checked_plan(plan)
    if not plan:
        return []
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValidationError(N_("amount"), _("must be whole cents, not negative"))
    whole = [amount * percent // 100 for _name, percent in plan]
    remainders = [amount * percent % 100 for _name, percent in plan]
    left = amount - sum(whole)
    # sorted() keeps the plan's order among equal remainders: ties go to the first listed.
    for index in sorted(range(len(plan)), key=lambda i: -remainders[i])[:left]:
        whole[index] += 1
    return [Share(name, percent, cents) for (name, percent), cents in zip(plan, whole)]


def parse_plan(parts: Sequence[str]) -> Plan:
    """'District 40', 'Area 30%', 'GSO 30' -> the checked plan; refused unless it totals 100."""
    if not parts:
        raise ValidationError(N_("plan"), _('name each service body and its percent, '
                                            'e.g. "District 40"'))
    plan = []
    for part in parts:
        name, _space, percent = part.strip().rpartition(" ")
        percent = percent.removesuffix("%")
        if not name.strip() or not percent:
            raise ValidationError(N_("plan"), _('{part} is not a service body and a percent, '
                                                'e.g. "District 40"').format(part=echo(part)))
        plan.append((name.strip(), percent))
    return checked_plan(plan)


def describe_plan(plan: Plan) -> str:
    """'District 40%, Area 30%, GSO 30%'."""
    return ", ".join(f"{name} {percent}%" for name, percent in plan) or _("no split plan yet")
