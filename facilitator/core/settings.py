"""The group's own settings, kept in the database and edited in the app."""

from typing import NamedTuple

from facilitator.core import validate
from facilitator.core.checked_tuple import CheckedTuple
from facilitator.core.dates import DateOrder
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import LANGUAGES, N_, _
from facilitator.core.text_out import echo

LEAP_DAY_RULES = ("feb28", "mar1")
# Which key of each action the footer shows: F-keys, or the ctrl/single keys that need no Fn.
KEY_MODES = ("function keys", "letters")


WARNING_SECONDS_LIMIT = 600  # the share timer warns at most this long before the end
CLOSING_RESERVE_LIMIT = 60  # minutes kept for the closing
RESERVE_MONTHS_LIMIT = 24  # the prudent reserve: months of expenses kept back
PLAN_RECIPIENTS_LIMIT = 12  # service bodies in the contribution split
RECIPIENT_LIMIT = 60  # characters of a service body's name
DISCUSSION_MINUTES_LIMIT = 60  # each speaker to a motion
# The thresholds a motion can need (core/business/votes.py decides them), and the kinds of
# motion a group sets one for.
MOTION_THRESHOLDS = ("majority", "two-thirds", "unanimous")
MOTION_KINDS = ("ordinary", "spending", "format", "traditions")
DEFAULT_THRESHOLDS = (("ordinary", "majority"), ("spending", "majority"),
                      ("format", "two-thirds"), ("traditions", "two-thirds"))
# The on/off settings, each with the name its messages give it.
_SWITCHES = {"bell": N_("bell"), "names_on_display": N_("names on display"), "demo": N_("demo")}


class _SettingsFields(NamedTuple):
    """Every setting, in order, with its default."""

    currency: str = "USD"
    date_order: str | None = None  # None: numeric dates must be unambiguous
    ladder: str = "aa"
    warning_seconds: int = 60
    bell: bool = False
    names_on_display: bool = False
    theme: str = "textual-dark"
    closing_reserve_minutes: int = 5
    leap_day: str = "feb28"
    reserve_months: int = 3
    split_plan: tuple[tuple[str, int], ...] = ()  # (service body, whole percent), totals 100
    discussion_minutes: int = 2  # each speaker to a motion in a business meeting
    motion_thresholds: tuple[tuple[str, str], ...] = DEFAULT_THRESHOLDS  # (kind, threshold)
    demo: bool = False  # made-up sample data (`facilitator demo`): the app says DEMO
    keys: str = "function keys"  # one of KEY_MODES
    language: str = ""  # a code of LANGUAGES; "" follows the computer's language


