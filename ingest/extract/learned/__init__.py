"""Extractor components whose models are data files trained on the dev gold (`evaluation.learned`)."""
