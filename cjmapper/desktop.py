"""A place on the desktop (freedesktop.org desktops: GNOME, KDE, Xfce and the others on Linux and the BSDs), for the
current user, without root: `cjmapper install-desktop` (and `scripts/install-desktop` from a checkout).

It installs into $XDG_DATA_HOME (default ~/.local/share) the menu entry `applications/cjmapper.desktop`, whose Exec
is the cjmapper that runs the installer (the bundle's program, the console script of a pip install, or a checkout's
`scripts/start`), the AppStream metainfo, the icon in the hicolor theme, and the MIME type
`application/x-cjmapper-library` (a `*.cjm` file, or any file whose bytes are a cjmapper library); it refreshes the
desktop's caches with the tools that are there, and makes cjmapper the type's default application.

A manifest ($XDG_DATA_HOME/cjmapper/desktop-install.json) lists what it wrote, the folders it made and what stood in
their place before, so `--uninstall` takes away exactly that and nothing else.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cjmapper.errors import CjmapperError
from cjmapper.messages import say
from cjmapper.resources import resource

DESKTOP_ID = "cjmapper"
"""The desktop entry's name without `.desktop`; the editor names its windows after it (Wayland's app id)."""
DESKTOP_FILE = f"{DESKTOP_ID}.desktop"
COMPONENT_ID = "io.github.cjmapper.cjmapper"
"""The AppStream component id (reverse DNS, as AppStream wants)."""
MIME_TYPE = "application/x-cjmapper-library"
ICON_NAME = "cjmapper"
MANIFEST = Path("cjmapper") / "desktop-install.json"
"""Under $XDG_DATA_HOME: what `install` did, for `uninstall`."""

_MIME_PACKAGE = "cjmapper.xml"
_ASSOCIATION = f"{MIME_TYPE}={DESKTOP_FILE};"
_DEFAULTS = "[Default Applications]"

Run = Callable[[list[str], Mapping[str, str]], None]
"""Runs a desktop tool (its arguments, the environment); raises CjmapperError when it fails."""


@dataclass
class Manifest:
    files: dict[str, str | None] = field(default_factory=dict)
    """Each file written: what it held before (None: there was none)."""
    folders: list[str] = field(default_factory=list)
    """The folders made, parents first."""
    mimeapps: tuple[str, str | None, str] | None = None
    """(mimeapps.list, its text before, its text after) when the default application was set there."""
    caches: dict[str, bool] = field(default_factory=dict)
    """Each cache a tool was run on (mimeinfo.cache, icon-theme.cache): whether it was there before."""

    def to_json(self) -> str:
        return json.dumps(
            {"files": self.files, "folders": self.folders, "mimeapps": self.mimeapps, "caches": self.caches}, indent=1
        )

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        mimeapps = data.get("mimeapps")
        return cls(
            files=dict(data["files"]),
            folders=list(data["folders"]),
            mimeapps=(mimeapps[0], mimeapps[1], mimeapps[2]) if mimeapps else None,
            caches=dict(data.get("caches", {})),
        )


def data_home(environ: Mapping[str, str]) -> Path:
    return _xdg(environ, "XDG_DATA_HOME", Path(".local") / "share")


def config_home(environ: Mapping[str, str]) -> Path:
    return _xdg(environ, "XDG_CONFIG_HOME", Path(".config"))


def _xdg(environ: Mapping[str, str], name: str, default: Path) -> Path:
    value = environ.get(name, "")
    if value and Path(value).is_absolute():  # the specification ignores a relative path
        return Path(value)
    home = environ.get("HOME") or str(Path.home())
    return Path(home) / default


def this_program() -> Path | None:
    """The cjmapper program running now, for the menu entry: the bundle's executable, the console script, or the
    `cjmapper` beside this Python (a venv's); None when there is none to be found."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).absolute()
    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if started is not None and started.name == "cjmapper" and started.is_file():
        return started.absolute()
    beside = Path(sys.executable).parent / "cjmapper"
    return beside.absolute() if beside.is_file() else None


def exec_line(program: Path) -> str:
    """The desktop entry's Exec value that starts `program` on the file the user opened (%f), quoted as the Desktop
    Entry Specification asks for."""
    text = str(program)
    if text and all(c.isalnum() or c in "/._+-" for c in text):
        return f"{text} %f"
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in text).replace("%", "%%")
    return '"' + quoted.replace("\\", "\\\\") + '" %f'


