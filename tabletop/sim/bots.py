"""Bot teams: policies that choose from ``legal_actions``.

A bot reads only what a player sees — the board, the legal actions, the
move and card definitions, its own objectives and the others' public ones —
and judges a move by what it is worth to its team under its policy
(:mod:`.judging`), never by scenario-specific ids. It chooses only from
``legal_actions``; its chances come from the generator it is given, so a
seed gives the same game. The facilitator of a bot game is
:mod:`.facilitator`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence

from ..content.errors import did_you_mean
from ..engine import Action, State
from ..engine.listing import Listing
from ..store.players import BOT_POLICIES
from .facilitator import Facilitator
from .arguments import choose_counter, fill_argument, vote_odds
from .judging import Judge, card_choice_worth
from ..lang import Domain

_, ngettext, N_ = Domain("sim").words()

POLICIES = BOT_POLICIES  # the names a save records each bot by: the store checks a save's seats against them

__all__ = ["POLICIES", "Bot", "Facilitator", "parse_bots", "policies_for_game"]


#: how far chance sways a choice: noise added to each option's worth, per policy
SWAY = {"cooperative": 1.2, "hardliner": 1.2}


class Bot:
    """One team's policy. ``choose`` picks one of ``options`` (all this actor's).

    ``random`` picks any legal action with equal chance. ``cooperative`` and
    ``hardliner`` weigh each option by what it is worth to the team under
    that policy (:mod:`.judging`), add a little chance, and take the best.
    Arguments, counters and votes on odds: see :mod:`.arguments`.
    """

    def __init__(self, policy: str, rng: random.Random):
        if policy not in POLICIES:
            raise ValueError(_("unknown bot policy {policy} (expected one of {policies})").format(
                policy=repr(policy), policies=", ".join(POLICIES)))
        self.policy = policy
        self.rng = rng

    def choose(self, state: State, options: Sequence[Action]) -> Action:
        kind = options[0].kind
        if kind == "counter":
            return choose_counter(Judge(state, options[0].actor or "", self.policy), state, options, self.policy, self.rng)
        if kind == "odds":
            return vote_odds(Judge(state, options[0].actor or "", self.policy), state, options, self.policy, self.rng)
        # (a Listing has a link move's pairs and a pass: never one option, and its length is not needed)
        if self.policy == "random" or (type(options) is not Listing and len(options) == 1):
            chosen = options[self.rng.randrange(len(options))]
        else:
            judge = Judge(state, options[0].actor or "", self.policy)
            if kind == "vote":
                return self._vote(state, judge, options)
            if kind == "choose":
                return self._answer(state, judge, options)
            # a Listing's parts: a link move's pairs are scored without building them
            chosen = self._best(options, judge.option_worths(options.parts if isinstance(options, Listing) else options))
        # an argument is listed with the first stock texts: the bot picks its own from the stock
        return fill_argument(state, chosen, self.rng) if chosen.wanted is not None else chosen

    def _best(self, options: Sequence[Action], worths: Sequence[float]) -> Action:
        return options[self._pick(worths)]

    def _pick(self, worths: Iterable[float]) -> int:
        """The index of the best worth with chance added: one draw per option, in order, the
        last of equals (what ``max`` of (score, index) pairs gives)."""
        sway = SWAY[self.policy]
        draw = self.rng.random
        best, at = -math.inf, -1
        for i, w in enumerate(worths):
            score = w + draw() * sway
            if score >= best:
                best, at = score, i
        return at

    def _vote(self, state: State, judge: Judge, options: Sequence[Action]) -> Action:
        head = state.queue[0]
        worth = judge.proposal_worth(head.move, head.track, head.link)
        if self.policy == "cooperative":
            accept_p = 0.9 if worth > 0 else (0.75 if worth == 0 else 0.45)
        else:
            accept_p = 0.6 if worth > 0.2 else (0.15 if worth < 0 else 0.3)
        accept = self.rng.random() < accept_p
        return next(a for a in options if a.accept is accept)

    def _answer(self, state: State, judge: Judge, options: Sequence[Action]) -> Action:
        card = next(c for c in state.scenario.deck.cards if c.id == options[0].card)
        worths = []
        for action in options:
            assert action.choice is not None
            worths.append(card_choice_worth(judge, card.choices[action.choice].effects, card.track))
        return self._best(options, worths)


def parse_bots(spec: str | None, actor_ids: Sequence[str], mix: bool = True) -> dict[str, str] | None:
    """``cooperative`` (all) or ``ru=hardliner,ua=cooperative`` (per actor, rest mixed).

    Returns None for the default mix. Raises ValueError with a message a user understands.
    ``mix=False`` (a game played on a screen, not a simulation): there is no mix, a new one each game,
    so ``mixed`` (or nothing) is refused rather than read as "no bots at all".
    """
    if spec is None:
        return None
    if spec.strip() in ("", "mixed"):
        if mix:
            return None
        raise ValueError(_("--bots '{spec}': in a game each bot plays one policy; name it (--bots cooperative, or "
                           "per actor: ru=hardliner,us=cooperative). A new mix every game is for tabletop simulate")
                         .format(spec=spec))
    spec = spec.strip()
    if "=" not in spec:
        if spec not in POLICIES:
            if spec in actor_ids:  # found from outside: "--bots ru", meaning Russia's bot, read as a policy's name
                raise ValueError(_("--bots {actor}: {actor} is a team; give it a policy: --bots {actor}=hardliner "
                                   "(policies: {policies})").format(actor=spec, policies=", ".join(POLICIES)))
            said = (_("unknown bot policy '{policy}'{hint} (expected one of {policies}, or mixed)") if mix
                    else _("unknown bot policy '{policy}'{hint} (expected one of {policies})"))
            raise ValueError(said.format(policy=spec, hint=did_you_mean(spec, POLICIES), policies=", ".join(POLICIES)))
        return {a: spec for a in actor_ids}
    out: dict[str, str] = {}
    for part in spec.split(","):
        if "=" not in part:
            raise ValueError(_("'{part}': write actor=policy, e.g. {actor}=hardliner").format(part=part, actor=actor_ids[0]))
        actor, policy = (s.strip() for s in part.split("=", 1))
        if actor not in actor_ids:
            raise ValueError(_("unknown actor '{actor}'{hint} in --bots (actors: {actors})").format(
                actor=actor, hint=did_you_mean(actor, actor_ids), actors=", ".join(actor_ids)))
        if policy not in POLICIES:
            raise ValueError(_("unknown bot policy '{policy}'{hint} for {actor} (expected one of {policies})").format(
                policy=policy, hint=did_you_mean(policy, POLICIES), actor=actor, policies=", ".join(POLICIES)))
        if actor in out:  # which one was meant? the last one was taken silently, and recorded in the save
            raise ValueError(_("{actor} is given twice in --bots ({first}, then {second}): give each actor once").format(
                actor=actor, first=out[actor], second=policy))
        out[actor] = policy
    return out


def policies_for_game(bots: Mapping[str, str] | None, actor_ids: Sequence[str], rng: random.Random) -> dict[str, str]:
    """Each actor's policy for one game; unnamed actors get the default mix."""
    out = {}
    for actor in actor_ids:
        if bots and actor in bots:
            out[actor] = bots[actor]
        else:
            out[actor] = rng.choices(POLICIES, weights=(0.3, 0.4, 0.3))[0]
    return out
