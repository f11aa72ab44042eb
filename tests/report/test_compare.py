"""Several saves: the same scenario under strict and under linked, side by side."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tabletop.report import FULL_REPORTS_MAX, ReportError, build_report, compare, render

from .kit import HtmlDoc, Played, bot_save, md_text, scenario, unfolded


def _status_word(t) -> str:
    mark = {"agreed": "\u2714", "collapsed": "\u2716", "deferred": "\u2016", "open": "\u25cb"}[t.status]
    return f"{mark} {t.status}"


def test_strict_and_linked_side_by_side_in_markdown(strict_game: Played, linked_game: Played) -> None:
    md = render([strict_game.path, linked_game.path], "md")
    lines = md.splitlines()
    head = next(line for line in lines if line.startswith("| Track | #1"))
    assert head == "| Track | #1 parallel-tracks (strict) | #2 parallel-tracks-linked (linked) |"
    for spec in strict_game.scenario.ruleset.tracks:
        row = next(line for line in lines if line.startswith(f"| {spec.name} | "))
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        strict, linked = strict_game.final.tracks[spec.id], linked_game.final.tracks[spec.id]
        assert cells[1].startswith(_status_word(strict)) and cells[1].endswith(
            f"{strict.position}/{len(spec.ladder) - 1}"
        )
        assert cells[2].startswith(_status_word(linked))
    agreements = next(line for line in lines if line.startswith("| **Agreements** |"))
    counts = [sum(t.status == "agreed" for t in g.final.tracks.values()) for g in (strict_game, linked_game)]
    assert agreements == f"| **Agreements** | **{counts[0]}** | **{counts[1]}** |"
    # the lesson of this pair: the strict game keeps its agreements, the package deal loses them
    assert counts[0] > 0 and counts[1] == 0
    assert re.search(r"provisional agreement of R\d+ lost", md)  # the round depends on the seed's game
    # each save's own report follows the comparison
    assert "## Save #1: Parallel Tracks: European security" in md
    assert "## Save #2: Package deal: European security" in md
    assert md.count("### Decision log") == 2


def test_comparison_data_and_shares(strict_game: Played, linked_game: Played, saves: Path) -> None:
    extra = bot_save(saves / "pair" / "strict-2.jsonl", scenario("parallel-tracks"), 8436153775932606666)
    data = json.loads(render([strict_game.path, linked_game.path, extra.path], "json"))
    comparison = data["comparison"]
    assert len(data["reports"]) == 3 and comparison["reports_included"] is True
    assert [s["independence"] for s in comparison["saves"]] == ["strict", "linked", "strict"]
    for s, game in zip(comparison["saves"], (strict_game, linked_game, extra), strict=True):
        assert s["agreements"] == sum(t.status == "agreed" for t in game.final.tracks.values())
        for tid, t in game.final.tracks.items():
            assert (s["tracks"][tid]["status"], s["tracks"][tid]["since"]) == (t.status, t.since)
    groups = {g["ruleset_id"]: g for g in comparison["groups"]}
    assert groups["parallel-tracks"]["games"] == 2 and groups["parallel-tracks"]["saves"] == [1, 3]
    assert groups["parallel-tracks-linked"]["games"] == 1
    for tid, row in groups["parallel-tracks"]["tracks"].items():
        assert sum(row[s] for s in ("agreed", "collapsed", "deferred", "open")) == pytest.approx(1.0)
        statuses = [strict_game.final.tracks[tid].status, extra.final.tracks[tid].status]
        assert row["counts"]["agreed"] == statuses.count("agreed")
        assert row["collapsed"] == statuses.count("collapsed") / 2
    # and the share table in the documents
    md = md_text(render([strict_game.path, linked_game.path, extra.path], "md"))
    assert "parallel-tracks (strict, 2 games)" in md and "parallel-tracks-linked (linked, 1 game)" in md


def test_strict_and_linked_side_by_side_in_html(strict_game: Played, linked_game: Played) -> None:
    html = render([strict_game.path, linked_game.path], "html")
    doc = HtmlDoc(html)
    assert not doc.errors
    assert len(doc.all("table", class_="side-by-side")) == 1
    assert len(doc.all("article", class_="report")) == 2
    # the two reports' ids do not clash
    ids = [a["id"] for _, a in doc.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    assert "#1 parallel-tracks(strict)" in doc.text and "#2 parallel-tracks-linked(linked)" in doc.text


def test_a_directory_of_saves(strict_game: Played, linked_game: Played) -> None:
    folder = strict_game.path.parent
    data = json.loads(render([folder], "json"))
    files = sorted(p.name for p in folder.glob("*.jsonl"))
    assert [s["file"] for s in data["comparison"]["saves"]] == files
    # the same file named twice counts once
    again = json.loads(render([folder, strict_game.path], "json"))
    assert len(again["comparison"]["saves"]) == len(files)


def test_many_saves_give_the_comparison_and_a_list_only(strict_game: Played, saves: Path) -> None:
    folder = saves / "many"
    folder.mkdir()
    for i in range(FULL_REPORTS_MAX + 1):
        shutil.copy(strict_game.path, folder / f"game-{i}.jsonl")
    md = render([folder], "md")
    assert "Decision log" not in md and "report them one by one" in md
    for i in range(FULL_REPORTS_MAX + 1):
        assert f"| {i + 1} | game-{i}.jsonl |" in md
    data = json.loads(render([folder], "json"))
    assert data["reports"] == [] and data["comparison"]["reports_included"] is False
    doc = HtmlDoc(render([folder], "html"))
    assert not doc.errors and not doc.all("article", class_="report")


def test_compare_is_plain_data(strict_game: Played, linked_game: Played) -> None:
    reports = [build_report(strict_game.path), build_report(linked_game.path)]
    data = compare(reports)
    assert json.loads(json.dumps(data)) == data
    assert [t["id"] for t in data["tracks"]] == [t.id for t in strict_game.scenario.ruleset.tracks]


def test_shares_agree_with_simulate(saves: Path) -> None:
    """The comparison of simulated saves counts what ``tabletop simulate`` counted while playing them."""
    from tabletop.sim.runner import simulate

    folder = saves / "simulated"
    folder.mkdir()
    sc = scenario("parallel-tracks")
    sim = simulate(sc, games=FULL_REPORTS_MAX + 2, seed=0, save_dir=folder)
    data = json.loads(render([folder], "json"))
    (group,) = data["comparison"]["groups"]
    assert group["games"] == sim["games"]
    assert group["agreements_per_game"] == pytest.approx(sim["agreements_per_game"], abs=1e-3)
    for tid, row in sim["tracks"].items():
        assert group["tracks"][tid]["counts"] == {
            s: row[s] for s in ("agreed", "collapsed", "deferred", "open")
        }
        mean = row["mean_rounds_to_agreement"]
        assert group["tracks"][tid]["mean_round_agreed"] == (
            None if mean is None else pytest.approx(mean, abs=0.01)
        )


def test_a_comparison_opens_with_each_scenario_s_source_once(strict_game: Played, linked_game: Played,
                                                              saves: Path) -> None:
    """Found from outside: a comparison credited its scenarios' source only inside each save's own report, and a
    comparison of too many saves to print each report not at all. Each scenario's description opens it, once."""
    md = unfolded(render([strict_game.path, linked_game.path, strict_game.path], "md"))
    opening = md[: md.index("|")]
    descriptions = {build_report(p)["scenario"]["description"] for p in (strict_game.path, linked_game.path)}
    for described in descriptions:
        assert " ".join(described.split()) in opening, opening
    assert opening.count("Valdai Discussion Club") == len(descriptions)  # the same scenario twice: once
    folder = saves / "many-credited"
    folder.mkdir()
    for i in range(FULL_REPORTS_MAX + 1):
        shutil.copy(strict_game.path, folder / f"game-{i}.jsonl")
    html = render([folder], "html")
    assert "Valdai Discussion Club" in html[: html.index("<table")]


