"""No message for the user is written in bare English in the core (issue 16, item 7): every user-facing error of
cjmapper/ (the classes of cjmapper.errors, argparse's ArgumentTypeError, a parser's `error`) and every line the
command line prints is worded through `cjmapper.messages.say`, so it has a translation (tests/test_dutch.py keeps the
catalogue complete). A new `raise EditError(f"...")` fails here."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import cjmapper
from cjmapper import errors
from ui import i18n

CORE = Path(cjmapper.__file__).parent
UI = Path(i18n.__file__).parent
"""The editor: its user errors (a picture the command line asks of it) are worded by the core's catalogue too."""

USER_ERRORS = frozenset(
    name for name, value in vars(errors).items() if inspect.isclass(value) and issubclass(value, errors.CjmapperError)
) | {"ArgumentTypeError"}
"""The errors whose message a user reads as it is (the editor's message boxes, the command line's error line);
their own `super().__init__(...)` counts as one too."""

PRINTING = frozenset({"print", "write", "error"})
"""In the command line: what prints a line for the user (print, out.write, parser.error)."""

HELP = frozenset({"help", "description", "epilog"})
"""The command line's help texts (argparse's keywords), which `--help` prints in the user's language."""

WORDS = re.compile(r"[A-Za-z]{2,}")


def english(node: ast.expr) -> bool:
    """Whether `node` is text written out in the source with words in it: a literal, an f-string, a concatenation
    or a `.format` of one (say(...) and values passed on are not)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and WORDS.search(node.value) is not None
    if isinstance(node, ast.JoinedStr):
        return any(english(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return english(node.left) or english(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return english(node.func.value)
    return False


def _called(node: ast.Call) -> str | None:
    return node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)


def bare_english(source: str, printing: bool, own_errors: bool = True) -> list[tuple[int, str]]:
    """(line, code) of each user-facing error made with bare English text in `source` (and, when `printing`, each
    printed line). `own_errors`: a `super().__init__(...)` counts as an error's own message (so in the core, not in
    the editor, whose widgets pass their own names up)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _called(node)
        own_init = own_errors and name == "__init__" and "super()" in ast.unparse(node.func)  # an error class's
        an_error = name in USER_ERRORS or own_init
        given = node.args if an_error else node.args[:1]  # an error's every argument (InterchangeError's source)
        values = [*given, *(k.value for k in node.keywords if k.arg == "damaged")]
        values += [item for value in values if isinstance(value, ast.List) for item in value.elts]
        if an_error or (printing and name in PRINTING) or any(k.arg == "damaged" for k in node.keywords):
            found += [(node.lineno, ast.unparse(value)[:100]) for value in values if english(value)]
        helps = [k.value for k in node.keywords if k.arg in HELP]
        found += [(node.lineno, ast.unparse(value)[:100]) for value in helps if english(value)]
    return found


def test_the_scan_finds_bare_english() -> None:
    """The scan itself: it flags each way of writing a message out in English, and passes `say` and values."""
    flagged = """
raise EditError(f"The {what} is empty.")
raise NotFoundError("There is no such journey.")
return LibraryError("Cannot open " + name)
raise argparse.ArgumentTypeError("{0} is too large".format(value))
checked_revision(conn, name, damaged=f"{name} is damaged.")
super().__init__("the export was cancelled")
raise InterchangeError(problems, "cannot export it")
raise InterchangeError(["document: cannot be read"], source)
"""
    assert [line for line, _ in bare_english(flagged, printing=False)] == [2, 3, 4, 5, 6, 7, 8, 9]
    printed = """
out.write(f"deleted journey {journey.id}\\n")
print("cjmapper: warning: damaged", file=sys.stderr)
parser.error(f"{path} is a library")
commands.add_parser("metrics", help="a journey's figures")
imp.add_argument("--dry-run", description=f"write {nothing}")
"""
    assert [line for line, _ in bare_english(printed, printing=True)] == [2, 3, 4, 5, 6]
    passed = """
raise EditError(say("The {0} is empty.", word(what)))
raise LibraryError(str(error)) from None
raise EditError(refusal)
out.write(f"{journey_id}\\t{title}\\n")
print(say("cjmapper: warning: {0}", warning), file=sys.stderr)
super().__init__(f"{where}{shown}{more}")
"""
    assert bare_english(passed, printing=True) == []


def test_no_user_facing_message_of_the_core_is_bare_english() -> None:
    """Every error a user sees, in cjmapper/ (and every line the command line prints), goes through `say`."""
    found = []
    for path in sorted([*CORE.rglob("*.py"), *UI.rglob("*.py")]):
        source = path.read_text(encoding="utf-8")
        # the command line's modules, and a command's own module, print lines for the user
        command_line = (path.parent == CORE and path.name.startswith("cli")) or "add_parser(" in source
        for line, code in bare_english(source, printing=command_line, own_errors=path.is_relative_to(CORE)):
            found.append(f"{path.relative_to(CORE.parent)}:{line}: {code}")
    assert not found, "word these through cjmapper.messages.say (and translate them in core_nl.json):\n" + "\n".join(
        found
    )
