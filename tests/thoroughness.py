"""How many random cases the long tests try: all of them in CI, fewer in the default run.

CI (`.ci/run` sets CI=1) runs the fuzzers and state machines with their full counts of examples; so does
CJM_FULL_TESTS=1 anywhere (`CJM_FULL_TESTS=1 scripts/test`). The default run (`scripts/test`, or pytest alone)
runs every one of them too, the same rules and checks on the same backends, with fewer examples, so the suite
stays under 8 minutes on a 2-core machine. The pytest header says which run this is.
"""

from __future__ import annotations

import os

FULL_ENV = "CJM_FULL_TESTS"


def _set(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


CI = _set("CI")
FULL = CI or _set(FULL_ENV)
"""Whether this run tries every example (CI, or CJM_FULL_TESTS=1)."""


def examples(full: int, default: int) -> int:
    """The number of examples: `full` in CI (and with CJM_FULL_TESTS=1), else `default` (at least 1)."""
    if not 1 <= default <= full:
        raise ValueError(f"a default run tries between 1 and the full {full} examples, not {default}")
    return full if FULL else default


def describe() -> str:
    """The pytest header's line about this."""
    if FULL:
        return "thoroughness: full (CI or CJM_FULL_TESTS=1): every fuzzer and state machine at its full count"
    return "thoroughness: default (fewer random examples; CI=1 or CJM_FULL_TESTS=1 runs the full counts)"
