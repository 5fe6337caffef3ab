"""The poster PDF's document information and language speak the journey's language: a Dutch map is a Dutch PDF
(Subject and Keywords in Dutch, /Lang nl-NL in its catalog), an English one an English PDF (en-GB), on one sheet
and tiled, written by the poster code and by the command line; read back from the file with pypdf and poppler."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from cjmapper.cli import main
from cjmapper.model import Journey, Language, Touchpoint
from cjmapper.poster import A1, A3, A4, PosterOptions, render_poster
from cjmapper.store import Library
from cjmapper.templates import load_example


def info(path: Path) -> tuple[str | None, str | None, str | None, str | None]:
    """The PDF's title, subject, keywords and document language (/Lang in the catalog), as pypdf reads them."""
    reader = PdfReader(path)
    meta = reader.metadata
    assert meta is not None
    keywords = meta.get("/Keywords")
    lang = cast(DictionaryObject, reader.trailer["/Root"].get_object()).get("/Lang")
    return meta.title, meta.subject, None if keywords is None else str(keywords), None if lang is None else str(lang)


def poppler_info(path: Path) -> dict[str, str]:
    """pdfinfo's view of the same file (another reader than pypdf), field by field."""
    text = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True, timeout=60).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in text.splitlines())}


@pytest.mark.parametrize("tile", [None, A4], ids=["one sheet", "tiled"])
def test_a_dutch_poster_is_a_dutch_pdf(tmp_path: Path, tile: object) -> None:
    journey = load_example("nl")
    target = tmp_path / "poster.pdf"
    render_poster(journey, target, PosterOptions(paper=A1 if tile else A3, tile=tile))  # type: ignore[arg-type]
    title, subject, keywords, lang = info(target)
    assert title == "Klantreis webshop: Bakkerij De Korenbloem"
    assert subject == f"Klantreiskaart: 5 fasen, 6 rijen, {len(journey.touchpoints)} contactmomenten"
    assert keywords == "klantreiskaart, klantreis, customer journey map"
    assert lang == "nl-NL"
    assert poppler_info(target)["Subject"] == subject


def test_an_english_poster_is_an_english_pdf_and_counts_agree_in_number(tmp_path: Path) -> None:
    journey = load_example("en")
    one = replace(journey, phases=journey.phases[:1], touchpoints=[])
    target = tmp_path / "poster.pdf"
    render_poster(one, target, PosterOptions(paper=A3))
    _, subject, keywords, lang = info(target)
    assert subject == f"Customer journey map: 1 phase, {len(journey.lanes)} lanes, 0 touchpoints"
    assert keywords == "customer journey map"
    assert lang == "en-GB"
    dutch = replace(one, language=Language.NL, lanes=journey.lanes[:1])
    dutch.touchpoints = [Touchpoint(1, one.phases[0].id, journey.lanes[0].id, 0, "Eén kaart")]
    render_poster(dutch, target, PosterOptions(paper=A3))
    assert info(target)[1] == "Klantreiskaart: 1 fase, 1 rij, 1 contactmoment"


def test_thousands_are_written_as_the_language_writes_them(tmp_path: Path) -> None:
    journey: Journey = load_example("nl")
    lane = next(lane.id for lane in journey.lanes if lane.kind.value == "touchpoints")
    journey.touchpoints = [
        Touchpoint(i + 1, journey.phases[i % 5].id, lane, i // 5, f"Kaart {i + 1}") for i in range(1_200)
    ]
    target = tmp_path / "poster.pdf"
    render_poster(journey, target, PosterOptions(paper=A1))
    assert info(target)[1] == "Klantreiskaart: 5 fasen, 6 rijen, 1.200 contactmomenten"
    render_poster(replace(journey, language=Language.EN), target, PosterOptions(paper=A1))
    assert info(target)[1] == "Customer journey map: 5 phases, 6 lanes, 1,200 touchpoints"


def test_the_command_line_s_poster_of_a_dutch_journey_is_a_dutch_pdf(tmp_path: Path) -> None:
    library_path = tmp_path / "lib.cjm"
    with Library.open(library_path) as library:
        journey_id = library.create_journey(load_example("nl"))
    target = tmp_path / "poster.pdf"
    assert main(["--library", str(library_path), "export", str(journey_id), "-o", str(target), "--paper", "A3"]) == 0
    _, subject, _, lang = info(target)
    assert subject == f"Klantreiskaart: 5 fasen, 6 rijen, {len(load_example('nl').touchpoints)} contactmomenten"
    assert lang == "nl-NL"
