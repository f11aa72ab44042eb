"""Checking a content file against its classes, with pydantic.

The content classes (:mod:`tabletop.content.models`, with the vocabulary) are
plain frozen value classes whose annotations carry the rules as markers. Here
each class gets a pydantic model with the same fields, types, limits and
checks, built once on first use; a file's data is validated against it, and
every error is put in the designer's words, at the line and key it is about.
Only this module imports pydantic, and only a file that was not validated
before needs it.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterable
from typing import Annotated, Any, ClassVar, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    create_model,
    model_validator,
)

from .errors import ContentError, KeyPath, dedupe, did_you_mean, not_latin, shown_key, shown_value, type_name, wrong_kind
from .fields import Check, ContentModel, KeyProblem, Limits, OneOf, content_fields, hints, is_content, primary_key
from .source import SourceFile
from ..lang import Domain
from .vocabulary import CONDITION_KEYS, EFFECT_KEYS, TAG_PREFIX

_, ngettext, N_ = Domain("content").words()


class _Model(BaseModel):
    """Base of the generated models: unknown keys are errors, no coercion ("8" is not 8)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
    content_class: ClassVar[type[ContentModel]]


_MODELS: dict[type[ContentModel], type[_Model]] = {}
_UNIONS: dict[int, Any] = {}
#: our union tags (``~effect:progress``) mapped to the model of each branch, for error locations
_TAGGED: dict[str, type[BaseModel]] = {}


def model_for(cls: type[ContentModel]) -> type[_Model]:
    """The pydantic model that validates a table into a ``cls``."""
    model = _MODELS.get(cls)
    if model is not None:
        return model
    definitions: dict[str, Any] = {}
    for f in content_fields(cls):
        annotation, rules, checks = _field_parts(hints(cls)[f.name])
        if f.factory is not None:
            info = Field(default_factory=f.factory, **rules)
        elif not f.required:
            info = Field(f.default, **rules)
        else:
            info = Field(**rules)
        pydantic_type = _pydantic_type(annotation)
        if checks:
            pydantic_type = Annotated[pydantic_type, *checks]
        definitions[f.name] = (pydantic_type, info)
    validators: dict[str, Any] = {}
    if cls.check is not ContentModel.check:
        check = cls.check

        def run_check(self: Any) -> Any:
            check(self)  # the class's own rule, reading the validated values by name
            return self

        validators["check"] = model_validator(mode="after")(run_check)
    model = create_model(  # type: ignore[call-overload]
        cls.__name__,
        __base__=_Model,
        __doc__=cls.__doc__,
        __module__=cls.__module__,
        __validators__=validators,
        **definitions,
    )
    model.content_class = cls
    key = getattr(cls, "key", None)
    if key is not None:
        type.__setattr__(model, "key", key)  # the union tag reads it off a validated value
    _MODELS[cls] = model
    return model


def _field_parts(tp: Any) -> tuple[Any, dict[str, Any], list[Any]]:
    """A field's type, its limits (for pydantic's Field) and its checks, from the top-level markers."""
    rules: dict[str, Any] = {}
    checks: list[Any] = []
    if get_origin(tp) is Annotated:
        inner, *meta = get_args(tp)
        rest = []
        for m in meta:
            if isinstance(m, Limits):
                rules.update(m.rules)
            elif isinstance(m, Check):
                checks.append(AfterValidator(m.fn))
            else:
                rest.append(m)
        tp = Annotated[inner, *rest] if rest else inner
    return tp, rules, checks


def _pydantic_type(tp: Any) -> Any:
    origin = get_origin(tp)
    if origin is Annotated:
        inner, *meta = get_args(tp)
        for m in meta:
            if isinstance(m, OneOf):
                return _union(m)
        converted = []
        for m in meta:
            if isinstance(m, Limits):
                converted.append(Field(**m.rules))
            elif isinstance(m, Check):
                converted.append(AfterValidator(m.fn))
            else:
                converted.append(m)
        return Annotated[_pydantic_type(inner), *converted]
    if is_content(tp):
        return model_for(tp)
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple[_pydantic_type(args[0]), ...]  # type: ignore[misc]
        return tuple[tuple(_pydantic_type(a) for a in args)]  # type: ignore[misc]
    if origin is list:
        return list[_pydantic_type(get_args(tp)[0])]  # type: ignore[misc]
    if origin is dict:
        k, v = get_args(tp)
        return dict[_pydantic_type(k), _pydantic_type(v)]  # type: ignore[misc]
    if origin in (typing.Union, types.UnionType):
        return Union[tuple(_pydantic_type(a) for a in get_args(tp))]  # noqa: UP007
    return tp


