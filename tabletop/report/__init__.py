"""Debrief reports of saved games: Markdown, HTML and JSON (DESIGN 6a).

``build_report(save)`` gives one save's report as plain data;
``render(paths, fmt)`` writes one save's report, or for several saves a
comparison (strict against linked, side by side) followed by the reports.
Never imports Textual.
"""

from .build import REPORT_FORMAT, REPORT_VERSION, ReportError, build_report
from .compare import compare
from .render import FORMATS, FULL_REPORTS_MAX, SIDE_BY_SIDE_MAX, render, save_paths

__all__ = [
    "FORMATS",
    "FULL_REPORTS_MAX",
    "REPORT_FORMAT",
    "REPORT_VERSION",
    "SIDE_BY_SIDE_MAX",
    "ReportError",
    "build_report",
    "compare",
    "render",
    "save_paths",
]
