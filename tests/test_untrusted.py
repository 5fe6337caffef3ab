"""Files from strangers: journey files and libraries never run code, are bounded in what they make cjmapper
allocate, and hostile text (markup, control characters, right-to-left overrides, zero-width joiners, emoji,
combining marks stacked 500 deep, the longest texts the format allows) is drawn on the canvas, printed on the
poster and pictured, as typed; what is longer than the format allows is refused with one clear error.

The random sweeps are tests/test_interchange_fuzz.py (journey files) and tests/test_store_fuzz.py (libraries).
"""

from __future__ import annotations

import ast
import json
import sqlite3
import time
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from cjmapper.cli import main as cli_main
from cjmapper.errors import EditError, InterchangeError, LibraryError
from cjmapper.interchange import journey_reader, read_journey, read_journey_file, untrusted_json, write_journey
from cjmapper.model import (
    MAX_NAME,
    MAX_TEXT,
    MAX_TITLE,
    Journey,
    Lane,
    LaneKind,
    Persona,
    Phase,
    Touchpoint,
)
from cjmapper.poster import render_poster
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.store_helpers import sample_journey
from tests.test_interchange_json import minimal_document, with_touchpoint
from tests.test_window import choose
from tests.window_helpers import open_window
from ui.export import pictures
from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------------------------- journey files


def refusal(data: str | bytes) -> str:
    """The one problem the reader reports for `data`."""
    with pytest.raises(InterchangeError) as caught:
        read_journey(data)
    problems = caught.value.problems
    assert len(problems) == 1, problems
    assert "\n" not in problems[0]
    return problems[0]