class GroupSettings(CheckedTuple, _SettingsFields):
    """Settings that hold for every meeting of the group; they exist only when valid.

    A named tuple (loaded at every start: a frozen dataclass compiles its methods from
    source as its module loads, about ten times the cost)."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs) -> "GroupSettings":
        given = _SettingsFields.__new__(cls, *args, **kwargs)  # names and defaults
        return tuple.__new__(cls, _checked(given))

    def to_dict(self) -> dict:
        stored = self._asdict()
        stored["split_plan"] = [list(part) for part in self.split_plan]
        stored["motion_thresholds"] = [list(part) for part in self.motion_thresholds]
        return stored

    @classmethod
    def from_dict(cls, data: dict) -> "GroupSettings":
        known = cls._fields
        return cls(**{key: value for key, value in data.items() if key in known})


    def threshold_for(self, kind: str) -> str:
        """The threshold the group set for a kind of motion."""
        return dict(self.motion_thresholds)[kind]


def _checked(given: _SettingsFields) -> tuple:
    """`given` checked; the currency in capitals, the plan and the thresholds as tuples."""
    currency = validate.text(N_("currency"), given.currency, maximum=3, required=True).upper()
    if len(currency) != 3 or not currency.isalpha():
        raise ValidationError(N_("currency"), _("{code} is not a 3-letter code such as "
                                                "USD").format(code=repr(currency)))
    if given.date_order is not None and given.date_order not in {o.value for o in DateOrder}:
        raise ValidationError(N_("date order"), _("must be dayfirst or monthfirst"))
    validate.text(N_("ladder"), given.ladder, maximum=40, required=True)
    warning = validate.count(N_("warning seconds"), given.warning_seconds,
                             maximum=WARNING_SECONDS_LIMIT)
    if warning < 5:
        raise ValidationError(N_("warning seconds"), _("must be from {low} to {high}").format(
            low=5, high=WARNING_SECONDS_LIMIT))
    validate.count(N_("closing reserve"), given.closing_reserve_minutes,
                   maximum=CLOSING_RESERVE_LIMIT)
    for name, label in _SWITCHES.items():
        if not isinstance(getattr(given, name), bool):
            raise ValidationError(label, _("must be on or off"))
    validate.text(N_("theme"), given.theme, maximum=60, required=True)
    if given.leap_day not in LEAP_DAY_RULES:
        raise ValidationError(N_("leap day"), _one_of(LEAP_DAY_RULES))
    validate.count(N_("reserve months"), given.reserve_months, maximum=RESERVE_MONTHS_LIMIT)
    split_plan = checked_plan(given.split_plan)
    minutes = validate.count(N_("discussion minutes"), given.discussion_minutes,
                             maximum=DISCUSSION_MINUTES_LIMIT)
    if minutes < 1:
        raise ValidationError(N_("discussion minutes"), _(
            "must be from {low} to {high}").format(low=1, high=DISCUSSION_MINUTES_LIMIT))
    motion_thresholds = checked_thresholds(given.motion_thresholds)
    if given.keys not in KEY_MODES:
        raise ValidationError(N_("keys"), _one_of(KEY_MODES))
    if given.language and given.language not in LANGUAGES:
        raise ValidationError(N_("language"), _one_of(LANGUAGES))
    return tuple({**given._asdict(), "currency": currency, "split_plan": split_plan,
                  "motion_thresholds": motion_thresholds}.values())


def _one_of(values) -> str:
    """The reason a setting is refused: the values it takes (stored words, never translated)."""
    return _("must be one of {values}").format(values=", ".join(values))


def checked_thresholds(pairs: object) -> tuple[tuple[str, str], ...]:
    """A threshold for every kind of motion (kinds not given keep their default)."""
    if not isinstance(pairs, list | tuple):
        raise ValidationError(N_("motion thresholds"), _("must be a list of kinds and thresholds"))
    chosen = dict(DEFAULT_THRESHOLDS)
    for pair in pairs:
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise ValidationError(N_("motion thresholds"), _("each must be a kind and a threshold"))
        kind, threshold = pair
        if kind not in MOTION_KINDS:
            raise ValidationError(N_("motion kind"), _("{kind} is not one of {kinds}").format(
                kind=echo(kind), kinds=", ".join(MOTION_KINDS)))
        if threshold not in MOTION_THRESHOLDS:
            raise ValidationError(_("threshold for {kind}").format(kind=kind),
                                  _one_of(MOTION_THRESHOLDS))
        chosen[kind] = threshold
    return tuple((kind, chosen[kind]) for kind in MOTION_KINDS)


def checked_plan(plan: object) -> tuple[tuple[str, int], ...]:
    """The contribution split: distinct service bodies with whole percents totalling 100
    (or no plan at all)."""
    if not isinstance(plan, list | tuple):
        raise ValidationError(N_("split plan"), _("must be a list of service bodies and percents"))
    if len(plan) > PLAN_RECIPIENTS_LIMIT:
        raise ValidationError(N_("split plan"), _("has {count} service bodies; the limit is "
                                                  "{limit}").format(count=len(plan),
                                                                    limit=PLAN_RECIPIENTS_LIMIT))
    checked, seen = [], set()
    for part in plan:
        if not isinstance(part, list | tuple) or len(part) != 2:
            raise ValidationError(N_("split plan"),
                                  _("each part must be a service body and a percent"))
        name = validate.text(N_("service body"), part[0], maximum=RECIPIENT_LIMIT, required=True)
        field = _("percent for {name}").format(name=name)
        percent = validate.count(field, part[1], maximum=100)
        if percent == 0:
            raise ValidationError(field, _("must be from {low} to {high}").format(low=1, high=100))
        if name.casefold() in seen:
            raise ValidationError(N_("split plan"),
                                  _("{name} is named twice").format(name=echo(name)))
        seen.add(name.casefold())
        checked.append((name, percent))
    total = sum(percent for _body, percent in checked)
    if checked and total != 100:
        raise ValidationError(N_("split plan"), _("the percents total {total}, not 100").format(
            total=total))
    return tuple(checked)
