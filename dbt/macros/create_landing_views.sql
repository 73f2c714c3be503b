{#-
    Create the `landing` schema views that the sources point at, one per landing table.

    Each source's `meta.glob` is relative to the store root (`var('store_root')`: a local
    directory, or `s3://bucket/prefix` read through the fsspec filesystem dbt-duckdb registers
    from profiles.yml, since DuckDB's httpfs cannot be installed offline). Parts are read with
    hive partitioning, so every view has `crawl_date` (the night of the run that landed it):
    models that only need what is new filter on it and DuckDB opens only those nights' files.
    union_by_name keeps parts written before a column was added readable (a declared column
    found in no part is a typed null); a source with no part yet becomes an empty relation typed
    from the columns declared in _landing__sources.yml, so every downstream model builds unchanged.
-#}
{% macro create_landing_views() %}
    {% if execute %}
        {% set root = var('store_root') %}
        {% do run_query('create schema if not exists landing') %}
        {% for node in graph.sources.values() if node.source_name == 'landing' %}
            {% set pattern = root ~ '/' ~ node.meta['glob'] %}
            {% set keys = node.meta.get('partitions', ['crawl_date', 'site']) %}
            {% set hive_types = [] %}
            {% for key in keys %}
                {% do hive_types.append("'" ~ key ~ "': " ~ ("date" if key == 'crawl_date' else "varchar")) %}
            {% endfor %}
            {% set reader -%}
                read_parquet('{{ pattern }}', union_by_name = true, hive_partitioning = true,
                    hive_types = { {{ hive_types | join(', ') }} })
            {%- endset %}
            {% set n_files = run_query(
                "select count(*) from glob('" ~ pattern ~ "') where file like '%.parquet'"
            ).columns[0].values()[0] %}
            {% set present = [] %}
            {% if n_files > 0 %}
                {% set described = run_query(
                    "select column_name from (describe select * from " ~ reader ~ ")"
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
                    select {{ columns | join(', ') }} from {{ reader }}
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
