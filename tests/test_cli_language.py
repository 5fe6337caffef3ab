"""The command line speaks the user's language all the way (issue 16, item 7): the core's errors, the poster's
legibility warning, and argparse's own usage, errors and help, run as a user runs it (the `cjmapper` program as a
subprocess) with `--language nl` or a Dutch system locale, and in English otherwise, with the same exit codes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cjmapper.model import Phase, Touchpoint
from cjmapper.store import Library
from cjmapper.templates import load_example

ROOT = Path(__file__).resolve().parents[1]

ENGLISH = frozenset(
    re.findall(
        r"\w+",
        "the and or to not from with this that cannot does exist folder usage error warning required invalid "
        "choice choose arguments argument options show help message exit too small read prints needs sheets "
        "paper keeps legible smallest following expected unrecognized",
    )
)
"""English words a Dutch message never holds (Dutch shares "is", "of", "in", "de" with English, so they are not
here)."""

DUTCH = frozenset(
    re.findall(
        r"\w+",
        "de het en niet van met deze kan bestaat map gebruik fout waarschuwing verplicht ongeldige keuze "
        "kies argumenten opties toon hulptekst stop te klein lezen wordt kaarten papierformaat leesbaar "
        "volgende",
    )
)
"""Dutch words an English message never holds."""


def run(*args: str, lang: str | None = "C.UTF-8", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`cjmapper ARGS` as a user runs it, with LANG set to `lang` (None: no LANG at all, nor LC_*)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG")}
    env |= {"PYTHONPATH": str(ROOT), "CJMAPPER_LIBRARY": str((cwd or ROOT) / "unused.cjm")}
    if lang is not None:
        env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd or ROOT,
        timeout=120,
        check=False,
    )


def words(text: str, *leave_out: Path) -> set[str]:
    """The lower-case words of `text`, without options (--paper), placeholders (JOURNEY, OUT) and the paths given."""
    for path in leave_out:
        text = text.replace(str(path), " ")
    text = re.sub(r"(?<!\w)--?[\w-]+", " ", text)
    return set(re.findall(r"\b[a-zà-ÿ]+\b", text))


def assert_dutch(text: str, *leave_out: Path) -> None:
    found = words(text, *leave_out)
    assert found & DUTCH, text
    assert not found & ENGLISH, (sorted(found & ENGLISH), text)


def assert_english(text: str, *leave_out: Path) -> None:
    found = words(text, *leave_out)
    assert found & ENGLISH, text
    assert not found & (DUTCH - {"de", "het", "en", "van", "te", "map", "stop"}), (sorted(found & DUTCH), text)


@pytest.fixture
def wide_library(tmp_path: Path) -> tuple[Path, int]:
    """A library with a journey far too wide for A4 (24 phases, 199 cards)."""
    journey = load_example("en")
    journey.phases = [Phase(i, f"Phase {i}") for i in range(1, 25)]
    lane = journey.lanes[0].id
    journey.touchpoints = [Touchpoint(i, (i % 24) + 1, lane, i, f"Card {i}") for i in range(1, 200)]
    path = tmp_path / "wide.cjm"
    with Library.open(path) as library:
        journey_id = library.create_journey(journey)
    return path, journey_id


@pytest.mark.parametrize("dutch_by", [("--language", "nl"), ("LANG", "nl_NL.UTF-8")])
def test_a_bad_library_path_is_told_in_dutch(tmp_path: Path, dutch_by: tuple[str, str]) -> None:
    missing = tmp_path / "nergens" / "map"
    options, lang = (["--language", "nl"], "C.UTF-8") if dutch_by[0] == "--language" else ([], dutch_by[1])
    done = run(*options, "--library", str(missing / "klanten.cjm"), "list", lang=lang)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"cjmapper: fout: Kan klanten.cjm niet maken: de map {missing} bestaat niet.\n"
    english = run("--library", str(missing / "klanten.cjm"), "list")
    assert english.returncode == 1
    assert english.stderr == f"cjmapper: error: Cannot create klanten.cjm: the folder {missing} does not exist.\n"


def test_a_missing_argument_and_an_invalid_choice_in_dutch_and_in_english(tmp_path: Path) -> None:
    """argparse's usage and errors: Dutch under --language nl (or a Dutch locale), English otherwise; exit 2."""
    for lang, options in (("C.UTF-8", ["--language", "nl"]), ("nl_NL.UTF-8", [])):
        missing = run(*options, "export", lang=lang)
        assert missing.returncode == 2
        assert missing.stderr.startswith("gebruik: cjmapper export [-h] -o OUT")
        assert missing.stderr.endswith(
            "cjmapper export: fout: de volgende argumenten zijn verplicht: JOURNEY, -o/--output\n"
        )
        assert_dutch(missing.stderr)
        wrong = run(*options, "export", "1", "-o", "kaart.pdf", "--tile", "A5", lang=lang)
        assert wrong.returncode == 2
        assert wrong.stderr.endswith("cjmapper export: fout: bij --tile: ongeldige keuze: 'A5' (kies uit 'A4', 'A3')\n")
        assert_dutch(wrong.stderr)
        unknown = run(*options, "list", "--kleur", "rood", lang=lang)
        assert unknown.returncode == 2
        assert unknown.stderr.endswith("cjmapper: fout: onbekende argumenten: --kleur rood\n")
        assert_dutch(unknown.stderr)
    english: list[tuple[str | None, list[str]]] = [("C.UTF-8", []), ("nl_NL.UTF-8", ["--language", "en"]), ("", [])]
    for english_lang, options in [*english, (None, [])]:  # C, chosen, empty, and no LANG at all
        missing = run(*options, "export", lang=english_lang)
        assert missing.returncode == 2
        assert missing.stderr.startswith("usage: cjmapper export [-h] -o OUT")
        assert missing.stderr.endswith(
            "cjmapper export: error: the following arguments are required: JOURNEY, -o/--output\n"
        )
        assert_english(missing.stderr)
        wrong = run(*options, "export", "1", "-o", "map.pdf", "--tile", "A5", lang=english_lang)
        assert wrong.stderr.endswith(
            "cjmapper export: error: argument --tile: invalid choice: 'A5' (choose from 'A4', 'A3')\n"
        )
    bad_language = run("--language", "fr", "list")
    assert bad_language.returncode == 2
    assert "argument --language: invalid choice: 'fr' (choose from 'en', 'nl')" in bad_language.stderr


