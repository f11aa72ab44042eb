"""Problems found in content files, reported as ``file:line: key.path: message``."""

from __future__ import annotations

import datetime
import difflib
import os
import re
from collections.abc import Iterable, Sequence
from ..lang import Domain
from typing import Any, NamedTuple

_, ngettext, N_ = Domain("content").words()

KeyPath = tuple[str | int, ...]


#: how long a key from a file may be in a message: a longer one is cut (a 20,000-character key made a 40 KB line)
KEY_CHARS = 60


def shown_key(key: str | int) -> str:
    """A key from a file as a message names it: cut to :data:`KEY_CHARS` with an ellipsis."""
    text = str(key)
    return text if len(text) <= KEY_CHARS else text[: KEY_CHARS - 1] + "\u2026"


def format_path(path: Sequence[str | int]) -> str:
    """``('cards', 3, 'effects', 0)`` -> ``cards[3].effects[0]``; a key longer than :data:`KEY_CHARS` cut."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            part = shown_key(part)
            out += f".{part}" if out else part
    return out


#: how alike a word and a known one must be to suggest it (difflib's ratio); under :data:`SURE` a suggestion must
#: start as the word does (or one of its parts): 'alfa' is told 'alpha' (0.67), 'tsunami' is not told 'summit'
#: (0.62, found from outside)
CLOSE, SURE = 0.6, 0.7
#: where a key or an id splits into words ('tracks.borders.breakdown_at', 'basin-summit'): a suggestion may start as
#: any of them does (found in review: 'summit' was no longer told 'basin-summit')
_PARTS = re.compile(r"[._-]")


#: the digit on each key of an AZERTY keyboard's top row (French, Belgian), which types & é " ' ( - è _ ç à for
#: 1 … 0 unless Shift is held: one table for the screens' keys (``tui.language``) and typed join codes
#: (``seats.joincodes``), both found from outside to refuse them silently
AZERTY_DIGITS = dict(zip("&\u00e9\"'(-\u00e8_\u00e7\u00e0", "1234567890", strict=True))

#: letters of the Cyrillic keyboard that look like Latin ones, and the Latin letter each looks like
_LOOKALIKES = str.maketrans("асеорхуіјѕкмтвн", "aceopxyijskmtbh")


def as_latin(word: str) -> str:
    """``word`` in lower case with each Cyrillic letter that looks like a Latin one read as that letter ('оff' with a
    Cyrillic о: 'off'); other letters kept."""
    return str(word).lower().translate(_LOOKALIKES)


def not_latin(word: str) -> str:
    """`` (its 2nd character, 'у' U+0443, is not a Latin letter)`` for an id typed with a letter of another
    alphabet, else ``''`` (found from outside: 'rу' with a Cyrillic у was "unknown actor 'rу' (known: ru, …)", and
    'сyber' "not a valid id: use lowercase letters", both reading as the Latin word; a designer who switches
    keyboard layouts cannot see it)."""
    for i, char in enumerate(str(word), 1):
        if char.isalpha() and not char.isascii():
            return _(" (character {n}, '{char}' U+{code}, is not a Latin letter)").format(
                n=i, char=char, code=f"{ord(char):04X}")
    return ""


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a close match exists, else ``''``; a word with a letter of another alphabet
    that looks like a Latin one is told so (:func:`not_latin`), and the option it looks like, if there is one."""
    typed = str(word)
    options = list(options)
    strange = not_latin(typed) if "/" not in typed and os.sep not in typed else ""  # an id, not a path
    if strange:
        latin = as_latin(typed)
        return (meant(latin) if latin in options else did_you_mean(latin, options) if latin.isascii() else "") + strange
    folded = [name for name in options if name.lower() == typed.lower()]
    if folded:  # found from outside (helper-225): [actors.RU] was told no near match ('RU' and 'ru' share no letter)
        return meant(folded[0])
    close = [name for name in difflib.get_close_matches(typed, list(options), n=5, cutoff=CLOSE)
             if typed[:1] in {part[:1] for part in _PARTS.split(name)}  # 'breakdown_at' in full; 'summit' as an id's end
             or difflib.SequenceMatcher(None, typed, name).ratio() >= SURE]
    if not close:
        return ""
    # the fewest letters to change first (found from outside: '--sead' was told '--sealed', two letters away,
    # not '--seed', one); as close as each other ('rus': 'ru' and 'us'), the one spelt from the same first
    # letters: a typo is more often at a word's end than at its start (found from outside: 'rus' was told 'us')
    best = max(close, key=lambda name: (-_edits(typed, name), difflib.SequenceMatcher(None, typed, name).ratio(),
                                        len(os.path.commonprefix([typed, name]))))
    return meant(best)


