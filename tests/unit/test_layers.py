"""The layers hold: what each part of the package may import (see ARCHITECTURE.md)."""

import ast
from pathlib import Path

import pytest

import facilitator

PACKAGE = Path(facilitator.__file__).parent
# core's wings, lowest first: a wing imports the shared values at core's root and the wings
# before it, never one after it.
WINGS = ["schedule", "chips", "records", "treasury", "business", "meeting"]


def imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def under(name: str, *prefixes: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def module_id(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


@pytest.mark.parametrize("path", modules("core"), ids=module_id)
def test_core_is_pure(path):
    """No Textual, no TinyDB, no store, screens or commands; no files, processes or network
    (orjson only turns values into bytes; PurePath only reads a name)."""
    forbidden = ("textual", "tinydb", "rich", "filelock", "facilitator.store",
                 "facilitator.tui", "facilitator.commands", "facilitator.cli", "os", "shutil",
                 "subprocess", "socket", "asyncio", "pathlib.Path", "tempfile")
    assert not {name for name in imports(path) if under(name, *forbidden)}


@pytest.mark.parametrize("path", modules("core"), ids=module_id)
def test_no_wing_imports_one_above_it(path):
    parts = path.relative_to(PACKAGE / "core").parts
    wing = parts[0] if len(parts) > 1 else None
    allowed = WINGS[:WINGS.index(wing) + 1] if wing else []
    for name in imports(path):
        if under(name, "facilitator.core") and name.count(".") >= 2:
            target = name.split(".")[2]
            if target in WINGS:
                assert target in allowed, f"{module_id(path)} imports {name}"


@pytest.mark.parametrize("folder,forbidden", [
    ("store", ("textual", "facilitator.tui", "facilitator.commands", "facilitator.cli")),
    ("commands", ("textual",)),
])
def test_outer_layers(folder, forbidden):
    """TinyDB only in store/, Textual only in tui/; the store knows nothing of screens."""
    for path in modules(folder):
        assert not {name for name in imports(path) if under(name, *forbidden)}, module_id(path)


def test_tinydb_only_in_the_store():
    for path in PACKAGE.rglob("*.py"):
        if "store" not in path.relative_to(PACKAGE).parts:
            assert not {n for n in imports(path) if under(n, "tinydb")}, module_id(path)


def test_the_wings_are_all_known():
    folders = {p.name for p in (PACKAGE / "core").iterdir()
               if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == set(WINGS)
