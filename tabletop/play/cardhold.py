"""A card a bot answers waits until the facilitator has read it out.

The facilitator sees every card before it takes effect and may skip or
redraw it until then. A human team answers when the room has heard the
card; a bot would answer at once, so the board holds a bot's answer until
the facilitator lets it through. The engine is not involved: a bot-only
``simulate`` game flows as before.
"""

from __future__ import annotations

from ..engine import State, waiting_for


def _card_on_table(state: State) -> tuple[object, ...]:
    # the card on the table, told apart from the same card drawn again later
    return (state.round, state.phase, state.card, len(state.pile), len(state.discard))


class CardHold:
    """Which card the facilitator has let a bot answer."""

    def __init__(self) -> None:
        self._released: tuple[object, ...] | None = None

    def held(self, state: State) -> bool:
        """A card waits for its answer and the facilitator has not let it through yet."""
        return state.card is not None and waiting_for(state) == "choice" and self._released != _card_on_table(state)

    def release(self, state: State) -> None:
        """The facilitator has read the card out: its answer may come now."""
        self._released = _card_on_table(state)

    def reset(self) -> None:
        """Forget the release (after an undo the card is read out again)."""
        self._released = None


__all__ = ["CardHold"]
