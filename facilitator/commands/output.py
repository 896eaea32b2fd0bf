"""Writing a command's result: to stdout as exact bytes, or atomically to a file."""

import os
import sys
from pathlib import Path

from facilitator.core.errors import ValidationError
from facilitator.store.files import atomic_write


def emit(data: bytes) -> None:
    """Write `data` to stdout unchanged (CRLF kept, UTF-8 whatever the locale)."""
    stream = getattr(sys.stdout, "buffer", None)
    try:
        if stream is None:
            sys.stdout.write(data.decode("utf-8"))
            sys.stdout.flush()
        else:
            stream.write(data)
            stream.flush()
    except BrokenPipeError:
        # `facilitator history | head` closed the pipe early: that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None


def write_file(option: str, data: bytes, field: str = "output") -> Path:
    """Replace the file named by -o with `data` in one atomic step (mode 0600)."""
    path = Path(option).expanduser()
    if path.is_dir():
        raise ValidationError(field, f"{path} is a folder; name a file")
    try:
        atomic_write(path, data)
    except OSError as error:
        raise ValidationError(field, f"cannot write {path}: {error.strerror or error}") from None
    return path
