"""What each seat's view holds: its own things, the public board, and its decisions only."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.content.grammar import plural_subject
from tabletop.content.loader import load_scenario
from tabletop.engine import Action, apply, legal_actions, new_game, waiting_for
from tabletop.play.session import with_sealed
from tabletop.seats.views import Seat, TableFacts, seat_entries, seat_view
from tabletop.engine.telling import tell

FAC = Seat("facilitator", "facilitator")
PROJECTOR = Seat("projector", "projector")


def _team(actor: str) -> Seat:
    return Seat(f"team:{actor}", "team", actor)


def _to_moves(sealed: bool = True):  # noqa: ANN202 - a state in the first moves phase
    state = new_game(with_sealed(load_scenario("parallel-tracks", None), sealed), 3)
    while state.phase != "moves" or state.turn is None:
        state = apply(state, legal_actions(state)[0])
    return state


def test_a_team_sees_its_own_objectives_secret_ones_too_and_no_one_elses() -> None:
    state = _to_moves()
    ru = seat_view(state, _team("ru"), TableFacts())
    mine = [o.text for a in state.ruleset.actors if a.id == "ru" for o in a.objectives]
    assert [o["text"] for o in ru["own"]["objectives"]] == mine
    assert any(o["secret"] for o in ru["own"]["objectives"])
    projector = seat_view(state, PROJECTOR, TableFacts())
    assert "own" not in projector and "control" not in projector
    fac = seat_view(state, FAC, TableFacts())
    assert set(fac["control"]["objectives"]) == {a.id for a in state.ruleset.actors}


def test_only_the_team_whose_turn_it_is_has_entries_and_each_is_its_own() -> None:
    state = _to_moves()
    turn = state.turn
    assert turn is not None
    entries = seat_entries(state, _team(turn), TableFacts())
    assert entries and all(e.action is not None and e.action.actor == turn for e in entries)
    assert all(e.id.startswith(f"{state.seq}-") for e in entries)
    others = [a.id for a in state.ruleset.actors if a.id != turn]
    assert all(seat_entries(state, _team(a), TableFacts()) == [] for a in others)
    connected = TableFacts(connected=(f"team:{turn}",))  # the team is at its screen: the console leaves it be
    assert seat_entries(state, PROJECTOR, TableFacts()) == [] and seat_entries(state, FAC, connected) == []


def test_the_console_acts_for_a_team_with_no_screen_connected() -> None:
    """A team whose laptop died (or that never joined) stalled the game: the console offered nothing."""
    state = _to_moves(sealed=False)
    turn = state.turn
    assert turn is not None
    own = seat_entries(state, _team(turn), TableFacts())
    for_it = seat_entries(state, FAC, TableFacts(connected=("facilitator",)))
    assert [e.id for e in for_it] == [e.id for e in own] and all(e.action.actor == turn for e in for_it)
    view = seat_view(state, FAC, TableFacts(connected=("facilitator",)))
    name = next(a.name for a in state.ruleset.actors if a.id == turn)
    assert view["decision"]["prompt"].startswith(f"{name} has no screen connected: you act for it. {name}: pick a move")
    bot = TableFacts(bots={turn: "cooperative"}, connected=("facilitator",))
    assert seat_entries(state, FAC, bot) == []  # a bot's turn is the bot's


def test_the_console_says_an_unnamed_plural_team_has_no_screen_in_the_plural() -> None:
    """Found from outside (helper-202): "European NATO members / EU has no screen connected: you act for it.
    European NATO members / EU answer …": one sentence, two numbers. A team the facilitator named stays singular."""
    state = _to_moves(sealed=False)
    while state.turn is None or not plural_subject(state.scenario, state.turn):
        state = apply(state, next(a for a in legal_actions(state) if a.kind == "pass"))
    turn = state.turn
    name = next(a.name for a in state.ruleset.actors if a.id == turn)
    view = seat_view(state, FAC, TableFacts(connected=("facilitator",)))
    assert view["decision"]["prompt"].startswith(f"{name} have no screen connected: you act for them. "), \
        view["decision"]["prompt"]
    named = seat_view(state, FAC, TableFacts(connected=("facilitator",), teams={turn: "Team B"}))
    assert named["decision"]["prompt"].startswith(f"Team B ({name}) has no screen connected: you act for it. ")


