"""The revisit policy: back-off with stability and age, 30-day cap, spread due dates, nightly budget."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ingest.revisit import RevisitPolicy

NOW = datetime(2026, 12, 6, 1, 0, tzinfo=UTC)
POLICY = RevisitPolicy()


def test_interval_doubles_with_stability_and_grows_with_age_up_to_the_cap():
    assert [POLICY.interval_days(stable=s, age_days=0) for s in range(7)] == [1, 2, 4, 8, 16, 30, 30]
    assert POLICY.interval_days(stable=0, age_days=80) == 10
    assert POLICY.interval_days(stable=0, age_days=3650) == 30
    assert POLICY.interval_days(stable=99, age_days=0) == 30


def test_an_article_fetched_minutes_ago_is_not_due_and_one_due_yesterday_is():
    due = POLICY.next_due("u", NOW - timedelta(minutes=5), stable=0, age_days=0)
    assert due >= NOW - timedelta(minutes=5) + timedelta(days=1)
    assert not POLICY.is_due(due, NOW)
    assert POLICY.is_due(NOW - timedelta(days=1), NOW)
    assert POLICY.is_due(None, NOW)  # never checked


def test_due_dates_of_a_first_crawl_spread_over_many_nights():
    checked = NOW - timedelta(days=40)
    dues = {POLICY.next_due(f"https://x/{i}", checked, stable=0, age_days=400).date() for i in range(300)}
    assert len(dues) >= 5  # not all on one night
    assert all(checked + timedelta(days=23) < datetime.combine(d, checked.time(), UTC) for d in dues)


def test_budget_takes_the_most_overdue_first_and_counts_the_rest():
    dates = [
        ("a", NOW - timedelta(days=1)),
        ("b", NOW - timedelta(days=5)),
        ("c", None),
        ("d", NOW + timedelta(days=3)),
        ("e", NOW - timedelta(days=2)),
    ]
    chosen, left = POLICY.choose(dates, NOW, budget=2)
    assert chosen == ["c", "b"] and left == 2
    chosen, left = POLICY.choose(dates, NOW, budget=10)
    assert chosen == ["c", "b", "e", "a"] and left == 0
