#!/usr/bin/env bash
# Fuzzes each target (text preparation, the whole analysis, the JSON Lines reader, HTML
# extraction) for SECONDS each (default 600) with cargo-fuzz and libFuzzer. cargo-fuzz wants a
# nightly compiler; RUSTC_BOOTSTRAP=1 lets the stable one accept its -Z flags. A crashing input
# is copied to tests/data/fuzz-regressions/TARGET/, where `cargo test` replays it.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."

secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(prepare analyze jsonl html)

command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1

# Seed corpora: the sample articles as text, as JSON Lines and as HTML.
for t in "${targets[@]}"; do mkdir -p "fuzz/corpus/$t"; done
for f in seeds/*.txt; do
  name=$(basename "$f" .txt)
  for t in prepare analyze; do [ -d "fuzz/corpus/$t" ] && cp "$f" "fuzz/corpus/$t/$name"; done
  if [ -d fuzz/corpus/jsonl ]; then
    python3 -c 'import json,sys; print(json.dumps({"id": sys.argv[1], "text": open(sys.argv[2]).read()}, ensure_ascii=False))' \
      "$name" "$f" > "fuzz/corpus/jsonl/$name" 2>/dev/null || true
  fi
  if [ -d fuzz/corpus/html ]; then
    { echo "<html><head><title>$name</title><meta name=\"date\" content=\"2025-01-22\"></head><body><nav>x</nav><article>"
      sed 's/^/<p>/; s/$/<\/p>/' "$f"; echo "</article><script>var a=1;</script></body></html>"; } > "fuzz/corpus/html/$name"
  fi
done

status=0
for t in "${targets[@]}"; do
  echo "fuzz: $t for ${secs}s"
  if ! cargo fuzz run "$t" -- -max_total_time="$secs" -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
      -print_final_stats=1; then
    status=1
    mkdir -p "tests/data/fuzz-regressions/$t"
    for a in fuzz/artifacts/"$t"/*; do
      [ -f "$a" ] && cp "$a" "tests/data/fuzz-regressions/$t/" && echo "fuzz: $t: kept $a"
    done
  fi
done
exit $status