def _union(one: OneOf) -> Any:
    """A discriminated union keyed by the primary key present in the table."""
    found = _UNIONS.get(id(one))
    if found is not None:
        return found
    keys = one.keys

    def tag(value: Any) -> str | None:
        key = primary_key(value, keys)
        return None if key is None else f"{TAG_PREFIX}{one.family}:{key}"

    members = []
    for cls in one.classes:
        label = f"{TAG_PREFIX}{one.family}:{cls.key}"  # type: ignore[attr-defined]
        model = model_for(cls)
        _TAGGED[label] = model
        members.append(Annotated[model, Tag(label)])
    union = Annotated[Union[tuple(members)], Discriminator(tag)]  # noqa: UP007
    _UNIONS[id(one)] = union
    return union


def _content(value: Any) -> Any:
    """A validated value as content objects (pydantic's models turned into the content classes)."""
    if isinstance(value, _Model):
        cls = value.content_class
        return cls(**{name: _content(getattr(value, name)) for name in hints(cls)})
    if isinstance(value, tuple):
        return tuple(_content(v) for v in value)
    if isinstance(value, list):
        return [_content(v) for v in value]
    if isinstance(value, dict):
        return {k: _content(v) for k, v in value.items()}
    return value


def json_schema(cls: type[ContentModel], **kwargs: Any) -> dict[str, Any]:
    """The JSON Schema of a file whose top level is a ``cls`` (for editors)."""
    return model_for(cls).model_json_schema(**kwargs)


# --------------------------------------------------------------------------
# pydantic errors in our words



