"""Find user-visible English outside the catalogues: string literals that read like words.

A literal is *words* when it holds two words of letters separated by spaces
(``"Table a proposal"``), or is one capitalised word (``"Quit"``); an
f-string counts when its literal parts hold a word and it reads as two or
more tokens (``f"{who} passes"``, but not ``f"{a} {b}"``).
It is fine when it sits inside ``_()``, ``ngettext()``, ``pgettext()`` or
``N_()``; when it is a docstring; when it is the value of a Textual
stylesheet (``DEFAULT_CSS``, ``CSS``) or a module's ``__all__`` (names of
its API, never shown); or when its line says why it is not
shown to a person with a ``# untranslated: <why>`` comment (on the
literal's lines or the line above them) (an SQL query,
a machine-read key, a developer's assertion).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

TRANSLATE = {"_", "N_", "ngettext", "pgettext", "npgettext", "gettext"}
STYLES = {"DEFAULT_CSS", "CSS"}
#: names whose value is never shown: stylesheets, and a module's list of its API (``__all__``)
SKIPPED = STYLES | {"__all__"}
PRAGMA = "# untranslated:"
WORD = re.compile(r"[A-Za-z]{2,}")
CAPITAL = re.compile(r"^[A-Z][a-z]{2,}[.:!?]?$")
SLOT = "\x00"


def _is_words(text: str) -> bool:
    """Two or more tokens with a word of letters among them, or one capitalised word."""
    tokens = [t for t in text.split() if t.strip(SLOT) or SLOT in t]
    lettered = [t for t in tokens if any(c.isalpha() for c in t)]
    if len(tokens) >= 2 and lettered and WORD.search(text):
        return True
    return bool(CAPITAL.match(text.strip()))


def _fstring_text(node: ast.JoinedStr) -> str:
    return "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else SLOT for v in node.values)


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


class _Finder(ast.NodeVisitor):
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.found: list[tuple[int, str]] = []

    def _pragma(self, node: ast.AST) -> bool:
        first, last = node.lineno, getattr(node, "end_lineno", node.lineno) or node.lineno
        # on the literal's own lines, or on a comment line just above them
        return any(PRAGMA in self.lines[i - 1] for i in range(first - 1, last + 1) if 0 < i <= len(self.lines))

    def _skip_docstring(self, body: list[ast.stmt]) -> list[ast.stmt]:
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            return body[1:]
        return body

    def visit_Module(self, node: ast.Module) -> None:
        for stmt in self._skip_docstring(node.body):
            self.visit(stmt)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        for dec in node.decorator_list:
            self.visit(dec)
        if not isinstance(node, ast.ClassDef):
            self.visit(node.args)
            if node.returns:
                self.visit(node.returns)
        else:
            for base in node.bases:
                self.visit(base)
        for stmt in self._skip_docstring(node.body):
            self.visit(stmt)

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef

    def visit_Assign(self, node: ast.Assign) -> None:
        if any(isinstance(t, ast.Name) and t.id in SKIPPED for t in node.targets):
            return
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign | ast.AugAssign) -> None:
        if isinstance(node.target, ast.Name) and node.target.id in SKIPPED:
            return
        self.generic_visit(node)

    visit_AugAssign = visit_AnnAssign

    def visit_Call(self, node: ast.Call) -> None:
        if _call_name(node) in TRANSLATE:
            return
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        if _is_words(_fstring_text(node)) and not self._pragma(node):
            self.found.append((node.lineno, _fstring_text(node).replace(SLOT, "{…}")))

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and _is_words(node.value) and not self._pragma(node):
            self.found.append((node.lineno, node.value))


def untranslated(path: Path) -> Iterator[tuple[int, str]]:
    """``(line, text)`` for each literal in ``path`` that reads like words and is not in a catalogue."""
    source = path.read_text(encoding="utf-8")
    finder = _Finder(source.splitlines())
    finder.visit(ast.parse(source, filename=str(path)))
    yield from finder.found
