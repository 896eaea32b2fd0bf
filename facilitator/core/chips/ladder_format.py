"""Ladders written as data: the JSON shipped with facilitator and a group's own text file.

A group's text file has one milestone a line, earliest first:

    # Tuesday Night chips (lines starting with # are notes)
    title: Tuesday Night chips
    24 hours          | 24 hours
    30 days           | 30 days     | silver
    6 months          | 6 months    | red
    1 year            | 1 year      | bronze
    every year from 2 | {n} years   | bronze

Each line is WHEN, then optionally | LABEL and | COLOUR. WHEN is N days, N months, N years
or 24 hours (the day after the sober date); the last line may be `every year from N`, whose
label puts the number where {n} is. Keys are made from WHEN: 30d, 6m, 1y, 2y, …
"""

import re
from typing import Mapping

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _, pgettext
from facilitator.core.chips.milestones import Ladder, Milestone, YearlyRule, default_key, must_follow

_WHEN = re.compile(r"(\d{1,5})\s*(hours?|days?|months?|years?)")
_EVERY_YEAR = re.compile(r"every\s+year\s+from\s+(\d{1,3})(?:\s*years?)?")
_UNIT_WORDS = {"day": "days", "month": "months", "year": "years"}
_MILESTONE_FIELDS = {"key", "label", "days", "months", "years", "colour", "stock"}
_YEARLY_FIELDS = {"from", "label", "colour", "stock", "stock_label"}


def ladder_from_text(name: str, text: str, source: str) -> Ladder:
    """Read a group's ladder file; a mistake names `source` and the line."""
    title = name
    milestones: list[Milestone] = []
    yearly: YearlyRule | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            if yearly is not None:
                raise ValidationError(N_("every year"), _("must be the last line"))
            if line.lower().startswith("title:"):
                title = line.split(":", 1)[1].strip()
                continue
            item = _parse_line(line)
            if isinstance(item, YearlyRule):
                if milestones:
                    must_follow(milestones[-1], item.milestone(item.start))
                yearly = item
                continue
            if milestones:
                must_follow(milestones[-1], item)
            if any(m.key == item.key for m in milestones):
                raise ValidationError(pgettext("field", "key"), _("{key} appears twice").format(
                    key=repr(item.key)))
            milestones.append(item)
        except ValidationError as error:
            # Translators: {source} is "ladder file PATH"; {number} a line of that file.
            raise ValidationError(_("{source} line {number}").format(source=source,
                                                                     number=number),
                                  str(error)) from None
    if not milestones and yearly is None:
        raise ValidationError(source, _("has no milestones; write one a line, e.g. "
                                        "'30 days | 30 days'"))
    try:
        return Ladder(name=name, title=title or name, milestones=tuple(milestones),
                      every_year=yearly)
    except ValidationError as error:
        raise ValidationError(source, str(error)) from None


def _parse_line(line: str) -> Milestone | YearlyRule:
    parts = [part.strip() for part in line.split("|")]
    if len(parts) > 3:
        raise ValidationError(pgettext("field", "line"), _("has more than WHEN | LABEL | COLOUR"))
    when = " ".join(parts[0].lower().split())
    label = parts[1] if len(parts) > 1 else ""
    colour = (parts[2] if len(parts) > 2 else "") or None
    if match := _EVERY_YEAR.fullmatch(when):
        return YearlyRule(start=int(match[1]), label=label or "{n} years", colour=colour)
    match = _WHEN.fullmatch(when)
    if not match:
        raise ValidationError(
            N_("when"), _("{when} is not N days, N months, N years, 24 hours or 'every year "
                          "from N'").format(when=repr(parts[0][:30]))
        )
    amount, word = int(match[1]), match[2].rstrip("s")
    if word == "hour":
        if amount != 24:
            raise ValidationError(N_("when"), _("hours can only be 24 hours (the day after)"))
        return Milestone(key="24h", label=label or "24 hours", amount=1, unit="days",
                         colour=colour)
    unit = _UNIT_WORDS[word]
    shown = f"{amount} {word}{'' if amount == 1 else 's'}"
    return Milestone(key=default_key(amount, unit), label=label or shown, amount=amount,
                     unit=unit, colour=colour)


def ladder_from_dict(name: str, data: object, source: str) -> Ladder:
    """Build a ladder from its JSON form; a mistake names `source` and the milestone."""
    try:
        if not isinstance(data, Mapping):
            raise ValidationError(N_("ladder"), _("is not an object"))
        milestones = data.get("milestones", [])
        if not isinstance(milestones, list):
            raise ValidationError(N_("milestones"), _("is not a list"))
        built = tuple(_milestone_from_dict(n, item) for n, item in enumerate(milestones, 1))
        yearly = data.get("every_year")
        if yearly is not None:
            _check_fields("every_year", yearly, _YEARLY_FIELDS)
            yearly = YearlyRule(start=yearly.get("from"), label=yearly.get("label", "{n} years"),
                                colour=yearly.get("colour"), stock_key=yearly.get("stock"),
                                stock_label=yearly.get("stock_label"))
        return Ladder(name=name, title=data.get("title", name), milestones=built,
                      every_year=yearly)
    except ValidationError as error:
        raise ValidationError(source, str(error)) from None


def _milestone_from_dict(number: int, item: object) -> Milestone:
    where = _("milestone {number}").format(number=number)
    _check_fields(where, item, _MILESTONE_FIELDS)
    units = [unit for unit in ("days", "months", "years") if unit in item]
    if len(units) != 1:
        raise ValidationError(where, _("needs exactly one of days, months or years"))
    unit = units[0]
    amount = item[unit]
    try:
        return Milestone(key=item.get("key") or default_key(amount, unit), label=item.get("label"),
                         amount=amount, unit=unit, colour=item.get("colour"),
                         stock_key=item.get("stock") or "")
    except ValidationError as error:
        raise ValidationError(where, str(error)) from None


def _check_fields(where: str, item: object, known: set[str]) -> None:
    if not isinstance(item, Mapping):
        raise ValidationError(where, _("is not an object"))
    unknown = sorted(set(item) - known)
    if unknown:
        raise ValidationError(where, _("unknown field {name}").format(name=repr(unknown[0][:30])))
