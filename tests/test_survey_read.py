"""Reading survey exports: Dutch and English CSV (separators, decimal commas, BOM, Windows-1252, quotes), XLSX made
by openpyxl, and untrusted files refused in one line."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cjmapper.messages import use_language
from cjmapper.survey import read
from cjmapper.survey.match import Status, preview
from cjmapper.survey.read import SurveyFileError, read_survey_file
from tests.survey_helpers import survey_journey, write


@pytest.mark.parametrize(
    ("separator", "encoding", "bom"),
    [(";", "utf-8", True), (";", "utf-8", False), (";", "cp1252", False), (",", "utf-8", False), ("\t", "utf-8", True)],
)
def test_a_dutch_export_reads_in_every_variant(tmp_path: Path, separator: str, encoding: str, bom: bool) -> None:
    value = "4,0" if separator != "," else '"4,0"'
    text = separator.join(["Contactmoment", "Fase", "Meting", "Waarde", "Persona", "Datum"]) + "\n"
    text += separator.join(["Café-gesprek", "", "klanttevredenheid", value, "Sanne", "31-03-2026"]) + "\n"
    text += separator.join(["", "Offerte", "NPS", "9", "", ""]) + "\n"
    table = read_survey_file(write(tmp_path / "enquete.csv", text, encoding, bom))
    assert table.headers == ("Contactmoment", "Fase", "Meting", "Waarde", "Persona", "Datum")
    assert table.rows[0] == (2, ("Café-gesprek", "", "klanttevredenheid", "4,0", "Sanne", "31-03-2026"))
    result = preview(table, survey_journey())
    assert [r.status for r in result.rows] == [Status.VALID, Status.VALID]
    first = result.rows[0].response
    assert first is not None
    assert (first.touchpoint_id, first.value, first.answered_on, first.persona) == (3, 4, "2026-03-31", "Sanne")


def test_quoted_fields_keep_their_separators_and_quotes(tmp_path: Path) -> None:
    text = 'touchpoint;metric;value\n"Offerte; ontvangen ""snel""";csat;5\n'
    table = read_survey_file(write(tmp_path / "q.csv", text))
    assert table.rows[0][1][0] == 'Offerte; ontvangen "snel"'


def test_an_xlsx_made_by_openpyxl_reads_its_values_and_never_its_formulas(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Contactmoment", "Meting", "Waarde", "Datum"])
    sheet.append(["Website bekijken", "CES", 6, dt.datetime(2026, 3, 31, 9, 30)])
    sheet.append(["Offerte ontvangen", "csat", 4.0, None])
    sheet.append(["Nazorg", "csat", "=1+4", None])  # a formula without a cached value: read as empty, never run
    path = tmp_path / "enquete.xlsx"
    book.save(path)
    table = read_survey_file(path)
    assert table.headers == ("Contactmoment", "Meting", "Waarde", "Datum")
    assert [cells for _, cells in table.rows][:2] == [
        ("Website bekijken", "CES", "6", "2026-03-31"),
        ("Offerte ontvangen", "csat", "4"),  # trailing empty cells dropped
    ]
    result = preview(table, survey_journey())
    assert [r.status for r in result.rows] == [Status.VALID, Status.VALID, Status.INVALID]
    assert result.rows[2].reason == "no value"


def test_a_file_renamed_xlsx_that_is_csv_is_read_as_csv(tmp_path: Path) -> None:
    table = read_survey_file(write(tmp_path / "x.xlsx", "fase,meting,waarde\nOfferte,csat,4\n"))
    assert table.rows == ((2, ("Offerte", "csat", "4")),)


def test_untrusted_files_are_refused_in_one_dutch_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    previous = use_language("nl")
    try:
        with pytest.raises(SurveyFileError, match="is leeg: het heeft geen kopregel"):
            read_survey_file(write(tmp_path / "leeg.csv", "\n\n"))
        (tmp_path / "b.csv").write_bytes(b"\0" * 9)
        with pytest.raises(SurveyFileError, match="binaire gegevens"):
            read_survey_file(tmp_path / "b.csv")
        monkeypatch.setattr(read, "MAX_ROWS", 3)
        with pytest.raises(SurveyFileError, match="meer dan 3 rijen"):
            read_survey_file(write(tmp_path / "lang.csv", "fase;meting;waarde\n" + "Offerte;csat;4\n" * 4))
        monkeypatch.setattr(read, "MAX_FILE_BYTES", 10)
        with pytest.raises(SurveyFileError, match="te groot"):
            read_survey_file(write(tmp_path / "groot.csv", "fase;meting;waarde\n"))
        monkeypatch.setattr(read, "MAX_FILE_BYTES", 2**26)
        bomb = tmp_path / "bom.xlsx"
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/big.xml", b"\0" * (read.MAX_UNPACKED_BYTES + 1))
        with pytest.raises(SurveyFileError, match="pakt uit tot meer dan"):
            read_survey_file(bomb)
        broken = tmp_path / "kapot.xlsx"
        broken.write_bytes(b"PK\x03\x04" + b"junk" * 50)
        with pytest.raises(SurveyFileError, match="geen leesbaar XLSX-bestand"):
            read_survey_file(broken)
        with pytest.raises(SurveyFileError, match="tekens"):
            read_survey_file(write(tmp_path / "cel.csv", "fase;meting;waarde\n" + "x" * 1001 + ";csat;4\n"))
    finally:
        use_language(previous)


@pytest.mark.parametrize(("lang", "shown"), [("nl", "4,5"), ("en", "4.5")])
def test_an_xlsx_decimal_is_named_as_the_user_writes_it(tmp_path: Path, lang: str, shown: str) -> None:
    """An answer of 4.5 in an Excel cell is refused naming it as the user's spreadsheet shows it."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Contactmoment", "Meting", "Waarde"])
    sheet.append(["Website bekijken", "csat", 4.5])
    path = tmp_path / "enquete.xlsx"
    book.save(path)
    previous = use_language(lang)
    try:
        [row] = preview(read_survey_file(path), survey_journey()).rows
    finally:
        use_language(previous)
    assert row.status is Status.INVALID
    assert row.reason.endswith(shown)
