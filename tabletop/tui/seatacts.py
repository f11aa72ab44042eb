"""A seat's acts, sent to the host: a pick (a move asked first, a ruling's reason, an argument or a counter
typed, the strong items marked), the facilitator's powers and the phase timer.

A pick holds the list it was picked from until the host answers
(:meth:`~tabletop.play.clock.PickHold.sent`); a refusal is said in words under the hot seat's title, and an
argument refused opens again with what the team typed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from textual import work

from ..content.literal import literal
from ..engine import Action
from ..lang import Domain, using
from ..seats.client import Disconnected, Refused
from ..seats.protocol import Wire
from . import seatwords as words
from .argument import ArgumentScreen, Entered, draft_key, keep_draft, take_draft
from .modals import HelpScreen, ruling_reason
from .notices import cut_off_words, moved_on
from .seatdialogs import argument_form
from .text import move_details

_, ngettext, N_ = Domain("tui").words()

if TYPE_CHECKING:
    from textual.app import App

    from ..play.clock import PickHold
    from ..seats.client import SeatClient
    from .notices import Refusals

    _App = App[None]
else:
    _App = object  # a plain mixin at run time: the seat's app is the app


class _Screen(Protocol):
    """What the acts need of the seat's screen (:class:`~tabletop.tui.seat.SeatScreen`, which imports this)."""

    @property
    def hold(self) -> PickHold: ...


