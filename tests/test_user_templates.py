"""Templates of the user's own (cjmapper.user_templates, cjmapper.template_catalogue): saved from a journey into the
user data folder, listed beside the built-in ones, renamed, deleted and imported; names a user may type (Dutch,
emoji, slashes, "..", Windows' reserved names) as safe file names; damaged and foreign files listed with a reason.
The command line (`templates`, `save-template`, `new --template`) as a subprocess with a private HOME and
XDG_DATA_HOME."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cjmapper.errors import CjmapperError, InterchangeError, NotFoundError
from cjmapper.interchange import read_journey_file, write_journey_file
from cjmapper.model import MAX_TITLE, Language
from cjmapper.store import Library
from cjmapper.store.location import Location
from cjmapper.template_catalogue import TemplateKind, list_templates, load_named_template
from cjmapper.templates import TEMPLATE_NAMES, load_example
from cjmapper.user_templates import (
    TEMPLATES_ENV,
    TemplateExistsError,
    delete_template,
    file_stem,
    import_template,
    list_user_templates,
    rename_template,
    save_template,
    templates_folder,
)
from tests.template_helpers import cards, structure
from tests.thoroughness import examples

WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))}


def test_the_folder_is_in_the_user_data_folder_unless_the_environment_names_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert templates_folder() == Path(os.environ["XDG_DATA_HOME"]) / "cjmapper" / "templates"
    monkeypatch.setenv(TEMPLATES_ENV, str(tmp_path / "mine"))
    assert templates_folder() == tmp_path / "mine"
    save_template(load_example("nl"), "Bakkerij")
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["Bakkerij.json"]


def test_a_saved_template_keeps_the_structure_and_its_cards_only_when_asked() -> None:
    example = load_example("nl")
    assert example.personas
    assert example.touchpoints
    bare = save_template(example, "Webwinkel", "Vijf fasen voor een webwinkel")
    full = save_template(example, "Webwinkel met kaarten", with_cards=True)
    assert (bare.phases, bare.lanes, bare.cards) == (len(example.phases), len(example.lanes), 0)
    assert full.cards == len(example.touchpoints)

    journey = load_named_template("webwinkel")  # names are found without regard to case
    assert structure(journey) == structure(example)
    assert (journey.title, journey.description, journey.touchpoints) == (
        "Webwinkel",
        "Vijf fasen voor een webwinkel",
        [],
    )
    with_cards = load_named_template("Webwinkel met kaarten")
    assert with_cards.description == example.description
    assert cards(with_cards) == cards(example)  # as they are: scores, votes, status and all
    assert read_journey_file(full.path).title == "Webwinkel met kaarten"  # a plain journey file, to share


def test_user_templates_are_listed_after_the_built_in_ones() -> None:
    save_template(load_example("en"), "zebra")
    save_template(load_example("en"), "Appel")
    entries = list_templates(Language.NL)
    assert [e.name for e in entries] == [*TEMPLATE_NAMES, "Appel", "zebra"]
    assert [e.kind for e in entries] == [TemplateKind.BUILT_IN] * len(TEMPLATE_NAMES) + [TemplateKind.USER] * 2
    assert entries[1].title == "Klantreis volgens AIDA"  # a built-in one in the language asked for
    assert entries[-1].language is Language.EN  # a user template keeps its own
    assert load_named_template("zebra", Language.NL).language is Language.NL  # unless one is asked for


@pytest.mark.parametrize(
    "name",
    [
        "Klantreis één — bakkerij",
        "🚀🎉",
        'a/b\\c:d*e?f"g<h>i|j',
        "..",
        ".hidden",
        "CON",
        "nul",
        "Com1",
        "lpt9",
        "  spaties  ",
        "x" * 200,
        "ẞ" * 200,
        "tab\there\nnewline",
        "\u202eevil\u202d.exe",
    ],
)
def test_any_name_a_user_types_becomes_a_safe_file_name(name: str) -> None:
    saved = save_template(load_example("en"), name)
    assert saved.name == name.strip()
    folder = templates_folder()
    assert saved.path.parent == folder
    assert [p.name for p in folder.iterdir()] == [saved.path.name]
    stem = saved.path.stem
    assert stem
    assert not stem.startswith((".", " "))
    assert not stem.endswith((" ", "."))
    assert stem.upper() not in WINDOWS_RESERVED
    assert not set(stem) & set('/\\:*?"<>|\t\n\u202e\u202d')
    assert len(saved.path.name.encode()) <= 255
    assert [t.name for t in list_user_templates()] == [name.strip()]
    assert load_named_template(name).phases


def test_a_name_is_unique_and_no_built_in_one() -> None:
    save_template(load_example("en"), "Mijn sjabloon")
    with pytest.raises(TemplateExistsError, match="There is already a template named 'mijn  SJABLOON'"):
        save_template(load_example("en"), "mijn  SJABLOON")
    with pytest.raises(TemplateExistsError, match="'AIDA' is the name of a built-in template"):
        save_template(load_example("en"), "AIDA")
    with pytest.raises(CjmapperError, match="needs a name"):
        save_template(load_example("en"), "   ")
    with pytest.raises(CjmapperError, match="at most 200 characters"):
        save_template(load_example("en"), "x" * 201)
    # two names with one file name: the second file is numbered
    save_template(load_example("en"), "a/b")
    second = save_template(load_example("en"), "a:b")
    assert second.path.name == "a_b-2.json"
    assert [t.name for t in list_user_templates()] == ["a/b", "a:b", "Mijn sjabloon"]


def test_rename_keeps_the_file_valid_and_the_name_unique() -> None:
    first = save_template(load_example("en"), "Eerste", with_cards=True)
    save_template(load_example("en"), "Tweede")
    with pytest.raises(TemplateExistsError):
        rename_template("Eerste", "tweede")
    renamed = rename_template("eerste", "Klant 👋 reis")
    assert not first.path.exists()
    assert read_journey_file(renamed.path).title == "Klant 👋 reis"
    assert renamed.cards == first.cards
    assert [t.name for t in list_user_templates()] == ["Klant 👋 reis", "Tweede"]
    again = rename_template("Klant 👋 reis", "KLANT 👋 REIS")  # its own name in other case
    assert again.name == "KLANT 👋 REIS"
    assert len(list(templates_folder().iterdir())) == 2
    with pytest.raises(NotFoundError, match="no template of yours named 'Derde'"):
        rename_template("Derde", "Vierde")


def test_delete_removes_only_that_template() -> None:
    save_template(load_example("en"), "Weg")
    kept = save_template(load_example("en"), "Blijft")
    gone = delete_template("weg")
    assert not gone.path.exists()
    assert [t.path for t in list_user_templates()] == [kept.path]
    with pytest.raises(NotFoundError):
        delete_template("Weg")
    named_like_a_file = save_template(load_example("en"), "Blijft.json")  # a name like the other's file name
    assert delete_template(kept.path).name == "Blijft"  # by its file, as the dialog deletes
    assert [t.path for t in list_user_templates()] == [named_like_a_file.path]


DAMAGED = {
    "broken.json": b'{"format": "cjmapper.journey", "version": 3, "title": ',
    "foreign.json": b'{"name": "package", "version": "1.0.0"}',
    "newer.json": json.dumps({"format": "cjmapper.journey", "version": 99}).encode(),
    "binary.json": os.urandom(64),
    "empty.json": b"",
}


def test_damaged_and_foreign_files_are_listed_with_a_reason_never_raising() -> None:
    good = save_template(load_example("en"), "Goed")
    folder = templates_folder()
    for name, data in DAMAGED.items():
        (folder / name).write_bytes(data)
    (folder / "notes.txt").write_text("not a template")
    (folder / ".Goed.json.1234.tmp").write_text("{")
    (folder / ".hidden.json").write_text("{")
    (folder / "sub.json").mkdir()
    listed = list_user_templates()
    assert listed[0].path == good.path
    assert listed[0].problem is None
    assert [t.path.name for t in listed[1:]] == sorted(DAMAGED)
    for template in listed[1:]:
        assert template.name == template.path.name
        assert template.problem
        assert "\n" not in template.problem
    newer = next(t for t in listed if t.path.name == "newer.json")
    assert "99" in str(newer.problem)
    entries = list_templates()
    assert [e.name for e in entries if e.problem is None] == [*TEMPLATE_NAMES, "Goed"]
    with pytest.raises(InterchangeError):
        load_named_template("broken.json")
    with pytest.raises(InterchangeError):
        rename_template("foreign", "Iets")
    delete_template("broken.json")  # a damaged file can go, by its file's name
    assert not (folder / "broken.json").exists()


def test_import_copies_a_journey_file_once_it_reads(tmp_path: Path) -> None:
    shared = tmp_path / "van een collega.json"
    write_journey_file(load_example("nl"), shared)
    first = import_template(shared)
    second = import_template(shared)
    assert (first.name, second.name) == (load_example("nl").title, f"{load_example('nl').title} (2)")
    assert first.cards == len(load_example("nl").touchpoints)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cjmapper.journey"}')
    with pytest.raises(InterchangeError):
        import_template(bad)
    assert len(list_user_templates()) == 2


def test_file_stem_cuts_long_names_to_the_limit() -> None:
    assert len((file_stem("é" * 300, 100) + "-99.json").encode()) <= 100
    assert file_stem("🙂") == "template"


# ---------------------------------------------------------------------- the command line


def cli(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != TEMPLATES_ENV}
    env |= {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *argv], capture_output=True, text=True, check=False, timeout=120, env=env
    )


def test_the_command_line_saves_lists_and_uses_a_template(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    library = tmp_path / "lib.cjm"
    with Library.open(library) as lib:
        example_id = lib.create_journey(load_example("nl"))
    done = cli(home, "--library", str(library), "save-template", str(example_id), "Bakkerij 🥐", "--with-cards")
    assert (done.returncode, done.stderr) == (0, "")
    path = Path(done.stdout.strip())
    assert path.parent == home / "data" / "cjmapper" / "templates"
    assert read_journey_file(path).title == "Bakkerij 🥐"

    (path.parent / "kapot.json").write_text("{")
    listed = cli(home, "templates")
    assert listed.returncode == 0
    lines = [line.split("\t") for line in listed.stdout.splitlines()]
    example = load_example("nl")
    assert lines[-1] == [
        "Bakkerij 🥐",
        "user",
        str(len(example.phases)),
        str(len(example.lanes)),
        str(len(example.touchpoints)),
    ]
    assert [line[:2] for line in lines[:-1]] == [[name, "built-in"] for name in TEMPLATE_NAMES]
    assert listed.stderr.startswith(
        f"cjmapper: warning: the template file {path.parent / 'kapot.json'} cannot be used: "
    )
    assert not (home / "data" / "cjmapper" / "library.cjm").exists()  # listing needs no library

    new = cli(home, "--library", str(library), "new", "--template", "bakkerij 🥐", "--title", "Nieuwe vestiging")
    assert (new.returncode, new.stderr) == (0, "")
    with Library.open(library) as lib:
        journey = lib.load_journey(int(new.stdout))
    assert journey.title == "Nieuwe vestiging"
    assert structure(journey) == structure(example)
    assert cards(journey) == cards(example)

    taken = cli(home, "--library", str(library), "save-template", str(example_id), "BAKKERIJ 🥐")
    assert taken.returncode == 1
    assert taken.stderr == (
        "cjmapper: error: There is already a template named 'BAKKERIJ 🥐'; choose another name or delete that one "
        "first.\n"
    )
    unknown = cli(home, "--library", str(library), "new", "--template", "Slagerij", "--title", "x")
    assert unknown.returncode == 2
    assert "argument --template: invalid choice: 'Slagerij'" in unknown.stderr
    assert "'Bakkerij 🥐'" in unknown.stderr

    renamed = cli(home, "templates", "--rename", "Bakkerij 🥐", "Bakker", "--delete", "kapot.json")
    assert (renamed.returncode, renamed.stdout.splitlines()[-1].split("\t")[:2]) == (0, ["Bakker", "user"])
    assert sorted(p.name for p in path.parent.iterdir()) == ["Bakker.json"]


def test_the_command_line_speaks_dutch_about_templates(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = cli(home, "--language", "nl", "templates", "--delete", "Niets")
    assert (done.returncode, done.stderr) == (1, "cjmapper: fout: Je hebt geen sjabloon met de naam 'Niets'.\n")
    helped = cli(home, "--language", "nl", "save-template", "--help")
    assert "neem de kaarten van de klantreis mee in het sjabloon" in helped.stdout


@pytest.mark.both_backends
def test_save_template_and_new_from_it_on_a_file_and_a_team_library(library_location: Location, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    with Library.open(library_location) as lib:
        journey_id = lib.create_journey(load_example("en"))
    where = str(library_location)
    saved = cli(home, "--library", where, "save-template", load_example("en").title, "Webshop")
    assert (saved.returncode, saved.stderr) == (0, "")
    new = cli(home, "--library", where, "new", "--template", "Webshop", "--title", "From mine")
    assert (new.returncode, new.stderr) == (0, "")
    with Library.open(library_location) as lib:
        made = lib.load_journey(int(new.stdout))
        original = lib.load_journey(journey_id)
    assert (made.title, made.touchpoints) == ("From mine", [])
    assert structure(made) == structure(original)


def test_a_templates_folder_that_cannot_be_read_leaves_the_built_in_ones(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "data" / "cjmapper").mkdir(parents=True)
    (home / "data" / "cjmapper" / "templates").write_text("a file where the folder should be")
    listed = cli(home, "templates")
    assert listed.returncode == 0
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == list(TEMPLATE_NAMES)
    assert listed.stderr.startswith("cjmapper: warning: cannot read the templates folder ")
    library = tmp_path / "lib.cjm"
    with Library.open(library) as lib:
        lib.create_journey(load_example("en"))
    new = cli(home, "--library", str(library), "new", "--template", "aida", "--title", "Built in")
    assert (new.returncode, new.stderr) == (0, "")
    mine = cli(home, "--library", str(library), "new", "--template", "Mine", "--title", "x")
    assert mine.returncode == 2
    assert "argument --template: cannot read the templates folder " in mine.stderr
    saved = cli(home, "--library", str(library), "save-template", "1", "Mine")
    assert saved.returncode == 1
    assert saved.stderr.startswith("cjmapper: error: cannot read the templates folder ")
    assert saved.stderr.endswith("(Not a directory)\n")


NAME_FUZZ = settings(max_examples=examples(300, 60), deadline=None, database=None)


@NAME_FUZZ
@given(st.text(min_size=1, max_size=MAX_TITLE))
def test_any_text_is_a_name_with_a_safe_file_that_reads_back(name: str) -> None:
    assume(name.strip() and name.strip().casefold() not in TEMPLATE_NAMES and "\x00" not in name)
    with tempfile.TemporaryDirectory() as where:
        folder = Path(where)
        saved = save_template(load_example("en"), name, folder=folder)
        assert [p.name for p in folder.iterdir()] == [saved.path.name]
        stem = saved.path.stem
        assert stem
        assert not stem.startswith(".")
        assert stem == stem.strip()
        assert stem.upper() not in WINDOWS_RESERVED
        assert all(char.isalnum() or char in " -_" or unicodedata.category(char).startswith("M") for char in stem)
        assert len(saved.path.name.encode()) <= 255
        assert [t.name for t in list_user_templates(folder)] == [name.strip()]
        assert load_named_template(name, folder=folder).title == name.strip()
        with pytest.raises(TemplateExistsError):
            save_template(load_example("en"), f" {name} ", folder=folder)


def test_a_nul_character_is_refused_with_one_clear_message() -> None:
    with pytest.raises(CjmapperError, match=r"A template's name holds a NUL character \(U\+0000\)"):
        save_template(load_example("en"), "a\x00b")
    with pytest.raises(CjmapperError, match=r"A template's description holds a NUL character"):
        save_template(load_example("en"), "ab", "x\x00")
    assert list_user_templates() == []


def test_a_template_with_cards_leaves_the_workshops_comments_and_photos_behind(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from cjmapper.model import Comment, ImageRef
    from cjmapper.user_templates import template_from

    journey = load_example("en")
    card = journey.ordered_touchpoints()[0]
    card.image = ImageRef(5, "png", 10, 10)
    journey.comments = [Comment(1, card.id, "Anna", datetime(2026, 3, 1, tzinfo=UTC), "Still true?")]
    journey.wall_photo = ImageRef(6, "jpeg", 40, 30)
    template = template_from(journey, "Bakery", "", with_cards=True)
    assert len(template.touchpoints) == len(journey.touchpoints)
    assert template.comments == []
    assert template.wall_photo is None
    assert all(t.image is None for t in template.touchpoints)
    assert journey.ordered_touchpoints()[0].image is not None  # the journey itself keeps them
