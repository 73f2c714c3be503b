"""The compact per-site state: saved and loaded, rebuilt from landing alone, caught up after a kill."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ingest.land import (
    CRAWL_RUNS_SCHEMA,
    DOCUMENTS_SCHEMA,
    FETCH_ERRORS_SCHEMA,
    PAGES_SCHEMA,
    land_part,
    site_parts,
)
from ingest.paths import state_key
from ingest.revisit import RevisitPolicy
from ingest.site_state import RUN_DEAD_AFTER, SiteState
from ingest.storage import Store

T0 = datetime(2026, 11, 1, 1, 0, tzinfo=UTC)
SITE = "xuan-phu"


def page(run, url, sha, version, change, at, etag=None):
    return {
        "run_id": run,
        "site_id": SITE,
        "url": url,
        "final_url": url,
        "fetched_at": at,
        "status": 200,
        "change": change,
        "content_sha256": sha,
        "version": version,
        "etag": etag,
        "encoding": "utf-8",
    }


def doc(run, url, sha, text_sha, at):
    return {
        "run_id": run,
        "site_id": SITE,
        "url": url,
        "content_sha256": sha,
        "clean_version": "1",
        "fetched_at": at,
        "text_sha256": text_sha,
        "published_at": "2023-08-13T22:14:53+07:00",
    }


def night(store, state, n, pages, docs=(), errors=()):
    """Land one night of the site and fold it into `state` as the crawler does."""
    run, day = f"r{n}", f"{T0 + timedelta(days=n):%Y-%m-%d}"
    land_part(store, "pages", PAGES_SCHEMA, pages, crawl_date=day, site_id=SITE, name=run)
    land_part(
        store, "documents", DOCUMENTS_SCHEMA, docs, crawl_date=day, site_id=SITE, name=run, clean_version="1"
    )
    land_part(store, "fetch_errors", FETCH_ERRORS_SCHEMA, errors, crawl_date=day, site_id=SITE, name=run)
    if state is not None:
        state.apply_pages(pages)
        state.apply_errors(errors)
        state.apply_documents(docs)
        state.note_run(run, day)


def history(store):
    """Three nights: two new articles, one changes, one fails then recovers; another site lands too."""
    state = SiteState(SITE)
    a, b = "https://x/a.html", "https://x/b.html"
    t1, t2, t3 = (T0 + timedelta(days=n) for n in (1, 2, 3))
    night(
        store,
        state,
        1,
        [page("r1", a, "a1", 1, "new", t1, etag='"e1"')],
        [doc("r1", a, "a1", "ta1", t1)],
        [
            {
                "run_id": "r1",
                "site_id": SITE,
                "url": b,
                "error_class": "timeout",
                "attempt": 1,
                "occurred_at": t1,
                "kind": "article",
            }
        ],
    )
    night(
        store,
        state,
        2,
        [page("r2", a, "a2", 2, "changed", t2), page("r2", b, "b1", 1, "new", t2)],
        [doc("r2", a, "a2", "ta2", t2), doc("r2", b, "b1", "tb1", t2)],
    )
    night(store, state, 3, [page("r3", a, "a2", 2, "unchanged", t3)])
    other = {**page("o1", "https://y/z.html", "z1", 1, "new", t1), "site_id": "other"}
    land_part(store, "pages", PAGES_SCHEMA, [other], crawl_date=f"{t1:%Y-%m-%d}", site_id="other", name="o1")
    return state


def comparable(state: SiteState) -> dict:
    return {
        "urls": {
            u: (st.versions, st.latest_sha, st.latest_version, st.text_sha, st.documents, st.etag, st.stable)
            for u, st in state.urls.items()
        },
        "failures": state.failures,
        "runs": sorted(state.runs),
        "last": state.last_crawl_date,
    }


def test_rebuild_from_landing_equals_the_state_kept_by_the_runs(store_url):
    store = Store.at(store_url)
    kept = history(store)
    rebuilt = SiteState.rebuild(store, SITE)
    assert comparable(rebuilt) == comparable(kept)
    a = rebuilt.latest("https://x/a.html")
    assert a.versions == {"a1": 1, "a2": 2} and a.text_sha == "ta2" and a.stable == 1
    assert not rebuilt.failures  # b failed on night 1, then landed on night 2
    assert rebuilt.classify("https://x/a.html", "a3") == ("changed", 3)
    assert rebuilt.raw_hashes() == {"a1", "a2", "b1"}
    assert "https://y/z.html" not in rebuilt.urls  # the other site's rows stay out


def test_site_parts_never_lists_other_sites_partitions(tmp_path):
    store = Store.at(tmp_path)
    history(store)
    keys = site_parts(store, "pages", SITE)
    assert keys and all(f"site={SITE}/" in k for k in keys)
    assert len(keys) == 3


def test_save_load_round_trip_and_catch_up_after_a_kill(store_url):
    store = Store.at(store_url)
    state = history(store)
    state.save(store)
    loaded = SiteState.load(store, SITE)
    assert comparable(loaded) == comparable(state)
    # night 4 landed its parts but the process died before saving the state
    t4 = T0 + timedelta(days=4)
    night(
        store,
        None,
        4,
        [page("r4", "https://x/c.html", "c1", 1, "new", t4)],
        [doc("r4", "https://x/c.html", "c1", "tc1", t4)],
    )
    caught = SiteState.load(store, SITE)
    assert caught.latest("https://x/c.html").text_sha == "tc1"
    assert "r4" in caught.runs and caught.last_crawl_date == f"{t4:%Y-%m-%d}"
    # already-folded runs are not folded twice (stable would grow)
    assert caught.latest("https://x/a.html").stable == 1


def finished(store, run, day):
    """The crawl_runs row a site run lands when it ends (before it saves the state)."""
    row = {"run_id": run, "site_id": SITE}
    land_part(store, "crawl_runs", CRAWL_RUNS_SCHEMA, [row], crawl_date=day, site_id=SITE, name=run)


def landed_pages(store, name, rows, day):
    """A part of page rows of SITE, as a run named `name` lands it on night `day`."""
    land_part(store, "pages", PAGES_SCHEMA, rows, crawl_date=day, site_id=SITE, name=name)


def saved(store) -> SiteState:
    return SiteState.from_bytes(store.read_bytes(state_key(SITE)))


def test_two_overlapping_runs_saving_in_either_order_keep_both_runs_checks(store_url):
    store = Store.at(store_url)
    history(store).save(store)
    a, b, c = "https://x/a.html", "https://x/b.html", "https://x/c.html"
    first, second = SiteState.load(store, SITE), SiteState.load(store, SITE)  # both before either lands
    t = T0 + timedelta(days=10)
    day, hour = f"{t:%Y-%m-%d}", timedelta(hours=1)
    first.record_check(a, at=t, run_id="rA", etag='"eA"', last_modified=None)
    second.record_check(b, at=t + hour, run_id="rB", etag='"eB"', last_modified=None)
    new = page("rB", c, "c1", 1, "new", t + hour)
    landed_pages(store, "rB", [new], day)
    second.record_page(new)
    second.add_pending("https://x/later.html", t)  # left by the budget: in no landing row
    finished(store, "rB", day)
    finished(store, "rA", day)
    # the second saves first (merged: it saw the first's parts, or not), the first finds the file changed
    assert not second.saved_since_load(store)
    second.merged(store, "rB", day).save(store)
    assert first.saved_since_load(store)
    first.merged(store, "rA", day).save(store)
    state = saved(store)
    assert (state.urls[a].checked_at, state.urls[a].etag, state.urls[a].stable) == (t, '"eA"', 2)
    assert (state.urls[b].checked_at, state.urls[b].etag, state.urls[b].stable) == (t + hour, '"eB"', 1)
    assert state.urls[c].latest_sha == "c1" and "https://x/later.html" in state.pending()
    assert {"rA", "rB"} <= set(state.runs) and state.last_crawl_date == day
    # and the next load folds nothing twice
    assert comparable(SiteState.load(store, SITE)) == comparable(state)


def test_a_merge_leaves_an_unfinished_run_for_the_next_catch_up(store_url):
    """A run still landing (or killed) has no crawl_runs row: a merge does not fold part of it."""
    store = Store.at(store_url)
    history(store).save(store)
    mine = SiteState.load(store, SITE)
    t = T0 + timedelta(days=10)
    day, eve = f"{t:%Y-%m-%d}", f"{t - timedelta(days=1):%Y-%m-%d}"  # it started the night before
    d, e = "https://x/d.html", "https://x/e.html"
    landed_pages(store, "rK", [page("rK", d, "d1", 1, "new", t)], eve)
    mine.record_check("https://x/a.html", at=t, run_id="rM", etag=None, last_modified=None)
    finished(store, "rM", day)
    merged = mine.merged(store, "rM", day, now=t + timedelta(minutes=5))
    assert d not in merged.urls and "rK" not in merged.runs and "rM" in merged.runs
    assert merged.last_crawl_date == eve  # so that the next catch-up still reads rK's night
    merged.save(store)
    # rK lands another part after that merge: an hour later it is still not over
    landed_pages(store, "rK~1", [page("rK", e, "e1", 1, "new", t)], eve)
    soon = SiteState.load(store, SITE, now=t + timedelta(hours=1))
    assert d not in soon.urls and soon.last_crawl_date == eve
    # then it dies: once no row of it is newer than RUN_DEAD_AFTER, a load catches all of it up
    caught = SiteState.load(store, SITE, now=t + RUN_DEAD_AFTER + timedelta(minutes=1))
    assert {d, e} <= set(caught.urls) and "rK" in caught.runs and caught.waiting_since is None
    caught.note_run("rN", day)
    assert caught.last_crawl_date == day  # no longer pinned at the dead run's night
    assert caught.latest("https://x/a.html").checked_at == t  # rM's check kept


@pytest.mark.parametrize("file", ["saved", "lost"])
def test_a_load_while_another_run_is_landing_folds_none_of_it(store_url, file):
    """Run A lands a first part (flush), then run B loads the state (caught up, or rebuilt when
    the file is lost), then A lands its documents and a second part and ends. Before: B's load
    folded A's first part and marked A folded, so every later catch-up skipped the rest of A."""
    store = Store.at(store_url)
    history(store).save(store)
    if file == "lost":
        store.delete(state_key(SITE))
    now = datetime.now(UTC)  # A is landing right now
    day = f"{now:%Y-%m-%d}"
    d, e = "https://x/d.html", "https://x/e.html"
    landed_pages(store, "rA", [page("rA", d, "d1", 1, "new", now)], day)
    b = SiteState.load(store, SITE)
    assert d not in b.urls and "rA" not in b.runs
    land_part(
        store,
        "documents",
        DOCUMENTS_SCHEMA,
        [doc("rA", d, "d1", "td1", now), doc("rA", e, "e1", "te1", now)],
        crawl_date=day,
        site_id=SITE,
        name="rA~1",
        clean_version="1",
    )
    landed_pages(store, "rA~1", [page("rA", e, "e1", 1, "new", now)], day)
    finished(store, "rA", day)
    b.record_check("https://x/a.html", at=now, run_id="rB", etag=None, last_modified=None)
    b.note_run("rB", day)  # B saves without a merge (it found no overlap)
    b.save(store)
    after = SiteState.load(store, SITE)
    assert after.latest(d).text_sha == "td1" and after.latest(e).text_sha == "te1"
    assert {"rA", "rB"} <= set(after.runs) and after.last_crawl_date == day


