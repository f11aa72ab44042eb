"""What one event did, in words: the log records ids and numbers, and this tells them.

A save keeps what happened (the action, and its outcome's ids and figures:
``result["told"]`` holds what the words need beyond the action and the
ruling), never sentences. :func:`tell` makes the sentence in the language of
the moment, with the names of the scenario it is given (a translated one
shows translated names). Every screen, replay, seat view and report reads an
event through it; in English it reads as the summaries the log used to record.

Free text a person typed (a note, a reason, a counter) is shown as typed;
marked with the language it was typed in when read in another one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import takewhile
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..content.grammar import plural_subject
from ..lang import Domain
from .actions import Action
from .breakdown import breakdown_warning
from .records import Ruling
from .review import PACKAGE_HOLDS, ended_at, undone_seqs
from .wording import (ENDS, RECORDED, argued_words, end_reason, entered_words, given_reason, goodwill_words,
                      injected_unmet_word, modifier_names, named_source, quoted, recorded_reason, scenario_names,
                      schedule_words, status_name, team_called, typed, wanted_words)

if TYPE_CHECKING:
    from ..content.scenario import Scenario
    from .state import State

_words = Domain("engine")
_, ngettext, N_ = _words.words()
pgettext = _words.pgettext
#: pgettext("plural subject", …): the form of a sentence whose subject, an actor's name, takes a plural verb


class Happened(Protocol):
    """An event as the engine logs it or a save reads it back (:class:`~tabletop.engine.actions.Event`)."""

    seq: int
    round: int
    phase: str
    action: Action
    result: Mapping[str, Any]


class _Names:
    """The scenario's names by id (an unknown id reads as itself)."""

    def __init__(self, scenario: Scenario, earlier: Iterable[Happened] = (), worked: bool = False,
                 teams: Mapping[str, str] | None = None, aside: Mapping[str, str] | None = None):
        self.scenario = scenario
        #: actor id -> the name the room gave its team (the save's header), as typed
        self.teams = teams or {}
        self.index = scenario.index
        #: the events before the one told, newest first (read only to say why a scheduled card was held over)
        self.earlier = earlier
        #: the event's ruling's working is shown with its words (:func:`tell`'s ``worked``)
        self.worked = worked
        #: each card a draw set aside, by id, named with why it could not be played (:func:`tell`'s ``aside``)
        self.aside = aside or {}

    def actor(self, actor_id: str | None) -> str:
        actor = self.index.actors.get(actor_id or "")
        return actor.name if actor is not None else (actor_id or _("the facilitator"))

    def team(self, actor_id: str | None) -> str:
        """An actor's team as the room calls it: by its name, with the actor, where the room named it."""
        return team_called(self.actor(actor_id), self.teams.get(actor_id or ""))

    def said(self, text: str, lang: str | None) -> tuple[str, str | None]:
        """Typed text as the room reads it and its language mark: a deck's stock text (a bot's) in the room's words."""
        words = self.scenario.stock_words.get(text)
        return (words, None) if words is not None else (text, lang)

    def plural(self, actor_id: str | None) -> bool:
        """Whether the actor's name takes a plural verb here (its overlay's ``number``)."""
        return plural_subject(self.scenario, actor_id)

    def track(self, track_id: str | None) -> str:
        track = self.index.tracks.get(track_id or "")
        return track.name if track is not None else (track_id or "")

    def move(self, move_id: str | None) -> str:
        move = self.index.moves.get(move_id or "")
        return move.name if move is not None else (move_id or "")

    def card(self, card_id: str | None) -> str:
        card = self.index.cards.get(card_id or "")
        return card.title if card is not None else (card_id or "")

    def meter(self, meter_id: str | None) -> str:
        meter = self.index.meters.get(meter_id or "")
        return meter.name if meter is not None else (meter_id or "")


def _told(event: Happened) -> Mapping[str, Any]:
    told = event.result.get("told")
    return told if isinstance(told, Mapping) else {}


def _goodwill(event: Happened, n: _Names) -> list[str]:
    """What agreements spilled over in this event, a sentence each."""
    out = []
    for track, gains in _told(event).get("goodwill") or ():
        out.append(goodwill_words(n.track(track), [(n.meter(m), gained, value) for m, gained, value in gains]))
    return out


def _dashed(*parts: str) -> str:
    return " \u2014 ".join(p for p in parts if p)


# -- moves ------------------------------------------------------------------

#: what a tabled move waits for, by its resolution
TABLED = {
    "consensus": N_("tabled for consensus"),
    "dice": N_("tabled for dice"),
    "facilitator": N_("tabled for facilitator"),
    "auto": N_("tabled for auto"),
    "argue": N_("tabled for argue"),
}


def _move_line(n: _Names, actor: str | None, move: str | None, track: str | None, link: str | None = None) -> str:
    """``Russia: Propose on Borders, linked to Trade``."""
    names = {"actor": n.actor(actor), "move": n.move(move), "track": n.track(track), "link": n.track(link)}
    if track and link:
        return _("{actor}: {move} on {track}, linked to {link}").format(**names)
    if track:
        return _("{actor}: {move} on {track}").format(**names)
    if link:
        return _("{actor}: {move}, linked to {link}").format(**names)
    return _("{actor}: {move}").format(**names)


