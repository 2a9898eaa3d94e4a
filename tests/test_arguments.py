"""The plain command lines read without argparse (``checker/arguments.py``) give exactly what
argparse's parser (``checker/argparser.py``) gives, and everything else is left to argparse."""
from __future__ import annotations

import random

import pytest

from checker import arguments
from checker.argparser import build_parser
from checker.run.discover import UsageError


def by_argparse(argv: list[str]) -> dict | None:
    try:
        return vars(build_parser().parse_args(argv))
    except (UsageError, SystemExit):
        return None


@pytest.mark.parametrize("argv", [
    ["报告.txt"],
    ["报告.txt", "--no-config"],
    ["reports/", "--format", "json", "-o", "out.json"],
    ["--format=sarif", "--output=x.sarif", "a.txt", "b.txt"],
    ["-f", "html", "-j", "2", "-q", "--fail-on", "warning", "a.txt"],
    ["--exclude", "draft*", "--exclude", "old/**", "reports"],
    ["-"],
    ["a.txt", "--previous", "b.txt", "--draft", "--color", "never", "--statistics"],
    ["--rules", "national", "--config", "c.yaml", "--baseline", "b.json", "--cache", ".c", "--no-progress", "a"],
    ["a", "--write-baseline", "b.json", "--no-cache", "--show-config", "--list-rules"],
])
def test_a_plain_command_line_is_read_as_argparse_reads_it(argv):
    quick = arguments.read(argv)
    assert quick is not None
    assert vars(quick) == by_argparse(argv)


@pytest.mark.parametrize("argv", [
    [],                                    # no file: argparse and the usage message
    ["-h"], ["--help"], ["--version"],
    ["--form", "json", "a.txt"],           # an abbreviation argparse accepts
    ["a.txt", "-q", "b.txt"],              # files on both sides of an option: argparse refuses
    ["-qf", "json", "a.txt"],              # short options run together
    ["-fjson", "a.txt"],
    ["--max-file-size", "1M", "a.txt"],    # the input limits and budgets have their own types
    ["--timeout-per-file", "5", "a.txt"],
    ["-o", "-x", "a.txt"],                 # a value that starts with "-"
    ["--jobs", "٣", "a.txt"],              # a number argparse's int() reads in other digits
    ["--format", "bogus", "a.txt"],        # a wrong choice: argparse says what is allowed
    ["--", "-a.txt"],
    ["a.txt", "--quiet=yes"],
    ["a.txt", "-o"],
])
def test_everything_else_goes_to_argparse(argv):
    assert arguments.read(argv) is None


TOKENS = ["a.txt", "b/", "-", "-q", "--quiet", "--no-config", "--draft", "-f", "json", "--format", "text",
          "--format=html", "-o", "out.json", "--output=o.txt", "-j", "2", "--jobs", "x", "--exclude", "*.md",
          "--fail-on", "info", "--color", "always", "--rules", "national", "--statistics", "--bogus", "-x",
          "--previous", "p.txt", "--max-pages", "3", "--", "--form", "never"]


def test_random_command_lines_read_the_same_or_go_to_argparse():
    """Whatever the quick reading accepts, argparse accepts and reads the same way."""
    rng = random.Random(20261130)
    read = 0
    for _ in range(3000):
        argv = [rng.choice(TOKENS) for _ in range(rng.randint(0, 7))]
        quick = arguments.read(argv)
        if quick is not None:
            read += 1
            assert vars(quick) == by_argparse(argv), argv
    assert read > 100  # the quick reading is exercised, not only refused


def test_the_defaults_name_every_option_argparse_has():
    assert set(vars(arguments.read(["a.txt"]))) == set(by_argparse(["a.txt"]))
