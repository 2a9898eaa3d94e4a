"""argparse's parser for fzcheck's command line: the full help, every option, and the one-line
Chinese usage errors the exit-code contract asks for.

Built only when a command line is not one of the plain ones ``checker.arguments`` reads by
itself (a file and a few flags): importing argparse with gettext and locale and building
this parser cost ~5 ms of a one-report run.  The options' destinations and defaults are the
ones ``arguments.DEFAULTS`` names; a test compares the two readings.
"""
from __future__ import annotations

import argparse
import os
import sys

from checker.read.lazy_pattern import lazy

from . import __version__
from .arguments import COLOURS, FAIL_ON
from .read import limits
from .run.discover import UsageError

DESCRIPTION = """检查法治政府建设年度报告是否符合《法治政府建设与责任落实督察工作规定》的要求。
Checks 法治政府建设年度报告 drafts (.txt .md .html .docx .doc .wps .pdf .ofd) against the national standard."""
EPILOG = """示例 examples:
  fzcheck 报告.docx                       逐行列出问题
  fzcheck reports/ --format json -o out.json
  fzcheck - < 报告.txt                    从标准输入读取
  fzcheck --rules my-province.yaml 报告.docx
  fzcheck 2024年报告.docx --previous 2023年报告.docx   与上一年度报告比对（批量检查时自动配对）
  fzcheck reports/ --format sarif -o fzcheck.sarif      GitHub code scanning（见 docs/ci.md）
  fzcheck reports/ --write-baseline .fzcheck-baseline.json   接受现有问题，此后只报告新问题
  fzcheck reports/ --cache .fzcheck_cache     未改动的文件直接用上次的结果（见 docs/configuration.md）

配置文件 config: 从当前目录向上查找 .fzcheck.yaml（或 pyproject.toml 的 [tool.fzcheck]）；
命令行参数优先于配置文件。键 keys (docs/configuration.md):
  rules, fail_on, format, jobs, include: [glob], exclude: [glob], baseline: FILE, cache: DIR,
  pairing: [{files: glob, issuer: 名称, year: 年度}],
  severity: {rule-id: error|warning|info}, disable: [rule-id], enable: [rule-id],
  params: {rule-id: {param: value}}, ignore: [{path: glob, rules: [rule-id]}],
  overrides: [{files: glob, severity: {...}, disable: [...], enable: [...], params: {...},
               deadline: "03-01", draft: true}], draft: true (= --draft)
退出码 exit status: 0 无达到 --fail-on 的问题；1 有；2 用法、规则文件、配置或路径错误；130 被中断。"""


