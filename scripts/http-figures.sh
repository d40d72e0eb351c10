#!/usr/bin/env bash
# Reproduces every figure of issue 20 (the HTTP path under concurrency) side by side, from the repository root after
# `mvn -B -o -DskipTests install && mvn -B -o -f bench -DskipTests package` (server jar and bench jar):
#   1. `lumbar bench` at SIZES (default 10k,100k; add 1M for the largest): Lumbar over HTTP, in process, Lucene alone
#      running Lumbar's query and raw Lucene, 2 clients, taking turns; once lexical, once with `--hybrid` (semantic
#      search on: a stored vector per passage, the repeating mix, and over HTTP and in process a stream where no
#      query repeats);
#   2. the bundled corpus served with semantic search on (its own database and index, every passage embedded before
#      any load), then `lumbar load --search-only` with the lay queries, for a repeating query mix and for a stream
#      where no query repeats: 1 and 16 connections for 30 s each with /health on the same server as the reference,
#      and 64 connections for 60 s with the server's heap after full collections (flat or not).
# Usage: scripts/http-figures.sh [OUT_DIR] [SIZES]   e.g. scripts/http-figures.sh target/http-figures 10k,100k,1M
# Database: LUMBAR_DB_URL (default jdbc:mariadb://127.0.0.1:3306/lumbar_http); the bench uses <db>_bench_<N>
# (kept between runs with HTTP_FIGURES_REUSE=1), the bundled corpus <db>_bundled (recreated). Needs curl and the
# mysql client. SKIP_BENCH=1 runs only part 2, SKIP_HYBRID=1 leaves out the hybrid bench lanes; SUMMARY_ONLY=1 prints
# the summary of OUT_DIR again without measuring.
set -euo pipefail
out=${1:-target/http-figures}
sizes=${2:-10k,100k}
port=${HTTP_FIGURES_PORT:-7199}
export LUMBAR_DB_URL=${LUMBAR_DB_URL:-jdbc:mariadb://127.0.0.1:3306/lumbar_http}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jvm=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
lumbar() { "$java" "${jvm[@]}" -jar bench/target/lumbar-bench.jar "$@"; }
mkdir -p "$out"
hostport=${LUMBAR_DB_URL#jdbc:mariadb://}; hostport=${hostport%%/*}
dbhost=${hostport%%:*}; dbport=${hostport#*:}; [ "$dbport" = "$hostport" ] && dbport=3306
db=${LUMBAR_DB_URL##*/}; db=${db%%\?*}
sql() { mysql -h "$dbhost" -P "$dbport" -u "${LUMBAR_DB_USER:-root}" ${LUMBAR_DB_PASSWORD:+-p"$LUMBAR_DB_PASSWORD"} -N -e "$1"; }
[ "${SUMMARY_ONLY:-0}" = 1 ] || {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "jdk: $("$java" -version 2>&1 | head -1)"
  echo "cpus: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
  echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

if [ "${SUMMARY_ONLY:-0}" != 1 ]; then
if [ "${SKIP_BENCH:-0}" != 1 ]; then
  lumbar bench --passages "$sizes" --clients 2 --duration 10 ${HTTP_FIGURES_REUSE:+--reuse} --out "$out/bench" \
    > "$out/bench.txt" 2> "$out/bench.log"
  echo "load average after the bench: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
  if [ "${SKIP_HYBRID:-0}" != 1 ]; then
    lumbar bench --hybrid --passages "$sizes" --clients 2 --duration 10 ${HTTP_FIGURES_REUSE:+--reuse} \
      --out "$out/bench" > "$out/bench-hybrid.txt" 2> "$out/bench-hybrid.log"
    echo "load average after the hybrid bench: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
  fi
fi

bundled=${db}_bundled
sql "DROP DATABASE IF EXISTS \`$bundled\`; CREATE DATABASE \`$bundled\`"
rm -rf "$out/bundled-index"
LUMBAR_DB_URL=${LUMBAR_DB_URL%/*}/$bundled LUMBAR_PORT=$port LUMBAR_INDEX_DIR=$out/bundled-index LUMBAR_SEMANTIC=on \
  "$java" "${jvm[@]}" -Xmx1g -jar target/lumbar.jar serve > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health" > /dev/null || { echo "the server did not start: $out/server.log" >&2; exit 1; }
# Every published passage embedded before any load: the worker would otherwise share the cores with it.
for _ in $(seq 1 600); do
  left=$(sql "SELECT (SELECT COUNT(*) FROM \`$bundled\`.passages WHERE status = 'published')
                   - (SELECT COUNT(DISTINCT passage_id) FROM \`$bundled\`.passage_vectors)")
  [ "$left" -le 0 ] && break
  sleep 1
done
echo "bundled corpus: $(curl -s "http://127.0.0.1:$port/health")" >> "$out/machine.txt"

lay=src/test/resources/eval/lay-queries.json
for stream in repeating unique; do
  for c in 1 16; do
    lumbar load --url "http://127.0.0.1:$port" --connections $c --duration 30 --warmup 5 --search-only \
      --stream $stream --queries $lay --health-reference --out "$out/load-$stream-$c.json" \
      > "$out/load-$stream-$c.txt" 2>&1 || true
  done
  lumbar load --url "http://127.0.0.1:$port" --connections 64 --duration 60 --warmup 5 --search-only \
    --stream $stream --queries $lay --server-pid $server --out "$out/load-$stream-64.json" \
    > "$out/load-$stream-64.txt" 2>&1 || true
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
kill $server 2>/dev/null || true
fi

echo "== machine"; cat "$out/machine.txt"
if [ -f "$out/bench.txt" ]; then
  echo "== bench (lexical lanes, then hybrid if run; ratios HTTP / in process and in process / Lucene alone below)"
  grep -hE '^(Lumbar benchmark|  |search|bulk|full|queries|no query repeats)' "$out/bench.txt" "$out/bench-hybrid.txt" \
    2> /dev/null || true
  for f in "$out"/bench/bench-[0-9]*.json "$out"/bench/bench-hybrid-*.json; do
    [ -f "$f" ] || continue
    python3 - "$f" <<'PY' || true
import json, sys
r = json.load(open(sys.argv[1])); s = r["search"]
http, inproc, alone = s["lumbarHttp"], s["lumbarInProcess"], s["luceneLumbarQuery"]
kind = "hybrid" if r["run"].get("hybrid") else "lexical"
line = (f'{r["run"]["passages"]:>9,} passages, {kind}: HTTP / in process {http["qps"] / inproc["qps"]:.2f}, '
        f'in process / Lucene alone {inproc["qps"] / alone["qps"]:.2f}, HTTP p99 {http["p99Ms"]:.1f} ms')
hu, iu = s.get("lumbarHttpUnique"), s.get("lumbarInProcessUnique")
if hu and iu:
    line += (f'; no query repeats: HTTP {hu["qps"]:.0f} q/s (p99 {hu["p99Ms"]:.1f} ms), in process '
             f'{iu["qps"]:.0f} q/s, HTTP / in process {hu["qps"] / iu["qps"]:.2f}')
print(line)
PY
  done
fi
echo "== bundled corpus, semantic on, lay queries, searches only"
printf '| stream | connections | searches/s | p50 ms | p99 ms | errors | /health per s | share of /health | heap |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n'
for stream in repeating unique; do
  for c in 1 16 64; do
    f=$out/load-$stream-$c.json
    [ -f "$f" ] || { echo "| $stream | $c | (no figures: see $out/load-$stream-$c.txt) |"; continue; }
    python3 - "$f" "$stream" "$c" <<'PY' || echo "| $stream | $c | (unreadable: $f) |"
import json, sys
r = json.load(open(sys.argv[1])); s = r["search"]; h = r.get("health")
errors = s["clientErrors"] + s["serverErrors"] + s["ioErrors"]
v = r.get("heapVerdict")
first, last = (float(v.get(k, "nan")) if v else float("nan") for k in ("afterFullGcFirstMb", "afterFullGcLastMb"))
heap = "" if not v else ("flat" if v["flat"] else "GROWING") + (
    f" ({first:.0f} -> {last:.0f} MB after full GC)" if first == first else "")
share = r.get("searchShareOfHealth")
print(f'| {sys.argv[2]} | {sys.argv[3]} | {s["perSecond"]:.0f} | {s["p50Ms"]:.1f} | {s["p99Ms"]:.1f} | {errors} | '
      f'{h["perSecond"]:.0f} | {100 * share:.0f} % | {heap} |' if h else
      f'| {sys.argv[2]} | {sys.argv[3]} | {s["perSecond"]:.0f} | {s["p50Ms"]:.1f} | {s["p99Ms"]:.1f} | {errors} | | | {heap} |')
PY
  done
done
