-- The latest crawl of each site: pages seen and failed, days since the site last published.
select
    site_id,
    run_id,
    finished_at,
    pages_seen,
    pages_new,
    pages_failed,
    last_success_at,
    days_since_last_published
from fct_site_crawls
qualify row_number() over (partition by site_id order by finished_at desc nulls last, run_id desc) = 1
order by site_id
