"""Turn short notes into vectors for theme suggestion (private to services.clustering).

Two views of each note, both unit length, concatenated with fixed weights:

- meaning: a static sentence embedding, the weighted mean of word-piece vectors distilled
  from all-MiniLM-L6-v2 (resources/models/minilm_static_256, see its README). Function
  words ("we", "nobody", "always", "have to") weigh FUNCTION_WORD_WEIGHT of a content
  word: frontline notes are full of them, and at full weight they pulled notes about
  different things together because they were phrased alike. Then half of the wall's
  mean is taken away from each note (WALL_CENTRING), so what every note shares ("the
  customer waits") counts less than what sets a note apart. The word-piece tokenizer is
  re-implemented here (BERT's rules) so the app needs neither torch nor the tokenizers
  package; the weights are read from safetensors with plain numpy.
- spelling: TF-IDF of character 3-5-grams inside words, hashed with signs into a fixed
  number of columns. It catches shared rare words (KB, PO, forklift), inflections
  (approve/approval) and scripts the word pieces do not cover.

The model loads lazily on first use and stays cached in the process.
"""

from __future__ import annotations

import json
import math
import re
import struct
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from kaizen_studio.services._text_words import CONTRACTION_PIECES, FUNCTION_WORDS
from kaizen_studio.services.resources import resource

FloatMatrix = npt.NDArray[np.float32]

MODEL_DIR = ("models", "minilm_static_256")
MAX_CHARS = 1_000  # longer notes are read only this far: a sticky note is short
MEANING_WEIGHT = 0.85  # share of the cosine similarity that comes from the embedding
FUNCTION_WORD_WEIGHT = 0.3  # 0 lost CLINC questions ("how do I ..."); 0.5 helped walls less
WALL_CENTRING = 0.5  # share of the wall's mean meaning taken away; 1.0 hurt CLINC
HASH_COLUMNS = 2_048
_WORD = re.compile(r"\w+")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _bert_normalise(text: str) -> str:
    """BERT's normaliser: drop control characters, space out CJK, lowercase, strip accents."""
    out: list[str] = []
    for char in text:
        code = ord(char)
        category = unicodedata.category(char)
        if code in (0, 0xFFFD) or (category in ("Cc", "Cf") and char not in "\t\n\r"):
            continue
        if char in "\t\n\r" or category == "Zs":
            out.append(" ")
        elif _is_cjk(code):
            out.append(f" {char} ")
        else:
            out.append(char)
    lowered = unicodedata.normalize("NFD", "".join(out).lower())
    return "".join(c for c in lowered if unicodedata.category(c) != "Mn")


def _bert_words(text: str) -> list[str]:
    """Split on whitespace, and each punctuation character on its own."""
    words: list[str] = []
    for chunk in text.split():
        current: list[str] = []
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    words.append("".join(current))
                    current = []
                words.append(char)
            else:
                current.append(char)
        if current:
            words.append("".join(current))
    return words


class WordPieceTokenizer:
    """Greedy longest-match-first word pieces, as BERT's tokenizer does it."""

    def __init__(self, vocabulary: dict[str, int], unknown: str = "[UNK]") -> None:
        self._vocabulary = vocabulary
        self.unknown_id = vocabulary.get(unknown, -1)
        self._cache: dict[str, list[int]] = {}

    def _pieces(self, word: str) -> list[int]:
        if len(word) > 100:
            return [self.unknown_id]
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = -1
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self._vocabulary.get(piece, -1)
                if found >= 0:
                    break
                end -= 1
            if found < 0:
                return [self.unknown_id]
            pieces.append(found)
            start = end
        return pieces

    def encode(self, text: str) -> list[int]:
        """Word-piece ids of ``text``, unknown pieces left out."""
        return self.encode_weighted(text)[0]

    def encode_weighted(self, text: str) -> tuple[list[int], list[float]]:
        """Word-piece ids of ``text`` (unknown pieces left out) and each one's weight."""
        ids: list[int] = []
        weights: list[float] = []
        for word in _bert_words(_bert_normalise(text)):
            pieces = self._cache.get(word)
            if pieces is None:
                pieces = [p for p in self._pieces(word) if p != self.unknown_id]
                if len(self._cache) < 200_000:
                    self._cache[word] = pieces
            ids.extend(pieces)
            weights.extend([word_weight(word)] * len(pieces))
        return ids, weights


