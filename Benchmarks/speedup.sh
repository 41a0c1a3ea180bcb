#!/bin/sh
# The 2-core speed-up on the 1,005-file batch of issue 7's "done when": 1,000 generated
# reports, the corpus .docx, a truncated .docx, an empty, a binary and an unreadable file.
# Runs `dump -j 1` and `dump -j <jobs>` in alternating pairs, so that a slow stretch of a
# shared host falls on both alike, and prints each pair's speed-up, the ratio of the
# medians, the CPU use of the parallel runs (near 100% a core means finparse kept them
# busy; what is left is the host's per-core speed), and whether every run wrote the same
# bytes. As root the runs are made as `nobody`, for whom the mode-000 file is unreadable.
# By hand, from the repository root:
#
#     Benchmarks/speedup.sh [pairs, default 5] [jobs, default all cores]
set -eu
pairs=${1:-5}
jobs=${2:-$(nproc)}
[ "$jobs" -ge 2 ] || { echo "speedup.sh: a speed-up needs 2 jobs or more (got $jobs)" >&2; exit 64; }
batch=${BATCH:-/tmp/finparse-batch-1005}
work=$batch.runs

if [ ! -d "$batch" ]; then
    python3 scripts/make-corpus.py --out "$batch" --count 1000 --seed 7
    cp Corpus/docx/yongzhou-yingji-2021-juesuan.docx "$batch/zz-report.docx"
    head -c 15000 Corpus/docx/yongzhou-yingji-2021-juesuan.docx > "$batch/zz-truncated.docx"
    : > "$batch/zz-empty.txt"
    head -c 4096 /bin/ls > "$batch/zz-binary.txt"
    cp Corpus/yongzhou-yingji-2021-juesuan.txt "$batch/zz-unreadable.txt"
    chmod 000 "$batch/zz-unreadable.txt"
fi
swift build -c release --product finparse > "$batch.build.log" 2>&1 || { cat "$batch.build.log"; exit 1; }
rm -rf "$work" && mkdir -p "$work"
cp .build/release/finparse "$work/finparse" && chmod 755 "$work" "$work/finparse"
as_nobody=""
[ "$(id -u)" = 0 ] && as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"

for pair in $(seq "$pairs"); do
    for j in 1 "$jobs"; do
        # The shell, not the run, opens the output: nobody need not write here.
        /usr/bin/time -f "$j %e %P %M %x" -o "$work/time" \
            $as_nobody "$work/finparse" dump -q -j "$j" "$batch" > "$work/out-$pair-$j.jsonl" 2> "$work/err" || true
        tail -1 "$work/time" >> "$work/times"   # after time's "Command exited with non-zero status"
    done
done

same=yes
for out in "$work"/out-*.jsonl; do cmp -s "$out" "$work/out-1-1.jsonl" || same=no; done
lines=$(wc -l < "$work/out-1-1.jsonl")
errors=$(grep -c '"error"' "$work/out-1-1.jsonl" || true)
awk -v jobs="$jobs" -v same="$same" -v lines="$lines" -v errors="$errors" '
    function median(a, n,   i, j, t) {
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    $1 == 1 { one[++n] = $2; rss1 = $4; exit1 = $5 }
    $1 != 1 { many[n] = $2; cpu[n] = $3; rssN = $4; exitN = $5 }
    END {
        printf "%-5s %10s %10s %9s %14s\n", "pair", "-j 1 s", "-j " jobs " s", "speed-up", "-j " jobs " CPU use"
        for (i = 1; i <= n; i++) {
            printf "%-5d %10.2f %10.2f %8.2fx %14s\n", i, one[i], many[i], one[i] / many[i], cpu[i]
            ratio[i] = one[i] / many[i]
        }
        m1 = median(one, n); mN = median(many, n)
        printf "medians %.2f s / %.2f s: %.2fx; pair by pair %.2f-%.2fx (median %.2fx)\n",
            m1, mN, m1 / mN, min(ratio, n), max(ratio, n), median(ratio, n)
        printf "%d lines, %d of them errors; exit %d / %d; peak RSS %.1f / %.1f MB; all runs the same bytes: %s\n",
            lines, errors, exit1, exitN, rss1 / 1024, rssN / 1024, same
    }
    function min(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
    function max(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
' "$work/times"
