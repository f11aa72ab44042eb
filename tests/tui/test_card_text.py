"""The card panel's words: a card whose choices are its whole effect does not say "Effect: no effect"."""

from __future__ import annotations

from tabletop import load_scenario, new_game
from tabletop.tui.text import card_text


def test_a_card_with_choices_and_no_effect_of_its_own_shows_only_its_choices() -> None:
    sc = load_scenario("parallel-tracks")
    state = new_game(sc, 1)
    choosing = [c for c in sc.deck.cards if c.choices and not c.effects]
    assert choosing, "the bundled deck has cards whose choices are their whole effect"
    for card in choosing:
        shown = card_text(state, card, facilitator=True).plain
        assert "Effect:" not in shown, shown
        plural = card.chooser() in sc.plural_actors
        assert ("choose:" if plural else "chooses:") in shown and all(choice.label in shown for choice in card.choices)


def test_an_actor_whose_name_is_plural_takes_a_plural_verb_in_english_too() -> None:
    """Found from outside: "Mediating states chooses:", "European NATO members / EU passes": the English base could
    not say a name was plural (only an overlay could, for its own language). ``number = "plural"`` on a base actor
    now says it; a translation keeps its own say (ru: «Соединённые Штаты выбирают:», «Государства-посредники»)."""
    from tabletop.content.overlays import translated
    from tabletop.lang import using

    sc = load_scenario("parallel-tracks")
    assert sc.plural_actors == {"eu", "bridge"}
    state = new_game(sc, 1)
    card = next(c for c in sc.deck.cards if c.choices and c.chooser() == "bridge")
    assert "Mediating states choose:" in card_text(state, card, facilitator=True).plain
    us = next(c for c in sc.deck.cards if c.choices and c.chooser() == "us")
    assert "United States chooses:" in card_text(state, us, facilitator=True).plain
    ru = translated(sc, "ru")
    assert "us" in ru.plural_actors  # the overlay's own say: «Соединённые Штаты» is plural, "United States" is not
    with using("ru"):
        assert "Соединённые Штаты выбирают:" in card_text(new_game(ru, 1), us, facilitator=True).plain


def test_a_card_with_an_effect_still_names_it() -> None:
    sc = load_scenario("parallel-tracks")
    state = new_game(sc, 1)
    plain = next(c for c in sc.deck.cards if c.effects and not c.choices)
    assert "Effect: " in card_text(state, plain, facilitator=False).plain


def test_a_choice_reads_the_same_on_the_card_the_pick_list_and_a_seat() -> None:
    """Found from outside (helper-99): the card panel said "Decline: keep the present talks → no effect" and the
    pick list of the same choice "→ log: Kyiv thanks the sponsors…" (its log line, which changes nothing on the
    board), and "no further effect" for a choice with no effect at all. The three now say it in one wording."""
    import random

    from tabletop.engine import apply, legal_actions
    from tabletop.play import decisions
    from tabletop.seats.views import card_facts
    from tabletop.tui.seatwords import card_text as card_words

    seen: set[str] = set()
    for name in ("parallel-tracks", "river-basin"):
        sc = load_scenario(name)
        for seed in range(1, 60):
            state, rng = new_game(sc, seed), random.Random(seed)
            while not state.over:
                options = legal_actions(state)
                if options[0].kind == "choose" and state.card not in seen:
                    seen.add(state.card or "")
                    card = state.scenario.index.cards[state.card]
                    panel = card_text(state, card, facilitator=False).plain.splitlines()
                    picks = [c.label.plain for c in decisions.decision(state, options[0].actor).entries]
                    facts = card_facts(state, facilitator=False)
                    seat = facts["choices"]
                    seat_card = card_words({"board": {"card": facts}}).plain
                    for i, (choice, pick, told) in enumerate(zip(card.choices, picks, seat, strict=True), 1):
                        assert f"  {i}. {pick}" in panel, (pick, panel)
                        assert pick == f"{choice.label} \u2192 {told['effects']}"
                        assert f"  {i}. {pick}" in seat_card, seat_card  # the seat's card panel, as the hot seat's
                        assert "log:" not in pick
                state = apply(state, rng.choice(options))
    quiet = [c for c in load_scenario("parallel-tracks").deck.cards
             if c.id in seen and any(all(e.key == "log" for e in ch.effects) for ch in c.choices)]
    assert quiet, "a card with a choice that only writes the log was met"


