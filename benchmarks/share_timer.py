"""The share timer on the real `time.monotonic`: how far its reading strays from the truth.

A 0.5 s blocking stall (no tick), then a 0.2 s pause and 0.3 s more; the truth is taken on
an independent clock (`perf_counter`). Prints the median and worst error of N rounds. The
unit tests check the same readings exactly on a fake clock; only the real clock is timed here.

    .venv/bin/python benchmarks/share_timer.py --repeat 5
"""

import argparse
import statistics
import time

from facilitator.core.meeting.share_timer import ShareTimer


def one_round() -> float:
    """The timer's error in seconds after a stall and a pause."""
    began = time.perf_counter()
    timer = ShareTimer(planned_seconds=60).start(time.monotonic())
    time.sleep(0.5)
    timer = timer.pause(time.monotonic())
    paused_at = time.perf_counter()
    time.sleep(0.2)
    timer = timer.resume(time.monotonic())
    resumed_at = time.perf_counter()
    time.sleep(0.3)
    read = timer.elapsed(time.monotonic())
    truth = (time.perf_counter() - began) - (resumed_at - paused_at)
    return abs(read - truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    errors = [one_round() for _ in range(parser.parse_args().repeat)]
    print(f"share timer error after a stall and a pause: median {statistics.median(errors) * 1000:.2f} ms, "
          f"worst {max(errors) * 1000:.2f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