def test_a_killed_run_waits_until_dead_then_is_folded_and_pins_nothing(store_url):
    """A run killed after landing a part never lands its crawl_runs row: later runs leave it while
    it may still be landing, keep `last_crawl_date` at its night meanwhile, then fold it."""
    store = Store.at(store_url)
    history(store).save(store)
    t = T0 + timedelta(days=10)
    eve, day = f"{t:%Y-%m-%d}", f"{t + timedelta(days=1):%Y-%m-%d}"
    d = "https://x/d.html"
    landed_pages(store, "rK", [page("rK", d, "d1", 1, "new", t)], eve)
    # two hours later another run (its clock) loads and saves on the next night: rK is left
    s1 = SiteState.load(store, SITE, run_id="rS", now=t + timedelta(hours=2))
    assert d not in s1.urls and s1.waiting_since == eve
    s1.note_run("rS", day)
    assert s1.last_crawl_date == eve  # pinned at rK's night, not moved to the run's
    s1.save(store)
    # an Airflow retry of rK itself (same run id) resumes its own rows
    assert d in SiteState.load(store, SITE, run_id="rK", now=t + timedelta(hours=3)).urls
    # the next night rK is dead: folded, and the state's night moves on
    s2 = SiteState.load(store, SITE, run_id="rT", now=t + timedelta(days=1))
    assert s2.latest(d).latest_sha == "d1" and "rK" in s2.runs and s2.waiting_since is None
    s2.note_run("rT", day)
    assert s2.last_crawl_date == day
    # a rebuild from landing alone follows the same rule
    assert d not in SiteState.rebuild(store, SITE, now=t + timedelta(hours=2)).urls
    assert d in SiteState.rebuild(store, SITE, now=t + RUN_DEAD_AFTER + timedelta(seconds=1)).urls


