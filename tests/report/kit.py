"""Saves for the report tests: bot games, games with a facilitator at work, hostile text, damage.

Every save is written by the real :class:`SaveWriter` while the real engine
plays, so the reports are checked against what a workshop would produce.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from tabletop.content import Scenario, scenario_from_data
from tabletop.content.loader import load_scenario
from tabletop.engine import Action, State, apply, legal_actions, new_game
from tabletop.sim.bots import Bot, Facilitator, policies_for_game
from tabletop.sim.game import play_game
from tabletop.store import SaveWriter

HERE = Path(__file__).resolve().parent

#: Markup, an escape sequence and HTML: must come out literally, and harmless, everywhere.
HOSTILE = (
    "[bold]x[/] [/] \x1b[31mred\x1b[0m <script>alert(1)</script> & | * _ ` [a](javascript:x) <b>b</b> &amp;"
)
#: How HOSTILE reads once control characters are made visible.
HOSTILE_SHOWN = HOSTILE.replace("\x1b", "\u241b")


def scenario(name: str = "parallel-tracks", **ruleset_options: Any) -> Scenario:
    """A bundled scenario, with ``[ruleset]`` options changed (e.g. ``sealed_moves=True``)."""
    base = load_scenario(name)
    if not ruleset_options:
        return base
    data = copy.deepcopy(base.embedded())
    data["ruleset"]["ruleset"].update(ruleset_options)
    changed = scenario_from_data(data, name)
    # the same files' texts: their translations (found beside them) still hold, as a report in Ukrainian needs
    return Scenario(changed.ruleset, changed.deck, base.ruleset_source, base.deck_source)


def hostile_scenario(name: str = "parallel-tracks") -> Scenario:
    """Every card, the first track, its ladder, the first actor and an objective carry HOSTILE text."""
    data = copy.deepcopy(load_scenario(name).embedded())
    for card in data["deck"]["cards"]:
        card["title"] = ("T " + HOSTILE)[:120]
        card["text"] = HOSTILE + "\nsecond line"
        card["control_note"] = "CN " + HOSTILE
        for choice in card.get("choices", []):
            choice["label"] = ("L " + HOSTILE)[:120]
    track = data["ruleset"]["tracks"][0]
    track["name"] = ("TR " + HOSTILE)[:120]
    track["ladder"] = [f"{rung} {HOSTILE}"[:120] for rung in track["ladder"]]
    actor = data["ruleset"]["actors"][0]
    actor["name"] = ("AC " + HOSTILE)[:120]
    actor["objectives"][0]["text"] = "OB " + HOSTILE
    data["ruleset"]["meters"][0]["name"] = ("ME " + HOSTILE)[:120]
    return scenario_from_data(data, name)


# --------------------------------------------------------------------------
# Playing and saving


@dataclass
class Played:
    """A game saved as it was played, with every live state (states[i]: after event i)."""

    path: Path
    scenario: Scenario
    seed: int
    states: list[State] = field(default_factory=list)

    @property
    def final(self) -> State:
        return self.states[-1]

    def events(self, kind: str) -> list[Any]:
        return [e for e in self.final.log if e.action.kind == kind]


def bot_save(path: Path, sc: Scenario, seed: int) -> Played:
    """A whole bot game through :func:`play_game`, every event appended as it is played."""
    played = Played(path, sc, seed)
    with SaveWriter.create(path, sc, seed, durable=False) as writer:

        def observe(state: State) -> None:
            played.states.append(state)
            if state.last is not None:
                writer.append(state)

        play_game(sc, seed, observe=observe)
    return played


Hook = Callable[[State], Iterable[Action]]


def facilitated_save(
    path: Path, sc: Scenario, seed: int, hook: Hook, reason: str = "simulated ruling", lang: str | None = None
) -> Played:
    """A bot game in which ``hook(state)`` may add facilitator actions after any event.

    The white cell rules on facilitator moves with ``reason``, typed in ``lang`` (None: not recorded).
    """
    rng = random.Random(f"report/{seed}")
    actors = [a.id for a in sc.ruleset.actors]
    teams = {a: Bot(p, rng) for a, p in policies_for_game(None, actors, rng).items()}
    white = Facilitator(rng)
    state = new_game(sc, seed)
    played = Played(path, sc, seed, [state])
    with SaveWriter.create(path, sc, seed, durable=False) as writer:

        def do(action: Action) -> None:
            nonlocal state
            state = apply(state, action)
            writer.append(state)
            played.states.append(state)

        steps = 0
        while not state.over:
            options = legal_actions(state)
            actor = options[0].actor
            if actor in teams:
                action = teams[actor].choose(state, options)
            else:
                action = white.choose(options)
                if action.kind == "rule":
                    action = Action("rule", track=action.track, success=action.success, reason=reason, lang=lang)
            do(action)
            for extra in hook(state) or ():
                do(extra)
            steps += 1
            assert steps < 5000
    return played


class Workshop:
    """A facilitator at work: notes, an undo, an override, a skip, an inject, a redraw, an end.

    ``fired`` records the sequence numbers each power was used at, so tests
    can find them; ``text`` goes into the notes and reasons.
    """

    def __init__(self, text: str = "Worth discussing in the debrief", end_round: int = 6):
        self.text = text
        self.end_round = end_round
        self.fired: dict[str, int] = {}
        self.undone: int | None = None

    def _once(self, key: str) -> bool:
        if key in self.fired:
            return False
        self.fired[key] = -1
        return True

    def __call__(self, state: State) -> list[Action]:
        last = state.last
        assert last is not None
        kind = last.action.kind
        ruling = last.result.get("ruling") or {}
        out: list[Action] = []
        if last.seq == 1 and self._once("note-start"):
            out.append(Action("note", text=f"Opening briefing. {self.text}", about=0))
        if ruling.get("resolution") == "dice" and self._once("note-dice"):
            out.append(Action("note", text=f"Dice note. {self.text}", about=last.seq))
        if ruling.get("resolution") == "consensus" and ruling.get("rejected") and self._once("note-vote"):
            out.append(Action("note", text=f"Vote note. {self.text}", about=last.seq))
        if kind == "move" and state.round == 2 and self._once("undo"):
            self.undone = last.seq
            out.append(Action("undo", reason=f"Wrong track. {self.text}"))
            out.append(Action("note", text=f"Undo note. {self.text}", about=last.seq))
        open_tracks = [t for t, ts in state.tracks.items() if ts.is_open]
        if kind in RULINGS and state.round == 2 and open_tracks and not state.over and self._once("override"):
            track = open_tracks[0]
            value = 1 if state.tracks[track].tension != 1 else 0
            out.append(Action("override", track=track, tension=value, reason=f"Override. {self.text}"))
        if kind == "draw" and state.card is not None and state.round == 3 and self._once("skip"):
            out.append(Action("skip", reason=f"Skip. {self.text}"))
        if (
            kind == "advance"
            and state.phase == "moves"
            and state.round == 4
            and state.card is None
            and self._once("inject")
        ):
            out.append(Action("inject", card=state.scenario.deck.cards[0].id))
        if kind == "draw" and state.card is not None and state.round == 5 and self._once("redraw"):
            out.append(Action("redraw"))
        if kind == "advance" and state.round == self.end_round and self._once("end"):
            out.append(Action("end", reason=f"Time is up. {self.text}"))
        return out


RULINGS = ("vote", "roll", "rule", "enact")

#: The committed save behind the golden files, and how it was made (see make_tiny_game).
TINY_GAME = HERE / "fixtures" / "tiny-game.jsonl"
TINY_SEED = 2


def tiny_scenario() -> Scenario:
    return load_scenario(HERE / "fixtures" / "tiny.toml", HERE / "fixtures" / "tiny-events.toml")


def make_tiny_game(path: Path) -> Played:
    """The golden files' game: two rounds of the tiny scenario with a facilitator at work.

    Regenerate the committed save with
    ``python -c "from tests.report.kit import *; make_tiny_game(TINY_GAME)"`` (after deleting it),
    then the golden files (see test_golden.py).
    """
    return facilitated_save(
        path, tiny_scenario(), TINY_SEED, Workshop("Ask the room <why>."), "Fair <enough> & [b]ok[/]"
    )


# --------------------------------------------------------------------------
# Damage


def tear_last_line(path: Path, keep: int = 20) -> None:
    """A power cut while writing: the last line is cut short."""
    raw = path.read_bytes()
    body, last = raw[:-1].rsplit(b"\n", 1)
    path.write_bytes(body + b"\n" + last[:keep])


def edit_line(path: Path, line_no: int, old: str = "", new: str = "") -> None:
    """Change line ``line_no`` (1-based; 1 is the header) without fixing its hash chain."""
    lines = path.read_bytes().splitlines(keepends=True)
    line = lines[line_no - 1].decode("utf-8")
    if old:
        assert old in line
        line = line.replace(old, new, 1)
    else:
        record = json.loads(line)
        record["result"]["summary"] = record["result"].get("summary", "") + " (edited)"
        line = json.dumps(record, ensure_ascii=False) + "\n"
    lines[line_no - 1] = line.encode("utf-8")
    path.write_bytes(b"".join(lines))


def rewrite(path: Path, change: Callable[[list[dict[str, Any]]], None]) -> None:
    """Edit a save's records, then re-hash the chain as a careful forger would (DESIGN 6)."""
    records = [json.loads(line) for line in path.read_bytes().splitlines()]
    change(records)
    prev, out = "", []
    for record in records:
        record = {k: v for k, v in record.items() if k != "chain"}
        body = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        prev = hashlib.sha256(prev.encode("ascii") + b"\n" + body).hexdigest()[:32]
        out.append(body[:-1] + b',"chain":"' + prev.encode("ascii") + b'"}\n')
    path.write_bytes(b"".join(out))


