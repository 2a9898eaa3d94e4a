"""Browser tests drive Debian's headless ``chromium`` over the DevTools pipe (see cdp.py).
They are skipped, with the reason, when no Chromium is installed."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .cdp import Browser, find_chromium
from .htmlcases import INJECTED_NAME, INJECTED_TEXT, fixed_ruleset, fixed_run

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
BATCH_SAMPLES = ("missing-duty-2024.txt", "out-of-order-2024.txt", "placeholders-2024.txt", "thin-duty-2024.txt",
                 "wrong-plan-year-2024.txt")


@pytest.fixture(scope="session")
def browser():
    if not find_chromium():
        pytest.skip("no Chromium installed: the browser tests need Debian's 'chromium' package "
                    "(apt-get install chromium fonts-noto-cjk) or FZCHECK_CHROMIUM=/path/to/chrome")
    with Browser() as instance:
        yield instance


@pytest.fixture
def page(browser):
    tab = browser.page(1400, 900)
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """A batch run through the CLI (HTML into a directory, and the same run as JSON), with a
    Chinese-named report, the injected-script sample, and the fixed page with overlaps."""
    from checker.cli import main
    from checker.formats import html

    root = tmp_path_factory.mktemp("site")
    src = root / "各单位报告"
    src.mkdir()
    for name in BATCH_SAMPLES:
        if (SAMPLES / name).is_file():
            shutil.copy(SAMPLES / name, src / name)
    shutil.copy(SAMPLES / "clean-2024.txt", src / "云溪区司法局报告.txt")
    (src / INJECTED_NAME).write_text(INJECTED_TEXT, encoding="utf-8")
    out = root / "审查结果"
    args = [str(src), "--jobs", "1", "--fail-on", "never"]
    assert main(args + ["--format", "html", "-o", str(out) + "/"]) == 0
    assert main(args + ["--format", "json", "-o", str(root / "run.json")]) == 0
    data = json.loads((root / "run.json").read_text(encoding="utf-8"))
    from checker.run.result import ReportResult

    names = html.page_names([ReportResult(r["path"], {}, [], [], 0) for r in data["reports"]], reserved={"index.html"})
    fixed = root / "fixed.html"
    fixed.write_text(html.render(fixed_run(), fixed_ruleset()), encoding="utf-8")
    return {"root": root, "out": out, "json": data, "pages": dict(zip((r["path"] for r in data["reports"]), names)),
            "fixed": fixed, "injected": out / html.page_names([ReportResult(INJECTED_NAME, {}, [], [], 0)])[0]}
