"""Every line of a save read back has the shape the save's JSON Schema gives.

The schema (:func:`.schema.line_schemas`) is the one source; this module
turns the part of JSON Schema it uses into two functions per node, built once:
a quick yes/no test run on every line, and an explanation (key path, what was
expected, what was found) worked out only for a line that fails. jsonschema is
a test dependency only, and a generic validator would cost a verify of a long
save a good part of its time.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from functools import cache
from typing import Any, NamedTuple

from ..lang import Domain
from .schema import line_schemas

_, ngettext, N_ = Domain("store").words()

#: keywords that only describe; they check nothing
_ANNOTATIONS = frozenset({"description", "format", "title"})
_KNOWN = _ANNOTATIONS | {
    "type", "enum", "const", "properties", "required", "additionalProperties",
    "items", "minItems", "maxItems", "minimum", "maximum", "pattern", "dependentSchemas", "maxLength",
}

_TYPE_WORDS = {
    "string": N_("a string"),
    "integer": N_("a whole number"),
    "boolean": N_("true or false"),
    "object": N_("an object"),
    "array": N_("a list"),
    "null": "null",  # untranslated: JSON's word
}


class ShapeError(ValueError):
    """A value that is not what the save's schema says: its key path, and what was expected and found."""

    def __init__(self, path: str, message: str, unknown_key: bool = False):
        self.path = path
        self.message = message
        #: the deviation is a key the schema does not have (a newer tabletop's, perhaps)
        self.unknown_key = unknown_key
        super().__init__(f"{path}: {message}")


class _UnknownKey(str):
    """The words of a key the schema does not have: :class:`ShapeError` marks it ``unknown_key``."""


def show(value: Any, limit: int = 60) -> str:
    """A value from a file as a short piece of JSON (control characters come out escaped)."""
    try:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


#: a time as a save holds it, shown where one is wrong
TIME_EXAMPLE = "2026-01-31T09:05:00.000Z"  # untranslated: a time as written in a file

_PY_TYPES = {"string": str, "integer": int, "boolean": bool, "object": dict, "array": list, "null": type(None)}

Check = Callable[[Any], bool]
Explain = Callable[[Any, str], "tuple[str, str] | None"]  # untranslated: a type
#: what a node expects, worded when a failure is explained (in the language of that moment)
Words = Callable[[], str]


class _Node(NamedTuple):
    check: Check  # the quick test
    explain: Explain  # (key path, what is wrong) of a value that fails it
    expected: Words  # what is expected, in words
    only_types: frozenset[type] | None  # a node that is only a type: the Python types that meet it


def _compile(node: dict[str, Any]) -> _Node:
    """The quick test, the explanation of a failure and the expected words of one schema node."""
    unknown = set(node) - _KNOWN
    if unknown:
        raise ValueError(f"the save schema uses keywords this checker does not know: {sorted(unknown)}")  # untranslated: a programming error
    tests, words, only_types = _own_tests(node)

    def expected() -> str:
        return " ".join(w() for w in words) or _("any value")

    children = {key: _compile(sub) for key, sub in node.get("properties", {}).items()}
    required = tuple(node.get("required", ()))
    others = node.get("additionalProperties", True)
    closed = others is False
    # the schema of the keys not named (a header's seats: actor id -> "human" or a bot policy); found from outside:
    # it was published and never checked, and a seat of "<b>bot</b>" verified as intact
    extra = _compile(others) if isinstance(others, dict) else None
    item = _compile(node["items"]) if "items" in node else None
    depends = _dependents(node.get("dependentSchemas", {}))

    own = _all_of(tests)
    check: Check
    if children or required or closed or depends or extra is not None:
        check = _object_check(own, children, required, closed, depends, extra)
    elif item is not None:
        item_test = item.check

        def check_list(v: Any) -> bool:
            return own(v) and (type(v) is not list or all(item_test(x) for x in v))

        check = check_list
    else:
        check = own
    return _Node(check, _explainer(own, expected, children, required, closed, item, depends, extra), expected,
                 only_types)


