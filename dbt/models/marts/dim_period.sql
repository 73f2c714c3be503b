with

periods as (
    select * from {{ ref('int_periods_parsed') }}
),

final as (
    select
        period,
        granularity,
        period_start_date,
        period_end_date,
        term_id
    from periods
)

select * from final
