{#-
    Create the `landing` schema views that the sources point at, one per landing table.

    A source whose glob matches part files reads them with read_parquet (union_by_name, so
    parts written before a column was added still load; a declared column found in no part is
    a typed null); a source with no part yet (no fetch error ever, no crawl run landed) becomes
    an empty relation typed from the columns declared in _landing__sources.yml, so every
    downstream model builds unchanged.
-#}
{% macro create_landing_views() %}
    {% if execute %}
        {% set root = var('landing_root') %}
        {% do run_query('create schema if not exists landing') %}
        {% for node in graph.sources.values() if node.source_name == 'landing' %}
            {% set pattern = root ~ '/' ~ node.meta['glob'] %}
            {% set n_files = run_query("select count(*) from glob('" ~ pattern ~ "')").columns[0].values()[0] %}
            {% set present = [] %}
            {% if n_files > 0 %}
                {% set described = run_query(
                    "select column_name from (describe select * from read_parquet('" ~ pattern
                    ~ "', union_by_name = true, hive_partitioning = false))"
                ) %}
                {% for name in described.columns[0].values() %}
                    {% do present.append(name) %}
                {% endfor %}
            {% endif %}
            {% set columns = [] %}
            {% for column in node.columns.values() %}
                {% set name = adapter.quote(column.name) %}
                {% if column.name in present %}
                    {% do columns.append('cast(' ~ name ~ ' as ' ~ column.data_type ~ ') as ' ~ name) %}
                {% else %}
                    {#- declared but in no part yet (no file, or parts older than the column) -#}
                    {% do columns.append('cast(null as ' ~ column.data_type ~ ') as ' ~ name) %}
                {% endif %}
            {% endfor %}
            {% if n_files > 0 %}
                {% set body -%}
                    select {{ columns | join(', ') }}
                    from read_parquet('{{ pattern }}', union_by_name = true, hive_partitioning = false)
                {%- endset %}
            {% else %}
                {% set body -%}
                    select {{ columns | join(', ') }} where false
                {%- endset %}
            {% endif %}
            {% do run_query('create or replace view landing.' ~ node.name ~ ' as ' ~ body) %}
            {% do log('landing.' ~ node.name ~ ': ' ~ n_files ~ ' part file(s)', info=false) %}
        {% endfor %}
    {% endif %}
{% endmacro %}
