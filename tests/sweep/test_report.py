"""``tabletop sweep report DIR``: the DuckDB summary as Markdown and as a self-contained HTML page."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest

from tabletop.cli import main
from tabletop.content.sweepfile import load_sweep
from tabletop.sim import POLICIES
from tabletop.sim.cluster import Backend
from tabletop.sim.sweep import run_sweep

from .kit import GRID, write_spec


@pytest.fixture(scope="module")
def swept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("swept")
    run_sweep(load_sweep(write_spec(folder), POLICIES), folder / "out", Backend())
    return folder / "out"


def test_markdown_has_a_row_per_point_and_track(swept: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sweep", "report", str(swept)]) == 0
    text = capsys.readouterr().out
    assert "24 of 24 games in 4 points (6 per point)" in text
    assert "| point | borders_breakdown_at | bots_ru | games | agreed | collapsed | deferred | open |" in text
    borders = text.split("## Borders")[1].split("## ")[0]
    assert len(re.findall(r"^\| [0-3] \| [69] \| (cooperative|hardliner) \| 6 \|", borders, re.M)) == 4
    assert "FROM '" + str(swept) + "/**/*.parquet'" in text


def test_html_is_one_page_with_a_chart_per_track_and_key(swept: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "sweep.html"
    assert main(["sweep", "report", str(swept), "--format", "html", "-o", str(page)]) == 0
    said = capsys.readouterr()
    assert said.out == "" and said.err.strip() == f"Report written to {page}"  # as tabletop report -o says it
    html = page.read_text(encoding="utf-8")
    tracks = len(load_sweep(write_spec(tmp_path), POLICIES).scenario.ruleset.tracks)
    assert html.count("<svg ") == 2 * (tracks + 1)  # each key: one per track, and agreements per game
    assert "<script" not in html and "http" not in html.split("<svg", 1)[1].replace("http://www.w3.org", "")
    assert main(["sweep", "report", str(swept), "--format", "html", "-o", str(page)]) == 1  # never overwritten


def test_one_chart_as_an_svg_file(swept: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sweep", "report", str(swept), "--svg", "borders_breakdown_at:borders"]) == 0
    svg = capsys.readouterr().out
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and "Borders: how games end" in svg
    assert main(["sweep", "report", str(swept), "--svg", "nope:borders"]) == 2
    assert "write KEY:TRACK_ID" in capsys.readouterr().err


def test_the_svg_file_s_description_is_the_html_chart_s(swept: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``--svg tracks.borders.breakdown_at:borders`` wrote ``<desc id="sweep-desc"></desc>``
    empty, where the same chart in the HTML report says what it shows (a screen reader reads it)."""
    assert main(["sweep", "report", str(swept), "--svg", "tracks.borders.breakdown_at:borders"]) == 0
    desc = re.search(r'<desc id="sweep-desc">(.*?)</desc>', capsys.readouterr().out, flags=re.S)
    page = tmp_path / "page.html"
    assert main(["sweep", "report", str(swept), "--format", "html", "-o", str(page)]) == 0
    chart = re.search(r'<desc id="sweep-0-0-desc">(.*?)</desc>', page.read_text(encoding="utf-8"), flags=re.S)
    assert desc and chart and chart.group(1), (desc, chart)
    assert desc.group(1) == chart.group(1) == ("Share of games Borders ended agreed, collapsed, deferred or open, for "
                                               "each value of tracks.borders.breakdown_at")


