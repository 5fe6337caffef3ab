"""What a template keeps of a journey, for comparing a journey made from a template with the one it was saved from
(ids differ between a library and a file, so personas, phases and lanes are compared in their order)."""

from __future__ import annotations

from cjmapper.model import Journey


def structure(journey: Journey) -> tuple[object, ...]:
    """The journey's language, framework, personas (every field), phases and lanes."""
    return (
        journey.language,
        journey.framework,
        [(p.name, p.description, p.goals, p.frustrations, p.color) for p in journey.personas],
        [(p.name, p.description, p.color) for p in journey.phases],
        [(lane.name, lane.kind, lane.color) for lane in journey.lanes],
    )


def cards(journey: Journey) -> list[tuple[object, ...]]:
    """Each card's place (by the phase's and lane's order), fields, and each persona's score and target."""
    phases = {p.id: i for i, p in enumerate(journey.phases)}
    lanes = {lane.id: i for i, lane in enumerate(journey.lanes)}
    return [
        (
            phases[t.phase_id],
            lanes[t.lane_id],
            t.title,
            t.channel,
            t.notes,
            t.expectation,
            t.owner,
            t.color,
            t.score,
            t.target,
            t.votes,
            t.status,
            [t.ratings.get(p.id) for p in journey.personas],
        )
        for t in journey.touchpoints
    ]
