-- Per site and run: what the crawl did, and how fresh the site is as of that run. From the
-- crawl_runs rows alone (one per site × run, counts included), never a scan of the crawl log;
-- publication dates come from the current documents.
with

crawl_runs as (
    select * from {{ ref('stg_landing__crawl_runs') }}
),

documents as (
    select * from {{ ref('int_documents_latest') }}
),

published as (
    select
        site_id,
        run_id,
        max(coalesce(published_at, fetched_at)) as run_last_published_at
    from documents
    group by site_id, run_id
),

joined as (
    select
        crawl_runs.*,
        published.run_last_published_at,
        case
            when crawl_runs.pages_new + crawl_runs.pages_changed + crawl_runs.pages_unchanged
                + crawl_runs.pages_not_modified > 0
                then crawl_runs.finished_at
        end as run_last_success_at
    from crawl_runs
    left join published
        on crawl_runs.site_id = published.site_id and crawl_runs.run_id = published.run_id
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
        crawl_date,
        started_at,
        finished_at,
        cast(pages_seen as integer) as pages_seen,
        cast(pages_new as integer) as pages_new,
        cast(pages_changed as integer) as pages_changed,
        cast(pages_unchanged as integer) as pages_unchanged,
        cast(pages_not_modified as integer) as pages_not_modified,
        cast(pages_failed as integer) as pages_failed,
        cast(pages_clean_failed as integer) as pages_clean_failed,
        cast(n_requests as integer) as n_requests,
        cast(n_revisits as integer) as n_revisits,
        cast(n_revisits_deferred as integer) as n_revisits_deferred,
        cast(n_raw_audited as integer) as n_raw_audited,
        cast(n_raw_lost as integer) as n_raw_lost,
        last_success_at,
        last_published_at,
        date_diff('day', cast(last_published_at as date), cast(started_at as date))
            as days_since_last_published
    from running
)

select * from final
