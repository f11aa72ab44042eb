"""Sealed entries in the save: a commitment when a team commits one, the entry and its nonce at the reveal.

A sealed move's line carries ``seal``: the SHA-256 commitment of the entry
(the action as saved, in canonical bytes) with a random nonce, and that
nonce. The line of the reveal (the end of the moves phase) carries
``reveal``: each revealed entry with its event number and nonce. The host
sends every seat the commitment as soon as it is made and the entry with its
nonce only at the reveal, so anyone can check that the entry revealed is the
one committed; ``tabletop verify`` checks every reveal in the save.

The entry is written in clear with its commitment (the save is the control
cell's record), so a sealed move acknowledged to its team survives a crash:
what is secret is what is sent to the other seats, never the save itself.
Saves written before commitments (no ``sealing`` in the header) have none
and still verify.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..lang import Domain
from .lines import canonical

_, ngettext, N_ = Domain("store").words()

#: the header's ``sealing``: the version of the commitment scheme the save's lines follow
SEALING = 1
_DOMAIN = b"tabletop-seal-v1\n"


def new_nonce() -> str:
    """128 random bits, in hex: the entry cannot be guessed from its commitment before the reveal."""
    import secrets  # only once a sealed move is made: a new game's first board imports no more than it shows

    return secrets.token_hex(16)


def commitment(entry: Mapping[str, Any], nonce: str) -> str:
    """The commitment to a sealed entry: SHA-256 of the nonce and the entry's canonical bytes, in hex."""
    return hashlib.sha256(_DOMAIN + nonce.encode("utf-8") + b"\n" + canonical(entry)).hexdigest()


def matches(entry: Any, nonce: Any, committed: Any) -> bool:
    """Whether a revealed entry and nonce give the commitment made earlier (anything malformed: no)."""
    if not isinstance(entry, dict) or not isinstance(nonce, str) or not isinstance(committed, str):
        return False
    import hmac  # as new_nonce: not on a new game's start path

    return hmac.compare_digest(commitment(entry, nonce), committed)


class SealBook:
    """The sealed entries of one save so far, by event number: what a later reveal must give.

    The writer stamps each new line with it (:meth:`stamp`); every reader that
    holds a line against the replay stamps the line it expects the same way,
    with the nonce read from the file (nothing recomputes a random nonce).
    """

    def __init__(self, on: bool):
        self.on = on
        self._sealed: dict[int, tuple[dict[str, Any], str]] = {}

    @classmethod
    def for_header(cls, header: Mapping[str, Any]) -> SealBook:
        """The book of a save with this header: on only if its lines carry commitments."""
        return cls(header.get("sealing") == SEALING)

    @classmethod
    def of_save(cls, header: Mapping[str, Any], events: Iterable[Any]) -> SealBook:
        """The book after a save's events (each with ``seq``, ``seal`` and ``body``), to go on writing it."""
        book = cls.for_header(header)
        if book.on:
            for event in events:
                book.note(event.seq, event.body, event.seal)
        return book

    def note(self, seq: int, body: bytes, seal: Any) -> None:
        """Note a sealed entry read from a line (its canonical ``body`` and its ``seal``)."""
        if self.on and isinstance(seal, dict) and isinstance(seal.get("nonce"), str):
            self._sealed[seq] = (json.loads(body)["action"], seal["nonce"])

    def stamp(self, record: dict[str, Any], result: Mapping[str, Any], nonce: Callable[[], str]) -> None:
        """Add ``seal`` (a sealed move) or ``reveal`` (the reveal) to an event's line, and note a sealed entry."""
        if not self.on:
            return
        if result.get("sealed"):
            given = nonce()
            entry = record["action"]
            record["seal"] = {"commitment": commitment(entry, given), "nonce": given}
            self._sealed[record["seq"]] = (entry, given)
        revealed = result.get("revealed")
        if revealed:
            record["reveal"] = [
                {"seq": seq, "entry": self._sealed[seq][0], "nonce": self._sealed[seq][1]}
                for seq in revealed if seq in self._sealed
            ]

    def commitment_of(self, seq: int) -> str | None:
        """The commitment made at event ``seq`` (None: no sealed entry there)."""
        found = self._sealed.get(seq)
        return commitment(*found) if found else None

    def opened(self, seq: int) -> tuple[dict[str, Any], str, str] | None:
        """The sealed entry of event ``seq`` with its nonce and commitment, for its reveal (None: none)."""
        found = self._sealed.get(seq)
        return (found[0], found[1], commitment(*found)) if found else None


def broken_reveal(reveal: Any, commitments: Mapping[int, str]) -> str | None:
    """Why a line's ``reveal`` does not open the commitments made earlier (None: every entry matches).

    ``commitments``: the commitment recorded at each sealed event so far, as read from the file.
    """
    if not isinstance(reveal, list):
        return None
    for item in reveal:
        if not isinstance(item, dict):
            return _("a revealed entry is not an object")
        seq = item.get("seq")
        committed = commitments.get(seq) if isinstance(seq, int) else None
        if committed is None:
            return _("it reveals an entry for event {seq}, which committed no sealed entry").format(seq=seq)
        if not matches(item.get("entry"), item.get("nonce"), committed):
            return _("the entry it reveals for event {seq} does not match the commitment made there "
                     "({commitment}\u2026): the sealed entry was changed after it was committed"
                     ).format(seq=seq, commitment=committed[:12])
    return None
