"""Near-duplicate documents: MinHash signatures over word shingles, Jaccard and containment estimates.

A report posted twice (or by the commune and again by the district, or in part on a second
site) gives near-identical shingle sets. Shingles and signatures are computed with numpy
(64-bit rolling hashes of word hashes, one-permutation hashing with densification); the index that finds
candidates among the landed documents is `ingest.clean.neardup`.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128  # one-permutation hashing: the 64-bit shingle hash space is cut into this many bins
SHINGLE_WORDS = 5
_BIN_SHIFT = np.uint64(64 - 7)  # top 7 bits pick the bin (2**7 == NUM_PERM)
_VALUE_SHIFT = np.uint64(64 - 7 - 32)  # the next 32 bits are the value kept per bin
_VALUE_MASK = np.uint64(0xFFFFFFFF)
_EMPTY = 0xFFFFFFFF
# Densification of empty bins (Shrivastava & Li 2014, rotation): an empty bin borrows the value
# of the next non-empty bin to its right, offset by this constant times the distance.
_ROTATE = np.uint64(0x9E3779B1)
_ROLL = np.uint64(0x100000001B3)  # FNV-64 prime: combines the word hashes of a shingle
_MIX1, _MIX2 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)  # murmur3 fmix64
_S33 = np.uint64(33)
_WORD = re.compile(r"\w+")
_WORD_HASH: dict[str, int] = {}  # crc32 per word; Vietnamese has few distinct syllables
_WORD_HASH_MAX = 200_000

# Two documents are near-duplicates when either estimate reaches its threshold.
JACCARD_THRESHOLD = 0.6
CONTAINMENT_THRESHOLD = 0.7  # the smaller document's shingles found in the larger one
MIN_SHINGLES = 8  # below this a document is too short to call anything a duplicate of it


def _word_hashes(words: list[str]) -> np.ndarray:
    cache = _WORD_HASH
    if len(cache) > _WORD_HASH_MAX:
        cache.clear()
    for w in set(words).difference(cache):
        cache[w] = zlib.crc32(w.encode("utf-8"))
    return np.array([cache[w] for w in words], dtype=np.uint64)


def _fmix(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> _S33)
    x = x * _MIX1
    x = x ^ (x >> _S33)
    x = x * _MIX2
    return x ^ (x >> _S33)


def shingle_hashes(text: str) -> np.ndarray:
    """Sorted distinct 64-bit hashes of every run of SHINGLE_WORDS consecutive words
    (case-folded, punctuation ignored); a text shorter than that is one shingle."""
    words = _WORD.findall(text.casefold())
    if not words:
        return np.empty(0, dtype=np.uint64)
    w = _word_hashes(words)
    k = min(SHINGLE_WORDS, len(w))
    n = len(w) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):
            h = h * _ROLL + w[i : i + n]
        return np.unique(_fmix(h))  # sorted


def shingles(text: str) -> set[int]:
    """The shingle hashes as a Python set (for tests and inspection)."""
    return set(shingle_hashes(text).tolist())


def signature(hashes: np.ndarray | set[int]) -> np.ndarray:
    """NUM_PERM one-permutation minimum hashes (uint32) of distinct 64-bit shingle hashes; all
    0xFFFFFFFF for an empty set. Sorted input makes each bin's minimum its first element."""
    if isinstance(hashes, set):
        hashes = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    if len(hashes) == 0:
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    hashes = np.sort(hashes)
    bins = (hashes >> _BIN_SHIFT).astype(np.int64)
    firsts = np.flatnonzero(np.r_[True, bins[1:] != bins[:-1]])
    filled = bins[firsts]
    values = (hashes[firsts] >> _VALUE_SHIFT) & _VALUE_MASK
    # every bin takes the next filled bin at or after it (circularly) and its distance to it
    pos = np.searchsorted(filled, np.arange(NUM_PERM))
    source = pos % len(filled)
    distance = (filled[source] - np.arange(NUM_PERM)) % NUM_PERM
    with np.errstate(over="ignore"):
        sig = (values[source] + distance.astype(np.uint64) * _ROTATE) & _VALUE_MASK
    return sig.astype(np.uint32)


@dataclass(frozen=True)
class Sketch:
    """What is kept per document to find its near-duplicates later."""

    minhash: np.ndarray  # uint32[NUM_PERM]
    size: int  # number of distinct shingles


def sketch(text: str) -> Sketch:
    s = shingle_hashes(text)
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


def near_duplicates(new: Sketch, signatures: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(mask of the rows of `signatures` that are near-duplicates of `new`, their Jaccard estimates)."""
    if new.size < MIN_SHINGLES or len(signatures) == 0:
        return np.zeros(len(signatures), dtype=bool), np.zeros(len(signatures))
    j = (signatures == new.minhash[None, :]).mean(axis=1)
    small = np.minimum(sizes, new.size).astype(float)
    large = np.maximum(sizes, new.size).astype(float)
    inter = j * (small + large) / (1 + j)
    cont = np.where(small > 0, inter / np.maximum(small, 1), 0.0)
    ok = ((j >= JACCARD_THRESHOLD) | (cont >= CONTAINMENT_THRESHOLD)) & (sizes >= MIN_SHINGLES)
    return ok, j


def best_match(new: Sketch, signatures: np.ndarray, sizes: np.ndarray) -> int | None:
    """Index of the most similar known document that is a near-duplicate of `new`, else None."""
    ok, j = near_duplicates(new, signatures, sizes)
    if not ok.any():
        return None
    return int(np.argmax(np.where(ok, j, -1.0)))
