"""GX validation results as one line per failed expectation: which check, on which table, what was seen."""

from __future__ import annotations

from typing import Any

from great_expectations.core import ExpectationValidationResult

_KWARGS_SHOWN = (
    "column",
    "column_list",
    "column_A",
    "column_B",
    "min_value",
    "max_value",
    "value_set",
    "regex",
)


def severity_of(result: ExpectationValidationResult) -> str:
    config = result.expectation_config
    meta = (config.meta or {}) if config is not None else {}
    return str(meta.get("severity", "critical"))


def describe_check(result: ExpectationValidationResult) -> str:
    """`expect_column_values_to_be_between(column=base_value, min_value=0, max_value=1000 where
    base_unit == '%')`, prefixed by the human description when the suite gave one."""
    config = result.expectation_config
    if config is None:
        return "unknown expectation"
    kwargs = config.kwargs
    args = [f"{k}={_short(kwargs[k])}" for k in _KWARGS_SHOWN if kwargs.get(k) is not None]
    condition = kwargs.get("row_condition")
    where = f" where {_condition(condition)}" if condition else ""
    text = f"{config.type}({', '.join(args)}{where})"
    return f"{config.description} [{text}]" if config.description else text


def describe_observed(result: ExpectationValidationResult) -> str:
    """What the data showed: the error, the observed value, or the unexpected rows."""
    error = _exception_message(result.exception_info)
    if error:
        return f"error: {error}"
    res: dict[str, Any] = result.result or {}
    if "observed_value" in res:
        return f"observed {_short(res['observed_value'])}"
    if res.get("unexpected_count") is not None:
        sample = res.get("partial_unexpected_list") or []
        return f"{res['unexpected_count']} of {res.get('element_count')} rows unexpected" + (
            f", e.g. {_short(sample[:3])}" if sample else ""
        )
    return "failed"


def _exception_message(info: Any) -> str | None:
    if not info:
        return None
    if "raised_exception" in info:
        return info.get("exception_message") if info.get("raised_exception") else None
    for value in info.values():
        if isinstance(value, dict) and value.get("exception_message"):
            return str(value["exception_message"])
    return None


def _condition(condition: Any) -> str:
    if isinstance(condition, dict):  # serialised ComparisonCondition
        column = condition.get("column", {}).get("name")
        return f"{column} {condition.get('operator')} {_short(condition.get('parameter'))}"
    return str(condition)


def _plain(value: Any) -> Any:
    """numpy scalars and pandas timestamps as plain Python values, so they print readably."""
    if isinstance(value, list | tuple):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def _short(value: Any, limit: int = 160) -> str:
    value = _plain(value)
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