def test_the_console_names_a_team_with_no_screen_as_its_lists_do(tmp_path: Path) -> None:
    """Found from outside (helper-173): "У команди «Росія» немає підключеного екрана" on a console whose code list
    and Connected list call that team "Делегація А (Росія)": the name the facilitator gave it was left out."""
    from tabletop.play.session import Session
    from tabletop.seats.table import Table, seats_for

    session = Session.start(load_scenario("parallel-tracks"), 7, tmp_path / "g.jsonl", teams={"ru": "Делегація А"})
    table = Table(session, seats_for(session, 1))
    table.connected.add("facilitator")
    while session.state.turn != "ru":
        session.apply(next(a for a in legal_actions(session.state) if a.kind != "end"))
    view = seat_view(session.state, FAC, table.facts())
    assert view["decision"]["prompt"].startswith("Делегація А (Russia) has no screen connected: you act for it."), \
        view["decision"]["prompt"]
    session.close()


def test_a_sealed_entry_is_the_teams_own_until_the_reveal() -> None:
    state = _to_moves()
    turn = state.turn
    move = next(e.action for e in seat_entries(state, _team(turn), TableFacts())
                if e.action.kind == "move" and e.refusal is None)
    state = apply(state, move)
    said = tell(state.last, state.scenario).split(": ", 1)[1].split(" (sealed")[0]  # the move's name and its track
    own = seat_view(state, _team(turn), TableFacts())
    assert own["own"]["sealed"][0]["move"] == move.move
    assert own["board"]["queue"][0]["move"] == move.move
    for seat in (PROJECTOR, _team(next(a.id for a in state.ruleset.actors if a.id != turn))):
        view = seat_view(state, seat, TableFacts())
        assert view["board"]["queue"] == [{"seq": state.seq, "actor": turn, "sealed": True, "hidden": True}]
        assert view["board"]["log"][-1]["text"].endswith("committed a sealed move")
    undone = apply(state, Action("undo"))
    line = seat_view(undone, PROJECTOR, TableFacts())["board"]["log"][-1]
    assert line["kind"] == "undo" and said not in line["text"] and "sealed move" in line["text"]
    assert said in seat_view(undone, FAC, TableFacts())["board"]["log"][-1]["text"]  # the facilitator reads it


def test_a_team_that_passed_has_no_actions_left_on_its_screen() -> None:
    """Found from outside: Ukraine passed with one action left, and its panel still read "залишилося дій: 1"."""
    state = _to_moves(sealed=False)
    turn = state.turn
    assert state.actions_left[turn] > 0
    passed = apply(state, next(a for a in legal_actions(state) if a.kind == "pass"))
    assert turn in passed.passed
    assert seat_view(passed, _team(turn), TableFacts())["own"]["actions_left"] == 0
    assert seat_view(state, _team(turn), TableFacts())["own"]["actions_left"] == state.actions_left[turn]


def test_a_card_whose_choices_are_its_whole_effect_shows_no_effect_line_on_a_seat() -> None:
    """Found from outside: every such card read "Наслідки: без наслідків" ("Effects: no effect") above its
    choices on a seat; the hot seat's panel says only the choices. A card with effects of its own still says them."""
    from tabletop.tui.seatwords import card_text
    from tests.engine.support import catalogue_scenario, draw

    state = apply(new_game(catalogue_scenario("strict"), 1), draw("offer"))
    view = seat_view(state, _team("c"), TableFacts())
    assert view["board"]["card"]["effects"] == ""
    shown = card_text(view).plain
    assert "Effects" not in shown and "Take it" in shown
    quiet = seat_view(apply(new_game(catalogue_scenario("strict"), 1), draw("quiet")), _team("c"), TableFacts())
    assert "Effects: " in card_text(quiet).plain


