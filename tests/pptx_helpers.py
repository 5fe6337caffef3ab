"""Reading a PowerPoint deck back as a user's viewer sees it: each slide's title and its cards' text boxes
(python-pptx), and rendering it with LibreOffice Impress (installed by scripts/test, like poppler)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Length


@dataclass(frozen=True)
class CardBox:
    """A card as its slide holds it: the shape's kind, its paragraphs' text and its box."""

    kind: MSO_SHAPE_TYPE | None
    paragraphs: tuple[str, ...]
    box: tuple[Length, Length, Length, Length]
    sizes: tuple[float, ...]
    """Every run's type size, in points."""


@dataclass(frozen=True)
class SlideText:
    title: str
    cards: tuple[CardBox, ...]
    texts: tuple[str, ...]
    """The text of every shape with a text frame."""
    pictures: int


def read_deck(path: Path) -> list[SlideText]:
    slides: list[SlideText] = []
    for slide in Presentation(str(path)).slides:
        title = slide.shapes.title
        cards: list[CardBox] = []
        texts: list[str] = []
        pictures = 0
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                pictures += 1
            if not shape.has_text_frame:
                continue
            texts.append(shape.text_frame.text)
            if shape.name.startswith("Card "):
                paragraphs = tuple(p.text for p in shape.text_frame.paragraphs)
                sizes = tuple(run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs if run.font.size)
                box = (shape.left, shape.top, shape.width, shape.height)
                cards.append(CardBox(shape.shape_type, paragraphs, box, sizes))
        slides.append(SlideText(title.text_frame.text if title else "", tuple(cards), tuple(texts), pictures))
    return slides


def soffice() -> str:
    """LibreOffice's program; a failure, never a skip, where it must be there (CI, scripts/test)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    message = "LibreOffice Impress (soffice) is missing"
    if os.environ.get("CI") or os.environ.get("CJM_REQUIRE_LIBREOFFICE"):
        pytest.fail(message + ": here (CI, scripts/test) the deck must be rendered", pytrace=False)
    pytest.skip(message + " (apt-get install libreoffice-impress)")


def render_with_libreoffice(deck: Path, folder: Path) -> Path:
    """The deck as LibreOffice Impress prints it to PDF, with a private profile so parallel runs do not collide."""
    profile = folder / "libreoffice-profile"
    result = subprocess.run(
        [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf", "--outdir",
         str(folder), str(deck)],
        capture_output=True, text=True, check=False, timeout=180,
    )  # fmt: skip
    pdf = folder / f"{deck.stem}.pdf"
    assert result.returncode == 0, (result.stdout, result.stderr)
    assert pdf.is_file(), (result.stdout, result.stderr)
    return pdf
