"""A game being played in a room: the engine state, its save, and who is a bot.

The play screen is a thin view over a Session; tests drive the same Session
headless. Every action goes through :meth:`Session.apply`, which returns only
once the event is fsynced to the save.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..content import Scenario
from ..content.fields import dump
from ..content.timers import Timers, timers_from_data
from ..engine import Action, State, apply, legal_actions, new_game
from ..engine.actions import Event
from ..engine.legal import lapsing
from ..engine.powers import refuse_new
from ..engine.review import undone_event
from ..lang import SOURCE, current
from ..store import SaveWriter, default_save_path

HUMAN = "human"


def typed_in(action: Action, lang: str) -> Action:
    """``action`` with the language of its free text, if it has any and names none yet: the text's own where its
    letters say it (:func:`written_in`), else ``lang``, the screen's."""
    if action.lang is None and (action.text or action.reason or action.reasons):
        typed = " ".join([action.text or "", action.reason or "", *(action.reasons or ())])
        return replace(action, lang=written_in(typed, lang))
    return action


#: letters only Ukrainian has, and only Russian (of the two): a text with one of them is in that language
_UKRAINIAN, _RUSSIAN = frozenset("іїєґ"), frozenset("ыэёъ")
#: short words of one language only (of the two), common in a line typed at a table
_UKRAINIAN_WORDS = frozenset("та що це ми ви як й з але або якщо коли вони його треба щоб буде можемо хочемо також "
                             "лише тобто".split())  # untranslated: Ukrainian words, read in typed text
_RUSSIAN_WORDS = frozenset("и что как с от но или если когда они его нужно потому нет еще будет можем хотим имеем "
                           "также только есть да".split())  # untranslated: Russian words, read in typed text
#: word endings of one language only: Russian «-ие/-ия/-ии/-ию/-ией» and «-тся» (Ukrainian «-іє/-ія/-ії/-ію»,
#: «-ться»), Ukrainian «-ння/-ття» (Russian «-ние/-тие»)
_RUSSIAN_ENDINGS = ("ие", "ия", "ии", "ию", "ией", "тся")  # untranslated: Russian spelling
_UKRAINIAN_ENDINGS = ("ння", "ття", "нню", "ттю", "нням", "ттям")  # untranslated: Ukrainian spelling
#: an apostrophe between two Cyrillic letters («м'який», «п'ять»): Ukrainian spelling
_APOSTROPHE = re.compile("[\u0400-\u04ff]['\u2019\u02bc][\u0400-\u04ff]")


def written_in(text: str, screen: str) -> str | None:
    """Russian or Ukrainian for a text in Cyrillic, as far as its letters and words tell; else ``screen``, the
    language of the screen it was typed on, if it speaks one of the two; else None: Cyrillic that tells neither,
    typed on a screen of another language, is shown as typed and marked in no language (found from outside: a
    Ukrainian reason, «Посередництво прийнято», typed on an English console was marked "(ru)" on every screen and
    in the report). Found from outside before: a room of Russian and Ukrainian speakers types on one screen, in
    either language, whichever the screen speaks; and a Ukrainian line with none of «іїєґ» in it («Ми хочемо миру
    та безпеки») was taken for Russian by its length."""
    lowered = text.lower()
    cyrillic = [c for c in lowered if "\u0400" <= c <= "\u04ff"]
    if not cyrillic:  # Latin letters (a name, a term, a phrase) or none: the session's language, as it was
        return screen
    # each letter of one language only, each apostrophe inside a word (Ukrainian), each word or ending of one
    # language only counts once: the larger count tells (found from outside: «Даже Київ это признаёт», Russian
    # quoting a Ukrainian place name, was Ukrainian by its one ї)
    words = "".join(c if c.isalpha() else " " for c in lowered).split()
    uk = (sum(c in _UKRAINIAN for c in cyrillic) + len(_APOSTROPHE.findall(lowered))
          + sum(w in _UKRAINIAN_WORDS or w.endswith(_UKRAINIAN_ENDINGS) for w in words))
    ru = sum(c in _RUSSIAN for c in cyrillic) + sum(w in _RUSSIAN_WORDS or w.endswith(_RUSSIAN_ENDINGS) for w in words)
    if uk != ru:
        return "uk" if uk > ru else "ru"
    return screen if screen in ("ru", "uk") else None


DEFAULT_SAVE_DIR = Path("saves")


def _undone_last(state: State) -> Event | None:
    """The event the last one undid, if the last one is an undo."""
    return undone_event(state, state.last) if state.last is not None else None


def with_sealed(scenario: Scenario, sealed: bool) -> Scenario:
    """The scenario with sealed moves switched on or off (a start-screen choice)."""
    return scenario.with_options(sealed_moves=sealed)


