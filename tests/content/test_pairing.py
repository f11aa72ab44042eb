"""Which deck each ruleset is checked with when files are validated together (content.pairing)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tabletop.content.pairing import check_files, describe_deck, describe_ruleset, toml_files

FIXTURES = Path(__file__).parent / "fixtures"
MINI_RULESET = FIXTURES / "rulesets" / "mini.toml"
MINI_DECK = FIXTURES / "decks" / "mini-events.toml"

RULESET_SUMMARY = "ruleset 'mini': 3 actors, 2 tracks, 1 meter, 3 moves, 4 rounds, strict"
DECK_SUMMARY = "deck 'mini-events': 2 cards (2 with copies), 1 on a track, 1 global"
#: what the summary of a deck checked with no ruleset adds
ALONE = "; checked alone: its tracks, actors and meters were not checked against a ruleset"


def test_a_ruleset_is_checked_with_the_deck_given_alongside() -> None:
    checked = check_files([str(MINI_DECK), str(MINI_RULESET)])
    assert checked.problems == []
    assert checked.passed() == [
        (MINI_DECK, DECK_SUMMARY),
        (MINI_RULESET, f"{RULESET_SUMMARY}; checked with deck 'mini-events'"),
    ]


def test_a_ruleset_alone_finds_its_deck_in_the_sibling_folder() -> None:
    checked = check_files([str(MINI_RULESET)])
    assert checked.files == [MINI_RULESET]  # the deck found is checked with it, not listed itself
    assert checked.passed() == [(MINI_RULESET, f"{RULESET_SUMMARY}; checked with deck 'mini-events' ({MINI_DECK})")]


def test_a_ruleset_whose_deck_is_nowhere_is_checked_alone(tmp_path: Path) -> None:
    alone = tmp_path / "mini.toml"
    shutil.copy(MINI_RULESET, alone)
    checked = check_files([str(alone)])
    assert checked.problems == []
    assert checked.summaries == {alone: f"{RULESET_SUMMARY}; deck 'mini-events' not found beside it: the ruleset is "
                                        "checked alone, and cannot be played until that deck is written"}


def test_the_deck_given_wins_over_the_one_beside_and_its_misfit_is_the_decks_problem(tmp_path: Path) -> None:
    # a deck of the same id whose card sits on a track the ruleset does not have
    other = tmp_path / "other.toml"
    other.write_text(MINI_DECK.read_text().replace('track = "alpha"', 'track = "gamma"'))
    checked = check_files([str(MINI_RULESET), str(other)])
    assert [(p.file, p.path) for p in checked.problems] == [(str(other), "cards[0].track")]
    assert "unknown track 'gamma'" in checked.problems[0].message
    assert checked.bad_files() == {str(other)}
    # the ruleset itself is fine: listed as such, its deck's misfit pointed to
    assert checked.passed() == [(MINI_RULESET, f"{RULESET_SUMMARY}; its deck 'mini-events' does not fit it (see the "
                                                "deck's problems)")]


def test_a_broken_file_is_a_problem_and_no_summary(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[deck]\nid = "x"\nname = "X"\n\n[[cards]]\nid = "a"\ntitel = "A"\n')
    checked = check_files([str(bad), str(MINI_DECK)])
    assert checked.files == [bad, MINI_DECK]
    assert bad not in checked.summaries and checked.bad_files() == {str(bad)}
    assert checked.passed() == [(MINI_DECK, DECK_SUMMARY + ALONE)]


def test_files_are_found_in_directories_and_missing_ones_are_problems(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    files, problems = toml_files([str(FIXTURES), str(empty), str(tmp_path / "nope.toml")])
    assert files == [MINI_DECK, MINI_RULESET]
    assert [(p.file, p.message) for p in problems] == [
        (str(empty), "directory holds no .toml files"),
        (str(tmp_path / "nope.toml"), "no such file or directory"),
    ]
    assert check_files([str(empty)]).files == []


def test_summaries_count_what_a_file_holds() -> None:
    from tabletop.content.loader import load_file

    ruleset, deck = load_file(MINI_RULESET), load_file(MINI_DECK)
    assert describe_ruleset(ruleset) == RULESET_SUMMARY  # type: ignore[arg-type]
    assert describe_deck(deck) == DECK_SUMMARY  # type: ignore[arg-type]


def test_a_ruleset_whose_deck_beside_does_not_read_fails_with_the_decks_problem(tmp_path: Path) -> None:
    """Found from outside: the deck beside had an unclosed string; validating the ruleset said 'not found beside
    it, checked alone' and passed, and ``tabletop play`` then stopped on the deck's TOML syntax error."""
    (tmp_path / "rulesets").mkdir()
    (tmp_path / "decks").mkdir()
    ruleset = tmp_path / "rulesets" / "mini.toml"
    shutil.copy(MINI_RULESET, ruleset)
    shutil.copy(MINI_RULESET, tmp_path / "rulesets" / "mini-two.toml")  # a second ruleset of the same deck
    deck = tmp_path / "decks" / "mini-events.toml"
    lines = MINI_DECK.read_text().splitlines()
    broken = next(i for i, line in enumerate(lines) if line.startswith("title"))
    lines[broken] = lines[broken].rstrip('"')
    deck.write_text("\n".join(lines) + "\n")
    checked = check_files([str(ruleset)])
    assert [(p.file, p.line) for p in checked.problems] == [(str(deck), broken + 1)]
    assert "TOML syntax error" in checked.problems[0].message
    assert checked.summaries[ruleset] == f"{RULESET_SUMMARY}; its deck 'mini-events' does not read"
    # the folder of both rulesets, or the deck given too: its problem is said once
    assert len(check_files([str(tmp_path / "rulesets")]).problems) == 1
    assert len(check_files([str(ruleset), str(deck)]).problems) == 1


def test_a_ruleset_naming_a_misspelt_deck_beside_it_is_a_problem_at_its_deck_line(tmp_path: Path) -> None:
    """Found from outside: a ruleset naming deck 'lake-evnts', with lake-events.toml beside it, validated "ok ...
    deck 'lake-evnts' not found beside it, checked alone" (exit 0), and ``tabletop play`` then stopped on it. A
    deck id close to one beside it (or bundled) is a typo: a problem at the ruleset's ``deck`` line. A deck id
    like none there is still a deck not written yet: the ruleset is checked alone."""
    (tmp_path / "rulesets").mkdir()
    (tmp_path / "decks").mkdir()
    ruleset = tmp_path / "rulesets" / "mini.toml"
    ruleset.write_text(MINI_RULESET.read_text().replace('deck = "mini-events"', 'deck = "mini-evnts"'))
    shutil.copy(MINI_DECK, tmp_path / "decks" / "mini-events.toml")
    checked = check_files([str(ruleset)])
    assert [(p.file, p.path) for p in checked.problems] == [(str(ruleset), "ruleset.deck")], checked.problems
    assert "(did you mean 'mini-events'?)" in checked.problems[0].message
    line = next(i for i, text in enumerate(ruleset.read_text().splitlines(), 1) if text.startswith("deck ="))
    assert checked.problems[0].line == line
    ruleset.write_text(MINI_RULESET.read_text().replace('deck = "mini-events"', 'deck = "a-deck-to-come"'))
    alone = check_files([str(ruleset)])
    assert alone.problems == [] and "checked alone" in alone.summaries[ruleset]


BUNDLED = Path(__file__).parents[2] / "tabletop" / "scenarios"


def test_a_ruleset_and_a_deck_given_are_checked_together_even_when_the_ruleset_names_no_deck(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found from outside: a ruleset without its ``deck`` key and a deck with ``track = "flow-alocation"``, given
    together, both validated "ok" (exit 0), and ``tabletop simulate --ruleset R --deck D`` then refused the deck's
    track. One ruleset and one deck given are checked together, with the messages simulate gives."""
    from tabletop.cli import main

    ruleset, deck = tmp_path / "river-basin.toml", tmp_path / "river-basin-events.toml"
    ruleset.write_text((BUNDLED / "rulesets" / "river-basin.toml").read_text(encoding="utf-8")
                       .replace('deck = "river-basin-events"\n', ""), encoding="utf-8")
    deck.write_text((BUNDLED / "decks" / "river-basin-events.toml").read_text(encoding="utf-8")
                    .replace('track = "flow-allocation"', 'track = "flow-alocation"', 1), encoding="utf-8")
    said = f"{deck}:21: cards[0].track: unknown track 'flow-alocation' (did you mean 'flow-allocation'?)"
    assert main(["validate", str(ruleset), str(deck)]) == 1
    out = capsys.readouterr().out
    (line,) = [text for text in out.splitlines() if text.startswith(said)]
    assert f"ok  {deck}" not in out, out
    assert main(["simulate", "--ruleset", str(ruleset), "--deck", str(deck), "--games", "1"]) != 0
    assert f"tabletop simulate: {line}" in capsys.readouterr().err.splitlines()  # the very line simulate refuses with
    assert main(["validate", str(deck), str(ruleset)]) == 1  # in either order
    assert line in capsys.readouterr().out.splitlines()


