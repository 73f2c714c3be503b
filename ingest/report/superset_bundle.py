"""Superset dashboards as code: datasets, charts and one dashboard on the published marts, written as
Superset's import bundle (`deploy/superset/bundle/`). Run `python -m ingest.report.superset_bundle`.

The SQL of the datasets is the SQL the report and exports run (`ingest/report/sql/`); display units
come from `labels.yaml`; column types are read from a published warehouse. UUIDs are derived
from names, so regenerating gives the same files.
"""

from __future__ import annotations

import argparse
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingest.paths import REPO_ROOT, DataPaths
from ingest.report.facts import _run, _sql, bilingual, facts_sql, labels, target_pairs_sql

BUNDLE_DIR = REPO_ROOT / "deploy" / "superset" / "bundle"
NAMESPACE = uuid.UUID("5b0c7c1e-4a5e-4d5f-9a51-7a6574616c21")  # fixed: stable UUIDs across runs
DATABASE_NAME = "xaetl warehouse"
DATABASE_FILE = "databases/xaetl_warehouse.yaml"
# Where the compose service mounts the published warehouse (read-only volume); import_bundle.py
# replaces it with the path of the environment it imports into.
CONTAINER_URI = "duckdb:////data/published/warehouse.duckdb"
# The same sandbox as `xaetl query`: read-only, no file or network access, settings locked.
CONNECT_ARGS = {
    "read_only": True,
    "config": {"enable_external_access": False, "lock_configuration": True, "memory_limit": "1GB"},
}
DASHBOARD_SLUG = "xaetl"


