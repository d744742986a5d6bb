"""The methods of estimating the uncounted, named apart from their numerics so that the
command line can offer them without loading numpy."""

from __future__ import annotations

from enum import StrEnum


class Method(StrEnum):
    """How the uncounted are estimated."""

    LOGLINEAR = "log-linear"
    LATENT = "latent-class"


#: The method the estimation benchmark (benchmarks/estimation) finds right most often.
DEFAULT_METHOD = Method.LOGLINEAR
