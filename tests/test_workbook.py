"""The XLSX export (issue 19): `cjmapper export JOURNEY -o OUT.xlsx` and File › Export Journey as Excel Workbook….
Text stays text (no formula, no apostrophe, no number or date made of it), counts and scores are numbers, headers
and sheet names are in the journey's language, the header row is frozen with an autofilter; read back by openpyxl
and opened by LibreOffice Calc itself."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cjmapper import card_fields
from cjmapper.interchange.workbook import WORDS, write_workbook
from cjmapper.model import CardStatus, Journey, Language, MatrixLabels, Persona, Rating
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent

TRICKY = ["=1+1", "-20% korting", "+31 6 12345678", "0612345678", "007", "1/2", "3,5", "één 😀 <b>R&D</b>", "@sum"]
"""Titles a spreadsheet would turn into a formula, a number or a date if it guessed."""


def run_cli(*argv: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *argv], capture_output=True, check=False, timeout=120, cwd=ROOT, env=env
    )


def tricky_journey(language: str = "nl") -> Journey:
    journey = load_example(language)
    cards = journey.ordered_touchpoints()
    for card, title in zip(cards, TRICKY, strict=False):
        card.title = title
    cards[0].owner = "0031201234567"
    cards[0].notes = "regel 1\nregel 2"
    cards[0].score, cards[0].votes, cards[0].status = 2, 7, CardStatus.IN_PROGRESS
    return journey


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "book.cjm"
    with Library.open(path) as lib:
        lib.create_journey(tricky_journey())
    return path


def sheet_rows(path: Path, index: int = 0) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    return [tuple(c.value for c in row) for row in book.worksheets[index].iter_rows()]


def test_every_card_column_has_a_header_in_each_language() -> None:
    assert {field.name for field in card_fields.in_workbook_order()} == set(card_fields.NAMES)
    for field in card_fields.FIELDS:
        assert field.name in WORDS, field.name
        assert set(WORDS[field.name]) == set(Language)


def test_the_workbook_keeps_text_as_text_and_numbers_as_numbers(library: Path, tmp_path: Path) -> None:
    target = tmp_path / "kaart.xlsx"
    result = run_cli("--library", str(library), "export", "1", "-o", str(target))
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Kaarten", "Fasen en rijen", "Persona's", "Klantreis"]
    cards = book["Kaarten"]
    header = [c.value for c in cards[1]]
    assert header[:6] == ["Fase", "Rij", "Volgorde", "Titel", "Kanaal", "Score"]
    assert "Stemmen" in header
    assert "Notities" in header
    assert "Eigenaar" in header
    assert cards.freeze_panes == "A2"
    assert cards.auto_filter.ref == f"A1:{cards.cell(1, len(header)).column_letter}{cards.max_row}"
    title_column = header.index("Titel") + 1
    titles = [cards.cell(row, title_column) for row in range(2, cards.max_row + 1)]
    for text in TRICKY:
        cell = next(c for c in titles if c.value == text)
        assert cell.data_type == "s", text  # text, never a formula ("f") or a number ("n")
    first = 2
    assert cards.cell(first, header.index("Score") + 1).value == 2
    assert cards.cell(first, header.index("Score") + 1).data_type == "n"
    assert cards.cell(first, header.index("Stemmen") + 1).value == 7
    assert cards.cell(first, header.index("Volgorde") + 1).value == 1
    assert cards.cell(first, header.index("Eigenaar") + 1).value == "0031201234567"
    assert cards.cell(first, header.index("Notities") + 1).value == "regel 1\nregel 2"
    assert cards.cell(first, header.index("Status") + 1).value == "in-progress"
    assert cards.column_dimensions["D"].width is not None
    assert 8 <= cards.column_dimensions["D"].width <= 60
    structure = sheet_rows(target, 1)
    assert structure[0] == ("Onderdeel", "Volgorde", "Naam", "Beschrijving", "Soort", "Kleur")
    journey = load_example("nl")
    assert [row[2] for row in structure[1:]] == [p.name for p in journey.phases] + [lane.name for lane in journey.lanes]
    about = {row[0]: row[1] for row in sheet_rows(target, 3)[1:]}
    assert about["Titel"] == journey.title
    assert about["Taal"] == "nl"


def test_libreoffice_calc_shows_every_cell_as_written(library: Path, tmp_path: Path) -> None:
    """Calc itself opens the workbook and writes what its cells hold: no formula ran, no leading zero was lost, no
    date or number was made of text."""
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice (soffice) is needed for this test (scripts/test installs it)"
    target = tmp_path / "kaart.xlsx"
    assert run_cli("--library", str(library), "export", "1", "-o", str(target)).returncode == 0
    out = tmp_path / "calc"
    converted = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(target)],
        capture_output=True, text=True, check=False, timeout=180,
    )  # fmt: skip
    assert converted.returncode == 0, converted.stderr
    text = (out / "kaart.csv").read_text(encoding="utf-8")
    for title in TRICKY:
        expected = '"' + title + '"' if "," in title else title
        assert expected in text.splitlines()[1:] or any(expected in line for line in text.splitlines()), title
    assert "0031201234567" in text
    assert ",2," in text.splitlines()[1]  # the score, a number
    assert "'=" not in text
    assert "'+" not in text
    assert "Kanaal" in text.splitlines()[0]


def test_a_journey_with_personas_has_a_score_column_each_and_a_persona_sheet(tmp_path: Path) -> None:
    journey = load_example("en")
    journey.personas = [Persona("Linda", "Owner of a bakery", "More orders", "Slow replies"), Persona("Ahmed")]
    card = journey.ordered_touchpoints()[0]
    card.score = 4
    journey.personas[1].id = 99
    card.ratings = {99: Rating(2, 5)}
    target = tmp_path / "p.xlsx"
    target.write_bytes(write_workbook(journey))
    rows = sheet_rows(target)
    header = list(rows[0])
    assert "Score (Linda)" in header
    assert "Score (Ahmed)" in header
    assert "Target (Ahmed)" in header
    assert rows[1][header.index("Score (Linda)")] == 4
    assert rows[1][header.index("Score (Ahmed)")] == 2
    assert rows[1][header.index("Target (Ahmed)")] == 5
    personas = sheet_rows(target, 2)
    assert personas[1][:5] == (1, "Linda", "Owner of a bakery", "More orders", "Slow replies")


def test_the_workbook_goes_to_standard_output_only_when_it_is_no_terminal(library: Path) -> None:
    result = run_cli("--library", str(library), "export", "1", "-o", "-", "--format", "xlsx")
    assert result.returncode == 0, result.stderr
    assert result.stdout[:4] == b"PK\x03\x04"


# ---------------------------------------------------------------------- the editor


@pytest.fixture
def window(qtbot: QtBot, library: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, library)
    yield opened
    opened.close()
    opened.library.close()


def test_file_export_journey_as_excel_workbook(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "uit het menu.xlsx"
    filters: list[str] = []

    def answer(_parent: object, _title: str, _directory: str = "", filter_: str = "", *_: object) -> tuple[str, str]:
        filters.append(filter_)
        return str(target), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    action = window.exports.journey_actions["xlsx"]
    assert "Excel" in action.text().replace("&", "")
    action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert "*.xlsx" in filters[0]
    assert openpyxl.load_workbook(target).sheetnames[0] == "Kaarten"


# ---------------------------------------------------------------------- reading it back


def rich_journey() -> Journey:
    journey = tricky_journey("nl")
    journey.personas = [
        Persona("Linda", "Eigenaar", "Meer bestellingen", "Trage antwoorden", "#cc79a7"),
        Persona("Ahmed"),
    ]
    journey.personas[1].id = 99
    cards = journey.ordered_touchpoints()
    cards[1].ratings = {99: Rating(2, 5)}
    cards[1].target = 4
    cards[2].color = "#ffcc00"
    cards[3].status = CardStatus.DONE
    cards[4].impact, cards[4].effort = 80, 20
    journey.matrix = MatrixLabels(quick_wins="Meteen doen", effort="Kosten")
    return journey


def test_a_workbook_read_back_is_the_same_journey(tmp_path: Path) -> None:
    from cjmapper.interchange import read_journey, write_journey
    from cjmapper.interchange.workbook_reader import read_workbook, read_workbook_file

    journey = read_journey(write_journey(rich_journey()))  # as a journey file holds it
    data = write_workbook(journey)
    again = read_workbook(data, "kaart.xlsx")
    assert again is not None
    assert write_journey(again) == write_journey(journey)
    (tmp_path / "kaart.xlsx").write_bytes(data)
    from_file = read_workbook_file(tmp_path / "kaart.xlsx")
    assert from_file is not None
    assert write_journey(from_file) == write_journey(journey)


def test_a_workbook_edited_in_a_spreadsheet_still_reads_and_its_problems_name_their_row(tmp_path: Path) -> None:
    from cjmapper.errors import InterchangeError
    from cjmapper.interchange.workbook_reader import read_workbook_file

    path = tmp_path / "bewerkt.xlsx"
    path.write_bytes(write_workbook(load_example("nl")))
    book = openpyxl.load_workbook(path)
    cards = book.worksheets[0]
    header = [c.value for c in cards[1]]
    cards.cell(3, header.index("Score") + 1).value = "4"  # typed as text in Excel
    cards.cell(2, header.index("Titel") + 1).value = "Nieuwe titel"
    cards.move_range(f"A{cards.max_row}:Z{cards.max_row}", rows=2)  # an empty row left in between
    book.save(path)
    journey = read_workbook_file(path)
    assert journey is not None
    assert journey.ordered_touchpoints()[0].title == "Nieuwe titel"
    assert len(journey.touchpoints) == len(load_example("nl").touchpoints)
    cards.cell(4, header.index("Score") + 1).value = 9
    book.save(path)
    with pytest.raises(InterchangeError) as refused:
        read_workbook_file(path)
    assert any(problem.startswith("Kaarten, row 4: scores[0]") for problem in refused.value.problems), refused.value


def test_another_workbook_is_no_journey_and_a_broken_one_is_refused_in_one_line(tmp_path: Path) -> None:
    from cjmapper.errors import InterchangeError
    from cjmapper.interchange.workbook_reader import read_workbook, read_workbook_file

    other = openpyxl.Workbook()
    sheet = other.active
    assert sheet is not None
    sheet.append(["fase", "titel"])
    sheet.append(["Oriëntatie", "Een kaart"])
    path = tmp_path / "notities.xlsx"
    other.save(path)
    assert read_workbook_file(path) is None
    with pytest.raises(InterchangeError, match="not a readable XLSX workbook"):
        read_workbook(b"PK\x03\x04 not really a zip", "kapot.xlsx")


def test_cjmapper_import_reads_its_own_workbook_back_whole_and_its_cards_into_a_journey(
    library: Path, tmp_path: Path
) -> None:
    from cjmapper.interchange import write_journey

    book = tmp_path / "kaart.xlsx"
    assert run_cli("--library", str(library), "export", "1", "-o", str(book)).returncode == 0
    other = tmp_path / "other.cjm"
    imported = run_cli("--library", str(other), "import", str(book))
    assert imported.returncode == 0, imported.stderr
    journey_id = int(imported.stdout.split()[0])
    with Library.open(library) as lib, Library.open(other) as copy:
        original, again = lib.load_journey(1), copy.load_journey(journey_id)
    assert write_journey(again) == write_journey(original)  # the whole journey, as it was
    # With a sheet's option, the workbook is a sheet of cards: its rows go into the journey named.
    into = run_cli("--library", str(other), "import", str(book), "--into", str(journey_id), "--dry-run")
    assert into.returncode == 0, into.stderr
    lines = into.stdout.decode().splitlines()
    assert lines[0] == str(journey_id)
    count = len(original.touchpoints)
    assert lines[1] == f"{count} rows: {count} cards added, 0 problems"


def test_the_import_table_opens_a_workbook_and_refuses_a_foreign_one_in_one_message(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cjmapper.interchange import write_journey
    from cjmapper.interchange.import_files import read_import_file

    book = tmp_path / "kaart.xlsx"
    assert window.document is not None
    book.write_bytes(write_workbook(window.document.journey))
    journey = read_import_file(book)
    assert write_journey(journey) == write_journey(window.document.journey)
    foreign = tmp_path / "notities.xlsx"
    sheet_book = openpyxl.Workbook()
    sheet = sheet_book.active
    assert sheet is not None
    sheet.append(["fase", "titel"])
    sheet_book.save(foreign)
    from cjmapper.errors import InterchangeError

    with pytest.raises(InterchangeError, match="holds no cjmapper journey; import its rows as cards"):
        read_import_file(foreign)
