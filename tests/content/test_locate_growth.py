"""Finding the line of each problem does not walk the whole file again (content.locate.Locator).

Found from outside: a deck of N cards, each with one unknown key, took 1.45 s to validate at 2,000 cards,
5.6 s at 4,000, 26.7 s at 8,000, and over two minutes at 40,000 (2.8 MB, under the size limit): every
problem's line was looked for in every table of the file. Guarded by counting, not by the clock.
"""

from __future__ import annotations

from pathlib import Path

from tabletop.content.locate import Locator
from tabletop.content.pairing import check_files


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
    assert _CountedList.walks == 0


def test_a_deck_with_a_problem_on_every_card_names_each_line(tmp_path: Path) -> None:
    deck = tmp_path / "many.toml"
    deck.write_text('[deck]\nid = "many"\nname = "Many"\n\n' + _cards(300), encoding="utf-8")
    problems = check_files([str(deck)]).problems
    assert sorted({p.line for p in problems if p.path.endswith(".bogus")}) == [5 + 5 * i + 3 for i in range(300)]