def _tell_move(event: Happened, n: _Names) -> str:
    a, result, told = event.action, event.result, _told(event)
    line = _move_line(n, a.actor, a.move, a.track, a.link)
    if result.get("tabled"):
        if result.get("sealed"):
            return _("{move} (sealed: committed)").format(move=line)
        if "wanted" in told:
            # the actor is the subject: "Mediating states: Make an argument on … — argue for …"
            argues = (pgettext("plural subject", "argue for {result}") if n.plural(a.actor)
                      else _("argues for {result}"))
            return _dashed(line, argues.format(result=argued_words(told["wanted"])))
        move = n.index.moves.get(a.move or "")
        resolution = move.resolution if move is not None else ""
        return _dashed(line, _(TABLED[resolution]) if resolution in TABLED else resolution)
    return _dashed(line, _collapse(event, n, a.track), *_goodwill(event, n))


def _collapse(event: Happened, n: _Names, track: str | None) -> str:
    """Why an untabled move collapsed its own track, or nothing: it did not. The engine collapses an open track
    whose tension is at breakdown on any change there (settle.py): the tension this move raised to it, or one it found
    there (an override can leave it so; found from outside: "Mediating states: Stall on Humanitarian" said nothing of
    the collapse the stall came with, as if the stall had raised the tension)."""
    changes = [c for c in event.result.get("changes") or () if isinstance(c, Mapping) and c.get("track") == track]
    if not track or not any(c.get("what") == "status" and c.get("from") == "open" and c.get("to") == "collapsed"
                            for c in changes):
        return ""
    spec = n.index.tracks.get(track)
    figures = {"tension": spec.breakdown_at if spec else "?", "breakdown": spec.breakdown_at if spec else "?"}
    if _raised(event, track):
        return _("tension reaches breakdown ({tension}/{breakdown}): the track collapses").format(**figures)
    since = _tension_since(n, track)
    if since is None:
        return _("tension already at breakdown ({tension}/{breakdown}): this move there collapses the track").format(
            **figures)
    return _("tension at breakdown ({tension}/{breakdown}) since #{since}: this move there collapses the track").format(
        since=since, **figures)


def _raised(event: Happened, track: str | None) -> bool:
    """Whether the event itself changed ``track``'s tension (else the tension it collapsed at was there before)."""
    return any(isinstance(c, Mapping) and c.get("track") == track and c.get("what") == "tension"
               for c in event.result.get("changes") or ())


def _tension_since(n: _Names, track: str) -> int | None:
    """The event that last set ``track``'s tension, among those that stand before the one told (``n.earlier``,
    newest first); None when they are not given."""
    undone: set[int] = set()
    for e in n.earlier:  # newest first: an undo is met before what it took back
        if e.action.kind == "undo":
            if "undoes" in e.result:
                undone.add(int(e.result["undoes"]))
            continue
        if e.seq not in undone and _raised(e, track):
            return e.seq
    return None


def _finished(event: Happened, n: _Names, proposal: bool = False) -> str:
    """A tabled move settled: it lapses, succeeds or fails (an automatic one just takes effect). Settled by a vote
    (``proposal``), the move is named as the proposal it is, with its proposer: ``the proposal (EU: Propose on
    Borders) fails``, after the vote that settled it."""
    ruling = event.result.get("ruling") or {}
    told = _told(event)
    actor, move, track = ruling.get("actor"), ruling.get("move"), event.action.track
    if "lapsed" in told:
        status = str(told["lapsed"])
        names = {"actor": n.actor(actor), "move": n.move(move), "track": n.track(track), "status": status_name(status)}
        return _lapsed(status).format(**names)
    line = _move_line(n, actor, move, track)
    if proposal:
        # the proposer inside the brackets, the names as written (an actor's name has no case forms to bend)
        line = _("the proposal ({move})").format(move=line)
    goodwill = _goodwill(event, n)
    if ruling.get("resolution") == "auto":
        return f"{line} {_dashed(*goodwill)}".strip()
    if not ruling.get("success"):
        verdict = _("{move} fails").format(move=line)
    elif "collapses" in told and not _raised(event, track):
        spec = n.index.tracks.get(track or "")
        verdict = _("{move} succeeds, but tension was already at breakdown ({tension}/{breakdown}): the track "
                    "collapses").format(move=line, tension=told["collapses"], breakdown=spec.breakdown_at if spec else "?")
    elif "collapses" in told:
        spec = n.index.tracks.get(track or "")
        verdict = _("{move} succeeds, but tension reaches breakdown ({tension}/{breakdown}): the track collapses").format(
            move=line, tension=told["collapses"], breakdown=spec.breakdown_at if spec else "?")
    elif not event.result.get("changes") and not goodwill and track and _agreed_then(n, track):
        # under the package deal a move tabled beside the one that agreed its track is still settled (a rejection's
        # tension lands on the provisional agreement), and its success may change nothing: said, not a bare "succeeds"
        verdict = _("{move} succeeds \u2014 nothing changes: {track} is already agreed (provisional)").format(
            move=line, track=n.track(track))
    else:
        verdict = _("{move} succeeds").format(move=line)
    return _dashed(verdict, *goodwill)


def _agreed_then(n: _Names, track: str) -> bool:
    """Whether ``track`` stood agreed before the event told, as the events before it (``n.earlier``) left it: its
    last status change that stands (not undone) was to agreed. Read only for a success that changed nothing."""
    undone: set[int] = set()
    for e in n.earlier:  # newest first: an undo is met before what it took back, and the walk stops at the track's
        # last status change that stands (found by a benchmark: the whole log, listed and searched for undos at each
        # such success, made a 20,000-event report 15 % slower)
        if e.action.kind == "undo":
            if "undoes" in e.result:
                undone.add(int(e.result["undoes"]))
            continue
        if e.seq in undone:
            continue
        for change in reversed(e.result.get("changes") or ()):
            if isinstance(change, Mapping) and change.get("track") == track and change.get("what") == "status":
                return change.get("to") == "agreed"
    return False


