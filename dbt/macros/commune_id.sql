{#- Key of a commune as published: md5 of lower(province)|lower(district)|lower(commune). -#}
{% macro commune_id(province, district, commune) -%}
    md5(lower({{ province }}) || '|' || lower(coalesce({{ district }}, '')) || '|' || lower({{ commune }}))
{%- endmacro %}
