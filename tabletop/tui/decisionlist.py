"""The decision list's widget and lines, drawn from :mod:`tabletop.play.decisions`."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from rich._wrap import divide_line  # what Textual's Content wraps with
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual.color import BLACK, WHITE, Color
from textual.constants import DIM_FACTOR
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import OptionList, Select
from textual.widgets._select import SelectCurrent, SelectOverlay, SelectType  # Select's parts: no public name
from textual.widgets.option_list import Option

from ..content.literal import literal
from ..lang import Domain
from ..play.picks import Styled
from .themes import CONTRAST, contrast, readable, sixteen_colours

if TYPE_CHECKING:
    from rich.console import Console
    from textual.app import ComposeResult
    from textual.css.styles import RulesMap
    from textual.style import Style
    from textual.visual import RenderOptions

_, ngettext, N_ = Domain("tui").words()

#: the rows the decision list keeps on a crowded column (its border aside): a longer list scrolls within them
LIST_ROWS = 4


def side_caps(rows: int, listed: int, card: int, prompt: int, weighing: bool = False,
              card_read: bool = False) -> tuple[int | None, int | None]:
    """The most rows the card and the prompt may take above the list (None: their stylesheet's own).

    ``rows``: the column's under the turn panel; ``listed``, ``card``, ``prompt``: what each would fill.
    Above the list the card may take 45 % of the column and the prompt 50 % (board.tcss): on an 80 x 24
    terminal an argument and the card under it pushed the whole list below the screen. The list keeps
    the rows its options need, up to :data:`LIST_ROWS` and its border; what is left is shared, the prompt
    first (it says what to do), the card keeping half if it needs it; both scroll. ``weighing``: an argument is
    weighed (its counters, its odds, its roll): the prompt, which holds it, comes first. A card left fewer than two
    rows gets none (0: not shown): found from outside, at 80x24 the card's box one row high was its top border
    alone, and the argument under it read as the card's text.
    ``card_read``: the round's card was applied in a phase gone by: the list may keep two thirds of the column, the
    card scrolls in what is left (found from outside: at 80 x 24 a team's six tracks showed two at a time under the
    whole text of a card the room had dealt with).
    """
    keeps = max(LIST_ROWS + 2, rows * 2 // 3) if card_read else LIST_ROWS + 2
    room = max(rows - max(min(listed, keeps), 4), 2)
    if card + prompt <= room:
        return None, None
    kept = min(card, 0 if weighing else room // 2)
    prompt_cap = max(min(prompt, room - kept), 1)
    card_cap = room - prompt_cap
    if card_cap < 2:  # a box of one row is its top border alone: the prompt under it read as its body
        return 0, room
    return card_cap, prompt_cap


def refill(listing: OptionList, options: list[Option]) -> None:
    """``options`` in place of what ``listing`` held, without passing through an empty list.

    ``clear_options`` measures the emptied list at once: a list that scrolled loses its scrollbar, and
    the new one, as long, gets it back, two changes that each ask Textual to lay the whole screen out
    again (found counting a whole game's layouts: 124 of its 411, a third of each press's work, came
    from the decision list's scrollbar going and coming back within the press)."""
    if options:
        listing.set_options(options)
    else:
        listing.clear_options()


#: the mark beside the highlighted option of every list
MARK = "\u25b6"  # untranslated: a symbol
#: beside the reason a refused option cannot be picked, on every list a person picks from: the hot seat's, a seat's
#: (found from outside: a seat's screen marked it "x", the hot seat "\u2716", in one room)
REFUSED = "\u2716"  # untranslated: a symbol
#: the reason under a refused option, on every list a person picks from (:func:`refused_under`): one style for the hot
#: seat's and a seat's (found in review: a seat's was seatwords' QUIET, the hot seat's a "dim italic" of its own)
REFUSAL_STYLE = "dim italic"  # untranslated: a style


class MarkedList(OptionList):
    """An option list whose highlighted option is marked with :data:`MARK` beside its first line, not by its colours
    alone: found from outside, on a terminal without colour (TERM=xterm-mono, NO_COLOR) the highlighted option was
    bold on a background nobody saw, as bold as the others, and Enter picked an option nobody could point at. The mark
    sits in the cell the list's left padding had, so the options keep their width and wrap as before. Every list a
    person picks from is one: the board's and the seats' decisions, the dialogs', the start screen's, the replay's."""

    DEFAULT_CSS = """
    MarkedList { padding: 0 1 0 0; }
    """

    def _get_left_gutter_width(self) -> int:
        # Textual's own hook (its SelectionList draws its boxes there): the options are laid out in the width left
        return 1

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
        except IndexError:  # below the last option: a blank line, already as wide as the list
            return line
        highlighted = index == self.highlighted and not self.options[index].disabled
        if highlighted:
            line = Strip([self._undimmed(segment) for segment in line], line.cell_length)
        # the cell in the line's own style: the highlight's bar runs through it, as it ran through the padding
        style = next((segment.style for segment in line if segment.style is not None), None)
        return Strip([Segment(MARK if highlighted and offset == 0 else " ", style), *line], line.cell_length + 1)

    def _undimmed(self, segment: Segment) -> Segment:
        """A greyed (dim) segment of the highlighted option in a grey that reads on the highlight's bar: found from
        outside, a refused move highlighted on a team's seat was dimmed into its blue bar, 2.42:1 (3.61:1 on the hot
        seat). Greyed as far as it stays 4.5:1: Textual's own dim, taken back toward the words' colour as far as it
        needs, and on toward white (or black) where the words' own colour reads less (the dark theme's, 3.78:1 on its
        bar); the refusal is said by its ✖ and its reason, not by the grey alone."""
        style = segment.style
        if style is None or not style.dim or style.color is None or style.bgcolor is None:
            return segment
        if style.color.triplet is None or style.bgcolor.triplet is None:  # a terminal's own colour: not measured
            return segment
        if sixteen_colours(self.app.console):  # a grey becomes whatever grey the terminal has (4.00:1 in xterm's)
            return Segment(segment.text, style + RichStyle(dim=False), segment.control)
        words, bar = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
        grey = readable(bar.blend(words, DIM_FACTOR), words, [bar])
        if contrast(grey, bar) < CONTRAST:  # on the words' side (white for light words) if that reads, else the other
            nearest = sorted((WHITE, BLACK), key=lambda extreme: contrast(extreme, words))
            grey = readable(grey, next((e for e in nearest if contrast(e, bar) >= CONTRAST), nearest[-1]), [bar])
        return Segment(segment.text, style + RichStyle(color=grey.rich_color, dim=False), segment.control)


class MarkedOverlay(SelectOverlay, MarkedList):
    """A dropdown's open list, its highlighted option marked as every list's is (:class:`MarkedSelect`). The overlay
    first: Textual styles a widget by its first base's line (``Select > SelectOverlay``)."""


class MarkedSelect(Select[SelectType]):
    """A dropdown whose open list marks its highlighted option with :data:`MARK`: found from outside, Textual's
    showed it by its background alone (the start screen's seats and language, the override's status)."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield MarkedOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)


class DecisionList(MarkedList):
    """The decision at hand: the column gives it its height, whatever it lists.

    Textual lays the whole screen out again when a widget's virtual size
    changes, as it does with every new list here; since the size of this
    list never depends on its content, a new list only repaints it (a
    scrollbar that appears or goes still asks for a layout). That layout
    pass was most of the time from a key press to the new list on screen.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        #: the picks sent and not yet handled, oldest first (bounded: a screen that never takes them keeps the last)
        self.sent: deque[OptionList.OptionSelected] = deque(maxlen=64)

    def on_mount(self) -> None:
        # scrolled, or given more rows or fewer: the options below them are counted again
        self.watch(self, "scroll_y", self.say_below, init=False)
        self.screen.screen_layout_refresh_signal.subscribe(self, self.say_below)

    def on_unmount(self) -> None:
        self.screen.screen_layout_refresh_signal.unsubscribe(self)

    def below(self) -> int:
        """How many options begin below the list's last row (none before it is laid out). An option is where its first
        line is, its number and its name: found from outside, "↓ 9 more below" counted an option whose number and
        name were on the last row, only its "✖ …" reason under it, and the room looked for nine options below where
        there were eight. Its cut lines are the scrollbar's to show, as :meth:`above` leaves an option begun above."""
        if not self.options or not self.scrollable_content_region:
            return 0
        self._update_lines()  # as from_the_top: the lines of a list just shown are known
        bottom = self.scroll_offset.y + self.scrollable_content_region.height
        return sum(1 for y in self._index_to_line.values() if y >= bottom)

    def above(self) -> int:
        """How many options begin above the list's first row (none before it is laid out)."""
        if not self.options or not self.scrollable_content_region:
            return 0
        self._update_lines()
        return sum(1 for y in self._index_to_line.values() if y < self.scroll_offset.y)

    def say_below(self, _seen: object = None) -> None:
        """The list's foot: how many options are above and below its rows while any are, at any size (found from
        outside: at 80x24 "2. Пас" was under the list's last row, with only a scrollbar's thumb to say so; scrolled to
        its end, a list said nothing of the options above; and at 120x40, where the count was left to small screens,
        Russia's «0. ← Назад» and two moves were below a Russian list with only the scrollbar to say so); else, on a
        list longer than its number keys, how its unnumbered lines are reached (the count replaces that word)."""
        if not self.is_attached or self.app._exit:
            return
        above, below = self.above(), self.below()
        unnumbered = len(self.options) > len(PICK_KEYS)
        if below or (above and not unnumbered):  # at a long list's end, how its unnumbered lines are reached (↑↓)
            counts = []
            if above:
                counts.append(ngettext("\u2191 {n} more above", "\u2191 {n} more above", above).format(n=above))
            if below:
                counts.append(ngettext("\u2193 {n} more below", "\u2193 {n} more below", below).format(n=below))
            said = " \u00b7 ".join(counts)
        else:
            said = _(UNNUMBERED) if unnumbered else ""
        if self.border_subtitle != said:
            self.border_subtitle = said

    def action_select(self) -> None:
        """Send the highlighted option, as OptionList does, and keep it in :attr:`sent` until the screen takes it:
        a key that came after the pick can have the pick taken first (:meth:`take_sent`)."""
        highlighted = self.highlighted
        if highlighted is None or self.options[highlighted].disabled:
            return
        message = self.OptionSelected(self, self.options[highlighted], highlighted)
        self.sent.append(message)
        self.post_message(message)

    def take_sent(self, message: OptionList.OptionSelected | None = None) -> list[OptionList.OptionSelected]:
        """The picks to act on now: ``message``, if it is still to be taken, or (None) every pick sent and not taken
        yet, in the order sent; each is taken once."""
        if message is None:
            taken, self.sent = list(self.sent), deque(maxlen=self.sent.maxlen)
            return taken
        if message in self.sent:
            self.sent.remove(message)
            return [message]
        return []

    def show(self, labels: list[Text], ids: list[str] | None = None) -> None:
        """List ``labels`` in place of what the list held, each option's id its place (or ``ids``)."""
        console = self.app.console
        names = ids if ids is not None else [str(i) for i in range(len(labels))]
        # in one call: the list lays out its lines once, not once an entry (a big board lists hundreds)
        refill(self, [Option(OptionWords(label, console), id=name) for label, name in zip(labels, names, strict=True)])
        # a list longer than its keys says, on its border, how its last lines are picked (or how many are below)
        self.say_below()

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def _step(self, direction: int) -> None:
        """The next allowed option up or down, none past either end (found from outside: OptionList wraps, so Up at
        the top highlighted the last entry, often "Pass", and a burst of Downs stopped anywhere); Home and End jump."""
        options = self.options
        if self.highlighted is None:
            self.action_first() if direction > 0 else self.action_last()
            return
        index = self.highlighted + direction
        while 0 <= index < len(options):
            if not options[index].disabled:
                self.highlighted = index
                return
            index += direction

    def _move_page(self, direction: int) -> None:  # type: ignore[override]
        """A page up or down; an option taller than the list's rows is shown whole first, a page at a time, and
        then left (found from outside: at 80x24 a team's seat listed link moves whose refusals ran over more rows
        than the list had; OptionList's page from such an option's first line landed in it again, so PageDown
        stayed there for good, and the rest of its reason was never on screen)."""
        highlighted = self.highlighted
        if highlighted is None or not self.options:
            super()._move_page(direction)  # type: ignore[arg-type]
            return
        self._update_lines()
        top, height = self._index_to_line.get(highlighted), self._heights.get(highlighted, 1)
        rows = self.scrollable_content_region.height
        first, last = self.scroll_target_y, self.scroll_target_y + rows
        if top is not None and rows > 0:
            if direction > 0 and top + height > last:  # its rest below: a page more of it
                self.scroll_to(y=min(first + rows, top + height - rows), animate=False, immediate=True)
                return
            if direction < 0 and top < first:  # its beginning above: a page back up it
                self.scroll_to(y=max(first - rows, top), animate=False, immediate=True)
                return
        super()._move_page(direction)  # type: ignore[arg-type]
        if self.highlighted == highlighted:  # the page landed in the same option: the next one, as an arrow goes
            self._step(direction)

    def from_the_top(self) -> None:
        """A new list is seen from its first line; if its highlighted option (the first allowed) lies below
        the rows the list has, that option is put at the top instead, not under the cut tail of a refused
        one ("…is not at this table" with its number scrolled away)."""
        self.scroll_home(animate=False, immediate=True)
        if self.highlighted is None:
            return
        self._update_lines()
        y, height = self._index_to_line.get(self.highlighted), self._heights.get(self.highlighted, 1)
        if y is not None and y + height > self.scrollable_content_region.height:
            self.scroll_to_highlight(top=True)


class OptionWords(Visual):
    """An option's words as Textual draws them (its ``Content``, made when the option is first
    drawn), their height worked out from the plain words as Textual wraps them.

    Textual learns the height of every option of a new list by making its ``Content`` and
    wrapping and formatting it: at 256 tracks a team's list of one track's moves is 264
    options of two to five lines, and that was most of a key press, for the thirty or so
    options that fit on the screen. The height needs only where the plain words break (the
    same ``divide_line`` Textual wraps with); words with a tab or a control code, or a list
    that does not wrap, are measured by the ``Content`` itself.
    """

    __slots__ = ("_console", "_content", "_lines", "_text")

    def __init__(self, text: Text, console: Console) -> None:
        self._text = text
        self._console = console
        self._content: Content | None = None
        plain = text.plain
        self._lines = None if _UNEVEN.search(plain) else plain.split("\n")

    def __str__(self) -> str:
        return self._text.plain

    @property
    def content(self) -> Content:
        if self._content is None:  # as Textual's own visualize makes it from Rich text
            self._content = Content.from_rich_text(self._text, console=self._console)
        return self._content

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        room = width - rules.get("line_pad", 0) * 2
        if self._lines is None or room < 1 or rules.get("text_wrap", "wrap") == "nowrap":
            return self.content.get_height(rules, width)
        fold = rules.get("text_overflow", "fold") == "fold"
        return sum(_line_height(line, room, fold) for line in self._lines)


@lru_cache(maxsize=4096)
def _line_height(line: str, room: int, fold: bool) -> int:
    """The lines one line of words takes at ``room`` cells, as Textual wraps it (kept: a team
    lists the same track's moves round after round, in the same words)."""
    return 1 if cell_len(line) <= room else len(divide_line(line, room, fold=fold)) + 1


#: what Textual's Content changes before it wraps (tabs expanded, some control codes dropped)
_UNEVEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


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


def about_text(parts: Iterable[tuple[str, ...]]) -> Text | None:
    """What an entry and a team stand for, as the help (F1) says it above the keys: each part's heading in bold
    ("Move: Table a proposal") and its description from the scenario's files, shown literally, one paragraph each,
    then the part's further items, if any, one line each (a track's: who sits at it); a part with nothing under its
    heading is left out. None: nothing to say."""
    out = Text()
    for heading, words, *lines in parts:
        said = " ".join(str(words or "").split())
        below = ([said] if said else []) + [literal(line) for line in lines]
        if not below:
            continue
        if out:
            out.append("\n\n")
        out.append(literal(heading) + "\n", style="bold")
        out.append("\n".join(literal(b) for b in below))
    return out or None


#: the keys that pick an entry, in the list's order: the digits as the keyboard's row has them, 0 for the tenth
#: (found from outside: the tenth of Russia's moves on a track had no number, so nothing said a key reached it)
PICK_KEYS = "1234567890"  # untranslated: keys
#: under a list longer than :data:`PICK_KEYS`: the lines after the tenth are reached by the arrows
UNNUMBERED = N_("without a number: \u2191\u2193 Enter")


def pick_key(number: int) -> str | None:
    """The key that picks the ``number``-th entry (from 1), None past the tenth."""
    return PICK_KEYS[number - 1] if 0 < number <= len(PICK_KEYS) else None


def option_label(number: int, entry: Entry) -> Text:
    """An entry as its option shows it: numbered 1 to 9, then 0; refused: greyed, with the reason under it."""
    key = pick_key(number)
    label = Text(f"{key}. " if key is not None else "   ")
    label.append_text(entry.label)
    if entry.problem:
        refused_under(label, entry.hint or entry.problem)
    return label


def refused_under(label: Text, reason: str) -> None:
    """``label`` of a refused option greyed, with ``reason`` on the line under it, marked :data:`REFUSED` and styled
    :data:`REFUSAL_STYLE`: the hot seat's list and a seat's alike. The reason is shown literally: the engine's words
    quote names as the scenario wrote them (found from outside: an OSC title in a track's name reached the terminal
    from here and blanked the board)."""
    label.stylize("dim")
    label.append(f"\n     {REFUSED} {literal(reason, lines=False)}", style=REFUSAL_STYLE)


__all__ = ["MARK", "PICK_KEYS", "REFUSAL_STYLE", "REFUSED", "DecisionList", "Entry", "MarkedList", "MarkedSelect", "OptionWords", "about_text", "option_label", "pick_key", "refill", "refused_under",
           "rich_text"]
