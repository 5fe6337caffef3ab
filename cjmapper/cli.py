"""The `cjmapper` command line. With no command it starts the editor (through the launcher the UI passes in,
so the core never imports Qt); PNG and SVG pictures are drawn by the canvas, through an exporter the UI passes in
the same way. User errors exit 1 with one `cjmapper: error: ...` line; usage errors exit 2. The core's messages and
this program's own are in the language of `--language`, else the system's (`cjmapper.messages`)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, TextIO

from cjmapper import comments_command, diff_command, matrix_command, template_commands
from cjmapper.card_import import command as card_import_command
from cjmapper.cli_parser import DEFAULT_DPI, MAX_DPI, MIN_DPI, build_parser
from cjmapper.cli_words import argparse_words, peek_language
from cjmapper.errors import CjmapperError, DamagedJourneyError, PasswordNeededError
from cjmapper.exports import ExportFormat, Extra, find_format, format_names, format_of
from cjmapper.i18n import system_language
from cjmapper.messages import number, say, use_language
from cjmapper.model import Journey, Language
from cjmapper.paths import library_from_environment
from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation
from cjmapper.store.transfer import with_image_data
from cjmapper.survey import commands as survey_commands

__all__ = ["DEFAULT_DPI", "MAX_DPI", "MIN_DPI", "EditorLauncher", "PictureExporter", "main"]

EditorLauncher = Callable[[Location | None, Language | None, Path | None], int]
"""Starts the editor on a library (a file path or a team library; None: the default library) in a language (None:
the one chosen in Preferences, else the system's), importing a journey file into it first when one is given (an
undoable step in the window); returns the exit code."""

PictureExporter = Callable[[Library, int, Path, str, int, bool, bool], None]
"""Draws a journey (library, journey id) as a picture file: (path, "png" | "svg", dpi, with the title block and
legend, with the heat view). Raises CjmapperError."""


def main(
    argv: Sequence[str] | None = None,
    start_editor: EditorLauncher | None = None,
    export_picture: PictureExporter | None = None,
) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # the core's messages, this program's and argparse's, in one language, known before argparse parses
    previous = use_language(peek_language(argv, _OPTIONS_WITH_VALUES) or system_language())
    try:
        with argparse_words():
            parser = build_parser()
            given, argv = _file_argument(argv)
            args = parser.parse_args(argv)
            if args.ui_language:
                use_language(args.ui_language)
            return _run(parser, args, given, start_editor, export_picture)
    finally:
        use_language(previous)


def _run(
    parser: argparse.ArgumentParser,
    args: argparse.Namespace,
    given: str | None,
    start_editor: EditorLauncher | None,
    export_picture: PictureExporter | None,
) -> int:
    if given is not None and args.command is not None:
        parser.error(say("a file ({0}) and a command go apart; name the library with --library PATH instead", given))
    try:
        library_path: Location | None = args.library or library_from_environment()
        journey_file: Path | None = None
        if given is not None:
            library_path, journey_file = _from_file(Path(given).expanduser(), args.library, library_path, parser)
        if args.command is None:
            if start_editor is None:
                raise CjmapperError(say("the editor is not available here; run the `cjmapper` program to start it"))
            language = Language(args.ui_language) if args.ui_language else None
            return start_editor(library_path, language, journey_file)
        if args.command == "install-desktop":
            return _install_desktop(args, sys.stdout)
        if args.command == template_commands.LIST_COMMAND:  # needs no library
            return template_commands.list_templates(args, sys.stdout)
        if args.command == "export":
            _check_export(args, export_picture)
        with _open(library_path) as library:
            if library.damage:
                print(say("cjmapper: warning: {0}", _damaged(library)), file=sys.stderr)
            if args.command == "export":
                return _export(library, args, sys.stdout, export_picture)
            return _COMMANDS[args.command](library, args, sys.stdout)
    except CjmapperError as e:
        return _fail(str(e))
    except KeyboardInterrupt:
        return 130
    except Exception as e:
        if os.environ.get("CJMAPPER_DEBUG"):
            raise
        return _fail(say("unexpected problem ({0}: {1}); set CJMAPPER_DEBUG=1 for details", type(e).__name__, e))


_OPTIONS_WITH_VALUES = ("--library", "--language")


def _file_argument(argv: list[str]) -> tuple[str | None, list[str]]:
    """The PATH of `cjmapper [options] PATH` (what a file manager runs for a double-clicked file) and the arguments
    without it; (None, argv) when the first word after the options is a command (commands win: name a file called
    like one ./list)."""
    commands = {*_COMMANDS, "export", "install-desktop", template_commands.LIST_COMMAND}
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--":
            index += 1
            break
        if word in _OPTIONS_WITH_VALUES:
            index += 2
            continue
        if word.startswith("-") and word != "-":
            index += 1
            continue
        break
    if index >= len(argv) or argv[index] in commands:
        return None, argv
    return argv[index], argv[:index] + [w for w in argv[index + 1 :] if w != "--"]


def _from_file(
    path: Path, option: Location | None, library: Location | None, parser: argparse.ArgumentParser
) -> tuple[Location | None, Path | None]:
    """The library the editor opens and the journey file it imports for `cjmapper PATH`: a library file is opened
    (`--library` may not name another); a journey file goes into `library` (--library's, $CJMAPPER_LIBRARY's, else
    the default one), without asking which. Raises CjmapperError, one line, for a file that is neither."""
    from cjmapper.file_kinds import LibraryFile, identify

    if not path.exists() and not path.suffix and len(path.parts) == 1:
        raise CjmapperError(say("{0} is neither a command nor a file; see 'cjmapper --help'", repr(str(path))))
    found = identify(path)
    if isinstance(found, LibraryFile):
        if option is not None:
            parser.error(say("{0} is a library; give it either as PATH or with --library, not both", path))
        return found.path, None
    return library, found.path


def _install_desktop(args: argparse.Namespace, out: TextIO) -> int:
    from cjmapper import desktop

    if args.uninstall:
        removed = desktop.uninstall()
        for path in removed:
            out.write(say("removed {0}", path) + "\n")
        if not removed:
            out.write(say("cjmapper's desktop files are not installed for this user; nothing to remove") + "\n")
        return 0
    program: Path | None = args.program or desktop.this_program()
    if program is None:
        raise CjmapperError(say("cannot tell which cjmapper program the menu entry should start; name it with --exec"))
    program = program.expanduser().absolute()
    if not (program.is_file() and os.access(program, os.X_OK)):
        raise CjmapperError(say("{0} is not a program that can be run; name cjmapper's with --exec", program))
    for path in desktop.install(program):
        out.write(say("installed {0}", path) + "\n")
    out.write(say("cjmapper is in your desktop's menu and opens .cjm files; it starts {0}", program) + "\n")
    return 0


def _fail(message: str) -> int:
    print(say("cjmapper: error: {0}", message), file=sys.stderr)
    return 1


def _open(location: Location | None) -> Library:
    """The library at `location` (None: the default one). A team library that asks for a password that PGPASSWORD
    and ~/.pgpass do not give is asked for it on the terminal (when there is one); it is never stored."""
    if location is None:
        return Library.open_default()
    try:
        return Library.open(location)
    except PasswordNeededError:
        if not isinstance(location, ServerLocation) or not sys.stdin.isatty():
            raise
    import getpass

    user = location.url.username or getpass.getuser()
    password = getpass.getpass(say("Password for {0} on {1}: ", user, location.host))
    return Library.open(location.with_password(password))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _list(library: Library, _args: argparse.Namespace, out: TextIO) -> int:
    for j in library.list_journeys():
        out.write(f"{j.id}\t{_one_line(j.title)}\t{j.phases}\t{j.lanes}\t{j.touchpoints}\n")
        if j.problem:
            damaged = say("journey {0} is damaged and cannot be opened: {1}", j.id, j.problem)
            print(say("cjmapper: warning: {0}", damaged), file=sys.stderr)
    return 0


def _new(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    from cjmapper.template_catalogue import load_named_template
    from cjmapper.templates import TEMPLATE_NAMES

    built_in = args.template in TEMPLATE_NAMES  # a user template keeps its own language unless one is asked for
    language = args.language or (args.ui_language or system_language() if built_in else None)
    journey = load_named_template(args.template, language)
    journey.title = args.title
    out.write(f"{library.create_journey(journey)}\n")
    return 0


def _import(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """`import FILE`: by the file's kind, a sheet of cards or a journey file. cjmapper's own workbook (its XLSX
    export) comes back as the whole journey it holds, unless a sheet's option (--into, --map, --dry-run, --template)
    asks for its cards."""
    if card_import_command.reads(args.file):
        if not card_import_command.sheet_options(args):
            journey = _own_workbook(args.file)
            if journey is not None:
                out.write(f"{library.create_journey(journey)}\n")
                return 0
        return card_import_command.run(library, args, out)
    card_import_command.refuse_options(args)
    return _import_journey_file(library, args, out)


def _own_workbook(path: Path) -> Journey | None:
    """The journey in cjmapper's own workbook at `path`; None for another sheet (or another kind of file)."""
    if path.suffix.lower() != ".xlsx":
        return None
    from cjmapper.interchange.workbook_reader import read_workbook_file  # a sheet of cards is no journey

    return read_workbook_file(path.expanduser())


