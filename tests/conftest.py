"""Shared test settings.

Under CI (``CI`` set in the environment) hypothesis runs derandomized: the
same examples every run, so a red CI always means a change, never luck.
Run locally, it explores new examples each time.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
