"""Opening a journey of 100 photo cards (each its own 2,048 x 1,536 JPEG, about 40 MB of images in the library),
against the same journey without photos in the same run.

- reading it: `Library.load_journey` (the photos' facts come with it, never their bytes);
- opening it in the editor: the document and the scene, then a first paint of the whole map at 100% (every card's
  thumbnail read from the library and decoded: what zooming out to the whole map costs once);
- painting the whole map again (the thumbnails decoded already).

The floor is each step on the same 100 cards without photos. Run alone with `python -m benchmarks.photos`.
"""

from __future__ import annotations

import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.store import Result
from cjmapper import images
from cjmapper.model import Journey, Lane, LaneKind, Phase, Touchpoint
from cjmapper.store import Library

CARDS = 100


def _journey() -> Journey:
    journey = Journey(
        0,
        "Hundred photos",
        phases=[Phase(i + 1, f"Phase {i + 1}") for i in range(5)],
        lanes=[Lane(i + 1, f"Lane {i + 1}", LaneKind.TOUCHPOINTS) for i in range(4)],
    )
    for n in range(CARDS):
        journey.touchpoints.append(
            Touchpoint(n + 1, n % 5 + 1, n // 5 % 4 + 1, n, f"Card {n}", notes="Notes", score=n % 5 + 1)
        )
    return journey


def _photo(rng: random.Random) -> images.PreparedImage:
    from PIL import Image

    picture = Image.frombytes("RGB", (64, 48), rng.randbytes(64 * 48 * 3)).resize((2048, 1536))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90)
    return images.prepare(out.getvalue())


def _library(path: Path, photos: bool) -> int:
    with Library.open(path) as library:
        journey_id = library.create_journey(_journey())
        if photos:
            rng = random.Random(1)
            for card in library.load_journey(journey_id).touchpoints:
                library.set_card_image(card.id, _photo(rng))
    return journey_id


def _times(path: Path, journey_id: int) -> tuple[float, float, float]:
    """Median load_journey, then the editor's open with a first whole paint, then a second whole paint (ms)."""
    from PySide6.QtGui import QImage, QPainter

    from ui.canvas.scene import JourneyScene
    from ui.editing.document import JourneyDocument

    with Library.open(path) as library:
        loads = []
        for _ in range(30):
            started = time.perf_counter()
            library.load_journey(journey_id)
            loads.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        scene = JourneyScene(JourneyDocument(library, journey_id))
        rect = scene.sceneRect()
        image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        opened = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        again = (time.perf_counter() - started) * 1000
        scene.dispose()
    return statistics.median(loads), opened, again


def run_all() -> list[Result]:
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="cjm-photos-") as folder:
        plain_path, photo_path = Path(folder) / "plain.cjm", Path(folder) / "photos.cjm"
        plain = _times(plain_path, _library(plain_path, False))
        photos = _times(photo_path, _library(photo_path, True))
    return [
        Result("open 100 photo cards: load_journey", photos[0], plain[0], 3.0, 10.0),
        Result("open 100 photo cards: document, scene, first whole paint", photos[1], plain[1], None, 2000.0),
        Result("open 100 photo cards: whole paint again", photos[2], plain[2], None, 500.0),
    ]


if __name__ == "__main__":
    from benchmarks.__main__ import table

    print(table(run_all()))
    sys.exit(0)
