"""A batch command's pause of the collector: nothing left to walk at once after it, and
garbage made during it still collected."""

import gc
import weakref

from facilitator.store.batch_gc import collector_paused


class Node:
    pass


def test_what_the_block_made_is_not_left_young_and_cycles_are_still_collected():
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        with collector_paused():
            assert not gc.isenabled()
            kept = [[n] for n in range(50_000)]  # as a read of many records leaves
            cycle = Node()
            cycle.self = cycle
            gone = weakref.ref(cycle)
            del cycle
            collections: list[str] = []
            gc.callbacks.append(lambda phase, info: collections.append(phase))
        try:
            assert gc.isenabled()
            after = [[] for _ in range(100)]  # fewer than a young generation's threshold
        finally:
            gc.callbacks.pop()
        assert collections == []  # else this first allocation walked all 50,000 lists
        assert len(kept) == 50_000 and len(after) == 100
        gc.collect()
        assert gone() is None
    finally:
        if not was_enabled:
            gc.disable()


def test_a_collector_off_before_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
