"""Property tests of the journey-json-v1 reader and writer.

(1) Whatever it is given, the reader returns a valid journey or raises InterchangeError; nothing else escapes.
(2) Every valid journey round-trips: write -> read -> write is byte-identical and read keeps the content.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cjmapper.channels import CHANNELS, catalogue_key
from cjmapper.errors import InterchangeError
from cjmapper.interchange import journey_reader, read_journey, write_journey
from cjmapper.model import (
    MAX_CHANNEL,
    MAX_VOTES,
    Framework,
    Journey,
    Lane,
    LaneKind,
    Language,
    Persona,
    Phase,
    Touchpoint,
)
from tests.test_interchange_json import content
from tests.thoroughness import examples

FUZZ = settings(max_examples=examples(200, 100), deadline=None, database=None)
BYTE_FUZZ = settings(max_examples=examples(300, 100), deadline=None, database=None)
VARIANTS = 5
"""Mangled variants of each generated file (generating the journey is the expensive part)."""

# --- strategies

# Hypothesis leaves out surrogates, as a valid journey does; NUL is left out too, as a library keeps none.
characters = st.characters(codec="utf-8", exclude_characters="\x00")
texts = st.text(characters, max_size=24)
titles = st.text(characters, min_size=1, max_size=24).map(str.strip).filter(bool)
names = st.text(characters, min_size=1, max_size=24)
colors = st.none() | st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")
free_channels = st.text(characters, max_size=MAX_CHANNEL).filter(lambda text: catalogue_key(text) is None)
"""Free text: text that names a catalogue channel ("Phone", "zoek machine") is read as the channel's key."""
channels = st.none() | st.sampled_from([c.key for c in CHANNELS]) | free_channels
personas = st.none() | st.builds(Persona, names, texts, texts, texts)


@st.composite
def journeys(draw: st.DrawFn, min_cards: int = 0) -> Journey:
    """A valid journey with arbitrary (unique) ids, positions with gaps and ties, cards in any list order.
    With `min_cards`, the first lane holds cards and there are at least that many."""
    phase_ids = draw(st.lists(st.integers(1, 10**6), min_size=1, max_size=4, unique=True))
    lane_ids = draw(st.lists(st.integers(1, 10**6), min_size=1, max_size=4, unique=True))
    phases = [Phase(i, draw(names), draw(texts), draw(colors)) for i in phase_ids]
    lanes = [Lane(i, draw(names), draw(st.sampled_from(LaneKind)), draw(colors)) for i in lane_ids]
    if min_cards:
        lanes[0] = replace(lanes[0], kind=LaneKind.TOUCHPOINTS)
    card_lanes = [lane.id for lane in lanes if lane.kind.holds_cards]
    touchpoints: list[Touchpoint] = []
    if card_lanes:
        count = draw(st.integers(min_cards, 8))
        ids = draw(st.lists(st.integers(1, 10**6), min_size=count, max_size=count, unique=True))
        for card_id in ids:
            touchpoints.append(
                Touchpoint(
                    id=card_id,
                    phase_id=draw(st.sampled_from(phase_ids)),
                    lane_id=draw(st.sampled_from(card_lanes)),
                    position=draw(st.integers(0, 20)),
                    title=draw(titles),
                    notes=draw(texts),
                    channel=draw(channels),
                    score=draw(st.none() | st.integers(1, 5)),
                    expectation=draw(texts),
                    owner=draw(texts),
                    color=draw(colors),
                    votes=draw(st.integers(0, MAX_VOTES)),
                )
            )
    return Journey(
        id=draw(st.integers(0, 100)),
        title=draw(titles),
        description=draw(texts),
        language=draw(st.sampled_from(Language)),
        framework=draw(st.sampled_from(Framework)),
        personas=[p for p in [draw(personas)] if p is not None],
        phases=phases,
        lanes=lanes,
        touchpoints=draw(st.permutations(touchpoints)),
        revision=draw(st.integers(0, 5)),
    )


