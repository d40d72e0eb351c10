#!/usr/bin/env bash
# Reproduces every figure of issue 17 (docs/search-semantic.md): relevance with and without semantic search on the
# dev set, the lay set and both halves of the outside corpus beside the baselines, search p50/p99 in process on the
# bundled corpus, and the costs at 100 k passages (embedding time per passage, rebuild rate, memory, latency).
# Usage: scripts/semantic-figures.sh [OUT_DIR] [PASSAGES]   (run from the repository root after
# `mvn -B -o -DskipTests install && mvn -B -o -f bench -DskipTests package`; LUMBAR_DB_URL as for the server, default jdbc:mariadb://127.0.0.1:3306/lumbar_figures).
# Scratch databases: <db>_eval (recreated per outside run) and <db>_bench_semantic_<N> (recreated).
set -euo pipefail
out=${1:-target/semantic-figures}
passages=${2:-100k}
export LUMBAR_DB_URL=${LUMBAR_DB_URL:-jdbc:mariadb://127.0.0.1:3306/lumbar_figures}
mkdir -p "$out"
lumbar() { java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar bench/target/lumbar-bench.jar "$@"; }
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "jdk: $(java -version 2>&1 | head -1)"
  echo "cpus: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
  echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"
lumbar eval src/test/resources/eval/dev-queries.json --timed-rounds 30 > "$out/dev.txt"
lumbar eval src/test/resources/eval/lay-queries.json --timed-rounds 30 > "$out/lay.txt"
# Every split the outside queries name (tune, test, then the later batches fresh, fresh2, ...), in the order they
# first appear; the held-out batch (the last) is the honest estimate for pages nobody tuned on. Each twice: with all
# outside pages in one database, and with only that batch's pages beside the bundled ones (--corpus-split), as a
# fresh server importing one publisher's batch holds them.
splits=$(grep -o '"split" *: *"[^"]*"' src/test/resources/outside/queries.json | sed 's/.*"\([^"]*\)"$/\1/' \
  | awk '!seen[$0]++')
for split in $splits; do
  lumbar eval src/test/resources/outside/queries.json --corpus src/test/resources/outside --split "$split" \
    --timed-rounds 0 > "$out/outside-$split.txt"
  lumbar eval src/test/resources/outside/queries.json --corpus src/test/resources/outside --corpus-split "$split" \
    --split "$split" --timed-rounds 0 > "$out/batch-$split.txt"
done
lumbar bench --semantic --passages "$passages" --out "$out" > "$out/cost.txt"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
for f in machine dev lay $(for split in $splits; do echo "outside-$split"; done) \
  $(for split in $splits; do echo "batch-$split"; done); do
  echo "== $f"
  if [ "$f" = machine ]; then cat "$out/$f.txt"; else sed -n '/^ranker/,$p' "$out/$f.txt"; fi
done
echo "== cost"
cat "$out/cost.txt"
