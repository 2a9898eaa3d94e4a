"""Accepted findings: ``--write-baseline FILE`` records them, ``--baseline FILE`` hides them.

A finding is matched by (path, rule, excerpt), not by line, so editing text above it does not
make it "new"; each entry has a ``count`` so that a second identical finding in the same file
is new.  Paths are stored relative to the baseline file's folder, with ``/`` separators, so a
baseline committed at the root of a reports repository works from any working directory.

    {"version": 1, "tool": "fzcheck",
     "entries": [{"path": "2024/区司法局.docx", "rule": "claim-unquantified",
                  "excerpt": "…", "count": 1}]}
"""
from __future__ import annotations

import os
from collections import Counter

from checker.read.paths import posix
from checker.read.record import replace

from .result import RunResult

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be used (exit 2)."""


def _key_path(path: str, base_dir: str) -> str:
    if path == "-":
        return "-"
    try:
        rel = os.path.relpath(os.path.abspath(path), base_dir)
    except ValueError:
        rel = os.path.abspath(path)
    return posix(rel)


def build(run: RunResult, baseline_path: str) -> dict:
    base_dir = os.path.dirname(os.path.abspath(baseline_path))
    counts: Counter = Counter()
    for report in run.reports:
        rel = _key_path(report.path, base_dir)
        for finding in report.findings:
            counts[(rel, finding.rule, finding.excerpt)] += 1
    entries = [{"path": p, "rule": r, "excerpt": e, "count": n} for (p, r, e), n in sorted(counts.items())]
    return {"version": VERSION, "tool": "fzcheck", "entries": entries}


BASELINE_ROLE = "the baseline file"


def write(run: RunResult, baseline_path: str) -> int:
    """Write the baseline for a run; returns the number of findings recorded."""
    import json  # here: a run without a baseline does not need it

    from .output import write_atomic

    data = build(run, baseline_path)
    write_atomic(baseline_path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", allow=(BASELINE_ROLE,))
    return sum(e["count"] for e in data["entries"])


MAX_BASELINE_BYTES = 64 * 1024 * 1024  # a baseline of 100 000 findings is about 20 MB


def _read_bounded(path: str) -> str:
    """A regular file only (a FIFO would hang, /dev/zero never end), at most MAX_BASELINE_BYTES."""
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BaselineError(f"{path}: not a regular file; a baseline is a JSON file written by --write-baseline")
        data = handle.read(MAX_BASELINE_BYTES + 1)
    if len(data) > MAX_BASELINE_BYTES:
        raise BaselineError(f"{path}: baseline larger than {MAX_BASELINE_BYTES // (1024 * 1024)} MB")
    return data.decode("utf-8")


def load(baseline_path: str) -> Counter:
    import json

    try:
        text = _read_bounded(baseline_path)
    except FileNotFoundError:
        raise BaselineError(f"{baseline_path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{baseline_path}: cannot read baseline: {exc}") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise BaselineError(f"{baseline_path}: not a baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BaselineError(f"{baseline_path}: not a baseline (expected an object with 'entries')")
    if data.get("version") != VERSION:
        raise BaselineError(f"{baseline_path}: unsupported baseline version {data.get('version')!r} (expected {VERSION})")
    counts: Counter = Counter()
    for i, entry in enumerate(data["entries"]):
        try:
            key = (str(entry["path"]), str(entry["rule"]), str(entry.get("excerpt", "")))
            count = int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{baseline_path}: entries[{i}]: needs 'path', 'rule', 'excerpt' and 'count'") from None
        counts[key] += max(0, count)
    return counts


def apply(run: RunResult, baseline_path: str) -> tuple[RunResult, int]:
    """The run without the findings the baseline accepts, and how many were hidden.

    Findings are consumed in report order, so with ``count: 1`` the first of two identical
    findings is accepted and the second one is new."""
    accepted = load(baseline_path)
    base_dir = os.path.dirname(os.path.abspath(baseline_path))
    hidden = 0

    def without_accepted(report):
        nonlocal hidden
        rel = _key_path(report.path, base_dir)
        kept = []
        for finding in report.findings:
            key = (rel, finding.rule, finding.excerpt)
            if accepted[key] > 0:
                accepted[key] -= 1
                hidden += 1
            else:
                kept.append(finding)
        return replace(report, findings=kept) if len(kept) != len(report.findings) else report

    run = run.transformed(without_accepted)  # a run on disk (checker/run/streamed.py) is rewritten in place
    return run, hidden