def _lapsed(status: str) -> str:
    if status == "collapsed":
        return _("{actor}: {move} lapses \u2014 {track} is collapsed")
    if status == "deferred":
        return _("{actor}: {move} lapses \u2014 {track} is deferred")
    if status == "agreed":
        return _("{actor}: {move} lapses \u2014 {track} is agreed")
    return _("{actor}: {move} lapses \u2014 {track} is {status}")


def _tell_pass(event: Happened, n: _Names) -> str:
    a = event.action
    plural = n.plural(a.actor)
    if a.time_up:
        # the phase timer passed the team (on_time_up = "pass"): never worded as the team's own choice (found from
        # outside: a debrief read "Ukraine passes" of a pass the clock made). A team asked to counter: _tell_counter.
        said = (pgettext("plural subject", "{actor} pass: the moves phase's time was up") if plural
                else _("{actor} passes: the moves phase's time was up"))
    else:
        said = pgettext("plural subject", "{actor} pass") if plural else _("{actor} passes")
    return said.format(actor=n.actor(a.actor))


def _tell_vote(event: Happened, n: _Names) -> str:
    """A team's vote: who voted how. The vote that settles a proposal says so too, then the proposal it settled,
    named with its proposer, and its verdict, then the whole tally: ``Ukraine rejects — the proposal (EU: Propose on
    Borders) fails — accepted: EU; rejected: Ukraine`` (found from outside: "EU: accept; Mediating states: Table a
    proposal … succeeds" read as if the EU alone had voted; the verdict alone, in the row of the last voter, read as
    that voter's move failing). Where the ruling's working goes with the words (``n.worked``), the tally is left to
    it."""
    ruling = event.result.get("ruling")
    if isinstance(ruling, Mapping):
        return _dashed(_voted(event, n), _finished(event, n, proposal=True), "" if n.worked else _tally(ruling, n))
    return _voted(event, n)


def _voted(event: Happened, n: _Names) -> str:
    """``Ukraine accepts``: who voted, and how."""
    a = event.action
    actor = n.actor(a.actor)
    plural = n.plural(a.actor)  # found from outside: the log read "Mediating states rejects"
    if a.accept:
        said = pgettext("plural subject", "{actor} accept") if plural else _("{actor} accepts")
    else:
        said = pgettext("plural subject", "{actor} reject") if plural else _("{actor} rejects")
    return said.format(actor=actor)


def _tally(ruling: Mapping[str, Any], n: _Names) -> str:
    """Who accepted, who rejected and who vetoed, as the ruling's working says it
    (:func:`~.rulingwords.vote_parts`); empty for a ruling recorded without its votes."""
    from .rulingwords import vote_parts  # as for an argument's odds: the first board needs none

    read = Ruling.from_result({"ruling": ruling})
    if read is None or "accepted" not in ruling and "rejected" not in ruling:
        return ""
    voters = (*read.accepted, *read.rejected, *read.vetoed_by)
    return "; ".join(vote_parts(read, {actor: n.actor(actor) for actor in voters}))


def _sign(add: int) -> str:
    """The sign between the dice and a modifier in a roll's formula: ``+`` or the true minus ``\u2212``, as
    :func:`~tabletop.content.vocabulary.signed` writes an amount."""
    return "+" if add >= 0 else "\u2212"


def _tell_roll(event: Happened, n: _Names) -> str:
    ruling = event.result.get("ruling") or {}
    dice = list(ruling.get("dice") or (0, 0))
    figures = {"first": dice[0], "second": dice[1], "total": ruling.get("total"), "target": ruling.get("target")}
    if ruling.get("resolution") == "argue":
        from . import rulingwords  # an argument's odds: most games have none, and the first board needs none

        rolled = _("rolled {first}+{second} = {total} vs {target} ({odds})").format(
            odds=rulingwords.odds_label(str(ruling.get("odds"))), **figures)
    else:
        applied = [m for m in ruling.get("modifiers") or () if m.get("applies")]
        # each source as recorded (``tension >= 3``), in the room's words where it reads another language, with
        # the signs a room reads (``tension ≥ 3``); a negative one with the true minus, as its working's line says
        # it (found from outside: "5+2 + 1 (…) - 1 (напруженість ≥ 3)" over "−1 за …")
        said = modifier_names(n.scenario, scenario_names(n.scenario)) if applied else {}
        mods = "".join(f" {_sign(m['add'])} {abs(m['add'])} "
                       f"({named_source(m['source'], said)})" for m in applied)
        rolled = _("rolled {first}+{second}{modifiers} = {total} vs {target}").format(modifiers=mods, **figures)
    return _dashed(_finished(event, n), rolled)


def _tell_rule(event: Happened, n: _Names) -> str:
    reason = str((event.result.get("ruling") or {}).get("reason") or "")
    said = _finished(event, n)
    if not reason or n.worked:  # the working shown with it says the reason (found from outside: said twice)
        return said
    given = recorded_reason(reason)  # tabletop's own (a simulated facilitator's): the words of the moment
    return _dashed(said, _("facilitator: {reason}").format(
        reason=given if given is not None else typed(reason, event.action.lang)))


# -- arguments --------------------------------------------------------------


