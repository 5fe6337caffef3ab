"""The smoke test of an installed cjmapper, whatever installed it: a venv's `cjmapper` console script (a wheel on
Python 3.11, 3.12 or 3.13) or the PyInstaller bundle's executable. It uses the program only as a user would, from
a fresh temporary folder with a fresh HOME and XDG folders, and stops at the first broken step with one clear line.

    scripts/smoke [--bare] [--editor-seconds N] PROGRAM [ARG...]

--bare runs the program with nothing in its environment but the fresh HOME/XDG folders and the offscreen Qt
platform (like `env -i`: no locale, no PATH, no Python, no venv). Standard library only, so any Python 3.11+ runs it;
tests/test_package.py runs the same steps on the wheel it builds.

Steps: --version; the first start's example journey in the default library; `new` with each template (the ones
`new --help` offers) in English and Dutch; `export` of a journey to JSON and its `import`; `export` of the imported
journey to JSON, CSV, PDF, PNG, SVG and PPTX (a deck needs python-pptx's template files in the bundle); the editor
offscreen until its window shows, for a few seconds more, then Ctrl+C: exit 0 and nothing on stderr. Nothing may land
in the working folder but the exported files."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

OFFSCREEN_NOTICE = "This plugin does not support propagateSizeHints()"
"""What Qt's offscreen platform prints when a window is shown: the only stderr line the editor may give."""
LANGUAGES = ("en", "nl")
EXPORTS = ("json", "csv", "pdf", "png", "svg", "pptx")
TIMEOUT = 300
"""Seconds one command may take (a cold bundle on a busy machine included)."""


class SmokeError(Exception):
    """A broken step: its message is the one line the smoke test fails with."""


