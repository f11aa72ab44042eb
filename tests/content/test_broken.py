"""Broken content: every bad file names the line and key a designer must fix.

Each file in ``broken/`` is a small ruleset or deck with one thing wrong.
``deck-*`` files are loaded as a user loads a scenario, with the small valid
ruleset in ``fixtures/``, so references into the ruleset and the independence
rules are checked; every other file is loaded on its own. Each case is also
run through ``tabletop validate``, whose output a designer reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.content import ContentError
from tabletop.content.loader import load_file, load_scenario

HERE = Path(__file__).parent
BROKEN = HERE / "broken"
MINI_RULESET = HERE / "fixtures" / "rulesets" / "mini.toml"

# (file, line, key path, fragment of the message)
CASES: list[tuple[str, int, str, str]] = [
    # misspelt keys and names: say what was meant
    ("ruleset-phases-without-adjudication.toml", 6, "ruleset.phases",
     "moves propose are ruled on in an 'adjudication' phase, which the phases leave out"),
    ("ruleset-misspelt-key.toml", 6, "ruleset.independance",
     "unknown key 'independance' (did you mean 'independence'?)"),
    ("ruleset-misspelt-inline-key.toml", 22, "tracks[0].ratify.treshold",
     "unknown key 'treshold' (did you mean 'threshold'?)"),
    ("deck-misspelt-table.toml", 6, "card", "unknown key 'card' (did you mean 'cards'?)"),
    ("deck-misspelt-key.toml", 10, "cards[0].copise",
     "unknown key 'copise' (did you mean 'copies'?)"),
    ("ruleset-misspelt-effect.toml", 29, "moves[1].effects[1]",
     ("unknown effect 'progres' (did you mean 'progress'?) (expected one of progress, tension, status, "
      "meter, resource, log)")),
    ("deck-misspelt-effect.toml", 17, "cards[1].choices[1].effects[0]",
     "unknown effect 'progres' (did you mean 'progress'?)"),
    ("ruleset-misspelt-condition.toml", 22, "moves[0].requires[1]",
     "unknown condition 'tensoin' (did you mean 'tension'?)"),
    ("deck-empty-effect.toml", 9, "cards[0].effects[1]",
     "an empty table is not an effect (expected one of progress, tension"),
    ("deck-misspelt-condition.toml", 10, "cards[0].requires[0]",
     "unknown condition 'stauts' (did you mean 'status'?)"),
    ("ruleset-misspelt-resolution.toml", 22, "moves[0].resolution",
     "got 'consensys' (did you mean 'consensus'?)"),
    ("ruleset-reveal-objectives.toml", 6, "ruleset.reveal_objectives",
     "got 'afterwards'; expected one of 'end' or 'never'"),
    ("ruleset-misspelt-status.toml", 22, "moves[0].requires[0].status",
     "got 'agred' (did you mean 'agreed'?)"),
    # a colour by its name: the pattern is a colour's, not an id's (found from outside: "not a valid id")
    ("ruleset-colour-by-name.toml", 12, "actors[0].color", "'red' is not a colour: write it as #rrggbb"),
    # ids that do not exist
    ("ruleset-unknown-member.toml", 20, "tracks[0].members[1]",
     "unknown actor 'wset' (did you mean 'west'?)"),
    ("ruleset-unknown-objective-track.toml", 10, "actors[0].objectives[0].track",
     "unknown track 'alfa' (did you mean 'alpha'?)"),
    # an objective's status: one status or a list of them ("agreed or deferred")
    ("ruleset-objective-status-misspelt.toml", 11, "actors[0].objectives[0].status[1]",
     "got 'defered' (did you mean 'deferred'?)"),
    ("ruleset-objective-status-empty.toml", 11, "actors[0].objectives[0].status",
     'an empty status list accepts no status: write one, or a list such as ["agreed", "deferred"]'),
    ("ruleset-objective-status-twice.toml", 11, "actors[0].objectives[0].status", "status names 'agreed' twice"),
    ("ruleset-unknown-meter.toml", 33, "moves[1].effects[1].meter",
     "unknown meter 'turst' (did you mean 'trust'?)"),
    ("ruleset-unknown-resource.toml", 23, "moves[0].cost.captial",
     "unknown resource 'captial' (did you mean 'capital'?)"),
    ("deck-unknown-choice-actor.toml", 12, "cards[0].choices[0].actor",
     "unknown actor 'eats' (did you mean 'east'?)"),
    # found from outside: one choice's typo read as "answered by one actor; found east, eats" at choices = [
    ("deck-one-choice-actor-misspelt.toml", 13, "cards[0].choices[1].actor",
     "unknown actor 'eats' (did you mean 'east'?)"),
    ("deck-unknown-track.toml", 9, "cards[0].track",
     "unknown track 'alfa' (did you mean 'alpha'?) (known: alpha, beta)"),
    ("deck-unknown-meter.toml", 9, "cards[0].requires[0].meter",
     "unknown meter 'turst' (did you mean 'trust'?)"),
    ("deck-unknown-resource.toml", 11, "cards[0].choices[0].effects[0].resource",
     "unknown resource 'captal' (did you mean 'capital'?)"),
    # independence under strict (DESIGN section 4)
    ("deck-track-card-writes-meter.toml", 10, "cards[0].effects[1].meter",
     "independence rule 1 (strict): card 'incident' on track 'alpha' may not write the global meter 'trust'"),
    ("ruleset-track-move-writes-meter.toml", 28, "moves[0].effects[1].meter",
     "independence rule 1 (strict): track move 'propose' may not write the global meter 'trust'"),
    ("deck-track-card-writes-other-track.toml", 12, "cards[0].effects[1].track",
     "independence rule 1 (strict): card 'incident' on track 'alpha' may not write track 'beta'"),
    ("ruleset-track-move-writes-other-track.toml", 31, "moves[0].fail_effects[0].track",
     "independence rule 1 (strict): track move 'propose' may not write track 'beta'"),
    ("deck-track-card-reads-other-track.toml", 10, "cards[0].requires[1].track",
     ("independence rule 3 (strict): linkage — card 'breakthrough' on track 'alpha' makes its outcome "
      "conditional on track 'beta'")),
    ("ruleset-track-move-modifier-names-track.toml", 34, "moves[0].modifiers[1].track",
     "independence rule 3 (strict): linkage — track move 'press' makes its outcome conditional on track 'beta'"),
    ("deck-global-card-reads-track.toml", 9, "cards[0].requires[0].track",
     "independence rule 5 (strict): global card 'summit' may not read track 'alpha'"),
    ("deck-global-card-changes-track.toml", 9, "cards[0].effects[1].tension",
     "'tension' changes a track, but global card 'summit' has no track"),
    ("deck-global-card-changes-named-track.toml", 9, "cards[0].effects[0].track",
     "global card 'summit' may not change track 'alpha'"),
    # goodwill spills over, failure does not: on_agreed only raises a meter (either mode)
    ("ruleset-on-agreed-lowers-meter.toml", 24, "tracks[0].on_agreed[0].add",
     "only goodwill spills over: on_agreed may only raise a meter, not add -1 to 'trust' — nothing on one "
     "track may lower a shared meter"),
    ("ruleset-on-agreed-writes-track.toml", 24, "tracks[0].on_agreed[0].tension",
     "on_agreed may only raise a shared meter ({ meter = \"trust\", add = 1 }), not 'tension': an agreement "
     "on track 'alpha' may not change a track — not everything must be agreed for anything to be agreed"),
    ("ruleset-on-agreed-unknown-meter.toml", 24, "tracks[0].on_agreed[0].meter",
     "unknown meter 'turst' (did you mean 'trust'?)"),
    ("deck-choice-actor-not-member.toml", 11, "cards[0].choices[0].actor",
     "'south' answers a card on track 'alpha' but is not one of its members (east, west) — rule 2"),
    # the master events list: a schedule says a round the game plays, or conditions, or both
    ("deck-schedule-past-last-round.toml", 9, "cards[0].schedule.round",
     "round 6 is past the last round of ruleset 'mini' (turns = 4): the card would never come up"),
    # conditions that can never hold (found from outside: each validated "ok", and the card never came up)
    ("deck-schedule-when-round-past-last.toml", 9, "cards[0].schedule.when[0].round.at_least",
     "round 50 is past the last round of ruleset 'mini' (turns = 4): this condition never holds"),
    ("deck-requires-meter-past-max.toml", 9, "cards[0].requires[0].at_least",
     "meter 'trust' goes from 0 to 10: at_least = 500 never holds"),
    # found from outside: the same mistake on a track's tension or position, and a dice modifier that never adds
    ("deck-requires-tension-past-breakdown.toml", 10, "cards[0].requires[0].tension.at_least",
     "track 'alpha' breaks down at tension 4, where its tension stops: tension.at_least = 50 never holds"),
    ("deck-requires-progress-past-ladder.toml", 10, "cards[0].requires[0].progress.at_least",
     "track 'beta' has positions 0 to 2 on its ladder: progress.at_least = 7 never holds"),
    ("ruleset-modifier-tension-never.toml", 67, "moves[1].modifiers[1].tension.at_least",
     "no track's tension goes past 4 (it stops at the track's breakdown_at): tension.at_least = 40 never holds"),
    ("deck-schedule-empty.toml", 9, "cards[0].schedule",
     "a schedule needs round (the round the card is due) or when (conditions), or both"),
    ("deck-schedule-misspelt-key.toml", 9, "cards[0].schedule.rounds",
     "unknown key 'rounds' (did you mean 'round'?); expected one of round, when"),
    ("deck-schedule-round-zero.toml", 9, "cards[0].schedule.round", "must be at least 1, got 0"),
    ("deck-schedule-when-reads-other-track.toml", 10, "cards[0].schedule.when[0].track",
     ("independence rule 3 (strict): linkage — card 'breakthrough' on track 'alpha' makes its outcome "
      "conditional on track 'beta'")),
    ("deck-schedule-when-resource.toml", 9, "cards[0].schedule.when[0].resource",
     "a resource condition needs an actor, and only a card with choices has one"),
    # wrong types
    ("ruleset-wrong-type.toml", 5, "ruleset.turns", "expected a whole number, got a string 'eight'"),
    ("deck-wrong-type.toml", 10, "cards[0].copies", "expected a whole number, got a string 'two'"),
    # found from outside: the value was Python's repr, whole ("got date datetime.date(1979, 5, 27)", a table
    # of tens of kB); it is TOML's wording, cut short
    ("ruleset-wrong-type-date.toml", 5, "ruleset.turns", "expected a whole number, got a date 1979-05-27"),
    ("ruleset-array-of-tables.toml", 2, "ruleset",
     "expected a table, got an array [{id = 'broken', name = 'Broken example', turns = 8, descri…"),
    ("deck-effects-table.toml", 11, "cards[0].effects", "expected an array, got a table {meter = 'trust', add = -1}"),
    # TOML syntax: the line tomllib points at, or the last line when the file ends too soon
    ("ruleset-syntax-error.toml", 16, "", "TOML syntax error: Expected '=' after a key"),
    ("deck-syntax-error.toml", 11, "", "TOML syntax error: Expected ']]' at the end of an array declaration"),
    ("ruleset-syntax-unclosed.toml", 22, "", "TOML syntax error: Unclosed array at the end of the file: the list "
     "opened with [ on this line has no ] (the file reads on to line 23 without one)"),
    # duplicate ids
    ("ruleset-duplicate-id.toml", 20, "tracks[1].id", "duplicate id 'alpha'"),
    ("deck-duplicate-id.toml", 13, "cards[1].id", "duplicate id 'incident'"),
    # found from outside: two actors named "Republic of Aldoria" validated, and the board said "Republic of Aldoria
    # to move" of the other one; a name (or a short, a title) is what people tell things apart by, case and spacing
    # aside
    ("ruleset-same-actor-name.toml", 14, "actors[1].name",
     "actor 'aldoria' has the name 'Republic of Aldoria' too (case and spacing aside): the board would call two "
     "teams by one name; give each its own"),
    ("ruleset-same-actor-short.toml", 15, "actors[1].short",
     "actor 'aldoria' has the short name 'ALD' too (case and spacing aside): a track's panel would list two teams "
     "by one code; give each its own"),
    ("ruleset-same-track-name.toml", 21, "tracks[1].name",
     "track 'alpha' has the name 'Borders' too (case and spacing aside): the board would show two tracks by one name"),
    ("ruleset-same-meter-name.toml", 18, "meters[1].name",
     "meter 'trust' has the name 'Trust' too (case and spacing aside): the board would show two meters by one name"),
    ("ruleset-same-resource-name.toml", 13, "resources[1].name",
     "resource 'capital' has the name 'Capital' too (case and spacing aside): a team would hold two resources by one "
     "name"),
    ("ruleset-same-move-name.toml", 26, "moves[1].name",
     "move 'propose' has the name 'Table a proposal' too (case and spacing aside): a team would be offered two moves "
     "by one name"),
    ("deck-same-card-title.toml", 14, "cards[1].title",
     "card 'incident' of the same track has the title 'Incident at the line' too (case and spacing aside): the log "
     "would tell two cards by one title; give each its own, or make it one card with copies"),
    # numbers out of range: the line of the number to change
    ("ruleset-agreement-past-ladder.toml", 16, "tracks[0].agreement_at",
     "agreement_at (3) is past the top of the ladder (positions 0..2)"),
    ("ruleset-tension-at-breakdown.toml", 17, "tracks[0].start_tension",
     "start_tension (3) must be below breakdown_at (3)"),
    ("ruleset-meter-start-outside.toml", 16, "meters[0].start",
     "start (12) must lie between min (0) and max (10)"),
    ("ruleset-ratify-threshold.toml", 22, "tracks[0].ratify.threshold",
     "ratify.threshold (3) is more than the 2 members of the track"),
    # every number has a range (tabletop.content.numbers): a billion-cell meter never reaches the board
    ("ruleset-meter-huge.toml", 15, "meters[0].max", "must be at most 1000, got 1000000000"),
    ("ruleset-meter-min-huge.toml", 14, "meters[0].min", "must be at least -1000, got -99999999999999999"),
    ("ruleset-turns-huge.toml", 5, "ruleset.turns", "must be at most 100, got 1000000"),
    ("ruleset-resource-huge.toml", 10, "actors[0].resources.capital", "must be at most 100, got 5000"),
    ("ruleset-cost-negative.toml", 29, "moves[0].cost.capital", "must be at least 0, got -3"),
    ("ruleset-effect-huge.toml", 29, "moves[0].effects[1].tension", "must be at most 100, got 9999999999"),
    ("ruleset-modifier-huge.toml", 32, "moves[0].modifiers[0].add", "must be at most 20, got 500"),
    ("ruleset-target-huge.toml", 30, "moves[0].target", "must be at most 20, got 99"),
    ("ruleset-condition-huge.toml", 29, "moves[0].requires[0].at_least", "must be at most 1000, got 123456789"),
    ("ruleset-ladder-too-long.toml", 22, "tracks[0].ladder", "at most 20 entries allowed"),
    ("deck-copies-too-many.toml", 9, "cards[0].copies", "must be at most 20, got 50"),
    ("deck-effect-huge.toml", 9, "cards[0].effects[0].add", "must be at most 100, got 1000000"),
    # shapes a card or move may not have
    ("deck-one-choice.toml", 10, "cards[0].choices", "a card with choices needs at least two of them"),
    ("deck-choices-two-actors.toml", 10, "cards[0].choices",
     "all choices of a card are answered by one actor; found east, west"),
    ("deck-resource-without-choice.toml", 10, "cards[0].effects[0].resource",
     "a resource effect needs an actor: put it in a choice"),
    ("ruleset-dice-without-target.toml", 19, "moves[0]", "a dice move needs a target"),
    # found from outside: a target above 2d6 and every modifier validated, and the move failed at every roll
    ("ruleset-dice-target-unreachable.toml", 64, "moves[1].target",
     "target 14 can never be reached: 2d6 gives at most 12, and the move's modifiers add at most 1"),
    # found from outside: nobody to vote, and the game stopped on an internal error at the vote, and at every resume
    ("ruleset-consensus-one-member.toml", 55, "moves[0].resolution",
     "a consensus move is voted on by the other members of its track, and track 'alpha' has one member"),
    ("ruleset-consensus-global.toml", 76, "moves[2].resolution", "and a global move has no track"),
    # the package deal (linked): what a collapse does, and a trade's effects on the linked track
    ("ruleset-linked-collapse.toml", 7, "ruleset.linked_collapse",
     "got 'everything'; expected one of 'all' or 'reopen'"),
    ("ruleset-link-effects-without-link.toml", 25, "moves[0].link_effects",
     "link_effects belong to link moves only (link = true)"),
    ("ruleset-link-effects-names-track.toml", 34, "moves[0].link_effects[0].track",
     "link_effects land on the track the player links to when making the move; remove track = ..."),
    ("ruleset-link-effects-misspelt.toml", 34, "moves[0].link_effects[0]",
     "unknown effect 'progres' (did you mean 'progress'?)"),
    ("ruleset-link-effects-write-meter.toml", 31, "moves[0].link_effects[0].meter",
     "independence rule 1 (strict): track move 'trade' may not write the global meter 'trust'"),
    # phase timers: durations with units, within 3 hours, for phases that exist
    ("ruleset-timer-bad-duration.toml", 9, "ruleset.timers.moves",
     "'5x' is not a duration: write it as \"90s\", \"5m\", \"1m30s\" or \"off\""),
    ("ruleset-timer-negative.toml", 6, "ruleset.timers.review", "'-2m': a phase cannot last a negative time"),
    ("ruleset-timer-too-long.toml", 8, "ruleset.timers.moves",
     "'300m' is longer than 3 hours, the longest a phase may last"),
    ("ruleset-timer-unknown-phase.toml", 9, "ruleset.timers.adjudicaton",
     "unknown key 'adjudicaton' (did you mean 'adjudication'?)"),
    ("ruleset-timer-on-time-up.toml", 9, "ruleset.timers.on_time_up",
     "got 'passes' (did you mean 'pass'?); expected one of 'nothing' or 'pass'"),
    # discussion prompts for the debrief
    ("deck-prompt-unknown-track.toml", 15, "prompts[1].track", "unknown track 'omega' (known: alpha, beta)"),
    ("deck-prompt-bad-status.toml", 13, "prompts[0].status",
     "got 'won'; expected one of 'open', 'agreed', 'collapsed' or 'deferred'"),
    ("deck-prompt-empty-text.toml", 12, "prompts[0].text", "needs at least 1 character"),
    # found from outside: a misspelt veto holder read as a member problem, with no word of the typo
    ("ruleset-veto-misspelt.toml", 49, "tracks[1].ratify.veto[0]",
     "unknown actor 'sout' (did you mean 'south'?) (known: east, south, west)"),
    # found from outside: a name or title of spaces was taken ("" was not), and read as nothing on screen
    ("ruleset-name-only-spaces.toml", 11, "actors[0].name", "has only spaces: write the text to show"),
    ("deck-title-only-spaces.toml", 8, "cards[0].title", "has only spaces: write the text to show"),
    # found from outside: a rung written with \r took three rows of every track card; a name, a title, a rung and a
    # choice's label are one line
    ("ruleset-name-line-break.toml", 11, "actors[0].name", "is one line: it has a line break or a tab"),
    ("ruleset-rung-line-break.toml", 37, "tracks[0].ladder[1]", "is one line: it has a line break or a tab"),
    ("deck-choice-label-tab.toml", 14, "cards[0].choices[0].label", "is one line: it has a line break or a tab"),
    ("deck-prompt-participants-string.toml", 13, "prompts[0].participants", "expected true or false"),
    # whole files
    # validate names a [sweep] too (test_what_a_file_is), play a ruleset's or a deck's table
    ("file-empty.toml", 1, "", "file is empty: expected a [ruleset]"),
    ("file-not-utf8.toml", 4, "", "not UTF-8 text (byte 0xe9"),
    # found from outside: a ruleset saved as Notepad's "Unicode" was "not UTF-8 text (byte 0xff at offset 0)"
    ("file-utf16.toml", 1, "", "UTF-16 text, not UTF-8 (the file starts with a UTF-16 byte order mark); save the file as UTF-8"),
    ("file-neither.toml", 1, "",
     "not a ruleset or a deck: expected a [ruleset] or [deck] table (found scenario)"),
    ("file-both.toml", 1, "", "a ruleset or a deck, not both"),
    # found from outside (helper-359): "broken.toml: too deeply nested", with no line to look at
    ("ruleset-nested-too-deep.toml", 26, "", "too deeply nested (tables and arrays more than 32 levels deep)"),
]


def _where(path: Path, line: int, key: str) -> str:
    return f"{path}:{line}: {key}: " if key else f"{path}:{line}: "


def test_every_broken_file_has_a_case() -> None:
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(name for name, *_ in CASES)


@pytest.mark.parametrize(("name", "line", "key", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_broken_file(name: str, line: int, key: str, fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = BROKEN / name
    is_deck = name.startswith("deck-")

    with pytest.raises(ContentError) as info:
        if is_deck:
            load_scenario(MINI_RULESET, path)
        else:
            load_file(path)
    problems = info.value.problems
    found = [p for p in problems if (p.file, p.line, p.path) == (str(path), line, key) and fragment in p.message]
    assert found, "\n".join(map(str, problems))
    # the broken file is to blame, and nothing is said twice
    assert {p.file for p in problems} == {str(path)}
    assert len(set(problems)) == len(problems)

    argv = ["validate", str(MINI_RULESET), str(path)] if is_deck else ["validate", str(path)]
    assert main(argv) == 1
    captured = capsys.readouterr()
    printed = captured.out.splitlines()
    assert any(out.startswith(_where(path, line, key)) and fragment in out for out in printed), captured.out
    assert "Traceback" not in captured.out + captured.err


# --------------------------------------------------------------------------
# Files that cannot be read at all: a clear sentence, never a traceback


def _fails_with(call: Callable[[], object], fragment: str) -> ContentError:
    with pytest.raises(ContentError) as info:
        call()
    assert any(fragment in p.message for p in info.value.problems), str(info.value)
    return info.value


def test_file_over_5_mb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "huge.toml"
    line = "# " + "x" * 98 + "\n"
    big.write_text('[deck]\nid = "huge"\nname = "Huge"\n' + line * (5 * 1024 * 1024 // len(line) + 1))
    assert big.stat().st_size > 5 * 1024 * 1024
    error = _fails_with(lambda: load_file(big), "file is too large")
    # found from outside: "file is too large (5 MB; at most 5 MB)" for a file just over the limit
    assert f"({big.stat().st_size} bytes; at most {5 * 1024 * 1024} bytes)" in str(error), str(error)
    _fails_with(lambda: load_scenario(big), "file is too large")

    assert main(["validate", str(big)]) == 1
    out = capsys.readouterr()
    assert f"{big}: file is too large" in out.out
    assert "Traceback" not in out.out + out.err


def test_directory_given_as_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "rules.toml"
    folder.mkdir()
    _fails_with(lambda: load_file(folder), "is a directory, not a file")
    _fails_with(lambda: load_scenario(folder), "is a directory, not a file")
    _fails_with(lambda: load_scenario(MINI_RULESET, folder), "is a directory, not a file")

    # validate accepts folders, but says so when one holds nothing to check
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr()
    assert f"{folder}: directory holds no .toml files" in out.out
    assert "Traceback" not in out.out + out.err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.toml"
    error = _fails_with(lambda: load_file(missing), "no such file")
    assert error.problems[0].file == str(missing)
    _fails_with(lambda: load_scenario(missing), "no such file")
    _fails_with(lambda: load_scenario(MINI_RULESET, missing), "no such file")
    # an id that is neither a file nor a bundled scenario
    _fails_with(lambda: load_scenario("no-such-scenario"), "no ruleset file or bundled ruleset id 'no-such-scenario'")

    assert main(["validate", str(missing)]) == 1
    out = capsys.readouterr()
    assert f"{missing}: no such file" in out.out
    assert "Traceback" not in out.out + out.err


def test_ruleset_naming_a_deck_nobody_has(tmp_path: Path) -> None:
    """The ruleset's own ``deck =`` line is what to fix, not a file named after the id."""
    ruleset = tmp_path / "rules.toml"
    ruleset.write_text(MINI_RULESET.read_text().replace('deck = "mini-events"', 'deck = "mini-evnts"'))
    with pytest.raises(ContentError) as info:
        load_scenario(ruleset)
    (problem,) = info.value.problems
    assert (problem.file, problem.line, problem.path) == (str(ruleset), 7, "ruleset.deck")
    assert "no deck file or bundled deck id 'mini-evnts'" in problem.message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    """A designer fixes a file in one pass: problems are collected, not just the first."""
    deck = tmp_path / "two.toml"
    deck.write_text(
        '[deck]\nid = "two"\nname = "Two"\n\n'
        '[[cards]]\nid = "a"\ntitle = "A"\neffects = [ { progres = 1 } ]\n\n'
        '[[cards]]\nid = "b"\ntitle = "B"\ncopies = "many"\n'
    )
    with pytest.raises(ContentError) as info:
        load_file(deck)
    where = [(p.line, p.path) for p in info.value.problems]
    assert where == [(8, "cards[0].effects[0]"), (13, "cards[1].copies")]


