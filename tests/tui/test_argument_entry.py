"""The argument's entry dialog on its own: limits while typing, literal text, Escape sends nothing."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.events import Paste
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import OptionList, Static

from tabletop.tui.argument import ArgumentForm, ArgumentScreen, Entered, LineField

from .support import SMALL, on_screen, press, shown, type_text

RESULTS = ("progress +1", "progress +2", "tension \u22121", "status deferred")


class Host(App[None]):
    """An empty app that opens the dialog and keeps its answer."""

    def __init__(self, form: ArgumentForm):
        super().__init__()
        self.form = form
        self.answers: list[Entered | None] = []

    def on_mount(self) -> None:
        self.push_screen(ArgumentScreen(self.form), self.answers.append)


def argument(**limits: int) -> ArgumentForm:
    return ArgumentForm("Russia argues on Track 2", RESULTS, **limits)


async def test_an_argument_is_entered_field_by_field_with_enter() -> None:
    app = Host(argument())
    async with app.run_test(size=SMALL) as pilot:
        await type_text(pilot, "Open a channel")
        await press(pilot, "enter", "down", "enter")  # to the results, the second one
        await type_text(pilot, "trust")
        await press(pilot, "enter")
        await type_text(pilot, "talks")
        await press(pilot, "enter", "enter")  # an empty third reason hands it in
    assert app.answers == [Entered("Open a channel", 1, ("trust", "talks"))]


async def test_escape_cancels_and_nothing_is_sent() -> None:
    """Over typed text the first Escape says it is not saved (found from outside: a half-typed counter was lost to
    one Escape with no word, while ctrl+q warned); the second closes the dialog and sends nothing. With nothing
    typed, one Escape closes it."""
    app = Host(argument())
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await type_text(pilot, "half typed")
        await press(pilot, "escape")
        assert isinstance(app.screen, ArgumentScreen)
        said = " ".join(in_the_dialog(app.screen))
        assert "press Escape or click outside it again to close it without the text" in said, said
        await press(pilot, "escape")
        assert not isinstance(app.screen, ArgumentScreen)
    assert app.answers == [None]
    app = Host(argument())
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "escape")
        assert not isinstance(app.screen, ArgumentScreen)
    assert app.answers == [None]


def in_the_dialog(screen: ArgumentScreen) -> list[str]:
    """The lines the dialog itself shows now, in sight inside its frame (not a notice in the screen's corner)."""
    box = screen.query_one("ArgumentScreen > Vertical")  # untranslated: CSS (the frame: its fields scroll inside)
    return [shown(w) for w in box.query(Static)
            if w.display and w.region.area and box.region.contains_region(w.region)]


async def test_one_escape_over_typed_text_says_so_in_the_dialog_and_its_keys_say_two() -> None:
    """Found from outside on a team's seat (80x24): a counter typed to its limit, one Escape as the keys under the
    field said ("Escape: cancel, nothing is sent"), then 1 and a new sentence, Enter: the 200 x's went to the room.
    The first Escape had only put a notice in the screen's corner, the dialog stayed open, and the keys typed into the
    full field were dropped without a word. The keys now say Escape twice once text is typed, the first Escape says
    so inside the dialog, under the field, and a key the full field refuses is said on its limit line."""
    app = Host(ArgumentForm("Ukraine counters Russia's argument", action_limit=200,
                            examples=("They broke the last one",)))
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, ArgumentScreen)
        keys = screen.query_one("#argue-keys", Static)
        assert "Escape: cancel, nothing is sent" in shown(keys)  # nothing typed: one Escape closes it
        screen.query_one("#argue-action", LineField).post_message(Paste("x" * 230))
        await pilot.pause()
        count = screen.query_one("#argue-action-count", Static)
        assert shown(count).startswith("200/200 \u2014 "), shown(count)
        assert "Escape: cancel" not in shown(keys) and "Escape twice: cancel, nothing is sent" in shown(keys)
        await press(pilot, "escape")
        assert app.screen is screen and app.answers == []
        said = " ".join(in_the_dialog(screen))
        assert "press Escape or click outside it again to close it without the text" in said, said
        await press(pilot, "1")
        assert "not taken" in shown(count), shown(count)
        await press(pilot, "escape")
        assert not isinstance(app.screen, ArgumentScreen)
    assert app.answers == [None]


