"""Mermaid journey diagrams (docs/mermaid.md): a journey written as one and read back keeps all a diagram can hold
(title, description, phases, the touchpoint cards in order with every persona's score), whatever its names hold;
a hand-written diagram (or the first journey block of a Markdown file) becomes a journey; bad input is one message
with its line, never a traceback; the command line imports and exports it with one warning line naming what is
left out, in the user's language."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjmapper.cli import main
from cjmapper.errors import InterchangeError
from cjmapper.interchange import mermaid_reader
from cjmapper.interchange.mermaid_reader import read_mermaid, read_mermaid_file
from cjmapper.interchange.mermaid_text import escape, unescape
from cjmapper.interchange.mermaid_writer import mermaid_losses, write_mermaid
from cjmapper.model import Journey, Lane, LaneKind, Language, Persona, Phase, Rating, Touchpoint
from cjmapper.store import Library
from cjmapper.templates import load_example

Held = tuple[str, str, list[tuple[str, list[tuple[str, dict[str, int | None]]]]]]


def held(journey: Journey) -> Held:
    """What a Mermaid journey holds of `journey`: title, description, and per phase its touchpoint cards (in order)
    with each persona's score by the persona's name (a journey without personas: the card's own score under "")."""
    lanes = [lane.id for lane in journey.lanes if lane.kind is LaneKind.TOUCHPOINTS]
    phases = []
    for phase in journey.phases:
        cards = []
        for lane_id in lanes:
            for card in journey.cell(phase.id, lane_id):
                if journey.personas:
                    scores = {
                        p.name: card.rating(journey, i).score
                        for i, p in enumerate(journey.personas)
                        if card.rating(journey, i).score is not None
                    }
                else:
                    scores = {"": card.score} if card.score is not None else {}
                cards.append((card.title.strip(), scores))
        phases.append((phase.name, cards))
    return journey.title.strip(), journey.description, phases


def test_the_example_goes_to_mermaid_and_back_with_all_a_diagram_holds() -> None:
    journey = load_example("nl")
    text = write_mermaid(journey)
    back = read_mermaid(text, language=Language.NL)
    assert held(back) == held(journey)
    assert write_mermaid(back) == text
    assert back.lanes[0].name == "Contactmomenten"  # the lanes of a blank map in its language
    assert any(lane.kind is LaneKind.EMOTIONS for lane in back.lanes)


AWKWARD = st.lists(
    st.sampled_from([*"ab Z:#;,%{}\n\t", "é", "ü", "ß", "€", "😀", "👩‍👩‍👧", "中", "#35;", "&amp;", "%%", "Title "]),
    min_size=1,
    max_size=8,
).map("".join)
"""Names with what Mermaid's lexer stops at or reads otherwise: colons, #, semicolons, commas, % and %%, braces, line
breaks, keywords, entity look-alikes, leading and trailing spaces, accents, emoji."""


def named(text: str) -> bool:
    return bool(text.strip())


@st.composite
def journeys(draw: st.DrawFn) -> Journey:
    names = st.text(alphabet=string.ascii_letters, min_size=1, max_size=4)
    persona_names = draw(st.lists(AWKWARD.filter(named), max_size=3, unique_by=unescape))
    personas = [Persona(name, id=index) for index, name in enumerate(persona_names, 1)]
    phases = [Phase(i, draw(AWKWARD.filter(named))) for i in range(1, draw(st.integers(1, 3)) + 1)]
    lanes = [Lane(1, draw(names), LaneKind.TOUCHPOINTS), Lane(2, "Pains", LaneKind.PAIN_POINTS)]
    cards: list[Touchpoint] = []
    for phase in phases:
        for position in range(draw(st.integers(0, 3))):
            card = Touchpoint(len(cards) + 1, phase.id, 1, position, draw(AWKWARD.filter(named)).strip())
            scores = [draw(st.none() | st.integers(1, 5)) for _ in range(max(1, len(personas)))]
            card.score = scores[0]
            card.ratings = {p.id: Rating(s) for p, s in zip(personas[1:], scores[1:], strict=True) if s is not None}
            cards.append(card)
    title = draw(AWKWARD.filter(named)).strip()  # titles are trimmed (a journey's and a card's), names are not
    description = draw(st.just("") | AWKWARD)
    return Journey(0, title, description, personas=personas, phases=phases, lanes=lanes, touchpoints=cards)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys())
