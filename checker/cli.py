"""The ``fzcheck`` command: parse arguments, run the batch, print or write a format, exit.

Exit status: 0 no finding at or above ``--fail-on``; 1 there is one; 2 usage error, bad rule
file or a path that does not exist (one line on stderr, no traceback); 130 on Ctrl-C.
"""
from __future__ import annotations

import os
import sys

from .read import limits, regex_cache  # importing checker.read installs the faster pattern compiler (regex_charset.py)
from . import arguments
from .check.finding import SEVERITIES, at_or_above
from .run.discover import UsageError, expand


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

    args = arguments.read(argv)
    if args is None:  # not a plain command line: argparse reads it, with help and errors
        from .argparser import build_parser

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