def test_a_move_s_words_say_when_it_acts_in_a_sealed_round() -> None:
    """Found from outside: a sealed round's question said "1 capital; at once: Escalation +1, Mutual trust −1" and
    the meters moved only at the reveal. An immediate move's words say "at the reveal" when moves are sealed."""
    for sealed, when, not_when in ((True, "at the reveal", "at once"), (False, "at once", "at the reveal")):
        state = _to_moves(sealed)
        entries = seat_entries(state, _team(state.turn or ""), TableFacts())
        immediate = [e for e in entries if e.action is not None and e.action.move == "signal"]
        assert immediate and all(when in (e.confirm or "") and not_when not in (e.confirm or "") for e in immediate), \
            [e.confirm for e in immediate]


def test_this_rounds_card_stays_on_every_seat_once_applied_as_on_the_hot_seat() -> None:
    """Found from outside: once the round's card was answered, the hot seat kept it in view as "This round's card
    (applied)" while every seat, the facilitator's console too, said "No card on the table."; the moves that
    follow are often about the card the room just answered."""
    from tabletop.engine.review import applied_card
    from tabletop.tui.seatwords import card_text

    state = _to_moves()
    applied = applied_card(state)
    assert state.card is None and applied is not None
    title = state.scenario.index.cards[applied].title
    for seat in (_team("ru"), _team("ua"), PROJECTOR, FAC):
        card = seat_view(state, seat, TableFacts())["board"]["card"]
        assert card is not None and card["applied"] is True and card["title"] == title, seat
        shown = card_text(seat_view(state, seat, TableFacts())).plain
        assert shown.startswith("This round's card (applied)\n" + title), shown
    # on the table, before it is applied: no such mark
    state = new_game(load_scenario("parallel-tracks", None), 3)
    state = apply(state, legal_actions(state)[0])
    assert state.card is not None and applied_card(state) is None
    assert "applied" not in seat_view(state, _team("ru"), TableFacts())["board"]["card"]
    # the next round, before its draw: nothing on the table, and last round's card is not this round's
    while state.round == 1:
        state = apply(state, legal_actions(state)[0])
    assert state.card is None and applied_card(state) is None
    assert seat_view(state, _team("ru"), TableFacts())["board"]["card"] is None


def test_an_undone_sealed_move_reads_on_a_seat_as_on_the_hot_seat() -> None:
    """Found from outside (helper-98): a seat's log said "Undo: a sealed move (committed a sealed move, taken
    back)" (in Ukrainian "закритий хід (зроблено закритий хід, відкликано)"), the hot seat "Undo: a sealed move
    taken back (what it was stays sealed)". The seats now say the hot seat's words, in each language."""
    from tabletop.lang import using

    state = _to_moves()
    while not [p for p in state.queue if p.sealed]:
        state = apply(state, legal_actions(state)[0])
    state = apply(state, Action("undo"))
    # found from outside (helper-153): the board said "a sealed move taken back", the replay and the report named the
    # team; every screen names it now
    said = {"en": "Undo: Russia: a sealed move taken back (what it was stays sealed)",
            "uk": "Скасування: Russia: закритий хід відкликано (його зміст залишається закритим)"}  # (no overlay here)
    for lang, words in said.items():
        with using(lang):
            lines = [line["text"] for line in seat_view(state, PROJECTOR, TableFacts())["board"]["log"]]
        assert words in lines, lines


def test_a_seat_s_card_names_the_track_it_is_about_as_the_hot_seat_s_panel() -> None:
    """Found from outside (left alone at stop 47): the hot seat's card panel marks a card "[Borders]" or "[global]";
    a seat's card said neither, so a team read an event without knowing which track it moves."""
    from tabletop.tui.seatwords import card_text
    from tabletop.tui.text import card_text as panel

    state = new_game(load_scenario("parallel-tracks", None), 3)
    seen = set()
    while len(seen) < 2 and not state.over:
        state = apply(state, legal_actions(state)[0])
        if state.card is None:
            continue
        card = state.scenario.index.cards[state.card]
        where = panel(state, card, facilitator=False).plain.splitlines()[0].rsplit("  ", 1)[1]
        shown = card_text(seat_view(state, _team("ru"), TableFacts())).plain
        assert shown.splitlines()[0] == f"{card.title}  {where}", (shown, where)
        seen.add(card.track is None)
    assert seen == {False, True}, seen  # a card on a track and a global one both came up


