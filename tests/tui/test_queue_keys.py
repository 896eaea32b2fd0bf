"""The speaker queue on the meeting screen: every key, the modes, priority, clear and undo."""

from collections.abc import Callable
from dataclasses import dataclass

from textual.widgets import Input

from facilitator.core.schedule.meeting import Meeting
from facilitator.store import journal
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.widgets.attendee_table import AttendeeTable
from facilitator.tui.widgets.queue_list import QueueList
from tests.tui.typed import type_text

ROOM = ("Ann", "Bo", "Cy")
MEETING = Meeting(name="Tuesday Night", share_minutes=4, duration_minutes=60)


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def journaled(path) -> list[dict]:
    """The actions in the live journal after the start action."""
    return [entry["a"] for entry in journal.read(path).entries[1:]]


def waiting(screen: MeetingScreen) -> list[str]:
    return [person.label for person in screen.live.session.queue.waiting]


def sharing(screen: MeetingScreen) -> str | None:
    person = screen.live.session.queue.sharing
    return person.label if person else None


def stats(screen: MeetingScreen) -> tuple[int, int, int, int]:
    s = screen.live.session.stats
    return s.shares, s.share_seconds, s.over_time, s.passes


@dataclass(frozen=True)
class Case:
    """Keys pressed with the queue list focused, what the session then holds, the actions."""

    keys: list[str]
    observe: Callable[[MeetingScreen], object]
    expected: object
    types: list[str]
    name: str


QUEUE_LIST_KEYS = [
    Case(["h"], waiting, ["Ann", "Bo", "Cy", "Hand 1"], ["queue_hand"], "h: raised hand"),
    Case(["down", "u"], waiting, ["Bo", "Ann", "Cy"], ["queue_up"], "u: up"),
    Case(["d"], waiting, ["Bo", "Ann", "Cy"], ["queue_down"], "d: down"),
    Case(["down", "down", "t"], waiting, ["Cy", "Ann", "Bo"], ["queue_top"], "t: top"),
    Case(["down", "x"], waiting, ["Ann", "Cy"], ["queue_remove"], "x: remove"),
    Case(["down", "delete"], waiting, ["Ann", "Cy"], ["queue_remove"], "delete: remove"),
    Case(["n"], lambda s: (sharing(s), waiting(s), s.live.session.timer.running),
         ("Ann", ["Bo", "Cy"], True), ["share_start"], "n: next"),
    Case(["down", "enter"], lambda s: (sharing(s), waiting(s)), ("Bo", ["Ann", "Cy"]),
         ["share_start"], "enter: this one shares"),
    Case(["n", "e"], lambda s: (sharing(s), s.live.session.queue.last.label, stats(s)),
         (None, "Ann", (1, 0, 0, 0)), ["share_start", "share_end"], "e: end"),
    Case(["n", "space"], lambda s: s.live.session.timer.paused, True,
         ["share_start", "share_pause"], "space: pause"),
    Case(["n", "space", "space"], lambda s: s.live.session.timer.paused, False,
         ["share_start", "share_pause", "share_pause"], "space: resume"),
    # p passes the highlighted person (Bo), never the one sharing (Ann).
    Case(["n", "p"], lambda s: (sharing(s), waiting(s), stats(s)),
         ("Ann", ["Cy"], (0, 0, 0, 1)), ["share_start", "queue_pass"], "p: highlighted passes"),
    Case(["plus"], lambda s: s.live.session.share_seconds, 300, ["share_adjust"], "+"),
    Case(["equals_sign"], lambda s: s.live.session.share_seconds, 300, ["share_adjust"], "="),
    Case(["minus"], lambda s: s.live.session.share_seconds, 180, ["share_adjust"], "-"),
    Case(["n", "plus"],
         lambda s: (s.live.session.timer.planned_seconds, s.live.session.share_seconds),
         (300, 240), ["share_start", "share_adjust"], "+ during a share: that share only"),
    # 60 minutes, nobody shared yet: (3600 - 300 reserve) / 3 waiting = 18:20, so 18 minutes.
    Case(["s"], lambda s: s.live.session.share_seconds, 18 * 60, ["share_length"], "s"),
    Case(["n", "e", "r"], waiting, ["Bo", "Cy", "Ann"],
         ["share_start", "share_end", "queue_readd"], "r: re-add last"),
    Case(["m"], lambda s: s.live.session.queue.mode, "round", ["queue_mode"], "m: mode"),
    Case(["m", "m"], lambda s: s.live.session.queue.mode, "popcorn",
         ["queue_mode", "queue_mode"], "m twice"),
    Case(["o"], lambda s: s.live.session.queue.priority, False, ["queue_priority"], "o"),
    Case(["b"], lambda s: s.live.session.bell, True, ["bell"], "b: bell"),
    Case(["c", "y"], waiting, [], ["queue_clear"], "c: clear, confirmed"),
]


