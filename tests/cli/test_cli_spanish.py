"""The command line in Spanish: `--lang es`, the computer's language, the group's setting;
and, under the pseudo-language, no English word left in `--help` or the text output."""

import argparse
from datetime import date
from pathlib import Path

import pytest

from facilitator import cli as facilitator_cli
from facilitator.core.records.record import Record
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.store import language
from facilitator.store.database import Database
from tests.pseudo_locale import PseudoTranslations, pseudo as pseudo_text, untranslated_words

MEETING = "Tuesday Night"  # a name is data: never translated


@pytest.fixture
def group(db_path: Path) -> Path:
    with Database.open(db_path) as database:
        database.add_meeting(Meeting(name=MEETING))
        database.add_record(Record(meeting=MEETING, date=date(2024, 3, 1), attendance=12,
                                   newcomers=2))
    return db_path


@pytest.fixture
def computer_speaks(monkeypatch):
    """Set the computer's language variables (every other one removed)."""
    def speak(**variables: str) -> None:
        for name in language.ENVIRONMENT:
            monkeypatch.delenv(name, raising=False)
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
    return speak


def test_chips_speak_spanish(cli, clock):
    code, out, err = cli("--lang", "es", "chips", "2024-01-01", "--on", "2024-03-05",
                         clock=clock)
    assert (code, err) == (0, "")
    assert "Sobriedad:" in out and "Próximo:" in out and "Escala:" in out
    assert "Sober date" not in out


def test_history_speaks_spanish(cli, group, clock):
    code, out, err = cli("--lang", "es", "history", "--from", "2024-01-01", clock=clock)
    assert (code, err) == (0, "")
    assert out.startswith("Todas las reuniones, del 2024-01-01 al 2024-03-05\n")


def test_history_without_records_speaks_spanish(cli, clock):
    code, out, _err = cli("--lang", "es", "history", clock=clock)
    assert (code, out) == (0, "aún no hay registros; añade uno con `facilitator record` o "
                              "`facilitator import FILE.csv`\n")


def test_a_refused_record_is_one_spanish_line_and_nothing_is_written(cli, group, db_path,
                                                                      clock):
    before = db_path.read_bytes()
    code, out, err = cli("--lang", "es", "record", "--meeting", MEETING, "--date", "2024-03-04",
                         "--attendance", "9", "--guests", "2", clock=clock)
    assert (code, out) == (1, "")
    assert err == ("facilitator: argumentos no reconocidos: --guests 2 "
                   "(consulta `facilitator --help`)\n")
    assert db_path.read_bytes() == before


def test_a_record_is_confirmed_in_spanish(cli, group, clock):
    code, out, err = cli("--lang", "es", "record", "--meeting", MEETING, "--date", "2024-03-04",
                         "--attendance", "9", "--newcomers", "1", clock=clock)
    assert (code, err) == (0, "")
    assert out == "registrada 'Tuesday Night' el 2024-03-04: 9 asistentes, 1 recién llegado\n"


def test_help_speaks_spanish_argparse_words_too(cli):
    code, out, _err = cli("--lang", "es", "history", "--help")
    assert code == 0
    assert out.startswith("uso: facilitator history")
    assert "opciones:" in out and "muestra este mensaje de ayuda y termina" in out
    assert "imprimir JSON en vez de una tabla" in out


def test_a_usage_error_speaks_spanish(cli):
    code, out, err = cli("--lang", "es", "record", "--meeting", MEETING)
    assert (code, out) == (1, "")
    assert err.startswith("facilitator record: se requieren los siguientes argumentos: ")
    assert err.endswith("(consulta `facilitator record --help`)\n")


def test_the_computers_language_chooses_spanish(cli, computer_speaks):
    computer_speaks(LANG="es_ES.UTF-8")
    assert cli("history", "--help")[1].startswith("uso: ")


