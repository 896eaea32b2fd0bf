"""Arbitrary text into every argument of every command, and into the files commands read.

The list of arguments comes from the argparse parser itself, so a new option is fuzzed as
soon as it exists. Whatever the text: exit 0-3, no traceback, one escaped line on stderr
for an error, and on a non-zero exit every file of the database byte for byte as it was.
"""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.cli import build_parser
from facilitator.commands.arguments import Option, options
from tests.cli.hostile import (CORPUS, MEETING, check_promises, group,  # noqa: F401
                               group_template, input_files, snapshot)

# These run until stopped (the room display, its web server): fuzzed elsewhere, not here.
LONG_RUNNING = {("display",), ("serve",)}


def base_command(command: tuple[str, ...], files: dict[str, Path]) -> list[str]:
    """A valid command line for `command`, which the fuzzed option is added to."""
    bases = {
        (): ["history"],
        ("meetings", "add"): ["meetings", "add", "New Meeting"],
        ("meetings", "edit"): ["meetings", "edit", MEETING, "--share-minutes", "4"],
        ("meetings", "remove"): ["meetings", "remove", "Friday Step"],
        ("meetings", "format"): ["meetings", "format", MEETING, "--show"],
        ("meetings", "import"): ["meetings", "import", str(files["feed"])],
        ("record",): ["record", "--meeting", MEETING, "--date", "2024-03-12",
                      "--attendance", "5"],
        ("doctor",): ["doctor"],
        ("chips",): ["chips", "2020-01-01"],
        ("history",): ["history"],
        ("export",): ["export", "--format", "csv"],
        ("import",): ["import", str(files["csv"])],
        ("merge",): ["merge", str(files["export"]), "-o", "merged.json"],
        ("demo",): ["demo", "--no-open", "--seed", "1"],
        ("minutes",): ["minutes"],
        ("minutes", "add"): ["minutes", "add", "--meeting", MEETING, "--date", "2024-03-12",
                             "--motion", "Move the meeting to 7 pm", "--for", "3",
                             "--against", "1"],
        ("minutes", "report"): ["minutes", "report", "--meeting", MEETING, "--date",
                                "2024-03-12", "--section", "GSR report", "--text", "Voted"],
        ("minutes", "import"): ["minutes", "import", str(files["export"])],
        ("treasury", "add", "expense"): ["treasury", "add", "expense", "5", "--date",
                                         "2024-03-05", "--category", "rent"],
        ("treasury", "add", "contribution"): ["treasury", "add", "contribution", "5",
                                              "--date", "2024-03-05", "--to", "District"],
        ("treasury", "add", "income"): ["treasury", "add", "income", "5", "--date",
                                        "2024-03-05"],
        ("treasury", "opening"): ["treasury", "opening", "5", "--date", "2024-03-05"],
        ("treasury", "list"): ["treasury", "list"],
        ("treasury", "report"): ["treasury", "report"],
        ("treasury", "plan"): ["treasury", "plan", "GSO 100"],
        ("treasury", "split"): ["treasury", "split", "10"],
    }
    assert command in bases, f"give `{' '.join(command)}` a valid command line here"
    return list(bases[command])


def with_value(argv: list[str], option: Option, value: str) -> list[str]:
    """`argv` with `option` given `value` (replacing the one there, if any)."""
    if option.flags:
        for flag in option.flags:  # drop the valid value the base gave it
            if flag in argv:
                at = argv.index(flag)
                del argv[at:at + 2]
        flag = max(option.flags, key=len)
        # `--flag=value`: a value starting with "-" is still this option's value
        given = [f"{flag}={value}"]
        return given + argv if not option.command else argv + given
    position = len(option.command)  # the positional right after the command's words
    return argv[:position] + [value] + argv[position + 1:]


FUZZED = [option for option in options(build_parser())
          if option.takes_value and option.command not in LONG_RUNNING]

hostile_text = st.one_of(
    st.text(st.characters(exclude_categories=[]), max_size=40),  # controls, bidi, surrogates
    st.sampled_from(list(CORPUS.values())),
    st.builds(lambda char, times: char * times, st.characters(exclude_categories=[]),
              st.integers(1_000, 150_000)),  # huge
    st.from_regex(r"[-+0-9.,e ²٣]{0,12}", fullmatch=True),  # number-like
    st.from_regex(r"[0-9]{1,5}[-/.][0-9]{1,3}[-/.][0-9]{1,5}", fullmatch=True),  # date-like
).filter(lambda text: "\x00" not in text)  # an operating system cannot pass a NUL


def test_every_command_with_an_option_is_fuzzed():
    """The list comes from the parser: each command's options are all here."""
    commands = {option.command for option in FUZZED}
    assert {("record",), ("history",), ("export",), ("chips",), ("meetings", "add"),
            ("import",), ("merge",), ("demo",), ()} <= commands
    assert any(option.name == "--db" for option in FUZZED)


@pytest.mark.parametrize("option", FUZZED, ids=lambda o: " ".join((*o.command, o.name)))
def test_any_text_in_any_argument(option, group, cli):
    files = input_files(group)

    @settings(max_examples=10, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(value=hostile_text)
    def run(value):
        argv = with_value(base_command(option.command, files), option, value)
        before = snapshot(group)
        check_promises(cli(*argv), before, snapshot(group))

    run()
