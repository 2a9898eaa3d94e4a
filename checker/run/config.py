"""Project configuration: ``.fzcheck.yaml`` or ``[tool.fzcheck]`` in ``pyproject.toml``.

The file is found from the current directory upward (the first directory that has either wins;
in one directory ``.fzcheck.yaml`` beats ``pyproject.toml``, and a ``pyproject.toml`` without a
``[tool.fzcheck]`` table is passed over).  Globs in the file are relative to the file's
directory.  Command-line flags override the file.  Every key is documented in
``docs/configuration.md``; an unknown key is an error that names the file and the key.

The per-path rule sets the settings give are built in :mod:`checker.run.rulesets`; globs are
gitignore-style (:mod:`checker.run.globs`).
"""
from __future__ import annotations

import os
import re
from checker.read.paths import spelled, suffix
from checker.read.record import field, record, replace

from .config_schema import ConfigError, validate
from .globs import GlobError, compile_globs, matches_any, relative_to

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import Any


CONFIG_NAMES = (".fzcheck.yaml", ".fzcheck.yml")
PYPROJECT = "pyproject.toml"
BUILTIN_RULES = ("input-error", "internal-error")  # findings the engine makes, not rules in a rule set

ENTRY_LISTS = ("overrides", "pairing", "ignore", "roster")  # lists of mappings whose keys are config keys too


@record(frozen=True)
class RuleChanges:
    """Severity, enabled flag and params changes for some rules (top level or one override)."""

    severity: tuple[tuple[str, str], ...] = ()
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    params: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()

    def empty(self) -> bool:
        return not (self.severity or self.disable or self.enable or self.params)

    def as_dict(self) -> dict:
        out: dict[str, Any] = {}
        if self.severity:
            out["severity"] = dict(self.severity)
        if self.disable:
            out["disable"] = list(self.disable)
        if self.enable:
            out["enable"] = list(self.enable)
        if self.params:
            out["params"] = {rule: dict(values) for rule, values in self.params}
        return out


@record(frozen=True)
class Override:
    files: tuple[str, ...]
    changes: RuleChanges
    key: str  # where it is in the file, for messages: "overrides[2]"
    deadline: str | None = None  # shorthand for params: {deadline: {deadline: "MM-DD"}}
    draft: bool = False  # shorthand for params: {deadline: {missing_date: false}}

    def effective(self, ruleset) -> RuleChanges:
        """The changes, with the ``deadline`` and ``draft`` shorthands turned into the
        ``deadline`` rule's params."""
        return with_shorthands(self.changes, ruleset, self.deadline, self.draft)

    def as_dict(self) -> dict:
        out = {"files": list(self.files), **self.changes.as_dict()}
        if self.deadline is not None:
            out["deadline"] = self.deadline
        if self.draft:
            out["draft"] = True
        return out


def with_shorthands(changes: RuleChanges, ruleset, deadline: str | None = None, draft: bool = False) -> RuleChanges:
    """``deadline: "03-01"`` and ``draft: true`` as the ``deadline`` rule's params (a no-op while
    the rule set has no ``deadline`` rule).  A draft has no publication date yet, so the rule
    does not say that timeliness could not be judged."""
    if (deadline is None and not draft) or ruleset.rule("deadline") is None:
        return changes
    params = dict(changes.params)
    values = dict(params.get("deadline", ()))
    if deadline is not None:
        values["deadline"] = deadline
    if draft:
        values.setdefault("missing_date", False)
    params["deadline"] = tuple(values.items())
    return replace(changes, params=tuple(params.items()))


@record(frozen=True)
class Pairing:
    """Who reports on which year, for files whose text does not say it (``pairing`` entries)."""

    files: tuple[str, ...]
    issuer: str | None
    year: int | None
    key: str


@record(frozen=True)
class Ignore:
    paths: tuple[str, ...]
    rules: tuple[str, ...]
    key: str


@record(frozen=True)
class Unit:
    """A unit expected to submit its report (``roster`` entries): its name as reports write it,
    its level (区政府, 部门, 街镇…) and, when it has its own, the deadline (YYYY-MM-DD or MM-DD
    of the year after the report year)."""

    name: str
    level: str | None = None
    deadline: str | None = None