def test_a_folder_with_a_broken_file_is_compared_without_it(strict_game: Played, linked_game: Played,
                                                           tmp_path: Path) -> None:
    """Found from outside (helper-86): ``tabletop report saves/`` stopped at the first file that was not a
    readable save (a crash left it empty) and reported nothing of the others. The others are compared, and the
    one left out is named, with why."""
    folder = tmp_path / "saves"
    folder.mkdir()
    shutil.copy(strict_game.path, folder / "a.jsonl")
    shutil.copy(linked_game.path, folder / "b.jsonl")
    (folder / "0-empty.jsonl").write_bytes(b"")
    md = render(folder, "md")
    assert "Comparison of 2 saves" in md
    assert (f"\u26a0 Left out: {folder / '0-empty.jsonl'} is not a readable save (the file is empty: not a save)."
            in md_text(md)), md
    doc = HtmlDoc(render(folder, "html"))
    assert not doc.errors and "Left out:" in doc.text and "0-empty.jsonl" in doc.text
    data = json.loads(render(folder, "json"))
    assert [s["file"] for s in data["comparison"]["skipped"]] == [str(folder / "0-empty.jsonl")]
    assert len(data["comparison"]["saves"]) == 2
    (folder / "a.jsonl").unlink()
    (folder / "b.jsonl").unlink()
    with pytest.raises(ReportError, match="the file is empty"):  # nothing readable: refused, as one file is
        render(folder, "md")


