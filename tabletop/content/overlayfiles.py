"""Overlay files: ``NAME.LANG.toml`` beside the ruleset or deck ``NAME.toml`` it translates.

Found by name beside the base file, bundled or not; read like any content
file (a FIFO or a device is refused before anything is read) and checked
against the base (:mod:`.overlaycheck`), every problem with its line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..lang import LANGUAGES, SOURCE, Domain
from .errors import ContentError, Problem, did_you_mean, not_latin
from .finding import OVERLAY_NAME
from .models import Deck, Ruleset
from .overlaycheck import Checked, check_tables
from .overlaytexts import Entries, entries_of, grammar_of, kind_of_model
from .source import SourceFile, read_toml

_, ngettext, N_ = Domain("content").words()

_NAME = OVERLAY_NAME
#: the languages an overlay may be in: every one but the base's
TRANSLATED: tuple[str, ...] = tuple(lang for lang in LANGUAGES if lang != SOURCE)


def overlay_path(base: Path, lang: str) -> Path:
    """Where the ``lang`` overlay of the base file ``base`` is."""
    return base.with_name(f"{base.stem}.{lang}.toml")


def base_path(overlay: Path) -> Path:
    """The base file an overlay file translates, by its name."""
    m = _NAME.match(overlay.name)
    return overlay.with_name(f"{m.group('base') if m else overlay.stem}.toml")


def name_lang(overlay: Path) -> str | None:
    m = _NAME.match(overlay.name)
    return m.group("lang") if m else None


def overlays_beside(base: str | Path) -> dict[str, Path]:
    """The overlay files of each language found beside ``base`` (anything there: a FIFO is refused when read)."""
    p = Path(base)
    if not p.name.endswith(".toml") or not p.parent.is_dir():
        return {}
    found = {lang: overlay_path(p, lang) for lang in TRANSLATED}
    return {lang: path for lang, path in found.items() if path.exists() or path.is_symlink()}


def check_file(path: str | Path, base: Ruleset | Deck, base_name: str) -> Checked:
    """Read and check one overlay file against its base; raises ContentError when it cannot be read."""
    source = read_toml(path)
    kind = kind_of_model(base)
    problems = _header(source, kind, base.id, name_lang(Path(path)), base_name)
    checked = check_tables(source, kind, entries_of(base), base_name)
    scopes = {"cards": [c.track for c in base.cards]} if isinstance(base, Deck) else {}
    problems += checked.problems + _same_names(source, entries_of(base), checked.tables, scopes)
    return checked._replace(problems=problems, numberless=_numberless(source, base))


def _same_names(source: SourceFile, base: Entries, tables: dict[str, Any],
                scopes: dict[str, list[object]]) -> list[Problem]:
    """Two of a section shown by one name in this language (its translation, else the base's): refused, as in the
    base file; said at the translated name written last. A translation of a save is not held to it (what was
    played is not refused)."""
    from .checks import NAMED, SAME_NAME, same_names

    out: list[Problem] = []
    for section, field, kind in NAMED:
        given = tables.get(section, {})
        named = [(key, given.get(key, {}).get(field, texts.get(field))) for key, texts in base.get(section, {}).items()]
        for i, j in same_names(named, scopes.get(section)):
            said = [source.problem((section, named[k][0], field), _(SAME_NAME[kind]).format(
                other=named[other][0], name=named[other][1])) for k, other in ((i, j), (j, i))
                if field in given.get(named[k][0], {})]
            if said:
                out.append(max(said, key=lambda p: p.line or 0))
    return out


def _numberless(source: SourceFile, base: Ruleset | Deck) -> tuple[Problem, ...]:
    """The actors the base makes plural whose translated name here has no ``number``: it takes a singular verb.

    Found from outside: a translation of "Mediating states" («Государства-посредники») with no ``number`` line
    passed ``validate`` clean, and the board said «Государства-посредники пасует»."""
    actors = source.data.get("actors")
    if not isinstance(actors, dict):
        return ()
    plural = [key for key, said in grammar_of(base).get("actors", {}).items() if said.get("number") == "plural"]
    return tuple(source.problem(("actors", key, "name"), _(
        'the base\'s actor takes a plural verb (number = "plural") and this translation gives its name no number, '
        'so it takes a singular one here: give number = "plural" or "singular", as the translated name takes'))
        for key in plural if isinstance(actors.get(key), dict) and "name" in actors[key] and "number" not in actors[key])


def _header(source: SourceFile, kind: str, base_id: str, file_lang: str | None, base_name: str) -> list[Problem]:
    """The ``[overlay]`` table: its language, and the id of the ruleset or deck it translates."""
    head = source.data.get("overlay")
    if not isinstance(head, dict):
        return [source.problem(("overlay",), _("an overlay file needs an [overlay] table with lang and {key}")
                               .format(key=kind))]
    problems: list[Problem] = []
    for key in head:
        if key not in ("lang", kind):
            problems.append(source.problem(("overlay", key), _("unknown key '{key}'{hint}; expected one of {expected}")
                                           .format(key=key, hint=did_you_mean(key, ("lang", kind)),
                                                   expected=f"lang, {kind}")))  # untranslated: key names
    problems += _lang(source, head.get("lang"), file_lang)
    named = head.get(kind)
    if named is None:
        problems.append(source.problem(("overlay", kind), _("required key is missing")))
    elif named != base_id:
        # found from outside (helper-225): "hеlper-225" with a Cyrillic е and its base's "helper-225", alike on screen
        problems.append(source.problem(("overlay", kind), _("this overlay translates '{id}'{hint}, but its base file "
                                                            "{base} is '{base_id}'").format(
            id=named, hint=not_latin(str(named)), base=base_name, base_id=base_id)))
    return problems


def _lang(source: SourceFile, lang: Any, file_lang: str | None) -> list[Problem]:
    expected = ", ".join(TRANSLATED)
    if lang is None:
        return [source.problem(("overlay", "lang"), _("required key is missing"))]
    if lang == SOURCE:
        return [source.problem(("overlay", "lang"), _("English is the base language: an overlay is in one of {expected}")
                               .format(expected=expected))]
    if not isinstance(lang, str) or lang not in TRANSLATED:
        return [source.problem(("overlay", "lang"), _("{lang} is not a language tabletop speaks{hint} (expected one "
                                                      "of {expected})").format(lang=repr(lang), expected=expected,
                                                                                hint=did_you_mean(str(lang), TRANSLATED)))]
    if file_lang is not None and file_lang != lang:
        m = _NAME.match(Path(source.name).name)
        if m and file_lang not in TRANSLATED:  # found from outside (helper-225): .ua.toml (the country's code), .RU.toml
            return [source.problem(("overlay", "lang"), _("the file's name says '{name}' but lang is '{lang}': name the "
                                                          "file {file}").format(
                name=file_lang, lang=lang, file=f"{m.group('base')}.{lang}.toml"))]  # untranslated: a file name
        return [source.problem(("overlay", "lang"), _("the file's name says '{name}' but lang is '{lang}'")
                               .format(name=file_lang, lang=lang))]
    return []


class BaseUnread(Problem):
    """An overlay not checked because its base file does not read: the base's problem, not one of its own
    (``tabletop validate`` of the base as well says so in one line, uncounted: :func:`.pairing.check_files`)."""


def check_overlay_file(path: Path) -> tuple[Checked | None, list[Problem]]:
    """An overlay file checked against the base file beside it (``tabletop validate``)."""
    from .parsing import parse_deck, parse_ruleset
    from .source import kind_of

    if name_lang(path) is None:
        return None, [Problem(str(path), None, "", _("an overlay file is named NAME.LANG.toml after the file NAME.toml "
                                                     "it translates, e.g. parallel-tracks.ru.toml"))]
    base = base_path(path)
    if not base.is_file():
        problem = Problem(str(path), None, "", _("no base file {name} beside it: an overlay NAME.LANG.toml translates "
                                                 "NAME.toml in the same folder").format(name=base.name))
        return None, [problem]
    try:
        source = read_toml(base)
        model = parse_ruleset(source) if kind_of(source) == "ruleset" else parse_deck(source)
        return check_file(path, model, base.name), []
    except ContentError as exc:
        # the base's own problems are reported when it is validated; the overlay's reading problems here
        own = [p for p in exc.problems if p.file == str(path)]
        # found from outside: with its base unreadable an overlay got no line at all, neither ok nor a problem
        return None, own or [BaseUnread(str(path), None, "", _("not checked: its base file {name} does not read "
                                                               "(tabletop validate {base} says why)").format(
                                                                   name=base.name, base=base))]


#: how many missing or unstamped entries a summary line names before "…"
SHOWN = 5


def describe_overlay(path: Path, checked: Checked) -> str:
    """One line on an overlay that reads: its language, what it translates, how much of it."""
    same = {p for p in checked.same if not p.endswith("]")}
    # a stale entry's texts do not show (found from outside: "26 of 26 texts" above a warning that one is stale)
    done = checked.total - checked.untranslated - len(same) - len(set(checked.stale_texts) - same)
    return ngettext("{lang} translation of {base}: {done} of {total} text",
                    "{lang} translation of {base}: {done} of {total} texts", checked.total).format(
        lang=name_lang(path) or "?", base=base_path(path).name, done=done, total=checked.total)


def warnings(path: Path, checked: Checked, verbose: bool = False) -> list[str]:
    """What ``tabletop validate`` says of an overlay that is sound but not complete or not current."""
    out: list[str] = []
    if checked.missing:
        n = checked.untranslated
        out.append(_("warning: {file}: {count}: {listed}").format(
            file=path, listed=_listed(checked.missing, verbose),
            count=ngettext("{n} text not translated (the base text shows)",
                           "{n} texts not translated (the base text shows)", n).format(n=n)))
    if checked.same:
        n = len(checked.same)
        out.append(_("warning: {file}: {count}: {listed}").format(
            file=path, listed=_listed(checked.same, verbose),
            count=ngettext("{n} text word for word as the base's (not translated yet?)",
                           "{n} texts word for word as the base's (not translated yet?)", n).format(n=n)))
    out += [_("warning: {problem}").format(problem=p) for p in checked.stale]
    out += [_("warning: {problem}").format(problem=p) for p in checked.numberless]
    if checked.unstamped:
        n = len(checked.unstamped)
        out.append(_("warning: {file}: {count}: {listed}").format(
            file=path, listed=_listed(checked.unstamped, verbose),
            count=ngettext("{n} entry not stamped with its base text's hash (scripts/overlays --stamp)",
                           "{n} entries not stamped with their base texts' hash (scripts/overlays --stamp)", n)
            .format(n=n)))
    return out


def _listed(keys: list[str], verbose: bool) -> str:
    if verbose or len(keys) <= SHOWN:
        return ", ".join(keys)
    return _("{first}, … (--verbose lists all)").format(first=", ".join(keys[:SHOWN]))
