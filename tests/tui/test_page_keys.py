"""PageDown and PageUp in a decision list pass an option taller than the list's rows, and show the whole of it on
the way (found from outside: at 80x24 a team's seat listed the link moves, each with its refusal over eight lines,
in a list of seven rows; PageDown stayed on the first of them for good, its reason cut after "трек «Статус")."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from tabletop.tui.decisionlist import DecisionList

from .support import press

TALL = 12  # the tall option's lines: more than the list's rows


class Listing(App[None]):
    CSS = "DecisionList { height: 7; }"  # untranslated: a stylesheet

    def compose(self) -> ComposeResult:
        yield DecisionList()


def _labels() -> list[Text]:
    tall = "\n".join(f"reason line {i}" for i in range(TALL))
    return [Text("1. First"), Text(f"2. Link the tracks\n{tall}"), Text("3. Third"), Text("4. Fourth"),
            Text("5. Fifth")]


def _rows(listed: DecisionList) -> list[str]:
    return [listed.render_line(y).text for y in range(listed.scrollable_content_region.height)]


async def test_page_down_and_up_pass_an_option_taller_than_the_list() -> None:
    app = Listing()
    async with app.run_test(size=(40, 12)) as pilot:
        listed = app.query_one(DecisionList)
        listed.show(_labels())
        listed.focus()
        await pilot.pause()
        listed.highlighted = 1
        await pilot.pause()
        seen: set[str] = set()
        for _press in range(6):
            seen.update(row.strip(" \u25b6") for row in _rows(listed))
            if listed.highlighted != 1:
                break
            await press(pilot, "pagedown")
        assert listed.highlighted is not None and listed.highlighted > 1, (listed.highlighted, _rows(listed))
        # every line of the tall option was on screen before the highlight left it
        assert {f"reason line {i}" for i in range(TALL)} <= seen, sorted(seen)
        for _press in range(8):
            if listed.highlighted == 0:
                break
            await press(pilot, "pageup")
        assert listed.highlighted == 0, (listed.highlighted, _rows(listed))
