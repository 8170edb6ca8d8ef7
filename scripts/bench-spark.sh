#!/usr/bin/env bash
# The cluster job in Spark's local mode beside the single process, on a JSON Lines corpus at 1x
# and 8x its size (copies with fresh ids), each the best of RUNS runs; checks that both give the
# same report (cmp) and prints per article the records' size (what the map step shuffles to the
# reduce groups) and the parts' size (the groups' exports, what the driver merges).
# usage: scripts/bench-spark.sh CORPUS.jsonl [RUNS] [MASTER]     (prints Markdown tables)
set -euo pipefail
corpus=${1:?usage: scripts/bench-spark.sh CORPUS.jsonl [RUNS] [MASTER]}
runs=${2:-3}
master=${3:-local[2]}
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
    if line:
        d = json.loads(line)
        d["id"] = str(d.get("id", "")) + "~" + k
        print(json.dumps(d, ensure_ascii=False))
' "$i" <"$corpus" >>"$out"
  done
}

# best wall time (s) of a command over $runs runs (exit 1, some input skipped, is accepted)
best() {
  local best_t=""
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>"$work/err" || [ $? = 1 ] \
      || { cat "$work/err" >&2; exit 1; }
    t=$(tail -1 "$work/time")
    if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; fi
  done
  echo "$best_t"
}

echo "| run | size | MB | docs | seconds | MB/s | docs/s | same report |"
echo "|---|---|---|---|---|---|---|---|"
sizes=()
for n in 1 8; do
  input="$work/corpus-$n.jsonl"
  make_copies "$n" "$input"
  bytes=$(stat -c %s "$input")
  docs=$(wc -l <"$input")
  mb=$(awk "BEGIN{printf \"%.1f\", $bytes/1e6}")
  t1=$(best "$bin" report "$input" --format json --quiet -o "$work/direct.json")
  t2=$(best python3 spark/claimdiff_spark.py --input "$input" --output "$work/spark.json" \
    --binary "$bin" --master "$master" --parts-out "$work/parts-$n.jsonl")
  grep -h '^claimdiff_spark:' "$work/err" >&2 || true
  same=$(cmp -s "$work/direct.json" "$work/spark.json" && echo yes || echo NO)
  for row in "single process (report --format json)|$t1" "Spark $master (claimdiff_spark.py)|$t2"; do
    t=${row##*|}
    awk -v name="${row%|*}" -v n="$n" -v mb="$mb" -v docs="$docs" -v t="$t" -v same="$same" \
      'BEGIN{printf "| %s | %sx | %s | %d | %.2f | %.1f | %.0f | %s |\n", name, n, mb, docs, t, mb/t, docs/t, same}'
  done
  "$bin" claims "$input" --format jsonl --records --quiet >"$work/records-$n.jsonl"
  sizes+=("$n $bytes $docs $(stat -c %s "$work/records-$n.jsonl") $(grep '^{"record":"document"' "$work/records-$n.jsonl" | wc -c) $(stat -c %s "$work/parts-$n.jsonl")")
done

echo
echo "| size | input bytes/article | shuffled records bytes/article | of which document lines | records / input | parts to the driver bytes/article |"
echo "|---|---|---|---|---|---|"
for s in "${sizes[@]}"; do
  read -r n bytes docs rec docbytes parts <<<"$s"
  awk -v n="$n" -v b="$bytes" -v d="$docs" -v r="$rec" -v db="$docbytes" -v p="$parts" \
    'BEGIN{printf "| %sx | %.0f | %.0f | %.0f | %.0f %% | %.0f |\n", n, b/d, r/d, db/d, 100*r/b, p/d}'
done
