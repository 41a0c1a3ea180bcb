#!/bin/sh
# python-docx + jieba (what researchers write today, python_baseline.py) against
# `finparse dump`, on the same large .docx: wall time and peak RSS of both, one run.
# finparse runs twice over: the whole report as JSON and its figures as CSV (the python
# script's output), both streamed (nothing of the report held whole); both also from a
# build with the Swift runtime linked in (--static-swift-stdlib), whose pages cost less
# RSS than the shared libraries'. The static build takes a few minutes the first time.
# By hand, from the repository root (needs python3-venv and network for pip):
#
#     Benchmarks/Comparison/compare.sh [MB of document.xml, default 20]
set -eu
size=${1:-20}
work=${WORK:-/tmp/finparse-comparison}
here=$(dirname "$0")
mkdir -p "$work"

[ -x "$work/venv/bin/python" ] || python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q python-docx==1.2.0 jieba==0.42.1
swift build -c release --product finparse > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
swift build -c release --product finparse --static-swift-stdlib --scratch-path .build-static > "$work/build.log" 2>&1 ||
    { cat "$work/build.log"; exit 1; }
python3 "$here/make_large_docx.py" Corpus/docx/yongzhou-yingji-2021-juesuan.docx "$work/large.docx" "$size"
# jieba builds its dictionary cache on first use: not part of the comparison.
"$work/venv/bin/python" -c "import jieba; jieba.initialize()" 2>/dev/null

run() { # label, command…
    label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/$label.out" 2>/dev/null
    read -r seconds kilobytes < "$work/time"
    echo "$label $seconds $kilobytes"
}
{
    run python "$work/venv/bin/python" "$here/python_baseline.py" "$work/large.docx"
    run json-j1 .build/release/finparse dump -j 1 "$work/large.docx"
    run json-all-cores .build/release/finparse dump "$work/large.docx"
    run csv-figures-j1 .build/release/finparse dump -j 1 --format csv --table figures "$work/large.docx"
    run csv-figures-all-cores .build/release/finparse dump --format csv --table figures "$work/large.docx"
    run static-json-j1 .build-static/release/finparse dump -j 1 "$work/large.docx"
    run static-json-all-cores .build-static/release/finparse dump "$work/large.docx"
    run static-csv-j1 .build-static/release/finparse dump -j 1 --format csv --table figures "$work/large.docx"
    run static-csv-all-cores .build-static/release/finparse dump --format csv --table figures "$work/large.docx"
} | awk '
    { time[NR] = $2; rss[NR] = $3 / 1024; name[NR] = $1 }
    END {
        printf "%-22s %10s %12s %10s %12s\n", "run", "seconds", "peak RSS MB", "speed-up", "memory ratio"
        for (i = 1; i <= NR; i++)
            printf "%-22s %10.2f %12.1f %9.1fx %12.3f\n", name[i], time[i], rss[i], time[1] / time[i], rss[i] / rss[1]
    }'
