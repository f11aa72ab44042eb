"""The themes F2 goes through, on every screen of tabletop, and the colours of the words that carry the game's state.

One definition for the hot seat, the replay and every seat's screen (team, facilitator, projector, browser): the
themes, the key, the toast, the theme chosen at start (``TABLETOP_THEME``, ``--theme``). The screens' texts name their styles
(``tabletop.collapsed``, ``tabletop.danger``, ...), never a colour: each app's console resolves the names for the
theme in use (:func:`status_styles`), so a status reads on its background in every theme. Found from outside: the
hard-coded "bold red" was the lowest-contrast text of the high-contrast theme, and NO_COLOR greyed it nearly black.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from rich.text import Text
from rich.theme import Theme as RichTheme
from textual.binding import Binding
from textual.color import Color
from textual.theme import Theme
from textual.widgets import Static

from ..content.errors import did_you_mean
from ..lang import Domain

if TYPE_CHECKING:
    from textual.app import SystemCommand
    from textual.screen import Screen

_, ngettext, N_ = Domain("tui").words()
pgettext = Domain("tui").pgettext

HIGH_CONTRAST = Theme(
    name="tabletop-high-contrast",
    primary="#ffffff",
    secondary="#ffff00",
    accent="#00ffff",
    warning="#ffff00",
    error="#ff5555",
    success="#55ff55",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    dark=True,
)
#: the themes F2 goes through, in its order, by the names ``TABLETOP_THEME`` takes
THEMES = {"dark": "textual-dark", "high-contrast": "tabletop-high-contrast", "light": "textual-light"}
THEME_BINDING = Binding("f2", "next_theme", N_("Theme"), id="app.theme", show=False)
#: Textual's own palette commands that are not tabletop's, by the titles Textual gives them: its theme picker (some
#: twenty themes, named in English, tabletop's three lost among them: F2's are offered instead), its keys panel (F1
#: lists every key) and its maximize
NOT_OURS = frozenset({"Theme", "Keys", "Maximize", "Minimize"})  # untranslated: the titles Textual gives them
#: the environment variable that picks the theme at start, by one of :data:`THEMES`' names (or a theme's id);
#: ``--theme`` sets it for the command's process and the screens it starts (a host's console, a browser's seat)
THEME_VARIABLE = "TABLETOP_THEME"

#: the named styles the screens' texts use: a track's status, a breakdown near, an objective met or not
STYLE_NAMES = ("tabletop.agreed", "tabletop.collapsed", "tabletop.deferred", "tabletop.danger", "tabletop.met",
               "tabletop.unmet")
#: a track's status as every screen styles it (its words and mark say it too: never colour alone)
STATUS_STYLE = {"open": "bold", "agreed": "tabletop.agreed", "collapsed": "tabletop.collapsed",
                "deferred": "tabletop.deferred"}
#: a danger signal (a breakdown near, a damaged save, a file that cannot be played)
DANGER = "tabletop.danger"
#: the least contrast a status has on its background: WCAG's AA for normal text, and AAA in the high-contrast theme
#: (the projector's, read from afar); more than a theme needs takes its colours toward grey
CONTRAST, HIGH = 4.5, 7.0
#: the colour systems Rich reduces every colour to 16 for (TERM=linux, xterm-16color, a bare xterm)
SIXTEEN = ("standard", "windows")
#: on 16 colours, the keys and the highlighted option in colours Rich reduces to themselves, black and white and a
#: bright yellow or a blue that read on each other in any usual palette (found from outside: the dark theme's keys were
#: bright red on bright black, 1.00:1 in xterm's, its highlighted decision white on cyan, 1.98:1); by the theme's
#: darkness (untranslated: CSS variables)
SIXTEEN_COLOURS = {
    True: {"footer-background": "#000000", "footer-foreground": "#ffffff", "footer-key-foreground": "#ffff55",
           "footer-key-background": "#000000", "footer-description-foreground": "#ffffff",
           "footer-description-background": "#000000", "footer-item-background": "#000000",
           "block-cursor-foreground": "#000000", "block-cursor-background": "#ffffff",
           "block-cursor-blurred-foreground": "#000000", "block-cursor-blurred-background": "#ffffff"},
    False: {"footer-background": "#ffffff", "footer-foreground": "#000000", "footer-key-foreground": "#0000aa",
            "footer-key-background": "#ffffff", "footer-description-foreground": "#000000",
            "footer-description-background": "#ffffff", "footer-item-background": "#ffffff",
            "block-cursor-foreground": "#ffffff", "block-cursor-background": "#0000aa",
            "block-cursor-blurred-foreground": "#ffffff", "block-cursor-blurred-background": "#0000aa"},
}


#: on 16 colours, the accent and warning of a theme whose own reduce to the bright red of its error (found from
#: outside, TERM=linux: the dark and light themes' orange did, and deferred tracks and the frames of the team to move
#: were the colour of a collapse): a bright yellow on a dark theme, a blue on a light one (a yellow reads on white in
#: no usual palette); by the theme's darkness (untranslated: colours)
SIXTEEN_WARNING = {True: "#ffff55", False: "#0000aa"}


class ThemeError(ValueError):
    """A theme named that tabletop has not: its message names the themes there are."""


def theme_words(theme_id: str) -> str:
    """A theme as the room reads it (the toast, F1): found from outside, the toast read ``tabletop-high-contrast``."""
    words = {
        "textual-dark": pgettext("theme", "dark"),
        "tabletop-high-contrast": pgettext("theme", "high contrast"),
        "textual-light": pgettext("theme", "light"),
    }
    return words.get(theme_id, theme_id)


def theme_id(value: str, named: str = THEME_VARIABLE) -> str | None:
    """The theme id ``value`` names (None: it is empty); :class:`ThemeError`, saying where it was ``named``
    (``TABLETOP_THEME``, ``--theme``), if it names none."""
    value = value.strip().lower()
    if not value:
        return None
    if value in THEMES:
        return THEMES[value]
    if value in THEMES.values():
        return value
    raise ThemeError(_("{named} {value}: no such theme{hint}; choose one of {themes}").format(
        named=named, value=value, hint=did_you_mean(value, THEMES), themes=", ".join(THEMES)))


def chosen_theme(environ: Mapping[str, str] = os.environ) -> str | None:
    """The theme id ``TABLETOP_THEME`` names (None: it is unset or empty); :class:`ThemeError` if it names none."""
    return theme_id(environ.get(THEME_VARIABLE, ""))


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(one: Color, other: Color) -> float:
    """WCAG's contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(color: Color, foreground: Color, backgrounds: list[Color], least: float = CONTRAST) -> Color:
    """``color``, taken toward ``foreground`` only as far as it needs to read ``least`` on each of ``backgrounds``."""
    for step in range(11):
        tried = color.blend(foreground, step / 10)
        if all(contrast(tried, b) >= least for b in backgrounds):
            return tried
    return foreground


