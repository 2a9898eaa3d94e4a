"""Project configuration: ``.fzcheck.yaml`` or ``[tool.fzcheck]`` in ``pyproject.toml``.

The file is found from the current directory upward (the first directory that has either wins;
in one directory ``.fzcheck.yaml`` beats ``pyproject.toml``, and a ``pyproject.toml`` without a
``[tool.fzcheck]`` table is passed over).  Globs in the file are relative to the file's
directory.  Command-line flags override the file.  Every key is documented in
``docs/configuration.md``; an unknown key is an error that names the file and the key.

Per-path settings (``overrides``, ``ignore``) are applied by deriving a rule set for each
combination of matching entries from the base rule set (cached), never by editing findings
afterwards, so scores agree with what is shown.  Only rule ids that are not in the rule set
(``input-error``, ``internal-error``) are ignored by dropping their findings.
"""
from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

CONFIG_NAMES = (".fzcheck.yaml", ".fzcheck.yml")
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")
BUILTIN_RULES = ("input-error", "internal-error")  # findings the engine makes, not rules in a rule set

TOP_KEYS = ("rules", "fail_on", "format", "jobs", "include", "exclude", "severity", "disable", "enable",
            "params", "ignore", "overrides", "baseline", "pairing", "cache")
PAIRING_KEYS = ("files", "issuer", "year")
OVERRIDE_KEYS = ("files", "severity", "disable", "enable", "params", "deadline")
IGNORE_KEYS = ("path", "rules")


class ConfigError(Exception):
    """A configuration file that cannot be used: exit 2, one line naming the file and key."""

    def __init__(self, path: str, key: str | None, problem: str):
        super().__init__(f"{path}: {key}: {problem}" if key else f"{path}: {problem}")
        self.path, self.key, self.problem = path, key, problem


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    changes: RuleChanges
    key: str  # where it is in the file, for messages: "overrides[2]"
    deadline: str | None = None  # shorthand for params: {deadline: {deadline: "MM-DD"}}

    def effective(self, ruleset) -> RuleChanges:
        """The changes, with the ``deadline`` shorthand turned into the ``deadline`` rule's param
        (a no-op while the rule set has no ``deadline`` rule)."""
        if self.deadline is None or ruleset.rule("deadline") is None:
            return self.changes
        params = dict(self.changes.params)
        values = dict(params.get("deadline", ()))
        values["deadline"] = self.deadline
        params["deadline"] = tuple(values.items())
        return replace(self.changes, params=tuple(params.items()))

    def as_dict(self) -> dict:
        out = {"files": list(self.files), **self.changes.as_dict()}
        if self.deadline is not None:
            out["deadline"] = self.deadline
        return out


@dataclass(frozen=True)
class Pairing:
    """Who reports on which year, for files whose text does not say it (``pairing`` entries)."""

    files: tuple[str, ...]
    issuer: str | None
    year: int | None
    key: str


@dataclass(frozen=True)
class Ignore:
    paths: tuple[str, ...]
    rules: tuple[str, ...]
    key: str


@dataclass
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
    ignore: tuple[Ignore, ...] = ()
    overrides: tuple[Override, ...] = ()
    baseline: str | None = None
    cache: str | None = None  # result cache directory (checker/cache.py), opt-in
    pairing: tuple[Pairing, ...] = ()
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
        if self.ignore:
            out["ignore"] = [{"path": list(g.paths), "rules": list(g.rules)} for g in self.ignore]
        if self.overrides:
            out["overrides"] = [o.as_dict() for o in self.overrides]
        out["baseline"] = self.baseline
        out["cache"] = self.cache
        if self.pairing:
            out["pairing"] = [{"files": list(p.files), "issuer": p.issuer, "year": p.year} for p in self.pairing]
        out["sources"] = dict(self.sources)
        return out


class RuleSets:
    """The rule set for each file: the base with the config's top-level changes, then the changes
    of every override and ignore that matches the file, derived once per combination."""

    def __init__(self, base, config: Config | None):
        self.config = config or Config()
        self.base = derive(base, self.config.changes, self.config.path or "", "") if config else base
        self._cache: dict = {((), ()): self.base}

    def for_path(self, path: str):
        key = self.config.selection(path)
        ruleset = self._cache.get(key)
        if ruleset is None:
            ruleset = self.base
            for i in key[0]:
                override = self.config.overrides[i]
                ruleset = derive(ruleset, override.effective(ruleset), self.config.path or "", override.key)
            off = tuple(r for i in key[1] for r in self.config.ignore[i].rules if r not in BUILTIN_RULES)
            if off:
                ruleset = derive(ruleset, RuleChanges(disable=off), self.config.path or "", "ignore")
            self._cache[key] = ruleset
        return ruleset, self.config.ignored_builtin(key)

    def check(self) -> None:
        """Derive every override once so that a bad rule id or param fails the run up front."""
        for i, override in enumerate(self.config.overrides):
            derive(self.base, override.effective(self.base), self.config.path or "", override.key)
        known = {r.id for r in self.base.rules} | set(BUILTIN_RULES)
        for entry in self.config.ignore:
            for rule in entry.rules:
                if rule not in known:
                    raise ConfigError(self.config.path or "", f"{entry.key}.rules", _unknown_rule(rule, self.base))


