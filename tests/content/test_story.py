"""The bundled scenarios tell their source's story (issue 15, "Contradictions to fix").

These read the bundled content and play it through the engine: the opening
statements are reciprocal, Ukraine's EU path and status are not decided by a
seat that does not belong there, reaffirming the norm and parking the border
question is a path the rules offer and the objectives reward, and no card
leaves the room without saying why no one answers it. docs/seed-map.md maps
each paragraph of the source text to what carries it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tabletop import Action, apply, legal_actions, load_scenario, new_game
from tabletop.content.finding import BUNDLED, bundled_decks
from tabletop.engine import State, objectives_met

REPO = Path(__file__).resolve().parents[2]
DECKS = bundled_decks()
STRICT, LINKED = BUNDLED / "rulesets" / "parallel-tracks.toml", BUNDLED / "rulesets" / "parallel-tracks-linked.toml"


def _moves_phase(seed: int = 3) -> State:
    """Round 1 of the default scenario, moves phase, Russia to move."""
    state = new_game(load_scenario("parallel-tracks"), seed=seed)
    state = apply(state, Action("draw", outcome={"card": "un-resolution", "set_aside": [], "reshuffled": 0}))
    state = apply(state, Action("apply_card"))
    return apply(state, Action("advance"))


def _global_moves(state: State, actor: str) -> set[str]:
    return {a.move for a in legal_actions(state) if a.kind == "move" and a.actor == actor and a.track is None}


# --------------------------------------------------------------------------
# Framing, and the two rulesets being one scenario


@pytest.mark.parametrize("path", [STRICT, LINKED], ids=["strict", "linked"])
def test_the_description_names_the_source_its_author_and_year(path: Path) -> None:
    """Found from outside (helper-91): every language said the text was "written from a Russian perspective"; it
    is a paper by Zachary Paikin, a researcher based in the West, that the Valdai Discussion Club published in 2024,
    argued to a Russian audience. A room told otherwise dismisses it, or takes it for Moscow's position."""
    description = load_scenario(path).ruleset.ruleset.description
    assert "Valdai Discussion Club" in description and "Zachary Paikin" in description and "2024" in description
    assert "perspective" not in description
    for code, author, said_before in (("ru", "Закари Пайкина", "точки зрения"), ("uk", "Закарі Пайкіна", "погляду")):
        overlay = path.with_name(f"{path.stem}.{code}.toml").read_text(encoding="utf-8")
        line = next(line for line in overlay.splitlines() if line.startswith("description = "))  # the ruleset's
        assert author in line and "2024" in line and said_before not in line, line
    for deck in sorted(path.parent.parent.glob("decks/parallel-tracks-events*.toml")):  # the cards that quote it
        text = deck.read_text(encoding="utf-8")
        assert not any(words in text for words in ("Russian perspective", "точки зрения", "російського погляду"))


def test_the_linked_ruleset_differs_only_in_its_ruleset_table() -> None:
    def below(path: Path) -> str:
        text = path.read_text(encoding="utf-8")
        return text[text.index("\n[ruleset.timers]"):]

    assert below(STRICT) == below(LINKED)


# --------------------------------------------------------------------------
# Goodwill: Moscow's statement, then one Western answer in response


def test_the_west_answers_once_and_only_after_moscow() -> None:
    state = _moves_phase()
    assert "statehood-statement" in _global_moves(state, "ru")
    state = apply(state, Action("move", actor="ru", move="statehood-statement"))
    state = apply(state, Action("pass", actor="ua"))
    assert "concerns-statement" in _global_moves(state, "us")
    state = apply(state, Action("move", actor="us", move="concerns-statement"))
    assert state.meters["trust"] == 2 + 1 + 2 + 2  # start, the card, Moscow's statement, the one answer
    assert "concerns-statement" not in _global_moves(state, "eu")  # one answer for the West, not one each


def test_the_west_cannot_answer_before_moscow_has_spoken() -> None:
    state = _moves_phase()
    state = apply(state, Action("pass", actor="ru"))
    state = apply(state, Action("pass", actor="ua"))
    assert "concerns-statement" not in _global_moves(state, "us")


# --------------------------------------------------------------------------
# Who sits where: Ukraine's multi-vector choice is not a third party's vote


def test_the_mediating_states_do_not_decide_ukraines_status_and_russia_has_no_eu_seat() -> None:
    tracks = {t.id: t for t in load_scenario("parallel-tracks").ruleset.tracks}
    assert "bridge" not in tracks["ukraine-status"].members
    assert set(tracks["ukraine-status"].vetoes()) == {"ua", "ru"}
    assert "ru" not in tracks["ukraine-eu"].members
    assert tracks["ukraine-eu"].ladder[tracks["ukraine-eu"].agreement_at] == "Deeper relations"
    assert not any("ccession" in rung for rung in tracks["ukraine-eu"].ladder)


