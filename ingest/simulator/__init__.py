"""Portal simulator: a local HTTP server serving a bundled snapshot of commune portal sites."""
