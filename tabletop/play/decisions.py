"""The decision at hand: what the game waits for, and which entries a seat may pick.

Plain functions over a state and the seat's facts (which actors are bots,
the sealed round's gate or hand-over, a card held for the facilitator), so
a screen draws the result and a host can work it out for each team. The
words are styled text as plain ``(text, style)`` spans; what an entry does
is a :data:`Pick` record, which the screen carries out. A refused entry
keeps the engine's own words: the screen shows them instead of doing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from ..content.grammar import possessive
from ..content.literal import literal
from ..engine import Action, RuleViolation, State, legal_actions, move_options, waiting_for
from ..engine.legal import link_partners
from ..engine.sides import is_own_move
from ..engine.wording import move_words, named, names
from .sealed import SealedStep

#: the stage of the moves phase for the global moves (no track)
GLOBAL = "@global"


class Styled(NamedTuple):
    """Words with styles: ``spans`` of ``(text, style)`` over ``style``, the style of the whole."""

    spans: tuple[tuple[str, str], ...]
    style: str = ""

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.spans)


def styled(text: str, style: str = "", *more: tuple[str, str]) -> Styled:
    """``text`` in ``style`` (the whole's style: it reaches the ``more`` spans too)."""
    return Styled(((text, ""), *more), style)


class _Record:
    """A small immutable record compared by its kind and its fields.

    Not a dataclass: each one costs every start about half a millisecond to
    build (benchmarks/README.md), and the board imports these at start. Not a
    named tuple either: ``Act(a) == Propose(a)`` must be false.
    """

    __slots__: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        values = dict(zip(self.__slots__, args, strict=False))
        values.update(kwargs)
        if set(values) != set(self.__slots__):
            raise TypeError(f"{type(self).__name__} takes {', '.join(self.__slots__) or 'nothing'}")
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._values() == self._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={v!r}' for n, v in zip(self.__slots__, self._values()))})"


class RoundReview(_Record):
    """The prompt of the review phase: the round review (each track's net change, what was undone)."""

    __slots__ = ()


# -- what an entry does ------------------------------------------------------


class Act(_Record):
    """Do ``action`` at once."""

    action: Action

    __slots__ = ("action",)


class Propose(_Record):
    """Make the move ``action`` once its team confirms it."""

    action: Action

    __slots__ = ("action",)


class Stage(_Record):
    """Choose among a track's moves (``GLOBAL``: the global moves), or back to the tracks (None)."""

    stage: str | None

    __slots__ = ("stage",)


class AskRuling(_Record):
    """The facilitator rules a success or failure on ``track``, with a reason asked for."""

    track: str | None
    success: bool

    __slots__ = ("track", "success")


class ReleaseCard(_Record):
    """The facilitator has read the card out: the bot may answer it."""

    __slots__ = ()


class Ready(_Record):
    """Sealed round: ``team`` is at the keyboard and the others look away."""

    team: str

    __slots__ = ("team",)


class HandOver(_Record):
    """Sealed round: the team at the keyboard is done and hands over."""

    __slots__ = ()


class ShowOutcome(_Record):
    """Show the outcome of the game."""

    __slots__ = ()


Pick = Act | Propose | Stage | AskRuling | ReleaseCard | Ready | HandOver | ShowOutcome


class Choice(NamedTuple):
    """One entry of the decision: its words, what picking it does, and why it is refused."""

    label: Styled
    pick: Pick
    refusal: str | None = None  # the engine's reason: picking the entry says it, and does nothing
    hint: str | None = None  # a short form of the refusal for the list


class Decision(NamedTuple):
    """What the game waits for (``prompt``) and the entries to pick from."""

    prompt: Styled | RoundReview
    entries: tuple[Choice, ...]


def decision(
    state: State,
    acting: str | None,
    *,
    bots: Mapping[str, str] | None = None,
    sealed: SealedStep | None = None,
    card_held: bool = False,
    stage: str | None = None,
) -> Decision:
    """The decision at hand.

    ``acting``: the actor the game waits on; ``bots``: each bot's policy by
    actor (human teams are absent); ``sealed``: the sealed round's gate or
    hand-over due now; ``card_held``: the card waits for the facilitator to
    let a bot answer it; ``stage``: the track (or ``GLOBAL``) whose moves a
    team is choosing among, None for the list of tracks.
    """
    if state.over:
        return Decision(styled("The game is over."), (Choice(styled("Show the outcome"), ShowOutcome()),))
    if sealed is not None:
        return sealed_decision(state, sealed)
    n = names(state)
    bots = bots or {}
    if acting in bots:
        who = n.get(acting or "", acting)
        if card_held:
            return Decision(
                styled(f"{who} (bot) answers this card. Read it out first (k: skip it, r: redraw).", "bold"),
                (Choice(styled(f"Let {who} answer the card"), ReleaseCard()),),
            )
        return Decision(styled(f"{who} (bot: {bots[acting or '']}) is deciding\u2026"), ())
    waiting = waiting_for(state)
    if waiting == "move":
        assert acting is not None
        return move_decision(state, acting, stage)
    if waiting in ("vote", "roll", "rule", "enact"):
        return _proposal_decision(state, waiting)
    options = legal_actions(state)
    if waiting == "draw":
        return _one("Event phase: draw this round's card.", "Draw the event card", options[0])
    if waiting == "card":
        return _one("The card is on the table. Read it out, then apply it.", "Apply the card to the board", options[0])
    if waiting == "choice":
        return _card_choice(state, options)
    prompt = RoundReview() if state.phase == "review" else styled(f"{state.phase.capitalize()} phase done.")
    return Decision(prompt, (Choice(styled(advance_label(state)), Act(options[0])),))


def _one(prompt: str, label: str, action: Action) -> Decision:
    return Decision(styled(prompt), (Choice(styled(label), Act(action)),))


def _card_choice(state: State, options: list[Action]) -> Decision:
    """The card's chooser answers it: one entry per choice, with what it does."""
    n = names(state)
    card = next(c for c in state.scenario.deck.cards if c.id == state.card)
    entries = []
    for action in options:
        choice = card.choices[action.choice or 0]
        effects = ", ".join(named(e, n) for e in choice.effects) or "no further effect"
        entries.append(Choice(styled(literal(choice.label), "bold", (f" \u2192 {effects}", "")), Act(action)))
    return Decision(styled(f"{n.get(card.chooser() or '', '')} answers \u201c{literal(card.title)}\u201d:"), tuple(entries))


def _proposal_decision(state: State, waiting: str) -> Decision:
    """The proposal at the head of the queue: a vote, a roll, a ruling or its enactment."""
    n = names(state)
    options = legal_actions(state)
    head = state.queue[0]
    move = next(m for m in state.ruleset.moves if m.id == head.move)
    whose = f"{possessive(n.get(head.actor, head.actor))} \u201c{literal(move.name)}\u201d"
    if waiting == "vote":
        voter = options[0].actor or ""
        proposal = (f"{n.get(head.actor, head.actor)} proposes \u201c{literal(move.name)}\u201d on "
                    f"{n.get(head.track or '', '')}: {move_words(move, n)}")
        spans = [(proposal, "")]
        spec = state.scenario.index.tracks.get(head.track or "")
        if spec is not None:
            rule = f"\nIt passes with {spec.threshold()} of {len(spec.members)} accepting (the proposer counts)"
            if spec.vetoes():
                rule += "; a reject by " + " or ".join(n.get(v, v) for v in spec.vetoes()) + " is a veto"
            spans.append((rule + ".", "italic"))
        accept, reject = options
        return Decision(styled(f"{n.get(voter, voter)}: accept or reject?\n", "bold", *spans),
                        (Choice(styled("Accept"), Act(accept)), Choice(styled("Reject"), Act(reject))))
    if waiting == "roll":
        mods = tuple((f"  {mod.add:+d} if {named(mod, n)}\n", "dim") for mod in move.modifiers)
        prompt = styled(f"Dice for {whose} on {n.get(head.track or '', '')}: 2d6 + modifiers \u2265 {move.target}\n",
                        "", *mods)
        return Decision(prompt, (Choice(styled("Roll the dice"), Act(options[0])),))
    if waiting == "rule":
        prompt = styled(f"Facilitator, rule on {whose} on {n.get(head.track or '', '')}: {move_words(move, n)}")
        return Decision(prompt, (
            Choice(styled("Success \u2014 with a reason"), AskRuling(head.track, True)),
            Choice(styled("Failure \u2014 with a reason"), AskRuling(head.track, False)),
        ))
    return Decision(styled(f"Revealed: {whose} on {n.get(head.track or '', 'the world')}."),
                    (Choice(styled("Apply it"), Act(options[0])),))


def advance_label(state: State) -> str:
    """The entry that moves the game on: the next phase, the reveal, the next round or the end."""
    phases = state.ruleset.ruleset.phases
    index = phases.index(state.phase)
    if index + 1 < len(phases):
        nxt = phases[index + 1]
        if state.phase == "moves" and state.ruleset.ruleset.sealed_moves and state.queue:
            return f"Reveal the sealed moves and go to {nxt}"
        return f"Continue to the {nxt} phase"
    if state.round >= state.ruleset.ruleset.turns:
        return "End the game (that was the last round)"
    return f"Start round {state.round + 1}"


def sealed_decision(state: State, step: SealedStep) -> Decision:
    """The look-away gate before a team's sitting, or its hand-over after it (sealed rounds)."""
    n = names(state)
    team = step.team
    if step.kind == "gate":
        committed = sorted({p.actor for p in state.queue if p.sealed and not p.revealed})
        so_far = ("Committed so far: " + ", ".join(n.get(a, a) for a in committed) + ".") if committed else ""
        prompt = styled(f"Sealed round: {n[team]} enters all its moves privately. Everyone else, look away.", "bold",
                        *((f"\n{so_far}", "dim"),) if so_far else ())
        return Decision(prompt, (Choice(styled(f"Ready \u2014 {n[team]} is at the keyboard"), Ready(team)),))
    nxt = n.get(step.to, step.to) if step.to else "the facilitator"
    return Decision(
        styled(f"{possessive(n[team])} moves are sealed until the reveal. {n[team]}: hand over to {nxt}.", "bold"),
        (Choice(styled(f"Done \u2014 hand over to {nxt}"), HandOver()),),
    )


def move_decision(state: State, actor: str, stage: str | None) -> Decision:
    """A team's turn in the moves phase: its tracks (``stage`` None), or the moves of one stage."""
    if stage is None:
        return _track_decision(state, actor)
    n = names(state)
    entries = []
    for action, problem in _stage_options(state, actor, stage):
        move = next(m for m in state.ruleset.moves if m.id == action.move)
        label = [(literal(move.name), "")]
        if action.link:
            label.append((f" (with {n.get(action.link, action.link)})", "bold"))
        label.append((f" \u2014 {move_words(move, n)}", ""))
        entries.append(Choice(Styled(tuple(label), "bold"), Propose(action), problem.message if problem else None))
    entries.append(Choice(styled("\u2190 Back to the tracks"), Stage(None)))
    where = "everyone" if stage == GLOBAL else n.get(stage, stage)
    return Decision(styled(f"{n[actor]} on {where}: pick a move (escape: back)."), tuple(entries))


def _stage_options(state: State, actor: str, stage: str) -> list[tuple[Action, RuleViolation | None]]:
    """The move options on one stage (a track, or ``GLOBAL``), a link move once for each track it
    may be linked with: the engine lists it once a track, its partner open."""
    out: list[tuple[Action, RuleViolation | None]] = []
    for action, problem in own_move_options(state, actor):
        if (stage == GLOBAL) != (action.track is None):
            continue
        if action.track is not None and action.track != stage:
            continue
        linking = action.track is not None and action.link is None and _is_link(state, action)
        partners = link_partners(state, stage) if linking else []
        if partners and state.independence != "strict":
            out.extend((Action("move", actor=action.actor, move=action.move, track=stage, link=other), problem)
                       for other in partners)
        else:
            out.append((action, problem))
    return out


def _is_link(state: State, action: Action) -> bool:
    return state.scenario.index.moves[action.move or ""].link


def own_move_options(state: State, actor: str) -> list[tuple[Action, RuleViolation | None]]:
    """The engine's move options for ``actor`` (each with its refusal), less other sides' moves."""
    return [(a, p) for a, p in move_options(state, actor) if is_own_move(state, actor, a.move or "")]


def _track_decision(state: State, actor: str) -> Decision:
    """The tracks a team may choose a move on, the global moves, and passing."""
    n = names(state)
    rs = state.ruleset
    left = state.actions_left.get(actor, 0)
    # a track is greyed when the engine refuses every move there for one reason
    # (not a member, track closed): that reason, in the engine's words
    refusals: dict[str, list[RuleViolation | None]] = {}
    for action, refusal in move_options(state, actor):
        if action.track is not None:
            refusals.setdefault(action.track, []).append(refusal)
    entries: list[Choice] = []
    for spec in rs.tracks:
        track = state.tracks[spec.id]
        label = styled(n[spec.id], "bold",
                       (f"  pos {track.position}/{len(spec.ladder) - 1}, tension {track.tension}/{spec.breakdown_at}", ""))
        found = refusals.get(spec.id, [])
        codes = {r.code if r else None for r in found}
        refusal = found[0] if found and len(codes) == 1 and None not in codes else None
        if refusal is not None:
            hint = {"NOT_A_MEMBER": f"{n[actor]} is not at this table",
                    "TRACK_CLOSED": f"the track is {track.status}"}.get(refusal.code)
            entries.append(Choice(label, Stage(spec.id), refusal.message, hint))
        else:
            entries.append(Choice(label, Stage(spec.id)))
    if any(m.scope == "global" for m in rs.moves):
        entries.append(Choice(styled("Global moves (signals to everyone)", "bold"), Stage(GLOBAL)))
    entries.append(Choice(styled(f"Pass \u2014 {n[actor]} makes no more moves this round"), Act(Action("pass", actor=actor))))
    prompt = f"{n[actor]}: pick a track, then a move ({left} action{'s' if left != 1 else ''} left)."
    return Decision(styled(prompt), tuple(entries))


__all__ = [
    "GLOBAL",
    "Act",
    "AskRuling",
    "Choice",
    "Decision",
    "HandOver",
    "Pick",
    "Propose",
    "Ready",
    "ReleaseCard",
    "RoundReview",
    "ShowOutcome",
    "Stage",
    "Styled",
    "advance_label",
    "decision",
    "move_decision",
    "own_move_options",
    "sealed_decision",
    "styled",
]
