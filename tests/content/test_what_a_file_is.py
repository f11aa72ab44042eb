"""validate says what a file it cannot read is, in the words a designer needs (found from outside, helper-94):
a sweep file and a save were "not a ruleset or a deck" and a "TOML syntax error"; a link going round in a loop was
"no such file"; a true where a number goes was "got true/false true"."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.content import ContentError, load_scenario

HERE = Path(__file__).parent
REPO = HERE.parents[1]
MINI_RULESET = HERE / "fixtures" / "rulesets" / "mini.toml"


def _validate(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["validate", str(path)]) == 1
    return capsys.readouterr().out.splitlines()


def test_a_sweep_file_is_checked_as_tabletop_sweep_checks_it(capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``validate`` of a sweep file said it was one, to be checked by ``tabletop sweep``, which
    plays the games once it has checked it; no command checked one without playing it."""
    sweep = REPO / "docs" / "sweeps" / "borders.toml"
    assert main(["validate", str(sweep)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"ok  {sweep}: sweep of ruleset 'parallel-tracks' with deck 'parallel-tracks-events': 7 points of 1000 "
        "games, 7000 games in all; checked, no game played"]


def test_validating_a_sweep_file_says_how_many_games_it_plays_in_all(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: 100 points of 10,000,000 games validated as "100 points of 10000000 games", and the
    sweep started: a billion games, weeks on two cores, said nowhere. No time is said: it depends on the machine."""
    sweep = tmp_path / "huge.toml"
    sweep.write_text('[sweep]\nruleset = "parallel-tracks"\ngames = 10000000\nchunk = 100000\n\n[[axes]]\n'
                     'key = "tracks.borders.breakdown_at"\nvalues = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17]\n\n[[axes]]\n'
                     'key = "ruleset.turns"\nvalues = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15]\n', encoding="utf-8")
    main(["validate", str(sweep)])
    out = capsys.readouterr().out
    assert "100 points of 10000000 games, 1000000000 games in all; checked, no game played" in out, out
    assert main(["--lang", "ru", "validate", str(REPO / "docs" / "sweeps" / "borders.toml")]) == 0
    assert "7000" in capsys.readouterr().out


def test_a_sweep_file_in_a_scenario_folder_is_checked_with_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: with a sweep file kept beside its scenario (its ruleset "relative to the sweep file", as
    the README has it), ``tabletop validate .`` exited 1 on the sweep file. It is checked, and no game is played."""
    (tmp_path / "rulesets").mkdir()
    (tmp_path / "decks").mkdir()
    shutil.copy(MINI_RULESET, tmp_path / "rulesets" / "mini.toml")
    shutil.copy(HERE / "fixtures" / "decks" / "mini-events.toml", tmp_path / "decks" / "mini-events.toml")
    sweep = tmp_path / "gas.toml"
    sweep.write_text('[sweep]\nruleset = "rulesets/mini.toml"\ngames = 10\n\n[[axes]]\nkey = "tracks.alpha.breakdown_at"'
                     '\nvalues = [4, 5]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "."]) == 0
    out = capsys.readouterr().out
    assert "ok  gas.toml: sweep of ruleset 'mini' with deck 'mini-events': 2 points of 10 games, 20 games in all; checked, no game " \
           "played" in out.splitlines(), out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decks", "gas.toml", "rulesets"]  # no sweep folder written
    sweep.write_text(sweep.read_text(encoding="utf-8").replace("tracks.alpha", "tracks.alfa"), encoding="utf-8")
    assert main(["validate", "."]) == 1
    out = capsys.readouterr().out
    assert "gas.toml:6: axes[0].key: no track 'alfa' in mini (did you mean 'alpha'?) (known: alpha, beta)" in out, out
    assert "1 problem in 1 file" in out and "ok  rulesets/mini.toml" in out, out


@pytest.mark.parametrize("name", ["game.jsonl", "game.toml"])
def test_a_save_is_told_to_go_to_tabletop_verify(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save = tmp_path / name
    shutil.copy(REPO / "tests" / "report" / "fixtures" / "tiny-game.jsonl", save)
    assert _validate(save, capsys) == [
        f"{save}:1: this is a save (a .jsonl file), not a ruleset or a deck: check a save with tabletop verify FILE",
        "1 problem in 1 file"]


def test_a_json_file_that_is_not_a_save_is_still_a_toml_syntax_error(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "schema.toml"
    other.write_text('{"type": "object"}\n', encoding="utf-8")
    assert _validate(other, capsys)[0].startswith(f"{other}:1: TOML syntax error")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_to_nothing_is_said_to_be_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop, other, gone = tmp_path / "loop1.toml", tmp_path / "loop2.toml", tmp_path / "gone.toml"
    loop.symlink_to(other)
    other.symlink_to(loop)
    gone.symlink_to(tmp_path / "deleted.toml")
    said = ("a symbolic link that leads to no file (the file it names is missing, or the links go round in a loop)")
    for link in (loop, gone):
        assert _validate(link, capsys) == [f"{link}: {said}", "1 problem in 1 file"]
        assert main(["play", "--ruleset", str(link), "--save", str(tmp_path / "s.jsonl")]) == 1
        assert capsys.readouterr().err.strip() == f"tabletop play: {link}: {said}"
    assert _validate(tmp_path / "nothing.toml", capsys)[0] == f"{tmp_path / 'nothing.toml'}: no such file or directory"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_folder_holding_a_link_that_loops_is_validated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-114): ``validate FOLDER`` with a link to itself in it was a traceback
    ("RuntimeError: Symlink loop", from following the link to compare files); given alone it was said."""
    folder = tmp_path / "scenario"
    folder.mkdir()
    (folder / "mini.toml").write_text(MINI_RULESET.read_text(encoding="utf-8"), encoding="utf-8")
    loop = folder / "loop.toml"
    loop.symlink_to(loop)
    said = "a symbolic link that leads to no file (the file it names is missing, or the links go round in a loop)"
    code = main(["validate", str(folder)])
    out = capsys.readouterr()
    assert code == 1 and "Traceback" not in out.err + out.out, out
    assert f"{loop}: {said}" in out.out + out.err, out


def test_a_very_long_unknown_key_is_cut_where_it_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-114): a 20,000-character key in [ruleset] made one line of 40 KB (the key named
    twice, in the path and in the message), where a long value is cut."""
    ruleset = tmp_path / "mini.toml"
    key = "x" * 20_000
    ruleset.write_text(MINI_RULESET.read_text(encoding="utf-8").replace("turns = 4", f"turns = 4\n{key} = 1"),
                       encoding="utf-8")
    said = _validate(ruleset, capsys)
    assert said[-1] == "1 problem in 1 file", said
    assert len(said[0]) < 600 and "x" * 60 not in said[0] and "x" * 59 + "\u2026" in said[0] and "unknown key" in said[0], said[0][:400]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_deck_beside_the_ruleset_that_is_a_pipe_is_said_to_be_one(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-114): the deck a ruleset names, beside it, was a named pipe: validate said "ok …
    deck 'mini-events' not found beside it, checked alone" and exited 0; simulate then said there was no deck."""
    (tmp_path / "rulesets").mkdir()
    (tmp_path / "decks").mkdir()
    ruleset = tmp_path / "rulesets" / "mini.toml"
    ruleset.write_text(MINI_RULESET.read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(tmp_path / "decks" / "mini-events.toml")
    said = "\n".join(_validate(ruleset, capsys))
    assert "named pipe" in said and "not found beside it" not in said, said
    assert main(["simulate", "--ruleset", str(ruleset), "--games", "1"]) == 1
    err = capsys.readouterr().err
    assert "named pipe" in err and "Traceback" not in err, err


def test_true_where_a_number_goes_is_said_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ruleset = tmp_path / "mini.toml"
    text = MINI_RULESET.read_text(encoding="utf-8")
    ruleset.write_text(text.replace("turns = 4", "turns = true"), encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("turns = 4"))
    assert _validate(ruleset, capsys) == [f"{ruleset}:{line}: ruleset.turns: expected a whole number, got true",
                                          "1 problem in 1 file"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_save_that_is_a_link_to_no_file_is_said_to_be_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-96): ``play --save`` of a link to no file said "a save is never overwritten ...
    a disk with room", and verify "no such file"."""
    link = tmp_path / "dangling.jsonl"
    link.symlink_to(tmp_path / "nowhere.jsonl")
    said = ("a symbolic link that leads to no file (the file it names is missing, or the links go round in a loop)")
    for command in (["verify"], ["resume"], ["report"]):
        assert main([*command, str(link)]) != 0
        out = capsys.readouterr()
        assert said in out.out + out.err, (command, out)
    assert main(["play", "--save", str(link)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"tabletop play: {link} is a symbolic link that leads to no file; give --save the name of a new file")
    assert not (tmp_path / "nowhere.jsonl").exists()


def test_play_and_host_do_not_send_a_file_that_is_no_save_to_resume(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-97): ``play --save sweep.toml`` said "a save is never overwritten (use tabletop
    resume sweep.toml)", and resume then said it is not a save."""
    sweep = tmp_path / "sweep.toml"
    shutil.copy(REPO / "docs" / "sweeps" / "borders.toml", sweep)
    assert main(["play", "--save", str(sweep)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"tabletop play: {sweep} already exists and is not a save; give --save the name of a new file")
    assert main(["host", "--save", str(sweep), "--headless"]) == 1
    assert "already exists and is not a save" in capsys.readouterr().err
    from tabletop import load_scenario
    from tabletop.play.session import Session

    save = tmp_path / "game.jsonl"  # the bundled scenario's: a header of ~220 KB, its format and chain far apart
    Session.start(load_scenario("parallel-tracks"), 3, save).close()
    assert main(["play", "--save", str(save)]) == 1
    assert "(use tabletop resume" in capsys.readouterr().err  # a save: resume is the way on
    assert sweep.read_bytes() == (REPO / "docs" / "sweeps" / "borders.toml").read_bytes()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_resume_of_links_in_a_loop_says_so_and_sends_nowhere(tmp_path: Path) -> None:
    """Found from outside (helper-97): "cannot open the save for writing: Too many levels of symbolic links. To look
    at the game without writing: tabletop replay loopa", and replay then failed."""
    from tabletop.play.session import Session
    from tabletop.store import SaveError

    loop, other = tmp_path / "loopa.jsonl", tmp_path / "loopb.jsonl"
    loop.symlink_to(other)
    other.symlink_to(loop)
    with pytest.raises(SaveError) as refused:
        Session.resume(loop)
    assert "a symbolic link that leads to no file" in str(refused.value) and refused.value.kind == "missing"


def test_a_deck_given_with_deck_that_does_not_fit_is_said_of_the_option_not_the_ruleset_s_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-97): ``--deck river-basin-events`` with a ruleset naming a deck that fits was
    blamed on the ruleset's ``deck`` line; with the bundled ruleset, 62 lines in the bundled deck's file."""
    first = ("tabletop's deck 'river-basin-events' is not written for this ruleset: 62 problems in it, the first: "
             "cards[0].track: unknown track 'flow-allocation'")
    for ruleset in (str(MINI_RULESET), "parallel-tracks"):
        assert main(["simulate", "--ruleset", ruleset, "--deck", "river-basin-events", "--games", "1"]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(f"tabletop simulate: --deck river-basin-events: {first}"), err


@pytest.mark.parametrize(("condition", "said"), [
    ("{ tension = { at_most = -1 } }", "a track's tension is never below 0: tension.at_most = -1 never holds"),
    ("{ progress = { at_most = -1 } }", "a track's position is never below 0: progress.at_most = -1 never holds")])
def test_a_track_condition_below_zero_is_refused(condition: str, said: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-97): refused for a meter, accepted for a track's tension or position."""
    ruleset = tmp_path / "mini.toml"
    text = MINI_RULESET.read_text(encoding="utf-8")
    ruleset.write_text(text.replace('fail_effects = [ { tension = 1 } ]',
                                    f'fail_effects = [ {{ tension = 1 }} ]\nrequires = [ {condition} ]', 1),
                       encoding="utf-8")
    lines = _validate(ruleset, capsys)
    assert any(line.endswith(f"moves[0].requires[0].{said.split(': ')[1].split(' ')[0]}: {said}") for line in lines), lines


def test_verify_names_a_toml_file_and_a_save_an_editor_gave_a_bom(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helpers 96 and 97): a sweep file given to verify was "not a tabletop save" and no more;
    a save with a byte order mark was "damaged at byte 0" with nothing to do about it."""
    sweep = REPO / "docs" / "sweeps" / "borders.toml"
    for command in ("verify", "report"):
        assert main([command, str(sweep)]) == 1
        said = capsys.readouterr()
        assert ("not a tabletop save: a TOML file (a ruleset, a deck or a sweep file); tabletop validate checks a "
                "ruleset or a deck, tabletop sweep runs a sweep file") in said.out + said.err, said
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + (REPO / "tests" / "report" / "fixtures" / "tiny-game.jsonl").read_bytes())
    assert main(["verify", str(bom)]) == 1
    assert "the file starts with a byte order mark" in capsys.readouterr().out
    plain = tmp_path / "plain.jsonl"
    plain.write_bytes(bom.read_bytes()[3:])  # as told: the three bytes taken off
    assert main(["verify", str(plain)]) == 0


def test_a_deck_that_does_not_fit_is_said_of_the_api_s_argument_not_an_option_never_typed() -> None:
    """Found from outside (helper-221): ``load_scenario("parallel-tracks", deck="river-basin-events")`` in a
    notebook said ``--deck river-basin-events: …``, a flag no one typed; the command line keeps ``--deck``
    (the test above)."""
    with pytest.raises(ContentError) as refused:
        load_scenario("parallel-tracks", deck="river-basin-events")
    (problem,) = refused.value.problems
    assert problem.file == "deck river-basin-events" and "--deck" not in str(refused.value)
    assert problem.message.startswith("tabletop's deck 'river-basin-events' is not written for this ruleset")


@pytest.mark.parametrize(("ruleset", "deck", "said"), [
    ("", None, "ruleset: no ruleset given (an empty name): name a ruleset file or a bundled ruleset id (bundled: "),
    ("  ", None, "ruleset: no ruleset given (an empty name): name a ruleset file or a bundled ruleset id (bundled: "),
    ("parallel-tracks", "", "deck: no deck given (an empty name): name a deck file or a bundled deck id (bundled: "),
])
def test_an_empty_name_is_said_to_name_nothing(ruleset: str, deck: str | None, said: str) -> None:
    """Found from outside (helper-221): ``load_scenario("")`` said ``.: is a directory``, the empty name read as
    the working folder."""
    with pytest.raises(ContentError) as refused:
        load_scenario(ruleset, deck)
    assert str(refused.value).startswith(said) and "parallel-tracks" in str(refused.value)
    assert "directory" not in str(refused.value)


def test_an_empty_file_is_told_every_kind_validate_takes_and_a_sweep_file_its_sweep_table(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-360): ``validate`` of an empty sweep file said "expected a [ruleset] or a [deck]
    table", where ``tabletop sweep`` says [sweep]. A file named like a sweep file (in a ``sweeps`` folder, or
    "sweep" in its name) is told what tabletop sweep tells it; any other, every kind validate takes."""
    (tmp_path / "sweeps").mkdir()
    for sweep in (tmp_path / "sweeps" / "gas.toml", tmp_path / "gas-sweep.toml"):
        sweep.write_text("")
        assert main(["sweep", str(sweep)]) != 0
        told = capsys.readouterr().err.splitlines()[0].removeprefix("tabletop sweep: ")
        assert "[sweep]" in told, told
        assert _validate(sweep, capsys)[0] == told
    notes = tmp_path / "notes.toml"
    notes.write_text("\n")
    assert _validate(notes, capsys)[0] == f"{notes}:1: file is empty: expected a [ruleset], a [deck] or a [sweep] table"
