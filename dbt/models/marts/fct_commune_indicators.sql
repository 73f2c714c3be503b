-- Reconciled value per commune × term × period × indicator × kind. The rules, in order
-- (documented in _marts__models.yml, tested by the unit tests in unit_tests/):
--   1. Near-duplicate documents count once: within a key, only the mentions of the
--      best-ranked document of each neardup_group are kept.
--   2. The winner is the best-ranked mention: a final figure before an estimate (approx =
--      false first), then the later document date (issue date, else publication, else fetch),
--      then the later fetch, then mention_id (deterministic).
--   3. Supporting mentions are those in the winner's base unit; n_mentions / n_documents
--      count them. Each supporting document is represented by its best-ranked mention (the
--      first in its text on ties): min/max_base_value span these document values.
--   4. has_conflict when the document values spread by more than the tolerance (var
--      reconciliation_tolerance, a share of the larger absolute value). Several figures for
--      one indicator inside one document (breakdowns) are not a conflict between sources.
--   5. plan_pct / yoy_pct come from the best-ranked agreeing mention (within the tolerance of
--      the winner) that states them.
with

mentions as (
    select * from {{ ref('fct_indicator_mentions') }}
),

keyed as (
    select
        *,
        coalesce(indicator_id, 'unmapped:' || indicator) as indicator_key,
        coalesce(issue_date, cast(published_at as date), cast(fetched_at as date)) as document_date
    from mentions
    where commune_id is not null and term_id is not null
),

ranked as (
    select
        *,
        row_number() over (
            partition by commune_id, term_id, period, indicator_key, kind
            order by approx asc, document_date desc, fetched_at desc, "start" asc, mention_id asc
        ) as mention_rank,
        first_value(document_version_id) over (
            partition by commune_id, term_id, period, indicator_key, kind, neardup_group
            order by approx asc, document_date desc, fetched_at desc, "start" asc, mention_id asc
        ) as group_document_version_id
    from keyed
),

deduplicated as (
    select * from ranked
    where document_version_id = group_document_version_id
),

winners as (
    select * from deduplicated
    qualify row_number() over (
            partition by commune_id, term_id, period, indicator_key, kind
            order by mention_rank
        ) = 1
),

supporting as (
    select
        deduplicated.*,
        abs(deduplicated.base_value - winners.base_value)
        <= {{ var('reconciliation_tolerance') }}
        * greatest(abs(deduplicated.base_value), abs(winners.base_value)) as agrees_with_winner
    from deduplicated
    inner join winners
        on
            deduplicated.commune_id = winners.commune_id
            and deduplicated.term_id = winners.term_id
            and deduplicated.period = winners.period
            and deduplicated.indicator_key = winners.indicator_key
            and deduplicated.kind = winners.kind
            and deduplicated.base_unit = winners.base_unit
),

document_values as (
    select
        *,
        row_number() over (
            partition by commune_id, term_id, period, indicator_key, kind, document_version_id
            order by mention_rank
        ) = 1 as is_document_value
    from supporting
),

summarised as (
    select
        commune_id,
        term_id,
        period,
        indicator_key,
        kind,
        count(*) as n_mentions,
        count(distinct document_version_id) as n_documents,
        min(base_value) filter (where is_document_value) as min_base_value,
        max(base_value) filter (where is_document_value) as max_base_value,
        arg_min(plan_pct, mention_rank) filter (where agrees_with_winner and plan_pct is not null)
            as plan_pct,
        arg_min(yoy_pct, mention_rank) filter (where agrees_with_winner and yoy_pct is not null) as yoy_pct
    from document_values
    group by all
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
        winners.base_value,
        winners.base_unit,
        summarised.plan_pct,
        summarised.yoy_pct,
        summarised.n_mentions,
        summarised.n_documents,
        summarised.max_base_value - summarised.min_base_value
        > {{ var('reconciliation_tolerance') }}
        * greatest(abs(summarised.max_base_value), abs(summarised.min_base_value)) as has_conflict,
        winners.mention_id as winning_mention_id,
        winners.document_id as winning_document_id,
        winners.document_version_id as winning_document_version_id,
        summarised.min_base_value,
        summarised.max_base_value
    from winners
    inner join summarised
        on
            winners.commune_id = summarised.commune_id
            and winners.term_id = summarised.term_id
            and winners.period = summarised.period
            and winners.indicator_key = summarised.indicator_key
            and winners.kind = summarised.kind
)

select * from final
