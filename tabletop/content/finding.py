"""Finding scenarios: the bundled rulesets and decks, and a ruleset or deck named by path or id."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ContentError, Problem, did_you_mean, meant
from .files import FileRefused, read_regular
from ..lang import Domain
from .source import MAX_BYTES, OVERLAY_NAME

_, ngettext, N_ = Domain("content").words()

BUNDLED = Path(__file__).resolve().parent.parent / "scenarios"


def bundled_rulesets() -> list[Path]:
    """The bundled ruleset files (not their translations, ``NAME.LANG.toml``)."""
    return sorted(p for p in (BUNDLED / "rulesets").glob("*.toml") if not _overlay(p))


def bundled_decks() -> list[Path]:
    """The bundled deck files (not their translations)."""
    return sorted(p for p in (BUNDLED / "decks").glob("*.toml") if not _overlay(p))


#: ``parallel-tracks.ru.toml``: a base name, a language code, ``.toml``


def is_overlay_name(path: Path) -> bool:
    """``NAME.LANG.toml``: a translation of ``NAME.toml`` (:mod:`.overlayfiles`), not a ruleset or deck."""
    return OVERLAY_NAME.match(path.name) is not None


_overlay = is_overlay_name


DEFAULT_RULESET = "parallel-tracks"

# one message per kind: the kind is a word of the sentence, which Russian and Ukrainian decline (found from
# outside: "нет файла (ruleset) …", the English word inside the translation)
_NOT_FOUND = {"ruleset": N_("no ruleset file or bundled ruleset id '{ref}'{hint} (bundled: {known})"),
              "deck": N_("no deck file or bundled deck id '{ref}'{hint} (bundled: {known})")}
# found from outside: load_scenario("") was ".: is a directory", the empty name read as the working folder
_NO_NAME = {"ruleset": N_("no ruleset given (an empty name): name a ruleset file or a bundled ruleset id (bundled: "
                          "{known})"),
            "deck": N_("no deck given (an empty name): name a deck file or a bundled deck id (bundled: {known})")}
_AMBIGUOUS = {"ruleset": N_("{count} ruleset files declare the id '{ref}' ({files}): give each its own id, or name "
                            "the one to play after its id ({ref}.toml)"),
              "deck": N_("{count} deck files declare the id '{ref}' ({files}): give each its own id, or name the one "
                         "to play after its id ({ref}.toml)")}


def there(path: Path) -> bool:
    """Whether something has the name ``path``: a file, a folder, or a symbolic link, even one that leads nowhere."""
    return path.exists() or path.is_symlink()


def names_a_path(ref: str | Path) -> bool:
    """Whether ``ref``, given for a ruleset or deck, is a path and not a bundled id: a folder or ``.toml`` in it, or
    something of that name here. A link that leads to no file is one (found from outside: ``--ruleset loop1``, a loop
    of links, was "no ruleset file or bundled ruleset id 'loop1'", where validate said what it is); reading it says
    what is wrong, in validate's words and every command's."""
    text = str(ref)
    return text.endswith(".toml") or "/" in text or there(Path(ref))


def resolve(ref: str | Path, kind: str, near: Path | None = None) -> Path:
    """A path, or the id of a bundled ruleset or deck (also found beside ``near``)."""
    folder = "rulesets" if kind == "ruleset" else "decks"
    if isinstance(ref, str) and not ref.strip():  # Path("") is the working folder: nothing was named
        known = sorted(f.stem for f in (BUNDLED / folder).glob("*.toml") if not _overlay(f))
        # untranslated: the argument's name, as load_scenario and the sweep file's key spell it
        raise ContentError([Problem(kind, None, "", _(_NO_NAME[kind]).format(known=", ".join(known)))])
    p = Path(ref)
    if names_a_path(ref):
        return p
    for c in (d / f"{ref}.toml" for d in _search_dirs(kind, near)):
        if c.is_file() or (c.exists() and not c.is_dir()):  # a named pipe or a device: reading it says what it is
            return c  # (found from outside: a deck beside that was a pipe was "not found", the ruleset "ok")
    # by id inside files whose name differs from their id: the nearest folder that has one, and only one
    for d in (d for d in _search_dirs(kind, near) if d.is_dir()):
        found = [f for f in sorted(d.glob("*.toml")) if not _overlay(f) and declared_id(f, kind) == str(ref)]
        if len(found) == 1:
            return found[0]
        if found:  # a copy kept its id: which one the room meant is not for the file names' order to say
            raise AmbiguousId([Problem(str(ref), None, "", _(_AMBIGUOUS[kind]).format(
                count=len(found), ref=ref, files=", ".join(map(str, found))))])
    known = sorted(f.stem for f in (BUNDLED / folder).glob("*.toml") if not _overlay(f))
    # the ruleset's own folders first: a typo in the name of the deck beside it is the likely one
    hint = did_you_mean(str(ref), sorted(ids_near(kind, near) - set(known)) + known if near is not None else known)
    if Path(f"{ref}.toml").is_file():  # found from outside: "keld" beside keld.toml was told only the bundled ids
        hint = meant(f"{ref}.toml")
    raise ContentError(
        [Problem(str(ref), None, "", _(_NOT_FOUND[kind]).format(ref=ref, hint=hint, known=", ".join(known)))]
    )


class AmbiguousId(ContentError):
    """Two files or more in one folder declare the id a ruleset or deck is named by, and none is named after it."""


def _search_dirs(kind: str, near: Path | None) -> list[Path]:
    """Where a ruleset or deck named by id is looked for: beside ``near``, in a ``decks/`` (``rulesets/``) folder
    beside it, in its sibling folder, bundled (found from outside: a designer's copy of a bundled deck, kept with
    its id in ``decks/`` beside the copied ruleset, was passed over for tabletop's own, and the game played the
    deck unedited)."""
    folder = "rulesets" if kind == "ruleset" else "decks"
    return ([near, near / folder, _holder(near) / folder] if near is not None else []) + [BUNDLED / folder]


def _holder(folder: Path) -> Path:
    """The folder that holds ``folder``, as the room names it. ``rulesets``' is ``.``; ``.`` and ``..`` have no
    name of their own (their ``parent`` is ``.`` again: found from outside, ``cd px/rulesets && tabletop play
    --ruleset exchange.toml`` did not find ``px/decks``), so theirs is found from the working folder's absolute
    path. Lexically, never by resolving links: the sibling of a ``rulesets/`` that is a link is the ``decks/``
    beside the link, where the room put it, not one beside the link's target."""
    normal = Path(os.path.normpath(folder))
    if normal.name not in ("", ".."):  # normpath leaves ".." only at the start, "." only alone
        return normal.parent
    return Path(os.path.normpath(_working_folder() / normal)).parent


