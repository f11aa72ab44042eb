"""A draw that sets cards aside says so where the room reads it at 80x24: under the prompt, not only in the log.

Found from outside (a Ukrainian hot seat at 80x24): the facilitator's redraw turned up a card and set one aside as
unplayable; the rulings panel's line "… (1 set aside, not playable now: Military staff talks)" was cut off at its
foot, and the room never learnt a card had been set aside.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop import lang
from tabletop.engine import Action, legal_actions
from tabletop.tui.app import TabletopApp
from tabletop.tui.widgets import BoardPart

from .support import SMALL, board, start


def redrawn(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Round 1's card drawn, then redrawn by the facilitator: the redraw sets Military staff talks aside."""
    session = start(tmp_path, seed=11)
    session.apply(legal_actions(session.state)[0])
    session.apply(Action("redraw", reason="test"))
    assert session.state.last is not None and session.state.last.result["outcome"]["set_aside"] == ["staff-talks"]
    return session


@pytest.mark.parametrize(("code", "said"), [
    ("en", "1 card set aside, not playable now: Military staff talks (it needs Escalation \u2265 6)."),
    ("ru", "Переговоры военных штабов"),  # the card's title in the room's language
    ("uk", "Переговори військових штабів"),
])
async def test_a_redraws_card_set_aside_is_read_on_the_screen_at_80x24(tmp_path: Path, code: str, said: str) -> None:
    app = TabletopApp(redrawn(tmp_path), lang=code)
    try:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            prompt = board(pilot).query_one("#prompt", BoardPart)
            words = prompt.render()
            assert said in str(words), str(words)
            # all of it on the screen: the prompt's box shows every line of it, with no scroll
            box = board(pilot).query_one("#prompt-box")
            assert box.scroll_y == 0 and box.max_scroll_y == 0, (box.size, prompt.size)
            assert prompt.region.bottom <= app.screen.size.height - 2  # above the key bar
    finally:
        lang.set_language("en")


async def test_the_words_go_with_the_next_card_or_an_undo(tmp_path: Path) -> None:
    from tabletop.engine.cards import set_aside

    session = redrawn(tmp_path)
    session.apply(Action("undo"))  # the redraw taken back: the first card is on the table again, nothing set aside
    assert session.state.card == "integrity-declaration" and set_aside(session.state) == []
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert "set aside" not in str(board(pilot).query_one("#prompt", BoardPart).render())


#: what the skip question says will happen to the card, asked before anything is done
SKIP_AHEAD = {"en": "It will be set aside without effect; the record will keep it.",
              "ru": "Она будет отодвинута без эффекта; в записи она останется.",
              "uk": "Її буде відсунуто без ефекту; у записі вона залишиться."}


#: how the skip and redraw questions begin: the card named as a card, so its title need not bend to the verb
SET_ASIDE_ASKED = {"en": ("Skip the card \u201c", "Set the card \u201c"),
                   "ru": ("Пропустить карточку «", "Отодвинуть карточку «"),
                   "uk": ("Пропустити картку «", "Відсунути картку «")}


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
async def test_the_skip_and_redraw_questions_name_the_card_as_a_card(tmp_path: Path, code: str) -> None:
    """Found from outside (ru): «Пропустить «Декларация о территориальной целостности»?» left the title in the
    nominative after the verb; «Пропустить карточку «…»?» reads right whatever the title (uk and the redraw's
    question alike). And (a Ukrainian workshop): «Пропустити «…»? Її відсунуто без ефекту», "it has been set
    aside", asked before the facilitator had confirmed anything; the skip's question says what a yes will do."""
    from tabletop.tui.modals import ConfirmScreen

    from .support import SIZE, press, rendered

    session = start(tmp_path, seed=11)
    session.apply(legal_actions(session.state)[0])  # round 1's card on the table
    app = TabletopApp(session, lang=code)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for key, begins in zip(("k", "r"), SET_ASIDE_ASKED[code], strict=True):
                await press(pilot, key)
                assert isinstance(app.screen, ConfirmScreen)
                said = " ".join(rendered(pilot).split())
                assert begins in said, said
                if key == "k":
                    assert SKIP_AHEAD[code] in said, said
                await press(pilot, "escape")
            assert session.state.card is not None  # nothing was done
    finally:
        lang.set_language("en")
