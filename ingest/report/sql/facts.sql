-- One row per reconciled fact, with its commune, indicator, period and the winning mention's
-- provenance (quote, document, URL): the rows behind the report, the xlsx and the CSV exports,
-- and the Superset facts dataset.
select
    f.commune_id,
    c.commune_name,
    c.district_name,
    c.province_name,
    f.term_id,
    f.period,
    p.granularity,
    p.period_start_date,
    p.period_end_date,
    f.indicator_key,
    f.indicator_id,
    coalesce(i.name_vi, m.indicator) as indicator_vi,
    i.name_en as indicator_en,
    i.theme,
    i.higher_is_better,
    i.counted_noun,
    i.measure,
    f.kind,
    f.value,
    f.value_high,
    f.unit,
    f.base_value,
    f.base_unit,
    f.approx,
    f.plan_pct,
    f.yoy_pct,
    f.n_mentions,
    f.n_documents,
    f.n_values,
    f.has_conflict,
    f.has_breakdown,
    f.winning_period,
    f.min_base_value,
    f.max_base_value,
    m.quote,
    m.url,
    d.title as document_title,
    d.doc_type,
    d.issue_date
from fct_commune_indicators as f
inner join dim_commune as c on f.commune_id = c.commune_id
left join dim_indicator as i on f.indicator_id = i.indicator_id
left join dim_period as p on f.period = p.period
left join fct_indicator_mentions as m on f.winning_mention_id = m.mention_id
left join dim_document as d on f.winning_document_version_id = d.document_version_id
where {where}
order by c.province_name, c.commune_name, i.theme, indicator_vi, p.period_end_date, f.kind