def _tell_counter(event: Happened, n: _Names) -> str:
    a = event.action
    actor = n.actor(a.actor)
    if _told(event).get("sealed"):
        said = _("{actor}: a counter or a pass entered (sealed)").format(actor=actor)  # a pass looks the same
        revealed = event.result.get("counters_revealed")
        if isinstance(revealed, list):
            said += "; " + _("the counters are revealed: {counters}").format(counters="; ".join(
                _revealed_counter(c, n) for c in revealed))
        return said
    text = (a.text or "").strip()
    plural = n.plural(a.actor)
    if text:
        said = pgettext("plural subject", "{actor} counter: {counter}") if plural else _("{actor} counters: {counter}")
        return said.format(actor=actor, counter=quoted(*n.said(text, a.lang)))
    if a.time_up:  # the phase timer passed the team asked to counter (on_time_up = "pass"): not the team's choice
        said = (pgettext("plural subject", "{actor} pass: no counter, the adjudication phase's time was up") if plural
                else _("{actor} passes: no counter, the adjudication phase's time was up"))
    else:
        said = pgettext("plural subject", "{actor} pass: no counter") if plural else _("{actor} passes: no counter")
    return said.format(actor=actor)


def _revealed_counter(counter: object, n: _Names) -> str:
    """One counter as the reveal says it: ``Russia: “…”``, or ``Russia: no counter`` (a pass)."""
    actor, text = (counter[0], counter[1]) if isinstance(counter, list | tuple) and len(counter) == 2 else (None, None)
    name = n.actor(actor if isinstance(actor, str) else None)
    if isinstance(text, str) and text.strip():
        return _("{actor}: {counter}").format(actor=name, counter=quoted(*n.said(text.strip(), None)))
    return _("{actor}: no counter").format(actor=name)


def _tell_odds(event: Happened, n: _Names) -> str:
    from . import rulingwords  # an argument's odds: most games have none, and the first board needs none

    a = event.action
    if a.actor is not None:
        said = (pgettext("plural subject", "{actor} vote the odds {odds}") if n.plural(a.actor)
                else _("{actor} votes the odds {odds}"))
        return said.format(actor=n.actor(a.actor), odds=rulingwords.odds_words(a.odds))
    told = _told(event)
    odds = rulingwords.odds_words(told.get("odds"))
    if told.get("by") == "matrix":
        said = _("The facilitator sets the odds: {odds} ({strong} strong of {items})").format(
            odds=odds, strong=told.get("strong"), items=told.get("items"))
    elif told.get("by") == "vote":
        said = _("The facilitator sets the odds: {odds} (as the teams voted)").format(odds=odds)
    else:
        said = _("The facilitator sets the odds: {odds}").format(odds=odds)
    if "wanted" in told:
        said += "; " + _("the result argued for is now {result}").format(result=wanted_words(told["wanted"]))
    return said


# -- cards ------------------------------------------------------------------


#: how many of the cards a draw set aside its words name (the rest: "…")
SET_ASIDE_NAMED = 3


def _drawn(event: Happened, n: _Names, clause: bool = False) -> str:
    """The card a draw turned up (and how many it set aside), or that none could be played: a sentence of its own
    (``Card drawn: …``), or, ``clause``, the second clause of a redraw's words, after its dash (``draws …``; found
    from outside: «…отодвинута): Вытянута карточка: …» read two colons in a row)."""
    outcome = event.result.get("outcome") or {}
    chosen = outcome.get("card")
    if chosen is None:
        return (_("no card can be played: the deck has nothing that fits the board") if clause
                else _("No card can be played: the deck has nothing that fits the board"))
    set_aside = [str(c) for c in outcome.get("set_aside") or ()]
    aside = len(set_aside)
    title = n.card(chosen)
    if aside:
        # each named (found from outside: "(1 set aside: not playable now)" left the room asking which), a few at most
        cards = ", ".join(_aside(n, c) for c in set_aside[:SET_ASIDE_NAMED]) + (", \u2026" if aside > SET_ASIDE_NAMED else "")
        said = (ngettext("draws {card} ({n} set aside, not playable now: {cards})",
                         "draws {card} ({n} set aside, not playable now: {cards})", aside) if clause
                else ngettext("Card drawn: {card} ({n} set aside, not playable now: {cards})",
                              "Card drawn: {card} ({n} set aside, not playable now: {cards})", aside)).format(
                                  card=title, n=aside, cards=cards)
    else:
        said = (_("draws {card}") if clause else _("Card drawn: {card}")).format(card=title)
    card = n.index.cards.get(chosen)
    if outcome.get("scheduled") and card is not None and card.schedule is not None:
        held = held_over(n.scenario, event, n.earlier)
        said = _dashed(said, schedule_words(card.schedule, scenario_names(n.scenario), event.round,
                                            first=[n.card(c) for c in held.first], unplayable=held.unplayable))
    return said


def set_aside_by(event: Happened) -> list[str]:
    """The cards (ids) a draw or a redraw set aside, or the draw or redraw an undo took back (its record of it): the
    cards whose words say why they could not be played (:func:`tell`'s ``aside``); none: it set none aside."""
    kind, result = event.action.kind, event.result
    if kind == "undo":
        undone = _told(event).get("undone")
        action = undone.get("action") if isinstance(undone, Mapping) else None
        kind = action.get("kind") if isinstance(action, Mapping) else None
        result = undone.get("result") if isinstance(undone, Mapping) else None
    outcome = result.get("outcome") if kind in ("draw", "redraw") and isinstance(result, Mapping) else None
    return [str(c) for c in outcome.get("set_aside") or ()] if isinstance(outcome, Mapping) else []


