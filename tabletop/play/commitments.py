"""What every seat may see of the sealed entries and of the save: commitments, reveals, the chain head.

Public to the whole room (the projector shows it): who committed a sealed
entry this round and the commitment (a hash that gives nothing away before
the reveal); at the reveal, each entry with its nonce, checked against its
commitment here and checkable by anyone; and at each round's end, the short
chain head of the save, to note in the minutes (``tabletop verify --head``).
The entries themselves come from the save's own :class:`~tabletop.store.sealing.SealBook`,
so a seat is shown exactly what the save holds.
"""

from __future__ import annotations

from typing import Any

from ..engine import State
from ..engine.review import undone_seqs
from ..store.heads import short_head
from ..store.sealing import SealBook, matches

#: digits of the commitments and of the chain head as a room reads them (enough to compare by eye)
SHORT = 12


def short(value: str) -> str:
    """A hash as a screen shows it: its first :data:`SHORT` hex digits."""
    return value[:SHORT]


def round_over(state: State) -> bool:
    """The round is at its end (its last phase) or the game is over: time to note the chain head."""
    phases = state.ruleset.ruleset.phases
    return state.over or state.phase == phases[-1]


def table_seals(state: State, book: SealBook, head: tuple[int, str]) -> dict[str, Any]:
    """The public part of the sealed entries of this round and, at its end, the chain head (``so_far`` while the
    round's last phase goes on: not yet the one to note).

    ``head``: the save's (events written, chain hash of the last line), as
    :attr:`tabletop.play.session.Session.save_head` gives it.
    """
    events = state.this_round()
    undone = undone_seqs(events)
    committed = []
    reveal: list[dict[str, Any]] = []
    for event in events:
        if event.result.get("sealed") and event.seq not in undone:
            found = book.commitment_of(event.seq)
            if found is not None:
                committed.append({"seq": event.seq, "actor": event.action.actor, "commitment": found})
        revealed = event.result.get("revealed")
        if isinstance(revealed, list) and event.seq not in undone:
            reveal = [opened for seq in revealed if (opened := _opened(book, seq)) is not None]
    out: dict[str, Any] = {"committed": committed, "reveal": reveal}
    if round_over(state):
        events_written, chain = head
        out["head"] = {"events": events_written, "chain": short(chain), "short": short_head(chain)}
        if not state.over:  # the round's last phase: a note, an override or an undo may still come before its end
            out["head"]["so_far"] = True
    return out


def _opened(book: SealBook, seq: int) -> dict[str, Any] | None:
    opened = book.opened(seq)
    if opened is None:
        return None
    entry, nonce, committed = opened
    return {"seq": seq, "entry": entry, "nonce": nonce, "commitment": committed}


def check_reveal(item: dict[str, Any], committed: dict[int, str]) -> bool:
    """A seat's own check of a revealed entry against the commitment it was shown earlier."""
    seq = item.get("seq")
    earlier = committed.get(seq) if isinstance(seq, int) else None
    return earlier is not None and matches(item.get("entry"), item.get("nonce"), earlier)


__all__ = ["SHORT", "check_reveal", "round_over", "short", "table_seals"]
