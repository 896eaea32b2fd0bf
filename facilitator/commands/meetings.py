"""`facilitator meetings add|list|edit|remove`: the group's meetings.

`meetings format` and `meetings import` live in their own modules and register here.
"""

import argparse

from facilitator.core.clock import Clock
from facilitator.commands.common import open_database
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _, counted, ngettext, number
from facilitator.core.schedule.meeting import (DURATION_LIMIT, SHARE_MINUTES_LIMIT, Meeting, parse_days,
                                      parse_time, parse_types)
from facilitator.core.text_out import escape
from facilitator.store.reference import meeting_type_codes


def register(subparsers) -> None:
    parser = subparsers.add_parser("meetings", help=_("add, list or remove the group's meetings"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=_("add a meeting"))
    add.add_argument("name")
    add_schedule_options(add)
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", help=_("list the meetings and when each is next"))
    listing.set_defaults(run=run_list)

    edit = actions.add_parser("edit", help=_("change a meeting's settings"))
    edit.add_argument("name")
    edit.add_argument("--name", dest="new_name", metavar="NEW", help=_("rename the meeting"))
    add_schedule_options(edit)
    edit.add_argument("--no-schedule", action="store_true",
                      help=_("clear the weekdays, start time and duration"))
    edit.set_defaults(run=run_edit)

    remove = actions.add_parser("remove", help=_("remove a meeting"))
    remove.add_argument("name")
    remove.add_argument("--with-records", action="store_true",
                        help=_("also delete the meeting's records"))
    remove.set_defaults(run=run_remove)

    from facilitator.commands import meeting_formats, meeting_import

    meeting_formats.register(actions)
    meeting_import.register(actions)


def add_schedule_options(parser) -> None:
    parser.add_argument("--day", help=_("weekday(s), e.g. tue or tue,thu"))
    parser.add_argument("--time", help=_("start time, HH:MM (24-hour)"))
    parser.add_argument("--duration", type=str, help=_("length in minutes"))
    parser.add_argument("--share-minutes", type=str, help=_("default share length, 1 to 30"))
    parser.add_argument("--types", help=_("Meeting Guide type codes, e.g. O,D"))
    parser.add_argument("--queue-mode", help=_("speaker queue: hands, round or popcorn"))
    parser.add_argument("--priority", action=argparse.BooleanOptionalAction, default=None,
                        help=_("put those who have not shared yet first in the queue"))


def meeting_changes(args) -> dict:
    """The settings given on the command line, parsed and checked."""
    from facilitator.core import validate

    changes: dict = {}
    if args.day is not None:
        changes["days"] = parse_days(args.day)
    if args.time is not None:
        changes["start"] = parse_time(args.time)
    if args.duration is not None:
        changes["duration_minutes"] = validate.count("duration", args.duration,
                                                     maximum=DURATION_LIMIT)
    if args.share_minutes is not None:
        changes["share_minutes"] = validate.count("share minutes", args.share_minutes,
                                                  maximum=SHARE_MINUTES_LIMIT)
    if args.types is not None:
        changes["types"] = parse_types(args.types, meeting_type_codes())
    if args.queue_mode is not None:
        changes["queue_mode"] = args.queue_mode.strip().lower()
    if args.priority is not None:
        changes["priority"] = args.priority
    return changes


def run_add(args, clock: Clock) -> int:
    meeting = Meeting(name=args.name, **meeting_changes(args))
    with open_database(args, writer=True) as database:
        database.add_meeting(meeting)
    print(escape(_("added meeting {name}").format(name=repr(meeting.name))))
    return 0


def run_list(args, clock: Clock) -> int:
    from facilitator.core.schedule.schedule import describe_next
    from facilitator.store.local_time import local_zone

    with open_database(args, writer=False) as database:
        meetings = database.meetings()
    if not meetings:
        print(_("no meetings yet; add one with `facilitator meetings add NAME`"))
        return 0
    now = clock.now().replace(tzinfo=local_zone())  # schedules follow the zone's DST
    width = max(len(m.name) for m in meetings)
    for meeting in meetings:
        details = [meeting.describe_schedule(), describe_next(meeting, now),
                   _("shares {minutes} min").format(minutes=meeting.share_minutes)]
        if meeting.types:
            details.append(_("types {codes}").format(codes=",".join(meeting.types)))
        if meeting.agenda:
            details.append(counted("format {n} section", "format {n} sections",
                                   len(meeting.agenda)))
        print(escape(f"{meeting.name:<{width}}  " + "  ".join(d for d in details if d)))
    return 0


def run_edit(args, clock: Clock) -> int:
    changes = meeting_changes(args)
    if args.no_schedule:
        changes = {"days": (), "start": None, "duration_minutes": None, **changes}
    if args.new_name is not None:
        changes["name"] = args.new_name
    if not changes:
        raise ValidationError("edit", _("nothing to change; give --name, --day, --time, "
                                        "--duration, --share-minutes, --types, --queue-mode or "
                                        "--priority"))
    with open_database(args, writer=True) as database:
        meeting = database.get_meeting(args.name)
        changed = meeting.edit(**changes)
        database.update_meeting(meeting.name, changed)
    queue = (_("queue {mode} with priority") if changed.priority else _("queue {mode}"))
    details = [changed.describe_schedule() or _("no schedule"),
               _("shares {minutes} min").format(minutes=changed.share_minutes),
               queue.format(mode=changed.queue_mode)]
    print(escape(_("updated meeting {name}: {details}").format(name=repr(changed.name),
                                                               details=", ".join(details))))
    return 0


def run_remove(args, clock: Clock) -> int:
    with open_database(args, writer=True) as database:
        removed = database.remove_meeting(args.name, with_records=args.with_records)
    if removed:
        line = ngettext("removed meeting {name} and its {n} record",
                        "removed meeting {name} and its {n} records", removed)
    else:
        line = _("removed meeting {name}")
    print(escape(line.format(name=repr(args.name), n=number(removed))))
    return 0
