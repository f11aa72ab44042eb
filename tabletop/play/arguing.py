"""A matrix argument at the table, headless: what the entry asks for, and the argument in words.

The screens draw these and the decision list (:mod:`.decisions`) lists the
steps; the rules are the engine's (:mod:`tabletop.engine.arguments`). Every
typed text is shown through :func:`~tabletop.content.literal.literal`; in a
sealed round a counter's text stays hidden until the last counter reveals them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from ..content.arguments import ODDS
from ..content.grammar import plural_subject
from ..content.literal import one_line
from ..engine import Action, State, legal_actions
from ..engine.arguments import countered, stock_for
from ..engine.legal import closed_to
from ..engine.state import Proposal
from ..engine.partwords import stock_said
from ..engine.wording import dice_words, in_quotes, names, other_lang, typed_apart, wanted_words
from ..lang import Domain
from .picks import Act, Choice, Counter, Decision, MarkStrong, Styled, styled

_, ngettext, N_ = Domain("play").words()
pgettext = Domain("play").pgettext
#: pgettext("plural subject", …): the form of a sentence whose subject, an actor's name, takes a plural verb

Spans = tuple[tuple[str, str], ...]


def chance(target: int) -> int:
    """The chance in whole percent that 2d6 reaches ``target``."""
    hits = sum(1 for a in range(1, 7) for b in range(1, 7) if a + b >= target)
    return round(100 * hits / 36)


def odds_choice(label: str) -> str:
    """Odds as a room reads them: ``likely: 2d6 ≥ 6 (72%)``. The chance is written without a space before its sign
    (found from outside: at 80 columns "92 %" broke between the number and the sign; Rich and Textual wrap at a
    no-break space too)."""
    from ..engine.rulingwords import odds_label  # the log's and the rulings' words for them; most games have none

    target = ODDS[label]
    return f"{odds_label(label)}: {dice_words(target)} ({chance(target)}%)"

#: who set the odds, by the ruleset's method, as the working says it (translated where shown)
ODDS_BY = {
    "facilitator": N_("set by the facilitator"),
    "matrix": N_("weighed by the facilitator from the strong reasons and counters"),
    "vote": N_("voted by the teams, confirmed by the facilitator"),
}


class ArgueEntry(NamedTuple):
    """What the entry of an argument (or a counter) asks for, from the ruleset and the deck.

    ``results`` are the wanted results in words and ``wanted`` the same as
    effect tables (empty for a counter); ``examples`` the deck's stock texts
    shown as prompts: the action's (or the counter's), then each reason's.
    """

    title: str
    results: tuple[str, ...]
    wanted: tuple[Mapping[str, Any], ...]
    text_limit: int
    reason_limit: int
    reasons: int
    examples: tuple[str, ...] = ()


def argue_entry(state: State, templates: Sequence[Action]) -> ArgueEntry:
    """The entry of an argument, from the engine's ready-made ones (one per result, all on one track)."""
    first = templates[0]
    n = names(state)
    options = state.scenario.index.moves[first.move or ""].argue
    assert options is not None
    wanted = tuple(dict(t.wanted or {}) for t in templates)
    stock = stock_for(state.scenario, first.track)
    examples = (stock.actions[0], *stock.reasons[: options.reasons]) if stock is not None else ()
    who = n.get(first.actor or "", first.actor or "")
    plural = plural_subject(state.scenario, first.actor)
    title = pgettext("plural subject", "{who} argue on {track}") if plural else _("{who} argues on {track}")
    return ArgueEntry(
        title=title.format(who=who, track=n.get(first.track or "", first.track or "")),
        results=tuple(wanted_words(w) for w in wanted),
        wanted=wanted,
        text_limit=options.text_length,
        reason_limit=options.reason_length,
        reasons=options.reasons,
        examples=examples,
    )