def test_a_deck_checked_against_no_ruleset_says_so(tmp_path: Path) -> None:
    assert check_files([str(MINI_DECK)]).passed() == [(MINI_DECK, DECK_SUMMARY + ALONE)]
    # a ruleset naming another deck, given with a deck: checked together, as play --deck takes them, and said so
    other = tmp_path / "other.toml"
    other.write_text(MINI_RULESET.read_text().replace('deck = "mini-events"', 'deck = "a-deck-to-come"'))
    checked = check_files([str(other), str(MINI_DECK)])
    assert (MINI_DECK, DECK_SUMMARY) in checked.passed()
    assert checked.summaries[other] == (f"{RULESET_SUMMARY}; checked with deck 'mini-events', given with it (the "
                                        "ruleset names deck 'a-deck-to-come')")
    # the deck of a ruleset in the folder is checked with it, and says nothing more
    assert (MINI_DECK, DECK_SUMMARY) in check_files([str(FIXTURES)]).passed()


def test_a_deck_alone_still_has_one_actor_answer_each_card() -> None:
    """The rule moved from the shape stage to the checks with the ruleset (so that a typo in one choice's actor is
    told as that, at its line); a deck checked with no ruleset is held to it all the same."""
    two = Path(__file__).parent / "broken" / "deck-choices-two-actors.toml"
    checked = check_files([str(two)])
    assert [(p.path, p.message) for p in checked.problems] == [
        ("cards[0].choices", "all choices of a card are answered by one actor; found east, west")]
    assert checked.passed() == []