def test_an_unknown_language_falls_back_to_english(cli, computer_speaks):
    computer_speaks(LANG="es_ES.UTF-8")
    code, out, err = cli("--lang", "xx", "history", "--help")
    assert (code, err) == (0, "")
    assert out.startswith("usage: facilitator history")
    assert "print JSON instead of a table" in out


def test_the_groups_language_chooses_spanish_without_a_flag(cli, group, db_path, clock):
    with Database.open(db_path) as database:
        database.save_settings(GroupSettings(language="es"))
    code, out, _err = cli("history", "--from", "2024-01-01", clock=clock)
    assert code == 0 and out.startswith("Todas las reuniones, ")
    code, out, _err = cli("--lang", "en", "history", "--from", "2024-01-01", clock=clock)
    assert code == 0 and out.startswith("All meetings, ")


# -- the pseudo-language: every word the CLI writes went through the catalog ----------------


@pytest.fixture
def pseudo(monkeypatch):
    """`--lang es` loads the pseudo-language instead of the Spanish catalog."""
    monkeypatch.setattr(language, "load_catalog", lambda locale: PseudoTranslations())


def parser_words(parser: argparse.ArgumentParser) -> set[str]:
    """The fixed codes a parser's help shows: command names, flags, metavars, choices; and
    what the pseudo-language keeps as it is in its texts (in square brackets, as markup)."""
    words = {"facilitator", *untranslated_words(pseudo_text(parser.description or ""))}
    for action in parser._actions:  # argparse has no public way to list them
        words.update(untranslated_words(pseudo_text(action.help or "")))
        texts = [*action.option_strings, str(action.dest).upper()]
        if action.metavar:
            texts.append(str(action.metavar))
        if action.choices:
            texts += map(str, action.choices)
        for text in texts:
            words.update(untranslated_words(text))
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                words |= parser_words(subparser)
    return words


def command_lines(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()):
    yield words
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                yield from command_lines(subparser, (*words, name))


def test_every_help_goes_through_the_catalog(cli, pseudo):
    parser = facilitator_cli.build_parser()
    allowed = parser_words(parser)
    for words in command_lines(parser):
        code, out, _err = cli("--lang", "es", *words, "--help")
        assert code == 0
        assert untranslated_words(out, allowed) == [], words


def ledger(cli, clock) -> None:
    for argv in (["treasury", "opening", "100", "--date", "2024-01-01"],
                 ["treasury", "add", "expense", "40", "--date", "2024-02-01",
                  "--category", "rent"],
                 ["treasury", "plan", "District 60", "Area 40"],
                 ["minutes", "add", "--meeting", MEETING, "--date", "2024-03-01",
                  "--motion", "Buy coffee", "--for", "8", "--against", "1"]):
        assert cli(*argv, clock=clock)[0] == 0


@pytest.mark.parametrize("argv, data", [
    (["chips", "2024-01-01", "--on", "2024-03-05"], ("aa",)),
    (["chips", "stock"], ("aa",)),
    (["history", "--from", "2024-01-01"], ()),
    (["history", "--by", "month"], ()),
    (["treasury", "list"], ("USD", "rent")),
    (["treasury", "report"], ("USD", "District", "Area")),
    (["minutes"], ("Buy", "coffee")),
])
def test_text_output_goes_through_the_catalog(cli, group, clock, pseudo, argv, data):
    ledger(cli, clock)
    code, out, err = cli("--lang", "es", *argv, clock=clock)
    assert (code, err) == (0, "")
    assert untranslated_words(out, {*MEETING.split(), *data}) == []


def test_a_refused_record_goes_through_the_catalog(cli, group, db_path, clock, pseudo):
    before = db_path.read_bytes()
    code, out, err = cli("--lang", "es", "record", "--meeting", MEETING, "--date", "2024-03-01",
                         "--attendance", "9", clock=clock)
    assert (code, out, err.count("\n")) == (1, "", 1)
    assert untranslated_words(err, {"facilitator", "date", "replace", *MEETING.split()}) == []
    assert db_path.read_bytes() == before
