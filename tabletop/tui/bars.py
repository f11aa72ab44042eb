"""The title bar at the top of a screen and the key bar at its foot.

The key bar shows what Textual's Footer shows (the screen's shown bindings,
dimmed when unavailable, the command palette key on the right) but is a
single widget that repaints its one line. The Footer is a container of one
widget per key and rebuilds them whenever the bindings change: that was a
third of the cost of opening the board and of every modal opened on it. The
title bar is Textual's Header in one widget instead of four.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.css.scalar import Scalar
from textual.geometry import Size
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from ..lang import Domain

_, ngettext, N_ = Domain("tui").words()

#: Textual's own bindings the key bar can show, marked for the catalogue so the bar says them in the language
#: spoken (an open list's escape on the start screen said "Dismiss menu" in a Russian room, found from outside)
TEXTUAL_KEYS = (N_("Dismiss menu"),)

#: the notices' container Textual puts on every screen (its id: textual.screen)
TOAST_RACK = "#textual-toastrack"
#: one notice in it (its type's name: the module Textual keeps it in is private)
TOAST = "Toast"  # untranslated: a widget's type
#: the class of a widget the screen's notices leave in sight, as they leave the keys: they sit above it (the board's
#: and a seat's decision list at 80x24, whose options a notice explains)
CLEAR_OF_NOTICES = "-clear-of-notices"


#: the rows a dialog keeps however tall the notices under it: its frame, a line of its text and its keys
DIALOG_LEAST = 8


def dialog_clear_of_notices(screen: Screen, box: Widget) -> bool:
    """A dialog's ``box`` (centred on ``screen``, a modal with no key bar) moves up, shorter if it must, to leave the
    notices the rows they take under it: its text and its line of keys stay readable while they show, and the
    notices are read whole. Found from outside at 80x24: a refusal covered the inject list's "… Escape: cancel", and
    a seat's "The screen that took this seat was closed …" the help, which fills the window there.

    Only a box a notice would cover moves (a small question in the middle stays put); it stays up while notices
    show, for the notices' rows, and takes its place back when the last has gone. Asked after each layout; says
    whether the box's room changed (what it fits to its height is fitted again)."""
    if not screen.is_attached:
        return False
    keys = _keys_under(screen)
    for rack in screen.query(TOAST_RACK):
        # the notices sit above the key bar of the screen under the dialog, which shows under it (found from outside
        # at 80x24: a time-up notice on a dialog ran onto the board's first row of keys, Textual keeping one row)
        if keys and rack.styles.margin.bottom != keys:
            rack.styles.margin = (0, 0, keys, 0)
    racks = [rack for rack in screen.query(TOAST_RACK) if rack.display]
    toasts = [toast for rack in racks for toast in rack.query(TOAST)]
    lifted = box.styles.inline.has_rule("margin")
    if not toasts:
        if lifted:
            box.styles.margin = None
            box.styles.max_height = None
        return lifted
    if not lifted and not any(toast.region.overlaps(box.region) for toast in toasts):
        return False
    height = screen.size.height
    # the notices, the line between them and the rack's margin under them: the rack, hidden, is given no size
    rows = (sum(toast.outer_size.height + toast.styles.margin.height for toast in toasts)
            + max(rack.styles.margin.bottom for rack in racks))
    rows = max(0, min(rows, height - DIALOG_LEAST))
    most = box.styles.base.max_height  # the dialog's own (its style's), not the one set here
    room = int(most.resolve(screen.size, screen.size)) if most is not None else height
    room = min(room, height - rows)
    if not lifted or box.styles.margin.bottom != rows or box.styles.max_height != Scalar.from_number(room):
        box.styles.margin = (0, 0, rows, 0)
        box.styles.max_height = room
        return True
    return False


