"""Opening mutated library files (a stranger's, or a damaged one) only ever gives a clean error or a usable library.

Starting from real small libraries (a checkpointed file, and one left with its WAL and shared-memory files as a
crash leaves them), hypothesis flips and overwrites bytes (in the header, on random pages), zeroes, swaps and drops
pages, truncates or pads the file, and garbles or cuts the WAL and shared-memory leftovers. For every case:

- `Library.open` raises a `CjmapperError` with one clean line, or opens; an open library lists its journeys and
  loads each, or raises `CjmapperError` (never another exception), and what loads is a journey the editor can draw;
- a failed open leaves the library file byte for byte as it was;
- nothing hangs (a case takes seconds at most; a watchdog ends the run with tracebacks after a minute).

tests/test_store_open.py has one test per named kind of bad file; this is the random sweep around them.
"""

from __future__ import annotations

import faulthandler
import io
import os
import shutil
import sqlite3
import struct
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjmapper.errors import CjmapperError
from cjmapper.layout import compute_layout
from cjmapper.model import Journey
from cjmapper.poster import render_poster
from cjmapper.store import Library
from tests.store_helpers import sample_journey
from tests.thoroughness import FULL, examples

EXAMPLES = int(os.environ.get("CJM_FUZZ_EXAMPLES", "0")) or examples(600, 200)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CASE_SECONDS = 10.0
"""A case taking longer than this counts as a hang."""
PAGE = 4096
SUFFIXES = ("", "-wal", "-shm")


@dataclass(frozen=True)
class Pristine:
    """A library's files as bytes: the main file, and the WAL and shared memory when it has them."""

    files: dict[str, bytes]

    def __repr__(self) -> str:  # hypothesis shows the strategies' arguments: not the bytes
        return f"Pristine({', '.join(f'lib.cjm{suffix}: {len(data)} bytes' for suffix, data in self.files.items())})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def write(self, folder: Path, name: str = "lib.cjm") -> Path:
        path = folder / name
        for suffix, data in self.files.items():
            Path(f"{path}{suffix}").write_bytes(data)
        return path


def _library_files(path: Path) -> dict[str, bytes]:
    return {suffix: Path(f"{path}{suffix}").read_bytes() for suffix in SUFFIXES if Path(f"{path}{suffix}").exists()}


def make_pristine(folder: Path) -> tuple[Pristine, Pristine]:
    """Two small libraries: closed cleanly (one file), and as a killed editor leaves one (edits still in the WAL)."""
    clean = folder / "clean.cjm"
    with Library.open(clean) as library:
        library.create_journey(sample_journey("First", cards_per_cell=3))
        second = library.create_journey(sample_journey("Second", phases=2, lanes=1, cards_per_cell=2))
        library.update_journey(second, title="Second, renamed")
    crashed = folder / "crashed.cjm"
    shutil.copyfile(clean, crashed)
    holder = sqlite3.connect(crashed, isolation_level=None)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("UPDATE touchpoints SET title = title || ' (edited)' WHERE id % 2 = 0")
    holder.execute("DELETE FROM touchpoints WHERE id % 5 = 0")
    holder.execute("UPDATE journeys SET revision = revision + 1")
    copy = folder / "copy"
    copy.mkdir()
    for suffix in SUFFIXES:  # copied while the connection is open, as a crash would leave them
        shutil.copyfile(f"{crashed}{suffix}", f"{copy / 'lib.cjm'}{suffix}")
    holder.close()
    return Pristine(_library_files(clean)), Pristine(_library_files(copy / "lib.cjm"))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Pristine, Pristine]:
    return make_pristine(tmp_path_factory.mktemp("pristine"))


