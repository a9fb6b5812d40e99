#!/usr/bin/env bash
# Runs every test: the Swift suites (unit, store, router, importer), a smoke run of the real binary, the
# Chromium layout test, and the contract tests (feeds, sitemaps, structured data, Content API). In CI (CI=true) a
# missing browser is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v swift >/dev/null || { echo "test: Swift 6.1 or newer is needed (https://swift.org/install)" >&2; exit 1; }
scripts/install-deps.sh --test
swift build --build-tests
swift test --skip-build
scripts/smoke-test.sh "$(swift build --show-bin-path)/toasoan"
# Debian's python3 carries the apt-installed Selenium; elsewhere set PYTHON.
python="${PYTHON:-/usr/bin/python3}"
"$python" -m pytest -q Tests/Browser --toasoan "$(swift build --show-bin-path)/toasoan"
# Feeds, sitemaps, structured data and the Content API, checked by real parsers (their own virtualenv).
scripts/contract-test.sh "$(swift build --show-bin-path)/toasoan"
