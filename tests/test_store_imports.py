"""What opening a library costs at start-up: an up-to-date library file is opened, read and edited without importing
the migration machinery (Alembic) or SQLAlchemy's ORM; only an upgrade or a new library runs Alembic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cjmapper.store import Library
from tests.store_helpers import sample_journey

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
from cjmapper.store import Library
with Library.open(sys.argv[1]) as lib:
    journey = lib.load_journey(lib.list_journeys()[0].id)
    lib.update_touchpoint(journey.touchpoints[0].id, title="Edited", expected_revision=journey.revision)
    created = sys.argv[2] if len(sys.argv) > 2 else None
    before = sorted(m for m in sys.modules if m.split(".")[0] == "alembic" or m.startswith("sqlalchemy.orm"))
if created:
    Library.open(created).close()
after = sorted(m for m in sys.modules if m.split(".")[0] == "alembic" or m.startswith("sqlalchemy.orm"))
print(json.dumps({"open": before, "sqlalchemy": "sqlalchemy" in sys.modules, "created": after}))
"""


def probe(*paths: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, paths)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    found: dict[str, object] = json.loads(done.stdout)
    return found


def test_an_up_to_date_library_opens_without_alembic_or_the_orm(tmp_path: Path) -> None:
    path = tmp_path / "lib.cjm"
    with Library.open(path) as lib:
        lib.create_journey(sample_journey())
    found = probe(path, tmp_path / "new.cjm")
    assert found["sqlalchemy"] is True  # the probe sees what was imported
    assert found["open"] == []
    created = found["created"]
    assert isinstance(created, list)
    assert "alembic" in created  # creating a library runs the migrations, so the probe can tell
    assert not any(name.startswith("sqlalchemy.orm") for name in created)