def test_a_team_s_own_panel_counts_no_actions_left_once_the_game_is_over() -> None:
    """Found from outside (helper-109): after the facilitator ended the game, Russia's screen read "ИГРА ОКОНЧЕНА …
    осталось действий: 2" — actions the team can no longer take."""
    from tabletop.tui.seatwords import own_text

    state = _to_moves()
    team = state.turn or ""
    assert "actions left: " in own_text(seat_view(state, _team(team), TableFacts())).plain
    ended = apply(state, Action("end", reason="out of time"))
    said = own_text(seat_view(ended, _team(team), TableFacts())).plain
    assert "Resources: " in said and "actions left" not in said, said


def test_a_seat_s_card_keeps_its_track_once_applied() -> None:
    """Found from outside (helper-112): once applied, a seat's "This round's card (applied)" lost its "[Borders]";
    the hot seat keeps it."""
    from tabletop.engine.review import applied_card
    from tabletop.tui.seatwords import card_text

    state = _to_moves()
    card = state.scenario.index.cards[applied_card(state)]
    shown = card_text(seat_view(state, _team("ru"), TableFacts())).plain
    where = next(t.name for t in state.ruleset.tracks if t.id == card.track) if card.track else "global"
    assert f"{card.title}  [{where}]" in shown, shown


def test_a_note_on_a_sealed_counter_waits_for_the_reveal_as_one_on_a_sealed_move() -> None:
    """Found from outside (helper-117): a facilitator's note on a counter entered behind the gate ("United States:
    a counter or a pass entered (sealed)") was on every team's screen and the projector at once ("Note on event 49:
    Coffee break…"), before the counters were revealed; a note on a sealed move waited for the reveal."""
    from tabletop.engine import new_game
    from tests.engine.argue_kit import argue_scenario, counter, to_counters
    from tests.engine.support import run

    state = run(new_game(argue_scenario(sealed=True, counters="all"), 2), to_counters())
    state = apply(state, counter("b", "They broke the last one"))
    behind = state.seq
    state = apply(state, Action("note", text="SECRETNOTE Brask's counter names the broken hotline", about=behind))

    def said(s, seat: Seat) -> str:  # noqa: ANN001
        return "\n".join(line["text"] for line in seat_view(s, seat, TableFacts())["board"]["log"])

    for seat in (PROJECTOR, _team("a"), _team("c")):
        assert "SECRETNOTE" not in said(state, seat), seat
        assert f"Note on event {behind} (a sealed counter, not revealed yet)" in said(state, seat)
    assert "SECRETNOTE" in said(state, _team("b")) and "SECRETNOTE" in said(state, FAC)  # its own team's, the console's
    state = apply(state, counter("c"))  # the last counter reveals them all: the note with them
    assert state.last is not None and "counters_revealed" in state.last.result
    for seat in (PROJECTOR, _team("a"), _team("c")):
        assert "SECRETNOTE" in said(state, seat), seat


def test_an_undone_roll_leaves_the_dice_panel_of_every_seat() -> None:
    """Found from outside (helper-117): after the facilitator undid a roll, the projector and the teams' screens
    still read "Dice: Ukraine: Make an argument on Status of Ukraine succeeds — rolled 4+5 = 9 vs 9" while the host
    asked to roll again. The panel follows the undo: nothing, then the roll that stands."""
    from tabletop.engine import new_game
    from tabletop.tui.seatwords import dice_text
    from tests.engine.argue_kit import argue_scenario, counter, odds, to_counters
    from tests.engine.support import run

    state = run(new_game(argue_scenario(counters="all"), 2), (*to_counters(), counter("b"), counter("c"), odds("likely")))
    rolled = apply(state, Action("roll", track="alpha"))
    for seat in (PROJECTOR, _team("b"), FAC):
        assert dice_text(seat_view(rolled, seat, TableFacts())).plain.startswith("Dice: "), seat
    undone = apply(rolled, Action("undo", reason="the dice fell off the table"))
    assert undone.last is not None and undone.last.result.get("undoes") == rolled.seq
    for seat in (PROJECTOR, _team("b"), FAC):
        assert dice_text(seat_view(undone, seat, TableFacts())).plain == "", seat
    again = apply(undone, Action("roll", track="alpha"))
    said = dice_text(seat_view(again, PROJECTOR, TableFacts())).plain
    assert said == "Dice: " + next(line["text"] for line in seat_view(again, PROJECTOR, TableFacts())["board"]["log"]
                                   if line["seq"] == again.seq)


