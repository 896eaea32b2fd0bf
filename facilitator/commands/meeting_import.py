"""`facilitator meetings import FILE.json [--skip-bad]`: meetings from a Meeting Guide feed."""

import sys
from pathlib import Path

from facilitator.core.clock import Clock
from facilitator.commands.common import open_database, read_named_file
from facilitator.core.errors import FacilitatorError
from facilitator.core.plurals import plural
from facilitator.core.text_out import LINE_LIMIT, escape

MAX_FEED_BYTES = 50 * 1024 * 1024


def register(actions) -> None:
    parser = actions.add_parser(
        "import", help="add meetings from a Meeting Guide JSON feed",
        description="Add meetings from a Meeting Guide JSON feed (a list of meetings with name, "
                    "slug, day 0=Sunday..6=Saturday, time and end_time HH:MM, types). Nothing "
                    "is written unless every entry is good, or --skip-bad is given.",
    )
    parser.add_argument("file", metavar="FILE.json")
    parser.add_argument("--skip-bad", action="store_true",
                        help="import the good entries and report the bad ones")
    parser.set_defaults(run=run_import)


def read_feed(path: Path) -> object:
    """The decoded JSON of a feed file; one-line errors for a missing, empty or non-JSON file."""
    import orjson

    data = read_named_file(path, "import", MAX_FEED_BYTES)
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise FacilitatorError(f"import: {path} is not JSON ({str(error)[:80]})") from None


def run_import(args, clock: Clock) -> int:
    from facilitator.core.schedule.meeting_guide import parse_feed
    from facilitator.store.reference import meeting_type_codes

    path = Path(args.file)
    data = read_feed(path)
    if isinstance(data, list) and not data:
        print(escape(f"{path} holds no meetings; nothing imported"))
        return 0
    with open_database(args, writer=True) as database:
        existing = [meeting.name for meeting in database.meetings()]
        result = parse_feed(data, meeting_type_codes(), existing)
        for line in result.warnings:
            print(escape(f"warning: {line}", LINE_LIMIT), file=sys.stderr)
        for line in result.problems:
            print(escape(f"bad entry: {line}", LINE_LIMIT), file=sys.stderr)
        bad = len(result.problems)
        if bad and not args.skip_bad:
            raise FacilitatorError(f"import: {bad} of {plural(result.entries, 'entry', 'entries')} are bad; nothing "
                                   "imported (correct them, or add --skip-bad to import the rest)")
        if not result.meetings:
            raise FacilitatorError(f"import: none of the {result.entries} entries is good; "
                                   "nothing imported")
        database.add_meetings_and_records(list(result.meetings), [])
    skipped = f"; skipped {_count(bad, 'bad entry', 'bad entries')}" if bad else ""
    print(escape(f"imported {_count(len(result.meetings), 'meeting', 'meetings')} from "
                 f"{path.name}{skipped}"))
    return 0


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
