"""Shared tools for the save-log tests: record games, forge lines, run the CLI.

The forging helpers re-implement the line format from DESIGN section 6 and the
savefile docstring (canonical JSON, then ``"chain"`` last, the chain being
sha256 over the previous chain, a newline and the canonical body), the way
someone editing a save by hand would. If the writer's format drifts from what
is documented, the tests that use them fail.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tabletop.content import Scenario
from tabletop.content.finding import bundled_rulesets
from tabletop.content.loader import load_scenario
from tabletop.engine import Action, Event, State
from tabletop.sim.game import play_game
from tabletop.store import SaveWriter

RULESETS = bundled_rulesets()
REPO = Path(__file__).resolve().parents[2]


@dataclass
class Recorded:
    """A game saved while it was played, with what the live engine saw."""

    path: Path
    scenario: Scenario
    seed: int
    states: list[State]  # states[i]: the live state after action i (0: new_game)

    @property
    def hashes(self) -> list[str]:
        return [s.hash for s in self.states]

    @property
    def final(self) -> State:
        return self.states[-1]


def record_bot_game(path: Path, scenario: Scenario, seed: int, durable: bool = False) -> Recorded:
    """Play a whole bot game, appending every event to a new save at ``path``."""
    states: list[State] = []
    with SaveWriter.create(path, scenario, seed, durable=durable) as writer:

        def observe(state: State) -> None:
            states.append(state)
            if state.last is not None:
                writer.append(state)

        play_game(scenario, seed, None, 0, observe=observe)
    return Recorded(path, scenario, seed, states)


def record_actions(path: Path, scenario: Scenario, seed: int, steps: Iterable[Callable[[State], Action]],
                   extra: dict[str, Any] | None = None) -> Recorded:
    """Apply scripted actions (each built from the state it is applied to), saving each; ``extra``: the header's
    (e.g. ``{"seats": ...}``)."""
    from tabletop.engine import apply, new_game

    state = new_game(scenario, seed)
    states = [state]
    with SaveWriter.create(path, scenario, seed, durable=False, extra=extra) as writer:
        for step in steps:
            state = apply(state, step(state))
            writer.append(state)
            states.append(state)
    return Recorded(path, scenario, seed, states)


def first_legal(state: State) -> Action:
    """A scripted step (:func:`record_actions`): the first action the engine lists."""
    from tabletop.engine import legal_actions

    return legal_actions(state)[0]


def record_undone_sealed(path: Path, scenario: Scenario, seed: int, to_reveal: bool = False,
                         note: str | None = None, note_on_note: str | None = None,
                         note_on_undo: str | None = None) -> Event:
    """A sealed game whose first sealed move is taken back by an undo, so never revealed; played on to the
    reveal of the round's other sealed moves if ``to_reveal``; ``note``: the facilitator's note on that move,
    written before the undo (``note_on_note``: a second note, on that note; ``note_on_undo``: a note written right
    after the undo, on it). Returns the undone move's event."""
    from tabletop.engine import apply, legal_actions, new_game

    state = new_game(scenario, seed)
    with SaveWriter.create(path, scenario, seed, durable=False) as writer:
        while not [p for p in state.queue if p.sealed]:
            state = apply(state, legal_actions(state)[0])
            writer.append(state)
        committed = state.last
        if note is not None:
            state = apply(state, Action("note", text=note))
            writer.append(state)
        if note_on_note is not None:  # no about: the engine's default, the last event (the note), as old saves hold
            state = apply(state, Action("note", text=note_on_note))
            writer.append(state)
        state = apply(state, Action("undo"))
        writer.append(state)
        if note_on_undo is not None:
            state = apply(state, Action("note", text=note_on_undo, about=state.seq))
            writer.append(state)
        while to_reveal and not any(e.result.get("revealed") for e in state.log):
            state = apply(state, legal_actions(state)[0])
            writer.append(state)
    assert committed is not None and committed.action.kind == "move"
    return committed


def scenario(name: str = "parallel-tracks") -> Scenario:
    return load_scenario(name)


# --------------------------------------------------------------------------
# Lines


