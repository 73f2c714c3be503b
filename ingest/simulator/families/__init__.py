"""Per-family page templates of the simulated portals (Thanh Hóa, Liferay-like, WordPress-like)."""
