"""Every seat in its own language (issue 19): a Russian team, a Ukrainian team and an English facilitator.

One real host, one game, one save: each seat's views come in its language
(the host words them inside ``tabletop.lang.using``), the figures on every
seat's board are the same, the save verifies and reads the same whoever
played it in which language. A seat switches its language with F4 and the
host sends that seat alone its view again. A version 1 screen (no ``lang``
in its hello) reads the host's language and is answered in version 1.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from websockets.asyncio.client import connect as ws_connect

from tabletop import lang
from tabletop.content.loader import load_scenario
from tabletop.content.models import resource_infos
from tabletop.content.overlays import translated
from tabletop.report import render
from tests.report.kit import unfolded
from tabletop.seats.client import Refused, connect
from tabletop.seats.protocol import ProtocolError, Wire, check_client, decode, encode, message
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify
from tabletop.tui.bars import KeyBar
from tabletop.tui.timeline import working_text
from tabletop.tui.seat import SeatApp
from tabletop.tui.seatwords import control_text, own_text, seals_text, seat_name

from .screenkit import until
from .support import Sleeps, caught_up, hosting, make_table, play_through, strings

CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ")
UKRAINIAN_ONLY = set("іїєґ")
RUSSIAN_ONLY = set("ыэъё")


def _words(view: dict[str, Any]) -> str:
    """What a seat reads of its view in the program's own words: its prompt and the labels of its entries."""
    decision = view.get("decision") or {}
    return " ".join([decision.get("prompt", ""), *(e.get("label", "") for e in decision.get("entries", []))]).lower()


def _figures(view: dict[str, Any]) -> tuple[Any, ...]:
    board = view["board"]
    return (view["game"]["seq"], view["game"]["round"], view["game"]["phase"],
            tuple((t["id"], t["position"], t["tension"], t["status"]) for t in board["tracks"]),
            tuple((m["id"], m["value"]) for m in board["meters"]))


@dataclass(frozen=True)
class ThreeLanguageGame:
    """The one game a Russian team, a Ukrainian team and an English facilitator played: its save and every seat's views."""

    save: Path
    views: dict[str, list[dict[str, Any]]]
    refusal: Refused


async def _play_in_three_languages(folder: Path) -> ThreeLanguageGame:
    # seed 10: both human teams counter an argument that is rolled for (seed 5's game changed course once the
    # facilitator set aside the moves whose track had closed, seed 8's once the default deck's one-sided closings
    # went, and no team countered there any more)
    table = make_table(folder, "parallel-tracks", seed=10, sealed=True,
                       bots={"us": "cooperative", "eu": "cooperative", "bridge": "cooperative"})
    async with hosting(table, record=True) as (host, address, codes):
        clients = {"facilitator": await connect(address, codes["facilitator"], lang="en"),
                   "team:ru": await connect(address, codes["team:ru"], lang="ru"),
                   "team:ua": await connect(address, codes["team:ua"], lang="uk")}
        with pytest.raises(Refused) as refused:  # a refusal reaches a seat in its language
            await clients["team:ru"].act({"kind": "pass", "actor": "ua"})
        await play_through(table, clients, seed=10, counter=True)
        for client in clients.values():
            await client.close()
    table.session.close()
    assert table.session.state.over
    assert host.sent is not None
    views = {seat: [m["view"] for m in map(json.loads, host.sent[seat]) if "view" in m] for seat in clients}
    return ThreeLanguageGame(table.session.save_path, views, refused.value)


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> ThreeLanguageGame:
    """Played once for the module (the reports are read from its save, the views from what the host sent)."""
    return asyncio.run(_play_in_three_languages(tmp_path_factory.mktemp("three")))


def test_a_russian_team_a_ukrainian_team_and_an_english_facilitator_play_one_game(three: ThreeLanguageGame) -> None:
    assert three.refusal.code == "NOT_YOUR_SEAT" and "не может действовать" in three.refusal.message
    assert verify(three.save).ok  # one save, whatever the seats read
    views = three.views
    said = {seat: " ".join(_words(v) for v in seen) for seat, seen in views.items()}
    assert set(said["team:ru"]) & RUSSIAN_ONLY and not set(said["team:ru"]) & UKRAINIAN_ONLY
    assert set(said["team:ua"]) & UKRAINIAN_ONLY and not set(said["team:ua"]) & RUSSIAN_ONLY
    assert not set(said["facilitator"]) & CYRILLIC
    assert {v["lang"] for v in views["team:ru"]} == {"ru"} and {v["lang"] for v in views["team:ua"]} == {"uk"}
    # the same game on every seat: at each event every seat saw, the same figures
    by_seq = [{_figures(v)[0]: _figures(v) for v in seen} for seen in views.values()]
    shared = set.intersection(*(set(s) for s in by_seq))
    assert len(shared) > 20
    for seq in shared:
        assert by_seq[0][seq] == by_seq[1][seq] == by_seq[2][seq]