def test_a_1_gb_journey_file_is_refused_at_once_without_being_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "huge.json"
    with big.open("wb") as f:
        f.truncate(1 << 30)  # sparse: costs no disk and no time
    started = time.monotonic()
    with pytest.raises(InterchangeError) as caught:
        read_journey_file(big)
    elapsed = time.monotonic() - started
    assert elapsed < 0.2
    assert caught.value.problems == ["file: too large to read (1,073,741,824 bytes; the limit is 268,435,456 bytes)"]
    assert str(caught.value) == (
        "huge.json: file: too large to read (1,073,741,824 bytes; the limit is 268,435,456 bytes)"
    )
    # and the same from the command line: one line, exit 1, nothing imported
    library = tmp_path / "lib.cjm"
    started = time.monotonic()
    code = cli_main(["--library", str(library), "import", str(big)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == f"cjmapper: error: {caught.value}\n"
    assert time.monotonic() - started < 2.0
    with Library.open(library) as opened:
        assert opened.list_journeys() == []


def test_an_endless_stream_is_read_only_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A device that never ends (here /dev/zero) reports size 0: the read stops one byte past the limit."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    monkeypatch.setattr(untrusted_json, "MAX_FILE_BYTES", 1 << 20)
    started = time.monotonic()
    with pytest.raises(InterchangeError) as caught:
        read_journey_file(Path("/dev/zero"))
    assert caught.value.problems == ["file: too large to read (1,048,577 bytes; the limit is 1,048,576 bytes)"]
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize(
    ("unit", "count"),
    [("[],", 3_000_000), ("{},", 3_000_000), ("0,", 3_000_000), ('"ab",', 3_000_000), ("[[[[0]]]],", 100_000)],
    ids=["empty arrays", "empty objects", "numbers", "strings", "nests"],
)
def test_a_file_of_millions_of_tiny_values_is_refused_before_parsing(unit: str, count: int) -> None:
    """Parsing makes a Python object per value, dozens of bytes each: 10 MB of "[]," took 700 MB and 7 s before the
    count, a 256 MB file tens of gigabytes. The reader counts values first and refuses far more than a journey can
    hold (a few times what the largest valid journey has), and counting allocates next to nothing."""
    text = '{"format": "cjmapper.journey", "version": 1, "phases": [' + unit * count + "0]}"
    tracemalloc.start()
    try:
        started = time.monotonic()
        problem = refusal(text)
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problem.startswith("document: holds far more values than a journey file can"), unit
    assert peak < 30_000_000, f"{unit!r}: {peak:,} bytes allocated to refuse {len(text):,} characters"
    assert elapsed < 2.0


def test_strings_full_of_commas_and_brackets_do_not_count_as_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """The count leaves strings out: the largest journey the format allows, its notes full of punctuation, reads.
    (With the limit lowered to 2,000 touchpoints, so the test stays quick; the bounds scale with it.)"""
    monkeypatch.setattr(untrusted_json, "MAX_TOUCHPOINTS", 2_000)
    monkeypatch.setattr(journey_reader, "MAX_TOUCHPOINTS", 2_000)
    journey = sample_journey(phases=10, lanes=10, cards_per_cell=20)
    for card in journey.touchpoints:
        card.notes = '[{"a", "b"}], ' * 100
        card.expectation, card.owner, card.channel, card.color = "e", "o", "c", "#aabbcc"
    text = write_journey(journey)
    assert text.count(",") > 300_000  # five times the bound: only leaving the strings out lets it through
    assert len(read_journey(text).touchpoints) == 2_000
    assert not untrusted_json.too_many_values(text)
    # one more touchpoint is the reader's own clear problem, not a count refusal
    document = json.loads(text)
    document["touchpoints"].append(dict(document["touchpoints"][0], id="extra"))
    with pytest.raises(InterchangeError) as caught:
        read_journey(json.dumps(document))
    assert caught.value.problems == ["touchpoints: must hold at most 2,000 touchpoints (it holds 2,001)"]


def test_problems_are_listed_up_to_a_bound() -> None:
    document = minimal_document()
    document["touchpoints"] = [{"id": i} for i in range(5000)]
    with pytest.raises(InterchangeError) as caught:
        read_journey(json.dumps(document))
    assert len(caught.value.problems) == 1001
    assert caught.value.problems[-1] == "document: more problems, not listed (these are the first 1,000)"


def _document_bytes(document: dict[str, Any] | None = None) -> bytes:
    return json.dumps(document or minimal_document()).encode("utf-8")


HOSTILE_FILES: list[tuple[str, bytes, str]] = [
    # deep nesting
    ("nested arrays", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (
        "nested persona",
        _document_bytes().replace(b'"title": "Reis"', b'"title": "Reis", "persona": ' + b"[" * 50_000 + b"]" * 50_000),
        "nested too deeply",
    ),
    # huge numbers
    ("score 1e400", _document_bytes().replace(b'"score": 5', b'"score": 1e400'), "not a decimal number"),
    ("score 5.0", _document_bytes().replace(b'"score": 5', b'"score": 5.0'), "not a decimal number"),
    ("score 2^64", _document_bytes().replace(b'"score": 5', b'"score": 18446744073709551616'), "must be 1 to 5"),
    ("votes 10^4000", _document_bytes().replace(b'"score": 5', b'"votes": 1' + b"0" * 4000), "must be 0 to 1,000,000"),
    ("votes 10^5000", _document_bytes().replace(b'"score": 5', b'"votes": 1' + b"0" * 5000), "more than 4300 digits"),
    ("version -0", _document_bytes().replace(b'"version": 1', b'"version": -0'), "must be 1, 2, 3 or 4 (it is 0)"),
    ("version NaN", _document_bytes().replace(b'"version": 1', b'"version": NaN'), "NaN is not a JSON number"),
    # duplicate keys
    ("format twice", _document_bytes().replace(b'"version": 1', b'"version": 1, "format": "x"'), "more than once"),
    (
        "card title twice",
        _document_bytes(with_touchpoint(title="A")).replace(b'"A"', b'"A", "title": "B"'),
        "touchpoints[0].title: appears more than once",
    ),
    # not UTF-8
    ("overlong UTF-8", _document_bytes().replace(b"Reis", b"Re\xc0\xafis"), "not UTF-8 text (byte 0xc0"),
    ("UTF-8 surrogate", _document_bytes().replace(b"Reis", b"Re\xed\xa0\x80is"), "not UTF-8 text (byte 0xed"),
    ("cut in a character", _document_bytes()[:-1] + b' "\xe2\x82', "not UTF-8 text (byte 0xe2: unexpected end"),
    ("Latin-1", _document_bytes().replace(b"Reis", b"R\xe9is"), "save the file as UTF-8"),
    # byte order marks
    ("two BOMs", b"\xef\xbb\xbf\xef\xbb\xbf" + _document_bytes(), "(a second byte order mark)"),
    ("UTF-16 BOM", "\ufeff".encode("utf-16-le") + _document_bytes().decode().encode("utf-16-le"), "not UTF-8"),
    ("UTF-32", _document_bytes().decode().encode("utf-32"), "not UTF-8"),
    ("BOM before a value", _document_bytes().replace(b'"Reis"', b'\xef\xbb\xbf"Reis"'), "not valid JSON"),
    # NUL bytes
    ("NUL first", b"\x00" + _document_bytes(), "line 1, column 1: not valid JSON"),
    ("NUL between tokens", _document_bytes().replace(b", ", b",\x00 ", 1), "not valid JSON"),
    ("NUL in a string", _document_bytes().replace(b"Reis", b"Re\x00is"), "(a control character inside a string)"),
    ("NUL after", _document_bytes() + b"\x00", "not valid JSON (extra data)"),
    ("escaped NUL in a key", _document_bytes().replace(b'"title"', b'"ti\\u0000tle"'), "unknown field"),
    ("unclosed string", _document_bytes()[:38], "not valid JSON (a string is not closed)"),
]


@pytest.mark.parametrize(
    ("data", "expected"), [(d, e) for _, d, e in HOSTILE_FILES], ids=[n for n, _, _ in HOSTILE_FILES]
)
def test_a_hostile_journey_file_is_one_clean_interchange_error(data: bytes, expected: str) -> None:
    with pytest.raises(InterchangeError) as caught:
        read_journey(data, source="hostile.json")
    message = str(caught.value)
    assert expected in message
    assert message.startswith("hostile.json: ")
    assert "\n" not in message
    message.encode("utf-8")  # printable


def test_escaped_control_characters_and_byte_order_marks_inside_strings_are_text() -> None:
    """Inside a string they are characters like any other: kept, and (below) drawn and printed."""
    data = _document_bytes(with_touchpoint(title="A\u001b[31m\ufeffB\u0007"))
    assert read_journey(data).touchpoints[0].title == "A\x1b[31m\ufeffB\x07"


def test_an_escaped_nul_is_refused_at_its_place() -> None:
    """NUL is the one character no library keeps (PostgreSQL cannot store it; a file library refuses it too, so a
    journey moves between the two unchanged): the reader names the field that holds it."""
    data = _document_bytes(with_touchpoint(title="A\u0000B"))
    with pytest.raises(InterchangeError, match=r"touchpoints\[\d+\]\.title: holds a NUL character"):
        read_journey(data)


# ---------------------------------------------------------------------------------------------- no code from files

FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "jsonpickle", "yaml"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "runfile"}
FORBIDDEN_ATTRIBUTES = {
    ("os", "system"),
    ("os", "popen"),
    ("os", "execv"),
    ("os", "execvp"),
    ("os", "spawnv"),
    ("importlib", "import_module"),
    ("runpy", "run_path"),
    ("runpy", "run_module"),
    ("ctypes", "CDLL"),
}
FORBIDDEN_METHODS = {"enable_load_extension", "load_extension", "unsafe_load", "full_load"}
ALLOWED: dict[str, str] = {
    # "path:line-free description": why it is safe. Keep this short; every entry is a hole.
}


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return "?"


def code_from_data(source: str, name: str) -> list[str]:
    """Every place in `source` that could run code or load native code named by data: imports of pickle-like
    modules, eval/exec/compile, shells, dynamic imports, SQLite extensions, yaml.load."""
    tree = ast.parse(source, filename=name)
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"imports {a.name}" for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in FORBIDDEN_MODULES:
            found.append(f"imports {node.module}")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found.append(f"calls {func.id}()")
            elif isinstance(func, ast.Attribute):
                dotted = _dotted(func)
                owner = dotted.rsplit(".", 1)[0].split(".")[-1]
                if (owner, func.attr) in FORBIDDEN_ATTRIBUTES or func.attr in FORBIDDEN_METHODS:
                    found.append(f"calls {dotted}()")
                if dotted == "yaml.load":
                    found.append("calls yaml.load()")
            for keyword in node.keywords:
                if keyword.arg == "shell" and not (isinstance(keyword.value, ast.Constant) and not keyword.value.value):
                    found.append(f"calls {_dotted(node.func)}(shell=...)")
    return [f"{name}:{node}" for node in found]


def product_sources() -> Iterator[Path]:
    for package in ("cjmapper", "ui"):
        yield from sorted((ROOT / package).rglob("*.py"))


def test_no_code_runs_from_files() -> None:
    """Neither the core nor the editor has a way to run code that a file names: no pickle, marshal, shelve or
    yaml, no eval or exec, no shell, no dynamic import, no SQLite extension loading."""
    found = []
    for path in product_sources():
        relative = path.relative_to(ROOT).as_posix()
        found += [f for f in code_from_data(path.read_text(encoding="utf-8"), relative) if f not in ALLOWED]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "import pickle\n",
        "from yaml import load\n",
        "import marshal as m\n",
        "x = eval(text)\n",
        "exec(code)\n",
        "os.system(command)\n",
        "subprocess.run(command, shell=True)\n",
        "subprocess.Popen(command, shell=flag)\n",
        "conn.enable_load_extension(True)\n",
        "importlib.import_module(name)\n",
        "yaml.load(stream)\n",
        "__import__(name)\n",
    ],
)
def test_the_scan_finds_each_way_of_running_code(source: str) -> None:
    assert code_from_data(source, "probe.py") != []


