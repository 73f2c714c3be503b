"""Great Expectations suites (as code) and the checkpoint run after dbt build."""
