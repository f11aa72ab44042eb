"""One save, reported in English, Russian and Ukrainian: the same figures, the report's own words translated.

The JSON keeps its keys, ids and numbers whatever the language; only the
values that are words follow it. Markdown tables hold the same numbers,
row by row. A scenario's own text may hold a number in one language and
spell it out in another ("Track 2 dialogue", "Диалог второго трека"): such
texts are taken out before the figures are compared. A Russian or Ukrainian report contains no sentence of the
report's own catalogue left in English, and the HTML page declares its
language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from tabletop import lang
from tabletop.content.fields import ContentModel, content_fields
from tabletop.engine import telling
from tabletop.report import render
from tabletop.store.reading import open_save

from .kit import HtmlDoc, Played, Workshop, unfolded

TRANSLATED = ("ru", "uk")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
CATALOGUE = lang.LOCALE_DIR / "report.pot"
# a placeholder or a bit of markup cuts a message into the fragments a reader sees
_CUTS = re.compile(r"\{[a-z_]+\}|\*\*|~~|[“”«»()]")


def _texts(value: Any, out: set[str]) -> None:
    """Every string of a scenario's content (names, rungs, titles, card texts …)."""
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, ContentModel):
        for f in content_fields(type(value)):
            _texts(getattr(value, f.name), out)
    elif isinstance(value, dict):
        for v in value.values():
            _texts(v, out)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _texts(v, out)


def _numbers(text: str, scenario_texts: list[str]) -> list[str]:
    for t in scenario_texts:
        text = text.replace(t, " ")
    return sorted(NUMBER.findall(text))


def _leaves(data: Any, skip: list[str], path: str = "") -> Iterator[tuple[str, Any]]:
    """Every leaf of a JSON document with its path: numbers as they are, strings as the numbers they hold."""
    if isinstance(data, dict):
        for key in sorted(data):
            yield from _leaves(data[key], skip, f"{path}.{key}")
    elif isinstance(data, list):
        yield path, len(data)
        for i, value in enumerate(data):
            yield from _leaves(value, skip, f"{path}[{i}]")
    elif isinstance(data, str):
        yield path, _numbers(data, skip)
    else:
        yield path, data


def _table_numbers(markdown: str, skip: list[str]) -> list[list[str]]:
    """The numbers of each Markdown table row, in order (a translation may reorder words, not figures)."""
    return [_numbers(line, skip) for line in markdown.splitlines() if line.startswith("|")]


def _scenario_numbers(save: Path) -> list[str]:
    """The scenario's texts that hold a digit, in every language, longest first."""
    opened = open_save(save)
    found: set[str] = set()
    for code in lang.LANGUAGES:
        shown = opened.translated(code)
        _texts(shown.ruleset, found)
        _texts(shown.deck, found)
    return sorted((t for t in found if any(c.isdigit() for c in t)), key=len, reverse=True)


def _english_fragments() -> set[str]:
    """Fragments of the report catalogue's English a reader would recognise: three words or more."""
    with CATALOGUE.open("rb") as handle:
        template = read_po(handle)
    out = set()
    for message in template:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            for part in _CUTS.split(text or ""):
                part = part.strip(" .,:;—–-")
                if len(re.findall(r"[A-Za-z]{2,}", part)) >= 3:
                    out.add(part)
    return out


@pytest.fixture(scope="module")
def game(workshop: tuple[Played, Workshop]) -> Path:
    return workshop[0].path


@pytest.fixture(scope="module")
def skip(game: Path) -> list[str]:
    return _scenario_numbers(game)


@pytest.fixture(scope="module")
def reports(game: Path) -> dict[tuple[str, str], str]:
    return {(code, fmt): render(game, fmt, lang=code) for code in lang.LANGUAGES for fmt in ("md", "json", "html")}


def test_json_figures_agree_in_every_language(reports: dict[tuple[str, str], str], skip: list[str]) -> None:
    english = list(_leaves(json.loads(reports["en", "json"]), skip))
    assert len(english) > 500  # the workshop game: a long decision log
    for code in TRANSLATED:
        assert list(_leaves(json.loads(reports[code, "json"]), skip)) == english, code


