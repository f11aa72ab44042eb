"""Shared test settings.

Under CI (``CI`` set in the environment) hypothesis runs derandomized: the
same examples every run, so a red CI always means a change, never luck.
Run locally, it explores new examples each time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True, scope="session")
def _user_cache_out_of_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test writes to the real user cache: validated scenarios go to a folder of the test run.

    Session-wide (hypothesis refuses function-scoped fixtures); a test that
    needs an empty cache of its own sets ``XDG_CACHE_HOME`` itself.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        # English unless a test says otherwise, whatever the machine's locale (a test
        # that sets LANG must not lose to an LC_ALL or a TABLETOP_LANG of the machine)
        for name in ("TABLETOP_LANG", "LC_ALL", "LC_MESSAGES"):
            patch.delenv(name, raising=False)
        patch.setenv("LANG", "C.UTF-8")
        yield


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """The process's language (a command's --lang, a screen's F4) never leaks from one test into the next."""
    from tabletop import lang

    lang.set_language("en")
    yield
    lang.set_language("en")
