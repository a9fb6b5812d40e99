#!/usr/bin/env bash
# Runs every test: the Swift suites (unit, store, router, importer; the PostgreSQL ones against a local server this
# script starts), a smoke run of the real binary, the Chromium layout test, and the contract tests (feeds, sitemaps,
# structured data, Content API). In CI (CI=true) a missing browser or database is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v swift >/dev/null || { echo "test: Swift 6.1 or newer is needed (https://swift.org/install)" >&2; exit 1; }
scripts/install-deps.sh --test
# A PostgreSQL server of its own unless one is named (postgres://user:password@host:port/database).
export TOASOAN_TEST_DATABASE_URL="${TOASOAN_TEST_DATABASE_URL:-$(scripts/postgres-test-server.sh)}"
swift build --build-tests
# The PostgreSQL suites in a run of their own: beside the other 700 tests on two cores, connections waited past the
# store's 5 s deadline, which is the deadline working, not a failure of the code under test.
# The store contract suites run on both backends, so they go with the PostgreSQL ones; so does every suite whose
# name ends in PostgresTests (NewsStorePostgresTests, NewspaperCopyPostgresTests, …).
# A hung run fails instead of stalling CI.
timeout 30m swift test --skip-build --skip 'PostgresTests|NewsStoreContractTests'
timeout 30m swift test --skip-build --filter 'PostgresTests|NewsStoreContractTests'
scripts/smoke-test.sh "$(swift build --show-bin-path)/toasoan"
# Two nodes on one PostgreSQL: invalidation across nodes, a node killed mid-publish, the database going away.
"${PYTHON:-/usr/bin/python3}" scripts/two-node-test.py "$(swift build --show-bin-path)/toasoan"
# Debian's python3 carries the apt-installed Selenium; elsewhere set PYTHON.
python="${PYTHON:-/usr/bin/python3}"
"$python" -m pytest -q Tests/Browser --toasoan "$(swift build --show-bin-path)/toasoan"
# The example nginx configuration for several nodes (deploy/nginx.conf), checked by nginx itself.
scripts/check-nginx-conf.sh
# Feeds, sitemaps, structured data and the Content API, checked by real parsers (their own virtualenv).
scripts/contract-test.sh "$(swift build --show-bin-path)/toasoan"