def test_a_run_folded_after_a_later_one_does_not_take_the_latest_version_back(store_url):
    """Run A fetched d (d1) an hour before run B, which found new content (d2, settled as v2) and
    saved first, A still landing. When A's rows are folded at last (its merge), d's latest version
    stays B's newer one; A's is recorded as an earlier version."""
    store = Store.at(store_url)
    history(store).save(store)
    a_state = SiteState.load(store, SITE)
    t = datetime.now(UTC)
    day, d = f"{t:%Y-%m-%d}", "https://x/d.html"
    landed_pages(store, "rA", [page("rA", d, "d1", 1, "new", t)], day)
    b_state = SiteState.load(store, SITE)  # A is still landing: left out
    b_row = page("rB", d, "d2", 2, "changed", t + timedelta(hours=1))
    landed_pages(store, "rB", [b_row], day)
    finished(store, "rB", day)
    b_state.merged(store, "rB", day).save(store)
    finished(store, "rA", day)
    state = a_state.merged(store, "rA", day)
    assert state.urls[d].versions == {"d1": 1, "d2": 2}
    assert (state.urls[d].latest_sha, state.urls[d].latest_version) == ("d2", 2)
    assert state.classify(d, "d2") == ("unchanged", 2)


def test_a_reclean_s_documents_are_folded_at_once(store_url):
    """`xaetl reclean` lands documents of a new clean version (no crawl_runs row): they carry
    their page's fetch time, so the next crawl's load folds their text hashes at once."""
    store = Store.at(store_url)
    history(store).save(store)
    run = f"reclean-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    row = {**doc(run, "https://x/a.html", "a2", "ta2-v2", T0 + timedelta(days=2)), "clean_version": "2"}
    row["cleaned_at"] = datetime.now(UTC)
    land_part(
        store,
        "documents",
        DOCUMENTS_SCHEMA,
        [row],
        crawl_date=f"{datetime.now(UTC):%Y-%m-%d}",
        site_id=SITE,
        name=run,
        clean_version="2",
    )
    loaded = SiteState.load(store, SITE, run_id="rN")
    assert loaded.latest("https://x/a.html").text_sha == "ta2-v2" and run in loaded.runs