def test_russias_attitude_to_ukraines_eu_path_is_global() -> None:
    scenario = load_scenario("parallel-tracks")
    moves = {m.id: m for m in scenario.ruleset.moves}
    assert moves["acknowledge-choice"].scope == "global"
    card = next(c for c in scenario.deck.cards if c.id == "moscow-objects")
    assert card.track is None and card.chooser() == "ru"


# --------------------------------------------------------------------------
# Borders: reaffirm the norm, then leave the question open


def test_norm_reaffirmed_then_deferred_meets_ukraines_borders_objective() -> None:
    # round 1's card on the master events list: the European declaration on territorial integrity
    state = new_game(load_scenario("parallel-tracks"), seed=3)
    state = apply(state, Action("draw"))
    assert state.card == "integrity-declaration"
    state = apply(state, Action("choose", actor="eu", track="borders", card="integrity-declaration", choice=0))
    state = apply(state, Action("advance"))
    ukraine = [obj.track for obj, _ in objectives_met(state)["ua"]]
    assert "borders" in ukraine
    assert state.tracks["borders"].position == 1
    spec = next(t for t in state.ruleset.tracks if t.id == "borders")
    assert spec.ladder[1] == "Norm reaffirmed"
    state = apply(state, Action("move", actor="ru", move="defer", track="borders"))
    for actor in ("ua", "us", "eu", "bridge", "ru"):
        state = apply(state, Action("pass", actor=actor))
    state = apply(state, Action("advance"))
    state = apply(state, Action("vote", actor="ua", track="borders", accept=True))
    state = apply(state, Action("vote", actor="eu", track="borders", accept=True))
    assert state.tracks["borders"].status == "deferred"
    met = {obj.track: ok for obj, ok in objectives_met(state)["ua"]}
    assert met["borders"]


def test_settling_the_borders_is_the_longest_road() -> None:
    tracks = load_scenario("parallel-tracks").ruleset.tracks
    borders = next(t for t in tracks if t.id == "borders")
    assert borders.agreement_at == max(t.agreement_at for t in tracks)
    assert borders.ladder[borders.agreement_at] == "Settlement" and borders.agreement_at >= 5


# --------------------------------------------------------------------------
# Cards: every card with no choice says why


@pytest.mark.parametrize("path", DECKS, ids=[p.stem for p in DECKS])
def test_every_card_without_a_choice_says_why(path: Path) -> None:
    scenario_id = {"parallel-tracks-events": "parallel-tracks", "river-basin-events": "river-basin"}[path.stem]
    silent = [c.id for c in load_scenario(scenario_id).deck.cards
              if not c.choices and not c.control_note.startswith("No choice: ")]
    assert silent == []


@pytest.mark.parametrize("path", DECKS, ids=[p.stem for p in DECKS])
def test_every_track_has_at_least_five_cards_and_the_deck_forty(path: Path) -> None:
    scenario_id = {"parallel-tracks-events": "parallel-tracks", "river-basin-events": "river-basin"}[path.stem]
    scenario = load_scenario(scenario_id)
    cards = scenario.deck.cards
    assert len(cards) >= 40
    for track in scenario.ruleset.tracks:
        assert sum(c.track == track.id for c in cards) >= 5, track.id


def test_the_seed_map_is_linked_and_covers_every_paragraph() -> None:
    seed_map = (REPO / "docs" / "seed-map.md").read_text(encoding="utf-8")
    rows = [line for line in seed_map.splitlines() if re.match(r"\| ¶\d", line)]
    assert [row.split("|")[1].strip() for row in rows] == [f"¶{i}" for i in range(1, 8)]
    for doc in ("README.md", "docs/authoring.md"):
        assert "seed-map.md" in (REPO / doc).read_text(encoding="utf-8"), doc


# --------------------------------------------------------------------------
# The rules the seed needed, used by the bundled content (issue 15)


def test_the_goodwill_tracks_raise_trust_when_agreed_and_nothing_else_does() -> None:
    scenario = load_scenario("parallel-tracks")
    spill = {t.id: [(e.meter, e.add) for e in t.on_agreed] for t in scenario.ruleset.tracks if t.on_agreed}
    assert spill == {"strategic-stability": [("trust", 1)], "track-two": [("trust", 1)]}
    state = _moves_phase()
    trust = state.meters["trust"]
    state = apply(state, Action("override", track="strategic-stability", status="agreed", reason="Treaty signed"))
    assert state.meters["trust"] == trust + 1
    state = apply(state, Action("override", track="track-two", status="collapsed", reason="Experts recalled"))
    assert state.meters["trust"] == trust + 1  # failure does not spill over


