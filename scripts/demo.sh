#!/usr/bin/env bash
# Set up the environment and run the whole nightly job on the bundled portal simulator.
source "$(dirname "$0")/_uv.sh"
exec "${UV[@]}" run --frozen --no-sync xaetl demo "$@"
