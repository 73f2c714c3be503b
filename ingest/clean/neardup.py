"""Near-duplicate groups as one set-based step per night, against a persistent band index on the store.

No process loads all documents. The index of one clean version lives under
`neardup/clean_version=V/`: `bands/part-<batch>.parquet` (band key → document key, one row per
LSH band of each document) and `docs/part-<batch>.parquet` (document key, content hash, group,
signature, shingle count). A step takes the documents landed since the index's last night that
it does not hold yet, in landing order, and for each batch of them:

1. joins their band keys with the index's band parts in DuckDB (a hash join built on the new
   keys, a streaming scan of the index) to get candidate documents, and reads only those
   candidates' signatures;
2. picks each new document's group in order: the most similar near-duplicate among the
   candidates and the batch's earlier documents (ties to the smallest group name), else its own
   content hash — the same rule as before, so groups do not depend on which worker landed what;
3. writes the batch's bands part, then its docs part (the commit mark: a bands part without its
   docs part is ignored and removed by the next step).

The warehouse reads the groups from the docs parts. One step at a time per clean version, under
a lease on the store (`ingest.storelock`), so crawl workers on many hosts never coordinate:
they only land documents with their signatures.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ingest.clean.minhash import MIN_SHINGLES, NUM_PERM, Sketch, near_duplicates
from ingest.land import night_parts
from ingest.paths import landing_dir
from ingest.storage import Store
from ingest.storelock import lease

log = logging.getLogger(__name__)

# 64 bands of 2 values: a pair of documents becomes a candidate with probability
# 1 - (1 - J**2)**64: 0.99 at J = 0.27 (a third of a report inside it), 0.47 at J = 0.1,
# 0.025 for unrelated documents (J ~ 0.02).
ROWS = 2
BANDS = NUM_PERM // ROWS
BATCH_DOCS = 20_000  # new documents grouped per query against the index (bounds memory)
LEASE_S = 600.0  # renewed by a heartbeat while the step runs
# Members of one group read per band as candidates. A syndicated article reposted by thousands of
# communes is one group of thousands of near-identical members sharing the same band keys: reading
# them all for every new document held the whole group's signatures once per shared band (21.5 GB
# for the 2,000-site x 60-night benchmark's history). A few members stand for the group: they are
# near-identical, and a new document meets different members on its other bands.
CANDIDATES_PER_GROUP = 4

BANDS_SCHEMA = pa.schema([("band_key", pa.int64()), ("doc_key", pa.int64())])
DOCS_SCHEMA = pa.schema(
    [
        ("doc_key", pa.int64()),
        ("content_sha256", pa.string()),
        ("neardup_group", pa.string()),
        ("shingle_count", pa.int32()),
        ("minhash", pa.list_(pa.uint32())),
        ("night", pa.string()),  # the landing night the document was read from
        ("assigned_at", pa.timestamp("us", tz="UTC")),
    ]
)
_BAND_SALT = np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)


def index_dir(clean_version: str) -> str:
    return f"neardup/clean_version={clean_version}"


def doc_key(content_sha256: str) -> int:
    """A signed 64-bit key of a content hash (its first 16 hex digits)."""
    return int.from_bytes(bytes.fromhex(content_sha256[:16]), "big", signed=True)


def band_keys(minhash: np.ndarray) -> np.ndarray:
    """One signed 64-bit key per band (band number mixed in, so bands never collide)."""
    pairs = minhash.astype(np.uint64).reshape(BANDS, ROWS)
    with np.errstate(over="ignore"):
        packed = (pairs[:, 0] << np.uint64(32)) | pairs[:, 1]
        mixed = (packed ^ _BAND_SALT) * _MIX
        mixed ^= mixed >> np.uint64(31)
    return mixed.view(np.int64)


@dataclass
class StepResult:
    """What one grouping step did."""

    documents: int = 0
    grouped_with_another: int = 0
    batches: int = 0
    elapsed_s: float = 0.0


def _nights(store: Store, directory: str) -> list[str]:
    return sorted(n.split("=", 1)[1] for n in store.ls(directory) if n.startswith("crawl_date="))


def _index_files(store: Store, clean_version: str, kind: str) -> list[str]:
    return [store.uri(k) for k in store.files(f"{index_dir(clean_version)}/{kind}", suffix=".parquet")]


def _committed(store: Store, clean_version: str) -> tuple[list[str], list[str]]:
    """(bands files, docs files) of committed batches; orphan bands parts are removed."""
    docs = _index_files(store, clean_version, "docs")
    batches = {d.rsplit("/part-", 1)[1] for d in docs}
    bands = []
    for b in _index_files(store, clean_version, "bands"):
        if b.rsplit("/part-", 1)[1] in batches:
            bands.append(b)
        else:  # a step died between its two writes: the docs were never committed
            log.info("near-duplicate index: removing uncommitted %s", b)
            store.delete(b[len(store.uri()) + 1 :])
    return bands, docs


def _connect(store: Store) -> Any:
    import duckdb

    con = duckdb.connect()
    con.execute("set threads to 2")
    store.register(con)
    return con


def _sql_list(files: list[str]) -> str:
    return "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"


def _new_documents(store: Store, con: Any, clean_version: str, docs_files: list[str]) -> pa.Table:
    """Documents landed on nights from the index's last one, not in the index yet, landing order."""
    top = landing_dir("documents", clean_version)
    since = None
    if docs_files:
        since = con.sql(f"select max(night) from read_parquet({_sql_list(docs_files)})").fetchall()[0][0]
    files: list[str] = []
    for night in _nights(store, top):
        if since is None or night >= since:
            files += [store.uri(k) for k in night_parts(store, "documents", night, clean_version)]
    if not files:
        return pa.table({"content_sha256": pa.array([], pa.string())})
    seen = (
        f"and content_sha256 not in (select content_sha256 from read_parquet({_sql_list(docs_files)}))"
        if docs_files
        else ""
    )
    return con.sql(
        f"""
        select content_sha256, any_value(minhash) as minhash, any_value(shingle_count) as shingle_count,
               min(cleaned_at) as cleaned_at,
               min(regexp_extract(filename, 'crawl_date=([0-9-]+)', 1)) as night
        from read_parquet({_sql_list(files)}, union_by_name = true, filename = true)
        where content_sha256 is not null {seen}
        group by content_sha256
        order by min(cleaned_at), content_sha256
        """
    ).to_arrow_table()


