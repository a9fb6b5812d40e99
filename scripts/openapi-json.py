#!/usr/bin/env python3
"""Turns openapi/content.yaml (the Content API's document as written) into the JSON the server bundles and serves
at /api/v1/openapi.json (Sources/NewsWeb/Resources/content-openapi.json). Swift has no YAML parser in this stack, so
the JSON is generated here and committed; run this after editing the YAML. With --check it changes nothing and exits
1 when the committed JSON does not say what the YAML says (the contract tests run that check too).

Needs PyYAML (Debian: python3-yaml).
"""
import json
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "openapi" / "content.yaml"
TARGET = ROOT / "Sources" / "NewsWeb" / "Resources" / "content-openapi.json"


def document():
    with SOURCE.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def main():
    data = document()
    if sys.argv[1:] == ["--check"]:
        try:
            committed = json.loads(TARGET.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"openapi-json: cannot read {TARGET.relative_to(ROOT)}: {error}", file=sys.stderr)
            return 1
        if committed != data:
            print(f"openapi-json: {TARGET.relative_to(ROOT)} differs from {SOURCE.relative_to(ROOT)}; "
                  "run scripts/openapi-json.py", file=sys.stderr)
            return 1
        return 0
    if sys.argv[1:]:
        print("usage: scripts/openapi-json.py [--check]", file=sys.stderr)
        return 2
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
