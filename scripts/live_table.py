"""Per-field agreement of fzcheck with hand labels on real report openings (labels.yaml).

Usage: python scripts/live_table.py [DIR ...]   (default: ../shared/live next to the repo)

Each DIR holds openings (NNN.txt, .html …) and a labels.yaml saying what a careful reader takes
from each: title, issuer, year, published, first_part, is_report.  Prints one row per field
(agreed / labelled, per cent) and the files that disagree, so a change can be judged by what
it does on pages it was not tuned on.
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.check.ruleset import load  # noqa: E402
from tests.livekit import FIELDS, compare, load_labels  # noqa: E402


def main(argv: list[str]) -> int:
    dirs = [Path(a) for a in argv] or [REPO.parent / "shared" / "live"]
    ruleset = load("national")
    for folder in dirs:
        labels = load_labels(folder)
        rows, misses = compare(folder, labels, ruleset)
        print(f"## {folder} ({len(labels)} files)\n")
        print("| field | agreed | labelled | % |")
        print("|---|---|---|---|")
        for field in FIELDS:
            good, total = rows[field]
            pct = f"{100 * good / total:.1f}" if total else "-"
            print(f"| {field} | {good} | {total} | {pct} |")
        print()
        for name, field, want, got in misses:
            print(f"- {name} {field}: label {want!r}, fzcheck {got!r}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
