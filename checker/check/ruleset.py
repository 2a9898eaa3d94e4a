"""Load a YAML rule set, follow ``extends:``, check it, and hand the engine ready rules.

The bundled rule sets are trusted and not re-validated on each run (a test validates them);
a user's file is validated against ``rules/schema.json`` and every problem names the file,
the rule and the field.  Rules are data: a rule picks a kind (a module in
``checker/check/kinds/``) and gives it params; lexicons shared by several rules live under
``lexicons:`` and are referenced from params as ``"@name"``.
"""
from __future__ import annotations

import os

from checker.parse.sections import SectionDef
from checker.read.lazy_pattern import lazy
from checker.read.paths import spelled
from checker.read.record import field, record

from .finding import SEVERITIES
from .rule_twin import twin_data

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any


HERE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # the checker package (a plain path: no
# pathlib, which with the urllib.parse and ipaddress it imports was ~8 % of a one-report run)
NAME_RE = lazy(r"^[a-z0-9][a-z0-9_-]*$")
MAX_EXTENDS_DEPTH = 10


class RuleSetError(Exception):
    """A rule file that cannot be used; the CLI prints it on one line and exits 2."""

    def __init__(self, path: str, problem: str, rule: str | None = None, field: str | None = None):
        where = path
        if rule:
            where += f": rule '{rule}'"
        if field:
            where += f": field '{field}'"
        super().__init__(f"{where}: {problem}")
        self.path, self.problem, self.rule, self.field = path, problem, rule, field


@record
class Rule:
    """One rule after merging: a kind, a severity, a Chinese message and the kind's params."""

    id: str
    kind: str
    severity: str
    message: str
    summary: str = ""
    basis: str = ""
    fix: str = ""
    limits: str = ""
    scope: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)
    enabled: bool = True
    origin: str = ""
    compiled: Any = None


@record
class RuleSet:
    """Sections, order, scoring and rules of one (possibly extended) rule set."""

    name: str
    title: str
    path: str
    sections: list[SectionDef]
    order: list[str]
    scoring: dict[str, Any]
    rules: list[Rule]
    deadlines: dict[str, str] = field(default_factory=dict)
    lexicons: dict[str, list[str]] = field(default_factory=dict)
    chain: list[str] = field(default_factory=list)

    def section_def(self, key: str) -> SectionDef | None:
        for item in self.sections:
            if item.key == key:
                return item
        return None

    def section_name(self, key: str | None) -> str:
        item = self.section_def(key) if key else None
        return item.name if item else (key or "")

    def section_short(self, key: str | None) -> str:
        item = self.section_def(key) if key else None
        return item.short if item else (key or "")

    def rule(self, rule_id: str) -> Rule | None:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        return None

    def active(self) -> list[Rule]:
        return [r for r in self.rules if r.enabled]


def rules_folder() -> str:
    """Bundled rules: ``checker/rules`` in an installed wheel, ``rules/`` in a checkout."""
    for candidate in (os.path.join(HERE, "rules"), os.path.join(os.path.dirname(HERE), "rules")):
        if os.path.isfile(os.path.join(candidate, "national.yaml")):
            return candidate
    return os.path.join(os.path.dirname(HERE), "rules")


def rules_dir() -> Path:
    """:func:`rules_folder` as a ``Path``, for scripts and tests."""
    from pathlib import Path

    return Path(rules_folder())


def twinned_files() -> list[Path]:
    """The bundled rule files read from a JSON twin (``national.yaml``); the local examples under
    ``local/`` are small, and a local set is YAML only (tests/check/test_local_rules.py)."""
    return sorted(rules_dir().glob("*.yaml"))


def bundled_names() -> list[str]:
    base = rules_dir()
    names = [p.stem for p in base.glob("*.yaml")] + [p.stem for p in (base / "local").glob("*.yaml")]
    return sorted(set(names))


