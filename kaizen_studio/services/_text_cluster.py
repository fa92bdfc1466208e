"""Group note vectors into themes (private to services.clustering). numpy only, no randomness.

Ward's agglomerative clustering builds the tree (nearest-neighbour chain, so O(n^2) time
and one n x n matrix); the number of themes, when not given, is the smallest cut whose
mean silhouette (cosine) is within SILHOUETTE_TOLERANCE of the best between 2 and
1.5 * sqrt(n) themes; a few weighted k-means steps started from the cut then let notes
move to the theme they are nearest. Rows carry weights, so duplicate notes are clustered
once and counted as often as they occur.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

FloatMatrix = npt.NDArray[np.float32]
Labels = npt.NDArray[np.intp]

SILHOUETTE_TOLERANCE = 0.01  # 0.005 chose 8-9 themes for 40 notes; 0.02 too few
REFINE_STEPS = 20
MAX_TREE = 2_000  # above this many distinct notes, the tree is built on an even sample


def _squared_distances(features: FloatMatrix) -> npt.NDArray[np.float64]:
    x = features.astype(np.float64)
    sq = np.einsum("ij,ij->i", x, x)
    distances: npt.NDArray[np.float64] = sq[:, None] + sq[None, :] - 2.0 * (x @ x.T)
    np.maximum(distances, 0.0, out=distances)
    return distances


def ward_merges(features: FloatMatrix, weights: npt.NDArray[np.float64]) -> list[tuple[int, int]]:
    """Ward merges as (kept slot, absorbed slot), in order of increasing merge cost."""
    n = features.shape[0]
    sizes = weights.astype(np.float64).copy()
    pair = sizes[:, None] * sizes[None, :] / (sizes[:, None] + sizes[None, :])
    cost = 2.0 * pair * _squared_distances(features)
    np.fill_diagonal(cost, np.inf)
    merges: list[tuple[float, int, int, int]] = []
    alive = np.ones(n, dtype=bool)
    chain: list[int] = []
    first_alive = 0
    for _ in range(n - 1):
        while True:
            if not chain:
                while not alive[first_alive]:
                    first_alive += 1
                chain.append(first_alive)
            a = chain[-1]
            row = cost[a]
            b = int(np.argmin(row))
            if len(chain) > 1 and row[chain[-2]] <= row[b]:
                b = chain[-2]
            if len(chain) > 1 and b == chain[-2]:
                break
            chain.append(b)
        chain.pop()
        chain.pop()
        keep, gone = min(a, b), max(a, b)
        merges.append((float(row[b]), len(merges), keep, gone))
        updated = (
            (sizes[keep] + sizes) * cost[keep]
            + (sizes[gone] + sizes) * cost[gone]
            - sizes * cost[keep, gone]
        ) / (sizes[keep] + sizes[gone] + sizes)
        sizes[keep] += sizes[gone]
        alive[gone] = False
        updated[~alive] = np.inf
        updated[keep] = np.inf
        cost[keep] = updated
        cost[:, keep] = updated
        cost[gone] = np.inf
        cost[:, gone] = np.inf
    merges.sort()
    return [(keep, gone) for _, _, keep, gone in merges]


def cuts(n: int, merges: list[tuple[int, int]], counts: range) -> dict[int, Labels]:
    """Theme labels (0..k-1, in order of first member) for each k in ``counts``."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    wanted = set(counts)
    out: dict[int, Labels] = {}
    clusters = n
    if clusters in wanted:
        out[clusters] = np.arange(n, dtype=np.intp)
    for keep, gone in merges:
        if clusters <= min(wanted, default=n):
            break
        parent[root(gone)] = root(keep)
        clusters -= 1
        if clusters in wanted:
            out[clusters] = canonical([root(i) for i in range(n)])
    return out


def canonical(labels: list[int] | Labels) -> Labels:
    """Renumber labels 0, 1, ... in the order their first member appears."""
    seen: dict[int, int] = {}
    return np.array([seen.setdefault(int(v), len(seen)) for v in labels], dtype=np.intp)