def test_a_typed_counter_and_the_pass_are_two_entries_with_two_ids() -> None:
    """Found in review (helper-117): in a deck with no stock counter, "Counter it — type a counter-argument" and
    "Pass — … makes no counter" had one id (the counter's template is the pass's action): the screen's list
    refused them (the console stopped following the game) and a pick of the pass found the counter's entry."""
    from tabletop.engine import new_game
    from tests.engine.argue_kit import argue_scenario, counter, to_counters
    from tests.engine.support import run

    state = apply(run(new_game(argue_scenario(sealed=True, counters="all"), 2), to_counters()), counter("b", "No"))
    for seat in (_team("c"), FAC):
        found = seat_entries(state, seat, TableFacts(connected=("facilitator",)))
        assert [e.needs for e in found] == ["counter", None], found
        assert len({e.id for e in found}) == 2, [e.id for e in found]


def test_the_consoles_last_review_warns_of_the_provisional_deal_its_advance_lets_lapse() -> None:
    """Found in review (helper-118): the hot seat's last review warned which provisional deal "End the game" lets
    lapse; a hosted game's console said only "Round review." over the same entry."""
    sc = load_scenario("parallel-tracks-linked")
    spec = sc.index.tracks["humanitarian"]
    state = apply(new_game(sc, 1), Action("override", track="humanitarian", position=spec.agreement_at, reason="deal"))
    turns = sc.ruleset.ruleset.turns
    warned = "Under the package deal, the provisional agreement on Humanitarian lapses: the package is not complete."
    while not (state.round == turns and state.phase == "review"):
        options = legal_actions(state)
        state = apply(state, next((o for o in options if o.kind == "pass" or (o.kind == "vote" and o.accept is False)),
                                  options[0]))
        if state.phase == "review" and state.round < turns:
            assert warned not in seat_view(state, FAC, TableFacts(connected=("facilitator",)))["decision"]["prompt"]
    prompt = seat_view(state, FAC, TableFacts(connected=("facilitator",)))["decision"]["prompt"]
    assert prompt.startswith("Round review.") and warned in prompt, prompt


def test_an_undone_draw_leaves_no_card_on_any_seat() -> None:
    """Found from outside (helper-194): once an answered card's answer and then its draw were undone, the hot seat's
    panel still said "This round's card (applied)" with the undone card; every seat's view had it too. An undone
    answer puts the card back on the table, waiting (not applied); an undone draw leaves no card, as before it."""
    from tabletop.tui.seatwords import card_text

    state = new_game(with_sealed(load_scenario("parallel-tracks-linked", None), True), 7)
    state = apply(state, legal_actions(state)[0])
    assert state.card is not None and legal_actions(state)[0].kind == "choose"
    answered = apply(state, legal_actions(state)[0])
    undone_answer = apply(answered, Action("undo"))
    undone_draw = apply(undone_answer, Action("undo"))
    for seat in (_team("eu"), _team("ru"), PROJECTOR, FAC):
        card = seat_view(undone_answer, seat, TableFacts())["board"]["card"]
        assert card is not None and "applied" not in card and card["id"] == state.card, seat
        assert seat_view(undone_draw, seat, TableFacts())["board"]["card"] is None, seat
        assert card_text(seat_view(undone_draw, seat, TableFacts())).plain == "No card on the table.", seat


