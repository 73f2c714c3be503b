"""Learned extractor components: small models trained on the dev gold, kept as data files beside them."""
