"""Errors the domain raises; the shell turns each into one line and an exit status."""


class FacilitatorError(Exception):
    """Base of every error meant for a person to read (never a traceback)."""

    exit_status = 1


class ValidationError(FacilitatorError, ValueError):
    """A value a person gave is not acceptable; names the field and the reason."""

    exit_status = 1

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")
