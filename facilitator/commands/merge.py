"""`facilitator merge A.json B.json … -o OUT.json [--by month]`: an intergroup report.

Works on the JSON exports the groups sent; no database is opened.
"""

from pathlib import Path

import orjson

from facilitator.commands.output import write_file
from facilitator.core.errors import ValidationError
from facilitator.core.export_json import dumps
from facilitator.core.merge import merge_exports
from facilitator.core.statistics import PERIODS
from facilitator.core.text_out import escape


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "merge", help="combine several groups' JSON exports into one intergroup report")
    parser.add_argument("files", nargs="+", metavar="FILE.json",
                        help="exports made with `export --format json`")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.json")
    parser.add_argument("--by", choices=PERIODS, help="also add the groups up per period")
    parser.set_defaults(run=run)


def run(args) -> int:
    sources = [(name, read_json(Path(name))) for name in args.files]
    report = merge_exports(sources, args.by)
    path = write_file(args.output, dumps(report))
    totals = report["totals"]
    print(escape(f"merged {len(sources)} groups ({totals['meetings']} meetings held, "
                 f"{totals['attendance']} attendance) into {path}"))
    return 0


def read_json(path: Path) -> object:
    try:
        return orjson.loads(path.read_bytes())
    except OSError as error:
        raise ValidationError(str(path), f"cannot read it: {error.strerror or error}") from None
    except orjson.JSONDecodeError:
        raise ValidationError(str(path), "is not valid JSON") from None