def _says(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def test_a_seat_reads_resources_moves_and_tracks_by_their_names_in_its_language(three: ThreeLanguageGame) -> None:
    """A team's purse, its sealed entries, the reveal and the console's purses name things as the room reads them.

    They said ``capital 3, mandate-moscow 1`` and ``walk_out on ukraine-status`` on a Russian screen: the ids."""
    rs = load_scenario("parallel-tracks").ruleset
    named = {**{r.id: r.name for r in resource_infos(rs)}, **{m.id: m.name for m in rs.moves},
             **{t.id: t.name for t in rs.tracks}}
    ids = [i for i in named if "-" in i or "_" in i]  # in English "borders" and "signal" are words of names too
    said: dict[str, list[str]] = {}
    for seat, views in three.views.items():
        seen: dict[int, str] = {}
        with lang.using(views[0]["lang"]):  # the screen words its own frame in its language
            said[seat] = [own_text(v).plain + control_text(v).plain + seals_text(v, seen).plain for v in views]
        for text in said[seat]:
            assert not [i for i in (named if seat != "facilitator" else ids) if _says(text, i)], (seat, text)
    ru = "\n".join(said["team:ru"])
    assert "капитал 3" in ru and "мандат Москвы 1" in ru
    assert "Ваш закрытый ход" in ru and "Раскрытие закрытых ходов" in ru  # own sealed entries and the reveal were shown
    assert "Ресурси: капітал" in "\n".join(said["team:ua"])
    assert "Russia (capital 3, Moscow's mandate 1)" in "\n".join(said["facilitator"])
    moves = [m.name for m in translated(load_scenario("parallel-tracks"), "ru").ruleset.moves]
    assert any(f": {m} " in ru for m in moves)  # a revealed entry by its move's Russian name
    with lang.using("ru"):  # a console's bots by their policy's word, as the start screen names them
        bots = control_text(three.views["facilitator"][-1]).plain
    assert "сотрудничающий" in bots and "cooperative" not in bots
    # who is connected, by the names the room knows them by (it said "facilitator, team:ru, team:ua")
    assert "Подключены: Ведущий, Russia, Ukraine" in bots  # the view is English, so are its actors' names
    assert "team:" not in "\n".join(said["facilitator"])
    with lang.using("uk"):
        seats = [seat_name(s, three.views["facilitator"][-1]) for s in ("projector", "observer:2", "team:ru", "odd")]
    assert seats == ["Проєктор", "Спостерігач 2", "Russia", "odd"]


async def test_f4_switches_one_seats_language_and_the_host_rewords_that_seat_only(tmp_path: Path) -> None:
    table = make_table(tmp_path, "parallel-tracks", seed=5, sealed=False)
    async with hosting(table, record=True) as (host, address, codes):
        other = await connect(address, codes["team:us"], lang="en")
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps(), lang="ru")
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the Russian seat to join")
            prompt = app.seat_screen.query_one("#prompt")
            assert "Ждём ведущего" in str(prompt.render())
            assert "Раунд" in str(app.seat_screen.query_one("#headline").render())
            before = {seat: len(texts) for seat, texts in (host.sent or {}).items()}
            await pilot.press("f4")  # ru -> uk
            await until(pilot, lambda: (app.view or {}).get("lang") == "uk", "the view again, in Ukrainian")
            await until(pilot, lambda: "Чекаємо на ведучого" in str(prompt.render()), "the screen in Ukrainian")
            # the seat's own name too (found from outside: "Підключено до … як Россия" after F4)
            link = app.seat_screen.query_one("#link")
            await until(pilot, lambda: "Росія" in str(link.render()), "the link line names the seat in Ukrainian")
            assert "Россия" not in str(link.render())
            after = {seat: len(texts) for seat, texts in (host.sent or {}).items()}
            assert after["team:us"] == before["team:us"]  # no other seat was sent anything
            assert after["team:ru"] == before["team:ru"] + 1
        view = await caught_up(other, 0)
        assert view["lang"] == "en" and "Waiting for the facilitator." == view["decision"]["prompt"]
        await other.close()
    table.session.close()