@pytest.mark.parametrize(
    "source",
    [
        "menu.exec(point)\n",
        "dialog.exec()\n",
        "conn.exec_driver_sql('PRAGMA x')\n",
        "subprocess.run(['a'], shell=False)\n",
    ],
)
def test_the_scan_leaves_qt_exec_and_plain_processes_alone(source: str) -> None:
    assert code_from_data(source, "probe.py") == []


def test_a_library_carrying_triggers_does_not_run_them(tmp_path: Path) -> None:
    path = tmp_path / "stranger.cjm"
    with Library.open(path) as library:
        journey_id = library.create_journey(sample_journey())
    raw = sqlite3.connect(path)
    raw.execute("CREATE TRIGGER sneaky AFTER UPDATE ON journeys BEGIN DELETE FROM touchpoints; END")
    raw.commit()
    raw.close()
    before_bytes = path.read_bytes()
    with pytest.raises(LibraryError, match="holds SQL that cjmapper did not put there \\(trigger sneaky\\)"):
        Library.open(path)
    assert path.read_bytes() == before_bytes
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER sneaky")
    raw.commit()
    raw.close()
    with Library.open(path) as library:
        before = len(library.load_journey(journey_id).touchpoints)
        library.update_journey(journey_id, description="an ordinary edit")
        assert len(library.load_journey(journey_id).touchpoints) == before


