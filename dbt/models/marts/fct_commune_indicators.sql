-- Reconciled value per commune × term × period × indicator × kind (the fact key, computed once
-- in `keyed`). The rules, in order (documented in _marts__models.yml, tested by the unit tests
-- in _marts__unit_tests.yml):
--   0. A stock (dim_indicator.measure) is a level at a date: its mentions are filed under the
--      period's dim_period.stock_period, so `2023-H1` and `as-of:2023-06-30` make one fact.
--      A flow, and an indicator outside the catalogue, keeps its own period code.
--   1. Near-duplicate documents count once: within a key, only the mentions of the
--      best-ranked document of each neardup_group are kept.
--   2. The winner is the best-ranked mention: a total before its own breakdown items (a mention
--      whose part_of_mention_id points at a mention of the same key and document), a final
--      figure before an estimate (approx = false first), then the later document date (issue
--      date, else publication, else fetch), then the later fetch, then the earlier position.
--   3. Supporting mentions are those in the winner's base unit; n_mentions / n_documents /
--      n_values count them. Each supporting document is represented by its best-ranked mention
--      (its total, not an item of its breakdown): min/max_base_value span these document values.
--   4. has_conflict when the document values spread by more than the tolerance (var
--      reconciliation_tolerance, a share of the larger absolute value). Several values inside
--      one document are a breakdown (has_breakdown), never a conflict between sources.
--   5. plan_pct / yoy_pct come from the best-ranked agreeing mention (within the tolerance of
--      the winner, not a breakdown item) that states them.
{% set best_first -%}
    is_breakdown_item asc, approx asc, document_date desc, fetched_at desc, "start" asc, mention_id asc
{%- endset %}
{% set tolerance = var('reconciliation_tolerance') %}

with

mentions as (
    select * from {{ ref('fct_indicator_mentions') }}
),

indicators as (
    select * from {{ ref('dim_indicator') }}
),

periods as (
    select * from {{ ref('dim_period') }}
),

filed as (
    select
        mentions.* exclude (period),
        mentions.period as mention_period,
        coalesce(mentions.indicator_id, 'unmapped:' || mentions.indicator) as indicator_key,
        case
            when indicators.measure = 'stock' then coalesce(periods.stock_period, mentions.period)
            else mentions.period
        end as period,
        coalesce(
            mentions.issue_date, cast(mentions.published_at as date), cast(mentions.fetched_at as date)
        ) as document_date
    from mentions
    left join indicators on mentions.indicator_id = indicators.indicator_id
    left join periods on mentions.period = periods.period
    where mentions.commune_id is not null and mentions.term_id is not null
),

keyed as (
    select
        *,
        -- the grain of this model; every window and join below goes by it
        md5(concat_ws('|', commune_id, term_id, period, indicator_key, kind)) as fact_key
    from filed
),

itemised as (
    select
        *,
        coalesce(
            list_contains(
                list(mention_id) over (partition by fact_key, document_version_id), part_of_mention_id
            ),
            false
        ) as is_breakdown_item
    from keyed
),

ranked as (
    select
        *,
        row_number() over (partition by fact_key order by {{ best_first }}) as mention_rank,
        first_value(document_version_id) over (
            partition by fact_key, neardup_group order by {{ best_first }}
        ) as group_document_version_id
    from itemised
),

deduplicated as (
    select * from ranked
    where document_version_id = group_document_version_id
),

winners as (
    select * from deduplicated
    qualify row_number() over (partition by fact_key order by mention_rank) = 1
),

supporting as (
    select
        deduplicated.*,
        abs(deduplicated.base_value - winners.base_value)
        <= {{ tolerance }} * greatest(abs(deduplicated.base_value), abs(winners.base_value))
        and not deduplicated.is_breakdown_item as agrees_with_winner
    from deduplicated
    inner join winners
        on
            deduplicated.fact_key = winners.fact_key
            and deduplicated.base_unit = winners.base_unit
),

document_values as (
    select
        *,
        row_number() over (partition by fact_key, document_version_id order by mention_rank) = 1
            as is_document_value,
        coalesce(
            min(base_value) over (partition by fact_key, document_version_id)
            <> max(base_value) over (partition by fact_key, document_version_id),
            false
        ) as document_has_several_values
    from supporting
),

summarised as (
    select
        fact_key,
        count(*) as n_mentions,
        count(distinct document_version_id) as n_documents,
        count(distinct base_value) as n_values,
        bool_or(is_breakdown_item or document_has_several_values) as has_breakdown,
        min(base_value) filter (where is_document_value) as min_base_value,
        max(base_value) filter (where is_document_value) as max_base_value,
        arg_min(plan_pct, mention_rank) filter (where agrees_with_winner and plan_pct is not null)
            as plan_pct,
        arg_min(yoy_pct, mention_rank) filter (where agrees_with_winner and yoy_pct is not null) as yoy_pct
    from document_values
    group by fact_key
),

final as (
    select
        winners.commune_id,
        winners.term_id,
        winners.period,
        winners.indicator_key,
        winners.indicator_id,
        winners.kind,
        winners.value,
        winners.value_high,
        winners.unit,
        winners.base_value,
        winners.base_unit,
        winners.approx,
        summarised.plan_pct,
        summarised.yoy_pct,
        summarised.n_mentions,
        summarised.n_documents,
        summarised.n_values,
        summarised.max_base_value - summarised.min_base_value
        > {{ tolerance }} * greatest(abs(summarised.max_base_value), abs(summarised.min_base_value))
            as has_conflict,
        summarised.has_breakdown,
        winners.mention_id as winning_mention_id,
        winners.document_id as winning_document_id,
        winners.document_version_id as winning_document_version_id,
        winners.mention_period as winning_period,
        summarised.min_base_value,
        summarised.max_base_value
    from winners
    inner join summarised on winners.fact_key = summarised.fact_key
)

select * from final
