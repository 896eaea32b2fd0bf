"""How a meeting action becomes a journal line and back: strictly, field by field.

An action is a frozen dataclass whose fields are plain JSON values (bool, int, str, None, a
list of sections) or a date/datetime (written as ISO text). A field with a default may be
missing from the JSON; `written_unless_default` marks one the journal leaves out while it
holds its default, as the journal always has (a sign-in names only the flag it sets).
"""

from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from types import NoneType, UnionType
from typing import Any, ClassVar, Self, get_args, get_origin

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _

_OMIT = "omit_when_default"


def written_unless_default(default: Any) -> Any:
    """A field the journal leaves out while it holds `default`."""
    return field(default=default, metadata={_OMIT: True})


@dataclass(frozen=True)
class Action:
    """One thing the facilitator did; `type` names it in the journal."""

    type: ClassVar[str]

    def to_json(self) -> dict:
        """The journal's JSON for this action."""
        data: dict[str, Any] = {"type": self.type}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if spec.metadata.get(_OMIT) and value == spec.default:
                continue
            data[spec.name] = _to_json_value(value)
        return data

    @classmethod
    def from_json(cls, data: object) -> Self:
        """The action in a journal's JSON; a wrong, missing or unknown field is refused."""
        if not isinstance(data, dict) or data.get("type") != cls.type:
            raise ValidationError(N_("action"), _("is not a {type} action").format(type=cls.type))
        known = {spec.name: spec for spec in fields(cls)}
        unknown = [str(key)[:20] for key in data if key != "type" and key not in known]
        if unknown:
            raise ValidationError(f"{cls.type} {unknown[0]}", _("is not a field of this action"))
        values = {}
        for name, spec in known.items():
            if name in data:
                values[name] = _from_json_value(cls.type, name, spec.type, data[name])
            elif spec.default is MISSING and spec.default_factory is MISSING:
                raise ValidationError(f"{cls.type} {name}", _("is missing"))
        return cls(**values)


def _to_json_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [dict(item) for item in value]
    return value


_KIND_NAMES = {bool: N_("true or false"), int: N_("a whole number"), str: N_("text")}


def _from_json_value(action: str, name: str, expected: Any, value: object) -> Any:
    """`value` as the field's type; the error names the action and the field, never the value
    (it may be a person's name)."""
    where = f"{action} {name}"
    if isinstance(expected, UnionType):  # X | None
        if value is None:
            return None
        (expected,) = [arg for arg in get_args(expected) if arg is not NoneType]
    if expected in (date, datetime):
        try:
            return expected.fromisoformat(value)  # type: ignore[union-attr]
        except (TypeError, ValueError):
            raise ValidationError(where, _("must be an ISO {kind}").format(
                kind=expected.__name__)) from None
    if get_origin(expected) is tuple:  # a list of JSON objects (a format's sections)
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise ValidationError(where, _("must be a list of objects"))
        return tuple(dict(item) for item in value)
    if expected is int and isinstance(value, bool):
        raise ValidationError(where, _("must be a whole number"))
    if not isinstance(value, expected):
        kind = _(_KIND_NAMES[expected]) if expected in _KIND_NAMES else expected.__name__
        # Translators: {kind} is "true or false", "a whole number" or "text".
        raise ValidationError(where, _("must be {kind}").format(kind=kind))
    return value
