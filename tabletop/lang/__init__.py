"""Languages: every interface string through a gettext catalogue, one language per seat.

Each layer has its own catalogue (a gettext *domain*: ``engine``, ``tui``,
``report`` …), so a layer's strings are extracted, translated and compiled
on their own: ``scripts/catalogues`` (Babel) keeps them in step with the code.

The language of the moment is the process's (:func:`set_language`: a command,
a hot-seat screen), unless a block chose its own with ``using(lang)`` (a
context variable: a host renders each seat's view in that seat's language). English is the
source language: it needs no catalogue and costs nothing at start-up.

In a module::

    from ..lang import Domain

    _, ngettext, N_ = Domain("tui").words()

    _("Quit")                                   # translated now
    ngettext("{n} round", "{n} rounds", n).format(n=n)   # three forms in ru/uk
    HINT = N_("Press F1 for help")               # marked now, translated at use: _(HINT)

Placeholders are named (``{actor}``), so a translation may put them in
another order; ``tests/lang`` checks every translation keeps the same ones.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

#: Languages with a catalogue, in the order a menu lists them.
LANGUAGES: tuple[str, ...] = ("en", "ru", "uk")
#: Each language's name in that language (a menu shows them so).
NAMES: dict[str, str] = {"en": "English", "ru": "Русский", "uk": "Українська"}  # untranslated: each in its own
#: The language the code is written in.
SOURCE = "en"
#: Where the catalogues live: ``locale/<lang>/LC_MESSAGES/<domain>.po`` and ``.mo``.
LOCALE_DIR = Path(__file__).with_name("locale")
#: One domain per layer of the package.
DOMAINS: tuple[str, ...] = ("content", "engine", "store", "sim", "report", "play", "seats", "tui", "cli")

_current: ContextVar[str | None] = ContextVar("tabletop_language", default=None)
#: The process's language: what every context that is not inside :func:`using` speaks.
_process = [SOURCE]


class LanguageError(ValueError):
    """A language that has no catalogue, named on the command line or in ``TABLETOP_LANG``."""


def check(lang: str, *, where: str = "--lang") -> str:
    """``lang`` if it is one of :data:`LANGUAGES`; otherwise a message that lists them."""
    code = lang.strip().lower() if isinstance(lang, str) else ""
    if code in LANGUAGES:
        return code
    if not code:  # found from outside: "--lang" with no value said "unknown language ''"
        # untranslated: said before any language is known; a command may word it in its own catalogue
        raise LanguageError(f"{where}: give a language, one of {', '.join(LANGUAGES)}")
    shown = repr(lang)[:40]
    # untranslated: said before any language is known; a command may word it in its own catalogue
    raise LanguageError(f"{where}: unknown language {shown} (expected one of {', '.join(LANGUAGES)})")


def from_locale(environ: Mapping[str, str] = os.environ) -> str:
    """The language of the user's locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), or English.

    ``ru_RU.UTF-8`` is Russian, ``uk_UA`` Ukrainian; anything else (``C``,
    ``de_DE``, unset) is English, never an error.
    """
    return locale_language(environ) or SOURCE


def locale_language(environ: Mapping[str, str] = os.environ) -> str | None:
    """The language the user's locale names, if it is one of :data:`LANGUAGES` (``en_GB``, ``ru_RU.UTF-8``); None
    for a locale that names none of them (``C``, ``POSIX``, ``de_DE``) or none at all."""
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(key, "")
        if value:
            code = value.split(".", 1)[0].split("_", 1)[0].split("@", 1)[0].lower()
            return code if code in LANGUAGES else None
    return None


def named_language(flag: str | None = None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The language a command was asked to speak (``--lang``, ``TABLETOP_LANG``, a locale of one of ours), or None
    where nothing names one: a screen joining a hosted game then reads the host's (:func:`resolve` would say
    English)."""
    if flag is None and not environ.get("TABLETOP_LANG", "").strip() and locale_language(environ) is None:
        return None
    return resolve(flag, environ)


