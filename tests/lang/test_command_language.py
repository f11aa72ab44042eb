"""``--lang`` on every command, ``TABLETOP_LANG`` and the locale: chosen first, help included; a bad one is exit 2."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tabletop import lang
from tabletop.cli import build_parser, main
from tabletop.cli.language import flag_value


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("TABLETOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(key, raising=False)


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_takes_lang() -> None:
    commands = _commands()
    assert {"play", "resume", "replay", "report", "verify", "validate", "simulate", "sweep", "host", "join",
            "serve", "schema"} <= set(commands)
    for name, parser in [("tabletop", build_parser()), *commands.items()]:
        assert any("--lang" in a.option_strings for a in parser._actions), name


@pytest.mark.parametrize("argv", [["--lang", "xx"], ["report", "--lang=de", "x.jsonl"]])
def test_a_bad_language_is_a_message_and_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "unknown language" in err and "en, ru, uk" in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["--lang"], ["play", "--lang"], ["verify", "x", "--lang", ""]])
def test_no_language_given_asks_for_one(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-150): ``tabletop --lang`` said "unknown language ''"."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "--lang: give a language, one of en, ru, uk" in err and "''" not in err and "Traceback" not in err, err


def test_a_bad_tabletop_lang_is_exit_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TABLETOP_LANG", "klingon")
    assert main(["validate", "nothing.toml"]) == 2
    assert "TABLETOP_LANG" in capsys.readouterr().err


def test_help_speaks_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", "--lang", "uk", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "збереження" in out and "write the debrief report" not in out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "A terminal tabletop wargame" in capsys.readouterr().out


def test_messages_follow_flag_then_environment_then_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "missing.jsonl")
    monkeypatch.setenv("LANG", "uk_UA.UTF-8")
    assert main(["report", missing]) == 1
    assert "немає такого файлу" in capsys.readouterr().err
    monkeypatch.setenv("TABLETOP_LANG", "ru")
    assert main(["report", missing]) == 1
    assert "нет такого файла" in capsys.readouterr().err
    assert main(["report", missing, "--lang", "en"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_the_flag_is_read_as_lang_reads_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["report", str(tmp_path / "missing.jsonl"), "--lang", "UK"]) == 1
    assert "немає такого файлу" in capsys.readouterr().err


def test_the_language_is_the_commands_only(tmp_path: Path) -> None:
    main(["report", str(tmp_path / "missing.jsonl"), "--lang", "ru"])
    assert lang.current() == "en"


def test_a_bad_choice_of_the_parser_is_worded_in_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", "x.jsonl", "--format", "pdf", "--lang", "ru"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "tabletop report: ошибка:" in err and "Попробуйте 'tabletop report --help'." in err


@pytest.mark.parametrize(("lang", "usage", "required", "choice"), [
    ("ru", "использование: tabletop verify", "не хватает обязательных аргументов: SAVE", "недопустимый вариант: 'pdf'"),
    ("uk", "використання: tabletop verify", "бракує обов'язкових аргументів: SAVE", "неприпустимий варіант: 'pdf'"),
])
def test_argparse_s_own_words_are_in_the_language_too(capsys: pytest.CaptureFixture[str], lang: str, usage: str,
                                                        required: str, choice: str) -> None:
    """Found from outside: under --lang ru the usage line, "the following arguments are required" and "invalid
    choice" stayed English around the Russian rest (Python has no Russian catalogue for argparse)."""
    with pytest.raises(SystemExit):
        main(["verify", "--lang", lang])
    err = capsys.readouterr().err
    assert usage in err and required in err, err
    with pytest.raises(SystemExit):
        main(["report", "x.jsonl", "--format", "pdf", "--lang", lang])
    assert choice in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["verify", "--help", "--lang", lang])
    assert stop.value.code == 0
    shown = capsys.readouterr().out
    assert "usage" not in shown and "positional arguments" not in shown and "show this help" not in shown, shown
    with pytest.raises(SystemExit):
        main(["verify"])  # English again for an English command: the words follow the language of the moment
    assert "usage: tabletop verify" in capsys.readouterr().err


def test_plural_forms_of_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from tabletop.cli.validate import ngettext

    shown = {}
    for code in ("ru", "uk"):
        with lang.using(code):
            shown[code] = [ngettext("{n} problem", "{n} problems", n).format(n=n) for n in (1, 2, 5, 11, 21, 22, 25)]
    assert shown["ru"] == ["1 проблема", "2 проблемы", "5 проблем", "11 проблем", "21 проблема", "22 проблемы", "25 проблем"]
    assert shown["uk"] == ["1 проблема", "2 проблеми", "5 проблем", "11 проблем", "21 проблема", "22 проблеми", "25 проблем"]


@pytest.mark.parametrize(
    ("argv", "found"),
    [([], None), (["--lang", "ru"], "ru"), (["report", "--lang=uk", "a"], "uk"), (["a", "--", "--lang", "ru"], None),
     (["--lang"], "")],
)
def test_the_flag_is_found_before_parsing(argv: list[str], found: str | None) -> None:
    assert flag_value(argv) == found


def test_serve_passes_its_language_to_each_tab() -> None:
    from tabletop.cli.serve import join_command

    assert join_command("127.0.0.1:8765").endswith("join 127.0.0.1:8765")  # none named: each tab reads the host's
    assert join_command("127.0.0.1:8765", "uk").endswith("join 127.0.0.1:8765 --lang uk")
    # found in review (helper-175): serve --lang en passed nothing, and since a join that names no language reads
    # the host's, its tabs read a Ukrainian host's language inside an English page
    assert join_command("127.0.0.1:8765", "en").endswith("join 127.0.0.1:8765 --lang en")


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_simulate_s_help_gives_the_defaults_of_games_and_seed(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-302): ``tabletop simulate --help`` named --games N and --seed S with no word, and
    a run without them played 1000 games from seed 0 that nobody had asked for. Each option's help says its
    default, in each language."""
    simulate = _commands()["simulate"]
    defaults = {a.option_strings[0]: a.default for a in simulate._actions if a.option_strings[0] in ("--games", "--seed")}
    assert defaults == {"--games": 1000, "--seed": 0}
    with pytest.raises(SystemExit) as stop:
        main(["simulate", "--help", "--lang", code])
    assert stop.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    games = shown[shown.index("--games N "):shown.index("--seed S ")]
    seed = shown[shown.index("--seed S "):shown.index("--workers K ")]
    assert ": 1000)" in games and ": 0)" in seed, (games, seed)


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_host_s_timer_help_says_a_resumed_game_keeps_the_save_s_timers(code: str) -> None:
    """Found from outside (helper-375): ``tabletop resume --help`` says --timer's default is "as the save had
    them", ``tabletop host --help`` said no default at all, though ``host --resume`` too goes on with the save's
    timers and a new hosted game with the ruleset's. Host's help says both, in the words play's and resume's use."""
    lang.set_language(code)
    commands = _commands()

    def timer_help(command: str) -> str:
        return next(a.help for a in commands[command]._actions if "--timer" in a.option_strings) or ""

    def default_of(command: str) -> str:  # the words after "(default: ", as play and resume say them
        said = timer_help(command)
        return said[said.rindex("(") + 1:].split(": ", 1)[1].rstrip(")")

    hosted = timer_help("host")
    assert default_of("resume") in hosted and default_of("play") in hosted, (hosted, default_of("resume"))
    assert hosted.index(default_of("play")) < hosted.index("--resume") < hosted.index(default_of("resume")), hosted
