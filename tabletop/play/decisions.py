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
from typing import Any

from ..content.grammar import plural_subject
from ..engine.lookups import whose as possessive  # English "Russia's"; the name alone in a translation
from ..content.literal import literal
from ..engine import Action, RuleViolation, State, legal_actions, move_options, waiting_for
from ..engine.adjudication import roll_modifiers
from ..engine.cards import kept_out_by, set_aside
from ..engine.legal import lapsing, link_partners
from ..engine.state import Proposal
from ..engine.sides import is_own_move
from ..engine.wording import (applying_words, argued_words, choice_words, cost_words, failing_words, modifier_words,
                              move_words, names, provisional_words, wanted_words, why_aside)
from ..lang import Domain
from .picks import (
    Act,
    Argue,
    AskRuling,
    Choice,
    Decision,
    HandOver,
    Propose,
    Ready,
    ReleaseCard,
    RoundReview,
    ShowOutcome,
    Stage,
    Styled,
    styled,
)
from .sealed import SealedStep

_, ngettext, N_ = Domain("play").words()
pgettext = Domain("play").pgettext
#: pgettext("plural subject", …): the form of a sentence whose subject, an actor's name, takes a plural verb

#: the stage of the moves phase for the global moves (no track)
GLOBAL = "@global"


def decision(
    state: State,
    acting: str | None,
    *,
    bots: Mapping[str, str] | None = None,
    sealed: SealedStep | None = None,
    card_held: bool = False,
    stage: str | None = None,
    marked: bool = False,
) -> Decision:
    """The decision at hand.

    ``acting``: the actor the game waits on; ``bots``: each bot's policy by
    actor (human teams are absent); ``sealed``: the sealed round's gate or
    hand-over due now; ``card_held``: the card waits for the facilitator to
    let a bot answer it; ``stage``: the track (or ``GLOBAL``) whose moves a
    team is choosing among, None for the list of tracks; ``marked``: an
    argument's typed texts marked with their language where the reader reads
    another (:func:`~.arguing.argument_spans`).
    """
    if state.over:
        return Decision(styled(_("The game is over.")), (Choice(styled(_("Show the outcome")), ShowOutcome()),))
    if sealed is not None:
        return sealed_decision(state, sealed)
    lapses = lapsing(state)
    if lapses is not None:  # before any team's or bot's step on it: nobody rolls, votes or rules on a dead proposal
        return lapse_decision(state, lapses, marked=marked)
    n = names(state)
    bots = bots or {}
    if acting in bots:
        who = n.get(acting or "", acting)
        plural = plural_subject(state.scenario, acting)  # "Государства-посредники … принимают" (found from outside)
        if card_held:
            answers = (pgettext("plural subject", "{who} (bot) answer this card. Read it out first (k: skip it, r: "
                                "redraw).") if plural
                       else _("{who} (bot) answers this card. Read it out first (k: skip it, r: redraw)."))
            return Decision(
                styled(answers.format(who=who), "bold", *_set_aside(state)),
                (Choice(styled((pgettext("plural subject", "Let {who} answer the card") if plural
                                else _("Let {who} answer the card")).format(who=who)), ReleaseCard()),),
            )
        from ..store.players import policy_word  # a bot's policy in the room's words (a game with bots only)

        deciding = (pgettext("plural subject", "{who} (bot: {policy}) are deciding\u2026") if plural
                    else _("{who} (bot: {policy}) is deciding\u2026"))
        return Decision(styled(deciding.format(who=who, policy=policy_word(bots[acting or ""]))), ())
    waiting = waiting_for(state)
    if waiting == "move":
        assert acting is not None
        return move_decision(state, acting, stage)
    if waiting in ("counter", "odds") or (waiting == "roll" and state.queue[0].argument is not None):
        from .arguing import argument_decision  # most games start without an argument: not at start

        return argument_decision(state, waiting, marked=marked)
    if waiting in ("vote", "roll", "rule", "enact"):
        return _proposal_decision(state, waiting)
    options = legal_actions(state)
    if waiting == "draw":
        return _one(_("Event phase: draw this round's card."), _("Draw the event card"), options[0])
    if waiting == "card":
        return Decision(styled(_("The card is on the table. Read it out, then apply it."), "", *_set_aside(state)),
                        (Choice(styled(_("Apply the card to the board")), Act(options[0])),))
    if waiting == "choice":
        return _card_choice(state, options)
    prompt = RoundReview() if state.phase == "review" else styled(phase_done(state.phase))
    return Decision(prompt, (Choice(styled(advance_label(state)), Act(options[0])),))


