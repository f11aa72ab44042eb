"""The user's cache of validated custom scenarios: served only for the exact bytes validated, never in the way.

Every test here has an empty cache folder of its own (``XDG_CACHE_HOME``).
Validations are counted by wrapping the validator, not timed.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tabletop.content import ContentError, load_scenario, scenario_from_data, usercache, validation
from tabletop.content.cache import data_sha
from tabletop.content.fields import dump
from tabletop.content.finding import BUNDLED, bundled_rulesets
from tabletop.sim import runner

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user cache folder for this test; the folder entries go to."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "tabletop" / "scenarios"


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the sources validated with pydantic during the test, in order."""
    seen: list[str] = []
    real = validation.validate

    def counted(source, cls):  # noqa: ANN001, ANN202 - the validator's own signature
        seen.append(source.name)
        return real(source, cls)

    monkeypatch.setattr(validation, "validate", counted)
    return seen


@pytest.fixture
def custom(tmp_path: Path) -> Path:
    """A custom scenario: the small fixture ruleset with its deck beside it, in a folder of our own."""
    shutil.copytree(FIXTURES, tmp_path / "mine")
    return tmp_path / "mine" / "rulesets" / "mini.toml"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def assert_same(cached, validated) -> None:  # noqa: ANN001
    """Field for field, as objects and as data, with the same file names."""
    assert cached.ruleset == validated.ruleset
    assert cached.deck == validated.deck
    assert dump(cached.ruleset) == dump(validated.ruleset) and dump(cached.deck) == dump(validated.deck)
    assert cached.embedded() == validated.embedded()
    assert (cached.ruleset_source, cached.deck_source) == (validated.ruleset_source, validated.deck_source)


def test_a_custom_scenario_is_validated_once_then_read_from_the_cache(cache_home, validations, custom) -> None:  # noqa: ANN001
    first = load_scenario(custom)
    assert len(validations) == 2  # the ruleset and its deck
    assert len(entries(cache_home)) == 2  # found by the files' bytes, and by the data (saves, simulate workers)
    again = load_scenario(custom)
    assert len(validations) == 2
    assert_same(again, first)
    assert_same(again, load_scenario(custom, use_cache=False))