@pytest.mark.parametrize(("toml", "line"), [
    ('[sweep]\ngames = 10\n\n[[axes]]\nkey = "a"\nvalues = [4, 5, 6\n\n[[axes]]\nkey = "b"\n', 6),
    # brackets inside texts (an escaped quotation mark among them) and comments are words, not lists
    ('[deck]\nid = "d"\nname = "A [draft] \\"list\\" ]"  # [note\ntags = ["x]", "[y",\n  "z"\n\n[[cards]]\n', 4),
    ('[deck]\nid = """a [\nb"""\ntags = [\n"x",\n[[cards]]\n', 4),
])
def test_an_unclosed_list_is_reported_where_it_opens(tmp_path: Path, toml: str, line: int) -> None:
    """Found from outside: ``values = [4, 5, 6`` with no ``]`` in a sweep file was reported two lines down, at the
    next ``[[axes]]``, where nothing is wrong; the list's first line is where the designer has to look."""
    path = tmp_path / "mine.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_file(path)
    problem = err.value.problems[0]
    assert (problem.line, "the list opened with [ on this line has no ]" in problem.message) == (line, True), \
        str(err.value)


@pytest.mark.parametrize(("toml", "said"), [
    ('[ruleset]\nid = "x"\nturns = 8\nturns = 9\n', "TOML syntax error: Cannot overwrite a value: 'turns' is given twice"),
    ('[ruleset]\nid = "x\nname = "y"\n', "TOML syntax error: Illegal character '\\n': a text not closed on its line"),
    ('[ruleset]\nid = x\n', "TOML syntax error: Invalid value: a value TOML does not read"),
    # found from outside (helper-107): a choice split over two lines read only the parser's words
    ('[deck]\nid = "d"\nchoices = [\n  { actor = "hill",\n    label = "Deny" },\n]\n',
     ":4: TOML syntax error: Invalid initial character for a key part: an inline table { \u2026 } is written on one line"),
    # found in review (helper-118): the key in that hint uncut, a line of 20 KB
    pytest.param('[ruleset]\nid = "x"\nn\u0430me' + "y" * 20_000 + ' = "Norland"\n',
                 "y" * 55 + "\u2026' has a letter that is not Latin", id="a-long-key-with-a-foreign-letter"),
    # found from outside (helper-114): a Cyrillic а in a key, typed while writing the Russian overlay
    ('[ruleset]\nid = "x"\nn\u0430me = "Norland"\n',
     ":3: TOML syntax error: Expected '=' after a key in a key/value pair: the key 'n\u0430me' has a letter that is "
     "not Latin ('\u0430', cyrillic small letter a)"),
    ('[deck]\nid = "d"\nx = [\n  { actor = "hill" # {\n  , label = "x" },\n]\n',
     "TOML syntax error: Unclosed inline table: an inline table { \u2026 } is written on one line"),
    # found from outside (helper-225): a lookalike in a table's header, whose line ends in ] to the eye, read only
    # "Expected ']' at the end of a table declaration"
    ('[overlay]\nlang = "ru"\n\n[tracks.bord\u0435rs]  # the border\nname = "Границы"\n',
     ":4: TOML syntax error: Expected ']' at the end of a table declaration: the key 'tracks.bord\u0435rs' has a letter "
     "that is not Latin ('\u0435', cyrillic small letter ie)"),
    ('[deck]\nid = "d"\n\n[[c\u0430rds]]\nid = "x"\n',
     ":4: TOML syntax error: Expected ']]' at the end of an array declaration: the key 'c\u0430rds' has a letter that is "
     "not Latin ('\u0430', cyrillic small letter a)"),
    # found from outside (helper-225): "Cannot declare ('actors', 'ru') twice", in Python's notation
    ('[overlay]\nlang = "ru"\n\n[actors.ru]\nname = "Россия"\n\n[actors.ru]\nshort = "РФ"\n',
     ":7: TOML syntax error: [actors.ru] is declared twice: keep one"),
    # found from outside (helper-225): a word processor's quotes were told "a text needs quotes"
    ('[overlay]\nlang = "ru"\n\n[actors.us]\nname = \u201c\u0421\u0428\u0410\u201d\n',
     ":5: TOML syntax error: Invalid value: \u201c \u201d and \u00ab \u00bb are not TOML's quotes: write the text "
     "in \"\u2026\""),
    ('[overlay]\nlang = "ru"\n\n[actors.us]\nname = \u00ab\u0421\u0428\u0410\u00bb\n',
     ":5: TOML syntax error: Invalid value: \u201c \u201d and \u00ab \u00bb are not TOML's quotes"),
])
def test_a_toml_mistake_says_what_it_is_in_words(tmp_path: Path, toml: str, said: str) -> None:
    """Found from outside: a designer read "TOML syntax error: Cannot overwrite a value" for a key given twice and
    "Illegal character '\\n'" for a missing quote: the parser's words, true but not what to fix."""
    path = tmp_path / "mine.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_file(path)
    assert said in str(err.value), str(err.value)


