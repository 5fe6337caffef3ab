"""The package a user installs: `pip wheel .` builds a wheel with everything the program reads (templates, fonts
with their licences, icons, translations, migrations) under the one import name `cjmapper`, an sdist builds the
same wheel, and the wheel installed into a fresh venv works from a folder outside the checkout.

The venv sees the project venv's third-party packages through a .pth path line (so the test needs no network),
but not the checkout: a path line does not run the editable install's finder, PYTHONPATH is unset, and the test
checks that cjmapper is imported from the venv."""

from __future__ import annotations

import re
import shutil
import site
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.smoke import OFFSCREEN_NOTICE, Smoke, SmokeError

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "MANIFEST.in", "cjmapper", "ui", "resources")
"""What a build reads from the checkout."""

pytestmark = pytest.mark.slow


def _run(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, check=False, timeout=600, cwd=cwd, env=env
    )
    assert result.returncode == 0, f"{argv} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result


def _pip_wheel(source: Path, out: Path) -> Path:
    _run(sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation", "-q", "-w", out, cwd=source)
    [wheel] = out.glob("cjmapper-*.whl")
    return wheel


def _copy_sources(target: Path) -> Path:
    """The checkout's build inputs in a fresh folder: no build/ or egg-info left by an earlier build leaks in."""
    target.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name, ignore=ignore)
        elif (ROOT / name).exists():
            shutil.copy2(ROOT / name, target / name)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("package")
    return _pip_wheel(_copy_sources(base / "src"), base / "wheel")


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {n for n in archive.namelist() if ".dist-info/" not in n}


def test_the_wheel_holds_everything_under_the_name_cjmapper(wheel: Path) -> None:
    names = _names(wheel)
    assert {n.split("/")[0] for n in names} == {"cjmapper"}  # no top-level ui (or resources) in site-packages
    resources = ROOT / "resources"
    # Every resource file (the Dutch catalogue's source apart) and every module of the checkout is in the wheel, so a
    # new template, icon, desktop file or subpackage that pyproject does not name yet fails here.
    kept = {p for p in resources.rglob("*") if p.is_file() and p.suffix != ".ts" and "__pycache__" not in p.parts}
    wanted = {f"cjmapper/data/{p.relative_to(resources).as_posix()}" for p in kept}
    assert {"cjmapper/data/desktop/cjmapper.desktop", "cjmapper/data/fonts/DejaVuSans.ttf"} <= wanted
    assert wanted <= names, sorted(wanted - names)
    core = {f"cjmapper/{p.relative_to(ROOT / 'cjmapper').as_posix()}" for p in (ROOT / "cjmapper").rglob("*.py")}
    assert core <= names, sorted(core - names)
    ui = {f"cjmapper/gui/{p.relative_to(ROOT / 'ui').as_posix()}" for p in (ROOT / "ui").rglob("*.py")}
    assert ui <= names, sorted(ui - names)
    assert "cjmapper/data/translations/cjmapper_nl.ts" not in names  # the catalogue's source stays in the checkout


def _pinned(lock: str) -> set[str]:
    lines = (ROOT / lock).read_text(encoding="utf-8").splitlines()
    return {_normal(line.split("==")[0]) for line in lines if line and not line.startswith("#")}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_wheel_needs_only_the_run_time_lock(wheel: Path) -> None:
    """`pip install cjmapper-*.whl` brings what requirements.lock pins, and no development tool."""
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"{wheel.name.split('-py3')[0]}.dist-info/METADATA").decode()
    needs = {
        _normal(re.split(r"[<>=!~\[; ]", line.removeprefix("Requires-Dist: "))[0])
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist: ") and "extra ==" not in line
    }
    assert needs == {
        "pyside6-essentials",
        "sqlalchemy",
        "alembic",
        "reportlab",
        "rl-accel",
        "platformdirs",
        "psycopg",
        "openpyxl",
        "python-pptx",
        "pillow",
    }
    assert needs <= _pinned("requirements.lock")
    assert not _pinned("requirements.lock") & _pinned("requirements-dev.lock")
    assert {"pytest", "pytest-qt", "hypothesis", "ruff", "mypy", "pypdf"} <= _pinned("requirements-dev.lock")
    assert "Requires-Python: <3.14,>=3.11" in metadata