def status_styles(variables: Mapping[str, str], no_color: bool = False, least: float = CONTRAST) -> dict[str, Style]:
    """The named styles (:data:`STYLE_NAMES`) for a theme's CSS ``variables``.

    Each is the theme's own error, success or warning text colour, made to read ``least`` on the theme's
    background and surface (found from outside: the light theme's own read 3.3:1). Under NO_COLOR Textual greys every colour to its luminance (a red nearly black):
    there the statuses are bold in the theme's foreground, their words and marks saying which."""
    def parsed(name: str, default: str) -> Color:
        try:
            return Color.parse(variables.get(name, default))
        except Exception:  # a variable a theme words as Textual's "auto 87%": none of ours
            return Color.parse(default)

    foreground = parsed("foreground", "#e0e0e0")
    grounds = [parsed(name, "#121212") for name in ("background", "surface")]
    if no_color:
        loud = Style(color=foreground.rich_color, bold=True)
        return {name: loud for name in STYLE_NAMES}

    def of(name: str, fallback: str) -> Color:
        color = parsed(f"text-{name}", variables.get(name, fallback))
        return readable(color, foreground, grounds, least)

    error, success, warning = of("error", "#ff5555"), of("success", "#55ff55"), of("warning", "#ffff00")
    return {
        "tabletop.agreed": Style(color=success.rich_color, bold=True),
        "tabletop.collapsed": Style(color=error.rich_color, bold=True),
        "tabletop.deferred": Style(color=warning.rich_color, bold=True),
        "tabletop.danger": Style(color=error.rich_color, bold=True),
        "tabletop.met": Style(color=success.rich_color),
        "tabletop.unmet": Style(color=error.rich_color),
    }


#: the theme colours frames are drawn in whose words (a panel's title, a track's name and status) and focus bars carry
#: meaning: each has a ``legible-`` twin, that colour made to read on the theme's background (found from outside: the
#: light theme's accent read 1.5:1, the dark theme's open tracks 3.2:1, "Meters" 1.9:1); a frame itself may stay light
FRAME_COLOURS = ("primary", "primary-darken-1", "secondary", "accent", "warning", "success", "error")


