"""Effects and conditions on a board read in the seat's language (issue 19: "progress +1",
"position <= 0" stayed English on a Russian board), and in English as the content words them, with proper signs."""

from __future__ import annotations

import re

import pytest

from tabletop import lang
from tabletop.content.loader import load_scenario
from tabletop.content.overlays import translated
from tabletop.content.vocabulary import (MeterCondition, MeterEffect, ProgressCondition, ProgressEffect, Range,
                                        ResourceEffect, RoundCondition, StatusCondition, StatusEffect,
                                        TensionCondition, TensionEffect)
from tabletop.engine.wording import effects_words, named, scenario_names

PARTS = [
    ProgressEffect(progress=1), ProgressEffect(progress=-1, track="borders"), TensionEffect(tension=-1),
    TensionEffect(tension=2, track="borders"), StatusEffect(status="agreed"), StatusEffect(status="deferred", track="borders"),
    MeterEffect(meter="trust", add=-1), ResourceEffect(resource="capital", add=2),
    ProgressCondition(progress=Range(at_most=0)), ProgressCondition(progress=Range(at_least=2), track="borders"),
    TensionCondition(tension=Range(at_least=1, at_most=3)), TensionCondition(tension=Range(at_least=4), track="borders"),
    RoundCondition(round=Range(at_least=3)), MeterCondition(meter="trust", at_least=5),
    StatusCondition(status=["agreed", "deferred"]), StatusCondition(status="open", track="borders"),
]
ENGLISH = re.compile(r"\b(progress|tension|position|round|becomes|status|agreed|deferred|open|track|of|on)\b")


def _signs(record: str) -> str:
    """A record's words with the signs a room reads (:func:`tabletop.engine.partwords.bounds`)."""
    return re.sub(r"(\d+)\.\.(\d+)", "\\1\u2013\\2", record.replace(">=", "\u2265").replace("<=", "\u2264"))


def test_in_english_a_part_reads_as_its_record_with_names() -> None:
    for part in PARTS:
        assert named(part, None) == _signs(part.describe())
    names = {"borders": "Borders", "trust": "Mutual trust"}
    assert named(ProgressEffect(progress=1, track="borders"), names) == "progress +1 on Borders"
    assert named(MeterEffect(meter="trust", add=-1), names) == "Mutual trust \u22121"
    assert named(StatusCondition(status=["agreed", "deferred"], track="borders"), names) == \
        "Borders status is agreed or deferred"


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_every_part_reads_in_the_language(code: str) -> None:
    base = load_scenario("parallel-tracks")
    names = scenario_names(translated(base, code))
    with lang.using(code):
        for part in PARTS:
            if isinstance(part, ResourceEffect):
                continue  # a resource has no name of its own yet: its id shows (see the final report)
            said = named(part, names)
            assert not ENGLISH.search(said), said
            assert re.search("[а-яіїєґ]", said, re.IGNORECASE), said
        said = effects_words([ProgressEffect(progress=1, track="borders")], names)
    assert names["borders"] in said and "+1" in said


@pytest.mark.parametrize(("code", "capital"), [("ru", "капитал"), ("uk", "капітал")])
def test_a_resource_reads_by_its_name(code: str, capital: str) -> None:
    """Resources are named in the overlays (``[resources.capital]``); English by the ruleset's own names (its ids as words where it names none)."""
    from tabletop.engine.wording import move_words, resource_name

    base = load_scenario("parallel-tracks")
    assert resource_name("mandate-moscow", scenario_names(base)) == "Moscow's mandate"
    assert named(ResourceEffect(resource="capital", add=2), scenario_names(base)) == "capital +2"
    names = scenario_names(translated(base, code))
    with lang.using(code):
        assert named(ResourceEffect(resource="capital", add=2), names) == f"{capital} +2"
        dear = next(m for m in base.ruleset.moves if "capital" in m.cost)
        assert capital in move_words(dear, names) and "capital" not in move_words(dear, names)
        assert "мандат" in resource_name("mandate-moscow", names)


@pytest.mark.parametrize(("code", "words"), [
    ("en", "log: Washington keeps arms control apart from Ukraine's status"),
    ("ru", "запись: Вашингтон держит контроль над вооружениями отдельно от статуса Украины"),
    ("uk", "запис: Вашингтон тримає контроль над озброєннями окремо від статусу України"),
])
def test_a_card_choices_log_line_is_worded_in_the_language_shown(code: str, words: str) -> None:
    """A card's answers list what each does (the decision list): its log line in the seat's language, not English."""
    base = load_scenario("parallel-tracks")
    lang.set_language(code)
    shown = translated(base, code)
    choice = next(ch for c in base.deck.cards for ch in c.choices if any(e.key == "log" for e in ch.effects)
                  and "Washington" in str([e.log for e in ch.effects if e.key == "log"]))
    assert [named(e, scenario_names(shown)) for e in choice.effects if e.key == "log"] == [words]


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_a_cards_conditions_read_in_proper_signs(code: str) -> None:
    """Found from outside (helper-210): a card panel read «Вытягивается, только если: позиция <= 0»: a programmer's
    operator on a room's screen. Every condition of the bundled deck reads with ≤ and ≥ (a range with a dash), in
    every language; the record (``describe()``, what a save keeps) is left as it was."""
    base = load_scenario("parallel-tracks")
    names = scenario_names(translated(base, code) if code != "en" else base)
    with lang.using(code):
        said = [named(c, names) for card in base.deck.cards for c in card.requires]
        said += [named(c, names) for c in PARTS if not isinstance(c, (ProgressEffect, TensionEffect, StatusEffect,
                                                                       MeterEffect, ResourceEffect))]
    assert said and not [s for s in said if re.search(r"<=|>=|\.\.", s)], said
    assert any("\u2264 0" in s for s in said) and any("\u2265 " in s for s in said), said
    assert named(TensionCondition(tension=Range(at_least=1, at_most=3)), None).endswith("1\u20133")
    assert ProgressCondition(progress=Range(at_most=0)).describe() == "position <= 0"
