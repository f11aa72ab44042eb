"""What a bot makes of a move: its worth to one team, under that team's policy.

A bot knows what a player at the table knows: the board, the scenario's
moves and cards, its own objectives (secret ones included) and the other
teams' public objectives. It judges a move by its effects, never by
scenario-specific ids. Once per scenario it works out

- which way each global meter helps: a meter that adds to dice rolls or
  unlocks moves when it is high is goodwill (trust); one that takes from
  rolls or locks moves when high is danger (escalation);
- what each team wants of each track: a position reached, or a status such
  as ``deferred`` (then progress is worth something only up to the rung
  from which the track can be parked);
- which teams want each track publicly (their objectives that are not secret).

A move's worth is what it is expected to bring: the chance it succeeds
times what its effects are worth, plus the chance it fails times what its
fail effects are worth, less a little for what it costs. The chances are
those a player would reckon with: 1 for an automatic move; the exact 2d6
odds, with the modifiers that hold now, for a roll; even odds for the
facilitator's ruling (the bot cannot read the facilitator's mind); and for
a consensus move, the chance that enough of the other members accept and no
holder of a veto rejects, counting a member that wants the track publicly
as likelier to accept.

What effects are worth depends on the policy (``random`` judges nothing):

- ``cooperative``: progress on the tracks its objectives name counts most,
  on the others a little (it wants the table to succeed); tension counts
  against it, the more so the higher it is and near breakdown; goodwill
  meters count for it, danger against. It parks a track only to save it.
- ``hardliner``: progress on its own tracks counts most, and it accepts
  tension to get it (it prefers a roll of the dice to waiting on others);
  progress that others want publicly on tracks where it has no stake counts
  against it — there it votes no and lets tension rise; it cares little for
  goodwill and likes a show of strength a little.

Asking for mediation is one move among others, worth what its effects and
its even odds make it worth. A parked or collapsed track set open again (a
card's answer) is worth something to a team that still wants it moved and
costs one whose goal was that closure; a link move that trades across tracks
is judged by what its ``link_effects`` bring the track it names.
An argument is worth the result it asks for at
the odds the simulated facilitator would set (:mod:`.facilitator`): even,
one step likelier per reason, one step less likely per counter the team
expects (one from each other member that does not want the track publicly).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..content import MoveType
from ..content.arguments import ODDS
from ..engine import Action, State
from ..engine.arguing import effect_of
from ..engine.arguments import matrix_odds
from ..engine.listing import Pairs
from ..engine.scope import ReadView
from .knowledge import COST, FACILITATOR_ODDS, Goal, Knowledge, MoveTraits, Sums, dice_odds, knowledge

__all__ = ["COST", "FACILITATOR_ODDS", "Goal", "Judge", "Knowledge", "MoveTraits", "Sums", "card_choice_worth",
           "dice_odds", "knowledge"]

#: chance that a member accepts a consensus proposal, as the proposer reckons it
ACCEPT_IF_PUBLIC = 0.85
ACCEPT_OTHERWISE = 0.65
#: how much a unit of goodwill (+) or danger (-) on a meter is worth, per policy
MORALE = {"cooperative": 0.6, "hardliner": -0.1}
#: how much progress on a track without an objective of its own is worth, per policy
BYSTANDER = {"cooperative": 0.35, "hardliner": 0.0}
#: what giving ground on its own (progress at once, no one else asked) costs a hardliner
HARD_CONCESSION = 0.8
#: how much a hardliner prefers forcing a step (a roll) to waiting on the others
HARD_PRESS = 0.5
#: what a hardliner makes of progress others want publicly where it has no stake
BLOCK = -0.5
#: how many option worths a team keeps (its listed actions x the boards they were seen on: ~4,000 after
#: 300 games, growing slowly); past it they are forgotten and found anew
REMEMBERED = 1 << 14


class Judge:
    """One team's judgement of moves and answers on one board."""

    def __init__(self, state: State, actor: str, policy: str):
        self.state = state
        self.actor = actor
        self.policy = policy
        self.know = knowledge(state)
        self.hard = policy == "hardliner"
        # one judgement reads one board: what it works out per track or per meter change
        # is kept for the other options of the same choice (the same values, computed once)
        self._stakes: dict[str, float] = {}
        self._heat: dict[str, tuple[int, int, float, float]] = {}
        self._odds: dict[tuple[str, str | None], float] = {}
        self._worths: dict[tuple[Sums, str | None], float] = {}
        self._free_bonus: dict[str, int] = {}
        self._meter_values: frozenset[tuple[str, int]] | None = None

    # -- what a track is worth to this team --------------------------------

    def stake(self, tid: str) -> float:
        """What one step forward on this track is worth to this team now."""
        worth = self._stakes.get(tid)
        if worth is None:
            worth = self._stakes[tid] = self._stake(tid)
        return worth

    def _stake(self, tid: str) -> float:
        track = self.state.tracks[tid]
        goals = self.know.goals[self.actor].get(tid)
        if not goals:
            return BLOCK if self.blocks(tid) else BYSTANDER.get(self.policy, 0.0)
        worth = 0.0
        for goal in goals:
            if goal.parks:
                rung = min((self.know.rungs.get(s, 0) for s in goal.statuses), default=0)
                worth += 0.8 if track.position < rung else -0.6
            elif goal.at_least is not None and track.position < goal.at_least:
                worth += 1.0
            else:
                worth += 0.5  # reached on the ladder: the track still has to be agreed
        return worth

    def blocks(self, tid: str) -> bool:
        """A hardliner with no stake in a track that others want publicly stands in their way."""
        if self.policy != "hardliner" or self.know.goals[self.actor].get(tid):
            return False
        return bool(self.know.public[tid] - {self.actor})

    def _tension_worth(self, tid: str, stake: float) -> float:
        """What one point more tension on this track is worth to this team (mostly < 0)."""
        track = self.state.tracks[tid]
        spec = self.state.scenario.index.tracks[tid]
        heat = 1.0 + track.tension / max(1, spec.breakdown_at)
        near = track.tension >= spec.breakdown_at - 2
        if self.policy == "hardliner":
            if self.blocks(tid):
                return 0.25
            return -(0.1 + 0.15 * stake) * heat - (0.5 if near and stake > 0 else 0.0)
        return -(0.15 + 0.2 * max(stake, 0.0)) * heat - (0.8 if near else 0.0)

    def _status_worth(self, tid: str, status: str) -> float:
        track = self.state.tracks[tid]
        spec = self.state.scenario.index.tracks[tid]
        goals = self.know.goals[self.actor].get(tid, [])
        worth = 0.0
        if status == "open":
            return self._reopening_worth(track.status, goals)
        for goal in goals:
            if status in goal.statuses:
                worth += 2.0 if goal.at_least is None or track.position >= goal.at_least else 0.5
            elif not goal.parks:
                worth -= 1.0  # closing a track it wants agreed
        if not goals:
            near = track.tension >= spec.breakdown_at - 2
            worth += 0.8 if near and self.policy == "cooperative" else -0.3
        return worth

    def _reopening_worth(self, status: str, goals: Sequence[Goal]) -> float:
        """A parked or collapsed track set open again: wanted by a team that still wants it to
        move, unwanted by one whose goal was that very closure."""
        if not goals:
            return -0.3 if self.policy == "cooperative" and status == "deferred" else 0.0
        worth = 0.0
        for goal in goals:
            if status in goal.statuses:
                worth -= 2.0  # its goal met by the closure: reopening undoes it
            elif not goal.parks:
                worth += 1.0  # the track it wants moved is back on the table
        return worth

    def effects_worth(self, sums: Sums, tid: str | None) -> float:
        """What these effects are worth, on track ``tid`` (None: global); worked out once per judgement."""
        if sums.blank:
            return 0.0
        key = (sums, tid)
        worth = self._worths.get(key)
        if worth is None:
            worth = self._worths[key] = self._effects_worth(sums, tid)
        return worth

    def _effects_worth(self, sums: Sums, tid: str | None) -> float:
        if tid is None:
            return self._weigh(sums, None)
        # on a track it reads only that track's board, and the meters' values if it moves them: a
        # later judgement of the same team, in this game or another, finds it again on the same values
        track = self.state.tracks[tid]
        key = (self.policy, self.actor, id(sums), track, self.meter_values() if sums.meters else None)
        known = self.know.track_worths.get(key)
        if known is not None and known[0] is sums:  # (the sums kept with it: its id is not reused)
            return known[1]
        worth = self._weigh(sums, tid)
        if len(self.know.track_worths) > REMEMBERED:
            self.know.track_worths.clear()
        self.know.track_worths[key] = (sums, worth)
        return worth

    def meter_values(self) -> frozenset[tuple[str, int]]:
        """The meters' values, as a key (taken once a judgement)."""
        values = self._meter_values
        if values is None:
            values = self._meter_values = frozenset(self.state.meters.items())
        return values

    def _weigh(self, sums: Sums, tid: str | None) -> float:
        if not sums.meters:
            worth = 0.0  # what meters_worth makes of no meter change
        else:
            known = self.know.meter_worths.get((self.policy, sums))
            if known is not None and known[0] is self.state.meters:
                worth = known[1]
            else:
                worth = self.meters_worth(sums.meters)
                self.know.meter_worths[(self.policy, sums)] = (self.state.meters, worth)
        if tid is None:
            return worth
        heat = self._heat.get(tid)
        if heat is None:
            stake = self.stake(tid)
            tension = self.state.tracks[tid].tension
            heat = self._heat[tid] = (
                tension, self.state.scenario.index.tracks[tid].breakdown_at, stake, self._tension_worth(tid, stake)
            )
        now, breakdown_at, stake, per_point = heat
        worth += stake * sums.progress
        worth += per_point * max(-now, min(breakdown_at - now, sums.tension))
        if sums.status is not None:
            worth += self._status_worth(tid, sums.status)
        return worth

    def meters_worth(self, changes: dict[str, int]) -> float:
        morale = MORALE.get(self.policy, 0.0)
        worth = 0.0
        for meter, add in changes.items():
            low, high = self.know.bounds.get(meter, (0, 0))
            value = self.state.meters.get(meter, 0)
            real = max(low - value, min(high - value, add))  # what the meter can still move
            worth += morale * self.know.valence.get(meter, 0) * real
        return worth

    # -- chances ---------------------------------------------------------

    def odds(self, move: MoveType, action: Action) -> float:
        """The chance, as this team reckons it, that ``move`` succeeds."""
        return self._odds_on(move, action.track)

    def _odds_on(self, move: MoveType, tid: str | None) -> float:
        if move.resolution == "consensus":  # reads only the scenario: known once a game
            known = self.know.consensus.get((self.actor, tid))
            if known is not None:
                return known
        key = (move.id, tid)
        odds = self._odds.get(key)
        if odds is None:
            odds = self._odds[key] = self._reckon_odds(move, tid)
        return odds

    def _reckon_odds(self, move: MoveType, tid: str | None) -> float:
        if move.resolution == "auto":
            return 1.0
        if move.resolution == "facilitator":
            return FACILITATOR_ODDS
        if move.resolution == "dice":
            per_track = self.know.modifiers[move.id][1]
            bonus = self._free_bonus.get(move.id)
            if bonus is None:  # the modifiers that read no track: the same for every track this judgement
                bonus = self._free(move.id)
            if per_track:
                bonus += self._track_bonus(move.id, per_track, tid)
            assert move.target is not None
            return dice_odds(move.target - bonus)
        return self._consensus_odds(tid)

    def _free(self, move_id: str) -> int:
        """What a dice move's modifiers that read no track add: the same on every track this judgement,
        and, when they read only the meters, found again by any judgement on meters of the same values."""
        know = self.know
        if know.free_reads_meters[move_id]:
            key = (move_id, self.meter_values())
            bonus = know.free_bonus.get(key)
            if bonus is None:
                if len(know.free_bonus) > REMEMBERED:
                    know.free_bonus.clear()
                bonus = know.free_bonus[key] = self._modifiers_add(move_id)
        else:
            bonus = self._modifiers_add(move_id)
        self._free_bonus[move_id] = bonus
        return bonus

    def _modifiers_add(self, move_id: str) -> int:
        view = ReadView(self.state, None, self.actor)
        return sum(m.add for m in self.know.modifiers[move_id][0] if m.holds(view))

    def _track_bonus(self, move_id: str, per_track: tuple[Any, ...], tid: str | None) -> int:
        """What a dice move's modifiers that read a track add on ``tid``. Those that read only their own
        track (no other named) are found again on a board of the same values, by any team."""
        track = self.state.tracks[tid] if tid is not None else None
        own = track is not None and self.know.own_track_only[move_id]
        if own:
            known = self.know.track_bonus.get((move_id, track))
            if known is not None:
                return known
        view = ReadView(self.state, tid, self.actor)
        bonus = sum(m.add for m in per_track if m.holds(view))
        if own:
            if len(self.know.track_bonus) > REMEMBERED:
                self.know.track_bonus.clear()
            self.know.track_bonus[(move_id, track)] = bonus
        return bonus

    def _consensus_odds(self, tid: str | None) -> float:
        odds = self.know.consensus.get((self.actor, tid))
        if odds is None:
            odds = self.know.consensus[(self.actor, tid)] = self._reckon_consensus(tid)
        return odds

    def _reckon_consensus(self, tid: str | None) -> float:
        spec = self.state.scenario.index.tracks[tid] if tid else None
        if spec is None:
            return 1.0
        voters = [m for m in spec.members if m != self.actor]
        vetoes = set(spec.vetoes())
        counts = {1: 1.0}  # accepts so far (the proposer's own), with their chance
        for voter in voters:
            p = ACCEPT_IF_PUBLIC if voter in self.know.public[tid] else ACCEPT_OTHERWISE
            nxt: dict[int, float] = {}
            for n, q in counts.items():
                nxt[n + 1] = nxt.get(n + 1, 0.0) + q * p
                if voter not in vetoes:
                    nxt[n] = nxt.get(n, 0.0) + q * (1 - p)
            counts = nxt
        return sum(q for n, q in counts.items() if n >= spec.threshold())

    # -- moves -----------------------------------------------------------

    def move_worth(self, action: Action) -> float:
        traits = self.know.moves[action.move]  # type: ignore[index]
        if traits.where == "argue":
            return self.argument_worth(traits, action) - traits.cost_worth
        if traits.where == "global":
            return self.effects_worth(traits.ok, None) - traits.cost_worth
        p, ok, fail, cost, lean = self._on_track(traits, action.track)
        if action.link is not None:
            ok += self.stake(action.link) * traits.linked.progress
        worth = p * ok + (1 - p) * fail - cost
        return worth if lean is None else worth + lean

    def option_worths(self, options: Iterable[Action | Pairs]) -> list[float]:
        """Each option's worth in order: 0 for a pass, else ``move_worth`` (the same sums, so the same
        floats), with a move's odds, its cost and a track's stake and heat looked up once; a
        :class:`~tabletop.engine.listing.Pairs` (a Listing's part) gives the worth of each of its pairs.

        A listed action's worth is found again from an earlier judgement of the same team, in this
        game or an earlier one, on a board of the same values: its track's (position, tension,
        status...), the meters' when its worth reads them, a dice move's odds. Nothing else it
        reads changes in a game (:meth:`Knowledge.remembered`); the same values give the same float.
        """
        know = self.know
        moves = know.moves
        own_only = know.own_track_only
        free = self._free_bonus
        hard = self.hard
        tracks = self.state.tracks
        memo = know.remembered(self.policy, self.actor)
        meters = None  # the meters' values, taken when an option's worth first reads them
        boards = know.on_boards(self.policy, self.actor)
        by_track: dict[str, dict[int, tuple[Action, float]]] = {}  # each track's entry of ``boards`` now
        out: list[float] = []
        append = out.append
        for action in options:
            kind = action.kind
            if kind != "move":
                if kind == "pass":
                    append(0.0)
                else:  # a link move on one track, paired with each other open track (a Listing's part)
                    out.extend(self.link_worths(action.move, action.track, action.partners()))  # type: ignore[attr-defined]
                continue
            traits = moves[action.move]  # type: ignore[index]
            if action.link is not None:  # reads another track's board: worked out every time
                append(self.move_worth(action))
                continue
            tid = action.track
            reads = traits.reads_meters
            if reads and traits.where == "argue":  # the meters, only if the result it asks for moves them
                reads = bool(self.argued(action).meters or traits.fail.meters)
            if not reads and not traits.dice and tid is not None:  # reads its track's board alone
                on_board = by_track.get(tid)
                if on_board is None:
                    board = tracks[tid]
                    on_board = boards.get(board)
                    if on_board is None:
                        if len(boards) > REMEMBERED // 8:  # (a board holds a team's few actions on a track)
                            boards.clear()
                        on_board = boards[board] = {}
                    by_track[tid] = on_board
                known = on_board.get(id(action))
                if known is not None and known[0] is action:
                    append(known[1])
                    continue
                if traits.where == "argue":
                    worth = self.argument_worth(traits, action) - traits.cost_worth
                else:
                    worth = self._track_option(traits, tid, hard)
                on_board[id(action)] = (action, worth)
                append(worth)
                continue
            if reads and meters is None:
                meters = self.meter_values()
            if not traits.dice:
                dice = None
            # what a dice move's odds read beyond its own track's board (in the key beside it): what its
            # modifiers that read no track add, once a judgement; the odds themselves when one reads
            # another track
            elif tid is not None and own_only[action.move]:
                dice = free.get(action.move)  # type: ignore[arg-type]
                if dice is None:
                    dice = self._free(action.move)  # type: ignore[arg-type]
            else:
                dice = self._odds_on(traits.move, tid)
            key = (id(action), None if tid is None else tracks[tid], meters if reads else None, dice)
            known = memo.get(key)
            if known is not None and known[0] is action:
                append(known[1])
                continue
            if traits.where == "argue":  # half the options of a turn where arguments are offered
                worth = self.argument_worth(traits, action) - traits.cost_worth
            elif traits.where != "track":
                worth = self.move_worth(action)
            else:
                worth = self._track_option(traits, tid, hard)
            if len(memo) > REMEMBERED:
                memo.clear()
            memo[key] = (action, worth)
            append(worth)
        return out

    def _track_option(self, traits: MoveTraits, tid: str | None, hard: bool) -> float:
        """What _on_track works out, its look-ups inlined: this is most of a bot's time."""
        worths = self._worths
        p = traits.fixed_odds
        if p is None:
            p = self._odds_on(traits.move, tid)
        sums = traits.ok
        if sums.blank:
            ok = 0.0
        else:
            ok = worths.get((sums, tid))  # type: ignore[assignment]
            if ok is None:
                ok = worths[(sums, tid)] = self._effects_worth(sums, tid)
        sums = traits.fail
        if p >= 1 or sums.blank:
            fail = 0.0
        else:
            fail = worths.get((sums, tid))  # type: ignore[assignment]
            if fail is None:
                fail = worths[(sums, tid)] = self._effects_worth(sums, tid)
        worth = p * ok + (1 - p) * fail - traits.cost_worth
        if hard and traits.ok.progress > 0 and tid and self.stake(tid) > 0:
            resolution = traits.move.resolution
            if resolution == "dice":
                worth += HARD_PRESS  # presses rather than waits on the others
            elif resolution == "auto":
                worth += -HARD_CONCESSION  # gives ground on its own: a last resort
        return worth

    def link_worths(self, move_id: str, tid: str, partners: Iterable[str]) -> list[float]:
        """``move_worth`` of the link move on ``tid`` linked with each partner, in order.

        The same sums as ``move_worth`` (so the same floats), with what does
        not depend on the partner worked out once.
        """
        traits = self.know.moves[move_id]
        p, ok, fail, cost, lean = self._on_track(traits, tid)
        progress = traits.linked.progress
        rest = (1 - p) * fail
        stake = self.stake
        if lean is None:
            return [p * (ok + stake(other) * progress) + rest - cost for other in partners]
        return [p * (ok + stake(other) * progress) + rest - cost + lean for other in partners]

    def _on_track(self, traits: MoveTraits, tid: str | None) -> tuple[float, float, float, float, float | None]:
        """A track move's chance, worth if it succeeds and if it fails, its cost, and a hardliner's lean (or None)."""
        move = traits.move
        cost = traits.cost_worth
        p = traits.fixed_odds
        if p is None:
            p = self._odds_on(move, tid)
        ok = self.effects_worth(traits.ok, tid)
        fail = self.effects_worth(traits.fail, tid) if p < 1 else 0.0
        lean = None
        if self.hard and traits.ok.progress > 0 and tid and self.stake(tid) > 0:
            if move.resolution == "dice":
                lean = HARD_PRESS  # presses rather than waits on the others
            elif move.resolution == "auto":
                lean = -HARD_CONCESSION  # gives ground on its own: a last resort
        return p, ok, fail, cost, lean

    def argument_worth(self, traits: MoveTraits, action: Action) -> float:
        """An argument: the result it asks for, at the odds the simulated facilitator would set
        (from even, one step likelier per reason, one less likely per counter it expects)."""
        know = self.know
        key = (self.actor, len(action.reasons or ()), action.track)
        p = know.argue_odds.get(key)
        if p is None:
            p = know.argue_odds[key] = dice_odds(ODDS[matrix_odds(key[1], self.expected_counters(action.track))])
        ok = self.effects_worth(self.argued(action), action.track)
        return p * ok + (1 - p) * self.effects_worth(traits.fail, action.track)

    def argued(self, action: Action) -> Sums:
        """The result an argument asks for, as effect sums (worked out once a listed action)."""
        know = self.know
        argued = know.argued.get(id(action))
        if argued is None or argued[0] is not action:
            if len(know.argued) > 4096:  # the listed arguments are a few per team and track; others come and go
                know.argued.clear()
            sums = Sums([effect_of(action.wanted or {})])  # the result argued for: often a move's own sums
            argued = know.argued[id(action)] = (action, know.interned.setdefault(sums.key, sums))
        return argued[1]

    def expected_counters(self, tid: str | None) -> int:
        """The counters this team expects on ``tid``: from each other member that does not want it publicly."""
        spec = self.state.scenario.index.tracks.get(tid or "")
        if spec is None:
            return 0
        return sum(1 for m in spec.members if m != self.actor and m not in self.know.public[spec.id])

    def proposal_worth(self, move_id: str, tid: str | None, link: str | None) -> float:
        """What a tabled proposal would bring this team if it passed."""
        traits = self.know.moves[move_id]
        worth = self.effects_worth(traits.ok, tid)
        if link is not None:
            worth += self.stake(link) * traits.linked.progress
        return worth


def card_choice_worth(judge: Judge, effects: Sequence[Any], tid: str | None) -> float:
    sums = Sums(effects)
    return judge.effects_worth(judge.know.interned.setdefault(sums.key, sums), tid)  # equal sums: one object
