"""A matrix argument's steps in the decision list, headless: the entry, counters, odds, roll, words.

Played on the engine tests' catalogue scenario with an argue move added (actors Arden a,
Brask b, Corvin c; Beta seats all three, Alpha a and b).
"""

from __future__ import annotations

import pytest

from tabletop import Action, legal_actions, new_game
from tabletop.engine import State
from tabletop.play.arguing import argue_entry, argued, argument_spans, chance, counter_entry, odds_choice
from tabletop.play.decisions import decision
from tabletop.play.picks import Act, Argue, Counter, MarkStrong, Styled
from tabletop.play.sealed import SealedDesk, SealedStep
from tests.engine.support import ADVANCE, catalogue_scenario, opening, pass_, run

ARGUE = {
    "id": "argue", "name": "Make an argument", "cost": {"capital": 1}, "resolution": "argue",
    "fail_effects": [{"tension": 1}],
    "argue": {"progress": [1, 2], "tension": [-1, -1], "status": ["deferred"], "tracks": ["beta"],
              "reasons": 2, "text_length": 40, "reason_length": 30},
}
STOCK = {"track": "beta", "actions": ["Convene experts"], "reasons": ["They test ideas", "Nobody commits"],
         "counters": ["Nobody can commit"]}


def _game(*actions: Action, odds: str = "facilitator", sealed: bool = False, stock: bool = False) -> State:
    move = {**ARGUE, "argue": {**ARGUE["argue"], "odds": odds}}
    tweak = {"ruleset.sealed_moves": True} if sealed else {}
    scenario = catalogue_scenario("strict", tweak=tweak, extra_moves=[move])
    if stock:
        from tabletop.content import scenario_from_data

        data = scenario.embedded()
        data["deck"]["arguments"] = [STOCK]
        scenario = scenario_from_data(data, name="catalogue")
    return run(new_game(scenario, seed=1), actions)


def _argument(text: str = "Talk [b]now[/]\x1b[2J", wanted: dict | None = None,
              reasons: tuple[str, ...] = ("Calm", "Ties")) -> Action:
    return Action("move", actor="a", move="argue", track="beta", text=text, wanted=wanted or {"progress": 2},
                  reasons=reasons)


def _tabled(**kwargs: object) -> State:
    return _game(*opening(), _argument(), pass_("b"), pass_("c"), ADVANCE, **kwargs)  # type: ignore[arg-type]


def test_the_moves_of_a_track_offer_one_argument_entry_with_its_results() -> None:
    state = _game(*opening())
    entries = decision(state, "a", stage="beta").entries
    (entry,) = [c for c in entries if c.label.plain.startswith("Make an argument")]
    assert entry.label.plain == ("Make an argument \u2014 1 capital; argue for one of: progress +1, "
                                 "progress +2, tension \u22121, the track deferred; if it fails: tension +1")
    assert isinstance(entry.pick, Argue) and len(entry.pick.options) == 4 and entry.refusal is None
    # offered on Beta only: Alpha lists no argument at all, and a table Arden is not at stays greyed
    assert not any(c.label.plain.startswith("Make an argument") for c in decision(state, "a", stage="alpha").entries)
    assert decision(state, "a").entries[2].hint == "Arden is not at this table"


def test_an_argument_nobody_can_afford_is_greyed_with_the_engines_reason() -> None:
    state = _game(*opening())
    state = run(new_game(catalogue_scenario("strict", tweak={"actors.a.resources": {"capital": 0}},
                                            extra_moves=[ARGUE]), seed=1), opening())
    (entry,) = [c for c in decision(state, "a", stage="beta").entries if c.label.plain.startswith("Make an")]
    assert entry.refusal == "'Make an argument' costs 1 capital; Arden has 0."
    assert entry.pick == Argue(())


def test_the_entry_asks_within_the_rulesets_limits_with_the_decks_examples() -> None:
    state = _game(*opening(), stock=True)
    (entry,) = [c for c in decision(state, "a", stage="beta").entries if isinstance(c.pick, Argue)]
    assert isinstance(entry.pick, Argue)
    asked = argue_entry(state, entry.pick.options)
    assert asked.title == "Arden argues on Beta"
    assert asked.results == ("progress +1", "progress +2", "tension \u22121", "the track deferred")
    assert (asked.text_limit, asked.reason_limit, asked.reasons) == (40, 30, 2)
    assert asked.examples == ("Convene experts", "They test ideas", "Nobody commits")
    action = argued(entry.pick.options[1], asked.wanted[1], "Talk", ["Calm"])
    assert action == Action("move", actor="a", move="argue", track="beta", text="Talk", wanted={"progress": 2},
                            reasons=("Calm",))
    assert legal_actions(run(state, [action]))  # the engine takes it


