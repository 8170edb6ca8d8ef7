#!/usr/bin/env bash
# End-to-end throughput and memory: `claims --format jsonl` and `report --format json` on a JSON
# Lines corpus at 1x, 2x, 4x and 8x its size (copies with fresh ids), each the best of RUNS runs,
# beside a plain scan of the same file in the same run (scripts/scan-cues.py: one thread, one
# regular expression of every cue form): "x scan" is how many times faster than that scan a
# command reads the file, "RSS/input" its peak memory over the input's size.
# usage: scripts/bench.sh CORPUS.jsonl [RUNS]      (prints a Markdown table)
set -euo pipefail
corpus=${1:?usage: scripts/bench.sh CORPUS.jsonl [RUNS]}
runs=${2:-3}
cd "$(dirname "$0")/.."
cargo build --release -q
bin=target/release/claimdiff
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# n copies of the corpus, each line's id suffixed so that ids stay unique
make_copies() {
  local n=$1 out=$2
  : >"$out"
  for i in $(seq 1 "$n"); do
    python3 -c '
import json, sys
k = sys.argv[1]
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    d = json.loads(line)
    d["id"] = str(d.get("id", "")) + "~" + k
    print(json.dumps(d, ensure_ascii=False))
' "$i" <"$corpus" >>"$out"
  done
}

# best wall time (s) and peak RSS (KB) of a command over $runs runs
measure() {
  local best_t="" best_m=""
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r t m <"$work/time"
    if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; best_m=$m; fi
  done
  echo "$best_t $best_m"
}

echo "| command | size | MB | docs | claims | seconds | MB/s | docs/s | claims/s | peak RSS MB | RSS/input | x scan |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in 1 2 4 8; do
  input="$work/corpus-$n.jsonl"
  make_copies "$n" "$input"
  bytes=$(stat -c %s "$input")
  docs=$(wc -l <"$input")
  claims=$("$bin" claims "$input" --format jsonl --quiet | wc -l)
  read -r scan_t scan_m < <(measure python3 scripts/scan-cues.py "$input")
  awk -v n="$n" -v b="$bytes" -v d="$docs" -v t="$scan_t" -v m="$scan_m" 'BEGIN{
    printf "| scan-cues.py (regex, one thread) | %dx | %.1f | %d | | %.2f | %.1f | %.0f | | %.1f | %.2f | 1.00 |\n", n, b/1e6, d, t, b/1e6/t, d/t, m/1024, m*1024/b }'
  for cmd in "claims --format jsonl" "report --format json"; do
    # shellcheck disable=SC2086
    read -r t m < <(measure "$bin" ${cmd} "$input" --quiet -o "$work/out")
    awk -v c="$cmd" -v n="$n" -v b="$bytes" -v d="$docs" -v k="$claims" -v t="$t" -v m="$m" -v s="$scan_t" 'BEGIN{
      printf "| %s | %dx | %.1f | %d | %d | %.2f | %.1f | %.0f | %.0f | %.1f | %.2f | %.2f |\n", c, n, b/1e6, d, k, t, b/1e6/t, d/t, k/t, m/1024, m*1024/b, s/t }'
  done
done