def derive(ruleset, changes: RuleChanges, path: str, where: str):
    """A copy of a rule set with some rules' severity, enabled flag or params changed."""
    if changes.empty():
        return ruleset
    prefix = f"{where}." if where else ""
    ids = {r.id for r in ruleset.rules}
    for key, names in (("severity", [r for r, _ in changes.severity]), ("disable", changes.disable),
                       ("enable", changes.enable), ("params", [r for r, _ in changes.params])):
        for rule_id in names:
            if rule_id not in ids:
                raise ConfigError(path, f"{prefix}{key}", _unknown_rule(rule_id, ruleset))
    severity = dict(changes.severity)
    params = {rule: dict(values) for rule, values in changes.params}
    rules = []
    for rule in ruleset.rules:
        if rule.id not in severity and rule.id not in changes.disable and rule.id not in changes.enable \
                and rule.id not in params:
            rules.append(rule)
            continue
        updates: dict[str, Any] = {}
        if rule.id in severity:
            updates["severity"] = severity[rule.id]
        if rule.id in changes.enable:
            updates["enabled"] = True
        if rule.id in changes.disable:
            updates["enabled"] = False
        if rule.id in params:
            updates["params"], updates["compiled"] = _new_params(rule, params[rule.id], ruleset, path,
                                                                 f"{prefix}params.{rule.id}")
        rules.append(replace(rule, **updates))
    return replace(ruleset, rules=rules)


def _new_params(rule, values: dict, ruleset, path: str, key: str) -> tuple[dict, Any]:
    from .kinds import KINDS
    from .ruleset import RuleSetError, _expand

    kind = KINDS[rule.kind]
    defaults = getattr(kind, "DEFAULTS", {})
    merged = copy.deepcopy(rule.params)
    for name, value in values.items():
        if name not in defaults:
            known = ", ".join(sorted(defaults)) or "none"
            raise ConfigError(path, f"{key}.{name}", f"unknown param of kind '{rule.kind}' (it takes: {known})")
        try:
            merged[name] = _expand(copy.deepcopy(value), ruleset.lexicons, path, rule.id, name)
        except RuleSetError as exc:
            raise ConfigError(path, f"{key}.{name}", exc.problem) from None
    prepare = getattr(kind, "prepare", None)
    compiled = rule.compiled
    if prepare is not None:
        try:
            compiled = prepare(merged)
        except ValueError as exc:
            raise ConfigError(path, key, str(exc)) from None
    return merged, compiled


def _unknown_rule(rule_id: str, ruleset) -> str:
    return f"unknown rule '{rule_id}' (rule set '{ruleset.name}' has: {', '.join(r.id for r in ruleset.rules)})"


# -- finding and reading the file ----------------------------------------------------------------

def discover(start: str | os.PathLike | None = None) -> Path | None:
    """The nearest ``.fzcheck.yaml`` (or ``pyproject.toml`` with ``[tool.fzcheck]``) upward."""
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*fzcheck\s*[\].]", text, re.M) is not None


def load(path: str | os.PathLike | None) -> Config:
    """Read and check a config file (``None``: the defaults)."""
    if path is None:
        return Config(root=os.getcwd(), sources={})
    path = Path(path)
    data = _read_toml(path) if path.name == PYPROJECT or path.suffix == ".toml" else _read_yaml(path)
    return parse(data, str(path), str(path.resolve().parent))


def _read_yaml(path: Path) -> Any:
    import yaml

    from .limits import YAMLProblem, load_yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), None, f"cannot read config file: {exc}") from None
    try:
        data = load_yaml(text, yaml.SafeLoader)  # the same guards and messages as rule files
    except YAMLProblem as exc:
        raise ConfigError(str(path), None, str(exc)) from None
    return {} if data is None else data


def _read_toml(path: Path) -> Any:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ImportError:
            raise ConfigError(str(path), None, "reading [tool.fzcheck] needs Python 3.11 or the 'tomli' package; "
                                               "use .fzcheck.yaml instead") from None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), None, f"cannot read config file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), None, f"invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("fzcheck", {}) if isinstance(data.get("tool"), dict) else {}
    return table


