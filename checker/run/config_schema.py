"""Checking a config file's shape against ``rules/config.schema.json`` (JSON Schema, checked with
jsonschema as the rule set is), with one line per problem that names the file and the key.

The schema says what each key takes; a value that does not fit gets the schema's
``x-message`` for that place, so the wording lives beside the rule it explains.
"""
from __future__ import annotations

import os
from functools import lru_cache

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import Any


class ConfigError(Exception):
    """A configuration file that cannot be used: exit 2, one line naming the file and key."""

    def __init__(self, path: str, key: str | None, problem: str):
        super().__init__(f"{path}: {key}: {problem}" if key else f"{path}: {problem}")
        self.path, self.key, self.problem = path, key, problem


@lru_cache(maxsize=1)
def _validator():
    import json

    import jsonschema

    from checker.check.ruleset import rules_folder

    with open(os.path.join(rules_folder(), "config.schema.json"), encoding="utf-8") as handle:
        schema = json.load(handle)
    return jsonschema.Draft202012Validator(schema)


def schema() -> dict:
    return _validator().schema


def validate(data: Any, path: str, where: str = "") -> None:
    """Raise :class:`ConfigError` for the first problem (in document order); ``where`` prefixes
    every key (``[tool.fzcheck]`` in a ``pyproject.toml``)."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if not errors:
        return
    key, problem = describe(errors[0])
    if where:
        key = f"{where}.{key}" if key else where
    raise ConfigError(path, key or None, problem)


def describe(error) -> tuple[str, str]:
    """The key (``overrides[0].severty``) and the problem, in the schema's own words."""
    parts = list(error.absolute_path)
    sub = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "additionalProperties":
        known = sub.get("properties") or {}
        extra = [k for k in error.instance if k not in known]
        if known and extra:
            return key_of(parts + [extra[0]]), f"unknown key (known keys: {', '.join(known)})"
    if error.validator == "required":
        missing = next((n for n in error.validator_value if n not in error.instance), "")
        hint = ": give the glob(s) this entry applies to" if missing == "files" else ""
        return key_of(parts + [missing]), "missing" + hint
    if error.validator == "anyOf" and "x-anyOf-message" in sub:
        return key_of(parts), sub["x-anyOf-message"]
    if error.validator == "enum":
        choices = ", ".join(str(c) for c in error.validator_value)
        return key_of(parts), f"must be one of {choices} (got {error.instance!r})"
    message = sub.get("x-message")
    if error.validator == "minLength" and "items" in sub:  # "" where a glob or a list may stand
        message = sub["items"].get("x-message", message)
    return key_of(parts), message or error.message


def key_of(parts: list) -> str:
    """``["overrides", 0, "severty"]`` → ``overrides[0].severty``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