def _aside(n: _Names, card_id: str) -> str:
    """A card a draw set aside: with why it could not be played where the caller read it on the board the draw read
    (:func:`tell`'s ``aside``), else by its title alone. Found from outside (helper-362): the replay's line and the
    decision log's row named the card alone, the report's timeline beside them said why."""
    return n.aside.get(card_id) or n.card(card_id)


class HeldOver(NamedTuple):
    """Why a card scheduled for a round came up in a later one, as the record shows it."""

    #: the cards that came up first in a round it was due in (ids, in the order they came up): a scheduled card
    #: ahead of it on the list, or one the facilitator injected before the round's draw
    first: tuple[str, ...] = ()
    #: in a round it was due in, a draw passed it by: it could not be played then
    unplayable: bool = False


def held_over(scenario: Scenario, draw: Happened, earlier: Iterable[Happened]) -> HeldOver:
    """Why the card ``draw`` turned up on the schedule came up after its round: read from ``earlier``, the events
    before the draw, newest first (read back only to the card's round; none: nothing is known).

    The scheduler takes the first waiting card on the list that can be played (:func:`.cards.due_card`), so a draw
    in a round the card was due in that took a card ahead of it on the list (or a card the facilitator injected
    before the draw) came first; one that took anything else passed it by, which it does only to a card that
    cannot be played. Nothing is recomputed: the record says it, so every save reads the same.
    """
    outcome = draw.result.get("outcome") or {}
    card = scenario.index.cards.get(str(outcome.get("card")))
    if (card is None or card.schedule is None or card.schedule.round is None or card.schedule.when
            or draw.round <= card.schedule.round):  # a "when" card is due the first round its conditions hold
        return HeldOver()
    due = card.schedule.round
    events = list(takewhile(lambda e: e.round >= due, (e for e in earlier if e.seq < draw.seq)))
    undone = undone_seqs(events)
    order = {c.id: i for i, c in enumerate(scenario.index.scheduled)}
    ahead = order[card.id]
    first: list[str] = []
    unplayable = False
    drawn: set[int] = set()  # the rounds whose card is placed already
    for e in reversed(events):
        kind = e.action.kind
        if e.seq in undone or e.round >= draw.round or kind not in ("draw", "redraw", "inject"):
            continue
        if kind == "inject":
            if e.phase == "event" and e.round not in drawn and e.action.card:  # it took the round's event
                first.append(e.action.card)
                drawn.add(e.round)
            continue
        drawn.add(e.round)
        took = e.result.get("outcome") or {}
        cid = took.get("card")
        if took.get("scheduled") and isinstance(cid, str) and order.get(cid, ahead) < ahead:
            first.append(cid)
        else:
            unplayable = True
    return HeldOver(tuple(first), unplayable)


def _tell_card(event: Happened, n: _Names) -> str:
    """A card applied, or answered by the actor it names."""
    a = event.action
    card_id = _told(event).get("card") or a.card
    title = n.card(card_id)
    card = n.index.cards.get(card_id or "")
    if a.choice is not None and card is not None and 0 <= a.choice < len(card.choices):
        said = (pgettext("plural subject", "{card}: {actor} chose \u201c{choice}\u201d") if n.plural(a.actor)
                else _("{card}: {actor} chose \u201c{choice}\u201d")).format(
            card=title, actor=n.actor(a.actor), choice=card.choices[a.choice].label)
    else:
        said = title
    return _dashed(said, *_goodwill(event, n))


# -- the flow of the game ---------------------------------------------------

#: the phases of a round, as the log names them
PHASES = {
    "event": N_("event"),
    "moves": N_("moves"),
    "adjudication": N_("adjudication"),
    "review": N_("review"),
}


def phase_name(phase: str) -> str:
    """A phase id (``moves``) as the room reads it, in the language of the moment."""
    return _(PHASES[phase]) if phase in PHASES else phase


class Place(NamedTuple):
    """The round and phase an event is labelled with (see :func:`placed`)."""

    round: int
    phase: str


def placed(event: Happened, scenario: Scenario) -> Place:
    """The round and phase ``event`` is labelled with, on every screen and in every report: where the game stands
    once it is done, as the board's header reads after it.

    That is the round and phase it was taken in (what the save records) for every event but two kinds: a step to
    the next phase is placed in the phase it opens ("Round 2 begins" in round 2's event phase), and an undo where
    it takes the game back to, the round and phase of the event it took back (an undo of "Round 2: moves phase" in
    round 2's event phase). Found from outside: the report labelled "Round 2 begins" with round 1's review and the
    replay with round 2's event phase, and the replay an undo of a step with the phase before it.
    """
    kind = event.action.kind
    if kind == "advance":
        to = event.result.get("to")
        phases = scenario.ruleset.ruleset.phases
        if isinstance(to, str) and to in phases and event.phase in phases:
            # from the last phase to the first: a new round (as flow._advance steps)
            new_round = phases.index(event.phase) == len(phases) - 1 and to == phases[0]
            return Place(event.round + 1 if new_round else event.round, to)
    elif kind == "undo":
        undone = _told(event).get("undone")  # the record of what it took back (a save from before it: none)
        if isinstance(undone, Mapping) and isinstance(undone.get("round"), int) \
                and isinstance(undone.get("phase"), str):
            return Place(undone["round"], undone["phase"])
    return Place(event.round, event.phase)


def _tell_advance(event: Happened, n: _Names) -> str:
    to = str(event.result.get("to"))
    if to == "over":
        return _("Game over after round {round}: all rounds played").format(round=event.round)
    at = placed(event, n.scenario)  # the words say where it leads: the round and phase it is labelled with
    if at.round != event.round:
        return _("Round {round} begins: {phase} phase").format(round=at.round, phase=phase_name(to))
    return _("Round {round}: {phase} phase").format(round=at.round, phase=phase_name(to))


