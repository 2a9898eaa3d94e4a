"""The ``fzcheck`` command: parse arguments, run the batch, print or write a format, exit.

Exit status: 0 no finding at or above ``--fail-on``; 1 there is one; 2 usage error, bad rule
file or a path that does not exist (one line on stderr, no traceback); 130 on Ctrl-C.
"""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .discover import UsageError, expand
from .finding import at_or_above

DESCRIPTION = """检查法治政府建设年度报告是否符合《法治政府建设与责任落实督察工作规定》的要求。
Checks 法治政府建设年度报告 drafts (.txt .md .html .docx) against the national standard."""
EPILOG = """示例 examples:
  fzcheck 报告.docx                       逐行列出问题
  fzcheck reports/ --format json -o out.json
  fzcheck - < 报告.txt                    从标准输入读取
  fzcheck --rules my-province.yaml 报告.docx
退出码 exit status: 0 无达到 --fail-on 的问题；1 有；2 用法、规则文件或路径错误；130 被中断。"""


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error, as the exit-code contract asks."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see 'fzcheck --help')")


def build_parser() -> Parser:
    from .formats import names

    parser = Parser(prog="fzcheck", description=DESCRIPTION, epilog=EPILOG,
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="report files or directories (recursed); '-' reads standard input")
    parser.add_argument("-f", "--format", default="text", choices=names(), help="output format (default: text)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE instead of standard output")
    parser.add_argument("--rules", default="national", metavar="FILE_OR_NAME",
                        help="rule set: a bundled name (national, ...) or a YAML file that may 'extends: national'")
    parser.add_argument("--fail-on", default="error", choices=["error", "warning", "info", "never"],
                        help="exit 1 when a finding is at or above this severity (default: error)")
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                        help="parallel worker processes for a batch (default: all cores)")
    parser.add_argument("-q", "--quiet", action="store_true", help="text format: list only reports with findings")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="colour in text output (default: auto = only on a terminal, never with NO_COLOR)")
    parser.add_argument("--list-rules", action="store_true", help="list the rule set's rules and exit")
    parser.add_argument("--version", action="version", version=f"fzcheck {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except UsageError as exc:
        print(f"fzcheck: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("fzcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 1


def _main(argv: list[str] | None) -> int:
    from .ruleset import RuleSetError, load

    args = build_parser().parse_args(argv)
    try:
        ruleset = load(args.rules)
    except RuleSetError as exc:
        print(f"fzcheck: error: {exc}", file=sys.stderr)
        return 2
    if args.list_rules:
        sys.stdout.write(_rule_list(ruleset))
        return 0
    if not args.paths:
        raise UsageError("no PATH given: name report files or directories, or '-' for standard input")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    files = expand(args.paths)
    if args.output:
        from .output import guard

        guard(args.output, files)
    run = _run(files, ruleset, args)
    _emit(run, ruleset, args, files)
    failed = any(at_or_above(f.severity, args.fail_on) for f in run.findings())
    return 1 if failed else 0


def _run(files: list[str], ruleset, args):
    from .batch import default_jobs, run

    jobs = args.jobs or default_jobs()
    return run(files, ruleset, args.rules, jobs)


def _emit(run, ruleset, args, files: list[str]) -> None:
    from .formats import get

    args.colour = _use_colour(args)
    fmt = get(args.format)
    if args.output and hasattr(fmt, "write"):
        fmt.write(run, ruleset, args, args.output)  # formats that may write a directory (html batch)
        return
    text = fmt.render(run, ruleset, args)
    if args.output:
        from .output import write_atomic

        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _use_colour(args) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or args.output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _rule_list(ruleset) -> str:
    lines = [f"规则集 {ruleset.name}：{ruleset.title}"]
    for rule in ruleset.rules:
        state = "" if rule.enabled else "（已停用）"
        lines.append(f"  {rule.id:<22} {rule.severity:<8} {rule.summary}{state}")
    return "\n".join(lines) + "\n"


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
