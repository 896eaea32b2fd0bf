"""What a crash report holds: exception types and code locations, nothing a person typed.

An exception's message may quote a name or a typed value, and a frame's locals hold them
for sure: neither is ever written. File paths are cut to the package or the library path,
so a home folder (often a person's name) is not written either.
"""

import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

import facilitator

_PROJECT_ROOT = Path(facilitator.__file__).resolve().parent.parent


def crash_report(error: BaseException, where: str, outcome: str, when: datetime) -> str:
    """A few lines: when, what happened to the app, each exception's type and its frames."""
    lines = [f"--- {when:%Y-%m-%d %H:%M:%S} {outcome}" + (f" in {where}" if where else ""),
             f"facilitator {_version('facilitator')}, textual {_version('textual')}, "
             f"python {platform.python_version()}, {platform.system()}"]
    for index, exception in enumerate(_chain(error)):
        kind = type(exception)
        lines.append(("caused by " if index else "") + f"{kind.__module__}.{kind.__qualname__}")
        for frame in traceback.extract_tb(exception.__traceback__):
            lines.append(f"  {short_path(frame.filename)}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def short_path(filename: str) -> str:
    """The path below the project or the library folder it was found in; else the name."""
    path = Path(filename)
    roots = [_PROJECT_ROOT, *(Path(entry) for entry in sys.path if entry)]
    for root in sorted((root for root in roots if root.is_absolute()),
                       key=lambda root: len(root.parts), reverse=True):
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.name


def _chain(error: BaseException) -> list[BaseException]:
    """The error, then what caused it (a failed worker's error included), each once."""
    from textual.worker import WorkerFailed

    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        if isinstance(current, WorkerFailed) and isinstance(current.error, BaseException):
            current = current.error
        elif current.__cause__ is not None:
            current = current.__cause__
        else:
            current = None if current.__suppress_context__ else current.__context__
    return chain


def _version(package: str) -> str:
    from importlib import metadata  # only when a report is written: it costs the start-up

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"