def _unwrap(tp: Any) -> Any:
    while True:
        origin = get_origin(tp)
        if origin is typing.Annotated:
            tp = get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _model_at(root: type[BaseModel], loc: Iterable[Any]) -> type[BaseModel] | None:
    """The model class whose field holds the value at ``loc``."""
    tp: Any = root
    for part in loc:
        if isinstance(part, str) and part in _TAGGED:
            tp = _TAGGED[part]
            continue
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if part not in tp.model_fields:
                return None
            tp = tp.model_fields[part].annotation
        elif get_origin(tp) in (tuple, list):
            tp = get_args(tp)[0]
        elif get_origin(tp) is dict:
            tp = get_args(tp)[1]
        else:
            return None
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _value_at(data: Any, path: KeyPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[KeyPath, int | None]:
    """The key path of an error's location in the file's data, and where in ``loc`` a union label is.

    pydantic puts our tags, and the label of each branch of a union (e.g.
    ``literal['open',...]`` for ``status = "open" or a list``), into ``loc``;
    neither is a key the designer wrote.
    """
    path: list[str | int] = []
    node: Any = data
    label: int | None = None
    for i, part in enumerate(loc):
        if isinstance(part, str) and part in _TAGGED:
            continue
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
        elif isinstance(part, str) and ("[" in part or i < len(loc) - 1 or part in _SCALARS):
            label = i if label is None else label  # a union branch label
            continue
        else:
            node = None  # a key that is missing
        path.append(part)
    return tuple(path), label


#: a union's branch of one plain kind, as pydantic labels it last in an error's ``loc`` (``bots.str``)
_SCALARS = ("str", "int", "float", "bool")


def _one_branch(data: Any, errors: list[Any]) -> list[Any]:
    """Each branch of a union fails on its own; keep the branch that got furthest (the first on a tie).

    A value none of whose kinds it is (every branch refused it whole, as a wrong kind) is one error at its own key,
    naming each kind (found from outside: ``bots = ["hardliner"]`` was told at ``sweep.bots.str`` and at
    ``sweep.bots``, a point's ``[6]`` four times, at keys ending ``.bool``, ``.int``, ``.float`` and ``.str``)."""
    unions: dict[tuple[Any, ...], dict[Any, list[int]]] = {}
    for i, err in enumerate(errors):
        loc = tuple(err["loc"])
        _path, cut = _data_path(data, loc)
        if cut is not None:
            unions.setdefault(loc[:cut], {}).setdefault(loc[cut], []).append(i)
    dropped: set[int] = set()
    merged: dict[int, Any] = {}
    for at, branches in unions.items():
        every = [i for idx in branches.values() for i in idx]
        if len(branches) > 1 and all(len(errors[i]["loc"]) == len(at) + 1 and errors[i]["type"] in _EXPECTED
                                     for i in every):
            kinds = list(dict.fromkeys(_EXPECTED[errors[i]["type"]] for i in every))
            if _EXPECTED["float_type"] in kinds:  # "a number" says "a whole number" too
                kinds = [k for k in kinds if k != _EXPECTED["int_type"]]
            merged[every[0]] = {**errors[every[0]], "loc": at, "type": "kinds", "ctx": {"kinds": kinds}}
            dropped.update(every[1:])
            continue
        best = max(branches.values(), key=lambda idx: max(len(errors[i]["loc"]) for i in idx))
        for idx in branches.values():
            if idx is not best:
                dropped.update(idx)
    return [merged.get(i, err) for i, err in enumerate(errors) if i not in dropped]


_KEY_WORD = re.compile(r"(?<![\w.])[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*")


def _named_key(data: Any, path: KeyPath, message: str) -> KeyPath:
    """A check on a whole table names the key it is about first: point at that key's line.

    ``agreement_at (5) is past the top of the ladder`` on ``tracks[0]`` is
    reported at ``tracks[0].agreement_at``, the line the designer must change.
    """
    table = _value_at(data, path)
    if not isinstance(table, dict):
        return path
    for word in _KEY_WORD.findall(message):
        keys = tuple(word.split("."))
        if _value_at(table, keys) is not None:
            return (*path, *keys)
    return path


def _family(path: KeyPath) -> tuple[str, tuple[str, ...]]:
    field_name = next((p for p in reversed(path) if isinstance(p, str)), "")
    if field_name in ("effects", "fail_effects", "link_effects"):
        return "effect", EFFECT_KEYS
    if field_name == "modifiers":
        return "modifier", CONDITION_KEYS
    return "condition", CONDITION_KEYS


_EXPECTED = {
    "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "int_from_float": N_("a whole number"),
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "string_type": N_("a string"),
    "dict_type": N_("a table"),
    "model_type": N_("a table"),
    "model_attributes_type": N_("a table"),
    "tuple_type": N_("an array"),
    "list_type": N_("an array"),
    "float_type": N_("a number"),
    "float_parsing": N_("a number"),
}
#: by family (effect, modifier, condition): an empty table, and a table whose key is none of the family's
_EMPTY = {
    "effect": N_("an empty table is not an effect (expected one of {keys})"),
    "modifier": N_("an empty table is not a modifier (expected one of {keys})"),
    "condition": N_("an empty table is not a condition (expected one of {keys})"),
}
_UNKNOWN = {
    "effect": N_("unknown effect '{name}'{hint} (expected one of {keys})"),
    "modifier": N_("unknown modifier '{name}'{hint} (expected one of {keys})"),
    "condition": N_("unknown condition '{name}'{hint} (expected one of {keys})"),
}


def _union_message(path: KeyPath, value: Any) -> str:
    """What is wrong with a table that should be an effect, a modifier or a condition."""
    family, keys = _family(path)
    if not isinstance(value, dict):
        return _("expected an inline table such as {{ {key} = ... }}, got {got}").format(key=keys[0], got=type_name(value))
    if not value:
        return _(_EMPTY[family]).format(keys=", ".join(keys))
    unknown = [k for k in value if k not in keys and k not in ("add", "at_least", "at_most", "track")]
    name = unknown[0] if unknown else ", ".join(value)
    return _(_UNKNOWN[family]).format(name=name, hint=did_you_mean(name, keys), keys=", ".join(keys))


def _length_message(kind: str, ctx: dict[str, Any]) -> str:
    """Too short or too long: a string's characters, a list's entries."""
    if kind in ("too_short", "string_too_short"):
        n = ctx.get("min_length", 1)
        if kind.startswith("string"):
            return ngettext("needs at least {n} character", "needs at least {n} characters", n).format(n=n)
        return ngettext("needs at least {n} entry", "needs at least {n} entries", n).format(n=n)
    n = ctx.get("max_length")
    if kind.startswith("string"):
        return ngettext("at most {n} character allowed", "at most {n} characters allowed", n).format(n=n)
    return ngettext("at most {n} entry allowed", "at most {n} entries allowed", n).format(n=n)


def _translate(root: type[BaseModel], data: dict[str, Any], error: Any) -> tuple[KeyPath, str]:
    loc = tuple(error["loc"])
    path, _label = _data_path(data, loc)
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        model = _model_at(root, loc[:-1])
        allowed = sorted(model.model_fields) if model else []
        hint = did_you_mean(str(path[-1]), allowed)
        if allowed:
            return path, _("unknown key '{key}'{hint}; expected one of {expected}").format(
                key=shown_key(path[-1]), hint=hint, expected=", ".join(allowed))
        return path, _("unknown key '{key}'{hint}").format(key=shown_key(path[-1]), hint=hint)
    if kind == "missing":
        return path, _("required key is missing")
    if kind in ("union_tag_not_found", "union_tag_invalid"):
        return path, _union_message(path, value)
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = re.findall(r"'([^']*)'", expected)
        if len(options) > 1:  # pydantic joins them with an English "or": in the designer's language instead
            quoted = [f"'{option}'" for option in options]
            expected = _("{items} or {last}").format(items=", ".join(quoted[:-1]), last=quoted[-1])
        return path, _("got {value}{hint}; expected one of {expected}").format(
            value=shown_value(value), hint=did_you_mean(str(value), options), expected=expected)
    if kind == "kinds":  # a value of none of the kinds a key takes (:func:`_one_branch`)
        kinds = [_(k) for k in ctx["kinds"]]
        return path, wrong_kind(_("{items} or {last}").format(items=", ".join(kinds[:-1]), last=kinds[-1]), value)
    if kind in _EXPECTED:
        return path, wrong_kind(_(_EXPECTED[kind]), value)
    if kind == "string_pattern_mismatch":
        if path and path[-1] == "color":  # the one pattern that is not an id's
            return path, _("{value} is not a colour: write it as #rrggbb, e.g. \"#1f77b4\"").format(value=shown_value(value))
        return path, _("{value} is not a valid id: use lowercase letters, digits, '-' and '_'").format(
            value=shown_value(value)) + (not_latin(value) if isinstance(value, str) else "")
    if kind in ("too_short", "string_too_short", "too_long", "string_too_long"):
        return path, _length_message(kind, ctx)
    if kind == "greater_than_equal":
        return path, _("must be at least {n}, got {value}").format(n=ctx.get("ge"), value=shown_value(value))
    if kind == "less_than_equal":
        return path, _("must be at most {n}, got {value}").format(n=ctx.get("le"), value=shown_value(value))
    if kind == "value_error":
        refusal = ctx.get("error")
        message = str(refusal if refusal is not None else error["msg"])
        if isinstance(refusal, KeyProblem) and isinstance(table := _value_at(data, path), dict) and refusal.key in table:
            return (*path, refusal.key), message
        return _named_key(data, path, message), message
    return path, error["msg"]


def validate(source: SourceFile, cls: type[ContentModel]) -> Any:
    """``source``'s data as a ``cls``, or ContentError naming each problem's line and key."""
    model = model_for(cls)
    try:
        checked = model.model_validate(source.data)
    except ValidationError as exc:
        problems = []
        first_unknown = False
        errors = _one_branch(source.data, exc.errors(include_url=False))
        locs = [tuple(e["loc"]) for e in errors]
        for err in errors:
            loc = tuple(err["loc"])
            # pydantic also reports a list as too short when its items failed
            if err["type"] == "too_short" and any(o[: len(loc)] == loc and o != loc for o in locs):
                continue
            path, message = _translate(model, source.data, err)
            if not problems:  # the problem a reader is shown first (a save's embedded scenario: the only one)
                first_unknown = err["type"] == "extra_forbidden"
            problems.append(source.problem(path, message))
        raise ContentError(dedupe(problems), unknown_key=first_unknown) from None
    return _content(checked)