def counter_entry(state: State, template: Action) -> ArgueEntry:
    """The entry of a counter-argument by ``template.actor`` against the argument at the head of the queue."""
    head = state.queue[0]
    options = state.scenario.index.moves[head.move].argue
    assert options is not None
    n = names(state)
    stock = stock_for(state.scenario, head.track)
    example = template.text or (stock.counters[0] if stock is not None and stock.counters else "")
    # the two teams labelled, not put in a sentence: a name has no case forms to take after "against" (found from
    # outside: «Россия возражает против аргумента стороны «Украина»» read stiffly), and no verb to agree with it
    title = _("Counter: {who} \u00b7 argument: {whose}")
    return ArgueEntry(
        title=title.format(who=n.get(template.actor or "", template.actor or ""), whose=n.get(head.actor, head.actor)),
        results=(),
        wanted=(),
        text_limit=options.reason_length,
        reason_limit=options.reason_length,
        reasons=0,
        examples=(example,) if example else (),
    )


def argued(template: Action, wanted: Mapping[str, Any], text: str, reasons: Sequence[str]) -> Action:
    """The argument as typed: the engine's ready-made action with the team's own words and result."""
    return Action("move", actor=template.actor, move=template.move, track=template.track, link=template.link,
                  text=text, wanted=dict(wanted), reasons=tuple(reasons))


def countering(template: Action, text: str) -> Action:
    """The counter as typed by ``template.actor``."""
    return Action("counter", actor=template.actor, track=template.track, text=text)


def argument_spans(state: State, head: Proposal, *, sealed: bool = False, marked: bool = False,
                   bare: bool = False) -> Spans:
    """The argument at the head of the queue in words: the action, the result wanted, the reasons,
    the counters so far, the votes and the odds (``sealed``: the counters' texts stay hidden).

    ``marked``: each text typed in another language than the reader's marked with it, as the engine's words
    mark it (``“…” (ru)``, ``«…» (uk)``), the mark a dim span of its own: a seat's screen (which reads these
    words as the host sends them) and the replay's. ``bare`` (the replay's): a reason or a counter so marked
    is not put in ``«…»``, the dim mark sets it off (``… (uk)``)."""
    argument = head.argument
    assert argument is not None
    n = names(state)
    langs = typed_langs(state, head) if marked else _NO_LANGS
    shown = _bare if bare else _typed_apart
    who = n.get(head.actor, head.actor)
    plural = plural_subject(state.scenario, head.actor)
    argues = (pgettext("plural subject", "{who} argue on {track}: ") if plural
              else _("{who} argues on {track}: "))
    out: list[tuple[str, str]] = [
        (argues.format(who=who, track=n.get(head.track or "", head.track or "")), "bold"),
        *_marked_spans("{text}\n", "", _quoted(n, argument.text, langs.argument)),  # the language's quotes
        # its subject is the arguing team's: a plural one's verb (found in review: «Государства-посредники добивается»)
        ("  " + (pgettext("plural subject", "want {result}") if plural else _("wants {result}")).format(
            result=wanted_words(argument.wanted_table)) + "\n", "bold"),
    ]
    if closed_to(state, head.track):  # (a provisional agreement may still change: not closed; found in review)
        # found from outside: teams were asked to counter, vote and roll on a track agreed meanwhile, and learnt only
        # afterwards that it had lapsed
        out.append(("  " + _("the track has closed: this argument lapses, whatever is decided") + "\n", "bold"))
    for i, reason in enumerate(argument.reasons, 1):
        out.extend(_marked_spans("  " + _("reason {n}: {text}") + "\n", "", shown(n, reason, langs.argument), n=i))
    if not argument.reasons:
        out.append(("  " + _("(no reasons given)") + "\n", "dim"))
    out.extend(_counter_spans(argument, n, sealed, langs, shown))
    if argument.votes:
        votes = ", ".join(f"{n.get(a, a)} {label}" for a, label in argument.votes)
        out.append(("  " + _("odds voted: {votes}").format(votes=votes) + "\n", "dim"))
    if argument.odds is not None:
        by = _(ODDS_BY.get(argument.odds_by or "", ODDS_BY["facilitator"]))
        out.append(("  " + _("odds {odds}, {by}").format(odds=odds_choice(argument.odds), by=by) + "\n", "bold"))
    return tuple(out)