DROP = object()
_EDGES: dict[str, list[Any]] = {
    "id": ["t1", "t2", "", 1, None, DROP],
    "phase": ["p1", "p2", "p9", 1, None, DROP],
    "lane": ["l1", "l2", "l9", None, DROP],
    "title": ["x" * 200, " " + "x" * 200 + " ", "x" * 201, "", " \n", 5, None, DROP],
    "notes": ["n" * 10_000, "n" * 10_001, "", None, 1, DROP],
    "channel": ["c" * 60, "c" * 61, "", None, 5, DROP],
    "score": [1, 5, 0, 6, -1, True, False, 1.0, "3", None, DROP],
    "expectation": ["e" * 10_000, "e" * 10_001, None, DROP],
    "owner": ["o" * 200, "o" * 201, None, [], DROP],
    "color": ["#ABCDEF", "#abcdef", "#12345", "#1234567", "red", 0, None, DROP],
    "votes": [0, 1, -1, True, 1.5, None, 10**30, DROP],
    "titel": [1],
}
touchpoint_changes = st.sampled_from([(key, value) for key, values in _EDGES.items() for value in values])
huge_values = st.sampled_from(
    [
        "x" * 200,  # each text limit, and one past it
        "x" * 201,
        "x" * 10_000,
        "x" * 10_001,
        "y" * 100_000,
        " " * 300,
        "Z" + "\u0301" * 500,  # combining marks stacked 500 deep
        "\u202e" * 50 + "<b>&amp;</b>",
        2**31,  # integers past every range the format and SQLite know
        2**63,
        -(2**63) - 1,
        2**64,
        10**300,
        -(10**4000),
        1e308,
        -0.0,
        5.0,
        float("inf"),  # written as Infinity, which is not JSON
        float("nan"),
    ]
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)

# --- helpers


def read_or_refuse(data: str | bytes) -> Journey | None:
    """The journey read from `data`, or None when it was refused with a proper InterchangeError.
    Any other exception fails the test. An accepted journey must itself round-trip."""
    try:
        journey = read_journey(data)
    except InterchangeError as error:
        refused = error
    else:
        text = write_journey(journey)
        assert write_journey(read_journey(text)) == text
        return journey
    assert refused.problems
    assert all(isinstance(problem, str) and ": " in problem for problem in refused.problems)
    str(refused).encode("utf-8")  # printable as it is
    return None