#: a key that, where an object has it, asks another of its keys for a value: (the key, the other, the other's node)
_Depends = tuple[tuple[str, str, _Node], ...]


def _dependents(schemas: dict[str, Any]) -> _Depends:
    """``dependentSchemas`` of the one form the save schema uses: a key that asks one other key for a value
    (``{"time_up": {"properties": {"kind": {"enum": ["pass", "counter"]}}}}``: time_up only on a pass)."""
    out = []
    for key, sub in schemas.items():
        if set(sub) != {"properties"} or len(sub["properties"]) != 1:
            # untranslated: a programming error
            raise ValueError(f"the save schema's dependentSchemas of {key!r} is not one key's value: {sub}")
        (other, value), = sub["properties"].items()
        out.append((key, other, _compile(value)))
    return tuple(out)


def _own_tests(node: dict[str, Any]) -> tuple[list[Check], list[Words], frozenset[type] | None]:
    """A node's own keywords (not its keys' or items'): their tests, their words, and its only types."""
    tests: list[Check] = []
    words: list[Words] = []
    only_types: frozenset[type] | None = None
    if "type" in node:
        kinds = node["type"] if isinstance(node["type"], list) else [node["type"]]
        unknown_kinds = set(kinds) - set(_PY_TYPES)
        if unknown_kinds:
            raise ValueError(f"the save schema uses a type this checker does not know: {sorted(unknown_kinds)}")  # untranslated: a programming error
        types = frozenset(_PY_TYPES[k] for k in kinds)  # type(True) is bool, never int: true is not a number here
        tests.append(lambda v, t=types: type(v) in t)
        words.append(lambda k=tuple(kinds): _either([_(_TYPE_WORDS[x]) for x in k]))
        if set(node) - _ANNOTATIONS == {"type"}:
            only_types = types
    if "const" in node:
        const = node["const"]
        tests.append(lambda v, c=const: type(v) is type(c) and v == c)
        words.append(lambda c=show(const): c)
    if "enum" in node:
        options = tuple(node["enum"])
        tests.append(lambda v, o=options: type(v) is str and v in o)
        words.append(lambda o=", ".join(str(o) for o in options): _("one of {options}").format(options=o))
    if "pattern" in node:
        pattern = re.compile(node["pattern"])
        tests.append(lambda v, p=pattern: type(v) is not str or p.search(v) is not None)
        if node.get("format") == "date-time":  # a time: shown by example, not as a pattern a room cannot read
            words[:] = [lambda: _("a UTC time as tabletop writes it ({example})").format(example=TIME_EXAMPLE)]
        else:
            words.append(lambda p=node["pattern"]: _("matching {pattern}").format(pattern=p))
    if "maxLength" in node:
        longest = node["maxLength"]
        tests.append(lambda v, n=longest: type(v) is not str or len(v) <= n)
        words.append(lambda n=longest: ngettext("of at most {n} character", "of at most {n} characters", n).format(n=n))
    low, high = node.get("minimum"), node.get("maximum")
    if low is not None or high is not None:
        tests.append(lambda v, lo=low, hi=high: type(v) is not int or ((lo is None or v >= lo) and (hi is None or v <= hi)))
        if low is not None and high is not None:
            words.append(lambda lo=low, hi=high: _("from {low} to {high}").format(low=lo, high=hi))
        else:
            words.append(lambda t=f"\u2265 {low}" if low is not None else f"\u2264 {high}": t)
    fewest, most = node.get("minItems"), node.get("maxItems")
    if fewest is not None or most is not None:
        tests.append(lambda v, lo=fewest, hi=most: type(v) is not list or ((lo is None or len(v) >= lo) and (hi is None or len(v) <= hi)))
        words.append(lambda lo=fewest, hi=most: _items(lo, hi))
    return tests, words, only_types