# ---------------------------------------------------------------------------------------------- hostile text

MARKUP = "<b>bold</b> &amp; R&D a<b <script>alert(1)</script>"
CONTROL = "ctl " + "".join(chr(c) for c in range(1, 0x20)) + " end"  # NUL: refused, see below
RTL = "\u202eevil\u202c right-to-left override"
ZERO_WIDTH = "zero\u200bwidth\u200c\u200djoiners\u2060\ufeff"
EMOJI = "emoji 😀🎉 👍🏽 🇳🇱 👩\u200d👩\u200d👧"
STACKED = "Z" + "\u0301" * 500  # combining marks 500 deep
TITLES = [MARKUP, CONTROL, RTL, ZERO_WIDTH, EMOJI, STACKED[:MAX_TITLE], "w" * MAX_TITLE]
LONG_NOTES = ((STACKED + " " + EMOJI + " " + MARKUP + " ") * 100)[:MAX_TEXT]


def hostile_journey(title: str = MARKUP) -> Journey:
    """Every kind of hostile text, each as long as the format allows where that matters."""
    cards = [
        Touchpoint(
            number + 1,
            number % 3 + 1,
            number % 2 + 1,
            number,
            text,
            notes=LONG_NOTES if number % 2 else text,
            channel="<chan>&amp;",
            score=number % 5 + 1,
            expectation=RTL,
            owner=CONTROL,
            votes=number + 1,
        )
        for number, text in enumerate(TITLES)
    ]
    return Journey(
        id=0,
        title=title,
        description=LONG_NOTES,
        personas=[Persona(MARKUP, RTL + " " + EMOJI, LONG_NOTES, CONTROL)],
        phases=[Phase(1, RTL), Phase(2, MARKUP), Phase(3, STACKED[:MAX_NAME])],
        lanes=[Lane(1, ZERO_WIDTH), Lane(2, EMOJI), Lane(3, CONTROL, LaneKind.EMOTIONS)],
        touchpoints=cards,
    )


