"""`cjmapper templates` and `cjmapper save-template`: the templates a new journey can start from, and a journey
saved as a template of the user's own (cjmapper.user_templates, listed with the built-in ones by
cjmapper.template_catalogue).

`templates` prints one line per template, tab-separated: name, kind (`built-in` or `user`), phases, lanes, cards; a
file in the templates folder that cannot be used is named on standard error with its reason (exit 0 all the same).
`--import FILE`, `--rename NAME NEW` and `--delete NAME` change the user's templates first. It needs no library.
`save-template JOURNEY NAME [--with-cards] [--description TEXT]` prints the new template's file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from cjmapper.errors import CjmapperError
from cjmapper.messages import say
from cjmapper.model import Language
from cjmapper.store import Library

LIST_COMMAND = "templates"
SAVE_COMMAND = "save-template"


def add_parsers(commands: argparse._SubParsersAction[Any]) -> None:
    """The two commands on the command line's parser; their help in the language of the core's messages."""
    listing = commands.add_parser(
        LIST_COMMAND,
        help=say("list the templates a new journey can start from: name, kind, phases, lanes, cards (tab-separated)"),
        description=say(
            "List the built-in templates and your own (journey files in the templates folder: $CJMAPPER_TEMPLATES, "
            "else 'templates' in your user data folder). A file there that cannot be used is named on standard "
            "error with the reason. --import, --rename and --delete change your templates first."
        ),
    )
    listing.add_argument(
        "--language",
        dest="template_language",
        choices=[lang.value for lang in Language],
        help=say("the language of the built-in templates' titles (with --titles)"),
    )
    listing.add_argument(
        "--titles",
        action="store_true",
        help=say("add two columns: the title a template picker shows, and the description"),
    )
    listing.add_argument(
        "--import",
        dest="import_file",
        metavar="FILE.json",
        type=Path,
        help=say("copy a journey file into your templates (named by its title, numbered when that name is taken)"),
    )
    listing.add_argument("--rename", nargs=2, metavar=("NAME", "NEW"), help=say("rename your template NAME to NEW"))
    listing.add_argument("--delete", metavar="NAME", help=say("delete your template NAME"))

    save = commands.add_parser(
        SAVE_COMMAND,
        help=say("save a journey's structure as a template of your own; prints its file"),
        description=say(
            "Save JOURNEY's language, framework, personas, phases and lanes (with --with-cards its cards too, as they "
            "are) as your template NAME, a journey file in the templates folder. `cjmapper new --template NAME` "
            "starts a journey from it."
        ),
    )
    save.add_argument("journey", metavar="JOURNEY", help=say("the journey's id or exact title"))
    save.add_argument("name", metavar="NAME", help=say("the template's name"))
    save.add_argument("--with-cards", action="store_true", help=say("keep the journey's cards in the template"))
    save.add_argument("--description", help=say("the template's description (default: the journey's)"))


def list_templates(args: argparse.Namespace, out: TextIO) -> int:
    """`cjmapper templates`."""
    from cjmapper import user_templates
    from cjmapper.i18n import system_language
    from cjmapper.template_catalogue import built_in_templates
    from cjmapper.template_catalogue import list_templates as templates

    if args.import_file is not None:
        done = user_templates.import_template(args.import_file.expanduser())
        print(say("cjmapper: imported {0} as the template {1}", args.import_file, repr(done.name)), file=sys.stderr)
    if args.rename is not None:
        old, new = args.rename
        done = user_templates.rename_template(old, new)
        print(say("cjmapper: renamed the template {0} to {1}", repr(old), repr(done.name)), file=sys.stderr)
    if args.delete is not None:
        done = user_templates.delete_template(args.delete)
        print(say("cjmapper: deleted the template {0}", repr(done.name)), file=sys.stderr)
    language = args.template_language or args.ui_language or system_language()
    try:
        entries = templates(language)
    except CjmapperError as e:  # the folder cannot be read: the built-in ones all the same
        print(say("cjmapper: warning: {0}", e), file=sys.stderr)
        entries = built_in_templates(language)
    for entry in entries:
        if entry.problem is not None:
            unusable = say("the template file {0} cannot be used: {1}", entry.path, entry.problem)
            print(say("cjmapper: warning: {0}", unusable), file=sys.stderr)
            continue
        columns = [_one_line(entry.name), entry.kind.value, str(entry.phases), str(entry.lanes), str(entry.cards)]
        if args.titles:
            columns += [_one_line(entry.title), _one_line(entry.description)]
        out.write("\t".join(columns) + "\n")
    return 0


def save_template(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """`cjmapper save-template JOURNEY NAME`."""
    from cjmapper.user_templates import save_template as save

    journey = library.load_journey(library.find_journey(args.journey))
    done = save(journey, args.name, args.description, with_cards=args.with_cards)
    out.write(f"{done.path}\n")
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())