def test_an_sdist_builds_the_same_wheel(wheel: Path, tmp_path: Path) -> None:
    source = _copy_sources(tmp_path / "src")
    hook = "import sys\nfrom setuptools import build_meta\nprint(build_meta.build_sdist(sys.argv[1]))"
    name = _run(sys.executable, "-c", hook, tmp_path / "dist", cwd=source).stdout.strip().splitlines()[-1]
    with tarfile.open(tmp_path / "dist" / name) as sdist:
        sdist.extractall(tmp_path / "unpacked", filter="data")
    [unpacked] = (tmp_path / "unpacked").iterdir()
    again = _pip_wheel(unpacked, tmp_path / "wheel")
    assert again.name == wheel.name
    assert _names(again) == _names(wheel)
    with zipfile.ZipFile(wheel) as first, zipfile.ZipFile(again) as second:
        assert all(first.read(n) == second.read(n) for n in _names(wheel))


def _installed_venv(wheel: Path, folder: Path) -> Path:
    """A fresh venv holding the wheel, and the project venv's third-party packages through a path line."""
    _run(sys.executable, "-m", "venv", "--without-pip", folder, cwd=folder.parent)
    python = folder / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel, cwd=folder.parent)
    [site_packages] = (folder / "lib").glob("python3.*/site-packages")
    # Written after the install, so pip never sees (and never touches) the project's own cjmapper.
    (site_packages / "project-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    return folder


EDITOR = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from cjmapper.gui import app, icons
from cjmapper.model import Language

qt = app.application([])
assert not icons.app_icon().isNull()
for path in icons.all_icon_paths():  # each one draws (a missing or unreadable file raises)
    assert path.is_file() and not icons._pixmap(path, 32, 1.0).isNull(), path
menus = []
def look():
    [window] = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.menuBar() is not None]
    menus.extend(action.text() for action in window.menuBar().actions())
    qt.quit()
QTimer.singleShot(1500, look)
code = app.run_editor(None, language=Language.NL)
print(code, menus)
"""
"""The editor, offscreen in Dutch on the default library, for a moment: its menus as the translation names them."""


def test_the_installed_wheel_works_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = _installed_venv(wheel, tmp_path / "venv")
    smoke = Smoke([str(venv / "bin" / "cjmapper")], tmp_path / "smoke", bare=False, say=print)
    where = _run(
        venv / "bin" / "python",
        "-c",
        "import importlib.util, cjmapper, cjmapper.gui.main, cjmapper.resources as r\n"
        "print(cjmapper.__file__); print(cjmapper.gui.main.__file__); print(r.resource('fonts'))\n"
        "print(importlib.util.find_spec('ui'))",
        cwd=smoke.work,
        env=smoke.env,
    ).stdout.splitlines()
    assert all(line.startswith(str(venv)) for line in where[:3]), where
    assert where[3] == "None"  # no `ui` anywhere on the installed program's path

    # --version, new from each template in both languages, import, export to every format, the editor offscreen:
    # the same steps CI runs on Python 3.12 and 3.13 and on the bundle (scripts/test).
    smoke.run()

    editor = _run(venv / "bin" / "python", "-c", EDITOR, cwd=smoke.work, env=smoke.env)
    assert [line for line in editor.stderr.splitlines() if line != OFFSCREEN_NOTICE] == []
    assert editor.stdout.startswith("0 ["), editor.stdout
    assert "&Bestand" in editor.stdout, editor.stdout


def test_the_smoke_test_names_the_first_broken_step(wheel: Path, tmp_path: Path) -> None:
    """The wheel as it was before resources were packaged: without its fonts the PDF export fails, and the smoke
    test stops there with the command and the program's error."""
    venv = _installed_venv(wheel, tmp_path / "venv")
    [site_packages] = (venv / "lib").glob("python3.*/site-packages")
    shutil.rmtree(site_packages / "cjmapper" / "data" / "fonts")
    smoke = Smoke([str(venv / "bin" / "cjmapper")], tmp_path / "smoke", bare=False, say=print)
    with pytest.raises(
        SmokeError, match=r"^export to JSON, CSV, PDF, PNG, SVG, PPTX: `cjmapper export \d+ -o .*out\.pdf` exited 1: "
    ):
        smoke.run()
