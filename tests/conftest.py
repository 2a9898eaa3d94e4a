"""Shared test helpers: where the real seeds are, and the bundled rule set."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = REPO / "samples"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent (outside clone)")


@pytest.fixture(scope="session")
def national():
    from checker.ruleset import load

    return load("national")
