"""Scores for a clustering of records into persons, against the true clustering.

Both clusterings are dicts from a record key (any hashable, e.g. ``(file, row)``) to a cluster
id. Only records present in the truth are scored; a truth record missing from the prediction
counts as a cluster of its own (a singleton), which is what an unlinked record is.

    python benchmarks/linkage/score.py      # runs the self-check
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Scores:
    """Pairwise and B-cubed precision, recall and F1 of one predicted clustering."""

    pair_precision: float
    pair_recall: float
    pair_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    records: int


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _aligned(truth: Mapping[K, Hashable], predicted: Mapping[K, Hashable]) -> dict[K, Hashable]:
    """The prediction restricted to the truth's records; unpredicted records become singletons."""
    return {key: predicted.get(key, ("unlinked", key)) for key in truth}


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pair_counts(
    truth: Mapping[K, Hashable], predicted: Mapping[K, Hashable]
) -> tuple[int, int, int]:
    """(true pairs, predicted pairs, pairs in both), over unordered pairs of distinct records.

    Counted from cluster sizes, so it runs in linear time however large the clusters are.
    """
    predicted = _aligned(truth, predicted)
    true_sizes = Counter(truth.values())
    predicted_sizes = Counter(predicted.values())
    overlap = Counter((truth[key], predicted[key]) for key in truth)
    return (
        sum(_pairs(n) for n in true_sizes.values()),
        sum(_pairs(n) for n in predicted_sizes.values()),
        sum(_pairs(n) for n in overlap.values()),
    )


def pairwise(
    truth: Mapping[K, Hashable], predicted: Mapping[K, Hashable]
) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1.

    Every unordered pair of records put in one cluster is a predicted link. Precision is the
    share of predicted links that are true (same person); recall the share of true links that
    were predicted. With no predicted links precision is 1; with no true links recall is 1.
    Large clusters weigh quadratically, so one wrong merge of two big clusters costs a lot.
    """
    true_pairs, predicted_pairs, correct = pair_counts(truth, predicted)
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    return precision, recall, f1(precision, recall)


def bcubed(
    truth: Mapping[K, Hashable], predicted: Mapping[K, Hashable]
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin).

    For each record r, with T(r) its true cluster and P(r) its predicted cluster (both counting
    r itself): precision(r) = |T(r) & P(r)| / |P(r)| and recall(r) = |T(r) & P(r)| / |T(r)|.
    The scores are the means over all records, so every record weighs the same, and a
    singleton that is right scores 1 on both.
    """
    if not truth:
        return 1.0, 1.0, 1.0
    predicted = _aligned(truth, predicted)
    true_sizes = Counter(truth.values())
    predicted_sizes = Counter(predicted.values())
    overlap = Counter((truth[key], predicted[key]) for key in truth)
    precision = recall = 0.0
    for key in truth:
        both = overlap[(truth[key], predicted[key])]
        precision += both / predicted_sizes[predicted[key]]
        recall += both / true_sizes[truth[key]]
    precision /= len(truth)
    recall /= len(truth)
    return precision, recall, f1(precision, recall)


def score(truth: Mapping[K, Hashable], predicted: Mapping[K, Hashable]) -> Scores:
    """All the scores of ``predicted`` against ``truth``."""
    pp, pr, pf = pairwise(truth, predicted)
    bp, br, bf = bcubed(truth, predicted)
    true_pairs, predicted_pairs, correct = pair_counts(truth, predicted)
    return Scores(pp, pr, pf, bp, br, bf, true_pairs, predicted_pairs, correct, len(truth))


def clusters_from_pairs(keys: list[K], links: list[tuple[K, K]]) -> dict[K, int]:
    """Connected components of ``links`` over ``keys`` (union-find): record key -> cluster id."""
    parent: dict[K, K] = {key: key for key in keys}

    def root(key: K) -> K:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
    ids: dict[K, int] = {}
    out: dict[K, int] = {}
    for key in keys:
        out[key] = ids.setdefault(root(key), len(ids))
    return out


def true_links(truth: Mapping[K, Hashable]) -> set[frozenset[K]]:
    """Every true pair, for small tests (quadratic in the cluster sizes)."""
    members: dict[Hashable, list[K]] = defaultdict(list)
    for key, cluster in truth.items():
        members[cluster].append(key)
    return {
        frozenset((a, b))
        for group in members.values()
        for i, a in enumerate(group)
        for b in group[i + 1 :]
    }


def _self_check() -> None:
    """Compare with values worked out by hand on a small example."""
    # Truth: {a, b, c} {d, e} {f}.  Prediction: {a, b} {c, d, e} {f}.
    truth = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 3}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y", "f": "z"}
    # True pairs: ab ac bc de = 4. Predicted: ab cd ce de = 4. Both: ab de = 2.
    assert pair_counts(truth, predicted) == (4, 4, 2)
    p, r, f = pairwise(truth, predicted)
    assert (p, r, f) == (0.5, 0.5, 0.5), (p, r, f)
    # B-cubed precision per record: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3, f 1 -> 14/3 / 6 = 7/9.
    # Recall per record: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2, f 1 -> 14/3 / 6 = 7/9.
    p, r, f = bcubed(truth, predicted)
    assert abs(p - 7 / 9) < 1e-12 and abs(r - 7 / 9) < 1e-12 and abs(f - 7 / 9) < 1e-12
    # Everything in one cluster: precision 4/15 pairs; B-cubed recall 1, precision
    # (3*3/6 + 2*2/6 + 1/6) / 6 = 14/36.
    lumped = dict.fromkeys(truth, 0)
    p, r, _ = pairwise(truth, lumped)
    assert (p, r) == (4 / 15, 1.0)
    p, r, _ = bcubed(truth, lumped)
    assert abs(p - 14 / 36) < 1e-12 and r == 1.0
    # Nothing linked (and "f" absent from the prediction): no predicted pairs, precision 1.
    p, r, f = pairwise(truth, {"a": 1})
    assert (p, r, f) == (1.0, 0.0, 0.0)
    p, r, _ = bcubed(truth, {})
    assert p == 1.0 and abs(r - (1 / 3 * 3 + 1 / 2 * 2 + 1) / 6) < 1e-12
    # Perfect prediction under other cluster ids.
    assert score(truth, {k: f"c{v}" for k, v in truth.items()}).pair_f1 == 1.0
    # Union-find and the explicit pair list agree with the counts.
    keys = list(truth)
    clusters = clusters_from_pairs(keys, [("a", "b"), ("b", "c"), ("d", "e")])
    assert len(true_links(clusters)) == 4 and pairwise(truth, clusters) == (1.0, 1.0, 1.0)
    print("score.py self-check: all values match the hand-computed ones")


if __name__ == "__main__":
    _self_check()
