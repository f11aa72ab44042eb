"""One word for one thing in a room's language: what a Ukrainian or Russian facilitator read, found from outside.

An argument's reasons were "причина" on a seat, "аргумент" in a Ukrainian report (the word for the
argument itself), "довод" in the Russian replay and "Аргументи" in the dialog; a roll read
"8 за мети 6" (not Ukrainian); a modifier "+1 за Взаємна довіра ≥ 5" (a name that needs a case it
cannot take); the decision log's column of effects and workings was called "justification"
(Обґрунтування); a counter "возражает на аргумент".
"""

from __future__ import annotations

import pytest

from tabletop.lang import Domain, using

ENGINE, PLAY, TUI, REPORT = (Domain(d) for d in ("engine", "play", "tui", "report"))
#: an argument's reasons, in every message that names them: (domain, message)
REASONS = [(ENGINE, "reason {n}: {text}"), (ENGINE, "reason {n}: {text} (strong)"), (PLAY, "reason {n}: {text}"),
           (PLAY, "reason: {text}"), (PLAY, "(no reasons given)"), (PLAY, "Mark the strong reasons and counters"),
           (PLAY, "weighed by the facilitator from the strong reasons and counters"), (TUI, "Reasons (up to {most})"),
           (TUI, "Reasons (at least {least}, up to {most})")]


@pytest.mark.parametrize(("lang", "word"), [("ru", "довод"), ("uk", "дов")])
def test_an_argument_s_reasons_have_one_name(lang: str, word: str) -> None:
    with using(lang):
        said = [domain.gettext(message) for domain, message in REASONS]
    assert all(word in s.lower() for s in said), said
    assert not any("причин" in s or "аргумент" in s.lower() for s in said), said


@pytest.mark.parametrize(("lang", "word"), [("ru", "цель"), ("uk", "мета")])
def test_a_roll_and_its_modifiers_read_in_the_language(lang: str, word: str) -> None:
    with using(lang):
        rolls = [ENGINE.gettext(m).format(first=2, second=6, total=8, target=6, odds="", modifiers="")
                 for m in ("= {total} vs target {target}", "rolled {first} + {second} = {total} vs target {target}",
                           "rolled {first}+{second} = {total} vs {target} ({odds})",
                           "rolled {first}+{second}{modifiers} = {total} vs {target}")]
        modifier = ENGINE.gettext("{amount} for {source}").format(amount="+1", source="Взаємна довіра ≥ 5")
        column = REPORT.gettext("Working")
        counters = PLAY.gettext("{who} counters {whose} argument")
    assert all(f"8, {word} 6" in r for r in rolls), rolls
    assert " за " not in modifier and modifier.startswith("+1, ") and modifier.endswith("Взаємна довіра ≥ 5")
    assert column in ("Подробности", "Подробиці")
    assert " на аргумент" not in counters
