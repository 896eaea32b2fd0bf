"""The store's and the core's shared words in Spanish: built-in ladders, refusals, sober time."""

import json
from datetime import date
from importlib.resources import files

import pytest

from facilitator.core.chips.built_in_labels import COLOURS, LABELS, TITLES
from facilitator.core.chips.milestones import time_sober
from facilitator.core.errors import ValidationError
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.store.ladders import BUILT_IN, ladders_folder, load_ladder
from facilitator.store.language import apply_language


def _built_in_words(name: str) -> set[str]:
    data = json.loads(files("facilitator.data").joinpath("ladders", f"{name}.json").read_text())
    yearly = data.get("every_year") or {}
    words = {data["title"], yearly.get("label"), yearly.get("colour"), yearly.get("stock_label")}
    for milestone in data["milestones"]:
        words |= {milestone["label"], milestone.get("colour")}
    return words - {None}


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_word_of_a_built_in_ladder_is_listed_for_the_catalog(name):
    """Extraction does not read JSON: a word missing from the list would stay English."""
    assert _built_in_words(name) - set(TITLES + LABELS + COLOURS) == set()


def test_the_built_in_aa_ladder_speaks_spanish():
    apply_language("es")
    aa = load_ladder("aa")
    assert aa.title == "Fichas de AA"
    assert [m.label for m in aa.milestones_through(3)] == [
        "24 horas", "30 días", "60 días", "90 días", "6 meses", "9 meses", "1 año",
        "18 meses", "2 años", "3 años"]
    assert aa.milestone("30d").key == "30d"  # keys are data: the same in every language


def test_the_built_in_na_ladder_speaks_spanish_colours_too():
    apply_language("es")
    na = load_ladder("na")
    assert na.title == "Llaveros de NA"
    assert na.milestone("30d").title == "30 días (naranja)"
    assert na.milestone("5y").title == "5 años (negro)"


def test_back_in_english_the_built_in_ladder_is_english_again():
    apply_language("es")
    load_ladder("aa")
    apply_language("en")
    assert load_ladder("aa").milestone("1y").label == "1 year"


def test_a_groups_own_ladder_file_is_shown_as_written(db_path):
    folder = ladders_folder(db_path)
    folder.mkdir(parents=True)
    (folder / "aa.txt").write_text("title: Our chips\n30 days | 30 days | silver\n"
                                   "every year from 1 | {n} years\n", encoding="utf-8")
    apply_language("es")
    ours = load_ladder("aa", db_path)
    assert ours.title == "Our chips"
    assert [m.title for m in ours.milestones_through(2)] == [
        "30 days (silver)", "1 years", "2 years"]


@pytest.mark.parametrize(("build", "spanish"), [
    (lambda: Meeting(name="Martes", share_minutes=0),
     "minutos por participación: debe estar entre 1 y 30"),
    (lambda: GroupSettings(reserve_months=-2), "meses de reserva: no puede ser negativo (-2)"),
    (lambda: GroupSettings(split_plan=(("Distrito", 60), ("Área", 30))),
     "reparto de aportaciones: los porcentajes suman 90, no 100"),
    (lambda: Meeting(name="  "), "nombre: no puede estar vacío"),
])
def test_a_refusal_reads_in_spanish_field_and_reason(build, spanish):
    apply_language("es")
    with pytest.raises(ValidationError) as refused:
        build()
    assert str(refused.value) == spanish


def test_a_refusal_keeps_its_field_as_given_for_the_code():
    apply_language("es")
    with pytest.raises(ValidationError) as refused:
        GroupSettings(warning_seconds=2)
    assert refused.value.field == "warning seconds"
    assert str(refused.value) == "segundos de aviso: debe estar entre 5 y 600"


@pytest.mark.parametrize(("sober", "on", "english", "spanish"), [
    (date(2024, 1, 10), date(2025, 9, 24), "1 year, 8 months, 14 days", "1 año, 8 meses, 14 días"),
    (date(2020, 3, 1), date(2023, 3, 2), "3 years, 1 day", "3 años, 1 día"),
    (date(2025, 1, 1), date(2025, 3, 1), "2 months", "2 meses"),
    (date(2025, 1, 1), date(2025, 1, 1), "0 days", "0 días"),
])
def test_sober_time_in_words(sober, on, english, spanish):
    assert time_sober(sober, on).describe() == english
    apply_language("es")
    assert time_sober(sober, on).describe() == spanish


def test_meeting_days_are_read_in_the_language_in_use_as_well_as_english():
    from facilitator.core.schedule.meeting import parse_days

    apply_language("es")
    assert parse_days("mar,jue") == (1, 3)
    assert parse_days("miércoles, Sábado") == (2, 5)
    assert parse_days("tue") == (1,)
    with pytest.raises(ValidationError, match="usa lun, mar"):
        parse_days("xx")