@pytest.mark.parametrize("damage", [b"not gzip", None])
def test_missing_or_unreadable_state_is_rebuilt_from_landing(tmp_path, damage):
    store = Store.at(tmp_path)
    kept = history(store)
    if damage is not None:
        store.write_bytes(state_key(SITE), damage)
    assert comparable(SiteState.load(store, SITE)) == comparable(kept)


def test_revisits_follow_the_policy_and_the_budget():
    state = SiteState(SITE)
    old = datetime(2026, 12, 1, tzinfo=UTC)
    for i in range(30):
        state.apply_pages([page("r1", f"https://x/{i}.html", f"s{i}", 1, "new", old)])
    policy = RevisitPolicy(revisit_budget=5)
    assert state.revisits(policy, old + timedelta(minutes=10)) == ([], 0)
    chosen, left = state.revisits(policy, old + timedelta(days=1))
    assert len(chosen) == 5 and left == 25
    state.record_check(chosen[0], at=old + timedelta(days=1), run_id="r2", etag=None, last_modified=None)
    assert state.latest(chosen[0]).stable == 1
    assert chosen[0] not in state.revisits(policy, old + timedelta(days=1, hours=1), budget=100)[0]


@pytest.mark.parametrize("save", ["merged", "direct"])
def test_a_run_retried_under_its_own_id_after_it_was_folded_as_dead_loses_nothing(store_url, save):
    """Run rK is killed mid-crawl; a day later rS folds its rows (dead) and saves. Then rK is retried
    under the same id (an Airflow task cleared), fetches e and checks d again, and saves — merged
    when another run (rT) saved meanwhile. Before: the merge skipped every row of rK (folded
    already), so e was in landing but not in the state, and the next run took it for new."""
    store = Store.at(store_url)
    history(store).save(store)
    t = T0 + timedelta(days=10)
    eve, day = f"{t:%Y-%m-%d}", f"{t + timedelta(days=1):%Y-%m-%d}"
    d, e = "https://x/d.html", "https://x/e.html"
    landed_pages(store, "rK", [page("rK", d, "d1", 1, "new", t)], eve)
    s = SiteState.load(store, SITE, run_id="rS", now=t + RUN_DEAD_AFTER + timedelta(hours=1))
    assert "rK" in s.runs and s.latest(d).stable == 0
    s.note_run("rS", day)
    s.save(store)
    later = t + timedelta(days=1, hours=2)
    retry = SiteState.load(store, SITE, run_id="rK", now=later)
    assert retry.latest(d).stable == 0  # rK's first rows are not folded twice
    if save == "merged":  # another run saves while the retry crawls
        other = SiteState.load(store, SITE, run_id="rT", now=later)
        other.note_run("rT", day)
        other.save(store)
    new = page("rK", e, "e1", 1, "new", later)
    again = page("rK", d, "d1", 1, "unchanged", later)
    landed_pages(store, "rK~1", [new, again], eve)
    retry.record_page(new)
    retry.record_page(again)
    finished(store, "rK", eve)
    retry.note_run("rK", eve)
    if retry.saved_since_load(store):
        retry = retry.merged(store, "rK", eve, now=later + timedelta(minutes=5))
    retry.save(store)
    state = saved(store)
    assert state.latest(e) is not None and state.latest(e).latest_sha == "e1"
    assert state.latest(d).stable == 1  # the retry's check of d, once
    # the next run knows e: no refetch as new, no second version 1 landed as `new`
    nxt = SiteState.load(store, SITE, run_id="rU", now=later + timedelta(days=1))
    assert nxt.known(e) and nxt.classify(e, "e1") == ("unchanged", 1)
    assert e not in nxt.pending() and nxt.latest(d).stable == 1
    # and a third attempt of rK (cleared once more) folds none of its rows twice
    third = SiteState.load(store, SITE, run_id="rK", now=later + timedelta(hours=1))
    assert comparable(third) == comparable(state)