def _counter_spans(argument: Any, n: Mapping[str, str], sealed: bool, langs: TypedLangs | None = None,
                   shown: Shown | None = None) -> list[tuple[str, str]]:
    shown = shown or _typed_apart
    out = []
    for actor, text in argument.counters:
        who = n.get(actor, actor)
        if sealed:
            # a counter or a pass alike: which it was is sealed too (found from outside: the Russian said "counter
            # made" of either)
            out.append(("  " + _("{who}: a counter or a pass entered (sealed until the last counter)").format(who=who)
                        + "\n", "dim"))
        elif text is None:
            out.append(("  " + _("{who} passed").format(who=who) + "\n", "dim"))
        else:
            out.extend(_marked_spans("  " + _("counter by {who}: {text}") + "\n", "italic",
                                     shown(n, text, langs.counters.get(actor) if langs is not None else None), who=who))
    return out


def argument_decision(state: State, waiting: str, *, marked: bool = False) -> Decision:
    """The step the argument at the head of the queue waits on: a counter, the odds, or the roll
    (``marked``: as :func:`argument_spans` marks the typed texts)."""
    head = state.queue[0]
    argument = head.argument
    assert argument is not None
    n = names(state)
    options = legal_actions(state)
    hidden = waiting == "counter" and head.sealed
    working = argument_spans(state, head, sealed=hidden, marked=marked)
    who = n.get(options[0].actor or "", "")
    if waiting == "counter":
        typed, passing = options[0], options[-1]
        return Decision(Styled(((_("{who}: counter this argument, or pass.").format(who=who) + "\n", "bold"), *working)), (
            Choice(styled(_("Counter it \u2014 type a counter-argument")), Counter(typed)),
            Choice(styled((pgettext("plural subject", "Pass \u2014 {who} make no counter")
                           if plural_subject(state.scenario, passing.actor)
                           else _("Pass \u2014 {who} makes no counter")).format(who=who)), Act(passing)),
        ))
    if waiting == "roll":
        target = ODDS[argument.odds or "even"]
        prompt = Styled(((_("Dice: {dice} decides the argument.").format(dice=dice_words(target)) + "\n", "bold"),
                         *working))
        return Decision(prompt, (Choice(styled(_("Roll the dice")), Act(options[0])),))
    if options[0].actor is not None:
        return Decision(Styled(((_("{who}: how likely is it to work? Vote on the odds.").format(who=who) + "\n", "bold"),
                                *working)),
                        tuple(Choice(styled(odds_choice(a.odds or "")), Act(a)) for a in options))
    if argument.method == "matrix":
        nothing = next(a for a in options if not a.strong)
        ask = _("Facilitator: which reasons and counters are strong? Each strong reason makes it one step "
                "likelier, each strong counter one step less likely.") + "\n"
        return Decision(Styled(((ask, "bold"), *working)),
                        (Choice(styled(_("Mark the strong reasons and counters")), MarkStrong(head.track)),
                         Choice(styled(_("None is strong \u2014 {odds}").format(odds=odds_choice("even"))), Act(nothing))))
    entries = [Choice(styled(odds_choice(a.odds or "")), Act(a)) for a in options]
    if argument.method == "vote":
        entries[0] = Choice(styled(_("Confirm the teams' vote \u2014 {odds}").format(odds=odds_choice(options[0].odds or ""))),
                            Act(options[0]))
        ask = _("Facilitator: confirm the odds the teams voted, or set others.")
    else:
        ask = _("Facilitator: how likely is it to work? Set the odds.")
    return Decision(Styled(((ask + "\n", "bold"), *working)), tuple(entries))


def strong_items(head: Proposal, state: State, *, marked: bool = False) -> tuple[str, ...]:
    """The items a facilitator may mark strong (matrix odds): the reasons, then the counters made
    (``state``: the game as the room reads it, for a deck's stock texts in its words; ``marked``: as
    :func:`argument_spans` marks the typed texts)."""
    argument = head.argument
    assert argument is not None
    n = names(state)
    langs = typed_langs(state, head) if marked else _NO_LANGS
    return (*(_("reason: {text}").format(text=_typed(n, r, langs.argument)) for r in argument.reasons),
            *(_("counter: {text}").format(text=_typed(n, t, langs.counters.get(who)))
              for who, t in countered(argument)))


