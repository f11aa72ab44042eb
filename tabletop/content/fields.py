"""What content classes are made of, without pydantic.

Every ruleset and deck class is a frozen value class declared with
:class:`ContentModel`. Its annotations carry the file format's rules as plain
markers (:class:`Limits`, :class:`Check`, :class:`OneOf`) and its ``check``
method the rules that span several keys. :mod:`tabletop.content.validation`
turns the same classes into pydantic models when a file has to be validated;
the engine, the screens and a start from an already validated scenario never
import pydantic (it cost a third of the TUI's cold start).

:func:`build` makes content objects from data that was validated before (a
dump made by :func:`dump`, as the validated cache holds); it checks nothing.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, ClassVar, NamedTuple, dataclass_transform, get_args, get_origin

MISSING: Any = object()


class Factory:
    """A default made anew for each object: ``resources: dict[str, int] = Factory(dict)``."""

    def __init__(self, make: Callable[[], Any]):
        self.make = make


class Field(NamedTuple):
    name: str
    default: Any  # MISSING when the key is required
    factory: Callable[[], Any] | None = None
    annotation: Any = None  # as the class declares it (a string under ``from __future__ import annotations``)

    @property
    def required(self) -> bool:
        return self.default is MISSING and self.factory is None

    def default_value(self) -> Any:
        return self.factory() if self.factory is not None else self.default


@dataclass_transform(frozen_default=True, kw_only_default=True)
class ContentModel:
    """Base of every content class: frozen, built from keywords, compared by value.

    The fields are the annotated names of the class and its bases (``ClassVar``
    ones excepted), a class attribute giving the default. Unknown keys, wrong
    types and broken rules are the validator's business
    (:mod:`tabletop.content.validation`); these classes only hold the result.
    It is a small dataclass of its own: ``dataclasses.dataclass`` generates
    code for each of the content classes on every start (benchmarks/README.md).
    """

    def __init__(self, **values: Any) -> None:
        put = object.__setattr__
        for f in content_fields(type(self)):
            if f.name in values:
                put(self, f.name, values.pop(f.name))
            elif f.required:
                # untranslated: a programming error
                raise TypeError(f"{type(self).__name__}() needs the keyword argument '{f.name}'")
            else:
                put(self, f.name, f.default_value())
        if values:
            # untranslated: a programming error
            raise TypeError(f"{type(self).__name__}() got unexpected keyword arguments: {', '.join(values)}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in content_fields(type(self)))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in content_fields(type(self)))
        return f"{type(self).__name__}({inner})"

    def __setattr__(self, name: str, value: Any) -> None:
        # untranslated: a programming error
        raise AttributeError(f"{type(self).__name__}.{name}: content objects are read-only")

    def __delattr__(self, name: str) -> None:
        # untranslated: a programming error
        raise AttributeError(f"{type(self).__name__}.{name}: content objects are read-only")

    def check(self) -> None:
        """Rules spanning several keys; raise ValueError to reject the table (:class:`KeyProblem`: at one key)."""


class KeyProblem(ValueError):
    """A table's check refused, about one of its keys: the problem is placed at that key's line, where the designer
    makes the change (found from outside: an argue move's ``effects`` were told at its ``[moves.argue]`` table,
    whose name comes first in the message, three lines under them)."""

    def __init__(self, message: str, key: str):
        super().__init__(message)
        self.key = key


def content_fields(cls: type) -> tuple[Field, ...]:
    """The fields of a content class, base classes' first, in the order they were declared."""
    found = cls.__dict__.get("_content_fields")
    if found is None:
        fields: dict[str, Field] = {}
        for klass in reversed(cls.__mro__):
            for name, annotation in inspect.get_annotations(klass).items():
                if _is_classvar(annotation):
                    continue
                default = klass.__dict__.get(name, MISSING)
                if isinstance(default, Factory):
                    fields[name] = Field(name, MISSING, default.make, annotation)
                else:
                    fields[name] = Field(name, default, None, annotation)
        found = tuple(fields.values())
        type.__setattr__(cls, "_content_fields", found)
    return found  # type: ignore[no-any-return]


def _is_classvar(annotation: Any) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return annotation is ClassVar or get_origin(annotation) is ClassVar


class Limits:
    """Constraints on a value, as pydantic's ``Field`` takes them (ge, le, pattern, min_length, ...)."""

    def __init__(self, **rules: Any):
        self.rules = rules

    def __repr__(self) -> str:
        return f"Limits({', '.join(f'{k}={v!r}' for k, v in self.rules.items())})"


class Check:
    """A check of one value: ``fn(value)`` returns it or raises ValueError."""

    def __init__(self, fn: Callable[[Any], Any]):
        self.fn = fn


class OneOf:
    """A table that is one of a family of classes, told apart by its primary key."""

    def __init__(self, family: str, classes: tuple[type[ContentModel], ...]):
        self.family = family
        self.classes = classes
        self.by_key: dict[str, type[ContentModel]] = {c.key: c for c in classes}  # type: ignore[attr-defined]
        self.keys: tuple[str, ...] = tuple(self.by_key)

    def pick(self, value: Any) -> type[ContentModel] | None:
        key = primary_key(value, self.keys)
        return None if key is None else self.by_key[key]


