"""``report --audience participants``: no control notes, and secret objectives only once the game is over and only
if the ruleset reveals them at the end; the facilitator's report (the default) keeps everything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop.content import Scenario
from tabletop.engine import Action, apply, legal_actions, new_game
from tabletop.report import render
from tabletop.report.htmlparts import e
from tabletop.report.markdown import esc
from tabletop.store import SaveWriter
from tests.store.savekit import record_undone_sealed

from .kit import scenario, unfolded

ESCAPE = {"md": esc, "html": e, "json": lambda text: json.dumps(text, ensure_ascii=False)[1:-1]}


def play(path: Path, sc: Scenario, events: int | None = None, seed: int = 4) -> Path:
    """A bot game in which the facilitator injects every card that carries a control note, first thing;
    stopped after ``events`` events (a mid-game save) or played to the end."""
    state = new_game(sc, seed)
    with SaveWriter.create(path, sc, seed, durable=False) as writer:

        def do(action: Action) -> None:
            nonlocal state
            state = apply(state, action)
            writer.append(state)

        for card in sc.deck.cards:
            if card.control_note and not state.over:
                do(Action("inject", card=card.id))
                while state.card is not None and not state.over:  # answer the card before the next
                    do(legal_actions(state)[0])
        while not state.over and (events is None or state.seq < events):
            do(legal_actions(state)[0])
    return path


def secrets(sc: Scenario) -> tuple[list[str], list[str]]:
    notes = [c.control_note for c in sc.deck.cards if c.control_note]
    objectives = [o.text for a in sc.ruleset.actors for o in a.objectives if o.secret]
    assert notes and objectives
    return notes, objectives


def shown(text: str, fmt: str, secret: str) -> bool:
    return ESCAPE[fmt](secret) in text


def played_part(text: str, fmt: str, sc: Scenario) -> str:
    """The report without the rules' list of moves and what each means: every move the ruleset offers is named
    there, played or not, so a name found there says nothing of what a team played."""
    if fmt == "json":
        data = json.loads(text)
        del data["scenario"]["moves"]
        return json.dumps(data, ensure_ascii=False)
    for m in sc.ruleset.moves:
        words = " ".join(m.description.split())
        text = text.replace(f"- **{esc(m.name)}**: {esc(words)}" if fmt == "md"
                            else f"<dt>{e(m.name)}</dt><dd>{e(words)}</dd>", "")
    return text


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_mid_game_participants_see_neither_control_notes_nor_secret_objectives(tmp_path: Path, fmt: str) -> None:
    sc = scenario()
    path = play(tmp_path / "mid.jsonl", sc, events=60)
    notes, objectives = secrets(sc)
    facilitator = render(path, fmt)
    assert any(shown(facilitator, fmt, n) for n in notes)  # the injected cards' notes are in the record
    assert all(shown(facilitator, fmt, o) for o in objectives)
    participants = render(path, fmt, audience="participants")
    assert not [n for n in notes if shown(participants, fmt, n)]
    assert not [o for o in objectives if shown(participants, fmt, o)]
    assert "facilitator only" not in participants.lower()  # no "Control note (facilitator only):" line either


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_after_the_game_participants_see_the_secret_objectives_but_no_control_note(tmp_path: Path, fmt: str) -> None:
    sc = scenario()
    path = play(tmp_path / "done.jsonl", sc)
    notes, objectives = secrets(sc)
    participants = render(path, fmt, audience="participants")
    assert all(shown(participants, fmt, o) for o in objectives)
    assert not [n for n in notes if shown(participants, fmt, n)]
    assert any(shown(render(path, fmt), fmt, n) for n in notes)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_ruleset_that_never_reveals_keeps_them_secret_after_the_game(tmp_path: Path, fmt: str) -> None:
    sc = scenario(reveal_objectives="never")
    path = play(tmp_path / "never.jsonl", sc)
    notes, objectives = secrets(sc)
    participants = render(path, fmt, audience="participants")
    assert not [o for o in objectives if shown(participants, fmt, o)]
    assert not [n for n in notes if shown(participants, fmt, n)]
    assert ("never reveals to the participants" if fmt == "json" else "keeps them secret") in participants
    assert all(shown(render(path, fmt), fmt, o) for o in objectives)  # the facilitator's copy has them


def test_the_json_report_says_who_it_is_for(tmp_path: Path) -> None:
    path = play(tmp_path / "mid.jsonl", scenario(), events=40)
    report = json.loads(render(path, "json", audience="participants"))
    # the bundled deck's prompts are partly for the facilitator only
    assert report["audience"] == {"for": "participants",
                                  "left_out": ["control notes", "secret objectives, until the game is over",
                                               "the facilitator's discussion prompts",
                                               "the game's seed and the save's folder"]}
    assert all(not o["secret"] for a in report["objectives"] for o in a["objectives"])
    assert json.loads(render(path, "json"))["audience"]["for"] == "facilitator"


def test_the_command_line_takes_the_audience(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tabletop.cli import main

    path = play(tmp_path / "mid.jsonl", scenario(), events=40)
    assert main(["report", str(path), "--audience", "participants"]) == 0
    out = capsys.readouterr().out
    assert ("| For | the participants (left out: control notes; secret objectives, until the game is over; "
            "the facilitator's discussion prompts; the game's seed and the save's folder) |") in out
    with pytest.raises(SystemExit) as exit_:
        main(["report", str(path), "--audience", "room"])
    assert exit_.value.code == 2
    assert "invalid choice: 'room'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_sealed_moves_not_yet_revealed_show_only_as_committed(tmp_path: Path, fmt: str) -> None:
    sc = scenario(sealed_moves=True)
    state = new_game(sc, 4)
    path = tmp_path / "sealed.jsonl"
    with SaveWriter.create(path, sc, 4, durable=False) as writer:
        while len([p for p in state.queue if p.sealed]) < 3:  # three teams have committed, none revealed
            state = apply(state, legal_actions(state)[0])
            writer.append(state)
    moves = {m.id: m.name for m in sc.ruleset.moves}
    committed = [e for e in state.log if e.action.kind == "move"]
    assert len(committed) == 3
    secret_names = {moves[e.action.move] for e in committed}
    facilitator = unfolded(render(path, fmt))
    assert all(shown(facilitator, fmt, name) for name in secret_names)
    participants = played_part(unfolded(render(path, fmt, audience="participants")), fmt, sc)
    assert not [name for name in secret_names if shown(participants, fmt, name)]
    for event in committed:
        actor = next(a.name for a in sc.ruleset.actors if a.id == event.actor)
        assert shown(participants, fmt, f"{actor}: a sealed move, committed")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_an_undone_sealed_move_never_revealed_stays_sealed_in_the_undo(tmp_path: Path, fmt: str) -> None:
    """Found from outside: the participants' copy hid the sealed move itself, but its undo read
    "Undo: Mediating states: Goodwill signal (sealed: committed)" in four places."""
    sc = scenario(sealed_moves=True)
    path = tmp_path / "undone.jsonl"
    committed = record_undone_sealed(path, sc, 4)
    secret = next(m.name for m in sc.ruleset.moves if m.id == committed.action.move)
    assert shown(unfolded(render(path, fmt)), fmt, secret)  # the facilitator's copy says what was undone
    participants = played_part(unfolded(render(path, fmt, audience="participants")), fmt, sc)
    assert not shown(participants, fmt, secret)
    actor = next(a.name for a in sc.ruleset.actors if a.id == committed.actor)
    assert shown(participants, fmt, f"Undo: {actor}: a sealed move taken back (what it was stays sealed)")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_note_on_a_sealed_move_never_revealed_is_kept_from_the_room(tmp_path: Path, fmt: str) -> None:
    """Found from outside (helper-102): the participants' copy kept the move sealed but printed the facilitator's
    note on it ("Note #9 on #8 (United States: a sealed move, committed): SECRETNOTE1 US sealed proposal on
    status"), which the seats had kept ("Note on event 8 (a sealed move)")."""
    sc = scenario(sealed_moves=True)
    path = tmp_path / "noted.jsonl"
    committed = record_undone_sealed(path, sc, 4, note="SECRETNOTE the team tables on status")
    assert shown(render(path, fmt), fmt, "SECRETNOTE")  # the facilitator's copy has it
    participants = render(path, fmt, audience="participants")
    assert not shown(participants, fmt, "SECRETNOTE")
    assert shown(participants, fmt, "a note on a sealed move not revealed in this save (kept from the room)")
    if fmt != "json":
        assert shown(participants, fmt, f"Note on event {committed.seq} (a sealed move)")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_note_on_the_undo_of_a_sealed_move_never_revealed_tells_the_undo_sealed(tmp_path: Path, fmt: str) -> None:
    """Found from outside (helper-108, HIGH): the participants' copy hid the move and said its undo was "Undo:
    Russia: a sealed move, committed", but a note written on the undo was "Note #10 on #9 (“Undo: Russia: Make an
    argument on Humanitarian (sealed: committed)”)": the move named, in the notes, the timeline and the JSON."""
    sc = scenario(sealed_moves=True)
    path = tmp_path / "on-undo.jsonl"
    committed = record_undone_sealed(path, sc, 4, note_on_undo="the team withdrew it")
    secret = next(m.name for m in sc.ruleset.moves if m.id == committed.action.move)
    assert shown(unfolded(render(path, fmt)), fmt, secret)  # the facilitator's copy says what was undone
    participants = played_part(unfolded(render(path, fmt, audience="participants")), fmt, sc)
    assert not shown(participants, fmt, secret), participants
    assert shown(participants, fmt, "the team withdrew it")  # the note on the undo is the room's: kept
    actor = next(a.name for a in sc.ruleset.actors if a.id == committed.actor)
    assert shown(participants, fmt, f"Undo: {actor}: a sealed move taken back (what it was stays sealed)")


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_copy_says_where_the_scenario_comes_from(tmp_path: Path, fmt: str, lang: str) -> None:
    """Found from outside: the participants' copy quoted "the text" in four questions and never said whose text
    it is (the credit was on the start screen only). The scenario's description, which names its source and
    that source's perspective, heads every copy, in the report's language."""
    from tabletop.content.overlays import translated

    sc = scenario()
    path = play(tmp_path / "game.jsonl", sc, events=20)
    description = translated(sc, lang).ruleset.ruleset.description
    assert "Valdai" in description or "Валдай" in description
    for audience in ("participants", "facilitator"):
        text = unfolded(render(path, fmt, audience=audience, lang=lang))
        assert ESCAPE[fmt](description) in text, (audience, text[:600])


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_note_on_a_note_on_a_sealed_move_never_revealed_is_kept_too(tmp_path: Path, fmt: str) -> None:
    """Found in review (helper-105): a second note written on the first (as saves made before stop 47 hold) was
    printed in the participants' copy, with the first note's secret words as "the event it is on"."""
    sc = scenario(sealed_moves=True)
    path = tmp_path / "chain.jsonl"
    record_undone_sealed(path, sc, 4, note="SECRET-A on the move", note_on_note="SECRET-B on the note")
    participants = render(path, fmt, audience="participants")
    assert not shown(participants, fmt, "SECRET-A") and not shown(participants, fmt, "SECRET-B")
    assert shown(render(path, fmt), fmt, "SECRET-B")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_note_on_a_counter_behind_the_gate_is_kept_from_the_room_until_the_reveal(tmp_path: Path, fmt: str) -> None:
    """Found from outside (helper-117): a note on a sealed counter ("United States: a counter or a pass entered
    (sealed)") was on every screen before the reveal. The participants' copy of a save that stops with the counter
    still behind the gate keeps the note as the seats kept it; once the counters are revealed it is the room's."""
    from tests.engine.argue_kit import argue_scenario, counter, to_counters
    from tests.store.savekit import record_actions

    sc = argue_scenario(sealed=True, counters="all")
    steps = [*to_counters(), counter("b", "They broke the last one")]
    note = Action("note", text="SECRETNOTE Brask names the broken hotline", about=len(steps))
    gated = record_actions(tmp_path / "gated.jsonl", sc, 2, [lambda _s, a=a: a for a in (*steps, note)]).path
    assert shown(render(gated, fmt), fmt, "SECRETNOTE")  # the facilitator's copy has it
    participants = render(gated, fmt, audience="participants")
    assert not shown(participants, fmt, "SECRETNOTE"), participants
    assert shown(participants, fmt, "a note on a sealed counter not revealed in this save (kept from the room)")
    if fmt != "json":
        assert shown(participants, fmt, f"Note on event {len(steps)} (a sealed counter, not revealed yet)")
    revealed = record_actions(tmp_path / "revealed.jsonl", sc, 2,
                              [lambda _s, a=a: a for a in (*steps, note, counter("c"))]).path
    assert shown(render(revealed, fmt, audience="participants"), fmt, "SECRETNOTE")


def test_a_note_on_a_counter_taken_back_before_the_reveal_is_said_to_be_left_out(tmp_path: Path) -> None:
    """Found in review (helper-118): a note on a counter undone before the reveal (the counters revealed since) was
    kept from the room, and the participants' copy did not say, in what it leaves out, that a note was."""
    from tests.engine.argue_kit import argue_scenario, counter, to_counters
    from tests.store.savekit import record_actions

    sc = argue_scenario(sealed=True, counters="all")
    steps = [*to_counters(), counter("b", "They broke the last one")]
    note = Action("note", text="SECRETNOTE Brask names the broken hotline", about=len(steps))
    later = (note, Action("undo", reason="b thinks again"), counter("b", "The hotline is down"), counter("c"))
    path = record_actions(tmp_path / "taken.jsonl", sc, 2, [lambda _s, a=a: a for a in (*steps, *later)]).path
    room = json.loads(render(path, "json", audience="participants"))
    assert "SECRETNOTE" not in json.dumps(room, ensure_ascii=False)
    assert "notes on sealed entries never revealed" in room["audience"]["left_out"], room["audience"]
    assert "SECRETNOTE" in render(path, "json")  # the facilitator's copy keeps it


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_the_participants_copy_leaves_out_the_seed_and_the_saves_folder(tmp_path: Path, fmt: str) -> None:
    """Found by a security auditor: the participants' copy showed the game's seed (``| Seed | 3204408756463825836
    |``, json ``scenario.seed``), even of a live game, and whoever knows it foresees every card and die; its json
    ``scenario.path`` named the facilitator's home folder. Both are left out, and its header says so."""
    seed = 3204408756463825836
    path = play(tmp_path / "live.jsonl", scenario(), events=40, seed=seed)
    assert str(seed) in render(path, fmt)  # the facilitator's copy keeps it
    participants = unfolded(render(path, fmt, audience="participants"))
    assert str(seed) not in participants and str(tmp_path) not in participants
    assert ESCAPE[fmt]("the game's seed and the save's folder") in participants
    if fmt == "json":
        assert "seed" not in json.loads(participants)["scenario"] and "path" not in json.loads(participants)["scenario"]
        assert json.loads(participants)["scenario"]["file"] == "live.jsonl"


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_the_participants_copy_leaves_out_a_file_name_that_holds_the_seed(tmp_path: Path, fmt: str) -> None:
    """Found from outside (helper-321): ``simulate --save-dir`` names a save ``…-seed-NNN.jsonl``, and the
    participants' copy, which says it leaves out the seed, printed that name (and a verify command with it)."""
    seed = 3382207448774305631
    path = play(tmp_path / f"parallel-tracks-game-00000-seed-{seed}.jsonl", scenario(), events=40, seed=seed)
    assert path.name in render(path, fmt)  # the facilitator's copy names its save
    participants = unfolded(render(path, fmt, audience="participants"))
    assert str(seed) not in participants
    assert ESCAPE[fmt]("the save's file name, which holds the seed") in participants
    if fmt == "json":
        assert json.loads(participants)["scenario"]["file"] is None
    else:
        assert "tabletop verify SAVE --lang en --head" in participants  # the command, with the name to put in


@pytest.mark.parametrize("name, hidden", [("room17.jsonl", False), ("20261207T171200Z-parallel-tracks.jsonl", False),
                                          ("room-seed-7.jsonl", True)])
def test_a_file_name_is_left_out_only_when_it_holds_the_seed_as_a_number(tmp_path: Path, name: str,
                                                                          hidden: bool) -> None:
    """Found from outside (regression of stop 63): with seed 7 every name with a 7 in it ("room17", a timestamp) was
    left out "as it holds the seed"; the seed is a number of its own in the name, not any run of its digits."""
    path = play(tmp_path / name, scenario(), events=10, seed=7)
    data = json.loads(render(path, "json", audience="participants"))
    assert (data["scenario"]["file"] is None) is hidden, data["scenario"]["file"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_participants_comparison_has_no_seed_column(tmp_path: Path, fmt: str) -> None:
    """Found from outside (helper-334): the participants' comparison kept the column "Seed", a dash in every row,
    taking width from the columns squeezed on paper. The participants' copy has no such column; the facilitator's
    keeps it."""
    paths = [play(tmp_path / f"{name}.jsonl", scenario(), events=40, seed=seed) for name, seed in (("one", 4), ("two", 5))]
    seed_head = "| Seed |" if fmt == "md" else "<th>Seed</th>"
    assert seed_head in render(paths, fmt)
    participants = render(paths, fmt, audience="participants")
    assert seed_head not in participants and "\u2014 |" not in participants.replace("| \u2014 |", "")
    assert ("| 1 | one.jsonl | Parallel" if fmt == "md" else ">one.jsonl</a></td><td>Parallel") in participants


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_participants_footer_speaks_to_a_reader_without_the_save(tmp_path: Path, fmt: str, code: str) -> None:
    """Found from outside (helper-334): the participants' copy told a reader holding paper to check the chain head
    "in the save's folder", with a command naming the save. It keeps the chain head (the room can have the record
    checked later) and says who can check it: whoever holds the save. The facilitator's copy is as before."""
    from tabletop import lang

    path = play(tmp_path / "g.jsonl", scenario(), events=40)
    with lang.using(code):
        facilitator = unfolded(render(path, fmt))
        participants = unfolded(render(path, fmt, audience="participants"))
        folder = {"en": "in the save's folder", "ru": "в папке сохранения", "uk": "у теці збереження"}[code]
    head = json.loads(render(path, "json"))["chain_head"]["hash"]
    assert folder in facilitator
    assert folder not in participants and head in participants
    holds = {"en": "whoever holds the save", "ru": "у кого есть файл сохранения", "uk": "у кого є файл збереження"}[code]
    assert holds in participants.lower(), participants[-600:]


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_the_participants_copy_of_a_recovered_or_continued_save_names_no_folder_and_no_seed(
        tmp_path: Path, strict_game, fmt: str) -> None:  # noqa: ANN001 - a fixture
    """Found from outside (helper-332, finding 4): the participants' copy of a recovered save, or of a save continued
    from the older format, said it left out the save's folder, yet printed the facilitator's whole path (and the seed,
    in a simulate-style name) in its header note, its notes and its log: the recovery's note holds the path. There
    they are worded without it; the facilitator's copy keeps it."""
    import shutil

    from tabletop.store.recovery import resume

    from .kit import edit_line

    folder = tmp_path / "facilitatorsfolder"
    folder.mkdir()
    damaged = folder / f"d-seed-{strict_game.seed}.jsonl"  # simulate's naming: the seed in the name
    shutil.copy(strict_game.path, damaged)
    edit_line(damaged, 3)
    resume(damaged, durable=False).writer.close()
    old = folder / "replay-game.jsonl"  # the older save format, intact: continued in a copy
    shutil.copy(Path(__file__).resolve().parent.parent / "replay" / "fixtures" / "replay-game.jsonl", old)
    resume(old, durable=False).writer.close()
    seed = ESCAPE[fmt](f"seed-{strict_game.seed}")
    for copy in (folder / f"d-seed-{strict_game.seed}-recovered.jsonl", folder / "replay-game-recovered.jsonl"):
        assert "facilitatorsfolder" in render(copy, fmt)  # the facilitator's copy names where the save is
        participants = render(copy, fmt, audience="participants")
        assert "facilitatorsfolder" not in participants, copy.name
        assert seed not in participants, copy.name
        assert ("recovered" if "seed" in copy.name else "continued") in participants.lower()  # still said, unnamed
