"""The core (`cjmapper/`) stays free of Qt and of the `ui` package, so the CLI, exporters and tests of the
core run without a display and the canvas can be replaced without touching the model or the store."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "cjmapper"

FORBIDDEN = ("PySide6", "PySide2", "shiboken6", "shiboken2", "PyQt", "ui")
"""Top-level packages the core must not import; "PyQt" covers PyQt4, PyQt5 and PyQt6."""
GUI = "cjmapper.gui"
"""The name `ui` is installed under (pyproject.toml's package-dir): forbidden to the core as well."""

_IMPORT_FUNCTIONS = {"import_module", "__import__"}


def _forbidden(module: str) -> bool:
    top = module.split(".")[0]
    if module == GUI or module.startswith(GUI + "."):
        return True
    return any(top == name or (name == "PyQt" and top.startswith("PyQt")) for name in FORBIDDEN)


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def forbidden_imports(path: Path) -> list[str]:
    """Every import in one file of a forbidden package, as "file:line: module"; [] when there is none.

    Finds `import x`, `from x import y`, and `importlib.import_module("x")` / `__import__("x")` with a
    literal name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if _forbidden(alias.name)]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and _forbidden(node.module):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and _called_name(node) in _IMPORT_FUNCTIONS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and _forbidden(first.value):
                found.append((node.lineno, first.value))
    return [f"{path}:{line}: {module}" for line, module in sorted(found)]


def core_files() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def test_core_has_python_files() -> None:
    names = {p.relative_to(CORE).as_posix() for p in core_files()}
    assert {"__init__.py", "model.py", "store/library.py"} <= names


def test_core_imports_no_qt_and_no_ui() -> None:
    problems = [problem for path in core_files() for problem in forbidden_imports(path)]
    assert problems == [], "the core must not import Qt or the ui package:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("source", "module"),
    [
        ("from PySide6 import QtCore\n", "PySide6"),
        ("import PySide6.QtWidgets as w\n", "PySide6.QtWidgets"),
        ("import os, shiboken6\n", "shiboken6"),
        ("from PyQt5.QtCore import Qt\n", "PyQt5.QtCore"),
        ("from ui.window.main_window import MainWindow\n", "ui.window.main_window"),
        ("import ui\n", "ui"),
        ("from cjmapper.gui.editing.document import JourneyDocument\n", "cjmapper.gui.editing.document"),
        ("import cjmapper.gui\n", "cjmapper.gui"),
        ("import importlib\nimportlib.import_module('PySide6.QtGui')\n", "PySide6.QtGui"),
        ("def f():\n    return __import__('PyQt6')\n", "PyQt6"),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from PySide6.QtCore import QObject\n",
         "PySide6.QtCore"),
    ],
)  # fmt: skip
def test_checker_reports_a_forbidden_import(tmp_path: Path, source: str, module: str) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(source, encoding="utf-8")
    problems = forbidden_imports(bad)
    assert len(problems) == 1
    assert problems[0].endswith(f": {module}")


@pytest.mark.parametrize(
    "source",
    [
        "import uuid\nimport urllib.parse\nfrom unicodedata import normalize\n",
        "from . import ui\nfrom .ui import thing\n",  # the core's own (relative) modules are fine
        "import sqlite3\nname = 'PySide6'\n",
        "import pyside_helpers\n",
    ],
)
def test_checker_accepts_allowed_imports(tmp_path: Path, source: str) -> None:
    good = tmp_path / "good.py"
    good.write_text(source, encoding="utf-8")
    assert forbidden_imports(good) == []


_IMPORT_ALL = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    import cjmapper

    def failed(name):
        raise SystemExit(f"cannot import {name}")

    names = ["cjmapper"]
    for info in pkgutil.walk_packages(cjmapper.__path__, "cjmapper.", onerror=failed):
        if info.name.rsplit(".", 1)[-1] != "__main__":  # running the CLI is not importing it
            names.append(info.name)
    for name in names:
        importlib.import_module(name)
    loaded = sorted(
        m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6", "ui"} or m.startswith("cjmapper.gui")
    )
    print("IMPORTED", len(names))
    print("QT_OR_UI", loaded)
    """
)


def test_importing_every_core_module_loads_no_qt_and_no_ui() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert int(lines["IMPORTED"]) >= 5
    assert lines["QT_OR_UI"] == "[]"


def test_cli_entry_point_does_not_load_qt() -> None:
    """The `cjmapper` script imports Qt only when the editor starts, so CLI commands stay fast."""
    code = "import sys, ui.main\nprint(sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'}))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


BACKEND_ONLY = {
    "sqlite3": "cjmapper/store/sqlite.py",
    "PRAGMA": "cjmapper/store/sqlite.py",
    "psycopg": "cjmapper/store/postgres.py",
    "pg_": "cjmapper/store/postgres.py",
    "LISTEN": "cjmapper/store/postgres.py",
}
"""Backend-only code and the one module each may appear in: the rest of the store is portable SQLAlchemy, so one
store serves a library file and a team library on PostgreSQL alike."""


def backend_words(path: Path) -> set[str]:
    """The backend-only words (imports of sqlite3 or psycopg; SQLite pragmas; PostgreSQL functions and LISTEN) that
    a file's code uses, outside comments and docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found |= {word for word in ("PRAGMA", "pg_", "LISTEN") if word in node.value}
    return found & set(BACKEND_ONLY)


def test_backend_only_code_stays_in_its_backend_module() -> None:
    misplaced = [
        f"{path.relative_to(ROOT)} uses {word} (belongs in {BACKEND_ONLY[word]})"
        for path in [*core_files(), *sorted((ROOT / "ui").rglob("*.py"))]
        for word in sorted(backend_words(path))
        if str(path.relative_to(ROOT)) != BACKEND_ONLY[word]
    ]
    assert misplaced == []


def test_backend_check_finds_a_pragma_outside_sqlite_py(tmp_path: Path) -> None:
    stray = tmp_path / "stray.py"
    stray.write_text('"""PRAGMA in a docstring is fine."""\nimport psycopg\nQ = "PRAGMA foreign_keys = ON"\n')
    assert backend_words(stray) == {"psycopg", "PRAGMA"}


def absolute_ui_imports(path: Path, root: Path = ROOT) -> list[str]:
    """Imports of the `ui` package by its name in one file of ui/, as "file:line: module"."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = [
        (node.lineno, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name.split(".")[0] == "ui"
    ]
    found += [
        (node.lineno, node.module)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.split(".")[0] == "ui"
    ]
    return [f"{path.relative_to(root)}:{line}: {module}" for line, module in sorted(found)]


def test_the_editor_imports_its_own_modules_relatively() -> None:
    """ui/ is installed as `cjmapper.gui` (pyproject.toml): an import of `ui.x` would fail there."""
    problems = [problem for path in sorted((ROOT / "ui").rglob("*.py")) for problem in absolute_ui_imports(path)]
    assert problems == []


def test_the_relative_import_check_finds_ui_by_its_name(tmp_path: Path) -> None:
    (tmp_path / "ui").mkdir()
    stray = tmp_path / "ui" / "stray.py"
    stray.write_text("from .document import JourneyDocument\nimport ui.app\n\ndef f():\n    from ui import icons\n")
    assert [p.split(":", 2)[1:] for p in absolute_ui_imports(stray, tmp_path)] == [["2", " ui.app"], ["5", " ui"]]
