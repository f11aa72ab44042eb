"""tabletop: a terminal tabletop wargame for policy workshops."""

__version__ = "0.1.0"
