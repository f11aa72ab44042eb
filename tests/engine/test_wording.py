"""What happened, in words: the typed records read from saves, and the one wording of them.

The screens, the replay viewer and every report format word rulings, changes
and statuses through ``tabletop.engine.wording``; these tests pin its variants
(a report's full wording, a screen's compact one) and that no other module
keeps a copy.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tabletop
from tabletop import lang
from tabletop.content.literal import literal, one_line
from tabletop.content.overlays import translated
from tabletop.engine.records import Change, Modifier, Ruling, changes_of
from tabletop.engine.rulingwords import ruling_lines, ruling_text
from tabletop.engine.wording import (
    change_text,
    met_word,
    modifier_names,
    moved,
    named_source,
    scenario_names,
    status_word,
)
from tabletop.engine.telling import tell
from tabletop.report.render import to_json

NAMES = {"trust": "Mutual trust", "borders": "Borders", "ru": "Russia", "ua": "Ukraine", "eu": "Europe"}
LADDERS = {"borders": ("Irreconcilable", "Norm reaffirmed", "Line-of-contact talks")}

DICE = {
    "resolution": "dice",
    "dice": [3, 4],
    "modifiers": [
        {"source": "trust >= 5", "add": 1, "applies": True},
        {"source": "escalation >= 7", "add": -1, "applies": False},
        {"source": "tension >= 3", "add": -1, "applies": False},
    ],
    "total": 8,
    "target": 8,
    "success": True,
    "proposal": 4,
    "actor": "ru",
    "move": "press",
}


def test_a_dice_ruling_reads_into_a_record() -> None:
    ruling = Ruling.from_result({"ruling": DICE})
    assert ruling is not None
    assert ruling.dice == (3, 4) and ruling.total == 8 and ruling.target == 8
    assert ruling.modifiers[0] == Modifier("trust >= 5", 1, True)
    assert (ruling.proposal, ruling.actor, ruling.move, ruling.success) == (4, "ru", "press", True)
    assert ruling.outcome == "succeeds"
    assert Ruling.from_result({"summary": "no ruling here"}) is None
    assert Ruling.from_result({"ruling": "not a record"}) is None


def test_a_report_words_dice_with_named_sources_and_every_modifier() -> None:
    text = ruling_text(Ruling.from_data(DICE), NAMES)
    assert text == (
        "rolled 3 + 4; +1 for Mutual trust \u2265 5; \u22121 for escalation \u2265 7 (not met at the roll); "
        "\u22121 for tension \u2265 3 (not met at the roll); = 8 vs target 8 \u2192 succeeds"
    )


def test_a_screen_words_dice_with_sources_named_and_brief_counts_the_idle_ones() -> None:
    """Found from outside: the board's last rulings read "+1 for cooperation >= 6" (the meter's id) where the
    dice dialog and the report said "Basin cooperation >= 6"; on a Russian board the id stood in English.
    A screen names the sources as the report does."""
    ruling = Ruling.from_data(DICE)
    assert ruling_lines(ruling, NAMES) == [
        "rolled 3 + 4; +1 for Mutual trust \u2265 5; \u22121 for escalation \u2265 7 (not met at the roll); "
        "\u22121 for tension \u2265 3 (not met at the roll); = 8 vs target 8"
    ]
    assert ruling_lines(ruling, NAMES, brief=True) == [
        "rolled 3 + 4; +1 for Mutual trust \u2265 5; = 8 vs target 8; 2 other modifiers did not apply: their conditions "
        "were not met at the roll"
    ]


def test_a_vote_with_a_veto_names_who_accepted_rejected_and_vetoed() -> None:
    data = {"resolution": "consensus", "accepted": ["ru"], "rejected": ["ua", "eu"], "threshold": 2,
            "vetoed_by": ["ua"], "success": False}
    ruling = Ruling.from_data(data)
    assert ruling_text(ruling, NAMES) == (
        "accepted: Russia; rejected: Ukraine, Europe; needs 2 accepts; vetoed by Ukraine \u2192 fails"
    )
    assert ruling_lines(ruling, NAMES) == [
        "accepted: Russia; rejected: Ukraine, Europe; needs 2 accepts; vetoed by Ukraine"
    ]
    nobody = Ruling.from_data({"resolution": "consensus", "threshold": 1})
    assert ruling_text(nobody, NAMES) == "accepted: nobody; rejected: nobody; needs 1 accepts"


def test_a_lapsed_ruling_says_so_on_screen_and_in_a_report() -> None:
    data = {"resolution": "auto", "lapsed": True, "success": False}
    ruling = Ruling.from_data(data)
    assert ruling.outcome == "lapsed"
    assert ruling_text(ruling, NAMES) == "needs no vote: it acts at the reveal \u2192 lapsed: the track had closed"
    assert ruling_lines(ruling, NAMES) == ["lapsed: the track had closed"]
    applied = Ruling.from_data({"resolution": "auto", "success": True})
    assert applied.outcome == "applied"
    assert ruling_text(applied, NAMES) == "needs no vote: it acts at the reveal"
    assert ruling_lines(applied, NAMES) == []


def test_a_facilitators_reason_is_shown_literally_one_line_in_a_report() -> None:
    reason = "Talks \x1b[2J stalled\r\nfor now \u202e"
    ruling = Ruling.from_data({"resolution": "facilitator", "reason": reason, "success": False})
    text = ruling_text(ruling, NAMES)
    assert text == f"facilitator's reason: {one_line(reason)} \u2192 fails"
    assert "\x1b" not in text and "\u202e" not in text and "\n" not in text
    screen = ruling_lines(ruling, NAMES)
    assert screen == [f"facilitator's reason: {literal(reason)}"]
    assert "\x1b" not in screen[0] and "\u202e" not in screen[0]
    blank = Ruling.from_data({"resolution": "facilitator"})
    assert ruling_text(blank, NAMES) == "facilitator's reason: (none given)"
    assert ruling_lines(blank, NAMES) == ["facilitator's reason: (none given)"]


def test_a_facilitators_reason_typed_in_another_language_is_marked_for_its_reader() -> None:
    """``lang=``: the language the reason was typed in; read in another, quoted and marked as every typed text is
    (the report's working took the mark from here in place of replacing the words afterwards: issue 14)."""
    ruling = Ruling.from_data({"resolution": "facilitator", "reason": "Стороны  согласились", "success": True})
    with lang.using("en"):
        assert ruling_text(ruling, NAMES, lang="ru") == "facilitator's reason: \u00abСтороны согласились\u00bb (ru) \u2192 succeeds"
        assert ruling_text(ruling, NAMES, lang="en") == ruling_text(ruling, NAMES) == (
            "facilitator's reason: Стороны согласились \u2192 succeeds")
        simulated = Ruling.from_data({"resolution": "facilitator", "reason": "simulated ruling", "success": True})
        assert "\u00ab" not in ruling_text(simulated, NAMES, lang="ru")  # tabletop's own words: none typed
        blank = Ruling.from_data({"resolution": "facilitator"})
        assert ruling_text(blank, NAMES, lang="ru") == "facilitator's reason: (none given)"
    with lang.using("ru"):  # read in the language it was typed in: as typed
        assert "(ru)" not in ruling_text(ruling, NAMES, lang="ru")


def test_old_saves_missing_keys_still_read_and_word() -> None:
    bare = Ruling.from_data({"resolution": "dice"})
    assert bare.dice == () and bare.modifiers == () and bare.success is None and not bare.lapsed
    assert ruling_text(bare, NAMES) == "= None vs target None"
    assert Ruling.from_data({"resolution": "dice", "modifiers": [{"source": "trust >= 5"}]}).modifiers == (
        Modifier("trust >= 5", 0, False),
    )
    # no success recorded: nothing is claimed about the outcome
    unsettled = Ruling.from_data({"resolution": "consensus", "threshold": 1, "accepted": None})
    assert ruling_text(unsettled, NAMES).endswith("needs 1 accepts")
    assert Ruling().outcome == "fails"
    assert ruling_text(None, NAMES) == "" and ruling_lines(None, NAMES) == []


def test_changes_read_into_three_forms_and_keep_anything_else() -> None:
    result = {"changes": [
        {"track": "borders", "what": "position", "from": 1, "to": 2},
        {"meter": "trust", "from": 2, "to": 1},
        {"actor": "ru", "resource": "mandate-moscow", "from": 1, "to": 0},
        {"odd": 1},
        "not a record",
    ]}
    track, meter, resource, other = changes_of(result)
    assert (track.form, meter.form, resource.form, other.form) == ("track", "meter", "resource", "other")
    assert track == Change(1, 2, track="borders", what="position")
    assert changes_of({}) == [] and changes_of({"changes": None}) == [] and changes_of({"changes": "x"}) == []
    full = [change_text(c, NAMES, LADDERS) for c in (track, meter, resource, other)]
    assert full == [
        "Borders: position 1 \u2192 2 (Line-of-contact talks)",
        "Mutual trust 2 \u2192 1",
        "Russia mandate moscow 1 \u2192 0",  # a resource with no name in NAMES: its id as words, as the board says it
        "odd 1",
    ]
    # a named resource by its name in English too (found from outside, helper-107: "Hill Valley capital 3 → 2" in the
    # English report where the scenario names it "Political capital" and the board said so)
    named = {**NAMES, "resource:mandate-moscow": "Moscow's mandate"}
    assert change_text(resource, named) == "Russia Moscow's mandate 1 \u2192 0"
    compact = [change_text(c, NAMES, compact=True) for c in (track, meter, resource, other)]
    assert compact == [
        "Borders position 1\u21922", "Mutual trust 2\u21921", "Russia mandate moscow 1\u21920", ""
    ]


def test_a_change_from_an_edited_save_is_shown_literally_on_screen() -> None:
    change = Change.from_data({"meter": "trust\x1b[31m", "from": 1, "to": 2})
    assert "\x1b" not in change_text(change, {}, compact=True)
    # a position off the ladder names no rung
    off = Change.from_data({"track": "borders", "what": "position", "from": 2, "to": 9})
    assert change_text(off, NAMES, LADDERS) == "Borders: position 2 \u2192 9"


def test_statuses_and_marks() -> None:
    assert status_word("agreed", provisional=True) == "\u2714 agreed (provisional)"
    assert status_word("agreed", loud=True) == "\u2714 AGREED"
    assert status_word("deferred", True, loud=True) == "\u2016 DEFERRED (provisional)"
    assert status_word("unheard-of") == "? unheard-of"
    assert met_word(True) == "\u2714 met" and met_word(False) == "\u2716 not met"
    assert moved(2, 4) == "2 \u2192 4" and moved(2, 4, compact=True) == "2\u21924"
    assert named_source("trust >= 5", NAMES) == "Mutual trust \u2265 5"
    assert named_source("round >= 3", NAMES) == "round \u2265 3"


def test_the_arabic_letter_mark_is_a_bidi_control_too() -> None:
    # U+061C reorders text like the other bidi marks; the sanitiser once let it through
    assert literal("a\u061cb") == "a<U+061C>b"
    assert one_line("\u061c") == "<U+061C>"
    assert "\u061c" not in to_json({"name": "a\u061cb"})
    assert json.loads(to_json({"name": "a\u061cb"})) == {"name": "a\u061cb"}


@pytest.mark.parametrize("hidden", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\U000e0041"])
def test_an_invisible_character_is_shown_by_its_code_point(hidden: str) -> None:
    """Found from outside: an actor named "Rus\\u200bsia" read as Russia beside Russia, and a name of a zero-width space
    alone as nothing at all: what draws nothing is shown, as a bidi control is."""
    shown = literal(f"Rus{hidden}sia")
    assert shown == f"Rus<U+{ord(hidden):04X}>sia" and one_line(hidden) == f"<U+{ord(hidden):04X}>"
    assert hidden not in to_json({"name": f"a{hidden}b"})
    assert json.loads(to_json({"name": f"a{hidden}b"})) == {"name": f"a{hidden}b"}


#: phrases of the wording (as the code writes them) that only one module may hold: tabletop/engine/wording.py,
#: or for a ruling's working tabletop/engine/rulingwords.py
ONLY_IN_WORDING = {"vs target": "rulingwords", "(not met at the roll)": "rulingwords", "accepted: {": "rulingwords",
                   "rejected: {": "rulingwords", "vetoed by ": "rulingwords", "facilitator's reason: ": "rulingwords",
                   "the track had closed": "wording", '"{status} (provisional)"': "wording", "(undone)": "wording"}


@pytest.mark.parametrize("phrase", ONLY_IN_WORDING)
def test_no_other_module_keeps_its_own_copy_of_the_wording(phrase: str) -> None:
    root = Path(tabletop.__file__).parent
    holders = sorted(
        str(p.relative_to(root)) for p in root.rglob("*.py") if phrase in p.read_text(encoding="utf-8")
        and p.parent.name != "lang"  # the catalogue's docstring shows how a constant is marked, with this one
    )
    assert holders == [f"engine/{ONLY_IN_WORDING[phrase]}.py"], f"{phrase!r} is worded in {holders}"


def test_no_module_writes_an_objectives_mark_by_hand() -> None:
    # "\u2714 met" was written out in three places; now every one takes the mark from the wording
    root = Path(tabletop.__file__).parent
    assert [p.name for p in root.rglob("*.py") if "\\u2714 met" in p.read_text(encoding="utf-8")] == []


def test_a_scenarios_names_are_worked_out_once_and_each_caller_gets_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key press on the board asks for the names ~45 times: worded once a scenario (its translation
    being a scenario of its own), and a caller that adds to its dict changes no one else's."""
    from tabletop.content.loader import load_scenario
    from tabletop.content.scenario import Scenario
    from tabletop.engine import wording

    loaded = load_scenario("river-basin")
    scenario = Scenario(loaded.ruleset, loaded.deck)  # its own index: no other test has asked for its names
    worded: list[str] = []
    monkeypatch.setattr(wording, "literal", lambda text: worded.append(text) or literal(text))
    first = wording.scenario_names(scenario)
    assert worded and first[scenario.ruleset.tracks[0].id] == literal(scenario.ruleset.tracks[0].name)
    count = len(worded)
    first["extra"] = "added by a caller"
    again = wording.scenario_names(scenario)
    assert len(worded) == count and "extra" not in again and again == {k: v for k, v in first.items() if k != "extra"}
    other = Scenario(load_scenario("parallel-tracks").ruleset, load_scenario("parallel-tracks").deck)
    assert set(wording.scenario_names(other)) != set(again) and len(worded) > count


def _a_roll_with_a_modifier():  # noqa: ANN202 - a state whose last event is a roll a modifier changed
    state = tabletop.new_game(tabletop.load_scenario("parallel-tracks"), 3)
    rng = __import__("random").Random(1)
    while not state.over:
        options = tabletop.legal_actions(state)
        press = [a for a in options if a.kind == "move" and a.move == "press"]
        state = tabletop.apply(state, press[0] if press else rng.choice(options))
        if state.last.action.kind == "roll" and any(m["applies"] for m in state.last.result["ruling"]["modifiers"]):
            return state
    raise AssertionError("no roll with a modifier that applied")


@pytest.mark.parametrize(("code", "words"), [("en", "(tension \u2265 3)"), ("ru", "(напряжённость \u2265 3)"),
                                             ("uk", "(напруженість \u2265 3)")])
def test_a_rolls_modifier_is_told_and_reported_in_the_rooms_words(code: str, words: str) -> None:
    """The log line of a roll said "(tension >= 3)" in every language: the condition as the ruleset writes it.
    English reads the record's words, with the signs a room reads (found from outside, helper-210: ``>=``)."""
    state = _a_roll_with_a_modifier()
    with lang.using(code):
        scenario = translated(state.scenario, code)
        told = tell(state.last, scenario)
        names = scenario_names(scenario)
        reported = ruling_text(Ruling.from_result(state.last.result), {**names, **modifier_names(scenario, names)})
    assert words in told, told
    assert words[1:-1] in reported and "tension" not in (reported if code != "en" else ""), reported
    assert state.last.result["ruling"]["modifiers"][-1]["source"] == "tension >= 3"  # the record is the same


def test_a_roll_with_no_modifier_listed_reads_as_one_sentence() -> None:
    """Found from outside: "rolled 4 + 5; = 9 vs target 9; 4 modifiers did not apply", a sum cut from its dice
    by a semicolon, whenever no modifier applied on a small screen (or a move had none)."""
    idle = {**DICE, "modifiers": [{**m, "applies": False} for m in DICE["modifiers"]], "total": 7}
    assert ruling_lines(Ruling.from_data(idle), NAMES, brief=True) == [
        "rolled 3 + 4 = 7 vs target 8; 3 other modifiers did not apply: their conditions were not met at the roll"]
    bare = {**DICE, "modifiers": [], "total": 7}
    assert ruling_text(Ruling.from_data(bare), NAMES).startswith("rolled 3 + 4 = 7 vs target 8 \u2192 ")


@pytest.mark.parametrize(("code", "said"), [("en", "Opening statements = 1"), ("ru", "= 1"), ("uk", "= 1")])
def test_a_range_of_one_value_reads_as_that_value(code: str, said: str) -> None:
    """Found from outside (helper-102): a refused Western statement said "needs: Opening statements 1..1" (ru:
    «Первые заявления 1..1»), a range of one value that a room read as a typo."""
    from tabletop.engine.wording import named, scenario_names

    sc = tabletop.load_scenario("parallel-tracks")
    move = next(m for m in sc.ruleset.moves if m.id == "concerns-statement")
    with lang.using(code):
        shown = translated(sc, code)
        words = named(move.requires[0], scenario_names(shown))
    assert said in words and "1..1" not in words, words


@pytest.mark.parametrize(("code", "said"), [("ru", "цель 7 (шансы равные)"), ("uk", "мета 7 (шанси рівні)")])
def test_an_arguments_roll_names_its_odds_as_odds(code: str, said: str) -> None:
    """Found from outside (helper-102): a roll's line read "цель 7 (равные)" / "мета 7 (рівні)": an adjective
    with nothing to agree with, where the working says «шансы: равные»."""
    from tabletop.engine import Action, Event
    from tabletop.engine.telling import tell

    sc = tabletop.load_scenario("parallel-tracks")
    ruling = {"resolution": "argue", "dice": [3, 2], "total": 5, "target": 7, "odds": "even", "success": False}
    event = Event(9, 1, "adjudication", Action(kind="roll", track="borders"), {"ruling": ruling})
    with lang.using(code):
        told = tell(event, translated(sc, code))
    assert said in told, told


#: a successful linked move that raised a track's tension to its breakdown point (7) and so collapsed it (found from
#: outside, a linked game in Russian: "напряжённость 6 → 7 … статус открыто → сорвано", and no word of why)
COLLAPSING = {"changes": [
    {"track": "borders", "what": "position", "from": 1, "to": 2},
    {"track": "borders", "what": "tension", "from": 6, "to": 7},
    {"track": "ukraine-status", "what": "position", "from": 0, "to": 1},
    {"track": "borders", "what": "status", "from": "open", "to": "collapsed"},
]}


def test_a_tension_that_collapsed_its_track_says_it_reached_the_breakdown_point() -> None:
    from tabletop.engine.wording import changes_texts

    changes = changes_of(COLLAPSING)
    names = {**NAMES, "ukraine-status": "Ukraine's status"}
    full = changes_texts(changes, names, LADDERS, breakdowns={"borders": 7, "ukraine-status": 8})
    assert full == [
        "Borders: position 1 \u2192 2 (Line-of-contact talks)",
        "Borders: tension 6 \u2192 7 (breakdown at 7)",
        "Ukraine's status: position 0 \u2192 1",
        "Borders: status open \u2192 collapsed",
    ]
    compact = changes_texts(changes, names, breakdowns={"borders": 7}, compact=True)
    assert compact[1] == "Borders tension 6\u21927 (breakdown at 7)"


def test_a_collapse_for_another_reason_and_a_tension_with_no_collapse_are_not_marked() -> None:
    from tabletop.engine.wording import changes_texts

    # a collapse by an effect (or a linked package's collapse): the tension stayed below its point
    below = changes_of({"changes": [{"track": "borders", "what": "tension", "from": 3, "to": 4},
                                    {"track": "borders", "what": "status", "from": "open", "to": "collapsed"}]})
    # the facilitator's override set the tension to the point and left the track open
    kept = changes_of({"changes": [{"track": "borders", "what": "tension", "from": 6, "to": 7}]})
    # another track's collapse in the same event
    elsewhere = changes_of({"changes": [{"track": "borders", "what": "tension", "from": 6, "to": 7},
                                        {"track": "trust", "what": "status", "from": "open", "to": "collapsed"}]})
    for changes in (below, kept, elsewhere):
        assert not any("breakdown" in w for w in changes_texts(changes, NAMES, breakdowns={"borders": 7, "trust": 7}))


def test_the_board_and_the_report_say_where_the_breakdown_point_is() -> None:
    """The board's log and the report word a collapse by tension with the track's own point, from its scenario."""
    from tabletop.report.decisions import changes_text
    from tabletop.tui.text import changes_words

    scenario = tabletop.load_scenario("parallel-tracks-linked")
    state = tabletop.new_game(scenario, seed=1)
    result = {"changes": [{"track": "strategic-stability", "what": "tension", "from": 6, "to": 7},
                          {"track": "strategic-stability", "what": "status", "from": "open", "to": "collapsed"}]}
    assert "tension 6\u21927 (breakdown at 7)" in changes_words(state, result)

    class Game:  # what changes_text reads of a replayed game
        names = scenario_names(scenario)
        ladders = {t.id: t.ladder for t in scenario.ruleset.tracks}

    Game.scenario = scenario  # type: ignore[attr-defined]
    assert changes_text(Game, result)[0].endswith("tension 6 \u2192 7 (breakdown at 7)")  # type: ignore[arg-type]