def resolve(flag: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """The language a command speaks: ``--lang``, else ``TABLETOP_LANG``, else the locale.

    A bad ``--lang`` or ``TABLETOP_LANG`` is a :class:`LanguageError` (the
    command says so and stops); a locale we have no catalogue for is English.
    """
    if flag is not None:
        return check(flag)
    env = environ.get("TABLETOP_LANG", "")
    if env.strip():
        return check(env, where="TABLETOP_LANG")
    return from_locale(environ)


def current() -> str:
    """The language strings are translated into here and now."""
    return _current.get() or _process[0]


def lang_flag(environ: Mapping[str, str] = os.environ) -> str:
    """`` --lang xx`` for a command shown to be typed (resume, replay, report), when that command would not speak
    the language spoken now by itself (TABLETOP_LANG and the locale say another); else ``""``. Found from outside:
    the quit line resumed a Russian game in the locale's English, and the end screen's report command wrote an
    English debrief for a Ukrainian room."""
    try:
        alone: str | None = resolve(None, environ)
    except LanguageError:
        alone = None
    spoken = current()
    return "" if spoken == alone else f" --lang {spoken}"  # untranslated: a command's option


def set_language(lang: str) -> None:
    """Switch the language of the process (a command, the hot-seat screen) from now on.

    Every task sees it, not only the caller's: a Textual app runs each widget
    in an asyncio task of its own, which a context variable set in one key
    handler would not reach. A block inside :func:`using` keeps its own.
    """
    _process[0] = check(lang)


_DECIMAL_COMMA = frozenset({"ru", "uk"})


def decimal(x: float, places: int, *, signed: bool = False) -> str:
    """``x`` with ``places`` decimals as the language shown writes it: 57,5 in Russian and Ukrainian, 57.5 in
    English (found from outside: a Russian room read "57.5%" and "0.26 с"). For text people read; files that
    programs read (JSON, Parquet, CSV) keep the point."""
    text = f"{x:+.{places}f}" if signed else f"{x:.{places}f}"
    return text.replace(".", ",") if current() in _DECIMAL_COMMA else text


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Translate into ``lang`` inside the block (a host rendering one seat's view)."""
    token = _current.set(check(lang))
    try:
        yield
    finally:
        _current.reset(token)


@cache
def _catalogue(domain: str, lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of one domain in one language, read once.

    A missing ``.mo`` (a domain nobody translated yet) falls back to English.
    """
    import gettext

    return gettext.translation(domain, localedir=LOCALE_DIR, languages=[lang], fallback=True)


class Domain:
    """The catalogue of one layer; its methods translate into :func:`current`."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        if name not in DOMAINS:
            raise ValueError(f"unknown catalogue domain {name!r}")  # untranslated: a programming error
        self.name = name

    def gettext(self, message: str) -> str:
        lang = _current.get() or _process[0]
        if lang == SOURCE or not message:
            return message
        return _catalogue(self.name, lang).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        lang = _current.get() or _process[0]
        if lang == SOURCE:
            return singular if n == 1 else plural
        return _catalogue(self.name, lang).ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """``message`` where one English word needs two translations (``"status"``, ``"open"``)."""
        lang = _current.get() or _process[0]
        if lang == SOURCE:
            return message
        return _catalogue(self.name, lang).pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        """Plural forms of ``singular`` where the same English needs other forms (a case: «рядом с 2 срывами»)."""
        lang = _current.get() or _process[0]
        if lang == SOURCE:
            return singular if n == 1 else plural
        return _catalogue(self.name, lang).npgettext(context, singular, plural, n)

    def words(self) -> tuple[Callable[[str], str], Callable[[str, str, int], str], Callable[[str], str]]:
        """``_, ngettext, N_`` for a module: translate now, plural forms, mark for later."""
        return self.gettext, self.ngettext, marked


def marked(message: str) -> str:
    """Mark a string for the catalogue without translating it yet (``N_``): translate it where it is shown."""
    return message
