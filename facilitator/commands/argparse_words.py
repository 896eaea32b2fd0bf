"""argparse's own words, marked here so that the catalog's tools extract them.

argparse looks each of these up through its module globals `argparse._` and
`argparse.ngettext` when it writes them; `facilitator.cli` points those at
`facilitator.core.i18n`, so `--help` and usage errors speak the language chosen. The list is
Python 3.11's `argparse.py`, every string it passes to `_()` or `ngettext()`. Nothing here
runs: the calls only mark.
"""

from facilitator.core.i18n import N_, ngettext

WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_('argument "-" with mode %r'),
    N_("%r is not callable"),
    N_("cannot have multiple subparser arguments"),
    N_("conflicting subparser: %s"),
    N_("conflicting subparser alias: %s"),
    N_("cannot merge actions - two groups are named %r"),
    N_("'required' is an invalid argument for positionals"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("dest= is required for options like %r"),
    N_("invalid conflict_resolution value: %r"),
    N_("mutually exclusive arguments must be optional"),
    N_(".__call__() not defined"),
)


def _plural_words() -> None:
    """Never called: marks argparse's counted words for extraction."""
    ngettext("expected %s argument", "expected %s arguments", 0)
    ngettext("conflicting option string: %s", "conflicting option strings: %s", 0)
