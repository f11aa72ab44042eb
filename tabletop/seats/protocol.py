"""The wire between the host and its seats: JSON messages, each a plain dict with a version.

Every message is one JSON object with ``"type"`` and ``"v"`` (:data:`VERSION`;
the host also takes version 1, and answers a seat in the version it spoke).
A seat sends:

- ``hello {code, client?, lang?, rejoin?, watching?}``: join with a seat's code; ``client`` is a random
  id the client keeps across reconnects (its acts are told apart by it);
  ``lang`` (version 2) the language the seat reads, ``en``, ``ru`` or ``uk``
  (without it: the host's language); ``rejoin: true``: the screen joins again by itself
  after a lost connection, and does not take the seat from another screen that holds it
  (it is welcomed read-only, with ``held``); without it, a person's join, which takes the seat;
  ``watching: true`` with ``rejoin``: this screen only watched before its link dropped (another screen had
  taken the seat): finding the seat free (a host restarted, the other screen not back), it has the seat until
  the screen that held it comes back;
- ``lang {lang}`` (version 2): the seat reads another language from now on
  (the host sends it a fresh view);
- ``act {client_seq, pick | action, at?, reason?, text?, result?, reasons?}``: do
  something. ``pick`` is the id of an entry of the seat's decision (as the last view listed it);
  ``action`` is an action as the save writes it (the facilitator's powers);
  ``clock`` is ``pause``, ``resume`` or ``extend`` (the facilitator's, on the phase timer);
  ``at`` is the game's ``seq`` the client saw (an action sent against an
  older game is refused ``STALE``, so a resend after a crash never plays twice);
  ``reason`` goes with a pick whose entry ``needs`` one (a ruling); ``text``, ``result``
  (the index of the result wanted) and ``reasons`` with an entry that ``needs`` an
  ``argument`` or a ``counter``: the team's own words, as typed;
- ``bye {}``: leaving.

The host sends:

- ``welcome {seat, role, actor, name, read_only, view, header?, held?, back?, recovered?}``: joined; ``header``,
  the facilitator's alone: the save's header (the scenario embedded, the seed, the teams' names);
  ``held``, when a ``rejoin`` found the seat held by another screen: why this one only watches (for people);
  a second ``welcome``, with ``back`` (for people), to a screen that only watched: the screen that held its
  seat was closed, and this one has the seat again;
  ``recovered {events, sitting, lost}`` when the host went on from a recovered save (the events kept; an id
  of this run of the host; the lines of the damaged save not in the game, 0 for a cut last line that no
  screen was shown);
- ``view {view}``: the seat's view after every change (see :mod:`.views`);
- ``ack {client_seq, index}``: the act is written and fsynced as event ``index``;
- ``refused {client_seq, code, message}``: the act was not done (the engine's
  refusal code, ``NOT_YOUR_SEAT``, or a :class:`Wire` code);
- ``error {code, message}``: a message the host could not read (an act whose
  ``client_seq`` it can read is ``refused`` instead); after too many the
  connection is closed;
- ``bye {code, message}``: the host closes this connection (another
  connection took the seat: this one is read-only from now on, until a second ``welcome``).

A client's ``client_seq`` is its own count of acts: the host answers an act
it has seen already with the same answer, without doing it again.
"""

from __future__ import annotations

import json
from enum import StrEnum, unique
from typing import Any

from ..content.arguments import REASONS, TEXT_LENGTH
from ..engine.actions import TEXT_LIMIT
from ..lang import LANGUAGES

#: the protocol's version (2: a seat's language); a message with a version not in VERSIONS is refused
VERSION = 2
#: the versions a host takes: a version 1 seat (no ``lang``) reads the host's language
VERSIONS = (1, 2)
#: the most bytes one character of a text takes in a message: a JSON encoder that escapes every non-ASCII
#: character (``ensure_ascii``, Python's default) writes one outside the BMP as two ``\uXXXX``, 12 bytes
#: (:func:`encode` writes UTF-8: 2 bytes for Cyrillic, 4 for an emoji, 6 for an escaped control character)
CHAR_BYTES = 12
#: room in an act beside its longest text: an argument's action and reasons at the longest a ruleset may allow
#: them, and 8 KiB for the kind, ids and numbers
ACT_ROOM = (REASONS.high + 1) * TEXT_LENGTH.high * CHAR_BYTES + 8 * 1024
#: the largest message a seat may send, in bytes: an act with the longest text a field takes (``TEXT_LIMIT``
#: characters) in any script, and no more (a seat sends acts, never boards). Found from outside (helper-318): a
#: 16 KiB cap closed the connection for a note of 9,000 Cyrillic letters, under the field's limit
MAX_CLIENT_MESSAGE = TEXT_LIMIT * CHAR_BYTES + ACT_ROOM
#: the largest message the host sends (the facilitator's first view carries the whole log)
MAX_HOST_MESSAGE = 64 * 1024 * 1024

CLIENT_TYPES = ("hello", "act", "lang", "bye")
HOST_TYPES = ("welcome", "view", "ack", "refused", "error", "bye")
ROLES = ("facilitator", "team", "projector", "observer")
#: what the facilitator may do to the phase timer (``act {clock}``)
CLOCK_ACTS = ("pause", "resume", "extend")


