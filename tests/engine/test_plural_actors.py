"""A sentence about an actor whose name is plural in Russian or Ukrainian uses a plural verb
(issue 19: «Соединённые Штаты пасует», «Сполучені Штати пасує»); Russia keeps the singular.

The number comes from the overlay (``number = "plural"`` on the actor), not from the name."""

from __future__ import annotations

import pytest

from tabletop import Action, RuleViolation, apply, lang
from tabletop.content.overlays import translated
from tabletop.engine import State
from tabletop.engine.legal import _check_own
from tabletop.engine.state import evolve
from tabletop.engine.telling import tell

from .support import at_the_moves, pass_

#: language -> (the US passes, Russia passes)
SAID = {
    "ru": ("Соединённые Штаты пасуют", "Россия пасует"),
    "uk": ("Сполучені Штати пасують", "Росія пасує"),
}


def _told_passes(code: str) -> dict[str, str]:
    """Every actor passes in turn; what the log says of each, in ``code``."""
    state = at_the_moves()
    shown = translated(state.scenario, code)
    said: dict[str, str] = {}
    while state.turn is not None and state.turn not in said:
        actor = state.turn
        state = apply(state, pass_(actor))
        assert state.last is not None
        with lang.using(code):
            said[actor] = tell(state.last, shown)
    return said


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_the_united_states_pass_in_the_plural_and_russia_in_the_singular(code: str) -> None:
    said = _told_passes(code)
    us, russia = SAID[code]
    assert said["us"] == us
    assert said["ru"] == russia


def test_english_is_unchanged() -> None:
    said = _told_passes("en")
    assert said["us"] == "United States passes" and said["ru"] == "Russia passes"


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_a_refusal_about_the_united_states_agrees_too(code: str) -> None:
    state = at_the_moves()
    once = next(m for m in state.scenario.ruleset.moves if m.once_per_game)
    state = evolve(state, used_once=state.used_once | {("us", once.id), ("ru", once.id)})
    said = {}
    for actor in ("us", "ru"):
        with lang.using(code), pytest.raises(RuleViolation) as refused:
            _check_own(state, once, actor)
        said[actor] = refused.value.message
    # the singular says it without a gendered verb ("сделал(а)"): a country is not a he or a she
    plural, singular = {"ru": ("уже сделали", "уже сделано"), "uk": ("вже зробили", "уже зроблено")}[code]
    assert plural in said["us"] and singular in said["ru"]


def _checked(actor: dict[str, object]):  # noqa: ANN202
    from tabletop.content.overlaycheck import check_tables
    from tabletop.content.overlaytexts import entries_of
    from tabletop.content.source import SourceFile

    ruleset = at_the_moves().scenario.ruleset
    name = "<test overlay>"
    return check_tables(SourceFile(name, {"actors": {"us": actor}}), "ruleset", entries_of(ruleset), name)


def test_an_overlay_number_is_singular_or_plural_and_not_a_text() -> None:
    checked = _checked({"name": "Соединённые Штаты", "number": "plural"})
    assert not checked.problems and checked.tables["actors"]["us"]["number"] == "plural"
    assert not any("number" in m for m in checked.missing)
    wrong = _checked({"name": "Соединённые Штаты", "number": "many"})
    assert [p.message for p in wrong.problems] == ["got 'many'; expected one of singular, plural"]


def test_a_scenario_translated_without_a_number_is_singular() -> None:
    from tabletop.content.grammar import plural_subject
    from tabletop.content.overlays import apply as put_in

    scenario = at_the_moves().scenario
    assert not plural_subject(scenario, "us")
    assert not plural_subject(put_in(scenario, {"actors": {"us": {"name": "США"}}}), "us")
    assert plural_subject(put_in(scenario, {"actors": {"us": {"number": "plural"}}}), "us")
    assert plural_subject(translated(scenario, "ru"), "us") and not plural_subject(translated(scenario, "ru"), "ru")


# -- a name the base file gives in the plural ------------------------------------------------------------
# The bundled scenario's "Mediating states" and "European NATO members / EU" (``number = "plural"`` in
# English): found from outside, the log read "Mediating states rejects", and the Ukrainian move list
# «… коштує капітал 2; Європейські члени НАТО / ЄС має 1». Here the catalogue's actors are named in the plural.

