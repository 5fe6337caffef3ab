"""The command line's card import: `cjmapper import FILE.csv|FILE.xlsx [--into JOURNEY] [--map COLUMN=FIELD ...]
[--dry-run] [--template NAME]`. It prints the journey's id on the first line (`-` for a dry run that made no
journey), then `N rows: A cards added, B problems` and `row R: reason` per problem; the phases and lanes it creates
are said on standard error. Without `--into` a new journey is made from a template (default five-phase, titled
after the file); the cards go in one transaction, and `--dry-run` writes nothing. `import FILE.json` stays the
journey-file import (`cjmapper.cli`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from cjmapper.card_import.plan import applied
from cjmapper.card_import.sheet import Field, columns, parse_mapping, preview, read_card_sheet
from cjmapper.i18n import system_language
from cjmapper.messages import say
from cjmapper.store import Library
from cjmapper.templates import DEFAULT_TEMPLATE

SHEET_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xls")
"""The files `import` reads as a sheet of cards (an old .xls is refused there in one line); any other is a journey
file."""
_SHEET_OPTIONS = (("--into", "into"), ("--map", "map"), ("--dry-run", "dry_run"), ("--template", "template"))


def add_arguments(command: Any) -> None:
    """The `import` command's options for a sheet of cards."""
    fields = ", ".join(f.value for f in Field)
    command.add_argument(
        "--into", metavar="JOURNEY", help=say("a sheet of cards: add them to this journey (its id or exact title)")
    )
    command.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=say("a sheet of cards: read column COLUMN as FIELD ({0})", fields),
    )
    command.add_argument(
        "--dry-run", action="store_true", help=say("a sheet of cards: read and check every row, but write nothing")
    )
    command.add_argument(
        "--template",
        metavar="NAME",
        help=say("a sheet of cards without --into: the new journey's template (default: {0})", DEFAULT_TEMPLATE),
    )


def reads(path: Path) -> bool:
    """Whether `import` reads `path` as a sheet of cards (by its extension)."""
    return path.suffix.lower() in SHEET_SUFFIXES


def sheet_options(args: argparse.Namespace) -> list[str]:
    """The sheet's options given (--into, --map, --dry-run, --template), as typed."""
    return [flag for flag, name in _SHEET_OPTIONS if getattr(args, name)]


def refuse_options(args: argparse.Namespace) -> None:
    """A journey file takes none of a sheet's options (a usage error)."""
    given = sheet_options(args)
    if given:
        args.command_parser.error(
            say("{0} only goes with a sheet of cards (.csv or .xlsx), not with a journey file", given[0])
        )


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    path = Path(args.file).expanduser()
    if args.into is not None and args.template is not None:
        args.command_parser.error(say("--template makes a new journey: leave out --into"))
    mapping = parse_mapping(args.map)
    table = read_card_sheet(path)
    where = columns(table.headers, mapping)
    journey_id: int | None = None
    if args.into is not None:
        journey_id = library.find_journey(args.into)
        journey = library.load_journey(journey_id)
    else:
        from cjmapper.card_import.new_journey import new_journey  # the user's templates: read when used

        journey = new_journey(args.template, args.ui_language or system_language(), path.stem)
    result = preview(table, journey, where)
    plan = result.plan()
    if not args.dry_run:
        if journey_id is None:  # the new journey with its cards, in one transaction
            journey_id = library.create_journey(applied(journey, plan))
        elif plan.cards:
            library.import_cards(journey_id, plan, expected_revision=journey.revision)
    out.write(("-" if journey_id is None else str(journey_id)) + "\n")
    for name in plan.new_phases:
        done = say("cjmapper: would create phase “{0}”", name) if args.dry_run else None
        print(done or say("cjmapper: created phase “{0}”", name), file=sys.stderr)
    for name in plan.new_lanes:
        done = say("cjmapper: would create lane “{0}”", name) if args.dry_run else None
        print(done or say("cjmapper: created lane “{0}”", name), file=sys.stderr)
    problems = result.problems
    out.write(say("{0} rows: {1} cards added, {2} problems", len(result.rows), len(plan.cards), len(problems)) + "\n")
    for row in problems:
        out.write(say("row {0}: {1}", row.row, " ".join(row.problem.split())) + "\n")
    return 0
