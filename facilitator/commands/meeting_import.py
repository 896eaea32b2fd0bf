"""`facilitator meetings import FILE.json [--skip-bad]`: meetings from a Meeting Guide feed."""

import sys
from pathlib import Path

from facilitator.core.clock import Clock
from facilitator.commands.common import open_database, read_named_file
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import _, counted, ngettext, number
from facilitator.core.text_out import LINE_LIMIT, escape

MAX_FEED_BYTES = 50 * 1024 * 1024


def register(actions) -> None:
    parser = actions.add_parser(
        "import", help=_("add meetings from a Meeting Guide JSON feed"),
        description=_("Add meetings from a Meeting Guide JSON feed (a list of meetings with "
                      "name, slug, day 0=Sunday..6=Saturday, time and end_time HH:MM, types). "
                      "Nothing is written unless every entry is good, or --skip-bad is given."),
    )
    parser.add_argument("file", metavar="FILE.json")
    parser.add_argument("--skip-bad", action="store_true",
                        help=_("import the good entries and report the bad ones"))
    parser.set_defaults(run=run_import)


def read_feed(path: Path) -> object:
    """The decoded JSON of a feed file; one-line errors for a missing, empty or non-JSON file."""
    import orjson

    data = read_named_file(path, "import", MAX_FEED_BYTES)
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise FacilitatorError(_("import: {path} is not JSON ({error})").format(
            path=path, error=str(error)[:80])) from None


def run_import(args, clock: Clock) -> int:
    from facilitator.core.schedule.meeting_guide import parse_feed
    from facilitator.store.reference import meeting_type_codes

    path = Path(args.file)
    data = read_feed(path)
    if isinstance(data, list) and not data:
        print(escape(_("{path} holds no meetings; nothing imported").format(path=path)))
        return 0
    with open_database(args, writer=True) as database:
        existing = [meeting.name for meeting in database.meetings()]
        result = parse_feed(data, meeting_type_codes(), existing)
        for line in result.warnings:
            print(escape(_("warning: {warning}").format(warning=line), LINE_LIMIT),
                  file=sys.stderr)
        for line in result.problems:
            print(escape(_("bad entry: {problem}").format(problem=line), LINE_LIMIT),
                  file=sys.stderr)
        bad = len(result.problems)
        if bad and not args.skip_bad:
            # Translators: {bad} entries of {n} are bad; {n} is the feed's number of entries.
            raise FacilitatorError(ngettext(
                "import: {bad} of {n} entry are bad; nothing imported (correct them, or add "
                "--skip-bad to import the rest)",
                "import: {bad} of {n} entries are bad; nothing imported (correct them, or add "
                "--skip-bad to import the rest)", result.entries).format(
                    bad=number(bad), n=number(result.entries)))
        if not result.meetings:
            raise FacilitatorError(_("import: none of the {n} entries is good; "
                                     "nothing imported").format(n=result.entries))
        database.add_meetings_and_records(list(result.meetings), [])
    imported = ngettext("imported {n} meeting from {file}", "imported {n} meetings from {file}",
                        len(result.meetings)).format(n=len(result.meetings), file=path.name)
    if bad:
        imported = _("{imported}; {skipped}").format(
            imported=imported, skipped=counted("skipped {n} bad entry", "skipped {n} bad entries",
                                               bad))
    print(escape(imported))
    return 0
