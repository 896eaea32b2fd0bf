"""Crash-safe file primitives: write beside, fsync, rename over, fsync the folder."""

import glob
import os
import re
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def ensure_folder(folder: Path) -> None:
    """Create the data folder (mode 0700) if it is not there; leave an existing one alone."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)


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
