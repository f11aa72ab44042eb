"""Join codes: one per seat, random, compared in constant time, kept beside the save.

A code is :data:`CODE_CHARS` characters drawn from :data:`ALPHABET` (99 bits,
no fewer than the 96 of the URL-safe codes before), so guessing one is
hopeless, and a wrong one costs the guesser a delay (:mod:`.host`). The
alphabet has no look-alikes (no 0/o, 1/l/i, no "_"), and a code is printed in
groups of four joined by "-" (``k7mq-3xrt-9pwa-c4hd-e5fz``): it is handed out
on paper and read aloud (found from outside: ``hDIi-CvL_7S5aW70`` was copied
wrong, and the seat refused). Typed, its case, spaces and dashes do not count, nor a Cyrillic keyboard layout, nor digits typed on
AZERTY without Shift.

A code is looked up against every seat's code with ``hmac.compare_digest``,
never stopping early, so the time taken tells nothing about which seat, or
how much of a code, was right. A code of the old form, kept beside a save
from before, is compared exactly as before: as typed, the spaces round it gone.

The codes are written beside the save (``<save>.codes``, readable by its
owner only), so ``tabletop host --resume SAVE`` prints and takes the same
codes and the seats' screens reconnect with the codes they have.
"""

from __future__ import annotations

import hmac
import json
import os
import re
import secrets
import shlex
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..content.errors import AZERTY_DIGITS
from ..content.files import FileRefused, read_regular
from ..store.files import codes_path, temp_beside, write_all
from ..lang import Domain

_, ngettext, N_ = Domain("seats").words()

#: the characters of a code: lowercase letters and digits, none that reads as another (0/o, 1/l/i)
ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
#: random characters in a code: 20 × log2(31) ≈ 99 bits, no fewer than the 96 of the codes before (12 bytes)
CODE_CHARS = 20
#: characters a code is printed in groups of
GROUP = 4


def new_code() -> str:
    """A fresh random code, :data:`CODE_CHARS` characters of :data:`ALPHABET` in groups of four joined by "-". It
    never starts with "-" (a command line takes that for an option: found from outside, one URL-safe code in 64 did,
    and its printed join line failed, "unrecognized arguments")."""
    drawn = "".join(secrets.choice(ALPHABET) for _n in range(CODE_CHARS))
    return "-".join(drawn[i:i + GROUP] for i in range(0, CODE_CHARS, GROUP))


#: a code of the form :func:`new_code` draws: groups of four, 4 + 5n characters (an old URL-safe one, kept beside a
#: save from before, has 16: never this form)
_NEW_FORM = re.compile(rf"[{ALPHABET}]{{{GROUP}}}(?:-[{ALPHABET}]{{{GROUP}}})*")
#: what typing a new code may add to it: spaces of any kind, and dashes ("-", a word processor's "–", "—", "−")
_TYPED_EXTRAS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")


#: a Cyrillic letter, and a Latin one: a code has only Latin letters, and a laptop with the Cyrillic layout on types
#: Cyrillic ones (found from outside: ``мяые-7рт9-…`` typed for ``vzst-7hn9-…`` in a Russian/Ukrainian room)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
#: typed wholly in Cyrillic: the Latin letter on each key (ЙЦУКЕН over QWERTY, lowercase), the Russian layout and the
#: Ukrainian one («і» on "s", «ї» on "]", «є» on "'"; «ґ» is on "\" or "`", depending on the layout); the keys that
#: are punctuation on QWERTY (х ъ ж э б ю ё ї є ґ) give it, which no code holds
_BY_KEY = str.maketrans("йцукенгшщзхъфывапролджэячсмитьбюёіїєґ", "qwertyuiop[]asdfghjkl;'zxcvbnm,.`s]'\\")
#: typed mixing Latin and Cyrillic: a Cyrillic letter that has the very shape of a Latin one, in the case typed, is
#: read as it. Lowercase: а с е р х у. Capitals (a code read off paper may be typed in them): А В Е К М Н Р С Т Х.
#: Left out: к м т в н (lowercase they are small capitals, not k m t b h), У (not Y), and о О і І, whose Latin
#: twins no code holds (no o, no i)
_BY_SHAPE = str.maketrans("асерхуАВЕКМНРСТХ", "acepxyABEKMHPCTX")


#: an AZERTY keyboard (French, Belgian) types these for 2 3 4 5 7 8 9 0 without Shift, and no code holds any of them
#: (found from outside: ``hqçe-(tam-…`` typed for ``hq9e-5tam-…`` was refused). Its 6 is "-": see :func:`_sixes`
_AZERTY = str.maketrans({sign: digit for sign, digit in AZERTY_DIGITS.items() if sign != "-"})
#: the AZERTY digits without Shift that no code of either form holds ("_" aside: an old code may hold it)
_AZERTY_SIGNS = re.compile("[" + re.escape("".join(sign for sign in AZERTY_DIGITS if sign not in "-_")) + "]")
#: the length of a code typed as printed: its characters and one separator between each two groups
_PRINTED_LENGTH = CODE_CHARS + CODE_CHARS // GROUP - 1


