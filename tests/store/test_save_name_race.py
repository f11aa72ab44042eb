"""A save's automatic name is taken at once: a name another start took a moment before gives way to ``-2``, ``-3``.

Found from outside (helper-224): two start screens in one folder, F5 sent to both in the same second; the second
was refused (``a save is never overwritten``) though the folder was writable, where the README promises the next
free name. The name was looked at (``default_save_path``), then created exclusively: another tabletop could take it
in between. Here it is taken in between, deterministically: by the other start between the name's choice and the
create.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.content.loader import load_scenario
from tabletop.store import SaveWriter
from tabletop.store.reading import open_save


def _other_start(path: Path) -> bytes:
    """Another tabletop's new save at ``path`` (its header only): what it holds."""
    SaveWriter.create(path, load_scenario("parallel-tracks"), 1).close()
    return path.read_bytes()


def _second(path: Path, n: int = 2) -> Path:
    return path.with_name(f"{path.name.removesuffix('.jsonl')}-{n}.jsonl")


def test_a_name_tabletop_chose_gives_way_to_the_next_free_one(tmp_path: Path) -> None:
    wanted = tmp_path / "20261207T071224Z-parallel-tracks.jsonl"
    taken = [_other_start(wanted), _other_start(_second(wanted))]
    writer = SaveWriter.create(wanted, load_scenario("parallel-tracks"), 5, exact=False)
    writer.close()
    assert writer.path == _second(wanted, 3)
    assert open_save(writer.path).header["seed"] == 5
    assert [wanted.read_bytes(), _second(wanted).read_bytes()] == taken  # never overwritten


def test_a_name_typed_is_kept_or_refused(tmp_path: Path) -> None:
    wanted = tmp_path / "monday.jsonl"
    taken = _other_start(wanted)
    with pytest.raises(FileExistsError):
        SaveWriter.create(wanted, load_scenario("parallel-tracks"), 5)
    assert wanted.read_bytes() == taken and not _second(wanted).exists()


def _raced(monkeypatch: pytest.MonkeyPatch, where: object) -> list[tuple[Path, bytes]]:
    """``where.default_save_path`` chooses the name, then another start takes it before this one creates it."""
    real = where.default_save_path  # type: ignore[attr-defined]
    made: list[tuple[Path, bytes]] = []

    def chosen_then_taken(save_dir, ruleset_id):  # noqa: ANN001, ANN202 - default_save_path's own
        path = real(save_dir, ruleset_id)
        made.append((path, _other_start(path)))
        return path

    monkeypatch.setattr(where, "default_save_path", chosen_then_taken)
    return made


def test_a_session_started_without_a_name_takes_the_next_free_one(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import tabletop.play.session as session_module

    made = _raced(monkeypatch, session_module)
    session = session_module.Session.start(load_scenario("parallel-tracks"), 5, save_dir=tmp_path)
    session.close()
    [(other, held)] = made
    assert session.save_path == _second(other) and other.read_bytes() == held


def _a_terminal(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """stdin, stdout and the stderr drawn on taken for a UTF-8 terminal; the play screen records its save, never
    starts."""
    from tabletop.cli import screens

    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sys.__stderr__, "isatty", lambda: True)
    saved: list[Path] = []

    def run_app(session) -> int:  # noqa: ANN001 - a Session
        saved.append(session.save_path)
        session.close()
        return 0

    monkeypatch.setattr(screens, "_run_app", run_app)
    return saved


def test_play_without_save_takes_the_next_free_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    import tabletop.store as store

    monkeypatch.chdir(tmp_path)
    saved = _a_terminal(monkeypatch)
    made = _raced(monkeypatch, store)
    assert main(["play", "--seed", "5"]) == 0, capsys.readouterr().err
    [(other, held)] = made
    assert saved == [_second(other)] and other.read_bytes() == held
    assert open_save(tmp_path / _second(other)).header["seed"] == 5


def test_host_without_save_takes_the_next_free_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    import tabletop.store as store
    from tabletop.cli import host

    monkeypatch.chdir(tmp_path)
    served: list[Path] = []

    async def serve(table, *_args: object, **_kwargs: object) -> int:  # noqa: ANN001 - a Table
        served.append(table.session.save_path)
        return 0

    monkeypatch.setattr(host, "_serve", serve)
    made = _raced(monkeypatch, store)
    assert main(["host", "--headless", "--seed", "5", "--listen", "127.0.0.1:0"]) == 0, capsys.readouterr().err
    [(other, held)] = made
    assert served == [_second(other)] and other.read_bytes() == held