async def test_the_limit_is_shown_and_enforced_while_typing() -> None:
    app = Host(argument(action_limit=5))
    async with app.run_test(size=SMALL) as pilot:
        await type_text(pilot, "abcde")
        screen = app.screen
        count = screen.query_one("#argue-action-count", Static)
        assert shown(count) == "5/5 \u2014 the limit"
        assert count.has_class("-full")
        await type_text(pilot, "fgh")
        assert screen.query_one("#argue-action", LineField).value == "abcde"
        assert shown(count) == "5/5 \u2014 the limit: the rest was not taken"  # said, not dropped without a word
        await press(pilot, "backspace")
        assert shown(count) == "4/5"


async def test_what_is_missing_is_said_and_the_dialog_stays() -> None:
    app = Host(argument(min_reasons=1))
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "tab", "tab", "enter")  # to the first reason, empty: hand in
        screen = app.screen
        assert isinstance(screen, ArgumentScreen)
        assert "Type the action" in shown(screen.query_one("#argue-error", Static))
        assert screen.focused is screen.query_one("#argue-action", LineField)  # where the words ask
        screen.query_one("#argue-action", LineField).value = "act"
        await press(pilot, "enter", "enter", "enter")  # on through the result to the empty reason: hand in
        assert "at least 1 reason" in shown(screen.query_one("#argue-error", Static))
    assert app.answers == []


async def test_pasted_controls_and_markup_are_kept_literally() -> None:
    """An escape sequence becomes its visible symbol; markup is text; a line break stays on one line."""
    app = Host(ArgumentForm("Ukraine counters", ()))
    async with app.run_test(size=SMALL) as pilot:
        field = app.screen.query_one("#argue-action", LineField)
        field.insert("\x1b[2J [bold]no[/] \u202eevil\nnext")
        await pilot.pause()
        assert field.value == "\u241b[2J [bold]no[/] <U+202E>evil\u240anext"
        await press(pilot, "enter")
    assert app.answers == [Entered("\u241b[2J [bold]no[/] <U+202E>evil\u240anext")]


async def test_a_counter_is_one_line_and_shows_what_it_answers() -> None:
    from rich.text import Text

    app = Host(ArgumentForm("Ukraine counters Russia", (), about=Text("Russia: Open a channel")))
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        assert not screen.query(OptionList)
        assert "Open a channel" in shown(screen.query_one("#argue-about", Static))
        await type_text(pilot, "No guarantees")
        await press(pilot, "enter")
    assert app.answers == [Entered("No guarantees")]


async def test_the_whole_form_is_reachable_at_80x24() -> None:
    """Every field can be focused and scrolls into view on the smallest screen."""
    app = Host(argument())
    async with app.run_test(size=SMALL) as pilot:
        for _ in range(4):
            await press(pilot, "tab")
        focused = app.focused
        assert focused is not None and focused.id == "argue-reason-2"
        assert focused.region.y >= 0 and focused.region.bottom <= SMALL[1]


async def test_f3_takes_the_decks_example_into_the_focused_field() -> None:
    app = Host(ArgumentForm("Russia argues", RESULTS, examples=("Convene experts", "They can test ideas")))
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        action = screen.query_one("#argue-action", LineField)
        assert action.placeholder == "e.g. Convene experts"
        await press(pilot, "f3", "enter", "enter", "f3")
        assert action.value == "Convene experts"
        assert screen.query_one("#argue-reason-0", LineField).value == "They can test ideas"
        await press(pilot, "tab", "f3")  # no example for the second reason: nothing changes
        assert screen.query_one("#argue-reason-1", LineField).value == ""
        await press(pilot, "enter")
    assert app.answers == [Entered("Convene experts", 0, ("They can test ideas",))]


async def test_a_counter_under_a_long_argument_scrolls_to_its_field_at_80x24() -> None:
    from rich.text import Text

    long_argument = Text("\n".join(f"reason {i}: " + "word " * 30 for i in range(1, 9)))
    app = Host(ArgumentForm("Ukraine counters Russia", (), about=long_argument))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#argue-action", LineField)
        assert app.focused is field
        dialog = app.screen.query_one(VerticalScroll)
        assert dialog.virtual_size.height > dialog.size.height  # taller than the screen: it scrolls
        # scrolling to the focused field happens after a refresh: a loaded machine needs more of them
        for _ in range(50):
            if 0 <= field.region.y and field.region.bottom <= SMALL[1]:
                break
            await pilot.pause()
        assert 0 <= field.region.y and field.region.bottom <= SMALL[1]  # in view, though the dialog is taller
        await type_text(pilot, "No")
        await press(pilot, "enter")
    assert app.answers == [Entered("No")]


