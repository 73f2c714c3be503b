-- Each target with the latest actual of the same commune, indicator and unit that ends no later than
-- the target's period (a 2030 target is held against the newest figure so far): where a commune
-- stands against what it aims for. One source for the report and the Superset dataset; the facts
-- CTE is facts.sql.
with

facts as (
{facts}
),

paired as (
    select
        t.*,
        a.term_id as actual_term_id,
        a.period as actual_period,
        a.base_value as actual_base_value,
        a.quote as actual_quote,
        a.url as actual_url
    from facts as t
    inner join facts as a
        on
            t.commune_id = a.commune_id
            and t.indicator_key = a.indicator_key
            and t.base_unit = a.base_unit
            and a.period_end_date <= t.period_end_date
    where
        t.kind = 'target' and a.kind = 'actual'
        and t.period_end_date is not null and a.period_end_date is not null
    qualify row_number() over (
        partition by t.commune_id, t.term_id, t.period, t.indicator_key
        order by a.period_end_date desc, a.period_start_date desc, a.period
    ) = 1
)

select
    commune_id,
    commune_name,
    province_name,
    theme,
    indicator_key,
    indicator_vi,
    indicator_en,
    term_id,
    period as target_period,
    base_value as target_base_value,
    base_unit,
    actual_term_id,
    actual_period,
    actual_base_value,
    100.0 * actual_base_value / nullif(base_value, 0) as pct_of_target,
    coalesce(higher_is_better, true) = (actual_base_value >= base_value)
    or actual_base_value = base_value as is_met,
    commune_name || ' · ' || indicator_vi || ' (' || period || ')' as target_label,
    quote as target_quote,
    url as target_url,
    actual_quote,
    actual_url
from paired
order by province_name, commune_name, indicator_vi, target_period
