"""An argument whose track closes before it is settled says so at every step it asks the room for.

Found from outside (helper-99): Track 2 dialogue was agreed, and Russia was then asked "counter this argument,
or pass" while the board showed it agreed; four counters, the odds and a roll followed, and only then "lapses".
The rule stands (the steps are recorded in saves; each replays as it was), and the prompt now says what will come.
"""

from __future__ import annotations

from tabletop.engine import Action, apply, new_game
from tabletop.lang import using
from tabletop.play.arguing import argument_decision
from tests.engine.argue_kit import argue_scenario, argument, counter
from tests.engine.support import ADVANCE, pass_

SAID = {"en": "the track has closed: this argument lapses, whatever is decided",
        "ru": "трек уже закрыт: этот аргумент отпадёт, что бы ни решили",
        "uk": "трек уже закрито: цей аргумент відпаде, хоч би що вирішили"}


def _prompt(state, waiting: str, lang: str = "en") -> str:  # noqa: ANN001
    with using(lang):
        return "".join(text for text, _style in argument_decision(state, waiting).prompt.spans)


def test_a_counter_asked_on_a_closed_track_says_the_argument_will_lapse() -> None:
    state = new_game(argue_scenario(counters="all"), 2)
    for action in (Action("draw"), Action("skip", reason="not today"), ADVANCE,
                   argument(text="Open a hotline", reasons=("It costs nothing",)), pass_("b"), pass_("c"), ADVANCE):
        state = apply(state, action)
    assert SAID["en"] not in _prompt(state, "counter")  # the track still open: nothing to say
    state = apply(state, Action("override", track="alpha", status="deferred", reason="parked by the room"))
    for lang, words in SAID.items():
        assert words in _prompt(state, "counter", lang)
    state = apply(state, counter("b", "No"))
    assert SAID["en"] in _prompt(state, "counter")
