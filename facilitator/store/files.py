"""Crash-safe file primitives: write beside, fsync, rename over, fsync the folder."""

import glob
import os
import re
from pathlib import Path

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
        os.chmod(new_folder, FOLDER_MODE)


def fsync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: readers and crashes see the old file or the new, whole."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files a killed writer left beside `path` and its backups.

    Call only while holding the writer's lock: then nobody is writing one of them.
    """
    prefix = f".{path.name}"
    for leftover in path.parent.glob(glob.escape(prefix) + "*.tmp"):
        middle = leftover.name[len(prefix):-len(".tmp")]  # ".123" or ".bak.1.123"
        if re.fullmatch(r"(\.bak(\.\d+)?|\.v\d+\.bak)?\.\d+", middle):
            leftover.unlink(missing_ok=True)


def copy_durably(source: Path, target: Path) -> None:
    """Copy `source` to `target` atomically (used for backups)."""
    atomic_write(target, source.read_bytes())