def legible_colours(variables: Mapping[str, str], no_color: bool = False, least: float = CONTRAST) -> dict[str, str]:
    """The ``legible-`` twin of each of :data:`FRAME_COLOURS` for a theme's CSS ``variables``: its colour taken toward
    the foreground as far as it needs to read ``least`` on the background and surface; under NO_COLOR (Textual greys
    every colour to its luminance, the dark theme's blue nearly black) the foreground."""
    foreground = Color.parse(variables.get("foreground", "#e0e0e0"))
    grounds = [Color.parse(variables.get(name, "#121212")) for name in ("background", "surface")]
    out = {}
    for name in FRAME_COLOURS:
        color = foreground if no_color else readable(Color.parse(variables.get(name, "#ffffff")), foreground,
                                                      grounds, least)
        out[f"legible-{name}"] = color.hex
    return out


def _in_sixteen(color: str) -> int | None:
    """The one of 16 colours Rich reduces ``color`` to."""
    return RichColor.parse(color).downgrade(ColorSystem.STANDARD).number


def sixteen_colours(console: object) -> bool:
    """Whether ``console`` (an app's) reduces every colour to 16 on its way to the terminal."""
    return getattr(console, "color_system", None) in SIXTEEN


class Themed:
    """An app whose F2 goes through :data:`THEMES`, that starts in ``TABLETOP_THEME``'s, and whose console names the
    state's styles for the theme in use. Mixed in before ``App``: the hot seat, the replay, every seat's screen."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.register_theme(HIGH_CONTRAST)  # type: ignore[attr-defined]
        self._styles_pushed = False
        chosen = chosen_theme()  # the command line refused a bad one before any screen (exit 2)
        if chosen is not None:
            self.theme = chosen
        self._name_styles()

    def get_css_variables(self) -> dict[str, str]:
        """Textual's variables for the theme in use, with the ``legible-`` twins of its frame colours
        (:func:`legible_colours`), its keys and highlighted option in :data:`SIXTEEN_COLOURS` on a terminal of 16
        colours (the console is made before the first stylesheet asks)."""
        variables: dict[str, str] = super().get_css_variables()  # type: ignore[misc]
        theme = self.current_theme  # type: ignore[attr-defined]
        sixteen = sixteen_colours(getattr(self, "console", None))
        if sixteen:
            variables = {**variables, **SIXTEEN_COLOURS[theme.dark]}
            alarm = _in_sixteen(variables["error"])
            for name in ("accent", "warning"):  # a team's turn and a deferred track are no collapse
                if _in_sixteen(variables[name]) == alarm:
                    variables[name] = SIXTEEN_WARNING[theme.dark]
        least = HIGH if theme.name == HIGH_CONTRAST.name else CONTRAST
        variables.update(legible_colours(variables, self.no_color, least))  # type: ignore[attr-defined]
        if sixteen:
            self.theme_variables = variables
        return variables

    def _name_styles(self) -> None:
        console = self.console  # type: ignore[attr-defined]
        if self._styles_pushed:
            console.pop_theme()
        least = HIGH if self.theme == HIGH_CONTRAST.name else CONTRAST  # type: ignore[attr-defined]
        styles = status_styles(self.get_css_variables(), self.no_color, least)  # type: ignore[attr-defined]
        console.push_theme(RichTheme(styles, inherit=True))
        self._styles_pushed = True

    def watch_theme(self, _theme: str) -> None:
        self._name_styles()
        # a text on screen has its styles resolved when it was shown: shown again, in the new theme's
        for screen in self.screen_stack:  # type: ignore[attr-defined]
            for static in screen.query(Static):
                if isinstance(static.content, Text):
                    static.update(static.content, layout=False)

    def action_next_theme(self) -> None:
        themes = list(THEMES.values())
        current = themes.index(self.theme) if self.theme in themes else -1
        self.use_theme(themes[(current + 1) % len(themes)])

    def use_theme(self, theme: str) -> None:
        """Every screen in ``theme`` (an id of :data:`THEMES`), and the room told which, in its words."""
        self.theme = theme
        said = _("Theme: {theme}").format(theme=theme_words(theme))
        self.notify(said, markup=False, timeout=2)  # type: ignore[attr-defined]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's commands: Textual's less those not tabletop's (:data:`NOT_OURS`), and one per other theme
        of F2's, named in the language spoken. Found from outside: "Theme" opened Textual's picker, in English under
        ``--lang ru``, and a pick there left tabletop's themes (a projector lost its high contrast)."""
        from textual.app import SystemCommand

        for command in super().get_system_commands(screen):  # type: ignore[misc]
            if command.title not in NOT_OURS:
                yield command
        for theme in THEMES.values():
            if theme != self.theme:  # type: ignore[attr-defined]
                # said in the language spoken here (a translation of it again, by the app that speaks it, is itself)
                yield SystemCommand(_("Theme: {theme}").format(theme=theme_words(theme)),
                                    _("Every screen in this theme (F2: the next theme)"),
                                    lambda theme=theme: self.use_theme(theme))
