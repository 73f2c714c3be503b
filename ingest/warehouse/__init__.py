"""Warehouse side: run dbt, publish the read-only copy, answer analysts' queries."""
