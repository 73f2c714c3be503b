-- One row per site × run; a replayed part with another name is counted once.
with

source as (
    select * from {{ source('landing', 'crawl_runs') }}
),

final as (
    select
        run_id,
        site_id,
        started_at,
        finished_at,
        pages_seen,
        pages_new,
        pages_changed,
        pages_unchanged,
        pages_failed,
        requests as n_requests,
        documents_cleaned
    from source
    qualify row_number() over (partition by site_id, run_id order by finished_at desc) = 1
)

select * from final
