"""The meeting screen says what each key did, naming the person; ctrl+r after a sign-in."""

from textual.widgets._toast import Toast, ToastRack

from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.widgets.queue_list import QueueList

MEETING = Meeting(name="Tuesday Night", share_minutes=5, duration_minutes=60)


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_keys_name_the_person_and_undo_names_the_step(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=("Zoë", "محمد"), queued=True)
        await pilot.press("n")  # Zoë shares; محمد is highlighted
        await pilot.pause()
        assert screen.query_one(QueueList).highlighted_speaker == "a2"
        await pilot.press("p")
        await pilot.pause()
        session = screen.live.session
        assert session.queue.sharing.label == "Zoë" and not session.queue.waiting
        assert messages(app)[-1] == "محمد passed (ctrl+z undoes)"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert messages(app)[-1] == "Undone: محمد passed"
        assert [p.label for p in screen.live.session.queue.waiting] == ["محمد"]
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert messages(app)[-1] == "Redone: محمد passed"


async def test_ctrl_r_right_after_a_sign_in_queues_that_person(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press(*"Zoë", "f2")
        await pilot.pause()
        assert messages(app)[-1] == "Signed in: Zoë"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert [p.id for p in screen.live.session.queue.waiting] == ["a1"]
        assert messages(app)[-1] == "Zoë joins the queue"
        await pilot.press("ctrl+r")  # no sign-in just before: an anonymous hand
        await pilot.pause()
        assert [p.label for p in screen.live.session.queue.waiting] == ["Zoë", "Hand 1"]


async def test_the_typed_name_signs_in_and_queues_in_one_key(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press(*"Zoë", "ctrl+r")
        await pilot.pause()
        session = screen.live.session
        assert [p.name for p in session.attendees] == ["Zoë"]
        assert [p.id for p in session.queue.waiting] == ["a1"]
        assert messages(app)[-1] == "Signed in: Zoë, joins the queue"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert (screen.live.session.attendance, screen.live.session.queue.waiting) == (0, ())
        assert messages(app)[-1] == "Undone: Signed in: Zoë, joins the queue"


async def test_each_notice_replaces_the_one_before_and_warnings_stay(make_app, start_meeting):
    """Notices never pile up over the queue and the share clock: the latest says what the last
    key did; a warning stays beside it until it times out."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press(*"Ann", "f2", *"Bo", "f2")
        await pilot.pause()
        screen.notify("Nobody to pass: nobody is waiting or sharing.", severity="warning")
        await pilot.press(*"Cy", "f2")
        await pilot.pause()
        assert [(n.message, n.severity) for n in app._notifications] == [
            ("Nobody to pass: nobody is waiting or sharing.", "warning"),
            ("Signed in: Cy", "information")]
        await pilot.pause()  # the toasts follow the notices a moment later
        await pilot.pause()
        toasts = app.screen.get_child_by_type(ToastRack).query(Toast)
        assert len(toasts) == 2