def _working_folder() -> Path:
    """The working folder as the shell names it (``$PWD``, which keeps the links ``cd`` went through) when that
    is the working folder still, else the operating system's name for it."""
    logical = os.environ.get("PWD", "")
    try:
        if os.path.isabs(logical) and os.path.samefile(logical, os.curdir):
            return Path(logical)
    except OSError:  # gone, or unreadable: the system's name will do
        pass
    return Path.cwd()


def ids_near(kind: str, near: Path | None) -> set[str]:
    """Every ruleset or deck id :func:`resolve` could find from ``near``: each file's name and declared id."""
    found: set[str] = set()
    for d in _search_dirs(kind, near):
        for f in (f for f in d.glob("*.toml") if not _overlay(f)) if d.is_dir() else ():
            declared = declared_id(f, kind)
            if declared is not None:  # a file of that kind (a ruleset beside a deck is none)
                found |= {declared, f.stem}
    return found


def declared_id(path: Path, kind: str) -> str | None:
    import tomllib

    try:
        data = tomllib.loads(read_regular(path, MAX_BYTES).decode("utf-8"))
    except (FileRefused, UnicodeDecodeError, ValueError, RecursionError):  # a TOMLDecodeError is a ValueError
        return None  # not this one; validating that file says what is wrong with it
    table = data.get(kind)
    return table.get("id") if isinstance(table, dict) else None
