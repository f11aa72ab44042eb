"""Finding the line of each problem does not walk the whole file again (content.locate.Locator).

Found from outside: a deck of N cards, each with one unknown key, took 1.45 s to validate at 2,000 cards,
5.6 s at 4,000, 26.7 s at 8,000, and over two minutes at 40,000 (2.8 MB, under the size limit): every
problem's line was looked for in every table of the file. Guarded by counting, not by the clock.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.content import locate
from tabletop.content.locate import Locator
from tabletop.content.pairing import check_files
from tabletop.content.source import read_toml


class _CountedList(list):  # type: ignore[type-arg]
    """A list that counts how often it is walked."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        _CountedList.walks += 1
        return super().__iter__()


def _cards(n: int) -> str:
    return "".join(f'[[cards]]\nid = "c{i}"\ntitle = "Card {i}"\nbogus = 1\n\n' for i in range(n))


def test_the_line_of_a_problem_is_found_without_walking_every_table() -> None:
    locator = Locator('[deck]\nid = "d"\nname = "D"\n\n' + _cards(500))
    _CountedList.walks = 0
    locator.tables = _CountedList(locator.tables)
    lines = [locator.line(("cards", i, "bogus")) for i in range(500)]
    assert lines == [5 + 5 * i + 3 for i in range(500)]  # each on its own card's line
    assert locator.line(("cards",)) == 5  # a key written only as table headers: the first of them
    assert locator.line(("deck", "name")) == 3
    assert _CountedList.walks == 1  # once, to index the tables when the first line is asked for; not once a problem


def test_a_deck_with_a_problem_on_every_card_names_each_line(tmp_path: Path) -> None:
    deck = tmp_path / "many.toml"
    deck.write_text('[deck]\nid = "many"\nname = "Many"\n\n' + _cards(300), encoding="utf-8")
    problems = check_files([str(deck)]).problems
    assert sorted({p.line for p in problems if p.path.endswith(".bogus")}) == [5 + 5 * i + 3 for i in range(300)]


def test_a_file_without_problems_is_not_scanned_for_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The line scan cost as much as parsing the file, and ran for every file read; most files have no problem
    to place. It runs once when the first problem is placed, and never for a file read without one."""
    scans: list[str] = []
    scan = Locator._index

    def counted(self: Locator) -> list:  # type: ignore[type-arg]
        scans.append(self.text)
        return scan(self)

    monkeypatch.setattr(locate.Locator, "_index", counted)
    deck = tmp_path / "many.toml"
    deck.write_text('[deck]\nid = "many"\nname = "Many"\n\n' + _cards(50), encoding="utf-8")
    source = read_toml(deck)
    assert source.data["cards"][49]["id"] == "c49"
    assert scans == []
    problem = source.problem(("cards", 7, "bogus"), "unknown key")
    assert problem.line == 5 + 5 * 7 + 3
    assert source.problem(("cards", 9, "bogus"), "unknown key").line == 5 + 5 * 9 + 3
    assert len(scans) == 1