def test_each_counterer_counters_or_passes_seeing_the_argument_literally() -> None:
    state = _tabled(stock=True)
    at_hand = decision(state, "b")
    prompt = at_hand.prompt
    assert isinstance(prompt, Styled)
    assert prompt.plain.startswith("Brask: counter this argument, or pass.\nArden argues on Beta: "
                                   "\u201cTalk [b]now[/]\u241b[2J\u201d\n  wants progress +2\n")
    assert "  reason 1: Calm\n  reason 2: Ties\n" in prompt.plain
    counter, passing = at_hand.entries
    assert counter.pick == Counter(Action("counter", actor="b", track="beta", text="Nobody can commit"))
    assert passing.pick == Act(Action("counter", actor="b", track="beta"))
    assert counter_entry(state, counter.pick.action).examples == ("Nobody can commit",)
    state = run(state, [Action("counter", actor="b", track="beta", text="No way")])
    prompt = decision(state, "c").prompt
    assert isinstance(prompt, Styled) and "  counter by Brask: No way\n" in prompt.plain


def test_the_facilitator_sets_the_odds_from_the_list_then_the_dice_decide() -> None:
    state = _tabled()
    state = run(state, [Action("counter", actor="b", track="beta", text="No way"), Action("counter", actor="c", track="beta")])
    at_hand = decision(state, None)
    assert isinstance(at_hand.prompt, Styled)
    assert at_hand.prompt.plain.startswith("Facilitator: how likely is it to work? Set the odds.\n")
    assert "  Corvin passed\n" in at_hand.prompt.plain
    assert [c.label.plain for c in at_hand.entries] == [
        "very likely: 2d6 \u2265 4 (92%)", "likely: 2d6 \u2265 6 (72%)", "even: 2d6 \u2265 7 (58%)",
        "unlikely: 2d6 \u2265 9 (28%)", "very unlikely: 2d6 \u2265 11 (8%)"]
    state = run(state, [Action("odds", track="beta", odds="unlikely")])
    roll = decision(state, None)
    assert isinstance(roll.prompt, Styled)
    assert roll.prompt.plain.startswith("Dice: 2d6 \u2265 9 decides the argument.\n")
    assert "  odds unlikely: 2d6 \u2265 9 (28%), set by the facilitator\n" in roll.prompt.plain
    assert [c.label.plain for c in roll.entries] == ["Roll the dice"]
    state = run(state, [Action("roll", track="beta", outcome={"dice": [5, 6]})])
    assert state.tracks["beta"].status == "agreed" and decision(state, None).entries[0].label.plain.startswith("Contin")


def test_a_vote_on_the_odds_then_the_facilitator_confirms_the_median() -> None:
    state = _tabled(odds="vote")
    state = run(state, [Action("counter", actor="b", track="beta"), Action("counter", actor="c", track="beta")])
    vote = decision(state, "b")
    assert isinstance(vote.prompt, Styled) and vote.prompt.plain.startswith("Brask: how likely is it to work? Vote")
    assert vote.entries[1].pick == Act(Action("odds", actor="b", track="beta", odds="likely"))
    state = run(state, [Action("odds", actor="b", track="beta", odds="likely"),
                        Action("odds", actor="c", track="beta", odds="even")])
    confirm = decision(state, None)
    assert isinstance(confirm.prompt, Styled) and "odds voted: Brask likely, Corvin even" in confirm.prompt.plain
    assert confirm.entries[0].label.plain == "Confirm the teams' vote \u2014 likely: 2d6 \u2265 6 (72%)"
    assert len(confirm.entries) == 5


def test_matrix_odds_open_the_strong_marks_or_take_none() -> None:
    state = _tabled(odds="matrix")
    state = run(state, [Action("counter", actor="b", track="beta", text="No way"), Action("counter", actor="c", track="beta")])
    at_hand = decision(state, None)
    assert at_hand.entries[0].pick == MarkStrong("beta")
    assert at_hand.entries[1].pick == Act(Action("odds", track="beta", strong=()))
    assert at_hand.entries[1].label.plain == "None is strong \u2014 even: 2d6 \u2265 7 (58%)"


