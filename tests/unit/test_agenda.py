"""Formats: templates, editing, storing, and the agenda's progress on a fake timeline."""

import pytest
from hypothesis import given, strategies as st

from facilitator.core.meeting.agenda import AgendaProgress, Format, Section
from facilitator.core.meeting.agenda_templates import TEMPLATE_NAMES, template
from facilitator.core.errors import ValidationError
from facilitator.core.schedule.meeting import Meeting

MIN = 60


def simple() -> Format:
    return Format((Section("Opening", 5), Section("Shares", 40, kind="shares"),
                   Section("Closing", 5)))


# -- templates -----------------------------------------------------------------------------

def test_discussion_template():
    """The 60-minute discussion meeting, in order, with its shares section."""
    discussion = template("discussion")
    assert [s.title for s in discussion.sections] == [
        "Opening", "Moment of silence", "Readings", "Announcements", "Chips", "7th tradition",
        "Shares", "Closing"]
    assert discussion.total_minutes == 60
    assert discussion.sections[6].kind == "shares"
    assert discussion.sections[0].note == "Welcome everyone. Read your group's preamble here."


def test_speaker_template_gives_the_speaker_a_longer_section_then_shares():
    speaker = template("speaker")
    kinds = [s.kind for s in speaker.sections]
    assert kinds.index("speaker") < kinds.index("shares")
    main = speaker.sections[kinds.index("speaker")]
    assert main.minutes == 25 and main.minutes > Meeting("x").share_minutes
    assert speaker.total_minutes == 60


def test_smart_template():
    smart = template("SMART")
    assert [(s.title, s.minutes) for s in smart.sections] == [
        ("Welcome", 5), ("Check-in", 15), ("Agenda", 3), ("Working time", 45),
        ("Pass the hat", 3), ("Check-out", 15)]


def test_templates_ship_no_reading_files_and_are_fresh_copies():
    """No literature: no section points at a file; placeholders are prompts."""
    for name in TEMPLATE_NAMES:
        assert all(section.reading is None for section in template(name).sections)
    assert template("discussion") == template("discussion")


def test_unknown_template():
    with pytest.raises(ValidationError, match="template: 'big book' is not one of discussion"):
        template("big book")


# -- editing -------------------------------------------------------------------------------

def test_edits_return_new_formats_and_leave_the_old_one():
    original = simple()
    added = original.add(Section("Readings", 4), at=1)
    assert [s.title for s in added.sections] == ["Opening", "Readings", "Shares", "Closing"]
    assert [s.title for s in original.sections] == ["Opening", "Shares", "Closing"]
    assert [s.title for s in added.remove(0).sections] == ["Readings", "Shares", "Closing"]
    assert [s.title for s in added.move_up(2).sections] == ["Opening", "Shares", "Readings", "Closing"]
    assert [s.title for s in added.move_down(0).sections] == ["Readings", "Opening", "Shares", "Closing"]
    assert added.move_up(0) == added and added.move_down(3) == added
    assert added.edit_section(1, minutes=7).sections[1].minutes == 7
    assert added.total_minutes == 54 and added.edit_section(1, minutes=7).total_minutes == 57
    assert original.add(Section("Last", 1)).sections[-1].title == "Last"


@pytest.mark.parametrize("edit, field", [
    (lambda f: f.remove(3), "section"),
    (lambda f: f.move_up(-1), "section"),
    (lambda f: f.edit_section(0, minutes=0), "minutes"),
    (lambda f: f.edit_section(0, minutes=241), "minutes"),
    (lambda f: f.edit_section(0, title=" "), "title"),
    (lambda f: f.edit_section(0, title="x" * 41), "title"),
    (lambda f: f.edit_section(0, kind="party"), "kind"),
    (lambda f: f.edit_section(0, reading="a\x1b[2Jb"), "reading"),
])
def test_bad_edits_name_the_field(edit, field):
    with pytest.raises(ValidationError) as caught:
        edit(simple())
    assert caught.value.field == field


def test_round_trip_through_the_meeting():
    """A format is stored in Meeting.agenda as plain dicts and read back equal."""
    smart = template("smart").edit_section(0, reading="welcome.txt")
    meeting = Meeting("Group", agenda=tuple(smart.to_list()))
    stored = Meeting.from_dict(meeting.to_dict())
    assert Format.from_list(stored.agenda) == smart
    assert smart.to_list()[0] == {"title": "Welcome", "minutes": 5, "kind": "other",
                                  "reading": "welcome.txt",
                                  "note": "Read your group's opening statement here."}


@pytest.mark.parametrize("data, message", [
    ({"title": "x"}, "format: must be a list of sections"),
    (["Opening"], "section 1 section: must be an object"),
    ([{"title": "A", "minutes": 2}, {"title": "B"}], "section 2 minutes: is missing"),
    ([{"title": "A", "minutes": "ten"}], "section 1 minutes: must be a whole number"),
    ([{"title": "A", "minutes": 2.5}], "section 1 minutes: must be a whole number"),
    ([{"title": "A", "minute": 2}], "section 1 minute: is not a section field"),
    ([{"title": "A", "minutes": 2, "kind": "nap"}], "section 1 kind: 'nap' is not one of"),
    ([{"title": "A", "minutes": 200}] * 8, "format: lasts 1600 minutes"),
    ([{"title": "A", "minutes": 1}] * 41, "format: has 41 sections"),
])
def test_from_list_errors(data, message):
    with pytest.raises(ValidationError, match=message):
        Format.from_list(data)


# -- progress on a fake timeline -------------------------------------------------------------