# -- the facilitator's powers -----------------------------------------------


def warning(event: Happened, scenario: Scenario) -> str | None:
    """The warning an override left (a track open with its tension at breakdown), in words; None: none."""
    found = event.result.get("warning")
    if isinstance(found, str):
        return found  # a save from before the log was language-neutral
    if not isinstance(found, Mapping):
        return None
    spec = scenario.index.tracks.get(str(found.get("track")))
    if spec is None:
        return None
    return breakdown_warning("open", int(found.get("tension", 0)), spec.breakdown_at, spec.name)


def _tell_override(event: Happened, n: _Names) -> str:
    a = event.action
    what = n.track(a.track) if a.track is not None else n.meter(a.meter)
    reason = typed((a.reason or "").strip(), a.lang)
    said = _("Facilitator override of {what}: {reason}").format(what=what, reason=reason)
    return _dashed(said, warning(event, n.scenario) or "", *_goodwill(event, n))


def _tell_undo(event: Happened, n: _Names) -> str:
    undone = _told(event).get("undone")
    if not isinstance(undone, Mapping):
        # an undo read from a save written before the log was language-neutral, not replayed
        return str(event.result.get("summary", event.action.kind))
    try:
        action = Action.from_dict(undone.get("action") or {})
    except (TypeError, ValueError):
        return _("Undo: event {seq}").format(seq=event.result.get("undoes"))
    took_back = _Undone(int(event.result.get("undoes") or 0), int(undone.get("round") or 0),
                        str(undone.get("phase") or ""), action, undone.get("result") or {})
    # what it took back, whole: no working of that event is shown with an undo's words; a draw's cards set aside with
    # why, as its own words say it (found from outside, helper-367: the undo named them alone)
    said = _("Undo: {event}").format(event=_tell(took_back, _Names(n.scenario, n.earlier, aside=n.aside)))
    return _dashed(said, undo_reason(event))


#: the facilitator's powers whose words end with the reason given for them (an override's and an end's typed reason,
#: an undo's :func:`undo_reason`): a detail under those words does not say it again
REASON_SAID = frozenset({"override", "end", "undo"})


def undo_reason(event: Happened) -> str:
    """Why the facilitator undid, as the undo's words end with it (``reason: …``), or empty: no reason
    was given. Found from outside: an undo's reason was on no screen, an override's beside it was. Public as the
    undo is, the undo of a sealed move never revealed too (what it was stays sealed)."""
    if event.action.kind != "undo":
        return ""
    reason = (given_reason(event.action.reason) or "").strip()
    if not reason:  # none given, or tabletop's own in its place ("undone by the facilitator", in saves from before)
        return ""
    given = recorded_reason(reason)  # tabletop's own (a simulated facilitator's): the words of the moment
    # "reason", not "reason for the undo": a line names its kind once (tests/replay/test_note_line.py)
    return _("reason: {reason}").format(
        reason=given if given is not None else typed(reason, event.action.lang))


class _Undone:
    """The event an undo took back, rebuilt from the undo's own record."""

    def __init__(self, seq: int, round: int, phase: str, action: Action, result: Mapping[str, Any]):
        self.seq, self.round, self.phase, self.action, self.result = seq, round, phase, action, result


def _tell_note(event: Happened, n: _Names) -> str:
    a = event.action
    about = event.result.get("about", a.about)
    if a.entered is not None:  # tabletop's own record, in the reader's words (helper-318: it was typed text)
        return _("Note on event {about}: {text}").format(about=about, text=entered_words(n.team(a.entered)))
    return _("Note on event {about}: {text}").format(about=about, text=typed((a.text or "").strip(), a.lang))


def _tell_inject(event: Happened, n: _Names) -> str:
    said = _("Facilitator injects: {card}").format(card=n.card(event.action.card))
    return _dashed(said, injected_unmet_word()) if event.result.get("requires_unmet") else said


def _tell_skip(event: Happened, n: _Names) -> str:
    return _("Facilitator skips the card: {card}").format(card=n.card(event.result.get("card")))


def _tell_redraw(event: Happened, n: _Names) -> str:
    old = n.card(event.result.get("replaced"))
    return _dashed(_("Facilitator redraws ({card} set aside)").format(card=old), _drawn(event, n, clause=True))


def _tell_lapse(event: Happened, n: _Names) -> str:
    """``Facilitator sets aside: Russia: Ask for mediation lapses — Borders is collapsed (move #14)``: no roll, vote
    or ruling. The move by its number: two lapses of one team's same move on one track read apart (found from
    outside: two decision-log rows alike, told apart only by the timeline's "Ruling #125 on move #114")."""
    proposal = (event.result.get("ruling") or {}).get("proposal")
    if not isinstance(proposal, int):
        return _("Facilitator sets aside: {lapse}").format(lapse=_finished(event, n))
    return _("Facilitator sets aside: {lapse} (move #{seq})").format(lapse=_finished(event, n), seq=proposal)


def _tell_end(event: Happened, n: _Names) -> str:
    """``Facilitator ends the game: out of time``, or with no reason typed, no reason: the one the engine records in
    its place ("ended by the facilitator") is how the game ended, not the facilitator's words (found from outside:
    "Facilitator ends the game: ended by the facilitator")."""
    a = event.action
    reason = (given_reason(a.reason) or given_reason(str(event.result.get("reason") or "")) or "").strip()
    if not reason:
        return _("Facilitator ends the game")
    return _("Facilitator ends the game: {reason}").format(reason=typed(reason, a.lang))


