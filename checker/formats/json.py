"""``--format json``: one object for the whole run, exactly the design brief's contract."""
from __future__ import annotations

import json

from ..result import RunResult


def render(run: RunResult, ruleset=None, options=None) -> str:
    return json.dumps(run.as_dict(), ensure_ascii=False, indent=2) + "\n"
