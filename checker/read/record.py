"""Record classes: fields from annotations, with ``__init__``, ``__repr__``, ``__eq__`` and, for
frozen ones, immutability and ``__hash__`` — the part of the standard ``dataclasses`` this project
uses, at a fraction of its start-up cost.

Why not ``dataclasses``: importing it imports ``inspect`` (and with it ``ast``, ``dis``,
``tokenize``: ~25 ms), and it compiles each generated method from its own source text (~1.2 ms a
class).  A one-report run defines about 25 record classes, so the two cost ~55 ms of a run that
should take ~100 ms more than bare Python (docs/performance.md).  Here a class's methods are
compiled together from one source text on the first call of any of them (most classes are
not used in a given run), the compiled code is kept between runs with the compiled patterns
(checker/read/regex_cache.py), and nothing else is imported.

Semantics follow ``dataclasses`` for what is used here: defaults and ``field(default_factory=…,
repr=…, compare=…)``; ``__post_init__``; equality over the compared fields of two objects of the
same class; a frozen class refuses attribute assignment (:class:`FrozenError`, an
``AttributeError``) and hashes its compared fields, a mutable one is unhashable; ``slots=True``
gives a class with ``__slots__``; a method the class defines itself is kept.  Objects pickle and
copy like any plain object.  :func:`replace`, :func:`fields` and :func:`asdict` work as their
``dataclasses`` namesakes.
"""
from __future__ import annotations

from collections.abc import Callable

from checker.read import regex_cache

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")

FIELDS = "__record_fields__"


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FrozenError(AttributeError):
    """Assignment to a field of a frozen record."""


class Field:
    """One field: its name, its default or default factory, and whether repr and == use it."""

    __slots__ = ("name", "default", "default_factory", "repr", "compare")

    def __init__(self, default: Any = MISSING, default_factory: Any = MISSING, repr: bool = True,
                 compare: bool = True) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare

    def __repr__(self) -> str:
        return f"Field(name={self.name!r})"


def field(*, default: Any = MISSING, default_factory: Callable[[], Any] | Any = MISSING, repr: bool = True,
          compare: bool = True) -> Any:
    """A field with options (``x: list = field(default_factory=list)``)."""
    return Field(default, default_factory, repr, compare)


def record(cls: type[T] | None = None, /, *, frozen: bool = False, slots: bool = False) -> Any:
    """Make ``cls`` a record class (``@record``, ``@record(frozen=True)``)."""
    def wrap(klass: type[T]) -> type[T]:
        return _build(klass, frozen, slots)

    return wrap if cls is None else wrap(cls)


def _build(cls: type, frozen: bool, slots: bool) -> type:
    own = cls.__dict__
    found = []
    for name in own.get("__annotations__", {}):
        value = own.get(name, MISSING)
        item = value if isinstance(value, Field) else Field(default=value)
        item.name = name
        if isinstance(item.default, (list, dict, set)):
            raise ValueError(f"mutable default {type(item.default).__name__} for field {name}: use default_factory")
        found.append(item)
    _check_order(cls, found)
    if slots:
        cls = _with_slots(cls, found)
    else:
        for item in found:  # as dataclasses: a plain default stays a class attribute, a Field does not
            if isinstance(own.get(item.name), Field):
                if item.default is MISSING:
                    delattr(cls, item.name)
                else:
                    setattr(cls, item.name, item.default)
    setattr(cls, FIELDS, tuple(found))
    own_methods = {name for name in GENERATED if name in cls.__dict__ and not (name == "__hash__" and cls.__dict__[name] is None)}
    for name in GENERATED[:3] + (("__hash__",) if frozen else ()):
        if name not in own_methods:
            setattr(cls, name, _stub(cls, name, frozen, own_methods))
    if not frozen and "__hash__" not in own_methods:
        cls.__hash__ = None  # equal by value and mutable: not hashable, as dataclasses does
    if frozen:
        _freeze(cls, tuple(item.name for item in found))
    return cls


GENERATED = ("__init__", "__repr__", "__eq__", "__hash__")


def _stub(cls: type, name: str, frozen: bool, own: set[str]) -> Callable:
    """A method that compiles the class's methods on its first call, then hands over to the
    real one: a class never used in a run (most of the 30 are not, in a one-report run) costs
    no compile."""
    def method(self, *args: Any, **kwargs: Any) -> Any:
        if cls.__dict__.get(name) is method:
            for made, function in _methods(cls, getattr(cls, FIELDS), frozen).items():
                if made not in own:
                    setattr(cls, made, function)
        return cls.__dict__[name](self, *args, **kwargs)

    method.__name__ = name
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    return method


