"""Keep the translation catalogs current: `python tools/catalogs.py`.

Extracts every string the code marks for translation into `facilitator/locale/facilitator.pot`,
merges it into each language's `.po` (new strings come in untranslated, strings the code no
longer has are dropped) and compiles the `.mo` files the package ships. A translator edits
the `.po` and runs it again. `python tools/catalogs.py --check` changes nothing and fails
if a catalog is stale or a string has no translation (the tests check the same).
"""

import argparse
import sys
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "facilitator"
LOCALES = PACKAGE / "locale"
DOMAIN = "facilitator"
# `counted("{n} record", "{n} records", n)` is ngettext with the number written in.
# `NC_("column", "Shares")` marks a message translated later with pgettext("column", …).
KEYWORDS = {**DEFAULT_KEYWORDS, "counted": (1, 2), "NC_": ((1, "c"), 2)}
# A fixed date in the headers, so that the files change only when their strings do.
CREATED = datetime(2026, 12, 1, tzinfo=timezone.utc)


def source_files(paths: list[Path] | None = None) -> list[Path]:
    return sorted(paths or PACKAGE.rglob("*.py"))


def extract(paths: list[Path] | None = None) -> Catalog:
    """Every marked string in the package's code (or in `paths`), where it is used."""
    template = Catalog(project="facilitator", domain=DOMAIN, creation_date=CREATED,
                       revision_date=CREATED)
    for path in source_files(paths):
        for line, message, comments, context in extract_from_file(
                "python", path, keywords=KEYWORDS, comment_tags=("Translators:",)):
            template.add(message, None, [(path.relative_to(ROOT).as_posix(), line)],
                         auto_comments=comments, context=context)
    return template


def po_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(path.parent.parent.name for path in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def po_bytes(catalog: Catalog) -> bytes:
    out = BytesIO()
    # Files without line numbers: a catalog changes when its strings do, not with every edit.
    write_po(out, catalog, width=100, omit_header=False, include_previous=False,
             ignore_obsolete=True, sort_by_file=True, include_lineno=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def new_catalog(language: str) -> None:
    """Start a language: `python tools/catalogs.py --new fr`, then translate its `.po`."""
    po_path(language).parent.mkdir(parents=True, exist_ok=True)
    po_path(language).write_bytes(po_bytes(Catalog(
        locale=language, project="facilitator", domain=DOMAIN, creation_date=CREATED,
        revision_date=CREATED)))


def updated(language: str, template: Catalog) -> Catalog:
    catalog = read(po_path(language))
    catalog.update(template, no_fuzzy_matching=True)
    return catalog


def untranslated(catalog: Catalog) -> list[str]:
    """The message ids without a translation (or whose translation is marked fuzzy)."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    parser.add_argument("--new", metavar="LANGUAGE", help="start a catalog for LANGUAGE")
    args = parser.parse_args(argv)
    if args.new:
        new_catalog(args.new)
    template = extract()
    files = {LOCALES / f"{DOMAIN}.pot": po_bytes(template)}
    problems = []
    for language in languages():
        catalog = updated(language, template)
        files[po_path(language)] = po_bytes(catalog)
        files[po_path(language).with_suffix(".mo")] = mo_bytes(catalog)
        problems += [f"{language}: no translation for {message!r}"
                     for message in untranslated(catalog)]
    stale = [path for path, data in files.items()
             if not path.exists() or path.read_bytes() != data]
    if args.check:
        problems += [f"{path.relative_to(ROOT)} is not current" for path in stale]
    else:
        for path in stale:
            path.write_bytes(files[path])
            print(f"wrote {path.relative_to(ROOT)}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
