"""The start screen takes each human team's name and tells where a reused save name really goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Select, Static

from tabletop.store.reading import open_save
from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen
from tabletop.tui.start import SEAT_CHOICES, StartScreen

from .support import SIZE, SMALL, press, type_text


async def test_team_names_typed_on_the_start_screen_go_into_the_save(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    app = TabletopApp(save_dir=saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StartScreen)
        # a name past the limit: a paste is taken as far as it fits, keys past it are not, and the field says why
        team = screen.query_one("#team-ru", Input)
        team.focus()
        await type_text(pilot, "x" * 58)
        assert "60" not in str(team.border_subtitle or "")  # under the limit: nothing said
        app.post_message(events.Paste("Delegation of the Republic of Somewhere"))
        await type_text(pilot, "yz")
        assert team.value == "x" * 58 + "De", team.value
        assert "at most 60 characters" in str(team.border_subtitle or ""), team.border_subtitle
        await press(pilot, "backspace")
        assert "60" not in str(team.border_subtitle or "")  # room again: nothing to say
        team.value = ""
        await type_text(pilot, "Delegation [b]A[/]")
        screen.query_one("#team-ua", Input).focus()
        await type_text(pilot, "Team Kyiv")
        # Ukraine is then given to a bot: a bot's seat takes no team name
        seat = screen.query_one("#seat-ua", Select)
        seat.focus()
        policy = "hardliner"
        await press(pilot, "enter", *["down"] * [v for _, v in SEAT_CHOICES].index(policy), "enter")
        assert seat.value == policy
        assert not screen.query_one("#team-ua", Input).display
        await press(pilot, "f5")
        assert isinstance(app.screen, BoardScreen)
        session = app.session
        assert session is not None
    header = open_save(session.save_path).header
    assert header["teams"] == {"ru": "Delegation [b]A[/]"}
    assert header["seats"]["ua"] == policy


async def test_a_reused_save_name_is_said_before_and_after_the_start(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    (saves / "monday.jsonl").write_text("an earlier game\n", encoding="utf-8")
    app = TabletopApp(save_dir=saves)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StartScreen)
        screen.query_one("#save-name", Input).focus()
        await type_text(pilot, "monday")
        hint = str(screen.query_one("#save-hint", Static).render())
        assert f"{saves / 'monday.jsonl'} already exists" in hint
        assert f"saved as {saves / 'monday-2.jsonl'}" in hint
        await press(pilot, "f5")
        assert isinstance(app.screen, BoardScreen)
        assert app.session is not None and app.session.save_path == saves / "monday-2.jsonl"
        notices = [n.message for n in app._notifications]
        assert any(f"saved as {saves / 'monday-2.jsonl'}" in n and "already exists" in n for n in notices)
    assert (saves / "monday.jsonl").read_text(encoding="utf-8") == "an earlier game\n"


async def test_a_fresh_save_name_needs_no_notice(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    app = TabletopApp(save_dir=saves)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#save-name", Input).focus()
        await type_text(pilot, "tuesday")
        assert str(screen.query_one("#save-hint", Static).render()).strip() == ""
        await press(pilot, "f5")
        assert app.session is not None and app.session.save_path == saves / "tuesday.jsonl"
        assert not [n for n in app._notifications if "saved as" in n.message]


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
async def test_every_team_row_reads_whole_at_80x24(tmp_path: Path, code: str) -> None:
    """A team's name on at most two lines (European NATO members / EU took four in a column of twelve),
    the seat's choice and the team-name placeholder never cut, in every bundled scenario and language."""
    from tabletop import lang

    lang.set_language(code)
    app = TabletopApp(save_dir=tmp_path / "saves")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StartScreen)
        for index in range(len(screen.entries)):
            await screen._show(index)
            await pilot.pause()
            labels = list(screen.query("#seats Label"))
            assert labels
            for label in labels:
                name = str(label.render())
                assert label.content_size.height <= 2, f"{code}: {name!r} takes {label.content_size.height} lines"
                assert label.content_size.width >= min(len(name), 26), f"{code}: {name!r} squeezed"
            for field in screen.query("#seats Input"):
                assert field.content_size.width > len(field.placeholder), f"{code}: {field.placeholder!r} is cut"
            for seat in screen.query("#seats Select"):
                longest = max(len(label) for label, _value in SEAT_CHOICES)
                assert seat.content_size.width >= longest + 3, f"{code}: a seat's choice is cut"


