#!/usr/bin/env python3
"""Regenerate the JSON twin of the bundled rule set (rules/national.data.json; a test
fails when one is stale).

Each twin holds the data the YAML file loads to and a digest (length and CRC-32) of the YAML text
it was made from.  ``checker.check.rule_twin`` reads a bundled rule set from its twin when the digest still
matches (``json`` parses in C; PyYAML builds the objects in Python: tens of milliseconds of
every run's start), and from the YAML otherwise."""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.check.rule_twin import data_twin, source_digest  # noqa: E402
from checker.check.ruleset import twinned_files  # noqa: E402
from checker.read.limits import load_yaml  # noqa: E402


def twin_text(path: Path) -> str:
    """The twin of one rule file; refuses data that JSON would not give back unchanged."""
    text = path.read_text(encoding="utf-8")
    data = load_yaml(text)
    out = json.dumps({"source": source_digest(text), "data": data}, ensure_ascii=False, indent=1)
    if json.loads(out)["data"] != data:
        raise SystemExit(f"{path}: its data does not survive JSON (dates, non-string keys?)")
    return out + "\n"


def main() -> int:
    for path in twinned_files():
        data_twin(path).write_text(twin_text(path), encoding="utf-8")
        print(f"wrote {data_twin(path).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