def _keys_under(dialog: Screen) -> int:
    """The rows of the key bar on the screen under ``dialog`` (the nearest that is not a dialog), 0 if none."""
    stack = dialog.app.screen_stack
    under = next((s for s in reversed(stack[:stack.index(dialog)] if dialog in stack else [])
                  if not s.is_modal), None)
    bars = list(under.query(KeyBar)) if under is not None else []
    return max((bar.outer_size.height for bar in bars if bar.display), default=0)


def notices_on_dialog_only(dialog: Screen) -> None:
    """``dialog`` has come up: the notices show on it alone. The screens under it keep the notices they showed (Textual
    shows them on the screen on top only, and the board's stayed behind the dialog): found from outside at 80x24, a
    time-up notice read twice, the board's behind the dialog and the dialog's own. The screen under shows them again
    when it is on top again (Textual shows the notices of the screen that comes back)."""
    for under in dialog.app.screen_stack:
        if under is dialog:
            break
        for rack in under.query(TOAST_RACK):
            rack.display = False


#: the fewest cells of a title cut short worth showing: fewer, and the subtitle has the line
TITLE_LEAST = 12
#: between the title and its subtitle
TITLE_DASH = " \u2014 "  # untranslated: a separator


def _given_way(title: Content, sub_title: Content, room: int) -> Content:
    """The title line cut to ``room`` cells: the title gives way first (cut, then gone), then the subtitle's start; its
    end stays whole, where a screen puts what matters most (the board's save, which a facilitator needs to resume
    it: found from outside at 80x24, "strict independence · …" hid it)."""
    if not sub_title.cell_length:
        return title.truncate(room, ellipsis=True)
    left = room - sub_title.cell_length - len(TITLE_DASH)
    if left >= min(TITLE_LEAST, title.cell_length) and title.cell_length:
        return title.truncate(left, ellipsis=True) + Content(TITLE_DASH) + sub_title
    if sub_title.cell_length <= room:
        return sub_title
    cut = sub_title
    while cut.cell_length > room - 1 and cut.cell_length:  # by cells: a wide character takes two
        cut = cut[1:]
    return (Content("\u2026") + cut).truncate(room) if room else Content("")