async def test_a_cyrillic_save_name_is_kept_and_one_too_long_is_cut_not_a_crash(tmp_path: Path) -> None:
    """Found from outside (helper-150): «понеділок група 2» was saved as 2.jsonl, «Київ» as game.jsonl; and a name
    of 125 Cyrillic letters stopped the start screen as it was typed (File name too long, from the hint's check)."""
    saves = tmp_path / "saves"
    saves.mkdir()  # (in a folder that does not exist yet, the system says so before it reads the name's length)
    app = TabletopApp(save_dir=saves)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        name = screen.query_one("#save-name", Input)
        name.focus()
        name.value = "переговоры_по_треку_" * 7  # 140 letters, 280 bytes: more than a file name may hold
        await pilot.pause()
        hint = str(screen.query_one("#save-hint", Static).render())
        cut = saves / (("переговоры_по_треку_" * 4)[:80] + ".jsonl")  # 80 letters
        assert "is not usable as a file name as typed" in hint and f"saved as {cut}" in hint, hint
        name.value = ""
        await type_text(pilot, "понеділок група 2")
        hint = str(screen.query_one("#save-hint", Static).render())
        assert f"saved as {saves / 'понеділок-група-2.jsonl'}" in hint, hint
        await press(pilot, "f5")
        assert isinstance(app.screen, BoardScreen)
        assert app.session is not None and app.session.save_path == saves / "понеділок-група-2.jsonl"


@pytest.mark.parametrize(("typed", "saved"), [("a/b/c", "a-b-c.jsonl"), ("../../escape", "escape.jsonl"),
                                              ("Atelier Genève 7/12", "Atelier-Genève-7-12.jsonl")])
def test_a_save_name_with_folders_in_it_is_said_to_be_saved_elsewhere(tmp_path: Path, typed: str, saved: str) -> None:
    """Found from outside (helper-153): "a/b/c" and "../../escape" were saved as c.jsonl and escape.jsonl with no word
    of it on the start screen; (helper-333) and "Atelier Genève 7/12" as 12.jsonl: a slash is a dash, the words kept."""
    from tabletop.tui.start import typed_save

    path, said = typed_save(tmp_path, typed)
    assert path == tmp_path / saved
    assert said.startswith(f"\u201c{typed}\u201d is not usable as a file name as typed") and str(path) in said, said