def test_a_custom_scenario_seen_before_starts_without_pydantic(cache_home, custom) -> None:  # noqa: ANN001
    """What makes the cold start with a custom scenario as fast as with a bundled one."""
    load_scenario(custom)
    code = (
        "import sys\n"
        "from tabletop import load_scenario, new_game\n"
        "from tabletop.tui.app import TabletopApp\n"
        f"new_game(load_scenario({str(custom)!r}), seed=1)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("path", bundled_rulesets(), ids=lambda p: p.stem)
def test_a_cached_load_equals_the_validated_one(cache_home, validations, tmp_path, path) -> None:  # noqa: ANN001
    """Each bundled scenario, its bytes changed by a comment so that the user's cache serves it."""
    shutil.copytree(BUNDLED, tmp_path / "scenarios")
    ruleset = tmp_path / "scenarios" / path.relative_to(BUNDLED)
    ruleset.write_bytes(ruleset.read_bytes() + b"\n# my copy\n")
    validated = load_scenario(ruleset)
    count = len(validations)
    assert count == 2
    cached = load_scenario(ruleset)
    assert len(validations) == count
    assert_same(cached, validated)
    assert_same(cached, load_scenario(ruleset, use_cache=False))
    # a save's embedded copy: from the cache too, with the save's names
    embedded = scenario_from_data(validated.embedded(), "s.jsonl")
    assert len(validations) == count + 2  # use_cache=False above validated both files again
    assert embedded.ruleset == validated.ruleset and embedded.deck == validated.deck
    assert embedded.ruleset_source == "s.jsonl (embedded ruleset)"


def test_embedded_data_is_validated_once(cache_home, validations, custom) -> None:  # noqa: ANN001
    data = load_scenario(custom, use_cache=False).embedded()
    assert entries(cache_home) == []  # use_cache=False neither reads nor writes
    validations.clear()
    first = scenario_from_data(data, "a.jsonl")
    assert len(validations) == 2 and len(entries(cache_home)) == 1
    second = scenario_from_data(data, "b.jsonl")
    assert len(validations) == 2
    assert second.ruleset == first.ruleset and second.deck == first.deck and second.embedded() == data


def test_simulate_workers_do_not_validate_a_scenario_seen_before(cache_home, validations, custom) -> None:  # noqa: ANN001
    scenario = load_scenario(custom)
    validations.clear()
    runner._init_worker(scenario.embedded())  # what each worker process does first
    assert validations == []
    assert runner._WORKER_SCENARIO is not None and runner._WORKER_SCENARIO.ruleset == scenario.ruleset
    # and in a fresh process, as a worker is: pydantic is never imported
    code = (
        "import json, sys\n"
        "from tabletop.sim import runner\n"
        "runner._init_worker(json.loads(sys.stdin.read()))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(scenario.embedded()), capture_output=True,
                         text=True, check=True, env=os.environ)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------
# Stale


def test_an_edited_ruleset_is_validated_again(cache_home, validations, custom) -> None:  # noqa: ANN001
    load_scenario(custom)
    custom.write_text(custom.read_text(encoding="utf-8").replace('"Mini scenario"', '"Mini, edited"'), encoding="utf-8")
    validations.clear()
    assert load_scenario(custom).name == "Mini, edited"
    assert len(validations) == 2
    assert load_scenario(custom).name == "Mini, edited" and len(validations) == 2


def test_an_edited_deck_is_validated_again(cache_home, validations, custom) -> None:  # noqa: ANN001
    first = load_scenario(custom)
    deck = custom.parent.parent / "decks" / "mini-events.toml"
    card = first.deck.cards[0]
    deck.write_text(deck.read_text(encoding="utf-8").replace(card.title, "Renamed card", 1), encoding="utf-8")
    validations.clear()
    assert load_scenario(custom).deck.cards[0].title == "Renamed card"
    assert len(validations) == 2


@pytest.mark.parametrize("which", ["ruleset", "deck"])
def test_an_edited_file_with_an_error_is_reported_never_served(cache_home, custom, which: str) -> None:
    load_scenario(custom)
    target = custom if which == "ruleset" else custom.parent.parent / "decks" / "mini-events.toml"
    head = "[ruleset]\n" if which == "ruleset" else "[[cards]]\n"
    text = target.read_text(encoding="utf-8")
    assert head in text
    target.write_text(text.replace(head, head + "bogus = 3\n", 1), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_scenario(custom)
    assert f"{target.name}:" in str(err.value) and "unknown key 'bogus'" in str(err.value)


def test_a_new_validator_validates_again(cache_home, validations, custom, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """An upgrade (tabletop, its content rules or pydantic) means validating again."""
    load_scenario(custom)
    monkeypatch.setattr(usercache, "validator", lambda: "the next release")
    validations.clear()
    load_scenario(custom)
    assert len(validations) == 2


def test_the_validator_covers_the_content_code() -> None:
    """Editing a rule of the validator (any module of the content package) changes the key."""
    usercache.validator.cache_clear()
    before = usercache.validator()
    assert before is not None
    real = Path.read_bytes

    def edited(self: Path) -> bytes:
        return real(self) + (b"# edited\n" if self.name == "checks.py" else b"")

    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Path, "read_bytes", edited)
            usercache.validator.cache_clear()
            assert usercache.validator() not in (None, before)
    finally:
        usercache.validator.cache_clear()
    assert usercache.validator() == before


# --------------------------------------------------------------------------
# Corrupt


def _corrupt(kind: str, text: str) -> str | bytes:
    head, keys, data, _ = text.split("\n")
    if kind == "empty":
        return ""
    if kind == "torn":
        return text[: len(text) // 2]
    if kind == "not-json":
        return "{not json\n"
    if kind == "not-utf8":
        return b"\xff\xfe" + text.encode()
    if kind == "lists":
        return "[1]\n[2]\n[3]\n"
    if kind == "other-format":
        return text.replace('"format":2', '"format":99', 1)
    if kind == "other-validator":
        return json.dumps({**json.loads(head), "validator": "0" * 64}) + "\n" + keys + "\n" + data + "\n"
    if kind == "keys-missing":
        return head + "\n{}\n" + data + "\n"
    if kind == "nested":  # deeper than the JSON reader goes
        return head + "\n" + keys + "\n" + "[" * 100_000 + "]" * 100_000 + "\n"
    if kind == "data-changed":  # one value changed, the hash left as it was
        return text.replace('"turns":4', '"turns":0', 1)
    if kind == "data-wrong-shape":  # a table of nothing, with its own hash: fails to build
        wrong = {"ruleset": {}, "deck": {}}
        return head + "\n" + json.dumps({**json.loads(keys), "data_sha": data_sha(wrong)}) + "\n" + json.dumps(wrong) + "\n"
    raise AssertionError(kind)


CORRUPTIONS = ["empty", "torn", "not-json", "not-utf8", "lists", "other-format", "other-validator", "keys-missing",
               "nested", "data-changed", "data-wrong-shape"]


@pytest.mark.parametrize("kind", CORRUPTIONS)
def test_a_corrupt_entry_only_means_validating_again(cache_home, validations, custom, kind: str) -> None:  # noqa: ANN001
    validated = load_scenario(custom)
    data = validated.embedded()
    for entry in entries(cache_home):
        text = entry.read_text(encoding="utf-8")
        assert '"turns":4' in text
        broken = _corrupt(kind, text)
        entry.write_bytes(broken if isinstance(broken, bytes) else broken.encode())
    validations.clear()
    again = load_scenario(custom)
    assert len(validations) == 2
    assert_same(again, validated)
    assert scenario_from_data(data).ruleset.ruleset.turns == 4
    # validating again wrote the entries anew: the next start reads them
    validations.clear()
    load_scenario(custom)
    scenario_from_data(data)
    assert validations == []


@pytest.mark.parametrize("kind", ["fifo", "directory", "device"])
def test_an_entry_that_is_not_a_regular_file_is_never_read(cache_home, validations, custom, kind: str) -> None:  # noqa: ANN001
    """A FIFO would block the start; /dev/zero never ends; neither is read, and nothing fails."""
    raw = custom.read_bytes()
    name = usercache.files_name(usercache.bundled.file_sha(raw), None)
    assert name is not None
    cache_home.mkdir(parents=True)
    spot = cache_home / name
    if kind == "fifo":
        os.mkfifo(spot)
    elif kind == "directory":
        spot.mkdir()
    else:
        spot.symlink_to("/dev/zero")
    assert load_scenario(custom).id == "mini"
    assert len(validations) == 2
    load_scenario(custom)  # still not read (the fifo and the directory stay); validated again, no error
    assert len(validations) in (2, 4)


# --------------------------------------------------------------------------
# Unwritable


def test_a_cache_folder_that_cannot_be_made_only_means_validating(monkeypatch, validations, custom, tmp_path) -> None:  # noqa: ANN001
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # tabletop/ cannot be made inside a file
    assert load_scenario(custom).id == "mini"
    assert load_scenario(custom).id == "mini"
    assert len(validations) == 4


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT])
def test_a_write_that_fails_leaves_nothing_behind(cache_home, monkeypatch, custom, error: int) -> None:  # noqa: ANN001
    def refused(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(usercache.os, "replace", refused)
    first = load_scenario(custom)
    assert load_scenario(custom).ruleset == first.ruleset
    assert list(cache_home.iterdir()) == []  # no entry, and no temporary file left over


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mount a small tmpfs (root ignores permission bits, so read-only and full need a real filesystem)."""
    points: list[Path] = []

    def mount(options: str) -> Path:
        point = tmp_path / f"mnt{len(points)}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("cannot mount a tmpfs here (not root, or no mount)")
        points.append(point)
        return point

    yield mount
    for point in points:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_a_read_only_cache_only_means_validating(monkeypatch, mounted, validations, custom) -> None:  # noqa: ANN001
    monkeypatch.setenv("XDG_CACHE_HOME", str(mounted("ro,size=64k")))
    assert load_scenario(custom).id == "mini" and load_scenario(custom).id == "mini"
    assert len(validations) == 4


def test_a_full_disk_only_means_validating(monkeypatch, mounted, validations, custom) -> None:  # noqa: ANN001
    home = mounted("size=64k")
    folder = home / "tabletop" / "scenarios"
    folder.mkdir(parents=True)
    with open(home / "filler", "wb", buffering=0) as filler, pytest.raises(OSError) as full:
        while True:
            filler.write(b"x" * 4096)
    assert full.value.errno == errno.ENOSPC
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    assert load_scenario(custom).id == "mini" and load_scenario(custom).id == "mini"
    assert len(validations) == 4
    assert list(folder.iterdir()) == []  # no torn or temporary file


# --------------------------------------------------------------------------
# Where, and many writers


def test_xdg_cache_home_is_respected(cache_home, custom) -> None:  # noqa: ANN001
    assert usercache.folder() == cache_home
    load_scenario(custom)
    assert len(entries(cache_home)) == 2


@pytest.mark.parametrize(("platform", "xdg", "expected"), [
    ("linux", "", "HOME/.cache/tabletop/scenarios"),
    ("linux", "relative/path", "HOME/.cache/tabletop/scenarios"),  # the XDG rule: only an absolute path counts
    ("darwin", "", "HOME/Library/Caches/tabletop/scenarios"),
    ("win32", "", "LOCAL/tabletop/Cache/scenarios"),
    ("darwin", "/XDG", "/XDG/tabletop/scenarios"),
])
def test_the_cache_folder_follows_each_platform(monkeypatch, tmp_path, platform, xdg, expected) -> None:  # noqa: ANN001
    monkeypatch.setattr(usercache.sys, "platform", platform)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    monkeypatch.setenv("XDG_CACHE_HOME", xdg.replace("/XDG", str(tmp_path / "xdg")))
    wanted = expected.replace("HOME", str(tmp_path / "home")).replace("LOCAL", str(tmp_path / "local"))
    assert usercache.folder() == Path(wanted.replace("/XDG", str(tmp_path / "xdg")))


def test_many_writers_never_tear_an_entry(cache_home, custom) -> None:  # noqa: ANN001
    """Simulate workers and two terminals writing the same entry: a reader sees all of it or none."""
    scenario = load_scenario(custom, use_cache=False)
    data = scenario.embedded()
    stop = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            while not stop.is_set():
                usercache.remember_data(data)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    usercache.remember_data(data)
    writers = [threading.Thread(target=write) for _ in range(4)]
    for w in writers:
        w.start()
    seen = 0
    try:
        for _ in range(300):
            entry = usercache.for_data(data)
            if entry is not None:
                seen += 1
                assert entry["data"] == data
    finally:
        stop.set()
        for w in writers:
            w.join()
    assert errors == [] and seen == 300  # replaced, never missing or partly written
    assert [p.name for p in cache_home.iterdir() if p.name.startswith(".tmp-")] == []


def test_the_cache_keeps_the_entries_written_last(cache_home, custom) -> None:  # noqa: ANN001
    cache_home.mkdir(parents=True)
    for i in range(usercache.KEEP + 10):
        old = cache_home / f"{i:064x}.jsonl"
        old.write_text("an entry of long ago\n")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    load_scenario(custom)
    kept = entries(cache_home)
    assert len(kept) == usercache.KEEP
    assert not (cache_home / f"{0:064x}.jsonl").exists()  # the oldest went first
    assert usercache.for_files(custom.read_bytes(), None) is not None  # the new ones stayed
    assert usercache.for_data(load_scenario(custom).embedded()) is not None


def test_simulate_worker_processes_validate_nothing(cache_home, custom, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """Counted in the workers themselves: each validation they make is written to a file."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the counting validator reaches worker processes only when they are forked")
    log = tmp_path / "validated.log"
    real = validation.validate

    def logged(source, cls):  # noqa: ANN001, ANN202
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {source.name}\n")
        return real(source, cls)

    monkeypatch.setattr(validation, "validate", logged)
    scenario = load_scenario(custom)
    # the count does reach the workers: with no cache they validate, each once
    monkeypatch.setenv("XDG_CACHE_HOME", str(custom))  # a file: no cache folder can be made there
    log.unlink()
    results = list(runner.run_games(scenario, 16, seed=3, workers=2))
    assert len(results) == 16 and log.exists()
    assert {line.split()[0] for line in log.read_text().splitlines()} - {str(os.getpid())}
    # with the cache the parent filled, they validate nothing
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home.parent.parent))
    log.unlink()
    again = list(runner.run_games(scenario, 16, seed=3, workers=2))
    assert [r.tracks for r in again] == [r.tracks for r in results]
    assert not log.exists()