def _seats(actor_ids: list[str], asked: Mapping[str, str] | None) -> dict[str, str]:
    """Every actor's seat: the bot policy asked for where it exists, else a human team."""
    seats = dict.fromkeys(actor_ids, HUMAN)
    if asked:
        from ..sim.bots import POLICIES  # the bots are imported only when one may sit at the table

        for actor, seat in asked.items():
            if actor in seats and (seat == HUMAN or seat in POLICIES):
                seats[actor] = seat
    return seats


def _teams(seats: Mapping[str, str], asked: Mapping[str, str] | None) -> dict[str, str]:
    """The names of the human teams: cleaned, empty ones and bot seats left out."""
    if not asked:
        return {}  # the command line's start names no teams: the team-name rules are not imported
    from ..store.players import clean_team_name

    out = {}
    for actor, name in (asked or {}).items():
        if seats.get(actor) == HUMAN and (clean := clean_team_name(name)):
            out[actor] = clean
    return out



def acting_in(state: State, listed: Callable[[State], Sequence[Action]] = legal_actions) -> str | None:
    """The actor ``state`` waits on (None: the facilitator or the game itself), for the hot seat and the console's
    board alike. A move whose track has closed is the facilitator's to set aside, whoever would vote on it: no bot
    acts on it, no team is called (found in review: the console's board marked the team that would have voted)."""
    if state.phase == "moves" and state.turn is not None and state.card is None and not state.over:
        return state.turn  # a team's turn (its pass is always legal): no need to list every move
    if lapsing(state) is not None:
        return None
    options = listed(state)
    return options[0].actor if options else None

