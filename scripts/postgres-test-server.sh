#!/usr/bin/env bash
# Makes sure a PostgreSQL server runs on 127.0.0.1:5432 with the test role and database, and prints the URL the
# PostgreSQL tests read (TOASOAN_TEST_DATABASE_URL). Debian/Ubuntu, without systemd (containers, CI): the cluster is
# created and started with pg_ctlcluster; needs root or sudo. Safe to run again when everything is already there.
#   export TOASOAN_TEST_DATABASE_URL="$(scripts/postgres-test-server.sh)"
set -euo pipefail
sudo=""
[[ "$(id -u)" -ne 0 ]] && sudo="sudo"
if ! command -v pg_lsclusters >/dev/null; then
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
fi
version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
# apt's postinst creates the cluster <version>/main on port 5432; a machine where it did not gets one now.
pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q . \
  || $sudo pg_createcluster "$version" main --port 5432 >&2
# pg_ctlcluster start fails when the cluster already runs, hence the check.
pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q . \
  || $sudo pg_ctlcluster "$version" main start >&2
pg_isready -q -h 127.0.0.1 -p 5432 -t 30
# The test role may create schemas in its own database only; every test works in a schema of its own.
$sudo runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q >&2 <<'SQL'
SELECT 'CREATE ROLE toasoan LOGIN PASSWORD ''toasoan'''
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'toasoan') \gexec
SELECT 'CREATE DATABASE toasoan_test OWNER toasoan ENCODING ''UTF8'' TEMPLATE template0'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'toasoan_test') \gexec
SQL
echo "postgres://toasoan:toasoan@127.0.0.1:5432/toasoan_test"
