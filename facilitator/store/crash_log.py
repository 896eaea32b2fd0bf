"""The crash log beside the database: where in the code something failed, never what was typed.

The report is built by the caller from exception types and code locations only; this
module only keeps it, readable by the owner alone, and bounded in size.
"""

import os
from pathlib import Path

from facilitator.core.i18n import _
from facilitator.store.files import FILE_MODE
from facilitator.store.platform_files import NO_FOLLOW, make_private_fd, open_flags

LIMIT_BYTES = 256 * 1024  # past this the old reports go: the newest one is what helps


def crash_log_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".crash.log")


def append_crash_report(db_path: Path, report: str) -> Path:
    """Add one report to the crash log (mode 0600) in one write; return the log's path.

    A symlink in the log's place is refused (OSError), never followed.
    """
    path = crash_log_path(db_path)
    if not NO_FOLLOW and path.is_symlink():  # Windows: no O_NOFOLLOW to refuse it
        raise OSError(_("{path} is a link; the crash log is never written through one").format(
            path=path))
    fd = os.open(path, open_flags(os.O_WRONLY, os.O_APPEND, os.O_CREAT, NO_FOLLOW), FILE_MODE)
    try:
        make_private_fd(fd, FILE_MODE)
        if os.fstat(fd).st_size > LIMIT_BYTES:
            os.ftruncate(fd, 0)
            report = "(earlier reports were removed: the log had grown too long)\n" + report
        data = memoryview(report.encode("utf-8", "replace"))
        while data:
            data = data[os.write(fd, data):]
        os.fsync(fd)
    finally:
        os.close(fd)
    return path
