"""Hybrid meetings on the meeting screen: the counts bar, the 7th tradition's online box,
the queue's tags."""

from textual.widgets import Input, Static

from facilitator.core.meeting.actions import SignIn
from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.widgets.queue_list import QueueList

MEETING = Meeting(name="Tuesday Night")


async def test_the_room_and_online_are_counted_apart_and_both_amounts_kept(make_app,
                                                                           start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press(*"Ann", "f2", "f2", *"Zoë", "f5")
        await pilot.pause()
        counts = str(screen.query_one("#counts-text", Static).render()).splitlines()
        assert counts[:2] == ["in the room 2  online 1", "total 3"]
        await pilot.press("f8", *"35.25", "enter", "f8", "tab", *"12", "enter")
        await pilot.pause()
        session = screen.live.session
        assert (session.collection, session.collection_online) == (4725, 1200)
        total = str(screen.query_one("#collection-total", Static).render())
        assert total == "collected: 47.25 USD (35.25 in the room, 12.00 online)"
        await pilot.press("f8", *"40", "enter")  # the room's amount corrected: online stays
        await pilot.pause()
        assert (screen.live.session.collection, screen.live.session.collection_online) == (
            5200, 1200)
        assert screen.query_one("#name-input", Input).has_focus


async def test_the_queue_tags_everyone_as_the_sign_in_list_does(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        for flags in ({"newcomer": True}, {"visitor": True}, {"online": True}):
            assert screen.act(SignIn(**flags))
        await pilot.press("f7", "a")
        await pilot.pause()
        queue = screen.query_one(QueueList)
        shown = [str(queue.get_option_at_index(i).prompt) for i in range(queue.option_count)]
        assert shown == ["Guest 1  newcomer", "Guest 2  visitor", "Guest 3  online"]


async def test_the_alternate_queue_calls_online_after_the_room(make_app, start_meeting):
    app = make_app(meetings=[Meeting(name="Hybrid", queue_mode="alternate")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        for name, online in (("Ann", False), ("Bo", False), ("Zoë", True)):
            assert screen.act(SignIn(name=name, online=online))
        await pilot.press("f7", "a", "n")
        await pilot.pause()
        assert screen.live.session.queue.sharing.label == "Ann"
        await pilot.press("e")
        await pilot.pause()
        queue = screen.query_one(QueueList)
        shown = [str(queue.get_option_at_index(i).prompt) for i in range(queue.option_count)]
        assert shown == ["Bo", "Zoë  online  next"]
        await pilot.press("n")
        await pilot.pause()
        assert screen.live.session.queue.sharing.label == "Zoë"
