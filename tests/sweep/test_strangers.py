"""Files in a sweep's folder that are not its plan's whole chunks: named by --resume and the report, never counted.

Found from outside: a valid chunk of point 1 copied into point 0 under another name was taken by --resume and
counted by the report ("950 of 900 games in 3 points"), and under the same name it changed point 0's shares
without a word; a folder point=7 was left out by the report but counted by the query it prints; a file that is
not Parquet passed --resume, then the report refused the whole folder. Each case is a small change to a whole
sweep (four points of two chunks of three games); --resume refuses it naming the file, and deletes nothing; the
report refuses it naming the file; moved out, --resume plays what is missing and the rows are the sweep's own.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.content.sweepfile import load_sweep
from tabletop.sim import POLICIES
from tabletop.sim.cluster import Backend
from tabletop.sim.sweep import SweepRefused, run_sweep

from .kit import rows, write_spec


def _fewer_rows(out: Path) -> Path:
    import pyarrow.parquet as pq

    chunk = out / "point=0" / "games-000000003.parquet"
    pq.write_table(pq.read_table(chunk).slice(0, 2), chunk)
    return chunk


def _copied(source: str, target: str) -> Callable[[Path], Path]:
    def make(out: Path) -> Path:
        (out / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(out / source, out / target)
        return out / target
    return make


def _written(target: str, data: bytes) -> Callable[[Path], Path]:
    def make(out: Path) -> Path:
        (out / target).parent.mkdir(parents=True, exist_ok=True)
        (out / target).write_bytes(data)
        return out / target
    return make


def _both(first: Callable[[Path], Path], then: Callable[[Path], Path]) -> Callable[[Path], Path]:
    def make(out: Path) -> Path:
        first(out)
        return then(out)
    return make


CASES = {
    "another-point-s-chunk-under-a-new-name": (
        _copied("point=1/games-000000000.parquet", "point=0/games-000000006.parquet"), "not one of the plan's chunks"),
    "another-point-s-chunk-under-the-same-name": (
        _copied("point=1/games-000000003.parquet", "point=0/games-000000003.parquet"),
        "holds games of another point (bots_ru is not cooperative)"),
    "a-folder-of-no-point": (
        _copied("point=1/games-000000000.parquet", "point=7/games-000000000.parquet"), "not one of the plan's points"),
    # DuckDB's glob reads a hidden .parquet file too
    "hidden": (_copied("point=1/games-000000000.parquet", "point=1/.games-000000000.parquet"),
               "not one of the plan's chunks"),
    "not-parquet": (_written("point=0/stray.parquet", b"not a chunk\n"), "not one of the plan's chunks"),
    # found from outside: a folder beside the points was named only for the .parquet files in it, and its other
    # files still failed README's pyarrow read of the folder; it is named once, as the folder, whatever it holds
    "a-folder-beside-the-points": (
        _both(_written("old/notes.txt", b"borders at 8\n"),
              _copied("point=1/games-000000000.parquet", "old/games.parquet")), "not one of the sweep's folders"),
    "a-chunk-of-fewer-games": (_fewer_rows, "holds 2 games where the chunk has 3"),
    # found from outside: a report written into the folder, a notes.txt, were taken silently by the report and
    # --resume, and README's pyarrow read of the folder failed on them
    "a-report-in-the-folder": (_written("r.html", b"<html></html>\n"), "not one of the sweep's files"),
    "notes-in-the-folder": (_written("notes.txt", b"borders at 8\n"), "not one of the sweep's files"),
}


@pytest.fixture(scope="module")
def swept(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("swept")
    spec = write_spec(folder)  # points: (6, cooperative), (6, hardliner), (9, cooperative), (9, hardliner)
    run_sweep(load_sweep(spec, POLICIES), folder / "out", Backend())
    return spec, folder / "out"


@pytest.mark.parametrize("case", list(CASES))
def test_a_stranger_is_named_never_counted_and_never_deleted(case: str, swept: tuple[Path, Path], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    spec, whole = swept
    out = tmp_path / "out"
    shutil.copytree(whole, out)
    make, why = CASES[case]
    stranger = make(out)
    kept = stranger.read_bytes()
    folder = {"a-folder-of-no-point": "point=7", "a-folder-beside-the-points": "old"}.get(case)
    shown = folder or str(stranger.relative_to(out))

    assert main(["sweep", "report", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{shown}: {why}" in err and "Traceback" not in err and len(err.splitlines()) == 1, err
    assert folder is None or f"{folder}/" not in err, err  # a folder is named as the folder, not file by file

    with pytest.raises(SweepRefused) as refused:
        run_sweep(load_sweep(spec, POLICIES), out, Backend(), resume=True)
    assert f"{shown}: {why}" in str(refused.value) and "Move" in str(refused.value), refused.value
    assert stranger.read_bytes() == kept  # nothing deleted, nothing written over

    moved = tmp_path / "moved"
    shutil.move(out / shown, moved)
    run_sweep(load_sweep(spec, POLICIES), out, Backend(), resume=True)
    assert rows(out) == rows(whole)
    assert main(["sweep", "report", str(out)]) == 0
    assert "24 of 24 games in 4 points" in capsys.readouterr().out


def test_the_report_is_not_written_into_the_sweep_s_folder(swept: tuple[Path, Path], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``sweep report out/f --format html -o out/f/r.html`` wrote the page into the folder,
    where a reader of the folder as a dataset (README's pyarrow line) then failed on it."""
    _spec, whole = swept
    out = tmp_path / "out"
    shutil.copytree(whole, out)
    for page in (out / "r.html", out / "point=0" / "r.html"):
        assert main(["sweep", "report", str(out), "--format", "html", "-o", str(page)]) == 2
        err = capsys.readouterr().err
        assert f"{page} is inside the sweep's folder" in err and len(err.splitlines()) == 1, err
        assert not page.exists()
    assert main(["sweep", "report", str(out), "-o", str(tmp_path / "r.md")]) == 0


