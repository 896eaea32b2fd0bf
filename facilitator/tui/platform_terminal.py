"""What differs between Windows, macOS and Linux about signals, in one place.

Only the signals a platform has are named, and an event loop that cannot take signal
handlers (Windows' proactor loop raises NotImplementedError) is left to what Textual and
the platform do: there Ctrl+C still reaches the app, and closing the console window sends
CTRL_CLOSE_EVENT, which Python delivers as SIGBREAK.
"""

import asyncio
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# A closed terminal: SIGHUP on POSIX; the console window closed (or Ctrl+Break) on Windows.
HANG_UP_SIGNALS = ("SIGHUP", "SIGBREAK")


def signals_named(*names: str) -> list[signal.Signals]:
    """The signals among `names` that this platform has, in order."""
    return [getattr(signal, name) for name in names if hasattr(signal, name)]


def stop_on_signals(loop: asyncio.AbstractEventLoop, stop: Callable[[], object],
                    *names: str) -> list[signal.Signals]:
    """Call `stop` on the loop when one of the signals `names` arrives; return those handled.

    A signal this platform lacks is skipped, and so is every one when the loop takes no
    handlers (Windows): the app then stops the way the platform stops a console program.
    """
    handled = []
    for number in signals_named(*names):
        try:
            loop.add_signal_handler(number, stop)
        except (NotImplementedError, RuntimeError, ValueError):
            continue  # no handlers on this loop, or not from this thread
        handled.append(number)
    return handled


@contextmanager
def on_hang_up(handler: Callable[[int, object], None]) -> Iterator[list[signal.Signals]]:
    """Run `handler(signum, frame)` when the terminal goes away, for the body's duration.

    Yields the signals handled (none on a platform that has neither).
    """
    previous = {}
    for number in signals_named(*HANG_UP_SIGNALS):
        try:
            previous[number] = signal.signal(number, handler)
        except (OSError, ValueError):
            continue  # not the main thread, or refused by the platform
    try:
        yield list(previous)
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