def test_a_round_trip_keeps_all_a_diagram_holds_whatever_the_names_hold(journey: Journey) -> None:
    text = write_mermaid(journey)
    back = read_mermaid(text)
    expected = held(journey)  # personas who scored no card are not in a diagram
    assert held(back) == expected
    # the personas come in the order the diagram first names them: from there on the text stays the same
    again = write_mermaid(back)
    assert write_mermaid(read_mermaid(again)) == again
    for line in text.splitlines()[1:]:
        assert ";" not in line.replace("#", "\0").split("\0")[0]  # no bare ; (Mermaid would stop there)


@pytest.mark.parametrize(
    ("text", "place", "written"),
    [
        ("Login: step 1", "task", "Login#58; step 1"),
        ("Login: step 1", "title", "Login: step 1"),
        ("a#b;c", "title", "a#35;b#59;c"),
        ("Me, you", "actor", "Me#44; you"),
        (" padded ", "section", "#32;padded#32;"),
        ("Title page", "task", "#84;itle page"),
        ("journey", "task", "#106;ourney"),
        ("%%off", "task", "#37;#37;off"),
        ("5% korting", "task", "5% korting"),
        ("two\nlines", "task", "two#10;lines"),
        ("😀 é", "task", "😀 é"),
    ],
)
def test_what_mermaid_cannot_hold_in_a_place_is_written_as_its_code(text: str, place: str, written: str) -> None:
    assert escape(text, place) == written  # type: ignore[arg-type]
    assert unescape(written) == text


HAND_WRITTEN = """\
journey
    title My working day
    accDescr: How a day at work goes
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    %% a comment
    section Go home
      Go downstairs: 5: Me   # an end-of-line comment
      Sit down: 5
"""


def test_a_hand_written_diagram_becomes_a_journey() -> None:
    journey = read_mermaid(HAND_WRITTEN)
    assert journey.title == "My working day"
    assert journey.description == "How a day at work goes"
    assert [p.name for p in journey.phases] == ["Go to work", "Go home"]
    assert [p.name for p in journey.personas] == ["Me", "Cat"]
    lane = next(lane for lane in journey.lanes if lane.kind is LaneKind.TOUCHPOINTS)
    cards = journey.ordered_touchpoints()
    assert {card.lane_id for card in cards} == {lane.id}
    assert [(c.title, c.score) for c in cards] == [
        ("Make tea", 5),
        ("Go upstairs", 3),
        ("Do work", 1),
        ("Go downstairs", 5),
        ("Sit down", 5),
    ]
    cat = journey.personas[1].id
    assert cards[2].ratings == {cat: Rating(1)}
    assert all(not card.ratings for card in cards if card.title != "Do work")


def test_a_markdown_file_gives_its_first_mermaid_journey_block(tmp_path: Path) -> None:
    markdown = tmp_path / "docs.md"
    markdown.write_text(
        "# Onboarding\n\n```python\njourney = 1\n```\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n"
        "```mermaid\n%%{init: {'theme': 'forest'}}%%\njourney\n  title First\n  section S\n    T: 4\n```\n\n"
        "```mermaid\njourney\n  title Second\n```\n",
        encoding="utf-8",
    )
    journey = read_mermaid_file(markdown)
    assert journey.title == "First"
    assert [(c.title, c.score) for c in journey.touchpoints] == [("T", 4)]


