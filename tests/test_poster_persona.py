"""The persona on the poster's title block: name, description, and the goals and frustrations, each labelled in the
journey's language, read back from the PDF with pypdf."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from pypdf import PdfReader

from cjmapper.model import Journey, Lane, Language, Persona, Phase, Touchpoint
from cjmapper.poster import A3, A4, PosterOptions, render_poster
from cjmapper.poster.plan import chrome_for
from cjmapper.templates import load_example
from cjmapper.text import FontMetrics
from tests.poster_helpers import fragments


def journey(persona: Persona | None, language: Language = Language.EN) -> Journey:
    return Journey(
        1,
        "Persona poster",
        language=language,
        personas=[] if persona is None else [persona],
        phases=[Phase(1, "One"), Phase(2, "Two")],
        lanes=[Lane(1, "Touchpoints")],
        touchpoints=[Touchpoint(1, 1, 1, 0, "A card", votes=2)],
    )


def text_of(path: Path) -> str:
    return " ".join(PdfReader(path).pages[0].extract_text().split())


def render(tmp_path: Path, journey: Journey, **options: object) -> Path:
    target = tmp_path / "poster.pdf"
    render_poster(journey, target, PosterOptions(printed=date(2026, 11, 23), **options))  # type: ignore[arg-type]
    return target


@pytest.mark.parametrize(
    ("language", "goals", "frustrations"),
    [(Language.EN, "Goals:", "Frustrations:"), (Language.NL, "Doelen:", "Frustraties:")],
)
def test_the_title_block_prints_goals_and_frustrations_labelled_in_the_journeys_language(
    tmp_path: Path, language: Language, goals: str, frustrations: str
) -> None:
    persona = Persona("Sanne <b>", "Owns a bakery & café", "Sell online", "Slow delivery & <i>hidden costs</i>")
    text = text_of(render(tmp_path, journey(persona, language), paper=A3))
    assert "Sanne <b>" in text
    assert "Owns a bakery & café" in text
    assert f"{goals} Sell online" in text
    assert f"{frustrations} Slow delivery & <i>hidden costs</i>" in text
    assert text.index("Owns a bakery") < text.index(goals) < text.index(frustrations)


def test_only_frustrations_still_get_the_persona_column(tmp_path: Path) -> None:
    text = text_of(render(tmp_path, journey(Persona("Sanne", frustrations="Queues at the counter")), paper=A4))
    assert "Frustrations: Queues at the counter" in text
    assert "Goals:" not in text


def test_no_persona_prints_no_persona_labels(tmp_path: Path) -> None:
    text = text_of(render(tmp_path, journey(None), paper=A4))
    assert "Goals:" not in text
    assert "Frustrations:" not in text
    assert "Persona:" not in text


def test_long_texts_keep_every_label_and_stay_inside_the_title_block(tmp_path: Path) -> None:
    """The column has room for a few lines: each part gets at least one (cut with "…"), none runs past the page's
    margin or below the title block."""
    long = "word " * 400
    persona = Persona("Sanne", long, long, "Frustrated " + long)
    target = render(tmp_path, journey(persona), paper=A4)
    text = text_of(target)
    assert "Goals:" in text
    assert "Frustrations: Frustrated" in text
    assert "…" in text
    width, height = A4.oriented(landscape=True)
    chrome = chrome_for(width, height)
    title_bottom = height - chrome.title.bottom  # in PDF coordinates, from the bottom
    for fragment in fragments(target):
        if fragment.y < title_bottom:
            continue  # the map and the legend
        right = fragment.x + FontMetrics(fragment.size).width(fragment.text)
        assert right <= chrome.title.right + 0.5, fragment


def test_the_example_prints_its_personas_frustrations() -> None:
    for language, expected in (("en", "Frustrations: Webshops"), ("nl", "Frustraties: Webshops")):
        example = load_example(language)
        assert example.persona is not None
        assert example.persona.frustrations
        with TemporaryDirectory() as folder:
            target = Path(folder) / "poster.pdf"
            render_poster(example, target, PosterOptions(paper=A3))
            assert expected in text_of(target)
