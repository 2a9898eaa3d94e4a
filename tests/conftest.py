"""Shared test helpers: where the real seeds are, and the bundled rule set."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# A test that starts `python -m checker` in another working directory must run this checkout's
# code, not a copy installed in the environment earlier.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
# Patterns the tests' runs compile are kept in a cache file of the tests' own (checker/read/regex_cache.py),
# not the user's; it stays warm from one test run to the next.
os.environ.setdefault("FZCHECK_REGEX_CACHE", os.path.join(tempfile.gettempdir(), f"fzcheck-tests-patterns-{os.getuid()}.marshal"))
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = REPO / "samples"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent (outside clone)")


@pytest.fixture(scope="session")
def national():
    from checker.check.ruleset import load

    return load("national")
