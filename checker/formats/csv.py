"""``--format csv``: the batch dashboard's table (dashboard_table.py) as CSV, UTF-8 with a byte
order mark so that Excel and WPS open the Chinese text correctly."""
from __future__ import annotations

import csv
import io

from checker.run.result import RunResult

from .dashboard_table import table


def render(run: RunResult, ruleset=None, options=None) -> str:
    header, rows = table(run, ruleset, options)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()
