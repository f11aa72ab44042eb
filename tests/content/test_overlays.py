"""Scenario overlays: NAME.LANG.toml beside a ruleset or deck, checked, applied, stamped, embedded in saves."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tabletop import lang
from tabletop.cli import main
from tabletop.content import ContentError, load_scenario
from tabletop.content import overlaycache
from tabletop.content.finding import BUNDLED, bundled_rulesets
from tabletop.content.overlays import translated
from tabletop.content.overlaywriting import skeleton, stamp_file
from tabletop.lang import Domain
from tabletop.store.reading import open_save

from ..store.savekit import record_bot_game

RU_RULESET = """\
[overlay]
lang = "ru"
ruleset = "parallel-tracks"

[ruleset]
name = "Параллельные треки"

[actors.ua]
name = "Украина"
objectives = {objectives}

[tracks.borders]
name = "Границы"
ladder = {ladder}

[moves.signal]
name = "Сигнал"
"""

RU_DECK = """\
[overlay]
lang = "ru"
deck = "parallel-tracks-events"

[cards.{card}]
title = "Заголовок"
choices = ["Первый", "Второй"]

[prompts.borders]
prompts = {prompts}
"""


def _ruleset(scenarios: Path) -> Path:
    return scenarios / "rulesets" / "parallel-tracks.toml"


def _lists(scenarios: Path) -> dict[str, list[str]]:
    base = load_scenario(_ruleset(scenarios))
    ua = base.index.actors["ua"]
    chooser = next(c for c in base.deck.cards if len(c.choices) == 2)
    return {
        "objectives": [f"цель {i}" for i, _ in enumerate(ua.objectives)],
        "ladder": [f"ступень {i}" for i, _ in enumerate(base.index.tracks["borders"].ladder)],
        "prompts": [f"вопрос {i}" for i, _ in enumerate(p for p in base.deck.prompts if p.track == "borders")],
        "card": [chooser.id],
    }


def _write(scenarios: Path, **changes: object) -> tuple[Path, Path]:
    lists = {k: v for k, v in _lists(scenarios).items() if k != "card"}
    card = _lists(scenarios)["card"][0]
    values = {**{k: json.dumps(v, ensure_ascii=False) for k, v in lists.items()}, **changes}
    rs = _ruleset(scenarios).with_name("parallel-tracks.ru.toml")
    deck = scenarios / "decks" / "parallel-tracks-events.ru.toml"
    rs.write_text(RU_RULESET.format(**{k: values[k] for k in ("objectives", "ladder")}), encoding="utf-8")
    deck.write_text(RU_DECK.format(card=changes.get("card", card), prompts=values["prompts"]), encoding="utf-8")
    return rs, deck


def _validate(capsys: pytest.CaptureFixture[str], *paths: Path | str) -> tuple[int, str]:
    code = main(["validate", *map(str, paths)])
    return code, capsys.readouterr().out


def _validate_changed(scenarios: Path, capsys: pytest.CaptureFixture[str], old: str, new: str) -> tuple[Path, str]:
    """The Russian translation written with ``old`` (which it must hold) made ``new``, refused by validate: the
    translation's path and what validate said."""
    rs, _deck = _write(scenarios)
    text = rs.read_text(encoding="utf-8")
    assert old in text
    rs.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 1
    return rs, out


# --------------------------------------------------------------------------
# Applying


def test_english_and_a_scenario_without_overlays_are_the_scenario_itself(scenarios: Path) -> None:
    base = load_scenario(_ruleset(scenarios))
    assert translated(base, "en") is base
    assert translated(base, "ru") is base
    assert translated(base, "uk") is base


def test_an_overlay_translates_texts_and_keeps_ids_numbers_and_order(scenarios: Path) -> None:
    _write(scenarios)
    base = load_scenario(_ruleset(scenarios))
    ru = translated(base, "ru")
    assert ru is not base and translated(base, "ru") is ru  # made once
    assert ru.name == "Параллельные треки"
    assert ru.index.actors["ua"].name == "Украина"
    assert [o.text for o in ru.index.actors["ua"].objectives][0] == "цель 0"
    assert ru.index.tracks["borders"].ladder[0] == "ступень 0"
    assert ru.index.moves["signal"].name == "Сигнал"
    card = _lists(scenarios)["card"][0]
    assert ru.index.cards[card].title == "Заголовок"
    assert [c.label for c in ru.index.cards[card].choices] == ["Первый", "Второй"]
    assert [p.text for p in ru.deck.prompts if p.track == "borders"][0] == "вопрос 0"
    # what is not translated shows the base text
    assert ru.index.actors["ru"].name == base.index.actors["ru"].name
    assert ru.index.tracks["borders"].description == base.index.tracks["borders"].description
    # the same game: ids, numbers, order
    assert [a.id for a in ru.ruleset.actors] == [a.id for a in base.ruleset.actors]
    assert [c.id for c in ru.deck.cards] == [c.id for c in base.deck.cards]
    assert [(t.agreement_at, t.breakdown_at, t.members) for t in ru.ruleset.tracks] == [
        (t.agreement_at, t.breakdown_at, t.members) for t in base.ruleset.tracks]
    assert [c.choices[0].effects for c in ru.deck.cards if c.choices] == [
        c.choices[0].effects for c in base.deck.cards if c.choices]
    assert translated(ru, "ru") is ru and translated(ru, "en") is base