# -- notes an event's effects left --------------------------------------------

NOTES = {
    "collapsed": N_("{track} collapsed (tension reached {tension})"),
    "agreed": N_("{track} agreed"),
    "agreed_provisionally": N_("{track} agreed (provisionally: the package is not complete)"),
    "package_collapses": N_("Under the package deal, the collapse brings down every other track, provisional "
                            "agreements included"),
    "package_holds": N_("Under the package deal, every track is agreed or deferred: the package is complete, and every "
                        "provisional agreement in it becomes final"),
    "package_holds_rest": N_("Under the package deal, every track still in the package is agreed or deferred: the "
                             "package is complete, and every provisional agreement in it becomes final"),
    "reopened": N_("Under the package deal, the collapse reopens the provisional agreement on {track}"),
    "collapsed_on_reopening": N_("{track} reopened, then collapsed on reopening (tension reached {tension})"),
}
#: the note of a collapse whose event did not change the track's tension: it was at breakdown before (an override
#: can leave an open track so), and the next change there collapsed it
COLLAPSED_AT_BREAKDOWN = N_("{track} collapsed (tension already at breakdown: {tension})")

#: a provisional agreement the end of the game let lapse: no event records it (the step into the end changes the
#: track), so it is worded from the states on both sides of that step
LAPSED_AT_END = N_("Under the package deal, the provisional agreement on {track} lapsed at the end \u2014 the package "
                   "was not complete")


def _completing(said: Sequence[Any]) -> list[str] | None:
    """The tracks whose agreement completed the package in an event whose notes are ``said`` (ids, in the notes'
    order), or None: these notes complete no package by an agreement (none does, or a deferral did)."""
    says = [note.get("say") if isinstance(note, Mapping) else None for note in said]
    if not PACKAGE_HOLDS & set(says):
        return None
    tracks = [str(note.get("track")) for note in said
              if isinstance(note, Mapping) and note.get("say") == "agreed_provisionally"]
    return tracks or None


def notes(event: Happened, scenario: Scenario) -> list[str]:
    """What the event's effects settled besides (a track agreed or collapsed, the package), a sentence each.

    The agreement that completes a package is one sentence, though the save records two notes (the track agreed
    provisionally, then the package holding). Found from outside (helper-242): "Basin fund agreed (provisionally: the
    package is not complete)" above "every track … is agreed — the package holds", on the same vote."""
    n = _Names(scenario)
    said = list(event.result.get("notes") or ())
    completing = _completing(said)
    out = []
    for note in said:
        if isinstance(note, str):
            out.append(note)  # a save from before the log was language-neutral
        elif completing is not None and isinstance(note, Mapping) and note.get("say") == "agreed_provisionally":
            if note.get("track") == completing[0]:
                out.append(ngettext(
                    "{tracks} agreed, the last track of the package: the package is complete, and every provisional "
                    "agreement in it becomes final",
                    "{tracks} agreed, the last tracks of the package: the package is complete, and every provisional "
                    "agreement in it becomes final", len(completing)).format(
                        tracks=", ".join(n.track(t) for t in completing)))
        elif completing is not None and isinstance(note, Mapping) and note.get("say") in PACKAGE_HOLDS:
            continue  # said with the agreement that completed it
        elif isinstance(note, Mapping) and note.get("say") in NOTES:
            said_as = NOTES[str(note.get("say"))]
            if note.get("say") == "collapsed" and not _raised(event, note.get("track")):
                said_as = COLLAPSED_AT_BREAKDOWN
            out.append(_(said_as).format(track=n.track(note.get("track")), tension=note.get("tension")))
    return out


def _listed(n: _Names, tracks: Iterable[str | None]) -> str:
    """Track names in a list, each as the language quotes a name in running text (ru/uk: «…»)."""
    return ", ".join(pgettext("a track's name in a list", "{track}").format(track=n.track(t)) for t in tracks)


def package_said(state: State | None, event: Happened, scenario: Scenario) -> str | None:
    """What the package deal did at ``event``, and why, in one plain sentence said before its changes; None if nothing.

    A collapse that reopened the provisional agreements or brought every track down, the package complete, or (with
    ``state``, the game at or after ``event``) the provisional agreements that lapsed at the end. Found from outside:
    three tracks flipped from agreed to open under a list of raw changes, the reason only in notes off the screen."""
    n = _Names(scenario)
    said = [note.get("say") for note in event.result.get("notes") or () if isinstance(note, Mapping)]
    reopened = [note.get("track") for note in event.result.get("notes") or ()
                if isinstance(note, Mapping) and note.get("say") == "reopened"]
    if reopened or "package_collapses" in said:
        collapsed = next((c.get("track") for c in event.result.get("changes") or ()
                          if isinstance(c, Mapping) and c.get("what") == "status" and c.get("to") == "collapsed"), None)
        if not reopened:
            return _("Package deal: {collapsed} collapsed, so every other track collapses with it, provisional "
                     "agreements included \u2014 nothing is agreed until everything is agreed").format(
                collapsed=_listed(n, [collapsed]))
        out = ngettext("Package deal: {collapsed} collapsed, so the provisional agreement on {tracks} reopens \u2014 "
                       "nothing is agreed until everything is agreed",
                       "Package deal: {collapsed} collapsed, so the provisional agreements on {tracks} reopen \u2014 "
                       "nothing is agreed until everything is agreed", len(reopened)).format(
            collapsed=_listed(n, [collapsed]), tracks=_listed(n, reopened))
        fell = [note.get("track") for note in event.result.get("notes") or ()
                if isinstance(note, Mapping) and note.get("say") == "collapsed_on_reopening"]
        if fell:
            out += "; " + ngettext("{tracks} reopened, then collapsed on reopening (tension at breakdown)",
                                   "{tracks} reopened, then collapsed on reopening (tension at breakdown)",
                                   len(fell)).format(
                tracks=_listed(n, fell))
        return out
    # the package holds when every track is agreed or deferred (settle.py; found by a review: "every track is
    # agreed" was said of a package with a deferred track)
    if "package_holds" in said:
        return _("Package deal complete: every track is agreed or deferred, so the provisional agreements are now "
                 "final")
    if "package_holds_rest" in said:
        return _("Package deal complete: every track still in the package is agreed or deferred, so the provisional "
                 "agreements are now final")
    ended = ended_at(state) if state is not None else None
    if ended is not None and ended[0] == event.seq and ended[1]:
        lapsed = [t.id for t in scenario.ruleset.tracks if t.id in ended[1]]
        return ngettext("Package deal not complete at the end: the provisional agreement on {tracks} lapses",
                        "Package deal not complete at the end: the provisional agreements on {tracks} lapse",
                        len(lapsed)).format(tracks=_listed(n, lapsed))
    return None


