"""What differs between Windows, macOS and Linux when files are written, in one place.

- A folder can be opened and fsynced (to make a rename durable) on Linux and macOS only;
  Windows refuses to open a folder, and there a rename is durable once it returns.
- On Windows, `os.replace` over a file that another program holds open (a second window
  reading the history, an antivirus scan, a sync client) fails with PermissionError for a
  moment: it is tried again a few times with a short back-off, then refused in one line.
- File modes (0600, 0700) mean something on POSIX only; on Windows the data folder is
  protected by the user's profile, and `os.chmod` would only toggle "read-only".
- Files are opened in binary mode (Windows' text mode would turn "\\n" into "\\r\\n"), and
  a link is refused when opening where the platform can say so (O_NOFOLLOW).
"""

import errno
import os
import time
from pathlib import Path

from facilitator.core.i18n import _

POSIX = os.name == "posix"
WINDOWS = os.name == "nt"  # where a file open elsewhere cannot be replaced or deleted
BINARY = getattr(os, "O_BINARY", 0)  # Windows only; 0 elsewhere
NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # absent on Windows

# os.replace: this many tries in all, sleeping between them; under a second altogether.
REPLACE_TRIES = 5
REPLACE_BACK_OFF_SECONDS = (0.05, 0.1, 0.2, 0.4)

# What opening a folder gives where the platform cannot open one (Windows: EACCES).
_FOLDER_OPEN_REFUSED = (errno.EACCES, errno.EPERM, errno.EISDIR, errno.EINVAL)


class HeldOpenElsewhere(PermissionError):
    """The file stayed open in another program through every try: it is as it was."""

    def __init__(self, target: Path, error: OSError) -> None:
        reason = error.strerror or str(error)
        super().__init__(error.errno, _("{reason}: {name} stayed open in another program, "
                                        "such as a second window, an antivirus or a sync "
                                        "client; close it and try again").format(
            reason=reason, name=Path(target).name))
        self.target = Path(target)


def replace(source: Path, target: Path) -> None:
    """`os.replace(source, target)`, tried again on PermissionError; HeldOpenElsewhere at last.

    Any other error is raised at once. `source` is left in place when refused, so the
    caller's clean-up (deleting its temporary, undoing a rotation) still applies.
    """
    _retried(lambda: os.replace(source, target), target)


def remove(path: Path) -> None:
    """Delete `path` if it is there, tried again while another program reads it (Windows
    refuses to delete a file open elsewhere: the room display reading the journal)."""
    _retried(lambda: Path(path).unlink(missing_ok=True), path)


def _retried(operation, target: Path) -> None:
    """Elsewhere a PermissionError means permissions: raised at once, as it is."""
    for attempt in range(REPLACE_TRIES):
        try:
            operation()
            return
        except PermissionError as error:
            if not WINDOWS:
                raise
            if attempt == REPLACE_TRIES - 1:
                raise HeldOpenElsewhere(target, error) from None
            time.sleep(REPLACE_BACK_OFF_SECONDS[attempt])


def sync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable, where the platform can.

    Windows cannot open a folder (nor needs to); a filesystem that refuses to open one
    gets the same treatment. A failing fsync of an opened folder is raised: that is the
    disk saying the rename may not last.
    """
    if not POSIX:
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        if error.errno in _FOLDER_OPEN_REFUSED:
            return
        raise
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private(path: Path, mode: int) -> None:
    """Give `path` its owner-only `mode` where modes mean something (not on Windows)."""
    if POSIX:
        os.chmod(path, mode)


def make_private_fd(fd: int, mode: int) -> None:
    """make_private for an open file (os.fchmod is POSIX only)."""
    if POSIX:
        os.fchmod(fd, mode)


def open_flags(*flags: int) -> int:
    """`flags` for os.open, in binary mode on every platform."""
    combined = BINARY
    for flag in flags:
        combined |= flag
    return combined