def test_an_actors_short_is_translated_like_its_name(scenarios: Path) -> None:
    """Found from outside: the Ukrainian board's track panels read "US · RU" and "вето UA RU" beside Cyrillic names,
    as an overlay could not give an actor's ``short``."""
    rs, _deck = _write(scenarios)
    rs.write_text(rs.read_text(encoding="utf-8").replace('[actors.ua]\nname = "Украина"',
                                                         '[actors.ua]\nname = "Украина"\nshort = "УКР"'),
                  encoding="utf-8")
    base = load_scenario(_ruleset(scenarios))
    ru = translated(base, "ru")
    assert ru.index.actors["ua"].short == "УКР"
    assert ru.index.actors["ru"].short == base.index.actors["ru"].short == "RU"  # not translated: the base's
    assert base.index.actors["ua"].short == "UA"


def test_stock_arguments_run_on_across_a_tracks_tables(scenarios: Path) -> None:
    deck_path = scenarios / "decks" / "parallel-tracks-events.toml"
    base = load_scenario(_ruleset(scenarios))
    track = base.deck.arguments[0].track
    actions = [a for s in base.deck.arguments if s.track == track for a in s.actions]
    (deck_path.with_name("parallel-tracks-events.uk.toml")).write_text(
        f'[overlay]\nlang = "uk"\ndeck = "parallel-tracks-events"\n\n[arguments.{track}]\n'
        f"actions = {json.dumps([f'дія {i}' for i in range(len(actions))], ensure_ascii=False)}\n",
        encoding="utf-8")
    uk = translated(base, "uk")
    assert [a for s in uk.deck.arguments if s.track == track for a in s.actions] == [
        f"дія {i}" for i in range(len(actions))]
    assert uk.deck.arguments[0].reasons == base.deck.arguments[0].reasons


# --------------------------------------------------------------------------
# Problems: file:line: key: message, and validate fails


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"card": "plant-incidnet"}, "parallel-tracks-events.ru.toml:5: cards.plant-incidnet: 'plant-incidnet' "
                                     "names nothing in [cards] of parallel-tracks-events.toml (did you mean "
                                     "'plant-incident'?)"),
        ({"ladder": '["one", "two"]'}, "parallel-tracks.ru.toml:14: tracks.borders.ladder: the base has 7 entries: "
                                       "give as many, in the base's order (got 2)"),
        ({"objectives": '["one"]'}, "parallel-tracks.ru.toml:10: actors.ua.objectives: the base has"),
        ({"prompts": '["only one"]'}, "parallel-tracks-events.ru.toml:10: prompts.borders.prompts: the base has"),
        ({"ladder": '["a", "b", "c", "d", "e", "f", 7]'}, "parallel-tracks.ru.toml:14: tracks.borders.ladder[6]: "
                                                          "expected a string"),
    ],
)
def test_each_problem_is_reported_at_its_line(scenarios: Path, capsys: pytest.CaptureFixture[str],
                                              change: dict[str, str], expected: str) -> None:
    _write(scenarios, **change)
    code, out = _validate(capsys, scenarios)
    assert code == 1
    assert expected in out
    with pytest.raises(ContentError) as err:
        translated(load_scenario(_ruleset(scenarios)), "ru")
    assert expected.split(": ", 1)[1][:40] in str(err.value)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('lang = "ru"', 'lang = "de"', "overlay.lang: 'de' is not a language tabletop speaks (expected one of ru, uk)"),
        ('lang = "ru"', 'lang = "en"', "overlay.lang: English is the base language: an overlay is in one of ru, uk"),
        ('lang = "ru"', 'lang = "uk"', "overlay.lang: the file's name says 'ru' but lang is 'uk'"),
        # found from outside (helper-225): [actors.RU] was told no near match
        ('[actors.ua]', '[actors.UA]', "actors.UA: 'UA' names nothing in [actors] of parallel-tracks.toml (did you "
                                       "mean 'ua'?)"),
        ('ruleset = "parallel-tracks"', 'ruleset = "parallel-tracks-linked"',
         "overlay.ruleset: this overlay translates 'parallel-tracks-linked', but its base file parallel-tracks.toml "
         "is 'parallel-tracks'"),
        ('[moves.signal]\nname = "Сигнал"', '[moves.signal]\nnmae = "Сигнал"',
         "moves.signal.nmae: unknown key 'nmae' (did you mean 'name'?); expected one of name, description, logs, base"),
        ('[moves.signal]\nname = "Сигнал"', '[moves.signal]\nname = ""', "moves.signal.name: must not be empty"),
        ('[moves.signal]\nname = "Сигнал"', f'[moves.signal]\nname = "{"я" * 121}"',
         "moves.signal.name: at most 120 characters allowed"),
        # found in review: a translated name with a line break passed, where the base's own is refused
        ('[moves.signal]\nname = "Сигнал"', '[moves.signal]\nname = "Сиг\\nнал"',
         "moves.signal.name: is one line: it has a line break or a tab"),
        ('[moves.signal]\nname = "Сигнал"', '[moves.signal]\nname = "Сигнал"\nbase = "xyz"',
         "moves.signal.base: expected the 12 hex digits that scripts/overlays --stamp writes"),
        ('[actors.ua]', '[actorz.ua]', "actorz: unknown key 'actorz' (did you mean 'actors'?)"),
        # an actor's short is checked as the base's is: a track panel's column counts on it
        ('[actors.ua]\nname = "Украина"', f'[actors.ua]\nname = "Украина"\nshort = "{"Я" * 13}"',
         "actors.ua.short: at most 12 characters allowed"),
        ('[actors.ua]\nname = "Украина"', '[actors.ua]\nname = "Украина"\nshort = "У\\nКР"',
         "actors.ua.short: is one line: it has a line break or a tab"),
        ("[overlay]\n", "[overlay]\nkind = 1\n", "overlay.kind: unknown key 'kind'"),
    ],
)
def test_the_overlay_table_and_the_fields_are_checked(scenarios: Path, capsys: pytest.CaptureFixture[str],
                                                      old: str, new: str, expected: str) -> None:
    rs, out = _validate_changed(scenarios, capsys, old, new)
    line = next(line for line in out.splitlines() if expected in line)
    assert line.startswith(f"{rs}:")  # with its line number
    assert line.split(":")[1].isdigit()