def _rendered(app: SeatApp) -> str:
    """Every line the seat screen draws, as plain text."""
    screen = app.seat_screen
    return "\n".join(strip.text for w in screen.walk_children(with_self=False) if w.outer_size.area
                     for strip in w.render_lines(Region(0, 0, *w.outer_size)))


def _keys(app: SeatApp) -> str:
    """The seat screen's key bar as it reads: each shown key's words, the palette's last."""
    bar = app.seat_screen.query_one(KeyBar)
    return " ".join(item.description for item in (*bar.items, *([bar.palette] if bar.palette else [])))


@pytest.mark.parametrize(("code", "quit_word", "board_word"), [("ru", "Выход", "Границы"), ("uk", "Вихід", "Кордони")])
async def test_the_facilitator_console_speaks_its_language_keys_notices_and_board(
        tmp_path: Path, code: str, quit_word: str, board_word: str) -> None:
    table = make_table(tmp_path, "parallel-tracks", seed=5, sealed=True)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), lang=code, codes=codes)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the console to join")
            await until(pilot, lambda: bool(app.seat_screen.query("#board")), "the console's board")
            keys = _keys(app)
            assert quit_word in keys and not re.findall(r"[A-Za-z]{3,}", keys), keys  # every key's words, palette's too
            words = _rendered(app)
            assert board_word in words and "Borders" not in words  # the console's own board names tracks in its language
            assert "(secret)" not in words and "Connected" not in words
            commands = [c.title for c in app.get_system_commands(app.screen)]
            assert not [c for c in commands if re.search(r"[A-Za-z]{3,}", c) and "English" not in c], commands  # Textual's own too
            await pilot.press("f4")
            following = "uk" if code == "ru" else "en"
            await until(pilot, lambda: (app.view or {}).get("lang") == following, "the view in the next language")
            assert _keys(app) != keys and ("Вихід" if following == "uk" else "Quit") in _keys(app)
            assert ("Підключено" if following == "uk" else "Connected") in str(app.seat_screen.query_one("#link").render())
    table.session.close()


@pytest.mark.parametrize(("code", "said"), [("ru", "Подключение…"), ("uk", "Підключення…")])
async def test_the_code_screen_and_the_link_line_speak_the_seats_language(code: str, said: str) -> None:
    app = SeatApp("127.0.0.1:9", None, sleep=Sleeps(), lang=code)  # no code: the screen asks for it first
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert str(app.seat_screen.query_one("#link").render()) == said
        assert CYRILLIC & set(str(app.screen.query_one("#code-title").render()).lower())


async def test_a_version_1_screen_reads_the_hosts_language_and_is_answered_in_version_1(tmp_path: Path) -> None:
    table = make_table(tmp_path, "parallel-tracks", seed=5)
    async with hosting(table, lang="uk") as (_host, address, codes):
        async with ws_connect(f"ws://{address}") as ws:
            await ws.send(json.dumps({"type": "hello", "v": 1, "code": codes["team:ru"]}))
            welcome = json.loads(await ws.recv())
            assert welcome["type"] == "welcome" and welcome["v"] == 1
            assert welcome["view"]["lang"] == "uk" and welcome["view"]["decision"]["prompt"] == "Чекаємо на ведучого."
    table.session.close()


@pytest.mark.parametrize("raw", [
    message("hello", code="x", lang="de"),  # no such language
    {**message("hello", code="x", lang="ru"), "v": 1},  # a version 1 hello names no language
    message("lang", lang="fr"),
    message("lang"),
])
def test_a_bad_language_on_the_wire_is_refused(raw: dict[str, Any]) -> None:
    with pytest.raises(ProtocolError) as caught:
        check_client(decode(encode(raw)))
    assert caught.value.code == Wire.BAD_MESSAGE



# -- the one save's reports: the same figures in English, Russian and Ukrainian ------------------------------------

NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: the JSON fields that name rather than say (ids, codes, kinds): the same in every language
ID_KEYS = frozenset({"id", "actor", "track", "kind", "status", "phase", "code", "lang", "meter", "card", "move",
                     "audience", "format", "file", "path", "seed", "created", "time"})


