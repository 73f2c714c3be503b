-- Mentions per commune, mapped to the catalogue or not: how much of what documents say the
-- catalogue understands.
select
    c.commune_id,
    c.commune_name,
    c.province_name,
    m.indicator_id is not null as is_mapped,
    i.theme,
    m.indicator,
    m.period,
    m.kind,
    count(*) as n_mentions
from fct_indicator_mentions as m
inner join dim_commune as c on m.commune_id = c.commune_id
left join dim_indicator as i on m.indicator_id = i.indicator_id
where {where}
group by all
order by c.province_name, c.commune_name, n_mentions desc