def _one(prompt: str, label: str, action: Action) -> Decision:
    return Decision(styled(prompt), (Choice(styled(label), Act(action)),))


def _set_aside(state: State) -> tuple[tuple[str, str], ...]:
    """The cards the draw of the card on the table set aside, unplayable now, named on a line of their own (found from
    outside: at 80x24 the log's "(1 set aside, not playable now: …)" was cut off the rulings panel, and the room never
    learnt a card had been set aside); none: nothing."""
    aside = set_aside(state)
    if not aside:
        return ()
    cards = state.scenario.index.cards
    titles = ", ".join(_why_aside(state, c, literal(cards[c].title) if c in cards else literal(c)) for c in aside)
    said = ngettext("{n} card set aside, not playable now: {cards}.", "{n} cards set aside, not playable now: {cards}.",
                    len(aside)).format(n=len(aside), cards=titles)
    return (("\n" + said, "italic"),)  # untranslated: a style


def _why_aside(state: State, card_id: str, title: str) -> str:
    """A card set aside, named with why it could not be played (:func:`~tabletop.engine.wording.why_aside`)."""
    return why_aside(state, title, *kept_out_by(state, card_id))  # the board the draw read: a draw changes no track


def _card_choice(state: State, options: list[Action]) -> Decision:
    """The card's chooser answers it: one entry per choice, with what it does."""
    n = names(state)
    card = next(c for c in state.scenario.deck.cards if c.id == state.card)
    entries = []
    for action in options:
        choice = card.choices[action.choice or 0]
        effects = choice_words(card, choice, n)
        entries.append(Choice(styled(literal(choice.label), "bold", (f" \u2192 {effects}", "")), Act(action)))
    said = (pgettext("plural subject", "{who} answer \u201c{card}\u201d:")
            if plural_subject(state.scenario, card.chooser()) else _("{who} answers \u201c{card}\u201d:"))
    said = said.format(who=n.get(card.chooser() or "", ""), card=literal(card.title))
    return Decision(styled(said), tuple(entries))