async def test_long_texts_are_read_whole_before_they_are_sent_at_80x24() -> None:
    """A one-line field showed the end of what was typed: 'perts from both sides to meet monthly...' for an action
    of 103 characters, the start out of sight, and the team sent what it could not read back. Each field wraps."""
    action = "Open a standing channel for experts from both sides to meet monthly without preconditions on the agenda"
    reason = ("Rebuilding personal contacts between the delegations costs little and commits nobody to anything, "
              "yet it lowers the risk of misreading")
    app = Host(argument())
    async with app.run_test(size=SMALL) as pilot:
        # the first words typed, the rest as a paste (240 key presses took half a minute of the suite)
        await type_text(pilot, action[:8])
        app.screen.query_one("#argue-action", LineField).insert(action[8:])
        await press(pilot, "enter", "enter")
        await type_text(pilot, reason[:8])
        app.screen.query_one("#argue-reason-0", LineField).insert(reason[8:])
        await pilot.pause()
        seen = " ".join(on_screen(w) for w in (app.screen.query_one("#argue-action"),
                                                app.screen.query_one("#argue-reason-0")))
        words = " ".join(seen.split())
        assert action in words and reason in words, words
        assert app.screen.query_one("#argue-reason-0").region.bottom <= SMALL[1]
        await press(pilot, "enter", "enter")
    assert app.answers == [Entered(action, 0, (reason,))]


async def test_a_long_example_is_cut_with_an_ellipsis_to_the_field_s_width() -> None:
    """Found from outside (helper-98): at 120 columns the example read "наприклад: Внести проєкт гарантій безпеки
    для України разом з" and stopped, as if that were the whole example. It ends with "…" where it is cut; the
    field's own width decides, and a short example is shown whole."""
    from rich.cells import cell_len

    long = "Внести проєкт гарантій безпеки для України разом з партнерами та вимогою негайного припинення вогню"
    form = ArgumentForm("Russia argues on Track 2", RESULTS, examples=(long, "Talk"))
    for size in (SMALL, (120, 40)):
        app = Host(form)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            field = app.screen.query_one("#argue-action", LineField)
            width = field.content_size.width
            assert 0 < width < cell_len("e.g. " + long)
            said = str(field.placeholder)  # a Content, never markup: its plain text
            assert said.endswith("\u2026") and cell_len(said) <= width, (said, width)
            assert ("e.g. " + long).startswith(said[:-1].rstrip())
            reason = app.screen.query_one("#argue-reason-0", LineField)
            assert reason.placeholder == "e.g. Talk"


async def test_the_result_asked_for_is_marked_not_only_coloured() -> None:
    """Found from outside (helper-101): the result chosen showed only as the list's background; on a projector or a
    grey screen nothing said which one the argument asks for. It is marked ▶, and the mark follows the choice."""
    app = Host(argument())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        results = app.screen.query_one("#argue-result", OptionList)

        def marked() -> list[str]:
            return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)
                    if str(results.get_option_at_index(i).prompt).startswith("\u25b6")]

        assert marked() == ["\u25b6 progress +1"], marked()
        await type_text(pilot, "Open a channel")
        await press(pilot, "enter", "down", "down")
        assert marked() == ["\u25b6 tension \u22121"], marked()


#: an argument typed in one burst: Tab and Enter between the fields, a step back, the cursor moved, a result chosen
BURST = (*"actx", "backspace", "enter", "down", "down", "up", "enter", *"r1", "tab", *"r2", "left", "left", "home", "x",
         "shift+tab", "end", "backspace", "9", "enter", "enter", "enter")


async def test_a_burst_lands_in_the_fields_it_was_typed_for() -> None:
    """Found from outside (tmux send-keys, as the override's): "act Tab ↓ Tab r1" in one burst put "actr1" in the
    action and left the reasons empty. Textual hands each key to the field focused when it reads it, and moved on only
    once the Tab (or the Enter) had come back up from the field it was typed in. Typed slowly or at once, the same
    argument is handed in."""
    from .support import typed

    for how in ("slowly", "burst"):
        app = Host(argument())
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await typed(pilot, how, *BURST)
        assert app.answers == [Entered("act", 1, ("r9", "xr2"))], (how, app.answers)


