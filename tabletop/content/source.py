"""Reading one content file: a TOML ruleset or deck, with the line of every key."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import ContentError, KeyPath, Problem, format_path, shown_key
from ..lang import LANGUAGES, SOURCE, Domain
from .files import (MAX_CONTENT_BYTES, MAX_DEPTH, FileRefused, long_number, missing, read_regular, save_header_like,
                    too_deep)

#: ``NAME.LANG.toml``: a translation of ``NAME.toml`` (:mod:`.overlayfiles`)
OVERLAY_NAME = re.compile(r"^(?P<base>.+)\.(?P<lang>[A-Za-z]{2,3})\.toml$")

_, ngettext, N_ = Domain("content").words()

#: what an empty sweep file is told, by ``tabletop sweep`` and by ``validate`` (one wording)
EMPTY_SWEEP = N_("file is empty: expected a [sweep] table")

if TYPE_CHECKING:  # the line finder is imported when a file is read
    from .locate import Locator

MAX_BYTES = MAX_CONTENT_BYTES


class SourceFile(NamedTuple):
    """A content file read from disk (or embedded data with no file)."""

    name: str
    data: dict[str, Any]
    locator: Locator | None = None
    sha: str = ""  # SHA-256 of the file's bytes, as read (what a validated scenario is cached under)

    def problem(self, path: KeyPath, message: str) -> Problem:
        line = self.locator.line(path) if self.locator else None
        return Problem(self.name, line, format_path(path), message)


def read_toml(path: str | Path, empty: str | None = None) -> SourceFile:
    """Read and parse one TOML file, or raise ContentError saying why not.

    ``empty`` is what an empty file is told it should hold (a sweep file's ``[sweep]``); by default a ruleset's
    or a deck's table, or a translation's ``[overlay]``."""
    import tomllib  # a bundled scenario comes from the validated cache, without parsing

    p = Path(path)
    name = str(path)

    def fail(message: str, line: int | None = None) -> ContentError:
        return ContentError([Problem(name, line, "", message)])

    if not p.exists():
        raise fail(missing(p, _("no such file")))
    if p.is_dir():
        raise fail(_("is a directory, not a file (give a .toml file, or use 'tabletop validate DIR')"))
    try:
        raw = read_regular(p, MAX_BYTES)
    except FileRefused as exc:
        raise fail(exc.message) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode": not a stray byte at offset 0
        raise fail(_("UTF-16 text, not UTF-8 (the file starts with a UTF-16 byte order mark); save the file as UTF-8"), 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(_("not UTF-8 text (byte 0x{byte} at offset {offset}); save the file as UTF-8").format(
            byte=f"{raw[exc.start]:02x}", offset=exc.start), line) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        if empty is not None:
            raise fail(empty, 1)
        m = OVERLAY_NAME.match(p.name)
        if m and (p.parent / f"{m.group('base')}.toml").is_file():  # a translation beside what it translates
            raise fail(_("file is empty: expected an [overlay] table (a translation of {base})").format(
                base=f"{m.group('base')}.toml"), 1)
        raise fail(_("file is empty: expected a [ruleset] or a [deck] table"), 1)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        if p.suffix == ".jsonl" or save_header_like(raw.lstrip().split(b"\n", 1)[0]):
            # found from outside: a save given to validate was a "TOML syntax error: Invalid statement"
            raise fail(_("this is a save (a .jsonl file), not a ruleset or a deck: check a save with tabletop verify "
                         "FILE"), 1) from None
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)  # untranslated: a pattern for tomllib's words
        # "at end of document": the file stops too soon, e.g. an array never closed
        line = int(m.group(1)) if m else text.rstrip().count("\n") + 1
        column = int(m.group(2)) if m else 0
        # untranslated: tomllib's own words (the parser's message stays as Python gives it)
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg).rstrip(".")
        msg = re.sub(r"\s*\(at end of document\)", _(" at the end of the file"), msg)  # untranslated: the pattern
        # lines as tomllib counts them, by "\n" alone (splitlines() also splits at a bare CR, U+2028 …)
        lines = text.split("\n")
        at = lines[line - 1] if 0 < line <= len(lines) else ""
        hint = _bare_cr_hint(raw, line) or _toml_hint(msg, at, at[: column - 1] if column else "")
        # untranslated: tomllib's words, matched; a table's header read as a value inside a list left open
        unclosed = msg.startswith("Unclosed array") or (msg.startswith("Invalid value") and at.lstrip()[:1] == "[")
        opened = _array_opened(lines, line) if unclosed else None
        if opened is not None:
            # found from outside: "values = [4, 5, 6" with no "]" was reported two lines down, at the next [[axes]]
            # (or at the file's last line), where nothing is wrong
            hint = _("the list opened with [ on this line has no ] (the file reads on to line {line} without one)"
                     ).format(line=line)
            line = opened
        msg = toml_words(msg)
        raise fail(_("TOML syntax error: {message}").format(message=f"{msg}: {hint}" if hint else msg), line) from None
    except RecursionError:
        raise fail(_("too deeply nested (tables and arrays more than {n} levels deep)").format(n=MAX_DEPTH),
                   deepest_line(text)) from None
    except ValueError:  # int(): a number past Python's digit limit (found from outside: a traceback in validate)
        found = long_number(text)
        if found is None:
            raise
        line, key, digits = found
        raise ContentError([Problem(name, line, key, ngettext("a whole number of {digits} digit is far too large",
                                                              "a whole number of {digits} digits is far too large",
                                                              digits).format(digits=digits))]) from None
    if too_deep(data):
        raise fail(_("too deeply nested (tables and arrays more than {n} levels deep)").format(n=MAX_DEPTH),
                   deepest_line(text))
    from .locate import Locator

    return SourceFile(name, data, Locator(text), hashlib.sha256(raw).hexdigest())


def deepest_line(text: str) -> int | None:
    """The line where the lists and inline tables of a value nest deepest, first reached; None if no value holds one.

    Found from outside: "too deeply nested" named no line, and a sweep blamed its own ``ruleset =`` line for it. Read
    without recursion (the file may be nested past what the TOML reader recurses through); brackets in texts, in
    comments and in table headers are not nesting."""
    depth = deepest = 0
    line = 1
    found: int | None = None
    in_value = False  # after a key's "=" on the same line, or inside a list or inline table
    i, end = 0, len(text)
    while i < end:
        ch = text[i]
        if ch == "\n":
            line += 1
            if depth == 0:
                in_value = False
        elif ch == "#":
            i = text.find("\n", i)
            i = end if i < 0 else i
            continue
        elif ch in "\"'":
            quote = text[i : i + 3] if text.startswith(ch * 3, i) else ch
            j = i + len(quote)
            while j < end and not text.startswith(quote, j):
                if text[j] == "\n" and len(quote) == 1:
                    break  # an unclosed one-line text: the TOML reader said so already
                j += 2 if ch == '"' and text[j] == "\\" else 1
            line += text.count("\n", i, j)
            i = j + len(quote)
            continue
        elif ch == "=" and depth == 0:
            in_value = True
        elif ch in "[{":
            if in_value or depth:
                depth += 1
                if depth > deepest:
                    deepest, found = depth, line
            else:  # a table's header, [name] or [[name]]: not a list
                i = text.find("\n", i)
                i = end if i < 0 else i
                continue
        elif ch in "]}" and depth:
            depth -= 1
        i += 1
    return found


def kind_of(source: SourceFile) -> str:
    """``'ruleset'`` or ``'deck'``, from the file's top table."""
    has_ruleset, has_deck = "ruleset" in source.data, "deck" in source.data
    if has_ruleset and not has_deck:
        return "ruleset"
    if has_deck and not has_ruleset:
        return "deck"
    if has_ruleset and has_deck:
        raise ContentError([source.problem((), _("a file is a ruleset or a deck, not both ([ruleset] and [deck] found)"))])
    if "sweep" in source.data:  # found from outside: a sweep file given to validate was told of [ruleset] and [deck]
        raise ContentError([source.problem(("sweep",), _(
            "this is a sweep file, not a ruleset or a deck: tabletop sweep FILE checks it before it plays a game"))])
    typed = misspelt_table(source, ("ruleset", "deck", "sweep"))
    if typed is not None:  # found from outside: [swep] was told "expected a [ruleset] or [deck] table (found swep)"
        raise ContentError([source.problem((typed[0],), _("[{typed}]: did you mean [{table}]?").format(
            typed=typed[0], table=typed[1]))])
    keys = ", ".join(sorted(source.data)) or _("nothing")
    raise ContentError(
        [source.problem((), _("not a ruleset or a deck: expected a [ruleset] or [deck] table (found {keys})")
                        .format(keys=keys))]
    )


def misspelt_table(source: SourceFile, tables: tuple[str, ...]) -> tuple[str, str] | None:
    """A top-level key of the file that is one of ``tables`` mistyped, and that table, or None (``[swep]``:
    ``('swep', 'sweep')``)."""
    from .errors import did_you_mean

    for key in source.data:
        if key not in tables:
            for table in tables:
                if did_you_mean(key, [table]):
                    return key, table
    return None


def is_overlay(path: Path, source: SourceFile) -> bool:
    """An ``[overlay]`` table, or named ``NAME.LANG.toml`` beside a ``NAME.toml``: a translation, not a ruleset or deck."""
    m = OVERLAY_NAME.match(path.name)
    return "overlay" in source.data or (m is not None and (path.parent / f"{m.group('base')}.toml").is_file())


#: an overlay given where a ruleset or a deck goes (``play --ruleset NAME.ru.toml``), by what was wanted
_NOT_BASE = {
    "ruleset": N_("this is the {lang} translation of {base}, not a ruleset: give {base} (and --lang {lang})"),
    "deck": N_("this is the {lang} translation of {base}, not a deck: give {base} (and --lang {lang})"),
}


def given_for_base(source: SourceFile, kind: str) -> Problem | None:
    """One problem for a translation (:mod:`.overlayfiles`) given as the ruleset or deck (``kind``) it translates.

    Checked as a ruleset, an overlay's every table would be a problem, tens of them, each quoting its texts."""
    path = Path(source.name)
    if not is_overlay(path, source):
        return None
    m = OVERLAY_NAME.match(path.name)
    head = source.data.get("overlay")
    lang = head.get("lang") if isinstance(head, dict) else None
    if not (isinstance(lang, str) and lang in LANGUAGES and lang != SOURCE):
        lang = m.group("lang") if m else "?"
    base = f"{m.group('base')}.toml" if m else path.name
    return Problem(source.name, None, "", _(_NOT_BASE[kind]).format(lang=lang, base=base))


#: tomllib's own words (Python 3.11-3.13), each in the language of the moment (found from outside: a Russian or
#: Ukrainian designer read the parser in English); a message not listed stays as Python gives it
_TOML_WORDS = (
    N_("Cannot overwrite a value"),
    N_("Escaped character is not a Unicode scalar value"),
    N_("Expected '=' after a key in a key/value pair"),
    N_("Expected ']' at the end of a table declaration"),
    N_("Expected ']]' at the end of an array declaration"),
    N_("Expected newline or end of document after a statement"),
    N_("Invalid date or datetime"),
    N_("Invalid hex value"),
    N_("Invalid initial character for a key part"),
    N_("Invalid statement"),
    N_("Invalid value"),
    N_("Unclosed array"),
    N_("Unclosed inline table"),
    N_("Unescaped '\\' in a string"),
    N_("Unterminated string"),
)
#: tomllib's words with a part of the file in them: (its pattern, the words with {what} for that part)
_TOML_PATTERNS = (
    (re.compile(r"Cannot mutate immutable namespace (.+)"), N_("Cannot change the table {what}, already complete")),  # untranslated: tomllib's words
    (re.compile(r"Cannot redefine namespace (.+)"), N_("Cannot redefine the table {what}")),  # untranslated: tomllib's words
    (re.compile(r"Duplicate inline table key (.+)"), N_("Duplicate inline table key {what}")),  # untranslated: tomllib's words
    (re.compile(r"Found invalid character (.+)"), N_("Found invalid character {what}")),  # untranslated: tomllib's words
    (re.compile(r"Illegal character (.+)"), N_("Illegal character {what}")),  # untranslated: tomllib's words
)


#: tomllib's words for a table declared twice, its key as a Python tuple: ``('actors', 'ru')``
_DECLARED_TWICE = re.compile(r"Cannot declare \((.+)\) twice")  # untranslated: tomllib's words


def _table_name(parts: str) -> str:
    """``actors.ru`` for tomllib's ``('actors', 'ru')``: the key as a header writes it (a part not bare, quoted)."""
    import ast

    try:
        keys = ast.literal_eval(parts)
    except (ValueError, SyntaxError):
        return parts
    if not isinstance(keys, tuple) or not all(isinstance(k, str) for k in keys):
        return parts
    return ".".join(k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else '"' + k.replace('"', '\\"') + '"' for k in keys)


def toml_words(message: str) -> str:
    """tomllib's message (its position taken off) in the language of the moment."""
    twice = _DECLARED_TWICE.fullmatch(message)
    if twice:  # found from outside: "Cannot declare ('actors', 'ru') twice", in Python's notation
        return _("[{table}] is declared twice: keep one").format(table=_table_name(twice.group(1)))
    for english in _TOML_WORDS:  # the msgid is tomllib's own English
        if message == english or message.startswith(english + " "):
            return _(english) + message[len(english):]
    for pattern, words in _TOML_PATTERNS:
        m = pattern.fullmatch(message)
        if m:
            return _(words).format(what=m.group(1))
    return message


def _bare_cr_hint(raw: bytes, line: int) -> str | None:
    """The hint for a file whose lines end in a bare CR (old Mac line ends), when the error is on the line of its
    first: tomllib counts lines by LF alone, so such a file is one line, and its first CR is an error."""
    m = re.search(rb"\r(?!\n)", raw)
    if m is None or raw.count(b"\n", 0, m.start()) + 1 != line:
        return None
    # found from outside: a file saved with CR line ends read only "Expected newline or end of document after a
    # statement" at line 1
    return _("the file's lines end in a bare CR (a carriage return alone, as old Mac files have): save it with LF "
             "(or CRLF) line ends")


def _toml_hint(message: str, line: str, before: str = "") -> str | None:
    """What the parser's words mean for a designer, for its commonest messages (``Cannot overwrite a value``);
    ``before``: the part of the line before where the parser stopped."""
    if message.startswith("Cannot overwrite a value"):  # untranslated: tomllib's words, matched
        key = line.split("=", 1)[0].strip() if "=" in line else ""
        return (_("'{key}' is given twice in its table: keep one").format(key=key) if key
                else _("a key is given twice in its table: keep one"))
    if message.startswith("Illegal character '\\n'"):  # untranslated: tomllib's words, matched
        return _("a text not closed on its line: a quote is missing")
    if message.startswith("Expected newline or end of document after a statement"):  # untranslated: tomllib's words
        # found from outside: description = "Holds the "northern" shore." and name = "Nordvik" Port read only the
        # parser's words: the text ended at a quotation mark, and the rest of the line was more than a value
        ended = before.rstrip()[-1:]
        if ended == '"':  # untranslated: a quotation mark
            return _("a quotation mark inside a text ends it: write it as \\\" or put the text in single quotes "
                     "('He said \"no\"'); or something is written after the value on its line")
        if ended == "'":  # untranslated: an apostrophe
            return _("an apostrophe inside a text in single quotes ends it: put the text in double quotes "
                     "(\"Nordvik's port\"); or something is written after the value on its line")
        return _("something is written after the value on its line: one key = value a line, and only a # comment "
                 "after it")
    if message.startswith("Invalid value"):  # untranslated: tomllib's words, matched
        if line.split("=", 1)[-1].lstrip()[:1] in _TYPOGRAPHIC_QUOTES:
            # found from outside: name = “Соединённые Штаты”, from a word processor, was told "a text needs quotes"
            return _("\u201c \u201d and \u00ab \u00bb are not TOML's quotes: write the text in \"\u2026\"")
        return _("a value TOML does not read: a text needs quotes, true and false are written in lower case")
    # a table's header too (found from outside: "[tracks.bordеrs]", a Cyrillic е, read only "Expected ']' at the end
    # of a table declaration", on a line that ends in ] to the eye)
    keyed = ("Expected '=' after a key", "Invalid statement", "Invalid initial character for a key part",  # untranslated: tomllib's words
             "Expected ']' at the end of a table declaration", "Expected ']]' at the end of an array declaration")  # untranslated: tomllib's words
    foreign = _foreign_letter(line) if message.startswith(keyed) else None
    if foreign is not None:
        # found from outside: "nаme" with a Cyrillic а, typed while writing the Russian overlay, read only
        # "Expected '=' after a key in a key/value pair"
        key, letter = foreign
        return _("the key '{key}' has a letter that is not Latin ('{letter}', {name}): a key is written in Latin "
                 "letters, digits, - and _").format(key=shown_key(key), letter=letter,
                                                    name=unicodedata.name(letter, "?").lower())
    split = ("Invalid initial character for a key part", "Unclosed inline table")  # untranslated: tomllib's words
    if message.startswith(split) and _open_braces(line) > 0:
        # found from outside: a choice { actor = …, ⏎ label = … } split over two lines read only "Invalid initial
        # character for a key part"
        return _("an inline table { … } is written on one line: join its lines")
    return None


#: quotation marks a word processor types, which TOML does not read as quotes
_TYPOGRAPHIC_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a"  # untranslated: characters


def _foreign_letter(line: str) -> tuple[str, str] | None:
    """The bare key at the start of ``line`` and its first letter outside ASCII, or None (a quoted key may hold any)."""
    head = line.strip()
    key = (head.lstrip("[").split("]", 1)[0] if head.startswith("[") else head.split("=", 1)[0]).strip()
    if not key or key[0] in "\"'":
        return None
    letter = next((c for c in key if ord(c) > 127 and c.isalpha()), None)
    return (key, letter) if letter is not None else None


def _marks(line: str) -> Iterator[str]:
    """The characters of ``line`` outside its quoted texts and its comment, in order (``\\"`` inside a basic text is a
    quotation mark, not its end); a multi-line text's opening quotes end the line's marks, given as one mark."""
    quote, escaped = "", False
    for i, c in enumerate(line):
        if escaped:
            escaped = False
        elif quote:
            escaped = c == "\\" and quote == '"'
            quote = "" if c == quote else quote
        elif line.startswith(('"""', "'''"), i):
            yield line[i: i + 3]
            return
        elif c in "\"'":
            quote = c
        elif c == "#":
            return
        else:
            yield c


def _array_opened(lines: list[str], line: int) -> int | None:
    """The line (from 1) where the array still open at line ``line`` began, if it began on an earlier one."""
    depth, opened, triple = 0, 0, ""
    for number, text in enumerate(lines[: line - 1], 1):
        if triple:  # inside a multi-line text: only its closing quotes count
            if triple not in text:
                continue
            triple, text = "", text.split(triple, 1)[1]
        if depth == 0 and text.lstrip().startswith("["):
            continue  # a table's header, not a value
        for mark in _marks(text):
            if len(mark) == 3:  # a multi-line text's brackets are words; it goes on if its quotes are not closed here
                triple = mark if text.count(mark) % 2 else ""
            elif mark == "[":
                depth += 1
                if depth == 1:
                    opened = number
            elif mark == "]":
                depth = max(0, depth - 1)
    return opened if depth > 0 and opened < line else None


def _open_braces(line: str) -> int:
    """How many ``{`` the line leaves open (outside quoted texts and comments)."""
    return sum(1 if mark == "{" else -1 if mark == "}" else 0 for mark in _marks(line))