def test_more_actors_than_personas_fit_are_named_in_the_notes() -> None:
    actors = ", ".join(f"A{i}" for i in range(9))
    journey = read_mermaid(f"journey\n  title Many\n  section S\n    Meet: 4: {actors}\n")
    assert journey.personas == []
    assert journey.touchpoints[0].score == 4
    assert journey.touchpoints[0].notes == f"Actors: {actors}"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("flowchart LR\n  A --> B\n", "line 1: a Mermaid journey diagram starts with the word journey"),
        ("journey\n  section S\n    Tea: 6\n", "line 3: a task's score is a whole number from 1 to 5; this one is '6'"),
        ("journey\n  section S\n    Tea: x\n", "line 3: a task's score is a whole number from 1 to 5; this one is 'x'"),
        ("journey\n  section S\n    Tea: 3; Me\n", "line 3: a ; ends a Mermaid line; write it as #59;"),
        ("journey\n  section S\n    Tea: 3: Me: You\n", "line 3: a task is name: score: actors"),
        ("journey\n  section S\n    just words\n", "line 3: expected a task (name: score: actors)"),
        ("journey\n  section S\n    : 3\n", "line 3: the task's name is empty"),
        ("journey\n  section S\n    Tea: 3: Me,,You\n", "line 3: the actor's name is empty"),
        ("journey\n  accDescr {\n  text\n", "line 2: the accDescr { block is not closed with }"),
        ("journey\n  title x\n  journey\n", "line 3: the word journey starts the diagram and comes once"),
        ("journey\n  %% cjmapper: no score\n", "line 2: no task follows the comment"),
        (b"journey\n  title \xff\n", "line 2: is not UTF-8 text"),
        ("journey\n  title a\x00b\n", "line 2: holds a NUL character"),
        ("journey\n  section " + "x" * 101 + "\n", "line 2: the section name has 101 characters; at most 100 fit"),
    ],
)
def test_bad_input_is_one_message_with_its_line(text: str | bytes, problem: str) -> None:
    with pytest.raises(InterchangeError) as raised:
        read_mermaid(text, "day.mmd")
    assert len(raised.value.problems) == 1
    assert str(raised.value).startswith(f"day.mmd: {problem}")


def test_the_reader_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mermaid_reader, "MAX_TASKS", 3)
    tasks = "".join(f"    T{i}: 3\n" for i in range(4))
    with pytest.raises(InterchangeError, match="line 6: a diagram holds at most 3 tasks"):
        read_mermaid("journey\n  section S\n" + tasks)
    monkeypatch.setattr(mermaid_reader, "MAX_LINES", 5)
    with pytest.raises(InterchangeError, match="a file holds at most 5 lines"):
        read_mermaid("journey\n" * 6)
    monkeypatch.setattr(mermaid_reader, "MAX_FILE_BYTES", 10)
    big = tmp_path / "big.mmd"
    big.write_text("journey\n  title Too big\n", encoding="utf-8")
    with pytest.raises(InterchangeError, match=r"big.mmd: too large to read \(24 bytes; the limit is 10 bytes\)"):
        read_mermaid_file(big)
    monkeypatch.setattr(mermaid_reader, "MAX_LINES", 50_000)
    markdown = tmp_path / "none.md"
    markdown.write_text("# Nothing\n\n```mermaid\npie\n```\n", encoding="utf-8")
    monkeypatch.setattr(mermaid_reader, "MAX_FILE_BYTES", 1000)
    with pytest.raises(InterchangeError, match=r"none.md: none of its 1 ```mermaid blocks holds a journey diagram"):
        read_mermaid_file(markdown)


def test_an_unscored_card_stays_unscored_and_is_said() -> None:
    journey = read_mermaid("journey\n  title T\n  section S\n    Scored: 4\n    Open: 3\n")
    journey.touchpoints[1].score = None
    text = write_mermaid(journey)
    assert "    %% cjmapper: no score\n    Open: 3\n" in text
    assert read_mermaid(text).touchpoints[1].score is None
    assert "1 card(s) without a score are drawn as 3" in (mermaid_losses(journey) or "")