def test_markdown_tables_hold_the_same_numbers(reports: dict[tuple[str, str], str], skip: list[str]) -> None:
    english = _table_numbers(reports["en", "md"], skip)
    assert len(english) > 50
    for code in TRANSLATED:
        assert _table_numbers(reports[code, "md"], skip) == english, code


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_translated_report_has_none_of_its_own_english(reports: dict[tuple[str, str], str], code: str, fmt: str) -> None:
    text = reports[code, fmt]
    assert CYRILLIC.search(text)
    left = sorted(f for f in _english_fragments() if f in text)
    assert not left, f"{code} {fmt}: English of the report's own left: {left[:10]}"


def test_the_fragments_are_found_in_english(reports: dict[tuple[str, str], str]) -> None:
    # the check above can fail: the English report is full of these fragments
    assert sum(f in reports["en", "md"] for f in _english_fragments()) >= 10


def test_russian_and_ukrainian_are_not_one_another(reports: dict[tuple[str, str], str]) -> None:
    ru, uk = reports["ru", "md"], reports["uk", "md"]
    assert ru != uk
    assert "Кто играл" in ru and "Хто грав" in uk
    assert "Журнал решений" in ru and "Журнал рішень" in uk


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_html_declares_its_language(reports: dict[tuple[str, str], str], code: str) -> None:
    assert f'<html lang="{code}">' in reports[code, "html"]


def test_json_keys_stay_english(reports: dict[tuple[str, str], str]) -> None:
    def keys(data: Any) -> set[str]:
        if isinstance(data, dict):
            return set(data) | {k for v in data.values() for k in keys(v)}
        if isinstance(data, list):
            return {k for v in data for k in keys(v)}
        return set()

    english = keys(json.loads(reports["en", "json"]))
    for code in TRANSLATED:
        assert keys(json.loads(reports[code, "json"])) == english


def test_render_leaves_the_language_of_the_moment_alone(game: Path) -> None:
    render(game, "md", lang="uk")
    assert lang.current() == "en"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_comparison_and_paired_reports_in_ukrainian(strict_game: Played, linked_game: Played, fmt: str) -> None:
    compared = render([strict_game.path, linked_game.path], fmt, lang="uk")
    paired = render(strict_game.path, fmt, paired=True, lang="uk")
    assert "Порівняння 2 збережень" in compared and "Та сама гра за незалежності" in paired
    for text in (compared, paired):
        left = sorted(f for f in _english_fragments() if f in text)
        assert not left, f"English of the report's own left: {left[:10]}"
    if fmt == "md":
        english = render([strict_game.path, linked_game.path], fmt)
        skip = _scenario_numbers(strict_game.path)
        # the same figures, each decimal written with the language's own mark (a comma in Ukrainian)
        decimals = r"(?<![\d:.])\d+[.,]\d+(?![\d.:])"  # not a time of day (14:27:36.367) or a version (0.1.0)
        shown = re.findall(decimals, "\n".join(line for line in compared.splitlines() if line.startswith("|")))
        assert shown and all("," in d for d in shown), shown
        points = re.sub(r"(\d),(\d)", r"\1.\2", compared)
        assert _table_numbers(points, skip) == _table_numbers(english, skip) != []


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_engines_end_reason_is_told_in_the_readers_language(strict_game: Played, code: str, fmt: str) -> None:
    # the save records the engine's reason in English ("no track is open"): the header's "Ended" row words it
    reason = json.loads(render(strict_game.path, "json"))["outcome"]["end_reason"]
    assert reason in telling.ENDS
    with lang.using(code):
        worded = telling.end_reason(reason)
    assert CYRILLIC.search(worded)
    text = render(strict_game.path, fmt, lang=code)
    assert worded in text
    assert reason not in text


@pytest.mark.parametrize("code", TRANSLATED)
def test_objectives_and_arguments_are_reported_in_the_readers_language(reports: dict[tuple[str, str], str],
                                                                       game: Path, code: str) -> None:
    """A Ukrainian report listed every objective in English and marked it "✖ not met", and headed an argument
    "… виступають за tension −1": the base scenario's texts, and words its catalogue never held."""
    opened = open_save(game)
    base = [o.text for a in opened.scenario.ruleset.actors for o in a.objectives]
    shown = [o.text for a in opened.translated(code).ruleset.actors for o in a.objectives]
    text = reports[code, "md"]
    assert [t for t in base if t in text] == [] and all(t in text for t in shown)
    assert "not met" not in text and "\u2714 met" not in text
    assert "not met" in reports["en", "md"]  # the check can fail: the English report says it
    if "argues for" in reports["en", "md"]:
        assert not re.search(r"(?:progress|tension) [+\u2212]\d", text)