def assign_groups(store: Store, clean_version: str, *, owner: str | None = None) -> StepResult:
    """Group every document of `clean_version` landed since the last step (see the module doc)."""
    started = time.perf_counter()
    result = StepResult()
    with lease(store, f"neardup-{clean_version}", run_id=owner or "", lease_s=LEASE_S):
        con = _connect(store)
        try:
            bands_files, docs_files = _committed(store, clean_version)
            new = _new_documents(store, con, clean_version, docs_files)
            for start in range(0, new.num_rows, BATCH_DOCS):
                batch = new.slice(start, BATCH_DOCS)
                grouped = _group_batch(store, con, clean_version, batch, bands_files, docs_files)
                result.documents += batch.num_rows
                result.grouped_with_another += grouped
                result.batches += 1
                bands_files, docs_files = _committed(store, clean_version)
        finally:
            con.close()
    result.elapsed_s = time.perf_counter() - started
    log.info(
        "near-duplicate groups (clean version %s): %d new documents, %d joined another group, %.1fs",
        clean_version,
        result.documents,
        result.grouped_with_another,
        result.elapsed_s,
    )
    return result


def _group_batch(
    store: Store,
    con: Any,
    clean_version: str,
    batch: pa.Table,
    bands_files: list[str],
    docs_files: list[str],
) -> int:
    shas: list[str] = batch.column("content_sha256").to_pylist()
    sizes = [int(s or 0) for s in batch.column("shingle_count").to_pylist()]
    nights: list[str] = batch.column("night").to_pylist()
    sigs = np.full((len(shas), NUM_PERM), 0xFFFFFFFF, dtype=np.uint32)
    for i, mh in enumerate(batch.column("minhash").to_pylist()):
        if mh is not None and len(mh) == NUM_PERM:
            sigs[i] = mh
        else:
            sizes[i] = 0  # no signature: never matches anything
    keys = np.array([doc_key(s) for s in shas], dtype=np.int64)
    usable = np.array(sizes) >= MIN_SHINGLES
    band_rows = np.stack([band_keys(sigs[i]) for i in range(len(shas))]) if shas else np.empty((0, BANDS))
    new_bands = pa.table(
        {
            "band_key": pa.array(band_rows[usable].reshape(-1), pa.int64()),
            "doc_key": pa.array(np.repeat(keys[usable], BANDS), pa.int64()),
        }
    )
    candidates = _candidates(con, new_bands, shas, bands_files, docs_files)

    # Within the batch: an in-memory LSH over the batch's own documents only.
    band_index: dict[int, list[int]] = {}
    groups: list[str] = []
    joined = 0
    for i, sha in enumerate(shas):
        group = None
        if sha in candidates.groups_by_sha:  # the same content already indexed (another URL)
            group = candidates.groups_by_sha[sha]
        elif usable[i]:
            group = _best(
                Sketch(sigs[i], sizes[i]), candidates, band_rows[i], band_index, sigs, sizes, groups
            )
        groups.append(group or sha)
        joined += group is not None
        if usable[i]:
            for key in band_rows[i].tolist():
                band_index.setdefault(key, []).append(i)

    batch_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    base = index_dir(clean_version)
    store.write_parquet(f"{base}/bands/part-{batch_id}.parquet", new_bands.cast(BANDS_SCHEMA))
    now = datetime.now(UTC)
    docs = pa.table(
        {
            "doc_key": pa.array(keys, pa.int64()),
            "content_sha256": pa.array(shas, pa.string()),
            "neardup_group": pa.array(groups, pa.string()),
            "shingle_count": pa.array(sizes, pa.int32()),
            "minhash": pa.array(list(sigs), pa.list_(pa.uint32())),
            "night": pa.array(nights, pa.string()),
            "assigned_at": pa.array([now] * len(shas), pa.timestamp("us", tz="UTC")),
        },
        schema=DOCS_SCHEMA,
    )
    store.write_parquet(f"{base}/docs/part-{batch_id}.parquet", docs)  # the commit mark
    return joined


