#!/bin/sh
# The 2-core speed-up on the 1,005-file batch of issue 7's "done when": 1,000 generated
# reports, the corpus .docx, a truncated .docx, an empty, a binary and an unreadable file.
# Runs `dump -j 1` and `dump -j <jobs>` in alternating rounds, so that a slow stretch of a
# shared host falls on both alike, and prints each round's speed-up, the ratio of the
# medians, the CPU use of the parallel runs (near 100% a core means finparse kept them
# busy; what is left is the host's per-core speed), and whether every run wrote the same
# bytes. Each round also runs <jobs> separate `dump -j 1` processes side by side, each on
# every <jobs>-th file: no threads shared, so their time is the host's own ceiling for the
# speed-up in that round, and `-j <jobs>`'s time against it is what finparse's threading
# costs. As root the runs are made as `nobody`, for whom the mode-000 file is unreadable.
# By hand, from the repository root:
#
#     Benchmarks/speedup.sh [rounds, default 5] [jobs, default all cores]
set -eu
rounds=${1:-5}
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

# The shares of the side-by-side runs: every <jobs>-th file, so that each gets a like mix.
find "$batch" -type f | LC_ALL=C sort > "$work/files"
shares=""
for k in $(seq "$jobs"); do
    awk -v n="$jobs" -v k="$k" 'NR % n == k % n' "$work/files" > "$work/share-$k"
    shares="$shares $work/share-$k"
done

for round in $(seq "$rounds"); do
    for j in 1 "$jobs"; do
        # The shell, not the run, opens the output: nobody need not write here.
        /usr/bin/time -f "$j %e %P %M %x" -o "$work/time" \
            $as_nobody "$work/finparse" dump -q -j "$j" "$batch" > "$work/out-$round-$j.jsonl" 2> "$work/err" || true
        tail -1 "$work/time" >> "$work/times"   # after time's "Command exited with non-zero status"
    done
    /usr/bin/time -f "side %e" -o "$work/time" sh -c '
        as_nobody=$1 finparse=$2; shift 2
        for share do $as_nobody "$finparse" dump -q -j 1 --files-from - < "$share" > "$share.jsonl" 2>/dev/null & done
        wait' sh "$as_nobody" "$work/finparse" $shares || true
    tail -1 "$work/time" >> "$work/times"
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
    $1 == "side" { side[n] = $2 }
    $1 != 1 && $1 != "side" { many[n] = $2; cpu[n] = $3; rssN = $4; exitN = $5 }
    END {
        printf "%-5s %8s %8s %9s %10s %12s %9s %12s\n", "round", "-j 1 s", "-j " jobs " s", "speed-up", "CPU use",
            "side by side", "ceiling", "of ceiling"
        for (i = 1; i <= n; i++) {
            ratio[i] = one[i] / many[i]; ceiling[i] = one[i] / side[i]; share[i] = side[i] / many[i]
            printf "%-5d %8.2f %8.2f %8.2fx %10s %12.2f %8.2fx %12.2f\n", i, one[i], many[i], ratio[i], cpu[i],
                side[i], ceiling[i], share[i]
        }
        m1 = median(one, n); mN = median(many, n); mS = median(side, n)
        printf "medians %.2f s / %.2f s: %.2fx; round by round %.2f-%.2fx (median %.2fx)\n",
            m1, mN, m1 / mN, min(ratio, n), max(ratio, n), median(ratio, n)
        printf "the host'"'"'s ceiling, %d processes side by side: median %.2f s, %.2fx; -j %d at %.2f-%.2f of it (median %.2f)\n",
            jobs, mS, m1 / mS, jobs, min(share, n), max(share, n), median(share, n)
        printf "%d lines, %d of them errors; exit %d / %d; peak RSS %.1f / %.1f MB; all runs the same bytes: %s\n",
            lines, errors, exit1, exitN, rss1 / 1024, rssN / 1024, same
    }
    function min(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
    function max(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
' "$work/times"
