#!/usr/bin/env bash
# Contract tests: what the site publishes for machines, checked by the parsers machines use, against the real binary
# with the demo newsroom — feeds with feedparser, sitemaps with xmllint and the protocols' XML schemas, structured
# data with extruct, the Content API fuzzed by schemathesis against openapi/content.yaml.
#   scripts/contract-test.sh [PATH/TO/toasoan]
# The parsers come from PyPI into a virtualenv (.build/contract-venv, remade when Tests/Contract/requirements.txt
# changes); Debian needs python3-venv and libxml2-utils (scripts/install-deps.sh --test installs them).
# CONTRACT_MAX_EXAMPLES sets schemathesis' examples per operation (default 100); SCHEMATHESIS_SEED replays a run.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-$(swift build --show-bin-path)/toasoan}"
venv="${TOASOAN_CONTRACT_VENV:-.build/contract-venv}"
requirements=Tests/Contract/requirements.txt

command -v xmllint >/dev/null || { echo "contract-test: xmllint is missing (apt-get install libxml2-utils)" >&2; exit 1; }
if [[ ! -x "$venv/bin/python" ]] || ! cmp -s "$requirements" "$venv/requirements.txt"; then
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv" || { echo "contract-test: python3 -m venv failed (apt-get install python3-venv)" >&2; exit 1; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$venv/requirements.txt"
fi
"$venv/bin/python" scripts/openapi-json.py --check
started=$(date +%s)
"$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/Contract --toasoan "$binary"
echo "contract-test: $(( $(date +%s) - started )) s"