@record
class Config:
    """The settings of one run: file values, then command-line flags on top."""

    path: str | None = None
    root: str = "."
    rules: str = "national"
    fail_on: str = "error"
    format: str = "text"
    jobs: int | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    changes: RuleChanges = field(default_factory=RuleChanges)
    draft: bool = False  # the inputs are drafts: no publication date is expected
    ignore: tuple[Ignore, ...] = ()
    overrides: tuple[Override, ...] = ()
    baseline: str | None = None
    cache: str | None = None  # result cache directory (checker/run/cache.py), opt-in
    pairing: tuple[Pairing, ...] = ()
    roster: tuple[Unit, ...] = ()  # units expected to submit (the batch dashboard's 报送情况)
    sources: dict[str, str] = field(default_factory=dict)  # setting → "file" / "command line" / "default"

    # -- paths ---------------------------------------------------------------------------------
    def relative(self, path: str) -> str:
        """A path relative to the config's directory, posix style (``-`` stays ``-``)."""
        return relative_to(path, self.root)

    def excluded(self, path: str) -> bool:
        return bool(self.exclude) and path != "-" and matches_any(self.relative(path), self.exclude)

    def included(self, path: str) -> bool:
        return not self.include or matches_any(self.relative(path), self.include)

    # -- per-file rule sets ------------------------------------------------------------------------
    def selection(self, path: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Which overrides and ignores apply to a file (indices): the rule-set cache key."""
        if not self.overrides and not self.ignore:
            return (), ()
        rel = self.relative(path)
        overrides = tuple(i for i, o in enumerate(self.overrides) if matches_any(rel, o.files))
        ignores = tuple(i for i, g in enumerate(self.ignore) if matches_any(rel, g.paths))
        return overrides, ignores

    def pairing_for(self, path: str) -> Pairing | None:
        """The first ``pairing`` entry whose globs match a file (None: use the metadata)."""
        if not self.pairing or path == "-":
            return None
        rel = self.relative(path)
        return next((p for p in self.pairing if matches_any(rel, p.files)), None)

    def ignored_builtin(self, key: tuple[tuple[int, ...], tuple[int, ...]]) -> set[str]:
        """Engine-made rule ids (``input-error``…) ignored for a file: their findings are dropped."""
        return {r for i in key[1] for r in self.ignore[i].rules if r in BUILTIN_RULES}

    def as_dict(self) -> dict:
        """What ``--show-config`` prints."""
        out: dict[str, Any] = {"config_file": self.path, "root": self.root, "rules": self.rules,
                               "fail_on": self.fail_on, "format": self.format, "jobs": self.jobs,
                               "include": list(self.include), "exclude": list(self.exclude)}
        out.update(self.changes.as_dict())
        if self.draft:
            out["draft"] = True
        if self.ignore:
            out["ignore"] = [{"path": list(g.paths), "rules": list(g.rules)} for g in self.ignore]
        if self.overrides:
            out["overrides"] = [o.as_dict() for o in self.overrides]
        out["baseline"] = self.baseline
        out["cache"] = self.cache
        if self.pairing:
            out["pairing"] = [{"files": list(p.files), "issuer": p.issuer, "year": p.year} for p in self.pairing]
        if self.roster:
            out["roster"] = [{k: v for k, v in (("name", u.name), ("level", u.level), ("deadline", u.deadline))
                              if v is not None} for u in self.roster]
        out["sources"] = dict(self.sources)
        return out


# -- finding and reading the file ----------------------------------------------------------------

def discover(start: str | os.PathLike | None = None) -> str | None:
    """The nearest ``.fzcheck.yaml`` (or ``pyproject.toml`` with ``[tool.fzcheck]``) upward."""
    folder = os.path.realpath(start or os.getcwd())
    while True:
        for name in CONFIG_NAMES:
            if os.path.isfile(os.path.join(folder, name)):
                return os.path.join(folder, name)
        pyproject = os.path.join(folder, PYPROJECT)
        if os.path.isfile(pyproject) and _has_tool_table(pyproject):
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _read_text(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _has_tool_table(path: str) -> bool:
    try:
        text = _read_text(path)
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*fzcheck\s*[\].]", text, re.M) is not None


def load(path: str | os.PathLike | None) -> Config:
    """Read and check a config file (``None``: the defaults)."""
    if path is None:
        return Config(root=os.getcwd(), sources={})
    path = spelled(os.fspath(path))
    data = _read_toml(path) if os.path.basename(path) == PYPROJECT or suffix(path) == ".toml" else _read_yaml(path)
    return parse(data, path, os.path.dirname(os.path.realpath(path)))


def _read_yaml(path: str) -> Any:
    import yaml

    from checker.read.limits import YAMLProblem, load_yaml

    try:
        text = _read_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, None, f"cannot read config file: {exc}") from None
    try:
        data = load_yaml(text, yaml.SafeLoader)  # the same guards and messages as rule files
    except YAMLProblem as exc:
        raise ConfigError(path, None, str(exc)) from None
    return {} if data is None else data


def _read_toml(path: str) -> Any:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ImportError:
            raise ConfigError(path, None, "reading [tool.fzcheck] needs Python 3.11 or the 'tomli' package; "
                                               "use .fzcheck.yaml instead") from None
    try:
        data = tomllib.loads(_read_text(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, None, f"cannot read config file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, None, f"invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("fzcheck", {}) if isinstance(data.get("tool"), dict) else {}
    return table


def parse(data: Any, path: str, root: str) -> Config:
    """Turn the file's mapping into a :class:`Config`, strictly: the shape is checked against
    ``rules/config.schema.json`` first (unknown keys and wrong values name themselves)."""
    where = "[tool.fzcheck]" if path.endswith(".toml") else ""
    data = _dates_as_text(snake_keys(data))
    validate(data, path, where)
    config = Config(path=path, root=root)
    if "rules" in data:
        config.rules = data["rules"]
        if config.rules.endswith((".yaml", ".yml")) and not os.path.isabs(config.rules):
            config.rules = spelled(os.path.join(root, config.rules))  # a rule file beside the config, not beside the cwd
    for name in ("fail_on", "format", "jobs"):
        if name in data:
            setattr(config, name, data[name])
    config.include = _globs(data.get("include", ()), path, "include")
    config.exclude = _globs(data.get("exclude", ()), path, "exclude")
    config.changes = _changes(data)
    config.draft = bool(data.get("draft", False))
    config.ignore = tuple(Ignore(paths=_globs(item["path"], path, f"ignore[{i}].path"), rules=_tuple(item["rules"]),
                                 key=f"ignore[{i}]") for i, item in enumerate(data.get("ignore", ())))
    config.overrides = tuple(_override(item, path, f"overrides[{i}]") for i, item in enumerate(data.get("overrides", ())))
    config.pairing = tuple(Pairing(files=_globs(item["files"], path, f"pairing[{i}].files"), issuer=item.get("issuer"),
                                   year=item.get("year"), key=f"pairing[{i}]")
                           for i, item in enumerate(data.get("pairing", ())))
    config.roster = tuple(Unit(name=str(item["name"]), level=item.get("level"),
                               deadline=str(item["deadline"]) if item.get("deadline") is not None else None)
                          for item in data.get("roster", ()))
    for name in ("baseline", "cache"):  # relative to the config's directory
        if name in data:
            setattr(config, name, spelled(os.path.join(root, data[name])))
    config.sources = {key: path for key in data}
    return config


def snake_keys(data: Any) -> Any:
    """``fail-on`` → ``fail_on`` in the keys that are config keys (the top level and the entries
    of ``overrides``, ``pairing``, ``ignore``), never in rule ids (``section-thin``)."""
    if not isinstance(data, dict):
        return data
    out = {str(key).replace("-", "_"): value for key, value in data.items()}
    for name in ENTRY_LISTS:
        if isinstance(out.get(name), list):
            out[name] = [snake_keys(item) for item in out[name]]
    return out


def _dates_as_text(data: Any) -> Any:
    """YAML reads an unquoted ``deadline: 2025-03-31`` as a date: take it as the text it was."""
    import datetime

    if isinstance(data, dict) and isinstance(data.get("roster"), list):
        for item in data["roster"]:
            if isinstance(item, dict) and isinstance(item.get("deadline"), datetime.date):
                item["deadline"] = item["deadline"].isoformat()
    return data


def _tuple(value: str | list) -> tuple[str, ...]:
    """A string or a list of strings (one string is a list of one), as the schema allows."""
    return (value,) if isinstance(value, str) else tuple(value)


def _globs(value: str | list, path: str, key: str) -> tuple[str, ...]:
    patterns = _tuple(value)
    try:
        compile_globs(patterns)
    except GlobError as exc:
        raise ConfigError(path, key, str(exc)) from None
    return patterns


def _changes(data: dict) -> RuleChanges:
    return RuleChanges(severity=tuple((str(k), v) for k, v in data.get("severity", {}).items()),
                       disable=_tuple(data.get("disable", ())), enable=_tuple(data.get("enable", ())),
                       params=tuple((str(rule), tuple((str(k), v) for k, v in values.items()))
                                    for rule, values in data.get("params", {}).items()))


def _override(item: dict, path: str, key: str) -> Override:
    return Override(files=_globs(item["files"], path, f"{key}.files"), changes=_changes(item), key=key,
                    deadline=item.get("deadline"), draft=bool(item.get("draft", False)))

def with_flags(config: Config, args) -> Config:
    """Command-line flags on top of the file; records where each setting came from."""
    sources = dict(config.sources)
    updates: dict[str, Any] = {}
    for name in ("rules", "fail_on", "format", "jobs", "baseline", "cache"):
        value = getattr(args, name, None)
        if value is not None:
            updates[name] = value
            sources[name] = "command line"
    if getattr(args, "draft", False):
        updates["draft"] = True
        sources["draft"] = "command line"
    if getattr(args, "no_cache", False):
        updates["cache"] = None
        sources["cache"] = "command line"
    for name in ("rules", "fail_on", "format", "jobs", "include", "exclude", "baseline", "cache"):
        sources.setdefault(name, "default")
    exclude = tuple(getattr(args, "exclude", None) or ())
    if exclude:
        try:
            compile_globs(exclude)
        except GlobError as exc:
            raise ConfigError("command line", "--exclude", str(exc)) from None
        updates["exclude"] = config.exclude + exclude
        sources["exclude"] = (config.path + " + command line") if config.exclude else "command line"
    return replace(config, sources=sources, **updates)