def _proposal_decision(state: State, waiting: str) -> Decision:
    """The proposal at the head of the queue: a vote, a roll, a ruling or its enactment."""
    n = names(state)
    options = legal_actions(state)
    head = state.queue[0]
    move = next(m for m in state.ruleset.moves if m.id == head.move)
    whose = _("{whose} \u201c{move}\u201d").format(whose=possessive(n.get(head.actor, head.actor)), move=literal(move.name))
    if waiting == "vote":
        voter = options[0].actor or ""
        proposal = (pgettext("plural subject", "{actor} propose \u201c{move}\u201d on {track}: {effects}")
                    if plural_subject(state.scenario, head.actor)
                    else _("{actor} proposes \u201c{move}\u201d on {track}: {effects}")).format(
            actor=n.get(head.actor, head.actor), move=literal(move.name), track=n.get(head.track or "", ""),
            effects=move_words(move, n))
        # how the vote is decided comes first, under the question: the proposal's effects are long, and at 80x24 a
        # veto said after them was below the panel's fold (found from outside: a veto came as a surprise to the room)
        spans = []
        spec = state.scenario.index.tracks.get(head.track or "")
        if spec is not None:
            rule = _("It passes with {k} of {n} accepting (the proposer counts)").format(
                k=spec.threshold(), n=len(spec.members))
            # the proposer counts as accepting and is never asked: its own veto is no rule the room can meet
            vetoes = [v for v in spec.vetoes() if v != head.actor]
            if vetoes:
                rule += _("; a reject by {who} is a veto").format(who=_(" or ").join(n.get(v, v) for v in vetoes))
            spans.append((rule + ".\n", "italic"))
        spans.append((proposal, ""))
        if head.link:  # found from outside: "on the linked track: progress +1", and no word of which track that is
            spans.append(("\n" + _("The linked track: {track}.").format(track=n.get(head.link, head.link)), "bold"))
        accept, reject = options
        return Decision(styled(_("{voter}: accept or reject?").format(voter=n.get(voter, voter)) + "\n", "bold", *spans),
                        (Choice(styled(_("Accept")), Act(accept)), Choice(styled(_("Reject")), Act(reject))))
    if waiting == "roll":
        # which modifiers hold on the board now, as the roll will count them (the engine's record, not read here):
        # the facilitator explains the odds to the room (found from outside: every modifier was listed alike)
        counted = roll_modifiers(state, move, head.track, head.actor)
        # those that apply first, then the others, each in the move's order (found from outside: at 80x24 three ✖
        # lines came first, and the one ✔ line, what the sum under the question was made of, was below the edge)
        listed = sorted(zip(move.modifiers, counted, strict=True), key=lambda pair: not pair[1].applies)
        mods = tuple(("  " + modifier_words(mod, n, now.applies) + "\n", "" if now.applies else "dim")
                     for mod, now in listed)
        if counted:  # their sum first: at 80x24 the list under it scrolls
            mods = (("  " + applying_words(counted, move.target) + "\n", "bold"), *mods)
        said = (_("Dice for {whose} on {track}: 2d6 + modifiers \u2265 {target}") if head.track
                else _("Dice for {whose}: 2d6 + modifiers \u2265 {target}"))  # a global move is on no track
        prompt = styled(said.format(whose=whose, track=n.get(head.track or "", ""), target=move.target) + "\n", "", *mods)
        return Decision(prompt, (Choice(styled(_("Roll the dice")), Act(options[0])),))
    if waiting == "rule":
        said = (_("Facilitator, rule on {whose} on {track}: {effects}") if head.track
                else _("Facilitator, rule on {whose}: {effects}"))
        prompt = styled(said.format(whose=whose, track=n.get(head.track or "", ""), effects=move_words(move, n)))
        return Decision(prompt, (
            Choice(styled(_("Success \u2014 with a reason")), AskRuling(head.track, True)),
            Choice(styled(_("Failure \u2014 with a reason")), AskRuling(head.track, False)),
        ))
    said = _("Revealed: {whose} on {track}.") if head.track else _("Revealed: {whose}.")
    return Decision(styled(said.format(whose=whose, track=n.get(head.track or "", ""))),
                    (Choice(styled(_("Apply it")), Act(options[0])),))


#: why a tabled move lapses, by the status its track closed with
_CLOSED = {"collapsed": N_("{track} has collapsed"), "agreed": N_("{track} has been agreed"),
           "deferred": N_("{track} has been deferred")}


def _lapse_words(state: State, head: Proposal) -> tuple[str, str]:
    """``Russia's “Ask for mediation”`` and ``Borders has collapsed``: the move set aside, and why."""
    n = names(state)
    move = state.scenario.index.moves.get(head.move)
    whose = _("{whose} \u201c{move}\u201d").format(whose=possessive(n.get(head.actor, head.actor)),
                                                   move=literal(move.name) if move is not None else head.move)
    status = state.tracks[head.track or ""].status
    track = n.get(head.track or "", head.track or "")
    return whose, (_(_CLOSED[status]) if status in _CLOSED else _("{track} is {status}")).format(
        track=track, status=status_name(status))