#: what validate says after "TOML syntax error: Expected newline or end of document after a statement"
_QUOTE = ("a quotation mark inside a text ends it: write it as \\\" or put the text in single quotes ('He said "
          "\"no\"'); or something is written after the value on its line")


@pytest.mark.parametrize(("data", "line", "hint"), [
    pytest.param(b'[ruleset]\nid = "x"\ndescription = "Holds the "northern" shore."\n', 3, _QUOTE, id="quote-inside"),
    pytest.param(b'[ruleset]\nid = "x"\nname = "Nordvik" Port\n', 3, _QUOTE, id="word-after-the-text"),
    pytest.param(b"[ruleset]\r\nid = 'x'\r\nname = 'Nordvik's port'\r\n", 3,
                 "an apostrophe inside a text in single quotes ends it: put the text in double quotes (\"Nordvik's "
                 "port\"); or something is written after the value on its line", id="apostrophe-crlf"),
    pytest.param(b"[ruleset]\nid = 'x'\nturns = 8 9\n", 3, "something is written after the value on its line: "
                 "one key = value a line, and only a # comment after it", id="two-values"),
    pytest.param(b'[ruleset]\rid = "x"\rname = "Nordvik"\r', 1, "the file's lines end in a bare CR (a carriage return "
                 "alone, as old Mac files have): save it with LF (or CRLF) line ends", id="old-mac-line-ends"),
    pytest.param(b'\xef\xbb\xbf[ruleset]\nid = "x"\n# a note\rname = "Nordvik"\n', 3,
                 "the file's lines end in a bare CR",
                 id="one-bare-cr-in-a-comment"),
])
def test_validate_says_what_a_quote_or_a_line_end_did(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      data: bytes, line: int, hint: str) -> None:
    """Found from outside (helper-140): a quotation mark inside a text, a word after one, and a file with bare CR
    line ends all read only "TOML syntax error: Expected newline or end of document after a statement"."""
    path = tmp_path / "keld.toml"
    path.write_bytes(data)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith(f"{path}:{line}: TOML syntax error: "), out
    assert hint in first, out


