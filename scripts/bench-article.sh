#!/usr/bin/env bash
# Measures the cached article page of the demo newspaper against nginx serving the very same HTML as a static file,
# in one run on this machine: requests per second, p99 latency, and the ratio toasoan/nginx.
#   scripts/bench-article.sh                 (DURATION=15 CONNECTIONS=64 THREADS=2 by default)
# Installs wrk and nginx when missing; builds toasoan in release mode. Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"

scripts/install-deps.sh --bench
swift build -c release --product toasoan
binary="$(swift build -c release --show-bin-path)/toasoan"
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

app_port="$(free_port)"
TOASOAN_LOG_LEVEL=warning "$binary" serve --demo --port "$app_port" --database "$work/news.sqlite" >"$work/toasoan.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
article="$(curl -fs "http://127.0.0.1:$app_port/" | grep -o 'href="/[a-z0-9-]*-[0-9]*\.html"' | sed -n '1{s/href="//;s/"$//;p;}')"
[[ -n "$article" ]] || { echo "bench: no article link on the home page" >&2; exit 1; }
mkdir -p "$work/www"
curl -fs "http://127.0.0.1:$app_port$article" -o "$work/www/article.html"
# nginx's workers run as an unprivileged user: let them read the page.
chmod a+rx "$work" "$work/www" && chmod a+r "$work/www/article.html"

nginx_port="$(free_port)"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location / { default_type "text/html; charset=utf-8"; }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$nginx_port/article.html" >/dev/null 2>&1 && break; sleep 0.1; done
cmp -s <(curl -fs "http://127.0.0.1:$nginx_port/article.html") <(curl -fs "http://127.0.0.1:$app_port$article") \
  || { echo "bench: nginx and toasoan do not serve the same bytes" >&2; exit 1; }

run() { # run NAME URL
  wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$2" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2" >"$work/$1.txt"
  local rps p99
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$work/$1.txt")"
  p99="$(awk '$1 == "99%" {print $2}' "$work/$1.txt")"
  printf '%s %s %s\n' "$1" "$rps" "$p99"
}
bytes="$(wc -c <"$work/www/article.html")"
echo "article: $article ($bytes bytes); wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) cores"
read -r _ app_rps app_p99 < <(run toasoan "http://127.0.0.1:$app_port$article")
read -r _ nginx_rps nginx_p99 < <(run nginx "http://127.0.0.1:$nginx_port/article.html")
ratio="$(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN { printf "%.2f", a / n }')"
printf '%-8s %12s %10s\n' "server" "req/s" "p99"
printf '%-8s %12s %10s\n' "toasoan" "$app_rps" "$app_p99"
printf '%-8s %12s %10s\n' "nginx" "$nginx_rps" "$nginx_p99"
echo "ratio toasoan/nginx: $ratio (target >= 0.5)"
awk -v r="$ratio" 'BEGIN { exit !(r >= 0.5) }' || { echo "bench: below target" >&2; exit 1; }
