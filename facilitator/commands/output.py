"""Writing a command's result to stdout as exact bytes (files: store/named_paths.py)."""

import os
import sys


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

