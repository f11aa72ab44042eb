"""Writing overlays for translators: a skeleton to start from, and ``base`` stamps kept current.

``scripts/overlays`` is the command; here is what it does, headless. A
stamp edits the lines of the file (its comments and layout stay as the
translator wrote them): it never writes the TOML out again.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..lang import Domain
from .drafts import write_whole
from .errors import ContentError, Problem
from .models import Deck, Ruleset
from .overlayfiles import base_path
from .overlaytexts import FIELDS, SECTIONS, SINGLE, base_hash, entries_of, grammar_of, kind_of_model
from .source import read_toml

_, ngettext, N_ = Domain("content").words()

_BASE_VALUE = re.compile(r"""(base\s*=\s*)("[^"\n]*"|'[^'\n]*')""")


def toml_string(text: str) -> str:
    """A TOML basic string of ``text`` (JSON's escapes are TOML's; DEL must be escaped too)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: Any) -> str:
    if isinstance(value, tuple | list):
        return "[\n" + "".join(f"  {toml_string(v)},\n" for v in value) + "]"
    return toml_string(value)


def skeleton(model: Ruleset | Deck, lang: str) -> str:
    """An overlay of ``model`` in ``lang`` holding the base's own texts, every entry stamped: to translate in place."""
    kind = kind_of_model(model)
    entries = entries_of(model)
    grammar = grammar_of(model)
    out = [
        # untranslated: TOML written for a translator, whose comments are part of the file format's example
        f"# {lang} texts of {kind} '{model.id}': translate each text in place; keep keys, ids and the order of lists.",
        "# base = the hash of the English it was translated from (scripts/overlays --stamp FILE updates it).",  # untranslated: as above
        "[overlay]",
        f"lang = {toml_string(lang)}",  # untranslated: TOML
        f"{kind} = {toml_string(model.id)}",
    ]
    for section in SECTIONS[kind]:
        for key, texts in entries[section].items():
            said = [f for f in FIELDS[section] if texts.get(f)]
            if not said:
                continue
            out += ["", f"[{section}]" if section in SINGLE else f"[{section}.{_key(key)}]"]
            named = [f for f in said if f in _NAMES]
            out += [f"{f} = {_value(texts[f])}" for f in named]
            # the base's grammar beside the name, there to be changed: a name plural in English may be singular here,
            # or the other way round (found from outside: with no number line, «Государства-посредники пасует»)
            said_of = grammar.get(section, {}).get(key, {})
            out += [f"{f} = {toml_string(word)}  {_GRAMMAR_NOTE[f]}" for f, word in said_of.items()]
            out += [f"{f} = {_value(texts[f])}" for f in said if f not in _NAMES]
            out.append(f"base = {toml_string(base_hash(texts, said))}")  # untranslated: TOML
    return "\n".join(out) + "\n"


#: the texts a skeleton writes before an entry's grammar: what the grammar is of
_NAMES = ("name", "short")
#: the comment beside each grammar line of a skeleton
_GRAMMAR_NOTE = {
    # untranslated: TOML written for a translator, as the skeleton's other comments
    "number": '# grammar, not a text: "plural" if the name in this language takes a plural verb, else "singular"',
}


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_string(key)


def stamp_text(text: str, data: dict[str, Any], model: Ruleset | Deck) -> tuple[str, int]:
    """``text`` (an overlay file of ``model``, parsed as ``data``) with every entry's ``base`` set; and how many changed."""
    from .locate import Locator

    kind = kind_of_model(model)
    entries = entries_of(model)
    locator = Locator(text)
    lines = text.splitlines(keepends=True)
    inserts: dict[int, str] = {}  # after line n (1-based), a new line
    changed = 0
    for path, header, pairs in locator.tables:
        entry = _entry_of(path, kind, entries, data)
        if entry is None:
            continue
        section, key, given = entry
        texts = entries[section][key]
        digest = base_hash(texts, [f for f in given if f in FIELDS[section]])
        written = [start for keys, start in pairs if keys == ["base"]]
        if written:
            n = locator.line_of(written[0]) - 1
            new = _BASE_VALUE.sub(lambda m: m.group(1) + toml_string(digest), lines[n], count=1)
            if new != lines[n]:
                lines[n] = new
                changed += 1
            continue
        end = locator.scanner.skip_value(pairs[-1][1]) if pairs else header
        inserts[locator.line_of(max(end - 1, header))] = f"base = {toml_string(digest)}\n"  # untranslated: TOML
        changed += 1
    for after in sorted(inserts, reverse=True):
        if after - 1 < len(lines) and not lines[after - 1].endswith("\n"):
            lines[after - 1] += "\n"
        lines.insert(after, inserts[after])
    return "".join(lines), changed


def _entry_of(path: tuple[Any, ...], kind: str, entries: dict[str, Any],
              data: dict[str, Any]) -> tuple[str, str, dict[str, Any]] | None:
    """The overlay entry a table header opens (``[cards.x]``, ``[ruleset]``), if it is one of the base's."""
    if not path or path[0] not in SECTIONS[kind] or any(isinstance(p, int) for p in path):
        return None
    section = str(path[0])
    if section in SINGLE and len(path) == 1:
        key = ""
        given = data.get(section)
    elif section not in SINGLE and len(path) == 2 and path[1] in entries[section]:
        key = str(path[1])
        given = data.get(section, {}).get(key)
    else:
        return None
    return (section, key, given) if isinstance(given, dict) else None


def stamp_file(path: str | Path) -> int:
    """Stamp an overlay file in place from the base file beside it; how many entries changed.

    Raises ContentError when the overlay or its base does not read (fix those first).
    """
    from .files import MAX_CONTENT_BYTES, read_regular
    from .overlayfiles import check_overlay_file

    p = Path(path)
    checked, problems = check_overlay_file(p)
    if checked is None or checked.problems:
        raise ContentError(problems or (checked.problems if checked else [])
                           or [Problem(str(p), None, "", _("the base file beside it does not read: validate it first"))])
    source = read_toml(base_path(p))
    from .parsing import parse_deck, parse_ruleset

    model: Ruleset | Deck = parse_ruleset(source) if "ruleset" in source.data else parse_deck(source)
    text = read_regular(p, MAX_CONTENT_BYTES).decode("utf-8")
    new, changed = stamp_text(text, read_toml(p).data, model)
    if new != text:
        # through a new draft: a translator's folder may be shared, and ``.NAME.stamp.tmp`` was a name to plant
        write_whole(p, new.encode("utf-8"))
    return changed


__all__ = ["skeleton", "stamp_file", "stamp_text", "toml_string"]
