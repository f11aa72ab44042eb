from __future__ import annotations

from collections.abc import Iterator

import pytest

from tabletop import lang


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """The viewer's language is the process's (F4 switches it): each test starts, and leaves, in English."""
    lang.set_language("en")
    yield
    lang.set_language("en")