def test_the_printed_query_counts_what_the_report_counts(swept: tuple[Path, Path]) -> None:
    import duckdb

    from tabletop.report.sweepdata import summarise

    _spec, out = swept
    summary = summarise(out)
    con = duckdb.connect()
    try:
        counted = sum(r[-1] for r in con.execute(summary["query"]).fetchall())  # games, the last column
    finally:
        con.close()
    assert counted == summary["games"] == 24


def test_a_damaged_chunk_of_the_plan_is_named_by_the_report_and_played_again_by_resume(
        swept: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec, whole = swept
    out = tmp_path / "out"
    shutil.copytree(whole, out)
    chunk = out / "point=2" / "games-000000000.parquet"
    chunk.write_bytes(chunk.read_bytes()[:100])
    assert main(["sweep", "report", str(out)]) == 1
    assert "point=2/games-000000000.parquet: does not read as Parquet" in capsys.readouterr().err
    outcome = run_sweep(load_sweep(spec, POLICIES), out, Backend(), resume=True)
    assert (outcome.played, outcome.skipped) == (3, 21) and rows(out) == rows(whole)


def test_a_true_or_false_point_is_named_as_the_sweep_file_writes_it(tmp_path: Path) -> None:
    """Found from outside: a chunk of another point on an axis of true and false was said to hold games where
    "linked is not True", Python's word, not the file's."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tabletop.store.sweepchunks import _check_chunk

    chunk = tmp_path / "games-000000000.parquet"
    pq.write_table(pa.table({"game": [0, 1], "seed": [5, 6], "sealed": [False, False]}), chunk)
    why, unreadable = _check_chunk(chunk, {"values": {"sealed": True}}, {"sealed": "sealed"}, 0, 2)
    assert (why, unreadable) == ("holds games of another point (sealed is not true)", False)
