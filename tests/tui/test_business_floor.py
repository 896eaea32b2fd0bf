"""The business floor on the meeting screen: motions moved, discussed with the typed queue,
voted by counts, the minority heard, reconsidered, tabled; the minutes saved with the record;
a vote in progress survives a kill (the journal replays it)."""

from facilitator.core.meeting.agenda_templates import template
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database
from facilitator.tui.screens.meeting.business_forms import MotionForm, VoteForm
from facilitator.tui.screens.meeting.screen import MeetingScreen

BUSINESS = Meeting(name="Group Conscience", agenda=tuple(template("business").to_list()))
PEOPLE = ("Ann", "Bo", "Cy", "Dee", "Eve", "Flo")


async def open_floor(pilot, start_meeting) -> MeetingScreen:
    screen = await start_meeting(pilot, names=PEOPLE)
    await pilot.press("ctrl+j")
    await pilot.pause()
    return screen


async def move(pilot, text: str, kind_down: int = 0) -> None:
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MotionForm)
    await pilot.press(*text)
    if kind_down:  # the kind: the group's threshold for it
        await pilot.press("tab", "enter", *["down"] * kind_down, "enter")
    await pilot.press("ctrl+s")
    await pilot.pause()


async def vote(pilot, for_: str, against: str, abstain: str = "0") -> None:
    await pilot.press("v")
    await pilot.pause()
    assert isinstance(pilot.app.screen, VoteForm)
    await pilot.press(*f"{for_} {against} {abstain}", "enter")
    await pilot.pause()


def motion_of(screen: MeetingScreen, text: str):
    return screen.live.session.business.floor.minutes.find_motion(text)


async def test_a_motion_discussed_with_the_typed_queue_then_carried(make_app, start_meeting,
                                                                    clock, db_path):
    app = make_app(meetings=[BUSINESS], settings=GroupSettings(discussion_minutes=2))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_floor(pilot, start_meeting)
        await move(pilot, "Buy 50 chips")
        await pilot.press("p", "p", "q", "o")  # two new points, a question, a point of order
        await pilot.pause()
        floor = screen.live.session.business.floor
        assert [e.type for e in floor.queue.waiting] == ["order", "question", "point", "point"]
        await pilot.press("n")
        await pilot.pause()
        business = screen.live.session.business
        assert business.floor.queue.current.type == "order"
        assert business.timer.planned_seconds == 120
        clock.advance(30)
        screen.read_clock()
        await pilot.pause()
        speaking = str(screen.query_one("#business-speaking").render())
        assert "1:30" in speaking and "point of order" in speaking
        await vote(pilot, "5", "1")
        motion = motion_of(screen, "Buy 50 chips")
        assert (motion.stage, motion.deciding_vote.for_, motion.deciding_vote.against) == (
            "result", 5, 1)
        shown = str(screen.query_one("#business-motion").render())
        assert "5 for, 1 against" in shown and "carried" in shown
        await pilot.press("d")
        await pilot.pause()
        assert motion_of(screen, "Buy 50 chips").outcome == "carried"
        assert screen.live.session.business.floor.motion is None
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    with Database.open(db_path, writer=False) as database:
        (minutes,) = database.minutes("Group Conscience")
        assert minutes.attendance == len(PEOPLE)
        assert [(m.text, m.outcome) for m in minutes.motions] == [("Buy 50 chips", "carried")]
        assert database.find_record("Group Conscience", minutes.date).attendance == len(PEOPLE)
    assert not any(name.encode() in db_path.read_bytes() for name in PEOPLE)


async def test_a_motion_failed_then_reconsidered_after_the_minority_spoke(make_app,
                                                                         start_meeting):
    app = make_app(meetings=[BUSINESS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_floor(pilot, start_meeting)
        await move(pilot, "Change the format", kind_down=2)  # format: two thirds
        assert motion_of(screen, "Change the format").threshold == "two-thirds"
        await vote(pilot, "3", "2", "1")  # 60% of 5 < 66.7%
        assert motion_of(screen, "Change the format").deciding_vote.result == "failed"
        await pilot.press("i")  # the minority is heard
        await pilot.press("p", "n")
        await pilot.pause()
        assert motion_of(screen, "Change the format").stage == "minority opinion"
        assert screen.live.session.business.timer is not None
        await pilot.press("c")  # someone who voted with the majority moves to reconsider
        await pilot.pause()
        await vote(pilot, "5", "1")
        await pilot.press("d")
        await pilot.pause()
        motion = motion_of(screen, "Change the format")
        assert motion.outcome == "carried"
        assert [(v.for_, v.against, v.abstain) for v in motion.votes] == [(3, 2, 1), (5, 1, 0)]


async def test_a_motion_tabled_and_more_hands_than_people_refused(make_app, start_meeting):
    app = make_app(meetings=[BUSINESS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_floor(pilot, start_meeting)
        await move(pilot, "Move to Thursdays")
        await vote(pilot, "5", "3")  # 8 hands, 6 signed in: refused in the dialog
        assert isinstance(pilot.app.screen, VoteForm)
        assert "more than the attendance" in str(pilot.app.screen.query_one("#form-error").render())
        await pilot.press("escape")
        await pilot.press("t")
        await pilot.pause()
        floor = screen.live.session.business.floor
        assert floor.motion is None
        assert floor.minutes.find_motion("Move to Thursdays").outcome == "tabled"
        await pilot.press("g")  # the opening is no report: refused
        await pilot.press("f12", "ctrl+j", "g")  # the secretary's report, given
        await pilot.pause()
        await pilot.press(*"3 meetings", "ctrl+s")
        await pilot.pause()
        reports = screen.live.session.business.floor.minutes.reports
        assert [report.section for report in reports] == ["Secretary's report"]