def test_a_retry_killed_before_saving_is_folded_by_the_next_attempt_of_its_run(store_url):
    """The retry of a run folded as dead lands a part and is killed before saving: the next
    attempt under the same run id (its night, in the run id, older than the state's) folds that
    part, once, and nothing of the first attempt twice."""
    store = Store.at(store_url)
    history(store).save(store)
    t = T0 + timedelta(days=10)
    run, eve, day = f"{t:%Y%m%dT%H%M%SZ}", f"{t:%Y-%m-%d}", f"{t + timedelta(days=1):%Y-%m-%d}"
    d, e = "https://x/d.html", "https://x/e.html"
    landed_pages(store, run, [page(run, d, "d1", 1, "new", t)], eve)
    s = SiteState.load(store, SITE, run_id="rS", now=t + RUN_DEAD_AFTER + timedelta(hours=1))
    s.note_run("rS", day)
    s.save(store)
    later = t + timedelta(days=1, hours=2)
    assert SiteState.load(store, SITE, run_id=run, now=later).latest(d).stable == 0
    landed_pages(
        store,
        f"{run}~1",
        [page(run, e, "e1", 1, "new", later), page(run, d, "d1", 1, "unchanged", later)],
        eve,
    )
    # killed again: no save; the third attempt an hour later
    third = SiteState.load(store, SITE, run_id=run, now=later + timedelta(hours=1))
    assert third.latest(e).latest_sha == "e1" and third.latest(d).stable == 1
    assert third.last_crawl_date == day  # its old night was read, the state's night kept
