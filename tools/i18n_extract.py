"""Finding the strings to translate, for the translation pipeline (`tools.i18n_tools`): every user-visible string
of `ui/` (and the marked labels of `cjmapper/editing/`), read from the source tree.

pyside6-lupdate does not know our module-level `tr()` helpers (it files their strings under an empty context, where
the running editor never looks) nor contexts held in constants (`QCoreApplication.translate(CONTEXT, ...)`), so the
strings are found here with `ast`:

- `self.tr("...")` (any `x.tr(...)`): the context is the enclosing class, as PySide6 looks it up at run time;
- `QCoreApplication.translate("Ctx", "...")` (or `QApplication` / `QGuiApplication`), `QT_TRANSLATE_NOOP("Ctx",
  "...")`, `QT_TRANSLATE_NOOP3("Ctx", "...", "comment")` and `QT_TR_NOOP("...")` (the enclosing class);
- calls of a translation helper: a module-level function whose body returns
  `QCoreApplication.translate(CONTEXT, <its first parameter>)`, called in its own module or imported elsewhere;
- `marked("...")` in the Qt-free editing core (`cjmapper/editing/`, see `cjmapper.editing.labels`): the Edit menu
  labels, which the front end translates in the context `MARKED_CONTEXT`.

A context may be a string or the name of a module-level string constant (also an imported one). A call with a
third argument or `n=` is a plural (numerus) message. A call whose text is not a literal (a variable, a dict
lookup) is translated at run time but cannot be checked here: mark those strings where they are written with
QT_TRANSLATE_NOOP. An f-string or other computed text inside a translation call is a problem (it can never match
a translation); so is a user-visible literal passed to a widget without going through a translation call
(`literal_ui_strings`).

The catalogue is written without line numbers, so moving code does not change it: contexts sorted by name, the
messages of each in the order the source first uses them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "ui"
MARKED_SOURCE = ROOT / "cjmapper" / "editing"
"""Core code that cannot import Qt: its label sources are marked with `marked()` and translated by the front end."""
MARKER = "marked"
MARKED_CONTEXT = "JourneyDocument"
"""The context of the marked labels (`cjmapper.editing.labels.CONTEXT`, where the front end looks them up)."""
APPLICATIONS = {"QCoreApplication", "QApplication", "QGuiApplication"}
NOT_TRANSLATED = "# i18n: no"
"""A line ending in this comment may pass a literal to a widget (something that is the same in every language)."""
UNTRANSLATED_WORDS = ("cjmapper", "CSAT", "PDF", "PNG", "SVG", "JSON", "CSV", "dpi", "English", "Nederlands")
"""Words that stay as they are in every language (names, and each language's name in itself, as a language menu
shows it); a literal holding only these needs no translation."""

_NOOPS = ("QT_TRANSLATE_NOOP", "translatable")
"""Markers of a text translated elsewhere, with its context first."""


# ---------------------------------------------------------------------- finding the strings


@dataclass(frozen=True, slots=True)
class Message:
    """One translatable string: what QTranslator looks up (context, source, disambiguation) and whether it is a
    plural."""

    context: str
    source: str
    comment: str = ""
    numerus: bool = False
    locations: tuple[str, ...] = ()
    """Files that use it, relative to the repository, in order of first use."""

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


@dataclass(slots=True)
class Extraction:
    messages: list[Message] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dynamic: list[Problem] = field(default_factory=list)
    """Translation calls with a computed text: fine when the strings are marked where they are written."""


@dataclass(slots=True)
class _Module:
    name: str
    path: Path
    tree: ast.Module
    constants: dict[str, str] = field(default_factory=dict)
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Local name -> (module, name) for `from module import name [as local]`."""
    helpers: dict[str, ast.expr] = field(default_factory=dict)
    """Translation helper functions: name -> the context expression they pass to translate()."""
    helper_calls: set[int] = field(default_factory=set)
    """The translate() calls inside those helpers (their text is the helper's parameter)."""


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _string(node: ast.expr | None) -> str | None:
    """The value of a string literal, or of literals joined with + (None for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string(node.left), _string(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _called(node: ast.Call) -> tuple[str | None, str]:
    """(object name or None, function name) of a call: ("QCoreApplication", "translate"), (None, "tr")."""
    func = node.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return owner, func.attr
    if isinstance(func, ast.Name):
        return None, func.id
    return "", ""


def _translate_context(node: ast.Call, parameter: str) -> ast.expr | None:
    """The context expression when `node` is QCoreApplication.translate(ctx, parameter) or (ctx, str(parameter))."""
    owner, name = _called(node)
    if owner not in APPLICATIONS or name != "translate" or len(node.args) < 2:
        return None
    text = node.args[1]
    if isinstance(text, ast.Call) and _called(text) == (None, "str") and len(text.args) == 1:
        text = text.args[0]
    return node.args[0] if isinstance(text, ast.Name) and text.id == parameter else None


def _scan_module(path: Path, root: Path) -> _Module:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module = _Module(_module_name(path, root), path, tree)
    package = module.name if path.name == "__init__.py" else module.name.rpartition(".")[0]
    for node in tree.body:
        if isinstance(node, ast.Assign) and (value := _string(node.value)) is not None:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    module.constants[target.id] = value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if (value := _string(node.value)) is not None:
                module.constants[node.target.id] = value
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".") if package else []
                parent = parent[: len(parent) - (node.level - 1)] if node.level > 1 else parent
                base = ".".join([*parent, *([base] if base else [])])
            for alias in node.names:
                module.imports[alias.asname or alias.name] = (base, alias.name)
        elif isinstance(node, ast.FunctionDef) and node.args.args:
            parameter = node.args.args[0].arg
            for statement in node.body:
                if isinstance(statement, ast.Return) and isinstance(statement.value, ast.Call):
                    context = _translate_context(statement.value, parameter)
                    if context is not None:
                        module.helpers[node.name] = context
                        module.helper_calls.add(id(statement.value))
    return module


class _Resolver:
    def __init__(self, modules: dict[str, _Module]) -> None:
        self.modules = modules

    def constant(self, module: _Module, name: str, depth: int = 0) -> str | None:
        if name in module.constants:
            return module.constants[name]
        origin = module.imports.get(name)
        if origin is None or depth > 10 or origin[0] not in self.modules:
            return None
        return self.constant(self.modules[origin[0]], origin[1], depth + 1)

    def context(self, module: _Module, node: ast.expr) -> str | None:
        if (value := _string(node)) is not None:
            return value
        if isinstance(node, ast.Name):
            return self.constant(module, node.id)
        return None

    def helper(self, module: _Module, name: str, depth: int = 0) -> str | None:
        """The context of translation helper `name` as seen from `module`, or None when it is no helper."""
        if name in module.helpers:
            return self.context(module, module.helpers[name])
        origin = module.imports.get(name)
        if origin is None or depth > 10 or origin[0] not in self.modules:
            return None
        return self.helper(self.modules[origin[0]], origin[1], depth + 1)


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _enclosing_class(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str | None:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.ClassDef):
            return node.name
    return None


def _argument(node: ast.Call, index: int, keyword: str) -> ast.expr | None:
    if len(node.args) > index:
        return node.args[index]
    return next((k.value for k in node.keywords if k.arg == keyword), None)


CORE_LABELS = (ROOT / "cjmapper" / "card_fields.py",)
"""Core modules whose labels the editor shows: each marks them with `translatable(CONTEXT, "...")` (the core has no
Qt, so no QT_TRANSLATE_NOOP), which is read like QT_TRANSLATE_NOOP."""


def source_files(root: Path = SOURCE) -> list[Path]:
    found = sorted(root.rglob("*.py"))
    return [*found, *CORE_LABELS] if root == SOURCE else found


def marked_files() -> list[Path]:
    """The core modules whose label sources are marked with `marked()`."""
    return sorted(MARKED_SOURCE.rglob("*.py"))


def extract(files: Sequence[Path] | None = None, root: Path = ROOT) -> Extraction:
    """Every translatable message used in `files` (default: all of ui/), merged by (context, source, comment)."""
    paths = list(files) if files is not None else [*source_files(), *marked_files()]
    modules = {m.name: m for m in (_scan_module(p, root) for p in paths)}
    resolver = _Resolver(modules)
    result = Extraction()
    found: dict[tuple[str, str, str], Message] = {}
    for module in modules.values():
        parents = _parents(module.tree)
        where = module.path.relative_to(root).as_posix()
        calls = sorted(
            (n for n in ast.walk(module.tree) if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset)
        )
        for call in calls:
            if id(call) in module.helper_calls:
                continue
            owner, name = _called(call)
            context: str | None
            text_index, comment_index, n_index = 0, 1, 2
            if name == "tr" and owner != "":
                if owner is None and (helper := resolver.helper(module, "tr")) is not None:
                    context, comment_index, n_index = helper, -1, -1
                elif owner is None:
                    continue  # a local function named tr that is no translation helper
                else:
                    context = _enclosing_class(call, parents)
            elif (owner in APPLICATIONS and name == "translate") or (owner is None and name in _NOOPS):
                if not call.args:
                    continue
                context = resolver.context(module, call.args[0])
                text_index, comment_index, n_index = 1, 2, 3 if name == "translate" else -1
            elif owner is None and name == "QT_TRANSLATE_NOOP3":
                context = resolver.context(module, call.args[0]) if call.args else None
                text_index, comment_index, n_index = 1, 2, -1
            elif owner is None and name == MARKER and module.imports.get(MARKER, ("", ""))[1] == MARKER:
                context, comment_index, n_index = MARKED_CONTEXT, -1, -1
            elif owner is None and name == "QT_TR_NOOP":
                context, comment_index, n_index = _enclosing_class(call, parents), -1, -1
            elif owner is None and (helper := resolver.helper(module, name)) is not None:
                context, comment_index, n_index = helper, -1, -1
            else:
                continue
            text_node = _argument(call, text_index, "sourceText" if text_index else "text")
            if text_node is None:
                continue
            text = _string(text_node)
            if text is None:
                if isinstance(text_node, ast.JoinedStr | ast.BinOp) or (
                    isinstance(text_node, ast.Call) and isinstance(text_node.func, ast.Attribute)
                    and text_node.func.attr == "format"
                ):  # fmt: skip
                    result.problems.append(
                        Problem(where, call.lineno, "a computed text cannot be translated: pass a literal with {0}")
                    )
                else:
                    result.dynamic.append(Problem(where, call.lineno, ast.unparse(text_node)))
                continue
            if context is None:
                result.problems.append(Problem(where, call.lineno, f"no translation context for {text!r}"))
                continue
            comment_node = _argument(call, comment_index, "disambiguation") if comment_index >= 0 else None
            comment = _string(comment_node) if comment_node is not None else ""
            if comment is None:
                comment = ""
            n_node = _argument(call, n_index, "n") if n_index >= 0 else None
            numerus = n_node is not None and not (isinstance(n_node, ast.Constant) and n_node.value == -1)
            if not text.strip():
                continue
            message = Message(context, text, comment, numerus, (where,))
            old = found.get(message.key)
            if old is None:
                found[message.key] = message
            elif where not in old.locations or (numerus and not old.numerus):
                locations = old.locations if where in old.locations else (*old.locations, where)
                found[message.key] = replace(old, numerus=old.numerus or numerus, locations=locations)
    result.messages = list(found.values())
    return result


# ---------------------------------------------------------------------- literals that skip translation

SINK_METHODS = {
    "setText": (0,), "setWindowTitle": (0,), "setToolTip": (0,), "setStatusTip": (0,), "setWhatsThis": (0,),
    "setPlaceholderText": (0,), "setAccessibleName": (0,), "setAccessibleDescription": (0,),
    "showMessage": (0,), "setTitle": (0,), "setLabelText": (0,), "setPrefix": (0,), "setSuffix": (0,),
    "setSpecialValueText": (0,), "setInformativeText": (0,), "setDetailedText": (0,), "setTabText": (1,),
    "setItemText": (1,), "addItem": (0,), "insertItem": (1,), "addAction": (0,), "addMenu": (0,), "addTab": (1,),
    "insertTab": (2,), "addRow": (0,), "insertRow": (1,), "addButton": (0,), "setButtonText": (1,),
    "setIconText": (0,), "setFormat": (0,), "setHeaderLabels": (0,), "setHorizontalHeaderLabels": (0,),
    "setVerticalHeaderLabels": (0,), "start": (0,),
}  # fmt: skip
"""Methods whose arguments at these positions are shown to the user."""
SINK_CLASSES = {
    "QAction": (0, 1), "QLabel": (0,), "QPushButton": (0, 1), "QToolButton": (0,), "QCheckBox": (0,),
    "QRadioButton": (0,), "QGroupBox": (0,), "QMenu": (0,), "QDockWidget": (0,), "QToolBar": (0,),
    "QCommandLinkButton": (0, 1), "QStandardItem": (0,), "QListWidgetItem": (0,), "QTreeWidgetItem": (0,),
}  # fmt: skip
"""Widgets whose constructor arguments at these positions are shown to the user."""
SINK_STATICS = {
    ("QMessageBox", "information"): (1, 2), ("QMessageBox", "warning"): (1, 2), ("QMessageBox", "critical"): (1, 2),
    ("QMessageBox", "question"): (1, 2), ("QMessageBox", "about"): (1, 2), ("QInputDialog", "getText"): (1, 2),
    ("QInputDialog", "getInt"): (1, 2), ("QInputDialog", "getItem"): (1, 2), ("QInputDialog", "getDouble"): (1, 2),
    ("QInputDialog", "getMultiLineText"): (1, 2), ("QFileDialog", "getSaveFileName"): (1, 3),
    ("QFileDialog", "getOpenFileName"): (1, 3), ("QFileDialog", "getOpenFileNames"): (1, 3),
    ("QFileDialog", "getExistingDirectory"): (1,), ("QColorDialog", "getColor"): (2,),
}  # fmt: skip
_TAG = re.compile(r"<[^>]*>|&[a-z]+;")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _literal_text(node: ast.expr) -> str | None:
    """The literal words of a string, f-string, concatenation or `"...".format(...)`; None for anything else."""
    if (value := _string(node)) is not None:
        return value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{…}" for v in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = [_literal_text(node.left), _literal_text(node.right)]
        return " ".join(p for p in parts if p is not None) if any(p is not None for p in parts) else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _literal_text(node.func.value)
    return None


def needs_translation(text: str) -> bool:
    """Whether a literal holds words a user reads (not only markup, numbers, symbols and UNTRANSLATED_WORDS)."""
    words = _WORD.findall(_TAG.sub(" ", text))
    return any(word not in UNTRANSLATED_WORDS for word in words)


def literal_ui_strings(files: Sequence[Path] | None = None, root: Path = ROOT) -> list[Problem]:
    """Literals with words that reach a widget without a translation call, e.g. `QLabel("Minutes")` or
    `button.setText(f"Start {n}")`. A line may opt out with the comment NOT_TRANSLATED."""
    problems: list[Problem] = []
    for path in list(files) if files is not None else source_files():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source, filename=str(path))
        where = path.relative_to(root).as_posix()
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            owner, name = _called(call)
            if (owner, name) in SINK_STATICS:
                positions = SINK_STATICS[(owner or "", name)]
            elif owner is None and name in SINK_CLASSES:
                positions = SINK_CLASSES[name]
            elif owner is not None and name in SINK_METHODS:
                positions = SINK_METHODS[name]
            else:
                continue
            arguments = [a for a in call.args if not isinstance(a, ast.Starred)]
            if name == "setText" and len(arguments) == 2:
                positions = () if _string(arguments[0]) is not None else (1,)  # QImage.setText(key, text): metadata
            for position in positions:
                if position >= len(arguments):
                    continue
                argument = arguments[position]
                text = _literal_text(argument)
                if text is None or not needs_translation(text):
                    continue
                end = getattr(argument, "end_lineno", None) or argument.lineno
                if any(NOT_TRANSLATED in lines[i - 1] for i in range(call.lineno, end + 1) if i <= len(lines)):
                    continue
                problems.append(Problem(where, argument.lineno, f"untranslated text {text.strip()!r}"))
    return sorted(problems, key=lambda p: (p.path, p.line))
