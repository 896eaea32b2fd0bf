"""What the start screen says of a meeting already saved today, and what it asks before
running it again.

Records are one per meeting and day (their key is (meeting, date)): a second run the same
day can only replace the first, so the question says so and offers the honest way to keep
both, a meeting of its own.
"""

from facilitator.core.records.record import Record


def saved_line(record: Record) -> str:
    """ "saved today at 21:02 — 23 attended" (the time is the meeting's end, when known)."""
    at = f" at {record.end:%H:%M}" if record.end is not None else ""
    return f"saved today{at} — {record.attendance:,} attended"


def run_again_question(record: Record) -> str:
    """The question before a second run of a meeting saved today."""
    return (f"{record.meeting} was {saved_line(record)}.\n\n"
            "A meeting keeps one record a day: running it again replaces that record "
            "when you save. To keep both, cancel and add the second as a meeting of its "
            "own (F2 or n).")
