"""The ``fzcheck`` command: parse arguments, run the batch, print or write a format, exit.

Exit status: 0 no finding at or above ``--fail-on``; 1 there is one; 2 usage error, bad rule
file or a path that does not exist (one line on stderr, no traceback); 130 on Ctrl-C.
"""
from __future__ import annotations

import argparse
import os
import sys

from checker.read.lazy_pattern import lazy

from . import __version__
from .read import limits, regex_cache  # importing checker.read installs the faster pattern compiler (regex_charset.py)
from .check.finding import SEVERITIES, at_or_above
from .run.discover import UsageError, expand

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
    parser.add_argument("--fail-on", default=None, choices=["error", "warning", "info", "never"],
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
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
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


def main(argv: list[str] | None = None) -> int:
    from .run.baseline import BaselineError
    from .run.config import ConfigError

    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "serve":  # `fzcheck serve …`: the web service (a file named serve: ./serve)
        resume_gc()
        from .web.serve import main as serve_main

        try:
            return serve_main(argv[1:])
        finally:
            regex_cache.save()
    try:
        return _main(argv)
    except (UsageError, ConfigError, BaselineError) as exc:
        print(f"fzcheck: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("fzcheck: 已中断 interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except OSError as exc:  # e.g. -o names a directory or an unwritable place
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"fzcheck: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    finally:
        limits.use(None)
        from .run.output import unprotect

        unprotect()
        regex_cache.save()  # the patterns this run compiled, for the next run


def entry() -> None:
    """The ``fzcheck`` command and ``python -m checker``: :func:`main`, then the exit without
    Python's teardown of every module and object, which changes nothing once the output is
    flushed and cost ~50 ms of a one-report run (about a sixth of it; docs/performance.md).
    The exit handlers (worker processes, temporary files) still run.  ``fzcheck serve``, a
    thread still running or a flush that fails take Python's usual way out."""
    argv = sys.argv[1:]
    code = main(argv)
    if (argv and argv[0] == "serve") or _threads_running():
        sys.exit(code)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed pipe: Python's own exit reports it as it always did
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()
    os._exit(code)


def _threads_running() -> bool:
    if "threading" not in sys.modules:
        return False  # nothing started a thread (importing threading only to ask cost ~1 ms)
    import threading

    return threading.active_count() > 1


def settings(args):
    """The config file (found upward from the working directory) with the flags on top."""
    from .run import config as cfg

    if args.no_config and args.config:
        raise UsageError("--config 与 --no-config 不能同时使用")
    if args.no_config:
        conf = cfg.Config(root=os.getcwd())
    elif args.config:
        if not os.path.isfile(args.config):
            raise UsageError(f"{args.config}：找不到这个配置文件")
        conf = cfg.load(args.config)
    else:
        conf = cfg.load(cfg.discover())
    return cfg.with_flags(conf, args)


def _main(argv: list[str] | None) -> int:
    from .check.ruleset import RuleSetError, load
    from .formats import get as get_format
    from .run.rulesets import RuleSets

    args = build_parser().parse_args(argv)
    if sys.stdout is None and not args.output:  # started with standard output closed (`>&-`)
        raise UsageError("标准输出已关闭，结果无处可写；请用 -o 指定输出文件")
    limits.use(limits.from_args(args))  # readers in this process and in workers (docs/limits.md)
    if args.jobs is not None and not 1 <= args.jobs <= 256:
        raise UsageError("--jobs 应为 1 到 256 之间的整数")
    conf = settings(args)
    args.format, args.fail_on, args.jobs, args.rules = conf.format, conf.fail_on, conf.jobs, conf.rules
    try:
        ruleset = load(conf.rules)
    except RuleSetError as exc:
        print(f"fzcheck: error: {exc}", file=sys.stderr)
        return 2
    rulesets = RuleSets(ruleset, conf)
    rulesets.check()
    args.rulesets = rulesets
    args.config = conf
    if args.show_config:
        sys.stdout.write(_show_config(conf))
        return 0
    if args.list_rules:
        sys.stdout.write(_rule_list(rulesets.base))
        return 0
    if not args.paths:
        raise UsageError("没有给出要检查的文件：请写出报告文件或目录，或用 - 从标准输入读取")
    notes: list[str] = []
    files = expand(args.paths, conf, notes)
    if not args.quiet:
        from .formats.text import visible

        for note in notes:
            print(f"fzcheck: note: {visible(note)}", file=sys.stderr)
    if args.previous is not None:
        if not os.path.isfile(args.previous):
            raise UsageError(f"{args.previous}：找不到 --previous 指定的上一年度报告")
        if len(files) != 1:
            raise UsageError(f"--previous 只能与一份报告比对，但给出了 {len(files)} 个文件")
    if not args.output and not args.statistics and getattr(get_format(args.format), "BINARY", False):
        raise UsageError(f"--format {args.format} 输出的是 Word/Excel 文件，请用 -o 指定输出文件")
    _protect(files, conf, args)
    run = _run(files, ruleset, conf, args)
    try:
        return _finish(run, rulesets, conf, args, files)
    finally:
        run.close()  # the batch's temporary file (checker/run/spill.py)


def _finish(run, rulesets, conf, args, files: list[str]) -> int:
    """Baseline, output and exit status of a run."""
    if args.write_baseline:
        from .run.baseline import write

        count = write(run, args.write_baseline)
        if not args.quiet:
            print(f"fzcheck: 已把 {count} 条问题记入基线 {args.write_baseline}", file=sys.stderr)
        return 0
    if conf.baseline:
        from .run.baseline import apply

        run, hidden = apply(run, conf.baseline)
        if hidden and not args.quiet:
            print(f"fzcheck: 基线 {conf.baseline} 中已接受的 {hidden} 条问题不再显示", file=sys.stderr)
    _emit(run, rulesets.base, args, files)
    summary = run.summary()
    failed = any(summary[severity] and at_or_above(severity, conf.fail_on) for severity in SEVERITIES)
    return 1 if failed else 0


def _protect(files: list[str], conf, args) -> None:
    """No output replaces what the user gave us: the reports, --previous, the rule file, the
    baseline or the config file (checker/run/output.py); --write-baseline may rewrite the baseline."""
    from .run.baseline import BASELINE_ROLE
    from .run.output import guard, protect

    protect(files)
    protect([args.previous], "the --previous file")
    protect([conf.rules] if os.path.isfile(conf.rules) else [], "the rule file")
    protect([conf.path], "the config file")
    protect([conf.baseline], BASELINE_ROLE)
    if args.output:
        guard(args.output)
    if args.write_baseline:
        guard(args.write_baseline, allow=(BASELINE_ROLE,))


GC_PAUSED = False  # set by checker/__main__.py, which pauses the collector while fzcheck starts


def resume_gc() -> None:
    """The collector back on, once start-up is done (checker/__main__.py paused it).  What
    start-up made (modules, the rule set) lives to the end: frozen, it is never scanned again,
    and forked workers do not touch those pages to scan them."""
    global GC_PAUSED
    if GC_PAUSED:
        import gc

        gc.freeze()
        gc.enable()
        GC_PAUSED = False


def _run(files: list[str], ruleset, conf, args):
    resume_gc()
    from .run.batch import default_jobs, stream
    from .run.progress import Bar, wanted

    from .run.isolate import Budget

    jobs = conf.jobs or default_jobs()
    bar = Bar() if not args.no_progress and wanted(len(files), args.quiet) else None
    try:
        return stream(files, ruleset, conf.rules, jobs, progress=bar, config=conf,
                   keep_lines=conf.format in ("html", "docx") and not args.statistics, previous=args.previous,
                   cache=conf.cache, budget=Budget(args.timeout_per_file, args.max_memory_mb))
    finally:
        if bar is not None:
            bar.close()


def _emit(run, ruleset, args, files: list[str]) -> None:
    from .formats import get

    args.colour = _use_colour(args)
    if args.statistics:
        from .formats import statistics as fmt
    else:
        fmt = get(args.format)
    if args.output and hasattr(fmt, "write"):
        fmt.write(run, ruleset, args, args.output)  # formats that may write a directory (html batch)
        return
    # Written piece by piece as the format makes it (a batch's results are read back one at a
    # time): a run of any size is never one string in memory.
    pieces = fmt.chunks(run, ruleset, args) if hasattr(fmt, "chunks") else [fmt.render(run, ruleset, args)]
    if args.output:
        from .run.output import write_atomic

        write_atomic(args.output, pieces)
    else:
        if hasattr(sys.stdout, "reconfigure"):  # a non-UTF-8 file name: \udcXX, not a crash
            sys.stdout.reconfigure(errors="backslashreplace")
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()


def _show_config(conf) -> str:
    import yaml

    return yaml.safe_dump(conf.as_dict(), allow_unicode=True, sort_keys=False, default_flow_style=False)


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
