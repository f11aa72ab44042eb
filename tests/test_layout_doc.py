"""The README's Layout section names every module as it is: a module added, moved or removed shows here."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cli", "tui", "seats", "play", "report", "sim", "store", "engine", "content", "lang")


def layout_rows() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Layout", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        found = re.match(r"\| `tabletop/(\w+)` \|(.*)", line)
        if found:
            rows[found.group(1)] = found.group(2)
    return rows


def test_the_layout_section_lists_every_package_in_layer_order() -> None:
    assert list(layout_rows()) == list(PACKAGES)


def test_every_module_is_named_in_its_package_row_and_no_other_name_is() -> None:
    rows = layout_rows()
    for package in PACKAGES:
        modules = {p.stem for p in (ROOT / "tabletop" / package).glob("*.py") if p.stem != "__init__"}
        modules |= {f"{p.name}" for p in (ROOT / "tabletop" / package).glob("*.css")}
        named = set(re.findall(r"`([\w.]+)`", rows[package].split("|")[-2]))
        named = {n for n in named if not n.endswith(".tcss") and "(" not in n}
        missing = modules - named
        assert not missing, f"README Layout, tabletop/{package}: not named: {sorted(missing)}"
        stale = {n for n in named if n.isidentifier() or n.endswith(".css")} - modules - {
            "apply", "open_save", "state_at", "load_scenario", "Scenario", "simulate --save-dir"}
        assert not stale, f"README Layout, tabletop/{package}: no such module: {sorted(stale)}"
