"""Errors the domain raises; the shell turns each into one line and an exit status."""

from facilitator.core.i18n import _, translated


class FacilitatorError(Exception):
    """Base of every error meant for a person to read (never a traceback)."""

    exit_status = 1


class ValidationError(FacilitatorError, ValueError):
    """A value a person gave is not acceptable; names the field and the reason."""

    exit_status = 1

    def __init__(self, field: str, reason: str) -> None:
        """`field` as marked with `N_` (translated here, into the line a person reads);
        `reason` already in the language in use."""
        self.field = field
        self.reason = reason
        # Translators: a value refused: the field's name, then why ("collection: must be…").
        super().__init__(_("{field}: {reason}").format(field=translated(field), reason=reason))
