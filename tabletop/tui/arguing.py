"""The board's steps of a matrix argument: entering an argument or a counter, marking strong items.

Each step opens its dialog, then acts through the board (``act``), so the
save and the redraw go the one way every action goes. What the engine
refuses is said in its words and the dialog opens again with what was
typed: nothing a team typed is lost. Imported by the board only when a
team first argues.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from textual.app import App

from ..engine import Action, legal_actions
from ..engine.lookups import seen
from ..engine.wording import move_words
from ..lang import Domain
from ..play.arguing import argue_entry, argued, argument_spans, counter_entry, countering, strong_items
from ..play.picks import Argue, Counter, MarkStrong, Styled
from ..play.session import Session
from .argument import ArgumentForm, ArgumentScreen, Entered, draft_key, keep_draft, take_draft
from .decisionlist import rich_text
from .text import move_details, names
from .timekeeper import Timekeeper
from .weighing import StrongScreen

_, ngettext, N_ = Domain("tui").words()


class Table(Protocol):
    """What a step needs of the board: the game, the app to open a dialog on, ``act``, and its phase timer."""

    session: Session
    timekeeper: Timekeeper  # a team's argument sent after the phase's time was up is not made

    @property
    def app(self) -> App[Any]: ...

    def act(self, action: Action) -> bool: ...


def step(board: Table, pick: Argue | Counter | MarkStrong) -> Callable[[], None]:
    """What picking an argument's entry does on the board."""
    if isinstance(pick, Argue):
        return lambda: enter_argument(board, pick.options)
    if isinstance(pick, Counter):
        return lambda: enter_counter(board, pick.action)
    return lambda: mark_strong(board, pick.track)


def enter_argument(board: Table, options: tuple[Action, ...], draft: Entered | None = None) -> None:
    """The team types its argument; the engine's ready-made one for the chosen result carries it."""
    state = seen(board.session.state)  # its words name things as the room reads them
    entry = argue_entry(state, options)
    sealed = state.ruleset.ruleset.sealed_moves
    # what it costs and how it is judged, as the move's question says it (found from outside: the dialog said
    # nothing of either, and sending it took the team's capital)
    about = move_details(move_words(state.scenario.index.moves[options[0].move or ""], names(state), sealed), sealed)
    form = ArgumentForm(entry.title, entry.results, entry.text_limit, entry.reason_limit, entry.reasons,
                        about=about, examples=entry.examples)
    # what the team typed here before the clock closed the dialog over it comes back (found from outside: a room
    # lost three minutes of careful wording to the time-up)
    drafts, key = board.timekeeper.drafts, draft_key(options[0])
    kept = take_draft(drafts, key, form.results) if draft is None else None

    def keep(entered: Entered) -> bool:
        return keep_draft(drafts, key, entered, form.results)

    def done(entered: Entered | None) -> None:
        if entered is None or entered.result is None or board.timekeeper.cut_off(options[0], lambda: keep(entered)):
            return  # (sent after the phase's time was up: not made, and what was typed kept)
        chosen = entered.result
        action = argued(options[chosen], entry.wanted[chosen], entered.action, entered.reasons)
        if not board.act(action) and _still_waits_on(board, options[0]):
            enter_argument(board, options, entered)

    dialog = ArgumentScreen(form, draft or kept, kept=kept is not None, keeper=keep)
    dialog.commits = options[0]  # the phase timer closes it when it passes the team
    board.app.push_screen(dialog, done)


def enter_counter(board: Table, template: Action, draft: Entered | None = None) -> None:
    """The team types its counter to the argument being weighed."""
    state = seen(board.session.state)  # its words name things as the room reads them
    entry = counter_entry(state, template)
    about = rich_text(Styled(argument_spans(state, state.queue[0], sealed=state.queue[0].sealed)))
    about.rstrip()
    form = ArgumentForm(entry.title, (), entry.text_limit, entry.reason_limit, 0, about=about,
                        examples=entry.examples)
    # what the team typed before the clock passed it comes back, as an argument's does (found from outside: a counter
    # stayed open past the time-up, its text with no draft)
    drafts, key = board.timekeeper.drafts, draft_key(template, state.queue[0].seq)  # for this argument only
    kept = take_draft(drafts, key, ()) if draft is None else None

    def keep(entered: Entered) -> bool:
        return keep_draft(drafts, key, entered, ())

    def done(entered: Entered | None) -> None:
        if entered is None or board.timekeeper.cut_off(template, lambda: keep(entered)):
            return  # (sent after the clock passed the team: not made, and what was typed kept)
        if not board.act(countering(template, entered.action)) and _still_waits_on(board, template):
            enter_counter(board, template, entered)

    dialog = ArgumentScreen(form, draft or kept, kept=kept is not None, keeper=keep)
    dialog.commits = template  # the phase timer closes it when it passes the team
    board.app.push_screen(dialog, done)


def _still_waits_on(board: Table, template: Action) -> bool:
    """The game still waits on this team for this step: a refused entry opens again, with what was typed.

    Not when the step has gone meanwhile (the phase timer ran out and passed the team): the
    refusal was said, and the team's turn is over."""
    options = legal_actions(board.session.state)
    return bool(options) and options[0].actor == template.actor and options[0].kind == template.kind


def mark_strong(board: Table, track: str | None) -> None:
    """The facilitator marks the strong reasons and counters; the engine works the odds out from them."""
    state = seen(board.session.state)  # a stock text (a bot's) in the room's words
    head = state.queue[0]
    argument = head.argument
    assert argument is not None

    def done(strong: tuple[int, ...] | None) -> None:
        if strong is not None:
            board.act(Action("odds", track=track, strong=strong))

    board.app.push_screen(StrongScreen(_("Which are strong?"), strong_items(head, state), len(argument.reasons)), done)


__all__ = ["enter_argument", "enter_counter", "mark_strong", "step"]
