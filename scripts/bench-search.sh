#!/usr/bin/env bash
# Measures full-text search over a generated corpus of 100,000 Vietnamese articles: p50 and p99 latency of 1-, 2- and
# 4-syllable queries with and without diacritics (200 queries a class), and indexing throughput (a reindex of 10,000
# stored articles, and a whole import of 10,000 articles into an empty store). Targets: p99 at most 10 ms per query,
# indexing at least 2,000 articles a second.
#   scripts/bench-search.sh                  (ARTICLES=100000 SEED=1; REBUILD=1 rebuilds the cached database)
#   FILTER='Indexing.*' scripts/bench-search.sh   runs only the benchmarks whose name matches
# Installs what is missing, generates the corpus into Benchmarks/.data/ when absent (a few minutes), builds the separate
# benchmark package (Benchmarks/, ordo-one/benchmark) in release mode, builds the search database once (cached in
# Benchmarks/.data/, rebuilt when the corpus or the store's migrations change), runs the benchmarks and prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES="${ARTICLES:-100000}"
SEED="${SEED:-1}"
FILTER="${FILTER:-.*}"
data="$PWD/Benchmarks/.data"
corpus="$data/corpus-$ARTICLES-s$SEED.jsonl"
queries="$data/queries-$ARTICLES-s$SEED.json"
export TOASOAN_BENCH_DATA="$data" TOASOAN_BENCH_ARTICLES="$ARTICLES" TOASOAN_BENCH_SEED="$SEED"

scripts/install-deps.sh
command -v python3 >/dev/null || { sudo=""; [[ "$(id -u)" -ne 0 ]] && sudo="sudo"; $sudo apt-get install -y --no-install-recommends python3; }

mkdir -p "$data"
# One run at a time: two would rebuild the same database under each other and measure each other.
exec 9>"$data/.lock"
flock -n 9 || { echo "bench-search: another run holds $data/.lock" >&2; exit 1; }
if [[ ! -s "$corpus" || ! -s "$queries" ]]; then
  echo "bench-search: generating $ARTICLES articles (seed $SEED) into $data" >&2
  python3 scripts/generate-corpus.py --count "$ARTICLES" --seed "$SEED" --output "$corpus" --queries "$queries"
fi

echo "bench-search: building Benchmarks/ in release mode" >&2
swift build -c release --package-path Benchmarks
bin="$(swift build -c release --package-path Benchmarks --show-bin-path)"
"$bin/search-bench-data" build ${REBUILD:+--rebuild}

results="$data/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
load_before="$(uptime)"
swift package --package-path Benchmarks --allow-writing-to-directory "$results" benchmark \
  --target SearchBenchmarks --filter "$FILTER" --format histogramPercentiles --path "$results" --no-progress \
  | tee "$results/run.log"
load_after="$(uptime)"

# One TSV per benchmark and metric: "Percentile<TAB>metric (unit)" then the lines "0<TAB>value" … "100<TAB>value".
percentile() { # percentile FILE P
  awk -F'\t' -v p="$2" 'NR > 1 && $1 == p { print $2 }' "$1"
}
unit() { head -1 "$1" | sed -n 's/.*(\([^()]*\))[^()]*$/\1/p'; }
count() { # count FILE P: a count, with the export's K/M scaling undone
  local u; u="$(unit "$1")"
  awk -v v="$(percentile "$1" "$2")" -v u="$u" 'BEGIN { printf "%d", v * ((u == "K") ? 1000 : (u == "M") ? 1000000 : 1) }'
}
to_ms() { # to_ms VALUE UNIT
  awk -v v="$1" -v u="$2" 'BEGIN {
    f = (u == "ns") ? 1e-6 : (u == "μs" || u == "us") ? 1e-3 : (u == "ms") ? 1 : (u == "s") ? 1000 : 1e-3
    printf "%.2f", v * f }'
}

echo
echo "corpus: $ARTICLES articles, $(du -m "$corpus" | cut -f1) MB of JSON Lines; database: $(du -cm "$data/search-$ARTICLES-s$SEED.sqlite"* | tail -1 | cut -f1) MB"
echo "load before: $load_before"
echo "load after:  $load_after"
echo
printf '%-36s %9s %9s %11s %11s\n' "query class" "p50 ms" "p99 ms" "hits p50" "hits p99"
worst="0"
for class in "1-syllable, with diacritics" "1-syllable, without diacritics" "2-syllable, with diacritics" \
  "2-syllable, without diacritics" "4-syllable, with diacritics" "4-syllable, without diacritics"; do
  key="$(printf 'Search %s' "$class" | tr ' /' '__')"
  wall="$(ls "$results"/*"$key".*allClock*.tsv 2>/dev/null | head -1 || true)"
  hits="$(ls "$results"/*"$key".*matches*.tsv 2>/dev/null | head -1 || true)"
  [[ -n "$wall" ]] || { printf '%-36s %9s\n' "$class" "(not run)"; continue; }
  u="$(unit "$wall")"
  p50="$(to_ms "$(percentile "$wall" 50)" "$u")"
  p99="$(to_ms "$(percentile "$wall" 99)" "$u")"
  worst="$(awk -v a="$worst" -v b="$p99" 'BEGIN { print (b > a) ? b : a }')"
  printf '%-36s %9s %9s %11s %11s\n' "$class" "$p50" "$p99" \
    "$( [[ -n "$hits" ]] && count "$hits" 50 || echo -)" "$( [[ -n "$hits" ]] && count "$hits" 99 || echo -)"
done
# Indexing: the reindex of stored articles (what the target is about), then a whole import (storing included).
echo
for kind in "reindex:reindex of 10,000 stored articles" "import:import of 10,000 articles into an empty store"; do
  pattern="${kind%%:*}"
  rate_file="$(ls "$results"/*Indexing*"$pattern"*articles_per_second*.tsv 2>/dev/null | head -1 || true)"
  [[ -n "$rate_file" ]] || continue
  cpu_file="$(ls "$results"/*Indexing*"$pattern"*cpuTotal*.tsv 2>/dev/null | head -1 || true)"
  printf 'indexing (%s): %s articles/s median, %s–%s over the runs' "${kind#*:}" \
    "$(percentile "$rate_file" 50)" "$(percentile "$rate_file" 0)" "$(percentile "$rate_file" 100)"
  # Per CPU second: what it would reach on an idle core (the wall clock suffers from other load).
  [[ -n "$cpu_file" ]] && awk -v ms="$(percentile "$cpu_file" 50)" -v u="$(unit "$cpu_file")" \
    'BEGIN { f = (u == "s") ? 1000 : (u == "μs" || u == "us") ? 0.001 : 1; printf "; %.0f per CPU second", 10000 / (ms * f / 1000) }'
  echo
done
echo
echo "targets: p99 <= 10 ms per query (worst class here: $worst ms), indexing >= 2000 articles/s"
echo "raw percentiles: $results"
