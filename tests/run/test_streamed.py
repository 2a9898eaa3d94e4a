"""A batch from the command line is written from results kept on disk (checker/run/spill.py)
and formats written in pieces; its output must be byte for byte what the in-memory run gives
(every report in a :class:`RunResult`, each format rendering the whole run at once)."""
from __future__ import annotations

import importlib.util
import os
import shutil
from argparse import Namespace
from pathlib import Path

import pytest

from checker.check.ruleset import load
from checker.cli import main
from checker.formats import get
from checker.formats.json import dumps
from checker.run.batch import run, stream
from checker.run.discover import expand
from checker.run.result import RunResult
from tests.conftest import REPO, SAMPLES, SHARED


def _make_reports():
    spec = importlib.util.spec_from_file_location("fzcheck_bench", REPO / "bench" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_reports


@pytest.fixture(scope="module")
def paired(tmp_path_factory) -> Path:
    """24 generated reports, issuers two years running (the cross-year rules compare them),
    plus the samples' own pair and an unreadable file."""
    folder = tmp_path_factory.mktemp("paired")
    _make_reports()(folder / "generated", 24, pairs=True)
    for name in ("prev-2023.txt", "next-2024-followup.txt", "typos-2024.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    return folder


def _cli(tmp_path: Path, *args: str) -> bytes:
    out = tmp_path / "out"
    if out.exists():
        out.unlink()
    main([*args, "--no-config", "--no-progress", "--fail-on", "never", "-o", str(out)])
    return out.read_bytes()


def _in_memory(folder: Path, jobs: int = 1) -> RunResult:
    return run(expand([str(folder)]), load("national"), "national", jobs, keep_lines=False)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_streamed_json_is_the_in_memory_json(tmp_path, paired, jobs):
    memory = _in_memory(paired)
    assert sum(1 for r in memory.reports for f in r.findings if f.rule == "plan-unaddressed") >= 5  # pairs compared
    whole = (dumps(memory.as_dict()) + "\n").encode("utf-8")
    assert _cli(tmp_path, str(paired), "--format", "json", "--jobs", jobs) == whole


def test_streamed_json_from_a_warm_cache_is_the_in_memory_json(tmp_path, paired):
    whole = (dumps(_in_memory(paired).as_dict()) + "\n").encode("utf-8")
    cache = str(tmp_path / "cache")
    assert _cli(tmp_path, str(paired), "--format", "json", "--jobs", "2", "--cache", cache) == whole  # cold, fills
    assert _cli(tmp_path, str(paired), "--format", "json", "--jobs", "2", "--cache", cache) == whole  # warm: cached texts


@pytest.mark.parametrize("folder", [SAMPLES, SHARED / "seeds", SHARED / "live"], ids=["samples", "seeds", "live"])
def test_streamed_json_on_the_samples_and_real_reports(tmp_path, folder):
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (outside clone)")
    whole = (dumps(_in_memory(folder).as_dict()) + "\n").encode("utf-8")
    assert _cli(tmp_path, str(folder), "--format", "json", "--jobs", "2") == whole


def test_previous_by_hand_is_streamed_too(tmp_path):
    rules = load("national")
    files = [str(SAMPLES / "next-2024-followup.txt")]
    memory = run(files, rules, "national", 1, keep_lines=False, previous=str(SAMPLES / "prev-2023.txt"))
    assert any(f.rule == "copied-from-previous" for f in memory.reports[0].findings)
    whole = (dumps(memory.as_dict()) + "\n").encode("utf-8")
    assert _cli(tmp_path, files[0], "--previous", str(SAMPLES / "prev-2023.txt"), "--format", "json") == whole


def _options(fmt: str) -> Namespace:
    rules = load("national")
    from checker.run.rulesets import RuleSets

    return Namespace(format=fmt, fail_on="never", quiet=False, colour=False, config=None,
                     rulesets=RuleSets(rules, None), statistics=False)


@pytest.mark.parametrize("fmt", ["text", "github", "sarif", "junit", "csv"])
def test_each_streamed_format_is_its_in_memory_rendering(tmp_path, paired, fmt):
    memory = _in_memory(paired)
    whole = get(fmt).render(memory, load("national"), _options(fmt)).encode("utf-8")
    assert _cli(tmp_path, str(paired), "--format", fmt, "--jobs", "2") == whole


def test_streamed_statistics_are_the_in_memory_ones(tmp_path, paired):
    from checker.formats import statistics

    memory = _in_memory(paired)
    for fmt in ("text", "json"):
        whole = statistics.render(memory, load("national"), _options(fmt)).encode("utf-8")
        assert _cli(tmp_path, str(paired), "--statistics", "--format", fmt) == whole


def test_streamed_html_batch_writes_the_in_memory_pages(tmp_path, paired):
    from checker.formats import html

    rules = load("national")
    files = expand([str(paired)])
    memory = run(files, rules, "national", 1, keep_lines=True)
    html.write(memory, rules, _options("html"), str(tmp_path / "memory") + os.sep)
    main([str(paired), "--no-config", "--no-progress", "--format", "html", "--jobs", "2",
          "-o", str(tmp_path / "streamed") + os.sep])
    memory_pages = sorted(p.name for p in (tmp_path / "memory").iterdir())
    assert memory_pages == sorted(p.name for p in (tmp_path / "streamed").iterdir())
    assert len(memory_pages) == len(files) + 1
    for name in memory_pages:
        assert (tmp_path / "memory" / name).read_bytes() == (tmp_path / "streamed" / name).read_bytes(), name


def test_the_streamed_run_reads_results_back_one_at_a_time(paired):
    """The run the CLI gets holds rows, not results: each report is loaded when asked for, and
    its summary, rules fired and reports agree with the in-memory run."""
    rules = load("national")
    files = expand([str(paired)])
    streamed = stream(files, rules, "national", 2, keep_lines=False)
    try:
        memory = _in_memory(paired)
        assert not hasattr(streamed, "as_dict") and len(streamed.reports) == len(files)
        assert streamed.summary() == memory.summary() and streamed.fired() == memory.fired()
        assert [r.as_dict() for r in streamed.reports] == [r.as_dict() for r in memory.reports]
        assert streamed.reports[-1].as_dict() == memory.reports[-1].as_dict()
        assert "".join(streamed.report_texts()) == "".join(
            get("json").report_text(r.as_dict()) for r in memory.reports)
    finally:
        streamed.close()


def test_exit_status_comes_from_the_rows(tmp_path, paired):
    assert main([str(paired), "--no-config", "--no-progress", "--format", "json", "-o", str(tmp_path / "a")]) == 1
    assert main([str(SAMPLES / "clean-2024.txt"), "--no-config", "--no-progress", "-o", str(tmp_path / "b")]) == 0