def silhouette(
    distances: npt.NDArray[np.float64], labels: Labels, weights: npt.NDArray[np.float64]
) -> float:
    """Weighted mean silhouette; a row of weight w stands for w identical notes."""
    k = int(labels.max()) + 1
    if k < 2:
        return -1.0
    member = np.zeros((labels.size, k))
    member[np.arange(labels.size), labels] = weights
    mass = member.sum(axis=0)
    sums = distances @ member
    own = sums[np.arange(labels.size), labels]
    own_mass = mass[labels] - 1.0
    a = np.divide(own, own_mass, out=np.zeros_like(own), where=own_mass > 0)
    other = sums / mass[None, :]
    other[np.arange(labels.size), labels] = np.inf
    b = other.min(axis=1)
    denominator = np.maximum(a, b)
    s = np.divide(b - a, denominator, out=np.zeros_like(a), where=denominator > 0)
    s[own_mass <= 0] = 0.0
    return float((s * weights).sum() / weights.sum())


def refine(features: FloatMatrix, labels: Labels, weights: npt.NDArray[np.float64]) -> Labels:
    """Weighted k-means steps from ``labels``; keeps the last step that left no theme empty."""
    k = int(labels.max()) + 1
    x = features.astype(np.float64)
    current = labels
    for _ in range(REFINE_STEPS):
        member = np.zeros((labels.size, k))
        member[np.arange(labels.size), current] = weights
        centres = (member.T @ x) / member.sum(axis=0)[:, None]
        score = x @ centres.T - 0.5 * np.einsum("ij,ij->i", centres, centres)[None, :]
        proposed = np.argmax(score, axis=1).astype(np.intp)
        if np.array_equal(proposed, current) or np.unique(proposed).size < k:
            break
        current = proposed
    return canonical(current)


def most_themes(n: int) -> int:
    """The largest number of themes the automatic choice considers for n distinct notes."""
    return max(2, min(n - 1, round(1.5 * math.sqrt(n))))


def cluster(
    features: FloatMatrix, weights: npt.NDArray[np.float64], n_themes: int | None
) -> Labels:
    """Theme label per row: ``n_themes`` themes, or a number chosen by silhouette."""
    n = features.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.intp)
    if n_themes is not None and n_themes >= n:
        return np.arange(n, dtype=np.intp)
    if n_themes is not None and n_themes <= 1:
        return np.zeros(n, dtype=np.intp)
    if n_themes is None and n < 3:
        return np.arange(n, dtype=np.intp)
    if n > MAX_TREE:
        return _cluster_sampled(features, weights, n_themes)
    merges = ward_merges(features, weights)
    if n_themes is not None:
        return refine(features, cuts(n, merges, range(n_themes, n_themes + 1))[n_themes], weights)
    options = cuts(n, merges, range(2, most_themes(n) + 1))
    distances = _squared_distances(features) / 2.0  # 1 - cosine for unit rows
    scores = {k: silhouette(distances, labels, weights) for k, labels in options.items()}
    best = max(scores.values())
    chosen = min(k for k, score in scores.items() if score >= best - SILHOUETTE_TOLERANCE)
    return refine(features, options[chosen], weights)


def _cluster_sampled(
    features: FloatMatrix, weights: npt.NDArray[np.float64], n_themes: int | None
) -> Labels:
    """Cluster an evenly spaced sample, then give every other row its nearest theme."""
    n = features.shape[0]
    sample = np.arange(0, n, math.ceil(n / MAX_TREE))
    sample_labels = cluster(features[sample], weights[sample], n_themes)
    k = int(sample_labels.max()) + 1
    member = np.zeros((sample.size, k))
    member[np.arange(sample.size), sample_labels] = weights[sample]
    centres = (member.T @ features[sample].astype(np.float64)) / member.sum(axis=0)[:, None]
    labels = np.argmax(features.astype(np.float64) @ centres.T, axis=1).astype(np.intp)
    labels[sample] = sample_labels
    return refine(features, canonical(labels), weights)
