"""A save's embedded scenario is built once per header in a process, and each save still names its own file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tabletop.store import embedded, reading
from tabletop.store.reading import open_save
from tabletop.store.recovery import resume
from tabletop.store.verifying import verify

from .savekit import record_bot_game, scenario


@pytest.fixture()
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names the embedded scenarios are built under, from an empty memo."""
    monkeypatch.setattr(embedded, "_built", type(embedded._built)())
    built: list[str] = []
    real = embedded.scenario_from_data

    def counted(data: dict, name: str = "<embedded>"):  # noqa: ANN202 - a Scenario
        built.append(name)
        return real(data, name)

    monkeypatch.setattr(embedded, "scenario_from_data", counted)
    return built


def test_opening_one_save_again_and_again_builds_its_scenario_once(tmp_path: Path, builds: list[str]) -> None:
    game = record_bot_game(tmp_path / "game.jsonl", scenario(), 4)
    first = open_save(game.path)
    for _ in range(3):
        again = open_save(game.path)
        assert again.scenario == first.scenario and again.scenario is not first.scenario
    assert verify(game.path).ok
    resumed = resume(game.path, durable=False)  # opens the save, and again after any repair
    resumed.writer.close()
    assert builds == [str(game.path)]
    assert resumed.state.hash == game.final.hash


def test_a_copy_of_a_save_names_its_own_file(tmp_path: Path, builds: list[str]) -> None:
    game = record_bot_game(tmp_path / "game.jsonl", scenario(), 5)
    copy = tmp_path / "copy.jsonl"
    shutil.copyfile(game.path, copy)
    one, other = open_save(game.path), open_save(copy)
    assert len(builds) == 1  # the same header: the same rules
    assert one.scenario.ruleset is other.scenario.ruleset and one.scenario.deck is other.scenario.deck
    assert one.scenario.ruleset_source == f"{game.path} (embedded ruleset)"
    assert other.scenario.ruleset_source == f"{copy} (embedded ruleset)"
    assert other.scenario.deck_source == f"{copy} (embedded deck)"
    assert one.scenario != other.scenario  # compared with their sources, as before
    assert other.final_state().hash == game.final.hash
    assert other.scenario.translations == one.scenario.translations and other.scenario.translations


def test_the_memo_keeps_a_few_headers(tmp_path: Path, builds: list[str]) -> None:
    paths = [record_bot_game(tmp_path / f"g{seed}.jsonl", scenario(), seed).path for seed in range(embedded.KEPT + 2)]
    for path in paths:
        open_save(path)
    assert len(embedded._built) == embedded.KEPT
    open_save(paths[-1])  # still kept
    open_save(paths[0])  # dropped: built again
    assert builds == [*map(str, paths), str(paths[0])]


@pytest.fixture()
def header_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The header lines parsed (their lengths), from an empty memo of read headers."""
    monkeypatch.setattr(reading, "_READ_HEADERS", embedded.Recent())
    read: list[int] = []
    real = reading._read_header

    def counted(p: Path, raw: bytes):  # noqa: ANN202 - the header and its chain
        read.append(len(raw))
        return real(p, raw)

    monkeypatch.setattr(reading, "_read_header", counted)
    return read


def test_a_header_read_again_is_not_parsed_again_and_each_reader_has_its_own(
        tmp_path: Path, header_reads: list[int]) -> None:
    game = record_bot_game(tmp_path / "game.jsonl", scenario(), 4)
    first = open_save(game.path)
    first.header["seed"] = -1  # what one reader does to its header is its own
    again = open_save(game.path)
    assert verify(game.path).ok
    assert len(header_reads) == 1
    assert again.header["seed"] == 4 and again.header == {**first.header, "seed": 4}
    # a byte changed in the header is read as a header of its own, and refused as before
    lines = game.path.read_bytes().split(b"\n", 1)
    forged = tmp_path / "forged.jsonl"
    forged.write_bytes(lines[0].replace(b'"seed":4', b'"seed":5', 1) + b"\n" + lines[1])
    report = verify(forged)
    assert not report.ok and "header" in "\n".join(report.lines())
    assert len(header_reads) == 2


def test_the_memo_keeps_a_few_small_headers(tmp_path: Path, header_reads: list[int],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [record_bot_game(tmp_path / f"g{seed}.jsonl", scenario(), seed).path
             for seed in range(embedded.KEPT + 1)]
    for path in paths:
        open_save(path)
    assert len(reading._READ_HEADERS) == embedded.KEPT
    open_save(paths[0])  # the oldest was let go: read again
    assert len(header_reads) == len(paths) + 1
    monkeypatch.setattr(reading, "_HEADER_KEPT_BYTES", 100)  # a header bigger than that is never kept
    reading._READ_HEADERS.clear()
    open_save(paths[1])
    open_save(paths[1])
    assert reading._READ_HEADERS == {} and len(header_reads) == len(paths) + 3
