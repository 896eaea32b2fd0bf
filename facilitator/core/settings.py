"""The group's own settings, kept in the database and edited in the app."""

from dataclasses import asdict, dataclass, replace

from facilitator.core import validate
from facilitator.core.dates import DateOrder
from facilitator.core.errors import ValidationError

LEAP_DAY_RULES = ("feb28", "mar1")


WARNING_SECONDS_LIMIT = 600  # the share timer warns at most this long before the end
CLOSING_RESERVE_LIMIT = 60  # minutes kept for the closing

@dataclass(frozen=True)
class GroupSettings:
    """Settings that hold for every meeting of the group."""

    currency: str = "USD"
    date_order: str | None = None  # None: numeric dates must be unambiguous
    ladder: str = "aa"
    warning_seconds: int = 60
    bell: bool = False
    names_on_display: bool = False
    theme: str = "textual-dark"
    closing_reserve_minutes: int = 5
    leap_day: str = "feb28"

    def __post_init__(self) -> None:
        currency = validate.text("currency", self.currency, maximum=3, required=True).upper()
        if len(currency) != 3 or not currency.isalpha():
            raise ValidationError("currency", f"{currency!r} is not a 3-letter code such as USD")
        object.__setattr__(self, "currency", currency)
        if self.date_order is not None and self.date_order not in {o.value for o in DateOrder}:
            raise ValidationError("date order", "must be dayfirst or monthfirst")
        validate.text("ladder", self.ladder, maximum=40, required=True)
        warning = validate.count("warning seconds", self.warning_seconds,
                                 maximum=WARNING_SECONDS_LIMIT)
        if warning < 5:
            raise ValidationError("warning seconds", f"must be from 5 to {WARNING_SECONDS_LIMIT}")
        validate.count("closing reserve", self.closing_reserve_minutes,
                       maximum=CLOSING_RESERVE_LIMIT)
        for name in ("bell", "names_on_display"):
            if not isinstance(getattr(self, name), bool):
                raise ValidationError(name.replace("_", " "), "must be on or off")
        validate.text("theme", self.theme, maximum=60, required=True)
        if self.leap_day not in LEAP_DAY_RULES:
            raise ValidationError("leap day", f"must be one of {', '.join(LEAP_DAY_RULES)}")

    def edit(self, **changes) -> "GroupSettings":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "GroupSettings":
        known = cls.__dataclass_fields__
        return cls(**{key: value for key, value in data.items() if key in known})