class SeatActs(_App):
    """What a seat's app sends to the host (:class:`~tabletop.tui.seat.SeatApp` is one)."""

    if TYPE_CHECKING:
        view: Mapping[str, Any] | None
        client: SeatClient | None
        lang: str
        refusals: Refusals
        sent_again: Refusals  # the notice that an act will be sent again, taken back once the host answers it

        @property
        def seat_screen(self) -> _Screen: ...

    #: what the team typed in an argument the host's clock closed, by team, track and move, for its next argument there
    #: (:func:`~.argument.keep_draft`): on this screen only, never sent until the team sends it
    _drafts: dict[Hashable, Any] | None = None

    @property
    def drafts(self) -> dict[Hashable, Any]:
        if self._drafts is None:
            self._drafts = {}
        return self._drafts

    def closing_down(self) -> bool:
        """The screen is closing: an error under it (its widgets gone while a view is drawn or an act answered) is
        no fault; any other error in a worker ends the screen as a crash does."""
        return bool(self._exit) or not self.is_running or self._closing

    def pick(self, entry_id: str) -> None:
        """Send a picked entry; a ruling asks for its reason first."""
        entry = next((e for e in words.entries(self.view or {}) if e["id"] == entry_id), None)
        if entry is None:
            return
        if entry.get("refusal"):
            self.refusals.show(self, entry["refusal"])
            return
        self.refusals.clear(self)  # a refusal still showing was read: it covered the list picked from
        if entry.get("needs") in ("argument", "counter"):
            self.type_argument(entry)
            return
        if entry.get("needs") == "strong":
            self.mark_strong(entry)
            return
        if entry.get("needs") == "reason":
            def reasoned(reason: str | None) -> None:
                if reason:
                    self._act(pick=entry_id, reason=reason)

            action = entry.get("action")
            success = isinstance(action, Mapping) and action.get("success") is True
            self.push_screen(ruling_reason(success), reasoned)  # which ruling it records: the list is under it
            return
        if entry.get("confirm"):  # a move: asked first, as on the hot seat (a stray Enter committed it)
            self.confirm_move(entry)
            return
        self._act(pick=entry_id)

    def confirm_move(self, entry: Mapping[str, Any]) -> None:
        """The move's words (cost, effects; sealed or not), then yes or no; yes sends it."""
        from .modals import ConfirmScreen

        details = move_details(literal(str(entry["confirm"])), self._sealed_moves())

        asked_at = view_seq(self.view or {})
        action = entry.get("action")

        def done(ok: bool | None) -> None:
            if ok and isinstance(action, Mapping) and self._cut_off(action, asked_at):
                return  # a yes from under a dialog over the question, given after the clock passed the team
            if ok:
                self._act(pick=str(entry["id"]))

        question = f"{literal(str(entry['label']))}?"  # untranslated: the entry's words (the host's, in this seat's language)
        actor = _acting_name(self.view or {}, entry)
        if actor:  # the console, acting for a team with no screen: whose move (found from outside: never said)
            question = f"{actor}: {question}"  # untranslated: a name and the entry's words, as the hot seat asks
        dialog = ConfirmScreen(question, details, self.seat_screen.hold.fresh())
        if isinstance(action, Mapping):  # the host's phase timer closes it when it passes the team (close_cut_off)
            dialog.commits = Action.from_dict(action)
        self.push_screen(dialog, done)

    def close_cut_off(self, view: Mapping[str, Any], since: int) -> None:
        """A view has come in which the host's phase timer passed the team (``on_time_up = "pass"``) after the event
        ``since`` (the last view's): a move's question, or an argument, open for that team closes unanswered, and says
        why in the hot seat's words (found from outside: it stayed up on the team's screen, and its yes said only that
        the game had moved on); what was typed in an argument is kept for the team's next one there. The help (F1) over
        it closes first: found from outside, it stayed up over a question that was no longer there."""
        dialog = self.screen
        over = dialog if isinstance(dialog, HelpScreen) and len(self.screen_stack) > 1 else None
        if over is not None:
            dialog = self.screen_stack[-2]
        commits = getattr(dialog, "commits", None)
        if not isinstance(commits, Action) or not self._cut_off(commits.to_dict(), since, view,
                                                                 getattr(dialog, "keep_typed", None)):
            return
        if over is not None:
            over.answer(None)
        dialog.answer(None)  # type: ignore[attr-defined]  # (a dialog: it has commits)

    def _cut_off(self, action: Mapping[str, Any], since: int, view: Mapping[str, Any] | None = None,
                 keep: Callable[[], bool] | None = None) -> bool:
        """Whether the phase timer has passed the team of ``action`` after the event ``since``; if so it is said.
        ``keep``: keeps what the team had typed, and says whether there was anything; the notice says it is kept."""
        view = view if view is not None else (self.view or {})
        actor = action.get("actor")
        if not isinstance(actor, str) or not words.passed_by_clock(view, actor, since):
            return False
        with using(self.lang):
            actor, move, track = words.cut_off_names(view, action)
            said = cut_off_words(actor, move, kept=keep is not None and keep(), track=track)
            self.notify(said, title=_("TIME UP"), severity="warning", timeout=15, markup=False)
        return True

    def _sealed_moves(self) -> bool:
        """Moves are sealed this game (the view's game facts say so)."""
        game = (self.view or {}).get("game")
        return isinstance(game, Mapping) and bool(game.get("sealed_moves"))

    def type_argument(self, entry: Mapping[str, Any], draft: Entered | None = None) -> None:
        """The team types its argument (action, result, reasons) or its counter, as on the hot seat; then it is sent.

        A refused entry (a text past the ruleset's limit, say) opens again with what was typed; an argument the host's
        clock closed (:meth:`close_cut_off`) opens with it the next time, said to be kept from the time-up.
        """
        form = argument_form(entry, self._sealed_moves())
        action = entry.get("action")
        commits = Action.from_dict(action) if isinstance(action, Mapping) else None  # the argument's, or the counter's
        sent = entry.get("form")
        answers = sent.get("answers") if form.counter and isinstance(sent, Mapping) else None  # the argument countered
        key = draft_key(commits, answers if isinstance(answers, int) else None) if commits is not None else None
        kept = take_draft(self.drafts, key, form.results) if key is not None and draft is None else None
        asked_at = view_seq(self.view or {})

        def keep(entered: Entered) -> bool:
            return key is not None and keep_draft(self.drafts, key, entered, form.results)

        def typed(entered: Entered | None) -> None:
            if entered is None or (not form.counter and entered.result is None):
                return  # Escape: nothing is sent
            if isinstance(action, Mapping) and self._cut_off(action, asked_at, keep=lambda: keep(entered)):
                return  # handed in from under the help after the clock passed the team: kept, not sent
            fields: dict[str, Any] = {"text": entered.action}
            if not form.counter:
                fields.update(result=entered.result, reasons=list(entered.reasons))
            self._act(pick=str(entry["id"]), typed=fields, draft=(entry, entered))

        dialog = ArgumentScreen(form, draft or kept, kept=kept is not None, keeper=keep if key is not None else None)
        dialog.commits = commits  # the host's phase timer closes it when it passes the team (close_cut_off)
        self.push_screen(dialog, typed)

    def mark_strong(self, entry: Mapping[str, Any]) -> None:
        """Matrix odds: the console marks the strong reasons and counters, as the hot seat's facilitator does."""
        from .weighing import StrongScreen

        form = entry.get("form") or {}
        items = [literal(str(item)) for item in form.get("items") or ()]
        reasons = form.get("reasons", 0)

        def marked(strong: tuple[int, ...] | None) -> None:
            if strong is not None:
                self._act(pick=str(entry["id"]), typed={"strong": list(strong)})

        self.push_screen(StrongScreen(_("Which are strong?"), items, reasons if isinstance(reasons, int) else 0), marked)

    def send(self, action: Mapping[str, Any]) -> None:
        """Send one of the facilitator's powers as an action."""
        self._act(action=action)

    def time(self, what: str) -> None:
        """The facilitator's ``pause``, ``resume`` or ``extend`` of the phase timer, sent to the host."""
        self._act(clock=what)

    def _act(self, pick: str | None = None, action: Mapping[str, Any] | None = None,
             reason: str | None = None, typed: Mapping[str, Any] | None = None,
             draft: tuple[Mapping[str, Any], Entered] | None = None, clock: str | None = None) -> None:
        """Send an act; a pick holds the list it was picked from until the host answers (a second Enter, pressed
        before the host has redrawn the list, would pick again from a game that has moved on)."""
        if pick is not None and self.client is not None:
            self.seat_screen.hold.sent()
        self._send_act(pick, action, reason, typed, draft, clock)

    @work(group="acts")
    async def _send_act(self, pick: str | None, action: Mapping[str, Any] | None, reason: str | None,
                        typed: Mapping[str, Any] | None, draft: tuple[Mapping[str, Any], Entered] | None,
                        clock: str | None) -> None:
        """Send an act and say the host's refusal or a drop; any other error ends the screen as a crash does (found
        from outside: swallowed, a pick or a power was lost quietly, with no message and no crash log)."""
        try:
            await self._send_and_say(pick, action, reason, typed, draft, clock)
        except Exception:
            if self.closing_down():
                return
            raise

    async def _send_and_say(self, pick: str | None, action: Mapping[str, Any] | None, reason: str | None,
                            typed: Mapping[str, Any] | None, draft: tuple[Mapping[str, Any], Entered] | None,
                            clock: str | None) -> None:
        client = self.client
        if client is None:
            self.notify(_("Not connected to the host yet."), severity="warning", markup=False)
            return
        resent = None
        try:
            await client.act(action, pick=pick, reason=reason, typed=typed, clock=clock)
        except Refused as exc:
            self._refused(exc, pick, draft)
        except Disconnected as exc:
            resent = exc.answer
            self.sent_again.show(self, _("The connection dropped: this will be sent again when the screen reconnects."),
                                 "information", title="", seconds=self.NOTIFICATION_TIMEOUT)
        finally:
            if pick is not None:  # answered, refused, or to be sent again on joining: the list is picked from again
                self.seat_screen.hold.answered()
        if resent is not None:
            # the notice goes with the host's answer (found from outside: it stayed several seconds after it)
            answer = await asyncio.shield(resent)
            self.sent_again.clear(self)
            try:
                client.checked(answer)
            except Refused as exc:
                # said as a first send's refusal is (found from outside: of two moves confirmed while the host was
                # away, both "sent again", the second was refused on reconnecting and the screen said nothing)
                self._refused(exc, pick, draft)

    def _refused(self, exc: Refused, pick: str | None, draft: tuple[Mapping[str, Any], Entered] | None) -> None:
        """Say the host's refusal of an act; an argument refused opens again with what was typed."""
        if exc.code == Wire.STALE:  # no rule refused it: the game had moved on (said quietly, as the hot seat)
            moved_on(self, sent=True)
        elif exc.code == Wire.SAVE_FAILED:  # the disk refused it, not a rule: the hot seat's title for that
            self.refusals.show(self, exc.message, title=_("Not saved: the action was not taken"), seconds=30)
        else:  # the host's words under the hot seat's title ("Not allowed"), not its code (READ_ONLY)
            self.refusals.show(self, exc.message)
        still = draft is not None and any(e["id"] == pick for e in words.entries(self.view or {}))
        if draft is not None and still:
            self.type_argument(*draft)  # nothing the team typed is lost


def view_seq(view: Mapping[str, Any]) -> int:
    """The view's game's event number (-1: none yet)."""
    game = view.get("game")
    seq = game.get("seq") if isinstance(game, Mapping) else None
    return seq if isinstance(seq, int) else -1


def _acting_name(view: Mapping[str, Any], entry: Mapping[str, Any]) -> str:
    """The team a facilitator's console makes a move for, by name (a team's own screen: "")."""
    if view.get("role") != "facilitator":
        return ""
    action = entry.get("action")
    actor = action.get("actor") if isinstance(action, Mapping) else None
    names = words.actor_names(view)  # an actor the view names with no name: its id
    return (names[actor] or literal(actor)) if isinstance(actor, str) and actor in names else ""
