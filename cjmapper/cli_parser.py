"""The `cjmapper` command line's arguments: the parser, its help and its checks of single values, worded in the
language of the core's messages (cjmapper.messages; argparse's own words through cjmapper.cli_words)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from cjmapper import __version__, comments_command, diff_command, template_commands
from cjmapper.card_import import command as card_import_command
from cjmapper.errors import CjmapperError
from cjmapper.exports import format_names
from cjmapper.messages import say
from cjmapper.model import Language
from cjmapper.store.location import Location, parse_location
from cjmapper.survey import commands as survey_commands

DEFAULT_DPI = 150
MIN_DPI = 30
MAX_DPI = 1200
"""PNG resolutions (the same as ui.export.pictures', which the core cannot import)."""
TILE_SHEETS = ("A4", "A3")
MIN_SHEETS = 2
MAX_SHEETS = 100
"""The range of --sheets (cjmapper.poster.sizing's, which is imported by the first poster export, not here)."""
MAX_BLEED_MM = 20.0
"""The widest --bleed (cjmapper.poster.paper's, which would bring reportlab with the poster package)."""


class Parser(argparse.ArgumentParser):
    """Usage errors: the usage, then one `cjmapper: error: ...` line, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, say("{0}: error: {1}", self.prog, message) + "\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the language of the core's messages (call it inside `cli_words.argparse_words()`
    for argparse's own words too)."""
    from cjmapper.templates import TEMPLATE_NAMES

    languages = ",".join(lang.value for lang in Language)
    journey_help = say("the journey's id or exact title")
    parser = Parser(
        prog="cjmapper",
        description=say(
            "Customer journey maps: edit them on a canvas, keep them in a library file or a team library on "
            "PostgreSQL, print posters."
        ),
        usage=f"%(prog)s [-h] [--version] [--library PATH|URL] [--language {{{languages}}}] [COMMAND ... | PATH]",
        epilog=say(
            "With no command, cjmapper starts the editor. With a PATH it opens that library file (.cjm), or imports "
            "that journey file (.json) into the library (the default one, or --library's) and opens it."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"cjmapper {__version__}",
        help=say("show program's version number and exit"),
    )
    parser.add_argument(
        "--library",
        metavar="PATH|URL",
        type=_location,
        help=say(
            "library file to use, or a team library's postgresql://user@host:5432/database URL (any libpq "
            "parameter; the password comes from PGPASSWORD, ~/.pgpass or a prompt). Default: $CJMAPPER_LIBRARY, "
            "else library.cjm in your user data folder. A missing file, or an empty database, becomes an empty "
            "library"
        ),
    )
    parser.add_argument(
        "--language",
        dest="ui_language",
        choices=[lang.value for lang in Language],
        help=say(
            "the language of the editor and of these messages (default: the editor's as chosen in its Preferences, "
            "else your system's)"
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser, prog="cjmapper")

    commands.add_parser("list", help=say("list the journeys: id, title, phases, lanes, touchpoints (tab-separated)"))

    new = commands.add_parser("new", help=say("create a journey from a template; prints its id"))
    new.add_argument(
        "--template",
        required=True,
        metavar="NAME",
        type=_template,
        help=say(
            "a built-in template ({0}) or one of yours (`cjmapper templates` lists them; yours keep their own "
            "language unless --language is given)",
            ", ".join(TEMPLATE_NAMES),
        ),
    )
    new.add_argument(
        "--language",
        choices=[lang.value for lang in Language],
        help=say("default: a --language given before the command, else your system's"),
    )
    new.add_argument("--title", required=True)

    imp = commands.add_parser(
        "import",
        help=say(
            "import a journey file (JSON, a Mermaid journey .mmd/.md, cjmapper's own .xlsx workbook) or a sheet of "
            "cards (CSV or XLSX); prints the journey's id"
        ),
        description=say(
            "Import a journey file as a new journey (.json; a Mermaid journey .mmd, or the first Mermaid journey of a "
            ".md; cjmapper's own .xlsx workbook), or a sheet of cards (.csv or .xlsx): each row a card, its columns "
            "named in English or Dutch (phase/fase, lane/rij, title/titel, channel/kanaal, score, notes/notities, "
            "owner/eigenaar, votes/stemmen, status) or mapped with --map; phases and lanes the journey lacks are "
            "created. Prints the journey's id, then the rows read, the cards added and one line per problem row."
        ),
    )
    imp.set_defaults(command_parser=imp)
    imp.add_argument(
        "file", metavar="FILE", type=Path, help=say("a .json, .mmd or .md journey file, or a .csv or .xlsx sheet")
    )
    card_import_command.add_arguments(imp)

    exp = commands.add_parser(
        "export",
        help=say(
            "export a journey as JSON, CSV, an Excel workbook, a Mermaid journey, a PDF poster, a PNG or SVG picture, "
            "or a PowerPoint deck"
        ),
        description=say(
            "Export a journey. The format follows OUT's extension (.json, .csv, .xlsx, .mmd, .pdf, .png, .svg, .pptx) "
            "unless --format names it."
        ),
    )
    exp.set_defaults(command_parser=exp)
    exp.add_argument("journey", metavar="JOURNEY", help=journey_help)
    exp.add_argument("-o", "--output", metavar="OUT", required=True, help=say("output file, or - for standard output"))
    exp.add_argument("--format", choices=format_names(), help=say("default: from OUT's extension"))
    exp.add_argument(
        "--version",
        dest="saved_version",
        metavar="NAME",
        help=say("export the journey's saved version NAME (JSON, CSV or PDF; a poster names the version)"),
    )
    exp.add_argument(
        "--format-version",
        type=int,
        choices=(1, 2, 3, 4),
        metavar="N",
        help=say(
            "the journey-file version to write (JSON only; default 4, the newest): 1, 2 or 3 for older tools, with "
            "a warning naming what they cannot hold"
        ),
    )
    poster = exp.add_argument_group(say("PDF posters"))
    poster.add_argument(
        "--paper",
        metavar="A0..A4|WxHmm",
        help=say("A0, A1, A2, A3 or A4, or WIDTHxHEIGHT in mm such as 600x900mm (default: A3)"),
    )
    poster.add_argument("--portrait", action="store_true", help=say("upright paper (default: landscape)"))
    poster.add_argument(
        "--heat",
        action="store_true",
        help=say("the heat view (posters and pictures): cells and cards by survey targets, its key in the legend"),
    )
    poster.add_argument(
        "--comments",
        dest="poster_comments",
        choices=("none", "open"),
        default="none",
        help=say("open: print the open comments as numbered notes (a number on the card, a notes page); default none"),
    )
    poster.add_argument(
        "--tile",
        metavar="A4|A3",
        type=str.upper,
        choices=TILE_SHEETS,
        help=say("print the poster on A4 or A3 sheets to tape together (with an assembly sheet first)"),
    )
    poster.add_argument(
        "--sheets",
        metavar="N",
        type=_sheets,
        help=say("with --tile: size the poster to fill N sheets (the largest text they allow), instead of --paper"),
    )
    poster.add_argument(
        "--bleed",
        metavar="MM",
        type=_bleed,
        help=say(
            "a bleed of MM millimetres around the page for a print shop (3 is usual; default 0): the background "
            "carried past the trim, TrimBox and BleedBox set, crop marks outside"
        ),
    )
    poster.add_argument(
        "--print-shop",
        action="store_true",
        help=say(
            "ready for a print shop's preflight (like PDF/X-4): a 3 mm bleed unless --bleed says otherwise, crop "
            "marks, page boxes, the sRGB output intent, fonts embedded, no transparency"
        ),
    )
    exp.add_argument(
        "--matrix",
        action="store_true",
        help=say(
            "export the impact/effort matrix (Journey > Prioritise) instead of the map: a PDF page or a PNG picture"
        ),
    )
    poster.add_argument(
        "--wall-photo",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=say("print the journey's wall photo on a page at the back, when it has one (default: yes)"),
    )
    picture = exp.add_argument_group(say("PNG and SVG pictures"))
    picture.add_argument(
        "--dpi",
        metavar="N",
        type=_dpi,
        help=say("resolution, {0} to {1} (default: {2}; PNG)", MIN_DPI, MAX_DPI, DEFAULT_DPI),
    )
    picture.add_argument(
        "--map-only", action="store_true", help=say("the map alone, without the poster's title block and legend")
    )

    versions = commands.add_parser(
        "versions",
        help=say("list a journey's saved versions: id, name, saved (UTC), touchpoints (tab-separated)"),
    )
    versions.add_argument("journey", metavar="JOURNEY", help=journey_help)
    versions.add_argument("--save", metavar="NAME", help=say("first save the journey as it is now under NAME"))

    diff_command.add_parser(commands)
    template_commands.add_parsers(commands)
    comments_command.add_parser(commands, journey_help)

    every = commands.add_parser(
        "export-all",
        help=say("export every readable journey as JSON into a folder (to rescue a damaged library)"),
        description=say(
            "Write each journey the library can still read to FOLDER/<id> <title>.json (the title cut to fit the "
            "file system's limit); journeys that cannot be read or written are named on standard error (exit 1) and "
            "the others are written all the same."
        ),
    )
    every.add_argument("-o", "--output", metavar="FOLDER", required=True, type=Path, help=say("folder (created)"))

    rm = commands.add_parser("delete", help=say("delete a journey (one that cannot be read too, named by its id)"))
    rm.add_argument("journey", metavar="JOURNEY", help=journey_help)

    cp = commands.add_parser(
        "copy",
        aliases=["publish"],
        help=say(
            "copy a journey with its saved versions into another library (publish to a team library, or take a "
            "copy back); prints its id there"
        ),
        description=say(
            "Copy JOURNEY from --library into the library TARGET (a file or a postgresql:// URL) as a new journey: "
            "same title and content, with its saved versions. The source is only read."
        ),
    )
    cp.add_argument("journey", metavar="JOURNEY", help=journey_help)
    cp.add_argument("--to", dest="target", metavar="PATH|URL", type=_location, required=True, help=say("the library"))
    cp.add_argument("--no-versions", action="store_true", help=say("copy the journey only, not its saved versions"))

    survey_commands.add_commands(commands)

    desk = commands.add_parser(
        "install-desktop",
        help=say("put cjmapper in your desktop's menu and let it open .cjm files (for you only, no root needed)"),
        description=say(
            "Install for the current user into $XDG_DATA_HOME (default ~/.local/share): the menu entry, its "
            "AppStream metainfo, the icon, and the MIME type application/x-cjmapper-library (*.cjm files, and "
            "library files by their content) with cjmapper as its default application. The menu entry starts this "
            "cjmapper."
        ),
    )
    desk.add_argument("--uninstall", action="store_true", help=say("remove exactly what was installed, nothing else"))
    desk.add_argument(
        "--exec",
        dest="program",
        metavar="PROGRAM",
        type=Path,
        help=say("the program the menu entry starts (default: this cjmapper)"),
    )
    return parser


def _location(text: str) -> Location:
    try:
        return parse_location(text)
    except CjmapperError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _template(text: str) -> str:
    """A template's name, built-in or the user's (a usage error otherwise, as argparse's for a wrong choice)."""
    from cjmapper.template_catalogue import has_template, template_names

    try:
        known = has_template(text)
        names = template_names() if not known else []
    except CjmapperError as e:  # the templates folder cannot be read
        raise argparse.ArgumentTypeError(str(e)) from None
    if not known:
        choices = ", ".join(repr(name) for name in names)
        raise argparse.ArgumentTypeError(
            say("invalid choice: %(value)r (choose from %(choices)s)") % {"value": text, "choices": choices}
        )
    return text


def _whole(text: str, low: int, high: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("{0} is not a whole number", repr(text))) from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(say("{0} is out of range: choose {1} to {2}", value, low, high))
    return value


def _bleed(text: str) -> float:
    """Millimetres, with a decimal point or comma and an optional "mm": 3, 2.5, 2,5, 3mm."""
    cleaned = text.strip().lower().removesuffix("mm").strip().replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise argparse.ArgumentTypeError(say("{0} is not a number of millimetres", repr(text))) from None
    if not 0 <= value <= MAX_BLEED_MM:
        raise argparse.ArgumentTypeError(say("{0} is out of range: choose {1} to {2}", text, 0, f"{MAX_BLEED_MM:g}"))
    return value


def _dpi(text: str) -> int:
    return _whole(text, MIN_DPI, MAX_DPI)


def _sheets(text: str) -> int:
    return _whole(text, MIN_SHEETS, MAX_SHEETS)
