"""A bad sweep file gets a clear error (file:line: key: message) and nothing runs.

One small broken file per kind of mistake in ``broken/``, each checked for
its line, key and message, through the loader and through the command line
(exit 1, no folder written, no traceback).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.content import ContentError
from tabletop.content.sweepfile import load_sweep
from tabletop.sim import POLICIES

from .kit import write_spec

BROKEN = Path(__file__).parent / "broken"

# (file, line, key path, fragment of the message)
CASES: list[tuple[str, int, str, str]] = [
    ("misspelt-track.toml", 6, "axes[0].key", "no track 'border' in parallel-tracks (did you mean 'borders'?)"),
    ("misspelt-option.toml", 6, "axes[0].key",
     "unknown key 'ruleset.independance' (did you mean 'ruleset.independence'?)"),
    ("unknown-key.toml", 6, "axes[0].key", "unknown key 'breakdown_at' (did you mean 'tracks.borders.breakdown_at'?)"),
    ("not-variable.toml", 6, "axes[0].key", "'name' is not a key a sweep can vary on tracks"),
    ("misspelt-sweep-key.toml", 3, "sweep.game", "unknown key 'game' (did you mean 'games'?)"),
    ("games-missing.toml", 1, "sweep.games", "required key is missing"),
    ("games-zero.toml", 3, "sweep.games", "must be at least 1, got 0"),
    ("value-not-a-number.toml", 8, "axes[0].values[1]", "tracks.borders.breakdown_at takes a whole number, got 'seven'"),
    # found from outside: three messages naming the validator's insides (".bool: expected true or false", ".int",
    # ".str"), where a word in quotes got the key's own
    ("value-a-decimal.toml", 8, "axes[0].values[1]", "tracks.borders.breakdown_at takes a whole number, got 4.5"),
    # found from outside (helper-83): a designer who wrote true was told "got True"
    ("value-a-boolean.toml", 8, "axes[0].values[1]", "tracks.borders.breakdown_at takes a whole number, got true"),
    ("value-breaks-ruleset.toml", 7, "axes[0].values[0]",
     "with tracks.borders.breakdown_at = 2 the ruleset is not valid: tracks.borders.start_tension: start_tension (3) "
     "must be below breakdown_at (2)"),
    # found from outside: the ruleset's entries were named by position (tracks[5].agreement_at, moves[7].target),
    # where the sweep file names them by id
    ("agreement-past-the-ladder.toml", 7, "axes[0].values[1]",
     "with tracks.humanitarian.agreement_at = 99 the ruleset is not valid: tracks.humanitarian.agreement_at: must be "
     "at most 19, got 99"),
    ("point-breaks-ruleset.toml", 8, "points[1]", "start_tension (5) must be below breakdown_at (4)"),
    # a key that alone breaks the ruleset is said at its own line (found from outside: at the point's header)
    ("point-key-out-of-range.toml", 8, "points[0].tracks.borders.breakdown_at",
     "with tracks.borders.breakdown_at = 99 the ruleset is not valid: tracks.borders.breakdown_at: must be at most 20, got 99"),
    ("misspelt-policy.toml", 7, "axes[0].values[1]", "got 'hardliners' (did you mean 'hardliner'?)"),
    ("option-word-misspelt.toml", 7, "axes[0].values[1]",
     "ruleset.independence takes one of strict, linked, got 'linkd' (did you mean 'linked'?)"),
    # found from outside: 'rus' was told "did you mean 'us'?" ('ru' and 'us' are as close; the first letters decide)
    ("unknown-actor.toml", 4, "sweep.bots.rus", "unknown actor 'rus' (did you mean 'ru'?)"),
    ("misspelt-policy-for-all.toml", 4, "sweep.bots", "unknown bot policy 'mixd' (did you mean 'mixed'?)"),
    ("axes-and-points.toml", 5, "axes", "axes (a grid) or points (a list), not both"),
    ("nothing-varied.toml", 1, "", "nothing is varied: write [[axes]]"),
    ("unknown-ruleset.toml", 3, "sweep.ruleset",
     "no ruleset file or bundled ruleset id 'paralel-tracks' (did you mean 'parallel-tracks'?)"),
    ("axis-twice.toml", 10, "axes[1].key", "ruleset.independence is already an axis (axes[0].key)"),
    ("value-twice.toml", 7, "axes[0].values", "values lists 7 twice"),
    # found from outside: a point written with TOML's dotted keys got the validator's inner words, a line a key
    ("dotted-point-wrong-value.toml", 7, "points[0].tracks.borders.breakdown_at",
     "tracks.borders.breakdown_at takes a whole number, got 'seven'"),
    ("dotted-point-misspelt-track.toml", 8, "points[0].tracks.bordrs.breakdown_at",
     "no track 'bordrs' in parallel-tracks (did you mean 'borders'?)"),
    ("dotted-point-key-twice.toml", 8, "points[0].tracks.borders.breakdown_at",
     "tracks.borders.breakdown_at is set twice in this point"),
    ("syntax.toml", 7, "", "TOML syntax error"),
    # found from outside: an empty [[points]] played the bundled values, a second row of the bundled point's
    ("empty-point.toml", 6, "points[0]", "sets nothing: a point names at least one key and its value"),
    # found from outside: [swep] was told "expected a [sweep] table (found axes, swep)", no did-you-mean
    ("misspelt-sweep-table.toml", 1, "swep", "[swep]: did you mean [sweep]?"),
    ("a-ruleset.toml", 1, "", "not a sweep file: expected a [sweep] table (found ruleset)"),
    # found from outside: an empty sweep file was told to hold "a [ruleset] or a [deck] table"
    ("empty.toml", 1, "", "file is empty: expected a [sweep] table"),
    # found from outside (helper-104): a seed of 5,000 digits was a traceback (Python reads at most 4,300)
    ("seed-too-long.toml", 4, "sweep.seed", "a whole number of 5000 digits is far too large"),
    # found from outside (helper-114): one track's results were lost, the report showed another's twice
    ("tracks-share-columns.toml", 3, "sweep.ruleset",
     "the results' column 'ship_ping_status' would hold both track 'ship_ping' and track 'ship-ping' of arctic"),
    # found in review (helper-118): a swept key and a track's column of one name were written twice, exit 0
    ("key-shares-a-column.toml", 3, "sweep.ruleset", "the results' column 'fish_start_tension' would hold both the "
     "swept key tracks.fish.start_tension and track 'fish_start' of arctic-keyed"),
    # found from outside (helper-114): which file was missing, read from where, went unsaid
    ("ruleset-path-missing.toml", 3, "sweep.ruleset",
     f"no such file: {BROKEN / 'nowhere' / 'arctic.toml'} (a path is read from the sweep file's folder)"),
    # found from outside (helper-114): the plan grew to 3 GB and played nothing
    ("too-many-chunks.toml", 5, "sweep.chunk", "2 points of 10000000 games in chunks of 1 make 20000000 chunks; "
     "at most 100000"),
    # found from outside: "1 points of 10000000 games"
    ("too-many-chunks-one-point.toml", 5, "sweep.chunk", "1 point of 10000000 games in chunks of 1 makes 10000000 "
     "chunks; at most 100000"),
    # found from outside (helper-205): Russia, a hardliner in [sweep], played the mix and cooperatively at every
    # point, as the axis over every team's bots replaced it; validate said ok and the sweep ran
    ("bots-axis-over-named-actors.toml", 8, "axes[0].key",
     "an axis over bots sets every team's policy at every point, and would replace [sweep]'s bots for ru "
     "(hardliner): vary bots.<actor> instead (key = \"bots.ua\"), or leave bots out of [sweep]"),
    ("bots-an-array.toml", 6, "sweep.bots", "expected a string or a table, got an array ['hardliner']"),
    ("point-value-an-array.toml", 8, "points[0].tracks.borders.breakdown_at",
     "expected true or false, a number or a string, got an array [6]"),
    ("bots-point-over-named-actors.toml", 12, "points[1].bots",
     "bots sets every team's policy in this point, and would replace [sweep]'s bots for ua (cooperative): name "
     "each actor in the point instead (\"bots.ua\" = ...), or leave bots out of [sweep]"),
]


def test_every_broken_file_is_a_case() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.toml")) == sorted(c[0] for c in CASES)


@pytest.mark.parametrize(("name", "line", "path", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_the_problem_names_its_line_and_key(name: str, line: int, path: str, fragment: str) -> None:
    with pytest.raises(ContentError) as caught:
        load_sweep(BROKEN / name, POLICIES)
    found = [(p.line, p.path) for p in caught.value.problems if fragment in p.message]
    assert (line, path) in found, [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_the_command_says_so_and_runs_nothing(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["sweep", str(BROKEN / name), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{BROKEN / name}:" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(("name", "line", "path", "fragment"),
                         [c for c in CASES if "[sweep]" in (BROKEN / c[0]).read_text(encoding="utf-8")
                          or c[0] == "misspelt-sweep-table.toml"],
                         ids=lambda c: c if isinstance(c, str) and c.endswith(".toml") else "")
def test_validate_says_so_too(name: str, line: int, path: str, fragment: str,
                              capsys: pytest.CaptureFixture[str]) -> None:
    """``tabletop validate`` checks a sweep file as ``tabletop sweep`` does before it plays (found from outside: it
    only said the file was a sweep file, and no command checked one without playing it)."""
    assert main(["validate", str(BROKEN / name)]) == 1
    out = capsys.readouterr().out
    where = f"{BROKEN / name}:{line}: {path}: " if path else f"{BROKEN / name}:{line}: "
    assert any(said.startswith(where) and fragment in said for said in out.splitlines()), out


def test_validate_tells_a_misspelt_sweep_table_alone_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: validate said "expected a [ruleset] or [deck] table (found swep)" of a sweep file whose
    [sweep] was mistyped; README promises a did-you-mean."""
    path = tmp_path / "s.toml"
    path.write_text('[swep]\nruleset = "parallel-tracks"\ngames = 10\n', encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert f"{path}:1: swep: [swep]: did you mean [sweep]?" in capsys.readouterr().out


def test_the_schema_accepts_a_good_file_and_names_the_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import tomllib

    import jsonschema

    assert main(["schema", "sweep"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "tabletop sweep"
    good = tomllib.loads(write_spec(tmp_path).read_text(encoding="utf-8"))
    jsonschema.validate(good, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**good, "sweep": {**good["sweep"], "game": 3}}, schema)
    # found from outside (helper-114): the README's point in dotted keys, which tabletop reads, the schema refused
    dotted = tomllib.loads('[sweep]\nruleset = "parallel-tracks"\ngames = 2\n\n[[points]]\n'
                           'tracks.borders.breakdown_at = 9\nbots.ru = "random"\n')
    jsonschema.validate(dotted, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**dotted, "points": [{"tracks": {"borders": {"breakdown_at": [9]}}}]}, schema)


def test_a_point_sets_the_ruleset_and_the_bots(tmp_path: Path) -> None:
    sweep = load_sweep(write_spec(tmp_path), POLICIES)
    assert [p.settings for p in sweep.points] == [
        {"tracks.borders.breakdown_at": 6, "bots.ru": "cooperative"},
        {"tracks.borders.breakdown_at": 6, "bots.ru": "hardliner"},
        {"tracks.borders.breakdown_at": 9, "bots.ru": "cooperative"},
        {"tracks.borders.breakdown_at": 9, "bots.ru": "hardliner"},
    ]
    last = sweep.points[-1]
    borders = next(t for t in sweep.scenario_at(last).ruleset.tracks if t.id == "borders")
    assert borders.breakdown_at == 9
    assert sweep.bots_at(last) == {"ru": "hardliner"}
    assert sweep.columns() == {"tracks.borders.breakdown_at": "borders_breakdown_at", "bots.ru": "bots_ru"}


def test_a_point_written_with_dotted_keys_is_the_point_written_with_quoted_ones(tmp_path: Path) -> None:
    """TOML reads ``tracks.borders.breakdown_at = 9`` as tables; a designer means the key it spells."""
    head = '[sweep]\nruleset = "parallel-tracks"\ngames = 2\n\n'
    quoted = tmp_path / "quoted.toml"
    quoted.write_text(head + '[[points]]\n"tracks.borders.breakdown_at" = 9\n"bots.ru" = "random"\n\n'
                      '[[points]]\n"ruleset.independence" = "linked"\n"bots" = "hardliner"\n', encoding="utf-8")
    dotted = tmp_path / "dotted.toml"
    dotted.write_text(head + '[[points]]\ntracks.borders.breakdown_at = 9\nbots.ru = "random"\n\n'
                      '[[points]]\nruleset.independence = "linked"\nbots = "hardliner"\n', encoding="utf-8")
    one, other = load_sweep(quoted, POLICIES), load_sweep(dotted, POLICIES)
    assert [p.settings for p in other.points] == [p.settings for p in one.points] == [
        {"tracks.borders.breakdown_at": 9, "bots.ru": "random"}, {"ruleset.independence": "linked", "bots": "hardliner"}]
    assert other.columns() == one.columns()


def test_a_point_that_leaves_a_key_out_has_the_scenario_s_value(tmp_path: Path) -> None:
    from tabletop.sim.cluster import Backend
    from tabletop.sim.sweep import run_sweep

    from .kit import rows

    spec = tmp_path / "points.toml"
    spec.write_text('[sweep]\nruleset = "parallel-tracks"\ngames = 2\nbots = { ua = "cooperative" }\n\n'
                    '[[points]]\n"ruleset.independence" = "linked"\n\n'
                    '[[points]]\n"tracks.borders.breakdown_at" = 9\n"bots.ru" = "random"\n', encoding="utf-8")
    sweep = load_sweep(spec, POLICIES)
    assert [sweep.value_at(p, "tracks.borders.breakdown_at") for p in sweep.points] == [8, 9]
    assert [sweep.value_at(p, "ruleset.independence") for p in sweep.points] == ["linked", "strict"]
    assert [sweep.value_at(p, "bots.ru") for p in sweep.points] == ["mixed", "random"]
    assert [sweep.bots_at(p) for p in sweep.points] == [{"ua": "cooperative"}, {"ua": "cooperative", "ru": "random"}]
    run_sweep(sweep, tmp_path / "out", Backend())
    assert {r[:3] for r in rows(tmp_path / "out")} == {("linked", 8, "mixed"), ("strict", 9, "random")}


def test_a_ruleset_path_is_read_beside_the_sweep_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from tabletop.content.finding import BUNDLED

    (tmp_path / "rules").mkdir()
    shutil.copy(BUNDLED / "rulesets" / "parallel-tracks.toml", tmp_path / "rules" / "mine.toml")
    shutil.copy(BUNDLED / "decks" / "parallel-tracks-events.toml", tmp_path / "rules" / "deck.toml")
    spec = tmp_path / "s.toml"
    spec.write_text('[sweep]\nruleset = "rules/mine.toml"\ndeck = "rules/deck.toml"\ngames = 1\n\n'
                    '[[axes]]\nkey = "ruleset.turns"\nvalues = [6, 7]\n', encoding="utf-8")
    monkeypatch.chdir(Path(__file__).parent)  # elsewhere: the paths are the sweep file's, not the shell's
    sweep = load_sweep(spec, POLICIES)
    assert [sweep.scenario_at(p).ruleset.ruleset.turns for p in sweep.points] == [6, 7]
    spec.write_text(spec.read_text(encoding="utf-8").replace("rules/deck.toml", "rules/dekc.toml"), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_sweep(spec, POLICIES)
    assert [(p.line, p.path) for p in caught.value.problems] == [(3, "sweep.deck")]


def test_one_misspelt_policy_for_every_team_is_one_problem() -> None:
    """Found from outside: ``bots = "mixd"`` printed the same line five times, once per team."""
    with pytest.raises(ContentError) as caught:
        load_sweep(BROKEN / "misspelt-policy-for-all.toml", POLICIES)
    assert len(caught.value.problems) == 1



def test_a_ruleset_that_names_no_deck_is_told_to_name_it_in_the_sweep_file(tmp_path: Path) -> None:
    """Found from outside: a sweep whose ruleset names no deck said "give one with --deck"; sweep has no --deck."""
    from tabletop.content.finding import BUNDLED

    text = (BUNDLED / "rulesets" / "river-basin.toml").read_text(encoding="utf-8")
    (tmp_path / "rules.toml").write_text("\n".join(line for line in text.splitlines()
                                                   if not line.startswith("deck =")), encoding="utf-8")
    spec = tmp_path / "s.toml"
    spec.write_text('[sweep]\nruleset = "rules.toml"\ngames = 1\n\n[[axes]]\nkey = "ruleset.turns"\n'
                    'values = [6, 7]\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_sweep(spec, POLICIES)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.path) == (str(spec), 2, "sweep.ruleset"), problem
    assert "deck = " in problem.message and "--deck" not in problem.message, problem.message


def test_a_collapse_rule_swept_where_no_game_plays_linked_is_said_to_change_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-125): ``ruleset.linked_collapse = ["all", "reopen"]`` on a strict ruleset ran, and
    its two points' results differed by chance alone, which a designer reads as the rule's effect. The sweep runs,
    and says so; with a point that plays linked, it says nothing."""
    spec = tmp_path / "collapse.toml"
    text = ('[sweep]\nruleset = "parallel-tracks"\ngames = 2\nseed = 3\n\n'
            '[[axes]]\nkey = "ruleset.linked_collapse"\nvalues = ["all", "reopen"]\n')
    spec.write_text(text, encoding="utf-8")
    assert load_sweep(spec, POLICIES).inert_keys() == ["ruleset.linked_collapse"]
    assert main(["sweep", str(spec), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"]) == 0
    assert f"tabletop sweep: warning: {spec}:7: axes[0].key: ruleset.linked_collapse changes no game here" in \
        capsys.readouterr().err  # at the key's line, as validate says it
    spec.write_text(text + '\n[[axes]]\nkey = "ruleset.independence"\nvalues = ["strict", "linked"]\n', encoding="utf-8")
    assert load_sweep(spec, POLICIES).inert_keys() == []


def test_a_policy_for_one_actor_beats_one_for_every_team_whatever_their_order(tmp_path: Path) -> None:
    """An axis over ``bots.ru`` before one over ``bots``: Russia plays the point's ``bots.ru``, as its column says
    (found while fixing helper-205's report: the later axis over every team replaced it, the column kept it)."""
    spec = tmp_path / "order.toml"
    spec.write_text('[sweep]\nruleset = "parallel-tracks"\ngames = 2\n\n[[axes]]\nkey = "bots.ru"\n'
                    'values = ["hardliner"]\n\n[[axes]]\nkey = "bots"\nvalues = ["cooperative"]\n', encoding="utf-8")
    sweep = load_sweep(spec, POLICIES)
    [point] = sweep.points
    assert sweep.bots_at(point)["ru"] == sweep.value_at(point, "bots.ru") == "hardliner"
    assert sweep.bots_at(point)["ua"] == "cooperative"


@pytest.mark.parametrize(("lang", "said"), [("ru", "в parallel-tracks нет трека 'border'"),
                                            ("uk", "у parallel-tracks немає треку 'border'")])
def test_a_misspelt_track_is_named_a_track_in_the_room_s_language(lang: str, said: str,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-205): ``--lang ru`` read "в parallel-tracks нет track 'border'", the kind of thing
    named left in English."""
    assert main(["--lang", lang, "validate", str(BROKEN / "misspelt-track.toml")]) == 1
    out = capsys.readouterr().out
    assert said in out and " track '" not in out, out


@pytest.mark.parametrize(("key", "said"), [("meters.trsut.start", "нет шкалы 'trsut'"),
                                           ("moves.pres.target", "нет хода 'pres'")])
def test_a_misspelt_meter_or_move_is_named_so_in_russian(key: str, said: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "s.toml"
    spec.write_text(f'[sweep]\nruleset = "parallel-tracks"\ngames = 2\n\n[[axes]]\nkey = "{key}"\nvalues = [1, 2]\n',
                    encoding="utf-8")
    assert main(["--lang", "ru", "validate", str(spec)]) == 1
    assert said in capsys.readouterr().out


@pytest.mark.parametrize("depth", [40, 5000], ids=["forty", "five-thousand"])
def test_a_ruleset_nested_too_deep_is_blamed_not_the_sweep_file(depth: int, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-359): a sweep of a ruleset with lists nested too deep said
    "grid.toml:2: sweep.ruleset: too deeply nested", as if the sweep file were, and named no line of the ruleset."""
    ruleset = tmp_path / "deep.toml"
    ruleset.write_text('[ruleset]\nid = "deep"\nturns = ' + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    spec = tmp_path / "grid.toml"
    spec.write_text('[sweep]\nruleset = "deep.toml"\ngames = 2\n\n[[axes]]\nkey = "ruleset.turns"\nvalues = [2, 3]\n',
                    encoding="utf-8")
    out = tmp_path / "out"
    assert main(["sweep", str(spec), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"{ruleset}:3: too deeply nested" in err and "sweep.ruleset" not in err, err
    assert "Traceback" not in err and not out.exists()


@pytest.mark.parametrize("name", ["bots-an-array.toml", "point-value-an-array.toml"])
def test_a_value_of_no_kind_a_key_takes_is_one_problem_at_its_key(name: str) -> None:
    """Found from outside (helper-359): a key that takes one of several kinds (a policy or a table of them; a number,
    true/false or a word) was told once per kind, at keys ending in the validator's names for them (.str, .bool, .int,
    .float), one message in its English."""
    with pytest.raises(ContentError) as caught:
        load_sweep(BROKEN / name, POLICIES)
    problems = caught.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    assert not problems[0].path.endswith((".str", ".bool", ".int", ".float")) and "Input should" not in problems[0].message
