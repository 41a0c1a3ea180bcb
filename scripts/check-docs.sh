#!/usr/bin/env bash
# Builds the library's DocC documentation and fails on any warning: a symbol link that
# names no symbol, a parameter left undocumented. Needs the toolchain's docc (Swift 6.3
# ships it); run from anywhere, writes nothing into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --target FinParse -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$work/all" >/dev/null
mkdir "$work/graphs"
cp "$work"/all/FinParse*.symbols.json "$work/graphs/"
docc convert Sources/FinParse/FinParse.docc --additional-symbol-graph-dir "$work/graphs" \
    --fallback-display-name FinParse --fallback-bundle-identifier org.finparse.FinParse \
    --output-path "$work/FinParse.doccarchive" --warnings-as-errors
echo "DocC: no warnings"
