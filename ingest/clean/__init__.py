"""Cleaning: portal boilerplate and duplicated content out, Vietnamese text normalised."""
