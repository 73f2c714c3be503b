"""Fault suite, item 9: publish errors are one line and keep the last good copy; a publish killed
with SIGKILL leaves nothing the next one does not remove; Parquet never silently stale."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb

from ingest.paths import REPO_ROOT, DataPaths
from ingest.warehouse.publish import STALE_MARKER, publish
from ingest.warehouse.query import mart_counts
from tests.expectations.warehouse_builder import good_data_dir, mention_rows, write_build

# Runs publish in a child process after an optional fault is armed; prints a JSON outcome.
HOLD = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('held', flush=True); sys.stdin.read()"
CHILD = f"HOLD = {HOLD!r}\n" + textwrap.dedent(
    """
    import json, os, resource, signal, sys
    sys.path.insert(0, sys.argv[3])
    from ingest.paths import DataPaths
    from ingest.warehouse import publish as pub
    paths, fault = DataPaths.at(sys.argv[1]), sys.argv[2]
    if fault.startswith("fsize="):  # a full disk: writes beyond this many bytes fail with EFBIG
        limit = int(fault.split("=")[1])
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    elif fault == "kill-before-swap":
        real = os.replace
        def replace(src, dst):
            if str(dst) == str(paths.published):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(src, dst)
        os.replace = replace
    elif fault == "rw-open-after-swap":  # someone opens the new file read-write right after the swap
        import subprocess
        real, holders = os.replace, []
        def replace(src, dst):
            real(src, dst)
            if str(dst) == str(paths.published):
                holder = subprocess.Popen(
                    [sys.executable, "-c", HOLD, str(dst)],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                )
                assert holder.stdout.readline().strip() == "held"
                holders.append(holder)
        os.replace = replace
    elif fault == "kill-between-swaps":
        def swap_link(link, fresh):
            os.kill(os.getpid(), signal.SIGKILL)
        pub._swap_link = swap_link
    try:
        pub.publish(paths)
    except pub.PublishError as exc:
        print(json.dumps({"error": str(exc)}))
        sys.exit(1)
    print(json.dumps({"ok": True}))
    """
)


def _publish_in_child(paths: DataPaths, fault: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(paths.root), fault, str(REPO_ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _leftovers(paths: DataPaths) -> list[str]:
    keep = {paths.published.name, "parquet", paths.published_parquet.resolve().name}
    return sorted(p.name for p in paths.published.parent.iterdir() if p.name not in keep)


def _parquet_count(paths: DataPaths) -> int:
    with duckdb.connect() as con:
        row = con.execute(f"select count(*) from '{paths.published_parquet}/fct_indicator_mentions.parquet'")
        return int(row.fetchone()[0])  # type: ignore[index]


def test_full_disk_is_one_line_and_keeps_the_last_good_copy(tmp_path: Path) -> None:
    paths = good_data_dir(tmp_path)
    publish(paths)
    good = paths.published.read_bytes()
    write_build(paths.warehouse, mention_rows(extra=50))

    done = _publish_in_child(paths, f"fsize={64 * 1024}")

    assert done.returncode == 1, done.stderr
    message = json.loads(done.stdout)["error"]
    assert "\n" not in message
    assert message.startswith("publish failed to copy the build:")
    assert "last good warehouse stays published" in message
    assert "Traceback" not in done.stderr
    assert paths.published.read_bytes() == good
    assert _leftovers(paths) == []
    assert _parquet_count(paths) == 8
    publish(paths)  # the next publish, with room on the disk, is healthy
    assert mart_counts(paths)["fct_indicator_mentions"] == 58


def test_publish_killed_before_the_swap_leaves_temp_files_the_next_one_removes(tmp_path: Path) -> None:
    paths = good_data_dir(tmp_path)
    publish(paths)
    good = paths.published.read_bytes()
    write_build(paths.warehouse, mention_rows(extra=3))
    paths.published.with_name(paths.published.name + ".wal").write_bytes(b"stale wal of a crash")

    done = _publish_in_child(paths, "kill-before-swap")

    assert done.returncode == -9
    assert paths.published.read_bytes() == good
    left = _leftovers(paths)
    assert any(n.endswith(".tmp") for n in left) and any(n.startswith(".parquet-") for n in left), left
    publish(paths)
    assert _leftovers(paths) == []
    assert mart_counts(paths)["fct_indicator_mentions"] == 11 and _parquet_count(paths) == 11


def test_publish_killed_between_database_and_parquet_marks_the_export_stale(tmp_path: Path) -> None:
    paths = good_data_dir(tmp_path)
    publish(paths)
    write_build(paths.warehouse, mention_rows(extra=6))

    done = _publish_in_child(paths, "kill-between-swaps")

    assert done.returncode == -9
    assert mart_counts(paths)["fct_indicator_mentions"] == 14  # the database was swapped
    assert _parquet_count(paths) == 8  # the export was not …
    assert (paths.published.parent / STALE_MARKER).exists()  # … and says so
    publish(paths)
    assert not (paths.published.parent / STALE_MARKER).exists()
    assert _parquet_count(paths) == 14 and _leftovers(paths) == []


def test_a_read_write_opener_of_the_new_file_does_not_break_publishing(tmp_path: Path) -> None:
    paths = good_data_dir(tmp_path)
    publish(paths)
    write_build(paths.warehouse, mention_rows(extra=2))

    done = _publish_in_child(paths, "rw-open-after-swap")

    assert done.returncode == 0, done.stdout + done.stderr
    assert mart_counts(paths)["fct_indicator_mentions"] == 10
    assert _parquet_count(paths) == 10  # exported from the copy before the swap
    assert not (paths.published.parent / STALE_MARKER).exists()
