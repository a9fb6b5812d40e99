"""The Content API against its own document: openapi/content.yaml is what the server serves, and schemathesis fuzzes
every operation of it (valid and invalid input) against the running binary — no 5xx, every status, header, content
type and body as documented, invalid input refused, undocumented methods 405. Time-boxed by examples per operation
(CONTRACT_MAX_EXAMPLES, default 100)."""
import json
import os
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

YAML = os.path.join(ROOT, "openapi", "content.yaml")
BUNDLED = os.path.join(ROOT, "Sources", "NewsWeb", "Resources", "content-openapi.json")


@pytest.mark.contract
def test_the_served_document_is_the_committed_yaml(site):
    with open(YAML, encoding="utf-8") as file:
        written = yaml.safe_load(file)
    with open(BUNDLED, encoding="utf-8") as file:
        bundled = json.load(file)
    assert bundled == written, "run scripts/openapi-json.py after editing openapi/content.yaml"
    response = site.get("/api/v1/openapi.json")
    assert response.status == 200
    assert response.json() == written


@pytest.mark.contract
def test_schemathesis_finds_nothing(site):
    examples = os.environ.get("CONTRACT_MAX_EXAMPLES", "100")
    command = [
        os.path.join(os.path.dirname(sys.executable), "schemathesis"), "run", YAML, "--url", site.base,
        "--checks", "all", "--phases", "examples,coverage,fuzzing", "--max-examples", examples,
        "--generation-database", "none", "--request-timeout", "10", "--workers", "2", "--no-color",
        "--suppress-health-check", "too_slow,filter_too_much",
    ]
    if os.environ.get("SCHEMATHESIS_SEED"):
        command += ["--seed", os.environ["SCHEMATHESIS_SEED"]]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    report = result.stdout[-12000:] + result.stderr[-4000:]
    print(report)
    assert result.returncode == 0, report


@pytest.mark.contract
def test_cached_answers_keep_their_headers_on_the_fast_path(site):
    """The second request for a plain list is answered from the channel pipeline: same ETag, CORS and caching."""
    first = site.get("/api/v1/articles")
    second = site.get("/api/v1/articles")
    for response in (first, second):
        assert response.status == 200
        assert response.headers["access-control-allow-origin"] == "*"
        assert response.headers["cache-control"] == "public, max-age=30"
        assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert first.headers["etag"] == second.headers["etag"]
    not_modified = site.get("/api/v1/articles", headers={"If-None-Match": first.headers["etag"]})
    assert not_modified.status == 304
    assert not_modified.headers["access-control-allow-origin"] == "*"
    assert not_modified.body == b""


@pytest.mark.contract
def test_page_tokens_walk_the_whole_demo_once(site):
    everything = site.get("/api/v1/articles?limit=100").json()
    ids, token = [], None
    while True:
        page = site.get("/api/v1/articles?limit=7" + (f"&page_token={token}" if token else "")).json()
        assert page["total"] == everything["total"]
        ids += [article["id"] for article in page["articles"]]
        token = page["next_page_token"]
        if token is None:
            break
    assert ids == [article["id"] for article in everything["articles"]]
    assert len(ids) == everything["total"] == len(set(ids))


@pytest.mark.contract
def test_preflight_and_refused_methods(site):
    preflight = site.request(
        "/api/v1/articles", "OPTIONS", {"Origin": "https://app.example", "Access-Control-Request-Method": "GET"}
    )
    assert preflight.status == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "GET" in preflight.headers["access-control-allow-methods"]
    refused = site.request("/api/v1/articles", "DELETE")
    assert refused.status == 405
    assert refused.headers["allow"] == "GET, HEAD, OPTIONS"
    assert refused.json()["error"]["code"] == "method-not-allowed"
