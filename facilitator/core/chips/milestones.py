"""Chip and keytag milestones: calendar-correct dates counted from the sober date.

Every milestone date is the sober date plus N days, N months or N years, computed from the
sober date itself, never by chaining steps: the 24-hour chip is the day after the sober date,
month ends clamp (Jan 31 + 1 month = Feb 28 or 29) and Feb 29 + 1 year is Feb 28, or Mar 1
when the group's `leap_day` setting is "mar1". Time sober is counted the same way, so on a
milestone's own date that milestone is exactly the one reached.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterator

from facilitator.core import validate
from facilitator.core.dates import SOBER_YEARS
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _, pgettext
from facilitator.core.settings import LEAP_DAY_RULES
from facilitator.core.chips.sober_time import (TimeSober, add_months, month_span_days, time_sober,
                                         whole_months)

# The units a milestone is counted in (JSON fields; marked, as messages name them).
UNITS = (N_("days"), N_("months"), N_("years"))
KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
MAX_YEARS = SOBER_YEARS  # a sober date is at most this long ago
_MAX_AMOUNT = {"days": 36_500, "months": 1_200, "years": MAX_YEARS}


def default_key(amount: int, unit: str) -> str:
    """'30d', '6m', '2y': the key a milestone gets when its ladder names none."""
    return f"{amount}{unit[0]}"


@dataclass(frozen=True)
class Milestone:
    """One chip or keytag: given N days, months or years after the sober date."""

    key: str
    label: str
    amount: int
    unit: str
    colour: str | None = None
    stock_key: str = ""  # the chip taken from stock; "" means the milestone's own key

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValidationError(N_("unit"), _("{unit} is not days, months or years").format(
                unit=repr(str(self.unit)[:20])))
        validate.count(self.unit, self.amount, maximum=_MAX_AMOUNT[self.unit])
        if self.unit != "days" and self.amount == 0:
            raise ValidationError(self.unit, _("must be at least 1 (use 0 days for the start)"))
        _check_key(pgettext("field", "key"), self.key)
        object.__setattr__(self, "label", validate.text(N_("label"), self.label, maximum=40,
                                                        required=True))
        if self.colour is not None:
            object.__setattr__(self, "colour", validate.text(N_("colour"), self.colour,
                                                             maximum=30) or None)
        object.__setattr__(self, "stock_key",
                           _check_key(N_("stock key"), self.stock_key or self.key))

    @property
    def months(self) -> int | None:
        """Length in calendar months (None for a milestone counted in days)."""
        if self.unit == "days":
            return None
        return self.amount * 12 if self.unit == "years" else self.amount

    @property
    def title(self) -> str:
        """The label with the colour, as a person reads it: '30 days (orange)'."""
        if not self.colour:
            return self.label
        # Translators: a chip's label and colour: "30 days (orange)".
        return _("{label} ({colour})").format(label=self.label, colour=self.colour)

    def date_for(self, sober: date, leap_day: str = "feb28") -> date:
        """The date this milestone falls on for someone sober since `sober`."""
        if self.unit == "days":
            return sober + timedelta(days=self.amount)  # the same as relativedelta(days=N)
        return add_months(sober, self.months, leap_day)


def _check_key(field: str, key: object) -> str:
    if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
        raise ValidationError(
            field, _("{key} must be lower-case letters, digits and hyphens, e.g. 30d").format(
                key=repr(str(key)[:40]))
        )
    return key


@dataclass(frozen=True)
class MilestoneDate:
    """A milestone together with the date it falls on for one sober date."""

    milestone: Milestone
    date: date

    @property
    def key(self) -> str:
        return self.milestone.key

    @property
    def label(self) -> str:
        return self.milestone.label

    def days_until(self, on: date) -> int:
        return (self.date - on).days


def day_range(milestone: Milestone) -> tuple[int, int]:
    """The fewest and the most days a milestone can fall after any sober date."""
    if milestone.unit == "days":
        return milestone.amount, milestone.amount
    return month_span_days(milestone.months)


def must_follow(earlier: Milestone, later: Milestone) -> None:
    """Refuse `later` unless it falls after `earlier` whatever the sober date."""
    if day_range(later)[0] <= day_range(earlier)[1]:
        raise ValidationError(
            pgettext("field", "order"), _(
                "{later} does not always fall after {earlier}; list milestones earliest first, "
                "each clearly later than the one before").format(later=repr(later.label),
                                                                 earlier=repr(earlier.label))
        )


@dataclass(frozen=True)
class YearlyRule:
    """'Then every year': a milestone for every N years from `start` on, made on demand."""

    start: int
    label: str = "{n} years"
    colour: str | None = None
    stock_key: str | None = None  # one chip for every year (NA's black keytag); None: one each
    stock_label: str | None = None

    def __post_init__(self) -> None:
        start = validate.count(N_("every year from"), self.start, maximum=_MAX_AMOUNT["years"])
        if start < 1:
            raise ValidationError(N_("every year from"), _("must be at least 1"))
        label = validate.text(N_("label"), self.label, maximum=36, required=True)
        if "{n}" not in label:
            # Translators: {label} is the label refused; keep {{n}} (shown as {n}) as it is.
            raise ValidationError(N_("label"), _("{label} needs {{n}} where the years go, "
                                                 "e.g. '{{n}} years'").format(label=repr(label)))
        object.__setattr__(self, "label", label)
        if self.stock_key is not None:
            _check_key(N_("stock key"), self.stock_key)

    def milestone(self, years: int) -> Milestone:
        """The milestone for `years` years, e.g. key '3y', label '3 years'."""
        return _yearly_milestone(self, years)


@lru_cache(maxsize=1024)
def _yearly_milestone(rule: YearlyRule, years: int) -> Milestone:
    label = rule.label.replace("{n}", str(years))
    return Milestone(key=default_key(years, "years"), label=label, amount=years,
                     unit="years", colour=rule.colour, stock_key=rule.stock_key or "")


_YEAR_KEY = re.compile(r"([1-9][0-9]{0,2})y")


@dataclass(frozen=True)
class Ladder:
    """A fellowship's milestones in order, e.g. AA chips or NA keytags."""

    name: str
    title: str
    milestones: tuple[Milestone, ...]  # the listed ones; yearly ones come from `every_year`
    every_year: YearlyRule | None = None
    leap_day: str = "feb28"

    def __post_init__(self) -> None:
        _check_key(N_("ladder name"), self.name)
        object.__setattr__(self, "title", validate.text(N_("title"), self.title, maximum=60,
                                                        required=True))
        object.__setattr__(self, "milestones", tuple(self.milestones))
        if not self.milestones and self.every_year is None:
            raise ValidationError(N_("ladder"), _("{name} has no milestones").format(
                name=repr(self.name)))
        keys = [m.key for m in self.milestones]
        for earlier, later in zip(self.milestones, self.milestones[1:]):
            must_follow(earlier, later)
        if len(set(keys)) != len(keys):
            raise ValidationError(pgettext("field", "key"), _("{name} uses a key twice").format(
                name=repr(self.name)))
        if self.every_year is not None:
            if self.milestones:
                must_follow(self.milestones[-1], self.every_year.milestone(self.every_year.start))
            clash = [k for k in keys if (_yearly_number(k) or 0) >= self.every_year.start]
            if clash:
                raise ValidationError(pgettext("field", "key"), _("{key} is taken by the yearly "
                                                   "milestones").format(key=repr(clash[0])))
        if self.leap_day not in LEAP_DAY_RULES:
            raise ValidationError(N_("leap day"), _("must be one of {values}").format(
                values=", ".join(LEAP_DAY_RULES)))
        # Sorted thresholds, so that counting the milestones reached is two bisections.
        set_ = object.__setattr__
        set_(self, "_day_marks", tuple(m.amount for m in self.milestones if m.months is None))
        set_(self, "_month_marks", tuple(m.months for m in self.milestones if m.months))

    def using(self, leap_day: str) -> "Ladder":
        """The same ladder with the group's leap-day rule ("feb28" or "mar1")."""
        return replace(self, leap_day=leap_day)

    def iter_milestones(self) -> Iterator[Milestone]:
        """Every milestone in order; the yearly ones go on up to MAX_YEARS."""
        yield from self.milestones
        if self.every_year is not None:
            for years in range(self.every_year.start, MAX_YEARS + 1):
                yield self.every_year.milestone(years)

    def milestones_through(self, years: int) -> tuple[Milestone, ...]:
        """The listed milestones, then the yearly ones up to `years` years."""
        yearly = ()
        if self.every_year is not None:
            yearly = tuple(self.every_year.milestone(n)
                           for n in range(self.every_year.start, years + 1))
        return self.milestones + yearly

    def milestone(self, key: str) -> Milestone:
        """The milestone with this key, e.g. '30d' or '7y'."""
        for milestone in self.milestones:
            if milestone.key == key:
                return milestone
        years = _yearly_number(key)
        if years is not None and self.every_year and years >= self.every_year.start:
            return self.every_year.milestone(years)
        raise ValidationError(N_("milestone"), _("{key} is not on the {name} ladder; its keys "
                                                 "are {keys}").format(
            key=repr(key[:40]), name=self.name, keys=self.describe_keys()))

    def describe_keys(self) -> str:
        """'24h, 30d, …, 18m, then 2y, 3y, …'."""
        shown = ", ".join(m.key for m in self.milestones)
        if self.every_year is not None:
            start = self.every_year.start
            # Translators: after a ladder's keys, its yearly ones: "then 2y, 3y, …".
            yearly = _("then {first}y, {second}y, …").format(first=start, second=start + 1)
            shown += f"{', ' if shown else ''}{yearly}"
        return shown

    def _reached_count(self, total_days: int, total_months: int) -> int:
        """How many listed milestones are reached: always the first ones, as they are in order."""
        return (bisect_right(self._day_marks, total_days)
                + bisect_right(self._month_marks, total_months))

    def reached(self, sober: date, on: date) -> MilestoneDate | None:
        """The latest milestone reached on `on` (None before the first one)."""
        if on < sober:
            return None
        total_months = whole_months(sober, on, self.leap_day)
        done = self._reached_count((on - sober).days, total_months)
        latest = self.milestones[done - 1] if done else None
        if done == len(self.milestones) and self.every_year:
            if total_months // 12 >= self.every_year.start:
                latest = self.every_year.milestone(total_months // 12)
        return MilestoneDate(latest, latest.date_for(sober, self.leap_day)) if latest else None

    def next_after(self, sober: date, on: date) -> MilestoneDate | None:
        """The first milestone still to come after `on` (None when the ladder has ended)."""
        if on < sober:
            done, total_months = 0, -1
        else:
            total_months = whole_months(sober, on, self.leap_day)
            done = self._reached_count((on - sober).days, total_months)
        if done < len(self.milestones):
            coming = self.milestones[done]
        elif self.every_year is None:
            return None
        else:
            years = max(self.every_year.start, total_months // 12 + 1)
            if years > MAX_YEARS:  # the yearly milestones end at 100 years
                return None
            coming = self.every_year.milestone(years)
        return MilestoneDate(coming, coming.date_for(sober, self.leap_day))

    def stock_items(self, present=()) -> list[tuple[str, str]]:
        """(stock key, label) for each chip to keep, yearly ones up to those in `present`."""
        items: dict[str, str] = {}
        for milestone in self.milestones:
            items.setdefault(milestone.stock_key, milestone.title)
        rule = self.every_year
        if rule is not None and rule.stock_key:
            items.setdefault(rule.stock_key,
                             rule.stock_label or _("{label} and on").format(
                                 label=rule.milestone(rule.start).title))
        elif rule is not None:
            highest = max([_yearly_number(k) or 0 for k in present] + [rule.start])
            for years in range(rule.start, highest + 1):
                items.setdefault(default_key(years, "years"), rule.milestone(years).title)
        return list(items.items())

    def stock_label(self, stock_key: str) -> str:
        """The label of a chip kept in stock; refuses keys this ladder does not use."""
        labels = dict(self.stock_items([stock_key]))
        if stock_key not in labels:
            given_from = self.milestone(stock_key).stock_key  # refuses unknown keys by name
            raise ValidationError(N_("milestone"), _("{key} chips are counted in the {stock} "
                                                     "stock").format(key=repr(stock_key),
                                                                     stock=repr(given_from)))
        return labels[stock_key]


def _yearly_number(key: str) -> int | None:
    match = _YEAR_KEY.fullmatch(key)
    return int(match[1]) if match else None


__all__ = [
    "Ladder", "Milestone", "MilestoneDate", "TimeSober", "YearlyRule", "add_months",
    "day_range", "default_key", "must_follow", "time_sober", "whole_months",
]