async def test_a_reason_past_the_last_is_refused_and_leaves_the_action_as_typed() -> None:
    """Found from outside (helper-222, in Russian at 80x24): a team typed its second reason, the last the ruleset
    allows, pressed Tab and typed a third, «Довод 3?», then Enter: Tab from the last reason had wrapped to the action,
    and the third reason was added to the action's end and sent. Tab from the last reason now stops at the dialog's
    own "Done" button: what is typed there is refused in words (no "?" opening the help either), and Enter hands in the
    argument as it was typed."""
    from .support import typed

    keys = (*"act", "enter", "enter", *"r1", "tab", *"r2", "tab", *"\u0414\u043e\u0432\u043e\u0434 3?")
    for how in ("slowly", "burst"):
        app = Host(argument(reasons=2))
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await typed(pilot, how, *keys)
            screen = app.screen
            assert isinstance(screen, ArgumentScreen), (how, type(screen).__name__)
            assert screen.query_one("#argue-action", LineField).value == "act", how
            said = " ".join(in_the_dialog(screen))
            assert "No more reasons" in said and "at most 2" in said, (how, said)
            await press(pilot, "enter")
        assert app.answers == [Entered("act", 0, ("r1", "r2"))], (how, app.answers)


async def test_a_reason_at_its_limit_keeps_its_width_at_80_columns() -> None:
    """Found from outside (helper-222, in Russian at 80x24): once reason 1 reached its 200 characters, its limit line
    «200/200 — предел: остальное не принято» took the right half of the row and the reason wrapped at ~25 characters
    over six lines, pushing reason 2 and the keys down. The words of the limit go under the field, the field keeps the
    row's width."""
    from tabletop import lang

    lang.set_language("ru")
    app = Host(argument(reason_limit=200))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        reason = screen.query_one("#argue-reason-0", LineField)
        empty_width = reason.size.width
        reason.focus()
        await pilot.pause()
        reason.post_message(Paste("\u0434" * 230))  # past the limit: the rest is refused, and said so
        await pilot.pause()
        assert reason.value == "\u0434" * 200
        # as wide as it was empty (less the dialog's scrollbar, once the dialog is taller than the screen)
        assert reason.size.width >= empty_width - 2, (reason.size.width, empty_width)
        said = " ".join(in_the_dialog(screen))
        assert "200/200" in said and "\u043e\u0441\u0442\u0430\u043b\u044c\u043d\u043e\u0435 \u043d\u0435 \u043f\u0440\u0438\u043d\u044f\u0442\u043e" in said, said
        assert reason.size.height <= 4, reason.size


async def test_the_typed_text_warning_goes_once_typing_resumes() -> None:
    """Found from outside (helper-222): after one Escape over typed text the dialog said "not saved yet: finish it first,
    or press Escape again", and the line stayed while the team went on typing, as if the next Escape would still lose the
    text. Typing on takes the warning back: the next Escape warns again before anything is lost."""
    app = Host(argument())
    async with app.run_test(size=SMALL) as pilot:
        await type_text(pilot, "half")
        await press(pilot, "escape")
        screen = app.screen
        assert isinstance(screen, ArgumentScreen)
        assert "press Escape or click outside it again" in " ".join(in_the_dialog(screen))
        await type_text(pilot, " more")
        assert "press Escape or click outside it again" not in " ".join(in_the_dialog(screen))
        await press(pilot, "escape")  # warned again, not closed
        assert app.screen is screen and app.answers == []
        assert "press Escape or click outside it again" in " ".join(in_the_dialog(screen))


async def test_done_with_a_field_missing_moves_the_focus_to_it() -> None:
    """Found from outside (in Russian): "Готово" pressed with the action empty said «Опишите действие: что вы делаете.»,
    but the focus stayed on the button, and the next letter typed was refused with «Больше доводов нельзя…». The focus
    goes to the field the words ask for: the action, or the first empty reason when more are required."""
    app = Host(argument(reasons=2, min_reasons=1))
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "tab", "tab", "tab", "tab")  # past the result and both reasons: on "Done"
        screen = app.screen
        assert isinstance(screen, ArgumentScreen)
        assert screen.focused is screen.query_one("#argue-done")
        await press(pilot, "enter")
        said = " ".join(in_the_dialog(screen))
        assert "Type the action" in said, said
        assert screen.focused is screen.query_one("#argue-action", LineField)
        await type_text(pilot, "act")
        assert screen.query_one("#argue-action", LineField).value == "act"
        assert "No more reasons" not in " ".join(in_the_dialog(screen))
        screen.set_focus(screen.query_one("#argue-done"))
        await press(pilot, "enter")
        assert "at least 1 reason" in " ".join(in_the_dialog(screen))
        assert screen.focused is screen.query_one("#argue-reason-0", LineField)
        await type_text(pilot, "r1")
        await press(pilot, "enter", "enter")  # on to the second reason, empty: handed in
    assert app.answers == [Entered("act", 0, ("r1",))]


