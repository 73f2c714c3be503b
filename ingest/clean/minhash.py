"""Near-duplicate documents: MinHash signatures over word shingles, Jaccard and containment estimates.

A report posted twice (or by the commune and again by the district, or in part on a second
site) gives near-identical shingle sets. Signatures are compared with numpy; at the scale of a
province's portals (thousands of documents) an all-pairs comparison per new document is cheap,
so no LSH index is kept.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 5
_PRIME = (1 << 32) + 15  # smallest prime above 2**32
_MAX = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20230813)  # fixed: signatures must be comparable across runs
_A = _rng.integers(1, 1 << 31, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"[^\W_]+")

# Two documents are near-duplicates when either estimate reaches its threshold.
JACCARD_THRESHOLD = 0.6
CONTAINMENT_THRESHOLD = 0.7  # the smaller document's shingles found in the larger one
MIN_SHINGLES = 8  # below this a document is too short to call anything a duplicate of it


def shingles(text: str) -> set[int]:
    """crc32 of every run of SHINGLE_WORDS consecutive words (case-folded, punctuation ignored)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(shingle_set: set[int]) -> np.ndarray:
    """NUM_PERM minimum hashes (uint32); all 0xFFFFFFFF for an empty set."""
    if not shingle_set:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    x = np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set))
    hashed = (_A[:, None] * x[None, :] + _B[:, None]) % np.uint64(_PRIME)
    return np.minimum(hashed.min(axis=1), _MAX).astype(np.uint32)


@dataclass(frozen=True)
class Sketch:
    """What is kept per document to find its near-duplicates later."""

    minhash: np.ndarray  # uint32[NUM_PERM]
    size: int  # number of distinct shingles


def sketch(text: str) -> Sketch:
    s = shingles(text)
    return Sketch(signature(s), len(s))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def containment(j: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller set inside the larger, from Jaccard and the set sizes."""
    small, large = sorted((size_a, size_b))
    if small == 0:
        return 0.0
    inter = j * (small + large) / (1 + j)
    return min(1.0, inter / small)


def best_match(new: Sketch, signatures: np.ndarray, sizes: np.ndarray) -> int | None:
    """Index of the most similar known document that is a near-duplicate of `new`, else None."""
    if new.size < MIN_SHINGLES or len(signatures) == 0:
        return None
    j = (signatures == new.minhash[None, :]).mean(axis=1)
    small = np.minimum(sizes, new.size).astype(float)
    large = np.maximum(sizes, new.size).astype(float)
    inter = j * (small + large) / (1 + j)
    cont = np.where(small > 0, inter / np.maximum(small, 1), 0.0)
    ok = ((j >= JACCARD_THRESHOLD) | (cont >= CONTAINMENT_THRESHOLD)) & (sizes >= MIN_SHINGLES)
    if not ok.any():
        return None
    return int(np.argmax(np.where(ok, j, -1.0)))