class Session:
    """One game in progress, saved as it is played."""

    def __init__(self, state: State, writer: SaveWriter, seats: dict[str, str],
                 messages: list[str] | None = None):
        self.state = state
        self.writer = writer
        self.seats = seats  # actor id -> "human" or a bot policy
        #: actor id -> the name the room gave a human team (the save's header), as typed: the log calls it so
        self.teams: Mapping[str, str] = {}
        self.messages: list[str] = messages if messages is not None else []
        #: the phase timers in effect: the ruleset's, unless ``resume --timer`` changed them
        self.timers: Timers = state.scenario.ruleset.ruleset.timers
        #: the clock reading saved with the last event of a resumed game (None: a new game)
        self.last_clock: dict[str, Any] | None = None
        #: when the last event of a resumed game was saved (the save's UTC time; None: a new game)
        self.last_time: str | None = None
        #: a resumed game whose record changed course (a damaged save continued in a recovered copy): the events it
        #: went back to; the screens of the game played before were shown more (see ``store.recovery.Resumed``)
        self.rewound: int | None = None
        #: with ``rewound``: the lines of the damaged save not in the game (0: a cut last line, never shown)
        self.lost = 0
        #: a resumed game's save was damaged: its ``messages`` say what was repaired (False: whole, perhaps continued in
        #: a copy of the current format)
        self.damaged = False
        #: set by the play screen: the clock's reading after an event, saved beside it
        self.clock_reading: Callable[[State], dict[str, Any]] | None = None

    # -- starting ----------------------------------------------------------

    @classmethod
    def start(
        cls,
        scenario: Scenario,
        seed: int,
        save_path: str | Path | None = None,
        seats: Mapping[str, str] | None = None,
        save_dir: str | Path = DEFAULT_SAVE_DIR,
        teams: Mapping[str, str] | None = None,
        exact: bool | None = None,
    ) -> Session:
        """A new game and its save; ``teams`` names the human teams (actor id -> name), recorded in the header.

        ``exact``: ``save_path`` is a name the room typed, refused if taken; False: a name tabletop chose, which
        gives way to the next free ``-2``, ``-3``... if another start took it meanwhile. Default: exact when
        ``save_path`` is given, and the automatic name in ``save_dir`` is not."""
        seats_full = _seats([a.id for a in scenario.ruleset.actors], seats)
        path = Path(save_path) if save_path else default_save_path(save_dir, scenario.id)
        exact = bool(save_path) if exact is None else exact
        extra: dict[str, object] = {"seats": seats_full}
        named = _teams(seats_full, teams)
        if named:
            extra["teams"] = named
        writer = SaveWriter.create(path, scenario, seed, extra=extra, exact=exact)
        session = cls(new_game(scenario, seed), writer, seats_full)
        session.teams = named
        return session

    @classmethod
    def resume(cls, path: str | Path) -> Session:
        from ..store.recovery import resume

        resumed = resume(path)
        seats = resumed.save.header.get("seats")
        actor_ids = [a.id for a in resumed.save.scenario.ruleset.actors]
        clean = _seats(actor_ids, seats if isinstance(seats, dict) else None)
        session = cls(resumed.state, resumed.writer, clean, list(resumed.messages))
        session.rewound, session.lost, session.damaged = resumed.rewound, resumed.lost, resumed.damaged
        if resumed.save.header.get("teams"):  # (the team-name rules are imported only for a game that named teams)
            from ..store.players import team_names

            session.teams = team_names(resumed.save.header, actor_ids)
        session.last_clock = resumed.save.events[-1].clock if resumed.save.events else None
        session.last_time = resumed.save.events[-1].time if resumed.save.events else None
        if session.last_clock is not None:
            session.timers = timers_from_data(session.last_clock.get("timers")) or session.timers
        return session

    # -- playing -----------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self.state.scenario

    @property
    def save_path(self) -> Path:
        return self.writer.path

    @property
    def save_head(self) -> tuple[int, str]:
        """(events written, the chain hash of the last line): the save's head, to note at the end."""
        return self.writer.seq, self.writer.chain

    def apply(self, action: Action) -> State:
        """Apply an action and write it to the save; raises RuleViolation if illegal.

        Free text (a note, a reason, an argument) is recorded with the language it was typed in:
        the language of the moment, unless the action already names one (a seat's own). A rule newer than saves
        that may have broken it is held here, not in ``apply``, which replays them (``refuse_new``)."""
        refuse_new(self.state, action)
        new = apply(self.state, typed_in(action, current()))
        self.writer.append(new, self._clock_record(new))
        self.state = new
        return new

    def _clock_record(self, state: State) -> dict[str, Any] | None:
        """The clock to save with the event that made ``state`` (None without a play screen)."""
        if self.clock_reading is None:
            return None
        record = self.clock_reading(state)
        if self._undoes_a_bot(state) and not record.get("paused"):
            # the board and the host pause as this undo is taken: the line says so, or a resume came up running
            record = {**record, "paused": True}
        if self.timers != self.scenario.ruleset.ruleset.timers:
            # timers set on resume are not in the header's ruleset: each event carries them
            record = {**record, "timers": dump(self.timers)}
        return record

    def options(self) -> Sequence[Action]:
        return legal_actions(self.state)

    def acting(self) -> str | None:
        """The actor the game waits on (None: the facilitator or the game itself): :func:`acting_in`."""
        return acting_in(self.state, lambda _state: self.options())

    def is_bot(self, actor: str | None) -> bool:
        return actor is not None and self.seats.get(actor, HUMAN) != HUMAN

    def undid_a_bot(self) -> bool:
        """The last event is an undo of a bot's action: the bots wait, or the bot would at once play again (found
        from outside: each undo of a bot's move was followed by another of its moves, and nothing before it could
        be taken back)."""
        return self._undoes_a_bot(self.state)

    def _undoes_a_bot(self, state: State) -> bool:
        undone = _undone_last(state)
        return undone is not None and self.is_bot(undone.action.actor)

    def time_up_pass(self) -> Action | None:
        """The pass the phase timer makes, once time is up, for the human team the game waits on (with
        ``on_time_up = "pass"``; None: the ruleset says otherwise, or no human team is to move or counter): in the
        moves phase its ``pass``, in adjudication its counter list's "no counter" (found from outside: a team asked
        for a counter-argument went on typing past the clock, the room held up). It is marked ``time_up``: the save,
        and every screen and report after it, say the time was up, not that the team chose to pass (found from
        outside: a debrief read "Ukraine passes" of a pass the clock had made)."""
        if self.timers.on_time_up != "pass" or self.state.over:
            return None
        undone = _undone_last(self.state)
        if undone is not None and undone.action.time_up:
            # the facilitator took the clock's pass back to let the team move: the clock passes no one until a team
            # has acted (found from outside: it passed the team again at once, and the undo seemed to do nothing)
            return None
        action = next((a for a in self.options() if a.kind == "pass" or (a.kind == "counter" and a.text is None)),
                      None)
        if action is not None and action.kind == "counter" and (lapsing(self.state) is not None
                                                                or self.state.queue[0].sealed):
            # the argument's track has closed: the facilitator sets it aside, nobody counters it; or its counters are
            # sealed, and a pass marked as the clock's would tell the room, before the reveal, that no counter came
            return None
        if action is None or action.actor is None or self.is_bot(action.actor):
            return None
        return replace(action, time_up=True)

    def bot_action(self) -> Action | None:
        """The action a bot takes now, if the game waits on a bot."""
        actor = self.acting()
        if not self.is_bot(actor):
            return None  # a human team or the facilitator: nothing to list
        assert actor is not None
        options = self.options()
        from ..sim.bots import Bot

        rng = random.Random(f"seat/{self.state.seed}/{self.state.seq}/{actor}")
        # a bot's texts are the deck's stock arguments, in the base (English) whatever screen asked for the move
        return typed_in(Bot(self.seats[actor], rng).choose(self.state, options), SOURCE)

    def close(self) -> None:
        self.writer.close()