def _digit_texts(save: Path) -> list[str]:
    """The scenario's own texts that hold a digit, in every language, longest first: a translation may spell a
    number out ("Track 2 dialogue", "Диалог второго трека"), so these are taken out before figures are compared."""
    opened = open_save(save)
    found = strings([opened.scenario.embedded(), opened.header.get("translations", {})])
    return sorted({t for t in found if any(c.isdigit() for c in t)}, key=len, reverse=True)


def _numbers(text: str, skip: list[str]) -> list[str]:
    for t in skip:
        text = text.replace(t, " ")
    return sorted(NUMBER.findall(text))


def _shown(page: str) -> str:
    """What a reader of an HTML page reads (its text, chart labels and tooltips), without markup or style."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _leaves(data: Any, path: str = "") -> list[tuple[str, Any]]:
    if isinstance(data, dict):
        return [leaf for key in sorted(data) for leaf in _leaves(data[key], f"{path}.{key}")]
    if isinstance(data, list):
        return [(path, len(data)), *(leaf for i, v in enumerate(data) for leaf in _leaves(v, f"{path}[{i}]"))]
    return [(path, data)]


@pytest.fixture(scope="module")
def reports(three: ThreeLanguageGame) -> dict[tuple[str, str], str]:
    return {(code, fmt): render(three.save, fmt, lang=code) for code in lang.LANGUAGES for fmt in ("md", "html", "json")}


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_the_three_language_games_reports_agree_on_every_figure(three: ThreeLanguageGame, fmt: str,
                                                                 reports: dict[tuple[str, str], str]) -> None:
    skip = _digit_texts(three.save)
    read = _shown if fmt == "html" else unfolded  # Markdown prose wrapped by the report, joined back
    english = _numbers(read(reports["en", fmt]), skip)
    assert len(english) > 1500  # positions, tension, rounds, counts, percentages, meters, event numbers …
    for code in ("ru", "uk"):
        assert CYRILLIC & set(reports[code, fmt].lower())
        assert _numbers(read(reports[code, fmt]), skip) == english, (code, fmt)
    if fmt == "md":  # row by row: a translation may reorder words, never the figures of a table
        rows = {code: [_numbers(line, skip) for line in reports[code, "md"].splitlines() if line.startswith("|")]
                for code in lang.LANGUAGES}
        assert len(rows["en"]) > 50 and rows["en"] == rows["ru"] == rows["uk"]


def test_the_three_language_games_json_differs_only_in_words(three: ThreeLanguageGame,
                                                             reports: dict[tuple[str, str], str]) -> None:
    skip = _digit_texts(three.save)
    english = _leaves(json.loads(reports["en", "json"]))
    ids = [value for path, value in english if path.rsplit(".", 1)[-1] in ID_KEYS or path.endswith("_id")]
    assert len(ids) > 500
    for code in ("ru", "uk"):
        other = _leaves(json.loads(reports[code, "json"]))
        assert [path for path, _ in other] == [path for path, _ in english]  # the same keys, lists the same length
        worded = set()
        for (path, mine), (_, theirs) in zip(english, other, strict=True):
            key = re.sub(r"\[\d+\]", "", path.rsplit(".", 1)[-1])
            if mine == theirs:
                continue
            assert isinstance(mine, str) and isinstance(theirs, str), (code, path, mine, theirs)  # numbers never differ
            assert key not in ID_KEYS and not key.endswith("_id"), (code, path, mine, theirs)  # nor ids and codes
            assert _numbers(mine, skip) == _numbers(theirs, skip), (code, path, mine, theirs)
            worded.add(key)
        assert {"summary", "track_name", "actor_name"} <= worded  # the words did change: the report is in {code}
    # what a team typed is quoted as typed, in every language's report
    typed = next(e.action.text for e in open_save(three.save).events
                 if e.action.kind == "counter" and e.action.actor == "ua" and e.action.text)
    assert typed.startswith("Counter ") and typed.endswith(" by ua: nobody could verify that in time")
    for code in lang.LANGUAGES:
        assert typed in reports[code, "json"]


def test_typed_texts_are_quoted_with_their_language_where_another_is_read(three: ThreeLanguageGame,
                                                                         reports: dict[tuple[str, str], str]) -> None:
    """The JSON records the language each counter was typed in; the mark beside a quoted text is that text's own,
    told by its letters (found from outside: English reasons typed on a Ukrainian screen read "(uk)"): the counters
    this game's Russian and Ukrainian teams typed are English words, quoted as typed and marked in no report. (A
    Cyrillic text typed in another language than the report's is marked: tests/seats/test_typed_marks.py,
    tests/report/test_arguments.py.)"""
    save = open_save(three.save)
    typed = {e.action.lang: e.action.text for e in save.events if e.action.kind == "counter" and e.action.text}
    ru, uk = typed["ru"], typed["uk"]
    for code in ("en", "ru", "uk"):
        for text in (ru, uk):
            assert text in reports[code, "md"] and f"{text}\u201d (" not in reports[code, "md"]
            assert f"{text}\u00bb (" not in reports[code, "md"]
    assert '<span class="lang">' not in reports["uk", "html"]
    counters = [c for t in json.loads(reports["en", "json"])["arguments"] for a in t["arguments"] for c in a["counters"]]
    assert {c["text"]: c.get("lang") for c in counters if c["text"] in (ru, uk)} == {ru: "ru", uk: "uk"}
    # the replay: the counters revealed (the argument's spans) and the ruling (its working, quoted)
    shown = [i for i, e in enumerate(save.events, 1) if ru in json.dumps(e.result, ensure_ascii=False)]
    assert {save.events[i - 1].action.kind for i in shown} >= {"counter", "roll"}
    for code in ("en", "ru", "uk"):
        for index in shown:
            with lang.using(code):
                working = working_text(save, index, set(), {}, {}).plain

            def mark(text: str, working: str = working) -> bool:  # "text (ru)", quoted or not
                return re.search(re.escape(text) + "[\u201d\u00bb]? \\([a-z]{2}\\)", working) is not None

            assert ru in working and not any(mark(text) for text in (ru, uk)), (code, working)


@pytest.mark.parametrize(("code", "why"), [("ru", "ИГРА ОКОНЧЕНА — все раунды сыграны"),
                                           ("uk", "ГРУ ЗАВЕРШЕНО — усі раунди зіграно"),
                                           ("en", "GAME OVER — all rounds played")])
def test_a_seat_says_why_the_game_ended_in_its_language(code: str, why: str) -> None:
    """Found from outside: every Russian and Ukrainian screen ended the game on "ИГРА ОКОНЧЕНА — all rounds
    played", the engine's reason as the save records it. A facilitator's own reason is shown as typed."""
    from tabletop.tui.seatwords import headline

    view = {"game": {"name": "Parallel tracks", "over": True, "end_reason": "all rounds played"}}
    typed = {"game": {"name": "Parallel tracks", "over": True, "end_reason": "time for lunch"}}
    with lang.using(code):
        assert why in headline(view).plain
        assert headline(typed).plain.endswith("\u2014 time for lunch")