def _card_answered(tmp_path, pick: int, lang: str):  # noqa: ANN001, ANN202 - pytest's tmp_path; a Session
    """A game whose round's card with choices was answered with choice ``pick`` (from 0)."""
    from tabletop.engine import legal_actions

    from .support import start

    session = start(tmp_path, seed=3, name=f"{lang}.jsonl")
    while True:
        options = legal_actions(session.state)
        chooses = [a for a in options if a.kind == "choose"]
        if len(chooses) > pick:
            session.apply(next(a for a in chooses if a.choice == pick))
            return session
        # a card without choices applied, moves passed, phases ended: on to the next round's card
        session.apply(next((a for a in options if a.kind == "pass"), options[0]))
        assert not session.state.over, "no card with choices came up"


async def test_the_applied_cards_panel_marks_the_choice_taken(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    """Found from outside: after a card's choice the panel "Картка цього раунду (застосована)" still listed
    "1. … 2. …" with nothing to say which was taken (only the last rulings did). The choice taken is marked ✔ in
    front of its number, in every language, and the mark goes when the answer is undone."""
    from tabletop.tui.app import TabletopApp
    from tabletop.tui.widgets import CardPanel

    from .support import SIZE, SMALL, on_screen, press

    def rows(app: TabletopApp) -> list[str]:
        lines = [line.strip("\u2502 ") for line in on_screen(app.screen.query_one(CardPanel)).splitlines()]
        return [line for line in lines if line[:2] in ("1.", "2.", "\u2714 ")]

    for lang, size in (("uk", SMALL), ("en", SIZE)):
        session = _card_answered(tmp_path, pick=1, lang=lang)
        card = session.state.scenario.index.cards[session.state.recent(1)[0].action.card]
        assert len(card.choices) >= 2 and session.state.card is None
        app = TabletopApp(session, lang=lang)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            taken = rows(app)
            assert taken[0].startswith("1. ") and taken[1].startswith("\u2714 2. "), taken
            await press(pilot, "u", "enter")  # the answer taken back: the card on the table again, nothing marked
            assert session.state.card == card.id
            assert [row[:2] for row in rows(app)][:2] == ["1.", "2."], rows(app)


async def test_an_undone_draw_takes_the_card_off_the_panel(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    """Found from outside (helper-194): linked ruleset, seed 7, sealed, every team human: the card drawn (1), the EU
    answered it (1), the answer undone (u Enter), the draw undone (u y). The prompt said "▶ Ведущий: вытянуть
    карточку события", and the card panel still said «Карточка этого раунда (применена)» with the undone card's
    text and choices: the projector showed two states at once. An undone answer leaves the card waiting for its
    answer (not "applied"); an undone draw leaves the panel as it was before the draw."""
    from tabletop.engine import legal_actions
    from tabletop.tui.app import TabletopApp
    from tabletop.tui.widgets import CardPanel

    from .support import on_screen, press, start

    def seen(app: TabletopApp) -> str:  # the panel's title (its border's) and its words
        card_panel = app.screen.query_one(CardPanel)
        return f"{card_panel.border_title}\n{on_screen(card_panel)}"

    session = start(tmp_path, seed=7, sealed=True, scenario_id="parallel-tracks-linked")
    app = TabletopApp(session, lang="ru")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = seen(app)
        assert "На столе нет карточки." in before, before
        await press(pilot, "1")  # the draw
        card = session.state.scenario.index.cards[session.state.card or ""]
        assert legal_actions(session.state)[0].kind == "choose"
        waiting = seen(app)
        await press(pilot, "1")  # the EU's answer
        assert session.state.card is None
        assert "(применена)" in seen(app)
        await press(pilot, "u", "enter")  # the answer undone: the card waits for its answer again
        assert session.state.card == card.id
        assert seen(app) == waiting
        await press(pilot, "u", "enter")  # the draw undone: the panel as before the draw
        assert session.state.card is None and legal_actions(session.state)[0].kind == "draw"
        after = seen(app)
        assert after == before, after
        assert card.title not in after and "(применена)" not in after