async def test_a_save_that_cannot_be_made_keeps_the_start_screen_as_it_was_filled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found from outside (helper-192): a full disk at F5 said "Cannot create the save", and behind the notice the form
    was empty again, on the first scenario with another random seed: a second F5, once space was freed, started a
    game nobody chose. The screen stays as it was filled, the notice says what to do, and F5 then starts that game."""
    import errno

    from tabletop.play.session import Session

    saves = tmp_path / "saves"
    real = Session.start
    refused: list[Path] = []

    def full_disk(scenario, seed, path, *args, **kwargs):  # noqa: ANN001, ANN202 - Session.start's own
        refused.append(path)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Session, "start", full_disk)
    app = TabletopApp(save_dir=saves)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StartScreen)
        scenarios = screen.query_one("#scenarios")
        scenarios.focus()
        await press(pilot, "down")
        chosen = screen.selected
        assert chosen == 1
        seed = screen.query_one("#seed", Input)
        seed.value = "4242"
        screen.query_one("#save-name", Input).value = "monday"
        screen.query_one("#team-ru", Input).value = "Delegation A"
        await press(pilot, "f5")
        assert refused == [saves / "monday.jsonl"]
        assert app.screen is screen and app.session is None
        assert screen.selected == chosen and seed.value == "4242"
        assert screen.query_one("#save-name", Input).value == "monday"
        assert screen.query_one("#team-ru", Input).value == "Delegation A"
        said = " ".join(str(n.message) for n in app._notifications)
        assert f"Cannot create the save {(saves / 'monday.jsonl').absolute()}: No space left on device" in said, said
        # found from outside: "or name another save" could not work (every name of this screen is in one folder)
        assert "free some space on that disk, then press F5 again (or quit with ctrl+q and start tabletop in a folder " \
               "on another disk)" in said, said
        monkeypatch.setattr(Session, "start", real)  # space freed
        await press(pilot, "f5")
        assert isinstance(app.screen, BoardScreen)
        # found from outside: the refused F5's notices stayed over the running board for 10-15 s
        assert not any("Nothing was started" in str(n.message) for n in app._notifications)
        session = app.session
        assert session is not None and session.save_path == saves / "monday.jsonl"
    header = open_save(session.save_path).header
    assert header["seed"] == 4242 and header["teams"] == {"ru": "Delegation A"}


@pytest.mark.parametrize("size", [SIZE, SMALL])
async def test_a_seed_typed_at_once_after_enter_on_a_scenario_is_the_seed(size: tuple[int, int]) -> None:
    """Found from outside (tmux send-keys, 120x40 and 80x24): Enter on the river basin, then at once
    "ctrl+a ctrl+k 4 2": the keys were read while the scenario list still had the focus, and the seed was not 42.
    Enter moves the focus to the seed as the key is read: the keys after it land in the field the user sees focused."""
    from .support import burst, settled

    app = TabletopApp(save_dir="saves")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await press(pilot, "down", "down")  # the river basin
        burst(app, "enter", "ctrl+a", "ctrl+k", "4", "2")  # no pause between them
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, StartScreen)
        assert screen.query_one("#seed", Input).value == "42"
        assert app.focused is screen.query_one("#seed", Input)
        assert screen.entries[screen.selected].scenario is not None
        assert screen.entries[screen.selected].scenario.ruleset.ruleset.id == "river-basin"


async def test_a_name_typed_at_once_after_tab_lands_in_the_field_tab_went_to() -> None:
    """Found in review: "Enter 4 2 Tab Tab name" in one burst (the seed, then on past the sealed switch to the save's
    name) typed the name into nothing: Tab moved the focus once the key came back up to the app, and the letters read
    meanwhile went to the switch. Tab is read as the app reads it, as in a dialog of several fields."""
    from .support import burst, settled

    app = TabletopApp(save_dir="saves")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, "enter", "ctrl+a", "ctrl+k", "4", "2", "tab", "tab", *"abc")  # no pause between them
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, StartScreen)
        assert screen.query_one("#seed", Input).value == "42"
        assert screen.query_one("#save-name", Input).value == "abc"


async def test_two_start_screens_pressing_f5_in_the_same_second_each_get_a_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found from outside (helper-224): two start screens in one folder, F5 at once; the second was told the folder
    "does not take the save", where the first had just taken the same automatic name. The other screen's save is
    made here between the name's choice and the create: this one takes the next free name, as the README says."""
    import tabletop.tui.app as app_module
    from tabletop.content.loader import load_scenario
    from tabletop.play.session import Session

    saves = tmp_path / "saves"
    chosen: list[Path] = []

    def and_the_other_screen_takes_it(save_dir, ruleset_id):  # noqa: ANN001, ANN202 - default_save_path's own
        path = real(save_dir, ruleset_id)
        chosen.append(path)
        Session.start(load_scenario(ruleset_id), 1, path).close()  # the other start screen's F5, this same second
        return path

    real = app_module.default_save_path
    monkeypatch.setattr(app_module, "default_save_path", and_the_other_screen_takes_it)
    app = TabletopApp(save_dir=saves)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "f5")
        assert isinstance(app.screen, BoardScreen), " ".join(str(n.message) for n in app._notifications)
        assert not any("Nothing was started" in str(n.message) for n in app._notifications)
        session = app.session
        assert session is not None and len(chosen) == 1
        other = chosen[0]
        assert session.save_path == other.with_name(other.name.removesuffix(".jsonl") + "-2.jsonl")
    assert open_save(other).header["seed"] == 1 and len(open_save(other)) == 0  # the other screen's save, untouched


