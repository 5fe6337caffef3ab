"""The command line's survey commands, added to `cjmapper.cli`'s parser by `add_commands`:

- `import-survey JOURNEY FILE [--map COLUMN=FIELD ...] [--unassigned] [--dry-run]`: one line `N rows: A applied, B
  invalid, C duplicate, D unmatched`, then `row R: reason` per invalid row. The import is one transaction, after a
  named version of the journey is saved; `--dry-run` reads, matches and counts, and writes nothing.
- `metrics JOURNEY`: tab-separated lines phase, touchpoint title (empty on a phase line), metric, responses, value,
  target (empty without one), each phase's line first, then its touchpoints'; then the Unassigned list's names.
- `target JOURNEY --phase NAME --metric M --value V [--higher | --lower] [--clear]`: a phase's target."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from cjmapper.errors import CjmapperError
from cjmapper.messages import language, say
from cjmapper.model import Journey, Language
from cjmapper.store import Library
from cjmapper.survey.heat import marks
from cjmapper.survey.kinds import Metric, figure_text, metric_named, plain
from cjmapper.survey.match import Field, Status, parse_mapping, preview
from cjmapper.survey.metrics import Figure, Tally, journey_figures
from cjmapper.survey.read import read_survey_file

if TYPE_CHECKING:
    from cjmapper.poster.heat import HeatMarks

Command = Callable[[Library, argparse.Namespace, TextIO], int]


def add_commands(commands: Any) -> None:
    """Add the survey commands to the `cjmapper` parser's subparsers."""
    fields = ", ".join(f.value for f in Field)
    imp = commands.add_parser(
        "import-survey",
        help=say("import survey results (CSV or XLSX) onto a journey's touchpoints and phases"),
        description=say(
            "Import survey rows onto JOURNEY: each names a touchpoint (id or exact title) or only a phase, a "
            "metric (csat 1-5, nps 0-10, ces 1-7, score 1-5), a value, and optionally a persona and a date. Headers "
            "named like the fields ({0}; Dutch: contactmoment, fase, meting, waarde, persona, datum) are "
            "recognised; --map names others. A named version of the journey is saved first.",
            fields,
        ),
    )
    journey_help = say("the journey's id or exact title")
    imp.add_argument("journey", metavar="JOURNEY", help=journey_help)
    imp.add_argument("file", metavar="FILE", type=Path, help=say("a .csv (; , or tab separated) or .xlsx file"))
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=say("read column COLUMN as FIELD ({0})", fields),
    )
    imp.add_argument(
        "--unassigned", action="store_true", help=say("keep unmatched rows in the journey's Unassigned list")
    )
    imp.add_argument("--dry-run", action="store_true", help=say("read, match and count, but write nothing"))

    met = commands.add_parser(
        "metrics",
        help=say(
            "a journey's survey figures per phase and touchpoint (tab-separated: phase, touchpoint, metric, "
            "responses, value, target)"
        ),
    )
    met.add_argument("journey", metavar="JOURNEY", help=journey_help)

    tgt = commands.add_parser(
        "target",
        help=say("set a phase's target for a survey metric"),
        description=say(
            "Set the target of one metric in one phase: CSAT as a share (0.8 = 80% answer 4 or 5), NPS from "
            "-100 to 100, CES 1 to 7, score 1 to 5. Higher is better unless --lower is given."
        ),
    )
    tgt.add_argument("journey", metavar="JOURNEY", help=journey_help)
    tgt.add_argument("--phase", required=True, metavar="NAME", help=say("the phase's name or id"))
    tgt.add_argument("--metric", required=True, help=say("csat, nps, ces or score"))
    value = tgt.add_mutually_exclusive_group(required=True)
    value.add_argument("--value", metavar="V", help=say("the target (a decimal comma is fine)"))
    value.add_argument("--clear", action="store_true", help=say("remove the target"))
    way = tgt.add_mutually_exclusive_group()
    way.add_argument(
        "--higher", dest="higher", action="store_true", default=True, help=say("higher is better (default)")
    )
    way.add_argument("--lower", dest="higher", action="store_false", help=say("lower is better"))


