"""Random keys over every screen, seeded (see random_keys.py; more seeds: run it by hand).

Each seed below presses 1,200 keys, bursts, resizes and clock moves from the start screen
and reaches the screens listed with it; after every few bursts and at the end the app is
up, hid no error of its own, wrote no crash log of its own making, and the meeting in
progress equals its journal replayed. About half a minute per seed on a quiet machine.
"""

import pytest

from tests.tui.random_keys import drive

KEYS = 1200
CHIPS = {"ChipCalculatorScreen", "MeetingScreen:tab-chips"}
# seed -> screens it reaches (if a change of the app's keys moves a seed away from one of
# them, pick another seed with `python -m tests.tui.random_keys --seeds 1-30 --keys 1200`)
SEEDS = {
    3: {"StartScreen", "MeetingScreen:tab-signin", "ChipCalculatorScreen", "HistoryScreen",
        "SettingsScreen", "SummaryScreen", "ResumeScreen"},
    17: {"StartScreen", "MeetingScreen:tab-signin", "MeetingScreen:tab-chips",
         "ChipCalculatorScreen", "SettingsScreen", "SummaryScreen", "EditAttendeeScreen",
         "FormatEditorScreen"},
}


def test_the_seeds_cover_every_screen():
    reached = set().union(*SEEDS.values())
    assert {"StartScreen", "SettingsScreen", "HistoryScreen", "SummaryScreen"} <= reached
    assert CHIPS <= reached and any(name.startswith("MeetingScreen") for name in reached)


@pytest.mark.parametrize("seed", sorted(SEEDS))
async def test_random_keys(seed, tmp_path):
    run = await drive(seed, KEYS, tmp_path)
    assert run.keys >= KEYS
    missing = SEEDS[seed] - run.seen
    assert not missing, f"seed {seed} no longer reaches {missing}; reached {sorted(run.seen)}"
