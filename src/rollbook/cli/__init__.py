"""Rollbook's command line: thin commands over the layers below."""

from rollbook.cli.main import app

__all__ = ["app"]
