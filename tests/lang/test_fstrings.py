"""Words translated inside an f-string reach the catalogue: Babel's extractor does not read f-strings.

``f"<h2>{_('Charts')}</h2>"`` translates at run time only if "Charts" is in
the catalogue; a module marks such words elsewhere (``N_``) so that it is.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tabletop.lang import LOCALE_DIR

PACKAGE = Path(__file__).resolve().parents[2] / "tabletop"
DOMAINS = ["report", "cli", "sim"]


def _in_fstrings(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            for sub in ast.walk(node):
                if (isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id in ("_", "N_")
                        and sub.args and isinstance(sub.args[0], ast.Constant) and isinstance(sub.args[0].value, str)):
                    found.append(sub.args[0].value)
    return found


@pytest.mark.parametrize("domain", DOMAINS)
def test_words_in_fstrings_are_in_the_catalogue(domain: str) -> None:
    with (LOCALE_DIR / f"{domain}.pot").open("rb") as handle:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle)}
    missing = [
        f"{path.relative_to(PACKAGE.parent)}: {word!r}"
        for path in sorted((PACKAGE / domain).glob("*.py"))
        for word in _in_fstrings(path.read_text(encoding="utf-8"))
        if word not in known
    ]
    assert not missing, "mark these with N_() outside the f-string too:\n" + "\n".join(missing)


def test_the_finder_reads_fstrings() -> None:
    assert _in_fstrings("x = f\"<h2>{_('Charts')}</h2>\"\ny = _('Elsewhere')\n") == ["Charts"]
