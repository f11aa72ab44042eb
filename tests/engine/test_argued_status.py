"""A status an argument asks for reads as a result in every sentence that says it.

Found from outside, a ruleset whose argument may ask for a status (``status = ["deferred"]``): "Mediating states
argue for deferred — succeeds", "wants: deferred", the board's "argue for progress +1, …, tension −1, deferred";
in Russian «выступают за отложено», «желаемый результат: отложено». A status word alone is what a track is, not what
a team asks for.
"""

from __future__ import annotations

import pytest

from tabletop import RuleViolation, apply, lang, new_game
from tabletop.engine import State
from tabletop.engine.records import Ruling
from tabletop.engine.rulingwords import ruling_text
from tabletop.engine.telling import tell
from tabletop.engine.wording import move_words, names

from .argue_kit import ARGUE, argue_scenario, argument, counter, odds, to_counters
from .support import catalogue_scenario, opening, roll, run

#: every status an argument may ask for (``content.arguments``: "open" is refused, an argument is made on an open track)
STATUSES = ("deferred", "agreed", "collapsed")

#: language -> status -> the status as a result ("wants: …"), and as what a team argues for ("argues for …")
WORDS = {
    "en": {"deferred": ("the track deferred", "deferring the track"),
           "agreed": ("the track agreed", "an agreement on the track"),
           "collapsed": ("the track collapsed", "collapsing the track")},
    "ru": {"deferred": ("трек отложен", "трек отложен"),
           "agreed": ("трек согласован", "трек согласован"),
           "collapsed": ("трек сорван", "трек сорван")},
    "uk": {"deferred": ("трек відкладено", "трек відкладено"),
           "agreed": ("трек узгоджено", "трек узгоджено"),
           "collapsed": ("трек зірвано", "трек зірвано")},
}
#: language -> (a wants …, a argues for …) around the words above
FRAMES = {
    "en": ("wants: {}", "argues for {}", "succeeds: {}"),
    "ru": ("желаемый результат: {}", "добивается результата: {}", "удаётся: {}"),
    "uk": ("бажаний результат: {}", "домагається результату: {}", "вдається: {}"),
}
CASES = [(code, status) for code in WORDS for status in STATUSES]


def _scenario():  # noqa: ANN202
    return argue_scenario(status=list(STATUSES))


def _argued(status: str) -> tuple[State, State]:
    """The game just after a argues for ``status`` on Alpha, and after the argument is ruled (it succeeds)."""
    tabled = run(new_game(_scenario(), seed=1), to_counters(wanted={"status": status})[:-3])
    ruled = run(tabled, [*to_counters()[-3:], counter("b", "No"), odds("likely"), roll("alpha", 6, 6)])
    return tabled, ruled


@pytest.mark.parametrize(("code", "status"), CASES)
def test_the_log_says_what_the_team_argues_for(code: str, status: str) -> None:
    tabled, _ = _argued(status)
    assert tabled.last is not None and tabled.last.action.kind == "move"
    with lang.using(code):
        said = tell(tabled.last, tabled.scenario)
    assert said.endswith(" \u2014 " + FRAMES[code][1].format(WORDS[code][status][1])), said


@pytest.mark.parametrize(("code", "status"), CASES)
def test_the_ruling_says_the_result_wanted_and_won(code: str, status: str) -> None:
    _, ruled = _argued(status)
    ruling = Ruling.from_result(ruled.last.result)
    assert ruling is not None and ruling.success
    with lang.using(code):
        text = ruling_text(ruling, names(ruled))
    wants, _, succeeds = FRAMES[code]
    result = WORDS[code][status][0]
    assert wants.format(result) + ";" in text and text.endswith(" \u2192 " + succeeds.format(result)), text


@pytest.mark.parametrize("code", WORDS)
def test_the_results_offered_read_as_results(code: str) -> None:
    """What the move offers (its description on the start screen and the board) and the refusal of a result it does
    not offer: ``… the result argued for, one of progress +1, tension −1, the track deferred, …``."""
    scenario = _scenario()
    state = run(new_game(scenario, seed=1), opening())
    with lang.using(code):
        said = move_words(scenario.index.moves["argue"])
        with pytest.raises(RuleViolation) as refused:
            apply(state, argument(wanted={"progress": 2}))
    for status in STATUSES:
        assert WORDS[code][status][0] in said and WORDS[code][status][0] in refused.value.message
    assert f", {WORDS[code]['deferred'][0]}, " in said  # in the list, not a word of the sentence around it


def test_a_plural_name_argues_in_the_plural() -> None:
    """The log's "— argues for …" has the actor for its subject: "Northern states: … — argue for …"."""
    plural = catalogue_scenario("strict", {"actors.a.name": "Northern states", "actors.a.number": "plural"},
                                extra_moves=[{**ARGUE, "argue": {**ARGUE["argue"], "status": list(STATUSES)}}])
    state = run(new_game(plural, seed=1), to_counters(wanted={"status": "deferred"})[:-3])
    with lang.using("en"):
        assert tell(state.last, state.scenario) == "Northern states: Argue on Alpha \u2014 argue for deferring the track"


def test_an_amount_reads_as_before() -> None:
    state = run(new_game(_scenario(), seed=1), to_counters(wanted={"tension": -1})[:-3])
    with lang.using("en"):
        assert tell(state.last, state.scenario) == "Arden: Argue on Alpha \u2014 argues for tension \u22121"
    with lang.using("ru"):
        assert tell(state.last, state.scenario).endswith(" \u2014 добивается результата: напряжённость \u22121")