def _freeze(cls: type, names: tuple[str, ...]) -> None:
    """``__setattr__`` and ``__delattr__`` that refuse the fields (any attribute of the class
    itself; a subclass may add its own attributes)."""
    def __setattr__(self, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise FrozenError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    cls.__setattr__ = __setattr__
    cls.__delattr__ = __delattr__


def _check_order(cls: type, found: list[Field]) -> None:
    seen_default = False
    for item in found:
        has_default = item.default is not MISSING or item.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError(f"non-default argument {item.name!r} follows default argument in {cls.__name__}")
        seen_default = seen_default or has_default


def _with_slots(cls: type, found: list[Field]) -> type:
    """A copy of ``cls`` with ``__slots__`` for its fields (class attributes of the same name,
    the defaults, would clash with the slots: the defaults live in ``__init__``)."""
    names = {item.name for item in found}
    body = {k: v for k, v in cls.__dict__.items() if k not in names and k not in ("__dict__", "__weakref__")}
    body["__slots__"] = tuple(item.name for item in found)
    made = type(cls)(cls.__name__, cls.__bases__, body)
    made.__qualname__ = cls.__qualname__
    return made


def _methods(cls: type, found: list[Field], frozen: bool) -> dict[str, Any]:
    """``__init__``, ``__repr__``, ``__eq__`` (and ``__hash__`` when frozen), compiled from one
    source text."""
    env: dict[str, Any] = {"MISSING": MISSING, "object_setattr": object.__setattr__}
    params, body = [], []
    for i, item in enumerate(found):
        name = item.name
        if item.default_factory is not MISSING:
            env[f"factory_{i}"] = item.default_factory
            params.append(f"{name}=MISSING")
            value = f"factory_{i}() if {name} is MISSING else {name}"
        else:
            if item.default is not MISSING:
                env[f"default_{i}"] = item.default
                params.append(f"{name}=default_{i}")
            else:
                params.append(name)
            value = name
        body.append(f"object_setattr(self, {name!r}, {value})" if frozen else f"self.{name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    shown = ", ".join(f"{item.name}={{self.{item.name}!r}}" for item in found if item.repr)
    compared = [item.name for item in found if item.compare]
    mine = "(" + "".join(f"self.{n}, " for n in compared) + ")"
    theirs = "(" + "".join(f"other.{n}, " for n in compared) + ")"
    lines = [f"def __init__(self, {', '.join(params)}):" if params else "def __init__(self):",
             *(f"    {line}" for line in body or ["pass"]),
             "def __repr__(self):",
             f"    return f\"{{type(self).__qualname__}}({shown})\"",
             "def __eq__(self, other):",
             "    if other.__class__ is self.__class__:",
             f"        return {mine} == {theirs}",
             "    return NotImplemented"]
    names = ["__init__", "__repr__", "__eq__"]
    if frozen:
        lines += ["def __hash__(self):",
                  f"    return hash({mine})"]
        names.append("__hash__")
    source, where = "\n".join(lines), f"<record {cls.__qualname__}>"
    # The compiled code is kept between runs with the compiled patterns (~0.4 ms a class to compile).
    code = regex_cache.remembered("record", f"{where}\n{source}", 0, lambda: compile(source, where, "exec"))
    exec(code, env)  # noqa: S102 - our own text
    out = {name: env[name] for name in names}
    for function in out.values():
        function.__qualname__ = f"{cls.__qualname__}.{function.__name__}"
    return out


def is_record(value: Any) -> bool:
    """Whether ``value`` is a record object or class."""
    return hasattr(type(value) if not isinstance(value, type) else value, FIELDS)


def fields(value: Any) -> tuple[Field, ...]:
    """The fields of a record object or class, in order."""
    try:
        return getattr(value, FIELDS)
    except AttributeError:
        raise TypeError("fields() takes a record class or object") from None


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of ``obj`` with ``changes``; every other field keeps its value."""
    for item in fields(obj):
        if item.name not in changes:
            changes[item.name] = getattr(obj, item.name)
    return obj.__class__(**changes)


def asdict(obj: Any) -> dict[str, Any]:
    """The fields as a dict, nested records, lists, tuples and dicts copied as such."""
    return {item.name: _plain(getattr(obj, item.name)) for item in fields(obj)}


def _plain(value: Any) -> Any:
    if is_record(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value
