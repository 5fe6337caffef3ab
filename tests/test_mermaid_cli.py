"""cjmapper's Mermaid export drawn by the real Mermaid CLI (`mmdc`, npm's @mermaid-js/mermaid-cli with Debian's
Chromium as its browser): the SVG it draws holds the title, every section and every task by name, with the names
that need Mermaid's codes (`#`, `:`, `;`, `,`, a keyword, `%%`) shown as they were typed.

scripts/test installs the CLI into tools/mermaid/ (`npm ci`, pinned by its package-lock.json) and Chromium with
apt-get. Without them this test skips, except under CI or scripts/test (CJM_REQUIRE_MERMAID), where it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest

from cjmapper.cli import main
from cjmapper.model import LaneKind, Persona, Rating, Touchpoint
from cjmapper.store import Library
from cjmapper.templates import load_example

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "mermaid"
MMDC = TOOL / "node_modules" / ".bin" / "mmdc"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def mmdc() -> Path:
    missing = [str(path) for path in (MMDC, CHROMIUM) if not path.exists()]
    if shutil.which("node") is None:
        missing.append("node")
    if not missing:
        return MMDC
    message = f"the Mermaid CLI is missing: {', '.join(missing)}"
    if os.environ.get("CI") or os.environ.get("CJM_REQUIRE_MERMAID"):
        pytest.fail(message + ": here (CI, scripts/test) the Mermaid test must run", pytrace=False)
    pytest.skip(message + " (apt-get install chromium; cd tools/mermaid && PUPPETEER_SKIP_DOWNLOAD=1 npm ci)")


AWKWARD = ["Title: #1; 50% off", "Journey start", "%% not a comment", "Tea, coffee & cake 😀", "  spaced  "]


def test_the_mermaid_cli_draws_the_export_with_every_section_and_task(
    mmdc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journey = load_example("en")
    journey.title = "Bakery #1: orders; cakes"
    journey.phases[0] = replace(journey.phases[0], name="Phase 1: #start; 50%% done")
    journey.personas.append(Persona("Sam: night #2", id=99))
    lane = next(lane for lane in journey.lanes if lane.kind is LaneKind.TOUCHPOINTS)
    first = journey.phases[0]
    for position, title in enumerate(AWKWARD, 100):
        card = Touchpoint(1000 + position, first.id, lane.id, position, title, score=position % 5 + 1)
        card.ratings = {99: Rating(1)}
        journey.touchpoints.append(card)
    library = tmp_path / "lib.cjm"
    with Library.open(library) as lib:
        journey_id = lib.create_journey(journey)
        journey = lib.load_journey(journey_id)
    diagram = tmp_path / "journey.mmd"
    assert main(["--library", str(library), "export", str(journey_id), "-o", str(diagram)]) == 0
    assert "cjmapper: warning: a Mermaid journey cannot hold" in capsys.readouterr().err

    svg = tmp_path / "journey.svg"
    config = TOOL / "puppeteer-config.json"
    done = subprocess.run(
        [str(mmdc), "-p", str(config), "-i", str(diagram), "-o", str(svg), "-q"],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
    )
    assert done.returncode == 0, done.stderr
    texts = {
        " ".join("".join(element.itertext()).split())
        for element in ElementTree.parse(svg).iter()
        if element.tag.rsplit("}", 1)[-1] in {"text", "tspan", "div", "title", "desc"}
    }
    expected = [journey.title, *(phase.name for phase in journey.phases)]
    lanes = {lane.id for lane in journey.lanes if lane.kind is LaneKind.TOUCHPOINTS}
    expected += [card.title for card in journey.touchpoints if card.lane_id in lanes]
    expected += [persona.name for persona in journey.personas]
    missing = [name for name in expected if " ".join(name.split()) not in texts]
    assert missing == []
    assert {" ".join(title.split()) for title in AWKWARD} <= texts
