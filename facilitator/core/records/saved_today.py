"""What the start screen says of a meeting already saved today, and what it asks before
running it again.

Records are one per meeting and day (their key is (meeting, date)): a second run the same
day can only replace the first, so the question says so and offers the honest way to keep
both, a meeting of its own.
"""

from facilitator.core.i18n import _, number
from facilitator.core.records.record import Record


def saved_line(record: Record) -> str:
    """ "saved today at 21:02 — 23 attended" (the time is the meeting's end, when known)."""
    if record.end is None:
        return _("saved today — {n} attended").format(n=number(record.attendance))
    return _("saved today at {time} — {n} attended").format(time=f"{record.end:%H:%M}",
                                                           n=number(record.attendance))


def run_again_question(record: Record) -> str:
    """The question before a second run of a meeting saved today."""
    # Translators: {saved} is "saved today at 21:02 — 23 attended".
    return _("{meeting} was {saved}.\n\nA meeting keeps one record a day: running it again "
             "replaces that record when you save. To keep both, cancel and add the second as "
             "a meeting of its own (F2 or n).").format(meeting=record.meeting,
                                                        saved=saved_line(record))
