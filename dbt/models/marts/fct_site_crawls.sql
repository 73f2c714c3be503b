-- Per site and run: what the crawl saw, and how fresh the site is as of that run. The spine
-- is every (site, run) known from crawl runs, pages or fetch errors, so a run is reported
-- even when its crawl_runs row is missing; counts then come from the pages and errors.
with

crawl_runs as (
    select * from {{ ref('stg_landing__crawl_runs') }}
),

pages as (
    select * from {{ ref('stg_landing__pages') }}
),

fetch_errors as (
    select * from {{ ref('stg_landing__fetch_errors') }}
),

documents as (
    select * from {{ ref('stg_landing__documents') }}
),

page_counts as (
    select
        site_id,
        run_id,
        min(fetched_at) as first_fetched_at,
        max(fetched_at) as last_fetched_at,
        count(*) as pages_seen,
        count(*) filter (where change_kind = 'new') as pages_new,
        count(*) filter (where change_kind = 'changed') as pages_changed,
        count(*) filter (where change_kind in ('unchanged', 'not_modified')) as pages_unchanged,
        max(fetched_at) filter (where is_success) as run_last_success_at
    from pages
    group by site_id, run_id
),

error_counts as (
    select
        site_id,
        run_id,
        min(occurred_at) as first_error_at,
        max(occurred_at) as last_error_at,
        count(distinct url) filter (where fetched_as = 'article') as pages_failed
    from fetch_errors
    group by site_id, run_id
),

published as (
    select
        site_id,
        run_id,
        max(coalesce(published_at, fetched_at)) as run_last_published_at
    from documents
    group by site_id, run_id
),

spine as (
    select
        site_id,
        run_id
    from crawl_runs
    union
    select
        site_id,
        run_id
    from page_counts
    union
    select
        site_id,
        run_id
    from error_counts
),

joined as (
    select
        spine.site_id,
        spine.run_id,
        coalesce(
            crawl_runs.started_at, least(page_counts.first_fetched_at, error_counts.first_error_at)
        ) as started_at,
        coalesce(
            crawl_runs.finished_at, greatest(page_counts.last_fetched_at, error_counts.last_error_at)
        ) as finished_at,
        coalesce(crawl_runs.pages_seen, page_counts.pages_seen, 0) as pages_seen,
        coalesce(crawl_runs.pages_new, page_counts.pages_new, 0) as pages_new,
        coalesce(crawl_runs.pages_changed, page_counts.pages_changed, 0) as pages_changed,
        coalesce(crawl_runs.pages_unchanged, page_counts.pages_unchanged, 0) as pages_unchanged,
        coalesce(crawl_runs.pages_failed, error_counts.pages_failed, 0) as pages_failed,
        page_counts.run_last_success_at,
        published.run_last_published_at
    from spine
    left join crawl_runs on spine.site_id = crawl_runs.site_id and spine.run_id = crawl_runs.run_id
    left join page_counts on spine.site_id = page_counts.site_id and spine.run_id = page_counts.run_id
    left join error_counts on spine.site_id = error_counts.site_id and spine.run_id = error_counts.run_id
    left join published on spine.site_id = published.site_id and spine.run_id = published.run_id
),

running as (
    select
        *,
        max(run_last_success_at) over site_history as last_success_at,
        max(run_last_published_at) over site_history as last_published_at
    from joined
    window site_history as (
        partition by site_id order by started_at, run_id rows between unbounded preceding and current row
    )
),

final as (
    select
        site_id,
        run_id,
        started_at,
        finished_at,
        cast(pages_seen as integer) as pages_seen,
        cast(pages_new as integer) as pages_new,
        cast(pages_changed as integer) as pages_changed,
        cast(pages_unchanged as integer) as pages_unchanged,
        cast(pages_failed as integer) as pages_failed,
        last_success_at,
        last_published_at,
        date_diff('day', cast(last_published_at as date), cast(started_at as date))
            as days_since_last_published
    from running
)

select * from final
