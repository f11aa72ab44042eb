"""A facilitator's ruling given a reason says it once where its line and its working are shown together: the
board's log, the replay's working, the report's decision log (each said it in the line, "… fails — facilitator: R",
and again in the working, "facilitator's reason: R")."""

from __future__ import annotations

import html
import re

import pytest

from tabletop import lang
from tabletop.report import render
from tabletop.store.reading import open_save
from tabletop.tui.text import event_line, ruling_lines, settled_lines
from tabletop.tui.timeline import as_event, event_text, working_text

from tests.report.kit import TINY_GAME


def _rule():
    save = open_save(TINY_GAME)
    index = next(i for i, e in enumerate(save.events, 1) if e.action.kind == "rule" and e.action.reason)
    return save, index, save.events[index - 1]


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_board_s_log_says_a_ruling_s_reason_once(code: str) -> None:
    save, index, e = _rule()
    state, event = save.state_at(index), as_event(e)
    with lang.using(code):
        # an entry of the board's log (RulingsPanel.show): the event's line, its working, what it settled
        rows = [event_line(state, event, set()), *ruling_lines(state, event), *settled_lines(state, event)]
        entry = "\n".join(r.plain for r in rows)
        assert entry.count(e.action.reason) == 1, entry
        # the replay's working of it, and its line in the timeline (no working there: the line says it)
        worked = working_text(save, index, set(), {}, {}).plain
        assert worked.count(e.action.reason) == 1, worked
        line = event_text(state, e, set(), {}, {}, {}).plain
        assert line.count(e.action.reason) == 1, line


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_report_s_decision_log_says_a_ruling_s_reason_once(fmt: str) -> None:
    save, _index, e = _rule()
    doc = render([TINY_GAME], fmt)
    reason = e.action.reason
    if fmt == "md":
        rows = [r for r in doc.splitlines() if r.startswith(f"| {e.seq} |")]
        said = [r.replace("\\", "") for r in rows]
    else:
        rows = re.findall(r"<tr[^>]*>.*?</tr>", doc, flags=re.S)
        said = [html.unescape(re.sub(r"<[^>]+>", "", r)) for r in rows if f'id="e{e.seq}"' in r or f'-e{e.seq}"' in r]
    assert len(said) == 1, said
    assert said[0].count(reason) == 1, said[0]


@pytest.mark.parametrize("code", ["en", "ru"])
async def test_the_replay_says_a_ruling_s_reason_once_on_its_screen(code: str) -> None:
    """Found from outside (120x40, ``tabletop --lang ru replay SAVE``): the timeline's line of the ruling shown read
    "… — удаётся — ведущий: R" and the working panel under it "обоснование ведущего: R". The line of the event the
    working panel shows leaves the reason to it, as the board's log does (tell(worked=True)); the other lines of the
    timeline, a list of every event, say it, and the ruling's own says it again once another event is shown."""
    from textual.widgets import OptionList, Static

    from tabletop.tui.replay import ReplayApp

    save, index, e = _rule()
    reason = e.action.reason
    app = ReplayApp(open_save(TINY_GAME), lang=code)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        timeline = screen.query_one("#timeline", OptionList)

        def line_of(seq: int) -> str:
            return str(timeline.get_option(str(seq)).prompt)

        screen.go(index)
        await pilot.pause()
        highlighted = str(timeline.get_option_at_index(timeline.highlighted).prompt)
        assert highlighted == line_of(e.seq)
        working = str(screen.query_one("#working", Static).render())
        assert reason in working and reason not in highlighted, (highlighted, working)
        await pilot.press("right")  # the next event: the ruling's line in the list says its reason again
        await pilot.pause()
        assert reason in line_of(e.seq), line_of(e.seq)
        await pilot.press("left")
        await pilot.pause()
        assert reason not in line_of(e.seq), line_of(e.seq)