def lines_of(path: Path) -> list[bytes]:
    """The file's lines, each with its newline."""
    return path.read_bytes().splitlines(keepends=True)


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def chain_line(record: dict[str, Any], prev: str) -> tuple[bytes, str]:
    """A line as a writer (or a careful forger) would write it after ``prev``."""
    body = dict(record)
    body.pop("chain", None)
    raw = canonical(body)
    chain = hashlib.sha256(prev.encode("ascii") + b"\n" + raw).hexdigest()[:32]
    return raw[:-1] + b',"chain":"' + chain.encode("ascii") + b'"}\n', chain


def rechain(records: list[dict[str, Any]], prev: str = "") -> bytes:
    """A whole file from records, every chain recomputed from the header on (or the lines after the one whose
    chain hash is ``prev``)."""
    out: list[bytes] = []
    for record in records:
        raw, prev = chain_line(record, prev)
        out.append(raw)
    return b"".join(out)


def records_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines_of(path)]


# --------------------------------------------------------------------------
# The command line


def tabletop(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tabletop ARGS`` as a user would, capturing both streams."""
    return subprocess.run(
        [sys.executable, "-m", "tabletop", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd or REPO,
        timeout=timeout,
    )


def tabletop_here(*args: str) -> subprocess.CompletedProcess[str]:
    """``tabletop ARGS`` run in this process, as ``python -m tabletop`` runs it (``tabletop.cli.main``).

    The exit status and both streams, as :func:`tabletop` gives them, for the many checks of what
    ``tabletop verify`` prints: a new interpreter and its imports cost each ~0.2 CPU-s and show nothing
    more about the command (an exception would end the test here as a traceback fails it there). Each
    module keeps a real process (:func:`tabletop`) for the entry point and the process's own streams.
    """
    import contextlib
    import io

    from tabletop.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse ends a bad command line so
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["tabletop", *args], code, out.getvalue(), err.getvalue())


# --------------------------------------------------------------------------
# kill -9 while writing


WRITER = Path(__file__).with_name("_writer.py")


@dataclass
class KillTrial:
    """One writer killed with SIGKILL, and what resume made of its save."""

    delay: float
    reported: int  # the last sequence number the writer said was written
    recovered: int  # events in the save after resume
    torn: bool  # resume had a torn last line to drop
    messages: list[str]
    verified: bool
    verify_lines: list[str]


def kill_trial(save: Path, seed: int, delay: float, start_timeout: float = 60) -> KillTrial:
    """Start the writer, wait until it has written an event, sleep ``delay``, SIGKILL it, resume."""
    import os
    import signal
    import threading

    from tabletop.engine import Action, apply
    from tabletop.store.recovery import resume
    from tabletop.store.verifying import verify

    stderr = save.with_suffix(".stderr")
    with open(stderr, "wb") as err:
        proc = subprocess.Popen([sys.executable, str(WRITER), str(save), str(seed)], stdout=subprocess.PIPE,
                                stderr=err, cwd=REPO)
    seqs: list[bytes] = []
    started = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            seqs.append(line)
            started.set()
        started.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not started.wait(start_timeout) or not seqs:
            raise AssertionError(f"the writer wrote nothing: {stderr.read_text()}")
        import time

        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        reader.join(10)
        assert proc.stdout is not None
        proc.stdout.close()
    if proc.returncode != -signal.SIGKILL:
        raise AssertionError(f"the writer stopped by itself ({proc.returncode}): {stderr.read_text()}")
    complete = [int(line) for line in seqs if line.endswith(b"\n")]
    assert complete == list(range(1, len(complete) + 1)), "the writer printed its events out of order"

    resumed = resume(save)
    torn = any("incomplete" in m for m in resumed.messages)
    recovered = len(resumed.save)
    # the workshop goes on after the crash: one more event, then the save must check out
    state = apply(resumed.state, Action("note", text="resumed after a crash"))
    resumed.writer.append(state)
    resumed.writer.close()
    report = verify(save)
    stderr.unlink()
    return KillTrial(delay, complete[-1], recovered, torn, resumed.messages, report.ok and report.events == recovered + 1,
                     report.lines())
