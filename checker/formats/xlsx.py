"""``--format xlsx``: the batch dashboard's table (dashboard_table.py) as an Excel workbook,
written with openpyxl (the well-kept library for the format): a header row that stays in view
and repeats on every printed page, column widths that fit Chinese text, and a filter.
The output is binary, so ``-o`` is required."""
from __future__ import annotations

import io

from checker.run.result import RunResult

from .dashboard_table import table

BINARY = True


def render(run: RunResult, ruleset=None, options=None) -> str:
    from checker.run.discover import UsageError

    raise UsageError("--format xlsx 输出 Excel 文件，请用 -o 指定输出文件（例如 -o 汇总.xlsx）")


def workbook_bytes(run: RunResult, ruleset, options=None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header, rows = table(run, ruleset, options)
    book = Workbook()
    sheet = book.active
    sheet.title = "检查汇总"
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    for index, name in enumerate(header, 1):
        width = max([_width(name)] + [_width(str(r[index - 1])) for r in rows])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, width + 2)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write(run: RunResult, ruleset, options, output_path: str) -> None:
    from pathlib import Path

    from ._common import write_binary

    write_binary(Path(output_path), workbook_bytes(run, ruleset, options))


def _cell(value):
    """Text that a spreadsheet would take for a formula stays text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
