"""The `xaetl` command line: one small module per command, each calling the library."""
