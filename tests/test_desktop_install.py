"""A place on the desktop, outside the program: `cjmapper install-desktop` into a temporary XDG_DATA_HOME and
XDG_CONFIG_HOME, as a subprocess; the files checked by the desktop's own validators and tools; `--uninstall` leaves
the folders exactly as they were.

The desktop tools come from Debian's desktop-file-utils, appstream, shared-mime-info and xdg-utils (scripts/test
installs them when run as root). Without them these tests skip, except under CI or scripts/test
(CJM_REQUIRE_DESKTOP_TOOLS), where they fail.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cjmapper.desktop import (
    COMPONENT_ID,
    DESKTOP_FILE,
    MANIFEST,
    MIME_TYPE,
    desktop_entry,
    exec_line,
)
from cjmapper.resources import resource
from cjmapper.store import Library

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("desktop-file-validate", "appstreamcli", "update-mime-database", "xdg-mime", "mimetype")
"""mimetype (Debian's libfile-mimeinfo-perl) is what xdg-mime asks outside GNOME and KDE."""


@pytest.fixture
def tools() -> None:
    missing = [name for name in TOOLS if shutil.which(name) is None]
    if not missing:
        return
    message = f"the desktop tools are missing: {', '.join(missing)}"
    if os.environ.get("CI") or os.environ.get("CJM_REQUIRE_DESKTOP_TOOLS"):
        pytest.fail(message + ": here (CI, scripts/test) the desktop tests must run", pytrace=False)
    pytest.skip(message + " (apt-get install desktop-file-utils appstream shared-mime-info xdg-utils)")


@pytest.fixture
def homes(tmp_path: Path) -> dict[str, str]:
    """The environment of a desktop user whose data and config folders are the test's own (and not there yet)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(tmp_path / "home"))
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    for name in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID"):
        env.pop(name, None)  # xdg-mime's generic desktop: the shared MIME database and mimeapps.list
    (tmp_path / "home").mkdir()
    return env


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """A stand-in for the cjmapper program the menu entry starts (a path with a space, to be quoted)."""
    path = tmp_path / "my apps" / "cjmapper"
    path.parent.mkdir()
    path.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def cjmapper(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def tree(*roots: Path) -> dict[str, bytes | None]:
    """Every folder (None) and file (its bytes) under `roots`."""
    found: dict[str, bytes | None] = {}
    for root in roots:
        if not root.exists():
            continue
        found[str(root)] = None
        for folder, folders, files in os.walk(root):
            for name in folders:
                found[os.path.join(folder, name)] = None
            for name in files:
                found[os.path.join(folder, name)] = Path(folder, name).read_bytes()
    return found


def query(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["xdg-mime", "query", *args], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_resources_pass_their_validators(tools: None, tmp_path: Path) -> None:
    entry = tmp_path / DESKTOP_FILE
    entry.write_text(resource("desktop", DESKTOP_FILE).read_text(encoding="utf-8"), encoding="utf-8")
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")
    metainfo = tmp_path / f"{COMPONENT_ID}.metainfo.xml"
    metainfo.write_bytes(resource("desktop", metainfo.name).read_bytes())
    checked = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(metainfo)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_install_puts_cjmapper_on_the_desktop_and_uninstall_takes_it_all_away(
    tools: None, homes: dict[str, str], program: Path, tmp_path: Path
) -> None:
    data, config = Path(homes["XDG_DATA_HOME"]), Path(homes["XDG_CONFIG_HOME"])
    library = tmp_path / "workshop.cjm"
    Library.open(library).close()
    renamed = tmp_path / "x.dat"
    shutil.copyfile(library, renamed)
    plain = tmp_path / "other.dat"  # another program's SQLite database
    with sqlite3.connect(plain) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    assert query(homes, "filetype", str(renamed)) != MIME_TYPE  # not known before
    before = tree(data, config)

    done = cjmapper(homes, "install-desktop", "--exec", str(program))

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    entry = data / "applications" / DESKTOP_FILE
    metainfo = data / "metainfo" / f"{COMPONENT_ID}.metainfo.xml"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "cjmapper.svg"
    for path in (entry, metainfo, icon, data / "mime" / "packages" / "cjmapper.xml"):
        assert f"installed {path}\n" in done.stdout
    assert icon.read_bytes() == resource("icons", "cjmapper.svg").read_bytes()
    assert f'Exec="{program}" %f\n' in entry.read_text(encoding="utf-8")
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")
    checked = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # The MIME type: by name, and by content whatever the name; plain SQLite stays plain SQLite.
    assert query(homes, "filetype", str(library)) == MIME_TYPE
    assert query(homes, "filetype", str(renamed)) == MIME_TYPE
    assert query(homes, "filetype", str(plain)) != MIME_TYPE
    assert query(homes, "default", MIME_TYPE) == DESKTOP_FILE
    assert (data / MANIFEST).is_file()

    again = cjmapper(homes, "install-desktop", "--exec", str(program))  # on top of itself: the same result
    assert again.returncode == 0, again.stderr
    assert query(homes, "filetype", str(renamed)) == MIME_TYPE

    done = cjmapper(homes, "install-desktop", "--uninstall")

    assert done.returncode == 0, done.stderr
    assert f"removed {entry}\n" in done.stdout
    assert tree(data, config) == before
    assert query(homes, "filetype", str(renamed)) != MIME_TYPE
    done = cjmapper(homes, "install-desktop", "--uninstall")
    assert (done.returncode, done.stdout) == (
        0,
        "cjmapper's desktop files are not installed for this user; nothing to remove\n",
    )


def test_uninstall_leaves_what_others_put_there(
    tools: None, homes: dict[str, str], program: Path, tmp_path: Path
) -> None:
    """Folders that were there, another program's menu entry and MIME type, and the user's own defaults (set
    before and after the install) stay; a file of cjmapper's name that was there comes back as it was."""
    data, config = Path(homes["XDG_DATA_HOME"]), Path(homes["XDG_CONFIG_HOME"])
    (data / "applications").mkdir(parents=True)
    (data / "applications" / "other.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Other\nExec=other %f\nMimeType=text/x-other;\n", encoding="utf-8"
    )
    (data / "icons" / "hicolor" / "scalable" / "apps").mkdir(parents=True)
    old_icon = data / "icons" / "hicolor" / "scalable" / "apps" / "cjmapper.svg"
    old_icon.write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>\xff")  # not even UTF-8
    config.mkdir()
    (config / "mimeapps.list").write_text("[Default Applications]\ntext/plain=editor.desktop;\n", encoding="utf-8")
    before = tree(data, config)

    assert cjmapper(homes, "install-desktop", "--exec", str(program)).returncode == 0
    assert query(homes, "default", MIME_TYPE) == DESKTOP_FILE
    assert "text/plain=editor.desktop;" in (config / "mimeapps.list").read_text(encoding="utf-8")
    assert cjmapper(homes, "install-desktop", "--uninstall").returncode == 0
    assert tree(data, config) == before

    # The user sets another default after the install: uninstall takes cjmapper's line out only.
    assert cjmapper(homes, "install-desktop", "--exec", str(program)).returncode == 0
    mimeapps = config / "mimeapps.list"
    mimeapps.write_text(mimeapps.read_text(encoding="utf-8") + "image/png=viewer.desktop;\n", encoding="utf-8")
    assert cjmapper(homes, "install-desktop", "--uninstall").returncode == 0
    left = mimeapps.read_text(encoding="utf-8")
    assert "image/png=viewer.desktop;" in left
    assert "text/plain=editor.desktop;" in left
    assert MIME_TYPE not in left


def test_install_without_xdg_mime_writes_mimeapps_list(homes: dict[str, str], program: Path, tmp_path: Path) -> None:
    """No desktop tools at all (a PATH without them): the files are installed, the default is written by hand, and
    uninstall still leaves nothing behind."""
    bare = tmp_path / "bin"
    bare.mkdir()
    env = dict(homes, PATH=str(bare))
    data, config = Path(homes["XDG_DATA_HOME"]), Path(homes["XDG_CONFIG_HOME"])
    done = subprocess.run(
        [sys.executable, "-m", "cjmapper", "install-desktop", "--exec", str(program)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (config / "mimeapps.list").read_text(encoding="utf-8") == (
        f"[Default Applications]\n{MIME_TYPE}={DESKTOP_FILE};\n"
    )
    assert not (data / "mime" / "mime.cache").exists()  # no update-mime-database: no database
    done = subprocess.run(
        [sys.executable, "-m", "cjmapper", "install-desktop", "--uninstall"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert tree(data, config) == {}


def test_a_program_that_cannot_run_is_one_line_and_exit_1(homes: dict[str, str], tmp_path: Path) -> None:
    done = cjmapper(homes, "install-desktop", "--exec", str(tmp_path / "nowhere"))
    assert done.returncode == 1
    assert (
        done.stderr
        == f"cjmapper: error: {tmp_path / 'nowhere'} is not a program that can be run; name cjmapper's with --exec\n"
    )
    assert not Path(homes["XDG_DATA_HOME"]).exists()


@pytest.mark.parametrize(
    ("program", "line"),
    [
        ("/opt/cjmapper/cjmapper", "/opt/cjmapper/cjmapper %f"),
        ("/home/an/my apps/cjmapper", '"/home/an/my apps/cjmapper" %f'),
        ('/tmp/a"b$c`d\\e%f', '"/tmp/a\\\\"b\\\\$c\\\\`d\\\\\\\\e%%f" %f'),
    ],
)
def test_exec_lines_are_quoted_as_the_specification_asks(program: str, line: str) -> None:
    assert exec_line(Path(program)) == line
    assert f"Exec={line}\n" in desktop_entry(Path(program))


def test_the_checkout_s_install_script_installs_its_start_script(tools: None, homes: dict[str, str]) -> None:
    """scripts/install-desktop (README's way from a checkout): the menu entry starts scripts/start."""
    data = Path(homes["XDG_DATA_HOME"])
    done = subprocess.run(
        [str(ROOT / "scripts" / "install-desktop")], env=homes, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    entry = (data / "applications" / DESKTOP_FILE).read_text(encoding="utf-8")
    start = ROOT / "scripts" / "start"
    assert f"Exec={exec_line(start)}\n" in entry
    done = subprocess.run(
        [str(ROOT / "scripts" / "install-desktop"), "--uninstall"],
        env=homes,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert tree(data) == {}