def word_weight(word: str) -> float:
    """How much a word (lower case, as BERT splits it) counts in a note's meaning."""
    if word in FUNCTION_WORDS or word in CONTRACTION_PIECES or not word.isalnum():
        return FUNCTION_WORD_WEIGHT
    return 1.0


def _read_safetensors(data: bytes, name: str) -> FloatMatrix:
    """One float tensor from a safetensors file, read with numpy alone."""
    (header_size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_size])
    entry = header[name]
    dtype = {"F16": np.float16, "F32": np.float32}[entry["dtype"]]
    begin, end = (8 + header_size + offset for offset in entry["data_offsets"])
    array = np.frombuffer(data[begin:end], dtype=dtype).reshape(entry["shape"])
    return np.ascontiguousarray(array, dtype=np.float32)


@dataclass(frozen=True)
class StaticModel:
    """Word-piece vectors and the tokenizer that indexes them."""

    tokenizer: WordPieceTokenizer
    vectors: FloatMatrix

    def embed(self, texts: Sequence[str]) -> FloatMatrix:
        """Unit-length weighted mean of each text's word-piece vectors; zeros for none."""
        out = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float32)
        for row, text in enumerate(texts):
            ids, weights = self.tokenizer.encode_weighted(text[:MAX_CHARS])
            if ids:
                share = np.asarray(weights, dtype=np.float32)
                out[row] = (share / share.sum()) @ self.vectors[ids]
        return _unit_rows(out)


@cache
def load_model() -> StaticModel:
    """The shipped static model, loaded once per process."""
    folder = resource(*MODEL_DIR)
    tokenizer_json = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
    vocabulary: dict[str, int] = tokenizer_json["model"]["vocab"]
    vectors = _read_safetensors((folder / "model.safetensors").read_bytes(), "embeddings")
    return StaticModel(WordPieceTokenizer(vocabulary), vectors)


def _unit_rows(matrix: FloatMatrix) -> FloatMatrix:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: FloatMatrix = (matrix / norms).astype(np.float32)
    return unit


@cache
def _hashed(gram: str) -> tuple[int, float]:
    code = zlib.crc32(gram.encode("utf-8"))
    return code % HASH_COLUMNS, (1.0 if (code >> 24) & 1 else -1.0)


def char_grams(text: str) -> list[str]:
    """Character 3-5-grams inside each lower-cased word, padded with spaces (short words whole).

    Symbols such as emoji count as one gram each, so emoji-only notes still compare.
    """
    head = text[:MAX_CHARS].lower()
    grams = [char for char in head if unicodedata.category(char).startswith("S")]
    for word in _WORD.findall(head):
        padded = f" {word} "
        if len(padded) <= 3:
            grams.append(padded)
            continue
        for size in (3, 4, 5):
            grams.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return grams


def spelling_vectors(texts: Sequence[str]) -> FloatMatrix:
    """Unit-length TF-IDF of character n-grams, hashed with signs into HASH_COLUMNS columns."""
    counts = [Counter(char_grams(text)) for text in texts]
    document_frequency: Counter[str] = Counter()
    for count in counts:
        document_frequency.update(count.keys())
    total = len(texts)
    out = np.zeros((total, HASH_COLUMNS), dtype=np.float32)
    for row, count in enumerate(counts):
        for gram, times in count.items():
            idf = math.log((1 + total) / (1 + document_frequency[gram])) + 1.0
            column, sign = _hashed(gram)
            out[row, column] += sign * (1.0 + math.log(times)) * idf
    return _unit_rows(out)


def _centred(meaning: FloatMatrix) -> FloatMatrix:
    """Take WALL_CENTRING of the mean of the notes that have a meaning away from each of them."""
    present = np.flatnonzero(meaning.any(axis=1))
    if present.size < 2:
        return meaning
    out = meaning.copy()
    out[present] -= WALL_CENTRING * meaning[present].mean(axis=0)
    return _unit_rows(out)


def note_features(texts: Sequence[str]) -> FloatMatrix:
    """Unit-length features whose dot products blend meaning and spelling similarity.

    A text with neither word pieces nor word characters (emoji only, blank) gets a zero row.
    """
    meaning = _centred(load_model().embed(texts))
    spelling = spelling_vectors(texts)
    features = np.hstack(
        [math.sqrt(MEANING_WEIGHT) * meaning, math.sqrt(1 - MEANING_WEIGHT) * spelling]
    )
    return _unit_rows(features)