# argparse's own messages (Python 3.11) in Chinese, with the English kept after them: a usage
# error is what a drafter sees first.
ARGPARSE_ERRORS = (
    (lazy(r"^unrecognized arguments: (.*)$"), "无法识别的参数：{0}"),
    (lazy(r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$"), "参数 {0} 的取值 {1} 无效，可选：{2}"),
    (lazy(r"^argument (\S+): expected one argument$"), "参数 {0} 后面要给出一个值"),
    (lazy(r"^argument (\S+): invalid (?:int|float) value: (.*)$"), "参数 {0} 要求一个数字，给出的是 {1}"),
    (lazy(r"^argument (\S+): not allowed with argument (\S+)$"), "参数 {0} 不能与 {1} 同时使用"),
    (lazy(r"^the following arguments are required: (.*)$"), "缺少必需的参数：{0}"),
    (lazy(r"^ambiguous option: (\S+) could match (.*)$"), "选项 {0} 有歧义，可能是：{1}"),
)
HELP_HINT = "（用法见 fzcheck --help）"


class Formatter(argparse.RawTextHelpFormatter):
    """Help text as written (Chinese line, English line), with a Chinese usage prefix."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)

    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 - argparse's signature
        super().add_usage(usage, actions, groups, "用法 usage: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse with a one-line Chinese error, as the exit-code contract asks."""

    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, chinese in ARGPARSE_ERRORS:
            match = pattern.match(message)
            if match:
                raise UsageError(chinese.format(*match.groups()) + HELP_HINT)
        raise UsageError(f"{message}{HELP_HINT}")


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it (COLUMNS, else the
    terminal, else 80), which argparse asks for each option it adds: importing shutil (with bz2
    and lzma) for it cost ~5 ms of every run."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _help(chinese: str, english: str) -> str:
    return f"{chinese}\n{english}"


def build_parser() -> Parser:
    from .formats import names

    parser = Parser(prog="fzcheck", description=DESCRIPTION, epilog=EPILOG, formatter_class=Formatter,
                    add_help=False)
    parser._positionals.title = "要检查的文件 positional arguments"
    parser._optionals.title = "选项 options"
    parser.add_argument("-h", "--help", action="help", help=_help("显示本帮助并退出", "show this help and exit"))
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help=_help("报告文件或目录（目录逐层查找）；- 表示从标准输入读取",
                                   "report files or directories (recursed); '-' reads standard input"))
    parser.add_argument("-f", "--format", default=None, choices=names(), metavar="FORMAT",
                        help=_help("输出格式（默认 text）：" + "、".join(names()) + "\n"
                                   "docx = 带批注的报告，memo = 审查意见，csv/xlsx = 汇总表（docx、xlsx 须用 -o）",
                                   "output format (default: text); docx and xlsx need -o"))
    parser.add_argument("-o", "--output", metavar="FILE",
                        help=_help("把结果写入文件（批量 HTML、docx、审查意见可写入目录：-o 目录/）",
                                   "write the output to FILE instead of standard output"))
    parser.add_argument("--rules", default=None, metavar="FILE_OR_NAME",
                        help=_help("规则集：内置名称（national 等）或 YAML 文件（可 extends: national）",
                                   "rule set: a bundled name (national, ...) or a YAML file that may 'extends: national'"))
    parser.add_argument("--fail-on", default=None, choices=FAIL_ON,
                        help=_help("有达到此严重程度的问题时退出码为 1（默认 error）",
                                   "exit 1 when a finding is at or above this severity (default: error)"))
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                        help=_help("批量检查时的并行进程数（默认：全部 CPU 核）",
                                   "parallel worker processes for a batch (default: all cores)"))
    parser.add_argument("-q", "--quiet", action="store_true",
                        help=_help("只列出有问题的报告；不显示进度条和提示",
                                   "text format: list only reports with findings; no progress bar or notes on stderr"))
    parser.add_argument("--statistics", action="store_true",
                        help=_help("只统计每条规则发现的问题数（含按文中标注不报告的数目）",
                                   "print how many findings each rule gave instead of the findings (JSON with --format json)"))
    parser.add_argument("--color", choices=COLOURS, default="auto",
                        help=_help("文本输出是否着色（默认 auto：仅在终端上，设置 NO_COLOR 时不着色）",
                                   "colour in text output (default: auto = only on a terminal, never with NO_COLOR)"))
    parser.add_argument("--config", metavar="FILE",
                        help=_help("使用此配置文件，不再向上查找", "use this config file (.fzcheck.yaml or pyproject.toml) "
                                   "instead of searching upward"))
    parser.add_argument("--no-config", action="store_true", help=_help("不读取任何配置文件", "ignore any config file"))
    parser.add_argument("--show-config", action="store_true",
                        help=_help("显示生效的设置后退出", "print the settings in effect and exit"))
    parser.add_argument("--exclude", action="append", metavar="GLOB",
                        help=_help("跳过匹配的文件（可重复，叠加到配置的 exclude）",
                                   "skip files matching GLOB (added to the config's exclude; may be repeated)"))
    parser.add_argument("--baseline", metavar="FILE",
                        help=_help("不再报告基线文件中已接受的问题（按文件、规则和原文匹配，不按行号）",
                                   "hide findings recorded in FILE (matched by file, rule and excerpt, not line)"))
    parser.add_argument("--write-baseline", metavar="FILE",
                        help=_help("把本次的问题记为已接受写入 FILE，退出码 0",
                                   "record this run's findings in FILE as accepted, and exit 0"))
    parser.add_argument("--cache", metavar="DIR",
                        help=_help("未改动的文件直接用上次的结果（保存在 DIR；删除 DIR 即清空）",
                                   "reuse results of earlier runs for unchanged files, kept in DIR "
                                   "(keyed by file content, rule set and fzcheck version; delete DIR to clear)"))
    parser.add_argument("--no-cache", action="store_true",
                        help=_help("不使用缓存（即使配置设置了）", "do not use the cache, even if the config sets one"))
    parser.add_argument("--no-progress", action="store_true", help=_help("不显示进度条", "never show the progress bar"))
    parser.add_argument("--list-rules", action="store_true",
                        help=_help("列出规则集中的规则后退出", "list the rule set's rules and exit"))
    parser.add_argument("--draft", action="store_true",
                        help=_help("输入是尚未公开的草稿：不提示缺少发布日期（同配置 draft: true）",
                                   "the inputs are unpublished drafts: no note that the publication date "
                                   "is missing (same as draft: true in the config)"))
    parser.add_argument("--previous", metavar="FILE",
                        help=_help("同一单位上一年度的报告，用于比对安排落实和照抄（批量检查时自动配对）",
                                   "last year's report of the same issuer, to compare one report with "
                                   "(plan follow-through, copied text); a batch pairs reports by issuer and year itself"))
    group = parser.add_argument_group("输入上限 input limits (docs/limits.md)")
    limits.add_arguments(group)
    _add_budget_arguments(group)
    parser.add_argument("--version", action="version", version=f"fzcheck {__version__}",
                        help=_help("显示版本后退出", "show the version and exit"))
    return parser


def _add_budget_arguments(group) -> None:
    from .run.isolate import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT

    def seconds(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
        if not 0 < value <= 86400:  # also refuses nan and inf
            raise argparse.ArgumentTypeError("must be more than 0 and at most 86400 seconds")
        return value

    def megabytes(text: str) -> int:
        if not text.strip().isascii() or not text.strip().isdigit() or not 64 <= int(text) <= 1 << 20:
            raise argparse.ArgumentTypeError("must be a whole number of MB from 64 to 1048576")
        return int(text)

    group.add_argument("--timeout-per-file", type=seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                       help=f"stop checking a file after this long: it gets an input-error (default: {DEFAULT_TIMEOUT:g})")
    group.add_argument("--max-memory-mb", type=megabytes, default=DEFAULT_MEMORY_MB, metavar="MB",
                       help=f"memory one file's check may use before it is stopped (default: {DEFAULT_MEMORY_MB})")