@pytest.mark.parametrize(("lang", "name", "said"), [
    ("ru", "ruleset-syntax-error.toml", "синтаксическ"),
    ("uk", "deck-syntax-error.toml", "синтаксичн"),
    ("ru", "ruleset-syntax-unclosed.toml", "синтаксическ"),
])
def test_the_toml_parser_s_words_are_in_the_designer_s_language(lang: str, name: str, said: str) -> None:
    """Found from outside (helper-83): under --lang ru/uk a TOML syntax error read "Expected '=' after a key in a
    key/value pair", the parser's English, in a line otherwise translated."""
    from tabletop.lang import using

    with using(lang), pytest.raises(ContentError) as caught:
        load_file(BROKEN / name)
    message = caught.value.problems[0].message
    assert said in message.lower(), message
    assert not any(english in message for english in ("Expected", "Unclosed", "array", "after a key")), message


@pytest.mark.parametrize(("lang", "name", "said"), [
    ("ru", "ruleset-linked-collapse.toml", "ожидается одно из: 'all' или 'reopen'"),
    ("uk", "deck-prompt-bad-status.toml", "'open', 'agreed', 'collapsed' або 'deferred'"),
])
def test_the_values_a_key_takes_are_listed_in_the_designer_s_language(lang: str, name: str, said: str) -> None:
    """Found from outside (helper-368): `tabletop --lang ru validate` of `independence = "strikt"` said «ожидается
    одно из: 'strict' or 'linked'», pydantic's English «or» in a line otherwise Russian."""
    from tabletop.lang import using

    with using(lang), pytest.raises(ContentError) as caught:
        load_file(BROKEN / name)
    message = caught.value.problems[0].message
    assert said in message, message
    assert " or " not in message, message


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "and tracks 'alpha', 'beta' have one member each: nobody would vote there; give each another member"),
    ("ru", "а у треков 'alpha', 'beta' по одному участнику"),
    ("uk", "а треки 'alpha', 'beta' мають по одному учаснику"),
])
def test_a_consensus_move_names_every_track_of_one_member_in_the_plural(tmp_path: Path, lang: str,
                                                                         said: str) -> None:
    """Found from outside (helper-368): two tracks of one member were "track 'alpha', 'beta' has one member", and in
    Russian «у трека 'alpha', 'beta' один участник»: one track's words for a list of them."""
    from tabletop.lang import using

    text = (BROKEN / "ruleset-consensus-one-member.toml").read_text(encoding="utf-8")
    two = tmp_path / "two-alone.toml"
    two.write_text(text.replace('members = ["west", "south", "east"]', 'members = ["west"]').replace(
        'ratify = { threshold = 2, veto = ["south"] }\n', ""), encoding="utf-8")
    with using(lang), pytest.raises(ContentError) as caught:
        load_file(two)
    messages = [p.message for p in caught.value.problems]
    assert any(said in m for m in messages), messages


