"""What the hostile-input tests share."""

from __future__ import annotations

import pytest


@pytest.fixture
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No screen ever starts (a test that reached one fails); call :func:`_as_terminal` in the test's body."""
    from tabletop.cli import screens

    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)

    def no_screen(app: object, **_: object) -> None:
        raise AssertionError(f"a screen was started: {type(app).__name__}")

    monkeypatch.setattr(screens, "run_screen", no_screen)
    monkeypatch.setattr(screens, "_run_app", no_screen)
    return monkeypatch