@unique
class Wire(StrEnum):
    """Why the host refused a message or an act (the engine's :class:`~tabletop.engine.Code` for rules)."""

    BAD_JSON = "BAD_JSON"  # not a JSON object
    BAD_VERSION = "BAD_VERSION"  # another protocol version
    UNKNOWN_TYPE = "UNKNOWN_TYPE"
    BAD_MESSAGE = "BAD_MESSAGE"  # a field missing or of the wrong type
    TOO_BIG = "TOO_BIG"  # over MAX_CLIENT_MESSAGE
    TOO_FAST = "TOO_FAST"  # over the rate limit of a connection
    WRONG_CODE = "WRONG_CODE"  # no seat has this code
    NOT_JOINED = "NOT_JOINED"  # an act before hello
    READ_ONLY = "READ_ONLY"  # a seat that only watches, or a connection another one replaced
    REPLACED = "REPLACED"  # bye: the same code joined on another connection
    STALE = "STALE"  # the game moved on since the view the act was picked from
    NO_SUCH_ENTRY = "NO_SUCH_ENTRY"  # a pick that is not in the seat's decision
    SAVE_FAILED = "SAVE_FAILED"  # the host could not write the save: nothing was done
    PAUSED = "PAUSED"  # the facilitator has paused the game: only the facilitator acts (resume, a note)
    CLOSING = "CLOSING"  # bye: the host is shutting down


class ProtocolError(ValueError):
    """A message the host (or a client) cannot take: ``code`` and a message for people."""

    def __init__(self, code: Wire, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def message(kind: str, *, version: int = VERSION, **fields: Any) -> dict[str, Any]:
    """A message of type ``kind`` with ``fields``, versioned (``version``: a version 1 seat's own)."""
    return {"type": kind, "v": version, **fields}


def encode(msg: dict[str, Any]) -> str:
    """The message as sent: compact JSON, UTF-8 text, no NaN."""
    return json.dumps(msg, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def decode(raw: str | bytes, limit: int = MAX_CLIENT_MESSAGE, types: tuple[str, ...] = CLIENT_TYPES) -> dict[str, Any]:
    """A received message, checked: an object of a known type and this version, within ``limit`` bytes.

    Raises :class:`ProtocolError`. Field checks of each type are in :func:`check_client`.
    """
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    if size > limit:
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.TOO_BIG, f"a message is at most {limit} bytes (this one: {size})")
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.BAD_JSON, "not JSON") from exc
    if not isinstance(data, dict):
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.BAD_JSON, "a message is a JSON object")
    if type(data.get("v")) is not int or data["v"] not in VERSIONS:  # not true, not 2.0 (found from outside)
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.BAD_VERSION, f"this host speaks versions {', '.join(map(str, VERSIONS))}")
    if data.get("type") not in types:
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.UNKNOWN_TYPE, f"unknown message type (expected one of {', '.join(types)})")
    return data


def _no_constant(name: str) -> Any:
    # untranslated: for a client's programmer, in the wire's own terms
    raise ValueError(f"{name} is not a number")


def _field(data: dict[str, Any], key: str, kinds: tuple[type, ...], required: bool = True) -> Any:
    value = data.get(key)
    if value is None and not required:
        return None
    if value is None:
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.BAD_MESSAGE, f"'{key}' is missing")
    if not isinstance(value, kinds) or (int in kinds and isinstance(value, bool)):
        # found from outside: "'at' is missing or of the wrong type" of an 'at' that was there, 1.5
        wanted = " or ".join(_KIND_WORDS.get(k, k.__name__) for k in kinds)
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.BAD_MESSAGE, f"'{key}' is {json.dumps(value)[:40]}: expected {wanted}")
    return value


#: a field's kinds as the wire calls them
_KIND_WORDS = {int: "a whole number", str: "a string", bool: "true or false", list: "a list",  # untranslated: the wire's
               dict: "an object"}  # untranslated: the wire's own terms, for a client's programmer


#: seconds between the keepalive pings both ends send, and how long an answer may take before the connection is
#: given up: a frozen host or seat is seen within ~15 s, not the ~60 s of websockets' own 20 and 20 (found from
#: outside: every screen said "Connected" for a minute to a host that had stopped; a frozen team's seat held the
#: game as long before the console was offered to act for it)
PING_EVERY, PING_WAIT = 5.0, 10.0
#: how long the close handshake a failed ping starts may take: a frozen end never answers it, and websockets' own
#: 10 s came on top of the two above (found from outside: screens saw a frozen host after 30-35 s)
CLOSE_WAIT = 1.0
#: seconds a seat hears nothing from its host (no message, no answer to its pings, sent every PING_EVERY) before its
#: screen says the host is not answering: a frozen or sleeping host keeps the TCP link up, and its screens said
#: "Connected" until the keepalive gave the link up (found from outside: the teams went on typing). Two pings unanswered;
#: the link is given up a few seconds later (PING_WAIT after a ping), and the screen goes on saying the host is not
#: answering while its tries to join again wait out the host's handshake
HOST_QUIET = 10.0