def test_sealed_counters_sit_behind_the_gate_one_team_at_a_time() -> None:
    state = _game(*opening(), sealed=True)
    state = run(state, [_argument(), pass_("b"), pass_("c"), ADVANCE])
    assert state.queue[0].sealed
    desk = SealedDesk()
    assert desk.step(state, human=True) == SealedStep("gate", "b")
    gate = decision(state, "b", sealed=desk.step(state, human=True))
    assert gate.prompt.plain == ("Sealed round: Brask enters its counter-argument privately. "  # type: ignore[union-attr]
                                 "Everyone else, look away.")
    desk.ready(state, "b")
    assert desk.step(state, human=True) is None
    state = run(state, [Action("counter", actor="b", track="beta", text="Hidden")])
    assert desk.step(state, human=True) == SealedStep("handover", "b", "c")
    over = decision(state, "c", sealed=SealedStep("handover", "b", "c"))
    assert over.prompt.plain == ("Brask's counter is sealed until the last counter. "  # type: ignore[union-attr]
                                 "Brask: hand over to Corvin.")
    desk.handed_over()
    gate = decision(state, "c", sealed=desk.step(state, human=True))
    assert "Committed so far: Brask." in gate.prompt.plain  # type: ignore[union-attr]
    desk.ready(state, "c")
    prompt = decision(state, "c").prompt
    assert isinstance(prompt, Styled) and "Hidden" not in prompt.plain and "Brask: a counter or a pass entered" in prompt.plain
    state = run(state, [Action("counter", actor="c", track="beta")])
    assert desk.step(state, human=False) == SealedStep("handover", "c", None)  # to the facilitator
    desk.handed_over()
    assert desk.step(state, human=False) is None
    prompt = decision(state, None).prompt
    assert isinstance(prompt, Styled) and "counter by Brask: Hidden" in prompt.plain


def test_odds_choices_give_the_chance_of_two_dice() -> None:
    assert [chance(t) for t in (2, 7, 12, 13)] == [100, 58, 3, 0]
    assert odds_choice("very-unlikely") == "very unlikely: 2d6 \u2265 11 (8%)"


def test_the_facilitators_undo_takes_back_each_step_and_the_list_offers_it_again() -> None:
    steps = [_argument(), pass_("b"), pass_("c"), ADVANCE, Action("counter", actor="b", track="beta", text="No way"),
             Action("counter", actor="c", track="beta"), Action("odds", track="beta", odds="even"),
             Action("roll", track="beta", outcome={"dice": [1, 2]})]
    state = _game(*opening())
    for step in steps:
        before = decision(state, legal_actions(state)[0].actor)
        after = run(state, [step])
        undone = run(after, [Action("undo", reason="undone by the facilitator")])
        assert undone.hash == state.hash, step
        assert decision(undone, legal_actions(undone)[0].actor) == before, step
        state = after
    assert state.tracks["beta"].tension == 2  # the roll failed: the move's fail effect, on Beta alone


def test_a_counters_title_names_both_teams_without_bending_a_name() -> None:
    """Found from outside: a Ukrainian counter dialog read "Україна заперечує аргумент сторони Росія's"; then
    "возражает на аргумент стороны Украина", the name undeclined; then (helper-281, a workshop in Russian) «Россия
    возражает против аргумента стороны «Украина»» read stiffly. Names have no case forms: the title labels the
    two teams, «Возражение: Россия · аргумент: Украина», in the same shape in every language."""
    from tabletop.lang import using

    state = _tabled(stock=True)
    counter = decision(state, "b").entries[0].pick
    assert isinstance(counter, Counter)
    said = {}
    for code in ("en", "ru", "uk"):
        with using(code):
            said[code] = counter_entry(state, counter.action).title
    assert said == {"en": "Counter: Brask \u00b7 argument: Arden", "ru": "Возражение: Brask \u00b7 аргумент: Arden",
                    "uk": "Заперечення: Brask \u00b7 аргумент: Arden"}, said


def test_the_result_an_argument_wants_is_worded_in_the_language_read() -> None:
    """Found from outside: a Russian seat read «добивается: tension −1», the results list "progress +1"."""
    from tabletop.lang import using

    state = _tabled(stock=True)
    with using("ru"):
        prompt = decision(state, "b").prompt
        entry = argue_entry(_game(*opening()), [a for a in legal_actions(_game(*opening())) if a.move == "argue"])
    assert isinstance(prompt, Styled)
    assert "progress" not in prompt.plain and "добивается: продвижение +2" in prompt.plain
    assert entry.results and not any("progress" in r or "tension" in r for r in entry.results), entry.results


