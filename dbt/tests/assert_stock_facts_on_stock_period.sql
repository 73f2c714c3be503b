-- Critical: a stock (a level at a date) is one fact per date, filed under dim_period.stock_period,
-- so `2023-H1` and `as-of:2023-06-30` never show one level twice (docs/marts.md). Lists the facts
-- of a stock indicator whose period is not its own stock_period.
{{ config(severity='error') }}

with

facts as (
    select * from {{ ref('fct_commune_indicators') }}
),

indicators as (
    select * from {{ ref('dim_indicator') }}
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        facts.commune_id,
        facts.term_id,
        facts.period,
        periods.stock_period,
        facts.indicator_id,
        facts.kind
    from facts
    inner join indicators on facts.indicator_id = indicators.indicator_id
    inner join periods on facts.period = periods.period
    where indicators.measure = 'stock' and facts.period is distinct from periods.stock_period
)

select * from final