def _either(words: list[str]) -> str:
    """``a string or null``."""
    out = words[0]
    for word in words[1:]:
        out = _("{first} or {second}").format(first=out, second=word)
    return out


def _items(fewest: int | None, most: int | None) -> str:
    """``with 2 items``, ``with 1 to 3 items``, ``with 0 to any number of items``."""
    if fewest == most and fewest is not None:
        return ngettext("with {n} item", "with {n} items", fewest).format(n=fewest)
    if most is None:
        return _("with {low} to any number of items").format(low=fewest or 0)
    return _("with {low} to {high} items").format(low=fewest or 0, high=most)


def _all_of(tests: list[Check]) -> Check:
    """One test that passes when every one of ``tests`` does (no call at all for none, none wrapped for one)."""
    own: Check
    if not tests:
        def own(v: Any) -> bool:
            return True
    elif len(tests) == 1:
        own = tests[0]
    elif len(tests) == 2:  # the usual case (a type and one more keyword): no generator for every value
        first, second = tests

        def own(v: Any) -> bool:
            return first(v) and second(v)
    else:
        def own(v: Any) -> bool:
            return all(t(v) for t in tests)
    return own


def _object_check(own: Check, children: dict[str, _Node], required: tuple[str, ...], closed: bool,
                  depends: _Depends = (), extra: _Node | None = None) -> Check:
    """The quick test of an object node: its own keywords, then its keys, then what a key asks of another."""
    # a key whose schema is only a type is checked inline (a set lookup, no call)
    plain = {k: c.only_types for k, c in children.items() if c.only_types is not None}
    deep = {k: c.check for k, c in children.items() if c.only_types is None}
    needed = frozenset(required)
    allowed = frozenset(children)
    other = extra.check if extra is not None else None

    def check_object(v: Any) -> bool:
        if not own(v):
            return False
        if type(v) is not dict:
            return True  # a null where an object may be null
        keys = v.keys()
        if not needed <= keys or (closed and not keys <= allowed):
            return False
        for key, value in v.items():
            types = plain.get(key)
            if types is not None:
                if type(value) not in types:
                    return False
            else:
                test = deep.get(key)
                if test is None and other is not None and key not in allowed:
                    test = other
                if test is not None and not test(value):
                    return False
        return True

    if not depends:
        return check_object

    def check_depends(v: Any) -> bool:
        if not check_object(v):
            return False
        if type(v) is dict:
            for key, other, node in depends:
                if key in v and other in v and not node.check(v[other]):
                    return False
        return True

    return check_depends


def _explainer(
    own: Check, expected: str, children: dict[str, _Node], required: tuple[str, ...], closed: bool,
    item: _Node | None, depends: _Depends = (), extra: _Node | None = None,
) -> Explain:
    """The explanation of a failure of one node: the key path of the first deviation, and what is wrong there."""

    def explain(v: Any, path: str) -> tuple[str, str] | None:
        if not own(v):
            return path, _("expected {expected}, found {found}").format(expected=expected(), found=show(v))
        if type(v) is dict:
            for key in required:
                if key not in v:
                    wanted = children[key].expected() if key in children else _("a value")
                    return _join(path, key), _("missing (expected {expected})").format(expected=wanted)
            for key, value in v.items():
                child = children.get(key)
                if child is None:
                    if closed:
                        return _join(path, key), _UnknownKey(_("unknown key (expected one of {keys})").format(
                            keys=", ".join(children)))
                    if extra is not None and not extra.check(value):
                        return extra.explain(value, _join(path, key))
                elif not child.check(value):
                    return child.explain(value, _join(path, key))
            for key, other, node in depends:
                if key in v and other in v and not node.check(v[other]):
                    # named at the key that is out of place (``action.time_up``), with what it asks of the other
                    return _join(path, key), _("only allowed where {key} is {expected}, not where it is {found}").format(
                        key=_join(path, other), expected=node.expected(), found=show(v[other]))
        if type(v) is list and item is not None:
            for i, x in enumerate(v):
                if not item.check(x):
                    return item.explain(x, f"{path}[{i}]")
        return None

    return explain


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


