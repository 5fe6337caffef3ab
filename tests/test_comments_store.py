"""Comments on cards, in the core: the edit API on both backends (each edit one transaction that bumps the revision
and returns what its inverse needs), a deleted card's comments put back by its undo, copies, versions, the journey
file (format 4, and format 3 leaving them out with a warning), and `cjmapper comments` run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cjmapper.errors import EditError, InterchangeError
from cjmapper.interchange import read_journey, write_journey
from cjmapper.interchange.journey_reader import VERSION
from cjmapper.interchange.journey_writer import lost_in
from cjmapper.model import MAX_TEXT
from cjmapper.store import Library
from tests.store_helpers import sample_journey

ROOT = Path(__file__).resolve().parent.parent
MORNING = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def threads(library: Library, journey_id: int) -> list[tuple[str, str, bool, bool]]:
    journey = library.load_journey(journey_id)
    return [
        (c.author, c.text, c.resolved, c.parent_id is not None)
        for card in journey.ordered_touchpoints()
        for c in journey.thread(card.id)
    ]


@pytest.mark.both_backends
def test_each_comment_edit_bumps_the_revision_and_its_inverse_undoes_it(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    card = library.load_journey(journey_id).ordered_touchpoints()[0]
    revision = library.revision(journey_id)
    added = library.add_comment(card.id, " Anna ", "Klopt de prijs?", created=MORNING)
    assert added.revision == revision + 1
    comment = added.value
    assert (comment.author, comment.text, comment.created, comment.resolved) == (
        "Anna",
        "Klopt de prijs?",
        MORNING,
        False,
    )
    reply = library.add_comment(card.id, "Bram", "Ja", parent_id=comment.id).value
    assert reply.parent_id == comment.id
    again = library.add_comment(card.id, "Cor", "Nog een", parent_id=reply.id).value
    assert again.parent_id == comment.id  # a reply to a reply answers the thread's comment
    library.delete_comment(again.id)
    assert library.load_journey(journey_id).comments == [comment, reply]

    old = library.edit_comment(comment.id, "Klopt de prijs wel?")
    assert old.value == "Klopt de prijs?"
    was = library.resolve_comment(comment.id)
    assert was.value is False
    journey = library.load_journey(journey_id)
    assert journey.revision == was.revision
    assert journey.open_comments() == {}  # resolving a comment closes its thread
    library.resolve_comment(comment.id, was.value)
    library.edit_comment(comment.id, old.value)
    assert library.load_journey(journey_id).comments == [comment, reply]
    assert library.load_journey(journey_id).open_comments() == {card.id: 2}

    answer = library.delete_comment(reply.id)  # undone one step at a time: the reply, then its comment
    question = library.delete_comment(comment.id)
    library.restore_comments(journey_id, question.value)
    library.restore_comments(journey_id, answer.value)
    assert library.load_journey(journey_id).comments == [comment, reply]

    gone = library.delete_comment(comment.id)
    assert gone.value == [comment, reply]
    assert library.load_journey(journey_id).comments == []
    library.restore_comments(journey_id, gone.value)
    assert library.load_journey(journey_id).comments == [comment, reply]


@pytest.mark.both_backends
def test_comment_rules_are_refused_whole(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    first, second = library.load_journey(journey_id).ordered_touchpoints()[:2]
    with pytest.raises(EditError):
        library.add_comment(first.id, "Anna", "   ")
    with pytest.raises(EditError):
        library.add_comment(first.id, "Anna", "x" * (MAX_TEXT + 1))
    comment = library.add_comment(first.id, "Anna", "Op de eerste").value
    with pytest.raises(EditError):
        library.add_comment(second.id, "Bram", "Elders", parent_id=comment.id)
    assert library.load_journey(journey_id).comments == [comment]


@pytest.mark.both_backends
def test_a_deleted_cards_comments_come_back_with_its_undo(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    card = library.load_journey(journey_id).ordered_touchpoints()[0]
    comment = library.add_comment(card.id, "Anna", "Weg ermee?").value
    cards = library.delete_touchpoints([card.id])
    assert library.load_journey(journey_id).comments == []
    library.restore_touchpoints(journey_id, cards.value)
    assert library.load_journey(journey_id).comments == [comment]


@pytest.mark.both_backends
def test_copies_and_versions_hold_the_comments(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    card = library.load_journey(journey_id).ordered_touchpoints()[2]
    comment = library.add_comment(card.id, "Anna", "Eerste", created=MORNING).value
    library.add_comment(card.id, "Bram", "Antwoord", parent_id=comment.id)
    library.resolve_comment(comment.id)
    expected = threads(library, journey_id)
    assert threads(library, library.duplicate_journey(journey_id)) == expected
    version = library.save_version(journey_id, "Na de workshop")
    assert [(c.author, c.text) for c in library.load_version(version.id).comments] == [
        ("Anna", "Eerste"),
        ("Bram", "Antwoord"),
    ]
    library.delete_comment(comment.id)
    library.add_comment(card.id, "Cor", "Later")
    previous = library.restore_version(version.id)
    assert threads(library, journey_id) == expected
    library.replace_journey_content(previous.value)
    assert [c.text for c in library.load_journey(journey_id).comments] == ["Later"]
    copy = library.import_journey(library.load_journey(journey_id), [(version, library.load_version(version.id))])
    assert [c.text for c in library.load_journey(copy).comments] == ["Later"]
    [copied] = library.list_versions(copy)
    assert [c.text for c in library.load_version(copied.id).comments] == ["Eerste", "Antwoord"]
    library.restore_version(copied.id)
    assert [(c.text, c.parent_id is None) for c in library.load_journey(copy).comments] == [
        ("Eerste", True),
        ("Antwoord", False),
    ]


def commented(library: Library) -> int:
    """The sample journey with a thread on its first card (a comment with tabs and newlines, a reply) and a resolved
    comment on its second."""
    journey_id = library.create_journey(sample_journey())
    first, second = library.load_journey(journey_id).ordered_touchpoints()[:2]
    comment = library.add_comment(first.id, "Anna de Vries", "Prijs\tklopt niet\nzie offerte", created=MORNING).value
    library.add_comment(first.id, "Bram", "Ik kijk ernaar", parent_id=comment.id, created=MORNING.replace(hour=10))
    done = library.add_comment(second.id, "Cor", "Opgelost", created=MORNING.replace(hour=11)).value
    library.resolve_comment(done.id)
    return journey_id


def test_the_journey_file_round_trips_the_comments(library: Library) -> None:
    journey = library.load_journey(commented(library))
    text = write_journey(journey)
    document = json.loads(text)
    assert document["version"] == VERSION
    assert document["comments"] == [
        {
            "id": "c1",
            "touchpoint": "t1",
            "reply_to": None,
            "author": "Anna de Vries",
            "created": "2026-03-01T09:30:00Z",
            "text": "Prijs\tklopt niet\nzie offerte",
            "resolved": False,
        },
        {
            "id": "c2",
            "touchpoint": "t1",
            "reply_to": "c1",
            "author": "Bram",
            "created": "2026-03-01T10:30:00Z",
            "text": "Ik kijk ernaar",
            "resolved": False,
        },
        {
            "id": "c3",
            "touchpoint": "t2",
            "reply_to": None,
            "author": "Cor",
            "created": "2026-03-01T11:30:00Z",
            "text": "Opgelost",
            "resolved": True,
        },
    ]
    again = read_journey(text)
    assert write_journey(again) == text
    copy = library.load_journey(library.import_journey(again))
    assert write_journey(copy).split('"title"', 1)[1] == text.split('"title"', 1)[1]


def test_a_format_3_file_reads_as_before_and_knows_no_comments(library: Library) -> None:
    journey = library.load_journey(commented(library))
    old = json.loads(write_journey(journey, 3))
    assert old["version"] == 3
    assert "comments" not in old
    assert read_journey(json.dumps(old)).comments == []
    old["comments"] = []
    with pytest.raises(InterchangeError) as caught:
        read_journey(json.dumps(old))
    assert caught.value.problems == ["comments: unknown field"]
    assert lost_in(journey, 3) == ["3 comment(s) on the cards"]


def test_the_reader_reports_each_comments_problem_at_its_place(library: Library) -> None:
    document = json.loads(write_journey(library.load_journey(commented(library))))
    document["comments"][1]["created"] = "gisteren"
    document["comments"][2]["touchpoint"] = "t99"
    document["comments"][2]["reply_to"] = "c1"
    document["comments"][2]["text"] = ""
    with pytest.raises(InterchangeError) as caught:
        read_journey(json.dumps(document))
    assert caught.value.problems == [
        'comments[1].created: must be a time in ISO 8601 with its zone ("2026-03-01T09:30:00Z"), not "gisteren"',
        'comments[2].touchpoint: must name a touchpoint of the file, not "t99"',
        'comments[2].reply_to: must be null or name an earlier comment on the same touchpoint, not "c1"',
        "comments[2].text: must be 1 to 10,000 characters after trimming (it is empty)",
    ]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )


def test_the_comments_command_lists_open_ones_and_with_all_every_one(tmp_path: Path) -> None:
    path = tmp_path / "lib.cjm"
    with Library.open(path) as library:
        journey_id = commented(library)
        first = library.load_journey(journey_id).ordered_touchpoints()[0]
    done = run_cli("--library", str(path), "comments", str(journey_id))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        f"{first.title}\tAnna de Vries\t2026-03-01T09:30:00Z\tno\tPrijs\\tklopt niet\\nzie offerte",
        f"{first.title}\tBram\t2026-03-01T10:30:00Z\tno\tIk kijk ernaar",
    ]
    every = run_cli("--library", str(path), "comments", "Webshop journey", "--all")
    assert every.returncode == 0
    lines = every.stdout.splitlines()
    assert len(lines) == 3
    assert all(line.count("\t") == 4 for line in lines)
    assert lines[2].split("\t")[2:] == ["2026-03-01T11:30:00Z", "yes", "Opgelost"]
    exported = run_cli(
        "--library", str(path), "export", str(journey_id), "-o", str(tmp_path / "old.json"), "--format-version", "3"
    )
    assert exported.returncode == 0
    assert "cannot hold 3 comment(s) on the cards" in exported.stderr
    assert "comments" not in json.loads((tmp_path / "old.json").read_text("utf-8"))
    help_text = run_cli("comments", "--help").stdout
    assert "\\t" in help_text
    assert "--all" in help_text


def test_a_comment_made_elsewhere_touches_only_its_card_for_the_undo_history(library: Library) -> None:
    """A teammate's comment (seen when the journey is read again) names its card as changed, so an undo step holding
    that card is dropped and one holding another card stays (`changed_parts`)."""
    from cjmapper.editing.parts import Parts, changed_parts

    journey_id = library.create_journey(sample_journey())
    before = library.load_journey(journey_id)
    first, second = before.ordered_touchpoints()[:2]
    comment = library.add_comment(first.id, "Karel", "From the other office").value
    after = library.load_journey(journey_id)
    touched = changed_parts(before, after)
    assert touched.cards == {first.id}
    assert touched.meets(Parts(cards=frozenset({first.id})))
    assert not touched.meets(Parts(cards=frozenset({second.id})))
    library.resolve_comment(comment.id)
    assert changed_parts(after, library.load_journey(journey_id)).cards == {first.id}
    assert changed_parts(after, after).cards == frozenset()


@pytest.mark.both_backends
def test_a_deleted_journey_comes_back_with_its_comments(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    card = library.load_journey(journey_id).ordered_touchpoints()[0]
    comment = library.add_comment(card.id, "Anna", "Before the delete").value
    gone = library.delete_journey(journey_id)
    assert gone.comments == [comment]
    library.restore_journey(gone)
    assert library.load_journey(journey_id).comments == [comment]
