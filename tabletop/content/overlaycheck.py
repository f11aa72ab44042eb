"""Checking an overlay's tables against its base: every key an id of the base, every text a text.

Used for overlay files (:mod:`.overlayfiles`, with the ``[overlay]`` table
and line numbers) and for the translations a save's header embeds (no
file, no lines). What is wrong is a :class:`Problem`; what is only missing
or old (a base text with no translation, a ``base`` hash that no longer
matches, an entry never stamped) is a warning for ``tabletop validate``.
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any, NamedTuple, get_args, get_origin

from ..lang import Domain
from .errors import KeyPath, Problem, did_you_mean, wrong_kind
from .fields import Limits, hints
from .models import Actor, Choice, Name, Objective, Prompt, Text
from .vocabulary import LogEffect
from .overlaytexts import BARE_LISTS, FIELDS, GRAMMAR, HASH_LENGTH, LISTS, SECTIONS, SINGLE, Entries, base_hash, entry_path
from .arguments import StockText, single_line
from .source import SourceFile

_, ngettext, N_ = Domain("content").words()

_HASH = re.compile(rf"^[0-9a-f]{{{HASH_LENGTH}}}$")


def _bounds(tp: Any) -> tuple[int, int | None]:
    """(shortest, longest) a text of this annotated type may be."""
    if get_origin(tp) is not None and get_args(tp) and any(isinstance(m, Limits) for m in get_args(tp)[1:]):
        rules: dict[str, Any] = {}
        for m in get_args(tp)[1:]:
            if isinstance(m, Limits):
                rules.update(m.rules)
        return int(rules.get("min_length", 0)), rules.get("max_length")
    return 0, None


#: the limits of each translated text: the same as the base field's
BOUNDS: dict[str, tuple[int, int | None]] = {
    "name": _bounds(Name),
    "title": _bounds(Name),
    # what a track's panel calls an actor (RU): as the base's, a dozen characters at most
    "short": _bounds(get_args(hints(Actor)["short"])[0]),
    "description": _bounds(Text),
    "text": _bounds(Text),
    "control_note": _bounds(Text),
    "objectives": _bounds(hints(Objective)["text"]),
    "choices": _bounds(hints(Choice)["label"]),
    "prompts": _bounds(hints(Prompt)["text"]),
    "actions": _bounds(StockText),
    "reasons": _bounds(StockText),
    "counters": _bounds(StockText),
    "ladder": (0, None),
    "logs": _bounds(hints(LogEffect)["log"]),
}


class Checked(NamedTuple):
    """What checking an overlay found; ``tables`` are its translations as data (no ``base``), when sound."""

    problems: list[Problem]
    missing: list[str]  # base texts with no translation: ``actors.ua.description``
    stale: list[Problem]  # entries translated from a text that has changed since
    unstamped: list[str]  # entries with no ``base`` hash
    tables: dict[str, Any]
    same: list[str]  # texts given word for word as the base's (a skeleton not translated yet): ``cards.x.text``
    stale_texts: list[str]  # the texts of the ``stale`` entries (not shown: the base's show): ``cards.x.title``
    total: int = 0  # base texts that say something (translated or not)
    untranslated: int = 0  # of which with no translation (``missing`` names an entry missing whole once)
    #: an actor the base makes plural whose translated name has no ``number`` (it takes a singular verb): warned
    numberless: tuple[Problem, ...] = ()


def check_tables(source: SourceFile, kind: str, base: Entries, base_name: str) -> Checked:
    """Check ``source``'s translation tables (all but ``[overlay]``) against the ``base`` entries."""
    out = Checked([], [], [], [], {}, [], [])
    data = source.data
    allowed = SECTIONS[kind]
    for section, value in data.items():
        if section == "overlay":
            continue
        if section not in allowed:
            hint = did_you_mean(section, allowed)
            out.problems.append(source.problem((section,), _("unknown key '{key}'{hint}; expected one of {expected}")
                                               .format(key=section, hint=hint, expected=", ".join(allowed))))
            continue
        if not isinstance(value, dict):
            out.problems.append(source.problem((section,), wrong_kind(_("a table"), value)))
            continue
        if section in SINGLE:
            _entry(source, out, section, "", value, base[section][""])
            continue
        for key, entry in value.items():
            if key not in base[section]:
                hint = did_you_mean(key, base[section])
                out.problems.append(source.problem((section, key), _("'{key}' names nothing in [{section}] of {base}{hint}")
                                                   .format(key=key, section=section, base=base_name, hint=hint)))
            elif section in BARE_LISTS and not isinstance(entry, dict):
                _entry(source, out, section, key, {section: entry}, base[section][key], bare=True)
            elif not isinstance(entry, dict):
                out.problems.append(source.problem((section, key), wrong_kind(_("a table"), entry)))
            else:
                _entry(source, out, section, key, entry, base[section][key])
    untranslated = _missing(out, data, kind, base)
    total = sum(1 for section in SECTIONS[kind] for texts in base[section].values() for v in texts.values() if v)
    return out._replace(total=total, untranslated=untranslated)


def _stamped_from(stamp: str, texts: dict[str, Any], given: list[str], based: list[str]) -> bool:
    """Whether ``stamp`` is the base's hash over the texts given now, or over those and some the entry has since
    left to the base (stamped with a title, the title then removed: the base did not change)."""
    if stamp == base_hash(texts, given):
        return True
    left = [f for f in based if f not in given]  # a handful of fields an entry at most
    return any(stamp == base_hash(texts, [*given, *more])
               for n in range(1, len(left) + 1) for more in combinations(left, n))


