"""The version, on its own: the save header, the report and the cache key read it without the package facade."""

__version__ = "0.1.0"
