"""The decision list, a seat's log, the board's card and the report put a plural verb after a plural
actor's name in ru/uk (issue 19: «Пас — Соединённые Штаты больше не ходит в этом раунде»);
Russia keeps the singular, and English is unchanged."""

from __future__ import annotations

import pytest

from tabletop import apply, lang
from tabletop.content.overlays import translated
from tabletop.engine import State
from tabletop.engine.state import evolve
from tabletop.play.decisions import decision
from tabletop.seats.views import log_lines, secrets
from tabletop.tui.text import card_text
from tests.engine.support import at_the_moves, pass_

#: language -> what the sentence says of the US, and of Russia
PASS = {
    "ru": ("Пас — Соединённые Штаты больше не ходят в этом раунде", "Пас — Россия больше не ходит в этом раунде"),
    "uk": ("Пас — Сполучені Штати більше не ходять у цьому раунді", "Пас — Росія більше не ходить у цьому раунді"),
    "en": ("Pass — United States makes no more moves this round", "Pass — Russia makes no more moves this round"),
}
SEALED = {
    "ru": ("Соединённые Штаты сделали закрытый ход", "Россия: сделан закрытый ход"),
    "uk": ("Сполучені Штати зробили закритий хід", "Росія: зроблено закритий хід"),
    "en": ("United States committed a sealed move", "Russia committed a sealed move"),
}
CHOOSES = {
    "ru": ("Соединённые Штаты выбирают:", "Россия выбирает:"),
    "uk": ("Сполучені Штати обирають:", "Росія обирає:"),
    "en": ("United States chooses:", "Russia chooses:"),
}


def _seen(state: State, code: str) -> State:
    """``state`` as the room reading ``code`` sees it (the play and seats layers are given this)."""
    return evolve(state, scenario=translated(state.scenario, code))


@pytest.mark.parametrize("code", ["ru", "uk", "en"])
def test_the_pass_entry_of_the_decision_list_agrees_with_the_team(code: str) -> None:
    state = at_the_moves()
    said = {}
    while state.turn is not None and state.turn not in said:
        with lang.using(code):
            said[state.turn] = decision(_seen(state, code), state.turn).entries[-1].label.plain
        state = apply(state, pass_(state.turn))
    assert (said["us"], said["ru"]) == PASS[code]


@pytest.mark.parametrize("code", ["ru", "uk", "en"])
def test_a_seats_log_line_of_a_sealed_move_agrees_with_the_team(code: str) -> None:
    state = at_the_moves()
    seqs = {}
    while state.turn is not None and state.turn not in seqs:
        actor = state.turn
        state = apply(state, pass_(actor))
        assert state.last is not None
        seqs[actor] = state.last.seq
    hidden = {seqs["us"], seqs["ru"]}  # read as sealed entries: the line says only who committed one
    with lang.using(code):
        lines = {line["seq"]: line["text"] for line in log_lines(_seen(state, code), hidden, secrets(state))}
    assert (lines[seqs["us"]], lines[seqs["ru"]]) == SEALED[code]


@pytest.mark.parametrize("code", ["ru", "uk", "en"])
def test_the_boards_card_says_who_chooses_with_the_teams_verb(code: str) -> None:
    state = at_the_moves()
    cards = {c.id: c for c in state.scenario.deck.cards}
    said = {}
    for actor, card_id in (("us", "senate-hearing"), ("ru", "duma-hearing")):
        assert cards[card_id].chooser() == actor and cards[card_id].choices
        with lang.using(code):
            said[actor] = next(line for line in card_text(state, cards[card_id], False).plain.splitlines()
                               if line.endswith(":") and not line.startswith(" "))
    assert (said["us"], said["ru"]) == CHOOSES[code]


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_an_arguments_title_agrees_with_the_team(code: str) -> None:
    from tabletop.play.arguing import argue_entry
    from tabletop.play.decisions import own_move_options

    state = at_the_moves()
    seen = _seen(state, code)
    said = {}
    for actor in ("us", "ru"):
        templates = [a for a, _refusal in own_move_options(state, actor) if a.move == "argue"]
        track = templates[0].track
        with lang.using(code):
            said[actor] = argue_entry(seen, [a for a in templates if a.track == track]).title
    plural, singular = {"ru": ("приводят аргумент", "приводит аргумент"),
                        "uk": ("наводять аргумент", "наводить аргумент")}[code]
    assert f" {plural} " in said["us"] and f" {singular} " in said["ru"]


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_the_hint_of_a_track_a_team_is_not_at_agrees_with_the_team(code: str) -> None:
    """Found from outside: "Держави-посередники не бере участі в цьому треку", a singular verb after the
    mediating states, on the tracks they do not sit at."""
    state = at_the_moves()
    while state.turn != "bridge":
        state = apply(state, pass_(state.turn))
    with lang.using(code):
        hints = [e.hint for e in decision(_seen(state, code), "bridge").entries if e.hint]
    plural = {"ru": "Государства-посредники не участвуют", "uk": "Держави-посередники не беруть участі"}[code]
    absent = [h for h in hints if h.startswith("Государства-посредники не") or h.startswith("Держави-посередники не")]
    assert absent and all(h.startswith(plural) for h in absent), hints


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_a_phase_done_is_a_sentence_of_its_own(code: str) -> None:
    """Found from outside: "Завершена фаза: Ходов." / "Завершено фазу: Ходів.": the phase's name, worded for "the
    moves phase" (a genitive), capitalised after a colon. Each phase's end is now a sentence a translation words."""
    state = at_the_moves()
    while state.turn is not None:
        state = apply(state, pass_(state.turn))
    assert state.phase == "moves"  # every team passed: the facilitator moves the game on
    with lang.using(code):
        said = decision(_seen(state, code), None).prompt.plain
    assert said == {"ru": "Фаза ходов завершена.", "uk": "Фазу ходів завершено."}[code], said