@dataclass
class _Candidates:
    """Indexed documents sharing a band with some new document, with what the choice needs;
    `groups_by_sha` holds the groups of new documents' exact contents already indexed."""

    by_band: dict[int, list[int]]  # band key -> rows below
    sigs: np.ndarray
    sizes: np.ndarray
    groups: list[str]
    groups_by_sha: dict[str, str]


def _candidates(
    con: Any, new_bands: pa.Table, new_shas: list[str], bands_files: list[str], docs_files: list[str]
) -> _Candidates:
    """Indexed documents sharing a band with a new document: at most `CANDIDATES_PER_GROUP` per
    band and group, each document's signature read once."""
    empty = _Candidates({}, np.empty((0, NUM_PERM), np.uint32), np.empty(0, np.int64), [], {})
    if not docs_files:
        return empty
    con.register("new_shas", pa.table({"content_sha256": pa.array(new_shas, pa.string())}))
    try:
        same = con.sql(
            f"""
            select content_sha256, any_value(coalesce(neardup_group, content_sha256))
            from read_parquet({_sql_list(docs_files)})
            where content_sha256 in (select content_sha256 from new_shas)
            group by content_sha256
            """
        ).fetchall()
    finally:
        con.unregister("new_shas")
    groups_by_sha = {sha: group for sha, group in same}
    if not bands_files or new_bands.num_rows == 0:
        return _Candidates(empty.by_band, empty.sigs, empty.sizes, [], groups_by_sha)
    con.register("new_bands", new_bands)
    try:
        con.execute(
            f"""
            create or replace temp table candidate_pairs as
            with hits as (
                select distinct n.band_key, i.doc_key
                from new_bands as n
                join read_parquet({_sql_list(bands_files)}) as i on n.band_key = i.band_key
            ),
            docs as (
                select doc_key, coalesce(neardup_group, content_sha256) as grp
                from read_parquet({_sql_list(docs_files)})
                where doc_key in (select doc_key from hits)
            )
            select hits.band_key, hits.doc_key
            from hits join docs on hits.doc_key = docs.doc_key
            qualify row_number() over (
                partition by hits.band_key, docs.grp order by hits.doc_key
            ) <= {CANDIDATES_PER_GROUP}
            """
        )
        pairs = con.sql("select band_key, doc_key from candidate_pairs").to_arrow_table()
        docs = con.sql(
            f"""
            select doc_key, coalesce(neardup_group, content_sha256) as grp, shingle_count, minhash
            from read_parquet({_sql_list(docs_files)})
            where doc_key in (select doc_key from candidate_pairs)
            order by doc_key
            """
        ).to_arrow_table()
        con.execute("drop table candidate_pairs")
    finally:
        con.unregister("new_bands")
    if docs.num_rows == 0:
        return _Candidates(empty.by_band, empty.sigs, empty.sizes, [], groups_by_sha)
    keys = docs.column("doc_key").to_numpy()
    sigs = np.asarray(
        pc.list_flatten(docs.column("minhash")).to_numpy(zero_copy_only=False), np.uint32
    ).reshape(-1, NUM_PERM)
    sizes = np.asarray(docs.column("shingle_count").fill_null(0).to_numpy(), np.int64)
    rows = np.searchsorted(keys, pairs.column("doc_key").to_numpy())
    by_band: dict[int, list[int]] = {}
    for band, row in zip(pairs.column("band_key").to_pylist(), rows.tolist(), strict=True):
        by_band.setdefault(band, []).append(row)
    return _Candidates(by_band, sigs, sizes, docs.column("grp").to_pylist(), groups_by_sha)


