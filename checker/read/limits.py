"""Input limits: how much of a file, an archive or a rule file fzcheck is willing to read.

fzcheck reads files from many units, mail attachments and saved web pages, and runs in CI on a
shared repository, so every input is bounded before it is read: past a limit the file gets an
``input-error`` finding (the batch goes on) and a rule file is refused (exit 2).  Defaults are
far above any real report (a year's report is a few hundred KB); docs/limits.md lists every
limit, its default, the flag that changes it and what happens past it.

The CLI builds one :class:`Limits` from its flags and installs it with :func:`use` (worker
processes of a parallel batch get it through their initializer); library callers may pass
``limits=`` to the readers or rely on the defaults.
"""
from __future__ import annotations

import os
import re

from checker.read.lazy_pattern import lazy
from checker.read.record import asdict, fields, record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import Any


MiB = 1024 * 1024

DEFAULT_MAX_FILE_SIZE = 32 * MiB  # bytes of a .txt/.md/.html file or of standard input
DEFAULT_MAX_PART_SIZE = 50 * MiB  # uncompressed bytes of one XML part inside a .docx
DEFAULT_MAX_ZIP_ENTRIES = 10_000  # entries in a .docx archive (Word writes 10-200)
DEFAULT_MAX_ELEMENTS = 500_000  # tags in a web page or in one .docx part (a long report has ~100k)
DEFAULT_MAX_FINDINGS_PER_RULE = 1_000  # findings one rule lists for one file (a real report: < 50)
DEFAULT_MAX_PAGES = 1_000  # pages of a PDF or OFD file (a year's report: 5-40)
DEFAULT_MAX_READ_SECONDS = 60  # seconds to extract a PDF's text or convert a .doc/.wps (a report: 0.1-5 s)

# Rule files (--rules, extends:) are small YAML documents written by people.
MAX_RULE_FILE_BYTES = 2 * MiB
MAX_YAML_NODES = 200_000  # nodes after expanding aliases (national.yaml has a few thousand)
MAX_YAML_ALIASES = 1_000
MAX_YAML_DEPTH = 64  # nesting of lists/mappings (a rule file needs about 8; libyaml's C loader crashes past ~10⁴)


@record(frozen=True)
class Limits:
    """Bounds on what the readers accept; each field has a ``--max-…`` flag."""

    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_part_size: int = DEFAULT_MAX_PART_SIZE
    max_zip_entries: int = DEFAULT_MAX_ZIP_ENTRIES
    max_elements: int = DEFAULT_MAX_ELEMENTS
    max_findings_per_rule: int = DEFAULT_MAX_FINDINGS_PER_RULE
    max_pages: int = DEFAULT_MAX_PAGES
    max_read_seconds: int = DEFAULT_MAX_READ_SECONDS

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{item.name} must be a positive whole number, not {value!r}")


_active: Limits | None = None
ENV = "FZCHECK_LIMITS"  # how worker processes started with 'spawn' learn the limits of the run


def use(limits: Limits | None) -> None:
    """Install the limits of this run (None: back to the readers' defaults).

    They are also put in the environment, so worker processes of a parallel batch see them
    whether they are forked (they inherit this module's state) or spawned (they inherit the
    environment)."""
    global _active
    _active = limits
    if limits is None:
        os.environ.pop(ENV, None)
    else:
        os.environ[ENV] = _json_of(asdict(limits))


def _json_of(numbers: dict[str, int]) -> str:
    """``json.dumps`` of a mapping of whole numbers, as it writes it, without importing ``json``
    (a run that writes JSON imports it later; one that writes text never does)."""
    return "{" + ", ".join(f'"{name}": {int(value)}' for name, value in numbers.items()) + "}"


def active() -> Limits | None:
    """The limits installed by :func:`use` (here or in the parent process), or None."""
    global _active
    if _active is None and os.environ.get(ENV):
        import json

        try:
            _active = Limits(**json.loads(os.environ[ENV]))
        except (ValueError, TypeError):
            return None
    return _active


def resolve(limits: Limits | None) -> Limits | None:
    """An explicit ``limits=`` argument wins over the installed ones."""
    return limits if limits is not None else _active


_SIZE = lazy(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.I)
_UNITS = {"": 1, "k": 1024, "m": MiB, "g": 1024 * MiB, "t": 1024 * 1024 * MiB}


MAX_SIZE = 1024 ** 4  # 1T: far above any limit worth setting, and within every integer the readers use


def parse_size(text: str) -> int:
    """``'64M'``, ``'64MB'``, ``'64MiB'``, ``'500k'``, ``'1.5G'`` or plain bytes → bytes (binary units)."""
    match = _SIZE.match(str(text))
    if not match:
        raise ValueError(f"not a size: {text!r} (use bytes or a number with K, M or G, e.g. 64M)")
    number = float(match.group(1))
    if number > MAX_SIZE:  # 99999999999999999999G: refused here, not an OverflowError per file later
        raise ValueError(f"size too large: {text!r}")
    value = int(number * _UNITS[match.group(2).lower()])
    if value > MAX_SIZE:
        raise ValueError(f"size too large: {text!r} (at most 1T)")
    if value < 1:
        raise ValueError(f"size must be at least 1 byte: {text!r}")
    return value