def lapse_decision(state: State, head: Proposal, *, marked: bool = False) -> Decision:
    """The proposal at the head of the queue, its track closed since it was tabled: the facilitator sets it aside,
    the one entry (found from outside: the room was asked to roll, vote or rule, with a typed reason, on a move that
    lapsed whatever was decided). An argument's words follow, as far as it got (``marked``: as
    :func:`~.arguing.argument_spans` marks its texts)."""
    whose, why = _lapse_words(state, head)
    said = _("{why}: {whose} lapses, whatever a roll, a vote or a ruling would say. Nobody rolls, votes or rules on "
             "it; the facilitator sets it aside (what was paid for it stays paid).").format(why=why, whose=whose)
    more: tuple[tuple[str, str], ...] = ()
    if head.argument is not None:
        from .arguing import argument_spans

        more = (("\n", ""), *argument_spans(state, head, sealed=head.sealed, marked=marked))
    label = _("Set aside: {whose} lapses \u2014 {why}").format(whose=whose, why=why)
    return Decision(styled(said, "bold", *more), (Choice(styled(label), Act(Action("lapse", track=head.track))),))


def lapse_said(state: State) -> str | None:
    """What a team's screen says while the facilitator sets aside a move whose track has closed; None: no such move."""
    head = lapsing(state)
    if head is None:
        return None
    whose, why = _lapse_words(state, head)
    return _("The facilitator is setting aside {whose}: {why}, so it lapses.").format(whose=whose, why=why)


#: a phase's and a status's name in a sentence (the ids stay in the save)
_PHASES = {"event": N_("event"), "moves": N_("moves"), "adjudication": N_("adjudication"), "review": N_("review")}
_STATUSES = {"open": N_("open"), "agreed": N_("agreed"), "collapsed": N_("collapsed"), "deferred": N_("deferred")}


#: a phase's end in a sentence of its own: a translation words each (a phase's name alone is in the genitive,
#: for "the moves phase", and read "Завершена фаза: Ходов." capitalised after a colon)
_PHASE_DONE = {"event": N_("Event phase done."), "moves": N_("Moves phase done."),
               "adjudication": N_("Adjudication phase done.")}


def phase_done(phase: str) -> str:
    """``Moves phase done.``, in the language of the moment."""
    if phase in _PHASE_DONE:
        return _(_PHASE_DONE[phase])
    return _("{Phase} phase done.").format(Phase=phase_name(phase).capitalize())


def phase_name(phase: str) -> str:
    """A phase's name in the language of the moment (a phase the ruleset names otherwise: its id)."""
    return _(_PHASES[phase]) if phase in _PHASES else phase


def status_name(status: str) -> str:
    """A track's status in the language of the moment."""
    return _(_STATUSES[status]) if status in _STATUSES else status


def advance_label(state: State) -> str:
    """The entry that moves the game on: the next phase, the reveal, the next round or the end."""
    phases = state.ruleset.ruleset.phases
    index = phases.index(state.phase)
    if index + 1 < len(phases):
        nxt = phases[index + 1]
        if state.phase == "moves" and state.ruleset.ruleset.sealed_moves and state.queue:
            return _("Reveal the sealed moves and go to {phase}").format(phase=phase_name(nxt))
        return _("Continue to the {phase} phase").format(phase=phase_name(nxt))
    if state.round >= state.ruleset.ruleset.turns:
        return _("End the game (that was the last round)")
    return _("Start round {n}").format(n=state.round + 1)


def sealed_decision(state: State, step: SealedStep) -> Decision:
    """The look-away gate before a team's sitting, or its hand-over after it (sealed rounds)."""
    n = names(state)
    team = step.team
    counters = state.phase == "adjudication"  # the sitting is for a counter to a matrix argument
    if step.kind == "gate":
        committed = sorted({p.actor for p in state.queue if p.sealed and not p.revealed})
        if counters:
            argument = state.queue[0].argument
            committed = [a for a, _ in argument.counters] if argument is not None else []
        so_far = _("Committed so far: {teams}.").format(teams=", ".join(n.get(a, a) for a in committed)) if committed else ""
        what = (_("Sealed round: {team} enters its counter-argument privately. Everyone else, look away.") if counters
                else _("Sealed round: {team} enters all its moves privately. Everyone else, look away."))
        prompt = styled(what.format(team=n[team]), "bold", *((f"\n{so_far}", "dim"),) if so_far else ())
        return Decision(prompt, (Choice(styled(_("Ready \u2014 {team} is at the keyboard").format(team=n[team])),
                                        Ready(team)),))
    nxt = n.get(step.to, step.to) if step.to else _("the facilitator")
    said = (_("{whose} counter is sealed until the last counter. {team}: hand over to {next}.") if counters
            else _("{whose} moves are sealed until the reveal. {team}: hand over to {next}."))
    return Decision(
        styled(said.format(whose=possessive(n[team]), team=n[team], next=nxt), "bold"),
        (Choice(styled(_("Done \u2014 hand over to {next}").format(next=nxt)), HandOver()),),
    )


