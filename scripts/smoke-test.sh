#!/usr/bin/env bash
# Exercises the real `toasoan` binary as an operator would: bad configuration, the demo newspaper, a port in use,
# and an import from another process reaching the running site's pages.
#   scripts/smoke-test.sh PATH/TO/toasoan
set -euo pipefail
binary="${1:?usage: smoke-test.sh PATH/TO/toasoan}"
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
passed=0
failed=0
check() { # check NAME COMMAND...
  if "${@:2}"; then passed=$((passed + 1)); echo "ok   - $1"; else failed=$((failed + 1)); echo "FAIL - $1"; fi
}
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 1. Bad configuration exits non-zero and names every problem.
set +e
"$binary" serve --theme "$work/no-theme" --database "$work/missing/news.sqlite" --port 1 >"$work/bad.out" 2>&1
status=$?
set -e
check "bad configuration exits non-zero" test "$status" -ne 0
check "the message names the missing theme" grep -q "$work/no-theme" "$work/bad.out"
check "the message names the unusable database folder" grep -q "$work/missing" "$work/bad.out"

# 2. The demo newspaper.
port="$(free_port)"
"$binary" serve --demo --port "$port" --database "$work/news.sqlite" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
check "the server answers" curl -fs "http://127.0.0.1:$port/healthz" -o /dev/null
curl -fs "http://127.0.0.1:$port/" -o "$work/home.html"
check "the home page shows the demo newspaper" grep -q "Báo Tòa Soạn" "$work/home.html"
article="$(grep -o 'href="/[a-z0-9-]*-[0-9]*\.html"' "$work/home.html" | sed -n '1{s/href="//;s/"$//;p;}')"
check "the home page links to articles" test -n "$article"
check "an article page answers 200" curl -fs "http://127.0.0.1:$port$article" -o "$work/article.html"
check "the article page has the legal footer" grep -q "Tổng biên tập" "$work/article.html"
check "--demo prints one login per role while the server runs" test "$(grep -c '@toasoan.demo' "$work/server.log")" = 5
check "the newsroom login page answers 200" curl -fs "http://127.0.0.1:$port/toa-soan/dang-nhap" -o /dev/null
check "newsroom pages need a login" test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/toa-soan/")" = 303
check "an unknown page answers 404" test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/khong-co-999999.html")" = 404

# 3. A second server on the same port is refused with a clear message.
set +e
"$binary" serve --port "$port" --database "$work/other.sqlite" >"$work/busy.out" 2>&1
status=$?
set -e
check "a port in use exits non-zero" test "$status" -ne 0
check "the message says the port is in use" grep -q "already in use" "$work/busy.out"

# 4. --demo never seeds into a database that has content; an import from another process reaches the cached pages.
cat >"$work/new.jsonl" <<'JSONL'
{"id":"smoke-1","title":"Bài kiểm thử khói xuất hiện trên trang chủ","sapo":"Sapo của bài kiểm thử khói.","body":"Nội dung.","section":"thoi-su","tags":["kiểm thử"],"author":"Máy Kiểm Thử","published_at":"2026-01-01T08:00:00+07:00"}
JSONL
curl -fs "http://127.0.0.1:$port/thoi-su" -o /dev/null
"$binary" import "$work/new.jsonl" --database "$work/news.sqlite" >"$work/import.out" 2>&1
check "import from another process succeeds" grep -q "imported 1 articles" "$work/import.out"
sleep 1
found=0
for _ in $(seq 1 20); do
  curl -fs "http://127.0.0.1:$port/tag/kiem-thu" | grep -q "Bài kiểm thử khói" && { found=1; break; }
  sleep 0.1
done
check "the imported article is on its tag page" test "$found" = 1
check "the cached section page shows the imported article within a second" \
  sh -c "curl -fs 'http://127.0.0.1:$port/thoi-su' | grep -q 'Bài kiểm thử khói'"
check "search finds the imported article typed without diacritics" \
  sh -c "curl -fs 'http://127.0.0.1:$port/tim-kiem?q=kiem+thu+khoi' | grep -q 'kiểm thử khói'"
check "the search API finds it with its import id" \
  sh -c "curl -fs 'http://127.0.0.1:$port/api/v1/search?q=KI%E1%BB%82M%20TH%E1%BB%AC%20KH%C3%93I' | grep -q '\"external_id\":\"smoke-1\"'"
"$binary" reindex --database "$work/news.sqlite" >"$work/reindex.out" 2>&1
check "toasoan reindex rebuilds the index while the server runs" grep -q "rebuilt the search index" "$work/reindex.out"
check "search still finds it after the rebuild" \
  sh -c "curl -fs 'http://127.0.0.1:$port/tim-kiem?q=kiem+thu+khoi' | grep -q 'kiểm thử khói'"