@pytest.mark.parametrize("name", ["parallel-tracks", "river-basin"])
def test_the_compared_package_deal_is_the_fair_one(name: str) -> None:
    """simulate --compare and the paired report play the strict ruleset as linked: with the
    reopen rule and the link move as a trade, not the collapse of everything."""
    ruleset = load_scenario(name).ruleset
    assert ruleset.ruleset.independence == "strict" and ruleset.ruleset.linked_collapse == "reopen"
    link = next(m for m in ruleset.moves if m.link)
    assert [e.key for e in link.link_effects] == ["progress"]


def test_every_seed_card_is_on_the_master_events_list() -> None:
    cards = load_scenario("parallel-tracks").deck.cards
    seeded = [c for c in cards if "seed" in c.tags]
    assert len(seeded) >= 6
    assert [c.id for c in seeded if c.schedule is None] == []
    first = next(c for c in cards if c.schedule is not None and c.schedule.round == 1 and not c.schedule.when)
    assert first.id == "integrity-declaration"  # the norm reaffirmed comes first, then the rest


@pytest.mark.parametrize("path", DECKS, ids=[p.stem for p in DECKS])
def test_every_track_has_a_debrief_prompt_some_for_the_room(path: Path) -> None:
    scenario_id = {"parallel-tracks-events": "parallel-tracks", "river-basin-events": "river-basin"}[path.stem]
    scenario = load_scenario(scenario_id)
    prompts = scenario.deck.prompts
    for track in scenario.ruleset.tracks:
        mine = [p for p in prompts if p.track == track.id]
        assert any(p.status is None for p in mine), track.id  # asked whatever the ending
        assert any(p.participants for p in mine), track.id


# --------------------------------------------------------------------------
# What the text says, said as it says it (found from outside, helper-122, a subject-matter review against the seed)


def test_the_norm_is_a_pillar_of_the_european_security_order_as_the_seed_words_it() -> None:
    """Seed, paragraph 4: "a key pillar of the European security order"; the Europeans' description and objective
    said "the European order", which is another thing."""
    eu = next(a for a in load_scenario("parallel-tracks").ruleset.actors if a.id == "eu")
    for text in (eu.description, *(o.text for o in eu.objectives if o.track == "borders")):
        assert "European security order" in text, text


def test_the_ladders_do_not_put_a_territorys_status_or_a_downgrade_on_the_table() -> None:
    """Borders are "left open" in the seed, not talks on a territory's "final status" (the word of other
    settlements); Ukraine's EU track does not climb through an "upgraded association" it has had since 2017; the
    status track outlines the *depth* of military ties, the seed's word, not their limits."""
    tracks = {t.id: t for t in load_scenario("parallel-tracks").ruleset.tracks}
    assert not any("status" in rung.lower() for rung in tracks["borders"].ladder), tracks["borders"].ladder
    assert not any("ssociation" in rung for rung in tracks["ukraine-eu"].ladder), tracks["ukraine-eu"].ladder
    assert "Depth of military ties outlined" in tracks["ukraine-status"].ladder


def test_the_goodwill_measure_and_the_deferral_are_told_as_the_seed_tells_them() -> None:
    """The seed's goodwill measure is the US and Russia agreeing to devote a track to strategic stability (¶3), what
    "could be followed" by the endorsements of Track 2; it leaves borders open and calls the status compromise "the
    more immediate task" (¶4): the defer move, offered on every track, says so."""
    scenario = load_scenario("parallel-tracks")
    tracks = {t.id: t for t in scenario.ruleset.tracks}
    assert "agreement to devote a track" in tracks["strategic-stability"].description
    defer = next(m for m in scenario.ruleset.moves if m.id == "defer")
    assert "leave borders open" in defer.description and "the more immediate task" in defer.description
    cards = {c.id: c for c in scenario.deck.cards}
    for card in ("moscow-endorses-dialogue", "washington-endorses-dialogue"):
        assert "agreement to devote a track to strategic stability" in (cards[card].control_note or ""), card


def test_no_card_hands_a_party_a_decision_that_was_not_its_own() -> None:
    """Gas transit through Ukraine needed Kyiv's consent (it ended in 2025), so a card Moscow alone answers does not
    make "transit contracts up for renewal" its decision; Washington's choice on the lapsing arms limits is worded
    without saying who offered a freeze first (in 2025 it was Moscow)."""
    cards = {c.id: c for c in load_scenario("parallel-tracks").deck.cards}
    assert "transit" not in cards["energy-winter"].text
    assert [c.label for c in cards["treaty-lapses"].choices] == ["Keep to the limits for a year", "Let it lapse"]