def meant(name: str) -> str:
    """`` (did you mean 'x'?)``: the hint :func:`did_you_mean` gives, for a name found another way."""
    return _(" (did you mean '{name}'?)").format(name=name)


def _edits(a: str, b: str) -> int:
    """How many letters to add, drop or change to make ``a`` into ``b`` (Levenshtein's distance)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


class Problem(NamedTuple):
    """One thing wrong with a content file (a named tuple: a dataclass compiles its methods on every start)."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class ContentError(Exception):
    """Content that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem], unknown_key: bool = False):
        self.problems = tuple(problems)
        #: the first problem is a key the schema does not have (in a save's embedded scenario: a newer tabletop's?)
        self.unknown_key = unknown_key
        super().__init__("\n".join(str(p) for p in self.problems))


def dedupe(problems: Iterable[Problem]) -> list[Problem]:
    """The problems in their order, each reported once."""
    seen: dict[tuple[str, int | None, str, str], Problem] = {}
    for p in problems:
        seen.setdefault((p.file, p.line, p.path, p.message), p)
    return list(seen.values())


def type_name(value: Any) -> str:
    """What kind of TOML value ``value`` is, as a message names it (``an array``; ``true/false``)."""
    return {
        bool: "true/false",  # untranslated: TOML's own words
        int: _("a whole number"),
        float: _("a decimal number"),
        str: _("a string"),
        list: _("an array"),
        dict: _("a table"),
        datetime.date: _("a date"),
        datetime.datetime: _("a date and time"),
        datetime.time: _("a time of day"),
    }.get(type(value), type(value).__name__)


#: how long a value quoted in a message may be: a table given whole would fill the screen
SHOWN_CHARS = 60
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def shown_value(value: Any) -> str:
    """A value from the file as TOML writes it (true, 1979-05-27, 'text', {key = 1}), cut to a short excerpt.

    A string is quoted as Python does, every control character escaped, so the line stays one safe line."""
    text = _toml(value, SHOWN_CHARS)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def _toml(value: Any, budget: int) -> str:
    """``value`` in TOML's words; an array or table stops once it is ``budget`` characters long."""
    if isinstance(value, bool):
        return "true" if value else "false"  # untranslated: TOML's own words
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        parts = _within(budget, (_toml(v, budget) for v in value))
        return "[" + ", ".join(parts) + "]"
    if isinstance(value, dict):
        pairs = ((k if _BARE_KEY.fullmatch(str(k)) else repr(str(k)), v) for k, v in value.items())
        parts = _within(budget, (f"{k} = {_toml(v, budget)}" for k, v in pairs))
        return "{" + ", ".join(parts) + "}"
    return repr(value)


def _within(budget: int, parts: Iterable[str]) -> list[str]:
    """The first parts, up to the one that makes them longer than ``budget``."""
    out: list[str] = []
    length = 0
    for part in parts:
        out.append(part)
        length += len(part) + 2
        if length > budget:
            break
    return out


def wrong_kind(expected: str, value: Any) -> str:
    """A value of the wrong kind, in the one wording every content file uses: ``expected a string, got an array
    ['x']`` (a ruleset, a deck, a sweep file, a translation). Found from outside (helper-362): a translation said
    ``ruleset.name: expected a string`` and nothing of what it got. ``expected``: the kind, in words."""
    if isinstance(value, bool):  # "got true", not "got true/false true" (found from outside)
        return _("expected {expected}, got {value}").format(expected=expected, value=shown_value(value))
    return _("expected {expected}, got {got} {value}").format(expected=expected, got=type_name(value),
                                                               value=shown_value(value))

