"""The Textual app: a thin view over the engine. Only this package imports Textual."""
