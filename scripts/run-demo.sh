#!/usr/bin/env bash
# Runs the demo newspaper on http://127.0.0.1:8080 (embedded SQLite in ./data, demo newsroom seeded when empty).
# Extra arguments go to `toasoan serve`, e.g. scripts/run-demo.sh --port 9000.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v swift >/dev/null || { echo "run-demo: Swift 6.1 or newer is needed (https://swift.org/install)" >&2; exit 1; }
scripts/install-deps.sh
configuration="${CONFIGURATION:-release}"
swift build -c "$configuration" --product toasoan
mkdir -p data
binary="$(swift build -c "$configuration" --show-bin-path)/toasoan"
# The demo's own database follows the code: a file left by an older build is brought up to date first.
"$binary" migrate --database data/toasoan.sqlite
exec "$binary" serve --demo --database data/toasoan.sqlite "$@"