def move_decision(state: State, actor: str, stage: str | None) -> Decision:
    """A team's turn in the moves phase: its tracks (``stage`` None), or the moves of one stage."""
    if stage is None:
        return _track_decision(state, actor)
    n = names(state)
    entries = []
    # an argument the ruleset never offers on this track is left out, not greyed: it is no choice here
    options = [(a, p) for a, p in _stage_options(state, actor, stage) if not (p is not None and p.code == "NOT_OFFERED")]
    arguments: dict[str, list[tuple[Action, RuleViolation | None]]] = {}
    for action, problem in options:
        if state.scenario.index.moves[action.move or ""].argue is not None:
            arguments.setdefault(action.move or "", []).append((action, problem))
    worded: dict[str, str] = {}  # a link move is listed once for each partner: its words, once
    for action, problem in options:
        move = state.scenario.index.moves[action.move or ""]
        if move.argue is not None:
            if action.move in arguments:  # one entry for all the results the argument may ask for
                entries.append(_argue_choice(move, arguments.pop(action.move or ""), n))
            continue
        label = [(literal(move.name), "")]
        if action.link:
            label.append((_(" (with {track})").format(track=n.get(action.link, action.link)), "bold"))
        words = worded.get(move.id)
        if words is None:
            words = worded[move.id] = f" \u2014 {move_words(move, n, state.ruleset.ruleset.sealed_moves)}"
        label.append((words, ""))
        entries.append(Choice(Styled(tuple(label), "bold"), Propose(action), problem.message if problem else None))
    entries.append(Choice(styled(_("\u2190 Back to the tracks")), Stage(None)))
    said = (_("{actor}, global moves: pick a move (escape: back).") if stage == GLOBAL
            else _("{actor} on {where}: pick a move (escape: back)."))
    return Decision(styled(said.format(actor=n[actor], where=n.get(stage, stage))), tuple(entries))


def _argue_choice(move: Any, options: list[tuple[Action, RuleViolation | None]], n: dict[str, str] | None = None) -> Choice:
    """The entry of an argument move: what it may ask for; refused in the engine's words if no result is allowed."""
    allowed = tuple(a for a, p in options if p is None)
    wanted = [a.wanted or {} for a, _ in options]
    # a status asked for reads as a result (found from outside: "argue for progress +1, …, tension −1, deferred")
    if len(wanted) == 1:
        terms = _(" \u2014 {cost}; argue for {result}").format(cost=cost_words(move, n), result=argued_words(wanted[0]))
    else:
        terms = _(" \u2014 {cost}; argue for one of: {results}").format(
            cost=cost_words(move, n), results=", ".join(wanted_words(w) for w in wanted))
    failing = failing_words(move, n)  # what failing costs, as every other move's entry says
    label = Styled(((literal(move.name), ""), (f"{terms}; {failing}" if failing else terms, "")), "bold")
    refused = next((p for _, p in options if p is not None), None)
    return Choice(label, Argue(allowed), None if allowed or refused is None else refused.message)


def _stage_options(state: State, actor: str, stage: str) -> list[tuple[Action, RuleViolation | None]]:
    """The move options on one stage (a track, or ``GLOBAL``), a link move once for each track it
    may be linked with: the engine lists it once a track, its partner open."""
    on_stage = [(action, problem) for action, problem in own_move_options(state, actor)
                if (stage == GLOBAL) == (action.track is None) and (action.track is None or action.track == stage)]
    return with_partners(state, on_stage)


