"""`facilitator meetings format NAME`: a meeting's agenda, from a template or a file.

The format file is described in FORMAT_FILE, which is also the command's description.
"""

import argparse
import sys
from pathlib import Path

from facilitator.core.clock import Clock
from facilitator.commands.common import open_database, read_named_file
from facilitator.core.meeting.agenda import Format
from facilitator.core.meeting.agenda_templates import TEMPLATE_NAMES
from facilitator.core.errors import FacilitatorError, ValidationError
from facilitator.core.i18n import N_, _, counted
from facilitator.core.text_out import escape

MAX_FORMAT_BYTES = 256 * 1024

FORMAT_FILE = N_("""\
A format file is JSON — a list of sections — or TOML — `[[sections]]` tables. Each section
has `title` and `minutes`, and optionally `reading` (a text file of the group's own, relative
to the `readings/` folder beside the database, or absolute), `kind` (other, shares, speaker,
chips, collection) and `note` (a short prompt for the chair). Example (JSON):

    [{"title": "Opening", "minutes": 3, "reading": "preamble.txt"},
     {"title": "Shares", "minutes": 50, "kind": "shares"},
     {"title": "Closing", "minutes": 2}]
""")


def register(actions) -> None:
    parser = actions.add_parser(
        "format", help=_("show or set a meeting's format (its timed agenda)"),
        description=_(FORMAT_FILE), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("name", help=_("the meeting"))
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--template", choices=TEMPLATE_NAMES, help=_("start from a built-in format"))
    source.add_argument("--from-file", metavar="FILE", help=_("a format file (.json or .toml)"))
    source.add_argument("--clear", action="store_true", help=_("remove the meeting's format"))
    parser.add_argument("--show", action="store_true", help=_("show the format (the default)"))
    parser.add_argument("--json", action="store_true",
                        help=_("show it as JSON, ready to edit and load with --from-file"))
    parser.set_defaults(run=run_format)


def read_format_file(path: Path) -> Format:
    """A format from a JSON or TOML file; one-line errors naming the file or the section."""
    data = read_named_file(path, "format", MAX_FORMAT_BYTES)
    if path.suffix.lower() == ".toml":
        sections = _sections_from_toml(path, data)
    else:
        sections = _sections_from_json(path, data)
    return Format.from_list(sections)


def _sections_from_json(path: Path, data: bytes) -> object:
    import orjson

    try:
        decoded = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise FacilitatorError(_("format: {path} is not JSON ({error})").format(
            path=path, error=str(error)[:80])) from None
    return decoded.get("sections") if isinstance(decoded, dict) else decoded


def _sections_from_toml(path: Path, data: bytes) -> object:
    import tomllib

    try:
        decoded = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise FacilitatorError(_("format: {path} is not TOML ({error})").format(
            path=path, error=str(error)[:80])) from None
    if "sections" not in decoded:
        raise ValidationError("format", _("{path} has no [[sections]] tables").format(path=path))
    return decoded["sections"]


def run_format(args, clock: Clock) -> int:
    from facilitator.core.meeting.agenda_templates import template

    chosen = None
    if args.template:
        chosen = template(args.template)
    elif args.from_file:
        chosen = read_format_file(Path(args.from_file))
    elif args.clear:
        chosen = Format()
    with open_database(args, writer=chosen is not None) as database:
        meeting = database.get_meeting(args.name)
        if chosen is not None:
            meeting = meeting.edit(agenda=tuple(chosen.to_list()))
            database.update_meeting(meeting.name, meeting)
        db_path = database.path
    agenda = Format.from_list(meeting.agenda)
    if chosen is not None:
        print(escape(_("set the format of {name}: {planned}").format(
            name=repr(meeting.name), planned=_planned(agenda)) if agenda
            else _("cleared the format of {name}").format(name=repr(meeting.name))))
        _warn_missing_readings(agenda, db_path)
        if not (args.show or args.json):
            return 0
    if args.json:
        import orjson

        print(orjson.dumps(agenda.to_list(), option=orjson.OPT_INDENT_2).decode())
    else:
        print("\n".join(map(escape, describe_format(meeting.name, agenda,
                                                     meeting.duration_minutes))))
    return 0


def describe_format(name: str, agenda: Format, duration: int | None) -> list[str]:
    """The lines `--show` prints: one per section, with its kind and reading."""
    if not agenda:
        return [_("{name} has no format; set one with --template {templates} "
                  "or --from-file FILE").format(name=name, templates="|".join(TEMPLATE_NAMES))]
    planned = _planned(agenda)
    if duration and duration != agenda.total_minutes:
        planned = _("{planned} (the meeting lasts {minutes} min)").format(planned=planned,
                                                                          minutes=duration)
    lines = [f"{name}: {planned}"]
    width = max(len(section.title) for section in agenda.sections)
    for number, section in enumerate(agenda.sections, start=1):
        extras = [section.kind if section.kind != "other" else ""]
        extras.append(_("reading {file}").format(file=section.reading) if section.reading
                      else section.note)
        line = f"{number:>2}. {section.title:<{width}}  {section.minutes:>3} min  "
        lines.append((line + "  ".join(e for e in extras if e)).rstrip())
    return lines


def _planned(agenda: Format) -> str:
    """"4 sections, 60 min"."""
    return _("{sections}, {minutes} min").format(
        sections=counted("{n} section", "{n} sections", len(agenda)),
        minutes=agenda.total_minutes)


def _warn_missing_readings(agenda: Format, db_path: Path) -> None:
    from facilitator.store.readings import missing_readings

    for path in missing_readings((s.reading for s in agenda.sections), db_path):
        print(escape(_("warning: reading file {path} does not exist yet").format(path=path)),
              file=sys.stderr)
