-- Every period code used by a mention or as a document default, parsed (codes in docs/periods.md).
-- Calendar periods belong to the Party term whose (start, end] years contain their end date:
-- terms start in years divisible by five, so 2021..2025 -> 2020-2025, 2020 -> 2015-2020.
with

extracted as (
    select * from {{ ref('int_documents_extracted') }}
),

-- periods straight from the mention lists (cheaper than unnesting whole mentions)
document_periods as (
    select list_distinct(list_transform(extracted.mentions, lambda m: m.period)) as periods
    from extracted
    union all
    select [default_period] as periods
    from extracted
),

unnested_periods as (
    select unnest(periods) as period
    from document_periods
),

codes as (
    select distinct period
    from unnested_periods
    where period is not null
),

matched as (
    select
        period,
        regexp_extract(period, '^(\d{4})(-(H1|H2|9M|Q[1-4]))?$', ['y', 'part', 'suffix']) as calendar,
        regexp_extract(
            period, '^term-(\d{4})-(\d{4})(-(mid|start|second-half))?$', ['y1', 'y2', 'part', 'suffix']
        ) as term,
        try_strptime(regexp_extract(period, '^as-of:(\d{4}-\d{2}-\d{2})$', 1), '%Y-%m-%d')::date as as_of_date
    from codes
),

typed as (
    select
        matched.period,
        try_cast(nullif(calendar.y, '') as integer) as cal_year,
        nullif(calendar.suffix, '') as cal_suffix,
        try_cast(nullif(term.y1, '') as integer) as term_start_year,
        try_cast(nullif(term.y2, '') as integer) as term_end_year,
        nullif(term.suffix, '') as term_suffix,
        matched.as_of_date
    from matched
),

dated as (
    select
        period,
        case
            when cal_year is not null and cal_suffix is null then 'year'
            when cal_suffix in ('H1', 'H2') then 'half'
            when cal_suffix = '9M' then 'nine_months'
            when cal_suffix like 'Q%' then 'quarter'
            when term_start_year is not null and term_suffix is null then 'term'
            when term_suffix = 'mid' then 'term_mid'
            when term_suffix = 'start' then 'term_start'
            when term_suffix = 'second-half' then 'term_second_half'
            when as_of_date is not null then 'as_of'
        end as granularity,
        case
            when cal_suffix = 'H2' then make_date(cal_year, 7, 1)
            when cal_suffix like 'Q%'
                then make_date(cal_year, 3 * (right(cal_suffix, 1))::integer - 2, 1)
            when cal_year is not null then make_date(cal_year, 1, 1)
            when term_suffix = 'second-half' then make_date(term_start_year + 3, 7, 1)
            when term_suffix = 'start' then make_date(term_start_year, 12, 31)
            when term_start_year is not null then make_date(term_start_year, 1, 1)
            when as_of_date is not null then make_date(year(as_of_date), 1, 1)
        end as period_start_date,
        case
            when cal_suffix = 'H1' then make_date(cal_year, 6, 30)
            when cal_suffix = '9M' then make_date(cal_year, 9, 30)
            when cal_suffix like 'Q%'
                then last_day(make_date(cal_year, 3 * (right(cal_suffix, 1))::integer, 1))
            when cal_year is not null then make_date(cal_year, 12, 31)
            when term_suffix = 'mid' then make_date(term_start_year + 3, 6, 30)
            when term_suffix = 'start' then make_date(term_start_year, 12, 31)
            when term_start_year is not null then make_date(term_end_year, 12, 31)
            when as_of_date is not null then as_of_date
        end as period_end_date,
        term_start_year,
        term_end_year
    from typed
),

final as (
    select
        period,
        granularity,
        period_start_date,
        period_end_date,
        case
            when term_start_year is not null then term_start_year || '-' || term_end_year
            when period_end_date is not null
                then
                    (5 * ((year(period_end_date) - 1) // 5))
                    || '-'
                    || (5 * ((year(period_end_date) - 1) // 5) + 5)
        end as term_id
    from dated
)

select * from final