@pytest.fixture(autouse=True)
def _watchdog() -> Iterator[None]:
    """A hang fails the run loudly (tracebacks of every thread, then exit) instead of stalling CI."""
    faulthandler.dump_traceback_later(120 if FULL else 60, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


# ---------------------------------------------------------------------------------------------- mutations


@st.composite
def mutations(draw: st.DrawFn, base: Pristine) -> tuple[dict[str, bytes], list[str]]:
    """`base`'s files with one to four random changes, and a description of each."""
    files = dict(base.files)
    done: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        suffix = draw(st.sampled_from(sorted(files))) if draw(st.integers(0, 3)) else ""
        data = bytearray(files[suffix])
        size = len(data)
        pages = max(1, size // PAGE)
        kind = draw(
            st.sampled_from(["bytes", "header", "zero page", "copy page", "truncate", "pad", "swap pages", "drop"])
        )
        if kind == "drop" and suffix:
            del files[suffix]
            done.append(f"removed lib.cjm{suffix}")
            continue
        if kind == "bytes" and size:
            count = draw(st.integers(1, 16))
            offsets = draw(st.lists(st.integers(0, size - 1), min_size=count, max_size=count))
            for offset in offsets:
                data[offset] = draw(st.integers(0, 255))
            done.append(f"{suffix or 'file'}: bytes at {offsets[:6]} changed")
        elif kind == "header" and size:
            end = min(size, 100 if not suffix else 32)
            offset = draw(st.integers(0, end - 1))
            value = draw(st.binary(min_size=1, max_size=4))
            data[offset : offset + len(value)] = value
            done.append(f"{suffix or 'file'}: header byte {offset} set to {value.hex()}")
        elif kind == "zero page" and size:
            page = draw(st.integers(0, pages - 1))
            data[page * PAGE : (page + 1) * PAGE] = bytes(len(data[page * PAGE : (page + 1) * PAGE]))
            done.append(f"{suffix or 'file'}: page {page} zeroed")
        elif kind == "copy page" and pages > 1:
            source, target = draw(st.integers(0, pages - 1)), draw(st.integers(0, pages - 1))
            chunk = bytes(data[source * PAGE : (source + 1) * PAGE])
            data[target * PAGE : target * PAGE + len(chunk)] = chunk
            done.append(f"{suffix or 'file'}: page {source} copied over page {target}")
        elif kind == "swap pages" and pages > 1:
            a, b = sorted(draw(st.lists(st.integers(0, pages - 1), min_size=2, max_size=2, unique=True)))
            first, second = bytes(data[a * PAGE : (a + 1) * PAGE]), bytes(data[b * PAGE : (b + 1) * PAGE])
            data[a * PAGE : (a + 1) * PAGE], data[b * PAGE : (b + 1) * PAGE] = second, first
            done.append(f"{suffix or 'file'}: pages {a} and {b} swapped")
        elif kind == "truncate":
            keep = draw(st.integers(0, size) | st.sampled_from([PAGE * p for p in range(pages + 1)]))
            del data[keep:]
            done.append(f"{suffix or 'file'}: cut to {keep} bytes")
        else:
            extra = draw(st.binary(min_size=1, max_size=64)) * draw(st.sampled_from([1, 64]))
            data += extra
            done.append(f"{suffix or 'file'}: {len(extra)} bytes added")
        files[suffix] = bytes(data)
    return files, done


KNOWN_BUGS: dict[str, str] = {}
"""Store bugs this sweep found (cjmapper/store is not this test's to change): each is pinned by the strict xfail
test named here, and tolerated (and counted) by the sweep until it is fixed. Delete an entry with its fix."""


class KnownBugError(Exception):
    """A case ran into one of KNOWN_BUGS."""


def _origin(error: BaseException) -> str:
    """The file of cjmapper's innermost frame in the error's traceback."""
    frames = [frame.filename for frame in traceback.extract_tb(error.__traceback__)]
    ours = [name for name in frames if f"{os.sep}cjmapper{os.sep}" in name]
    return Path(ours[-1]).name if ours else "?"


def unclean(error: BaseException) -> None:
    """Fail (or note a known bug) unless `error` is a CjmapperError with one clean line."""
    if not isinstance(error, CjmapperError):
        bug = f"{_origin(error)} lets a {type(error).__name__} out"
        if bug in KNOWN_BUGS:
            raise KnownBugError(bug) from error
        raise AssertionError(f"{type(error).__name__} escaped: {error}") from error
    message = str(error)
    assert message, "an error without a message"
    assert "Traceback" not in message, message
    if "\n" in message:
        if "a refusal spans several lines" in KNOWN_BUGS:
            raise KnownBugError("a refusal spans several lines")
        raise AssertionError(f"a refusal spans several lines: {message!r}")


def drawable(journey: Journey) -> None:
    """What loads is a journey the editor can draw: the layout takes it."""
    compute_layout(journey)


@dataclass
class Outcome:
    refused: int = 0
    opened: int = 0
    journeys_loaded: int = 0
    journeys_refused: int = 0
    known_bugs: dict[str, int] = field(default_factory=dict)


OUTCOMES = Outcome()


def open_and_read(path: Path) -> None:
    """The contract for one mutated library (see the module's docstring)."""
    before = path.read_bytes()
    leftovers = Path(f"{path}-wal").exists()
    started = time.monotonic()
    try:
        library = Library.open(path, busy_timeout_ms=200)
    except Exception as error:
        unclean(error)
        OUTCOMES.refused += 1
        if path.read_bytes() != before:
            if leftovers and "a failed open applied the WAL leftovers" in KNOWN_BUGS:
                raise KnownBugError("a failed open applied the WAL leftovers") from None
            raise AssertionError("a failed open changed the file") from None
    else:
        OUTCOMES.opened += 1
        with library:
            try:
                infos = library.list_journeys()
            except Exception as error:
                unclean(error)
                infos = []
            for info in infos:
                try:
                    journey = library.load_journey(info.id)
                except Exception as error:
                    unclean(error)
                    OUTCOMES.journeys_refused += 1
                else:
                    drawable(journey)
                    OUTCOMES.journeys_loaded += 1
    elapsed = time.monotonic() - started
    assert elapsed < CASE_SECONDS, f"took {elapsed:.1f} s"


@dataclass(frozen=True)
class Mutated:
    """Mutated library files; shown by what was done to them (the bytes would make a useless report)."""

    files: dict[str, bytes]
    description: list[str]
    base: str

    def __repr__(self) -> str:
        return f"Mutated({self.base}: {'; '.join(self.description)})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # hypothesis prints dataclasses field by field
        printer.text(repr(self))


@st.composite
def mutated_libraries(draw: st.DrawFn, both: tuple[Pristine, Pristine]) -> Mutated:
    index = draw(st.sampled_from([0, 1]))
    files, description = draw(mutations(both[index]))
    return Mutated(files, description, ["checkpointed library", "library with WAL leftovers"][index])


def test_the_pristine_libraries_open_and_load(pristine: tuple[Pristine, Pristine]) -> None:
    for base in pristine:
        with tempfile.TemporaryDirectory() as folder:
            path = base.write(Path(folder))
            with Library.open(path) as library:
                assert not library.read_only
                assert len(library.list_journeys()) == 2
                for info in library.list_journeys():
                    library.load_journey(info.id)


def test_mutated_libraries_open_cleanly_or_are_refused_cleanly(pristine: tuple[Pristine, Pristine]) -> None:
    started = time.monotonic()

    @FUZZ
    @given(mutated_libraries(pristine))
    def case(mutated: Mutated) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Pristine(mutated.files).write(Path(folder))
            try:
                open_and_read(path)
            except KnownBugError as bug:
                OUTCOMES.known_bugs[bug.args[0]] = OUTCOMES.known_bugs.get(bug.args[0], 0) + 1

    case()
    print(
        f"\nlibrary fuzz: {EXAMPLES} cases in {time.monotonic() - started:.1f} s; "
        f"refused {OUTCOMES.refused}, opened {OUTCOMES.opened} "
        f"(journeys loaded {OUTCOMES.journeys_loaded}, refused {OUTCOMES.journeys_refused}); "
        f"known store bugs met: {OUTCOMES.known_bugs or 'none'}"
    )


def test_page_size_field_is_where_the_mutations_expect_it(pristine: tuple[Pristine, Pristine]) -> None:
    """The mutations address pages of 4096 bytes: true of the libraries cjmapper makes."""
    clean, _ = pristine
    assert struct.unpack(">H", clean.files[""][16:18])[0] == PAGE


# ---------------------------------------------------------------------------------------------- known store bugs


def _page_damage(clean: Pristine) -> Iterator[tuple[str, bytes]]:
    """The clean library with its second page overwritten by its eighth (so its format cannot be read) and one
    more page zeroed, for each page in turn: damage that the integrity check reports."""
    data = clean.files[""]
    pages = len(data) // PAGE
    for zeroed in range(2, pages):
        damaged = bytearray(data)
        damaged[PAGE : 2 * PAGE] = data[7 * PAGE : 8 * PAGE]
        damaged[zeroed * PAGE : (zeroed + 1) * PAGE] = bytes(PAGE)
        yield f"page index 7 over 1, {zeroed} zeroed", bytes(damaged)


def test_a_damaged_library_is_refused_in_one_line(tmp_path: Path, pristine: tuple[Pristine, Pristine]) -> None:
    path = tmp_path / "lib.cjm"
    messages: list[str] = []
    for label, data in _page_damage(pristine[0]):
        path.write_bytes(data)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        try:
            Library.open(path).close()
        except CjmapperError as error:
            messages.append(f"{label}: {error}")
    assert messages, "the damage was not refused at all"
    assert [message for message in messages if "\n" in message] == []


def test_a_refused_library_with_wal_leftovers_is_left_untouched(
    tmp_path: Path, pristine: tuple[Pristine, Pristine]
) -> None:
    """Checked over a read-only connection, a refused library is not checkpointed on close (it used to be: the WAL
    was copied into the damaged file and deleted)."""
    _, crashed = pristine
    files = dict(crashed.files)
    damaged = bytearray(files[""])
    # the first cell pointer of the schema page (after a leaf page's 8-byte header, an interior page's 12): "malformed
    # database schema"
    damaged[108 if damaged[100] == 0x0D else 112] = 0
    files[""] = bytes(damaged)
    path = Pristine(files).write(tmp_path)
    with pytest.raises(CjmapperError, match="damaged"):
        Library.open(path)
    after = _library_files(path)
    changed = sorted(f"lib.cjm{suffix}" for suffix in set(files) | set(after) if files.get(suffix) != after.get(suffix))
    # The file and its WAL (what a recovery needs) stay byte for byte. Only the -shm may be rewritten: it is SQLite's
    # shared-memory index of the WAL, which any reader rebuilds from the WAL, and it holds no data of its own.
    assert changed in ([], ["lib.cjm-shm"])
    assert after.get("-wal") == files.get("-wal") is not None


# ---------------------------------------------------------------------------------------------- hostile rows


def _library_with(tmp_path: Path, *statements: str) -> Path:
    """A small library changed behind cjmapper's back, as another program (or a stranger) could: checks and
    foreign keys off."""
    path = tmp_path / "lib.cjm"
    with Library.open(path) as library:
        library.create_journey(sample_journey(phases=2, lanes=2, cards_per_cell=1))
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA ignore_check_constraints = ON")
    raw.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        raw.execute(statement)
    raw.commit()
    raw.close()
    return path


def _bug(reason: str, raises: type[Exception]) -> Any:
    return pytest.mark.xfail(strict=True, raises=raises, reason=f"BUG (store, reading.py): {reason}")


_UNCHECKED_COLOUR = (
    "load_journey does not check the colours it reads; the poster then fails with a ValueError in style.rgb"
)
ROWS = [
    pytest.param("UPDATE lanes SET kind = 'bogus' WHERE id = 1", id="unknown lane kind"),
    pytest.param("UPDATE journeys SET language = 'xx'", id="unknown language"),
    pytest.param("UPDATE touchpoints SET title = CAST(X'80FF' AS TEXT) WHERE id = 1", id="title not UTF-8"),
    pytest.param("UPDATE touchpoints SET score = 99 WHERE id = 1", id="score 99"),
    pytest.param("UPDATE touchpoints SET votes = -5 WHERE id = 2", id="negative votes"),
    pytest.param("UPDATE touchpoints SET votes = 1000000000000 WHERE id = 1", id="a trillion votes"),
    pytest.param("UPDATE touchpoints SET title = printf('%.*c', 300000, 'x') WHERE id = 1", id="300,000-char title"),
    pytest.param("UPDATE phases SET name = printf('%.*c', 300000, 'p') WHERE id = 1", id="300,000-char phase"),
    pytest.param("UPDATE touchpoints SET title = '' WHERE id = 1", id="empty title"),
    pytest.param("UPDATE touchpoints SET title = 12345 WHERE id = 1", id="a number for a title"),
    pytest.param("UPDATE touchpoints SET phase_id = 9999 WHERE id = 1", id="card in no phase"),
    pytest.param("UPDATE touchpoints SET lane_id = 3 WHERE id = 1", id="card on the emotions lane"),
    pytest.param("UPDATE touchpoints SET position = 'first' WHERE id = 1", id="text for a position"),
    pytest.param("UPDATE journeys SET revision = 'abc'", id="text for a revision"),
    pytest.param("DELETE FROM phases", id="no phases"),
    pytest.param("DELETE FROM lanes", id="no lanes"),
    pytest.param(
        "UPDATE phases SET color = 'red' WHERE id = 1",
        id="phase colour 'red'",
    ),
    pytest.param(
        "UPDATE touchpoints SET color = '#zzzzzz' WHERE id = 1",
        id="card colour",
    ),
    pytest.param(
        "UPDATE touchpoints SET score = 'high' WHERE id = 1",
        id="text for a score",
    ),
    pytest.param(
        "UPDATE touchpoints SET notes = X'00010203' WHERE id = 1",
        id="bytes for notes",
    ),
]


@pytest.mark.parametrize("statement", ROWS)
def test_a_library_row_the_model_cannot_hold_is_a_clean_error_or_draws(tmp_path: Path, statement: str) -> None:
    """A library from a stranger may hold anything in its rows. Opening and loading it gives a clean error, or a
    journey the layout and the poster can draw."""
    path = _library_with(tmp_path, statement)
    refused: CjmapperError | None = None
    journeys: list[Journey] = []
    try:
        with Library.open(path) as library:
            journeys = [library.load_journey(info.id) for info in library.list_journeys()]
    except CjmapperError as error:
        refused = error
    if refused is not None:
        assert "\n" not in str(refused)
    for journey in journeys:
        compute_layout(journey)
        render_poster(journey, io.BytesIO())
