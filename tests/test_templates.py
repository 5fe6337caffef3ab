"""The bundled templates and example journey: valid, canonical, complete, and alike in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cjmapper.channels import channel
from cjmapper.errors import NotFoundError
from cjmapper.interchange import read_journey_file, write_journey
from cjmapper.model import Framework, Journey, LaneKind, Language
from cjmapper.resources import resource
from cjmapper.templates import (
    TEMPLATE_NAMES,
    load_example,
    load_template,
    template_description,
    template_path,
)

LANGUAGES = (Language.EN, Language.NL)

FRAMEWORKS = {
    "five-phase": Framework.FIVE_PHASE,
    "aida": Framework.AIDA,
    "see-think-do-care": Framework.SEE_THINK_DO_CARE,
    "blank": Framework.CUSTOM,
}

PHASE_NAMES = {
    ("five-phase", Language.EN): ["Awareness", "Consideration", "Purchase", "Service", "Loyalty"],
    ("five-phase", Language.NL): ["Bewustwording", "Overweging", "Aankoop", "Service", "Loyaliteit"],
    ("aida", Language.EN): ["Attention", "Interest", "Desire", "Action"],
    ("aida", Language.NL): ["Aandacht", "Interesse", "Verlangen", "Actie"],
    ("see-think-do-care", Language.EN): ["See", "Think", "Do", "Care"],
    ("see-think-do-care", Language.NL): ["See", "Think", "Do", "Care"],
    ("blank", Language.EN): ["Before", "During", "After"],
    ("blank", Language.NL): ["Voor", "Tijdens", "Na"],
}

REQUIRED_LANES = [
    LaneKind.TOUCHPOINTS,
    LaneKind.ACTIONS,
    LaneKind.THOUGHTS,
    LaneKind.PAIN_POINTS,
    LaneKind.OPPORTUNITIES,
    LaneKind.EMOTIONS,
]

COLOR = re.compile(r"#[0-9a-f]{6}")

TEMPLATE_CASES = [(name, lang) for name in TEMPLATE_NAMES for lang in LANGUAGES]
BUNDLED_FILES = sorted(
    [f"{name}.{lang.value}.json" for name, lang in TEMPLATE_CASES]
    + [f"example.{lang.value}.json" for lang in LANGUAGES]
)


def structure(journey: Journey) -> tuple[object, ...]:
    """Everything about a journey that does not depend on its language."""
    return (
        journey.framework,
        journey.persona is None,
        [p.color for p in journey.phases],
        [(lane.kind, lane.color) for lane in journey.lanes],
    )


def card_structure(journey: Journey) -> list[tuple[object, ...]]:
    phase_rank = {p.id: i for i, p in enumerate(journey.phases)}
    lane_rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
    return [
        (
            phase_rank[t.phase_id],
            lane_rank[t.lane_id],
            t.channel,
            t.score,
            t.votes,
            t.color,
            bool(t.expectation),
            bool(t.owner),
            bool(t.notes),
        )
        for t in journey.ordered_touchpoints()
    ]


def test_template_names() -> None:
    assert TEMPLATE_NAMES == ("five-phase", "aida", "see-think-do-care", "blank")


def test_exactly_the_bundled_files_exist() -> None:
    assert sorted(p.name for p in resource("templates").iterdir()) == BUNDLED_FILES


@pytest.mark.parametrize(("name", "language"), TEMPLATE_CASES)
def test_template_loads_with_its_framework_phases_and_lanes(name: str, language: Language) -> None:
    journey = load_template(name, language)
    assert journey.language is language
    assert journey.framework is FRAMEWORKS[name]
    assert journey.title.strip()
    assert journey.description.strip()
    assert "\n" not in journey.description
    assert journey.persona is None
    assert [p.name for p in journey.phases] == PHASE_NAMES[(name, language)]
    for phase in journey.phases:
        assert phase.description.strip(), phase.name
        assert phase.color is not None
        assert COLOR.fullmatch(phase.color)
    assert [lane.kind for lane in journey.lanes] == REQUIRED_LANES
    for lane in journey.lanes:
        assert lane.name.strip()
        assert lane.color is not None
        assert COLOR.fullmatch(lane.color)
    assert len({p.color for p in journey.phases}) == len(journey.phases)
    assert len({lane.color for lane in journey.lanes}) == len(journey.lanes)
    assert journey.touchpoints == []


def test_template_accepts_a_plain_string_language() -> None:
    assert load_template("aida", "nl").phases[0].name == "Aandacht"
    assert load_template("aida").language is Language.EN


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_template_has_the_same_structure_in_both_languages(name: str) -> None:
    en, nl = load_template(name, Language.EN), load_template(name, Language.NL)
    assert structure(en) == structure(nl)
    assert len(en.phases) == len(nl.phases)
    assert len(en.lanes) == len(nl.lanes)
    assert en.title != nl.title
    assert en.description != nl.description


@pytest.mark.parametrize("filename", BUNDLED_FILES)
def test_bundled_file_is_canonical(filename: str) -> None:
    path = resource("templates", filename)
    text = path.read_text("utf-8")
    assert write_journey(read_journey_file(path)) == text


@pytest.mark.parametrize(("name", "language"), TEMPLATE_CASES)
def test_template_description(name: str, language: Language) -> None:
    assert template_description(name, language) == load_template(name, language).description


@pytest.mark.parametrize(("name", "language"), TEMPLATE_CASES)
def test_template_path(name: str, language: Language) -> None:
    assert template_path(name, language) == resource("templates", f"{name}.{language.value}.json")
    assert isinstance(template_path(name, language), Path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_example_is_a_complete_five_phase_map(language: Language) -> None:
    journey = load_example(language)
    assert journey.language is language
    assert journey.framework is Framework.FIVE_PHASE
    assert [p.name for p in journey.phases] == PHASE_NAMES[("five-phase", language)]
    assert [lane.kind for lane in journey.lanes] == REQUIRED_LANES
    persona = journey.persona
    assert persona is not None
    assert persona.name.strip()
    assert persona.description.strip()
    assert persona.goals.strip()
    assert persona.frustrations.strip()
    assert 12 <= len(journey.touchpoints) <= 16
    assert all(t.score is not None and 1 <= t.score <= 5 for t in journey.touchpoints)
    assert {t.phase_id for t in journey.touchpoints} == {p.id for p in journey.phases}
    kinds = {journey.lane(t.lane_id).kind for t in journey.touchpoints}
    assert LaneKind.EMOTIONS not in kinds
    assert len(kinds) >= 3
    assert {t.score for t in journey.touchpoints} >= {1, 2, 3, 4, 5}
    assert any(t.votes > 0 for t in journey.touchpoints)
    for t in journey.touchpoints:
        assert t.channel is None or channel(t.channel) is not None, t.channel


def test_example_is_the_same_map_in_both_languages() -> None:
    en, nl = load_example(Language.EN), load_example(Language.NL)
    assert structure(en) == structure(nl)
    assert card_structure(en) == card_structure(nl)
    assert [t.title for t in en.ordered_touchpoints()] != [t.title for t in nl.ordered_touchpoints()]


def test_example_phases_match_the_five_phase_template() -> None:
    for language in LANGUAGES:
        example, template = load_example(language), load_template("five-phase", language)
        assert [(p.name, p.description, p.color) for p in example.phases] == [
            (p.name, p.description, p.color) for p in template.phases
        ]
        assert [(lane.name, lane.kind, lane.color) for lane in example.lanes] == [
            (lane.name, lane.kind, lane.color) for lane in template.lanes
        ]


def test_each_call_returns_a_fresh_journey() -> None:
    first = load_template("blank")
    first.phases.clear()
    assert len(load_template("blank").phases) == 3


def test_unknown_template_names_the_valid_ones() -> None:
    with pytest.raises(NotFoundError) as caught:
        load_template("five-phases")
    message = str(caught.value)
    assert "five-phases" in message
    for name in TEMPLATE_NAMES:
        assert name in message


def test_example_is_not_a_template() -> None:
    with pytest.raises(NotFoundError):
        load_template("example")


@pytest.mark.parametrize("language", ["de", "", "EN", "english"])
def test_unknown_language_is_refused(language: str) -> None:
    with pytest.raises(NotFoundError, match="en, nl"):
        load_template("aida", language)
    with pytest.raises(NotFoundError, match="en, nl"):
        load_example(language)
    with pytest.raises(NotFoundError, match="en, nl"):
        template_description("blank", language)
