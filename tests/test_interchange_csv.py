"""The CSV export of a journey's touchpoints; of a journey as a library (a file and a team library) holds it."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from cjmapper.interchange import write_csv, write_csv_file
from cjmapper.model import CardStatus, Journey, Lane, LaneKind, Persona, Phase, Rating, Touchpoint
from cjmapper.store import Library

DONE = CardStatus.DONE
HEADER = "phase,lane,order,title,channel,score,expectation,owner,votes,notes,status,impact,effort"


def journey(*touchpoints: Touchpoint) -> Journey:
    return Journey(
        id=1,
        title="Reis",
        phases=[Phase(8, "Oriëntatie"), Phase(2, "Aankoop, online")],
        lanes=[Lane(5, "Touchpoints"), Lane(4, "Emoties", LaneKind.EMOTIONS), Lane(3, "Pijnpunten")],
        touchpoints=list(touchpoints),
    )


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_a_journey_with_several_personas_has_a_score_column_per_persona() -> None:
    """Linda's scores are the cards' own, Ahmed's and Sanne's in their ratings: a column each, in the personas'
    order, named by the persona; one persona (or none) keeps the one `score` column."""
    several = journey(
        Touchpoint(1, 8, 5, 0, "Offerte", score=2, ratings={12: Rating(5, 4)}),
        Touchpoint(2, 8, 5, 1, "Bellen", ratings={13: Rating(3)}),
    )
    several.personas = [Persona("Linda", id=11), Persona(" Ahmed  B. ", id=12), Persona("Sanne", id=13)]
    header, first, second = rows(write_csv(several))
    assert header == [
        *["phase", "lane", "order", "title", "channel"],
        "score (Linda)",
        "score (Ahmed B.)",
        "score (Sanne)",
        *["expectation", "owner", "votes", "notes", "status", "impact", "effort"],
    ]
    assert first[5:8] == ["2", "5", ""]
    assert second[5:8] == ["", "", "3"]
    several.personas = several.personas[:1]
    assert rows(write_csv(several))[0] == HEADER.split(",")


def test_header_is_exact_and_an_empty_journey_has_only_the_header() -> None:
    assert write_csv(journey()) == HEADER + "\r\n"


def test_every_record_ends_with_crlf() -> None:
    text = write_csv(journey(Touchpoint(1, 8, 5, 0, "A"), Touchpoint(2, 2, 3, 0, "B")))
    assert text.count("\r\n") == 3
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_rows_are_in_canonical_order_with_1_based_order_in_cell() -> None:
    text = write_csv(
        journey(
            Touchpoint(1, 2, 5, 0, "later phase"),
            Touchpoint(2, 8, 3, 4, "other lane"),
            Touchpoint(3, 8, 5, 9, "second in cell"),
            Touchpoint(4, 8, 5, 2, "first in cell"),
        )
    )
    assert [(r[0], r[1], r[2], r[3]) for r in rows(text)[1:]] == [
        ("Oriëntatie", "Touchpoints", "1", "first in cell"),
        ("Oriëntatie", "Touchpoints", "2", "second in cell"),
        ("Oriëntatie", "Pijnpunten", "1", "other lane"),
        ("Aankoop, online", "Touchpoints", "1", "later phase"),
    ]


def test_all_columns_with_empty_score_and_channels_as_stored() -> None:
    text = write_csv(
        journey(
            Touchpoint(
                1, 8, 5, 0, "Advertentie", "n", "social-media", 4, "snel", "Marketing", votes=3, status=DONE, impact=80
            ),
            Touchpoint(2, 8, 5, 1, "Toonbank", channel="Kassa bij de bakker"),
            Touchpoint(3, 8, 5, 2, "Niets"),
        )
    )
    assert rows(text)[1:] == [
        [
            *["Oriëntatie", "Touchpoints", "1", "Advertentie", "social-media", "4", "snel", "Marketing", "3", "n"],
            *["done", "80", ""],
        ],
        ["Oriëntatie", "Touchpoints", "2", "Toonbank", "Kassa bij de bakker", "", "", "", "0", "", "", "", ""],
        ["Oriëntatie", "Touchpoints", "3", "Niets", "", "", "", "", "0", "", "", "", ""],
    ]
    assert text.splitlines()[3] == "Oriëntatie,Touchpoints,3,Niets,,,,,0,,,,"


def test_commas_quotes_and_newlines_are_quoted() -> None:
    card = Touchpoint(1, 2, 5, 0, 'Zegt "hoi", zwaait', notes="regel 1\nregel 2\r\nregel 3", owner="R&D")
    text = write_csv(journey(card))
    assert text.splitlines(keepends=True)[0] == HEADER + "\r\n"
    assert (
        '"Aankoop, online",Touchpoints,1,"Zegt ""hoi"", zwaait",,,,R&D,0,"regel 1\nregel 2\r\nregel 3",,,\r\n' in text
    )
    assert rows(text)[1][3] == 'Zegt "hoi", zwaait'
    assert rows(text)[1][9] == "regel 1\nregel 2\r\nregel 3"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_injection_guard(start: str) -> None:
    dangerous = f'{start}HYPERLINK("http://x")'
    card = Touchpoint(1, 8, 5, 0, dangerous, notes=dangerous, channel=dangerous, expectation=dangerous)
    owned = Journey(
        1,
        "Reis",
        phases=[Phase(8, dangerous)],
        lanes=[Lane(5, dangerous)],
        touchpoints=[card, Touchpoint(2, 8, 5, 1, "x", owner=dangerous)],
    )
    first, second = rows(write_csv(owned))[1:]
    guarded = "'" + dangerous
    assert first == [guarded, guarded, "1", guarded, guarded, "", guarded, "", "0", guarded, "", "", ""]
    assert second[7] == guarded


def test_harmless_text_is_not_guarded() -> None:
    card = Touchpoint(1, 8, 5, 0, "a=b", notes=" =not first", owner="'quoted'", expectation="1+1")
    row = rows(write_csv(journey(card)))[1]
    assert (row[3], row[9], row[7], row[6]) == ("a=b", " =not first", "'quoted'", "1+1")


def test_file_is_utf8_with_a_bom_and_the_text_has_none(tmp_path: Path) -> None:
    card = Touchpoint(1, 8, 5, 0, "Één café", notes="ë ï ü ✓")
    text = write_csv(journey(card))
    assert not text.startswith("\ufeff")
    path = tmp_path / "reis.csv"
    write_csv_file(journey(card), path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode("ascii") + b"\r\n")
    assert data == b"\xef\xbb\xbf" + text.encode("utf-8")
    assert data.decode("utf-8-sig") == text
    assert os.listdir(tmp_path) == ["reis.csv"]


def test_write_csv_file_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "reis.csv"
    path.write_bytes(b"old content that is longer than the new one" * 10)
    write_csv_file(journey(), path)
    assert path.read_bytes() == b"\xef\xbb\xbf" + (HEADER + "\r\n").encode("ascii")


def test_a_touchpoint_outside_the_journey_is_refused() -> None:
    with pytest.raises(ValueError, match="touchpoint 1 is in phase 8, lane 99"):
        write_csv(journey(Touchpoint(1, 8, 99, 0, "weg")))


@pytest.mark.both_backends
def test_a_journey_from_a_library_exports_the_same_rows_in_the_same_order(library: Library) -> None:
    """The library's sort keys and ids are its own; the rows, their order and every field are the journey's."""
    source = journey(
        Touchpoint(1, 2, 5, 0, "Later phase", owner="Web"),
        Touchpoint(2, 8, 5, 9, "Second in cell", 'Zegt "hoi",\nzwaait', "Kassa bij de bakker", 2, votes=7),
        Touchpoint(3, 8, 5, 2, "=First in cell", channel="social-media", score=5, expectation="Één café ✓"),
        Touchpoint(4, 8, 3, 4, "Pijn", notes="regel 1\r\nregel 2"),
    )
    expected = write_csv(source)
    journey_id = library.create_journey(source)
    assert write_csv(library.load_journey(journey_id)) == expected
    stored = library.load_journey(journey_id)
    first = next(t for t in stored.touchpoints if t.title == "=First in cell")
    library.move_touchpoints([first.id], first.phase_id, first.lane_id, None)  # to the end of its cell
    moved = library.load_journey(journey_id)
    assert [r[3] for r in rows(write_csv(moved))[1:]] == ["Second in cell", "'=First in cell", "Pijn", "Later phase"]
    with Library.open(library.location) as reopened:
        assert write_csv(reopened.load_journey(journey_id)) == write_csv(moved)