def _import_journey_file(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    from cjmapper.interchange.import_files import read_import_file

    journey = read_import_file(args.file)
    out.write(f"{library.create_journey(journey)}\n")
    return 0


def _check_export(args: argparse.Namespace, export_picture: PictureExporter | None) -> None:
    """Settle the format and refuse options that do not go with it (usage errors exit 2), before any library is
    opened. Sets args.format, and args.paper to a Paper."""
    command: argparse.ArgumentParser = args.command_parser
    export_format = find_format(args.format) if args.format else _format_from_extension(args.output)
    assert export_format is not None  # argparse took only the table's names
    fmt = export_format.name
    args.format = fmt
    misplaced = [
        (flag, wanted)
        for flag, given, wanted in (
            ("--paper", args.paper is not None, "pdf"),
            ("--portrait", args.portrait, "pdf"),
            ("--tile", args.tile is not None, "pdf"),
            ("--sheets", args.sheets is not None, "pdf"),
            ("--dpi", args.dpi is not None, "png"),
        )
        if given and fmt != wanted
    ]
    if args.matrix:
        matrix_command.check(args, command)
    if args.saved_version is not None and export_format.kind == "picture" and not args.matrix:
        command.error(say("--version goes with JSON, CSV and PDF files, not with {0} pictures", fmt.upper()))
    if args.saved_version is not None and export_format.kind == "deck":
        command.error(say("--version goes with JSON, CSV and PDF files, not with {0} files", fmt.upper()))
    if args.heat and export_format.kind not in ("poster", "picture"):
        command.error(
            say("--heat only goes with PDF posters and PNG and SVG pictures, not with {0} files", fmt.upper())
        )
    if args.poster_comments != "none" and export_format.kind != "poster":
        command.error(say("--comments only goes with PDF posters, not with {0} files", fmt.upper()))
    if args.map_only and export_format.kind != "picture":
        command.error(say("--map-only only goes with PNG and SVG pictures, not with {0} files", fmt.upper()))
    if args.format_version is not None and fmt != "json":
        command.error(say("--format-version only goes with JSON files, not with {0} files", fmt.upper()))
    if misplaced:
        wanted = misplaced[0][1]
        flags = [flag for flag, other in misplaced if other == wanted]
        named = say(" and ").join(flags)
        if wanted == "pdf":
            goes = say("{0} only goes with PDF posters, not with {1} files", named, fmt.upper())
            go = say("{0} only go with PDF posters, not with {1} files", named, fmt.upper())
        else:
            goes = say("{0} only goes with PNG pictures, not with {1} files", named, fmt.upper())
            go = say("{0} only go with PNG pictures, not with {1} files", named, fmt.upper())
        command.error(goes if len(flags) == 1 else go)
    if args.sheets is not None and args.tile is None:
        command.error(say("--sheets needs --tile: the sheets are A4 or A3 (--tile A4 --sheets 6)"))
    if args.sheets is not None and args.paper is not None:
        command.error(say("--sheets sizes the poster to the sheets: leave out --paper"))
    if fmt == "pdf" and args.paper is not None:
        from cjmapper.poster import parse_paper

        try:
            args.paper = parse_paper(args.paper)
        except CjmapperError as error:
            command.error(say("argument --paper: {0}", error))
        if args.portrait and args.paper.custom and args.paper.width_mm > args.paper.height_mm:
            upright = f"{args.paper.height_mm:g}x{args.paper.width_mm:g}mm"
            command.error(
                say(
                    "--paper {0} is a landscape size (width first): for an upright page use --paper {1}",
                    args.paper.argument,
                    upright,
                )
            )
    if export_format.kind == "deck" and export_picture is None and not args.matrix:
        raise CjmapperError(
            say(
                "a {0} deck's overview picture is drawn by the editor's canvas, which this command line leaves out; "
                "run the `cjmapper` program to export it",
                fmt.upper(),
            )
        )
    if export_format.needs_qt and export_picture is None and not args.matrix:
        raise CjmapperError(
            say(
                "{0} pictures are drawn by the editor's canvas, which this command line leaves out; run the "
                "`cjmapper` program to export them",
                fmt.upper(),
            )
        )


def _export(
    library: Library, args: argparse.Namespace, out: TextIO, export_picture: PictureExporter | None = None
) -> int:
    export_format = find_format(args.format)
    assert export_format is not None  # _check_export settled it
    fmt = export_format.name
    journey_id = library.find_journey(args.journey)
    target = None if args.output == "-" else Path(args.output).expanduser()
    if target is not None and not target.parent.is_dir():
        raise CjmapperError(say("cannot write {0}: the folder {1} does not exist", target, target.parent))
    if target is not None:
        library.refuse_own_file(target)
    if target is None and export_format.binary and out.isatty():
        raise CjmapperError(
            say("will not write a {0} file to a terminal; redirect the output or name a file", fmt.upper())
        )
    if export_format.kind == "picture" and not args.matrix:
        assert export_picture is not None  # _check_export refused pictures without an exporter
        dpi: int = args.dpi or DEFAULT_DPI
        chrome = not args.map_only
        if target is not None:
            export_picture(library, journey_id, target, fmt, dpi, chrome, args.heat)
        else:
            with tempfile.TemporaryDirectory(prefix="cjmapper-") as folder:
                picture = Path(folder) / f"journey.{fmt}"
                export_picture(library, journey_id, picture, fmt, dpi, chrome, args.heat)
                _binary(out).write(picture.read_bytes())
        return 0
    if export_format.kind == "deck":
        assert export_picture is not None  # _check_export refused decks without an exporter
        return _deck(library, journey_id, export_picture, target if target is not None else _binary(out))
    if args.saved_version is not None:
        version_id = library.find_version(journey_id, args.saved_version)
        journey = library.load_version(version_id)
        args.version_name = library.version_info(version_id).name
    else:
        journey = library.load_journey(journey_id)
    if args.matrix:
        return matrix_command.export(journey, fmt, target if target is not None else _binary(out), args.dpi)
    if export_format.kind == "poster":
        args.heat_marks = survey_commands.poster_heat(library, journey) if args.heat else None
        journey = with_image_data(library, journey, wall=args.wall_photo)
        return _poster(journey, args, target if target is not None else _binary(out))
    if args.format_version is not None:
        return _older_journey_file(journey, args.format_version, target, out)
    if fmt == "json":
        journey = with_image_data(library, journey)
    extra = None if args.saved_version is not None else survey_commands.csv_columns(library, journey)
    return _write_journey(export_format, journey, target, out, extra)


def _older_journey_file(journey: Journey, version: int, target: Path | None, out: TextIO) -> int:
    """`--format-version`: the journey file of that version, with a warning naming what it leaves out."""
    from cjmapper.interchange.journey_writer import lost_in, write_journey, write_journey_file

    lost = lost_in(journey, version)
    if lost:
        print(
            say("cjmapper: warning: a version {0} journey file cannot hold {1}; left out", version, "; ".join(lost)),
            file=sys.stderr,
        )
    if target is None:
        out.write(write_journey(journey, version))
    else:
        write_journey_file(journey, target, version)
    return 0


def _write_journey(
    export_format: ExportFormat, journey: Journey, target: Path | None, out: TextIO, extra: Extra = None
) -> int:
    """A "journey" format (JSON, CSV, ...): by its own writer, to `target` or as text to `out`."""
    write_file, write_text = export_format.write_file, export_format.write_text
    assert write_file is not None  # every "journey" format has a file writer, and a text or bytes writer
    lost = export_format.losses(journey) if export_format.losses is not None else None
    if lost:
        print(say("cjmapper: warning: {0}", lost), file=sys.stderr)
    if target is not None:
        write_file(journey, target, extra)
    elif export_format.write_bytes is not None:
        _binary(out).write(export_format.write_bytes(journey, extra))
    else:
        assert write_text is not None
        out.write(write_text(journey, extra))
    return 0


def _poster(journey: Journey, args: argparse.Namespace, target: Path | BinaryIO) -> int:
    from cjmapper.poster import TILE_PAPERS, PosterOptions, render_poster
    from cjmapper.poster.print_ready import press_for

    options = PosterOptions(
        press=press_for(getattr(args, "bleed", None), getattr(args, "print_shop", False)),
        portrait=args.portrait,
        tile=TILE_PAPERS[args.tile] if args.tile else None,
        sheets=args.sheets,
        version=getattr(args, "version_name", None),
        heat=getattr(args, "heat_marks", None),
        comments=args.poster_comments == "open",
        wall_photo=args.wall_photo,
    )
    if args.paper is not None:
        options = replace(options, paper=args.paper)
    plan = render_poster(journey, target, options)
    if plan.warning:
        warning = plan.warning
        if plan.advice is not None:
            from cjmapper.poster.sizing import advice_options

            warning = say("{0} Use {1}", warning, advice_options(plan.advice))
        print(say("cjmapper: warning: {0}", _one_line(warning)), file=sys.stderr)
    return 0


def _deck(library: Library, journey_id: int, export_picture: PictureExporter, target: Path | BinaryIO) -> int:
    """A PowerPoint deck: the map's PNG picture (without title block and legend: its slide has its title) drawn by
    the editor's canvas for the overview slide, then the deck (`cjmapper.pptx_export`)."""
    from cjmapper.layout import Metrics, compute_layout
    from cjmapper.pptx_export import overview_dpi, write_deck

    journey = library.load_journey(journey_id)
    width = compute_layout(journey, Metrics(), aspect=2**0.5).width  # the pictures' shape, a landscape A-size page
    with tempfile.TemporaryDirectory(prefix="cjmapper-") as folder:
        picture = Path(folder) / "overview.png"
        export_picture(library, journey_id, picture, "png", overview_dpi(width), False, False)
        write_deck(journey, target, picture.read_bytes())
    return 0


def _binary(out: TextIO) -> BinaryIO:
    """The byte stream under a text output (standard output), flushed first."""
    out.flush()
    stream: BinaryIO | None = getattr(out, "buffer", None)
    if stream is None:
        raise CjmapperError(say("this output takes only text; name a file with -o"))
    return stream


def _format_from_extension(output: str) -> ExportFormat:
    export_format = format_of(output)
    if export_format is not None:
        return export_format
    names = format_names()
    choices = say("{0} or {1}", ", ".join(names[:-1]), names[-1])
    raise CjmapperError(
        say("cannot tell the format of {0} from its extension; add --format {1}", repr(output), choices)
    )


def _copy(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    from cjmapper.store.transfer import copy_journey

    journey_id = library.find_journey(args.journey)
    with _open(args.target) as target:
        if target.location == library.location:
            raise CjmapperError(
                say("that is the same library; give another one with --to (use duplicate in the editor)")
            )
        new_id = copy_journey(library, journey_id, target, with_versions=not args.no_versions)
        title = _one_line(target.load_journey(new_id).title)
        out.write(f"{new_id}\n")
        print(say("cjmapper: copied {0} to {1} as journey {2}", repr(title), target.name, new_id), file=sys.stderr)
    return 0


def _delete(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Delete a journey; one that cannot be read (a forged or damaged row) is deleted all the same, and said so."""
    journey_id = library.find_journey(args.journey)
    try:
        journey = library.delete_journey(journey_id)
    except DamagedJourneyError as e:
        library.delete_damaged_journey(journey_id)
        out.write(say("deleted damaged journey {0} (it could not be read: {1})", journey_id, _one_line(e.problem)))
        out.write("\n")
        return 0
    out.write(say("deleted journey {0}: {1}", journey.id, _one_line(journey.title)) + "\n")
    return 0


def _versions(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    journey_id = library.find_journey(args.journey)
    if args.save is not None:
        library.save_version(journey_id, args.save)
    for v in library.list_versions(journey_id):
        saved = v.created_at.strftime("%Y-%m-%d %H:%M:%S")
        out.write(f"{v.id}\t{_one_line(v.name)}\t{saved}\t{v.touchpoints}\n")
    return 0


def _damaged(library: Library) -> str:
    return say(
        "{0} is damaged ({1}); it is open read-only. Save what can still be read with `cjmapper export-all -o FOLDER`.",
        library.name,
        _one_line(library.damage[0]),
    )


def _export_all(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    from cjmapper.recovery import export_all

    report = export_all(library, Path(args.output).expanduser())
    for done in report.written:
        out.write(f"{done.path}\n")
    for lost in report.unreadable:
        name = _journey_name(lost.journey_id, lost.title)
        unread = say("journey {0} could not be read: {1}", name, _one_line(lost.reason))
        print(say("cjmapper: warning: {0}", unread), file=sys.stderr)
    for failed in report.unwritten:
        name = _journey_name(failed.journey_id, failed.title)
        unwritten = say("journey {0} could not be written to {1}: {2}", name, failed.path, _one_line(failed.reason))
        print(say("cjmapper: warning: {0}", unwritten), file=sys.stderr)
    lost_count = len(report.unreadable) + len(report.unwritten)
    if lost_count:
        total = len(report.written) + lost_count
        counts = (number(lost_count), number(total), args.output)
        if report.unreadable and report.unwritten:
            return _fail(say("{0} of {1} journeys could not be read or written; the others are in {2}", *counts))
        if report.unreadable:
            return _fail(say("{0} of {1} journeys could not be read; the others are in {2}", *counts))
        return _fail(say("{0} of {1} journeys could not be written; the others are in {2}", *counts))
    return 0


def _journey_name(journey_id: int, title: str) -> str:
    return f"{journey_id} “{_one_line(title)}”" if title else str(journey_id)


_COMMANDS: dict[str, Callable[[Library, argparse.Namespace, TextIO], int]] = {
    "list": _list,
    "copy": _copy,
    "publish": _copy,
    "new": _new,
    "import": _import,
    "delete": _delete,
    "export-all": _export_all,
    "versions": _versions,
    "diff": diff_command.run,
    template_commands.SAVE_COMMAND: template_commands.save_template,
    "comments": comments_command.run,
    **survey_commands.COMMANDS,
}