@pytest.mark.parametrize(("old", "new", "said"), [
    ('members = ["east", "west"]', 'members = ["east", "w\u0435st"]',  # a Cyrillic е
     "unknown actor 'w\u0435st' (did you mean 'west'?) (character 2, '\u0435' U+0435, is not a Latin letter) "
     "(known: east, south, west)"),
    ('id = "alpha"', 'id = "\u0430lpha"',  # a Cyrillic а
     "'\u0430lpha' is not a valid id: use lowercase letters, digits, '-' and '_' (character 1, '\u0430' U+0430, is "
     "not a Latin letter)"),
])
def test_an_id_typed_with_a_letter_of_another_alphabet_is_told_which(tmp_path: Path, old: str, new: str,
                                                                     said: str) -> None:
    """Found from outside: 'rу' with a Cyrillic у was "unknown actor 'rу'" with no hint, 'сyber' was told "did you
    mean 'cyber'?" and "not a valid id: use lowercase letters", each reading as the Latin word: a designer who
    switches keyboard layouts could not see what was wrong. The letter is named, and the id it looks like."""
    text = MINI_RULESET.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "mini.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_file(path)
    assert [p.message for p in info.value.problems] == [said]


@pytest.mark.parametrize("name", [c[0] for c in CASES if "-same-" in c[0] and c[0].startswith("ruleset-")])
def test_a_name_given_twice_is_refused_when_written_not_when_read_back_from_a_save(name: str) -> None:
    """Two actors (tracks, moves …) of one name are refused in a file being written; a save's scenario is read back
    without it (what was played is not refused: a check added since must not lose the debrief)."""
    from tabletop.content.parsing import parse_ruleset
    from tabletop.content.source import read_toml

    with pytest.raises(ContentError):
        parse_ruleset(read_toml(BROKEN / name))
    assert parse_ruleset(read_toml(BROKEN / name), authoring=False).ruleset.id == "broken"