#: choice cards that put one side in a spot another card puts another side in (their control notes say so, or the
#: deck's header comment); every other choice card a side answers has no mirror, and docs/seed-map.md says which
MIRRORS = [
    {"senate-hearing", "duma-hearing"}, {"warhead-count-dispute", "missile-defence-inspection"},
    {"congress-linkage", "sanctions-linkage", "borders-first-demand"}, {"parliament-debate", "security-council-red-lines"},
    {"wider-guarantors", "global-south-plan"}, {"borders-resurface", "kyiv-reopen-call"},
    {"park-borders", "moscow-freeze-offer"}, {"experts-accused", "experts-shunned"},
    {"moscow-endorses-dialogue", "washington-endorses-dialogue"}, {"moscow-walks-back", "west-walks-back"},
    {"us-election", "moscow-election"}, {"sanctions-package", "energy-winter"}, {"nuclear-rhetoric", "troops-rhetoric"},
]
SIDES = {"ru": "Russia answers", "us": "the United States answers", "eu": "the Europeans answer",
         "ua": "Ukraine answers"}


def test_the_seed_map_lists_exactly_the_choice_cards_with_no_mirror() -> None:
    """Found from outside (helper-210): the seed map said two cards had no mirror (referendum-call, plant-incident);
    arms-talks-relaunched, intelligence-row, treaty-lapses, drone-incursion, alliance-communique, mapping-commission
    and more had none either. Each side's list in the map is the deck's, and each mirror puts another side there."""
    deck = load_scenario("parallel-tracks").deck
    chooser = {c.id: c.chooser() for c in deck.cards if c.choices}
    for pair in MIRRORS:
        assert pair <= chooser.keys() and len({chooser[c] for c in pair}) == len(pair), pair
    mirrored = set().union(*MIRRORS)
    alone = {side: {c for c, who in chooser.items() if who == side and c not in mirrored} for side in SIDES}
    seed_map = (REPO / "docs" / "seed-map.md").read_text(encoding="utf-8")
    block = seed_map[seed_map.index("choice\n  cards have no mirror"):seed_map.index("The six cards the mediating")]
    items = re.split(r"\n  - ", block)[1:]
    # a card named in brackets is said of another (Kyiv's multi-vector-model beside moscow-objects): not listed there
    listed = {side: set(re.findall(r"`([a-z-]+)`", re.sub(r"\([^)]*\)", "", next(i for i in items if i.startswith(says)))))
              for side, says in SIDES.items()}
    assert listed == alone
    counts = {side: sum(1 for who in chooser.values() if who == side) for side in SIDES}
    total = sum(len(v) for v in alone.values())
    assert f"Of the {sum(counts.values())} choice cards a side answers, Russia answers\n  {counts['ru']}" in seed_map
    assert max(counts, key=counts.__getitem__) == "ru"
    assert total == 16 and "Sixteen choice" in seed_map


def test_no_card_closes_a_track_with_a_veto_on_one_sides_answer() -> None:
    """Found from outside (a fact-checker, stop 60): Ukraine's lone answer to "Kyiv sets out a multi-vector course"
    agreed the status of Ukraine, and Ukraine's (or Russia's) lone answer to a proposal to park the borders parked
    them, while the product says Russia and Ukraine must each accept (both hold a veto there) and the seed asks for a
    "mutually acceptable" compromise. On a track where someone holds a veto, a card a single side answers neither
    sets its status nor can step it onto its agreement rung: closing it takes a proposal the veto holders accept."""
    from tabletop.content.vocabulary import ProgressCondition, ProgressEffect, StatusEffect

    scenario = load_scenario("parallel-tracks")
    tracks = scenario.index.tracks
    for card in scenario.deck.cards:
        track = tracks.get(card.track) if card.track else None
        if track is None or track.ratify is None or not track.ratify.veto:
            continue
        highest = min((c.progress.at_most for c in card.requires if isinstance(c, ProgressCondition)
                       and c.track in (None, card.track) and c.progress.at_most is not None),
                      default=len(track.ladder) - 1)
        for choice in card.choices:
            for effect in (*card.effects, *choice.effects):
                if getattr(effect, "track", None) not in (None, card.track):
                    continue
                assert not isinstance(effect, StatusEffect) or effect.status == "open", (card.id, choice.label)
                if isinstance(effect, ProgressEffect) and effect.progress > 0:
                    assert highest + effect.progress < track.agreement_at, (card.id, choice.label, highest)
