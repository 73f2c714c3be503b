"""Measuring the product against material it was not written from: gold corpora, scorers, split.

Not part of the installed product: benchmarks and tests import it; the product never does.
"""
