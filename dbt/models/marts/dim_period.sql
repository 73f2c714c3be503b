-- stock_period: a stock (a level at a date, dim_indicator.measure = 'stock') measured at the end
-- of 2023-H1, 2023-Q2 or as-of:2023-06-30 is one figure. Codes of a calendar or a date ending on
-- the same day share one stock_period: the first of them in this order (a year, a half, nine
-- months, a quarter, a date), so a level is filed under the code analysts read most easily. Term
-- codes keep their own: a term "ends" 31 December only by convention (the congress sits earlier).
with

periods as (
    select * from {{ ref('int_periods_parsed') }}
),

ranked as (
    select
        *,
        case granularity
            when 'year' then 1
            when 'half' then 2
            when 'nine_months' then 3
            when 'quarter' then 4
            when 'as_of' then 5
        end as stock_label_rank
    from periods
),

final as (
    select
        period,
        granularity,
        period_start_date,
        period_end_date,
        term_id,
        case
            when stock_label_rank is null or period_end_date is null then period
            else
                first_value(period) over (
                    partition by period_end_date, term_id, stock_label_rank is null
                    order by stock_label_rank, period
                )
        end as stock_period
    from ranked
)

select * from final
