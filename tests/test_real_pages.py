"""scripts/real_pages.py and docs/real-pages.tsv: the addresses of the real pages used to tune
fzcheck, kept in the repository (the pages stay outside it) so a held-out set can leave them out."""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_script_lists_each_labelled_file_with_its_hash(tmp_path):
    folder = tmp_path / "s99-demo"
    folder.mkdir()
    (folder / "001.txt").write_text("云溪区2024年度法治政府建设情况报告\n", encoding="utf-8")
    (folder / "002.txt").write_text("关于报告的解读\n", encoding="utf-8")
    (folder / "labels.yaml").write_text("001.txt:\n  url: https://example.org/a.html\n  is_report: true\n"
                                        "002.txt:\n  url: https://example.org/b.html\n  is_report: false\n",
                                        encoding="utf-8")
    (folder / "first_run.commit").write_text("abc1234 some message\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "real_pages.py"), str(folder)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    digest = hashlib.sha256((folder / "001.txt").read_bytes()).hexdigest()
    assert out[0].split("\t") == ["set", "file", "sha256", "kind", "first_run", "url"]
    assert out[1].split("\t") == ["s99-demo", "001.txt", digest, "report", "abc1234", "https://example.org/a.html"]
    assert out[2].split("\t")[3] == "other"


def test_the_list_in_docs_is_well_formed():
    lines = (REPO / "docs" / "real-pages.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines[1:]]
    assert rows and all(len(row) == 6 for row in rows)
    assert all(re.fullmatch(r"[0-9a-f]{64}", row[2]) and row[3] in ("report", "other") for row in rows)
    assert len({(row[0], row[1]) for row in rows}) == len(rows)
    addresses = [row[5] for row in rows if row[5] != "-"]
    assert len(set(addresses)) == len(addresses), "a page is listed twice"


def test_a_page_two_sets_hold_is_listed_once(tmp_path):
    """Two helpers collecting at once may take the same page: the folder given first keeps it."""
    for name in ("s99-a", "s99-b"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "001.txt").write_text("云溪区2024年度法治政府建设情况报告\n", encoding="utf-8")
        (folder / "labels.yaml").write_text("001.txt:\n  url: https://example.org/a.html\n  is_report: true\n",
                                            encoding="utf-8")
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "real_pages.py"), str(tmp_path / "s99-a"),
                          str(tmp_path / "s99-b")], capture_output=True, text=True, check=True)
    assert [line.split("\t")[0] for line in run.stdout.splitlines()[1:]] == ["s99-a"]
    assert "s99-b/001.txt" in run.stderr and "s99-a/001.txt" in run.stderr
