"""`cjmapper diff JOURNEY --from VERSION [--to VERSION] [--format text|json] [--poster OUT.pdf ...]`: what changed
between two saved versions of a journey, or between one and the journey as it is now.

`--poster OUT.pdf [--paper SIZE] [--portrait]` also draws both maps on one sheet with the differences marked
(`cjmapper.poster.compare_poster`).

JOURNEY is named as every command names it (its id or exact title), a VERSION as `export --version` and
`versions` name it (its exact name, or else its id). Text prints one line per difference (`cjmapper.compare_words`),
then nothing else, and exits 0 whether or not anything changed; JSON writes the structure docs/cli-diff.md describes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from cjmapper.errors import CjmapperError, NotFoundError
from cjmapper.messages import say
from cjmapper.model import Journey
from cjmapper.store import Library


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """The `diff` command on the command line's parser; its help in the language of the core's messages."""
    diff = commands.add_parser(
        "diff",
        help=say("what changed between two versions of a journey (or a version and the journey now), a line each"),
        description=say(
            "Compare two saved versions of JOURNEY, or --from VERSION with the journey as it is now. Prints one line "
            "per difference: '+ title' (added), '- title' (removed), '> title: moved from Phase/Lane to Phase/Lane', "
            "'~ title: field: old -> new' (changed), and '+/-/~ phase|lane: name' for phases and lanes; with several "
            "personas also '+/-/~ persona: name', and a score or target names its persona: '~ title: score (Name): "
            "old -> new'. Exits 0 whether or not anything differs."
        ),
    )
    version_help = say("a version's name or id")
    diff.add_argument("journey", metavar="JOURNEY", help=say("the journey's id or exact title"))
    diff.add_argument("--from", dest="from_version", metavar="VERSION", required=True, help=version_help)
    diff.add_argument(
        "--to",
        dest="to_version",
        metavar="VERSION",
        help=say("a version's name or id (default: the journey as it is now)"),
    )
    diff.add_argument(
        "--format", dest="diff_format", choices=("text", "json"), default="text", help=say("default: text")
    )
    diff.add_argument(
        "--poster",
        metavar="OUT.pdf",
        type=Path,
        help=say("also draw both maps on one PDF sheet, the differences marked"),
    )
    diff.add_argument(
        "--paper", dest="diff_paper", metavar="A0..A4|WxHmm", help=say("the poster's paper (default: A3, landscape)")
    )
    diff.add_argument("--portrait", dest="diff_portrait", action="store_true", help=say("the poster's paper upright"))
    diff.set_defaults(diff_parser=diff)


def _version(library: Library, journey_id: int, ref: str) -> tuple[Journey, str]:
    try:
        version_id = library.find_version(journey_id, ref)
    except NotFoundError:
        raise CjmapperError(
            say(
                "the journey has no version named {0}; `cjmapper versions {1}` lists them",
                repr(ref.strip()),
                journey_id,
            )
        ) from None
    return library.load_version(version_id), library.version_info(version_id).name


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    from cjmapper.compare import compare
    from cjmapper.compare_words import as_json, lines

    command: argparse.ArgumentParser = args.diff_parser
    if args.poster is None and (args.diff_paper is not None or args.diff_portrait):
        command.error(say("--paper and --portrait go with --poster"))
    paper = None
    if args.diff_paper is not None:
        from cjmapper.poster import parse_paper

        try:
            paper = parse_paper(args.diff_paper)
        except CjmapperError as error:
            command.error(say("argument --paper: {0}", error))
    target = None
    if args.poster is not None:
        target = Path(args.poster).expanduser()
        if not target.parent.is_dir():
            raise CjmapperError(say("cannot write {0}: the folder {1} does not exist", target, target.parent))
        library.refuse_own_file(target)
    journey_id = library.find_journey(args.journey)
    before, before_name = _version(library, journey_id, args.from_version)
    if args.to_version is not None:
        after, after_name = _version(library, journey_id, args.to_version)
    else:
        after, after_name = library.load_journey(journey_id), None
    comparison = compare(before, after)
    if args.diff_format == "json":
        json.dump(as_json(comparison, before_name, after_name), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.writelines(f"{line}\n" for line in lines(comparison))
    if target is not None:
        from cjmapper.poster.compare_poster import render_comparison_poster

        plan = render_comparison_poster(comparison, before_name, after_name, target, paper, args.diff_portrait)
        warning = plan.warning()
        if warning is not None:
            print(say("cjmapper: warning: {0}", warning), file=sys.stderr)
    return 0
