"""The README's commands work as written: the flags exist, and it says how to reach `tabletop` in the venv."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tabletop.cli import build_parser

README = Path(__file__).resolve().parents[1] / "README.md"


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.startswith("tabletop ")]


def test_every_tabletop_command_in_the_readme_parses() -> None:
    found = commands()
    assert len(found) >= 10
    parser = build_parser()
    for line in found:
        words = shlex.split(line, comments=True)
        words = words[: words.index(">")] if ">" in words else words  # a shell redirection
        parser.parse_args(words[1:])  # exits (a failed test) on an unknown flag or a bad value


def test_the_readme_says_how_to_run_tabletop_from_the_venv() -> None:
    text = README.read_text(encoding="utf-8")
    install = text.index(".venv/bin/pip install .")
    first_bare = min(text.index(f"\n{c}") for c in commands())
    activation = text.index(". .venv/bin/activate")
    assert install < activation < first_bare  # said before the first bare `tabletop …` command
    assert ".venv/bin/tabletop play" in text


def test_the_readme_test_command_is_what_ci_runs() -> None:
    """README's test command is the line .ci/run runs: CI runs what a developer is told to run."""
    root = README.parent
    text = README.read_text(encoding="utf-8")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    browser = (root / "scripts" / "browser").read_text(encoding="utf-8")
    command = next(line for line in ci.splitlines() if line.startswith("scripts/browser && "))
    assert f"```sh\n{command}\n```" in text
    assert command.endswith(".venv/bin/python -m pytest -n auto")
    assert "apt-get install" in browser and "chromium chromium-driver" in browser


def test_the_readme_s_margins_of_error_are_the_arithmetic_s() -> None:
    """Found from outside (helper-205): the README called differences noise "about ±2.5 points at 95 %", a figure
    for one share, where a difference between two points' shares (their variances added) is wider: ±3.5 near 20 %,
    ±4.4 near 50 % at 1,000 games a point. Each figure it gives is recomputed here."""
    import math

    text = " ".join(README.read_text(encoding="utf-8").split())
    games = 1000
    assert f"With {games:,} games a point, each share is within ±{196 * 0.5 / math.sqrt(games):.1f} percentage" in text
    differences = re.findall(r"±(\d+\.\d)(?: percentage points for two shares)? near (\d+) %", text)
    assert len(differences) >= 4, differences
    for said, share in differences:
        p = int(share) / 100
        assert said == f"{196 * math.sqrt(2 * p * (1 - p) / games):.1f}", (said, share)
    for a, b, said in re.findall(r"(\d+\.\d) % at \d+ against (\d+\.\d) % at \d+ \(±(\d\.\d)\)", text):
        p, q = float(a) / 100, float(b) / 100
        assert said == f"{196 * math.sqrt((p * (1 - p) + q * (1 - q)) / games):.1f}"
    assert "about ±2.5 points at 95 %" not in text


def test_the_readme_says_escape_over_typed_text_takes_two_presses_as_the_dialogs_do() -> None:
    """Found from outside (helper-222): the README said of the argument dialog "Escape sends nothing", but once text
    is typed the first Escape only warns, under the fields, and the dialogs' keys say "Escape twice" (a second closes
    it, the text gone). The README says what the screens say."""
    from tabletop.tui.modals import AskScreen

    assert "Escape twice" in str(AskScreen._keys(typed=True))  # the screens' words (the argument dialog's alike)
    text = " ".join(README.read_text(encoding="utf-8").split())
    assert "Escape sends nothing." not in text
    said = text[text.index("Make an argument"):text.index("Undo takes back one step")]
    assert "Escape twice" in said and "warns" in said, said


def test_the_readme_says_a_resume_gives_back_the_time_after_the_last_event() -> None:
    """Found from outside (helper-302): the README said a resumed game "goes on with the time it had", and the teams
    saw their clocks go up after `host --resume` (01:13 where they had shown 00:57 while the host was down): a resume
    starts from the clock saved with the last event (tests/tui/test_timers.py shows it), and the README and
    docs/seats.md say the time after that event is given back."""
    text = " ".join(README.read_text(encoding="utf-8").split())
    assert "so a resumed game goes on with the time it had." not in text
    said = text[text.index("The board also shows the session's time so far."):text.index("## Teams on their own")]
    assert "at its last event" in said and "given back" in said and "host --resume" in said, said
    seats = " ".join((README.parent / "docs" / "seats.md").read_text(encoding="utf-8").split())
    assert "`host --resume` goes on with the clock of the last event" in seats and "given back" in seats


