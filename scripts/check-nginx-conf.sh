#!/usr/bin/env bash
# Checks the example nginx configuration (deploy/nginx.conf, a file for /etc/nginx/conf.d/) with `nginx -t`, inside a
# minimal main configuration of its own, so that neither root nor an installed site is needed.
#   scripts/check-nginx-conf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { echo "check-nginx-conf: nginx is missing (scripts/install-deps.sh --test installs it)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/logs"
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/logs/error.log;
events {}
http {
  access_log off;
  include $PWD/deploy/nginx.conf;
}
CONF
nginx -t -q -p "$work" -c "$work/nginx.conf"
echo "check-nginx-conf: deploy/nginx.conf is valid ($(nginx -v 2>&1 | sed 's/^nginx version: //'))"
