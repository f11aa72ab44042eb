"""Every interface string goes through a catalogue: no English words left as bare literals.

``CHECKED`` names the packages whose every module is held to it; a package
joins when its strings are all marked. See ``tests/lang/literals.py`` for
what counts as words and how a line says it is not shown to a person.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .literals import untranslated

PACKAGE = Path(__file__).resolve().parents[2] / "tabletop"
CHECKED = ["lang", "content", "engine", "store", "report", "cli", "sim", "tui", "seats", "play"]


def _modules() -> list[Path]:
    found = sorted(p for name in CHECKED for p in (PACKAGE / name).rglob("*.py"))
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_bare_english(path: Path) -> None:
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {text!r}" for line, text in untranslated(path)]
    assert not found, "user-visible words outside the catalogue (wrap in _() or say '# untranslated: why'):\n" + "\n".join(found)


def test_the_finder_finds_words(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""A docstring is fine."""\n'
        'from x import _\n'
        'a = "Table a proposal"\n'
        'b = _("Table a proposal")\n'
        'c = f"{who} passes"\n'
        'd = "Quit"\n'
        'e = "propose"\n'
        'f = "SELECT a FROM t"  # untranslated: SQL\n'
        'DEFAULT_CSS = "Screen { align: center middle; }"\n'
        '__all__ = ["Quit", "Table", "Ruleset"]\n'
        '__all__ += ["Scenario"]\n'
        'names = ["Quit"]\n'
        'def g():\n'
        '    """Docstrings too."""\n'
        '    return ngettext("{n} round", "{n} rounds", 2)\n',
        encoding="utf-8",
    )
    assert [line for line, _text in untranslated(sample)] == [3, 5, 6, 12]
