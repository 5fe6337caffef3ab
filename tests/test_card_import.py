"""Cards from a spreadsheet, in the core: a Dutch Excel CSV in every encoding, an XLSX (formulas never run), headers
in English, Dutch and the CSV export's, `--map`, values through the card fields' rules, phases and lanes matched by
name and created when missing, every row's outcome, and files too large refused in one line. Then the library
applies a plan in one transaction and takes it back, on a file and a team library."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cjmapper.card_import import sheet
from cjmapper.card_import.plan import ImportPlan, PlannedCard
from cjmapper.card_import.sheet import Field, columns, parse_mapping, preview, read_card_sheet
from cjmapper.editing import ChangeKind, JourneySnapshot, Touches
from cjmapper.editing.card_import_commands import import_cards_command
from cjmapper.errors import EditError, StaleEditError
from cjmapper.messages import use_language
from cjmapper.model import CardStatus
from cjmapper.sheet_read import SheetFileError
from cjmapper.store import Library
from cjmapper.templates import load_template
from tests.card_import_helpers import DUTCH_HEADER, DUTCH_ROWS, card_contents, write_csv, write_xlsx


@pytest.mark.parametrize(("encoding", "bom"), [("cp1252", False), ("utf-8", True), ("utf-8", False)])
def test_a_dutch_excel_csv_previews_every_row(tmp_path: Path, encoding: str, bom: bool) -> None:
    table = read_card_sheet(write_csv(tmp_path / "muur.csv", DUTCH_HEADER, DUTCH_ROWS, encoding, bom))
    journey = load_template("five-phase", "nl")
    result = preview(table, journey, columns(table.headers, {}))
    assert result.problems == ()
    assert (result.new_phases, result.new_lanes) == ((), ())
    ids = {p.name: p.id for p in journey.phases} | {lane.name: lane.id for lane in journey.lanes}
    first, second, third, fourth = result.cards
    assert first == PlannedCard(
        ids["Bewustwording"],
        ids["Contactmomenten"],
        "Advertentie op Instagram",
        {"channel": "social-media", "notes": "Veel likes", "owner": "Eva", "score": 4, "votes": 3, "status": None},
    )
    assert second.fields["status"] is CardStatus.OPEN
    assert (third.lane, third.fields["notes"], third.fields["status"]) == (
        ids["Knelpunten"],
        "Café-klanten haken af",
        CardStatus.IN_PROGRESS,
    )
    assert (fourth.lane, fourth.fields["score"], fourth.fields["status"]) == (ids["Kansen"], None, CardStatus.DONE)


def test_problem_rows_say_why_with_their_row_number_in_dutch(tmp_path: Path) -> None:
    rows = [
        ["Aankoop", "", "Goed", "", "4", "", "", "", ""],
        ["Aankoop", "", "", "", "", "", "", "", ""],
        ["", "", "Geen fase", "", "", "", "", "", ""],
        ["Aankoop", "", "Halve score", "", "4,5", "", "", "", ""],
        ["Aankoop", "", "Veel stemmen", "", "", "", "", "veel", ""],
        ["Aankoop", "", "Rare status", "", "", "", "", "", "misschien"],
        ["Aankoop", "Klantbeleving", "In de curve", "", "", "", "", "", ""],
        ["Aankoop", "", "x" * 201, "", "", "", "", "", ""],
    ]
    table = read_card_sheet(write_csv(tmp_path / "fout.csv", DUTCH_HEADER, rows))
    previous = use_language("nl")
    try:
        result = preview(table, load_template("five-phase", "nl"), columns(table.headers, {}))
    finally:
        use_language(previous)
    assert next((r.row, r.card is not None) for r in result.rows) == (2, True)
    assert [(r.row, r.problem) for r in result.problems] == [
        (3, "Het veld ‘titel van de kaart’ mag niet leeg zijn."),
        (4, "Er is geen fase ingevuld."),
        (5, "Een score is 1 tot en met 5, of geen; '4,5' is dat niet."),
        (6, "Stemmen zijn een geheel getal van 0 tot en met 1.000.000; 'veel' is dat niet."),
        (7, "'misschien' is geen status; gebruik een van open, in-progress, done, of geen."),
        (8, "“Klantbeleving” is de belevingsrij (emoties), die geen kaarten bevat."),
        (9, "Het veld ‘titel van de kaart’ is 201 tekens lang; er passen er hoogstens 200 in."),
    ]


def test_missing_phases_and_lanes_are_created_or_are_problems(tmp_path: Path) -> None:
    rows = [["Nazorg", "Wensen", "Bellen"], ["NAZÖRG", "wensen", "Mailen"], ["Aankoop", "", "Betalen"]]
    table = read_card_sheet(write_csv(tmp_path / "nieuw.csv", ["fase", "rij", "titel"], rows))
    journey = load_template("five-phase", "nl")
    where = columns(table.headers, {})
    created = preview(table, journey, where)
    assert (created.new_phases, created.new_lanes) == (("Nazorg",), ("Wensen",))
    assert [(c.phase, c.lane) for c in created.cards[:2]] == [("Nazorg", "Wensen")] * 2  # case and accents left out
    assert created.cards[2].lane == journey.lanes[0].id  # no lane named: the first lane for cards
    assert created.plan().new_phases == ("Nazorg",)
    refused = preview(table, journey, where, create_missing=False)
    assert [r.problem for r in refused.problems] == [
        "The journey has no phase “Nazorg”.",
        "The journey has no phase “NAZÖRG”.",
    ]


def test_headers_of_the_csv_export_english_and_mapped_columns() -> None:
    export = ("phase", "lane", "order", "title", "channel", "score", "expectation", "owner", "votes", "notes", "status")
    assert columns(export, {}) == {
        Field.PHASE: 0,
        Field.LANE: 1,
        Field.TITLE: 3,
        Field.CHANNEL: 4,
        Field.SCORE: 5,
        Field.EXPECTATION: 6,
        Field.OWNER: 7,
        Field.VOTES: 8,
        Field.NOTES: 9,
        Field.STATUS: 10,
    }
    assert columns(("Stap", "Wat", "Kanaal", "score (Linda)"), parse_mapping(["Stap=fase", "Wat=title"])) == {
        Field.PHASE: 0,
        Field.TITLE: 1,
        Field.CHANNEL: 2,
        Field.SCORE: 3,
    }
    with pytest.raises(SheetFileError, match="No column for phase, title"):
        columns(("Stap", "Wat"), {})
    with pytest.raises(SheetFileError, match="is not COLUMN=FIELD"):
        parse_mapping(["Stap=kleur"])
    with pytest.raises(SheetFileError, match="has no column “Vraag”"):
        columns(("fase", "titel"), parse_mapping(["Vraag=notes"]))


def test_an_xlsx_reads_its_values_and_never_runs_a_formula(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "muur.xlsx",
        ["Fase", "Titel", "Score", "Stemmen", "Notities"],
        [
            ["Aankoop", "Betalen", 4.0, 3, '=HYPERLINK("http://example.com")'],
            ["Aankoop", '=CONCAT("a";"b")', 2, 1, None],
        ],
    )
    table = read_card_sheet(path)
    result = preview(table, load_template("five-phase", "nl"), columns(table.headers, {}))
    first = result.rows[0].card
    assert first is not None
    assert (first.title, first.fields["score"], first.fields["votes"], first.fields["notes"]) == ("Betalen", 4, 3, "")
    assert [r.problem for r in result.problems] == ["The touchpoint title cannot be empty."]  # no cached value


def test_a_huge_file_is_refused_in_one_line_quickly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = tmp_path / "rijen.csv"
    rows.write_bytes(b"fase;titel\r\n" + b"Aankoop;Kaart\r\n" * 1_000_000)  # 16 MB of a million rows
    started = time.perf_counter()
    with pytest.raises(SheetFileError) as refused:
        read_card_sheet(rows)
    assert time.perf_counter() - started < 5
    assert str(refused.value) == "rijen.csv has more than 10,000 rows; split it into smaller files."
    big = tmp_path / "groot.csv"
    with big.open("wb") as out:
        out.truncate(50 * 2**20)
    with pytest.raises(SheetFileError, match=r"^groot.csv is too large for a sheet of cards \(50 MB; at most 16 MB\)"):
        read_card_sheet(big)
    monkeypatch.setattr(sheet, "MAX_COLUMNS", 2)
    with pytest.raises(SheetFileError, match="more than 2 columns in row 1; is it a sheet of cards"):
        read_card_sheet(write_csv(tmp_path / "breed.csv", DUTCH_HEADER, DUTCH_ROWS))


@pytest.mark.both_backends
def test_a_plan_is_applied_in_one_transaction_and_taken_back(library: Library, tmp_path: Path) -> None:
    journey_id = library.create_journey(load_template("five-phase", "nl"))
    before = library.load_journey(journey_id)
    table = read_card_sheet(
        write_csv(tmp_path / "muur.csv", DUTCH_HEADER, [*DUTCH_ROWS, ["Nazorg", "Wensen", "Bellen"]])
    )
    plan = preview(table, before, columns(table.headers, {})).plan()
    assert (plan.new_phases, plan.new_lanes) == (("Nazorg",), ("Wensen",))
    done = library.import_cards(journey_id, plan, expected_revision=before.revision)
    after = library.load_journey(journey_id)
    assert after.revision == before.revision + 1
    assert [p.name for p in after.phases][-1] == "Nazorg"
    assert after.lanes[-1].name == "Wensen"
    assert [c[2] for c in card_contents(after)] == [
        "Advertentie op Instagram",
        "Prijzen vergelijken",
        "Verzendkosten pas aan het eind",
        "Bezorgmoment kiezen",
        "Bellen",
    ]
    with pytest.raises(StaleEditError):
        library.remove_card_import(done, expected_revision=before.revision)
    library.remove_card_import(done, expected_revision=after.revision)
    undone = library.load_journey(journey_id)
    assert (undone.phases, undone.lanes, undone.touchpoints) == (before.phases, before.lanes, [])
    bad = ImportPlan(
        ("Nieuw",), (), (*plan.cards[:1], PlannedCard("Nieuw", plan.cards[0].lane, "Te veel", {"votes": -1}))
    )
    with pytest.raises(EditError):
        library.import_cards(journey_id, bad)
    assert library.load_journey(journey_id).phases == before.phases  # all or nothing


@pytest.mark.both_backends
def test_the_editor_s_import_is_one_step_that_undo_takes_back_whole(library: Library, tmp_path: Path) -> None:
    """The editor's command applies the plan, undo takes back the cards and the phase and lane it made, redo puts
    them again; a teammate's edit in between is never overwritten (the step is refused, stale)."""
    journey_id = library.create_journey(load_template("five-phase", "nl"))
    snapshot = JourneySnapshot(library, journey_id)
    before = snapshot.journey
    rows = [*DUTCH_ROWS, ["Nazorg", "Wensen", "Bellen"]]
    table = read_card_sheet(write_csv(tmp_path / "muur.csv", DUTCH_HEADER, rows))
    plan = preview(table, before, columns(table.headers, {})).plan()
    command = import_cards_command(snapshot, plan)
    assert command.TOUCHES == Touches.CARDS | Touches.STRUCTURE
    change = command.execute()
    assert change.kind is ChangeKind.STRUCTURE
    assert command.label.text() == "Import 5 cards"
    assert card_contents(snapshot.journey) == card_contents(library.load_journey(journey_id))
    assert len(change.added) == 5
    command.backward()
    assert (snapshot.journey.phases, snapshot.journey.lanes, snapshot.journey.touchpoints) == (
        before.phases,
        before.lanes,
        [],
    )
    command.forward()
    assert len(library.load_journey(journey_id).touchpoints) == 5
    with Library.open(library.location) as teammate:
        teammate.update_journey(journey_id, title="Bakkerij")
    with pytest.raises(StaleEditError):
        command.backward()
    assert len(library.load_journey(journey_id).touchpoints) == 5
    cards_only = import_cards_command(JourneySnapshot(library, journey_id), ImportPlan((), (), plan.cards[:1]))
    assert cards_only.TOUCHES == Touches.CARDS
    assert cards_only.execute().kind is ChangeKind.CARDS


def test_a_google_sheets_csv_reads_with_commas_and_quoted_decimals(tmp_path: Path) -> None:
    """Google Sheets downloads UTF-8 without a BOM, commas between cells, and quotes a Dutch decimal."""
    text = 'Fase,Titel,Score,Stemmen,Notities\r\nAankoop,"Betalen, snel","4,0",2,"Regel 1\nRegel 2"\r\n'
    path = tmp_path / "Blad1.csv"
    path.write_bytes(text.encode("utf-8"))
    table = read_card_sheet(path)
    [row] = preview(table, load_template("five-phase", "nl"), columns(table.headers, {})).rows
    assert row.card is not None
    assert (row.card.title, row.card.fields) == ("Betalen, snel", {"score": 4, "votes": 2, "notes": "Regel 1\nRegel 2"})