def test_a_ruleset_and_a_deck_given_are_checked_together_whatever_deck_the_ruleset_names(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``validate lake.toml parallel-tracks-events.toml`` passed (exit 0, the deck "checked
    alone") when the ruleset named its own deck, and ``play --ruleset lake.toml --deck ...`` refused the pair."""
    from tabletop.cli import main

    ruleset = tmp_path / "lake.toml"
    ruleset.write_text(MINI_RULESET.read_text().replace('deck = "mini-events"', 'deck = "lake-events"'))
    deck = tmp_path / "river-basin-events.toml"  # the designer's own copy: its own lines are what to fix
    deck.write_bytes((BUNDLED / "decks" / "river-basin-events.toml").read_bytes())
    assert main(["validate", str(ruleset), str(deck)]) == 1
    out = capsys.readouterr().out
    assert f"{deck}:21: cards[0].track: unknown track 'flow-allocation'" in out and f"ok  {deck}" not in out
    assert main(["play", "--ruleset", str(ruleset), "--deck", str(deck), "--save", str(tmp_path / "s.jsonl")]) == 1


def test_tabletop_s_own_deck_named_by_a_designer_s_ruleset_is_one_problem_at_its_deck_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``deck = "river-basin-events"`` in a designer's ruleset gave 62 problems in the bundled
    deck's file, a file the designer cannot change, and none at the line to fix."""
    from tabletop.cli import main

    ruleset = tmp_path / "lake.toml"
    ruleset.write_text(MINI_RULESET.read_text().replace('deck = "mini-events"', 'deck = "river-basin-events"'))
    line = next(i for i, text in enumerate(ruleset.read_text().splitlines(), 1) if text.startswith("deck ="))
    said = (f"{ruleset}:{line}: ruleset.deck: tabletop's deck 'river-basin-events' is not written for this ruleset: "
            "62 problems in it, the first: cards[0].track: unknown track 'flow-allocation' (known: alpha, beta); name "
            "a deck written for this ruleset")
    assert main(["validate", str(ruleset)]) == 1
    assert capsys.readouterr().out.splitlines() == [said, "1 problem in 1 file"]
    for command in (["simulate", "--ruleset", str(ruleset), "--games", "1"],
                    ["play", "--ruleset", str(ruleset), "--save", str(tmp_path / "s.jsonl")]):
        assert main(command) == 1
        assert f"tabletop {command[0]}: {said}" in capsys.readouterr().err.splitlines(), command
    # a deck of the designer's own that does not fit: its own lines, each (the file to fix is theirs)
    mine = tmp_path / "river-basin-events.toml"
    mine.write_bytes(BUNDLED.joinpath("decks", "river-basin-events.toml").read_bytes())
    assert main(["validate", str(ruleset)]) == 1
    assert f"{mine}:21: cards[0].track: unknown track 'flow-allocation'" in capsys.readouterr().out


def test_a_bundled_deck_is_given_to_validate_by_its_id_as_play_takes_it(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-97): ``validate evil.toml river-basin-events`` said "no such file or directory"
    (play --deck takes the id); the pair is checked, and a deck not written for the ruleset is said once, at the
    ruleset, not as 62 lines of tabletop's own file."""
    from tabletop.cli import main

    ruleset = tmp_path / "lake.toml"
    ruleset.write_text(MINI_RULESET.read_text().replace('deck = "mini-events"', 'deck = "lake-events"'))
    assert main(["validate", str(ruleset), "river-basin-events"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "1 problem in 1 file" and f"ok  {ruleset}" not in "\n".join(out)
    assert any(line.startswith(f"{ruleset}:1: tabletop's deck 'river-basin-events' is not written for this ruleset: "
                               "62 problems in it") for line in out), out
    assert main(["validate", "parallel-tracks", "parallel-tracks-events"]) == 0
    assert "checked with deck 'parallel-tracks-events'" in capsys.readouterr().out
    assert main(["validate", "no-such-id"]) == 1
    assert "no-such-id: neither a file nor the id of a bundled ruleset or deck" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["validate", "play", "simulate"])
def test_a_name_neither_a_file_nor_a_bundled_id_says_so_and_lists_the_ids(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str) -> None:
    """Found from outside (helper-140): ``tabletop validate keld-events`` said "keld-events: no such file or
    directory", not that it is no bundled id either, nor which ids there are; play --ruleset says both."""
    from tabletop.cli import main

    monkeypatch.chdir(tmp_path)
    args = ["validate", "keld-events"] if command == "validate" else [command, "--ruleset", "keld-events"]
    assert main(args + (["--games", "1"] if command == "simulate" else [])) == 1
    said = capsys.readouterr()
    line = (said.out if command == "validate" else said.err).splitlines()[0]
    rulesets = "parallel-tracks, parallel-tracks-linked, river-basin"
    if command == "validate":
        assert line == (f"keld-events: neither a file nor the id of a bundled ruleset or deck (bundled rulesets: "
                        f"{rulesets}; bundled decks: parallel-tracks-events, river-basin-events)"), line
    else:
        assert line == (f"tabletop {command}: keld-events: no ruleset file or bundled ruleset id 'keld-events' "
                        f"(bundled: {rulesets})"), line
    # a path stays a path: no id is looked for in it
    assert main(["validate", "nowhere/keld-events"]) == 1
    assert capsys.readouterr().out.startswith("nowhere/keld-events: no such file or directory")


@pytest.mark.parametrize("command", ["play", "simulate"])
def test_a_name_given_without_its_toml_beside_the_file_suggests_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str) -> None:
    """Found from outside (helper-145): ``play --ruleset keld`` in the folder that holds keld.toml was told only the
    bundled ids; an id is still not a file (a name is read as a bundled id first), but the file is named."""
    from tabletop.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "keld.toml").write_text("[ruleset]\n", encoding="utf-8")
    assert main([command, "--ruleset", "keld"] + (["--games", "1"] if command == "simulate" else [])) == 1
    line = capsys.readouterr().err.splitlines()[0]
    assert line.startswith(f"tabletop {command}: keld: no ruleset file or bundled ruleset id 'keld' (did you mean "
                           "'keld.toml'?) (bundled: "), line


def test_two_drafts_of_a_scenario_in_one_folder_each_check_their_own_deck(tmp_path: Path) -> None:
    """Found from outside (helper-107): a folder holding two drafts of one scenario (v1, v2, the same ids) checked
    v2's ruleset with v1's deck ("checked with deck 'mini-events'"), so v2's broken deck passed and validate exited
    0, while play --ruleset v2 refused the pair. Each ruleset is now checked with the deck play takes for it."""
    for draft in ("v1", "v2"):
        (tmp_path / draft / "rulesets").mkdir(parents=True)
        (tmp_path / draft / "decks").mkdir()
        shutil.copy(MINI_RULESET, tmp_path / draft / "rulesets" / "mini.toml")
        shutil.copy(MINI_DECK, tmp_path / draft / "decks" / "mini-events.toml")
    broken = tmp_path / "v2" / "decks" / "mini-events.toml"
    broken.write_text(MINI_DECK.read_text().replace('track = "alpha"', 'track = "alpah"'))
    for order in ((tmp_path,), (tmp_path / "v2", tmp_path / "v1"), (tmp_path / "v1", tmp_path / "v2")):
        checked = check_files([str(p) for p in order])
        assert [(p.file, p.path) for p in checked.problems] == [(str(broken), "cards[0].track")], order
        assert "unknown track 'alpah'" in checked.problems[0].message
        good = tmp_path / "v1" / "decks" / "mini-events.toml"
        passed = dict(checked.passed())
        assert passed[good] == DECK_SUMMARY and passed[tmp_path / "v1" / "rulesets" / "mini.toml"].endswith(
            "; checked with deck 'mini-events'"), passed  # v1's deck checked with v1's ruleset, not "alone"


def test_a_deck_two_rulesets_share_is_told_its_problem_once(tmp_path: Path) -> None:
    """Found from outside (helper-104, helper-112): a deck that does not fit the two rulesets naming it was told its
    problem once per ruleset ("2 problems in 1 file" for one wrong track), and each ruleset said only "ok"."""
    (tmp_path / "rulesets").mkdir()
    (tmp_path / "decks").mkdir()
    text = MINI_RULESET.read_text()
    (tmp_path / "rulesets" / "mini.toml").write_text(text)
    (tmp_path / "rulesets" / "mini-two.toml").write_text(text.replace('id = "mini"', 'id = "mini-two"', 1))
    broken = tmp_path / "decks" / "mini-events.toml"
    broken.write_text(MINI_DECK.read_text().replace('track = "alpha"', 'track = "alpah"'))
    checked = check_files([str(tmp_path)])
    assert [(p.file, p.path) for p in checked.problems] == [(str(broken), "cards[0].track")], checked.problems
    for name in ("mini.toml", "mini-two.toml"):
        said = checked.summaries[tmp_path / "rulesets" / name]
        assert said.endswith("; its deck 'mini-events' does not fit it (see the deck's problems)"), said


def test_a_deck_given_with_a_ruleset_that_has_problems_says_why_it_was_checked_alone(tmp_path: Path) -> None:
    """Found from outside (helper-125): a deck given with its ruleset, which had problems, read "checked alone: its
    tracks, actors and meters were not checked against a ruleset", though one was given."""
    ruleset = tmp_path / "mini.toml"
    ruleset.write_text(MINI_RULESET.read_text().replace("turns = 4", "turns = 0"), encoding="utf-8")
    checked = check_files([str(ruleset), str(MINI_DECK)])
    assert checked.problems and all(p.file == str(ruleset) for p in checked.problems), checked.problems
    said = checked.summaries[MINI_DECK]
    assert f"a ruleset given with it has problems of its own ({ruleset})" in said, said
    alone = check_files([str(MINI_DECK)]).summaries[MINI_DECK]
    assert alone.endswith("checked alone: its tracks, actors and meters were not checked against a ruleset"), alone


@pytest.mark.parametrize("fault", ["a typo'd key", "a track the ruleset lacks"])
def test_no_ok_is_said_of_a_ruleset_whose_deck_does_not_read_or_fit(
        tmp_path: Path, fault: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: a fresh copy of a bundled ruleset and deck, a typo'd key in the deck: ``validate
    RULESET`` said "ok  RULESET: ...; its deck ... does not read", then the deck's problems, and exit 1. The file
    reads; the scenario does not, and no way of naming it says "ok" of it."""
    from tabletop.cli import main

    (tmp_path / "rulesets").mkdir()
    (tmp_path / "decks").mkdir()
    shutil.copy(BUNDLED / "rulesets" / "river-basin.toml", tmp_path / "rulesets")
    text = (BUNDLED / "decks" / "river-basin-events.toml").read_text(encoding="utf-8")
    old, new = ("\ntitle = ", "\ntitel = ") if fault == "a typo'd key" else \
        ('track = "flow-allocation"', 'track = "flow-alocation"')
    (tmp_path / "decks" / "river-basin-events.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ruleset, deck = "rulesets/river-basin.toml", "decks/river-basin-events.toml"
    for given in ([ruleset], [ruleset, deck], [deck, ruleset], ["rulesets"], ["."]):
        assert main(["validate", *given]) == 1, given
        out = capsys.readouterr().out.splitlines()
        assert [line for line in out if line.startswith("ok")] == [], (given, out)
        (said,) = [line for line in out if ruleset in line]
        assert said.startswith(f"not ok  {ruleset}: ruleset 'river-basin'"), (given, said)
        assert any(line.startswith(f"{deck}:") for line in out), (given, out)


def test_a_deck_in_a_decks_folder_beside_the_ruleset_is_the_one_checked_and_played(tmp_path: Path) -> None:
    """Found from outside (helper-172): a copy of a bundled ruleset with the copy of its deck, edited, in ``decks/``
    beside it: validate said "ok … checked with deck 'parallel-tracks-events'" of tabletop's own deck, and play
    played it, the edit (a typo'd key) never read."""
    from tabletop.content import ContentError
    from tabletop.content.loader import load_scenario

    ruleset = tmp_path / "parallel-tracks.toml"
    shutil.copy(BUNDLED / "rulesets" / "parallel-tracks.toml", ruleset)
    (tmp_path / "decks").mkdir()
    deck = tmp_path / "decks" / "parallel-tracks-events.toml"
    deck.write_text((BUNDLED / "decks" / "parallel-tracks-events.toml").read_text(encoding="utf-8")
                    .replace("control_note =", "contol_note =", 1), encoding="utf-8")
    checked = check_files([str(ruleset)])
    assert [(p.file, p.path.rsplit(".", 1)[-1]) for p in checked.problems] == [(str(deck), "contol_note")]
    with pytest.raises(ContentError) as raised:
        load_scenario(str(ruleset))
    assert raised.value.problems[0].file == str(deck)


def test_a_ruleset_of_ones_own_checked_with_tabletops_deck_says_so(tmp_path: Path) -> None:
    ruleset = tmp_path / "parallel-tracks.toml"
    shutil.copy(BUNDLED / "rulesets" / "parallel-tracks.toml", ruleset)
    checked = check_files([str(ruleset)])
    assert checked.problems == []
    assert checked.summaries[ruleset].endswith(
        "; checked with tabletop's own deck 'parallel-tracks-events' (none of that id is beside it)")
    bundled = BUNDLED / "rulesets" / "parallel-tracks.toml"  # tabletop's own, with its own: as it was
    assert check_files([str(bundled)]).summaries[bundled].endswith("; checked with deck 'parallel-tracks-events'")


#: a ruleset given with a good deck, broken two ways: by what breaks it, the text of the ruleset, and the line and key
#: of its problem
_RULESET_FAULTS = {
    "a TOML syntax error": (lambda text: text + "\nbroken = [\n", None, ""),
    "an unknown key": (lambda text: text.replace("turns = 4", "turns = 4\nrounds = 4", 1), 6, "ruleset.rounds"),
}


@pytest.mark.parametrize("fault", sorted(_RULESET_FAULTS))
@pytest.mark.parametrize("order", ["ruleset first", "deck first"])
def test_a_good_deck_given_with_a_ruleset_that_does_not_read_is_not_ok_after_the_rulesets_problem(
        tmp_path: Path, fault: str, order: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``validate R D``, R with a TOML syntax error, said "ok  D: … checked alone: its tracks,
    actors and meters were not checked against a ruleset", first, then R's problem: read as a deck that passed, and
    as if no ruleset had been given. The deck was checked alone because the ruleset does not read: ``not ok``, after
    the ruleset's problem, and exit 1."""
    from tabletop.cli import main

    change, line, key = _RULESET_FAULTS[fault]
    ruleset = tmp_path / "mini.toml"
    ruleset.write_text(change(MINI_RULESET.read_text(encoding="utf-8")), encoding="utf-8")
    given = [str(ruleset), str(MINI_DECK)] if order == "ruleset first" else [str(MINI_DECK), str(ruleset)]
    assert main(["validate", *given]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if line.startswith("ok")] == [], out
    first = out[0]
    assert first.startswith(f"{ruleset}:"), out
    if line is not None:
        assert first.startswith(f"{ruleset}:{line}: {key}: unknown key 'rounds'"), first
    else:
        assert "TOML syntax error" in first, first
    (said,) = [said for said in out if str(MINI_DECK) in said]
    assert said == (f"not ok  {MINI_DECK}: {DECK_SUMMARY}; checked alone: a ruleset given with it has problems of its "
                    f"own ({ruleset}), so its tracks, actors and meters were not checked against one"), said
    assert out.index(said) > out.index(first)
    assert out[-1] == "1 problem in 1 file"


@pytest.mark.parametrize("beside", ["in its folder", "in its decks folder"])
@pytest.mark.parametrize("fault", ["a misspelled key", "a TOML syntax error"])
def test_the_deck_given_wins_over_a_good_one_of_its_id_beside_the_ruleset_though_it_does_not_read(
        tmp_path: Path, beside: str, fault: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``validate R D``, D with a key misspelled and a good deck of D's id beside R: R said "ok
    … checked with deck 'mini-events' (the good one beside)", the deck the user named passed over. ``play
    --ruleset R --deck D`` plays D, so validate checks R with D: ``not ok`` of R, D's problems at file:line:key,
    exit 1."""
    from tabletop.cli import main
    from tabletop.content import ContentError
    from tabletop.content.loader import load_scenario

    ruleset = tmp_path / "scenario" / "mini.toml"
    ruleset.parent.mkdir()
    shutil.copy(MINI_RULESET, ruleset)
    good = ruleset.parent / ("mini-events.toml" if beside == "in its folder" else "decks/mini-events.toml")
    good.parent.mkdir(exist_ok=True)
    shutil.copy(MINI_DECK, good)
    deck = tmp_path / "draft" / "mini-events.toml"
    deck.parent.mkdir()
    text = MINI_DECK.read_text(encoding="utf-8")
    deck.write_text(text.replace('title = "Summit', 'titel = "Summit', 1) if fault == "a misspelled key"
                    else text + "\nbroken = [\n", encoding="utf-8")
    for given in ([ruleset, deck], [deck, ruleset]):
        checked = check_files([str(p) for p in given])
        assert {p.file for p in checked.problems} == {str(deck)}, checked.problems
        if fault == "a misspelled key":
            assert (str(deck), 20, "cards[1].titel") in [(p.file, p.line, p.path) for p in checked.problems]
        assert ruleset in checked.deck_failed
        assert checked.summaries[ruleset] == (f"{RULESET_SUMMARY}; the deck given with it does not read ({deck}: "
                                              "see its problems)")
        assert main(["validate", *map(str, given)]) == 1
        out = capsys.readouterr().out.splitlines()
        assert [line for line in out if line.startswith("ok")] == [], out
        assert f"not ok  {ruleset}: {checked.summaries[ruleset]}" in out
        assert all(str(good) not in line for line in out), out
    # play takes the deck given, as validate now checks it
    with pytest.raises(ContentError) as raised:
        load_scenario(str(ruleset), str(deck))
    assert {p.file for p in raised.value.problems} == {str(deck)}


def _mini_copy(tmp_path: Path) -> Path:
    """The mini scenario copied: its ``rulesets/`` and ``decks/`` folders side by side; the copy's folder."""
    shutil.copytree(FIXTURES, tmp_path / "mini")
    return tmp_path / "mini"


def test_a_ruleset_named_bare_from_inside_its_folder_finds_the_deck_in_the_sibling_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-260): ``cd px/rulesets && tabletop play --ruleset exchange.toml`` was "no deck
    file or bundled deck id 'exchange-events'", and validate checked the ruleset alone; from one folder up both
    found ``decks/exchange-events.toml``. The folder of a bare name is ``.``, whose parent was ``.`` again."""
    from tabletop.content.loader import load_scenario

    mini = _mini_copy(tmp_path)
    monkeypatch.chdir(mini / "rulesets")
    checked = check_files(["mini.toml"])
    assert checked.problems == []
    [(_, summary)] = checked.passed()
    assert summary.startswith(f"{RULESET_SUMMARY}; checked with deck 'mini-events' (")
    assert Path(summary.rsplit("(", 1)[1].rstrip(")")).samefile(mini / "decks" / "mini-events.toml")
    assert load_scenario("mini.toml").deck.id == "mini-events"
    (mini / "notes").mkdir()  # "../rulesets/mini.toml" from a folder beside it
    monkeypatch.chdir(mini / "notes")
    assert load_scenario("../rulesets/mini.toml").deck.id == "mini-events"


def test_the_sibling_decks_folder_of_a_linked_rulesets_folder_is_the_one_beside_the_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``rulesets/`` folder that is a link to a shared one, entered by ``cd``: the room means the ``decks/``
    beside the link (the shell's working folder, ``$PWD``), not one beside the shared folder, which has none."""
    from tabletop.content.loader import load_scenario

    mini = _mini_copy(tmp_path)
    shared = tmp_path / "shared" / "rulesets"
    shared.parent.mkdir()
    (mini / "rulesets").rename(shared)
    (mini / "rulesets").symlink_to(shared, target_is_directory=True)
    monkeypatch.chdir(mini / "rulesets")
    monkeypatch.setenv("PWD", str(mini / "rulesets"))
    assert load_scenario("mini.toml").deck.id == "mini-events"
    assert load_scenario("./mini.toml").deck.id == "mini-events"


def test_a_bundled_ruleset_given_by_its_id_brings_its_translations(capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-306): ``validate parallel-tracks``, as the glossary tells a facilitator to run
    before a workshop, checked the ruleset and not its ru and uk translations, which by path it checks."""
    from tabletop.cli import main
    from tabletop.content.finding import resolve

    assert main(["validate", "parallel-tracks"]) == 0
    by_id = capsys.readouterr().out.splitlines()
    assert main(["validate", str(resolve("parallel-tracks", "ruleset").absolute())]) == 0
    assert by_id == capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1] for line in by_id[1:]] == [f"{lang} translation of parallel-tracks.toml"
                                                           for lang in ("ru", "uk")], by_id


def test_a_folder_given_as_the_deck_is_said_unread_not_replaced_by_tabletop_s_own(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-360): ``validate r.toml d.toml``, d.toml a folder, said "ok  r.toml: … checked
    with tabletop's own deck 'parallel-tracks-events'": the deck given could not be read, and no other was meant."""
    from tabletop.cli import main

    ruleset, deck = tmp_path / "r.toml", tmp_path / "d.toml"
    shutil.copy(BUNDLED / "rulesets" / "parallel-tracks.toml", ruleset)  # it names a deck of tabletop's own
    deck.mkdir()
    checked = check_files([str(ruleset), str(deck)])
    assert ruleset in checked.deck_failed
    assert "checked with" not in checked.summaries[ruleset], checked.summaries[ruleset]
    assert checked.summaries[ruleset].endswith(f"; the deck given with it does not read ({deck}: see its problems)")
    assert main(["validate", str(ruleset), str(deck)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"not ok  {ruleset}: {checked.summaries[ruleset]}" in out, out
    assert f"{deck}: directory holds no .toml files" in out, out
