"""What a report says, checked against the game that was played: outcomes, rounds, rulings, notes, undo."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tabletop.engine import objectives_met
from tabletop.engine.review import rounds_played
from tabletop.engine.wording import named_source
from tabletop.report import build_report, render
from tabletop.store.reading import open_save
from tabletop.engine.cards import why_set_aside
from tabletop.engine.telling import tell

from .kit import HtmlDoc, Played, Workshop, md_text


def _by_seq(report: dict) -> dict[int, dict]:
    return {e["seq"]: e for e in report["log"]}


def _round_ends(played: Played) -> dict[int, object]:
    """The live state at the end of each round (after the last event played in it)."""
    out = {}
    for state in played.states[1:]:
        out[state.last.round] = state
    return out


# --------------------------------------------------------------------------
# Outcome, objectives, rounds


@pytest.mark.parametrize("game", ["strict_game", "linked_game", "workshop"])
def test_outcome_per_track_is_the_final_board(game: str, request: pytest.FixtureRequest) -> None:
    played = request.getfixturevalue(game)
    played = played[0] if isinstance(played, tuple) else played
    report = build_report(played.path)
    final = played.final
    assert report["outcome"]["over"] is True
    assert report["outcome"]["end_reason"] == final.end_reason
    assert report["outcome"]["round"] == final.round
    for spec, row in zip(played.scenario.ruleset.tracks, report["outcome"]["tracks"], strict=True):
        t = final.tracks[spec.id]
        assert row["id"] == spec.id and row["name"] == spec.name
        assert (row["status"], row["position"], row["tension"], row["since"], row["provisional"]) == (
            t.status,
            t.position,
            t.tension,
            t.since,
            t.provisional,
        )
        assert row["rung"] == spec.ladder[t.position]
        assert row["agreement_rung"] == spec.ladder[spec.agreement_at]
    agreed = sum(1 for t in final.tracks.values() if t.status == "agreed" and not t.provisional)
    assert report["outcome"]["agreements"] == agreed
    assert [m["value"] for m in report["outcome"]["meters"]] == [
        final.meters[m.id] for m in played.scenario.ruleset.meters
    ]
    assert report["damage"] is None and report["warnings"] == []


def test_outcome_in_every_format(strict_game: Played) -> None:
    final = strict_game.final
    md = md_text(render([strict_game.path], "md"))
    html = HtmlDoc(render([strict_game.path], "html")).text
    data = json.loads(render([strict_game.path], "json"))
    for spec in strict_game.scenario.ruleset.tracks:
        t = final.tracks[spec.id]
        rung = spec.ladder[t.position]
        for text in (md, html):
            assert f"{t.position}/{len(spec.ladder) - 1} \u201c{rung}\u201d" in text
        row = next(r for r in data["outcome"]["tracks"] if r["id"] == spec.id)
        assert row["status"] == t.status and row["since"] == t.since
    # the status is a symbol and a word in the documents, the round it was reached beside it
    assert "\u2714 agreed" in md and "\u2714 agreed" in html


def test_objectives_met_per_actor_with_secrets_flagged(strict_game: Played) -> None:
    report = build_report(strict_game.path)
    met = objectives_met(strict_game.final)
    assert [a["actor"] for a in report["objectives"]] == [a.id for a in strict_game.scenario.ruleset.actors]
    secrets = 0
    for actor in report["objectives"]:
        rows = met[actor["actor"]]
        assert [(o["text"], o["met"], o["secret"]) for o in actor["objectives"]] == [
            (obj.text, ok, obj.secret) for obj, ok in rows
        ]
        assert actor["met"] == sum(ok for _, ok in rows)
        secrets += sum(o["secret"] for o in actor["objectives"])
    assert secrets > 0  # the bundled scenario has secret objectives: they are included, flagged
    secret_text = next(o["text"] for a in report["objectives"] for o in a["objectives"] if o["secret"])
    md = render([strict_game.path], "md")
    assert any(secret_text in line and "*(secret)*" in line for line in md.splitlines())
    doc = HtmlDoc(render([strict_game.path], "html"))
    assert "SECRET " + secret_text in doc.text  # the tag and the text apart, not "SECRETBorders"


def test_timeline_has_every_round_with_its_cards_and_board(workshop: tuple[Played, Workshop]) -> None:
    played, _ = workshop
    report = build_report(played.path)
    final = played.final
    assert [r["round"] for r in report["timeline"]] == list(range(1, final.round + 1))
    ends = _round_ends(played)
    for rnd in report["timeline"]:
        state = ends[rnd["round"]]
        assert rnd["end"]["tracks"] == {tid: t.as_data() for tid, t in state.tracks.items()}
        assert rnd["end"]["meters"] == dict(state.meters)
    # every card drawn, redrawn or injected shows in its round, with its title and how it came
    cards = {c["seq"]: (r["round"], c) for r in report["timeline"] for c in r["cards"]}
    deck = {c.id: c for c in played.scenario.deck.cards}
    for e in played.final.log:
        if e.action.kind in ("draw", "redraw", "inject"):
            card_id = e.action.card if e.action.kind == "inject" else e.result["outcome"]["card"]
            rnd, item = cards[e.seq]
            assert rnd == e.round and item["title"] == deck[card_id].title and item["card"] == card_id
            scheduled = e.action.kind == "draw" and e.result["outcome"].get("scheduled") is True
            assert (item["how"] == "scheduled") == scheduled  # a scheduled card is not called drawn
    hows = {c["how"] for _, c in cards.values()}
    assert hows == {"drawn", "scheduled", "redrawn", "injected"}
    # a card answered by a choice shows the label chosen
    for e in played.final.log:
        if e.action.kind == "choose":
            card = deck[e.action.card]
            answers = [c["answer"] for _, c in cards.values() if c["answer"] and c["answer"]["seq"] == e.seq]
            assert answers and answers[0]["choice"] == card.choices[e.action.choice].label


def test_series_by_round_for_the_charts(workshop: tuple[Played, Workshop]) -> None:
    played, _ = workshop
    series = build_report(played.path)["series"]
    # the workshop ends as round 6 opens: five rounds played, and no column for the sixth (helper-281)
    rounds = list(range(rounds_played(played.final) + 1))
    assert played.final.round == 6 and rounds[-1] == 5
    assert series["rounds"] == rounds and series["labels"][0] == "start"
    ends = _round_ends(played)
    start = played.states[0]
    for spec in played.scenario.ruleset.tracks:
        row = series["tracks"][spec.id]
        assert row["position"] == [start.tracks[spec.id].position] + [
            ends[r].tracks[spec.id].position for r in rounds[1:]
        ]
        assert row["tension"] == [start.tracks[spec.id].tension] + [
            ends[r].tracks[spec.id].tension for r in rounds[1:]
        ]
    for meter in played.scenario.ruleset.meters:
        assert series["meters"][meter.id] == [start.meters[meter.id]] + [
            ends[r].meters[meter.id] for r in rounds[1:]
        ]


# --------------------------------------------------------------------------
# Rulings and their working


def _asides(event, before):  # noqa: ANN001, ANN202
    """The cards a draw set aside, named with why, as the board the draw read gives them."""
    outcome = event.result.get("outcome") if event.action.kind in ("draw", "redraw") else None
    return why_set_aside(before, outcome.get("set_aside") or [], before.scenario) if outcome else None


def test_every_event_is_in_the_decision_log(workshop_report: dict, workshop: tuple[Played, Workshop]) -> None:
    played, _ = workshop
    log = workshop_report["log"]
    assert [e["seq"] for e in log] == [e.seq for e in played.final.log]
    for entry, event, before in zip(log, played.final.log, played.states, strict=False):
        assert (entry["round"], entry["phase"], entry["kind"], entry["summary"]) == (
            event.round,
            event.phase,
            event.action.kind,
            # beside its working, which says a ruling's reason; a card a draw set aside with why, read on its board
            tell(event, played.final.scenario, worked=True, aside=_asides(event, before)),
        )


def test_dice_rulings_show_dice_modifiers_total_and_target(workshop: tuple[Played, Workshop]) -> None:
    played, _ = workshop
    report = build_report(played.path)
    log = _by_seq(report)
    md = md_text(render([played.path], "md"))
    html = HtmlDoc(render([played.path], "html")).text
    # dice moves' rolls (an argument's roll shows its own working: tests/report/test_arguments.py)
    rolls = [e for e in played.final.log if e.action.kind == "roll" and e.result["ruling"]["resolution"] == "dice"]
    assert rolls
    meters = {m.id: m.name for m in played.scenario.ruleset.meters}  # named in the working, not by id
    seen_off = seen_on = False
    for e in rolls:
        ruling = e.result["ruling"]
        entry = log[e.seq]
        assert entry["ruling"]["dice"] == ruling["dice"]
        assert entry["ruling"]["modifiers"] == ruling["modifiers"]
        assert (entry["ruling"]["total"], entry["ruling"]["target"]) == (ruling["total"], ruling["target"])
        working = entry["working"]
        a, b = ruling["dice"]
        assert working.startswith(f"rolled {a} + {b}")
        for mod in ruling["modifiers"]:
            sign = "+" if mod["add"] >= 0 else "\u2212"
            part = f"{sign}{abs(mod['add'])} for {named_source(mod['source'], meters)}"
            # with what it read at the roll (found from outside: "tension >= 3 (does not apply)" under a board at
            # tension 3 read as a wrong ruling): the value agrees with the condition's recorded outcome
            found = re.search(re.escape(part) + r" \((\S+) at the roll(: not met)?\)", working)
            assert found is not None and bool(found.group(2)) == (not mod["applies"]), (part, working)
            bound = re.search(r"(>=|<=) (-?\d+)$", mod["source"])
            if bound is not None:
                read, limit = int(found.group(1)), int(bound.group(2))
                assert (read >= limit if bound.group(1) == ">=" else read <= limit) == mod["applies"], (mod, read)
            seen_on |= mod["applies"]
            seen_off |= not mod["applies"]
        # a roll whose track closed before it was settled lapses (engine/wording.LAPSED)
        verdict = "lapsed: the track had closed" if ruling.get("lapsed") else "succeeds" if ruling["success"] else "fails"
        assert f"= {ruling['total']} vs target {ruling['target']} \u2192 {verdict}" in working
        # the move it settles, by sequence number
        assert entry["proposal"] == ruling["proposal"]
        assert working in md and working in html
    assert seen_on and seen_off


def test_consensus_rulings_show_who_accepted_and_rejected(workshop: tuple[Played, Workshop]) -> None:
    played, _ = workshop
    log = _by_seq(build_report(played.path))
    names = {a.id: a.name for a in played.scenario.ruleset.actors}
    finals = [e for e in played.final.log if e.action.kind == "vote" and "ruling" in e.result]
    assert any(e.result["ruling"]["rejected"] for e in finals)
    for e in finals:
        ruling = e.result["ruling"]
        entry = log[e.seq]
        assert entry["ruling"]["accepted"] == ruling["accepted"]
        assert entry["ruling"]["rejected"] == ruling["rejected"]
        acc = ", ".join(names[a] for a in ruling["accepted"]) or "nobody"
        rej = ", ".join(names[a] for a in ruling["rejected"]) or "nobody"
        assert f"accepted: {acc}; rejected: {rej}; needs {ruling['threshold']} accepts" in entry["working"]
        if ruling["vetoed_by"]:
            assert "vetoed by " + ", ".join(names[a] for a in ruling["vetoed_by"]) in entry["working"]


def test_facilitator_rulings_show_the_reason(workshop: tuple[Played, Workshop]) -> None:
    played, _ = workshop
    report = build_report(played.path)
    rulings = [r for rnd in report["timeline"] for r in rnd["rulings"] if r["resolution"] == "facilitator"]
    assert rulings
    for r in rulings:
        assert r["working"].startswith("facilitator's reason: simulated ruling")
    # a ruling on a move whose track had closed meanwhile says so, and still names its move
    lapsed = [r for rnd in report["timeline"] for r in rnd["rulings"] if r["lapsed"]]
    assert lapsed
    log = _by_seq(report)
    for r in lapsed:
        assert r["working"].endswith("lapsed: the track had closed")
        assert log[r["proposal"]]["kind"] == "move" and log[r["proposal"]]["outcome"] == "lapsed"


def test_moves_point_to_the_ruling_that_settled_them(workshop_report: dict) -> None:
    log = _by_seq(workshop_report)
    moves = [e for e in workshop_report["log"] if e["kind"] == "move"]
    for move in moves:
        if move["ruled_at"] is not None:
            ruling = log[move["ruled_at"]]
            assert ruling["proposal"] == move["seq"]
            assert move["outcome"] in ("succeeds", "fails", "lapsed", "applied")
        elif move["undone"]:
            assert move["outcome"] == "undone"
        else:
            assert move["resolution"] == "auto" and move["outcome"] == "applied"


# --------------------------------------------------------------------------
# The facilitator: notes, undo, override, skip, inject, redraw, end


def test_notes_are_tied_to_the_event_they_are_about(workshop: tuple[Played, Workshop]) -> None:
    played, _ = workshop
    report = build_report(played.path)
    summaries = {e.seq: tell(e, played.final.scenario) for e in played.final.log}
    notes = [e for e in played.final.log if e.action.kind == "note"]
    assert len(report["notes"]) == len(notes) >= 4
    for note, event in zip(report["notes"], notes, strict=True):
        assert note["seq"] == event.seq and note["text"] == event.action.text
        assert note["about"] == event.action.about
        expected = "the start of the game" if event.action.about == 0 else summaries[event.action.about]
        assert note["about_summary"] == expected
    log = _by_seq(report)
    for note in report["notes"]:
        if note["about"]:
            assert note["seq"] in log[note["about"]]["notes"]
    # in the documents: the note's row names the event and carries its summary
    dice_note = next(n for n in report["notes"] if n["text"].startswith("Dice note"))
    md = render([played.path], "md")
    row = next(line for line in md.splitlines() if line.startswith(f"| #{dice_note['seq']} |"))
    assert f"#{dice_note['about']} (round" in row and "Dice note" in row
    assert md_text(row).count(dice_note["about_summary"]) == 1
    doc = HtmlDoc(render([played.path], "html"))
    links = [a["href"] for a in doc.all("a") if a.get("href") == f"#r1-e{dice_note['about']}"]
    assert links and doc.all("span", id=f"r1-e{dice_note['about']}")


def test_undone_events_are_marked(workshop: tuple[Played, Workshop]) -> None:
    played, w = workshop
    report = build_report(played.path)
    log = _by_seq(report)
    undo = next(e for e in played.final.log if e.action.kind == "undo")
    target = undo.result["undoes"]
    assert target == w.undone
    assert log[target]["undone"] is True and log[target]["undone_by"] == undo.seq
    assert log[undo.seq]["undoes"] == target and log[undo.seq]["facilitator"] is True
    assert log[undo.seq]["reason"].startswith("Wrong track")
    assert sum(e["undone"] for e in report["log"]) == 1
    # the undone move in the timeline, and the note about it says so
    moves = [m for r in report["timeline"] for m in r["moves"] if m["seq"] == target]
    assert moves[0]["undone"] and moves[0]["outcome"] == "undone"
    assert any(n["about"] == target and n["about_undone"] for n in report["notes"])
    md = render([played.path], "md")
    assert f"~~{log[target]['summary']}~~ (undone by #{undo.seq})" in md
    html = render([played.path], "html")
    doc = HtmlDoc(html)
    assert len(doc.all("tr", class_="undone")) == 1
    assert f"UNDONE by #{undo.seq}" in doc.text


def test_facilitator_powers_are_marked_with_their_reasons(workshop: tuple[Played, Workshop]) -> None:
    played, _ = workshop
    report = build_report(played.path)
    kinds = {e["kind"] for e in report["log"] if e["facilitator"]}
    assert kinds == {"note", "undo", "override", "skip", "inject", "redraw", "end", "odds"}  # odds: set by the facilitator
    assert not any(e["facilitator"] for e in report["log"] if e["kind"] not in kinds)
    log = _by_seq(report)
    override = next(e for e in played.final.log if e.action.kind == "override")
    entry = log[override.seq]
    assert entry["reason"] == override.action.reason
    change = override.result["changes"][0]
    assert entry["changes"] == override.result["changes"]
    assert f"tension {change['from']} \u2192 {change['to']}" in entry["changes_text"][0]
    skip = next(e for e in played.final.log if e.action.kind == "skip")
    skipped = [
        c for r in report["timeline"] for c in r["cards"] if c["skipped"] and c["skipped"]["seq"] == skip.seq
    ]
    assert skipped and skipped[0]["skipped"]["reason"] == skip.action.reason
    assert report["outcome"]["end_reason"].startswith("Time is up")
    md = render([played.path], "md")
    assert (
        md.count("**FACILITATOR**") == len([e for e in report["log"] if e["facilitator"]]) + 1
    )  # + the legend
    assert "reason: Skip. Worth discussing in the debrief" in md
    doc = HtmlDoc(render([played.path], "html"))
    assert len(doc.all("tr", class_="facilitator")) == len([e for e in report["log"] if e["facilitator"]])


def test_sealed_moves_show_when_they_were_revealed(sealed_game: Played) -> None:
    report = build_report(sealed_game.path)
    log = _by_seq(report)
    reveals = [e for e in sealed_game.final.log if e.result.get("revealed")]
    assert reveals
    for advance in reveals:
        for seq in advance.result["revealed"]:
            assert log[seq]["sealed"] is True and log[seq]["revealed_at"] == advance.seq
    moves = [e for e in report["log"] if e["kind"] == "move"]
    assert all(m["sealed"] for m in moves)
    assert f"sealed, revealed at #{reveals[0].seq}" in render([sealed_game.path], "md")


def test_a_lapsed_provisional_agreement_is_explained(lapsed_game: Played) -> None:
    report = build_report(lapsed_game.path)
    lapsed = [t for t in report["outcome"]["tracks"] if t["lapsed"]]
    assert lapsed, "the game should end with a provisional agreement"
    before_end = lapsed_game.states[-2]
    for t in lapsed:
        assert t["status"] == "open" and before_end.tracks[t["id"]].provisional
        assert t["provisional_round"] == before_end.tracks[t["id"]].since
        kinds = [(h["from"], h["from_provisional"], h["to"]) for h in t["history"]]
        assert kinds[-2:] == [("open", False, "agreed"), ("agreed", True, "open")]
    md = render([lapsed_game.path], "md")
    assert f"provisional agreement of round {lapsed[0]['provisional_round']} lapsed at the end" in md


def test_report_of_an_unfinished_game_says_so(saves, strict_game: Played) -> None:
    path = saves / "unfinished.jsonl"
    lines = strict_game.path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:40]))
    report = build_report(open_save(path))
    assert report["damage"] is None
    assert report["outcome"]["over"] is False and report["outcome"]["complete"] is False
    assert "had not ended" in report["warnings"][0]
    assert report["timeline"][-1]["complete"] is False
    assert "had not ended" in md_text(render([path], "md"))


def test_each_round_of_the_timeline_tells_its_events_in_the_order_they_happened(
        workshop: tuple[Played, Workshop]) -> None:
    """Found from outside: a round's timeline listed every move, then every ruling, and the facilitator's override
    (#44) and notes last, so a debrief could not see that the override was what let a later move through. Every
    format tells a round in time order now (a status change right after the ruling that made it)."""
    import re

    played, _ = workshop
    md = render([played.path], "md")
    timeline = md[md.index("## Timeline"):md.index("\n## ", md.index("## Timeline") + 5)]
    kinds_seen: set[str] = set()
    for block in timeline.split("\n### ")[1:]:
        items = [line for line in block.splitlines() if line.startswith("- ") and not line.startswith("- Passed")]
        seqs = [int(re.search(r"#(\d+)", line).group(1)) for line in items]  # type: ignore[union-attr]
        assert seqs == sorted(seqs), items
        kinds_seen |= {line.split(" #")[0] for line in items}
    assert {"- Card", "- Move", "- Ruling", "- **Facilitator**", "- **Note**"} <= kinds_seen  # interleaved, all kinds
    html = render([played.path], "html")
    for events in re.findall(r'<ul class="events">(.*?)</ul>', html, re.S):
        items = [i for i in events.split("\n") if "Passed:" not in i]  # one top-level item a line
        seqs = [int(re.search(r"#(\d+)", re.sub(r"<[^>]+>", "", i)).group(1)) for i in items]  # type: ignore[union-attr]
        assert seqs == sorted(seqs), seqs


def test_a_scheduled_card_is_not_called_drawn_in_the_timeline(tmp_path: Path) -> None:
    """Found from outside (helper-86): the board said "Event card (scheduled)" and the decision log "scheduled for
    round 1", but the timeline read "Card #1 (drawn, Borders)"."""
    from tabletop.content.loader import load_scenario
    from tests.store.savekit import record_bot_game

    path = tmp_path / "g.jsonl"
    record_bot_game(path, load_scenario("parallel-tracks"), 3)
    first = build_report(path)["timeline"][0]["cards"][0]
    assert (first["seq"], first["how"]) == (1, "scheduled")
    md = render(path, "md")
    assert "#1 (scheduled" in md and "#1 (drawn" not in md, [line for line in md.splitlines() if "#1 (" in line]


def test_an_undone_redraw_sets_nothing_aside_and_the_skip_is_the_restored_card_s(tmp_path: Path) -> None:
    """Found from outside (helper-270): the facilitator drew a card, redrew, undid the redraw and skipped the
    restored card. The timeline said the first card was "set aside by the facilitator's redraw" (an undone redraw)
    and gave the skip to the redrawn card the undo took back; the decision log and the replay named the right card.
    The timeline follows what stands."""
    from tabletop.engine import Action, State

    from .kit import facilitated_save, scenario

    done: list[str] = []

    def redraw_undo_skip(state: State) -> list[Action]:
        last = state.last
        if not done and last is not None and last.action.kind == "draw" and state.card is not None:
            done.append("once")
            return [Action("redraw"), Action("undo", reason="the first card was fine"), Action("skip")]
        return []

    played = facilitated_save(tmp_path / "redraw-undone.jsonl", scenario(), 11, redraw_undo_skip)
    draw, redraw, skip = (next(e for e in played.final.log if e.action.kind == k) for k in ("draw", "redraw", "skip"))
    report = build_report(played.path)
    cards = {c["seq"]: c for r in report["timeline"] for c in r["cards"]}
    assert cards[redraw.seq]["undone"] and cards[redraw.seq]["skipped"] is None
    assert cards[draw.seq]["skipped"] == {"seq": skip.seq, "how": "skipped", "reason": skip.action.reason}
    md = render([played.path], "md")
    assert "set aside by the facilitator's redraw" not in md
    first = md.split(f"Card #{draw.seq} ", 1)[1].split("- Card #", 1)[0]
    assert f"skipped by the facilitator (#{skip.seq})" in first, first
    assert "skipped by the facilitator" not in md.split(f"Card #{redraw.seq} ", 1)[1].split("\n- ", 1)[0]
    html = HtmlDoc(render([played.path], "html")).text
    assert "set aside by the facilitator's redraw" not in html
