"""A version-3 journey file's per-persona lists on a touchpoint: `scores` and `targets`, one entry per persona in the
order of `personas` (the first entry the first persona's, which the card itself holds as `score` and `target`; with no
persona, the map's own). Read here into what the journey reader's card fields read, and the other personas'
ratings; every problem is reported with its place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from cjmapper.interchange.untrusted_json import kind_of, member
from cjmapper.model import SCORE_MAX, SCORE_MIN, Rating

PER_PERSONA: Final = {"score": "scores", "target": "targets"}
"""A version-3 touchpoint's lists, by the card field whose value their first entry is."""

Fail = Callable[[str, str], None]


def per_persona(items: list[Any], personas: int, fail: Fail) -> tuple[list[Any], list[dict[int, Rating]]]:
    """The touchpoints with the first entries of `scores` and `targets` as `score` and `target` (so the card fields
    read them), and each touchpoint's other entries by persona index (1: the second persona)."""
    ratings: list[dict[int, Rating]] = [{} for _ in items]
    most = max(personas, 1)
    adapted: list[Any] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            adapted.append(item)
            continue
        place = f"touchpoints[{index}]"
        values: dict[str, list[int | None]] = {}
        for name, key in PER_PERSONA.items():
            if name in item:
                fail(member(place, name), f"unknown field (version 3 keeps it in {key})")
            values[name] = _entries(item, key, place, most, fail)
        obj = {key: value for key, value in item.items() if key not in ("scores", "targets", "score", "target")}
        scores, targets = values["score"], values["target"]
        obj["score"] = scores[0] if scores else None
        obj["target"] = targets[0] if targets else None
        for at in range(1, max(len(scores), len(targets))):
            rating = Rating(scores[at] if at < len(scores) else None, targets[at] if at < len(targets) else None)
            if rating.score is not None or rating.target is not None:
                ratings[index][at] = rating
        adapted.append(obj)
    return adapted, ratings


def _entries(obj: dict[str, Any], key: str, place: str, most: int, fail: Fail) -> list[int | None]:
    """A touchpoint's `scores` or `targets`: at most one entry per persona, each 1-5 or null."""
    value = obj.get(key, [])
    if type(value) is not list:
        fail(member(place, key), f"must be an array of scores (1 to 5 or null), not {kind_of(value)}")
        return []
    if len(value) > most:
        fail(member(place, key), f"has {len(value)} entries; the journey has {most} persona(s)")
        return []
    found: list[int | None] = []
    for at, entry in enumerate(value):
        if entry is not None and (type(entry) is not int or not SCORE_MIN <= entry <= SCORE_MAX):
            fail(f"{member(place, key)}[{at}]", f"must be {SCORE_MIN} to {SCORE_MAX} or null")
            entry = None
        found.append(entry)
    return found