kill -TERM "$server"
for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
check "the server stops on SIGTERM within 5 s" sh -c "! kill -0 $server 2>/dev/null"
wait "$server" 2>/dev/null || true; server=""
# An older schema (its last migration not applied) is refused by serve, and `toasoan migrate` brings it up to date.
last="$(sqlite3 "$work/news.sqlite" "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1")"
sqlite3 "$work/news.sqlite" "DELETE FROM grdb_migrations WHERE identifier = '$last'"
set +e
"$binary" serve --port "$port" --database "$work/news.sqlite" >"$work/behind.out" 2>&1
status=$?
set -e
check "serve refuses a database whose schema is behind, saying to run toasoan migrate" \
  sh -c "test $status -ne 0 && grep -q 'older than this toasoan' '$work/behind.out' && grep -q 'toasoan migrate' '$work/behind.out'"
"$binary" migrate --database "$work/news.sqlite" >"$work/migrate.out" 2>&1
check "toasoan migrate applies what is missing and says so" grep -q "applied 1 migration to .*: $last" "$work/migrate.out"
"$binary" serve --demo --port "$port" --database "$work/news.sqlite" >"$work/server2.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
check "--demo leaves a database with content alone" grep -q "was not seeded" "$work/server2.log"

# PostgreSQL (when the tests have a server): `serve` refuses a database without a schema; `toasoan migrate
# --database-url` sets up a schema of its own, then finds it up to date; `serve` then runs on it; no output ever shows
# the password.
if [[ -n "${TOASOAN_TEST_DATABASE_URL:-}" ]]; then
  schema="smoke_$$"
  separator="?"; [[ "$TOASOAN_TEST_DATABASE_URL" == *\?* ]] && separator="&"
  pg_url="$TOASOAN_TEST_DATABASE_URL${separator}search_path=$schema"
  psql -q "$TOASOAN_TEST_DATABASE_URL" -c "CREATE SCHEMA $schema"
  pg_port="$(free_port)"
  set +e
  "$binary" serve --port "$pg_port" --database-url "$pg_url" >"$work/pg-serve-empty.out" 2>&1
  status=$?
  set -e
  check "serve refuses a PostgreSQL database without a schema, saying to run toasoan migrate" \
    sh -c "test $status -ne 0 && grep -q 'no Tòa Soạn schema yet' '$work/pg-serve-empty.out' && grep -q 'toasoan migrate' '$work/pg-serve-empty.out'"
  "$binary" migrate --database-url "$pg_url" >"$work/pg-migrate.out" 2>&1 || true
  check "toasoan migrate --database-url sets up PostgreSQL" grep -q "^applied [0-9]* migrations to postgres://" "$work/pg-migrate.out"
  "$binary" migrate --database-url "$pg_url" >"$work/pg-migrate2.out" 2>&1 || true
  check "a second toasoan migrate finds PostgreSQL up to date" grep -q "is up to date" "$work/pg-migrate2.out"
  "$binary" serve --port "$pg_port" --database-url "$pg_url" --media-dir "$work/pg-media" >"$work/pg-serve.out" 2>&1 &
  pg_server=$!
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$pg_port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
  check "serve runs on a migrated PostgreSQL database" curl -fs -o /dev/null "http://127.0.0.1:$pg_port/"
  kill -TERM "$pg_server"; wait "$pg_server" 2>/dev/null || true
  password="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlparse(sys.argv[1]).password or "")' "$TOASOAN_TEST_DATABASE_URL")"
  check "the password is never printed" sh -c "[ -z '$password' ] || ! grep -qF ':$password@' '$work/pg-migrate.out' '$work/pg-migrate2.out' '$work/pg-serve-empty.out' '$work/pg-serve.out'"
  psql -q "$TOASOAN_TEST_DATABASE_URL" -c "SET client_min_messages = warning; DROP SCHEMA $schema CASCADE"
  # `toasoan copy` moves the demo newspaper (a snapshot of it: the server is still running) into an empty schema,
  # compares, and refuses to copy into a database that already holds one.
  copy_schema="smoke_copy_$$"
  copy_url="$TOASOAN_TEST_DATABASE_URL${separator}search_path=$copy_schema"
  psql -q "$TOASOAN_TEST_DATABASE_URL" -c "CREATE SCHEMA $copy_schema"
  sqlite3 "$work/news.sqlite" ".backup '$work/snapshot.sqlite'"
  "$binary" copy --from "$work/snapshot.sqlite" --to "$copy_url" >"$work/pg-copy.out" 2>&1 || true
  check "toasoan copy moves the demo newspaper into PostgreSQL and finds every table identical" \
    sh -c "grep -q '^  articles: [1-9][0-9]* rows' '$work/pg-copy.out' && grep -q 'tables: identical' '$work/pg-copy.out'"
  set +e
  "$binary" copy --from "$work/snapshot.sqlite" --to "$copy_url" >"$work/pg-copy2.out" 2>&1
  status=$?
  set -e
  check "a second copy into the same database is refused" \
    sh -c "test $status -ne 0 && grep -q 'already holds a newspaper' '$work/pg-copy2.out'"
  psql -q "$TOASOAN_TEST_DATABASE_URL" -c "SET client_min_messages = warning; DROP SCHEMA $copy_schema CASCADE"
elif [[ "${CI:-}" == "true" ]]; then
  failed=$((failed + 1)); echo "FAIL - TOASOAN_TEST_DATABASE_URL is not set (scripts/test.sh sets it)"
fi

echo "smoke: $passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
