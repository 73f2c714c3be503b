"""Exit codes of the commands that run the pipeline (`run`, `demo`, `crawl`, `reclean`; docs/cli.md)."""

from __future__ import annotations

OK = 0  # the job completed; failed pages are recorded in landing/fetch_errors and retried next run
FAILED = 1  # nothing published (or landed): build, critical check, a write, or no site could be crawled
USAGE = 2  # a bad registry, an unknown --site
INCOMPLETE = 3  # completed for the other sites, but some site could not be crawled (listed)
BUSY = 75  # EX_TEMPFAIL of sysexits.h: another run holds the data directory; try again later
