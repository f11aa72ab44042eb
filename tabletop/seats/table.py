"""The table the host keeps: one game, its seats, and every act checked and saved.

No sockets here: :class:`Table` takes a seat's checked ``act`` message and
answers it (``ack`` or ``refused``), runs the bots' turns after it, and
composes each seat's view. The host (:mod:`.host`) carries the messages; a
test or a fuzzer drives a Table directly.

An act is answered once: the answer is kept by (seat, client, client_seq),
and the same act sent again (a client reconnecting) gets the same answer
without being done twice. An act is done only if the seat may do it
(:func:`.checks.check_seat`), the engine allows it, and the save has it
fsynced (:meth:`Session.apply`): only then is it acknowledged.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..engine import Action, Code, RuleViolation, State
from ..lang import SOURCE, Domain, using
from ..play.arguing import argued, countering
from ..play.cardhold import CardHold
from ..play.clock import TAKEN_PAUSED, Now, wall_clock
from ..play.commitments import table_seals
from ..play.session import HUMAN, Session
from ..play.timing import GameClock
from .checks import check_seat, role_name, seat_name
from .protocol import Wire, message
from ..engine.lookups import seen
from .views import Entry, Seat, TableFacts, actions_since, entry_id_at, seat_entries, seat_view, secrets
from ..content.oswords import system_words
from ..store.players import team_names

_, ngettext, N_ = Domain("seats").words()

#: answers kept per seat for acts sent again (a client resends only what it has not seen answered)
ANSWERS_KEPT = 512
#: a bound on the bots' turns after one act (a game ends long before; a guard, not a rule)
BOT_TURNS = 100_000
#: observer seats a host makes at most. A workshop's projector room has a handful of observer screens; each
#: seat is a join code printed at the start and kept beside the save, and a view worked out on every change
#: while it is connected: 50 is ten times a large room, and a list of codes a facilitator can still read out
MOST_OBSERVERS = 50


def seats_for(session: Session, observers: int = 2) -> list[Seat]:
    """The seats of a game: the facilitator, each human team, the projector, ``observers`` observers.

    ``host --observers`` is at most :data:`MOST_OBSERVERS` (its parser refuses more)."""
    from ..engine.wording import names

    n = names(session.state)
    out = [Seat("facilitator", "facilitator", name=seat_name("facilitator", n))]
    out += [Seat(f"team:{a}", "team", a, seat_name(f"team:{a}", n)) for a, kind in session.seats.items() if kind == HUMAN]
    out.append(Seat("projector", "projector", name=seat_name("projector", n)))
    out += [Seat(f"observer:{i}", "observer", name=seat_name(f"observer:{i}", n)) for i in range(1, observers + 1)]
    return out


class Table:
    """One game held by a host: the session (the only writer of the save), its seats, the bots."""

    def __init__(self, session: Session, seats: Iterable[Seat], now: Now = wall_clock):
        self.session = session
        #: the phase timer, saved beside each event; the facilitator pauses it and adds time. A new game's waits
        #: for the facilitator's console (found from outside: the first phase was up, and the workshop clock had
        #: counted the minutes spent handing out codes, before anyone could play)
        self.clock = GameClock(session, now, waiting=session.state.seq == 0)
        self.seats = {seat.id: seat for seat in seats}
        self.hold = CardHold()  # a bot answers a card only once the facilitator has let it (as on the board)
        self.connected: set[str] = set()
        self._answers: dict[str, OrderedDict[tuple[str, int], dict[str, Any]]] = {s: OrderedDict() for s in self.seats}
        self._header: dict[str, Any] | None = None
        self._teams: dict[str, str] | None = None
        #: why the last write of the save failed (the disk full...), until one succeeds: the facilitator is told
        self.save_failed: str | None = None
        #: and the error's number with the save's folder (what to do, in each seat's language)
        self.save_where: tuple[int | None, str] | None = None
        #: the save's name lost its file during the game (deleted, written over) and the save was written again,
        #: whole: (the name it had, where it is now, the command that resumes it), for the facilitator's prompt
        self.saved_again: tuple[str, str, str] | None = None
        #: told at once when that happens (the host writes the join codes beside it and says so): the name it had
        self.on_saved_again: Callable[[Path], None] | None = None
        #: the chain head at the last round's end this host saw (round, head), kept in view until the next one's
        self._round_head: tuple[int, dict[str, Any]] | None = None

    # -- what the seats see ------------------------------------------------

    def facts(self) -> TableFacts:
        bots = {a: p for a, p in self.session.seats.items() if p != HUMAN}
        return TableFacts(bots, self.hold.held(self.session.state), tuple(sorted(self.connected)), self.save_failed,
                          self.clock.paused, self.teams, self.saved_again, self.save_where)

    def views_for(self, wanted: Iterable[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
        """The views of these (seat, language) pairs now, each in its language (the secrets worked out once for all)."""
        state, facts = self.session.state, self.facts()
        known = secrets(state)
        seals, clock = self.seals(), self.clock.facts()
        out = {}
        for sid, lang in wanted:
            with using(lang):
                view = seat_view(seen(state, lang), self.seats[sid], facts, known)
            out[sid, lang] = {**view, "seals": seals, "clock": clock, "lang": lang}
        return out

    def view(self, seat_id: str, actions_from: int | None = None, lang: str = SOURCE) -> dict[str, Any]:
        """One seat's view in ``lang``; a facilitator's with the actions from ``actions_from`` on."""
        seat = self.seats[seat_id]
        view = self.views_for([(seat_id, lang)])[seat_id, lang]
        return self.with_actions(view, seat, actions_from)

    def seals(self) -> dict[str, Any]:
        """What every seat may see of the sealed moves (commitments, reveals) and the chain head: the save's at a
        round's end, then that one until the next round's end (found from outside: it went from the projector as the
        next round began, so a facilitator who stepped on before noting it could not see it again)."""
        session = self.session
        out = table_seals(session.state, session.writer.seals, session.save_head)
        round_ = session.state.round
        if "head" in out:
            self._round_head = (round_, out["head"])
        elif self._round_head is not None and self._round_head[0] < round_:
            # that round is over: its last head is the one to note (found from outside, helper-183: shown to note
            # as the review began, it moved on with an override and an undo, and the head noted was not the round's)
            out["head"] = {k: v for k, v in self._round_head[1].items() if k != "so_far"}
        return out

    def with_actions(self, view: dict[str, Any], seat: Seat, actions_from: int | None) -> dict[str, Any]:
        """``view`` with the facilitator's replica feed from ``actions_from`` on (other seats: as it is)."""
        if seat.role != "facilitator" or actions_from is None:
            return view
        return {**view, "actions_from": actions_from, "actions": actions_since(self.session.state, actions_from)}

    @property
    def teams(self) -> dict[str, str]:
        """Actor id -> the name its team was given, as the save's header records it (typed, kept as typed)."""
        if self._teams is None:
            self._teams = team_names(self.header(), [a.id for a in self.session.state.ruleset.actors])
        return self._teams

    def header(self) -> dict[str, Any]:
        """The save's header (the scenario embedded, the seed): the facilitator's replica starts from it."""
        if self._header is None:
            with open(self.session.save_path, "rb") as handle:
                self._header = json.loads(handle.readline())
        return self._header

    # -- acting ------------------------------------------------------------

    def act(self, seat_id: str, client: str, msg: dict[str, Any], read_only: bool = False,
            lang: str = SOURCE) -> dict[str, Any]:
        """Answer a checked ``act`` message of ``seat_id`` (its connection's ``client`` id): ack or refused.

        ``lang``: the language the seat reads; its entries are the ones its view listed, and a refusal
        is said in it. The save is the same whatever the language.
        """
        seq = msg["client_seq"]
        kept = self._answers[seat_id]
        key = (client, seq)
        if key in kept:
            return kept[key]  # sent again: the same answer, nothing done twice
        with using(lang):
            answer = self._answer(self.seats[seat_id], msg, read_only, lang)
        kept[key] = answer
        while len(kept) > ANSWERS_KEPT:
            kept.popitem(last=False)
        return answer

    def _answer(self, seat: Seat, msg: dict[str, Any], read_only: bool, lang: str = SOURCE) -> dict[str, Any]:
        seq = msg["client_seq"]
        if read_only or not seat.acts:
            why = (_("another connection took this seat: this one only watches") if read_only
                   else _("the {role} only watches the game").format(role=role_name(seat.role)))
            return message("refused", client_seq=seq, code=Wire.READ_ONLY, message=why)
        state = self.session.state
        try:
            if msg.get("clock") is not None:
                return self._time(seat, msg)
            action = self._action(seat, msg, lang)
            if self.clock.paused and not (action is not None and action.kind in TAKEN_PAUSED
                                          and seat.role == "facilitator"):
                raise _Refusal(Wire.PAUSED, _("The game is paused: press p to resume it.") if seat.role == "facilitator"
                               else _("The game is paused: the facilitator resumes it."))
        except _Refusal as refusal:
            return message("refused", client_seq=seq, code=refusal.code, message=refusal.message)
        except _Done as done:
            return message("ack", client_seq=seq, index=done.index)
        if action is None:  # the facilitator lets a bot answer the card
            self.hold.release(state)
        else:
            for_team = self._entered_for(seat, action)
            try:
                check_seat(state, seat, action)
                self._apply(action)
            except RuleViolation as exc:
                return message("refused", client_seq=seq, code=exc.code, message=exc.message)
            except OSError as exc:
                return message("refused", client_seq=seq, code=Wire.SAVE_FAILED, message=_save_failed(seat, exc, self.session.save_path.parent))
            index = self.session.state.seq  # the act's event (found in review: the ack named the note after it)
            if for_team is not None:
                self._note_entered(for_team)
            if action.kind == "undo":
                self.hold.reset()  # a card back on the table is read out again before a bot answers
                if self.session.undid_a_bot():  # the bots wait, as on the hot seat, or the bot would play again
                    self.clock.pause(True)
        if action is None:
            index = self.session.state.seq
        self.clock.follow(self.session.state)
        self.play_bots()
        return message("ack", client_seq=seq, index=index)

    def _entered_for(self, seat: Seat, action: Action) -> str | None:
        """The team whose decision the facilitator's console enters, the team having no screen connected (None when
        the console acts as itself, or for a bot)."""
        team = action.actor
        if seat.role != "facilitator" or team is None or team not in self.session.state.scenario.index.actors:
            return None
        if self.session.is_bot(team) or f"team:{team}" in self.connected:
            return None
        return team

    def _note_entered(self, team: str) -> None:
        """A note on the event just made: the facilitator entered it for ``team`` (found from outside: a vote entered
        from the console while Russia's laptop was frozen was saved, replayed and reported as Russia's own). A
        note the disk refuses is left out: the decision itself is saved."""
        state = self.session.state
        # a record each reader words in its language (found from outside, helper-318: text in the console's, read
        # by every seat as typed and marked "(ru)")
        try:
            self._apply(Action("note", about=state.seq, entered=team))
        except (RuleViolation, OSError):
            pass

    def _time(self, seat: Seat, msg: dict[str, Any]) -> dict[str, Any]:
        """The facilitator pauses, resumes or adds time, as on the hot seat (saved with the next event)."""
        what = msg["clock"]
        if seat.role != "facilitator":
            raise _Refusal(Code.NOT_YOUR_SEAT, {"extend": _("Only the facilitator can give more time."),
                                                "pause": _("Only the facilitator can pause the game.")}.get(
                what, _("Only the facilitator can resume the game.")))
        if self.session.state.over:
            raise _Refusal(Code.GAME_OVER, _("The game is over."))
        if what == "extend":
            self.clock.extend()
        else:
            self.clock.pause(what == "pause")
            if what == "resume":
                self.play_bots()  # the bots waited too
        return message("ack", client_seq=msg["client_seq"], index=self.session.state.seq)

    def _action(self, seat: Seat, msg: dict[str, Any], lang: str = SOURCE) -> Action | None:
        """The action an act asks for (None: release the card); raises :class:`_Refusal`."""
        state = self.session.state
        at = msg.get("at")
        pick = msg.get("pick")
        if pick is not None:
            head = pick.partition("-")[0]
            if not (head.isascii() and head.isdigit()):  # no list's entry (found from outside: "none" was told STALE)
                raise _Refusal(Wire.NO_SUCH_ENTRY, _("That is not a choice of this seat now."))
            if head != str(state.seq):
                done = _done_already(state, seat, pick, int(head))
                if done is not None:
                    raise _Done(done)
                raise _Refusal(Wire.STALE, _("The game has moved on since that choice was shown: choose again."))
            entry = _find(seat_entries(seen(state, lang), seat, self.facts()), pick)  # as the seat's view listed them
            if entry is None:
                raise _Refusal(Wire.NO_SUCH_ENTRY, _("That is not a choice of this seat now."))
            if entry.refusal is not None:
                raise _Refusal(Wire.NO_SUCH_ENTRY, entry.refusal)
            return _typed(entry, msg)
        if at is not None and at != state.seq:
            raise _Refusal(Wire.STALE, _("The game has moved on since that view: look again."))
        try:
            action = Action.from_dict(msg["action"])
        except (TypeError, ValueError) as exc:
            raise _Refusal(Code.INVALID_ACTION, _("not an action: {why}").format(why=exc)) from exc
        if action.outcome is not None:
            raise _Refusal(Code.INVALID_ACTION, _("The host's dice and deck decide an outcome, not a seat."))
        if action.time_up is not None:  # only the host's phase timer passes a team for want of time
            raise _Refusal(Code.INVALID_ACTION, _("not an action: {why}").format(
                # untranslated: a wire action no client of ours sends, for developers
                why="time_up is set by the host's phase timer, not by a seat"))
        if action.entered is not None:  # only the host notes a decision it entered for a team with no screen
            raise _Refusal(Code.INVALID_ACTION, _("not an action: {why}").format(
                # untranslated: a wire action no client of ours sends, for developers
                why="entered is set by the host on its own note, not by a seat"))
        return action

    def pass_if_out_of_time(self) -> bool:
        """With ``on_time_up = "pass"``: the human team whose move the moves phase waits on passes once time is up,
        as does a team adjudication waits on for a counter-argument (its "no counter": ``Session.time_up_pass``).

        As on the hot seat (tui/timekeeper.py): bots play on, a paused clock waits, and
        the facilitator's + gives more time instead. True when a team was passed.
        """
        session = self.session
        state = session.state
        if (session.timers.on_time_up != "pass" or state.over or state.phase not in ("moves", "adjudication")
                or self.clock.paused or not self.clock.clock.time_up()):
            return False
        action = session.time_up_pass()
        if action is None:
            return False
        try:
            self._apply(action)
        except OSError:
            return False  # the disk refused: the next tick tries again, nothing is lost
        self.clock.follow(session.state)
        return True

    def play_bots(self) -> int:
        """The bots' turns, until a human seat or the facilitator is to act; how many were played."""
        played = 0
        while played < BOT_TURNS and not self.session.state.over and not self.clock.paused:
            if self.hold.held(self.session.state):
                break  # the facilitator reads the card out first
            action = self.session.bot_action()
            if action is None:
                break
            try:
                self._apply(action)
            except OSError:
                break  # the disk refused: the bot tries again on the next tick, nothing is lost
            self.clock.follow(self.session.state)
            played += 1
        return played

    def _apply(self, action: Action) -> None:
        """``session.apply``, remembering whether the save could be written (the facilitator's prompt says so)."""
        try:
            self.session.apply(action)
        except OSError as exc:
            self.save_failed = system_words(exc)
            self.save_where = (exc.errno, str(self.session.save_path.parent))
            raise
        self.save_failed = self.save_where = None
        writer = self.session.writer
        before, writer.relinked_from = writer.relinked_from, None  # taken once, as the hot seat's board does
        if before is not None and self.on_saved_again is not None:
            self.on_saved_again(before)