def resolve(spec: str, relative_to: str | None = None) -> tuple[str, bool]:
    """A rule set name (``national``) or a path → (file, bundled?)."""
    if NAME_RE.match(spec) and not spec.endswith((".yaml", ".yml")):
        base = rules_folder()
        for candidate in (os.path.join(base, f"{spec}.yaml"), os.path.join(base, "local", f"{spec}.yaml")):
            if os.path.isfile(candidate):
                return candidate, True
    path = spelled(spec)
    if not os.path.isabs(path) and relative_to is not None:
        path = spelled(os.path.join(relative_to, path))
    return path, False


def load(spec: str = "national") -> RuleSet:
    """Load, merge, check and compile a rule set by name or path."""
    path, bundled = resolve(spec)
    if not os.path.isfile(path):
        raise RuleSetError(spec, "rule set not found (give a bundled name such as 'national' or a path to a .yaml file)")
    merged, chain = _load_chain(path, bundled, [])
    from .regex_safety import trusted

    with trusted(all(_is_bundled(p) for p in chain)):
        return _build(merged, chain)


def _is_bundled(path: str) -> bool:
    """A file of the bundled rule sets (whose patterns the tests check), not a user's."""
    base = os.path.realpath(rules_folder())
    return os.path.dirname(os.path.realpath(path)) in {base, os.path.join(base, "local")}


def _read_yaml(path: str | Path, bundled: bool = False) -> Any:
    from checker.read.limits import MAX_RULE_FILE_BYTES

    path = os.fspath(path)
    try:
        if os.stat(path).st_size > MAX_RULE_FILE_BYTES:
            raise RuleSetError(path, f"rule file larger than {MAX_RULE_FILE_BYTES // 2**20} MB")
        if bundled:
            data = twin_data(path)
            if data is not None:
                return data
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise RuleSetError(path, f"cannot read rule file: {exc}") from None
    try:
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as a file read as text
    except UnicodeDecodeError as exc:
        raise RuleSetError(path, f"cannot read rule file: {exc}") from None
    from checker.read.limits import YAMLProblem, load_yaml

    try:
        return load_yaml(text)
    except YAMLProblem as exc:
        raise RuleSetError(path, str(exc)) from None


def _load_chain(path: str, bundled: bool, seen: list[str]) -> tuple[dict, list[str]]:
    key = os.path.realpath(path)
    if key in seen:
        raise RuleSetError(str(path), "extends itself (directly or through another file): " + " → ".join(seen + [key]))
    if len(seen) >= MAX_EXTENDS_DEPTH:
        raise RuleSetError(str(path), f"extends chain longer than {MAX_EXTENDS_DEPTH}")
    data = _read_yaml(path, bundled)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RuleSetError(str(path), "a rule set must be a YAML mapping")
    if not bundled:
        validate(data, str(path))
    data = _tag(data, str(path))
    parent = data.get("extends")
    if parent is None:
        return data, [str(path)]
    parent_path, parent_bundled = resolve(parent, os.path.dirname(path) or ".")
    if not os.path.isfile(parent_path):
        raise RuleSetError(str(path), f"extends '{parent}', which was not found", field="extends")
    base, chain = _load_chain(parent_path, parent_bundled, seen + [key])
    return merge(base, data), chain + [str(path)]


def _tag(data: dict, path: str) -> dict:
    """Remember which file defined each rule, so later errors can name it (in copies: the data
    read from the twin is shared)."""
    rules = data.get("rules")
    if not isinstance(rules, list):
        return data
    return {**data, "rules": [{**rule, "__origin__": path} if isinstance(rule, dict) else rule for rule in rules]}