def test_the_cli_imports_a_diagram_and_exports_it_with_one_warning_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    library = str(tmp_path / "lib.cjm")
    diagram = tmp_path / "day.mmd"
    diagram.write_text(HAND_WRITTEN, encoding="utf-8")
    assert main(["--library", library, "new", "--template", "blank", "--title", "Other"]) == 0
    capsys.readouterr()
    assert main(["--library", library, "--language", "nl", "import", str(diagram)]) == 0
    journey_id = capsys.readouterr().out.strip()
    with Library.open(tmp_path / "lib.cjm") as lib:
        imported = lib.load_journey(int(journey_id))
    assert held(imported) == held(read_mermaid(HAND_WRITTEN))
    assert imported.lanes[0].name == "Contactmomenten"  # in the user's language

    out = tmp_path / "out.mmd"
    assert main(["--library", library, "export", journey_id, "-o", str(out)]) == 0  # the format from .mmd
    _, err = capsys.readouterr()
    assert err == "cjmapper: warning: a Mermaid journey cannot hold colours; left out.\n"
    assert held(read_mermaid(out.read_text(encoding="utf-8"))) == held(imported)

    example = load_example("en")
    with Library.open(tmp_path / "lib.cjm") as lib:
        example_id = lib.create_journey(example)
    dutch = ["--library", library, "--language", "nl"]
    assert main([*dutch, "export", str(example_id), "--format", "mermaid", "-o", "-"]) == 0
    text, err = capsys.readouterr()
    assert text == write_mermaid(example)
    assert len(err.splitlines()) == 1
    assert err.startswith("cjmapper: waarschuwing: een Mermaid-journey kan niet bevatten: 7 kaart(en) van de rijen ")
    assert "kanalen; notities;" in err


def test_a_bad_diagram_is_one_error_line_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    library = str(tmp_path / "lib.cjm")
    diagram = tmp_path / "bad.md"
    diagram.write_text("Intro\n\n```mermaid\njourney\n  section S\n    Tea: 9\n```\n", encoding="utf-8")
    assert main(["--library", library, "import", str(diagram)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("cjmapper: error: bad.md: line 6: a task's score is a whole number from 1 to 5; this one is '9'\n")
    assert main(["--library", library, "list"]) == 0
    assert capsys.readouterr().out == ""


def test_the_example_in_the_docs_reads_as_they_say() -> None:
    journey = read_mermaid_file(Path(__file__).resolve().parents[1] / "docs" / "mermaid.md")
    assert journey.title == "Klantreis webshop: Bakkerij De Korenbloem"
    assert [p.name for p in journey.personas] == ["Linda", "Karel"]
    karel = journey.personas[1].id
    cards = [(c.title, c.score, c.ratings.get(karel)) for c in journey.ordered_touchpoints()]
    assert cards == [
        ("Ziet een taart op Instagram", 4, Rating(4)),
        ("Zoekt een bakker in de buurt", 3, Rating(2)),  # two tasks, one card: Linda's 3 and Karel's 2
        ("Betaalt met iDEAL", None, None),
    ]


LINE_PARTS = st.sampled_from(
    [
        "journey",
        "title ",
        "section ",
        "accDescr",
        "accTitle",
        ": ",
        ":",
        "3",
        "9",
        "x",
        ",",
        ";",
        "#",
        "#35;",
        "#9;",
        "%%",
        "%% cjmapper: no score",
        "{",
        "}",
        "---",
        "```mermaid",
        "```",
        " ",
        "\n",
        "\r\n",
        "é",
        "😀",
        "\x00",
        "Me",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE_PARTS, max_size=40).map("".join), st.booleans())
def test_any_text_is_a_journey_or_one_message_never_a_traceback(text: str, markdown: bool) -> None:
    problems: list[str] = []
    try:
        journey = read_mermaid(text, "any.md", markdown=markdown)
    except InterchangeError as error:
        problems = [str(error), *error.problems]
    if problems:
        said, *listed = problems
        assert len(listed) == 1
        assert said.startswith("any.md: ")
        assert "\n" not in said
        return
    assert journey.title.strip()
    assert journey.phases or not journey.touchpoints