#: the longest join code, client id and entry id a seat may send
MAX_TOKEN = 128
#: the longest reason a ruling may carry
MAX_REASON = 2000


def check_client(data: dict[str, Any]) -> dict[str, Any]:
    """A decoded seat's message with its fields checked (types, lengths); raises :class:`ProtocolError`."""
    kind = data["type"]
    if kind == "hello":
        for key, required in (("code", True), ("client", False)):
            value = _field(data, key, (str,), required)
            if value is not None and len(value) > MAX_TOKEN:
                # untranslated: for a client's programmer, in the wire's own terms
                raise ProtocolError(Wire.BAD_MESSAGE, f"'{key}' is too long")
        _field(data, "rejoin", (bool,), required=False)
        _field(data, "watching", (bool,), required=False)
        _check_lang(data, required=False)
    elif kind == "lang":
        _check_lang(data, required=True)
    elif kind == "act":
        seq = _field(data, "client_seq", (int,))
        if not 0 <= seq < 2**53:
            # untranslated: for a client's programmer, in the wire's own terms
            raise ProtocolError(Wire.BAD_MESSAGE, "'client_seq' is out of range")
        pick = _field(data, "pick", (str,), required=False)
        action = _field(data, "action", (dict,), required=False)
        clock = _field(data, "clock", (str,), required=False)
        if sum(x is not None for x in (pick, action, clock)) != 1:
            # untranslated: for a client's programmer, in the wire's own terms
            raise ProtocolError(Wire.BAD_MESSAGE, "an act has one of 'pick', 'action' or 'clock'")
        if clock is not None and clock not in CLOCK_ACTS:
            # untranslated: for a client's programmer, in the wire's own terms
            raise ProtocolError(Wire.BAD_MESSAGE, f"'clock' is one of {', '.join(CLOCK_ACTS)}")
        if pick is not None and len(pick) > MAX_TOKEN:
            # untranslated: for a client's programmer, in the wire's own terms
            raise ProtocolError(Wire.BAD_MESSAGE, "'pick' is too long")
        reason = _field(data, "reason", (str,), required=False)
        if reason is not None and len(reason) > MAX_REASON:
            # untranslated: for a client's programmer, in the wire's own terms
            raise ProtocolError(Wire.BAD_MESSAGE, f"'reason' is at most {MAX_REASON} characters")
        _check_typed(data)
        at = _field(data, "at", (int,), required=False)
        if at is not None and not 0 <= at < 2**53:
            # untranslated: for a client's programmer, in the wire's own terms
            raise ProtocolError(Wire.BAD_MESSAGE, "'at' is out of range")
    return data


#: the longest argument text, and the most reasons, a seat may send (the ruleset's own limits are the engine's)
MAX_TEXT = 2000
MAX_REASONS = 8


def _check_lang(data: dict[str, Any], required: bool) -> None:
    """A seat's language: one of :data:`tabletop.lang.LANGUAGES` (version 2; a version 1 seat sends none)."""
    lang = _field(data, "lang", (str,), required)
    if lang is not None and (data["v"] < 2 or lang not in LANGUAGES):
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.BAD_MESSAGE, f"'lang' is one of {', '.join(LANGUAGES)} (protocol version 2)")


def _check_typed(data: dict[str, Any]) -> None:
    """An act's typed texts: an argument's or a counter's (``text``, ``result``, ``reasons``); matrix odds' ``strong`` marks."""
    text = _field(data, "text", (str,), required=False)
    if text is not None and len(text) > MAX_TEXT:
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.BAD_MESSAGE, f"'text' is at most {MAX_TEXT} characters")
    result = _field(data, "result", (int,), required=False)
    if result is not None and not 0 <= result < 64:
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.BAD_MESSAGE, "'result' is out of range")
    reasons = _field(data, "reasons", (list,), required=False)
    if reasons is not None and (len(reasons) > MAX_REASONS
                                or not all(isinstance(r, str) and len(r) <= MAX_TEXT for r in reasons)):
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.BAD_MESSAGE, f"'reasons' is a list of at most {MAX_REASONS} texts")
    strong = _field(data, "strong", (list,), required=False)
    if strong is not None and (len(strong) > 2 * MAX_REASONS
                               or not all(type(i) is int and 0 <= i < 64 for i in strong)):
        # untranslated: for a client's programmer, in the wire's own terms
        raise ProtocolError(Wire.BAD_MESSAGE, f"'strong' is a list of at most {2 * MAX_REASONS} item numbers")


__all__ = [
    "ACT_ROOM",
    "CHAR_BYTES",
    "CLIENT_TYPES",
    "CLOCK_ACTS",
    "HOST_QUIET",
    "HOST_TYPES",
    "MAX_CLIENT_MESSAGE",
    "MAX_HOST_MESSAGE",
    "PING_EVERY",
    "PING_WAIT",
    "ROLES",
    "VERSION",
    "VERSIONS",
    "ProtocolError",
    "Wire",
    "check_client",
    "decode",
    "encode",
    "message",
]
