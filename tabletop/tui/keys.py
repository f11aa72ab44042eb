"""Which facilitator keys the board offers now (the footer shows only these).

Textual's ``check_action`` answers True (shown), None (shown greyed) or False
(hidden); the board hides what cannot be done now, so the footer lists only
keys that do something: no skip or redraw without a card on the table, no
inject, override or end once the game is over, Pause or Resume as it is.

And where the keys typed after one that opens a dialog go: to the dialog
(:class:`DialogKeys`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual.dom import DOMNode

from ..engine import State

if TYPE_CHECKING:
    from textual import events
    from textual.app import App
    from textual.message_pump import MessagePump

#: board actions that are hidden once the game is over
_PLAYING_ONLY = frozenset({"pause", "resume", "extend", "inject", "override", "end_game", "skip", "redraw"})


def key_available(action: str, state: State, paused: bool) -> bool:
    """Whether the board's action ``action`` can be used now."""
    if state.over and action in _PLAYING_ONLY:
        return False
    if action == "pause":
        return not paused
    if action == "resume":
        return paused
    if action in ("skip", "redraw"):
        return state.card is not None
    if action == "undo":
        return state.previous is not None
    return True


#: rounds a key that opens a dialog is followed through before the keys behind it are read at any rate: a dialog takes
#: two (the key's own, then one with nothing changed), one that opens another as it closes four; the bound only keeps a
#: screen that never settles from holding the keyboard
_MOST_ROUNDS = 8


def _through(app: App[object], node: MessagePump | None, then: Callable[[], object]) -> None:
    """``then`` on the app once what ``node`` was given so far has been handled, and what that sent up to its parents
    (a key bubbling to the app's bindings) as well: each parent in turn, to the app; no clock."""
    if node is None or node is app:
        app.call_later(then)
        return
    parent = node.parent if isinstance(node, DOMNode) else None

    def up() -> None:
        _through(app, parent, then)

    if not node.call_later(up):  # closed: nothing more comes from it
        up()


class DialogKeys:
    """The keys read after a key that opens a dialog, held until the dialog is up with its focus, then read in order,
    as if they had been typed once it was. Found from outside (tmux send-keys at 80x24): "i s a n c ↓ Enter" in one
    burst sent the letters to the board (its word guard dropped them) and the inject list took ↓ Enter: the card the
    list had highlighted was injected, not the one typed. Textual hands each key to the widget focused when it reads
    it; the key that opens a dialog acts only once it has come back up to the app's bindings, and the dialog's field
    has focus only once the dialog is mounted: the keys read meanwhile went to the board.

    A screen names the actions of its keys that open a dialog in ``dialog_actions`` (the board's facilitator keys; a
    list whose pick opens the next dialog, ``select``); ``read`` reads a key as the app reads any (the word guard, the
    keyboard layouts, the bindings)."""

    def __init__(self, read: Callable[[events.Key], Awaitable[None]]):
        self._read = read
        self._held: deque[events.Key] = deque()
        self._holding = False

    def holds(self, event: events.Key) -> bool:
        """Whether ``event`` waits behind a key that opens a dialog (then it is kept, and read when its turn comes)."""
        if self._holding or self._held:
            self._held.append(event)
            return True
        return False

    @staticmethod
    def opens_dialog(app: App[object], key: str) -> bool:
        """Whether ``key``, read now, acts on an action of the active screen's that opens a dialog."""
        actions = getattr(app.screen, "dialog_actions", None) if app.screen_stack else None
        if not actions:
            return False
        bound = app.active_bindings.get(key)
        return bound is not None and bound.enabled and bound.binding.action.split("(")[0] in actions

    def hold(self, app: App[object], given: MessagePump) -> None:
        """Hold the keys read from now on until the dialog the key given to ``given`` opens is up, or none came."""
        self._holding = True
        self._follow(app, given, app.screen, _MOST_ROUNDS, first=True)

    def _follow(self, app: App[object], start: MessagePump, top: object, rounds: int, first: bool = False) -> None:
        # a round: what ``start`` holds now is handled, as far as the app. The first round is the key's own; the
        # keys are let go after a round in which the screen on top stayed the same (a list's pick goes on to the
        # next dialog in a round of its own: its message comes after the key)
        def done() -> None:
            now = app.screen if app.screen_stack else None
            if (now is top and not first) or rounds <= 1 or now is None:
                app.call_later(self._let_go)  # after the dialog's focus, set once it was mounted
            else:
                self._follow(app, app.focused or now, now, rounds - 1)

        _through(app, start, done)

    async def _let_go(self) -> None:
        self._holding = False
        while self._held and not self._holding:  # a held key that opens a dialog holds the rest again
            await self._read(self._held.popleft())


__all__ = ["DialogKeys", "key_available"]