def test_progress_moves_and_measures_each_section():
    progress = AgendaProgress.start(simple(), now=100.0)
    assert (progress.current.title, progress.upcoming.title) == ("Opening", "Shares")
    assert progress.used(100 + 3 * MIN) == 3 * MIN
    assert progress.remaining(100 + 3 * MIN) == 2 * MIN
    assert progress.over(100 + 6 * MIN)
    progress = progress.next(100 + 6 * MIN)
    assert (progress.current.title, progress.upcoming.title) == ("Shares", "Closing")
    assert progress.used(100 + 6 * MIN) == 0
    progress = progress.previous(100 + 7 * MIN)  # a mistake: back for a minute
    assert progress.current.title == "Opening" and progress.used(100 + 7 * MIN) == 6 * MIN
    progress = progress.next(100 + 8 * MIN).next(100 + 40 * MIN)
    assert progress.current.title == "Closing" and progress.upcoming is None
    progress = progress.next(100 + 44 * MIN)
    assert progress.finished and progress.current is None
    assert progress.next(100 + 50 * MIN) == progress
    assert progress.seconds_by_section(100 + 50 * MIN) == {
        "Opening": 7 * MIN, "Shares": 33 * MIN, "Closing": 4 * MIN}


def test_previous_at_the_first_section_stays():
    progress = AgendaProgress.start(simple(), now=0.0)
    assert progress.previous(30.0) == progress


def test_seconds_by_section_sums_repeated_titles_and_skips_unvisited():
    two_readings = Format((Section("Readings", 2), Section("Shares", 10, kind="shares"),
                           Section("Readings", 2)))
    progress = AgendaProgress.start(two_readings, 0.0).next(90.4).next(700).next(800)
    assert progress.seconds_by_section(900) == {"Readings": 190, "Shares": 610}
    assert AgendaProgress.start(two_readings, 0.0).seconds_by_section(0.0) == {}


@pytest.mark.parametrize("opening_seconds, expected_shares_left", [
    (5 * MIN, 40 * MIN),    # on time: the planned 40 minutes
    (12 * MIN, 33 * MIN),   # opening ran 7 minutes long: shares shrink by 7
    (2 * MIN, 43 * MIN),    # opening was short: shares get the time
    (60 * MIN, 0),          # nothing left for shares
])
def test_shares_time_shrinks_when_earlier_sections_run_long(opening_seconds, expected_shares_left):
    """Shares end when Closing still has its 5 planned minutes before the meeting's end."""
    progress = AgendaProgress.start(simple(), now=0.0).next(opening_seconds)
    assert progress.shares_time_left(opening_seconds, meeting_end=50 * MIN) == expected_shares_left


def test_shares_time_left_before_shares_counts_the_plan_still_ahead():
    """While Opening runs, shares get what is left after Opening's rest and Closing."""
    progress = AgendaProgress.start(simple(), now=0.0)
    assert progress.shares_time_left(2 * MIN, meeting_end=50 * MIN) == 40 * MIN
    assert progress.shares_time_left(8 * MIN, meeting_end=50 * MIN) == 37 * MIN
    # A 60-minute meeting with a 50-minute format: the extra 10 minutes go to shares.
    assert progress.shares_time_left(2 * MIN, meeting_end=60 * MIN) == 50 * MIN
    # Without a meeting end, the format's planned length is the end.
    assert progress.shares_time_left(8 * MIN) == 37 * MIN


def test_shares_time_left_during_shares_follows_the_clock():
    progress = AgendaProgress.start(template("discussion"), 0.0)
    for now in (2, 3, 8, 11, 14, 18):  # the 7th tradition ran a minute long
        progress = progress.next(now * MIN)
    assert progress.current.kind == "shares"
    assert progress.shares_time_left(18 * MIN, meeting_end=60 * MIN) == 39 * MIN
    assert progress.shares_time_left(50 * MIN, meeting_end=60 * MIN) == 7 * MIN


def test_shares_time_left_without_shares_ahead_is_none():
    progress = AgendaProgress.start(simple(), 0.0).next(60).next(120)  # at Closing
    assert progress.shares_time_left(130, meeting_end=3000) is None
    smart = AgendaProgress.start(template("smart"), 0.0).next(60).next(120)  # at Agenda
    assert smart.shares_time_left(120, meeting_end=90 * MIN) == 90 * MIN - 120 - 3 * MIN - 45 * MIN - 3 * MIN


def test_progress_survives_a_round_trip():
    """The live journal can keep the progress as plain data."""
    progress = AgendaProgress.start(template("smart"), 10.0).next(300.0).next(1200.0)
    assert AgendaProgress.from_dict(progress.to_dict()) == progress


@given(st.lists(st.tuples(st.sampled_from(["next", "previous"]), st.floats(0, 900)), max_size=30))
def test_time_is_never_lost_or_counted_twice(steps):
    """Whatever the moves, the seconds per section add up to the time the agenda ran."""
    progress = AgendaProgress.start(template("discussion"), 0.0)
    now = 0.0
    finished_at = None
    for move, pause in steps:
        now += pause
        progress = getattr(progress, move)(now)
        if progress.finished and finished_at is None:
            finished_at = now
        elif not progress.finished:
            finished_at = None
    later = now + 5.0
    counted = sum(progress.used_by_section(later))
    assert counted == pytest.approx((finished_at if progress.finished else later))


def test_business_meeting_template():
    """A group conscience: reports, old and new business where motions are made."""
    business = template("business")
    assert [(s.title, s.kind) for s in business.sections] == [
        ("Opening", "other"), ("Secretary's report", "report"), ("Treasurer's report", "report"),
        ("GSR / intergroup report", "report"), ("7th tradition", "collection"),
        ("Old business", "business"), ("New business", "business"), ("Closing", "other")]
    assert business.total_minutes == 57