def validate(data: Any, path: str) -> None:
    """Check a rule file against the JSON Schema; the first error names rule and field."""
    import json

    import jsonschema

    schema = json.loads((rules_dir() / "schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    error = errors[0]
    parts = list(error.absolute_path)
    rule = None
    if len(parts) >= 2 and parts[0] == "rules" and isinstance(parts[1], int):
        try:
            rule = data["rules"][parts[1]].get("id") or f"#{parts[1] + 1}"
        except (AttributeError, IndexError, KeyError, TypeError):
            rule = f"#{parts[1] + 1}"
        parts = parts[2:]
    message = error.message
    if error.validator == "additionalProperties":
        message = "unknown key: " + message.split("(")[-1].rstrip(")").replace(" was unexpected", "")
        extra = [k for k in error.instance if k not in (error.schema.get("properties") or {})]
        if parts and parts[-1] == "params" and extra:  # per-kind params: name the param itself
            parts.append(extra[0])
            known = ", ".join(sorted(error.schema.get("properties") or {})) or "none"
            message = f"unknown param (this kind takes: {known})"
    fieldname = ".".join(str(p) for p in parts) or None
    raise RuleSetError(path, message, rule=rule, field=fieldname)


def merge(base: dict, child: dict) -> dict:
    """Overlay a child rule set on its parent: sections and rules by key/id, the rest replaced."""
    import copy  # only a rule set that extends another (with weakref, ~2 % of a one-report run)

    out = copy.deepcopy(base)
    for key, value in child.items():
        if key in ("extends",):
            continue
        if key == "sections":
            out["sections"] = _merge_by(out.get("sections") or [], value or [], "key")
        elif key == "rules":
            out["rules"] = _merge_by(out.get("rules") or [], value or [], "id")
        elif key in ("scoring", "lexicons", "deadlines"):
            merged = dict(out.get(key) or {})
            merged.update(value or {})
            out[key] = merged
        elif key == "disable":
            out["disable"] = list(out.get("disable") or []) + list(value or [])
        else:
            out[key] = copy.deepcopy(value)
    return out


def _merge_by(base: list, child: list, key: str) -> list:
    import copy

    result = [copy.deepcopy(item) for item in base]
    index = {item.get(key): i for i, item in enumerate(result) if isinstance(item, dict)}
    for item in child:
        if not isinstance(item, dict):
            continue
        if item.get(key) in index:
            target = result[index[item[key]]]
            for name, value in item.items():
                if name == "params" and isinstance(value, dict):
                    params = dict(target.get("params") or {})
                    params.update(value)
                    target["params"] = params
                else:
                    target[name] = copy.deepcopy(value)
        else:
            index[item.get(key)] = len(result)
            result.append(copy.deepcopy(item))
    return result


def _build(data: dict, chain: list[str]) -> RuleSet:
    path = chain[-1]
    lexicons = {k: list(v) for k, v in (data.get("lexicons") or {}).items()}
    sections = _sections(data, path)
    disabled = set(data.get("disable") or [])
    rules = [_rule(raw, lexicons, path, disabled) for raw in data.get("rules") or []]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleSetError(rule.origin, "duplicate rule id", rule=rule.id, field="id")
        seen.add(rule.id)
    unknown = disabled - seen
    if unknown:
        raise RuleSetError(path, f"disables unknown rule(s): {', '.join(sorted(unknown))}", field="disable")
    return RuleSet(name=str(data.get("name") or os.path.splitext(os.path.basename(path))[0]), title=str(data.get("title") or ""),
                   path=path, sections=sections, order=list(data.get("order") or [s.key for s in sections]),
                   scoring=dict(data.get("scoring") or {}), rules=rules,
                   deadlines=dict(data.get("deadlines") or {}), lexicons=lexicons, chain=chain)


def _sections(data: dict, path: str) -> list[SectionDef]:
    order = list(data.get("order") or [])
    raw = [s for s in data.get("sections") or [] if isinstance(s, dict)]
    priority = list(data.get("classify_priority") or [s.get("key") for s in raw])
    defs = []
    for item in raw:
        key = item.get("key")
        if not item.get("aliases"):
            raise RuleSetError(path, "a section needs aliases to be recognised", field=f"sections.{key}.aliases")
        defs.append(SectionDef(key=key, name=str(item.get("name") or key), description=str(item.get("description") or ""),
                               aliases=tuple(item.get("aliases") or ()), required=bool(item.get("required", False)),
                               order=order.index(key) if key in order else len(order),
                               embedded_markers=tuple(item.get("embedded_markers") or ()),
                               not_with=tuple(item.get("not_with") or ()),
                               not_after_comma=tuple(item.get("not_after_comma") or ()),
                               embedded_patterns=_patterns(item, "embedded_patterns", path),
                               heading_patterns=_patterns(item, "heading_patterns", path),
                               short=str(item.get("short") or item.get("name") or key)))
    rank = {key: i for i, key in enumerate(priority)}
    defs.sort(key=lambda d: rank.get(d.key, len(rank)))
    return defs


def _patterns(item: dict, name: str, path: str) -> tuple:
    """A section's regular expressions (``embedded_patterns``, ``heading_patterns``), compiled
    with the same safety checks as a rule's."""
    from .regex_safety import compile_safe

    raw, key = item.get(name) or (), item.get("key")
    try:
        return tuple(compile_safe(p, f"sections.{key}.{name}[{i}]") for i, p in enumerate(raw))
    except ValueError as exc:
        field_name, _, problem = str(exc).partition(": ")
        raise RuleSetError(path, problem, field=field_name) from None


def _rule(raw: dict, lexicons: dict[str, list[str]], path: str, disabled: set[str]) -> Rule:
    from .kinds import KINDS

    origin = raw.get("__origin__", path)
    rule_id = raw.get("id")
    for name in ("kind", "severity", "message"):
        if not raw.get(name):
            raise RuleSetError(origin, f"missing '{name}' (a new rule needs id, kind, severity and message)",
                               rule=rule_id, field=name)
    kind = KINDS.get(raw["kind"])
    if kind is None:
        raise RuleSetError(origin, f"unknown kind '{raw['kind']}' (known: {', '.join(sorted(KINDS))})",
                           rule=rule_id, field="kind")
    if raw["severity"] not in SEVERITIES:
        raise RuleSetError(origin, f"severity must be one of {', '.join(SEVERITIES)}", rule=rule_id, field="severity")
    params = _params(raw.get("params") or {}, kind, lexicons, origin, rule_id)
    rule = Rule(id=rule_id, kind=raw["kind"], severity=raw["severity"], message=str(raw["message"]),
                summary=str(raw.get("summary") or ""), basis=str(raw.get("basis") or ""),
                fix=str(raw.get("fix") or ""), limits=str(raw.get("limits") or ""),
                scope=list(raw.get("scope") or []), params=params,
                examples={k: list(v or []) for k, v in (raw.get("examples") or {}).items()},
                enabled=bool(raw.get("enabled", True)) and rule_id not in disabled, origin=origin)
    prepare = getattr(kind, "prepare", None)
    if prepare is not None:
        try:
            rule.compiled = prepare(rule.params)
        except ValueError as exc:
            field_name, _, problem = str(exc).partition(": ")
            raise RuleSetError(origin, problem or str(exc), rule=rule_id, field=f"params.{field_name}") from None
    return rule


def _params(raw: dict, kind: Any, lexicons: dict[str, list[str]], origin: str, rule_id: str) -> dict:
    """The kind's defaults overlaid with the rule's params, lexicon references expanded; every
    list and mapping a fresh copy (a rule that changes its params never changes the kind's)."""
    defaults = getattr(kind, "DEFAULTS", {})
    for name in raw:
        if name not in defaults:
            known = ", ".join(sorted(defaults)) or "none"
            raise RuleSetError(origin, f"unknown param (this kind takes: {known})", rule=rule_id, field=f"params.{name}")
    return {name: _expand(raw[name] if name in raw else value, lexicons, origin, rule_id, name)
            for name, value in defaults.items()}


def _expand(value: Any, lexicons: dict[str, list[str]], origin: str, rule_id: str, name: str) -> Any:
    """Replace ``"@lexicon"`` references (alone or inside a list) by the lexicon's words; lists and
    mappings come back as copies."""
    if isinstance(value, str):
        if value.startswith("@"):
            if value[1:] not in lexicons:
                raise RuleSetError(origin, f"unknown lexicon '{value}'", rule=rule_id, field=f"params.{name}")
            return list(lexicons[value[1:]])
        return value
    if isinstance(value, list):
        out: list = []
        for item in value:
            if isinstance(item, str):
                if item.startswith("@"):
                    out.extend(_expand(item, lexicons, origin, rule_id, name))
                else:
                    out.append(item)
            else:
                out.append(_expand(item, lexicons, origin, rule_id, name))
        return out
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    return value


def _copied(value: Any) -> Any:
    """A deep copy of rule data (mappings, lists and scalars), without the ``copy`` module."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    return value
