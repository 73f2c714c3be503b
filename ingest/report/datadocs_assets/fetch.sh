#!/usr/bin/env bash
# Re-create the vendored Data Docs assets from npm (run by a maintainer, never at run time).
# Versions are the ones the Great Expectations 1.24 Data Docs templates load from CDNs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
take() {  # take PACKAGE@VERSION FILE_IN_PACKAGE...
  local spec="$1"; shift
  local tgz; tgz="$(npm pack --silent "$spec" | tail -1)"
  mkdir -p "x/$spec" && tar xzf "$tgz" -C "x/$spec"
  for f in "$@"; do
    mkdir -p "$here/$(dirname "$f" | sed 's#^dist/##; s#^dist$#.#')"
    cp "x/$spec/package/$f" "$here/${f#dist/}"
  done
}
take jquery@3.7.1 dist/jquery.min.js
take popper.js@1.12.9 dist/umd/popper.min.js
take bootstrap@4.3.1 dist/css/bootstrap.min.css dist/js/bootstrap.min.js
take bootstrap-table@1.19.1 dist/bootstrap-table.min.css dist/bootstrap-table.min.js \
  dist/extensions/filter-control/bootstrap-table-filter-control.min.css \
  dist/extensions/filter-control/bootstrap-table-filter-control.min.js
take bootstrap-datepicker@1.9.0 dist/css/bootstrap-datepicker.min.css dist/js/bootstrap-datepicker.min.js
take @fortawesome/fontawesome-free@6.6.0 css/all.min.css webfonts/fa-solid-900.woff2 webfonts/fa-regular-400.woff2