@pytest.mark.parametrize(("error", "words"), [
    (FileExistsError(17, "File exists"),
     "File exists. Nothing was started: another game took that name a moment ago; press F5 again."),
    (OSError(30, "Read-only file system"),
     "Read-only file system. Nothing was started: the folder {folder} is on a disk that is read-only; quit with "
     "ctrl+q and start tabletop in a folder on a disk you can write to."),
    (PermissionError(13, "Permission denied"),
     "Permission denied. Nothing was started: you may not write in the folder {folder}; quit with ctrl+q and start "
     "tabletop in a folder you can write to."),
    (OSError(40, "Too many levels of symbolic links"),
     "Too many levels of symbolic links. Nothing was started: the folder {folder} does not take the save; quit with "
     "ctrl+q and start tabletop in a folder you can write to."),
    (OSError(28, "No space left on device"),
     "No space left on device. Nothing was started: free some space on that disk, then press F5 again (or quit with "
     "ctrl+q and start tabletop in a folder on another disk)."),
], ids=["EEXIST", "EROFS", "EACCES", "ELOOP", "ENOSPC"])
async def test_a_save_that_cannot_be_made_is_said_as_what_the_system_said(
    error: OSError, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found from outside (helper-224): every error but a full disk was "the folder does not take the save", a name
    taken a moment before (another start screen's) too, and a facilitator was sent to another folder for nothing.
    Found in review before that (helper-201): a folder refusing access was told to free some space or name another
    save, neither of which helps (every name of the start screen goes into that folder): the EACCES case."""
    from tabletop.play.session import Session

    def refused(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202 - Session.start's own
        raise error

    monkeypatch.setattr(Session, "start", refused)
    saves = tmp_path / "saves"
    app = TabletopApp(save_dir=saves)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        await press(pilot, "f5")
        assert app.screen is screen and app.session is None
        said = " ".join(str(n.message) for n in app._notifications)
        assert words.format(folder=saves.absolute()) in said, said


async def test_an_open_seat_list_leaves_its_actor_named(tmp_path: Path) -> None:
    """Found from outside (a hot-seat workshop in Russian at 80x24): a team's seat list, opened near the screen's
    foot, rose over the actor's name above it («Соединённые Штаты»), and nothing in the list said whose seat it set.
    Open, each list shows its actor's name whole, at 80x24 and 120x40."""
    from textual.geometry import Region

    from tabletop import lang
    from tabletop.content.overlays import translated
    from tabletop.tui.text import literal

    def seen(lines: list[str], region: Region) -> str:
        return " ".join(line[region.x:region.right] for line in lines[region.y:region.bottom])

    lang.set_language("ru")
    app = TabletopApp(save_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        for size in (SMALL, SIZE):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StartScreen)
            actors = translated(screen.entries[screen.selected].scenario, "ru").ruleset.actors
            for actor in actors:
                seat = screen.query_one(f"#seat-{actor.id}", Select)
                seat.focus()
                await press(pilot, "enter")
                assert seat.expanded
                lines = [strip.text for strip in screen._compositor.render_strips()]
                label, overlay = screen.query_one(f"#actor-{actor.id}").region, seat.query_one("SelectOverlay").region
                name = literal(actor.name)
                assert name in seen(lines, label) or name in seen(lines, overlay), (size, name, lines)
                await press(pilot, "escape")