def import_survey(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    journey_id = library.find_journey(args.journey)
    journey = library.load_journey(journey_id)
    mapping = parse_mapping(args.map)
    table = read_survey_file(Path(args.file).expanduser())
    result = preview(table, journey, mapping, library.survey_responses(journey_id))
    to_store = result.to_store(args.unassigned)
    if not args.dry_run and to_store:
        library.import_survey(journey_id, to_store, version_name=version_name(), expected_revision=journey.revision)
    out.write(
        say(
            "{0} rows: {1} applied, {2} invalid, {3} duplicate, {4} unmatched",
            len(result.rows),
            result.count(Status.VALID),
            result.count(Status.INVALID),
            result.count(Status.DUPLICATE),
            result.count(Status.UNMATCHED),
        )
        + "\n"
    )
    for row in result.of(Status.INVALID):
        out.write(say("row {0}: {1}", row.row, row.reason) + "\n")
    return 0


def version_name(now: datetime | None = None) -> str:
    """The name of the version saved before an import: "Before survey import 2026-03-31 14:05" (UTC)."""
    moment = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M")
    return say("Before survey import {0}", moment)


def metrics(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    journey_id = library.find_journey(args.journey)
    journey = library.load_journey(journey_id)
    for line in metric_lines(journey, library):
        out.write("\t".join(line) + "\n")
    return 0


def metric_lines(journey: Journey, library: Library) -> list[tuple[str, ...]]:
    """The `metrics` command's lines, as cells; after the phases, the Unassigned list's names (as touchpoints of a
    phase "Unassigned"), each with the figures of its answers."""
    responses = library.survey_responses(journey.id)
    figures = journey_figures(journey, responses, library.survey_targets(journey.id))
    lang = language()
    lanes = {lane.id: i for i, lane in enumerate(journey.lanes)}
    lines: list[tuple[str, ...]] = []

    def cells(phase: str, title: str, f: Figure) -> tuple[str, ...]:
        value = figure_text(f.metric, f.value, lang) if f.responses else ""
        target = figure_text(f.metric, f.target.value, lang) if f.target is not None else ""
        return (_one_line(phase), _one_line(title), f.metric.value, str(f.responses), value, target)

    for phase in journey.phases:
        for f in figures.phases.get(phase.id, {}).values():
            lines.append(cells(phase.name, "", f))
        cards = sorted(
            (tp for tp in journey.touchpoints if tp.phase_id == phase.id and tp.id in figures.touchpoints),
            key=lambda tp: (lanes.get(tp.lane_id, 0), tp.position),
        )
        for tp in cards:
            for f in figures.touchpoints[tp.id].values():
                lines.append(cells(phase.name, tp.title, f))
    loose: dict[str, dict[Metric, Tally]] = {}
    for r in responses:
        if r.unassigned is not None and r.touchpoint_id is None and r.phase_id is None:
            loose.setdefault(r.unassigned, {}).setdefault(r.metric, Tally(r.metric)).add(r.value)
    for name, tallies in loose.items():
        for metric, tally in sorted(tallies.items()):
            lines.append(cells(say("Unassigned"), name, Figure(metric, tally.responses, tally.value(), None)))
    return lines


def csv_columns(library: Library, journey: Journey) -> tuple[list[str], dict[int, list[str]]] | None:
    """The CSV export's survey columns of `journey` (None when it has no answers on its cards): for each metric
    answered on any card, `<metric>_responses`, `<metric>` (the figure, with a decimal point) and `<metric>_target`
    (its phase's target)."""
    responses = library.survey_responses(journey.id)
    if not responses:
        return None
    figures = journey_figures(journey, responses, library.survey_targets(journey.id))
    metrics = sorted({m for by_metric in figures.touchpoints.values() for m in by_metric})
    if not metrics:
        return None
    headers = [name for m in metrics for name in (f"{m.value}_responses", m.value, f"{m.value}_target")]
    cells: dict[int, list[str]] = {}
    for card_id, by_metric in figures.touchpoints.items():
        row: list[str] = []
        for m in metrics:
            f = by_metric.get(m)
            if f is None:
                row += ["", "", ""]
                continue
            target = "" if f.target is None else figure_text(m, f.target.value, Language.EN)
            row += [str(f.responses), figure_text(m, f.value, Language.EN), target]
        cells[card_id] = row
    return headers, cells


def poster_heat(library: Library, journey: Journey) -> HeatMarks:
    """The heat view's marks of `journey` for a poster (`PosterOptions.heat`), in the journey's language."""
    from cjmapper.poster.heat import HeatMarks  # imported here: the poster code loads with the first poster

    figures = journey_figures(journey, library.survey_responses(journey.id), library.survey_targets(journey.id))
    cards, phases = marks(figures, journey.language)
    return HeatMarks(cards, phases)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def target(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    journey_id = library.find_journey(args.journey)
    journey = library.load_journey(journey_id)
    metric = metric_named(args.metric)
    if metric is None:
        raise CjmapperError(say("unknown metric “{0}” (csat, nps, ces or score)", args.metric))
    wanted = args.phase.strip()
    phase = next((p for p in journey.phases if plain(p.name) == plain(wanted)), None) or next(
        (p for p in journey.phases if wanted.isdigit() and p.id == int(wanted)), None
    )
    if phase is None:
        raise CjmapperError(say("The journey has no phase “{0}”.", wanted))
    value = None if args.clear else _number(args.value)
    library.set_survey_target(journey_id, phase.id, metric, value, args.higher, expected_revision=journey.revision)
    if value is None:
        out.write(say("{0}: no {1} target", _one_line(phase.name), metric.value) + "\n")
    else:
        shown = figure_text(metric, value, language())
        how = say("higher is better") if args.higher else say("lower is better")
        out.write(say("{0}: {1} target {2} ({3})", _one_line(phase.name), metric.value, shown, how) + "\n")
    return 0


def _number(text: str) -> float:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise CjmapperError(say("“{0}” is not a number", text)) from None


COMMANDS: dict[str, Command] = {"import-survey": import_survey, "metrics": metrics, "target": target}
"""The survey commands by name, for `cjmapper.cli`'s table of commands."""

__all__ = ["COMMANDS", "Metric", "add_commands", "csv_columns", "version_name"]