def test_a_broken_language_refuses_only_itself(scenarios: Path, tmp_path: Path) -> None:
    _write(scenarios, ladder='["too", "short"]')
    (scenarios / "rulesets" / "parallel-tracks.uk.toml").write_text(
        '[overlay]\nlang = "uk"\nruleset = "parallel-tracks"\n\n[actors.ua]\nname = "Україна"\n', encoding="utf-8")
    base = load_scenario(_ruleset(scenarios))
    with pytest.raises(ContentError):
        translated(base, "ru")
    assert translated(base, "uk").index.actors["ua"].name == "Україна"
    game = record_bot_game(tmp_path / "g.jsonl", base, 1)
    header = json.loads(game.path.read_text(encoding="utf-8").splitlines()[0])
    assert list(header["translations"]) == ["uk"]  # the broken Russian is not embedded; English plays


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_overlay_is_refused_before_reading(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = scenarios / "rulesets" / "parallel-tracks.ru.toml"
    os.mkfifo(fifo)
    with pytest.raises(ContentError) as err:
        translated(load_scenario(_ruleset(scenarios)), "ru")  # would block forever if it opened the FIFO to read
    assert "named pipe" in str(err.value)
    code, out = _validate(capsys, fifo)
    assert code == 1 and "is not a regular file (a named pipe)" in out


# --------------------------------------------------------------------------
# Warnings: missing, stale, not stamped; and stamping


def test_missing_texts_warn_and_show_the_base(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rs, deck = _write(scenarios)
    code, out = _validate(capsys, scenarios)
    assert code == 0
    warning = next(line for line in out.splitlines() if line.startswith(f"warning: {rs}:") and "not translated" in line)
    assert "texts not translated (the base text shows): ruleset.description, actors.ru," in warning
    assert "(--verbose lists all)" in warning
    code, out = _validate(capsys, "--verbose", scenarios)
    verbose = next(line for line in out.splitlines() if line.startswith(f"warning: {rs}:") and "not translated" in line)
    assert "--verbose" not in verbose and "moves.propose" in verbose
    assert "not stamped" in out


def test_a_changed_base_text_is_flagged_until_stamped(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rs, deck = _write(scenarios)
    rs.write_text(rs.read_text(encoding="utf-8").replace("[ruleset]\n", "# keep me\n[ruleset]  # and me\n"),
                  encoding="utf-8")
    assert stamp_file(rs) == 4 and stamp_file(deck) == 2
    code, out = _validate(capsys, scenarios)
    assert code == 0 and "not stamped" not in out and "older text" not in out
    assert "# keep me\n[ruleset]  # and me\n" in rs.read_text(encoding="utf-8")
    base = _ruleset(scenarios)
    base.write_text(base.read_text(encoding="utf-8").replace('name = "Ukraine"', 'name = "Ukraine (changed)"', 1),
                    encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 0
    assert f"warning: {rs}:10: actors.ua: translated from an older text (base changed)" in out
    # its texts are not shown, and not counted as done (found from outside: "26 of 26 texts" above the warning)
    counted = re.escape(str(rs)) + r": \S+ translation of \S+: (\d+) of (\d+) texts"
    stale = re.search(counted, out)
    assert stale is not None and int(stale.group(1)) < int(stale.group(2)), out
    assert stamp_file(rs) == 1 and stamp_file(rs) == 0
    code, out = _validate(capsys, scenarios)
    assert "older text" not in out
    whole = re.search(counted, out)
    assert whole is not None and int(whole.group(1)) == int(stale.group(1)) + 2, out  # the actor's name and text


def test_a_translation_of_an_older_text_is_not_shown(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: a designer swapped a card's two choices in the base; the stale Russian overlay still
    gave the old order, and the board offered "a tough line" with the subsidy's effects, with no word to the room.
    An entry translated from a text that has changed since shows the base text until it is stamped again."""
    rs, _deck = _write(scenarios)
    assert stamp_file(rs) == 4
    base = _ruleset(scenarios)
    base.write_text(base.read_text(encoding="utf-8").replace('name = "Ukraine"', 'name = "Ukraine (changed)"', 1),
                    encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 0
    assert any(line.startswith(f"warning: {rs}:") and line.endswith(
        ": actors.ua: translated from an older text (base changed); the base text shows until it is translated "
        "again and stamped") for line in out.splitlines()), out
    ru = translated(load_scenario(base), "ru")
    assert ru.index.actors["ua"].name == "Ukraine (changed)"  # the stale entry: the base's text
    assert [o.text for o in ru.index.actors["ua"].objectives][0] != "цель 0"
    assert ru.name == "Параллельные треки"  # the rest of the translation still shows
    assert stamp_file(rs) == 1  # translated again (here: as it was) and stamped: shown again
    assert translated(load_scenario(base), "ru").index.actors["ua"].name == "Украина"


def test_a_text_left_to_the_base_after_stamping_is_not_a_changed_base(scenarios: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: a translator removed one card's title from a stamped overlay (to show the base's) and
    was told the entry was 'translated from an older text (base changed)', though the base had not changed."""
    rs, deck = _write(scenarios)
    assert stamp_file(rs) == 4
    rs.write_text(rs.read_text(encoding="utf-8").replace('name = "Украина"\n', "", 1), encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 0 and "older text" not in out
    assert "actors.ua.name" in out  # said as what it is: a text not translated
    base = _ruleset(scenarios)  # a base text that did change is still flagged
    base.write_text(base.read_text(encoding="utf-8").replace('name = "Ukraine"', 'name = "Ukraine (changed)"', 1),
                    encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert "actors.ua: translated from an older text (base changed)" in out


def test_a_changed_debrief_prompt_is_flagged_until_stamped(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``[prompts.TRACK]`` carries a ``base`` hash like every other entry (issue 19: prompts had none)."""
    rs, deck = _write(scenarios)
    stamp_file(rs), stamp_file(deck)
    code, out = _validate(capsys, scenarios)
    assert code == 0 and "not stamped" not in out and "older text" not in out
    base = scenarios / "decks" / "parallel-tracks-events.toml"
    first = next(p.text for p in load_scenario(_ruleset(scenarios)).deck.prompts if p.track == "borders")
    text = base.read_text(encoding="utf-8")
    assert first[:40] in text
    base.write_text(text.replace(first[:40], first[:40] + " (changed)", 1), encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 0
    line = deck.read_text(encoding="utf-8").splitlines().index("[prompts.borders]") + 1
    assert f"warning: {deck}:{line}: prompts.borders: translated from an older text (base changed)" in out
    assert stamp_file(deck) == 1
    code, out = _validate(capsys, scenarios)
    assert "older text" not in out


def test_the_older_bare_prompt_lists_still_read_unstamped(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``[prompts]`` with ``borders = [...]`` (before prompts had a hash) reads as before, and is named not stamped."""
    rs, deck = _write(scenarios)
    deck.write_text(deck.read_text(encoding="utf-8").replace("[prompts.borders]\nprompts =", "[prompts]\nborders ="),
                    encoding="utf-8")
    stamp_file(rs), stamp_file(deck)
    ru = translated(load_scenario(_ruleset(scenarios)), "ru")
    assert [p.text for p in ru.deck.prompts if p.track == "borders"][0] == "вопрос 0"
    code, out = _validate(capsys, scenarios)
    assert code == 0 and "not stamped with its base text's hash (scripts/overlays --stamp): prompts.borders" in out


def test_a_skeleton_is_a_complete_stamped_overlay(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A skeleton reads and is stamped; its texts, still the base's word for word, are not counted as translated.

    Found from outside (helper-107): a skeleton passed as "uk translation …: 39 of 39 texts" with no warning, so a
    text the translator forgot was never flagged."""
    from tabletop.content import load_file

    deck = scenarios / "decks" / "parallel-tracks-events.toml"
    for base in (_ruleset(scenarios), deck):
        base.with_name(f"{base.stem}.uk.toml").write_text(skeleton(load_file(base), "uk"), encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 0 and "not stamped" not in out and "not translated (the base" not in out
    total = re.search(r"uk translation of parallel-tracks-events.toml: 0 of (\d+) texts", out)
    assert total, out
    warned = next(line for line in out.splitlines() if "parallel-tracks-events.uk.toml" in line and "word for word" in line)
    assert f"{total[1]} texts word for word as the base's (not translated yet?): deck.name, " in warned, warned
    scenario = load_scenario(_ruleset(scenarios))
    assert translated(scenario, "uk").ruleset == scenario.ruleset  # the English texts, as a translator starts
    # one text translated: counted, and no longer named
    overlay = deck.with_name("parallel-tracks-events.uk.toml")
    name = load_file(deck).deck.name
    text = overlay.read_text(encoding="utf-8")
    overlay.write_text(text.replace(f'name = "{name}"', 'name = "Події"', 1), encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 0 and f"uk translation of parallel-tracks-events.toml: 1 of {total[1]} texts" in out, out
    warned = next(line for line in out.splitlines() if "parallel-tracks-events.uk.toml" in line and "word for word" in line)
    assert "deck.name" not in warned and f"{int(total[1]) - 1} texts word for word" in warned, warned


# --------------------------------------------------------------------------
# Saves embed the translations


def test_a_save_translates_from_its_header_after_the_files_are_gone(scenarios: Path, tmp_path: Path) -> None:
    rs, deck = _write(scenarios)
    game = record_bot_game(tmp_path / "g.jsonl", load_scenario(_ruleset(scenarios)), 3)
    header = json.loads(game.path.read_text(encoding="utf-8").splitlines()[0])
    assert header["translations"]["ru"]["actors"]["ua"] == {"name": "Украина", "objectives": _lists(scenarios)["objectives"]}
    rs.unlink()
    deck.unlink()
    save = open_save(game.path)
    ru = save.translated("ru")
    assert ru.name == "Параллельные треки" and ru.index.tracks["borders"].name == "Границы"
    assert save.translated("en") is save.scenario and save.translated("uk") is save.scenario
    assert main(["verify", str(game.path)]) == 0


def test_a_save_schema_takes_the_translations(scenarios: Path, tmp_path: Path) -> None:
    import jsonschema

    from tabletop.store.schema import save_schema

    _write(scenarios)
    game = record_bot_game(tmp_path / "g.jsonl", load_scenario(_ruleset(scenarios)), 1)
    header = json.loads(game.path.read_text(encoding="utf-8").splitlines()[0])
    assert "translations" in save_schema()["$defs"]["header"]["properties"]
    jsonschema.Draft202012Validator(save_schema()).validate(header)


def test_a_scenario_without_overlays_writes_the_header_it_always_did(scenarios: Path, tmp_path: Path) -> None:
    """No overlays: no new key, so such saves stay byte for byte what they were; read back, English only."""
    game = record_bot_game(tmp_path / "g.jsonl", load_scenario(_ruleset(scenarios)), 1)
    first = game.path.read_text(encoding="utf-8").splitlines()[0]
    assert "translations" not in json.loads(first) and "translations" not in first
    save = open_save(game.path)
    assert save.scenario.translations == {}
    assert save.translated("ru") is save.scenario and save.translated("uk") is save.scenario


# --------------------------------------------------------------------------
# The bundled overlays


def test_the_translations_cache_is_up_to_date_with_the_bundled_overlays() -> None:
    """A packaging check, as for validated.jsonl: the test writes the file, then fails once."""
    assert not overlaycache.write(), "tabletop/scenarios/translated.jsonl was out of date and has been written again: commit it"


def test_overlay_files_are_not_rulesets() -> None:
    assert all(path.name.count(".") == 1 for path in bundled_rulesets())


@pytest.mark.parametrize(("lang", "words"), [("ru", "в базовом файле 7 элементов"), ("uk", "у базовому файлі 7 елементів")])
def test_content_speaks_the_language_of_the_moment(scenarios: Path, lang: str, words: str) -> None:
    """The sentence is translated; the file, line and key path stay as written."""
    from tabletop.lang import using

    _write(scenarios, ladder='["one", "two"]')
    with using(lang), pytest.raises(ContentError) as err:
        translated(load_scenario(_ruleset(scenarios)), "ru")
    message = str(err.value)
    assert "parallel-tracks.ru.toml:14: tracks.borders.ladder: " in message
    assert words in message and "(got 2)" not in message


def test_a_game_start_takes_bundled_overlays_from_the_cache_without_parsing(
        scenarios: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An English game's header embeds the bundled translations from translated.jsonl: no TOML is parsed."""
    from tabletop.content import finding, overlayfiles
    from tabletop.content.overlays import header_translations

    _write(scenarios)
    monkeypatch.setattr(finding, "BUNDLED", scenarios)
    monkeypatch.setattr(overlaycache, "BUNDLED", scenarios)
    monkeypatch.setattr(overlaycache, "CACHE", tmp_path / "translated.jsonl")
    overlaycache._index.cache_clear()
    try:
        assert overlaycache.write()
        expected = header_translations(load_scenario(_ruleset(scenarios)))

        def no_parsing(*args: object, **kwargs: object) -> None:
            raise AssertionError("an overlay file was parsed")

        monkeypatch.setattr(overlayfiles, "check_file", no_parsing)
        assert header_translations(load_scenario(_ruleset(scenarios))) == expected
        assert expected["ru"]["ruleset"] == {"name": "Параллельные треки"}
        # other bytes than the cache's are checked as usual, never taken from it
        rs = _ruleset(scenarios).with_name("parallel-tracks.ru.toml")
        rs.write_text(rs.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        with pytest.raises(AssertionError, match="parsed"):
            header_translations(load_scenario(_ruleset(scenarios)))
    finally:
        overlaycache._index.cache_clear()


def test_an_overlay_must_be_named_after_its_base(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = scenarios / "rulesets" / "translation.toml"
    odd.write_text('[overlay]\nlang = "ru"\nruleset = "parallel-tracks"\n', encoding="utf-8")
    code, out = _validate(capsys, odd)
    assert code == 1 and f"{odd}: an overlay file is named NAME.LANG.toml after the file NAME.toml" in out
    code, out = _validate(capsys, scenarios / "rulesets")
    assert code == 1 and out.count(str(odd)) == 1


def test_an_overlay_without_its_base_says_so(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lost = scenarios / "rulesets" / "lost.ru.toml"
    lost.write_text('[overlay]\nlang = "ru"\nruleset = "lost"\n', encoding="utf-8")
    code, out = _validate(capsys, lost)
    assert code == 1 and f"{lost}: no base file lost.toml beside it" in out


def test_a_damaged_embedded_translation_is_refused_not_shown(scenarios: Path) -> None:
    from tabletop.content.overlays import attach

    base = load_scenario(_ruleset(scenarios))
    attach(base, {"ru": {"actors": {"nobody": {"name": "Никто"}}}, "uk": "not a table"})
    with pytest.raises(ContentError, match="actors.nobody: 'nobody' names nothing in"):
        translated(base, "ru")
    with pytest.raises(ContentError, match="translations.uk: expected a table, got a string 'not a table'"):
        translated(base, "uk")
    assert translated(base, "en") is base


# --------------------------------------------------------------------------
# A ruleset or deck validated by itself brings its translations


def test_a_file_validated_alone_checks_the_overlays_beside_it(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``tabletop validate my-rules.toml`` used to pass with a broken ``my-rules.ru.toml`` beside it."""
    rs, deck = _write(scenarios)
    rs.write_text(rs.read_text(encoding="utf-8") + '\n[actors.nobody]\nname = "Никто"\n', encoding="utf-8")
    line = rs.read_text(encoding="utf-8").splitlines().index("[actors.nobody]") + 1
    code, out = _validate(capsys, _ruleset(scenarios))
    assert code == 1
    assert f"{rs}:{line}: actors.nobody: 'nobody' names nothing in [actors] of parallel-tracks.toml" in out
    assert f"ok  {_ruleset(scenarios)}: ruleset 'parallel-tracks'" in out  # the base's own result still shows
    # the deck's translation is checked with the deck, and it is whole
    code, out = _validate(capsys, scenarios / "decks" / "parallel-tracks-events.toml")
    assert code == 0 and f"ok  {deck}: ru translation of parallel-tracks-events.toml" in out


def test_an_overlay_beside_a_file_warns_and_breaks_as_in_a_folder(scenarios: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    rs, _deck = _write(scenarios)
    code, out = _validate(capsys, _ruleset(scenarios))
    assert code == 0  # texts left untranslated: a warning, not a failure
    assert any(x.startswith(f"warning: {rs}:") and "not translated" in x for x in out.splitlines())
    rs.write_text(rs.read_text(encoding="utf-8") + "\n[actors.ua\n", encoding="utf-8")
    broken = len(rs.read_text(encoding="utf-8").splitlines())
    code, out = _validate(capsys, _ruleset(scenarios))
    assert code == 1 and f"{rs}:{broken}:" in out
    assert f"ok  {_ruleset(scenarios)}:" in out


def test_a_file_and_its_folder_validated_together_check_each_overlay_once(
        scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rs, _deck = _write(scenarios)
    code, out = _validate(capsys, _ruleset(scenarios), rs, scenarios)
    assert code == 0
    assert out.count(f"ok  {rs}:") == 1


def test_a_fifo_beside_a_file_is_refused_before_reading(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = scenarios / "rulesets" / "parallel-tracks.uk.toml"
    os.mkfifo(fifo)
    code, out = _validate(capsys, _ruleset(scenarios))  # would block forever if it opened the FIFO to read
    assert code == 1 and f"{fifo}" in out and "is not a regular file (a named pipe)" in out


def test_an_empty_translation_file_is_told_it_wants_an_overlay_table(scenarios: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: an empty NAME.uk.toml beside NAME.toml was told to hold 'a [ruleset] or a [deck] table'."""
    empty = _ruleset(scenarios).with_name("parallel-tracks.uk.toml")
    empty.write_text("\n", encoding="utf-8")
    code, _out = _validate(capsys, empty)
    err = capsys.readouterr().err
    assert code == 1
    assert f"{empty}:1: file is empty: expected an [overlay] table (a translation of parallel-tracks.toml)" in (
        _out + err)


@pytest.mark.parametrize("command", ["simulate", "play"])
@pytest.mark.parametrize(("option", "name", "kind"), [
    ("--ruleset", "rulesets/river-basin.ru.toml", "ruleset"),
    ("--deck", "decks/river-basin-events.uk.toml", "deck"),
])
def test_an_overlay_given_as_a_ruleset_or_deck_is_named_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, option: str, name: str, kind: str
) -> None:
    """Found from outside: ``tabletop play --ruleset x/rulesets/river-basin.ru.toml`` printed dozens of lines
    ("ruleset.base: unknown key 'base'", "actors: expected an array, got a table {…}" tens of kB long)."""
    import shutil

    for part, base in (("rulesets", "river-basin"), ("decks", "river-basin-events")):
        (tmp_path / part).mkdir()
        for path in BUNDLED.joinpath(part).glob(f"{base}*.toml"):
            shutil.copy(path, tmp_path / part / path.name)
    overlay = tmp_path / name
    lang = overlay.suffixes[-2].lstrip(".")
    base = overlay.name.replace(f".{lang}.toml", ".toml")
    args = [command, option, str(overlay)]
    if option == "--deck":
        args += ["--ruleset", str(tmp_path / "rulesets" / "river-basin.toml")]
    assert main(args + (["--games", "1"] if command == "simulate" else [])) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [f"tabletop {command}: {overlay}: this is the {lang} translation of {base}, not a "
                                f"{kind}: give {base} (and --lang {lang})"], err


@pytest.fixture
def broken_base(tmp_path: Path) -> Path:
    """The bundled river-basin ruleset with one error in it, its ru and uk translations beside it."""
    import re
    import shutil

    folder = tmp_path / "rulesets"
    folder.mkdir()
    for path in BUNDLED.joinpath("rulesets").glob("river-basin*.toml"):
        shutil.copy(path, folder / path.name)
    base = folder / "river-basin.toml"
    base.write_text(re.sub(r"breakdown_at = \d+", "breakdown_at = 70", base.read_text(encoding="utf-8"), count=1),
                    encoding="utf-8")
    return base


@pytest.mark.parametrize("given", ["base", "folder"])
def test_overlays_of_a_base_with_problems_are_one_line_and_no_problem_of_their_own(
        broken_base: Path, capsys: pytest.CaptureFixture[str], given: str) -> None:
    """Found from outside (helper-140): ``validate keld.toml`` with one error said, for each translation, "not
    checked: its base file keld.toml does not read (tabletop validate keld.toml says why)", the command just run,
    and counted them: "3 problems in 3 files"."""
    code, out = _validate(capsys, broken_base if given == "base" else broken_base.parent)
    lines = out.splitlines()
    ru, uk = (broken_base.with_name(f"river-basin.{lang}.toml") for lang in ("ru", "uk"))
    assert code == 1
    assert any(line.startswith(f"{broken_base}:") and "must be at most" in line for line in lines), out
    assert f"{ru}, {uk}: translations not checked: their base file river-basin.toml has problems (above)" in lines, out
    assert lines[-1] == "1 problem in 1 file", out
    assert "tabletop validate" not in out and "not checked: its base file" not in out, out


def test_an_overlay_given_alone_with_a_base_with_problems_names_the_command_that_says_why(
        broken_base: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ru = broken_base.with_name("river-basin.ru.toml")
    code, out = _validate(capsys, ru)
    assert code == 1
    assert out.splitlines() == [f"{ru}: not checked: its base file river-basin.toml does not read (tabletop validate "
                                f"{broken_base} says why)", "1 problem in 1 file"], out


@pytest.mark.parametrize("command", ["play", "simulate"])
def test_play_refuses_a_base_with_problems_with_its_problem(broken_base: Path, capsys: pytest.CaptureFixture[str],
                                                            command: str) -> None:
    args = [command, "--ruleset", str(broken_base), "--lang", "ru"]
    assert main(args + (["--games", "1"] if command == "simulate" else [])) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"tabletop {command}: {broken_base}:") and "river-basin.ru.toml" not in err, err


def test_an_overlay_of_a_base_that_does_not_read_says_it_was_not_checked(scenarios: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-107): with an empty or non-UTF-8 deck, validate printed no line at all for its
    .ru.toml and .uk.toml, neither ok nor a problem."""
    deck = scenarios / "decks" / "parallel-tracks-events.toml"
    _write(scenarios)
    deck.write_text("", encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    overlay = deck.with_name("parallel-tracks-events.ru.toml")
    assert code == 1
    # the base is validated with it: one line on its translation, not counted (helper-140)
    assert f"{overlay}: translation not checked: its base file parallel-tracks-events.toml has problems (above)" \
        in out, out


# --------------------------------------------------------------------------
# An actor's grammatical number


def test_a_skeleton_gives_each_actor_its_number_to_change(scenarios: Path) -> None:
    """Found from outside: the skeleton had no ``number`` line, so a translator following docs/translating.md never
    gave one, and «Государства-посредники» took singular verbs («… пасует») with ``validate`` saying all was well."""
    from tabletop.content import load_file

    text = skeleton(load_file(_ruleset(scenarios)), "ru")
    bridge = text.split("[actors.bridge]\n", 1)[1].split("\n\n", 1)[0]
    assert re.search(r'^number = "plural"  # .*verb', bridge, re.M), bridge
    ru = text.split("[actors.ru]\n", 1)[1].split("\n\n", 1)[0]
    assert re.search(r'^number = "singular"  # ', ru, re.M), ru


def test_a_translated_name_of_a_plural_actor_without_a_number_warns(scenarios: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    rs, _deck = _write(scenarios)
    text = rs.read_text(encoding="utf-8")
    rs.write_text(text + '\n[actors.bridge]\nname = "Государства-посредники"\n', encoding="utf-8")
    line = len(text.splitlines()) + 3
    code, out = _validate(capsys, scenarios)
    assert code == 0
    assert (f'warning: {rs}:{line}: actors.bridge.name: the base\'s actor takes a plural verb (number = "plural") '
            "and this translation gives its name no number, so it takes a singular one here: give number = "
            '"plural" or "singular", as the translated name takes') in out, out
    rs.write_text(text + '\n[actors.bridge]\nname = "Государства-посредники"\nnumber = "plural"\n', encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 0 and "plural verb" not in out, out
    rs.write_text(text + '\n[actors.bridge]\nname = "Посредник"\nnumber = "singular"\n', encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 0 and "plural verb" not in out, out


def test_two_actors_translated_to_one_name_are_refused(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A translation is held to the base's rule: two actors named alike read as one on the board (found from
    outside: "Republic of Aldoria to move" said of the other Aldoria), in Russian as in English."""
    rs, _deck = _write(scenarios)
    text = rs.read_text(encoding="utf-8")
    rs.write_text(text + '\n[actors.ru]\nname = "украина"\n', encoding="utf-8")
    line = len(text.splitlines()) + 3
    code, out = _validate(capsys, scenarios)
    assert code == 1
    assert (f"{rs}:{line}: actors.ru.name: actor 'ua' has the name 'Украина' too (case and spacing aside): the board "
            "would call two teams by one name; give each its own") in out, out
    with pytest.raises(ContentError):
        translated(load_scenario(_ruleset(scenarios)), "ru")
    # a translated name that is another actor's base name, not translated here, is the same slip
    rs.write_text(text + '\n[actors.ru]\nname = "United  States"\n', encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 1 and f"{rs}:{line}: actors.ru.name: actor 'us' has the name 'United States' too" in out, out


@pytest.mark.parametrize("command", ["play", "host"])
def test_a_game_does_not_start_in_a_language_whose_translation_has_errors(
        scenarios: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        command: str) -> None:
    """Found from outside (helper-225): ``play --lang uk`` with one misspelt card id in the deck's Ukrainian file
    started the game with every scenario text in English, told in a notice cut at the top, and the save embedded no
    Ukrainian; docs/translating.md promises the game cannot start in that language. Nothing is written."""
    _rs, deck = _write(scenarios, card="missle-test")
    save = tmp_path / "x.jsonl"

    async def serving(*args: object, **kwargs: object) -> int:  # the old code went on to serve the game
        return 0

    monkeypatch.setattr("tabletop.cli.host._serve", serving)
    given = [command, "--ruleset", str(_ruleset(scenarios)), "--seed", "7", "--save", str(save)]
    given += ["--headless"] if command == "host" else []
    assert main([*given, "--lang", "ru"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert any(line.startswith(f"tabletop {command}: {deck}:") and "missle-test" in line for line in lines), lines
    with lang.using("ru"):  # said in the language asked for
        said = Domain("cli").words()[0]("{command}: a game cannot start with --lang {lang} while its scenario's "
                                        "translation has errors (above): correct them (tabletop validate {files}), "
                                        "or start it in another language (--lang en)")
    assert lines[-1] == said.format(command=f"tabletop {command}", lang="ru", files=deck), lines
    assert not save.exists() and not list(tmp_path.glob("x.*"))
    if command == "play":  # English still plays: on to the terminal this test has none of
        assert main([*given, "--lang", "en"]) == 1
        assert "needs a terminal" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["ruleset", "deck"])
def test_a_lookalike_letter_in_the_base_s_id_is_pointed_at(scenarios: Path, capsys: pytest.CaptureFixture[str],
                                                           kind: str) -> None:
    """Found from outside (helper-225): ``ruleset = "hеlper-225"`` with a Cyrillic е read "this overlay translates
    'hеlper-225', but its base file helper-225.toml is 'helper-225'": two names alike on the screen."""
    rs, deck = _write(scenarios)
    path = rs if kind == "ruleset" else deck
    named = "parallel-tracks" if kind == "ruleset" else "parallel-tracks-events"
    path.write_text(path.read_text(encoding="utf-8").replace(f'{kind} = "{named}"', f'{kind} = "par\u0430llel-tracks'
                                                             f'{named[len("parallel-tracks"):]}"'), encoding="utf-8")
    code, out = _validate(capsys, path)
    assert code == 1
    assert (f"{path}:3: overlay.{kind}: this overlay translates 'par\u0430llel-tracks{named[15:]}' (character 4, "
            f"'\u0430' U+0430, is not a Latin letter), but its base file {named}.toml is '{named}'") in out, out


@pytest.mark.parametrize("named", ["ua", "RU"])
def test_an_overlay_named_with_a_code_tabletop_does_not_read_is_told_its_name(
        scenarios: Path, capsys: pytest.CaptureFixture[str], named: str) -> None:
    """Found from outside (helper-225): ``NAME.ua.toml`` (Ukraine's country code) was told "the file's name says
    'ua' but lang is 'uk'", and not what to call it."""
    rs, _deck = _write(scenarios)
    text = rs.read_text(encoding="utf-8").replace('lang = "ru"', 'lang = "uk"' if named == "ua" else 'lang = "ru"')
    rs.unlink()
    wrong = rs.with_name(f"parallel-tracks.{named}.toml")
    wrong.write_text(text, encoding="utf-8")
    right = "uk" if named == "ua" else "ru"
    code, out = _validate(capsys, wrong)
    assert code == 1
    assert (f"{wrong}:2: overlay.lang: the file's name says '{named}' but lang is '{right}': name the file "
            f"parallel-tracks.{right}.toml") in out, out


def test_a_broken_translation_raised_again_and_again_holds_no_growing_traceback(scenarios: Path) -> None:
    """Found by a review: the error of a broken overlay was kept and raised again, the same object, at every word a
    screen drew in that language; each raise added frames to its traceback (and kept their states alive). Each
    raise is an error of its own, with the same problems. Counted: the traceback's depth after many reads."""
    _write(scenarios, ladder='["too", "short"]')
    base = load_scenario(_ruleset(scenarios))
    depths, problems = [], set()
    for _ in range(200):
        try:
            translated(base, "ru")
        except ContentError as exc:
            depth, tb = 0, exc.__traceback__
            while tb is not None:
                depth, tb = depth + 1, tb.tb_next
            depths.append(depth)
            problems.add(exc.problems)
    assert len(depths) == 200 and max(depths) <= 3 and len(problems) == 1



@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('name = "Параллельные треки"', 'name = ["Параллельные треки"]',
         "ruleset.name: expected a string, got an array ['Параллельные треки']"),
        ('name = "Параллельные треки"', "name = true", "ruleset.name: expected a string, got true"),
        ('[moves.signal]\nname = "Сигнал"', "[moves.signal]\nname = 7",
         "moves.signal.name: expected a string, got a whole number 7"),
        ("ladder = [", 'ladder = "one"\nx = [', "tracks.borders.ladder: expected an array of strings, got a string 'one'"),
        ('[moves.signal]\nname = "Сигнал"', '[moves]\nsignal = "Сигнал"',
         "moves.signal: expected a table, got a string 'Сигнал'"),
    ],
)
def test_a_value_of_the_wrong_kind_says_what_it_got(scenarios: Path, capsys: pytest.CaptureFixture[str], old: str,
                                                    new: str, expected: str) -> None:
    """Found from outside (helper-362): ``ruleset.name: expected a string`` in a translation, where the ruleset itself
    says ``ruleset.name: expected a string, got an array ['…']``."""
    rs, out = _validate_changed(scenarios, capsys, old, new)
    assert f"{expected}\n" in out, out


def test_a_translation_and_its_ruleset_tell_a_wrong_value_in_one_wording(
        scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same wrong value, in a translation and in the ruleset it translates: the same words after the key."""
    rs, _deck = _write(scenarios)
    text = rs.read_text(encoding="utf-8")
    rs.write_text(text.replace('name = "Параллельные треки"', 'name = ["x", 2]', 1), encoding="utf-8")
    _code, out = _validate(capsys, rs)
    rs.unlink()
    base = _ruleset(scenarios)
    main_text = base.read_text(encoding="utf-8")
    assert main_text.count("\nname = ") >= 1
    base.write_text(re.sub(r'(?m)^name = ".*"$', 'name = ["x", 2]', main_text, count=1), encoding="utf-8")
    _code, main_out = _validate(capsys, base)
    said = [line.split(": ruleset.name: ", 1)[1] for line in out.splitlines() if ": ruleset.name: " in line]
    main_said = [line.split(": ruleset.name: ", 1)[1] for line in main_out.splitlines() if ": ruleset.name: " in line]
    assert said and said == main_said, (out, main_out)


@pytest.mark.parametrize(("language", "total", "said"), [
    ("en", 1, "1 of 1 text"),
    ("en", 21, "21 of 21 texts"),
    ("ru", 21, "переведено 21 из 21 текста"),
    ("ru", 83, "переведено 83 из 83 текстов"),
    ("uk", 21, "перекладено 21 з 21 тексту"),
    ("uk", 60, "перекладено 60 з 60 текстів"),
])
def test_a_translation_s_count_of_texts_takes_the_plural_of_its_number(language: str, total: int, said: str) -> None:
    """Found from outside (helper-368): `tabletop --lang ru validate` said «переведено 21 из 21 текстов» of a
    translation of 21 texts (and English "1 of 1 texts"): one wording for every number."""
    from tabletop.content.overlaycheck import Checked
    from tabletop.content.overlayfiles import describe_overlay

    checked = Checked([], [], [], [], {}, [], [], total=total)
    with lang.using(language):
        line = describe_overlay(Path("parallel-tracks.ru.toml"), checked)
    assert line.endswith(said), line
