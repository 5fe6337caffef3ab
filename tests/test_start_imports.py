"""What the editor's start imports: everything up to its window on screen, with none of what only an action needs.
The poster's drawing (`cjmapper.poster`, reportlab) is imported by the first poster export, and the
migration machinery (Alembic) and SQLAlchemy's ORM not at all for an up-to-date library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cjmapper.store import Library
from tests.store_helpers import sample_journey

ROOT = Path(__file__).resolve().parent.parent

LAZY = (
    "cjmapper.poster",
    "reportlab",
    "pptx",
    "cjmapper.pptx_export.deck",
    "ui.export.export_jobs",
    "ui.export.poster_dialog",
    "alembic",
)
"""Modules (and their submodules) the editor's start must not import."""

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication

def probe() -> int:  # the editor's event loop is about to start: its window is made and shown
    from ui.window.main_window import MainWindow
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    found = sorted(m for m in sys.modules if m.split(".")[0] in {"ui", "cjmapper", "reportlab", "alembic"}
                   or m.startswith("sqlalchemy.orm"))
    print(json.dumps({"windows": len(windows), "journey": windows[0].document is not None, "modules": found}))
    return 0

QApplication.exec = staticmethod(probe)
from ui import main
sys.argv = ["cjmapper", "--library", sys.argv[1]]
main.main()
"""


def test_the_editor_starts_without_the_modules_only_actions_need(tmp_path: Path) -> None:
    path = tmp_path / "lib.cjm"
    with Library.open(path) as lib:
        lib.create_journey(sample_journey())
    home = tmp_path / "home"
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(home), QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("CJMAPPER_LIBRARY", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["windows"] == 1  # the probe ran with the window shown
    assert found["journey"] is True  # and the journey open in it
    modules = found["modules"]
    assert "ui.window.export_actions" in modules  # the probe sees what was imported
    assert "cjmapper.text" in modules
    assert [m for m in modules if m.startswith("sqlalchemy.orm")] == []
    assert [m for m in modules if any(m == lazy or m.startswith(lazy + ".") for lazy in LAZY)] == []
