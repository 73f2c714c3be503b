-- One row per site × run; a replayed part with another name is counted once.
-- 304 Not Modified answers are counts here, not page rows. The raw audit's figures are null for
-- rows landed before they were recorded (unknown, not zero).
with

source as (
    select * from {{ source('landing', 'crawl_runs') }}
),

final as (
    select
        crawl_date,
        run_id,
        site_id,
        started_at,
        finished_at,
        pages_seen,
        pages_new,
        pages_changed,
        pages_unchanged,
        coalesce(pages_not_modified, 0) as pages_not_modified,
        pages_failed,
        coalesce(pages_clean_failed, 0) as pages_clean_failed,
        requests as n_requests,
        documents_cleaned,
        coalesce(revisits, 0) as n_revisits,
        coalesce(revisits_deferred, 0) as n_revisits_deferred,
        raw_audited as n_raw_audited,
        raw_lost as n_raw_lost
    from source
    qualify row_number() over (partition by site_id, run_id order by finished_at desc) = 1
)

select * from final