def primary_key(value: Any, keys: tuple[str, ...]) -> str | None:
    """The first registry key present in ``value`` (a dict or a content object)."""
    if isinstance(value, dict):
        for key in keys:
            if key in value:
                return key
        return None
    return getattr(value, "key", None)


# --------------------------------------------------------------------------
# Type hints, resolved once per class


_HINTS: dict[type, dict[str, Any]] = {}


def hints(cls: type) -> dict[str, Any]:
    """The field annotations of a content class, with their markers.

    The content modules keep their annotations evaluated (no ``from __future__
    import annotations``), so they are taken as declared; typing.get_type_hints
    compiles and evaluates each string annotation on every start. A class
    with string annotations still gets them resolved, the slow way.
    """
    found = _HINTS.get(cls)
    if found is None:
        fields = content_fields(cls)
        if any(isinstance(f.annotation, str) for f in fields):
            every = typing.get_type_hints(cls, include_extras=True)
            found = {f.name: every[f.name] for f in fields}
        else:
            found = {f.name: f.annotation for f in fields}
        _HINTS[cls] = found
    return found


def is_content(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, ContentModel)


# --------------------------------------------------------------------------
# From validated data to objects


def build(cls: type[ContentModel], data: dict[str, Any]) -> Any:
    """Make a ``cls`` from validated data; a key left out takes its default.

    The object's fields are set directly, as ``ContentModel.__init__`` would set them: a start
    builds every object of its scenario here (~500 for the default one)."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = tuple((f.name, _converter(tp), f.default, f.factory)
                                   for f, tp in zip(content_fields(cls), hints(cls).values(), strict=True))
    made = object.__new__(cls)
    values = made.__dict__
    for name, convert, default, factory in plan:
        if name in data:
            value = data[name]
            values[name] = value if convert is None else convert(value)
        elif factory is not None:
            values[name] = factory()
        elif default is MISSING:
            # untranslated: a programming error
            raise TypeError(f"{cls.__name__}() needs the keyword argument '{name}'")
        else:
            values[name] = default
    return made


Converter = Callable[[Any], Any]
#: per content class, each field with the function that turns its data into its value (None:
#: the data is the value), its default and its default's factory; worked out once from the
#: annotations, not for every value
_PLANS: dict[type, tuple[tuple[str, Converter | None, Any, Callable[[], Any] | None], ...]] = {}


def _converter(tp: Any) -> Converter | None:
    origin = get_origin(tp)
    if origin is Annotated:
        inner, *meta = get_args(tp)
        family = next((m for m in meta if isinstance(m, OneOf)), None)
        return partial(_one_of, family) if family is not None else _converter(inner)
    if is_content(tp):
        return partial(_content, tp)
    if origin is tuple or origin is list:
        item = _converter(get_args(tp)[0])
        if item is None:
            return origin  # type: ignore[no-any-return]
        return partial(_tuple_of, item) if origin is tuple else partial(_list_of, item)
    if origin is dict:
        return dict
    if origin in (typing.Union, types.UnionType):
        return partial(_union, tuple(_union_option(arg) for arg in get_args(tp)))
    return None


def _one_of(family: OneOf, value: Any) -> Any:
    chosen = family.pick(value)
    if chosen is None:
        raise ValueError(f"no {family.family} in {value!r}")  # untranslated: a programming error
    return build(chosen, value)


def _content(cls: type[ContentModel], value: Any) -> Any:
    return value if isinstance(value, cls) else build(cls, value)


def _tuple_of(item: Converter, value: Any) -> tuple[Any, ...]:
    return tuple(item(v) for v in value)


def _list_of(item: Converter, value: Any) -> list[Any]:
    return [item(v) for v in value]


def _union_option(arg: Any) -> tuple[bool, bool, Converter | None]:
    """(takes a table, takes a list, its converter) for one member of a union."""
    base = get_args(arg)[0] if get_origin(arg) is Annotated else arg
    return is_content(base), get_origin(base) in (list, tuple), _converter(arg)


def _union(options: tuple[tuple[bool, bool, Converter | None], ...], value: Any) -> Any:
    if value is None:
        return None
    for table, sequence, convert in options:
        if (table and isinstance(value, dict)) or (sequence and isinstance(value, (list, tuple))):
            return value if convert is None else convert(value)
    return value


# --------------------------------------------------------------------------
# From objects to plain JSON data


def dump(obj: ContentModel, exclude_defaults: bool = True) -> dict[str, Any]:
    """Plain JSON data of ``obj``, leaving out values equal to their default."""
    out: dict[str, Any] = {}
    for f in content_fields(type(obj)):
        value = getattr(obj, f.name)
        if exclude_defaults and not f.required and value == f.default_value():
            continue
        out[f.name] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, ContentModel):
        return dump(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def replace(obj: Any, **changes: Any) -> Any:
    """A copy of a content object with some values changed (not re-validated)."""
    values = {f.name: getattr(obj, f.name) for f in content_fields(type(obj))}
    return type(obj)(**{**values, **changes})


__all__ = [
    "KeyProblem",
    "Check",
    "ContentModel",
    "Factory",
    "Field",
    "content_fields",
    "Limits",
    "OneOf",
    "build",
    "dump",
    "hints",
    "primary_key",
    "replace",
]