def test_text_longer_than_the_format_allows_is_refused_with_one_clear_error(tmp_path: Path) -> None:
    long = "x" * 100_000
    with Library.open(tmp_path / "lib.cjm") as library:
        for change in ("title", "card title", "card notes", "persona"):
            journey = hostile_journey()
            if change == "title":
                journey.title = long
            elif change == "card title":
                journey.touchpoints[0].title = long
            elif change == "card notes":
                journey.touchpoints[0].notes = long
            else:
                journey.persona = Persona(long)
            with pytest.raises(EditError) as caught:
                library.create_journey(journey)
            assert "100000 characters long" in str(caught.value)
            assert "\n" not in str(caught.value)
        assert library.list_journeys() == []
        card = library.load_journey(library.create_journey(hostile_journey())).touchpoints[0]
        with pytest.raises(EditError, match="100000 characters long"):
            library.update_touchpoint(card.id, notes=long)
    document = json.loads(write_journey(hostile_journey()))
    document["title"] = long
    document["touchpoints"][0]["notes"] = long
    with pytest.raises(InterchangeError) as refused:
        read_journey(json.dumps(document))
    assert refused.value.problems == [
        "title: must be 1 to 200 characters after trimming (it has 100,000)",
        "touchpoints[0].notes: must be at most 10,000 characters (it has 100,000)",
    ]


def _paint(window: MainWindow, qtbot: QtBot) -> None:
    """Draw the window as the user sees it: fitted, at 100%, with every card and then the longest one selected."""
    app = QApplication.instance()
    assert app is not None
    assert window.scene is not None
    for step in (window.view.fit, window.view.zoom_reset, window.view.zoom_in, window.view.zoom_in):
        step()
        app.processEvents()
        assert not window.grab().isNull()
    items = window.scene.card_items()
    window.scene.select_ids(items)
    app.processEvents()
    assert not window.grab().isNull()
    for card_id in items:
        window.scene.select_ids([card_id])
        app.processEvents()
        assert not window.grab().isNull()
    window.scene.select_ids([])
    app.processEvents()


def _squeezed(text: str) -> str:
    """`text` without whitespace (a poster wraps titles over lines; the extracted text breaks them there)."""
    return "".join(text.split())


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.fixture
def hostile_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "hostile.cjm"
    with Library.open(path) as library:
        library.create_journey(hostile_journey())
    window = open_window(qtbot, path)
    yield window
    window.library.close()


def test_hostile_text_is_drawn_printed_and_pictured_as_typed(
    qtbot: QtBot,
    hostile_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    window = hostile_window
    # Through the editor's own import: too long is one message and nothing imported; the rest opens.
    too_long = tmp_path / "too-long.json"
    document = json.loads(write_journey(hostile_journey()))
    document["touchpoints"][0]["title"] = "x" * 100_000
    too_long.write_text(json.dumps(document), encoding="utf-8")
    source = tmp_path / "hostile.json"
    source.write_text(write_journey(hostile_journey(MARKUP + " (imported)")), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(too_long), ""))
    window.import_action.trigger()
    assert len(warnings) == 1
    assert "touchpoints[0].title: must be 1 to 200 characters after trimming (it has 100,000)" in warnings[0]
    assert window.library_panel.titles() == [MARKUP]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window.import_action.trigger()
    assert window.document is not None
    assert window.document.journey.title == MARKUP + " (imported)"
    assert sorted(card.title for card in window.document.journey.touchpoints) == sorted(
        title.strip() for title in TITLES
    )
    _paint(window, qtbot)

    # The editor refuses a 100,000-character title with a message, and the library keeps the card as it was.
    card = window.document.journey.touchpoints[0]
    assert not window.document.update_touchpoint(card.id, title="y" * 100_000)
    assert len(warnings) == 2
    assert "100000 characters long" in warnings[1]
    with Library.open(window.library.location) as fresh:
        assert fresh.load_journey(window.document.journey_id).touchpoint(card.id).title == card.title

    # The journey made through the edit API draws too.
    choose(window, MARKUP)
    assert window.document.journey.title == MARKUP
    _paint(window, qtbot)

    # The poster prints every title as typed (control characters are not text: their neighbours are).
    journey = window.document.journey
    poster = tmp_path / "poster.pdf"
    render_poster(journey, poster)
    printed = _squeezed(_pdf_text(poster))
    for typed in (MARKUP, RTL, ZERO_WIDTH, EMOJI, STACKED[:MAX_TITLE], "<chan>&amp;"):
        assert _squeezed(typed) in printed, typed[:20]
    for fragment in ("ctl", "end"):
        assert fragment in printed

    # Pictures: a PNG that loads, an SVG whose text is text (markup escaped, no script element).
    pictures.save_picture(window.document, tmp_path / "map.png", "png", 72)
    image = QImage(str(tmp_path / "map.png"))
    assert not image.isNull()
    assert image.width() > 100
    pictures.save_picture(window.document, tmp_path / "map.svg", "svg")
    svg = (tmp_path / "map.svg").read_bytes()
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert b"<script" not in svg.lower()
    assert b"<foreignobject" not in svg.lower()


