"""The survey part of the edit API, which `Library` inherits beside `JourneyEdits`: reading a journey's responses and
targets, applying a whole survey import in one transaction (after saving a named version of the journey), taking
an import back (its undo), setting a phase's target, and the Unassigned list: its responses read with their ids,
placed on a card or a phase (and back), deleted (and put back under their ids). Each edit bumps the journey's
revision and takes `expected_revision` like every other edit. Responses and targets are not part of a journey's
versions or journey file: a version restored leaves them as they are."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from cjmapper.errors import EditError
from cjmapper.messages import say
from cjmapper.store import versions
from cjmapper.store.edits import JourneyEdits
from cjmapper.store.results import Revised
from cjmapper.store.rows import refuse_stale, require
from cjmapper.store.schema import JOURNEYS, PHASES, TOUCHPOINTS, VERSIONS
from cjmapper.store.survey_tables import RESPONSES, TARGETS
from cjmapper.store.versions import VersionInfo
from cjmapper.survey.kinds import SCALES, Metric
from cjmapper.survey.match import MAX_PERSONA, MAX_UNASSIGNED, Response
from cjmapper.survey.metrics import Target

_FIELDS = (
    RESPONSES.c.metric,
    RESPONSES.c.value,
    RESPONSES.c.touchpoint_id,
    RESPONSES.c.phase_id,
    RESPONSES.c.persona,
    RESPONSES.c.answered_on,
    RESPONSES.c.unassigned,
    RESPONSES.c.source,
)


IN_CHUNK = 5000
"""Ids named in one IN list (well under SQLite's limit of bound parameters)."""


@dataclass(frozen=True, slots=True)
class ResponsePlace:
    """Where one stored response is: on a touchpoint, on a phase, or unassigned under the name its row gave."""

    response_id: int
    touchpoint_id: int | None = None
    phase_id: int | None = None
    unassigned: str | None = None


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """A stored response with its id and import batch (what the Unassigned list shows, and a deletion's undo puts
    back)."""

    id: int
    batch: int
    response: Response


@dataclass(frozen=True, slots=True)
class SurveyImport:
    """What `import_survey` wrote: its batch (what `remove_survey_import` deletes), the responses, the version
    saved before it (None when none was asked for) and the journey's new revision."""

    journey_id: int
    batch: int
    responses: int
    version: VersionInfo | None
    revision: int


class SurveyEdits:
    """Survey results and targets of a library's journeys (see the module's docstring)."""

    def _write(self) -> contextlib.AbstractContextManager[Connection]:
        raise NotImplementedError

    def _read(self) -> contextlib.AbstractContextManager[Connection]:
        raise NotImplementedError

    def survey_responses(self, journey_id: int) -> list[Response]:
        """The journey's stored responses, in the order imported. A forged row (unknown metric, value off its
        scale) is left out."""
        with self._read() as conn:
            rows = conn.execute(
                select(*_FIELDS).where(RESPONSES.c.journey_id == journey_id).order_by(RESPONSES.c.id)
            ).all()
        return [r for r in (_response(row) for row in rows) if r is not None]

    def unassigned_responses(self, journey_id: int) -> list[StoredResponse]:
        """The journey's Unassigned list: responses on neither a touchpoint nor a phase, in the order imported."""
        with self._read() as conn:
            rows = conn.execute(
                select(RESPONSES.c.id, RESPONSES.c.batch, *_FIELDS)
                .where(
                    RESPONSES.c.journey_id == journey_id,
                    RESPONSES.c.touchpoint_id.is_(None),
                    RESPONSES.c.phase_id.is_(None),
                )
                .order_by(RESPONSES.c.id)
            ).all()
        return [StoredResponse(int(row[0]), int(row[1]), r) for row in rows if (r := _response(row[2:])) is not None]

    def place_survey_responses(
        self, journey_id: int, placements: Sequence[ResponsePlace], *, expected_revision: int | None = None
    ) -> Revised[tuple[ResponsePlace, ...]]:
        """Put each response where its placement says (one transaction, one revision): on a touchpoint or a phase
        of the journey, or back in the Unassigned list. Returns where they were, for undo. Refuses a card or phase
        the journey lacks and a response it does not hold."""
        with self._write() as conn:
            refuse_stale(conn, journey_id, expected_revision)
            ids = [p.response_id for p in placements]
            old = {p.response_id: p for p in _places(conn, journey_id, ids)}
            missing = [i for i in ids if i not in old]
            if missing:
                raise EditError(say("There is no survey response with id {0} in this journey.", missing[0]))
            for place in {(p.touchpoint_id, p.phase_id) for p in placements}:
                _check_place(conn, journey_id, *place)
            if placements:
                conn.execute(
                    update(RESPONSES)
                    .where(RESPONSES.c.id == bindparam("response_id"))
                    .values(
                        touchpoint_id=bindparam("touchpoint"),
                        phase_id=bindparam("phase"),
                        unassigned=bindparam("name"),
                    ),
                    [
                        {
                            "response_id": p.response_id,
                            "touchpoint": p.touchpoint_id,
                            "phase": p.phase_id,
                            "name": None if p.unassigned is None else p.unassigned[:MAX_UNASSIGNED],
                        }
                        for p in placements
                    ],
                )
            revision = JourneyEdits._touch(conn, journey_id, expected_revision, ())
        return Revised(tuple(old[i] for i in ids), revision)

    def delete_survey_responses(
        self, journey_id: int, response_ids: Sequence[int], *, expected_revision: int | None = None
    ) -> Revised[tuple[StoredResponse, ...]]:
        """Delete the journey's responses `response_ids` (one transaction); returns them, for
        `restore_survey_responses` to put back."""
        with self._write() as conn:
            refuse_stale(conn, journey_id, expected_revision)
            wanted = list(response_ids)
            gone: list[StoredResponse] = []
            for start in range(0, len(wanted), IN_CHUNK):
                chunk = wanted[start : start + IN_CHUNK]
                rows = conn.execute(
                    select(RESPONSES.c.id, RESPONSES.c.batch, *_FIELDS)
                    .where(RESPONSES.c.journey_id == journey_id, RESPONSES.c.id.in_(chunk))
                    .order_by(RESPONSES.c.id)
                ).all()
                gone += (StoredResponse(int(row[0]), int(row[1]), r) for row in rows if (r := _response(row[2:])))
                conn.execute(delete(RESPONSES).where(RESPONSES.c.journey_id == journey_id, RESPONSES.c.id.in_(chunk)))
            revision = JourneyEdits._touch(conn, journey_id, expected_revision, ())
        return Revised(tuple(gone), revision)

    def restore_survey_responses(
        self, journey_id: int, responses: Sequence[StoredResponse], *, expected_revision: int | None = None
    ) -> int:
        """Put deleted responses back under their ids and batches (the undo of `delete_survey_responses`); returns
        the journey's new revision."""
        with self._write() as conn:
            refuse_stale(conn, journey_id, expected_revision)
            rows = [_row(journey_id, s.batch, s.response) | {"id": s.id} for s in responses]
            if rows:
                conn.execute(insert(RESPONSES), rows)
            return JourneyEdits._touch(conn, journey_id, expected_revision, ())

    def survey_targets(self, journey_id: int) -> list[Target]:
        with self._read() as conn:
            rows = conn.execute(
                select(TARGETS.c.phase_id, TARGETS.c.metric, TARGETS.c.target, TARGETS.c.higher_is_better)
                .where(TARGETS.c.journey_id == journey_id)
                .order_by(TARGETS.c.id)
            ).all()
        found: list[Target] = []
        for phase_id, metric, target, higher in rows:
            if metric in Metric.__members__.values() and isinstance(target, float | int):
                found.append(Target(int(phase_id), Metric(metric), float(target), bool(higher)))
        return found

    def import_survey(
        self,
        journey_id: int,
        responses: Sequence[Response],
        *,
        version_name: str | None = None,
        expected_revision: int | None = None,
    ) -> SurveyImport:
        """Add `responses` to the journey as one import (one transaction, one revision), after saving the journey
        as version `version_name` when given (a name taken already gets " (2)", " (3)"...). Returns what
        `remove_survey_import` needs to take it back."""
        with self._write() as conn:
            refuse_stale(conn, journey_id, expected_revision)
            require(conn, JOURNEYS, journey_id, "journey")
            version = None
            if version_name is not None:
                version = versions.save_version(conn, journey_id, _free_name(conn, journey_id, version_name))
            batch = (
                conn.execute(select(func.max(RESPONSES.c.batch)).where(RESPONSES.c.journey_id == journey_id)).scalar()
                or 0
            ) + 1
            rows = [_row(journey_id, batch, r) for r in responses]
            if rows:
                conn.execute(insert(RESPONSES), rows)
            revision = JourneyEdits._touch(conn, journey_id, expected_revision, ())
        return SurveyImport(journey_id, batch, len(rows), version, revision)

    def remove_survey_import(self, journey_id: int, batch: int, *, expected_revision: int | None = None) -> int:
        """Delete the responses of one import (the undo of `import_survey`); returns the journey's new revision."""
        with self._write() as conn:
            conn.execute(delete(RESPONSES).where(RESPONSES.c.journey_id == journey_id, RESPONSES.c.batch == batch))
            return JourneyEdits._touch(conn, journey_id, expected_revision, ())

    def set_survey_target(
        self,
        journey_id: int,
        phase_id: int,
        metric: Metric,
        target: float | None,
        higher_is_better: bool = True,
        *,
        expected_revision: int | None = None,
    ) -> Revised[Target | None]:
        """Set (or with None, clear) a phase's target for `metric`, on the metric's own scale of figures (CSAT a
        share 0 to 1, NPS -100 to 100). Returns the target it had before, for undo."""
        scale = SCALES[metric]
        if target is not None and not scale.figure_low <= target <= scale.figure_high:
            raise EditError(
                say("A {0} target must be from {1} to {2}.", metric.value.upper(), scale.figure_low, scale.figure_high)
            )
        with self._write() as conn:
            refuse_stale(conn, journey_id, expected_revision)
            on_journey = conn.execute(
                select(PHASES.c.id).where(PHASES.c.id == phase_id, PHASES.c.journey_id == journey_id)
            ).scalar()
            if on_journey is None:
                raise EditError(say("There is no phase with id {0} in this journey.", phase_id))
            where = (TARGETS.c.journey_id == journey_id, TARGETS.c.phase_id == phase_id, TARGETS.c.metric == metric)
            old = conn.execute(select(TARGETS.c.target, TARGETS.c.higher_is_better).where(*where)).first()
            previous = None if old is None else Target(phase_id, metric, float(old[0]), bool(old[1]))
            if target is None:
                conn.execute(delete(TARGETS).where(*where))
            elif old is None:
                conn.execute(
                    insert(TARGETS).values(
                        journey_id=journey_id,
                        phase_id=phase_id,
                        metric=metric.value,
                        target=target,
                        higher_is_better=higher_is_better,
                    )
                )
            else:
                conn.execute(update(TARGETS).where(*where).values(target=target, higher_is_better=higher_is_better))
            revision = JourneyEdits._touch(conn, journey_id, expected_revision, ())
        return Revised(previous, revision)


def _places(conn: Connection, journey_id: int, ids: Sequence[int]) -> list[ResponsePlace]:
    """Where the journey's responses `ids` are (those it holds), read IN_CHUNK at a time."""
    found: list[ResponsePlace] = []
    columns = (RESPONSES.c.id, RESPONSES.c.touchpoint_id, RESPONSES.c.phase_id, RESPONSES.c.unassigned)
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        rows = conn.execute(select(*columns).where(RESPONSES.c.journey_id == journey_id, RESPONSES.c.id.in_(chunk)))
        found += (ResponsePlace(int(r[0]), r[1], r[2], r[3]) for r in rows)
    return found


def _check_place(conn: Connection, journey_id: int, touchpoint_id: int | None, phase_id: int | None) -> None:
    """Refuses a placement on a card or a phase the journey lacks."""
    table, wanted = (TOUCHPOINTS, touchpoint_id) if touchpoint_id is not None else (PHASES, phase_id)
    if wanted is None:
        return
    found = conn.execute(select(table.c.id).where(table.c.id == wanted, table.c.journey_id == journey_id)).scalar()
    if found is None:
        if table is TOUCHPOINTS:
            raise EditError(say("There is no touchpoint with id {0} on this journey.", wanted))
        raise EditError(say("There is no phase with id {0} in this journey.", wanted))


def _free_name(conn: Connection, journey_id: int, name: str) -> str:
    taken = set(conn.execute(select(VERSIONS.c.name).where(VERSIONS.c.journey_id == journey_id)).scalars())
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def _row(journey_id: int, batch: int, r: Response) -> dict[str, object]:
    return {
        "journey_id": journey_id,
        "batch": batch,
        "touchpoint_id": r.touchpoint_id,
        "phase_id": r.phase_id,
        "unassigned": None if r.unassigned is None else r.unassigned[:MAX_UNASSIGNED],
        "metric": r.metric.value,
        "value": r.value,
        "persona": None if r.persona is None else r.persona[:MAX_PERSONA],
        "answered_on": r.answered_on,
        "source": r.source,
    }


def _response(row: Sequence[object]) -> Response | None:
    metric, value, touchpoint_id, phase_id, persona, answered_on, unassigned, source = row
    if not isinstance(metric, str) or metric not in Metric.__members__.values() or not isinstance(value, int):
        return None
    scale = SCALES[Metric(metric)]
    if not scale.low <= value <= scale.high:
        return None
    return Response(
        Metric(metric),
        value,
        touchpoint_id if isinstance(touchpoint_id, int) else None,
        phase_id if isinstance(phase_id, int) else None,
        persona if isinstance(persona, str) else None,
        answered_on if isinstance(answered_on, str) else None,
        unassigned if isinstance(unassigned, str) else None,
        source if isinstance(source, str) else None,
    )