def test_the_readme_names_what_the_participants_report_leaves_out() -> None:
    """Found from outside (helper-302): the participants' report says it leaves out control notes, secret objectives
    until the game is over, and the facilitator's discussion prompts; the README named only the first two. Its
    audience sentence names each thing the report's header can say it left out of a finished game."""
    from tabletop.report.words import CONTROL_NOTES, FACILITATOR_PROMPTS

    text = " ".join(README.read_text(encoding="utf-8").split())
    said = text[text.index("`--audience participants` makes the copy"):text.index("A damaged save")]
    for left_out in (CONTROL_NOTES, FACILITATOR_PROMPTS, "secret objectives only once the game is over"):
        assert left_out in said, (left_out, said)


def test_the_docs_name_the_start_screens_fields_as_the_screen_labels_them() -> None:
    """Found from outside (helper-302): the README sent the facilitator to the start screen's "Timers" field, which
    the screen labels "Phase timers". Every field the README and the authoring guide name in bold on the start screen
    is one of the screen's labels."""
    from tabletop.tui.start import LABELS

    named = []
    for doc in (README, README.parent / "docs" / "authoring.md"):
        text = " ".join(doc.read_text(encoding="utf-8").split())
        named += re.findall(r"start screen(?:'s|, fill in the) \*\*(.+?)\*\* field", text)
    assert len(named) >= 2, named
    assert set(named) <= set(LABELS.values()), named


def test_the_readme_says_which_facilitator_keys_the_footer_shows() -> None:
    """Found from outside (helper-302): the README said the facilitator's keys "(pause, ..., undo, note, end) are in
    the footer", but skip, redraw and undo are there only when they act, o is a seated team's Objectives, and l and
    s are never there (F1 lists them). The README names the keys the board never puts in its footer as F1's."""
    from tabletop.tui.board import BoardScreen

    hidden = [b.key for b in BoardScreen.BINDINGS
              if not isinstance(b, tuple) and (b.id or "").startswith("facilitator.") and not b.show]
    assert hidden
    text = " ".join(README.read_text(encoding="utf-8").split())
    said = text[text.index("ctrl+p opens the command palette."):text.index("keyboard layout the letter on the same key")]
    assert "are in the footer" not in said and "F1 lists them all" in said, said
    for key in hidden:
        assert f"`{key}`" in said, (key, said)


def test_the_readme_gives_simulate_s_defaults() -> None:
    """Found from outside (helper-302): neither `simulate --help` nor the README said how many games a run plays,
    or from which seed, without --games and --seed. The README's simulate section says the parser's defaults."""
    import argparse

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    defaults = {a.dest: a.default for a in sub.choices["simulate"]._actions}
    text = " ".join(README.read_text(encoding="utf-8").split())
    said = text[text.index("## Simulating"):text.index("## Sweeps")]
    assert f"{defaults['games']:,} games from seed {defaults['seed']}" in said, said


def test_the_readme_installs_the_cluster_extra_as_the_sweeps_message_does() -> None:
    """Found from outside (helper-306): a sweep without pyarrow exited 2, "a mistake in how the command was typed",
    and told a tabletop installed from a wheel only a checkout's command. What the machine lacks is exit 1, in the
    table of exit statuses and the sweep's own; the README gives both commands the message gives."""
    from tabletop.cli.sweep import INSTALL

    text = " ".join(README.read_text(encoding="utf-8").split())
    statuses = text[text.index("Every command exits alike"):text.index("; 2 a mistake in how the command was typed")]
    assert "a package it needs not installed" in statuses, statuses
    sweeps = text[text.index("It needs the `cluster` extra"):text.index("A sweep file names")]
    for command in ("-m pip install 'tabletop[cluster]'", ".venv/bin/pip install -e '.[cluster]'"):
        assert command in INSTALL and command in sweeps, (command, sweeps)
    assert "says so, runs nothing and exits 1" in sweeps, sweeps
    ends = text[text.index("**How a sweep ends**"):text.index("2: a mistake in the command line")]
    assert "the `cluster` extra not installed" in ends, ends


def test_the_readme_says_what_a_wheel_leaves_out_and_how_to_build_one() -> None:
    """Found from outside (helper-306): installed from a wheel, the README's sweep example (docs/sweeps/borders.toml)
    and the docs/ it links were nowhere; and a wheel rebuilt in a used checkout kept modules deleted since (setuptools'
    build/ folder). The install lines and the sweeps' say where those files are and how to build a wheel."""
    text = " ".join(README.read_text(encoding="utf-8").split())
    start = text[text.index("## Quick start"):text.index("## Playing")]
    assert "`docs/`" in start and "source repository" in start, start
    assert "a clean clone" in start and "`build/` folder" in start, start
    sweeps = text[text.index("## Sweeps"):text.index("tabletop sweep docs/sweeps/borders.toml")]
    assert "`docs/sweeps/borders.toml`" in sweeps and "source repository" in sweeps, sweeps
