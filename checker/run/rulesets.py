"""The rule set for each file of a run, from the base rule set and the config.

Per-path settings (``overrides``, ``ignore``) are applied by deriving a rule set for each
combination of matching entries from the base rule set (cached), never by editing findings
afterwards, so scores agree with what is shown.  Only rule ids that are not in the rule set
(``input-error``, ``internal-error``) are ignored by dropping their findings.
"""
from __future__ import annotations

from checker.read.record import replace

from .config import BUILTIN_RULES, Config, RuleChanges, with_shorthands
from .config_schema import ConfigError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import Any


class RuleSets:
    """The rule set for each file: the base with the config's top-level changes, then the changes
    of every override and ignore that matches the file, derived once per combination."""

    def __init__(self, base, config: Config | None):
        self.config = config or Config()
        changes = with_shorthands(self.config.changes, base, draft=self.config.draft) if config else None
        self.base = derive(base, changes, self.config.path or "", "") if config else base
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
    import copy  # only when a config changes a rule's params (copy and weakref cost every run ~2 %)

    from checker.check.kinds import KINDS
    from checker.check.ruleset import RuleSetError, _expand

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


