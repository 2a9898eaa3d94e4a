"""Per-field agreement of fzcheck with hand labels on real report openings (labels.yaml).

Usage: python scripts/live_table.py [--pool] [DIR ...]   (default: ../shared/live next to the repo)

Each DIR holds openings (NNN.txt, .html …) and a labels.yaml saying what a careful reader takes
from each: title, issuer, year, published, first_part, is_report.  Prints one row per field
(agreed / labelled, per cent) and the files that disagree, so a change can be judged by what
it does on pages it was not tuned on.

With --pool, prints instead one row per DIR and a pooled row in the columns of
docs/precision.md's held-out tables.  A page whose address an earlier DIR already holds (two
helpers collecting at once took the same page) counts once, in the earlier DIR: give the DIRs in
the order they were first run.
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.check.ruleset import load  # noqa: E402
from tests.livekit import FIELDS, compare, load_labels  # noqa: E402

# docs/precision.md's columns: (heading, field, show the per cent, count the misses instead)
COLUMNS = (("报告判为报告", "report kept", False, False), ("非报告认出", "non-report recognised", True, False),
           ("标题", "title", False, False), ("发布单位（全部）", "issuer", True, False),
           ("发布单位（文字写出的）", "issuer, text names it", True, False), ("年度", "year", False, False),
           ("发布日期", "published", False, False), ("第一部分", "first_part", False, False),
           ("印有标题却报找不到标题", "title printed, no 'no title'", False, True),
           ("issuer-mismatch", "no issuer-mismatch", False, True))


def cell(good: int, total: int, pct: bool, misses: bool) -> str:
    if misses:
        return f"{total - good}/{total}"
    text = f"{good}/{total}"
    return f"{text}（{100 * good / total:.1f}%）" if pct and total else text


def table(folder: Path, labels: dict, ruleset) -> None:
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


def without_repeats(folders: list[Path]) -> list[tuple[Path, dict]]:
    """Each folder's labels, less the pages an earlier folder holds (same address)."""
    seen: dict[str, str] = {}
    out = []
    for folder in folders:
        labels = {}
        for name, label in load_labels(folder).items():
            url = (label or {}).get("url")
            if url and url in seen:
                print(f"{folder.name}/{name}: the same address as {seen[url]}, counted there", file=sys.stderr)
                continue
            if url:
                seen[url] = f"{folder.name}/{name}"
            labels[name] = label
        out.append((folder, labels))
    return out


def pooled(folders: list[Path], ruleset) -> None:
    print("| 集 | " + " | ".join(c[0] for c in COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    total = {field: [0, 0] for field in FIELDS}
    for folder, labels in without_repeats(folders):
        rows, misses = compare(folder, labels, ruleset)
        for field, (good, count) in rows.items():
            total[field][0] += good
            total[field][1] += count
        reports, others = rows["report kept"][1], rows["non-report recognised"][1]
        print(f"| {folder.name}（{reports} / {others}） | "
              + " | ".join(cell(*rows[c[1]], c[2], c[3]) for c in COLUMNS) + " |")
        for name, field, want, got in misses:
            print(f"<!-- {folder.name}/{name} {field}: label {want!r}, fzcheck {got!r} -->", file=sys.stderr)
    reports, others = total["report kept"][1], total["non-report recognised"][1]
    print(f"| **合计（{reports} / {others}）** | "
          + " | ".join(f"**{cell(*total[c[1]], True, c[3])}**" for c in COLUMNS) + " |")


def main(argv: list[str]) -> int:
    pool = "--pool" in argv
    dirs = [Path(a) for a in argv if a != "--pool"] or [REPO.parent / "shared" / "live"]
    ruleset = load("national")
    if pool:
        pooled(dirs, ruleset)
        return 0
    for folder in dirs:
        table(folder, load_labels(folder), ruleset)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
