"""Output formats, one module each, registered here by name (flake8's one-class-per-format idea).

Every format module has ``render(run, ruleset, options) -> str`` and reads only
:class:`checker.run.result.RunResult` (reports of frozen Findings).  A format that may write more
than one file (HTML for a batch: ``out/index.html`` plus a page per report) also defines
``write(run, ruleset, options, output_path)``, which the CLI calls when ``-o`` is given.
"""
from __future__ import annotations

import importlib

FORMATS = {
    "text": "checker.formats.text",
    "json": "checker.formats.json",
    "html": "checker.formats.html",
    "sarif": "checker.formats.sarif",
    "junit": "checker.formats.junit",
    "github": "checker.formats.github",
    "docx": "checker.formats.docx",
    "memo": "checker.formats.memo",
    "csv": "checker.formats.csv",
    "xlsx": "checker.formats.xlsx",
}


def names() -> list[str]:
    return list(FORMATS)


def get(name: str):
    """The format module for a name (imported only when used: fast start)."""
    return importlib.import_module(FORMATS[name])
