"""How soon the room display shows a change: `python benchmarks/display_lag.py`.

Runs the display headless on the system clock, beside a meeting written by LiveMeeting as
the app writes it, and times each change (someone raises a hand, a share starts, pauses,
ends) from the journal write to the screen having painted it. The display polls the journal
every POLL_SECONDS, so the lag's floor is about half of that; the contract is 0.5 s. Prints
the median and the worst lag, and the median of a bare `pilot.pause()` (the event loop's
own round trip, the baseline) measured in the same run. Run by hand, not in the tests.
"""

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from facilitator.core.clock import SystemClock
from facilitator.core.meeting.actions import QueueHand, ShareEnd, SharePause, ShareStart
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.meeting.room_view import RoomState
from facilitator.core.settings import GroupSettings
from facilitator.store.live_meeting import LiveMeeting
from facilitator.store.paths import journal_path
from facilitator.tui.display_app import DisplayApp
from facilitator.tui.screens.display_screen import POLL_SECONDS

TARGET_SECONDS = 0.5
# each change and what the room shows once it has followed it
CHANGES = [
    (QueueHand(), lambda view: view.waiting == 1),
    (ShareStart(), lambda view: view.state is RoomState.NORMAL),
    (SharePause(), lambda view: view.state is RoomState.PAUSED),
    (SharePause(), lambda view: view.state is RoomState.NORMAL),  # pressed again: resumes
    (ShareEnd(), lambda view: view.state is RoomState.BETWEEN),
]


async def until(pilot, condition) -> float:
    """Seconds until `condition()` holds and the screen has painted."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > 10:
            raise SystemExit("the display did not follow within 10 s")
        await pilot.pause(0.005)
    await pilot.pause()
    return time.perf_counter() - start


async def measure(rounds: int) -> tuple[list[float], list[float]]:
    lags: list[float] = []
    baseline: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        journal = journal_path(Path(folder) / "facilitator.json")
        app = DisplayApp(journal, SystemClock())
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            for _ in range(rounds):
                live = LiveMeeting.begin(journal, Meeting(name="Lag"), GroupSettings(),
                                         SystemClock())
                await until(pilot, lambda: screen.view is not None)
                for change, shown in CHANGES:
                    live.do(change)
                    lags.append(await until(pilot, lambda: shown(screen.view)))
                    start = time.perf_counter()
                    await pilot.pause()
                    baseline.append(time.perf_counter() - start)
                live.discard()
                await until(pilot, lambda: screen.view is None)
    return lags, baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6, help="meetings followed (default 6)")
    rounds = parser.parse_args().rounds
    lags, baseline = asyncio.run(measure(rounds))
    median = statistics.median(lags)
    print(f"display lag, {len(lags)} changes, poll every {POLL_SECONDS:.2f} s")
    print(f"  median {median * 1000:6.0f} ms   worst {max(lags) * 1000:6.0f} ms"
          f"   target <= {TARGET_SECONDS * 1000:.0f} ms")
    print(f"  baseline (one event-loop round trip): median "
          f"{statistics.median(baseline) * 1000:.1f} ms;"
          f" lag / poll interval = {median / POLL_SECONDS:.2f}")


if __name__ == "__main__":
    main()
