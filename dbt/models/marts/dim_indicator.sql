with

catalogue as (
    select * from {{ ref('indicator_catalogue') }}
),

final as (
    select
        indicator_id,
        name_vi,
        name_en,
        synonyms,
        theme,
        base_unit,
        nullif(counted_noun, '') as counted_noun,
        measure,
        cast(higher_is_better as boolean) as higher_is_better,
        description_en
    from catalogue
)

select * from final