def parse(data: Any, path: str, root: str) -> Config:
    """Turn the file's mapping into a :class:`Config`, strictly (unknown keys name themselves)."""
    where = "[tool.fzcheck]" if path.endswith(".toml") else None
    if not isinstance(data, dict):
        raise ConfigError(path, where, "the configuration must be a mapping of keys to values")
    data = _keys(data, TOP_KEYS, path, where or "")
    config = Config(path=path, root=root)
    sources = {}
    if "rules" in data:
        config.rules = _string(data["rules"], path, "rules")
        spec = Path(config.rules)
        if config.rules.endswith((".yaml", ".yml")) and not spec.is_absolute():
            config.rules = str(Path(root) / spec)  # a rule file beside the config, not beside the cwd
    if "fail_on" in data:
        config.fail_on = _choice(data["fail_on"], FAIL_ON, path, "fail_on")
    if "format" in data:
        from .formats import names

        config.format = _choice(data["format"], tuple(names()), path, "format")
    if "jobs" in data:
        jobs = data["jobs"]
        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
            raise ConfigError(path, "jobs", "must be a whole number of at least 1")
        config.jobs = jobs
    config.include = _globs(data.get("include", []), path, "include")
    config.exclude = _globs(data.get("exclude", []), path, "exclude")
    config.changes = _changes(data, path, "")
    config.ignore = tuple(_ignore(item, path, f"ignore[{i}]") for i, item in enumerate(_list(data.get("ignore", []), path, "ignore")))
    config.overrides = tuple(_override(item, path, f"overrides[{i}]")
                             for i, item in enumerate(_list(data.get("overrides", []), path, "overrides")))
    config.pairing = tuple(_pairing(item, path, f"pairing[{i}]")
                           for i, item in enumerate(_list(data.get("pairing", []), path, "pairing")))
    if "baseline" in data:
        config.baseline = str(Path(root) / _string(data["baseline"], path, "baseline"))
    if "cache" in data:  # relative to the config's directory, like baseline
        config.cache = str(Path(root) / _string(data["cache"], path, "cache"))
    for key in data:
        sources[key] = path
    config.sources = sources
    return config


def _keys(data: dict, known: tuple[str, ...], path: str, where: str) -> dict:
    out = {}
    for key, value in data.items():
        name = str(key).replace("-", "_")
        if name not in known:
            place = f"{where}.{key}" if where else str(key)
            raise ConfigError(path, place, f"unknown key (known keys: {', '.join(known)})")
        out[name] = value
    return out


def _string(value: Any, path: str, key: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(path, key, "must be a non-empty string")
    return value


def _choice(value: Any, choices: tuple[str, ...], path: str, key: str) -> str:
    if value not in choices:
        raise ConfigError(path, key, f"must be one of {', '.join(choices)} (got {value!r})")
    return value


def _list(value: Any, path: str, key: str) -> list:
    if not isinstance(value, list):
        raise ConfigError(path, key, "must be a list")
    return value


def _strings(value: Any, path: str, key: str, what: str) -> tuple[str, ...]:
    """A string or a list of non-empty strings (one string is a list of one)."""
    if isinstance(value, str):
        value = [value]
    items = _list(value, path, key)
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item:
            raise ConfigError(path, f"{key}[{i}]", f"must be {what}")
    return tuple(items)


def _globs(value: Any, path: str, key: str) -> tuple[str, ...]:
    return _strings(value, path, key, "a glob string such as '2024/*.docx'")


def _ids(value: Any, path: str, key: str) -> tuple[str, ...]:
    return _strings(value, path, key, "a rule id")


def _changes(data: dict, path: str, prefix: str) -> RuleChanges:
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(path, f"{prefix}severity", "must map rule ids to error, warning or info")
    for rule, level in severity.items():
        if level not in SEVERITIES:
            raise ConfigError(path, f"{prefix}severity.{rule}", f"must be one of {', '.join(SEVERITIES)} (got {level!r})")
    params = data.get("params", {})
    if not isinstance(params, dict):
        raise ConfigError(path, f"{prefix}params", "must map rule ids to {param: value}")
    frozen_params = []
    for rule, values in params.items():
        if not isinstance(values, dict):
            raise ConfigError(path, f"{prefix}params.{rule}", "must be a mapping of param names to values")
        frozen_params.append((str(rule), tuple((str(k), v) for k, v in values.items())))
    return RuleChanges(severity=tuple((str(k), v) for k, v in severity.items()),
                       disable=_ids(data.get("disable", []), path, f"{prefix}disable"),
                       enable=_ids(data.get("enable", []), path, f"{prefix}enable"),
                       params=tuple(frozen_params))


def _with_files(item: Any, allowed: tuple[str, ...], path: str, key: str, shape: str, noun: str) -> dict:
    """A list entry that applies to some files: a mapping of known keys with a ``files`` glob."""
    if not isinstance(item, dict):
        raise ConfigError(path, key, f"must be a mapping with {shape}")
    item = _keys(item, allowed, path, key)
    if "files" not in item:
        raise ConfigError(path, f"{key}.files", f"missing: give the glob(s) this {noun} applies to")
    return item


def _override(item: Any, path: str, key: str) -> Override:
    item = _with_files(item, OVERRIDE_KEYS, path, key, "'files' and the settings to change", "override")
    files = _globs(item["files"], path, f"{key}.files")
    changes = _changes(item, path, f"{key}.")
    deadline = None
    if "deadline" in item:
        deadline = item["deadline"]
        if not isinstance(deadline, str) or not re.fullmatch(r"\d{2}-\d{2}", deadline):
            raise ConfigError(path, f"{key}.deadline", "must be a month-day string such as \"03-01\"")
    return Override(files=files, changes=changes, key=key, deadline=deadline)


def _pairing(item: Any, path: str, key: str) -> Pairing:
    item = _with_files(item, PAIRING_KEYS, path, key, "'files' and 'issuer' and/or 'year'", "entry")
    if "issuer" not in item and "year" not in item:
        raise ConfigError(path, key, "give 'issuer', 'year' or both")
    issuer = _string(item["issuer"], path, f"{key}.issuer") if "issuer" in item else None
    year = item.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= 2100):
        raise ConfigError(path, f"{key}.year", "must be a four-digit year such as 2024")
    return Pairing(files=_globs(item["files"], path, f"{key}.files"), issuer=issuer, year=year, key=key)


