"""Casualty figures read from prose: statements, news reports, bulletins."""

from rollbook.ingest.figures.reader import FoundClaim, read_figures

__all__ = ["FoundClaim", "read_figures"]