async def test_each_queue_list_key_does_its_action_and_undo_takes_it_back(make_app, start_meeting,
                                                                        journal_file):
    """One meeting for the whole table: after each case ctrl+z restores the queue exactly."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        queue_list = screen.query_one(QueueList)
        base = screen.live.session
        for case in QUEUE_LIST_KEYS:
            entries = len(journaled(journal_file))
            queue_list.highlighted = 0
            await pilot.press(*case.keys)
            await pilot.pause()
            assert case.observe(screen) == case.expected, case.name
            assert [a["type"] for a in journaled(journal_file)[entries:]] == case.types, case.name
            await pilot.press(*["ctrl+z"] * len(case.types))
            await pilot.pause()
            assert screen.live.session == base, case.name
            assert queue_list.has_focus, case.name


async def test_the_speaker_moved_or_removed_is_the_highlighted_one(make_app, start_meeting,
                                                                   journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("down", "down", "u")
        await pilot.pause()
        assert waiting(screen) == ["Ann", "Cy", "Bo"]
        assert screen.query_one(QueueList).highlighted_speaker == "a3"  # the cursor follows
        await pilot.press("u", "x")
        await pilot.pause()
        assert waiting(screen) == ["Ann", "Bo"]
    moves = [a for a in journaled(journal_file) if a["type"].startswith("queue_")][1:]
    assert moves == [{"type": "queue_up", "speaker": "a3"}, {"type": "queue_up", "speaker": "a3"},
                     {"type": "queue_remove", "speaker": "a3"}]


async def test_ctrl_r_signs_in_and_queues_the_typed_name_or_a_raised_hand(make_app, start_meeting,
                                                                         journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=["Ann"])
        name_box = screen.query_one("#name-input", Input)
        await type_text(pilot, name_box, "Ann")
        await pilot.press("ctrl+r")           # the signed-in Ann: only joins the queue
        await type_text(pilot, name_box, "Zoe")
        await pilot.press("ctrl+r")           # nobody of that name: signs in and joins it
        await pilot.press("ctrl+r", "ctrl+r")  # nothing typed: anonymous raised hands
        await pilot.pause()
        assert waiting(screen) == ["Ann", "Zoe", "Hand 1", "Hand 2"]
        assert [p.id for p in screen.live.session.queue.waiting][:2] == ["a1", "a2"]
        assert name_box.has_focus and name_box.value == ""
        assert [p.name for p in screen.live.session.attendees] == ["Ann", "Zoe"]  # counted once
    assert [a["type"] for a in journaled(journal_file)[1:]] == [
        "sign_in_and_queue", "sign_in_and_queue", "queue_hand", "queue_hand"]


# Keys that act while a half-typed name sits in the focused name box.
KEYS_WHILE_TYPING = [
    ("ctrl+n", lambda s: (sharing(s), s.live.session.timer.running), ("Ann", True),
     ["share_start"]),
    ("ctrl+e", lambda s: (sharing(s), stats(s)), (None, (1, 0, 0, 0)),
     ["share_start", "share_end"]),
    ("ctrl+b", lambda s: s.live.session.timer.paused, True, ["share_start", "share_pause"]),
]


async def test_share_keys_work_while_the_name_box_has_focus(make_app, start_meeting,
                                                            journal_file):
    """One meeting for the three keys: after each, ctrl+z takes back Ann's turn and the share
    exactly, so each key starts from the same meeting with an empty name box."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM)
        name_box = screen.query_one("#name-input", Input)
        base = screen.live.session
        for key, observe, expected, types in KEYS_WHILE_TYPING:
            name_box.value = ""
            await type_text(pilot, name_box, "Ann")
            await pilot.press("ctrl+r")
            if key != "ctrl+n":
                await pilot.press("ctrl+n")
            assert name_box.has_focus, key  # starting a share does not take the box away
            await type_text(pilot, name_box, "Zed")
            await pilot.press(key)
            await pilot.pause()
            assert observe(screen) == expected, key
            assert name_box.value == "Zed", key  # what was being typed is kept
            assert [a["type"] for a in journaled(journal_file)][-len(types):] == types, key
            await pilot.press(*["ctrl+z"] * (len(types) + 1))  # the share, then Ann's turn
            await pilot.pause()
            assert screen.live.session == base, key


