"""The `cjmapper` command line. With no command it starts the editor (through the launcher the UI passes in,
so the core never imports Qt). User errors exit 1 with one `cjmapper: error: ...` line; usage errors exit 2."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from cjmapper import __version__
from cjmapper.errors import CjmapperError
from cjmapper.model import Language
from cjmapper.paths import library_from_environment
from cjmapper.store import Library

EditorLauncher = Callable[[Path | None], int]
"""Starts the editor on a library path (None: the default library); returns the exit code."""

EXPORT_FORMATS = ("json", "csv")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from cjmapper.templates import TEMPLATE_NAMES

    parser = _Parser(
        prog="cjmapper",
        description="Customer journey maps: edit them on a canvas, keep them in a library file, print posters.",
        epilog="With no command, cjmapper starts the editor.",
    )
    parser.add_argument("--version", action="version", version=f"cjmapper {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        type=Path,
        help="library file to use (default: $CJMAPPER_LIBRARY, else library.cjm in your user data folder); "
        "created empty when it does not exist",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    commands.add_parser("list", help="list the journeys: id, title, phases, lanes, touchpoints (tab-separated)")

    new = commands.add_parser("new", help="create a journey from a template; prints its id")
    new.add_argument("--template", required=True, choices=TEMPLATE_NAMES)
    new.add_argument("--language", choices=[lang.value for lang in Language], help="default: your system's")
    new.add_argument("--title", required=True)

    imp = commands.add_parser("import", help="import a journey JSON file; prints the new journey's id")
    imp.add_argument("file", metavar="FILE.json", type=Path)

    exp = commands.add_parser("export", help="export a journey as JSON or CSV")
    exp.add_argument("journey", metavar="JOURNEY", help="the journey's id or exact title")
    exp.add_argument("-o", "--output", metavar="OUT", required=True, help="output file, or - for standard output")
    exp.add_argument("--format", choices=EXPORT_FORMATS, help="default: from OUT's extension")

    rm = commands.add_parser("delete", help="delete a journey")
    rm.add_argument("journey", metavar="JOURNEY", help="the journey's id or exact title")
    return parser


def main(argv: Sequence[str] | None = None, start_editor: EditorLauncher | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    library_path: Path | None = args.library or library_from_environment()
    try:
        if args.command is None:
            if start_editor is None:
                raise CjmapperError("the editor is not available here; run the `cjmapper` program to start it")
            return start_editor(library_path)
        with _open(library_path) as library:
            return _COMMANDS[args.command](library, args, sys.stdout)
    except CjmapperError as e:
        return _fail(str(e))
    except KeyboardInterrupt:
        return 130
    except Exception as e:
        if os.environ.get("CJMAPPER_DEBUG"):
            raise
        return _fail(f"unexpected problem ({type(e).__name__}: {e}); set CJMAPPER_DEBUG=1 for details")


def _fail(message: str) -> int:
    print(f"cjmapper: error: {message}", file=sys.stderr)
    return 1


def _open(path: Path | None) -> Library:
    return Library.open(path) if path is not None else Library.open_default()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _list(library: Library, _args: argparse.Namespace, out: TextIO) -> int:
    for j in library.list_journeys():
        out.write(f"{j.id}\t{_one_line(j.title)}\t{j.phases}\t{j.lanes}\t{j.touchpoints}\n")
    return 0


def _new(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    from cjmapper.i18n import system_language
    from cjmapper.templates import load_template

    journey = load_template(args.template, args.language or system_language())
    journey.title = args.title
    out.write(f"{library.create_journey(journey)}\n")
    return 0


def _import(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    from cjmapper.interchange import read_journey_file

    journey = read_journey_file(args.file)
    out.write(f"{library.create_journey(journey)}\n")
    return 0


def _export(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    from cjmapper.interchange import write_csv, write_csv_file, write_journey, write_journey_file

    fmt = args.format or _format_from_extension(args.output)
    journey = library.load_journey(library.find_journey(args.journey))
    if args.output == "-":
        out.write(write_journey(journey) if fmt == "json" else write_csv(journey))
        return 0
    target = Path(args.output).expanduser()
    if not target.parent.is_dir():
        raise CjmapperError(f"cannot write {target}: the folder {target.parent} does not exist")
    if fmt == "json":
        write_journey_file(journey, target)
    else:
        write_csv_file(journey, target)
    return 0


def _format_from_extension(output: str) -> str:
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix in EXPORT_FORMATS:
        return suffix
    raise CjmapperError(f"cannot tell the format of {output!r} from its extension; add --format json or --format csv")


def _delete(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    journey = library.delete_journey(library.find_journey(args.journey))
    out.write(f"deleted journey {journey.id}: {_one_line(journey.title)}\n")
    return 0


_COMMANDS: dict[str, Callable[[Library, argparse.Namespace, TextIO], int]] = {
    "list": _list,
    "new": _new,
    "import": _import,
    "export": _export,
    "delete": _delete,
}