def _sixes(code: str) -> str:
    """A code typed on AZERTY without Shift, its 6 typed as "-": read as a 6 where the code's layout shows it is no
    separator, all in one (20 characters: no separator at all) or as printed (one space or dash between each group
    of four); any other way the "-" stays a dash (which one was meant cannot be told)."""
    if "-" not in code:
        return code
    if len(code) == CODE_CHARS:
        return code.replace("-", "6")
    seps = range(GROUP, _PRINTED_LENGTH, GROUP + 1)
    if len(code) == _PRINTED_LENGTH and all(_TYPED_EXTRAS.fullmatch(code[i]) for i in seps):
        return "".join(c if i in seps else c.replace("-", "6") for i, c in enumerate(code))
    return code


def _plain(code: str) -> str:
    """A new-form code as compared: lowercase, without spaces or dashes, a Cyrillic letter read as the Latin one
    meant (wholly Cyrillic: by its key; mixed with Latin: by its shape), a digit typed on AZERTY without Shift as
    the digit."""
    if _CYRILLIC.search(code):
        code = code.translate(_BY_SHAPE) if _LATIN.search(code) else code.lower().translate(_BY_KEY)
    else:  # (a Cyrillic layout's «э» is on the "'" key: not a 4)
        code = _sixes(code.translate(_AZERTY))
    return _TYPED_EXTRAS.sub("", code).lower()


def in_cyrillic(code: str) -> bool:
    """Whether a code as typed holds Cyrillic letters (refused, it is said that a code is in Latin letters)."""
    return _CYRILLIC.search(code) is not None


def on_azerty(code: str) -> bool:
    """Whether a code as typed holds a digit typed on AZERTY without Shift (refused, it is said to hold Shift: its 6,
    "-", could not be told from a dash). Not by "_" alone: an old code, kept beside a save from before, may hold it."""
    return _AZERTY_SIGNS.search(code) is not None


def typed(code: str) -> str:
    """A code as a join line gives it to ``tabletop join``: after "--" when it starts with "-" (a code kept beside a
    save from before codes never did)."""
    return f"-- {code}" if code.startswith("-") else code


def join_line(where: str, code: str) -> str:
    """The command a seat runs to join, with its code beside it to type when the screen asks:
    ``tabletop join 127.0.0.1:8765   code: k7mq-…``. Never the code on the command line: any user of a shared
    machine reads it there in ``ps`` (found by a security audit: another user took the facilitator's seat so)."""
    return f"tabletop join {where}   " + _("code: {code}").format(code=code)  # untranslated: a command


def pasted(code: str) -> str:
    """A code as a person gave it, without the spaces, tabs or line breaks round it: no code has any, and one
    copied from a chat often brings some (found from outside: ``tabletop join ADDR ' CODE '`` was refused
    WRONG_CODE, while the join dialog took the same code).

    A whole join line pasted where the code is typed gives its code: ``tabletop join ADDR   code: CODE``, as the
    host prints it (after the seat's name), or ``tabletop join ADDR CODE`` (with ``--`` before a code that starts
    with "-", ``--lang`` after it), as it printed it before. Found from
    outside: the facilitator messaged each team its line, and a team pasted it into the browser page's code box. Any
    other text is kept as given: no seat has it, and the host says so."""
    given = code.strip()
    command = _JOIN_LINE.search(given)
    if command is None:
        return given
    try:
        words = shlex.split(command["args"])
    except ValueError:  # an unclosed quote: not a line the host printed
        return given
    if len(words) >= 2 and words[-2] == "--lang":
        words = words[:-2]
    words = [w for w in words if w != "--" and not w.startswith("--lang=")]
    if len(words) == 3 and words[1].endswith(":"):  # the code beside the command, after its label ("code:")
        del words[1]
    return words[1] if len(words) == 2 else given


#: a join line, after whatever comes before it (the seat's name in the host's list): its words after the command
_JOIN_LINE = re.compile(r"(?:^|\s)tabletop\s+join\s+(?P<args>.*)\Z", re.DOTALL)  # untranslated: a command


def new_codes(seat_ids: Iterable[str]) -> dict[str, str]:
    """A fresh code for each seat."""
    return {seat: new_code() for seat in seat_ids}


def seat_of(codes: Mapping[str, str], code: str) -> str | None:
    """The seat whose code ``code`` is, or None: every code is compared in full, in constant time.

    A new-form code is compared without case, spaces or dashes (``K7MQ 3XRT …`` is ``k7mq-3xrt-…``), typed on a
    Cyrillic layout or with a Cyrillic look-alike as the Latin letters meant (:func:`_plain`); an old one, kept
    beside a save from before, as typed (the spaces round it gone), as it always was."""
    as_pasted = pasted(code)  # a screen of any version may send it as pasted
    given = as_pasted.encode("utf-8", "surrogatepass")
    given_plain = _plain(as_pasted).encode("utf-8", "surrogatepass")
    found = None
    for seat, expected in codes.items():
        if _NEW_FORM.fullmatch(expected):
            same = hmac.compare_digest(_plain(expected).encode("utf-8"), given_plain)
        else:
            same = hmac.compare_digest(expected.encode("utf-8"), given)
        if same:
            found = seat
    return found


