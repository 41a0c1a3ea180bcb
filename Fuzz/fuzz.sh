#!/bin/sh
# Fuzzes the whole parse of one input format with libFuzzer, by hand (not in CI):
#
#     Fuzz/fuzz.sh FORMAT [SECONDS]    FORMAT: text, html, docx, doc, document-xml, sheet-xml, xls or archive
#
# Starts from pieces of Corpus/ (make-seeds.py), keeps what it learns in
# $FUZZ_WORK/FORMAT/corpus, and leaves any input that crashed, hung (over 10 s), took
# over a second (slow-unit-*: some 64 KB/s, where a parse runs at 20 MB/s) or
# ran out of memory (over 2 GB) in $FUZZ_WORK/FORMAT/artifacts. Replay one with
#     FINPARSE_FUZZ_FORMAT=FORMAT FINPARSE_FUZZ_STDERR=show Fuzz/.build/release/FuzzParse ARTIFACT
# With ASAN=1 the Swift code and the C shims are also built with AddressSanitizer (in
# Fuzz/.build-asan, about 3 times slower), which finds bad reads and writes in the shims
# that would not crash. ICU, libxml2 and zlib are the system's, not instrumented.
# MAX_LEN=N lets inputs grow to N bytes (default 65536): larger inputs make more pieces
# for the two-thread and streamed checks, and fewer runs a second.
set -eu
format=$1
seconds=${2:-600}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${FUZZ_WORK:-/tmp/finparse-fuzz}/$format
cd "$root/Fuzz"
sanitizers=fuzzer build=.build
[ "${ASAN:-0}" = 1 ] && sanitizers=fuzzer,address build=.build-asan
swift build -c release --scratch-path "$build" --product FuzzParse \
    -Xswiftc -sanitize="$sanitizers" -Xcc -fsanitize="$(echo "$sanitizers" | sed 's/fuzzer/fuzzer-no-link/')"
[ -d "$work/seeds" ] || ./make-seeds.py "$format" "$work/seeds"
mkdir -p "$work/corpus" "$work/artifacts"
# libFuzzer's own crash handler, not Swift's backtracer, so that the input is saved.
export SWIFT_BACKTRACE=enable=no
# What a parse writes to stderr is captured (a finding); a crash inside a parse leaves
# libFuzzer's report in this file, beside the crash-… input it saves.
export FINPARSE_FUZZ_STDERR_FILE="$work/artifacts/stderr-of-the-last-input.txt"
FINPARSE_FUZZ_FORMAT=$format exec "$build/release/FuzzParse" "$work/corpus" "$work/seeds" \
    -max_total_time="$seconds" -timeout=10 -report_slow_units=1 -rss_limit_mb=2048 -max_len="${MAX_LEN:-65536}" \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1