def desktop_entry(program: Path) -> str:
    """resources/desktop/cjmapper.desktop with its Exec starting `program`."""
    lines = resource("desktop", DESKTOP_FILE).read_text(encoding="utf-8").splitlines()
    return "".join(f"Exec={exec_line(program)}\n" if line.startswith("Exec=") else f"{line}\n" for line in lines)


def install(program: Path, environ: Mapping[str, str] | None = None, run: Run | None = None) -> list[Path]:
    """Install cjmapper's desktop files for the user (see the module's description), starting `program`; the files
    written. An earlier installation is taken away first. Raises CjmapperError when a file cannot be written."""
    env = dict(os.environ if environ is None else environ)
    runner = run or _run
    data = data_home(env)
    if (data / MANIFEST).is_file():
        uninstall(env, runner)
    manifest = Manifest()
    icon = resource("icons", f"{ICON_NAME}.svg").read_bytes()
    metainfo = resource("desktop", f"{COMPONENT_ID}.metainfo.xml").read_bytes()
    mime = resource("desktop", _MIME_PACKAGE).read_bytes()
    wanted = [
        (data / "applications" / DESKTOP_FILE, desktop_entry(program).encode("utf-8")),
        (data / "metainfo" / f"{COMPONENT_ID}.metainfo.xml", metainfo),
        (data / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg", icon),
        (data / "mime" / "packages" / _MIME_PACKAGE, mime),
    ]
    try:
        for path, content in wanted:
            _write(path, content, manifest)
        _refresh(data, env, runner, manifest)
        _set_default(env, runner, manifest)
        _write(data / MANIFEST, manifest.to_json().encode("utf-8"), manifest)
        (data / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")  # now listing itself too
    except OSError as e:
        raise CjmapperError(say("cannot install the desktop files: {0} ({1})", e.strerror or e, e.filename)) from None
    return [path for path, _ in wanted]


def uninstall(environ: Mapping[str, str] | None = None, run: Run | None = None) -> list[Path]:
    """Take away what `install` put there, as its manifest lists it, and nothing else; the files removed ([] when
    cjmapper's desktop files are not installed)."""
    env = dict(os.environ if environ is None else environ)
    runner = run or _run
    data = data_home(env)
    listed = data / MANIFEST
    try:
        manifest = Manifest.from_json(listed.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise CjmapperError(say("cannot read {0}, the list of what was installed: {1}", listed, e)) from None
    removed: list[Path] = []
    try:
        for name, before in manifest.files.items():
            path = Path(name)
            if before is None:
                path.unlink(missing_ok=True)
                removed.append(path)
            else:
                path.write_text(before, encoding="utf-8", errors="surrogateescape")
        _undo_refresh(data, env, runner, manifest)
        _undo_default(manifest)
        for name in reversed(manifest.folders):
            folder = Path(name)
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    except OSError as e:
        raise CjmapperError(say("cannot remove the desktop files: {0} ({1})", e.strerror or e, e.filename)) from None
    return removed


def _write(path: Path, content: bytes, manifest: Manifest) -> None:
    _make_folders(path.parent, manifest)
    key = str(path)
    if key not in manifest.files:
        manifest.files[key] = _read(path) if path.is_file() else None
    path.write_bytes(content)


def _make_folders(folder: Path, manifest: Manifest) -> None:
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir()
        manifest.folders.append(str(made))


def _tool(name: str, env: Mapping[str, str]) -> str | None:
    return shutil.which(name, path=env.get("PATH", os.defpath))


def _run(command: list[str], env: Mapping[str, str]) -> None:
    try:
        done = subprocess.run(command, env=dict(env), capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError) as e:
        raise CjmapperError(say("{0} failed: {1}", Path(command[0]).name, e)) from None
    if done.returncode != 0:
        said = " ".join((done.stderr or done.stdout).split())
        raise CjmapperError(say("{0} failed (exit {1}): {2}", Path(command[0]).name, done.returncode, said))


def _refresh(data: Path, env: Mapping[str, str], run: Run, manifest: Manifest) -> None:
    """Rebuild the caches the desktop reads: the MIME database, the MIME types of the menu entries, and the icon
    theme's cache (only where there is one already: a cache made here would hide icons installed later)."""
    mime_tool = _tool("update-mime-database", env)
    if mime_tool is not None:
        run([mime_tool, str(data / "mime")], env)
    desktop_tool = _tool("update-desktop-database", env)
    if desktop_tool is not None:
        cache = data / "applications" / "mimeinfo.cache"
        manifest.caches[str(cache)] = cache.exists()
        run([desktop_tool, "-q", str(data / "applications")], env)
    icons = data / "icons" / "hicolor"
    icon_tool = _tool("gtk-update-icon-cache", env)
    if icon_tool is not None and (icons / "icon-theme.cache").is_file():
        manifest.caches[str(icons / "icon-theme.cache")] = True
        run([icon_tool, "-q", "-t", "-f", str(icons)], env)


def _undo_refresh(data: Path, env: Mapping[str, str], run: Run, manifest: Manifest) -> None:
    mime = data / "mime"
    packages = mime / "packages"
    if str(mime) in manifest.folders and not (packages.is_dir() and any(packages.iterdir())):
        shutil.rmtree(mime, ignore_errors=True)  # made by install, and nothing but its database is left
    elif (mime_tool := _tool("update-mime-database", env)) is not None and mime.is_dir():
        run([mime_tool, str(mime)], env)
    for name, existed in manifest.caches.items():
        cache = Path(name)
        if not existed:
            cache.unlink(missing_ok=True)
        elif cache.name == "mimeinfo.cache" and (tool := _tool("update-desktop-database", env)) is not None:
            run([tool, "-q", str(cache.parent)], env)
        elif cache.name == "icon-theme.cache" and (tool := _tool("gtk-update-icon-cache", env)) is not None:
            run([tool, "-q", "-t", "-f", str(cache.parent)], env)


def _set_default(env: Mapping[str, str], run: Run, manifest: Manifest) -> None:
    """cjmapper opens the type's files: through xdg-mime when it is there, else in mimeapps.list itself."""
    mimeapps = config_home(env) / "mimeapps.list"
    before = _read(mimeapps) if mimeapps.is_file() else None
    _make_folders(mimeapps.parent, manifest)
    xdg_mime = _tool("xdg-mime", env)
    if xdg_mime is not None:
        run([xdg_mime, "default", DESKTOP_FILE, MIME_TYPE], env)
    else:
        mimeapps.write_text(_with_default(before or ""), encoding="utf-8")
    after = _read(mimeapps) if mimeapps.is_file() else ""
    manifest.mimeapps = (str(mimeapps), before, after)


def _with_default(text: str) -> str:
    """mimeapps.list's text with cjmapper as the type's default application."""
    lines = text.splitlines()
    if _DEFAULTS not in lines:
        if lines and lines[-1].strip():
            lines.append("")
        lines.append(_DEFAULTS)
    start = lines.index(_DEFAULTS) + 1
    end = next((at for at in range(start, len(lines)) if lines[at].startswith("[")), len(lines))
    others = [line for line in lines[start:end] if not line.startswith(f"{MIME_TYPE}=")]
    return "\n".join([*lines[:start], _ASSOCIATION, *others, *lines[end:]]) + "\n"


def _undo_default(manifest: Manifest) -> None:
    """Put mimeapps.list back as it was, when nobody changed it since; else take out cjmapper's line only."""
    if manifest.mimeapps is None:
        return
    name, before, after = manifest.mimeapps
    mimeapps = Path(name)
    now = _read(mimeapps) if mimeapps.is_file() else None
    if now == after:
        if before is None:
            mimeapps.unlink(missing_ok=True)
        else:
            mimeapps.write_text(before, encoding="utf-8", errors="surrogateescape")
    elif now is not None:
        kept = [line for line in now.splitlines() if line.strip() not in (_ASSOCIATION, _ASSOCIATION.rstrip(";"))]
        mimeapps.write_text("\n".join(kept) + "\n", encoding="utf-8", errors="surrogateescape")


def _read(path: Path) -> str:
    """A text file as it is, bytes that are not UTF-8 too (so it can be put back byte for byte)."""
    return path.read_text(encoding="utf-8", errors="surrogateescape")
