"""The command line's arguments as text: each must be valid text before any command runs.

Python hands over bytes that are not UTF-8 as lone surrogates ('\\udcff'); such an argument
is refused with the option it was given to, never printed, stored or used as a path.
"""

import argparse
from collections.abc import Iterator
from typing import NamedTuple

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _


class Option(NamedTuple):
    """One argument a command takes: its name on the command line and how it is given."""

    command: tuple[str, ...]  # ("meetings", "add"); () for the options before a command
    name: str  # "--meeting", or the metavar of a positional argument ("FILE.csv")
    flags: tuple[str, ...]  # every spelling of an option; () for a positional argument
    takes_value: bool
    choices: tuple[str, ...] | None


def options(parser: argparse.ArgumentParser, command: tuple[str, ...] = ()) -> Iterator[Option]:
    """Every argument of `parser` and of each of its commands, from the parser itself."""
    for action in parser._actions:  # argparse has no public way to list them
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                if subparser.prog.endswith(f" {name}"):  # aliases share the parser
                    yield from options(subparser, (*command, name))
            continue
        if isinstance(action, argparse._HelpAction | argparse._VersionAction):
            continue
        name = action.option_strings[-1] if action.option_strings else (
            action.metavar or action.dest)
        yield Option(command, str(name), tuple(action.option_strings), action.nargs != 0,
                     tuple(action.choices) if action.choices else None)


def is_text(argument: str) -> bool:
    """False for an argument holding bytes that were not UTF-8."""
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def refuse_undecodable(argv: list[str], parser_factory) -> None:
    """Raise ValidationError naming the option of the first argument that is not text."""
    for index, argument in enumerate(argv):
        if not is_text(argument):
            raise ValidationError(_given_to(argv, index, parser_factory()), _(
                "not valid text (it holds bytes that are not UTF-8)"))


def _given_to(argv: list[str], index: int, parser: argparse.ArgumentParser) -> str:
    argument = argv[index]
    if argument.startswith("-"):
        flag = argument.partition("=")[0]
        return flag if is_text(flag) else _("an option")
    known = list(options(parser))
    previous = argv[index - 1] if index else ""
    if any(previous in option.flags and option.takes_value for option in known):
        return previous
    commands = [word for word in argv[:index] if not word.startswith("-")]
    positional = [option for option in known
                  if not option.flags and option.command and commands[:len(option.command)]
                  == list(option.command)]
    if positional:
        return max(positional, key=lambda option: len(option.command)).name
    return _("argument {n}").format(n=index + 1)