def test_saves_of_different_scenarios_are_said_and_compared_apart(strict_game: Played, linked_game: Played,
                                                                   saves: Path) -> None:
    """Found from outside (helper-237): a European-security save beside a river-basin one read "Comparison of 2
    saves", the river's tracks under the others' in one side-by-side table with one Agreements row, and nothing
    said of two scenarios. It says which saves are of which scenario, and each scenario has its own table; a
    strict and a linked save of the same tracks stay side by side (the workshop's main lesson)."""
    river = bot_save(saves / "river" / "river.jsonl", scenario("river-basin"), 5)
    paths = [strict_game.path, river.path, linked_game.path]
    md = render(paths, "md")
    assert ("Different scenarios: #1, #3 \u2014 Parallel Tracks: European security / Package deal: European "
            "security; #2 \u2014 River Basin: sharing the Tessel.") in md_text(md)
    tables = [t for t in md.split("\n\n") if t.startswith("| Track | #")]
    assert [t.splitlines()[0] for t in tables] == [
        "| Track | #1 parallel-tracks (strict) | #3 parallel-tracks-linked (linked) |",
        "| Track | #2 river-basin (strict) |"]
    assert "Water" not in tables[0] and "Borders" not in tables[1]
    assert all(t.count("**Agreements**") == 1 for t in tables)
    html = HtmlDoc(render(paths, "html")).text
    assert "Different scenarios: #1, #3" in html
    data = json.loads(render(paths, "json"))["comparison"]
    assert [g["saves"] for g in data["scenarios"]] == [[1, 3], [2]]
    assert data["scenarios"][1]["tracks"][0] == {"id": "flow-allocation", "name": "Water allocation"}
    # one scenario: nothing said, one table as before
    alone = render([strict_game.path, linked_game.path], "md")
    assert "Different scenarios" not in alone and json.loads(
        render([strict_game.path, linked_game.path], "json"))["comparison"]["scenarios"][0]["saves"] == [1, 2]


def test_a_folder_says_what_it_did_not_read(strict_game: Played, linked_game: Played, tmp_path: Path) -> None:
    """Found from outside (helper-237): a folder's report skipped every file not named *.jsonl without a word
    (``agenda.txt``, ``a.JSONL``, ``a-copy.json``) and never looked in a subfolder; a folder of only such files was
    said to "hold no saves". What was not read is said; a save's hidden lock file is not a file the room put there."""
    from tabletop.cli import main

    folder = tmp_path / "day"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(strict_game.path, folder / "a.jsonl")
    shutil.copy(linked_game.path, folder / "b.jsonl")
    shutil.copy(strict_game.path, folder / "c.JSONL")
    shutil.copy(strict_game.path, folder / "sub" / "d.jsonl")
    (folder / "agenda.txt").write_text("9:00 coffee\n", encoding="utf-8")
    (folder / ".a.jsonl.lock").write_text("", encoding="utf-8")
    said = (f"Left out of {folder}: 2 files that are not .jsonl: agenda.txt, c.JSONL; 1 subfolder (subfolders are "
            "not read): sub/.")
    assert said in md_text(render([folder], "md"))
    assert said in HtmlDoc(render([folder], "html")).text
    data = json.loads(render([folder], "json"))["comparison"]
    assert data["not_read"] == [{"folder": str(folder), "files": ["agenda.txt", "c.JSONL"], "folders": ["sub"]}]
    assert len(data["saves"]) == 2
    assert main(["report", str(folder), "-o", str(tmp_path / "day.md")]) == 0  # an agenda beside saves: no damage

    none = tmp_path / "none"
    (none / "sub").mkdir(parents=True)
    shutil.copy(strict_game.path, none / "a.JSONL")
    shutil.copy(strict_game.path, none / "a-copy.json")
    shutil.copy(strict_game.path, none / "sub" / "b.jsonl")
    with pytest.raises(ReportError) as refused:
        render([none], "md")
    assert refused.value.message == ("the directory holds no saves (*.jsonl files); left out: 2 files that are not "
                                     ".jsonl: a-copy.json, a.JSONL; 1 subfolder (subfolders are not read): sub/")


