"""Find milestone ladders: the ones shipped with facilitator and the group's own files.

A group's own ladder is a text file `ladders/NAME.txt` in the folder of the database (the
format is in facilitator/core/chips/ladder_format.py and the README). A file named like a built-in
ladder (aa.txt) takes its place, e.g. to translate the labels.
"""

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import orjson

from facilitator.core.chips.built_in_labels import in_language
from facilitator.core.errors import ValidationError
from facilitator.core.file_names import file_name, is_portable
from facilitator.core.i18n import N_, _
from facilitator.core.chips.ladder_format import ladder_from_dict, ladder_from_text
from facilitator.core.chips.milestones import KEY_PATTERN, Ladder
from facilitator.core.settings import GroupSettings
from facilitator.store.named_paths import read_input

BUILT_IN = ("aa", "na", "monthly")
SUFFIX = ".txt"
_MAX_FILE_BYTES = 64_000


def ladders_folder(db_path: Path) -> Path:
    """Where a group keeps its own ladder files: `ladders/` beside the database."""
    return Path(db_path).parent / "ladders"


def available(db_path: Path | None) -> list[str]:
    """Names of every ladder that can be chosen: built-in ones first, then the group's."""
    own: list[str] = []
    if db_path is not None and ladders_folder(db_path).is_dir():
        own = sorted(path.stem for path in ladders_folder(db_path).glob("*" + SUFFIX)
                     if KEY_PATTERN.fullmatch(path.stem) and path.stem not in BUILT_IN
                     and is_portable(path.stem, SUFFIX))
    return list(BUILT_IN) + own


def load_ladder(name: str, db_path: Path | None = None, *, leap_day: str = "feb28") -> Ladder:
    """The ladder called `name`, with the group's leap-day rule."""
    name = name.strip().lower()
    if not KEY_PATTERN.fullmatch(name):
        raise ValidationError(N_("ladder"), _("{name} is not a ladder name (lower-case "
                                              "letters, digits and hyphens)").format(
            name=repr(name[:40])))
    own = ladders_folder(db_path) / file_name(N_("ladder"), name, SUFFIX) if db_path else None
    if own is not None and (own.exists() or own.is_symlink()):  # whatever it is, say so
        ladder = ladder_from_text(name, _read_text(own),
                                  _("ladder file {path}").format(path=own))
    elif name in BUILT_IN:
        ladder = in_language(_built_in(name))  # the group's own file is shown as written
    else:
        names = ", ".join(available(db_path))
        if own is not None:
            message = _("there is no ladder named {name}; choose one of {names}; a group's "
                        "own ladder goes in {path}")
        else:
            message = _("there is no ladder named {name}; choose one of {names}")
        raise ValidationError(N_("ladder"), message.format(name=repr(name), names=names,
                                                           path=own))
    return ladder.using(leap_day)


def group_ladder(settings: GroupSettings, db_path: Path | None) -> Ladder:
    """The ladder the group chose in its settings, with its leap-day rule."""
    return load_ladder(settings.ladder, db_path, leap_day=settings.leap_day)


@lru_cache(maxsize=None)
def _built_in(name: str) -> Ladder:
    resource = files("facilitator.data").joinpath("ladders", f"{name}.json")
    return ladder_from_dict(name, orjson.loads(resource.read_bytes()),
                            _("built-in ladder {name}").format(name=name))


def _read_text(path: Path) -> str:
    raw = read_input(path, N_("ladder"), limit=_MAX_FILE_BYTES, noun=N_("text file"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ValidationError(_("ladder file {path} line {line}").format(path=path, line=line),
                              _("is not UTF-8 text")) from None
