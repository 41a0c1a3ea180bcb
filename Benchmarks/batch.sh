#!/bin/sh
# The batch end to end: a generated corpus (1 GB by default, made once and kept in
# $CORPUS) through `finparse dump`, printing files/s, MB/s and peak RSS.
# By hand, from the repository root:
#
#     Benchmarks/batch.sh [size, default 1G] [jobs, default all cores]
set -eu
size=${1:-1G}
jobs=${2:-$(nproc)}
corpus=${CORPUS:-/tmp/finparse-corpus-$size}
[ -d "$corpus" ] || python3 scripts/make-corpus.py --out "$corpus" --size "$size" --seed 11
swift build -c release --product finparse > "$corpus.build.log" 2>&1 || { cat "$corpus.build.log"; exit 1; }
/usr/bin/time -f "%e %M %x" -o "$corpus.time" .build/release/finparse dump -q -j "$jobs" "$corpus" -o "$corpus.jsonl" || true
read -r seconds kilobytes status < "$corpus.time"
files=$(wc -l < "$corpus.jsonl")
bytes=$(du -sb "$corpus" | cut -f1)
largest=$(find "$corpus" -type f -printf "%s\n" | sort -n | tail -1)
awk -v s="$seconds" -v k="$kilobytes" -v f="$files" -v b="$bytes" -v l="$largest" -v j="$jobs" -v x="$status" 'BEGIN {
    printf "%d files, %.1f MB, jobs %d: %.1f s, %.0f files/s, %.2f MB/s, peak RSS %.0f MB (goal <= %.1f MB), exit %d\n",
        f, b / 1e6, j, s, f / s, b / 1e6 / s, k / 1024, 64 + 4 * l / 1048576, x
}'