async def test_q_queues_the_highlighted_attendee(make_app, start_meeting, journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM)
        screen.query_one(AttendeeTable).focus()
        await pilot.press("q", "up", "q")  # the newest row is highlighted first
        await pilot.pause()
        assert waiting(screen) == ["Cy", "Bo"]
    assert journaled(journal_file)[-2:] == [{"type": "queue_attendee", "id": 3},
                                            {"type": "queue_attendee", "id": 2}]


async def test_nobody_can_wait_twice(make_app, start_meeting, journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        before = screen.live.session
        entries = len(journal.read(journal_file).entries)
        name_box = screen.query_one("#name-input", Input)
        name_box.focus()
        await type_text(pilot, name_box, "ann")  # the same person, typed in another case
        await pilot.press("ctrl+r")
        screen.query_one(AttendeeTable).focus()
        await pilot.press("q")  # Cy, highlighted in the sign-in list, is waiting already
        await pilot.press("f7", "a")  # the room again: nobody is added twice
        await pilot.pause()
        assert screen.live.session.queue == before.queue
        errors = [m for m in messages(app) if "already waiting" in m]
        assert errors == ["speaker: is already waiting"] * 2
        assert all("\n" not in m for m in errors)
        assert screen.query_one("#name-input", Input).value == "ann"  # kept to correct
    # The refused actions were never journaled; the room refill was, and changed nothing.
    assert [a["type"] for a in journaled(journal_file)][entries - 1:] == ["queue_round"]


async def test_the_person_sharing_cannot_also_wait(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("n")
        before = screen.live.session.queue
        name_box = screen.query_one("#name-input", Input)
        name_box.focus()
        await type_text(pilot, name_box, "Ann")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert screen.live.session.queue == before
        assert "speaker: is sharing now and cannot also wait" in messages(app)


async def test_clear_asks_first(make_app, start_meeting, journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "3 waiting" in str(app.screen.query_one(".dialog-text").render())
        await pilot.press("n")  # keep
        await pilot.pause()
        assert app.screen is screen and waiting(screen) == ["Ann", "Bo", "Cy"]
        await pilot.press("escape")  # the list keeps focus; escape there changes nothing
        screen.query_one(QueueList).focus()
        await pilot.press("c", "y")
        await pilot.pause()
        assert app.screen is screen and waiting(screen) == []
        assert [p.label for p in screen.live.session.attendees] == ["Ann", "Bo", "Cy"]
        await pilot.press("c")  # nothing to clear: no question
        await pilot.pause()
        assert app.screen is screen
    assert [a["type"] for a in journaled(journal_file)].count("queue_clear") == 1


async def test_popcorn_asks_who_was_picked(make_app, start_meeting, journal_file):
    popcorn = Meeting(name="Popcorn", share_minutes=3, queue_mode="popcorn")
    app = make_app(meetings=[popcorn])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM)
        await pilot.press("f7", "a")
        screen.query_one("#name-input", Input).focus()
        await pilot.press("ctrl+n")  # from the name box: the queue takes focus, nobody starts
        await pilot.pause()
        assert screen.live.session.timer is None and sharing(screen) is None
        assert screen.query_one(QueueList).has_focus
        assert "Popcorn: highlight who was picked, then Enter." in messages(app)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert sharing(screen) == "Cy" and waiting(screen) == ["Ann", "Bo"]
        await pilot.press("e", "down", "n")  # with the list focused, n takes the highlighted
        await pilot.pause()
        assert sharing(screen) == "Bo" and waiting(screen) == ["Ann"]
    starts = [a for a in journaled(journal_file) if a["type"] == "share_start"]
    assert starts == [{"type": "share_start", "pick": "a3"}, {"type": "share_start", "pick": "a2"}]


async def test_round_robin_fills_from_the_sign_ins_in_order(make_app, start_meeting):
    around = Meeting(name="Around", share_minutes=3, queue_mode="round")
    app = make_app(meetings=[around])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=["Ann", "", "Cy"])
        await pilot.press("ctrl+r")  # a raised hand before the round
        await type_text(pilot, screen.query_one("#name-input", Input), "Bo")
        await pilot.press("f3")  # a newcomer signs in late: still in sign-in order
        await pilot.press("f7", "a")
        await pilot.pause()
        assert waiting(screen) == ["Hand 1", "Ann", "Guest 2", "Cy", "Bo"]
        await pilot.press("n", "e")  # the hand shares
        await pilot.press("n")  # Ann shares; the room again adds nobody twice
        await pilot.press("a")
        await pilot.pause()
        assert sharing(screen) == "Ann"
        assert waiting(screen) == ["Guest 2", "Cy", "Bo"]


async def test_priority_puts_first_timers_and_newcomers_ahead(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=["Ann", "Bo"])
        name_box = screen.query_one("#name-input", Input)
        await type_text(pilot, name_box, "Nia")
        await pilot.press("f3")  # a newcomer
        for name in ("Ann", "Nia"):
            await type_text(pilot, name_box, name)
            await pilot.press("ctrl+r", "ctrl+n", "ctrl+e")  # both share once
        for name in ("Ann", "Nia", "Bo"):
            await type_text(pilot, name_box, name)
            await pilot.press("ctrl+r")
        await pilot.pause()
        # Nia has shared but is a newcomer; Bo has not shared yet: both go ahead of Ann.
        assert waiting(screen) == ["Nia", "Bo", "Ann"]
        await pilot.press("f7", "o", "f7")  # priority off: strict order from now on
        await pilot.press("ctrl+n", "ctrl+e")
        await type_text(pilot, name_box, "Nia")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert waiting(screen) == ["Bo", "Ann", "Nia"]
        await pilot.press("f7", "o")  # on again: the prioritised move ahead, each group in order
        await pilot.pause()
        assert waiting(screen) == ["Bo", "Nia", "Ann"]


async def test_undo_restores_the_queue_exactly(make_app, start_meeting, clock, journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        states = [screen.live.session]
        for keys in (["h"], ["down", "down", "t"], ["n"], ["down", "u"], ["e"], ["r"], ["m"],
                     ["o"], ["c", "y"]):
            clock.advance(30)
            await pilot.press(*keys)
            await pilot.pause()
            screen.query_one(QueueList).focus()
            assert screen.live.session != states[-1], keys
            states.append(screen.live.session)
        for expected in reversed(states[:-1]):
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert screen.live.session.queue == expected.queue
            assert screen.live.session == expected
        assert waiting(screen) == ["Ann", "Bo", "Cy"]
        assert [o.id for o in screen.query_one(QueueList).options] == ["a1", "a2", "a3"]
    assert [a["type"] for a in journaled(journal_file)][-9:] == ["undo"] * 9


async def test_the_queue_keys_are_in_the_command_palette(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM)
        commands = {command.title: command for command in app.get_system_commands(screen)}
        queue_commands = {title for title in commands if title.startswith("Queue: ")}
        assert {"Queue: Hand", "Queue: Suggested", "Queue: Clear", "Queue: Mode",
                "Queue: Priority", "Queue: Bell", "Queue: Re-add last"} <= queue_commands
        await commands["Queue: Add room"].callback()
        await commands["Queue: Hand"].callback()
        await pilot.pause()
        assert waiting(screen) == ["Ann", "Bo", "Cy", "Hand 1"]
        assert commands["Queue: Bell"].help == "key: b in the queue list (F7 or ctrl+u)"
