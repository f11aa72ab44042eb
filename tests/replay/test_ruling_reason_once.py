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
