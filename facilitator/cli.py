"""The command line: `facilitator [--db PATH] [--lang CODE] [COMMAND …]`.

With no command the app opens. Each command lives in `facilitator/commands/`; every error
is one line on stderr and an exit status: 1 usage or validation, 2 unreadable or too-new
database, 3 locked by another writer.
"""

import argparse
import sys

from facilitator.commands.arguments import refuse_undecodable

from facilitator import __version__
from facilitator.core.clock import Clock, SystemClock
from facilitator.core import i18n
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import _
from facilitator.core.text_out import LINE_LIMIT, escape
from facilitator.store.language import speak_chosen

COMMANDS = ("meetings", "record", "doctor", "chips", "history", "export", "importer", "merge",
            "demo", "display", "serve", "minutes", "treasury")


class ArgumentParser(argparse.ArgumentParser):
    """Usage errors are one line and exit status 1, like every other mistake."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(1, _("{prog}: {message} (see `{prog} --help`)").format(
            prog=self.prog, message=escape(message, LINE_LIMIT)) + "\n")


def build_parser() -> ArgumentParser:
    import importlib

    parser = ArgumentParser(
        prog="facilitator",
        description=_("Facilitate a peer-support meeting and keep anonymous attendance."),
    )
    parser.add_argument("--db", metavar="PATH", help=_("database file (or set FACILITATOR_DB)"))
    add_language_option(parser)
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}",
                        help=_("show program's version number and exit"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND",
                                       parser_class=ArgumentParser)
    for name in COMMANDS:
        importlib.import_module(f"facilitator.commands.{name}").register(subparsers)
    return parser


def add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", metavar="CODE",
                        help=_("the language to speak, e.g. es (default: the group's, else "
                               "the computer's)"))


def opening_parser() -> ArgumentParser:
    """The options before a command: enough to open the app or to choose the language."""
    opening = ArgumentParser(prog="facilitator", add_help=False)
    opening.add_argument("--db", metavar="PATH")
    add_language_option(opening)
    return opening


def choose_words(argv: list[str]) -> None:
    """Speak `--lang`, else the computer's language, before any parser is built (argparse
    writes its headings as a parser is built). A command that opens the database may then
    speak the group's language (`commands/common.py`)."""
    # argparse looks up its own words ("usage: ", "options", its errors) through its module
    # globals `_` and `ngettext` each time it writes them: pointed at our catalog, they speak
    # the language chosen (their msgids are marked in commands/argparse_words.py).
    argparse._ = i18n._
    argparse.ngettext = i18n.ngettext
    flag = opening_parser().parse_known_args(argv)[0].lang
    speak_chosen(flag)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Opening the app (no command) is the common case: it skips importing every command."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args, rest = opening_parser().parse_known_args(argv)
    if rest:  # a command, --help or --version: the whole parser
        return build_parser().parse_args(argv)
    args.command = None
    return args


def main(argv: list[str] | None = None, clock: Clock | None = None) -> int:
    """Run the app or one command; the one clock every command reads (tests pass a fake)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    clock = clock or SystemClock()
    choose_words(argv)
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