def test_an_unfinished_sweep_says_what_is_missing(swept: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    partial = tmp_path / "partial"
    shutil.copytree(swept, partial)
    next(partial.glob("point=2/*.parquet")).unlink()
    assert main(["sweep", "report", str(partial)]) == 0
    text = capsys.readouterr().out
    assert "21 of 24 games" in text and "3 games are missing (run it again with --resume)" in text
    # how sure a share is, from the games a point has so far (point 2 has 3 of its 6), not the games planned
    assert "With 3 games a point, a point's share is within \u00b1" in text and "With 6 games" not in text
    assert "has no games yet" not in text  # point 2 has three
    # found from outside (helper-114): points with no games at all were left out of the tables without a word
    for chunk in partial.glob("point=[13]/*.parquet"):
        chunk.unlink()
    assert main(["sweep", "report", str(partial)]) == 0
    assert "Points 1, 3 have no games yet." in capsys.readouterr().out  # named, and listed in the tables (below)


@pytest.mark.parametrize(("setup", "message"), [
    (lambda d: None, "no such folder"),
    # found from outside: a file given where the folder goes read "no such folder"
    (lambda d: d.write_text("rows\n", encoding="utf-8"), "is a file, not a sweep folder"),
    (lambda d: d.mkdir(), "not a sweep folder (no sweep.json)"),
    # found from outside (helper-153): a FIFO was "a file", a loop of links "no such folder"
    (lambda d: os.mkfifo(d), "it is not a folder (a file, a pipe or a device has that name)"),
    (lambda d: (d.symlink_to(d.with_name("e")), d.with_name("e").symlink_to(d)), "it is a link that leads to no folder"),
    (lambda d: (d.mkdir(), (d / "sweep.json").write_text("{", encoding="utf-8")), "damaged or not written by tabletop sweep"),
    (lambda d: (d.mkdir(), (d / "sweep.json").write_text('{"plan": {"games": 3, "points": [], "tracks": [1], '
                                                         '"actors": {}, "keys": {}}}', encoding="utf-8")),
     "damaged or not written by tabletop sweep"),
])
def test_a_folder_that_is_not_a_sweep(setup, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    setup(tmp_path / "d")
    assert main(["sweep", "report", str(tmp_path / "d")]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_without_the_extra_the_command_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 1, what the machine lacks, not 2, a command typed wrong (found from outside, helper-306: exit 2 and only
    a checkout's command for a tabletop installed from a wheel)."""
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in ("pyarrow", "duckdb", "distributed") else real(name, *a))
    assert main(["sweep", str(write_spec(tmp_path)), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    # tabletop's own Python's pip, which keeps the tabletop installed (a wheel's or a checkout's) and adds the extra:
    # "tabletop[cluster]" from PyPI, which a pip without tabletop fetches, is another project (found from outside)
    wheel = f"{shlex.quote(sys.executable)} -m pip install 'tabletop[cluster]'"
    assert f"needs pyarrow, which is not installed: add the cluster extra with tabletop's own Python: {wheel}" in err
    assert err.index(wheel) < err.index("in a checkout's folder: .venv/bin/pip install -e '.[cluster]'"), err
    assert main(["sweep", "report", str(tmp_path)]) == 1
    assert "needs duckdb" in capsys.readouterr().err
    assert main(["simulate", "--games", "3", "--cluster", "local:1"]) == 1
    assert "needs distributed" in capsys.readouterr().err
    assert main(["simulate", "--games", "3", "--cluster", "local:0"]) == 2  # typed wrong first, extra or not
    assert "write local:N" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(("code", "words"), [("ru", "Сыграно игр: 24 из 24; точек: 4"), ("uk", "Зіграно ігор: 24 з 24; точок: 4")])
def test_the_summary_in_another_language_has_the_same_figures(
    swept: Path, capsys: pytest.CaptureFixture[str], code: str, words: str
) -> None:
    assert main(["sweep", "report", str(swept)]) == 0
    english = capsys.readouterr().out
    assert main(["sweep", "report", str(swept), "--lang", code]) == 0
    shown = capsys.readouterr().out
    assert words in shown and "games in" not in shown
    rows = [line for line in shown.splitlines() if line.startswith("|")]
    assert len(rows) > 10
    # the same figures, each decimal written with a comma, as Russian and Ukrainian write it
    assert not [r for r in rows if re.search(r"\d\.\d", r)] and any(re.search(r"\d,\d", r) for r in rows)
    rows = [re.sub(r"(\d),(\d)", r"\1.\2", r) for r in rows]
    assert [re.findall(r"\d+(?:\.\d+)?", r) for r in rows] == [
        re.findall(r"\d+(?:\.\d+)?", r) for r in english.splitlines() if r.startswith("|")]


def test_a_report_in_russian_names_the_tracks_and_actors_in_russian(swept: Path, capsys: pytest.CaptureFixture[str]
                                                                    ) -> None:
    """Found from outside: ``sweep report --lang ru`` headed its sections "## Strategic stability" and its
    columns "Russia | Ukraine", and titled its charts "Water allocation: чем заканчиваются игры", where
    simulate, replay and the game report say the scenario's own Russian names."""
    assert main(["--lang", "ru", "sweep", "report", str(swept)]) == 0
    text = capsys.readouterr().out
    assert "## Границы" in text and "## Borders" not in text, text[:600]
    assert "Россия" in text and "Russia" not in text
    assert main(["--lang", "ru", "sweep", "report", str(swept), "--svg", "borders_breakdown_at:borders"]) == 0
    assert "Границы: " in capsys.readouterr().out


def test_the_report_is_titled_with_the_scenario_s_name_in_the_language_shown(
        swept: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-107): "# Sweep of aquifer" and "# Серия игр по aquifer", the ruleset's id, where
    the scenario is named ("The Shared Aquifer") and translated. A folder made before the name was kept: the id."""
    import json

    from tabletop.content.loader import load_scenario
    from tabletop.content.overlays import translated

    sc = load_scenario("parallel-tracks")
    assert main(["sweep", "report", str(swept)]) == 0
    assert capsys.readouterr().out.startswith(f"# Sweep of {sc.ruleset.ruleset.name}\n")
    assert main(["--lang", "ru", "sweep", "report", str(swept)]) == 0
    ru = translated(sc, "ru").ruleset.ruleset.name
    # (quoted: "Серия игр по Параллельные треки…" did not decline the name, found from outside by helper-114)
    assert ru != sc.ruleset.ruleset.name and capsys.readouterr().out.startswith(f"# Серия игр: «{ru}»\n")
    plan = swept / "sweep.json"
    kept = plan.read_text(encoding="utf-8")
    try:
        older = json.loads(kept)
        older["plan"].pop("title")
        for names in older["plan"]["names"].values():
            names.pop("title")
        plan.write_text(json.dumps(older), encoding="utf-8")
        assert main(["sweep", "report", str(swept)]) == 0
        assert capsys.readouterr().out.startswith("# Sweep of parallel-tracks\n")
    finally:
        plan.write_text(kept, encoding="utf-8")


def test_a_report_piped_into_head_ends_quietly(swept: Path) -> None:
    """Found from outside: `tabletop sweep report out | head -1` said "cannot write None: Broken pipe" and exited 1,
    where simulate, validate and schema piped to head end quietly. Quietly, but never as a success: 141, the
    status of a writer whose reader went away (tests/hostile/test_output_failures.py)."""
    import subprocess
    import sys

    run = subprocess.run(f"'{sys.executable}' -m tabletop sweep report '{swept}' | true; exit ${{PIPESTATUS[0]}}",
                         shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=120)
    assert run.returncode == 141 and run.stderr == "", (run.returncode, run.stderr)


def test_a_chart_over_one_key_says_it_pools_the_other_keys(swept: Path, tmp_path: Path) -> None:
    """Found from outside: with two keys, "Borders: how games end, by borders.breakdown_at" showed each value's
    share over every value of the other key (hardliner and cooperative Russia together) and said nothing of it."""
    page = tmp_path / "sweep.html"
    assert main(["sweep", "report", str(swept), "--format", "html", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    sections = html.split("<h2>Against ")[1:]
    assert len(sections) == 2
    for section, other in zip(sections, ("bots.ru", "tracks.borders.breakdown_at"), strict=True):
        said = section.split("<svg", 1)[0]
        assert "pools" in said and other in said, said


def test_a_long_chart_title_wraps_instead_of_running_off_the_chart() -> None:
    """Found from outside: the Russian sweep page cut "Границы: чем заканчиваются игры в зависимости от
    tracks.borders.breakdov" at the chart's right edge."""
    from html import escape

    from tabletop.report.charts import Series, line_chart

    title = "Стратегическая стабильность: чем заканчиваются игры в зависимости от tracks.strategic-stability.breakdown_at"
    svg = line_chart("c", title, ["3", "5"], [Series("agreed", "agreed", [10.0, 20.0])], 0, 100, "%", escape)
    lines = re.findall(r'<text class="chart-title"[^>]*>([^<]*)</text>', svg)
    assert len(lines) == 2 and " ".join(lines) == title and all(_drawn(line) <= _ROOM for line in lines), lines
    short = line_chart("c", "Borders: how games end, by bots.ru", ["a"], [Series("x", "x", [1.0])], 0, 1, "%", escape)
    assert len(re.findall(r'class="chart-title"', short)) == 1


#: the chart's width left to a title line (the 720-pixel chart less its margins, 52 and 18)
_ROOM = 720 - 52 - 18


def _drawn(text: str) -> float:
    """How wide ``text`` is drawn in the title's bold at 15 px, in pixels: the widths chromium drew for each letter
    (tests/report/fixtures/sans-ems.json) times the widest bold/regular ratio measured (1.13); a space 0.318 em (as
    drawn), a letter not measured there (a Chinese character) one em. Worked out here, not by the code under test."""
    import json
    import unicodedata

    ems = json.loads((Path(__file__).parents[1] / "report" / "fixtures" / "sans-ems.json").read_text(encoding="utf-8"))
    ems = ems["ems"]
    return 15 * 1.13 * sum(0.0 if unicodedata.combining(c) else 0.318 if c == " " else ems.get(c, 1.0) for c in text)


@pytest.mark.parametrize("name", ["水水水水水水水水", "水" * 50, "Водный баланс 水水水水 " * 3],
                         ids=["eight-wide", "fifty-wide-unbroken", "mixed"])
def test_a_chart_title_of_wide_characters_wraps_by_display_width(name: str) -> None:
    """Found from outside (helper-209): a sweep chart of the track "水水水水水水水水" ran past the chart's right edge:
    the title was wrapped at 64 characters, and a Chinese character is drawn twice as wide as a Latin one. A title
    wraps where its drawn width reaches the chart's edge (stop 65: it was 64 terminal cells)."""
    from html import escape

    from tabletop.report.charts import Series, line_chart
    from tabletop.report.sweeppage import _how_games_end

    title = _how_games_end(name, "tracks.water-sharing.breakdown_at")
    svg = line_chart("c", title, ["3", "5"], [Series("agreed", "agreed", [10.0, 20.0])], 0, 100, "%", escape)
    lines = re.findall(r'<text class="chart-title"[^>]*>([^<]*)</text>', svg)
    assert len(lines) >= (2 if _drawn(title) > _ROOM else 1) and all(_drawn(line) <= _ROOM for line in lines), lines
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")  # every character kept, in order
    assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines), lines
    # the chart under the title moves down by a line for each line the title takes
    if len(lines) > 1:
        assert f'<g transform="translate(0 {18 * (len(lines) - 1)})">' in svg
    else:
        assert '<g transform="translate(0 ' not in svg


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
@pytest.mark.timeout(20)
@pytest.mark.parametrize("where", ["sweep.json", "point=0/games-000000000.parquet"])
def test_a_fifo_in_the_folder_is_refused_before_reading(
    swept: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    """Found from outside: `tabletop sweep report DIR` hung for ever when DIR/sweep.json was a FIFO; every other
    reader refuses a special file by name, without opening it. A Parquet file the report reads is the same."""
    import os
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(swept, copy)
    (copy / where).unlink()
    os.mkfifo(copy / where)
    assert main(["sweep", "report", str(copy)]) == 1  # would block for ever if it opened the FIFO to read
    err = capsys.readouterr().err
    assert f"{copy / where}: is not a regular file (a named pipe)" in err and "Traceback" not in err, err


POINTS = """\
[sweep]
ruleset = "parallel-tracks"
games = {games}
seed = 3
chunk = {chunk}

[[points]]
"ruleset.independence" = "strict"
"bots" = "cooperative"

[[points]]
"ruleset.independence" = "linked"
"bots.ru" = "hardliner"

[[points]]
"tracks.borders.breakdown_at" = 6
"""


def test_a_list_of_points_is_charted_point_by_point_not_pooled(tmp_path: Path) -> None:
    """Found from outside: a sweep of three listed points drew "how games end, by ruleset.independence", where
    "strict" pooled a cooperative point with the baseline and "linked" was the hardliner point alone: the bots'
    effect read as the rule's. A list that is not every combination of its keys is charted across its points."""
    from tabletop.report.sweepdata import summarise

    run_sweep(load_sweep(write_spec(tmp_path, games=4, chunk=4, text=POINTS), POLICIES), tmp_path / "out", Backend())
    summary = summarise(tmp_path / "out")
    assert summary["grid"] is False and list(summary["axes"]) == ["point"]
    assert summary["axes"]["point"]["values"] == [0, 1, 2]
    page = tmp_path / "points.html"
    assert main(["sweep", "report", str(tmp_path / "out"), "--format", "html", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "pools" not in html and "A list of points, not a grid" in html
    assert "by ruleset.independence" not in html and "by point" in html


def test_a_full_grid_written_as_points_is_a_grid() -> None:
    from tabletop.report.sweepdata import is_grid

    values = [{"a": a, "b": b} for a in (1, 2) for b in ("x", "y")]
    plan = {"keys": {"k.a": "a", "k.b": "b"}, "points": [{"values": v} for v in values]}
    assert is_grid(plan)
    assert not is_grid({**plan, "points": plan["points"][:3]})  # a combination missing
    assert not is_grid({**plan, "points": [*plan["points"], plan["points"][0]]})  # one twice


def test_an_html_file_asked_for_by_its_name_is_html(swept: Path, tmp_path: Path) -> None:
    """Found from outside: `sweep report DIR -o report.html` without --format wrote Markdown into report.html.
    The suffix names the format when --format does not; --format still wins."""
    named = tmp_path / "named.html"
    assert main(["sweep", "report", str(swept), "-o", str(named)]) == 0
    assert named.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    forced = tmp_path / "forced.html"
    assert main(["sweep", "report", str(swept), "--format", "md", "-o", str(forced)]) == 0
    assert forced.read_text(encoding="utf-8").startswith("# ")
    plain = tmp_path / "plain.txt"
    assert main(["sweep", "report", str(swept), "-o", str(plain)]) == 0
    assert plain.read_text(encoding="utf-8").startswith("# ")


def test_the_printed_query_runs_as_printed_whatever_the_folder_is_called(swept: Path, tmp_path: Path) -> None:
    """Found from outside: with --out "sweeps/o'brien x" the report printed FROM 'sweeps/o'brien x/**/*.parquet',
    and DuckDB answered "unterminated string literal". The quote is doubled, as SQL reads it."""
    import shutil

    import duckdb

    from tabletop.report.sweepdata import one_line_query

    odd = tmp_path / "o'brien x"
    shutil.copytree(swept, odd)
    query = one_line_query(odd)
    con = duckdb.connect()
    try:
        rows = con.execute(query).fetchall()
    finally:
        con.close()
    assert rows and sum(r[2] for r in rows) == 6 * 4  # every game of the four points, read through the query


def test_svg_takes_the_key_as_the_sweep_file_writes_it_and_says_which_half_is_wrong(
        swept: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: --svg tracks.borders.breakdown_at:borders was refused (only the column name was taken),
    and a misspelt track got the same words as a misspelt key."""
    assert main(["sweep", "report", str(swept), "--svg", "tracks.borders.breakdown_at:borders"]) == 0
    assert capsys.readouterr().out.startswith("<svg")
    assert main(["sweep", "report", str(swept), "--svg", "borders_breakdown_at:border"]) == 2
    err = capsys.readouterr().err
    assert "no track 'border'" in err and "borders" in err, err
    assert main(["sweep", "report", str(swept), "--svg", "nope:borders"]) == 2
    assert "no chart by 'nope'" in capsys.readouterr().err
    # found from outside (helper-114): a value with no colon was told "no chart by ''"
    assert main(["sweep", "report", str(swept), "--svg", "bogus"]) == 2
    err = capsys.readouterr().err
    assert "a key and a track, with a colon between them, are needed" in err and "''" not in err, err


def test_each_share_says_how_sure_it_is_and_numbers_are_spaced_as_numbers(swept: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: a designer read "deferred 33.3% against 50.0%" from 6 games a point as a difference, and
    a key's values 5, 6, 8 were drawn evenly spaced. The summary says how far a share may be from what more games
    would give, each chart draws every share's 95% interval as a bar and says how many games stand behind each
    value, and a numeric key's values stand at their numbers along x."""
    from tabletop.report.charts import Series, line_chart
    from tabletop.report.sweeppage import wilson

    low, high = wilson(0.5, 100)
    assert (round(low, 1), round(high, 1)) == (40.4, 59.6)
    low, high = wilson(0.0, 6)  # nothing deferred in 6 games: still up to 39% for all one knows
    assert low == 0.0 and round(high, 1) == 39.0
    assert main(["sweep", "report", str(swept)]) == 0
    said = capsys.readouterr().out
    assert "With 6 games a point, a point's share is within \u00b140.0 percentage points" in said
    # found from outside: the bars are Wilson intervals, and the words said only "95% interval"
    assert "the charts draw each value's 95% Wilson interval as a bar" in said
    page = tmp_path / "sure.html"
    assert main(["sweep", "report", str(swept), "--format", "html", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "12 games per value; the bars are each share&#x27;s 95% Wilson interval." in html
    first = html.split('id="sweep-0-0"')[1].split("</svg>")[0]
    assert first.count('class="range"') == 4 * 2  # four statuses, two values of the key

    chart = line_chart("c", "t", ["5", "6", "8"], [Series("s", "s", [1, 2, 3])], 0, 4, "y", str, x_values=[5, 6, 8])
    xs = [float(x) for x in re.findall(r'<circle cx="([0-9.]+)"', chart)][:3]  # the points (then the legend's)
    assert len(xs) == 3 and abs((xs[2] - xs[1]) - 2 * (xs[1] - xs[0])) < 0.2, xs
    even = line_chart("c", "t", ["a", "b", "c"], [Series("s", "s", [1, 2, 3])], 0, 4, "y", str)
    xs = [float(x) for x in re.findall(r'<circle cx="([0-9.]+)"', even)][:3]
    assert abs((xs[2] - xs[1]) - (xs[1] - xs[0])) < 0.2, xs


def test_the_markdown_shows_the_scenario_s_words_literally(swept: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: a track or an actor named with a link or raw HTML went into the sweep's Markdown
    live (only pipes were escaped); the game report escapes them, and so does this one now."""
    import json
    import shutil

    folder = tmp_path / "hostile"
    shutil.copytree(swept, folder)
    plan_file = folder / "sweep.json"
    kept = json.loads(plan_file.read_text(encoding="utf-8"))
    plan = kept["plan"]
    track = next(iter(plan["tracks"]))
    plan["tracks"][track]["name"] = "[click](http://evil.example) <script>alert(1)</script> | *pipe*"
    actor = next(iter(plan["actors"]))
    plan["actors"][actor]["name"] = "West | Town [x](http://e.example) \x1b[31m"
    plan["actors"][actor]["objectives"] = 0  # found from outside too: an actor with none "met" them in 0 % of games
    plan_file.write_text(json.dumps(kept), encoding="utf-8")
    assert main(["sweep", "report", str(folder)]) == 0
    text = capsys.readouterr().out
    assert "## \\[click\\](http://evil.example) \\<script\\>alert(1)\\</script\\> \\| \\*pipe\\*" in text
    assert "West \\| Town \\[x\\](http://e.example) \u241b\\[31m |" in text
    rows = text.split("## Agreements per game")[1].splitlines()[4:]
    assert len(rows) == 4 and all(row.count("| no objectives |") == 1 for row in rows)  # that actor's column only
    for live in ("[click]", "<script>", "[x](", "\x1b"):
        assert live not in text
    assert "| point | borders_breakdown_at | bots_ru | games |" in text  # a word's own underscores stay as they are


def test_a_folder_named_with_backticks_cannot_close_the_query_s_fence(swept: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    folder = tmp_path / "a```b"
    shutil.copytree(swept, folder)
    assert main(["sweep", "report", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    opening = next(i for i, line in enumerate(lines) if line.endswith("sql"))
    fence = lines[opening][:-3]
    assert set(fence) == {"`"} and len(fence) > 3 and "```" in lines[opening + 1]
    assert lines[opening + 2] == fence


def test_policies_are_not_joined_by_lines_and_agreements_end_on_a_labelled_number(
        swept: Path, tmp_path: Path) -> None:
    """Found from outside (helper-125): a bot policy's points were joined by lines (which read as a trend between
    'cooperative' and 'hardliner'), and agreements per game near 1.9 sat above the last label of the axis, 1. The
    numeric key's charts keep their lines."""
    page = tmp_path / "charts.html"
    assert main(["sweep", "report", str(swept), "--format", "html", "-o", str(page)]) == 0
    charts = re.findall(r"<svg .*?</svg>", page.read_text(encoding="utf-8"), re.S)
    by_key = {key: [c for c in charts if f"by {key}" in c] for key in ("bots.ru", "tracks.borders.breakdown_at")}
    assert by_key["bots.ru"] and all("<polyline" not in c for c in by_key["bots.ru"])
    assert by_key["tracks.borders.breakdown_at"] and all("<polyline" in c for c in by_key["tracks.borders.breakdown_at"])
    for chart in charts:
        if 'id="sweep-' in chart and "-agreements" in chart.split('id="', 1)[1].split('"', 1)[0]:
            plotted = [float(y) for y in re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"', chart)]
            labels = re.findall(r'<line x1="48" y1="([\d.]+)"', chart)  # the y axis' ticks, labelled
            top = min(float(y) for y in labels)
            assert plotted and min(plotted) >= top, (plotted, labels)  # no point above the highest label


def test_svg_suggests_the_track_or_key_meant_and_names_keys_as_the_sweep_file_writes_them(
        swept: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``--svg KEY:bordrs`` had no did-you-mean (a sweep file's keys have one), and the error
    listed the keys by their columns (borders_breakdown_at) where the report's headings name them as the sweep file
    writes them (tracks.borders.breakdown_at). Both forms are still taken."""
    assert main(["sweep", "report", str(swept), "--svg", "tracks.borders.breakdown_at:bordrs"]) == 2
    err = capsys.readouterr().err
    assert "no track 'bordrs' (did you mean 'borders'?)" in err, err
    assert main(["sweep", "report", str(swept), "--svg", "tracks.borders.breakdwn_at:borders"]) == 2
    err = capsys.readouterr().err
    assert "(did you mean 'tracks.borders.breakdown_at'?)" in err, err
    assert "the charts are by tracks.borders.breakdown_at, bots.ru;" in err and "e.g. tracks.borders.breakdown_at:" in err
    assert "borders_breakdown_at," not in err and "bots_ru" not in err, err
    assert main(["sweep", "report", str(swept), "--svg", "bots_ru:borders"]) == 0  # a column's name is taken too


def test_a_typo_of_report_is_named_and_a_second_word_after_a_sweep_file_is_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-150): ``sweep reprot DIR`` was told "unexpected 'DIR'", not its typo."""
    assert main(["sweep", "reprot", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "tabletop sweep: 'reprot' is no sweep file (did you mean 'report'?); a report: tabletop sweep report DIR" \
        in err, err
    spec = write_spec(tmp_path)
    assert main(["sweep", str(spec), "extra"]) == 2
    assert "tabletop sweep: unexpected 'extra' (a sweep takes one SPEC.toml" in capsys.readouterr().err


def test_sweep_report_o_refuses_where_report_o_refuses_in_the_same_words(
        swept: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``sweep report DIR -o some/missing/folder/x.md`` made the folders, and ``-o link`` (a link
    to nothing) replaced the link with the page, where ``report -o`` and ``play --save`` refuse both; ``-o x.pdf``
    (typed wrong, no such format) exited 1 where ``report -o x.pdf`` exits 2."""
    missing = tmp_path / "some" / "missing" / "x.md"
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "nowhere.md")
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    for target in (missing, link):
        assert main(["sweep", "report", str(swept), "-o", str(target)]) == 1
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before  # nothing made, the link still a link to nothing
    assert capsys.readouterr().err.splitlines() == [
        f"tabletop sweep report: the folder {missing.parent} does not exist; create it first, or give -o a path in "
        "an existing folder",
        f"tabletop sweep report: {link} is a symbolic link that leads to no file; give -o the name of a new file",
    ]
    assert main(["sweep", "report", str(swept), "-o", str(tmp_path / "a\nb.md")]) == 2  # typed wrong, as play --save
    said = capsys.readouterr().err
    assert said.startswith("tabletop sweep report: ") and "control character" in said, said
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before
    assert main(["sweep", "report", str(swept), "-o", str(tmp_path / "x.pdf")]) == 2
    said = capsys.readouterr().err
    assert said.startswith("tabletop sweep report: ") and "give --format" in said, said
    assert not (tmp_path / "x.pdf").exists()


#: language -> the bot policies of a sweep's points (bots.ru: mixed, hardliner, cooperative, random), as simulate says them
POLICY_WORDS = {
    "en": ("mixed", "hardliner", "cooperative", "random"),
    "ru": ("смешанные", "жёсткий", "сотрудничающий", "случайный"),
    "uk": ("змішані", "жорсткий", "співпрацюючий", "випадковий"),
}


@pytest.fixture(scope="module")
def policies_swept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("policies")
    text = GRID.split("[[axes]]")[0] + '[[axes]]\nkey = "bots.ru"\nvalues = ["mixed", "hardliner", "cooperative", "random"]\n'
    run_sweep(load_sweep(write_spec(folder, games=1, chunk=1, text=text), POLICIES), folder / "out", Backend())
    return folder / "out"


@pytest.mark.parametrize("code", POLICY_WORDS)
def test_the_bots_policies_read_in_the_language_shown(policies_swept: Path, tmp_path: Path, code: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``tabletop --lang ru sweep report`` showed ``mixed``, ``hardliner`` where ``tabletop --lang ru
    simulate`` says «жёсткий». The tables and the charts say them in the room's words; the rows keep the ids."""
    assert main(["--lang", code, "sweep", "report", str(policies_swept)]) == 0
    text = capsys.readouterr().out
    borders = text.split("## " + ("Borders" if code == "en" else "Границы" if code == "ru" else "Кордони"))[1]
    cells = [line.split(" | ")[1] for line in borders.split("\n## ")[0].splitlines() if re.match(r"\| \d ", line)]
    assert cells == list(POLICY_WORDS[code])
    page = tmp_path / f"{code}.html"
    assert main(["--lang", code, "sweep", "report", str(policies_swept), "--format", "html", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    for word in POLICY_WORDS[code]:
        assert f"<td>{word}</td>" in html and f">{word}</text>" in html  # a table's cell, a chart's label
    if code != "en":
        assert not re.search(r"\b(mixed|hardliner|cooperative)\b", text + html)
    import duckdb

    kept = duckdb.connect().execute("SELECT DISTINCT bots_ru FROM read_parquet(?)",
                                    [str(policies_swept / "point=*" / "*.parquet")]).fetchall()
    assert {r[0] for r in kept} == set(POLICY_WORDS["en"])  # the data keeps the ids


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_an_independence_rule_reads_in_the_language_shown(tmp_path: Path, code: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Found in review (helper-198): the sweep report said ``strict``, ``linked`` in a Russian report, where the start
    screen, the board and validate say the rule in the room's words. The rows keep the ids."""
    from tabletop.content.grammar import independence_word
    from tabletop.lang import using

    text = GRID.split("[[axes]]")[0] + '[[axes]]\nkey = "ruleset.independence"\nvalues = ["strict", "linked"]\n'
    run_sweep(load_sweep(write_spec(tmp_path, games=1, chunk=1, text=text), POLICIES), tmp_path / "out", Backend())
    assert main(["--lang", code, "sweep", "report", str(tmp_path / "out")]) == 0
    said = capsys.readouterr().out
    cells = [line.split(" | ")[1] for line in said.splitlines() if re.match(r"\| \d ", line)]
    with using(code):
        words = [independence_word("strict"), independence_word("linked")]
    assert words[0] != "strict" and cells and set(cells) == set(words), cells


def _sweep_of(tmp_path: Path, text: str, name: str = "s") -> Path:
    spec = tmp_path / f"{name}.toml"
    spec.write_text(text, encoding="utf-8")
    run_sweep(load_sweep(spec, POLICIES), tmp_path / name, Backend())
    return tmp_path / name


def test_the_report_states_the_bots_fixed_for_every_game(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-205): with ``bots = { ru = "hardliner" }`` in [sweep], the report named the keys
    varied, the ruleset and the seed, and Russia's policy, fixed for every game, nowhere."""
    out = _sweep_of(tmp_path, '[sweep]\nruleset = "parallel-tracks"\ngames = 1\nseed = 1\nbots = { ru = "hardliner" }'
                              '\n\n[[axes]]\nkey = "bots.ua"\nvalues = ["cooperative", "random"]\n')
    assert main(["sweep", "report", str(out)]) == 0
    assert "Bots fixed in every game: Russia (hardliner)." in capsys.readouterr().out
    page = tmp_path / "s.html"
    assert main(["sweep", "report", str(out), "-o", str(page)]) == 0
    assert "<p>Bots fixed in every game: Russia (hardliner).</p>" in page.read_text(encoding="utf-8")
    assert main(["--lang", "ru", "sweep", "report", str(out)]) == 0
    line = next(s for s in capsys.readouterr().out.splitlines() if "Россия (" in s)
    assert "hardliner" not in line, line


def test_a_modified_copy_of_a_bundled_ruleset_is_named_with_its_file_and_hash(
        swept: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-205): a sweep of ``myrules.toml``, the bundled ruleset with a start tension changed,
    was reported as "ruleset parallel-tracks, deck parallel-tracks-events", word for word the bundled scenario's."""
    import json

    from tabletop.content.finding import BUNDLED

    bundled = (BUNDLED / "rulesets" / "parallel-tracks.toml").read_text(encoding="utf-8")
    (tmp_path / "myrules.toml").write_text(bundled.replace("turns = 8", "turns = 7", 1), encoding="utf-8")
    out = _sweep_of(tmp_path, '[sweep]\nruleset = "myrules.toml"\ngames = 1\n\n'
                              '[[axes]]\nkey = "bots.ru"\nvalues = ["cooperative"]\n')
    sha = json.loads((out / "sweep.json").read_text(encoding="utf-8"))["plan"]["scenario"]
    assert main(["sweep", "report", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"ruleset myrules.toml (parallel-tracks, modified: scenario {sha}), deck parallel-tracks-events," in said
    assert main(["sweep", "report", str(swept)]) == 0  # the bundled scenario, unchanged: named by its ids alone
    assert "ruleset parallel-tracks, deck parallel-tracks-events, master seed 11." in capsys.readouterr().out


LINKED_COLLAPSE = ('[sweep]\nruleset = "parallel-tracks"\ngames = 1\nseed = 2\n\n'
                   '[[axes]]\nkey = "ruleset.linked_collapse"\nvalues = ["all", "reopen"]\n')


def test_a_key_that_changes_no_game_is_said_by_validate_and_the_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-205): only ``tabletop sweep`` warned that ``ruleset.linked_collapse`` changes no
    game of a strict ruleset; validate said ok, and the report showed collapses by it without a word."""
    out = _sweep_of(tmp_path, LINKED_COLLAPSE, "lc")
    assert main(["validate", str(tmp_path / "lc.toml")]) == 0  # a warning, as validate's others: the file is ok
    said = capsys.readouterr().out
    assert f"warning: {tmp_path / 'lc.toml'}:7: axes[0].key: ruleset.linked_collapse changes no game here" in said
    assert main(["sweep", "report", str(out)]) == 0
    said = capsys.readouterr()
    assert "ruleset.linked_collapse changes no game here" in said.out
    assert "tabletop sweep report: warning: ruleset.linked_collapse changes no game here" in said.err
    page = tmp_path / "lc.html"
    assert main(["sweep", "report", str(out), "-o", str(page)]) == 0
    assert "ruleset.linked_collapse changes no game here" in page.read_text(encoding="utf-8")


def _query_rows(query: str) -> list[tuple[Any, ...]]:
    import duckdb

    con = duckdb.connect()
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def test_the_suggested_query_gives_a_row_per_point(swept: Path, tmp_path: Path) -> None:
    """Found from outside (helper-205): a list of points' report said no key's games are pooled, and suggested a
    query grouped by the first key alone, which pooled the points sharing its value."""
    from tabletop.report.sweepdata import summarise

    listed = _sweep_of(tmp_path, POINTS.format(games=1, chunk=1), "points")
    for folder, points in ((listed, 3), (swept, 4)):
        summary = summarise(folder)
        found = _query_rows(summary["query"])
        assert len(found) == points, (summary["query"], found)
        assert sum(row[-1] for row in found) == summary["games"]  # games, the last column


def test_an_unfinished_sweep_names_its_points_short_of_games(swept: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-205): with point 3's files gone, the report said "18 of 24 games in 4 points"
    and showed points 0-2 only, with no word of point 3."""
    import shutil

    partial = tmp_path / "partial"
    shutil.copytree(swept, partial)
    for chunk in partial.glob("point=3/*.parquet"):
        chunk.unlink()
    next(partial.glob("point=1/*.parquet")).unlink()
    assert main(["sweep", "report", str(partial)]) == 0
    said = capsys.readouterr()
    assert "Point 3 has no games yet." in said.out
    assert "Fewer games than planned so far: point 1: 3 of 6." in said.out
    borders = said.out.split("## Borders")[1].split("## ")[0]
    assert re.search(r"^\| 3 \| 9 \| hardliner \| no games yet \|", borders, re.M), borders
    agreements = said.out.split("## Agreements per game")[1]
    assert re.search(r"^\| 3 \| 9 \| hardliner \| no games yet \|", agreements, re.M), agreements
    assert "tabletop sweep report: warning: Point 3 has no games yet." in said.err and "--resume" in said.err
    page = tmp_path / "partial.html"
    assert main(["sweep", "report", str(partial), "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "Point 3 has no games yet." in html and html.count("no games yet") >= 3


def test_o_dash_writes_the_page_to_standard_output(swept: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-215): `tabletop sweep report DIR -o -` wrote a file named "-", where `tabletop
    report SAVE -o -` writes to standard output; the second run refused, "-" existing. ./- still names a file."""
    monkeypatch.chdir(tmp_path)
    assert main(["sweep", "report", str(swept)]) == 0
    plain = capsys.readouterr().out
    assert main(["sweep", "report", str(swept), "-o", "-"]) == 0
    said = capsys.readouterr()
    assert said.out == plain and "Report written" not in said.err and not (tmp_path / "-").exists()
    assert main(["sweep", "report", str(swept), "--format", "html", "-o", "-"]) == 0
    assert capsys.readouterr().out.lstrip().startswith("<!DOCTYPE html>")
    assert main(["sweep", "report", str(swept), "-o", "./-"]) == 0
    assert (tmp_path / "-").read_text("utf-8").strip() == plain.strip()