#: the bytes of the lines a shape remembers as passed (the newest; a line over 1/64 of it is not kept)
KEPT_BYTES = 128 * 1024


class Shape:
    """One kind of save line: ``check(record)`` raises :class:`ShapeError` at the first deviation."""

    def __init__(self, schema: dict[str, Any]):
        compiled = _compile(schema)
        self._ok, self._explain = compiled.check, compiled.explain
        #: lines that passed, by their exact bytes, oldest first, and their bytes in all
        self._passed: dict[bytes, None] = {}
        self._passed_bytes = 0
        self._lock = threading.Lock()

    def passes(self, record: Any) -> bool:
        """The quick test alone: whether ``record`` has the shape (``check`` says where it does not)."""
        return self._ok(record)

    def check(self, record: Any) -> None:
        if self._ok(record):
            return
        found = self._explain(record, "")
        path, message = found if found is not None else ("", _("does not have the shape of a save line"))
        raise ShapeError(path or _("the line"), message, isinstance(message, _UnknownKey))

    def check_line(self, raw: bytes, record: Any) -> None:
        """``check(record)``, ``record`` being the JSON of the line ``raw``; a line that passed lately is not checked again.

        The same bytes are the same record: a process reads a save again and again (resume after cutting a
        torn tail, verify after play, the replay's reopening), and a check was a third of reading a line.
        """
        if raw in self._passed:
            return
        self.check(record)
        if len(raw) > KEPT_BYTES // 64:
            return
        with self._lock:
            if raw not in self._passed:
                self._passed[raw] = None
                self._passed_bytes += len(raw)
            while self._passed_bytes > KEPT_BYTES:
                oldest = next(iter(self._passed))
                del self._passed[oldest]
                self._passed_bytes -= len(oldest)


@cache
def shapes() -> tuple[Shape, Shape]:
    """The shapes of a header line and of an event line, compiled once."""
    header, event = line_schemas()
    # the embedded ruleset and deck are the content validator's to check, with its own messages
    embedded = ("ruleset", "deck")
    header = {
        **header,
        "required": [k for k in header["required"] if k not in embedded],
        "properties": {k: v for k, v in header["properties"].items() if k not in embedded},
    }
    return Shape(header), Shape(event)


#: the keys of an event line that no replay recomputes: taken from the file (the times, a seal's nonce) or
#: echoed back into the line the replay rebuilds (the action as read). The rest a verify rebuilds itself.
ECHOED = ("time", "clock", "seal", "action")  # untranslated: keys of a save line


class Echoed:
    """The quick test of an event line's echoed keys alone (``ECHOED``): any other key may be anything.

    ``verify`` rebuilds every line from the replay and compares it byte for byte: a line equal to the rebuilt
    one has the game's shape wherever the game wrote it, so only these keys are checked on every line, and the
    whole shape only of a line that differs or does not replay (where its words name the first deviation).
    Each of the four keys is looked up, not each key of the line.
    """

    def __init__(self, event: dict[str, Any]):
        self._required = tuple(k for k in event["required"] if k in ECHOED)
        self._checks = tuple((k, _compile(v).check) for k, v in event["properties"].items() if k in ECHOED)

    def passes(self, record: Any) -> bool:
        if type(record) is not dict:
            return False
        for key in self._required:
            if key not in record:
                return False
        for key, check in self._checks:
            if key in record and not check(record[key]):
                return False
        return True


@cache
def echoed() -> Echoed:
    """The quick test of an event line's echoed keys (:class:`Echoed`), compiled once."""
    return Echoed(line_schemas()[1])
