"""Helpers shared by tests: small realistic landings and test doubles."""
