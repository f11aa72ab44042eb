"""A phase is named one way on every line of a screen (ru and uk grammar may change its ending, not its word)."""

from __future__ import annotations

import pytest

from tabletop import lang
from tabletop.lang import Domain


@pytest.mark.parametrize(("code", "word"), [("ru", "событи"), ("uk", "поді")])
def test_the_event_phase_is_named_with_one_word(code: str, word: str) -> None:
    """Found from outside: the Russian header said "фаза события" and the prompt "Фаза событий завершена." (the
    phase of one event, then of several)."""
    said = Domain("play").gettext
    with lang.using(code):
        done, draw = said("Event phase done."), said("Event phase: draw this round's card.")
    assert done.split()[1].startswith(word) and draw.split()[1].startswith(word), (done, draw)
    assert done.split()[1][:len(word) + 1] == draw.split()[1].rstrip(":")[:len(word) + 1], (done, draw)


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_a_phase_is_the_same_word_in_the_header_the_log_and_the_report(code: str) -> None:
    """Found from outside (helper-109): the Ukrainian header read "фаза рішень" (of decisions) and the log "фаза
    «рішення»" (decision); the reports said "ухвалення рішень" and "огляд" where the screens said "рішення" and
    "підсумки". The header's form is a genitive (after "фаза"), the others a nominative: the word's stem agrees."""
    from tabletop.engine.telling import PHASES
    from tabletop.play.decisions import phase_name as header
    from tabletop.report.words import _PHASES as REPORT
    from tabletop.tui.text import phase_word

    import os

    engine, report, play = Domain("engine").gettext, Domain("report").gettext, Domain("play").gettext
    done = {"event": "Event phase done.", "moves": "Moves phase done.", "adjudication": "Adjudication phase done."}
    with lang.using(code):
        for phase in PHASES:
            named = {engine(PHASES[phase]), report(REPORT[phase]), phase_word(phase)}
            assert len(named) == 1, (phase, named)
            # the header's form ("фаза рішень") is the same word in the genitive: they share the stem
            assert len(os.path.commonprefix([next(iter(named)), header(phase)])) >= 3, (phase, header(phase), named)
            if phase in done:  # and the same form as the sentence that ends the phase ("Фазу рішень завершено.")
                assert play(done[phase]).split()[1].rstrip(".") == header(phase), (phase, play(done[phase]))