def test_a_report_in_a_language_the_saves_scenario_cannot_speak_says_so(tmp_path: Path) -> None:
    """Found from outside: a save made with a broken Ukrainian deck file holds no Ukrainian texts, and its
    ``--lang uk`` report showed every card in English without a word about it."""
    import shutil

    from tabletop.content import load_scenario
    from tabletop.content.finding import BUNDLED
    from tabletop.lang import Domain
    from tabletop.play.session import Session

    folder = tmp_path / "scenarios"
    shutil.copytree(BUNDLED, folder, ignore=shutil.ignore_patterns("*.jsonl"))
    overlay = folder / "decks" / "parallel-tracks-events.uk.toml"
    text = overlay.read_text(encoding="utf-8")
    overlay.write_text(text.replace("[cards.hotline-restored]\n", "[cards.hotline-restored]\nflavour = \"x\"\n", 1),
                       encoding="utf-8")
    session = Session.start(load_scenario(folder / "rulesets" / "parallel-tracks.toml"), 7, tmp_path / "g.jsonl")
    session.close()
    with lang.using("uk"):
        # the save's words, not the scenario's: its files may well hold the language (found from outside: a
        # simulated save's Russian report said the bundled scenario had no Russian)
        said = Domain("content").words()[0]("This save holds no translation of its scenario into this language: "
                                            "its texts stay as written.")
    for fmt in ("md", "json"):
        assert said in unfolded(render(tmp_path / "g.jsonl", fmt, lang="uk"))
        assert said not in render(tmp_path / "g.jsonl", fmt, lang="ru")  # its Russian texts are whole


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_note_in_the_decision_log_marks_its_language_once(tmp_path: Path, fmt: str) -> None:
    """Found from outside: a Russian report's decision log read «Debrief: ask US why» (en) [en]."""
    from tabletop.content import load_scenario
    from tabletop.engine import Action, legal_actions
    from tabletop.play.session import Session

    session = Session.start(load_scenario("parallel-tracks"), 7, tmp_path / "note.jsonl")
    session.apply(legal_actions(session.state)[0])
    session.apply(Action("note", text="ask the US why", about=1))
    session.close()
    text = render(tmp_path / "note.jsonl", fmt, lang="ru")
    shown = HtmlDoc(text).text if fmt == "html" else text  # HTML: the note in its own lang="en" (the page's text)
    assert "ask the US why\u00bb (en)" in shown  # the log's words: the note as typed, its language after it
    assert "(en) [en]" not in shown and "(en) (en)" not in shown
    assert "(en)</span></span> <span class=\"lang\">[en]" not in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_reason_tabletop_recorded_itself_is_in_no_report_s_language(tmp_path: Path, fmt: str) -> None:
    """Found from outside: a Russian report read "причина: undone by the facilitator [en]", words the program
    wrote (the facilitator gave none), quoted as if a person had typed them in English; then, translated,
    «причина: отменено ведущим», still read as the facilitator's. No reason was given, and none is said."""
    from tabletop.content import load_scenario
    from tabletop.engine import Action, legal_actions
    from tabletop.play.session import Session

    session = Session.start(load_scenario("parallel-tracks"), 7, tmp_path / "undo.jsonl")
    session.apply(legal_actions(session.state)[0])
    session.apply(Action("undo", reason="undone by the facilitator"))
    session.close()
    text = render(tmp_path / "undo.jsonl", fmt, lang="ru")
    assert "отменено ведущим" not in text and "причина" not in text
    assert "undone by the facilitator" not in text


