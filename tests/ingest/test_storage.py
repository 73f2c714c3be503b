"""The storage layer on local disk and on a local S3-compatible server: atomic writes, create-if-absent,
listing, Parquet, and DuckDB reading the same URLs."""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pytest

from ingest.storage import Store


def test_write_read_list_and_delete(store_url):
    store = Store.at(store_url)
    store.write_bytes("a/b/one.bin", b"1")
    store.write_bytes("a/b/two.bin", b"2")
    store.write_bytes("a/c/three.bin", b"3")
    store.write_bytes("a/b/one.bin", b"1bis")  # replace
    assert store.read_bytes("a/b/one.bin") == b"1bis"
    assert store.ls("a") == ["b", "c"]
    assert store.ls("a/b") == ["one.bin", "two.bin"]
    assert store.ls("nothing/here") == []
    assert store.files("a") == ["a/b/one.bin", "a/b/two.bin", "a/c/three.bin"]
    assert store.files("a", suffix="two.bin") == ["a/b/two.bin"]
    assert store.exists("a/c/three.bin") and not store.exists("a/c/four.bin")
    store.delete("a/c/three.bin")
    store.delete("a/c/three.bin")  # absent: no error
    assert not store.exists("a/c/three.bin")
    with pytest.raises(FileNotFoundError):
        store.read_bytes("a/c/three.bin")


def test_create_writes_only_when_absent(store_url):
    store = Store.at(store_url)
    assert store.create("locks/run", b"first")
    assert not store.create("locks/run", b"second")
    assert store.read_bytes("locks/run") == b"first"


def test_local_writes_leave_no_temp_files(tmp_path):
    store = Store.at(tmp_path)
    store.write_bytes("x/y.bin", b"data")
    store.create("x/z.bin", b"data")
    store.create("x/z.bin", b"again")
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == ["y.bin", "z.bin"]


def test_parquet_round_trip_and_duckdb_reads_the_same_url(store_url):
    store = Store.at(store_url)
    store.write_parquet("t/crawl_date=2026-12-01/site=a/part-r1.parquet", pa.table({"n": [1, 2]}))
    store.write_parquet("t/crawl_date=2026-12-02/site=b/part-r2.parquet", pa.table({"n": [3]}))
    assert store.read_parquet("t/crawl_date=2026-12-02/site=b/part-r2.parquet").to_pylist() == [{"n": 3}]
    con = duckdb.connect()
    store.register(con)
    store.register(con)  # a second registration (another reader on the same connection) is harmless
    rows = con.sql(
        f"select crawl_date, site, n from read_parquet('{store.uri('t')}/*/*/*.parquet', "
        "hive_partitioning = true) order by n"
    ).fetchall()
    assert [(str(d), s, n) for d, s, n in rows] == [
        ("2026-12-01", "a", 1),
        ("2026-12-01", "a", 2),
        ("2026-12-02", "b", 3),
    ]


def test_bad_urls_are_refused():
    with pytest.raises(ValueError, match="unsupported"):
        Store.at("ftp://host/dir")
    with pytest.raises(ValueError, match="bucket"):
        Store.at("s3://")
    assert Store.at("file:///tmp/x").url == "/tmp/x"
    assert Store.at("s3://bucket/p/").uri("a/b") == "s3://bucket/p/a/b"
