"""The decision list's widget and lines, drawn from :mod:`tabletop.play.decisions`."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rich.text import Text
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList

from ..play.picks import Styled


class DecisionList(OptionList):
    """The decision at hand: the column gives it its height, whatever it lists.

    Textual lays the whole screen out again when a widget's virtual size
    changes, as it does with every new list here; since the size of this
    list never depends on its content, a new list only repaints it (a
    scrollbar that appears or goes still asks for a layout). That layout
    pass was most of the time from a key press to the new list on screen.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class Entry(NamedTuple):
    """One line of the decision list: its words, what choosing it does, and why it is refused."""

    label: Text
    run: Callable[[], None]
    problem: str | None = None
    hint: str | None = None  # a short form of the problem for the list (the problem itself is notified)


def rich_text(words: Styled) -> Text:
    """Styled words as a Rich ``Text``: the whole's style, then each span's."""
    text = Text(style=words.style)
    for part, style in words.spans:
        text.append(part, style=style or None)
    return text


def option_label(number: int, entry: Entry) -> Text:
    """An entry as its option shows it: numbered up to 9; refused: greyed, with the reason under it."""
    label = Text(f"{number}. " if number <= 9 else "   ")
    label.append_text(entry.label)
    if entry.problem:
        label.stylize("dim")
        label.append(f"\n     \u2716 {entry.hint or entry.problem}", style="dim italic")  # untranslated: a style
    return label


__all__ = ["DecisionList", "Entry", "option_label", "rich_text"]
