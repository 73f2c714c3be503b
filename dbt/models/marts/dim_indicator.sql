with

catalogue as (
    select * from {{ ref('indicator_catalogue') }}
),

final as (
    select
        indicator_id,
        name_vi,
        synonyms,
        theme,
        base_unit,
        cast(higher_is_better as boolean) as higher_is_better,
        description_en
    from catalogue
)

select * from final
