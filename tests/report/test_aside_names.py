"""A card a draw set aside, in a Russian or Ukrainian report: why it could not be played names its track (and the
meters its conditions read) as the rest of the report does, in the report's language.

Found from outside (helper-358): a Ukrainian debrief read «Узгоджено обмін полоненими (статус її треку
«Humanitarian»: відкладено)» — the card's title translated, its track's name left in English, because the reason was
worded on the replayed board, whose scenario is the save's own (English) one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop import lang
from tabletop.engine.wording import scenario_names
from tabletop.report import render
from tabletop.sim.saving import play_and_save
from tabletop.store.reading import open_save

from .kit import scenario


def _whys(path: Path) -> list[str]:
    """Every set-aside card's ``why`` in the JSON report of ``path``, in the language of the moment."""
    log = json.loads(render([path], "json"))["log"]
    return [card["why"] for entry in log for card in entry.get("set_aside") or []]


@pytest.mark.parametrize(("code", "closed"), [("ru", "(статус её трека «"), ("uk", "(статус її треку «")])
def test_a_set_aside_card_s_track_is_named_in_the_report_s_language(tmp_path: Path, code: str, closed: str) -> None:
    base = scenario("parallel-tracks")
    whys: list[str] = []
    english: dict[str, str] = {}
    for seed in range(1, 40):  # bot games until one set a card aside because its track was closed (~0.05 s a game)
        play_and_save(base, seed, None, seed, tmp_path)
        path = next(tmp_path.glob(f"*-{seed:05d}-seed-{seed}.jsonl"))
        with lang.using(code):
            found = _whys(path)
        if any(closed in why for why in found):
            whys = found
            save = open_save(path)
            shown = scenario_names(save.translated(code))
            english = {k: v for k, v in scenario_names(save.scenario).items() if shown.get(k) != v}
            break
    assert whys, "no bot game here set a card aside for its closed track: try more seeds"
    for why in whys:
        assert not [name for name in english.values() if name in why], why
