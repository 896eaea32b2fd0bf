"""A named tuple that exists only when its values are valid: `Record`, `Meeting`,
`GroupSettings`. Each checks in its `__new__`; this base keeps the named tuple's own ways
of making a copy (`_make`, `_replace`) from going round that check."""


class CheckedTuple:
    """Mixed in before the named tuple: `class Meeting(CheckedTuple, _MeetingFields)`."""

    __slots__ = ()

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def _replace(self, **changes):
        return self.edit(**changes)

    def edit(self, **changes):
        """A copy with some values changed, checked again."""
        return type(self)(**{**self._asdict(), **changes})