def _entry(source: SourceFile, out: Checked, section: str, key: str, entry: dict[str, Any],
           texts: dict[str, Any], bare: bool = False) -> None:
    """One entry: known fields, texts within the limits, lists as long as the base's, its ``base`` hash."""
    where: KeyPath = (section, key) if key else (section,)
    good: dict[str, Any] = {}
    fields = FIELDS[section]
    for field, value in entry.items():
        path = where if bare else (*where, field)
        if field == "base" and not bare:
            if not isinstance(value, str) or not _HASH.match(value):
                out.problems.append(source.problem(path, _("expected the {n} hex digits that scripts/overlays --stamp "
                                                           "writes").format(n=HASH_LENGTH)))
            continue
        if field in GRAMMAR.get(section, {}) and not bare:  # not a text: no base, no hash; one of a few words
            if value in GRAMMAR[section][field]:
                good[field] = value
            else:
                out.problems.append(source.problem(path, _("got {value}{hint}; expected one of {expected}").format(
                    value=repr(value)[:40], hint="", expected=", ".join(GRAMMAR[section][field]))))
            continue
        if field not in fields:
            expected = ", ".join((*fields, *GRAMMAR.get(section, {}), "base"))
            out.problems.append(source.problem(path, _("unknown key '{key}'{hint}; expected one of {expected}")
                                               .format(key=field, hint=did_you_mean(field, fields), expected=expected)))
            continue
        message = _list(value, len(texts[field]), field) if field in LISTS else _text(value, field)
        if message:
            out.problems.append(source.problem(path + ((message[0],) if message[0] is not None else ()), message[1]))
        else:
            good[field] = value
            out.same.extend(_same_as_base(entry_path(section, key, field), value, texts[field]))
    stamp = entry.get("base") if not bare else None
    if not bare and isinstance(stamp, str) and _HASH.match(stamp):
        if not _stamped_from(stamp, texts, [f for f in entry if f in fields], [f for f in fields if texts.get(f)]):
            # not shown: a translation of what the base no longer says (a choice's label over another's effects)
            out.stale.append(source.problem(where, _("translated from an older text (base changed); the base text "
                                                     "shows until it is translated again and stamped")))
            out.stale_texts.extend(entry_path(section, key, f) for f in entry if f in fields and texts.get(f))
            return
    elif bare or stamp is None:
        out.unstamped.append(entry_path(section, key))
    if good:
        table = out.tables.setdefault(section, {})
        if key:
            table[key] = good[section] if section in BARE_LISTS else good
        else:
            table.update(good)


def _same_as_base(path: str, value: Any, base: Any) -> list[str]:
    """A field given word for word as the base says it (``path``), or of a list the items that are (``path[i]``).

    Found from outside (helper-107): a skeleton from ``scripts/overlays --skeleton``, every text still English,
    passed as "uk translation …: 39 of 39 texts" with no warning, so a text the translator forgot was never
    flagged. Only texts with a letter count: a number or a sign reads the same in every language."""
    if isinstance(value, list) and isinstance(base, (list, tuple)):
        same = [i for i, (v, b) in enumerate(zip(value, base)) if _words(v) and v == b]
        if same and len(same) == sum(1 for v in value if _words(v)):
            return [path]  # the whole list as it was
        return [f"{path}[{i}]" for i in same]
    return [path] if _words(value) and value == base else []


def _words(text: Any) -> bool:
    """Whether ``text`` has a letter in it (a text a translation would change)."""
    return isinstance(text, str) and any(c.isalpha() for c in text)


def _text(value: Any, field: str) -> tuple[int | None, str] | None:
    """What is wrong with one translated text, if anything."""
    if not isinstance(value, str):
        return None, wrong_kind(_("a string"), value)
    low, high = BOUNDS[field]
    if len(value) < low:
        return None, _("must not be empty")
    if high is not None and len(value) > high:
        return None, ngettext("at most {n} character allowed", "at most {n} characters allowed", high).format(n=high)
    if field in ONE_LINE:
        try:
            single_line(value)
        except ValueError as exc:  # as the base's own names are checked (found in review: "Рос\nсия" passed here)
            return None, str(exc)
    return None


#: the translated texts that are one line, as the base's are (:func:`~tabletop.content.arguments.single_line`)
ONE_LINE = frozenset({"name", "short", "title", "choices", "ladder"})


def _list(value: Any, length: int, field: str) -> tuple[int | None, str] | None:
    """What is wrong with a translated list (ladder, choices …): strings, as many as the base has."""
    if not isinstance(value, list):
        return None, wrong_kind(_("an array of strings"), value)
    if len(value) != length:
        return None, ngettext("the base has {base} entry: give one, in the base's order (got {n})",
                              "the base has {base} entries: give as many, in the base's order (got {n})",
                              length).format(base=length, n=len(value))
    for i, item in enumerate(value):
        problem = _text(item, field)
        if problem:
            return i, problem[1]
    return None


def _missing(out: Checked, data: dict[str, Any], kind: str, base: Entries) -> int:
    """Every base text that says something and has no translation here (it shows in the base language).

    An entry missing whole is named once (``cards.x``), a missing text of an entry by its key
    (``cards.x.text``); the count is of texts.
    """
    count = 0
    for section in SECTIONS[kind]:
        given = data.get(section)
        given = given if isinstance(given, dict) else {}
        for key, texts in base[section].items():
            entry = given if section in SINGLE else given.get(key)
            if section in BARE_LISTS and entry is not None and not isinstance(entry, dict):
                entry = {section: entry}
            said = [f for f, v in texts.items() if v]
            if not isinstance(entry, dict) or not any(f in entry for f in said):
                if said:
                    out.missing.append(entry_path(section, key))
                    count += len(said)
                continue
            lacking = [f for f in said if f not in entry]
            out.missing.extend(entry_path(section, key, f) for f in lacking)
            count += len(lacking)
    return count
