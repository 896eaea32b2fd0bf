"""For a command that reads a whole database once and exits: no cyclic garbage collection.

Reading 100,000 records makes hundreds of thousands of objects at once (the parsed file),
none of them garbage: each collection on the way would walk all of them again, which adds
a third to the time of `history` or `export`. A batch command pauses the collector while
it works; reference counting still frees what it drops. The app never pauses it: it runs
for hours, and its reads are made to leave few objects for the collector to walk.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Cyclic garbage collection off for the `with` block (left as it was after)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What the block made counts as long-lived from now on, not as young: else the
        # first allocation after it walks all of it at once (a tenth of a second after a
        # read of 100,000 records). Moving the young into the oldest generation this way
        # takes no time; cyclic garbage among them is still found by its next collection.
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()
