#!/usr/bin/env python3
"""Screenshots of the HTML output for maintainers: a report page and the batch dashboard,
at 1400 and 800 px wide and in print preview (print media at A4 width).

    python scripts/screenshots.py [--out docs/screenshots] [--keep DIR]

Runs fzcheck on ``samples/`` (a batch, HTML into a temporary directory), then drives Debian's
headless ``chromium`` over the DevTools pipe (tests/browser/cdp.py; no browser download) and
writes small PNGs (each kept under ~300 KB by trimming its height).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser.cdp import Browser, find_chromium  # noqa: E402

MAX_BYTES = 290_000
SHOTS = (  # (file, page, width, height, media, action)
    ("report-1400.png", "report", 1400, 1500, "", "top"),
    ("report-finding-1400.png", "report", 1400, 900, "", "select"),
    ("report-800.png", "report", 800, 1500, "", "top"),
    ("report-print.png", "report", 794, 1400, "print", "top"),
    ("index-1400.png", "index", 1400, 1100, "", "top"),
    ("index-800.png", "index", 800, 1400, "", "top"),
    ("index-print.png", "index", 794, 1300, "print", "top"),
)


def build(out: Path) -> tuple[Path, Path]:
    """Check samples/ as a batch; return the dashboard and the report page with most findings."""
    from checker.check.ruleset import load
    from checker.formats import html
    from checker.run.batch import run

    files = sorted(str(p) for p in (REPO / "samples").iterdir()
                   if p.suffix in (".txt", ".md", ".html", ".docx") and not p.name.lower().startswith("readme"))
    ruleset = load("national")
    result = run(files, ruleset, "national", 1)
    html.write(result, ruleset, None, str(out) + "/")
    pages = html.page_names(result.reports, reserved={"index.html"})
    best = max(range(len(result.reports)),
               key=lambda i: (len({f.rule for f in result.reports[i].findings}), len(result.reports[i].findings)))
    return out / "index.html", out / pages[best]


def shoot(page, path: Path, height: int) -> int:
    while True:
        page.screenshot(path, full_page=True, max_height=height)
        size = path.stat().st_size
        if size <= MAX_BYTES or height <= 500:
            return size
        height = int(height * 0.85)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"), help="where the PNGs go")
    parser.add_argument("--keep", metavar="DIR", help="write the HTML pages here instead of a temporary directory")
    args = parser.parse_args(argv)
    if not find_chromium():
        print("screenshots: no Chromium found (apt-get install chromium fonts-noto-cjk)", file=sys.stderr)
        return 2
    target = Path(args.out)
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="fzcheck-shots-") as tmp:
        site = Path(args.keep) if args.keep else Path(tmp)
        index, report = build(site)
        with Browser() as browser:
            page = browser.page()
            for name, which, width, height, media, action in SHOTS:
                page.resize(width, min(height, 1000))
                page.media(media)
                page.goto((index if which == "index" else report).as_uri())
                if action == "select":
                    first = page.eval("(document.querySelector('#flist li.fi') || {}).id")
                    if first:
                        page.click(f"#{first} a.go")
                        page.resize(width, height)
                        page.eval(f"document.getElementById('f-{first[3:]}').scrollIntoView({{block: 'center'}})")
                        page.screenshot(target / name, full_page=False)
                        print(f"{name}: {(target / name).stat().st_size // 1024} KB")
                        continue
                size = shoot(page, target / name, height)
                print(f"{name}: {size // 1024} KB")
            if page.errors:
                print("screenshots: the pages logged errors:\n  " + "\n  ".join(page.errors), file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
