"""Hostile traffic, said on the host's terminal: wrong join codes, and connections closed for what they sent.

Found from outside: over 2,000 bad messages, 5 wrong join codes and a 10 MB frame left the host's console
silent, and the facilitator had no way to know someone in the room was trying codes or flooding the host. Each
kind is said in one line at most every :data:`WINDOW` seconds, with how many there were and from where
("3 wrong join codes in the last 10 s from 127.0.0.1"), so a flood is seen without drowning the console. The
clock is injected; the host flushes what is waiting once a second (its tick).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from ..content.literal import literal
from ..lang import SOURCE, Domain, using

_, ngettext, N_ = Domain("seats").words()

#: seconds between two lines of one kind
WINDOW = 10
#: addresses named in a line; more are counted
NAMED = 3


class Trouble(StrEnum):
    """What a line is about."""

    # the values are ids, never shown: each kind's line is worded in :func:`_line`
    WRONG_CODE = "wrong_code"  # a hello with no seat's code
    FLOOD = "flood"  # closed: too many messages too fast
    BAD = "bad"  # closed: too many messages the host could not read, or a first message that was no hello
    TOO_BIG = "too_big"  # closed: a message over the wire's limit
    CROWD = "crowd"  # closed at once: one too many connections open without joining (from its address, or in all)
    NO_FILES = "no_files"  # a connection the host could not take: out of open files (no address: never accepted)


@dataclass
class _Tally:
    count: int = 0
    peers: dict[str, None] = field(default_factory=dict)  # in the order first seen
    said_at: float | None = None


class Alarm:
    """Counts hostile traffic by kind and says it through ``say``, one line per kind per ``window`` seconds."""

    def __init__(self, say: Callable[[str], None], *, clock: Callable[[], float] = time.monotonic,
                 window: float = WINDOW, lang: str = SOURCE):
        self.say = say
        self.clock = clock
        self.window = window
        self.lang = lang
        self._tallies: dict[Trouble, _Tally] = {}

    def note(self, trouble: Trouble, peer: str) -> None:
        """One more of ``trouble`` from ``peer``: said now unless a line of its kind was said in the window."""
        tally = self._tallies.setdefault(trouble, _Tally())
        tally.count += 1
        tally.peers.setdefault(peer)
        self._said(trouble, tally, self.clock())

    def flush(self) -> None:
        """Say what waited for its window to end (the host's tick calls it)."""
        now = self.clock()
        for trouble, tally in self._tallies.items():
            self._said(trouble, tally, now)

    def _said(self, trouble: Trouble, tally: _Tally, now: float) -> None:
        if not tally.count or (tally.said_at is not None and now - tally.said_at < self.window):
            return
        with using(self.lang):
            self.say(_line(trouble, tally.count, _peers(list(tally.peers)), round(self.window)))
        tally.count, tally.peers, tally.said_at = 0, {}, now


def _peers(peers: list[str]) -> str:
    named = ", ".join(literal(p) for p in peers[:NAMED])
    more = len(peers) - NAMED
    if more <= 0:
        return named
    return ngettext("{named} and {more} other address", "{named} and {more} other addresses", more).format(
        named=named, more=more)


def _line(trouble: Trouble, count: int, peers: str, seconds: int) -> str:
    if trouble is Trouble.WRONG_CODE:
        words = ngettext("tabletop host: {count} wrong join code in the last {seconds} s from {peers}",
                         "tabletop host: {count} wrong join codes in the last {seconds} s from {peers}", count)
    elif trouble is Trouble.FLOOD:
        words = ngettext("tabletop host: {count} connection closed for sending too fast, in the last {seconds} s, "
                         "from {peers}",
                         "tabletop host: {count} connections closed for sending too fast, in the last {seconds} s, "
                         "from {peers}", count)
    elif trouble is Trouble.BAD:
        words = ngettext("tabletop host: {count} connection closed for messages the host cannot read, in the last "
                         "{seconds} s, from {peers}",
                         "tabletop host: {count} connections closed for messages the host cannot read, in the last "
                         "{seconds} s, from {peers}", count)
    elif trouble is Trouble.CROWD:
        words = ngettext("tabletop host: {count} connection closed at once for being one too many open without "
                         "joining, in the last {seconds} s, from {peers}",
                         "tabletop host: {count} connections closed at once for being too many open without "
                         "joining, in the last {seconds} s, from {peers}", count)
    elif trouble is Trouble.NO_FILES:
        words = ngettext("tabletop host: out of open files: {count} connection could not be taken in the last "
                         "{seconds} s (too many connections open)",
                         "tabletop host: out of open files: {count} connections could not be taken in the last "
                         "{seconds} s (too many connections open)", count)
    else:
        words = ngettext("tabletop host: {count} connection closed for a message over the size limit, in the last "
                         "{seconds} s, from {peers}",
                         "tabletop host: {count} connections closed for a message over the size limit, in the last "
                         "{seconds} s, from {peers}", count)
    return words.format(count=count, seconds=seconds, peers=peers)


def peer_of(remote: object) -> str:
    """The address a connection came from, as a person reads it (an IPv4 laptop on a dual-stack host included)."""
    address = remote[0] if isinstance(remote, tuple) and remote else "?"
    text = str(address)
    return text.removeprefix("::ffff:") if "." in text else text


__all__ = ["WINDOW", "Alarm", "Trouble", "peer_of"]