def _uuid(kind: str, name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{name}"))


@dataclass(frozen=True)
class Dataset:
    name: str
    sql: str
    temporal: str | None = None
    description: str = ""


@dataclass
class Chart:
    name: str
    dataset: str
    viz_type: str
    params: dict[str, Any]
    query: dict[str, Any]
    width: int = 12
    height: int = 50
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _display_sql() -> str:
    """Columns shown to people: the value in its display unit, bilingual labels."""
    units = labels()["units"]
    scale = " ".join(f"when '{u}' then {spec['scale']}" for u, spec in units.items() if spec["scale"] != 1)
    unit_vi = " ".join(f"when '{u}' then '{spec['vi']}'" for u, spec in units.items())
    return (
        f"base_value / (case base_unit {scale} else 1 end) as value_display,\n"
        # a count is shown in what it counts (`hộ`), as the report does (facts.unit_label)
        f"    case when base_unit = 'count' and counted_noun is not null then counted_noun\n"
        f"        else case base_unit {unit_vi} else base_unit end end as unit_vi,\n"
        "    indicator_vi || coalesce(' · ' || indicator_en, '') as indicator_label,\n"
        "    commune_name || ' · ' || indicator_vi || ' (' || period || ')' as fact_label,\n"
        # a trend needs two periods of the same series
        "    count(distinct period) over (partition by commune_id, indicator_key, kind, base_unit)"
        " as n_periods"
    )


def datasets(paths: DataPaths) -> list[Dataset]:
    facts = facts_sql(paths).strip().rstrip(";")
    shown = f"select\n    *,\n    {_display_sql()}\nfrom (\n{facts}\n) as facts"
    return [
        Dataset(
            "xaetl_facts",
            shown,
            temporal="period_end_date",
            description="fct_commune_indicators with commune, indicator, period and source quote",
        ),
        Dataset("xaetl_targets", target_pairs_sql(paths).strip()),
        Dataset(
            "xaetl_mentions",
            f"select\n    *,\n    case when is_mapped then '{bilingual('mapped')}'"
            f" else '{bilingual('unmapped')}' end as catalogue\n"
            f"from (\n{_sql('mentions_by_commune', where='true').strip()}\n) as mentions",
        ),
        Dataset("xaetl_crawl_health", _sql("crawl_health").strip(), temporal="finished_at"),
    ]


def _metric(sql: str, label: str) -> dict[str, Any]:
    return {"expressionType": "SQL", "sqlExpression": sql, "label": label}


def _where(sql: str) -> dict[str, Any]:
    return {"clause": "WHERE", "expressionType": "SQL", "sqlExpression": sql}


def _table(columns: list[str], where: str | None, order: list[tuple[str, bool]], limit: int = 1000) -> tuple:
    params = {
        "query_mode": "raw",
        "all_columns": columns,
        "order_by_cols": [json.dumps([c, asc]) for c, asc in order],
        "adhoc_filters": [_where(where)] if where else [],
        "row_limit": limit,
        "server_pagination": False,
        "include_search": True,
        "table_timestamp_format": "smart_date",
        "allow_render_html": False,
    }
    query = {
        "columns": columns,
        "orderby": [[c, asc] for c, asc in order],
        "row_limit": limit,
        "filters": [],
        "extras": {"where": f"({where})" if where else "", "having": ""},
    }
    return params, query


def _bars(
    axis: str, metric: dict[str, Any], where: str, groupby: list[str], horizontal: bool, limit: int
) -> tuple:
    params = {
        "x_axis": axis,
        "metrics": [metric],
        "groupby": groupby,
        "adhoc_filters": [_where(where)],
        "row_limit": limit,
        "orientation": "horizontal" if horizontal else "vertical",
        "x_axis_sort_asc": False,
        "x_axis_sort": metric["label"],
        "stack": "Stack" if groupby else None,
        "show_legend": bool(groupby),
        "legendOrientation": "top",
        "y_axis_format": "SMART_NUMBER",
        "truncateXAxis": True,
        "color_scheme": "supersetColors",
        "rich_tooltip": True,
        "only_total": True,
    }
    query = {
        "columns": [axis, *groupby],
        "metrics": [metric],
        "orderby": [[metric, False]],
        "row_limit": limit,
        "filters": [],
        "extras": {"where": f"({where})", "having": ""},
    }
    return params, query


def _hundred_line(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "annotationType": "FORMULA",
        "sourceType": "",
        "value": "100",
        "show": True,
        "showLabel": True,
        "showMarkers": False,
        "hideLine": False,
        "style": "dashed",
        "width": 2,
        "color": "#d1242f",
        "opacity": "",
        "overrides": {},
        "titleColumn": "",
        "descriptionColumns": [],
        "timeColumn": "",
        "intervalEndColumn": "",
    }


def charts() -> list[Chart]:
    t = labels()["text"]
    out: list[Chart] = []

    def big(name: str, dataset: str, metric: dict[str, Any], where: str | None = None) -> Chart:
        params = {
            "metric": metric,
            "adhoc_filters": [_where(where)] if where else [],
            "header_font_size": 0.4,
            "subheader_font_size": 0.15,
            "y_axis_format": "SMART_NUMBER",
            "subheader": "",
        }
        query = {
            "columns": [],
            "metrics": [metric],
            "row_limit": 1,
            "filters": [],
            "extras": {"where": f"({where})" if where else "", "having": ""},
        }
        return Chart(name, dataset, "big_number_total", params, query, width=3, height=20)

    out.append(big(bilingual("facts"), "xaetl_facts", _metric("count(*)", t["facts"]["vi"])))
    out.append(
        big(bilingual("communes"), "xaetl_facts", _metric("count(distinct commune_id)", t["communes"]["vi"]))
    )
    out.append(
        big(
            bilingual("mapped") + " (%)",
            "xaetl_mentions",
            _metric("100.0 * sum(case when is_mapped then n_mentions end) / sum(n_mentions)", "%"),
        )
    )
    out.append(
        big(bilingual("conflict"), "xaetl_facts", _metric("count(*)", t["conflict"]["vi"]), "has_conflict")
    )
    params, query = _table(
        [
            "province_name",
            "commune_name",
            "theme",
            "indicator_label",
            "period",
            "value_display",
            "unit_vi",
            "plan_pct",
            "yoy_pct",
            "approx",
            "has_breakdown",
            "quote",
            "url",
        ],
        "kind = 'actual'",
        [("commune_name", True), ("theme", True), ("indicator_label", True)],
    )
    out.append(Chart(bilingual("scorecard"), "xaetl_facts", "table", params, query, height=80))
    params, query = _bars(
        "fact_label",
        _metric("max(plan_pct)", t["plan_pct"]["vi"]),
        "kind = 'actual' and plan_pct is not null",
        [],
        True,
        60,
    )
    params["annotation_layers"] = [_hundred_line(bilingual("attainment_line"))]
    out.append(
        Chart(
            bilingual("attainment"),
            "xaetl_facts",
            "echarts_timeseries_bar",
            params,
            query,
            width=6,
            height=80,
        )
    )
    params, query = _bars(
        "target_label",
        _metric("max(pct_of_target)", t["targets_axis"]["vi"]),
        "pct_of_target is not null",
        [],
        True,
        60,
    )
    params["annotation_layers"] = [_hundred_line(f"{t['target']['vi']} · {t['target']['en']} = 100 %")]
    out.append(
        Chart(
            bilingual("targets"), "xaetl_targets", "echarts_timeseries_bar", params, query, width=6, height=80
        )
    )
    trend_metric = _metric("avg(value_display)", t["value"]["vi"])
    params = {
        "x_axis": "period_end_date",
        "time_grain_sqla": None,
        "metrics": [trend_metric],
        "groupby": ["commune_name", "indicator_label", "kind"],
        "adhoc_filters": [_where("period_end_date is not null and n_periods >= 2")],
        "row_limit": 10000,
        "series_limit": 20,
        "show_legend": True,
        "legendOrientation": "top",
        "markerEnabled": True,
        "markerSize": 8,
        "rich_tooltip": True,
        "x_axis_time_format": "%Y-%m-%d",
        "y_axis_format": "SMART_NUMBER",
        "color_scheme": "supersetColors",
    }
    query = {
        "columns": ["period_end_date", "commune_name", "indicator_label", "kind"],
        "metrics": [trend_metric],
        "orderby": [[trend_metric, False]],
        "row_limit": 10000,
        "series_limit": 20,
        "filters": [],
        "extras": {"where": "(period_end_date is not null and n_periods >= 2)", "having": ""},
    }
    out.append(
        Chart(
            bilingual("trends"),
            "xaetl_facts",
            "echarts_timeseries_line",
            params,
            query,
            height=60,
            description="Chọn một chỉ tiêu ở bộ lọc · Pick one indicator in the filter bar",
        )
    )
    params, query = _bars(
        "commune_name", _metric("sum(n_mentions)", t["mentions"]["vi"]), "true", ["catalogue"], True, 1000
    )
    out.append(
        Chart(bilingual("coverage"), "xaetl_mentions", "echarts_timeseries_bar", params, query, width=6)
    )
    params, query = _table(
        ["commune_name", "indicator_label", "period", "kind", "min_base_value", "max_base_value", "base_unit",
         "n_documents", "quote", "url"],
        "has_conflict",
        [("commune_name", True), ("indicator_label", True)],
    )  # fmt: skip
    out.append(Chart(bilingual("conflicts"), "xaetl_facts", "table", params, query, width=6))
    params, query = _table(
        ["site_id", "finished_at", "pages_seen", "pages_new", "pages_failed", "last_success_at",
         "days_since_last_published"],
        None,
        [("pages_failed", False), ("site_id", True)],
    )  # fmt: skip
    out.append(Chart(bilingual("crawl_health"), "xaetl_crawl_health", "table", params, query))
    return out


def _columns(paths: DataPaths, dataset: Dataset) -> list[dict[str, Any]]:
    rows = _run(paths, f"describe ({dataset.sql})")
    return [
        {
            "column_name": r["column_name"],
            "type": r["column_type"],
            "is_dttm": r["column_type"].startswith(("DATE", "TIMESTAMP")),
            "is_active": True,
            "filterable": True,
            "groupby": True,
            "expression": None,
            "description": None,
            "verbose_name": _verbose_name(r["column_name"]),
            "python_date_format": None,
            "extra": None,
            "advanced_data_type": None,
        }
        for r in rows
    ]


def _verbose_name(column: str) -> str | None:
    key = labels().get("columns", {}).get(column)
    return bilingual(key) if key else None


def bundle(paths: DataPaths) -> dict[str, dict[str, Any]]:
    """Every file of the bundle (path → YAML content), with column types read from `paths`."""
    database_uuid = _uuid("database", DATABASE_NAME)
    files: dict[str, dict[str, Any]] = {
        "metadata.yaml": {"version": "1.0.0", "type": "assets", "timestamp": "2026-01-01T00:00:00+00:00"},
        DATABASE_FILE: {
            "database_name": DATABASE_NAME,
            "sqlalchemy_uri": CONTAINER_URI,
            "cache_timeout": None,
            "expose_in_sqllab": True,
            "allow_run_async": False,
            "allow_ctas": False,
            "allow_cvas": False,
            "allow_dml": False,
            "allow_file_upload": False,
            "extra": {
                "engine_params": {"connect_args": CONNECT_ARGS},
                "metadata_params": {},
                "schemas_allowed_for_file_upload": [],
                "allows_virtual_table_explore": True,
            },
            "uuid": database_uuid,
            "version": "1.0.0",
        },
    }
    dataset_uuids = {}
    for ds in datasets(paths):
        dataset_uuids[ds.name] = _uuid("dataset", ds.name)
        files[f"datasets/xaetl_warehouse/{ds.name}.yaml"] = {
            "table_name": ds.name,
            "main_dttm_col": ds.temporal,
            "description": ds.description or None,
            "default_endpoint": None,
            "offset": 0,
            "cache_timeout": None,
            "schema": "main",
            "catalog": None,
            "sql": ds.sql,
            "params": None,
            "template_params": None,
            "filter_select_enabled": True,
            "fetch_values_predicate": None,
            "extra": None,
            "normalize_columns": False,
            "always_filter_main_dttm": False,
            "uuid": dataset_uuids[ds.name],
            "metrics": [
                {
                    "metric_name": "count",
                    "verbose_name": "COUNT(*)",
                    "metric_type": "count",
                    "expression": "COUNT(*)",
                    "description": None,
                    "d3format": None,
                    "currency": None,
                    "extra": None,
                    "warning_text": None,
                }
            ],
            "columns": _columns(paths, ds),
            "version": "1.0.0",
            "database_uuid": database_uuid,
        }
    chart_list = charts()
    for n, chart in enumerate(chart_list, start=1):
        params = {"viz_type": chart.viz_type, "datasource": f"{n}__table", **chart.params}
        query_context = {
            "datasource": {"id": n, "type": "table"},
            "force": False,
            "queries": [chart.query],
            "form_data": params,
            "result_format": "json",
            "result_type": "full",
        }
        files[f"charts/{_file_name(chart.name)}.yaml"] = {
            "slice_name": chart.name,
            "description": chart.description or None,
            "certified_by": None,
            "certification_details": None,
            "viz_type": chart.viz_type,
            "params": params,
            "query_context": json.dumps(query_context, ensure_ascii=False),
            "cache_timeout": None,
            "uuid": _uuid("chart", chart.name),
            "version": "1.0.0",
            "dataset_uuid": dataset_uuids[chart.dataset],
        }
    files["dashboards/xaetl.yaml"] = _dashboard(chart_list, dataset_uuids["xaetl_facts"])
    return files


def _file_name(name: str) -> str:
    ascii_name = name.split(" · ")[-1]
    return "".join(c if c.isalnum() else "_" for c in ascii_name).strip("_")


def _dashboard(chart_list: list[Chart], facts_uuid: str) -> dict[str, Any]:
    position: dict[str, Any] = {
        "DASHBOARD_VERSION_KEY": "v2",
        "ROOT_ID": {"children": ["GRID_ID"], "id": "ROOT_ID", "type": "ROOT"},
        "HEADER_ID": {"id": "HEADER_ID", "meta": {"text": bilingual("title")}, "type": "HEADER"},
        "GRID_ID": {"children": [], "id": "GRID_ID", "parents": ["ROOT_ID"], "type": "GRID"},
    }
    rows: list[list[tuple[int, Chart]]] = [[]]
    for n, chart in enumerate(chart_list, start=1):
        if sum(c.width for _, c in rows[-1]) + chart.width > 12:
            rows.append([])
        rows[-1].append((n, chart))
    for r, row in enumerate(rows, start=1):
        row_id = f"ROW-{r}"
        position["GRID_ID"]["children"].append(row_id)
        position[row_id] = {
            "children": [],
            "id": row_id,
            "meta": {"background": "BACKGROUND_TRANSPARENT"},
            "parents": ["ROOT_ID", "GRID_ID"],
            "type": "ROW",
        }
        for n, chart in row:
            chart_id = f"CHART-{n}"
            position[row_id]["children"].append(chart_id)
            position[chart_id] = {
                "children": [],
                "id": chart_id,
                "meta": {
                    "chartId": n,
                    "height": chart.height,
                    "width": chart.width,
                    "sliceName": chart.name,
                    "uuid": _uuid("chart", chart.name),
                },
                "parents": ["ROOT_ID", "GRID_ID", row_id],
                "type": "CHART",
            }
    filters = [
        ("province", "province_name"),
        ("commune", "commune_name"),
        ("theme", "theme"),
        ("period", "period"),
        ("indicator", "indicator_label"),
    ]
    return {
        "dashboard_title": bilingual("title"),
        "description": None,
        "css": "",
        "slug": DASHBOARD_SLUG,
        "certified_by": "",
        "certification_details": "",
        "published": True,
        "uuid": _uuid("dashboard", DASHBOARD_SLUG),
        "position": position,
        "metadata": {
            "color_scheme": "supersetColors",
            "cross_filters_enabled": True,
            "refresh_frequency": 0,
            "expanded_slices": {},
            "timed_refresh_immune_slices": [],
            "default_filters": "{}",
            "label_colors": {},
            "shared_label_colors": [],
            "color_scheme_domain": [],
            "chart_configuration": {},
            "global_chart_configuration": {},
            "native_filter_configuration": [
                {
                    "id": f"NATIVE_FILTER-{column}",
                    "name": bilingual(key),
                    "filterType": "filter_select",
                    "type": "NATIVE_FILTER",
                    "targets": [{"column": {"name": column}, "datasetUuid": facts_uuid}],
                    "controlValues": {
                        "enableEmptyFilter": False,
                        "defaultToFirstItem": False,
                        "multiSelect": key != "indicator",
                        "searchAllOptions": False,
                        "inverseSelection": False,
                    },
                    "defaultDataMask": {"extraFormData": {}, "filterState": {}, "ownState": {}},
                    "cascadeParentIds": [],
                    "scope": {"rootPath": ["ROOT_ID"], "excluded": []},
                    "description": "",
                }
                for key, column in filters
            ],
        },
        "version": "1.0.0",
    }


def write_bundle(files: dict[str, dict[str, Any]], out: Path) -> list[Path]:
    """Write the bundle under `out`, replacing what a previous run wrote there."""
    written = []
    for relative, content in sorted(files.items()):
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        header = (
            "# Generated by `python -m ingest.report.superset_bundle`: edit the generator, not this file.\n"
        )
        path.write_text(header + dump(content), encoding="utf-8")
        written.append(path)
    for stale in out.rglob("*.yaml"):
        if stale not in written:
            stale.unlink()
    return written


def dump(content: dict[str, Any]) -> str:
    return yaml.safe_dump(content, allow_unicode=True, sort_keys=True, width=100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="data/demo", help="a data dir with a published warehouse")
    parser.add_argument("--out", type=Path, default=BUNDLE_DIR)
    args = parser.parse_args()
    files = write_bundle(bundle(DataPaths.at(args.data_dir)), args.out)
    print(f"wrote {len(files)} files under {args.out}")


if __name__ == "__main__":
    main()
