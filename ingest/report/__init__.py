"""Reports, exports and dashboards on the published warehouse: what analysts look at and share."""