class TypedLangs(NamedTuple):
    """The languages an argument's texts were typed in, as their events record them: its own (its action and
    reasons), and each counter's by its actor (a team counters an argument once)."""

    argument: str | None
    counters: Mapping[str, str | None]


_NO_LANGS = TypedLangs(None, {})


def typed_langs(state: State, head: Proposal) -> TypedLangs:
    """The languages the argument at ``head`` and its counters were typed in (from its event on: a counter
    undone and typed again is read from its newest event)."""
    argued: str | None = None
    counters: dict[str, str | None] = {}
    for event in state.recent(max(state.seq - head.seq + 1, 1)):
        action = event.action
        if event.seq == head.seq:
            argued = action.lang
        elif event.seq > head.seq and action.kind == "counter" and action.text is not None:
            counters[action.actor or ""] = action.lang
    return TypedLangs(argued, counters)


def _stock(n: Mapping[str, str], text: str) -> str | None:
    """A deck's stock text (a bot's) in the room's words, on one line; None for a team's own words."""
    said = stock_said(n, text)
    return one_line(said) if said else None


def _said(n: Mapping[str, str], text: str) -> str:
    """A typed text on one line: a deck's stock text (a bot's) in the room's words, a team's own as typed."""
    return one_line(stock_said(n, text) or text)


#: a typed text as shown, and the mark of the language it was typed in (`` (uk)``; ``""``: none)
Marked = tuple[str, str]
#: how a reason or a counter is shown: :func:`_typed_apart` or :func:`_bare`
Shown = Callable[[Mapping[str, str], str, str | None], Marked]


def _typed(n: Mapping[str, str], text: str, lang: str | None) -> str:
    """:func:`_said`, a team's own words typed in another language than the reader's quoted and marked: ``“…” (uk)``."""
    return "".join(_typed_apart(n, text, lang))


def _typed_apart(n: Mapping[str, str], text: str, lang: str | None) -> Marked:
    """:func:`_typed` in two: the text as shown (in the reader's quotes where marked, as the action is: ``“…”``) and
    its mark (`` (uk)``)."""
    stock = _stock(n, text)
    if stock is not None:
        return stock, ""
    said, mark = typed_apart(one_line(text), other_lang(lang))
    return (in_quotes(one_line(text)), mark) if mark else (said, "")


def _bare(n: Mapping[str, str], text: str, lang: str | None) -> Marked:
    """:func:`_said` and, a team's own words typed in another language than the reader's, its mark (`` (uk)``)."""
    stock = _stock(n, text)
    return (stock, "") if stock is not None else (one_line(text), typed_apart(text, other_lang(lang))[1])


def _quoted(n: Mapping[str, str], text: str, lang: str | None) -> Marked:
    """:func:`_said` in the language's quotes, and a team's own words typed in another language their mark:
    ``“…”``, `` (ru)``."""
    out = in_quotes(_said(n, text))
    return out, "" if _stock(n, text) is not None else typed_apart(out, other_lang(lang))[1]


def _marked_spans(line: str, style: str, typed: Marked, **values: Any) -> list[tuple[str, str]]:
    """``line`` with ``text`` the typed text (and ``values``) in ``style``, the text's language mark a dim span
    after it (where a translation puts the text: not always last)."""
    text, mark = typed
    said = line.format(text=text + mark, **values)
    if not mark:
        return [(said, style)]
    end = said.rindex(text + mark) + len(text)
    rest = said[end + len(mark):]
    return [(said[:end], style), (mark, "dim"), *([(rest, style)] if rest else [])]


__all__ = [
    "ArgueEntry",
    "TypedLangs",
    "argue_entry",
    "argument_decision",
    "argued",
    "argument_spans",
    "chance",
    "counter_entry",
    "countering",
    "odds_choice",
    "strong_items",
    "typed_langs",
]