def test_an_argument_s_entry_says_what_it_costs_and_what_failing_costs_on_every_screen() -> None:
    """Found from outside: a seat's list offered "Привести аргумент на «Границы»" and went straight to the
    dialog; neither said it costs 2 capital, nor that failing raises the tension (Russia's capital went 3 -> 1
    unannounced). The hot seat's entry said the cost but not the failure."""
    from tabletop.seats.views import Seat, TableFacts, seat_entries

    state = _game(*opening())
    (entry,) = [c for c in decision(state, "a", stage="beta").entries if c.label.plain.startswith("Make an argument")]
    assert entry.label.plain == ("Make an argument \u2014 1 capital; argue for one of: progress +1, "
                                 "progress +2, tension \u22121, the track deferred; if it fails: tension +1")
    found = [e for e in seat_entries(state, Seat("team:a", "team", "a"), TableFacts()) if e.needs == "argument"]
    assert [e.label for e in found] == ["Make an argument on Beta \u2014 1 capital; if it fails: tension +1"]


def test_odds_hold_together_at_a_narrow_width() -> None:
    """Found from outside: at 80 columns a Russian odds line broke as "92" / "%". The chance is written "92%", so a
    line wraps between words, never between a number and its sign."""
    from rich.console import Console
    from rich.text import Text

    label = odds_choice("very-likely")
    assert label.endswith("(92%)")
    for width in range(8, 40):
        console = Console(width=width, record=True, color_system=None)
        console.print(Text(label))
        assert any("92%" in line for line in console.export_text().splitlines()), width


#: language -> the argument's entry in the board's move list: several results, and a status alone
STATUS_ENTRY = {
    "en": ("argue for one of: progress +1, progress +2, tension \u22121, the track deferred;",
           "argue for deferring the track;"),
    "ru": ("добиваться одного из результатов: продвижение +1, продвижение +2, напряжённость \u22121, трек отложен;",
           "добиваться результата: трек отложен;"),
    "uk": ("домагатися одного з результатів: просування +1, просування +2, напруженість \u22121, трек відкладено;",
           "домагатися результату: трек відкладено;"),
}


@pytest.mark.parametrize("code", STATUS_ENTRY)
def test_a_status_an_argument_may_ask_for_reads_as_a_result(code: str) -> None:
    """Found from outside: the board's list read "argue for progress +1, …, tension −1, deferred"."""
    from tabletop.lang import using

    only = {**ARGUE, "argue": {"status": ["deferred"], "tracks": ["beta"]}}
    alone = run(new_game(catalogue_scenario("strict", extra_moves=[only]), seed=1), opening())
    with using(code):
        listed = [c.label.plain for state in (_game(*opening()), alone)
                  for c in decision(state, "a", stage="beta").entries if isinstance(c.pick, Argue)]
    assert len(listed) == 2
    for entry, said in zip(listed, STATUS_ENTRY[code], strict=True):
        assert said in entry, entry


@pytest.mark.parametrize(("code", "said"), [("en", "Arden argue on Beta: \u201cTalk\u201d\n  want progress +2\n"),
                                            ("ru", "  \u0434\u043e\u0431\u0438\u0432\u0430\u044e\u0442\u0441\u044f: "),
                                            ("uk", "  \u0434\u043e\u043c\u0430\u0433\u0430\u044e\u0442\u044c\u0441\u044f: ")])
def test_a_plural_team_s_argument_wants_in_the_plural(code: str, said: str) -> None:
    """Found in review (helper-198): under "{who} argue on {track}:" a plural team's argument said "wants" (ru
    «добивается»), the verb of the same subject in the singular."""
    from tabletop.content import scenario_from_data
    from tabletop.lang import using

    state = _game(*opening())
    data = state.scenario.embedded()
    next(a for a in data["ruleset"]["actors"] if a["id"] == "a")["number"] = "plural"
    plural = run(new_game(scenario_from_data(data), seed=1), [*opening(), _argument(text="Talk")])
    with using(code):
        text = "".join(t for t, _style in argument_spans(plural, plural.queue[0]))
    assert said in text, text