def test_an_svg_picture_of_hostile_text_is_well_formed_xml(hostile_window: MainWindow, tmp_path: Path) -> None:
    window = hostile_window
    choose(window, MARKUP)
    assert window.document is not None
    pictures.save_picture(window.document, tmp_path / "map.svg", "svg")
    svg = ET.parse(tmp_path / "map.svg")
    assert not [e for e in svg.iter() if e.tag.rsplit("}", 1)[-1].lower() in ("script", "foreignobject")]
    assert "<script>alert(1)</script>" in "".join(svg.getroot().itertext())


def _might_be_rich_text(text: str) -> bool:
    """Qt's own guess, which QLabel (AutoText) and tooltips follow."""
    return bool(QtGui.Qt.mightBeRichText(text))


def _markup_as_rich_text(window: QWidget, typed: str, *, tooltips: bool) -> list[str]:
    """Labels (or, with `tooltips`, tooltips) that show the user's `typed` text and would render it as rich text."""
    found: list[str] = []
    for label in window.findChildren(QLabel):
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and _might_be_rich_text(label.text())
        )
        if typed in label.text() and rich:
            found.append(f"QLabel {label.objectName() or label.text()[:30]!r}")
    if not tooltips:
        return found
    for widget in window.findChildren(QWidget):
        if typed in widget.toolTip() and _might_be_rich_text(widget.toolTip()):
            found.append(f"tooltip of {type(widget).__name__}")
    for listing in window.findChildren(QListWidget):
        for row in range(listing.count()):
            tip = listing.item(row).toolTip()
            if typed in tip and _might_be_rich_text(tip):
                found.append(f"tooltip of {listing.objectName() or type(listing).__name__} row {row}")
    return found


def test_tooltips_show_user_text_as_plain_text(hostile_window: MainWindow) -> None:
    window = hostile_window
    choose(window, MARKUP)
    window.voting_panel.ranking()  # fill the Most voted list (the cards have votes)
    QApplication.processEvents()
    assert _markup_as_rich_text(window, "<b>bold</b>", tooltips=True) == []


def test_labels_show_user_text_as_plain_text(hostile_window: MainWindow) -> None:
    """Every label that shows the journey's text (strips, panels, properties) shows markup as typed."""
    window = hostile_window
    choose(window, MARKUP)
    assert window.scene is not None
    window.scene.select_ids(list(window.scene.card_items())[:1])
    window.voting_panel.ranking()
    QApplication.processEvents()
    assert _markup_as_rich_text(window, "<b>bold</b>", tooltips=False) == []


@pytest.mark.both_backends
def test_an_edit_holding_a_nul_is_refused_and_changes_nothing(library: Library) -> None:
    journey_id = library.create_journey(load_example("nl"))
    before = library.load_journey(journey_id)
    card = before.touchpoints[0]
    with pytest.raises(EditError, match=r"touchpoint title holds a NUL character"):
        library.update_touchpoint(card.id, title="Web\x00shop", expected_revision=before.revision)
    with pytest.raises(EditError, match=r"description holds a NUL character"):
        library.update_journey(journey_id, description="\x00")
    assert library.load_journey(journey_id) == before
