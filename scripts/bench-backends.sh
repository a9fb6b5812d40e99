#!/usr/bin/env bash
# Compares PostgreSQL with SQLite on the generated 100,000-article newspaper (scripts/bench-search.sh's corpus):
#   - the article page through HTTP (wrk): cached (one page asked again and again) and uncached (every request a page
#     the node has not rendered yet), at 1 and at CONNECTIONS connections, with the node's memory afterwards;
#   - the search page through HTTP (wrk), never cached, over the 1,200 benchmark queries;
#   - search in the store (ordo-one/benchmark, scripts/bench-search.sh with FILTER='Search.*'): p50 and p99 per query
#     class, on each backend;
#   - moving the newspaper: `toasoan copy` into PostgreSQL, and `toasoan reindex` of all 100,000 articles on each.
#   scripts/bench-backends.sh        (ARTICLES=100000 SEED=1 DURATION=15 CONNECTIONS=16; PARTS="copy pages search")
# PostgreSQL: TOASOAN_BENCH_DATABASE_URL names an empty database (or one this script filled before); without it the
# script starts the local test server (scripts/postgres-test-server.sh, root or sudo) and uses a database
# `toasoan_bench` on it, which it empties when the newspaper changed. Run it on a quiet machine: it takes about an
# hour the first time (the corpus, the database, the related-articles cache and the copy are kept in Benchmarks/.data/).
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES="${ARTICLES:-100000}"
SEED="${SEED:-1}"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-16}"
PARTS="${PARTS:-copy pages search}"
data="$PWD/Benchmarks/.data"
search_db="$data/search-$ARTICLES-s$SEED.sqlite"
newspaper="$data/newspaper-$ARTICLES-s$SEED.sqlite"
queries="$data/queries-$ARTICLES-s$SEED.json"
export TOASOAN_BENCH_DATA="$data" TOASOAN_BENCH_ARTICLES="$ARTICLES" TOASOAN_BENCH_SEED="$SEED"
sudo=""
[[ "$(id -u)" -ne 0 ]] && sudo="sudo"
say() { echo "bench-backends: $*" >&2; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

scripts/install-deps.sh --bench
mkdir -p "$data"
exec 9>"$data/.lock"
flock -n 9 || { say "another benchmark holds $data/.lock"; exit 1; }

# The PostgreSQL database.
if [[ -n "${TOASOAN_BENCH_DATABASE_URL:-}" ]]; then
  url="$TOASOAN_BENCH_DATABASE_URL"
  own_database=""
else
  scripts/postgres-test-server.sh >/dev/null
  url="postgres://toasoan:toasoan@127.0.0.1:5432/toasoan_bench"
  own_database="toasoan_bench"
fi
psql_url() { psql "$url" -v ON_ERROR_STOP=1 -qAt "$@"; }
recreate_database() {
  [[ -n "$own_database" ]] || { say "$url holds another newspaper: empty it (or unset TOASOAN_BENCH_DATABASE_URL)"; exit 1; }
  $sudo runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q <<SQL
DROP DATABASE IF EXISTS $own_database;
CREATE DATABASE $own_database OWNER toasoan ENCODING 'UTF8' TEMPLATE template0;
SQL
}

say "building toasoan in release mode"
swift build -c release --product toasoan
toasoan="$(swift build -c release --show-bin-path)/toasoan"
server=""
trap 'if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; fi' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# The search database (built by the benchmark package from the corpus), then the newspaper: a copy of it whose
# related-articles cache a first `serve` has filled, as a newspaper in service has. Both are kept between runs.
if [[ ! -s "$search_db" || ! -s "$search_db.manifest.json" ]] || [[ " $PARTS " == *" search "* ]]; then
  say "building Benchmarks/ in release mode"
  swift build -c release --package-path Benchmarks
  "$(swift build -c release --package-path Benchmarks --show-bin-path)/search-bench-data" build
fi
stamp="$(cat "$search_db.manifest.json")"
if [[ ! -s "$newspaper" || "$(cat "$newspaper.manifest.json" 2>/dev/null)" != "$stamp" ]]; then
  say "making $newspaper from $search_db and filling its related-articles cache"
  rm -f "$newspaper" "$newspaper-wal" "$newspaper-shm" "$newspaper.manifest.json"
  python3 -c 'import sqlite3, sys; s = sqlite3.connect(sys.argv[1]); d = sqlite3.connect(sys.argv[2]); s.backup(d); d.close()' \
    "$search_db" "$newspaper"
  port="$(free_port)"
  started="$(date +%s.%N)"
  TOASOAN_LOG_LEVEL=info "$toasoan" serve --port "$port" --database "$newspaper" --media-dir "$data/media" \
    >"$data/newspaper-build.log" 2>&1 &
  server=$!
  until grep -q "recomputed related articles" "$data/newspaper-build.log"; do
    kill -0 "$server" 2>/dev/null || { cat "$data/newspaper-build.log" >&2; say "serve stopped"; exit 1; }
    sleep 2
  done
  say "related-articles cache of $ARTICLES articles built in $(elapsed "$started") s"
  kill "$server"; wait "$server" || true
  server=""
  echo "$stamp" >"$newspaper.manifest.json"
  rm -f "$data/postgres.manifest.json"
fi

results="$data/results/backends-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
summary="$results/summary.txt"
note() { echo "$*" | tee -a "$summary"; }
note "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB; $(psql_url -c 'SHOW server_version' 2>/dev/null | sed 's/^/PostgreSQL /' || echo 'PostgreSQL not reachable yet')"
note "load before: $(uptime)"

# The same newspaper in PostgreSQL, copied once per newspaper.
if [[ "$(cat "$data/postgres.manifest.json" 2>/dev/null)" != "$url $stamp" ]]; then
  if [[ -n "$own_database" ]] || [[ "$(psql_url -c "SELECT count(*) FROM information_schema.tables WHERE table_name = 'articles'")" != "0" ]]; then
    recreate_database
  fi
  say "copying the newspaper into PostgreSQL"
  started="$(date +%s.%N)"
  TOASOAN_LOG_LEVEL=warning "$toasoan" copy --from "$newspaper" --to "$url" | tee "$results/copy.log"
  note "toasoan copy of $ARTICLES articles into PostgreSQL (tables, search index, comparison): $(elapsed "$started") s"
  psql_url -c "SET client_min_messages = error" -c "VACUUM ANALYZE"
  echo "$url $stamp" >"$data/postgres.manifest.json"
fi
note "database sizes: SQLite $(du -cm "$newspaper"* | awk '/total/ {print $1}') MB; PostgreSQL $(psql_url -c 'SELECT pg_database_size(current_database()) / 1048576') MB"

if [[ " $PARTS " == *" copy "* ]]; then
  for backend in sqlite postgres; do
    if [[ "$backend" == sqlite ]]; then where=(--database "$newspaper"); else where=(--database-url "$url"); fi
    started="$(date +%s.%N)"
    TOASOAN_LOG_LEVEL=warning "$toasoan" reindex "${where[@]}" >"$results/reindex-$backend.log" 2>&1
    note "toasoan reindex of $ARTICLES articles on $backend: $(elapsed "$started") s"
  done
fi

if [[ " $PARTS " == *" pages "* ]]; then
  # Article paths in a random order (the same for both backends), and the search pages of every benchmark query.
  python3 - "$newspaper" "$queries" "$results" <<'PY'
import json, random, sqlite3, sys, urllib.parse
newspaper, queries, results = sys.argv[1:4]
db = sqlite3.connect(f"file:{newspaper}?mode=ro", uri=True)
paths = [f"/{slug}-{id}.html" for id, slug in db.execute(
    "SELECT a.id, v.slug FROM articles a JOIN article_versions v ON v.id = a.published_version_id"
    " WHERE a.status = 'published' ORDER BY a.id")]
random.Random(1).shuffle(paths)
open(f"{results}/article-paths.txt", "w").write("\n".join(paths) + "\n")
classes = json.load(open(queries))["classes"]
searches = [f"/tim-kiem?q={urllib.parse.quote(q)}" for name in classes for q in classes[name]]
random.Random(2).shuffle(searches)
open(f"{results}/search-paths.txt", "w").write("\n".join(searches) + "\n")
PY
  total="$(wc -l <"$results/article-paths.txt")"
  note "pages: $total published articles; wrk for ${DURATION} s per run (2 threads, 1 for one connection)"
  run_wrk() { # run_wrk NAME CONNECTIONS URL [PATHS FIRST LAST]: prints "req/s p50 p99"
    local name="$1" connections="$2" target="$3"; shift 3
    local threads=$((connections < 2 ? connections : 2)) arguments=("$target")
    # With a paths file, each request asks for its next line (the file, the lines, the threads sharing them).
    [[ $# -gt 0 ]] && arguments=(-s scripts/wrk-paths.lua "$target" -- "$@" "$threads")
    wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency "${arguments[@]}" >"$results/$name.txt"
    if grep -q "Non-2xx" "$results/$name.txt"; then cat "$results/$name.txt" >&2; say "$name: error answers"; exit 1; fi
    if [[ "$name" == *article-uncached* ]] && grep -q "paths repeated: [1-9]" "$results/$name.txt"; then say "$name: ran out of distinct pages (raise ARTICLES or lower DURATION)"; fi
    printf '%s %s %s\n' "$(awk '/^Requests\/sec:/ {print $2}' "$results/$name.txt")" \
      "$(awk '$1 == "50%" {print $2}' "$results/$name.txt")" "$(awk '$1 == "99%" {print $2}' "$results/$name.txt")"
  }
  row() { # row LABEL NAME CONNECTIONS URL [PATHS FIRST LAST]: runs wrk and adds a line to the summary
    local label="$1" measured
    shift
    measured="$(run_wrk "$@")"
    printf '%-9s %-34s %10s %9s %9s\n' "$backend" "$label" $measured | tee -a "$summary"
  }
  printf '%-9s %-34s %10s %9s %9s\n' backend "page (connections)" "req/s" p50 p99 | tee -a "$summary"
  for backend in sqlite postgres; do
    if [[ "$backend" == sqlite ]]; then where=(--database "$newspaper"); else where=(--database-url "$url"); fi
    port="$(free_port)"
    TOASOAN_LOG_LEVEL=warning "$toasoan" serve --port "$port" "${where[@]}" --media-dir "$data/media" \
      >"$results/serve-$backend.log" 2>&1 &
    server=$!
    for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
    base="http://127.0.0.1:$port"
    # Distinct pages: lines 1–4,000 warm the node up, then each run takes a range of its own, so that no page is
    # asked twice in a backend's runs (the node restarts with an empty cache for the other backend).
    wrk -t2 -c"$CONNECTIONS" -d3s -s scripts/wrk-paths.lua "$base" -- "$results/article-paths.txt" 1 4000 2 >/dev/null
    row "article, uncached (1)" "$backend-article-uncached-c1" 1 "$base" "$results/article-paths.txt" 4001 20000
    row "article, uncached ($CONNECTIONS)" "$backend-article-uncached-c$CONNECTIONS" "$CONNECTIONS" "$base" \
      "$results/article-paths.txt" 20001 "$total"
    page="$(head -1 "$results/article-paths.txt")"
    wrk -t2 -c64 -d2s "$base$page" >/dev/null
    row "article, cached (64)" "$backend-article-cached-c64" 64 "$base$page"
    row "search page (1)" "$backend-search-page-c1" 1 "$base" "$results/search-paths.txt" 1 100000
    row "search page ($CONNECTIONS)" "$backend-search-page-c$CONNECTIONS" "$CONNECTIONS" "$base" "$results/search-paths.txt" 1 100000
    # Resident memory, split: the SQLite file mapped into memory (mmap) is the OS cache, not the node's own.
    note "$backend node: $(awk '/^VmHWM:/ {h = $2} /^RssAnon:/ {a = $2} /^RssFile:/ {f = $2}
      END { printf "%d MB peak resident; now %d MB private, %d MB of mapped files", h / 1024, a / 1024, f / 1024 }' "/proc/$server/status")"
    kill "$server"; wait "$server" || true
    server=""
  done
fi

if [[ " $PARTS " == *" search "* ]]; then
  # bench-search.sh takes the lock itself.
  exec 9>&-
  say "search in the store, SQLite"
  FILTER='Search.*' scripts/bench-search.sh | tee "$results/search-sqlite.log" | sed -n '/^query class/,/^$/p' | tee -a "$summary"
  say "search in the store, PostgreSQL"
  TOASOAN_BENCH_DATABASE_URL="$url" FILTER='Search.*' scripts/bench-search.sh | tee "$results/search-postgres.log" \
    | sed -n '/^query class/,/^$/p' | tee -a "$summary"
fi
note "load after: $(uptime)"
say "results in $results"
