"""List the real report pages a set of hand-labelled openings holds, for docs/real-pages.tsv.

Usage: python scripts/real_pages.py DIR ...   (each DIR: NNN.txt files, labels.yaml, first_run.commit)

The pages themselves stay outside the repository (they are real-world text); this list keeps
their addresses, so a later session can tell a page already used for tuning from a fresh one
when it collects a held-out set, and can fetch the same pages again when the sets are lost with
a machine.  One row per file: set, file, the SHA-256 of the saved text, whether the label calls
it a report, the commit of the set's first run, and the address.  A page whose address an
earlier folder on the command line already holds is left out (with a note on stderr): give the
folders in the order they were first run.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml


def rows(folder: Path) -> list[list[str]]:
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8")) or {}
    commit_file = folder / "first_run.commit"
    commit = commit_file.read_text(encoding="utf-8").split()[0] if commit_file.exists() else "-"
    out = []
    for name, label in sorted(labels.items()):
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        out.append([folder.name, name, digest, "report" if label.get("is_report", True) else "other",
                    commit, str(label.get("url") or "-")])
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    print("set\tfile\tsha256\tkind\tfirst_run\turl")
    listed: dict[str, str] = {}
    for arg in argv:
        for row in rows(Path(arg)):
            where = f"{row[0]}/{row[1]}"
            if row[5] != "-" and row[5] in listed:  # two helpers collecting at once took the same page
                print(f"{where}: the same address as {listed[row[5]]}, left out", file=sys.stderr)
                continue
            listed.setdefault(row[5], where)
            print("\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