def settled_notes(state: State, event: Happened, scenario: Scenario) -> list[str]:
    """:func:`notes`, and under the step that ended ``state``'s game the provisional agreements that lapsed with it.

    Found from outside: the board, the replay and a seat's log showed the end ("Humanitarian: status agreed → open")
    with no reason; only the end screen and the report said the package was not complete. ``state``: the game at or
    after ``event`` (the board's newest state, the replay's state after the event)."""
    out = notes(event, scenario)
    ended = ended_at(state)
    if ended is not None and ended[0] == event.seq and ended[1]:
        n = _Names(scenario)
        out.extend(_(LAPSED_AT_END).format(track=n.track(t.id)) for t in scenario.ruleset.tracks if t.id in ended[1])
    return out


# -- telling ----------------------------------------------------------------

_TELLERS: dict[str, Callable[[Happened, _Names], str]] = {
    "draw": _drawn,
    "apply_card": _tell_card,
    "choose": _tell_card,
    "move": _tell_move,
    "pass": _tell_pass,
    "vote": _tell_vote,
    "roll": _tell_roll,
    "rule": _tell_rule,
    "counter": _tell_counter,
    "odds": _tell_odds,
    "enact": _finished,
    "advance": _tell_advance,
    "override": _tell_override,
    "undo": _tell_undo,
    "note": _tell_note,
    "inject": _tell_inject,
    "skip": _tell_skip,
    "redraw": _tell_redraw,
    "end": _tell_end,
    "lapse": _tell_lapse,
}


def _tell(event: Happened, n: _Names) -> str:
    teller = _TELLERS.get(event.action.kind)
    return teller(event, n) if teller is not None else event.action.kind


def earlier_than(events: Sequence[Happened], seq: int) -> Iterator[Happened]:
    """The events of ``events`` (a log, oldest first) before event ``seq``, newest first, lazily: what :func:`tell`
    reads as ``earlier`` (a save read back; a game's own state walks back with ``State.older``)."""
    # a generator: nothing is looked up until the words need it; then the log being in order, no walk over the
    # events after ``seq`` (found by a benchmark: a 20,000-event report walked them for each event it told)
    start = bisect_left(events, seq, key=_seq_of)
    for i in range(start - 1, -1, -1):
        yield events[i]


def _seq_of(event: Happened) -> int:
    return event.seq


def tell(event: Happened, scenario: Scenario, earlier: Iterable[Happened] = (), *, worked: bool = False,
         teams: Mapping[str, str] | None = None, aside: Mapping[str, str] | None = None) -> str:
    """One event in words: what it did, in the language of the moment, with ``scenario``'s names.

    ``event``: an :class:`~tabletop.engine.actions.Event` or an event read back from a save.
    Pass a translated scenario (``content.overlays.translated``) for translated names. ``earlier``: the events
    before it, newest first, read (lazily, once) only where the words need them: why a scheduled card came up
    after its round (:func:`held_over`); without them the words say when, not why. ``worked``: the ruling's
    working (:func:`~tabletop.engine.rulingwords.ruling_parts`) is shown with these words (a log's entry, a decision
    log's row), and says what it says: a facilitator's reason is left to it, said once. ``teams``: actor id -> the
    name the room gave its team (the save's header, :func:`~tabletop.store.players.team_names`), as typed: a named
    team is called so, with its actor (:func:`~tabletop.engine.wording.team_called`). ``aside``: each card a draw
    set aside (or the draw an undo took back, :func:`set_aside_by`), by id, named with why it could not be played
    (:func:`~tabletop.engine.cards.why_set_aside`, read on the board the draw read); without it, by its title alone.
    """
    return _tell(event, _Names(scenario, earlier, worked, teams, aside))


__all__ = ["ENDS", "LAPSED_AT_END", "PACKAGE_HOLDS", "REASON_SAID", "RECORDED", "Happened", "HeldOver", "Place",
           "earlier_than", "end_reason", "given_reason", "held_over", "notes", "package_said", "phase_name", "placed",
           "quoted", "recorded_reason", "set_aside_by", "settled_notes", "tell", "typed", "undo_reason", "warning"]