def _ignore(item: Any, path: str, key: str) -> Ignore:
    if not isinstance(item, dict):
        raise ConfigError(path, key, "must be a mapping with 'path' and 'rules'")
    item = _keys(item, IGNORE_KEYS, path, key)
    for name in IGNORE_KEYS:
        if name not in item:
            raise ConfigError(path, f"{key}.{name}", "missing")
    return Ignore(paths=_globs(item["path"], path, f"{key}.path"), rules=_ids(item["rules"], path, f"{key}.rules"),
                  key=key)


def with_flags(config: Config, args) -> Config:
    """Command-line flags on top of the file; records where each setting came from."""
    sources = dict(config.sources)
    updates: dict[str, Any] = {}
    for name in ("rules", "fail_on", "format", "jobs", "baseline", "cache"):
        value = getattr(args, name, None)
        if value is not None:
            updates[name] = value
            sources[name] = "command line"
    if getattr(args, "no_cache", False):
        updates["cache"] = None
        sources["cache"] = "command line"
    for name in ("rules", "fail_on", "format", "jobs", "include", "exclude", "baseline", "cache"):
        sources.setdefault(name, "default")
    exclude = tuple(getattr(args, "exclude", None) or ())
    if exclude:
        updates["exclude"] = config.exclude + exclude
        sources["exclude"] = (config.path + " + command line") if config.exclude else "command line"
    return replace(config, sources=sources, **updates)


# -- globs -----------------------------------------------------------------------------------------

_GLOB_CACHE: dict[str, re.Pattern] = {}


def relative_to(path: str, root: str) -> str:
    if path == "-":
        return "-"
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # another drive (Windows)
        return Path(absolute).as_posix()
    return Path(rel).as_posix()


def glob_regex(pattern: str) -> re.Pattern:
    """gitignore-like: ``*`` and ``?`` stay inside one folder, ``**`` crosses folders; a pattern
    without ``/`` matches a file or folder name at any depth; a pattern also matches everything
    below a folder it matches."""
    cached = _GLOB_CACHE.get(pattern)
    if cached is not None:
        return cached
    pat = pattern.strip()
    if pat.startswith("./"):
        pat = pat[2:]
    anchored = "/" in pat.rstrip("/")
    pat = pat.strip("/")
    out, i = [], 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            end = pat.find("]", i + 1)
            if end == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = pat[i + 1:end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    body = "".join(out)
    regex = re.compile((r"^" if anchored else r"^(?:.*/)?") + body + r"(?:/.*)?$")
    _GLOB_CACHE[pattern] = regex
    return regex


def matches_any(rel: str, patterns: tuple[str, ...] | list[str]) -> bool:
    return any(glob_regex(p).match(rel) for p in patterns)