def test_help_is_dutch_under_a_dutch_locale_and_english_otherwise() -> None:
    dutch = run("export", "--help", lang="nl_NL.UTF-8")
    assert dutch.returncode == 0
    assert dutch.stdout.startswith("gebruik: cjmapper export")
    for line in ("positionele argumenten:", "opties:", "PDF-posters:", "PNG- en SVG-afbeeldingen:"):
        assert f"\n{line}\n" in dutch.stdout, line
    assert "toon deze hulptekst en stop" in dutch.stdout
    assert_dutch(dutch.stdout)
    top = run("--language", "nl", "--help")
    assert "toon het versienummer van het programma en stop" in top.stdout
    assert_dutch(top.stdout)
    english = run("export", "--help")
    assert english.stdout.startswith("usage: cjmapper export")
    assert "\noptions:\n" in english.stdout
    assert "show this help message and exit" in english.stdout
    assert_english(english.stdout)


def test_the_poster_warning_is_dutch_with_decimal_commas(tmp_path: Path, wide_library: tuple[Path, int]) -> None:
    """export to a paper far too small: exit 0, the PDF written, and one warning line in the language of the
    command line (decimal commas in Dutch), with the options that would keep it legible."""
    path, journey_id = wide_library
    poster = tmp_path / "poster.pdf"
    common = ["--library", str(path), "export", str(journey_id), "-o", str(poster), "--paper", "A4"]
    dutch = run("--language", "nl", *common)
    assert dutch.returncode == 0, dutch.stderr
    assert poster.read_bytes().startswith(b"%PDF")
    [line] = dutch.stderr.splitlines()
    match = re.fullmatch(
        r"cjmapper: waarschuwing: Op A4 wordt de tekst op de kaarten (\d+,\d+) pt, te klein om te lezen "
        r"\(er is 6 pt nodig\); (.+) Gebruik (--.+)",
        line,
    )
    assert match, line
    assert_dutch(line)
    english = run(*common)
    [english_line] = english.stderr.splitlines()
    size = match.group(1).replace(",", ".")
    assert english_line.startswith(
        f"cjmapper: warning: At A4 the card text prints at {size} pt, too small to read (it needs 6 pt); "
    )
    assert english_line.endswith(f" Use {match.group(3)}")  # the same options, in both languages
    assert_english(english_line)


def test_a_broken_journey_file_is_described_in_dutch(tmp_path: Path) -> None:
    """import of a journey file with problems: every problem in the language of the command line (the file's
    own keys, the places, stay as they are written in the file)."""
    library = tmp_path / "klanten.cjm"
    broken = tmp_path / "kapot.json"
    broken.write_text(
        '{"format": "cjmapper-journey", "version": 99, "title": "", "language": "fr", "phases": {}}', encoding="utf-8"
    )
    dutch = run("--language", "nl", "--library", str(library), "import", str(broken))
    assert dutch.returncode == 1
    assert dutch.stderr.startswith("cjmapper: fout: kapot.json: ")
    assert dutch.stderr.endswith("phases: moet een array zijn, niet een object (en nog 2)\n")
    assert 'format: moet "cjmapper.journey" zijn, niet "cjmapper-journey"; ' in dutch.stderr
    assert_dutch(dutch.stderr, tmp_path)
    not_json = tmp_path / "notities.json"
    not_json.write_text('{"title": "Bakkerij",\n  "phases" [', encoding="utf-8")
    said = run("--language", "nl", "--library", str(library), "import", str(not_json))
    assert said.stderr == (
        "cjmapper: fout: notities.json: regel 2, kolom 12: geen geldige JSON (hier hoort een ':')\n"
    ), said.stderr
    english = run("--library", str(library), "import", str(broken))
    assert english.stderr.startswith("cjmapper: error: kapot.json: ")
    assert english.stderr.endswith("phases: must be an array, not an object (and 2 more)\n")
    assert_english(english.stderr, tmp_path)