@pytest.fixture(scope="module")
def asides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A game whose facilitator redrew a card and skipped the next with the reasons the hot seat recorded (saves from
    before it stopped making them up)."""
    from tabletop.engine import Action

    from .kit import facilitated_save, scenario

    done: list[str] = []

    def aside(state):  # noqa: ANN001, ANN202 - the facilitator's hook: the hot seat's redraw, then its skip
        last = state.last
        if last is None or last.action.kind != "draw" or state.card is None or len(done) == 2:
            return ()
        kind, reason = ("redraw", "redrawn by the facilitator") if not done else ("skip", "skipped by the facilitator")
        done.append(kind)
        return (Action(kind, reason=reason),)

    played = facilitated_save(tmp_path_factory.mktemp("asides") / "asides.jsonl", scenario(), 3, aside)
    assert done == ["redraw", "skip"]
    return played.path


@pytest.mark.parametrize("code", TRANSLATED)
def test_words_tabletop_writes_itself_are_translated(reports: dict[tuple[str, str], str], code: str,
                                                     asides: Path) -> None:
    """Found from outside: a Russian report read "причина: redrawn by the facilitator [en]" (the reason the hot
    seat recorded for a redraw, shown as if a person had typed it in English) and "... (undone)" in the timeline,
    the notes and the arguments: words of tabletop's own, left in English. (The hot seat's recorded reasons are no
    reasons any more, in any language: tests/report/test_recorded_reasons.py.)"""
    assert "(undone)" in reports["en", "md"]  # the workshop has an undone event
    assert "(undone)" not in reports[code, "md"]
    said = render(asides, "md", lang=code)
    assert "redrawn by the facilitator" not in said and "skipped by the facilitator" not in said
    english = render(asides, "md", lang="en")
    assert "reason: redrawn by the facilitator" not in english and "reason: skipped by the facilitator" not in english


@pytest.mark.parametrize(("code", "meters", "other"), [("ru", "Шкалы", "Показател"), ("uk", "Шкали", "Показник")])
def test_meters_are_called_in_the_report_what_the_board_calls_them(reports: dict[tuple[str, str], str], code: str,
                                                                   meters: str, other: str) -> None:
    """Found from outside (helper-92): the Russian board said «Шкалы» and the report «Показатели» for the same
    meters (Ukrainian: «Шкали», «Показники»), so the room could not match the debrief to the screen."""
    for fmt in ("md", "html"):
        assert f"{meters} " in reports[(code, fmt)] and other not in reports[(code, fmt)], fmt
    with lang.using(code):
        assert lang.Domain("tui").words()[0]("Meters") == meters


@pytest.mark.parametrize("code", ["en", "ru"])
def test_the_report_says_what_each_track_and_meter_stands_for(game: Path, code: str) -> None:
    """Found from outside (helper-93): the tracks' and meters' descriptions, which carry the source's framing
    (borders "may have to be left open", the opening statements' two halves), were shown nowhere. The report
    lists them under the outcome, in the report's language, for every audience."""
    scenario = open_save(game).translated(code)
    borders = next(t for t in scenario.ruleset.tracks if t.id == "borders")
    opening = next(m for m in scenario.ruleset.meters if m.id == "opening")
    for audience in ("facilitator", "participants"):
        md = unfolded(render(game, "md", lang=code, audience=audience))
        assert f"- **{borders.name}**: {' '.join(borders.description.split())}" in md
        assert f"- **{opening.name}**: " in md
        html = render(game, "html", lang=code, audience=audience)
        assert f"<dt>{borders.name}</dt>" in html
    if code == "en":
        assert "may have to be left open for the foreseeable future" in borders.description
        assert "What the tracks and meters stand for" in md


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_the_report_says_what_each_team_plays_and_what_each_move_means(game: Path, code: str) -> None:
    """Found from outside: docs/seed-map.md relies on Russia's and Ukraine's descriptions, and on the moves', to carry
    the source's paragraphs 5 and 6, and the authoring guide says players read a move's description; no report
    showed them. The scenario part lists each actor and each move with its description, in the report's language,
    beside the tracks' and meters'."""
    scenario = open_save(game).translated(code)
    ru = scenario.index.actors["ru"]
    propose = scenario.index.moves["propose"]
    words = {part.id: " ".join(part.description.split()) for part in (ru, propose)}
    for audience in ("facilitator", "participants"):
        md = unfolded(render(game, "md", lang=code, audience=audience))
        assert f"- **{ru.name}**: {words['ru']}" in md
        assert f"- **{propose.name}**: {words['propose']}" in md
        doc = HtmlDoc(render(game, "html", lang=code, audience=audience))
        assert f"{ru.name}{words['ru']}" in doc.text and f"{propose.name}{words['propose']}" in doc.text  # <dt>, <dd>
    data = json.loads(render(game, "json", lang=code))["scenario"]
    assert next(a for a in data["actors"] if a["id"] == "ru")["description"] == ru.description
    assert next(m for m in data["moves"] if m["id"] == "propose")["description"] == propose.description
    if code == "en":
        assert "Wants its security concerns recognised as legitimate" in md
