"""Guards against PySide6 6.12.0's None refcount bug.

On CPython 3.11, PySide6 6.12.0 decrements None's reference count on every call of a method that returns
nothing; after a few thousand such calls the interpreter aborts ("deallocating None"). The pin in
pyproject.toml keeps PySide6 below 6.12; these tests fail if that pin is lost or the bug comes back.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

import PySide6

CALLS = 200_000
MARKER = "VOID-CALLS-SURVIVED"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def test_version_parser() -> None:
    assert _version("6.11.3") == (6, 11, 3)
    assert _version("6.12.0") >= (6, 12)
    assert _version("6.12.0a1") >= (6, 12)


def test_installed_pyside6_is_older_than_6_12() -> None:
    assert _version(PySide6.__version__)[:2] < (6, 12), (
        f"PySide6 {PySide6.__version__} is installed; 6.12.0 aborts on CPython 3.11 after a few thousand "
        "calls of void methods. Keep PySide6-Essentials pinned below 6.12 (see pyproject.toml)."
    )


_VOID_CALLS = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize

    before = sys.getrefcount(None)
    rect, point, size = QRectF(0, 0, 1, 1), QPointF(0, 0), QSize(1, 1)
    ipoint, irect = QPoint(0, 0), QRect(0, 0, 1, 1)
    for i in range({CALLS}):
        rect.setWidth(2.0)
        rect.moveTo(1.0, 1.0)
        point.setX(1.0)
        point.setY(2.0)
        ipoint.setX(i & 0xFF)
        irect.setHeight(3)
        size.setWidth(4)
    print("{MARKER}", before, sys.getrefcount(None))
    """
)


def test_void_method_calls_do_not_abort() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _VOID_CALLS], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, (
        f"{CALLS} calls of void methods ended with exit code {result.returncode}:\n{result.stderr[-2000:]}"
    )
    marker, *counts = result.stdout.split()
    assert marker == MARKER
    before, after = (int(count) for count in counts)
    # None is not immortal on CPython 3.11 (it is from 3.12), so the bug would show as a falling count.
    assert after > before - CALLS // 2
