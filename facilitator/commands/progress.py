"""Progress of a slow command: one line on stderr, at a terminal only, after half a second."""

import sys
import threading
from typing import TextIO

from facilitator.core.i18n import _


class Progress:
    """`with Progress() as progress: progress.step("reading…")`; silent when not a terminal.

    The line appears only once the command has run for `delay` seconds, so quick commands
    print nothing, and it is erased when the command ends.
    """

    def __init__(self, stream: TextIO | None = None, delay: float = 0.5) -> None:
        self._stream = stream or sys.stderr
        self._delay = delay
        self._text = _("working")
        self._shown = False
        self._done = False
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def __enter__(self) -> "Progress":
        if self._stream.isatty():
            self._timer = threading.Timer(self._delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def step(self, text: str) -> None:
        with self._lock:
            self._text = text
            if self._shown:
                self._write(f"\r\x1b[K{text}…")

    def _show(self) -> None:
        with self._lock:
            if not self._done:
                self._shown = True
                self._write(f"\r\x1b[K{self._text}…")

    def _write(self, text: str) -> None:
        self._stream.write(text)
        self._stream.flush()

    def __exit__(self, *exc) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._done = True
            if self._shown:
                self._write("\r\x1b[K")