class TitleBar(Widget, can_focus=False):
    """The screen's title and subtitle on one line; the icon on the left opens the command palette."""

    ALLOW_SELECT = False
    ICON = "\u2b58"
    #: a clock the screen keeps at the bar's right end, whole (the title gives way to it): the board's session
    #: clock when its turn panel has no border to carry it
    clock: reactive[str] = reactive("")
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "title", self._retitle, init=False)
        self.watch(self.screen, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> RenderResult:
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        # Content.from_text: the title is a scenario's name, never markup
        text = Content(title or "")
        if sub_title:
            text = text + Content(TITLE_DASH) + Content(sub_title).stylize("dim")
        icon = f" {self.ICON} "
        clock = f" {self.clock} " if self.clock else ""
        right = max(len(icon), cell_len(clock))  # the title stays centred between the icon and as much again
        width = self.size.width
        room = max(0, width - len(icon) - right)
        if text.cell_length > room:
            text = _given_way(Content(title or ""), Content(sub_title or "").stylize("dim"), room)
        left = (room - text.cell_length) // 2
        bar = Content(icon) + Content(" " * left) + text
        if clock:
            bar += Content(" " * max(0, width - bar.cell_length - cell_len(clock))) + Content(clock)
        return bar

    def on_click(self, event: events.Click) -> None:
        if event.x < len(f" {self.ICON} ") and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            self.app.action_command_palette()


class KeyItem(NamedTuple):
    key: str  # what a click presses
    display: str  # how the key is written, e.g. "^q"
    description: str
    enabled: bool


#: the help's key, kept on a one-row bar whatever else leaves it
HELP_KEY = "f1"


def _item_width(item: KeyItem) -> int:
    return cell_len(f" {item.display} ") + (cell_len(f"{item.description} ") if item.description else 0)


class KeyBar(Widget, can_focus=False):
    """The keys of the current screen, on as many lines as they need (never cut); a click presses the key.

    ``one_row``: the keys keep to one line whatever the width; those that do not fit leave it, and the palette's key
    ends it (alone when its words do not fit), for the screen's palette names every key (a seat's screen)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    KeyBar > .keybar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .keybar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .keybar--disabled {
        text-style: dim;
    }
    """

    def __init__(self, *, id: str | None = None, one_row: bool = False) -> None:
        super().__init__(id=id)
        self.one_row = one_row
        self.items: tuple[KeyItem, ...] = ()
        self.palette: KeyItem | None = None
        self._spans: list[tuple[int, int, int, KeyItem]] = []  # row, first and last cell + 1, key

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.screen.screen_layout_refresh_signal.subscribe(self, self._fit_notices)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)
        self.screen.screen_layout_refresh_signal.unsubscribe(self)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_notices(self.screen, event.size.height)

    def _fit_notices(self, screen: Screen, keys: int | None = None) -> None:
        """The screen's notices sit above the keys, whatever lines they take (Textual keeps one line free, a
        Footer's: found from outside, a notice at 80x24 hid half of the facilitator's two lines of keys), and above
        a widget marked :data:`CLEAR_OF_NOTICES` (found from outside: at 80x24 a refusal hid the lower options of
        the list it explained). Asked again after each layout: the marked widget moves with what is above it."""
        if not self.is_attached or screen is not self.screen:
            return
        height = screen.size.height
        rows = keys_rows = self.outer_size.height if keys is None else keys
        clear = [w.region for w in screen.query(f".{CLEAR_OF_NOTICES}") if w.display and w.region]
        for region in clear:
            rows = max(rows, height - region.y)
        side = "right"
        # notices too tall for the room above that widget do not lose their first lines above the top row, for
        # notices grow upwards (found from outside, helper-225: a translation's errors at 80x24 showed only their
        # tail, the sentence saying what was wrong out of sight): they go down to the keys, beside the widget when
        # it leaves them the room on its left (found from outside, helper-260: time up under on_time_up = "pass"
        # covered the decision list at 80x24, the list that says what the game waits for), else over it
        notices = sum(toast.outer_size.height for toast in screen.query(TOAST))
        if notices > height - rows:
            rows = keys_rows
            beside = max((toast.outer_size.width for toast in screen.query(TOAST)), default=0)
            if clear and all(region.x >= beside for region in clear):
                side = "left"
        for rack in screen.query(TOAST_RACK):
            if rack.styles.margin.bottom != rows:  # a new margin lays the screen out again: only when it changed
                rack.styles.margin = (0, 0, rows, 0)
            # no gutter for the container's hidden scroll bar: the screen showed through it beside every notice
            # (found from outside: "The connection dropped: this will be s" / "sent again when the screen", the
            # "s" a letter of the list under the notice, read as the notice's own)
            if rack.styles.scrollbar_size_vertical:
                rack.styles.scrollbar_size_vertical = 0
            for holder in rack.children:  # each notice's own row, which Textual aligns right
                if holder.styles.align_horizontal != side:
                    holder.styles.align_horizontal = side

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        items: list[KeyItem] = []
        seen: set[str] = set()
        palette: KeyItem | None = None
        active = screen.active_bindings
        for _node, binding, enabled, _tooltip in active.values():
            # a screen's "app.quit" is the app's "quit" (found from outside: the end screen's bar said "q Quit" and
            # "^q Quit", its own q and the app's ctrl+q)
            action = binding.action.removeprefix("app.")
            if not binding.show or action in seen:
                continue  # one entry per action, as the Footer shows it
            seen.add(action)
            # descriptions are marked N_ where declared: said here in the language now spoken
            items.append(KeyItem(binding.key, self.app.get_key_display(binding), _(binding.description), enabled))
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = KeyItem(binding.key, self.app.get_key_display(binding), _(binding.description), enabled)
            items = [item for item in items if item.key != binding.key]
        if (tuple(items), palette) != (self.items, self.palette):
            rows = len(self._rows(self.size.width)) if self.size.width else 0
            self.items, self.palette = tuple(items), palette
            # a layout pass only when the keys now need another number of lines
            self.refresh(layout=not rows or rows != len(self._rows(self.size.width)))

    def _rows(self, width: int) -> list[list[KeyItem]]:
        """The keys broken into lines of ``width`` cells, between keys; the palette ends the last line."""
        rows: list[list[KeyItem]] = [[]]
        used = 0
        if self.one_row:
            # found from outside: the facilitator's console at 60 columns took 2 rows of keys (3 in Russian) from
            # its board, at 80 two; the keys kept are the first, in the screen's order (its own before the app's),
            # and the help's, which says what every key does (the key a lost reader looks for)
            room = width - (cell_len(f"\u2502 {self.palette.display} ") if self.palette is not None else 0)
            helps = [item for item in self.items if item.key.split(",")[0] == HELP_KEY]
            if sum(map(_item_width, helps)) <= room:
                room -= sum(map(_item_width, helps))
            else:
                helps = []
            for item in self.items:
                if item in helps:
                    continue
                used += _item_width(item)
                if used > room:
                    break
                rows[-1].append(item)
            rows[-1].extend(helps)
            return rows
        for item in self.items:
            need = _item_width(item)
            if rows[-1] and used + need > width:
                rows.append([])
                used = 0
            rows[-1].append(item)
            used += need
        if self.palette is not None and rows[-1] and self._palette_words(used, width) is None:
            rows.append([])  # the palette key on a line of its own rather than cut
        return rows

    def _palette_words(self, used: int, width: int) -> bool | None:
        """Whether the palette key ends a line of ``used`` cells with its words (True), alone (False: "│ ^p", found
        from outside: a team's seat at its least width, 60, in Russian put "^p команды" on a line of its own, a row
        taken from the board; its words are in F1's help), or goes on a line of its own (None)."""
        assert self.palette is not None
        if used + _item_width(self.palette) + 2 <= width:
            return True
        return False if used + cell_len(f"\u2502 {self.palette.display} ") <= width else None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width))

    def render(self) -> RenderResult:
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        text_style = self.get_component_rich_style("keybar--description", partial=True)
        dim = self.get_component_rich_style("keybar--disabled", partial=True)
        width = self.size.width
        self._spans = []
        lines: list[Text] = []
        rows = self._rows(width)
        for y, row in enumerate(rows):
            line = Text(no_wrap=True, overflow="crop", end="")
            for item in row:
                start = line.cell_len
                extra = dim if not item.enabled else None
                line.append(f" {item.display} ", key_style + extra if extra else key_style)
                if item.description:
                    line.append(f"{item.description} ", text_style + extra if extra else text_style)
                self._spans.append((y, start, line.cell_len, item))
            if self.palette is not None and y == len(rows) - 1:
                right = Text(no_wrap=True, end="")
                right.append(f"\u2502 {self.palette.display} ", key_style)
                if self._palette_words(line.cell_len, width) is not False:
                    right.append(f"{self.palette.description} ", text_style)
                gap = width - line.cell_len - right.cell_len
                if gap >= 0:
                    line.append(" " * gap)
                    start = line.cell_len
                    line.append_text(right)
                    self._spans.append((y, start, line.cell_len, self.palette))
            lines.append(line)
        return Text("\n", end="").join(lines)

    def item_at(self, x: int, y: int = 0) -> KeyItem | None:
        for row, start, end, item in self._spans:
            if row == y and start <= x < end:
                return item
        return None

    def on_click(self, event: events.Click) -> None:
        item = self.item_at(event.x, event.y)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key.split(",")[0])
        else:
            self.app.bell()
