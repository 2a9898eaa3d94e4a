"""Output formats, one module each, registered here by name (flake8's one-class-per-format idea).

Every format reads only :class:`checker.result.RunResult` (reports of frozen Findings) and
returns the text to write; the HTML format may instead write a directory for a batch.
"""
from __future__ import annotations

import importlib

FORMATS = {
    "text": "checker.formats.text",
    "json": "checker.formats.json",
}


def names() -> list[str]:
    return list(FORMATS)


def get(name: str):
    """The format module for a name (imported only when used: fast start)."""
    return importlib.import_module(FORMATS[name])