async def test_a_screen_that_names_no_language_reads_the_hosts(tmp_path: Path) -> None:
    """Found from outside (helper-173): under ``host --lang uk`` a projector joined with no ``--lang`` on a machine
    whose locale is C.UTF-8 (which names no language) showed the room English. ``join`` names a language only
    where ``--lang``, ``TABLETOP_LANG`` or a locale of one of ours does; else the screen reads the host's, its own
    words too, until F4 chooses another."""
    assert lang.named_language(None, {"LANG": "C.UTF-8"}) is None
    assert lang.named_language(None, {}) is None and lang.named_language(None, {"LC_ALL": "POSIX"}) is None
    assert lang.named_language(None, {"LANG": "en_GB.UTF-8"}) == "en"
    assert lang.named_language(None, {"LANG": "C.UTF-8", "TABLETOP_LANG": "ru"}) == "ru"
    assert lang.named_language("en", {"LANG": "C.UTF-8"}) == "en"
    table = make_table(tmp_path, "parallel-tracks", seed=5)
    async with hosting(table, lang="uk") as (_host, address, codes):
        app = SeatApp(address, codes["projector"], sleep=Sleeps(), lang=None)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the projector to join")
            assert (app.view or {}).get("lang") == "uk" and app.lang == "uk"
            await until(pilot, lambda: "Підключено" in str(app.seat_screen.query_one("#link").render()),
                        "the screen's own words in the host's language")
            assert "Вихід" in _keys(app)
            await pilot.press("f4")  # uk -> en: chosen here, kept
            await until(pilot, lambda: (app.view or {}).get("lang") == "en", "the view in English")
            assert "Quit" in _keys(app) and not app.hosts_lang
    table.session.close()
