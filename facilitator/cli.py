"""The command line: `facilitator [--db PATH] [COMMAND …]`.

With no command the app opens. Each command lives in `facilitator/commands/`; every error
is one line on stderr and an exit status: 1 usage or validation, 2 unreadable or too-new
database, 3 locked by another writer.
"""

import argparse
import sys

from facilitator.commands.arguments import refuse_undecodable

from facilitator import __version__
from facilitator.core.clock import Clock, SystemClock
from facilitator.core.errors import FacilitatorError
from facilitator.core.text_out import LINE_LIMIT, escape

COMMANDS = ("meetings", "record", "doctor", "chips", "history", "export", "importer", "merge",
            "demo", "display", "serve", "minutes", "treasury")


class ArgumentParser(argparse.ArgumentParser):
    """Usage errors are one line and exit status 1, like every other mistake."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(1, f"{self.prog}: {escape(message, LINE_LIMIT)} (see `{self.prog} --help`)\n")


def build_parser() -> ArgumentParser:
    import importlib

    parser = ArgumentParser(
        prog="facilitator",
        description="Facilitate a peer-support meeting and keep anonymous attendance.",
    )
    parser.add_argument("--db", metavar="PATH", help="database file (or set FACILITATOR_DB)")
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND",
                                       parser_class=ArgumentParser)
    for name in COMMANDS:
        importlib.import_module(f"facilitator.commands.{name}").register(subparsers)
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Opening the app (no command) is the common case: it skips importing every command."""
    argv = sys.argv[1:] if argv is None else list(argv)
    opening = ArgumentParser(prog="facilitator", add_help=False)
    opening.add_argument("--db", metavar="PATH")
    args, rest = opening.parse_known_args(argv)
    if rest:  # a command, --help or --version: the whole parser
        return build_parser().parse_args(argv)
    args.command = None
    return args


def main(argv: list[str] | None = None, clock: Clock | None = None) -> int:
    """Run the app or one command; the one clock every command reads (tests pass a fake)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    clock = clock or SystemClock()
    try:
        refuse_undecodable(argv, build_parser)
    except FacilitatorError as error:
        return report(error)
    args = parse_args(argv)
    try:
        if args.command is None:
            from facilitator.tui.launch import run_app

            return run_app(args, clock)
        return args.run(args, clock) or 0
    except FacilitatorError as error:
        return report(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `facilitator chips stock | head` closed the pipe early: not an error. Point stdout
        # at /dev/null so the interpreter's last flush doesn't fail again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        # What the system refuses about a file (a name too long, no permission) is one line
        # too, never a traceback; files are replaced atomically, so none is half written.
        shown = f"{error.filename}: {error.strerror}" if error.filename else str(error)
        return report(FacilitatorError(shown))


def report(error: FacilitatorError) -> int:
    """The one line an error gets on stderr (escaped and cut), and its exit status."""
    print(f"facilitator: {escape(str(error), LINE_LIMIT)}", file=sys.stderr)
    return error.exit_status


if __name__ == "__main__":
    raise SystemExit(main())
