"""The catalogue workflow (Babel): extract, update, compile, and check that all three are current.

Used by ``scripts/catalogues`` and by ``tests/lang``; the game itself never
imports it (Babel is a tool for translators and tests, not a runtime need).
Its messages are for translators at a terminal, in English (``# untranslated``).
Output is stable — sorted messages, fixed header dates, no line numbers — so
a catalogue changes only when a string does.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import DOMAINS, LANGUAGES, LOCALE_DIR, SOURCE

#: Fixed header dates: a catalogue's bytes depend on its messages only.
STAMP = datetime(2026, 1, 1, tzinfo=timezone.utc)
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != SOURCE)


def _babel() -> Any:
    try:
        from babel.messages import catalog, extract, mofile, pofile
    except ImportError as err:  # pragma: no cover - babel is in the test extras
        raise SystemExit("the catalogue tools need Babel: .venv/bin/pip install -e '.[test]'") from err  # untranslated: translator tool
    return catalog, extract, mofile, pofile


def po_path(domain: str, lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{domain}.po"


def template(domain: str, package: Path) -> Any:
    """The domain's messages as found in its source (``tabletop/<domain>/``), as a Babel catalogue."""
    catalog, extract, _mofile, _pofile = _babel()
    out = catalog.Catalog(domain=domain, project="tabletop", creation_date=STAMP, revision_date=STAMP, fuzzy=False)
    source = package / domain
    if source.is_dir():
        for filename, lineno, message, comments, context in extract.extract_from_dir(
            source, comment_tags=("Translators:",), strip_comment_tags=True  # untranslated: translator tool
        ):
            out.add(message, locations=[(f"tabletop/{domain}/{filename}", lineno)], auto_comments=comments, context=context)
    return out


def _write_po(path: Path, cat: Any) -> bool:
    """Write ``cat`` to ``path`` if its bytes change; True when written."""
    _catalog, _extract, _mofile, pofile = _babel()
    buf = io.BytesIO()
    pofile.write_po(buf, cat, width=100, sort_output=True, include_lineno=False, ignore_obsolete=True)
    data = buf.getvalue()
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _read_po(path: Path, lang: str, domain: str) -> Any:
    catalog, _extract, _mofile, pofile = _babel()
    if not path.exists():
        return catalog.Catalog(locale=lang, domain=domain, project="tabletop", creation_date=STAMP, revision_date=STAMP, fuzzy=False)
    with path.open("rb") as f:
        return pofile.read_po(f, locale=lang, domain=domain)


def _mo_bytes(cat: Any) -> bytes:
    _catalog, _extract, mofile, _pofile = _babel()
    buf = io.BytesIO()
    mofile.write_mo(buf, cat, use_fuzzy=False)
    return buf.getvalue()


def _mo_messages(data: bytes) -> dict[Any, Any]:
    """A compiled catalogue's translations, without its header: another Babel version writes
    another ``Generated-By`` (and may order the bytes otherwise), the same messages are the same."""
    import gettext

    messages = gettext.GNUTranslations(io.BytesIO(data))._catalog  # type: ignore[attr-defined]
    return {key: value for key, value in messages.items() if key != ""}


def update(package: Path, locale_dir: Path = LOCALE_DIR, domains: Sequence[str] = DOMAINS) -> list[Path]:
    """Extract every domain, bring each language's ``.po`` in step, compile the ``.mo``; the files written."""
    written: list[Path] = []
    for domain in domains:
        tmpl = template(domain, package)
        pot = locale_dir / f"{domain}.pot"
        if _write_po(pot, tmpl):
            written.append(pot)
        for lang in TRANSLATED:
            path = po_path(domain, lang, locale_dir)
            cat = _read_po(path, lang, domain)
            cat.update(tmpl, no_fuzzy_matching=True, update_creation_date=False)
            cat.revision_date = STAMP
            if _write_po(path, cat):
                written.append(path)
            mo = path.with_suffix(".mo")
            data = _mo_bytes(cat)
            if not mo.exists() or mo.read_bytes() != data:
                mo.write_bytes(data)
                written.append(mo)
    return written


def _keys(cat: Any) -> set[tuple[Any, Any]]:
    return {(m.id, m.context) for m in cat if m.id}


def problems(package: Path, locale_dir: Path = LOCALE_DIR, domains: Sequence[str] = DOMAINS) -> Iterator[str]:
    """What is behind the code: a string not in a catalogue, a stale one, a missing translation, an old ``.mo``."""
    for domain in domains:
        tmpl = template(domain, package)
        for lang in TRANSLATED:
            path = po_path(domain, lang, locale_dir)
            if not len(tmpl) and not path.exists():
                continue
            cat = _read_po(path, lang, domain)
            rel = path.relative_to(locale_dir.parent.parent.parent) if locale_dir.is_absolute() else path
            for key in sorted(_keys(tmpl) - _keys(cat), key=str):
                yield f"{rel}: not in the catalogue: {key[0]!r} (run scripts/catalogues)"  # untranslated: translator tool
            for key in sorted(_keys(cat) - _keys(tmpl), key=str):
                yield f"{rel}: no longer in the code: {key[0]!r} (run scripts/catalogues)"  # untranslated: translator tool
            for message in cat:
                if not message.id:
                    continue
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                if message.fuzzy or not all(strings):
                    yield f"{rel}: not translated: {message.id!r}"  # untranslated: translator tool
            mo = path.with_suffix(".mo")
            if not mo.exists() or _mo_messages(mo.read_bytes()) != _mo_messages(_mo_bytes(cat)):
                yield f"{rel.with_suffix('.mo')}: not compiled from the .po (run scripts/catalogues)"  # untranslated: translator tool


def main(argv: Sequence[str], root: Path) -> int:
    package = root / "tabletop"
    locale_dir = package / "lang" / "locale"
    if "--check" in argv:
        found = list(problems(package, locale_dir))
        for line in found:
            print(line)
        return 1 if found else 0
    for path in update(package, locale_dir):
        print(f"wrote {path.relative_to(root)}")  # untranslated: translator tool
    return 0