def _a_bot_s_card_held(bots: dict[str, str]):  # noqa: ANN202 - a state: a card a bot answers, not let through yet
    state = new_game(with_sealed(load_scenario("parallel-tracks", None), True), 7)
    for _ in range(500):
        options = legal_actions(state)
        if waiting_for(state) == "choice" and options[0].actor in bots:
            return state
        state = apply(state, options[0])
    raise AssertionError("no card for a bot to answer")


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Waiting for the facilitator to read the card out and let {who} (bot) answer it."),
    ("ru", "Ждём ведущего: он зачитает карточку, затем на неё ответит бот ({who})."),
    ("uk", "Чекаємо на ведучого: він зачитає картку, потім на неї відповість бот ({who})."),
])
def test_while_a_bot_s_card_waits_for_the_facilitator_every_other_screen_says_so(lang: str, said: str) -> None:
    """Found from outside (helper-208): the console said "European NATO members / EU (bot) answer this card. Read it
    out first", and nothing happened until it let the bot answer; the projector, the observers and the other teams
    read "Waiting for European NATO members / EU (bot).", and the room thought the bot stuck. They are told the
    game waits for the facilitator; once it has let the bot through, they wait for the bot again."""
    from tabletop.engine.lookups import seen
    from tabletop.lang import using

    bots = {"eu": "cooperative", "bridge": "hardliner"}
    held = _a_bot_s_card_held(bots)
    bot = legal_actions(held)[0].actor
    state = seen(held, lang)  # in the seat's language, as the host words each view
    who = next(a.name for a in state.ruleset.actors if a.id == bot)
    watchers = [PROJECTOR, Seat("observer:1", "observer"), _team("ru"), _team("ua")]
    with using(lang):
        for seat in watchers:
            assert seat_view(state, seat, TableFacts(bots, card_held=True))["decision"]["prompt"] == said.format(
                who=who), seat
        let_through = seat_view(state, PROJECTOR, TableFacts(bots))["decision"]["prompt"]
    assert "(bot)" in let_through or "(бот)" in let_through, let_through


@pytest.mark.parametrize(("lang", "marked"), [
    ("en", "Your sealed move, entered by the facilitator: "),
    ("ru", "Ваш закрытый ход, введённый ведущим: "),
    ("uk", "Ваш закритий хід, введений ведучим: "),
])
def test_a_sealed_move_the_facilitator_entered_for_a_team_is_marked_so_on_its_own_panel(lang: str, marked: str) -> None:
    """Found from outside (helper-283): a move the console entered for Mediating states (no screen connected) showed
    on the team's screen as "Your sealed move: Goodwill signal", as its own; the host's note saying who entered it
    is on a sealed entry, so the team saw only "Note on event 13". The move is the team's own: its panel says the
    facilitator entered it. A move the team made itself is not marked."""
    from tabletop.lang import using
    from tabletop.tui.seatwords import own_text

    state = _to_moves()
    team = state.turn or ""
    moved = apply(state, next(a for a in legal_actions(state) if a.kind == "move" and a.actor == team))
    noted = apply(moved, Action("note", about=moved.seq, entered=team))
    with using(lang):
        own = own_text(seat_view(moved, _team(team), TableFacts())).plain
        entered = own_text(seat_view(noted, _team(team), TableFacts())).plain
    assert "Your sealed move" in own or "закрыт" in own or "закрит" in own, own
    assert marked not in own, own
    assert marked in entered, entered


def test_an_argument_s_dialog_says_what_its_move_s_question_says_in_the_seat_s_language() -> None:
    """Found from outside: a Ukrainian seat's argument dialog said nothing of its cost, sealing or how it is judged
    (every other move is asked first with them), and sending it took the team's capital 2 -> 0. Its form carries the
    move's question's words (cost; argued, countered, odds weighed, 2d6; if it fails) in the seat's language, and the
    seat's dialog puts the sealed note under them in a sealed game, as the move's question does."""
    from tabletop import lang
    from tabletop.engine.lookups import seen
    from tabletop.engine.wording import move_words
    from tabletop.tui.seatdialogs import argument_form
    from tabletop.lang import Domain
    from tabletop.tui.text import SEALED_NOTE, names

    words = Domain("tui").words()[0]
    state = _to_moves(sealed=False)
    for code, cost in (("en", "2 capital"), ("ru", "капитал 2"), ("uk", "капітал 2")):
        with lang.using(code):
            here = seen(state, code)
            found = [e for e in seat_entries(here, _team(state.turn or ""), TableFacts()) if e.needs == "argument"]
            assert found, code
            said = move_words(here.scenario.index.moves["argue"], names(here))
            wire = {"id": found[0].id, "label": found[0].label, "needs": "argument", "form": found[0].form}
            assert all(said in (e.form or {}).get("about", "") and cost in said for e in found), (code, said)
            assert argument_form(wire).about is not None and words(SEALED_NOTE) not in argument_form(wire).about.plain
            assert argument_form(wire, sealed=True).about.plain.endswith(words(SEALED_NOTE)), code