def with_partners(state: State, options: list[tuple[Action, RuleViolation | None]]
                  ) -> list[tuple[Action, RuleViolation | None]]:
    """``options`` with a link move listed once for each track it may be linked with: the engine lists it once a
    track, its partner open (a seat's list needs them too: found from outside, a hosted team's link move named no
    partner and was refused, "names a second track to link with")."""
    out: list[tuple[Action, RuleViolation | None]] = []
    for action, problem in options:
        linking = action.track is not None and action.link is None and _is_link(state, action)
        partners = link_partners(state, action.track or "") if linking else []
        if partners and state.independence != "strict":
            out.extend((Action("move", actor=action.actor, move=action.move, track=action.track, link=other), problem)
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
    shut = 0  # the tracks refused to this team as a whole: not at its table, or closed
    for spec in rs.tracks:
        track = state.tracks[spec.id]
        label = styled(n[spec.id], "bold",
                       ("  " + _("pos {position}/{top}, tension {tension}/{breakdown}").format(
                           position=track.position, top=len(spec.ladder) - 1, tension=track.tension,
                           breakdown=spec.breakdown_at), ""))
        found = refusals.get(spec.id, [])
        codes = {r.code if r else None for r in found}
        refusal = found[0] if found and len(codes) == 1 and None not in codes else None
        if refusal is not None:
            absent = (pgettext("plural subject", "{actor} are not at this table") if plural_subject(state.scenario, actor)
                      else _("{actor} is not at this table"))
            hint = {"NOT_A_MEMBER": absent.format(actor=n[actor]),
                    "TRACK_CLOSED": _("the track is {status}").format(status=provisional_words(status_name(track.status))
                                                                      if track.provisional else status_name(track.status))
                    }.get(refusal.code)
            entries.append(Choice(label, Stage(spec.id), refusal.message, hint))
            shut += refusal.code in _NO_TABLE
        else:
            entries.append(Choice(label, Stage(spec.id)))
    usable: list[Choice] = []
    # a team none of whose global moves is its own (each paid in another side's resource) is offered no "Global
    # moves" stage: it opened on "← Back to the tracks" alone (found from outside, helper-197)
    signals = any(m.scope == "global" and is_own_move(state, actor, m.id) for m in rs.moves)
    if signals:
        usable.append(Choice(styled(_("Global moves (signals to everyone)"), "bold"), Stage(GLOBAL)))
    passing = (pgettext("plural subject", "Pass \u2014 {actor} make no more moves this round")
               if plural_subject(state.scenario, actor)
               else _("Pass \u2014 {actor} makes no more moves this round"))
    usable.append(Choice(styled(passing.format(actor=n[actor])), Act(Action("pass", actor=actor))))
    if entries and shut == len(entries):
        # no track open to the team: what it can do comes first, the refused tracks under it (found from outside: at
        # 80x24 "7. Global moves" and "8. Pass" sat below six refused tracks, under "pick a track, then a move")
        if signals:
            prompt = ngettext("{actor}: no track is open to you; choose a global move or pass ({n} action left).",
                              "{actor}: no track is open to you; choose a global move or pass ({n} actions left).",
                              left)
        else:
            prompt = ngettext("{actor}: no track is open to you; pass ({n} action left).",
                              "{actor}: no track is open to you; pass ({n} actions left).", left)
        return Decision(styled(prompt.format(actor=n[actor], n=left)), (*usable, *entries))
    prompt = ngettext("{actor}: pick a track, then a move ({n} action left).",
                      "{actor}: pick a track, then a move ({n} actions left).", left).format(actor=n[actor], n=left)
    return Decision(styled(prompt), (*entries, *usable))


#: the refusals that shut a whole track to a team: it is not at that table, or the track is closed
_NO_TABLE = frozenset({"NOT_A_MEMBER", "TRACK_CLOSED"})


__all__ = [
    "GLOBAL",
    "advance_label",
    "decision",
    "lapse_decision",
    "lapse_said",
    "move_decision",
    "own_move_options",
    "with_partners",
    "sealed_decision",
]