PLURAL_NAMES = {"actors.a.name": "Northern states", "actors.a.number": "plural",
                "actors.b.name": "Border states", "actors.b.number": "plural",
                "actors.c.name": "Coastal states", "actors.c.number": "plural"}


def _plural_game(*actions: Action) -> State:
    from tabletop import new_game

    from .support import catalogue_scenario, run

    return run(new_game(catalogue_scenario("strict", PLURAL_NAMES), seed=1), actions)


@pytest.mark.parametrize(("votes", "said"), [
    ((True,), "Border states accept"),  # Beta waits for Coastal states' vote too
    # the vote that settles the proposal is told as the vote, then the proposal's verdict, then the tally (found
    # from outside, helper-265 and helper-281)
    ((False,), "Border states reject \u2014 the proposal (Northern states: Propose on Beta) fails \u2014 accepted: "
               "Northern states; rejected: Border states; vetoed by Border states"),
    ((True, False), "Coastal states reject \u2014 the proposal (Northern states: Propose on Beta) succeeds \u2014 "
                    "accepted: Northern states, Border states; rejected: Coastal states"),
    ((True, True), "Coastal states accept \u2014 the proposal (Northern states: Propose on Beta) succeeds \u2014 "
                   "accepted: Northern states, Border states, Coastal states; rejected: nobody"),
], ids=["accept", "veto", "reject", "accept-settles"])
def test_a_vote_of_a_plural_name_takes_the_plural_verb(votes: tuple[bool, ...], said: str) -> None:
    from .support import ADVANCE, move, opening, vote

    voters = ("b", "c")
    state = _plural_game(*opening(), move("a", "propose", "beta"), pass_("b"), pass_("c"), ADVANCE,
                         *(vote(voters[i], "beta", accept) for i, accept in enumerate(votes)))
    assert state.last is not None
    with lang.using("en"):
        assert tell(state.last, state.scenario) == said


def _refused(state: State, action: Action, code: str) -> str:
    with lang.using(code), pytest.raises(RuleViolation) as refused:
        apply(state, action)
    return refused.value.message


@pytest.mark.parametrize(("tweak", "action", "said"), [
    ({"resources": {"a": {"capital": 1}}}, Action("move", actor="a", move="concede", track="alpha"),
     "'Concede' costs 2 capital; Northern states have 1."),
    ({"actions_left": {"a": 0}}, Action("move", actor="a", move="stall", track="alpha"),
     "Northern states have no actions left this round."),
    ({}, Action("move", actor="a", move="stall", track="gamma"),
     "Northern states are not at the table of 'Gamma' (members: Border states, Coastal states)."),
], ids=["cost", "no-actions-left", "not-a-member"])
def test_a_refusal_about_a_plural_name_takes_the_plural_verb(tweak: dict[str, object], action: Action,
                                                             said: str) -> None:
    from .support import opening

    state = _plural_game(*opening())
    if "resources" in tweak:
        tweak = {"resources": {**state.resources, **tweak["resources"]}}  # type: ignore[dict-item]
    assert _refused(evolve(state, **tweak), action, "en") == said


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_what_the_european_members_cannot_afford_agrees_with_them(code: str) -> None:
    """The EU's move list, ``--lang uk``, read «… коштує капітал 2; Європейські члени НАТО / ЄС має 1»."""
    state = at_the_moves()
    concede = next(m for m in state.scenario.ruleset.moves if m.id == "concede")
    poor = evolve(state, resources={**state.resources, "eu": {**state.resources["eu"], "capital": 1},
                                    "ru": {**state.resources["ru"], "capital": 1}})
    said = {}
    for actor in ("eu", "ru"):
        with lang.using(code), pytest.raises(RuleViolation) as refused:
            _check_own(poor, concede, actor)
        said[actor] = refused.value.message
    # Russian words it around the name («у стороны «…» — 1»), the same in either number
    plural, singular = {"ru": ("у стороны «Европейские члены НАТО / ЕС» — 1", "у стороны «Россия» — 1"),
                        "uk": ("Європейські члени НАТО / ЄС мають 1", "Росія має 1")}[code]
    assert plural in said["eu"] and singular in said["ru"]
