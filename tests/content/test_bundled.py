"""The bundled scenarios load, and the content commands behave as documented."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop import __version__
from tabletop.cli import main
from tabletop.content import Deck, Ruleset
from tabletop.content.finding import BUNDLED, DEFAULT_RULESET, bundled_decks, bundled_rulesets
from tabletop.content.loader import load_file, load_scenario

RULESETS = bundled_rulesets()  # translations (NAME.LANG.toml) are tested in test_overlays.py
DECKS = bundled_decks()
FIXTURES = Path(__file__).parent / "fixtures"
MINI_RULESET = FIXTURES / "rulesets" / "mini.toml"
MINI_DECK = FIXTURES / "decks" / "mini-events.toml"


def _no_traceback(captured: tuple[str, str]) -> None:
    out, err = captured
    assert "Traceback" not in out + err


# --------------------------------------------------------------------------
# Bundled scenarios


def test_the_default_scenario_is_bundled() -> None:
    """``tabletop`` and ``load_scenario()`` with no arguments open the default scenario."""
    scenario = load_scenario()
    assert scenario.id == DEFAULT_RULESET
    assert scenario.ruleset.ruleset.independence == "strict"


@pytest.mark.parametrize("path", RULESETS, ids=[p.stem for p in RULESETS])
def test_bundled_ruleset_loads_with_its_deck(path: Path) -> None:
    scenario = load_scenario(path)
    assert scenario.ruleset.ruleset.deck == scenario.deck.id
    # by id, as a user types it: tabletop play --ruleset <id>
    by_id = load_scenario(scenario.id)
    assert by_id.ruleset == scenario.ruleset and by_id.deck == scenario.deck


@pytest.mark.parametrize("path", DECKS, ids=[p.stem for p in DECKS])
def test_bundled_deck_loads_on_its_own(path: Path) -> None:
    deck = load_file(path)
    assert isinstance(deck, Deck)
    assert len(deck.cards) >= 1


@pytest.mark.parametrize("path", RULESETS, ids=[p.stem for p in RULESETS])
def test_bundled_ruleset_loads_on_its_own(path: Path) -> None:
    assert isinstance(load_file(path), Ruleset)


def test_validate_bundled_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(BUNDLED.rglob("*.toml"))
    assert main(["validate", str(BUNDLED)]) == 0
    captured = capsys.readouterr()
    _no_traceback(captured)
    lines = captured.out.splitlines()
    assert len(lines) == len(files)
    for path in files:
        assert sum(line.startswith(f"ok  {path}: ") for line in lines) == 1, captured.out
    for path in RULESETS:
        (line,) = [out for out in lines if out.startswith(f"ok  {path}: ")]
        assert "; checked with deck '" in line


def test_validate_bundled_scenarios_in_a_real_process() -> None:
    """The installed command's exit status, as a CI job sees it."""
    done = subprocess.run(
        [sys.executable, "-m", "tabletop", "validate", str(BUNDLED)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    ok = [line for line in done.stdout.splitlines() if line.startswith("ok  ")]
    assert len(ok) == len(list(BUNDLED.rglob("*.toml"))), done.stdout


# --------------------------------------------------------------------------
# validate on a small scenario of our own: the summary lines


RULESET_SUMMARY = "ruleset 'mini': 3 actors, 2 tracks, 1 meter, 3 moves, 4 rounds, strict"
DECK_SUMMARY = "deck 'mini-events': 2 cards (2 with copies), 1 on a track, 1 global"


def test_validate_folder_summaries(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"ok  {MINI_DECK}: {DECK_SUMMARY}",
        f"ok  {MINI_RULESET}: {RULESET_SUMMARY}; checked with deck 'mini-events'",
    ]


def test_validate_ruleset_finds_its_deck_in_the_sibling_folder(capsys: pytest.CaptureFixture[str]) -> None:
    """The deck found by id is named by its file too (found from outside, helper-176: which of two copies was read,
    a designer could not tell)."""
    assert main(["validate", str(MINI_RULESET)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"ok  {MINI_RULESET}: {RULESET_SUMMARY}; checked with deck 'mini-events' ({MINI_DECK})",
    ]


def test_validate_ruleset_without_its_deck_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alone = tmp_path / "mini.toml"
    shutil.copy(MINI_RULESET, alone)
    assert main(["validate", str(alone)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"ok  {alone}: {RULESET_SUMMARY}; deck 'mini-events' not found beside it: the ruleset is checked alone, and "
        "cannot be played until that deck is written",
    ]


def test_validate_counts_problems_and_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[deck]\nid = "mini-events"\nname = "Bad"\n\n'
        '[[cards]]\nid = "a"\ntitle = "A"\ncopise = 1\n\n'
        '[[cards]]\nid = "b"\ntitel = "B"\n'
    )
    assert main(["validate", str(MINI_RULESET), str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    # the deck given does not read: the ruleset is not checked with the one of its id beside it instead (play
    # --ruleset R --deck D plays the deck given), and is not ok
    assert out[0] == f"not ok  {MINI_RULESET}: {RULESET_SUMMARY}; the deck given with it does not read ({bad}: see its " \
                     "problems)"
    problems = out[1:4]
    for expected in (
        f"{bad}:8: cards[0].copise: unknown key 'copise' (did you mean 'copies'?)",
        f"{bad}:10: cards[1].title: required key is missing",
        f"{bad}:12: cards[1].titel: unknown key 'titel' (did you mean 'title'?)",
    ):
        assert sum(line.startswith(expected) for line in problems) == 1, out
    assert out[4:] == ["3 problems in 1 file"]


# --------------------------------------------------------------------------
# schema


@pytest.mark.parametrize(
    ("kind", "keys"),
    [("ruleset", {"ruleset", "actors", "meters", "tracks", "moves"}), ("deck", {"deck", "cards"})],
)
def test_schema_is_json_for_editors(kind: str, keys: set[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", kind]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert keys <= set(schema["properties"])
    assert schema["type"] == "object"
    # an editor flags misspelt keys only if unknown keys are forbidden
    assert schema.get("additionalProperties") is False


def test_schema_lists_the_effect_vocabulary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "deck"]) == 0
    text = capsys.readouterr().out
    for key in ("progress", "tension", "status", "meter", "resource", "log"):
        assert f'"{key}"' in text


# --------------------------------------------------------------------------
# usage errors and --version


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["--frob"], "unrecognized arguments: --frob"),
        (["validate", "--frob", "x.toml"], "unrecognized arguments: --frob"),
        (["schema", "cards"], "invalid choice: 'cards'"),
        (["validate"], "the following arguments are required: PATH"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    captured = capsys.readouterr()
    _no_traceback(captured)
    assert captured.err.startswith("usage: tabletop")
    assert complaint in captured.err
    assert captured.out == ""


@pytest.mark.parametrize(
    ("argv", "usage", "complaint", "try_help"),
    [
        (["replya", "x.jsonl"], "usage: tabletop [", "invalid choice: 'replya' (choose from 'validate', ",
         "Try 'tabletop --help'."),
        (["play", "--sed", "3"], "usage: tabletop play [", "unrecognized arguments: --sed 3 (did you mean '--seed'?)",
         "Try 'tabletop play --help'."),
        (["report", "x.jsonl", "--format", "htm"], "usage: tabletop report [",
         "invalid choice: 'htm' (choose from 'md', 'html', 'json') (did you mean 'html'?)",
         "Try 'tabletop report --help'."),
        (["simulate", "--gmaes=3"], "usage: tabletop simulate [",
         "unrecognized arguments: --gmaes=3 (did you mean '--games'?)", "Try 'tabletop simulate --help'."),
        (["verify", "a.jsonl", "b.jsonl"], "usage: tabletop verify [", "unrecognized arguments: b.jsonl\n",
         "Try 'tabletop verify --help'."),
    ],
)
def test_a_typo_is_told_what_was_meant_by_the_commands_own_parser(
    argv: list[str], usage: str, complaint: str, try_help: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped command, option or choice gets the close one named (as content errors do), and words left
    over are refused by the command's own parser: its usage and its --help, not the whole program's (found
    from outside: ``tabletop play --sed 3`` showed ``usage: tabletop [-h] ... COMMAND`` and no hint)."""
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    captured = capsys.readouterr()
    _no_traceback(captured)
    assert captured.err.startswith(usage)
    assert complaint in captured.err
    assert captured.err.endswith(try_help + "\n")
    if "replya" in argv:
        assert "(did you mean 'replay'?)" in captured.err


def test_a_typo_is_told_in_the_language_spoken(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "ru", "play", "--rulset", "x"])
    err = capsys.readouterr().err
    assert "нераспознанные аргументы: --rulset x (может быть, '--ruleset'?)" in err
    assert "tabletop play --help" in err


def test_unknown_command_in_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tabletop", "frobnicate"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    assert done.stderr.startswith("usage: tabletop")
    assert "Traceback" not in done.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out == f"tabletop {__version__}"
    assert re.fullmatch(r"tabletop \d+\.\d+\.\d+\S*", out)


def test_the_json_schemas_accept_every_bundled_file() -> None:
    """`tabletop schema ruleset|deck` is what an editor checks files with: it must agree with the loader."""
    import json
    import tomllib

    import jsonschema

    from tabletop.cli.schema import schema_for

    for kind in ("ruleset", "deck"):
        validator = jsonschema.Draft202012Validator(json.loads(json.dumps(schema_for(kind))))
        for path in bundled_rulesets() if kind == "ruleset" else bundled_decks():
            errors = list(validator.iter_errors(tomllib.loads(path.read_text(encoding="utf-8"))))
            assert errors == [], f"{path.name}: {errors[0].message if errors else ''}"
