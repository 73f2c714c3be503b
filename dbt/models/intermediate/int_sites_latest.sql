-- Every site the landing knows, with its latest registry entry and its commune key.
-- Sites seen in crawl runs or documents but never landed with the registry keep a commune key of
-- their own (flagged is_registered = false) so that their facts are kept, not dropped.
with

sites as (
    select * from {{ ref('stg_landing__sites') }}
),

documents as (
    select * from {{ ref('stg_landing__documents') }}
),

crawl_runs as (
    select * from {{ ref('stg_landing__crawl_runs') }}
),

latest_entry as (
    select
        *,
        min(registered_at) over (partition by site_id) as first_registered_at
    from sites
    qualify row_number() over (partition by site_id order by registered_at desc, run_id desc) = 1
),

seen_site_ids as (
    select
        site_id,
        min(started_at) as first_fetched_at
    from crawl_runs
    group by site_id
    union all
    select
        site_id,
        min(fetched_at) as first_fetched_at
    from documents
    group by site_id
),

seen_sites as (
    select
        site_id,
        min(first_fetched_at) as first_fetched_at
    from seen_site_ids
    group by site_id
),

all_sites as (
    select
        coalesce(latest_entry.site_id, seen_sites.site_id) as site_id,
        latest_entry.commune_name,
        latest_entry.district_name,
        latest_entry.province_name,
        latest_entry.family,
        latest_entry.base_url,
        latest_entry.site_id is not null as is_registered,
        least(latest_entry.first_registered_at, seen_sites.first_fetched_at) as first_seen_at
    from latest_entry
    full outer join seen_sites on latest_entry.site_id = seen_sites.site_id
),

final as (
    select
        *,
        case
            when is_registered
                then {{ commune_id('province_name', 'district_name', 'commune_name') }}
            else md5('unregistered-site|' || site_id)
        end as commune_id
    from all_sites
)

select * from final