async def test_f3_on_the_done_button_says_where_it_works() -> None:
    """Found from outside: F3 on "Done" did nothing and nothing said why. It says the example goes into the text
    field the cursor is in, and how to get back to one."""
    app = Host(ArgumentForm("Russia argues", RESULTS, reasons=1, examples=("Convene experts", "They can test ideas")))
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "tab", "tab", "tab")  # on "Done"
        screen = app.screen
        assert isinstance(screen, ArgumentScreen)
        assert screen.focused is screen.query_one("#argue-done")
        await press(pilot, "f3")
        said = " ".join(in_the_dialog(screen))
        assert "F3" in said and "Shift+Tab" in said, said
        await press(pilot, "shift+tab", "f3")  # back in the reason: its example
        assert screen.query_one("#argue-reason-0", LineField).value == "They can test ideas"


async def test_an_example_s_bracketed_words_are_shown_as_written() -> None:
    """Found from outside (helper-260): the stock action "Propose an amnesty for those who laid down arms [before
    March]" read "e.g. Propose an amnesty for those who laid down arms" in the empty field: the placeholder was
    read as markup, and "[before March]" taken for a style. A stray "[/]" did not get that far."""
    action = "Propose an amnesty for those who laid down arms [before March]"
    app = Host(ArgumentForm("Borvia argues", RESULTS, examples=(action, "[/] [bold]ask[/bold] [red]")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown_action = app.screen.query_one("#argue-action", LineField).render_line(0).text
        assert f"e.g. {action}" in shown_action, shown_action
        shown_reason = app.screen.query_one("#argue-reason-0", LineField).render_line(0).text
        assert "e.g. [/] [bold]ask[/bold] [red]" in shown_reason, shown_reason


#: the deck's stock texts for Track 2 in Ukrainian, as a US seat's dialog has them (the action's, then each reason's)
UK_EXAMPLES = ("Провести в нейтральній столиці закритий раунд зустрічей експертів усіх сторін, публічно схвалений "
               "урядами", "Експерти можуть перевіряти ідеї, які жоден уряд не може висловити публічно",
               "Публічне схвалення урядів надає роботі експертів ваги")


@pytest.mark.parametrize("size", [(60, 16), (60, 20), SMALL])
async def test_done_and_the_keys_stay_in_view_on_a_small_screen_once_the_fields_are_filled(
        size: tuple[int, int]) -> None:
    """Found from outside (a US seat at 60x20, in Ukrainian): once F3 had filled the fields, the dialog's last line on
    the screen was reason 2; "Done: send the argument" and the keys were below the screen's foot (Enter still sent
    it, but nothing said so). The fields scroll; the Done button and the keys stay in view at every size a team's
    screen takes, whichever field is focused."""
    form = ArgumentForm("Сполучені Штати наводять аргумент на треку «Діалог другого треку»",
                        ("просування +1", "напруженість −1"), reasons=2, examples=UK_EXAMPLES)
    app = Host(form)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        whole = Region(0, 0, *size)
        await press(pilot, "f3", "enter", "enter", "f3", "enter", "f3")  # the action, the result, both reasons
        assert screen.query_one("#argue-reason-1", LineField).value == UK_EXAMPLES[2]
        for _ in range(4):  # the second reason, the first, the result, the action
            focused = app.focused
            fields = screen.query_one("#argue-fields").region
            assert focused is not None and fields.contains_region(focused.region), (focused, focused.region, fields)
            for name in ("#argue-done", "#argue-keys"):
                widget = screen.query_one(name)
                assert widget.region.height and whole.contains_region(widget.region), (name, widget.region, size)
            await press(pilot, "shift+tab")
        assert not app.answers
