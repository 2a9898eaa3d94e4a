"""The plain command lines, read without argparse: one or more files and a few flags
(``fzcheck 报告.docx``, ``fzcheck reports/ --format json -o out.json --no-config``).

Importing argparse (with gettext and locale) and building fzcheck's parser of some thirty
options cost ~5 ms, a tenth of what a one-report run spends over bare Python.  A command line
that only names files and uses options of the simple kinds below is read here into the same
values argparse would give; anything else — help, version, an abbreviated or unknown option,
a value that starts with "-", files on both sides of an option, the input limits — returns
None and goes to argparse (``checker.argparser``), which also gives every usage error.  A test
reads many command lines both ways and compares.
"""
from __future__ import annotations

from types import SimpleNamespace

FAIL_ON = ("error", "warning", "info", "never")
COLOURS = ("auto", "always", "never")

# Every option's destination and the value it has when not given (argparse's defaults; the
# input limits are None, the budget flags their defaults, filled in by ``_defaults``).
DEFAULTS: dict = {
    "format": None, "output": None, "rules": None, "fail_on": None, "jobs": None, "quiet": False,
    "statistics": False, "color": "auto", "config": None, "no_config": False, "show_config": False,
    "exclude": None, "baseline": None, "write_baseline": None, "cache": None, "no_cache": False,
    "no_progress": False, "list_rules": False, "draft": False, "previous": None,
}
SWITCHES = {"-q": "quiet", "--quiet": "quiet", "--statistics": "statistics", "--no-config": "no_config",
            "--show-config": "show_config", "--no-cache": "no_cache", "--no-progress": "no_progress",
            "--list-rules": "list_rules", "--draft": "draft"}
TEXTS = {"-o": "output", "--output": "output", "--rules": "rules", "--config": "config",
         "--baseline": "baseline", "--write-baseline": "write_baseline", "--cache": "cache",
         "--previous": "previous"}
CHOSEN = {"-f": "format", "--format": "format", "--fail-on": "fail_on", "--color": "color"}
NUMBERS = {"-j": "jobs", "--jobs": "jobs"}
REPEATED = {"--exclude": "exclude"}
TAKES_VALUE = {**TEXTS, **CHOSEN, **NUMBERS, **REPEATED}


def read(argv: list[str]) -> SimpleNamespace | None:
    """The options of a plain command line, or None for argparse to read it."""
    values = _defaults()
    paths: list[str] = []
    ended = False  # the files are one run: argparse refuses files after an option that follows files
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "-" or not arg.startswith("-"):
            if ended:
                return None
            paths.append(arg)
        else:
            ended = bool(paths)
            option, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
            if option in SWITCHES and not eq:
                values[SWITCHES[option]] = True
            elif option in TAKES_VALUE:
                if not eq:
                    index += 1
                    if index == len(argv):
                        return None
                    value = argv[index]
                if value.startswith("-") or not _store(values, option, value):
                    return None
            else:
                return None
        index += 1
    if not paths:
        return None
    return SimpleNamespace(paths=paths, **values)


def _store(values: dict, option: str, value: str) -> bool:
    """Put an option's value in place as argparse would; False where argparse must judge it."""
    if option in TEXTS:
        values[TEXTS[option]] = value
    elif option in CHOSEN:
        if value not in _choices(CHOSEN[option]):
            return False
        values[CHOSEN[option]] = value
    elif option in NUMBERS:
        if not (value.isascii() and value.isdigit()):
            return False
        values[NUMBERS[option]] = int(value)
    else:
        values[REPEATED[option]] = (values[REPEATED[option]] or []) + [value]
    return True


def _choices(dest: str) -> tuple[str, ...]:
    if dest == "format":
        from .formats import names

        return tuple(names())
    return FAIL_ON if dest == "fail_on" else COLOURS


def _defaults() -> dict:
    from .read.limits import FLAGS
    from .run.isolate import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT

    values = dict(DEFAULTS)
    values.update({dest: None for _, dest, _, _ in FLAGS})
    values.update(timeout_per_file=DEFAULT_TIMEOUT, max_memory_mb=DEFAULT_MEMORY_MB)
    return values