@pytest.mark.parametrize("audience", ["participants", "facilitator"])
def test_a_comparison_says_who_it_is_for(strict_game: Played, tmp_path: Path, audience: str) -> None:
    """Found from outside (helper-237): a single save's report says "For: the participants (left out: …)"; a
    folder's comparison for the participants said nothing of it (too many saves for each one's report to follow,
    the only place that said it). It says it at its top, as a single report does."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(FULL_REPORTS_MAX + 1):
        shutil.copy(strict_game.path, folder / f"game-{i}.jsonl")
    single = json.loads(render([strict_game.path], "json", audience=audience))["audience"]
    data = json.loads(render([folder], "json", audience=audience))
    assert data["comparison"]["audience"] == single
    said = "the participants (left out: control notes" if audience == "participants" else "the facilitator (everything"
    md = render([folder], "md", audience=audience)
    assert f"For: {said}" in md_text(md[: md.index("\n|")]), md[: md.index("\n|")]
    html = render([folder], "html", audience=audience)
    assert f"For: {said}" in HtmlDoc(html[: html.index("<table")]).text



def test_saves_of_one_name_from_two_folders_are_told_apart_in_the_facilitator_s_comparison(
        strict_game: Played, linked_game: Played, tmp_path: Path) -> None:
    """Found from outside (helper-322, finding 7): two workshops' ``saves/workshop.jsonl`` compared were both
    "workshop.jsonl", told apart only by their seeds. The facilitator's copy names each by as much of its path as
    tells it from the other; the participants' copy still names no folder; names that do not clash stay names."""
    a, b = tmp_path / "wsA" / "saves" / "workshop.jsonl", tmp_path / "wsB" / "saves" / "workshop.jsonl"
    for save, game in ((a, strict_game), (b, linked_game)):
        save.parent.mkdir(parents=True)
        shutil.copy(game.path, save)
    md = render([a, b], "md")
    rows = [line for line in md.splitlines() if line.startswith(("| 1 |", "| 2 |"))]
    assert rows[0].startswith("| 1 | wsA/saves/workshop.jsonl |"), rows
    assert rows[1].startswith("| 2 | wsB/saves/workshop.jsonl |"), rows
    assert "| Save | wsA/saves/workshop.jsonl |" in md and "| Save | wsB/saves/workshop.jsonl |" in md
    saves = json.loads(render([a, b], "json"))["comparison"]["saves"]
    assert [s["file"] for s in saves] == ["wsA/saves/workshop.jsonl", "wsB/saves/workshop.jsonl"]
    html = HtmlDoc(render([a, b], "html")).text
    assert "wsA/saves/workshop.jsonl" in html and "wsB/saves/workshop.jsonl" in html
    participants = render([a, b], "md", audience="participants")
    assert "wsA" not in participants and "wsB" not in participants and "| 1 | workshop.jsonl |" in participants
    apart = json.loads(render([a, strict_game.path], "json"))["comparison"]["saves"]
    assert [s["file"] for s in apart] == ["workshop.jsonl", strict_game.path.name]


