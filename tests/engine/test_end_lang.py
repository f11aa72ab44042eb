"""The language of a typed end reason is found one way (engine.review.end_lang): the seats' views and the
reports each had their own search (issue 14)."""

from __future__ import annotations

from tabletop import Action, apply, load_scenario, new_game
from tabletop.engine.review import end_lang

END = "Час вийшов, кінець семінару"


def test_the_language_of_a_typed_end_reason_is_that_of_the_step_that_ended_the_game() -> None:
    state = new_game(load_scenario("parallel-tracks"), 1)
    assert end_lang(state) is None  # the game runs
    ended = apply(state, Action("end", reason=END, lang="uk"))
    assert end_lang(ended) == "uk"
    # a note after the end is no step: the end is where it was
    assert end_lang(apply(ended, Action("note", text="кава", about=ended.seq - 1, lang="ru"))) == "uk"
    # undone, the game runs again; ended again with the engine's own reason, there is nothing to mark
    undone = apply(ended, Action("undo"))
    assert not undone.over and end_lang(undone) is None
    assert end_lang(apply(undone, Action("end"))) is None
    # typed in the screen's language, no language is recorded
    assert end_lang(apply(undone, Action("end", reason="Time is up"))) is None