def _best(
    sk: Sketch,
    cand: _Candidates,
    my_bands: np.ndarray,
    band_index: dict[int, list[int]],
    batch_sigs: np.ndarray,
    batch_sizes: list[int],
    batch_groups: list[str],
) -> str | None:
    """The group of the most similar near-duplicate among indexed candidates and earlier batch
    documents; ties go to the smallest group name."""
    keys = my_bands.tolist()
    old = sorted({r for k in keys for r in cand.by_band.get(k, ())})
    mine = sorted({r for k in keys for r in band_index.get(k, ())})
    best_j: float = -1.0
    best: list[str] = []
    if old:
        ok, j = near_duplicates(sk, cand.sigs[old], cand.sizes[old])
        for r, good, jj in zip(old, ok, j, strict=True):
            if good:
                best_j, best = _keep(best_j, best, float(jj), cand.groups[r])
    if mine:
        ok, j = near_duplicates(sk, batch_sigs[mine], np.asarray([batch_sizes[r] for r in mine]))
        for r, good, jj in zip(mine, ok, j, strict=True):
            if good:
                best_j, best = _keep(best_j, best, float(jj), batch_groups[r])
    return min(best) if best else None


def _keep(best_j: float, best: list[str], j: float, group: str) -> tuple[float, list[str]]:
    if j > best_j:
        return j, [group]
    if j == best_j:
        return best_j, [*best, group]
    return best_j, best


def index_summary(store: Store, clean_version: str) -> dict[str, Any]:
    """Counts of the index (for logs and the benchmark)."""
    bands, docs = _committed(store, clean_version)
    if not docs:
        return {"documents": 0, "batches": 0}
    con = _connect(store)
    try:
        n = con.sql(f"select count(*) from read_parquet({_sql_list(docs)})").fetchall()[0][0]
    finally:
        con.close()
    return {"documents": int(n), "batches": len(docs), "band_parts": len(bands)}
