"""The house's layers, as tests: no import cycles anywhere in `cjmapper/`, `ui/` and `tools/`; the rooms of `ui/`
import only downward; modules stay small unless their docstring says why one job needs more.

Every import counts: at module level, inside functions and under `TYPE_CHECKING` (a cycle hidden from the
interpreter is still one for the reader)."""

from __future__ import annotations

import ast
import sys
import textwrap
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cjmapper", "ui", "tools")
GUI = "cjmapper.gui"
"""The name `ui` is installed under: an absolute import of it means `ui`."""
MAX_LINES = 700
ONE_JOB = "one job"
"""The phrase a module past MAX_LINES uses in its docstring to say why it is one job."""

FORBIDDEN: Mapping[str, tuple[str, ...]] = {
    "cjmapper": ("ui", "tools"),
    "ui.canvas": ("ui.panels", "ui.window", "ui.workshop", "ui.dialogs", "ui.export"),
    "ui.panels": ("ui.window", "ui.workshop"),
    "ui.dialogs": ("ui.window", "ui.workshop"),
    "ui.editing": ("ui.canvas", "ui.panels", "ui.window", "ui.workshop", "ui.dialogs", "ui.export"),
    "ui.export": ("ui.window", "ui.workshop"),
    "ui.workshop": ("ui.window",),
}
"""Room -> rooms it must never import: the canvas draws and never knows the panels or the window, panels never
know the window, the edit path knows nothing above it."""


def _module_of(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _files(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    return {
        _module_of(p, root): p
        for package in packages
        for p in sorted((root / package).rglob("*.py"))
        if "migrations" not in p.relative_to(root).parts
    }


def import_graph(root: Path = ROOT, packages: Iterable[str] = PACKAGES) -> dict[str, set[str]]:
    """Module -> the modules of the tree it imports, by any import anywhere in its file."""
    modules = _files(root, packages)

    def resolve(name: str) -> str | None:
        if name == GUI or name.startswith(GUI + "."):
            name = "ui" + name[len(GUI) :]
        while name:
            if name in modules:
                return name
            name = name.rpartition(".")[0]
        return None

    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            for name in names:
                target = resolve(name)
                # A package's __init__ is where its own modules live: importing a sibling through it is no edge back.
                if target and target != module and not module.startswith(target + "."):
                    graph[module].add(target)
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for vertex in sorted(graph):
            if vertex not in index:
                visit(vertex)
    finally:
        sys.setrecursionlimit(limit)
    return sorted(found)


def _within(module: str, room: str) -> bool:
    return module == room or module.startswith(room + ".")


def layer_breaches(graph: Mapping[str, set[str]]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        for room, banned in FORBIDDEN.items()
        if _within(module, room)
        for target in targets
        if any(_within(target, b) for b in banned)
    )


def oversized(root: Path = ROOT, packages: Iterable[str] = PACKAGES) -> list[str]:
    """Modules past MAX_LINES whose docstring does not say why they are one job."""
    found = []
    for module, path in _files(root, packages).items():
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if lines > MAX_LINES:
            doc = ast.get_docstring(ast.parse(text)) or ""
            if ONE_JOB not in doc.lower():
                found.append(f"{module} ({lines} lines)")
    return found


def test_no_import_cycles() -> None:
    found = cycles(import_graph())
    assert found == [], "import cycles:\n" + "\n".join(" <-> ".join(group) for group in found)


def test_rooms_import_only_downward() -> None:
    assert layer_breaches(import_graph()) == []


def test_big_modules_say_why_they_are_one_job() -> None:
    assert oversized() == [], f"split these modules, or say in the docstring why each is {ONE_JOB}"


def _tree(tmp_path: Path, files: Mapping[str, str]) -> Path:
    for name, source in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return tmp_path


def test_a_cycle_through_a_function_or_type_checking_import_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "ui/__init__.py": "",
            "ui/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\n",
            "ui/b.py": "def f():\n    from . import a\n",
            "ui/c.py": "from .b import f\n",
        },
    )
    assert cycles(import_graph(root, ("ui",))) == [["ui.a", "ui.b"]]


def test_a_room_importing_upward_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "ui/__init__.py": "",
            "ui/canvas/__init__.py": "",
            "ui/canvas/scene.py": "def f():\n    from ..panels.palette import MIME\n",
            "ui/panels/__init__.py": "",
            "ui/panels/palette.py": "from cjmapper.gui.window.main import W\n",
            "ui/window/__init__.py": "",
            "ui/window/main.py": "from ..canvas import scene\n",
        },
    )
    assert layer_breaches(import_graph(root, ("ui",))) == [
        "ui.canvas.scene imports ui.panels.palette",
        "ui.panels.palette imports ui.window.main",
    ]


@pytest.mark.parametrize(("docstring", "flagged"), [("A module.", True), ("One job: the reader, whole.", False)])
def test_a_long_module_must_say_why(tmp_path: Path, docstring: str, flagged: bool) -> None:
    root = _tree(tmp_path, {"ui/__init__.py": "", "ui/big.py": f'"""{docstring}"""\n' + "x = 1\n" * (MAX_LINES + 1)})
    assert oversized(root, ("ui",)) == (["ui.big (702 lines)"] if flagged else [])