#: the key, beside the seats' codes, of the address the host listens on (``ADDR:PORT``); a file from before has none
LISTEN_KEY = "listen"
#: the key, beside the seats' codes, of the game they were written for: the chain hash of its save's header line
#: (a game's own: its seed, scenario and the moment it was created; a recovered copy keeps it). A file from before
#: has none, and is taken as it always was
GAME_KEY = "game"
#: the most of a save's first line read for its game (a header embeds its scenario: a few hundred kilobytes at most)
_MAX_HEADER_BYTES = 16 * 1024 * 1024


def game_of(save: Path) -> str | None:
    """The game a save holds, as its codes file names it: the chain hash of its header line; None when the save
    cannot be read or its first line is not a header."""
    try:
        with open(save, "rb") as handle:
            header = json.loads(handle.readline(_MAX_HEADER_BYTES))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    chain = header.get("chain") if isinstance(header, dict) else None
    return chain if isinstance(chain, str) and chain else None


def _of_another_game(save: Path, data: Mapping[str, object]) -> bool:
    """Whether codes read beside ``save`` were written for another game than the one it holds (found from outside:
    two workshops' saves copied into one folder, and one was served with the other's codes and address)."""
    written_for = data.get(GAME_KEY)
    if written_for is None:  # a file from before codes named their game
        return False
    return written_for != game_of(save)


def write_codes(save: Path, codes: Mapping[str, str], listen: str | None = None) -> Path:
    """Write the codes beside the save, the address the host listens on and the game they are for, readable by its
    owner only (written whole, then moved into place). A file that holds these already is left as it is (found
    from outside: a resume on a full disk refused to start, "cannot write the join codes", though they were there,
    intact)."""
    path = codes_path(save)
    game = game_of(save)
    data = json.dumps({**dict(codes), **({LISTEN_KEY: listen} if listen else {}), **({GAME_KEY: game} if game else {})},
                      indent=1).encode("utf-8")
    try:
        if path.is_file() and not path.is_symlink() and read_regular(path, MAX_CODES_BYTES) == data:
            return path
    except (OSError, FileRefused):
        pass  # written again below
    # a new, unguessable name made here, as a save's own draft is: found from outside, another account that could
    # write the folder planted the old fixed name (a file of theirs, a symlink) and read every seat's code
    tmp, fd = temp_beside(path, 0o600)
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a full disk: no half-written file left beside the save
        raise
    return path


#: the most a codes file holds (a few dozen seats' codes are a few kilobytes)
MAX_CODES_BYTES = 256 * 1024


class CodesUnreadable(Exception):
    """The codes file beside a save is there but cannot be used; ``message`` says why, for a person."""

    def __init__(self, path: Path, message: str):
        super().__init__(message)
        self.path = path
        self.message = message


def read_listen(save: Path) -> str | None:
    """The address the host of this save listened on (``ADDR:PORT``), kept beside its codes; None when none is
    kept (a codes file from before, or none, or one that cannot be read or is another game's: :func:`read_codes`
    says why)."""
    path = codes_path(save)
    try:
        data = json.loads(read_regular(path, MAX_CODES_BYTES).decode("utf-8"))
    except (OSError, FileRefused, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or _of_another_game(save, data):  # another game's address: its screens look there
        return None
    listen = data.get(LISTEN_KEY)
    return listen if isinstance(listen, str) and listen else None


def read_codes(save: Path, seat_ids: Iterable[str]) -> dict[str, str] | None:
    """The codes kept beside the save for these seats (a seat without one gets a new code); None if none are kept.

    Raises :class:`CodesUnreadable` for a codes file that is there but not one: a FIFO (found from outside: host
    --resume waited on it for ever, saying nothing), a device, or a damaged file (it was replaced by new codes
    without a word, and no seat could rejoin with its old one), or the codes of another game than the save's."""
    path = codes_path(save)
    if not path.exists() and not path.is_symlink():
        return None
    try:
        data = json.loads(read_regular(path, MAX_CODES_BYTES).decode("utf-8"))
    except FileRefused as exc:
        raise CodesUnreadable(path, exc.message) from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        raise CodesUnreadable(path, _("damaged: not the join codes tabletop host writes"))
    if _of_another_game(save, data):
        raise CodesUnreadable(path, _("they are another game's (written by the host of another save, copied here "
                                      "with it?), and so is the address kept with them"))
    out = {}
    for seat in seat_ids:
        if seat in (LISTEN_KEY, GAME_KEY):  # (no seat is named so)
            continue
        code = data.get(seat)
        ok = isinstance(code, str) and len(code) >= 16
        out[seat] = code if ok else new_code()
    return out


__all__ = ["ALPHABET", "CODE_CHARS", "GAME_KEY", "LISTEN_KEY", "MAX_CODES_BYTES", "CodesUnreadable", "codes_path",
           "game_of", "in_cyrillic", "join_line", "new_code", "new_codes", "on_azerty", "read_codes", "read_listen",
           "seat_of", "write_codes"]
