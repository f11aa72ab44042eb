"""``tabletop simulate --save-dir`` keeps every game, and keeping them changes no number."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tabletop.engine.rng import derive_seed
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify

from .savekit import tabletop

SEED = 11


def _report(*extra: str, games: int = 3) -> dict:
    done = tabletop("simulate", "--ruleset", "parallel-tracks", "--games", str(games), "--seed", str(SEED), "--json",
                    *extra)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    del report["elapsed_s"]
    return report


def test_simulate_writes_one_intact_save_per_game(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    plain = _report()
    kept = _report("--save-dir", str(saves))
    assert kept == plain

    files = sorted(saves.iterdir())
    assert [f.name for f in files] == [
        f"parallel-tracks-game-{i:05d}-seed-{derive_seed(SEED, i)}.jsonl" for i in range(3)
    ]
    statuses: dict[str, Counter] = {tid: Counter() for tid in plain["tracks"]}
    for i, path in enumerate(files):
        report = verify(path)
        assert report.ok, report.lines()
        save = open_save(path)
        assert save.header["seed"] == derive_seed(SEED, i)
        assert save.header["simulated"] is True
        assert save.header["scenario"]["ruleset_id"] == "parallel-tracks"
        final = save.final_state()
        assert final.over is True
        for tid, track in final.tracks.items():
            statuses[tid][track.status] += 1
    # the saves tell the same story as the report
    for tid, row in plain["tracks"].items():
        assert {s: row[s] for s in ("agreed", "collapsed", "deferred", "open")} == {
            s: statuses[tid][s] for s in ("agreed", "collapsed", "deferred", "open")
        }


def test_saving_many_games_matches_the_parallel_run(tmp_path: Path) -> None:
    """With 8 games and 2 workers the plain run uses a process pool; saving plays them in order."""
    saves = tmp_path / "saves"
    assert _report("--save-dir", str(saves), "--workers", "2", games=8) == _report("--workers", "2", games=8)
    assert len(list(saves.iterdir())) == 8
    assert all(verify(path).ok for path in saves.iterdir())


def test_simulate_again_into_the_same_dir_never_overwrites(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    _report("--save-dir", str(saves))
    first = {p.name: p.read_bytes() for p in saves.iterdir()}
    _report("--save-dir", str(saves))
    after = {p.name: p.read_bytes() for p in saves.iterdir()}
    assert len(after) == 6
    assert {name: after[name] for name in first} == first
    assert sorted(set(after) - set(first)) == sorted(name.replace(".jsonl", "-2.jsonl") for name in first)
    assert all(verify(saves / name).ok for name in after)


def test_simulate_save_dir_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "saves"
    blocker.write_text("not a folder")
    done = tabletop("simulate", "--games", "1", "--save-dir", str(blocker), "--json")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"tabletop simulate: cannot create --save-dir {blocker}: ")
    # found from outside (helper-150): "File exists", of a save, a FIFO, /dev/null; what is in the way, now
    assert "it is not a folder (a file, a pipe or a device has that name)" in done.stderr, done.stderr
    assert blocker.read_text() == "not a folder"


def test_saving_in_parallel_writes_the_same_games(tmp_path: Path) -> None:
    """Workers write their own games' saves: the same files, events and states as one process writes."""
    runs = {}
    for workers in ("1", "2"):
        folder = tmp_path / f"w{workers}"
        done = tabletop("simulate", "--games", "10", "--seed", "5", "--workers", workers, "--save-dir", str(folder), "--json")
        assert done.returncode == 0, done.stderr
        runs[workers] = {p.name: p for p in folder.glob("*.jsonl")}
    assert sorted(runs["1"]) == sorted(runs["2"]) and len(runs["1"]) == 10
    for name, path in runs["2"].items():
        assert verify(path).ok
        one, two = open_save(runs["1"][name]), open_save(path)
        assert [(e.seq, e.action, e.state) for e in one.events] == [(e.seq, e.action, e.state) for e in two.events]


def test_a_simulated_save_records_which_bot_played_whom(tmp_path: Path) -> None:
    """The debrief of a simulated game names each actor's bot policy, as the game drew it."""
    from tabletop.content.loader import load_scenario
    from tabletop.report import build_report
    from tabletop.sim.bots import POLICIES
    from tabletop.sim.saving import play_and_save

    scenario = load_scenario("parallel-tracks")
    result = play_and_save(scenario, 5, None, 0, tmp_path)
    path = next(tmp_path.glob("*.jsonl"))
    seats = open_save(path).header["seats"]
    assert seats == result.policies and set(seats.values()) <= set(POLICIES)
    players = {p["actor"]: p for p in build_report(path)["players"]}
    for actor in scenario.ruleset.actors:
        assert players[actor.id]["kind"] == "bot" and players[actor.id]["bot"] == seats[actor.id]


def test_drafts_left_by_a_killed_run_are_removed_by_the_next_one(tmp_path: Path) -> None:
    """Found from outside (helper-124): ``simulate --save-dir`` killed with -9 left hidden drafts
    (``.NAME.PID.HEX.tmp``, 220 KB each) that no later run removed. A run removes those of processes that are gone,
    and keeps a running process's draft and every other file."""
    import os
    import subprocess
    import sys

    saves = tmp_path / "saves"
    saves.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    dead = int(gone.stdout)  # a process that has ended (its id not yet taken again, as a rule)
    stale = saves / f".parallel-tracks-game-00000-seed-1.jsonl.{dead}.d2f126cb.tmp"
    live = saves / f".parallel-tracks-game-00001-seed-2.jsonl.{os.getpid()}.0a1b2c3d.tmp"
    other = saves / ".notes.tmp"
    for path in (stale, live, other):
        path.write_text("{", encoding="utf-8")
    _report("--save-dir", str(saves))
    assert not stale.exists()
    assert live.exists() and other.exists()
    assert len([p for p in saves.iterdir() if p.suffix == ".jsonl"]) == 3
