#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Tòa Soạn needs, only those that are missing.
#   scripts/install-deps.sh          build and run (C libraries the Swift package links)
#   scripts/install-deps.sh --test   also what the tests use (Chromium, its driver, Selenium, pytest; venv, PyYAML and
#                                    xmllint for the contract tests, whose parsers come from PyPI; sqlite3 for the
#                                    smoke test; nginx to check deploy/nginx.conf)
#   scripts/install-deps.sh --bench  also what the benchmarks use (wrk, nginx)
set -euo pipefail

packages=(pkg-config libsqlite3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libvips-dev curl)
for arg in "$@"; do
  case "$arg" in
    --test) packages+=(chromium chromium-driver python3-selenium python3-pytest fonts-noto-core python3-venv python3-yaml libxml2-utils sqlite3 nginx-light) ;;
    --bench) packages+=(wrk nginx-light) ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done

if [[ "$(uname -s)" == "Darwin" ]]; then
  command -v brew >/dev/null || { echo "install-deps: install Homebrew first (https://brew.sh)" >&2; exit 1; }
  brew list cmark-gfm >/dev/null 2>&1 || brew install cmark-gfm
  brew list vips >/dev/null 2>&1 || brew install vips
  exit 0
fi

if ! command -v dpkg-query >/dev/null; then
  echo "install-deps: not a Debian/Ubuntu system; install by hand: ${packages[*]}" >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# nginx-light and nginx both provide the nginx binary; either will do.
if [[ " ${missing[*]} " == *" nginx-light "* ]] && command -v nginx >/dev/null; then
  missing=("${missing[@]/nginx-light}")
fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
[[ "$(id -u)" -ne 0 ]] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y --no-install-recommends "${missing[@]}"