def count_tags(markup: str | bytes) -> int:
    """Upper estimate of the elements a markup text will parse into, counted before parsing
    (libxml2 spends 100+ bytes per node; ``<br>`` costs 4 bytes of input)."""
    if isinstance(markup, bytes):
        return markup.count(b"<") - markup.count(b"</")
    return markup.count("<") - markup.count("</")


# --- command line -------------------------------------------------------------------------

FLAGS = (
    # (flag, field, kind, help)
    ("--max-file-size", "max_file_size", "size",
     "largest .txt/.md/.html file or standard input read, e.g. 32M (default: 32M)"),
    ("--max-part-size", "max_part_size", "size",
     "largest uncompressed XML part of a .docx, e.g. 50M (default: 50M; guards against zip bombs)"),
    ("--max-zip-entries", "max_zip_entries", "count",
     "most entries in a .docx archive (default: 10000)"),
    ("--max-elements", "max_elements", "count",
     "most tags in a web page or in one .docx/.ofd part, or objects on one PDF page (default: 500000)"),
    ("--max-findings-per-rule", "max_findings_per_rule", "count",
     "most findings one rule lists for one file; the rest are counted (default: 1000)"),
    ("--max-pages", "max_pages", "count",
     "most pages of a PDF or OFD file read (default: 1000)"),
    ("--max-read-seconds", "max_read_seconds", "count",
     "longest a PDF's text extraction or a .doc/.wps conversion may take, in seconds (default: 60)"),
)


def add_arguments(parser) -> None:  # noqa: ANN001 - an argparse parser or argument group
    """The ``--max-…`` flags (docs/limits.md)."""
    import argparse

    def size(text: str) -> int:
        try:
            return parse_size(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    def count(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
        return value

    for flag, dest, kind, help_text in FLAGS:
        parser.add_argument(flag, dest=dest, type=size if kind == "size" else count, default=None,
                            metavar="SIZE" if kind == "size" else "N", help=help_text)


def from_args(args) -> Limits:  # noqa: ANN001 - argparse namespace
    """Limits from parsed flags; a flag not given keeps its default."""
    given = {dest: getattr(args, dest, None) for _, dest, _, _ in FLAGS}
    return Limits(**{k: v for k, v in given.items() if v is not None})


def format_size(n: int) -> str:
    """Bytes as people say them: 50 MB, 1.5 GB, 800 KB, 12 字节."""
    for unit, size in (("GB", 1024 * MiB), ("MB", MiB), ("KB", 1024)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    return f"{n} 字节"


# --- YAML ---------------------------------------------------------------------------------

class YAMLProblem(Exception):
    """A YAML text that cannot be loaded: the problem, in one line (the caller names the file)."""


def load_yaml(text: str, loader=None) -> Any:  # noqa: ANN001 - a PyYAML loader class
    """``text`` loaded with a safe loader (default: the C one, same safe subset, 5× faster) once
    :func:`check_yaml` has found it not too costly; raises :class:`YAMLProblem` otherwise, or
    when it is not valid YAML (with the line and column) or nests too deeply."""
    import yaml

    if loader is None:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        problem = check_yaml(text)  # alias bombs and recursive aliases, before anything walks the data
        if problem:
            raise YAMLProblem(problem)
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader, never the full loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise YAMLProblem(f"invalid YAML{where}: {problem}") from None
    except RecursionError:
        raise YAMLProblem("YAML nests too deeply") from None


def check_yaml(text: str) -> str | None:
    """Why a YAML text is too costly to load (an alias bomb, recursion, absurd nesting), or None.

    ``yaml.safe_load`` turns aliases into shared objects, so loading a billion-laughs file is
    quick, but everything that walks the result afterwards (schema validation, merging,
    deep copies, lexicon expansion) sees the expanded tree.  The node graph is composed
    without constructing Python objects and its expanded size counted with memoisation.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    aliases = depth = 0
    for event in yaml.parse(text, Loader=loader):  # events only: flat, whatever the nesting
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                return f"YAML nests deeper than {MAX_YAML_DEPTH} levels"
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                return f"too many YAML aliases (more than {MAX_YAML_ALIASES})"
    if aliases == 0:
        return None  # without aliases the node count is bounded by the text size
    root = yaml.compose(text, Loader=loader)
    if root is None:
        return None
    sizes: dict[int, int] = {}
    pending: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            pending.discard(key)
            if sizes[key] > MAX_YAML_NODES:
                return f"YAML aliases expand to more than {MAX_YAML_NODES} nodes (an alias bomb?)"
            continue
        if key in sizes:
            continue
        if key in pending:
            return "a YAML alias refers to a node that contains it (recursive structure)"
        pending.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node) if id(c) not in sizes)
    return None


def _children(node) -> list:
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return []