def fresh_environment(base: Path, bare: bool) -> dict[str, str]:
    """HOME, the XDG folders and a runtime folder under `base` and offscreen Qt; with `bare` nothing else (no locale
    either), otherwise the C.UTF-8 locale (English) on top of this process's environment, without anything that
    points at a Python, a library or a language."""
    folders = {
        "HOME": base / "home",
        "XDG_DATA_HOME": base / "data",
        "XDG_CONFIG_HOME": base / "config",
        "XDG_CACHE_HOME": base / "cache",
        "XDG_STATE_HOME": base / "state",
        "XDG_RUNTIME_DIR": base / "runtime",
    }
    for folder in folders.values():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    env: dict[str, str] = {}
    if not bare:
        dropped = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "CJMAPPER_LIBRARY", "LC_ALL", "LC_MESSAGES", "LANGUAGE"}
        env = {k: v for k, v in os.environ.items() if k not in dropped and not k.startswith(("XDG_", "QT_"))}
    env |= {name: str(folder) for name, folder in folders.items()}
    if bare:  # no locale at all, as after `env -i`: the program must choose a UTF-8 one itself
        return env | {"QT_QPA_PLATFORM": "offscreen"}
    return env | {"LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


class Smoke:
    def __init__(self, program: Sequence[str], base: Path, bare: bool, say: Callable[[str], object]) -> None:
        self.program = list(program)
        self.base = base
        self.work = base / "work"
        self.work.mkdir(parents=True, exist_ok=True)
        self.env = fresh_environment(base, bare)
        self.say = say
        self.first_window: float | None = None
        """Seconds from starting the editor to its first window (measured by the last run)."""

    def cjmapper(self, *argv: str | Path) -> str:
        """Run the program with `argv` in the work folder; its stdout, or a SmokeError naming the command."""
        command = [*self.program, *map(str, argv)]
        shown = " ".join(["cjmapper", *map(str, argv)])
        try:
            result = subprocess.run(
                command, cwd=self.work, env=self.env, capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SmokeError(f"`{shown}` did not run: {error}") from None
        if result.returncode != 0:
            raise SmokeError(f"`{shown}` exited {result.returncode}: {_tail(result.stderr or result.stdout)}")
        return result.stdout

    def step(self, name: str, action: Callable[[], object]) -> None:
        start = time.monotonic()
        try:
            action()
        except SmokeError as error:
            raise SmokeError(f"{name}: {error}") from None
        self.say(f"smoke: {name}: ok ({time.monotonic() - start:.1f} s)")

    def run(self, editor_seconds: float = 3.0) -> None:
        started = time.monotonic()
        self.step("--version", self.version)
        self.step("first start, the example journey", self.first_start)
        self.step("new from each template in English and Dutch", self.new_from_templates)
        self.step("import a journey file", self.import_journey)
        self.step(f"export to {', '.join(e.upper() for e in EXPORTS)}", self.export_all)
        self.step("editor offscreen", lambda: self.editor(editor_seconds))
        self.step("nothing else in the working folder", self.work_folder_clean)
        self.say(
            f"smoke: all steps passed in {time.monotonic() - started:.1f} s (first window {self.first_window:.1f} s)"
        )

    def version(self) -> None:
        out = self.cjmapper("--version")
        if not re.fullmatch(r"cjmapper \d+\.\d+\.\d+\S*\n?", out):
            raise SmokeError(f"unexpected output {out!r}")

    def journeys(self) -> list[str]:
        return self.cjmapper("list").splitlines()

    def first_start(self) -> None:
        journeys = self.journeys()
        if len(journeys) != 1:
            raise SmokeError(f"the new default library should hold the example journey only, it lists {journeys}")
        if not (self.base / "data" / "cjmapper" / "library.cjm").is_file():
            raise SmokeError("no default library in XDG_DATA_HOME/cjmapper/library.cjm")
        self.example = journeys[0].split("\t")[0]

    def templates(self) -> list[str]:
        rows = [line.split("\t") for line in self.cjmapper("templates").splitlines()]
        built_in = [row[0] for row in rows if row[1:2] == ["built-in"]]
        if not built_in:
            raise SmokeError("`templates` lists no built-in templates")
        return built_in

    def new_from_templates(self) -> None:
        templates = self.templates()
        before = len(self.journeys())
        for language in LANGUAGES:
            for name in templates:
                self.cjmapper("new", "--template", name, "--language", language, "--title", f"{name} {language}")
        titles = {line.split("\t")[-1] for line in self.journeys()}
        if len(self.journeys()) != before + len(templates) * len(LANGUAGES):
            raise SmokeError(f"expected {len(templates) * len(LANGUAGES)} new journeys, the library lists {titles}")

    def import_journey(self) -> None:
        self.cjmapper("export", self.example, "-o", self.work / "example.json")
        self.imported = self.cjmapper("import", self.work / "example.json").strip()
        if not self.imported.isdigit():
            raise SmokeError(f"`import` printed {self.imported!r}, not a journey id")

    def export_all(self) -> None:
        for extension in EXPORTS:
            self.cjmapper("export", self.imported, "-o", self.work / f"out.{extension}")
        out = {extension: (self.work / f"out.{extension}").read_bytes() for extension in EXPORTS}
        try:
            if not json.loads(out["json"])["title"]:
                raise SmokeError("the JSON export has no title")
        except (ValueError, KeyError) as error:
            raise SmokeError(f"the JSON export is not a journey: {error}") from None
        if out["csv"].count(b"\n") <= 10:
            raise SmokeError("the CSV export has hardly any rows")
        checks = {"pdf": out["pdf"].startswith(b"%PDF"), "png": out["png"].startswith(b"\x89PNG")}
        checks["svg"] = b"<svg" in out["svg"][:2000]
        checks["pptx"] = _is_deck(self.work / "out.pptx")
        if broken := [e for e, good in checks.items() if not good]:
            raise SmokeError(f"not a real file: {', '.join(broken)}")

    def editor(self, seconds: float) -> None:
        """Start the editor on the default library, wait for its window, keep it a few seconds, then Ctrl+C."""
        start = time.monotonic()
        with subprocess.Popen(
            self.program, cwd=self.work, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        ) as process:
            try:
                self._watch_editor(process, start, seconds)
            finally:
                if process.poll() is None:
                    process.kill()

    def _watch_editor(self, process: subprocess.Popen[str], start: float, seconds: float) -> None:
        shown = threading.Event()
        lines: list[str] = []

        def read_stderr() -> None:
            assert process.stderr is not None
            for line in process.stderr:
                lines.append(line.rstrip("\n"))
                if line.strip() == OFFSCREEN_NOTICE:
                    shown.set()

        reader = threading.Thread(target=read_stderr, daemon=True)
        reader.start()
        deadline = start + TIMEOUT
        while not shown.wait(0.05):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SmokeError(f"no window appeared (exit code {process.returncode}): {_tail(lines)}")
        self.first_window = time.monotonic() - start
        time.sleep(seconds)
        if process.poll() is not None:
            raise SmokeError(f"the editor ended by itself, exit code {process.returncode}: {_tail(lines)}")
        process.send_signal(signal.SIGINT)  # the editor quits on Ctrl+C
        try:
            code = process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            raise SmokeError("the editor did not quit on Ctrl+C within 60 s") from None
        reader.join(timeout=10)
        if code != 0:
            raise SmokeError(f"the editor exited {code}: {_tail(lines)}")
        if errors := [line for line in lines if line != OFFSCREEN_NOTICE]:
            raise SmokeError(f"the editor wrote to stderr: {_tail(errors)}")

    def work_folder_clean(self) -> None:
        expected = {"example.json", *(f"out.{e}" for e in EXPORTS)}
        if extra := sorted({p.name for p in self.work.iterdir()} - expected):
            raise SmokeError(f"the program left {extra} in the folder it ran in")


def _is_deck(path: Path) -> bool:
    """Whether `path` is a PowerPoint deck with slides and the map's picture."""
    try:
        with zipfile.ZipFile(path) as deck:
            names = deck.namelist()
    except (OSError, zipfile.BadZipFile):
        return False
    slides = [n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    return len(slides) >= 3 and any(n.startswith("ppt/media/") and n.endswith(".png") for n in names)


def _tail(output: str | list[str], lines: int = 8) -> str:
    """The last lines of a command's output, on one line."""
    text = output if isinstance(output, str) else "\n".join(output)
    kept = text.strip().splitlines()[-lines:]
    return " | ".join(kept) if kept else "(no output)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/smoke", description=__doc__.split("\n\n")[0])
    parser.add_argument("--bare", action="store_true", help="run the program with an empty environment (env -i)")
    parser.add_argument("--editor-seconds", type=float, default=3.0, help="how long the editor stays open")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("program", nargs=argparse.REMAINDER, help="the command that runs cjmapper")
    args = parser.parse_args(argv)
    if not args.program:
        parser.error("give the command that runs cjmapper, e.g. .venv/bin/cjmapper or dist/cjmapper/cjmapper")
    program = list(args.program)
    if os.sep in program[0] or (os.altsep and os.altsep in program[0]):
        program[0] = str(Path(program[0]).resolve())  # the steps run in another folder
    elif resolved := shutil.which(program[0]):
        program[0] = resolved
    base = Path(tempfile.mkdtemp(prefix="cjmapper-smoke-"))
    try:
        Smoke(program, base, args.bare, say=print).run(args.editor_seconds)
    except SmokeError as error:
        print(f"smoke: FAILED at {error} (files kept in {base})", file=sys.stderr)
        return 1
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