def test_two_cards_of_different_tracks_may_share_a_title(tmp_path: Path) -> None:
    """Found in review (helper-201): "Ceasefire violation" on Borders and on Humanitarian, two cards with their own
    effects, was refused as one title twice; the card panel names each one's track. Within one track it is refused."""
    from tabletop.content.parsing import parse_deck
    from tabletop.content.source import read_toml

    with pytest.raises(ContentError):
        parse_deck(read_toml(BROKEN / "deck-same-card-title.toml"))
    text = (BROKEN / "deck-same-card-title.toml").read_text(encoding="utf-8")
    other = text.replace('id = "incident-again"\ntitle = "Incident at the line"\ntrack = "alpha"',
                         'id = "incident-again"\ntitle = "Incident at the line"\ntrack = "beta"')
    assert other != text
    apart = tmp_path / "two-tracks.toml"
    apart.write_text(other, encoding="utf-8")
    assert [c.track for c in parse_deck(read_toml(apart)).cards] == ["alpha", "beta"]


def test_a_list_too_deep_for_the_toml_reader_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-359): thousands of nested lists (past what the TOML reader recurses through) were
    "too deeply nested" with no line."""
    path = tmp_path / "deep.toml"
    path.write_text('[ruleset]\nid = "deep"\n# [[[[\nname = "[[[["\nturns = ' + "[" * 5000 + "]" * 5000 + "\n",
                    encoding="utf-8")
    error = _fails_with(lambda: load_file(path), "too deeply nested")
    assert [(p.file, p.line) for p in error.problems] == [(str(path), 5)]
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr()
    assert f"{path}:5: too deeply nested" in out.out
    assert "Traceback" not in out.out + out.err
