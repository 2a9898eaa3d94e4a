#!/usr/bin/env python3
"""Regenerate docs/rules.md from rules/national.yaml (a test fails when it is stale)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.check.ruledocs import render_markdown  # noqa: E402
from checker.check.ruleset import load  # noqa: E402


def main() -> int:
    target = ROOT / "docs" / "rules.md"
    target.write_text(render_markdown(load("national")), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