def _save_failed(seat: Seat, exc: OSError, folder: Path) -> str:
    """Why an act was not done when the disk refused it, and what to do, as the hot seat's notice says: the
    facilitator what to do and where (found from outside: a console's notice said only "nothing was done", and the
    prompt that said what to do was cut to its first lines at 80x24); a team, that the facilitator sees to it."""
    from ..store.errors import disk_advice

    if seat.role == "facilitator":
        return _("the save could not be written ({why}): nothing was done. {advice}, on the machine that hosts the "
                 "game, then do it again.").format(why=system_words(exc),
                                                    advice=disk_advice(exc.errno, folder))
    return _("the save could not be written ({why}): nothing was done. The facilitator is told what to do; do it "
             "again once the game goes on.").format(why=system_words(exc))


class _Done(Exception):
    """The pick sent was done already: the event ``index`` is it."""

    def __init__(self, index: int):
        super().__init__(index)
        self.index = index


#: how far back a pick sent again is looked for among the events done (a host restarted under it)
_DONE_LOOKBACK = 64


def _done_already(state: State, seat: Seat, pick: str, at: int) -> int | None:
    """The event that did ``pick``, listed at event ``at``, if it is the one right after it and this seat's (found
    from outside: a pick saved just before the host was killed was sent again to the restarted host, which had
    forgotten its answer, and refused STALE: "Not taken", of a move the save held)."""
    behind = state.seq - at
    if not 1 <= behind <= _DONE_LOOKBACK:
        return None
    done = state.recent(behind)
    event = done[0]
    if event.seq != at + 1 or entry_id_at(at, event.action) != pick:
        return None
    # whose it was: a team's own, or the facilitator's (its own powers, or a team's decision it entered, noted so);
    # the same pick from the other is not answered as done (found in review)
    entered = len(done) > 1 and done[1].action.kind == "note" and done[1].action.about == event.seq
    by_facilitator = event.action.actor is None or entered
    mine = by_facilitator if seat.role == "facilitator" else event.action.actor == seat.actor and not entered
    return event.seq if mine else None