def places(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a parsed JSON document; the document itself as (None, None)."""
    found: list[tuple[Any, Any]] = [(None, None)]
    stack = [value]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in items:
            found.append((node, key))
            stack.append(child)
    return found


def mutate(document: Any, data: st.DataObject) -> Any:
    """`document` with one random change: a key or item dropped, a value replaced by another type or
    a random value, an unknown key inserted, or a string changed. Returns the (possibly new) root."""
    container, key = data.draw(st.sampled_from(places(document)))
    if container is None:
        return data.draw(json_values)
    action = data.draw(st.sampled_from(["drop", "replace", "insert", "string", "number", "null", "huge"]))
    if action == "drop":
        del container[key]
    elif action == "replace":
        container[key] = data.draw(json_values)
    elif action == "insert" and isinstance(container, dict):
        container[data.draw(st.text(max_size=8))] = data.draw(json_values)
    elif action == "insert":
        container.insert(key, data.draw(json_values))
    elif action == "string":
        container[key] = data.draw(
            st.text(characters, max_size=300) | st.sampled_from(["p1", "l1", "t1", "emotions", "nl"])
        )
    elif action == "number":
        container[key] = data.draw(st.integers(-(10**20), 10**20) | st.sampled_from([0, 1, 2, 5, 6, -1]))
    elif action == "huge":
        container[key] = data.draw(huge_values)
    else:
        container[key] = data.draw(st.sampled_from([None, True, False, [], {}]))
    return document


# --- properties


@FUZZ
@given(json_values)
def test_arbitrary_json_is_read_or_refused_cleanly(value: Any) -> None:
    assert read_or_refuse(json.dumps(value)) is None or isinstance(value, dict)


@FUZZ
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode("utf-8")))
def test_arbitrary_bytes_are_read_or_refused_cleanly(data: bytes) -> None:
    read_or_refuse(data)


@FUZZ
@given(journeys(min_cards=1), st.data())
def test_mutated_documents_are_read_or_refused_cleanly(journey: Journey, data: st.DataObject) -> None:
    document = json.loads(write_journey(journey))
    for _ in range(data.draw(st.integers(1, 4))):
        document = mutate(document, data)
    read_or_refuse(json.dumps(document, ensure_ascii=data.draw(st.booleans()), allow_nan=True))


@FUZZ
@given(journeys(min_cards=1), st.data())
def test_fast_and_careful_touchpoint_checks_agree(journey: Journey, data: st.DataObject) -> None:
    """The reader takes a fast path for plainly valid touchpoints; it must accept exactly what the
    careful, problem-reporting path accepts. (Checking for surrogates turns the fast path off.)"""
    document = json.loads(write_journey(journey))
    cards = document["touchpoints"]
    for _ in range(data.draw(st.integers(1, 4))):
        card = data.draw(st.sampled_from(cards))
        key, value = data.draw(touchpoint_changes)
        if value is not DROP:
            card[key] = value
        elif key in card:
            del card[key]
    fast, careful = journey_reader._Reader(False), journey_reader._Reader(True)
    assert fast.journey(document) == careful.journey(document)
    assert fast.problems == careful.problems


@FUZZ
@given(journeys(), st.data())
def test_mangled_text_is_read_or_refused_cleanly(journey: Journey, data: st.DataObject) -> None:
    text = write_journey(journey)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 8)))
    insert = data.draw(st.text(alphabet='{}[]",:0123456789.-eE\\ untrflasNI\ud800', max_size=6))
    read_or_refuse(text[:start] + insert + text[end:])


@st.composite
def mangled_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with one to six byte-level changes: bits flipped, bytes set, inserted, deleted or repeated, the end
    cut off, a byte order mark or a NUL put somewhere."""
    mangled = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        size = len(mangled)
        at = draw(st.integers(0, size))
        kind = draw(st.sampled_from(["flip", "set", "insert", "delete", "repeat", "truncate", "bom", "nul"]))
        if kind == "flip" and at < size:
            mangled[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set" and at < size:
            mangled[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            mangled[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del mangled[at : at + draw(st.integers(1, 16))]
        elif kind == "repeat":
            mangled[at:at] = mangled[at : at + draw(st.integers(1, 64))] * draw(st.integers(2, 50))
        elif kind == "truncate":
            del mangled[at:]
        elif kind == "bom":
            mangled[at:at] = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"]))
        else:
            mangled[at:at] = b"\x00"
    return bytes(mangled)


@BYTE_FUZZ
@given(journeys(min_cards=1), st.booleans(), st.data())
def test_mangled_file_bytes_are_read_or_refused_cleanly(journey: Journey, bom: bool, data: st.DataObject) -> None:
    """A journey file damaged on the way (a bad disk, a cut-off download, an editor saving in another encoding):
    the reader gives a valid journey or an InterchangeError, never anything else."""
    encoded = (b"\xef\xbb\xbf" if bom else b"") + write_journey(journey).encode("utf-8")
    for _ in range(VARIANTS):
        read_or_refuse(data.draw(mangled_bytes(encoded)))


@FUZZ
@given(journeys())
def test_every_valid_journey_round_trips(journey: Journey) -> None:
    text = write_journey(journey)
    again = read_journey(text)
    assert write_journey(again) == text
    assert content(again) == content(journey)
    assert [t.id for t in again.touchpoints] == list(range(1, len(journey.touchpoints) + 1))
    again_bytes = read_journey(text.encode("utf-8"))
    assert again_bytes == again
