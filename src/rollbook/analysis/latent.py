"""Latent classes for multiple systems estimation: lists that miss some persons more.

Log-linear models assume, once their interactions are fitted, that every person has the
same chance of being on each list. In a war that rarely holds: persons killed far from the
roads, in places no reporter reaches, are missed by most lists at once. Lists then overlap
more than independence expects, and models built on independence put the uncounted too
low. Here persons fall into latent classes, each with its own chance of being on each
list; within a class the lists are independent. A class of persons that the lists rarely
reach is inferred from the overlaps, and its unseen members are counted in.

The number of classes is not fixed: a Dirichlet process mixture, truncated at `classes`
and written as stick-breaking weights, lets the data use as few or as many as they need
(Manrique-Vallier 2016, Biometrics; the model of the R package LCMCR). It is fitted by
Gibbs sampling on the cells of the table, not on persons, and runs many tables (strata,
simulated wars) in lockstep so that each extra table costs array width, not Python loops.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

_TINY = 1e-12  # keeps probabilities off 0 and 1 so logs stay finite and draws cannot fail
_ALPHA_PRIOR = 0.25  # Gamma(shape, rate) on the concentration: weak, as in LCMCR

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


def posterior_totals(
    counts: Ints,
    patterns: Floats,
    *,
    draws: int = 1000,
    burn_in: int = 2000,
    thin: int = 5,
    classes: int = 10,
    seed: int = 2020,
) -> Floats:
    """Posterior draws of the total number of persons, shape (S, draws), one row per table.

    `counts` (S, C) holds S tables over the same C = 2^k - 1 observable capture histories,
    given by the 0/1 rows of `patterns` (C, k). Priors: lambda ~ Beta(1, 1), stick-breaking
    weights with concentration alpha ~ Gamma(0.25, 0.25), and p(N) proportional to 1/N.
    After `burn_in` iterations every `thin`-th is kept until there are `draws`.
    """
    table, x = _checked(counts, patterns, draws, burn_in, thin, classes)
    rng = np.random.default_rng(seed)
    s, k = table.shape[0], x.shape[1]
    observed = table.sum(axis=1)
    shape = np.maximum(observed, 1)  # numpy wants n > 0; tables without persons draw 0
    anyone = (observed > 0).astype(np.int64)
    ones = np.ones(classes)  # sums over classes by matrix product: faster than .sum on a short axis
    log_pi = np.full((s, classes), -np.log(classes))
    lam = 0.5 + rng.uniform(-0.1, 0.1, (s, k, classes))  # jittered so classes can part
    alpha = np.ones(s)
    kept = np.empty((s, draws))
    for step in range(burn_in + draws * thin):
        # Each cell's persons over the classes. No shift before exp is needed: a class with
        # weight >= 1/K and lambda within [1e-12, 1 - 1e-12] keeps the sum above 1e-12^k / K.
        log_miss = np.log1p(-lam)
        log_none = log_pi + log_miss.sum(axis=1)  # (S, K): in class k and on no list
        w = np.exp(x @ (np.log(lam) - log_miss) + log_none[:, None, :])
        m = rng.multinomial(table, w / (w @ ones)[..., None])  # (S, C, K)
        # The persons on no list, given the total named: negative binomial under p(N) ~ 1/N.
        none = np.exp(log_none)
        p0 = none @ ones
        unseen = rng.negative_binomial(shape, np.maximum(1 - p0, _TINY)) * anyone
        size = m.sum(axis=1) + rng.multinomial(unseen, none / p0[:, None])  # (S, K)
        on = x.T @ m  # (S, k, K): persons of each class on each list
        lam = np.clip(rng.beta(1 + on, 1 + size[:, None, :] - on), _TINY, 1 - _TINY)
        alpha = _sticks(rng, size, alpha, log_pi)
        after = step - burn_in + 1
        if after > 0 and after % thin == 0:
            kept[:, after // thin - 1] = observed + unseen
    return kept


def _sticks(rng: np.random.Generator, size: Ints, alpha: Floats, log_pi: Floats) -> Floats:
    """Redraw the stick-breaking weights into `log_pi` (as logs); return a new alpha.

    The last stick takes all that is left (V_K = 1), so the truncated weights sum to one.
    """
    if size.shape[1] == 1:  # one class: its weight is 1 and alpha plays no part
        return alpha
    beyond = size.sum(axis=1, keepdims=True) - size.cumsum(axis=1)  # in later classes
    v = np.clip(rng.beta(1 + size[:, :-1], alpha[:, None] + beyond[:, :-1]), _TINY, 1 - _TINY)
    left = np.log1p(-v).cumsum(axis=1)  # log of the stick left after each break
    log_pi[:, :-1] = np.log(v)
    log_pi[:, 1:-1] += left[:, :-1]
    log_pi[:, -1] = left[:, -1]
    return rng.gamma(_ALPHA_PRIOR + v.shape[1], 1 / (_ALPHA_PRIOR - left[:, -1]))


def _checked(
    counts: Ints, patterns: Floats, draws: int, burn_in: int, thin: int, classes: int
) -> tuple[Ints, Floats]:
    """Validate the inputs, since a malformed table would give plausible nonsense."""
    if min(draws, thin, classes) < 1:
        raise ValueError("draws, thin and classes must each be at least 1")
    if burn_in < 0:
        raise ValueError("burn_in cannot be negative")
    x = np.asarray(patterns, dtype=np.float64)
    table = np.asarray(counts)
    if x.ndim != 2 or x.shape[1] < 2:
        raise ValueError("patterns must be a (C, k) array with k >= 2 lists")
    k = x.shape[1]
    cells = 2**k - 1
    if x.shape[0] != cells or not np.isin(x, (0, 1)).all() or not x.any(axis=1).all():
        raise ValueError(f"patterns must hold the {cells} nonzero 0/1 histories of {k} lists")
    if len(np.unique(x, axis=0)) != cells:
        raise ValueError("patterns must not repeat a capture history")
    if table.ndim != 2 or table.shape[1] != cells:
        raise ValueError(f"counts must be an (S, {cells}) array, one row per table")
    if not np.issubdtype(table.dtype, np.integer):
        raise ValueError("counts must be whole numbers of persons")
    if (table < 0).any():
        raise ValueError("counts of persons cannot be negative")
    return table.astype(np.int64), x