class _Refusal(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _typed(entry: Entry, msg: dict[str, Any]) -> Action | None:
    """The entry's action with what the seat typed: a ruling's reason, an argument's or a counter's texts.

    The texts go to the engine as typed; it checks them against the ruleset's limits (``TEXT_TOO_LONG``).
    """
    action = entry.action
    if action is None or entry.needs is None:
        return action
    if entry.needs == "reason":
        reason = (msg.get("reason") or "").strip()
        if not reason:
            raise _Refusal(Code.REASON_REQUIRED, _("A ruling needs a reason for the record."))
        return Action(**{**action.to_dict(), "reason": reason})
    if entry.needs == "strong":
        # the item numbers as marked; the engine refuses one past the argument's reasons and counters
        return Action(**{**action.to_dict(), "strong": tuple(sorted(set(msg.get("strong") or ())))})
    text = msg.get("text")
    if not isinstance(text, str) or not text.strip():
        said = _("Type the counter-argument.") if entry.needs == "counter" else _("Type the action: what your team does.")
        raise _Refusal(Code.INVALID_ACTION, said)
    if entry.needs == "counter":
        return countering(action, text)
    result = msg.get("result", 0)
    if not isinstance(result, int) or not 0 <= result < len(entry.templates):
        raise _Refusal(Code.NOT_ARGUABLE, _("Choose one of the results this argument may ask for."))
    template = entry.templates[result]
    return argued(template, template.wanted or {}, text, tuple(msg.get("reasons") or ()))


def _find(entries: list[Entry], pick: str) -> Entry | None:
    return next((e for e in entries if e.id == pick), None)


__all__ = ["ANSWERS_KEPT", "Table", "seats_for"]