def test_the_paired_page_links_only_to_reports_it_holds(linked_game: Played) -> None:
    """Found from outside (helper-237): in the paired HTML "b.jsonl (replayed under strict)" was a link, to a report
    the page does not hold (the replay has none of its own); the recorded save's name links to its report."""
    html = render([linked_game.path], "html", paired=True)
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert "r1-report" in targets
    for target in targets:
        assert f'id="{target}"' in html, target
    assert not re.search(r'<a href="#[^"]*">[^<]*\(replayed under', html)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_file_name_that_is_not_utf_8_in_a_folder_is_said_not_a_crash(strict_game: Played, linked_game: Played,
                                                                       tmp_path: Path, fmt: str) -> None:
    """Found by a review: a folder holding a file whose name's bytes are not UTF-8 stopped every report of it on
    "surrogates not allowed" as the name was written (and -o left no file); the name is shown with a stand-in."""
    import os

    from tabletop.cli import main

    folder = tmp_path / "day"
    folder.mkdir()
    shutil.copy(strict_game.path, folder / "a.jsonl")
    shutil.copy(linked_game.path, folder / "b.jsonl")
    (folder / os.fsdecode(b"notes\xff.txt")).write_bytes(b"x")
    out = tmp_path / f"day.{fmt}"
    assert main(["report", str(folder), "-o", str(out)]) == 0
    assert "notes\ufffd.txt" in out.read_text(encoding="utf-8")


def test_versions_of_one_ruleset_id_are_counted_apart_and_labelled(strict_game: Played, tmp_path: Path) -> None:
    """Found from outside (helper-321): saves of an old and a new ``parallel-tracks`` (other thresholds, another
    actor's name) were pooled into one row of shares, as if one ruleset. Saves whose embedded ruleset (or deck)
    differs under one id are counted apart, each version labelled, and one line says so."""
    from .kit import rewrite

    for name in ("a.jsonl", "b.jsonl", "c.jsonl"):
        shutil.copy(strict_game.path, tmp_path / name)

    def edited(records: list[dict]) -> None:
        records[0]["ruleset"]["actors"][-1]["name"] = "Bridge-state mediator"

    rewrite(tmp_path / "b.jsonl", edited)
    md = md_text(render(tmp_path, "md"))
    assert ("Different versions of one ruleset: parallel-tracks \u2014 version 1: #1, #3; version 2: #2. Their rules "
            "or cards differ: each version is counted apart.") in md
    assert "parallel-tracks, version 2 of 2 (strict, 1 game)" in md
    html = HtmlDoc(render(tmp_path, "html")).text
    assert "Different versions of one ruleset: parallel-tracks" in html and "parallel-tracks, version 2 of 2" in html
    data = json.loads(render(tmp_path, "json"))["comparison"]
    assert [g["saves"] for g in data["groups"]] == [[1], [2]]  # #3, a copy of #1: one game, counted once
    assert [g["ruleset_version"]["n"] for g in data["groups"]] == [1, 2]
    # one version: nothing said, nothing labelled
    (tmp_path / "b.jsonl").unlink()
    same = json.loads(render(tmp_path, "json"))["comparison"]
    assert "ruleset_versions" not in same and "ruleset_version" not in same["groups"][0]
    assert "Different versions" not in md_text(render(tmp_path, "md"))


def test_saves_whose_ruleset_differs_only_in_its_timers_are_one_version(strict_game: Played, tmp_path: Path) -> None:
    """Found from outside (regression of stop 63): two sessions of one ruleset, one started with ``--timer`` (its
    embedded timers changed), were said to be "different versions of one ruleset" whose "rules or cards differ",
    and their shares split. A phase timer is the session's pace, not its rules: such saves are one version."""
    from .kit import rewrite

    for name in ("a.jsonl", "b.jsonl"):
        shutil.copy(strict_game.path, tmp_path / name)

    def timed(records: list[dict]) -> None:
        records[0]["ruleset"]["ruleset"]["timers"] = {"moves": "2m", "on_time_up": "pass"}

    rewrite(tmp_path / "b.jsonl", timed)
    data = json.loads(render(tmp_path, "json"))["comparison"]
    assert "ruleset_versions" not in data and len(data["groups"]) == 1, data["groups"]
    assert "Different versions" not in md_text(render(tmp_path, "md"))
