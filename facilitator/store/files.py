"""Crash-safe file primitives: write beside, fsync, rename over, fsync the folder."""

import os
import re
import stat
import tempfile
from pathlib import Path
from typing import NamedTuple

from facilitator.core.i18n import _
from facilitator.store import platform_files

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def ensure_folder(folder: Path) -> None:
    """Create the data folder, and any folder above it that is missing, with mode 0700.

    An existing folder is left as it is. mkdir(parents=True) would give the folders above
    the umask's mode, and a folder others may write to lets them swap the data folder.
    """
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for new_folder in reversed(missing):
        new_folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
        platform_files.make_private(new_folder, FOLDER_MODE)


class SavedNotDurable(OSError):
    """The new file took the old one's place, but the folder could not be synced after it.

    The change is there for every reader; a power cut before the disk writes the folder
    could still lose it. Said as it is, never as "the previous version is intact".
    """


def write_temporary(path: Path, data: bytes) -> Path:
    """`data` in a new temporary file beside `path`, fsynced; on failure no file is left.

    The name is new (O_EXCL, never a link followed), hidden and mode 0600:
    `.NAME.PID.RANDOM.tmp`.
    """
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                                dir=path.parent)
    temporary = Path(name)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: readers and crashes see the old file or the new, whole.

    A failure before the rename leaves the old file and no temporary; a failure to sync
    the folder after it raises SavedNotDurable (the new file is in place).
    """
    temporary = write_temporary(path, data)
    try:
        platform_files.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    try:
        platform_files.sync_folder(path.parent)
    except OSError as error:
        raise SavedNotDurable(error.errno, error.strerror or str(error)) from None


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files a killed writer left beside `path` and its backups.

    Call only while holding the writer's lock: then nobody is writing one of them.
    """
    # ".facilitator.json.123.x8k2.tmp", or ".facilitator.json.bak.1.123.x8k2.tmp" (a backup's)
    written = re.compile(re.escape(f".{path.name}")
                         + r"(\.bak(\.\d+)?|\.v\d+\.bak)?\.\d+(\.\w+)?\.tmp")
    for leftover in path.parent.iterdir():
        if written.fullmatch(leftover.name):
            leftover.unlink(missing_ok=True)


def copy_durably(source: Path, target: Path) -> None:
    """Copy `source` to `target` atomically (used for backups)."""
    atomic_write(target, read_regular(source))


class NotARegularFile(OSError):
    """A folder, pipe, device or socket where a file's content was expected."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(_("it is {kind}, not a regular file").format(kind=kind))
        self.path = path
        self.kind = kind


def kind_of(mode: int) -> str | None:
    """None for a regular file, else what it is, said plainly ("a folder")."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a regular file")


class FileStamp(NamedTuple):
    """Which file is at a path, and how it was when stamped: each atomic write puts a new
    file there (a new inode, a new change time)."""

    device: int
    inode: int
    size: int
    changed_ns: int
    modified_ns: int


def file_stamp(path: Path) -> FileStamp | None:
    """The stamp of the file at `path` now; None when there is none (or it cannot be
    looked at: reading it says why)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return FileStamp(found.st_dev, found.st_ino, found.st_size, found.st_ctime_ns,
                     found.st_mtime_ns)


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path` (links followed), at most `limit` + 1 of them.

    Anything else raises NotARegularFile without waiting: the kind is checked from a stat
    before opening, and the open never blocks (O_NONBLOCK), so a pipe with no writer is
    refused instead of hanging.
    """
    kind = kind_of(os.stat(path).st_mode)
    if kind:
        raise NotARegularFile(path, kind)
    flags = platform_files.open_flags(os.O_RDONLY, getattr(os, "O_NONBLOCK", 0),
                                      getattr(os, "O_NOCTTY", 0))
    with os.fdopen(os.open(path, flags), "rb") as file:
        kind = kind_of(os.fstat(file.fileno()).st_mode)  # it may have changed since the stat
        if kind:
            raise NotARegularFile(path, kind)
        return file.read() if limit is None else file.read(limit + 1)