# --------------------------------------------------------------------------
# Reading documents


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class HtmlDoc(HTMLParser):
    """Parses a document, checks that its tags balance, and keeps its text and tags."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self.feed(text)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(
                f"</{tag}> at {self.getpos()} closes {self.stack[-1] if self.stack else 'nothing'}"
            )
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def all(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]


_MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def md_tokens(text: str) -> list[Any]:
    """Every token of a Markdown document, inline children included."""
    out = []
    for tok in _MD.parse(text):
        out.append(tok)
        out.extend(tok.children or [])
    return out


def md_html(text: str) -> str:
    """The Markdown as a renderer would show it."""
    return _MD.render(text)


def md_text(text: str) -> str:
    """The text a reader sees in the rendered Markdown (one space between blocks)."""
    return re.sub(r"\s+", " ", HtmlDoc(md_html(text)).text)


def unfolded(text: str) -> str:
    """A Markdown report with each paragraph and list item that the report wrapped at ``mdrounds.WRAP`` back on one
    line (its soft breaks joined by the space they render as), for a test that looks for a sentence in it; any other
    format as it is. A line continues the one above when that one is prose and it starts with no block's mark."""
    from tabletop.report.mdrounds import _OPENS_A_BLOCK

    if text.lstrip().startswith(("<", "{")):  # html, json
        return text
    out: list[str] = []
    for line in text.split("\n"):
        prev = out[-1] if out else ""
        quoted = line.startswith("> ") and prev.startswith("> ")
        rest = line[2:] if quoted else line.lstrip(" ")
        prose = prev.strip() and not prev.lstrip().startswith(("|", "#", "```"))
        if prose and rest and (quoted or line.startswith(" ") or not prev.startswith(" ")) \
                and not _OPENS_A_BLOCK.match(rest):
            out[-1] = f"{prev} {rest}"
        else:
            out.append(line)
    return "\n".join(out)