def test_a_team_s_move_list_leaves_out_tracks_it_does_not_sit_at_and_keeps_refusals_that_can_change() -> None:
    """Found from outside: a seat's move list was 60 entries for Ukraine and 86 for Russia, mostly moves on tracks the
    team may never play this game, each refused ("Україна — поза треком …", NOT_A_MEMBER). A team's list has only
    the tracks it sits at; a move refused for what can change (its cost, here: no capital left) stays, with why."""
    from tabletop.engine.state import evolve

    state = _to_moves(sealed=False)
    team = state.turn or ""
    seats = {t.id: t.members for t in state.ruleset.tracks}
    assert any(team not in members for members in seats.values())  # a team that misses a table, or the test proves nothing
    for facts, seat in ((TableFacts(), _team(team)), (TableFacts(), FAC)):  # its own screen; the console acting for it
        entries = seat_entries(state, seat, facts)
        tracks = {e.action.track for e in entries if e.action is not None and e.action.track}
        assert tracks == {t for t, members in seats.items() if team in members}, (seat.id, tracks)
    broke = evolve(state, resources={**state.resources, team: {k: 0 for k in state.resources[team]}})
    refused = [e for e in seat_entries(broke, _team(team), TableFacts()) if e.refusal]
    assert refused and all(team in seats[e.action.track] for e in refused if e.action.track)
    assert any(e.action.move == "argue" for e in refused), [e.label for e in refused]


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "Entered by the facilitator: "),
    ("ru", "Введено ведущим: "),
    ("uk", "Введено ведучим: "),
])
def test_the_note_of_a_decision_entered_for_a_team_is_worded_in_each_reader_s_language(lang: str, words: str) -> None:
    """Found from outside (helper-318): the host's note on a decision the console entered for a team with no screen was
    saved as text in the console's language, and shown to every reader as if typed: "«Введено ведущим: …» (ru)" on a
    Ukrainian seat. It is a record (the team it was entered for) each seat reads in its own words, unmarked."""
    from tabletop.lang import using

    state = _to_moves()
    team = state.turn or ""
    moved = apply(state, next(a for a in legal_actions(state) if a.kind == "move" and a.actor == team))
    noted = apply(moved, Action("note", about=moved.seq, entered=team))
    assert noted.last.action.to_dict() == {"kind": "note", "about": moved.seq, "entered": team}  # no text, no lang
    with using(lang):
        told = tell(noted.last, noted.scenario)
        log = [line["text"] for line in seat_view(noted, FAC, TableFacts())["board"]["log"]]
    assert words in told and " (ru)" not in told and "\u00ab" + words not in told, told  # not quoted as typed
    assert any(words in line for line in log), log


def test_the_note_of_a_decision_entered_for_a_named_team_names_the_team_as_the_room_knows_it() -> None:
    """Found from outside: the host's note on a decision the console entered for a team the room had named ("Delegation
    A" on the start screen or with --team) named the actor only, "Russia had no screen connected", where every other
    line of the console calls that team "Delegation A (Russia)". A team with no name is still called by its actor."""
    from tabletop.engine.lookups import named, seen
    from tabletop.lang import using

    state = _to_moves(sealed=False)
    team = state.turn or ""
    other = next(a.id for a in state.ruleset.actors if a.id != team)
    moved = apply(state, next(a for a in legal_actions(state) if a.kind == "move" and a.actor == team))
    noted = apply(apply(moved, Action("note", about=moved.seq, entered=team)), Action("note", about=moved.seq, entered=other))
    facts = TableFacts(teams={team: "Delegation [b]A[/]"})
    for lang in ("en", "ru", "uk"):
        with using(lang):
            actor, unnamed = named(noted, "actor", team), named(noted, "actor", other)
            for seat in (FAC, PROJECTOR, _team(other)):
                *_, mine, theirs = [line["text"] for line in seat_view(seen(noted), seat, facts)["board"]["log"]]
                assert f"Delegation [b]A[/] ({actor})" in mine, (lang, seat.id, mine)
                assert unnamed in theirs and "(" not in theirs.split(":", 1)[1], (lang, seat.id, theirs)
